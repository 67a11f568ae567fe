/* Fitting list columns into the terminal's width. */
#include "tiendo/layout.h"

int layout_columns(const struct column_spec *cols, int n, int total, int *widths)
{
    int used = 0, flex = -1;
    for (int i = 0; i < n; i++) {
        widths[i] = cols[i].flexible ? cols[i].min : cols[i].width;
        if (cols[i].flexible && flex < 0)
            flex = i;
        used += widths[i] + (i + 1 < n);
    }
    if (used <= total) {
        if (flex >= 0)
            widths[flex] += total - used;
        return flex >= 0 ? total : used;
    }
    /* Too wide: shrink from the last column to its min, then drop columns from the end. */
    for (int i = n - 1; i >= 0 && used > total; i--) {
        int can = widths[i] - cols[i].min;
        int cut = can < used - total ? can : used - total;
        if (cut > 0) {
            widths[i] -= cut;
            used -= cut;
        }
    }
    for (int i = n - 1; i > 0 && used > total; i--) {
        used -= widths[i] + 1;
        widths[i] = 0;
    }
    if (used > total) {
        widths[0] = total;
        used = total;
    }
    return used;
}
