//! Native side of the WebAssembly benchmark (`bench/bench.mjs` runs it): the
//! same index file and the same queries, timed in-process on one core.
//!
//! ```text
//! cargo run --release -p servicematch-wasm --example bench_native -- INDEX QUERIES.json ROUNDS
//! ```
//!
//! Prints one JSON object: load time (index bytes already in memory, as the
//! WebAssembly side measures it), and every query's latency in microseconds.

use std::time::Instant;

use servicematch::{Index, Query};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [index_path, queries_path, rounds] = args.as_slice() else {
        return Err("usage: bench_native INDEX QUERIES.json ROUNDS".into());
    };
    let rounds: usize = rounds.parse()?;
    let bytes = std::fs::read(index_path)?;
    let queries: Vec<Query> =
        serde_json::from_str::<Vec<serde_json::Value>>(&std::fs::read_to_string(queries_path)?)?
            .iter()
            .map(|q| Query::from_json(&q.to_string()))
            .collect::<Result<_, _>>()?;

    let started = Instant::now();
    let index = Index::from_bytes(bytes)?;
    let load_ms = started.elapsed().as_secs_f64() * 1e3;
    let started = Instant::now();
    let mapped = Index::open(index_path)?;
    let open_ms = started.elapsed().as_secs_f64() * 1e3;
    drop(mapped);

    // One warm-up round, then `rounds` timed rounds.
    let mut hits = 0;
    for query in &queries {
        hits += index.search(query)?.hits.len();
    }
    let mut micros = Vec::with_capacity(queries.len() * rounds);
    for _ in 0..rounds {
        for query in &queries {
            let started = Instant::now();
            let results = index.search(query)?;
            micros.push(started.elapsed().as_secs_f64() * 1e6);
            std::hint::black_box(results);
        }
    }
    let report = serde_json::json!({
        "load_ms": load_ms,
        "open_mmap_ms": open_ms,
        "queries": queries.len(),
        "hits_first_round": hits,
        "micros": micros,
    });
    println!("{report}");
    Ok(())
}
