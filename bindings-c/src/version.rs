//! [`sm_version`] and the limits the header states as macros.

use std::ffi::c_char;

/// The most hits one query may ask for (`sm_query_set_limit`).
pub const SM_MAX_LIMIT: usize = 1000;

/// The oldest client age a query may state, in years (`sm_query_set_client_age`).
pub const SM_MAX_AGE: i32 = 130;

/// The largest radius a query may give, in kilometres (`sm_query_set_radius_km`).
pub const SM_MAX_RADIUS_KM: f64 = 20037.5;

// The header states these; they must be the engine's.
const _: () = {
    assert!(SM_MAX_LIMIT == engine::MAX_LIMIT);
    assert!(SM_MAX_AGE == engine::MAX_AGE as i32);
    assert!(SM_MAX_RADIUS_KM == engine::MAX_RADIUS_KM);
};

/// The library's version, `"MAJOR.MINOR.PATCH"`, NUL-terminated. Compare it
/// with the header's `SM_VERSION` to check that the library loaded at run
/// time is the one compiled against.
///
/// Ownership: the string is static; never free it. Thread safety: callable
/// from any thread.
#[no_mangle]
pub extern "C" fn sm_version() -> *const c_char {
    ffi_boundary!({ concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast() })
}
