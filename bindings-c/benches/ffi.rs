//! What the C boundary costs: the same searches on the same index through
//! `Index::search` (Rust) and through `sm_search` (the C API), and JSON in /
//! JSON out both ways (`Query::from_json` + `search` + `to_json` against
//! `sm_search_json`).
//!
//! `cargo bench -p servicematch-c --bench ffi`. The index is the core's
//! 12-service ranking fixture: searches are short, so the boundary's share
//! shows; its cost does not grow with the index.

// `criterion_group!` defines an undocumented public function.
#![allow(missing_docs)]

use std::ffi::c_char;
use std::hint::black_box;
use std::path::Path;
use std::ptr;

use criterion::{criterion_group, criterion_main, Criterion};
use engine::{hsds, Index, IndexBuilder, Query};
use servicematch::{
    sm_index, sm_index_free, sm_index_open_bytes, sm_query, sm_query_free, sm_query_from_json,
    sm_results, sm_results_free, sm_results_id, sm_results_len, sm_results_name, sm_search,
    sm_search_json, sm_status, sm_string_free,
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

fn index_bytes() -> Vec<u8> {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/testdata/ranking.json");
    let import = hsds::read_path(&fixture).expect("the ranking fixture imports");
    let mut builder = IndexBuilder::new("ranking");
    builder.add_services(import.services);
    builder.build_bytes().expect("the ranking fixture builds").0
}

fn bench(c: &mut Criterion) {
    let bytes = index_bytes();
    let index = Index::from_bytes(bytes.clone()).expect("the index opens");
    let mut c_index: *mut sm_index = ptr::null_mut();
    // SAFETY: `bytes` is readable for its length; the out-pointer is a local.
    let status =
        unsafe { sm_index_open_bytes(bytes.as_ptr(), bytes.len(), &mut c_index, ptr::null_mut()) };
    assert_eq!(status, sm_status::SM_OK);

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

        let mut group = c.benchmark_group(format!("search/{name}"));
        group.bench_function("rust", |b| {
            b.iter(|| black_box(index.search(black_box(&query)).expect("search works")))
        });
        group.bench_function("c-api", |b| {
            b.iter(|| {
                let mut results: *mut sm_results = ptr::null_mut();
                // SAFETY: live handles from above; the out-pointer is a local.
                let status = unsafe { sm_search(c_index, c_query, &mut results, ptr::null_mut()) };
                assert_eq!(status, sm_status::SM_OK);
                // SAFETY: `results` was just made by sm_search.
                unsafe { sm_results_free(black_box(results)) };
            })
        });
        group.finish();

        let mut group = c.benchmark_group(format!("search_json/{name}"));
        group.bench_function("rust", |b| {
            b.iter(|| {
                let query = Query::from_json(black_box(json)).expect("valid");
                black_box(index.search(&query).expect("search works").to_json())
            })
        });
        group.bench_function("c-api", |b| {
            b.iter(|| {
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
            })
        });
        group.finish();

        // SAFETY: made above, freed once.
        unsafe { sm_query_free(c_query) };
    }
    boundary(c, &index, c_index);
    // SAFETY: made above, freed once.
    unsafe { sm_index_free(c_index) };
}

/// The cost of one crossing on its own: reading every hit's id and name
/// through the getters, against reading the fields in Rust.
fn boundary(c: &mut Criterion, index: &Index, c_index: *const sm_index) {
    let json = QUERIES[2].1;
    let results = index
        .search(&Query::from_json(json).expect("valid"))
        .expect("search works");
    let mut c_query: *mut sm_query = ptr::null_mut();
    let mut c_results: *mut sm_results = ptr::null_mut();
    // SAFETY: `json` is readable for its length; live index; local out-pointers.
    unsafe {
        sm_query_from_json(
            json.as_ptr().cast(),
            json.len(),
            &mut c_query,
            ptr::null_mut(),
        );
        sm_search(c_index, c_query, &mut c_results, ptr::null_mut());
    }
    // SAFETY: `c_results` was just made by sm_search.
    let hits = unsafe { sm_results_len(c_results) };
    assert_eq!(hits, results.hits.len());

    let mut group = c.benchmark_group(format!("getters/id+name of {hits} hits"));
    group.bench_function("rust", |b| {
        b.iter(|| {
            for hit in &black_box(&results).hits {
                black_box((hit.id.as_ptr(), hit.id.len()));
                black_box((hit.name.as_ptr(), hit.name.len()));
            }
        })
    });
    group.bench_function("c-api", |b| {
        b.iter(|| {
            let (mut ptr, mut len): (*const c_char, usize) = (ptr::null(), 0);
            // SAFETY: live results; local out-pointers.
            unsafe {
                for i in 0..sm_results_len(black_box(c_results)) {
                    sm_results_id(c_results, i, &mut ptr, &mut len);
                    black_box((ptr, len));
                    sm_results_name(c_results, i, &mut ptr, &mut len);
                    black_box((ptr, len));
                }
            }
        })
    });
    group.finish();
    // SAFETY: made above, freed once.
    unsafe {
        sm_results_free(c_results);
        sm_query_free(c_query);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
