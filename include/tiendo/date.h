/* Calendar dates as day numbers, parsing and formatting, and the pinned "today". */
#ifndef TIENDO_DATE_H
#define TIENDO_DATE_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/err.h"

/* Days since 1970-01-01 in the proleptic Gregorian calendar; negative before it. */
typedef long td_date;

bool date_is_leap(int year);
int date_days_in_month(int year, int month);

/* Returns 0 and sets *out when year (1..9999), month and day form a real date, else -1. */
int date_from_ymd(int year, int month, int day, td_date *out);
void date_to_ymd(td_date date, int *year, int *month, int *day);

/* Strict ISO 8601 calendar date, YYYY-MM-DD, nothing before or after. */
int date_parse_iso(const char *text, td_date *out);
/* Writes YYYY-MM-DD and a NUL: buf must hold 11 bytes. */
void date_format_iso(td_date date, char buf[static 11]);

/* A display format holds %d, %m and %Y once each, separated by one of "/.-" (e.g. %d/%m/%Y).
 * Returns 0 when fmt is such a format, -2 for %Y-%d-%m (what it shows reads as an ISO date
 * with day and month swapped, and typed back would be taken as ISO), else -1. */
int date_format_check(const char *fmt);
/* Formats with a format accepted by date_format_check; returns the length written. */
size_t date_format(td_date date, const char *fmt, char *buf, size_t size);
/* A stored date (YYYY-MM-DD) as fmt shows it (NULL: as it is stored); "" when iso is not one. */
void date_show_iso(const char *iso, const char *fmt, char *buf, size_t size);

/* What a person may type in a date field: the display format, ISO, "today" (or "hôm nay"),
 * or a signed number of days from today ("+7", "-3"). Leading and trailing blanks are
 * ignored. Returns 0 and sets *out, or -1. */
int date_parse_input(const char *text, const char *fmt, td_date today, td_date *out);

/* Today's date: TIENDO_TODAY=YYYY-MM-DD when set (tests and demos pin it), otherwise the
 * local calendar date. This is the only place the environment variable is read; a malformed
 * value is an error naming it. */
int date_today(td_date *out, struct td_err *err);

#endif
