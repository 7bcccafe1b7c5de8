//! servicematch-hsds: reading Open Referral HSDS directories into the
//! [`Service`]s that the `servicematch` engine indexes.
//!
//! The engine and this crate are two programs with one contract between
//! them: the [`Service`] model (and the [`Report`] of what could not be
//! used). Applications that only search (the C library, the WebAssembly
//! module) link the engine alone; this crate brings the CSV, JSON and zip
//! readers and the ISO 639 name tables that reading publishers' exports needs.
//!
//! # Example
//! ```
//! use servicematch::{Index, IndexBuilder, Query};
//!
//! let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata/hsds3/service_full.json");
//! let import = servicematch_hsds::read_path(std::path::Path::new(folder))?;
//! let mut builder = IndexBuilder::new("example");
//! builder.add_report(import.report).add_services(import.services);
//! let (bytes, _) = builder.build_bytes()?;
//! let index = Index::from_bytes(bytes)?;
//! assert!(index.search(&Query::new().text("service"))?.total >= 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//!
//! | [`Format`] | input |
//! |---|---|
//! | [`Format::Hsds3Json`] | an HSDS 3.x JSON file: a list of `service_full` objects, the API's paginated list (`{"contents": [...]}`), or one service ([`v3_json`]); or a folder of such files |
//! | [`Format::Hsds3Csv`] | an HSDS 3.x CSV folder: `services.csv`, `organizations.csv`, `locations.csv`, `service_at_location.csv`, `schedules.csv`… |
//! | [`Format::DataPackage`] | an HSDS 1.x–2.0 tabular data package: a folder with `datapackage.json` and its CSV files |
//! | [`Format::OhanaCsv`] | an Ohana API CSV export (HSDS 1.0 era), where `services.csv` names each service's `location_id` |
//!
//! A folder may also be given as a zip archive of it, and a data package as
//! the path of its `datapackage.json`. [`read_path`] tells the formats apart
//! ([`detect`]); [`read_path_as`] reads a format the caller names.
//!
//! # Normalisation
//! The same rules apply to every format: text cleanup (literal `\n`, HTML
//! entities, stray whitespace), languages from free text ([`lang`]),
//! schedules to weekly open intervals with unreadable hours kept as text,
//! ages from structured columns and, marked as such, from plain eligibility
//! text, cost from cost options or fees text, taxonomy terms with their
//! broader terms.
//!
//! # Nothing lost, everything said
//! Every record or field that cannot be used is reported in the [`Report`]
//! with file, row and reason ([`Problem`](servicematch::Problem)). In CSV tables,
//! row 1 is the first data row: the header is not counted. A row whose
//! reference is broken is reported and the service keeps everything else;
//! only a service without id or name (or a second one with the same id) is
//! rejected, so `services_read` = services returned + `services_rejected`.
//! [`Report::tables`] counts rows read, used and rejected per table.
//!
//! Every text field is also checked before it is read: one longer than
//! [`MAX_FIELD_BYTES`] is cut there, bytes that are not UTF-8 are replaced
//! (in a JSON file too: they cost the field, not the file), and HTML markup
//! is kept as text; each is reported with its file, row and field. A
//! damaged export (`servicematch-synth damage`: wrong types, broken
//! references, bad bytes, duplicated ids, HTML, 1 MB fields) is read with
//! every damaged record in the report and no other lost (`tests/damaged.rs`).

#![deny(missing_docs)]
#![deny(unsafe_code)]

mod access;
mod address;
mod ages;
mod areas;
mod categories_from_text;
pub(crate) mod clean;
mod cost;
mod datapackage;
mod eligibility;
mod error;
#[cfg(feature = "fuzzing")]
#[doc(hidden)]
pub mod fuzzing;
pub mod gazetteer;
pub mod lang;
mod ohana;
mod schedule;
mod screen;
mod source;
mod table;
mod tabular;
pub mod taxonomy;
pub mod timezone;
mod v3_csv;
pub mod v3_json;

use std::fmt;
use std::io::Read;
use std::path::Path;
use std::str::FromStr;

pub use categories_from_text::categories_from_text;
pub use eligibility::ELIGIBILITY_TAXONOMY;
pub use screen::MAX_FIELD_BYTES;
pub use source::MAX_ZIP_BYTES;

pub use error::{Error, ErrorKind, Result};
use servicematch::{Report, Service, TableCount};
use source::Source;

/// Services read from an input, and what could not be used.
#[derive(Debug, Default)]
pub struct Import {
    /// The usable services.
    pub services: Vec<Service>,
    /// Counts and problems.
    pub report: Report,
}

