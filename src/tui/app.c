/* The application loop: one input function, screens on a stack, bars, resize, signals. */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "app.h"
#include "dialog.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"
#include "tiendo/store_users.h"
#include "tiendo/text.h"

#define STACK_MAX 16
#define HELD_MAX  4096 /* keys typed while the terminal is too small */

struct frame {
    const struct screen_ops *ops;
    void *state;
    app_then_fn then; /* who gets the result when it closes (NULL: the resume below) */
    void *then_ctx;
};

static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t leaving;

/* While the screens run, SIGHUP, SIGTERM and SIGINT only set a flag: the loop ends, the
 * terminal is restored and the database closed, then the signal is raised again. Once
 * tiendo is on its way out (or a second signal comes), the signal ends it at once: nothing
 * is left to save, and a process that merely returns from the handler here can be caught
 * in LeakSanitizer's exit-time stop-the-world, whose SIGSTOP the SIGCONT of a hang-up
 * discards, spinning for ever (issue 19). */
static void on_stop_signal(int sig)
{
    if (leaving || stop_requested) {
        struct sigaction dfl;
        memset(&dfl, 0, sizeof dfl);
        dfl.sa_handler = SIG_DFL;
        sigemptyset(&dfl.sa_mask);
        sigaction(sig, &dfl, NULL);
        raise(sig); /* in a handler the signal is blocked: then _exit ends it at once */
        /* cppcheck-suppress unreachableCode */
        _exit(128 + sig);
    }
    stop_requested = sig;
}

/* After Esc: a key's sequence that curses did not know (the terminal description differs from
 * the terminal, as with PuTTY calling itself an xterm) is read whole and becomes its key, or
 * nothing, rather than Esc (back) and characters typed into a field; Esc alone, or before
 * another key (which is read next), is Esc. What follows Esc has come with it (curses read it
 * to see that it knew no such key); once a sequence has begun each byte may take a moment more
 * on a slow link. */
static int read_escape(void)
{
    char seq[16];
    size_t n = 0;
    int key = -1;
    while (key < 0 && n < sizeof seq) {
        wint_t wc;
        timeout(n == 0 ? 0 : 60); /* Esc alone waited ESCDELAY already: no more for it */
        int rc = get_wch(&wc);
        if (rc == ERR)
            break; /* Esc alone, or a sequence cut short (dropped) */
        if (rc == KEY_CODE_YES || wc < 0x20 || wc > 0x7E) {
            rc == KEY_CODE_YES ? ungetch((int)wc) : unget_wch(wc); /* a key of its own */
            break;
        }
        seq[n++] = (char)wc;
        key = key_escape(seq, n);
    }
    timeout(-1);
    if (n == 1 && key == 0) { /* Esc, then a character (not a sequence): both keys */
        unget_wch((wchar_t)(unsigned char)seq[0]);
        return TK_ESC;
    }
    return n == 0 ? TK_ESC : key > 0 ? key : -1;
}

/* The one input function (STYLE 10): a key in tiendo's codes (see keys.h), whatever the
 * terminal sent; -1 when interrupted. */
static int read_key(void)
{
    static const struct {
        int curses, key;
    } map[] = {
        {KEY_UP, TK_UP},       {KEY_DOWN, TK_DOWN},
        {KEY_LEFT, TK_LEFT},   {KEY_RIGHT, TK_RIGHT},
        {KEY_PPAGE, TK_PGUP},  {KEY_NPAGE, TK_PGDN},
        {KEY_HOME, TK_HOME},   {KEY_END, TK_END},
        {KEY_ENTER, TK_ENTER}, {KEY_BACKSPACE, TK_BACKSPACE},
        {KEY_DC, TK_DELETE},   {KEY_IC, TK_INSERT},
        {KEY_BTAB, TK_BTAB},   {KEY_RESIZE, TK_RESIZE},
        {KEY_A1, TK_HOME},     {KEY_C1, TK_END},
        {KEY_A3, TK_PGUP},     {KEY_C3, TK_PGDN},
    };
    wint_t wc;
    errno = 0;
    int rc = get_wch(&wc);
    if (rc == ERR) {
        /* The terminal is gone (a dropped connection reads EIO): end as the hang-up's SIGHUP
         * would, also when that signal is late or never comes, instead of reading again. */
        if ((errno == EIO || errno == EBADF || errno == ENXIO) && stop_requested == 0)
            stop_requested = SIGHUP;
        return -1;
    }
    if (rc == KEY_CODE_YES) {
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
            if (map[i].curses == (int)wc)
                return map[i].key;
        if ((int)wc >= KEY_F(1) && (int)wc <= KEY_F(12))
            return TK_F((int)wc - KEY_F0);
        return -1; /* a key tiendo does not use */
    }
    if (wc == TK_ESC)
        return read_escape();
    if (wc == '\r' || wc == '\n')
        return TK_ENTER;
    if (wc == 0x7F || wc == 0x08)
        return TK_BACKSPACE;
    return (int)wc;
}

