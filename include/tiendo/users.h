/* Who may do what: the roles, and a user's declaration as written in tiendo.ini's [users]
 * ("nguyenvana = editor: VTTTN, TMDT"). Pure. */
#ifndef TIENDO_USERS_H
#define TIENDO_USERS_H

#include <stdbool.h>
#include <stddef.h>

/* admin: the plan and every unit; editor: progress, submissions and indicator values of their
 * units; viewer: reads only. */
enum user_role { USER_ADMIN, USER_EDITOR, USER_VIEWER };

#define USER_LOGIN_MAX 64
#define USER_UNITS_MAX 512

struct user_def {
    char login[USER_LOGIN_MAX]; /* lower case */
    enum user_role role;
    char units[USER_UNITS_MAX]; /* unit codes, comma separated without spaces; "" for none */
};

const char *user_role_name(enum user_role role);
/* The role named name, or -1. */
int user_role_parse(const char *name);

/* Whether login is one we accept: 1 to 63 of a-z, 0-9, '.', '_', '-', starting with a letter
 * or digit (a Unix login, as SSH's authorized_keys carries it). Upper case is accepted and
 * means the same as lower case. */
bool user_login_valid(const char *login);
/* login in lower case into out (size at least USER_LOGIN_MAX). */
void user_login_fold(const char *login, char *out, size_t size);

/* Reads "ROLE" or "ROLE: UNIT, UNIT" for login into out. An editor needs at least one unit;
 * an admin takes none (they have every unit). On failure returns -1 with the reason in why. */
int user_def_parse(const char *login, const char *value, struct user_def *out, char *why,
                   size_t why_size);

#endif
