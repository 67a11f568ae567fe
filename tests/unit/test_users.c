/* The [users] declarations: roles, units, logins. */
#include "helpers.h"

#include "tiendo/users.h"

static void test_an_editor_gets_their_units_in_order(void **state)
{
    (void)state;
    struct user_def u;
    char why[256];
    assert_int_equal(user_def_parse("NguyenVanA", "editor: VTTTN, TMDT", &u, why, sizeof why), 0);
    assert_string_equal(u.login, "nguyenvana");
    assert_int_equal(u.role, USER_EDITOR);
    assert_string_equal(u.units, "VTTTN,TMDT");
    assert_int_equal(user_def_parse("b", " Viewer :PC", &u, why, sizeof why), 0);
    assert_int_equal(u.role, USER_VIEWER);
    assert_string_equal(u.units, "PC");
    assert_int_equal(user_def_parse("root.admin", "admin", &u, why, sizeof why), 0);
    assert_int_equal(u.role, USER_ADMIN);
    assert_string_equal(u.units, "");
}

static void test_bad_declarations_say_what_to_write(void **state)
{
    (void)state;
    struct user_def u;
    char why[256];
    assert_int_equal(user_def_parse("a", "editor", &u, why, sizeof why), -1);
    assert_non_null(strstr(why, "editor: UNIT"));
    assert_int_equal(user_def_parse("a", "admin: PC", &u, why, sizeof why), -1);
    assert_non_null(strstr(why, "without units"));
    assert_int_equal(user_def_parse("a", "boss: PC", &u, why, sizeof why), -1);
    assert_non_null(strstr(why, "boss: PC"));
    assert_int_equal(user_def_parse("a", "editor PC", &u, why, sizeof why), -1);
    assert_int_equal(user_def_parse("-x", "viewer", &u, why, sizeof why), -1);
    assert_non_null(strstr(why, "not a login"));
    assert_int_equal(user_def_parse("a b", "viewer", &u, why, sizeof why), -1);
}

static void test_logins_are_unix_logins(void **state)
{
    (void)state;
    assert_true(user_login_valid("nguyen.van-a_1"));
    assert_false(user_login_valid(""));
    assert_false(user_login_valid("a;rm"));
    assert_false(user_login_valid("ngườidùng"));
    char big[80];
    memset(big, 'a', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_false(user_login_valid(big));
    assert_int_equal(user_role_parse(user_role_name(USER_VIEWER)), USER_VIEWER);
    assert_int_equal(user_role_parse("root"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_an_editor_gets_their_units_in_order),
        cmocka_unit_test(test_bad_declarations_say_what_to_write),
        cmocka_unit_test(test_logins_are_unix_logins),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
