/* The evaluation matrix's model: the periods one evaluates (each year of the plan, then its
 * phases: mid-term and final evaluations), and the ratings of units × criteria. Pure. */
#ifndef TIENDO_EVALGRID_H
#define TIENDO_EVALGRID_H

#include <stddef.h>

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
/* How many of nunits rows of ncriteria cells (row after row) are rated on every criterion;
 * none without criteria. */
int eval_units_complete(const struct matrix_cell *cells, size_t nunits, size_t ncriteria);

#endif
