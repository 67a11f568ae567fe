/* Users from [users], the session's role and units, reopened periods, the audit trail. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/date.h"
#include "tiendo/i18n.h"
#include "tiendo/store_users.h"

/* "\nlogin role CODE,CODE\n" for every active user, by login, codes sorted: what the database
 * says, to compare with what the settings say before writing anything. Each line stands between
 * newlines, so that a search for one whole line (or "\nlogin ") cannot match part of another. */
static const char db_users_sql[] =
    "SELECT a.login, a.role, coalesce((SELECT group_concat(code, ',') FROM (SELECT u.code"
    " FROM user_unit x JOIN unit u ON u.id = x.unit_id WHERE x.user_id = a.id ORDER BY u.code)),"
    " '') FROM app_user a WHERE a.active = 1 ORDER BY a.login";

static int cmp_text(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int cmp_user(const void *a, const void *b)
{
    return strcmp(((const struct user_def *)a)->login, ((const struct user_def *)b)->login);
}

/* units ("B,A,B") sorted and without repeats into out ("A,B"). */
static void sorted_units(const char *units, char *out, size_t size)
{
    char copy[USER_UNITS_MAX];
    snprintf(copy, sizeof copy, "%s", units);
    char *codes[USER_UNITS_MAX / 2] = {NULL};
    size_t n = 0;
    char *save = NULL;
    for (char *c = strtok_r(copy, ",", &save); c != NULL && n < sizeof codes / sizeof codes[0];
         c = strtok_r(NULL, ",", &save))
        codes[n++] = c;
    qsort(codes, n, sizeof codes[0], cmp_text);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && strcmp(codes[i], codes[i - 1]) == 0)
            continue;
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s", len > 0 ? "," : "", codes[i]);
    }
}

/* Appends to *buf (grown as needed); false when out of memory. */
static bool append(char **buf, size_t *len, size_t *cap, const char *a, const char *b,
                   const char *c)
{
    size_t need = strlen(a) + strlen(b) + strlen(c) + 5;
    if (*len + need > *cap) {
        size_t grown = (*cap + need) * 2;
        char *p = realloc(*buf, grown);
        if (p == NULL)
            return false;
        *buf = p;
        *cap = grown;
    }
    *len += (size_t)snprintf(*buf + *len, *cap - *len, "\n%s %s %s\n", a, b, c);
    return true;
}

static int db_signature(struct store *st, char **out, struct td_err *err)
{
    size_t len = 0, cap = 0;
    *out = NULL;
    sqlite3_stmt *s = store_stmt(st, db_users_sql, err);
    if (s == NULL)
        return -1;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        char login[USER_LOGIN_MAX], role[16], units[USER_UNITS_MAX];
        store_text_col(s, 0, login, sizeof login);
        store_text_col(s, 1, role, sizeof role);
        store_text_col(s, 2, units, sizeof units);
        if (!append(out, &len, &cap, login, role, units)) {
            sqlite3_reset(s);
            return td_err_set(err, TD_E_NOMEM, _("out of memory"));
        }
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE)
        return store_fail(st, _("reading the users"), err);
    if (*out == NULL)
        *out = calloc(1, 1);
    return *out != NULL ? 0 : td_err_set(err, TD_E_NOMEM, _("out of memory"));
}

static int write_user(struct store *st, const struct user_def *u, struct td_err *err)
{
    static const char upsert[] =
        "INSERT INTO app_user (login, role, updated_by) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (login) DO UPDATE SET role = excluded.role, active = 1,"
        " version = version + 1, updated_by = excluded.updated_by,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    static const struct link_sql units = {
        "DELETE FROM user_unit WHERE user_id = ?1",
        "INSERT OR IGNORE INTO user_unit (user_id, unit_id) SELECT ?1, id FROM unit"
        " WHERE code = ?2",
    };
    static const char id_sql[] = "SELECT id FROM app_user WHERE login = ?1";
