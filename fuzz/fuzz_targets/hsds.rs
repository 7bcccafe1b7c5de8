//! Every HSDS importer on arbitrary input: HSDS 3 JSON (in memory), CSV
//! folders read as each tabular format, and zip archives. Bad input is an
//! error or a reported row, never a panic, a hang or an unbounded
//! allocation.
//!
//! Input: the first byte picks the shape.
//! - 0: HSDS 3 JSON, the rest of the input;
//! - 1–4: a folder of tables, read as detected, HSDS 3 CSV, a data package,
//!   Ohana CSV. The rest is files separated by NUL bytes, each starting with
//!   one byte that picks its name in [`TABLES`];
//! - 5: a zip archive, the rest of the input, read as detected and as each
//!   tabular format.

#![no_main]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use servicematch_hsds::{read_path, read_path_as, v3_json, Format};

/// The file names of every tabular format's tables.
const TABLES: &[&str] = &[
    "services.csv",
    "organizations.csv",
    "locations.csv",
    "service_at_location.csv",
    "services_at_location.csv",
    "schedules.csv",
    "regular_schedules.csv",
    "holiday_schedules.csv",
    "addresses.csv",
    "physical_addresses.csv",
    "postal_addresses.csv",
    "phones.csv",
    "languages.csv",
    "taxonomy_terms.csv",
    "taxonomies.csv",
    "taxonomy.csv",
    "services_taxonomy.csv",
    "attributes.csv",
    "eligibility.csv",
    "cost_options.csv",
    "service_areas.csv",
    "accessibility.csv",
    "accessibility_for_disabilities.csv",
    "contacts.csv",
    "required_documents.csv",
    "programs.csv",
    "funding.csv",
    "payments_accepted.csv",
    "organization_identifiers.csv",
    "metadata.csv",
    "datapackage.json",
];

const TABULAR: [Format; 3] = [Format::Hsds3Csv, Format::DataPackage, Format::OhanaCsv];

/// This process's scratch folder, emptied before each input.
fn scratch() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        std::env::temp_dir().join(format!("servicematch-fuzz-hsds-{}", std::process::id()))
    })
}

fn fresh_folder() -> PathBuf {
    let dir = scratch().join("input");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the scratch folder");
    dir
}

fuzz_target!(|data: &[u8]| {
    let Some((&shape, rest)) = data.split_first() else {
        return;
    };
    match shape % 6 {
        0 => {
            let _ = v3_json::read("fuzz.json", rest);
        }
        shape @ 1..=4 => {
            let dir = fresh_folder();
            for file in rest.split(|&b| b == 0) {
                let Some((&name, content)) = file.split_first() else {
                    continue;
                };
                let name = TABLES[usize::from(name) % TABLES.len()];
                std::fs::write(dir.join(name), content).expect("a scratch file");
            }
            let _ = match shape {
                1 => read_path(&dir),
                _ => read_path_as(&dir, TABULAR[usize::from(shape) - 2]),
            };
        }
        _ => {
            let dir = fresh_folder();
            let zip = dir.join("export.zip");
            std::fs::write(&zip, rest).expect("a scratch file");
            let _ = read_path(&zip);
            for format in TABULAR {
                let _ = read_path_as(&zip, format);
            }
        }
    }
});
