//! [`sm_query`]: a search, built with setters or read from JSON.
//!
//! Setters check only what they must to store a value (pointers, UTF-8).
//! Ranges and unsupported fields are checked by the engine when the query is
//! used (`sm_search`), which then returns `SM_INVALID_QUERY` with a message
//! naming the field and value, the same message as in Rust and JSON.

use std::ffi::{c_char, c_int};

use engine::{Client, Near, Query};

use crate::args::{free_arg, mut_arg, out_arg, ref_arg, str_arg};
use crate::boundary::FfiResult;
use crate::error::sm_error;
use crate::status::sm_status;
use crate::strings::owned_json;

/// A search: free text, a place, a client profile, languages, categories,
/// filters and paging. A new query matches every active service, 10 at a
/// time.
///
/// Made by `sm_query_new` or `sm_query_from_json`; freed by
/// `sm_query_free`. A query does not refer to an index: one query may be
/// used with several indexes, and kept after its results are freed.
/// Thread safety: set fields from one thread at a time; once set, any number
/// of threads may search with it at the same time.
pub struct sm_query {
    /// The engine's query: the setters only set its fields, and the
    /// engine's one validator checks them when it searches, so a bad value
    /// gets the message it gets from JSON, Rust and WebAssembly.
    pub(crate) query: Query,
}

impl sm_query {
    fn boxed(query: Query) -> *mut sm_query {
        Box::into_raw(Box::new(sm_query { query }))
    }

    fn client(&mut self) -> &mut Client {
        self.query.client.get_or_insert_with(Client::default)
    }
}

/// A new, empty query: every active service, 10 at a time. Never NULL
/// (except if memory is exhausted, which aborts as Rust does everywhere).
///
/// Ownership: the caller owns the query and frees it with `sm_query_free`.
/// Thread safety: callable from any thread.
#[no_mangle]
pub extern "C" fn sm_query_new() -> *mut sm_query {
    ffi_boundary!({ sm_query::boxed(Query::new()) })
}

/// Reads a query from its JSON shape, the one the CLI's `--json` and
/// `sm_search_json` take:
/// `{"text": "food bank", "near": "P3E 2C6", "radius_km": 25,
///   "client": {"age": 72, "gender": "female"}, "languages": ["fr"],
///   "require_language": false, "categories": ["Food"], "free_only": false,
///   "wheelchair": false, "limit": 10, "offset": 0, "explain": true}`;
/// `near` is a string (postal code, area or place name) or
/// `{"lat": 46.49, "lon": -80.99}`. Every field is optional.
///
/// On success `*out` receives a new query, to be freed with
/// `sm_query_free`; on failure `*out` is untouched and, when `err` is not
/// NULL, `*err` receives an `sm_error` naming the field at fault. Returns
/// `SM_OK`, `SM_NULL_ARGUMENT` (`json` or `out`), `SM_INVALID_UTF8` or
/// `SM_INVALID_QUERY` (malformed JSON, an unknown field, an impossible value
/// or a field not supported yet). Thread safety: callable from any thread.
///
/// # Safety
/// `json` is NULL or valid for reads of `len` bytes; `out` is NULL or
/// writable; `err` is NULL or points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_query_from_json(
    json: *const c_char,
    len: usize,
    out: *mut *mut sm_query,
    err: *mut *mut sm_error,
) -> sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `json` is NULL or readable for `len` bytes.
        let json = unsafe { str_arg(json, len, "json")? };
        let out = out_arg(out, "out")?;
        let query = Query::from_json(json)?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(sm_query::boxed(query)) };
        Ok(())
    })
}

/// The query in its JSON shape (see `sm_query_from_json`), NUL-terminated.
///
/// Ownership: on success `*out` receives a string the caller owns and frees
/// with `sm_string_free`; on failure `*out` is untouched. Returns `SM_OK`
/// or `SM_NULL_ARGUMENT`. Values are written as set, even impossible ones
/// (a client age of 300), which `sm_search` and `sm_query_from_json` refuse.
/// Thread safety: as reading the query.
///
/// # Safety
/// `query` is NULL or a live query; `out` is NULL or writable; `err` is NULL
/// or points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_query_to_json(
    query: *const sm_query,
    out: *mut *mut c_char,
    err: *mut *mut sm_error,
) -> sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `query` is NULL or live.
        let query = unsafe { ref_arg(query, "query")? };
        let out = out_arg(out, "out")?;
        let json = owned_json(query.query.to_json())?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(json) };
        Ok(())
    })
}

