#!/usr/bin/env bash
# Runs the end-to-end tests: each test file in a desktop session of its own (its own Xvfb
# display, D-Bus bus, keyring and HOME, see with-desktop.sh), BANKBOOK_E2E_JOBS files at a time
# (default 2). The tests spend most of their time waiting on the app, the bank and the browser,
# not computing, so two sessions side by side take about half the time of one after the other.
# Sessions share nothing: keychain entries, the single-instance bus name and the deep-link
# handler are all per session, and every port is picked free.
#
# Each file's output goes to $BANKBOOK_ARTEFACTS/e2e-logs/<file>.log; a failure prints its log.
set -euo pipefail

jobs=${BANKBOOK_E2E_JOBS:-2}
logs="${BANKBOOK_ARTEFACTS:?}/e2e-logs"
rm -rf "$logs"
mkdir -p "$logs"

# The test files' binaries, built once.
mapfile -t binaries < <(
  cargo test --locked -p e2e --tests --no-run --message-format=json-render-diagnostics |
    jq -r 'select(.reason == "compiler-artifact" and .target.kind == ["test"] and .executable != null)
           | "\(.target.name) \(.executable)"'
)
if [[ ${#binaries[@]} -eq 0 ]]; then
  echo "FAIL: no end-to-end test files were built." >&2
  exit 1
fi

run_one() {
  local name=$1 binary=$2
  local log="$logs/$name.log" started=$SECONDS
  if scripts/with-desktop.sh "$binary" --ignored --test-threads=1 >"$log" 2>&1; then
    echo "ok: $name ($((SECONDS - started)) s): $(grep -h '^test result' "$log")"
  else
    echo "FAILED: $name ($((SECONDS - started)) s), its log:"
    sed 's/^/    /' "$log"
    return 1
  fi
}
export -f run_one
export logs

# xargs runs `jobs` at a time and exits non-zero when any run failed; every run finishes first.
started=$SECONDS
if printf '%s\n' "${binaries[@]}" |
  xargs -P "$jobs" -L 1 bash -c 'run_one "$@"' run_one 2>&1; then
  echo "All ${#binaries[@]} end-to-end test files passed in $((SECONDS - started)) s."
else
  echo "FAIL: end-to-end tests failed (logs: $logs)." >&2
  exit 1
fi
