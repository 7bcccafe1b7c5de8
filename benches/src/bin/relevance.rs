//! Relevance of servicematch, SQLite FTS5 (bm25, porter) and plain tantivy
//! (BM25, `en_stem`) on the judged query sets of `benches/relevance/`:
//! nDCG@10, P@10 and MRR per query and overall, for the tuning and test
//! parts, written to `benches/results/RELEVANCE.md` (and, as JSON, to
//! `benches/results/relevance/latest.json`).
//!
//! ```text
//! cargo run --release -p servicematch-benches --bin relevance
//! cargo run --release -p servicematch-benches --bin relevance -- --save-baseline
//! ```
//!
//! The Miami set is judged on the real Miami 211 export, evaluation data the
//! project never copies in: it is read in place (`$SERVICEMATCH_REAL_DATA`,
//! else `shared/data/real` beside the workspace or above it) and reported as
//! "skipped" when absent. The demo sets run on `examples/data`.
//! `--save-baseline` keeps this run's per-query figures in
//! `benches/results/relevance/baseline.json`; later runs show each query's
//! gain against it.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use serde::{Deserialize, Serialize};
use servicematch::{Query, Service};
use servicematch_benches::engines::{ours::Ours, sqlite::Sqlite, tantivy_geo::TantivyGeo};
use servicematch_benches::engines::{Engine, NATIVE};
use servicematch_benches::mix::BenchQuery;
use servicematch_benches::relevance::{self, JudgedQuery, Measures, Split};
use servicematch_benches::{data, Result};

#[derive(Parser)]
#[command(about = "Relevance on judged queries: servicematch, SQLite FTS5 and tantivy")]
struct Args {
    /// Judged sets to run (miami, baltimore, demo-en, demo-fr, demo-en-uncoded, demo-fr-uncoded); all by default.
    #[arg(long, value_delimiter = ',')]
    sets: Vec<String>,
    /// Keep this run as the baseline that later runs compare with.
    #[arg(long)]
    save_baseline: bool,
    /// Print servicematch's first hits of every query (to the terminal only).
    #[arg(long)]
    show_hits: bool,
    /// Where RELEVANCE.md and the JSON figures go.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Index the uncoded sets (baltimore, demo-*-uncoded) without reading
    /// categories from their text: what `hsds::categories_from_text` adds.
    #[arg(long)]
    no_categories_from_text: bool,
}

/// One query's outcome on every engine.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct QueryOutcome {
    text: String,
    split: Split,
    relevant: usize,
    /// Per engine.
    measures: BTreeMap<String, Measures>,
    /// servicematch's first three hits (names), to read failures by.
    ours_top: Vec<String>,
}

/// A judged set's outcome.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct SetOutcome {
    name: String,
    title: String,
    /// Why it did not run, when it did not.
    skipped: Option<String>,
    queries: Vec<QueryOutcome>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("relevance: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The real exports folder, if present.
fn real_data() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("SERVICEMATCH_REAL_DATA") {
        return Some(PathBuf::from(dir)).filter(|p| p.is_dir());
    }
    data::workspace_dir()
        .ancestors()
        .skip(1)
        .map(|dir| dir.join("shared/data/real"))
        .find(|path| path.is_dir())
}

