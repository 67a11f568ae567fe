/* Splitting SSH_ORIGINAL_COMMAND into words: quoting as a shell, nothing expanded, shell
 * operators refused. */
#include "helpers.h"

#include "tiendo/shellwords.h"

static void expect_words(const char *line, int n, const char *const *want)
{
    struct shellwords sw;
    char why[200];
    assert_int_equal(shellwords_split(line, &sw, why, sizeof why), 0);
    assert_int_equal(sw.n, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(sw.words[i], want[i]);
}

static void expect_refused(const char *line, const char *text)
{
    struct shellwords sw;
    char why[200] = "";
    if (shellwords_split(line, &sw, why, sizeof why) != -1)
        fail_msg("\"%s\" was accepted", line);
    if (strstr(why, text) == NULL)
        fail_msg("\"%s\": why is \"%s\", want \"%s\"", line, why, text);
}

static void test_words_split_at_blanks(void **state)
{
    (void)state;
    expect_words("report annual 2025 --format md", 5,
                 (const char *[]){"report", "annual", "2025", "--format", "md"});
    expect_words("  export\t tasks  ", 2, (const char *[]){"export", "tasks"});
    expect_words("", 0, NULL);
    expect_words("   ", 0, NULL);
}

static void test_quotes_and_backslashes_as_a_shell(void **state)
{
    (void)state;
    expect_words("audit --by 'a b' \"c d\"", 4, (const char *[]){"audit", "--by", "a b", "c d"});
    expect_words("x 'it''s' \"say \\\"hi\\\" \\n\" a\\ b ''", 5,
                 (const char *[]){"x", "its", "say \"hi\" \\n", "a b", ""});
    expect_words("'$HOME' $HOME * ~ \"$USER\"", 5,
                 (const char *[]){"$HOME", "$HOME", "*", "~", "$USER"});
    expect_words("'a;b' \"c|d\" e\\;f", 3, (const char *[]){"a;b", "c|d", "e;f"});
}

static void test_shell_syntax_and_bad_bytes_are_refused(void **state)
{
    (void)state;
    expect_refused("export tasks; rm -rf ~", "shell syntax");
    expect_refused("export tasks > /tmp/x", "shell syntax");
    expect_refused("export tasks | sh", "shell syntax");
    expect_refused("report `id`", "shell syntax");
    expect_refused("report $(id)", "shell syntax");
    expect_refused("check &", "shell syntax");
    expect_refused("check 'open", "not closed");
    expect_refused("check \"open", "not closed");
    expect_refused("check \\", "backslash");
    expect_refused("check \x1b[2J", "control character");
    expect_refused("check '\x07'", "control character");
    expect_refused("check \"a\nb\"", "control character");
    char many[200] = "";
    for (int i = 0; i < SHELLWORDS_MAX_WORDS + 1; i++)
        strcat(many, "a ");
    expect_refused(many, "more than");
    static char long_line[SHELLWORDS_MAX_LEN + 2];
    memset(long_line, 'a', sizeof long_line - 1);
    expect_refused(long_line, "longer than");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_split_at_blanks),
        cmocka_unit_test(test_quotes_and_backslashes_as_a_shell),
        cmocka_unit_test(test_shell_syntax_and_bad_bytes_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
