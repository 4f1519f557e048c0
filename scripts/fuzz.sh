#!/usr/bin/env bash
# Fuzzes what Bankbook reads from outside (src-tauri/fuzz): the deep link, every bank answer and
# what a person types in the search.
#
#   scripts/fuzz.sh smoke              every target for a few seconds from its corpus (make test)
#   scripts/fuzz.sh run SECONDS [T..]  each target (default: all) for SECONDS, growing its corpus
#   scripts/fuzz.sh minimize [T..]     shrink each corpus to the inputs that keep its coverage
#
# Findings land in $BANKBOOK_ARTEFACTS/fuzz/<target>/ and the run fails. cargo-fuzz needs
# nightly-only compiler flags (the address sanitizer); RUSTC_BOOTSTRAP lets the machine's stable
# toolchain accept them, for this build only.
set -euo pipefail
script=$(realpath "$0")
cd "$(dirname "$script")/../src-tauri"

usage() {
  sed -n '2,7p' "$script" >&2
  exit 2
}
[[ ${1:-} =~ ^(smoke|run|minimize)$ ]] || usage

# Installed here rather than by `make run`'s set-up: only the tests need it.
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "Installing cargo-fuzz"
  cargo install cargo-fuzz --locked --version '^0.13'
fi

export RUSTC_BOOTSTRAP=1
# Its own target directory: the instrumented build shares nothing with the app's.
export CARGO_TARGET_DIR=/var/tmp/bankbook-fuzz-target
# cargo-fuzz has no --locked (rust-fuzz/cargo-fuzz#312): this fails as --locked would when
# fuzz/Cargo.lock does not match the manifests, so the fuzz build below never rewrites it.
cargo metadata --locked --format-version 1 --manifest-path fuzz/Cargo.toml >/dev/null
artefacts="${BANKBOOK_ARTEFACTS:-$PWD/../artefacts}/fuzz"
listed=$(cargo fuzz list --fuzz-dir fuzz)
[[ -n $listed ]] || { echo "no fuzz targets found" >&2; exit 1; }
mapfile -t all_targets <<<"$listed"

dictionary() {
  case $1 in
    deep_link) echo fuzz/deep_link.dict ;;
    search_query) echo fuzz/search_query.dict ;;
    retry_after) ;;
    *) echo fuzz/bank.dict ;;
  esac
}

# Runs one target for $2 seconds. New inputs go to $3; the committed corpus and the findings
# kept as regressions (fuzz/regressions/<target>, which minimizing never drops) are read, and
# the corpus is written only when $3 is that corpus.
fuzz() {
  local target=$1 seconds=$2 grow=$3 dict
  dict=$(dictionary "$target")
  mkdir -p "$artefacts/$target" "$grow"
  echo "fuzzing $target for $seconds s"
  # The summary lines on screen, the whole output in the log; the status is the fuzzer's, so a
  # finding (or a missing corpus) fails the run.
  local status=0
  local regressions=()
  [[ -d fuzz/regressions/$target ]] && regressions=("fuzz/regressions/$target")
  cargo fuzz run --fuzz-dir fuzz --debug-assertions "$target" "$grow" "fuzz/corpus/$target" \
    "${regressions[@]}" -- \
    -max_total_time="$seconds" -artifact_prefix="$artefacts/$target/" -print_final_stats=1 \
    ${dict:+-dict="$dict"} 2>&1 | tee "$artefacts/$target.log" |
    { grep --line-buffered -E "^(Done|stat::(number|new)|==|SUMMARY|Error)" |
      sed -u "s/^/$target: /" || true; } ||
    status=$?
  return "$status"
}

# Runs every target for $1 seconds, two at a time (a libFuzzer run keeps one core busy, and the
# machines this runs on have two or more), new inputs to a scratch folder. Says which failed, and
# fails when any did.
fuzz_in_pairs() {
  local seconds=$1 scratch=$2 failed=0 target pid
  local -A running=()
  # Interrupted: the fuzzers in the background end with this script.
  trap 'kill "${!running[@]}" 2>/dev/null' INT TERM
  for target in "${all_targets[@]}"; do
    fuzz "$target" "$seconds" "$scratch/$target" &
    running[$!]=$target
    if ((${#running[@]} == 2)); then
      for pid in "${!running[@]}"; do reap "$pid" || failed=1; done
      running=()
    fi
  done
  for pid in "${!running[@]}"; do reap "$pid" || failed=1; done
  trap - INT TERM
  return "$failed"
}

# Waits for the fuzzer $1 of fuzz_in_pairs' `running` and names its target if it failed.
reap() {
  local target=${running[$1]}
  wait "$1" && return 0
  echo "FAILED: $target (log: $artefacts/$target.log)"
  return 1
}

case ${1:-} in
  smoke)
    cargo fuzz build --fuzz-dir fuzz --debug-assertions
    scratch=$(mktemp -d)
    trap 'rm -rf "$scratch"' EXIT
    fuzz_in_pairs 8 "$scratch"
    ;;
  run)
    seconds=${2:?how many seconds per target}
    shift 2
    for target in "${@:-${all_targets[@]}}"; do fuzz "$target" "$seconds" "fuzz/corpus/$target"; done
    ;;
  minimize)
    shift
    for target in "${@:-${all_targets[@]}}"; do
      echo "minimizing $target"
      cargo fuzz cmin --fuzz-dir fuzz --debug-assertions "$target" "fuzz/corpus/$target" 2>&1 |
        { grep -E "^(MERGE-OUTER: [0-9]+ new files|Error)" || true; }
    done
    ;;
  *) usage ;;
esac
