/* Report instances from the rules, and reading them back. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/schedule.h"
#include "tiendo/store_reports.h"

#define INSTANCES_MAX 200

int store_sync_reports(struct store *st, td_date today, struct td_err *err)
{
    static const char rules[] =
        "SELECT id, kind, title, covers, coalesce(due_month, 0), coalesce(due_day, 0),"
        " due_year_offset, coalesce(first_year, 0), coalesce(last_year, 0),"
        " coalesce(due_date, '') FROM report_rule WHERE active = 1 AND kind <> 'adhoc'";
    static const char upsert[] =
        "INSERT INTO report (rule_id, period, title, due_date, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(rule_id, period) DO UPDATE SET"
        " title = excluded.title, due_date = excluded.due_date, deleted = 0,"
        " version = version + 1, updated_by = excluded.updated_by,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE report.due_date >= ?6 AND (report.due_date IS NOT excluded.due_date"
        " OR report.title IS NOT excluded.title OR report.deleted = 1)";
    static const char stale[] =
        "SELECT id, period FROM report WHERE rule_id = ?1 AND deleted = 0 AND due_date >= ?2";
    static const char set_aside[] = "UPDATE report SET deleted = 1, version = version + 1"
                                    " WHERE id = ?1";
    char today_iso[11];
    date_format_iso(today, today_iso);
    if (store_begin(st, err) != 0)
        return -1;
    int changed = 0;
    struct {
        long id;
        struct report_rule_def def;
        char title[256], covers[64], due[11], kind[16];
    } r[64];
    int nrules = 0;
    sqlite3_stmt *s = store_stmt(st, rules, err);
    if (s == NULL)
        goto fail;
    while (sqlite3_step(s) == SQLITE_ROW && nrules < 64) {
        r[nrules].id = (long)sqlite3_column_int64(s, 0);
        store_text_col(s, 1, r[nrules].kind, sizeof r[0].kind);
        store_text_col(s, 2, r[nrules].title, sizeof r[0].title);
        store_text_col(s, 3, r[nrules].covers, sizeof r[0].covers);
        store_text_col(s, 9, r[nrules].due, sizeof r[0].due);
        struct report_rule_def *d = &r[nrules].def;
        memset(d, 0, sizeof *d);
        d->kind = strcmp(r[nrules].kind, "annual") == 0 ? RULE_ANNUAL : RULE_ONEOFF;
        d->due_month = sqlite3_column_int(s, 4);
        d->due_day = sqlite3_column_int(s, 5);
        d->due_year_offset = sqlite3_column_int(s, 6);
        d->first_year = sqlite3_column_int(s, 7);
        d->last_year = sqlite3_column_int(s, 8);
        nrules++;
    }
    sqlite3_reset(s);
    for (int i = 0; i < nrules; i++) {
        r[i].def.covers = r[i].covers;
        if (r[i].def.kind == RULE_ONEOFF && date_parse_iso(r[i].due, &r[i].def.due_date) != 0)
            continue;
        struct report_instance inst[INSTANCES_MAX];
        int n = schedule_expand(&r[i].def, inst, INSTANCES_MAX);
        for (int k = 0; k < n; k++) {
            char due[11], title[300];
            date_format_iso(inst[k].due, due);
            if (r[i].def.kind == RULE_ANNUAL)
                snprintf(title, sizeof title, "%s %s", r[i].title, inst[k].period);
            else
                snprintf(title, sizeof title, "%s", r[i].title);
            if ((s = store_stmt(st, upsert, err)) == NULL)
                goto fail;
            sqlite3_bind_int64(s, 1, r[i].id);
            sqlite3_bind_text(s, 2, inst[k].period, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 3, title, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 4, due, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(s, 5, st->user, -1, SQLITE_STATIC);
            sqlite3_bind_text(s, 6, today_iso, -1, SQLITE_TRANSIENT);
            if (sqlite3_step(s) != SQLITE_DONE) {
                store_fail(st, _("saving the report calendar"), err);
                goto fail;
            }
            changed += sqlite3_changes(st->db);
        }
        /* Instances to come that the rule no longer makes are set aside, not deleted. */
        if ((s = store_stmt(st, stale, err)) == NULL)
            goto fail;
        sqlite3_bind_int64(s, 1, r[i].id);
        sqlite3_bind_text(s, 2, today_iso, -1, SQLITE_TRANSIENT);
        long gone[INSTANCES_MAX];
        int ngone = 0;
        while (sqlite3_step(s) == SQLITE_ROW && ngone < INSTANCES_MAX) {
            const char *period = (const char *)sqlite3_column_text(s, 1);
            bool wanted = false;
            for (int k = 0; k < n; k++)
                wanted = wanted || strcmp(inst[k].period, period) == 0;
            if (!wanted)
                gone[ngone++] = (long)sqlite3_column_int64(s, 0);
        }
        sqlite3_reset(s);
        for (int g = 0; g < ngone; g++) {
            if ((s = store_stmt(st, set_aside, err)) == NULL)
                goto fail;
            sqlite3_bind_int64(s, 1, gone[g]);
            if (sqlite3_step(s) != SQLITE_DONE) {
                store_fail(st, _("saving the report calendar"), err);
                goto fail;
            }
            changed++;
        }
    }
    if (store_commit(st, err) != 0)
        return -1;
    return changed;
