//! servicematch in the browser and in node: WebAssembly bindings.
//!
//! This crate is the npm package `servicematch`: a thin [wasm-bindgen] layer
//! over the [`servicematch`] core. A page (or a Web Worker, or node) loads one
//! index file, then searches it offline; nothing about the person searching
//! leaves the page.
//!
//! ```js
//! import init, { ServiceIndex } from "servicematch";
//! await init();
//! const index = await ServiceIndex.load("/directory.smx");
//! const results = index.search({ text: "food bank", near: "P3E 2C6", languages: ["fr"] });
//! console.log(results.hits[0].name);
//! index.free();
//! ```
//!
//! Queries go in and results come out as plain JS objects in the JSON shape
//! every servicematch surface shares (see `Query` and `Results` in the
//! TypeScript types, and [`servicematch::Query`], [`servicematch::Results`]).
//! Errors are thrown as JS `Error`s whose message is the core's message, which
//! names the field and value at fault.
//!
//! # Crate features
//! - `console_error_panic_hook` (default): print Rust panics (bugs) to the JS
//!   console with their message instead of a bare `RuntimeError: unreachable`.
//!
//! # Performance
//! The index bytes are copied once into WebAssembly memory and then read in
//! place: loading does not decode the index. Searches run the same code as
//! native builds; `bindings-wasm/bench/` compares the two.
//!
//! [wasm-bindgen]: https://github.com/rustwasm/wasm-bindgen

#![deny(missing_docs)]

mod convert;
mod source;

use servicematch::Index;
use wasm_bindgen::prelude::*;

use crate::convert::{query_from_js, to_js};

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = include_str!("types.d.ts");

#[wasm_bindgen]
extern "C" {
    /// A query as a plain JS object (`Query` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "Query")]
    pub type JsQuery;

    /// Search results as a plain JS object (`Results` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "Results")]
    pub type JsResults;

    /// An index summary as a plain JS object (`IndexInfo` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "IndexInfo")]
    pub type JsIndexInfo;

    /// A service record as a plain JS object (`Service` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "Service | undefined")]
    pub type JsService;

    /// A gazetteer entry as a plain JS object (`Place` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "Place | undefined")]
    pub type JsPlace;

    /// A FHIR R4 Bundle as a plain JS object (`FhirBundle` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "FhirBundle")]
    pub type JsFhirBundle;

    /// A FHIR R4 Bundle, or `undefined` (`FhirBundle | undefined`).
    #[wasm_bindgen(typescript_type = "FhirBundle | undefined")]
    pub type JsMaybeFhirBundle;

    /// Handout options as a plain JS object (`HandoutOptions` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "HandoutOptions | undefined")]
    pub type JsHandoutOptions;

    /// What [`ServiceIndex::load`] accepts (`IndexSource` in the TypeScript types).
    #[wasm_bindgen(typescript_type = "IndexSource")]
    pub type JsIndexSource;
}

/// An opened index, held in WebAssembly memory.
///
/// Create one with `new ServiceIndex(bytes)` or `await ServiceIndex.load(bytesOrUrl)`;
/// release its memory with `free()` when done (or let it be collected: the
/// class is registered with a `FinalizationRegistry`).
#[wasm_bindgen]
pub struct ServiceIndex {
    index: Index,
}

#[wasm_bindgen]
impl ServiceIndex {
    /// Opens an index from the bytes of a `.smx` file. The bytes are copied
    /// once into WebAssembly memory; the caller's array is not kept.
    ///
    /// # Errors
    /// Throws an `Error` when the bytes are not a servicematch index, are in
    /// a format version this package does not read (newer, or older: rebuild
    /// the index), or are truncated or corrupt.
    #[wasm_bindgen(constructor)]
    pub fn new(bytes: Box<[u8]>) -> Result<ServiceIndex, JsError> {
        set_panic_hook();
        let index = Index::from_bytes(bytes).map_err(error)?;
        Ok(ServiceIndex { index })
    }

    /// Opens an index from a `Uint8Array`, an `ArrayBuffer`, a fetch
    /// `Response`, or a URL (a string or `URL`, fetched with the global
    /// `fetch`, so relative URLs resolve against the page).
    ///
    /// # Errors
    /// Rejects with an `Error` when the download fails (naming the URL and the
    /// HTTP status) or the bytes are not a usable index.
    pub async fn load(source: JsIndexSource) -> Result<ServiceIndex, JsError> {
        let bytes = source::bytes(source.into()).await?;
        ServiceIndex::new(bytes.into_boxed_slice())
    }

    /// Finds the services that best match `query`, best first.
    ///
    /// `query` is a plain object in the shared query shape, for example
    /// `{text: "food bank", near: "P3E 2C6", client: {age: 72}, languages: ["fr"]}`.
    ///
    /// # Errors
    /// Throws an `Error` naming the field and value at fault for a malformed
    /// query (an unknown field, a wrong type, a value out of range, an option
    /// not supported yet), or a `near` place that the index's gazetteer
    /// does not know.
    ///
    /// `open_now` and hits' `open_now` read the host's clock (`Date.now()`).
    pub fn search(&self, query: JsQuery) -> Result<JsResults, JsError> {
        let query = query_from_js(query.into())?;
        let now = (js_sys::Date::now() / 1000.0).floor() as i64;
        let results = self.index.search_at(&query, now).map_err(error)?;
        Ok(to_js(&results)?.unchecked_into())
    }

