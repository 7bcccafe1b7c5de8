//! The measuring protocol, run inside one worker process per engine, and the
//! JSON the worker prints (the node workers print the same shape).
//!
//! 1. build: read the services (imported once by the harness, not timed),
//!    build the index into an empty folder (timed), report the index's bytes;
//! 2. query, in a fresh process: open the index (timed), read the resident
//!    memory, run the mix once as a warm-up (recording each query's hits),
//!    then `runs` runs; a run repeats the mix until it has made at least
//!    `min_queries` queries or spent `run_seconds`, and always at least one
//!    pass. Resident memory is read again after the first run (≥ 1,000 queries
//!    unless the engine is too slow for that in `run_seconds`; the count is
//!    reported). Each figure is the best of the runs.

use std::path::Path;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use crate::engines::{dir_bytes, Engine, Found};
use crate::mix::BenchQuery;
use crate::Result;

/// What a build reports.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BuildOutput {
    /// Seconds to import the input (not part of the build).
    pub import_s: f64,
    /// Seconds to build the index.
    pub build_s: f64,
    /// Bytes of the index on disk (or serialized, for in-memory engines).
    pub index_bytes: u64,
    /// Services indexed.
    pub services: usize,
    /// How the size was measured, when not a file on disk.
    #[serde(default)]
    pub size_note: Option<String>,
}

/// Latency figures of one run, in milliseconds.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize)]
pub struct RunStats {
    /// Queries made in the run.
    pub queries: usize,
    /// Median latency.
    pub p50_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
    /// Slowest query.
    pub max_ms: f64,
    /// Queries per second on one core.
    pub qps: f64,
}

/// One query of the mix, as an engine answered it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QueryOutcome {
    /// Name in the mix.
    pub name: String,
    /// Kind in the mix.
    pub kind: String,
    /// Its fastest time over every run.
    pub best_ms: f64,
    /// Ids of the hits, best first.
    pub ids: Vec<String>,
    /// Names of the hits, best first.
    pub names: Vec<String>,
}

/// What a query worker reports.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct QueryOutput {
    /// Milliseconds to open (or load) the index.
    pub open_ms: f64,
    /// Resident memory after open, in bytes.
    pub rss_open: u64,
    /// Resident memory after the first run, in bytes.
    pub rss_after: u64,
    /// Queries made before `rss_after` was read.
    pub rss_after_queries: usize,
    /// The anonymous (heap) part of `rss_after`, in bytes: the rest is pages
    /// of memory-mapped files, which the kernel can drop (Linux only).
    #[serde(default)]
    pub rss_anon_after: Option<u64>,
    /// Heap per record, in bytes (node engines only).
    #[serde(default)]
    pub heap_per_record: Option<f64>,
    /// The slowest query of the warm-up pass (includes lazy work on first use).
    pub first_pass_max_ms: f64,
    /// Each run's figures.
    pub runs: Vec<RunStats>,
    /// The best of the runs, figure by figure.
    pub best: RunStats,
    /// Each query's outcome.
    pub queries: Vec<QueryOutcome>,
}

/// Protocol settings.
#[derive(Debug, Clone, Copy)]
pub struct Protocol {
    /// Runs after the warm-up.
    pub runs: usize,
    /// A run stops after this many queries…
    pub min_queries: usize,
    /// …or after this long (but always makes one pass of the mix).
    pub run_seconds: f64,
}

impl Default for Protocol {
    fn default() -> Protocol {
        Protocol {
            runs: 3,
            min_queries: 1000,
            run_seconds: 10.0,
        }
    }
}

/// Builds engine `E`'s index of the services in `services` (written by
/// [`crate::data::write_services`]) into `dir`; `import_s` is the time the
/// HSDS import took, reported beside the build.
///
/// # Errors
/// When the services cannot be read or the engine fails.
pub fn build<E: Engine>(services: &Path, import_s: f64, dir: &Path) -> Result<BuildOutput> {
    let services = crate::data::read_services(services)?;
    let count = services.len();
    std::fs::create_dir_all(dir)?;
    let start = Instant::now();
    E::build(services, dir)?;
    let build_s = start.elapsed().as_secs_f64();
    Ok(BuildOutput {
        import_s,
        build_s,
        index_bytes: dir_bytes(dir),
        services: count,
        size_note: None,
    })
}

