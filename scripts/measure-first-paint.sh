#!/usr/bin/env bash
# Starts the app N times and prints how long each took from process start to the UI's first
# painted frame (the app logs it when the page reports its second animation frame).
# Usage: scripts/measure-first-paint.sh <binary> [runs]   (wrap in scripts/with-desktop.sh
# when there is no display)
set -euo pipefail

app=${1:?usage: measure-first-paint.sh <binary> [runs]}
runs=${2:-5}
times=()
for run in $(seq "$runs"); do
  home=$(mktemp -d)
  log="$home/app.log"
  HOME=$home XDG_CONFIG_HOME=$home/.config XDG_DATA_HOME=$home/.local/share \
    XDG_CACHE_HOME=$home/.cache RUST_LOG=info setsid "$app" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    grep -q 'first paint' "$log" && break
    sleep 0.05
  done
  # The whole process group: WebKit's helper processes go too, before their HOME is removed.
  kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || :
  wait "$pid" 2>/dev/null || :
  millis=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | sed -n 's/.*first paint.*millis=\([0-9]\+\).*/\1/p' | head -1)
  [[ -n $millis ]] || { echo "run $run: no first paint logged" >&2; cat "$log" >&2; exit 1; }
  times+=("$millis")
  for _ in 1 2 3; do rm -rf "$home" 2>/dev/null && break; sleep 0.2; done
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n)
median=$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")
echo "first paint (ms) over $runs runs: ${times[*]}; median $median"
