/* A report draft's data in one call: every figure as of the period's end. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/config.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_activities.h"
#include "tiendo/store_draft.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_targets.h"

/* How a listed task sorts: its group's place in the plan, its code's natural-order key. */
struct task_key {
    int group;
    const char *sort;
    long id;
    int index;
};

/* Everything the draft points at: freed together. */
struct draft_mem {
    void **p;
    size_t n, cap;
};

/* The draft being built, with its growable arrays. */
struct build {
    struct store *st;
    const struct draft_request *rq;
    struct report_data *d;
    struct td_err *err;
    int failed;
    int from, to;   /* the years covered */
    char first[11]; /* the period's first day */
    char last[11];  /* its last day */
    char as_of[11]; /* the day the figures are true for: last, or today if earlier */
    td_date as_of_date;
    long unit_id;     /* --unit, else 0 */
    bool *asked;      /* ad-hoc: by unit index, whether the request asks it */
    long *unit_ids;   /* by unit index */
    double *unit_sum; /* percent sums, for the averages */
    long *unit_counted;
    struct report_unit *units;
    int nunits;
    struct report_task *tasks;
    int ntasks, cap_tasks;
    long *rank; /* per task listed: how pressing (lower first) */
    int nrank, cap_rank;
    struct report_group *groups;
    int ngroups, cap_groups;
    long *group_ids; /* by group index; the last group (no id) holds the tasks without one */
    int ngroup_ids, cap_group_ids;
    double *group_sum;
    long *group_counted;
    struct task_key *keys; /* per task listed: how it sorts */
    int nkeys, cap_keys;
    struct report_note *notes;
    int nnotes, cap_notes;
    struct report_adjustment *adj;
    int nadj, cap_adj;
    struct report_inspection *insp;
    int ninsp, cap_insp;
    struct report_meeting *meet;
    int nmeet, cap_meet;
    struct report_activity *act;
    int nact, cap_act;
    struct report_count *kinds;
    int nkinds, cap_kinds;
    struct report_due *reports;
    int nreports, cap_reports;
    struct report_submitter *subs;
    int nsubs, cap_subs;
    long last_report_id;
};

static void *own(struct build *b, void *p)
{
    struct draft_mem *m = b->d->mem;
    if (p == NULL) {
        b->failed = 1;
        return NULL;
    }
    if (m->n == m->cap) {
        size_t cap = m->cap != 0 ? m->cap * 2 : 64;
        void **grown = realloc(m->p, sizeof *grown * cap);
        if (grown == NULL) {
            free(p);
            b->failed = 1;
            return NULL;
        }
        m->p = grown;
        m->cap = cap;
    }
    m->p[m->n++] = p;
    return p;
}

static const char *keep(struct build *b, const char *s)
{
    const char *copy = own(b, strdup(s != NULL ? s : ""));
    return copy != NULL ? copy : "";
}

static const char *keepf(struct build *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static const char *keepf(struct build *b, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return keep(b, buf);
}

/* A stored YYYY-MM-DD as the user reads dates. */
static const char *shown_date(struct build *b, const char *iso)
{
    td_date d;
    char buf[32];
    if (iso == NULL || date_parse_iso(iso, &d) != 0)
        return keep(b, iso);
    date_format(d, b->rq->date_format, buf, sizeof buf);
    return keep(b, buf);
}

/* Makes room for one more element of an array of elements of size elem. */
static void *more(struct build *b, void *arrp, int *n, int *cap, size_t elem)
{
    void **arr = arrp;
    if (*n == *cap) {
        int grown_cap = *cap != 0 ? *cap * 2 : 16;
        void *grown = realloc(*arr, elem * (size_t)grown_cap);
        if (grown == NULL) {
            b->failed = 1;
            return NULL;
        }
        *arr = grown;
        *cap = grown_cap;
    }
    char *slot = (char *)*arr + elem * (size_t)(*n)++;
    memset(slot, 0, elem);
    return slot;
}
#define MORE(b, name) more((b), &(b)->name, &(b)->n##name, &(b)->cap_##name, sizeof *(b)->name)

static const char *col(sqlite3_stmt *s, int i)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    return t != NULL ? (const char *)t : "";
}

static int unit_index(const struct build *b, long id)
{
    for (int i = 0; i < b->nunits; i++)
        if (b->unit_ids[i] == id)
            return i;
    return -1;
}

static bool in_period(const struct build *b, const char *iso)
{
    return iso[0] != '\0' && strcmp(iso, b->first) >= 0 && strcmp(iso, b->last) <= 0;
}

/* ---- The period ---- */

