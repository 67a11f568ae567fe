/* The interface language from the setting and the locale variables. */
#include <string.h>

#include "tiendo/lang.h"

const char *lang_pick(const char *setting, const char *lc_all, const char *lang)
{
    if (setting != NULL && strcmp(setting, "vi") == 0)
        return "vi";
    if (setting != NULL && strcmp(setting, "en") == 0)
        return "en";
    const char *from = lc_all != NULL && *lc_all != '\0' ? lc_all : lang;
    return from != NULL && strncmp(from, "vi", 2) == 0 ? "vi" : "en";
}
