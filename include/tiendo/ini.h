/* INI documents read through iniparser, after checks that iniparser 4.1 does not make. */
#ifndef TIENDO_INI_H
#define TIENDO_INI_H

#include "tiendo/err.h"

struct ini_doc;

/* Reads path: strips a UTF-8 byte-order mark, refuses invalid UTF-8, lines over 1,000
 * bytes, keys outside a section, and a section or key given twice (a typo, nearly always),
 * each with the file and line. Values are returned in NFC. A missing file gives
 * TD_E_NOTFOUND; every other problem TD_E_CONFIG. */
int ini_doc_load(const char *path, struct ini_doc **out, struct td_err *err);
void ini_doc_free(struct ini_doc *doc);

const char *ini_doc_path(const struct ini_doc *doc);
int ini_doc_nsections(const struct ini_doc *doc);
/* Section names come lowercased (iniparser folds ASCII case). */
const char *ini_doc_section(const struct ini_doc *doc, int i);
int ini_doc_nkeys(const struct ini_doc *doc, const char *section);
/* The i-th key name of section, without the "section:" prefix. */
const char *ini_doc_key(const struct ini_doc *doc, const char *section, int i);
/* The value of section:key in NFC, or NULL when absent. Storage lives as long as doc. */
const char *ini_doc_get(const struct ini_doc *doc, const char *section, const char *key);

/* FNV-1a 64-bit hash of the file's bytes, as 16 hex digits: tells a changed file. */
const char *ini_doc_hash(const struct ini_doc *doc);

#endif
