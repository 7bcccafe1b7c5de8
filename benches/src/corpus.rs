//! What every peer engine indexes: the same fields our index searches,
//! taken from the same imported [`Service`]s, flattened to plain values.

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};
use servicematch::Service;

use crate::Result;

/// One service as the peers see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Doc {
    /// The publisher's service id.
    pub id: String,
    /// Name and alternate names.
    pub name: String,
    /// Organization name.
    pub organization: String,
    /// Description.
    pub description: String,
    /// Category names, with their broader terms.
    pub categories: String,
    /// Keywords.
    pub keywords: String,
    /// Category codes and names (lowercase), with their broader terms: the
    /// keys a category filter matches.
    pub category_keys: Vec<String>,
    /// Every location, as `[lat, lon]` in degrees.
    pub points: Vec<[f64; 2]>,
    /// ISO 639 codes of the languages offered.
    pub languages: Vec<String>,
    /// Youngest age served, if stated.
    pub min_age: Option<u8>,
    /// Oldest age served, if stated.
    pub max_age: Option<u8>,
    /// Whether the age range was read from free text (never rules anyone out).
    pub age_from_text: bool,
    /// Whether the service is active.
    pub active: bool,
}

impl Doc {
    /// The peer view of `service`.
    pub fn from_service(service: &Service) -> Doc {
        let name = std::iter::once(service.name.as_str())
            .chain(service.alternate_names.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        let categories = service
            .categories
            .iter()
            .flat_map(|c| {
                std::iter::once(c.name.as_str()).chain(c.ancestors.iter().map(|a| a.name.as_str()))
            })
            .collect::<Vec<_>>()
            .join(" ");
        let mut category_keys = Vec::new();
        for category in &service.categories {
            category_keys.push(key(&category.name));
            category_keys.extend(category.code.as_deref().map(key));
            for ancestor in &category.ancestors {
                category_keys.push(key(&ancestor.name));
                category_keys.extend(ancestor.code.as_deref().map(key));
            }
        }
        category_keys.retain(|k| !k.is_empty());
        category_keys.sort();
        category_keys.dedup();
        let ages = service.eligibility.ages;
        Doc {
            id: service.id.clone(),
            name,
            organization: service
                .organization
                .as_ref()
                .map(|o| o.name.clone())
                .unwrap_or_default(),
            description: service.description.clone().unwrap_or_default(),
            categories,
            keywords: service.keywords.join(" "),
            category_keys,
            // Locations without coordinates (real exports have some) are no points.
            points: service
                .locations
                .iter()
                .filter(|l| l.lat.is_finite() && l.lon.is_finite())
                .map(|l| [l.lat, l.lon])
                .collect(),
            languages: service
                .languages
                .iter()
                .filter_map(|l| l.code.clone())
                .collect(),
            min_age: ages.and_then(|a| a.min),
            max_age: ages.and_then(|a| a.max),
            age_from_text: ages.is_some_and(|a| a.from_text),
            active: service.status == servicematch::Status::Active,
        }
    }
}

/// How a category is matched: trimmed, lowercase (as our index does).
pub fn key(category: &str) -> String {
    category.trim().to_lowercase()
}

/// Writes `services` as one JSON [`Doc`] per line, for the node peers.
///
/// # Errors
/// When the file cannot be written.
pub fn write_jsonl(services: &[Service], path: &Path) -> Result<()> {
    let file =
        std::fs::File::create(path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    let mut out = std::io::BufWriter::new(file);
    for service in services {
        serde_json::to_writer(&mut out, &Doc::from_service(service))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

/// Every language code offered, most common first (bit positions for peers
/// that keep languages as a bitset).
pub fn language_table(docs: &[Doc]) -> Vec<String> {
    let mut counts: std::collections::HashMap<&str, usize> = Default::default();
    for doc in docs {
        for code in &doc.languages {
            *counts.entry(code).or_default() += 1;
        }
    }
    let mut table: Vec<(&str, usize)> = counts.into_iter().collect();
    table.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    table.into_iter().map(|(c, _)| c.to_owned()).collect()
}
