/* A line of text being typed: UTF-8 with a cursor, edited by code points, moved over
 * combining marks as one character. Pure; the form and prompts draw it. */
#ifndef TIENDO_EDIT_H
#define TIENDO_EDIT_H

#include <stdbool.h>
#include <stddef.h>

struct edit_buf {
    char *text; /* NUL-terminated UTF-8, owned */
    size_t len, cap;
    size_t cursor; /* byte offset, always at a character boundary */
};

/* Starts with a copy of text (may be NULL); returns -1 when out of memory. */
int edit_init(struct edit_buf *e, const char *text);
void edit_free(struct edit_buf *e);
int edit_set(struct edit_buf *e, const char *text); /* replaces the text, cursor at the end */

/* Inserts the code point cp at the cursor (newlines only when multiline). */
int edit_insert(struct edit_buf *e, int cp);
void edit_backspace(struct edit_buf *e); /* removes one code point before the cursor */
void edit_delete(struct edit_buf *e);    /* removes the character (with its marks) after it */
void edit_left(struct edit_buf *e);
void edit_right(struct edit_buf *e);
void edit_home(struct edit_buf *e);
void edit_end(struct edit_buf *e);
/* An editing key (tiendo/keys.h) applied to one line: Backspace, Delete, ← →, Home, End, a
 * printable character or Space; false, with e unchanged, for any other key. */
bool edit_line_key(struct edit_buf *e, int key);

/* For a window cols cells wide that shows text from byte *first on: moves *first so that
 * the cursor is inside the window; returns the cursor's column in it. */
int edit_view(const struct edit_buf *e, size_t *first, int cols);

#endif
