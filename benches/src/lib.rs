//! Benchmarks of servicematch at Ontario scale (60k services) and continental
//! scale (1M services), side by side with the engines a user would pick
//! instead.
//!
//! Two things live here:
//!
//! - criterion benches of our own hot paths (`cargo bench -p servicematch-benches`):
//!   open, text query, near query, combined query, record fetch, at 60k;
//! - the comparison harness, binary `compare`, which generates the data with
//!   the project's deterministic generator, builds every engine's index, runs
//!   the committed query mix (`benches/queries.json`) on one core per engine
//!   and writes `benches/results/REPORT.md` and a chart;
//! - the relevance harness, binary `relevance`, which runs the judged
//!   callers' queries of `benches/relevance/` on servicematch, SQLite FTS5 and
//!   tantivy and writes nDCG@10, P@10 and MRR to `benches/results/RELEVANCE.md`
//!   (see [`relevance`]).
//!
//! ```text
//! npm ci --prefix benches/node && bindings-wasm/build.sh   # once, for the node engines
//! cargo run --release -p servicematch-benches --bin compare -- --scale 60k    # + Miami, < 10 min
//! cargo run --release -p servicematch-benches --bin compare -- --scale 1m     # < 30 min
//! cargo run --release -p servicematch-benches --bin compare -- --scale miami  # the real export only
//! ```
//!
//! `--engines sqlite,orama` re-runs some engines (and always ours, so ratios
//! hold) and keeps the others' saved figures. Node engines whose packages or
//! WASM build are missing get a "not run" row saying what to install.
//!
//! Engines compared: servicematch (native, and its WASM package in node), SQLite
//! FTS5 + R*Tree (rusqlite, bundled), tantivy alone with a brute-force geo
//! post-filter, and in node Orama, MiniSearch and FlexSearch. Each engine runs
//! in its own process, pinned to one core with `taskset`, so that resident
//! memory and latencies are its own.
//!
//! # Performance
//! This crate measures; it is never run by the test suite except for a
//! smoke test of the harness on a tiny directory.

#![deny(missing_docs)]

pub mod chart;
pub mod corpus;
pub mod data;
pub mod engines;
pub mod measure;
pub mod mix;
pub mod relevance;
pub mod report;

/// The error type of the harness: anything, with a message a person can act on.
pub type Error = Box<dyn std::error::Error + Send + Sync>;

/// The result type of the harness.
pub type Result<T, E = Error> = std::result::Result<T, E>;
