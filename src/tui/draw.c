/* Drawing text safely: escaped, measured in display cells, cut with an ellipsis. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"
#include "tiendo/i18n.h"
#include "tiendo/text.h"

static int put(int y, int x, int cols, const char *text, enum role role)
{
    size_t size = strlen(text) * 8 + 8; /* escaping grows text at most 8-fold */
    char stackbuf[1024];
    char *buf = size <= sizeof stackbuf ? stackbuf : malloc(size);
    if (buf == NULL)
        return 0;
    int used = text_fit(text, cols, buf, size);
    attrset(theme_attr(role));
    mvaddstr(y, x, buf);
    attrset(A_NORMAL);
    if (buf != stackbuf)
        free(buf);
    return used;
}

int draw_text(int y, int x, int cols, const char *text, enum role role)
{
    if (cols <= 0 || y < 0 || y >= LINES || x < 0 || x >= COLS)
        return 0;
    if (x + cols > COLS)
        cols = COLS - x;
    return put(y, x, cols, text, role);
}

int draw_text_hl(int y, int x, int cols, const char *text, enum role role, size_t hl_start,
                 size_t hl_end, enum role hl_role)
{
    int used = draw_text(y, x, cols, text, role);
    size_t len = strlen(text);
    if (hl_end <= hl_start || hl_end > len || used == 0)
        return used;
    /* Draw the hit again over the line, where its prefix ends. */
    char *prefix = strndup(text, hl_start);
    char *hit = strndup(text + hl_start, hl_end - hl_start);
    if (prefix != NULL && hit != NULL) {
        int at = text_width(prefix);
        int room = used - at;
        if (room > 0) {
            int w = text_width(hit);
            draw_text(y, x + at, w < room ? w : room, hit, hl_role);
        }
    }
    free(prefix);
    free(hit);
    return used;
}

int draw_wrapped(int y, int x, int cols, const char *text, enum role role, int max_lines)
{
    int rows = 0;
    for (size_t at = 0, next = 0; text[at] != '\0'; at += next, rows++) {
        size_t len = text_wrap(text + at, cols, &next);
        if (rows >= max_lines)
            continue;
        char *piece = strndup(text + at, len);
        if (piece != NULL)
            draw_text(y + rows, x, cols, piece, role);
        free(piece);
    }
    return rows;
}

void draw_fill(int y, int x, int cols, enum role role)
{
    attrset(theme_attr(role));
    mvhline(y, x, ' ', cols);
    attrset(A_NORMAL);
}

void draw_hline(int y)
{
    attrset(theme_attr(ROLE_MUTED));
    mvhline_set(y, 0, WACS_HLINE, COLS);
    attrset(A_NORMAL);
}

void draw_box(int y, int x, int h, int w, const char *title)
{
    for (int r = y; r < y + h; r++)
        draw_fill(r, x, w, ROLE_NORMAL);
    attrset(theme_attr(ROLE_MARKED));
    mvhline_set(y, x + 1, WACS_HLINE, w - 2);
    mvhline_set(y + h - 1, x + 1, WACS_HLINE, w - 2);
    mvvline_set(y + 1, x, WACS_VLINE, h - 2);
    mvvline_set(y + 1, x + w - 1, WACS_VLINE, h - 2);
    mvadd_wch(y, x, WACS_ULCORNER);
    mvadd_wch(y, x + w - 1, WACS_URCORNER);
    mvadd_wch(y + h - 1, x, WACS_LLCORNER);
    mvadd_wch(y + h - 1, x + w - 1, WACS_LRCORNER);
    attrset(A_NORMAL);
    if (title != NULL && title[0] != '\0') {
        char t[256];
        snprintf(t, sizeof t, " %s ", title);
        draw_text(y, x + 2, w - 4, t, ROLE_MARKED);
    }
}

void app_message(struct app *app, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->message, sizeof app->message, fmt, ap);
    va_end(ap);
    app->message_is_error = error;
}

void app_error(struct app *app, const struct td_err *err)
{
    app_message(app, true, "%s", err->msg[0] != '\0' ? err->msg : _("out of memory"));
}

void app_show_date(const struct app *app, const char *iso, char *out, size_t size)
{
    date_show_iso(iso, app->ctx->cfg->date_format, out, size);
}

void copy_nfc(char *dst, size_t size, const char *src)
{
    char *n = text_nfc(src);
    text_copy(dst, size, n != NULL ? n : ""); /* the form's max_bytes keeps it whole */
    free(n);
}
