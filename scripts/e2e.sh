#!/usr/bin/env bash
# Runs the end-to-end tests: each test file (a file under src-tauri/e2e/tests/e2e/, a module of
# the one test binary) in a desktop session of its own (its own Xvfb display, D-Bus bus, keyring
# and HOME, see with-desktop.sh), BANKBOOK_E2E_JOBS files at a time (default 3). The tests spend
# most of their time waiting on the app, the bank and the browser, not computing, so sessions
# side by side finish in a fraction of the time of one after the other.
# Sessions share nothing: keychain entries, the single-instance bus name and the deep-link
# handler are all per session, and so are the ports: each parallel job has a slot (xargs'
# BANKBOOK_E2E_SLOT: 0, 1, ...), and the harness picks its ports in that slot's own range, below
# the system's ephemeral ports (src-tauri/e2e/src/ports.rs): two sessions never pick the same
# port, nor does the system hand one out in between.
#
# Each file's tests are named to the binary in full (`--exact`), so no file's run picks up a test
# of another whose name merely contains its own.
# Each file's output goes to $BANKBOOK_ARTEFACTS/e2e-logs/<file>.log (with every test's own
# output: `--show-output`); the logs of the files that failed are printed once all have run.
# axe-core's results ($BANKBOOK_ARTEFACTS/axe) are appended to test by test: a run starts them
# afresh.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
jobs=${BANKBOOK_E2E_JOBS:-3}
logs="${BANKBOOK_ARTEFACTS:?}/e2e-logs"
rm -rf "$logs" "$BANKBOOK_ARTEFACTS/axe"
mkdir -p "$logs"

# The end-to-end test binary, from the same build as `make rust-test`'s (the whole workspace with
# the Makefile's features, BANKBOOK_CARGO_FEATURES), so after it nothing is compiled again.
# cargo's status counts (set -e): a test file that does not compile fails the run.
read -ra features <<<"${BANKBOOK_CARGO_FEATURES:?the cargo features of make rust-test (make e2e sets them)}"
cargo test --workspace --locked "${features[@]}" --no-run --message-format=json-render-diagnostics \
  >"$logs/build.json"
jq -r 'select(.reason == "compiler-artifact" and .target.kind == ["test"] and .executable != null
              and (.manifest_path | endswith("/src-tauri/e2e/Cargo.toml")))
       | .executable' "$logs/build.json" >"$logs/binaries"
mapfile -t binaries <"$logs/binaries"
if [[ ${#binaries[@]} -ne 1 ]]; then
  echo "FAIL: one end-to-end test binary expected, ${#binaries[@]} built:" >&2
  cat "$logs/binaries" >&2
  exit 1
fi
binary=${binaries[0]}

# Each file's end-to-end tests (the ignored ones), one line a file: "<file> <test>...", from the
# binary's own list of `<file>::<test>` names. Every file under tests/e2e/ but main.rs must have
# some: a file left out of main.rs, or with no test run here, fails the run.
"$binary" --list --ignored --format=terse >"$logs/tests"
awk -F ': ' '$2 == "test" { split($1, path, "::"); tests[path[1]] = tests[path[1]] " " $1 }
             END { for (file in tests) print file tests[file] }' "$logs/tests" >"$logs/files"
expected=$(for file in "$root"/src-tauri/e2e/tests/e2e/*.rs; do basename "$file" .rs; done |
  grep -vx main | LC_ALL=C sort)
listed=$(cut -d ' ' -f 1 "$logs/files" | LC_ALL=C sort)
if [[ $listed != "$expected" ]]; then
  echo "FAIL: the end-to-end test files differ from the files of the binary's ignored tests" \
    "(each file needs at least one #[ignore] end-to-end test):" >&2
  diff <(echo "$expected") <(echo "$listed") >&2 || true
  exit 1
fi

# The longest files first (by how long each took last time; a new one counts as longest), so no
# long file starts last while the other jobs sit idle.
durations="${CARGO_TARGET_DIR:-$root/target}/e2e-durations"
touch "$durations"
mapfile -t files < <(
  awk 'FILENAME == ARGV[1] { took[$1] = $2; next } { print ($1 in took ? took[$1] : 100000), $0 }' \
    "$durations" "$logs/files" | sort -rn -k 1,1 | cut -d ' ' -f 2-
)

run_one() {
  local name=$1
  shift
  local log="$logs/$name.log" started=$SECONDS
  if "$root/scripts/with-desktop.sh" "$binary" --ignored --exact --test-threads=1 --show-output \
    "$@" >"$log" 2>&1; then
    echo "ok: $name ($((SECONDS - started)) s): $(grep -h '^test result' "$log")"
    echo "$name $((SECONDS - started))" >>"$logs/durations"
  else
    echo "FAILED: $name ($((SECONDS - started)) s)"
    # One short line per write, appended: the jobs' lines do not mix.
    echo "$name" >>"$logs/failed"
    return 1
  fi
}
export -f run_one
export logs root binary

# xargs runs `jobs` at a time and exits non-zero when any run failed; every run finishes first.
# Each job's slot (0 to jobs-1) is its BANKBOOK_E2E_SLOT: its range of ports.
started=$SECONDS
trap 'if [[ -f $logs/durations ]]; then cp "$logs/durations" "$durations"; fi' EXIT
if printf '%s\n' "${files[@]}" |
  xargs -P "$jobs" --process-slot-var=BANKBOOK_E2E_SLOT -L 1 \
    bash -c 'run_one "$@"' run_one 2>&1; then
  echo "All ${#files[@]} end-to-end test files passed in $((SECONDS - started)) s."
else
  # The failures' logs, one after the other, now that nothing else is printing.
  if [[ -f $logs/failed ]]; then
    while read -r name; do
      echo "--- $name's log ($logs/$name.log):"
      sed 's/^/    /' "$logs/$name.log"
    done <"$logs/failed"
  fi
  echo "FAIL: end-to-end tests failed after $((SECONDS - started)) s (logs: $logs)." >&2
  exit 1
fi
