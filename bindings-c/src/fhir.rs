//! FHIR R4 out: results and services as `Bundle`s of `HealthcareService`
//! resources, for EMRs to store and attach to referrals.

use std::ffi::c_char;

use crate::args::{out_arg, ref_arg, str_arg};
use crate::boundary::Failure;
use crate::error::sm_error;
use crate::index::sm_index;
use crate::results::sm_results;
use crate::status::sm_status;
use crate::strings::owned_json;

/// The results of a search as a FHIR R4 `searchset` `Bundle` (JSON): one
/// entry per hit, best first, each a `HealthcareService` with its
/// `Organization` and `Location`s as contained resources, `search.mode`
/// `"match"` and the hit's `search.score`; `total` when the search counted
/// every match. `index` must be the index the results came from: the full
/// records are read from it. The same bundle as the CLI's `servicematch
/// search … --fhir`; the mapping is described in the engine's `fhir` module.
///
/// Ownership: on success `*out` receives a NUL-terminated UTF-8 string that
/// the caller owns and frees with `sm_string_free` (not `free()`); on
/// failure `*out` is untouched.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT` (`index`, `results` or `out`),
/// `SM_INVALID_INPUT` (a hit is not in `index`: the results come from
/// another index) or `SM_CORRUPT_INDEX` (a record cannot be read). Thread
/// safety: callable on a shared index from any thread, with results not
/// being freed meanwhile.
///
/// # Safety
/// `index` and `results` are NULL or live handles; `out` is NULL or
/// writable; `err` is NULL or points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_results_to_fhir_json(
    index: *const sm_index,
    results: *const sm_results,
    out: *mut *mut c_char,
    err: *mut *mut sm_error,
) -> sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract both are NULL or live.
        let (index, results) = unsafe { (ref_arg(index, "index")?, ref_arg(results, "results")?) };
        let out = out_arg(out, "out")?;
        let bundle = engine::fhir::searchset(&index.index, &results.results)?;
        let json = owned_json(bundle.to_string())?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(json) };
        Ok(())
    })
}

/// The service whose publisher's id is `id` (`id_len` bytes of UTF-8, no
/// NUL needed) as a FHIR R4 `collection` `Bundle` (JSON) holding its
/// `HealthcareService`, in the shape of `sm_results_to_fhir_json`'s
/// entries: the CLI's `servicematch show ID --fhir`.
///
/// Ownership: on success `*out` receives a NUL-terminated UTF-8 string that
/// the caller owns and frees with `sm_string_free`; on failure `*out` is
/// untouched.
///
/// Returns `SM_OK`, `SM_NOT_FOUND` (no service with this id; `err` names
/// it), `SM_NULL_ARGUMENT`, `SM_INVALID_UTF8` or `SM_CORRUPT_INDEX`. Thread
/// safety: callable on a shared index from any thread.
///
/// # Safety
/// `index` is NULL or a live index; `id` is NULL or valid for reads of
/// `id_len` bytes; `out` is NULL or writable; `err` is NULL or points to a
/// writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_index_service_fhir_json(
    index: *const sm_index,
    id: *const c_char,
    id_len: usize,
    out: *mut *mut c_char,
    err: *mut *mut sm_error,
) -> sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `index` is NULL or live and
        // `id` NULL or readable for `id_len` bytes.
        let (index, id) = unsafe { (ref_arg(index, "index")?, str_arg(id, id_len, "id")?) };
        let out = out_arg(out, "out")?;
        let service = index
            .index
            .service_by_id(id)?
            .ok_or_else(|| not_found(id))?;
        let bundle = engine::fhir::collection(std::slice::from_ref(&service));
        let json = owned_json(bundle.to_string())?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(json) };
        Ok(())
    })
}

/// `SM_NOT_FOUND`, naming the id.
pub(crate) fn not_found(id: &str) -> Failure {
    Failure::new(
        sm_status::SM_NOT_FOUND,
        format!("no service with id {id:?} in the index"),
    )
}
