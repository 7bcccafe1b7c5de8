//! [`sm_results`]: the ranked hits of one search, read through getters.
//!
//! Every getter takes the results and a hit position `i` (0 to
//! `sm_results_len - 1`), checks every pointer, then writes its outputs.
//! Strings are borrowed `(ptr, len)` views, UTF-8 and not NUL-terminated,
//! valid until `sm_results_free`. A getter returns `SM_OK`,
//! `SM_NULL_ARGUMENT`, `SM_OUT_OF_RANGE` (position past the end) or
//! `SM_NO_VALUE` (the hit has no such value); outputs are written only with
//! `SM_OK`.

use std::ffi::c_char;
use std::sync::OnceLock;

use engine::{Eligibility, Explanation, Hit, HitLocation, Results};

use crate::args::{free_arg, out_arg, ref_arg};
use crate::boundary::{Failure, FfiResult};
use crate::status::sm_status;
use crate::strings::write_str;

/// The ranked hits of one search, best first, and the number of services
/// that matched.
///
/// Made by `sm_search`; freed by `sm_results_free`. Results own their data:
/// they stay valid after the index and the query are freed. Thread safety:
/// use from one thread at a time (it may be handed to another thread);
/// concurrent reads through the getters are safe.
pub struct sm_results {
    pub(crate) results: Results,
    json: OnceLock<String>,
}

impl sm_results {
    pub(crate) fn boxed(results: Results) -> *mut sm_results {
        Box::into_raw(Box::new(sm_results {
            results,
            json: OnceLock::new(),
        }))
    }
}

/// Whether a client fits a service, from the service's structured data.
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum sm_eligibility {
    /// The service's data says the client qualifies.
    Eligible = 0,
    /// The data does not say; ranked below eligible, never dropped.
    Unknown = 1,
    /// The data rules the client out. Such services are not returned by a
    /// search; the value exists for completeness.
    Ineligible = 2,
}

impl From<Eligibility> for sm_eligibility {
    fn from(eligibility: Eligibility) -> sm_eligibility {
        match eligibility {
            Eligibility::Eligible => sm_eligibility::Eligible,
            Eligibility::Unknown => sm_eligibility::Unknown,
            Eligibility::Ineligible => sm_eligibility::Ineligible,
        }
    }
}

/// The hit at position `i`.
///
/// # Safety
/// `results` is NULL or live results.
unsafe fn hit<'a>(results: *const sm_results, i: usize) -> FfiResult<&'a Hit> {
    // SAFETY: passed on from our caller's contract.
    let results = unsafe { ref_arg(results, "results")? };
    let hits = &results.results.hits;
    hits.get(i).ok_or_else(|| {
        Failure::new(
            sm_status::SM_OUT_OF_RANGE,
            format!("hit {i} is past the end ({} hits)", hits.len()),
        )
    })
}

fn no_value(what: &str) -> Failure {
    Failure::new(sm_status::SM_NO_VALUE, format!("the hit has no {what}"))
}

/// A string getter: `field` picks the string out of the hit.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
unsafe fn get_str<'a>(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
    what: &str,
    field: impl FnOnce(&'a Hit) -> Option<&'a str>,
) -> sm_status {
    ffi_boundary!({
        let (ptr, len) = (out_arg(ptr, "ptr")?, out_arg(len, "len")?);
        // SAFETY: passed on from our caller's contract.
        let hit = unsafe { hit(results, i)? };
        let text = field(hit).ok_or_else(|| no_value(what))?;
        // SAFETY: both pointers are checked and writable by our caller's
        // contract; `text` lives in the results.
        unsafe { write_str(text, ptr, len) };
        Ok(())
    })
}

/// A value getter: `field` picks the value out of the hit.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
unsafe fn get<T>(
    results: *const sm_results,
    i: usize,
    out: *mut T,
    what: &str,
    field: impl FnOnce(&Hit) -> Option<T>,
) -> sm_status {
    ffi_boundary!({
        let out = out_arg(out, "out")?;
        // SAFETY: passed on from our caller's contract.
        let hit = unsafe { hit(results, i)? };
        let value = field(hit).ok_or_else(|| no_value(what))?;
        // SAFETY: `out` is checked and writable by our caller's contract.
        unsafe { out.write(value) };
        Ok(())
    })
}

