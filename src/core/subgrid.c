/* The submission matrix's model: statuses by unit and report, found by id, and their rates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/i18n.h"
#include "tiendo/subgrid.h"

void sub_grid_init(struct sub_grid *g, td_date today, int due_soon_days, const char *date_fmt)
{
    *g = (struct sub_grid){.today = today, .due_soon_days = due_soon_days, .date_fmt = date_fmt};
    id_index_init(&g->units);
    id_index_init(&g->reports);
    vec_init(&g->cols, sizeof(struct sub_report));
}

int sub_grid_add_unit(void *grid, long id)
{
    return id_index_add(&((struct sub_grid *)grid)->units, id);
}

int sub_grid_add_report(struct sub_grid *g, long id, const char *rule, const char *period,
                        const char *due, const char *title)
{
    struct sub_report r = {.id = id};
    date_parse_iso(due, &r.due);
    const char *h = sub_report_heading(rule, period, r.heading, sizeof r.heading);
    if (h == NULL) /* an ad-hoc report: its due date */
        date_show_iso(due, g->date_fmt, r.heading, sizeof r.heading);
    else if (h != r.heading)
        snprintf(r.heading, sizeof r.heading, "%s", h);
    snprintf(r.title, sizeof r.title, "%s", title);
    return vec_push(&g->cols, &r) != 0 || id_index_add(&g->reports, id) != 0 ? -1 : 0;
}

const struct sub_report *sub_grid_report(const struct sub_grid *g, size_t r)
{
    return vec_at(&g->cols, r);
}

/* The number of units and of reports. */
#define NU(g) id_index_count(&(g)->units)
#define NR(g) id_index_count(&(g)->reports)

int sub_grid_ready(struct sub_grid *g)
{
    size_t n = NU(g) * NR(g) + 1;
    free(g->status), free(g->submitted);
    g->status = malloc(n);
    g->submitted = calloc(n, sizeof *g->submitted);
    if (g->status == NULL || g->submitted == NULL)
        return -1;
    id_index_ready(&g->units);
    id_index_ready(&g->reports);
    memset(g->status, SUB_NOT_EXPECTED, n);
    return 0;
}

int sub_grid_submission(void *grid, long report_id, long unit_id, const char *submitted_on)
{
    struct sub_grid *g = grid;
    long u = id_index_find(&g->units, unit_id), r = id_index_find(&g->reports, report_id);
    if (u < 0 || r < 0 || g->status == NULL)
        return 0;
    size_t i = (size_t)u * NR(g) + (size_t)r;
    td_date on = 0, due = sub_grid_report(g, (size_t)r)->due;
    bool in = date_parse_iso(submitted_on, &on) == 0;
    g->status[i] = (unsigned char)schedule_status(due, in, on, g->today, g->due_soon_days);
    snprintf(g->submitted[i], sizeof g->submitted[i], "%s", in ? submitted_on : "");
    return 0;
}

int sub_grid_status(const struct sub_grid *g, size_t u, size_t r)
{
    if (g->status == NULL || u >= NU(g) || r >= NR(g))
        return SUB_NOT_EXPECTED;
    return g->status[u * NR(g) + r];
}

const char *sub_grid_submitted_on(const struct sub_grid *g, size_t u, size_t r)
{
    if (g->submitted == NULL || u >= NU(g) || r >= NR(g))
        return "";
    return g->submitted[u * NR(g) + r];
}

struct report_rate sub_grid_rate(const struct sub_grid *g, long u, long r)
{
    struct report_rate rr = {0};
    size_t u0 = u < 0 ? 0 : (size_t)u, u1 = u < 0 ? NU(g) : (size_t)u + 1;
    size_t r0 = r < 0 ? 0 : (size_t)r, r1 = r < 0 ? NR(g) : (size_t)r + 1;
    for (size_t i = u0; i < u1; i++)
        for (size_t k = r0; k < r1; k++) {
            int st = sub_grid_status(g, i, k);
            if (st != SUB_NOT_EXPECTED)
                schedule_rate_add(&rr, (enum submission_status)st);
        }
    return rr;
}

const char *sub_grid_text(const struct sub_grid *g, long u, long r, bool words, char *buf,
                          size_t size, enum role *role)
{
    long nr = (long)NR(g);
    if (u < 0 && r >= nr && (u == -2) != (r > nr))
        return "";        /* the corner: the whole's rate where its row and column agree */
    if (u < 0 || r >= nr) /* a rate: of a unit (r past the reports), of a report (u < 0) */
        return sub_rate_text(sub_grid_rate(g, u < 0 ? -1 : u, r >= nr ? -1 : r),
                             u < 0 ? u == -2 : r > nr, buf, size);
    int st = sub_grid_status(g, (size_t)u, (size_t)r);
    if (role != NULL)
        *role = sub_status_role(st);
    return sub_status_text(st, words);
}

