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

int eval_units_complete(const struct matrix_cell *cells, size_t nunits, size_t ncriteria)
{
    int done = 0;
    for (size_t u = 0; u < nunits; u++) {
        bool all = ncriteria > 0;
        for (size_t k = 0; k < ncriteria; k++)
            all = all && cells[u * ncriteria + k].score > 0;
        done += all;
    }
    return done;
}
