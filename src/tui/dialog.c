/* Dialogs drawn over the screen that opened them: a message (or error) and a yes/no
 * question. The answer reaches the opener's resume(). */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/text.h"

struct dialog_state {
    struct dialog_args args;
    char *text; /* a copy: the opener's buffer may go away */
};

static int dialog_open(struct app *app, void *state, void *arg)
{
    struct dialog_state *d = state;
    (void)app;
    d->args = *(const struct dialog_args *)arg;
    d->text = strdup(d->args.text != NULL ? d->args.text : "");
    return d->text != NULL ? 0 : -1;
}

static void dialog_close(struct app *app, void *state)
{
    struct dialog_state *d = state;
    (void)app;
    free(d->text);
}

/* Splits text at \n and at word boundaries to fit width cells; calls out for each line. */
static int wrap(const char *text, int width, int y, int x, int max_lines, enum role role)
{
    int lines = 0;
    char line[1024];
    const char *p = text;
    while (*p != '\0' && lines < max_lines) {
        size_t n = strcspn(p, "\n");
        /* Take as many words as fit. */
        size_t take = 0, last_space = 0;
        while (take < n) {
            size_t next = take + 1;
            while (next < n && (p[next] & 0xC0) == 0x80)
                next++;
            snprintf(line, sizeof line, "%.*s", (int)next, p);
            if (text_width(line) > width)
                break;
            if (p[take] == ' ')
                last_space = take;
            take = next;
        }
        if (take < n && last_space > 0)
            take = last_space;
        if (take == 0)
            take = n > 0 ? 1 : 0;
        snprintf(line, sizeof line, "%.*s", (int)take, p);
        if (y >= 0)
            draw_text(y + lines, x, width, line, role);
        lines++;
        p += take;
        while (*p == ' ')
            p++;
        if (*p == '\n')
            p++;
    }
    return lines;
}

static void dialog_draw_box(struct dialog_state *d, const char *hint, int top, int height)
{
    int w = COLS - 16 > 70 ? 70 : COLS - 16;
    int text_lines = wrap(d->text, w - 4, -1, 0, height - 6, ROLE_NORMAL);
    int h = text_lines + 4;
    int y = top + (height - h) / 2, x = (COLS - w) / 2;
    draw_box(y, x, h, w, d->args.title);
    wrap(d->text, w - 4, y + 1, x + 2, text_lines, d->args.error ? ROLE_ERROR : ROLE_NORMAL);
    draw_text(y + h - 2, x + 2, w - 4, hint, ROLE_MUTED);
}

static void message_draw(struct app *app, void *state, int top, int height)
{
    (void)app;
    dialog_draw_box(state, _("Press any key to continue"), top, height);
}

static enum tui_result message_handle(struct app *app, void *state, enum action act, int key)
{
    /* Not 0: a form under it would take 0 for the first entry of a choice list. */
    app->result = -1;
    (void)state;
    (void)act;
    (void)key;
    return TUI_BACK;
}

static void confirm_draw(struct app *app, void *state, int top, int height)
{
    (void)app;
    dialog_draw_box(state, _("y yes · n no (Esc)"), top, height);
}

static enum tui_result confirm_handle(struct app *app, void *state, enum action act, int key)
{
    (void)state;
    /* Both languages' initials answer: y/c (có) for yes, n/k (không) for no. */
    if (key == 'y' || key == 'Y' || key == 'c' || key == 'C') {
        app->result = DIALOG_YES;
        return TUI_BACK;
    }
    if (key == 'n' || key == 'N' || key == 'k' || key == 'K' || act == ACT_CANCEL ||
        act == ACT_BACK) {
        app->result = DIALOG_NO;
        return TUI_BACK;
    }
    return TUI_HANDLED;
}

/* The conflict dialog. */
struct conflict_state {
    struct conflict_args args;
};

