/* The main menu: the plan, today's phase, and the way to every screen. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"

enum entry_kind {
    E_TASKS,
    E_EVALUATION,
    E_REPORTS,
    E_TARGETS,
    E_ACTIVITIES,
    E_UNITS,
    E_HELP,
    E_QUIT
};

static const struct {
    int key;
    const char *label;
} entries[] = {
    [E_TASKS] = {'1', N_("Tasks and solutions")},
    [E_EVALUATION] = {'2', N_("Evaluation")},
    [E_REPORTS] = {'3', N_("Reports & schedule")},
    [E_TARGETS] = {'4', N_("Targets")},
    [E_ACTIVITIES] = {'5', N_("Activities")},
    [E_UNITS] = {'6', N_("Units")},
    [E_HELP] = {'?', N_("Help")},
    [E_QUIT] = {'q', N_("Quit")},
};
#define NENTRIES ((int)(sizeof entries / sizeof entries[0]))

struct menu_state {
    struct menu_item items[NENTRIES];
    char details[NENTRIES][160];
    struct menu_widget menu;
};

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
    m->menu = (struct menu_widget){m->items, NENTRIES, 0, 0, false};
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
        draw_text(y, 2, COLS - 4, _("DEMO DATA: sample figures for illustration, not official"),
                  ROLE_AT_RISK);
    y += 2;
    menu_widget_draw(&m->menu, y, 2, COLS - 4, top + height - y, 26);
}

static enum tui_result activate(struct app *app, int entry)
{
    switch (entry) {
    case E_QUIT:
        return TUI_QUIT;
    case E_HELP:
        app->below = &menu_screen;
        return app_open(app, &help_screen, NULL);
    case E_TASKS:
        return app_open(app, &tasks_screen, NULL);
    case E_UNITS:
        return app_open(app, &units_screen, NULL);
    case E_TARGETS:
        return app_open(app, &targets_screen, NULL);
    case E_EVALUATION:
        return app_open(app, &eval_menu_screen, NULL);
    case E_ACTIVITIES:
        return app_open(app, &activities_screen, NULL);
    case E_REPORTS:
        return app_open(app, &schedule_screen, NULL);
    default:
        return TUI_HANDLED;
    }
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
    .actions = menu_actions,
    .keybar = menu_keybar,
};
