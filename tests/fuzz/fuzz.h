/* Shared by the libFuzzer harnesses: the fuzz input as a file, or as a NUL-terminated string. */
#ifndef TIENDO_FUZZ_H
#define TIENDO_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A file that holds the input, in a directory of this process's own under $TMPDIR (made with
 * mkdtemp, removed at exit), the same file for every run of a process (the loaders read paths).
 * A fixed name in /tmp once clashed with a file another user had left under the same PID.
 * Returns its path or aborts: a harness that cannot write is broken. */
static char fuzz_dir[512], fuzz_path[600];

static inline void fuzz_cleanup(void)
{
    if (fuzz_path[0] != '\0')
        unlink(fuzz_path);
    if (fuzz_dir[0] != '\0')
        rmdir(fuzz_dir);
}

static inline const char *fuzz_file(const char *name, const uint8_t *data, size_t size)
{
    if (fuzz_dir[0] == '\0') {
        const char *tmp = getenv("TMPDIR");
        snprintf(fuzz_dir, sizeof fuzz_dir, "%s/tiendo-fuzz-XXXXXX",
                 tmp != NULL && tmp[0] != '\0' ? tmp : "/tmp");
        if (mkdtemp(fuzz_dir) == NULL)
            abort();
        atexit(fuzz_cleanup);
        snprintf(fuzz_path, sizeof fuzz_path, "%s/%s", fuzz_dir, name);
    }
    FILE *f = fopen(fuzz_path, "wb");
    if (f == NULL || fwrite(data, 1, size, f) != size || fclose(f) != 0)
        abort();
    return fuzz_path;
}

/* A malloc'd copy of the input with a NUL after it (inner NULs cut it short, as in C). */
static inline char *fuzz_string(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (s == NULL)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

/* Splits the input at its first NUL bytes into up to n strings (the rest empty). */
static inline int fuzz_split(const uint8_t *data, size_t size, const char **parts, int n)
{
    static const char empty[] = "";
    int k = 0;
    size_t start = 0;
    for (size_t i = 0; i < size && k < n - 1; i++)
        if (data[i] == '\0') {
            parts[k++] = (const char *)data + start;
            start = i + 1;
        }
    /* the last part runs to the end: the caller passes a NUL-terminated copy */
    parts[k++] = start < size ? (const char *)data + start : empty;
    for (int i = k; i < n; i++)
        parts[i] = empty;
    return k;
}

#endif
