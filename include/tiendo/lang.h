/* Which language the interface speaks. */
#ifndef TIENDO_LANG_H
#define TIENDO_LANG_H

/* setting is [ui] language (vi, en, auto). auto picks "vi" when lc_all, or else lang, starts
 * with "vi" (LC_ALL wins over LANG, as in POSIX); any other case gives "en". */
const char *lang_pick(const char *setting, const char *lc_all, const char *lang);

#endif
