/* The CSV reader (src/export/table.c): every record of the input, to the end or the first
 * problem that stops reading. */
#include "fuzz.h"
#include "tiendo/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    FILE *in = fmemopen((void *)(uintptr_t)data, size, "rb");
    if (in == NULL)
        abort();
    struct csv_reader r;
    csv_reader_init(&r, in);
    char why[200];
    int got, records = 0;
    while ((got = csv_read(&r, why, sizeof why)) != 0 && records < 100000) {
        if (got < 0) {
            if (why[0] == '\0')
                abort(); /* a refused record says why */
            if (!csv_can_go_on(&r))
                break;
        } else {
            for (int i = 0; i < r.ncells; i++)
                if (r.cells[i] == NULL || strlen(r.cells[i]) > CSV_MAX_FIELD)
                    abort();
        }
        if (r.line < 1 || r.next_line < r.line)
            abort();
        records++;
    }
    csv_reader_free(&r);
    fclose(in);
    return 0;
}
