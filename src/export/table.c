/* CSV (RFC 4180) and JSON writers, and a CSV reader. */
#define _POSIX_C_SOURCE 200809L /* getc_unlocked, fmemopen in the tests */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/hash.h"
#include "tiendo/i18n.h"
#include "tiendo/table.h"
#include "tiendo/text.h"

/* Characters that make a spreadsheet read a cell as a formula (CSV injection). */
#define FORMULA_START "=+-@\t\r"

/* Whether s is a plain number ("-12", "3.5", "-0,25"): those stay as they are. */
static bool plain_number(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    bool digits = false, point = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9')
            digits = true;
        else if ((*s == '.' || *s == ',') && !point)
            point = true;
        else
            return false;
    }
    return digits;
}

bool csv_needs_quote_mark(const char *s)
{
    return s != NULL && s[0] != '\0' && strchr(FORMULA_START, s[0]) != NULL && !plain_number(s);
}

/* Whether a cell is written with a leading apostrophe: a formula-looking text, and a text
 * that already starts with one before such a text or another apostrophe (so that the reader,
 * which takes one apostrophe off exactly then, gives back what was written). */
static bool needs_mark(const char *s)
{
    return csv_needs_quote_mark(s) ||
           (s[0] == '\'' && (csv_needs_quote_mark(s + 1) || s[1] == '\''));
}

static int csv_cell(FILE *f, const char *text)
{
    /* Control characters shown as the screens show them (^[, <U+009B>), line feeds and tabs
     * kept: a CSV file printed to a terminal cannot drive it. */
    char *s = text_escaped_dup(text != NULL ? text : "", true);
    if (s == NULL)
        return -1;
    /* A text that a spreadsheet would run as a formula gets a leading apostrophe, which
     * spreadsheets show as text; csv_read takes it off again. */
    bool mark = needs_mark(s);
    int rc = 0;
    if (strpbrk(s, ",\"\r\n") == NULL) {
        rc = (mark && fputc('\'', f) == EOF) || fputs(s, f) < 0 ? -1 : 0;
    } else if (fputc('"', f) == EOF || (mark && fputc('\'', f) == EOF)) {
        rc = -1;
    } else {
        for (const char *p = s; *p && rc == 0; p++)
            if ((*p == '"' && fputc('"', f) == EOF) || fputc(*p, f) == EOF)
                rc = -1;
        if (rc == 0 && fputc('"', f) == EOF)
            rc = -1;
    }
    free(s);
    return rc;
}

/* Whether s can stand unquoted in JSON: -?digits, then .digits, as a number column holds. */
static bool json_number(const char *s)
{
    if (*s == '-')
        s++;
    if (*s < '0' || *s > '9')
        return false;
    while (*s >= '0' && *s <= '9')
        s++;
    if (*s == '.') {
        s++;
        if (*s < '0' || *s > '9')
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return *s == '\0';
}

/* A JSON string: every control character, C0, DEL and C1 (U+0080..U+009F), as a \u escape, so
 * that the text is whole for a program and harmless on a terminal; a byte that is not UTF-8
 * is written as the text \xNN, as the screens show it. */
static int json_string(FILE *f, const char *s)
{
    if (fputc('"', f) == EOF)
        return -1;
    size_t left = strlen(s);
    while (left > 0) {
        unsigned cp = 0;
        size_t len = text_utf8_next(s, left, &cp);
        int rc;
        if (len == 0) {
            rc = fprintf(f, "\\\\x%02X", (unsigned char)*s);
            len = 1;
        } else if (cp == '"') {
            rc = fputs("\\\"", f);
        } else if (cp == '\\') {
            rc = fputs("\\\\", f);
        } else if (cp == '\n') {
            rc = fputs("\\n", f);
        } else if (cp == '\r') {
            rc = fputs("\\r", f);
        } else if (cp == '\t') {
            rc = fputs("\\t", f);
        } else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0)) {
            rc = fprintf(f, "\\u%04x", cp);
        } else {
            rc = fwrite(s, 1, len, f) == len ? 0 : -1;
        }
        if (rc < 0)
            return -1;
        s += len;
        left -= len;
    }
    return fputc('"', f) == EOF ? -1 : 0;
}

