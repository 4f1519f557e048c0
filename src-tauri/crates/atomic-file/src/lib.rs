//! Replaces a file whole or not at all. A crash, a full disk or a failed write midway leaves the
//! old file as it was, never half of the new one: the bytes go to a temporary file in the same
//! folder (a rename does not cross file systems), reach the disk, get their permissions, and
//! only then take the file's name in one step.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

/// Writes `bytes` to `path`, replacing any file there atomically.
///
/// `mode` sets the file's Unix permissions (e.g. `0o600`) before it takes the name, so the file
/// is never visible under its name with other permissions. With `None` the file keeps the
/// temporary file's own permissions: `0o600`, owner only. Windows has no such modes: the file
/// inherits its folder's access control list there, and `mode` is ignored.
///
/// A missing folder is created (`0o700` on Unix: only folders for the owner are made here).
pub fn write_atomically(path: &Path, bytes: &[u8], mode: Option<u32>) -> io::Result<()> {
    create_folder(folder_of(path))?;
    let mut writer = AtomicWriter::create(path, mode)?;
    writer.write_all(bytes)?;
    writer.commit()
}

/// A file written as a stream that replaces `target` whole or not at all: for files too large
/// to hold in memory first (an export of the whole history).
///
/// The bytes go, buffered, to a temporary file beside the target. [`commit`](Self::commit)
/// puts them on the disk and renames the file over the target; a writer dropped without a
/// commit (an error midway, a cancelled export) removes its temporary file, and the target is
/// left as it was.
#[derive(Debug)]
pub struct AtomicWriter {
    file: BufWriter<NamedTempFile>,
    target: PathBuf,
    mode: Option<u32>,
}

impl AtomicWriter {
    /// Starts a file that will replace `target`. Its folder must exist. `mode` is as for
    /// [`write_atomically`]: `None` leaves the file for its owner only on Unix.
    pub fn create(target: &Path, mode: Option<u32>) -> io::Result<Self> {
        let file = tempfile::Builder::new()
            .prefix(".")
            .suffix(".tmp")
            .tempfile_in(folder_of(target))?;
        Ok(Self {
            file: BufWriter::new(file),
            target: target.to_owned(),
            mode,
        })
    }

    /// Flushes what is buffered, makes it durable, and renames the file over the target (then
    /// makes the rename durable too). On an error the temporary file is removed and the target
    /// is left as it was.
    pub fn commit(self) -> io::Result<()> {
        let file = self
            .file
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        set_mode(file.as_file(), self.mode)?;
        file.as_file().sync_all()?;
        // A failed rename deletes the temporary file.
        file.persist(&self.target).map_err(|error| error.error)?;
        sync_folder(folder_of(&self.target));
        Ok(())
    }
}

impl Write for AtomicWriter {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.file.write(bytes)
    }

    fn write_all(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// The folder a bare file name lives in is the current one.
fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|folder| !folder.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

#[cfg(unix)]
fn create_folder(folder: &Path) -> io::Result<()> {
    use std::os::unix::fs::DirBuilderExt;
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(folder)
}

#[cfg(not(unix))]
fn create_folder(folder: &Path) -> io::Result<()> {
    fs::create_dir_all(folder)
}

#[cfg(unix)]
fn set_mode(file: &fs::File, mode: Option<u32>) -> io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    match mode {
        Some(mode) => file.set_permissions(fs::Permissions::from_mode(mode)),
        None => Ok(()),
    }
}

/// Windows has no permission bits to set: see [`write_atomically`].
#[cfg(not(unix))]
fn set_mode(_file: &fs::File, _mode: Option<u32>) -> io::Result<()> {
    Ok(())
}

/// Makes the rename itself durable. Best effort: the new file is in place already, so failing
/// now would report a write that happened; and some file systems cannot sync a folder.
#[cfg(unix)]
fn sync_folder(folder: &Path) {
    if let Err(error) = fs::File::open(folder).and_then(|folder| folder.sync_all()) {
        tracing::debug!(%error, "the folder was not synced after a rename");
    }
}

