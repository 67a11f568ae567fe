/* Shared by the store tests: a real database in a temporary directory, synchronised with the
 * real plan file, and a read-only look at it from a second connection. */
#ifndef TIENDO_TEST_STORE_HELPERS_H
#define TIENDO_TEST_STORE_HELPERS_H

#include <locale.h>
#include <sqlite3.h>

#include "helpers.h"

#include "tiendo/planfile.h"
#include "tiendo/store.h"

struct plan_store {
    char *dir;
    char db[PATH_MAX];
    struct store *st;
    struct plan_def plan;
};

/* A new database for user "lan", with the plan of config/plans/qd-111-2022.ini. */
static inline void plan_store_open(struct plan_store *p)
{
    setlocale(LC_ALL, "C.UTF-8");
    p->dir = helper_tmpdir();
    snprintf(p->db, sizeof p->db, "%s/t.db", p->dir);
    struct store_options o = {.busy_timeout_ms = 1000, .create = true, .user = "lan"};
    struct td_err err = {0};
    if (store_open(&p->st, p->db, &o, &err) != 0)
        fail_msg("%s", err.msg);
    assert_int_equal(plan_file_load("config/plans/qd-111-2022.ini", &p->plan, NULL, NULL, &err), 0);
    assert_int_equal(store_sync_plan(p->st, &p->plan, &err), 0);
}

/* The same with the plan's demo data loaded, as init --demo makes it. */
static inline void plan_store_open_demo(struct plan_store *p)
{
    plan_store_open(p);
    struct td_err err = {0};
    assert_int_equal(plan_file_load_demo(&p->plan, NULL, NULL, &err), 0);
    assert_int_equal(store_sync_plan(p->st, &p->plan, &err), 0);
    assert_true(store_load_demo(p->st, &p->plan, &err) > 0);
}

static inline void plan_store_close(struct plan_store *p)
{
    plan_def_free(&p->plan);
    store_close(p->st);
    helper_rmtree(p->dir);
}

/* The first column of the first row of sql, read through a connection of its own; -1 when
 * there is none. */
static inline long plan_store_long(const struct plan_store *p, const char *sql)
{
    sqlite3 *h = NULL;
    sqlite3_stmt *s = NULL;
    long v = -1;
    if (sqlite3_open_v2(p->db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
        sqlite3_prepare_v2(h, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = (long)sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(h);
    return v;
}

#endif
