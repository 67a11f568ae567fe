/* Keys: names both ways, the default table, rebinding rules, lookup on screens and forms. */
#include "helpers.h"

#include "tiendo/keys.h"

static void test_key_names_parse_and_print_back(void **state)
{
    (void)state;
    static const char *names[] = {"p",   "?",     "đ",  "Up",  "PgDn", "Home",  "Enter", "Esc",
                                  "Tab", "S-Tab", "F1", "F12", "C-s",  "Space", "Comma"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        int key = key_parse(names[i]);
        if (key < 0)
            fail_msg("%s does not parse", names[i]);
        char back[32];
        key_to_name(key, back, sizeof back);
        assert_string_equal(back, names[i]);
    }
    assert_int_equal(key_parse("F13"), -1);
    assert_int_equal(key_parse("C-1"), -1);
    assert_int_equal(key_parse("pq"), -1);
    assert_int_equal(key_parse(""), -1);
    assert_int_equal(key_parse("Ctrl-S"), -1);
    char label[16];
    key_to_label(TK_DOWN, label, sizeof label);
    assert_string_equal(label, "↓");
}

static void test_defaults_hold_the_usual_keys_without_conflict(void **state)
{
    (void)state;
    struct keymap km;
    keymap_defaults(&km);
    static const enum action list[] = {ACT_UP,     ACT_DOWN,   ACT_SEARCH, ACT_SEARCH_NEXT,
                                       ACT_FILTER, ACT_SORT,   ACT_MARK,   ACT_PROGRESS,
                                       ACT_UNDO,   ACT_EXPORT, ACT_ADD,    ACT_NONE};
    assert_int_equal(keymap_lookup(&km, 'j', list, false), ACT_DOWN);
    assert_int_equal(keymap_lookup(&km, TK_DOWN, list, false), ACT_DOWN);
    assert_int_equal(keymap_lookup(&km, '/', list, false), ACT_SEARCH);
    assert_int_equal(keymap_lookup(&km, 'N', list, false), ACT_NONE); /* not in the list */
    assert_int_equal(keymap_lookup(&km, ' ', list, false), ACT_MARK);
    assert_int_equal(keymap_lookup(&km, 'p', list, false), ACT_PROGRESS);
    assert_int_equal(keymap_lookup(&km, '?', list, false), ACT_HELP);
    assert_int_equal(keymap_lookup(&km, TK_F(1), list, false), ACT_HELP);
    assert_int_equal(keymap_lookup(&km, TK_ESC, list, false), ACT_CANCEL);
    char why[256];
    assert_int_equal(keymap_conflict(&km, why, sizeof why), ACT_NONE);
    /* Every function key has a letter twin. */
    for (int a = ACT_NONE + 1; a < ACT_COUNT; a++) {
        bool fn = false, twin = false;
        for (int i = 0; i < km.n[a]; i++) {
            if (km.keys[a][i] >= TK_F(1) && km.keys[a][i] <= TK_F(12))
                fn = true;
            else
                twin = true;
        }
        if (fn && !twin)
            fail_msg("%s has a function key without a twin", action_get((enum action)a)->name);
    }
}

static void test_typing_in_a_form_is_text_not_actions(void **state)
{
    (void)state;
    struct keymap km;
    keymap_defaults(&km);
    static const enum action form[] = {ACT_FIELD_NEXT, ACT_FIELD_PREV, ACT_SAVE, ACT_CANCEL,
                                       ACT_NONE};
    assert_int_equal(keymap_lookup(&km, 'q', form, true), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, '?', form, true), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, 0x1EC5 /* ễ */, form, true), ACT_NONE);
    assert_int_equal(keymap_lookup(&km, TK_TAB, form, true), ACT_FIELD_NEXT);
    assert_int_equal(keymap_lookup(&km, TK_BTAB, form, true), ACT_FIELD_PREV);
    assert_int_equal(keymap_lookup(&km, TK_F(2), form, true), ACT_SAVE);
    assert_int_equal(keymap_lookup(&km, TK_CTRL('s'), form, true), ACT_SAVE);
    assert_int_equal(keymap_lookup(&km, TK_ESC, form, true), ACT_CANCEL);
    assert_int_equal(keymap_lookup(&km, TK_F(1), form, true), ACT_HELP);
}

