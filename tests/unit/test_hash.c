/* FNV-1a 64: the published test vectors, and the plan file's checksum (which tells a changed
 * plan file) computed with it. */
#include "helpers.h"

#include "tiendo/hash.h"
#include "tiendo/ini.h"

static const char *hex(const char *text)
{
    static char out[17];
    fnv1a64_hex(fnv1a64(FNV1A64_BASIS, text, strlen(text)), out);
    return out;
}

static void test_published_vectors(void **state)
{
    (void)state;
    assert_string_equal(hex(""), "cbf29ce484222325");
    assert_string_equal(hex("a"), "af63dc4c8601ec8c");
    assert_string_equal(hex("foobar"), "85944171f73967e8");
    /* Carried on in pieces, as a reader reads. */
    uint64_t h = fnv1a64(FNV1A64_BASIS, "foo", 3);
    char out[17];
    fnv1a64_hex(fnv1a64(h, "bar", 3), out);
    assert_string_equal(out, "85944171f73967e8");
}

static void test_plan_file_checksum_is_fnv1a(void **state)
{
    (void)state;
    char *dir = helper_tmpdir();
    const char *text = "[plan]\ntitle = Kế hoạch\n";
    char *path = helper_write(dir, "plan.ini", text);
    struct ini_doc *doc = NULL;
    struct td_err err = {0};
    assert_int_equal(ini_doc_load(path, &doc, &err), 0);
    assert_string_equal(ini_doc_hash(doc), hex(text));
    ini_doc_free(doc);
    free(path);
    helper_rmtree(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_published_vectors),
        cmocka_unit_test(test_plan_file_checksum_is_fnv1a),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
