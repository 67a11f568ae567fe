/* The criteria of the evaluation as the plan words them, its rating scale and measures; and
 * the Evaluation menu that leads to them and to the matrix. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "app.h"
#include "list.h"
#include "menu.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

/* The criteria screen is a list of lines, so that it moves, searches and exports as every
 * list does. */
struct criteria_line {
    char text[600];
    enum role role;
};

/* Adds text, wrapped to the terminal's width (continuation lines indented). */
static void add_line(struct list_base *b, enum role role, const char *text)
{
    int width = COLS - 8 > 20 ? COLS - 8 : 20;
    size_t next = 0;
    for (bool first = true; first || *text != '\0'; first = false, text += next) {
        struct criteria_line l = {"", role};
        int len = (int)text_wrap(text, first ? width : width - 5, &next);
        snprintf(l.text, sizeof l.text, "%s%.*s", first ? "" : "     ", len, text);
        list_keep(b, &l);
    }
}

/* A blank line, then a section's title. */
static void add_section(struct list_base *b, const char *title)
{
    add_line(b, ROLE_NORMAL, "");
    add_line(b, ROLE_MARKED, title);
}

static int add_criterion(void *ctx, const struct criterion_row *c)
{
    char line[1400];
    snprintf(line, sizeof line, "  %s) %s: %s", c->code, c->label, c->wording);
    add_line(ctx, ROLE_NORMAL, line);
    return 0;
}

/* The rating scale on one line: "Tốt · Khá · …". */
static int add_rating(void *ctx, const struct vocab_row *r)
{
    char *line = ctx;
    size_t len = strlen(line);
    snprintf(line + len, 700 - len, "%s%s", len > 1 ? " · " : " ", r->label);
    return 0;
}

static int add_measure(void *ctx, const struct vocab_row *r)
{
    char line[800];
    snprintf(line, sizeof line, "  %s%s%s", r->label, r->detail[0] != '\0' ? ": " : "", r->detail);
    add_line(ctx, ROLE_NORMAL, line);
    return 0;
}

static int criteria_load(struct app *app, void *state, struct td_err *err)
{
    struct list_base *b = state;
    struct store *st = app->ctx->store;
    char line[700] = " ", source[300], from[400];
    store_plan_source(st, source, sizeof source);
    snprintf(from, sizeof from, _("From the plan file %s"), source);
    add_line(b, ROLE_MUTED, from);
    add_section(b, _("Criteria"));
    int rc = store_criterion_each(st, add_criterion, b, err);
    add_section(b, _("Rating scale"));
    rc |= store_vocab_each(st, "rating", add_rating, line, err);
    add_line(b, ROLE_NORMAL, line);
    add_section(b, _("Evaluation measures"));
    rc |= store_vocab_each(st, "measure", add_measure, b, err);
    return rc != 0 ? -1 : 0;
}

static void criteria_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                            struct list_row *out)
{
    const struct criteria_line *l = row;
    (void)app, (void)state, (void)c;
    out->cells[0] = l->text;
    out->role = l->role;
}

static const struct list_column criteria_cols[] = {{"", {0, 20, 1}, false, true}};
static const struct list_spec criteria_spec = {
    .cols = criteria_cols,
    .ncols = 1,
    .row_size = sizeof(struct criteria_line),
    .export_name = "criteria",
    .load = criteria_load,
    .format = criteria_format,
};

static int criteria_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return list_base_open(app, state, &criteria_spec);
}

static const enum action criteria_actions[] = {LIST_ACTIONS, ACT_NONE};
static const struct keybar_item criteria_keybar[] = {
    {ACT_DOWN, N_("scroll")}, {ACT_SEARCH, NULL}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops criteria_screen = {
    LIST_BASE_OPS,         .title = N_("Criteria"),     .state_size = sizeof(struct list_base),
    .open = criteria_open, .actions = criteria_actions, .keybar = criteria_keybar,
};

/* ---- The Evaluation menu ---- */

static const struct submenu_item emenu_items[] = {
    {N_("Matrix: units by criteria, rate a unit"), &eval_matrix_screen, NULL},
    {N_("Criteria, rating scale and measures"), &criteria_screen, NULL},
};
static const struct submenu_spec emenu_spec = {
    N_("Section IV 2.1 of the plan: each unit is rated on each criterion, by period"), emenu_items,
    2};

static int emenu_open(struct app *app, void *state, void *arg)
{
    (void)arg;
    return submenu_open(app, state, &emenu_spec);
}

const struct screen_ops eval_menu_screen = {
    SUBMENU_OPS,
    .title = N_("Evaluation"),
    .open = emenu_open,
};
