/* Who may do what, enforced by the store itself: the users of [users] in the database, each
 * role against each kind of write (allowed and refused, and a refusal changes nothing), the
 * period lock, and the audit trail as each role sees it. */
#include <stdlib.h>
#include <string.h>

#include "store_helpers.h"

#include "tiendo/store_activities.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_inspect.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_targets.h"
#include "tiendo/store_tasks.h"
#include "tiendo/store_users.h"

static struct plan_store ps;

static struct user_def users[3];

static int setup_each(void **state)
{
    (void)state;
    plan_store_open(&ps);
    struct td_err err = {0};
    assert_int_equal(plan_file_load_demo(&ps.plan, NULL, NULL, &err), 0);
    assert_true(store_load_demo(ps.st, &ps.plan, &err) > 0);
    char why[256];
    assert_int_equal(user_def_parse("boss", "admin", &users[0], why, sizeof why), 0);
    assert_int_equal(user_def_parse("lan", "editor: VTTTN", &users[1], why, sizeof why), 0);
    assert_int_equal(user_def_parse("xem", "viewer", &users[2], why, sizeof why), 0);
    assert_int_equal(store_sync_users(ps.st, users, 3, &err), 0);
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    plan_store_close(&ps);
    return 0;
}

/* A session of its own for login, today pinned, periods locked 30 days after they end. */
static struct store *open_as(const char *login, const char *today)
{
    struct store_options o = {.busy_timeout_ms = 1000, .user = login, .lock_after_days = 30};
    assert_int_equal(date_parse_iso(today, &o.today), 0);
    struct store *st = NULL;
    struct td_err err = {0};
    if (store_open(&st, ps.db, &o, &err) != 0 || store_login(st, login, false, &err) != 0)
        fail_msg("%s", err.msg);
    return st;
}

static long task_id(const char *code)
{
    char sql[128];
    snprintf(sql, sizeof sql, "SELECT id FROM task WHERE code = '%s'", code);
    return plan_store_long(&ps, sql);
}

static long audit_rows(void)
{
    return plan_store_long(&ps, "SELECT count(*) FROM audit_log");
}

static void test_users_are_synchronised_once_and_unknown_ones_refused(void **state)
{
    (void)state;
    struct td_err err = {0};
    long before = audit_rows();
    assert_int_equal(before, 3); /* one row per user added */
    /* Again the same: nothing is written. */
    assert_int_equal(store_sync_users(ps.st, users, 3, &err), 0);
    assert_int_equal(audit_rows(), before);
    /* A unit the plan lacks is named, and nothing changes. */
    struct user_def bad[2] = {users[0], users[1]};
    snprintf(bad[1].units, sizeof bad[1].units, "VTTTN,NOPE");
    assert_int_equal(store_sync_users(ps.st, bad, 2, &err), -1);
    assert_int_equal(err.status, TD_E_CONFIG);
    assert_non_null(strstr(err.msg, "[users] lan"));
    assert_non_null(strstr(err.msg, "NOPE"));
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM app_user WHERE active = 1"), 3);
    /* xem leaves the file: xem can no longer work; lan moves to TMDT. */
    snprintf(bad[1].units, sizeof bad[1].units, "TMDT");
    assert_int_equal(store_sync_users(ps.st, bad, 2, &err), 0);
    assert_int_equal(audit_rows(), before + 2);
    struct store_options o = {.busy_timeout_ms = 1000, .user = "xem"};
    struct store *st = NULL;
    assert_int_equal(store_open(&st, ps.db, &o, &err), 0);
    assert_int_equal(store_login(st, "xem", false, &err), -1);
    assert_int_equal(err.status, TD_E_DENIED);
    assert_non_null(strstr(err.msg, "[users]"));
    /* The database file's owner outside restricted mode works as admin all the same. */
    assert_int_equal(store_login(st, "xem", true, &err), 0);
    assert_int_equal(store_role(st), USER_ADMIN);
    /* Logins are Unix logins, compared in lower case. */
    assert_int_equal(store_login(st, "LAN", false, &err), 0);
    assert_int_equal(store_role(st), USER_EDITOR);
    assert_string_equal(store_user(st), "lan");
    char units[64];
    store_user_units(st, units, sizeof units);
    assert_string_equal(units, "TMDT");
    assert_int_equal(store_login(st, "a;b", false, &err), -1);
    store_close(st);
}

