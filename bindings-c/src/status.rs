//! [`sm_status`]: what every fallible export returns.

use std::ffi::{c_char, c_uint};

use engine::ErrorKind;

/// What a call did. `SM_OK` is 0; every other value is a failure, except
/// `SM_NO_VALUE`, which getters return for a value the hit does not have.
///
/// The values are explicit and only ever appended to: a value never changes
/// meaning, so they may be stored and compared across versions. Code that
/// switches on a status should handle values it does not know.
///
/// cbindgen:prefix-with-name=false
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum sm_status {
    /// Success.
    SM_OK = 0,
    /// A pointer argument that must not be NULL was NULL.
    SM_NULL_ARGUMENT = 1,
    /// A string argument is not valid UTF-8.
    SM_INVALID_UTF8 = 2,
    /// An argument is out of the range the function accepts.
    SM_INVALID_ARGUMENT = 3,
    /// A hit or list position is past the end (see `sm_results_len`).
    SM_OUT_OF_RANGE = 4,
    /// The hit has no such value (for example no distance without a place
    /// in the query). Not an error; the outputs are left untouched.
    SM_NO_VALUE = 5,
    /// Reading the index file failed (missing file, permissions…).
    SM_IO = 6,
    /// The file is not a servicematch index.
    SM_NOT_AN_INDEX = 7,
    /// The index is in a format version this library does not read: a newer
    /// one (upgrade the library) or an older one (rebuild the index).
    SM_UNSUPPORTED_VERSION = 8,
    /// The index file is truncated or damaged.
    SM_CORRUPT_INDEX = 9,
    /// The query is invalid: an impossible value, or a field not supported yet.
    SM_INVALID_QUERY = 10,
    /// The postal code or place name in the query is not in the index's gazetteer.
    SM_UNKNOWN_PLACE = 11,
    /// An internal error (a bug) was caught at the library boundary. The
    /// handles passed to the call are still valid; please report it.
    SM_PANIC = 12,
    /// An error this version of the C library has no specific status for.
    SM_OTHER = 13,
    /// The index has no service with the id asked for (`sm_index_service_json`).
    /// The outputs are left untouched.
    SM_NOT_FOUND = 14,
    /// Directory data given to the library is malformed or unusable (the
    /// engine's `ErrorKind::InvalidInput`).
    SM_INVALID_INPUT = 15,
    /// A build rejected more records than its caller allowed (the engine's
    /// `ErrorKind::TooManyRejects`).
    SM_TOO_MANY_REJECTS = 16,
}

impl From<ErrorKind> for sm_status {
    fn from(kind: ErrorKind) -> sm_status {
        match kind {
            ErrorKind::Io => sm_status::SM_IO,
            ErrorKind::NotAnIndex => sm_status::SM_NOT_AN_INDEX,
            ErrorKind::UnsupportedVersion => sm_status::SM_UNSUPPORTED_VERSION,
            ErrorKind::CorruptIndex => sm_status::SM_CORRUPT_INDEX,
            ErrorKind::InvalidQuery => sm_status::SM_INVALID_QUERY,
            ErrorKind::UnknownPlace => sm_status::SM_UNKNOWN_PLACE,
            ErrorKind::InvalidInput => sm_status::SM_INVALID_INPUT,
            ErrorKind::TooManyRejects => sm_status::SM_TOO_MANY_REJECTS,
            // A kind newer than this library: `ErrorKind` is non-exhaustive.
            _ => sm_status::SM_OTHER,
        }
    }
}

impl sm_status {
    const ALL: [sm_status; 17] = [
        sm_status::SM_OK,
        sm_status::SM_NULL_ARGUMENT,
        sm_status::SM_INVALID_UTF8,
        sm_status::SM_INVALID_ARGUMENT,
        sm_status::SM_OUT_OF_RANGE,
        sm_status::SM_NO_VALUE,
        sm_status::SM_IO,
        sm_status::SM_NOT_AN_INDEX,
        sm_status::SM_UNSUPPORTED_VERSION,
        sm_status::SM_CORRUPT_INDEX,
        sm_status::SM_INVALID_QUERY,
        sm_status::SM_UNKNOWN_PLACE,
        sm_status::SM_PANIC,
        sm_status::SM_OTHER,
        sm_status::SM_NOT_FOUND,
        sm_status::SM_INVALID_INPUT,
        sm_status::SM_TOO_MANY_REJECTS,
    ];

