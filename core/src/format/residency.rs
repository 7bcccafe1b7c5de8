//! The residency section: the places (municipalities and regions, by name)
//! whose residents a service serves, each resolved at build time to the
//! postal prefixes it covers ("Thunder Bay" → P7A…P7K). Provinces and
//! territories are the filters section's residency bits; a service serves
//! the residents of any of its provinces or places.
//!
//! Section layout:
//!
//! ```text
//! u64 services, then (services + 1) × u32: where each service's places start
//! blob, per service (empty when its residency names no place):
//!     u16 names, per name: u16 length, name (UTF-8, as the publisher wrote it)
//!     u16 prefixes, per prefix: u8 length, bytes (uppercase, no spaces)
//! ```
//!
//! A caller lives in a service's places when their postal code (or nearest
//! forward sortation area) starts with one of its prefixes.

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::format::areas::prefix_key;
use crate::format::per_service::{self, floor_char_boundary, PerService};
use crate::format::{Reader, Section};

/// One service's residency places, resolved: their names (for people) and
/// the postal prefixes they cover.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct PlacesWritten {
    pub(crate) names: Vec<String>,
    pub(crate) prefixes: Vec<String>,
}

/// Writes the residency section, one entry per service in service order.
pub(crate) fn write(services: &[PlacesWritten]) -> Vec<u8> {
    per_service::write(services, |places, blob| {
        let mut prefixes: Vec<String> = places
            .prefixes
            .iter()
            .map(|p| prefix_key(p))
            .filter(|p| !p.is_empty() && p.len() <= 16)
            .collect();
        prefixes.sort();
        prefixes.dedup();
        prefixes.truncate(u16::MAX as usize);
        if prefixes.is_empty() {
            return;
        }
        let names: Vec<&str> = places
            .names
            .iter()
            .map(|name| &name[..floor_char_boundary(name, 1000)])
            .take(u16::MAX as usize)
            .collect();
        blob.extend_from_slice(&(names.len() as u16).to_le_bytes());
        for name in names {
            blob.extend_from_slice(&(name.len() as u16).to_le_bytes());
            blob.extend_from_slice(name.as_bytes());
        }
        blob.extend_from_slice(&(prefixes.len() as u16).to_le_bytes());
        for prefix in prefixes {
            blob.push(prefix.len() as u8);
            blob.extend_from_slice(prefix.as_bytes());
        }
    })
}

/// The residency section, opened.
pub(crate) struct Residency(PerService);

/// One service's residency places, read in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Places<'a> {
    /// The places' names, as the publisher wrote them.
    pub(crate) names: Vec<&'a str>,
    prefixes: Vec<&'a [u8]>,
}

impl Places<'_> {
    /// Whether a caller at `postal` (a prefix key: uppercase, no spaces)
    /// lives in one of the places.
    pub(crate) fn hold(&self, postal: &str) -> bool {
        self.prefixes
            .iter()
            .any(|prefix| postal.as_bytes().starts_with(prefix))
    }
}

impl Residency {
    pub(crate) fn open(section: &OwnedBytes, services: usize) -> Result<Residency> {
        PerService::open(section, Section::Residency, services).map(Residency)
    }

    fn bytes(&self, service: u32) -> &[u8] {
        self.0.bytes(service)
    }

    /// The services whose residency names a place, in service order.
    pub(crate) fn declaring(&self) -> &[u32] {
        self.0.declaring()
    }

    /// The places whose residents the service serves: `None` when its
    /// residency names none, or when its bytes are damaged (it then
    /// restricts no one by place).
    pub(crate) fn places(&self, service: u32) -> Option<Places<'_>> {
        let bytes = self.bytes(service);
        if bytes.is_empty() {
            return None;
        }
        read_places(bytes).ok()
    }
}

fn read_places(bytes: &[u8]) -> Result<Places<'_>> {
    let mut reader = Reader::new(Section::Residency, bytes);
    let u16_of = |reader: &mut Reader<'_>| -> Result<usize> {
        Ok(u16::from_le_bytes(reader.take(2)?.try_into().expect("2 bytes")) as usize)
    };
    let count = u16_of(&mut reader)?;
    let mut names = Vec::with_capacity(count);
    for _ in 0..count {
        let len = u16_of(&mut reader)?;
        let name = std::str::from_utf8(reader.take(len)?)
            .map_err(|_| Error::corrupt("section residency: a place name is not UTF-8"))?;
        names.push(name);
    }
    let count = u16_of(&mut reader)?;
    let mut prefixes = Vec::with_capacity(count);
    for _ in 0..count {
        let len = reader.take(1)?[0] as usize;
        prefixes.push(reader.take(len)?);
    }
    Ok(Places { names, prefixes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_their_prefixes_round_trip() {
        let written = vec![
            PlacesWritten {
                names: vec!["Thunder Bay".into()],
                prefixes: vec!["p7b".into(), "P7A".into(), "P7 B".into()],
            },
            PlacesWritten::default(),
            PlacesWritten {
                names: vec!["Thunder Bay".into(), "Kenora".into()],
                prefixes: vec!["P7A".into(), "P9N".into()],
            },
        ];
        let residency = Residency::open(&OwnedBytes::new(write(&written)), 3).unwrap();
        assert_eq!(residency.declaring(), [0, 2]);
        let thunder_bay = residency.places(0).unwrap();
        assert_eq!(thunder_bay.names, ["Thunder Bay"]);
        assert!(thunder_bay.hold("P7B1A1"));
        assert!(thunder_bay.hold("P7A"));
        assert!(!thunder_bay.hold("P9N"));
        assert!(!thunder_bay.hold(""));
        assert_eq!(residency.places(1), None);
        assert_eq!(
            residency.places(2).unwrap().names,
            ["Thunder Bay", "Kenora"]
        );
        assert!(residency.places(2).unwrap().hold("P9N1T4"));
        assert_eq!(residency.places(3), None, "past the last service");
    }

    #[test]
    fn a_count_that_does_not_fit_is_corrupt() {
        let bytes = write(&[PlacesWritten::default()]);
        let err = Residency::open(&OwnedBytes::new(bytes), 2).err().unwrap();
        assert!(err.to_string().contains("section residency"), "{err}");
    }
}
