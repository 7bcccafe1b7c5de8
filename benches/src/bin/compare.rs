//! `compare`: servicematch side by side with its peers, in one run.
//!
//! ```text
//! cargo run --release -p servicematch-benches --bin compare -- --scale 60k
//! cargo run --release -p servicematch-benches --bin compare -- --scale 1m
//! ```
//!
//! Generates the directory (cached), builds every engine's index, runs the
//! query mix on one core per engine, saves `benches/results/<scale>.json`
//! and rewrites `benches/results/REPORT.md` and `p50.png` from every saved
//! scale.

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use clap::{Args, Parser, Subcommand};
use servicematch_benches::engines::{
    self, ours::Ours, sqlite::Sqlite, tantivy_geo::TantivyGeo, Engine,
};
use servicematch_benches::measure::{self, BuildOutput, Protocol, QueryOutput};
use servicematch_benches::mix::{self, BenchQuery};
use servicematch_benches::report::{self, EngineResult, ScaleResult, Status};
use servicematch_benches::{data, Result};

#[derive(Debug, Parser)]
#[command(
    about = "servicematch side by side with SQLite FTS5, tantivy, Orama, MiniSearch, FlexSearch"
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Sub>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Debug, Args)]
struct RunArgs {
    /// Directory size: 60k (Ontario), 1m (Canada), a number of services, or
    /// `miami` for the real Miami export only.
    #[arg(long, default_value = "60k")]
    scale: String,
    /// The generator's seed.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Engines to run (comma-separated); default all.
    #[arg(long, value_delimiter = ',')]
    engines: Vec<String>,
    /// Runs after the warm-up; each figure is the best of them.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// A run stops after this many queries…
    #[arg(long, default_value_t = 1000)]
    min_queries: usize,
    /// …or after this many seconds (always one pass of the mix at least).
    #[arg(long, default_value_t = 10.0)]
    run_seconds: f64,
    /// The core every engine is pinned to (taskset).
    #[arg(long, default_value_t = 1)]
    core: usize,
    /// Do not pin engines to a core.
    #[arg(long)]
    no_pin: bool,
    /// The query mix.
    #[arg(long)]
    queries: Option<PathBuf>,
    /// Where generated data and indexes are kept (default: target/servicematch-benches).
    #[arg(long)]
    data_dir: Option<PathBuf>,
    /// Where results, the report and the chart are written.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also run on the real Miami export (HSDS 1.1 data package), if readable.
    #[arg(long)]
    miami: Option<PathBuf>,
    /// Skip the Miami export.
    #[arg(long)]
    no_miami: bool,
}

#[derive(Debug, Subcommand)]
enum Sub {
    /// Rewrite REPORT.md and the chart from the saved results.
    Report {
        /// The results folder.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Run one of our queries many times, for a profiler
    /// (`valgrind --tool=callgrind compare probe ...`).
    Probe {
        /// Our index file.
        #[arg(long)]
        index: PathBuf,
        /// The query, in our JSON shape.
        #[arg(long)]
        query: String,
        /// How many times.
        #[arg(long, default_value_t = 100)]
        repeat: usize,
    },
    /// Internal: build one engine's index (prints JSON).
    #[command(hide = true)]
    WorkerBuild {
        #[arg(long)]
        engine: String,
        #[arg(long)]
        services: PathBuf,
        #[arg(long)]
        import_s: f64,
        #[arg(long)]
        dir: PathBuf,
    },
    /// Internal: measure one engine's queries (prints JSON).
    #[command(hide = true)]
    WorkerQuery {
        #[arg(long)]
        engine: String,
        #[arg(long)]
        dir: PathBuf,
        #[arg(long)]
        mix: PathBuf,
        #[arg(long)]
        runs: usize,
        #[arg(long)]
        min_queries: usize,
        #[arg(long)]
        run_seconds: f64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        None => run(&cli.run),
        Some(Sub::Report { out }) => {
            let out = out.unwrap_or_else(default_out);
            report::write_all(&out).map(|path| eprintln!("wrote {}", path.display()))
        }
        Some(Sub::Probe {
            index,
            query,
            repeat,
        }) => probe(&index, &query, repeat),
        Some(Sub::WorkerBuild {
            engine,
            services,
            import_s,
            dir,
        }) => worker_build(&engine, &services, import_s, &dir),
        Some(Sub::WorkerQuery {
            engine,
            dir,
            mix,
            runs,
            min_queries,
            run_seconds,
        }) => worker_query(
            &engine,
            &dir,
            &mix,
            Protocol {
                runs,
                min_queries,
                run_seconds,
            },
        ),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("compare: {e}");
            ExitCode::FAILURE
        }
    }
}

