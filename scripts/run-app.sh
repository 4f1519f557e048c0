#!/usr/bin/env bash
# Starts the built app. With no display it runs on a virtual one (Xvfb) and says how to look.
set -euo pipefail

app=${1:?usage: run-app.sh <bankbook binary>}
if [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]; then
  exec "$app"
fi
display=:${BANKBOOK_DISPLAY:-77}
echo "No display: Bankbook runs on the virtual display $display."
echo "See it with: DISPLAY=$display import -window root bankbook.png"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp &
xvfb_pid=$!
trap 'kill $xvfb_pid 2>/dev/null' EXIT
for _ in $(seq 50); do [[ -S /tmp/.X11-unix/X${display#:} ]] && break; sleep 0.1; done
DISPLAY=$display dbus-run-session -- "$app"