/// Windows cannot open a folder as a file; its renames are made durable by the file system.
#[cfg(not(unix))]
fn sync_folder(_folder: &Path) {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names in `folder`, sorted.
    fn names(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_a_new_file_and_replaces_an_old_one() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("banks.toml");

        write_atomically(&path, b"first", None).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"first");
        write_atomically(&path, b"second, longer", None).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second, longer");
        write_atomically(&path, b"", None).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"");

        // No temporary file is left behind.
        assert_eq!(names(folder.path()), ["banks.toml"]);
    }

    #[test]
    fn creates_a_missing_folder() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("config").join("app").join("banks.toml");
        write_atomically(&path, b"text", None).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"text");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_litter() {
        let folder = tempfile::tempdir().unwrap();
        // A folder where the file should be: the rename over it fails.
        let path = folder.path().join("banks.toml");
        fs::create_dir(&path).unwrap();
        fs::write(path.join("inside"), b"kept").unwrap();

        assert!(write_atomically(&path, b"new", None).is_err());

        assert_eq!(fs::read(path.join("inside")).unwrap(), b"kept");
        assert_eq!(names(folder.path()), ["banks.toml"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_gets_the_mode_asked_for() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("banks.toml");
        let mode = |path: &Path| fs::metadata(path).unwrap().permissions().mode() & 0o777;

        write_atomically(&path, b"private", None).unwrap();
        assert_eq!(mode(&path), 0o600);

        // An old file readable by everyone is replaced by one for its owner only.
        fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
        write_atomically(&path, b"private", Some(0o600)).unwrap();
        assert_eq!(mode(&path), 0o600);

        write_atomically(&path, b"shared", Some(0o640)).unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_created_folder_is_for_its_owner_only() {
        use std::os::unix::fs::PermissionsExt;
        let folder = tempfile::tempdir().unwrap();
        let created = folder.path().join("config");
        write_atomically(&created.join("banks.toml"), b"text", None).unwrap();
        let mode = fs::metadata(&created).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o700);
    }

    #[test]
    fn a_committed_writer_replaces_the_target() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("export.csv");
        fs::write(&path, b"old").unwrap();

        let mut writer = AtomicWriter::create(&path, None).unwrap();
        for line in 0..10_000 {
            writeln!(writer, "line {line}").unwrap();
        }
        // Nothing replaces the old file before the commit.
        assert_eq!(fs::read(&path).unwrap(), b"old");
        writer.commit().unwrap();

        let text = fs::read_to_string(&path).unwrap();
        assert_eq!(text.lines().count(), 10_000);
        assert!(text.ends_with("line 9999\n"));
        assert_eq!(names(folder.path()), ["export.csv"]);
    }

    #[test]
    fn a_writer_dropped_without_a_commit_leaves_nothing() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("export.csv");

        let mut writer = AtomicWriter::create(&path, None).unwrap();
        writer.write_all(&vec![b'x'; 100_000]).unwrap();
        writer.flush().unwrap();
        assert_eq!(
            names(folder.path()).len(),
            1,
            "the temporary file is being written"
        );
        drop(writer);

        assert!(names(folder.path()).is_empty());
    }

    #[test]
    fn a_failed_write_midway_leaves_the_old_file_and_no_litter() {
        /// Writes half of the rows, then fails as a full disk would.
        fn export(path: &Path) -> io::Result<()> {
            let mut writer = AtomicWriter::create(path, None)?;
            for row in 0..100 {
                if row == 50 {
                    return Err(io::Error::from(io::ErrorKind::StorageFull));
                }
                writeln!(writer, "row {row}")?;
            }
            writer.commit()
        }
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("export.csv");
        fs::write(&path, b"old").unwrap();

        assert!(export(&path).is_err());

        assert_eq!(fs::read(&path).unwrap(), b"old");
        assert_eq!(names(folder.path()), ["export.csv"]);
    }

    #[test]
    fn a_failed_commit_leaves_no_litter() {
        let folder = tempfile::tempdir().unwrap();
        // A folder where the file should be: the rename over it fails.
        let path = folder.path().join("export.csv");
        fs::create_dir(&path).unwrap();

        let mut writer = AtomicWriter::create(&path, None).unwrap();
        writer.write_all(b"rows").unwrap();
        assert!(writer.commit().is_err());

        assert_eq!(names(folder.path()), ["export.csv"]);
        assert!(names(&path).is_empty());
    }

    #[test]
    fn a_writer_needs_its_folder() {
        let folder = tempfile::tempdir().unwrap();
        let path = folder.path().join("missing").join("export.csv");
        let error = AtomicWriter::create(&path, None).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn a_bare_file_name_lives_in_the_current_folder() {
        assert_eq!(folder_of(Path::new("banks.toml")), Path::new("."));
        assert_eq!(folder_of(Path::new("/etc/banks.toml")), Path::new("/etc"));
    }
}