#define USER_JSON                                                                                  \
    "json_object('login', login, 'role', role, 'units', (SELECT group_concat(u.code, ',')"         \
    " FROM user_unit x JOIN unit u ON u.id = x.unit_id WHERE x.user_id = app_user.id),"            \
    " 'active', active)"
    static const char before[] = "SELECT " USER_JSON " FROM app_user WHERE id = ?1";
    static const char audit[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " SELECT ?2, 'app_user', id, ?3, ?4, " USER_JSON ","
        " " AUDIT_NEXT_CHANGE " FROM app_user WHERE id = ?1";
    sqlite3_stmt *s = store_stmt(st, id_sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, u->login, -1, SQLITE_STATIC);
    long was = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    char *old = was != 0 ? store_snapshot(st, before, was) : NULL;
    if ((s = store_stmt(st, upsert, err)) == NULL) {
        free(old);
        return -1;
    }
    sqlite3_bind_text(s, 1, u->login, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, user_role_name(u->role), -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, st->user, -1, SQLITE_STATIC);
    int rc = -1;
    if (sqlite3_step(s) != SQLITE_DONE) {
        store_fail(st, _("saving the users"), err);
    } else if ((s = store_stmt(st, id_sql, err)) != NULL) {
        sqlite3_bind_text(s, 1, u->login, -1, SQLITE_STATIC);
        long id = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
        sqlite3_reset(s);
        if (store_link_codes(st, &units, id, u->units, true, _("saving the users"), err) != 0) {
            td_err_prefix(err, "[users] %s: ", u->login);
            err->status = TD_E_CONFIG;
        } else {
            rc = store_audit(st, audit, id, "sync", old, _("saving the users"), err);
        }
    }
    free(old);
    return rc;
}

