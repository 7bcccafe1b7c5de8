//! Display records: the whole [`Service`] of each service, stored compactly
//! and decoded only when a caller asks for one ([`crate::Index::service`],
//! a result card). Searches build their hits from the smaller summaries of
//! [`hits`](super::hits).
//!
//! Each record is encoded with postcard. Runs of [`BLOCK_RECORDS`]
//! consecutive records form a block, and each block is compressed with LZ4
//! against a dictionary shared by the whole section: a sample of the records
//! themselves, so that the phrases every record repeats (field layouts,
//! "Monday to Friday", organisation names, eligibility boilerplate) cost a
//! two-byte back-reference even in the first record of a block. Fetching one
//! record decompresses one small block; nothing is decompressed at open.
//!
//! Section layout (little-endian):
//!
//! ```text
//! u64                record count
//! u32                records per block (≥ 1)
//! u32                dictionary length in bytes (≤ 65,536)
//! u64 × (blocks + 1) offsets of the blocks in the block data,
//!                    blocks = ⌈count / records per block⌉
//! dictionary         then zero padding to a multiple of 8
//! block data         the blocks, back to back
//! ```
//!
//! A block is a `u32` uncompressed length followed by an LZ4 block
//! (`lz4_flex::block`) compressed with the dictionary. Uncompressed, a block
//! of `n` records is `u32 × n` end offsets of its records (relative to the
//! first record) followed by the postcard records, back to back.

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::format::compress::{self, DICTIONARY_LEN, MAX_RECORD_LEN};
use crate::format::{read_u32, read_u64, Reader, Section};
use crate::model::Service;

/// Records per compressed block. Fewer decompresses less per fetched record;
/// more compresses better. The shared dictionary already captures most of
/// what records have in common, so large blocks gain little and cost every
/// fetch. Measured on the generator's 60k directory (1,040 bytes per record
/// uncompressed, 3.5–5 µs per fetch): blocks of 1 store 361 bytes per record
/// (4.8 µs per fetch), of 2 store 329 (5.6 µs), of 4 store 310 (7.2 µs);
/// blocks of 32 without a dictionary would store 384 and take some 40 µs to
/// decompress.
pub(crate) const BLOCK_RECORDS: usize = 2;

/// Why a service cannot be stored: its record or its hit summary is longer
/// than [`MAX_RECORD_LEN`], the most a reader decompresses. `None` when it fits.
pub(crate) fn too_large(service: &Service) -> Option<String> {
    let record = postcard::to_allocvec(service)
        .expect("a service always serialises")
        .len();
    let summary = super::hits::summary_len(service);
    let (what, len) = if record >= summary {
        ("record", record)
    } else {
        ("hit summary", summary)
    };
    (len > MAX_RECORD_LEN).then(|| {
        format!("its {what} takes {len} bytes, more than the {MAX_RECORD_LEN} an index holds")
    })
}

/// Writes the records section.
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when a record
/// is longer than [`MAX_RECORD_LEN`] (the builder rejects those first).
pub(crate) fn write(services: &[Service]) -> Result<Vec<u8>> {
    write_with(services, BLOCK_RECORDS)
}

/// Writes the records section with `block_records` records per block.
fn write_with(services: &[Service], block_records: usize) -> Result<Vec<u8>> {
    assert!(block_records > 0, "a block holds at least one record");
    let encoded: Vec<Vec<u8>> = services
        .iter()
        .map(|service| postcard::to_allocvec(service).expect("a service always serialises"))
        .collect();
    if let Some((service, record)) = services
        .iter()
        .zip(&encoded)
        .find(|(_, record)| record.len() > MAX_RECORD_LEN)
    {
        return Err(Error::new(
            crate::ErrorKind::InvalidInput,
            format!(
                "service {}: its record takes {} bytes, more than the {MAX_RECORD_LEN} an index holds",
                service.id,
                record.len()
            ),
        ));
    }
    let dictionary = compress::dictionary(&encoded);
    let mut data = Vec::new();
    let mut offsets = Vec::with_capacity(encoded.len().div_ceil(block_records) + 1);
    let mut raw = Vec::new();
    for block in encoded.chunks(block_records) {
        raw.clear();
        let mut end = 0u32;
        for record in block {
            end += u32::try_from(record.len()).expect("a record is under 4 GiB");
            raw.extend_from_slice(&end.to_le_bytes());
        }
        for record in block {
            raw.extend_from_slice(record);
        }
        offsets.push(data.len() as u64);
        let raw_len = u32::try_from(raw.len()).expect("a block is under 4 GiB");
        data.extend_from_slice(&raw_len.to_le_bytes());
        compress::append(&raw, &dictionary, &mut data);
    }
    offsets.push(data.len() as u64);

    let mut out = Vec::with_capacity(16 + offsets.len() * 8 + dictionary.len() + data.len());
    out.extend_from_slice(&(services.len() as u64).to_le_bytes());
    out.extend_from_slice(&(block_records as u32).to_le_bytes());
    out.extend_from_slice(&(dictionary.len() as u32).to_le_bytes());
    for offset in offsets {
        out.extend_from_slice(&offset.to_le_bytes());
    }
    out.extend_from_slice(&dictionary);
    out.resize(crate::format::align8(out.len()), 0);
    out.extend_from_slice(&data);
    Ok(out)
}