static int settle_period(struct build *b, const struct store_summary *sum)
{
    const struct draft_request *rq = b->rq;
    struct report_data *d = b->d;
    char period[64];
    b->from = (int)sum->start_year;
    b->to = (int)sum->end_year;
    switch (rq->kind) {
    case DRAFT_ANNUAL:
        if (rq->year < sum->start_year || rq->year > sum->end_year) {
            char got[16];
            snprintf(got, sizeof got, "%d", rq->year);
            return td_err_set(b->err, TD_E_USAGE,
                              _("report annual: expected a year from %ld to %ld; got \"%s\""),
                              sum->start_year, sum->end_year, got);
        }
        b->from = b->to = rq->year;
        d->title = keepf(b, _("Annual thematic report %ld"), (long)rq->year);
        d->eval_period = keepf(b, "%d", rq->year);
        break;
    case DRAFT_MIDTERM:
    case DRAFT_FINAL: {
        static const char sql[] = "SELECT code, end_year FROM phase WHERE active = 1"
                                  " ORDER BY sort_order, start_year";
        sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
        if (s == NULL)
            return -1;
        char code[32] = "";
        int rc;
        bool firstrow = true;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            /* Mid-term: the first phase; final: the last one's evaluation. */
            if (rq->kind == DRAFT_FINAL || firstrow) {
                snprintf(code, sizeof code, "%s", col(s, 0));
                if (rq->kind == DRAFT_MIDTERM)
                    b->to = sqlite3_column_int(s, 1);
            }
            firstrow = false;
        }
        sqlite3_reset(s);
        if (rc != SQLITE_DONE)
            return store_fail(b->st, _("reading the phases"), b->err);
        d->eval_period = keep(b, code[0] != '\0' ? code : "");
        d->title = rq->kind == DRAFT_MIDTERM ? keepf(b, _("Mid-term report %d–%d"), b->from, b->to)
                                             : keepf(b, _("Final report %d–%d"), b->from, b->to);
        break;
    }
    case DRAFT_ADHOC: {
        static const char sql[] = "SELECT r.title, r.period, r.due_date, r.requester, r.subject"
                                  " FROM report r WHERE r.id = ?1 AND r.deleted = 0"
                                  " AND r.rule_id IS NULL";
        sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
        if (s == NULL)
            return -1;
        sqlite3_bind_int64(s, 1, rq->adhoc_id);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            d->title = keepf(b, _("Ad-hoc report: %s"), col(s, 0));
            d->requester = keep(b, col(s, 3));
            d->subject = keep(b, col(s, 4));
            d->deadline = shown_date(b, col(s, 2));
            d->eval_period = keep(b, col(s, 1));
        }
        sqlite3_reset(s);
        if (rc == SQLITE_DONE)
            return td_err_set(b->err, TD_E_NOTFOUND, _("report adhoc: no ad-hoc report %ld"),
                              rq->adhoc_id);
        if (rc != SQLITE_ROW)
            return store_fail(b->st, _("reading reports"), b->err);
        int y, m, dd;
        date_to_ymd(rq->today, &y, &m, &dd);
        b->to = y;
        break;
    }
    }
    snprintf(b->first, sizeof b->first, "%04d-01-01", b->from);
    snprintf(b->last, sizeof b->last, "%04d-12-31", b->to);
    char today[11];
    date_format_iso(rq->today, today);
    snprintf(b->as_of, sizeof b->as_of, "%s", strcmp(today, b->last) < 0 ? today : b->last);
    date_parse_iso(b->as_of, &b->as_of_date);
    if (b->from == b->to)
        snprintf(period, sizeof period, "%d", b->from);
    else
        snprintf(period, sizeof period, "%d–%d", b->from, b->to);
    d->period_label = keep(b, rq->kind == DRAFT_ADHOC ? "" : period);
    d->as_of = shown_date(b, b->as_of);
    return 0;
}

/* ---- Units, criteria, evaluations ---- */

static int read_units(struct build *b)
{
    static const char sql[] = "SELECT id, code, name FROM unit WHERE active = 1"
                              " ORDER BY sort_order, code";
    sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
    if (s == NULL)
        return -1;
    int rc, cap = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (b->rq->unit != NULL && strcmp(b->rq->unit, col(s, 1)) != 0)
            continue;
        if (b->nunits == cap) {
            cap = cap != 0 ? cap * 2 : 64;
            void *u = realloc(b->units, sizeof *b->units * (size_t)cap);
            if (u != NULL)
                b->units = u;
            void *i = realloc(b->unit_ids, sizeof *b->unit_ids * (size_t)cap);
            if (i != NULL)
                b->unit_ids = i;
            if (u == NULL || i == NULL) {
                sqlite3_reset(s);
                return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
            }
        }
        struct report_unit *u = &b->units[b->nunits];
        memset(u, 0, sizeof *u);
        u->code = keep(b, col(s, 1));
        u->name = keep(b, col(s, 2));
        b->unit_ids[b->nunits++] = (long)sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return store_fail(b->st, _("reading units"), b->err);
    if (b->rq->unit != NULL) {
        if (b->nunits == 0)
            return td_err_set(b->err, TD_E_USAGE, _("--unit: no unit %s"), b->rq->unit);
        b->unit_id = b->unit_ids[0];
        b->d->unit_filter = b->units[0].name;
    }
    size_t n = (size_t)(b->nunits > 0 ? b->nunits : 1);
    b->unit_sum = calloc(n, sizeof *b->unit_sum);
    b->unit_counted = calloc(n, sizeof *b->unit_counted);
    b->asked = calloc(n, sizeof *b->asked);
    if (b->unit_sum == NULL || b->unit_counted == NULL || b->asked == NULL)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    return 0;
}

