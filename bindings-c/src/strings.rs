//! Strings out: borrowed `(ptr, len)` views into a handle, and owned JSON
//! strings freed by [`sm_string_free`].

use std::ffi::{c_char, CString};

use crate::boundary::{Failure, FfiResult};
use crate::status::sm_status;

/// Writes a borrowed string to checked `(ptr, len)` out-pointers. An empty
/// string is given as a static `""`, so the pointer is always dereferenceable.
///
/// # Safety
/// `ptr_out` and `len_out` are writable; `text` outlives the caller's use.
pub(crate) unsafe fn write_str(text: &str, ptr_out: *mut *const c_char, len_out: *mut usize) {
    let ptr = if text.is_empty() {
        c"".as_ptr()
    } else {
        text.as_ptr().cast()
    };
    // SAFETY: by this function's contract both pointers are writable.
    unsafe {
        ptr_out.write(ptr);
        len_out.write(text.len());
    }
}

/// Turns JSON text into an owned C string for the caller.
pub(crate) fn owned_json(json: String) -> FfiResult<*mut c_char> {
    // serde_json escapes control characters, so JSON text holds no NUL.
    let json = CString::new(json)
        .map_err(|_| Failure::new(sm_status::SM_OTHER, "JSON output holds a NUL byte"))?;
    Ok(json.into_raw())
}

/// Frees a string that this library gave the caller to own
/// (`sm_search_json`, `sm_query_to_json`, `sm_index_service_json`,
/// `sm_results_to_fhir_json`, `sm_index_service_fhir_json`,
/// `sm_handout_render`). NULL does nothing.
///
/// Never pass it a borrowed string (from a getter, `sm_version`,
/// `sm_status_str`, `sm_error_message`), and never free an owned string
/// with the C library's `free()`.
///
/// # Safety
/// `string` is NULL or an owned string from this library not yet freed; it
/// must not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn sm_string_free(string: *mut c_char) {
    ffi_boundary!({
        if !string.is_null() {
            // SAFETY: `string` came from `CString::into_raw` in `owned_json`
            // and, by this function's contract, is freed only once.
            drop(unsafe { CString::from_raw(string) });
        }
    })
}
