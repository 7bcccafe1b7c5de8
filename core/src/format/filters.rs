//! The filters section: per-service columns, read in place: age range,
//! genders, cost, wheelchair access, status, the groups a service is for,
//! its income limit and residency, its top-level category and languages.
//!
//! Section layout: `u64 services, u32 language words, u32 row length`, then one
//! fixed-length row per service:
//!
//! ```text
//! 0  u8   minimum age      1  u8  maximum age
//! 2  u8   genders served (bit per Gender; 0 = everyone)
//! 3  u8   flags (see FLAG_*)
//! 4  u8   cost (0 unknown, 1 free, 2 sliding scale, 3 fee)
//! 5  u8   income limit flags (see INCOME_*)
//! 6  u16  residency: bit per province or territory (PROVINCES); 0 = none
//!         (the places a service's residency names are the residency section's)
//! 8  u16  groups the service is for, from structured data (bit per Group::ALL)
//! 10 u16  groups the service is for, read from text
//! 12 u16  top-level category: 1 + its position in the index's category
//!         table (Meta::top_categories); 0 = none
//! 14 u16  reserved
//! 16 f32  income limit, yearly dollars   20 f32  income limit, share of the low-income line
//! 24 u64 × language words: bit i = the service offers the index's language i
//! ```

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::format::{read_u64, Reader, Section};
use crate::model::{Cost, Gender, Group, IncomeLimit, Service, Status};

/// Provinces and territories by two-letter code, in the order of their
/// residency bits.
pub(crate) const PROVINCES: [&str; 13] = [
    "AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT",
];

/// The residency bit of a province or territory given by code or name
/// ("ON", "on", "Ontario"); `None` for any other place ("Thunder Bay").
pub(crate) fn province_bit(text: &str) -> Option<usize> {
    let code = crate::format::gazetteer::province_code(text);
    PROVINCES.iter().position(|p| *p == code)
}

/// Bytes before the language words.
const FIXED: usize = 24;

const INCOME_MAX: u8 = 1;
const INCOME_SHARE: u8 = 2;
const INCOME_FROM_TEXT: u8 = 4;

const FLAG_MIN_AGE: u8 = 1;
const FLAG_MAX_AGE: u8 = 2;
const FLAG_AGE_FROM_TEXT: u8 = 4;
const FLAG_WHEELCHAIR: u8 = 8;
const FLAG_ACTIVE: u8 = 16;

/// Writes the filter section. `languages` is the index's language table;
/// `top_category` gives each service's top-level category (its position in
/// the index's category table).
pub(crate) fn write(
    services: &[Service],
    languages: &[String],
    top_category: impl Fn(&Service) -> Option<usize>,
) -> Vec<u8> {
    let words = languages.len().div_ceil(64).max(1);
    let row_len = FIXED + 8 * words;
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
        let rules = &service.eligibility;
        if let Some(limit) = rules.income_limit {
            let mut flags = 0;
            if let Some(max) = limit.max_yearly {
                flags |= INCOME_MAX;
                row[16..20].copy_from_slice(&(max as f32).to_le_bytes());
            }
            if let Some(share) = limit.low_income_share {
                flags |= INCOME_SHARE;
                row[20..24].copy_from_slice(&(share as f32).to_le_bytes());
            }
            if limit.from_text {
                flags |= INCOME_FROM_TEXT;
            }
            row[5] = flags;
        }
        // Provinces only: the places are the residency section's.
        let residency = rules
            .residency
            .iter()
            .filter_map(|place| province_bit(place))
            .fold(0u16, |mask, bit| mask | 1 << bit);
        row[6..8].copy_from_slice(&residency.to_le_bytes());
        let (mut structured, mut from_text) = (0u16, 0u16);
        for rule in &rules.groups {
            let bit = 1 << group_bit(rule.group);
            match rule.from_text {
                false => structured |= bit,
                true => from_text |= bit,
            }
        }
        row[8..10].copy_from_slice(&structured.to_le_bytes());
        row[10..12].copy_from_slice(&from_text.to_le_bytes());
        let category = top_category(service).map_or(0, |at| (at + 1).min(u16::MAX as usize) as u16);
        row[12..14].copy_from_slice(&category.to_le_bytes());
        for language in &service.languages {
            let Some(code) = &language.code else { continue };
            if let Some(bit) = languages.iter().position(|l| l == code) {
                let at = FIXED + 8 * (bit / 64);
                let word = read_u64(&row, at) | (1u64 << (bit % 64));
                row[at..at + 8].copy_from_slice(&word.to_le_bytes());
            }
        }
        out.extend_from_slice(&row);
    }
    out
}

/// The bit of a group in the group columns.
pub(crate) fn group_bit(group: Group) -> usize {
    Group::ALL
        .iter()
        .position(|&g| g == group)
        .expect("every group is in Group::ALL")
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
    pub(crate) fn open(section: &OwnedBytes, services: usize) -> Result<Filters> {
        let mut reader = Reader::new(Section::Filters, section.as_slice());
        let count = reader.u64()? as usize;
        let words = reader.u32()? as usize;
        let row_len = reader.u32()? as usize;
        if count != services || row_len != FIXED + 8 * words {
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

    /// The cost: 0 unknown, 1 free, 2 sliding scale, 3 fee.
    pub(crate) fn cost(&self) -> u8 {
        self.0[4]
    }

    /// The income limit, if the service has one.
    pub(crate) fn income_limit(&self) -> Option<IncomeLimit> {
        let flags = self.0[5];
        if flags & (INCOME_MAX | INCOME_SHARE) == 0 {
            return None;
        }
        let number =
            |at: usize| f64::from(f32::from_le_bytes(self.0[at..at + 4].try_into().unwrap()));
        Some(IncomeLimit {
            max_yearly: (flags & INCOME_MAX != 0).then(|| number(16)),
            low_income_share: (flags & INCOME_SHARE != 0).then(|| number(20)),
            from_text: flags & INCOME_FROM_TEXT != 0,
        })
    }

    /// The provinces (bits of [`PROVINCES`]) whose residents it serves; 0 =
    /// none (it may still name places: see the residency section).
    pub(crate) fn residency(&self) -> u16 {
        u16::from_le_bytes([self.0[6], self.0[7]])
    }

    /// The groups it is for: (from structured data, read from text), bits of [`Group::ALL`].
    pub(crate) fn groups(&self) -> (u16, u16) {
        (
            u16::from_le_bytes([self.0[8], self.0[9]]),
            u16::from_le_bytes([self.0[10], self.0[11]]),
        )
    }

    /// Its top-level category's position in the index's category table.
    pub(crate) fn top_category(&self) -> Option<usize> {
        let stored = u16::from_le_bytes([self.0[12], self.0[13]]);
        (stored != 0).then(|| usize::from(stored) - 1)
    }

    /// The language words (bit i = the index's language i).
    pub(crate) fn language_words(&self) -> impl Iterator<Item = u64> + '_ {
        self.0[FIXED..]
            .chunks_exact(8)
            .map(|w| u64::from_le_bytes(w.try_into().unwrap()))
    }

    /// Whether the service lists any language, and whether any is in `mask`.
    pub(crate) fn languages(&self, mask: &[u64]) -> (bool, bool) {
        let mut any = false;
        let mut hit = false;
        for (i, want) in mask.iter().enumerate() {
            let word = read_u64(self.0, FIXED + 8 * i);
            any |= word != 0;
            hit |= word & want != 0;
        }
        (any, hit)
    }
}