fail:
    store_rollback(st);
    return -1;
}

int store_report_each(struct store *st,
                      int (*row)(void *ctx, const char *key, const char *rule, const char *title,
                                 const char *period, const char *due, const char *units),
                      void *ctx, struct td_err *err)
{
    /* Two reports made by hand in one year share rule and period: their id tells them apart. */
    static const char sql[] =
        "SELECT coalesce(r2.code, 'adhoc'), r.title, r.period, r.due_date, " UNITS ","
        " CASE WHEN r2.code IS NULL THEN 'adhoc-' || r.id ELSE r2.code || '-' || r.period END"
        " FROM report r LEFT JOIN report_rule r2 ON r2.id = r.rule_id"
        " WHERE r.deleted = 0 ORDER BY r.due_date, r.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (row(ctx, (const char *)sqlite3_column_text(s, 5),
                (const char *)sqlite3_column_text(s, 0), (const char *)sqlite3_column_text(s, 1),
                (const char *)sqlite3_column_text(s, 2), (const char *)sqlite3_column_text(s, 3),
                (const char *)sqlite3_column_text(s, 4)) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the report calendar"), err);
}

/* Whether unit u must submit under rule r2 (all, kind:KIND, or a list of codes). */

/* A report's columns with its counts, read by read_report; a WHERE or ORDER BY follows. */
#define REPORT_SELECT                                                                              \
    "SELECT id, title, due_date, units, expected, submitted, on_time, period, rule, version,"      \
    " requester, subject FROM ("                                                                   \
    " SELECT r.id, r.title, r.due_date, " UNITS " AS units,"                                       \
    " (SELECT count(*) FROM unit u WHERE " EXPECTED ") AS expected,"                               \
    " (SELECT count(*) FROM submission s JOIN unit u ON u.id = s.unit_id"                          \
    "  WHERE s.report_id = r.id AND s.submitted_on IS NOT NULL AND " EXPECTED ") AS submitted,"    \
    " (SELECT count(*) FROM submission s JOIN unit u ON u.id = s.unit_id"                          \
    "  WHERE s.report_id = r.id AND s.submitted_on <= r.due_date AND " EXPECTED ") AS on_time,"    \
    " r.period, coalesce(r2.code, 'adhoc') AS rule, r.version, r.requester, r.subject"             \
    " FROM report r LEFT JOIN report_rule r2 ON "                                                  \
    "r2.id = r.rule_id WHERE r.deleted = 0)"

static void read_report(sqlite3_stmt *s, void *row)
{
    struct report_row *r = row;
    r->id = (long)sqlite3_column_int64(s, 0);
    store_text_col(s, 1, r->title, sizeof r->title);
    store_text_col(s, 2, r->due, sizeof r->due);
    store_text_col(s, 3, r->units, sizeof r->units);
    r->expected = (long)sqlite3_column_int64(s, 4);
    r->submitted = (long)sqlite3_column_int64(s, 5);
    r->on_time = (long)sqlite3_column_int64(s, 6);
    store_text_col(s, 7, r->period, sizeof r->period);
    store_text_col(s, 8, r->rule, sizeof r->rule);
    r->version = (long)sqlite3_column_int64(s, 9);
    store_text_col(s, 10, r->requester, sizeof r->requester);
    store_text_col(s, 11, r->subject, sizeof r->subject);
}

