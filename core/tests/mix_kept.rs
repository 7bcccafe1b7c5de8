//! The top 10 of every query of the benchmark mix (`benches/queries.json`)
//! on the demo directory (`examples/data`), held against
//! `testdata/mix-top10.json`: the list saved before the engine and the
//! importer became two crates, so that a move of code that changes no
//! behaviour shows that it changes none. A ranking change updates the list
//! on purpose: `SERVICEMATCH_SAVE_MIX=1 cargo test -p servicematch --test
//! tests mix_kept` writes it anew, and the diff shows what moved.

use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::*;

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

#[test]
fn benchmark_mix_top10_on_the_demo_directory() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mix: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(root.join("../benches/queries.json")).unwrap(),
    )
    .unwrap();
    let index = demo_index();
    let mut got = BTreeMap::new();
    for entry in &mix {
        let mut query = entry["query"].clone();
        if query.get("limit").is_none() {
            query["limit"] = json!(10);
        }
        let results = index
            .search(&Query::from_json(&query.to_string()).unwrap())
            .unwrap();
        got.insert(
            entry["name"].as_str().unwrap().to_owned(),
            json!({ "total": results.total, "ids": ids(&results) }),
        );
    }
    let saved_path = testdata("mix-top10.json");
    if std::env::var_os("SERVICEMATCH_SAVE_MIX").is_some() {
        let text = serde_json::to_string_pretty(&got).unwrap();
        std::fs::write(&saved_path, text + "\n").unwrap();
    }
    let saved: BTreeMap<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(&saved_path).unwrap()).unwrap();
    assert_eq!(got.len(), mix.len(), "query names are unique");
    for (name, want) in &saved {
        assert_eq!(got.get(name), Some(want), "query \"{name}\"");
    }
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        saved.keys().collect::<Vec<_>>()
    );
}

/// The built-in synonyms had "emergency housing" in the shelter group,
/// matched word by word: a food pantry filed under "Emergency Food" that
/// mentions housing came second for "shelter" near Ottawa. Phrases of the
/// vocabulary now match as phrases.
#[test]
fn shelter_near_ottawa_puts_a_food_pantry_second() {
    let index = demo_index();
    let results = index
        .search(&Query::new().text("shelter").near_place("Ottawa"))
        .unwrap();
    assert!(!results.hits.is_empty());
    for hit in &results.hits[..5] {
        let food = hit
            .categories
            .iter()
            .any(|c| c.contains("Food") || c.contains("Meals"));
        let shelter = hit
            .categories
            .iter()
            .any(|c| c.contains("Shelter") || c.contains("Housing"));
        assert!(
            shelter || !food,
            "{} ({:?}) in the top 5 for shelter near Ottawa",
            hit.name,
            hit.categories
        );
    }
}
