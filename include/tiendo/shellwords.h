/* Splitting a command line into words as a shell would quote them, without a shell: for the
 * command an SSH client sends to a forced command (SSH_ORIGINAL_COMMAND). */
#ifndef TIENDO_SHELLWORDS_H
#define TIENDO_SHELLWORDS_H

#include <stddef.h>

/* The most words and bytes a command may have. */
#define SHELLWORDS_MAX_WORDS 32
#define SHELLWORDS_MAX_LEN   4096

struct shellwords {
    int n;
    char *words[SHELLWORDS_MAX_WORDS]; /* point into buf */
    char buf[SHELLWORDS_MAX_LEN + 1];
};

/* Splits line into words at blanks (space, tab). 'single quotes' keep everything literally,
 * "double quotes" keep everything but \" \\ \$ \`, and a backslash outside quotes keeps the
 * next character. Nothing is expanded: no variables, no globbing, no ~. Refused (-1, why
 * says how): an unterminated quote, a trailing backslash, a control character, an unquoted
 * shell operator (; & | < > ` $( and parentheses), too many words or bytes. */
int shellwords_split(const char *line, struct shellwords *out, char *why, size_t size);

#endif
