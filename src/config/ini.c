/* Loading INI files: our own line checks first, then iniparser on the cleaned bytes. */
#define _GNU_SOURCE /* memfd_create */
#include <ctype.h>
#include <errno.h>
#include <iniparser.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "tiendo/i18n.h"
#include "tiendo/hash.h"
#include "tiendo/ini.h"
#include "tiendo/text.h"

#define INI_MAX_LINE 1000 /* iniparser 4.1 fails the whole file on lines over 1024 bytes */

struct ini_entry {
    char *section; /* lowercased */
    char *key;     /* lowercased, without the section */
    char *value;   /* NFC */
    int line;
};

struct ini_doc {
    char *path;
    char **sections;
    int nsections;
    struct ini_entry *entries;
    int nentries;
    char hash[17];
};

static char iniparser_msg[512];

/* iniparser prints its errors to stderr, which would corrupt a screen: keep the message. */
static int capture_iniparser_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(iniparser_msg, sizeof iniparser_msg, fmt, ap);
    va_end(ap);
    return 0;
}

static char *read_file(const char *path, size_t *len, struct td_err *err)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        int e = errno;
        return td_err_set(err, e == ENOENT ? TD_E_NOTFOUND : TD_E_CONFIG, "%s: %s", path,
                          strerror(e)),
               NULL;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    while (buf != NULL) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
        if (n + 1 == cap) {
            char *bigger = cap < (64u << 20) ? realloc(buf, cap * 2) : NULL;
            if (bigger == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    int failed = ferror(f);
    fclose(f);
    if (buf == NULL || failed) {
        free(buf);
        td_err_set(err, TD_E_CONFIG, _("%s: cannot read the file (too large or unreadable)"), path);
        return NULL;
    }
    buf[n] = '\0';
    *len = n;
    return buf;
}

static void lower_ascii(char *s)
{
    for (; *s; s++)
        *s = (char)tolower((unsigned char)*s);
}

static char *trimmed_dup(const char *s, size_t n)
{
    while (n > 0 && isspace((unsigned char)*s))
        s++, n--;
    while (n > 0 && isspace((unsigned char)s[n - 1]))
        n--;
    char *d = malloc(n + 1);
    if (d != NULL) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

/* Whether a value (the text after "=") opens a quote, " or ', that it never closes. */
static bool unclosed_quote(const char *v)
{
    while (isspace((unsigned char)*v))
        v++;
    return (*v == '"' || *v == '\'') && strchr(v + 1, *v) == NULL;
}

/* One pass over the lines: where each section and key stands, and the problems iniparser
 * would hide (duplicates) or report badly (BOM, long lines, bad UTF-8). */
static int scan_lines(struct ini_doc *doc, const char *text, size_t len, struct td_err *err)
{
    char *section = NULL;
    int line = 0, rc = 0;
    const char *p = text, *end = text + len;
    while (p < end && rc == 0) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t n = eol != NULL ? (size_t)(eol - p) : (size_t)(end - p);
        line++;
        if (n > INI_MAX_LINE) {
            rc =
                td_err_set(err, TD_E_CONFIG, _("%s:%d: line longer than %d bytes; split the value"),
                           doc->path, line, INI_MAX_LINE);
            break;
        }
        if (!text_valid_utf8(p, n)) {
            rc = td_err_set(err, TD_E_CONFIG, _("%s:%d: not valid UTF-8; save the file as UTF-8"),
                            doc->path, line);
            break;
        }
        char *l = trimmed_dup(p, n);
        if (l == NULL)
            return td_err_set(err, TD_E_NOMEM, _("out of memory"));
        if (l[0] == '[') {
            char *close = strchr(l, ']');
            if (close != NULL) {
                free(section);
                section = trimmed_dup(l + 1, (size_t)(close - l - 1));
                lower_ascii(section);
                for (int i = 0; i < doc->nentries; i++)
                    if (doc->entries[i].key == NULL &&
                        strcmp(doc->entries[i].section, section) == 0)
                        rc = td_err_set(err, TD_E_CONFIG,
                                        _("%s:%d: section [%s] appears twice (first on line %d)"),
                                        doc->path, line, section, doc->entries[i].line);
                struct ini_entry *grown =
                    realloc(doc->entries, sizeof *grown * (size_t)(doc->nentries + 1));
                if (grown == NULL) {
                    free(l);
                    break;
                }
                doc->entries = grown;
                grown[doc->nentries++] = (struct ini_entry){strdup(section), NULL, NULL, line};
            }
        } else if (l[0] != '\0' && l[0] != ';' && l[0] != '#') {
            char *eq = strchr(l, '=');
            char *key = trimmed_dup(l, eq != NULL ? (size_t)(eq - l) : strlen(l));
            if (key != NULL) {
                lower_ascii(key);
                if (section == NULL) {
                    rc = td_err_set(err, TD_E_CONFIG,
                                    _("%s:%d: key \"%s\" comes before any [section]"), doc->path,
                                    line, key);
                } else if (eq != NULL && unclosed_quote(eq + 1)) {
                    /* iniparser 4.1 would take the quote and the rest of the line as the
                     * value ("en); the person meant a closed one. */
                    rc = td_err_set(err, TD_E_CONFIG, _("%s:%d: [%s] %s: a quote is not closed"),
                                    doc->path, line, section, key);
                } else {
                    for (int i = 0; i < doc->nentries && rc == 0; i++)
                        if (doc->entries[i].key != NULL &&
                            strcmp(doc->entries[i].section, section) == 0 &&
                            strcmp(doc->entries[i].key, key) == 0)
                            rc = td_err_set(err, TD_E_CONFIG,
                                            _("%s:%d: [%s] %s is set twice (first on line %d)"),
                                            doc->path, line, section, key, doc->entries[i].line);
                    struct ini_entry *grown =
                        realloc(doc->entries, sizeof *grown * (size_t)(doc->nentries + 1));
                    if (grown != NULL) {
                        doc->entries = grown;
                        grown[doc->nentries++] =
                            (struct ini_entry){strdup(section), key, NULL, line};
                        key = NULL;
                    }
                }
                free(key);
            }
        }
        free(l);
        p = eol != NULL ? eol + 1 : end;
    }
    free(section);
    return rc;
}

/* Runs iniparser over the cleaned bytes through an anonymous in-memory file, so that no
 * temporary file is left behind and the original is never changed. */
static dictionary *parse_bytes(const char *text, size_t len)
{
    int fd = memfd_create("tiendo-ini", MFD_CLOEXEC);
    if (fd < 0)
        return NULL;
    dictionary *d = NULL;
    size_t off = 0;
    while (off < len) {
        ssize_t w = write(fd, text + off, len - off);
        if (w <= 0)
            break;
        off += (size_t)w;
    }
    if (off == len) {
        char name[64];
        snprintf(name, sizeof name, "/proc/self/fd/%d", fd);
        iniparser_set_error_callback(capture_iniparser_error);
        d = iniparser_load(name);
    }
    close(fd);
    return d;
}

int ini_doc_load(const char *path, struct ini_doc **out, struct td_err *err)
{
    size_t len;
    char *text = read_file(path, &len, err);
    if (text == NULL)
        return -1;
    struct ini_doc *doc = calloc(1, sizeof *doc);
    if (doc == NULL || (doc->path = strdup(path)) == NULL) {
        free(text);
        free(doc);
        return td_err_set(err, TD_E_NOMEM, _("out of memory"));
    }
    fnv1a64_hex(fnv1a64(FNV1A64_BASIS, text, len), doc->hash);
    const char *body = text;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        body += 3; /* a byte-order mark, as Windows editors write */
        len -= 3;
    }
    if (memchr(body, '\0', len) != NULL) {
        free(text);
        ini_doc_free(doc);
        return td_err_set(err, TD_E_CONFIG, _("%s: contains a NUL byte; not a text file"), path);
    }
    if (scan_lines(doc, body, len, err) != 0) {
        free(text);
        ini_doc_free(doc);
        return -1;
    }
    iniparser_msg[0] = '\0';
    dictionary *d = parse_bytes(body, len);
    free(text);
    if (d == NULL) {
        char *msg = iniparser_msg;
        /* iniparser names our in-memory file; keep only what it found. */
        char *arrow = strstr(msg, "->");
        char *paren = strchr(msg, '(');
        int line = paren != NULL ? atoi(paren + 1) : 0;
        if (arrow != NULL) {
            msg = arrow + 2;
            while (*msg == ' ')
                msg++;
            msg[strcspn(msg, "\n")] = '\0';
        }
        td_err_set(err, TD_E_CONFIG, _("%s:%d: syntax error: %s"), path, line, msg);
        ini_doc_free(doc);
        return -1;
    }
    int rc = 0;
    for (int i = 0; i < doc->nentries && rc == 0; i++) {
        struct ini_entry *e = &doc->entries[i];
        if (e->key == NULL)
            continue;
        char full[1100];
        snprintf(full, sizeof full, "%s:%s", e->section, e->key);
        const char *v = iniparser_getstring(d, full, NULL);
        e->value = text_nfc(v != NULL ? v : "");
        if (e->value == NULL)
            rc = td_err_set(err, TD_E_CONFIG, _("%s:%d: [%s] %s: value is not valid UTF-8"), path,
                            e->line, e->section, e->key);
    }
    /* Sections in file order, each once. */
    for (int i = 0; i < doc->nentries && rc == 0; i++) {
        if (doc->entries[i].key != NULL)
            continue;
        char **grown = realloc(doc->sections, sizeof *grown * (size_t)(doc->nsections + 1));
        if (grown == NULL) {
            rc = td_err_set(err, TD_E_NOMEM, _("out of memory"));
            break;
        }
        doc->sections = grown;
        grown[doc->nsections++] = doc->entries[i].section;
    }
    iniparser_freedict(d);
    if (rc != 0) {
        ini_doc_free(doc);
        return -1;
    }
    *out = doc;
    return 0;
}

