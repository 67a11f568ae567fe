/* Report drafts (annual thematic, mid-term, final, ad-hoc) in Markdown or HTML, from the plain
 * data of tiendo/draft.h: the sections follow the plan's evaluation contents. No database
 * handle here. */
#ifndef TIENDO_REPORT_H
#define TIENDO_REPORT_H

#include <stdio.h>

#include "tiendo/draft.h"

enum report_format { REPORT_MD, REPORT_HTML, REPORT_DOCX };

/* Writes the report (DOCX: a Word document, an Office Open XML package); returns -1 on a write
 * error. Every text from the data is escaped for
 * the format and never carries a control character. */
int report_write(FILE *out, const struct report_data *d, enum report_format format);

#endif
