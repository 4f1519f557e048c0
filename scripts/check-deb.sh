#!/usr/bin/env bash
# Checks the desktop file inside a built .deb: the installed app must receive the callback
# URL (Exec=... %u) and be the handler of its deep-link scheme.
set -euo pipefail

deb=${1:?usage: check-deb.sh <package.deb>}
scheme=$(jq -r '.plugins["deep-link"].desktop.schemes[0]' "$(dirname "$0")/../tauri.conf.json")
unpacked=$(mktemp -d)
trap 'rm -rf "$unpacked"' EXIT
dpkg-deb -x "$deb" "$unpacked"

desktop_files=("$unpacked"/usr/share/applications/*.desktop)
[[ -f ${desktop_files[0]} ]] || { echo "FAIL: no desktop file in $deb" >&2; exit 1; }
desktop=${desktop_files[0]}
failures=0
grep -Eq '^Exec=[^ ]+ %u$' "$desktop" || { echo "FAIL: Exec does not pass the URL (%u)" >&2; failures=$((failures + 1)); }
grep -Eq "^MimeType=(.*;)?x-scheme-handler/${scheme//./\\.}(;.*)?$" "$desktop" ||
  { echo "FAIL: MimeType lacks x-scheme-handler/$scheme" >&2; failures=$((failures + 1)); }
if ((failures)); then
  cat "$desktop" >&2
  exit 1
fi
echo "ok: $(basename "$deb"): $(grep -E '^(Exec|MimeType)=' "$desktop" | tr '\n' ' ')"
