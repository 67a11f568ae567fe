/* FNV-1a, 64 bits (http://www.isthe.com/chongo/tech/comp/fnv/). */
#include <stdio.h>

#include "tiendo/hash.h"

uint64_t fnv1a64(uint64_t h, const void *p, size_t n)
{
    const unsigned char *b = p;
    for (size_t i = 0; i < n; i++) {
        h ^= b[i];
        h *= 1099511628211ull; /* the FNV 64-bit prime */
    }
    return h;
}

void fnv1a64_hex(uint64_t h, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}
