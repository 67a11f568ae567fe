/* Colour roles mapped to attributes: a default theme, and monochrome for terminals without
 * colour, for NO_COLOR, or by choice. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static int attrs[ROLE_COUNT];

void theme_init(const char *theme)
{
    const char *no_color = getenv("NO_COLOR");
    bool mono =
        (no_color != NULL && no_color[0] != '\0') || !has_colors() || strcmp(theme, "mono") == 0;
    static const int mono_attrs[ROLE_COUNT] = {
        [ROLE_NORMAL] = A_NORMAL,
        [ROLE_TITLE] = A_REVERSE,
        [ROLE_SELECTED] = A_REVERSE,
        [ROLE_MARKED] = A_BOLD,
        [ROLE_OVERDUE] = A_BOLD | A_UNDERLINE,
        [ROLE_AT_RISK] = A_UNDERLINE,
        [ROLE_ON_TRACK] = A_NORMAL,
        [ROLE_DONE] = A_DIM,
        [ROLE_MUTED] = A_DIM,
        [ROLE_ERROR] = A_BOLD | A_REVERSE,
    };
    if (mono) {
        memcpy(attrs, mono_attrs, sizeof attrs);
        return;
    }
    start_color();
    use_default_colors();
    static const struct {
        short fg, bg;
        int extra;
    } def[ROLE_COUNT] = {
        [ROLE_NORMAL] = {-1, -1, 0},
        [ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD},
        [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0},
        [ROLE_MARKED] = {COLOR_YELLOW, -1, A_BOLD},
        [ROLE_OVERDUE] = {COLOR_RED, -1, A_BOLD},
        [ROLE_AT_RISK] = {COLOR_YELLOW, -1, 0},
        [ROLE_ON_TRACK] = {COLOR_GREEN, -1, 0},
        [ROLE_DONE] = {COLOR_GREEN, -1, A_DIM},
        [ROLE_MUTED] = {COLOR_BLUE, -1, 0},
        [ROLE_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD},
    };
    for (int r = 0; r < ROLE_COUNT; r++) {
        if (r == ROLE_NORMAL) {
            attrs[r] = A_NORMAL;
            continue;
        }
        init_pair((short)r, def[r].fg, def[r].bg);
        attrs[r] = COLOR_PAIR(r) | def[r].extra;
    }
}

int theme_attr(enum role role)
{
    return role < ROLE_COUNT ? attrs[role] : (int)A_NORMAL;
}
