//! Plain JS objects in and out, in the JSON shape
//! every servicematch surface shares.

use serde::Serialize;
use serde_json::Value;
use servicematch::{Place, Query};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Reads a query from a plain JS object through the engine's one decoder
/// ([`Query::from_json_value`]), so its messages are the engine's.
///
/// The object is first read as JSON would read it (`undefined` fields are
/// absent), so that unknown fields are refused as the engine refuses them:
/// a struct reader from JS (serde-wasm-bindgen's) looks up only the declared
/// fields and would silently ignore a misspelt one.
///
/// # Errors
/// A `JsError` with the engine's message (`query field limit: invalid
/// type…`, `client.age 300 is not a plausible age…`), or naming the field
/// whose JS value has no JSON form (`query field text: a function is not a
/// JSON value`, worded as the engine words a field's error).
pub(crate) fn query_from_js(value: JsValue) -> Result<Query, JsError> {
    let json = json_value(&value, &mut String::new()).map_err(|(path, e)| {
        JsError::new(&match path.as_str() {
            "" => format!("query: {e}"),
            _ => format!("query field {path}: {e}"),
        })
    })?;
    Query::from_json_value(json).map_err(|e| JsError::new(&e.to_string()))
}

/// A JS value as the JSON value `JSON.parse(JSON.stringify(value))` would
/// give, except that what JSON would silently turn into `null` or drop (a
/// function, `NaN`, a `bigint`) is an error naming its path.
fn json_value(value: &JsValue, path: &mut String) -> Result<Value, (String, String)> {
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if let Some(number) = value.as_f64() {
        return number_value(number)
            .ok_or_else(|| (path.clone(), format!("{number} is not a finite number")));
    }
    if let Some(text) = value.as_string() {
        return Ok(Value::String(text));
    }
    if let Some(array) = value.dyn_ref::<js_sys::Array>() {
        let mut items = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            let len = path.len();
            path.push_str(&format!("[{i}]"));
            items.push(json_value(&item, path)?);
            path.truncate(len);
        }
        return Ok(Value::Array(items));
    }
    if value.is_object() && !value.is_function() {
        let mut map = serde_json::Map::new();
        for entry in js_sys::Object::entries(value.unchecked_ref()).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let item = entry.get(1);
            if item.is_undefined() {
                continue;
            }
            let key = entry.get(0).as_string().unwrap_or_default();
            let len = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(&key);
            let item = json_value(&item, path)?;
            path.truncate(len);
            map.insert(key, item);
        }
        return Ok(Value::Object(map));
    }
    let kind = value.js_typeof().as_string().unwrap_or_default();
    Err((path.clone(), format!("a {kind} is not a JSON value")))
}

/// A JS number as JSON: whole numbers as integers (so that they read as
/// `usize`, `u8`…), others as floats; `None` for `NaN` and infinities.
fn number_value(number: f64) -> Option<Value> {
    const SAFE: f64 = 9_007_199_254_740_991.0; // 2^53 - 1
    if number.fract() == 0.0 && number.abs() <= SAFE {
        return Some(if number >= 0.0 {
            Value::from(number as u64)
        } else {
            Value::from(number as i64)
        });
    }
    serde_json::Number::from_f64(number).map(Value::Number)
}

/// Turns a result into a plain JS object as `JSON.parse` would give it:
/// `null` for absent values, objects for maps.
///
/// It is written as JSON text in Rust and read by the JS engine's
/// `JSON.parse`: one crossing into JS instead of one per field, and no
/// serializer of its own in the module (3.7 KB gzipped less than
/// serde-wasm-bindgen's, measured 2026-12-07).
///
/// # Errors
/// Only if a value has no JSON form; not expected.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("a result is not valid JSON"))
}

/// [`Place`] in its JS shape.
#[derive(Serialize)]
pub(crate) struct PlaceJs {
    lat: f64,
    lon: f64,
    name: String,
}

impl From<Place> for PlaceJs {
    fn from(place: Place) -> PlaceJs {
        PlaceJs {
            lat: place.lat,
            lon: place.lon,
            name: place.name,
        }
    }
}

/// Handout options, read from `{lang, format, help_line}`.
pub(crate) struct HandoutOptions {
    pub lang: servicematch::handout::Lang,
    pub html: bool,
    pub help_line: Option<String>,
}

/// Reads handout options (`undefined` or `null`: the defaults).
///
/// # Errors
/// A `JsError` naming an unknown field, a language other than English or
/// French, or a format other than "text" and "html".
pub(crate) fn handout_options(value: Option<JsValue>) -> Result<HandoutOptions, JsError> {
    let mut options = HandoutOptions {
        lang: servicematch::handout::Lang::En,
        html: false,
        help_line: None,
    };
    let Some(value) = value else {
        return Ok(options);
    };
    let json = json_value(&value, &mut String::new())
        .map_err(|(path, e)| JsError::new(&format!("handout options {path}: {e}")))?;
    let map = match json {
        Value::Null => return Ok(options),
        Value::Object(map) => map,
        other => {
            return Err(JsError::new(&format!(
                "handout options: {other} is not an object"
            )))
        }
    };
    for (key, value) in map {
        let text = match &value {
            Value::Null => continue,
            Value::String(text) => text.clone(),
            other => {
                return Err(JsError::new(&format!(
                    "handout option {key}: {other} is not a string"
                )))
            }
        };
        match key.as_str() {
            "lang" => {
                options.lang = servicematch::handout::Lang::parse(&text).ok_or_else(|| {
                    JsError::new(&format!("handout option lang: {text:?} is not en or fr"))
                })?
            }
            "format" => {
                options.html = match text.as_str() {
                    "html" => true,
                    "text" => false,
                    _ => {
                        return Err(JsError::new(&format!(
                            "handout option format: {text:?} is not \"text\" or \"html\""
                        )))
                    }
                }
            }
            "help_line" => options.help_line = Some(text),
            _ => {
                return Err(JsError::new(&format!(
                    "handout options: unknown field {key:?} (expected lang, format, help_line)"
                )))
            }
        }
    }
    Ok(options)
}