static void test_without_users_only_the_owner_works_as_admin(void **state)
{
    (void)state;
    struct td_err err = {0};
    assert_int_equal(store_sync_users(ps.st, NULL, 0, &err), 0); /* everyone retired */
    struct store_options o = {.busy_timeout_ms = 1000, .user = "khach"};
    struct store *st = NULL;
    assert_int_equal(store_open(&st, ps.db, &o, &err), 0);
    assert_int_equal(store_login(st, "khach", false, &err), -1);
    assert_int_equal(err.status, TD_E_DENIED);
    assert_non_null(strstr(err.msg, "no users are declared"));
    assert_int_equal(store_login(st, "khach", true, &err), 0);
    assert_int_equal(store_role(st), USER_ADMIN);
    store_close(st);
}

/* What each write returns for one session: 0 allowed, else the status. */
struct outcome {
    int progress_mine, progress_other, task_edit, import, submission_mine, submission_other,
        value_mine, value_other, evaluation, inspection, meeting, activity, adhoc;
};

static int status_of(int rc, const struct td_err *err)
{
    return rc == 0 ? 0 : (int)err->status;
}

static void ignore_problem(void *ctx, int index, const char *msg)
{
    (void)ctx;
    (void)index;
    (void)msg;
}

static struct outcome try_everything(struct store *st, int year)
{
    struct outcome out;
    struct td_err err = {0};
    struct progress_input in = {0};
    assert_int_equal(date_parse_iso("2026-02-01", &in.date), 0);
    in.percent = 55;
    in.status = ST_IN_PROGRESS;
    in.done = "Đã họp";
    out.progress_mine = status_of(store_progress_add(st, task_id("II.1"), 0, &in, &err), &err);
    out.progress_other = status_of(store_progress_add(st, task_id("I.1"), 0, &in, &err), &err);
    struct task_detail d;
    assert_int_equal(store_task_get(st, task_id("II.1"), &d, &err), 0);
    out.task_edit = status_of(store_task_delete(st, d.row.id, d.row.version, &err), &err);
    struct task_new t = {"IX.1", "Mới", "", "", "", "VTTTN", "", "", "", "", "normal", "", ""};
    int problems = store_task_import(st, &t, 1, false, "t.csv", "0", ignore_problem, NULL, &err);
    out.import = problems < 0 ? (int)err.status : problems * 100;

    td_date today;
    assert_int_equal(date_parse_iso("2026-02-01", &today), 0);
    struct report_row reports[16];
    int n = 0;
    assert_int_equal(store_report_list(st, "2026-02-01", reports, 16, &n, &err), 0);
    long report = reports[4].id; /* the annual report on 2025, due 2026-01-15 */
    struct submission_row subs[16];
    assert_int_equal(store_submission_list(st, report, subs, 16, &n, &err), 0);
    struct submission_row vtttn = subs[0], pc = subs[2];
    assert_string_equal(vtttn.code, "VTTTN");
    assert_string_equal(pc.code, "PC");
    snprintf(vtttn.submitted_on, sizeof vtttn.submitted_on, "2026-01-20");
    snprintf(pc.submitted_on, sizeof pc.submitted_on, "2026-01-20");
    out.submission_mine =
        status_of(store_submission_save(st, report, "2026-02-01", &vtttn, &err), &err);
    out.submission_other =
        status_of(store_submission_save(st, report, "2026-02-01", &pc, &err), &err);

    long mine = plan_store_long(&ps, "SELECT id FROM indicator WHERE code = 'TMTN-TT'");
    long other = plan_store_long(&ps, "SELECT id FROM indicator WHERE code = 'TMDT-TT'");
    out.value_mine =
        status_of(store_indicator_value_set(st, mine, year, false, 9.1, NULL, &err), &err);
    out.value_other =
        status_of(store_indicator_value_set(st, other, year, false, 9, NULL, &err), &err);

    struct evaluation_row e = {0};
    e.criterion_id = plan_store_long(&ps, "SELECT min(id) FROM criterion");
    long unit = plan_store_long(&ps, "SELECT id FROM unit WHERE code = 'VTTTN'");
    out.evaluation = status_of(store_evaluation_save(st, "2026", unit, &e, 1, &err), &err);
    struct inspection_row ins = {0};
    snprintf(ins.kind, sizeof ins.kind, "survey");
    snprintf(ins.scope, sizeof ins.scope, "Khảo sát");
    out.inspection = status_of(store_inspection_save(st, &ins, &err), &err);
    struct meeting_row m = {0};
    snprintf(m.title, sizeof m.title, "Họp giao ban");
    out.meeting = status_of(store_meeting_save(st, &m, &err), &err);
    struct activity_row a = {0};
    snprintf(a.title, sizeof a.title, "Bài báo");
    snprintf(a.status, sizeof a.status, "planned");
    out.activity = status_of(store_activity_save(st, &a, &err), &err);
    struct report_row r = {0};
    snprintf(r.title, sizeof r.title, "Báo cáo đột xuất");
    snprintf(r.due, sizeof r.due, "2026-03-01");
    snprintf(r.rule, sizeof r.rule, "adhoc");
    out.adhoc = status_of(store_report_save_adhoc(st, &r, &err), &err);
    return out;
}