fn default_out() -> PathBuf {
    data::workspace_dir().join("benches/results")
}

fn probe(index: &Path, query: &str, repeat: usize) -> Result<()> {
    let index = servicematch::Index::open(index)?;
    let query = servicematch::Query::from_json(query)?;
    let mut total = 0;
    let start = Instant::now();
    for _ in 0..repeat {
        total += index.search(&query)?.total;
    }
    let per = start.elapsed().as_secs_f64() * 1e3 / repeat.max(1) as f64;
    eprintln!(
        "{repeat} searches, {per:.3} ms each, {} matches each",
        total / repeat.max(1)
    );
    Ok(())
}

fn worker_build(engine: &str, services: &Path, import_s: f64, dir: &Path) -> Result<()> {
    let output = match engine {
        "servicematch" => measure::build::<Ours>(services, import_s, dir)?,
        "sqlite" => measure::build::<Sqlite>(services, import_s, dir)?,
        "tantivy" => measure::build::<TantivyGeo>(services, import_s, dir)?,
        other => return Err(format!("no native engine named {other}").into()),
    };
    println!("{}", serde_json::to_string(&output)?);
    Ok(())
}

fn worker_query(engine: &str, dir: &Path, mix: &Path, protocol: Protocol) -> Result<()> {
    let mix: Vec<BenchQuery> = serde_json::from_slice(&std::fs::read(mix)?)?;
    fn go<E: Engine>(dir: &Path, mix: &[BenchQuery], protocol: Protocol) -> Result<QueryOutput> {
        measure::query::<E>(dir, mix, protocol)
    }
    let output = match engine {
        "servicematch" => go::<Ours>(dir, &mix, protocol)?,
        "sqlite" => go::<Sqlite>(dir, &mix, protocol)?,
        "tantivy" => go::<TantivyGeo>(dir, &mix, protocol)?,
        other => return Err(format!("no native engine named {other}").into()),
    };
    println!("{}", serde_json::to_string(&output)?);
    Ok(())
}

/// A child process, pinned to one core unless told not to.
fn pinned(args: &RunArgs, program: &Path) -> Command {
    if !args.no_pin && which("taskset") {
        let mut command = Command::new("taskset");
        command.arg("-c").arg(args.core.to_string()).arg(program);
        command
    } else {
        Command::new(program)
    }
}

