//! What a caller asks: [`Query`], in Rust (builder) and in JSON (serde).
//!
//! The JSON shape is the one every surface speaks (the CLI's `--json`, the C
//! library's `sm_search_json`, the WASM package):
//!
//! ```json
//! {"text": "food bank", "near": "P3E 2C6", "radius_km": 25,
//!  "client": {"age": 72, "gender": "female"}, "languages": ["fr"],
//!  "require_language": false, "categories": ["Food"], "limit": 10, "explain": true}
//! ```
//!
//! `near` is either `{"lat": 46.49, "lon": -80.99}` or a string: a postal code
//! ("P3E 2C6", "p3e2c6"), a forward sortation area ("P3E") or a place name ("Sudbury").
//!
//! One decoder reads that shape ([`Query::from_json`], [`Query::from_json_value`])
//! and one validator checks every query however it was made
//! ([`Query::validate`], which [`Index::search`](crate::Index::search) calls),
//! so that the same bad query gets the same message from Rust, the CLI, C
//! (JSON or typed setters) and WebAssembly.

mod json;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::model::{Gender, Group};

/// The most hits one query may ask for.
pub const MAX_LIMIT: usize = 1000;

/// The most kilometres a radius may span (half the Earth's circumference).
pub const MAX_RADIUS_KM: f64 = 20_037.5;

/// The oldest age a client profile may state, in years.
pub const MAX_AGE: u8 = 130;

/// The most people a client's household may have.
pub const MAX_HOUSEHOLD: u32 = 50;

/// The most hits one query may skip (`offset`).
pub const MAX_OFFSET: usize = 100_000;

/// The longest free text a query may carry, in bytes (UTF-8).
pub const MAX_TEXT_LEN: usize = 1000;

/// The most words a query's free text may have (runs of letters and digits,
/// as the analyser splits them): each word is looked up, and a word found
/// nowhere is matched against the term dictionary as a typo.
pub const MAX_TEXT_WORDS: usize = 32;

/// The longest postal code or place name `near` may name, in bytes.
pub const MAX_PLACE_LEN: usize = 200;

/// The most entries each list of a query may have: `languages`,
/// `categories`, `client.statuses`.
pub const MAX_LIST_LEN: usize = 16;

/// The longest query JSON [`Query::from_json`] reads, in bytes.
pub const MAX_QUERY_JSON_LEN: usize = 64 * 1024;

/// A search for services.
///
/// # Example
/// ```
/// use servicematch::Query;
/// let query = Query::new()
///     .text("aide alimentaire")
///     .near_place("P3E 2C6")
///     .client_age(72)
///     .language("fr")
///     .explain(true);
/// assert_eq!(query.limit, 10);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Query {
    /// Free text, English or French.
    pub text: Option<String>,
    /// Where the person is.
    pub near: Option<Near>,
    /// Only services with a location within this many kilometres of `near`.
    pub radius_km: Option<f64>,
    /// Who the person is, for eligibility.
    pub client: Option<Client>,
    /// Preferred languages (ISO 639 codes or names); services offering one rank higher.
    pub languages: Vec<String>,
    /// Only services offering one of `languages`.
    pub require_language: bool,
    /// Only services classified under one of these taxonomy terms (code or name),
    /// or under a narrower term.
    pub categories: Vec<String>,
    /// Only services open now (by the caller's clock), or whose hours are
    /// unknown (ranked below the open ones; see `hours_known`).
    pub open_now: bool,
    /// Only services open at this time, RFC 3339 with its offset
    /// ("2026-11-29T03:00:00-05:00"), or whose hours are unknown.
    pub open_at: Option<String>,
    /// With `open_now` or `open_at`: leave out services whose hours are
    /// unknown, keeping only those known to be open.
    pub hours_known: bool,
    /// Leave out services whose declared service area excludes the
    /// person's place (those that declare none stay). Needs `near`.
    pub serves_here: bool,
    /// Only services known to be free.
    pub free_only: bool,
    /// Only services with a wheelchair-accessible location.
    pub wheelchair: bool,
    /// How many hits to return (1 to [`MAX_LIMIT`]; default 10).
    pub limit: usize,
    /// How many of the best hits to skip, for paging.
    pub offset: usize,
    /// Attach an [`Explanation`](crate::Explanation) to every hit.
    pub explain: bool,
}

