//! The layout the areas and residency sections share: one byte string per
//! service, most of them empty, read in place.
//!
//! ```text
//! u64 services, then (services + 1) × u32: where each service's bytes start
//! blob: the services' bytes, back to back
//! ```

use std::sync::OnceLock;

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::format::{read_u32, Reader, Section};

/// Writes a section of `items`' bytes, one per service in service order:
/// `entry` appends an item's bytes, or nothing.
pub(crate) fn write<T>(items: &[T], mut entry: impl FnMut(&T, &mut Vec<u8>)) -> Vec<u8> {
    let mut blob = Vec::new();
    let mut starts = Vec::with_capacity(items.len() + 1);
    for item in items {
        starts.push(blob.len() as u32);
        entry(item, &mut blob);
    }
    starts.push(blob.len() as u32);
    let mut out = Vec::with_capacity(8 + starts.len() * 4 + blob.len());
    out.extend_from_slice(&(items.len() as u64).to_le_bytes());
    for start in starts {
        out.extend_from_slice(&start.to_le_bytes());
    }
    out.extend_from_slice(&blob);
    out
}

/// A section of one byte string per service, opened.
pub(crate) struct PerService {
    starts: OwnedBytes,
    blob: OwnedBytes,
    /// The services whose bytes are not empty, found on first use.
    declaring: OnceLock<Vec<u32>>,
}

impl PerService {
    /// Opens `section` (the bytes of section `which`), which must hold
    /// `services` entries.
    pub(crate) fn open(
        section: &OwnedBytes,
        which: Section,
        services: usize,
    ) -> Result<PerService> {
        let mut reader = Reader::new(which, section.as_slice());
        let count = reader.u64()? as usize;
        if count != services {
            return Err(Error::corrupt(format!(
                "section {}: {count} services do not fit {services}",
                which.name()
            )));
        }
        let at = reader.position();
        let starts = reader.take((count + 1) * 4)?;
        let blob_len = read_u32(starts, count * 4) as usize;
        let blob_at = reader.position();
        reader.take(blob_len)?;
        Ok(PerService {
            starts: section.slice(at..at + (count + 1) * 4),
            blob: section.slice(blob_at..blob_at + blob_len),
            declaring: OnceLock::new(),
        })
    }

    /// The bytes of `service` (empty past the end or when damaged).
    pub(crate) fn bytes(&self, service: u32) -> &[u8] {
        let starts = self.starts.as_slice();
        let at = service as usize * 4;
        if at + 8 > starts.len() {
            return &[];
        }
        let (start, end) = (
            read_u32(starts, at) as usize,
            read_u32(starts, at + 4) as usize,
        );
        self.blob.as_slice().get(start..end).unwrap_or(&[])
    }

    /// The services whose bytes are not empty, in service order.
    pub(crate) fn declaring(&self) -> &[u32] {
        self.declaring.get_or_init(|| {
            let count = self.starts.len() / 4 - 1;
            (0..count as u32)
                .filter(|&s| !self.bytes(s).is_empty())
                .collect()
        })
    }
}

/// The longest prefix of `text` of at most `at` bytes that ends on a
/// character boundary.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}
