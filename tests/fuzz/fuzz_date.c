/* Dates (src/core/date.c): ISO and display-format parsing, format checks, formatting back. */
#include "fuzz.h"
#include "tiendo/date.h"

static const char *const formats[] = {"%d/%m/%Y", "%Y-%m-%d", "%m.%d.%Y", "%d-%m-%Y"};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    const char *part[2];
    fuzz_split((const uint8_t *)s, size, part, 2);
    td_date d, today = 20000, back;
    char buf[64], iso[11];

    if (date_parse_iso(part[0], &d) == 0) {
        date_format_iso(d, iso);
        if (strcmp(iso, part[0]) != 0 || date_parse_iso(iso, &back) != 0 || back != d)
            abort(); /* strict ISO round-trips */
    }
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (date_parse_input(part[0], formats[i], today, &d) == 0) {
            date_format(d, formats[i], buf, sizeof buf);
            if (date_parse_input(buf, formats[i], today, &back) != 0 || back != d)
                abort(); /* what is shown can be typed back */
        }
    }
    /* The second part as a display format (as [ui] date_format is). */
    if (date_format_check(part[1]) == 0) {
        if (date_parse_input(part[0], part[1], today, &d) == 0) {
            size_t n = date_format(d, part[1], buf, sizeof buf);
            if (n >= sizeof buf || date_parse_input(buf, part[1], today, &back) != 0 || back != d)
                abort();
        }
        date_format(today, part[1], buf, 4); /* a buffer too small is cut, never overrun */
    }
    if (size >= sizeof(long)) {
        long raw;
        memcpy(&raw, data, sizeof raw);
        int y, m, dd;
        td_date t = raw % 4000000; /* within years 1..9999 and a little beyond */
        date_to_ymd(t, &y, &m, &dd);
        if (date_from_ymd(y, m, dd, &back) == 0 && back != t)
            abort();
    }
    free(s);
    return 0;
}
