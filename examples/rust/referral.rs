//! A referral lookup in Rust, on the bundled demo directory: read the HSDS
//! files, build an index in memory, and find home help for a 72-year-old
//! French speaker in Sudbury.
//!
//! Run it from the repository root:
//!
//! ```text
//! cargo run --example referral
//! ```

use std::io::Write;
use std::path::Path;

use servicematch::{Index, IndexBuilder, Query};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    run(&mut std::io::stdout().lock())
}

/// Does the lookup and writes what it finds to `out`.
pub fn run(out: &mut impl Write) -> Result<(), Box<dyn std::error::Error>> {
    // 1. Read the directory (HSDS 3 JSON files) with the importer.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let import = servicematch_hsds::read_path(&data)?;
    writeln!(
        out,
        "read {} services ({} problems reported)",
        import.services.len(),
        import.report.problems.len()
    )?;

    // 2. Build the index. `IndexBuilder::write` would write a `.smx` file
    //    for `Index::open`; in memory is enough here.
    let mut builder = IndexBuilder::new("demo");
    builder
        .add_report(import.report)
        .add_services(import.services);
    let (bytes, summary) = builder.build_bytes()?;
    writeln!(
        out,
        "indexed {} services in {} bytes",
        summary.services, summary.bytes
    )?;
    let index = Index::from_bytes(bytes)?;

    // 3. Search: the need, the place, the person, the language.
    let query = Query::new()
        .text("meals at home")
        .near_place("P3E 2C6")
        .client_age(72)
        .language("fr")
        .limit(5)
        .explain(true);
    let results = index.search(&query)?;
    writeln!(
        out,
        "{} services match; the best {}:",
        results.total,
        results.hits.len()
    )?;
    for (rank, hit) in results.hits.iter().enumerate() {
        writeln!(out, "{}. {} [{}]", rank + 1, hit.name, hit.id)?;
        if let Some(explanation) = &hit.explanation {
            writeln!(out, "   why: {}", explanation.reason)?;
        }
    }

    // 4. The full record of the one the caller picks.
    if let Some(best) = results.hits.first() {
        let record = index
            .service_by_id(&best.id)?
            .expect("a hit's id is in the index");
        let phone = record
            .phones
            .first()
            .map_or("no phone listed", |p| p.number.as_str());
        writeln!(out, "call {}: {phone}", record.name)?;
    }
    Ok(())
}
