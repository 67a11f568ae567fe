/* Report drafts in Markdown and HTML (one self-contained file: inline CSS, inline SVG charts,
 * printable on A4, nothing fetched from the network). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/i18n.h"
#include "tiendo/report.h"
#include "tiendo/text.h"

struct out {
    FILE *f;
    enum report_format fmt;
    int failed;
};

static void put(struct out *o, const char *s)
{
    if (fputs(s, o->f) < 0)
        o->failed = 1;
}

static void putf(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void putf(struct out *o, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (vfprintf(o->f, fmt, ap) < 0)
        o->failed = 1;
    va_end(ap);
}

/* Data text: control characters shown escaped, then escaped for the format (HTML entities;
 * in Markdown, | and line breaks that would break a table). */
static void text(struct out *o, const char *s)
{
    if (s == NULL)
        return;
    size_t need = text_escape(s, NULL, 0);
    char *safe = malloc(need + 1);
    if (safe == NULL) {
        o->failed = 1;
        return;
    }
    text_escape(s, safe, need + 1);
    for (const char *p = safe; *p; p++) {
        if (o->fmt == REPORT_HTML) {
            switch (*p) {
            case '&':
                put(o, "&amp;");
                continue;
            case '<':
                put(o, "&lt;");
                continue;
            case '>':
                put(o, "&gt;");
                continue;
            case '"':
                put(o, "&quot;");
                continue;
            default:
                break;
            }
        } else if (*p == '|') {
            put(o, "\\|");
            continue;
        }
        if (fputc(*p, o->f) == EOF)
            o->failed = 1;
    }
    free(safe);
}

static void heading(struct out *o, int level, const char *t)
{
    if (o->fmt == REPORT_HTML) {
        putf(o, "<h%d>", level);
        text(o, t);
        putf(o, "</h%d>\n", level);
    } else {
        putf(o, "\n%.*s ", level, "######");
        text(o, t);
        put(o, "\n\n");
    }
}

static void para(struct out *o, const char *t)
{
    put(o, o->fmt == REPORT_HTML ? "<p>" : "");
    text(o, t);
    put(o, o->fmt == REPORT_HTML ? "</p>\n" : "\n\n");
}

static void no_data(struct out *o)
{
    if (o->fmt == REPORT_HTML)
        put(o, "<p class=\"none\">");
    text(o, _("No data for this section."));
    put(o, o->fmt == REPORT_HTML ? "</p>\n" : "\n\n");
}

static void table_start(struct out *o, const char *const *head, int n)
{
    if (o->fmt == REPORT_HTML) {
        put(o, "<table><tr>");
        for (int i = 0; i < n; i++) {
            put(o, "<th>");
            text(o, head[i]);
            put(o, "</th>");
        }
        put(o, "</tr>\n");
        return;
    }
    put(o, "|");
    for (int i = 0; i < n; i++) {
        put(o, " ");
        text(o, head[i]);
        put(o, " |");
    }
    put(o, "\n|");
    for (int i = 0; i < n; i++)
        put(o, " --- |");
    put(o, "\n");
}

static void table_row(struct out *o, const char *const *cells, int n, const char *cls)
{
    if (o->fmt == REPORT_HTML) {
        putf(o, cls != NULL ? "<tr class=\"%s\">" : "<tr>", cls != NULL ? cls : "");
        for (int i = 0; i < n; i++) {
            put(o, "<td>");
            text(o, cells[i]);
            put(o, "</td>");
        }
        put(o, "</tr>\n");
        return;
    }
    put(o, "|");
    for (int i = 0; i < n; i++) {
        put(o, " ");
        /* One line per cell in Markdown. */
        char *flat = strdup(cells[i] != NULL ? cells[i] : "");
        for (char *p = flat; p != NULL && *p; p++)
            if (*p == '\n' || *p == '\r')
                *p = ' ';
        text(o, flat);
        free(flat);
        put(o, " |");
    }
    put(o, "\n");
}

static void table_end(struct out *o)
{
    put(o, o->fmt == REPORT_HTML ? "</table>\n" : "\n");
}

/* ---- Charts (HTML only; Markdown readers get the tables) ---- */

static void svg_units(struct out *o, const struct report_data *d)
{
    int n = d->nunits, h = 22 * n + 30;
    putf(o,
         "<svg class=\"chart\" role=\"img\" width=\"640\" height=\"%d\" viewBox=\"0 0 640 %d\">"
         "<title>",
         h, h);
    text(o, _("Average progress by unit"));
    put(o, "</title>\n");
    if (n == 0) {
        put(o, "<text x=\"10\" y=\"20\">");
        text(o, _("No data for this section."));
        put(o, "</text>");
    }
    for (int i = 0; i < n; i++) {
        const struct report_unit *u = &d->units[i];
        int y = 10 + i * 22, w = (int)(u->avg_percent * 4.5);
        putf(o, "<text x=\"0\" y=\"%d\" font-size=\"11\">", y + 13);
        text(o, u->code);
        putf(o,
             "</text><rect x=\"100\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#2a7ab0\"/>"
             "<text x=\"%d\" y=\"%d\" font-size=\"11\">%.0f %%</text>\n",
             y, w, 106 + w, y + 13, u->avg_percent);
    }
    put(o, "</svg>\n");
}

