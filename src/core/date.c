/* Calendar arithmetic (Howard Hinnant's civil-days algorithms), parsing and formatting. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "tiendo/date.h"
#include "tiendo/i18n.h"

bool date_is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12)
        return 0;
    return month == 2 && date_is_leap(year) ? 29 : days[month - 1];
}

int date_from_ymd(int year, int month, int day, td_date *out)
{
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 ||
        day > date_days_in_month(year, month))
        return -1;
    long y = month <= 2 ? year - 1 : year;
    long era = y / 400; /* y >= 0 here */
    long yoe = y - era * 400;
    long mp = (month + 9) % 12;
    long doy = (153 * mp + 2) / 5 + day - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    *out = era * 146097 + doe - 719468;
    return 0;
}

void date_to_ymd(td_date date, int *year, int *month, int *day)
{
    long z = date + 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp < 10 ? mp + 3 : mp - 9;
    *year = (int)(yoe + era * 400 + (m <= 2));
    *month = (int)m;
    *day = (int)d;
}

/* Reads exactly n digits; returns -1 when a non-digit comes first. */
static int read_digits(const char **p, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)**p))
            return -1;
        v = v * 10 + (**p - '0');
        (*p)++;
    }
    return v;
}

int date_parse_iso(const char *text, td_date *out)
{
    const char *p = text;
    int y = read_digits(&p, 4);
    if (y < 0 || *p++ != '-')
        return -1;
    int m = read_digits(&p, 2);
    if (m < 0 || *p++ != '-')
        return -1;
    int d = read_digits(&p, 2);
    if (d < 0 || *p != '\0')
        return -1;
    return date_from_ymd(y, m, d, out);
}

void date_format_iso(td_date date, char buf[static 11])
{
    int y, m, d;
    date_to_ymd(date, &y, &m, &d);
    snprintf(buf, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
}

int date_format_check(const char *fmt)
{
    int seen_d = 0, seen_m = 0, seen_y = 0, fields = 0;
    char sep = 0;
    if (fmt[0] != '%')
        return -1;
    for (const char *p = fmt; *p; p++) {
        if (*p == '%') {
            p++;
            if (*p == 'd')
                seen_d++;
            else if (*p == 'm')
                seen_m++;
            else if (*p == 'Y')
                seen_y++;
            else
                return -1;
            fields++;
            if (p[1] != '\0' && strchr("/.-", p[1]) == NULL)
                return -1;
        } else if (strchr("/.-", *p) != NULL) {
            if (sep != 0 && sep != *p)
                return -1;
            sep = *p;
            if (p[1] != '%')
                return -1;
        } else {
            return -1;
        }
    }
    if (seen_d != 1 || seen_m != 1 || seen_y != 1 || fields != 3)
        return -1;
    /* 2025-02-09 shown for 2 September would be read back as ISO, 9 February. */
    return strcmp(fmt, "%Y-%d-%m") == 0 ? -2 : 0;
}

void date_show_iso(const char *iso, const char *fmt, char *buf, size_t size)
{
    td_date d;
    buf[0] = '\0';
    if (date_parse_iso(iso, &d) == 0)
        date_format(d, fmt != NULL ? fmt : "%Y-%m-%d", buf, size);
}

size_t date_format(td_date date, const char *fmt, char *buf, size_t size)
{
    int y, m, d;
    size_t n = 0;
    date_to_ymd(date, &y, &m, &d);
    if (size == 0)
        return 0;
    for (const char *p = fmt; *p && n + 1 < size; p++) {
        int w = 0;
        if (*p == '%' && p[1] != '\0') {
            p++;
            if (*p == 'd')
                w = snprintf(buf + n, size - n, "%02d", d);
            else if (*p == 'm')
                w = snprintf(buf + n, size - n, "%02d", m);
            else if (*p == 'Y')
                w = snprintf(buf + n, size - n, "%04d", y);
        } else {
            buf[n] = *p;
            w = 1;
        }
        n += (size_t)w < size - n ? (size_t)w : size - n - 1;
    }
    buf[n] = '\0';
    return n;
}

/* Parses text laid out as fmt: day and month take one or two digits, the year four. */
static int parse_with_format(const char *text, const char *fmt, td_date *out)
{
    int y = -1, m = -1, d = -1;
    const char *p = text;
    for (const char *f = fmt; *f; f++) {
        if (*f == '%') {
            f++;
            int width = *f == 'Y' ? 4 : 2, v = 0, got = 0;
            while (got < width && isdigit((unsigned char)*p)) {
                v = v * 10 + (*p++ - '0');
                got++;
            }
            if (got == 0 || (*f == 'Y' && got != 4))
                return -1;
            if (*f == 'd')
                d = v;
            else if (*f == 'm')
                m = v;
            else
                y = v;
        } else if (*p++ != *f) {
            return -1;
        }
    }
    if (*p != '\0')
        return -1;
    return date_from_ymd(y, m, d, out);
}

int date_parse_input(const char *text, const char *fmt, td_date today, td_date *out)
{
    char buf[64];
    while (isspace((unsigned char)*text))
        text++;
    size_t len = strlen(text);
    while (len > 0 && isspace((unsigned char)text[len - 1]))
        len--;
    if (len == 0 || len >= sizeof buf)
        return -1;
    memcpy(buf, text, len);
    buf[len] = '\0';

    if (strcmp(buf, "today") == 0 || strcmp(buf, "hôm nay") == 0 || strcmp(buf, _("today")) == 0) {
        *out = today;
        return 0;
    }
    if (buf[0] == '+' || buf[0] == '-') {
        char *end;
        errno = 0;
        long n = strtol(buf + 1, &end, 10);
        if (end == buf + 1 || *end != '\0' || errno != 0 || n > 36500 ||
            !isdigit((unsigned char)buf[1]))
            return -1;
        td_date d = buf[0] == '+' ? today + n : today - n;
        int yy, mm, dd;
        date_to_ymd(d, &yy, &mm, &dd);
        if (yy < 1 || yy > 9999)
            return -1;
        *out = d;
        return 0;
    }
    if (date_parse_iso(buf, out) == 0)
        return 0;
    return parse_with_format(buf, fmt, out);
}

int date_today(td_date *out, struct td_err *err)
{
    const char *pinned = getenv("TIENDO_TODAY");
    if (pinned != NULL && *pinned != '\0') {
        if (date_parse_iso(pinned, out) != 0)
            return td_err_set(err, TD_E_USAGE,
                              _("TIENDO_TODAY: expected a date as YYYY-MM-DD; got \"%s\""), pinned);
        return 0;
    }
    time_t now = time(NULL);
    struct tm tm;
    if (localtime_r(&now, &tm) == NULL)
        return td_err_set(err, TD_E_IO, _("cannot read the system clock"));
    return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, out);
}
