//! The meta section: what the index holds and where it came from (JSON),
//! read whole at open.

use serde::{Deserialize, Serialize};
use tantivy::directory::OwnedBytes;

use crate::eligibility::LowIncomeLine;
use crate::error::{Error, Result};
use crate::lang::LanguageName;

/// Metadata stored in every index (the `meta` section, JSON).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Format version of the file.
    pub format_version: u32,
    /// Dataset name, e.g. "Ontario 211 directory".
    pub name: String,
    /// Version of servicematch that built the file.
    pub built_by: String,
    /// When the file was built, in seconds since the Unix epoch.
    pub built_at: u64,
    /// Services in the index.
    pub services: usize,
    /// Service locations in the index.
    pub locations: usize,
    /// Postal codes and areas in the gazetteer.
    pub postal_codes: usize,
    /// The language table of the filter columns: ISO 639 codes, most common first.
    pub languages: Vec<String>,
    /// The names of `languages`, one per code in the same order, by which
    /// queries name them ("French", "Français"). Empty in files built before
    /// servicematch wrote it (searching then knows ISO 639-1 names only).
    #[serde(default)]
    pub language_names: Vec<LanguageName>,
    /// The low-income line that income limits given as a share of it are
    /// read against (Statistics Canada's LIM-AT unless the publisher gave
    /// their own).
    #[serde(default)]
    pub low_income_line: LowIncomeLine,
    /// The top-level categories of the index's services, for facets; the
    /// filters section refers to them by position.
    #[serde(default)]
    pub top_categories: Vec<String>,
    /// Attribution and licence lines for the data in the file.
    pub attribution: Vec<String>,
    /// Counts of the import that fed the build.
    pub import: ImportCounts,
}

/// How many services the build read and how many it could not use.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ImportCounts {
    /// Services read from the input.
    pub services_read: usize,
    /// Services rejected (`services_read` = `services` + `services_rejected`).
    pub services_rejected: usize,
}

/// Writes the meta section.
pub(crate) fn write(meta: &Meta) -> Vec<u8> {
    serde_json::to_vec(meta).expect("meta always serialises")
}

/// Reads the meta section.
///
/// # Errors
/// [`ErrorKind::CorruptIndex`](crate::ErrorKind::CorruptIndex) when it is not the JSON of a [`Meta`].
pub(crate) fn read(section: &OwnedBytes) -> Result<Meta> {
    serde_json::from_slice(section.as_slice())
        .map_err(|e| Error::corrupt("section meta cannot be decoded").with_source(e))
}
