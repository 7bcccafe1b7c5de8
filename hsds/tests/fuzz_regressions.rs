//! Inputs the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) found, each named
//! after the bug it pins: every one is now an error or a reported row.

use servicematch_hsds::v3_json;

/// The problems reported for a one-service HSDS 3 JSON file.
fn problems(json: &str) -> Vec<String> {
    let import = v3_json::read("fuzz.json", json.as_bytes()).unwrap();
    import
        .report
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_time_of_four_bytes_that_are_not_digits_is_reported_not_a_panic() {
    // "1€" is four bytes: read as "830am"-style digits, it was split inside the "€".
    for opens in ["1€", "0\u{fffd}", "€€", "9é0"] {
        let json = format!(
            r#"{{"id": "s1", "name": "Meals", "schedules": [{{"freq": "WEEKLY", "byday": "MO", "opens_at": "{opens}", "closes_at": "17:00"}}]}}"#
        );
        let problems = problems(&json);
        assert!(
            problems
                .iter()
                .any(|p| p.contains(&format!("opens_at \"{opens}\" is not a time of day"))),
            "{opens}: {problems:?}"
        );
    }
}
