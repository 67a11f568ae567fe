# tiendo: build, run, test, install. `make run` and `make test` are all the set-up there is.
.SUFFIXES:

PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share
MANDIR     ?= $(DATADIR)/man
SYSCONFDIR ?= /etc
DESTDIR    ?=
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
# Where --version tells people to report bugs.
BUG_REPORT ?= tiendo maintainers <maintainers@users.noreply.r-seed-b715ccc6.example>
# PACKAGING=1 (debian/rules sets it) builds as a package build wants: no apt-get (the build
# dependencies come from debian/control) and no -Werror (a newer compiler's new warning must
# not break the package). CPPFLAGS, CFLAGS and LDFLAGS (dpkg-buildflags) are always honoured.
PACKAGING  ?=

VERSION := 0.1.0
BUILD   := build
ASAN    := $(BUILD)/asan

PKGS     := ncursesw sqlite3 libutf8proc libzip cairo
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CMOCKA_LIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

# Messages are cut to fit their buffers on purpose, so truncation is not a warning here.
WERROR   := $(if $(filter 1,$(PACKAGING)),,-Werror)
WARN     := -Wall -Wextra $(WERROR) -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wformat=2 -Wvla \
	    -Wno-format-truncation
CFLAGS   ?= -O2 -g
ALL_CFLAGS = -std=c11 $(WARN) -Iinclude -I/usr/include/iniparser $(PKG_CFLAGS) \
	     -DTIENDO_VERSION='"$(VERSION)"' $(DIRS_DEFS) -MMD -MP $(CFLAGS)
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
DEPS_OK := $(if $(filter 1,$(PACKAGING)),,$(BUILD)/.deps-ok)

# The installed locations compiled into the binary: the system settings file and the share
# directory (used when the binary has no share/ beside it, as the build tree has). The stamp
# changes with them, so the files that use them are rebuilt for `make install PREFIX=...`.
DIRS_DEFS  = -DTIENDO_SYSCONFDIR='"$(SYSCONFDIR)"' -DTIENDO_DATADIR='"$(DATADIR)"' \
	     -DTIENDO_BUG_REPORT='"$(BUG_REPORT)"'
DIRS_STAMP := $(BUILD)/.dirs
DIRS_USERS := src/config/paths.c src/config/config.c src/cli/check.c src/cli/cli.c

RUN_DB = $${XDG_DATA_HOME:-$$HOME/.local/share}/tiendo/tiendo.db

all: $(DEPS_OK) $(BIN) $(MO) $(BUILD)/share/tiendo/plans

# Missing Debian packages are installed once, again whenever the list changes.
ifneq ($(DEPS_OK),)
$(DEPS_OK): scripts/debian-packages.txt scripts/install-deps
	@scripts/install-deps
	@mkdir -p $(BUILD) && touch $@
endif

$(DIRS_STAMP): FORCE
	@mkdir -p $(@D)
	@echo '$(DIRS_DEFS)' | cmp -s - $@ 2>/dev/null || echo '$(DIRS_DEFS)' >$@
$(DIRS_USERS:%.c=$(BUILD)/obj/%.o) $(DIRS_USERS:%.c=$(ASAN)/obj/%.o): $(DIRS_STAMP)
FORCE:

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
	@$(CC) $(CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

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
	@$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LIBS)

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
		$(DESTDIR)$(DATADIR)/tiendo/plans $(DESTDIR)$(SYSCONFDIR)/tiendo \
		$(DESTDIR)$(BASHCOMPDIR)
	install -m 644 scripts/bash-completion/tiendo $(DESTDIR)$(BASHCOMPDIR)/tiendo
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

