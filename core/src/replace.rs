//! Replacing a file so that no crash, kill or full disk ever leaves a
//! partial one in its place: the bytes go to a temporary file beside it,
//! are flushed to disk, and the temporary file is renamed over the target
//! (an atomic step on one file system); then the folder is flushed so the
//! rename itself survives a power cut.
//!
//! The temporary file is named after the target, `.NAME.XXXXXX.tmp`
//! (`.directory.smx.k3Yb9Q.tmp` for `directory.smx`), so that it is
//! recognisable. It is removed on every error; one left behind by a
//! process killed mid-write (SIGKILL, a power cut) is removed by the next
//! replacement of the same target. On Unix each writer holds an exclusive
//! `flock` on its temporary file, and only unlocked ones are removed, so a
//! concurrent writer's file is never taken from under it.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, ErrorKind, Result};

/// Writes `bytes` to `path`, replacing any file there atomically.
///
/// # Errors
/// [`ErrorKind::Io`](crate::ErrorKind::Io) naming `path` (and the temporary
/// file, when the error came from writing it): the folder is missing or not
/// writable, the disk is full, the file size limit is reached. The file
/// at `path`, if any, is then left as it was and no temporary file remains.
pub(crate) fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let prefix = temp_prefix(path);
    remove_stale(&dir, &prefix);
    let mut temp = locked_temp(&dir, &prefix)?;
    let failed = |temp: &tempfile::NamedTempFile, e| {
        let message = format!(
            "cannot write {} (through the temporary file {}, now removed)",
            path.display(),
            temp.path().display()
        );
        Error::new(ErrorKind::Io, message).with_source(e)
    };
    if let Err(e) = temp
        .write_all(bytes)
        .and_then(|()| temp.as_file().sync_all())
    {
        // Dropping `temp` removes the temporary file.
        return Err(failed(&temp, e));
    }
    temp.persist(path)
        .map_err(|e| Error::io(path, "cannot replace", e.error))?;
    sync_dir(&dir);
    Ok(())
}

/// `.NAME.`: what the temporary files of `path` start with.
fn temp_prefix(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "index".into());
    format!(".{name}.")
}

const TEMP_SUFFIX: &str = ".tmp";
/// The random part of a temporary file's name, in characters.
const TEMP_RANDOM: usize = 6;

/// Whether `name` is one of the temporary files that start with `prefix`.
fn is_temp_name(name: &str, prefix: &str) -> bool {
    name.strip_prefix(prefix)
        .and_then(|rest| rest.strip_suffix(TEMP_SUFFIX))
        .is_some_and(|random| {
            random.len() == TEMP_RANDOM && random.bytes().all(|b| b.is_ascii_alphanumeric())
        })
}

/// A new temporary file in `dir`, locked (on Unix) against [`remove_stale`].
fn locked_temp(dir: &Path, prefix: &str) -> Result<tempfile::NamedTempFile> {
    for _ in 0..8 {
        let temp = tempfile::Builder::new()
            .prefix(prefix)
            .suffix(TEMP_SUFFIX)
            .rand_bytes(TEMP_RANDOM)
            .tempfile_in(dir)
            .map_err(|e| Error::io(dir, "cannot create a temporary file in", e))?;
        if lock(temp.as_file(), true) && still_named(&temp) {
            return Ok(temp);
        }
        // Another build's cleanup removed it between its creation and the
        // lock: take a new one.
    }
    Err(Error::io(
        dir,
        "cannot keep a temporary file in",
        std::io::Error::other("removed by another process as soon as created"),
    ))
}

/// Removes the temporary files of `prefix` in `dir` that no live process
/// holds: those left by a writer that was killed. Best effort: a file that
/// cannot be opened or removed stays.
fn remove_stale(dir: &Path, prefix: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if !name.to_str().is_some_and(|n| is_temp_name(n, prefix)) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = File::open(&path) else {
            continue;
        };
        if lock(&file, false) {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Takes an exclusive advisory lock on `file`, waiting for it when `wait`;
/// whether it was taken. Held until the file is closed.
#[cfg(unix)]
fn lock(file: &File, wait: bool) -> bool {
    use rustix::fs::{flock, FlockOperation};
    let operation = if wait {
        FlockOperation::LockExclusive
    } else {
        FlockOperation::NonBlockingLockExclusive
    };
    flock(file, operation).is_ok()
}

/// Without `flock`, a file open in another process cannot be removed
/// (Windows), which keeps a live writer's file.
#[cfg(not(unix))]
fn lock(_file: &File, _wait: bool) -> bool {
    true
}

/// Whether the temporary file's path still names the file it opened.
#[cfg(unix)]
fn still_named(temp: &tempfile::NamedTempFile) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(temp.path()), temp.as_file().metadata()) {
        (Ok(named), Ok(open)) => (named.dev(), named.ino()) == (open.dev(), open.ino()),
        _ => false,
    }
}

#[cfg(not(unix))]
fn still_named(temp: &tempfile::NamedTempFile) -> bool {
    temp.path().exists()
}

/// Flushes the folder's entries, so that the rename is on disk. Best
/// effort: some file systems cannot sync a folder, and the data is already
/// safe under one of the two names.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.smx");
        replace_file(&path, b"one").unwrap();
        replace_file(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["d.smx"]);
    }

    #[test]
    fn a_killed_writer_s_file_goes_a_live_writer_s_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("d.smx");
        let stale = dir.path().join(".d.smx.AbC123.tmp");
        std::fs::write(&stale, b"partial").unwrap();
        // Another target's and an unrelated file are not touched.
        let other = dir.path().join(".e.smx.AbC123.tmp");
        let unrelated = dir.path().join(".d.smx.notes.tmp");
        std::fs::write(&other, b"x").unwrap();
        std::fs::write(&unrelated, b"x").unwrap();
        let live = locked_temp(dir.path(), ".d.smx.").unwrap();
        replace_file(&path, b"one").unwrap();
        assert!(!stale.exists(), "a stale temporary file is removed");
        assert!(other.exists() && unrelated.exists());
        assert!(
            live.path().exists(),
            "a temporary file another writer holds stays"
        );
    }

    #[test]
    fn temporary_names() {
        assert!(is_temp_name(".d.smx.k3Yb9Q.tmp", ".d.smx."));
        assert!(!is_temp_name(".d.smx.k3Yb9.tmp", ".d.smx."));
        assert!(!is_temp_name("d.smx", ".d.smx."));
        assert_eq!(temp_prefix(Path::new("a/b/d.smx")), ".d.smx.");
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/d.smx");
        let error = replace_file(&path, b"one").unwrap_err();
        assert!(error.to_string().contains("missing"), "{error}");
    }
}
