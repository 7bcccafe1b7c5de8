//! Display records: the whole [`Service`] of each hit, stored compactly
//! (postcard) and decoded only for the hits a search returns.
//!
//! Section layout: `u64 count`, `u64 × (count + 1)` offsets into the data that
//! follows, then the records back to back.

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::file::{read_u64, Reader, Section};
use crate::model::Service;

/// Writes the records section.
pub(crate) fn write(services: &[Service]) -> Vec<u8> {
    let mut data = Vec::new();
    let mut offsets = Vec::with_capacity(services.len() + 1);
    for service in services {
        offsets.push(data.len() as u64);
        data.extend_from_slice(
            &postcard::to_allocvec(service).expect("a service always serialises"),
        );
    }
    offsets.push(data.len() as u64);
    let mut out = Vec::with_capacity(8 + offsets.len() * 8 + data.len());
    out.extend_from_slice(&(services.len() as u64).to_le_bytes());
    for offset in offsets {
        out.extend_from_slice(&offset.to_le_bytes());
    }
    out.extend_from_slice(&data);
    out
}

/// The records, read in place.
pub(crate) struct Records {
    offsets: OwnedBytes,
    data: OwnedBytes,
}

impl Records {
    pub(crate) fn open(section: OwnedBytes) -> Result<Records> {
        let mut reader = Reader::new(Section::Records, section.as_slice());
        let count = reader.count(8)?;
        let at = reader.position();
        reader.take((count + 1) * 8)?;
        let data_at = reader.position();
        Ok(Records {
            offsets: section.slice(at..data_at),
            data: section.slice(data_at..section.len()),
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.offsets.len() / 8 - 1
    }

    /// Decodes the record of service `service`.
    pub(crate) fn get(&self, service: u32) -> Result<Service> {
        let i = service as usize;
        if i >= self.len() {
            return Err(Error::corrupt(format!("record {i} does not exist")));
        }
        let start = read_u64(self.offsets.as_slice(), i * 8) as usize;
        let end = read_u64(self.offsets.as_slice(), i * 8 + 8) as usize;
        let bytes = self.data.as_slice().get(start..end).ok_or_else(|| {
            Error::corrupt(format!("section records: record {i} is out of bounds"))
        })?;
        postcard::from_bytes(bytes).map_err(|e| {
            Error::corrupt(format!("section records: record {i} cannot be decoded")).with_source(e)
        })
    }
}
