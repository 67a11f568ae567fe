/* The main menu: the plan, today's phase, and the way to every screen. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "menu.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_reports.h"
#include "tiendo/store_users.h"

enum entry_kind {
    E_TASKS,
    E_EVALUATION,
    E_REPORTS,
    E_TARGETS,
    E_ACTIVITIES,
    E_UNITS,
    E_AUDIT,
    E_PERIODS,
    E_HELP,
    E_QUIT
};

static const struct {
    int key;
    const char *label;
    const struct screen_ops *ops; /* what the entry opens */
} entries[] = {
    [E_TASKS] = {'1', N_("Tasks and solutions"), &tasks_screen},
    [E_EVALUATION] = {'2', N_("Evaluation"), &eval_menu_screen},
    [E_REPORTS] = {'3', N_("Reports & schedule"), &schedule_screen},
    [E_TARGETS] = {'4', N_("Targets"), &targets_screen},
    [E_ACTIVITIES] = {'5', N_("Activities"), &activities_screen},
    [E_UNITS] = {'6', N_("Units"), &units_screen},
    [E_AUDIT] = {'7', N_("Audit trail"), &audit_screen},
    [E_PERIODS] = {'8', N_("Periods"), &periods_screen},
    [E_HELP] = {'?', N_("Help"), &help_screen},
    [E_QUIT] = {'q', N_("Quit"), NULL},
};
#define NENTRIES ((int)(sizeof entries / sizeof entries[0]))

struct menu_state {
    struct menu_item items[NENTRIES];
    char details[NENTRIES][160];
    char today_line[400]; /* the reporting figures that matter today */
    struct menu_widget menu;
};

#define DUE_SOON_DAYS 30

/* The reporting figures: on the Reports entry and on a line of their own. */
static void fill_reports(struct app *app, struct menu_state *m)
{
    char today[11], until[11];
    date_format_iso(app->ctx->today, today);
    date_format_iso(app->ctx->today + DUE_SOON_DAYS, until);
    struct report_dashboard d;
    struct td_err err;
    m->today_line[0] = '\0';
    if (store_report_dashboard(app->ctx->store, today, until, &d, &err) != 0) {
        snprintf(m->details[E_REPORTS], sizeof m->details[0], "%s", err.msg);
        return;
    }
    snprintf(m->details[E_REPORTS], sizeof m->details[0], _("%ld overdue · %ld due within %d days"),
             d.overdue, d.due_soon, DUE_SOON_DAYS);
    char late[160] = "", next[360];
    if (d.last_annual[0] != '\0')
        snprintf(late, sizeof late, _("Annual report %s: %ld of %ld units late"), d.last_annual,
                 d.late_units, d.expected_units);
    if (d.next_meeting_date[0] != '\0') {
        char date[32];
        app_show_date(app, d.next_meeting_date, date, sizeof date);
        snprintf(next, sizeof next, _("next conference %s: %s"), date, d.next_meeting);
    } else
        snprintf(next, sizeof next, "%s", _("no conference scheduled"));
    snprintf(m->today_line, sizeof m->today_line, "%s%s%s", late, late[0] != '\0' ? " · " : "",
             next);
}

static void fill_details(struct app *app, struct menu_state *m)
{
    const struct store_summary *s = app->summary;
    for (int i = 0; i < NENTRIES; i++)
        m->details[i][0] = '\0';
    snprintf(m->details[E_TASKS], sizeof m->details[0],
             ngettext("%ld task", "%ld tasks", (unsigned long)s->tasks), s->tasks);
    snprintf(m->details[E_EVALUATION], sizeof m->details[0],
             ngettext("%ld criterion", "%ld criteria", (unsigned long)s->criteria), s->criteria);
    snprintf(m->details[E_TARGETS], sizeof m->details[0],
             ngettext("%ld indicator", "%ld indicators", (unsigned long)s->indicators),
             s->indicators);
    snprintf(m->details[E_ACTIVITIES], sizeof m->details[0], "%s",
             _("communication · inspections, surveys · conferences"));
    snprintf(m->details[E_UNITS], sizeof m->details[0],
             ngettext("%ld unit", "%ld units", (unsigned long)s->units), s->units);
    snprintf(m->details[E_AUDIT], sizeof m->details[0], "%s",
             store_role(app->ctx->store) == USER_ADMIN ? _("who changed what, and when")
                                                       : _("the changes of your units"));
    long days = store_lock_after_days(app->ctx->store);
    if (days > 0)
        snprintf(m->details[E_PERIODS], sizeof m->details[0], _("locked %ld days after the end"),
                 days);
    else
        snprintf(m->details[E_PERIODS], sizeof m->details[0], "%s", _("never locked"));
    fill_reports(app, m);
}

