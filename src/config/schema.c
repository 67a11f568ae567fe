/* The schema engine: validates INI values by type and range and stores them into structs. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "tiendo/date.h"
#include "tiendo/i18n.h"

void schema_problem_add(struct schema_problems *p, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **grown = realloc(p->msgs, sizeof *grown * (size_t)(p->n + 1));
    if (grown == NULL)
        return;
    p->msgs = grown;
    p->msgs[p->n] = strdup(buf);
    if (p->msgs[p->n] != NULL)
        p->n++;
}

void schema_problems_free(struct schema_problems *p)
{
    for (int i = 0; i < p->n; i++)
        free(p->msgs[i]);
    free(p->msgs);
    p->msgs = NULL;
    p->n = 0;
}

bool schema_section_matches(const char *pattern, const char *section)
{
    size_t n = strlen(pattern);
    if (n >= 2 && pattern[n - 1] == '*' && pattern[n - 2] == '.')
        return strncmp(pattern, section, n - 1) == 0 && section[n - 1] != '\0';
    return strcmp(pattern, section) == 0;
}

static int parse_long(const char *s, long *out)
{
    char *end;
    errno = 0;
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '\0')
        return -1;
    long v = strtol(s, &end, 10);
    if (errno != 0 || *end != '\0')
        return -1;
    *out = v;
    return 0;
}

/* A decimal number with a point or a comma (Vietnamese writes 9,5). */
static int parse_number(const char *s, size_t n, double *out)
{
    char buf[64];
    while (n > 0 && isspace((unsigned char)*s))
        s++, n--;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    if (n == 0 || n >= sizeof buf)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == ',' ? '.' : s[i];
        if (!isdigit((unsigned char)c) && c != '.' && !(i == 0 && (c == '-' || c == '+')))
            return -1;
        buf[i] = c;
    }
    buf[n] = '\0';
    char *end;
    errno = 0;
    double v = strtod(buf, &end);
    if (errno != 0 || *end != '\0' || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

static int parse_bool(const char *s, bool *out)
{
    static const char *yes[] = {"yes", "true", "on", "1"}, *no[] = {"no", "false", "off", "0"};
    for (size_t i = 0; i < 4; i++) {
        if (strcmp(s, yes[i]) == 0)
            return *out = true, 0;
        if (strcmp(s, no[i]) == 0)
            return *out = false, 0;
    }
    return -1;
}

/* "7, 1" (or one number, or nothing) into out: every value a whole number from min to max, given
 * once, at most TD_DAYS_MAX of them. Returns 0, or -1 with why set. */
static int parse_days(const char *s, long min, long max, struct td_days *out, bool *too_many)
{
    memset(out, 0, sizeof *out);
    *too_many = false;
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '\0')
        return 0;
    for (;;) {
        char item[32];
        size_t len = strcspn(p, ",");
        while (len > 0 && isspace((unsigned char)p[len - 1]))
            len--;
        while (len > 0 && isspace((unsigned char)*p))
            p++, len--;
        long v;
        if (len == 0 || len >= sizeof item)
            return -1;
        memcpy(item, p, len);
        item[len] = '\0';
        if (!isdigit((unsigned char)item[0]) || parse_long(item, &v) != 0 || v < min || v > max)
            return -1;
        for (int i = 0; i < out->n; i++)
            if (out->day[i] == (int)v)
                return -1;
        if (out->n == TD_DAYS_MAX) {
            *too_many = true;
            return -1;
        }
        out->day[out->n++] = (int)v;
        p += strcspn(p, ",");
        if (*p == '\0')
            return 0;
        p++;
    }
}

static bool choice_ok(const char *choices, const char *s)
{
    size_t n = strlen(s);
    for (const char *p = choices; *p;) {
        size_t len = strcspn(p, ",");
        if (len == n && strncmp(p, s, n) == 0)
            return true;
        p += len + (p[len] == ',');
    }
    return false;
}

static void choices_display(const char *choices, char *out, size_t size)
{
    size_t o = 0;
    for (const char *p = choices; *p && o + 3 < size; p++) {
        out[o++] = *p;
        if (*p == ',' && o + 1 < size)
            out[o++] = ' ';
    }
    out[o] = '\0';
}

static int set_string(void *base, size_t offset, const char *s)
{
    char **slot = (char **)((char *)base + offset);
    char *copy = strdup(s);
    if (copy == NULL)
        return -1;
    free(*slot);
    *slot = copy;
    return 0;
}

