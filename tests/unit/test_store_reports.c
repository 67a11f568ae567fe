/* The reporting calendar in the store: instances made from the plan's rules, stable on a
 * second run, and a changed rule moves only the reports still to come. */
#include <stdlib.h>
#include <string.h>

#include "store_helpers.h"

#include "tiendo/store_reports.h"
#include "tiendo/store_tasks.h"
#include "tiendo/subgrid.h"

static struct plan_store ps;
static struct store *st;

static int setup_each(void **state)
{
    (void)state;
    plan_store_open(&ps);
    st = ps.st;
    return 0;
}

static int teardown_each(void **state)
{
    (void)state;
    plan_store_close(&ps);
    return 0;
}

struct seen {
    int n;
    char due[32][11], period[32][16], rule[32][16], key[32][32];
};

static int on_report(void *ctx, const char *key, const char *rule, const char *title,
                     const char *period, const char *due, const char *units)
{
    (void)title;
    (void)units;
    struct seen *s = ctx;
    if (s->n < 32) {
        snprintf(s->due[s->n], sizeof s->due[0], "%s", due);
        snprintf(s->period[s->n], sizeof s->period[0], "%s", period);
        snprintf(s->rule[s->n], sizeof s->rule[0], "%s", rule);
        snprintf(s->key[s->n], sizeof s->key[0], "%s", key);
    }
    s->n++;
    return 0;
}

static const char *due_of(const struct seen *s, const char *period)
{
    for (int i = 0; i < s->n && i < 32; i++)
        if (strcmp(s->period[i], period) == 0)
            return s->due[i];
    return "";
}

static void test_the_calendar_has_every_report_once_in_date_order(void **state)
{
    (void)state;
    struct td_err err = {0};
    td_date today;
    assert_int_equal(date_parse_iso("2026-11-27", &today), 0);
    /* Eight annual reports (2022..2029), the mid-term and the final one. */
    assert_int_equal(store_sync_reports(st, today, &err), 10);
    assert_int_equal(store_sync_reports(st, today, &err), 0);
    struct seen s = {0};
    assert_int_equal(store_report_each(st, on_report, &s, &err), 0);
    assert_int_equal(s.n, 10);
    for (int i = 1; i < s.n; i++)
        assert_true(strcmp(s.due[i - 1], s.due[i]) <= 0);
    assert_string_equal(due_of(&s, "2021-2025"), "2025-10-31");
    assert_string_equal(due_of(&s, "2024"), "2025-01-15");
}

static void test_a_changed_rule_moves_only_the_reports_to_come(void **state)
{
    (void)state;
    struct td_err err = {0};
    td_date today;
    assert_int_equal(date_parse_iso("2026-11-27", &today), 0);
    assert_int_equal(store_sync_reports(st, today, &err), 10);
    /* The annual report is now due on 20 February and the plan stops at 2027. */
    for (size_t i = 0; i < ps.plan.nreport_rules; i++)
        if (strcmp(ps.plan.report_rules[i].kind, "annual") == 0) {
            ps.plan.report_rules[i].due_month = 2;
            ps.plan.report_rules[i].due_day = 20;
            ps.plan.report_rules[i].last_year = 2027;
        }
    assert_int_equal(store_sync_plan(st, &ps.plan, &err), 0);
    /* 2026 and 2027 move; 2028 and 2029 are set aside. */
    assert_int_equal(store_sync_reports(st, today, &err), 4);
    struct seen s = {0};
    assert_int_equal(store_report_each(st, on_report, &s, &err), 0);
    assert_int_equal(s.n, 8);
    assert_string_equal(due_of(&s, "2025"), "2026-01-15"); /* past: kept as it was */
    assert_string_equal(due_of(&s, "2026"), "2027-02-20");
    assert_string_equal(due_of(&s, "2027"), "2028-02-20");
    assert_string_equal(due_of(&s, "2028"), "");
}

