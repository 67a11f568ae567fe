# Options and subcommands: usage errors are status 2 and name the option.
fresh
bad "an unknown option is named" 2 "unknown option --bogus" --bogus
fresh
bad "an unknown command is named" 2 'unknown command "frobnicate"' frobnicate
fresh
bad "an option without its value says so" 2 "needs a value" --db
