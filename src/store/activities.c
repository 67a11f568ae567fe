/* Conferences and meetings with their units and follow-up tasks; communication activities. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"
#include "tiendo/store_activities.h"

const char *const activity_statuses[ACTIVITY_STATUSES] = {"planned", "in_progress", "done",
                                                          "cancelled"};
const char *const activity_channels[ACTIVITY_CHANNELS] = {"newspaper", "television", "radio", "web",
                                                          "social",    "conference", "other"};

static bool known(const char *code, const char *const *codes, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(code, codes[i]) == 0)
            return true;
    return false;
}

/* The id of a plan vocabulary entry (0 for ""), or -1 with err naming the code. */
static long vocab_id(struct store *st, const char *domain, const char *code, const char *what,
                     struct td_err *err)
{
    static const char sql[] = "SELECT id FROM vocab WHERE domain = ?1 AND code = ?2";
    if (code[0] == '\0')
        return 0;
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, domain, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, code, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    long id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    if (rc == SQLITE_DONE)
        return td_err_set(err, TD_E_INVALID, _("kind %s is not in the plan"), code);
    return rc == SQLITE_ROW ? id : store_fail(st, what, err);
}

/* Binds ?1 .. ?n to texts, then the kind id, the login, and for a change the id and version;
 * writes (store_save_write). The row's id, or -1. */
static long save_row(struct store *st, struct row_save *rs, sqlite3_stmt *s, const char *const *v,
                     int n, long kind_id, struct td_err *err)
{
    for (int i = 0; i < n; i++)
        sqlite3_bind_text(s, i + 1, v[i], -1, SQLITE_STATIC);
    if (kind_id > 0)
        sqlite3_bind_int64(s, n + 1, kind_id);
    else
        sqlite3_bind_null(s, n + 1);
    sqlite3_bind_text(s, n + 2, st->user, -1, SQLITE_STATIC);
    if (rs->id != 0) {
        sqlite3_bind_int64(s, n + 3, rs->id);
        sqlite3_bind_int64(s, n + 4, rs->version);
    }
    return store_save_write(st, rs, s, err);
}

/* A meeting's columns, read by read_meeting; a WHERE follows. */
#define MEETING_SELECT                                                                             \
    "SELECT m.id, m.version, coalesce(v.code, ''), coalesce(v.label, ''),"                         \
    " coalesce(m.plan_code, ''), m.title, coalesce(m.date, ''), m.covers, m.place, m.chair,"       \
    " coalesce((SELECT group_concat(code, ', ') FROM (SELECT u.code FROM meeting_unit mu"          \
    "  JOIN unit u ON u.id = mu.unit_id WHERE mu.meeting_id = m.id"                                \
    "  ORDER BY u.sort_order, u.code)), ''),"                                                      \
    " coalesce((SELECT group_concat(code, ', ') FROM (SELECT t.code FROM meeting_task mt"          \
    "  JOIN task t ON t.id = mt.task_id WHERE mt.meeting_id = m.id ORDER BY t.code)), ''),"        \
    " m.agenda, m.conclusions"                                                                     \
    " FROM meeting m LEFT JOIN vocab v ON v.id = m.kind_id"

static void read_meeting(sqlite3_stmt *s, void *row)
{
    struct meeting_row *r = row;
    r->id = (long)sqlite3_column_int64(s, 0);
    r->version = (long)sqlite3_column_int64(s, 1);
    store_text_col(s, 2, r->kind, sizeof r->kind);
    store_text_col(s, 3, r->kind_label, sizeof r->kind_label);
    store_text_col(s, 4, r->plan_code, sizeof r->plan_code);
    store_text_col(s, 5, r->title, sizeof r->title);
    store_text_col(s, 6, r->date, sizeof r->date);
    store_text_col(s, 7, r->covers, sizeof r->covers);
    store_text_col(s, 8, r->place, sizeof r->place);
    store_text_col(s, 9, r->chair, sizeof r->chair);
    store_text_col(s, 10, r->units, sizeof r->units);
    store_text_col(s, 11, r->tasks, sizeof r->tasks);
    store_text_col(s, 12, r->agenda, sizeof r->agenda);
    store_text_col(s, 13, r->conclusions, sizeof r->conclusions);
}

