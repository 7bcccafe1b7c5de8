//! One index, 16 threads, the benchmark query mix with every filter (and
//! the filters mix): each answer is byte for byte (as JSON) the one the
//! same query gets alone.
//!
//! `SERVICEMATCH_CONCURRENT_QUERIES` sets the number of searches (default
//! 4,000, for a debug build in the normal suite); `scripts/test.sh` runs it
//! with 100,000 on a release build.

use std::sync::atomic::{AtomicUsize, Ordering};

use serde_json::{json, Value};

use super::*;

const THREADS: usize = 16;

/// The clock every search reads (`search_at`): Tuesday 2026-12-01 10:30
/// Toronto, so that open-now states do not move between the two runs.
const NOW: i64 = 1_796_139_000;

fn demo_index() -> Index {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let mut builder = IndexBuilder::new("demo");
    for file in ["odhf-ontario.json", "community-services.json"] {
        let import = hsds::read_path(&data.join(file)).unwrap();
        builder
            .add_services(import.services)
            .add_report(import.report);
    }
    Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
}

/// The filters added to the mix's queries, each set on its own and with
/// others: time (open_at, hours_known), place (serves_here), the client
/// (age, gender, income, household, statuses), languages, categories,
/// cost, access, paging and explanations.
fn variants(base: &Value) -> Vec<Value> {
    let near = base.get("near").is_some();
    let with = |patch: Value| {
        let mut query = base.clone();
        for (key, value) in patch.as_object().unwrap() {
            query[key] = value.clone();
        }
        query
    };
    let mut out = vec![
        base.clone(),
        with(json!({"open_at": "2026-12-01T10:30:00-05:00", "explain": true})),
        with(json!({"open_at": "2026-12-05T22:00:00-05:00", "hours_known": true})),
        with(json!({
            "client": {"age": 34, "gender": "female", "income": 21000, "household_size": 3,
                       "statuses": ["newcomer", "parent"]},
            "explain": true
        })),
        with(
            json!({"client": {"age": 70, "statuses": ["senior", "disability"]}, "free_only": true}),
        ),
        with(json!({"languages": ["fr", "es"], "require_language": true, "limit": 20})),
        with(json!({"categories": ["Food Pantry", "Emergency Shelter"], "wheelchair": true})),
        with(json!({"languages": ["French"], "limit": 5, "offset": 5, "explain": true})),
    ];
    if near {
        out.push(with(json!({"serves_here": true, "explain": true})));
        out.push(with(json!({
            "serves_here": true, "open_at": "2026-12-02T09:00:00-05:00",
            "client": {"age": 16, "statuses": ["youth"]}, "languages": ["fr"], "limit": 50
        })));
    }
    out
}

/// The benchmark mix (`benches/queries.json`), each query with the
/// filters of [`variants`], then the filters mix (`benches/queries-filters.json`)
/// as it is.
fn mix() -> Vec<Query> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| -> Vec<Value> {
        serde_json::from_str(&std::fs::read_to_string(root.join("../benches").join(name)).unwrap())
            .unwrap()
    };
    let filters = read("queries-filters.json");
    read("queries.json")
        .iter()
        .flat_map(|entry| variants(&entry["query"]))
        .chain(filters.iter().map(|entry| entry["query"].clone()))
        .map(|query| {
            Query::from_json_value(query.clone()).unwrap_or_else(|e| panic!("{query}: {e}"))
        })
        .collect()
}

fn answer(index: &Index, query: &Query) -> String {
    match index.search_at(query, NOW) {
        Ok(results) => serde_json::to_string(&results).unwrap(),
        Err(err) => format!("error: {err}"),
    }
}

#[test]
fn sixteen_threads_get_the_answers_of_one_byte_for_byte() {
    let searches: usize = std::env::var("SERVICEMATCH_CONCURRENT_QUERIES")
        .map(|n| {
            n.parse()
                .expect("SERVICEMATCH_CONCURRENT_QUERIES is a number")
        })
        .unwrap_or(4_000);
    let index = demo_index();
    let queries = mix();
    assert!(queries.len() >= 300, "{} queries", queries.len());
    let alone: Vec<String> = queries.iter().map(|q| answer(&index, q)).collect();
    assert!(
        alone.iter().all(|a| !a.starts_with("error")),
        "the mix is valid"
    );
    assert!(
        alone.iter().filter(|a| a.contains("\"hits\":[]")).count() < alone.len() / 2,
        "most queries find something"
    );

    let next = AtomicUsize::new(0);
    let differed = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for thread in 0..THREADS {
            let (index, queries, alone, next, differed) =
                (&index, &queries, &alone, &next, &differed);
            scope.spawn(move || loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                if n >= searches {
                    break;
                }
                // Threads walk the mix at different strides, so that the
                // same and different queries run side by side.
                let q = (n * (2 * thread + 1) + thread) % queries.len();
                if answer(index, &queries[q]) != alone[q] {
                    differed.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    assert!(next.load(Ordering::Relaxed) >= searches);
    assert_eq!(differed.into_inner(), 0, "of {searches} searches");
}
