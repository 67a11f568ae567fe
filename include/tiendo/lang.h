/* Which language the interface speaks. */
#ifndef TIENDO_LANG_H
#define TIENDO_LANG_H

/* setting is [ui] language (vi, en, auto). auto is Vietnamese unless the environment names
 * English, read as gettext reads it: LANGUAGE first (a colon-separated list; its first entry
 * naming vi or en decides), then the locale of messages, that is the first non-empty of
 * LC_ALL, LC_MESSAGES and LANG. A locale that names neither (C.UTF-8, POSIX, none at all, as a
 * stock Debian server or a Windows SSH client gives) is Vietnamese. Any argument may be NULL. */
const char *lang_pick(const char *setting, const char *language, const char *lc_all,
                      const char *lc_messages, const char *lang);

#endif