fn run(args: &Args) -> Result<()> {
    let workspace = data::workspace_dir();
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| workspace.join("benches/results"));
    std::fs::create_dir_all(&out)?;
    let wanted = |name: &str| args.sets.is_empty() || args.sets.iter().any(|s| s == name);
    let judged_dir = workspace.join("benches/relevance");
    let mut outcomes = Vec::new();
    if wanted("miami") {
        let title = "Miami 211 (real, HSDS 1.1, AIRS codes), English";
        let queries = relevance::load(&judged_dir.join("miami.tsv"))?;
        match real_data().map(|dir| dir.join("miami-211-hsds1")) {
            Some(dir) if dir.is_dir() => {
                let (services, _) = data::import(&[dir])?;
                outcomes.push(run_set(
                    "miami",
                    title,
                    &services,
                    &services,
                    &queries,
                    false,
                    args.show_hits,
                )?);
            }
            _ => {
                let reason = "the real Miami export (shared/data/real/miami-211-hsds1 or \
                              $SERVICEMATCH_REAL_DATA) is absent"
                    .to_owned();
                eprintln!("miami: skipped: {reason}");
                outcomes.push(SetOutcome {
                    name: "miami".into(),
                    title: title.into(),
                    skipped: Some(reason),
                    queries: Vec::new(),
                });
            }
        }
    }
    if wanted("baltimore") {
        let title = "Baltimore 211 (real, Ohana CSV, no taxonomy in the import: categories read from text), English";
        let queries = relevance::load(&judged_dir.join("baltimore.tsv"))?;
        match real_data().map(|dir| dir.join("baltimore-211-ohana")) {
            Some(dir) if dir.is_dir() => {
                let (mut indexed, _) = data::import(std::slice::from_ref(&dir))?;
                let judged = publisher_codes(&dir, &indexed)?;
                let coded = read_categories(&mut indexed, args);
                eprintln!(
                    "baltimore: {coded} of {} services given categories from their text",
                    indexed.len()
                );
                outcomes.push(run_set(
                    "baltimore",
                    title,
                    &indexed,
                    &judged,
                    &queries,
                    false,
                    args.show_hits,
                )?);
            }
            _ => {
                let reason = "the real Baltimore export (shared/data/real/baltimore-211-ohana or \
                              $SERVICEMATCH_REAL_DATA) is absent"
                    .to_owned();
                eprintln!("baltimore: skipped: {reason}");
                outcomes.push(SetOutcome {
                    name: "baltimore".into(),
                    title: title.into(),
                    skipped: Some(reason),
                    queries: Vec::new(),
                });
            }
        }
    }
    let demo: Vec<PathBuf> = ["community-services.json", "odhf-ontario.json"]
        .iter()
        .map(|f| workspace.join("examples/data").join(f))
        .collect();
    let mut demo_services = None;
    for (name, title) in [
        (
            "demo-en",
            "Demo directory (examples/data, Open Eligibility codes), English",
        ),
        (
            "demo-fr",
            "Demo directory (examples/data, Open Eligibility codes), French",
        ),
    ] {
        if !wanted(name) {
            continue;
        }
        if demo_services.is_none() {
            demo_services = Some(data::import(&demo)?.0);
        }
        let services = demo_services.as_deref().unwrap_or_default();
        let queries = relevance::load(&judged_dir.join(format!("{name}.tsv")))?;
        outcomes.push(run_set(
            name,
            title,
            services,
            services,
            &queries,
            true,
            args.show_hits,
        )?);
    }
    // The demo directory as a directory without a taxonomy would come:
    // its categories taken away, then read back from the services' text
    // (`hsds::categories_from_text`); judged by the categories it had.
    for (name, title, judged_as) in [
        (
            "demo-en-uncoded",
            "Demo directory without its categories, read back from text (Open Eligibility), English",
            "demo-en",
        ),
        (
            "demo-fr-uncoded",
            "Demo directory without its categories, read back from text (Open Eligibility), French",
            "demo-fr",
        ),
    ] {
        if !wanted(name) {
            continue;
        }
        if demo_services.is_none() {
            demo_services = Some(data::import(&demo)?.0);
        }
        let judged = demo_services.as_deref().unwrap_or_default();
        let mut uncoded = judged.to_vec();
        for service in &mut uncoded {
            service.categories.clear();
        }
        let coded = read_categories(&mut uncoded, args);
        eprintln!("{name}: {coded} of {} services given categories from their text", uncoded.len());
        let queries = relevance::load(&judged_dir.join(format!("{judged_as}.tsv")))?;
        outcomes.push(run_set(name, title, &uncoded, judged, &queries, true, args.show_hits)?);
    }
    // Beside RELEVANCE.md, in a folder of their own: the compare report
    // reads every JSON file of `out` as a scale.
    let json_dir = out.join("relevance");
    std::fs::create_dir_all(&json_dir)?;
    let baseline_path = json_dir.join("baseline.json");
    if args.save_baseline {
        std::fs::write(&baseline_path, serde_json::to_string_pretty(&outcomes)?)?;
    }
    let baseline: Vec<SetOutcome> = std::fs::read_to_string(&baseline_path)
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default();
    std::fs::write(
        json_dir.join("latest.json"),
        serde_json::to_string_pretty(&outcomes)?,
    )?;
    let report = report(&outcomes, &baseline);
    std::fs::write(out.join("RELEVANCE.md"), &report)?;
    print!("{}", summary(&outcomes));
    eprintln!("wrote {}", out.join("RELEVANCE.md").display());
    Ok(())
}

