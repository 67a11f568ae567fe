/* Synchronising a plan file's settings into the database: upsert by code, retire the rest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "tiendo/i18n.h"

/* The codes one family of the plan file holds, to tell which rows left the file. */
struct codes {
    const void *base;
    size_t n, stride; /* each element starts with its char *code */
};

static bool codes_has(const struct codes *c, const char *code)
{
    for (size_t i = 0; i < c->n; i++) {
        const char *const *p =
            (const char *const *)(const void *)((const char *)c->base + i * c->stride);
        if (strcmp(*p, code) == 0)
            return true;
    }
    return false;
}

#define CODES(arr, n) ((struct codes){(arr), (n), sizeof *(arr)})

static int step_done(struct store *st, sqlite3_stmt *s, const char *what, struct td_err *err)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    return rc == SQLITE_DONE ? 0 : store_fail(st, what, err);
}

/* Marks inactive the active rows whose code is no longer in the file; their data stays.
 * select_sql lists (id, code) of active rows, bound to domain when domain is not NULL. */
static int retire_missing(struct store *st, const char *select_sql, const char *update_sql,
                          const char *domain, const struct codes *keep, struct td_err *err)
{
    sqlite3_stmt *s = store_stmt(st, select_sql, err);
    if (s == NULL)
        return -1;
    if (domain != NULL)
        sqlite3_bind_text(s, 1, domain, -1, SQLITE_STATIC);
    sqlite3_int64 *ids = NULL;
    size_t n = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(s, 1);
        if (codes_has(keep, code))
            continue;
        sqlite3_int64 *grown = realloc(ids, sizeof *ids * (n + 1));
        if (grown == NULL) {
            sqlite3_reset(s);
            free(ids);
            return td_err_set(err, TD_E_NOMEM, _("out of memory"));
        }
        ids = grown;
        ids[n++] = sqlite3_column_int64(s, 0);
    }
    sqlite3_reset(s);
    if (rc != SQLITE_DONE) {
        free(ids);
        return store_fail(st, _("reading the plan's rows"), err);
    }
    int result = 0;
    for (size_t i = 0; i < n && result == 0; i++) {
        sqlite3_stmt *u = store_stmt(st, update_sql, err);
        if (u == NULL) {
            result = -1;
            break;
        }
        sqlite3_bind_int64(u, 1, ids[i]);
        result = step_done(st, u, _("retiring a plan row"), err);
    }
    free(ids);
    return result;
}

static int sync_plan_row(struct store *st, const struct plan_def *p, struct td_err *err)
{
    static const char sel[] = "SELECT code FROM plan WHERE id = 1";
    sqlite3_stmt *s = store_stmt(st, sel, err);
    if (s == NULL)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *have = (const char *)sqlite3_column_text(s, 0);
        if (strcmp(have, p->code) != 0) {
            td_err_set(err, TD_E_CONFIG,
                       _("%s: this database holds plan \"%s\", but the file describes plan "
                         "\"%s\"; use another database for another plan"),
                       p->source_path, have, p->code);
            sqlite3_reset(s);
            return -1;
        }
    }
    sqlite3_reset(s);
    static const char up[] =
        "INSERT INTO plan (id, code, title, short_title, decision, strategy, start_year,"
        " end_year, source_path, source_hash, synced_at)"
        " VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ','now'))"
        " ON CONFLICT(id) DO UPDATE SET title = excluded.title,"
        " short_title = excluded.short_title, decision = excluded.decision,"
        " strategy = excluded.strategy, start_year = excluded.start_year,"
        " end_year = excluded.end_year, source_path = excluded.source_path,"
        " source_hash = excluded.source_hash, synced_at = excluded.synced_at";
    if ((s = store_stmt(st, up, err)) == NULL)
        return -1;
    sqlite3_bind_text(s, 1, p->code, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, p->title, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, p->short_title, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, p->decision, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, p->strategy, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 6, p->start_year);
    sqlite3_bind_int64(s, 7, p->end_year);
    sqlite3_bind_text(s, 8, p->source_path, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 9, p->source_hash, -1, SQLITE_STATIC);
    return step_done(st, s, _("saving the plan"), err);
}

