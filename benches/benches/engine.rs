//! criterion benches of our hot paths on the generator's 60k directory:
//! open, text query, near query, combined query, the filters (open at a
//! time, serves here, income and statuses), record fetch.
//!
//! ```text
//! cargo bench -p servicematch-benches --bench engine
//! ```
//!
//! The directory and its index are generated once into
//! `target/servicematch-benches` (or `$SERVICEMATCH_BENCH_DIR`).
//! `SERVICEMATCH_BENCH_SCALE` picks another size (e.g. `1m`).

use std::hint::black_box;

use criterion::{criterion_group, criterion_main, Criterion};
use servicematch::{Index, Query};
use servicematch_benches::data::{cache_dir, Dataset};

fn benches(c: &mut Criterion) {
    let scale = std::env::var("SERVICEMATCH_BENCH_SCALE").unwrap_or_else(|_| "60k".into());
    let dataset = Dataset::parse(&scale, 42).expect("a scale such as 60k or 1m");
    let path = dataset
        .ensure_index(&cache_dir())
        .expect("the benchmark index builds");
    let label = dataset.label();

    c.bench_function(&format!("{label}/open"), |b| {
        b.iter(|| black_box(Index::open(&path).expect("opens")))
    });

    let index = Index::open(&path).expect("opens");
    let queries = [
        ("text", Query::new().text("mental health counselling")),
        ("text broad", Query::new().text("food")),
        ("text typo", Query::new().text("conselling")),
        (
            "near radius",
            Query::new().near_place("P3E 2C6").radius_km(25.0),
        ),
        ("near no radius", Query::new().near_place("P4N")),
        (
            "text+near",
            Query::new()
                .text("food bank")
                .near_place("P3E 2C6")
                .radius_km(25.0),
        ),
        (
            "combined",
            Query::new()
                .text("aide alimentaire")
                .near_place("P3E 2C6")
                .radius_km(50.0)
                .client_age(72)
                .language("fr"),
        ),
        (
            "category+near",
            Query::new()
                .category("Food Pantry")
                .near_place("L4M")
                .radius_km(30.0),
        ),
    ];
    let json = |text: &str| Query::from_json(text).expect("a valid query");
    let filters = [
        (
            "open at",
            json(r#"{"text": "food", "near": "P3E 2C6", "open_at": "2026-11-25T10:30:00-05:00"}"#),
        ),
        (
            "serves here",
            json(r#"{"text": "home care", "near": "P7B", "serves_here": true}"#),
        ),
        (
            "income+statuses",
            json(
                r#"{"text": "meals", "near": "K1P", "client": {"age": 72, "income": 20000, "household_size": 1, "statuses": ["senior"]}}"#,
            ),
        ),
        (
            "every filter",
            json(
                r#"{"text": "food", "near": "P3E 2C6", "radius_km": 50, "languages": ["fr"], "open_at": "2026-11-25T10:30:00-05:00",
                    "serves_here": true, "free_only": true, "client": {"age": 72, "income": 20000, "household_size": 2, "statuses": ["senior"]}}"#,
            ),
        ),
    ];
    for (name, query) in queries.iter().chain(&filters) {
        // Keep any one-time work of a first query out of the figures.
        index.search(query).expect("searches");
        c.bench_function(&format!("{label}/query/{name}"), |b| {
            b.iter(|| black_box(index.search(black_box(query)).expect("searches")))
        });
    }

    let mut ordinal = 0usize;
    c.bench_function(&format!("{label}/record fetch"), |b| {
        b.iter(|| {
            ordinal = (ordinal + 7919) % index.len();
            black_box(index.service(ordinal).expect("a record"))
        })
    });
}

criterion_group!(engine, benches);
criterion_main!(engine);
