/* Users from [users]: the session's login, role and units, and what they may change. */
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

int store_user_login_each(struct store *st, int (*fn)(void *ctx, const char *login), void *ctx,
                          struct td_err *err)
{
    static const char sql[] = "SELECT login FROM app_user ORDER BY login";
    sqlite3_stmt *s = store_stmt(st, sql, err);
    if (s == NULL)
        return -1;
    int rc = SQLITE_DONE, stop = 0;
    while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        char login[USER_LOGIN_MAX];
        store_text_col(s, 0, login, sizeof login);
        stop = fn(ctx, login);
    }
    sqlite3_reset(s);
    if (stop != 0)
        return stop;
    return rc == SQLITE_DONE ? 0 : store_fail(st, _("reading the users"), err);
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
