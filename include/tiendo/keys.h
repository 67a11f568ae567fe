/* Keys and actions: one table of actions (name, default keys, help label), key names both
 * ways, and the keymap after [keys] overrides. Pure: the interface maps curses keys to these
 * codes in its one input function. */
#ifndef TIENDO_KEYS_H
#define TIENDO_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* A key as one int: a character is its Unicode code point (Ctrl-A..Ctrl-Z are 1..26, Esc 27,
 * Tab 9); a special key is TK_SPECIAL + n. */
#define TK_SPECIAL 0x110000
enum {
    TK_UP = TK_SPECIAL + 1,
    TK_DOWN,
    TK_LEFT,
    TK_RIGHT,
    TK_PGUP,
    TK_PGDN,
    TK_HOME,
    TK_END,
    TK_ENTER,
    TK_BACKSPACE,
    TK_DELETE,
    TK_INSERT,
    TK_BTAB,
    TK_RESIZE,
    TK_F0 = TK_SPECIAL + 64,
};
#define TK_F(n)    (TK_F0 + (n))
#define TK_CTRL(c) ((c)&0x1F)
#define TK_ESC     27
#define TK_TAB     9

enum action {
    ACT_NONE,
    ACT_UP,
    ACT_DOWN,
    ACT_PAGE_UP,
    ACT_PAGE_DOWN,
    ACT_HOME,
    ACT_END,
    ACT_OPEN,
    ACT_BACK,
    ACT_CANCEL,
    ACT_HELP,
    ACT_QUIT,
    ACT_REDRAW,
    ACT_SEARCH,
    ACT_SEARCH_NEXT,
    ACT_SEARCH_PREV,
    ACT_FILTER,
    ACT_SORT,
    ACT_MARK,
    ACT_ADD,
    ACT_EDIT,
    ACT_DELETE,
    ACT_PROGRESS,
    ACT_UNDO,
    ACT_EXPORT,
    ACT_MATRIX,
    ACT_DRAFT,
    ACT_FIELD_NEXT,
    ACT_FIELD_PREV,
    ACT_SAVE,
    ACT_COUNT
};

/* Where an action is looked for. Global and screen actions share one set of keys; form
 * actions are looked for while a field takes typing, and must not be printable keys. */
enum action_scope { SCOPE_GLOBAL, SCOPE_SCREEN, SCOPE_FORM };

struct action_def {
    const char *name;  /* as written in [keys] */
    const char *keys;  /* the default keys, as key names */
    const char *label; /* N_(): what the help and the key bar say */
    enum action_scope scope;
};

const struct action_def *action_get(enum action a);
/* ACT_NONE when no action has that name. */
enum action action_by_name(const char *name);

/* Key names as written in [keys]: "Up", "PgDn", "Enter", "Esc", "Space", "Comma", "F1".."F12",
 * "C-a".."C-z", or one printable character ("p", "?", "đ"). -1 when unknown. */
int key_parse(const char *name);
/* The name key_parse reads back. */
void key_to_name(int key, char *buf, size_t size);
/* A short label for the screen: arrows as ↑ ↓ ← →, otherwise the name. */
void key_to_label(int key, char *buf, size_t size);
bool key_is_printable(int key);
/* A key's escape sequence the terminal description does not list (PuTTY sends Home as
 * Esc [ 1 ~ to a server that believes it is an xterm), the n bytes after Esc:
 * -1 while it is not complete, 0 for a whole sequence tiendo has no key for, else the key
 * ("[4~" End, "[5~" PgUp, "OH" Home, "[1;5C" Right, "[15~" F5, "OP" F1). */
int key_escape(const char *seq, size_t n);

#define KEYMAP_MAX 6
struct keymap {
    int keys[ACT_COUNT][KEYMAP_MAX];
    int n[ACT_COUNT];
    bool overridden[ACT_COUNT];
};

void keymap_defaults(struct keymap *km);
/* Binds action_name to the comma-separated key names in spec (replacing its keys). On an
 * unknown action or key, a printable key for a form action, or a function key without a
 * letter twin, returns -1 with the reason in why. */
int keymap_bind(struct keymap *km, const char *action_name, const char *spec, char *why,
                size_t why_size);
/* After all binds: the first key bound to two actions that can be active together. Returns
 * the action that was overridden (to name it in the error), ACT_NONE when all is well. */
enum action keymap_conflict(const struct keymap *km, char *why, size_t why_size);

/* The action for key among the screen's actions (ACT_NONE-terminated, may be NULL) and the
 * global ones. While text_entry, printable keys are text, never actions. */
enum action keymap_lookup(const struct keymap *km, int key, const enum action *screen,
                          bool text_entry);
/* All keys of an action as labels, "↓, j"; "" when unbound. */
void keymap_keys_label(const struct keymap *km, enum action a, char *buf, size_t size);

#endif
