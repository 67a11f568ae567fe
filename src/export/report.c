/* Report drafts in Markdown and HTML (one self-contained file: inline CSS, inline SVG charts,
 * printable on A4, nothing fetched from the network). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "tiendo/chart.h"
#include "tiendo/i18n.h"
#include "tiendo/report.h"
#include "tiendo/text.h"

/* The pictures of a DOCX package (word/media/chartN.png, N from 1), drawn as the body is. */
struct docx_media {
    unsigned char **png;
    size_t *size;
    int n;
};

struct out {
    FILE *f;
    enum report_format fmt;
    int failed;
    struct docx_media *media; /* DOCX only */
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
        if (o->fmt == REPORT_DOCX && *p == '\n') {
            put(o, "</w:t><w:br/><w:t xml:space=\"preserve\">");
            continue;
        }
        if (o->fmt == REPORT_HTML || o->fmt == REPORT_DOCX) {
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

/* Word's run of text: what text() writes goes between the two. */
#define DOCX_RUN     "<w:r><w:t xml:space=\"preserve\">"
#define DOCX_RUN_END "</w:t></w:r>"

static void heading(struct out *o, int level, const char *t)
{
    if (o->fmt == REPORT_DOCX) {
        putf(o, "<w:p><w:pPr><w:pStyle w:val=\"Heading%d\"/></w:pPr>" DOCX_RUN, level);
        text(o, t);
        put(o, DOCX_RUN_END "</w:p>\n");
        return;
    }
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

/* A paragraph's start and end; style (may be NULL) is a class in HTML, a style in Word. */
static void para_begin(struct out *o, const char *style)
{
    if (o->fmt == REPORT_HTML)
        putf(o, style != NULL ? "<p class=\"%s\">" : "<p>", style != NULL ? style : "");
    else if (o->fmt == REPORT_DOCX)
        putf(o,
             style != NULL ? "<w:p><w:pPr><w:pStyle w:val=\"%s\"/></w:pPr>" DOCX_RUN
                           : "<w:p>%s" DOCX_RUN,
             style != NULL ? style : "");
}

static void para_end(struct out *o)
{
    put(o, o->fmt == REPORT_HTML   ? "</p>\n"
           : o->fmt == REPORT_DOCX ? DOCX_RUN_END "</w:p>\n"
                                   : "\n\n");
}

static void para(struct out *o, const char *t)
{
    para_begin(o, NULL);
    text(o, t);
    para_end(o);
}

static void no_data(struct out *o)
{
    para_begin(o, "none");
    text(o, _("No data for this section."));
    para_end(o);
}

/* The columns of a Word table, of equal widths over the text's width (twips). */
static void docx_grid(struct out *o, int n)
{
    put(o, "<w:tblGrid>");
    for (int i = 0; i < n; i++)
        putf(o, "<w:gridCol w:w=\"%d\"/>", 9000 / (n > 0 ? n : 1));
    put(o, "</w:tblGrid>");
}

/* A Word table cell holding text, bold when asked. */
static void docx_cell(struct out *o, const char *t, bool bold)
{
    put(o, bold ? "<w:tc><w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">"
                : "<w:tc><w:p>" DOCX_RUN);
    text(o, t);
    put(o, DOCX_RUN_END "</w:p></w:tc>");
}

static void table_start(struct out *o, const char *const *head, int n)
{
    if (o->fmt == REPORT_DOCX) {
        put(o, "<w:tbl><w:tblPr><w:tblStyle w:val=\"Grid\"/><w:tblW w:w=\"5000\" "
               "w:type=\"pct\"/></w:tblPr>");
        docx_grid(o, n);
        put(o, "<w:tr><w:trPr><w:tblHeader/></w:trPr>");
        for (int i = 0; i < n; i++)
            docx_cell(o, head[i], true);
        put(o, "</w:tr>\n");
        return;
    }
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
    if (o->fmt == REPORT_DOCX) {
        put(o, "<w:tr>");
        for (int i = 0; i < n; i++)
            docx_cell(o, cells[i] != NULL ? cells[i] : "", false);
        put(o, "</w:tr>\n");
        return;
    }
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
    put(o, o->fmt == REPORT_HTML   ? "</table>\n"
           : o->fmt == REPORT_DOCX ? "</w:tbl><w:p/>\n"
                                   : "\n");
}

/* Every number a reader sees goes through here: at most `decimals` decimals, no trailing
 * zeros ("12", "12.5"). The one place to switch to the Vietnamese decimal comma. */
static const char *num_lang = "vi"; /* the draft's language, set by report_write */

static const char *num(char *buf, size_t size, double v, int decimals)
{
    return chart_number(buf, size, v, decimals, num_lang);
}

/* A count, through the same formatter. */
static const char *count(char *buf, size_t size, long n)
{
    return num(buf, size, (double)n, 0);
}

/* ---- Charts (HTML only; Markdown readers get the tables) ---- */

static void svg_units(struct out *o, const struct report_data *d)
{
    int n = d->nunits, h = 22 * n + 50;
    putf(o,
         "<svg class=\"chart\" role=\"img\" width=\"640\" height=\"%d\" viewBox=\"0 0 640 %d\">"
         "<title>",
         h, h);
    text(o, _("Average progress by unit"));
    put(o, "</title>\n<text x=\"0\" y=\"14\" font-size=\"12\" font-weight=\"bold\">");
    text(o, _("Average progress by unit"));
    put(o, " (%)</text>\n");
    for (int i = 0; i < n; i++) {
        const struct report_unit *u = &d->units[i];
        int y = 30 + i * 22, w = (int)(u->avg_percent * 4.5);
        char v[32];
        putf(o, "<text x=\"0\" y=\"%d\" font-size=\"11\">", y + 13);
        text(o, u->code);
        putf(o,
             "</text><rect x=\"100\" y=\"%d\" width=\"%d\" height=\"16\" fill=\"#2a7ab0\"/>"
             "<text x=\"%d\" y=\"%d\" font-size=\"11\">%s %%</text>\n",
             y, w, 106 + w, y + 13, num(v, sizeof v, u->avg_percent, 0));
    }
    put(o, "</svg>\n");
}

static void svg_indicator(struct out *o, const struct report_indicator *r)
{
    struct chart_scale s;
    chart_scale_of(r, &s);
    const double lo = s.lo, hi = s.hi, step = s.step;
    const int first = s.first, last = s.last;
    int x0 = CHART_X0, w = CHART_PLOTW, top = CHART_TOP, h = CHART_PLOTH;
#define X(year) (x0 + (int)((double)((year)-first) / (last - first) * w))
#define Y(v)    (top + (int)((hi - (v)) / (hi - lo) * h))
    char a[32];
    put(o, "<svg class=\"chart\" role=\"img\" width=\"640\" height=\"240\" "
           "viewBox=\"0 0 640 240\"><title>");
    text(o, r->code);
    put(o, " ");
    text(o, r->name);
    put(o, "</title>\n<text x=\"0\" y=\"14\" font-size=\"12\" font-weight=\"bold\">");
    text(o, r->code);
    put(o, " ");
    text(o, r->name);
    put(o, " (");
    text(o, r->measure_unit);
    put(o, ")</text>\n");
    /* The y axis: round values. */
    int nticks = (int)((hi - lo) / step + 0.5);
    for (int k = 0; k <= nticks; k++) {
        double v = lo + step * k;
        putf(o,
             "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
             "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%s</text>\n",
             x0, Y(v), x0 + w, Y(v), x0 - 4, Y(v) + 3, num(a, sizeof a, v, 2));
    }
    if (r->has_target) {
        int y1 = Y(r->high), y2 = Y(r->low);
        putf(o,
             "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f3d27a\" "
             "opacity=\"0.6\"/>\n<text x=\"%d\" y=\"%d\" font-size=\"10\">",
             x0, y1, w, y2 - y1 > 1 ? y2 - y1 : 2, x0 + 4, y1 - 2);
        char label[128], b[32];
        snprintf(label, sizeof label, _("target %s–%s in %d"), num(a, sizeof a, r->low, 2),
                 num(b, sizeof b, r->high, 2), r->target_year);
        text(o, label);
        put(o, "</text>\n");
    }
    put(o, "<polyline fill=\"none\" stroke=\"#2a7ab0\" stroke-width=\"2\" points=\"");
    if (r->has_baseline)
        putf(o, "%d,%d ", X(r->baseline_year), Y(r->baseline_value));
    for (int i = 0; i < r->nvalues; i++)
        putf(o, "%d,%d ", X(r->years[i]), Y(r->values[i]));
    put(o, "\"/>\n");
    if (r->has_baseline) {
        putf(o,
             "<rect x=\"%d\" y=\"%d\" width=\"6\" height=\"6\" fill=\"#555\"/>"
             "<text x=\"%d\" y=\"%d\" font-size=\"10\">",
             X(r->baseline_year) - 3, Y(r->baseline_value) - 3, X(r->baseline_year) + 5,
             Y(r->baseline_value) + 12);
        text(o, _("baseline"));
        putf(o, " %s</text>\n", num(a, sizeof a, r->baseline_value, 2));
    }
    for (int i = 0; i < r->nvalues; i++)
        putf(o, "<circle cx=\"%d\" cy=\"%d\" r=\"3\" fill=\"#2a7ab0\"/>\n", X(r->years[i]),
             Y(r->values[i]));
    if (r->has_projection && r->has_target && r->nvalues > 0) {
        int ly = r->years[r->nvalues - 1];
        double lv = r->values[r->nvalues - 1];
        putf(o,
             "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#2a7ab0\" "
             "stroke-dasharray=\"5,4\"/>\n<text x=\"%d\" y=\"%d\" font-size=\"10\" "
             "text-anchor=\"end\">",
             X(ly), Y(lv), X(r->target_year), Y(r->projection), X(r->target_year),
             Y(r->projection) - 4);
        text(o, _("projection"));
        putf(o, " %s: ", num(a, sizeof a, r->projection, 2));
        text(o, r->verdict);
        put(o, "</text>\n");
    }
    /* The x axis: the years. */
    int ystep = (last - first) > 10 ? 2 : 1;
    putf(o, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", x0, top + h,
         x0 + w, top + h);
    for (int y = first; y <= last; y += ystep)
        putf(o, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>\n", X(y),
             top + h + 14, y);
    if (r->nvalues == 0 && !r->has_baseline) {
        put(o, "<text x=\"80\" y=\"100\">");
        text(o, _("No data for this section."));
        put(o, "</text>\n");
    }
    put(o, "</svg>\n");
#undef X
#undef Y
}

static void svg_submissions(struct out *o, const struct report_data *d)
{
    put(o, "<svg class=\"chart\" role=\"img\" width=\"640\" height=\"90\" viewBox=\"0 0 640 90\">"
           "<title>");
    text(o, _("Submissions on time and late"));
    put(o, "</title>\n<text x=\"0\" y=\"14\" font-size=\"12\" font-weight=\"bold\">");
    text(o, _("Submissions on time and late"));
    put(o, "</text>\n");
    long total = d->reports_on_time + d->reports_late + d->reports_missing;
    if (total == 0) {
        put(o, "<text x=\"10\" y=\"44\">");
        text(o, _("No data for this section."));
        put(o, "</text>");
    } else {
        int a = (int)(600.0 * d->reports_on_time / total),
            b = (int)(600.0 * d->reports_late / total);
        putf(o,
             "<rect x=\"0\" y=\"24\" width=\"%d\" height=\"30\" fill=\"#3a9a4a\"/>"
             "<rect x=\"%d\" y=\"24\" width=\"%d\" height=\"30\" fill=\"#e0a020\"/>"
             "<rect x=\"%d\" y=\"24\" width=\"%d\" height=\"30\" fill=\"#c0392b\"/>\n",
             a, a, b, a + b, 600 - a - b);
        /* The legend. */
        const char *labels[3] = {_("on time"), _("late"), _("not submitted")};
        const char *colors[3] = {"#3a9a4a", "#e0a020", "#c0392b"};
        long counts[3] = {d->reports_on_time, d->reports_late, d->reports_missing};
        for (int i = 0; i < 3; i++) {
            char c[32];
            putf(o,
                 "<rect x=\"%d\" y=\"66\" width=\"10\" height=\"10\" fill=\"%s\"/>"
                 "<text x=\"%d\" y=\"75\" font-size=\"11\">",
                 i * 200, colors[i], i * 200 + 14);
            text(o, labels[i]);
            putf(o, ": %s</text>\n", count(c, sizeof c, counts[i]));
        }
    }
    put(o, "</svg>\n");
}

/* ---- The sections ---- */

/* "-" for a value that is not there. */
static const char *opt_num(char *buf, size_t size, bool has, double v)
{
    if (has)
        return num(buf, size, v, 2);
    snprintf(buf, size, "-");
    return buf;
}

/* The heading of criterion k: its code from the plan, its words from the catalogue. */
static const char *criterion_heading(const struct report_data *d, int facts, char *buf, size_t size)
{
    static const char *const defaults[4] = {N_("Integration of the tasks"),
                                            N_("Progress of the tasks"), N_("Reaching the targets"),
                                            N_("Difficulties, obstacles and proposals")};
    const char *code = NULL;
    for (int i = 0; i < d->ncriteria; i++)
        if (d->criteria_facts[i] == facts)
            code = d->criteria_codes[i];
    if (code != NULL)
        snprintf(buf, size, "%s) %s", code, _(defaults[facts]));
    else
        snprintf(buf, size, "%s", _(defaults[facts]));
    return buf;
}

/* The evaluation of one criterion, unit by unit. */
static void evaluation_of(struct out *o, const struct report_data *d, int k)
{
    char line[256];
    snprintf(line, sizeof line, _("Evaluation %s) for %s"), d->criteria_codes[k],
             d->eval_period != NULL ? d->eval_period : "");
    heading(o, 3, line);
    int shown = 0;
    const char *head[] = {_("Unit"), _("Rating"), _("Comment"), _("Evidence"), _("Measure")};
    for (int u = 0; u < d->nunits; u++) {
        const struct report_eval *e = &d->units[u].evals[k];
        if (e->rating == NULL && (e->comment == NULL || e->comment[0] == '\0'))
            continue;
        if (shown++ == 0)
            table_start(o, head, 5);
        char name[300];
        snprintf(name, sizeof name, "%s %s", d->units[u].code, d->units[u].name);
        const char *cells[] = {name, e->rating != NULL ? e->rating : _("not rated"), e->comment,
                               e->evidence, e->measure};
        table_row(o, cells, 5, NULL);
    }
    if (shown > 0)
        table_end(o);
    else
        para(o, _("No unit has been evaluated on this criterion for the period yet."));
}

static void evaluations_for(struct out *o, const struct report_data *d, int facts)
{
    for (int k = 0; k < d->ncriteria; k++)
        if (d->criteria_facts[k] == facts)
            evaluation_of(o, d, k);
}

static void task_table(struct out *o, const struct report_data *d)
{
    const char *group = NULL;
    const char *thead[] = {_("Code"), _("Task"), _("Lead"), _("Due"), _("Status"), "%"};
    for (int i = 0; i < d->ntasks; i++) {
        const struct report_task *t = &d->tasks[i];
        if (group == NULL || strcmp(group, t->group) != 0) {
            if (group != NULL)
                table_end(o);
            group = t->group;
            heading(o, 4, group[0] != '\0' ? group : _("Tasks without a group"));
            table_start(o, thead, 6);
        }
        char pct[16];
        const char *cells[] = {t->code, t->title,  t->unit,
                               t->due,  t->status, count(pct, sizeof pct, t->percent)};
        table_row(o, cells, 6, t->overdue ? "late" : NULL);
    }
    if (group != NULL)
        table_end(o);
}

static void progress_section(struct out *o, const struct report_data *d)
{
    char c[6][32];
    if (d->tasks_total == 0) {
        no_data(o);
        return;
    }
    heading(o, 3, _("By unit"));
    const char *head[] = {_("Unit"),    _("Tasks"),  _("Done"),
                          _("Overdue"), _("Behind"), _("Average %")};
    table_start(o, head, 6);
    for (int i = 0; i < d->nunits; i++) {
        const struct report_unit *u = &d->units[i];
        if (u->tasks == 0)
            continue;
        const char *cells[] = {u->code,
                               count(c[0], 32, u->tasks),
                               count(c[1], 32, u->done),
                               count(c[2], 32, u->overdue),
                               count(c[3], 32, u->behind),
                               num(c[4], 32, u->avg_percent, 0)};
        table_row(o, cells, 6, u->overdue > 0 ? "late" : NULL);
    }
    table_end(o);
    if (o->fmt == REPORT_HTML)
        svg_units(o, d);
    heading(o, 3, _("By group"));
    const char *ghead[] = {_("Group"),   _("Tasks"),  _("Done"),
                           _("Overdue"), _("Behind"), _("Average %")};
    table_start(o, ghead, 6);
    for (int i = 0; i < d->ngroups; i++) {
        const struct report_group *g = &d->groups[i];
        const char *cells[] = {g->name[0] != '\0' ? g->name : _("Tasks without a group"),
                               count(c[0], 32, g->tasks),
                               count(c[1], 32, g->done),
                               count(c[2], 32, g->overdue),
                               count(c[3], 32, g->behind),
                               num(c[4], 32, g->avg_percent, 0)};
        table_row(o, cells, 6, g->overdue > 0 ? "late" : NULL);
    }
    table_end(o);
    if (d->all_tasks) {
        heading(o, 3, _("All tasks of the period"));
    } else {
        heading(o, 3, _("Tasks needing attention"));
        char line[512];
        snprintf(line, sizeof line,
                 _("%s of the period's %s tasks: overdue, behind schedule, or due within the "
                   "period and not done. The full list: tiendo report … --all-tasks."),
                 count(c[0], 32, d->attention_total), count(c[1], 32, d->tasks_total));
        para(o, line);
        if (d->ntasks < d->attention_total) {
            snprintf(line, sizeof line,
                     _("Listed here: the %s most pressing (overdue the longest first, then "
                       "behind schedule, then due in the period)."),
                     count(c[0], 32, d->ntasks));
            para(o, line);
        }
    }
    if (d->ntasks == 0)
        no_data(o);
    task_table(o, d);
}

/* An indicator's chart in Word: a PNG in the package, shown inline over the text's width
 * (160 mm, the canvas's proportions) through relationship rIdChartN. */
static void docx_chart(struct out *o, const struct report_indicator *r, int id)
{
    unsigned char *png;
    size_t size;
    struct docx_media *m = o->media;
    if (chart_indicator_png(r, num_lang, &png, &size) != 0) {
        o->failed = 1;
        return;
    }
    unsigned char **p = realloc(m->png, (size_t)(m->n + 1) * sizeof *p);
    if (p != NULL)
        m->png = p;
    size_t *z = p != NULL ? realloc(m->size, (size_t)(m->n + 1) * sizeof *z) : NULL;
    if (z == NULL) {
        free(png);
        o->failed = 1;
        return;
    }
    m->size = z;
    m->png[m->n] = png;
    m->size[m->n] = size;
    int n = ++m->n;
    const long cx = 160L * 36000, cy = cx * CHART_PNG_H / CHART_W; /* EMU: 36,000 a millimetre */
    putf(o,
         "<w:p><w:pPr><w:keepLines/><w:jc w:val=\"center\"/></w:pPr><w:r><w:drawing>"
         "<wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"%ld\" "
         "cy=\"%ld\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/>"
         "<wp:docPr id=\"%d\" name=\"chart%d\" descr=\"",
         cx, cy, id, n);
    text(o, r->code);
    put(o, " ");
    text(o, r->name);
    putf(o,
         "\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/>"
         "</wp:cNvGraphicFramePr><a:graphic><a:graphicData "
         "uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
         "<pic:nvPicPr><pic:cNvPr id=\"%d\" name=\"chart%d.png\"/><pic:cNvPicPr/></pic:nvPicPr>"
         "<pic:blipFill><a:blip r:embed=\"rIdChart%d\"/><a:stretch><a:fillRect/></a:stretch>"
         "</pic:blipFill><pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"%ld\" "
         "cy=\"%ld\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
         "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n",
         id, n, n, cx, cy);
}

static void targets_section(struct out *o, const struct report_data *d)
{
    if (d->nindicators == 0) {
        no_data(o);
        return;
    }
    const char *head[] = {_("Indicator"),  _("Baseline"),      _("Target"), _("Latest"),
                          _("Projection"), _("Needed a year"), _("Verdict")};
    table_start(o, head, 7);
    for (int i = 0; i < d->nindicators; i++) {
        const struct report_indicator *r = &d->indicators[i];
        char name[600], base[64], target[96], latest[64], proj[32], req[64], a[32];
        snprintf(name, sizeof name, "%s %s (%s)", r->code, r->name, r->measure_unit);
        if (r->has_baseline)
            snprintf(base, sizeof base, "%s (%d)", num(a, sizeof a, r->baseline_value, 2),
                     r->baseline_year);
        else
            snprintf(base, sizeof base, "-");
        if (r->has_target) {
            char b[32];
            snprintf(target, sizeof target, "%s–%s (%d)", num(a, sizeof a, r->low, 2),
                     num(b, sizeof b, r->high, 2), r->target_year);
        } else {
            snprintf(target, sizeof target, "-");
        }
        if (r->has_latest)
            snprintf(latest, sizeof latest, "%s (%d)", num(a, sizeof a, r->latest, 2),
                     r->latest_year);
        else
            snprintf(latest, sizeof latest, "-");
        opt_num(proj, sizeof proj, r->has_projection, r->projection);
        if (r->has_required)
            snprintf(req, sizeof req, _("%s for %d years"), num(a, sizeof a, r->required, 2),
                     r->remaining);
        else
            snprintf(req, sizeof req, "-");
        const char *cells[] = {name, base, target, latest, proj, req, r->verdict};
        table_row(o, cells, 7, r->verdict_class == 3 ? "late" : NULL);
    }
    table_end(o);
    for (int i = 0; i < d->nindicators; i++)
        if (o->fmt == REPORT_HTML)
            svg_indicator(o, &d->indicators[i]);
        else if (o->fmt == REPORT_DOCX && o->media != NULL)
            docx_chart(o, &d->indicators[i], i + 1);
}

static void summary_section(struct out *o, const struct report_data *d)
{
    char line[4096];
    snprintf(line, sizeof line, _("Evaluation summary %s"),
             d->eval_period != NULL ? d->eval_period : "");
    heading(o, 2, line);
    if (d->ncriteria == 0 || d->nunits == 0) {
        no_data(o);
        return;
    }
    const char *head[DRAFT_CRITERIA + 1];
    head[0] = _("Unit");
    for (int k = 0; k < d->ncriteria; k++)
        head[k + 1] = d->criteria_codes[k];
    size_t used = 0;
    int missing = 0, rated = 0;
    line[0] = '\0';
    for (int u = 0; u < d->nunits; u++) {
        const struct report_unit *ru = &d->units[u];
        if (!ru->evaluated) {
            used += (size_t)snprintf(line + used, used < sizeof line ? sizeof line - used : 0,
                                     "%s%s %s", missing++ > 0 ? ", " : "", ru->code, ru->name);
            if (used >= sizeof line)
                used = sizeof line;
            continue;
        }
        if (rated++ == 0)
            table_start(o, head, d->ncriteria + 1);
        const char *cells[DRAFT_CRITERIA + 1];
        cells[0] = ru->code;
        for (int k = 0; k < d->ncriteria; k++)
            cells[k + 1] = ru->evals[k].rating != NULL ? ru->evals[k].rating : "-";
        table_row(o, cells, d->ncriteria + 1, NULL);
    }
    if (rated > 0)
        table_end(o);
    if (missing > 0) {
        char intro[128];
        snprintf(intro, sizeof intro, _("Units not yet evaluated for %s:"),
                 d->eval_period != NULL ? d->eval_period : "");
        para_begin(o, NULL);
        text(o, intro);
        put(o, " ");
        text(o, line);
        para_end(o);
    } else {
        para(o, _("Every unit has been evaluated for the period."));
    }
}

/* Units by code and name, comma separated, with the date they submitted when asked. */
static void unit_list(struct out *o, const struct report_due *r, enum report_sub_state st,
                      const char *label)
{
    int n = 0;
    for (int i = 0; i < r->nunits; i++)
        n += r->units[i].state == st;
    if (n == 0)
        return;
    para_begin(o, NULL);
    char c[32];
    text(o, label);
    putf(o, " (%s): ", count(c, sizeof c, n));
    int k = 0;
    for (int i = 0; i < r->nunits; i++) {
        const struct report_submitter *m = &r->units[i];
        if (m->state != st)
            continue;
        if (k++ > 0)
            put(o, "; ");
        text(o, m->code);
        put(o, " ");
        text(o, m->name);
        if (st == RSUB_LATE) {
            put(o, " (");
            text(o, m->date);
            put(o, ")");
        }
    }
    para_end(o);
}

static void reporting_section(struct out *o, const struct report_data *d)
{
    char line[512];
    heading(o, 2, _("Reporting"));
    if (d->reports_expected == 0) {
        no_data(o);
    } else {
        char a[32], b[32], c[32], e[32];
        snprintf(line, sizeof line, _("%s submissions expected: %s on time, %s late, %s missing"),
                 count(a, sizeof a, d->reports_expected), count(b, sizeof b, d->reports_on_time),
                 count(c, sizeof c, d->reports_late), count(e, sizeof e, d->reports_missing));
        para(o, line);
    }
    if (o->fmt == REPORT_HTML)
        svg_submissions(o, d);
    for (int i = 0; i < d->nreports; i++) {
        const struct report_due *r = &d->reports[i];
        snprintf(line, sizeof line, _("%s (%s), due %s"), r->title, r->period, r->due);
        heading(o, 3, line);
        if (r->expected == 0) {
            para(o, _("Not due yet."));
            unit_list(o, r, RSUB_ON_TIME, _("On time"));
            unit_list(o, r, RSUB_NOT_DUE, _("Not submitted yet (not due)"));
            continue;
        }
        char rate[32], ontime[32];
        snprintf(
            line, sizeof line, _("Reporting rate %s %%, on time %s %%"),
            num(rate, sizeof rate, 100.0 * (double)(r->on_time + r->late) / (double)r->expected, 0),
            num(ontime, sizeof ontime, 100.0 * (double)r->on_time / (double)r->expected, 0));
        para(o, line);
        unit_list(o, r, RSUB_ON_TIME, _("On time"));
        unit_list(o, r, RSUB_LATE, _("Late"));
        unit_list(o, r, RSUB_MISSING, _("Not submitted"));
        unit_list(o, r, RSUB_NOT_DUE, _("Not submitted yet (not due)"));
    }
}

static void activities_section(struct out *o, const struct report_data *d)
{
    heading(o, 2, _("Communication activities"));
    if (d->nactivities == 0) {
        no_data(o);
        return;
    }
    const char *khead[] = {_("Kind"), _("Activities")};
    table_start(o, khead, 2);
    for (int i = 0; i < d->nactivity_kinds; i++) {
        char c[32];
        const char *cells[] = {d->activity_kinds[i].label[0] != '\0' ? d->activity_kinds[i].label
                                                                     : "-",
                               count(c, sizeof c, d->activity_kinds[i].n)};
        table_row(o, cells, 2, NULL);
    }
    table_end(o);
    const char *head[] = {_("Date"),  _("Kind"),  _("Channel"), _("Unit"),
                          _("Title"), _("Reach"), _("Status")};
    table_start(o, head, 7);
    for (int i = 0; i < d->nactivities; i++) {
        const struct report_activity *a = &d->activities[i];
        const char *cells[] = {a->date[0] != '\0' ? a->date : _("not set yet"),
                               a->kind,
                               a->channel,
                               a->unit,
                               a->title,
                               a->reach,
                               a->status};
        table_row(o, cells, 7, NULL);
    }
    table_end(o);
}

/* ---- The official layout (Decree 30/2020/ND-CP, Appendix I) ----
 * Only Vietnamese drafts are laid out so; the national title, the motto and the document's
 * fixed words are the decree's own Vietnamese, not messages to translate. */

static const char *or_blank(const char *s)
{
    return s != NULL && s[0] != '\0' ? s : "…";
}

/* "Hà Nội, ngày 05 tháng 02 năm 2026": a day below 10, and January and February, with a 0. */
static void place_and_date(const struct report_letterhead *h, char *buf, size_t size)
{
    snprintf(buf, size, "%s, ngày %02d tháng %s%d năm %d", or_blank(h->place), h->day,
             h->month <= 2 ? "0" : "", h->month, h->year);
}

/* One paragraph of a Word letterhead or signature block. */
static void docx_line(struct out *o, const char *t, bool bold, bool italic, bool center)
{
    putf(o, "<w:p><w:pPr>%s</w:pPr><w:r><w:rPr>%s%s</w:rPr><w:t xml:space=\"preserve\">",
         center ? "<w:jc w:val=\"center\"/>" : "", bold ? "<w:b/>" : "", italic ? "<w:i/>" : "");
    text(o, t);
    put(o, DOCX_RUN_END "</w:p>");
}

/* Two columns without borders, 40 % and 60 % of the decree's text width (9,355 twips), so that
 * the national title holds on one line. */
#define DOCX_PLAIN_TABLE                                                                           \
    "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblLayout w:type=\"fixed\"/>"         \
    "</w:tblPr><w:tblGrid><w:gridCol w:w=\"3742\"/><w:gridCol w:w=\"5613\"/></w:tblGrid><w:tr>"

static void letterhead(struct out *o, const struct report_data *d)
{
    const struct report_letterhead *h = &d->head;
    char number[300], date[300];
    snprintf(number, sizeof number, "Số: …/BC-%s", or_blank(h->symbol));
    place_and_date(h, date, sizeof date);
    if (o->fmt == REPORT_DOCX) {
        put(o, DOCX_PLAIN_TABLE "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"pct\"/></w:tcPr>");
        docx_line(o, or_blank(h->issuer), false, false, true);
        docx_line(o, or_blank(h->issuer_unit), true, false, true);
        docx_line(o, number, false, false, true);
        put(o, "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"3000\" w:type=\"pct\"/></w:tcPr>");
        /* The national title in 12 pt, as the decree allows (12–13), on one line. */
        put(o, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:r><w:rPr><w:b/><w:sz w:val=\"24\"/>"
               "</w:rPr><w:t>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</w:t></w:r></w:p>");
        docx_line(o, "Độc lập - Tự do - Hạnh phúc", true, false, true);
        docx_line(o, date, false, true, true);
        put(o, "</w:tc></w:tr></w:tbl>\n<w:p/>");
        docx_line(o, "BÁO CÁO", true, false, true);
        docx_line(o, d->title, true, false, true);
        put(o, "\n");
        return;
    }
    if (o->fmt == REPORT_HTML) {
        put(o, "<table class=\"letterhead\"><tr><td><div>");
        text(o, or_blank(h->issuer));
        put(o, "</div><div class=\"b\">");
        text(o, or_blank(h->issuer_unit));
        put(o, "</div><div class=\"rule\"></div><div>");
        text(o, number);
        put(o, "</div></td><td><div class=\"b nt\">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div>"
               "<div class=\"b\">Độc lập - Tự do - Hạnh phúc</div><div class=\"rule\"></div>"
               "<div class=\"i\">");
        text(o, date);
        put(o, "</div></td></tr></table>\n<h1 class=\"doctype\">BÁO CÁO</h1>\n"
               "<p class=\"summary\">");
        text(o, d->title);
        put(o, "</p>\n");
        return;
    }
    put(o, "\n");
    text(o, or_blank(h->issuer));
    put(o, "  \n**");
    text(o, or_blank(h->issuer_unit));
    put(o, "**  \n");
    text(o, number);
    put(o, "\n\n**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**  \n**Độc lập - Tự do - Hạnh phúc**\n\n*");
    text(o, date);
    put(o, "*\n\n# BÁO CÁO\n\n**");
    text(o, d->title);
    put(o, "**\n\n");
}

/* Nơi nhận (the recipients, one a line, then the file copy) and the signature block. */
static void signature(struct out *o, const struct report_data *d)
{
    const struct report_letterhead *h = &d->head;
    const char *list = h->recipients != NULL ? h->recipients : "";
    bool html = o->fmt == REPORT_HTML;
    if (o->fmt == REPORT_DOCX) {
        put(o, "<w:p/>" DOCX_PLAIN_TABLE "<w:tc><w:tcPr><w:tcW w:w=\"2500\" w:type=\"pct\"/>"
               "</w:tcPr>");
        docx_line(o, "Nơi nhận:", true, true, false);
        char *copy = strdup(list);
        for (char *save = NULL, *one = copy != NULL ? strtok_r(copy, ";", &save) : NULL;
             one != NULL; one = strtok_r(NULL, ";", &save)) {
            while (*one == ' ' || *one == '\t')
                one++;
            if (*one == '\0')
                continue;
            char line[600];
            snprintf(line, sizeof line, "- %s;", one);
            docx_line(o, line, false, false, false);
        }
        free(copy);
        docx_line(o, "- Lưu: VT.", false, false, false);
        put(o, "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"2500\" w:type=\"pct\"/></w:tcPr>");
        docx_line(o, or_blank(h->signer_position), true, false, true);
        for (int i = 0; i < 4; i++)
            put(o, "<w:p/>");
        docx_line(o, or_blank(h->signer_name), true, false, true);
        put(o, "</w:tc></w:tr></w:tbl>\n");
        return;
    }
    put(o, html ? "<table class=\"sign\"><tr><td><div class=\"b i\">Nơi nhận:</div>"
                : "\n***Nơi nhận:***  \n");
    while (*list != '\0') {
        const char *end = strchr(list, ';');
        size_t n = end != NULL ? (size_t)(end - list) : strlen(list);
        while (n > 0 && (*list == ' ' || *list == '\t')) {
            list++;
            n--;
        }
        char *one = strndup(list, n);
        if (one != NULL && one[0] != '\0') {
            put(o, html ? "<div>- " : "- ");
            text(o, one);
            put(o, html ? ";</div>" : ";  \n");
        }
        free(one);
        list += n;
        if (*list == ';')
            list++;
    }
    put(o, html ? "<div>- Lưu: VT.</div></td><td><div class=\"b\">" : "- Lưu: VT.\n\n**");
    text(o, or_blank(h->signer_position));
    put(o, html ? "</div><div class=\"sig\"></div><div class=\"b\">" : "**\n\n\n\n**");
    text(o, or_blank(h->signer_name));
    put(o, html ? "</div></td></tr></table>\n" : "**\n");
}

static int write_body(FILE *f, const struct report_data *d, enum report_format fmt,
                      struct docx_media *media)
{
    struct out o = {f, fmt, 0, media};
    char line[1200];
    if (fmt == REPORT_HTML) {
        put(&o, "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"/><title>");
        text(&o, d->title);
        put(&o, "</title>\n<style>\n"
                "@page { size: A4; margin: 18mm 16mm; }\n"
                "body { font-family: 'Times New Roman', serif; font-size: 12pt; color: #111; "
                "max-width: 180mm; margin: auto; }\n"
                "h1 { font-size: 16pt; text-align: center; } h2 { font-size: 13pt; "
                "margin-top: 1.4em; } h3 { font-size: 12pt; } h4 { font-size: 11pt; }\n"
                "table { border-collapse: collapse; width: 100%; margin: 0.5em 0; "
                "font-size: 10pt; page-break-inside: auto; }\n"
                "th, td { border: 1px solid #888; padding: 2px 4px; vertical-align: top; }\n"
                "th { background: #eee; } tr.late td { color: #a00; }\n"
                ".none { font-style: italic; color: #555; } .demo { border: 1px solid #c80; "
                "padding: 4px; color: #850; }\n"
                "svg.chart { display: block; margin: 0.5em 0; page-break-inside: avoid; }\n");
        if (d->head.official)
            put(&o, "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }\n"
                    "body { font-size: 13pt; max-width: 165mm; }\n"
                    "table.letterhead td, table.sign td { border: none; width: 50%; "
                    "text-align: center; font-size: 13pt; }\n"
                    "table.letterhead td:first-child { width: 40%; }\n"
                    ".nt { font-size: 12pt; white-space: nowrap; }\n"
                    ".b { font-weight: bold; } .i { font-style: italic; }\n"
                    ".rule { border-top: 1px solid #111; width: 35%; margin: 2px auto 6px; }\n"
                    "h1.doctype { margin-top: 1.2em; margin-bottom: 0; font-size: 14pt; }\n"
                    "p.summary { text-align: center; font-weight: bold; margin-top: 0; }\n"
                    "table.sign td:first-child { text-align: left; font-size: 11pt; }\n"
                    ".sig { height: 25mm; }\n");
        put(&o, "</style></head>\n<body>\n");
    }
    if (d->head.official)
        letterhead(&o, d);
    else
        heading(&o, 1, d->title);
    para(&o, d->plan_title);
    if (d->kind == DRAFT_ADHOC) {
        snprintf(line, sizeof line, _("Requested by: %s · deadline %s"), d->requester, d->deadline);
        para(&o, line);
        if (d->subject != NULL && d->subject[0] != '\0') {
            snprintf(line, sizeof line, _("Subject: %s"), d->subject);
            para(&o, line);
        }
        snprintf(line, sizeof line, _("Made on %s from the data of tiendo"), d->generated);
    } else {
        snprintf(line, sizeof line, _("Period: %s · made on %s from the data of tiendo"),
                 d->period_label, d->generated);
    }
    para(&o, line);
    snprintf(line, sizeof line,
             _("Figures as of %s: each task as its latest update on or before that day."),
             d->as_of);
    para(&o, line);
    if (d->unit_filter != NULL) {
        snprintf(line, sizeof line, _("Unit: %s"), d->unit_filter);
        para(&o, line);
    }
    if (d->demo) {
        para_begin(&o, "demo");
        text(&o, _("This database holds demo data: the figures below are invented for "
                   "illustration and are not official."));
        para_end(&o);
    }
    if (d->kind == DRAFT_ADHOC)
        reporting_section(&o, d);

    /* (a) Integration into the units' own plans. */
    heading(&o, 2, criterion_heading(d, 0, line, sizeof line));
    if (d->nunits == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("Unit"), _("Tasks led"), _("In its own plan")};
        table_start(&o, head, 3);
        for (int i = 0; i < d->nunits; i++) {
            char a[32], b[32], name[300];
            snprintf(name, sizeof name, "%s %s", d->units[i].code, d->units[i].name);
            const char *cells[] = {name, count(a, sizeof a, d->units[i].tasks),
                                   count(b, sizeof b, d->units[i].integrated)};
            table_row(&o, cells, 3, NULL);
        }
        table_end(&o);
    }
    evaluations_for(&o, d, 0);

    /* (b) Progress, per unit, per group, then the tasks. */
    heading(&o, 2, criterion_heading(d, 1, line, sizeof line));
    progress_section(&o, d);
    evaluations_for(&o, d, 1);

    /* (c) Targets. */
    heading(&o, 2, criterion_heading(d, 2, line, sizeof line));
    targets_section(&o, d);
    evaluations_for(&o, d, 2);

    /* (d) Difficulties and proposals. */
    heading(&o, 2, criterion_heading(d, 3, line, sizeof line));
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
    evaluations_for(&o, d, 3);

    /* Criteria of the plan beyond the four contents. */
    for (int k = 0; k < d->ncriteria; k++)
        if (d->criteria_facts[k] < 0) {
            snprintf(line, sizeof line, "%s) %s", d->criteria_codes[k], d->criteria_labels[k]);
            heading(&o, 2, line);
            evaluation_of(&o, d, k);
        }
    summary_section(&o, d);

    if (d->kind != DRAFT_ADHOC) {
        reporting_section(&o, d);

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

        activities_section(&o, d);

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
    }

    heading(&o, 2, _("Proposed adjustments"));
    if (d->nadjustments == 0) {
        no_data(&o);
    } else {
        const char *head[] = {_("From"), _("Date"), _("Unit"), _("Proposal")};
        table_start(&o, head, 4);
        for (int i = 0; i < d->nadjustments; i++) {
            const struct report_adjustment *a = &d->adjustments[i];
            const char *cells[] = {a->source, a->date, a->unit, a->text};
            table_row(&o, cells, 4, NULL);
        }
        table_end(&o);
    }
    if (d->head.official)
        signature(&o, d);
    if (fmt == REPORT_HTML)
        put(&o, "</body></html>\n");
    if (fflush(f) != 0)
        o.failed = 1;
    return o.failed ? -1 : 0;
}

/* ---- DOCX: the body above inside an Office Open XML package (libzip) ---- */

static const char docx_types[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
    "<Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
    "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
    "<Default Extension=\"png\" ContentType=\"image/png\"/>"
    "<Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
    "<Override PartName=\"/word/styles.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "<Override PartName=\"/word/footer1.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.footer+xml\"/>"
    "</Types>\n";

static const char docx_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>\n";

/* The document's relationships: its styles, its footer, then one per chart (rIdChartN). */
static const char docx_doc_rels[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/styles\" Target=\"styles.xml\"/>"
    "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships/footer\" Target=\"footer1.xml\"/>";
static const char docx_image_rel[] =
    "<Relationship Id=\"rIdChart%d\" Type=\"http://schemas.openxmlformats.org/officeDocument/"
    "2006/relationships/image\" Target=\"media/chart%d.png\"/>";

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
#define R_NS "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define DRAWING_NS                                                                                 \
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "         \
    "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "                           \
    "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\""

/* Times New Roman 13 pt, headings by size, a table style with borders. */
static const char docx_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:styles " W_NS "><w:docDefaults><w:rPrDefault><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New Roman\" "
    "w:eastAsia=\"Times New Roman\"/><w:sz w:val=\"26\"/><w:szCs w:val=\"26\"/><w:lang "
    "w:val=\"vi-VN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"80\"/>"
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name "
    "w:val=\"Normal\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:jc "
    "w:val=\"center\"/><w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New "
    "Roman\"/><w:b/><w:sz w:val=\"30\"/>"
    "</w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:spacing "
    "w:before=\"240\"/><w:outlineLvl w:val=\"1\"/></w:pPr><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New "
    "Roman\"/><w:b/><w:sz w:val=\"28\"/>"
    "</w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading3\"><w:name w:val=\"heading 3\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl "
    "w:val=\"2\"/></w:pPr><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New "
    "Roman\"/><w:b/><w:i/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading4\"><w:name w:val=\"heading 4\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:pPr><w:keepNext/><w:outlineLvl "
    "w:val=\"3\"/></w:pPr><w:rPr>"
    "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:cs=\"Times New "
    "Roman\"/><w:i/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"none\"><w:name w:val=\"No data\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:rPr><w:i/></w:rPr></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"demo\"><w:name w:val=\"Demo notice\"/>"
    "<w:basedOn w:val=\"Normal\"/><w:rPr><w:color w:val=\"885500\"/></w:rPr></w:style>"
    "<w:style w:type=\"table\" w:styleId=\"Grid\"><w:name w:val=\"Table Grid\"/><w:rPr><w:sz "
    "w:val=\"22\"/></w:rPr><w:tblPr><w:tblBorders>"
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"888888\"/>"
    "</w:tblBorders><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" "
    "w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>\n";

/* The page number, centred at the foot of every page. */
static const char docx_footer[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    "<w:ftr " W_NS "><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
    "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">"
    " PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>"
    "<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>\n";

struct part {
    const char *name;
    const char *data;
    size_t size;
};

/* The parts zipped into one package, written to f. */
static int docx_package(FILE *f, const struct part *parts, int n)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *mem = zip_source_buffer_create(NULL, 0, 0, &ze);
    int rc = -1;
    if (mem == NULL)
        goto out;
    zip_source_keep(mem);
    zip_t *z = zip_open_from_source(mem, ZIP_TRUNCATE, &ze);
    if (z == NULL)
        goto out;
    for (int i = 0; i < n; i++) {
        zip_source_t *s = zip_source_buffer(z, parts[i].data, parts[i].size, 0);
        if (s == NULL || zip_file_add(z, parts[i].name, s, ZIP_FL_ENC_UTF_8) < 0) {
            zip_source_free(s);
            zip_discard(z);
            goto out;
        }
    }
    if (zip_close(z) != 0) {
        zip_discard(z);
        goto out;
    }
    if (zip_source_open(mem) != 0)
        goto out;
    char buf[8192];
    zip_int64_t got;
    rc = 0;
    while ((got = zip_source_read(mem, buf, sizeof buf)) > 0)
        if (fwrite(buf, 1, (size_t)got, f) != (size_t)got)
            rc = -1;
    if (got < 0)
        rc = -1;
    zip_source_close(mem);
out:
    zip_source_free(mem);
    zip_error_fini(&ze);
    return rc;
}

static int write_docx(FILE *f, const struct report_data *d)
{
    char *body = NULL, *rels = NULL;
    size_t size = 0, rels_size = 0;
    struct docx_media media = {NULL, NULL, 0};
    struct part *parts = NULL;
    char(*names)[32] = NULL;
    int rc = -1;
    FILE *m = open_memstream(&body, &size);
    if (m == NULL)
        return -1;
    fprintf(m, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " W_NS
               " " R_NS " " DRAWING_NS "><w:body>\n");
    int body_rc = write_body(m, d, REPORT_DOCX, &media);
    /* A4; the decree's margins for the official layout (20/20 mm, left 30, right 15). */
    fprintf(m,
            "<w:sectPr><w:footerReference w:type=\"default\" r:id=\"rId2\"/>"
            "<w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"%d\" "
            "w:bottom=\"1134\" w:left=\"%d\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            "</w:sectPr></w:body></w:document>\n",
            d->head.official ? 850 : 1020, d->head.official ? 1701 : 1134);
    if (fclose(m) != 0 || body_rc != 0)
        goto out;
    FILE *r = open_memstream(&rels, &rels_size);
    if (r == NULL)
        goto out;
    fputs(docx_doc_rels, r);
    for (int i = 1; i <= media.n; i++)
        fprintf(r, docx_image_rel, i, i);
    fputs("</Relationships>\n", r);
    if (fclose(r) != 0)
        goto out;
    int n = 0;
    parts = calloc((size_t)media.n + 6, sizeof *parts);
    names = calloc((size_t)media.n + 1, sizeof *names);
    if (parts == NULL || names == NULL)
        goto out;
    parts[n++] = (struct part){"[Content_Types].xml", docx_types, sizeof docx_types - 1};
    parts[n++] = (struct part){"_rels/.rels", docx_rels, sizeof docx_rels - 1};
    parts[n++] = (struct part){"word/_rels/document.xml.rels", rels, rels_size};
    parts[n++] = (struct part){"word/document.xml", body, size};
    parts[n++] = (struct part){"word/styles.xml", docx_styles, sizeof docx_styles - 1};
    parts[n++] = (struct part){"word/footer1.xml", docx_footer, sizeof docx_footer - 1};
    for (int i = 0; i < media.n; i++) {
        snprintf(names[i], sizeof names[i], "word/media/chart%d.png", i + 1);
        parts[n++] = (struct part){names[i], (const char *)media.png[i], media.size[i]};
    }
    rc = docx_package(f, parts, n);
    if (fflush(f) != 0)
        rc = -1;
out:
    for (int i = 0; i < media.n; i++)
        free(media.png[i]);
    free(media.png);
    free(media.size);
    free(parts);
    free(names);
    free(rels);
    free(body);
    return rc;
}

int report_write(FILE *f, const struct report_data *d, enum report_format fmt)
{
    num_lang = d->lang != NULL ? d->lang : "vi";
    return fmt == REPORT_DOCX ? write_docx(f, d) : write_body(f, d, fmt, NULL);
}
