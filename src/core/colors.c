/* Colour role names and the [colors] value syntax. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/colors.h"
#include "tiendo/i18n.h"

static const char *const roles[ROLE_COUNT] = {
    [ROLE_NORMAL] = "normal",     [ROLE_TITLE] = "title",     [ROLE_SELECTED] = "selected",
    [ROLE_MARKED] = "marked",     [ROLE_OVERDUE] = "overdue", [ROLE_AT_RISK] = "at_risk",
    [ROLE_ON_TRACK] = "on_track", [ROLE_DONE] = "done",       [ROLE_MUTED] = "muted",
    [ROLE_ERROR] = "error",
};

const char *role_name(enum role role)
{
    return role < ROLE_COUNT ? roles[role] : "";
}

int role_by_name(const char *name)
{
    for (int r = 0; r < ROLE_COUNT; r++)
        if (strcmp(roles[r], name) == 0)
            return r;
    return -1;
}

static int color_by_name(const char *word)
{
    static const char *const names[] = {"black", "red",     "green", "yellow",
                                        "blue",  "magenta", "cyan",  "white"};
    if (strcmp(word, "default") == 0)
        return COLOR_SPEC_DEFAULT;
    for (int i = 0; i < 8; i++)
        if (strcmp(word, names[i]) == 0)
            return i;
    char *end;
    long n = strtol(word, &end, 10);
    if (end != word && *end == '\0' && n >= 0 && n <= 255)
        return (int)n;
    return -2;
}

int color_spec_parse(const char *text, struct color_spec *out, char *why, size_t why_size)
{
    struct color_spec spec = {COLOR_SPEC_DEFAULT, COLOR_SPEC_DEFAULT, 0, true};
    char copy[256];
    snprintf(copy, sizeof copy, "%s", text);
    int colours = 0;
    char *save = NULL;
    for (char *w = strtok_r(copy, " \t", &save); w != NULL; w = strtok_r(NULL, " \t", &save)) {
        if (strcmp(w, "bold") == 0) {
            spec.attrs |= CATTR_BOLD;
        } else if (strcmp(w, "underline") == 0) {
            spec.attrs |= CATTR_UNDERLINE;
        } else if (strcmp(w, "reverse") == 0) {
            spec.attrs |= CATTR_REVERSE;
        } else if (strcmp(w, "dim") == 0) {
            spec.attrs |= CATTR_DIM;
        } else {
            int c = color_by_name(w);
            if (c == -2 || colours == 2) {
                snprintf(why, why_size,
                         _("expected \"foreground [background] [bold] [underline] [reverse] "
                           "[dim]\" with colours black, red, green, yellow, blue, magenta, "
                           "cyan, white, default or 0-255; got \"%s\""),
                         text);
                return -1;
            }
            if (colours++ == 0)
                spec.fg = c;
            else
                spec.bg = c;
        }
    }
    if (colours == 0 && spec.attrs == 0) {
        snprintf(why, why_size, _("no colour given"));
        return -1;
    }
    *out = spec;
    return 0;
}
