/* Writing and reading tables: CSV (RFC 4180, UTF-8) and JSON. Takes plain strings, never a
 * database handle. */
#ifndef TIENDO_TABLE_H
#define TIENDO_TABLE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum table_format { TABLE_CSV, TABLE_JSON };

/* A column: its name, and whether its cells are numbers (JSON writes them unquoted; an
 * empty cell is null). */
struct table_column {
    const char *name;
    bool number;
};

struct table_writer {
    FILE *out;
    enum table_format format;
    const struct table_column *cols;
    int ncols;
    long rows;
};

/* CSV cells whose text begins with = + - @, a tab or a carriage return (and is not a plain
 * number such as -12.5) are written with a leading apostrophe, so that a spreadsheet shows them
 * as text instead of running them as a formula; the reader takes that apostrophe off again. */
bool csv_needs_quote_mark(const char *s);

/* Starts a table: the CSV header row (after a byte-order mark when bom), or the JSON "[". */
int table_begin(struct table_writer *w, FILE *out, enum table_format format,
                const struct table_column *cols, int ncols, bool bom);
/* One row of ncols cells (NULL is empty). Returns -1 on a write error. */
int table_row(struct table_writer *w, const char *const *cells);
/* Ends the table (JSON "]") and flushes; -1 on a write error. */
int table_end(struct table_writer *w);

/* Reading CSV: one record at a time, quoted fields may hold commas, quotes and newlines.
 * A byte-order mark at the start is skipped. A field is at most CSV_MAX_FIELD bytes and a
 * file at most CSV_MAX_BYTES (documented in tiendo(1), IMPORT): a reader never grows without
 * bound, whatever it is given (/dev/zero). */
#define CSV_MAX_FIELD 10000
#define CSV_MAX_BYTES (64L << 20)

struct csv_reader {
    FILE *in;
    int line;      /* the line the current record starts on (1-based) */
    int next_line; /* where the next one starts */
    int column;    /* after a refused record: the field (1-based) the problem is in */
    char **cells;
    int ncells, cap;
    char *buf;
    size_t buflen, bufcap;
    long bytes; /* read so far */
    uint64_t
        hash;    /* FNV-1a (64 bits) of those bytes: the import's audit row names the file by it */
    bool unread; /* the next byte was read and put back: hashed already */
    bool started;
    bool stopped; /* nothing more can be read: the file ended inside a quote, or is too large */
};

void csv_reader_init(struct csv_reader *r, FILE *in);
/* Reads the next record: 1 when one was read, 0 at the end, -1 on a refused record (an
 * unterminated quote, text after a closing quote, a NUL byte, a field over CSV_MAX_FIELD
 * bytes, a file over CSV_MAX_BYTES), with the reason in why and the field in column. After
 * -1 the reader has skipped to the end of that record: when csv_can_go_on says so, the next
 * call reads the record after it, so that every bad record can be named in one pass. */
int csv_read(struct csv_reader *r, char *why, size_t why_size);
bool csv_can_go_on(const struct csv_reader *r);
void csv_reader_free(struct csv_reader *r);

#endif
