//! Hit summaries: what a [`Hit`](crate::Hit) and its explanation show of a
//! service ([`HitSummary`]), stored apart from the full display records so
//! that a page of hits decodes ten small summaries, not ten record blocks
//! and whole [`Service`]s.
//!
//! A summary holds the service's id, name, organisation name, languages,
//! cost, eligibility ages and genders, its locations' coordinates, address
//! and postal code, category names, phone numbers, web page and how to
//! reach it in one line. The id is
//! stored as it is, ahead of the rest, so that finding a service by id
//! ([`Summaries::id`]) decompresses nothing. The rest is encoded with
//! postcard and compressed with LZ4 against a dictionary shared by the
//! section: a sample of the summaries, as in [`records`](super::records).
//!
//! Measured on the generator's 60k directory, in instructions to turn one
//! summary into a hit's strings: plain postcard (strings borrowed) is 266
//! bytes a service and 6,600 instructions; compressed against the
//! dictionary, 124 bytes and 8,100 (1,500 of them LZ4); the full record
//! took 34,500. Plain summaries would have grown the 27.4 MB file by 58%;
//! the section as written (ids apart, offsets, dictionary) adds 135 bytes a
//! service, 30%. Interning the strings that recur (categories,
//! organisations, addresses) in a shared table instead gave 158 bytes and
//! was slower, every string a jump into the table.
//!
//! Section layout (little-endian):
//!
//! ```text
//! u64                summary count
//! u32                dictionary length in bytes (≤ 65,536)
//! u32                reserved (0)
//! u32 × (count + 1)  offsets of the summaries in the summary data
//! dictionary         then zero padding to a multiple of 8
//! summary data       the summaries, back to back
//! ```
//!
//! A summary is a varint (LEB128) id length, the id (UTF-8), a varint
//! length of the rest uncompressed, then the rest: an LZ4 block
//! (`lz4_flex::block`) compressed with the dictionary, holding the postcard
//! encoding of a [`HitSummary`] without its id.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;

use crate::error::{Error, ErrorKind, Result};
use crate::format::compress::{self, DICTIONARY_LEN};
use crate::format::{read_u32, Reader, Section};
use crate::model::{Cost, Gender, Service};

/// What a hit shows of a service, borrowed from the section and from the
/// buffer its summary was decompressed into.
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct HitSummary<'a> {
    /// The publisher's service id (stored apart from the rest).
    #[serde(skip)]
    pub(crate) id: &'a str,
    pub(crate) name: &'a str,
    pub(crate) organization: Option<&'a str>,
    #[serde(borrow)]
    pub(crate) languages: Vec<HitLanguage<'a>>,
    pub(crate) cost: Cost,
    /// The eligibility age range, (min, max) in years.
    pub(crate) ages: Option<(Option<u8>, Option<u8>)>,
    pub(crate) genders: Vec<Gender>,
    #[serde(borrow)]
    pub(crate) locations: Vec<HitPlace<'a>>,
    #[serde(borrow)]
    pub(crate) categories: Vec<&'a str>,
    #[serde(borrow)]
    pub(crate) phones: Vec<&'a str>,
    pub(crate) url: Option<&'a str>,
    /// How to reach the service in one line ([`Service::access_line`]).
    #[serde(borrow)]
    pub(crate) access: Option<Cow<'a, str>>,
}

/// A language of a summary: its ISO 639 code, or the publisher's name for
/// it when it has none.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub(crate) enum HitLanguage<'a> {
    Code(&'a str),
    Name(&'a str),
}

impl<'a> HitLanguage<'a> {
    /// The code, else the name: what a hit lists.
    pub(crate) fn text(self) -> &'a str {
        match self {
            HitLanguage::Code(text) | HitLanguage::Name(text) => text,
        }
    }

    pub(crate) fn code(self) -> Option<&'a str> {
        match self {
            HitLanguage::Code(code) => Some(code),
            HitLanguage::Name(_) => None,
        }
    }
}

/// A location of a summary, in the order of the service's locations (so the
/// n-th point of the geo section is the n-th place).
#[derive(Debug, Serialize, Deserialize)]
pub(crate) struct HitPlace<'a> {
    /// Latitude in degrees; NaN when the location has no coordinates.
    pub(crate) lat: f64,
    /// Longitude in degrees; NaN when the location has no coordinates.
    pub(crate) lon: f64,
    pub(crate) address: Option<&'a str>,
    pub(crate) postal_code: Option<&'a str>,
}