# Removes what install put there, except the settings in $(SYSCONFDIR)/tiendo/tiendo.ini,
# which the administrator may have changed (remove it by hand when it is no longer wanted).
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/tiendo $(DESTDIR)$(MANDIR)/man1/tiendo.1 \
		$(DESTDIR)$(MANDIR)/man5/tiendo.ini.5 $(DESTDIR)$(BASHCOMPDIR)/tiendo
	rm -rf $(DESTDIR)$(DATADIR)/tiendo
	for p in $(PO:po/%.po=%); do rm -f $(DESTDIR)$(DATADIR)/locale/$$p/LC_MESSAGES/tiendo.mo; done

# The Debian package (debian/), built with dpkg-buildpackage in a copy of the tree under
# $(BUILD)/deb, so that the package's clean step cannot touch this build; the .deb lands there.
DEB_DIR ?= $(BUILD)/deb
deb:
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/tiendo-$(VERSION)
	tar --exclude=./build --exclude=./$(BUILD) --exclude=./.git -cf - . | \
		tar -C $(DEB_DIR)/tiendo-$(VERSION) -xf -
	cd $(DEB_DIR)/tiendo-$(VERSION) && dpkg-buildpackage -us -uc -b
	@ls $(DEB_DIR)/*.deb

clean:
	rm -rf $(BUILD)

# Fuzzing (tests/fuzz/): libFuzzer harnesses built with clang, ASan and UBSan, over the
# parsers and writers of src/core, src/config and src/export. `make fuzz` runs each one for
# FUZZ_SECONDS (default 300) from its seed corpus in tests/fuzz/corpus/NAME (new inputs go
# to $(FUZZ)/corpus/NAME, crashes to $(FUZZ)/crash-NAME-*); `make test` runs each for a few
# seconds over its corpus (tests/fuzz/run.sh), so a regression fails there too.
FUZZ         := $(BUILD)/fuzz
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 300
FUZZ_FLAGS   := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_SRC     := $(sort $(wildcard src/core/*.c src/config/*.c src/export/*.c))
FUZZ_OBJ     := $(FUZZ_SRC:%.c=$(FUZZ)/obj/%.o)
FUZZ_NAMES   := $(sort $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_BIN     := $(FUZZ_NAMES:%=$(FUZZ)/fuzz_%)

$(FUZZ)/obj/%.o: %.c $(DEPS_OK)
	@mkdir -p $(@D)
	@echo "  CC fuzz $<"
	@$(FUZZ_CC) $(ALL_CFLAGS) -Wno-unknown-warning-option -Wno-format-nonliteral $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ)/libtiendo-fuzz.a: $(FUZZ_OBJ)
	@rm -f $@
	@$(AR) rcs $@ $(FUZZ_OBJ)

$(FUZZ)/fuzz_%: $(FUZZ)/obj/tests/fuzz/fuzz_%.o $(FUZZ)/libtiendo-fuzz.a
	@echo "  LD fuzz $@"
	@$(FUZZ_CC) $(FUZZ_FLAGS) -fsanitize=fuzzer -o $@ $^ $(LIBS)

fuzz-build: $(FUZZ_BIN)

# `make test` builds the harnesses when clang's libFuzzer runtime is there (Debian:
# libclang-rt-14-dev); tests/fuzz/run.sh says it skipped them otherwise.
FUZZ_RT := $(wildcard $(shell $(FUZZ_CC) -print-file-name=libclang_rt.fuzzer-x86_64.a 2>/dev/null))
test: $(if $(FUZZ_RT),$(FUZZ_BIN))

fuzz: $(FUZZ_BIN)
	@for n in $(FUZZ_NAMES); do \
		mkdir -p $(FUZZ)/corpus/$$n; \
		echo "== fuzz $$n for $(FUZZ_SECONDS) s"; \
		$(FUZZ)/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
			-artifact_prefix=$(FUZZ)/crash-$$n- -print_final_stats=1 \
			$(FUZZ)/corpus/$$n tests/fuzz/corpus/$$n || exit 1; \
	done

.PHONY: fuzz fuzz-build

.PHONY: all run test bench soak install uninstall deb clean pot lint FORCE
.SECONDARY:
-include $(shell find $(BUILD) -name '*.d' 2>/dev/null)