int store_meeting_get(struct store *st, long id, struct meeting_row *out, struct td_err *err)
{
    static const char sql[] = MEETING_SELECT " WHERE m.id = ?1 AND m.deleted = 0";
    return store_get_row(st, sql, &id, 1, read_meeting, out, _("the meeting no longer exists"),
                         _("reading the meetings"), err);
}

int store_meeting_list_each(struct store *st, const char *kind,
                            int (*fn)(void *ctx, const struct meeting_row *r), void *ctx,
                            struct td_err *err)
{
    static const char sql[] = MEETING_SELECT " WHERE m.deleted = 0 AND (?1 = '' OR v.code = ?1)"
                                             " ORDER BY m.date IS NULL, m.date, m.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, kind != NULL ? kind : "", -1, SQLITE_TRANSIENT);
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct meeting_row row, *r = &row;
        memset(r, 0, sizeof *r);
        read_meeting(s, r);
        stop = fn(ctx, r);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
                                                 : store_fail(st, _("reading the meetings"), err);
}

STORE_COLLECTOR(meeting, struct meeting_row)
int store_meeting_list(struct store *st, const char *kind, struct meeting_row *out, int max, int *n,
                       struct td_err *err)
{
    struct meeting_into c = {out, max, 0};
    return store_collected(store_meeting_list_each(st, kind, meeting_keep, &c, err), &c.n, max, n,
                           err);
}

static const struct link_sql meeting_units = {
    "DELETE FROM meeting_unit WHERE meeting_id = ?1",
    "INSERT OR IGNORE INTO meeting_unit (meeting_id, unit_id)"
    " SELECT ?1, id FROM unit WHERE code = ?2 AND active = 1"};
static const struct link_sql meeting_tasks = {
    "DELETE FROM meeting_task WHERE meeting_id = ?1",
    "INSERT OR IGNORE INTO meeting_task (meeting_id, task_id)"
    " SELECT ?1, id FROM task WHERE code = ?2 AND deleted = 0"};

