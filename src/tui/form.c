/* The form widget: labelled fields, typed text kept whatever happens, reasons shown. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

#define LABEL_W 24

const enum action form_actions[] = {ACT_FIELD_NEXT, ACT_FIELD_PREV, ACT_SAVE, ACT_CANCEL, ACT_NONE};
const struct action_need form_needs_editor[] = {{ACT_SAVE, NEED_EDITOR}, {ACT_NONE, NEED_NOTHING}};
const struct action_need form_needs_admin[] = {{ACT_SAVE, NEED_ADMIN}, {ACT_NONE, NEED_NOTHING}};
const struct keybar_item form_keybar[] = {{ACT_SAVE, NULL},
                                          {ACT_FIELD_NEXT, NULL},
                                          {ACT_CANCEL, NULL},
                                          {ACT_HELP, NULL},
                                          {ACT_NONE, NULL}};

int form_field_text(struct form_field *f, const char *label, struct field_rule rule,
                    const char *text)
{
    memset(f, 0, sizeof *f);
    f->label = label;
    f->rule = rule;
    f->rows = rule.type == FT_MULTILINE ? 2 : 1;
    return edit_init(&f->buf, text);
}

void form_field_choice(struct form_field *f, const char *label, const char *const *choices, int n,
                       int selected)
{
    memset(f, 0, sizeof *f);
    f->label = label;
    f->rule.type = FT_CHOICE;
    f->choices = choices;
    f->nchoices = n;
    f->choice = selected;
    f->rows = 1;
    edit_init(&f->buf, NULL);
}

bool form_multi_get(const struct form_field *f, int i)
{
    return f->picked != NULL && i >= 0 && i < f->nchoices && f->picked[i];
}

int form_multi_set(struct form_field *f, int i, bool on)
{
    if (i < 0 || i >= f->nchoices)
        return 0;
    if (f->picked == NULL && (f->picked = calloc((size_t)f->nchoices, sizeof *f->picked)) == NULL)
        return -1;
    f->picked[i] = on;
    return 0;
}

unsigned long form_multi_bits(const struct form_field *f)
{
    unsigned long bits = 0;
    for (int i = 0; i < f->nchoices && i < (int)(8 * sizeof bits); i++)
        if (form_multi_get(f, i))
            bits |= 1UL << i;
    return bits;
}

void form_multi_set_bits(struct form_field *f, unsigned long bits)
{
    for (int i = 0; i < f->nchoices && i < (int)(8 * sizeof bits); i++)
        form_multi_set(f, i, (bits >> i) & 1);
}

int form_field_today(struct form_field *f, const struct app *app, const char *label)
{
    struct field_rule date = {.type = FT_DATE,
                              .required = true,
                              .date_format = app->ctx->cfg->date_format,
                              .today = app->ctx->today,
                              .has_max_date = true,
                              .max_date = app->ctx->today};
    char today[32];
    date_format(app->ctx->today, app->ctx->cfg->date_format, today, sizeof today);
    int rc = form_field_text(f, label, date, today);
    f->proposed = true;
    return rc;
}

void form_free(struct form *fm)
{
    for (int i = 0; i < fm->n; i++) {
        free(fm->fields[i].picked);
        fm->fields[i].picked = NULL;
        edit_free(&fm->fields[i].buf);
    }
}

int form_check(struct form *fm, int i)
{
    struct form_field *f = &fm->fields[i];
    f->error[0] = '\0';
    if (f->rule.type == FT_CHOICE || f->rule.type == FT_MULTI) {
        bool any = false;
        for (int c = 0; c < f->nchoices && !any; c++)
            any = form_multi_get(f, c);
        if (f->rule.required && f->rule.type == FT_MULTI && !any) {
            snprintf(f->error, sizeof f->error, "%s", _("choose at least one"));
            return -1;
        }
        return 0;
    }
    return field_check(&f->rule, f->buf.text, &f->value, &f->empty, f->error, sizeof f->error);
}

/* Byte offsets where the wrapped lines of text start, width cells each; returns the count. */
static int wrap_starts(const char *text, int width, size_t *starts, int max)
{
    int n = 0, w = 0;
    size_t i = 0, len = strlen(text);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    starts[n++] = 0;
    while (i < len && n < max) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, text + i, len - i, &st);
        if (k == 0 || k == (size_t)-1 || k == (size_t)-2) {
            k = 1;
            wc = L'?';
            memset(&st, 0, sizeof st);
        }
        if (wc == L'\n') {
            i += k;
            starts[n++] = i;
            w = 0;
            continue;
        }
        int cw = wcwidth(wc);
        cw = cw < 0 ? 1 : cw;
        if (w + cw > width) {
            starts[n++] = i;
            w = 0;
        }
        w += cw;
        i += k;
    }
    return n;
}

