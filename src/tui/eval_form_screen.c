/* Rating a unit for a period: for each criterion of the plan (any number of them) a rating, a
 * comment, the evidence and a measure, with the facts the data gives beside it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "form.h"
#include "list.h"
#include "screens.h"
#include "tiendo/i18n.h"
#include "tiendo/store_eval.h"
#include "tiendo/store_targets.h"
#include "tiendo/text.h"

enum { EF_RATING, EF_COMMENT, EF_EVIDENCE, EF_MEASURE, EF_PER };

struct eval_state {
    struct form_base base; /* first: the form_base_* functions take the state as one */
    struct eval_args args;
    struct vec crit, rates, measures; /* struct criterion_row, struct vocab_row */
    int nc;
    const char **rate_labels, **measure_labels;
    struct evaluation_row *rows;
    struct form_field *fields;
    char (*labels)[300];
    char (*notes)[600];
    char intro[500];
};

/* The choice of the entry with that id among v's (after "(none)"), or 0. */
static int choice_of(const struct vec *v, long id)
{
    for (size_t i = 0; i < v->n; i++)
        if (((const struct vocab_row *)vec_at(v, i))->id == id)
            return (int)i + 1;
    return 0;
}

/* The id of a choice (0: none). */
static long id_of(const struct vec *v, int choice)
{
    return choice > 0 ? ((const struct vocab_row *)vec_at(v, (size_t)choice - 1))->id : 0;
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
    int from = atoi(e->args.period.code), to = from;
    const char *dash = strchr(e->args.period.code, '-');
    if (dash != NULL)
        to = atoi(dash + 1);
    char today[11];
    date_format_iso(app->ctx->today, today);
    struct unit_facts f;
    struct td_err err;
    if (store_unit_facts(app->ctx->store, e->args.unit.id, from, to, today,
                         (int)app->ctx->cfg->behind_tolerance, (int)app->ctx->cfg->due_soon_days,
                         &f, &err) != 0)
        return;
    /* (c): the verdicts of the indicators the unit owns, however many the plan has. */
    struct owned_verdicts v = {app, e->args.unit.code, ""};
    store_indicator_each(app->ctx->store, owned_verdict, &v, &err);
    const char *verdicts = v.text;
    for (int k = 0; k < e->nc; k++) {
        char *n = e->notes[k];
        size_t size = sizeof e->notes[k];
        /* The plan file says which facts fit. */
        const char *kind = ((const struct criterion_row *)vec_at(&e->crit, (size_t)k))->facts;
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

/* The unit's evaluation as it is now: the arguments the form opens with (first, so that the
 * form can lay it out), then the rows with their versions, one per criterion. */
struct eval_fresh {
    struct eval_args args;
    struct evaluation_row *rows;
};

/* The stored rows of the unit for the n criteria of crit. */
static struct evaluation_row *read_rows(struct app *app, const struct eval_args *a, int n,
                                        const struct vec *crit, struct td_err *err)
{
    struct evaluation_row *rows = calloc((size_t)n + 1, sizeof *rows);
    if (rows == NULL) {
        td_err_set(err, TD_E_NOMEM, "%s", _("out of memory"));
        return NULL;
    }
    for (int k = 0; k < n; k++)
        rows[k].criterion_id = ((const struct criterion_row *)vec_at(crit, (size_t)k))->id;
    if (store_evaluation_get(app->ctx->store, a->period.code, a->unit.id, rows, n, err) != 0) {
        free(rows);
        return NULL;
    }
    return rows;
}

static int eval_reread(struct app *app, void *state, void *fresh)
{
    const struct eval_state *e = state;
    struct eval_fresh *f = fresh;
    struct td_err err;
    f->args = e->args;
    f->rows = read_rows(app, &e->args, e->nc, &e->crit, &err);
    return f->rows != NULL ? 0 : -1;
}

static void eval_adopt(void *state, const void *fresh)
{
    struct eval_state *e = state;
    const struct eval_fresh *f = fresh;
    for (int k = 0; k < e->nc; k++)
        e->rows[k].version = f->rows[k].version;
}

static void eval_fresh_free(void *fresh)
{
    free(((struct eval_fresh *)fresh)->rows);
}

static const struct form_spec eval_form_spec = {&eval_screen, eval_save, sizeof(struct eval_fresh),
                                                eval_reread, eval_adopt};

static void eval_free(struct eval_state *e)
{
    vec_free(&e->crit), vec_free(&e->rates), vec_free(&e->measures);
    free(e->rate_labels), free(e->measure_labels), free(e->rows), free(e->fields);
    free(e->labels), free(e->notes);
}

static void eval_close(struct app *app, void *state)
{
    form_base_close(app, state);
    eval_free(state);
}

VEC_KEEP(keep_criterion, struct criterion_row)

VEC_KEEP(keep_vocab, struct vocab_row)

/* "(none)", then the labels of v. */
static const char **choice_labels(const struct vec *v)
{
    const char **labels = malloc((v->n + 1) * sizeof *labels);
    for (size_t i = 0; labels != NULL && i <= v->n; i++)
        labels[i] = i == 0 ? _("(none)") : ((const struct vocab_row *)vec_at(v, i - 1))->label;
    return labels;
}

static int eval_open(struct app *app, void *state, void *arg)
{
    struct eval_state *e = state;
    e->args = *(const struct eval_args *)arg;
    struct td_err err = {0};
    struct store *st = app->ctx->store;
    vec_init(&e->crit, sizeof(struct criterion_row));
    vec_init(&e->rates, sizeof(struct vocab_row));
    vec_init(&e->measures, sizeof(struct vocab_row));
    int rc = store_criterion_each(st, keep_criterion, &e->crit, &err) != 0 ||
             store_vocab_each(st, "rating", keep_vocab, &e->rates, &err) != 0 ||
             store_vocab_each(st, "measure", keep_vocab, &e->measures, &err) != 0;
    e->nc = (int)e->crit.n;
    size_t n = (size_t)e->nc + 1;
    if (rc == 0 && (e->rows = read_rows(app, &e->args, e->nc, &e->crit, &err)) == NULL)
        rc = -1;
    e->rate_labels = choice_labels(&e->rates);
    e->measure_labels = choice_labels(&e->measures);
    e->fields = calloc(n * EF_PER, sizeof *e->fields);
    e->labels = calloc(n, sizeof *e->labels);
    e->notes = calloc(n, sizeof *e->notes);
    if (rc != 0 || e->rate_labels == NULL || e->measure_labels == NULL || e->fields == NULL ||
        e->labels == NULL || e->notes == NULL) {
        app_error(app, &err);
        eval_free(e);
        return -1;
    }
    struct field_rule text = {.type = FT_TEXT, .max_chars = 1000};
    for (int k = 0; k < e->nc; k++) {
        struct form_field *f = &e->fields[(size_t)k * EF_PER];
        const struct criterion_row *c = vec_at(&e->crit, (size_t)k);
        snprintf(e->labels[k], sizeof e->labels[k], "%s) %s", c->code, c->label);
        form_field_choice(&f[EF_RATING], e->labels[k], e->rate_labels, (int)e->rates.n + 1,
                          choice_of(&e->rates, e->rows[k].rating_id));
        form_field_text(&f[EF_COMMENT], _("  comment"), text, e->rows[k].comment);
        form_field_text(&f[EF_EVIDENCE], _("  evidence"), text, e->rows[k].evidence);
        form_field_choice(&f[EF_MEASURE], _("  measure"), e->measure_labels, (int)e->measures.n + 1,
                          choice_of(&e->measures, e->rows[k].measure_id));
    }
    facts(app, e);
    char unit[300];
    snprintf(unit, sizeof unit, "%s  %s", e->args.unit.code, e->args.unit.name);
    snprintf(e->intro, sizeof e->intro, _("%s · %s"), unit, e->args.period.label);
    form_base_init(&e->base, &eval_form_spec, e->fields, e->nc * EF_PER, e->intro);
    e->base.fresh_free = eval_fresh_free; /* the rows the reread allocates */
    return 0;
}

static enum tui_result eval_save(struct app *app, void *state)
{
    struct eval_state *e = state;
    struct evaluation_row *rows = malloc(((size_t)e->nc + 1) * sizeof *rows);
    if (rows == NULL)
        return form_save_failed(app, _("out of memory"));
    for (int k = 0; k < e->nc; k++) {
        struct form_field *f = &e->fields[(size_t)k * EF_PER];
        rows[k] = e->rows[k];
        rows[k].rating_id = id_of(&e->rates, f[EF_RATING].choice);
        rows[k].measure_id = id_of(&e->measures, f[EF_MEASURE].choice);
        char *c = text_nfc(f[EF_COMMENT].buf.text), *v = text_nfc(f[EF_EVIDENCE].buf.text);
        snprintf(rows[k].comment, sizeof rows[k].comment, "%s", c != NULL ? c : "");
        snprintf(rows[k].evidence, sizeof rows[k].evidence, "%s", v != NULL ? v : "");
        free(c);
        free(v);
    }
    struct td_err err;
    int rc = store_evaluation_save(app->ctx->store, e->args.period.code, e->args.unit.id, rows,
                                   e->nc, &err);
    free(rows);
    if (rc != 0)
        return form_refused(app, state, &err);
    app_message(app, false, _("Saved the evaluation of %s for %s"), e->args.unit.code,
                e->args.period.label);
    return app_close(app, SCREEN_CHANGED);
}

const struct screen_ops eval_screen = {
    .needs = form_needs_admin,
    .title = N_("Evaluate a unit"),
    .state_size = sizeof(struct eval_state),
    .open = eval_open,
    .close = eval_close,
    FORM_SCREEN_OPS,
};
