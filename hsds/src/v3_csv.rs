//! HSDS 3.x CSV: a folder (or zip archive) with one CSV file per table, as
//! the specification's `examples/csv` has them.
//!
//! Tables read: `services`, `organizations`, `locations`,
//! `service_at_location`, `addresses`, `phones`, `schedules`, `languages`,
//! `accessibility`, `cost_options`, `required_documents`, `taxonomy_terms`,
//! `taxonomies`, `attributes` (a term linked to a service by `link_id`),
//! `service_areas` and `programs` (a service's `program_id`).
//! Other CSV files (`contacts`, `funding`…)
//! are counted in the report as not imported. Columns of older generations
//! are read too where a table has them (see [`super::tabular`]).

use super::source::Source;
use super::tabular::{Join, Layout};
use super::Import;
use crate::error::Result;

/// Reads an HSDS 3 CSV folder or archive.
///
/// # Errors
/// When `services.csv` is missing or lacks an `id` or `name` column, or a
/// table cannot be read or parsed.
pub(crate) fn read(source: &Source) -> Result<Import> {
    let layout = Layout::by_file_names(source);
    require_services(source, &layout)?;
    let read: Vec<String> = layout.files.values().cloned().collect();
    let mut join = Join::read(source, layout)?;
    super::count_unread(&mut join, source, &read)?;
    Ok(join.finish())
}

/// The error for a folder without `services.csv`.
pub(crate) fn require_services(source: &Source, layout: &Layout) -> Result<()> {
    if layout.files.contains_key(&super::tabular::Kind::Services) {
        return Ok(());
    }
    Err(crate::Error::invalid_input(format!(
        "{}: no services.csv ({})",
        source.root().display(),
        source.listing()
    )))
}
