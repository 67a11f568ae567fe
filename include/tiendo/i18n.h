/* Translation markers: every user-facing string goes through _() (or N_() in tables).
 * C_(context, text) and NC_() tell apart two uses of the same English word ("done" as a
 * status and as a short list label), as gettext's msgctxt does. */
#ifndef TIENDO_I18N_H
#define TIENDO_I18N_H

#include <libintl.h>
#include <string.h>

/* gettext("") is the catalogue's header (Project-Id-Version: ...): an empty text, as a blank
 * column title, stays empty. */
__attribute__((format_arg(1))) static inline const char *i18n_gettext(const char *s)
{
    return s[0] != '\0' ? gettext(s) : s;
}

#define _(s)  i18n_gettext(s)
#define N_(s) (s)

/* id is "context\004text", the form gettext stores contexts in. */
static inline const char *i18n_pgettext(const char *id)
{
    const char *t = gettext(id);
    if (t != id)
        return t;
    const char *sep = strchr(id, '\004');
    return sep != NULL ? sep + 1 : id;
}

#define C_(ctx, s)  i18n_pgettext(ctx "\004" s)
#define NC_(ctx, s) (ctx "\004" s)

#endif
