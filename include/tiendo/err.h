/* Errors as values: a status code and a message that a caller can print or show. */
#ifndef TIENDO_ERR_H
#define TIENDO_ERR_H

enum td_status {
    TD_OK = 0,
    TD_E_USAGE,    /* bad command line */
    TD_E_CONFIG,   /* bad INI file, key or value */
    TD_E_IO,       /* a file could not be read or written */
    TD_E_DB,       /* the database refused or failed */
    TD_E_BUSY,     /* another session holds the database: try again */
    TD_E_NEWER,    /* the database was made by a newer tiendo */
    TD_E_INVALID,  /* a value was refused by a rule */
    TD_E_NOTFOUND, /* the row or file asked for does not exist */
    TD_E_CONFLICT, /* someone else changed the row first */
    TD_E_DENIED,   /* the user may not do this (role, unit, locked period) */
    TD_E_NOMEM,
};

/* The message is already translated and names what failed (file, section, key, row). */
struct td_err {
    enum td_status status;
    char msg[1024];
};

/* Sets the error and returns -1, so that callers can write `return td_err_set(...)`. */
int td_err_set(struct td_err *err, enum td_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* Prefixes the message already in err with more context ("file.ini: " + old message). */
void td_err_prefix(struct td_err *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Process exit status for a failure: 2 for usage and configuration errors, 1 otherwise. */
int td_exit_status(enum td_status status);

#endif
