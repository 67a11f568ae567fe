/* The action table, key names, and the keymap with its overrides and conflict checks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/i18n.h"
#include "tiendo/keys.h"

/* Defaults: every screen, the key bar and the help are generated from this table after the
 * [keys] overrides. Function keys always have a letter twin (some SSH clients send none). */
static const struct action_def actions[ACT_COUNT] = {
    [ACT_NONE] = {"", "", "", SCOPE_SCREEN},
    [ACT_UP] = {"move.up", "Up, k", N_("move up"), SCOPE_SCREEN},
    [ACT_DOWN] = {"move.down", "Down, j", N_("move down"), SCOPE_SCREEN},
    [ACT_PAGE_UP] = {"move.page_up", "PgUp, C-b", N_("page up"), SCOPE_SCREEN},
    [ACT_PAGE_DOWN] = {"move.page_down", "PgDn, C-f", N_("page down"), SCOPE_SCREEN},
    [ACT_HOME] = {"move.first", "Home, g", N_("first"), SCOPE_SCREEN},
    [ACT_END] = {"move.last", "End, G", N_("last"), SCOPE_SCREEN},
    [ACT_OPEN] = {"open", "Enter", N_("open"), SCOPE_SCREEN},
    [ACT_BACK] = {"back", "q", N_("back (quit on the main menu)"), SCOPE_SCREEN},
    [ACT_CANCEL] = {"cancel", "Esc", N_("cancel"), SCOPE_GLOBAL},
    [ACT_HELP] = {"help", "?, F1", N_("help"), SCOPE_GLOBAL},
    [ACT_QUIT] = {"quit", "C-q", N_("quit tiendo"), SCOPE_GLOBAL},
    [ACT_REDRAW] = {"redraw", "C-l", N_("redraw the screen"), SCOPE_GLOBAL},
    [ACT_SEARCH] = {"search", "/", N_("search"), SCOPE_SCREEN},
    [ACT_SEARCH_NEXT] = {"search.next", "n", N_("next match"), SCOPE_SCREEN},
    [ACT_SEARCH_PREV] = {"search.prev", "N", N_("previous match"), SCOPE_SCREEN},
    [ACT_FILTER] = {"filter", "f", N_("filter"), SCOPE_SCREEN},
    [ACT_SORT] = {"sort", "s", N_("sort by another column"), SCOPE_SCREEN},
    [ACT_MARK] = {"mark", "Space", N_("mark or unmark"), SCOPE_SCREEN},
    [ACT_ADD] = {"add", "a", N_("add"), SCOPE_SCREEN},
    [ACT_EDIT] = {"edit", "e", N_("edit"), SCOPE_SCREEN},
    [ACT_DELETE] = {"delete", "d", N_("delete"), SCOPE_SCREEN},
    [ACT_PROGRESS] = {"task.progress", "p", N_("enter progress"), SCOPE_SCREEN},
    [ACT_UNDO] = {"undo", "u", N_("undo your last change"), SCOPE_SCREEN},
    [ACT_EXPORT] = {"export", "x", N_("export the list as CSV"), SCOPE_SCREEN},
    [ACT_MATRIX] = {"reports.matrix", "m", N_("submission matrix: units by reports"), SCOPE_SCREEN},
    [ACT_DRAFT] = {"reports.draft", "r", N_("write the selected report's draft (Markdown)"),
                   SCOPE_SCREEN},
    [ACT_FIELD_NEXT] = {"form.next", "Tab, Down", N_("next field"), SCOPE_FORM},
    [ACT_FIELD_PREV] = {"form.prev", "S-Tab, Up", N_("previous field"), SCOPE_FORM},
    [ACT_SAVE] = {"form.save", "F2, C-s", N_("save"), SCOPE_FORM},
};

const struct action_def *action_get(enum action a)
{
    return a > ACT_NONE && a < ACT_COUNT ? &actions[a] : &actions[ACT_NONE];
}

enum action action_by_name(const char *name)
{
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (strcmp(actions[a].name, name) == 0)
            return (enum action)a;
    return ACT_NONE;
}

static const struct {
    const char *name, *label;
    int key;
} named[] = {
    {"Up", "↑", TK_UP},
    {"Down", "↓", TK_DOWN},
    {"Left", "←", TK_LEFT},
    {"Right", "→", TK_RIGHT},
    {"PgUp", "PgUp", TK_PGUP},
    {"PgDn", "PgDn", TK_PGDN},
    {"Home", "Home", TK_HOME},
    {"End", "End", TK_END},
    {"Enter", "Enter", TK_ENTER},
    {"Backspace", "Backspace", TK_BACKSPACE},
    {"Delete", "Delete", TK_DELETE},
    {"Insert", "Insert", TK_INSERT},
    {"S-Tab", "S-Tab", TK_BTAB},
    {"Tab", "Tab", TK_TAB},
    {"Esc", "Esc", TK_ESC},
    {"Space", "Space", ' '},
    {"Comma", ",", ','},
};
#define NNAMED (sizeof named / sizeof named[0])