int store_sync_users(struct store *st, const struct user_def *users, int n, struct td_err *err)
{
    /* ?1: the wanted lines; a login without its "\nlogin " there is no longer declared. */
#define NOT_WANTED "active = 1 AND instr(?1, char(10) || login || ' ') = 0"
    static const char audit_retire[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " SELECT ?2, 'app_user', id, 'retire', json_object('login', login, 'active', 1),"
        " json_object('login', login, 'active', 0), " AUDIT_NEXT_CHANGE
        " FROM app_user WHERE " NOT_WANTED;
    static const char retire[] =
        "UPDATE app_user SET active = 0, version = version + 1, updated_by = ?2,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now') WHERE " NOT_WANTED;
    struct user_def *want = malloc(sizeof *want * (size_t)(n > 0 ? n : 1));
    if (want == NULL)
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    if (n > 0)
        memcpy(want, users, sizeof *want * (size_t)n);
    qsort(want, (size_t)n, sizeof *want, cmp_user);
    char *sig = NULL, *have = NULL;
    size_t len = 0, cap = 0;
    int rc = -1;
    for (int i = 0; i < n; i++) {
        sorted_units(want[i].units, want[i].units, sizeof want[i].units);
        if (!append(&sig, &len, &cap, want[i].login, user_role_name(want[i].role), want[i].units)) {
            td_err_set(err, TD_E_NOMEM, _("out of memory"));
            goto out;
        }
    }
    if (db_signature(st, &have, err) != 0 || have == NULL)
        goto out;
    if (strcmp(have, sig != NULL ? sig : "") == 0) {
        rc = 0; /* the database already says the same: write nothing */
        goto out;
    }
    if (store_begin(st, err) != 0)
        goto out;
    for (int i = 0; i < n; i++) {
        char one[USER_LOGIN_MAX + USER_UNITS_MAX + 32];
        snprintf(one, sizeof one, "\n%s %s %s\n", want[i].login, user_role_name(want[i].role),
                 want[i].units);
        if (strstr(have, one) == NULL && write_user(st, &want[i], err) != 0)
            goto fail;
    }
    for (int k = 0; k < 2; k++) { /* the audit rows first: they read who is still active */
        sqlite3_stmt *s = store_stmt(st, k == 0 ? audit_retire : retire, err);
        if (s == NULL)
            goto fail;
        sqlite3_bind_text(s, 1, sig != NULL ? sig : "", -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, st->user, -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE) {
            store_fail(st, _("saving the users"), err);
            goto fail;
        }
    }
    rc = store_commit(st, err);
    goto out;
fail:
    store_rollback(st);
out:
    free(want);
    free(sig);
    free(have);
    return rc;
}

int store_login(struct store *st, const char *login, bool owner_is_admin, struct td_err *err)
{
    static const char any[] = "SELECT count(*) FROM app_user WHERE active = 1";
    static const char who[] = "SELECT id, role FROM app_user WHERE login = ?1 AND active = 1";
    static const char units[] = "SELECT unit_id FROM user_unit WHERE user_id = ?1";
    if (!user_login_valid(login))
        return td_err_set(err, TD_E_DENIED,
                          _("\"%s\" is not a login (letters a-z, digits, '.', '_' and '-')"),
                          login);
    char folded[USER_LOGIN_MAX];
    user_login_fold(login, folded, sizeof folded);
    char *copy = strdup(folded);
    if (copy == NULL)
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    free(st->user);
    st->user = copy;
    free(st->unit_ids);
    st->unit_ids = NULL;
    st->nunit_ids = 0;
    st->role = USER_VIEWER; /* until the database says more */

    sqlite3_stmt *s = store_stmt(st, any, err);
    if (s == NULL)
        return -1;
    long declared = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : -1;
    sqlite3_reset(s);
    if (declared < 0)
        return store_fail(st, _("reading the users"), err);
    if (declared == 0) {
        if (owner_is_admin) {
            st->role = USER_ADMIN;
            return 0;
        }
        return td_err_set(
            err, TD_E_DENIED,
            _("%s may not use tiendo here: no users are declared; an "
              "administrator adds \"%s = editor: UNIT\" (or admin, viewer) to [users] "
              "in /etc/tiendo/tiendo.ini"),
            folded, folded);
    }
    if ((s = store_stmt(st, who, err)) == NULL)
        return -1;
    sqlite3_bind_text(s, 1, folded, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_reset(s);
        if (owner_is_admin) { /* the file's owner, not declared: admin, as without users */
            st->role = USER_ADMIN;
            return 0;
        }
        return td_err_set(err, TD_E_DENIED,
                          _("%s may not use tiendo here: this login is not declared in [users]; "
                            "ask an administrator to add it"),
                          folded);
    }
    long id = (long)sqlite3_column_int64(s, 0);
    int role = user_role_parse((const char *)sqlite3_column_text(s, 1));
    sqlite3_reset(s);
    if ((s = store_stmt(st, units, err)) == NULL)
        return -1;
    sqlite3_bind_int64(s, 1, id);
    while (sqlite3_step(s) == SQLITE_ROW) {
        long *grown = realloc(st->unit_ids, sizeof *grown * (size_t)(st->nunit_ids + 1));
        if (grown == NULL) {
            sqlite3_reset(s);
            return td_err_set(err, TD_E_NOMEM, _("out of memory"));
        }
        st->unit_ids = grown;
        st->unit_ids[st->nunit_ids++] = (long)sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    st->role = role < 0 ? USER_VIEWER : (enum user_role)role;
    return 0;
}

enum user_role store_role(const struct store *st)
{
    return st->role;
}

const char *store_user(const struct store *st)
{
    return st->user;
}

bool store_may_unit(const struct store *st, long unit_id)
{
    if (st->role == USER_ADMIN)
        return true;
    if (st->role != USER_EDITOR)
        return false;
    for (int i = 0; i < st->nunit_ids; i++)
        if (st->unit_ids[i] == unit_id)
            return true;
    return false;
}

int store_user_logins(struct store *st, char (*out)[USER_LOGIN_MAX], int max, int *n,
                      struct td_err *err)
{
    static const char sql[] = "SELECT login FROM app_user ORDER BY login";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    *n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max)
        store_text_col(s, 0, out[(*n)++], USER_LOGIN_MAX);
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the users"), err);
}

bool store_may_unit_code(struct store *st, const char *code)
{
    static const char sql[] = "SELECT id FROM unit WHERE code = ?1";
    if (st->role != USER_EDITOR)
        return st->role == USER_ADMIN;
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    if (s == NULL)
        return false;
    sqlite3_bind_text(s, 1, code, -1, SQLITE_TRANSIENT);
    long id = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    return store_may_unit(st, id);
}

void store_user_units(struct store *st, char *buf, size_t size)
{
    static const char sql[] = "SELECT code FROM unit WHERE id = ?1";
    struct td_err ignored;
    buf[0] = '\0';
    for (int i = 0; i < st->nunit_ids; i++) {
        sqlite3_stmt *s = store_stmt(st, sql, &ignored);
        if (s == NULL)
            return;
        sqlite3_bind_int64(s, 1, st->unit_ids[i]);
        if (sqlite3_step(s) == SQLITE_ROW) {
            size_t len = strlen(buf);
            snprintf(buf + len, size - len, "%s%s", len > 0 ? ", " : "",
                     (const char *)sqlite3_column_text(s, 0));
        }
        sqlite3_reset(s);
    }
}

static const char *role_label(enum user_role role)
{
    switch (role) {
    case USER_ADMIN:
        return _("an admin");
    case USER_EDITOR:
        return _("an editor");
    default:
        return _("a viewer");
    }
}

int store_allow_admin(struct store *st, const char *what, struct td_err *err)
{
    if (st->role == USER_ADMIN)
        return 0;
    return td_err_set(err, TD_E_DENIED, _("only an admin may %s; %s is %s"), what, st->user,
                      role_label(st->role));
}

int store_allow_unit(struct store *st, long unit_id, const char *what, struct td_err *err)
{
    if (store_may_unit(st, unit_id))
        return 0;
    static const char sql[] = "SELECT code FROM unit WHERE id = ?1";
    char code[32] = "?";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s != NULL) {
        sqlite3_bind_int64(s, 1, unit_id);
        if (sqlite3_step(s) == SQLITE_ROW)
            store_text_col(s, 0, code, sizeof code);
        sqlite3_reset(s);
    }
    if (st->role == USER_VIEWER)
        return td_err_set(err, TD_E_DENIED, _("%s is %s and may not %s"), st->user,
                          role_label(st->role), what);
    char mine[256];
    store_user_units(st, mine, sizeof mine);
    return td_err_set(err, TD_E_DENIED, _("%s may %s only for %s, not for %s"), st->user, what,
                      mine[0] != '\0' ? mine : "-", code);
}