/// Categories read from the services' text, unless the run says not to;
/// how many services got some.
fn read_categories(services: &mut [Service], args: &Args) -> usize {
    match args.no_categories_from_text {
        true => 0,
        false => servicematch_hsds::categories_from_text(services),
    }
}

/// The Baltimore services with the publisher's own categories, which the
/// Ohana CSV import does not carry: `service_categories.json` (service id →
/// taxonomy row ids) through `taxonomy.csv` (row id → code and name). For
/// judging only; the index gets none of them.
fn publisher_codes(dir: &Path, services: &[Service]) -> Result<Vec<Service>> {
    let map: std::collections::HashMap<String, Vec<String>> = serde_json::from_str(
        &std::fs::read_to_string(dir.join("service_categories.json")).map_err(|e| {
            format!(
                "cannot read {}: {e}",
                dir.join("service_categories.json").display()
            )
        })?,
    )?;
    let mut terms: std::collections::HashMap<String, (String, String)> = Default::default();
    let mut reader = csv::Reader::from_path(dir.join("taxonomy.csv"))?;
    for record in reader.records() {
        let record = record?;
        let field = |i: usize| record.get(i).unwrap_or_default().trim().to_owned();
        // bom, id, name, taxonomy_id (the code), …
        terms.insert(field(1), (field(3), field(2)));
    }
    Ok(services
        .iter()
        .map(|service| {
            let mut judged = service.clone();
            judged.categories = map
                .get(&service.id)
                .into_iter()
                .flatten()
                .filter_map(|row| terms.get(row))
                .map(|(code, name)| servicematch::Category {
                    code: Some(code.clone()),
                    name: name.clone(),
                    ..Default::default()
                })
                .collect();
            judged
        })
        .collect())
}

/// Builds every engine on `services` and runs the judged queries, judged
/// by the categories of `judged_by` (the same services, as published).
fn run_set(
    name: &str,
    title: &str,
    services: &[Service],
    judged_by: &[Service],
    queries: &[JudgedQuery],
    shareable: bool,
    show_hits: bool,
) -> Result<SetOutcome> {
    let work = data::cache_dir().join(format!("relevance-{name}"));
    let mut outcomes: Vec<QueryOutcome> = queries
        .iter()
        .map(|q| QueryOutcome {
            text: q.text.clone(),
            split: q.split,
            relevant: relevance::relevant(judged_by, q).len(),
            measures: BTreeMap::new(),
            ours_top: Vec::new(),
        })
        .collect();
    let relevant: Vec<_> = queries
        .iter()
        .map(|q| relevance::relevant(judged_by, q))
        .collect();
    for engine in NATIVE {
        let dir = work.join(engine);
        if dir.exists() {
            std::fs::remove_dir_all(&dir)?;
        }
        std::fs::create_dir_all(&dir)?;
        let ranked = match engine {
            "servicematch" => rank::<Ours>(services, &dir, queries)?,
            "sqlite" => rank::<Sqlite>(services, &dir, queries)?,
            _ => rank::<TantivyGeo>(services, &dir, queries)?,
        };
        for (i, hits) in ranked.into_iter().enumerate() {
            let ids: Vec<String> = hits.iter().map(|(id, _)| id.clone()).collect();
            let measures = Measures::of(&ids, &relevant[i]);
            outcomes[i].measures.insert(engine.to_owned(), measures);
            if engine == "servicematch" {
                let names: Vec<String> = hits.into_iter().take(3).map(|(_, n)| n).collect();
                if show_hits {
                    eprintln!(
                        "{name} | {} | {:.2} | {}",
                        queries[i].text,
                        measures.ndcg,
                        names.join(" · ")
                    );
                }
                // The real exports' text stays out of the repository.
                if shareable {
                    outcomes[i].ours_top = names;
                }
            }
        }
    }
    eprintln!(
        "{name}: {} queries, {} services",
        queries.len(),
        services.len()
    );
    Ok(SetOutcome {
        name: name.into(),
        title: title.into(),
        skipped: None,
        queries: outcomes,
    })
}

