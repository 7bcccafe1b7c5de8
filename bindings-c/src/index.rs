//! [`sm_index`]: an opened `.smx` index file.

use std::ffi::c_char;
use std::sync::OnceLock;

use engine::Index;

use crate::args::{bytes_arg, cstr_arg, free_arg, out_arg, ref_arg, str_arg};
use crate::boundary::{Failure, FfiResult};
use crate::error::sm_error;
use crate::status::sm_status;
use crate::strings::{owned_json, write_str};

/// An opened index: a memory-mapped `.smx` file or a copy of one in memory.
///
/// Made by `sm_index_open`, `sm_index_open_len` or `sm_index_open_bytes`;
/// freed by `sm_index_free`. Thread safety: one index may be shared by any
/// number of threads, which may search it at the same time; searches do not
/// block one another. Free it only once no other thread uses it.
pub struct sm_index {
    pub(crate) index: Index,
    info_json: OnceLock<String>,
}

impl sm_index {
    fn boxed(index: Index) -> *mut sm_index {
        Box::into_raw(Box::new(sm_index {
            index,
            info_json: OnceLock::new(),
        }))
    }
}

/// Opens the index file at `path` (NUL-terminated UTF-8) by memory-mapping it.
///
/// On success `*out` receives a new index, to be freed with
/// `sm_index_free`; on failure `*out` is untouched and, when `err` is not
/// NULL, `*err` receives an `sm_error` whose message starts with the path.
///
/// The mapping is shared with the file (as SQLite's and tantivy's are): the
/// file must not be modified or truncated while the index is open. A file
/// rewritten in place gives wrong results, errors or `SM_PANIC` (the text
/// section's checksum is checked once, at the first search, and trusted
/// after); a file **truncated** by another process makes the next read past
/// its new end raise `SIGBUS`, which ends the host process unless it handles
/// that signal. To update an
/// index, write a new file and rename it over the old one (as `servicematch
/// build` does): an open index keeps reading the old file, intact. Where
/// another program may rewrite the file in place, read it into memory and
/// open it with `sm_index_open_bytes` instead.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT` (`path` or `out`), `SM_INVALID_UTF8`,
/// `SM_IO`, `SM_NOT_AN_INDEX`, `SM_UNSUPPORTED_VERSION` or `SM_CORRUPT_INDEX`.
/// Opening reads the header and small tables only; it takes milliseconds.
/// Thread safety: callable from any thread.
///
/// # Safety
/// `path` is NULL or a NUL-terminated string; `out` is NULL or writable;
/// `err` is NULL or points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_index_open(
    path: *const c_char,
    out: *mut *mut sm_index,
    err: *mut *mut sm_error,
) -> crate::sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `path` is NULL or NUL-terminated.
        let path = unsafe { cstr_arg(path, "path")? };
        open_path(path, out)
    })
}

/// As `sm_index_open`, with the path given as `(path, len)` UTF-8 bytes
/// (no NUL terminator needed).
///
/// # Safety
/// `path` is NULL or valid for reads of `len` bytes; `out` is NULL or
/// writable; `err` is NULL or points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_index_open_len(
    path: *const c_char,
    len: usize,
    out: *mut *mut sm_index,
    err: *mut *mut sm_error,
) -> crate::sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `path` is NULL or readable for `len` bytes.
        let path = unsafe { str_arg(path, len, "path")? };
        open_path(path, out)
    })
}

fn open_path(path: &str, out: *mut *mut sm_index) -> FfiResult {
    let out = out_arg(out, "out")?;
    let index = Index::open(path)?;
    // SAFETY: `out` is not NULL and, by the export's contract, writable.
    unsafe { out.write(sm_index::boxed(index)) };
    Ok(())
}

/// Opens an index held in memory (a downloaded file, an embedded asset),
/// `len` bytes at `bytes`. The bytes are copied: the caller may free its
/// buffer as soon as this returns.
///
/// On success `*out` receives a new index, to be freed with
/// `sm_index_free`; on failure `*out` is untouched and, when `err` is not
/// NULL, `*err` receives an `sm_error`.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT` (`bytes` or `out`),
/// `SM_NOT_AN_INDEX`, `SM_UNSUPPORTED_VERSION` or `SM_CORRUPT_INDEX`.
/// Thread safety: callable from any thread.
///
/// # Safety
/// `bytes` is NULL or valid for reads of `len` bytes; `out` is NULL or
/// writable; `err` is NULL or points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_index_open_bytes(
    bytes: *const u8,
    len: usize,
    out: *mut *mut sm_index,
    err: *mut *mut sm_error,
) -> crate::sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `bytes` is NULL or readable for `len` bytes.
        let bytes = unsafe { bytes_arg(bytes, len, "bytes")? };
        let out = out_arg(out, "out")?;
        let index = Index::from_bytes(bytes.to_vec())?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(sm_index::boxed(index)) };
        Ok(())
    })
}

