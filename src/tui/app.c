/* The application loop: one input function, screens on a stack, bars, resize, signals. */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "internal.h"
#include "tiendo/i18n.h"

#define STACK_MAX 16

struct frame {
    const struct screen_ops *ops;
    void *state;
};

static volatile sig_atomic_t stop_requested;

/* Signal handlers only set a flag; the loop acts on it (STYLE 8). */
static void on_stop_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

/* The one input function: a key as an int (see TUI_FN), with Enter and Backspace in one
 * form whatever the terminal sends; -1 when interrupted. */
static int read_key(void)
{
    wint_t wc;
    int rc = get_wch(&wc);
    if (rc == ERR)
        return -1;
    if (rc == KEY_CODE_YES) {
        if (wc == KEY_ENTER)
            return TUI_FN + KEY_ENTER;
        return TUI_FN + (int)wc;
    }
    if (wc == '\r' || wc == '\n')
        return TUI_FN + KEY_ENTER;
    if (wc == 0x7F || wc == 0x08)
        return TUI_FN + KEY_BACKSPACE;
    return (int)wc;
}

static void draw_title_bar(struct app *app)
{
    struct tui_context *ctx = app->ctx;
    draw_fill(0, ROLE_TITLE);
    char right[128], date[32];
    date_format(ctx->today, ctx->cfg->date_format, date, sizeof date);
    snprintf(right, sizeof right, "%s · %s ", ctx->user, date);
    int right_w = draw_text(0, 0, COLS, right, ROLE_TITLE); /* measure */
    draw_fill(0, ROLE_TITLE);
    char left[512];
    snprintf(left, sizeof left, " tiendo · %s · %s", app->plan_title, _(app->current->title));
    draw_text(0, 0, COLS - right_w - 1, left, ROLE_TITLE);
    draw_text(0, COLS - right_w, right_w, right, ROLE_TITLE);
}

static void draw_key_bar(struct app *app)
{
    int y = LINES - 1, x = 1;
    move(y, 0);
    clrtoeol();
    for (const struct keybar_item *k = app->current->keybar; k != NULL && k->act != ACT_NONE; k++) {
        char key[32], label[128];
        actions_key_label(k->act, key, sizeof key);
        snprintf(label, sizeof label, "%s",
                 _(k->label != NULL ? k->label : actions_get(k->act)->label));
        int kw = draw_text(y, x, COLS - x, key, ROLE_TITLE);
        x += kw + 1;
        x += draw_text(y, x, COLS - x, label, ROLE_NORMAL) + 2;
        if (x >= COLS)
            break;
    }
}

static void draw_all(struct app *app, struct frame *top)
{
    erase();
    if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
        char msg[128];
        snprintf(msg, sizeof msg, _("terminal too small (need %dx%d)"), TUI_MIN_COLS,
                 TUI_MIN_LINES);
        draw_text(0, 0, COLS, msg, ROLE_ERROR);
        curs_set(0);
        return;
    }
    draw_title_bar(app);
    draw_hline(1);
    top->ops->draw(app, top->state, 2, LINES - 4);
    if (app->message[0] != '\0') {
        move(LINES - 2, 0);
        clrtoeol();
        draw_text(LINES - 2, 1, COLS - 2, app->message,
                  app->message_is_error ? ROLE_ERROR : ROLE_MARKED);
    } else {
        draw_hline(LINES - 2);
    }
    draw_key_bar(app);
}

static int push(struct frame *stack, int *depth, const struct screen_ops *ops, struct app *app)
{
    if (*depth >= STACK_MAX)
        return -1;
    struct frame *f = &stack[*depth];
    f->ops = ops;
    f->state = calloc(1, ops->state_size > 0 ? ops->state_size : 1);
    if (f->state == NULL)
        return -1;
    app->current = ops;
    if (ops->open != NULL && ops->open(app, f->state) != 0) {
        free(f->state);
        f->state = NULL;
        app->current = *depth > 0 ? stack[*depth - 1].ops : NULL;
        return -1;
    }
    ++*depth;
    return 0;
}

static void pop(struct frame *stack, int *depth, struct app *app)
{
    struct frame *f = &stack[--*depth];
    if (f->ops->close != NULL)
        f->ops->close(app, f->state);
    free(f->state);
    app->current = *depth > 0 ? stack[*depth - 1].ops : NULL;
}

int tui_run(struct tui_context *ctx, struct td_err *err)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return td_err_set(err, TD_E_USAGE,
                          _("the full-screen program needs a terminal; see tiendo --help for "
                            "the commands that work without one"));
    struct store_summary sum;
    int year, month, day;
    date_to_ymd(ctx->today, &year, &month, &day);
    if (store_summary(ctx->store, year, &sum, err) != 0)
        return -1;

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);

    /* Esc must feel instant, also over SSH. */
    set_escdelay(25);
    if (initscr() == NULL) {
        store_summary_free(&sum);
        return td_err_set(err, TD_E_IO, _("cannot start the terminal interface"));
    }
    cbreak();
    /* Ctrl-S and Ctrl-Q are keys here, not flow control (endwin restores the setting). */
    struct termios tio;
    if (tcgetattr(STDIN_FILENO, &tio) == 0) {
        tio.c_iflag &= ~(tcflag_t)IXON;
        tcsetattr(STDIN_FILENO, TCSANOW, &tio);
    }
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    theme_init(ctx->cfg->theme);

    struct app app;
    memset(&app, 0, sizeof app);
    app.ctx = ctx;
    app.summary = &sum;
    app.plan_title = sum.plan_short_title != NULL ? sum.plan_short_title : "";

    struct frame stack[STACK_MAX];
    int depth = 0;
    int status = push(stack, &depth, &menu_screen, &app);
    bool dirty = true;
    while (status == 0 && depth > 0 && !stop_requested) {
        struct frame *top = &stack[depth - 1];
        if (dirty) {
            draw_all(&app, top);
            refresh();
            dirty = false;
        }
        int key = read_key();
        if (key < 0) {
            if (errno == EINTR || stop_requested)
                continue;
            continue;
        }
        if (key == TUI_FN + KEY_RESIZE) {
            dirty = true;
            continue;
        }
        if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES)
            continue; /* only a resize or a signal helps now */
        bool had_message = app.message[0] != '\0';
        app.message[0] = '\0';
        enum action act = actions_for_key(key, top->ops->actions);
        enum tui_result r;
        if (act == ACT_HELP && top->ops != &help_screen) {
            app.next = &help_screen;
            app.below = top->ops;
            r = TUI_PUSH;
        } else if (act == ACT_QUIT) {
            r = TUI_QUIT;
        } else if (act == ACT_REDRAW) {
            clearok(curscr, TRUE);
            r = TUI_REDRAW;
        } else {
            r = top->ops->handle(&app, top->state, act, key);
        }
        switch (r) {
        case TUI_HANDLED:
            dirty = had_message || app.message[0] != '\0';
            break;
        case TUI_REDRAW:
            dirty = true;
            break;
        case TUI_BACK:
            pop(stack, &depth, &app);
            dirty = true;
            break;
        case TUI_QUIT:
            while (depth > 0)
                pop(stack, &depth, &app);
            break;
        case TUI_PUSH:
            if (push(stack, &depth, app.next, &app) != 0)
                app_message(&app, true, _("cannot open that screen"));
            dirty = true;
            break;
        }
    }
    while (depth > 0)
        pop(stack, &depth, &app);
    endwin();
    store_summary_free(&sum);
    return status == 0 ? 0 : td_err_set(err, TD_E_IO, _("cannot open the main menu"));
}
