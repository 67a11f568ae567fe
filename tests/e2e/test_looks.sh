# Languages, help after [keys] overrides, resizing, colours.

# The main menu in Vietnamese (no Vietnamese locale needs to exist).
e2e_start 80 24 "env LANG=vi_VN.UTF-8 LANGUAGE= $(tiendo --user nguyenvana)"
e2e_expect "the main menu speaks Vietnamese under LANG=vi_VN" "1  Nhiệm vụ, giải pháp"
e2e_expect "the Vietnamese title bar names the screen" "· Tổng quan"
e2e_expect "the Vietnamese key bar" "q thoát"
e2e_keys 1 s
e2e_expect "a choice's key bar tells moving from choosing (it read \"↓ chọn  Enter chọn\")" \
	"↓ di chuyển  Enter chọn"
e2e_stop

# [keys] overrides show in the help, and the rebound key works.
printf '[keys]\nhelp = h, F1\nmove.down = Down, J\n' >"$T/keys.ini"
e2e_start 80 24 "$(tiendo --config "$T/keys.ini")"
e2e_wait "Tasks and solutions"
e2e_keys h
e2e_expect "the rebound help key opens the help" "Keys on every screen"
e2e_expect "the help lists the rebound key" "h, F1"
e2e_expect "the help lists the rebound movement key" "↓, J"
e2e_keys q
e2e_wait_gone "Keys on every screen"
e2e_keys '?'
sleep 0.3
if e2e_screen | grep -qF "Keys on every screen"; then
	not_ok "the old help key no longer opens the help" "$(e2e_screen)"
else
	ok "the old help key no longer opens the help"
fi
e2e_stop

# Resizing: too small shows a one-line notice; back to a large size restores the screen.
e2e_start 80 24 "$(tiendo)"
e2e_wait "Tasks and solutions"
e2e_keys Down Down
e2e_resize 40 10
e2e_expect "a 40x10 terminal shows the too-small notice" "terminal too small (need 80x24)"
check "the notice (and how to quit) is the only text on the screen" test "$(e2e_screen | grep -c .)" -eq 2
e2e_resize 100 30
e2e_expect "back at 100x30 the main menu is drawn again" "Reports & schedule"
if e2e_screen | head -1 | grep -qE '20/12/2025 *$' && [ "$(e2e_screen | sed -n 2p | wc -m)" -ge 100 ]; then
	ok "the bars span the new width"
else
	not_ok "the bars span the new width" "$(e2e_screen | head -2)"
fi
e2e_stop

# NO_COLOR: attributes only, no colour.
e2e_start 80 24 "env NO_COLOR=1 $(tiendo)"
e2e_wait "Tasks and solutions"
if e2e_screen_attrs | grep -qE $'\e\\[[0-9;]*(3[0-7]|4[0-7]|38;5|48;5)[;m]'; then
	not_ok "NO_COLOR gives no colour" "$(e2e_screen_attrs | cat -v | head -5)"
else
	ok "NO_COLOR gives no colour"
fi
if e2e_screen_attrs | grep -qE $'\e\\[[0-9;]*7[;m]'; then ok "NO_COLOR keeps reverse video for the title"; else
	not_ok "NO_COLOR keeps reverse video for the title" "$(e2e_screen_attrs | cat -v | head -3)"
fi
e2e_stop

# Without NO_COLOR there is colour, and [colors] changes a role.
printf '[colors]\ntitle = red yellow\n' >"$T/colors.ini"
e2e_start 80 24 "$(tiendo --config "$T/colors.ini")"
e2e_wait "Tasks and solutions"
if e2e_screen_attrs | head -1 | grep -qE $'\e\\[[0-9;]*31[;m]|\e\\[[0-9;]*43[;m]'; then
	ok "[colors] title = red yellow colours the title bar"
else
	not_ok "[colors] title = red yellow colours the title bar" "$(e2e_screen_attrs | head -1 | cat -v)"
fi
e2e_stop
