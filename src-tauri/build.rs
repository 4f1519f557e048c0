//! The allow-list of the app's commands, from `src/ipc/surface.rs`, where each is named once:
//! the webview can call nothing that a capability does not grant by name.

use std::fmt::Write as _;

/// Reads the command names out of the list; the types are never resolved here.
macro_rules! commands {
    ($( $(#[doc = $doc:literal])* $name:ident ( $( $arg:ident : $ty:ty ),* ) -> $ret:ty ; )*) => {
        const COMMANDS: &[&str] = &[$( stringify!($name) ),*];
    };
}
macro_rules! events {
    ($($anything:tt)*) => {};
}
include!("src/ipc/surface.rs");

/// The permission set the main window's capability grants: every command of the list.
const PERMISSION_SET: &str = "permissions/app-commands.toml";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=src/ipc/surface.rs");
    write_if_changed(PERMISSION_SET, &permission_set())?;
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))?;
    Ok(())
}

fn permission_set() -> String {
    let mut toml = String::from(
        "# Written by build.rs from src/ipc/surface.rs: do not edit.\n\n\
         [[set]]\n\
         identifier = \"allow-app-commands\"\n\
         description = \"Every command of Bankbook's own, as src/ipc/surface.rs lists them.\"\n\
         permissions = [\n",
    );
    for command in COMMANDS {
        let _ = writeln!(toml, "  \"allow-{}\",", command.replace('_', "-"));
    }
    toml.push_str("]\n");
    toml
}

/// Unchanged content is not written again, so the file's time does not trigger rebuilds.
fn write_if_changed(path: &str, content: &str) -> std::io::Result<()> {
    if std::fs::read_to_string(path).is_ok_and(|old| old == content) {
        return Ok(());
    }
    std::fs::write(path, content)
}
