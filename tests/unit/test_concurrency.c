/* Many sessions, one database: 8 processes each save 200 progress updates to random tasks at
 * the same time, as officials do at 17:00. Afterwards every save a process was told succeeded
 * is in the database with its audit entry, the file is sound, and no process met an error
 * other than "busy, try again" (which it retried). */
#include <sys/wait.h>

#include "store_helpers.h"

#include "tiendo/store_tasks.h"

#define PROCS 8
#define SAVES 200

static long task_ids[64];
static int ntasks;

static int collect_id(void *ctx, const struct task_detail *t)
{
    (void)ctx;
    if (ntasks < 64)
        task_ids[ntasks++] = t->row.id;
    return 0;
}

static void print_problem(void *ctx, const char *msg)
{
    (void)ctx;
    fprintf(stderr, "check: %s\n", msg);
}

/* One session: its own connection, opened after the fork. Exit status 0 when every save went
 * through (after retries), 1 when one failed for another reason, 2 when it could not open. */
static int worker(const char *db, int proc)
{
    char login[16];
    snprintf(login, sizeof login, "u%d", proc);
    struct store_options o = {.busy_timeout_ms = 5000, .user = login};
    struct store *st = NULL;
    struct td_err err = {0};
    if (store_open(&st, db, &o, &err) != 0) {
        fprintf(stderr, "worker %d: %s\n", proc, err.msg);
        return 2;
    }
    unsigned seed = (unsigned)proc * 7919u + 1u;
    int status = 0;
    for (int i = 0; i < SAVES && status == 0; i++) {
        char note[32];
        snprintf(note, sizeof note, "p%d-%d", proc, i);
        struct progress_input in = {0};
        in.date = 20000 + i;
        in.percent = (int)(rand_r(&seed) % 101);
        in.status = ST_IN_PROGRESS;
        in.done = note;
        long task = task_ids[rand_r(&seed) % (unsigned)ntasks];
        int rc;
        while ((rc = store_progress_add(st, task, 0, &in, &err)) != 0 && err.status == TD_E_BUSY)
            ; /* "busy, try again": what the screen tells a person, done at once */
        if (rc != 0) {
            fprintf(stderr, "worker %d save %d: %s\n", proc, i, err.msg);
            status = 1;
        }
    }
    store_close(st);
    return status;
}

static void test_eight_sessions_lose_no_save(void **state)
{
    (void)state;
    struct plan_store ps;
    plan_store_open(&ps);
    struct td_err err = {0};
    assert_int_equal(plan_file_load_demo(&ps.plan, NULL, NULL, &err), 0);
    assert_true(store_load_demo(ps.st, &ps.plan, &err) > 0);
    struct flag_rules rules = {0};
    assert_int_equal(store_task_each(ps.st, &rules, collect_id, NULL, &err), 0);
    assert_true(ntasks >= 10);
    long before = plan_store_long(&ps, "SELECT count(*) FROM progress_update");
    store_close(ps.st); /* no connection crosses a fork */
    ps.st = NULL;

    pid_t pids[PROCS];
    for (int p = 0; p < PROCS; p++) {
        pids[p] = fork();
        assert_true(pids[p] >= 0);
        if (pids[p] == 0)
            _exit(worker(ps.db, p));
    }
    for (int p = 0; p < PROCS; p++) {
        int ws = 0;
        assert_int_equal(waitpid(pids[p], &ws, 0), pids[p]);
        assert_true(WIFEXITED(ws));
        if (WEXITSTATUS(ws) != 0)
            fail_msg("worker %d exited with %d", p, WEXITSTATUS(ws));
    }

    /* Every acknowledged save is there, once, with exactly one change in the audit trail. */
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM progress_update"),
                     before + PROCS * SAVES);
    assert_int_equal(plan_store_long(&ps, "SELECT count(DISTINCT done) FROM progress_update"
                                          " WHERE done GLOB 'p[0-9]-*'"),
                     PROCS * SAVES);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM audit_log"
                                          " WHERE tbl = 'progress_update' AND action = 'insert'"),
                     PROCS * SAVES);
    assert_int_equal(plan_store_long(&ps, "SELECT count(DISTINCT change_id) FROM audit_log"),
                     PROCS * SAVES);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM progress_update p"
                                          " WHERE NOT EXISTS (SELECT 1 FROM audit_log a"
                                          " WHERE a.tbl = 'progress_update' AND a.row_id = p.id)"
                                          " AND p.is_demo = 0"),
                     0);
    /* Each task shows its latest update. */
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM task t WHERE t.percent <>"
                                          " (SELECT p.percent FROM progress_update p WHERE"
                                          " p.task_id = t.id ORDER BY p.reported_on DESC, p.id"
                                          " DESC LIMIT 1)"),
                     0);
    struct store_options o = {.busy_timeout_ms = 1000, .user = "check"};
    assert_int_equal(store_open(&ps.st, ps.db, &o, &err), 0);
    assert_int_equal(store_check(ps.st, print_problem, NULL, &err), 0);
    plan_store_close(&ps);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_eight_sessions_lose_no_save),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
