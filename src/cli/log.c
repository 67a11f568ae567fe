/* Errors that stop tiendo also go to the system log (journald or syslog), with the login, so
 * that an administrator sees what the users of a shared server ran into. */
#include <pwd.h>
#include <stdio.h>
#include <syslog.h>
#include <unistd.h>

#include "internal.h"

static char who[256];

void cli_log_as(const char *login)
{
    snprintf(who, sizeof who, "%s", login != NULL ? login : "");
}

bool cli_log_worthy(enum td_status status)
{
    switch (status) {
    case TD_E_CONFIG:
    case TD_E_IO:
    case TD_E_DB:
    case TD_E_NEWER:
    case TD_E_NOTFOUND:
    case TD_E_DENIED:
    case TD_E_NOMEM:
        return true;
    default: /* usage, a refused value, a lost race, a busy database: the user's own business */
        return false;
    }
}

void cli_syslog(const char *msg)
{
    const char *login = who;
    if (login[0] == '\0') {
        const struct passwd *pw = getpwuid(getuid());
        login = pw != NULL ? pw->pw_name : "?";
    }
    openlog("tiendo", LOG_PID, LOG_USER);
    syslog(LOG_ERR, "user %s: %s", login, msg);
    closelog();
}
