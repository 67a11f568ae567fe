# tiendo: build, run, test, install. `make run` and `make test` are all the set-up there is.
.SUFFIXES:

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
SYSCONFDIR ?= /etc
DESTDIR    ?=

VERSION := 0.1.0
BUILD   := build
ASAN    := $(BUILD)/asan

PKGS     := ncursesw formw menuw panelw sqlite3 libutf8proc libzip
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

# Messages are cut to fit their buffers on purpose, so truncation is not a warning here.
WARN     := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla \
	    -Wno-format-truncation
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 $(WARN) -Iinclude -I/usr/include/iniparser $(PKG_CFLAGS) \
	     -DTIENDO_VERSION='"$(VERSION)"' -MMD -MP $(CFLAGS)
ASAN_FLAGS := -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
LIBS      = -liniparser $(PKG_LIBS) -lm

LIB_SRC  := $(sort $(wildcard src/core/*.c src/config/*.c src/store/*.c src/export/*.c src/tui/*.c src/cli/*.c))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/obj/%.o)
LIB_AOBJ := $(LIB_SRC:%.c=$(ASAN)/obj/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
UNIT_ABIN:= $(UNIT_SRC:tests/unit/%.c=$(ASAN)/tests/%)
PO       := $(wildcard po/*.po)
MO       := $(PO:po/%.po=$(BUILD)/share/locale/%/LC_MESSAGES/tiendo.mo)

BIN  := $(BUILD)/bin/tiendo
ABIN := $(ASAN)/bin/tiendo
DEPS_OK := $(BUILD)/.deps-ok

RUN_DB = $${XDG_DATA_HOME:-$$HOME/.local/share}/tiendo/tiendo.db

all: $(DEPS_OK) $(BIN) $(MO) $(BUILD)/share/tiendo/plans

# Missing Debian packages are installed once, again whenever the list changes.
$(DEPS_OK): scripts/debian-packages.txt scripts/install-deps
	@scripts/install-deps
	@mkdir -p $(BUILD) && touch $@

run: all
	@test -e "$(RUN_DB)" || $(BIN) --db "$(RUN_DB)" init --demo
	$(BIN) --db "$(RUN_DB)"

test: all $(ABIN) $(UNIT_BIN) $(UNIT_ABIN) $(ASAN)/share
	@tests/run-all.sh $(BUILD) $(ASAN)

# The benchmark of issue 9: a large generated database, the real binary in a pseudo-terminal.
bench: all
	@tests/bench/run.sh $(BIN)

# kill -9 during progress saves, imports and init, SOAK_RUNS times each (tests/crash/run.sh;
# `make test` runs 8 of each).
SOAK_RUNS ?= 200
soak: all
	@nice tests/crash/run.sh $(BIN) $(SOAK_RUNS)

$(BUILD)/obj/%.o: %.c $(DEPS_OK)
	@mkdir -p $(@D)
	@echo "  CC      $<"
	@$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(ASAN)/obj/%.o: %.c $(DEPS_OK)
	@mkdir -p $(@D)
	@echo "  CC asan $<"
	@$(CC) $(ALL_CFLAGS) $(ASAN_FLAGS) -c -o $@ $<

$(BUILD)/libtiendo.a: $(LIB_OBJ)
	@rm -f $@
	@$(AR) rcs $@ $(LIB_OBJ)

$(ASAN)/libtiendo.a: $(LIB_AOBJ)
	@rm -f $@
	@$(AR) rcs $@ $(LIB_AOBJ)

$(BIN): $(BUILD)/obj/src/main.o $(BUILD)/libtiendo.a
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

$(ABIN): $(ASAN)/obj/src/main.o $(ASAN)/libtiendo.a
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(ASAN_FLAGS) -o $@ $^ $(LIBS)

$(BUILD)/tests/%: $(BUILD)/obj/tests/unit/%.o $(BUILD)/libtiendo.a
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(CFLAGS) -o $@ $^ $(LIBS) $(CMOCKA_LIBS)

$(ASAN)/tests/%: $(ASAN)/obj/tests/unit/%.o $(ASAN)/libtiendo.a
	@mkdir -p $(@D)
	@echo "  LD      $@"
	@$(CC) $(ASAN_FLAGS) -o $@ $^ $(LIBS) $(CMOCKA_LIBS)

# The build tree mirrors the installed layout (bin/, share/tiendo/plans, share/locale), so
# the program finds its plans and translations the same way in both.
$(BUILD)/share/tiendo/plans:
	@mkdir -p $(@D)
	ln -sfn ../../../config/plans $@

$(ASAN)/share:
	@mkdir -p $(@D)
	ln -sfn ../share $@

$(BUILD)/share/locale/%/LC_MESSAGES/tiendo.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt --check -o $@ $<

# After strings change: regenerates the template, merges it into vi.po (then translate what
# is new: tests/i18n.sh fails until vi.po is complete) and into en.po.
XGETTEXT = xgettext --from-code=UTF-8 -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 -kngettext:1,2 -c/ --package-name=tiendo
pot:
	$(XGETTEXT) -o po/tiendo.pot $(sort $(wildcard src/*.c src/*/*.c))
	msgmerge -q -U --backup=none po/vi.po po/tiendo.pot
	msgmerge -q -U --backup=none --no-fuzzy-matching po/en.po po/tiendo.pot
	msgen -o po/en.po po/en.po
	for p in po/vi.po po/en.po; do msgattrib --no-obsolete -o $$p $$p; done

# Static checks, quiet when all is well (not part of `make test`: clang-tidy takes minutes).
LINT_FLAGS = -std=c11 -Iinclude -I/usr/include/iniparser $(PKG_CFLAGS) -DTIENDO_VERSION='"lint"'
lint:
	clang-format --dry-run --Werror src/*.c src/*/*.c src/*/*.h include/tiendo/*.h tests/unit/*.[ch]
	cppcheck --enable=warning,style,performance,portability --std=c11 --quiet --error-exitcode=1 \
		--inline-suppr -Iinclude -I/usr/include/iniparser --suppress=missingIncludeSystem src
	clang-tidy --quiet --warnings-as-errors='*' src/*.c src/*/*.c -- $(LINT_FLAGS)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
		$(DESTDIR)$(DATADIR)/tiendo/plans $(DESTDIR)$(SYSCONFDIR)/tiendo
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/tiendo
	install -m 644 man/tiendo.1 $(DESTDIR)$(MANDIR)/man1/tiendo.1
	install -m 644 man/tiendo.ini.5 $(DESTDIR)$(MANDIR)/man5/tiendo.ini.5
	install -m 644 config/plans/*.ini $(DESTDIR)$(DATADIR)/tiendo/plans/
	install -m 644 config/tiendo.ini $(DESTDIR)$(DATADIR)/tiendo/tiendo.ini
	test -e $(DESTDIR)$(SYSCONFDIR)/tiendo/tiendo.ini || \
		install -m 644 config/tiendo.ini $(DESTDIR)$(SYSCONFDIR)/tiendo/tiendo.ini
	for p in $(PO:po/%.po=%); do \
		install -d $(DESTDIR)$(DATADIR)/locale/$$p/LC_MESSAGES; \
		install -m 644 $(BUILD)/share/locale/$$p/LC_MESSAGES/tiendo.mo \
			$(DESTDIR)$(DATADIR)/locale/$$p/LC_MESSAGES/tiendo.mo; done

clean:
	rm -rf $(BUILD)

.PHONY: all run test bench soak install clean pot lint
.SECONDARY:
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