/// The input formats servicematch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// HSDS 3.x JSON: `service_full` objects.
    Hsds3Json,
    /// HSDS 3.x CSV: a folder (or zip) of per-table CSV files.
    Hsds3Csv,
    /// HSDS 1.x–2.0 tabular data package: `datapackage.json` and CSV files.
    DataPackage,
    /// Ohana API CSV: `services.csv` names each service's `location_id`.
    OhanaCsv,
}

impl Format {
    /// Every format, in the order [`detect`] considers them.
    pub const ALL: [Format; 4] = [
        Format::Hsds3Json,
        Format::Hsds3Csv,
        Format::DataPackage,
        Format::OhanaCsv,
    ];

    /// The name `--format` takes: `hsds3-json`, `hsds3-csv`, `datapackage`, `ohana-csv`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Hsds3Json => "hsds3-json",
            Format::Hsds3Csv => "hsds3-csv",
            Format::DataPackage => "datapackage",
            Format::OhanaCsv => "ohana-csv",
        }
    }

    /// What the format is, in words.
    pub fn description(self) -> &'static str {
        match self {
            Format::Hsds3Json => "HSDS 3.x JSON",
            Format::Hsds3Csv => "HSDS 3.x CSV",
            Format::DataPackage => "HSDS 1.x-2.0 tabular data package",
            Format::OhanaCsv => "Ohana API CSV",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = Error;

    /// Reads a format name: [`Format::name`], or `json`, `csv`, `hsds1`,
    /// `hsds2`, `ohana`.
    fn from_str(text: &str) -> Result<Format> {
        match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "hsds3-json" | "json" | "hsds3" => Ok(Format::Hsds3Json),
            "hsds3-csv" | "csv" => Ok(Format::Hsds3Csv),
            "datapackage" | "data-package" | "hsds1" | "hsds2" | "hsds1-datapackage" => {
                Ok(Format::DataPackage)
            }
            "ohana-csv" | "ohana" => Ok(Format::OhanaCsv),
            other => Err(Error::invalid_input(format!(
                "unknown format \"{other}\" (formats: {})",
                Format::ALL.map(Format::name).join(", ")
            ))),
        }
    }
}

/// Reads an HSDS input in the format [`detect`] finds.
///
/// # Errors
/// [`ErrorKind::Io`](crate::ErrorKind::Io) when the input cannot be read;
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the
/// file when it is not HSDS this crate reads (empty, malformed JSON, a
/// folder without `services.csv`, a corrupt zip archive…). Bad rows are not
/// errors: they are reported in [`Import::report`].
pub fn read_path(path: &Path) -> Result<Import> {
    read_path_as(path, detect(path)?)
}

/// Reads an HSDS input in the given format.
///
/// # Errors
/// As [`read_path`]; also when the input's shape does not fit the format
/// (a folder given as [`Format::Hsds3Json`]).
pub fn read_path_as(path: &Path, format: Format) -> Result<Import> {
    match format {
        Format::Hsds3Json if path.is_dir() => {
            let files = json_files(path)?;
            if files.is_empty() {
                return Err(Error::invalid_input(format!(
                    "{}: a folder without .json files, not HSDS 3 JSON (a folder of CSV tables is read with --format hsds3-csv or datapackage)",
                    path.display()
                )));
            }
            let mut all = Import::default();
            for file in files {
                let import = read_json_file(&file)?;
                all.services.extend(import.services);
                all.report.merge(import.report);
            }
            Ok(all)
        }
        Format::Hsds3Json => read_json_file(path),
        Format::Hsds3Csv => v3_csv::read(&tabular_source(path)?),
        Format::DataPackage => datapackage::read(&tabular_source(path)?),
        Format::OhanaCsv => ohana::read(&tabular_source(path)?),
    }
}

/// The format of an input, from its shape: a file or a folder, a zip
/// archive, `datapackage.json`, and the columns of `services.csv`.
///
/// A folder (or zip) whose `services.csv` names a `location_id` and that
/// has no service-at-location table is Ohana CSV; one with a
/// `datapackage.json`, or with HSDS 1 tables (`services_at_location.csv`,
/// `regular_schedules.csv`…), is a data package; any other is HSDS 3 CSV.
/// A folder with no CSV tables but `.json` files is a folder of HSDS 3 JSON
/// files.
/// A file is a zip archive by its content, a data package if it is a
/// `datapackage.json`, a CSV folder if it is one of the folder's CSV files,
/// and HSDS 3 JSON otherwise.
///
/// # Errors
/// [`ErrorKind::Io`](crate::ErrorKind::Io) when the input cannot be read;
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when a folder
/// or archive holds no `services.csv`.
pub fn detect(path: &Path) -> Result<Format> {
    let metadata = std::fs::metadata(path).map_err(|e| Error::io(path, "cannot read", e))?;
    if metadata.is_dir() && !has_csv_tables(path)? && !json_files(path)?.is_empty() {
        return Ok(Format::Hsds3Json);
    }
    if metadata.is_dir() || is_zip(path)? || is_csv(path) {
        return detect_tables(&tabular_source(path)?);
    }
    if is_datapackage(path) {
        return Ok(Format::DataPackage);
    }
    Ok(Format::Hsds3Json)
}