/// Opens engine `E`'s index in `dir` and runs the protocol.
///
/// # Errors
/// When the engine fails to open or to answer a query.
pub fn query<E: Engine>(dir: &Path, mix: &[BenchQuery], protocol: Protocol) -> Result<QueryOutput> {
    let start = Instant::now();
    let engine = E::open(dir)?;
    let open_ms = ms(start.elapsed());
    let rss_open = rss_bytes();
    let mut outcomes: Vec<QueryOutcome> = Vec::with_capacity(mix.len());
    let mut first_pass_max_ms = 0f64;
    for query in mix {
        let start = Instant::now();
        let found: Vec<Found> = engine
            .search(query)
            .map_err(|e| format!("query \"{}\": {e}", query.name))?;
        let took = ms(start.elapsed());
        first_pass_max_ms = first_pass_max_ms.max(took);
        outcomes.push(QueryOutcome {
            name: query.name.clone(),
            kind: query.kind.clone(),
            best_ms: took,
            ids: found.iter().map(|f| f.id.clone()).collect(),
            names: found.into_iter().map(|f| f.name).collect(),
        });
    }
    let mut runs = Vec::with_capacity(protocol.runs);
    let mut rss_after = 0;
    let mut rss_anon_after = None;
    let mut rss_after_queries = 0;
    for run in 0..protocol.runs.max(1) {
        let mut latencies = Vec::new();
        let started = Instant::now();
        let budget = Duration::from_secs_f64(protocol.run_seconds);
        'run: loop {
            for (query, outcome) in mix.iter().zip(outcomes.iter_mut()) {
                let start = Instant::now();
                let found = engine.search(query)?;
                let took = ms(start.elapsed());
                std::hint::black_box(found);
                outcome.best_ms = outcome.best_ms.min(took);
                latencies.push(took);
            }
            if latencies.len() >= protocol.min_queries || started.elapsed() >= budget {
                break 'run;
            }
        }
        let elapsed = started.elapsed().as_secs_f64();
        if run == 0 {
            rss_after = rss_bytes();
            rss_anon_after = status_bytes("RssAnon:");
            rss_after_queries = latencies.len() + mix.len();
        }
        runs.push(stats(&mut latencies, elapsed));
    }
    Ok(QueryOutput {
        open_ms,
        rss_open,
        rss_after,
        rss_after_queries,
        rss_anon_after,
        heap_per_record: None,
        first_pass_max_ms,
        best: best_of(&runs),
        runs,
        queries: outcomes,
    })
}

/// The figures of one run from its latencies (sorted in place).
pub fn stats(latencies: &mut [f64], elapsed_s: f64) -> RunStats {
    latencies.sort_by(f64::total_cmp);
    RunStats {
        queries: latencies.len(),
        p50_ms: percentile(latencies, 0.50),
        p99_ms: percentile(latencies, 0.99),
        max_ms: latencies.last().copied().unwrap_or(0.0),
        qps: if elapsed_s > 0.0 {
            latencies.len() as f64 / elapsed_s
        } else {
            0.0
        },
    }
}

/// The best of several runs, figure by figure.
pub fn best_of(runs: &[RunStats]) -> RunStats {
    let min = |f: fn(&RunStats) -> f64| runs.iter().map(f).fold(f64::INFINITY, f64::min);
    RunStats {
        queries: runs.iter().map(|r| r.queries).max().unwrap_or(0),
        p50_ms: min(|r| r.p50_ms),
        p99_ms: min(|r| r.p99_ms),
        max_ms: min(|r| r.max_ms),
        qps: runs.iter().map(|r| r.qps).fold(0.0, f64::max),
    }
}

/// The nearest-rank percentile `q` (0 to 1) of sorted values.
pub fn percentile(sorted: &[f64], q: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

/// This process's resident memory in bytes (Linux `/proc/self/status`; 0 elsewhere).
pub fn rss_bytes() -> u64 {
    status_bytes("VmRSS:").unwrap_or(0)
}

/// A `kB` line of `/proc/self/status`, in bytes.
fn status_bytes(key: &str) -> Option<u64> {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map(|kb| kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_by_nearest_rank() {
        let mut values: Vec<f64> = (1..=100).map(f64::from).collect();
        let s = stats(&mut values, 1.0);
        assert_eq!(
            (s.p50_ms, s.p99_ms, s.max_ms, s.queries),
            (50.0, 99.0, 100.0, 100)
        );
        assert_eq!(percentile(&[3.0], 0.99), 3.0);
    }

    #[test]
    fn best_of_takes_each_figure_separately() {
        let a = RunStats {
            queries: 10,
            p50_ms: 1.0,
            p99_ms: 9.0,
            max_ms: 9.0,
            qps: 100.0,
        };
        let b = RunStats {
            queries: 10,
            p50_ms: 2.0,
            p99_ms: 5.0,
            max_ms: 6.0,
            qps: 90.0,
        };
        let best = best_of(&[a, b]);
        assert_eq!(
            (best.p50_ms, best.p99_ms, best.max_ms, best.qps),
            (1.0, 5.0, 6.0, 100.0)
        );
    }
}