int store_report_get(struct store *st, long id, struct report_row *out, struct td_err *err)
{
    static const char sql[] = REPORT_SELECT " WHERE id = ?1";
    return store_get_row(st, sql, &id, 1, read_report, out, _("the report no longer exists"),
                         _("reading the report calendar"), err);
}

/* Hands fn each report sql selects, today (unless NULL) bound to ?1. */
static int report_each(struct store *st, const char *sql, const char *today,
                       int (*fn)(void *ctx, const struct report_row *r), void *ctx,
                       struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    if (today != NULL)
        sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct report_row row;
        memset(&row, 0, sizeof row);
        read_report(s, &row);
        stop = fn(ctx, &row);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the report calendar"), err);
}

int store_report_list_each(struct store *st, const char *today,
                           int (*fn)(void *ctx, const struct report_row *r), void *ctx,
                           struct td_err *err)
{
    static const char sql[] = REPORT_SELECT
        " ORDER BY CASE WHEN due_date < ?1 AND submitted < expected THEN 0"
        " WHEN due_date >= ?1 THEN 1 ELSE 2 END,"
        " CASE WHEN due_date < ?1 AND submitted >= expected THEN '' ELSE due_date END,"
        " due_date DESC, id";
    return report_each(st, sql, today, fn, ctx, err);
}

int store_report_by_due_each(struct store *st, int (*fn)(void *ctx, const struct report_row *r),
                             void *ctx, struct td_err *err)
{
    static const char sql[] = REPORT_SELECT " ORDER BY due_date, id";
    return report_each(st, sql, NULL, fn, ctx, err);
}

STORE_COLLECTOR(report, struct report_row)
int store_report_list(struct store *st, const char *today, struct report_row *out, int max, int *n,
                      struct td_err *err)
{
    struct report_into c = {out, max, 0};
    return store_collected(store_report_list_each(st, today, report_keep, &c, err), &c.n, max, n,
                           err);
}

/* The submissions of report ?1 by the units expected to submit it, read by read_submission
 * (a unit that has not submitted has id 0); more conditions or the order follow. */
#define SUBMISSION_SELECT                                                                          \
    "SELECT u.id, u.code, u.name, coalesce(s.id, 0), coalesce(s.version, 0),"                      \
    " coalesce(s.submitted_on, ''), coalesce(s.doc_number, ''), coalesce(s.note, '')"              \
    " FROM report r LEFT JOIN report_rule r2 ON r2.id = r.rule_id JOIN unit u ON " EXPECTED        \
    " LEFT JOIN submission s ON s.report_id = r.id AND s.unit_id = u.id"                           \
    " WHERE r.id = ?1"

static void read_submission(sqlite3_stmt *s, void *row)
{
    struct submission_row *r = row;
    r->unit_id = (long)sqlite3_column_int64(s, 0);
    store_text_col(s, 1, r->code, sizeof r->code);
    store_text_col(s, 2, r->name, sizeof r->name);
    r->id = (long)sqlite3_column_int64(s, 3);
    r->version = (long)sqlite3_column_int64(s, 4);
    store_text_col(s, 5, r->submitted_on, sizeof r->submitted_on);
    store_text_col(s, 6, r->doc_number, sizeof r->doc_number);
    store_text_col(s, 7, r->note, sizeof r->note);
}

int store_submission_get(struct store *st, long report_id, long unit_id, struct submission_row *out,
                         struct td_err *err)
{
    static const char sql[] = SUBMISSION_SELECT " AND u.id = ?2";
    const long keys[2] = {report_id, unit_id};
    return store_get_row(st, sql, keys, 2, read_submission, out,
                         _("the unit does not have to submit this report"),
                         _("reading the submissions"), err);
}

