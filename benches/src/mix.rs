//! The committed query mix (`benches/queries.json`), resolved for every
//! engine, and the ranking model the peers reproduce.
//!
//! Each entry is `{"name", "kind", "query"}` where `query` is our JSON query
//! shape. Places (`"near": "P3E 2C6"`) are looked up once in our gazetteer so
//! that every peer gets the same point.

use std::path::Path;

use serde::{Deserialize, Serialize};
use servicematch::{Index, Near, Query};

use crate::Result;

/// One query of the mix, as written in `queries.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MixEntry {
    /// A short name, unique in the mix.
    pub name: String,
    /// Its kind: `text`, `text+near`, `near`, `text+near+age+lang`,
    /// `category+near`, `broad`, `typo`, `french`.
    pub kind: String,
    /// Our JSON query.
    pub query: serde_json::Value,
}

/// A query resolved for every engine.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct BenchQuery {
    /// Name in the mix.
    pub name: String,
    /// Kind in the mix.
    pub kind: String,
    /// Our query, as written.
    pub query: Query,
    /// Free text.
    pub text: Option<String>,
    /// The point searched near, `[lat, lon]` in degrees.
    pub point: Option<[f64; 2]>,
    /// Radius in kilometres.
    pub radius_km: Option<f64>,
    /// Client age in years.
    pub age: Option<u8>,
    /// Preferred languages (ISO 639-1 codes).
    pub languages: Vec<String>,
    /// Only services offering one of `languages`.
    pub require_language: bool,
    /// Category keys (lowercase).
    pub categories: Vec<String>,
    /// Number of hits.
    pub limit: usize,
}

/// Reads and checks the mix.
///
/// # Errors
/// When the file cannot be read, an entry is not our query shape, or uses a
/// field the peers do not reproduce.
pub fn load(path: &Path) -> Result<Vec<MixEntry>> {
    let entries = load_ours(path)?;
    for entry in &entries {
        let query = Query::from_json(&entry.query.to_string())?;
        let gender = query.client.as_ref().and_then(|c| c.gender.as_ref());
        if gender.is_some() || query.free_only || query.wheelchair || query.offset > 0 {
            return Err(format!(
                "{}: query \"{}\" uses gender, free_only, wheelchair or offset, which the peers do not reproduce",
                path.display(),
                entry.name
            )
            .into());
        }
    }
    Ok(entries)
}

/// Reads a mix that only servicematch runs (`benches/queries-filters.json`:
/// hours, service areas, income and statuses, which the peers do not model).
///
/// # Errors
/// When the file cannot be read or an entry is not our query shape.
pub fn load_ours(path: &Path) -> Result<Vec<MixEntry>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let entries: Vec<MixEntry> =
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    for entry in &entries {
        Query::from_json(&entry.query.to_string())
            .map_err(|e| format!("{}: query \"{}\": {e}", path.display(), entry.name))?;
    }
    Ok(entries)
}

/// Resolves the mix against our index (places to points).
///
/// # Errors
/// When a place is not in the gazetteer or a language is unknown.
pub fn resolve(entries: &[MixEntry], index: &Index) -> Result<Vec<BenchQuery>> {
    entries
        .iter()
        .map(|entry| {
            let query = Query::from_json(&entry.query.to_string())?;
            let point = match &query.near {
                None => None,
                Some(Near::Point { lat, lon }) => Some([*lat, *lon]),
                Some(Near::Place(place)) => {
                    let place = index.locate(place)?;
                    Some([place.lat, place.lon])
                }
            };
            let languages = query
                .languages
                .iter()
                .map(|l| {
                    servicematch_hsds::lang::code(l)
                        .ok_or_else(|| format!("query \"{}\": unknown language {l}", entry.name))
                })
                .collect::<std::result::Result<Vec<_>, _>>()?;
            Ok(BenchQuery {
                name: entry.name.clone(),
                kind: entry.kind.clone(),
                text: query.text.clone().filter(|t| !t.trim().is_empty()),
                point,
                radius_km: query.radius_km,
                age: query
                    .client
                    .as_ref()
                    .and_then(|c| c.age)
                    .and_then(|a| u8::try_from(a).ok()),
                languages,
                require_language: query.require_language,
                categories: query
                    .categories
                    .iter()
                    .map(|c| crate::corpus::key(c))
                    .collect(),
                limit: query.limit,
                query,
            })
        })
        .collect()
}

/// The eligibility factor our ranking gives a service for a client `age`:
/// `None` when the service is ineligible (structured range excludes the age).
pub fn eligibility_factor(
    age: Option<u8>,
    min: Option<u8>,
    max: Option<u8>,
    from_text: bool,
) -> Option<f32> {
    let Some(age) = age else { return Some(1.0) };
    if min.is_none() && max.is_none() {
        return Some(servicematch::rank::ELIGIBILITY_UNKNOWN);
    }
    let fits = min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m);
    match (fits, from_text) {
        (true, _) => Some(1.0),
        (false, true) => Some(servicematch::rank::ELIGIBILITY_UNKNOWN),
        (false, false) => None,
    }
}

/// The language factor our ranking gives a service offering `offered` to a
/// person preferring `preferred`.
pub fn language_factor(preferred: &[String], offered: &[String]) -> f32 {
    if preferred.is_empty() || offered.iter().any(|l| preferred.contains(l)) {
        1.0
    } else if offered.is_empty() {
        servicematch::rank::LANGUAGE_UNLISTED
    } else {
        servicematch::rank::LANGUAGE_OTHER
    }
}

/// The words of a query text for engines that take a list of terms:
/// lowercase runs of letters and digits.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn eligibility_matches_ours() {
        assert_eq!(eligibility_factor(None, Some(65), None, false), Some(1.0));
        assert_eq!(
            eligibility_factor(Some(70), Some(65), None, false),
            Some(1.0)
        );
        assert_eq!(eligibility_factor(Some(30), Some(65), None, false), None);
        assert_eq!(
            eligibility_factor(Some(30), Some(65), None, true),
            Some(0.8)
        );
        assert_eq!(eligibility_factor(Some(30), None, None, false), Some(0.8));
    }

    #[test]
    fn words_split_and_fold_case() {
        assert_eq!(
            words("Aide alimentaire, Sudbury!"),
            vec!["aide", "alimentaire", "sudbury"]
        );
    }

    #[test]
    fn the_committed_mix_is_valid() {
        let path = crate::data::workspace_dir().join("benches/queries.json");
        let mix = load(&path).unwrap();
        assert!(mix.len() >= 30, "{}", mix.len());
        for kind in [
            "text",
            "text+near",
            "near",
            "text+near+age+lang",
            "category+near",
            "broad",
            "typo",
            "french",
        ] {
            assert!(mix.iter().any(|e| e.kind == kind), "no {kind} query");
        }
    }
}