fn which(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Runs a worker and parses the JSON it prints.
fn worker<T: serde::de::DeserializeOwned>(mut command: Command) -> Result<T> {
    let output = command
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start {command:?}: {e}"))?;
    if !output.status.success() {
        return Err(format!("worker failed ({})", output.status).into());
    }
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    Ok(serde_json::from_str(last).map_err(|e| format!("worker printed no result: {e}"))?)
}

fn run(args: &RunArgs) -> Result<()> {
    let started = Instant::now();
    if args.scale.eq_ignore_ascii_case("miami") {
        let data_dir = args.data_dir.clone().unwrap_or_else(data::cache_dir);
        let out = args.out.clone().unwrap_or_else(default_out);
        std::fs::create_dir_all(&out)?;
        miami(args, &requested_engines(args), &data_dir, &out)?;
        let report = report::write_all(&out)?;
        eprintln!("wrote {}", report.display());
        return Ok(());
    }
    let dataset = data::Dataset::parse(&args.scale, args.seed)?;
    let data_dir = args.data_dir.clone().unwrap_or_else(data::cache_dir);
    let out = args.out.clone().unwrap_or_else(default_out);
    std::fs::create_dir_all(&out)?;
    let queries = args
        .queries
        .clone()
        .unwrap_or_else(|| data::workspace_dir().join("benches/queries.json"));
    let mix_entries = mix::load(&queries)?;
    let requested = requested_engines(args);

    eprintln!(
        "== {} services ({}), seed {}",
        dataset.services,
        dataset.region_name(),
        dataset.seed
    );
    let t = Instant::now();
    let input = dataset.ensure_json(&data_dir)?;
    eprintln!(
        "data: {} ({} file(s), {:.1} s)",
        input[0].display(),
        input.len(),
        t.elapsed().as_secs_f64()
    );
    let work = data_dir.join(format!("run-{}-s{}", dataset.label(), dataset.seed));
    let result = compare(
        args,
        &requested,
        &input,
        &work,
        &mix_entries,
        &dataset.label(),
        dataset.region_name(),
    )?;
    let saved = out.join(format!("{}.json", dataset.label()));
    let result = merge_with_saved(result, &saved, &requested);
    std::fs::write(&saved, serde_json::to_string_pretty(&result)?)?;
    eprintln!("saved {}", saved.display());

    if !args.no_miami
        && dataset.region == servicematch_synth::Region::Ontario
        && dataset.services >= 60_000
    {
        miami(args, &requested, &data_dir, &out)?;
    }
    let report = report::write_all(&out)?;
    eprintln!(
        "wrote {} in {:.0} s",
        report.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The engines asked for, or all of them.
fn requested_engines(args: &RunArgs) -> Vec<String> {
    if args.engines.is_empty() {
        engines::NATIVE
            .iter()
            .chain(engines::NODE.iter())
            .map(|s| s.to_string())
            .collect()
    } else {
        args.engines.clone()
    }
}

/// When only some engines were run, keeps the other engines' figures from
/// the saved results of the same directory (they were measured in another
/// session: the report gives each scale's date, and servicematch is always
/// re-measured so ratios hold).
fn merge_with_saved(mut result: ScaleResult, saved: &Path, requested: &[String]) -> ScaleResult {
    let all = engines::NATIVE.len() + engines::NODE.len();
    if requested.len() >= all {
        return result;
    }
    let Ok(previous) = std::fs::read_to_string(saved)
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str::<ScaleResult>(&text).map_err(|e| e.to_string()))
    else {
        return result;
    };
    if previous.services != result.services {
        return result;
    }
    for engine in previous.engines {
        if !result.engines.iter().any(|e| e.engine == engine.engine) {
            result.engines.push(engine);
        }
    }
    for earlier in previous.command.split("; earlier: ") {
        if !result.command.split("; earlier: ").any(|c| c == earlier) {
            result.command = format!("{}; earlier: {earlier}", result.command);
        }
    }
    result
}

/// The real Miami export, if readable; a visible message otherwise.
fn miami(args: &RunArgs, requested: &[String], data_dir: &Path, out: &Path) -> Result<()> {
    // ../shared beside the repository (a git worktree sits one level deeper).
    let path = args.miami.clone().unwrap_or_else(|| {
        let relative = "shared/data/real/miami-211-hsds1";
        let workspace = data::workspace_dir();
        [
            workspace.join("..").join(relative),
            workspace.join("../..").join(relative),
        ]
        .into_iter()
        .find(|p| p.exists())
        .unwrap_or_else(|| workspace.join("..").join(relative))
    });
    let saved = out.join("miami.json");
    let skip = |reason: String| -> Result<()> {
        eprintln!("miami: skipped: {reason}");
        let result = ScaleResult::skipped("miami", "Miami 211 (real, HSDS 1.1)", &reason);
        std::fs::write(&saved, serde_json::to_string_pretty(&result)?)?;
        Ok(())
    };
    if !path.exists() {
        return skip(format!("{} is absent", path.display()));
    }
    if let Err(e) = servicematch_hsds::read_path(&path) {
        return skip(format!("{} cannot be imported: {e}", path.display()));
    }
    let path = vec![path];
    let queries = data::workspace_dir().join("benches/queries-miami.json");
    let entries = mix::load(&queries)?;
    let work = data_dir.join("run-miami");
    let result = compare(
        args,
        requested,
        &path,
        &work,
        &entries,
        "miami",
        "Miami 211 (real, HSDS 1.1)",
    )?;
    let result = merge_with_saved(result, &saved, requested);
    std::fs::write(&saved, serde_json::to_string_pretty(&result)?)?;
    Ok(())
}

/// Builds and measures every requested engine on `input`.
fn compare(
    args: &RunArgs,
    requested: &[String],
    input: &[PathBuf],
    work: &Path,
    entries: &[mix::MixEntry],
    label: &str,
    region: &str,
) -> Result<ScaleResult> {
    let exe = std::env::current_exe()?;
    if work.exists() {
        std::fs::remove_dir_all(work)?;
    }
    std::fs::create_dir_all(work)?;
    let mut result = ScaleResult::new(label, region, args.runs, args.core, !args.no_pin);
    result.command = std::env::args().collect::<Vec<_>>().join(" ");

    // The HSDS import runs once; every build worker reads the services back.
    eprintln!("importing");
    let (services, import_s) = data::import(input)?;
    let services_file = work.join("services.jsonl");
    data::write_services(&services, &services_file)?;
    if requested
        .iter()
        .any(|r| engines::NODE.contains(&r.as_str()))
    {
        servicematch_benches::corpus::write_jsonl(&services, &work.join("docs.jsonl"))?;
    }
    eprintln!("imported {} services in {import_s:.1} s", services.len());
    drop(services);

    // Our index first: the mix's places are resolved with its gazetteer.
    let mut builds: Vec<(String, Result<BuildOutput>)> = Vec::new();
    for engine in engines::NATIVE
        .iter()
        .filter(|e| **e == "servicematch" || requested.iter().any(|r| r == *e))
    {
        eprintln!("{engine}: building");
        let dir = work.join(engine);
        let mut command = pinned(args, &exe);
        command
            .arg("worker-build")
            .args(["--engine", engine])
            .arg("--services")
            .arg(&services_file)
            .args(["--import-s", &import_s.to_string()])
            .arg("--dir")
            .arg(&dir);
        let build = worker::<BuildOutput>(command);
        if let Ok(b) = &build {
            eprintln!(
                "{engine}: built {} services in {:.2} s, {} bytes",
                b.services, b.build_s, b.index_bytes
            );
            result.services = b.services;
        }
        builds.push((engine.to_string(), build));
    }
    let ours = Ours::open(&work.join("servicematch"))
        .map_err(|e| format!("our index did not build: {e}"))?;
    let resolved = mix::resolve(entries, ours.index())?;
    let mix_path = work.join("mix.json");
    std::fs::write(&mix_path, serde_json::to_string(&resolved)?)?;
    // The filters mix needs what the generator writes (hours, areas,
    // eligibility); a real export is measured on the plain mix only.
    let filters_path = work.join("filters.json");
    let filters = (label != "miami")
        .then(|| data::workspace_dir().join("benches/queries-filters.json"))
        .map(|path| mix::load_ours(&path).and_then(|e| mix::resolve(&e, ours.index())))
        .transpose()?;
    if let Some(filters) = &filters {
        std::fs::write(&filters_path, serde_json::to_string(filters)?)?;
    }
    drop(ours);

    for (engine, build) in builds {
        // servicematch is always measured: every ratio is to it, in the same session.
        if engine != "servicematch" && !requested.contains(&engine) {
            continue;
        }
        let query_worker = |mix: &Path| {
            let mut command = pinned(args, &exe);
            command
                .arg("worker-query")
                .args(["--engine", &engine])
                .arg("--dir")
                .arg(work.join(&engine))
                .arg("--mix")
                .arg(mix)
                .args(["--runs", &args.runs.to_string()])
                .args(["--min-queries", &args.min_queries.to_string()])
                .args(["--run-seconds", &args.run_seconds.to_string()]);
            worker::<QueryOutput>(command)
        };
        if engine == "servicematch" && build.is_ok() && filters.is_some() {
            eprintln!("{engine}: querying the filters mix");
            let query = query_worker(&filters_path)?;
            eprintln!(
                "{engine}, filters mix: p50 {:.3} ms, p99 {:.3} ms",
                query.best.p50_ms, query.best.p99_ms
            );
            result.filters = Some(query);
        }
        let entry = match build {
            Err(e) => EngineResult::failed(&engine, &format!("build: {e}")),
            Ok(build) => {
                eprintln!("{engine}: querying");
                match query_worker(&mix_path) {
                    Ok(query) => {
                        eprintln!(
                            "{engine}: p50 {:.3} ms, p99 {:.3} ms, {:.0} QPS",
                            query.best.p50_ms, query.best.p99_ms, query.best.qps
                        );
                        EngineResult::ok(&engine, build, query)
                    }
                    Err(e) => EngineResult::failed(&engine, &format!("query: {e}")),
                }
            }
        };
        result.engines.push(entry);
    }
    for engine in engines::NODE
        .iter()
        .filter(|e| requested.iter().any(|r| r == *e))
    {
        result
            .engines
            .push(node_engine(args, engine, work, &mix_path, result.services));
    }
    for name in requested {
        if !engines::NATIVE.contains(&name.as_str()) && !engines::NODE.contains(&name.as_str()) {
            result
                .engines
                .push(EngineResult::failed(name, "no engine by that name"));
        }
    }
    Ok(result)
}

/// From this many services on, Orama is not run (see [`orama_cannot_hold`]).
const ORAMA_MAX_SERVICES: usize = 500_000;

/// Why Orama is not run at this size, from its heap per record measured at 60k.
fn orama_cannot_hold(args: &RunArgs, services: usize) -> String {
    let out = args.out.clone().unwrap_or_else(default_out);
    let measured = std::fs::read_to_string(out.join("60k.json"))
        .ok()
        .and_then(|text| serde_json::from_str::<ScaleResult>(&text).ok())
        .and_then(|scale| {
            scale
                .engines
                .into_iter()
                .find(|e| e.engine == "orama")
                .and_then(|e| e.query)
                .and_then(|q| q.heap_per_record)
        });
    let per_record = measured.unwrap_or(8_500.0);
    let source = if measured.is_some() {
        "measured at 60k in this folder's results"
    } else {
        "about 8.5 KB, as measured at 60k"
    };
    format!(
        "Orama keeps {} of JS heap per record ({source}), so {services} services need about {:.1} GB of heap, \
         more than V8's default heap limit (about 4 GB, in node as in a Chrome tab), on top of the documents \
         themselves while inserting; at 60k it already takes seconds per query without text",
        report::bytes(per_record),
        per_record * services as f64 / 1e9
    )
}

/// The best of `first` and `runs - 1` more loads of our WASM package, each
/// in a fresh node process: a load happens once per process, so one busy
/// moment on a shared machine would otherwise stand as the figure (as a slow
/// query run would, were the runs not the best of several).
fn best_load(args: &RunArgs, script: &Path, dir: &Path, first: f64) -> f64 {
    #[derive(serde::Deserialize)]
    struct Load {
        open_ms: f64,
    }
    let mut best = first;
    for _ in 1..args.runs {
        let mut command = pinned(args, Path::new("node"));
        command
            .arg(script)
            .args(["--engine", "servicematch-wasm", "--load-only", "1"])
            .arg("--index")
            .arg(engines::ours::index_path(dir));
        match worker::<Load>(command) {
            Ok(load) => best = best.min(load.open_ms),
            Err(e) => eprintln!("servicematch-wasm: a fresh load failed ({e}); keeping the others"),
        }
    }
    best
}

/// A node engine: runs `benches/node/bench.mjs` if node and the packages are there.
fn node_engine(
    args: &RunArgs,
    engine: &str,
    work: &Path,
    mix_path: &Path,
    services: usize,
) -> EngineResult {
    if engine == "orama" && services >= ORAMA_MAX_SERVICES {
        return EngineResult::skipped(engine, &orama_cannot_hold(args, services));
    }
    let node_dir = data::workspace_dir().join("benches/node");
    let script = node_dir.join("bench.mjs");
    if !which("node") {
        return EngineResult::skipped(engine, "node is not installed");
    }
    if !script.exists() {
        return EngineResult::skipped(engine, "benches/node/bench.mjs is not there yet");
    }
    if !node_dir.join("node_modules").exists() {
        return EngineResult::skipped(
            engine,
            "node packages not installed: run `npm ci --prefix benches/node`",
        );
    }
    let docs = work.join("docs.jsonl");
    if !docs.exists() {
        return EngineResult::failed(engine, "the documents file was not written");
    }
    eprintln!("{engine}: building and querying in node");
    let mut command = pinned(args, Path::new("node"));
    command
        .arg("--expose-gc")
        .arg("--max-old-space-size=16384")
        .arg(&script)
        .args(["--engine", engine])
        .arg("--docs")
        .arg(&docs)
        .arg("--index")
        .arg(engines::ours::index_path(&work.join("servicematch")))
        .arg("--mix")
        .arg(mix_path)
        .args(["--runs", &args.runs.to_string()])
        .args(["--min-queries", &args.min_queries.to_string()])
        .args(["--run-seconds", &args.run_seconds.to_string()]);
    #[derive(serde::Deserialize)]
    struct NodeOutput {
        #[serde(default)]
        skipped: Option<String>,
        build: Option<BuildOutput>,
        query: Option<QueryOutput>,
    }
    match worker::<NodeOutput>(command) {
        Ok(NodeOutput {
            skipped: Some(reason),
            ..
        }) => EngineResult::skipped(engine, &reason),
        Ok(NodeOutput {
            build: Some(build),
            query: Some(mut query),
            ..
        }) => {
            if engine == "servicematch-wasm" {
                query.open_ms = best_load(args, &script, &work.join("servicematch"), query.open_ms);
            }
            eprintln!(
                "{engine}: p50 {:.3} ms, p99 {:.3} ms, {:.0} QPS",
                query.best.p50_ms, query.best.p99_ms, query.best.qps
            );
            EngineResult::ok(engine, build, query)
        }
        Ok(_) => EngineResult::failed(engine, "node printed no figures"),
        Err(e) => EngineResult {
            status: Status::Failed(format!("node: {e}")),
            ..EngineResult::skipped(engine, "")
        },
    }
}
