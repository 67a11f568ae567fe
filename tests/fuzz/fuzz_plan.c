/* The plan loader (src/config/planfile.c): the input is a plan file, then the same bytes as
 * the demo file of the shipped plan (tasks, progress, values refer to the plan's codes). */
#include "fuzz.h"
#include "tiendo/planfile.h"

static void ignore(void *ctx, const char *msg)
{
    (void)ctx;
    if (msg == NULL || msg[0] == '\0')
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("plan.ini", data, size);
    struct plan_def plan;
    struct td_err err = {0};
    int n = plan_file_load(path, &plan, ignore, NULL, &err);
    if (n > 0 && err.msg[0] == '\0')
        abort();
    if (n == 0 && (plan.code == NULL || plan.title == NULL || plan.short_title == NULL))
        abort(); /* a plan that loads has what the store needs */
    plan_def_free(&plan);

    /* As demo data: the plan part stays the shipped one (the harness runs from the top of the
     * source tree, or with TIENDO_FUZZ_PLAN naming the plan). */
    const char *shipped = getenv("TIENDO_FUZZ_PLAN");
    if (shipped == NULL)
        shipped = "config/plans/qd-111-2022.ini";
    static int have_plan = -1;
    static struct plan_def base;
    if (have_plan < 0) {
        struct td_err e = {0};
        have_plan = plan_file_load(shipped, &base, NULL, NULL, &e) == 0;
    }
    if (!have_plan)
        return 0;
    /* Reload each time: the demo loader adds to the plan it is given. */
    struct td_err e = {0};
    if (plan_file_load(shipped, &plan, NULL, NULL, &e) != 0)
        abort();
    free(plan.demo_file);
    plan.demo_file = strdup(path);
    n = plan_file_load_demo(&plan, ignore, NULL, &e);
    if (n > 0 && e.msg[0] == '\0')
        abort();
    plan_def_free(&plan);
    return 0;
}
