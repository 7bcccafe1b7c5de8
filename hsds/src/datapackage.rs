//! HSDS 1.x–2.0 tabular data packages: a folder (or zip archive) with a
//! Frictionless `datapackage.json` that lists its CSV resources.
//!
//! Each resource is matched to a table by its file name, or else by its
//! resource name (`service`,
//! `organization`, `location`, `service_at_location`, `physical_address`,
//! `phone`, `regular_schedule`, `language`, `eligibility`,
//! `accessibility_for_disabilities`, `taxonomy`, `service_taxonomy`,
//! `required_document`; HSDS 2.0's `schedule`, `attribute`, `taxonomy_term`,
//! `cost_option`, `address`) or else by its file name, and read from its
//! `path`, relative to `datapackage.json`. A CSV `dialect.delimiter` is
//! honoured. A resource the package lists but does not hold is reported; a
//! table the package holds but does not list is read by its file name.
//! Without `datapackage.json`, tables are found by file name alone.

use serde_json::Value;

use super::source::Source;
use super::tabular::{Join, Kind, Layout};
use super::Import;
use crate::error::Result;
use servicematch::Problem;

/// Reads a data package folder or archive.
///
/// # Errors
/// When `datapackage.json` is not valid JSON, `services.csv` is missing or
/// lacks an `id` or `name` column, or a table cannot be read or parsed.
pub(crate) fn read(source: &Source) -> Result<Import> {
    let mut layout = Layout::by_file_names(source);
    let mut missing = Vec::new();
    if let Some(descriptor) = source.find("datapackage.json") {
        let folder = descriptor
            .rsplit_once('/')
            .map(|(f, _)| format!("{f}/"))
            .unwrap_or_default();
        let bytes = source.read(descriptor)?;
        let file = source.display(descriptor);
        let package: Value =
            serde_json::from_slice(&bytes).map_err(|e| super::not_json(&file, "valid JSON", e))?;
        let resources = package
            .get("resources")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for (i, resource) in resources.iter().enumerate() {
            let name = resource.get("name").and_then(Value::as_str).unwrap_or("");
            let path = match resource.get("path") {
                Some(Value::String(path)) => path.as_str(),
                Some(Value::Array(paths)) => paths.first().and_then(Value::as_str).unwrap_or(""),
                _ => "",
            };
            let file_name = path.rsplit('/').next().unwrap_or(path);
            // The file name first: "taxonomy" names the terms in HSDS 1
            // (taxonomy.csv) but the vocabularies in HSDS 3 (taxonomies.csv).
            let kind = Kind::ALL
                .into_iter()
                .find(|k| {
                    k.file_names()
                        .iter()
                        .any(|n| n.eq_ignore_ascii_case(file_name))
                })
                .or_else(|| kind_of_resource(name));
            if let Some(delimiter) = resource
                .pointer("/dialect/delimiter")
                .and_then(Value::as_str)
            {
                if let [byte] = delimiter.as_bytes() {
                    layout.delimiter = Some(*byte);
                }
            }
            let Some(kind) = kind else { continue };
            let found = source
                .get(&format!("{folder}{path}"))
                .or_else(|| source.find(file_name));
            match found {
                Some(found) => {
                    layout.files.insert(kind, found.to_owned());
                }
                None if !layout.files.contains_key(&kind) => missing.push(Problem {
                    file: file.clone(),
                    row: Some(i + 1),
                    field: Some("resources".into()),
                    reason: format!(
                        "resource {name} names {path}, which the package does not hold"
                    ),
                    rejected: false,
                }),
                None => {}
            }
        }
    }
    super::v3_csv::require_services(source, &layout)?;
    let read: Vec<String> = layout.files.values().cloned().collect();
    let mut join = Join::read(source, layout)?;
    join.report_mut().problems.splice(0..0, missing);
    super::count_unread(&mut join, source, &read)?;
    Ok(join.finish())
}

fn kind_of_resource(name: &str) -> Option<Kind> {
    Some(match name.to_ascii_lowercase().replace('-', "_").as_str() {
        "organization" | "organizations" => Kind::Organizations,
        "program" | "programs" => Kind::Programs,
        "location" | "locations" => Kind::Locations,
        "physical_address" | "physical_addresses" | "address" | "addresses" => Kind::Addresses,
        "accessibility_for_disabilities" | "accessibility" => Kind::Accessibility,
        "service" | "services" => Kind::Services,
        "service_at_location" | "services_at_location" => Kind::Links,
        "phone" | "phones" => Kind::Phones,
        "regular_schedule" | "regular_schedules" | "schedule" | "schedules" => Kind::Schedules,
        "holiday_schedule" | "holiday_schedules" => Kind::Holidays,
        "service_area" | "service_areas" => Kind::ServiceAreas,
        "language" | "languages" => Kind::Languages,
        "eligibility" => Kind::Eligibility,
        "taxonomy" | "taxonomy_term" | "taxonomy_terms" => Kind::Terms,
        "taxonomies" => Kind::Vocabularies,
        "service_taxonomy" | "services_taxonomy" | "attribute" | "attributes" => Kind::TermLinks,
        "cost_option" | "cost_options" => Kind::CostOptions,
        "required_document" | "required_documents" => Kind::Documents,
        _ => return None,
    })
}
