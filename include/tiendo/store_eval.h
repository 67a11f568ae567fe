/* Evaluations: the plan's criteria, ratings by period, unit and criterion, and the facts the
 * data gives for each criterion. */
#ifndef TIENDO_STORE_EVAL_H
#define TIENDO_STORE_EVAL_H

#include <stdbool.h>

#include "tiendo/err.h"
#include "tiendo/evalgrid.h"
#include "tiendo/store.h"

struct criterion_row {
    long id;
    char code[32], label[256], wording[1024];
    char facts[16]; /* integration, progress, targets, difficulties or none */
};

/* An entry of a plan list (rating levels, evaluation measures), best first for ratings. */
struct vocab_row {
    long id;
    char code[32], label[256], detail[512];
    int score;
};

int store_criterion_each(struct store *st, int (*fn)(void *ctx, const struct criterion_row *r),
                         void *ctx, struct td_err *err);
int store_criteria(struct store *st, struct criterion_row *out, int max, int *n,
                   struct td_err *err);
/* domain: "rating" or "measure". */
int store_vocab_each(struct store *st, const char *domain,
                     int (*fn)(void *ctx, const struct vocab_row *r), void *ctx,
                     struct td_err *err);

/* One criterion's evaluation of a unit for a period ("2025", or a phase "2021-2025"). */
struct evaluation_row {
    long criterion_id;
    long rating_id;  /* 0: not rated */
    long measure_id; /* 0: none */
    char comment[1024], evidence[1024], measure_note[256];
    char by[64], at[24];
    long version; /* 0 when there is none yet */
};

/* Reads the evaluations of a unit for a period, one per criterion id in rows[i].criterion_id
 * (rows not found keep version 0). */
int store_evaluation_get(struct store *st, const char *period, long unit_id,
                         struct evaluation_row *rows, int n, struct td_err *err);

/* Saves the n rows in one transaction (one change): inserted, or updated where they exist.
 * A row whose version is no longer the one read is TD_E_CONFLICT and nothing is saved. */
int store_evaluation_save(struct store *st, const char *period, long unit_id,
                          const struct evaluation_row *rows, int n, struct td_err *err);

/* Every rating of a period, in one query: rating(ctx, unit_id, criterion_id, score, label) for
 * each (eval_grid_rating, evalgrid.h, fills the matrix); a non-zero return stops the loop. */
int store_rating_each(struct store *st, const char *period,
                      int (*rating)(void *ctx, long unit_id, long criterion_id, int score,
                                    const char *label),
                      void *ctx, struct td_err *err);

/* What the data says about a unit for the criteria: integration into its plan (a), its tasks
 * (b), and the difficulties and proposals entered in the period's years (d). */
struct unit_facts {
    long tasks, integrated, done, overdue, behind;
    double avg_percent;
    long difficulties, proposals;
    char last_difficulty[512], last_proposal[512];
};
int store_unit_facts(struct store *st, long unit_id, int from_year, int to_year, const char *today,
                     int behind_tolerance, int due_soon_days, struct unit_facts *out,
                     struct td_err *err);

/* Calls row for every evaluation: period, unit code, criterion code, rating label, comment,
 * evidence, measure label, who and when. */
int store_evaluation_each(struct store *st, int (*row)(void *ctx, const char *const *cells),
                          void *ctx, struct td_err *err);

#endif