static int menu_open(struct app *app, void *state, void *arg)
{
    struct menu_state *m = state;
    (void)arg;
    fill_details(app, m);
    for (int i = 0; i < NENTRIES; i++)
        m->items[i] = (struct menu_item){entries[i].key, _(entries[i].label), m->details[i]};
    /* Help and Quit show the keys that do that everywhere, after [keys] overrides. */
    const struct keymap *km = app->keymap;
    m->items[E_HELP].key = km->n[ACT_HELP] > 0 ? km->keys[ACT_HELP][0] : 0;
    m->items[E_QUIT].key = km->n[ACT_BACK] > 0 ? km->keys[ACT_BACK][0] : 0;
    m->menu = (struct menu_widget){m->items, NENTRIES, 0, 0, false, 0};
    return 0;
}

static void menu_draw(struct app *app, void *state, int top, int height)
{
    struct menu_state *m = state;
    const struct store_summary *s = app->summary;
    int y = top;
    draw_text(y++, 2, COLS - 4, s->plan_title != NULL ? s->plan_title : "", ROLE_NORMAL);
    char line[256];
    if (s->phase_name != NULL)
        snprintf(line, sizeof line, _("%s · plan period %ld–%ld"), s->phase_name, s->start_year,
                 s->end_year);
    else
        snprintf(line, sizeof line, _("Plan period %ld–%ld"), s->start_year, s->end_year);
    draw_text(y++, 2, COLS - 4, line, ROLE_MUTED);
    if (s->demo_rows > 0)
        draw_text(y++, 2, COLS - 4, _("DEMO DATA: sample figures for illustration, not official"),
                  ROLE_AT_RISK);
    draw_text(y++, 2, COLS - 4, m->today_line, ROLE_NORMAL);
    y++;
    menu_widget_draw(&m->menu, y, 2, COLS - 4, top + height - y, 26);
}

static enum tui_result activate(struct app *app, int entry)
{
    if (entry == E_QUIT)
        return TUI_QUIT;
    if (entry == E_HELP)
        app->below = &menu_screen;
    return app_open(app, entries[entry].ops, NULL);
}

static enum tui_result menu_resume(struct app *app, void *state, int result)
{
    (void)result;
    fill_reports(app, state); /* a submission may have been recorded */
    return TUI_REDRAW;
}

static enum tui_result menu_handle(struct app *app, void *state, enum action act, int key)
{
    struct menu_state *m = state;
    if (act == ACT_BACK)
        return TUI_QUIT; /* q on the main menu quits */
    bool changed;
    int chosen = menu_widget_handle(&m->menu, act, key, &changed);
    if (chosen >= 0)
        return activate(app, chosen);
    return changed ? TUI_REDRAW : TUI_HANDLED;
}

static const enum action menu_actions[] = {ACT_UP,   ACT_DOWN, ACT_HOME, ACT_END,
                                           ACT_OPEN, ACT_BACK, ACT_NONE};
static const struct keybar_item menu_keybar[] = {
    {ACT_DOWN, N_("select")}, {ACT_OPEN, NULL}, {ACT_HELP, NULL},
    {ACT_BACK, N_("quit")},   {ACT_NONE, NULL},
};

const struct screen_ops menu_screen = {
    .title = N_("Overview"),
    .state_size = sizeof(struct menu_state),
    .open = menu_open,
    .draw = menu_draw,
    .handle = menu_handle,
    .resume = menu_resume,
    .actions = menu_actions,
    .keybar = menu_keybar,
};
