/* Dialogs: overlay screens whose result reaches the opener's resume(). */
#ifndef TIENDO_TUI_DIALOG_H
#define TIENDO_TUI_DIALOG_H

#include "app.h"

/* Dialogs: overlay screens. Their result reaches the opener's resume(). */
enum { DIALOG_NO = 0, DIALOG_YES = 1 };
struct dialog_args {
    const char *title;
    const char *text; /* may hold several lines (\n) */
    bool error;
};
/* "Someone else changed this": their version beside yours, row by row. The result is one
 * of CONFLICT_*. */
enum { CONFLICT_KEEP_THEIRS = 0, CONFLICT_OVERWRITE = 1, CONFLICT_EDIT = 2 };
struct conflict_args {
    const char *title;
    const char *who; /* who saved theirs, and when */
    const char *const *labels, *const *theirs, *const *mine;
    int n;
};
extern const struct screen_ops conflict_dialog;
extern const struct screen_ops message_dialog; /* any key closes */
extern const struct screen_ops confirm_dialog; /* y / n (or Enter / Esc) */

/* A list of choices over the screen (sort column, a choice field): the chosen index reaches
 * resume() as the result, or -1 when cancelled. */
struct choice_args {
    const char *title;
    const char *const *labels; /* already translated */
    int n, selected;
};
extern const struct screen_ops choice_dialog;

#endif
