/* Reading plan definition files (config/plans/NAME.ini) into a plan_def. */
#ifndef TIENDO_PLANFILE_H
#define TIENDO_PLANFILE_H

#include "tiendo/err.h"
#include "tiendo/plan.h"

/* Loads and validates a plan file: every section and key against the plan schema, and the
 * references between them (units, groups, phases, kinds). Every problem goes to report (may
 * be NULL); returns the number of problems, err holding the first (TD_E_CONFIG, or
 * TD_E_NOTFOUND for a missing file). */
int plan_file_load(const char *path, struct plan_def *plan,
                   void (*report)(void *ctx, const char *msg), void *ctx, struct td_err *err);

/* Loads the demo file that the plan names ([plan] demo, relative to the plan file), adding
 * its tasks, progress updates and indicator values to plan. Same contract as above. */
int plan_file_load_demo(struct plan_def *plan, void (*report)(void *ctx, const char *msg),
                        void *ctx, struct td_err *err);

void plan_def_free(struct plan_def *plan);

#endif
