/* iCalendar writing: escaping, folding at 75 octets on character boundaries, events. */
#include <stdlib.h>
#include <string.h>

#include "tiendo/ical.h"
#include "tiendo/text.h"

size_t ical_escape(const char *text, char *out, size_t size)
{
    size_t n = 0, left = strlen(text);
    const char *p = text;
    while (left > 0) {
        unsigned cp = 0;
        size_t len = text_utf8_next(p, left, &cp);
        const char *piece = p;
        size_t plen = len;
        char esc[2] = {'\\', 0};
        if (len == 0) { /* not UTF-8, which a calendar must be: the replacement character */
            piece = "\xEF\xBF\xBD";
            plen = 3;
            len = 1;
        } else if (cp == '\\' || cp == ';' || cp == ',' || cp == '\n') {
            esc[1] = cp == '\n' ? 'n' : (char)cp;
            piece = esc;
            plen = 2;
        } else if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp < 0xA0)) {
            plen = 0; /* control characters (C0, DEL, C1) have no place in a calendar */
        }
        for (size_t i = 0; i < plen; i++, n++)
            if (n + 1 < size)
                out[n] = piece[i];
        p += len;
        left -= len;
    }
    if (size > 0)
        out[n < size ? n : size - 1] = '\0';
    return n;
}

int ical_line(FILE *out, const char *line)
{
    size_t len = strlen(line), pos = 0;
    int room = 75; /* the first line holds 75 octets; the folded ones a space and 74 */
    while (len - pos > (size_t)room) {
        size_t cut = pos + (size_t)room;
        /* Back to the start of a character; when none starts there (not UTF-8), at the limit. */
        while (cut > pos && ((unsigned char)line[cut] & 0xC0) == 0x80)
            cut--;
        if (cut == pos)
            cut = pos + (size_t)room;
        if (fwrite(line + pos, 1, cut - pos, out) != cut - pos || fputs("\r\n ", out) < 0)
            return -1;
        pos = cut;
        room = 74;
    }
    if (fputs(line + pos, out) < 0 || fputs("\r\n", out) < 0)
        return -1;
    return 0;
}

static int property(FILE *out, const char *name, const char *text)
{
    size_t need = ical_escape(text, NULL, 0), head = strlen(name) + 1;
    char *buf = malloc(head + need + 1);
    if (buf == NULL)
        return -1;
    snprintf(buf, head + 1, "%s:", name);
    ical_escape(text, buf + head, need + 1);
    int rc = ical_line(out, buf);
    free(buf);
    return rc;
}

int ical_write(FILE *out, const struct ical_event *events, int n, td_date stamp)
{
    char line[128];
    int y, m, d;
    int rc = ical_line(out, "BEGIN:VCALENDAR") | ical_line(out, "VERSION:2.0") |
             ical_line(out, "PRODID:-//tiendo//tiendo//VI") | ical_line(out, "CALSCALE:GREGORIAN");
    date_to_ymd(stamp, &y, &m, &d);
    for (int i = 0; rc == 0 && i < n; i++) {
        const struct ical_event *e = &events[i];
        int ey, em, ed, ny, nm, nd;
        date_to_ymd(e->date, &ey, &em, &ed);
        date_to_ymd(e->date + 1, &ny, &nm, &nd);
        rc |= ical_line(out, "BEGIN:VEVENT");
        rc |= property(out, "UID", e->uid);
        snprintf(line, sizeof line, "DTSTAMP:%04d%02d%02dT000000Z", y % 10000, m % 100, d % 100);
        rc |= ical_line(out, line);
        snprintf(line, sizeof line, "DTSTART;VALUE=DATE:%04d%02d%02d", ey % 10000, em % 100,
                 ed % 100);
        rc |= ical_line(out, line);
        snprintf(line, sizeof line, "DTEND;VALUE=DATE:%04d%02d%02d", ny % 10000, nm % 100,
                 nd % 100);
        rc |= ical_line(out, line);
        rc |= property(out, "SUMMARY", e->summary != NULL ? e->summary : "");
        if (e->description != NULL && e->description[0] != '\0')
            rc |= property(out, "DESCRIPTION", e->description);
        if (e->location != NULL && e->location[0] != '\0')
            rc |= property(out, "LOCATION", e->location);
        for (int a = 0; a < e->nalarms; a++) {
            rc |= ical_line(out, "BEGIN:VALARM");
            rc |= ical_line(out, "ACTION:DISPLAY");
            snprintf(line, sizeof line, "TRIGGER:-P%dD", e->alarm_days[a]);
            rc |= ical_line(out, line);
            const char *text = e->alarm_text != NULL ? e->alarm_text : e->summary;
            rc |= property(out, "DESCRIPTION", text != NULL && text[0] != '\0' ? text : "tiendo");
            rc |= ical_line(out, "END:VALARM");
        }
        rc |= ical_line(out, "END:VEVENT");
    }
    rc |= ical_line(out, "END:VCALENDAR");
    return rc != 0 || fflush(out) != 0 ? -1 : 0;
}