static void draw_multiline(struct form_field *f, bool cur, struct app *app, int y, int x, int w)
{
    size_t starts[256] = {0};
    int n = wrap_starts(f->buf.text, w - 1, starts, 256);
    int line = 0;
    for (int i = 0; i < n; i++)
        if (starts[i] <= f->buf.cursor)
            line = i;
    int first = line - f->rows + 1 > 0 ? line - f->rows + 1 : 0;
    for (int r = 0; r < f->rows; r++) {
        draw_fill(y + r, x, w, cur ? ROLE_SELECTED : ROLE_MUTED);
        int i = first + r;
        if (i >= n)
            continue;
        size_t end = i + 1 < n ? starts[i + 1] : f->buf.len;
        char piece[1024];
        snprintf(piece, sizeof piece, "%.*s", (int)(end - starts[i]), f->buf.text + starts[i]);
        piece[strcspn(piece, "\n")] = '\0';
        draw_text(y + r, x, w, piece, cur ? ROLE_SELECTED : ROLE_NORMAL);
    }
    if (cur) {
        char before[1024];
        snprintf(before, sizeof before, "%.*s", (int)(f->buf.cursor - starts[line]),
                 f->buf.text + starts[line]);
        app->cursor_y = y + line - first;
        app->cursor_x = x + text_width(before);
    }
}

static void draw_value(struct form_field *f, bool cur, struct app *app, int y, int x, int w)
{
    enum role role = cur ? ROLE_SELECTED : ROLE_NORMAL;
    if (f->rule.type == FT_MULTILINE) {
        draw_multiline(f, cur, app, y, x, w);
        return;
    }
    draw_fill(y, x, w, cur ? ROLE_SELECTED : ROLE_MUTED);
    if (f->rule.type == FT_CHOICE) {
        char v[256];
        snprintf(v, sizeof v, "‹ %s ›", f->nchoices > 0 ? f->choices[f->choice] : "");
        draw_text(y, x, w, v, role);
        if (cur) { /* the cursor shows where the focus is on every kind of field */
            app->cursor_y = y;
            app->cursor_x = x;
        }
        return;
    }
    if (f->rule.type == FT_MULTI) {
        int cx = x, start = 0, room = 0;
        /* Start early enough that the option under the cursor shows. */
        for (start = f->multi_at; start > 0; start--) {
            room += text_width(f->choices[start]) + 5;
            if (room > w)
                break;
        }
        if (start > 0)
            cx += draw_text(y, cx, 2, "…", ROLE_MUTED) + 1;
        for (int i = start; i < f->nchoices && cx < x + w; i++) {
            char v[128];
            snprintf(v, sizeof v, "[%s] %s", form_multi_get(f, i) ? "x" : " ", f->choices[i]);
            enum role r = cur && i == f->multi_at ? ROLE_MARKED : role;
            if (cur && i == f->multi_at) {
                app->cursor_y = y;
                app->cursor_x = cx + 1;
            }
            cx += draw_text(y, cx, x + w - cx, v, r) + 1;
        }
        return;
    }
    if (!cur) {
        draw_text(y, x, w, f->buf.text, role); /* a field not being edited shows its start */
        return;
    }
    int col = edit_view(&f->buf, &f->first, w);
    /* A proposed value stands out as selected: typing replaces it. */
    draw_text(y, x, w, f->buf.text + f->first, f->proposed ? ROLE_MARKED : role);
    app->cursor_y = y;
    app->cursor_x = x + col;
}

