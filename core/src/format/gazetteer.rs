//! The gazetteer section: postal codes, forward sortation areas and place
//! names → coordinates.
//!
//! Section layout: `u64 postal entries`, then 16-byte entries sorted by key
//! (key: the code uppercased without spaces, NUL-padded to 8 bytes; f32 lat;
//! f32 lon), then `u64 length` and the place table (postcard, sorted by key),
//! decoded on the first place-name lookup.
//!
//! The default source is GeoNames' table of Canadian forward sortation areas
//! (CC BY 4.0, "Contains data from GeoNames (geonames.org)"), built into the crate.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;

use crate::error::{Error, ErrorKind, Result};
use crate::format::{read_f32, Reader, Section};
use crate::lang::fold;

// `DEFAULT_FSA`: the GeoNames forward sortation areas built into every index
// by default; `ONTARIO_FSA`: Ontario's, placed at the mean of their postal
// codes (see `data/README.md`), overriding the first table's centroids.
// Both are made from `data/*.csv` by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/default_gazetteer.rs"));

/// The attribution the default gazetteer requires.
pub const GEONAMES_ATTRIBUTION: &str =
    "Contains data from GeoNames (geonames.org), licensed under CC BY 4.0";

const ENTRY_LEN: usize = 16;

/// One entry of a gazetteer given to the builder: a postal code (or FSA, or
/// US ZIP code), a place name, or both, at a point. Reading such entries
/// from a CSV file is the importer's work (`servicematch_hsds::gazetteer`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct GazetteerEntry {
    /// A postal code, forward sortation area or ZIP code, in any spacing and case.
    pub postal_code: Option<String>,
    /// A place name; a GeoNames FSA name such as "Greater Sudbury (Robinson
    /// / Lockerby)" gives each name it holds.
    pub place_name: Option<String>,
    /// The province or state, by name or code ("Ontario", "ON").
    pub province: Option<String>,
    /// Latitude in degrees (WGS 84).
    pub lat: f64,
    /// Longitude in degrees (WGS 84).
    pub lon: f64,
}

/// Where a gazetteer lookup landed.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// What was found: "P3E", "P3E 2C6" or "Sudbury, ON".
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct PlaceEntry {
    key: String,
    name: String,
    lat: f32,
    lon: f32,
}

/// Points seen for one place name, per province, with a display name.
type PlacePoints = HashMap<String, (Vec<(f64, f64)>, String)>;

/// Collects gazetteer entries at build time.
#[derive(Debug, Default)]
pub(crate) struct GazetteerBuilder {
    postal: BTreeMap<String, (f64, f64)>,
    /// folded name → province → points and a display name
    places: HashMap<String, PlacePoints>,
    /// The publisher's entries that give both: folded place name → its
    /// postal codes (keys), so that a service area or residency named after
    /// a place of the publisher's gazetteer (a US city) resolves to them.
    codes_of_place: HashMap<String, BTreeSet<String>>,
}

impl GazetteerBuilder {
    /// Adds the built-in GeoNames tables.
    pub(crate) fn add_defaults(&mut self) {
        for &(fsa, place_name, province, lat, lon) in DEFAULT_FSA {
            self.add_point(Some(fsa), Some(place_name), province, lat, lon);
        }
        for &(fsa, lat, lon) in ONTARIO_FSA {
            self.add_point(Some(fsa), None, "", lat, lon);
        }
    }

