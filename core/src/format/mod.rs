//! The `.smx` index file: one little-endian file of 8-byte-aligned sections
//! behind a header with a section table and per-section checksums.
//!
//! ```text
//! offset  size  field
//! 0       8     magic "SMXINDEX"
//! 8       4     format version (u32)
//! 12      4     section count (u32)
//! 16      8     file length in bytes (u64): catches truncation
//! 24      4     CRC-32 of the section table (u32)
//! 28      4     reserved (0)
//! 32      40×n  section table: name (16 bytes, ASCII, NUL-padded), offset (u64),
//!               length (u64), CRC-32 of the section's bytes (u32), reserved (u32)
//! ```
//!
//! Reading never copies: [`Sections`] hands out [`OwnedBytes`] slices of the
//! file, whether it is memory-mapped or in memory.
//!
//! This module is the container only. Each section is a module of its own
//! that owns both its writer and its reader: [`meta`], [`text`] (tantivy's
//! segment files), [`records`], [`hits`], [`geo`], [`filters`],
//! [`gazetteer`], [`vocabulary`], [`categories`], [`hours`], [`areas`] and
//! [`residency`], with the block compression that records and hits share
//! in [`compress`].
//! The builder and the index only assemble them.

pub(crate) mod areas;
pub(crate) mod categories;
pub(crate) mod compress;
pub(crate) mod filters;
pub(crate) mod gazetteer;
pub(crate) mod geo;
pub(crate) mod hits;
pub(crate) mod hours;
pub(crate) mod meta;
#[cfg(feature = "mmap")]
pub(crate) mod mmap;
pub(crate) mod per_service;
pub(crate) mod records;
pub(crate) mod residency;
pub(crate) mod text;
pub(crate) mod vocabulary;

use tantivy::directory::OwnedBytes;

use crate::error::{Error, ErrorKind, Result};

/// The first eight bytes of every index file.
pub const MAGIC: &[u8; 8] = b"SMXINDEX";

/// The format version this build writes and reads; it reads no other.
///
/// Version 2 has one BM25F text field per language; version 3 compresses the
/// records section in blocks (earlier versions stored one uncompressed
/// record per service); version 4 adds the hits section, a small summary
/// of each service from which searches build their hits without decoding
/// full records; version 5 stores the geo section's R-tree, packed, in
/// place of a list of points to build one from, and indexes text in one
/// field with each word's English and French stems; version 6 names the
/// gazetteer section "gazetteer" (it was "gazetter"), in a section table
/// whose names take 16 bytes (they took 8); version 7 adds the vocabulary
/// section and indexes, in the text field, a term for each need of the
/// vocabulary that a service's text names, and the categories section, with
/// a term per category key of each service; version 8 adds the hours
/// section (services' opening hours and time zones, with each zone's
/// rules) and the areas section (where services serve: polygons and postal
/// prefixes), the records' time zone, monthly hours, exceptions and service
/// areas, and the filters' groups, income limits, residency and top-level
/// category; version 9 adds to each hit summary how to reach the service
/// in one line; version 10 adds the residency section (the municipalities
/// and regions whose residents a service serves, with their postal
/// prefixes), and the filters' residency bits read provinces given by name
/// too ("Ontario"); version 11 stores the vocabulary analysed (each
/// phrase's words stemmed, postcard) instead of as text.
pub const FORMAT_VERSION: u32 = 11;

const HEADER_LEN: usize = 32;
const ENTRY_LEN: usize = 40;
/// The longest section name the table holds.
const NAME_LEN: usize = 16;
const MAX_SECTIONS: usize = 64;

/// The sections of an index file, in file order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    /// Metadata (JSON): dataset name, counts, languages, attribution.
    Meta,
    /// Tantivy's segment files, packed.
    Text,
    /// Display records, one per service (postcard, in LZ4-compressed blocks).
    Records,
    /// Hit summaries, one per service: what a hit shows (postcard, each
    /// LZ4-compressed apart).
    Hits,
    /// Service locations.
    Geo,
    /// Per-service filter columns.
    Filters,
    /// Postal codes and place names with coordinates.
    Gazetteer,
    /// The layperson vocabulary the index was built with.
    Vocabulary,
    /// Which words predict which categories.
    Categories,
    /// Opening hours and time zones.
    Hours,
    /// Where services serve: polygons and postal prefixes.
    Areas,
    /// The places (municipalities, regions) whose residents services serve.
    Residency,
}

