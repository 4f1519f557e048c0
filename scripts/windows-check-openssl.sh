#!/usr/bin/env bash
# OpenSSL's headers for the Windows type-check, in one folder: Debian's (platform-neutral in
# /usr/include, the two generated ones in the multiarch folder), and an empty library folder.
# The check compiles SQLCipher's C against them and links nothing, so it needs no OpenSSL built
# for Windows: building the vendored one from source took 7 of the 8.5 minutes a cold check
# took. A real Windows build vendors OpenSSL (src-tauri/crates/store/Cargo.toml).
# Prints the folder; OPENSSL_INCLUDE_DIR is <folder>/include, OPENSSL_LIB_DIR <folder>/lib.
set -euo pipefail

folder="${CARGO_TARGET_DIR:?}/windows-check-openssl"
headers=/usr/include/openssl
generated=/usr/include/$(gcc -print-multiarch)/openssl
[[ -f $headers/opensslv.h && -f $generated/configuration.h ]] || {
  echo "OpenSSL's headers are missing (Debian's libssl-dev): $headers, $generated" >&2
  exit 1
}
mkdir -p "$folder/include/openssl" "$folder/lib"
ln -sf "$headers"/*.h "$generated"/*.h "$folder/include/openssl/"
echo "$folder"