static void test_each_role_may_do_what_it_may_and_nothing_else(void **state)
{
    (void)state;
    struct td_err err = {0};
    td_date today;
    assert_int_equal(date_parse_iso("2026-02-01", &today), 0);
    assert_true(store_sync_reports(ps.st, today, &err) > 0);
    long tasks = plan_store_long(&ps, "SELECT count(*) FROM task WHERE deleted = 0");
    long updates = plan_store_long(&ps, "SELECT count(*) FROM progress_update");

    /* A viewer changes nothing, and the database says so afterwards. */
    long audit = audit_rows();
    struct store *st = open_as("xem", "2026-02-01");
    struct outcome v = try_everything(st, 2026);
    store_close(st);
    const int *vo = (const int *)&v;
    for (size_t i = 0; i < sizeof v / sizeof(int); i++)
        if (vo[i] != TD_E_DENIED)
            fail_msg("viewer: write %zu gave %d, not refused", i, vo[i]);
    assert_int_equal(audit_rows(), audit);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM progress_update"), updates);

    /* An editor of VTTTN: progress, submissions and values of VTTTN only. */
    st = open_as("lan", "2026-02-01");
    struct outcome e = try_everything(st, 2027);
    store_close(st);
    assert_int_equal(e.progress_mine, 0);
    assert_int_equal(e.progress_other, TD_E_DENIED);
    assert_int_equal(e.task_edit, TD_E_DENIED);
    assert_int_equal(e.import, TD_E_DENIED);
    assert_int_equal(e.submission_mine, 0);
    assert_int_equal(e.submission_other, TD_E_DENIED);
    assert_int_equal(e.value_mine, 0);
    assert_int_equal(e.value_other, TD_E_DENIED);
    assert_int_equal(e.evaluation, TD_E_DENIED);
    assert_int_equal(e.inspection, TD_E_DENIED);
    assert_int_equal(e.meeting, TD_E_DENIED);
    assert_int_equal(e.activity, TD_E_DENIED);
    assert_int_equal(e.adhoc, TD_E_DENIED);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM progress_update"), updates + 1);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM task WHERE deleted = 0"), tasks);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM progress_update p JOIN task t"
                                          " ON t.id = p.task_id WHERE t.code = 'I.1'"
                                          " AND p.created_by = 'lan'"),
                     0);

    /* An admin may do all of it. */
    st = open_as("boss", "2026-02-01");
    struct outcome a = try_everything(st, 2028);
    store_close(st);
    const int *ao = (const int *)&a;
    for (size_t i = 0; i < sizeof a / sizeof(int); i++)
        if (ao[i] != 0)
            fail_msg("admin: write %zu gave %d, not allowed", i, ao[i]);
}

static void test_the_message_names_the_role_and_the_units(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct store *st = open_as("lan", "2026-02-01");
    struct progress_input in = {0};
    assert_int_equal(date_parse_iso("2026-02-01", &in.date), 0);
    in.percent = 10;
    in.status = ST_IN_PROGRESS;
    assert_int_equal(store_progress_add(st, task_id("I.1"), 0, &in, &err), -1);
    assert_string_equal(err.msg, "I.1: lan may enter progress only for VTTTN, not for PC");
    struct task_new t = {"IX.1", "Mới", "", "", "", "VTTTN", "", "", "", "", "normal", "", ""};
    assert_int_equal(store_task_create(st, &t, &(long){0}, &err), -1);
    assert_string_equal(err.msg, "only an admin may change the plan's tasks; lan is an editor");
    char what[64];
    store_close(st);
    st = open_as("xem", "2026-02-01");
    assert_int_equal(store_undo_last(st, what, sizeof what, &err), -1);
    assert_int_equal(err.status, TD_E_DENIED);
    store_close(st);
}

/* Issue 14: the lock message said "ended on 2026-01-15" (a report's due date, in ISO) while the
 * Periods screen said 31/12/2025; and a year outside the plan could be "reopened". */
