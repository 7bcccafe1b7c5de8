//! The C boundary's cost per search, measured so that machine load cancels
//! out: batches of the same search through `Index::search` (Rust) and through
//! `sm_search` (the C API, which wraps it) alternate, and the harness reports
//! the median of each and the median of the paired differences.
//!
//! `cargo bench -p servicematch-c --bench overhead [-- BATCHES]` (default
//! 400 batches of 50 searches per query and path). Criterion's view of the
//! same calls: `--bench ffi`.

use std::hint::black_box;
use std::time::Instant;

use engine::{Index, Query};
use servicematch::{sm_index_free, sm_query_free};

mod fixture;

const BATCH: u32 = 50;

/// Nanoseconds per call of `f`, over one batch.
fn batch(mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..BATCH {
        f();
    }
    start.elapsed().as_nanos() as f64 / f64::from(BATCH)
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Median, and the interquartile range of a sorted copy.
fn summary(values: &[f64]) -> (f64, f64, f64) {
    let mut sorted = values.to_vec();
    let m = median(&mut sorted);
    (m, sorted[sorted.len() / 4], sorted[sorted.len() * 3 / 4])
}

/// Times `rust` and `c` in alternating batches; prints one line.
fn compare(label: &str, batches: usize, mut rust: impl FnMut(), mut c: impl FnMut()) {
    for _ in 0..batches / 10 + 1 {
        batch(&mut rust);
        batch(&mut c);
    }
    let (mut rust_ns, mut c_ns, mut diff_ns) = (Vec::new(), Vec::new(), Vec::new());
    for i in 0..batches {
        // Alternate which goes first, so neither always follows the other.
        let (r, k) = if i % 2 == 0 {
            let r = batch(&mut rust);
            (r, batch(&mut c))
        } else {
            let k = batch(&mut c);
            (batch(&mut rust), k)
        };
        rust_ns.push(r);
        c_ns.push(k);
        diff_ns.push(k - r);
    }
    let (r, _, _) = summary(&rust_ns);
    let (k, _, _) = summary(&c_ns);
    let (d, d_low, d_high) = summary(&diff_ns);
    println!(
        "{label:<42} rust {:>8.2} µs   c-api {:>8.2} µs   c-api − rust {:>+7.2} µs (IQR {:+.2} to {:+.2})",
        r / 1e3,
        k / 1e3,
        d / 1e3,
        d_low / 1e3,
        d_high / 1e3
    );
}

fn main() {
    let batches: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(400);
    let bytes = fixture::index_bytes();
    let index = Index::from_bytes(bytes.clone()).expect("the index opens");
    let c_index = fixture::c_index(&bytes);

    println!("{batches} alternating batches of {BATCH} calls per line; medians");
    for (name, json) in fixture::QUERIES {
        let query = Query::from_json(json).expect("the bench query is valid");
        let c_query = fixture::c_query(json);

        compare(
            &format!("search {name}"),
            batches,
            || {
                drop(black_box(
                    index.search(black_box(&query)).expect("search works"),
                ))
            },
            // SAFETY: live handles from above.
            || unsafe { fixture::c_search(c_index, c_query) },
        );
        compare(
            &format!("search_json {name}"),
            batches,
            || {
                let query = Query::from_json(black_box(json)).expect("valid");
                drop(black_box(
                    index.search(&query).expect("search works").to_json(),
                ));
            },
            // SAFETY: a live index from above.
            || unsafe { fixture::c_search_json(c_index, json) },
        );
        // SAFETY: made above, freed once.
        unsafe { sm_query_free(c_query) };
    }
    // SAFETY: made above, freed once.
    unsafe { sm_index_free(c_index) };
}
