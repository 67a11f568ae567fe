/* Evaluations, the criteria and lists they use, the matrix, and a unit's facts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_users.h"

int store_criterion_each(struct store *st, int (*fn)(void *ctx, const struct criterion_row *r),
                         void *ctx, struct td_err *err)
{
    static const char sql[] = "SELECT id, code, label, wording, facts FROM criterion"
                              " WHERE active = 1 ORDER BY sort_order, code";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct criterion_row row, *c = &row;
        memset(c, 0, sizeof *c);
        c->id = (long)sqlite3_column_int64(s, 0);
        store_text_col(s, 1, c->code, sizeof c->code);
        store_text_col(s, 2, c->label, sizeof c->label);
        store_text_col(s, 3, c->wording, sizeof c->wording);
        store_text_col(s, 4, c->facts, sizeof c->facts);
        stop = fn(ctx, c);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
                                                 : store_fail(st, _("reading the criteria"), err);
}

STORE_COLLECTOR(criterion, struct criterion_row)
int store_criteria(struct store *st, struct criterion_row *out, int max, int *n, struct td_err *err)
{
    struct criterion_into c = {out, max, 0};
    return store_collected(store_criterion_each(st, criterion_keep, &c, err), &c.n, max, n, err);
}

int store_vocab_each(struct store *st, const char *domain,
                     int (*fn)(void *ctx, const struct vocab_row *r), void *ctx, struct td_err *err)
{
    static const char sql[] = "SELECT id, code, label, detail, score FROM vocab"
                              " WHERE domain = ?1 AND active = 1 ORDER BY sort_order, code";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, domain, -1, SQLITE_STATIC);
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct vocab_row row, *v = &row;
        memset(v, 0, sizeof *v);
        v->id = (long)sqlite3_column_int64(s, 0);
        store_text_col(s, 1, v->code, sizeof v->code);
        store_text_col(s, 2, v->label, sizeof v->label);
        store_text_col(s, 3, v->detail, sizeof v->detail);
        v->score = sqlite3_column_int(s, 4);
        stop = fn(ctx, v);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the plan"), err);
}

int store_evaluation_get(struct store *st, const char *period, long unit_id,
                         struct evaluation_row *rows, int n, struct td_err *err)
{
    static const char sql[] =
        "SELECT coalesce(rating_id, 0), coalesce(measure_id, 0), comment, evidence, measure_note,"
        " updated_by, updated_at, version FROM evaluation"
        " WHERE period = ?1 AND unit_id = ?2 AND criterion_id = ?3";
    for (int i = 0; i < n; i++) {
        struct evaluation_row *r = &rows[i];
        long id = r->criterion_id;
        memset(r, 0, sizeof *r);
        r->criterion_id = id;
        sqlite3_stmt *s = store_stmt(st, sql, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 2, unit_id);
        sqlite3_bind_int64(s, 3, id);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW) {
            r->rating_id = (long)sqlite3_column_int64(s, 0);
            r->measure_id = (long)sqlite3_column_int64(s, 1);
            store_text_col(s, 2, r->comment, sizeof r->comment);
            store_text_col(s, 3, r->evidence, sizeof r->evidence);
            store_text_col(s, 4, r->measure_note, sizeof r->measure_note);
            store_text_col(s, 5, r->by, sizeof r->by);
            store_text_col(s, 6, r->at, sizeof r->at);
            r->version = (long)sqlite3_column_int64(s, 7);
        }
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_fail(st, _("reading the evaluations"), err);
    }
    return 0;
}

int store_evaluation_save(struct store *st, const char *period, long unit_id,
                          const struct evaluation_row *rows, int n, struct td_err *err)
{
#define EVALUATION_JSON                                                                            \
    "json_object('period', period, 'unit', (SELECT code FROM unit WHERE id = unit_id),"            \
    " 'criterion', (SELECT code FROM criterion WHERE id = criterion_id), 'rating', (SELECT code"   \
    " FROM vocab WHERE id = rating_id), 'comment', comment, 'evidence', evidence, 'measure',"      \
    " (SELECT code FROM vocab WHERE id = measure_id), 'measure_note', measure_note)"
    static const char current[] = "SELECT version, updated_by, " EVALUATION_JSON " FROM evaluation"
                                  " WHERE period = ?1 AND unit_id = ?2 AND criterion_id = ?3";
    static const char upsert[] =
        "INSERT INTO evaluation (period, unit_id, criterion_id, rating_id, comment, evidence,"
        " measure_id, measure_note, updated_by) VALUES (?1, ?2, ?3, nullif(?4, 0), ?5, ?6,"
        " nullif(?7, 0), ?8, ?9) ON CONFLICT(period, unit_id, criterion_id) DO UPDATE SET"
        " rating_id = excluded.rating_id, comment = excluded.comment,"
        " evidence = excluded.evidence, measure_id = excluded.measure_id,"
        " measure_note = excluded.measure_note, version = version + 1,"
        " updated_by = excluded.updated_by, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        /* a row saved as it was is left alone: no new version, no audit row */
        " WHERE rating_id IS NOT excluded.rating_id OR comment IS NOT excluded.comment"
        " OR evidence IS NOT excluded.evidence OR measure_id IS NOT excluded.measure_id"
        " OR measure_note IS NOT excluded.measure_note";
    static const char audit[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " SELECT ?4, 'evaluation', id, 'save', ?5, " EVALUATION_JSON ","
        " " AUDIT_NEXT_CHANGE
        " FROM evaluation WHERE period = ?1 AND unit_id = ?2 AND criterion_id = ?3";
    char ends[16];
    store_period_ends(st, period, ends, sizeof ends);
    if (store_allow_admin(st, _("save evaluations"), err) != 0 ||
        store_allow_period(st, period, ends, err) != 0 || store_begin(st, err) != 0)
        return -1;
    for (int i = 0; i < n; i++) {
        const struct evaluation_row *r = &rows[i];
        sqlite3_stmt *s = store_stmt(st, current, err);
        if (s == NULL)
            goto fail;
        sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 2, unit_id);
        sqlite3_bind_int64(s, 3, r->criterion_id);
        int rc = sqlite3_step(s);
        long version = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
        char who[64] = "";
        char *old = NULL; /* whole: a cut JSON text would not be JSON */
        if (rc == SQLITE_ROW) {
            store_text_col(s, 1, who, sizeof who);
            const unsigned char *o = sqlite3_column_text(s, 2);
            if (o != NULL && (old = strdup((const char *)o)) == NULL) {
                sqlite3_reset(s);
                td_err_set(err, TD_E_NOMEM, _("out of memory"));
                goto fail;
            }
        }
        sqlite3_reset(s);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            free(old);
            store_fail(st, _("saving the evaluation"), err);
            goto fail;
        }
        if (version != r->version) {
            free(old);
            td_err_set(err, TD_E_CONFLICT,
                       _("%s saved an evaluation of this unit for this period since you opened "
                         "it; nothing was saved"),
                       who);
            goto fail;
        }
        if ((s = store_stmt(st, upsert, err)) == NULL) {
            free(old);
            goto fail;
        }
        sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 2, unit_id);
        sqlite3_bind_int64(s, 3, r->criterion_id);
        sqlite3_bind_int64(s, 4, r->rating_id);
        sqlite3_bind_text(s, 5, r->comment, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, r->evidence, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 7, r->measure_id);
        sqlite3_bind_text(s, 8, r->measure_note, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 9, st->user, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE) {
            free(old);
            store_fail(st, _("saving the evaluation"), err);
            goto fail;
        }
        if (sqlite3_changes(st->db) == 0) { /* as it was */
            free(old);
            continue;
        }
        if ((s = store_stmt(st, audit, err)) == NULL) {
            free(old);
            goto fail;
        }
        sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(s, 2, unit_id);
        sqlite3_bind_int64(s, 3, r->criterion_id);
        sqlite3_bind_text(s, 4, st->user, -1, SQLITE_STATIC);
        if (old != NULL)
            sqlite3_bind_text(s, 5, old, -1, SQLITE_TRANSIENT);
        free(old);
        if (sqlite3_step(s) != SQLITE_DONE) {
            store_fail(st, _("saving the evaluation"), err);
            goto fail;
        }
    }
    return store_commit(st, err);