impl Section {
    /// Every section, in file order.
    pub const ALL: [Section; 12] = [
        Section::Meta,
        Section::Text,
        Section::Records,
        Section::Hits,
        Section::Geo,
        Section::Filters,
        Section::Gazetteer,
        Section::Vocabulary,
        Section::Categories,
        Section::Hours,
        Section::Areas,
        Section::Residency,
    ];

    /// The section's name in the section table.
    pub fn name(self) -> &'static str {
        match self {
            Section::Meta => "meta",
            Section::Text => "text",
            Section::Records => "records",
            Section::Hits => "hits",
            Section::Geo => "geo",
            Section::Filters => "filters",
            Section::Gazetteer => "gazetteer",
            Section::Vocabulary => "vocabulary",
            Section::Categories => "categories",
            Section::Hours => "hours",
            Section::Areas => "areas",
            Section::Residency => "residency",
        }
    }
}

/// One entry of the section table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionInfo {
    /// Section name.
    pub name: String,
    /// Byte offset in the file.
    pub offset: u64,
    /// Length in bytes.
    pub len: u64,
    /// CRC-32 of the section's bytes.
    pub crc32: u32,
}

/// Writes sections into one file image.
pub(crate) fn write_file(sections: &[(Section, Vec<u8>)]) -> Vec<u8> {
    let table_len = ENTRY_LEN * sections.len();
    let mut offset = align8(HEADER_LEN + table_len);
    let mut table = Vec::with_capacity(table_len);
    for (section, bytes) in sections {
        let mut name = [0u8; NAME_LEN];
        name[..section.name().len()].copy_from_slice(section.name().as_bytes());
        table.extend_from_slice(&name);
        table.extend_from_slice(&(offset as u64).to_le_bytes());
        table.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        table.extend_from_slice(&crc32fast::hash(bytes).to_le_bytes());
        table.extend_from_slice(&0u32.to_le_bytes());
        offset = align8(offset + bytes.len());
    }
    let total = offset;
    let mut out = Vec::with_capacity(total);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    out.extend_from_slice(&(total as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(&table).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(&table);
    for (_, bytes) in sections {
        out.resize(align8(out.len()), 0);
        out.extend_from_slice(bytes);
    }
    out.resize(total, 0);
    out
}

pub(crate) fn align8(n: usize) -> usize {
    n.div_ceil(8) * 8
}

/// The sections of an opened file, as zero-copy byte views.
#[derive(Clone)]
pub(crate) struct Sections {
    pub(crate) format_version: u32,
    pub(crate) file_len: u64,
    pub(crate) table: Vec<SectionInfo>,
    bytes: OwnedBytes,
}

impl Sections {
    /// Checks the header and the section table (magic, version, bounds,
    /// table checksum). Work is bounded by the table size, not the file size.
    pub(crate) fn parse(bytes: &OwnedBytes) -> Result<Sections> {
        let data = bytes.as_slice();
        if data.len() < 8 || &data[..8] != MAGIC {
            return Err(Error::new(
                ErrorKind::NotAnIndex,
                "not a servicematch index (bad magic number)",
            ));
        }
        if data.len() < HEADER_LEN {
            return Err(Error::corrupt(format!(
                "index is truncated: {} bytes, the header alone needs {HEADER_LEN}",
                data.len()
            )));
        }
        let version = read_u32(data, 8);
        if version > FORMAT_VERSION {
            return Err(Error::new(
                ErrorKind::UnsupportedVersion,
                format!(
                    "index format version {version} is newer than this servicematch \
                     supports ({FORMAT_VERSION}); upgrade servicematch or rebuild the index"
                ),
            ));
        }
        if version == 0 {
            return Err(Error::corrupt("index format version 0 is not valid"));
        }
        if version < FORMAT_VERSION {
            return Err(Error::new(
                ErrorKind::UnsupportedVersion,
                format!(
                    "index format version {version} is older than this servicematch \
                     reads ({FORMAT_VERSION}); rebuild the index from its source"
                ),
            ));
        }
        let count = read_u32(data, 12) as usize;
        let file_len = read_u64(data, 16);
        if file_len != data.len() as u64 {
            return Err(Error::corrupt(format!(
                "index is truncated or padded: the header says {file_len} bytes, the file has {}",
                data.len()
            )));
        }
        if count > MAX_SECTIONS || HEADER_LEN + count * ENTRY_LEN > data.len() {
            return Err(Error::corrupt(format!(
                "section table of {count} entries does not fit the file"
            )));
        }
        let table_bytes = &data[HEADER_LEN..HEADER_LEN + count * ENTRY_LEN];
        if !checksum_matches(table_bytes, read_u32(data, 24)) {
            return Err(Error::corrupt("section table checksum mismatch"));
        }
        let mut table = Vec::with_capacity(count);
        for entry in table_bytes.chunks_exact(ENTRY_LEN) {
            let name_end = entry[..NAME_LEN]
                .iter()
                .position(|&b| b == 0)
                .unwrap_or(NAME_LEN);
            let name = String::from_utf8_lossy(&entry[..name_end]).into_owned();
            let offset = read_u64(entry, NAME_LEN);
            let len = read_u64(entry, NAME_LEN + 8);
            let crc32 = read_u32(entry, NAME_LEN + 16);
            let end = offset.checked_add(len);
            if !offset.is_multiple_of(8) || end.is_none_or(|end| end > file_len) {
                return Err(Error::corrupt(format!(
                    "section {name} ({len} bytes at {offset}) lies outside the file"
                )));
            }
            table.push(SectionInfo {
                name,
                offset,
                len,
                crc32,
            });
        }
        Ok(Sections {
            format_version: version,
            file_len,
            table,
            bytes: bytes.clone(),
        })
    }

    /// The bytes of one section.
    pub(crate) fn get(&self, section: Section) -> Result<OwnedBytes> {
        let info = self
            .table
            .iter()
            .find(|info| info.name == section.name())
            .ok_or_else(|| Error::corrupt(format!("section {} is missing", section.name())))?;
        let start = info.offset as usize;
        Ok(self.bytes.slice(start..start + info.len as usize))
    }

    /// Checks one section's checksum.
    /// Checks that the bytes between sections (the zero padding that aligns
    /// each to 8 bytes) are zeros, so that no byte of the file goes unchecked.
    pub(crate) fn verify_padding(&self) -> Result<()> {
        let data = self.bytes.as_slice();
        let mut spans: Vec<(u64, u64)> = self
            .table
            .iter()
            .map(|i| (i.offset, i.offset + i.len))
            .collect();
        spans.sort_unstable();
        let table_end = (HEADER_LEN + ENTRY_LEN * self.table.len()) as u64;
        let mut at = table_end;
        for (start, end) in spans
            .into_iter()
            .chain(std::iter::once((self.file_len, self.file_len)))
        {
            if start > at {
                let gap = &data[at as usize..start as usize];
                if gap.iter().any(|&b| b != 0) {
                    return Err(Error::corrupt(format!(
                        "the padding at bytes {at}..{start} is not zeros"
                    )));
                }
            }
            at = at.max(end);
        }
        Ok(())
    }

    pub(crate) fn verify(&self, section: Section) -> Result<()> {
        let info = self
            .table
            .iter()
            .find(|info| info.name == section.name())
            .ok_or_else(|| Error::corrupt(format!("section {} is missing", section.name())))?;
        let bytes = self.get(section)?;
        // tantivy trusts its files (see `open_text`): the text section's
        // checksum holds in fuzzing builds too.
        let intact = match section {
            Section::Text => crc32fast::hash(bytes.as_slice()) == info.crc32,
            _ => checksum_matches(bytes.as_slice(), info.crc32),
        };
        if !intact {
            return Err(Error::corrupt(format!(
                "section {} is corrupt (checksum mismatch)",
                section.name()
            )));
        }
        Ok(())
    }
}

/// Whether `bytes` have the CRC-32 `expected`. Fuzzing builds (`cfg(fuzzing)`,
/// which cargo-fuzz sets) take every checksum but the text section's as
/// matching, so that mutated sections reach servicematch's own readers
/// instead of stopping at the checksum.
fn checksum_matches(bytes: &[u8], expected: u32) -> bool {
    cfg!(fuzzing) || crc32fast::hash(bytes) == expected
}

/// A little-endian reader over a section, with bounds checks that turn
/// truncated or corrupt data into errors.
pub(crate) struct Reader<'a> {
    section: &'static str,
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(section: Section, data: &'a [u8]) -> Reader<'a> {
        Reader {
            section: section.name(),
            data,
            pos: 0,
        }
    }

    pub(crate) fn take(&mut self, len: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(len)
            .filter(|&end| end <= self.data.len());
        let Some(end) = end else {
            return Err(Error::corrupt(format!(
                "section {} is truncated: needs {len} bytes at {}, has {}",
                self.section,
                self.pos,
                self.data.len()
            )));
        };
        let out = &self.data[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    pub(crate) fn u32(&mut self) -> Result<u32> {
        Ok(read_u32(self.take(4)?, 0))
    }

    pub(crate) fn u64(&mut self) -> Result<u64> {
        Ok(read_u64(self.take(8)?, 0))
    }

    /// A count of items of `item_len` bytes that must fit in what is left.
    pub(crate) fn count(&mut self, item_len: usize) -> Result<usize> {
        let count = self.u64()?;
        let left = (self.data.len() - self.pos) as u64;
        if count.saturating_mul(item_len as u64) > left {
            return Err(Error::corrupt(format!(
                "section {} is corrupt: {count} items of {item_len} bytes do not fit in {left}",
                self.section
            )));
        }
        Ok(count as usize)
    }

    pub(crate) fn align8(&mut self) -> Result<()> {
        let aligned = align8(self.pos);
        self.take(aligned - self.pos).map(|_| ())
    }

    pub(crate) fn position(&self) -> usize {
        self.pos
    }
}

pub(crate) fn read_u32(data: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(data[at..at + 4].try_into().expect("4 bytes"))
}

pub(crate) fn read_u64(data: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(data[at..at + 8].try_into().expect("8 bytes"))
}

pub(crate) fn read_f32(data: &[u8], at: usize) -> f32 {
    f32::from_le_bytes(data[at..at + 4].try_into().expect("4 bytes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn image() -> Vec<u8> {
        write_file(&[
            (Section::Meta, b"{}".to_vec()),
            (Section::Text, vec![7; 13]),
        ])
    }

    #[test]
    fn sections_round_trip() {
        let sections = Sections::parse(&OwnedBytes::new(image())).unwrap();
        assert_eq!(sections.get(Section::Meta).unwrap().as_slice(), b"{}");
        assert_eq!(sections.get(Section::Text).unwrap().as_slice(), &[7; 13]);
        sections.verify(Section::Text).unwrap();
        assert!(sections.table.iter().all(|s| s.offset % 8 == 0));
    }

    #[test]
    fn truncation_is_an_error() {
        let mut bytes = image();
        bytes.truncate(bytes.len() - 3);
        let err = Sections::parse(&OwnedBytes::new(bytes)).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::CorruptIndex);
        for len in 0..40 {
            let bytes = image()[..len].to_vec();
            assert!(Sections::parse(&OwnedBytes::new(bytes)).is_err());
        }
    }

    #[test]
    fn newer_version_is_refused() {
        let mut bytes = image();
        bytes[8..12].copy_from_slice(&(FORMAT_VERSION + 1).to_le_bytes());
        let err = Sections::parse(&OwnedBytes::new(bytes)).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::UnsupportedVersion);
    }

    #[test]
    fn older_version_is_refused() {
        let mut bytes = image();
        bytes[8..12].copy_from_slice(&(FORMAT_VERSION - 1).to_le_bytes());
        let err = Sections::parse(&OwnedBytes::new(bytes)).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::UnsupportedVersion);
        assert!(err.to_string().contains("rebuild the index"), "{err}");
    }

    #[test]
    fn flipped_byte_fails_verify() {
        let mut bytes = image();
        let last = bytes.len() - 4;
        bytes[last] ^= 0xFF;
        let sections = Sections::parse(&OwnedBytes::new(bytes)).unwrap();
        let err = sections.verify(Section::Text).unwrap_err();
        assert!(err.to_string().contains("section text"), "{err}");
    }
}