int schema_apply(const struct setting_def *def, const char *text, void *base, const char *file,
                 const char *section, struct schema_problems *problems)
{
    char where[600];
    snprintf(where, sizeof where, "%s: [%s] %s", file, section, def->key);
    long l = 0;
    bool b = false;
    double d = 0;
    struct schema_range r = {0, 0, true};
    struct td_days days;
    bool too_many;
    td_date date;

    switch (def->type) {
    case ST_SECTION:
        return 0;
    case ST_TEXT:
        if (text[0] == '\0') {
            schema_problem_add(problems, _("%s: must not be empty"), where);
            return -1;
        }
        break;
    case ST_STRING:
        break;
    case ST_DAYS:
        if (parse_days(text, def->min, def->max, &days, &too_many) != 0) {
            if (too_many)
                schema_problem_add(problems, _("%s: at most %d values; got \"%s\""), where,
                                   TD_DAYS_MAX, text);
            else
                schema_problem_add(problems,
                                   _("%s: expected whole numbers of days from %ld to %ld, each "
                                     "once, separated by commas (e.g. 7, 1); got \"%s\""),
                                   where, def->min, def->max, text);
            return -1;
        }
        break;
    case ST_INT:
        if (parse_long(text, &l) != 0) {
            schema_problem_add(problems, _("%s: expected a whole number; got \"%s\""), where, text);
            return -1;
        }
        if (l < def->min || l > def->max) {
            schema_problem_add(problems, _("%s: expected a number from %ld to %ld; got %s"), where,
                               def->min, def->max, text);
            return -1;
        }
        break;
    case ST_BOOL:
        if (parse_bool(text, &b) != 0) {
            schema_problem_add(problems, _("%s: expected yes or no; got \"%s\""), where, text);
            return -1;
        }
        break;
    case ST_CHOICE:
        if (!choice_ok(def->choices, text)) {
            char list[256];
            choices_display(def->choices, list, sizeof list);
            schema_problem_add(problems, _("%s: expected one of %s; got \"%s\""), where, list,
                               text);
            return -1;
        }
        break;
    case ST_DATEFMT:
        if (date_format_check(text) == -2) {
            schema_problem_add(problems,
                               _("%s: %s shows dates that read as YYYY-MM-DD with the day and "
                                 "month swapped; use %%Y-%%m-%%d or another separator"),
                               where, text);
            return -1;
        }
        if (date_format_check(text) != 0) {
            schema_problem_add(problems,
                               _("%s: expected a date format with %%d, %%m and %%Y once each "
                                 "and one separator (/ . -), e.g. %%d/%%m/%%Y; got \"%s\""),
                               where, text);
            return -1;
        }
        break;
    case ST_DATE:
        if (text[0] != '\0' && date_parse_iso(text, &date) != 0) {
            schema_problem_add(problems, _("%s: expected a date as YYYY-MM-DD; got \"%s\""), where,
                               text);
            return -1;
        }
        break;
    case ST_NUMBER:
        if (parse_number(text, strlen(text), &d) != 0) {
            schema_problem_add(problems, _("%s: expected a number; got \"%s\""), where, text);
            return -1;
        }
        if (def->min < def->max && (d < (double)def->min || d > (double)def->max)) {
            schema_problem_add(problems, _("%s: expected a number from %ld to %ld; got %s"), where,
                               def->min, def->max, text);
            return -1;
        }
        break;
    case ST_RANGE: {
        /* "9.0-9.5", "9,0–9,5" (en dash) or a single number; a leading minus is a sign. */
        const char *dash = NULL;
        size_t dlen = 0;
        for (const char *p = text + (text[0] == '-'); *p; p++) {
            if (strncmp(p, "\xE2\x80\x93", 3) == 0) {
                dash = p, dlen = 3;
                break;
            }
            if (*p == '-') {
                dash = p, dlen = 1;
                break;
            }
        }
        int bad = dash == NULL ? parse_number(text, strlen(text), &r.low)
                               : parse_number(text, (size_t)(dash - text), &r.low) ||
                                     parse_number(dash + dlen, strlen(dash + dlen), &r.high);
        if (dash == NULL)
            r.high = r.low;
        if (bad || r.high < r.low) {
            schema_problem_add(problems,
                               _("%s: expected a number or a range low-high (e.g. 9.0-9.5); "
                                 "got \"%s\""),
                               where, text);
            return -1;
        }
        break;
    }
    }
    if (base == NULL || def->offset == SCHEMA_NONE)
        return 0;
    char *slot = (char *)base + def->offset;
    switch (def->type) {
    case ST_INT:
        *(long *)(void *)slot = l;
        break;
    case ST_BOOL:
        *(bool *)(void *)slot = b;
        break;
    case ST_NUMBER:
        *(double *)(void *)slot = d;
        break;
    case ST_RANGE:
        *(struct schema_range *)(void *)slot = r;
        break;
    case ST_DAYS:
        *(struct td_days *)(void *)slot = days;
        break;
    case ST_SECTION:
        break;
    default:
        if (set_string(base, def->offset, text) != 0) {
            schema_problem_add(problems, _("out of memory"));
            return -1;
        }
    }
    return 0;
}

