/* Tasks: the list window in any order, search, one task, and adding, changing, deleting tasks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/status.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

/* The position of a status in enum task_status (status.h), for the filter's bit mask. */
#define ORDINAL_OF(col)                                                                            \
    "CASE " col " WHEN 'not_started' THEN 0 WHEN 'in_progress' THEN 1 WHEN 'done' THEN 2"          \
    " WHEN 'delayed' THEN 3 WHEN 'suspended' THEN 4 ELSE 5 END"
#define STATUS_ORDINAL ORDINAL_OF("t.status")
/* The flags come from the same rule as everywhere (status_flags), through an SQL function. */
#define FLAGS "tiendo_flags(t.status, t.percent, t.start_date, t.due_date, ?6, ?10, ?11)"

#define TASK_WHERE                                                                                 \
    " t.deleted = 0"                                                                               \
    " AND (?1 = 0 OR t.lead_unit_id = ?1) AND (?2 = 0 OR (?2 >> (" STATUS_ORDINAL ")) & 1)"        \
    " AND (?3 = 0 OR t.phase_id = ?3) AND (?4 = 0 OR t.group_id = ?4)"                             \
    " AND (?5 = 0 OR " FLAGS " & ?5 != 0)"
#define TASK_FROM " FROM task t JOIN unit u ON u.id = t.lead_unit_id WHERE" TASK_WHERE
/* By lead unit: the units in code order, each unit's tasks from task_by_unit (no sort). */
#define UNIT_FROM " FROM unit u CROSS JOIN task t ON t.lead_unit_id = u.id WHERE" TASK_WHERE
/* Positions without a filter: the order's index alone (the unit exists: a foreign key). */
#define ALL_FROM      " FROM task t WHERE t.deleted = 0"
#define ALL_UNIT_FROM " FROM unit u CROSS JOIN task t ON t.lead_unit_id = u.id WHERE t.deleted = 0"
/* A search of three characters or more: the tasks task_fts holds for it (at most FTS_MAX). */
#define FTS_FROM                                                                                   \
    " FROM (SELECT rowid AS id FROM task_fts WHERE task_fts MATCH ?16"                             \
    " UNION ALL SELECT id FROM task_fts_todo) m CROSS JOIN task t ON t.id = m.id"                  \
    " CROSS JOIN unit u ON u.id = t.lead_unit_id WHERE" TASK_WHERE

/* The list orders, each a key that ends in the task's id (so that it is unique) and that an
 * index of migration 6 holds (the lead unit's code, in another table, is the exception).
 * Every page reads from a key on (keyset pagination): an index seek, not a count from the top.
 * Descending lists are the ascending ones read from the other end. */
#define K_CODE    "t.sort_code, t.id"
#define K_TITLE   "t.title, t.sort_code, t.id"
#define K_UNIT    "u.code, t.sort_code, t.id"
#define K_DUE     "t.due_date IS NULL, coalesce(t.due_date, ''), t.sort_code, t.id"
#define K_STATUS  STATUS_RANK ", t.sort_code, t.id"
#define K_PERCENT "t.percent, t.sort_code, t.id"
#define D_CODE    "t.sort_code DESC, t.id DESC"
#define D_TITLE   "t.title DESC, t.sort_code DESC, t.id DESC"
#define D_UNIT    "u.code DESC, t.sort_code DESC, t.id DESC"
#define D_DUE     "t.due_date IS NULL DESC, coalesce(t.due_date, '') DESC, t.sort_code DESC, t.id DESC"
#define D_STATUS  STATUS_RANK " DESC, t.sort_code DESC, t.id DESC"
#define D_PERCENT "t.percent DESC, t.sort_code DESC, t.id DESC"
#define V2        "(?12, ?13)"
#define V3        "(?12, ?13, ?14)"
#define V4        "(?12, ?13, ?14, ?15)"

#define ROW_COLUMNS                                                                                \
    "SELECT t.id, t.version, t.code, t.title, u.code, coalesce(t.due_date, ''), t.status,"         \
    " t.percent, t.is_demo, " FLAGS ", "

/* For one order: the page after a key (>=), the page before it (<), the first and the last
 * pages, the rows before a key (a position); then what the search needs (issue 18): the rows
 * after a key (at most ?17), the same two counts without a filter, the next and previous match
 * among task_fts's candidates (?16), and the ?17 rows from a key in list order with their search
 * text (a short search looks through them, and stops at the first that matches). */
#define LIST_SQL(K, D, V, NK, FROM, ALL)                                                           \
    {                                                                                              \
        {ROW_COLUMNS K FROM " AND (" K ") >= " V " ORDER BY " K " LIMIT ?7 OFFSET ?8",             \
         ROW_COLUMNS K FROM " AND (" K ") < " V " ORDER BY " D " LIMIT ?7 OFFSET ?8",              \
         ROW_COLUMNS K FROM " ORDER BY " K " LIMIT ?7 OFFSET ?8",                                  \
         ROW_COLUMNS K FROM " ORDER BY " D " LIMIT ?7 OFFSET ?8",                                  \
         "SELECT count(*) FROM (SELECT 1" FROM " AND (" K ") < " V " LIMIT ?17)",                  \
         "SELECT count(*) FROM (SELECT 1" FROM " AND (" K ") > " V " LIMIT ?17)",                  \
         "SELECT count(*) FROM (SELECT 1" ALL " AND (" K ") < " V " LIMIT ?17)",                   \
         "SELECT count(*) FROM (SELECT 1" ALL " AND (" K ") > " V " LIMIT ?17)",                   \
         "SELECT " K FTS_FROM " AND (" K ") >= " V " AND instr(t.search, ?9) > 0 ORDER BY " K      \
         " LIMIT 1",                                                                               \
         "SELECT " K FTS_FROM " AND (" K ") <= " V " AND instr(t.search, ?9) > 0 ORDER BY " D      \
         " LIMIT 1",                                                                               \
         "SELECT " K ", t.search" FROM " AND (" K ") >= " V " ORDER BY " K " LIMIT ?17",           \
         "SELECT " K ", t.search" FROM " AND (" K ") <= " V " ORDER BY " D " LIMIT ?17"},          \
            NK                                                                                     \
    }
