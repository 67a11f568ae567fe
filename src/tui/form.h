/* Form widget and the base of form screens. */
#ifndef TIENDO_TUI_FORM_H
#define TIENDO_TUI_FORM_H

#include "app.h"
#include "tiendo/edit.h"
#include "tiendo/err.h"
#include "tiendo/field.h"

/* Form widget: labelled fields, validated as the user leaves each one, the reason shown
 * under the field and the typed text kept. */

struct form_field {
    const char *label; /* translated */
    struct field_rule rule;
    const char *const *choices; /* FT_CHOICE, FT_MULTI: translated labels */
    int nchoices;
    int rows; /* FT_MULTILINE: rows shown */
    struct edit_buf buf;
    size_t first; /* first byte shown */
    int choice;   /* FT_CHOICE */
    bool *picked; /* FT_MULTI: one per choice, any number (form_multi_*) */
    int multi_at;
    char error[200];
    const char *note; /* shown muted under the field when there is no error (may be NULL) */
    union field_value value;
    bool empty;
    /* Holds a proposed value (today, the current percent): the first character typed replaces
     * it, as in a spreadsheet; moving the cursor or Backspace first edits it instead. */
    bool proposed;
};

struct form {
    struct form_field *fields;
    int n, current;
    bool dirty;
    const char *intro; /* a line above the fields (e.g. the task), may be NULL */
    int first;         /* the first field shown, when they do not all fit */
};

/* FORM_HINT: a key that does not change a choice field (a letter, Space): say how to. */
enum form_event { FORM_NONE, FORM_REDRAW, FORM_SAVE, FORM_CANCEL, FORM_CHOOSE, FORM_HINT };

/* Fields start empty; form_set_text gives one its text. */
int form_field_text(struct form_field *f, const char *label, struct field_rule rule,
                    const char *text);
void form_field_choice(struct form_field *f, const char *label, const char *const *choices, int n,
                       int selected);
/* A required date field, not after today, that opens holding today as a proposed value (the
 * date of a progress entry). */
int form_field_today(struct form_field *f, const struct app *app, const char *label);
void form_free(struct form *fm);
/* FT_MULTI: whether choice i is picked, and picking it (0, or -1 when memory runs out). */
bool form_multi_get(const struct form_field *f, int i);
int form_multi_set(struct form_field *f, int i, bool on);
/* The first choices (up to the bits of an unsigned long) as a bit mask, and back. */
unsigned long form_multi_bits(const struct form_field *f);
void form_multi_set_bits(struct form_field *f, unsigned long bits);
void form_draw(struct form *fm, struct app *app, int top, int height);
/* Keys: printable ones are typed; Tab, S-Tab and the arrows move; F2 or Ctrl-S saves (after
 * checking every field); Esc cancels (the screen asks first when fm->dirty). A choice changes
 * only with ← → or Enter (its list); a multiple choice moves with ← → and Enter ticks. */
enum form_event form_handle(struct form *fm, enum action act, int key);
/* Checks one field (sets its error); returns 0 when it holds a valid value. */
int form_check(struct form *fm, int i);
/* What a key that does not change a choice field says (on the message line). */
const char *form_hint(const struct form *fm);
/* The part every form screen's state starts with, so that one set of functions serves them
 * all: Esc asks before discarding what was typed, a choice field opens its list, F2 calls
 * save(app, state), which ends with app_close(app, SCREEN_CHANGED) when saved; draw draws the
 * form and close frees it. */
struct form_conflict_view;
struct form_base {
    struct form form;
    bool cancel_quietly; /* Esc closes without asking (nothing typed is lost: a filter) */
    enum tui_result (*save)(struct app *app, void *state);
    /* For a save someone else's change beat (optional): the screen itself, and how to read the
     * row again as the argument its open takes (fresh_size bytes; 0, or -1 when it is gone),
     * and to take that version as the one the next save overwrites. */
    const struct screen_ops *ops;
    size_t fresh_size;
    int (*reread)(struct app *app, void *state, void *fresh);
    void (*adopt)(void *state, const void *fresh);
    struct form_conflict_view *conflict; /* while the conflict dialog is open */
    /* A screen with a conflict dialog of its own (form_conflict_ask): the user chose to save
     * over their version, and what keeping theirs says. */
    bool overwrite;
    const char *kept;
    void (*fresh_free)(void *fresh); /* optional: frees what reread allocated in fresh */
};
/* What a form screen says of itself once, statically: the screen (for a conflict, to lay out
 * their version), its save, and how to read the row again (fresh_size bytes) and adopt its
 * version (both optional). */
