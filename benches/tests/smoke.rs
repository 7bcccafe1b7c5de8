//! The harness works end to end on a tiny directory. This measures nothing:
//! it checks that every engine gets a row in the report.

use std::process::Command;

#[test]
fn compare_writes_a_report_with_every_engine() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("results");
    let status = Command::new(env!("CARGO_BIN_EXE_compare"))
        .args([
            "--scale",
            "500",
            "--runs",
            "1",
            "--min-queries",
            "1",
            "--run-seconds",
            "1",
            "--no-pin",
        ])
        .arg("--data-dir")
        .arg(work.path().join("data"))
        .arg("--out")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let report = std::fs::read_to_string(out.join("REPORT.md")).unwrap();
    for engine in servicematch_benches::report::ENGINES {
        assert!(
            report.contains(&format!("| {engine} |")),
            "no row for {engine} in\n{report}"
        );
    }
    // The native engines must have run, not been skipped.
    for engine in servicematch_benches::engines::NATIVE {
        let row = report
            .lines()
            .find(|l| l.starts_with(&format!("| {engine} |")))
            .unwrap();
        assert!(!row.contains("not run") && !row.contains("failed"), "{row}");
    }
    let results: servicematch_benches::report::ScaleResult =
        serde_json::from_str(&std::fs::read_to_string(out.join("500.json")).unwrap()).unwrap();
    assert_eq!(results.services, 500);
    // servicematch also ran the filters mix, each of its kinds in the report.
    let filters = results.filters.expect("the filters mix was measured");
    assert_eq!(filters.queries.len(), 16);
    for kind in ["open-now", "serves-here", "eligibility", "all filters"] {
        assert!(
            report.contains(&format!("| {kind} |")),
            "no {kind} row in\n{report}"
        );
    }
    assert!(out.join("p50.png").exists());
}