static int conflict_open(struct app *app, void *state, void *arg)
{
    struct conflict_state *c = state;
    c->args = *(const struct conflict_args *)arg;
    app->result = CONFLICT_EDIT;
    return 0;
}

static void conflict_draw(struct app *app, void *state, int top, int height)
{
    struct conflict_state *c = state;
    (void)app;
    int w = COLS - 4, h = c->args.n + 7;
    if (h > height)
        h = height;
    int y = top + (height - h) / 2, x = 2;
    int lw = 18, vw = (w - lw - 6) / 2;
    draw_box(y, x, h, w, c->args.title);
    draw_text(y + 1, x + 2, w - 4, c->args.who, ROLE_AT_RISK);
    draw_text(y + 2, x + 2 + lw + 1, vw, _("Theirs (saved)"), ROLE_MUTED);
    draw_text(y + 2, x + 2 + lw + 2 + vw, vw, _("Yours"), ROLE_MUTED);
    for (int i = 0; i < c->args.n && y + 3 + i < y + h - 2; i++) {
        bool differ = strcmp(c->args.theirs[i], c->args.mine[i]) != 0;
        draw_text(y + 3 + i, x + 2, lw, c->args.labels[i], ROLE_NORMAL);
        draw_text(y + 3 + i, x + 2 + lw + 1, vw, c->args.theirs[i],
                  differ ? ROLE_MARKED : ROLE_NORMAL);
        draw_text(y + 3 + i, x + 2 + lw + 2 + vw, vw, c->args.mine[i],
                  differ ? ROLE_MARKED : ROLE_NORMAL);
    }
    draw_text(y + h - 2, x + 2, w - 4,
              _("t keep theirs · o save yours over it · e edit again (Esc)"), ROLE_MUTED);
}

static enum tui_result conflict_handle(struct app *app, void *state, enum action act, int key)
{
    (void)state;
    if (key == 't' || key == 'T') {
        app->result = CONFLICT_KEEP_THEIRS;
        return TUI_BACK;
    }
    if (key == 'o' || key == 'O' || key == 'g' || key == 'G') {
        app->result = CONFLICT_OVERWRITE;
        return TUI_BACK;
    }
    if (key == 'e' || key == 'E' || key == 's' || key == 'S' || act == ACT_CANCEL) {
        app->result = CONFLICT_EDIT;
        return TUI_BACK;
    }
    return TUI_HANDLED;
}

static const enum action dialog_actions[] = {ACT_CANCEL, ACT_NONE};
static const struct keybar_item message_keybar[] = {{ACT_CANCEL, N_("close")}, {ACT_NONE, NULL}};
static const struct keybar_item confirm_keybar[] = {{ACT_CANCEL, N_("no")}, {ACT_NONE, NULL}};

const struct screen_ops message_dialog = {
    .title = N_("Message"),
    .state_size = sizeof(struct dialog_state),
    .open = dialog_open,
    .draw = message_draw,
    .handle = message_handle,
    .close = dialog_close,
    .actions = dialog_actions,
    .keybar = message_keybar,
    .overlay = true,
    .text_entry = true,
};

const struct screen_ops confirm_dialog = {
    .title = N_("Question"),
    .state_size = sizeof(struct dialog_state),
    .open = dialog_open,
    .draw = confirm_draw,
    .handle = confirm_handle,
    .close = dialog_close,
    .actions = dialog_actions,
    .keybar = confirm_keybar,
    .overlay = true,
    .text_entry = true,
};

static const struct keybar_item conflict_keybar[] = {{ACT_CANCEL, N_("edit again")},
                                                     {ACT_NONE, NULL}};

const struct screen_ops conflict_dialog = {
    .title = N_("Changed meanwhile"),
    .state_size = sizeof(struct conflict_state),
    .open = conflict_open,
    .draw = conflict_draw,
    .handle = conflict_handle,
    .actions = dialog_actions,
    .keybar = conflict_keybar,
    .overlay = true,
    .text_entry = true,
};