static int read_evaluations(struct build *b)
{
    struct report_data *d = b->d;
    struct criterion_row crit[DRAFT_CRITERIA];
    int nc = 0;
    if (store_criteria(b->st, crit, DRAFT_CRITERIA, &nc, b->err) != 0)
        return -1;
    static const char *const facts[4] = {"integration", "progress", "targets", "difficulties"};
    long ids[DRAFT_CRITERIA];
    for (int i = 0; i < nc; i++) {
        ids[i] = crit[i].id;
        d->criteria_codes[i] = keep(b, crit[i].code);
        d->criteria_labels[i] = keep(b, crit[i].label);
        d->criteria_facts[i] = -1;
        for (int k = 0; k < 4; k++)
            if (strcmp(crit[i].facts, facts[k]) == 0)
                d->criteria_facts[i] = k;
    }
    d->ncriteria = nc;
    static const char sql[] =
        "SELECT e.unit_id, e.criterion_id, coalesce(r.label, ''), e.comment, e.evidence,"
        " coalesce(m.label, ''), e.measure_note FROM evaluation e"
        " LEFT JOIN vocab r ON r.id = e.rating_id LEFT JOIN vocab m ON m.id = e.measure_id"
        " WHERE e.period = ?1";
    sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, d->eval_period != NULL ? d->eval_period : "", -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int u = unit_index(b, (long)sqlite3_column_int64(s, 0));
        int k = -1;
        for (int i = 0; i < nc; i++)
            if (ids[i] == (long)sqlite3_column_int64(s, 1))
                k = i;
        if (u < 0 || k < 0)
            continue;
        struct report_eval *e = &b->units[u].evals[k];
        const char *rating = col(s, 2), *measure = col(s, 5), *note = col(s, 6);
        e->rating = rating[0] != '\0' ? keep(b, rating) : NULL;
        e->comment = keep(b, col(s, 3));
        e->evidence = keep(b, col(s, 4));
        e->measure = measure[0] != '\0' && note[0] != '\0' ? keepf(b, "%s (%s)", measure, note)
                                                           : keep(b, measure[0] ? measure : note);
        if (e->rating != NULL)
            b->units[u].evaluated = true;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return store_fail(b->st, _("reading the evaluations"), b->err);
    /* The evaluations' d) comments are proposed adjustments. */
    for (int k = 0; k < nc; k++) {
        if (d->criteria_facts[k] != 3)
            continue;
        for (int u = 0; u < b->nunits; u++) {
            const struct report_eval *e = &b->units[u].evals[k];
            if (e->comment == NULL || e->comment[0] == '\0')
                continue;
            struct report_adjustment *a = MORE(b, adj);
            if (a == NULL)
                return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
            *a = (struct report_adjustment){keepf(b, _("Evaluation %s)"), d->criteria_codes[k]), "",
                                            b->units[u].code, e->comment};
        }
    }
    return 0;
}

/* ---- Tasks as of the period's end ---- */