fn detect_tables(source: &Source) -> Result<Format> {
    let services = source.find("services.csv").ok_or_else(|| {
        Error::invalid_input(format!(
            "{}: no services.csv ({}); an HSDS folder or archive needs one",
            source.root().display(),
            source.listing()
        ))
    })?;
    let bytes = source.read(services)?;
    let header = table::Table::parse(source.display(services), header_line(&bytes), None)?;
    let has_table = |names: &[&str]| names.iter().any(|n| source.find(n).is_some());
    let has_links = has_table(&["service_at_location.csv", "services_at_location.csv"]);
    if header.has("location_id") && !has_links {
        return Ok(Format::OhanaCsv);
    }
    let hsds1_tables = [
        "datapackage.json",
        "services_at_location.csv",
        "regular_schedules.csv",
        "physical_addresses.csv",
        "services_taxonomy.csv",
        "accessibility_for_disabilities.csv",
    ];
    if has_table(&hsds1_tables) {
        return Ok(Format::DataPackage);
    }
    Ok(Format::Hsds3Csv)
}

/// One HSDS 3 JSON file, with its row in the report's table counts.
fn read_json_file(path: &Path) -> Result<Import> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, "cannot read", e))?;
    let file = path.display().to_string();
    let mut import = v3_json::read(&file, &bytes)?;
    import.report.tables.push(TableCount {
        file,
        read: import.report.services_read,
        used: import.services.len(),
        rejected: import.report.services_rejected,
        imported: true,
    });
    Ok(import)
}

/// The `.json` files directly in `folder` (not `datapackage.json`), in name order.
fn json_files(folder: &Path) -> Result<Vec<std::path::PathBuf>> {
    let entries = std::fs::read_dir(folder).map_err(|e| Error::io(folder, "cannot read", e))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| Error::io(folder, "cannot read", e))?
            .path();
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if json && path.is_file() && !is_datapackage(&path) {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Whether `folder` holds the tables of a tabular format.
fn has_csv_tables(folder: &Path) -> Result<bool> {
    Ok(Source::open(folder)?.find("services.csv").is_some()
        || folder.join("datapackage.json").is_file())
}

/// The header line of a CSV file (quoted line breaks aside, headers have none).
fn header_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .unwrap_or(bytes.len());
    &bytes[..end]
}

/// The folder or archive of a tabular input: the folder itself, the folder
/// of a given `datapackage.json` or CSV file, or a zip archive.
fn tabular_source(path: &Path) -> Result<Source> {
    if path.is_file() && (is_datapackage(path) || is_csv(path)) && !is_zip(path)? {
        let folder = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        return Source::open(folder);
    }
    if path.is_file() && !is_zip(path)? {
        return Err(Error::invalid_input(format!(
            "{}: not a folder or a zip archive of CSV tables",
            path.display()
        )));
    }
    Source::open(path)
}

fn is_zip(path: &Path) -> Result<bool> {
    if !path.is_file() {
        return Ok(false);
    }
    let mut magic = [0u8; 4];
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(path, "cannot read", e))?;
    let read = file
        .read(&mut magic)
        .map_err(|e| Error::io(path, "cannot read", e))?;
    Ok(read == 4 && (magic == *b"PK\x03\x04" || magic == *b"PK\x05\x06"))
}

fn is_datapackage(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.eq_ignore_ascii_case("datapackage.json"))
}

fn is_csv(path: &Path) -> bool {
    path.is_file()
        && path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

/// The error for a JSON `file` that is not `what` it should be ("valid
/// JSON"), naming the line and column.
fn not_json(file: &str, what: &str, e: serde_json::Error) -> Error {
    let (line, column) = (e.line(), e.column());
    Error::invalid_input(format!("{file}: not {what} (line {line}, column {column})"))
        .with_source(e)
}

/// Counts the rows of every CSV file of `source` that `read` did not read.
fn count_unread(join: &mut tabular::Join, source: &Source, read: &[String]) -> Result<()> {
    for file in source.csv_files() {
        if !read.iter().any(|r| r == file) {
            join.count_unread(file)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.name().parse::<Format>().unwrap(), format);
        }
        assert_eq!("hsds1".parse::<Format>().unwrap(), Format::DataPackage);
        let err = "xml".parse::<Format>().unwrap_err();
        assert_eq!(
            err.to_string(),
            "unknown format \"xml\" (formats: hsds3-json, hsds3-csv, datapackage, ohana-csv)"
        );
    }
}
