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
use std::ptr;

use criterion::{criterion_group, criterion_main, Criterion};
use engine::{Index, Query};
use servicematch::{
    sm_index, sm_index_free, sm_query_free, sm_results, sm_results_free, sm_results_id,
    sm_results_len, sm_results_name, sm_search,
};

mod fixture;

fn bench(c: &mut Criterion) {
    let bytes = fixture::index_bytes();
    let index = Index::from_bytes(bytes.clone()).expect("the index opens");
    let c_index = fixture::c_index(&bytes);

    for (name, json) in fixture::QUERIES {
        let query = Query::from_json(json).expect("the bench query is valid");
        let c_query = fixture::c_query(json);

        let mut group = c.benchmark_group(format!("search/{name}"));
        group.bench_function("rust", |b| {
            b.iter(|| black_box(index.search(black_box(&query)).expect("search works")))
        });
        group.bench_function("c-api", |b| {
            // SAFETY: live handles from above.
            b.iter(|| unsafe { fixture::c_search(c_index, c_query) })
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
            // SAFETY: a live index from above.
            b.iter(|| unsafe { fixture::c_search_json(c_index, json) })
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
    let json = fixture::QUERIES[2].1;
    let results = index
        .search(&Query::from_json(json).expect("valid"))
        .expect("search works");
    let c_query = fixture::c_query(json);
    let mut c_results: *mut sm_results = ptr::null_mut();
    // SAFETY: live handles; a local out-pointer.
    unsafe { sm_search(c_index, c_query, &mut c_results, ptr::null_mut()) };
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
