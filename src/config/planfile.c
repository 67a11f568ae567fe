/* The plan file schema, and loading a plan and its demo data into a plan_def. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schema.h"
#include "tiendo/date.h"
#include "tiendo/i18n.h"
#include "tiendo/planfile.h"

#define P(f)     offsetof(struct plan_def, f)
#define PH(f)    offsetof(struct plan_phase, f)
#define IT(f)    offsetof(struct plan_item, f)
#define CR(f)    offsetof(struct plan_criterion, f)
#define UN(f)    offsetof(struct plan_unit, f)
#define RR(f)    offsetof(struct plan_report_rule, f)
#define CF(f)    offsetof(struct plan_conference, f)
#define IN(f)    offsetof(struct plan_indicator, f)
#define DT(f)    offsetof(struct plan_demo_task, f)
#define DP(f)    offsetof(struct plan_demo_progress, f)
#define DV(f)    offsetof(struct plan_demo_value, f)
#define NO       SCHEMA_NONE
#define YEARS    1900, 2200
#define STATUSES "not_started,in_progress,done,delayed,suspended,cancelled"

/* Documented in man/tiendo.ini.5 (PLAN FILES); keep the two in step. */
static const struct setting_def plan_schema[] = {
    {"plan", "code", ST_TEXT, NULL, 0, 0, NULL, P(code), N_("Short identifier of the plan")},
    {"plan", "title", ST_TEXT, NULL, 0, 0, NULL, P(title), N_("Full title")},
    {"plan", "short_title", ST_TEXT, NULL, 0, 0, NULL, P(short_title), N_("Title bar text")},
    {"plan", "decision", ST_STRING, "", 0, 0, NULL, P(decision), N_("Issuing decision")},
    {"plan", "strategy", ST_STRING, "", 0, 0, NULL, P(strategy), N_("The strategy carried out")},
    {"plan", "start_year", ST_INT, NULL, YEARS, NULL, P(start_year), N_("First year")},
    {"plan", "end_year", ST_INT, NULL, YEARS, NULL, P(end_year), N_("Last year")},
    {"plan", "demo", ST_STRING, "", 0, 0, NULL, P(demo_file), N_("Demo data file")},

    {"phase.*", "code", ST_STRING, "", 0, 0, NULL, PH(code), NULL},
    {"phase.*", "name", ST_TEXT, NULL, 0, 0, NULL, PH(name), NULL},
    {"phase.*", "start_year", ST_INT, NULL, YEARS, NULL, PH(start_year), NULL},
    {"phase.*", "end_year", ST_INT, NULL, YEARS, NULL, PH(end_year), NULL},

    {"rating.*", "code", ST_STRING, "", 0, 0, NULL, IT(code), NULL},
    {"rating.*", "label", ST_TEXT, NULL, 0, 0, NULL, IT(label), NULL},
    {"rating.*", "score", ST_INT, NULL, 0, 100, NULL, IT(score), NULL},
    {"rating.*", "order", ST_INT, "0", 0, 1000, NULL, IT(order), NULL},

    {"criterion.*", "code", ST_STRING, "", 0, 0, NULL, CR(code), NULL},
    {"criterion.*", "label", ST_TEXT, NULL, 0, 0, NULL, CR(label), NULL},
    {"criterion.*", "wording", ST_TEXT, NULL, 0, 0, NULL, CR(wording), NULL},
    {"criterion.*", "order", ST_INT, "0", 0, 1000, NULL, CR(order), NULL},
    {"criterion.*", "facts", ST_CHOICE, "none", 0, 0,
     "integration,progress,targets,difficulties,none", CR(facts), NULL},

    {"measure.*", "code", ST_STRING, "", 0, 0, NULL, IT(code), NULL},
    {"measure.*", "label", ST_TEXT, NULL, 0, 0, NULL, IT(label), NULL},
    {"measure.*", "detail", ST_STRING, "", 0, 0, NULL, IT(detail), NULL},
    {"measure.*", "order", ST_INT, "0", 0, 1000, NULL, IT(order), NULL},

    {"group.*", "code", ST_STRING, "", 0, 0, NULL, IT(code), NULL},
    {"group.*", "label", ST_TEXT, NULL, 0, 0, NULL, IT(label), NULL},
    {"group.*", "order", ST_INT, "0", 0, 1000, NULL, IT(order), NULL},

    {"unit.*", "code", ST_TEXT, NULL, 0, 0, NULL, UN(code), NULL},
    {"unit.*", "name", ST_TEXT, NULL, 0, 0, NULL, UN(name), NULL},
    {"unit.*", "kind", ST_CHOICE, "department", 0, 0, "department,agency,province,other", UN(kind),
     NULL},
    {"unit.*", "order", ST_INT, "0", 0, 100000, NULL, UN(order), NULL},

    {"report.*", "code", ST_STRING, "", 0, 0, NULL, RR(code), NULL},
    {"report.*", "kind", ST_CHOICE, NULL, 0, 0, "annual,oneoff,adhoc", RR(kind), NULL},
    {"report.*", "title", ST_TEXT, NULL, 0, 0, NULL, RR(title), NULL},
    {"report.*", "covers", ST_STRING, "", 0, 0, NULL, RR(covers), NULL},
    {"report.*", "due_month", ST_INT, "0", 0, 12, NULL, RR(due_month), NULL},
    {"report.*", "due_day", ST_INT, "0", 0, 31, NULL, RR(due_day), NULL},
    {"report.*", "due_year_offset", ST_INT, "1", 0, 1, NULL, RR(due_year_offset), NULL},
    {"report.*", "first_year", ST_INT, "0", 0, 2200, NULL, RR(first_year), NULL},
    {"report.*", "last_year", ST_INT, "0", 0, 2200, NULL, RR(last_year), NULL},
    {"report.*", "due", ST_DATE, "", 0, 0, NULL, RR(due_date), NULL},
    {"report.*", "units", ST_TEXT, "all", 0, 0, NULL, RR(units), NULL},

    {"conference_kind.*", "code", ST_STRING, "", 0, 0, NULL, IT(code), NULL},
    {"conference_kind.*", "label", ST_TEXT, NULL, 0, 0, NULL, IT(label), NULL},
    {"conference_kind.*", "order", ST_INT, "0", 0, 1000, NULL, IT(order), NULL},

    {"conference.*", "code", ST_STRING, "", 0, 0, NULL, CF(code), NULL},
    {"conference.*", "kind", ST_TEXT, NULL, 0, 0, NULL, CF(kind), NULL},
    {"conference.*", "title", ST_TEXT, NULL, 0, 0, NULL, CF(title), NULL},
    {"conference.*", "date", ST_DATE, "", 0, 0, NULL, CF(date), NULL},
    {"conference.*", "covers", ST_STRING, "", 0, 0, NULL, CF(covers), NULL},

    {"activity_kind.*", "code", ST_STRING, "", 0, 0, NULL, IT(code), NULL},
    {"activity_kind.*", "label", ST_TEXT, NULL, 0, 0, NULL, IT(label), NULL},
    {"activity_kind.*", "detail", ST_STRING, "", 0, 0, NULL, IT(detail), NULL},
    {"activity_kind.*", "order", ST_INT, "0", 0, 1000, NULL, IT(order), NULL},

    {"indicator.*", "code", ST_TEXT, NULL, 0, 0, NULL, IN(code), NULL},
    {"indicator.*", "name", ST_TEXT, NULL, 0, 0, NULL, IN(name), NULL},
    {"indicator.*", "short_name", ST_STRING, "", 0, 0, NULL, IN(short_name), NULL},
    {"indicator.*", "measure_unit", ST_STRING, "", 0, 0, NULL, IN(measure_unit), NULL},
    {"indicator.*", "owner", ST_STRING, "", 0, 0, NULL, IN(owner), NULL},
    {"indicator.*", "kind", ST_CHOICE, NULL, 0, 0, "level,growth", IN(kind), NULL},
    {"indicator.*", "direction", ST_CHOICE, "higher", 0, 0, "higher,lower", IN(direction), NULL},
    {"indicator.*", "source", ST_STRING, "", 0, 0, NULL, IN(source), NULL},
    {"indicator.*", "order", ST_INT, "0", 0, 1000, NULL, IN(order), NULL},
    {"indicator.*", "target_*", ST_RANGE, "", 0, 0, NULL, NO, NULL},

    {"task.*", "code", ST_TEXT, NULL, 0, 0, NULL, DT(code), NULL},
    {"task.*", "group", ST_STRING, "", 0, 0, NULL, DT(group), NULL},
    {"task.*", "title", ST_TEXT, NULL, 0, 0, NULL, DT(title), NULL},
    {"task.*", "description", ST_STRING, "", 0, 0, NULL, DT(description), NULL},
    {"task.*", "lead", ST_TEXT, NULL, 0, 0, NULL, DT(lead), NULL},
    {"task.*", "coop", ST_STRING, "", 0, 0, NULL, DT(coop), NULL},
    {"task.*", "phase", ST_STRING, "", 0, 0, NULL, DT(phase), NULL},
    {"task.*", "start", ST_DATE, "", 0, 0, NULL, DT(start), NULL},
    {"task.*", "due", ST_DATE, "", 0, 0, NULL, DT(due), NULL},
    {"task.*", "output", ST_STRING, "", 0, 0, NULL, DT(output), NULL},
    {"task.*", "priority", ST_CHOICE, "normal", 0, 0, "high,normal,low", DT(priority), NULL},
    {"task.*", "integrated_on", ST_DATE, "", 0, 0, NULL, DT(integrated_on), NULL},
    {"task.*", "integrated_doc", ST_STRING, "", 0, 0, NULL, DT(integrated_doc), NULL},

    {"progress.*", "task", ST_TEXT, NULL, 0, 0, NULL, DP(task), NULL},
    {"progress.*", "date", ST_DATE, NULL, 0, 0, NULL, DP(date), NULL},
    {"progress.*", "percent", ST_INT, NULL, 0, 100, NULL, DP(percent), NULL},
    {"progress.*", "status", ST_CHOICE, NULL, 0, 0, STATUSES, DP(status), NULL},
    {"progress.*", "done", ST_STRING, "", 0, 0, NULL, DP(done), NULL},
    {"progress.*", "difficulties", ST_STRING, "", 0, 0, NULL, DP(difficulties), NULL},
    {"progress.*", "proposals", ST_STRING, "", 0, 0, NULL, DP(proposals), NULL},
    {"progress.*", "by", ST_TEXT, "demo", 0, 0, NULL, DP(by), NULL},

    {"value.*", "indicator", ST_TEXT, NULL, 0, 0, NULL, DV(indicator), NULL},
    {"value.*", "year", ST_INT, NULL, YEARS, NULL, DV(year), NULL},
    {"value.*", "value", ST_NUMBER, NULL, 0, 0, NULL, DV(value), NULL},
    {"value.*", "baseline", ST_BOOL, "no", 0, 0, NULL, DV(baseline), NULL},
    {"value.*", "note", ST_STRING, "", 0, 0, NULL, DV(note), NULL},
};
#define NSCHEMA (sizeof plan_schema / sizeof plan_schema[0])

