//! What opening a tantivy reader reads, checked before tantivy reads it.
//!
//! tantivy asserts, rather than erring, on some damaged bytes in the parts of
//! a segment that opening reads (an abort in WebAssembly, a panic natively),
//! and opening an index checksums only servicematch's small sections, not
//! the text section. So, before the reader is built:
//! - the small segment files opening reads whole (field norms, fast fields,
//!   the document store) are checked against tantivy's own checksum;
//! - the large ones (terms, postings, positions), of which opening reads only
//!   the table at their end, get that table checked for what tantivy assumes
//!   of it (lengths and offsets inside the file), without reading the rest.
//!
//! Damage past that (inside the postings) is met by the first search, which
//! checks the text section's checksum (`Index::search`).

use std::path::Path;

use tantivy::index::SegmentComponent;
use tantivy::Directory;

use crate::error::{Error, Result};

/// Checks the files a reader opens in every searchable segment of `text`.
///
/// # Errors
/// [`crate::ErrorKind::CorruptIndex`] naming the damaged file.
pub(crate) fn check_opened_files(text: &tantivy::Index) -> Result<()> {
    let directory = text.directory();
    for segment in text.searchable_segment_metas()? {
        for component in [
            SegmentComponent::FieldNorms,
            SegmentComponent::FastFields,
            SegmentComponent::Store,
        ] {
            let path = segment.relative_path(component);
            if !directory.validate_checksum(&path).unwrap_or(false) {
                return Err(damaged(&path));
            }
        }
        for component in [
            SegmentComponent::Terms,
            SegmentComponent::Postings,
            SegmentComponent::Positions,
        ] {
            let path = segment.relative_path(component);
            if !directory.exists(&path).unwrap_or(false) {
                continue;
            }
            let intact = directory
                .open_read(&path)
                .and_then(|file| {
                    file.read_bytes().map_err(|error| {
                        tantivy::directory::error::OpenReadError::wrap_io_error(error, path.clone())
                    })
                })
                .is_ok_and(|bytes| composite_table_is_sound(bytes.as_slice()));
            if !intact {
                return Err(damaged(&path));
            }
        }
    }
    Ok(())
}

fn damaged(path: &Path) -> Error {
    Error::corrupt(format!("section text: file {} is damaged", path.display()))
}

/// Whether the table at the end of a tantivy composite file (u32 table
/// length last; the table: a VInt count, then per part a VInt offset delta,
/// a u32 field and a VInt index) reads without running past its bytes and
/// puts every part inside the file, in order (what `CompositeFile::open`
/// assumes).
fn composite_table_is_sound(file: &[u8]) -> bool {
    let Some(len_at) = file.len().checked_sub(4) else {
        return false;
    };
    let table_len = u32::from_le_bytes(file[len_at..].try_into().expect("4 bytes")) as usize;
    let Some(table_start) = len_at.checked_sub(table_len) else {
        return false;
    };
    let mut table = &file[table_start..len_at];
    let Some(parts) = vint(&mut table) else {
        return false;
    };
    let mut offset: u64 = 0;
    for _ in 0..parts {
        let Some(delta) = vint(&mut table) else {
            return false;
        };
        offset = match offset.checked_add(delta) {
            Some(offset) if offset <= table_start as u64 => offset,
            _ => return false,
        };
        if table.len() < 4 {
            return false;
        }
        table = &table[4..];
        if vint(&mut table).is_none() {
            return false;
        }
    }
    true
}

/// A tantivy VInt (7 bits a byte, the last byte's high bit set), at most 9
/// bytes so that it fits a u64.
fn vint(bytes: &mut &[u8]) -> Option<u64> {
    let mut value = 0u64;
    for (at, &byte) in bytes.iter().enumerate().take(9) {
        value |= u64::from(byte & 0x7f) << (7 * at);
        if byte & 0x80 != 0 {
            *bytes = &bytes[at + 1..];
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composite_tables() {
        // Two parts at offsets 0 and 3 of a 6-byte body, then the table.
        let mut file = vec![1, 2, 3, 4, 5, 6];
        let table = [0x82, 0x80, 0, 0, 0, 0, 0x80, 0x83, 1, 0, 0, 0, 0x80];
        file.extend_from_slice(&table);
        file.extend_from_slice(&(table.len() as u32).to_le_bytes());
        assert!(composite_table_is_sound(&file));
        let mut past_the_body = file.clone();
        past_the_body[7] = 0x87; // the first part at 7, past the 6 bytes
        assert!(!composite_table_is_sound(&past_the_body));
        let mut too_long = file.clone();
        let at = too_long.len() - 4;
        too_long[at] = 200;
        assert!(!composite_table_is_sound(&too_long));
        assert!(!composite_table_is_sound(&[1, 2]));
    }
}
