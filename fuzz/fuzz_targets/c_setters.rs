//! Typed sequences of the C library's `sm_query_*` setters (called through
//! its rlib, as C calls them) on the demo index, then `sm_search`, every
//! results getter and the JSON forms. Every call returns a status, never
//! `SM_PANIC` (a panic caught at the boundary is still a bug), and bad
//! values are refused by the setter or by `sm_search` with
//! `SM_INVALID_QUERY`.

#![no_main]

use std::ffi::c_char;
use std::ptr;
use std::sync::OnceLock;

use arbitrary::Arbitrary;
use capi::*;
use libfuzzer_sys::fuzz_target;

/// The demo index as C holds it; `sm_index` is `Send + Sync`.
struct Shared(*mut sm_index);
// SAFETY: `sm_index` is shareable across threads (the C library asserts
// `Send + Sync` for it); the pointer is never freed.
unsafe impl Send for Shared {}
// SAFETY: as above.
unsafe impl Sync for Shared {}

static INDEX: OnceLock<Shared> = OnceLock::new();

#[derive(Debug, Arbitrary)]
enum Setter {
    Text(String),
    NearPoint(f64, f64),
    NearText(String),
    RadiusKm(f64),
    ClientAge(i32),
    ClientGender(String),
    ClientIncome(f64),
    ClientHouseholdSize(u32),
    AddClientStatus(String),
    AddLanguage(String),
    RequireLanguage(bool),
    AddCategory(String),
    OpenNow(bool),
    OpenAt(String),
    HoursKnown(bool),
    ServesHere(bool),
    FreeOnly(bool),
    Wheelchair(bool),
    Limit(usize),
    Offset(usize),
    Explain(bool),
    /// Bytes that need not be UTF-8, to a string setter.
    RawText(Vec<u8>),
}

#[derive(Debug, Arbitrary)]
struct Input {
    setters: Vec<Setter>,
    /// Also decode the query's JSON and search with `sm_search_json`.
    through_json: bool,
}

fn ok(status: sm_status, call: &str) -> bool {
    assert!(status != sm_status::SM_PANIC, "{call} panicked");
    status == sm_status::SM_OK
}

/// Calls a `(ptr, len)` string setter.
///
/// # Safety
/// `query` is a live query handle and `setter` one of the library's
/// `(query, ptr, len)` setters.
unsafe fn set_str(
    query: *mut sm_query,
    text: &[u8],
    setter: unsafe extern "C" fn(*mut sm_query, *const c_char, usize) -> sm_status,
) -> sm_status {
    // SAFETY: `query` is live and `text` readable for its length.
    unsafe { setter(query, text.as_ptr().cast(), text.len()) }
}

