//! Plain JS objects in and out, through serde-wasm-bindgen, in the JSON shape
//! every servicematch surface shares.

use serde::Serialize;
use servicematch::{Place, Query};
use wasm_bindgen::prelude::*;

/// Reads a query from a plain JS object and validates it.
///
/// # Errors
/// A `JsError` naming the field at fault (`query field limit: invalid type…`)
/// or the core's validation message (`client.age 300 is not a plausible age…`).
pub(crate) fn query_from_js(value: JsValue) -> Result<Query, JsError> {
    let deserializer = serde_wasm_bindgen::Deserializer::from(value);
    let query: Query = serde_path_to_error::deserialize(deserializer).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        if path == "." || path.is_empty() {
            JsError::new(&format!("query: {inner}"))
        } else {
            JsError::new(&format!("query field {path}: {inner}"))
        }
    })?;
    query.validate().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(query)
}

/// Turns a result into a plain JS object as `JSON.parse` would give it:
/// `null` for absent values, objects for maps.
///
/// # Errors
/// Only if a value has no JS form (a number beyond 2^53); not expected.
pub(crate) fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&e.to_string()))
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
