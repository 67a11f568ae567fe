/* The interface language from the setting and the locale variables. */
#include <stddef.h>
#include <string.h>

#include "tiendo/lang.h"

/* True when the locale or LANGUAGE entry (n bytes at s) is language code (two letters), as in
 * "en", "en_GB", "en.UTF-8" or "en@euro"; "eng" or "env" are not. */
static int names(const char *s, size_t n, const char *code)
{
    return n >= 2 && strncmp(s, code, 2) == 0 &&
           (n == 2 || s[2] == '_' || s[2] == '.' || s[2] == '@');
}

static const char *nonempty(const char *s)
{
    return s != NULL && *s != '\0' ? s : NULL;
}

const char *lang_pick(const char *setting, const char *language, const char *lc_all,
                      const char *lc_messages, const char *lang)
{
    if (setting != NULL && strcmp(setting, "vi") == 0)
        return "vi";
    if (setting != NULL && strcmp(setting, "en") == 0)
        return "en";
    for (const char *p = nonempty(language); p != NULL && *p != '\0';) {
        size_t n = strcspn(p, ":");
        if (names(p, n, "vi"))
            return "vi";
        if (names(p, n, "en"))
            return "en";
        p += n + (p[n] == ':');
    }
    const char *loc = nonempty(lc_all);
    loc = loc != NULL ? loc : nonempty(lc_messages);
    loc = loc != NULL ? loc : nonempty(lang);
    return loc != NULL && names(loc, strlen(loc), "en") ? "en" : "vi";
}