static void test_a_submission_is_counted_and_a_stale_one_refused(void **state)
{
    (void)state;
    struct td_err err = {0};
    td_date today;
    assert_int_equal(date_parse_iso("2026-02-01", &today), 0);
    assert_int_equal(store_sync_reports(st, today, &err), 10);
    struct report_row rows[16];
    int n = 0;
    assert_int_equal(store_report_list(st, "2026-02-01", rows, 16, &n, &err), 0);
    assert_int_equal(n, 10);
    /* Overdue first: every annual report up to 2025 and the mid-term one, oldest first. */
    assert_string_equal(rows[0].due, "2023-01-15");
    assert_int_equal(rows[0].expected, 10);
    assert_int_equal(rows[0].submitted, 0);
    assert_string_equal(rows[5].due, "2027-01-15"); /* then what is to come */
    long id = rows[4].id;                           /* the annual report on 2025 */
    assert_string_equal(rows[4].due, "2026-01-15");

    struct submission_row subs[16];
    assert_int_equal(store_submission_list(st, id, subs, 16, &n, &err), 0);
    assert_int_equal(n, 10);
    assert_int_equal(subs[0].id, 0);
    struct submission_row mine = subs[0], theirs = subs[0];
    snprintf(mine.submitted_on, sizeof mine.submitted_on, "2026-01-20");
    snprintf(mine.doc_number, sizeof mine.doc_number, "12/BC-VP");
    assert_int_equal(store_submission_save(st, id, "2026-02-01", &mine, &err), 0);
    /* Someone who opened it before cannot overwrite it unseen. */
    snprintf(theirs.submitted_on, sizeof theirs.submitted_on, "2026-01-10");
    assert_int_equal(store_submission_save(st, id, "2026-02-01", &theirs, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    /* A date after today is refused. */
    snprintf(mine.submitted_on, sizeof mine.submitted_on, "2026-02-02");
    assert_int_equal(store_submission_save(st, id, "2026-02-01", &mine, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);

    assert_int_equal(store_report_list(st, "2026-02-01", rows, 16, &n, &err), 0);
    assert_int_equal(rows[4].id, id);
    assert_int_equal(rows[4].submitted, 1);
    assert_int_equal(rows[4].on_time, 0); /* late: after 15 January */
    assert_int_equal(store_submission_list(st, id, subs, 16, &n, &err), 0);
    assert_string_equal(subs[0].submitted_on, "2026-01-20");
    assert_string_equal(subs[0].doc_number, "12/BC-VP");
    assert_int_equal(subs[0].version, 1);

    struct report_dashboard d;
    assert_int_equal(store_report_dashboard(st, "2026-02-01", "2026-03-03", &d, &err), 0);
    assert_int_equal(d.overdue, 5);
    assert_int_equal(d.due_soon, 0);
    assert_string_equal(d.last_annual, "2025");
    assert_int_equal(d.late_units, 9);
    assert_int_equal(d.expected_units, 10);
    assert_string_equal(d.next_meeting, ""); /* the demo's conferences have no date */
    /* A month before the 2027 deadline, it is due soon. */
    assert_int_equal(store_report_dashboard(st, "2026-12-20", "2027-01-19", &d, &err), 0);
    assert_int_equal(d.due_soon, 1);
}

static void test_a_rule_for_a_kind_or_a_list_expects_only_those_units(void **state)
{
    (void)state;
    struct td_err err = {0};
    td_date today;
    assert_int_equal(date_parse_iso("2026-02-01", &today), 0);
    for (size_t i = 0; i < ps.plan.nreport_rules; i++) {
        free(ps.plan.report_rules[i].units);
        ps.plan.report_rules[i].units = strdup(
            strcmp(ps.plan.report_rules[i].kind, "annual") == 0 ? "kind:province" : "PC, QLTT");
    }
    assert_int_equal(store_sync_plan(st, &ps.plan, &err), 0);
    assert_true(store_sync_reports(st, today, &err) > 0);
    struct report_row rows[16];
    int n = 0;
    assert_int_equal(store_report_list(st, "2026-02-01", rows, 16, &n, &err), 0);
    for (int i = 0; i < n; i++)
        assert_int_equal(rows[i].expected, strcmp(rows[i].rule, "annual") == 0 ? 3 : 2);
    struct submission_row subs[16];
    for (int i = 0; i < n; i++)
        if (strcmp(rows[i].rule, "annual") != 0) {
            assert_int_equal(store_submission_list(st, rows[i].id, subs, 16, &n, &err), 0);
            assert_int_equal(n, 2);
            assert_true(strcmp(subs[0].code, "PC") == 0 || strcmp(subs[1].code, "PC") == 0);
            assert_true(strcmp(subs[0].code, "QLTT") == 0 || strcmp(subs[1].code, "QLTT") == 0);
            break;
        }
}

struct grid {
    long report_id;
    int cells, in;
};

static int on_cell(void *ctx, long report_id, long unit_id, const char *submitted_on)
{
    struct grid *g = ctx;
    (void)unit_id;
    if (report_id == g->report_id) {
        g->cells++;
        g->in += submitted_on[0] != '\0';
    }
    return 0;
}

/* An ad-hoc report asked of two units: it is on the schedule for those two only, a sync leaves
 * it alone, an unknown unit or a stale version changes nothing, and the grid shows its cells. */
static void test_an_ad_hoc_report_for_two_units(void **state)
{
    (void)state;
    struct td_err err = {0};
    td_date today;
    assert_int_equal(date_parse_iso("2026-02-01", &today), 0);
    assert_int_equal(store_sync_reports(st, today, &err), 10);
    struct report_row r = {0};
    snprintf(r.title, sizeof r.title, "Báo cáo nhanh về giá xăng dầu");
    snprintf(r.due, sizeof r.due, "2026-03-10");
    snprintf(r.requester, sizeof r.requester, "Bộ trưởng");
    snprintf(r.units, sizeof r.units, "PC QLTT, NOPE");
    assert_int_equal(store_report_save_adhoc(st, &r, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);
    assert_non_null(strstr(err.msg, "NOPE"));
    assert_int_equal(plan_store_long(&ps, "SELECT count(*) FROM report WHERE rule_id IS NULL"), 0);
    snprintf(r.units, sizeof r.units, "PC QLTT");
    assert_int_equal(store_report_save_adhoc(st, &r, &err), 0);
    assert_string_equal(r.units, "PC, QLTT");
    assert_string_equal(r.period, "2026");
    assert_int_equal(store_sync_reports(st, today, &err), 0);

    struct report_row rows[16];
    int n = 0;
    assert_int_equal(store_report_list(st, "2026-02-01", rows, 16, &n, &err), 0);
    assert_int_equal(n, 11);
    int at = -1;
    for (int i = 0; i < n; i++)
        if (rows[i].id == r.id)
            at = i;
    assert_true(at >= 0);
    assert_string_equal(rows[at].rule, "adhoc");
    assert_string_equal(rows[at].requester, "Bộ trưởng");
    assert_int_equal(rows[at].expected, 2);

    /* Issue 14: two reports made by hand in one year had one calendar key (adhoc-2026). */
    struct report_row second = {0};
    snprintf(second.title, sizeof second.title, "Báo cáo nhanh thứ hai");
    snprintf(second.due, sizeof second.due, "2026-04-10");
    snprintf(second.units, sizeof second.units, "PC");
    assert_int_equal(store_report_save_adhoc(st, &second, &err), 0);
    struct seen seen = {0};
    assert_int_equal(store_report_each(st, on_report, &seen, &err), 0);
    char want_first[32], want_second[32];
    snprintf(want_first, sizeof want_first, "adhoc-%ld", r.id);
    snprintf(want_second, sizeof want_second, "adhoc-%ld", second.id);
    int found = 0;
    for (int i = 0; i < seen.n && i < 32; i++) {
        found += strcmp(seen.key[i], want_first) == 0 || strcmp(seen.key[i], want_second) == 0;
        for (int j = 0; j < i; j++)
            assert_string_not_equal(seen.key[i], seen.key[j]);
        if (strcmp(seen.rule[i], "adhoc") != 0) { /* a rule's key stays RULE-PERIOD */
            char want[48];
            snprintf(want, sizeof want, "%s-%s", seen.rule[i], seen.period[i]);
            assert_string_equal(seen.key[i], want);
        }
    }
    assert_int_equal(found, 2);

    struct report_row stale = rows[at];
    snprintf(r.due, sizeof r.due, "2026-03-20");
    assert_int_equal(store_report_save_adhoc(st, &r, &err), 0);
    assert_int_equal(store_report_save_adhoc(st, &stale, &err), -1);
    assert_int_equal(err.status, TD_E_CONFLICT);
    assert_int_equal(
        plan_store_long(&ps, "SELECT count(*) FROM report WHERE due_date = '2026-03-20'"), 1);
    /* A report made by a rule is changed in the plan file, not here. */
    struct report_row ruled = rows[0];
    assert_int_equal(store_report_save_adhoc(st, &ruled, &err), -1);
    assert_int_equal(err.status, TD_E_INVALID);

    struct submission_row subs[4];
    assert_int_equal(store_submission_list(st, r.id, subs, 4, &n, &err), 0);
    assert_int_equal(n, 2);
    snprintf(subs[1].submitted_on, sizeof subs[1].submitted_on, "2026-01-30");
    assert_int_equal(store_submission_save(st, r.id, "2026-02-01", &subs[1], &err), 0);
    struct grid g = {r.id, 0, 0};
    assert_int_equal(store_submission_grid(st, on_cell, &g, &err), 0);
    assert_int_equal(g.cells, 2);
    assert_int_equal(g.in, 1);
}

static int add_report(void *ctx, const struct report_row *r)
{
    return sub_grid_add_report(ctx, r->id, r->rule, r->period, r->due, r->title);
}

static int add_unit(void *ctx, const struct unit_choice *u)
{
    return sub_grid_add_unit(ctx, u->id);
}

/* The submission matrix: its columns by due date, and every cell the store hands finds its
 * place in the grid (units and reports by id): the annual report on 2024 expected of every
 * unit, one of them in on time. */
static void test_the_matrix_by_due_date(void **state)
{
    (void)state;
    struct td_err err = {0};
    td_date today;
    assert_int_equal(date_parse_iso("2026-11-27", &today), 0);
    assert_int_equal(store_sync_reports(st, today, &err), 10);
    struct sub_grid g;
    sub_grid_init(&g, today, 14, "%d/%m/%Y");
    assert_int_equal(store_report_by_due_each(st, add_report, &g, &err), 0);
    assert_int_equal(store_unit_each(st, add_unit, &g, &err), 0);
    assert_int_equal(id_index_count(&g.reports), 10);
    assert_true(id_index_count(&g.units) > 2);
    assert_int_equal(sub_grid_ready(&g), 0);
    struct report_row rows[16];
    int n = 0;
    assert_int_equal(store_report_list(st, "", rows, 16, &n, &err), 0);
    long annual_2024 = 0;
    for (int i = 0; i < n; i++)
        annual_2024 = strcmp(rows[i].period, "2024") == 0 ? rows[i].id : annual_2024;
    struct submission_row subs[128];
    assert_int_equal(store_submission_list(st, annual_2024, subs, 128, &n, &err), 0);
    snprintf(subs[0].submitted_on, sizeof subs[0].submitted_on, "2025-01-10");
    assert_int_equal(store_submission_save(st, annual_2024, "2026-11-27", &subs[0], &err), 0);
    assert_int_equal(store_submission_grid(st, sub_grid_submission, &g, &err), 0);
    /* 2024's is the third column (2022, 2023, then 2024 due 15 January 2025). */
    struct report_rate r = sub_grid_rate(&g, -1, 2);
    assert_int_equal(r.expected, (int)id_index_count(&g.units));
    assert_int_equal(r.submitted, 1);
    assert_int_equal(r.on_time, 1);
    assert_int_equal(sub_grid_status(&g, 0, 2), SUB_ON_TIME);
    assert_int_equal(sub_grid_status(&g, 1, 2), SUB_OVERDUE);
    sub_grid_free(&g);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup_each, teardown_each)
    const struct CMUnitTest tests[] = {
        T(test_the_calendar_has_every_report_once_in_date_order),
        T(test_a_changed_rule_moves_only_the_reports_to_come),
        T(test_a_submission_is_counted_and_a_stale_one_refused),
        T(test_a_rule_for_a_kind_or_a_list_expects_only_those_units),
        T(test_an_ad_hoc_report_for_two_units),
        T(test_the_matrix_by_due_date),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
