//! Real places to put services in, weighted by how many people live there.
//!
//! The bundled table `data/places.csv` (`fsa,place,province,latitude,longitude,weight`)
//! is derived by [`derive()`] from GeoNames: one row per (forward sortation
//! area, community) in Ontario, from the full Ontario postal-code list, and
//! one row per forward sortation area elsewhere in Canada. `weight` is a
//! population proxy (see [`derive()`]).
//!
//! Coordinates are computed with plain arithmetic (no `sin`/`cos` from the
//! platform's maths library), so that a seed gives the same bytes everywhere.

mod derive;

use std::io::Read;

use rand::Rng;

use crate::columns;
use crate::error::Error;
use crate::vocabulary::francophone_share;

pub use derive::derive;

/// The bundled place table ("Contains data from GeoNames (geonames.org)", CC BY 4.0).
pub const PLACES_CSV: &str = include_str!("../../data/places.csv");

/// Where to put services.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Region {
    /// Ontario only (the 60k "provincial" scale and the demo directory).
    #[default]
    Ontario,
    /// All of Canada (the 1M "continental" scale).
    Canada,
    /// Ontario for a small demo directory: francophone communities weigh
    /// four times their population, and the first organizations are placed
    /// in [`SHOWCASE_TOWNS`], so that 1,500 services show them all.
    Showcase,
}

impl Region {
    /// Whether a place in `province` (two-letter code) belongs to this region.
    pub fn includes(self, province: &str) -> bool {
        match self {
            Region::Ontario | Region::Showcase => province == "ON",
            Region::Canada => true,
        }
    }
}

/// The towns where [`Region::Showcase`] places its first organizations, one each.
pub const SHOWCASE_TOWNS: &[&str] = &[
    "Sudbury",
    "Hawkesbury",
    "Hearst",
    "Kapuskasing",
    "Timmins",
    "Cornwall",
    "Orleans",
    "Ottawa",
    "Toronto",
    "Scarborough",
    "Brampton",
    "Mississauga",
    "Markham",
    "Hamilton",
    "London",
    "Windsor",
    "Kingston",
    "North Bay",
    "Sault Ste. Marie",
    "Thunder Bay",
    "Kenora",
    "Moosonee",
    "Barrie",
    "Peterborough",
];

/// A community: a town, or one forward sortation area of a city.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Forward sortation area: the first three characters of its postal codes ("P3E").
    pub fsa: String,
    /// Community name ("Sudbury").
    pub name: String,
    /// Province or territory code ("ON").
    pub province: String,
    /// Latitude of its centre in degrees.
    pub latitude: f64,
    /// Longitude of its centre in degrees.
    pub longitude: f64,
    /// Population proxy; services land here in proportion to it.
    pub weight: u32,
}

impl Place {
    /// Whether this is a rural forward sortation area (digit `0` in second position).
    pub fn is_rural(&self) -> bool {
        self.fsa.as_bytes().get(1) == Some(&b'0')
    }
}

/// The places of a region, ready for weighted sampling.
#[derive(Debug, Clone)]
pub struct Places {
    places: Vec<Place>,
    cumulative: Vec<u64>,
    neighbours: Vec<Vec<u32>>,
}

/// The columns of a place table, in the order [`derive()`] writes them.
const COLUMNS: [&str; 6] = [
    "fsa",
    "place",
    "province",
    "latitude",
    "longitude",
    "weight",
];

/// How far away a branch of the same organization may be.
const NEIGHBOUR_KM: f64 = 30.0;
/// How many nearby communities to remember per place.
const MAX_NEIGHBOURS: usize = 24;

impl Places {
    /// The bundled places of `region`.
    ///
    /// # Errors
    ///
    /// Only if the bundled table were malformed, which the crate's tests rule out.
    pub fn bundled(region: Region) -> Result<Places, Error> {
        Places::from_csv("places.csv", PLACES_CSV.as_bytes(), region)
    }

