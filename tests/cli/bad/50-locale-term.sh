# Terminals and locales (issue 16): a TERM the screens cannot use is refused with a tiendo:
# message (status 2) before the database opens, never with ncurses' own "Error opening
# terminal"; odd locales and LOCPATHs change neither how settings are read nor the messages.

# badtty NAME RC TEXT ENV-ARG... -- ARG...: as badenv, on a pseudo-terminal (script(1)), so
# that tiendo opens the screens; ENV-ARGs go to env(1) (VAR=VALUE, or -u VAR). script runs
# its command with $SHELL: it is bash here, as printf %q quotes for bash ($'\e'), and CI's
# SHELL may be dash, which once left TERM as inherited and the screens waiting for a key.
# A case that opens the screens after all is ended after 20 s and fails, never hangs.
badtty() {
	local name=$1 want=$2 text=$3 vars=() cmd
	shift 3
	while [ $# -gt 0 ] && [ "$1" != -- ]; do vars+=("$1"); shift; done
	shift
	cmd=$(printf '%q ' env "${vars[@]}" "$BIN" "$@")
	SHELL=/bin/bash timeout -k 5 20 script -qec "$cmd 2>$(printf %q "$W/.err")" /dev/null \
		>"$W/.out" </dev/null
	rc=$?
	_judge "$name" "$want" "$text"
}

# A LOCPATH with vi_VN.UTF-8, made once (localedef, package locales).
BADLOC=$T/badloc
mkdir -p "$BADLOC"
localedef -i vi_VN -f UTF-8 "$BADLOC/vi_VN.UTF-8" >/dev/null 2>&1 ||
	echo "# localedef failed: the vi_VN cases run on C.UTF-8"

fresh
badtty "TERM=dumb is refused with a tiendo: message" 2 \
	"tiendo: TERM=dumb cannot move the cursor" TERM=dumb -- --db "$DB"
fresh
badtty "an unknown TERM is refused, naming it" 2 \
	"TERM=xyz-no-such-terminal: no such terminal type" TERM=xyz-no-such-terminal -- --db "$DB"
fresh
badtty "an empty TERM is refused" 2 "TERM is not set" TERM= -- --db "$DB"
fresh
badtty "no TERM at all is refused" 2 "TERM is not set" -u TERM -- --db "$DB"
fresh
badtty "a TERM that is a path is not looked up as a file" 2 "no such terminal type" \
	TERM=../../../etc/passwd -- --db "$DB"
fresh
badtty "a very long TERM is refused without a crash" 2 "no such terminal type" \
	"TERM=$(printf 'x%.0s' {1..600})" -- --db "$DB"
fresh
badtty "a TERM with an escape sequence is shown escaped, never sent to the terminal" 2 \
	"TERM=^[]0;owned^G: no such terminal type" "TERM=$(printf '\033]0;owned\007')" -- --db "$DB"
fresh
badtty "TERM=dumb in restricted mode is refused too" 2 "cannot move the cursor" TERM=dumb -- \
	--user nobody-in-particular
fresh
badtty "TERM=dumb under LC_ALL=vi_VN.UTF-8 says it in Vietnamese" 2 \
	"TERM=dumb không di chuyển được con trỏ" TERM=dumb LANGUAGE= LC_ALL=vi_VN.UTF-8 "LOCPATH=$BADLOC" -- \
	--db "$DB"

fresh
printf '[targets]\ntolerance = 1.5\n' >>"$CONF"
guarded=() # the settings file changed on purpose: guard it as it is now
guard "$DB" "$CONF"
badenv "under vi_VN.UTF-8 an out-of-range tolerance is named as typed" 2 \
	"[targets] tolerance: cần một số từ 0 đến 1; nhận được 1.5" \
	LANGUAGE= LANG=vi_VN.UTF-8 "LOCPATH=$BADLOC" -- export units
fresh
printf '[targets]\ntolerance = 0.05x\n' >>"$CONF"
guarded=() # the settings file changed on purpose: guard it as it is now
guard "$DB" "$CONF"
badenv "under LC_NUMERIC=vi_VN.UTF-8 a malformed number is still refused" 2 \
	"[targets] tolerance" LANG=C.UTF-8 LC_NUMERIC=vi_VN.UTF-8 "LOCPATH=$BADLOC" -- export units
fresh
badenv "a LOCPATH that does not exist: Vietnamese messages all the same" 2 \
	"không có tùy chọn --bogus" LANGUAGE= LANG=vi_VN.UTF-8 LOCPATH=/nonexistent/locales -- --bogus
fresh
badenv "a LOCPATH that is a file: still a clear message" 2 "không có tùy chọn --bogus" \
	LANGUAGE= LANG=vi_VN.UTF-8 "LOCPATH=$CONF" -- --bogus
fresh
mkdir -p "$W/emptyloc/vi_VN.UTF-8"
badenv "a LOCPATH with an empty vi_VN.UTF-8: still Vietnamese, still refused" 2 \
	"không có lệnh \"frobnicate\"" LANGUAGE= LANG=vi_VN.UTF-8 "LOCPATH=$W/emptyloc" -- frobnicate
fresh
badenv "a locale that is not UTF-8 (vi_VN.TCVN) falls back to UTF-8 messages" 2 \
	"không có tùy chọn --bogus" LANGUAGE= LANG=vi_VN.TCVN "LOCPATH=$BADLOC" -- --bogus
fresh
# [ui] language = auto is Vietnamese unless LANGUAGE or the locale of messages names English
# (LANGUAGE first, then LC_ALL, LC_MESSAGES, LANG, as gettext reads them). The runner sets
# LANGUAGE=en for the English cases; these clear it or set it themselves.
badenv "LANG=C.UTF-8 (a stock Debian server) speaks Vietnamese" 2 "không có tùy chọn --bogus" \
	LANGUAGE= LANG=C.UTF-8 -- --bogus
fresh
badenv "no locale at all (a Windows SSH client sends no LANG) speaks Vietnamese" 2 \
	"không có tùy chọn --bogus" -u LANGUAGE -u LANG -- --bogus
fresh
badenv "LANGUAGE=en picks English under C.UTF-8" 2 "unknown option --bogus" \
	LANGUAGE=en LANG=C.UTF-8 -- --bogus
fresh
badenv "LANGUAGE=en wins over a Vietnamese LANG, as in gettext" 2 "unknown option --bogus" \
	LANGUAGE=en LANG=vi_VN.UTF-8 "LOCPATH=$BADLOC" -- --bogus
fresh
badenv "LANGUAGE=vi wins over an English LC_ALL" 2 "không có tùy chọn --bogus" \
	LANGUAGE=vi LC_ALL=en_US.UTF-8 -- --bogus
fresh
badenv "LANGUAGE's first entry naming vi or en decides (fr:en_GB:vi)" 2 "unknown option --bogus" \
	LANGUAGE=fr:en_GB:vi LANG=C.UTF-8 -- --bogus
fresh
badenv "LC_MESSAGES=en_US.UTF-8 picks English" 2 "unknown option --bogus" \
	LANGUAGE= LANG=C.UTF-8 LC_MESSAGES=en_US.UTF-8 -- --bogus
fresh
badenv "LC_ALL wins over LC_MESSAGES" 2 "không có tùy chọn --bogus" \
	LANGUAGE= LC_ALL=vi_VN.UTF-8 LC_MESSAGES=en_US.UTF-8 "LOCPATH=$BADLOC" -- --bogus
fresh
conf '[ui]\nlanguage = vi\n'
badenv "[ui] language = vi wins over LANGUAGE=en" 2 '--format: cần csv hoặc json; nhận được "xml"' \
	LANGUAGE=en LANG=en_US.UTF-8 -- export units --format xml
fresh
conf '[ui]\nlanguage = en\n'
badenv "[ui] language = en wins over a Vietnamese locale" 2 '--format: expected csv or json; got "xml"' \
	LANGUAGE= LANG=vi_VN.UTF-8 "LOCPATH=$BADLOC" -- export units --format xml
fresh
badenv "a malformed TIENDO_TODAY under vi_VN.UTF-8 is named" 2 "TIENDO_TODAY" \
	LC_ALL=vi_VN.UTF-8 "LOCPATH=$BADLOC" TIENDO_TODAY=20,12,2025 -- export tasks
