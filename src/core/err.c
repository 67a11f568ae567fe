/* Error values: setting, prefixing, and mapping them to exit statuses. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "tiendo/err.h"

int td_err_set(struct td_err *err, enum td_status status, const char *fmt, ...)
{
    if (err == NULL)
        return -1;
    va_list ap;
    va_start(ap, fmt);
    err->status = status;
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return -1;
}

void td_err_prefix(struct td_err *err, const char *fmt, ...)
{
    char head[512], old[sizeof err->msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(head, sizeof head, fmt, ap);
    va_end(ap);
    memcpy(old, err->msg, sizeof old);
    snprintf(err->msg, sizeof err->msg, "%s%s", head, old);
}

int td_exit_status(enum td_status status)
{
    switch (status) {
    case TD_OK:
        return 0;
    case TD_E_USAGE:
    case TD_E_CONFIG:
        return 2;
    default:
        return 1;
    }
}