/// Frees a query. NULL does nothing. Results already made with the query
/// stay valid.
///
/// # Safety
/// `query` is NULL or a query from this library not yet freed, not in use
/// by a search on another thread; it must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn sm_query_free(query: *mut sm_query) {
    ffi_boundary!({
        // SAFETY: passed on from this function's contract.
        unsafe { free_arg(query) }
    })
}

/// Runs a setter: checks `query`, then lets `change` read its arguments and
/// change the query. Nothing changes unless every argument is valid.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
unsafe fn set(query: *mut sm_query, change: impl FnOnce(&mut sm_query) -> FfiResult) -> sm_status {
    ffi_boundary!({
        // SAFETY: passed on from our caller's contract.
        let query = unsafe { mut_arg(query, "query")? };
        change(query)
    })
}

/// Reads a `(ptr, len)` UTF-8 string argument as an owned string.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes.
unsafe fn text(ptr: *const c_char, len: usize, what: &str) -> FfiResult<String> {
    // SAFETY: passed on from our caller's contract.
    unsafe { str_arg(ptr, len, what) }.map(str::to_owned)
}

/// Sets the free text (English or French) searched in service names,
/// descriptions, categories and keywords. Replaces any earlier text.
///
/// The string is copied. Returns `SM_OK`, `SM_NULL_ARGUMENT` or
/// `SM_INVALID_UTF8`; on failure the query is unchanged. This holds for every
/// `sm_query_set_*` and `sm_query_add_*` function taking a string.
/// Thread safety: one thread at a time per query (as every setter).
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses; `text` is
/// NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_text(
    query: *mut sm_query,
    text: *const c_char,
    len: usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.text = Some(self::text(text, len, "text")?);
            Ok(())
        })
    }
}

/// Searches near a point: latitude and longitude in degrees (WGS 84).
/// Replaces any earlier place. Out-of-range or NaN coordinates make
/// `sm_search` return `SM_INVALID_QUERY`.
///
/// Returns `SM_OK` or `SM_NULL_ARGUMENT`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_near_point(
    query: *mut sm_query,
    lat: f64,
    lon: f64,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.near = Some(Near::Point { lat, lon });
            Ok(())
        })
    }
}

/// Searches near a postal code (`"M5V 2T6"`, `"m5v2t6"`), forward sortation
/// area (`"M5V"`) or place name (`"Sudbury"`), looked up in the index's
/// gazetteer at search time: one it does not know makes `sm_search` return
/// `SM_UNKNOWN_PLACE`. Replaces any earlier place.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses; `place` is
/// NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_near_text(
    query: *mut sm_query,
    place: *const c_char,
    len: usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.near = Some(Near::Place(text(place, len, "place")?));
            Ok(())
        })
    }
}

/// Keeps only services with a location within `km` kilometres of the
/// query's place (which it needs). Outside (0, `SM_MAX_RADIUS_KM`], or
/// without a place, `sm_search` returns `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_radius_km(query: *mut sm_query, km: f64) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.radius_km = Some(km);
            Ok(())
        })
    }
}

/// Sets the client's age in years, for eligibility: services whose
/// structured age range excludes it are not returned. Outside 0 to
/// `SM_MAX_AGE` (130), `sm_search` returns `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_client_age(query: *mut sm_query, age: c_int) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.client().age = Some(age.into());
            Ok(())
        })
    }
}

/// Sets the client's gender, for eligibility: `"female"`, `"male"` or
/// `"other"` (also `"woman"`, `"man"`, `"non-binary"`, `"femme"`…). Any
/// other value makes `sm_search` return `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses; `gender` is
/// NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_client_gender(
    query: *mut sm_query,
    gender: *const c_char,
    len: usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            let gender = text(gender, len, "gender")?;
            q.client().gender = Some(gender);
            Ok(())
        })
    }
}

/// Sets the client's yearly household income in dollars: services whose
/// structured income limit it exceeds are not returned (see
/// `sm_query_set_client_household_size` for limits by household size). A
/// negative or non-finite income makes `sm_search` return `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_client_income(
    query: *mut sm_query,
    income: f64,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.client().income = Some(income);
            Ok(())
        })
    }
}

/// Sets the number of people in the client's household, for income limits
/// given as a share of the low-income line for the household's size.
/// Outside 1 to 50, `sm_search` returns `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_client_household_size(
    query: *mut sm_query,
    people: u32,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.client().household_size = Some(people);
            Ok(())
        })
    }
}