static int sync_phases(struct store *st, const struct plan_def *p, struct td_err *err)
{
    static const char up[] =
        "INSERT INTO phase (code, name, start_year, end_year, sort_order, active)"
        " VALUES (?1, ?2, ?3, ?4, ?5, 1) ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
        " start_year = excluded.start_year, end_year = excluded.end_year,"
        " sort_order = excluded.sort_order, active = 1";
    for (size_t i = 0; i < p->nphases; i++) {
        sqlite3_stmt *s = store_stmt(st, up, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, p->phases[i].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, p->phases[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 3, p->phases[i].start_year);
        sqlite3_bind_int64(s, 4, p->phases[i].end_year);
        sqlite3_bind_int64(s, 5, (long)i + 1);
        if (step_done(st, s, _("saving a phase"), err) != 0)
            return -1;
    }
    struct codes keep = CODES(p->phases, p->nphases);
    return retire_missing(st, "SELECT id, code FROM phase WHERE active = 1",
                          "UPDATE phase SET active = 0 WHERE id = ?1", NULL, &keep, err);
}

static int sync_vocab(struct store *st, const char *domain, const struct plan_item *items, size_t n,
                      struct td_err *err)
{
    static const char up[] =
        "INSERT INTO vocab (domain, code, label, detail, score, sort_order, active)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1) ON CONFLICT(domain, code) DO UPDATE SET"
        " label = excluded.label, detail = excluded.detail, score = excluded.score,"
        " sort_order = excluded.sort_order, active = 1";
    for (size_t i = 0; i < n; i++) {
        sqlite3_stmt *s = store_stmt(st, up, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, domain, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, items[i].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, items[i].label, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, items[i].detail != NULL ? items[i].detail : "", -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 5, items[i].score);
        sqlite3_bind_int64(s, 6, items[i].order);
        if (step_done(st, s, _("saving a plan list entry"), err) != 0)
            return -1;
    }
    struct codes keep = CODES(items, n);
    return retire_missing(st, "SELECT id, code FROM vocab WHERE active = 1 AND domain = ?1",
                          "UPDATE vocab SET active = 0 WHERE id = ?1", domain, &keep, err);
}

static int sync_criteria(struct store *st, const struct plan_def *p, struct td_err *err)
{
    static const char up[] =
        "INSERT INTO criterion (code, label, wording, sort_order, facts, active)"
        " VALUES (?1, ?2, ?3, ?4, ?5, 1) ON CONFLICT(code) DO UPDATE SET label = excluded.label,"
        " wording = excluded.wording, sort_order = excluded.sort_order,"
        " facts = excluded.facts, active = 1";
    for (size_t i = 0; i < p->ncriteria; i++) {
        sqlite3_stmt *s = store_stmt(st, up, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, p->criteria[i].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, p->criteria[i].label, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, p->criteria[i].wording, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, p->criteria[i].order);
        sqlite3_bind_text(s, 5, p->criteria[i].facts, -1, SQLITE_STATIC);
        if (step_done(st, s, _("saving a criterion"), err) != 0)
            return -1;
    }
    struct codes keep = CODES(p->criteria, p->ncriteria);
    return retire_missing(st, "SELECT id, code FROM criterion WHERE active = 1",
                          "UPDATE criterion SET active = 0 WHERE id = ?1", NULL, &keep, err);
}

static int sync_units(struct store *st, const struct plan_def *p, struct td_err *err)
{
    /* A unit's row is versioned: bump the version only when the file changed it. */
    static const char up[] =
        "INSERT INTO unit (code, name, kind, sort_order, active, updated_by)"
        " VALUES (?1, ?2, ?3, ?4, 1, ?5) ON CONFLICT(code) DO UPDATE SET name = excluded.name,"
        " kind = excluded.kind, sort_order = excluded.sort_order, active = 1,"
        " version = version + 1, updated_by = excluded.updated_by,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE name IS NOT excluded.name OR kind IS NOT excluded.kind"
        " OR sort_order IS NOT excluded.sort_order OR active = 0";
    for (size_t i = 0; i < p->nunits; i++) {
        sqlite3_stmt *s = store_stmt(st, up, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, p->units[i].code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, p->units[i].name, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, p->units[i].kind, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 4, p->units[i].order);
        sqlite3_bind_text(s, 5, st->user, -1, SQLITE_STATIC);
        if (step_done(st, s, _("saving a unit"), err) != 0)
            return -1;
    }
    struct codes keep = CODES(p->units, p->nunits);
    return retire_missing(st, "SELECT id, code FROM unit WHERE active = 1",
                          "UPDATE unit SET active = 0, version = version + 1 WHERE id = ?1", NULL,
                          &keep, err);
}

static int sync_report_rules(struct store *st, const struct plan_def *p, struct td_err *err)
{
    static const char up[] =
        "INSERT INTO report_rule (code, kind, title, covers, due_month, due_day,"
        " due_year_offset, first_year, last_year, due_date, units, active)"
        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1)"
        " ON CONFLICT(code) DO UPDATE SET kind = excluded.kind, title = excluded.title,"
        " covers = excluded.covers, due_month = excluded.due_month,"
        " due_day = excluded.due_day, due_year_offset = excluded.due_year_offset,"
        " first_year = excluded.first_year, last_year = excluded.last_year,"
        " due_date = excluded.due_date, units = excluded.units, active = 1";
    for (size_t i = 0; i < p->nreport_rules; i++) {
        const struct plan_report_rule *r = &p->report_rules[i];
        sqlite3_stmt *s = store_stmt(st, up, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, r->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, r->kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, r->title, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, r->covers, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 5, r->due_month);
        sqlite3_bind_int64(s, 6, r->due_day);
        sqlite3_bind_int64(s, 7, r->due_year_offset);
        sqlite3_bind_int64(s, 8, r->first_year);
        sqlite3_bind_int64(s, 9, r->last_year);
        store_bind_opt_text(s, 10, r->due_date);
        sqlite3_bind_text(s, 11, r->units, -1, SQLITE_STATIC);
        if (step_done(st, s, _("saving a report rule"), err) != 0)
            return -1;
    }
    struct codes keep = CODES(p->report_rules, p->nreport_rules);
    return retire_missing(st, "SELECT id, code FROM report_rule WHERE active = 1",
                          "UPDATE report_rule SET active = 0 WHERE id = ?1", NULL, &keep, err);
}