static void test_rebinding_replaces_keys_and_reports_conflicts(void **state)
{
    (void)state;
    struct keymap km;
    char why[256];
    keymap_defaults(&km);
    assert_int_equal(keymap_bind(&km, "task.progress", "p, F5", why, sizeof why), 0);
    assert_int_equal(km.n[ACT_PROGRESS], 2);
    assert_int_equal(km.keys[ACT_PROGRESS][1], TK_F(5));
    /* Swapping two keys in two steps ends without a conflict. */
    assert_int_equal(keymap_bind(&km, "search", "n", why, sizeof why), 0);
    assert_int_equal(keymap_bind(&km, "search.next", "/", why, sizeof why), 0);
    assert_int_equal(keymap_conflict(&km, why, sizeof why), ACT_NONE);
    assert_int_equal(keymap_bind(&km, "filter", "a", why, sizeof why), 0);
    assert_int_equal(keymap_conflict(&km, why, sizeof why), ACT_FILTER);
    assert_string_equal(why, "key a is also bound to add");
    /* A form key may be a list key too: they never work at the same time. */
    keymap_defaults(&km);
    assert_int_equal(keymap_bind(&km, "form.next", "Tab, C-n", why, sizeof why), 0);
    assert_int_equal(keymap_conflict(&km, why, sizeof why), ACT_NONE);
    assert_int_equal(keymap_bind(&km, "form.save", "F1, C-s", why, sizeof why), 0);
    assert_int_equal(keymap_conflict(&km, why, sizeof why), ACT_SAVE);
    assert_int_equal(keymap_bind(&km, "nothing", "x", why, sizeof why), -1);
    assert_int_equal(keymap_bind(&km, "undo", "", why, sizeof why), -1);
}

/* The sequences a terminal sends that its description (TERM) may not list: PuTTY's and the
 * Linux console's Home and End, xterm's with modifiers, function keys; incomplete ones ask
 * for more, whole unknown ones are no key. */
static void test_escape_sequences_become_keys(void **state)
{
    (void)state;
#define ESC(s) key_escape(s, sizeof(s) - 1)
    assert_int_equal(ESC("[1~"), TK_HOME);
    assert_int_equal(ESC("[4~"), TK_END);
    assert_int_equal(ESC("[7~"), TK_HOME); /* rxvt */
    assert_int_equal(ESC("[8~"), TK_END);
    assert_int_equal(ESC("[5~"), TK_PGUP);
    assert_int_equal(ESC("[6~"), TK_PGDN);
    assert_int_equal(ESC("[3~"), TK_DELETE);
    assert_int_equal(ESC("[2~"), TK_INSERT);
    assert_int_equal(ESC("OH"), TK_HOME);
    assert_int_equal(ESC("[F"), TK_END);
    assert_int_equal(ESC("[A"), TK_UP);
    assert_int_equal(ESC("OD"), TK_LEFT);
    assert_int_equal(ESC("[1;5C"), TK_RIGHT); /* Ctrl-Right: the arrow */
    assert_int_equal(ESC("[Z"), TK_BTAB);
    assert_int_equal(ESC("OP"), TK_F(1));
    assert_int_equal(ESC("[15~"), TK_F(5));
    assert_int_equal(ESC("[15;2~"), TK_F(5));
    assert_int_equal(ESC("[24~"), TK_F(12));
    /* Not yet whole. */
    assert_int_equal(ESC("["), -1);
    assert_int_equal(ESC("O"), -1);
    assert_int_equal(ESC("[1"), -1);
    assert_int_equal(ESC("[15;"), -1);
    /* Whole, but no key of tiendo's: nothing, never characters. */
    assert_int_equal(ESC("[9~"), 0);
    assert_int_equal(ESC("[99~"), 0);
    assert_int_equal(ESC("[200~"), 0); /* bracketed paste's start */
    assert_int_equal(ESC("[M"), 0);
    assert_int_equal(ESC("x"), 0); /* Esc, then x: not a sequence */
#undef ESC
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_key_names_parse_and_print_back),
        cmocka_unit_test(test_defaults_hold_the_usual_keys_without_conflict),
        cmocka_unit_test(test_typing_in_a_form_is_text_not_actions),
        cmocka_unit_test(test_rebinding_replaces_keys_and_reports_conflicts),
        cmocka_unit_test(test_escape_sequences_become_keys),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
