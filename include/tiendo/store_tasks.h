/* Tasks and their progress in the database: the list (a window of rows in a chosen order,
 * never all of them), one task, and saving a progress update. */
#ifndef TIENDO_STORE_TASKS_H
#define TIENDO_STORE_TASKS_H

#include <stdbool.h>

#include "tiendo/date.h"
#include "tiendo/err.h"
#include "tiendo/status.h"
#include "tiendo/store.h"

enum task_sort {
    TSORT_CODE,
    TSORT_TITLE,
    TSORT_UNIT,
    TSORT_DUE,
    TSORT_STATUS,
    TSORT_PERCENT,
    TSORT_COUNT
};

/* Which tasks a list shows. Zero and "" mean "any". */
struct task_filter {
    long unit_id;      /* lead unit */
    unsigned statuses; /* one bit per enum task_status; 0 any */
    long phase_id;
    long group_id;
    unsigned flags;          /* enum task_flag bits: a task with any of them; 0 any */
    struct flag_rules rules; /* today and the [tasks] settings */
};

struct task_row {
    long id, version;
    char code[32];
    char title[512];
    char unit[32];
    char due[11]; /* YYYY-MM-DD or "" */
    int status;   /* enum task_status */
    int percent;
    unsigned flags; /* enum task_flag, by the filter's rules */
    bool demo;
};

/* The number of tasks the filter lets through. */
int store_task_count(struct store *st, const struct task_filter *f, long *count,
                     struct td_err *err);

/* Rows offset .. offset + limit - 1 in the order asked; *n gets how many there were. */
int store_task_page(struct store *st, const struct task_filter *f, enum task_sort sort, bool desc,
                    long offset, int limit, struct task_row *rows, int *n, struct td_err *err);

/* For the tests of issue 9: calls row with each line of EXPLAIN QUERY PLAN of every statement the
 * task list runs for sort order `sort` (pages, positions, search). */
int store_task_list_plans(struct store *st, enum task_sort sort,
                          int (*row)(void *ctx, const char *sql, const char *plan), void *ctx,
                          struct td_err *err);

/* The position (in the same order) of the first task from `from` on in direction dir (+1 or
 * -1) whose code or title contains needle, ignoring case and marks; -1 when none. */
long store_task_find(struct store *st, const struct task_filter *f, enum task_sort sort, bool desc,
                     const char *needle, long from, int dir, struct td_err *err);

/* A task with all its fields, for the detail view and the progress form. */
struct task_detail {
    struct task_row row;
    /* Long enough for what the task form takes (500, 2,000 and 500 characters of up to 4 bytes):
     * title is row.title whole, which lists cut to fit. */
    char title[2004], description[8004], output[2004], group[128], phase[128], unit_name[256];
    char coop[4096]; /* cooperating unit codes, comma separated */
    char start[11], integrated_on[11], integrated_doc[256], priority[16];
    char group_code[32], phase_code[32];
};

/* Calls row for every task not deleted, in code order; stops early when row returns non-0. */
int store_task_each(struct store *st, const struct flag_rules *rules,
                    int (*row)(void *ctx, const struct task_detail *t), void *ctx,
                    struct td_err *err);

/* A task to add, as read from a file (texts in NFC, dates as YYYY-MM-DD or empty). */
struct task_new {
    const char *code, *title, *description, *group, *phase, *lead, *coop, *start, *due, *output,
        *priority, *integrated_on, *integrated_doc;
};

/* Adds n tasks in one transaction, all or none: each row is checked (a code already used,
 * a lead or cooperating unit, group or phase that does not exist) and every problem passed
 * to report with the row's index. Nothing is written when any row is refused, nor with
 * dry_run. The rows go in as one change with one audit row (action "import": the file as
 * source names it, its checksum, the number of rows and the ids they got), which undo takes
 * back as a whole. Returns the number of problems, or -1 when the database failed (err). */
int store_task_import(struct store *st, const struct task_new *rows, int n, bool dry_run,
                      const char *source, const char *checksum,
                      void (*report)(void *ctx, int index, const char *msg), void *ctx,
                      struct td_err *err);

/* Adds one task (checked as import checks a row; the first problem in err, TD_E_INVALID). */
int store_task_create(struct store *st, const struct task_new *t, long *id, struct td_err *err);

/* Changes a task's fields (not its status or percent: those come from progress). Refused
 * with TD_E_CONFLICT, writing nothing, when its version is no longer expected_version. */
int store_task_update(struct store *st, long id, long expected_version, const struct task_new *t,
                      struct td_err *err);

/* Deletes a task: it leaves the lists but stays in the database with its history, and `u`
 * brings it back. Same version rule as above. */
