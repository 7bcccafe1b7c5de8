//! The engines run natively, behind one trait. The node engines (our WASM
//! package, Orama, MiniSearch, FlexSearch) run in `benches/node/bench.mjs`
//! and speak the same worker protocol (see [`crate::measure`]).

use std::path::Path;

use servicematch::Service;

use crate::mix::BenchQuery;
use crate::Result;

pub mod ours;
pub mod sqlite;
pub mod tantivy_geo;

/// One hit as the harness compares them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The publisher's service id.
    pub id: String,
    /// The service name, read from the engine's stored record.
    pub name: String,
}

/// A search engine under test: builds an index into a folder, opens it, and
/// answers the mix's queries with the stored record of each hit.
pub trait Engine: Sized {
    /// Builds the index of `services` into the empty folder `dir`.
    ///
    /// # Errors
    /// Whatever the engine reports.
    fn build(services: Vec<Service>, dir: &Path) -> Result<()>;

    /// Opens the index in `dir`, ready to query.
    ///
    /// # Errors
    /// Whatever the engine reports.
    fn open(dir: &Path) -> Result<Self>;

    /// The best `query.limit` services, best first, each with its stored record read.
    ///
    /// # Errors
    /// Whatever the engine reports.
    fn search(&self, query: &BenchQuery) -> Result<Vec<Found>>;
}

/// The native engines, by name: `servicematch`, `sqlite`, `tantivy`.
pub const NATIVE: [&str; 3] = ["servicematch", "sqlite", "tantivy"];

/// The node engines, by name.
pub const NODE: [&str; 4] = ["servicematch-wasm", "orama", "minisearch", "flexsearch"];

/// Total size of the files in `dir`, in bytes.
pub fn dir_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| match e.metadata() {
                    Ok(m) if m.is_dir() => dir_bytes(&e.path()),
                    Ok(m) => m.len(),
                    Err(_) => 0,
                })
                .sum()
        })
        .unwrap_or(0)
}

/// Haversine distance between two points.
///
/// # Units
/// Degrees in, kilometres out.
pub fn distance_km(a: [f64; 2], b: [f64; 2]) -> f64 {
    servicematch::geo::distance_km(a[0], a[1], b[0], b[1])
}