enum {
    Q_AFTER,
    Q_BEFORE,
    Q_FIRST,
    Q_LAST,
    Q_POS,
    Q_TAIL,
    Q_POS_ALL,
    Q_TAIL_ALL,
    Q_FTS_NEXT,
    Q_FTS_PREV,
    Q_SHORT_NEXT,
    Q_SHORT_PREV,
    Q_COUNT
};
/* The list queries store_task_list_plans shows: the pages and the positions. */
#define Q_LISTED 5
static const struct {
    const char *sql[Q_COUNT];
    int nkey;
} list_sql[TSORT_COUNT] = {
    LIST_SQL(K_CODE, D_CODE, V2, 2, TASK_FROM, ALL_FROM),
    LIST_SQL(K_TITLE, D_TITLE, V3, 3, TASK_FROM, ALL_FROM),
    LIST_SQL(K_UNIT, D_UNIT, V3, 3, UNIT_FROM, ALL_UNIT_FROM),
    LIST_SQL(K_DUE, D_DUE, V4, 4, TASK_FROM, ALL_FROM),
    LIST_SQL(K_STATUS, D_STATUS, V3, 3, TASK_FROM, ALL_FROM),
    LIST_SQL(K_PERCENT, D_PERCENT, V3, 3, TASK_FROM, ALL_FROM),
};

/* A search of fewer characters than a trigram looks at this many rows from where it starts;
 * a longer one reads the candidates from task_fts when there are at most FTS_MAX of them (else
 * matches are common, and the scan in list order finds one soon). */
enum { SHORT_SCAN = 2000, FTS_MAX = 2000 };

static const char count_sql[] = "SELECT count(*)" TASK_FROM;

static void bind_filter(sqlite3_stmt *s, const struct task_filter *f)
{
    char today[11];
    date_format_iso(f->rules.today, today);
    sqlite3_bind_int64(s, 1, f->unit_id);
    sqlite3_bind_int(s, 2, (int)f->statuses);
    sqlite3_bind_int64(s, 3, f->phase_id);
    sqlite3_bind_int64(s, 4, f->group_id);
    sqlite3_bind_int(s, 5, (int)f->flags);
    sqlite3_bind_text(s, 6, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 10, f->rules.behind_tolerance);
    sqlite3_bind_int(s, 11, f->rules.due_soon_days);
}

void store_task_anchor_drop(struct store *st)
{
    struct task_anchor *a = &st->anchor;
    for (int i = 0; i < a->nkey; i++)
        sqlite3_value_free(a->key[i]);
    memset(a, 0, sizeof *a);
    a->count = -1;
}

static bool filter_fits(const struct task_anchor *a, const struct task_filter *f)
{
    return a->unit_id == f->unit_id && a->statuses == f->statuses && a->phase_id == f->phase_id &&
           a->group_id == f->group_id && a->flags == f->flags;
}

static bool anchor_fits(const struct task_anchor *a, const struct task_filter *f, int sort)
{
    return a->sort == sort && filter_fits(a, f);
}

/* The count the anchor keeps, when it is this filter's; -1 otherwise. */
static long anchor_count(const struct task_anchor *a, const struct task_filter *f)
{
    return filter_fits(a, f) ? a->count : -1;
}

static void anchor_set_filter(struct task_anchor *a, const struct task_filter *f)
{
    a->unit_id = f->unit_id;
    a->statuses = f->statuses;
    a->phase_id = f->phase_id;
    a->group_id = f->group_id;
    a->flags = f->flags;
}

int store_task_fts_flush(struct store *st, struct td_err *err)
{
    static const char any[] = "SELECT EXISTS (SELECT 1 FROM task_fts_todo)";
    static const char to_fts[] =
        "INSERT INTO task_fts(rowid, search) SELECT t.id, t.search FROM task_fts_todo d"
        " JOIN task t ON t.id = d.id WHERE t.search IS NOT NULL";
    static const char done[] = "DELETE FROM task_fts_todo";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, any, &ignored);
    if (s == NULL) /* a schema from before migration 8 (while migrating) */
        return 0;
    int rc = sqlite3_step(s);
    bool work = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        return store_fail(st, _("updating the search index"), err);
    const char *const steps[] = {to_fts, done};
    for (size_t i = 0; work && i < sizeof steps / sizeof steps[0]; i++)
        if ((s = store_stmt(st, steps[i], err)) == NULL || sqlite3_step(s) != SQLITE_DONE)
            return s == NULL ? -1 : store_fail(st, _("updating the search index"), err);
    return 0;
}

/* Tasks whose code or title changed (or that another program added) get their keys again; the
 * commit moves their search texts into task_fts (and those another program left noted). */
