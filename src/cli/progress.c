/* A progress bar on stderr for long work, only when stderr is a terminal (never in files,
 * pipes or logs). */
#include <stdio.h>
#include <unistd.h>

#include "internal.h"

void cli_progress_start(struct cli_progress *p, const char *what, long total)
{
    p->on = total > 0 && isatty(STDERR_FILENO);
    p->what = what;
    p->total = total;
    p->done = 0;
    p->shown = -1;
}

void cli_progress_step(struct cli_progress *p)
{
    cli_progress_set(p, p->done + 1);
}

void cli_progress_set(struct cli_progress *p, long done)
{
    if (!p->on)
        return;
    p->done = done < p->total ? done : p->total;
    int pct = (int)(p->done * 100 / p->total);
    if (pct == p->shown)
        return; /* redraw only when the figure changes: cheap over SSH */
    p->shown = pct;
    int filled = pct * 30 / 100;
    fprintf(stderr, "\r%s [", p->what);
    for (int i = 0; i < 30; i++)
        fputc(i < filled ? '#' : '.', stderr);
    fprintf(stderr, "] %3d%%", pct);
    fflush(stderr);
}

void cli_progress_end(struct cli_progress *p)
{
    if (p->on && p->shown >= 0)
        fputs("\r\033[K", stderr);
    p->on = false;
}
