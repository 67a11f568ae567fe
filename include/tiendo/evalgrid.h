/* The evaluation matrix's model: the periods one evaluates (each year of the plan, then its
 * phases: mid-term and final evaluations), and the ratings of units × criteria. Pure. */
#ifndef TIENDO_EVALGRID_H
#define TIENDO_EVALGRID_H

#include <stddef.h>

#include "tiendo/grid.h"
#include "tiendo/vec.h"

struct eval_period {
    char code[32];   /* "2025", or a phase's "2021-2025" */
    char label[256]; /* translated: "year 2025", or the phase's name */
};

struct eval_periods {
    struct vec list;     /* struct eval_period */
    const char **labels; /* for a choice, after eval_periods_labels */
    int current;         /* the year that holds today, else 0 */
};

void eval_periods_init(struct eval_periods *p);
/* The years first to last, current on this_year when it is one of them; 0, or -1 (memory). */
int eval_periods_years(struct eval_periods *p, long first, long last, int this_year);
/* Then each phase; 0, or -1 (memory). */
int eval_periods_add(struct eval_periods *p, const char *code, const char *label);
/* Every period's label, for a choice dialog (kept until eval_periods_free); NULL (memory). */
const char *const *eval_periods_labels(struct eval_periods *p);
/* Period i, or NULL. */
const struct eval_period *eval_period_at(const struct eval_periods *p, int i);
void eval_periods_free(struct eval_periods *p);

/* A rating in the matrix: the rating's score (0: none) and label. */
struct matrix_cell {
    int score;
    char label[64];
};

/* The ratings of a period, units down and criteria across; the store hands them one at a
 * time by ids (store_rating_each), found through an index. */
struct eval_grid {
    struct id_index units, criteria;
    struct vec codes;          /* char[32]: each criterion's code, a column heading */
    struct matrix_cell *cells; /* units × criteria, row after row */
};

void eval_grid_init(struct eval_grid *g);
/* The next row or column, in matrix order; 0, or -1 when memory runs out. */
int eval_grid_add_unit(void *grid, long id); /* grid: the struct eval_grid */
int eval_grid_add_criterion(struct eval_grid *g, long id, const char *code);
/* After the rows and columns: every cell unrated, the ids indexed; 0 or -1 (memory). */
int eval_grid_ready(struct eval_grid *g);
/* store_rating_each's callback (grid: the struct eval_grid): unit_id is rated score
 * (label) on criterion_id. Unknown ids are passed over. 0. */
int eval_grid_rating(void *grid, long unit_id, long criterion_id, int score, const char *label);
/* Cell (u, k) by position; an unrated one (also out of range) has score 0. */
const struct matrix_cell *eval_grid_cell(const struct eval_grid *g, size_t u, size_t k);
/* What the matrix shows: criterion k's code ("" out of range), cell (u, k)'s rating or "·". */
const char *eval_grid_code(const struct eval_grid *g, size_t k);
const char *eval_grid_text(const struct eval_grid *g, size_t u, size_t k);
/* How many units are rated on every criterion; none without criteria. */
int eval_grid_complete(const struct eval_grid *g);
/* The heading: the period's label, how many units are rated on every criterion, how many not. */
void eval_grid_heading(const struct eval_grid *g, const char *period, char *buf, size_t size);
/* Forgets the ratings and the units, keeping the criteria (a reload: eval_grid_add_unit
 * again, then eval_grid_ready). */
void eval_grid_clear_units(struct eval_grid *g);
void eval_grid_free(struct eval_grid *g);
/* The grid as a matrix screen's model (grid.h): the criteria's codes as the band, each cell's
 * rating (eval_grid_text); no totals. */
extern const struct grid_ops eval_grid_ops;

#endif
