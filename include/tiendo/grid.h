/* What a matrix screen asks of its model, whichever model it is (sub_grid, eval_grid), as
 * tig's view_ops say what a view does: the units down (added by id, in order), a band of
 * columns across, and each cell's text. The screen's list (list.c) keeps the units as its rows
 * and asks the model for everything else. Pure. */
#ifndef TIENDO_GRID_H
#define TIENDO_GRID_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/colors.h"

struct grid_ops {
    /* A load: forget the units and the cells, keeping the band (clear_units); then each unit
     * in matrix order (add_unit), then ready; 0, or -1 when memory runs out. */
    void (*clear_units)(void *grid);
    int (*add_unit)(void *grid, long id);
    int (*ready)(void *grid);
    /* The band: how many columns, and column k's heading (as shown, kept by the model). */
    size_t (*ncolumns)(const void *grid);
    const char *(*heading)(const void *grid, size_t k);
    /* The text of cell (u, k) (formatted into buf, size bytes, or the model's own), and its
     * role when role is not NULL: k past the band for the columns after it, u < 0 for the rows
     * of totals under the units (-1 the first); words: for an export, rather than symbols. */
    const char *(*text)(const void *grid, long u, long k, bool words, char *buf, size_t size,
                        enum role *role);
    void (*free)(void *grid);
};

#endif
