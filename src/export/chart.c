/* An indicator's chart: the scale shared by the SVG (HTML) and PNG (DOCX) writers, and the PNG
 * drawn with cairo. Only src/export draws; the data is the plain struct of tiendo/draft.h. */
#include <cairo.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/chart.h"
#include "tiendo/i18n.h"
#include "tiendo/text.h"

const char *chart_number(char *buf, size_t size, double v, int decimals, const char *lang)
{
    /* As few decimals as the value needs, up to decimals; then written as people of the
     * draft's language write numbers (12,6 and 1.234 in Vietnamese), whatever the locale. */
    char machine[64];
    snprintf(machine, sizeof machine, "%.*f", decimals, v);
    const char *dot = strchr(machine, '.');
    int need = 0;
    if (dot != NULL) {
        const char *end = machine + strlen(machine) - 1;
        while (end > dot && *end == '0')
            end--;
        need = (int)(end - dot);
    }
    return text_human_number(v, need, lang, buf, size);
}

/* A round step for about four intervals over range: 1, 2, 2.5 or 5 times a power of ten. */
static double nice_step(double range)
{
    double raw = range / 4, p = 1;
    while (p * 10 <= raw)
        p *= 10;
    while (p > raw)
        p /= 10;
    static const double mult[] = {1, 2, 2.5, 5, 10};
    for (int i = 0; i < 5; i++)
        if (p * mult[i] >= raw)
            return p * mult[i];
    return p * 10;
}

void chart_scale_of(const struct report_indicator *r, struct chart_scale *s)
{
    double lo = 0, hi = r->has_target ? r->high : 1;
    for (int i = 0; i < r->nvalues; i++) {
        lo = r->values[i] < lo ? r->values[i] : lo;
        hi = r->values[i] > hi ? r->values[i] : hi;
    }
    if (r->has_baseline)
        hi = r->baseline_value > hi ? r->baseline_value : hi;
    if (r->has_projection)
        hi = r->projection > hi ? r->projection : hi;
    if (hi <= lo)
        hi = lo + 1;
    double step = nice_step(hi - lo);
    lo = floor(lo / step) * step;
    hi = ceil(hi / step) * step;
    if (hi - lo < step * 4.5 && hi + step > hi)
        hi += step; /* room above the highest point for its label */
    int first = r->nvalues > 0 ? r->years[0] : r->target_year - 10;
    if (r->has_baseline && r->baseline_year < first)
        first = r->baseline_year;
    int last = r->has_target ? r->target_year : first + 10;
    if (last <= first)
        last = first + 1;
    *s = (struct chart_scale){lo, hi, step, first, last};
}

/* ---- PNG ---- */

struct png_buf {
    unsigned char *data;
    size_t size, cap;
    int failed;
};

