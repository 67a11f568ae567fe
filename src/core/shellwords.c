/* Shell-like word splitting without a shell (see tiendo/shellwords.h). */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "tiendo/i18n.h"
#include "tiendo/shellwords.h"

int shellwords_split(const char *line, struct shellwords *out, char *why, size_t size)
{
    out->n = 0;
    size_t len = strlen(line);
    if (len > SHELLWORDS_MAX_LEN) {
        snprintf(why, size, _("the command is longer than %d bytes"), SHELLWORDS_MAX_LEN);
        return -1;
    }
    char *w = out->buf;
    bool in_word = false;
    const char *p = line;
    while (*p != '\0') {
        unsigned char c = (unsigned char)*p;
        if (c == ' ' || c == '\t') {
            if (in_word) {
                *w++ = '\0';
                in_word = false;
            }
            p++;
            continue;
        }
        if (c < 0x20 || c == 0x7f) {
            snprintf(why, size, _("a control character (0x%02x) in the command"), c);
            return -1;
        }
        if (strchr(";&|<>`()", c) != NULL || (c == '$' && p[1] == '(')) {
            snprintf(why, size, _("\"%c\": shell syntax is not run here; send one tiendo command"),
                     c);
            return -1;
        }
        if (!in_word) {
            if (out->n == SHELLWORDS_MAX_WORDS) {
                snprintf(why, size, _("more than %d words in the command"), SHELLWORDS_MAX_WORDS);
                return -1;
            }
            out->words[out->n++] = w;
            in_word = true;
        }
        if (c == '\'') {
            const char *end = strchr(p + 1, '\'');
            if (end == NULL) {
                snprintf(why, size, _("a quote (') is not closed"));
                return -1;
            }
            for (p++; p < end; p++) {
                if ((unsigned char)*p < 0x20 || *p == 0x7f) {
                    snprintf(why, size, _("a control character (0x%02x) in the command"),
                             (unsigned char)*p);
                    return -1;
                }
                *w++ = *p;
            }
            p = end + 1;
        } else if (c == '"') {
            for (p++; *p != '"'; p++) {
                if (*p == '\0') {
                    snprintf(why, size, _("a quote (\") is not closed"));
                    return -1;
                }
                if ((unsigned char)*p < 0x20 || *p == 0x7f) {
                    snprintf(why, size, _("a control character (0x%02x) in the command"),
                             (unsigned char)*p);
                    return -1;
                }
                if (*p == '\\' && p[1] != '\0' && strchr("\"\\$`", p[1]) != NULL)
                    p++;
                *w++ = *p;
            }
            p++;
        } else if (c == '\\') {
            if (p[1] == '\0') {
                snprintf(why, size, _("the command ends with a backslash"));
                return -1;
            }
            if ((unsigned char)p[1] < 0x20 || p[1] == 0x7f) {
                snprintf(why, size, _("a control character (0x%02x) in the command"),
                         (unsigned char)p[1]);
                return -1;
            }
            *w++ = p[1];
            p += 2;
        } else {
            *w++ = *p++;
        }
    }
    if (in_word)
        *w = '\0';
    return 0;
}
