/* Colour roles mapped to attributes: a default theme, [colors] overrides, and monochrome for
 * terminals without colour, for NO_COLOR, or by choice. */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static int attrs[ROLE_COUNT];

static int cattrs(unsigned c)
{
    return (int)(((c & CATTR_BOLD) ? A_BOLD : 0) | ((c & CATTR_UNDERLINE) ? A_UNDERLINE : 0) |
                 ((c & CATTR_REVERSE) ? A_REVERSE : 0) | ((c & CATTR_DIM) ? A_DIM : 0));
}

void theme_init(const char *theme, const struct color_spec *overrides)
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
        /* Overrides keep their attributes, without colour. */
        for (int r = 0; r < ROLE_COUNT; r++)
            if (overrides[r].set && overrides[r].attrs != 0)
                attrs[r] = cattrs(overrides[r].attrs);
        return;
    }
    start_color();
    use_default_colors();
    static const struct color_spec def[ROLE_COUNT] = {
        [ROLE_NORMAL] = {-1, -1, 0, true},
        [ROLE_TITLE] = {COLOR_WHITE, COLOR_BLUE, CATTR_BOLD, true},
        [ROLE_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, true},
        [ROLE_MARKED] = {COLOR_YELLOW, -1, CATTR_BOLD, true},
        [ROLE_OVERDUE] = {COLOR_RED, -1, CATTR_BOLD, true},
        [ROLE_AT_RISK] = {COLOR_YELLOW, -1, 0, true},
        [ROLE_ON_TRACK] = {COLOR_GREEN, -1, 0, true},
        [ROLE_DONE] = {COLOR_GREEN, -1, CATTR_DIM, true},
        [ROLE_MUTED] = {COLOR_BLUE, -1, 0, true},
        [ROLE_ERROR] = {COLOR_WHITE, COLOR_RED, CATTR_BOLD, true},
    };
    for (int r = 0; r < ROLE_COUNT; r++) {
        const struct color_spec *c = overrides[r].set ? &overrides[r] : &def[r];
        int fg = c->fg < COLORS ? c->fg : -1, bg = c->bg < COLORS ? c->bg : -1;
        if (r == ROLE_NORMAL && !overrides[r].set) {
            attrs[r] = A_NORMAL;
            continue;
        }
        init_pair((short)(r + 1), (short)fg, (short)bg);
        attrs[r] = (int)COLOR_PAIR(r + 1) | cattrs(c->attrs);
    }
}

int theme_attr(enum role role)
{
    return role < ROLE_COUNT ? attrs[role] : (int)A_NORMAL;
}
