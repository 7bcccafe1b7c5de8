//! Arguments across the boundary: every pointer checked for NULL, strings
//! `(ptr, len)` checked as UTF-8, before anything is read or written.

use std::ffi::{c_char, CStr};

use crate::boundary::{Failure, FfiResult};
use crate::status::sm_status;

/// Reads a `(ptr, len)` string argument; `what` names it in errors.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes for `'a`.
pub(crate) unsafe fn str_arg<'a>(ptr: *const c_char, len: usize, what: &str) -> FfiResult<&'a str> {
    // SAFETY: passed on from our caller's contract.
    let bytes = unsafe { bytes_arg(ptr.cast(), len, what)? };
    std::str::from_utf8(bytes).map_err(|e| {
        Failure::new(
            sm_status::SM_INVALID_UTF8,
            format!("{what} is not valid UTF-8 at byte {}", e.valid_up_to()),
        )
    })
}

/// Reads a NUL-terminated string argument; `what` names it in errors.
///
/// # Safety
/// `ptr` is NULL or points to a NUL-terminated string valid for `'a`.
pub(crate) unsafe fn cstr_arg<'a>(ptr: *const c_char, what: &str) -> FfiResult<&'a str> {
    if ptr.is_null() {
        return Err(Failure::null(what));
    }
    // SAFETY: `ptr` is not NULL and, by this function's contract, NUL-terminated.
    let bytes = unsafe { CStr::from_ptr(ptr) }.to_bytes();
    // SAFETY: the same bytes, just checked to be readable.
    unsafe { str_arg(ptr, bytes.len(), what) }
}

/// Reads a `(ptr, len)` byte buffer argument; `what` names it in errors.
///
/// # Safety
/// `ptr` is NULL or valid for reads of `len` bytes for `'a`.
pub(crate) unsafe fn bytes_arg<'a>(ptr: *const u8, len: usize, what: &str) -> FfiResult<&'a [u8]> {
    if ptr.is_null() {
        return Err(Failure::null(what));
    }
    if len > isize::MAX as usize {
        return Err(Failure::new(
            sm_status::SM_INVALID_ARGUMENT,
            format!("{what} length {len} is larger than any buffer"),
        ));
    }
    // SAFETY: `ptr` is not NULL, `len` fits an allocation, and by this
    // function's contract the bytes are readable for `'a`.
    Ok(unsafe { std::slice::from_raw_parts(ptr, len) })
}

/// Checks that an out-pointer is not NULL, before anything is written.
pub(crate) fn out_arg<T>(ptr: *mut T, what: &str) -> FfiResult<*mut T> {
    if ptr.is_null() {
        Err(Failure::null(what))
    } else {
        Ok(ptr)
    }
}

/// Borrows a handle argument; `what` names it in errors.
///
/// # Safety
/// `ptr` is NULL or points to a live `T` that is not written during `'a`.
pub(crate) unsafe fn ref_arg<'a, T>(ptr: *const T, what: &str) -> FfiResult<&'a T> {
    // SAFETY: by this function's contract `ptr` is NULL or valid for `'a`.
    unsafe { ptr.as_ref() }.ok_or_else(|| Failure::null(what))
}

/// Borrows a handle argument mutably; `what` names it in errors.
///
/// # Safety
/// `ptr` is NULL or points to a live `T` that nothing else uses during `'a`.
pub(crate) unsafe fn mut_arg<'a, T>(ptr: *mut T, what: &str) -> FfiResult<&'a mut T> {
    // SAFETY: by this function's contract `ptr` is NULL or exclusively ours for `'a`.
    unsafe { ptr.as_mut() }.ok_or_else(|| Failure::null(what))
}

/// Frees a handle argument made with `Box::into_raw`; NULL does nothing.
///
/// # Safety
/// `ptr` is NULL or came from `Box::into_raw` in this library and is not
/// yet freed; it must not be used afterwards.
pub(crate) unsafe fn free_arg<T>(ptr: *mut T) {
    if !ptr.is_null() {
        // SAFETY: by this function's contract `ptr` came from
        // `Box::into_raw` and is freed only once.
        drop(unsafe { Box::from_raw(ptr) });
    }
}
