//! [`sm_search`] and [`sm_search_json`]: an index and a query in, ranked
//! results out.

use std::ffi::c_char;

use engine::Query;

use crate::args::{out_arg, ref_arg, str_arg};
use crate::error::sm_error;
use crate::index::sm_index;
use crate::query::sm_query;
use crate::results::sm_results;
use crate::status::sm_status;
use crate::strings::owned_json;

/// Finds the services that best match `query` in `index`, best first.
///
/// On success `*out` receives new results, to be freed with
/// `sm_results_free` (they stay valid after the index and query are freed);
/// on failure `*out` is untouched and, when `err` is not NULL, `*err`
/// receives an `sm_error` naming the field or value at fault.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT` (`index`, `query` or `out`),
/// `SM_INVALID_QUERY` (an impossible value such as a limit of 0, a setting
/// that needs another, or a field not supported yet such as open-now),
/// `SM_UNKNOWN_PLACE` (a postal code or place name not in the index) or
/// `SM_CORRUPT_INDEX` (a damaged part of the file was met). Results are
/// deterministic: the same query on the same index gives the same hits in
/// the same order, ties broken by service id.
///
/// Thread safety: any number of threads may search one index, with one
/// query or several, at the same time; searches do not block one another.
///
/// # Safety
/// `index` and `query` are NULL or live handles (the query not being
/// changed during the call); `out` is NULL or writable; `err` is NULL or
/// points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_search(
    index: *const sm_index,
    query: *const sm_query,
    out: *mut *mut sm_results,
    err: *mut *mut sm_error,
) -> sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract both are NULL or live.
        let (index, query) = unsafe { (ref_arg(index, "index")?, ref_arg(query, "query")?) };
        let out = out_arg(out, "out")?;
        let results = index.index.search(&query.query)?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(sm_results::boxed(results)) };
        Ok(())
    })
}

/// JSON in, JSON out, for bindings generators and managed languages: reads
/// a query in its JSON shape (see `sm_query_from_json`; `len` bytes at
/// `query_json`, UTF-8, no NUL needed), searches, and gives the results in
/// their JSON shape (see `sm_results_to_json`): the shapes of the CLI's
/// `--json`.
///
/// Ownership: on success `*out` receives a NUL-terminated UTF-8 string that
/// the caller owns and frees with `sm_string_free` (not `free()`); on
/// failure `*out` is untouched. Returns as `sm_query_from_json` and
/// `sm_search` do. Thread safety: as `sm_search`.
///
/// # Safety
/// `index` is NULL or a live index; `query_json` is NULL or valid for reads
/// of `len` bytes; `out` is NULL or writable; `err` is NULL or points to a
/// writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_search_json(
    index: *const sm_index,
    query_json: *const c_char,
    len: usize,
    out: *mut *mut c_char,
    err: *mut *mut sm_error,
) -> sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `index` is NULL or live and
        // `query_json` NULL or readable for `len` bytes.
        let (index, json) = unsafe {
            (
                ref_arg(index, "index")?,
                str_arg(query_json, len, "query_json")?,
            )
        };
        let out = out_arg(out, "out")?;
        let query = Query::from_json(json)?;
        let json = owned_json(index.index.search(&query)?.to_json())?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(json) };
        Ok(())
    })
}