int store_submission_list_each(struct store *st, long report_id,
                               int (*fn)(void *ctx, const struct submission_row *r), void *ctx,
                               struct td_err *err)
{
    static const char sql[] = SUBMISSION_SELECT " ORDER BY u.sort_order, u.code";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, report_id);
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct submission_row row;
        memset(&row, 0, sizeof row);
        read_submission(s, &row);
        stop = fn(ctx, &row);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the submissions"), err);
}

STORE_COLLECTOR(submission, struct submission_row)
int store_submission_list(struct store *st, long report_id, struct submission_row *out, int max,
                          int *n, struct td_err *err)
{
    struct submission_into c = {out, max, 0};
    return store_collected(store_submission_list_each(st, report_id, submission_keep, &c, err),
                           &c.n, max, n, err);
}

/* Whether the report's period is still open for submissions: it ends on the due date. */
static int allow_report_period(struct store *st, long report_id, struct td_err *err)
{
    static const char sql[] = "SELECT period, due_date FROM report WHERE id = ?1";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, report_id);
    char period[32] = "", due[16] = "";
    if (sqlite3_step(s) == SQLITE_ROW) {
        store_text_col(s, 0, period, sizeof period);
        store_text_col(s, 1, due, sizeof due);
    }
    sqlite3_reset(s);
    return store_allow_period(st, period, due, err);
}

int store_submission_allowed(struct store *st, long report_id, long unit_id, struct td_err *err)
{
    if (store_allow_unit(st, unit_id, _("record submissions"), err) != 0)
        return -1;
    return allow_report_period(st, report_id, err);
}

int store_submission_save(struct store *st, long report_id, const char *today,
                          struct submission_row *r, struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO submission (report_id, unit_id, submitted_on, doc_number, note, updated_by)"
        " VALUES (?1, ?2, nullif(?3, ''), ?4, ?5, ?6) ON CONFLICT (report_id, unit_id) DO NOTHING";
    static const char upd[] =
        "UPDATE submission SET submitted_on = nullif(?3, ''), doc_number = ?4, note = ?5,"
        " updated_by = ?6, version = version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE id = ?7 AND version = ?8 AND report_id = ?1 AND unit_id = ?2";
#define SUBMISSION_JSON                                                                            \
    "json_object('report', (SELECT coalesce(r.code || ' ', '') || p.period FROM report p"          \
    " LEFT JOIN report_rule r ON r.id = p.rule_id WHERE p.id = report_id), 'unit', (SELECT code"   \
    " FROM unit WHERE id = unit_id), 'submitted_on', submitted_on,"                                \
    " 'doc_number', doc_number, 'note', note)"
    static const char before[] = ROW_SNAPSHOT_SQL("submission", SUBMISSION_JSON);
    static const char audit[] = ROW_AUDIT_SQL("submission", SUBMISSION_JSON);
    struct row_save rs = {
        before,
        audit,
        _("saving the submission"),
        _("someone else recorded this submission since you opened it; nothing was saved"),
        r->id,
        r->version,
        NULL};
    if (r->submitted_on[0] != '\0' && strcmp(r->submitted_on, today) > 0)
        return td_err_set(err, TD_E_INVALID, _("a submission cannot be dated after today"));
    if (store_allow_unit(st, r->unit_id, _("record submissions"), err) != 0 ||
        store_begin(st, err) != 0)
        return -1;
    if (allow_report_period(st, report_id, err) != 0)
        goto fail;
    bool insert = r->id == 0;
    store_save_start(st, &rs);
    sqlite3_stmt *s = store_stmt(st, insert ? ins : upd, err);
    if (s == NULL)
        goto fail;
    sqlite3_bind_int64(s, 1, report_id);
    sqlite3_bind_int64(s, 2, r->unit_id);
    sqlite3_bind_text(s, 3, r->submitted_on, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, r->doc_number, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, r->note, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, st->user, -1, SQLITE_STATIC);
    if (!insert) {
        sqlite3_bind_int64(s, 7, r->id);
        sqlite3_bind_int64(s, 8, r->version);
    }
    long id = store_save_write(st, &rs, s, err);
    if (id < 0)
        goto fail;
    if (store_save_end(st, &rs, id, err) != 0)
        return -1;
    r->id = rs.id;
    r->version = rs.version;
    return 0;
fail:
    store_save_abort(st, &rs);
    return -1;
}