/* Decodes one UTF-8 character that makes up all of s; -1 otherwise. */
static int single_char(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    int cp, len;
    if (p[0] == 0)
        return -1;
    if (p[0] < 0x80)
        cp = p[0], len = 1;
    else if ((p[0] & 0xE0) == 0xC0)
        cp = p[0] & 0x1F, len = 2;
    else if ((p[0] & 0xF0) == 0xE0)
        cp = p[0] & 0x0F, len = 3;
    else if ((p[0] & 0xF8) == 0xF0)
        cp = p[0] & 0x07, len = 4;
    else
        return -1;
    for (int i = 1; i < len; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return -1;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    return p[len] == '\0' ? cp : -1;
}

bool key_is_printable(int key)
{
    return key > ' ' && key != 0x7F && key < TK_SPECIAL && !(key >= 0x80 && key < 0xA0);
}

/* By the number of Esc [ n ~: VT220's editing keys and function keys. */
static int tilde_key(long n)
{
    static const int keys[] = {
        [1] = TK_HOME,  [2] = TK_INSERT, [3] = TK_DELETE, [4] = TK_END,    [5] = TK_PGUP,
        [6] = TK_PGDN,  [7] = TK_HOME,   [8] = TK_END,    [11] = TK_F(1),  [12] = TK_F(2),
        [13] = TK_F(3), [14] = TK_F(4),  [15] = TK_F(5),  [17] = TK_F(6),  [18] = TK_F(7),
        [19] = TK_F(8), [20] = TK_F(9),  [21] = TK_F(10), [23] = TK_F(11), [24] = TK_F(12),
    };
    return n >= 0 && n < (long)(sizeof keys / sizeof keys[0]) ? keys[n] : 0;
}

int key_escape(const char *seq, size_t n)
{
    static const char finals[] = "ABCDHFZPQRS";
    static const int keys[] = {TK_UP,   TK_DOWN, TK_RIGHT, TK_LEFT, TK_HOME, TK_END,
                               TK_BTAB, TK_F(1), TK_F(2),  TK_F(3), TK_F(4)};
    if (n < 2)
        return n == 1 && seq[0] != '[' && seq[0] != 'O' ? 0 : -1;
    if (seq[0] != '[' && seq[0] != 'O')
        return 0;
    unsigned char last = (unsigned char)seq[n - 1];
    if (seq[0] == '[' && (last < 0x40 || last > 0x7E))
        return -1; /* parameters go on: digits and ';' */
    if (last == '~' && seq[0] == '[') {
        long num = 0; /* the first parameter: "[15;2~" is F5 with Shift */
        for (size_t i = 1; i < n && seq[i] >= '0' && seq[i] <= '9' && num < 100; i++)
            num = num * 10 + (seq[i] - '0');
        return tilde_key(num);
    }
    const char *f = last != '\0' ? strchr(finals, last) : NULL;
    return f != NULL ? keys[f - finals] : 0;
}

int key_parse(const char *name)
{
    for (size_t i = 0; i < NNAMED; i++)
        if (strcmp(named[i].name, name) == 0)
            return named[i].key;
    if (name[0] == 'F' && name[1] >= '1' && name[1] <= '9') {
        char *end;
        long n = strtol(name + 1, &end, 10);
        if (*end == '\0' && n >= 1 && n <= 12)
            return TK_F((int)n);
    }
    if (name[0] == 'C' && name[1] == '-' && name[2] >= 'a' && name[2] <= 'z' && name[3] == '\0')
        return TK_CTRL(name[2]);
    int c = single_char(name);
    return c >= 0 && key_is_printable(c) ? c : -1;
}

static void encode_utf8(int cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp, out[1] = 0;
    } else if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6)), out[1] = (char)(0x80 | (cp & 0x3F)), out[2] = 0;
    } else if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12)), out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F)), out[3] = 0;
    } else {
        out[0] = (char)(0xF0 | (cp >> 18)), out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), out[3] = (char)(0x80 | (cp & 0x3F));
        out[4] = 0;
    }
}

static void key_text(int key, bool label, char *buf, size_t size)
{
    for (size_t i = 0; i < NNAMED; i++)
        if (named[i].key == key) {
            snprintf(buf, size, "%s", label ? named[i].label : named[i].name);
            return;
        }
    if (key >= TK_F(1) && key <= TK_F(12)) {
        snprintf(buf, size, "F%d", key - TK_F0);
    } else if (key >= 1 && key <= 26) {
        snprintf(buf, size, "C-%c", key + 'a' - 1);
    } else if (key_is_printable(key)) {
        char mb[8];
        encode_utf8(key, mb);
        snprintf(buf, size, "%s", mb);
    } else {
        snprintf(buf, size, "?");
    }
}

void key_to_name(int key, char *buf, size_t size)
{
    key_text(key, false, buf, size);
}

void key_to_label(int key, char *buf, size_t size)
{
    key_text(key, true, buf, size);
}

