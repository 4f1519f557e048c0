# Bankbook: `make run` sets up and starts the app; `make test` sets up and runs every check.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.NOTPARALLEL:
.DEFAULT_GOAL := run

# Outside the clone, so every clone (and CI's fresh one) reuses the compiled dependencies.
export CARGO_TARGET_DIR ?= /var/tmp/bankbook-target
export BANKBOOK_ARTEFACTS ?= $(CURDIR)/artefacts

# One feature set for every cargo call, the same one `tauri build` uses, so the app and its
# dependencies are compiled once per run and not again for each command.
FEATURES := --features bankbook/custom-protocol
APP := $(CARGO_TARGET_DIR)/debug/bankbook
TAURI := TAURI_APP_PATH=src-tauri TAURI_FRONTEND_PATH=ui ui/node_modules/.bin/tauri
BINDINGS := ui/src/ipc/bindings

.PHONY: run test setup ui app lint rust-test bindings-check ui-test fuzz-smoke app-bundle e2e deb-check bundle

run: setup ui
	cargo build -p bankbook $(FEATURES)
	scripts/run-app.sh $(APP)

test: setup ui lint rust-test bindings-check ui-test fuzz-smoke app-bundle e2e deb-check
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
	cargo clippy --workspace --all-targets $(FEATURES) -- -D warnings
	npm --prefix ui run typecheck
	npm --prefix ui run lint

# The TypeScript bindings are written afresh by ts-rs while the tests run.
rust-test:
	rm -rf $(BINDINGS)
	scripts/with-desktop.sh cargo test --workspace $(FEATURES)

bindings-check:
	@if [[ -n "$$(git status --porcelain -- $(BINDINGS))" ]]; then \
		git status --short -- $(BINDINGS); git diff -- $(BINDINGS); \
		echo "FAIL: $(BINDINGS) drifted from the Rust types: commit the regenerated files." >&2; exit 1; \
	fi
	@echo "ok: $(BINDINGS) matches the Rust types"

ui-test:
	npm --prefix ui test

# A few seconds of each fuzz target from its committed corpus; `scripts/fuzz.sh run` fuzzes long.
fuzz-smoke:
	scripts/fuzz.sh smoke

# The app, built once for the end-to-end tests, packaged as the installer would ship it.
app-bundle:
	$(TAURI) build --debug --bundles deb,rpm --ci

e2e:
	mkdir -p $(BANKBOOK_ARTEFACTS)
	BANKBOOK_APP=$(APP) scripts/with-desktop.sh \
		cargo test -p e2e -- --ignored --test-threads=1

deb-check:
	scripts/check-deb.sh $(CARGO_TARGET_DIR)/debug/bundle/deb/*.deb

# Release installers.
bundle: setup ui
	$(TAURI) build --bundles deb,rpm --ci
	scripts/check-deb.sh $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb
	@ls -l $(CARGO_TARGET_DIR)/release/bundle/deb/*.deb $(CARGO_TARGET_DIR)/release/bundle/rpm/*.rpm