    /// A summary of the index: format version, size, counts, metadata
    /// (dataset name, build time, attribution) and sections.
    pub fn info(&self) -> Result<JsIndexInfo, JsError> {
        Ok(to_js(&self.index.info())?.unchecked_into())
    }

    /// The full record of the service whose id is `id` (description, all
    /// locations, hours, eligibility, how to apply…), for a result's details:
    /// `undefined` when the index has no such service.
    ///
    /// # Errors
    /// Throws an `Error` if the record is corrupt.
    pub fn service(&self, id: &str) -> Result<JsService, JsError> {
        match self.index.service_by_id(id).map_err(error)? {
            Some(service) => Ok(to_js(&service)?.unchecked_into()),
            None => Ok(JsValue::UNDEFINED.unchecked_into()),
        }
    }

    /// Searches as [`search`](Self::search) does and gives the results as a
    /// FHIR R4 `searchset` Bundle: one `HealthcareService` per hit, best
    /// first, its `Organization` and `Location`s contained (what an EMR stores
    /// and attaches to a referral).
    ///
    /// # Errors
    /// As `search`.
    #[wasm_bindgen(js_name = searchFhir)]
    pub fn search_fhir(&self, query: JsQuery) -> Result<JsFhirBundle, JsError> {
        let query = query_from_js(query.into())?;
        let results = self.index.search(&query).map_err(error)?;
        let bundle = servicematch::fhir::searchset(&self.index, &results).map_err(error)?;
        Ok(to_js(&bundle)?.unchecked_into())
    }

    /// The service whose id is `id` as a FHIR R4 `collection` Bundle holding
    /// its `HealthcareService`: `undefined` when the index has no such service.
    ///
    /// # Errors
    /// Throws an `Error` if the record is corrupt.
    #[wasm_bindgen(js_name = serviceFhir)]
    pub fn service_fhir(&self, id: &str) -> Result<JsMaybeFhirBundle, JsError> {
        match self.index.service_by_id(id).map_err(error)? {
            Some(service) => {
                let bundle = servicematch::fhir::collection(std::slice::from_ref(&service));
                Ok(to_js(&bundle)?.unchecked_into())
            }
            None => Ok(JsValue::UNDEFINED.unchecked_into()),
        }
    }

    /// A printable referral handout for the services whose ids are `ids`, in
    /// that order: how to reach each one (address, phone, hours, how to get
    /// the service, what to bring, cost, languages, accessibility, who it is
    /// for, when it was last verified), then the help line. `options`:
    /// `{lang: "en" | "fr", format: "text" | "html", help_line: string}`
    /// (default English text, the 211 help line). HTML is one
    /// self-contained page with print styles.
    ///
    /// # Errors
    /// Throws an `Error` naming an id the index does not have, a language
    /// other than English or French, or an unknown option.
    pub fn handout(
        &self,
        ids: Vec<String>,
        options: Option<JsHandoutOptions>,
    ) -> Result<String, JsError> {
        let options = convert::handout_options(options.map(Into::into))?;
        let mut handout =
            servicematch::handout::Handout::new(options.lang).directory(self.index.meta());
        if let Some(help_line) = options.help_line {
            handout = handout.help_line(help_line);
        }
        for id in &ids {
            let service = self
                .index
                .service_by_id(id)
                .map_err(error)?
                .ok_or_else(|| JsError::new(&format!("no service with id {id:?} in the index")))?;
            handout = handout.service(service);
        }
        Ok(if options.html {
            handout.html()
        } else {
            handout.text()
        })
    }

    /// Looks up a postal code ("P3E 2C6"), forward sortation area ("P3E") or
    /// place name ("Sudbury") in the index's gazetteer: `undefined` when it is
    /// not there. A page can check what a person typed before searching.
    ///
    /// # Errors
    /// Throws an `Error` if the gazetteer section is corrupt.
    pub fn locate(&self, place: &str) -> Result<JsPlace, JsError> {
        match self.index.locate(place) {
            Ok(place) => Ok(to_js(&convert::PlaceJs::from(place))?.unchecked_into()),
            Err(e) if e.kind() == servicematch::ErrorKind::UnknownPlace => {
                Ok(JsValue::UNDEFINED.unchecked_into())
            }
            Err(e) => Err(error(e)),
        }
    }

    /// Checks every section's checksum, reading the whole file (a few
    /// milliseconds per megabyte). Loading checks only the header and the
    /// small sections; call this once after a download when the file may be
    /// damaged, since searching a damaged file can fail in ways that make the
    /// WebAssembly instance unusable.
    ///
    /// # Errors
    /// Throws an `Error` naming the first section whose checksum does not match.
    pub fn verify(&self) -> Result<(), JsError> {
        self.index.verify().map_err(error)
    }

    /// Number of services in the index.
    #[wasm_bindgen(getter)]
    pub fn services(&self) -> usize {
        self.index.len()
    }
}

/// The version of the servicematch package (the crate version).
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_owned()
}

/// A core error as a thrown JS `Error` carrying the core's message.
fn error(e: servicematch::Error) -> JsError {
    JsError::new(&e.to_string())
}

fn set_panic_hook() {
    #[cfg(feature = "console_error_panic_hook")]
    console_error_panic_hook::set_once();
}
