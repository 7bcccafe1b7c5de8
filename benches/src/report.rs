//! Saved results (one JSON file per scale) and the report written from them.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::measure::{BuildOutput, QueryOutcome, QueryOutput};
use crate::Result;

/// Every engine, in report order.
pub const ENGINES: [&str; 7] = [
    "servicematch",
    "sqlite",
    "tantivy",
    "servicematch-wasm",
    "orama",
    "minisearch",
    "flexsearch",
];

/// What happened to one engine.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "status", content = "reason")]
pub enum Status {
    /// Measured.
    Ok,
    /// Not run, and why.
    Skipped(String),
    /// Failed, and how.
    Failed(String),
}

/// One engine's figures at one scale.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct EngineResult {
    /// Engine name.
    pub engine: String,
    /// Measured, skipped or failed.
    #[serde(flatten)]
    pub status: Status,
    /// Build figures.
    pub build: Option<BuildOutput>,
    /// Query figures.
    pub query: Option<QueryOutput>,
}

impl EngineResult {
    /// A measured engine.
    pub fn ok(engine: &str, build: BuildOutput, query: QueryOutput) -> EngineResult {
        EngineResult {
            engine: engine.into(),
            status: Status::Ok,
            build: Some(build),
            query: Some(query),
        }
    }

    /// An engine not run.
    pub fn skipped(engine: &str, reason: &str) -> EngineResult {
        EngineResult {
            engine: engine.into(),
            status: Status::Skipped(reason.into()),
            build: None,
            query: None,
        }
    }

    /// An engine that failed.
    pub fn failed(engine: &str, reason: &str) -> EngineResult {
        EngineResult {
            status: Status::Failed(reason.into()),
            ..EngineResult::skipped(engine, "")
        }
    }
}

/// Everything measured at one scale, in one session.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct ScaleResult {
    /// `60k`, `1M`, `miami`…
    pub label: String,
    /// What the data is.
    pub region: String,
    /// Services indexed.
    pub services: usize,
    /// Runs per engine.
    pub runs: usize,
    /// The core engines were pinned to.
    pub core: usize,
    /// Whether engines were pinned.
    pub pinned: bool,
    /// The command that produced this.
    pub command: String,
    /// CPU model and cores.
    pub machine: String,
    /// When (UTC date).
    pub date: String,
    /// The git commit measured.
    pub commit: String,
    /// Why the whole scale was skipped, if it was.
    pub skipped: Option<String>,
    /// Each engine.
    pub engines: Vec<EngineResult>,
    /// servicematch alone on `benches/queries-filters.json` (open now,
    /// serves here, income and statuses, every filter at once), in the same
    /// session as `engines`.
    #[serde(default)]
    pub filters: Option<QueryOutput>,
}

impl ScaleResult {
    /// An empty result for this session.
    pub fn new(label: &str, region: &str, runs: usize, core: usize, pinned: bool) -> ScaleResult {
        ScaleResult {
            label: label.into(),
            region: region.into(),
            services: 0,
            runs,
            core,
            pinned,
            command: String::new(),
            machine: machine(),
            date: today(),
            commit: commit(),
            skipped: None,
            engines: Vec::new(),
            filters: None,
        }
    }

    /// A scale that could not be run.
    pub fn skipped(label: &str, region: &str, reason: &str) -> ScaleResult {
        ScaleResult {
            skipped: Some(reason.into()),
            ..ScaleResult::new(label, region, 0, 0, false)
        }
    }

    fn engine(&self, name: &str) -> Option<&EngineResult> {
        self.engines.iter().find(|e| e.engine == name)
    }

    /// Our figures at this scale.
    pub fn ours(&self) -> Option<&QueryOutput> {
        self.engine("servicematch").and_then(|e| e.query.as_ref())
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}

fn commit() -> String {
    std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(crate::data::workspace_dir())
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_owned())
        .unwrap_or_else(|| "unknown".into())
}