/// Adds a group the client belongs to: `"senior"`, `"youth"`, `"newcomer"`,
/// `"refugee"`, `"indigenous"`, `"veteran"`, `"disability"`, `"pregnant"`,
/// `"caregiver"`, `"student"`, `"lgbtq"`, `"parent"` or `"homeless"` (plurals
/// and French words too). Services made for the client rank first; a group
/// never excludes a service. An unknown word makes `sm_search` return
/// `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses; `status` is
/// NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_query_add_client_status(
    query: *mut sm_query,
    status: *const c_char,
    len: usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            let status = text(status, len, "status")?;
            q.client().statuses.push(status);
            Ok(())
        })
    }
}

/// Adds a preferred language: an ISO 639 code (`"fr"`, `"fra"`) or a name
/// (`"French"`, `"français"`). Services offering a preferred language rank
/// higher. An unknown language makes `sm_search` return `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses; `language`
/// is NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_query_add_language(
    query: *mut sm_query,
    language: *const c_char,
    len: usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.languages.push(text(language, len, "language")?);
            Ok(())
        })
    }
}

/// When `require` is true, keeps only services offering one of the
/// preferred languages (which it needs: `SM_INVALID_QUERY` otherwise).
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_require_language(
    query: *mut sm_query,
    require: bool,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.require_language = require;
            Ok(())
        })
    }
}

/// Adds a category: a taxonomy term's code (`"102"`) or name (`"Food"`).
/// With categories, only services classified under one of them, or under a
/// narrower term, are returned.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses; `category`
/// is NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_query_add_category(
    query: *mut sm_query,
    category: *const c_char,
    len: usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.categories.push(text(category, len, "category")?);
            Ok(())
        })
    }
}

/// When `open_now` is true, keeps only services open now by the system
/// clock, and those whose hours are unknown (ranked below them; see
/// `sm_query_set_hours_known`). Each service's hours are read in its own
/// time zone.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_open_now(query: *mut sm_query, open_now: bool) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.open_now = open_now;
            Ok(())
        })
    }
}

/// Keeps only services open at a time given in RFC 3339 with its offset
/// (`"2026-11-29T03:00:00-05:00"`), and those whose hours are unknown
/// (ranked below them). A time that is not one makes `sm_search` return
/// `SM_INVALID_QUERY` naming it; so does setting both this and
/// `sm_query_set_open_now`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses; `time` is
/// NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_open_at(
    query: *mut sm_query,
    time: *const c_char,
    len: usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.open_at = Some(text(time, len, "time")?);
            Ok(())
        })
    }
}

/// When `hours_known` is true (with `sm_query_set_open_now` or
/// `sm_query_set_open_at`), leaves out services whose hours are unknown,
/// keeping only those known to be open.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_hours_known(
    query: *mut sm_query,
    hours_known: bool,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.hours_known = hours_known;
            Ok(())
        })
    }
}

/// When `serves_here` is true (with a place), leaves out services whose
/// declared service area excludes the place; those that declare none stay.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_serves_here(
    query: *mut sm_query,
    serves_here: bool,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.serves_here = serves_here;
            Ok(())
        })
    }
}

/// When `free_only` is true, keeps only services known to be free.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_free_only(
    query: *mut sm_query,
    free_only: bool,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.free_only = free_only;
            Ok(())
        })
    }
}

/// When `wheelchair` is true, keeps only services with a
/// wheelchair-accessible location.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_wheelchair(
    query: *mut sm_query,
    wheelchair: bool,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.wheelchair = wheelchair;
            Ok(())
        })
    }
}

/// Sets how many hits to return (default 10). Outside 1 to `SM_MAX_LIMIT`,
/// `sm_search` returns `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_limit(query: *mut sm_query, limit: usize) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.limit = limit;
            Ok(())
        })
    }
}

/// Sets how many of the best hits to skip, for paging (default 0). Above
/// 100,000, `sm_search` returns `SM_INVALID_QUERY`.
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_offset(query: *mut sm_query, offset: usize) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.offset = offset;
            Ok(())
        })
    }
}

/// When `explain` is true, every hit carries an explanation: a
/// plain-language reason ("speaks French · 1.2 km · ages 65+") and the
/// factors of its score (`sm_results_explanation`, `sm_results_factor_*`).
///
/// # Safety
/// `query` is NULL or a live query that no other thread uses.
#[no_mangle]
pub unsafe extern "C" fn sm_query_set_explain(query: *mut sm_query, explain: bool) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        set(query, |q| {
            q.query.explain = explain;
            Ok(())
        })
    }
}

