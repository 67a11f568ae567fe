/* form_refused_codes: a save the store refused because of a code typed in a field puts the
 * reason under that field (the code found as a word of the message, in English and in
 * Vietnamese, where it ends the message), and moves the focus there. */
#include "helpers.h"

#include "../../src/tui/form.h"

enum { F_TITLE, F_UNITS, F_TASKS, F_COUNT };

struct fake {
    struct form_base base;
    struct form_field fields[F_COUNT];
};

static void fake_init(struct fake *f, const char *units, const char *tasks)
{
    memset(f, 0, sizeof *f);
    struct field_rule text = {.type = FT_TEXT, .max_chars = 200};
    assert_int_equal(form_field_text(&f->fields[F_TITLE], "Title", text, "Họp giao ban"), 0);
    assert_int_equal(form_field_text(&f->fields[F_UNITS], "Units", text, units), 0);
    assert_int_equal(form_field_text(&f->fields[F_TASKS], "Tasks", text, tasks), 0);
    f->base.form = (struct form){f->fields, F_COUNT, F_TITLE, false, NULL, 0};
}

static const int fields[] = {F_TASKS, F_UNITS, -1};

/* The field that got the reason, or -1 (the focus follows it). */
static int refused_at(struct fake *f, const char *msg)
{
    struct td_err err = {0};
    err.status = TD_E_INVALID;
    snprintf(err.msg, sizeof err.msg, "%s", msg);
    assert_int_equal(form_refused_codes(NULL, f, &err, fields), TUI_REDRAW);
    for (int i = 0; i < F_COUNT; i++)
        if (f->fields[i].error[0] != '\0') {
            assert_string_equal(f->fields[i].error, msg);
            assert_int_equal(f->base.form.current, i);
            return i;
        }
    return -1;
}

static void test_the_code_named_finds_its_field(void **state)
{
    (void)state;
    struct fake f;
    fake_init(&f, "VTTTN, PC", "II.1, X.9");
    assert_int_equal(refused_at(&f, "task X.9 does not exist"), F_TASKS);
    form_free(&f.base.form);
    fake_init(&f, "VTTTN, NOPE", "II.1");
    assert_int_equal(refused_at(&f, "unit NOPE does not exist"), F_UNITS);
    form_free(&f.base.form);
}

static void test_a_code_at_the_end_of_the_message(void **state)
{
    (void)state;
    struct fake f;
    fake_init(&f, "VTTTN,NOPE", "");
    assert_int_equal(refused_at(&f, "không có đơn vị NOPE"), F_UNITS);
    form_free(&f.base.form);
    fake_init(&f, "", "II.1 X.9");
    assert_int_equal(refused_at(&f, "không có nhiệm vụ X.9"), F_TASKS);
    form_free(&f.base.form);
}

static void test_a_code_inside_another_is_not_named(void **state)
{
    (void)state;
    struct fake f;
    /* The tasks come first, but "X" and "9" are not "X.9", "PC" is not "PCX". */
    fake_init(&f, "X.9", "X, 9");
    assert_int_equal(refused_at(&f, "task X.9 does not exist"), F_UNITS);
    form_free(&f.base.form);
    fake_init(&f, "PCX", "PC");
    assert_int_equal(refused_at(&f, "unit PCX does not exist"), F_UNITS);
    form_free(&f.base.form);
    fake_init(&f, "II", "II.1"); /* a message that ends with a full stop */
    assert_int_equal(refused_at(&f, "không có nhiệm vụ II.1."), F_TASKS);
    form_free(&f.base.form);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_code_named_finds_its_field),
        cmocka_unit_test(test_a_code_at_the_end_of_the_message),
        cmocka_unit_test(test_a_code_inside_another_is_not_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
