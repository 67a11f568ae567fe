/* Validation of what people type into form fields. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tiendo/field.h"
#include "tiendo/i18n.h"

static size_t count_chars(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static bool blank(const char *s)
{
    for (; *s; s++)
        if (!isspace((unsigned char)*s))
            return false;
    return true;
}

static int parse_whole(const char *text, bool percent, long *out)
{
    char buf[64];
    while (isspace((unsigned char)*text))
        text++;
    snprintf(buf, sizeof buf, "%s", text);
    size_t n = strlen(buf);
    while (n > 0 && isspace((unsigned char)buf[n - 1]))
        buf[--n] = '\0';
    if (percent && n > 0 && buf[n - 1] == '%')
        buf[--n] = '\0';
    while (n > 0 && isspace((unsigned char)buf[n - 1]))
        buf[--n] = '\0';
    if (n == 0)
        return -1;
    for (size_t i = buf[0] == '-' || buf[0] == '+'; i < n; i++)
        if (!isdigit((unsigned char)buf[i]))
            return -1;
    char *end;
    errno = 0;
    long v = strtol(buf, &end, 10);
    if (errno != 0 || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

int field_check(const struct field_rule *rule, const char *text, union field_value *value,
                bool *empty, char *why, size_t why_size)
{
    *empty = blank(text);
    if (*empty) {
        if (rule->required && rule->type != FT_CHOICE && rule->type != FT_MULTI) {
            snprintf(why, why_size, _("required"));
            return -1;
        }
        return 0;
    }
    if (rule->max_chars > 0 && count_chars(text) > rule->max_chars) {
        snprintf(why, why_size, _("at most %zu characters"), rule->max_chars);
        return -1;
    }
    if (rule->max_bytes > 0 && strlen(text) > rule->max_bytes) {
        snprintf(why, why_size,
                 _("too long to keep whole: %zu bytes, at most %zu (a letter with a diacritic "
                   "takes 2 or 3)"),
                 strlen(text), rule->max_bytes);
        return -1;
    }
    switch (rule->type) {
    case FT_INT:
        if (parse_whole(text, false, &value->number) != 0) {
            snprintf(why, why_size, _("a whole number"));
            return -1;
        }
        if (value->number < rule->min || value->number > rule->max) {
            snprintf(why, why_size, _("from %ld to %ld"), rule->min, rule->max);
            return -1;
        }
        return 0;
    case FT_PERCENT:
        if (parse_whole(text, true, &value->number) != 0 || value->number < 0 ||
            value->number > 100) {
            snprintf(why, why_size, _("a whole percent from 0 to 100"));
            return -1;
        }
        return 0;
    case FT_DATE: {
        if (date_parse_input(text, rule->date_format, rule->today, &value->date) != 0) {
            char example[32];
            date_format(rule->today, rule->date_format, example, sizeof example);
            snprintf(why, why_size, _("a date like %s, or today, +7, -3"), example);
            return -1;
        }
        char limit[32];
        if (rule->has_min_date && value->date < rule->min_date) {
            date_format(rule->min_date, rule->date_format, limit, sizeof limit);
            snprintf(why, why_size, _("not before %s"), limit);
            return -1;
        }
        if (rule->has_max_date && value->date > rule->max_date) {
            date_format(rule->max_date, rule->date_format, limit, sizeof limit);
            snprintf(why, why_size, _("not after %s"), limit);
            return -1;
        }
        return 0;
    }
    default:
        return 0;
    }
}