static bool period_reopened(struct store *st, const char *period)
{
    static const char sql[] = "SELECT open FROM period_open WHERE period = ?1";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    if (s == NULL)
        return false;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    bool open = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
    sqlite3_reset(s);
    return open;
}

bool store_period_writable(struct store *st, const char *period, const char *ends)
{
    td_date end;
    if (st->lock_after_days <= 0 || date_parse_iso(ends, &end) != 0)
        return true;
    return st->today <= end + st->lock_after_days || period_reopened(st, period);
}

void store_show_date(const struct store *st, const char *iso, char *out, size_t size)
{
    td_date d;
    if (date_parse_iso(iso, &d) == 0)
        date_format(d, st->date_format, out, size);
    else
        snprintf(out, size, "%s", iso);
}

int store_allow_period(struct store *st, const char *period, const char *ends, struct td_err *err)
{
    if (store_period_writable(st, period, ends))
        return 0;
    char real_end[16], end_shown[32], from_shown[32];
    store_period_ends(st, period, real_end, sizeof real_end);
    store_show_date(st, real_end, end_shown, sizeof end_shown);
    store_show_date(st, ends, from_shown, sizeof from_shown);
    if (strcmp(real_end, ends) == 0)
        return td_err_set(err, TD_E_DENIED,
                          _("period %s is locked: it ended on %s, more than %ld days ago; an admin "
                            "can reopen it (tiendo period open %s)"),
                          period, end_shown, st->lock_after_days, period);
    return td_err_set(err, TD_E_DENIED,
                      _("period %s is locked: it ended on %s and its report was due on %s, more "
                        "than %ld days ago; an admin can reopen it (tiendo period open %s)"),
                      period, end_shown, from_shown, st->lock_after_days, period);
}

int store_period_known(struct store *st, const char *period, struct td_err *err)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM plan WHERE ?1 GLOB '[0-9][0-9][0-9][0-9]'"
        "  AND CAST(?1 AS INTEGER) BETWEEN start_year AND end_year)"
        " + (SELECT count(*) FROM phase WHERE active = 1 AND code = ?1)"
        " + (SELECT count(*) FROM report WHERE deleted = 0 AND period = ?1),"
        " (SELECT start_year FROM plan), (SELECT end_year FROM plan),"
        " (SELECT group_concat(code, ', ') FROM (SELECT code FROM phase WHERE active = 1"
        "  ORDER BY sort_order, code))";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_ROW) {
        sqlite3_reset(s);
        return store_fail(st, _("reading the plan's periods"), err);
    }
    long known = (long)sqlite3_column_int64(s, 0);
    long from = (long)sqlite3_column_int64(s, 1), to = (long)sqlite3_column_int64(s, 2);
    char phases[256];
    store_text_col(s, 3, phases, sizeof phases);
    sqlite3_reset(s);
    if (known > 0)
        return 0;
    return td_err_set(err, TD_E_USAGE,
                      _("period %s is not one of the plan's: a year from %ld to %ld, or a "
                        "phase (%s)"),
                      period, from, to, phases[0] != '\0' ? phases : "-");
}