/// A list item getter: `list` picks the list out of the hit, `j` the item.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
unsafe fn get_item<'a>(
    results: *const sm_results,
    i: usize,
    j: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
    list: impl FnOnce(&'a Hit) -> &'a [String],
) -> sm_status {
    ffi_boundary!({
        let (ptr, len) = (out_arg(ptr, "ptr")?, out_arg(len, "len")?);
        // SAFETY: passed on from our caller's contract.
        let items = list(unsafe { hit(results, i)? });
        let item = items.get(j).ok_or_else(|| {
            Failure::new(
                sm_status::SM_OUT_OF_RANGE,
                format!("item {j} is past the end ({} items)", items.len()),
            )
        })?;
        // SAFETY: both pointers are checked and writable by our caller's
        // contract; `item` lives in the results.
        unsafe { write_str(item, ptr, len) };
        Ok(())
    })
}

/// The number of hits in `results` (at most the query's limit); 0 when
/// `results` is NULL.
///
/// # Safety
/// `results` is NULL or live results.
#[no_mangle]
pub unsafe extern "C" fn sm_results_len(results: *const sm_results) -> usize {
    ffi_boundary!({
        // SAFETY: by this function's contract `results` is NULL or live.
        unsafe { results.as_ref() }.map_or(0, |r| r.results.hits.len())
    })
}

/// How many services matched the query, before its offset and limit (for
/// "showing 1–10 of 42"); 0 when `results` is NULL. A lower bound when
/// `sm_results_total_exact` is false ("1,000+").
///
/// # Safety
/// `results` is NULL or live results.
#[no_mangle]
pub unsafe extern "C" fn sm_results_total(results: *const sm_results) -> usize {
    ffi_boundary!({
        // SAFETY: by this function's contract `results` is NULL or live.
        unsafe { results.as_ref() }.map_or(0, |r| r.results.total)
    })
}

/// Whether `sm_results_total` counts every match (true), or is a lower bound
/// because the search skipped services that could not enter the top
/// (false: show "1,000+"); false when `results` is NULL.
///
/// # Safety
/// `results` is NULL or live results.
#[no_mangle]
pub unsafe extern "C" fn sm_results_total_exact(results: *const sm_results) -> bool {
    ffi_boundary!({
        // SAFETY: by this function's contract `results` is NULL or live.
        unsafe { results.as_ref() }.is_some_and(|r| r.results.total_exact)
    })
}

/// The service's id: the publisher's own HSDS service id, stable across
/// index builds (use it to store a referral).
///
/// Ownership and lifetime: borrowed, not NUL-terminated, valid until
/// `sm_results_free(results)`, as every string from an `sm_results_*` getter.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_id(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get_str(results, i, ptr, len, "id", |h| Some(&h.id)) }
}

/// The service's name. Borrowed; valid until `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_name(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get_str(results, i, ptr, len, "name", |h| Some(&h.name)) }
}

/// The name of the organization running the service; `SM_NO_VALUE` when
/// the directory does not say. Borrowed; valid until
/// `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_organization(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        get_str(results, i, ptr, len, "organization", |h| {
            h.organization.as_deref()
        })
    }
}

/// The service's web page; `SM_NO_VALUE` when it has none. Borrowed; valid
/// until `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_url(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get_str(results, i, ptr, len, "url", |h| h.url.as_deref()) }
}

/// The street address, on one line, of the service's location nearest to
/// the query's place (its first location without one); `SM_NO_VALUE` when
/// there is no location or no address. Borrowed; valid until
/// `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_address(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        get_str(results, i, ptr, len, "address", |h| {
            h.location.as_ref().and_then(|l| l.address.as_deref())
        })
    }
}

/// The postal code of the location `sm_results_address` describes;
/// `SM_NO_VALUE` when there is none. Borrowed; valid until
/// `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_postal_code(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        get_str(results, i, ptr, len, "postal code", |h| {
            h.location.as_ref().and_then(|l| l.postal_code.as_deref())
        })
    }
}

/// The coordinates, in degrees (WGS 84), of the location
/// `sm_results_address` describes; `SM_NO_VALUE` when the service has no
/// location. Both outputs are written, or neither.
///
/// # Safety
/// `results` is NULL or live results; `lat` and `lon` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_location(
    results: *const sm_results,
    i: usize,
    lat: *mut f64,
    lon: *mut f64,
) -> sm_status {
    ffi_boundary!({
        let (lat, lon) = (out_arg(lat, "lat")?, out_arg(lon, "lon")?);
        // SAFETY: by this function's contract `results` is NULL or live.
        let hit = unsafe { hit(results, i)? };
        let HitLocation { lat: y, lon: x, .. } =
            hit.location.as_ref().ok_or_else(|| no_value("location"))?;
        // SAFETY: both pointers are checked and, by this function's
        // contract, writable.
        unsafe {
            lat.write(*y);
            lon.write(*x);
        }
        Ok(())
    })
}

/// The ranking score: higher is better, comparable within one result list
/// only.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_score(
    results: *const sm_results,
    i: usize,
    out: *mut f32,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get(results, i, out, "score", |h| Some(h.score)) }
}