int store_task_heal_keys(struct store *st, struct td_err *err)
{
    static const char any[] =
        "SELECT EXISTS (SELECT 1 FROM task WHERE deleted = 0 AND sort_code IS NULL)"
        " OR EXISTS (SELECT 1 FROM task_fts_todo)";
    static const char heal[] =
        "UPDATE task SET sort_code = tiendo_natural_key(code),"
        " search = tiendo_fold(code || ' ' || title) WHERE deleted = 0 AND sort_code IS NULL";
    sqlite3_stmt *s = store_stmt(st, any, err);
    if (s == NULL)
        return -1;
    int rc = sqlite3_step(s);
    bool work = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        return store_fail(st, _("counting tasks"), err);
    if (!work)
        return 0;
    if (store_begin(st, err) != 0)
        return -1;
    if ((s = store_stmt(st, heal, err)) == NULL || sqlite3_step(s) != SQLITE_DONE) {
        if (s != NULL)
            store_fail(st, _("counting tasks"), err);
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err);
}

/* PRAGMA data_version: changes when another connection commits; -1 on failure. */
static long data_version(struct store *st)
{
    static const char sql[] = "PRAGMA data_version";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    long v = s != NULL && sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    if (s != NULL)
        sqlite3_reset(s);
    return v;
}

int store_task_count(struct store *st, const struct task_filter *f, long *count, struct td_err *err)
{
    store_task_anchor_drop(st);
    /* The same filter with nothing written since: the count is known (a new sort order). */
    struct task_count_cache *c = &st->counted;
    long version = data_version(st);
    if (c->valid && version >= 0 && c->data_version == version && c->unit_id == f->unit_id &&
        c->statuses == f->statuses && c->phase_id == f->phase_id && c->group_id == f->group_id &&
        c->flags == f->flags) {
        *count = st->anchor.count = c->count;
        anchor_set_filter(&st->anchor, f);
        return 0;
    }
    /* Without a flag (which depends on the day) the count is a sum over task_tally, which
     * triggers keep in step: a few hundred rows, however many tasks there are. */
    static const char count_tally[] =
        "SELECT coalesce(sum(n), 0) FROM task_tally WHERE (?1 = 0 OR unit_id = ?1)"
        " AND (?2 = 0 OR (?2 >> (" ORDINAL_OF(
            "status") ")) & 1)"
                      " AND (?3 = 0 OR phase_id = ?3) AND (?4 = 0 OR group_id = ?4)";
    const char *sql = f->flags != 0 ? count_sql : count_tally;
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    if (sql == count_sql) {
        bind_filter(s, f);
    } else {
        sqlite3_bind_int64(s, 1, f->unit_id);
        sqlite3_bind_int(s, 2, (int)f->statuses);
        sqlite3_bind_int64(s, 3, f->phase_id);
        sqlite3_bind_int64(s, 4, f->group_id);
    }
    int rc = sqlite3_step(s);
    *count = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        return store_fail(st, _("counting tasks"), err);
    st->anchor.count = *count;
    anchor_set_filter(&st->anchor, f);
    *c = (struct task_count_cache){true,        f->unit_id, f->phase_id, f->group_id,
                                   f->statuses, f->flags,   version,     *count};
    return 0;
}

static void read_row(sqlite3_stmt *s, struct task_row *r)
{
    r->id = (long)sqlite3_column_int64(s, 0);
    r->version = (long)sqlite3_column_int64(s, 1);
    store_text_col(s, 2, r->code, sizeof r->code);
    store_text_col(s, 3, r->title, sizeof r->title);
    store_text_col(s, 4, r->unit, sizeof r->unit);
    store_text_col(s, 5, r->due, sizeof r->due);
    int status = status_parse((const char *)sqlite3_column_text(s, 6));
    r->status = status < 0 ? ST_NOT_STARTED : status;
    r->percent = sqlite3_column_int(s, 7);
    r->demo = sqlite3_column_int(s, 8) != 0;
    r->flags = (unsigned)sqlite3_column_int(s, 9);
}

/* Runs one page query; rows come in the statement's order, reversed when backwards. Keeps the
 * key of the row that ends up first as the new anchor, at ascending position first_pos. */
static int run_page(struct store *st, const struct task_filter *f, int sort, int q, long offset,
                    int limit, bool backwards, long first_pos, struct task_row *rows, int *n,
                    struct td_err *err)
{
    int nkey = list_sql[sort].nkey;
    sqlite3_stmt *s = store_stmt(st, list_sql[sort].sql[q], err);
    if (s == NULL)
        return -1;
    bind_filter(s, f);
    sqlite3_bind_int(s, 7, limit);
    sqlite3_bind_int64(s, 8, offset);
    if (q == Q_AFTER || q == Q_BEFORE)
        for (int k = 0; k < nkey; k++)
            sqlite3_bind_value(s, 12 + k, st->anchor.key[k]);
    int rc, got = 0;
    sqlite3_value *first[4] = {NULL, NULL, NULL, NULL};
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && got < limit) {
        read_row(s, &rows[got]);
        /* The row that will be first on the page: the first read, or the last read backwards. */
        if (backwards || got == 0)
            for (int k = 0; k < nkey; k++) {
                sqlite3_value_free(first[k]);
                first[k] = sqlite3_value_dup(sqlite3_column_value(s, 10 + k));
            }
        got++;
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        for (int k = 0; k < nkey; k++)
            sqlite3_value_free(first[k]);
        return store_fail(st, _("reading tasks"), err);
    }
    if (backwards)
        for (int a = 0, b = got - 1; a < b; a++, b--) {
            struct task_row t = rows[a];
            rows[a] = rows[b];
            rows[b] = t;
        }
    *n = got;
    if (got > 0) {
        long count = anchor_count(&st->anchor, f);
        store_task_anchor_drop(st);
        struct task_anchor *a = &st->anchor;
        a->valid = true;
        a->sort = sort;
        anchor_set_filter(a, f);
        a->pos = first_pos;
        a->nkey = nkey;
        a->count = count;
        for (int k = 0; k < nkey; k++)
            a->key[k] = first[k];
    }
    return 0;
}

