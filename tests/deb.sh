#!/bin/bash
# The Debian package (issue 16): `make deb` builds it with dpkg-buildpackage, lintian finds no
# error, and the package unpacked with dpkg -x into a scratch root runs: --version, init --demo
# with the shipped settings and plan. Skipped, with a message, when dpkg-buildpackage,
# debhelper or lintian are missing (scripts/debian-packages.txt lists them).
set -u
cd "$(dirname "$0")/.."
. tests/lib.sh
for tool in dpkg-buildpackage dh lintian; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "# SKIP: $tool is not installed (scripts/install-deps installs it); no package test"
		exit 0
	fi
done
T=$(mktemp -d)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
unset LC_ALL LANGUAGE XDG_CONFIG_HOME XDG_DATA_HOME TIENDO_TODAY
version=$(sed -n 's/^VERSION *:= *//p' Makefile)
check "debian/changelog has the Makefile's version $version" \
	grep -q "^tiendo ($version)" debian/changelog

if nice make -s deb DEB_DIR="$T/deb" >"$T/build.log" 2>&1; then
	ok "make deb builds the package with dpkg-buildpackage"
else
	not_ok "make deb builds the package" "$(tail -15 "$T/build.log")"
	finish
	exit 1
fi
deb=$T/deb/tiendo_${version}_$(dpkg --print-architecture).deb
check "the package is $(basename "$deb")" test -f "$deb"

lintian -I --pedantic "$deb" >"$T/lintian.txt" 2>&1
sed 's/^/# lintian: /' "$T/lintian.txt" | grep -v 'running with root privileges' || true
if grep -q '^E:' "$T/lintian.txt"; then
	not_ok "lintian reports no error" "$(grep '^E:' "$T/lintian.txt")"
else
	ok "lintian reports no error"
fi

dpkg-deb -e "$deb" "$T/control"
check "/etc/tiendo/tiendo.ini is a conffile" grep -qx /etc/tiendo/tiendo.ini "$T/control/conffiles"
R=$T/root
dpkg -x "$deb" "$R"
for f in usr/bin/tiendo usr/share/man/man1/tiendo.1.gz usr/share/man/man5/tiendo.ini.5.gz \
	usr/share/locale/vi/LC_MESSAGES/tiendo.mo usr/share/locale/en/LC_MESSAGES/tiendo.mo \
	usr/share/tiendo/plans/qd-111-2022.ini usr/share/bash-completion/completions/tiendo \
	usr/share/doc/tiendo/copyright etc/tiendo/tiendo.ini; do
	check "the package ships /$f" test -f "$R/$f"
done
check "the binary is a position-independent executable" \
	bash -c "readelf -h '$R/usr/bin/tiendo' | grep -q 'DYN (Position-Independent'"
check "the binary is linked with full RELRO (relro and now)" \
	bash -c "readelf -lW '$R/usr/bin/tiendo' | grep -q GNU_RELRO &&
		readelf -dW '$R/usr/bin/tiendo' | grep -q BIND_NOW"
check "the binary calls fortified functions (_FORTIFY_SOURCE)" \
	bash -c "nm -D '$R/usr/bin/tiendo' | grep -q '_chk@'"

# From the scratch root: the binary finds share/ beside it (usr/share), as installed.
mkdir -p "$T/home"
run() { env HOME="$T/home" LANG=C.UTF-8 LANGUAGE=en TIENDO_TODAY=2025-12-20 "$R/usr/bin/tiendo" "$@" \
	>"$T/out" 2>"$T/err" </dev/null; }
run --version
check "tiendo --version: the first line is the version" grep -qx "tiendo $version" "$T/out"
check "tiendo --version: the licence" contains "$T/out" "License GPLv3+"
check "tiendo --version: where to report bugs" contains "$T/out" "Report bugs to:"
run --config "$R/etc/tiendo/tiendo.ini" --db "$T/demo.db" init --demo
check "tiendo init --demo from the scratch root, with its /etc/tiendo/tiendo.ini" \
	test "$(cat "$T/err")" = "" -a -s "$T/demo.db"
check "init --demo loaded the plan from the package's share directory" \
	contains "$T/out" "Plan qd-111-2022"
run --db "$T/demo.db" export indicators --format json -o "$T/ind.json"
json_ok() { python3 -m json.tool "$1" >/dev/null; }
check "the packaged binary exports valid JSON" json_ok "$T/ind.json"

# Moved away from its share directory, the binary looks in the DATADIR compiled in.
if [ ! -e /usr/share/tiendo/plans ]; then
	mkdir -p "$T/elsewhere"
	cp "$R/usr/bin/tiendo" "$T/elsewhere/tiendo"
	env HOME="$T/home" LANG=C.UTF-8 LANGUAGE=en "$T/elsewhere/tiendo" --db "$T/x.db" init >"$T/out" 2>"$T/err"
	check "DATADIR (/usr/share) is compiled into the packaged binary" \
		contains "$T/err" "/usr/share/tiendo/plans/qd-111-2022.ini"
fi
finish