fail:
    store_rollback(st);
    return -1;
}

int store_rating_each(struct store *st, const char *period,
                      int (*rating)(void *ctx, long unit_id, long criterion_id, int score,
                                    const char *label),
                      void *ctx, struct td_err *err)
{
    static const char sql[] = "SELECT e.unit_id, e.criterion_id, coalesce(v.score, 0),"
                              " coalesce(v.label, '') FROM evaluation e"
                              " LEFT JOIN vocab v ON v.id = e.rating_id WHERE e.period = ?1";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (rating(ctx, (long)sqlite3_column_int64(s, 0), (long)sqlite3_column_int64(s, 1),
                   sqlite3_column_int(s, 2), (const char *)sqlite3_column_text(s, 3)) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the evaluations"), err);
}

int store_unit_facts(struct store *st, long unit_id, int from_year, int to_year, const char *today,
                     int behind_tolerance, int due_soon_days, struct unit_facts *out,
                     struct td_err *err)
{
    static const char tasks[] =
        "SELECT count(*), coalesce(sum(integrated_on IS NOT NULL), 0),"
        " coalesce(sum(status = 'done'), 0),"
        " coalesce(sum((tiendo_flags(status, percent, start_date, due_date, ?2, ?3, ?4) & 1)"
        " != 0), 0),"
        " coalesce(sum((tiendo_flags(status, percent, start_date, due_date, ?2, ?3, ?4) & 2)"
        " != 0), 0),"
        " coalesce(avg(CASE WHEN status <> 'cancelled' THEN percent END), 0)"
        " FROM task WHERE lead_unit_id = ?1 AND deleted = 0";
    /* Only updates with a note count: the index progress_notes holds just those. */
#define NOTE_ROWS(p, t)                                                                            \
    " FROM progress_update " p " INDEXED BY progress_notes JOIN task " t " ON " t ".id = " p       \
    ".task_id"                                                                                     \
    " WHERE (" p ".difficulties <> '' OR " p ".proposals <> '') AND " p ".reported_on >= ?2"       \
    " AND " p ".reported_on <= ?3 AND " t ".lead_unit_id = ?1 AND " t ".deleted = 0"
    static const char notes[] =
        "SELECT coalesce(sum(p.difficulties <> ''), 0), coalesce(sum(p.proposals <> ''), 0),"
        " (SELECT p2.difficulties" NOTE_ROWS(
            "p2", "t2") " AND p2.difficulties <> ''"
                        "  ORDER BY p2.reported_on DESC, p2.id DESC LIMIT 1),"
                        " (SELECT p2.proposals" NOTE_ROWS(
                            "p2",
                            "t2") " AND p2.proposals <> ''"
                                  "  ORDER BY p2.reported_on DESC, p2.id DESC LIMIT 1)" NOTE_ROWS(
                                      "p", "t");
    memset(out, 0, sizeof *out);
    sqlite3_stmt *s = store_stmt(st, tasks, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, unit_id);
    sqlite3_bind_text(s, 2, today, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 3, behind_tolerance);
    sqlite3_bind_int(s, 4, due_soon_days);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->tasks = (long)sqlite3_column_int64(s, 0);
        out->integrated = (long)sqlite3_column_int64(s, 1);
        out->done = (long)sqlite3_column_int64(s, 2);
        out->overdue = (long)sqlite3_column_int64(s, 3);
        out->behind = (long)sqlite3_column_int64(s, 4);
        out->avg_percent = sqlite3_column_double(s, 5);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_ROW)
        return store_fail(st, _("reading the facts"), err);
    if ((s = store_stmt(st, notes, err)) == NULL)
        return -1;
    char from[16], to[16];
    snprintf(from, sizeof from, "%04d-01-01", from_year);
    snprintf(to, sizeof to, "%04d-12-31", to_year);
    sqlite3_bind_int64(s, 1, unit_id);
    sqlite3_bind_text(s, 2, from, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, to, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        out->difficulties = (long)sqlite3_column_int64(s, 0);
        out->proposals = (long)sqlite3_column_int64(s, 1);
        store_text_col(s, 2, out->last_difficulty, sizeof out->last_difficulty);
        store_text_col(s, 3, out->last_proposal, sizeof out->last_proposal);
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW ? 0 : store_fail(st, _("reading the facts"), err);
}

int store_evaluation_each(struct store *st, int (*row)(void *ctx, const char *const *cells),
                          void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT e.period, u.code, c.code, coalesce(r.label, ''), e.comment, e.evidence,"
        " coalesce(m.label, ''), e.updated_by, e.updated_at FROM evaluation e"
        " JOIN unit u ON u.id = e.unit_id JOIN criterion c ON c.id = e.criterion_id"
        " LEFT JOIN vocab r ON r.id = e.rating_id LEFT JOIN vocab m ON m.id = e.measure_id"
        " ORDER BY e.period, u.sort_order, u.code, c.sort_order";
    return store_each_cells(st, sql, 9, row, ctx, _("reading the evaluations"), err);
}