/// The records, read in place.
pub(crate) struct Records {
    count: usize,
    block_records: usize,
    /// `u64 × (blocks + 1)` offsets into `data`.
    offsets: OwnedBytes,
    dictionary: OwnedBytes,
    data: OwnedBytes,
}

impl Records {
    /// Reads the section's tables. Work is bounded by the size of the tables,
    /// not by the number of records: no block is decompressed.
    pub(crate) fn open(section: &OwnedBytes) -> Result<Records> {
        let mut reader = Reader::new(Section::Records, section.as_slice());
        let count = reader.u64()?;
        let block_records = reader.u32()? as usize;
        let dictionary_len = reader.u32()? as usize;
        if block_records == 0 {
            return Err(Error::corrupt(
                "section records is corrupt: 0 records per block",
            ));
        }
        if dictionary_len > DICTIONARY_LEN {
            return Err(Error::corrupt(format!(
                "section records is corrupt: a dictionary of {dictionary_len} bytes \
                 exceeds {DICTIONARY_LEN}"
            )));
        }
        let count = usize::try_from(count)
            .map_err(|_| Error::corrupt(format!("section records: {count} records")))?;
        let blocks = count.div_ceil(block_records);
        let at = reader.position();
        let table_len = blocks
            .checked_add(1)
            .and_then(|n| n.checked_mul(8))
            .ok_or_else(|| Error::corrupt(format!("section records: {count} records")))?;
        reader.take(table_len)?;
        let dictionary_at = reader.position();
        reader.take(dictionary_len)?;
        let dictionary_end = reader.position();
        reader.align8()?;
        let data_at = reader.position();
        Ok(Records {
            count,
            block_records,
            offsets: section.slice(at..dictionary_at),
            dictionary: section.slice(dictionary_at..dictionary_end),
            data: section.slice(data_at..section.len()),
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// Decodes the record of service `service`, decompressing its block.
    pub(crate) fn get(&self, service: u32) -> Result<Service> {
        let i = service as usize;
        if i >= self.count {
            return Err(Error::corrupt(format!("record {i} does not exist")));
        }
        let block = i / self.block_records;
        let raw = self.block(block, i)?;
        let first = block * self.block_records;
        let n = self.block_records.min(self.count - first);
        let k = i - first;
        let corrupt = |what: &str| {
            Error::corrupt(format!(
                "section records: record {i} (block {block}) {what}"
            ))
        };
        // `raw` holds at least the `n` end offsets (`n * 4` bytes, no
        // overflow): checked by `block`.
        let (ends, records) = raw.split_at(n * 4);
        let start = if k == 0 {
            0
        } else {
            read_u32(ends, (k - 1) * 4)
        } as usize;
        let end = read_u32(ends, k * 4) as usize;
        let bytes = records
            .get(start..end)
            .ok_or_else(|| corrupt("is out of bounds"))?;
        postcard::from_bytes(bytes).map_err(|e| corrupt("cannot be decoded").with_source(e))
    }

    /// Decompresses block `block` (on the way to record `record`, named in
    /// errors) and checks that it holds its table of record offsets.
    fn block(&self, block: usize, record: usize) -> Result<Vec<u8>> {
        let corrupt = |what: String| {
            Error::corrupt(format!(
                "section records: record {record} (block {block}) {what}"
            ))
        };
        let offsets = self.offsets.as_slice();
        let start = read_u64(offsets, block * 8);
        let end = read_u64(offsets, block * 8 + 8);
        let compressed = usize::try_from(start)
            .ok()
            .zip(usize::try_from(end).ok())
            .and_then(|(start, end)| self.data.as_slice().get(start..end))
            .filter(|bytes| bytes.len() >= 4)
            .ok_or_else(|| corrupt(format!("lies out of bounds ({start}..{end})")))?;
        let (len, compressed) = compressed.split_at(4);
        let len = read_u32(len, 0) as usize;
        let n = self
            .block_records
            .min(self.count - block * self.block_records);
        if len < n.saturating_mul(4) {
            return Err(corrupt(format!(
                "has an impossible length ({len} bytes from {})",
                compressed.len()
            )));
        }
        let mut raw = Vec::new();
        compress::decompress(compressed, len, self.dictionary.as_slice(), &mut raw)
            .map_err(|e| e.context(corrupt))?;
        Ok(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::model::Organization;

    fn services(n: usize) -> Vec<Service> {
        (0..n)
            .map(|i| Service {
                id: format!("s{i:04}"),
                name: format!("Community Food Bank {i}"),
                description: Some(format!(
                    "Emergency food hampers for families in need, service {i}. \
                     Open Monday to Friday."
                )),
                organization: (i % 3 == 0).then(|| Organization {
                    name: format!("Organisation {}", i / 3),
                    ..Default::default()
                }),
                ..Default::default()
            })
            .collect()
    }

    fn open(section: Vec<u8>) -> Result<Records> {
        Records::open(&OwnedBytes::new(section))
    }

    #[test]
    fn every_record_round_trips_at_every_block_size() {
        for n in [1, 2, 7, 8, 9, 33] {
            let services = services(n);
            for block_records in [1, 3, 8, 64] {
                let records = open(write_with(&services, block_records).unwrap()).unwrap();
                assert_eq!(records.len(), n);
                for (i, service) in services.iter().enumerate() {
                    assert_eq!(
                        &records.get(i as u32).unwrap(),
                        service,
                        "{n} {block_records}"
                    );
                }
                let err = records.get(n as u32).unwrap_err();
                assert_eq!(err.kind(), ErrorKind::CorruptIndex);
            }
        }
    }

    #[test]
    fn compresses_repetitive_records() {
        let services = services(200);
        let plain: usize = services
            .iter()
            .map(|s| postcard::to_allocvec(s).unwrap().len())
            .sum();
        let section = write(&services).unwrap();
        assert!(section.len() * 2 < plain, "{} vs {plain}", section.len());
    }

    #[test]
    fn truncated_section_is_an_error_at_open_or_fetch() {
        let services = services(20);
        let section = write_with(&services, 4).unwrap();
        for len in 0..section.len() {
            let Ok(records) = open(section[..len].to_vec()) else {
                continue;
            };
            for i in 0..services.len() as u32 {
                if let Err(err) = records.get(i) {
                    assert_eq!(err.kind(), ErrorKind::CorruptIndex);
                }
            }
        }
        for len in 0..16 {
            assert!(open(section[..len].to_vec()).is_err());
        }
    }

    #[test]
    fn corrupt_block_names_the_section_and_record() {
        let services = services(20);
        let section = write_with(&services, 4).unwrap();
        let mut damaged_somewhere = false;
        // Flip every byte of the block data in turn: never a panic; an error
        // names the record; a fetch that succeeds returns some record.
        let data_at = section.len() - open(section.clone()).unwrap().data.len();
        for at in data_at..section.len() {
            let mut bytes = section.clone();
            bytes[at] ^= 0xA5;
            let records = open(bytes).unwrap();
            for i in 0..services.len() as u32 {
                match records.get(i) {
                    Ok(_) => {}
                    Err(err) => {
                        damaged_somewhere = true;
                        assert_eq!(err.kind(), ErrorKind::CorruptIndex);
                        let message = err.to_string();
                        assert!(
                            message.starts_with(&format!("section records: record {i} ")),
                            "{message}"
                        );
                    }
                }
            }
        }
        assert!(damaged_somewhere);
    }

    #[test]
    fn impossible_block_length_is_refused_before_allocating() {
        let services = services(3);
        let mut section = write_with(&services, 8).unwrap();
        let records = open(section.clone()).unwrap();
        let data_at = section.len() - records.data.len();
        section[data_at..data_at + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        let err = open(section).unwrap().get(0).unwrap_err();
        assert!(err.to_string().contains("impossible length"), "{err}");
    }

    #[test]
    fn zero_records_per_block_is_an_error() {
        let mut section = write_with(&services(3), 2).unwrap();
        section[8..12].copy_from_slice(&0u32.to_le_bytes());
        let err = open(section).err().unwrap();
        assert!(err.to_string().contains("0 records per block"), "{err}");
    }
}
