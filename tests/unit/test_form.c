/* The generic form code (src/tui/form.c) driven with a made-up form: how keys change text,
 * choice and multiple-choice fields, proposed values, checks, and how the focused field is
 * drawn (real ncurses on a terminal of its own, in monochrome). */
#include <curses.h>
#include <locale.h>
#include <wchar.h>

#include "helpers.h"

#include "../../src/tui/form.h"

enum { F_NAME, F_PERCENT, F_UNIT, F_FLAGS, F_COUNT };

static const char *const units[] = {"VTTTN", "KHTC", "PC"};
static const char *const flags[] = {"overdue", "behind", "soon"};

struct fake {
    struct form form;
    struct form_field fields[F_COUNT];
};

static void fake_init(struct fake *f)
{
    memset(f, 0, sizeof *f);
    struct field_rule name = {.type = FT_TEXT, .required = true, .max_chars = 20};
    struct field_rule pct = {.type = FT_PERCENT, .required = true};
    assert_int_equal(form_field_text(&f->fields[F_NAME], "Name", name, "Lan"), 0);
    assert_int_equal(form_field_text(&f->fields[F_PERCENT], "Percent", pct, "55"), 0);
    f->fields[F_PERCENT].proposed = true;
    form_field_choice(&f->fields[F_UNIT], "Lead unit", units, 3, 0);
    form_field_choice(&f->fields[F_FLAGS], "Flags", flags, 3, 0);
    f->fields[F_FLAGS].rule.type = FT_MULTI;
    f->form = (struct form){f->fields, F_COUNT, F_NAME, false, "A made-up form", 0};
}

/* Types a UTF-8 text key by key, as the app loop hands the keys over. */
static void type(struct form *fm, const char *text)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        wchar_t wc;
        size_t k = mbrtowc(&wc, text + i, len - i, &st);
        assert_true(k > 0 && k <= len - i);
        form_handle(fm, ACT_NONE, (int)wc);
        i += k;
    }
}

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") != NULL ? 0 : -1;
}

static void test_typed_text_never_changes_a_choice(void **state)
{
    (void)state;
    struct fake f;
    fake_init(&f);
    f.form.current = F_UNIT;
    assert_int_equal(form_handle(&f.form, ACT_NONE, ' '), FORM_HINT);
    assert_int_equal(form_handle(&f.form, ACT_NONE, 'x'), FORM_HINT);
    type(&f.form, " (sửa)");
    assert_int_equal(f.fields[F_UNIT].choice, 0);
    assert_false(f.form.dirty);
    assert_string_equal(form_hint(&f.form), "←/→ to change, Enter for a list");
    /* The arrows change it, Enter asks for the list. */
    assert_int_equal(form_handle(&f.form, ACT_NONE, TK_RIGHT), FORM_REDRAW);
    assert_int_equal(f.fields[F_UNIT].choice, 1);
    assert_true(f.form.dirty);
    form_handle(&f.form, ACT_NONE, TK_LEFT);
    form_handle(&f.form, ACT_NONE, TK_LEFT);
    assert_int_equal(f.fields[F_UNIT].choice, 2); /* round the end */
    assert_int_equal(form_handle(&f.form, ACT_NONE, TK_ENTER), FORM_CHOOSE);
    form_free(&f.form);
}

static void test_multiple_choice_ticks_with_enter_only(void **state)
{
    (void)state;
    struct fake f;
    fake_init(&f);
    f.form.current = F_FLAGS;
    type(&f.form, " ab");
    assert_int_equal(form_multi_bits(&f.fields[F_FLAGS]), 0UL);
    assert_string_equal(form_hint(&f.form), "←/→ to move, Enter ticks or clears");
    form_handle(&f.form, ACT_NONE, TK_RIGHT);
    assert_int_equal(form_handle(&f.form, ACT_NONE, TK_ENTER), FORM_REDRAW);
    assert_int_equal(form_multi_bits(&f.fields[F_FLAGS]), 2UL);
    form_handle(&f.form, ACT_NONE, TK_ENTER);
    assert_int_equal(form_multi_bits(&f.fields[F_FLAGS]), 0UL);
    form_free(&f.form);
}

