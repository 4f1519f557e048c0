# Bankbook: `make run` sets up and starts the app; `make test` sets up and runs every check.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.NOTPARALLEL:
.DEFAULT_GOAL := run

# Outside the clone, so every clone (and CI's fresh one) reuses the compiled dependencies.
export CARGO_TARGET_DIR ?= /var/tmp/bankbook-target
export BANKBOOK_ARTEFACTS ?= $(CURDIR)/artefacts

# Every cargo call that builds, checks or tests is `--locked`: Cargo.lock is the truth, and a
# build that would change it fails instead.
#
# The installer's feature set, the one `tauri build` uses.
INSTALLER_FEATURES := --features bankbook/custom-protocol
# The test bench on top (the Demo Bank's admin interface, BANKBOOK_BROWSER, BANKBOOK_SAVE_AS and
# the other test hooks): the end-to-end app, a headless `make run` and the Rust tests; the lint
# adds only the bare window to it (CHECK_FEATURES), so the test bench's code is linted and its
# dependencies compiled once per run.
FEATURES := --features bankbook/custom-protocol,bankbook/test-bench
# The lints and the Windows check also cover the measurements' bare window (scripts/measure.sh),
# which the tests do not build.
CHECK_FEATURES := --features bankbook/custom-protocol,bankbook/test-bench,bankbook/bare-window
APP := $(CARGO_TARGET_DIR)/debug/bankbook
# The app as the debug installer ships it, kept beside the end-to-end app (which replaces it).
INSTALLER_APP := $(CARGO_TARGET_DIR)/debug/bankbook-installer
TAURI := TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri
BINDINGS := ui/src/ipc/bindings
# What the build writes from src-tauri/src/ipc/surface.rs besides the bindings: the permission
# set the capability grants, and tauri-build's permission per command.
GENERATED := $(BINDINGS) src-tauri/permissions
WINDOWS_TARGET := x86_64-pc-windows-gnu
# A headless `make run` keeps its HOME here (git-ignored): the keyring, the connection, the data.
RUN_HOME := $(CURDIR)/.run-home
# No display at all (neither X11 nor Wayland): `make run` runs headless.
HEADLESS := $(if $(DISPLAY)$(WAYLAND_DISPLAY),,yes)

.PHONY: run test setup ui app lint windows-check rust-test bindings-check ui-test fuzz-smoke app-bundle e2e deb-check bundle

# On a desktop: build the app and start it. With no display: the app with the test bench runs in
# the tests' private desktop session (Xvfb, D-Bus, an unlocked gnome-keyring) with the HOME in
# $(RUN_HOME), and scripts it there: the first time it connects the Demo Bank, with a stand-in
# for the browser that signs in and approves; then it waits until the main window shows
# transactions, saves a screenshot, prints how to take another, and keeps the app until Ctrl-C.
run: setup ui
ifeq ($(HEADLESS),yes)
	cargo build --locked -p bankbook $(FEATURES)
	cargo build --locked -p e2e --bin headless-run --bin stand-in-browser
	BANKBOOK_APP=$(APP) BANKBOOK_SESSION_HOME=$(RUN_HOME) \
		scripts/with-desktop.sh $(CARGO_TARGET_DIR)/debug/headless-run
else
	cargo build --locked -p bankbook $(INSTALLER_FEATURES)
	$(APP)
endif

test: setup ui lint windows-check rust-test bindings-check ui-test fuzz-smoke app-bundle e2e deb-check
	@echo "All checks passed. Screenshots and logs: $(BANKBOOK_ARTEFACTS)"

# `npm install --no-save` installs exactly the locked versions. Not `npm ci`: the registry
# here serves only this platform's builds of Biome and the Tauri CLI, so the lock file cannot
# list the other platforms' optional packages, and `npm ci` refuses a lock without them.
setup:
	scripts/install-deps.sh
	@if [[ ! -f ui/node_modules/.package-lock.json || ui/package-lock.json -nt ui/node_modules/.package-lock.json ]]; then \
		npm --prefix ui install --no-save --no-audit --no-fund; \
	fi

