/* Evaluation: the criteria as the plan words them, rating a unit for a period with the facts
 * beside each criterion, and the matrix of units by criteria. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "dialog.h"
#include "form.h"
#include "list.h"
#include "menu.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_targets.h"
#include "tiendo/store_tasks.h"
#include "tiendo/text.h"

#define CRIT_MAX 16
#define RATE_MAX 16

/* Periods: each year of the plan, then its phases (mid-term and final evaluations). */
struct periods {
    char (*code)[16];
    char (*label)[128];
    const char **labels;
    int n;
};

VEC_KEEP(keep_phase, struct unit_choice)

static void periods_free(struct periods *p)
{
    free(p->code), free(p->label), free(p->labels);
    *p = (struct periods){0};
}

static int list_periods(struct app *app, struct periods *p)
{
    struct vec phases;
    struct td_err err = {0};
    vec_init(&phases, sizeof(struct unit_choice));
    long years = app->summary->end_year - app->summary->start_year + 1;
    if (store_choice_each(app->ctx->store, CHOICE_PHASE, keep_phase, &phases, &err) != 0)
        app_message(app, true, "%s", err.msg[0] != '\0' ? err.msg : _("out of memory"));
    size_t n = (size_t)(years > 0 ? years : 0) + phases.n + 1;
    p->code = calloc(n, sizeof *p->code);
    p->label = calloc(n, sizeof *p->label);
    p->labels = calloc(n, sizeof *p->labels);
    p->n = 0;
    if (p->code == NULL || p->label == NULL || p->labels == NULL) {
        periods_free(p);
        vec_free(&phases);
        return -1;
    }
    for (long y = app->summary->start_year; y <= app->summary->end_year; y++, p->n++) {
        snprintf(p->code[p->n], sizeof p->code[0], "%ld", y);
        snprintf(p->label[p->n], sizeof p->label[0], _("year %ld"), y);
    }
    for (size_t i = 0; i < phases.n; i++, p->n++) {
        const struct unit_choice *ph = vec_at(&phases, i);
        snprintf(p->code[p->n], sizeof p->code[0], "%s", ph->code);
        snprintf(p->label[p->n], sizeof p->label[0], "%s", ph->name);
    }
    for (int i = 0; i < p->n; i++)
        p->labels[i] = p->label[i];
    vec_free(&phases);
    return 0;
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

static const struct screen_ops criteria_screen = {
    LIST_BASE_OPS,         .title = N_("Criteria"),     .state_size = sizeof(struct list_base),
    .open = criteria_open, .actions = criteria_actions, .keybar = criteria_keybar,
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

/* The verdicts of the indicators one unit owns, as "CODE verdict, ...". */
struct owned_verdicts {
    struct app *app;
    const char *unit;
    char text[400];
};

static int owned_verdict(void *ctx, const struct indicator_row *r)
{
    struct owned_verdicts *v = ctx;
    if (strcmp(r->owner, v->unit) != 0)
        return 0;
    struct forecast_result f;
    targets_forecast(v->app, r, &f);
    size_t len = strlen(v->text);
    snprintf(v->text + len, sizeof v->text - len, "%s%s %s", len > 0 ? ", " : "", r->code,
             verdict_label(f.verdict));
    return 0;
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
    /* (c): the verdicts of the indicators the unit owns, however many the plan has. */
    struct owned_verdicts v = {app, e->args.unit_code, ""};
    store_indicator_each(app->ctx->store, owned_verdict, &v, &err);
    const char *verdicts = v.text;
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

static const struct form_spec eval_form_spec = {&eval_screen, eval_save, sizeof(struct eval_fresh),
                                                eval_reread, eval_adopt};

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
    form_base_init(&e->base, &eval_form_spec, e->fields, e->nc * EF_PER, e->intro);
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
        return form_refused(app, state, &err);
    app_message(app, false, _("Saved the evaluation of %s for %s"), e->args.unit,
                e->args.period_label);
    return TUI_BACK;
}

static const struct screen_ops eval_screen = {
    .needs = form_needs_admin,
    .title = N_("Evaluate a unit"),
    .state_size = sizeof(struct eval_state),
    .open = eval_open,
    .close = form_base_close,
    FORM_SCREEN_OPS,
};

/* ---- Matrix ---- */

/* A list of units, a column for each criterion; Enter rates the selected unit. */
struct matrix_state {
    struct list_base base; /* first: the list_base_* functions take the state as one */
    struct periods periods;
    int period;
    struct vec crit; /* struct criterion_row */
    struct matrix_cell *cells;
    struct eval_args open_args;
    char head[300];
};

LIST_KEEP(keep_unit, struct unit_choice)

static int matrix_load(struct app *app, void *state, struct td_err *err)
{
    struct matrix_state *m = state;
    if (store_unit_each(app->ctx->store, keep_unit, m, err) != 0)
        return -1;
    size_t nu = m->base.rows.n, nc = m->crit.n;
    long *ids = malloc((nu + 1) * sizeof *ids), *cids = malloc((nc + 1) * sizeof *cids);
    free(m->cells);
    m->cells = calloc(nu * nc + 1, sizeof *m->cells);
    int rc = ids != NULL && cids != NULL && m->cells != NULL ? 0 : -1;
    for (size_t i = 0; rc == 0 && i < nu; i++)
        ids[i] = ((const struct unit_choice *)list_base_row(&m->base, (long)i))->id;
    for (size_t k = 0; rc == 0 && k < nc; k++)
        cids[k] = ((const struct criterion_row *)vec_at(&m->crit, k))->id;
    if (rc != 0)
        td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
    else
        rc = store_evaluation_matrix(app->ctx->store, m->periods.code[m->period], ids, (int)nu,
                                     cids, (int)nc, m->cells, err);
    free(ids), free(cids);
    return rc;
}

static void matrix_loaded(struct app *app, void *state)
{
    struct matrix_state *m = state;
    int nu = (int)m->base.rows.n, nc = (int)m->crit.n, done = 0;
    (void)app;
    for (int u = 0; u < nu; u++) {
        bool all = nc > 0;
        for (int k = 0; k < nc; k++)
            all = all && m->cells[u * nc + k].score > 0;
        done += all;
    }
    snprintf(m->head, sizeof m->head, _("%s · %d of %d units evaluated · %d not yet"),
             m->periods.label[m->period], done, nu, nu - done);
}

static const char *matrix_heading(void *state)
{
    return ((struct matrix_state *)state)->head;
}

static int matrix_columns(struct app *app, void *state, struct list_column *cols)
{
    struct matrix_state *m = state;
    int n = 1;
    (void)app;
    cols[0] = (struct list_column){_("Unit"), {9, 5, 0}, false, true};
    for (size_t k = 0; k < m->crit.n && n < LIST_MAX_COLS; k++, n++)
        cols[n] = (struct list_column){
            ((const struct criterion_row *)vec_at(&m->crit, k))->code, {15, 4, 1}, false, false};
    return n;
}

static void matrix_format(struct app *app, void *state, const void *row, char (*c)[LIST_CELL],
                          struct list_row *out)
{
    struct matrix_state *m = state;
    const struct unit_choice *u = row;
    long i = list_base_index(&m->base, row);
    int nc = (int)m->crit.n;
    (void)app, (void)c;
    out->id = u->id;
    out->cells[0] = u->code;
    for (int k = 0; k < nc && k + 1 < LIST_MAX_COLS; k++) {
        const struct matrix_cell *cell = &m->cells[i * nc + k];
        out->cells[k + 1] = cell->score > 0 ? cell->label : "·";
    }
}

static enum tui_result matrix_enter(struct app *app, void *state, const void *row)
{
    struct matrix_state *m = state;
    const struct unit_choice *u = row;
    struct eval_args *a = &m->open_args;
    snprintf(a->period, sizeof a->period, "%s", m->periods.code[m->period]);
    snprintf(a->period_label, sizeof a->period_label, "%s", m->periods.label[m->period]);
    a->unit_id = u->id;
    snprintf(a->unit_code, sizeof a->unit_code, "%s", u->code);
    snprintf(a->unit, sizeof a->unit, "%s  %s", u->code, u->name);
    return app_open(app, &eval_screen, a);
}

static enum tui_result period_picked(struct app *app, struct list_base *b, int result)
{
    (void)app;
    ((struct matrix_state *)b)->period = result;
    return list_base_changed(b);
}

static enum tui_result matrix_action(struct app *app, void *state, enum action act, const void *row)
{
    struct matrix_state *m = state;
    if (act == ACT_EDIT && row != NULL)
        return matrix_enter(app, state, row);
    return act == ACT_FILTER ? list_choose(&m->base, _("Period"), m->periods.labels, m->periods.n,
                                           m->period, period_picked)
                             : TUI_HANDLED;
}

static void matrix_close(void *state)
{
    struct matrix_state *m = state;
    vec_free(&m->crit);
    free(m->cells);
    periods_free(&m->periods);
}

static const struct list_spec matrix_spec = {
    .row_size = sizeof(struct unit_choice),
    .export_name = "evaluation-matrix",
    .load = matrix_load,
    .loaded = matrix_loaded,
    .format = matrix_format,
    .enter = matrix_enter,
    .action = matrix_action,
    .columns = matrix_columns,
    .heading = matrix_heading,
    .close = matrix_close,
};

static int matrix_open(struct app *app, void *state, void *arg)
{
    struct matrix_state *m = state;
    struct td_err err = {0};
    (void)arg;
    if (list_periods(app, &m->periods) != 0)
        return -1;
    m->period = current_period(app, &m->periods);
    vec_init(&m->crit, sizeof(struct criterion_row));
    if (store_criterion_each(app->ctx->store, keep_criterion, &m->crit, &err) != 0) {
        app_message(app, true, "%s", err.msg[0] != '\0' ? err.msg : _("out of memory"));
        vec_free(&m->crit);
        periods_free(&m->periods);
        return -1;
    }
    if (list_base_open(app, state, &matrix_spec) != 0) {
        matrix_close(m);
        return -1;
    }
    return 0;
}

static const enum action matrix_actions[] = {LIST_ACTIONS, ACT_FILTER, ACT_EDIT, ACT_NONE};
static const struct keybar_item matrix_keybar[] = {{ACT_OPEN, N_("rate this unit")},
                                                   {ACT_FILTER, N_("period")},
                                                   {ACT_SEARCH, NULL},
                                                   {ACT_BACK, N_("back")},
                                                   {ACT_NONE, NULL}};

static const struct action_need matrix_screen_needs[] = {{ACT_OPEN, NEED_ADMIN},
                                                         {ACT_NONE, NEED_NOTHING}};
static const struct screen_ops matrix_screen = {
    LIST_BASE_OPS,
    .needs = matrix_screen_needs,
    .title = N_("Evaluation matrix"),
    .state_size = sizeof(struct matrix_state),
    .open = matrix_open,
    .actions = matrix_actions,
    .keybar = matrix_keybar,
};

/* ---- The Evaluation menu ---- */

static const struct submenu_item emenu_items[] = {
    {N_("Matrix: units by criteria, rate a unit"), &matrix_screen, NULL},
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