/* The plan's groups in plan order, and one more for the tasks without a group. */
static int read_groups(struct build *b)
{
    static const char sql[] = "SELECT id, label FROM vocab WHERE domain = 'group'"
                              " ORDER BY sort_order, id";
    sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
    if (s == NULL)
        return -1;
    int rc = SQLITE_DONE;
    while (!b->failed && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct report_group *g = MORE(b, groups);
        long *id = more(b, &b->group_ids, &b->ngroup_ids, &b->cap_group_ids, sizeof *id);
        if (g == NULL || id == NULL)
            break;
        g->name = keep(b, col(s, 1));
        *id = (long)sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    struct report_group *none = MORE(b, groups);
    if (none != NULL)
        none->name = "";
    if (b->failed)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    b->group_sum = calloc((size_t)b->ngroups, sizeof *b->group_sum);
    b->group_counted = calloc((size_t)b->ngroups, sizeof *b->group_counted);
    if (b->group_sum == NULL || b->group_counted == NULL)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    return rc == SQLITE_DONE ? 0 : store_fail(b->st, _("reading tasks"), b->err);
}

static int group_index(const struct build *b, long id)
{
    for (int i = 0; i < b->ngroup_ids; i++)
        if (b->group_ids[i] == id)
            return i;
    return b->ngroups - 1;
}

static const long *ranks;
static int by_rank(const void *x, const void *y)
{
    int i = *(const int *)x, j = *(const int *)y;
    if (ranks[i] != ranks[j])
        return ranks[i] < ranks[j] ? -1 : 1;
    return i < j ? -1 : i > j;
}

/* Keeps the DRAFT_ATTENTION_MAX most pressing tasks, in the order they were read. */
static void keep_most_pressing(struct build *b)
{
    int max = b->rq->attention_max > 0 ? b->rq->attention_max : DRAFT_ATTENTION_MAX;
    if (b->ntasks <= max)
        return;
    int *order = malloc(sizeof *order * (size_t)b->ntasks);
    bool *kept = calloc((size_t)b->ntasks, sizeof *kept);
    if (order == NULL || kept == NULL) {
        free(order);
        free(kept);
        b->failed = 1;
        return;
    }
    for (int i = 0; i < b->ntasks; i++)
        order[i] = i;
    ranks = b->rank;
    qsort(order, (size_t)b->ntasks, sizeof *order, by_rank);
    for (int i = 0; i < max; i++)
        kept[order[i]] = true;
    int n = 0;
    for (int i = 0; i < b->ntasks; i++)
        if (kept[i]) {
            b->tasks[n] = b->tasks[i];
            b->keys[n++] = b->keys[i];
        }
    b->ntasks = n;
    free(order);
    free(kept);
}

/* Tasks listed by group in plan order, then by code in natural order. */
static int by_group_and_code(const void *x, const void *y)
{
    const struct task_key *a = x, *c = y;
    if (a->group != c->group)
        return a->group < c->group ? -1 : 1;
    int k = strcmp(a->sort, c->sort);
    return k != 0 ? k : (a->id > c->id) - (a->id < c->id);
}

static void sort_listed(struct build *b)
{
    if (b->ntasks == 0)
        return; /* nothing listed: no array to sort (qsort and memcpy want one) */
    struct report_task *sorted = malloc(sizeof *sorted * (size_t)(b->ntasks > 0 ? b->ntasks : 1));
    if (sorted == NULL) {
        b->failed = 1;
        return;
    }
    for (int i = 0; i < b->ntasks; i++)
        b->keys[i].index = i;
    qsort(b->keys, (size_t)b->ntasks, sizeof *b->keys, by_group_and_code);
    for (int i = 0; i < b->ntasks; i++)
        sorted[i] = b->tasks[b->keys[i].index];
    memcpy(b->tasks, sorted, sizeof *sorted * (size_t)b->ntasks);
    free(sorted);
}

/* The code, title, due date and sort key of the tasks kept on the list, by id. */
static int read_listed_texts(struct build *b)
{
    static const char sql[] = "SELECT code, title, coalesce(due_date, ''),"
                              " coalesce(sort_code, code) FROM task WHERE id = ?1";
    for (int i = 0; i < b->ntasks && !b->failed; i++) {
        sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
        if (s == NULL)
            return -1;
        sqlite3_bind_int64(s, 1, b->keys[i].id);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            b->tasks[i].code = keep(b, col(s, 0));
            b->tasks[i].title = keep(b, col(s, 1));
            b->tasks[i].due = shown_date(b, col(s, 2));
            b->keys[i].sort = keep(b, col(s, 3));
        }
        sqlite3_reset(s);
        if (rc != SQLITE_ROW)
            return store_fail(b->st, _("reading tasks"), b->err);
    }
    return b->failed ? td_err_set(b->err, TD_E_NOMEM, _("out of memory")) : 0;
}