int schema_defaults(const struct setting_def *defs, size_t ndefs, const char *pattern, void *base)
{
    struct schema_problems ignored = {0};
    int rc = 0;
    for (size_t i = 0; i < ndefs; i++) {
        if (strcmp(defs[i].section, pattern) != 0 || defs[i].def == NULL ||
            defs[i].type == ST_SECTION || strchr(defs[i].key, '*') != NULL)
            continue;
        if (schema_apply(&defs[i], defs[i].def, base, "(default)", pattern, &ignored) != 0)
            rc = -1;
    }
    schema_problems_free(&ignored);
    return rc;
}

void schema_free_strings(const struct setting_def *defs, size_t ndefs, const char *pattern,
                         void *base)
{
    for (size_t i = 0; i < ndefs; i++) {
        const struct setting_def *d = &defs[i];
        if (strcmp(d->section, pattern) != 0 || d->offset == SCHEMA_NONE)
            continue;
        switch (d->type) {
        case ST_STRING:
        case ST_TEXT:
        case ST_CHOICE:
        case ST_DATEFMT:
        case ST_DATE: {
            char **slot = (char **)(void *)((char *)base + d->offset);
            free(*slot);
            *slot = NULL;
            break;
        }
        default:
            break;
        }
    }
}

static const struct setting_def *find_def(const struct setting_def *defs, size_t ndefs,
                                          const char *section, const char *key)
{
    for (size_t i = 0; i < ndefs; i++) {
        if (!schema_section_matches(defs[i].section, section))
            continue;
        if (key == NULL)
            return &defs[i];
        if (defs[i].type == ST_SECTION)
            continue;
        size_t n = strlen(defs[i].key);
        if (n > 0 && defs[i].key[n - 1] == '*' ? strncmp(defs[i].key, key, n - 1) == 0
                                               : strcmp(defs[i].key, key) == 0)
            return &defs[i];
    }
    return NULL;
}

void schema_check_names(const struct setting_def *defs, size_t ndefs, const struct ini_doc *doc,
                        struct schema_problems *problems)
{
    const char *file = ini_doc_path(doc);
    for (int s = 0; s < ini_doc_nsections(doc); s++) {
        const char *sec = ini_doc_section(doc, s);
        if (find_def(defs, ndefs, sec, NULL) == NULL) {
            schema_problem_add(problems, _("%s: [%s]: unknown section"), file, sec);
            continue;
        }
        for (int k = 0; k < ini_doc_nkeys(doc, sec); k++) {
            const char *key = ini_doc_key(doc, sec, k);
            if (find_def(defs, ndefs, sec, key) == NULL)
                schema_problem_add(problems, _("%s: [%s] %s: unknown key"), file, sec, key);
        }
    }
}

void schema_load_section(const struct setting_def *defs, size_t ndefs, const char *pattern,
                         const struct ini_doc *doc, const char *section, void *base,
                         struct schema_problems *problems)
{
    for (size_t i = 0; i < ndefs; i++) {
        const struct setting_def *d = &defs[i];
        if (strcmp(d->section, pattern) != 0 || d->type == ST_SECTION ||
            strchr(d->key, '*') != NULL)
            continue;
        const char *v = ini_doc_get(doc, section, d->key);
        if (v == NULL) {
            if (d->def == NULL)
                schema_problem_add(problems, _("%s: [%s] %s: required key is missing"),
                                   ini_doc_path(doc), section, d->key);
            continue;
        }
        schema_apply(d, v, base, ini_doc_path(doc), section, problems);
    }
}
