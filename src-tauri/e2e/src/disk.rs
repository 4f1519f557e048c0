//! A disk that runs full or turns read-only under the app: a small tmpfs mounted over its data
//! folder. Mounting needs root (or `CAP_SYS_ADMIN`), as the CI machine has.

use std::fs::{self, File};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{Error, Result};

/// The app's data folder under `home` (Tauri's app data dir for the app's identifier).
pub fn data_folder(home: &Path) -> PathBuf {
    home.join(".local/share/app.bankbook.desktop")
}

/// A tmpfs mounted at a folder, unmounted when dropped.
#[derive(Debug)]
pub struct SmallDisk {
    mount_point: PathBuf,
}

impl SmallDisk {
    /// Mounts an empty tmpfs of `kibibytes` at `folder` (made if missing), hiding what was there.
    pub fn mount(folder: &Path, kibibytes: u32) -> Result<Self> {
        fs::create_dir_all(folder).map_err(|source| Error::io(folder, source))?;
        let size = format!("size={kibibytes}k,mode=0700");
        run_mount(&[
            "-t",
            "tmpfs",
            "-o",
            &size,
            "tmpfs",
            &folder.to_string_lossy(),
        ])?;
        Ok(Self {
            mount_point: folder.to_owned(),
        })
    }

    /// Makes the disk read-only, or writable again.
    pub fn set_read_only(&self, read_only: bool) -> Result<()> {
        let options = if read_only {
            "remount,ro"
        } else {
            "remount,rw"
        };
        run_mount(&["-o", options, &self.mount_point.to_string_lossy()])
    }

    /// Fills what is left of the disk with a file; removing that file frees the space again.
    pub fn fill(&self) -> Result<PathBuf> {
        let filler = self.mount_point.join("filler");
        let mut file = File::create(&filler).map_err(|source| Error::io(&filler, source))?;
        let block = vec![0_u8; 4096];
        loop {
            match file.write_all(&block).and_then(|()| file.sync_all()) {
                Ok(()) => {}
                Err(error) if error.raw_os_error() == Some(28) => return Ok(filler),
                Err(error) if error.kind() == ErrorKind::StorageFull => return Ok(filler),
                Err(source) => return Err(Error::io(&filler, source)),
            }
        }
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        // Lazily: a process still holding a file there must not keep the test from ending.
        let _ = Command::new("umount")
            .arg("-l")
            .arg(&self.mount_point)
            .status();
    }
}

fn run_mount(arguments: &[&str]) -> Result<()> {
    let output = Command::new("mount")
        .args(arguments)
        .output()
        .map_err(|source| Error::io(Path::new("mount"), source))?;
    if output.status.success() {
        return Ok(());
    }
    Err(Error::Setup(format!(
        "mount {} failed (the storage tests need root to mount a tmpfs): {}",
        arguments.join(" "),
        String::from_utf8_lossy(&output.stderr).trim()
    )))
}