/// The great-circle distance, in kilometres, from the query's place to the
/// service's nearest location; `SM_NO_VALUE` when the query has no place or
/// the service no location.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_distance_km(
    results: *const sm_results,
    i: usize,
    out: *mut f64,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get(results, i, out, "distance", |h| h.distance_km) }
}

/// Whether the client fits the service: `SM_ELIGIBILITY_ELIGIBLE` or
/// `SM_ELIGIBILITY_UNKNOWN` (ineligible services are not returned);
/// `SM_NO_VALUE` when the query has no client profile.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_eligibility(
    results: *const sm_results,
    i: usize,
    out: *mut sm_eligibility,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        get(results, i, out, "eligibility", |h| {
            h.eligibility.map(sm_eligibility::from)
        })
    }
}

/// Whether the service is open at the query's time (`sm_query_set_open_at`,
/// else the system clock), in its own time zone; `SM_NO_VALUE` when its
/// hours are unknown.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_open_now(
    results: *const sm_results,
    i: usize,
    out: *mut bool,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get(results, i, out, "open-now state", |h| h.open_now) }
}

/// Whether the service's declared service area holds the query's place;
/// `SM_NO_VALUE` without a place or when the service declares no area.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_serves_here(
    results: *const sm_results,
    i: usize,
    out: *mut bool,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get(results, i, out, "service-area verdict", |h| h.serves_here) }
}

/// What was relaxed to offer this hit when too few services meet the
/// whole query ("beyond 10 km", "language preferred, not required", "opens
/// later today", "hours unknown", "outside its service area");
/// `SM_NO_VALUE` for a hit that meets it. Borrowed; valid until
/// `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_relaxed(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        get_str(results, i, ptr, len, "relaxed constraint", |h| {
            h.relaxed.as_deref()
        })
    }
}

/// The number of languages the service is offered in (see
/// `sm_results_language`).
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_language_count(
    results: *const sm_results,
    i: usize,
    out: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get(results, i, out, "languages", |h| Some(h.languages.len())) }
}

/// Language `j` of the service: an ISO 639 code (`"fr"`) where the
/// directory's language is known, else its name. Borrowed; valid until
/// `sm_results_free(results)`. `SM_OUT_OF_RANGE` when `j` is past
/// `sm_results_language_count`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_language(
    results: *const sm_results,
    i: usize,
    j: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get_item(results, i, j, ptr, len, |h| &h.languages) }
}

/// The number of taxonomy terms the service is classified under (see
/// `sm_results_category`).
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_category_count(
    results: *const sm_results,
    i: usize,
    out: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get(results, i, out, "categories", |h| Some(h.categories.len())) }
}

/// The name of taxonomy term `j` of the service. Borrowed; valid until
/// `sm_results_free(results)`. `SM_OUT_OF_RANGE` when `j` is past
/// `sm_results_category_count`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_category(
    results: *const sm_results,
    i: usize,
    j: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get_item(results, i, j, ptr, len, |h| &h.categories) }
}

/// The number of phone numbers of the service (see `sm_results_phone`).
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_phone_count(
    results: *const sm_results,
    i: usize,
    out: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get(results, i, out, "phones", |h| Some(h.phones.len())) }
}

/// Phone number `j` of the service, as the directory writes it. Borrowed;
/// valid until `sm_results_free(results)`. `SM_OUT_OF_RANGE` when `j` is
/// past `sm_results_phone_count`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_phone(
    results: *const sm_results,
    i: usize,
    j: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { get_item(results, i, j, ptr, len, |h| &h.phones) }
}

/// Why the hit ranks where it does, in one line for a person ("speaks
/// French · 1.2 km · ages 65+ · free"); `SM_NO_VALUE` unless the query set
/// `sm_query_set_explain`. Borrowed; valid until `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_explanation(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        get_str(results, i, ptr, len, "explanation", |h| {
            h.explanation.as_ref().map(|e| e.reason.as_str())
        })
    }
}

/// How to reach the hit's service, in one line ("Call to register · bring:
/// Health card · wheelchair accessible"): the first sentence of its
/// application process, documents to bring, wheelchair access.
/// `SM_NO_VALUE` unless the query set `sm_query_set_explain`, or when the
/// data says none of these. Borrowed; valid until `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_access(
    results: *const sm_results,
    i: usize,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        get_str(results, i, ptr, len, "access", |h| {
            h.explanation.as_ref().and_then(|e| e.access.as_deref())
        })
    }
}