static int sync_indicators(struct store *st, const struct plan_def *p, struct td_err *err)
{
    static const char up[] =
        "INSERT INTO indicator (code, name, measure_unit, owner_unit_id, kind, direction,"
        " source, sort_order, active, updated_by, short_name)"
        " VALUES (?1, ?2, ?3, (SELECT id FROM unit WHERE code = ?4), ?5, ?6, ?7, ?8, 1, ?9, ?10)"
        " ON CONFLICT(code) DO UPDATE SET name = excluded.name, short_name = excluded.short_name,"
        " measure_unit = excluded.measure_unit, owner_unit_id = excluded.owner_unit_id,"
        " kind = excluded.kind, direction = excluded.direction, source = excluded.source,"
        " sort_order = excluded.sort_order, active = 1, version = version + 1,"
        " updated_by = excluded.updated_by, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ','now')"
        " WHERE name IS NOT excluded.name OR short_name IS NOT excluded.short_name"
        " OR measure_unit IS NOT excluded.measure_unit"
        " OR owner_unit_id IS NOT excluded.owner_unit_id OR kind IS NOT excluded.kind"
        " OR direction IS NOT excluded.direction OR source IS NOT excluded.source"
        " OR sort_order IS NOT excluded.sort_order OR active = 0";
    static const char clear[] = "DELETE FROM indicator_target WHERE indicator_id ="
                                " (SELECT id FROM indicator WHERE code = ?1)";
    static const char target[] = "INSERT INTO indicator_target (indicator_id, year, low, high)"
                                 " VALUES ((SELECT id FROM indicator WHERE code = ?1), ?2, ?3, ?4)";
    for (size_t i = 0; i < p->nindicators; i++) {
        const struct plan_indicator *ind = &p->indicators[i];
        sqlite3_stmt *s = store_stmt(st, up, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, ind->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, ind->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, ind->measure_unit, -1, SQLITE_STATIC);
        store_bind_opt_text(s, 4, ind->owner);
        sqlite3_bind_text(s, 5, ind->kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, ind->direction, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 7, ind->source, -1, SQLITE_STATIC);
        sqlite3_bind_int64(s, 8, ind->order);
        sqlite3_bind_text(s, 9, st->user, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 10, ind->short_name != NULL ? ind->short_name : "", -1, SQLITE_STATIC);
        if (step_done(st, s, _("saving an indicator"), err) != 0)
            return -1;
        /* Targets are settings only: the file's list replaces the old one. */
        if ((s = store_stmt(st, clear, err)) == NULL)
            return -1;
        sqlite3_bind_text(s, 1, ind->code, -1, SQLITE_STATIC);
        if (step_done(st, s, _("saving an indicator"), err) != 0)
            return -1;
        for (size_t t = 0; t < ind->ntargets; t++) {
            if ((s = store_stmt(st, target, err)) == NULL)
                return -1;
            sqlite3_bind_text(s, 1, ind->code, -1, SQLITE_STATIC);
            sqlite3_bind_int64(s, 2, ind->targets[t].year);
            sqlite3_bind_double(s, 3, ind->targets[t].low);
            sqlite3_bind_double(s, 4, ind->targets[t].high);
            if (step_done(st, s, _("saving an indicator target"), err) != 0)
                return -1;
        }
    }
    struct codes keep = CODES(p->indicators, p->nindicators);
    return retire_missing(st, "SELECT id, code FROM indicator WHERE active = 1",
                          "UPDATE indicator SET active = 0, version = version + 1 WHERE id = ?1",
                          NULL, &keep, err);
}

