//! [`sm_error`]: the detail of a failure, through an optional out-parameter.

use std::ffi::{c_char, CString};

use crate::args::free_arg;
use crate::boundary::Failure;
use crate::status::sm_status;

/// The detail of a failed call: its status and a message naming the file,
/// field or value at fault, then its causes, if any
/// (`"client.age 300 is not a plausible age (0 to 130)"`,
/// `"cannot open index /data/x.smx: No such file or directory (os error 2)"`).
///
/// Made by any function taking `sm_error **err` when it fails and `err` is
/// not NULL; freed with `sm_error_free`. Thread safety: may be moved between
/// threads; use it from one thread at a time.
pub struct sm_error {
    status: sm_status,
    message: CString,
}

impl From<Failure> for sm_error {
    fn from(failure: Failure) -> sm_error {
        // A message is text from Rust; a NUL inside one (from a query string,
        // say) would cut the C string short, so it is replaced.
        let message = failure.message.replace('\0', "\u{FFFD}");
        sm_error {
            status: failure.status,
            message: CString::new(message).unwrap_or_default(),
        }
    }
}

/// The error's message: NUL-terminated UTF-8, lowercase, without a
/// trailing period.
///
/// Ownership and lifetime: borrowed from `err`, valid until
/// `sm_error_free(err)`. Returns `""` when `err` is NULL.
///
/// # Safety
/// `err` is NULL or an error from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn sm_error_message(err: *const sm_error) -> *const c_char {
    ffi_boundary!({
        // SAFETY: by this function's contract, `err` is NULL or a live error.
        match unsafe { err.as_ref() } {
            Some(err) => err.message.as_ptr(),
            None => c"".as_ptr(),
        }
    })
}

/// The status of the failed call that made `err`; `SM_NULL_ARGUMENT` when
/// `err` is NULL.
///
/// # Safety
/// `err` is NULL or an error from this library not yet freed.
#[no_mangle]
pub unsafe extern "C" fn sm_error_status(err: *const sm_error) -> sm_status {
    ffi_boundary!({
        // SAFETY: by this function's contract, `err` is NULL or a live error.
        match unsafe { err.as_ref() } {
            Some(err) => err.status,
            None => sm_status::SM_NULL_ARGUMENT,
        }
    })
}

/// Frees an error. NULL does nothing.
///
/// # Safety
/// `err` is NULL or an error from this library not yet freed; it must not
/// be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn sm_error_free(err: *mut sm_error) {
    ffi_boundary!({
        // SAFETY: passed on from this function's contract.
        unsafe { free_arg(err) }
    })
}