fuzz_target!(
    init: {
        INDEX.get_or_init(|| {
            let bytes = servicematch_fuzz::demo_bytes();
            let mut index = ptr::null_mut();
            // SAFETY: `bytes` is readable for its length; `index` is writable.
            let status = unsafe {
                sm_index_open_bytes(bytes.as_ptr(), bytes.len(), &mut index, ptr::null_mut())
            };
            assert_eq!(status, sm_status::SM_OK, "the demo index opens");
            Shared(index)
        });
    },
    |input: Input| {
        let index = INDEX.get().expect("initialised").0;
        let query = sm_query_new();
        assert!(!query.is_null());
        for setter in &input.setters {
            // SAFETY: `query` is live; every argument is a value or a live buffer.
            let status = unsafe {
                match setter {
                    Setter::Text(s) => set_str(query, s.as_bytes(), sm_query_set_text),
                    Setter::RawText(b) => set_str(query, b, sm_query_set_text),
                    Setter::NearPoint(lat, lon) => sm_query_set_near_point(query, *lat, *lon),
                    Setter::NearText(s) => set_str(query, s.as_bytes(), sm_query_set_near_text),
                    Setter::RadiusKm(km) => sm_query_set_radius_km(query, *km),
                    Setter::ClientAge(age) => sm_query_set_client_age(query, *age),
                    Setter::ClientGender(s) => {
                        set_str(query, s.as_bytes(), sm_query_set_client_gender)
                    }
                    Setter::ClientIncome(v) => sm_query_set_client_income(query, *v),
                    Setter::ClientHouseholdSize(n) => {
                        sm_query_set_client_household_size(query, *n)
                    }
                    Setter::AddClientStatus(s) => {
                        set_str(query, s.as_bytes(), sm_query_add_client_status)
                    }
                    Setter::AddLanguage(s) => set_str(query, s.as_bytes(), sm_query_add_language),
                    Setter::RequireLanguage(b) => sm_query_set_require_language(query, *b),
                    Setter::AddCategory(s) => set_str(query, s.as_bytes(), sm_query_add_category),
                    Setter::OpenNow(b) => sm_query_set_open_now(query, *b),
                    Setter::OpenAt(s) => set_str(query, s.as_bytes(), sm_query_set_open_at),
                    Setter::HoursKnown(b) => sm_query_set_hours_known(query, *b),
                    Setter::ServesHere(b) => sm_query_set_serves_here(query, *b),
                    Setter::FreeOnly(b) => sm_query_set_free_only(query, *b),
                    Setter::Wheelchair(b) => sm_query_set_wheelchair(query, *b),
                    Setter::Limit(n) => sm_query_set_limit(query, *n),
                    Setter::Offset(n) => sm_query_set_offset(query, *n),
                    Setter::Explain(b) => sm_query_set_explain(query, *b),
                }
            };
            ok(status, &format!("{setter:?}"));
        }

        // SAFETY: `index` and `query` are live; every out-pointer is writable.
        unsafe {
            let mut results = ptr::null_mut();
            let searched = sm_search(index, query, &mut results, ptr::null_mut());
            if ok(searched, "sm_search") {
                read_results(results);
                sm_results_free(results);
            }
            // Setters take any value; the query is checked where it is used.
            let valid = searched != sm_status::SM_INVALID_QUERY;
            let mut json = ptr::null_mut();
            if ok(sm_query_to_json(query, &mut json, ptr::null_mut()), "sm_query_to_json") {
                let text = std::ffi::CStr::from_ptr(json).to_bytes();
                if input.through_json {
                    let mut decoded = ptr::null_mut();
                    let status = sm_query_from_json(
                        text.as_ptr().cast(),
                        text.len(),
                        &mut decoded,
                        ptr::null_mut(),
                    );
                    let decoded_ok = ok(status, "sm_query_from_json");
                    assert!(decoded_ok || !valid, "a valid query's JSON decodes");
                    sm_query_free(decoded);
                    let mut out = ptr::null_mut();
                    let mut err = ptr::null_mut();
                    if ok(
                        sm_search_json(index, text.as_ptr().cast(), text.len(), &mut out, &mut err),
                        "sm_search_json",
                    ) {
                        sm_string_free(out);
                    }
                    sm_error_free(err);
                }
                sm_string_free(json);
            }
        }
        // SAFETY: `query` is live and freed once.
        unsafe { sm_query_free(query) };
    }
);

/// Every getter on every hit, and one past the end.
///
/// # Safety
/// `results` is live.
unsafe fn read_results(results: *const sm_results) {
    // SAFETY: `results` is live; every out-pointer is writable.
    unsafe {
        let len = sm_results_len(results);
        let _ = (sm_results_total(results), sm_results_total_exact(results));
        let strings = [
            sm_results_id,
            sm_results_name,
            sm_results_organization,
            sm_results_url,
            sm_results_address,
            sm_results_postal_code,
            sm_results_explanation,
        ];
        let lists = [
            (
                sm_results_language_count as unsafe extern "C" fn(_, _, _) -> _,
                sm_results_language as unsafe extern "C" fn(_, _, _, _, _) -> _,
            ),
            (sm_results_category_count, sm_results_category),
            (sm_results_phone_count, sm_results_phone),
        ];
        for i in 0..=len {
            let (mut ptr, mut n) = (ptr::null(), 0usize);
            for getter in strings {
                ok(getter(results, i, &mut ptr, &mut n), "a string getter");
            }
            let (mut lat, mut lon, mut f) = (0.0, 0.0, 0.0f32);
            ok(
                sm_results_location(results, i, &mut lat, &mut lon),
                "sm_results_location",
            );
            ok(sm_results_score(results, i, &mut f), "sm_results_score");
            ok(
                sm_results_distance_km(results, i, &mut lat),
                "sm_results_distance_km",
            );
            for (count, item) in lists {
                let mut items = 0usize;
                ok(count(results, i, &mut items), "a count getter");
                for j in 0..=items {
                    ok(item(results, i, j, &mut ptr, &mut n), "a list getter");
                }
            }
        }
        let (mut ptr, mut n) = (ptr::null(), 0usize);
        ok(
            sm_results_to_json(results, &mut ptr, &mut n),
            "sm_results_to_json",
        );
    }
}
