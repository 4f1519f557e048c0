//! A gnome-keyring of a test's own, on a bus of its own: a fresh install's keychain (nothing
//! of the desktop session's in it), which the test can lock and unlock.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use crate::{BareBus, Error, Result};

/// Unlocks the keyring's login collection; any non-empty password makes one.
const PASSWORD: &str = "private-keyring";

/// A running keyring with its bus and its own folder, all stopped when dropped (the daemon
/// quits with its bus).
#[derive(Debug)]
pub struct PrivateKeyring {
    bus: BareBus,
    home: tempfile::TempDir,
}

impl PrivateKeyring {
    pub fn start() -> Result<Self> {
        let keyring = Self {
            bus: BareBus::start()?,
            home: tempfile::tempdir().map_err(|source| Error::io(Path::new("tempdir"), source))?,
        };
        keyring.unlock()?;
        Ok(keyring)
    }

    /// The app's environment for this keychain.
    pub fn env(&self) -> (&'static str, &str) {
        ("DBUS_SESSION_BUS_ADDRESS", self.bus.address())
    }

    /// Locks the login collection, as the session's screen lock or the person may.
    pub fn lock(&self) -> Result<()> {
        let status = Command::new("dbus-send")
            .env("DBUS_SESSION_BUS_ADDRESS", self.bus.address())
            .args([
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.secrets",
                "/org/freedesktop/secrets",
                "org.freedesktop.Secret.Service.Lock",
                "array:objpath:/org/freedesktop/secrets/collection/login",
            ])
            .stdout(Stdio::null())
            .status()
            .map_err(|source| Error::io(Path::new("dbus-send"), source))?;
        if !status.success() {
            return Err(Error::Setup(format!("locking the keyring: {status}")));
        }
        Ok(())
    }

    /// Replaces the keyring with an empty one, as a keychain reset or another computer's
    /// would be: everything in it, the store's key too, is gone.
    pub fn wipe(&self) -> Result<()> {
        let keyrings = self.home.path().join(".local/share/keyrings");
        std::fs::remove_dir_all(&keyrings).map_err(|source| Error::io(&keyrings, source))?;
        self.unlock()
    }

    /// Starts the daemon, or replaces the running one, unlocked with the password: what signing
    /// in does.
    pub fn unlock(&self) -> Result<()> {
        let home = self.home.path();
        let mut daemon = Command::new("gnome-keyring-daemon")
            .args(["--unlock", "--replace", "--components=secrets"])
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_RUNTIME_DIR", home)
            .env("DBUS_SESSION_BUS_ADDRESS", self.bus.address())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|source| Error::io(Path::new("gnome-keyring-daemon"), source))?;
        if let Some(mut stdin) = daemon.stdin.take() {
            stdin
                .write_all(PASSWORD.as_bytes())
                .map_err(|source| Error::io(Path::new("gnome-keyring-daemon"), source))?;
        }
        // The first process hands over to the daemon it forks, and exits once that is ready.
        let status = daemon
            .wait()
            .map_err(|source| Error::io(Path::new("gnome-keyring-daemon"), source))?;
        if !status.success() {
            return Err(Error::Setup(format!("gnome-keyring-daemon: {status}")));
        }
        Ok(())
    }
}