static cairo_status_t png_append(void *closure, const unsigned char *data, unsigned int length)
{
    struct png_buf *b = closure;
    if (b->size + length > b->cap) {
        size_t cap = b->cap ? b->cap : 16384;
        while (cap < b->size + length)
            cap *= 2;
        unsigned char *p = realloc(b->data, cap);
        if (p == NULL) {
            b->failed = 1;
            return CAIRO_STATUS_WRITE_ERROR;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->size, data, length);
    b->size += length;
    return CAIRO_STATUS_SUCCESS;
}

static void rgb(cairo_t *cr, unsigned hex)
{
    cairo_set_source_rgb(cr, ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                         (hex & 0xff) / 255.0);
}

enum anchor { START, MIDDLE, END };

/* Text at (x, y) on its baseline, anchored as SVG's text-anchor; shrunk to fit max_w (0: any);
 * on a pale box when halo, so that a line or the band under it does not hide it. */
static void label_on(cairo_t *cr, double x, double y, double size, int bold, enum anchor a,
                     double max_w, int halo, const char *s)
{
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL,
                           bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t e;
    cairo_text_extents(cr, s, &e);
    if (max_w > 0 && e.x_advance > max_w) {
        cairo_set_font_size(cr, size * max_w / e.x_advance * 0.97);
        cairo_text_extents(cr, s, &e);
    }
    double left = a == START ? x : a == MIDDLE ? x - e.x_advance / 2 : x - e.x_advance;
    if (left < 1)
        left = 1;
    if (left + e.x_advance > CHART_W - 1)
        left = CHART_W - 1 - e.x_advance;
    if (left < 1)
        left = 1;
    if (halo) {
        cairo_pattern_t *ink = cairo_pattern_reference(cairo_get_source(cr));
        cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
        cairo_rectangle(cr, left - 2, y - size, e.x_advance + 4, size * 1.3);
        cairo_fill(cr);
        cairo_set_source(cr, ink);
        cairo_pattern_destroy(ink);
    }
    cairo_move_to(cr, left, y);
    cairo_show_text(cr, s);
}

static void label(cairo_t *cr, double x, double y, double size, int bold, enum anchor a,
                  double max_w, const char *s)
{
    label_on(cr, x, y, size, bold, a, max_w, 0, s);
}

static void draw(cairo_t *cr, const struct report_indicator *r, const char *lang)
{
    struct chart_scale s;
    chart_scale_of(r, &s);
    const double x0 = CHART_X0, w = CHART_PLOTW, top = CHART_TOP, h = CHART_PLOTH;
#define X(year) (x0 + (double)((year)-s.first) / (s.last - s.first) * w)
#define Y(v)    (top + (s.hi - (v)) / (s.hi - s.lo) * h)
    char a[32], line[700];
    rgb(cr, 0xffffff);
    cairo_paint(cr);
    rgb(cr, 0x111111);
    snprintf(line, sizeof line, "%s %s (%s)", r->code ? r->code : "", r->name ? r->name : "",
             r->measure_unit ? r->measure_unit : "");
    label(cr, 0, 14, 12, 1, START, CHART_W - 2, line);
    cairo_set_line_width(cr, 1);
    /* The y axis: round values, with light grid lines. */
    int nticks = (int)((s.hi - s.lo) / s.step + 0.5);
    for (int k = 0; k <= nticks; k++) {
        double v = s.lo + s.step * k, y = floor(Y(v)) + 0.5;
        rgb(cr, 0xdddddd);
        cairo_move_to(cr, x0, y);
        cairo_line_to(cr, x0 + w, y);
        cairo_stroke(cr);
        rgb(cr, 0x333333);
        label(cr, x0 - 4, y + 3.5, 10, 0, END, 0, chart_number(a, sizeof a, v, 2, lang));
    }
    if (r->has_target) {
        double y1 = Y(r->high), y2 = Y(r->low);
        cairo_set_source_rgba(cr, 0xf3 / 255.0, 0xd2 / 255.0, 0x7a / 255.0, 0.6);
        cairo_rectangle(cr, x0, y1, w, y2 - y1 > 1 ? y2 - y1 : 2);
        cairo_fill(cr);
    }
    /* The values, joined from the baseline. */
    rgb(cr, 0x2a7ab0);
    cairo_set_line_width(cr, 2);
    int started = 0;
    if (r->has_baseline) {
        cairo_move_to(cr, X(r->baseline_year), Y(r->baseline_value));
        started = 1;
    }
    for (int i = 0; i < r->nvalues; i++) {
        if (started)
            cairo_line_to(cr, X(r->years[i]), Y(r->values[i]));
        else
            cairo_move_to(cr, X(r->years[i]), Y(r->values[i]));
        started = 1;
    }
    cairo_stroke(cr);
    for (int i = 0; i < r->nvalues; i++) {
        cairo_arc(cr, X(r->years[i]), Y(r->values[i]), 3, 0, 2 * M_PI);
        cairo_fill(cr);
    }
    if (r->has_baseline) {
        double bx = X(r->baseline_year), by = Y(r->baseline_value);
        rgb(cr, 0x555555);
        cairo_rectangle(cr, bx - 3, by - 3, 6, 6);
        cairo_fill(cr);
        snprintf(line, sizeof line, "%s %s", _("baseline"),
                 chart_number(a, sizeof a, r->baseline_value, 2, lang));
        label_on(cr, bx + 5, by + 14, 10, 0, START, 0, 1, line);
    }
    if (r->has_projection && r->has_target && r->nvalues > 0) {
        int ly = r->years[r->nvalues - 1];
        double lv = r->values[r->nvalues - 1];
        static const double dash[] = {5, 4};
        rgb(cr, 0x2a7ab0);
        cairo_set_line_width(cr, 1.5);
        cairo_set_dash(cr, dash, 2, 0);
        cairo_move_to(cr, X(ly), Y(lv));
        cairo_line_to(cr, X(r->target_year), Y(r->projection));
        cairo_stroke(cr);
        cairo_set_dash(cr, NULL, 0, 0);
        rgb(cr, r->verdict_class == 3 ? 0xa00000 : r->verdict_class == 2 ? 0x8a5a00 : 0x1d5a80);
        snprintf(line, sizeof line, "%s %s: %s", _("projection"),
                 chart_number(a, sizeof a, r->projection, 2, lang), r->verdict ? r->verdict : "");
        label_on(cr, X(r->target_year), Y(r->projection) - 5, 10, 1, END, 0, 1, line);
    }
    /* The band's label last, over the lines that cross it. */
    if (r->has_target) {
        char b[32];
        rgb(cr, 0x6b4e00);
        snprintf(line, sizeof line, _("target %s–%s in %d"),
                 chart_number(a, sizeof a, r->low, 2, lang),
                 chart_number(b, sizeof b, r->high, 2, lang), r->target_year);
        label_on(cr, x0 + 4, Y(r->high) - 3, 10, 0, START, 0, 1, line);
    }
    /* The x axis: the years. */
    rgb(cr, 0x888888);
    cairo_set_line_width(cr, 1);
    cairo_move_to(cr, x0, top + h + 0.5);
    cairo_line_to(cr, x0 + w, top + h + 0.5);
    cairo_stroke(cr);
    rgb(cr, 0x333333);
    int ystep = (s.last - s.first) > 10 ? 2 : 1;
    for (int y = s.first; y <= s.last; y += ystep) {
        snprintf(a, sizeof a, "%d", y);
        label(cr, X(y), top + h + 14, 10, 0, MIDDLE, 0, a);
    }
    if (r->nvalues == 0 && !r->has_baseline) {
        rgb(cr, 0x555555);
        label(cr, 80, 100, 12, 0, START, 0, _("No data for this section."));
    }
#undef X
#undef Y
}

int chart_indicator_png(const struct report_indicator *r, const char *lang, unsigned char **png,
                        size_t *size)
{
    cairo_surface_t *sf = cairo_image_surface_create(CAIRO_FORMAT_RGB24, CHART_W * CHART_PNG_SCALE,
                                                     CHART_PNG_H * CHART_PNG_SCALE);
    cairo_t *cr = cairo_create(sf);
    cairo_scale(cr, CHART_PNG_SCALE, CHART_PNG_SCALE);
    draw(cr, r, lang);
    int bad = cairo_status(cr) != CAIRO_STATUS_SUCCESS;
    cairo_destroy(cr);
    struct png_buf b = {0};
    if (!bad && cairo_surface_write_to_png_stream(sf, png_append, &b) != CAIRO_STATUS_SUCCESS)
        bad = 1;
    cairo_surface_destroy(sf);
    if (bad || b.failed || b.size == 0) {
        free(b.data);
        return -1;
    }
    *png = b.data;
    *size = b.size;
    return 0;
}
