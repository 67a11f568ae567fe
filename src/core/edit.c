/* Line editing over UTF-8 text (display widths from wcwidth, as everywhere). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "tiendo/edit.h"
#include "tiendo/keys.h"

static int reserve(struct edit_buf *e, size_t need)
{
    if (need + 1 <= e->cap)
        return 0;
    size_t cap = e->cap ? e->cap : 32;
    while (cap < need + 1)
        cap *= 2;
    char *t = realloc(e->text, cap);
    if (t == NULL)
        return -1;
    e->text = t;
    e->cap = cap;
    return 0;
}

int edit_init(struct edit_buf *e, const char *text)
{
    memset(e, 0, sizeof *e);
    return edit_set(e, text != NULL ? text : "");
}

void edit_free(struct edit_buf *e)
{
    free(e->text);
    memset(e, 0, sizeof *e);
}

int edit_set(struct edit_buf *e, const char *text)
{
    size_t n = strlen(text);
    if (reserve(e, n) != 0)
        return -1;
    memcpy(e->text, text, n + 1);
    e->len = n;
    e->cursor = n;
    return 0;
}

/* Decodes the character at byte i; returns its length (1 for a stray byte). */
static size_t char_at(const char *s, size_t n, size_t i, wchar_t *wc)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t len = mbrtowc(wc, s + i, n - i, &st);
    if (len == 0 || len == (size_t)-1 || len == (size_t)-2) {
        *wc = (unsigned char)s[i];
        return 1;
    }
    return len;
}

static int width_of(wchar_t wc)
{
    if (wc == L'\n')
        return 0;
    int w = wcwidth(wc);
    return w < 0 ? 1 : w;
}

/* The start of the character before byte i. */
static size_t prev_start(const char *s, size_t i)
{
    if (i == 0)
        return 0;
    i--;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static bool is_mark(const struct edit_buf *e, size_t i)
{
    if (i >= e->len)
        return false;
    wchar_t wc;
    char_at(e->text, e->len, i, &wc);
    return wc != L'\n' && wcwidth(wc) == 0;
}

int edit_insert(struct edit_buf *e, int cp)
{
    char mb[8];
    size_t n;
    if (cp < 0x80) {
        mb[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        mb[0] = (char)(0xC0 | (cp >> 6)), mb[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
    } else if (cp < 0x10000) {
        mb[0] = (char)(0xE0 | (cp >> 12)), mb[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        mb[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
    } else if (cp <= 0x10FFFF) {
        mb[0] = (char)(0xF0 | (cp >> 18)), mb[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        mb[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), mb[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
    } else {
        return -1;
    }
    if (reserve(e, e->len + n) != 0)
        return -1;
    memmove(e->text + e->cursor + n, e->text + e->cursor, e->len - e->cursor + 1);
    memcpy(e->text + e->cursor, mb, n);
    e->len += n;
    e->cursor += n;
    return 0;
}

void edit_backspace(struct edit_buf *e)
{
    if (e->cursor == 0)
        return;
    size_t start = prev_start(e->text, e->cursor);
    memmove(e->text + start, e->text + e->cursor, e->len - e->cursor + 1);
    e->len -= e->cursor - start;
    e->cursor = start;
}

void edit_delete(struct edit_buf *e)
{
    if (e->cursor >= e->len)
        return;
    size_t end = e->cursor;
    wchar_t wc;
    end += char_at(e->text, e->len, end, &wc);
    while (is_mark(e, end))
        end += char_at(e->text, e->len, end, &wc);
    memmove(e->text + e->cursor, e->text + end, e->len - end + 1);
    e->len -= end - e->cursor;
}

void edit_left(struct edit_buf *e)
{
    /* Over combining marks to their base letter: one step per character seen. */
    do
        e->cursor = prev_start(e->text, e->cursor);
    while (e->cursor > 0 && is_mark(e, e->cursor));
}

void edit_right(struct edit_buf *e)
{
    wchar_t wc;
    if (e->cursor >= e->len)
        return;
    e->cursor += char_at(e->text, e->len, e->cursor, &wc);
    while (is_mark(e, e->cursor))
        e->cursor += char_at(e->text, e->len, e->cursor, &wc);
}

void edit_home(struct edit_buf *e)
{
    e->cursor = 0;
}

void edit_end(struct edit_buf *e)
{
    e->cursor = e->len;
}

/* Cells from byte a to byte b. */
static int cells(const struct edit_buf *e, size_t a, size_t b)
{
    int w = 0;
    wchar_t wc;
    while (a < b) {
        a += char_at(e->text, e->len, a, &wc);
        w += width_of(wc);
    }
    return w;
}

int edit_view(const struct edit_buf *e, size_t *first, int cols)
{
    if (cols < 2)
        cols = 2;
    if (*first > e->cursor)
        *first = e->cursor;
    while (*first > 0 && is_mark(e, *first))
        *first = prev_start(e->text, *first);
    /* Keep one cell free at the right for the cursor. */
    while (cells(e, *first, e->cursor) > cols - 1) {
        wchar_t wc;
        *first += char_at(e->text, e->len, *first, &wc);
        while (is_mark(e, *first))
            *first += char_at(e->text, e->len, *first, &wc);
    }
    return cells(e, *first, e->cursor);
}

bool edit_line_key(struct edit_buf *e, int key)
{
    if (key == TK_BACKSPACE)
        edit_backspace(e);
    else if (key == TK_DELETE)
        edit_delete(e);
    else if (key == TK_LEFT)
        edit_left(e);
    else if (key == TK_RIGHT)
        edit_right(e);
    else if (key == TK_HOME)
        edit_home(e);
    else if (key == TK_END)
        edit_end(e);
    else if (key_is_printable(key) || key == ' ')
        edit_insert(e, key); /* out of memory: the key is lost, the text kept */
    else
        return false;
    return true;
}
