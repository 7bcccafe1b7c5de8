//! Gazetteer CSV files: postal codes and place names with their points, for
//! [`IndexBuilder::add_gazetteer`](servicematch::IndexBuilder::add_gazetteer).
//!
//! A header names `latitude` (or `lat`) and `longitude` (`lon`, `lng`), and a
//! `postal_code` (`fsa`, `postcode`, `zip`) or `place_name` (`place`, `city`)
//! column, optionally `province` (`state`, `admin_name1`). GeoNames' postal
//! code tables have this shape.

use std::path::Path;

use servicematch::GazetteerEntry;

use crate::error::{Error, Result};

/// Reads a gazetteer CSV file.
///
/// # Errors
/// [`ErrorKind::Io`](crate::ErrorKind::Io) when the file cannot be read;
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the
/// file and row of a malformed line or a point that is not on Earth.
pub fn read_path(path: &Path) -> Result<Vec<GazetteerEntry>> {
    let text =
        std::fs::read_to_string(path).map_err(|e| Error::io(path, "cannot read gazetteer", e))?;
    read(&path.display().to_string(), &text)
}

/// Reads gazetteer CSV `text`; `name` names it in errors.
///
/// # Errors
/// As [`read_path`].
pub fn read(name: &str, text: &str) -> Result<Vec<GazetteerEntry>> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| {
            Error::invalid_input(format!("{name}: cannot read the header")).with_source(e)
        })?
        .clone();
    let column = |wanted: &[&str]| {
        headers
            .iter()
            .position(|h| wanted.contains(&h.trim().to_lowercase().as_str()))
    };
    let code = column(&["postal_code", "fsa", "postcode", "zip"]);
    let lat = column(&["latitude", "lat"]);
    let lon = column(&["longitude", "lon", "lng"]);
    let place = column(&["place_name", "place", "city"]);
    let province = column(&["province", "state", "admin_name1"]);
    let (Some(lat), Some(lon)) = (lat, lon) else {
        return Err(Error::invalid_input(format!(
            "{name}: a gazetteer needs latitude and longitude columns"
        )));
    };
    if code.is_none() && place.is_none() {
        return Err(Error::invalid_input(format!(
            "{name}: a gazetteer needs a postal_code, fsa or place_name column"
        )));
    }
    let mut entries = Vec::new();
    for (i, record) in reader.records().enumerate() {
        // Row 1 is the header.
        let row = i + 2;
        let record = record.map_err(|e| {
            Error::invalid_input(format!("{name} row {row}: not valid CSV")).with_source(e)
        })?;
        let number = |column: usize, field: &str| -> Result<f64> {
            let text = record.get(column).unwrap_or("").trim();
            text.parse::<f64>().map_err(|_| {
                Error::invalid_input(format!(
                    "{name} row {row}: {field} \"{text}\" is not a number"
                ))
            })
        };
        let (lat, lon) = (number(lat, "latitude")?, number(lon, "longitude")?);
        if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
            return Err(Error::invalid_input(format!(
                "{name} row {row}: ({lat}, {lon}) is not a point on Earth"
            )));
        }
        let field = |column: Option<usize>| {
            column
                .and_then(|c| record.get(c))
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(str::to_owned)
        };
        let entry = GazetteerEntry {
            postal_code: field(code),
            place_name: field(place),
            province: field(province),
            lat,
            lon,
        };
        if entry.postal_code.is_some() || entry.place_name.is_some() {
            entries.push(entry);
        }
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_entries() {
        let entries = read(
            "g.csv",
            "postal_code,place_name,province,latitude,longitude\nP3E 2C6,Sudbury,Ontario,46.49,-80.99\n",
        )
        .unwrap();
        assert_eq!(
            entries,
            [GazetteerEntry {
                postal_code: Some("P3E 2C6".into()),
                place_name: Some("Sudbury".into()),
                province: Some("Ontario".into()),
                lat: 46.49,
                lon: -80.99,
            }]
        );
    }

    #[test]
    fn bad_csv_names_the_row() {
        let err = read(
            "g.csv",
            "fsa,latitude,longitude\nM5V,43.6,-79.4\nM5W,north,-79\n",
        )
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.csv row 3: latitude \"north\" is not a number"
        );
        let err = read("g.csv", "fsa,latitude,longitude\nM5V,93.6,-79.4\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.csv row 2: (93.6, -79.4) is not a point on Earth"
        );
        let err = read("g.csv", "fsa,lat\nM5V,43.6\n").unwrap_err();
        assert_eq!(
            err.to_string(),
            "g.csv: a gazetteer needs latitude and longitude columns"
        );
    }
}