/// A JSON summary of the index: format version, size in bytes, counts of
/// services and locations, and the build metadata (dataset name, build time,
/// languages, attribution and licence lines), as `servicematch inspect --json`
/// prints it.
///
/// Ownership and lifetime: `*json`/`*len` receive a borrowed UTF-8 string
/// (not NUL-terminated) that lives as long as `index`. Returns `SM_OK` or
/// `SM_NULL_ARGUMENT`. Thread safety: callable on a shared index from any
/// thread.
///
/// # Safety
/// `index` is NULL or a live index; `json` and `len` are NULL or writable.
#[no_mangle]
pub unsafe extern "C" fn sm_index_info_json(
    index: *const sm_index,
    json: *mut *const c_char,
    len: *mut usize,
) -> crate::sm_status {
    ffi_boundary!({
        // SAFETY: by this function's contract `index` is NULL or live.
        let index = unsafe { ref_arg(index, "index")? };
        let (json, len) = (out_arg(json, "json")?, out_arg(len, "len")?);
        let text = index.info_json.get_or_init(|| {
            serde_json::to_string(&index.index.info()).expect("index info always serialises")
        });
        // SAFETY: both pointers are checked and, by this function's contract,
        // writable; `text` lives in the index.
        unsafe { write_str(text, json, len) };
        Ok(())
    })
}

/// The full record of the service whose publisher's id is `id` (`id_len`
/// bytes of UTF-8, no NUL needed; the id `sm_results_id` gives), as JSON:
/// what a result's details show once a person picks it, and what an EMR
/// stores with a referral. The same record as the CLI's `servicematch show
/// ID --json` and the WebAssembly package's `index.service(id)`:
/// `{"id": "…", "name": "…", "alternate_names": […], "description": "…",
/// "organization": {"id", "name", "url"}, "locations": [{"id", "name", "lat",
/// "lon", "address", "city", "region", "postal_code"}, …], "phones":
/// [{"number", "extension", "kind"}, …], "url", "email", "languages":
/// [{"code", "name"}, …], "eligibility": {"ages": {"min", "max",
/// "from_text"}, "genders", "description"}, "categories": [{"code", "name",
/// "vocabulary", "ancestors"}, …], "keywords", "cost", "fees_description",
/// "accessibility": {"wheelchair", "notes"}, "hours": [{"weekday", "opens",
/// "closes"}, …], "hours_text", "application_process",
/// "required_documents", "status", "last_verified"}`. A value the directory
/// does not give is `null` (a location's `lat`/`lon` too, when it has no
/// coordinates); objects may gain fields in later versions.
///
/// Ownership: on success `*out` receives a NUL-terminated UTF-8 string that
/// the caller owns and frees with `sm_string_free` (not `free()`); it does
/// not depend on `index` and may outlive it. On failure `*out` is untouched.
///
/// Returns `SM_OK`; `SM_NOT_FOUND` when the index has no service with this
/// id (ids are compared exactly, case and spaces included; `err` names the
/// id); `SM_NULL_ARGUMENT` (`index`, `id` or `out`); `SM_INVALID_UTF8`; or
/// `SM_CORRUPT_INDEX` (the record cannot be read). A lookup is a binary
/// search over the ids and the decoding of one record. Thread safety:
/// callable on a shared index from any thread.
///
/// # Safety
/// `index` is NULL or a live index; `id` is NULL or valid for reads of
/// `id_len` bytes; `out` is NULL or writable; `err` is NULL or points to a
/// writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_index_service_json(
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
        let service = index.index.service_by_id(id)?.ok_or_else(|| {
            Failure::new(
                sm_status::SM_NOT_FOUND,
                format!("no service with id {id:?} in the index"),
            )
        })?;
        let json = owned_json(serde_json::to_string(&service).expect("a service serialises"))?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(json) };
        Ok(())
    })
}

/// Checks every section's checksum, reading the whole file: for a file
/// received from elsewhere, before first use. Opening checks only the
/// header and small tables, and a search meeting damage returns
/// `SM_CORRUPT_INDEX`; this finds damage anywhere, up front.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT` or `SM_CORRUPT_INDEX` (`err` names
/// the first damaged section). Takes time proportional to the file size.
/// Thread safety: callable on a shared index from any thread.
///
/// # Safety
/// `index` is NULL or a live index; `err` is NULL or points to a writable
/// `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_index_verify(
    index: *const sm_index,
    err: *mut *mut sm_error,
) -> crate::sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract `index` is NULL or live.
        let index = unsafe { ref_arg(index, "index")? };
        index.index.verify()?;
        Ok(())
    })
}

/// Frees an index. NULL does nothing.
///
/// Every `sm_results` from the index stays valid (results own their data);
/// no search may be running on the index, in any thread.
///
/// # Safety
/// `index` is NULL or an index from this library not yet freed; it must
/// not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn sm_index_free(index: *mut sm_index) {
    ffi_boundary!({
        // SAFETY: passed on from this function's contract.
        unsafe { free_arg(index) }
    })
}
