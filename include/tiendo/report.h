/* Report drafts (annual thematic, mid-term, final) in Markdown or HTML, from plain data:
 * the sections follow the plan's evaluation contents. No database handle here. */
#ifndef TIENDO_REPORT_H
#define TIENDO_REPORT_H

#include <stdbool.h>
#include <stdio.h>

enum report_format { REPORT_MD, REPORT_HTML };

struct report_task {
    const char *code, *title, *unit, *group, *due, *status;
    int percent;
    bool overdue, behind;
};

struct report_unit {
    const char *code, *name;
    long tasks, integrated, done, overdue, behind;
    double avg_percent;
};

struct report_indicator {
    const char *code, *name, *measure_unit, *verdict;
    int verdict_class; /* 0 not enough data, 1 on track, 2 at risk, 3 off track */
    bool has_baseline, has_latest, has_projection, has_required, has_target;
    int baseline_year, latest_year, target_year;
    double baseline_value, latest, projection, required, low, high;
    int years[64];
    double values[64];
    int nvalues;
};

struct report_note {
    const char *date, *task, *unit, *text;
};

struct report_inspection {
    const char *date, *kind, *units, *scope, *findings, *recommendations;
};

struct report_meeting {
    const char *date, *kind, *title, *conclusions;
};

struct report_data {
    const char *title;        /* e.g. "Báo cáo chuyên đề năm 2025" */
    const char *plan_title;   /* the plan's full title */
    const char *period_label; /* "2025", "2021–2025" */
    const char *generated;    /* the date it was made, as displayed */
    const char *unit_filter;  /* a unit's name, or NULL for the whole plan */
    bool demo;                /* the data holds demo rows */
    const char *lang;         /* the interface language ("vi", "en"): how numbers are written */
    const char *criteria[4];  /* the plan's wording for (a) integration, (b) progress,
                                 (c) targets, (d) difficulties; NULL: a default heading */
    const struct report_unit *units;
    int nunits;
    const struct report_task *tasks;
    int ntasks;
    const struct report_indicator *indicators;
    int nindicators;
    const struct report_note *difficulties, *proposals;
    int ndifficulties, nproposals;
    const struct report_inspection *inspections;
    int ninspections;
    const struct report_meeting *meetings;
    int nmeetings;
    long reports_expected, reports_on_time, reports_late, reports_missing;
    long activities;
};

/* Writes the report; returns -1 on a write error. Every text from the data is escaped for
 * the format and never carries a control character. */
int report_write(FILE *out, const struct report_data *d, enum report_format format);

#endif
