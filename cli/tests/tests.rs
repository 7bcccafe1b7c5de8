//! The `servicematch` binary, run as a user runs it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

// A build killed at random moments, or stopped by a full disk, loses nothing.
mod durability;

fn servicematch(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_servicematch"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/testdata/ranking.json")
}

/// `servicematch build INPUT --output INDEX FLAGS…`.
fn build(input: &Path, index: &Path, flags: &[&str]) -> Output {
    let (input, index) = (input.to_str().unwrap(), index.to_str().unwrap());
    servicematch(&[&["build", input, "--output", index], flags].concat())
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
    let output = build(&fixture(), &index, &["--name", "ranking fixture"]);
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
fn show_prints_a_search_hit_s_full_record() {
    let (_dir, index) = built_index();
    let index = index.to_str().unwrap();
    let search = servicematch(&["search", "--index", index, "food", "--json"]);
    let results: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    let hit = &results["hits"][0];
    let id = hit["id"].as_str().unwrap();

    let json = servicematch(&["show", id, "--index", index, "--json"]);
    assert!(json.status.success(), "{}", stderr(&json));
    let record: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(record["id"], hit["id"]);
    assert_eq!(record["name"], hit["name"]);
    assert_eq!(record["phones"][0]["number"], hit["phones"][0]);
    assert!(record["description"].is_string(), "{record}");

    let human = servicematch(&["show", "s01", "--index", index]);
    assert!(human.status.success(), "{}", stderr(&human));
    let text = stdout(&human);
    assert!(text.starts_with("Sudbury Food Bank\n"), "{text}");
    for line in [
        "id:             s01",
        "organization:   Test Org",
        "description:    Emergency food hampers for families in need.",
        "location:       Sudbury Food Bank: 1 Main St, Sudbury, ON P3E 2C6 (46.49, -80.99)",
        "phone:          705-555-0101 (voice)",
        "languages:      English (en)",
        "categories:     Food Pantry",
        "cost:           free",
    ] {
        assert!(
            text.contains(&format!("\n  {line}\n")),
            "{line:?} in\n{text}"
        );
    }
}

#[test]
fn show_names_an_unknown_id() {
    let (_dir, index) = built_index();
    let index = index.to_str().unwrap();
    for args in [
        vec!["show", "s99", "--index", index],
        vec!["show", "s99", "--index", index, "--json"],
    ] {
        let output = servicematch(&args);
        assert!(!output.status.success(), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}: {}", stdout(&output));
        assert_eq!(
            stderr(&output),
            format!("error: no service with id \"s99\" in {index}\n")
        );
    }
    let missing = servicematch(&["show", "s01", "--index", "/nonexistent.smx"]);
    assert!(!missing.status.success());
    assert!(
        stderr(&missing).contains("/nonexistent.smx"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn fhir_bundles_from_search_and_show() {
    let (_dir, index) = built_index();
    let index = index.to_str().unwrap();
    let search = servicematch(&["search", "--index", index, "food", "--fhir"]);
    assert!(search.status.success(), "{}", stderr(&search));
    let bundle: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert_eq!(bundle["resourceType"], "Bundle");
    assert_eq!(bundle["type"], "searchset");
    let json = servicematch(&["search", "--index", index, "food", "--json"]);
    let results: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let entries = bundle["entry"].as_array().unwrap();
    assert_eq!(entries.len(), results["hits"].as_array().unwrap().len());
    assert_eq!(bundle["total"], results["total"]);
    for (entry, hit) in entries.iter().zip(results["hits"].as_array().unwrap()) {
        let resource = &entry["resource"];
        assert_eq!(resource["resourceType"], "HealthcareService");
        assert_eq!(resource["identifier"][0]["value"], hit["id"]);
        assert_eq!(resource["name"], hit["name"]);
        assert_eq!(entry["search"]["mode"], "match");
    }

    let show = servicematch(&["show", "s01", "--index", index, "--fhir"]);
    assert!(show.status.success(), "{}", stderr(&show));
    let one: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert_eq!(one["type"], "collection");
    assert_eq!(one["entry"][0]["resource"]["name"], "Sudbury Food Bank");
    let both = servicematch(&["search", "--index", index, "food", "--fhir", "--json"]);
    assert!(
        !both.status.success(),
        "--fhir and --json are one or the other"
    );
}

#[test]
fn handout_in_english_and_french_text_and_html() {
    let (_dir, index) = built_index();
    let index = index.to_str().unwrap();
    let text = servicematch(&["handout", "s01", "s02", "--index", index]);
    assert!(text.status.success(), "{}", stderr(&text));
    let text = stdout(&text);
    assert!(text.starts_with("Your referral\n"), "{text}");
    assert!(text.contains("1. Sudbury Food Bank\n"), "{text}");
    assert!(text.contains("2. "), "{text}");
    assert!(text.contains("Phone: 705-555-0101"), "{text}");
    assert!(text.contains("Call or text 211"), "{text}");
    assert!(
        text.contains("Directory: ranking fixture, updated "),
        "{text}"
    );

    let html = servicematch(&[
        "handout",
        "s01",
        "--index",
        index,
        "--lang",
        "fr",
        "--html",
        "--help-line",
        "Composez le 2-1-1.",
    ]);
    assert!(html.status.success(), "{}", stderr(&html));
    let html = stdout(&html);
    assert!(
        html.starts_with("<!doctype html>\n<html lang=\"fr\">"),
        "{html}"
    );
    assert!(html.contains("<h1>Votre référence</h1>"), "{html}");
    assert!(html.contains("Composez le 2-1-1."), "{html}");

    let unknown = servicematch(&["handout", "s01", "s99", "--index", index]);
    assert!(!unknown.status.success());
    assert!(unknown.stdout.is_empty());
    assert!(
        stderr(&unknown).contains("no service with id \"s99\""),
        "{}",
        stderr(&unknown)
    );
    let spanish = servicematch(&["handout", "s01", "--index", index, "--lang", "es"]);
    assert!(!spanish.status.success());
    assert!(
        stderr(&spanish).contains("not a handout language"),
        "{}",
        stderr(&spanish)
    );
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

/// A hand-made HSDS 1.1 data package with broken references and rejects.
fn messy_package() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../hsds/testdata/messy/hsds1")
}

#[test]
fn build_a_data_package_with_a_report_and_reconciled_counts() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("messy.smx");
    let report = dir.path().join("report.json");
    let output = build(
        &messy_package(),
        &index,
        &["--report", report.to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("services: 6 read, 4 indexed, 2 rejected"),
        "{text}"
    );
    // The per-table summary: rows read, used, rejected.
    let services = text
        .lines()
        .find(|l| l.trim_start().starts_with("services.csv"))
        .unwrap();
    assert_eq!(
        services.split_whitespace().collect::<Vec<_>>(),
        ["services.csv", "6", "4", "2"]
    );
    assert!(
        text.contains("services.csv row 3 field name: service s3 has no name (record rejected)"),
        "{text}"
    );

    // --report holds every problem with file, row, field and reason.
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    let problems = report["problems"].as_array().unwrap();
    let orphan = problems
        .iter()
        .find(|p| p["field"] == "organization_id")
        .expect("the missing organization is reported");
    assert!(orphan["file"].as_str().unwrap().ends_with("services.csv"));
    assert_eq!(orphan["row"], 2);
    assert_eq!(orphan["rejected"], false);
    assert_eq!(report["services_read"], 6);
    assert_eq!(report["services_rejected"], 2);

    // inspect --json: services + services_rejected = services_read.
    let inspect = servicematch(&["inspect", index.to_str().unwrap(), "--json"]);
    let info: serde_json::Value = serde_json::from_slice(&inspect.stdout).unwrap();
    assert_eq!(info["services"], 4);
    assert_eq!(info["locations"], 2, "two services at the one located hall");
    assert_eq!(info["import"]["services_read"], 6);
    assert_eq!(info["import"]["services_rejected"], 2);
}

#[test]
fn max_rejects_fails_the_build_and_writes_no_index() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("strict.smx");
    let report = dir.path().join("report.json");
    let report_path = report.to_str().unwrap();
    let build_allowing = |max: &str| {
        let flags = ["--report", report_path, "--max-rejects", max];
        build(&messy_package(), &index, &flags)
    };
    let strict = build_allowing("0");
    assert!(!strict.status.success());
    assert!(
        stderr(&strict).contains("error: 7 records rejected, more than the 0 allowed (first: "),
        "{}",
        stderr(&strict)
    );
    assert!(!index.exists(), "a failed build writes no index");
    assert!(report.exists(), "but it writes the report");
    let lenient = build_allowing("7");
    assert!(lenient.status.success(), "{}", stderr(&lenient));
    assert!(index.exists());
}

#[test]
fn format_overrides_detection() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("x.smx");
    let package = messy_package();
    let wrong = build(&package, &index, &["--format", "hsds3-json"]);
    assert!(!wrong.status.success());
    assert!(
        stderr(&wrong).contains("a folder without .json files, not HSDS 3 JSON"),
        "{}",
        stderr(&wrong)
    );
    let unknown = servicematch(&["build", "x", "--output", "y", "--format", "xml"]);
    assert!(
        stderr(&unknown).contains("unknown format \"xml\""),
        "{}",
        stderr(&unknown)
    );
    let named = build(&package, &index, &["--format", "datapackage"]);
    assert!(named.status.success(), "{}", stderr(&named));
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // As `servicematch search food | head -1` closes the pipe early.
    let mut child = Command::new(env!("CARGO_BIN_EXE_servicematch"))
        .args(["search", "food"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("panicked"), "{}", stderr(&output));
}

#[test]
fn synonyms_file_extends_the_vocabulary_and_a_bad_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let synonyms = dir.path().join("synonyms.txt");
    std::fs::write(&synonyms, "# ours\nfood bank | qjz xvk\n").unwrap();
    let index = dir.path().join("ranking.smx");
    let synonyms_arg = synonyms.to_str().unwrap();
    let output = build(&fixture(), &index, &["--synonyms", synonyms_arg]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plain = dir.path().join("plain.smx");
    assert!(build(&fixture(), &plain, &[]).status.success());
    let first_reason = |index: &Path| {
        let output = servicematch(&[
            "search",
            "--index",
            index.to_str().unwrap(),
            "qjz xvk",
            "--explain",
            "--json",
        ]);
        assert!(output.status.success(), "{}", stderr(&output));
        let results: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        results["hits"][0]["explanation"]["reason"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    };
    // Words found nowhere are no text; the publisher's phrase finds its need.
    assert!(!first_reason(&plain).contains("matched"));
    assert!(
        first_reason(&index).contains("matched 'food bank' for 'qjz xvk'"),
        "{}",
        first_reason(&index)
    );

    std::fs::write(&synonyms, "just one phrase\n").unwrap();
    let bad = build(
        &fixture(),
        &dir.path().join("bad.smx"),
        &["--synonyms", synonyms_arg],
    );
    assert!(!bad.status.success());
    assert!(stderr(&bad).contains("synonyms.txt") && stderr(&bad).contains("line 1"));
}

#[test]
fn build_reads_a_folder_of_hsds3_json_files() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("demo.smx");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    let output = build(&demo, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(out.contains("community-services.json"), "{out}");
    assert!(out.contains("odhf-ontario.json"), "{out}");
    let search = servicematch(&["search", "food bank", "--index", index.to_str().unwrap()]);
    assert!(search.status.success(), "{}", stderr(&search));
    assert!(stdout(&search).contains("services match"));
}

#[test]
fn a_new_user_s_slips_are_named_not_answered_with_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("demo.smx");
    let demo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
    assert!(build(&demo, &index, &[]).status.success());
    let index = index.to_str().unwrap();
    // A misspelt category is an error naming the known ones closest to it,
    // word by word: "shelters" is one edit from "emergency shelter".
    for (typed, closest) in [
        ("shelters", "\"emergency shelter\""),
        ("emergency shelterz", "\"emergency shelter\""),
        ("Dentl", "\"dental care\""),
    ] {
        let output = servicematch(&["search", "--index", index, "--category", typed]);
        assert!(!output.status.success(), "{typed}");
        let message = stderr(&output);
        let suggested = message
            .split_once("closest: ")
            .map(|(_, names)| names.trim())
            .unwrap_or_else(|| panic!("{typed}: {message}"));
        assert!(
            message.contains(&format!("\"{typed}\" is not a category of this index")),
            "{message}"
        );
        assert!(suggested.starts_with(closest), "{typed}: {message}");
    }
    // A page past the matches says that services match, and how many.
    let output = servicematch(&["search", "food", "--index", index, "--offset", "5000"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains("services match; none on this page (--offset 5000 is past them)"),
        "{out}"
    );
}

#[test]
fn a_handout_names_the_directorys_own_help_line() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("line.smx");
    let output = build(&fixture(), &index, &["--help-line", "1-877-330-3213"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let index = index.to_str().unwrap();
    let english = stdout(&servicematch(&["handout", "s01", "--index", index]));
    assert!(
        english.contains("has changed? Call 1-877-330-3213."),
        "{english}"
    );
    assert!(!english.contains("211"), "{english}");
    let french = stdout(&servicematch(&[
        "handout", "s01", "--index", index, "--lang", "fr",
    ]));
    assert!(french.contains("Composez le 1-877-330-3213."), "{french}");
    // A sentence given for this handout wins over the directory's line.
    let given = stdout(&servicematch(&[
        "handout",
        "s01",
        "--index",
        index,
        "--help-line",
        "Ask at the front desk.",
    ]));
    assert!(given.contains("Ask at the front desk."), "{given}");
    assert!(!given.contains("1-877"), "{given}");
    // 211 itself keeps its fuller sentence.
    let index = dir.path().join("211.smx");
    assert!(build(&fixture(), &index, &["--help-line", "2-1-1"])
        .status
        .success());
    let two_one_one = stdout(&servicematch(&[
        "handout",
        "s01",
        "--index",
        index.to_str().unwrap(),
    ]));
    assert!(
        two_one_one.contains("Call or text 211: free"),
        "{two_one_one}"
    );
}

#[test]
fn a_directory_without_a_taxonomy_gets_categories_from_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("uncoded.json");
    std::fs::write(
        &input,
        r#"[
          {"id": "a", "name": "Westside Food Pantry", "description": "Groceries for families."},
          {"id": "b", "name": "Night Shelter", "description": "Emergency shelter beds for adults."},
          {"id": "c", "name": "Drop-in", "description": "A place to sit."}
        ]"#,
    )
    .unwrap();
    let index = dir.path().join("uncoded.smx");
    let output = build(&input, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(
            "no taxonomy in the input: 2 of 3 services given Open Eligibility categories read from their text"
        ),
        "{}",
        stdout(&output)
    );
    let index = index.to_str().unwrap();
    // The category filter and the broader term work on them.
    let pantry = stdout(&servicematch(&[
        "search",
        "--index",
        index,
        "--category",
        "Food",
    ]));
    assert!(pantry.contains("Westside Food Pantry"), "{pantry}");
    assert!(!pantry.contains("Night Shelter"), "{pantry}");
    let inspect = stdout(&servicematch(&["inspect", index]));
    assert!(inspect.contains("Open Eligibility"), "{inspect}");
}
