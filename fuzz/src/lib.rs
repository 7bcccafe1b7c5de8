//! What the fuzz targets share: the demo index they search.

use servicematch::{Index, IndexBuilder};

/// The demo directory's files, as the CLI bundles them (HSDS 3 JSON).
const DEMO: &[(&str, &[u8])] = &[
    (
        "examples/data/odhf-ontario.json",
        include_bytes!("../../examples/data/odhf-ontario.json"),
    ),
    (
        "examples/data/community-services.json",
        include_bytes!("../../examples/data/community-services.json"),
    ),
];

/// The demo index's bytes: the file `$SERVICEMATCH_DEMO_INDEX` names (what
/// `scripts/fuzz.sh` builds with the CLI), else built here from the demo
/// directory. Call it from a target's `init:` block, which libFuzzer's
/// per-input timeout does not cover.
///
/// # Panics
/// When the demo directory cannot be read or indexed: no target can run.
pub fn demo_bytes() -> Vec<u8> {
    if let Some(path) = std::env::var_os("SERVICEMATCH_DEMO_INDEX") {
        if let Ok(bytes) = std::fs::read(&path) {
            if Index::from_bytes(bytes.clone()).is_ok() {
                return bytes;
            }
        }
    }
    let mut builder = IndexBuilder::new("servicematch demo directory (Ontario)");
    for (name, bytes) in DEMO {
        let import = servicematch_hsds::v3_json::read(name, bytes).expect("the demo directory");
        builder.add_services(import.services);
        builder.add_report(import.report);
    }
    builder.build_bytes().expect("the demo index").0
}

/// The demo index, opened from [`demo_bytes`].
///
/// # Panics
/// As [`demo_bytes`].
pub fn demo_index() -> Index {
    Index::from_bytes(demo_bytes()).expect("the demo index opens")
}
