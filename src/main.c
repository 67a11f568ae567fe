/* tiendo: tracks how a ministry's units carry out a strategy's action plan. */
#include "tiendo/cli.h"

int main(int argc, char **argv)
{
    return cli_main(argc, argv);
}