/* A family of repeated sections and the array of plan_def it fills. Every element struct
 * starts with its code (or, for demo progress and values, with a reference). */
struct family {
    const char *pattern;
    size_t elem_size, array, count;
    bool demo;
    bool code_from_section; /* the code defaults to the section name's suffix */
    bool has_order;
};

#define FAM(pat, type, field, demo, code, order)                                                   \
    {                                                                                              \
        pat, sizeof(type), P(field), P(n##field), demo, code, order                                \
    }

static const struct family families[] = {
    FAM("phase.*", struct plan_phase, phases, false, true, false),
    FAM("rating.*", struct plan_item, ratings, false, true, true),
    FAM("criterion.*", struct plan_criterion, criteria, false, true, true),
    FAM("measure.*", struct plan_item, measures, false, true, true),
    FAM("group.*", struct plan_item, groups, false, true, true),
    FAM("unit.*", struct plan_unit, units, false, false, true),
    FAM("report.*", struct plan_report_rule, report_rules, false, true, false),
    FAM("conference_kind.*", struct plan_item, conference_kinds, false, true, true),
    FAM("conference.*", struct plan_conference, conferences, false, true, false),
    FAM("activity_kind.*", struct plan_item, activity_kinds, false, true, true),
    FAM("indicator.*", struct plan_indicator, indicators, false, false, true),
    FAM("task.*", struct plan_demo_task, demo_tasks, true, false, false),
    FAM("progress.*", struct plan_demo_progress, demo_progress, true, false, false),
    FAM("value.*", struct plan_demo_value, demo_values, true, false, false),
};
#define NFAMILIES (sizeof families / sizeof families[0])

#define ARR(plan, fam)   (*(char **)(void *)((char *)(plan) + (fam)->array))
#define COUNT(plan, fam) (*(size_t *)(void *)((char *)(plan) + (fam)->count))

static const struct family *family_of(const char *section)
{
    for (size_t i = 0; i < NFAMILIES; i++)
        if (schema_section_matches(families[i].pattern, section))
            return &families[i];
    return NULL;
}

/* Reads an indicator's target_YYYY keys into its targets array. */
static void load_targets(struct plan_indicator *ind, const struct ini_doc *doc, const char *section,
                         struct schema_problems *problems)
{
    static const struct setting_def range_def = {"indicator.*", "target", ST_RANGE, "", 0, 0,
                                                 NULL,          0,        NULL};
    for (int k = 0; k < ini_doc_nkeys(doc, section); k++) {
        const char *key = ini_doc_key(doc, section, k);
        if (strncmp(key, "target_", 7) != 0)
            continue;
        char *end;
        long year = strtol(key + 7, &end, 10);
        if (*end != '\0' || year < 1900 || year > 2200) {
            schema_problem_add(problems,
                               _("%s: [%s] %s: expected target_YYYY, a year from 1900 to 2200"),
                               ini_doc_path(doc), section, key);
            continue;
        }
        struct schema_range r = {0};
        struct setting_def def = range_def;
        def.key = key;
        if (schema_apply(&def, ini_doc_get(doc, section, key), &r, ini_doc_path(doc), section,
                         problems) != 0)
            continue;
        struct plan_target *grown = realloc(ind->targets, sizeof *grown * (ind->ntargets + 1));
        if (grown == NULL)
            continue;
        ind->targets = grown;
        grown[ind->ntargets++] = (struct plan_target){year, r.low, r.high};
    }
}

static void load_doc(struct plan_def *plan, const struct ini_doc *doc, bool demo,
                     struct schema_problems *problems)
{
    schema_check_names(plan_schema, NSCHEMA, doc, problems);
    for (int s = 0; s < ini_doc_nsections(doc); s++) {
        const char *sec = ini_doc_section(doc, s);
        if (strcmp(sec, "plan") == 0 && !demo) {
            schema_defaults(plan_schema, NSCHEMA, "plan", plan);
            schema_load_section(plan_schema, NSCHEMA, "plan", doc, sec, plan, problems);
            continue;
        }
        const struct family *fam = family_of(sec);
        if (fam == NULL)
            continue; /* already reported as unknown */
        if (fam->demo != demo) {
            schema_problem_add(problems,
                               demo ? _("%s: [%s]: belongs in the plan file, not the demo file")
                                    : _("%s: [%s]: belongs in the demo file, not the plan file"),
                               ini_doc_path(doc), sec);
            continue;
        }
        size_t n = COUNT(plan, fam);
        char *grown = realloc(ARR(plan, fam), fam->elem_size * (n + 1));
        if (grown == NULL) {
            schema_problem_add(problems, _("out of memory"));
            return;
        }
        ARR(plan, fam) = grown;
        void *elem = grown + fam->elem_size * n;
        memset(elem, 0, fam->elem_size);
        COUNT(plan, fam) = n + 1;
        schema_defaults(plan_schema, NSCHEMA, fam->pattern, elem);
        schema_load_section(plan_schema, NSCHEMA, fam->pattern, doc, sec, elem, problems);
        char **code = elem; /* first member */
        if (fam->code_from_section && (*code == NULL || **code == '\0')) {
            free(*code);
            *code = strdup(strchr(sec, '.') + 1);
        }
        if (fam->has_order) {
            long *order = NULL;
            if (fam->array == P(units))
                order = &((struct plan_unit *)elem)->order;
            else if (fam->array == P(criteria))
                order = &((struct plan_criterion *)elem)->order;
            else if (fam->array == P(indicators))
                order = &((struct plan_indicator *)elem)->order;
            else
                order = &((struct plan_item *)elem)->order;
            if (*order == 0)
                *order = (long)n + 1;
        }
        if (fam->array == P(indicators))
            load_targets(elem, doc, sec, problems);
    }
}

/* Finds code among the codes of a family's elements (first member of each). */
static bool has_code(const struct plan_def *plan, const char *pattern, const char *code)
{
    for (size_t i = 0; i < NFAMILIES; i++) {
        const struct family *fam = &families[i];
        if (strcmp(fam->pattern, pattern) != 0)
            continue;
        for (size_t k = 0; k < COUNT(plan, fam); k++) {
            char *const *c = (char *const *)(void *)(ARR(plan, fam) + fam->elem_size * k);
            if (*c != NULL && strcmp(*c, code) == 0)
                return true;
        }
    }
    return false;
}

static void check_unique(const struct plan_def *plan, const char *path,
                         struct schema_problems *problems)
{
    for (size_t i = 0; i < NFAMILIES; i++) {
        const struct family *fam = &families[i];
        if (fam->array == P(demo_progress) || fam->array == P(demo_values))
            continue;
        for (size_t a = 0; a < COUNT(plan, fam); a++)
            for (size_t b = a + 1; b < COUNT(plan, fam); b++) {
                char *const *ca = (char *const *)(void *)(ARR(plan, fam) + fam->elem_size * a);
                char *const *cb = (char *const *)(void *)(ARR(plan, fam) + fam->elem_size * b);
                if (*ca != NULL && *cb != NULL && strcmp(*ca, *cb) == 0)
                    schema_problem_add(problems, _("%s: two [%s] sections have the code \"%s\""),
                                       path, fam->pattern, *ca);
            }
    }
}

/* A comma list of unit codes must name known units. */
static void check_unit_list(const struct plan_def *plan, const char *path, const char *where,
                            const char *list, struct schema_problems *problems)
{
    char *copy = strdup(list), *save = NULL;
    for (char *tok = copy != NULL ? strtok_r(copy, ", ", &save) : NULL; tok != NULL;
         tok = strtok_r(NULL, ", ", &save))
        if (!has_code(plan, "unit.*", tok))
            schema_problem_add(problems, _("%s: %s: unknown unit \"%s\""), path, where, tok);
    free(copy);
}

static void check_plan(const struct plan_def *plan, const char *path,
                       struct schema_problems *problems)
{
    if (plan->decision == NULL) { /* set to its default as soon as [plan] is read */
        schema_problem_add(problems, _("%s: [plan]: section is missing"), path);
        return;
    }
    if (plan->start_year != 0 && plan->end_year != 0 && plan->end_year < plan->start_year)
        schema_problem_add(problems, _("%s: [plan] end_year: comes before start_year"), path);
    check_unique(plan, path, problems);
    for (size_t i = 0; i < plan->nphases; i++)
        if (plan->phases[i].start_year != 0 && plan->phases[i].end_year != 0 &&
            plan->phases[i].end_year < plan->phases[i].start_year)
            schema_problem_add(problems, _("%s: [phase.%s] end_year: comes before start_year"),
                               path, plan->phases[i].code);
    if (plan->ncriteria == 0)
        schema_problem_add(problems, _("%s: the plan defines no [criterion.*] section"), path);
    for (size_t i = 0; i < plan->nreport_rules; i++) {
        const struct plan_report_rule *r = &plan->report_rules[i];
        char where[200];
        snprintf(where, sizeof where, "[report.%s]", r->code);
        if (r->kind == NULL)
            continue; /* missing or not one of the kinds: named already */
        if (strcmp(r->kind, "annual") == 0 &&
            (r->due_month == 0 || r->due_day == 0 || r->first_year == 0 || r->last_year == 0))
            schema_problem_add(problems,
                               _("%s: %s: an annual report needs due_month, due_day, first_year "
                                 "and last_year"),
                               path, where);
        if (strcmp(r->kind, "annual") == 0 && r->due_month > 0 && r->due_day > 28 &&
            r->due_day > date_days_in_month(2001, (int)r->due_month))
            schema_problem_add(problems, _("%s: %s due_day: month %ld has no day %ld"), path, where,
                               r->due_month, r->due_day);
        if (strcmp(r->kind, "oneoff") == 0 && r->due_date[0] == '\0')
            schema_problem_add(problems, _("%s: %s: a one-off report needs a due date (due)"), path,
                               where);
        if (strcmp(r->units, "all") != 0 && strncmp(r->units, "kind:", 5) != 0)
            check_unit_list(plan, path, where, r->units, problems);
    }
    for (size_t i = 0; i < plan->nconferences; i++)
        if (plan->conferences[i].kind != NULL &&
            !has_code(plan, "conference_kind.*", plan->conferences[i].kind))
            schema_problem_add(problems, _("%s: [conference.%s] kind: unknown kind \"%s\""), path,
                               plan->conferences[i].code, plan->conferences[i].kind);
    for (size_t i = 0; i < plan->nindicators; i++) {
        const struct plan_indicator *ind = &plan->indicators[i];
        if (ind->code != NULL && ind->owner[0] != '\0' && !has_code(plan, "unit.*", ind->owner))
            schema_problem_add(problems, _("%s: indicator %s owner: unknown unit \"%s\""), path,
                               ind->code, ind->owner);
    }
}

static void check_demo(const struct plan_def *plan, const char *path,
                       struct schema_problems *problems)
{
    check_unique(plan, path, problems);
    for (size_t i = 0; i < plan->ndemo_tasks; i++) {
        const struct plan_demo_task *t = &plan->demo_tasks[i];
        if (t->code == NULL || t->lead == NULL)
            continue; /* a required key is missing: named already */
        char where[200];
        snprintf(where, sizeof where, _("task %s"), t->code);
        check_unit_list(plan, path, where, t->lead, problems);
        check_unit_list(plan, path, where, t->coop, problems);
        if (t->group[0] != '\0' && !has_code(plan, "group.*", t->group))
            schema_problem_add(problems, _("%s: %s: unknown group \"%s\""), path, where, t->group);
        if (t->phase[0] != '\0' && !has_code(plan, "phase.*", t->phase))
            schema_problem_add(problems, _("%s: %s: unknown phase \"%s\""), path, where, t->phase);
    }
    for (size_t i = 0; i < plan->ndemo_progress; i++)
        if (plan->demo_progress[i].task != NULL &&
            !has_code(plan, "task.*", plan->demo_progress[i].task))
            schema_problem_add(problems, _("%s: progress entry for unknown task \"%s\""), path,
                               plan->demo_progress[i].task);
    for (size_t i = 0; i < plan->ndemo_values; i++)
        if (plan->demo_values[i].indicator != NULL &&
            !has_code(plan, "indicator.*", plan->demo_values[i].indicator))
            schema_problem_add(problems, _("%s: value for unknown indicator \"%s\""), path,
                               plan->demo_values[i].indicator);
}

static int finish(struct schema_problems *problems, void (*report)(void *, const char *), void *ctx,
                  struct td_err *err)
{
    int n = problems->n;
    if (n > 0)
        td_err_set(err, TD_E_CONFIG, "%s", problems->msgs[0]);
    for (int i = 0; report != NULL && i < n; i++)
        report(ctx, problems->msgs[i]);
    schema_problems_free(problems);
    return n;
}

int plan_file_load(const char *path, struct plan_def *plan,
                   void (*report)(void *ctx, const char *msg), void *ctx, struct td_err *err)
{
    struct schema_problems problems = {0};
    struct ini_doc *doc = NULL;
    memset(plan, 0, sizeof *plan);
    if (ini_doc_load(path, &doc, err) != 0) {
        if (err->status == TD_E_NOTFOUND)
            td_err_set(err, TD_E_NOTFOUND, _("plan file %s does not exist"), path);
        if (report != NULL)
            report(ctx, err->msg);
        return 1;
    }
    plan->source_path = strdup(path);
    memcpy(plan->source_hash, ini_doc_hash(doc), sizeof plan->source_hash);
    load_doc(plan, doc, false, &problems);
    ini_doc_free(doc);
    check_plan(plan, path, &problems);
    return finish(&problems, report, ctx, err);
}

int plan_file_load_demo(struct plan_def *plan, void (*report)(void *ctx, const char *msg),
                        void *ctx, struct td_err *err)
{
    struct schema_problems problems = {0};
    if (plan->demo_file == NULL || plan->demo_file[0] == '\0') {
        td_err_set(err, TD_E_NOTFOUND, _("%s: [plan] demo: the plan has no demo data"),
                   plan->source_path);
        if (report != NULL)
            report(ctx, err->msg);
        return 1;
    }
    char path[4096];
    const char *slash = strrchr(plan->source_path, '/');
    if (plan->demo_file[0] == '/' || slash == NULL)
        snprintf(path, sizeof path, "%s", plan->demo_file);
    else
        snprintf(path, sizeof path, "%.*s/%s", (int)(slash - plan->source_path), plan->source_path,
                 plan->demo_file);
    struct ini_doc *doc = NULL;
    if (ini_doc_load(path, &doc, err) != 0) {
        if (report != NULL)
            report(ctx, err->msg);
        return 1;
    }
    load_doc(plan, doc, true, &problems);
    ini_doc_free(doc);
    check_demo(plan, path, &problems);
    return finish(&problems, report, ctx, err);
}

void plan_def_free(struct plan_def *plan)
{
    for (size_t i = 0; i < NFAMILIES; i++) {
        const struct family *fam = &families[i];
        for (size_t k = 0; k < COUNT(plan, fam); k++) {
            void *elem = ARR(plan, fam) + fam->elem_size * k;
            if (fam->array == P(indicators))
                free(((struct plan_indicator *)elem)->targets);
            schema_free_strings(plan_schema, NSCHEMA, fam->pattern, elem);
        }
        free(ARR(plan, fam));
    }
    schema_free_strings(plan_schema, NSCHEMA, "plan", plan);
    free(plan->source_path);
    memset(plan, 0, sizeof *plan);
}
