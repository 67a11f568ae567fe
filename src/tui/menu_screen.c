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

struct entry {
    enum entry_kind kind;
    int key; /* the digit or letter that opens it */
    const char *label;
};

static const struct entry entries[] = {
    {E_TASKS, '1', N_("Tasks and solutions")},
    {E_EVALUATION, '2', N_("Evaluation")},
    {E_REPORTS, '3', N_("Reports & schedule")},
    {E_TARGETS, '4', N_("Targets")},
    {E_ACTIVITIES, '5', N_("Activities")},
    {E_UNITS, '6', N_("Units")},
    {E_HELP, '?', N_("Help")},
    {E_QUIT, 'q', N_("Quit")},
};
#define NENTRIES ((int)(sizeof entries / sizeof entries[0]))

struct menu_state {
    int selected;
};

static void detail_of(const struct app *app, enum entry_kind kind, char *buf, size_t size)
{
    const struct store_summary *s = app->summary;
    buf[0] = '\0';
    switch (kind) {
    case E_TASKS:
        snprintf(buf, size, ngettext("%ld task", "%ld tasks", (unsigned long)s->tasks), s->tasks);
        break;
    case E_EVALUATION:
        snprintf(buf, size, ngettext("%ld criterion", "%ld criteria", (unsigned long)s->criteria),
                 s->criteria);
        break;
    case E_TARGETS:
        snprintf(buf, size,
                 ngettext("%ld indicator", "%ld indicators", (unsigned long)s->indicators),
                 s->indicators);
        break;
    case E_ACTIVITIES:
        snprintf(buf, size, "%s", _("communication · inspections, surveys · conferences"));
        break;
    case E_UNITS:
        snprintf(buf, size, ngettext("%ld unit", "%ld units", (unsigned long)s->units), s->units);
        break;
    default:
        break;
    }
}

static void menu_draw(struct app *app, void *state, int top, int height)
{
    struct menu_state *m = state;
    const struct store_summary *s = app->summary;
    int y = top;
    (void)height;
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
    for (int i = 0; i < NENTRIES; i++, y++) {
        bool sel = i == m->selected;
        enum role role = sel ? ROLE_SELECTED : ROLE_NORMAL;
        if (sel) {
            attrset(theme_attr(ROLE_SELECTED));
            mvhline(y, 2, ' ', COLS - 4);
            attrset(A_NORMAL);
        }
        char key[8];
        snprintf(key, sizeof key, "%c", entries[i].key);
        draw_text(y, 4, 2, key, sel ? ROLE_SELECTED : ROLE_MARKED);
        draw_text(y, 7, 26, _(entries[i].label), role);
        char detail[160];
        detail_of(app, entries[i].kind, detail, sizeof detail);
        draw_text(y, 34, COLS - 36, detail, sel ? ROLE_SELECTED : ROLE_MUTED);
    }
}

static enum tui_result activate(struct app *app, const struct entry *e)
{
    switch (e->kind) {
    case E_QUIT:
        return TUI_QUIT;
    case E_HELP:
        app->next = &help_screen;
        app->below = &menu_screen;
        return TUI_PUSH;
    default:
        app_message(app, false, _("%s: this screen is not in this version of tiendo yet"),
                    _(e->label));
        return TUI_REDRAW;
    }
}

static enum tui_result menu_handle(struct app *app, void *state, enum action act, int key)
{
    struct menu_state *m = state;
    switch (act) {
    case ACT_UP:
        m->selected = (m->selected + NENTRIES - 1) % NENTRIES;
        return TUI_REDRAW;
    case ACT_DOWN:
        m->selected = (m->selected + 1) % NENTRIES;
        return TUI_REDRAW;
    case ACT_HOME:
        m->selected = 0;
        return TUI_REDRAW;
    case ACT_END:
        m->selected = NENTRIES - 1;
        return TUI_REDRAW;
    case ACT_OPEN:
        return activate(app, &entries[m->selected]);
    case ACT_BACK:
        return TUI_QUIT; /* q on the main menu quits */
    default:
        break;
    }
    for (int i = 0; i < NENTRIES; i++)
        if (entries[i].key == key) {
            m->selected = i;
            return activate(app, &entries[i]);
        }
    return TUI_HANDLED;
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
    .draw = menu_draw,
    .handle = menu_handle,
    .actions = menu_actions,
    .keybar = menu_keybar,
};