    /// Adds one entry.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] naming the entry when its point is not on
    /// Earth or it has neither a postal code nor a place name.
    pub(crate) fn add_entry(&mut self, entry: &GazetteerEntry) -> Result<()> {
        let named = entry
            .postal_code
            .as_deref()
            .or(entry.place_name.as_deref())
            .ok_or_else(|| {
                Error::invalid_input("a gazetteer entry needs a postal code or a place name")
            })?;
        let (lat, lon) = (entry.lat, entry.lon);
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(Error::invalid_input(format!(
                "gazetteer entry \"{named}\": ({lat}, {lon}) is not a point on Earth"
            )));
        }
        let province = entry.province.as_deref().unwrap_or("");
        if let (Some(key), Some(place)) = (
            entry.postal_code.as_deref().and_then(postal_key),
            entry.place_name.as_deref(),
        ) {
            for name in place_names(place) {
                self.codes_of_place
                    .entry(municipality_key(&fold(&name)).to_owned())
                    .or_default()
                    .insert(key.clone());
            }
        }
        self.add_point(
            entry.postal_code.as_deref(),
            entry.place_name.as_deref(),
            province,
            lat,
            lon,
        );
        Ok(())
    }

    fn add_point(
        &mut self,
        code: Option<&str>,
        place_name: Option<&str>,
        province: &str,
        lat: f64,
        lon: f64,
    ) {
        let province = province_code(province);
        if let Some(key) = code.and_then(postal_key) {
            self.postal.insert(key, (lat, lon));
        }
        for name in place_name.map(place_names).unwrap_or_default() {
            self.add_place(&name, &province, lat, lon);
        }
    }

    /// Adds a postal code (or ZIP code) at a point unless the gazetteer
    /// already has it: the directory's own addresses, so that a code no
    /// gazetteer table holds (a US ZIP code in a US export) is found.
    pub(crate) fn add_postal_if_absent(&mut self, code: &str, lat: f64, lon: f64) {
        if let Some(key) = postal_key(code) {
            self.postal.entry(key).or_insert((lat, lon));
        }
    }

    /// Adds a place name (a town, a neighbourhood) at a point.
    pub(crate) fn add_place(&mut self, name: &str, province: &str, lat: f64, lon: f64) {
        let key = fold(name);
        if key.is_empty() {
            return;
        }
        let entry = self
            .places
            .entry(key)
            .or_default()
            .entry(province.to_owned())
            .or_insert_with(|| (Vec::new(), name.trim().to_owned()));
        entry.0.push((lat, lon));
    }

    /// Postal code prefixes of a named area ([`prefixes_named`]), with the
    /// codes the publisher's gazetteer gives for a place of that name.
    pub(crate) fn prefixes_named(&self, name: &str) -> Vec<String> {
        self.with_publisher_codes(name, prefixes_named(name))
    }

    /// Postal code prefixes of a municipality or region
    /// ([`prefixes_of_place`]), with the codes the publisher's gazetteer
    /// gives for a place of that name.
    pub(crate) fn prefixes_of_place(&self, name: &str) -> Vec<String> {
        self.with_publisher_codes(name, prefixes_of_place(name))
    }

    fn with_publisher_codes(&self, name: &str, mut prefixes: Vec<String>) -> Vec<String> {
        if let Some(codes) = self.codes_of_place.get(municipality_key(&fold(name))) {
            prefixes.extend(codes.iter().cloned());
            prefixes.sort();
            prefixes.dedup();
        }
        prefixes
    }

    pub(crate) fn postal_count(&self) -> usize {
        self.postal.len()
    }

    pub(crate) fn write(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(&(self.postal.len() as u64).to_le_bytes());
        for (key, &(lat, lon)) in &self.postal {
            let mut padded = [0u8; 8];
            padded[..key.len()].copy_from_slice(key.as_bytes());
            out.extend_from_slice(&padded);
            out.extend_from_slice(&(lat as f32).to_le_bytes());
            out.extend_from_slice(&(lon as f32).to_le_bytes());
        }
        let mut places: Vec<PlaceEntry> = Vec::new();
        for (key, provinces) in &self.places {
            // A name shared by places in several provinces means the one with the
            // most entries; "name, XX" picks a province explicitly.
            let mut by_size: Vec<_> = provinces.iter().collect();
            by_size.sort_by(|a, b| b.1 .0.len().cmp(&a.1 .0.len()).then(a.0.cmp(b.0)));
            for (rank, (province, (points, name))) in by_size.into_iter().enumerate() {
                let n = points.len() as f64;
                let lat = points.iter().map(|p| p.0).sum::<f64>() / n;
                let lon = points.iter().map(|p| p.1).sum::<f64>() / n;
                let display = if province.is_empty() {
                    name.clone()
                } else {
                    format!("{name}, {province}")
                };
                if rank == 0 {
                    places.push(PlaceEntry {
                        key: key.clone(),
                        name: display.clone(),
                        lat: lat as f32,
                        lon: lon as f32,
                    });
                }
                if !province.is_empty() {
                    places.push(PlaceEntry {
                        key: format!("{key}, {}", province.to_lowercase()),
                        name: display,
                        lat: lat as f32,
                        lon: lon as f32,
                    });
                }
            }
        }
        places.sort_by(|a, b| a.key.cmp(&b.key));
        let table = postcard::to_allocvec(&places).expect("places always serialise");
        out.extend_from_slice(&(table.len() as u64).to_le_bytes());
        out.extend_from_slice(&table);
        out
    }
}

