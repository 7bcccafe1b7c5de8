//! The boundary between C and Rust: [`ffi_boundary!`], which every export
//! runs inside, and [`Failure`], the error an export body returns.
//!
//! rustls-ffi's `ffi_panic_boundary!` is the model: a panic is caught and
//! becomes `SM_PANIC` (or a harmless value for exports that return no
//! status), so it never unwinds into C and never aborts the host process.

use std::any::Any;
use std::ffi::c_char;
use std::panic::{catch_unwind, AssertUnwindSafe};

use crate::error::sm_error;
use crate::status::sm_status;

/// Why an export failed: the status it returns and the message its
/// `sm_error` carries.
#[derive(Debug)]
pub(crate) struct Failure {
    pub(crate) status: sm_status,
    pub(crate) message: String,
}

impl Failure {
    pub(crate) fn new(status: sm_status, message: impl Into<String>) -> Failure {
        Failure {
            status,
            message: message.into(),
        }
    }

    /// A NULL pointer where one was required; `what` names the argument.
    pub(crate) fn null(what: &str) -> Failure {
        Failure::new(sm_status::SM_NULL_ARGUMENT, format!("{what} is NULL"))
    }

    /// A panic caught at the boundary.
    fn panic(payload: &(dyn Any + Send)) -> Failure {
        let detail = payload
            .downcast_ref::<&str>()
            .copied()
            .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
            .unwrap_or("no message");
        Failure::new(
            sm_status::SM_PANIC,
            format!("internal error (please report it): {detail}"),
        )
    }
}

impl From<engine::Error> for Failure {
    /// The message is the error's, then its causes (C has no `source()`):
    /// "cannot open /data/x.smx: No such file or directory (os error 2)".
    fn from(error: engine::Error) -> Failure {
        let mut message = error.to_string();
        let mut cause = std::error::Error::source(&error);
        while let Some(inner) = cause {
            message.push_str(": ");
            message.push_str(&inner.to_string());
            cause = inner.source();
        }
        Failure::new(sm_status::from(error.kind()), message)
    }
}

/// The result of an export body that returns a status.
pub(crate) type FfiResult<T = ()> = Result<T, Failure>;

/// What an export body may return, and what the export then returns to C.
pub(crate) trait Boundary {
    /// The C return type.
    type Out;
    /// The value returned to C; reports a failure through `err`.
    ///
    /// # Safety
    /// `err` is NULL or points to a writable `sm_error *`.
    unsafe fn finish(self, err: *mut *mut sm_error) -> Self::Out;
    /// The value returned to C after a panic.
    ///
    /// # Safety
    /// As [`Boundary::finish`].
    unsafe fn panicked(payload: &(dyn Any + Send), err: *mut *mut sm_error) -> Self::Out;
}

impl Boundary for FfiResult {
    type Out = sm_status;

    unsafe fn finish(self, err: *mut *mut sm_error) -> sm_status {
        match self {
            Ok(()) => sm_status::SM_OK,
            // SAFETY: passed on from our caller's contract.
            Err(failure) => unsafe { report(failure, err) },
        }
    }

    unsafe fn panicked(payload: &(dyn Any + Send), err: *mut *mut sm_error) -> sm_status {
        // SAFETY: passed on from our caller's contract.
        unsafe { report(Failure::panic(payload), err) }
    }
}

/// Hands `failure` to the caller: a new `sm_error` in `*err` when `err` is
/// not NULL, and its status as the return value.
///
/// # Safety
/// `err` is NULL or points to a writable `sm_error *`.
unsafe fn report(failure: Failure, err: *mut *mut sm_error) -> sm_status {
    let status = failure.status;
    if !err.is_null() {
        let error = Box::into_raw(Box::new(sm_error::from(failure)));
        // SAFETY: `err` is not NULL and, by this function's contract, writable.
        unsafe { err.write(error) };
    }
    status
}

/// Exports that return a plain value return this value after a panic.
macro_rules! panic_value {
    ($($ty:ty => $value:expr),* $(,)?) => {$(
        impl Boundary for $ty {
            type Out = $ty;
            unsafe fn finish(self, _err: *mut *mut sm_error) -> $ty {
                self
            }
            unsafe fn panicked(_payload: &(dyn Any + Send), _err: *mut *mut sm_error) -> $ty {
                $value
            }
        }
    )*};
}