int table_begin(struct table_writer *w, FILE *out, enum table_format format,
                const struct table_column *cols, int ncols, bool bom)
{
    *w = (struct table_writer){out, format, cols, ncols, 0};
    if (format == TABLE_JSON)
        return fputs("[", out) < 0 ? -1 : 0;
    if (bom && fputs("\xEF\xBB\xBF", out) < 0)
        return -1;
    for (int i = 0; i < ncols; i++)
        if ((i > 0 && fputc(',', out) == EOF) || csv_cell(out, cols[i].name) != 0)
            return -1;
    return fputs("\r\n", out) < 0 ? -1 : 0;
}

int table_row(struct table_writer *w, const char *const *cells)
{
    FILE *f = w->out;
    if (w->format == TABLE_CSV) {
        for (int i = 0; i < w->ncols; i++)
            if ((i > 0 && fputc(',', f) == EOF) || csv_cell(f, cells[i]) != 0)
                return -1;
        w->rows++;
        return fputs("\r\n", f) < 0 ? -1 : 0;
    }
    if (fputs(w->rows > 0 ? ",\n  {" : "\n  {", f) < 0)
        return -1;
    for (int i = 0; i < w->ncols; i++) {
        const char *c = cells[i] != NULL ? cells[i] : "";
        if ((i > 0 && fputs(", ", f) < 0) || json_string(f, w->cols[i].name) != 0 ||
            fputs(": ", f) < 0)
            return -1;
        /* A number column holding something else (never from tiendo itself) stays valid JSON. */
        int rc = !w->cols[i].number ? json_string(f, c)
                 : c[0] == '\0'     ? fputs("null", f)
                 : json_number(c)   ? fputs(c, f)
                                    : json_string(f, c);
        if (rc < 0)
            return -1;
    }
    w->rows++;
    return fputc('}', f) == EOF ? -1 : 0;
}

int table_end(struct table_writer *w)
{
    if (w->format == TABLE_JSON && fputs(w->rows > 0 ? "\n]\n" : "]\n", w->out) < 0)
        return -1;
    return fflush(w->out) == 0 && !ferror(w->out) ? 0 : -1;
}

void csv_reader_init(struct csv_reader *r, FILE *in)
{
    memset(r, 0, sizeof *r);
    r->in = in;
    r->next_line = 1;
    r->hash = FNV1A64_BASIS;
}

void csv_reader_free(struct csv_reader *r)
{
    for (int i = 0; i < r->ncells; i++)
        free(r->cells[i]);
    free(r->cells);
    free(r->buf);
    memset(r, 0, sizeof *r);
}

static int put(struct csv_reader *r, char c)
{
    if (r->buflen + 1 >= r->bufcap) {
        size_t cap = r->bufcap ? r->bufcap * 2 : 128;
        char *b = realloc(r->buf, cap);
        if (b == NULL)
            return -1;
        r->buf = b;
        r->bufcap = cap;
    }
    r->buf[r->buflen++] = c;
    return 0;
}

static int end_cell(struct csv_reader *r)
{
    if (r->ncells == r->cap) {
        int cap = r->cap ? r->cap * 2 : 16;
        char **c = realloc(r->cells, sizeof *c * (size_t)cap);
        if (c == NULL)
            return -1;
        r->cells = c;
        r->cap = cap;
    }
    r->buf = r->buf != NULL ? r->buf : malloc(1);
    if (r->buf == NULL)
        return -1;
    r->buf[r->buflen] = '\0';
    /* The apostrophe csv_cell put before a formula-looking text is not part of it. */
    bool marked = r->buf[0] == '\'' && needs_mark(r->buf + 1);
    r->cells[r->ncells] = strdup(r->buf + marked);
    if (r->cells[r->ncells] == NULL)
        return -1;
    r->ncells++;
    r->buflen = 0;
    return 0;
}

static int next_byte(struct csv_reader *r)
{
    if (r->bytes >= CSV_MAX_BYTES)
        return EOF;
    int c = getc_unlocked(r->in); /* a reader has its stream to itself */
    if (c == EOF)
        return c;
    r->bytes++;
    if (r->unread) {
        r->unread = false;
    } else {
        unsigned char byte = (unsigned char)c;
        r->hash = fnv1a64(r->hash, &byte, 1);
    }
    return c;
}

bool csv_can_go_on(const struct csv_reader *r)
{
    return !r->stopped;
}

/* Reading one record: the first problem is kept (with its field), the rest of the record is
 * read and dropped so that the next record starts where it should. */