int store_meeting_save(struct store *st, struct meeting_row *r, struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO meeting (title, date, place, chair, agenda, conclusions, kind_id, updated_by)"
        " VALUES (?1, nullif(?2, ''), ?3, ?4, ?5, ?6, ?7, ?8)";
    static const char upd[] =
        "UPDATE meeting SET title = ?1, date = nullif(?2, ''), place = ?3, chair = ?4,"
        " agenda = ?5, conclusions = ?6, kind_id = ?7, updated_by = ?8, version = version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE id = ?9 AND version = ?10 AND deleted = 0";
#define MEETING_JSON                                                                               \
    "json_object('title', title, 'date', date, 'place', place, 'chair', chair, 'agenda', agenda,"  \
    " 'conclusions', conclusions, 'kind', (SELECT code FROM vocab WHERE id = kind_id),"            \
    " 'units', (SELECT group_concat(code, ',') FROM (SELECT u.code FROM meeting_unit mu JOIN unit" \
    " u ON u.id = mu.unit_id WHERE mu.meeting_id = meeting.id ORDER BY u.sort_order, u.code)),"    \
    " 'tasks', (SELECT group_concat(code, ',') FROM (SELECT t.code FROM meeting_task mt JOIN task" \
    " t ON t.id = mt.task_id WHERE mt.meeting_id = meeting.id ORDER BY t.sort_code, t.code)))"
    static const char before[] = ROW_SNAPSHOT_SQL("meeting", MEETING_JSON);
    static const char audit[] = ROW_AUDIT_SQL("meeting", MEETING_JSON);
    const char *what = _("saving the meeting");
    struct row_save rs = {
        before, audit,
        what,   _("someone else changed this meeting since you opened it; nothing was saved"),
        r->id,  r->version,
        NULL};
    if (r->title[0] == '\0')
        return td_err_set(err, TD_E_INVALID, "%s", _("a meeting needs a title"));
    if (store_allow_admin(st, _("record meetings"), err) != 0 || store_begin(st, err) != 0)
        return -1;
    store_save_start(st, &rs);
    long kind_id = vocab_id(st, "conference_kind", r->kind, what, err);
    sqlite3_stmt *s = kind_id < 0 ? NULL : store_stmt(st, r->id == 0 ? ins : upd, err);
    const char *v[6] = {r->title, r->date, r->place, r->chair, r->agenda, r->conclusions};
    long id = s != NULL ? save_row(st, &rs, s, v, 6, kind_id, err) : -1;
    if (id < 0 || store_link_codes(st, &meeting_units, id, r->units, true, what, err) != 0 ||
        store_link_codes(st, &meeting_tasks, id, r->tasks, false, what, err) != 0)
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

/* An activity's columns, read by read_activity; a WHERE follows. */
#define ACTIVITY_SELECT                                                                            \
    "SELECT a.id, a.version, coalesce(v.code, ''), coalesce(v.label, ''),"                         \
    " coalesce(u.code, ''), a.channel, coalesce(a.date, ''), a.title, a.reach, a.status,"          \
    " a.progress_note FROM activity a LEFT JOIN vocab v ON v.id = a.kind_id"                       \
    " LEFT JOIN unit u ON u.id = a.unit_id"

static void read_activity(sqlite3_stmt *s, void *row)
{
    struct activity_row *r = row;
    r->id = (long)sqlite3_column_int64(s, 0);
    r->version = (long)sqlite3_column_int64(s, 1);
    store_text_col(s, 2, r->kind, sizeof r->kind);
    store_text_col(s, 3, r->kind_label, sizeof r->kind_label);
    store_text_col(s, 4, r->unit, sizeof r->unit);
    store_text_col(s, 5, r->channel, sizeof r->channel);
    store_text_col(s, 6, r->date, sizeof r->date);
    store_text_col(s, 7, r->title, sizeof r->title);
    store_text_col(s, 8, r->reach, sizeof r->reach);
    store_text_col(s, 9, r->status, sizeof r->status);
    store_text_col(s, 10, r->progress_note, sizeof r->progress_note);
}

int store_activity_get(struct store *st, long id, struct activity_row *out, struct td_err *err)
{
    static const char sql[] = ACTIVITY_SELECT " WHERE a.id = ?1 AND a.deleted = 0";
    return store_get_row(st, sql, &id, 1, read_activity, out, _("the activity no longer exists"),
                         _("reading the communication activities"), err);
}

int store_activity_list_each(struct store *st, long unit_id, const char *kind,
                             int (*fn)(void *ctx, const struct activity_row *r), void *ctx,
                             struct td_err *err)
{
    static const char sql[] = ACTIVITY_SELECT
        " WHERE a.deleted = 0 AND (?1 = 0 OR a.unit_id = ?1) AND (?2 = '' OR v.code = ?2)"
        " ORDER BY a.date IS NULL, a.date, a.id";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, unit_id);
    sqlite3_bind_text(s, 2, kind != NULL ? kind : "", -1, SQLITE_TRANSIENT);
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        struct activity_row row, *r = &row;
        memset(r, 0, sizeof *r);
        read_activity(s, r);
        stop = fn(ctx, r);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_ROW || rc == SQLITE_DONE
               ? 0
               : store_fail(st, _("reading the communication activities"), err);
}

STORE_COLLECTOR(activity, struct activity_row)
int store_activity_list(struct store *st, long unit_id, const char *kind, struct activity_row *out,
                        int max, int *n, struct td_err *err)
{
    struct activity_into c = {out, max, 0};
    return store_collected(store_activity_list_each(st, unit_id, kind, activity_keep, &c, err),
                           &c.n, max, n, err);
}

