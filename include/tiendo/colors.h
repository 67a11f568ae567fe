/* Colour roles and their settings: names, and the parsing of [colors] values. Pure data; the
 * interface turns them into curses attributes. */
#ifndef TIENDO_COLORS_H
#define TIENDO_COLORS_H

#include <stdbool.h>
#include <stddef.h>

enum role {
    ROLE_NORMAL,
    ROLE_TITLE,
    ROLE_SELECTED,
    ROLE_MARKED,
    ROLE_OVERDUE,
    ROLE_AT_RISK,
    ROLE_ON_TRACK,
    ROLE_DONE,
    ROLE_MUTED,
    ROLE_ERROR,
    ROLE_COUNT
};

#define COLOR_SPEC_DEFAULT (-1) /* the terminal's own foreground or background */

enum { CATTR_BOLD = 1, CATTR_UNDERLINE = 2, CATTR_REVERSE = 4, CATTR_DIM = 8 };

/* A role's colours: fg and bg are 0..255 or COLOR_SPEC_DEFAULT; attrs a CATTR_ mask. */
struct color_spec {
    int fg, bg;
    unsigned attrs;
    bool set;
};

/* The role's name as written in [colors] ("at_risk"); role_by_name returns -1 if unknown. */
const char *role_name(enum role role);
int role_by_name(const char *name);

/* Parses "FOREGROUND [BACKGROUND] [bold] [underline] [reverse] [dim]": colours by name
 * (default, black, red, green, yellow, blue, magenta, cyan, white) or number 0..255.
 * Returns 0, or -1 with the reason in why. */
int color_spec_parse(const char *text, struct color_spec *out, char *why, size_t why_size);

#endif
