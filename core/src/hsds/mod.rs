//! Reading Open Referral HSDS directories into [`Service`]s.
//!
//! Supported: HSDS 3.x JSON ([`v3_json`]): a list of `service_full` objects,
//! the API's paginated list envelope (`{"contents": [...]}`), or a single
//! service. Every record or field that cannot be used is reported in the
//! [`Report`] with file, row and reason; nothing is dropped silently.

pub mod taxonomy;
pub mod v3_json;

use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Service;
use crate::report::Report;

/// Services read from an input, and what could not be used.
#[derive(Debug, Default)]
pub struct Import {
    /// The usable services.
    pub services: Vec<Service>,
    /// Counts and problems.
    pub report: Report,
}

/// Reads an HSDS input file.
///
/// # Errors
/// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read;
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the file
/// when it is not HSDS this crate reads (empty, malformed JSON, wrong shape).
pub fn read_path(path: &Path) -> Result<Import> {
    if path.is_dir() {
        return Err(Error::invalid_input(format!(
            "{}: folders (HSDS CSV and data packages) are not supported yet; give an HSDS 3 JSON file",
            path.display()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, "cannot read", e))?;
    v3_json::read(&path.display().to_string(), &bytes)
}