/* Ascending rows [first, first + limit): from the anchor when it is near, else from the end
 * that is nearer. */
static int page_asc(struct store *st, const struct task_filter *f, int sort, long first, int limit,
                    long count, struct task_row *rows, int *n, struct td_err *err)
{
    enum { NEAR = 4096 };
    const struct task_anchor *a = &st->anchor;
    *n = 0;
    if (limit <= 0 || first < 0)
        return 0;
    /* After a write a changed code or title needs its keys again (a database this user may
     * only read keeps such rows without: they sort first). */
    struct td_err ignored;
    if (!a->valid)
        store_task_heal_keys(st, &ignored);

    if (a->valid && anchor_fits(a, f, sort)) {
        long d = first - a->pos;
        if (d >= 0 && d <= NEAR)
            return run_page(st, f, sort, Q_AFTER, d, limit, false, first, rows, n, err);
        if (d < 0 && -d <= NEAR) {
            /* Find the row at `first` (the -d-th before the anchor), then read on from it. */
            struct task_row one;
            int got = 0;
            if (run_page(st, f, sort, Q_BEFORE, -d - 1, 1, false, first, &one, &got, err) != 0)
                return -1;
            if (got == 1)
                return run_page(st, f, sort, Q_AFTER, 0, limit, false, first, rows, n, err);
        }
    }
    if (count >= 0 && count - first < first)
        return run_page(st, f, sort, Q_LAST, count - first - limit > 0 ? count - first - limit : 0,
                        (int)(count - first < limit ? count - first : limit), true, first, rows, n,
                        err);
    return run_page(st, f, sort, Q_FIRST, first, limit, false, first, rows, n, err);
}

static long known_count(struct store *st, const struct task_filter *f, struct td_err *err)
{
    long count = anchor_count(&st->anchor, f);
    if (count < 0 && store_task_count(st, f, &count, err) != 0)
        return -1;
    return count;
}

int store_task_page(struct store *st, const struct task_filter *f, enum task_sort sort, bool desc,
                    long offset, int limit, struct task_row *rows, int *n, struct td_err *err)
{
    *n = 0;
    if (anchor_count(&st->anchor, f) == 0) /* counted: an empty filter reads no rows */
        return 0;
    if (!desc)
        return page_asc(st, f, (int)sort, offset, limit, anchor_count(&st->anchor, f), rows, n,
                        err);
    long count = known_count(st, f, err);
    if (count < 0)
        return -1;
    /* Rows offset .. offset + limit - 1 from the end are ascending rows first .. last. */
    long last = count - 1 - offset, first = count - offset - limit;
    if (last < 0)
        return 0;
    if (first < 0)
        first = 0;
    if (page_asc(st, f, (int)sort, first, (int)(last - first + 1), count, rows, n, err) != 0)
        return -1;
    for (int a = 0, b = *n - 1; a < b; a++, b--) {
        struct task_row t = rows[a];
        rows[a] = rows[b];
        rows[b] = t;
    }
    return 0;
}

int store_task_list_plans(struct store *st, enum task_sort sort,
                          int (*row)(void *ctx, const char *sql, const char *plan), void *ctx,
                          struct td_err *err)
{
    for (int q = 0; q < Q_LISTED; q++) {
        char *sql = sqlite3_mprintf("EXPLAIN QUERY PLAN %s", list_sql[sort].sql[q]);
        sqlite3_stmt *s = NULL;
        if (sql == NULL || sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
            sqlite3_free(sql);
            return store_fail(st, _("reading tasks"), err);
        }
        sqlite3_free(sql);
        while (sqlite3_step(s) == SQLITE_ROW)
            row(ctx, list_sql[sort].sql[q], (const char *)sqlite3_column_text(s, 3));
        sqlite3_finalize(s);
    }
    return 0;
}

static bool filter_empty(const struct task_filter *f)
{
    return f->unit_id == 0 && f->statuses == 0 && f->phase_id == 0 && f->group_id == 0 &&
           f->flags == 0;
}

/* The number of code points of s (trigrams are of characters, not bytes). */
static size_t code_points(const char *s)
{
    size_t n = 0;
    for (; *s != '\0'; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

/* A phrase for task_fts: the folded needle in double quotes (its own doubled). NULL: no memory. */
static char *fts_phrase(const char *folded)
{
    size_t len = strlen(folded), k = 0;
    char *p = malloc(2 * len + 3);
    if (p == NULL)
        return NULL;
    p[k++] = '"';
    for (const char *c = folded; *c != '\0'; c++) {
        if (*c == '"')
            p[k++] = '"';
        p[k++] = *c;
    }
    p[k++] = '"';
    p[k] = '\0';
    return p;
}

/* How many tasks task_fts holds for phrase, counted up to FTS_MAX + 1; -1 on failure. */
static long fts_candidates(struct store *st, const char *phrase, struct td_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM (SELECT 1 FROM task_fts WHERE task_fts MATCH ?1 LIMIT ?2))"
        " + (SELECT count(*) FROM (SELECT 1 FROM task_fts_todo LIMIT ?2))";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, phrase, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, FTS_MAX + 1);
    int rc = sqlite3_step(s);
    long n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        store_fail(st, _("searching tasks"), err);
    return n;
}

/* Runs a count query q of sort (bound to the filter, key and ?17 = limit); -1 on failure. */
static long count_from(struct store *st, const struct task_filter *f, int sort, int q,
                       sqlite3_value *const *key, long limit, struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, list_sql[sort].sql[q], err);
    if (s == NULL)
        return -1;
    if (q != Q_POS_ALL && q != Q_TAIL_ALL)
        bind_filter(s, f);
    for (int k = 0; k < list_sql[sort].nkey; k++)
        sqlite3_bind_value(s, 12 + k, key[k]);
    sqlite3_bind_int64(s, 17, limit);
    int rc = sqlite3_step(s);
    long n = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        store_fail(st, _("searching tasks"), err);
    return n;
}