int store_activity_save(struct store *st, struct activity_row *r, struct td_err *err)
{
    static const char unit[] = "SELECT id FROM unit WHERE code = ?1 AND active = 1";
    static const char ins[] =
        "INSERT INTO activity (channel, date, title, reach, status, progress_note, kind_id,"
        " updated_by, unit_id) VALUES (?1, nullif(?2, ''), ?3, ?4, ?5, ?6, ?7, ?8,"
        " nullif(?11, 0))"; /* ?9 and ?10 are a change's id and version */
    static const char upd[] =
        "UPDATE activity SET channel = ?1, date = nullif(?2, ''), title = ?3, reach = ?4,"
        " status = ?5, progress_note = ?6, kind_id = ?7, updated_by = ?8,"
        " unit_id = nullif(?11, 0), version = version + 1,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE id = ?9 AND version = ?10 AND deleted = 0";
#define ACTIVITY_JSON                                                                              \
    "json_object('kind', (SELECT code FROM vocab WHERE id = kind_id), 'unit', (SELECT code"        \
    " FROM unit WHERE id = unit_id), 'channel', channel, 'date', date,"                            \
    " 'title', title, 'reach', reach, 'status', status, 'progress_note', progress_note)"
    static const char before[] = ROW_SNAPSHOT_SQL("activity", ACTIVITY_JSON);
    static const char audit[] = ROW_AUDIT_SQL("activity", ACTIVITY_JSON);
    const char *what = _("saving the communication activity");
    struct row_save rs = {
        before, audit,
        what,   _("someone else changed this activity since you opened it; nothing was saved"),
        r->id,  r->version,
        NULL};
    if (r->title[0] == '\0')
        return td_err_set(err, TD_E_INVALID, "%s", _("an activity needs a title"));
    if (!known(r->status, activity_statuses, ACTIVITY_STATUSES))
        return td_err_set(err, TD_E_INVALID,
                          _("status %s is not one of planned, in_progress, "
                            "done, cancelled"),
                          r->status);
    if (r->channel[0] != '\0' && !known(r->channel, activity_channels, ACTIVITY_CHANNELS))
        return td_err_set(err, TD_E_INVALID, _("channel %s is not one tiendo knows"), r->channel);
    if (store_allow_admin(st, _("record communication activities"), err) != 0 ||
        store_begin(st, err) != 0)
        return -1;
    long unit_id = 0;
    if (r->unit[0] != '\0') {
        sqlite3_stmt *u = store_stmt(st, unit, err);
        if (u == NULL)
            goto fail;
        sqlite3_bind_text(u, 1, r->unit, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(u);
        unit_id = rc == SQLITE_ROW ? (long)sqlite3_column_int64(u, 0) : 0;
        sqlite3_reset(u);
        if (rc != SQLITE_ROW) {
            if (rc == SQLITE_DONE)
                td_err_set(err, TD_E_INVALID, _("unit %s does not exist"), r->unit);
            else
                store_fail(st, what, err);
            goto fail;
        }
    }
    store_save_start(st, &rs);
    long kind_id = vocab_id(st, "activity_kind", r->kind, what, err);
    sqlite3_stmt *s = kind_id < 0 ? NULL : store_stmt(st, r->id == 0 ? ins : upd, err);
    const char *v[6] = {r->channel, r->date, r->title, r->reach, r->status, r->progress_note};
    if (s == NULL)
        goto fail;
    sqlite3_bind_int64(s, 11, unit_id);
    long id = save_row(st, &rs, s, v, 6, kind_id, err);
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

const char *activity_status_label(const char *code)
{
    if (strcmp(code, "in_progress") == 0)
        return _("under way");
    if (strcmp(code, "done") == 0)
        return _("carried out");
    if (strcmp(code, "cancelled") == 0)
        return _("cancelled");
    return _("planned");
}

const char *activity_channel_label(const char *code)
{
    static const char *const labels[ACTIVITY_CHANNELS] = {
        N_("newspaper"),    N_("television"), N_("radio"), N_("web portal"),
        N_("social media"), N_("conference"), N_("other")};
    for (int i = 0; i < ACTIVITY_CHANNELS; i++)
        if (strcmp(code, activity_channels[i]) == 0)
            return _(labels[i]);
    return "";
}
