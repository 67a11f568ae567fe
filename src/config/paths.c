/* File locations: XDG directories, the share directory beside the binary, parents of files. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tiendo/config.h"
#include "tiendo/i18n.h"
#include "tiendo/paths.h"

static const char *home_dir(void)
{
    const char *h = getenv("HOME");
    return h != NULL && *h != '\0' ? h : "/";
}

static void xdg_path(const char *var, const char *fallback, const char *rest, char *buf,
                     size_t size)
{
    const char *base = getenv(var);
    if (base != NULL && base[0] == '/')
        snprintf(buf, size, "%s/%s", base, rest);
    else
        snprintf(buf, size, "%s/%s/%s", home_dir(), fallback, rest);
}

void paths_default_db(char *buf, size_t size)
{
    xdg_path("XDG_DATA_HOME", ".local/share", "tiendo/tiendo.db", buf, size);
}

void paths_export_dir(const char *configured, char *buf, size_t size)
{
    if (configured != NULL && configured[0] != '\0')
        snprintf(buf, size, "%s", configured);
    else
        xdg_path("XDG_DATA_HOME", ".local/share", "tiendo/export", buf, size);
}

const char *paths_show(const char *path, char *buf, size_t size)
{
    const char *h = home_dir(); /* "/" when unset: shown as it is */
    size_t n = strlen(h);
    while (n > 1 && h[n - 1] == '/')
        n--; /* HOME=/home/lan/ */
    if (n > 1 && strncmp(path, h, n) == 0 && path[n] == '/')
        snprintf(buf, size, "~%s", path + n);
    else
        snprintf(buf, size, "%s", path);
    return buf;
}

void config_user_file(char *buf, size_t size)
{
    xdg_path("XDG_CONFIG_HOME", ".config", "tiendo/tiendo.ini", buf, size);
}

#ifndef TIENDO_DATADIR
#define TIENDO_DATADIR "/usr/local/share" /* the Makefile passes DATADIR */
#endif

void paths_share_dir(char *buf, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash != NULL)
            *slash = '\0';
        char joined[PATH_MAX + 32];
        snprintf(joined, sizeof joined, "%s/../share/tiendo/plans", exe);
        struct stat st;
        if (stat(joined, &st) == 0 && S_ISDIR(st.st_mode)) {
            snprintf(joined, sizeof joined, "%s/../share", exe);
            char real[PATH_MAX];
            snprintf(buf, size, "%s", realpath(joined, real) != NULL ? real : joined);
            return;
        }
    }
    snprintf(buf, size, "%s", TIENDO_DATADIR);
}

void paths_plan_file(const char *setting, char *buf, size_t size)
{
    if (strchr(setting, '/') != NULL) {
        snprintf(buf, size, "%s", setting);
        return;
    }
    char share[PATH_MAX];
    paths_share_dir(share, sizeof share);
    snprintf(buf, size, "%s/tiendo/plans/%s", share, setting);
}

int paths_mkdir_parents(const char *file_path, struct td_err *err)
{
    char dir[PATH_MAX];
    if (snprintf(dir, sizeof dir, "%s", file_path) >= (int)sizeof dir)
        return td_err_set(err, TD_E_IO, _("%s: path too long"), file_path);
    char *slash = strrchr(dir, '/');
    if (slash == NULL || slash == dir)
        return 0;
    *slash = '\0';
    for (char *p = dir + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char saved = *p;
        *p = '\0';
        if (mkdir(dir, 0700) != 0 && errno != EEXIST)
            return td_err_set(err, TD_E_IO, _("cannot create directory %s: %s"), dir,
                              strerror(errno));
        *p = saved;
        if (saved == '\0')
            break;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return td_err_set(err, TD_E_IO, _("%s is not a directory"), dir);
    return 0;
}

unsigned paths_file_mode(long gid)
{
    return gid >= 0 ? 0640 : 0600;
}

int paths_secure_fd(int fd, long gid)
{
    if (gid >= 0 && fchown(fd, (uid_t)-1, (gid_t)gid) != 0)
        return -1;
    return fchmod(fd, (mode_t)paths_file_mode(gid));
}

int bench_fd_from_env(void)
{
    const char *fd = getenv("TIENDO_BENCH_FD");
    if (fd == NULL || fd[0] == '\0')
        return -1;
    char *end = NULL;
    errno = 0;
    long n = fd[0] >= '0' && fd[0] <= '9' ? strtol(fd, &end, 10) : -1;
    struct stat sb;
    if (n < 3 || n > INT_MAX || errno != 0 || *end != '\0' || fstat((int)n, &sb) != 0 ||
        !S_ISFIFO(sb.st_mode))
        return -2;
    return (int)n;
}
