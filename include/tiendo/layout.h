/* Column layout for lists: widths in display cells. */
#ifndef TIENDO_LAYOUT_H
#define TIENDO_LAYOUT_H

struct column_spec {
    int width;    /* wanted cells */
    int min;      /* never less than this, while there is room */
    int flexible; /* takes what is left (one column at most should) */
};

/* Fits n columns, each followed by one blank cell, into total cells: fixed columns get their
 * width, the flexible one the rest (at least its min); when even that does not fit, columns
 * shrink from the last to their min, then drop to 0 from the last. Returns the cells used. */
int layout_columns(const struct column_spec *cols, int n, int total, int *widths);

#endif