// The query handle's pointer paths, without an index: what Miri checks at
// the C boundary (`cargo +nightly miri test -p servicematch-c --lib`).
#[cfg(test)]
mod tests {
    use std::ffi::CStr;
    use std::ptr;

    use super::*;
    use crate::error::{sm_error_free, sm_error_message, sm_error_status};
    use crate::strings::sm_string_free;

    /// The message of `err`, freeing it.
    ///
    /// # Safety
    /// `err` is a live error, not used afterwards.
    unsafe fn message(err: *mut sm_error) -> String {
        // SAFETY: `err` is live; its message lives until it is freed, below.
        let text = unsafe { CStr::from_ptr(sm_error_message(err)) }
            .to_str()
            .unwrap()
            .to_owned();
        // SAFETY: `err` is live and freed once.
        unsafe { sm_error_free(err) };
        text
    }

    #[test]
    fn a_query_built_with_setters_round_trips_through_json() {
        let query = sm_query_new();
        // SAFETY: `query` is live and used by this thread only; every string
        // is readable for the length given; the outputs are writable.
        unsafe {
            assert_eq!(
                sm_query_set_text(query, c"aide alimentaire".as_ptr(), 16),
                sm_status::SM_OK
            );
            assert_eq!(
                sm_query_set_near_text(query, c"P3E 2C6".as_ptr(), 7),
                sm_status::SM_OK
            );
            assert_eq!(sm_query_set_radius_km(query, 25.0), sm_status::SM_OK);
            assert_eq!(sm_query_set_client_age(query, 72), sm_status::SM_OK);
            assert_eq!(
                sm_query_add_client_status(query, c"senior".as_ptr(), 6),
                sm_status::SM_OK
            );
            assert_eq!(
                sm_query_add_language(query, c"fr".as_ptr(), 2),
                sm_status::SM_OK
            );
            assert_eq!(
                sm_query_add_category(query, c"Food".as_ptr(), 4),
                sm_status::SM_OK
            );
            assert_eq!(sm_query_set_limit(query, 20), sm_status::SM_OK);
            assert_eq!(sm_query_set_explain(query, true), sm_status::SM_OK);
            let mut json = ptr::null_mut();
            assert_eq!(
                sm_query_to_json(query, &mut json, ptr::null_mut()),
                sm_status::SM_OK
            );
            let text = CStr::from_ptr(json).to_str().unwrap().to_owned();
            assert!(text.contains(r#""text":"aide alimentaire""#), "{text}");
            let mut parsed = ptr::null_mut();
            assert_eq!(
                sm_query_from_json(json, text.len(), &mut parsed, ptr::null_mut()),
                sm_status::SM_OK
            );
            assert_eq!((*parsed).query, (*query).query);
            sm_string_free(json);
            sm_query_free(parsed);
            sm_query_free(query);
        }
    }

    #[test]
    fn bad_arguments_are_errors_and_outputs_stay_untouched() {
        let query = sm_query_new();
        let mut err = ptr::null_mut();
        // SAFETY: `query` is live and used by this thread only; the byte
        // strings are readable for the lengths given; `err` and the outputs
        // are writable, each error freed once by `message`.
        unsafe {
            let invalid = b"caf\xC3";
            assert_eq!(
                sm_query_set_text(query, invalid.as_ptr().cast(), invalid.len(),),
                sm_status::SM_INVALID_UTF8
            );
            assert_eq!(
                sm_query_set_text(ptr::null_mut(), c"x".as_ptr(), 1),
                sm_status::SM_NULL_ARGUMENT
            );
            let mut out = ptr::null_mut();
            let json = br#"{"limit": "ten"}"#;
            let status = sm_query_from_json(json.as_ptr().cast(), json.len(), &mut out, &mut err);
            assert_eq!(status, sm_status::SM_INVALID_QUERY);
            assert!(out.is_null());
            assert_eq!(sm_error_status(err), sm_status::SM_INVALID_QUERY);
            assert_eq!(
                message(err),
                r#"query field limit: invalid type: string "ten", expected usize"#
            );
            let status = sm_query_from_json(ptr::null(), 3, &mut out, &mut err);
            assert_eq!(status, sm_status::SM_NULL_ARGUMENT);
            assert_eq!(message(err), "json is NULL");
            sm_query_free(ptr::null_mut());
            sm_string_free(ptr::null_mut());
            sm_error_free(ptr::null_mut());
            sm_query_free(query);
        }
    }
}