static void test_lock_messages_state_the_real_end_as_people_read_dates(void **state)
{
    (void)state;
    struct td_err err = {0};
    long value = plan_store_long(&ps, "SELECT id FROM indicator WHERE code = 'TMTN-TT'");
    struct store *st = open_as("lan", "2026-03-01");
    assert_int_equal(store_indicator_value_set(st, value, 2025, false, 1, NULL, &err), -1);
    assert_string_equal(err.msg, "period 2025 is locked: it ended on 31/12/2025, more than 30 days "
                                 "ago; an admin can reopen it (tiendo period open 2025)");
    td_date sync_day;
    assert_int_equal(date_parse_iso("2025-06-01", &sync_day), 0);
    assert_true(store_sync_reports(ps.st, sync_day, &err) > 0);
    long report = plan_store_long(&ps, "SELECT id FROM report WHERE period = '2025'"
                                       " AND due_date = '2026-01-15'");
    struct submission_row subs[16];
    int n = 0;
    assert_int_equal(store_submission_list(st, report, subs, 16, &n, &err), 0);
    int mine = 0;
    while (mine < n && strcmp(subs[mine].code, "VTTTN") != 0)
        mine++;
    if (mine >= n)
        fail_msg("report %ld: %d units, first %s", report, n, n > 0 ? subs[0].code : "-");
    snprintf(subs[mine].submitted_on, sizeof subs[mine].submitted_on, "2026-01-10");
    assert_int_equal(store_submission_save(st, report, "2026-03-01", &subs[mine], &err), -1);
    assert_int_equal(err.status, TD_E_DENIED);
    assert_string_equal(err.msg, "period 2025 is locked: it ended on 31/12/2025 and its report "
                                 "was due on 15/01/2026, more than 30 days ago; an admin can "
                                 "reopen it (tiendo period open 2025)");
    store_close(st);

    st = open_as("boss", "2026-03-01");
    assert_int_equal(store_period_known(st, "2025", &err), 0);
    assert_int_equal(store_period_known(st, "2021-2025", &err), 0);
    assert_int_equal(store_period_known(st, "2021-2030", &err), 0); /* the final report's */
    const char *outside[] = {"1800", "2099", "2020", "2031", "02025", "20x5", "", "2025 "};
    for (size_t i = 0; i < sizeof outside / sizeof *outside; i++) {
        assert_int_equal(store_period_set_open(st, outside[i], true, &err), -1);
        assert_int_equal(err.status, TD_E_USAGE);
        assert_non_null(strstr(err.msg, "is not one of the plan's: a year from 2021 to 2030"));
    }
    store_close(st);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM period_open"), 0);
}

static void test_a_period_locks_after_its_days_and_an_admin_reopens_it(void **state)
{
    (void)state;
    struct td_err err = {0};
    long value = plan_store_long(&ps, "SELECT id FROM indicator WHERE code = 'TMTN-TT'");
    /* 2025 ended on 31 December; 30 days later (30 January) it is still open. */
    struct store *st = open_as("lan", "2026-01-30");
    assert_int_equal(store_indicator_value_set(st, value, 2025, false, 8.5, NULL, &err), 0);
    store_close(st);
    st = open_as("lan", "2026-01-31");
    assert_false(store_period_writable(st, "2025", "2025-12-31"));
    assert_int_equal(store_indicator_value_set(st, value, 2025, false, 9.5, &(double){8.5}, &err),
                     -1);
    assert_int_equal(err.status, TD_E_DENIED);
    assert_non_null(strstr(err.msg, "period 2025 is locked"));
    assert_int_equal(store_period_set_open(st, "2025", true, &err), -1); /* editors cannot */
    assert_int_equal(err.status, TD_E_DENIED);
    store_close(st);
    assert_int_equal(plan_store_long(&ps, "SELECT value * 10 FROM indicator_value"
                                          " WHERE indicator_id = (SELECT id FROM indicator"
                                          " WHERE code = 'TMTN-TT') AND year = 2025"),
                     85);

    st = open_as("boss", "2026-01-31");
    assert_int_equal(store_period_set_open(st, "2025", true, &err), 0);
    store_close(st);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM audit_log WHERE tbl ="
                                          " 'period_open' AND action = 'open' AND login = 'boss'"),
                     1);
    st = open_as("lan", "2026-06-01");
    assert_int_equal(store_indicator_value_set(st, value, 2025, false, 9.5, &(double){8.5}, &err),
                     0);
    store_close(st);
    st = open_as("boss", "2026-06-01");
    assert_int_equal(store_period_set_open(st, "2025", false, &err), 0);
    store_close(st);
    st = open_as("lan", "2026-06-01");
    assert_int_equal(store_indicator_value_set(st, value, 2025, false, 7, &(double){9.5}, &err),
                     -1);
    assert_int_equal(err.status, TD_E_DENIED);
    /* The year under way is not locked. */
    assert_int_equal(store_indicator_value_set(st, value, 2026, false, 7, NULL, &err), 0);
    store_close(st);
}