/* The ascending position of the row with key among count rows, counted from the nearer end:
 * the rows before it, up to NEAR_END; then the rows after it, up to half; then all those before
 * it (a row in the middle of a long list is the costly case). */
static long position_of(struct store *st, const struct task_filter *f, int sort,
                        sqlite3_value *const *key, long count, struct td_err *err)
{
    enum { NEAR_END = 4096 };
    bool all = filter_empty(f);
    int q_before = all ? Q_POS_ALL : Q_POS, q_after = all ? Q_TAIL_ALL : Q_TAIL;
    long before = count_from(st, f, sort, q_before, key, NEAR_END, err);
    if (before < NEAR_END) /* also -1: failed */
        return before;
    long half = count / 2 + 1;
    long after = count_from(st, f, sort, q_after, key, half, err);
    if (after < 0)
        return -1;
    if (after < half)
        return count - 1 - after;
    return count_from(st, f, sort, q_before, key, count, err);
}

long store_task_find(struct store *st, const struct task_filter *f, enum task_sort sort, bool desc,
                     const char *needle, long from, int dir, struct td_err *err)
{
    char *folded = text_fold(needle);
    if (folded == NULL)
        return -1;
    /* New search texts go into task_fts first (when this user may write; else the search reads
     * them from task_fts_todo). Before the list is read: a write drops the list's anchor. */
    struct td_err ignored;
    if (code_points(folded) >= 3)
        store_task_heal_keys(st, &ignored);
    long count = known_count(st, f, err);
    if (count <= 0 || from < 0 || from >= count) {
        free(folded);
        return -1;
    }
    char *phrase = NULL;
    /* In ascending terms: where to start and which way to go (reading the row there also
     * gives the keys that a change of code or title cleared back). */
    long start = desc ? count - 1 - from : from;
    bool forward = desc ? dir < 0 : dir >= 0;
    struct task_row row;
    int n = 0;
    if (page_asc(st, f, (int)sort, start, 1, count, &row, &n, err) != 0 || n == 0) {
        free(folded);
        return -1;
    }
    /* Three characters or more: task_fts says which tasks can match. None is an answer at
     * once; a few (at most FTS_MAX) are read and sorted; with many, the next SHORT_SCAN rows in
     * list order are looked through first (a common term is near), and only when none of them
     * matches are all the candidates sorted. Fewer characters: those rows only (bounded). */
    bool short_needle = code_points(folded) < 3;
    long cand = 0;
    if (!short_needle) {

        phrase = fts_phrase(folded);
        cand = phrase != NULL ? fts_candidates(st, phrase, err) : -1;
        if (cand <= 0) {
            free(folded);
            free(phrase);
            return -1;
        }
    }
    int nkey = list_sql[sort].nkey;
    sqlite3_value *found[4] = {NULL, NULL, NULL, NULL};
    long pos = -1;
    for (int pass = 0; pass < 2 && found[0] == NULL; pass++) {
        bool by_fts = !short_needle && (cand <= FTS_MAX || pass == 1);
        if (pass == 1 && !by_fts)
            break;
        int q =
            by_fts ? (forward ? Q_FTS_NEXT : Q_FTS_PREV) : (forward ? Q_SHORT_NEXT : Q_SHORT_PREV);
        sqlite3_stmt *s = store_stmt(st, list_sql[sort].sql[q], err);
        if (s == NULL)
            break;
        bind_filter(s, f);
        sqlite3_bind_text(s, 9, folded, -1, SQLITE_TRANSIENT);
        for (int k = 0; k < nkey; k++)
            sqlite3_bind_value(s, 12 + k, st->anchor.key[k]);
        if (by_fts)
            sqlite3_bind_text(s, 16, phrase, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(s, 17, SHORT_SCAN);
        int rc;
        while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
            const char *text = (const char *)sqlite3_column_text(s, nkey);
            if (by_fts || (text != NULL && strstr(text, folded) != NULL)) {
                for (int k = 0; k < nkey; k++)
                    found[k] = sqlite3_value_dup(sqlite3_column_value(s, k));
                break;
            }
        }
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            store_fail(st, _("searching tasks"), err); /* said; the search finds nothing */
        sqlite3_reset(s);
        if (by_fts)
            break;
    }
    free(folded);
    free(phrase);
    if (found[0] != NULL)
        pos = position_of(st, f, (int)sort, found, count, err);
    for (int k = 0; k < nkey; k++)
        sqlite3_value_free(found[k]);
    return pos < 0 ? -1 : desc ? count - 1 - pos : pos;
}

/* A task with all its fields, in the order read_detail() reads them. */
#define TASK_DETAIL_COLUMNS                                                                        \
    "SELECT t.id, t.version, t.code, t.title, u.code, coalesce(t.due_date, ''), t.status,"         \
    " t.percent, t.is_demo, t.description, t.output, coalesce(g.label, ''),"                       \
    " coalesce(p.name, ''), u.name, coalesce((SELECT group_concat(cu.code, ', ')"                  \
    " FROM task_unit tu JOIN unit cu ON cu.id = tu.unit_id WHERE tu.task_id = t.id), ''),"         \
    " coalesce(t.start_date, ''), coalesce(t.integrated_on, ''), t.integrated_doc,"                \
    " t.priority, coalesce(g.code, ''), coalesce(p.code, '')"
