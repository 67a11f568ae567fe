/* The settings loader (src/config): the input is a tiendo.ini, loaded as a --config file. */
#include "fuzz.h"
#include "tiendo/config.h"

static void ignore(void *ctx, const char *msg)
{
    (void)ctx;
    if (msg == NULL || msg[0] == '\0')
        abort(); /* every problem has a message */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *path = fuzz_file("settings.ini", data, size);
    const char *paths[] = {path};
    const bool required[] = {true};
    struct td_config cfg;
    struct td_err err = {0};
    int n = config_load_files(&cfg, paths, required, 1, ignore, NULL, &err);
    if (n > 0 && err.msg[0] == '\0')
        abort();
    config_free(&cfg);
    return 0;
}