/// Today's UTC date, `YYYY-MM-DD`.
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 → (year, month, day) (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// Overlap of two top-k lists: shared ids over the longer list (1 when both are empty).
pub fn overlap(a: &[String], b: &[String]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    let b: BTreeSet<&String> = b.iter().collect();
    a.iter().filter(|id| b.contains(id)).count() as f64 / longest as f64
}

/// Mean top-k overlap of `engine` with ours over the queries (optionally of one kind).
pub fn parity(ours: &QueryOutput, engine: &QueryOutput, kind: Option<&str>) -> Option<f64> {
    let pairs: Vec<f64> = ours
        .queries
        .iter()
        .filter(|q| kind.is_none_or(|k| q.kind == k))
        .filter_map(|q| {
            let theirs = engine.queries.iter().find(|e| e.name == q.name)?;
            Some(overlap(&q.ids, &theirs.ids))
        })
        .collect();
    (!pairs.is_empty()).then(|| pairs.iter().sum::<f64>() / pairs.len() as f64)
}

/// Reads every saved scale in `out`, smallest first.
///
/// # Errors
/// When a results file cannot be read.
pub fn load_all(out: &Path) -> Result<Vec<ScaleResult>> {
    let mut scales = Vec::new();
    for entry in std::fs::read_dir(out)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path)?;
            let scale: ScaleResult =
                serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
            scales.push(scale);
        }
    }
    scales.sort_by_key(|s| (s.label == "miami", s.services));
    Ok(scales)
}

/// Writes `REPORT.md` and `p50.png` in `out` from every saved scale; returns
/// the report's path.
///
/// # Errors
/// When the results cannot be read or the files written.
pub fn write_all(out: &Path) -> Result<PathBuf> {
    let scales = load_all(out)?;
    let chart = out.join("p50.png");
    let charted = crate::chart::draw(&scales, &chart);
    let report = render(&scales, charted.as_ref().err().map(|e| e.to_string()));
    let path = out.join("REPORT.md");
    std::fs::write(&path, report)?;
    Ok(path)
}

fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 1.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.3} ms")
    }
}

/// Bytes for people: `12.3 MB`.
pub fn bytes(v: f64) -> String {
    if v >= 1e9 {
        format!("{:.2} GB", v / 1e9)
    } else if v >= 1e6 {
        format!("{:.1} MB", v / 1e6)
    } else if v >= 1e3 {
        format!("{:.1} KB", v / 1e3)
    } else {
        format!("{v:.0} B")
    }
}

fn ratio(theirs: f64, ours: f64) -> String {
    if ours <= 0.0 {
        return "–".into();
    }
    let r = theirs / ours;
    if r >= 10.0 {
        format!("{r:.0}×")
    } else {
        format!("{r:.1}×")
    }
}