int store_report_dashboard(struct store *st, const char *today, const char *until,
                           struct report_dashboard *out, struct td_err *err)
{
    static const char last[] =
        "SELECT r.id, r.period FROM report r JOIN report_rule r2 ON r2.id = r.rule_id"
        " WHERE r2.kind = 'annual' AND r.deleted = 0 AND r.due_date < ?1"
        " ORDER BY r.due_date DESC LIMIT 1";
    static const char meeting[] = "SELECT date, title FROM meeting WHERE deleted = 0"
                                  " AND date >= ?1 ORDER BY date, id LIMIT 1";
    memset(out, 0, sizeof *out);
    enum { MAX = 1024 };
    struct report_row *rows = calloc(MAX, sizeof *rows);
    int n = 0;
    if (rows == NULL)
        return td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
    if (store_report_list(st, today, rows, MAX, &n, err) != 0) {
        free(rows);
        return -1;
    }
    long last_id = 0;
    sqlite3_stmt *s = store_stmt(st, last, err);
    if (s == NULL) {
        free(rows);
        return -1;
    }
    sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        last_id = (long)sqlite3_column_int64(s, 0);
        store_text_col(s, 1, out->last_annual, sizeof out->last_annual);
    }
    sqlite3_reset(s);
    for (int i = 0; i < n; i++) {
        bool complete = rows[i].submitted >= rows[i].expected;
        if (!complete && strcmp(rows[i].due, today) < 0)
            out->overdue++;
        else if (!complete && strcmp(rows[i].due, until) <= 0)
            out->due_soon++;
        if (rows[i].id == last_id) {
            out->late_units = rows[i].expected - rows[i].submitted;
            out->expected_units = rows[i].expected;
        }
    }
    free(rows);
    if ((s = store_stmt(st, meeting, err)) == NULL)
        return -1;
    sqlite3_bind_text(s, 1, today, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        snprintf(out->next_meeting_date, sizeof out->next_meeting_date, "%s",
                 sqlite3_column_text(s, 0));
        store_text_col(s, 1, out->next_meeting, sizeof out->next_meeting);
        rc = SQLITE_DONE;
    }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the report calendar"), err);
}

int store_submission_each(struct store *st, int (*row)(void *ctx, const char *const *cells),
                          void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT coalesce(r2.code, 'adhoc'), r.period, r.title, r.due_date, u.code,"
        " coalesce(s.submitted_on, ''), coalesce(s.doc_number, ''), coalesce(s.note, '')"
        " FROM report r LEFT JOIN report_rule r2 ON r2.id = r.rule_id JOIN unit u ON " EXPECTED
        " LEFT JOIN submission s ON s.report_id = r.id AND s.unit_id = u.id"
        " WHERE r.deleted = 0 ORDER BY r.due_date, r.id, u.sort_order, u.code";
    return store_each_cells(st, sql, 8, row, ctx, _("reading the submissions"), err);
}

int store_activity_each(struct store *st, int (*row)(void *ctx, const char *const *cells),
                        void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT coalesce(v.code, ''), coalesce(u.code, ''), a.channel, coalesce(a.date, ''),"
        " a.title, a.reach, a.status, a.progress_note FROM activity a"
        " LEFT JOIN vocab v ON v.id = a.kind_id LEFT JOIN unit u ON u.id = a.unit_id"
        " WHERE a.deleted = 0 ORDER BY a.date IS NULL, a.date, a.id";
    return store_each_cells(st, sql, 8, row, ctx, _("reading the communication activities"), err);
}

int store_submission_grid(struct store *st,
                          int (*cell)(void *ctx, long report_id, long unit_id,
                                      const char *submitted_on),
                          void *ctx, struct td_err *err)
{
    static const char sql[] =
        "SELECT r.id, u.id, coalesce(s.submitted_on, '') FROM report r"
        " LEFT JOIN report_rule r2 ON r2.id = r.rule_id JOIN unit u ON " EXPECTED
        " LEFT JOIN submission s ON s.report_id = r.id AND s.unit_id = u.id"
        " WHERE r.deleted = 0 ORDER BY r.due_date, r.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        if (cell(ctx, (long)sqlite3_column_int64(s, 0), (long)sqlite3_column_int64(s, 1),
                 (const char *)sqlite3_column_text(s, 2)) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the submissions"), err);
}

