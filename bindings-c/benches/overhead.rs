//! The C boundary's cost per search, measured so that machine load cancels
//! out: batches of the same search through `Index::search` (Rust) and through
//! `sm_search` (the C API, which wraps it) alternate, and the harness reports
//! the median of each and the median of the paired differences.
//!
//! `cargo bench -p servicematch-c --bench overhead [-- BATCHES]` (default
//! 400 batches of 50 searches per query and path). Criterion's view of the
//! same calls: `--bench ffi`.

use std::ffi::c_char;
use std::hint::black_box;
use std::path::Path;
use std::ptr;
use std::time::Instant;

use engine::{hsds, Index, IndexBuilder, Query};
use servicematch::{
    sm_index, sm_index_free, sm_index_open_bytes, sm_query, sm_query_free, sm_query_from_json,
    sm_results, sm_results_free, sm_search, sm_search_json, sm_status, sm_string_free,
};

const QUERIES: [(&str, &str); 3] = [
    (
        "text+place+language",
        r#"{"text": "food bank", "near": "P3E 2C6", "languages": ["fr"]}"#,
    ),
    (
        "place+radius",
        r#"{"near": {"lat": 43.6, "lon": -79.4}, "radius_km": 500, "limit": 20}"#,
    ),
    (
        "category+client+explain",
        r#"{"categories": ["Food"], "client": {"age": 72}, "explain": true, "limit": 50}"#,
    ),
];

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
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/testdata/ranking.json");
    let import = hsds::read_path(&fixture).expect("the ranking fixture imports");
    let mut builder = IndexBuilder::new("ranking");
    builder.add_services(import.services);
    let bytes = builder.build_bytes().expect("the ranking fixture builds").0;
    let index = Index::from_bytes(bytes.clone()).expect("the index opens");
    let mut c_index: *mut sm_index = ptr::null_mut();
    // SAFETY: `bytes` is readable for its length; the out-pointer is a local.
    let status =
        unsafe { sm_index_open_bytes(bytes.as_ptr(), bytes.len(), &mut c_index, ptr::null_mut()) };
    assert_eq!(status, sm_status::SM_OK);

    println!("{batches} alternating batches of {BATCH} calls per line; medians");
    for (name, json) in QUERIES {
        let query = Query::from_json(json).expect("the bench query is valid");
        let mut c_query: *mut sm_query = ptr::null_mut();
        // SAFETY: `json` is readable for its length; the out-pointer is a local.
        let status = unsafe {
            sm_query_from_json(
                json.as_ptr().cast(),
                json.len(),
                &mut c_query,
                ptr::null_mut(),
            )
        };
        assert_eq!(status, sm_status::SM_OK);

        compare(
            &format!("search {name}"),
            batches,
            || {
                drop(black_box(
                    index.search(black_box(&query)).expect("search works"),
                ))
            },
            || {
                let mut results: *mut sm_results = ptr::null_mut();
                // SAFETY: live handles; the out-pointer is a local.
                let status = unsafe { sm_search(c_index, c_query, &mut results, ptr::null_mut()) };
                assert_eq!(status, sm_status::SM_OK);
                // SAFETY: `results` was just made by sm_search.
                unsafe { sm_results_free(black_box(results)) };
            },
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
            || {
                let mut out: *mut c_char = ptr::null_mut();
                let json = black_box(json);
                // SAFETY: live index; `json` readable for its length; local out-pointer.
                let status = unsafe {
                    sm_search_json(
                        c_index,
                        json.as_ptr().cast(),
                        json.len(),
                        &mut out,
                        ptr::null_mut(),
                    )
                };
                assert_eq!(status, sm_status::SM_OK);
                // SAFETY: `out` was just made by sm_search_json.
                unsafe { sm_string_free(black_box(out)) };
            },
        );
        // SAFETY: made above, freed once.
        unsafe { sm_query_free(c_query) };
    }
    // SAFETY: made above, freed once.
    unsafe { sm_index_free(c_index) };
}