/// The main table of one scale, as Markdown.
pub fn table(scale: &ScaleResult) -> String {
    let mut s = String::new();
    s.push_str("| engine | build | index size | bytes/service | open/load | p50 | p99 | max | QPS (1 core) | RSS after open | RSS after queries | p50 vs servicematch | top-10 overlap with servicematch |\n");
    s.push_str("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    let ours = scale.ours();
    for name in ENGINES {
        let Some(engine) = scale.engine(name) else {
            continue;
        };
        match (&engine.status, &engine.build, &engine.query) {
            (Status::Ok, Some(b), Some(q)) => {
                let per = if b.index_bytes == 0 {
                    "–".to_owned()
                } else {
                    format!("{:.0}", b.index_bytes as f64 / b.services.max(1) as f64)
                };
                let size = match &b.size_note {
                    Some(note) if b.index_bytes == 0 => format!("– ({note})"),
                    Some(note) => format!("{} ({note})", bytes(b.index_bytes as f64)),
                    None => bytes(b.index_bytes as f64),
                };
                let anon = q
                    .rss_anon_after
                    .map(|a| format!(", heap {}", bytes(a as f64)))
                    .unwrap_or_default();
                let rss_after = format!(
                    "{} ({} q{anon})",
                    bytes(q.rss_after as f64),
                    q.rss_after_queries
                );
                let heap = q
                    .heap_per_record
                    .map(|h| format!("; heap {} per record", bytes(h)))
                    .unwrap_or_default();
                let (vs, parity) = match ours {
                    Some(o) => (
                        if name == "servicematch" {
                            "1×".to_owned()
                        } else {
                            ratio(q.best.p50_ms, o.best.p50_ms)
                        },
                        parity(o, q, None).map_or("–".into(), |p| format!("{:.0}%", p * 100.0)),
                    ),
                    None => ("–".into(), "–".into()),
                };
                let build = if b.build_s < 0.0 {
                    "–".to_owned()
                } else {
                    format!("{:.2} s", b.build_s)
                };
                let _ = writeln!(
                    s,
                    "| {name} | {build} | {size} | {per} | {} | {} | {} | {} | {:.0} | {} | {rss_after}{heap} | {vs} | {parity} |",
                    ms(q.open_ms),
                    ms(q.best.p50_ms),
                    ms(q.best.p99_ms),
                    ms(q.best.max_ms),
                    q.best.qps,
                    bytes(q.rss_open as f64),
                );
            }
            (Status::Skipped(reason), ..) => {
                let _ = writeln!(
                    s,
                    "| {name} | not run: {} |||||||||||| ",
                    reason.replace('|', "/")
                );
            }
            (Status::Failed(reason), ..) => {
                let _ = writeln!(
                    s,
                    "| {name} | failed: {} |||||||||||| ",
                    reason.replace('|', "/")
                );
            }
            (Status::Ok, ..) => {
                let _ = writeln!(s, "| {name} | no figures |||||||||||| ");
            }
        }
    }
    s
}

/// The kinds of the queries, in the order they first come.
fn kinds_of(queries: &[QueryOutcome]) -> Vec<&str> {
    let mut kinds: Vec<&str> = Vec::new();
    for q in queries {
        if !kinds.contains(&q.kind.as_str()) {
            kinds.push(&q.kind);
        }
    }
    kinds
}

/// The best times of the queries of one kind, fastest first.
fn best_times(queries: &[QueryOutcome], kind: &str) -> Vec<f64> {
    let mut times: Vec<f64> = queries
        .iter()
        .filter(|o| o.kind == kind)
        .map(|o| o.best_ms)
        .collect();
    times.sort_by(f64::total_cmp);
    times
}

/// p50 per query kind (each query's best time; median over the kind's queries).
fn kinds_table(scale: &ScaleResult) -> String {
    let measured: Vec<&EngineResult> = ENGINES
        .iter()
        .filter_map(|n| scale.engine(n))
        .filter(|e| e.query.is_some())
        .collect();
    let Some(ours) = scale.ours() else {
        return String::new();
    };
    let mut s = String::from("| kind |");
    for e in &measured {
        let _ = write!(s, " {} |", e.engine);
    }
    s.push_str("\n|---|");
    s.push_str(&"---:|".repeat(measured.len()));
    s.push('\n');
    for kind in kinds_of(&ours.queries) {
        let _ = write!(s, "| {kind} |");
        for e in &measured {
            let q = e.query.as_ref().expect("filtered");
            let times = best_times(&q.queries, kind);
            let p = parity(ours, q, Some(kind)).map_or(String::new(), |p| {
                if e.engine == "servicematch" {
                    String::new()
                } else {
                    format!(" ({:.0}%)", p * 100.0)
                }
            });
            let median = crate::measure::percentile(&times, 0.5);
            let _ = write!(s, " {}{p} |", ms(median));
        }
        s.push('\n');
    }
    s
}

/// servicematch on the filters mix, by kind, against its own plain mix.
fn filters_table(scale: &ScaleResult) -> String {
    let (Some(filters), Some(ours)) = (&scale.filters, scale.ours()) else {
        return String::new();
    };
    let mut s = String::from(
        "\nservicematch alone on `benches/queries-filters.json` (open at a time, serves here, income and statuses, \
         every filter at once; facets are counted on every query; the peers have no hours, areas or eligibility to compare):\n\n\
         | kind | queries | p50 | max | p50 vs the plain mix |\n|---|---:|---:|---:|---:|\n",
    );
    for kind in kinds_of(&filters.queries) {
        let times = best_times(&filters.queries, kind);
        let median = crate::measure::percentile(&times, 0.5);
        let _ = writeln!(
            s,
            "| {kind} | {} | {} | {} | {} |",
            times.len(),
            ms(median),
            ms(times.last().copied().unwrap_or_default()),
            ratio(median, ours.best.p50_ms)
        );
    }
    let _ = writeln!(
        s,
        "| whole filters mix | {} | {} (p99 {}) | {} | {} |",
        filters.queries.len(),
        ms(filters.best.p50_ms),
        ms(filters.best.p99_ms),
        ms(filters.best.max_ms),
        ratio(filters.best.p50_ms, ours.best.p50_ms)
    );
    s
}

/// Top hits of a few queries, per engine, for plausibility.
fn plausibility(scale: &ScaleResult) -> String {
    let Some(ours) = scale.ours() else {
        return String::new();
    };
    let mut picked: Vec<&str> = Vec::new();
    for kind in ["text+near", "text+near+age+lang", "typo", "french"] {
        if let Some(q) = ours.queries.iter().find(|q| q.kind == kind) {
            picked.push(&q.name);
        }
    }
    let mut s = String::new();
    for name in picked {
        let _ = writeln!(s, "**{name}**\n");
        for engine in ENGINES.iter().filter_map(|n| scale.engine(n)) {
            let Some(q) = engine.query.as_ref() else {
                continue;
            };
            let Some(outcome) = q.queries.iter().find(|o| o.name == name) else {
                continue;
            };
            let top: Vec<&str> = outcome.names.iter().take(3).map(String::as_str).collect();
            let top = if top.is_empty() {
                "(no hits)".to_owned()
            } else {
                top.join(" · ")
            };
            let _ = writeln!(s, "- {}: {top}", engine.engine);
        }
        s.push('\n');
    }
    s
}

/// Our figures against the budgets in DESIGN.md (60k and 1M only).
fn budgets(scale: &ScaleResult) -> String {
    let big = match scale.label.as_str() {
        "60k" => false,
        "1M" => true,
        _ => return String::new(),
    };
    let Some(engine) = scale.engine("servicematch") else {
        return String::new();
    };
    let (Some(build), Some(ours)) = (&engine.build, &engine.query) else {
        return String::new();
    };
    let p50_of = |name: &str| {
        scale
            .engine(name)
            .and_then(|e| e.query.as_ref())
            .map(|q| q.best.p50_ms)
    };
    let mut rows: Vec<(String, String, String, Option<bool>)> = Vec::new();
    let (p50, p99) = if big { (1.0, 10.0) } else { (0.1, 1.0) };
    rows.push((
        "query p50 / p99, one core, native".into(),
        format!("≤ {} / ≤ {}", ms(p50), ms(p99)),
        format!("{} / {}", ms(ours.best.p50_ms), ms(ours.best.p99_ms)),
        Some(ours.best.p50_ms <= p50 && ours.best.p99_ms <= p99),
    ));
    for (peer, times, label) in [
        ("sqlite", 50.0, "versus SQLite FTS5 + R*Tree (p50)"),
        ("orama", 100.0, "versus Orama in node (p50)"),
    ] {
        match p50_of(peer) {
            Some(theirs) => rows.push((
                label.into(),
                format!("≥ {times:.0}× faster"),
                format!("{} faster", ratio(theirs, ours.best.p50_ms)),
                Some(theirs / ours.best.p50_ms >= times),
            )),
            None => rows.push((
                label.into(),
                format!("≥ {times:.0}× faster"),
                "not measured".into(),
                None,
            )),
        }
    }
    match scale
        .engine("servicematch-wasm")
        .and_then(|e| e.query.as_ref())
    {
        Some(wasm) => {
            rows.push((
                "query in WASM (node) vs native (p50)".into(),
                "≤ 2×".into(),
                ratio(wasm.best.p50_ms, ours.best.p50_ms),
                Some(wasm.best.p50_ms <= 2.0 * ours.best.p50_ms),
            ));
            let limit = if big { 500.0 } else { 50.0 };
            rows.push((
                "load in WASM (node)".into(),
                format!("≤ {}", ms(limit)),
                ms(wasm.open_ms),
                Some(wasm.open_ms <= limit),
            ));
        }
        None => rows.push((
            "query in WASM (node) vs native".into(),
            "≤ 2×".into(),
            "not measured".into(),
            None,
        )),
    }
    let open = if big { 50.0 } else { 5.0 };
    rows.push((
        "open (mmap)".into(),
        format!("≤ {}", ms(open)),
        ms(ours.open_ms),
        Some(ours.open_ms <= open),
    ));
    rows.push((
        "first geographic query after open".into(),
        "–".into(),
        format!("slowest warm-up query {}", ms(ours.first_pass_max_ms)),
        None,
    ));
    let build_limit = if big { 180.0 } else { 10.0 };
    rows.push((
        "build, one core".into(),
        format!("≤ {build_limit:.0} s"),
        format!("{:.1} s", build.build_s),
        Some(build.build_s <= build_limit),
    ));
    let rss = if big { 512e6 } else { 64e6 };
    rows.push((
        format!(
            "resident memory after open + {} queries",
            ours.rss_after_queries
        ),
        format!("≤ {}", bytes(rss)),
        match ours.rss_anon_after {
            Some(anon) => format!(
                "{} (heap {}, the rest pages of the mapped file)",
                bytes(ours.rss_after as f64),
                bytes(anon as f64)
            ),
            None => bytes(ours.rss_after as f64),
        },
        Some((ours.rss_after as f64) <= rss),
    ));
    let mut s = String::from("\nAgainst the budgets in DESIGN.md:\n\n| figure | budget | measured | within |\n|---|---|---|---|\n");
    for (figure, budget, measured, within) in rows {
        let mark = match within {
            Some(true) => "yes",
            Some(false) => "**no**",
            None => "–",
        };
        let _ = writeln!(s, "| {figure} | {budget} | {measured} | {mark} |");
    }
    s.push_str("\nWhere we miss, `benches/results/PROFILE.md` says where the time goes and what would close the gap.\n");
    s
}

/// The whole report.
pub fn render(scales: &[ScaleResult], chart_error: Option<String>) -> String {
    let mut s = String::new();
    s.push_str("# servicematch benchmarks\n\n");
    s.push_str("Written by `benches/src/bin/compare.rs` from the saved results in this folder; do not edit by hand.\n\n");
    s.push_str("```sh\n");
    s.push_str(
        "npm ci --prefix benches/node && bindings-wasm/build.sh   # once, for the node engines\n",
    );
    s.push_str(
        "cargo run --release -p servicematch-benches --bin compare -- --scale 60k   # < 10 min\n",
    );
    s.push_str(
        "cargo run --release -p servicematch-benches --bin compare -- --scale 1m    # < 30 min\n",
    );
    s.push_str("```\n\n");
    match chart_error {
        None => s.push_str("![p50 latency per engine and scale](p50.png)\n\n"),
        Some(e) => {
            let _ = writeln!(s, "(chart not drawn: {e})\n");
        }
    }
    for scale in scales {
        let _ = writeln!(s, "## {}: {}\n", scale.label, scale.region);
        if let Some(reason) = &scale.skipped {
            let _ = writeln!(s, "Not run: {reason}.\n");
            continue;
        }
        let _ = writeln!(
            s,
            "{} services · {} · {} · commit `{}` · {} runs per engine, each figure the best of them · {}\n",
            scale.services,
            scale.date,
            scale.machine,
            scale.commit,
            scale.runs,
            if scale.pinned {
                format!("every engine pinned to core {} (taskset)", scale.core)
            } else {
                "engines not pinned".to_owned()
            }
        );
        let _ = writeln!(s, "Command: `{}`\n", scale.command);
        s.push_str(&table(scale));
        s.push_str(&budgets(scale));
        s.push_str(&filters_table(scale));
        s.push_str("\nLatency by kind of query (each query's best time; median over the queries of the kind; in brackets the top-10 overlap with servicematch):\n\n");
        s.push_str(&kinds_table(scale));
        s.push_str("\nTop hits of a few queries:\n\n");
        s.push_str(&plausibility(scale));
        let slow: Vec<String> = scale
            .engines
            .iter()
            .filter_map(|e| {
                let q = e.query.as_ref()?;
                (q.rss_after_queries < 1000)
                    .then(|| format!("{} ({} queries)", e.engine, q.rss_after_queries))
            })
            .collect();
        if !slow.is_empty() {
            let _ = writeln!(
                s,
                "Too slow for 1,000 queries within a run's time limit, so \"RSS after queries\" counts fewer: {}.\n",
                slow.join(", ")
            );
        }
    }
    s.push_str(SETUP);
    s
}

/// How each engine is set up and how it is measured.
const SETUP: &str = r#"## How it is measured

- **Data**: the project's deterministic generator (`servicematch-synth`, seed 42): 60k services in Ontario (provincial scale), 1M services across Canada (continental scale). Every engine indexes the same services, imported once by `servicematch-hsds` (import time is not part of any build).
- **Queries**: the committed mix `benches/queries.json` (text only, text + near, near only, text + near + age + language, category + near, broad one-word, typos, French), top 10. Places are looked up once in our gazetteer so every engine gets the same point. servicematch alone also runs `benches/queries-filters.json` (open at a time, serves here, income, household size and statuses, every filter at once), which the peers cannot reproduce.
- **Protocol**: one process per engine, pinned to one core with `taskset`; every engine in the same session. Build in one process, then open and query in a fresh one (so resident memory is the engine's own). A warm-up pass records each engine's hits; then several runs, each repeating the mix until 1,000 queries (or 10 s for slow engines, one pass at least); each figure is the best of the runs. Resident memory (VmRSS) is read after open and after the first run.
- **Ranking parity**: share of each engine's top 10 that is in our top 10, averaged over the mix. The peers reproduce our model (BM25 with our field boosts × distance decay × language factor × eligibility factor, radius and required-language filters, category with broader terms); what differs is their text analysis (English stemming only, no French analysis, no typo tolerance, no stop words in SQLite).
- **Figures**: build time (one core), index size on disk (bytes and bytes per service), open/load time, p50/p99/max latency and queries per second on one core, resident memory. Every peer stores and returns each hit's full record, as we do.

### Engines

- **servicematch**: `Index::open` (mmap) of the `.smx` file built by `IndexBuilder`; `Index::search`.
- **sqlite** — SQLite FTS5 + R*Tree through rusqlite (bundled SQLite): contentless FTS5 over name, organization, description, categories, keywords (`porter unicode61 remove_diacritics 2`), an R*Tree of every location, filter columns, category keys, the record as JSON. One SQL statement per query: `-bm25()` with our column weights × the decay of the haversine distance to the nearest location × language and eligibility factors, all in SQL; a radius is an R*Tree bounding box confirmed by haversine. Read-only, `mmap_size` 2 GB, statements prepared once.
- **tantivy** — tantivy alone: text fields with `en_stem` (frequencies, no positions), `QueryParser` with our boosts, constant-score filter clauses, and `TopDocs::tweak_score` over fast fields computing every match's nearest distance (brute force), radius, decay, language and eligibility; one indexing thread, merged to one segment, opened with mmap.
- **servicematch-wasm** — our WASM package (`bindings-wasm/pkg`, built by `bindings-wasm/build.sh`) in node: the same `.smx` bytes, read from disk beforehand; load is `new ServiceIndex(bytes)`, which copies them into linear memory, the best of as many fresh node processes as there are runs (a load happens once per process); the same JSON queries.
- **orama** — `@orama/orama` in node: `create` with a schema (the five text fields as `string`, category keys and languages as `enum[]`, each service's first location as a `geopoint`), `insertMultiple`; `search` with `term`, `properties`, our `boost`s, `threshold: 1` (any word) and `where` filters (geo radius, categories, required languages), then our decay, language and eligibility factors applied in JS over up to 1,000 BM25 hits (every match when there is no text). Load is `load()` of what `save()` wrote; size is that JSON.
- **minisearch** — MiniSearch in node: `addAll` over the five text fields with our boosts, `combineWith: 'OR'`, no prefix search, one edit of fuzziness on words of 5 letters or more (as our typo tolerance), our filters and factors in the `filter` callback (nearest location by haversine over the stored points: brute force), `MiniSearch.wildcard` without text. Load is `loadJSON` of `JSON.stringify(index)`; size is that JSON.
- **flexsearch** — FlexSearch `Document` index in node (default `strict` tokenizer and encoder, `store: true`): per-field searches of up to 1,000 ids; FlexSearch returns no score, so a service's text score is the sum over fields of boost / (1 + rank); then our filters and factors in JS; without text a scan of the store. Its export is asynchronous and chunked, so load is not measured: load = build.

Heap per record (JS engines): V8 heap and external memory after building, dropping the documents array and a forced GC, minus the same before reading the documents, over the number of services: the engine's index plus its own copy of the records. The WASM package's memory is linear memory, which shows in its RSS instead.
"#;
