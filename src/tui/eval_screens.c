/* Evaluation: the criteria as the plan words them, rating a unit for a period with the facts
 * beside each criterion, and the matrix of units by criteria. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "menu.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_targets.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

#define CRIT_MAX    16
#define RATE_MAX    16
#define UNITS_MAX   512
#define PERIODS_MAX 40

/* Periods: each year of the plan, then its phases (mid-term and final evaluations). */
struct periods {
    char code[PERIODS_MAX][16];
    char label[PERIODS_MAX][128];
    const char *labels[PERIODS_MAX];
    int n;
};

static void list_periods(struct app *app, struct periods *p)
{
    struct unit_choice phases[16];
    int nph = 0;
    struct td_err err;
    store_choice_list(app->ctx->store, CHOICE_PHASE, phases, 16, &nph, &err);
    p->n = 0;
    for (long y = app->summary->start_year; y <= app->summary->end_year && p->n < PERIODS_MAX;
         y++, p->n++) {
        snprintf(p->code[p->n], sizeof p->code[0], "%ld", y);
        snprintf(p->label[p->n], sizeof p->label[0], _("year %ld"), y);
    }
    for (int i = 0; i < nph && p->n < PERIODS_MAX; i++, p->n++) {
        snprintf(p->code[p->n], sizeof p->code[0], "%s", phases[i].code);
        snprintf(p->label[p->n], sizeof p->label[0], "%s", phases[i].name);
    }
    for (int i = 0; i < p->n; i++)
        p->labels[i] = p->label[i];
}

/* The period that holds today's year, by default. */
static int current_period(const struct app *app, const struct periods *p)
{
    int y, m, d;
    date_to_ymd(app->ctx->today, &y, &m, &d);
    for (int i = 0; i < p->n; i++)
        if (atoi(p->code[i]) == y && strchr(p->code[i], '-') == NULL)
            return i;
    return 0;
}

/* ---- Criteria ---- */

struct criteria_state {
    char lines[200][600];
    enum role roles[200];
    int n, first;
};

/* Adds text, wrapped at spaces to the terminal's width (continuation lines indented). */
static void add_line(struct criteria_state *c, enum role role, const char *text)
{
    int width = COLS - 8 > 20 ? COLS - 8 : 20;
    const char *p = text;
    bool first = true;
    do {
        char line[600];
        size_t take = strlen(p), cut = 0;
        /* The longest prefix that fits, ending at a space when it must be cut. */
        for (size_t i = 0; i <= take; i++) {
            if (p[i] != ' ' && p[i] != '\0')
                continue;
            snprintf(line, sizeof line, "%s%.*s", first ? "" : "     ", (int)i, p);
            if (text_width(line) > width && cut > 0)
                break;
            cut = i;
            if (p[i] == '\0')
                break;
        }
        if (cut == 0)
            cut = take;
        if (c->n < 200) {
            snprintf(c->lines[c->n], sizeof c->lines[0], "%s%.*s", first ? "" : "     ", (int)cut,
                     p);
            c->roles[c->n++] = role;
        }
        p += cut;
        while (*p == ' ')
            p++;
        first = false;
    } while (*p != '\0');
}