int store_task_delete(struct store *st, long id, long expected_version, struct td_err *err);
int store_task_get(struct store *st, long id, struct task_detail *out, struct td_err *err);
/* The id of the task with this code (not deleted); -1 with err (TD_E_NOTFOUND naming it). */
long store_task_id_by_code(struct store *st, const char *code, struct td_err *err);

/* Choices for filters: active units (id, code, name) in plan order. */
struct unit_choice {
    long id;
    char code[32];
    char name[256];
};
/* The readers of the store hand each row to fn (in the spirit of sqlite3_exec): fn returns 0
 * to go on, another value to stop, which the reader returns; -1 on failure. The array forms
 * (out, max, n) fail when there are more than max rows: they never cut silently. */
int store_unit_each(struct store *st, int (*fn)(void *ctx, const struct unit_choice *u), void *ctx,
                    struct td_err *err);
int store_unit_list(struct store *st, struct unit_choice *out, int max, int *n, struct td_err *err);

/* The plan's groups (code, label) or phases (code, name), active ones in plan order. */
enum choice_kind { CHOICE_GROUP, CHOICE_PHASE };
int store_choice_each(struct store *st, enum choice_kind kind,
                      int (*fn)(void *ctx, const struct unit_choice *r), void *ctx,
                      struct td_err *err);
int store_choice_list(struct store *st, enum choice_kind kind, struct unit_choice *out, int max,
                      int *n, struct td_err *err);

/* A unit's tasks at a glance: how many it leads, done, overdue, behind schedule, and the
 * average percent (of its tasks not cancelled). */
struct unit_stats {
    long id;
    char code[32];
    char name[256];
    long tasks, done, overdue, behind;
    double avg_percent;
};
int store_unit_stats_each(struct store *st, const struct flag_rules *rules,
                          int (*fn)(void *ctx, const struct unit_stats *u), void *ctx,
                          struct td_err *err);
int store_unit_stats(struct store *st, const struct flag_rules *rules, struct unit_stats *out,
                     int max, int *n, struct td_err *err);

/* A progress update, as typed in the progress form (texts in NFC). */
struct progress_input {
    td_date date;
    int percent;
    int status; /* enum task_status; -1 (store_progress_add_many): each task keeps its own */
    const char *done, *difficulties, *proposals, *reason;
};

/* Saves one progress update and makes its status and percent the task's, in one
 * transaction; the row written carries who and when. With expected_version > 0, a task
 * whose version differs (someone saved since it was read) is TD_E_CONFLICT and nothing is
 * written. TD_E_NOTFOUND for a deleted task. */
int store_progress_add(struct store *st, long task_id, long expected_version,
                       const struct progress_input *in, struct td_err *err);

/* The same update for n tasks in one transaction (one change, undone as one): a percent of
 * -1 keeps each task's own percent (100 when the status is done), a status of -1 each task's
 * own status. All or nothing: when one task fails, none is changed. */
int store_progress_add_many(struct store *st, const long *task_ids, int n,
                            const struct progress_input *in, struct td_err *err);

/* Undoes the user's own last change that is not undone yet, when nobody changed the same
 * rows since; what was undone is described in what (e.g. "progress on II.1, II.2").
 * TD_E_NOTFOUND when there is nothing to undo, TD_E_CONFLICT (naming who) when someone
 * changed a row since. */
int store_undo_last(struct store *st, char *what, size_t what_size, struct td_err *err);

/* A progress update as the readers hand it to their callback: the texts are whole (never
 * NULL, "" when not given) and valid only while the callback runs. */
struct progress_row {
    long id;
    char date[11];
    int percent, status;
    const char *done, *difficulties, *proposals;
    char by[64], at[24];
    bool demo;
};
/* Calls row for every progress update of a task, newest first (by date, then by entry), each
 * whole; stops when row returns non-0. */
int store_progress_history_each(struct store *st, long task_id,
                                int (*row)(void *ctx, const struct progress_row *p), void *ctx,
                                struct td_err *err);

/* Calls row for every progress update, by task code then date. */
/* Calls row for every progress update dated from `from` to `to` (YYYY-MM-DD, both included)
 * that names difficulties or proposals, with its task's code and lead unit, by task code then
 * date; stops when row returns non-0. Reads only those rows (an index holds them). */
int store_progress_notes(struct store *st, const char *from, const char *to,
                         int (*row)(void *ctx, const char *task_code, const char *unit,
                                    const char *date, const char *difficulties,
                                    const char *proposals),
                         void *ctx, struct td_err *err);

int store_progress_each(struct store *st,
                        int (*row)(void *ctx, const char *task_code, const struct progress_row *p),
                        void *ctx, struct td_err *err);

#endif
