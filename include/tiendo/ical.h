/* iCalendar (RFC 5545) output for report deadlines and conferences. */
#ifndef TIENDO_ICAL_H
#define TIENDO_ICAL_H

#include <stddef.h>
#include <stdio.h>

#include "tiendo/date.h"

struct ical_event {
    const char *uid; /* stable: the same event keeps its UID from one export to the next */
    td_date date;    /* an all-day event */
    const char *summary, *description, *location;
    /* Reminders: one VALARM (ACTION:DISPLAY, TRIGGER:-PnD) per value, n days before the event;
     * alarm_text is their DESCRIPTION (the summary when NULL). */
    const int *alarm_days;
    int nalarms;
    const char *alarm_text;
};

/* Escapes text as RFC 5545 3.3.11 says (\\ \; \, and \n for a line break) into out; returns
 * the length needed, like snprintf. */
size_t ical_escape(const char *text, char *out, size_t size);

/* Writes one content line, folded so that no line is longer than 75 octets (CRLF then a
 * space), never inside a UTF-8 character. Returns -1 on a write error. */
int ical_line(FILE *out, const char *line);

/* A whole calendar. stamp is the DTSTAMP date (UTC midnight). */
int ical_write(FILE *out, const struct ical_event *events, int n, td_date stamp);

#endif