static void svg_indicator(struct out *o, const struct report_indicator *r)
{
    double lo = 0, hi = r->has_target ? r->high : 1;
    for (int i = 0; i < r->nvalues; i++) {
        lo = r->values[i] < lo ? r->values[i] : lo;
        hi = r->values[i] > hi ? r->values[i] : hi;
    }
    if (r->has_baseline)
        hi = r->baseline_value > hi ? r->baseline_value : hi;
    if (hi <= lo)
        hi = lo + 1;
    hi *= 1.1;
    int x0 = 40, w = 560, h = 160;
    int first = r->nvalues > 0 ? r->years[0] : r->target_year - 10;
    if (r->has_baseline && r->baseline_year < first)
        first = r->baseline_year;
    int last = r->has_target ? r->target_year : first + 10;
    if (last <= first)
        last = first + 1;
#define X(year) (x0 + (int)((double)((year)-first) / (last - first) * w))
#define Y(v)    (10 + (int)((hi - (v)) / (hi - lo) * h))
    putf(o,
         "<svg class=\"chart\" role=\"img\" width=\"640\" height=\"200\" viewBox=\"0 0 640 200\">"
         "<title>");
    text(o, r->code);
    put(o, "</title>\n");
    if (r->has_target)
        putf(o,
             "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f3d27a\" "
             "opacity=\"0.6\"/>\n",
             x0, Y(r->high), w, Y(r->low) - Y(r->high) > 1 ? Y(r->low) - Y(r->high) : 2);
    put(o, "<polyline fill=\"none\" stroke=\"#2a7ab0\" stroke-width=\"2\" points=\"");
    if (r->has_baseline)
        putf(o, "%d,%d ", X(r->baseline_year), Y(r->baseline_value));
    for (int i = 0; i < r->nvalues; i++)
        putf(o, "%d,%d ", X(r->years[i]), Y(r->values[i]));
    put(o, "\"/>\n");
    for (int i = 0; i < r->nvalues; i++)
        putf(o, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#2a7ab0\"/>\n", X(r->years[i]),
             Y(r->values[i]));
    putf(o,
         "<text x=\"%d\" y=\"195\" font-size=\"11\">%d</text><text x=\"%d\" y=\"195\" "
         "font-size=\"11\">%d</text>\n",
         x0, first, x0 + w - 24, last);
    if (r->nvalues == 0 && !r->has_baseline) {
        put(o, "<text x=\"60\" y=\"100\">");
        text(o, _("No data for this section."));
        put(o, "</text>\n");
    }
    put(o, "</svg>\n");
#undef X
#undef Y
}

static void svg_submissions(struct out *o, const struct report_data *d)
{
    put(o, "<svg class=\"chart\" role=\"img\" width=\"640\" height=\"60\" viewBox=\"0 0 640 60\">"
           "<title>");
    text(o, _("Submissions on time and late"));
    put(o, "</title>\n");
    long total = d->reports_on_time + d->reports_late + d->reports_missing;
    if (total == 0) {
        put(o, "<text x=\"10\" y=\"30\">");
        text(o, _("No data for this section."));
        put(o, "</text>");
    } else {
        int a = (int)(600.0 * d->reports_on_time / total),
            b = (int)(600.0 * d->reports_late / total);
        putf(o,
             "<rect x=\"0\" y=\"10\" width=\"%d\" height=\"30\" fill=\"#3a9a4a\"/>"
             "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"30\" fill=\"#e0a020\"/>"
             "<rect x=\"%d\" y=\"10\" width=\"%d\" height=\"30\" fill=\"#c0392b\"/>",
             a, a, b, a + b, 600 - a - b);
    }
    put(o, "</svg>\n");
}

/* ---- The sections ---- */

/* A number in the draft as people write it in its language: 12,60 in Vietnamese. */
static void fmt_num(char *buf, size_t size, const struct report_data *d, bool has, double v)
{
    if (has)
        text_human_number(v, 2, d->lang, buf, size);
    else
        snprintf(buf, size, "-");
}

/* fmt_num followed by a year in brackets: "12,60 (2025)". */
static void fmt_num_year(char *buf, size_t size, const struct report_data *d, bool has, double v,
                         int year)
{
    char num[32];
    fmt_num(num, sizeof num, d, has, v);
    if (has)
        snprintf(buf, size, "%s (%d)", num, year);
    else
        snprintf(buf, size, "-");
}

