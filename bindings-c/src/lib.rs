//! The C library of servicematch: `libservicematch.so` / `libservicematch.a`
//! and `include/servicematch.h`, for software that embeds referral lookup in
//! its own process, such as an EMR.
//!
//! Every export is `extern "C"`, prefixed `sm_`, and reads as a verb on an
//! opaque handle:
//!
//! | handle | made by | freed by | threads |
//! |---|---|---|---|
//! | [`sm_index`] | `sm_index_open`, `sm_index_open_len`, `sm_index_open_bytes` | `sm_index_free` | shared by any number of threads |
//! | [`sm_query`] | `sm_query_new`, `sm_query_from_json` | `sm_query_free` | one writer at a time; concurrent `sm_search` with it is fine |
//! | [`sm_results`] | `sm_search` | `sm_results_free` | one thread at a time |
//! | [`sm_handout`] | `sm_handout_new` | `sm_handout_free` | one writer at a time; concurrent `sm_handout_render` is fine |
//! | [`sm_error`] | any export taking `sm_error **err` | `sm_error_free` | one thread at a time |
//!
//! # Conventions
//! - Fallible functions return an [`sm_status`]; `SM_OK` is 0. Values are
//!   explicit and only ever appended. [`sm_status_str`] names one.
//! - Results come back through `T **out` pointers that are written only on
//!   success: on error they are left untouched.
//! - Detail comes through an optional `sm_error **err`: pass NULL to ignore
//!   it, or the address of a NULL `sm_error *` that receives a new error on
//!   failure (free it with [`sm_error_free`]). Nothing is kept per thread.
//! - Strings in are `(const char *ptr, size_t len)` and must be UTF-8
//!   (`SM_INVALID_UTF8` otherwise); the pointer must not be NULL even when
//!   `len` is 0. Paths also have a NUL-terminated variant.
//! - Strings out are `(const char **ptr, size_t *len)`, UTF-8, **not**
//!   NUL-terminated, borrowed from the handle they came from and valid until
//!   that handle is freed. The two exceptions are documented where they
//!   occur: JSON strings from `sm_search_json`, `sm_query_to_json`,
//!   `sm_index_service_json`, `sm_results_to_fhir_json` and
//!   `sm_index_service_fhir_json`, and pages from `sm_handout_render`,
//!   which the caller owns and frees with
//!   [`sm_string_free`], and the static or
//!   error-owned C strings of [`sm_version`], [`sm_status_str`] and
//!   [`sm_error_message`].
//! - Every pointer argument is checked (`SM_NULL_ARGUMENT`); `*_free(NULL)`
//!   does nothing. No memory is handed to the caller's `free()`.
//! - A panic inside the library is caught at the boundary and returned as
//!   `SM_PANIC`; it never unwinds into C and never aborts the host process.
//!   For that reason this crate refuses to build with `panic = "abort"`.
//!
//! # Example (C)
//! ```c
//! #include <stdio.h>
//! #include <string.h>
//! #include "servicematch.h"
//!
//! sm_index *index = NULL;
//! sm_error *err = NULL;
//! if (sm_index_open("directory.smx", &index, &err) != SM_OK) {
//!     fprintf(stderr, "%s\n", sm_error_message(err));
//!     sm_error_free(err);
//!     return 1;
//! }
//! sm_query *query = sm_query_new();
//! sm_query_set_text(query, "food bank", strlen("food bank"));
//! sm_query_set_near_text(query, "P3E 2C6", strlen("P3E 2C6"));
//! sm_query_set_client_age(query, 72);
//! sm_query_add_language(query, "fr", 2);
//! sm_results *results = NULL;
//! if (sm_search(index, query, &results, &err) == SM_OK) {
//!     for (size_t i = 0; i < sm_results_len(results); i++) {
//!         const char *name; size_t len;
//!         sm_results_name(results, i, &name, &len);
//!         printf("%.*s\n", (int)len, name);
//!     }
//! }
//! sm_results_free(results);
//! sm_query_free(query);
//! sm_index_free(index);
//! ```
//!
//! # Performance
//! The boundary adds a pointer check, a panic guard and one heap allocation
//! (the results handle) to [`Index::search`](engine::Index::search); strings
//! are borrowed, never copied. `benches/ffi.rs` measures the difference.

#![deny(missing_docs)]
#![deny(unsafe_op_in_unsafe_fn)]
#![allow(non_camel_case_types)]

#[cfg(panic = "abort")]
compile_error!(
    "servicematch-c must be built with panic = \"unwind\": it turns panics into SM_PANIC \
     instead of aborting the host process"
);

// The boundary every export runs inside, and argument checks.
#[macro_use]
mod boundary;
mod args;

// The exports, in the order the header lists them.
mod version;

mod status;

mod error;

mod strings;

mod index;

mod query;

mod search;

mod results;

mod fhir;

mod handout;

pub use error::{sm_error, sm_error_free, sm_error_message, sm_error_status};
pub use fhir::{sm_index_service_fhir_json, sm_results_to_fhir_json};
pub use handout::{
    sm_handout, sm_handout_add_service, sm_handout_format, sm_handout_free, sm_handout_new,
    sm_handout_render, sm_handout_set_help_line, sm_handout_set_language,
};
pub use index::{
    sm_index, sm_index_free, sm_index_info_json, sm_index_open, sm_index_open_bytes,
    sm_index_open_len, sm_index_service_json, sm_index_verify,
};
pub use query::*;
pub use results::*;
pub use search::{sm_search, sm_search_json};
pub use status::{sm_status, sm_status_str};
pub use strings::sm_string_free;
pub use version::{sm_version, SM_MAX_AGE, SM_MAX_LIMIT, SM_MAX_RADIUS_KM};

/// Compile-time checks of the thread-safety promises in the header.
const _: () = {
    const fn send_sync<T: Send + Sync>() {}
    const fn send<T: Send>() {}
    send_sync::<sm_index>();
    // Queries and results are read concurrently by `sm_search` and the
    // getters (`const` pointers); only writing and freeing need one owner.
    send_sync::<sm_query>();
    send_sync::<sm_results>();
    send_sync::<sm_handout>();
    send::<sm_error>();
};
