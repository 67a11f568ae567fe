/* Conferences and meetings (section IV 2.3 of the plan) and communication activities
 * (section IV 1): reading them for the screens, adding and changing them. */
#ifndef TIENDO_STORE_ACTIVITIES_H
#define TIENDO_STORE_ACTIVITIES_H

#include "tiendo/err.h"
#include "tiendo/store.h"

struct meeting_row {
    long id, version; /* id 0: a new one */
    char kind[32];    /* a conference_kind code of the plan, "" for none */
    char kind_label[256];
    char plan_code[64]; /* the plan file's key for the review conferences it creates, else "" */
    char title[1200];   /* 290 characters (the form's limit) of up to 4 bytes */
    char date[11];      /* YYYY-MM-DD or "" while not yet set */
    char covers[32];
    char place[300], chair[200];
    char units[512]; /* participating unit codes, comma separated */
    char tasks[512]; /* follow-up task codes, comma separated */
    char agenda[2048], conclusions[4096];
};

/* Meetings by date (undated last, then by when they were added); kind "" means any. */
int store_meeting_list_each(struct store *st, const char *kind,
                            int (*fn)(void *ctx, const struct meeting_row *r), void *ctx,
                            struct td_err *err);
int store_meeting_list(struct store *st, const char *kind, struct meeting_row *out, int max, int *n,
                       struct td_err *err);
/* One meeting by id; TD_E_NOTFOUND when there is none (or it was deleted). */
int store_meeting_get(struct store *st, long id, struct meeting_row *out, struct td_err *err);

/* Adds (id 0) or changes a meeting with its units and follow-up tasks, in one transaction with
 * its audit entry. An empty title, or a unit, task or kind code that does not exist, is
 * TD_E_INVALID naming it; a version that moved on is TD_E_CONFLICT. Nothing changes on error.
 * Sets r->id and r->version. */
int store_meeting_save(struct store *st, struct meeting_row *r, struct td_err *err);

/* The statuses of a communication activity, as stored. */
#define ACTIVITY_STATUSES 4
extern const char *const activity_statuses[ACTIVITY_STATUSES]; /* planned, ... cancelled */
/* Where an activity reaches people, as stored ("" for not said). */
#define ACTIVITY_CHANNELS 7
extern const char *const activity_channels[ACTIVITY_CHANNELS]; /* newspaper, ... other */
/* Translated labels of a status and of a channel code ("" for an unknown channel). */
const char *activity_status_label(const char *code);
const char *activity_channel_label(const char *code);

struct activity_row {
    long id, version; /* id 0: a new one */
    char kind[32];    /* an activity_kind code of the plan */
    char kind_label[256];
    char unit[32];    /* the unit in charge, "" for none */
    char channel[32]; /* newspaper, television, radio, web, social, conference, other */
    char date[11];    /* YYYY-MM-DD or "" */
    char title[2000]; /* 490 characters (the form's limit) of up to 4 bytes */
    char reach[200];
    char status[16]; /* one of activity_statuses */
    char progress_note[2048];
};

/* Activities by date (undated last); unit_id 0 and kind "" mean any. */
int store_activity_list_each(struct store *st, long unit_id, const char *kind,
                             int (*fn)(void *ctx, const struct activity_row *r), void *ctx,
                             struct td_err *err);
int store_activity_list(struct store *st, long unit_id, const char *kind, struct activity_row *out,
                        int max, int *n, struct td_err *err);
/* One activity by id; TD_E_NOTFOUND when there is none (or it was deleted). */
int store_activity_get(struct store *st, long id, struct activity_row *out, struct td_err *err);

/* Adds or changes an activity, as store_meeting_save does. */
int store_activity_save(struct store *st, struct activity_row *r, struct td_err *err);

#endif
