/* Will an indicator reach its target? The forecast rules of the plan's evaluation (c):
 * a least-squares line for level indicators, the geometric mean for growth indicators. */
#ifndef TIENDO_FORECAST_H
#define TIENDO_FORECAST_H

#include <stdbool.h>

enum indicator_kind { IND_LEVEL, IND_GROWTH };

enum verdict { VERDICT_NOT_ENOUGH, VERDICT_ON_TRACK, VERDICT_AT_RISK, VERDICT_OFF_TRACK };

struct forecast_point {
    int year;
    double value; /* level: the value; growth: the year's growth in % */
};

struct forecast_input {
    enum indicator_kind kind;
    bool higher_is_better;
    /* level: the baseline and every actual value; growth: the yearly growth rates. */
    const struct forecast_point *points;
    int npoints;
    int first_year;   /* growth: the first year of the period the target averages over */
    int target_year;  /* the year the target is for */
    double low, high; /* the target range (low == high for a single number) */
    double tolerance; /* e.g. 0.05: within 5 % of the target is "at risk", not "off track" */
    int future_year;  /* growth: the first year still to come (0: every year not entered is);
                         years before it without a value count as grown at the achieved
                         average, and only the years from it on are "needed from now on" */
};

struct forecast_result {
    enum verdict verdict;
    double projection;       /* level: value at target_year; growth: average % over the period */
    double achieved;         /* growth: the average % of the years entered */
    double required;         /* growth: % needed each remaining year to reach low (higher is
                                better) or high; 0 when no year remains */
    int remaining;           /* growth: years of the period not entered yet */
    double slope, intercept; /* level: the fitted line, value = intercept + slope * year */
};

/* Fills result; returns 0, or -1 for an input that makes no sense (no target year). */
int forecast(const struct forecast_input *in, struct forecast_result *result);

/* The verdict of a projection against a target, as forecast() judges it. */
enum verdict forecast_verdict(double projection, bool higher_is_better, double low, double high,
                              double tolerance);

const char *verdict_label(enum verdict v); /* translated */

#endif
