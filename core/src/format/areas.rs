//! The areas section: where each service serves people (polygons and postal
//! code prefixes), and the test of whether one serves a caller's point.
//!
//! Section layout:
//!
//! ```text
//! u64 services, then (services + 1) × u32: where each service's areas start
//! blob, per service (empty when it declares no area):
//!     u16 name length, name (UTF-8: the first named area, for people),
//!     u16 polygons, per polygon: 4 × f64 bounding box (min lon, min lat,
//!         max lon, max lat), u16 rings (exterior first), per ring:
//!         u32 points, points × (f64 lon, f64 lat)
//!     u16 prefixes, per prefix: u8 length, bytes (uppercase, no spaces)
//! ```
//!
//! Containment: a service's polygons' bounding boxes first, then an exact
//! point-in-polygon test (even-odd ray casting, read in place; a point on
//! an edge is inside, in a hole is out); prefixes against the caller's
//! postal code or nearest area. (Written here rather than with `geo`'s
//! polygons, whose generic algorithms cost the WebAssembly module tens of
//! kilobytes for this one test.)

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::format::per_service::{self, floor_char_boundary, PerService};
use crate::format::{Reader, Section};
use crate::model::Service;

/// Writes the areas section.
pub(crate) fn write(services: &[Service]) -> Vec<u8> {
    per_service::write(services, |service, blob| {
        let polygons: Vec<_> = service
            .service_areas
            .iter()
            .flat_map(|a| &a.polygons)
            .filter(|p| p.exterior.len() >= 3)
            .take(u16::MAX as usize)
            .collect();
        let mut prefixes: Vec<String> = service
            .service_areas
            .iter()
            .flat_map(|a| &a.postal_prefixes)
            .map(|p| prefix_key(p))
            .filter(|p| !p.is_empty() && p.len() <= 16)
            .collect();
        prefixes.sort();
        prefixes.dedup();
        prefixes.truncate(u16::MAX as usize);
        if polygons.is_empty() && prefixes.is_empty() {
            return;
        }
        let name = service
            .service_areas
            .iter()
            .find_map(|a| a.name.as_deref())
            .unwrap_or("");
        let name = &name[..floor_char_boundary(name, 1000)];
        blob.extend_from_slice(&(name.len() as u16).to_le_bytes());
        blob.extend_from_slice(name.as_bytes());
        blob.extend_from_slice(&(polygons.len() as u16).to_le_bytes());
        for polygon in polygons {
            let (mut min_x, mut min_y, mut max_x, mut max_y) =
                (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for &(x, y) in &polygon.exterior {
                min_x = min_x.min(x);
                min_y = min_y.min(y);
                max_x = max_x.max(x);
                max_y = max_y.max(y);
            }
            for v in [min_x, min_y, max_x, max_y] {
                blob.extend_from_slice(&v.to_le_bytes());
            }
            let rings: Vec<&Vec<(f64, f64)>> = std::iter::once(&polygon.exterior)
                .chain(polygon.holes.iter().filter(|h| h.len() >= 3))
                .take(u16::MAX as usize)
                .collect();
            blob.extend_from_slice(&(rings.len() as u16).to_le_bytes());
            for ring in rings {
                blob.extend_from_slice(&(ring.len() as u32).to_le_bytes());
                for &(x, y) in ring {
                    blob.extend_from_slice(&x.to_le_bytes());
                    blob.extend_from_slice(&y.to_le_bytes());
                }
            }
        }
        blob.extend_from_slice(&(prefixes.len() as u16).to_le_bytes());
        for prefix in prefixes {
            blob.push(prefix.len() as u8);
            blob.extend_from_slice(prefix.as_bytes());
        }
    })
}

/// A postal prefix as stored and compared: uppercase ASCII letters and
/// digits only.
pub(crate) fn prefix_key(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// The areas section, opened.
pub(crate) struct Areas(PerService);

/// Where a caller is, as areas are tested against it.
#[derive(Debug, Clone)]
pub(crate) struct Caller {
    pub(crate) lat: f64,
    pub(crate) lon: f64,
    /// The caller's postal code (or nearest area's), as a prefix key.
    pub(crate) postal: Option<String>,
}

/// What a service's declared areas say of a caller.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Coverage {
    /// The service declares no area.
    Undeclared,
    /// One of its areas holds the caller.
    Serves,
    /// It declares areas, none holding the caller.
    Outside,
}

impl Areas {
    pub(crate) fn open(section: &OwnedBytes, services: usize) -> Result<Areas> {
        PerService::open(section, Section::Areas, services).map(Areas)
    }

    fn bytes(&self, service: u32) -> &[u8] {
        self.0.bytes(service)
    }

    /// The services that declare an area, in service order.
    pub(crate) fn declaring(&self) -> &[u32] {
        self.0.declaring()
    }

    /// The name of the service's first named area, if any.
    pub(crate) fn name(&self, service: u32) -> Option<&str> {
        let bytes = self.bytes(service);
        let len = u16::from_le_bytes([*bytes.first()?, *bytes.get(1)?]) as usize;
        let name = std::str::from_utf8(bytes.get(2..2 + len)?).ok()?;
        (!name.is_empty()).then_some(name)
    }

    /// Whether the service's areas hold the caller. Damaged bytes read as
    /// an undeclared area (the service is then ranked by its offices).
    pub(crate) fn coverage(&self, service: u32, caller: &Caller) -> Coverage {
        let bytes = self.bytes(service);
        if bytes.is_empty() {
            return Coverage::Undeclared;
        }
        match covers(bytes, caller) {
            Ok(true) => Coverage::Serves,
            Ok(false) => Coverage::Outside,
            Err(_) => Coverage::Undeclared,
        }
    }
}

fn covers(bytes: &[u8], caller: &Caller) -> Result<bool> {
    let mut reader = Reader::new(Section::Areas, bytes);
    let u16_of = |reader: &mut Reader| -> Result<u16> {
        Ok(u16::from_le_bytes(
            reader.take(2)?.try_into().expect("2 bytes"),
        ))
    };
    let f64_of = |reader: &mut Reader| -> Result<f64> {
        Ok(f64::from_le_bytes(
            reader.take(8)?.try_into().expect("8 bytes"),
        ))
    };
    let name_len = u16_of(&mut reader)? as usize;
    reader.take(name_len)?;
    let polygons = u16_of(&mut reader)?;
    let mut inside = false;
    for _ in 0..polygons {
        let (min_x, min_y, max_x, max_y) = (
            f64_of(&mut reader)?,
            f64_of(&mut reader)?,
            f64_of(&mut reader)?,
            f64_of(&mut reader)?,
        );
        let in_box = (min_x..=max_x).contains(&caller.lon) && (min_y..=max_y).contains(&caller.lat);
        let rings = u16_of(&mut reader)?;
        // Inside the exterior (ring 0) and in no hole; on any edge: inside.
        let mut in_polygon = false;
        for ring in 0..rings {
            let points = reader.u32()? as usize;
            let len = points
                .checked_mul(16)
                .ok_or_else(|| Error::corrupt("section areas: a ring is too long"))?;
            let bytes = reader.take(len)?;
            if !in_box || inside {
                continue;
            }
            match ring_position(bytes, caller.lon, caller.lat) {
                Position::Edge => in_polygon = ring == 0 || in_polygon,
                Position::Inside if ring == 0 => in_polygon = true,
                Position::Inside => in_polygon = false,
                Position::Outside if ring == 0 => in_polygon = false,
                Position::Outside => {}
            }
        }
        inside |= in_polygon;
    }
    if inside {
        return Ok(true);
    }
    let prefixes = u16_of(&mut reader)?;
    for _ in 0..prefixes {
        let len = reader.take(1)?[0] as usize;
        let prefix = reader.take(len)?;
        if caller
            .postal
            .as_deref()
            .is_some_and(|postal| postal.as_bytes().starts_with(prefix))
        {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Where a point lies against one ring.
enum Position {
    Inside,
    Edge,
    Outside,
}

/// Even-odd ray casting over a ring of (lon, lat) f64 pairs, in place.
fn ring_position(bytes: &[u8], x: f64, y: f64) -> Position {
    let point = |i: usize| {
        let p = &bytes[i * 16..i * 16 + 16];
        (
            f64::from_le_bytes(p[..8].try_into().expect("8 bytes")),
            f64::from_le_bytes(p[8..].try_into().expect("8 bytes")),
        )
    };
    let n = bytes.len() / 16;
    if n < 3 {
        return Position::Outside;
    }
    let mut inside = false;
    for i in 0..n {
        let (x1, y1) = point(i);
        let (x2, y2) = point((i + 1) % n);
        // On the segment: collinear and within its box.
        let cross = (x2 - x1) * (y - y1) - (y2 - y1) * (x - x1);
        if cross.abs() <= 1e-12 * (1.0 + x.abs() + y.abs())
            && x >= x1.min(x2)
            && x <= x1.max(x2)
            && y >= y1.min(y2)
            && y <= y1.max(y2)
        {
            return Position::Edge;
        }
        if (y1 > y) != (y2 > y) && x < (x2 - x1) * (y - y1) / (y2 - y1) + x1 {
            inside = !inside;
        }
    }
    match inside {
        true => Position::Inside,
        false => Position::Outside,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AreaPolygon, ServiceArea};

    fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
        vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
    }

    fn caller(lat: f64, lon: f64, postal: Option<&str>) -> Caller {
        Caller {
            lat,
            lon,
            postal: postal.map(prefix_key),
        }
    }

    #[test]
    fn polygons_edges_holes_and_prefixes() {
        let services = vec![
            Service {
                id: "district".into(),
                service_areas: vec![ServiceArea {
                    name: Some("Thunder Bay District".into()),
                    polygons: vec![AreaPolygon {
                        exterior: square(-92.0, 48.0, -85.0, 51.0),
                        // A hole around Thunder Bay itself.
                        holes: vec![square(-89.5, 48.2, -89.0, 48.6)],
                    }],
                    postal_prefixes: Vec::new(),
                }],
                ..Default::default()
            },
            Service {
                id: "nowhere".into(),
                ..Default::default()
            },
            Service {
                id: "north".into(),
                service_areas: vec![ServiceArea {
                    name: None,
                    polygons: Vec::new(),
                    postal_prefixes: vec!["p0v".into(), "P7 ".into()],
                }],
                ..Default::default()
            },
        ];
        let areas = Areas::open(&OwnedBytes::new(write(&services)), 3).unwrap();
        assert_eq!(areas.declaring(), [0, 2]);
        assert_eq!(areas.name(0), Some("Thunder Bay District"));
        // Inside, on the outer edge, in the hole, on the hole's edge, outside.
        assert_eq!(
            areas.coverage(0, &caller(50.0, -87.0, None)),
            Coverage::Serves
        );
        assert_eq!(
            areas.coverage(0, &caller(51.0, -87.0, None)),
            Coverage::Serves
        );
        assert_eq!(
            areas.coverage(0, &caller(48.4, -89.25, None)),
            Coverage::Outside
        );
        assert_eq!(
            areas.coverage(0, &caller(48.6, -89.25, None)),
            Coverage::Serves
        );
        assert_eq!(
            areas.coverage(0, &caller(46.5, -81.0, None)),
            Coverage::Outside
        );
        assert_eq!(
            areas.coverage(1, &caller(50.0, -87.0, None)),
            Coverage::Undeclared
        );
        assert_eq!(
            areas.coverage(2, &caller(0.0, 0.0, Some("P0V 1A0"))),
            Coverage::Serves
        );
        assert_eq!(
            areas.coverage(2, &caller(0.0, 0.0, Some("P7B"))),
            Coverage::Serves
        );
        assert_eq!(
            areas.coverage(2, &caller(0.0, 0.0, Some("P3E"))),
            Coverage::Outside
        );
        assert_eq!(
            areas.coverage(2, &caller(0.0, 0.0, None)),
            Coverage::Outside
        );
    }
}
