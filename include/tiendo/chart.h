/* An indicator's chart, drawn the same way for every format: the scale both the HTML (SVG)
 * writer and the DOCX (PNG, cairo) writer use, the numbers as the draft's language writes
 * them, and the PNG rendering. From the plain struct of tiendo/draft.h; no database. */
#ifndef TIENDO_CHART_H
#define TIENDO_CHART_H

#include <stddef.h>

#include "tiendo/draft.h"

/* The chart's canvas (SVG user units; the PNG is drawn at twice this) and its plot area. */
#define CHART_W     640
#define CHART_H     240
#define CHART_X0    60
#define CHART_PLOTW 520
#define CHART_TOP   30
#define CHART_PLOTH 160
/* The PNG stops below the years of the x axis. */
#define CHART_PNG_H 212

/* Round y-axis values lo..hi by step (about four intervals, room above the highest point for
 * its label) and the years first..last on the x axis. */
struct chart_scale {
    double lo, hi, step;
    int first, last;
};
void chart_scale_of(const struct report_indicator *r, struct chart_scale *s);

/* v with at most decimals decimals, no trailing zeros, as people of lang write numbers
 * ("12,6" in Vietnamese, "12.6" in English). Returns buf. */
const char *chart_number(char *buf, size_t size, double v, int decimals, const char *lang);

/* The indicator's chart as a PNG (title with code, name and unit of measure, y-axis values,
 * x-axis years, the target band labelled, the baseline, the projection dashed with its
 * verdict), numbers in lang; *png is malloc'ed, CHART_PNG_SCALE times the canvas in pixels.
 * Returns 0, or -1 (nothing to free). */
#define CHART_PNG_SCALE 2
int chart_indicator_png(const struct report_indicator *r, const char *lang, unsigned char **png,
                        size_t *size);

#endif