void sub_grid_clear_units(struct sub_grid *g)
{
    id_index_free(&g->units);
    free(g->status), free(g->submitted);
    g->status = NULL, g->submitted = NULL;
}

size_t sub_grid_last_past(const struct sub_grid *g)
{
    size_t last = 0;
    for (size_t r = 0; r < g->cols.n; r++)
        if (sub_grid_report(g, r)->due < g->today)
            last = r;
    return last;
}

void sub_grid_free(struct sub_grid *g)
{
    sub_grid_clear_units(g);
    id_index_free(&g->reports), vec_free(&g->cols);
}

const char *sub_rate_text(struct report_rate r, bool on_time, char *buf, size_t size)
{
    int p = schedule_rate_percent(on_time ? r.on_time : r.submitted, r.expected);
    if (p < 0)
        return "–";
    snprintf(buf, size, "%d%%", p);
    return buf;
}

const char *sub_status_text(int status, bool words)
{
    if (status == SUB_NOT_EXPECTED)
        return "";
    return words ? submission_status_label((enum submission_status)status)
                 : submission_status_symbol((enum submission_status)status);
}

enum role sub_status_role(int status)
{
    return status == SUB_ON_TIME                          ? ROLE_DONE
           : status == SUB_LATE || status == SUB_DUE_SOON ? ROLE_AT_RISK
           : status == SUB_OVERDUE                        ? ROLE_OVERDUE
                                                          : ROLE_MUTED;
}

void sub_cell_line(int status, const char *code, const char *name, const char *date, char *buf,
                   size_t size)
{
    if (status == SUB_NOT_EXPECTED)
        snprintf(buf, size, _("%s: does not have to submit this report · %s"), code, name);
    else
        snprintf(buf, size, "%s: %s%s%s · %s", code,
                 submission_status_label((enum submission_status)status), date[0] ? " " : "", date,
                 name);
}

enum role sub_grid_lines(const struct sub_grid *g, size_t u, size_t r, const char *code,
                         const char *name, char *report, char *cell, size_t size)
{
    const struct sub_report *rep = sub_grid_report(g, r);
    char due[32] = "", on[32];
    if (rep != NULL)
        date_format(rep->due, g->date_fmt != NULL ? g->date_fmt : "%Y-%m-%d", due, sizeof due);
    snprintf(report, size, _("due %s · %s"), due, rep != NULL ? rep->title : "");
    date_show_iso(sub_grid_submitted_on(g, u, r), g->date_fmt, on, sizeof on);
    int st = sub_grid_status(g, u, r);
    sub_cell_line(st, code, name, on, cell, size);
    return sub_status_role(st);
}

void sub_legend(char *buf, size_t size)
{
    static const enum submission_status legend[] = {SUB_ON_TIME, SUB_LATE, SUB_OVERDUE,
                                                    SUB_DUE_SOON, SUB_NOT_DUE};
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < sizeof legend / sizeof *legend && len < size; i++, len = strlen(buf))
        snprintf(buf + len, size - len, "%s%s %s", i > 0 ? "  " : "",
                 submission_status_symbol(legend[i]), submission_status_label(legend[i]));
}

const char *sub_report_heading(const char *rule, const char *period, char *buf, size_t size)
{
    int a, b;
    if (strcmp(rule, "adhoc") == 0)
        return NULL;
    if (strlen(period) < 8)
        return period;
    if (sscanf(period, "%4d-%4d", &a, &b) == 2) { /* 2021-2025: "21–25" */
        snprintf(buf, size, "%02d–%02d", a % 100, b % 100);
        return buf;
    }
    return rule;
}

static void ops_clear(void *g)
{
    sub_grid_clear_units(g);
}

static int ops_ready(void *g)
{
    return sub_grid_ready(g);
}

static size_t ops_columns(const void *g)
{
    return NR((const struct sub_grid *)g);
}

static const char *ops_heading(const void *g, size_t k)
{
    const struct sub_report *r = sub_grid_report(g, k);
    return r != NULL ? r->heading : "";
}

static const char *ops_text(const void *g, long u, long k, bool words, char *buf, size_t size,
                            enum role *role)
{
    return sub_grid_text(g, u, k, words, buf, size, role);
}

static void ops_free(void *g)
{
    sub_grid_free(g);
}

const struct grid_ops sub_grid_ops = {.clear_units = ops_clear,
                                      .add_unit = sub_grid_add_unit,
                                      .ready = ops_ready,
                                      .ncolumns = ops_columns,
                                      .heading = ops_heading,
                                      .text = ops_text,
                                      .free = ops_free};