void form_draw(struct form *fm, struct app *app, int top, int height)
{
    int y = top;
    if (fm->intro != NULL) {
        draw_text(y, 2, COLS - 4, fm->intro, ROLE_MARKED);
        y += 2;
    }
    /* Scroll so that the current field, with its reason line, is on the screen. */
    int avail = top + height - y;
    if (fm->first > fm->current)
        fm->first = fm->current;
    for (;;) {
        int h = 0;
        for (int i = fm->first; i <= fm->current; i++)
            h += fm->fields[i].rows + 1;
        if (h <= avail || fm->first >= fm->current)
            break;
        fm->first++;
    }
    if (fm->first > 0)
        draw_text(y - 1 >= top ? y - 1 : y, COLS - 2, 1, "↑", ROLE_MUTED);
    int x = 2 + LABEL_W + 1, w = COLS - x - 2;
    int i;
    for (i = fm->first; i < fm->n && y + fm->fields[i].rows <= top + height; i++) {
        struct form_field *f = &fm->fields[i];
        bool cur = i == fm->current;
        char label[256];
        snprintf(label, sizeof label, "%s%s", f->label, f->rule.required ? " *" : "");
        /* The focus shows without colour too: a marker, and the field in reverse video. */
        if (cur)
            draw_text(y, 0, 2, "▶", ROLE_MARKED);
        draw_text(y, 2, LABEL_W, label, cur ? ROLE_MARKED : ROLE_NORMAL);
        draw_value(f, cur, app, y, x, w);
        y += f->rows;
        if (f->error[0] != '\0' && y < top + height)
            draw_text(y, x, w, f->error, ROLE_ERROR);
        else if (f->note != NULL && y < top + height)
            draw_text(y, x, w, f->note, ROLE_MUTED);
        y++;
    }
    if (i < fm->n)
        draw_text(top + height - 1, COLS - 2, 1, "↓", ROLE_MUTED);
}

static void move_to(struct form *fm, int to)
{
    form_check(fm, fm->current); /* validated as it is left; the text stays */
    fm->current = (to + fm->n) % fm->n;
}

const char *form_hint(const struct form *fm)
{
    return fm->fields[fm->current].rule.type == FT_MULTI ? _("←/→ to move, Enter ticks or clears")
                                                         : _("←/→ to change, Enter for a list");
}

/* A choice changes only with ← → or Enter: Space or a letter typed by mistake (the rest of a
 * text meant for another field) leaves it as it is, and the form says how to change it. */
static enum form_event choice_key(struct form *fm, struct form_field *f, int key)
{
    bool typed = key_is_printable(key) || key == ' ';
    if (f->rule.type == FT_CHOICE) {
        if (key == TK_LEFT || key == TK_RIGHT) {
            int d = key == TK_LEFT ? -1 : 1;
            f->choice = (f->choice + d + f->nchoices) % f->nchoices;
            fm->dirty = true;
            return FORM_REDRAW;
        }
        return key == TK_ENTER ? FORM_CHOOSE : typed ? FORM_HINT : FORM_NONE;
    }
    if (key == TK_LEFT || key == TK_RIGHT) {
        int d = key == TK_LEFT ? -1 : 1;
        f->multi_at = (f->multi_at + d + f->nchoices) % f->nchoices;
        return FORM_REDRAW;
    }
    if (key == TK_ENTER) {
        form_multi_set(f, f->multi_at, !form_multi_get(f, f->multi_at));
        fm->dirty = true;
        return FORM_REDRAW;
    }
    return typed ? FORM_HINT : FORM_NONE;
}

