/* The submission matrix's model: statuses by unit and report, found by id, and their rates. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/i18n.h"
#include "tiendo/subgrid.h"

struct sub_key {
    long id;
    size_t at;   /* the position in matrix order */
    td_date due; /* a report's */
};

void sub_grid_init(struct sub_grid *g, td_date today, int due_soon_days)
{
    *g = (struct sub_grid){.today = today, .due_soon_days = due_soon_days};
    vec_init(&g->units, sizeof(struct sub_key));
    vec_init(&g->reports, sizeof(struct sub_key));
    vec_init(&g->unit_ix, sizeof(struct sub_key));
    vec_init(&g->report_ix, sizeof(struct sub_key));
}

int sub_grid_add_unit(struct sub_grid *g, long id)
{
    struct sub_key k = {id, g->units.n, 0};
    return vec_push(&g->units, &k);
}

int sub_grid_add_report(struct sub_grid *g, long id, const char *due)
{
    struct sub_key k = {id, g->reports.n, 0};
    date_parse_iso(due, &k.due);
    return vec_push(&g->reports, &k);
}

static int by_id(const void *a, const void *b)
{
    const struct sub_key *x = a, *y = b;
    return (x->id > y->id) - (x->id < y->id);
}

/* ix: a sorted copy of keys. */
static int index_keys(const struct vec *keys, struct vec *ix)
{
    vec_clear(ix);
    for (size_t i = 0; i < keys->n; i++)
        if (vec_push(ix, vec_at(keys, i)) != 0)
            return -1;
    if (ix->n > 0)
        qsort(ix->data, ix->n, ix->size, by_id);
    return 0;
}

int sub_grid_ready(struct sub_grid *g)
{
    size_t n = g->units.n * g->reports.n + 1;
    free(g->status), free(g->submitted);
    g->status = malloc(n);
    g->submitted = calloc(n, sizeof *g->submitted);
    if (g->status == NULL || g->submitted == NULL || index_keys(&g->units, &g->unit_ix) != 0 ||
        index_keys(&g->reports, &g->report_ix) != 0)
        return -1;
    memset(g->status, SUB_NOT_EXPECTED, n);
    return 0;
}

static const struct sub_key *find(const struct vec *ix, long id)
{
    struct sub_key k = {id, 0, 0};
    return ix->n > 0 ? bsearch(&k, ix->data, ix->n, ix->size, by_id) : NULL;
}

int sub_grid_submission(void *grid, long report_id, long unit_id, const char *submitted_on)
{
    struct sub_grid *g = grid;
    const struct sub_key *u = find(&g->unit_ix, unit_id), *r = find(&g->report_ix, report_id);
    if (u == NULL || r == NULL || g->status == NULL)
        return 0;
    size_t i = u->at * g->reports.n + r->at;
    td_date on = 0;
    bool in = date_parse_iso(submitted_on, &on) == 0;
    g->status[i] = (unsigned char)schedule_status(r->due, in, on, g->today, g->due_soon_days);
    snprintf(g->submitted[i], sizeof g->submitted[i], "%s", in ? submitted_on : "");
    return 0;
}

int sub_grid_status(const struct sub_grid *g, size_t u, size_t r)
{
    if (g->status == NULL || u >= g->units.n || r >= g->reports.n)
        return SUB_NOT_EXPECTED;
    return g->status[u * g->reports.n + r];
}

const char *sub_grid_submitted_on(const struct sub_grid *g, size_t u, size_t r)
{
    if (g->submitted == NULL || u >= g->units.n || r >= g->reports.n)
        return "";
    return g->submitted[u * g->reports.n + r];
}

struct report_rate sub_grid_rate(const struct sub_grid *g, long u, long r)
{
    struct report_rate rr = {0};
    size_t u0 = u < 0 ? 0 : (size_t)u, u1 = u < 0 ? g->units.n : (size_t)u + 1;
    size_t r0 = r < 0 ? 0 : (size_t)r, r1 = r < 0 ? g->reports.n : (size_t)r + 1;
    for (size_t i = u0; i < u1; i++)
        for (size_t k = r0; k < r1; k++) {
            int st = sub_grid_status(g, i, k);
            if (st != SUB_NOT_EXPECTED)
                schedule_rate_add(&rr, (enum submission_status)st);
        }
    return rr;
}

size_t sub_grid_last_past(const struct sub_grid *g)
{
    size_t last = 0;
    for (size_t r = 0; r < g->reports.n; r++)
        if (((const struct sub_key *)vec_at(&g->reports, r))->due < g->today)
            last = r;
    return last;
}

void sub_grid_free(struct sub_grid *g)
{
    vec_free(&g->units), vec_free(&g->reports), vec_free(&g->unit_ix), vec_free(&g->report_ix);
    free(g->status), free(g->submitted);
    g->status = NULL, g->submitted = NULL;
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
