/* The forecast rules (documented in tiendo(1), FORECAST). */
#include <math.h>
#include <string.h>

#include "tiendo/forecast.h"
#include "tiendo/i18n.h"

enum verdict forecast_verdict(double projection, bool higher_is_better, double low, double high,
                              double tolerance)
{
    if (higher_is_better) {
        if (projection >= low)
            return VERDICT_ON_TRACK;
        return projection >= low * (1 - tolerance) ? VERDICT_AT_RISK : VERDICT_OFF_TRACK;
    }
    /* Lower is better: the target is a ceiling, mirrored. */
    if (projection <= high)
        return VERDICT_ON_TRACK;
    return projection <= high * (1 + tolerance) ? VERDICT_AT_RISK : VERDICT_OFF_TRACK;
}

static int level(const struct forecast_input *in, struct forecast_result *r)
{
    if (in->npoints < 2)
        return 0;
    double mx = 0, my = 0;
    for (int i = 0; i < in->npoints; i++) {
        mx += in->points[i].year;
        my += in->points[i].value;
    }
    mx /= in->npoints;
    my /= in->npoints;
    double sxy = 0, sxx = 0;
    for (int i = 0; i < in->npoints; i++) {
        double dx = in->points[i].year - mx;
        sxy += dx * (in->points[i].value - my);
        sxx += dx * dx;
    }
    if (sxx == 0)
        return 0; /* every point in one year: no line */
    r->slope = sxy / sxx;
    r->intercept = my - r->slope * mx;
    r->projection = r->intercept + r->slope * in->target_year;
    r->verdict =
        forecast_verdict(r->projection, in->higher_is_better, in->low, in->high, in->tolerance);
    return 0;
}

static int growth(const struct forecast_input *in, struct forecast_result *r)
{
    double product = 1;
    int n = 0;
    for (int i = 0; i < in->npoints; i++) {
        if (in->points[i].year < in->first_year || in->points[i].year > in->target_year)
            continue;
        product *= 1 + in->points[i].value / 100;
        n++;
    }
    if (n == 0 || product <= 0)
        return 0;
    int years = in->target_year - in->first_year + 1;
    r->achieved = (pow(product, 1.0 / n) - 1) * 100;
    /* The remaining years grow at the achieved average, so the period averages the same. */
    r->projection = r->achieved;
    r->remaining = years > n ? years - n : 0;
    if (in->future_year > 0) {
        /* The years still to come that have no value yet; the past ones without a value are
         * taken at the achieved average. */
        int to_come = 0;
        for (int y = in->future_year > in->first_year ? in->future_year : in->first_year;
             y <= in->target_year; y++) {
            bool entered = false;
            for (int i = 0; i < in->npoints; i++)
                entered |= in->points[i].year == y;
            to_come += !entered;
        }
        product *= pow(1 + r->achieved / 100, r->remaining - to_come);
        r->remaining = to_come;
    }
    double goal = in->higher_is_better ? in->low : in->high;
    if (r->remaining > 0)
        r->required = (pow(pow(1 + goal / 100, years) / product, 1.0 / r->remaining) - 1) * 100;
    r->verdict =
        forecast_verdict(r->projection, in->higher_is_better, in->low, in->high, in->tolerance);
    return 0;
}

int forecast(const struct forecast_input *in, struct forecast_result *result)
{
    memset(result, 0, sizeof *result);
    result->verdict = VERDICT_NOT_ENOUGH;
    if (in->target_year <= 0)
        return -1;
    return in->kind == IND_LEVEL ? level(in, result) : growth(in, result);
}

const char *verdict_label(enum verdict v)
{
    switch (v) {
    case VERDICT_ON_TRACK:
        return _("on track");
    case VERDICT_AT_RISK:
        return _("at risk");
    case VERDICT_OFF_TRACK:
        return _("off track");
    default:
        return _("not enough data");
    }
}