static void test_a_proposed_value_is_replaced_by_typing(void **state)
{
    (void)state;
    struct fake f;
    fake_init(&f);
    f.form.current = F_PERCENT;
    type(&f.form, "60");
    assert_string_equal(f.fields[F_PERCENT].buf.text, "60");
    assert_false(f.fields[F_PERCENT].proposed);
    type(&f.form, "0"); /* from then on it is edited as usual */
    assert_string_equal(f.fields[F_PERCENT].buf.text, "600");
    form_free(&f.form);

    /* Backspace first edits the value instead, and so does moving the cursor. */
    fake_init(&f);
    f.form.current = F_PERCENT;
    form_handle(&f.form, ACT_NONE, TK_BACKSPACE);
    type(&f.form, "0");
    assert_string_equal(f.fields[F_PERCENT].buf.text, "50");
    form_free(&f.form);
    fake_init(&f);
    f.form.current = F_PERCENT;
    form_handle(&f.form, ACT_NONE, TK_HOME);
    type(&f.form, "1");
    assert_string_equal(f.fields[F_PERCENT].buf.text, "155");
    form_free(&f.form);

    /* Leaving and coming back keeps it proposed; a text that was not proposed is edited. */
    fake_init(&f);
    f.form.current = F_PERCENT;
    form_handle(&f.form, ACT_FIELD_NEXT, TK_TAB);
    form_handle(&f.form, ACT_FIELD_PREV, TK_BTAB);
    assert_true(f.fields[F_PERCENT].proposed);
    f.form.current = F_NAME;
    type(&f.form, " Hương");
    assert_string_equal(f.fields[F_NAME].buf.text, "Lan Hương");
    form_free(&f.form);
}

static void test_save_checks_every_field_and_goes_to_the_first_bad_one(void **state)
{
    (void)state;
    struct fake f;
    fake_init(&f);
    f.form.current = F_PERCENT;
    type(&f.form, "150");
    f.form.current = F_FLAGS;
    assert_int_equal(form_handle(&f.form, ACT_SAVE, TK_F(2)), FORM_REDRAW);
    assert_int_equal(f.form.current, F_PERCENT);
    assert_string_not_equal(f.fields[F_PERCENT].error, "");
    assert_string_equal(f.fields[F_PERCENT].buf.text, "150"); /* what was typed stays */
    form_handle(&f.form, ACT_NONE, TK_BACKSPACE);
    form_handle(&f.form, ACT_NONE, TK_BACKSPACE);
    assert_int_equal(form_handle(&f.form, ACT_SAVE, TK_F(2)), FORM_SAVE);
    assert_int_equal(f.fields[F_PERCENT].value.number, 1);
    assert_int_equal(form_handle(&f.form, ACT_CANCEL, 27), FORM_CANCEL);
    form_free(&f.form);
}

/* The cell at y, x: its character and whether it is in reverse video. */
static wchar_t cell(int y, int x, bool *reverse)
{
    cchar_t cc;
    wchar_t wc[CCHARW_MAX + 1] = {0};
    attr_t attrs = 0;
    short pair = 0;
    mvin_wch(y, x, &cc);
    getcchar(&cc, wc, &attrs, &pair, NULL);
    if (reverse != NULL)
        *reverse = (attrs & A_REVERSE) != 0;
    return wc[0];
}

static void test_the_focus_shows_without_colour(void **state)
{
    (void)state;
    setenv("COLUMNS", "80", 1);
    setenv("LINES", "24", 1);
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    assert_non_null(out);
    assert_non_null(in);
    SCREEN *scr = newterm("xterm", out, in);
    assert_non_null(scr);
    struct color_spec none[ROLE_COUNT];
    memset(none, 0, sizeof none);
    theme_init("mono", none);
    struct fake f;
    fake_init(&f);
    struct app app;
    memset(&app, 0, sizeof app);
    app.cursor_y = app.cursor_x = -1;
    f.form.current = F_UNIT;
    erase();
    form_draw(&f.form, &app, 2, 20);
    /* Intro on row 2, then a field every two rows from row 4: the lead unit is on row 8. */
    bool rev = false;
    assert_true(cell(8, 0, NULL) == L'▶');
    assert_true(cell(4, 0, NULL) == L' ');
    assert_true(cell(6, 0, NULL) == L' ');
    cell(8, 2 + 24 + 1, &rev);
    assert_true(rev); /* the focused field in reverse video */
    cell(4, 2 + 24 + 1, &rev);
    assert_false(rev); /* the others not */
    /* The cursor is on the choice field too. */
    assert_int_equal(app.cursor_y, 8);
    assert_int_equal(app.cursor_x, 2 + 24 + 1);
    /* On a text field the cursor is where typing goes. */
    f.form.current = F_NAME;
    erase();
    form_draw(&f.form, &app, 2, 20);
    assert_true(cell(4, 0, NULL) == L'▶');
    assert_true(cell(8, 0, NULL) == L' ');
    assert_int_equal(app.cursor_y, 4);
    assert_int_equal(app.cursor_x, 2 + 24 + 1 + 3);
    form_free(&f.form);
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typed_text_never_changes_a_choice),
        cmocka_unit_test(test_multiple_choice_ticks_with_enter_only),
        cmocka_unit_test(test_a_proposed_value_is_replaced_by_typing),
        cmocka_unit_test(test_save_checks_every_field_and_goes_to_the_first_bad_one),
        cmocka_unit_test(test_the_focus_shows_without_colour),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
