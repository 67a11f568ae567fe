/* Every screen the interface opens, and what each takes as its argument. */
#ifndef TIENDO_TUI_SCREENS_H
#define TIENDO_TUI_SCREENS_H

#include "app.h"
#include "tiendo/store_reports.h"

extern const struct screen_ops menu_screen;
extern const struct screen_ops help_screen;

/* Screens. */
extern const struct screen_ops tasks_screen; /* arg: NULL, or a long * lead unit id */
extern const struct screen_ops units_screen;
extern const struct screen_ops audit_screen;
extern const struct screen_ops periods_screen;
extern const struct screen_ops targets_screen;
extern const struct screen_ops indicator_screen; /* arg: long * indicator id */
extern const struct screen_ops grid_screen;
extern const struct screen_ops eval_menu_screen;
extern const struct screen_ops activities_screen; /* the menu */
extern const struct screen_ops inspections_screen;
extern const struct screen_ops schedule_screen;
extern const struct screen_ops report_matrix_screen;
/* The form to record or correct one unit's submission of one report; result 1 when saved. */
struct submission_args {
    long report_id;
    const char *report_title;
    struct submission_row row;
};
extern const struct screen_ops submission_screen; /* arg: struct submission_args * */
struct indicator_row;
struct forecast_result;
/* The forecast of an indicator for its last target, with the settings in force. */
void targets_forecast(const struct app *app, const struct indicator_row *r,
                      struct forecast_result *out);
enum role targets_verdict_role(int verdict);
void targets_range(const struct app *app, double low, double high, char *buf, size_t size);
extern const struct screen_ops task_form_screen; /* arg: NULL to add, or a long * task id */
struct bulk_args {
    const long *ids;
    int n;
};
extern const struct screen_ops bulk_screen; /* arg: struct bulk_args * */
extern const struct screen_ops task_detail_screen;
/* One progress entry by itself, every text whole. */
struct entry_args {
    const char *code, *title, *header, *done, *difficulties, *proposals;
};
extern const struct screen_ops entry_screen; /* arg: struct entry_args * */
extern const struct screen_ops progress_screen;
extern const struct screen_ops filter_screen; /* opened with the tasks screen's state */
struct task_filter;
struct unit_choice;
extern const char *const flag_names[3]; /* N_(), by enum task_flag bit */
struct task_filter *tasks_filter(void *tasks_state, const struct unit_choice **units, int *nunits);

/* The forms of the Activities screens; arg: NULL to add, or the row (struct inspection_row,
 * meeting_row, activity_row) to edit. */
extern const struct screen_ops inspection_form_screen, meeting_form_screen, activity_form_screen;
/* A report instance's units (arg: struct report_row *), and the ad-hoc report form (arg: NULL
 * to add, or the struct report_row * to edit). */
extern const struct screen_ops instance_screen, adhoc_screen;
/* The draft of a report of the schedule, as `tiendo report` writes it, into the export
 * directory; says where. */
enum tui_result schedule_draft(struct app *app, const struct report_row *r);

#endif
