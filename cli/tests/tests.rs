//! The `servicematch` binary, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn servicematch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_servicematch"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/testdata/ranking.json")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Builds the ranking fixture into a fresh folder.
fn built_index() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("ranking.smx");
    let output = servicematch(&[
        "build",
        fixture().to_str().unwrap(),
        "--output",
        index.to_str().unwrap(),
        "--name",
        "ranking fixture",
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("services: 12 read, 12 indexed, 0 rejected"),
        "{}",
        stdout(&output)
    );
    (dir, index)
}

#[test]
fn build_inspect_verify_search() {
    let (_dir, index) = built_index();
    let index = index.to_str().unwrap();

    let inspect = servicematch(&["inspect", index, "--json"]);
    assert!(inspect.status.success());
    let info: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    assert_eq!(info["services"], 12);
    assert_eq!(info["locations"], 12);
    assert_eq!(info["meta"]["import"]["services_read"], 12);
    assert_eq!(info["meta"]["name"], "ranking fixture");

    let verify = servicematch(&["verify", index]);
    assert!(verify.status.success(), "{}", stderr(&verify));

    let search = servicematch(&[
        "search",
        "--index",
        index,
        "aide alimentaire",
        "--near",
        "P3E 2C6",
        "--lang",
        "fr",
        "--json",
    ]);
    assert!(search.status.success(), "{}", stderr(&search));
    let results: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert_eq!(results["hits"][0]["id"], "s02");
    assert!(
        results["hits"][0]["explanation"].is_null(),
        "explanations only when asked"
    );

    let human = servicematch(&[
        "search", "--index", index, "food", "--near", "Sudbury", "--age", "72", "--lang", "fr",
    ]);
    let text = stdout(&human);
    assert!(text.contains("why: speaks French"), "{text}");
}

#[test]
fn json_query_equals_flags() {
    let (_dir, index) = built_index();
    let index = index.to_str().unwrap();
    let flags = servicematch(&[
        "search", "--index", index, "food", "--near", "M5V 2T6", "--age", "40", "--json",
    ]);
    let json = servicematch(&[
        "search",
        "--index",
        index,
        "--json",
        "--query-json",
        r#"{"text": "food", "near": "m5v2t6", "client": {"age": 40}}"#,
    ]);
    assert!(
        flags.status.success() && json.status.success(),
        "{}",
        stderr(&json)
    );
    let a: serde_json::Value = serde_json::from_slice(&flags.stdout).unwrap();
    let b: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(a, b);
}

#[test]
fn verify_fails_on_a_corrupted_file() {
    let (_dir, index) = built_index();
    let mut bytes = std::fs::read(&index).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0xFF;
    std::fs::write(&index, bytes).unwrap();
    let verify = servicematch(&["verify", index.to_str().unwrap()]);
    assert!(!verify.status.success());
    assert!(stderr(&verify).contains("corrupt"), "{}", stderr(&verify));
}

#[test]
fn bad_input_gets_clear_errors_and_a_failing_exit() {
    let (_dir, index) = built_index();
    let index = index.to_str().unwrap();
    for (args, needle) in [
        (
            vec!["search", "--index", "/nonexistent.smx", "food"],
            "/nonexistent.smx",
        ),
        (
            vec!["search", "--index", index, "--near", "Atlantis"],
            "\"Atlantis\" is not a postal code or place",
        ),
        (
            vec![
                "search",
                "--index",
                index,
                "--near",
                "M5V",
                "--radius-km",
                "-1",
            ],
            "radius_km -1",
        ),
        (
            vec!["search", "--index", index, "--age", "200"],
            "client.age 200",
        ),
        (
            vec!["inspect", fixture().to_str().unwrap()],
            "not a servicematch index",
        ),
        (
            vec!["build", "/nonexistent.json", "--output", "/tmp/x.smx"],
            "/nonexistent.json",
        ),
    ] {
        let output = servicematch(&args);
        assert!(!output.status.success(), "{args:?}");
        assert!(
            stderr(&output).contains(needle),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(!stderr(&output).contains("panicked"), "{args:?}");
    }
}
