//! The state file (`Config::state_file`): reading it at start, and rewriting it so that a
//! crash leaves the old file or the new one, never a mix.
//!
//! Format, JSON: `{"version": 2, "clockOffset": {"secs", "nanos"}, "grants": [{"id",
//! "username", "clientId", "accountPlaces", "createdAt", "expiresAt", "revoked",
//! "refreshTokens": [{"sha256", "rotatedAway"}]}]}`. Version 1 had `accounts` (IBANs) where
//! version 2 has `accountPlaces`; it is still read.

use std::ffi::OsString;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::oauth::StoredGrant;

/// The format this build writes.
const VERSION: u32 = 2;
/// The earlier format it still reads.
const READABLE_VERSIONS: [u32; 2] = [1, VERSION];

/// What a restarted bank resumes from.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SavedState {
    version: u32,
    /// How far the bank's clock was ahead of real time: consents keep the age it gave them.
    pub clock_offset: Duration,
    pub grants: Vec<StoredGrant>,
}

impl SavedState {
    pub(crate) fn new(clock_offset: Duration, grants: Vec<StoredGrant>) -> Self {
        Self {
            version: VERSION,
            clock_offset,
            grants,
        }
    }
}

/// The version alone, read first so that a file of another version is named as such rather
/// than as a puzzling shape mismatch.
#[derive(Deserialize)]
struct Version {
    version: u32,
}

/// The state saved at `path`; `None` if there is no file yet, or if it was corrupt and has been
/// set aside.
pub(crate) fn load(path: &Path) -> Result<Option<SavedState>> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(source) => return Err(state_file_error(path, source)),
    };
    match parse(&bytes) {
        Ok(state) => Ok(Some(state)),
        Err(problem) => {
            set_aside(path, &problem.to_string())?;
            Ok(None)
        }
    }
}

/// The state in `bytes`, or `None` with why it cannot be read (for the log).
fn parse(bytes: &[u8]) -> std::result::Result<SavedState, Unreadable> {
    let Version { version } = serde_json::from_slice(bytes).map_err(Unreadable::Json)?;
    if !READABLE_VERSIONS.contains(&version) {
        return Err(Unreadable::Version(version));
    }
    serde_json::from_slice(bytes).map_err(Unreadable::Json)
}

/// Why a state file cannot be read: it is then set aside, not an error of the bank.
#[derive(Debug, thiserror::Error)]
enum Unreadable {
    #[error("not a state file: {0}")]
    Json(serde_json::Error),
    #[error("version {0} is not one of {READABLE_VERSIONS:?}")]
    Version(u32),
}

/// A demo bank must always start: a file it cannot make sense of is kept for a look under
/// `<name>.corrupt` (replacing an older one), and the bank starts without grants.
fn set_aside(path: &Path, problem: &str) -> Result<()> {
    let aside = aside_path(path);
    fs::rename(path, &aside).map_err(|source| state_file_error(path, source))?;
    tracing::warn!(
        path = %path.display(),
        aside = %aside.display(),
        problem,
        "the state file is corrupt: set aside, the bank starts without grants"
    );
    Ok(())
}

/// `<path>.corrupt`, beside it.
fn aside_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(OsString::from).unwrap_or_default();
    name.push(".corrupt");
    path.with_file_name(name)
}

/// Replaces the file at `path` with `state`: written to a temporary file in the same folder,
/// flushed to disk, then renamed over the old one (a rename within a folder is atomic).
pub(crate) fn save(path: &Path, state: &SavedState) -> Result<()> {
    write_atomically(path, state).map_err(|source| state_file_error(path, source))
}

/// The file holds token hashes: for its owner only (`0600`).
fn write_atomically(path: &Path, state: &SavedState) -> io::Result<()> {
    atomic_file::write_atomically(path, &serde_json::to_vec_pretty(state)?, Some(0o600))
}

fn state_file_error(path: &Path, source: io::Error) -> Error {
    Error::StateFile {
        path: path.to_owned(),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_state_is_loaded_back_and_replaces_the_previous_file() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("new-folder").join("state.json");
        assert!(load(&path).unwrap().is_none(), "no file: no state");
        save(&path, &SavedState::new(Duration::from_secs(1), Vec::new())).unwrap();
        save(&path, &SavedState::new(Duration::from_secs(2), Vec::new())).unwrap();
        let loaded = load(&path).unwrap().unwrap();
        assert_eq!(loaded.clock_offset, Duration::from_secs(2));
        let names: Vec<OsString> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        assert_eq!(names, ["state.json"], "no temporary file is left behind");
    }

    #[test]
    fn a_file_of_another_version_or_shape_is_set_aside() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("state.json");
        for content in [
            r#"{"version": 3, "clockOffset": {"secs": 0, "nanos": 0}, "grants": []}"#,
            r#"{"version": 1, "grants": "none"}"#,
            "not json",
        ] {
            fs::write(&path, content).unwrap();
            assert!(load(&path).unwrap().is_none(), "{content}");
            assert!(!path.exists(), "{content}");
            assert_eq!(fs::read_to_string(aside_path(&path)).unwrap(), content);
        }
    }

    #[test]
    fn a_file_that_cannot_be_read_is_an_error() {
        let folder = tempfile::tempdir().unwrap();
        assert!(matches!(load(folder.path()), Err(Error::StateFile { .. })));
    }
}