impl Default for Query {
    fn default() -> Query {
        Query {
            text: None,
            near: None,
            radius_km: None,
            client: None,
            languages: Vec::new(),
            require_language: false,
            categories: Vec::new(),
            open_now: false,
            open_at: None,
            hours_known: false,
            serves_here: false,
            free_only: false,
            wheelchair: false,
            limit: 10,
            offset: 0,
            explain: false,
        }
    }
}

/// Where the person is: a point, or a postal code or place name to look up in
/// the index's gazetteer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Near {
    /// A point in degrees (WGS 84).
    Point {
        /// Latitude in degrees.
        lat: f64,
        /// Longitude in degrees.
        lon: f64,
    },
    /// A postal code, forward sortation area or place name.
    Place(String),
}

/// The person's profile, checked against services' eligibility.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Client {
    /// Age in years (0 to [`MAX_AGE`]). Wider than an age needs, so that an
    /// impossible value from any surface (JSON, a C `int`) reaches
    /// [`Query::validate`] and gets its message there.
    pub age: Option<i64>,
    /// Gender: "female", "male" or "other" (also "woman", "man", "non-binary"…).
    pub gender: Option<String>,
    /// Yearly household income in dollars, for services with an income limit.
    pub income: Option<f64>,
    /// People in the household (1 to [`MAX_HOUSEHOLD`]), for limits that
    /// depend on it.
    pub household_size: Option<u32>,
    /// Groups the person belongs to ("senior", "newcomer", "veteran",
    /// "indigenous", "disability", "lgbtq"…; see [`Group`](crate::Group)):
    /// services made for them rank first.
    pub statuses: Vec<String>,
}

impl Query {
    /// An empty query: every active service, 10 at a time.
    pub fn new() -> Query {
        Query::default()
    }

