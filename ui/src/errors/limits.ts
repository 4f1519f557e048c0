/** The fewest characters of a backup's passphrase: Rust refuses fewer (`MIN_PASSPHRASE_CHARS`
 * in src-tauri/crates/app/src/backup.rs); the form says so before asking Rust. */
export const MIN_PASSPHRASE_CHARS = 8;
