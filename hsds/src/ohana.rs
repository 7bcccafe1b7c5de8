//! Ohana API CSV: the import format of Code for America's Ohana API (the
//! HSDS 1.0-era reference implementation), as iCarol 211 directories export
//! it.
//!
//! Differences from HSDS: `services.csv` names one `location_id` per
//! service (there is no service-at-location table), `locations.csv` names
//! the organization and holds free-text `languages` and `accessibility`,
//! `services.csv` holds free-text `eligibility`, `fees`, `languages` and
//! comma-separated `keywords`, and `taxonomy.csv` holds each category's
//! code in `taxonomy_id` (its parent named by code in `parent_id`).
//!
//! Categories come from `taxonomy_ids` on the service row and, where the
//! export has them, from two JSON maps keyed by service id:
//! `service_categories.json` (lists of `taxonomy.csv` row ids) and
//! `service_icarol_categories.json` (lists of AIRS codes, named by
//! `taxonomy_mapping.csv`'s `211 Code` and `211 Name` columns). Those files
//! have no rows: their problems name the service id as the field.

use std::collections::HashMap;

use serde_json::Value;

use super::source::Source;
use super::table::Table;
use super::tabular::{Join, Layout};
use super::Import;
use crate::error::Result;
use servicematch::{Category, CategoryTerm};
use servicematch::{Problem, TableCount};

/// The vocabulary of AIRS codes read from iCarol category maps.
const AIRS: &str = "AIRS";

/// Reads an Ohana CSV folder or archive.
///
/// # Errors
/// When `services.csv` is missing or lacks an `id` or `name` column, a
/// table cannot be read or parsed, or a category map is not valid JSON.
pub(crate) fn read(source: &Source) -> Result<Import> {
    let mut layout = Layout::by_file_names(source);
    layout.term_id_columns = &["taxonomy_id", "id"];
    layout.term_code_columns = &["taxonomy_id"];
    layout.term_vocabulary_columns = &["vocabulary"];
    super::v3_csv::require_services(source, &layout)?;
    let mut read: Vec<String> = layout.files.values().cloned().collect();
    let terms = layout.files.get(&super::tabular::Kind::Terms).cloned();
    let delimiter = layout.delimiter;
    let mut join = Join::read(source, layout)?;
    if let Some(map) = source.find("service_categories.json") {
        let row_codes = match &terms {
            Some(terms) => term_codes(&Table::read(source, terms, delimiter)?),
            None => HashMap::new(),
        };
        categories(&mut join, source, map, |join, service, id| {
            let code = row_codes.get(id).map_or(id, String::as_str);
            join.categorise_by_id(service, code)
        })?;
    }
    if let Some(map) = source.find("service_icarol_categories.json") {
        let mut names = HashMap::new();
        if let Some(mapping) = source.find("taxonomy_mapping.csv") {
            let table = Table::read(source, mapping, delimiter)?;
            for row in table.rows() {
                if let (Some(code), Some(name)) = (row.line("211 code"), row.line("211 name")) {
                    names.entry(code).or_insert(name);
                }
            }
            join.count_table(TableCount {
                file: table.file.clone(),
                read: table.len(),
                used: table.len(),
                rejected: 0,
                imported: true,
            });
            read.push(mapping.to_owned());
        }
        categories(&mut join, source, map, |join, service, code| {
            join.add_category(service, airs_category(code, &names))
        })?;
    }
    super::count_unread(&mut join, source, &read)?;
    Ok(join.finish())
}

/// `taxonomy.csv` row id → category code.
fn term_codes(table: &Table) -> HashMap<String, String> {
    table
        .rows()
        .filter_map(|row| Some((row.line("id")?, row.line("taxonomy_id")?)))
        .collect()
}

/// Reads a map of service id → list of category ids, adding each with `add`.
fn categories(
    join: &mut Join,
    source: &Source,
    relative: &str,
    mut add: impl FnMut(&mut Join, &str, &str) -> bool,
) -> Result<()> {
    let file = source.display(relative);
    let bytes = source.read(relative)?;
    let map: serde_json::Map<String, Value> = serde_json::from_slice(&bytes)
        .map_err(|e| super::not_json(&file, "a JSON object of service ids", e))?;
    let mut count = TableCount {
        file: file.clone(),
        read: map.len(),
        imported: true,
        ..TableCount::default()
    };
    let mut problems = Vec::new();
    for (service, ids) in &map {
        if !join.has_service(service) {
            count.rejected += 1;
            problems.push(Problem {
                file: file.clone(),
                row: None,
                field: Some(service.clone()),
                reason: format!("service {service} is not in services"),
                rejected: true,
            });
            continue;
        }
        let ids = ids.as_array().map(Vec::as_slice).unwrap_or(&[]);
        for id in ids.iter().filter_map(|v| {
            v.as_str()
                .map(str::to_owned)
                .or_else(|| v.as_u64().map(|n| n.to_string()))
        }) {
            add(join, service, &id);
        }
        count.used += 1;
    }
    join.report_mut().problems.extend(problems);
    join.count_table(count);
    Ok(())
}

/// An AIRS category with the broader codes the mapping names
/// ("BD-1800.2000" → "BD-1800" → "BD" → "B").
fn airs_category(code: &str, names: &HashMap<String, String>) -> Category {
    let mut ancestors = Vec::new();
    let mut current = code.to_owned();
    while let Some(parent) = airs_parent(&current) {
        if let Some(name) = names.get(&parent) {
            ancestors.push(CategoryTerm {
                code: Some(parent.clone()),
                name: name.clone(),
            });
        }
        current = parent;
    }
    Category {
        code: Some(code.to_owned()),
        name: names.get(code).cloned().unwrap_or_else(|| code.to_owned()),
        vocabulary: Some(AIRS.into()),
        ancestors,
    }
}

fn airs_parent(code: &str) -> Option<String> {
    if let Some(at) = code.rfind(['-', '.']) {
        return Some(code[..at].to_owned());
    }
    let mut chars = code.chars();
    match (chars.next(), chars.next(), chars.next()) {
        (Some(first), Some(_), None) => Some(first.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn airs_codes_know_their_named_parents() {
        let names: HashMap<String, String> = [
            ("BD", "Food"),
            ("BD-1800", "Emergency Food"),
            ("BD-1800.2000", "Food Pantries"),
        ]
        .into_iter()
        .map(|(c, n)| (c.to_owned(), n.to_owned()))
        .collect();
        let category = airs_category("BD-1800.2000", &names);
        assert_eq!(category.name, "Food Pantries");
        let parents: Vec<&str> = category.ancestors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(parents, ["Emergency Food", "Food"]);
        assert_eq!(airs_category("ZZ-9", &names).name, "ZZ-9");
        assert_eq!(airs_category("é1", &names).code.as_deref(), Some("é1"));
    }
}
