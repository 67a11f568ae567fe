/* Where tiendo's files are: data and config homes, the shipped plans and translations. */
#ifndef TIENDO_PATHS_H
#define TIENDO_PATHS_H

#include <stddef.h>

#include "tiendo/err.h"

/* $XDG_DATA_HOME/tiendo/tiendo.db, or ~/.local/share/tiendo/tiendo.db. */
void paths_default_db(char *buf, size_t size);

/* Where exports go: configured ([export] dir) when set, else $XDG_DATA_HOME/tiendo/export
 * (~/.local/share/tiendo/export). */
void paths_export_dir(const char *configured, char *buf, size_t size);

/* path as a message shows it: under $HOME as "~/…" (what one types to scp it), else as it is;
 * returns buf. */
const char *paths_show(const char *path, char *buf, size_t size);

/* The share directory: <bin>/../share when it holds tiendo/plans (the build tree, a staged
 * install, a package unpacked with dpkg -x: they all have the installed layout), else the
 * DATADIR compiled in by the Makefile (/usr/share in the Debian package). */
void paths_share_dir(char *buf, size_t size);

/* Resolves a plan file setting: a name without '/' is looked up in <share>/tiendo/plans;
 * anything else is a path as given. */
void paths_plan_file(const char *setting, char *buf, size_t size);

/* Creates dir and its parents (mode 0700 for new ones); TD_E_IO with the reason. */
int paths_mkdir_parents(const char *file_path, struct td_err *err);

/* The mode of every file tiendo writes (database, exports): 0600, or 0640 with a group
 * ([security] group; gid < 0: none). */
unsigned paths_file_mode(long gid);
/* Gives the open file fd that mode and group, whatever the umask: 0, or -1 with errno. */
int paths_secure_fd(int fd, long gid);

/* For the benchmark only: the descriptor TIENDO_BENCH_FD names, any number from 3 on, open on a
 * pipe (never a file: a wrong number must not write into the database); -1 when it is not set,
 * -2 when it is set to anything else (an error for the caller to say, not silence). */
int bench_fd_from_env(void);

#endif
