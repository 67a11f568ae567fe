/* Form field values: what each type accepts, with the reason when it refuses. */
#ifndef TIENDO_FIELD_H
#define TIENDO_FIELD_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/date.h"

enum field_type {
    FT_TEXT,      /* one line */
    FT_MULTILINE, /* several lines */
    FT_INT,
    FT_PERCENT, /* a whole number 0..100, a trailing % allowed */
    FT_DATE,    /* the display format, ISO, today, +N / -N days */
    FT_CHOICE,  /* one of a list (chosen, not typed) */
    FT_MULTI,   /* several of a list */
};

struct field_rule {
    enum field_type type;
    bool required;
    size_t max_chars; /* 0: no limit */
    size_t max_bytes; /* 0: no limit; else what the buffer it is saved into keeps (UTF-8) */
    long min, max;    /* FT_INT */
    const char *date_format;
    td_date today;
    bool has_min_date, has_max_date;
    td_date min_date, max_date;
};

union field_value {
    long number;  /* FT_INT, FT_PERCENT */
    td_date date; /* FT_DATE; empty and not required: the value is not set */
};

/* Checks typed text against rule. Returns 0 (value set, *empty tells an empty optional
 * field) or -1 with the reason, translated, in why. Choice fields are checked by the form. */
int field_check(const struct field_rule *rule, const char *text, union field_value *value,
                bool *empty, char *why, size_t why_size);

#endif
