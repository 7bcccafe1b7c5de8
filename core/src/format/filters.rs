//! Per-service filter columns, read in place: age range, genders, cost,
//! wheelchair access, status and languages.
//!
//! Section layout: `u64 services, u32 language words, u32 row length`, then one
//! fixed-length row per service:
//!
//! ```text
//! 0  u8   minimum age      1  u8  maximum age
//! 2  u8   genders served (bit per Gender; 0 = everyone)
//! 3  u8   flags (see FLAG_*)
//! 4  u8   cost (0 unknown, 1 free, 2 sliding scale, 3 fee)
//! 5  3    reserved
//! 8  u64 × language words: bit i = the service offers the index's language i
//! ```

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::format::{read_u64, Reader, Section};
use crate::model::{Cost, Gender, Service, Status};

const FLAG_MIN_AGE: u8 = 1;
const FLAG_MAX_AGE: u8 = 2;
const FLAG_AGE_FROM_TEXT: u8 = 4;
const FLAG_WHEELCHAIR: u8 = 8;
const FLAG_ACTIVE: u8 = 16;

/// Writes the filter section. `languages` is the index's language table.
pub(crate) fn write(services: &[Service], languages: &[String]) -> Vec<u8> {
    let words = languages.len().div_ceil(64).max(1);
    let row_len = 8 + 8 * words;
    let mut out = Vec::with_capacity(16 + services.len() * row_len);
    out.extend_from_slice(&(services.len() as u64).to_le_bytes());
    out.extend_from_slice(&(words as u32).to_le_bytes());
    out.extend_from_slice(&(row_len as u32).to_le_bytes());
    for service in services {
        let mut row = vec![0u8; row_len];
        let mut flags = 0;
        if let Some(ages) = service.eligibility.ages {
            if let Some(min) = ages.min {
                row[0] = min;
                flags |= FLAG_MIN_AGE;
            }
            if let Some(max) = ages.max {
                row[1] = max;
                flags |= FLAG_MAX_AGE;
            }
            if ages.from_text {
                flags |= FLAG_AGE_FROM_TEXT;
            }
        }
        row[2] = service
            .eligibility
            .genders
            .iter()
            .fold(0, |mask, &g| mask | gender_bit(g));
        if service.accessibility.wheelchair {
            flags |= FLAG_WHEELCHAIR;
        }
        if service.status == Status::Active {
            flags |= FLAG_ACTIVE;
        }
        row[3] = flags;
        row[4] = match service.cost {
            Cost::Unknown => 0,
            Cost::Free => 1,
            Cost::SlidingScale => 2,
            Cost::Fee => 3,
        };
        for language in &service.languages {
            let Some(code) = &language.code else { continue };
            if let Some(bit) = languages.iter().position(|l| l == code) {
                let at = 8 + 8 * (bit / 64);
                let word = read_u64(&row, at) | (1u64 << (bit % 64));
                row[at..at + 8].copy_from_slice(&word.to_le_bytes());
            }
        }
        out.extend_from_slice(&row);
    }
    out
}

fn gender_bit(gender: Gender) -> u8 {
    match gender {
        Gender::Female => 1,
        Gender::Male => 2,
        Gender::Other => 4,
    }
}

/// The filter columns, read in place.
pub(crate) struct Filters {
    rows: OwnedBytes,
    row_len: usize,
    words: usize,
}

/// One service's row.
pub(crate) struct Row<'a>(&'a [u8]);

impl Filters {
    pub(crate) fn open(section: OwnedBytes, services: usize) -> Result<Filters> {
        let mut reader = Reader::new(Section::Filters, section.as_slice());
        let count = reader.u64()? as usize;
        let words = reader.u32()? as usize;
        let row_len = reader.u32()? as usize;
        if count != services || row_len != 8 + 8 * words {
            return Err(Error::corrupt(format!(
                "section filters: {count} rows of {row_len} bytes do not fit {services} services"
            )));
        }
        let at = reader.position();
        reader.take(count * row_len)?;
        Ok(Filters {
            rows: section.slice(at..at + count * row_len),
            row_len,
            words,
        })
    }

    pub(crate) fn row(&self, service: u32) -> Row<'_> {
        let at = service as usize * self.row_len;
        Row(&self.rows.as_slice()[at..at + self.row_len])
    }

    pub(crate) fn words(&self) -> usize {
        self.words
    }
}

impl Row<'_> {
    pub(crate) fn active(&self) -> bool {
        self.0[3] & FLAG_ACTIVE != 0
    }

    pub(crate) fn wheelchair(&self) -> bool {
        self.0[3] & FLAG_WHEELCHAIR != 0
    }

    pub(crate) fn free(&self) -> bool {
        self.0[4] == 1
    }

    /// The age range, if the service has one, and whether it came from text.
    pub(crate) fn ages(&self) -> Option<(Option<u8>, Option<u8>, bool)> {
        let flags = self.0[3];
        if flags & (FLAG_MIN_AGE | FLAG_MAX_AGE) == 0 {
            return None;
        }
        let min = (flags & FLAG_MIN_AGE != 0).then_some(self.0[0]);
        let max = (flags & FLAG_MAX_AGE != 0).then_some(self.0[1]);
        Some((min, max, flags & FLAG_AGE_FROM_TEXT != 0))
    }

    /// Whether the service serves `gender`: `None` when it does not restrict by gender.
    pub(crate) fn serves_gender(&self, gender: Gender) -> Option<bool> {
        let mask = self.0[2];
        (mask != 0).then_some(mask & gender_bit(gender) != 0)
    }

    /// Whether the service lists any language, and whether any is in `mask`.
    pub(crate) fn languages(&self, mask: &[u64]) -> (bool, bool) {
        let mut any = false;
        let mut hit = false;
        for (i, want) in mask.iter().enumerate() {
            let word = read_u64(self.0, 8 + 8 * i);
            any |= word != 0;
            hit |= word & want != 0;
        }
        (any, hit)
    }
}