#define TASK_DETAIL_FROM                                                                           \
    " FROM task t JOIN unit u ON u.id = t.lead_unit_id"                                            \
    " LEFT JOIN vocab g ON g.id = t.group_id LEFT JOIN phase p ON p.id = t.phase_id"
#define TASK_DETAIL TASK_DETAIL_COLUMNS TASK_DETAIL_FROM

static void read_detail(sqlite3_stmt *s, struct task_detail *out);

/* Binds today and the [tasks] settings as ?first, ?first+1, ?first+2 for tiendo_flags. */
void store_bind_rules(sqlite3_stmt *s, int first, const struct flag_rules *rules)
{
    char today[11];
    date_format_iso(rules->today, today);
    sqlite3_bind_text(s, first, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, first + 1, rules->behind_tolerance);
    sqlite3_bind_int(s, first + 2, rules->due_soon_days);
}

int store_task_get(struct store *st, long id, struct task_detail *out, struct td_err *err)
{
    static const char sql[] = TASK_DETAIL " WHERE t.id = ?1 AND t.deleted = 0";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        read_detail(s, out);
    }
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return td_err_set(err, TD_E_NOTFOUND, _("the task no longer exists"));
    return rc == SQLITE_ROW ? 0 : store_fail(st, _("reading a task"), err);
}

long store_task_id_by_code(struct store *st, const char *code, struct td_err *err)
{
    static const char sql[] = "SELECT id FROM task WHERE code = ?1 AND deleted = 0";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    long id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        td_err_set(err, TD_E_NOTFOUND, _("task %s does not exist"), code);
    else if (rc != SQLITE_ROW)
        store_fail(st, _("reading a task"), err);
    return id;
}

/* Reads the columns of the task detail query (see store_task_get) into out. */
static void read_detail(sqlite3_stmt *s, struct task_detail *out)
{
    {
        struct task_row *r = &out->row;
        r->id = (long)sqlite3_column_int64(s, 0);
        r->version = (long)sqlite3_column_int64(s, 1);
        store_text_col(s, 2, r->code, sizeof r->code);
        store_text_col(s, 3, r->title, sizeof r->title);
        store_text_col(s, 3, out->title, sizeof out->title);
        store_text_col(s, 4, r->unit, sizeof r->unit);
        store_text_col(s, 5, r->due, sizeof r->due);
        int status = status_parse((const char *)sqlite3_column_text(s, 6));
        r->status = status < 0 ? ST_NOT_STARTED : status;
        r->percent = sqlite3_column_int(s, 7);
        r->demo = sqlite3_column_int(s, 8) != 0;
        store_text_col(s, 9, out->description, sizeof out->description);
        store_text_col(s, 10, out->output, sizeof out->output);
        store_text_col(s, 11, out->group, sizeof out->group);
        store_text_col(s, 12, out->phase, sizeof out->phase);
        store_text_col(s, 13, out->unit_name, sizeof out->unit_name);
        store_text_col(s, 14, out->coop, sizeof out->coop);
        store_text_col(s, 15, out->start, sizeof out->start);
        store_text_col(s, 16, out->integrated_on, sizeof out->integrated_on);
        store_text_col(s, 17, out->integrated_doc, sizeof out->integrated_doc);
        store_text_col(s, 18, out->priority, sizeof out->priority);
        store_text_col(s, 19, out->group_code, sizeof out->group_code);
        store_text_col(s, 20, out->phase_code, sizeof out->phase_code);
    }
}

