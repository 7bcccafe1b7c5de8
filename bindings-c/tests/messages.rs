//! The same bad query gets the same message from C as from Rust and
//! WebAssembly: every case of `core/testdata/bad-queries.json` through
//! `sm_search_json`, and the cases a typed setter can express through
//! `sm_query_set_*` and `sm_search`. The functions called are the exported
//! C functions themselves.

#![allow(unsafe_code)]

use std::ffi::CStr;
use std::path::Path;
use std::ptr;

use engine::IndexBuilder;
use servicematch::*;
use servicematch_hsds as hsds;

fn testdata(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../core/testdata")
        .join(name)
}

/// The ranking fixture's index, opened through `sm_index_open_bytes`.
fn ranking_index() -> *mut sm_index {
    let import = hsds::read_path(&testdata("ranking.json")).unwrap();
    let mut builder = IndexBuilder::new("ranking");
    builder.add_services(import.services);
    let (bytes, _) = builder.build_bytes().unwrap();
    let mut index = ptr::null_mut();
    // SAFETY: `bytes` is readable for its length; `index` is writable.
    let status =
        unsafe { sm_index_open_bytes(bytes.as_ptr(), bytes.len(), &mut index, ptr::null_mut()) };
    assert_eq!(status, sm_status::SM_OK);
    index
}

/// The message of `err`, which is then freed.
fn message(err: *mut sm_error) -> String {
    assert!(!err.is_null(), "an error was returned");
    // SAFETY: `err` is a live error; its message lives until it is freed.
    let text = unsafe { CStr::from_ptr(sm_error_message(err)) }
        .to_str()
        .unwrap()
        .to_owned();
    // SAFETY: `err` is live and freed once.
    unsafe { sm_error_free(err) };
    text
}

#[test]
fn bad_json_queries_get_the_engines_messages() {
    let index = ranking_index();
    let cases: Vec<serde_json::Value> =
        serde_json::from_str(&std::fs::read_to_string(testdata("bad-queries.json")).unwrap())
            .unwrap();
    for case in &cases {
        let json = match case.get("json") {
            Some(text) => text.as_str().unwrap().to_owned(),
            None => case["query"].to_string(),
        };
        let mut out = ptr::null_mut();
        let mut err = ptr::null_mut();
        // SAFETY: `index` is live, `json` readable for its length, the outputs writable.
        let status =
            unsafe { sm_search_json(index, json.as_ptr().cast(), json.len(), &mut out, &mut err) };
        assert!(
            matches!(
                status,
                sm_status::SM_INVALID_QUERY | sm_status::SM_UNKNOWN_PLACE
            ),
            "{json}: {status:?}"
        );
        assert!(out.is_null(), "{json}: the output is untouched");
        assert_eq!(message(err), case["error"].as_str().unwrap(), "{json}");
    }
    // SAFETY: `index` is live and freed once.
    unsafe { sm_index_free(index) };
}

#[test]
fn typed_setters_get_the_same_messages_as_json() {
    let index = ranking_index();
    // Each setter is called on a live query that only this thread uses.
    type Setter = unsafe fn(*mut sm_query);
    /// # Safety
    /// `q` is a live query that only this thread uses (see `Setter`).
    unsafe fn old(q: *mut sm_query) {
        // SAFETY: see `Setter`.
        unsafe { sm_query_set_client_age(q, 300) };
    }
    /// # Safety
    /// `q` is a live query that only this thread uses (see `Setter`).
    unsafe fn negative(q: *mut sm_query) {
        // SAFETY: see `Setter`.
        unsafe { sm_query_set_client_age(q, -4) };
    }
    /// # Safety
    /// `q` is a live query that only this thread uses (see `Setter`).
    unsafe fn negative_radius(q: *mut sm_query) {
        // SAFETY: see `Setter`; the place is readable for 3 bytes.
        unsafe {
            sm_query_set_near_text(q, c"M5V".as_ptr(), 3);
            sm_query_set_radius_km(q, -5.0);
        }
    }
    /// # Safety
    /// `q` is a live query that only this thread uses (see `Setter`).
    unsafe fn no_hits(q: *mut sm_query) {
        // SAFETY: see `Setter`.
        unsafe { sm_query_set_limit(q, 0) };
    }
    /// # Safety
    /// `q` is a live query that only this thread uses (see `Setter`).
    unsafe fn robot(q: *mut sm_query) {
        // SAFETY: see `Setter`; the text is readable for 5 bytes.
        unsafe { sm_query_set_client_gender(q, c"robot".as_ptr(), 5) };
    }
    /// # Safety
    /// `q` is a live query that only this thread uses (see `Setter`).
    unsafe fn klingon(q: *mut sm_query) {
        // SAFETY: see `Setter`; the text is readable for 7 bytes.
        unsafe { sm_query_add_language(q, c"klingon".as_ptr(), 7) };
    }
    let cases: [(Setter, &str); 6] = [
        (old, "client.age 300 is not a plausible age (0 to 130)"),
        (negative, "client.age -4 is not a plausible age (0 to 130)"),
        (
            negative_radius,
            "radius_km -5 is not a distance (above 0, at most 20037.5)",
        ),
        (no_hits, "limit 0 is out of range (1 to 1000)"),
        (
            robot,
            "client.gender \"robot\" is not one of female, male, other",
        ),
        (klingon, "languages: \"klingon\" is not a known language"),
    ];
    for (set, want) in cases {
        let query = sm_query_new();
        // SAFETY: `query` is live and used by this thread only.
        unsafe { set(query) };
        let mut results = ptr::null_mut();
        let mut err = ptr::null_mut();
        // SAFETY: `index` and `query` are live; the outputs are writable.
        let status = unsafe { sm_search(index, query, &mut results, &mut err) };
        assert_eq!(status, sm_status::SM_INVALID_QUERY, "{want}");
        assert!(results.is_null());
        assert_eq!(message(err), want);
        // SAFETY: `query` is live and freed once.
        unsafe { sm_query_free(query) };
    }
    // SAFETY: `index` is live and freed once.
    unsafe { sm_index_free(index) };
}