static enum form_event edit_key(struct form *fm, struct form_field *f, int key)
{
    if (f->rule.type == FT_CHOICE || f->rule.type == FT_MULTI)
        return choice_key(fm, f, key);
    if (f->proposed && key != TK_ENTER) {
        f->proposed = false; /* any key but leaving the field takes it as the user's own */
        if (key_is_printable(key) || key == ' ')
            edit_set(&f->buf, "");
    }
    if (key == TK_ENTER && f->rule.type != FT_MULTILINE) {
        move_to(fm, fm->current + 1);
        return FORM_REDRAW;
    }
    if (key == TK_ENTER) /* a new line of a multi-line field */
        edit_insert(&f->buf, '\n');
    else if (!edit_line_key(&f->buf, key))
        return FORM_NONE;
    if (key != TK_LEFT && key != TK_RIGHT && key != TK_HOME && key != TK_END)
        fm->dirty = true;
    return FORM_REDRAW;
}

enum form_event form_handle(struct form *fm, enum action act, int key)
{
    switch (act) {
    case ACT_FIELD_NEXT:
        move_to(fm, fm->current + 1);
        return FORM_REDRAW;
    case ACT_FIELD_PREV:
        move_to(fm, fm->current - 1);
        return FORM_REDRAW;
    case ACT_SAVE: {
        int bad = -1;
        for (int i = 0; i < fm->n; i++)
            if (form_check(fm, i) != 0 && bad < 0)
                bad = i;
        if (bad >= 0) {
            fm->current = bad;
            return FORM_REDRAW;
        }
        return FORM_SAVE;
    }
    case ACT_CANCEL:
        return FORM_CANCEL;
    default:
        return edit_key(fm, &fm->fields[fm->current], key);
    }
}

static enum tui_result on_discard(struct app *app, void *state, int answer)
{
    (void)state;
    if (answer != DIALOG_YES)
        return TUI_REDRAW;
    app_message(app, false, "%s", _("Nothing was saved."));
    return TUI_BACK;
}

static enum tui_result on_chosen(struct app *app, void *state, int chosen)
{
    struct form *fm = &((struct form_base *)state)->form;
    (void)app;
    if (chosen >= 0 && fm->fields[fm->current].rule.type == FT_CHOICE) {
        fm->fields[fm->current].choice = chosen;
        fm->dirty = true;
    }
    return TUI_REDRAW;
}

enum tui_result form_base_handle(struct app *app, void *state, enum action act, int key)
{
    struct form_base *b = state;
    switch (form_handle(&b->form, act, key)) {
    case FORM_NONE:
        return TUI_HANDLED;
    case FORM_REDRAW:
        return TUI_REDRAW;
    case FORM_HINT:
        app_message(app, false, "%s", form_hint(&b->form));
        return TUI_HANDLED;
    case FORM_CANCEL: {
        if (!b->form.dirty || b->cancel_quietly)
            return TUI_BACK;
        struct dialog_args ask = {_("Cancel"), _("Discard what you typed?"), false};
        return app_open_then(app, &confirm_dialog, &ask, on_discard, b);
    }
    case FORM_CHOOSE: {
        const struct form_field *f = &b->form.fields[b->form.current];
        struct choice_args choose = {f->label, f->choices, f->nchoices, f->choice};
        return app_open_then(app, &choice_dialog, &choose, on_chosen, b);
    }
    case FORM_SAVE:
        return b->save(app, state);
    }
    return TUI_HANDLED;
}

#define CONFLICT_FIELDS 24
struct form_conflict_view {
    void *fresh; /* their row, as the screen's open takes it */
    char who[1100];
    const char *labels[CONFLICT_FIELDS], *theirs_p[CONFLICT_FIELDS], *mine_p[CONFLICT_FIELDS];
    char theirs[CONFLICT_FIELDS][512], mine[CONFLICT_FIELDS][512];
};

static void conflict_free(struct form_base *b)
{
    if (b->conflict != NULL && b->conflict->fresh != NULL && b->fresh_free != NULL)
        b->fresh_free(b->conflict->fresh);
    if (b->conflict != NULL)
        free(b->conflict->fresh);
    free(b->conflict);
    b->conflict = NULL;
}

