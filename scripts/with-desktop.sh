#!/usr/bin/env bash
# Runs a command in a private desktop session: an X display (Xvfb when there is none),
# its own D-Bus session bus, and an unlocked gnome-keyring as the Secret Service, with a
# throwaway HOME so nothing touches the user's own keyring, config or data.
set -euo pipefail

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
trap 'rm -rf "$session_home"' EXIT
export HOME="$session_home"
export XDG_DATA_HOME="$HOME/.local/share" XDG_CONFIG_HOME="$HOME/.config" XDG_CACHE_HOME="$HOME/.cache"

# The password must not be empty: without one there is no "login" collection and every
# keychain call fails with NoStorageAccess.
eval "$(printf 'bankbook-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL

"$@"
