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

VEC_KEEP(keep_vocab, struct vocab_row)

VEC_KEEP(keep_criterion, struct criterion_row)

/* Adds text, wrapped at spaces to the terminal's width (continuation lines indented). */
static void add_line(struct list_base *b, enum role role, const char *text)
{
    int width = COLS - 8 > 20 ? COLS - 8 : 20;
    const char *p = text;
    bool first = true;
    do {
        struct criteria_line l = {"", role};
        size_t take = strlen(p), cut = 0;
        /* The longest prefix that fits, ending at a space when it must be cut. */
        for (size_t i = 0; i <= take; i++) {
            if (p[i] != ' ' && p[i] != '\0')
                continue;
            snprintf(l.text, sizeof l.text, "%s%.*s", first ? "" : "     ", (int)i, p);
            if (text_width(l.text) > width && cut > 0)
                break;
            cut = i;
            if (p[i] == '\0')
                break;
        }
        if (cut == 0)
            cut = take;
        snprintf(l.text, sizeof l.text, "%s%.*s", first ? "" : "     ", (int)cut, p);
        list_keep(b, &l);
        p += cut;
        while (*p == ' ')
            p++;
        first = false;
    } while (*p != '\0');
}

static void add_vocab(struct list_base *b, const struct vec *v, bool details)
{
    char line[700] = " ";
    for (size_t i = 0; i < v->n; i++) {
        const struct vocab_row *r = vec_at(v, i);
        if (details) {
            snprintf(line, sizeof line, "  %s%s%s", r->label, r->detail[0] != '\0' ? ": " : "",
                     r->detail);
            add_line(b, ROLE_NORMAL, line);
        } else {
            snprintf(line + strlen(line), sizeof line - strlen(line), " %s%s", r->label,
                     i + 1 < v->n ? " ·" : "");
        }
    }
    if (!details)
        add_line(b, ROLE_NORMAL, line);
}

static int criteria_load(struct app *app, void *state, struct td_err *err)
{
    struct list_base *b = state;
    struct store *st = app->ctx->store;
    struct vec crit, rates, measures;
    vec_init(&crit, sizeof(struct criterion_row));
    vec_init(&rates, sizeof(struct vocab_row));
    vec_init(&measures, sizeof(struct vocab_row));
    int rc = store_criterion_each(st, keep_criterion, &crit, err) != 0 ||
                     store_vocab_each(st, "rating", keep_vocab, &rates, err) != 0 ||
                     store_vocab_each(st, "measure", keep_vocab, &measures, err) != 0
                 ? -1
                 : 0;
    char line[700], source[300];
    store_plan_source(st, source, sizeof source);
    snprintf(line, sizeof line, _("From the plan file %s"), source);
    add_line(b, ROLE_MUTED, line);
    add_line(b, ROLE_NORMAL, "");
    add_line(b, ROLE_MARKED, _("Criteria"));
    for (size_t i = 0; i < crit.n; i++) {
        const struct criterion_row *c = vec_at(&crit, i);
        snprintf(line, sizeof line, "  %s) %s: %s", c->code, c->label, c->wording);
        add_line(b, ROLE_NORMAL, line);
    }
    add_line(b, ROLE_NORMAL, "");
    add_line(b, ROLE_MARKED, _("Rating scale"));
    add_vocab(b, &rates, false);
    add_line(b, ROLE_NORMAL, "");
    add_line(b, ROLE_MARKED, _("Evaluation measures"));
    add_vocab(b, &measures, true);
    vec_free(&crit), vec_free(&rates), vec_free(&measures);
    return rc;
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
