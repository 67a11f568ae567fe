/* Text helpers (src/core/text.c): UTF-8 checks, NFC, escaping, widths, fitting, folding,
 * natural order, decimals, digit grouping. */
#include <limits.h>
#include <locale.h>

#include "fuzz.h"
#include "tiendo/text.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* Widths are counted in a UTF-8 locale, as the program runs (main sets the user's). */
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    if (setlocale(LC_ALL, "C.UTF-8") == NULL)
        abort();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = fuzz_string(data, size);
    const char *part[2];
    fuzz_split((const uint8_t *)s, size, part, 2);
    const char *a = part[0], *b = part[1];
    size_t alen = strlen(a), blen = strlen(b);

    bool valid = text_valid_utf8(a, alen);
    char *nfc = text_nfc(a);
    if ((nfc != NULL) != valid)
        abort();
    if (nfc != NULL && !text_valid_utf8(nfc, strlen(nfc)))
        abort();
    free(nfc);

    size_t need = text_escape(a, NULL, 0);
    char *esc = malloc(need + 1);
    if (esc == NULL || text_escape(a, esc, need + 1) != need || strlen(esc) != need)
        abort();
    for (const char *p = esc; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7F)
            abort(); /* nothing that drives a terminal gets through */
    if (!text_valid_utf8(esc, need))
        abort();
    char small[7];
    text_escape(a, small, sizeof small);
    if (strlen(small) >= sizeof small)
        abort();
    free(esc);

    int w = text_width(a);
    if (w < 0)
        abort();
    for (int cols = 0; cols <= 12; cols += 3) {
        char out[256];
        int used = text_fit(a, cols, out, sizeof out);
        if (used < 0 || used > cols || strlen(out) >= sizeof out || text_width(out) > cols)
            abort();
    }
    char tiny[4];
    text_fit(a, 40, tiny, sizeof tiny);

    char *fa = text_fold(a);
    char *fb = text_fold(b);
    if (fa != NULL && fb != NULL) {
        size_t st, en;
        if (text_find_folded(a, fb, &st, &en) && (st > en || en > alen))
            abort();
    }
    free(fa);
    free(fb);

    char key[64];
    size_t kn = text_natural_key(a, key, sizeof key);
    if (kn < sizeof key && strlen(key) != kn)
        abort();
    int c1 = text_natural_cmp(a, alen, b, blen), c2 = text_natural_cmp(b, blen, a, alen);
    if ((c1 < 0 && c2 <= 0) || (c1 > 0 && c2 >= 0) || (c1 == 0 && c2 != 0))
        abort(); /* an order: antisymmetric */
    if (text_natural_cmp(a, alen, a, alen) != 0)
        abort();

    double d;
    (void)text_parse_decimal(a, &d);

    long n = 0;
    memcpy(&n, data, size < sizeof n ? size : sizeof n);
    char grouped[64];
    const char *seps[] = {",", ".", " ", "\xC2\xA0"};
    text_group_digits(n, seps[size % 4], grouped, sizeof grouped);
    text_group_digits(LONG_MIN, ".", grouped, sizeof grouped);
    text_group_digits(n, ",", grouped, 5);
    free(s);
    return 0;
}
