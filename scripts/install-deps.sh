#!/usr/bin/env bash
# Installs what Bankbook needs to build, run and test, and only what is missing:
# Debian/Ubuntu packages (with sudo when not root), the Rust target of the Windows type-check
# and tauri-driver. Elsewhere it prints what to install and stops.
set -euo pipefail

PACKAGES=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config libdbus-1-dev
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools keyutils
  webkit2gtk-driver imagemagick xdg-utils libglib2.0-bin jq desktop-file-utils
  gcc-mingw-w64-x86-64
  libxml2-utils
)
# `make test` type-checks the Windows build from here (MinGW's gcc above is for the build
# scripts that compile C). libxml2-utils' xmllint validates the camt.053 export against its
# schema in the export crate's tests.
WINDOWS_TARGET=x86_64-pc-windows-gnu
NODE_MAJOR_MIN=20

install_debian_packages() {
  local missing=() package
  for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
      missing+=("$package")
  done
  ((${#missing[@]} == 0)) && return
  local sudo=()
  [[ $(id -u) -ne 0 ]] && sudo=(sudo)
  echo "Installing system packages: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

if command -v apt-get >/dev/null && command -v dpkg-query >/dev/null; then
  install_debian_packages
else
  cat >&2 <<MSG
This is not a Debian-like system, so nothing was installed. Bankbook needs the equivalents of:
  ${PACKAGES[*]}
(WebKitGTK 4.1 with its WebDriver, Xvfb, D-Bus, gnome-keyring, ImageMagick), then run make again.
MSG
  command -v WebKitWebDriver >/dev/null || exit 1
fi

if ! command -v node >/dev/null || (($(node -p 'process.versions.node.split(".")[0]') < NODE_MAJOR_MIN)); then
  echo "Bankbook's UI needs Node.js ${NODE_MAJOR_MIN} or newer with npm: install it and run make again." >&2
  exit 1
fi
command -v cargo >/dev/null || { echo "Install Rust (https://rustup.rs) and run make again." >&2; exit 1; }

# Without rustup, the Windows check needs this target's standard library installed another way.
if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx "$WINDOWS_TARGET"; then
  echo "Adding the Rust target $WINDOWS_TARGET (for the Windows type-check)"
  rustup target add "$WINDOWS_TARGET"
fi

# tauri-driver bridges WebDriver to the app. Pinned to 2.x: unpinned, cargo picks a 3.0 alpha.
if ! tauri-driver --help >/dev/null 2>&1; then
  echo "Installing tauri-driver 2"
  cargo install tauri-driver --locked --version '^2'
fi
