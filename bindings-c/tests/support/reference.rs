//! Writes what the C tests need: the test index, built from the core's
//! ranking fixture, and the Rust results for the queries in
//! `tests/queries.jsonl`, which the C results must equal.
//!
//! Usage: `cargo run -p servicematch-c --example reference -- OUT_DIR`
//! writes `OUT_DIR/ranking.smx` and `OUT_DIR/rust-results.txt`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use engine::{Index, IndexBuilder, Query};
use servicematch_hsds as hsds;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: reference OUT_DIR")?);
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::create_dir_all(&out)?;

    let import = hsds::read_path(&crate_dir.join("../core/testdata/ranking.json"))?;
    let mut builder = IndexBuilder::new("ranking");
    builder
        .add_services(import.services)
        .add_report(import.report)
        .help_line("211");
    let index_path = out.join("ranking.smx");
    builder.write(&index_path)?;
    let index = Index::open(&index_path)?;

    // One line per query: the hit ids, best first, then the results' JSON.
    let queries = std::fs::read_to_string(crate_dir.join("tests/queries.jsonl"))?;
    let mut expected = String::new();
    for line in queries.lines().filter(|l| !l.trim().is_empty()) {
        let results = index.search(&Query::from_json(line)?)?;
        write!(expected, "ids:")?;
        for hit in &results.hits {
            write!(expected, " {}", hit.id)?;
        }
        writeln!(expected)?;
        writeln!(expected, "json: {}", results.to_json())?;
    }
    std::fs::write(out.join("rust-results.txt"), expected)?;
    Ok(())
}
