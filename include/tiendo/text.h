/* Text helpers: UTF-8 checks, NFC, escaping of control characters, display widths. */
#ifndef TIENDO_TEXT_H
#define TIENDO_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* True when the n bytes at s are well-formed UTF-8 (no overlongs, surrogates or NULs). */
bool text_valid_utf8(const char *s, size_t n);

/* Decodes the UTF-8 character at s (n bytes left) into *cp; returns its length in bytes, or 0
 * when the bytes there are not well-formed UTF-8 (or a NUL). */
size_t text_utf8_next(const char *s, size_t n, unsigned *cp);

/* Returns a malloc'd NFC copy of s (caller frees), or NULL when s is not valid UTF-8 or
 * memory ran out. Every text that enters tiendo (keyboard, INI, CSV, database) passes here. */
char *text_nfc(const char *s);

/* Copies s into out (size bytes, always NUL-terminated) with every control character shown
 * as caret notation (ESC as ^[, DEL as ^?), C1 controls as <U+0080>.., and bytes that are
 * not UTF-8 as \xNN, so that data can never drive a terminal. Returns the length needed
 * (like snprintf). */
size_t text_escape(const char *s, char *out, size_t size);

/* As text_escape, but line feeds and tabs stay as they are: for writers whose format holds
 * multi-line text (CSV cells, Markdown paragraphs). A carriage return is still escaped (^M):
 * alone it would let text overwrite the line before it on a terminal. */
size_t text_escape_lines(const char *s, char *out, size_t size);

/* A malloc'd copy of s escaped as text_escape (keep_lines false) or text_escape_lines (keep_lines
 * true), or NULL when memory ran out. */
char *text_escaped_dup(const char *s, bool keep_lines);

/* Copies src into dst (size bytes, always NUL-terminated when size > 0); when it does not fit,
 * it is cut at a character boundary, never inside a UTF-8 sequence. Returns true when all of it
 * fitted. */
bool text_copy(char *dst, size_t size, const char *src);

/* Display cells that s takes once escaped (wcwidth of each character; zero-width
 * combining marks count 0, wide characters 2). */
int text_width(const char *s);

/* The next line of s wrapped to width cells (at least one character per line): returns its length
 * in bytes, without the blanks or the line feed where it breaks, and sets *next to where the
 * following line starts (strlen(s) at the end). A line breaks after the last blank that fits,
 * else between characters; a line feed always ends one. Cells are counted as text_width counts
 * them (control characters escaped), so a line drawn with text_fit is never cut. */
size_t text_wrap(const char *s, int width, size_t *next);

/* A label for names[i] that tells it apart from the other n - 1 names when they begin alike:
 * the leading words (two or more, never all of them) it shares with another name become their
 * initials in capitals, so that what differs comes first: beside "Tốc độ tăng trưởng giá trị",
 * "Tốc độ tăng trưởng thương mại điện tử" gives "TĐTT thương mại điện tử". Otherwise the name
 * as it is. Always NUL-terminated, cut between characters. */
void text_tell_apart(const char *const *names, int n, int i, char *out, size_t size);

/* Writes into out the escaped text of s cut to at most cols display cells; when it had to
 * cut, the last cell is "…". Never splits a character. Returns the cells used. */
int text_fit(const char *s, int cols, char *out, size_t size);

/* A copy of s for searching (caller frees): case folded, marks stripped, đ as d, so that
 * "phat trien" finds "Phát triển". NULL when s is not UTF-8 or memory ran out. */
char *text_fold(const char *s);

/* Finds needle (folded with text_fold) in haystack; on success sets the byte range of the
 * match in haystack itself and returns true. */
bool text_find_folded(const char *haystack, const char *folded_needle, size_t *start, size_t *end);

/* A key whose byte order is text_natural_cmp's order (numbers by value: "I.2" before "I.10"), for
 * an index to keep: each run of digits becomes its length (one digit, or 9 and a second for 9
 * to 18 digits) followed by the digits without leading zeros. Writes at most size - 1 bytes;
 * returns the length the whole key needs. */
size_t text_natural_key(const char *s, char *out, size_t size);

/* Compares a and b (lengths given) with runs of digits as numbers: "II.2" < "II.10". */
int text_natural_cmp(const char *a, size_t alen, const char *b, size_t blen);

/* Parses a decimal number as people type it: a point or a comma, a sign, blanks around.
 * Returns 0 and sets *out, or -1. */
int text_parse_decimal(const char *s, double *out);

/* Formats n with a thousands separator (sep, e.g. "," or "."): 1204 -> "1,204". */
void text_group_digits(long n, const char *sep, char *out, size_t size);

/* A number for people to read, in the interface language lang ("vi" or "en"), with decimals
 * digits after the decimal mark: "vi" writes 1.234,5 (decimal comma, a dot between thousands),
 * any other language 1,234.5. Never depends on the C locale, so a server's locale cannot change
 * it; machine formats (INI, CSV, JSON, ICS) keep printf under LC_NUMERIC "C" instead. Returns
 * out. */
const char *text_human_number(double v, int decimals, const char *lang, char *out, size_t size);

#endif