void store_period_ends(struct store *st, const char *period, char *ends, size_t size)
{
    static const char sql[] = "SELECT end_year FROM phase WHERE code = ?1";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    long year = 0;
    if (s != NULL) {
        sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(s) == SQLITE_ROW)
            year = (long)sqlite3_column_int64(s, 0);
        sqlite3_reset(s);
    }
    if (year == 0) { /* a year, or "2021-2025": its last year */
        const char *last = strrchr(period, '-');
        year = strtol(last != NULL ? last + 1 : period, NULL, 10);
    }
    snprintf(ends, size, "%04ld-12-31", year);
}

long store_lock_after_days(const struct store *st)
{
    return st->lock_after_days;
}

int store_period_list(struct store *st, struct period_row *out, int max, int *n, struct td_err *err)
{
    static const char sql[] =
        "WITH RECURSIVE y(v) AS (SELECT start_year FROM plan UNION ALL SELECT v + 1 FROM y, plan"
        " WHERE v < plan.end_year),"
        " p(k, period, name, ends) AS (SELECT 0, CAST(v AS TEXT), '', printf('%04d-12-31', v)"
        " FROM y UNION ALL SELECT 1 + sort_order, code, name, printf('%04d-12-31', end_year)"
        " FROM phase WHERE active = 1)"
        " SELECT p.period, p.name, p.ends, coalesce(o.open, 0), coalesce(o.updated_by, ''),"
        " coalesce(o.updated_at, '') FROM p LEFT JOIN period_open o ON o.period = p.period"
        " ORDER BY p.k, p.ends";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc;
    *n = 0;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW && *n < max) {
        struct period_row *r = &out[(*n)++];
        store_text_col(s, 0, r->period, sizeof r->period);
        store_text_col(s, 1, r->name, sizeof r->name);
        store_text_col(s, 2, r->ends, sizeof r->ends);
        r->reopened = sqlite3_column_int(s, 3) != 0;
        store_text_col(s, 4, r->by, sizeof r->by);
        store_text_col(s, 5, r->at, sizeof r->at);
        td_date end;
        r->locked = st->lock_after_days > 0 && date_parse_iso(r->ends, &end) == 0 &&
                    st->today > end + st->lock_after_days && !r->reopened;
    }
    sqlite3_reset(s);
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0
                                                 : store_fail(st, _("reading the periods"), err);
}

int store_period_set_open(struct store *st, const char *period, bool open, struct td_err *err)
{
    static const char upsert[] =
        "INSERT INTO period_open (period, open, updated_by) VALUES (?1, ?2, ?3)"
        " ON CONFLICT (period) DO UPDATE SET open = excluded.open, version = version + 1,"
        " updated_by = excluded.updated_by, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')";
    static const char audit[] =
        "INSERT INTO audit_log (login, tbl, row_id, action, old_values, new_values, change_id)"
        " SELECT ?2, 'period_open', id, ?3, json_object('period', period, 'open', ?4 = 'open'),"
        " json_object('period', period, 'open', open),"
        " " AUDIT_NEXT_CHANGE " FROM period_open WHERE id = ?1";
    static const char id_sql[] = "SELECT id FROM period_open WHERE period = ?1";
    if (store_allow_admin(st, _("reopen a period"), err) != 0 ||
        store_period_known(st, period, err) != 0)
        return -1;
    if (store_begin(st, err) != 0)
        return -1;
    bool was_open = period_reopened(st, period);
    sqlite3_stmt *s = store_stmt(st, upsert, err);
    if (s == NULL)
        goto fail;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, open);
    sqlite3_bind_text(s, 3, st->user, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE) {
        store_fail(st, _("reopening the period"), err);
        goto fail;
    }
    if ((s = store_stmt(st, id_sql, err)) == NULL)
        goto fail;
    sqlite3_bind_text(s, 1, period, -1, SQLITE_TRANSIENT);
    long id = sqlite3_step(s) == SQLITE_ROW ? (long)sqlite3_column_int64(s, 0) : 0;
    sqlite3_reset(s);
    /* Before: open when it had been reopened and not closed again. */
    if (store_audit(st, audit, id, open ? "open" : "close", was_open ? "open" : "closed",
                    _("reopening the period"), err) != 0)
        goto fail;
    return store_commit(st, err);
