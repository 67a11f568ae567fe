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
