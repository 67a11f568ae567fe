/* UTF-8 validation, NFC normalisation, escaping and display widths (wcwidth). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>
#include <wchar.h>
#include <wctype.h>

#include "tiendo/text.h"

/* Decodes one UTF-8 character at s (n bytes left); returns its length, or 0 if malformed. */
static size_t utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
    if (n == 0)
        return 0;
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return c == 0 ? 0 : 1;
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, c &= 0x07;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    *cp = c;
    return len;
}

size_t text_utf8_next(const char *s, size_t n, unsigned *cp)
{
    return utf8_decode((const unsigned char *)s, n, cp);
}

bool text_valid_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    while (n > 0) {
        unsigned cp;
        size_t len = utf8_decode(p, n, &cp);
        if (len == 0)
            return false;
        p += len;
        n -= len;
    }
    return true;
}

/* Whether s (valid UTF-8) is in NFC as it is, by a quick look: every character below U+0300
 * or in Latin Extended Additional (U+1E00-U+1EFF), as ASCII and precomposed Vietnamese are.
 * None of those decomposes canonically, nor composes with a character after it. */
static bool plainly_nfc(const unsigned char *p, size_t n)
{
    while (n > 0) {
        unsigned cp;
        size_t len = *p < 0x80 ? (cp = *p, 1) : utf8_decode(p, n, &cp);
        if (len == 0 || (cp >= 0x300 && (cp < 0x1E00 || cp > 0x1EFF)))
            return false;
        p += len;
        n -= len;
    }
    return true;
}

char *text_nfc(const char *s)
{
    size_t n = strlen(s);
    if (!text_valid_utf8(s, n))
        return NULL;
    if (plainly_nfc((const unsigned char *)s, n)) /* most text: no need to decompose it */
        return strdup(s);
    return (char *)utf8proc_NFC((const utf8proc_uint8_t *)s);
}

/* The escaped form of one character (or stray byte) at p: points *src at it, returns its
 * length. tmp must hold 16 bytes. */
static size_t escape_one(const unsigned char *p, size_t len, unsigned cp, bool valid, bool lines,
                         char *tmp, const char **src)
{
    *src = tmp;
    if (!valid)
        return (size_t)snprintf(tmp, 16, "\\x%02X", p[0]);
    if (lines && (cp == '\n' || cp == '\t')) {
        *src = (const char *)p;
        return len;
    }
    if (cp < 0x20 || cp == 0x7F) {
        tmp[0] = '^';
        tmp[1] = cp == 0x7F ? '?' : (char)(cp + '@');
        return 2;
    }
    if (cp >= 0x80 && cp < 0xA0)
        return (size_t)snprintf(tmp, 16, "<U+%04X>", cp);
    *src = (const char *)p;
    return len;
}

static size_t escape(const char *s, bool lines, char *out, size_t size)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t left = strlen(s), used = 0, written = 0;
    bool full = out == NULL || size == 0;
    while (left > 0) {
        unsigned cp = 0;
        size_t len = utf8_decode(p, left, &cp);
        bool valid = len > 0;
        if (!valid)
            len = 1;
        char tmp[16];
        const char *src;
        size_t n = escape_one(p, len, cp, valid, lines, tmp, &src);
        if (!full && written + n < size) {
            memcpy(out + written, src, n);
            written += n;
        } else {
            full = true; /* stop at a character boundary */
        }
        used += n;
        p += len;
        left -= len;
    }
    if (out != NULL && size > 0)
        out[written] = '\0';
    return used;
}

size_t text_escape(const char *s, char *out, size_t size)
{
    return escape(s, false, out, size);
}

size_t text_escape_lines(const char *s, char *out, size_t size)
{
    return escape(s, true, out, size);
}

char *text_escaped_dup(const char *s, bool keep_lines)
{
    size_t need = escape(s, keep_lines, NULL, 0);
    char *out = malloc(need + 1);
    if (out != NULL)
        escape(s, keep_lines, out, need + 1);
    return out;
}

/* Width in cells of one escaped piece of text (already safe to display). */
static int width_of(const char *s, size_t n)
{
    int w = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    while (n > 0) {
        wchar_t wc;
        size_t len = mbrtowc(&wc, s, n, &st);
        if (len == 0 || len == (size_t)-1 || len == (size_t)-2) {
            /* Not decodable in this locale: the terminal shows one cell per byte at most. */
            w++;
            s++;
            n--;
            memset(&st, 0, sizeof st);
            continue;
        }
        int cw = wcwidth(wc);
        w += cw < 0 ? 1 : cw;
        s += len;
        n -= len;
    }
    return w;
}