static int criteria_open(struct app *app, void *state, void *arg)
{
    struct criteria_state *c = state;
    (void)arg;
    struct criterion_row crit[CRIT_MAX];
    struct vocab_row rates[RATE_MAX], measures[RATE_MAX];
    int nc, nr, nm;
    struct td_err err;
    if (store_criteria(app->ctx->store, crit, CRIT_MAX, &nc, &err) != 0 ||
        store_vocab(app->ctx->store, "rating", rates, RATE_MAX, &nr, &err) != 0 ||
        store_vocab(app->ctx->store, "measure", measures, RATE_MAX, &nm, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    char line[2200]; /* a plan line (up to 1,024 bytes) with its code and label, never cut */
    char source[300];
    store_plan_source(app->ctx->store, source, sizeof source);
    snprintf(line, sizeof line, _("From the plan file %s"), source);
    add_line(c, ROLE_MUTED, line);
    add_line(c, ROLE_NORMAL, "");
    add_line(c, ROLE_MARKED, _("Criteria"));
    for (int i = 0; i < nc; i++) {
        snprintf(line, sizeof line, "  %s) %s: %s", crit[i].code, crit[i].label, crit[i].wording);
        add_line(c, ROLE_NORMAL, line);
    }
    add_line(c, ROLE_NORMAL, "");
    add_line(c, ROLE_MARKED, _("Rating scale"));
    line[0] = ' ', line[1] = '\0';
    for (int i = 0; i < nr; i++)
        snprintf(line + strlen(line), sizeof line - strlen(line), " %s%s", rates[i].label,
                 i + 1 < nr ? " ·" : "");
    add_line(c, ROLE_NORMAL, line);
    add_line(c, ROLE_NORMAL, "");
    add_line(c, ROLE_MARKED, _("Evaluation measures"));
    for (int i = 0; i < nm; i++) {
        snprintf(line, sizeof line, "  %s%s%s", measures[i].label,
                 measures[i].detail[0] != '\0' ? ": " : "", measures[i].detail);
        add_line(c, ROLE_NORMAL, line);
    }
    return 0;
}

static void criteria_draw(struct app *app, void *state, int top, int height)
{
    struct criteria_state *c = state;
    (void)app;
    for (int i = c->first, y = top; i < c->n && y < top + height; i++, y++)
        draw_text(y, 2, COLS - 4, c->lines[i], c->roles[i]);
}

static enum tui_result criteria_handle(struct app *app, void *state, enum action act, int key)
{
    struct criteria_state *c = state;
    (void)app;
    (void)key;
    if (act == ACT_DOWN && c->first + 1 < c->n)
        c->first++;
    else if (act == ACT_UP && c->first > 0)
        c->first--;
    else if (act == ACT_BACK)
        return TUI_BACK;
    else
        return TUI_HANDLED;
    return TUI_REDRAW;
}

static const enum action scroll_actions[] = {ACT_UP, ACT_DOWN, ACT_BACK, ACT_NONE};
static const struct keybar_item scroll_keybar[] = {
    {ACT_DOWN, N_("scroll")}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

static const struct screen_ops criteria_screen = {
    .title = N_("Criteria"),
    .state_size = sizeof(struct criteria_state),
    .open = criteria_open,
    .draw = criteria_draw,
    .handle = criteria_handle,
    .actions = scroll_actions,
    .keybar = scroll_keybar,
};

/* ---- Rating a unit ---- */

struct eval_args {
    char period[16];
    char period_label[128];
    long unit_id;
    char unit_code[32];
    char unit[300];
};

enum { EF_RATING, EF_COMMENT, EF_EVIDENCE, EF_MEASURE, EF_PER };

struct eval_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct eval_args args;
    struct criterion_row crit[CRIT_MAX];
    int nc;
    struct vocab_row rates[RATE_MAX], measures[RATE_MAX];
    int nr, nm;
    const char *rate_labels[RATE_MAX + 1], *measure_labels[RATE_MAX + 1];
    struct evaluation_row rows[CRIT_MAX];
    struct form_field fields[CRIT_MAX * EF_PER];
    char labels[CRIT_MAX][300];
    char notes[CRIT_MAX][600];
    char intro[500];
};

static int index_of_id(const struct vocab_row *v, int n, long id)
{
    for (int i = 0; i < n; i++)
        if (v[i].id == id)
            return i;
    return -1;
}

/* The facts of each criterion, from the data (see store_unit_facts and the Targets rules). */
static void facts(struct app *app, struct eval_state *e)
{
    int from = atoi(e->args.period), to = from;
    const char *dash = strchr(e->args.period, '-');
    if (dash != NULL)
        to = atoi(dash + 1);
    char today[11];
    date_format_iso(app->ctx->today, today);
    struct unit_facts f;
    struct td_err err;
    if (store_unit_facts(app->ctx->store, e->args.unit_id, from, to, today,
                         (int)app->ctx->cfg->behind_tolerance, (int)app->ctx->cfg->due_soon_days,
                         &f, &err) != 0)
        return;
    /* (c): the verdicts of the indicators the unit owns. */
    char verdicts[400] = "";
    struct indicator_row *ind = calloc(64, sizeof *ind);
    int ni = 0;
    if (ind != NULL && store_indicator_list(app->ctx->store, ind, 64, &ni, &err) == 0) {
        for (int i = 0; i < ni; i++) {
            if (strcmp(ind[i].owner, e->args.unit_code) != 0)
                continue;
            struct forecast_result r;
            targets_forecast(app, &ind[i], &r);
            snprintf(verdicts + strlen(verdicts), sizeof verdicts - strlen(verdicts), "%s%s %s",
                     verdicts[0] != '\0' ? ", " : "", ind[i].code, verdict_label(r.verdict));
        }
    }
    free(ind);
    for (int k = 0; k < e->nc; k++) {
        char *n = e->notes[k];
        size_t size = sizeof e->notes[k];
        const char *kind = e->crit[k].facts; /* the plan file says which facts fit */
        if (strcmp(kind, "integration") == 0)
            snprintf(n, size, _("Facts: %ld of %ld tasks recorded in the unit's own plan"),
                     f.integrated, f.tasks);
        else if (strcmp(kind, "progress") == 0)
            snprintf(n, size,
                     _("Facts: %ld tasks, %ld done, %ld overdue, %ld behind, average %.0f %%"),
                     f.tasks, f.done, f.overdue, f.behind, f.avg_percent);
        else if (strcmp(kind, "targets") == 0)
            snprintf(n, size, _("Facts: %s"),
                     verdicts[0] != '\0' ? verdicts : _("the unit owns no indicator"));
        else if (strcmp(kind, "difficulties") == 0)
            snprintf(n, size, _("Facts: %ld difficulties, %ld proposals in the period; last: %s"),
                     f.difficulties, f.proposals,
                     f.last_difficulty[0] != '\0' ? f.last_difficulty : "-");
        else
            n[0] = '\0';
        e->fields[k * EF_PER + EF_RATING].note = n[0] != '\0' ? n : NULL;
    }
}

static enum tui_result eval_save(struct app *app, void *state);
static const struct screen_ops eval_screen;

/* The unit's evaluation as it is now: the arguments the form opens with (first, so that the
 * form can lay it out), then the rows with their versions. */
struct eval_fresh {
    struct eval_args args;
    struct evaluation_row rows[CRIT_MAX];
};

static int eval_reread(struct app *app, void *state, void *fresh)
{
    const struct eval_state *e = state;
    struct eval_fresh *f = fresh;
    f->args = e->args;
    for (int k = 0; k < e->nc; k++)
        f->rows[k].criterion_id = e->rows[k].criterion_id;
    struct td_err err;
    return store_evaluation_get(app->ctx->store, e->args.period, e->args.unit_id, f->rows, e->nc,
                                &err);
}

static void eval_adopt(void *state, const void *fresh)
{
    struct eval_state *e = state;
    const struct eval_fresh *f = fresh;
    for (int k = 0; k < e->nc; k++)
        e->rows[k].version = f->rows[k].version;
}

static int eval_open(struct app *app, void *state, void *arg)
{
    struct eval_state *e = state;
    e->args = *(const struct eval_args *)arg;
    struct td_err err;
    struct store *st = app->ctx->store;
    if (store_criteria(st, e->crit, CRIT_MAX, &e->nc, &err) != 0 ||
        store_vocab(st, "rating", e->rates, RATE_MAX, &e->nr, &err) != 0 ||
        store_vocab(st, "measure", e->measures, RATE_MAX, &e->nm, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    for (int k = 0; k < e->nc; k++)
        e->rows[k].criterion_id = e->crit[k].id;
    if (store_evaluation_get(st, e->args.period, e->args.unit_id, e->rows, e->nc, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    e->rate_labels[0] = e->measure_labels[0] = _("(none)");
    for (int i = 0; i < e->nr; i++)
        e->rate_labels[i + 1] = e->rates[i].label;
    for (int i = 0; i < e->nm; i++)
        e->measure_labels[i + 1] = e->measures[i].label;
    struct field_rule text = {.type = FT_TEXT, .max_chars = 1000};
    for (int k = 0; k < e->nc; k++) {
        struct form_field *f = &e->fields[(size_t)k * EF_PER];
        char label[sizeof e->labels[k]]; /* not straight into e: gcc sees an overlap */
        snprintf(label, sizeof label, "%s) %s", e->crit[k].code, e->crit[k].label);
        memcpy(e->labels[k], label, sizeof label);
        form_field_choice(&f[EF_RATING], e->labels[k], e->rate_labels, e->nr + 1,
                          index_of_id(e->rates, e->nr, e->rows[k].rating_id) + 1);
        form_field_text(&f[EF_COMMENT], _("  comment"), text, e->rows[k].comment);
        form_field_text(&f[EF_EVIDENCE], _("  evidence"), text, e->rows[k].evidence);
        form_field_choice(&f[EF_MEASURE], _("  measure"), e->measure_labels, e->nm + 1,
                          index_of_id(e->measures, e->nm, e->rows[k].measure_id) + 1);
    }
    facts(app, e);
    snprintf(e->intro, sizeof e->intro, _("%s · %s"), e->args.unit, e->args.period_label);
    e->base.save = eval_save;
    e->base.ops = &eval_screen;
    e->base.fresh_size = sizeof(struct eval_fresh);
    e->base.reread = eval_reread;
    e->base.adopt = eval_adopt;
    e->base.form = (struct form){e->fields, e->nc * EF_PER, 0, false, e->intro, 0};
    return 0;
}

static enum tui_result eval_save(struct app *app, void *state)
{
    struct eval_state *e = state;
    struct evaluation_row rows[CRIT_MAX];
    for (int k = 0; k < e->nc; k++) {
        struct form_field *f = &e->fields[(size_t)k * EF_PER];
        rows[k] = e->rows[k];
        int r = f[EF_RATING].choice, m = f[EF_MEASURE].choice;
        rows[k].rating_id = r > 0 ? e->rates[r - 1].id : 0;
        rows[k].measure_id = m > 0 ? e->measures[m - 1].id : 0;
        char *c = text_nfc(f[EF_COMMENT].buf.text), *v = text_nfc(f[EF_EVIDENCE].buf.text);
        snprintf(rows[k].comment, sizeof rows[k].comment, "%s", c != NULL ? c : "");
        snprintf(rows[k].evidence, sizeof rows[k].evidence, "%s", v != NULL ? v : "");
        free(c);
        free(v);
    }
    struct td_err err;
    if (store_evaluation_save(app->ctx->store, e->args.period, e->args.unit_id, rows, e->nc,
                              &err) != 0)
        return err.status == TD_E_CONFLICT ? form_conflict(app, state, err.msg)
                                           : form_save_failed(app, err.msg);
    app_message(app, false, _("Saved the evaluation of %s for %s"), e->args.unit,
                e->args.period_label);
    return TUI_BACK;
}

static const struct action_need eval_screen_needs[] = {{ACT_SAVE, NEED_ADMIN},
                                                       {ACT_NONE, NEED_NOTHING}};
static const struct screen_ops eval_screen = {
    .needs = eval_screen_needs,
    .title = N_("Evaluate a unit"),
    .state_size = sizeof(struct eval_state),
    .open = eval_open,
    .draw = form_base_draw,
    .handle = form_base_handle,
    .close = form_base_close,
    .resume = form_base_resume,
    .actions = form_actions,
    .keybar = form_keybar,
    .text_entry = true,
};

/* ---- Matrix ---- */

struct matrix_state {
    struct periods periods;
    int period;
    struct unit_choice units[UNITS_MAX];
    int nunits;
    struct criterion_row crit[CRIT_MAX];
    int nc;
    struct matrix_cell *cells;
    int row, col, first;
    struct eval_args open_args;
    bool choosing;
};

static int matrix_load(struct app *app, struct matrix_state *m)
{
    long ids[UNITS_MAX], cids[CRIT_MAX];
    for (int i = 0; i < m->nunits; i++)
        ids[i] = m->units[i].id;
    for (int k = 0; k < m->nc; k++)
        cids[k] = m->crit[k].id;
    struct td_err err;
    if (store_evaluation_matrix(app->ctx->store, m->periods.code[m->period], ids, m->nunits, cids,
                                m->nc, m->cells, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    return 0;
}

static int matrix_open(struct app *app, void *state, void *arg)
{
    struct matrix_state *m = state;
    (void)arg;
    struct td_err err;
    list_periods(app, &m->periods);
    m->period = current_period(app, &m->periods);
    if (store_unit_list(app->ctx->store, m->units, UNITS_MAX, &m->nunits, &err) != 0 ||
        store_criteria(app->ctx->store, m->crit, CRIT_MAX, &m->nc, &err) != 0) {
        app_message(app, true, "%s", err.msg);
        return -1;
    }
    m->cells = calloc((size_t)m->nunits * (size_t)m->nc + 1, sizeof *m->cells);
    if (m->cells == NULL || matrix_load(app, m) != 0) {
        free(m->cells);
        return -1;
    }
    return 0;
}

static void matrix_close(struct app *app, void *state)
{
    (void)app;
    free(((struct matrix_state *)state)->cells);
}

static enum role score_role(int score)
{
    return score >= 4   ? ROLE_ON_TRACK
           : score == 3 ? ROLE_NORMAL
           : score == 2 ? ROLE_AT_RISK
                        : ROLE_OVERDUE;
}

static void matrix_draw(struct app *app, void *state, int top, int height)
{
    struct matrix_state *m = state;
    (void)app;
    int done_units = 0;
    for (int u = 0; u < m->nunits; u++) {
        bool all = m->nc > 0;
        for (int k = 0; k < m->nc; k++)
            all = all && m->cells[u * m->nc + k].score > 0;
        done_units += all;
    }
    char head[300];
    snprintf(head, sizeof head, _("%s · %d of %d units evaluated · %d not yet"),
             m->periods.label[m->period], done_units, m->nunits, m->nunits - done_units);
    draw_text(top, 2, COLS - 4, head, ROLE_MARKED);
    int cw = (COLS - 14) / (m->nc > 0 ? m->nc : 1);
    if (cw > 16)
        cw = 16;
    for (int k = 0; k < m->nc; k++)
        draw_text(top + 1, 12 + k * cw, cw - 1, m->crit[k].code, ROLE_MUTED);
    int rows = height - 3;
    if (m->row < m->first)
        m->first = m->row;
    if (m->row >= m->first + rows)
        m->first = m->row - rows + 1;
    for (int u = m->first; u < m->nunits && u - m->first < rows; u++) {
        int y = top + 2 + u - m->first;
        draw_text(y, 2, 9, m->units[u].code, u == m->row ? ROLE_MARKED : ROLE_NORMAL);
        for (int k = 0; k < m->nc; k++) {
            const struct matrix_cell *c = &m->cells[u * m->nc + k];
            bool cur = u == m->row && k == m->col;
            if (cur)
                draw_fill(y, 12 + k * cw, cw - 1, ROLE_SELECTED);
            draw_text(y, 12 + k * cw, cw - 1, c->score > 0 ? c->label : "·",
                      cur            ? ROLE_SELECTED
                      : c->score > 0 ? score_role(c->score)
                                     : ROLE_MUTED);
        }
    }
}

static enum tui_result matrix_handle(struct app *app, void *state, enum action act, int key)
{
    struct matrix_state *m = state;
    if (key == TK_LEFT || key == TK_RIGHT) {
        m->col += key == TK_LEFT ? -1 : 1;
        m->col = m->col < 0 ? 0 : m->col >= m->nc ? m->nc - 1 : m->col;
        return TUI_REDRAW;
    }
    switch (act) {
    case ACT_UP:
    case ACT_DOWN:
        m->row += act == ACT_UP ? -1 : 1;
        m->row = m->row < 0 ? 0 : m->row >= m->nunits ? m->nunits - 1 : m->row;
        return TUI_REDRAW;
    case ACT_FILTER: {
        static struct choice_args args;
        args = (struct choice_args){_("Period"), m->periods.labels, m->periods.n, m->period};
        m->choosing = true;
        return app_open(app, &choice_dialog, &args);
    }
    case ACT_OPEN:
    case ACT_EDIT:
        if (m->nunits == 0)
            return TUI_HANDLED;
        snprintf(m->open_args.period, sizeof m->open_args.period, "%s", m->periods.code[m->period]);
        snprintf(m->open_args.period_label, sizeof m->open_args.period_label, "%s",
                 m->periods.label[m->period]);
        m->open_args.unit_id = m->units[m->row].id;
        snprintf(m->open_args.unit_code, sizeof m->open_args.unit_code, "%s",
                 m->units[m->row].code);
        snprintf(m->open_args.unit, sizeof m->open_args.unit, "%s  %s", m->units[m->row].code,
                 m->units[m->row].name);
        return app_open(app, &eval_screen, &m->open_args);
    case ACT_BACK:
        return TUI_BACK;
    default:
        return TUI_HANDLED;
    }
}

static enum tui_result matrix_resume(struct app *app, void *state, int result)
{
    struct matrix_state *m = state;
    if (m->choosing && result >= 0)
        m->period = result;
    m->choosing = false;
    matrix_load(app, m);
    return TUI_REDRAW;
}

static const enum action matrix_actions[] = {ACT_UP,   ACT_DOWN, ACT_FILTER, ACT_OPEN,
                                             ACT_EDIT, ACT_BACK, ACT_NONE};
static const struct keybar_item matrix_keybar[] = {{ACT_OPEN, N_("rate this unit")},
                                                   {ACT_FILTER, N_("period")},
                                                   {ACT_BACK, N_("back")},
                                                   {ACT_NONE, NULL}};

static const struct action_need matrix_screen_needs[] = {{ACT_OPEN, NEED_ADMIN},
                                                         {ACT_NONE, NEED_NOTHING}};
static const struct screen_ops matrix_screen = {
    .needs = matrix_screen_needs,
    .title = N_("Evaluation matrix"),
    .state_size = sizeof(struct matrix_state),
    .open = matrix_open,
    .draw = matrix_draw,
    .handle = matrix_handle,
    .close = matrix_close,
    .resume = matrix_resume,
    .actions = matrix_actions,
    .keybar = matrix_keybar,
};

/* ---- The Evaluation menu ---- */

struct emenu_state {
    struct menu_item items[3];
    struct menu_widget menu;
};

static int emenu_open(struct app *app, void *state, void *arg)
{
    struct emenu_state *s = state;
    (void)app;
    (void)arg;
    s->items[0] = (struct menu_item){'1', _("Matrix: units by criteria, rate a unit"), NULL};
    s->items[1] = (struct menu_item){'2', _("Criteria, rating scale and measures"), NULL};
    s->items[2] = (struct menu_item){'q', _("Back"), NULL};
    s->menu = (struct menu_widget){s->items, 3, 0, 0, false};
    return 0;
}

static void emenu_draw(struct app *app, void *state, int top, int height)
{
    struct emenu_state *s = state;
    (void)app;
    draw_text(top, 2, COLS - 4,
              _("Section IV 2.1 of the plan: each unit is rated on each criterion, by period"),
              ROLE_MUTED);
    menu_widget_draw(&s->menu, top + 2, 2, COLS - 4, height - 2, COLS - 12);
}

static enum tui_result emenu_handle(struct app *app, void *state, enum action act, int key)
{
    struct emenu_state *s = state;
    if (act == ACT_BACK)
        return TUI_BACK;
    bool changed;
    int chosen = menu_widget_handle(&s->menu, act, key, &changed);
    if (chosen == 0)
        return app_open(app, &matrix_screen, NULL);
    if (chosen == 1)
        return app_open(app, &criteria_screen, NULL);
    if (chosen == 2)
        return TUI_BACK;
    return changed ? TUI_REDRAW : TUI_HANDLED;
}

static const enum action emenu_actions[] = {ACT_UP, ACT_DOWN, ACT_OPEN, ACT_BACK, ACT_NONE};
static const struct keybar_item emenu_keybar[] = {
    {ACT_DOWN, N_("select")}, {ACT_OPEN, NULL}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};

const struct screen_ops eval_menu_screen = {
    .title = N_("Evaluation"),
    .state_size = sizeof(struct emenu_state),
    .open = emenu_open,
    .draw = emenu_draw,
    .handle = emenu_handle,
    .actions = emenu_actions,
    .keybar = emenu_keybar,
};