static int read_tasks(struct build *b)
{
    /* A task's row holds its latest update (the store keeps it so); only a task updated after
     * the period's end needs its history read back, to the latest update on or before it. */
    static const char sql[] =
        "SELECT t.id, t.code, t.title, t.lead_unit_id, coalesce(t.group_id, 0),"
        " coalesce(t.start_date, ''), coalesce(t.due_date, ''), coalesce(t.integrated_on, ''),"
        " t.status, t.percent, t.is_demo, coalesce(t.sort_code, t.code),"
        " CASE WHEN EXISTS (SELECT 1 FROM progress_update x WHERE x.task_id = t.id"
        "  AND x.reported_on > ?1) THEN coalesce((SELECT x.status || ' ' || x.percent"
        "  FROM progress_update x WHERE x.task_id = t.id AND x.reported_on <= ?1"
        "  ORDER BY x.reported_on DESC, x.id DESC LIMIT 1), 'not_started 0') END"
        " FROM task t NOT INDEXED WHERE t.deleted = 0"
        " AND (t.start_date IS NULL OR t.start_date <= ?1)"
        " AND (?2 = 0 OR t.lead_unit_id = ?2)";
    if (read_groups(b) != 0)
        return -1;
    sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, b->as_of, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 2, b->unit_id);
    struct flag_rules rules = {b->as_of_date, b->rq->behind_tolerance, b->rq->due_soon_days};
    int rc = SQLITE_DONE;
    while (!b->failed && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        int u = unit_index(b, (long)sqlite3_column_int64(s, 3));
        if (u < 0 || (b->rq->kind == DRAFT_ADHOC && !b->asked[u]))
            continue;
        const char *start = col(s, 5), *due = col(s, 6), *integrated = col(s, 7);
        int status, percent;
        if (sqlite3_column_type(s, 12) != SQLITE_NULL) {
            char code[32] = "";
            percent = 0;
            sscanf(col(s, 12), "%31s %d", code, &percent);
            status = status_parse(code);
        } else {
            status = status_parse(col(s, 8));
            percent = sqlite3_column_int(s, 9);
        }
        if (status < 0)
            status = ST_NOT_STARTED;
        bool open = status != ST_DONE && status != ST_CANCELLED;
        /* Only what the period covers: a task due before it counts while still open. */
        if (b->rq->kind != DRAFT_ADHOC && due[0] != '\0' && strcmp(due, b->first) < 0 && !open)
            continue;
        td_date ds = 0, dd = 0;
        bool has_start = date_parse_iso(start, &ds) == 0, has_due = date_parse_iso(due, &dd) == 0;
        unsigned flags =
            status_flags(&rules, (enum task_status)status, percent, has_start, ds, has_due, dd);
        bool overdue = (flags & FLAG_OVERDUE) != 0, behind = (flags & FLAG_BEHIND) != 0;
        bool due_open = open && in_period(b, due);
        if (sqlite3_column_int(s, 10) != 0)
            b->d->demo = true;

        struct report_unit *ru = &b->units[u];
        ru->tasks++;
        ru->integrated += integrated[0] != '\0' && strcmp(integrated, b->as_of) <= 0;
        ru->done += status == ST_DONE;
        ru->overdue += overdue;
        ru->behind += behind;
        int gi = group_index(b, (long)sqlite3_column_int64(s, 4));
        struct report_group *g = &b->groups[gi];
        g->tasks++;
        g->done += status == ST_DONE;
        g->overdue += overdue;
        g->behind += behind;
        if (status != ST_CANCELLED) {
            b->unit_sum[u] += percent;
            b->unit_counted[u]++;
            b->group_sum[gi] += percent;
            b->group_counted[gi]++;
        }
        b->d->tasks_total++;
        b->d->attention_total += overdue || behind || due_open;
        if (!b->rq->all_tasks && !overdue && !behind && !due_open)
            continue;
        struct report_task *t = MORE(b, tasks);
        long *rank = MORE(b, rank);
        struct task_key *key = MORE(b, keys);
        if (t == NULL || rank == NULL || key == NULL)
            break;
        /* Overdue the longest first, then behind schedule, then due in the period. */
        *rank = (overdue ? 0 : behind ? 1 : 2) * 10000000L + (has_due ? (long)dd : 9999999L);
        /* Its texts only when it is sure to be listed; the others once the list is cut. */
        bool all = b->rq->all_tasks;
        *key = (struct task_key){gi, all ? keep(b, col(s, 11)) : NULL,
                                 (long)sqlite3_column_int64(s, 0), 0};
        *t = (struct report_task){all ? keep(b, col(s, 1)) : NULL,
                                  all ? keep(b, col(s, 2)) : NULL,
                                  b->units[u].code,
                                  g->name,
                                  all ? shown_date(b, due) : NULL,
                                  status_label((enum task_status)status),
                                  percent,
                                  overdue,
                                  behind,
                                  due_open};
    }
    sqlite3_reset(s);
    if (b->failed)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return store_fail(b->st, _("reading tasks"), b->err);
    if (!b->rq->all_tasks) {
        keep_most_pressing(b);
        if (!b->failed && read_listed_texts(b) != 0)
            return -1;
    }
    if (!b->failed)
        sort_listed(b);
    if (b->failed)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    for (int u = 0; u < b->nunits; u++)
        b->units[u].avg_percent =
            b->unit_counted[u] > 0 ? b->unit_sum[u] / (double)b->unit_counted[u] : 0;
    /* Only the groups that have tasks. */
    int n = 0;
    for (int i = 0; i < b->ngroups; i++) {
        if (b->groups[i].tasks == 0)
            continue;
        b->groups[i].avg_percent =
            b->group_counted[i] > 0 ? b->group_sum[i] / (double)b->group_counted[i] : 0;
        b->groups[n++] = b->groups[i];
    }
    b->ngroups = n;
    return 0;
}

/* ---- Notes, inspections, meetings, activities ---- */

static int on_note(void *ctx, const char *code, const char *unit, const char *date,
                   const char *difficulties, const char *proposals)
{
    struct build *b = ctx;
    if (b->rq->unit != NULL && strcmp(b->rq->unit, unit) != 0)
        return 0;
    if (b->rq->kind == DRAFT_ADHOC) {
        bool asked = false;
        for (int i = 0; i < b->nunits; i++)
            asked |= b->asked[i] && strcmp(b->units[i].code, unit) == 0;
        if (!asked)
            return 0;
    }
    if (difficulties[0] != '\0') {
        struct report_note *n = MORE(b, notes);
        if (n == NULL)
            return 1;
        *n = (struct report_note){shown_date(b, date), keep(b, code), keep(b, unit),
                                  keep(b, difficulties)};
    }
    if (proposals[0] != '\0') {
        struct report_adjustment *a = MORE(b, adj);
        if (a == NULL)
            return 1;
        *a = (struct report_adjustment){keepf(b, _("Progress update of %s"), code),
                                        shown_date(b, date), keep(b, unit), keep(b, proposals)};
    }
    return b->failed;
}

