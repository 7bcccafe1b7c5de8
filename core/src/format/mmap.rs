//! Memory-mapping an index file: the one place in the crate with `unsafe`.

#![allow(unsafe_code)]

use std::fs::File;
use std::path::Path;

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};

/// Maps the file at `path` read-only.
///
/// The caller promises what [`crate::Index::open`] documents: the file is not
/// modified or truncated while mapped.
pub(crate) fn map(path: &Path) -> Result<OwnedBytes> {
    let file = File::open(path).map_err(|e| Error::io(path, "cannot open index", e))?;
    let len = file
        .metadata()
        .map_err(|e| Error::io(path, "cannot read metadata of index", e))?
        .len();
    if len == 0 {
        // Mapping an empty file fails on some platforms; an empty file is simply
        // not an index, which `Sections::parse` reports.
        return Ok(OwnedBytes::empty());
    }
    // SAFETY: memmap2 maps the file read-only and shared (MAP_SHARED): the
    // bytes are the file's own pages, not a private copy. Rust may treat
    // them as an immutable `&[u8]` only while nobody writes or truncates the
    // file; another process that writes it changes bytes under us, and one
    // that truncates it makes a read past the new end raise SIGBUS, which
    // kills the process. That is the contract `Index::open` documents (as
    // SQLite and tantivy document theirs), with `Index::from_bytes` as the
    // alternative that copies the file into memory. Our own writer
    // (`IndexBuilder::write`) never changes a file in place: it writes a
    // temporary file and renames it over the old one, which leaves the old
    // pages mapped and intact.
    let mmap = unsafe { memmap2::Mmap::map(&file) }
        .map_err(|e| Error::io(path, "cannot memory-map index", e))?;
    // A search reads a few scattered records, postings and table entries:
    // without this hint the kernel reads ahead around every fault from disk
    // and fills memory with pages no query asked for. (It does not stop
    // Linux from mapping neighbouring pages already in the page cache: on
    // the 1M index each record fetch still adds ~170 KB to the resident
    // set.) Only a hint, so a failure is ignored: reads stay correct.
    #[cfg(unix)]
    let _ = mmap.advise(memmap2::Advice::Random);
    Ok(OwnedBytes::new(mmap))
}