bool text_copy(char *dst, size_t size, const char *src)
{
    if (size == 0)
        return src[0] == '\0';
    size_t n = strlen(src);
    if (n < size) {
        memcpy(dst, src, n + 1);
        return true;
    }
    size_t end = size - 1;
    while (end > 0 && ((unsigned char)src[end] & 0xC0) == 0x80)
        end--; /* src[end] starts a character: cut before it */
    memcpy(dst, src, end);
    dst[end] = '\0';
    return false;
}

int text_width(const char *s)
{
    size_t need = text_escape(s, NULL, 0);
    char *buf = malloc(need + 1);
    if (buf == NULL)
        return (int)strlen(s);
    text_escape(s, buf, need + 1);
    int w = width_of(buf, need);
    free(buf);
    return w;
}

/* Cells of the character of len bytes at s (cp decoded; len 0: a byte that is not UTF-8), as
 * text_escape shows it: ^X for C0 controls and DEL, <U+0080> for C1 controls, \xNN. */
static int char_cells(const char *s, size_t len, unsigned cp)
{
    if (len == 0)
        return 4;
    if (cp < 0x20 || cp == 0x7F)
        return 2;
    if (cp >= 0x80 && cp < 0xA0)
        return 8;
    char one[8];
    memcpy(one, s, len);
    return width_of(one, len);
}

size_t text_wrap(const char *s, int width, size_t *next)
{
    size_t n = strlen(s), i = 0, brk = 0, brk_next = 0;
    int w = 0;
    if (width < 1)
        width = 1;
    while (i < n && s[i] != '\n') {
        unsigned cp = 0;
        size_t len = text_utf8_next(s + i, n - i, &cp);
        int cells = char_cells(s + i, len, cp);
        if (w + cells > width && i > 0) {
            size_t line = s[i] == ' ' ? i : brk > 0 ? brk : i;
            size_t j = s[i] == ' ' ? i : brk > 0 ? brk_next : i;
            while (s[j] == ' ')
                j++;
            if (s[j] == '\n')
                j++; /* the break already ended this line */
            *next = j;
            return line;
        }
        if (s[i] == ' ') {
            brk = i;
            brk_next = i + 1;
        }
        w += cells;
        i += len > 0 ? len : 1;
    }
    *next = i < n ? i + 1 : n;
    return i;
}

/* The bytes of the leading whole words a and b share (the blank after them included), and how
 * many words that is. */
static size_t shared_words(const char *a, const char *b, int *words)
{
    size_t i = 0, end = 0;
    *words = 0;
    for (;; i++) {
        bool a_ends = a[i] == ' ' || a[i] == '\0', b_ends = b[i] == ' ' || b[i] == '\0';
        if (a_ends && b_ends && i > end) {
            (*words)++;
            end = i + (a[i] == ' ');
        }
        if (a[i] == '\0' || a[i] != b[i])
            break;
    }
    return end;
}

void text_tell_apart(const char *const *names, int n, int i, char *out, size_t size)
{
    const char *a = names[i];
    size_t prefix = 0;
    int words = 0;
    for (int k = 0; k < n; k++) {
        int w;
        size_t p = k != i ? shared_words(a, names[k], &w) : 0;
        if (p > prefix) {
            prefix = p;
            words = w;
        }
    }
    if (words < 2 || a[prefix] == '\0') { /* nothing worth it, or the whole name */
        text_copy(out, size, a);
        return;
    }
    char buf[512];
    size_t o = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    for (size_t at = 0; at < prefix && o + MB_CUR_MAX < sizeof buf;) {
        wchar_t wc;
        size_t len = mbrtowc(&wc, a + at, prefix - at, &st);
        if (len == 0 || len == (size_t)-1 || len == (size_t)-2) {
            text_copy(out, size, a);
            return;
        }
        size_t put = wcrtomb(buf + o, (wchar_t)towupper((wint_t)wc), &st);
        o += put != (size_t)-1 ? put : 0;
        at = strcspn(a + at, " ") + at; /* to the next word */
        while (a[at] == ' ')
            at++;
    }
    snprintf(buf + o, sizeof buf - o, " %s", a + prefix);
    text_copy(out, size, buf);
}

static const char ellipsis[] = "\xE2\x80\xA6"; /* U+2026, one cell */

/* Copies whole characters of esc (need bytes) into out while they fit budget cells and the
 * buffer keeps room for an ellipsis; returns the cells copied, *bytes and *used the bytes of
 * out and of esc. */