static int collect(void *ctx, const struct audit_row *r)
{
    char *buf = ctx;
    size_t len = strlen(buf);
    snprintf(buf + len, 4096 - len, "%s %s %s %s|", r->login, r->table, r->action, r->unit);
    return 0;
}

static void test_the_audit_trail_shows_each_role_its_share(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct progress_input in = {0};
    assert_int_equal(date_parse_iso("2026-02-01", &in.date), 0);
    in.percent = 40;
    in.status = ST_IN_PROGRESS;
    struct store *st = open_as("boss", "2026-02-01");
    assert_int_equal(store_progress_add(st, task_id("I.1"), 0, &in, &err), 0); /* PC */
    store_close(st);
    st = open_as("lan", "2026-02-01");
    assert_int_equal(store_progress_add(st, task_id("II.1"), 0, &in, &err), 0); /* VTTTN */
    char seen[4096] = "";
    struct audit_filter all = {0};
    assert_int_equal(store_audit_each(st, &all, false, 0, collect, seen, &err), 0);
    assert_string_equal(seen, "lan progress_update insert VTTTN|lan task progress VTTTN|");
    store_close(st);

    st = open_as("boss", "2026-02-01");
    seen[0] = '\0';
    struct audit_filter by_boss = {.login = "boss"};
    assert_int_equal(store_audit_each(st, &by_boss, true, 0, collect, seen, &err), 0);
    assert_string_equal(seen, "boss task progress PC|boss progress_update insert PC|");
    seen[0] = '\0';
    struct audit_filter later = {.since = "2999-01-01"};
    assert_int_equal(store_audit_each(st, &later, false, 0, collect, seen, &err), 0);
    assert_string_equal(seen, "");
    seen[0] = '\0';
    assert_int_equal(store_audit_each(st, &all, true, 1, collect, seen, &err), 0);
    assert_string_equal(seen, "lan task progress VTTTN|");
    store_close(st);
}

/* Every change carries the row before and after it. */
static void test_an_update_is_audited_with_its_old_and_new_values(void **state)
{
    (void)state;
    struct td_err err = {0};
    struct store *st = open_as("boss", "2026-02-01");
    struct inspection_row ins = {0};
    snprintf(ins.kind, sizeof ins.kind, "survey");
    snprintf(ins.scope, sizeof ins.scope, "Khảo sát chợ");
    assert_int_equal(store_inspection_save(st, &ins, &err), 0);
    snprintf(ins.scope, sizeof ins.scope, "Khảo sát chợ đầu mối");
    assert_int_equal(store_inspection_save(st, &ins, &err), 0);
    long value = plan_store_long(&ps, "SELECT id FROM indicator WHERE code = 'TMTN-TT'");
    assert_int_equal(store_indicator_value_set(st, value, 2026, false, 7, NULL, &err), 0);
    assert_int_equal(store_indicator_value_set(st, value, 2026, false, 8, &(double){7}, &err), 0);
    store_close(st);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM audit_log WHERE tbl = 'inspection'"
                                          " AND action = 'update' AND json_extract(old_values,"
                                          " '$.scope') = 'Khảo sát chợ' AND json_extract("
                                          "new_values, '$.scope') = 'Khảo sát chợ đầu mối'"),
                     1);
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM audit_log WHERE tbl = 'inspection'"
                                          " AND action = 'insert' AND old_values IS NULL"),
                     1);
    assert_int_equal(plan_store_long(&ps,
                                     "SELECT json_extract(old_values, '$.value') * 100 +"
                                     " json_extract(new_values, '$.value') FROM audit_log"
                                     " WHERE tbl = 'indicator_value' ORDER BY id DESC LIMIT 1"),
                     708);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_users_are_synchronised_once_and_unknown_ones_refused,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_without_users_only_the_owner_works_as_admin,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_each_role_may_do_what_it_may_and_nothing_else,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_the_message_names_the_role_and_the_units, setup_each,
                                        teardown_each),
        cmocka_unit_test_setup_teardown(test_a_period_locks_after_its_days_and_an_admin_reopens_it,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_lock_messages_state_the_real_end_as_people_read_dates,
                                        setup_each, teardown_each),
        cmocka_unit_test_setup_teardown(test_the_audit_trail_shows_each_role_its_share, setup_each,
                                        teardown_each),
        cmocka_unit_test_setup_teardown(test_an_update_is_audited_with_its_old_and_new_values,
                                        setup_each, teardown_each),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
