/* The action table: names, default keys and help labels; key names both ways. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "internal.h"
#include "tiendo/i18n.h"

/* Defaults only: every screen and the help are generated from this table. Function keys
 * always have a letter twin, for SSH clients that send none. */
static const struct action_def table[ACT_COUNT] = {
    [ACT_NONE] = {ACT_NONE, "", "", ""},
    [ACT_UP] = {ACT_UP, "move.up", "Up, k", N_("move up")},
    [ACT_DOWN] = {ACT_DOWN, "move.down", "Down, j", N_("move down")},
    [ACT_PAGE_UP] = {ACT_PAGE_UP, "move.page_up", "PgUp, C-b", N_("page up")},
    [ACT_PAGE_DOWN] = {ACT_PAGE_DOWN, "move.page_down", "PgDn, C-f", N_("page down")},
    [ACT_HOME] = {ACT_HOME, "move.first", "Home, g", N_("first")},
    [ACT_END] = {ACT_END, "move.last", "End, G", N_("last")},
    [ACT_OPEN] = {ACT_OPEN, "open", "Enter", N_("open")},
    [ACT_BACK] = {ACT_BACK, "back", "q", N_("back (quit on the main menu)")},
    [ACT_CANCEL] = {ACT_CANCEL, "cancel", "Esc", N_("cancel")},
    [ACT_HELP] = {ACT_HELP, "help", "?, F1", N_("help")},
    [ACT_QUIT] = {ACT_QUIT, "quit", "C-q", N_("quit tiendo")},
    [ACT_REDRAW] = {ACT_REDRAW, "redraw", "C-l", N_("redraw the screen")},
};

/* Available on every screen. */
static const enum action global[] = {ACT_HELP, ACT_QUIT, ACT_REDRAW, ACT_NONE};

const struct action_def *actions_get(enum action id)
{
    return id > ACT_NONE && id < ACT_COUNT ? &table[id] : &table[ACT_NONE];
}

static const struct {
    const char *name;
    int key;
    const char *label;
} named[] = {
    {"Up", TUI_FN + KEY_UP, "↑"},
    {"Down", TUI_FN + KEY_DOWN, "↓"},
    {"Left", TUI_FN + KEY_LEFT, "←"},
    {"Right", TUI_FN + KEY_RIGHT, "→"},
    {"PgUp", TUI_FN + KEY_PPAGE, "PgUp"},
    {"PgDn", TUI_FN + KEY_NPAGE, "PgDn"},
    {"Home", TUI_FN + KEY_HOME, "Home"},
    {"End", TUI_FN + KEY_END, "End"},
    {"Enter", TUI_FN + KEY_ENTER, "Enter"},
    {"Backspace", TUI_FN + KEY_BACKSPACE, "Backspace"},
    {"Delete", TUI_FN + KEY_DC, "Delete"},
    {"Insert", TUI_FN + KEY_IC, "Insert"},
    {"S-Tab", TUI_FN + KEY_BTAB, "S-Tab"},
    {"Tab", '\t', "Tab"},
    {"Esc", TUI_ESC, "Esc"},
    {"Space", ' ', "Space"},
};

int actions_parse_key(const char *name)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (strcmp(named[i].name, name) == 0)
            return named[i].key;
    if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
        char *end;
        long n = strtol(name + 1, &end, 10);
        if (*end == '\0' && n >= 1 && n <= 12)
            return TUI_FN + KEY_F((int)n);
    }
    if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && name[3] == '\0')
        return TUI_CTRL(name[2]);
    /* One printable character, in UTF-8. */
    wchar_t wc;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t len = mbrtowc(&wc, name, strlen(name), &st);
    if (len != (size_t)-1 && len != (size_t)-2 && len > 0 && name[len] == '\0' && wc > ' ' &&
        wc != 0x7F)
        return (int)wc;
    return -1;
}

void actions_key_name(int key, char *buf, size_t size)
{
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (named[i].key == key) {
            snprintf(buf, size, "%s", named[i].label);
            return;
        }
    if (key >= TUI_FN + KEY_F(1) && key <= TUI_FN + KEY_F(12)) {
        snprintf(buf, size, "F%d", key - TUI_FN - KEY_F0);
    } else if (key > 0 && key < ' ') {
        snprintf(buf, size, "C-%c", key + 'a' - 1);
    } else if (key < TUI_FN) {
        char mb[8] = {0};
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t n = wcrtomb(mb, (wchar_t)key, &st);
        snprintf(buf, size, "%s", n == (size_t)-1 ? "?" : mb);
    } else {
        snprintf(buf, size, "?");
    }
}

/* Whether key is one of the keys listed in an action's key string. */
static bool action_has_key(enum action id, int key)
{
    char keys[128];
    snprintf(keys, sizeof keys, "%s", table[id].keys);
    char *save = NULL;
    for (char *tok = strtok_r(keys, ", ", &save); tok != NULL; tok = strtok_r(NULL, ", ", &save))
        if (actions_parse_key(tok) == key)
            return true;
    return false;
}

enum action actions_for_key(int key, const enum action *screen_actions)
{
    for (const enum action *a = screen_actions; a != NULL && *a != ACT_NONE; a++)
        if (action_has_key(*a, key))
            return *a;
    for (const enum action *a = global; *a != ACT_NONE; a++)
        if (action_has_key(*a, key))
            return *a;
    return ACT_NONE;
}

void actions_key_label(enum action id, char *buf, size_t size)
{
    char keys[128];
    snprintf(keys, sizeof keys, "%s", table[id].keys);
    char *save = NULL;
    char *tok = strtok_r(keys, ", ", &save);
    int key = tok != NULL ? actions_parse_key(tok) : -1;
    if (key < 0)
        snprintf(buf, size, "?");
    else
        actions_key_name(key, buf, size);
}