static int fit_pass(const char *esc, size_t need, int budget, char *out, size_t size, size_t *bytes,
                    size_t *used)
{
    int w = 0;
    size_t i = 0, o = 0;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    while (i < need) {
        wchar_t wc;
        size_t len = mbrtowc(&wc, esc + i, need - i, &st);
        int cw;
        if (len == 0 || len == (size_t)-1 || len == (size_t)-2) {
            len = 1;
            cw = 1;
            memset(&st, 0, sizeof st);
        } else {
            cw = wcwidth(wc);
            if (cw < 0)
                cw = 1;
        }
        if (w + cw > budget || o + len + sizeof ellipsis > size)
            break;
        memcpy(out + o, esc + i, len);
        o += len;
        w += cw;
        i += len;
    }
    *bytes = o;
    *used = i;
    return w;
}

int text_fit(const char *s, int cols, char *out, size_t size)
{
    if (size == 0)
        return 0;
    out[0] = '\0';
    if (cols <= 0)
        return 0;
    size_t need = text_escape(s, NULL, 0);
    char *esc = malloc(need + 1);
    if (esc == NULL)
        return 0;
    text_escape(s, esc, need + 1);

    int total = width_of(esc, need);
    size_t o, i;
    int w = fit_pass(esc, need, total <= cols ? cols : cols - 1, out, size, &o, &i);
    /* Cut short by the buffer although the text would have fitted the cells: the ellipsis
     * needs its cell too (found by fuzz_text: 10 cells written into 9). */
    if (i < need && w + 1 > cols)
        w = fit_pass(esc, need, cols - 1, out, size, &o, &i);
    if (i < need) {
        memcpy(out + o, ellipsis, sizeof ellipsis);
        w++;
    } else {
        out[o] = '\0';
    }
    free(esc);
    return w;
}

void text_group_digits(long n, const char *sep, char *out, size_t size)
{
    char digits[32];
    /* The magnitude as unsigned: -LONG_MIN does not fit in a long. */
    unsigned long mag = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    int len = snprintf(digits, sizeof digits, "%lu", mag);
    size_t o = 0, seplen = strlen(sep);
    if (size == 0)
        return;
    if (n < 0 && o + 1 < size)
        out[o++] = '-';
    for (int i = 0; i < len && o + 1 < size; i++) {
        out[o++] = digits[i];
        int rest = len - i - 1;
        if (rest > 0 && rest % 3 == 0 && o + seplen < size) {
            memcpy(out + o, sep, seplen);
            o += seplen;
        }
    }
    out[o] = '\0';
}

const char *text_human_number(double v, int decimals, const char *lang, char *out, size_t size)
{
    bool vi = lang != NULL && strcmp(lang, "vi") == 0;
    if (size == 0)
        return out;
    decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
    long long scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    if (v != v || v > 1e15 || v < -1e15) { /* NaN or beyond what anyone types: plain */
        snprintf(out, size, "%s", v != v ? "-" : v > 0 ? "\u221e" : "-\u221e");
        return out;
    }
    double mag = (v < 0 ? -v : v) * (double)scale + 0.5;
    long long scaled = (long long)mag;
    long whole = (long)(scaled / scale);
    long long frac = scaled % scale;
    char grouped[48];
    text_group_digits(whole, vi ? "." : ",", grouped, sizeof grouped);
    const char *sign = v < 0 && scaled != 0 ? "-" : "";
    if (decimals == 0)
        snprintf(out, size, "%s%s", sign, grouped);
    else
        snprintf(out, size, "%s%s%s%0*lld", sign, grouped, vi ? "," : ".", decimals, frac);
    return out;
}

/* The folded form of one code point into out (at most 16 bytes); returns its length. */
static size_t fold_char(unsigned cp, char *out)
{
    if (cp < 0x80) { /* ASCII: only the case folds */
        out[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp);
        return 1;
    }
    if (cp == 0x0110 || cp == 0x0111) { /* Đ đ: a letter of its own, searched as d */
        out[0] = 'd';
        return 1;
    }
    utf8proc_int32_t buf[8];
    int opts = UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_CASEFOLD;
    utf8proc_ssize_t n =
        utf8proc_decompose_char((utf8proc_int32_t)cp, buf, 8, (utf8proc_option_t)opts, NULL);
    size_t len = 0;
    for (utf8proc_ssize_t i = 0; i >= 0 && i < n && i < 8 && len < 12; i++)
        len += (size_t)utf8proc_encode_char(buf[i], (utf8proc_uint8_t *)out + len);
    return len;
}