    /// Reads a place table (`fsa,place,province,latitude,longitude,weight`)
    /// and keeps the rows of `region`; `file` names the source in messages.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidData`](crate::ErrorKind::InvalidData) for a
    /// missing column, a bad number, coordinates out of range, or a region
    /// with no place of positive weight.
    pub fn from_csv(file: &str, input: impl Read, region: Region) -> Result<Places, Error> {
        let mut reader = csv::Reader::from_reader(input);
        let at = columns::locate(file, &mut reader, COLUMNS)?;
        let mut places = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| Error::csv(file, e))?;
            let row = record.position().map_or(0, |p| p.line());
            let field = |i: usize| record.get(at[i]).unwrap_or("").trim();
            let number = |i: usize, name: &str| -> Result<f64, Error> {
                field(i).parse::<f64>().map_err(|_| {
                    Error::invalid_data(format!(
                        "{file} row {row}: {name} \"{}\" is not a number",
                        field(i)
                    ))
                })
            };
            let (latitude, longitude) = (number(3, "latitude")?, number(4, "longitude")?);
            if !(-90.0..=90.0).contains(&latitude) || !(-180.0..=180.0).contains(&longitude) {
                return Err(Error::invalid_data(format!(
                    "{file} row {row}: coordinates {latitude},{longitude} are out of range"
                )));
            }
            let weight = field(5).parse::<u32>().map_err(|_| {
                Error::invalid_data(format!(
                    "{file} row {row}: weight \"{}\" is not a whole number",
                    field(5)
                ))
            })?;
            if field(0).len() != 3 || field(1).is_empty() {
                return Err(Error::invalid_data(format!(
                    "{file} row {row}: fsa \"{}\" or place \"{}\" is malformed",
                    field(0),
                    field(1)
                )));
            }
            if !region.includes(field(2)) || weight == 0 {
                continue;
            }
            let weight = if region == Region::Showcase
                && francophone_share(field(1), field(0), field(2)) >= 0.5
            {
                weight.saturating_mul(4)
            } else {
                weight
            };
            places.push(Place {
                fsa: field(0).to_string(),
                name: field(1).to_string(),
                province: field(2).to_string(),
                latitude,
                longitude,
                weight,
            });
        }
        if places.is_empty() {
            return Err(Error::invalid_data(format!(
                "{file}: no place of positive weight in region {region:?}"
            )));
        }
        let mut total = 0u64;
        let cumulative = places
            .iter()
            .map(|p| {
                total += u64::from(p.weight);
                total
            })
            .collect();
        let neighbours = neighbours(&places);
        Ok(Places {
            places,
            cumulative,
            neighbours,
        })
    }

    /// How many places there are.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether there are none (never true for a successfully read table).
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The place at `index`.
    ///
    /// # Panics
    ///
    /// If `index` is not below [`Places::len`].
    pub fn get(&self, index: usize) -> &Place {
        &self.places[index]
    }

    /// All places.
    pub fn iter(&self) -> impl Iterator<Item = &Place> {
        self.places.iter()
    }

    /// A place drawn in proportion to its weight; returns its index.
    pub fn sample(&self, rng: &mut impl Rng) -> usize {
        let total = *self.cumulative.last().unwrap_or(&1);
        let ticket = rng.random_range(0..total);
        self.cumulative.partition_point(|&c| c <= ticket)
    }

    /// The heaviest place called `name`, if any.
    pub fn find(&self, name: &str) -> Option<usize> {
        (0..self.places.len())
            .filter(|&i| self.places[i].name == name)
            .max_by_key(|&i| (self.places[i].weight, std::cmp::Reverse(i)))
    }

    /// A place within 30 km of `index` (possibly `index` itself); returns its index.
    pub fn sample_nearby(&self, index: usize, rng: &mut impl Rng) -> usize {
        let near = &self.neighbours[index];
        let pick = rng.random_range(0..=near.len());
        near.get(pick).map_or(index, |&n| n as usize)
    }
}

