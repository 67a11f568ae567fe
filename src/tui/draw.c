/* Drawing text safely: escaped, measured in display cells, cut with an ellipsis. */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/text.h"

int draw_text(int y, int x, int cols, const char *text, enum role role)
{
    if (cols <= 0 || y < 0 || y >= LINES || x >= COLS)
        return 0;
    if (x + cols > COLS)
        cols = COLS - x;
    size_t size = strlen(text) * 8 + 8; /* escaping grows text at most 8-fold */
    char stackbuf[1024];
    char *buf = size <= sizeof stackbuf ? stackbuf : malloc(size);
    if (buf == NULL)
        return 0;
    int used = text_fit(text, cols, buf, size);
    attr_t old_attr;
    short old_pair;
    attr_get(&old_attr, &old_pair, NULL);
    attrset(theme_attr(role));
    mvaddstr(y, x, buf);
    attr_set(old_attr, old_pair, NULL);
    if (buf != stackbuf)
        free(buf);
    return used;
}

void draw_fill(int y, enum role role)
{
    attr_t old_attr;
    short old_pair;
    attr_get(&old_attr, &old_pair, NULL);
    attrset(theme_attr(role));
    mvhline(y, 0, ' ', COLS);
    attr_set(old_attr, old_pair, NULL);
}

void draw_hline(int y)
{
    attrset(theme_attr(ROLE_MUTED));
    mvhline_set(y, 0, WACS_HLINE, COLS);
    attrset(A_NORMAL);
}

void app_message(struct app *app, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->message, sizeof app->message, fmt, ap);
    va_end(ap);
    app->message_is_error = error;
}
