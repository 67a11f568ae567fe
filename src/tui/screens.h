/* Every screen the interface opens, and what each takes as its argument. */
#ifndef TIENDO_TUI_SCREENS_H
#define TIENDO_TUI_SCREENS_H

#include "app.h"
#include "tiendo/evalgrid.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_tasks.h"

extern const struct screen_ops menu_screen;
extern const struct screen_ops help_screen;

/* Screens. */
extern const struct screen_ops tasks_screen; /* arg: NULL, or a long * lead unit id */
extern const struct screen_ops units_screen;
extern const struct screen_ops audit_screen;
extern const struct screen_ops periods_screen;
extern const struct screen_ops targets_screen;
extern const struct screen_ops indicator_screen; /* arg: const struct indicator_row * */
extern const struct screen_ops grid_screen;
extern const struct screen_ops eval_menu_screen;
extern const struct screen_ops activities_screen; /* the menu */
extern const struct screen_ops inspections_screen;
extern const struct screen_ops schedule_screen;
extern const struct screen_ops report_matrix_screen;
/* The form to record or correct one unit's submission of one report; result 1 when saved. */
struct submission_args { /* the form reads the unit's submission itself as it opens */
    long report_id;
    const char *report_title;
    long unit_id;
};
extern const struct screen_ops submission_screen; /* arg: struct submission_args * */
struct indicator_row;
struct forecast_result;
/* The forecast of an indicator for its last target, with the settings in force. */
void targets_forecast(const struct app *app, const struct indicator_row *r,
                      struct forecast_result *out);
enum role targets_verdict_role(int verdict);
void targets_range(const struct app *app, double low, double high, char *buf, size_t size);
/* The value of year, when the indicator has one. */
bool targets_value(const struct indicator_row *r, int year, double *v);
extern const struct screen_ops task_form_screen; /* arg: NULL to add, or a long * task id */
extern const struct screen_ops bulk_screen;      /* arg: the task list's struct list_widget * */
extern const struct screen_ops task_detail_screen;
/* One progress entry of a task by itself, every text whole. */
struct entry_args {
    const char *code, *title; /* the task's */
    long task_id, entry_id;
};
extern const struct screen_ops entry_screen; /* arg: struct entry_args * */
extern const struct screen_ops progress_screen;
extern const struct screen_ops filter_screen; /* arg: struct task_view * */
/* Evaluation: the form rating one unit for one period, and the plan's criteria. */
struct eval_args { /* copies: the form keeps its own */
    struct eval_period period;
    struct unit_choice unit;
};
extern const struct screen_ops eval_screen; /* arg: struct eval_args * */
extern const struct screen_ops criteria_screen;
extern const struct screen_ops eval_matrix_screen;

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
