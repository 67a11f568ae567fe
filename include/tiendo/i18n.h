/* Translation markers: every user-facing string goes through _() (or N_() in tables). */
#ifndef TIENDO_I18N_H
#define TIENDO_I18N_H

#include <libintl.h>

#define _(s)  gettext(s)
#define N_(s) (s)

#endif