static void drop_next(struct app *app)
{
    if (app->next_state != NULL && app->next->close != NULL)
        app->next->close(app, app->next_state);
    free(app->next_state);
    app->next = NULL;
    app->next_state = NULL;
}

enum tui_result app_open_then(struct app *app, const struct screen_ops *ops, void *arg,
                              app_then_fn then, void *ctx)
{
    drop_next(app); /* only the last screen asked for opens */
    void *state = calloc(1, ops->state_size > 0 ? ops->state_size : 1);
    const struct screen_ops *was = app->current;
    app->current = ops;
    int rc = state == NULL ? -1 : ops->open != NULL ? ops->open(app, state, arg) : 0;
    app->current = was;
    if (rc != 0) {
        free(state);
        if (app->message[0] == '\0')
            app_message(app, true, "%s", _("cannot open that screen"));
        return TUI_REDRAW;
    }
    app->next = ops;
    app->next_state = state;
    app->next_then = then;
    app->next_ctx = ctx;
    return TUI_PUSH;
}

enum tui_result app_open(struct app *app, const struct screen_ops *ops, void *arg)
{
    return app_open_then(app, ops, arg, NULL, NULL);
}

enum tui_result app_close(struct app *app, int result)
{
    app->result = result;
    return TUI_BACK;
}

const char *app_digit_sep(const struct app *app)
{
    return strcmp(app->ctx->lang, "vi") == 0 ? "." : ",";
}

const char *app_number(const struct app *app, double v, int decimals, char *buf, size_t size)
{
    return text_human_number(v, decimals, app->ctx->lang, buf, size);
}

bool app_allows(const struct app *app, const struct action_need *needs, enum action act)
{
    enum user_role role = store_role(app->ctx->store);
    for (const struct action_need *n = needs; n != NULL && n->act != ACT_NONE; n++)
        if (n->act == act)
            return n->need == NEED_NOTHING || (n->need == NEED_EDITOR && role != USER_VIEWER) ||
                   role == USER_ADMIN;
    return true;
}

void app_refuse(struct app *app)
{
    if (store_role(app->ctx->store) == USER_VIEWER)
        app_message(app, true, _("%s is a viewer: you can look, but not change anything"),
                    app->ctx->user);
    else
        app_message(app, true, _("Only an admin may do this; %s is an editor"), app->ctx->user);
}

void app_refuse_unit(struct app *app, const char *unit)
{
    if (store_role(app->ctx->store) == USER_VIEWER) {
        app_refuse(app);
        return;
    }
    char mine[256];
    store_user_units(app->ctx->store, mine, sizeof mine);
    app_message(app, true, _("The work of %s is not yours to change; you work for %s"), unit, mine);
}

/* The role as the title bar shows it. */
static const char *role_label(enum user_role role)
{
    switch (role) {
    case USER_ADMIN:
        return _("admin");
    case USER_EDITOR:
        return _("editor");
    default:
        return _("viewer");
    }
}

static void draw_title_bar(struct app *app)
{
    struct tui_context *ctx = app->ctx;
    draw_fill(0, 0, COLS, ROLE_TITLE);
    char right[128], date[32];
    date_format(ctx->today, ctx->cfg->date_format, date, sizeof date);
    /* A bar, not a blank, parts the screen's name from the login: "Tasks and solutions root"
     * read as one phrase. */
    snprintf(right, sizeof right, " │ %s (%s) · %s ", ctx->user, role_label(store_role(ctx->store)),
             date);
    int right_w = text_width(right);
    if (right_w > COLS / 2)
        right_w = COLS / 2;
    right_w = draw_text(0, COLS - right_w, right_w, right, ROLE_TITLE);
    /* The screen's name stays whole; the plan's title gives way first. */
    char screen[256];
    snprintf(screen, sizeof screen, " · %s", _(app->current->title));
    int avail = COLS - right_w;
    int x = draw_text(0, 0, avail, " tiendo · ", ROLE_TITLE);
    int plan_w = avail - x - text_width(screen);
    if (plan_w >= 4) {
        x += draw_text(0, x, plan_w, app->plan_title, ROLE_TITLE);
        draw_text(0, x, avail - x, screen, ROLE_TITLE);
    } else { /* no room for the plan: no empty "tiendo ·  · " either */
        draw_text(0, x, avail - x, screen + strlen(" · "), ROLE_TITLE);
    }
}