int store_task_each(struct store *st, const struct flag_rules *rules,
                    int (*row)(void *ctx, const struct task_detail *t), void *ctx,
                    struct td_err *err)
{
    static const char sql[] =
        TASK_DETAIL_COLUMNS ", tiendo_flags(t.status, t.percent, t.start_date, t.due_date, ?1,"
                            " ?2, ?3)" TASK_DETAIL_FROM " WHERE t.deleted = 0"
                            " ORDER BY t.code COLLATE tiendo_natural, t.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    store_bind_rules(s, 1, rules);
    int rc;
    struct task_detail *d = malloc(sizeof *d);
    if (d == NULL) {
        sqlite3_reset(s);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        read_detail(s, d);
        d->row.flags = (unsigned)sqlite3_column_int(s, 21);
        if (row(ctx, d) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    free(d);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading tasks"), err);
}

/* Whether a row with this code exists: which is one of the lookups below. */
static int exists(struct store *st, const char *sql, const char *code, struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(st, _("checking a row"), err);
    return rc == SQLITE_ROW;
}

static const char task_exists_sql[] = "SELECT 1 FROM task WHERE code = ?1 AND deleted = 0";
static const char unit_exists_sql[] = "SELECT 1 FROM unit WHERE code = ?1 AND active = 1";
static const char group_exists_sql[] =
    "SELECT 1 FROM vocab WHERE domain = 'group' AND code = ?1 AND active = 1";
static const char phase_exists_sql[] = "SELECT 1 FROM phase WHERE code = ?1 AND active = 1";

/* Checks the references of one task; each problem goes to report. Returns the number of
 * problems, or -1 when the database failed. With self >= 0 the code may be that task's. */
int store_task_check_row(struct store *st, const struct task_new *t, long self,
                         void (*report)(void *ctx, int index, const char *msg), void *ctx,
                         int index, struct td_err *err)
{
    static const char same_sql[] = "SELECT 1 FROM task WHERE code = ?1 AND deleted = 0"
                                   " AND id <> ?2";
    int problems = 0, e;
    char msg[600];
    if (self >= 0) {
        sqlite3_stmt *s = store_stmt(st, same_sql, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, t->code, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 2, self);
        int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_fail(st, _("checking a row"), err);
        e = rc == SQLITE_ROW;
    } else if ((e = exists(st, task_exists_sql, t->code, err)) < 0) {
        return -1;
    }
    if (e) {
        snprintf(msg, sizeof msg, _("task %s exists already"), t->code);
        report(ctx, index, msg), problems++;
    }
    if ((e = exists(st, unit_exists_sql, t->lead, err)) < 0)
        return -1;
    if (!e) {
        snprintf(msg, sizeof msg, _("lead unit %s does not exist"), t->lead);
        report(ctx, index, msg), problems++;
    }
    char list[1024];
    snprintf(list, sizeof list, "%s", t->coop);
    char *save = NULL;
    for (char *u = strtok_r(list, ", ", &save); u != NULL; u = strtok_r(NULL, ", ", &save)) {
        if ((e = exists(st, unit_exists_sql, u, err)) < 0)
            return -1;
        if (!e) {
            snprintf(msg, sizeof msg, _("cooperating unit %s does not exist"), u);
            report(ctx, index, msg), problems++;
        }
    }
    if (t->group[0] != '\0' && (e = exists(st, group_exists_sql, t->group, err)) <= 0) {
        if (e < 0)
            return -1;
        snprintf(msg, sizeof msg, _("group %s does not exist"), t->group);
        report(ctx, index, msg), problems++;
    }
    if (t->phase[0] != '\0' && (e = exists(st, phase_exists_sql, t->phase, err)) <= 0) {
        if (e < 0)
            return -1;
        snprintf(msg, sizeof msg, _("phase %s does not exist"), t->phase);
        report(ctx, index, msg), problems++;
    }
    return problems;
}

/* A task as JSON, for the audit log and undo: its fields, cooperating units and version. */
#define TASK_SNAPSHOT                                                                              \
    "json_object('code', code, 'title', title, 'description', description, 'group',"               \
    " (SELECT code FROM vocab WHERE id = group_id), 'phase', (SELECT code FROM phase"              \
    " WHERE id = phase_id), 'lead', (SELECT code FROM unit WHERE id = lead_unit_id),"              \
    " 'start_date', start_date, 'due_date', due_date, 'output', output, 'priority', priority,"     \
    " 'integrated_on', integrated_on, 'integrated_doc', integrated_doc, 'deleted', deleted,"       \
    " 'version', version, 'coop', (SELECT json_group_array(code) FROM (SELECT u.code FROM"         \
    " task_unit tu JOIN unit u ON u.id = tu.unit_id WHERE tu.task_id = task.id"                    \
    " ORDER BY u.sort_order, u.code)))"

static int audit_task(struct store *st, long change, long id, const char *action,
                      const char *old_json, struct td_err *err)
{
    static const char sql[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " SELECT ?2, 'task', id, ?3, ?4, " TASK_SNAPSHOT ", ?5 FROM task WHERE id = ?1";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, action, -1, SQLITE_STATIC);
    store_bind_opt_text(s, 4, old_json);
    sqlite3_bind_int64(s, 5, change);
    return sqlite3_step(s) == SQLITE_DONE ? 0 : store_fail(st, _("saving the task"), err);
}

/* The snapshot of a task now (caller frees), checking its version; NULL with err. */
static char *snapshot(struct store *st, long id, long expected_version, struct td_err *err)
{
    static const char sql[] =
        "SELECT " TASK_SNAPSHOT ", version, updated_by FROM task WHERE id = ?1 AND deleted = 0";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return NULL;
    sqlite3_bind_int64(s, 1, id);
    int rc = sqlite3_step(s);
    char *json = NULL;
    if (rc == SQLITE_ROW && expected_version > 0 && sqlite3_column_int64(s, 1) != expected_version)
        td_err_set(err, TD_E_CONFLICT, _("%s changed this task since you opened it"),
                   (const char *)sqlite3_column_text(s, 2));
    else if (rc == SQLITE_ROW)
        json = strdup((const char *)sqlite3_column_text(s, 0));
    else if (rc == SQLITE_DONE)
        td_err_set(err, TD_E_NOTFOUND, _("the task no longer exists; nothing was saved"));
    else
        store_fail(st, _("reading a task"), err);
    sqlite3_reset(s);
    return json;
}

/* 1 when task id is now as the snapshot old shows it, but for its version; 0 when it changed. */
static int unchanged(struct store *st, long id, const char *old, struct td_err *err)
{
    static const char sql[] = "SELECT json_remove(?2, '$.version') = json_remove(" TASK_SNAPSHOT
                              ", '$.version') FROM task WHERE id = ?1";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    sqlite3_bind_text(s, 2, old, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    int same = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? same : store_fail(st, _("saving the task"), err);
}

/* Ties task id to the units in coop (codes separated by commas or spaces), adding to what it
 * has. */
static int add_coop(struct store *st, long id, const char *coop, struct td_err *err)
{
    static const char add[] = "INSERT OR IGNORE INTO task_unit (task_id, unit_id)"
                              " SELECT ?1, id FROM unit WHERE code = ?2";
    char list[1024];
    snprintf(list, sizeof list, "%s", coop);
    char *save = NULL;
    for (char *u = strtok_r(list, ", ", &save); u != NULL; u = strtok_r(NULL, ", ", &save)) {
        sqlite3_stmt *s = store_stmt(st, add, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, u, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s) != SQLITE_DONE)
            return store_fail(st, _("saving the task"), err);
    }
    return 0;
}

static int set_coop(struct store *st, long id, const char *coop, struct td_err *err)
{
    static const char clear[] = "DELETE FROM task_unit WHERE task_id = ?1";
    sqlite3_stmt *s = store_stmt(st, clear, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, _("saving the task"), err);
    return add_coop(st, id, coop, err);
}

/* Binds the fields of t as ?1..?12 in the order of the insert and update statements. */
static void bind_fields(sqlite3_stmt *s, const struct task_new *t)
{
    const char *v[12] = {t->code,   t->title,    t->description,   t->group,
                         t->phase,  t->lead,     t->start,         t->due,
                         t->output, t->priority, t->integrated_on, t->integrated_doc};
    for (int k = 0; k < 12; k++) {
        bool optional = k == 3 || k == 4 || k == 6 || k == 7 || k == 10;
        if (optional)
            store_bind_opt_text(s, k + 1, v[k]);
        else
            sqlite3_bind_text(s, k + 1, v[k] != NULL ? v[k] : "", -1, SQLITE_STATIC);
    }
}

int store_task_insert_fields(struct store *st, const struct task_new *t, long *id,
                             struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO task (code, title, description, group_id, phase_id, lead_unit_id,"
        " start_date, due_date, output, priority, integrated_on, integrated_doc, updated_by,"
        " sort_code, search)"
        " VALUES (?1, ?2, ?3, (SELECT id FROM vocab WHERE domain = 'group' AND code = ?4),"
        " (SELECT id FROM phase WHERE code = ?5), (SELECT id FROM unit WHERE code = ?6),"
        " ?7, ?8, ?9, ?10, ?11, ?12, ?13, tiendo_natural_key(?1), tiendo_fold(?1 || ' ' || ?2))";
    sqlite3_stmt *s = store_stmt(st, ins, err);
    if (s == NULL)
        return -1;
    bind_fields(s, t);
    sqlite3_bind_text(s, 13, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        return store_fail(st, t->code, err);
    *id = (long)sqlite3_last_insert_rowid(st->db);
    return add_coop(st, *id, t->coop, err); /* a new task has none yet */
}

int store_task_insert_row(struct store *st, long change, const struct task_new *t, long *id,
                          struct td_err *err)
{
    if (store_task_insert_fields(st, t, id, err) != 0)
        return -1;
    return audit_task(st, change, *id, "insert", NULL, err);
}

struct first_problem {
    struct td_err *err;
};

static void keep_first(void *ctx, int index, const char *msg)
{
    struct first_problem *f = ctx;
    (void)index;
    if (f->err->msg[0] == '\0')
        td_err_set(f->err, TD_E_INVALID, "%s", msg);
}

int store_task_create(struct store *st, const struct task_new *t, long *id, struct td_err *err)
{
    if (store_allow_admin(st, _("change the plan's tasks"), err) != 0 || store_begin(st, err) != 0)
        return -1;
    err->msg[0] = '\0';
    struct first_problem fp = {err};
    long change = store_next_change(st, err);
    int problems = change < 0 ? -1 : store_task_check_row(st, t, -1, keep_first, &fp, 0, err);
    if (problems != 0 || store_task_insert_row(st, change, t, id, err) != 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err);
}

int store_task_update(struct store *st, long id, long expected_version, const struct task_new *t,
                      struct td_err *err)
{
    static const char upd[] =
        "UPDATE task SET code = ?1, title = ?2, description = ?3,"
        " group_id = (SELECT id FROM vocab WHERE domain = 'group' AND code = ?4),"
        " phase_id = (SELECT id FROM phase WHERE code = ?5),"
        " lead_unit_id = (SELECT id FROM unit WHERE code = ?6), start_date = ?7, due_date = ?8,"
        " output = ?9, priority = ?10, integrated_on = ?11, integrated_doc = ?12,"
        " version = version + 1, updated_by = ?13,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?14";
    if (store_allow_admin(st, _("change the plan's tasks"), err) != 0 || store_begin(st, err) != 0)
        return -1;
    err->msg[0] = '\0';
    struct first_problem fp = {err};
    char *old = snapshot(st, id, expected_version, err);
    long change = old != NULL ? store_next_change(st, err) : -1;
    sqlite3_stmt *s = NULL;
    int rc = -1;
    if (change >= 0 && store_task_check_row(st, t, id, keep_first, &fp, 0, err) == 0 &&
        (s = store_stmt(st, upd, err)) != NULL) {
        bind_fields(s, t);
        sqlite3_bind_text(s, 13, st->user, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 14, id);
        if (sqlite3_step(s) != SQLITE_DONE)
            store_fail(st, t->code, err);
        else if (set_coop(st, id, t->coop, err) == 0 && (rc = unchanged(st, id, old, err)) == 0)
            rc = audit_task(st, change, id, "update", old, err);
    }
    free(old);
    if (rc == 1) { /* saved as it was: no new version, no audit row */
        store_rollback(st);
        return 0;
    }
    if (rc != 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err);
}

int store_task_delete(struct store *st, long id, long expected_version, struct td_err *err)
{
    static const char del[] = "UPDATE task SET deleted = 1, version = version + 1, updated_by = ?2,"
                              " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE id = ?1";
    if (store_allow_admin(st, _("change the plan's tasks"), err) != 0 || store_begin(st, err) != 0)
        return -1;
    char *old = snapshot(st, id, expected_version, err);
    long change = old != NULL ? store_next_change(st, err) : -1;
    sqlite3_stmt *s = change >= 0 ? store_stmt(st, del, err) : NULL;
    int rc = -1;
    if (s != NULL) {
        sqlite3_bind_int64(s, 1, id);
        sqlite3_bind_text(s, 2, st->user, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            store_fail(st, _("deleting the task"), err);
        else
            rc = audit_task(st, change, id, "delete", old, err);
    }
    free(old);
    if (rc != 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err);
}
