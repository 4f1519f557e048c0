#!/usr/bin/env bash
# Runs a command in a private desktop session: an X display (Xvfb when there is none),
# its own D-Bus session bus, and an unlocked gnome-keyring as the Secret Service, with a
# throwaway HOME so nothing touches the user's own keyring, config or data.
#
# With BANKBOOK_SESSION_HOME=<folder> (a headless `make run`), that folder is the HOME instead:
# created when missing and never deleted, so the keyring in it (unlocked again with the same
# password) and the app's data are still there next time. One session at a time may use it.
# With no display, the session's Xvfb takes the first free display from :77 (or
# BANKBOOK_DISPLAY), with its cookie in <folder>/.Xauthority, so another terminal can look at it:
#   XAUTHORITY=<folder>/.Xauthority DISPLAY=:77 import -window root bankbook.png
# and the display, the bus and the keyring are out of Ctrl-C's reach: Ctrl-C goes to the command
# alone, which can close the app while they are still there; they are stopped after it ends.
set -euo pipefail

# The password must not be empty: without one there is no "login" collection and every
# keychain call fails with NoStorageAccess. A kept keyring is unlocked again with it.
KEYRING_PASSWORD=bankbook-test-keyring

# Moves into the session's HOME and starts the unlocked keyring on the session's bus, in a
# session of its own that says its id (keyring_session), so it can be stopped: the daemon
# writes in the HOME until it is.
enter_home() {
  export HOME=$1
  export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"
  eval "$(printf '%s' "$KEYRING_PASSWORD" | setsid sh -c \
    'echo "keyring_session=$$"; exec gnome-keyring-daemon --unlock --components=secrets')"
  export GNOME_KEYRING_CONTROL
}

# Stops the keyring daemon that enter_home started, and waits until it is gone.
stop_keyring() {
  local pid
  [[ -n ${keyring_session:-} ]] || return 0
  for pid in $(pgrep -s "$keyring_session" || true); do kill "$pid" 2>/dev/null || true; done
  for _ in $(seq 50); do pgrep -s "$keyring_session" >/dev/null || return 0; sleep 0.1; done
}

# The kept HOME's session: display, bus and keyring started here, each in a session of its own.
if [[ -n ${BANKBOOK_SESSION_HOME:-} && -z ${BANKBOOK_DESKTOP_SESSION:-} ]]; then
  export BANKBOOK_DESKTOP_SESSION=1
  export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
  mkdir -p "$BANKBOOK_SESSION_HOME"
  BANKBOOK_SESSION_HOME=$(cd "$BANKBOOK_SESSION_HOME" && pwd)
  export BANKBOOK_SESSION_HOME
  exec {session_lock}>"$BANKBOOK_SESSION_HOME/.session.lock"
  if ! flock -n "$session_lock"; then
    echo "Another session is using $BANKBOOK_SESSION_HOME (a make run still open?)." >&2
    exit 1
  fi

  xvfb_pid='' bus_pid='' keyring_session=''
  stop_session() {
    local pid
    stop_keyring
    for pid in "$bus_pid" "$xvfb_pid"; do
      if [[ -n $pid ]]; then kill "$pid" 2>/dev/null || true; fi
    done
  }
  trap stop_session EXIT

  if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    number=${BANKBOOK_DISPLAY:-77}
    while [[ -e /tmp/.X$number-lock || -e /tmp/.X11-unix/X$number ]]; do number=$((number + 1)); done
    export XAUTHORITY="$BANKBOOK_SESSION_HOME/.Xauthority"
    touch "$XAUTHORITY"
    xauth -q -f "$XAUTHORITY" add ":$number" . "$(mcookie)"
    setsid Xvfb ":$number" -screen 0 1280x800x24 -nolisten tcp -auth "$XAUTHORITY" \
      >"$BANKBOOK_SESSION_HOME/.xvfb.log" 2>&1 {session_lock}>&- &
    xvfb_pid=$!
    for _ in $(seq 100); do [[ -S /tmp/.X11-unix/X$number ]] && break; sleep 0.1; done
    if [[ ! -S /tmp/.X11-unix/X$number ]]; then
      echo "Xvfb did not start on :$number (see $BANKBOOK_SESSION_HOME/.xvfb.log)." >&2
      exit 1
    fi
    export DISPLAY=":$number"
  fi

  # --fork: the bus daemon leaves this process group (and the terminal's Ctrl-C) behind.
  { read -r DBUS_SESSION_BUS_ADDRESS && read -r bus_pid; } < <(
    dbus-daemon --session --fork --nopidfile --print-address=1 --print-pid=1 {session_lock}>&-
  )
  export DBUS_SESSION_BUS_ADDRESS
  # The keyring daemon must not hold the lock: closed for it.
  enter_home "$BANKBOOK_SESSION_HOME" {session_lock}>&-

  status=0
  "$@" || status=$?
  exit "$status"
fi

if [[ -z ${BANKBOOK_DESKTOP_SESSION:-} ]]; then
  export BANKBOOK_DESKTOP_SESSION=1
  # The throwaway HOME below would hide the toolchain from rustup: pin it first.
  export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}" RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
  if [[ -z ${DISPLAY:-} && -z ${WAYLAND_DISPLAY:-} ]]; then
    exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$0" "$@"
  fi
  exec dbus-run-session -- "$0" "$@"
fi

session_home=$(mktemp -d -t bankbook-session-XXXXXX)
keyring_session=''
# The keyring first: it would still be writing in the HOME while it is deleted.
trap 'stop_keyring; rm -rf "$session_home"' EXIT
enter_home "$session_home"

"$@"
