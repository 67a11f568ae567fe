/* Declarative INI schemas: one table per file kind drives validation, defaults, loading
 * into structs and the documentation (private to src/config). */
#ifndef TIENDO_CONFIG_SCHEMA_H
#define TIENDO_CONFIG_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/config.h"
#include "tiendo/err.h"
#include "tiendo/ini.h"

enum setting_type {
    ST_STRING,  /* char *, may be empty */
    ST_TEXT,    /* char *, must not be empty */
    ST_INT,     /* long, base 10, within min..max */
    ST_BOOL,    /* bool: yes/no/true/false/on/off/1/0 */
    ST_CHOICE,  /* char *, one of choices ("vi,en,auto") */
    ST_DATEFMT, /* char *, a display date format (%d, %m, %Y) */
    ST_DATE,    /* char *, an ISO date YYYY-MM-DD */
    ST_NUMBER,  /* double, a decimal number (point or comma) */
    ST_RANGE,   /* struct schema_range: "9.0-9.5" or one number */
    ST_SECTION, /* not a key: declares that the section exists (may be empty) */
    ST_DAYS,    /* struct td_days: whole numbers within min..max, comma separated, each once */
};

struct schema_range {
    double low, high;
    bool set;
};

struct setting_def {
    const char *section; /* "ui", or "unit.*" for a family of sections */
    const char *key;
    enum setting_type type;
    const char *def; /* default as written in the INI; NULL when the key is required */
    long min, max;   /* ST_INT */
    const char *choices;
    size_t offset;    /* where the value goes in the target struct */
    const char *help; /* N_(): one line for the documented default file and the man page */
};

#define SCHEMA_NONE ((size_t)-1)

/* Problems found while validating: every one is kept, so `tiendo check` can list them. */
struct schema_problems {
    char **msgs;
    int n;
};
void schema_problem_add(struct schema_problems *p, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void schema_problems_free(struct schema_problems *p);

/* Whether section (as in a file) matches a def's section pattern ("unit.*" matches "unit.x"). */
bool schema_section_matches(const char *pattern, const char *section);

/* Checks text against def. On success stores it at base + def->offset (when base is not
 * NULL; a char * target is replaced with a new copy) and returns 0; otherwise adds a problem
 * naming file, section and key, and returns -1. */
int schema_apply(const struct setting_def *def, const char *text, void *base, const char *file,
                 const char *section, struct schema_problems *problems);

/* Fills base with the defaults of the defs of one section pattern. */
int schema_defaults(const struct setting_def *defs, size_t ndefs, const char *pattern, void *base);

/* Frees the char * fields that the defs of one section pattern point at in base. */
void schema_free_strings(const struct setting_def *defs, size_t ndefs, const char *pattern,
                         void *base);

/* Checks every section and key of doc against defs: unknown sections and keys are problems. */
void schema_check_names(const struct setting_def *defs, size_t ndefs, const struct ini_doc *doc,
                        struct schema_problems *problems);

/* Applies the keys of one section of doc (validated) onto base; missing required keys are
 * problems. */
void schema_load_section(const struct setting_def *defs, size_t ndefs, const char *pattern,
                         const struct ini_doc *doc, const char *section, void *base,
                         struct schema_problems *problems);

#endif
