/* Line editing: Vietnamese typed as code points, combining marks, scrolling the view. */
#include <locale.h>

#include "helpers.h"

#include "tiendo/edit.h"
#include "tiendo/keys.h"

static int setup(void **state)
{
    (void)state;
    return setlocale(LC_ALL, "C.UTF-8") != NULL ? 0 : -1;
}

static void type(struct edit_buf *e, const wchar_t *s)
{
    for (; *s; s++)
        assert_int_equal(edit_insert(e, (int)*s), 0);
}

static void test_typed_vietnamese_lands_as_typed(void **state)
{
    (void)state;
    struct edit_buf e;
    edit_init(&e, NULL);
    type(&e, L"Nguyễn Thị Hương");
    assert_string_equal(e.text, "Nguyễn Thị Hương");
    edit_backspace(&e);
    assert_string_equal(e.text, "Nguyễn Thị Hươn");
    edit_home(&e);
    edit_delete(&e);
    assert_string_equal(e.text, "guyễn Thị Hươn");
    edit_right(&e);
    edit_right(&e);
    edit_right(&e);
    edit_right(&e);
    edit_insert(&e, 'X');
    assert_string_equal(e.text, "guyễXn Thị Hươn");
    edit_free(&e);
}

static void test_cursor_steps_over_combining_marks(void **state)
{
    (void)state;
    struct edit_buf e;
    /* e + circumflex + tilde, as an input method may send it (NFD). */
    edit_init(&e, "xe\xCC\x82\xCC\x83y");
    edit_home(&e);
    edit_right(&e); /* after x */
    edit_right(&e); /* after e with its marks */
    assert_int_equal(e.cursor, 1 + 1 + 2 + 2);
    edit_left(&e);
    assert_int_equal(e.cursor, 1);
    edit_delete(&e); /* the letter and its marks go together */
    assert_string_equal(e.text, "xy");
    edit_free(&e);
}

static void test_view_keeps_the_cursor_visible(void **state)
{
    (void)state;
    struct edit_buf e;
    edit_init(&e, "Phát triển hạ tầng thương mại nông thôn");
    size_t first = 0;
    int col = edit_view(&e, &first, 10);
    assert_true(col <= 9);
    assert_true(first > 0);
    edit_home(&e);
    col = edit_view(&e, &first, 10);
    assert_int_equal(first, 0);
    assert_int_equal(col, 0);
    edit_free(&e);
}

/* The keys a one-line prompt (a list's search) edits with, and the ones it leaves alone. */
static void test_editing_keys_of_a_line(void **state)
{
    (void)state;
    struct edit_buf e;
    edit_init(&e, NULL);
    const int keys[] = {'a', 'c', TK_LEFT, 'b', ' ', TK_HOME, TK_DELETE, 'x', TK_END, 0x1EA1};
    for (size_t i = 0; i < sizeof keys / sizeof *keys; i++)
        assert_true(edit_line_key(&e, keys[i]));
    assert_string_equal(e.text, "xb c\xe1\xba\xa1"); /* x b Space c ạ */
    assert_true(edit_line_key(&e, TK_BACKSPACE));
    assert_true(edit_line_key(&e, TK_RIGHT)); /* at the end already: handled, nothing moves */
    assert_string_equal(e.text, "xb c");
    assert_false(edit_line_key(&e, TK_ENTER));
    assert_false(edit_line_key(&e, TK_UP));
    assert_false(edit_line_key(&e, TK_TAB));
    assert_false(edit_line_key(&e, TK_F(2)));
    assert_string_equal(e.text, "xb c");
    edit_free(&e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_typed_vietnamese_lands_as_typed),
        cmocka_unit_test(test_cursor_steps_over_combining_marks),
        cmocka_unit_test(test_view_keeps_the_cursor_visible),
        cmocka_unit_test(test_editing_keys_of_a_line),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