/// For each place, up to [`MAX_NEIGHBOURS`] other places within
/// [`NEIGHBOUR_KM`], nearest first (ties by index).
fn neighbours(places: &[Place]) -> Vec<Vec<u32>> {
    let limit = NEIGHBOUR_KM * NEIGHBOUR_KM;
    places
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let scale = cos_deg(a.latitude);
            let mut near: Vec<(f64, u32)> = places
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .filter_map(|(j, b)| {
                    let dy = (b.latitude - a.latitude) * KM_PER_DEGREE;
                    let dx = (b.longitude - a.longitude) * KM_PER_DEGREE * scale;
                    let d2 = dx * dx + dy * dy;
                    (d2 <= limit).then_some((d2, j as u32))
                })
                .collect();
            near.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            near.truncate(MAX_NEIGHBOURS);
            near.into_iter().map(|(_, j)| j).collect()
        })
        .collect()
}

/// Kilometres per degree of latitude (mean).
const KM_PER_DEGREE: f64 = 111.32;

/// Cosine of an angle in degrees, |angle| ≤ 90, by its Taylor series: the
/// same bits on every platform (error below 1e-8 up to 86°).
fn cos_deg(degrees: f64) -> f64 {
    let x = degrees.clamp(-90.0, 90.0).to_radians();
    let x2 = x * x;
    let mut term = 1.0;
    let mut sum = 1.0;
    for k in 1..=10u32 {
        let k = f64::from(k);
        term *= -x2 / ((2.0 * k - 1.0) * (2.0 * k));
        sum += term;
    }
    sum.max(0.0)
}

/// A point drawn uniformly within `radius_km` of (`latitude`, `longitude`),
/// rounded to 5 decimals (about a metre).
///
/// # Units
///
/// Degrees in and out; `radius_km` in kilometres.
pub fn jitter(latitude: f64, longitude: f64, radius_km: f64, rng: &mut impl Rng) -> (f64, f64) {
    // Rejection sampling in the unit disc: no trigonometry.
    let (x, y) = loop {
        let x: f64 = rng.random_range(-1.0..1.0);
        let y: f64 = rng.random_range(-1.0..1.0);
        if x * x + y * y <= 1.0 {
            break (x, y);
        }
    };
    let lat = latitude + y * radius_km / KM_PER_DEGREE;
    let lon = longitude + x * radius_km / (KM_PER_DEGREE * cos_deg(latitude).max(0.05));
    (
        round5(lat.clamp(-90.0, 90.0)),
        round5(lon.clamp(-180.0, 180.0)),
    )
}

fn round5(value: f64) -> f64 {
    (value * 100_000.0).round() / 100_000.0
}

/// Letters Canada Post uses in the last three characters of a postal code.
const LDU_LETTERS: &[u8] = b"ABCEGHJKLMNPRSTVWXYZ";

