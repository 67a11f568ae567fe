/* The iCalendar writer (src/export/ical.c): escaping and folding of any text, whole calendars
 * of events whose texts come from the input. Checks what RFC 5545 asks of the output. */
#include "fuzz.h"
#include "tiendo/ical.h"

static void check_lines(const char *out, size_t len)
{
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (out[i] == '\n') {
            if (i == 0 || out[i - 1] != '\r' || i - 1 - start > 75)
                abort(); /* CRLF line ends, no line over 75 octets */
            start = i + 1;
        } else if (out[i] == '\r' && (i + 1 >= len || out[i + 1] != '\n')) {
            abort(); /* a bare CR */
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    const char *part[4];
    fuzz_split((const uint8_t *)s, size, part, 4);

    size_t need = ical_escape(part[0], NULL, 0);
    char *esc = malloc(need + 1);
    if (esc == NULL || ical_escape(part[0], esc, need + 1) != need || strlen(esc) != need)
        abort();
    for (const char *p = esc; *p; p++)
        if (*p == '\n' || *p == '\r')
            abort(); /* a line break is written \n */
    char small[5];
    ical_escape(part[0], small, sizeof small);
    free(esc);

    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (f == NULL)
        abort();
    char line[2048];
    snprintf(line, sizeof line, "SUMMARY:%s", part[1]);
    for (char *p = line; *p; p++)
        if (*p == '\r' || *p == '\n')
            *p = ' '; /* ical_line takes one logical line */
    if (ical_line(f, line) != 0)
        abort();
    static const int days[] = {7, 1};
    struct ical_event ev[2] = {
        {part[0], (td_date)(size * 37), part[1], part[2], part[3], NULL, 0, NULL},
        {"uid-2@tiendo", 0, part[3], "", part[0], days, 2, part[2]}, /* with alarms */
    };
    if (ical_write(f, ev, 2, 20000) != 0)
        abort();
    fclose(f);
    check_lines(buf, len);
    free(buf);
    free(s);
    return 0;
}
