#!/usr/bin/env bash
# The main window's scripted measurements on release builds (figures for the notes), each beside
# a bare Tauri window in the same run:
#   startup: start-up to the stored accounts and the first transactions;
#   scrolling: 100,000 rows scrolled (rows in the DOM, bank pages, frame times fast and at a
#     wheel's pace against idle), and the memory of each process (by kind of mapping), the
#     JavaScript heap, DOM elements, React fibers and cached pages along the way;
#   search: with 100,000 entries stored, the last keystroke to its results on screen (p50/p95
#     over 20 queries) beside the window's own keystroke floor, then a broad search's results
#     scrolled, with the same memory and frame tables.
# Usage: scripts/measure.sh [runs] [measurement...]    (needs what `make setup` installs)
#   measurements: startup, scrolling, search (all three by default), e.g.
#   `scripts/measure.sh 7 search`
set -euo pipefail
cd "$(dirname "$0")/.."

export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/var/tmp/bankbook-target}
export BANKBOOK_ARTEFACTS=${BANKBOOK_ARTEFACTS:-$PWD/artefacts}
runs=${1:-7}
shift || true
measurements=("$@")
if [[ ${#measurements[@]} -eq 0 ]]; then
  measurements=(startup scrolling search)
fi

npm --prefix ui run build >/dev/null
# The test bench: the measurements connect the Demo Bank through the stand-in browser
# (BANKBOOK_BROWSER) and size its history (BANKBOOK_DEMO_TRANSACTIONS).
cargo build --locked --release -p bankbook --features bankbook/custom-protocol,bankbook/test-bench,bankbook/bare-window \
  --bin bankbook --example bare_window
cargo build --locked -p e2e --bins

export BANKBOOK_APP=$CARGO_TARGET_DIR/release/bankbook
export BARE_WINDOW=$CARGO_TARGET_DIR/release/examples/bare_window
for measurement in "${measurements[@]}"; do
  case $measurement in
    startup) scripts/with-desktop.sh "$CARGO_TARGET_DIR/debug/measure" startup "$runs" ;;
    scrolling | search) scripts/with-desktop.sh "$CARGO_TARGET_DIR/debug/measure" "$measurement" ;;
    *) echo "unknown measurement $measurement (startup, scrolling, search)" >&2; exit 2 ;;
  esac
done