    fn name(self) -> &'static std::ffi::CStr {
        match self {
            sm_status::SM_OK => c"SM_OK: success",
            sm_status::SM_NULL_ARGUMENT => c"SM_NULL_ARGUMENT: a required pointer argument is NULL",
            sm_status::SM_INVALID_UTF8 => c"SM_INVALID_UTF8: a string argument is not valid UTF-8",
            sm_status::SM_INVALID_ARGUMENT => c"SM_INVALID_ARGUMENT: an argument is out of range",
            sm_status::SM_OUT_OF_RANGE => c"SM_OUT_OF_RANGE: position past the end",
            sm_status::SM_NO_VALUE => c"SM_NO_VALUE: the hit has no such value",
            sm_status::SM_IO => c"SM_IO: the index file cannot be read",
            sm_status::SM_NOT_AN_INDEX => c"SM_NOT_AN_INDEX: not a servicematch index",
            sm_status::SM_UNSUPPORTED_VERSION => {
                c"SM_UNSUPPORTED_VERSION: the index format version is not supported"
            }
            sm_status::SM_CORRUPT_INDEX => c"SM_CORRUPT_INDEX: the index is truncated or damaged",
            sm_status::SM_INVALID_QUERY => c"SM_INVALID_QUERY: the query is invalid",
            sm_status::SM_UNKNOWN_PLACE => c"SM_UNKNOWN_PLACE: the place is not in the index",
            sm_status::SM_PANIC => c"SM_PANIC: internal error caught at the library boundary",
            sm_status::SM_OTHER => c"SM_OTHER: other error",
            sm_status::SM_NOT_FOUND => c"SM_NOT_FOUND: the index has no service with this id",
            sm_status::SM_INVALID_INPUT => {
                c"SM_INVALID_INPUT: the directory data is malformed or unusable"
            }
            sm_status::SM_TOO_MANY_REJECTS => {
                c"SM_TOO_MANY_REJECTS: the build rejected more records than allowed"
            }
        }
    }
}

/// A static, NUL-terminated description of a status, starting with its name
/// (`"SM_IO: the index file cannot be read"`).
///
/// `status` is an `sm_status` value, taken as an integer so that any value,
/// even one from a newer header, is safe to pass: unknown values give
/// `"unknown sm_status"`.
///
/// Ownership: the string is static; never free it. Thread safety: callable
/// from any thread.
#[no_mangle]
pub extern "C" fn sm_status_str(status: c_uint) -> *const c_char {
    ffi_boundary!({
        sm_status::ALL
            .iter()
            .find(|s| **s as c_uint == status)
            .map_or(c"unknown sm_status", |s| s.name())
            .as_ptr()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::CStr;

    #[test]
    fn values_are_explicit_and_dense() {
        for (i, status) in sm_status::ALL.iter().enumerate() {
            assert_eq!(*status as usize, i);
        }
    }

    #[test]
    fn every_status_names_itself() {
        for status in sm_status::ALL {
            // SAFETY: sm_status_str returns a static C string.
            let text = unsafe { CStr::from_ptr(sm_status_str(status as c_uint)) };
            assert!(text.to_str().unwrap().starts_with(&format!("{status:?}: ")));
        }
        // SAFETY: as above.
        let unknown = unsafe { CStr::from_ptr(sm_status_str(9999)) };
        assert_eq!(unknown.to_str().unwrap(), "unknown sm_status");
    }

    #[test]
    fn every_error_kind_has_its_own_status() {
        let kinds = [
            ErrorKind::Io,
            ErrorKind::InvalidInput,
            ErrorKind::NotAnIndex,
            ErrorKind::UnsupportedVersion,
            ErrorKind::CorruptIndex,
            ErrorKind::InvalidQuery,
            ErrorKind::UnknownPlace,
            ErrorKind::TooManyRejects,
        ];
        let statuses: std::collections::HashSet<sm_status> =
            kinds.iter().map(|&kind| sm_status::from(kind)).collect();
        assert_eq!(statuses.len(), kinds.len(), "one status per kind");
        assert!(!statuses.contains(&sm_status::SM_OTHER));
    }
}
