/* The evaluation matrix's periods and its complete units. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "tiendo/evalgrid.h"
#include "tiendo/i18n.h"

void eval_periods_init(struct eval_periods *p)
{
    *p = (struct eval_periods){.current = 0};
    vec_init(&p->list, sizeof(struct eval_period));
}

int eval_periods_years(struct eval_periods *p, long first, long last, int this_year)
{
    for (long year = first; year <= last; year++) {
        struct eval_period e;
        snprintf(e.code, sizeof e.code, "%ld", year);
        snprintf(e.label, sizeof e.label, _("year %ld"), year);
        p->current = year == this_year ? (int)p->list.n : p->current;
        if (vec_push(&p->list, &e) != 0)
            return -1;
    }
    return 0;
}

int eval_periods_add(struct eval_periods *p, const char *code, const char *label)
{
    struct eval_period e;
    snprintf(e.code, sizeof e.code, "%s", code);
    snprintf(e.label, sizeof e.label, "%s", label);
    return vec_push(&p->list, &e);
}

const char *const *eval_periods_labels(struct eval_periods *p)
{
    free(p->labels);
    p->labels = malloc((p->list.n + 1) * sizeof *p->labels);
    for (size_t i = 0; p->labels != NULL && i < p->list.n; i++)
        p->labels[i] = ((const struct eval_period *)vec_at(&p->list, i))->label;
    return p->labels;
}

const struct eval_period *eval_period_at(const struct eval_periods *p, int i)
{
    return i >= 0 ? vec_at(&p->list, (size_t)i) : NULL;
}

void eval_periods_free(struct eval_periods *p)
{
    vec_free(&p->list);
    free(p->labels);
    p->labels = NULL;
}

void eval_grid_init(struct eval_grid *g)
{
    *g = (struct eval_grid){.cells = NULL};
    id_index_init(&g->units);
    id_index_init(&g->criteria);
    vec_init(&g->codes, sizeof(char[32]));
}

int eval_grid_add_unit(void *grid, long id)
{
    return id_index_add(&((struct eval_grid *)grid)->units, id);
}

int eval_grid_add_criterion(struct eval_grid *g, long id, const char *code)
{
    char c[32];
    snprintf(c, sizeof c, "%s", code);
    return vec_push(&g->codes, c) != 0 || id_index_add(&g->criteria, id) != 0 ? -1 : 0;
}

#define NU(g) id_index_count(&(g)->units)
#define NC(g) id_index_count(&(g)->criteria)

int eval_grid_ready(struct eval_grid *g)
{
    free(g->cells);
    g->cells = calloc(NU(g) * NC(g) + 1, sizeof *g->cells);
    if (g->cells == NULL)
        return -1;
    id_index_ready(&g->units);
    id_index_ready(&g->criteria);
    return 0;
}

int eval_grid_rating(void *grid, long unit_id, long criterion_id, int score, const char *label)
{
    struct eval_grid *g = grid;
    long u = id_index_find(&g->units, unit_id), k = id_index_find(&g->criteria, criterion_id);
    if (u >= 0 && k >= 0 && g->cells != NULL) {
        struct matrix_cell *c = &g->cells[(size_t)u * NC(g) + (size_t)k];
        c->score = score;
        snprintf(c->label, sizeof c->label, "%s", label);
    }
    return 0;
}

const struct matrix_cell *eval_grid_cell(const struct eval_grid *g, size_t u, size_t k)
{
    static const struct matrix_cell none = {0, ""};
    if (g->cells == NULL || u >= NU(g) || k >= NC(g))
        return &none;
    return &g->cells[u * NC(g) + k];
}

const char *eval_grid_code(const struct eval_grid *g, size_t k)
{
    const char *c = vec_at(&g->codes, k);
    return c != NULL ? c : "";
}

const char *eval_grid_text(const struct eval_grid *g, size_t u, size_t k)
{
    const struct matrix_cell *c = eval_grid_cell(g, u, k);
    return c->score > 0 ? c->label : "·";
}

void eval_grid_heading(const struct eval_grid *g, const char *period, char *buf, size_t size)
{
    int nu = (int)NU(g), done = eval_grid_complete(g);
    snprintf(buf, size, _("%s · %d of %d units evaluated · %d not yet"), period, done, nu,
             nu - done);
}

int eval_grid_complete(const struct eval_grid *g)
{
    int done = 0;
    for (size_t u = 0; u < NU(g); u++) {
        bool all = NC(g) > 0;
        for (size_t k = 0; k < NC(g); k++)
            all = all && eval_grid_cell(g, u, k)->score > 0;
        done += all;
    }
    return done;
}

void eval_grid_clear_units(struct eval_grid *g)
{
    id_index_free(&g->units);
    free(g->cells);
    g->cells = NULL;
}

void eval_grid_free(struct eval_grid *g)
{
    eval_grid_clear_units(g);
    id_index_free(&g->criteria);
    vec_free(&g->codes);
}

static void ops_clear(void *g)
{
    eval_grid_clear_units(g);
}

static int ops_ready(void *g)
{
    return eval_grid_ready(g);
}

static size_t ops_columns(const void *g)
{
    return NC((const struct eval_grid *)g);
}

static const char *ops_heading(const void *g, size_t k)
{
    return eval_grid_code(g, k);
}

/* A rating has no symbol of its own and no colour; there are no totals. */
static const char *ops_text(const void *g, long u, long k, bool words, char *buf, size_t size,
                            enum role *role)
{
    (void)words, (void)buf, (void)size, (void)role;
    return u >= 0 && k >= 0 ? eval_grid_text(g, (size_t)u, (size_t)k) : "";
}

static void ops_free(void *g)
{
    eval_grid_free(g);
}

const struct grid_ops eval_grid_ops = {.clear_units = ops_clear,
                                       .add_unit = eval_grid_add_unit,
                                       .ready = ops_ready,
                                       .ncolumns = ops_columns,
                                       .heading = ops_heading,
                                       .text = ops_text,
                                       .free = ops_free};