/* Parses a comma list of key names into keys[]; returns the count, or -1 with why. */
static int parse_keys(const char *spec, int keys[KEYMAP_MAX], char *why, size_t why_size)
{
    char copy[256];
    int n = 0;
    snprintf(copy, sizeof copy, "%s", spec);
    char *save = NULL;
    for (char *tok = strtok_r(copy, ",", &save); tok != NULL; tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ')
            tok++;
        size_t len = strlen(tok);
        while (len > 0 && tok[len - 1] == ' ')
            tok[--len] = '\0';
        int key = key_parse(tok);
        if (key < 0) {
            snprintf(why, why_size,
                     _("unknown key name \"%s\" (use e.g. p, F5, C-s, Enter, Esc, Space, PgDn)"),
                     tok);
            return -1;
        }
        if (n == KEYMAP_MAX) {
            snprintf(why, why_size, _("at most %d keys per action"), KEYMAP_MAX);
            return -1;
        }
        keys[n++] = key;
    }
    return n;
}

void keymap_defaults(struct keymap *km)
{
    char why[128];
    memset(km, 0, sizeof *km);
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
        int n = parse_keys(actions[a].keys, km->keys[a], why, sizeof why);
        km->n[a] = n > 0 ? n : 0;
    }
}

int keymap_bind(struct keymap *km, const char *action_name, const char *spec, char *why,
                size_t why_size)
{
    enum action a = action_by_name(action_name);
    if (a == ACT_NONE) {
        snprintf(why, why_size, _("no such action (see the help screen, ?, for the names)"));
        return -1;
    }
    int keys[KEYMAP_MAX];
    int n = parse_keys(spec, keys, why, why_size);
    if (n < 0)
        return -1;
    if (n == 0) {
        snprintf(why, why_size, _("no key given"));
        return -1;
    }
    bool twin = false, function = false;
    for (int i = 0; i < n; i++) {
        if (keys[i] >= TK_F(1) && keys[i] <= TK_F(12))
            function = true;
        else
            twin = true;
        if (actions[a].scope == SCOPE_FORM && key_is_printable(keys[i])) {
            char name[16];
            key_to_name(keys[i], name, sizeof name);
            snprintf(why, why_size,
                     _("\"%s\" would be typed into the field; form actions need a function, "
                       "control or movement key"),
                     name);
            return -1;
        }
    }
    if (function && !twin) {
        snprintf(why, why_size,
                 _("a function key needs a letter twin, since some SSH clients send no function "
                   "keys (e.g. %s = p, F5)"),
                 action_name);
        return -1;
    }
    memcpy(km->keys[a], keys, sizeof keys[0] * (size_t)n);
    km->n[a] = n;
    km->overridden[a] = true;
    return 0;
}

/* Whether two actions can be looked for at the same time. */
static bool together(enum action a, enum action b)
{
    enum action_scope sa = actions[a].scope, sb = actions[b].scope;
    if (sa == SCOPE_FORM || sb == SCOPE_FORM)
        return sa == sb || sa == SCOPE_GLOBAL || sb == SCOPE_GLOBAL;
    return true;
}

enum action keymap_conflict(const struct keymap *km, char *why, size_t why_size)
{
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        for (int b = a + 1; b < ACT_COUNT; b++) {
            if (!together((enum action)a, (enum action)b))
                continue;
            for (int i = 0; i < km->n[a]; i++)
                for (int j = 0; j < km->n[b]; j++) {
                    if (km->keys[a][i] != km->keys[b][j])
                        continue;
                    char name[16];
                    key_to_name(km->keys[a][i], name, sizeof name);
                    int blamed = km->overridden[b] ? b : a;
                    int other = blamed == a ? b : a;
                    snprintf(why, why_size, _("key %s is also bound to %s"), name,
                             actions[other].name);
                    return (enum action)blamed;
                }
        }
    return ACT_NONE;
}

static bool bound(const struct keymap *km, enum action a, int key)
{
    for (int i = 0; i < km->n[a]; i++)
        if (km->keys[a][i] == key)
            return true;
    return false;
}

enum action keymap_lookup(const struct keymap *km, int key, const enum action *screen,
                          bool text_entry)
{
    if (text_entry && key_is_printable(key))
        return ACT_NONE;
    for (const enum action *a = screen; a != NULL && *a != ACT_NONE; a++)
        if (bound(km, *a, key))
            return *a;
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++)
        if (actions[a].scope == SCOPE_GLOBAL && bound(km, (enum action)a, key))
            return (enum action)a;
    return ACT_NONE;
}

void keymap_keys_label(const struct keymap *km, enum action a, char *buf, size_t size)
{
    buf[0] = '\0';
    for (int i = 0; i < km->n[a]; i++) {
        char name[32];
        key_to_label(km->keys[a][i], name, sizeof name);
        if (i > 0)
            strncat(buf, ", ", size - strlen(buf) - 1);
        strncat(buf, name, size - strlen(buf) - 1);
    }
}
