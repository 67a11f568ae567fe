/* Roles and the [users] declarations. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "tiendo/i18n.h"
#include "tiendo/users.h"

static const char *const roles[] = {
    [USER_ADMIN] = "admin", [USER_EDITOR] = "editor", [USER_VIEWER] = "viewer"};

const char *user_role_name(enum user_role role)
{
    return (size_t)role < sizeof roles / sizeof roles[0] ? roles[role] : "";
}

int user_role_parse(const char *name)
{
    for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++)
        if (strcmp(roles[r], name) == 0)
            return (int)r;
    return -1;
}

bool user_login_valid(const char *login)
{
    size_t n = strlen(login);
    if (n == 0 || n >= USER_LOGIN_MAX || !isalnum((unsigned char)login[0]))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)login[i];
        if (!(isascii(c) && (isalnum(c) || c == '.' || c == '_' || c == '-')))
            return false;
    }
    return true;
}

void user_login_fold(const char *login, char *out, size_t size)
{
    size_t i = 0;
    for (; size > 0 && login[i] != '\0' && i + 1 < size; i++)
        out[i] = (char)tolower((unsigned char)login[i]);
    if (size > 0)
        out[i] = '\0';
}

static const char *skip_space(const char *p)
{
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

int user_def_parse(const char *login, const char *value, struct user_def *out, char *why,
                   size_t why_size)
{
    memset(out, 0, sizeof *out);
    if (!user_login_valid(login)) {
        snprintf(why, why_size,
                 _("\"%s\" is not a login (letters a-z, digits, '.', '_' and '-', at most 63)"),
                 login);
        return -1;
    }
    user_login_fold(login, out->login, sizeof out->login);
    const char *p = skip_space(value);
    char role[16];
    size_t n = 0;
    while (isalpha((unsigned char)p[n]) && n + 1 < sizeof role) {
        role[n] = (char)tolower((unsigned char)p[n]);
        n++;
    }
    role[n] = '\0';
    int r = user_role_parse(role);
    p = skip_space(p + n);
    if (r < 0 || (*p != '\0' && *p != ':')) {
        snprintf(why, why_size,
                 _("\"%s\" is not a role: write admin, editor: UNIT, UNIT or viewer"), value);
        return -1;
    }
    out->role = (enum user_role)r;
    size_t len = 0;
    if (*p == ':')
        p++;
    while (*(p = skip_space(p)) != '\0') {
        size_t w = strcspn(p, ", \t");
        if (w > 0) {
            if (len + w + 2 > sizeof out->units) {
                snprintf(why, why_size, _("too many units"));
                return -1;
            }
            if (len > 0)
                out->units[len++] = ',';
            memcpy(out->units + len, p, w);
            len += w;
            out->units[len] = '\0';
        }
        p += w;
        p += strspn(p, ", \t");
    }
    if (out->role == USER_EDITOR && len == 0) {
        snprintf(why, why_size, _("an editor needs the units they work for: editor: UNIT, UNIT"));
        return -1;
    }
    if (out->role == USER_ADMIN && len > 0) {
        snprintf(why, why_size, _("an admin works on every unit: write admin without units"));
        return -1;
    }
    return 0;
}
