//! Damaged directories: an HSDS 3.x JSON export with a share of its records
//! broken in seeded random ways, and the list of what was done to which
//! record, so that a test can check that an importer reports every one.
//!
//! The damage is what real exports carry: fields of the wrong type, links
//! to records that are not there, bytes that are not UTF-8, duplicated
//! ids, HTML in text, one-megabyte fields, records without id or name.
//!
//! ```
//! use servicematch_synth::damage::{damage, DamageOptions};
//!
//! let export = br#"[{"id": "a", "name": "Food Bank"}, {"id": "b", "name": "Shelter"}]"#;
//! let damaged = damage(export, DamageOptions { rate: 1.0, seed: 7 }).unwrap();
//! assert_eq!(damaged.damages.len(), 2);
//! ```

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use serde_json::{json, Value};

use crate::error::Error;

/// How much to damage, and the seed of every choice.
#[derive(Debug, Clone, Copy)]
pub struct DamageOptions {
    /// The share of records damaged, 0 to 1.
    pub rate: f64,
    /// The same seed and input give byte-identical output.
    pub seed: u64,
}

/// The kinds of damage, each done to whole records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DamageKind {
    /// A field of the wrong type: a list for the description, text for the
    /// phones, the organization or the schedules, "sixty" for an age.
    WrongType,
    /// A link to a location that is not in the record, or a taxonomy term
    /// whose parent no term has.
    BrokenReference,
    /// Bytes that are not UTF-8 in the name or the description.
    BadEncoding,
    /// The id of an earlier record.
    DuplicateId,
    /// HTML markup (a script, an image with an `onerror`) in the name or
    /// the description.
    Html,
    /// A description of one megabyte.
    HugeField,
    /// No id, an id that is a list, or a record that is not an object.
    MissingId,
    /// No name, or a name that is an object.
    MissingName,
}

impl DamageKind {
    /// Every kind, in the order they are drawn.
    pub const ALL: [DamageKind; 8] = [
        DamageKind::WrongType,
        DamageKind::BrokenReference,
        DamageKind::BadEncoding,
        DamageKind::DuplicateId,
        DamageKind::Html,
        DamageKind::HugeField,
        DamageKind::MissingId,
        DamageKind::MissingName,
    ];

    /// Relative frequency: one-megabyte fields are few, so that a 60,000
    /// service export stays well under a gigabyte.
    fn weight(self) -> u32 {
        match self {
            DamageKind::HugeField => 1,
            _ => 14,
        }
    }

    /// Whether an importer must reject the record (the others keep it,
    /// reporting the field).
    pub fn rejects(self) -> bool {
        matches!(
            self,
            DamageKind::DuplicateId | DamageKind::MissingId | DamageKind::MissingName
        )
    }
}

/// What was done to one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damage {
    /// The record's position in the array, from 1 (the row a report names).
    pub row: usize,
    /// Its id before the damage.
    pub id: String,
    /// What was done.
    pub kind: DamageKind,
    /// The field damaged, as an importer names it (`description`,
    /// `service_at_locations`); empty when the record itself is not an object.
    pub field: String,
}

/// A damaged export and what was damaged.
#[derive(Debug, Clone)]
pub struct Damaged {
    /// The export, a JSON array with one record per line; not valid UTF-8
    /// when a [`DamageKind::BadEncoding`] was drawn.
    pub bytes: Vec<u8>,
    /// Every damaged record, by row.
    pub damages: Vec<Damage>,
}

/// Where bytes that are not UTF-8 go, once the records are JSON text.
const BAD_BYTES_MARK: &str = "@@BAD-BYTES@@";
/// What each mark becomes, in turn: a lone continuation byte, a truncated
/// three-byte sequence, a byte UTF-8 never uses, an overlong encoding.
const BAD_BYTES: [&[u8]; 4] = [b"\x80", b"\xE2\x82", b"\xFF", b"\xC0\xAF"];

/// Damages `rate` of the records of `export` (a JSON array of HSDS 3.x
/// services, as [`crate::generate`] writes).
///
/// # Errors
/// [`ErrorKind::InvalidData`](crate::ErrorKind::InvalidData) when `export`
/// is not a JSON array.
pub fn damage(export: &[u8], options: DamageOptions) -> Result<Damaged, Error> {
    let records: Vec<Value> = serde_json::from_slice(export)
        .map_err(|e| Error::invalid_data(format!("not a JSON array of services: {e}")))?;
    let mut rng = ChaCha8Rng::seed_from_u64(options.seed);
    let total: u32 = DamageKind::ALL.iter().map(|k| k.weight()).sum();
    let mut damages = Vec::new();
    let mut out = b"[\n".to_vec();
    // The id of the last record left whole, for duplicates.
    let mut last_whole: Option<String> = None;
    let mut bad = 0;
    for (i, mut record) in records.into_iter().enumerate() {
        let row = i + 1;
        let id = record
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let mut kind = None;
        if rng.random_bool(options.rate.clamp(0.0, 1.0)) {
            let mut pick = rng.random_range(0..total);
            for candidate in DamageKind::ALL {
                if pick < candidate.weight() {
                    kind = Some(candidate);
                    break;
                }
                pick -= candidate.weight();
            }
        }
        // A duplicate needs an earlier whole record.
        if kind == Some(DamageKind::DuplicateId) && last_whole.is_none() {
            kind = Some(DamageKind::MissingName);
        }
        match kind {
            None => last_whole = Some(id.clone()),
            Some(kind) => {
                let field = apply(kind, &mut record, row, last_whole.as_deref(), &mut rng);
                damages.push(Damage {
                    row,
                    id,
                    kind,
                    field,
                });
            }
        }
        if i > 0 {
            out.extend_from_slice(b",\n");
        }
        let text = serde_json::to_string(&record).expect("a JSON value serializes");
        let mut parts = text.split(BAD_BYTES_MARK);
        out.extend_from_slice(parts.next().unwrap_or_default().as_bytes());
        for part in parts {
            out.extend_from_slice(BAD_BYTES[bad % BAD_BYTES.len()]);
            bad += 1;
            out.extend_from_slice(part.as_bytes());
        }
    }
    out.extend_from_slice(b"\n]\n");
    Ok(Damaged {
        bytes: out,
        damages,
    })
}

