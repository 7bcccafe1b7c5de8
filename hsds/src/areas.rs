//! Service areas: HSDS 3 `service_areas` (a GeoJSON `extent`), HSDS 1.x
//! `service_areas.csv` (a name), postal code prefixes written out ("P0V,
//! P0T"), and names the build resolves ("Thunder Bay District", "Ontario").

use serde_json::Value;
use servicematch::{AreaPolygon, ServiceArea};

/// The area of one service-area record: its GeoJSON `extent` when
/// `extent_type` is GeoJSON (or unset and the extent reads as GeoJSON),
/// else postal prefixes or a name from `name`. `Ok(None)` when the record
/// says nothing structured (a long description only).
///
/// # Errors
/// Why a GeoJSON extent cannot be read; the caller reports it and keeps the name.
pub(crate) fn area(
    name: Option<&str>,
    extent: Option<&Value>,
    extent_type: Option<&str>,
) -> Result<Option<ServiceArea>, String> {
    let mut area = ServiceArea::default();
    let geojson = extent_type.is_none_or(|t| t.trim().eq_ignore_ascii_case("geojson"));
    let mut error = None;
    if let (Some(extent), true) = (extent, geojson) {
        let parsed = match extent {
            Value::String(text) => serde_json::from_str::<Value>(text).ok(),
            other => Some(other.clone()),
        };
        match parsed.as_ref().map(polygons) {
            Some(Ok(found)) if !found.is_empty() => area.polygons = found,
            Some(Err(reason)) => error = Some(reason),
            _ if extent_type.is_some() => {
                error = Some("extent is not GeoJSON".to_owned());
            }
            _ => {}
        }
    }
    if let Some(name) = name.map(str::trim).filter(|n| !n.is_empty()) {
        let prefixes = postal_prefixes(name);
        if !prefixes.is_empty() {
            area.postal_prefixes = prefixes;
        } else if name.chars().count() <= 60 {
            area.name = Some(name.to_owned());
        }
    }
    if let Some(reason) = error {
        return Err(reason);
    }
    let empty = area.polygons.is_empty() && area.postal_prefixes.is_empty() && area.name.is_none();
    Ok((!empty).then_some(area))
}

/// Postal prefixes when the text is a list of them ("P0V, P0T", "P7A P7B",
/// "33101;33125"); empty otherwise.
pub(crate) fn postal_prefixes(text: &str) -> Vec<String> {
    let tokens: Vec<&str> = text
        .split([',', ';', ' ', '/'])
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .collect();
    let prefix = |t: &str| {
        let t = t.to_ascii_uppercase();
        let b = t.as_bytes();
        let canadian = (1..=3).contains(&b.len())
            && b.iter().enumerate().all(|(i, c)| {
                if i % 2 == 0 {
                    c.is_ascii_uppercase() && !b"DFIOQUWZ".contains(c)
                } else {
                    c.is_ascii_digit()
                }
            })
            && b.len() >= 2;
        let zip = (3..=5).contains(&b.len()) && b.iter().all(u8::is_ascii_digit);
        (canadian || zip).then_some(t)
    };
    let prefixes: Option<Vec<String>> = tokens.iter().map(|t| prefix(t)).collect();
    prefixes.unwrap_or_default()
}

/// The polygons of a GeoJSON geometry, Feature or FeatureCollection.
fn polygons(value: &Value) -> Result<Vec<AreaPolygon>, String> {
    let kind = value.get("type").and_then(Value::as_str).unwrap_or("");
    match kind {
        "Feature" => polygons(value.get("geometry").unwrap_or(&Value::Null)),
        "FeatureCollection" => {
            let mut all = Vec::new();
            for feature in value
                .get("features")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                all.extend(polygons(feature)?);
            }
            Ok(all)
        }
        "Polygon" => Ok(vec![polygon(value.get("coordinates"))?]),
        "MultiPolygon" => value
            .get("coordinates")
            .and_then(Value::as_array)
            .ok_or("MultiPolygon has no coordinates")?
            .iter()
            .map(|p| polygon(Some(p)))
            .collect(),
        "" => Err("extent has no GeoJSON type".into()),
        other => Err(format!("extent is a GeoJSON {other}, not a polygon")),
    }
}

fn polygon(coordinates: Option<&Value>) -> Result<AreaPolygon, String> {
    let rings = coordinates
        .and_then(Value::as_array)
        .ok_or("Polygon has no coordinates")?;
    let mut rings = rings.iter().map(ring);
    let exterior = rings.next().ok_or("Polygon has no ring")??;
    let holes = rings.collect::<Result<Vec<_>, _>>()?;
    Ok(AreaPolygon { exterior, holes })
}

fn ring(value: &Value) -> Result<Vec<(f64, f64)>, String> {
    let points = value.as_array().ok_or("a ring is not a list of points")?;
    let ring: Vec<(f64, f64)> = points
        .iter()
        .map(|p| {
            let lon = p.get(0).and_then(Value::as_f64);
            let lat = p.get(1).and_then(Value::as_f64);
            match (lon, lat) {
                (Some(lon), Some(lat))
                    if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) =>
                {
                    Ok((lon, lat))
                }
                _ => Err(format!("{p} is not a point (longitude, latitude)")),
            }
        })
        .collect::<Result<_, _>>()?;
    if ring.len() < 4 {
        return Err(format!("a ring of {} points is not a polygon", ring.len()));
    }
    Ok(ring)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn geojson_extents() {
        let extent = r#"{"type": "Polygon", "coordinates": [[[-92, 48], [-85, 48], [-85, 51], [-92, 51], [-92, 48]], [[-89.5, 48.2], [-89, 48.2], [-89, 48.6], [-89.5, 48.6], [-89.5, 48.2]]]}"#;
        let district = area(
            Some("Thunder Bay District"),
            Some(&Value::String(extent.into())),
            Some("geojson"),
        )
        .unwrap()
        .unwrap();
        assert_eq!(district.polygons.len(), 1);
        assert_eq!(district.polygons[0].holes.len(), 1);
        assert_eq!(district.name.as_deref(), Some("Thunder Bay District"));
        let multi: Value = serde_json::json!({"type": "Feature", "geometry": {"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]], [[[2, 2], [3, 2], [3, 3], [2, 2]]]]}});
        assert_eq!(
            area(None, Some(&multi), None)
                .unwrap()
                .unwrap()
                .polygons
                .len(),
            2
        );
        let bad = Value::String("extent".into());
        assert!(area(Some("MyCity"), Some(&bad), Some("geojson")).is_err());
        let point = serde_json::json!({"type": "Point", "coordinates": [0, 0]});
        assert!(area(None, Some(&point), Some("geojson")).is_err());
    }

    #[test]
    fn prefixes_and_names() {
        assert_eq!(postal_prefixes("P0V, P0T"), ["P0V", "P0T"]);
        assert_eq!(postal_prefixes("p7a p7b"), ["P7A", "P7B"]);
        assert_eq!(postal_prefixes("33101;33125"), ["33101", "33125"]);
        assert!(postal_prefixes("Thunder Bay District").is_empty());
        let named = area(Some("Sudbury District"), None, None).unwrap().unwrap();
        assert_eq!(named.name.as_deref(), Some("Sudbury District"));
        let long = "The service is available to all residents of the MyCity area. We provide the service in our offices.";
        assert_eq!(area(Some(long), None, None).unwrap(), None);
    }
}