/* The plan's conferences become meetings once; after that they are people's data. */
static int sync_conferences(struct store *st, const struct plan_def *p, struct td_err *err)
{
    static const char ins[] =
        "INSERT INTO meeting (kind_id, plan_code, title, date, covers, updated_by)"
        " VALUES ((SELECT id FROM vocab WHERE domain = 'conference_kind' AND code = ?1),"
        " ?2, ?3, ?4, ?5, ?6) ON CONFLICT(plan_code) DO NOTHING";
    for (size_t i = 0; i < p->nconferences; i++) {
        const struct plan_conference *c = &p->conferences[i];
        sqlite3_stmt *s = store_stmt(st, ins, err);
        if (s == NULL)
            return -1;
        sqlite3_bind_text(s, 1, c->kind, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, c->code, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, c->title, -1, SQLITE_STATIC);
        store_bind_opt_text(s, 4, c->date);
        sqlite3_bind_text(s, 5, c->covers, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 6, st->user, -1, SQLITE_STATIC);
        if (step_done(st, s, _("saving a conference"), err) != 0)
            return -1;
    }
    return 0;
}

int store_sync_plan(struct store *st, const struct plan_def *p, struct td_err *err)
{
    if (store_begin(st, err) != 0)
        return -1;
    if (sync_plan_row(st, p, err) != 0 || sync_phases(st, p, err) != 0 ||
        sync_vocab(st, "rating", p->ratings, p->nratings, err) != 0 ||
        sync_vocab(st, "measure", p->measures, p->nmeasures, err) != 0 ||
        sync_vocab(st, "group", p->groups, p->ngroups, err) != 0 ||
        sync_vocab(st, "conference_kind", p->conference_kinds, p->nconference_kinds, err) != 0 ||
        sync_vocab(st, "activity_kind", p->activity_kinds, p->nactivity_kinds, err) != 0 ||
        sync_criteria(st, p, err) != 0 || sync_units(st, p, err) != 0 ||
        sync_report_rules(st, p, err) != 0 || sync_indicators(st, p, err) != 0 ||
        sync_conferences(st, p, err) != 0) {
        store_rollback(st);
        return -1;
    }
    return store_commit(st, err);
}

bool store_plan_is_current(struct store *st, const char *source_hash)
{
    static const char sql[] = "SELECT source_hash = ?1 FROM plan WHERE id = 1";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    if (s == NULL)
        return false;
    sqlite3_bind_text(s, 1, source_hash, -1, SQLITE_STATIC);
    bool same = sqlite3_step(s) == SQLITE_ROW && sqlite3_column_int(s, 0) == 1;
    sqlite3_reset(s);
    return same;
}

int store_plan_source(struct store *st, char *buf, size_t size)
{
    static const char sql[] = "SELECT source_path FROM plan WHERE id = 1";
    struct td_err ignored;
    sqlite3_stmt *s = store_stmt(st, sql, &ignored);
    buf[0] = '\0';
    if (s == NULL)
        return -1;
    if (sqlite3_step(s) == SQLITE_ROW)
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    return 0;
}