/* A field's value as one line of text. */
static void field_text(const struct form_field *f, char *out, size_t size)
{
    out[0] = '\0';
    if (f->rule.type == FT_CHOICE) {
        snprintf(out, size, "%s", f->nchoices > 0 ? f->choices[f->choice] : "");
    } else if (f->rule.type == FT_MULTI) {
        for (int i = 0; i < f->nchoices; i++)
            if (form_multi_get(f, i)) {
                size_t len = strlen(out);
                snprintf(out + len, size - len, "%s%s", len > 0 ? ", " : "", f->choices[i]);
            }
    } else {
        snprintf(out, size, "%s", f->buf.text);
    }
}

static enum tui_result on_conflict(struct app *app, void *state, int answer)
{
    struct form_base *b = state;
    if (b->conflict == NULL)
        return TUI_REDRAW;
    if (answer == CONFLICT_KEEP_THEIRS) {
        conflict_free(b);
        app_message(app, false, "%s", _("Kept their version; yours was not saved."));
        return app_close(app, SCREEN_CHANGED); /* the list below shows theirs */
    }
    b->adopt(state, b->conflict->fresh); /* theirs is now the version to overwrite */
    conflict_free(b);
    return answer == CONFLICT_OVERWRITE ? b->save(app, state) : TUI_REDRAW;
}

static enum tui_result on_own_conflict(struct app *app, void *state, int answer)
{
    struct form_base *b = state;
    if (answer == CONFLICT_KEEP_THEIRS) {
        app_message(app, false, "%s", b->kept);
        return app_close(app, SCREEN_CHANGED);
    }
    if (answer != CONFLICT_OVERWRITE)
        return TUI_REDRAW;
    b->overwrite = true;
    return b->save(app, state);
}

enum tui_result form_conflict_ask(struct app *app, void *state, const struct conflict_args *args,
                                  const char *kept)
{
    struct form_base *b = state;
    b->kept = kept;
    return app_open_then(app, &conflict_dialog, (void *)args, on_own_conflict, b);
}

enum tui_result form_conflict(struct app *app, void *state, const char *why)
{
    struct form_base *b = state;
    conflict_free(b);
    if (b->reread == NULL || b->ops == NULL)
        return form_save_failed(app, why);
    struct form_conflict_view *v = calloc(1, sizeof *v);
    void *scratch = calloc(1, b->ops->state_size);
    if (v != NULL)
        v->fresh = calloc(1, b->fresh_size);
    /* Their version, laid out by the screen's own form. */
    if (v == NULL || v->fresh == NULL || scratch == NULL || b->reread(app, state, v->fresh) != 0 ||
        b->ops->open(app, scratch, v->fresh) != 0) {
        free(scratch);
        b->conflict = v;
        conflict_free(b);
        return form_save_failed(app, why);
    }
    const struct form *theirs = &((struct form_base *)scratch)->form;
    int n = 0;
    for (int pass = 0; pass < 2 && n == 0; pass++) /* the fields that differ, else all */
        for (int i = 0; i < b->form.n && i < theirs->n && n < CONFLICT_FIELDS; i++) {
            field_text(&theirs->fields[i], v->theirs[n], sizeof v->theirs[n]);
            field_text(&b->form.fields[i], v->mine[n], sizeof v->mine[n]);
            if (pass == 0 && strcmp(v->theirs[n], v->mine[n]) == 0)
                continue;
            v->labels[n] = b->form.fields[i].label;
            v->theirs_p[n] = v->theirs[n];
            v->mine_p[n] = v->mine[n];
            n++;
        }
    if (b->ops->close != NULL)
        b->ops->close(app, scratch);
    free(scratch);
    snprintf(v->who, sizeof v->who, "%s", why);
    b->conflict = v;
    struct conflict_args args = {
        _("Changed meanwhile"), v->who, v->labels, v->theirs_p, v->mine_p, n};
    return app_open_then(app, &conflict_dialog, &args, on_conflict, b);
}

enum tui_result form_refused(struct app *app, void *state, const struct td_err *err)
{
    return err->status == TD_E_CONFLICT ? form_conflict(app, state, err->msg)
                                        : form_save_failed(app, err->msg);
}