/// Each query's top ten (id, name) on engine `E`.
fn rank<E: Engine>(
    services: &[Service],
    dir: &Path,
    queries: &[JudgedQuery],
) -> Result<Vec<Vec<(String, String)>>> {
    E::build(services.to_vec(), dir)?;
    let engine = E::open(dir)?;
    queries
        .iter()
        .map(|q| {
            let json = serde_json::json!({ "text": q.text, "limit": relevance::CUTOFF });
            let query = Query::from_json(&json.to_string())?;
            let bench = BenchQuery {
                name: q.text.clone(),
                kind: "text".into(),
                text: Some(q.text.clone()),
                point: None,
                radius_km: None,
                age: None,
                languages: Vec::new(),
                require_language: false,
                categories: Vec::new(),
                limit: relevance::CUTOFF,
                query,
            };
            Ok(engine
                .search(&bench)?
                .into_iter()
                .map(|f| (f.id, f.name))
                .collect())
        })
        .collect()
}

/// Mean measures of a set's queries in `split` (all when `None`), per engine.
fn means(set: &SetOutcome, split: Option<Split>) -> BTreeMap<String, Measures> {
    NATIVE
        .iter()
        .map(|&engine| {
            let m = Measures::mean(
                set.queries
                    .iter()
                    .filter(|q| split.is_none_or(|s| q.split == s))
                    .filter_map(|q| q.measures.get(engine)),
            );
            (engine.to_owned(), m)
        })
        .collect()
}

/// The overall table, for the terminal and the report's head.
fn summary(sets: &[SetOutcome]) -> String {
    let mut s = String::new();
    s.push_str("| set | part | queries | engine | nDCG@10 | P@10 | MRR |\n");
    s.push_str("|---|---|---:|---|---:|---:|---:|\n");
    for set in sets {
        if let Some(reason) = &set.skipped {
            let _ = writeln!(s, "| {} | skipped: {reason} | | | | | |", set.name);
            continue;
        }
        for split in [Some(Split::Tuning), Some(Split::Test), None] {
            let count = set
                .queries
                .iter()
                .filter(|q| split.is_none_or(|sp| q.split == sp))
                .count();
            for (engine, m) in means(set, split) {
                let _ = writeln!(
                    s,
                    "| {} | {} | {count} | {engine} | {:.3} | {:.3} | {:.3} |",
                    set.name,
                    split.map_or("all", Split::name),
                    m.ndcg,
                    m.precision,
                    m.mrr
                );
            }
        }
    }
    s
}

fn report(sets: &[SetOutcome], baseline: &[SetOutcome]) -> String {
    let mut s = String::new();
    s.push_str("# Relevance on judged queries\n\n");
    s.push_str(
        "Written by `cargo run --release -p servicematch-benches --bin relevance`. \
         Judged sets: `benches/relevance/*.tsv` (callers' words; a service is relevant \
         when one of its category codes starts with one of the query's prefixes). \
         Each set is split once: queries at even positions are the tuning part, \
         the others the test part; weights are fitted on the tuning part only. \
         Engines: servicematch; SQLite FTS5 `bm25()` (porter, unicode61, the same \
         fields and column weights); tantivy alone (BM25, `en_stem`, the same \
         fields and boosts). Measures at 10 hits: nDCG (binary gains), precision, \
         MRR.\n\n",
    );
    s.push_str(&summary(sets));
    for set in sets {
        let _ = writeln!(s, "\n## {} — {}\n", set.name, set.title);
        if let Some(reason) = &set.skipped {
            let _ = writeln!(s, "Skipped: {reason}.");
            continue;
        }
        let base = baseline
            .iter()
            .find(|b| b.name == set.name && b.skipped.is_none());
        s.push_str("| query | part | relevant | servicematch | sqlite | tantivy | Δ vs baseline | servicematch's first hits |\n");
        s.push_str("|---|---|---:|---:|---:|---:|---:|---|\n");
        for q in &set.queries {
            let get = |e: &str| q.measures.get(e).map_or(0.0, |m| m.ndcg);
            let delta = base
                .and_then(|b| b.queries.iter().find(|bq| bq.text == q.text))
                .and_then(|bq| bq.measures.get("servicematch"))
                .map_or(String::new(), |m| {
                    format!("{:+.2}", get("servicematch") - m.ndcg)
                });
            let _ = writeln!(
                s,
                "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {delta} | {} |",
                q.text,
                q.split.name(),
                q.relevant,
                get("servicematch"),
                get("sqlite"),
                get("tantivy"),
                q.ours_top.join(" · ").replace('|', "/"),
            );
        }
    }
    s
}
