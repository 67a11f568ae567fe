/* The command line: options, subcommands, exit statuses. */
#ifndef TIENDO_CLI_H
#define TIENDO_CLI_H

/* Runs tiendo as the command line asks; returns the process exit status (0 success,
 * 1 runtime failure, 2 usage or configuration error). */
int cli_main(int argc, char **argv);

#endif
