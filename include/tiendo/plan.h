/* A plan definition as read from a plan INI file: the settings side of a plan, which the
 * store synchronises into the database. Plain data; all strings owned by the plan_def. */
#ifndef TIENDO_PLAN_H
#define TIENDO_PLAN_H

#include <stdbool.h>
#include <stddef.h>

struct plan_phase {
    char *code, *name;
    long start_year, end_year;
};

/* An entry of a plan vocabulary: rating levels, evaluation measures, task groups,
 * conference kinds, communication activity kinds. */
struct plan_item {
    char *code, *label, *detail;
    long order, score;
};

struct plan_criterion {
    char *code, *label, *wording;
    char *facts; /* which facts the evaluation screen shows beside it (see tiendo.ini(5)) */
    long order;
};

struct plan_unit {
    char *code, *name, *kind;
    long order;
};

struct plan_report_rule {
    char *code, *kind, *title; /* kind: annual, oneoff, adhoc */
    char *covers;              /* annual: year; oneoff: a phase code or "plan" */
    long due_month, due_day, due_year_offset, first_year, last_year;
    char *due_date; /* oneoff: YYYY-MM-DD */
    char *units;    /* "all", "kind:KIND", or a comma list of unit codes */
};

struct plan_conference {
    char *code, *kind, *title, *date, *covers;
};

struct plan_range {
    double low, high;
    bool set;
};

struct plan_target {
    long year;
    double low, high;
};

struct plan_indicator {
    char *code, *name, *measure_unit, *owner, *kind, *direction, *source;
    char *short_name; /* what lists show, "" for the name itself */
    long order;
    struct plan_target *targets;
    size_t ntargets;
};

/* Demo rows: only loaded by `init --demo`, and marked as demo data. */
struct plan_demo_task {
    char *code, *group, *title, *description, *lead, *coop, *phase, *start, *due, *output,
        *priority, *integrated_on, *integrated_doc;
};

struct plan_demo_progress {
    char *task, *date, *status, *done, *difficulties, *proposals, *by;
    long percent;
};

struct plan_demo_value {
    char *indicator, *note;
    long year;
    double value;
    bool baseline;
};

#define PLAN_ARRAY(type, name)                                                                     \
    type *name;                                                                                    \
    size_t n##name

struct plan_def {
    char *code, *title, *short_title, *decision, *strategy, *demo_file;
    long start_year, end_year;
    char *source_path;
    char source_hash[17];
    PLAN_ARRAY(struct plan_phase, phases);
    PLAN_ARRAY(struct plan_item, ratings);
    PLAN_ARRAY(struct plan_criterion, criteria);
    PLAN_ARRAY(struct plan_item, measures);
    PLAN_ARRAY(struct plan_item, groups);
    PLAN_ARRAY(struct plan_unit, units);
    PLAN_ARRAY(struct plan_report_rule, report_rules);
    PLAN_ARRAY(struct plan_item, conference_kinds);
    PLAN_ARRAY(struct plan_conference, conferences);
    PLAN_ARRAY(struct plan_item, activity_kinds);
    PLAN_ARRAY(struct plan_indicator, indicators);
    /* Demo data, filled by plan_load_demo. */
    PLAN_ARRAY(struct plan_demo_task, demo_tasks);
    PLAN_ARRAY(struct plan_demo_progress, demo_progress);
    PLAN_ARRAY(struct plan_demo_value, demo_values);
};

#endif
