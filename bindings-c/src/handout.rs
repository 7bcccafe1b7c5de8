//! [`sm_handout`]: a printable referral handout for chosen services.

use std::ffi::c_char;

use engine::handout::{Handout, Lang};

use crate::args::{free_arg, mut_arg, out_arg, ref_arg, str_arg};
use crate::boundary::{Failure, FfiResult};
use crate::error::sm_error;
use crate::index::sm_index;
use crate::status::sm_status;
use crate::strings::owned_json;

/// What a referral handout lists and how: service ids in order, language,
/// help line. A builder: made by `sm_handout_new`, filled with setters,
/// rendered with `sm_handout_render`, freed with `sm_handout_free`.
/// Thread safety: one writer at a time; rendering from several threads at
/// once is safe.
pub struct sm_handout {
    ids: Vec<String>,
    lang: Lang,
    help_line: Option<String>,
}

/// What `sm_handout_render` writes. Passed as an integer, so that any
/// value, even one from a newer header, is safe (`SM_INVALID_ARGUMENT`).
#[repr(C)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum sm_handout_format {
    /// Plain UTF-8 text, lines wrapped at about 78 characters.
    Text = 0,
    /// One self-contained HTML page (no scripts, no outside resources) with
    /// print styles.
    Html = 1,
}

/// A new, empty handout in English, with the default help line (211). Free
/// it with `sm_handout_free`. Returns NULL only if memory runs out.
#[no_mangle]
pub extern "C" fn sm_handout_new() -> *mut sm_handout {
    ffi_boundary!({
        Box::into_raw(Box::new(sm_handout {
            ids: Vec::new(),
            lang: Lang::En,
            help_line: None,
        }))
    })
}

/// Adds a service to the handout by its publisher's id (`len` bytes of
/// UTF-8, the id `sm_results_id` gives); services are listed in the order
/// added. The id is checked against the index when rendering.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT` or `SM_INVALID_UTF8`.
///
/// # Safety
/// `handout` is NULL or a live handout not used by another thread during
/// the call; `id` is NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_handout_add_service(
    handout: *mut sm_handout,
    id: *const c_char,
    len: usize,
) -> sm_status {
    ffi_boundary!({
        // SAFETY: by this function's contract both are NULL or valid.
        let (handout, id) = unsafe { (mut_arg(handout, "handout")?, str_arg(id, len, "id")?) };
        handout.ids.push(id.to_owned());
        Ok(())
    })
}

/// Sets the handout's language: "en" or "fr" (also "fr-CA", "English",
/// "français"…; `len` bytes of UTF-8). English by default.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT`, `SM_INVALID_UTF8` or
/// `SM_INVALID_ARGUMENT` (another language; the handout is unchanged).
///
/// # Safety
/// `handout` is NULL or a live handout not used by another thread during
/// the call; `lang` is NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_handout_set_language(
    handout: *mut sm_handout,
    lang: *const c_char,
    len: usize,
) -> sm_status {
    ffi_boundary!({
        // SAFETY: by this function's contract both are NULL or valid.
        let (handout, text) =
            unsafe { (mut_arg(handout, "handout")?, str_arg(lang, len, "lang")?) };
        handout.lang = Lang::parse(text).ok_or_else(|| {
            Failure::new(
                sm_status::SM_INVALID_ARGUMENT,
                format!("{text:?} is not a handout language (en or fr)"),
            )
        })?;
        Ok(())
    })
}

/// Sets the sentence at the foot of the handout that gives the directory's
/// help line (`len` bytes of UTF-8, in the handout's language). The default
/// names 211; an empty string restores it.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT` or `SM_INVALID_UTF8`.
///
/// # Safety
/// `handout` is NULL or a live handout not used by another thread during
/// the call; `text` is NULL or valid for reads of `len` bytes.
#[no_mangle]
pub unsafe extern "C" fn sm_handout_set_help_line(
    handout: *mut sm_handout,
    text: *const c_char,
    len: usize,
) -> sm_status {
    ffi_boundary!({
        // SAFETY: by this function's contract both are NULL or valid.
        let (handout, text) =
            unsafe { (mut_arg(handout, "handout")?, str_arg(text, len, "text")?) };
        handout.help_line = Some(text.to_owned()).filter(|t| !t.trim().is_empty());
        Ok(())
    })
}

/// Writes the handout for the services of `index` it names: one block per
/// service with how to reach it (address, phone, hours, how to get the
/// service, what to bring, cost, languages, accessibility, who it is for,
/// the date the directory last verified it), the help line, and the
/// directory's name and update date. The same page as the CLI's
/// `servicematch handout ID… [--lang fr] [--html]`.
///
/// Ownership: on success `*out` receives a NUL-terminated UTF-8 string that
/// the caller owns and frees with `sm_string_free`; on failure `*out` is
/// untouched.
///
/// Returns `SM_OK`, `SM_NULL_ARGUMENT`, `SM_INVALID_ARGUMENT` (`format` is
/// not an `sm_handout_format`), `SM_NOT_FOUND` (an id is not in the index;
/// `err` names it) or `SM_CORRUPT_INDEX`. Thread safety: callable on a
/// shared index from any thread.
///
/// # Safety
/// `index` and `handout` are NULL or live handles (the handout not being
/// changed during the call); `out` is NULL or writable; `err` is NULL or
/// points to a writable `sm_error *`.
#[no_mangle]
pub unsafe extern "C" fn sm_handout_render(
    index: *const sm_index,
    handout: *const sm_handout,
    format: std::ffi::c_uint,
    out: *mut *mut c_char,
    err: *mut *mut sm_error,
) -> sm_status {
    ffi_boundary!(err, {
        // SAFETY: by this function's contract both are NULL or live.
        let (index, handout) = unsafe { (ref_arg(index, "index")?, ref_arg(handout, "handout")?) };
        let out = out_arg(out, "out")?;
        let html = match format {
            f if f == sm_handout_format::Text as std::ffi::c_uint => false,
            f if f == sm_handout_format::Html as std::ffi::c_uint => true,
            f => {
                return Err(Failure::new(
                    sm_status::SM_INVALID_ARGUMENT,
                    format!("format {f} is not an sm_handout_format"),
                ))
            }
        };
        // A NUL in the directory's text would end the C string early: drop it.
        let page = owned_json(render(index, handout, html)?.replace('\0', ""))?;
        // SAFETY: `out` is not NULL and, by this function's contract, writable.
        unsafe { out.write(page) };
        Ok(())
    })
}

fn render(index: &sm_index, handout: &sm_handout, html: bool) -> FfiResult<String> {
    let mut page = Handout::new(handout.lang).directory(index.index.meta());
    if let Some(help_line) = &handout.help_line {
        page = page.help_line(help_line.as_str());
    }
    for id in &handout.ids {
        let service = index
            .index
            .service_by_id(id)?
            .ok_or_else(|| crate::fhir::not_found(id))?;
        page = page.service(service);
    }
    Ok(if html { page.html() } else { page.text() })
}

/// Frees a handout. NULL does nothing.
///
/// # Safety
/// `handout` is NULL or a handout from this library not yet freed; it must
/// not be used afterwards.
#[no_mangle]
pub unsafe extern "C" fn sm_handout_free(handout: *mut sm_handout) {
    ffi_boundary!({
        // SAFETY: passed on from this function's contract.
        unsafe { free_arg(handout) }
    })
}