ui:
	npm --prefix ui run build

lint:
	cargo fmt --all --check
	cargo fmt --manifest-path src-tauri/fuzz/Cargo.toml --check
	cargo clippy --workspace --all-targets --locked $(CHECK_FEATURES) -- -D warnings
	@# The installer's side of the test-bench switches, libraries only: a test target's
	@# dev-dependencies would turn the sandbox bank's admin feature back on.
	cargo clippy --locked -p bankbook -p app -p sandbox-bank $(INSTALLER_FEATURES) -- -D warnings
	npm --prefix ui run typecheck
	npm --prefix ui run lint

# The Windows build, type-checked from Linux (set-up adds the Rust target and MinGW's gcc, for
# build scripts that compile C): the workspace with the test bench, then the app as the
# installer has it. Not e2e: the harness is Unix-only (process groups, Unix signals, Unix
# file-name bytes), as are the tests it drives (Xvfb, D-Bus, gnome-keyring).
# Against Debian's OpenSSL headers rather than an OpenSSL built from source for Windows (see
# the script): the check links nothing.
windows-check:
	openssl=$$(scripts/windows-check-openssl.sh) && \
	export OPENSSL_NO_VENDOR=1 OPENSSL_STATIC=0 OPENSSL_INCLUDE_DIR=$$openssl/include OPENSSL_LIB_DIR=$$openssl/lib && \
	cargo check --workspace --exclude e2e --all-targets --locked $(CHECK_FEATURES) --target $(WINDOWS_TARGET) && \
	cargo check -p bankbook --locked $(INSTALLER_FEATURES) --target $(WINDOWS_TARGET)

# The TypeScript bindings are written afresh by ts-rs while the tests run.
rust-test:
	rm -rf $(BINDINGS)
	scripts/with-desktop.sh cargo test --workspace --locked $(FEATURES)

bindings-check:
	@if [[ -n "$$(git status --porcelain -- $(GENERATED))" ]]; then \
		git status --short -- $(GENERATED); git diff -- $(GENERATED); \
		echo "FAIL: $(GENERATED) drifted from the Rust side: commit the regenerated files." >&2; exit 1; \
	fi
	@echo "ok: $(GENERATED) match the Rust side"

ui-test:
	npm --prefix ui test

# A few seconds of each fuzz target from its committed corpus; `scripts/fuzz.sh run` fuzzes long.
fuzz-smoke:
	scripts/fuzz.sh smoke

# First the installer's build, without the test bench: the .deb and .rpm (deb-check reads the
# .deb), and its binary kept as $(INSTALLER_APP) for an end-to-end test to prove the test bench
# is not in it. Then the app the end-to-end tests drive, with the test bench, at $(APP).
# (Arguments after `--` go to cargo.)
app-bundle:
	$(TAURI) build --debug --bundles deb,rpm --ci -- --locked
	cp $(APP) $(INSTALLER_APP)
	cargo build --locked -p bankbook $(FEATURES)

# Each test file (a module of the end-to-end test binary that rust-test built) in a desktop
# session of its own, three at a time: see scripts/e2e.sh.
e2e:
	mkdir -p $(BANKBOOK_ARTEFACTS)
	BANKBOOK_APP=$(APP) BANKBOOK_INSTALLER_APP=$(INSTALLER_APP) BANKBOOK_CARGO_FEATURES="$(FEATURES)" \
		scripts/e2e.sh

deb-check:
	scripts/check-deb.sh $(CARGO_TARGET_DIR)/debug/bundle/deb/*.deb

# Release installers.
bundle: setup ui
	$(TAURI) build --bundles deb,rpm --ci -- --locked
	scripts/check-deb.sh $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb
	@ls -l $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb $(CARGO_TARGET_DIR)/release/bundle/rpm/*.rpm
