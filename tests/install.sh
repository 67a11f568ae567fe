#!/bin/bash
# make install into a staging directory: the installed program finds its plans and its
# translations without the build tree.
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
unset LC_ALL LANGUAGE XDG_CONFIG_HOME XDG_DATA_HOME TIENDO_TODAY # LC_ALL would beat LANG below
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
if make -s install DESTDIR="$T/root" PREFIX=/opt/tiendo SYSCONFDIR=/etc >"$T/log" 2>&1; then
	ok "make install DESTDIR=... PREFIX=/opt/tiendo"
else
	not_ok "make install" "$(tail -5 "$T/log")"
fi
for f in opt/tiendo/bin/tiendo opt/tiendo/share/man/man1/tiendo.1 \
	opt/tiendo/share/man/man5/tiendo.ini.5 opt/tiendo/share/tiendo/plans/qd-111-2022.ini \
	opt/tiendo/share/locale/vi/LC_MESSAGES/tiendo.mo etc/tiendo/tiendo.ini; do
	check "installs $f" test -f "$T/root/$f"
done
HOME=$T LANG=vi_VN.UTF-8 TIENDO_TODAY=2025-12-20 "$T/root/opt/tiendo/bin/tiendo" \
	--db "$T/x.db" init --demo >"$T/out" 2>&1
check "the installed program loads the shipped plan and speaks Vietnamese" \
	contains "$T/out" "Kế hoạch qd-111-2022"
# Bash completion: subcommands, options, report kinds and formats.
complete_words() { # WORD...: what completing the last word offers
	bash -c '. "$1"; shift; COMP_WORDS=(tiendo "$@"); COMP_CWORD=$#; _tiendo; echo "${COMPREPLY[*]}"' \
		_ "$T/root/opt/tiendo/share/bash-completion/completions/tiendo" "$@"
}
check "completion offers the subcommands" test "$(complete_words "")" = \
	"init check export import report calendar audit progress period backup remind"
check "completion offers remind's formats" test "$(complete_words remind --format "")" = "text csv json"
check "completion offers audit's --by, not --user, after audit" \
	test "$(complete_words audit --b)" = "--by --bom"
check "completion offers the report kinds" test "$(complete_words report "")" = "annual midterm final adhoc"
check "completion offers the report formats" test "$(complete_words report annual --format "")" = "md html docx"
check "completion offers the export kinds" contains <(complete_words --db x.db export "") "indicators"
check "completion offers the export formats" test "$(complete_words export tasks --format "")" = "csv json"
check "completion offers the options" contains <(complete_words --d) "--db"
check "completion offers init's own options after init" test "$(complete_words init --d)" = "--db --demo"
# make uninstall takes back all but the settings, which the administrator may have changed.
make -s uninstall DESTDIR="$T/root" PREFIX=/opt/tiendo SYSCONFDIR=/etc >"$T/log" 2>&1
check "make uninstall removes the installed files" \
	test -z "$(find "$T/root" -type f ! -path "$T/root/etc/tiendo/tiendo.ini")"
check "make uninstall keeps /etc/tiendo/tiendo.ini" test -f "$T/root/etc/tiendo/tiendo.ini"
# The install above compiled /opt/tiendo into build/bin/tiendo: back to the defaults.
make -s all >/dev/null 2>&1
# Missing packages and no way to install them: the exact command is printed, and it fails.
printf 'tiendo-no-such-package-xyz\n' >"$T/packages.txt"
chmod 755 "$T"
if [ "$(id -u)" = 0 ]; then
	cp scripts/install-deps "$T/install-deps" # nobody may not enter the checkout
	chmod 755 "$T/install-deps"
	setpriv --reuid=65534 --regid=65534 --clear-groups "$T/install-deps" "$T/packages.txt" \
		>"$T/deps.out" 2>&1 </dev/null
else
	scripts/install-deps "$T/packages.txt" >"$T/deps.out" 2>&1 </dev/null
fi
rc=$?
check "install-deps fails when it cannot install" test "$rc" -ne 0
check "install-deps prints the exact command to run" \
	contains "$T/deps.out" "apt-get update && apt-get install -y --no-install-recommends tiendo-no-such-package-xyz"
finish