/// The gazetteer section, read in place.
pub(crate) struct Gazetteer {
    postal: OwnedBytes,
    places_bytes: OwnedBytes,
    places: OnceLock<std::result::Result<Vec<PlaceEntry>, String>>,
}

impl Gazetteer {
    pub(crate) fn open(section: &OwnedBytes) -> Result<Gazetteer> {
        let mut reader = Reader::new(Section::Gazetteer, section.as_slice());
        let count = reader.count(ENTRY_LEN)?;
        let at = reader.position();
        reader.take(count * ENTRY_LEN)?;
        let table_len = reader.count(1)?;
        let table_at = reader.position();
        Ok(Gazetteer {
            postal: section.slice(at..at + count * ENTRY_LEN),
            places_bytes: section.slice(table_at..table_at + table_len),
            places: OnceLock::new(),
        })
    }

    /// Looks up a postal code ("M5V 2T6", "m5v2t6"), forward sortation area
    /// ("M5V") or place name ("Sudbury", "Sudbury, ON").
    ///
    /// # Errors
    /// [`ErrorKind::UnknownPlace`] naming the text when nothing matches.
    pub(crate) fn lookup(&self, text: &str) -> Result<Place> {
        if let Some(key) = postal_key(text) {
            if let Some(place) = self.postal(&key) {
                return Ok(place);
            }
            // A full postal code not in the table falls back to its area.
            if key.len() == 6 {
                if let Some(place) = self.postal(&key[..3]) {
                    return Ok(place);
                }
            }
        }
        if let Some(place) = self.place(text)? {
            return Ok(place);
        }
        Err(Error::new(
            ErrorKind::UnknownPlace,
            format!(
                "\"{}\" is not a postal code or place in this index's gazetteer \
                 (servicematch build --gazetteer FILE.csv adds postal codes and places)",
                text.trim()
            ),
        ))
    }

    /// The postal area (a 3-character forward sortation area, or a 5-digit
    /// ZIP code) of this gazetteer nearest to a point, within 100 km: a
    /// caller's postal prefix when they gave a point. A scan of the
    /// section's entries (read in place), for queries whose index has
    /// services with postal-prefix areas.
    ///
    /// # Units
    /// Degrees in.
    pub(crate) fn nearest_area(&self, lat: f64, lon: f64) -> Option<String> {
        let entries = self.postal.as_slice();
        let mut best: Option<(f64, &[u8])> = None;
        for entry in entries.chunks_exact(ENTRY_LEN) {
            let key_len = entry[..8].iter().position(|&b| b == 0).unwrap_or(8);
            if key_len != 3 && key_len != 5 {
                continue;
            }
            let (la, lo) = (read_f32(entry, 8) as f64, read_f32(entry, 12) as f64);
            // A cheap planar distance first; haversine only for the nearest.
            let dx = (lo - lon) * (lat.to_radians().cos());
            let d = (la - lat).powi(2) + dx.powi(2);
            if best.is_none_or(|(b, _)| d < b) {
                best = Some((d, &entry[..key_len]));
            }
        }
        let (d, key) = best?;
        // Within about 100 km (0.9 degrees).
        (d.sqrt() < 0.9).then(|| String::from_utf8_lossy(key).into_owned())
    }