/* "all", or the codes of units list (comma or space separated) cleaned to "A, B"; an unknown
 * code is TD_E_INVALID naming it. */
static int adhoc_units(struct store *st, const char *list, char *out, size_t size,
                       struct td_err *err)
{
    static const char find[] = "SELECT code FROM unit WHERE code = ?1 AND active = 1";
    char copy[256];
    snprintf(copy, sizeof copy, "%s", list);
    out[0] = '\0';
    char *save = NULL;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL; c = strtok_r(NULL, ", ", &save)) {
        if (strcmp(c, "all") == 0)
            continue;
        sqlite3_stmt *s = store_stmt(st, find, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, c, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(s);
        sqlite3_reset(s);
        if (rc == SQLITE_DONE)
            return td_err_set(err, TD_E_INVALID, _("unit %s does not exist"), c);
        if (rc != SQLITE_ROW)
            return store_fail(st, _("saving the report"), err);
        size_t used = strlen(out);
        snprintf(out + used, size - used, "%s%s", used > 0 ? ", " : "", c);
    }
    if (out[0] == '\0')
        snprintf(out, size, "all");
    return 0;
}

int store_report_save_adhoc(struct store *st, struct report_row *r, struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO report (rule_id, period, title, due_date, requester, subject, units,"
        " updated_by) VALUES (NULL, substr(?2, 1, 4), ?1, ?2, ?3, ?4, ?5, ?6)";
    static const char upd[] =
        "UPDATE report SET title = ?1, period = substr(?2, 1, 4), due_date = ?2, requester = ?3,"
        " subject = ?4, units = ?5, updated_by = ?6, version = version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE id = ?7 AND version = ?8 AND rule_id IS NULL AND deleted = 0";
#define REPORT_JSON                                                                                \
    "json_object('title', title, 'due_date', due_date, 'requester', requester, 'subject',"         \
    " subject, 'units', units)"
    static const char before[] = ROW_SNAPSHOT_SQL("report", REPORT_JSON);
    static const char audit[] = ROW_AUDIT_SQL("report", REPORT_JSON);
    struct row_save rs = {
        before,
        audit,
        _("saving the report"),
        _("someone else changed this report since you opened it; nothing was saved"),
        r->id,
        r->version,
        NULL};
    td_date due;
    if (r->title[0] == '\0')
        return td_err_set(err, TD_E_INVALID, "%s", _("an ad-hoc report needs a title"));
    if (date_parse_iso(r->due, &due) != 0)
        return td_err_set(err, TD_E_INVALID, _("%s is not a date"), r->due);
    if (r->id != 0 && strcmp(r->rule, "adhoc") != 0)
        return td_err_set(err, TD_E_INVALID, "%s",
                          _("this report comes from a rule of the plan file; change it there"));
    if (store_allow_admin(st, _("change the reporting calendar"), err) != 0 ||
        store_begin(st, err) != 0)
        return -1;
    char units[sizeof r->units];
    if (adhoc_units(st, r->units, units, sizeof units, err) != 0)
        goto fail;
    bool insert = r->id == 0;
    store_save_start(st, &rs);
    sqlite3_stmt *s = store_stmt(st, insert ? ins : upd, err);
    if (s == NULL)
        goto fail;
    const char *v[5] = {r->title, r->due, r->requester, r->subject, units};
    for (int i = 0; i < 5; i++)
        sqlite3_bind_text(s, i + 1, v[i], -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, st->user, -1, SQLITE_STATIC);
    if (!insert) {
        sqlite3_bind_int64(s, 7, r->id);
        sqlite3_bind_int64(s, 8, r->version);
    }
    long id = store_save_write(st, &rs, s, err);
    if (id < 0)
        goto fail;
    if (store_save_end(st, &rs, id, err) != 0)
        return -1;
    r->id = rs.id;
    r->version = rs.version;
    snprintf(r->units, sizeof r->units, "%s", units);
    snprintf(r->rule, sizeof r->rule, "adhoc");
    snprintf(r->period, sizeof r->period, "%.4s", r->due);
    return 0;
fail:
    store_save_abort(st, &rs);
    return -1;
}