    /// The query in its JSON shape.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a query always serialises")
    }

    /// Checks every field for impossible values and unsupported options.
    ///
    /// [`Index::search`](crate::Index::search) calls this first.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidQuery`](crate::ErrorKind::InvalidQuery) naming the
    /// field and value at fault.
    pub fn validate(&self) -> Result<()> {
        if let Some(text) = &self.text {
            if text.len() > MAX_TEXT_LEN {
                return Err(Error::invalid_query(format!(
                    "text is {} bytes long, at most {MAX_TEXT_LEN}",
                    text.len()
                )));
            }
            // As the analyser's tokenizer splits (tantivy's SimpleTokenizer).
            let words = text
                .split(|c: char| !c.is_alphanumeric())
                .filter(|word| !word.is_empty())
                .count();
            if words > MAX_TEXT_WORDS {
                return Err(Error::invalid_query(format!(
                    "text has {words} words, at most {MAX_TEXT_WORDS}"
                )));
            }
        }
        for (field, len) in [
            ("languages", self.languages.len()),
            ("categories", self.categories.len()),
            (
                "client.statuses",
                self.client.as_ref().map_or(0, |c| c.statuses.len()),
            ),
        ] {
            if len > MAX_LIST_LEN {
                return Err(Error::invalid_query(format!(
                    "{field} has {len} entries, at most {MAX_LIST_LEN}"
                )));
            }
        }
        if let Some(Near::Point { lat, lon }) = self.near {
            if !(-90.0..=90.0).contains(&lat) || !lat.is_finite() {
                return Err(Error::invalid_query(format!(
                    "near.lat {lat} is not a latitude (-90 to 90)"
                )));
            }
            if !(-180.0..=180.0).contains(&lon) || !lon.is_finite() {
                return Err(Error::invalid_query(format!(
                    "near.lon {lon} is not a longitude (-180 to 180)"
                )));
            }
        }
        if let Some(Near::Place(place)) = &self.near {
            if place.trim().is_empty() {
                return Err(Error::invalid_query("near is an empty string"));
            }
            if place.len() > MAX_PLACE_LEN {
                return Err(Error::invalid_query(format!(
                    "near is {} bytes long, at most {MAX_PLACE_LEN}",
                    place.len()
                )));
            }
        }
        if let Some(radius) = self.radius_km {
            if !(radius > 0.0 && radius <= MAX_RADIUS_KM) {
                return Err(Error::invalid_query(format!(
                    "radius_km {radius} is not a distance (above 0, at most {MAX_RADIUS_KM})"
                )));
            }
            if self.near.is_none() {
                return Err(Error::invalid_query("radius_km needs near"));
            }
        }
        if self.limit == 0 || self.limit > MAX_LIMIT {
            return Err(Error::invalid_query(format!(
                "limit {} is out of range (1 to {MAX_LIMIT})",
                self.limit
            )));
        }
        if self.offset > MAX_OFFSET {
            return Err(Error::invalid_query(format!(
                "offset {} is out of range (0 to {MAX_OFFSET})",
                self.offset
            )));
        }
        if self.require_language && self.languages.is_empty() {
            return Err(Error::invalid_query("require_language needs languages"));
        }
        if let Some(at) = &self.open_at {
            if self.open_now {
                return Err(Error::invalid_query(
                    "open_now and open_at cannot both be set",
                ));
            }
            if crate::hours::parse_rfc3339(at).is_none() {
                return Err(Error::invalid_query(format!(
                    "open_at \"{at}\" is not an RFC 3339 time with its offset, such as 2026-11-29T03:00:00-05:00"
                )));
            }
        }
        if self.serves_here && self.near.is_none() {
            return Err(Error::invalid_query("serves_here needs near"));
        }
        if self.hours_known && !self.open_now && self.open_at.is_none() {
            return Err(Error::invalid_query(
                "hours_known needs open_now or open_at",
            ));
        }
        if let Some(client) = &self.client {
            if let Some(age) = client.age {
                if !(0..=i64::from(MAX_AGE)).contains(&age) {
                    return Err(Error::invalid_query(format!(
                        "client.age {age} is not a plausible age (0 to {MAX_AGE})"
                    )));
                }
            }
            if let Some(gender) = &client.gender {
                if Gender::parse(gender).is_none() {
                    return Err(Error::invalid_query(format!(
                        "client.gender \"{gender}\" is not one of female, male, other"
                    )));
                }
            }
            if let Some(income) = client.income {
                if !(income.is_finite() && income >= 0.0) {
                    return Err(Error::invalid_query(format!(
                        "client.income {income} is not a yearly income in dollars (0 or more)"
                    )));
                }
            }
            if let Some(people) = client.household_size {
                if !(1..=MAX_HOUSEHOLD).contains(&people) {
                    return Err(Error::invalid_query(format!(
                        "client.household_size {people} is not a household (1 to {MAX_HOUSEHOLD} people)"
                    )));
                }
            }
            for status in &client.statuses {
                if Group::parse(status).is_none() {
                    let known: Vec<&str> = Group::ALL.iter().map(|g| g.as_str()).collect();
                    return Err(Error::invalid_query(format!(
                        "client.statuses: \"{status}\" is not a status this index knows ({})",
                        known.join(", ")
                    )));
                }
            }
        }
        Ok(())
    }

    /// Sets the free text.
    pub fn text(mut self, text: impl Into<String>) -> Query {
        self.text = Some(text.into());
        self
    }

    /// Searches near a point.
    ///
    /// # Units
    /// Degrees (WGS 84).
    pub fn near_point(mut self, lat: f64, lon: f64) -> Query {
        self.near = Some(Near::Point { lat, lon });
        self
    }

    /// Searches near a postal code, forward sortation area or place name.
    pub fn near_place(mut self, place: impl Into<String>) -> Query {
        self.near = Some(Near::Place(place.into()));
        self
    }

    /// Keeps only services with a location within `km` of `near`.
    ///
    /// # Units
    /// Kilometres.
    pub fn radius_km(mut self, km: f64) -> Query {
        self.radius_km = Some(km);
        self
    }

    /// Sets the client's age in years.
    pub fn client_age(mut self, age: u8) -> Query {
        self.client.get_or_insert_with(Client::default).age = Some(age.into());
        self
    }

    /// Sets the client's gender ("female", "male", "other").
    pub fn client_gender(mut self, gender: impl Into<String>) -> Query {
        self.client.get_or_insert_with(Client::default).gender = Some(gender.into());
        self
    }

    /// Adds a preferred language (ISO 639 code or name).
    pub fn language(mut self, language: impl Into<String>) -> Query {
        self.languages.push(language.into());
        self
    }

    /// Keeps only services offering one of the preferred languages.
    pub fn require_language(mut self, require: bool) -> Query {
        self.require_language = require;
        self
    }

    /// Adds a category (taxonomy code or name); narrower terms match too.
    pub fn category(mut self, category: impl Into<String>) -> Query {
        self.categories.push(category.into());
        self
    }

    /// Keeps only services open now by the caller's clock (and those whose
    /// hours are unknown, unless [`Query::hours_known`]).
    pub fn open_now(mut self, open_now: bool) -> Query {
        self.open_now = open_now;
        self
    }

    /// Keeps only services open at `time`, RFC 3339 with its offset
    /// ("2026-11-29T03:00:00-05:00"), and those whose hours are unknown
    /// (unless [`Query::hours_known`]).
    pub fn open_at(mut self, time: impl Into<String>) -> Query {
        self.open_at = Some(time.into());
        self
    }

    /// With an open time: leaves out services whose hours are unknown.
    pub fn hours_known(mut self, hours_known: bool) -> Query {
        self.hours_known = hours_known;
        self
    }

    /// Leaves out services whose declared area excludes the person's place.
    pub fn serves_here(mut self, serves_here: bool) -> Query {
        self.serves_here = serves_here;
        self
    }

    /// Keeps only free services.
    pub fn free_only(mut self, free_only: bool) -> Query {
        self.free_only = free_only;
        self
    }

    /// Keeps only services with a wheelchair-accessible location.
    pub fn wheelchair(mut self, wheelchair: bool) -> Query {
        self.wheelchair = wheelchair;
        self
    }

    /// Sets how many hits to return.
    pub fn limit(mut self, limit: usize) -> Query {
        self.limit = limit;
        self
    }

    /// Sets how many of the best hits to skip.
    pub fn offset(mut self, offset: usize) -> Query {
        self.offset = offset;
        self
    }

    /// Asks for an explanation on every hit.
    pub fn explain(mut self, explain: bool) -> Query {
        self.explain = explain;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip() {
        let query = Query::new()
            .text("food")
            .near_point(46.5, -81.0)
            .radius_km(10.0)
            .client_age(70)
            .language("fr");
        assert_eq!(Query::from_json(&query.to_json()).unwrap(), query);
    }

    #[test]
    fn near_accepts_point_or_string() {
        let q = Query::from_json(r#"{"near": {"lat": 43.6, "lon": -79.4}}"#).unwrap();
        assert_eq!(
            q.near,
            Some(Near::Point {
                lat: 43.6,
                lon: -79.4
            })
        );
        let q = Query::from_json(r#"{"near": "M5V 2T6"}"#).unwrap();
        assert_eq!(q.near, Some(Near::Place("M5V 2T6".into())));
    }

    #[test]
    fn errors_name_the_field_and_value() {
        let err = Query::from_json(r#"{"limit": -1}"#).unwrap_err();
        assert!(err.to_string().contains("limit"), "{err}");
        assert!(err.to_string().contains("-1"), "{err}");
        let err = Query::from_json(r#"{"client": {"age": 300}}"#).unwrap_err();
        assert!(err.to_string().contains("client.age"), "{err}");
        let err = Query::from_json(r#"{"near": "M5V", "radius_km": -5}"#).unwrap_err();
        assert!(err.to_string().contains("radius_km -5"), "{err}");
        let err = Query::from_json(r#"{"txt": "food"}"#).unwrap_err();
        assert!(err.to_string().contains("txt"), "{err}");
    }

    #[test]
    fn open_times_are_checked() {
        Query::from_json(r#"{"open_now": true}"#).unwrap();
        Query::from_json(r#"{"open_at": "2026-11-29T03:00:00-05:00", "hours_known": true}"#)
            .unwrap();
        let err = Query::from_json(r#"{"open_at": "tomorrow"}"#).unwrap_err();
        assert!(
            err.to_string().starts_with("open_at \"tomorrow\" is not"),
            "{err}"
        );
        let err = Query::from_json(r#"{"hours_known": true}"#).unwrap_err();
        assert_eq!(err.to_string(), "hours_known needs open_now or open_at");
    }

    #[test]
    fn unsupported_fields_are_refused_not_ignored() {
        // Nothing is refused as "not supported yet" any more.
        assert!(Query::from_json(r#"{"open_now": true}"#).is_ok());
    }

    #[test]
    fn income_household_and_statuses_are_checked() {
        let ok = r#"{"client": {"income": 31000, "household_size": 4, "statuses": ["Newcomer", "veterans"]}}"#;
        assert!(Query::from_json(ok).is_ok());
        let err = Query::from_json(r#"{"client": {"income": -1}}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "client.income -1 is not a yearly income in dollars (0 or more)"
        );
        let err = Query::from_json(r#"{"client": {"household_size": 0}}"#).unwrap_err();
        assert!(err
            .to_string()
            .starts_with("client.household_size 0 is not a household"));
        let err = Query::from_json(r#"{"client": {"statuses": ["astronaut"]}}"#).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("client.statuses: \"astronaut\" is not a status"),
            "{err}"
        );
    }
}