void ini_doc_free(struct ini_doc *doc)
{
    if (doc == NULL)
        return;
    for (int i = 0; i < doc->nentries; i++) {
        free(doc->entries[i].section);
        free(doc->entries[i].key);
        free(doc->entries[i].value);
    }
    free(doc->entries);
    free(doc->sections);
    free(doc->path);
    free(doc);
}

const char *ini_doc_path(const struct ini_doc *doc)
{
    return doc->path;
}

int ini_doc_nsections(const struct ini_doc *doc)
{
    return doc->nsections;
}

const char *ini_doc_section(const struct ini_doc *doc, int i)
{
    return i >= 0 && i < doc->nsections ? doc->sections[i] : NULL;
}

static const struct ini_entry *find_key(const struct ini_doc *doc, const char *section, int nth,
                                        const char *key)
{
    int seen = 0;
    for (int i = 0; i < doc->nentries; i++) {
        const struct ini_entry *e = &doc->entries[i];
        if (e->key == NULL || strcmp(e->section, section) != 0)
            continue;
        if (key != NULL ? strcmp(e->key, key) == 0 : seen++ == nth)
            return e;
    }
    return NULL;
}

int ini_doc_nkeys(const struct ini_doc *doc, const char *section)
{
    int n = 0;
    for (int i = 0; i < doc->nentries; i++)
        if (doc->entries[i].key != NULL && strcmp(doc->entries[i].section, section) == 0)
            n++;
    return n;
}

const char *ini_doc_key(const struct ini_doc *doc, const char *section, int i)
{
    const struct ini_entry *e = find_key(doc, section, i, NULL);
    return e != NULL ? e->key : NULL;
}

const char *ini_doc_get(const struct ini_doc *doc, const char *section, const char *key)
{
    const struct ini_entry *e = find_key(doc, section, 0, key);
    return e != NULL ? e->value : NULL;
}

const char *ini_doc_hash(const struct ini_doc *doc)
{
    return doc->hash;
}
