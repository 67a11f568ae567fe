/* Who works on the database: users from [users], the session's role, reopened periods and the
 * audit trail. */
#ifndef TIENDO_STORE_USERS_H
#define TIENDO_STORE_USERS_H

#include <stdbool.h>

#include "tiendo/err.h"
#include "tiendo/store.h"
#include "tiendo/users.h"

/* Writes the declared users into the database (matched by login): new ones added, changed
 * roles and units updated, the ones no longer declared made inactive; each change audited.
 * Nothing is written when the database already says the same. A unit code the plan does not
 * have is TD_E_CONFIG naming the login and the code, and nothing changes. */
int store_sync_users(struct store *st, const struct user_def *users, int n, struct td_err *err);

/* Sets who the session works as. A declared, active login takes its role and units. A login
 * not declared is an admin with owner_is_admin (the caller decides: the database file's owner,
 * not in restricted mode, who could change the file with any SQLite tool anyway), otherwise
 * refused with TD_E_DENIED and a message saying what to do. A store never logged in acts as an
 * admin (init, tests). */
int store_login(struct store *st, const char *login, bool owner_is_admin, struct td_err *err);

enum user_role store_role(const struct store *st);
/* The login the session records in every change. */
const char *store_user(const struct store *st);
/* Whether the session may write what belongs to unit_id (admin: every unit; editor: theirs;
 * viewer: none). */
bool store_may_unit(const struct store *st, long unit_id);
/* As store_may_unit, for a unit named by its code. */
bool store_may_unit_code(struct store *st, const char *code);
/* The session's unit codes, comma separated ("" for an admin or none), into buf. */
void store_user_units(struct store *st, char *buf, size_t size);

/* The logins declared in the database (active or not), by login, each to fn. */
int store_user_login_each(struct store *st, int (*fn)(void *ctx, const char *login), void *ctx,
                          struct td_err *err);

/* The last day of a period (YYYY-MM-DD): a phase's (by its code), or a year's 31 December (the
 * last year of "2021-2030"). */
void store_period_ends(struct store *st, const char *period, char *ends, size_t size);
/* 0 when period is one of the plan's: a year of the plan, a phase's code or a report's period;
 * else -1 with TD_E_USAGE and a message naming the plan's years and phases. */
int store_period_known(struct store *st, const char *period, struct td_err *err);

/* Opens (open) or closes again a period locked by [security] lock_after_days ("2025", a
 * report's period); admin only, audited. Refuses a period that is not the plan's. */
int store_period_set_open(struct store *st, const char *period, bool open, struct td_err *err);
/* Whether the session may still change the period that ended on ends (YYYY-MM-DD). */
bool store_period_writable(struct store *st, const char *period, const char *ends);

/* The plan's periods (each year, then each phase) with their lock. */
struct period_row {
    char period[32], name[128]; /* name: the phase's, "" for a year */
    char ends[11];              /* YYYY-MM-DD */
    bool locked;                /* past [security] lock_after_days, not reopened */
    bool reopened;              /* an admin reopened it (by, at) */
    char by[64], at[24];
};
int store_period_each(struct store *st, int (*fn)(void *ctx, const struct period_row *r), void *ctx,
                      struct td_err *err);
int store_period_list(struct store *st, struct period_row *out, int max, int *n,
                      struct td_err *err);
/* The days after its end that a period stays open ([security] lock_after_days; 0: always). */
long store_lock_after_days(const struct store *st);

/* One row of the audit trail; unit is the code of the unit the changed row belongs to ("" when
 * none: plan settings, users, rows since removed). */
struct audit_row {
    long id;
    char at[24], login[64], table[32], action[16], unit[32];
    long row_id;
    char old_values[1024], new_values[1024]; /* cut, at a character, for the screens */
    const char *old_full, *new_full;         /* whole; valid only during the callback */
};
struct audit_filter {
    const char *since; /* YYYY-MM-DD or NULL */
    const char *login; /* NULL: everyone */
    long unit_id;      /* 0: every unit */
};
/* Calls row for each audit row matching f, oldest first (newest first with newest_first, at
 * most limit rows when limit > 0). A non-admin sees only the rows of their units. */
int store_audit_each(struct store *st, const struct audit_filter *f, bool newest_first, int limit,
                     int (*row)(void *ctx, const struct audit_row *r), void *ctx,
                     struct td_err *err);

#endif