struct form_spec {
    const struct screen_ops *ops;
    enum tui_result (*save)(struct app *app, void *state);
    size_t fresh_size;
    int (*reread)(struct app *app, void *state, void *fresh);
    void (*adopt)(void *state, const void *fresh);
};
/* Sets up a form screen's base from its spec, with its n fields under intro (may be NULL). */
void form_base_init(struct form_base *b, const struct form_spec *spec, struct form_field *fields,
                    int n, const char *intro);
void form_base_draw(struct app *app, void *state, int top, int height);
/* Whether the form holds typing not yet saved. */
bool form_base_unsaved(void *state);
enum tui_result form_base_handle(struct app *app, void *state, enum action act, int key);
void form_base_close(struct app *app, void *state);
/* A conflict dialog a screen fills itself (texts kept in its state): keeping theirs closes the
 * form saying kept, saving over it calls save again with overwrite set, editing goes back. */
struct conflict_args;
enum tui_result form_conflict_ask(struct app *app, void *state, const struct conflict_args *args,
                                  const char *kept);
/* A save the store refused: the reason in a dialog, which says that what was typed is kept. */
enum tui_result form_save_failed(struct app *app, const char *reason);
/* A save refused because someone else changed the row (why: the store's words): their version
 * beside what was typed, field by field, to keep theirs, overwrite or edit again. Without
 * reread, or when the row is gone, as form_save_failed. */
enum tui_result form_conflict(struct app *app, void *state, const char *why);
/* A save the store refused with err: form_conflict when someone else's change beat it, else
 * form_save_failed. */
enum tui_result form_refused(struct app *app, void *state, const struct td_err *err);
/* The actions a form screen lists. */
extern const enum action form_actions[];
extern const struct keybar_item form_keybar[];
/* Who may save: an editor (progress, submissions) or an admin (the rest). */
extern const struct action_need form_needs_editor[], form_needs_admin[];
/* The part of a form screen's screen_ops that every form shares (close: form_base_close, or
 * the screen's own that calls it). */
#define FORM_SCREEN_OPS                                                                            \
    .draw = form_base_draw, .handle = form_base_handle, .actions = form_actions,                   \
    .keybar = form_keybar, .text_entry = true, .unsaved = form_base_unsaved

/* ---- Helpers of form screens ---- */
/* A text field holding member, a char array of the row the form edits: at most what the
 * member keeps (rule.max_bytes from its size), so that nothing typed is cut when it is saved. */
#define FORM_FIELD_ROW(f, label, rule, member)                                                     \
    form_field_row(f, label, rule, member, sizeof(member))
int form_field_row(struct form_field *f, const char *label, struct field_rule rule,
                   const char *text, size_t size);
/* A date field holding iso (YYYY-MM-DD or "") as the settings show dates. */
int form_field_date(struct form_field *f, const struct app *app, const char *label, const char *iso,
                    bool required);
/* A date field's value as YYYY-MM-DD into out (11 bytes), "" when it is empty. */
void form_date_iso(const struct form_field *f, char *out);
/* A save the store refused with err: when it is a code that one of fields (a list ending with
 * -1) holds, the reason under that field and the focus on it, the rest kept; else
 * form_refused. */
enum tui_result form_refused_codes(struct app *app, void *state, const struct td_err *err,
                                   const int *fields);
/* The form_spec `name` of a form whose state (of type state_type) keeps the row it edits as
 * `row` (row_type, with id and version), read again by id with get (store_<entity>_get): with
 * the reread and the adopt that go with it. */
#define FORM_ROW_SPEC(name, screen, save, state_type, row_type, get)                               \
    static int name##_reread(struct app *app, void *state, void *fresh)                            \
    {                                                                                              \
        struct td_err err;                                                                         \
        return get(app->ctx->store, ((const state_type *)state)->row.id, fresh, &err);             \
    }                                                                                              \
    static void name##_adopt(void *state, const void *fresh)                                       \
    {                                                                                              \
        ((state_type *)state)->row.version = ((const row_type *)fresh)->version;                   \
    }                                                                                              \
    static const struct form_spec name = {&(screen), save, sizeof(row_type), name##_reread,        \
                                          name##_adopt}

/* A multiple choice of the units p holds (their codes; p loaded without a first label),
 * ticked from codes ("KHTC, PC"); and the codes ticked, in p's order, back into out. */
struct unit_picks;
int form_field_units(struct form_field *f, const char *label, const struct unit_picks *p,
                     const char *codes);
void form_units_codes(const struct form_field *f, const struct unit_picks *p, char *out,
                      size_t size);
#endif
