/* FNV-1a, 64 bits: a quick checksum that tells a changed file (not a cryptographic hash). */
#ifndef TIENDO_HASH_H
#define TIENDO_HASH_H

#include <stddef.h>
#include <stdint.h>

#define FNV1A64_BASIS 14695981039346656037ull /* the hash of nothing */

/* h (FNV1A64_BASIS to start) carried on over the n bytes at p. */
uint64_t fnv1a64(uint64_t h, const void *p, size_t n);
/* The hash as 16 lowercase hex digits. */
void fnv1a64_hex(uint64_t h, char out[17]);

#endif
