//! What a search returns: [`Results`], in Rust and in JSON (serde).

use serde::{Deserialize, Serialize};

/// The ranked answer to a [`Query`](crate::Query).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Results {
    /// How many services matched, before `offset` and `limit`: exact when
    /// `total_exact`, else a lower bound. Matches are counted one by one up
    /// to 1,000; past that the search skips services that cannot enter the
    /// top instead of counting them.
    pub total: usize,
    /// Whether `total` counts every match.
    pub total_exact: bool,
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// Facet counts over the matches (not just this page): exact when
    /// `facets.exact`, as `total` is. `None` only in results made by hand.
    pub facets: Option<Facets>,
    /// The directory's own help line, from its build (`None` when it gave
    /// none): given with every answer, however few hits, so that no caller
    /// is left without somewhere to turn.
    #[serde(default)]
    pub help_line: Option<String>,
}

impl Results {
    /// The results in their JSON shape.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("results always serialise")
    }
}

/// Facet counts over the matching services: how many matches each value
/// of a field has, so that a page can offer them as filters. Counted over
/// the same matches as `total`: exact when `exact`, else lower bounds.
/// Each list is most common first (ties by value).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Facets {
    /// Whether every count is exact (else each is a lower bound).
    pub exact: bool,
    /// Matches per top-level category ("Food", "Health").
    pub categories: Vec<FacetCount>,
    /// Matches per language code ("en", "fr").
    pub languages: Vec<FacetCount>,
    /// Matches per cost: "free", "sliding_scale", "fee", "unknown".
    pub cost: Vec<FacetCount>,
    /// Matches per opening state at the query's time: "open", "closed"
    /// (only those offered as opening later today), "hours unknown"; empty
    /// unless the query asks about a time (`open_now` or `open_at`): it
    /// reads every counted service's hours.
    #[serde(default)]
    pub open: Vec<FacetCount>,
    /// Matches per eligibility verdict, with a client profile: "eligible", "unknown".
    pub eligibility: Vec<FacetCount>,
    /// Matches per distance band from the query's place: "under 1 km",
    /// "1–5 km", "5–10 km", "10–25 km", "25–50 km", "50 km or more", "no location".
    pub distance: Vec<FacetCount>,
}

/// One value of a facet and how many matches have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FacetCount {
    /// The value.
    pub value: String,
    /// Matches with it.
    pub count: usize,
}

/// One matching service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// The publisher's own HSDS service id.
    pub id: String,
    /// Service name.
    pub name: String,
    /// Organization name.
    pub organization: Option<String>,
    /// Ranking score: higher is better; comparable within one result list only.
    pub score: f32,
    /// Great-circle distance from `near` to the service's nearest location, in
    /// kilometres; `None` without `near`.
    pub distance_km: Option<f64>,
    /// Whether the client profile fits the service; `None` without a profile.
    pub eligibility: Option<Eligibility>,
    /// Languages the service is offered in (ISO 639 codes, else names).
    pub languages: Vec<String>,
    /// Whether the service is open at the query's time (`open_at`, else the
    /// caller's clock); `None` when its hours (or its time zone) are unknown,
    /// or no clock is at hand.
    pub open_now: Option<bool>,
    /// Whether the service's declared area holds the person's place: `None`
    /// without `near`, or when the service declares no area.
    #[serde(default)]
    pub serves_here: Option<bool>,
    /// The service's location nearest to `near` (the first one without `near`).
    pub location: Option<HitLocation>,
    /// Names of the taxonomy terms the service is classified under.
    pub categories: Vec<String>,
    /// Phone numbers.
    pub phones: Vec<String>,
    /// Web page.
    pub url: Option<String>,
    /// Why this hit ranks where it does; only when the query asks to `explain`.
    pub explanation: Option<Explanation>,
    /// Set when the hit does not meet the whole query and is offered
    /// because too few services do ("no wrong door"): what was relaxed
    /// ("beyond 10 km", "language preferred, not required", "opens later
    /// today", "hours unknown", "outside its service area").
    #[serde(default)]
    pub relaxed: Option<String>,
}

/// A location of a hit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HitLocation {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// Street address on one line.
    pub address: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
}

/// Three-valued eligibility of a client for a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Eligibility {
    /// The service's structured data says the client qualifies.
    Eligible,
    /// The data does not say; ranked below eligible, never dropped.
    Unknown,
    /// The service's structured data rules the client out; such services are
    /// not returned.
    Ineligible,
}

/// The factors behind a hit's score, and a plain-language reason.
///
/// The score is the product of the factors present.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Explanation {
    /// One line for a person: "speaks French · 1.2 km · ages 65+ · free".
    pub reason: String,
    /// Text relevance (BM25 over name, organization, categories, keywords and
    /// description, with field boosts); `None` without text.
    pub text: Option<f32>,
    /// Distance decay in (0, 1]; `None` without `near`.
    pub distance: Option<f32>,
    /// Language factor: 1 when the service offers a preferred language.
    pub language: f32,
    /// Eligibility factor: 1 when eligible, less when unknown.
    pub eligibility: f32,
    /// Open-hours factor: 1 when open at the query's time (or the query asks
    /// no time), less when the hours are unknown.
    #[serde(default = "one")]
    pub open: f32,
    /// Fit factor: 1 for a service made for the client (or without a
    /// profile), less for one for everyone, less still for one made for others.
    #[serde(default = "one")]
    pub fit: f32,
    /// How to reach the service, in one line, when the data says ("Call to
    /// register · bring: Health card · wheelchair accessible"): the first
    /// sentence of its application process, documents to bring, wheelchair
    /// access.
    #[serde(default)]
    pub access: Option<String>,
}

fn one() -> f32 {
    1.0
}
