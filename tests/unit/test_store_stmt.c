/* The store's statement cache (src/store/db.c): a statement in use stays valid however many
 * others are prepared after it. It once held 200 and finalised the oldest to make room, under
 * a caller still stepping through it. */
#include "store_helpers.h"

#include "../../src/store/internal.h"

#define MANY 600

static void test_a_statement_in_use_survives_many_others(void **state)
{
    (void)state;
    struct plan_store p;
    plan_store_open(&p);
    struct td_err err = {0};
    static const char first[] = "SELECT 1 UNION ALL SELECT 2 ORDER BY 1";
    sqlite3_stmt *s = store_stmt(p.st, first, &err);
    assert_non_null(s);
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 1);

    /* What the cache holds now (the plan's sync prepared many): none of it may go. */
    int before = p.st->ncache;
    assert_true(before > 1);
    const char **held_sql = malloc((size_t)before * sizeof *held_sql);
    sqlite3_stmt **held = malloc((size_t)before * sizeof *held);
    assert_non_null(held_sql);
    assert_non_null(held);
    for (int i = 0; i < before; i++)
        held_sql[i] = p.st->cache[i].sql, held[i] = p.st->cache[i].stmt;

    /* Each its own string, so each its own cache entry. */
    static char sql[MANY][32];
    for (int i = 0; i < MANY; i++) {
        snprintf(sql[i], sizeof sql[i], "SELECT %d", i);
        sqlite3_stmt *o = store_stmt(p.st, sql[i], &err);
        assert_non_null(o);
        assert_int_equal(sqlite3_step(o), SQLITE_ROW);
        assert_int_equal(sqlite3_column_int(o, 0), i);
        sqlite3_reset(o);
    }
    assert_int_equal(p.st->ncache, before + MANY);
    for (int i = 0; i < before; i++) {
        assert_ptr_equal(p.st->cache[i].sql, held_sql[i]);
        assert_ptr_equal(p.st->cache[i].stmt, held[i]);
    }
    free(held_sql);
    free(held);
    /* The first one goes on where it was. */
    assert_int_equal(sqlite3_step(s), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(s, 0), 2);
    assert_int_equal(sqlite3_step(s), SQLITE_DONE);
    sqlite3_reset(s);
    /* And asking again for any of them gives the cached one, ready to run. */
    assert_ptr_equal(store_stmt(p.st, first, &err), s);
    sqlite3_stmt *o = store_stmt(p.st, sql[7], &err);
    assert_int_equal(sqlite3_step(o), SQLITE_ROW);
    assert_int_equal(sqlite3_column_int(o, 0), 7);
    sqlite3_reset(o);
    plan_store_close(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_statement_in_use_survives_many_others),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