/// A postal code in `fsa` ("P3E 2C4"); in rural areas the last digit is 0,
/// as Canada Post's rural codes are.
pub fn postal_code(fsa: &str, rng: &mut impl Rng) -> String {
    let rural = fsa.as_bytes().get(1) == Some(&b'0');
    let digit = rng.random_range(if rural { 1..10 } else { 0..10 });
    let letter = LDU_LETTERS[rng.random_range(0..LDU_LETTERS.len())] as char;
    let last = if rural { 0 } else { rng.random_range(0..10) };
    format!("{fsa} {digit}{letter}{last}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;
    use rand::SeedableRng;
    use rand_chacha::ChaCha8Rng;

    #[test]
    fn the_bundled_table_covers_ontario_and_canada() {
        let ontario = Places::bundled(Region::Ontario).unwrap();
        let canada = Places::bundled(Region::Canada).unwrap();
        assert!(ontario.len() > 1_500, "{}", ontario.len());
        assert!(canada.len() > ontario.len() + 1_000);
        assert!(ontario.iter().all(|p| p.province == "ON"));
        for province in ["QC", "BC", "AB", "NS", "NB", "MB", "SK", "NL", "PE"] {
            assert!(canada.iter().any(|p| p.province == province), "{province}");
        }
        for town in [
            "Sudbury",
            "Hawkesbury",
            "Hearst",
            "Kapuskasing",
            "Timmins",
            "Toronto",
        ] {
            assert!(ontario.iter().any(|p| p.name == town), "{town}");
        }
    }

    #[test]
    fn every_showcase_town_is_a_place() {
        let places = Places::bundled(Region::Showcase).unwrap();
        for town in SHOWCASE_TOWNS {
            assert!(places.find(town).is_some(), "{town}");
        }
        let sudbury = places.get(places.find("Sudbury").unwrap());
        assert_eq!(sudbury.fsa, "P3E");
    }

    #[test]
    fn sampling_follows_population() {
        let places = Places::bundled(Region::Ontario).unwrap();
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        let mut toronto_area = 0;
        let mut kapuskasing = 0;
        for _ in 0..20_000 {
            let place = places.get(places.sample(&mut rng));
            if place.fsa.starts_with('M') {
                toronto_area += 1;
            }
            if place.name == "Kapuskasing" {
                kapuskasing += 1;
            }
        }
        // Toronto (M) is about a fifth of Ontario; Kapuskasing about 0.1%.
        assert!((2_500..6_000).contains(&toronto_area), "{toronto_area}");
        assert!(kapuskasing < toronto_area / 50, "{kapuskasing}");
    }

    #[test]
    fn nearby_places_are_near() {
        let places = Places::bundled(Region::Ontario).unwrap();
        let mut rng = ChaCha8Rng::seed_from_u64(1);
        for _ in 0..2_000 {
            let a = places.sample(&mut rng);
            let b = places.sample_nearby(a, &mut rng);
            let (pa, pb) = (places.get(a), places.get(b));
            let dy = (pa.latitude - pb.latitude) * KM_PER_DEGREE;
            let dx = (pa.longitude - pb.longitude) * KM_PER_DEGREE * cos_deg(pa.latitude);
            assert!((dx * dx + dy * dy).sqrt() <= NEIGHBOUR_KM + 1e-9);
        }
    }

    #[test]
    fn cosine_is_accurate() {
        for d in [-89.0, -60.0, 0.0, 30.0, 45.0, 60.0, 83.0] {
            assert!((cos_deg(d) - f64::to_radians(d).cos()).abs() < 1e-8, "{d}");
        }
    }

    #[test]
    fn jitter_stays_within_the_radius() {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        for _ in 0..1_000 {
            let (lat, lon) = jitter(46.49, -80.99, 2.0, &mut rng);
            let dy = (lat - 46.49) * KM_PER_DEGREE;
            let dx = (lon + 80.99) * KM_PER_DEGREE * cos_deg(46.49);
            assert!((dx * dx + dy * dy).sqrt() < 2.01);
        }
    }

    #[test]
    fn postal_codes_start_with_the_fsa() {
        let mut rng = ChaCha8Rng::seed_from_u64(5);
        for _ in 0..100 {
            let code = postal_code("P3E", &mut rng);
            assert!(code.starts_with("P3E "), "{code}");
            assert_eq!(code.len(), 7);
            let rural = postal_code("K0A", &mut rng);
            assert!(rural.starts_with("K0A ") && rural.ends_with('0'), "{rural}");
        }
    }

    #[test]
    fn bad_rows_are_reported_with_file_and_row() {
        let head = "fsa,place,province,latitude,longitude,weight\n";
        let csv = format!("{head}P3E,Sudbury,ON,46.4,-80.9,10\nP3A,Sudbury,ON,north,-80.9,10\n");
        let err = Places::from_csv("p.csv", csv.as_bytes(), Region::Ontario).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidData);
        assert_eq!(
            err.to_string(),
            "p.csv row 3: latitude \"north\" is not a number"
        );

        let csv = format!("{head}P3E,Sudbury,ON,46.4,-80.9,-1\n");
        let err = Places::from_csv("p.csv", csv.as_bytes(), Region::Ontario).unwrap_err();
        assert!(err.to_string().starts_with("p.csv row 2: weight"), "{err}");

        let csv = format!("{head}H2X,Montreal,QC,45.5,-73.6,10\n");
        let err = Places::from_csv("p.csv", csv.as_bytes(), Region::Ontario).unwrap_err();
        assert!(err.to_string().contains("no place"), "{err}");
    }
}
