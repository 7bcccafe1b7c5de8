//! The text section: the files of a built tantivy index, packed, and read
//! through a read-only tantivy [`Directory`] over the section's bytes
//! ([`integrity`] checks what tantivy will read before it reads it).
//!
//! Layout:
//!
//! ```text
//! u64 count, then per file: u64 name length, name (UTF-8), u64 offset, u64 length
//! (offsets relative to the section start), then the files' bytes, 8-byte aligned
//! ```
//!
//! Files are served as slices of the section's bytes: nothing is copied, so the
//! same code serves a memory-mapped file natively and an in-memory file in wasm.
//! Writes fail; locks are no-ops and nothing is watched, because nothing ever
//! changes (this is also what keeps tantivy from sleeping in a thread in wasm).

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::directory::error::{DeleteError, LockError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, OwnedBytes, WatchCallback, WatchHandle, WritePtr,
};

pub(crate) mod integrity;

use crate::error::{Error, Result};
use crate::format::{align8, Reader, Section};

/// Packs tantivy's files into the text section's layout.
pub(crate) fn pack(files: &[(String, Vec<u8>)]) -> Vec<u8> {
    let header_len: usize = 8 + files.iter().map(|(name, _)| 24 + name.len()).sum::<usize>();
    let mut offset = align8(header_len);
    let mut out = Vec::new();
    out.extend_from_slice(&(files.len() as u64).to_le_bytes());
    for (name, bytes) in files {
        out.extend_from_slice(&(name.len() as u64).to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&(offset as u64).to_le_bytes());
        out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        offset = align8(offset + bytes.len());
    }
    for (_, bytes) in files {
        out.resize(align8(out.len()), 0);
        out.extend_from_slice(bytes);
    }
    out
}

/// The packed files of the text section, served read-only.
#[derive(Clone)]
pub(crate) struct PackedDirectory {
    files: Arc<HashMap<PathBuf, OwnedBytes>>,
}

impl std::fmt::Debug for PackedDirectory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PackedDirectory")
            .field("files", &self.files.len())
            .finish()
    }
}

impl PackedDirectory {
    /// Reads the listing at the start of `section`. Work is proportional to
    /// the number of files (a few dozen), not their size.
    pub(crate) fn open(section: &OwnedBytes) -> Result<PackedDirectory> {
        let data = section.as_slice();
        let mut reader = Reader::new(Section::Text, data);
        let count = reader.count(24)?;
        let mut files = HashMap::with_capacity(count);
        for _ in 0..count {
            let name_len = reader.u64()? as usize;
            let name = std::str::from_utf8(reader.take(name_len)?)
                .map_err(|_| Error::corrupt("section text: a file name is not UTF-8"))?
                .to_owned();
            let offset = reader.u64()?;
            let len = reader.u64()?;
            let end = offset
                .checked_add(len)
                .filter(|&end| end <= data.len() as u64);
            let Some(end) = end else {
                return Err(Error::corrupt(format!(
                    "section text: file {name} lies outside the section"
                )));
            };
            files.insert(
                PathBuf::from(name),
                section.slice(offset as usize..end as usize),
            );
        }
        Ok(PackedDirectory {
            files: Arc::new(files),
        })
    }

    fn file(&self, path: &Path) -> Result<&OwnedBytes, OpenReadError> {
        self.files
            .get(path)
            .ok_or_else(|| OpenReadError::FileDoesNotExist(path.to_path_buf()))
    }
}

fn read_only(path: &Path) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("the index is read-only: cannot write {}", path.display()),
    )
}

impl Directory for PackedDirectory {
    fn get_file_handle(&self, path: &Path) -> Result<Arc<dyn FileHandle>, OpenReadError> {
        Ok(Arc::new(self.file(path)?.clone()))
    }

    fn delete(&self, path: &Path) -> Result<(), DeleteError> {
        Err(DeleteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn exists(&self, path: &Path) -> Result<bool, OpenReadError> {
        Ok(self.files.contains_key(path))
    }

    fn open_write(&self, path: &Path) -> Result<WritePtr, OpenWriteError> {
        Err(OpenWriteError::IoError {
            io_error: Arc::new(read_only(path)),
            filepath: path.to_path_buf(),
        })
    }

    fn atomic_read(&self, path: &Path) -> Result<Vec<u8>, OpenReadError> {
        Ok(self.file(path)?.as_slice().to_vec())
    }

    fn atomic_write(&self, path: &Path, _data: &[u8]) -> io::Result<()> {
        Err(read_only(path))
    }

    fn sync_directory(&self) -> io::Result<()> {
        Ok(())
    }

    fn acquire_lock(&self, _lock: &Lock) -> Result<DirectoryLock, LockError> {
        // Nothing writes, so readers need no lock.
        Ok(DirectoryLock::from(Box::new(())))
    }

    fn watch(&self, _callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        Ok(WatchHandle::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_files_read_back() {
        let packed = pack(&[
            ("meta.json".into(), b"{}".to_vec()),
            ("a.idx".into(), vec![1, 2, 3]),
        ]);
        let dir = PackedDirectory::open(&OwnedBytes::new(packed)).unwrap();
        assert_eq!(dir.atomic_read(Path::new("meta.json")).unwrap(), b"{}");
        let slice = dir.open_read(Path::new("a.idx")).unwrap();
        assert_eq!(slice.read_bytes().unwrap().as_slice(), &[1, 2, 3]);
        assert!(dir.open_read(Path::new("missing")).is_err());
        assert!(dir.atomic_write(Path::new("x"), b"").is_err());
    }

    #[test]
    fn garbage_listing_is_an_error() {
        assert!(PackedDirectory::open(&OwnedBytes::new(vec![0xFF; 64])).is_err());
        assert!(PackedDirectory::open(&OwnedBytes::new(vec![1, 0, 0])).is_err());
    }
}