/* The key shown for an action: its first key, or while typing the first one that is not
 * printable (printable keys are text then). -1 when none works. */
static int shown_key(const struct app *app, enum action act, bool typing)
{
    for (int i = 0; i < app->keymap->n[act]; i++)
        if (!typing || !key_is_printable(app->keymap->keys[act][i]))
            return app->keymap->keys[act][i];
    return -1;
}

/* Entries that do not fit whole are left out; the last one (back, quit) always shows. */
static void draw_key_bar(struct app *app, const struct screen_ops *ops, bool typing)
{
    int y = LINES - 1, x = 1, n = 0;
    draw_fill(y, 0, COLS, ROLE_NORMAL);
    char keys[16][32];
    const char *labels[16];
    int widths[16];
    for (const struct keybar_item *k = ops->keybar; k != NULL && k->act != ACT_NONE && n < 16;
         k++) {
        int key = shown_key(app, k->act, typing);
        if (key < 0 || !app_allows(app, ops->needs, k->act))
            continue;
        key_to_label(key, keys[n], sizeof keys[n]);
        labels[n] = _(k->label != NULL ? k->label : action_get(k->act)->label);
        widths[n] = text_width(keys[n]) + 1 + text_width(labels[n]) + 2;
        n++;
    }
    int reserve = n > 0 ? widths[n - 1] : 0;
    for (int i = 0; i < n; i++) {
        bool last = i == n - 1;
        if (!last && x + widths[i] > COLS - reserve)
            continue;
        if (last && x + widths[i] > COLS)
            x = COLS - widths[i] > 1 ? COLS - widths[i] : 1;
        x += draw_text(y, x, COLS - x, keys[i], ROLE_TITLE) + 1;
        x += draw_text(y, x, COLS - x, labels[i], ROLE_NORMAL) + 2;
    }
}

static void draw_all(struct app *app, struct frame *stack, int depth)
{
    erase();
    if (COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES) {
        char msg[128], quit[32] = "C-q";
        snprintf(msg, sizeof msg, _("terminal too small (need %dx%d)"), TUI_MIN_COLS,
                 TUI_MIN_LINES);
        draw_text(0, 0, COLS, msg, ROLE_ERROR);
        int key = shown_key(app, ACT_QUIT, true);
        if (key >= 0)
            key_to_label(key, quit, sizeof quit);
        snprintf(msg, sizeof msg, _("%s quits; what you type is kept"), quit);
        if (LINES > 1)
            draw_text(1, 0, COLS, msg, ROLE_NORMAL);
        return;
    }
    /* The topmost full screen, then the overlays above it. */
    int base = depth - 1;
    while (base > 0 && stack[base].ops->overlay)
        base--;
    const struct screen_ops *top = stack[depth - 1].ops;
    app->current = stack[base].ops;
    draw_title_bar(app);
    draw_hline(1);
    for (int i = base; i < depth; i++) {
        app->current = stack[i].ops;
        app->cursor_y = app->cursor_x = -1; /* only the topmost screen places the cursor */
        stack[i].ops->draw(app, stack[i].state, 2, LINES - 4);
    }
    if (app->message[0] != '\0') {
        draw_fill(LINES - 2, 0, COLS, ROLE_NORMAL);
        draw_text(LINES - 2, 1, COLS - 2, app->message,
                  app->message_is_error ? ROLE_ERROR : ROLE_MARKED);
    } else {
        draw_hline(LINES - 2);
    }
    void *top_state = stack[depth - 1].state;
    draw_key_bar(app, top,
                 top->text_entry || (top->wants_text != NULL && top->wants_text(top_state)));
}

/* Puts the screen app_open opened on the stack. */
static int push(struct frame *stack, int *depth, struct app *app)
{
    if (app->next_state == NULL)
        return -1;
    if (*depth >= STACK_MAX) {
        drop_next(app);
        return -1;
    }
    stack[*depth] = (struct frame){app->next, app->next_state, app->next_then, app->next_ctx};
    app->current = app->next;
    app->next = NULL;
    app->next_state = NULL;
    ++*depth;
    return 0;
}

/* Closes the top screen and hands its result to the one below, whose resume() says what
 * happens next (it may close in turn, or open a dialog). */
static enum tui_result quit_answer(struct app *app, void *ctx, int result)
{
    (void)app, (void)ctx;
    return result == DIALOG_YES ? TUI_QUIT : TUI_REDRAW;
}

