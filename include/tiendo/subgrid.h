/* The submission matrix's model: units down, report instances across, each cell the status of
 * one unit's submission of one report (or "not expected"), and the reporting and on-time rates
 * of a row, a column or the whole. The store hands the cells one at a time by ids: units and
 * reports are found through an index, not searched. Pure. */
#ifndef TIENDO_SUBGRID_H
#define TIENDO_SUBGRID_H

#include <stdbool.h>
#include <stddef.h>

#include "tiendo/colors.h"
#include "tiendo/date.h"
#include "tiendo/grid.h"
#include "tiendo/schedule.h"
#include "tiendo/vec.h"

#define SUB_NOT_EXPECTED 255 /* a cell whose unit does not have to submit the report */

/* A report: a column of the matrix. */
struct sub_report {
    long id;
    td_date due;
    char heading[32]; /* sub_report_heading's, or an ad-hoc report's due date as shown */
    char title[300];
};

struct sub_grid {
    td_date today;
    int due_soon_days;
    const char *date_fmt;           /* how dates are shown (date_format), kept by the caller */
    struct id_index units, reports; /* rows and columns: their positions by id */
    struct vec cols;                /* struct sub_report, in matrix order */
    unsigned char *status;          /* units × reports: a submission_status or SUB_NOT_EXPECTED */
    char (*submitted)[11];          /* YYYY-MM-DD or "" */
};

void sub_grid_init(struct sub_grid *g, td_date today, int due_soon_days, const char *date_fmt);
/* The next row or column, in matrix order (a report by its rule's code, "adhoc" for one made
 * by hand, its period, due date YYYY-MM-DD and title); 0, or -1 when memory runs out. */
int sub_grid_add_unit(void *grid, long id); /* grid: the struct sub_grid */
int sub_grid_add_report(struct sub_grid *g, long id, const char *rule, const char *period,
                        const char *due, const char *title);
/* Report r (a column), or NULL past the last. */
const struct sub_report *sub_grid_report(const struct sub_grid *g, size_t r);
/* The two lines above the matrix for cell (u, r), in buffers of size bytes: the report's due
 * date and title, then the unit's status in it (sub_cell_line); returns the second's role.
 * What matters comes first, where a narrow terminal does not cut it. */
enum role sub_grid_lines(const struct sub_grid *g, size_t u, size_t r, const char *code,
                         const char *name, char *report, char *cell, size_t size);
/* After the rows and columns: every cell "not expected", the ids indexed; 0 or -1 (memory). */
int sub_grid_ready(struct sub_grid *g);
/* store_submission_grid's callback (grid: the struct sub_grid): unit_id has to submit
 * report_id and did so on submitted_on ("" when not yet). Unknown ids are passed over. 0. */
int sub_grid_submission(void *grid, long report_id, long unit_id, const char *submitted_on);
/* Cell (u, r) by position: a submission_status, or SUB_NOT_EXPECTED (also out of range). */
int sub_grid_status(const struct sub_grid *g, size_t u, size_t r);
const char *sub_grid_submitted_on(const struct sub_grid *g, size_t u, size_t r);
/* The rates of unit u over every report (r < 0), of report r over every unit (u < 0), or of
 * the whole (both < 0). */
struct report_rate sub_grid_rate(const struct sub_grid *g, long u, long r);
/* The matrix's text at unit row u and report column r: the cell's symbol (or with words its
 * status's words) and role; past the reports (r = reports, reports + 1) the unit's rate and
 * on-time rate; under the units (u = -1, -2) the report's rate and on-time rate, and in the
 * corner the whole's. buf holds a rate (size bytes). */
const char *sub_grid_text(const struct sub_grid *g, long u, long r, bool words, char *buf,
                          size_t size, enum role *role);
/* Forgets the units and the cells, keeping the reports (a reload: sub_grid_add_unit again,
 * then sub_grid_ready). */
void sub_grid_clear_units(struct sub_grid *g);
/* The position of the last report due before today, 0 when there is none: where it opens. */
size_t sub_grid_last_past(const struct sub_grid *g);
void sub_grid_free(struct sub_grid *g);
/* The grid as a matrix screen's model (grid.h): the reports' headings as the band, then the
 * unit's two rates; under the units, each report's rates and the whole's (sub_grid_text). */
extern const struct grid_ops sub_grid_ops;

/* "75%", or "–" when nothing is expected: the reporting rate, or with on_time the on-time one. */
const char *sub_rate_text(struct report_rate r, bool on_time, char *buf, size_t size);
/* A cell: "" when not expected, else the status's symbol, or its words (an export). */
const char *sub_status_text(int status, bool words);
/* The colour role of a status (SUB_NOT_EXPECTED too). */
enum role sub_status_role(int status);
/* The line about one cell above the matrix: "CODE: status date · name" (date as shown), or
 * that the unit does not have to submit the report. */
void sub_cell_line(int status, const char *code, const char *name, const char *date, char *buf,
                   size_t size);
/* The legend under the matrix: each symbol and what it means. */
void sub_legend(char *buf, size_t size);
/* A report's column heading in at most 7 cells: its period when short, 2021-2025 as "21–25",
 * else its rule's code; NULL for an ad-hoc report (rule "adhoc"), whose period would look like
 * the annual report's: the caller shows its due date. */
const char *sub_report_heading(const char *rule, const char *period, char *buf, size_t size);

#endif
