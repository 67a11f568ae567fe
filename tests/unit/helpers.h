/* Shared by the unit tests: temporary directories and files (real files, no mocks). */
#ifndef TIENDO_TEST_HELPERS_H
#define TIENDO_TEST_HELPERS_H

#include <ftw.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

static inline char *helper_tmpdir(void)
{
    const char *base = getenv("TMPDIR");
    char tmpl[PATH_MAX];
    snprintf(tmpl, sizeof tmpl, "%s/tiendo-test-XXXXXX", base != NULL ? base : "/tmp");
    char *dir = mkdtemp(tmpl);
    assert_non_null(dir);
    return strdup(dir);
}

static inline int helper_rm_one(const char *path, const struct stat *sb, int flag, struct FTW *f)
{
    (void)sb;
    (void)flag;
    (void)f;
    return remove(path);
}

static inline void helper_rmtree(char *dir)
{
    nftw(dir, helper_rm_one, 16, FTW_DEPTH | FTW_PHYS);
    free(dir);
}

/* Writes text to dir/name and returns the path (caller frees). */
static inline char *helper_write(const char *dir, const char *name, const char *text)
{
    char *path = malloc(PATH_MAX);
    snprintf(path, PATH_MAX, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* Collects the problems a loader reports. */
struct helper_msgs {
    char msgs[32][1100];
    int n;
};

static inline void helper_collect(void *ctx, const char *msg)
{
    struct helper_msgs *m = ctx;
    if (m->n < 32)
        snprintf(m->msgs[m->n++], sizeof m->msgs[0], "%s", msg);
}

#endif
