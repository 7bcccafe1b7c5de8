//! The importer's integration tests, one binary.

// Importing HSDS: the Open Referral fixtures, hand-made messy exports, zip
// archives, format detection, errors that name the file.
mod import;

// Inputs the fuzz targets found, each a regression test named after its bug.
mod fuzz_regressions;

// A synthetic export with 10% of its records damaged in seeded random
// ways: every bad record reported, no good one lost.
mod damaged;

// The real Miami and Baltimore 211 exports in ../shared/data/real
// (evaluation only, read in place; ignored when absent).
mod real_exports;

// The Rust example (examples/rust/referral.rs), run for what it prints.
#[path = "../../examples/rust/referral.rs"]
#[allow(dead_code)]
mod referral;

#[test]
fn the_rust_example_finds_french_meals_near_sudbury() {
    let mut out = Vec::new();
    referral::run(&mut out).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines[0], "read 4205 services (0 problems reported)",
        "{out}"
    );
    assert!(lines[1].starts_with("indexed 4205 services in "), "{out}");
    assert!(lines[2].ends_with("services match; the best 5:"), "{out}");
    assert!(lines[3].starts_with("1. "), "{out}");
    assert!(lines[4].starts_with("   why: speaks French"), "{out}");
    assert!(lines.last().unwrap().starts_with("call "), "{out}");
}