/// A factor of an explained hit's score.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
unsafe fn factor(
    results: *const sm_results,
    i: usize,
    out: *mut f32,
    what: &str,
    factor: impl FnOnce(&Explanation) -> Option<f32>,
) -> sm_status {
    // SAFETY: passed on from our caller's contract.
    unsafe {
        get(results, i, out, what, |h| {
            h.explanation.as_ref().and_then(factor)
        })
    }
}

/// The text relevance factor of an explained hit's score (BM25 over name,
/// organization, categories, keywords and description); `SM_NO_VALUE`
/// without explanation or without text in the query. The score is the
/// product of the factors present.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_factor_text(
    results: *const sm_results,
    i: usize,
    out: *mut f32,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { factor(results, i, out, "text factor", |e| e.text) }
}

/// The distance factor of an explained hit's score, in (0, 1];
/// `SM_NO_VALUE` without explanation or without a place in the query.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_factor_distance(
    results: *const sm_results,
    i: usize,
    out: *mut f32,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { factor(results, i, out, "distance factor", |e| e.distance) }
}

/// The language factor of an explained hit's score: 1 when the service
/// offers a preferred language, less otherwise; `SM_NO_VALUE` without
/// explanation.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_factor_language(
    results: *const sm_results,
    i: usize,
    out: *mut f32,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { factor(results, i, out, "language factor", |e| Some(e.language)) }
}

/// The eligibility factor of an explained hit's score: 1 when eligible,
/// less when unknown; `SM_NO_VALUE` without explanation.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_factor_eligibility(
    results: *const sm_results,
    i: usize,
    out: *mut f32,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe {
        factor(results, i, out, "eligibility factor", |e| {
            Some(e.eligibility)
        })
    }
}

/// The open-hours factor of an explained hit's score: 1 when open at the
/// query's time (or the query asks no time), less when its hours are
/// unknown; `SM_NO_VALUE` without explanation.
///
/// # Safety
/// `results` is NULL or live results; `out` is NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_factor_open(
    results: *const sm_results,
    i: usize,
    out: *mut f32,
) -> sm_status {
    // SAFETY: passed on from this function's contract.
    unsafe { factor(results, i, out, "open-hours factor", |e| Some(e.open)) }
}

/// The directory's own help line ("211"), set when the index was built
/// (`servicematch build --help-line`), for every answer however few its
/// hits, so that no caller is left without somewhere to turn;
/// `SM_NO_VALUE` when the index has none. Borrowed; valid until
/// `sm_results_free(results)`.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_help_line(
    results: *const sm_results,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    ffi_boundary!({
        let (ptr, len) = (out_arg(ptr, "ptr")?, out_arg(len, "len")?);
        // SAFETY: passed on from this function's contract.
        let results = unsafe { ref_arg(results, "results")? };
        let line =
            results.results.help_line.as_deref().ok_or_else(|| {
                Failure::new(sm_status::SM_NO_VALUE, "the index has no help line")
            })?;
        // SAFETY: both pointers are checked and writable by this function's
        // contract; `line` lives in the results.
        unsafe { write_str(line, ptr, len) };
        Ok(())
    })
}

/// The results in their JSON shape, the one `sm_search_json` and the CLI's
/// `--json` give: `{"total": 42, "hits": [{"id": "s01", "name": "…",
/// "organization": "…", "score": 1.5, "distance_km": 0.4, "eligibility":
/// "eligible", "languages": ["en", "fr"], "open_now": true, "location":
/// {"lat": …, "lon": …, "address": "…", "postal_code": "…"}, "categories":
/// […], "phones": […], "url": "…", "explanation": null}, …], "facets": null,
/// "help_line": "211"}`.
///
/// Ownership and lifetime: borrowed, not NUL-terminated, valid until
/// `sm_results_free(results)`. Made on the first call and kept.
///
/// # Safety
/// `results` is NULL or live results; `ptr` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_results_to_json(
    results: *const sm_results,
    ptr: *mut *const c_char,
    len: *mut usize,
) -> sm_status {
    ffi_boundary!({
        // SAFETY: by this function's contract `results` is NULL or live.
        let results = unsafe { ref_arg(results, "results")? };
        let (ptr, len) = (out_arg(ptr, "ptr")?, out_arg(len, "len")?);
        let json = results.json.get_or_init(|| results.results.to_json());
        // SAFETY: both pointers are checked and, by this function's
        // contract, writable; `json` lives in the results.
        unsafe { write_str(json, ptr, len) };
        Ok(())
    })
}

/// Frees results, and every string borrowed from them. NULL does nothing.
///
/// # Safety
/// `results` is NULL or results from this library not yet freed; neither
/// they nor their strings may be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn sm_results_free(results: *mut sm_results) {
    ffi_boundary!({
        // SAFETY: passed on from this function's contract.
        unsafe { free_arg(results) }
    })
}