static int on_inspection(void *ctx, const struct inspection_row *r)
{
    struct build *b = ctx;
    if (!in_period(b, r->date) || (b->rq->unit != NULL && strstr(r->units, b->rq->unit) == NULL))
        return 0;
    struct report_inspection *i = MORE(b, insp);
    if (i == NULL)
        return 1;
    *i = (struct report_inspection){shown_date(b, r->date), keep(b, inspection_kind_label(r->kind)),
                                    keep(b, r->units),      keep(b, r->scope),
                                    keep(b, r->findings),   keep(b, r->recommendations)};
    return b->failed;
}

static int on_meeting(void *ctx, const char *key, const char *date, const char *kind,
                      const char *title, const char *place, const char *conclusions)
{
    struct build *b = ctx;
    (void)key;
    (void)place;
    if (date[0] != '\0' && !in_period(b, date))
        return 0;
    struct report_meeting *m = MORE(b, meet);
    if (m == NULL)
        return 1;
    *m = (struct report_meeting){date[0] != '\0' ? shown_date(b, date) : "", keep(b, kind),
                                 keep(b, title), keep(b, conclusions)};
    /* The conclusions of the period's conferences are proposed adjustments. */
    if (date[0] != '\0' && conclusions[0] != '\0') {
        struct report_adjustment *a = MORE(b, adj);
        if (a == NULL)
            return 1;
        *a = (struct report_adjustment){keepf(b, _("Conference: %s"), title), m->date, "",
                                        m->conclusions};
    }
    return b->failed;
}

static int read_activities(struct build *b)
{
    static const char sql[] =
        "SELECT coalesce(a.date, ''), coalesce(v.label, ''), a.channel, coalesce(u.code, ''),"
        " a.title, a.reach, a.status FROM activity a LEFT JOIN vocab v ON v.id = a.kind_id"
        " LEFT JOIN unit u ON u.id = a.unit_id WHERE a.deleted = 0"
        " AND (a.date IS NULL OR (a.date >= ?1 AND a.date <= ?2))"
        " AND (?3 = 0 OR a.unit_id = ?3) ORDER BY a.date IS NULL, a.date, a.id";
    sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, b->first, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, b->last, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 3, b->unit_id);
    int rc = SQLITE_DONE;
    while (!b->failed && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct report_activity *a = MORE(b, act);
        if (a == NULL)
            break;
        const char *date = col(s, 0);
        *a = (struct report_activity){date[0] != '\0' ? shown_date(b, date) : "",
                                      keep(b, col(s, 1)),
                                      activity_channel_label(col(s, 2)),
                                      keep(b, col(s, 3)),
                                      keep(b, col(s, 4)),
                                      keep(b, col(s, 5)),
                                      activity_status_label(col(s, 6))};
        int k = 0;
        while (k < b->nkinds && strcmp(b->kinds[k].label, a->kind) != 0)
            k++;
        if (k == b->nkinds) {
            struct report_count *c = MORE(b, kinds);
            if (c == NULL)
                break;
            c->label = a->kind;
        }
        b->kinds[k].n++;
    }
    sqlite3_reset(s);
    if (b->failed)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    return rc == SQLITE_DONE ? 0
                             : store_fail(b->st, _("reading the communication activities"), b->err);
}

/* ---- Reports due in the period, unit by unit ---- */