/// Damages one record; returns the field an importer reports.
fn apply(
    kind: DamageKind,
    record: &mut Value,
    row: usize,
    earlier_id: Option<&str>,
    rng: &mut ChaCha8Rng,
) -> String {
    let name = record
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("Service")
        .to_owned();
    if kind == DamageKind::MissingId && rng.random_range(0..3) == 0 {
        *record = json!(format!("{name} (a record that is text)"));
    }
    let Some(fields) = record.as_object_mut() else {
        return String::new();
    };
    let set = |fields: &mut serde_json::Map<String, Value>, key: &str, value: Value| {
        fields.insert(key.to_owned(), value);
        key.to_owned()
    };
    match kind {
        DamageKind::WrongType => match rng.random_range(0..7) {
            0 => set(fields, "description", json!(["Hot meals", "daily"])),
            1 => set(fields, "phones", json!("416-555-0100")),
            2 => set(fields, "organization", json!("org-1")),
            3 => set(fields, "languages", json!({"name": "French"})),
            4 => set(fields, "schedules", json!("Mon-Fri 9-5")),
            5 => set(fields, "minimum_age", json!("sixty")),
            _ => set(fields, "attributes", json!(true)),
        },
        DamageKind::BrokenReference => {
            if rng.random_bool(0.5) {
                set(
                    fields,
                    "service_at_locations",
                    json!([{"id": format!("link-{row}"), "location_id": format!("no-such-location-{row}")}]),
                )
            } else {
                let term = json!({
                    "id": format!("attr-{row}"),
                    "taxonomy_term": {
                        "id": format!("publisher-term-{row}"),
                        "name": format!("Publisher term {row}"),
                        "parent_id": format!("no-such-term-{row}"),
                        "taxonomy": "publisher",
                    },
                });
                match fields.get_mut("attributes") {
                    Some(Value::Array(items)) => items.push(term),
                    _ => {
                        fields.insert("attributes".into(), json!([term]));
                    }
                }
                "attributes".into()
            }
        }
        DamageKind::BadEncoding => {
            if rng.random_bool(0.5) {
                set(fields, "name", json!(format!("{name} Caf{BAD_BYTES_MARK}")))
            } else {
                let text = format!("Meals{BAD_BYTES_MARK} and groceries.");
                set(fields, "description", json!(text))
            }
        }
        DamageKind::DuplicateId => set(fields, "id", json!(earlier_id.unwrap_or_default())),
        DamageKind::Html => {
            if rng.random_bool(0.5) {
                set(fields, "name", json!("<img src=x onerror=alert(1)>"))
            } else {
                let text = format!("<b>{name}</b><script>alert(document.cookie)</script>");
                set(fields, "description", json!(text))
            }
        }
        DamageKind::HugeField => {
            let sentence = "Hot meals, groceries and a warm place to sit. ";
            let text = sentence.repeat((1 << 20) / sentence.len() + 1);
            set(fields, "description", json!(text))
        }
        DamageKind::MissingId => {
            if rng.random_bool(0.5) {
                fields.remove("id");
                "id".into()
            } else {
                set(fields, "id", json!([format!("synth-{row}")]))
            }
        }
        DamageKind::MissingName => {
            if rng.random_bool(0.5) {
                set(fields, "name", Value::Null)
            } else {
                set(fields, "name", json!({"en": name}))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_damage() {
        let mut export = Vec::new();
        crate::generate(
            crate::Options {
                services: 300,
                seed: 1,
                region: crate::Region::Ontario,
            },
            &mut export,
        )
        .unwrap();
        let options = DamageOptions { rate: 0.5, seed: 3 };
        let a = damage(&export, options).unwrap();
        let b = damage(&export, options).unwrap();
        assert_eq!((&a.bytes, &a.damages), (&b.bytes, &b.damages));
        assert!(a.damages.len() > 100 && a.damages.len() < 200);
        assert!(std::str::from_utf8(&a.bytes).is_err(), "bad bytes are in");
        for kind in DamageKind::ALL {
            if kind != DamageKind::HugeField {
                assert!(a.damages.iter().any(|d| d.kind == kind), "{kind:?}");
            }
        }
    }
}
