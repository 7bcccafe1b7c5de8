//! The one decoder of the query's JSON shape, for every surface: the CLI's
//! `--query-json`, C's `sm_query_from_json` and `sm_search_json`, and the
//! WebAssembly module (whose JS objects arrive as JSON values).

use serde_json::Value;

use super::Query;
use crate::error::{Error, Result};

impl Query {
    /// Reads a query from its JSON shape and validates it.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidQuery`](crate::ErrorKind::InvalidQuery): for more
    /// than [`MAX_QUERY_JSON_LEN`](super::MAX_QUERY_JSON_LEN) bytes, `query: N
    /// bytes of JSON, at most 65536`; for text that is not JSON, `query: ` and where it stops being JSON; for a field
    /// of the wrong type or unknown, `query field PATH: ` and why; for an
    /// impossible value, [`Query::validate`]'s message.
    ///
    /// # Example
    /// ```
    /// use servicematch::Query;
    /// let query = Query::from_json(r#"{"text": "food bank", "near": "P3E 2C6"}"#)?;
    /// assert_eq!(query.text.as_deref(), Some("food bank"));
    /// let err = Query::from_json(r#"{"limit": "ten"}"#).unwrap_err();
    /// assert_eq!(err.to_string(), r#"query field limit: invalid type: string "ten", expected usize"#);
    /// # Ok::<(), servicematch::Error>(())
    /// ```
    pub fn from_json(json: &str) -> Result<Query> {
        if json.len() > super::MAX_QUERY_JSON_LEN {
            return Err(Error::invalid_query(format!(
                "query: {} bytes of JSON, at most {}",
                json.len(),
                super::MAX_QUERY_JSON_LEN
            )));
        }
        let value: Value =
            serde_json::from_str(json).map_err(|e| Error::invalid_query(format!("query: {e}")))?;
        Query::from_json_value(value)
    }

    /// Reads a query from a JSON value (as a binding builds it from its own
    /// objects) and validates it.
    ///
    /// # Errors
    /// As [`Query::from_json`].
    pub fn from_json_value(value: Value) -> Result<Query> {
        let query: Query = serde_path_to_error::deserialize(value).map_err(|e| {
            let path = e.path().to_string();
            let inner = e.into_inner();
            match path.as_str() {
                "" | "." => Error::invalid_query(format!("query: {inner}")),
                _ => Error::invalid_query(format!("query field {path}: {inner}")),
            }
        })?;
        query.validate()?;
        Ok(query)
    }
}