void form_base_init(struct form_base *b, const struct form_spec *spec, struct form_field *fields,
                    int n, const char *intro)
{
    b->ops = spec->ops;
    b->save = spec->save;
    b->fresh_size = spec->fresh_size;
    b->reread = spec->reread;
    b->adopt = spec->adopt;
    b->form = (struct form){fields, n, 0, false, intro, 0};
}

bool form_base_unsaved(void *state)
{
    return ((const struct form_base *)state)->form.dirty;
}

void form_base_draw(struct app *app, void *state, int top, int height)
{
    form_draw(&((struct form_base *)state)->form, app, top, height);
}

void form_base_close(struct app *app, void *state)
{
    (void)app;
    conflict_free(state);
    form_free(&((struct form_base *)state)->form);
}

enum tui_result form_save_failed(struct app *app, const char *reason)
{
    char text[1200];
    snprintf(text, sizeof text, "%s\n%s", reason, _("What you typed is kept."));
    struct dialog_args args = {_("Not saved"), text, true};
    return app_open(app, &message_dialog, &args);
}

/* ---- Helpers of form screens ---- */

int form_field_row(struct form_field *f, const char *label, struct field_rule rule,
                   const char *text, size_t size)
{
    rule.max_bytes = size - 1;
    return form_field_text(f, label, rule, text);
}

int form_field_date(struct form_field *f, const struct app *app, const char *label, const char *iso,
                    bool required)
{
    struct field_rule rule = {.type = FT_DATE,
                              .required = required,
                              .date_format = app->ctx->cfg->date_format,
                              .today = app->ctx->today};
    char shown[32];
    app_show_date(app, iso, shown, sizeof shown);
    return form_field_text(f, label, rule, shown);
}

void form_date_iso(const struct form_field *f, char *out)
{
    out[0] = '\0';
    if (!f->empty)
        date_format_iso(f->value.date, out);
}

/* Whether c may stand in a code (II.1, KHTC, X-9): the edges of a code in a message. */
static bool code_char(const char *c)
{
    return (*c >= '0' && *c <= '9') || (*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') ||
           *c == '_' || *c == '-' || (*c == '.' && c[1] != '\0' && c[1] != ' ');
}

/* Whether msg names one of the codes in list (separated by commas or spaces) as a word: "task
 * X.9 does not exist", "không có nhiệm vụ X.9". */
static bool names_code(const char *msg, const char *list)
{
    for (const char *c = list + strspn(list, ", "); *c != '\0'; c += strspn(c, ", ")) {
        size_t len = strcspn(c, ", ");
        for (const char *p = msg; *p != '\0'; p++)
            if ((p == msg || !code_char(p - 1)) && strncmp(p, c, len) == 0 && !code_char(p + len))
                return true;
        c += len;
    }
    return false;
}

enum tui_result form_refused_codes(struct app *app, void *state, const struct td_err *err,
                                   const int *fields)
{
    struct form *fm = &((struct form_base *)state)->form;
    for (; err->status == TD_E_INVALID && *fields >= 0; fields++) {
        struct form_field *f = &fm->fields[*fields];
        if (names_code(err->msg, f->buf.text)) {
            snprintf(f->error, sizeof f->error, "%s", err->msg);
            fm->current = *fields;
            return TUI_REDRAW;
        }
    }
    return form_refused(app, state, err);
}

int form_field_units(struct form_field *f, const char *label, const struct unit_picks *p,
                     const char *codes)
{
    form_field_choice(f, label, p->labels, p->n, 0);
    f->rule.type = FT_MULTI;
    char *copy = strdup(codes), *save = NULL;
    if (copy == NULL)
        return -1;
    for (char *c = strtok_r(copy, ", ", &save); c != NULL; c = strtok_r(NULL, ", ", &save))
        form_multi_set(f, unit_picks_find(p, c), true);
    free(copy);
    return 0;
}

void form_units_codes(const struct form_field *f, const struct unit_picks *p, char *out,
                      size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (int i = 0; i < p->n && len < size; i++)
        if (form_multi_get(f, i))
            len += (size_t)snprintf(out + len, size - len, "%s%s", len > 0 ? ", " : "",
                                    p->units[i].code);
}
