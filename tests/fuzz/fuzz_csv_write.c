/* The CSV and JSON writers (src/export/table.c): cells from the input are written, and the
 * CSV is read back with the CSV reader: every cell must come back as it was written, its
 * control characters shown as the screens show them (^[), line feeds and tabs kept; no raw
 * control character reaches either file. */
#include "fuzz.h"
#include "tiendo/table.h"
#include "tiendo/text.h"

#define NCOLS 4

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    const char *cell[NCOLS * 2];
    fuzz_split((const uint8_t *)s, size, cell, NCOLS * 2);
    char *shown[NCOLS * 2];
    for (int i = 0; i < NCOLS * 2; i++)
        if ((shown[i] = text_escaped_dup(cell[i], true)) == NULL)
            abort();
    static const struct table_column cols[NCOLS] = {
        {"code", false}, {"title", false}, {"=sum", false}, {"percent", true}};

    for (int bom = 0; bom < 2; bom++) {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        struct table_writer w;
        if (f == NULL || table_begin(&w, f, TABLE_CSV, cols, NCOLS, bom) != 0 ||
            table_row(&w, cell) != 0 || table_row(&w, cell + NCOLS) != 0 || table_end(&w) != 0)
            abort();
        fclose(f);
        for (size_t i = 0; i < len; i++)
            if (((unsigned char)buf[i] < 0x20 && buf[i] != '\n' && buf[i] != '\r' &&
                 buf[i] != '\t') ||
                buf[i] == 0x7f)
                abort(); /* CSV cells carry no raw control character (CRLF ends rows) */

        FILE *in = fmemopen(buf, len, "rb");
        struct csv_reader r;
        csv_reader_init(&r, in);
        char why[200];
        if (csv_read(&r, why, sizeof why) != 1 || r.ncells != NCOLS)
            abort();
        for (int i = 0; i < NCOLS; i++)
            if (strcmp(r.cells[i], cols[i].name) != 0)
                abort();
        for (int row = 0; row < 2; row++) {
            int got = csv_read(&r, why, sizeof why);
            bool too_long = false;
            for (int i = 0; i < NCOLS; i++)
                too_long = too_long || strlen(shown[row * NCOLS + i]) > CSV_MAX_FIELD;
            if (too_long)
                break; /* the reader refuses such a field; the writer need not */
            if (got != 1 || r.ncells != NCOLS)
                abort();
            for (int i = 0; i < NCOLS; i++)
                if (strcmp(r.cells[i], shown[row * NCOLS + i]) != 0)
                    abort(); /* written and read back, a cell is what it showed */
        }
        csv_reader_free(&r);
        fclose(in);
        free(buf);
    }

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    struct table_writer w;
    if (f == NULL || table_begin(&w, f, TABLE_JSON, cols, NCOLS, false) != 0 ||
        table_row(&w, cell) != 0 || table_end(&w) != 0)
        abort();
    fclose(f);
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)buf[i] < 0x20 && buf[i] != '\n')
            abort(); /* JSON strings hold no raw control characters */
    free(buf);
    for (int i = 0; i < NCOLS * 2; i++)
        free(shown[i]);
    free(s);
    return 0;
}