char *text_fold(const char *s)
{
    size_t n = strlen(s);
    char *out = malloc(n * 4 + 1);
    if (out == NULL)
        return NULL;
    size_t o = 0;
    const unsigned char *p = (const unsigned char *)s;
    while (n > 0) {
        unsigned cp;
        size_t len = utf8_decode(p, n, &cp);
        if (len == 0) {
            free(out);
            return NULL;
        }
        /* A character of len bytes folds to at most 4 * len bytes: the buffer holds it. */
        char piece[16];
        size_t plen = fold_char(cp, piece);
        memcpy(out + o, piece, plen);
        o += plen;
        p += len;
        n -= len;
    }
    out[o] = '\0';
    return out;
}

bool text_find_folded(const char *haystack, const char *folded_needle, size_t *start, size_t *end)
{
    size_t nlen = strlen(folded_needle);
    if (nlen == 0)
        return false;
    size_t hlen = strlen(haystack);
    /* Try each character boundary of the haystack as a start. */
    for (size_t i = 0; i < hlen;) {
        unsigned cp;
        size_t first = utf8_decode((const unsigned char *)haystack + i, hlen - i, &cp);
        if (first == 0)
            return false;
        size_t matched = 0, j = i;
        while (j < hlen && matched < nlen) {
            size_t len = utf8_decode((const unsigned char *)haystack + j, hlen - j, &cp);
            if (len == 0)
                return false;
            char piece[16];
            size_t plen = fold_char(cp, piece);
            if (plen > 0 &&
                (matched + plen > nlen || memcmp(piece, folded_needle + matched, plen) != 0))
                break;
            matched += plen;
            j += len;
        }
        if (matched == nlen) {
            /* Take the marks that belong to the last letter too. */
            while (j < hlen) {
                size_t len = utf8_decode((const unsigned char *)haystack + j, hlen - j, &cp);
                char piece[16];
                if (len == 0 || fold_char(cp, piece) != 0)
                    break;
                j += len;
            }
            *start = i;
            *end = j;
            return true;
        }
        i += first;
    }
    return false;
}

size_t text_natural_key(const char *s, char *out, size_t size)
{
    size_t n = 0;
#define PUT(c)                                                                                     \
    do {                                                                                           \
        if (n + 1 < size)                                                                          \
            out[n] = (c);                                                                          \
        n++;                                                                                       \
    } while (0)
    while (*s != '\0') {
        if (*s < '0' || *s > '9') {
            PUT(*s);
            s++;
            continue;
        }
        while (*s == '0')
            s++;
        size_t len = 0;
        while (s[len] >= '0' && s[len] <= '9')
            len++;
        size_t shown = len > 18 ? 18 : len; /* longer runs keep their first 18 digits */
        /* cppcheck-suppress knownConditionTrueFalse ; it misreads the digit loop above */
        if (shown < 9) {
            PUT((char)('0' + shown));
        } else {
            PUT('9');
            PUT((char)('0' + (shown - 9)));
        }
        for (size_t i = 0; i < shown; i++)
            PUT(s[i]);
        s += len;
    }
#undef PUT
    if (size > 0)
        out[n < size ? n : size - 1] = '\0';
    return n;
}

int text_natural_cmp(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;
    while (i < alen && j < blen) {
        unsigned char ca = (unsigned char)a[i], cb = (unsigned char)b[j];
        if (ca >= '0' && ca <= '9' && cb >= '0' && cb <= '9') {
            /* Compare the numbers: skip leading zeros, then the longer run is larger. */
            while (i < alen && a[i] == '0')
                i++;
            while (j < blen && b[j] == '0')
                j++;
            size_t si = i, sj = j;
            while (i < alen && a[i] >= '0' && a[i] <= '9')
                i++;
            while (j < blen && b[j] >= '0' && b[j] <= '9')
                j++;
            if (i - si != j - sj)
                return i - si < j - sj ? -1 : 1;
            int c = memcmp(a + si, b + sj, i - si);
            if (c != 0)
                return c < 0 ? -1 : 1;
            continue;
        }
        if (ca != cb)
            return ca < cb ? -1 : 1;
        i++;
        j++;
    }
    return (i < alen) - (j < blen);
}

int text_parse_decimal(const char *s, double *out)
{
    char buf[64] = "";
    size_t n = 0;
    while (*s == ' ')
        s++;
    for (; *s && n + 1 < sizeof buf; s++)
        buf[n++] = *s == ',' ? '.' : *s;
    while (n > 0 && buf[n - 1] == ' ')
        n--;
    buf[n] = '\0';
    if (n == 0 || strspn(buf, "+-0123456789.") != n)
        return -1;
    char *end;
    double v = strtod(buf, &end);
    if (*end != '\0' || v != v || v > 1e15 || v < -1e15)
        return -1;
    *out = v;
    return 0;
}