impl<'a> HitSummary<'a> {
    /// The summary of a service, borrowing its strings.
    pub(crate) fn of(service: &'a Service) -> HitSummary<'a> {
        HitSummary {
            id: &service.id,
            name: &service.name,
            organization: service.organization.as_ref().map(|o| o.name.as_str()),
            languages: service
                .languages
                .iter()
                .map(|l| match &l.code {
                    Some(code) => HitLanguage::Code(code),
                    None => HitLanguage::Name(&l.name),
                })
                .collect(),
            cost: service.cost,
            ages: service.eligibility.ages.map(|ages| (ages.min, ages.max)),
            genders: service.eligibility.genders.clone(),
            locations: service
                .locations
                .iter()
                .map(|l| HitPlace {
                    lat: l.lat,
                    lon: l.lon,
                    address: l.address.as_deref(),
                    postal_code: l.postal_code.as_deref(),
                })
                .collect(),
            categories: service.categories.iter().map(|c| c.name.as_str()).collect(),
            phones: service.phones.iter().map(|p| p.number.as_str()).collect(),
            url: service.url.as_deref(),
            access: service.access_line().map(Cow::Owned),
        }
    }
}

/// Writes the hits section.
///
/// # Errors
/// [`ErrorKind::InvalidInput`] when the summaries take 4 GiB or more (some
/// 30 million services), past what the section's offsets address.
pub(crate) fn write(services: &[Service]) -> Result<Vec<u8>> {
    let rests: Vec<Vec<u8>> = services
        .iter()
        .map(|service| {
            postcard::to_allocvec(&HitSummary::of(service)).expect("a summary always serialises")
        })
        .collect();
    let dictionary = compress::dictionary(&rests);
    let mut data = Vec::new();
    let mut offsets = Vec::with_capacity(services.len() + 1);
    for (service, rest) in services.iter().zip(&rests) {
        if rest.len() > compress::MAX_RECORD_LEN {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "service {}: its hit summary takes {} bytes, more than the {} an index holds",
                    service.id,
                    rest.len(),
                    compress::MAX_RECORD_LEN
                ),
            ));
        }
        offsets.push(offset(data.len())?);
        write_varint(&mut data, service.id.len());
        data.extend_from_slice(service.id.as_bytes());
        write_varint(&mut data, rest.len());
        compress::append(rest, &dictionary, &mut data);
    }
    offsets.push(offset(data.len())?);

    let mut out = Vec::with_capacity(16 + offsets.len() * 4 + dictionary.len() + 8 + data.len());
    out.extend_from_slice(&(services.len() as u64).to_le_bytes());
    out.extend_from_slice(&(dictionary.len() as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    for offset in offsets {
        out.extend_from_slice(&offset.to_le_bytes());
    }
    out.extend_from_slice(&dictionary);
    out.resize(crate::format::align8(out.len()), 0);
    out.extend_from_slice(&data);
    Ok(out)
}

/// The length of a service's summary as stored uncompressed (without its
/// id): what a reader decompresses, at most
/// [`MAX_RECORD_LEN`](compress::MAX_RECORD_LEN).
pub(crate) fn summary_len(service: &Service) -> usize {
    postcard::to_allocvec(&HitSummary::of(service))
        .expect("a summary always serialises")
        .len()
}

fn offset(len: usize) -> Result<u32> {
    u32::try_from(len).map_err(|_| {
        Error::new(
            ErrorKind::InvalidInput,
            "the hit summaries take 4 GiB or more: too many services for one index",
        )
    })
}

fn write_varint(out: &mut Vec<u8>, mut value: usize) {
    while value >= 0x80 {
        out.push(value as u8 | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

/// Reads a varint (LEB128) from the front of `bytes`: `None` when it is
/// cut short or does not fit a `u32`.
fn read_varint(bytes: &mut &[u8]) -> Option<usize> {
    let mut value = 0u32;
    for (i, &byte) in bytes.iter().enumerate().take(5) {
        let bits = u32::from(byte & 0x7F);
        if i == 4 && bits > 0x0F {
            return None;
        }
        value |= bits << (7 * i);
        if byte < 0x80 {
            *bytes = &bytes[i + 1..];
            return Some(value as usize);
        }
    }
    None
}

/// The hit summaries, read in place.
pub(crate) struct Summaries {
    count: usize,
    /// `u32 × (count + 1)` offsets into `data`.
    offsets: OwnedBytes,
    dictionary: OwnedBytes,
    data: OwnedBytes,
}

impl Summaries {
    /// Reads the section's header and checks that its tables fit. Work is
    /// bounded and small, whatever the number of services: nothing is
    /// decompressed.
    pub(crate) fn open(section: &OwnedBytes) -> Result<Summaries> {
        let mut reader = Reader::new(Section::Hits, section.as_slice());
        let count = reader.u64()?;
        let dictionary_len = reader.u32()? as usize;
        reader.u32()?;
        if dictionary_len > DICTIONARY_LEN {
            return Err(Error::corrupt(format!(
                "section hits is corrupt: a dictionary of {dictionary_len} bytes \
                 exceeds {DICTIONARY_LEN}"
            )));
        }
        let too_many = || Error::corrupt(format!("section hits: {count} summaries"));
        let count = usize::try_from(count).map_err(|_| too_many())?;
        let table_len = count
            .checked_add(1)
            .and_then(|n| n.checked_mul(4))
            .ok_or_else(too_many)?;
        let at = reader.position();
        reader.take(table_len)?;
        let dictionary_at = reader.position();
        reader.take(dictionary_len)?;
        let dictionary_end = reader.position();
        reader.align8()?;
        let data_at = reader.position();
        // Nothing past the header is read, as in `records`: reading even the
        // last offset faults in pages of the mapped file before any search
        // asks for them (2 MB more resident after opening the 60k index).
        Ok(Summaries {
            count,
            offsets: section.slice(at..dictionary_at),
            dictionary: section.slice(dictionary_at..dictionary_end),
            data: section.slice(data_at..section.len()),
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.count
    }

    /// The id of service `service`, without decompressing its summary.
    pub(crate) fn id(&self, service: u32) -> Result<&str> {
        let (id, _) = self.entry(service)?;
        Ok(id)
    }

    /// Decodes the summary of service `service`, decompressing it into
    /// `buffer` (reused from one hit to the next).
    pub(crate) fn get<'b>(
        &'b self,
        service: u32,
        buffer: &'b mut Vec<u8>,
    ) -> Result<HitSummary<'b>> {
        let (id, mut rest) = self.entry(service)?;
        let corrupt =
            |what: String| Error::corrupt(format!("section hits: record {service} {what}"));
        let len = read_varint(&mut rest).ok_or_else(|| corrupt("is cut short".into()))?;
        compress::decompress(rest, len, self.dictionary.as_slice(), buffer)
            .map_err(|e| e.context(corrupt))?;
        let (mut summary, left) = postcard::take_from_bytes::<HitSummary<'b>>(buffer)
            .map_err(|e| corrupt("cannot be decoded".into()).with_source(e))?;
        if !left.is_empty() {
            return Err(corrupt(format!("has {} bytes past its end", left.len())));
        }
        summary.id = id;
        Ok(summary)
    }

    /// The id of service `service` and the bytes of its summary after the id.
    fn entry(&self, service: u32) -> Result<(&str, &[u8])> {
        let i = service as usize;
        let corrupt = |what: String| Error::corrupt(format!("section hits: record {i} {what}"));
        if i >= self.count {
            return Err(corrupt("does not exist".into()));
        }
        let offsets = self.offsets.as_slice();
        let start = read_u32(offsets, i * 4) as usize;
        let end = read_u32(offsets, i * 4 + 4) as usize;
        let mut bytes = self
            .data
            .as_slice()
            .get(start..end)
            .ok_or_else(|| corrupt(format!("lies out of bounds ({start}..{end})")))?;
        let id_len = read_varint(&mut bytes)
            .filter(|&len| len <= bytes.len())
            .ok_or_else(|| corrupt("is cut short".into()))?;
        let (id, rest) = bytes.split_at(id_len);
        let id = std::str::from_utf8(id)
            .map_err(|e| corrupt("has an id that is not UTF-8".into()).with_source(e))?;
        Ok((id, rest))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AgeRange, Category, Language, Location, Organization, Phone};

    fn services(n: usize) -> Vec<Service> {
        (0..n)
            .map(|i| Service {
                id: format!("s{i:04}"),
                name: format!("Community Food Bank {i}"),
                description: Some("Left out of the summary.".into()),
                organization: (i % 3 == 0).then(|| Organization {
                    name: format!("Organisation {}", i / 3),
                    ..Default::default()
                }),
                languages: vec![
                    Language {
                        code: Some("fr".into()),
                        name: "Français".into(),
                    },
                    Language {
                        code: None,
                        name: "Manclingo".into(),
                    },
                ],
                locations: (0..i % 3)
                    .map(|k| Location {
                        lat: if k == 1 {
                            f64::NAN
                        } else {
                            46.0 + i as f64 / 7.0
                        },
                        lon: -81.0,
                        address: Some(format!("{i} Main St")),
                        postal_code: (k == 0).then(|| "P3E 2C6".into()),
                        ..Default::default()
                    })
                    .collect(),
                phones: vec![Phone {
                    number: format!("705-555-{i:04}"),
                    ..Default::default()
                }],
                categories: vec![Category {
                    name: "Food Pantry".into(),
                    ..Default::default()
                }],
                eligibility: crate::model::EligibilityRules {
                    ages: (i % 2 == 0).then_some(AgeRange {
                        min: Some(65),
                        max: None,
                        from_text: false,
                    }),
                    genders: if i % 5 == 0 {
                        vec![Gender::Female]
                    } else {
                        vec![]
                    },
                    description: None,
                    ..Default::default()
                },
                cost: if i % 2 == 0 { Cost::Free } else { Cost::Fee },
                url: (i % 4 == 0).then(|| format!("https://example.org/{i}")),
                ..Default::default()
            })
            .collect()
    }

    fn open(section: Vec<u8>) -> Result<Summaries> {
        Summaries::open(&OwnedBytes::new(section))
    }

    #[test]
    fn every_summary_round_trips() {
        for n in [1, 2, 7, 33] {
            let services = services(n);
            let summaries = open(write(&services).unwrap()).unwrap();
            assert_eq!(summaries.len(), n);
            let mut buffer = Vec::new();
            for (i, service) in services.iter().enumerate() {
                let summary = summaries.get(i as u32, &mut buffer).unwrap();
                // Debug, so that NaN coordinates compare equal.
                assert_eq!(
                    format!("{summary:?}"),
                    format!("{:?}", HitSummary::of(service)),
                    "{n} {i}"
                );
                assert_eq!(summaries.id(i as u32).unwrap(), service.id);
            }
            let err = summaries.get(n as u32, &mut buffer).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::CorruptIndex);
            assert!(
                err.to_string().starts_with("section hits: record "),
                "{err}"
            );
        }
    }

    #[test]
    fn varints_round_trip_and_refuse_overflow() {
        for value in [0, 1, 127, 128, 300, 16_383, 16_384, u32::MAX as usize] {
            let mut out = Vec::new();
            write_varint(&mut out, value);
            let mut bytes = out.as_slice();
            assert_eq!(read_varint(&mut bytes), Some(value));
            assert!(bytes.is_empty());
            assert_eq!(read_varint(&mut &out[..out.len() - 1]), None);
        }
        assert_eq!(read_varint(&mut &[0xFF, 0xFF, 0xFF, 0xFF, 0x1F][..]), None);
        assert_eq!(read_varint(&mut &[0x80; 9][..]), None);
    }

    #[test]
    fn truncated_section_is_an_error_at_open_or_fetch() {
        let services = services(20);
        let section = write(&services).unwrap();
        let mut buffer = Vec::new();
        for len in 0..section.len() {
            let Ok(summaries) = open(section[..len].to_vec()) else {
                continue;
            };
            for i in 0..services.len() as u32 {
                if let Err(err) = summaries.get(i, &mut buffer) {
                    assert_eq!(err.kind(), ErrorKind::CorruptIndex);
                }
            }
        }
        for len in 0..16 {
            assert!(open(section[..len].to_vec()).is_err());
        }
    }

    #[test]
    fn corrupt_summary_names_the_section_and_record() {
        let services = services(20);
        let section = write(&services).unwrap();
        let data_at = section.len() - open(section.clone()).unwrap().data.len();
        let mut buffer = Vec::new();
        let mut damaged_somewhere = false;
        // Flip every byte of the summary data in turn: never a panic; an
        // error names the record; a fetch that succeeds returns some summary.
        for at in data_at..section.len() {
            let mut bytes = section.clone();
            bytes[at] ^= 0xA5;
            let summaries = open(bytes).unwrap();
            for i in 0..services.len() as u32 {
                for err in [summaries.id(i).err(), summaries.get(i, &mut buffer).err()]
                    .into_iter()
                    .flatten()
                {
                    damaged_somewhere = true;
                    assert_eq!(err.kind(), ErrorKind::CorruptIndex);
                    let message = err.to_string();
                    assert!(
                        message.starts_with(&format!("section hits: record {i} ")),
                        "{message}"
                    );
                }
            }
        }
        assert!(damaged_somewhere);
    }

    #[test]
    fn impossible_length_is_refused_before_allocating() {
        let services = services(3);
        let mut section = write(&services).unwrap();
        let data_at = section.len() - open(section.clone()).unwrap().data.len();
        // Record 0: the id's length 5, the id "s0000", then the length of
        // the rest, made 4 GiB - 1.
        let at = data_at + 6;
        section[at..at + 5].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF, 0x0F]);
        let err = open(section).unwrap().get(0, &mut Vec::new()).unwrap_err();
        assert!(err.to_string().contains("impossible length"), "{err}");
    }
}