    fn postal(&self, key: &str) -> Option<Place> {
        let entries = self.postal.as_slice();
        let count = entries.len() / ENTRY_LEN;
        let mut padded = [0u8; 8];
        padded[..key.len()].copy_from_slice(key.as_bytes());
        let (mut lo, mut hi) = (0, count);
        while lo < hi {
            let mid = (lo + hi) / 2;
            let entry = &entries[mid * ENTRY_LEN..(mid + 1) * ENTRY_LEN];
            match entry[..8].cmp(&padded[..]) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let name = if key.len() == 6 {
                        format!("{} {}", &key[..3], &key[3..])
                    } else {
                        key.to_owned()
                    };
                    return Some(Place {
                        lat: read_f32(entry, 8) as f64,
                        lon: read_f32(entry, 12) as f64,
                        name,
                    });
                }
            }
        }
        None
    }

    fn place(&self, text: &str) -> Result<Option<Place>> {
        let places = self.places.get_or_init(|| {
            postcard::from_bytes(self.places_bytes.as_slice()).map_err(|e| e.to_string())
        });
        let places = places.as_ref().map_err(|e| {
            Error::corrupt(format!(
                "section gazetter: the place table cannot be decoded: {e}"
            ))
        })?;
        let key = fold(text);
        Ok(places
            .binary_search_by(|p| p.key.as_str().cmp(&key))
            .ok()
            .map(|i| Place {
                lat: places[i].lat as f64,
                lon: places[i].lon as f64,
                name: places[i].name.clone(),
            }))
    }
}

/// A Canadian postal code or FSA, uppercased without spaces; US ZIP codes
/// (5 digits) pass through. `None` when the text is neither.
pub(crate) fn postal_key(text: &str) -> Option<String> {
    let key: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect::<String>()
        .to_uppercase();
    let bytes = key.as_bytes();
    let canadian = |len: usize| {
        bytes.len() == len
            && bytes.iter().enumerate().all(|(i, b)| {
                if i % 2 == 0 {
                    b.is_ascii_uppercase()
                } else {
                    b.is_ascii_digit()
                }
            })
    };
    if canadian(3) || canadian(6) || (bytes.len() == 5 && bytes.iter().all(u8::is_ascii_digit)) {
        Some(key)
    } else {
        None
    }
}

/// The usable names in a GeoNames FSA place name:
/// "Greater Sudbury (Robinson / Lockerby)" → Greater Sudbury, Sudbury, Robinson, Lockerby.
fn place_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let (main, inner) = match text.split_once('(') {
        Some((main, rest)) => (main.trim(), rest.trim_end_matches(')').trim()),
        None => (text.trim(), ""),
    };
    let lower = main.to_lowercase();
    let is_region = [
        ",",
        " and ",
        "&",
        "county",
        "counties",
        "area",
        "region",
        "government",
        "district",
    ]
    .iter()
    .any(|w| lower.contains(w));
    if !main.is_empty() && !is_region {
        names.push(main.to_owned());
        if let Some(rest) = main.strip_prefix("Greater ") {
            names.push(rest.to_owned());
        }
    }
    for part in inner.split('/') {
        let part = part.trim();
        if !part.is_empty() {
            names.push(part.to_owned());
        }
    }
    names
}

/// Postal code prefixes of a named area: a Canadian province or territory
/// (by name or code) gives its postal codes' first letters; another name,
/// the built-in forward sortation areas whose GeoNames place name holds it
/// ("Thunder Bay" → P7A, P7B…; "Thunder Bay and area" too). Empty when the
/// name is neither.
pub(crate) fn prefixes_named(name: &str) -> Vec<String> {
    let letters: &[&str] = match province_code(name).as_str() {
        "NL" => &["A"],
        "NS" => &["B"],
        "PE" => &["C"],
        "NB" => &["E"],
        "QC" => &["G", "H", "J"],
        "ON" => &["K", "L", "M", "N", "P"],
        "MB" => &["R"],
        "SK" => &["S"],
        "AB" => &["T"],
        "BC" => &["V"],
        "NT" | "NU" => &["X"],
        "YT" => &["Y"],
        _ => &[],
    };
    if !letters.is_empty() {
        return letters.iter().map(|&l| l.to_owned()).collect();
    }
    forward_sortation_areas(name, |place, key| key.starts_with(&format!("{place} ")))
}