panic_value! {
    () => (),
    usize => 0,
    bool => false,
    *const c_char => c"".as_ptr(),
    *mut crate::query::sm_query => std::ptr::null_mut(),
    *mut crate::handout::sm_handout => std::ptr::null_mut(),
    sm_status => sm_status::SM_PANIC,
}

/// Runs an export's body, turning a panic into `SM_PANIC` (or a harmless
/// value for exports without a status) instead of unwinding into C.
///
/// `ffi_boundary!(err, { ... })` reports failures through the export's
/// `sm_error **err` argument; `ffi_boundary!({ ... })` is for exports without
/// one. A body returning [`FfiResult`] makes the export return an `sm_status`.
macro_rules! ffi_boundary {
    ($body:block) => {
        ffi_boundary!(::std::ptr::null_mut(), $body)
    };
    ($err:expr, $body:block) => {{
        let err: *mut *mut $crate::error::sm_error = $err;
        let outcome = ::std::panic::catch_unwind(::std::panic::AssertUnwindSafe(|| $body));
        // SAFETY: `err` is the export's `sm_error **err` argument (or NULL),
        // which the C contract says is NULL or points to a writable pointer.
        unsafe { $crate::boundary::settle(outcome, err) }
    }};
}

/// The export's return value for the outcome of its body.
///
/// # Safety
/// `err` is NULL or points to a writable `sm_error *`.
pub(crate) unsafe fn settle<T: Boundary>(
    outcome: std::thread::Result<T>,
    err: *mut *mut sm_error,
) -> T::Out {
    match outcome {
        // SAFETY: passed on from our caller's contract.
        Ok(value) => unsafe { value.finish(err) },
        Err(payload) => {
            // SAFETY: passed on from our caller's contract.
            let out = unsafe { T::panicked(&*payload, err) };
            // Dropping a payload can itself panic; never let that unwind into C.
            let _ = catch_unwind(AssertUnwindSafe(move || drop(payload)));
            out
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::{sm_error_free, sm_error_message};
    use std::ffi::CStr;

    fn panicking_export(err: *mut *mut sm_error) -> sm_status {
        ffi_boundary!(err, {
            let hits: Vec<u32> = Vec::new();
            if hits.is_empty() {
                panic!("hit 3 of 0");
            }
            FfiResult::Ok(())
        })
    }

    #[test]
    fn a_panic_becomes_sm_panic_with_its_message() {
        let mut err: *mut sm_error = std::ptr::null_mut();
        assert_eq!(panicking_export(&mut err), sm_status::SM_PANIC);
        assert!(!err.is_null());
        // SAFETY: `err` was just set to a live error.
        let message = unsafe { CStr::from_ptr(sm_error_message(err)) };
        assert_eq!(
            message.to_str().unwrap(),
            "internal error (please report it): hit 3 of 0"
        );
        // SAFETY: `err` is a live error, freed once.
        unsafe { sm_error_free(err) };
        assert_eq!(panicking_export(std::ptr::null_mut()), sm_status::SM_PANIC);
    }

    #[test]
    fn a_panic_in_a_value_export_returns_the_fallback() {
        fn length() -> usize {
            ffi_boundary!({
                let v: Vec<usize> = Vec::new();
                #[allow(clippy::unnecessary_operation)]
                v[0]
            })
        }
        assert_eq!(length(), 0);
    }

    #[test]
    fn failures_leave_err_null_when_not_asked_for() {
        fn failing(err: *mut *mut sm_error) -> sm_status {
            ffi_boundary!(err, { Err(Failure::null("query")) })
        }
        assert_eq!(failing(std::ptr::null_mut()), sm_status::SM_NULL_ARGUMENT);
        let mut err: *mut sm_error = std::ptr::null_mut();
        assert_eq!(failing(&mut err), sm_status::SM_NULL_ARGUMENT);
        // SAFETY: `err` was just set to a live error.
        let message = unsafe { CStr::from_ptr(sm_error_message(err)) };
        assert_eq!(message.to_str().unwrap(), "query is NULL");
        // SAFETY: `err` is a live error, freed once.
        unsafe { sm_error_free(err) };
    }
}
