//! Where `ServiceIndex.load` gets the index bytes: an array, a buffer, a fetch
//! `Response`, or a URL fetched with the global `fetch`.

use js_sys::{ArrayBuffer, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// A fetch `Response`: only what loading reads of it.
    type Response;

    #[wasm_bindgen(method, getter)]
    fn ok(this: &Response) -> bool;

    #[wasm_bindgen(method, getter)]
    fn status(this: &Response) -> u16;

    #[wasm_bindgen(method, getter)]
    fn url(this: &Response) -> String;

    #[wasm_bindgen(method, catch, js_name = arrayBuffer)]
    fn array_buffer(this: &Response) -> Result<Promise, JsValue>;

    /// The global `fetch` (browsers, Web Workers, node 18 and later).
    #[wasm_bindgen(catch, js_name = fetch)]
    fn fetch(input: &JsValue) -> Result<Promise, JsValue>;
}

/// The bytes of `source`, downloaded first if it is a URL.
///
/// # Errors
/// A `JsError` naming the URL for a failed download or an HTTP error status,
/// or saying what was passed when it is none of the accepted kinds.
pub(crate) async fn bytes(source: JsValue) -> Result<Vec<u8>, JsError> {
    if let Some(array) = source.dyn_ref::<Uint8Array>() {
        return Ok(array.to_vec());
    }
    if let Some(buffer) = source.dyn_ref::<ArrayBuffer>() {
        return Ok(Uint8Array::new(buffer).to_vec());
    }
    if is_response(&source) {
        return response_bytes(source.unchecked_into(), None).await;
    }
    if source.is_string() || is_url(&source) {
        let url = source
            .as_string()
            .or_else(|| {
                js_sys::Reflect::get(&source, &"href".into())
                    .ok()?
                    .as_string()
            })
            .unwrap_or_default();
        let response = fetch(&source).map_err(|e| download_error(&url, &e))?;
        let response = JsFuture::from(response)
            .await
            .map_err(|e| download_error(&url, &e))?;
        return response_bytes(response.unchecked_into(), Some(url)).await;
    }
    Err(JsError::new(&format!(
        "ServiceIndex.load: expected a Uint8Array, an ArrayBuffer, a Response or a URL, got {}",
        describe(&source)
    )))
}

async fn response_bytes(response: Response, url: Option<String>) -> Result<Vec<u8>, JsError> {
    let url = url.unwrap_or_else(|| response.url());
    if !response.ok() {
        return Err(JsError::new(&format!(
            "cannot download {url}: HTTP status {}",
            response.status()
        )));
    }
    let body = response
        .array_buffer()
        .map_err(|e| download_error(&url, &e))?;
    let body = JsFuture::from(body)
        .await
        .map_err(|e| download_error(&url, &e))?;
    Ok(Uint8Array::new(&body).to_vec())
}

/// A `Response` or anything shaped like one (a polyfill's, node's undici).
fn is_response(value: &JsValue) -> bool {
    value.is_object()
        && js_sys::Reflect::get(value, &"arrayBuffer".into()).is_ok_and(|f| f.is_function())
        && js_sys::Reflect::get(value, &"ok".into()).is_ok_and(|ok| ok.as_bool().is_some())
}

/// A `URL` object (anything with a string `href`).
fn is_url(value: &JsValue) -> bool {
    value.is_object() && js_sys::Reflect::get(value, &"href".into()).is_ok_and(|h| h.is_string())
}

fn download_error(url: &str, cause: &JsValue) -> JsError {
    let cause = match cause.dyn_ref::<js_sys::Error>() {
        Some(error) => String::from(error.message()),
        None => describe(cause),
    };
    JsError::new(&format!("cannot download {url}: {cause}"))
}

/// A short description of a JS value for an error message.
fn describe(value: &JsValue) -> String {
    if value.is_null() {
        "null".into()
    } else if value.is_undefined() {
        "undefined".into()
    } else if let Some(text) = value.as_string() {
        format!("the string \"{text}\"")
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}
