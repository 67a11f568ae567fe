/* Target indicators in the database: their targets, baselines and yearly values. */
#ifndef TIENDO_STORE_TARGETS_H
#define TIENDO_STORE_TARGETS_H

#include <stdbool.h>

#include "tiendo/err.h"
#include "tiendo/forecast.h"
#include "tiendo/store.h"

#define INDICATOR_TARGETS 8
#define INDICATOR_VALUES  64

struct indicator_row {
    long id, version;
    char code[32], name[512], measure_unit[64], owner[32];
    char short_name[128]; /* the plan's short_name, "" for none */
    enum indicator_kind kind;
    bool higher_is_better;
    bool has_baseline, baseline_demo;
    int baseline_year;
    double baseline_value;
    struct {
        int year;
        double low, high;
    } targets[INDICATOR_TARGETS];
    int ntargets;
    struct {
        int year;
        double value;
        bool demo;
    } values[INDICATOR_VALUES]; /* by year */
    int nvalues;
};

/* The active indicators in plan order, each with its targets and values. */
int store_indicator_each(struct store *st, int (*fn)(void *ctx, const struct indicator_row *r),
                         void *ctx, struct td_err *err);
int store_indicator_list(struct store *st, struct indicator_row *out, int max, int *n,
                         struct td_err *err);

/* Sets (or, with clear, removes) an indicator's value for a year, in one transaction with its
 * audit row. was is the value the user saw (NULL: none): when the stored one differs, someone
 * else saved meanwhile, and the result is TD_E_CONFLICT naming their value; nothing changes. */
int store_indicator_value_set(struct store *st, long indicator_id, int year, bool clear,
                              double value, const double *was, struct td_err *err);

/* The forecast of an indicator for its last target (tiendo(1), FORECAST): level indicators
 * from the baseline and the values, growth indicators over the years from the plan's first
 * year (or the year after the baseline) to the target year. */
void indicator_forecast(const struct indicator_row *r, int plan_start_year, double tolerance,
                        struct forecast_result *out);
/* The same as seen in a given year: future_year is the first year still to come (the year
 * after a report's period, or today's year on a screen), so "needed from now on" spreads over
 * those years only. */
void indicator_forecast_at(const struct indicator_row *r, int plan_start_year, double tolerance,
                           int future_year, struct forecast_result *out);

#endif
