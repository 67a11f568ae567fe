/* A report draft's data: plain values, assembled for one period by store_draft_build
 * (src/store, period-true) and written by report_write (src/export). No database handle here. */
#ifndef TIENDO_DRAFT_H
#define TIENDO_DRAFT_H

#include <stdbool.h>

enum draft_kind { DRAFT_ANNUAL, DRAFT_MIDTERM, DRAFT_FINAL, DRAFT_ADHOC };

#define DRAFT_CRITERIA 8
/* At most this many tasks needing attention are listed, the most pressing first (overdue
 * longest, then behind schedule, then due in the period); the summaries count them all. */
#define DRAFT_ATTENTION_MAX 1000

struct report_task {
    const char *code, *title, *unit, *group, *due, *status;
    int percent;                    /* as of the period's end */
    bool overdue, behind, due_open; /* due_open: due within the period and not done */
};

/* One criterion's evaluation of a unit; rating NULL when the unit has none for it. */
struct report_eval {
    const char *rating, *comment, *evidence, *measure;
};

struct report_unit {
    const char *code, *name;
    long tasks, integrated, done, overdue, behind;
    double avg_percent;
    bool evaluated;                           /* at least one criterion rated for the period */
    struct report_eval evals[DRAFT_CRITERIA]; /* by criterion, as report_data.criteria_codes */
};

/* The tasks of one group (name "" for none), as of the period's end. */
struct report_group {
    const char *name;
    long tasks, done, overdue, behind;
    double avg_percent;
};

struct report_indicator {
    const char *code, *name, *measure_unit, *verdict;
    int verdict_class; /* 0 not enough data, 1 on track, 2 at risk, 3 off track */
    bool has_baseline, has_latest, has_projection, has_required, has_target;
    int baseline_year, latest_year, target_year, remaining;
    double baseline_value, latest, projection, required, low, high;
    int years[64];
    double values[64];
    int nvalues;
};

struct report_note {
    const char *date, *task, *unit, *text;
};

/* A proposed adjustment: where it comes from (an evaluation, a progress update, a conference). */
struct report_adjustment {
    const char *source, *date, *unit, *text;
};

struct report_inspection {
    const char *date, *kind, *units, *scope, *findings, *recommendations;
};

struct report_meeting {
    const char *date, *kind, *title, *conclusions;
};

struct report_activity {
    const char *date, *kind, *channel, *unit, *title, *reach, *status;
};

struct report_count {
    const char *label;
    long n;
};

/* One unit expected to submit a report instance. */
enum report_sub_state { RSUB_ON_TIME, RSUB_LATE, RSUB_MISSING, RSUB_NOT_DUE };
struct report_submitter {
    const char *code, *name, *date; /* date submitted, displayed; "" when none */
    enum report_sub_state state;
};

struct report_due {
    const char *title, *period, *due;
    long expected, on_time, late, missing;
    const struct report_submitter *units;
    int nunits;
};

/* The presentation of administrative documents (Decree 30/2020/ND-CP, Appendix I), for
 * Vietnamese drafts: "" where the office fills it in by hand. */
struct report_letterhead {
    bool official; /* lay the draft out so (Vietnamese drafts) */
    const char *issuer, *issuer_unit, *symbol, *place, *recipients, *signer_position, *signer_name;
    int year, month, day; /* the date the draft was made */
};

struct draft_mem; /* what store_draft_free releases */

struct report_data {
    enum draft_kind kind;
    const char *title;        /* e.g. "Báo cáo chuyên đề năm 2025" */
    const char *plan_title;   /* the plan's full title */
    const char *period_label; /* "2025", "2021–2025" */
    const char *as_of;        /* the date the figures are true for, displayed */
    const char *generated;    /* the date it was made, as displayed */
    const char *unit_filter;  /* a unit's name, or NULL for the whole plan */
    bool demo;                /* the data holds demo rows */
    bool all_tasks;           /* every task listed, not only those needing attention */
    const char *lang;         /* "vi" or "en": how numbers are written (12,6 or 12.6) */
    /* An ad-hoc request: who asked, what for, its deadline. NULL for the other kinds. */
    const char *requester, *subject, *deadline;
    /* The plan's criteria (a)–(d) and any further ones: code and short label. criteria_facts
     * says which computed facts go with each: 0 integration, 1 progress, 2 targets,
     * 3 difficulties, -1 none. */
    const char *criteria_codes[DRAFT_CRITERIA], *criteria_labels[DRAFT_CRITERIA];
    int criteria_facts[DRAFT_CRITERIA];
    int ncriteria;
    const char *eval_period; /* the evaluation period the draft shows ("2025", "2021-2025") */
    const struct report_unit *units;
    int nunits;
    long tasks_total;     /* tasks of the period, listed or not */
    long attention_total; /* of those, the ones needing attention */
    const struct report_task *tasks;
    int ntasks;
    const struct report_group *groups;
    int ngroups;
    const struct report_indicator *indicators;
    int nindicators;
    const struct report_note *difficulties;
    int ndifficulties;
    const struct report_adjustment *adjustments;
    int nadjustments;
    const struct report_inspection *inspections;
    int ninspections;
    const struct report_meeting *meetings;
    int nmeetings;
    const struct report_activity *activities;
    int nactivities;
    const struct report_count *activity_kinds;
    int nactivity_kinds;
    const struct report_due *reports;
    int nreports;
    long reports_expected, reports_on_time, reports_late, reports_missing;
    struct report_letterhead head;
    struct draft_mem *mem;
};

#endif