int report_write(FILE *f, const struct report_data *d, enum report_format fmt)
{
    struct out o = {f, fmt, 0};
    if (fmt == REPORT_HTML) {
        put(&o, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>");
        text(&o, d->title);
        put(&o, "</title>\n<style>\n"
                "@page { size: A4; margin: 18mm 16mm; }\n"
                "body { font-family: 'Times New Roman', serif; font-size: 12pt; color: #111; "
                "max-width: 180mm; margin: auto; }\n"
                "h1 { font-size: 16pt; text-align: center; } h2 { font-size: 13pt; "
                "margin-top: 1.4em; } h3 { font-size: 12pt; }\n"
                "table { border-collapse: collapse; width: 100%; margin: 0.5em 0; "
                "font-size: 10pt; page-break-inside: auto; }\n"
                "th, td { border: 1px solid #888; padding: 2px 4px; vertical-align: top; }\n"
                "th { background: #eee; } tr.late td { color: #a00; }\n"
                ".none { font-style: italic; color: #555; } .demo { border: 1px solid #c80; "
                "padding: 4px; color: #850; }\n"
                "svg.chart { display: block; margin: 0.5em 0; page-break-inside: avoid; }\n"
                "</style></head>\n<body>\n");
    }
    heading(&o, 1, d->title);
    para(&o, d->plan_title);
    char line[512];
    snprintf(line, sizeof line, _("Period: %s · made on %s from the data of tiendo"),
             d->period_label, d->generated);
    para(&o, line);
    if (d->unit_filter != NULL) {
        snprintf(line, sizeof line, _("Unit: %s"), d->unit_filter);
        para(&o, line);
    }
    if (d->demo) {
        if (fmt == REPORT_HTML)
            put(&o, "<p class=\"demo\">");
        text(&o, _("This database holds demo data: the figures below are invented for "
                   "illustration and are not official."));
        put(&o, fmt == REPORT_HTML ? "</p>\n" : "\n\n");
    }

    /* (a) Integration into the units' own plans. */
    heading(&o, 2, d->criteria[0] != NULL ? d->criteria[0] : _("Integration of the tasks"));
    if (d->nunits == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("Unit"), _("Tasks led"), _("In its own plan")};
        table_start(&o, head, 3);
        for (int i = 0; i < d->nunits; i++) {
            char a[16], b[16], name[300];
            snprintf(name, sizeof name, "%s %s", d->units[i].code, d->units[i].name);
            snprintf(a, sizeof a, "%ld", d->units[i].tasks);
            snprintf(b, sizeof b, "%ld", d->units[i].integrated);
            const char *cells[] = {name, a, b};
            table_row(&o, cells, 3, NULL);
        }
        table_end(&o);
    }

    /* (b) Progress, per unit then per group. */
    heading(&o, 2, d->criteria[1] != NULL ? d->criteria[1] : _("Progress of the tasks"));
    if (d->ntasks == 0) {
        no_data(&o);
    } else {
        heading(&o, 3, _("By unit"));
        const char *head[] = {_("Unit"),    _("Tasks"),  _("Done"),
                              _("Overdue"), _("Behind"), _("Average %")};
        table_start(&o, head, 6);
        for (int i = 0; i < d->nunits; i++) {
            const struct report_unit *u = &d->units[i];
            if (u->tasks == 0)
                continue;
            char c[5][24];
            snprintf(c[0], 24, "%ld", u->tasks);
            snprintf(c[1], 24, "%ld", u->done);
            snprintf(c[2], 24, "%ld", u->overdue);
            snprintf(c[3], 24, "%ld", u->behind);
            snprintf(c[4], 24, "%.0f", u->avg_percent);
            const char *cells[] = {u->code, c[0], c[1], c[2], c[3], c[4]};
            table_row(&o, cells, 6, u->overdue > 0 ? "late" : NULL);
        }
        table_end(&o);
        if (fmt == REPORT_HTML)
            svg_units(&o, d);
        const char *group = NULL;
        const char *thead[] = {_("Code"), _("Task"), _("Lead"), _("Due"), _("Status"), "%"};
        for (int i = 0; i < d->ntasks; i++) {
            const struct report_task *t = &d->tasks[i];
            if (group == NULL || strcmp(group, t->group) != 0) {
                if (group != NULL)
                    table_end(&o);
                group = t->group;
                heading(&o, 3, group[0] != '\0' ? group : _("Tasks without a group"));
                table_start(&o, thead, 6);
            }
            char pct[8];
            snprintf(pct, sizeof pct, "%d", t->percent);
            const char *cells[] = {t->code, t->title, t->unit, t->due, t->status, pct};
            table_row(&o, cells, 6, t->overdue ? "late" : NULL);
        }
        table_end(&o);
    }

    /* (c) Targets. */
    heading(&o, 2, d->criteria[2] != NULL ? d->criteria[2] : _("Reaching the targets"));
    if (d->nindicators == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("Indicator"),  _("Baseline"),      _("Target"), _("Latest"),
                              _("Projection"), _("Needed a year"), _("Verdict")};
        table_start(&o, head, 7);
        for (int i = 0; i < d->nindicators; i++) {
            const struct report_indicator *r = &d->indicators[i];
            char name[600], base[40], target[48], latest[40], proj[24], req[24];
            snprintf(name, sizeof name, "%s %s (%s)", r->code, r->name, r->measure_unit);
            fmt_num_year(base, sizeof base, d, r->has_baseline, r->baseline_value,
                         r->baseline_year);
            if (r->has_target) {
                char lo[20], hi[20];
                snprintf(target, sizeof target, "%s–%s (%d)",
                         text_human_number(r->low, 2, d->lang, lo, sizeof lo),
                         text_human_number(r->high, 2, d->lang, hi, sizeof hi), r->target_year);
            } else {
                snprintf(target, sizeof target, "-");
            }
            fmt_num_year(latest, sizeof latest, d, r->has_latest, r->latest, r->latest_year);
            fmt_num(proj, sizeof proj, d, r->has_projection, r->projection);
            fmt_num(req, sizeof req, d, r->has_required, r->required);
            const char *cells[] = {name, base, target, latest, proj, req, r->verdict};
            table_row(&o, cells, 7, r->verdict_class == 3 ? "late" : NULL);
        }
        table_end(&o);
        if (fmt == REPORT_HTML)
            for (int i = 0; i < d->nindicators; i++)
                svg_indicator(&o, &d->indicators[i]);
    }

    /* (d) Difficulties and proposals. */
    heading(&o, 2,
            d->criteria[3] != NULL ? d->criteria[3] : _("Difficulties, obstacles and proposals"));
    if (d->ndifficulties == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("Date"), _("Task"), _("Unit"), _("Difficulty")};
        table_start(&o, head, 4);
        for (int i = 0; i < d->ndifficulties; i++) {
            const struct report_note *n = &d->difficulties[i];
            const char *cells[] = {n->date, n->task, n->unit, n->text};
            table_row(&o, cells, 4, NULL);
        }
        table_end(&o);
    }

    /* The reporting regime. */
    heading(&o, 2, _("Reporting"));
    if (d->reports_expected == 0) {
        no_data(&o);
    } else {
        snprintf(line, sizeof line,
                 _("%ld submissions expected: %ld on time, %ld late, %ld missing"),
                 d->reports_expected, d->reports_on_time, d->reports_late, d->reports_missing);
        para(&o, line);
    }
    if (fmt == REPORT_HTML)
        svg_submissions(&o, d);

    heading(&o, 2, _("Inspections and surveys"));
    if (d->ninspections == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("Date"),  _("Kind"),     _("Units"),
                              _("Scope"), _("Findings"), _("Recommendations")};
        table_start(&o, head, 6);
        for (int i = 0; i < d->ninspections; i++) {
            const struct report_inspection *n = &d->inspections[i];
            const char *cells[] = {n->date,  n->kind,     n->units,
                                   n->scope, n->findings, n->recommendations};
            table_row(&o, cells, 6, NULL);
        }
        table_end(&o);
    }

    heading(&o, 2, _("Communication activities"));
    if (d->activities == 0)
        no_data(&o);

    heading(&o, 2, _("Conferences and meetings"));
    if (d->nmeetings == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("Date"), _("Kind"), _("Title"), _("Conclusions")};
        table_start(&o, head, 4);
        for (int i = 0; i < d->nmeetings; i++) {
            const struct report_meeting *m = &d->meetings[i];
            const char *cells[] = {m->date[0] != '\0' ? m->date : _("not set yet"), m->kind,
                                   m->title, m->conclusions};
            table_row(&o, cells, 4, NULL);
        }
        table_end(&o);
    }

    heading(&o, 2, _("Proposed adjustments"));
    if (d->nproposals == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("Date"), _("Task"), _("Unit"), _("Proposal")};
        table_start(&o, head, 4);
        for (int i = 0; i < d->nproposals; i++) {
            const struct report_note *n = &d->proposals[i];
            const char *cells[] = {n->date, n->task, n->unit, n->text};
            table_row(&o, cells, 4, NULL);
        }
        table_end(&o);
    }
    if (fmt == REPORT_HTML)
        put(&o, "</body></html>\n");
    if (fflush(f) != 0)
        o.failed = 1;
    return o.failed ? -1 : 0;
}