/// Postal code prefixes of a municipality or region: the built-in forward
/// sortation areas whose GeoNames place name is it, or it with a part
/// ("Thunder Bay" → P7A "Thunder Bay Northeast"…; "Ottawa" → K1P "Ottawa
/// (Parliament Hill)"…). Stricter than [`prefixes_named`]: a name that
/// says more than the place ("Kenora District") is not taken for it (P9N,
/// Kenora), for a residency must not shut out the rest of the district. Empty when
/// the gazetteer names no such area. (A province is no place here: the
/// builder takes it as a residency bit first.)
pub(crate) fn prefixes_of_place(name: &str) -> Vec<String> {
    forward_sortation_areas(name, |_, _| false)
}

/// Ontario cities amalgamated from municipalities that GeoNames still
/// names on their own (Toronto 1998, Ottawa and Hamilton 2001; Vaughan's
/// communities): the city's name covers theirs, so that a program for
/// Ottawa's residents serves a caller in Kanata. Exact place names, folded,
/// of the built-in table's Ontario entries.
const AMALGAMATED: &[(&str, &[&str])] = &[
    (
        "ottawa",
        &[
            "gloucester",
            "gloucester south",
            "orleans",
            "kanata",
            "nepean",
            "nepean east",
            "stittsville",
            "cumberland",
            "cumberland township",
            "greely",
            "manotick",
        ],
    ),
    (
        "toronto",
        &[
            "scarborough",
            "north york",
            "willowdale east",
            "willowdale south",
            "willowdale west",
            "don mills north",
            "don mills south",
            "downsview central",
            "downsview east",
            "downsview west",
            "central toronto",
            "downtown toronto",
            "east toronto",
            "west toronto",
            "east york",
            "york",
            "etobicoke",
            "etobicoke northwest",
        ],
    ),
    (
        "hamilton",
        &["waterdown", "ancaster east", "ancaster west", "dundas"],
    ),
    (
        "vaughan",
        &["woodbridge north", "woodbridge south", "concord", "maple"],
    ),
];

/// The built-in forward sortation areas one of whose place names is `name`
/// ("City of" and the like left out), begins with it and a space, names a
/// municipality amalgamated into it ([`AMALGAMATED`]), or is accepted by
/// `also` (given a place name and the name, both folded).
fn forward_sortation_areas(name: &str, also: impl Fn(&str, &str) -> bool) -> Vec<String> {
    let folded = fold(name);
    let key = municipality_key(&folded);
    if key.len() < 3 {
        return Vec::new();
    }
    let former: &[&str] = AMALGAMATED
        .iter()
        .find(|(city, _)| *city == key)
        .map_or(&[], |(_, former)| former);
    let mut prefixes: Vec<String> = DEFAULT_FSA
        .iter()
        .filter(|&&(_, place, province, _, _)| {
            place_names(place).iter().any(|p| {
                let p = fold(p);
                p == key
                    || p.starts_with(&format!("{key} "))
                    || (province == "Ontario" && former.contains(&p.as_str()))
                    || also(&p, key)
            })
        })
        .map(|&(fsa, _, _, _, _)| fsa.to_owned())
        .collect();
    prefixes.sort();
    prefixes.dedup();
    prefixes
}

/// A folded place name without the "City of" its municipality's formal
/// name may carry.
fn municipality_key(folded: &str) -> &str {
    [
        "city of ",
        "town of ",
        "township of ",
        "municipality of ",
        "ville de ",
    ]
    .iter()
    .find_map(|prefix| folded.strip_prefix(prefix))
    .unwrap_or(folded)
}