/* Quitting with typing not yet saved in a form asks first; asked, the same key quits. */
static enum tui_result quit_or_ask(struct app *app, const struct frame *stack, int depth)
{
    if (stack[depth - 1].ops == &confirm_dialog)
        return TUI_QUIT;
    for (int i = 0; i < depth; i++) {
        const struct screen_ops *ops = stack[i].ops;
        if (ops->unsaved != NULL && ops->unsaved(stack[i].state)) {
            struct dialog_args ask = {
                _("Quit"), _("Quit tiendo and lose what you typed? It is not saved."), false};
            return app_open_then(app, &confirm_dialog, &ask, quit_answer, NULL);
        }
    }
    return TUI_QUIT;
}

static enum tui_result pop(struct frame *stack, int *depth, struct app *app, bool resume)
{
    struct frame *f = &stack[--*depth];
    if (f->ops->close != NULL)
        f->ops->close(app, f->state);
    free(f->state);
    int result = app->result;
    app->result = 0;
    if (*depth == 0)
        return TUI_HANDLED;
    struct frame *below = &stack[*depth - 1];
    app->current = below->ops;
    if (resume && f->then != NULL)
        return f->then(app, f->then_ctx, result);
    if (resume && below->ops->resume != NULL)
        return below->ops->resume(app, below->state, result);
    return TUI_REDRAW;
}