fail:
    store_rollback(st);
    return -1;
}

/* The unit a changed row belongs to, for the audit trail's unit column and filter. */
#define AUDIT_UNIT                                                                                 \
    "CASE a.tbl WHEN 'task' THEN (SELECT lead_unit_id FROM task WHERE id = a.row_id)"              \
    " WHEN 'progress_update' THEN (SELECT t.lead_unit_id FROM progress_update p JOIN task t"       \
    " ON t.id = p.task_id WHERE p.id = a.row_id)"                                                  \
    " WHEN 'submission' THEN (SELECT unit_id FROM submission WHERE id = a.row_id)"                 \
    " WHEN 'evaluation' THEN (SELECT unit_id FROM evaluation WHERE id = a.row_id)"                 \
    " WHEN 'activity' THEN (SELECT unit_id FROM activity WHERE id = a.row_id)"                     \
    " WHEN 'indicator_value' THEN (SELECT owner_unit_id FROM indicator WHERE id = a.row_id)"       \
    " END"
#define AUDIT_SELECT                                                                               \
    "SELECT a.id, a.at, a.login, a.tbl, a.row_id, a.action, coalesce(a.old_values, ''),"           \
    " coalesce(a.new_values, ''), coalesce(u.code, '') FROM audit_log a LEFT JOIN unit u"          \
    " ON u.id = (" AUDIT_UNIT ") WHERE (?1 IS NULL OR a.at >= ?1)"                                 \
    " AND (?2 IS NULL OR a.login = ?2) AND (?3 = 0 OR u.id = ?3)"                                  \
    " AND (?4 = 1 OR u.id IN (SELECT x.unit_id FROM user_unit x JOIN app_user w"                   \
    " ON w.id = x.user_id WHERE w.login = ?5))"

int store_audit_each(struct store *st, const struct audit_filter *f, bool newest_first, int limit,
                     int (*row)(void *ctx, const struct audit_row *r), void *ctx,
                     struct td_err *err)
{
    static const char oldest[] = AUDIT_SELECT " ORDER BY a.id LIMIT ?6";
    static const char newest[] = AUDIT_SELECT " ORDER BY a.id DESC LIMIT ?6";
    sqlite3_stmt *s = store_stmt(st, newest_first ? newest : oldest, err);
    if (s == NULL)
        return -1;
    store_bind_opt_text(s, 1, f->since);
    store_bind_opt_text(s, 2, f->login);
    sqlite3_bind_int64(s, 3, f->unit_id);
    sqlite3_bind_int(s, 4, st->role == USER_ADMIN);
    sqlite3_bind_text(s, 5, st->user, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 6, limit > 0 ? limit : -1);
    struct audit_row *r = malloc(sizeof *r);
    if (r == NULL) {
        sqlite3_reset(s);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        r->id = (long)sqlite3_column_int64(s, 0);
        store_text_col(s, 1, r->at, sizeof r->at);
        store_text_col(s, 2, r->login, sizeof r->login);
        store_text_col(s, 3, r->table, sizeof r->table);
        r->row_id = (long)sqlite3_column_int64(s, 4);
        store_text_col(s, 5, r->action, sizeof r->action);
        store_text_col(s, 6, r->old_values, sizeof r->old_values);
        store_text_col(s, 7, r->new_values, sizeof r->new_values);
        store_text_col(s, 8, r->unit, sizeof r->unit);
        r->old_full = (const char *)sqlite3_column_text(s, 6);
        r->new_full = (const char *)sqlite3_column_text(s, 7);
        if (row(ctx, r) != 0) {
            rc = SQLITE_DONE;
            break;
        }
    }
    sqlite3_reset(s);
    free(r);
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the audit trail"), err);
}