/// Two-letter code of a Canadian province or territory given by name or
/// code; any other text uppercased.
pub(crate) fn province_code(text: &str) -> String {
    let folded = fold(text);
    let code = match folded.as_str() {
        "ontario" => "ON",
        "quebec" => "QC",
        "british columbia" => "BC",
        "alberta" => "AB",
        "manitoba" => "MB",
        "saskatchewan" => "SK",
        "nova scotia" => "NS",
        "new brunswick" => "NB",
        "newfoundland and labrador" => "NL",
        "prince edward island" => "PE",
        "yukon" => "YT",
        "northwest territories" => "NT",
        "nunavut" => "NU",
        _ => return text.trim().to_uppercase(),
    };
    code.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn default_gazetteer() -> Gazetteer {
        let mut builder = GazetteerBuilder::default();
        builder.add_defaults();
        Gazetteer::open(&OwnedBytes::new(builder.write())).unwrap()
    }

    #[test]
    fn postal_codes_in_any_spacing_and_case() {
        let g = default_gazetteer();
        let a = g.lookup("M5V 2T6").unwrap();
        let b = g.lookup("m5v2t6").unwrap();
        let c = g.lookup("M5V").unwrap();
        assert_eq!((a.lat, a.lon), (b.lat, b.lon));
        assert_eq!((a.lat, a.lon), (c.lat, c.lon));
    }

    #[test]
    fn place_names() {
        let g = default_gazetteer();
        let sudbury = g.lookup("Sudbury").unwrap();
        assert!((sudbury.lat - 46.5).abs() < 0.5, "{sudbury:?}");
        assert!(g.lookup("ottawa").is_ok());
        let err = g.lookup("Atlantis").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownPlace);
        assert!(err.to_string().contains("Atlantis"));
        assert_eq!(
            g.lookup("Z9Z 9Z9").unwrap_err().kind(),
            ErrorKind::UnknownPlace
        );
    }

    #[test]
    fn places_resolve_to_their_own_forward_sortation_areas() {
        let thunder_bay = prefixes_of_place("Thunder Bay");
        assert_eq!(
            thunder_bay,
            ["P7A", "P7B", "P7C", "P7E", "P7G", "P7J", "P7K"],
            "Neebing (P7L) is a municipality of its own"
        );
        let sudbury = prefixes_of_place("City of Greater Sudbury");
        assert!(sudbury.contains(&"P3E".to_owned()), "{sudbury:?}");
        assert_eq!(sudbury, prefixes_of_place("Sudbury"));
        // Amalgamated cities cover the municipalities GeoNames still names.
        let ottawa = prefixes_of_place("ottawa");
        for fsa in ["K1P", "K2K", "K2J", "K1C", "K4A", "K2S"] {
            assert!(ottawa.contains(&fsa.to_owned()), "{fsa}: {ottawa:?}");
        }
        assert!(
            !ottawa.contains(&"K4K".to_owned()),
            "Rockland is not Ottawa"
        );
        let toronto = prefixes_of_place("City of Toronto");
        for fsa in ["M1B", "M2N", "M4C", "M5V", "M6E", "M9W"] {
            assert!(toronto.contains(&fsa.to_owned()), "{fsa}: {toronto:?}");
        }
        assert!(
            toronto.iter().all(|fsa| fsa.starts_with('M')),
            "{toronto:?}"
        );
        assert!(prefixes_of_place("Vaughan").contains(&"L6A".to_owned()));
        assert!(!prefixes_of_place("Vaughan")
            .iter()
            .any(|f| f.starts_with('V')));
        // A district is not its city; a service area may read it as one.
        assert!(prefixes_of_place("Kenora District").is_empty());
        assert_eq!(prefixes_named("Kenora District"), ["P9N"]);
        assert_eq!(prefixes_of_place("Kenora"), ["P9N"]);
        assert_eq!(prefixes_named("City of Thunder Bay"), thunder_bay);
        assert!(prefixes_of_place("Atlantis").is_empty());
    }

    #[test]
    fn entries_off_earth_are_named() {
        let mut builder = GazetteerBuilder::default();
        let entry = GazetteerEntry {
            postal_code: Some("M5W".into()),
            lat: 91.0,
            lon: -79.0,
            ..Default::default()
        };
        let err = builder.add_entry(&entry).unwrap_err();
        assert_eq!(
            err.to_string(),
            "gazetteer entry \"M5W\": (91, -79) is not a point on Earth"
        );
    }
}