struct rec {
    char *why;
    size_t why_size;
    int field;   /* 0-based */
    size_t flen; /* bytes in the current field, kept or not */
    bool bad;
};

static void refuse(struct csv_reader *r, struct rec *x, const char *msg)
{
    if (x->bad)
        return;
    x->bad = true;
    r->column = x->field + 1;
    snprintf(x->why, x->why_size, _("column %d: %s"), r->column, msg);
}

static int add(struct csv_reader *r, struct rec *x, int c)
{
    if (x->bad)
        return 0; /* the rest of a refused record is dropped (and no message looked up again) */
    if (c == '\0') {
        refuse(r, x, _("a NUL byte (is this a text file?)"));
        return 0;
    }
    if (++x->flen > CSV_MAX_FIELD) {
        char msg[100];
        snprintf(msg, sizeof msg, _("longer than %d bytes"), CSV_MAX_FIELD);
        refuse(r, x, msg);
    }
    return x->bad ? 0 : put(r, (char)c);
}

static int stop(struct csv_reader *r, struct rec *x, const char *msg);

static int too_large(struct csv_reader *r, struct rec *x)
{
    char msg[100];
    snprintf(msg, sizeof msg, _("the file is larger than %ld MiB"), CSV_MAX_BYTES >> 20);
    return stop(r, x, msg);
}

static int stop(struct csv_reader *r, struct rec *x, const char *msg)
{
    r->stopped = true;
    if (x->bad) { /* both reasons: the record's first problem, then why reading stopped */
        size_t n = strlen(x->why);
        snprintf(x->why + n, x->why_size - n, "; %s", msg);
        return -1;
    }
    refuse(r, x, msg);
    return -1;
}

int csv_read(struct csv_reader *r, char *why, size_t why_size)
{
    for (int i = 0; i < r->ncells; i++)
        free(r->cells[i]);
    r->ncells = 0;
    r->buflen = 0;
    r->column = 0;
    r->line = r->next_line;
    if (why_size > 0)
        why[0] = '\0';
    if (r->stopped)
        return 0;
    struct rec x = {why, why_size, 0, 0, false};
    int c = next_byte(r);
    if (!r->started) {
        r->started = true;
        if (c == 0xEF) { /* a byte-order mark, as spreadsheets write */
            int c2 = next_byte(r), c3 = next_byte(r);
            if (c2 != 0xBB || c3 != 0xBF)
                return stop(r, &x, _("not UTF-8 text"));
            c = next_byte(r);
        }
    }
    if (c == EOF)
        return r->bytes >= CSV_MAX_BYTES ? too_large(r, &x) : 0;
    bool quoted = false, after_quote = false;
    for (;; c = next_byte(r)) {
        if (c == EOF && r->bytes >= CSV_MAX_BYTES)
            return too_large(r, &x);
        if (quoted) {
            if (c == EOF)
                return stop(r, &x, _("a quoted field is not closed"));
            if (c != '"') {
                if (c == '\n')
                    r->next_line++;
                if (add(r, &x, c) != 0)
                    return -1;
                continue;
            }
            c = next_byte(r);
            if (c == '"') {
                if (add(r, &x, '"') != 0)
                    return -1;
                continue;
            }
            quoted = false;
            after_quote = true;
            if (c == EOF && r->bytes >= CSV_MAX_BYTES)
                return too_large(r, &x);
        }
        if (c == ',' || c == '\n' || c == EOF || c == '\r') {
            if (c == '\r') {
                int n = next_byte(r);
                if (n != '\n' && n != EOF && ungetc(n, r->in) != EOF) {
                    r->bytes--;
                    r->unread = true;
                }
                c = '\n';
            }
            if (!x.bad && end_cell(r) != 0)
                return -1;
            x.field++;
            x.flen = 0;
            after_quote = false;
            if (c == ',')
                continue;
            if (c == '\n')
                r->next_line++;
            if (x.bad) {
                for (int i = 0; i < r->ncells; i++)
                    free(r->cells[i]);
                r->ncells = 0;
                r->buflen = 0;
                return -1;
            }
            return 1;
        }
        if (after_quote) {
            if (!x.bad)
                refuse(r, &x, _("text after a closing quote"));
            continue;
        }
        if (c == '"' && x.flen == 0) {
            quoted = true;
            continue;
        }
        if (add(r, &x, c) != 0)
            return -1;
    }
}