static int read_reports(struct build *b)
{
    static const char sql[] =
        "SELECT r.id, r.title, r.period, r.due_date, u.id, coalesce(s.submitted_on, '')"
        " FROM report r LEFT JOIN report_rule r2 ON r2.id = r.rule_id JOIN unit u ON " EXPECTED
        " LEFT JOIN submission s ON s.report_id = r.id AND s.unit_id = u.id"
        " WHERE r.deleted = 0 AND ((?4 = 0 AND r.due_date >= ?1 AND r.due_date <= ?2)"
        " OR r.id = ?4) ORDER BY r.due_date, r.id, u.sort_order, u.code";
    sqlite3_stmt *s = store_stmt(b->st, sql, b->err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, b->first, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, b->last, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(s, 4, b->rq->kind == DRAFT_ADHOC ? b->rq->adhoc_id : 0);
    int rc = SQLITE_DONE, *firsts = NULL, nfirst = 0, cap_first = 0;
    struct report_data *d = b->d;
    while (!b->failed && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        int u = unit_index(b, (long)sqlite3_column_int64(s, 4));
        if (u < 0)
            continue;
        if (b->rq->kind == DRAFT_ADHOC)
            b->asked[u] = true;
        long id = (long)sqlite3_column_int64(s, 0);
        const char *due = col(s, 3), *on = col(s, 5);
        if (b->nreports == 0 || id != b->last_report_id) {
            struct report_due *r = MORE(b, reports);
            int *f = more(b, &firsts, &nfirst, &cap_first, sizeof *firsts);
            if (r == NULL || f == NULL)
                break;
            r->title = keep(b, col(s, 1));
            r->period = keep(b, col(s, 2));
            r->due = shown_date(b, due);
            *f = b->nsubs;
            b->last_report_id = id;
        }
        struct report_due *r = &b->reports[b->nreports - 1];
        struct report_submitter *m = MORE(b, subs);
        if (m == NULL)
            break;
        /* As of the period's end: a submission made later was not there yet. */
        bool submitted = on[0] != '\0' && strcmp(on, b->as_of) <= 0;
        enum report_sub_state state = submitted ? (strcmp(on, due) <= 0 ? RSUB_ON_TIME : RSUB_LATE)
                                      : strcmp(due, b->as_of) < 0 ? RSUB_MISSING
                                                                  : RSUB_NOT_DUE;
        *m = (struct report_submitter){b->units[u].code, b->units[u].name,
                                       submitted ? shown_date(b, on) : "", state};
        r->nunits++;
        if (state != RSUB_NOT_DUE)
            r->expected++;
        r->on_time += state == RSUB_ON_TIME;
        r->late += state == RSUB_LATE;
        r->missing += state == RSUB_MISSING;
        d->reports_expected += state != RSUB_NOT_DUE;
        d->reports_on_time += state == RSUB_ON_TIME;
        d->reports_late += state == RSUB_LATE;
        d->reports_missing += state == RSUB_MISSING;
    }
    sqlite3_reset(s);
    for (int i = 0; !b->failed && firsts != NULL && i < b->nreports; i++)
        b->reports[i].units = b->subs + firsts[i];
    free(firsts);
    if (b->failed)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    return rc == SQLITE_DONE ? 0 : store_fail(b->st, _("reading the submissions"), b->err);
}

/* ---- Indicators, with the values up to the period's last year ---- */

static int read_indicators(struct build *b, int plan_start)
{
    struct indicator_row *ind = calloc(256, sizeof *ind);
    int ni = 0;
    if (ind == NULL)
        return td_err_set(b->err, TD_E_NOMEM, _("out of memory"));
    if (store_indicator_list(b->st, ind, 256, &ni, b->err) != 0) {
        free(ind);
        return -1;
    }
    struct report_indicator *ri = own(b, calloc((size_t)(ni > 0 ? ni : 1), sizeof *ri));
    b->d->indicators = ri;
    for (int i = 0; ri != NULL && i < ni; i++) {
        struct indicator_row *r = &ind[i];
        if (b->rq->unit != NULL && strcmp(b->rq->unit, r->owner) != 0)
            continue;
        int kept = 0;
        while (kept < r->nvalues && r->values[kept].year <= b->to)
            kept++;
        r->nvalues = kept;
        struct forecast_result fc;
        indicator_forecast_at(r, plan_start, b->rq->tolerance, b->to + 1, &fc);
        struct report_indicator *o = &ri[b->d->nindicators++];
        o->code = keep(b, r->code);
        o->name = keep(b, r->name);
        o->measure_unit = keep(b, r->measure_unit);
        o->verdict = verdict_label(fc.verdict);
        o->verdict_class = (int)fc.verdict;
        o->has_baseline = r->has_baseline;
        o->baseline_year = r->baseline_year;
        o->baseline_value = r->baseline_value;
        o->has_target = r->ntargets > 0;
        if (o->has_target) {
            o->target_year = r->targets[r->ntargets - 1].year;
            o->low = r->targets[r->ntargets - 1].low;
            o->high = r->targets[r->ntargets - 1].high;
        }
        o->has_latest = r->nvalues > 0;
        if (o->has_latest) {
            o->latest_year = r->values[r->nvalues - 1].year;
            o->latest = r->values[r->nvalues - 1].value;
        }
        o->has_projection = fc.verdict != VERDICT_NOT_ENOUGH;
        o->projection = fc.projection;
        o->has_required = r->kind == IND_GROWTH && o->has_projection && fc.remaining > 0;
        o->required = fc.required;
        o->remaining = fc.remaining;
        for (int k = 0; k < r->nvalues && k < 64; k++) {
            o->years[k] = r->values[k].year;
            o->values[k] = r->values[k].value;
            o->nvalues++;
        }
    }
    free(ind);
    return ri == NULL ? td_err_set(b->err, TD_E_NOMEM, _("out of memory")) : 0;
}

int store_draft_build(struct store *st, const struct draft_request *rq, struct report_data *out,
                      struct td_err *err)
{
    memset(out, 0, sizeof *out);
    out->mem = calloc(1, sizeof *out->mem);
    if (out->mem == NULL)
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    struct build b = {.st = st, .rq = rq, .d = out, .err = err};
    out->kind = rq->kind;
    out->all_tasks = rq->all_tasks;
    int ty, tm, td;
    date_to_ymd(rq->today, &ty, &tm, &td);
    out->head = rq->head;
    out->head.year = ty;
    out->head.month = tm;
    out->head.day = td;
    struct store_summary sum;
    if (store_summary(st, ty, &sum, err) != 0)
        return -1;
    out->plan_title = keep(&b, sum.plan_title);
    out->demo = sum.demo_rows > 0;
    char generated[32];
    date_format(rq->today, rq->date_format, generated, sizeof generated);
    out->generated = keep(&b, generated);
    int plan_start = (int)sum.start_year;
    int rc = settle_period(&b, &sum);
    store_summary_free(&sum);
    if (rc == 0)
        rc = read_units(&b);
    if (rc == 0 && rq->kind == DRAFT_ADHOC)
        rc = read_reports(&b); /* first: it says which units the request asks */
    if (rc == 0)
        rc = read_evaluations(&b);
    if (rc == 0)
        rc = read_tasks(&b);
    if (rc == 0)
        rc = read_indicators(&b, plan_start);
    if (rc == 0 && store_progress_notes(st, b.first, b.as_of, on_note, &b, err) != 0)
        rc = -1;
    if (rc == 0 && rq->kind != DRAFT_ADHOC &&
        (store_inspection_each(st, on_inspection, &b, err) != 0 ||
         store_meeting_each(st, on_meeting, &b, err) != 0))
        rc = -1;
    if (rc == 0 && rq->kind != DRAFT_ADHOC)
        rc = read_activities(&b);
    if (rc == 0 && rq->kind != DRAFT_ADHOC)
        rc = read_reports(&b);
    if (rc == 0 && b.failed)
        rc = td_err_set(err, TD_E_NOMEM, _("out of memory"));
    if (rq->kind == DRAFT_ADHOC && rc == 0) {
        /* The facts of the units asked, no others. */
        int k = 0;
        for (int i = 0; i < b.nunits; i++)
            if (b.asked[i])
                b.units[k++] = b.units[i];
        b.nunits = k;
    }
    /* The arrays become the draft's. */
    own(&b, b.units);
    own(&b, b.tasks);
    own(&b, b.groups);
    own(&b, b.notes);
    own(&b, b.adj);
    own(&b, b.insp);
    own(&b, b.meet);
    own(&b, b.act);
    own(&b, b.kinds);
    own(&b, b.reports);
    own(&b, b.subs);
    b.failed = 0;
    out->units = b.units;
    out->nunits = b.nunits;
    out->tasks = b.tasks;
    out->ntasks = b.ntasks;
    out->groups = b.groups;
    out->ngroups = b.ngroups;
    out->difficulties = b.notes;
    out->ndifficulties = b.nnotes;
    out->adjustments = b.adj;
    out->nadjustments = b.nadj;
    out->inspections = b.insp;
    out->ninspections = b.ninsp;
    out->meetings = b.meet;
    out->nmeetings = b.nmeet;
    out->activities = b.act;
    out->nactivities = b.nact;
    out->activity_kinds = b.kinds;
    out->nactivity_kinds = b.nkinds;
    out->reports = b.reports;
    out->nreports = b.nreports;
    free(b.rank);
    free(b.keys);
    free(b.group_ids);
    free(b.group_sum);
    free(b.group_counted);
    free(b.unit_ids);
    free(b.unit_sum);
    free(b.unit_counted);
    free(b.asked);
    return rc;
}

void store_draft_free(struct report_data *d)
{
    if (d->mem != NULL) {
        for (size_t i = 0; i < d->mem->n; i++)
            free(d->mem->p[i]);
        free(d->mem->p);
        free(d->mem);
    }
    memset(d, 0, sizeof *d);
}

struct report_letterhead draft_letterhead(const struct td_config *cfg, const char *lang)
{
    return (struct report_letterhead){lang != NULL && strcmp(lang, "vi") == 0,
                                      cfg->report_issuer,
                                      cfg->report_issuer_unit,
                                      cfg->report_symbol,
                                      cfg->report_place,
                                      cfg->report_recipients,
                                      cfg->report_signer_position,
                                      cfg->report_signer_name,
                                      0,
                                      0,
                                      0};
}

void draft_request_init(struct draft_request *rq, const struct td_config *cfg, td_date today,
                        const char *lang)
{
    *rq = (struct draft_request){.today = today,
                                 .behind_tolerance = (int)cfg->behind_tolerance,
                                 .due_soon_days = (int)cfg->due_soon_days,
                                 .tolerance = cfg->tolerance,
                                 .date_format = cfg->date_format,
                                 .head = draft_letterhead(cfg, lang)};
}

int draft_request_for(struct draft_request *rq, const char *rule, const char *period,
                      long report_id, struct td_err *err)
{
    if (strcmp(rule, "annual") == 0) {
        rq->kind = DRAFT_ANNUAL;
        rq->year = atoi(period);
    } else if (strcmp(rule, "midterm") == 0) {
        rq->kind = DRAFT_MIDTERM;
    } else if (strcmp(rule, "final") == 0) {
        rq->kind = DRAFT_FINAL;
    } else if (strcmp(rule, "adhoc") == 0) {
        rq->kind = DRAFT_ADHOC;
        rq->adhoc_id = report_id;
    } else {
        return td_err_set(err, TD_E_USAGE, _("no draft for the reports of rule %s"), rule);
    }
    return 0;
}