static void setup_terminal(const struct tui_context *ctx)
{
    /* Esc must feel instant, also over SSH. */
    set_escdelay(25);
    /* Restricted: Ctrl-Z must not stop tiendo (over a forced SSH command there is no shell to
     * come back to); ncurses keeps an ignored SIGTSTP ignored. */
    if (ctx->restricted) {
        signal(SIGTSTP, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
    }
    initscr();
    cbreak();
    /* Ctrl-S and Ctrl-Q are keys here, not flow control (endwin restores the setting). */
    struct termios tio;
    if (tcgetattr(STDIN_FILENO, &tio) == 0) {
        tio.c_iflag &= ~(tcflag_t)IXON;
        if (ctx->restricted) { /* Ctrl-Z and Ctrl-\ arrive as keys, which do nothing */
            tio.c_cc[VSUSP] = _POSIX_VDISABLE;
            tio.c_cc[VQUIT] = _POSIX_VDISABLE;
        }
        tcsetattr(STDIN_FILENO, TCSANOW, &tio);
    }
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    curs_set(0);
    theme_init(ctx->cfg->theme, ctx->cfg->colors);
}

/* For the benchmark only: with TIENDO_BENCH_FD=N, one byte to descriptor N each time the
 * screen has settled (drawn and written out, waiting for the next key). */
static int bench_fd = -1;

static void bench_settled(void)
{
    if (bench_fd >= 0 && write(bench_fd, "\n", 1) != 1)
        bench_fd = -1;
}

int tui_stopped_by(void)
{
    return (int)stop_requested;
}

void tui_end_by_signal(int sig)
{
    leaving = 1;
    on_stop_signal(sig); /* with leaving set: default action, raised again */
}

int tui_check_terminal(struct td_err *err)
{
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
        return td_err_set(err, TD_E_USAGE,
                          _("the full-screen program needs a terminal; see tiendo --help for "
                            "the commands that work without one"));
    const char *term = getenv("TERM");
    char shown[300];
    if (term == NULL || term[0] == '\0')
        return td_err_set(err, TD_E_USAGE,
                          _("TERM is not set: the full-screen program needs to know the "
                            "terminal type (for example TERM=xterm-256color)"));
    text_fit(term, 64, shown, sizeof shown); /* escaped: it is printed to the terminal */
    /* No terminfo name is that long or holds a '/' (ncurses would say "cannot read"). */
    int found = 0;
    bool plausible = strlen(term) <= 64 && strchr(term, '/') == NULL;
    if (!plausible || setupterm(term, STDOUT_FILENO, &found) != OK)
        return td_err_set(err, TD_E_USAGE,
                          found == 0 ? _("TERM=%s: no such terminal type in terminfo; set a known "
                                         "one (for example TERM=xterm-256color) or install "
                                         "ncurses-term")
                                     : _("TERM=%s: the terminfo database cannot be read"),
                          shown);
    const char *cup = tigetstr("cup");
    bool moves = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    if (!moves)
        return td_err_set(err, TD_E_USAGE,
                          _("TERM=%s cannot move the cursor, which the full-screen program "
                            "needs; set a real terminal type (for example TERM=xterm-256color)"),
                          shown);
    return 0;
}

int tui_run(struct tui_context *ctx, struct td_err *err)
{
    /* Any descriptor number from 3 on, only a pipe; a bad one is an error, not silence. */
    if ((bench_fd = bench_fd_from_env()) == -2)
        return td_err_set(err, TD_E_USAGE,
                          _("TIENDO_BENCH_FD=%s: not the number (3 or more) of an open pipe"),
                          getenv("TIENDO_BENCH_FD"));
    if (tui_check_terminal(err) != 0)
        return -1;
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
    setup_terminal(ctx);

    struct app app;
    memset(&app, 0, sizeof app);
    app.ctx = ctx;
    app.keymap = &ctx->cfg->keymap;
    app.summary = &sum;
    app.plan_title = sum.plan_short_title != NULL ? sum.plan_short_title : "";

    struct frame stack[STACK_MAX];
    int depth = 0;
    app.current = &menu_screen;
    int status = app_open(&app, &menu_screen, NULL) == TUI_PUSH ? push(stack, &depth, &app) : -1;
    bool dirty = true;
    static struct {
        int keys[HELD_MAX];
        int n, at;
    } held;
    held.n = held.at = 0;
    while (status == 0 && depth > 0 && !stop_requested) {
        struct frame *top = &stack[depth - 1];
        if (dirty) {
            app.cursor_y = app.cursor_x = -1;
            draw_all(&app, stack, depth);
            /* The real cursor where typing goes: input methods compose there. */
            if (app.cursor_y >= 0 && COLS >= TUI_MIN_COLS && LINES >= TUI_MIN_LINES) {
                curs_set(1);
                move(app.cursor_y, app.cursor_x);
            } else {
                curs_set(0);
            }
            refresh();
            dirty = false;
        }
        bool small = COLS < TUI_MIN_COLS || LINES < TUI_MIN_LINES;
        int key;
        if (!small && held.at < held.n) {
            key = held.keys[held.at++]; /* typed while the terminal was too small */
        } else {
            if (held.at == held.n)
                held.at = held.n = 0;
            bench_settled();
            key = read_key();
        }
        if (key < 0)
            continue; /* interrupted, or a key we do not use */
        if (key == TK_RESIZE) {
            dirty = true;
            continue;
        }
        bool text = top->ops->text_entry ||
                    (top->ops->wants_text != NULL && top->ops->wants_text(top->state));
        enum action act = keymap_lookup(app.keymap, key, top->ops->actions, text);
        if (small) {
            /* Nothing can be shown, but nothing typed is lost: keys wait until the terminal
             * is large enough again (a storm of resizes while typing into a form). The quit
             * key quits; so does q when no text is being typed and no key waits. */
            if (act == ACT_QUIT || (held.n == 0 && !text && (key == 'q' || key == 'Q'))) {
                while (depth > 0)
                    pop(stack, &depth, &app, false);
            } else if (held.n < HELD_MAX) {
                held.keys[held.n++] = key;
            } else {
                beep();
            }
            continue;
        }
        bool had_message = app.message[0] != '\0';
        app.message[0] = '\0';
        app.current = top->ops;
        enum tui_result r;
        if (act == ACT_HELP && top->ops != &help_screen) {
            app.below = top->ops;
            r = app_open(&app, &help_screen, NULL);
        } else if (act == ACT_QUIT) {
            r = quit_or_ask(&app, stack, depth);
        } else if (act == ACT_REDRAW) {
            clearok(curscr, TRUE);
            r = TUI_REDRAW;
        } else if (!app_allows(&app, top->ops->needs, act)) {
            app_refuse(&app);
            r = TUI_HANDLED;
        } else {
            r = top->ops->handle(&app, top->state, act, key);
        }
        /* Act on the result; closing a screen may lead to more (its opener's resume). */
        for (;;) {
            if (r == TUI_HANDLED) {
                dirty = dirty || had_message || app.message[0] != '\0';
            } else if (r == TUI_BACK) {
                r = pop(stack, &depth, &app, true);
                dirty = true;
                if (depth > 0)
                    continue;
            } else if (r == TUI_QUIT) {
                while (depth > 0)
                    pop(stack, &depth, &app, false);
            } else if (r == TUI_PUSH) {
                if (push(stack, &depth, &app) != 0 && app.message[0] == '\0')
                    app_message(&app, true, _("cannot open that screen"));
                dirty = true;
            } else {
                dirty = true;
            }
            break;
        }
    }
    leaving = 1;
    drop_next(&app);
    while (depth > 0)
        pop(stack, &depth, &app, false);
    endwin();
    store_summary_free(&sum);
    return status == 0 ? 0 : td_err_set(err, TD_E_IO, _("cannot open the main menu"));
}
