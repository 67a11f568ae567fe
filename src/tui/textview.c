/* A text view: paragraphs wrapped in full to the terminal's width, scrolled line by line. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textview.h"
#include "tiendo/i18n.h"
#include "tiendo/text.h"

#define LABEL_W 23 /* the label column, then one blank */

void tv_add(struct textview *v, int indent, enum role role, int tag, const char *label,
            const char *fmt, ...)
{
    if (v->nitems == v->cap) {
        int cap = v->cap > 0 ? v->cap * 2 : 32;
        struct tv_item *items = realloc(v->items, (size_t)cap * sizeof *items);
        if (items == NULL) {
            v->failed = true;
            return;
        }
        v->items = items;
        v->cap = cap;
    }
    struct tv_item *it = &v->items[v->nitems];
    va_list ap, again;
    va_start(ap, fmt);
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    it->text = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (it->text != NULL)
        vsnprintf(it->text, (size_t)n + 1, fmt, again);
    va_end(again);
    it->label = label != NULL ? strdup(label) : NULL;
    if (it->text == NULL || (label != NULL && it->label == NULL)) {
        free(it->text);
        free(it->label);
        v->failed = true;
        return;
    }
    it->role = role;
    it->indent = indent;
    it->tag = tag;
    v->nitems++;
    v->cols = 0;
}

void tv_clear(struct textview *v)
{
    for (int i = 0; i < v->nitems; i++) {
        free(v->items[i].text);
        free(v->items[i].label);
    }
    v->nitems = 0;
    v->nlines = 0;
    v->cols = 0;
}

void tv_free(struct textview *v)
{
    tv_clear(v);
    free(v->items);
    free(v->lines);
    memset(v, 0, sizeof *v);
}

/* Where an item's text starts on the screen, and how many cells it has. */
static int text_x(const struct tv_item *it)
{
    return 2 + it->indent + (it->label != NULL ? LABEL_W + 1 : 0);
}

static void add_line(struct textview *v, int item, size_t start, size_t len)
{
    if (v->nlines == v->lcap) {
        int cap = v->lcap > 0 ? v->lcap * 2 : 64;
        struct tv_line *lines = realloc(v->lines, (size_t)cap * sizeof *lines);
        if (lines == NULL) {
            v->failed = true;
            return;
        }
        v->lines = lines;
        v->lcap = cap;
    }
    v->lines[v->nlines++] = (struct tv_line){item, start, len};
}

/* Wraps every paragraph to the terminal's width. */
static void layout(struct textview *v)
{
    v->nlines = 0;
    for (int i = 0; i < v->nitems; i++) {
        const char *t = v->items[i].text;
        int width = COLS - 2 - text_x(&v->items[i]);
        size_t at = 0, next = 0;
        if (t[0] == '\0')
            add_line(v, i, 0, 0);
        for (; t[at] != '\0'; at += next) {
            size_t len = text_wrap(t + at, width, &next);
            add_line(v, i, at, len);
        }
    }
    v->cols = COLS;
}

static int last_first(const struct textview *v)
{
    return v->nlines > v->height ? v->nlines - v->height : 0;
}

static void clamp(struct textview *v)
{
    int max = last_first(v);
    v->first = v->first > max ? max : v->first < 0 ? 0 : v->first;
}

void tv_draw(struct textview *v, int top, int height, int selected)
{
    if (v->cols != COLS)
        layout(v);
    bool more = v->nlines > height && height > 1;
    v->height = more ? height - 1 : height;
    clamp(v);
    char stackbuf[1024];
    for (int i = v->first, y = top; i < v->nlines && y < top + v->height; i++, y++) {
        const struct tv_line *l = &v->lines[i];
        const struct tv_item *it = &v->items[l->item];
        int x = 2 + it->indent;
        if (selected >= 0 && it->tag == selected)
            draw_text(y, 0, 1, "▌", ROLE_MARKED);
        if (it->label != NULL) {
            if (l->start == 0)
                draw_text(y, x, LABEL_W, it->label, v->plain_labels ? it->role : ROLE_MUTED);
            x += LABEL_W + 1;
        }
        char *piece = l->len < sizeof stackbuf ? stackbuf : malloc(l->len + 1);
        if (piece == NULL)
            continue;
        memcpy(piece, it->text + l->start, l->len);
        piece[l->len] = '\0';
        /* The line was wrapped to this width: it is drawn whole, never cut with "…". */
        draw_text(y, x, COLS - 2 - x, piece, it->role);
        if (piece != stackbuf)
            free(piece);
    }
    if (more) {
        char where[128];
        int last = v->first + v->height < v->nlines ? v->first + v->height : v->nlines;
        snprintf(where, sizeof where, _("lines %d–%d of %d"), v->first + 1, last, v->nlines);
        if (last < v->nlines) {
            size_t n = strlen(where);
            snprintf(where + n, sizeof where - n, " · %s", _("↓ more"));
        }
        draw_text(top + height - 1, 2, COLS - 4, where, ROLE_MUTED);
    }
}

bool tv_scroll(struct textview *v, enum action act)
{
    int page = v->height > 1 ? v->height - 1 : 1;
    switch (act) {
    case ACT_DOWN:
        v->first++;
        break;
    case ACT_UP:
        v->first--;
        break;
    case ACT_PAGE_DOWN:
        v->first += page;
        break;
    case ACT_PAGE_UP:
        v->first -= page;
        break;
    case ACT_HOME:
        v->first = 0;
        break;
    case ACT_END:
        v->first = last_first(v);
        break;
    default:
        return false;
    }
    clamp(v);
    return true;
}

int tv_current_tag(struct textview *v)
{
    if (v->cols != COLS)
        layout(v);
    for (int i = v->first; i < v->nlines && i < v->first + (v->height > 0 ? v->height : 1); i++) {
        int tag = v->items[v->lines[i].item].tag;
        if (tag >= 0)
            return tag;
    }
    return -1;
}

void tv_append(struct textview *v, struct textview *from)
{
    for (int i = 0; i < from->nitems; i++) {
        const struct tv_item *it = &from->items[i];
        tv_add(v, it->indent, it->role, it->tag, it->label, "%s", it->text);
    }
    v->failed |= from->failed;
    tv_free(from);
}

/* ---- A screen that is a text view ---- */

void tv_screen_draw(struct app *app, void *state, int top, int height)
{
    struct textview *v = state;
    (void)app;
    tv_draw(v, top, height, tv_current_tag(v));
}

enum tui_result tv_screen_handle(struct app *app, void *state, enum action act, int key)
{
    (void)app;
    (void)key;
    if (tv_scroll(state, act))
        return TUI_REDRAW;
    return act == ACT_BACK || act == ACT_CANCEL ? TUI_BACK : TUI_HANDLED;
}

void tv_screen_close(struct app *app, void *state)
{
    (void)app;
    tv_free(state);
}

const enum action tv_screen_actions[] = {ACT_UP,  ACT_DOWN, ACT_PAGE_UP, ACT_PAGE_DOWN, ACT_HOME,
                                         ACT_END, ACT_BACK, ACT_CANCEL,  ACT_NONE};
const struct keybar_item tv_screen_keybar[] = {
    {ACT_DOWN, N_("scroll")}, {ACT_BACK, N_("back")}, {ACT_NONE, NULL}};
