//! Where services are: every location point, an R-tree over them, great-circle
//! distances and the distance decay of the score.
//!
//! Section layout:
//!
//! ```text
//! u64 services, u64 points,
//! u32 × (services + 1)  first point of each service (points are grouped by service),
//! padding to 8, then per point: f32 lat, f32 lon
//! ```
//!
//! The R-tree (rstar) holds each point on the unit sphere, so its straight-line
//! (chord) distance orders points exactly as great-circle distance does. It is
//! bulk-loaded from the section on the first geographic query, not at open:
//! opening stays cheap for text-only callers.

use std::sync::OnceLock;

use geo::{Distance, Haversine, Point};
use rstar::primitives::GeomWithData;
use rstar::RTree;
use tantivy::directory::OwnedBytes;

use crate::error::Result;
use crate::file::{align8, read_f32, read_u32, Reader, Section};

/// Mean Earth radius used for distances.
///
/// # Units
/// Kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

type SpherePoint = GeomWithData<[f64; 3], u32>;

/// Writes the geo section: `locations[s]` holds the (lat, lon) of service `s`.
pub(crate) fn write(locations: &[Vec<(f64, f64)>]) -> Vec<u8> {
    let points: usize = locations.iter().map(Vec::len).sum();
    let mut out = Vec::new();
    out.extend_from_slice(&(locations.len() as u64).to_le_bytes());
    out.extend_from_slice(&(points as u64).to_le_bytes());
    let mut start = 0u32;
    for service in locations {
        out.extend_from_slice(&start.to_le_bytes());
        start += service.len() as u32;
    }
    out.extend_from_slice(&start.to_le_bytes());
    out.resize(align8(out.len()), 0);
    for &(lat, lon) in locations.iter().flatten() {
        out.extend_from_slice(&(lat as f32).to_le_bytes());
        out.extend_from_slice(&(lon as f32).to_le_bytes());
    }
    out
}

/// The geo section, read in place.
pub(crate) struct Geo {
    starts: OwnedBytes,
    points: OwnedBytes,
    rtree: OnceLock<RTree<SpherePoint>>,
    unlocated: OnceLock<Vec<u32>>,
}

impl Geo {
    pub(crate) fn open(section: OwnedBytes, services: usize) -> Result<Geo> {
        let mut reader = Reader::new(Section::Geo, section.as_slice());
        let count = reader.u64()? as usize;
        let points = reader.count(8)?;
        if count != services {
            return Err(crate::Error::corrupt(format!(
                "section geo holds {count} services, the index {services}"
            )));
        }
        let starts_at = reader.position();
        reader.take((services + 1) * 4)?;
        reader.align8()?;
        let points_at = reader.position();
        reader.take(points * 8)?;
        let geo = Geo {
            starts: section.slice(starts_at..starts_at + (services + 1) * 4),
            points: section.slice(points_at..points_at + points * 8),
            rtree: OnceLock::new(),
            unlocated: OnceLock::new(),
        };
        // The starts must rise and end at the point count, or lookups would go astray.
        let last = read_u32(geo.starts.as_slice(), services * 4) as usize;
        if last != points {
            return Err(crate::Error::corrupt(
                "section geo: point ranges do not add up",
            ));
        }
        Ok(geo)
    }

    /// The points of service `service`, as (lat, lon) in degrees.
    pub(crate) fn points(&self, service: u32) -> impl Iterator<Item = (f64, f64)> + '_ {
        let starts = self.starts.as_slice();
        let at = service as usize * 4;
        let start = read_u32(starts, at) as usize;
        let end = (read_u32(starts, at + 4) as usize).max(start);
        let points = self.points.as_slice();
        let end = end.min(points.len() / 8);
        (start.min(end)..end).map(move |i| {
            (
                read_f32(points, i * 8) as f64,
                read_f32(points, i * 8 + 4) as f64,
            )
        })
    }

    pub(crate) fn point_count(&self) -> usize {
        self.points.len() / 8
    }

    /// The nearest location of `service` to `(lat, lon)`: its index among the
    /// service's points and its distance in kilometres (as the R-tree
    /// measures it, so that a radius means the same everywhere).
    pub(crate) fn nearest(&self, service: u32, lat: f64, lon: f64) -> Option<(usize, f64)> {
        let origin = to_sphere(lat, lon);
        self.points(service)
            .map(|(plat, plon)| chord_km(origin, to_sphere(plat, plon)))
            .enumerate()
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    fn rtree(&self) -> &RTree<SpherePoint> {
        self.rtree.get_or_init(|| {
            let services = self.starts.len() / 4 - 1;
            let mut points = Vec::with_capacity(self.point_count());
            for service in 0..services as u32 {
                for (lat, lon) in self.points(service) {
                    points.push(SpherePoint::new(to_sphere(lat, lon), service));
                }
            }
            RTree::bulk_load(points)
        })
    }

    /// Calls `f(service, km)` for every location within `radius_km` of
    /// `(lat, lon)`, in no particular order (a service with several
    /// locations comes once per location).
    ///
    /// # Units
    /// Degrees in; kilometres for the radius and `km`.
    pub(crate) fn within(&self, lat: f64, lon: f64, radius_km: f64, mut f: impl FnMut(u32, f64)) {
        let origin = to_sphere(lat, lon);
        let chord = chord_for_km(radius_km);
        for point in self.rtree().locate_within_distance(origin, chord * chord) {
            f(point.data, chord_km(origin, *point.geom()));
        }
    }

    /// The services with a location within `radius_km` of `(lat, lon)`,
    /// each once with the distance to its nearest location, in service order.
    ///
    /// # Units
    /// Degrees in; kilometres for the radius and the distances.
    pub(crate) fn services_within(&self, lat: f64, lon: f64, radius_km: f64) -> Vec<(u32, f64)> {
        let mut found = Vec::new();
        self.within(lat, lon, radius_km, |service, km| found.push((service, km)));
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
        found.dedup_by_key(|(service, _)| *service);
        found
    }
}

impl Geo {
    /// Calls `f(service, km)` for every location point, nearest to
    /// `(lat, lon)` first, until `f` returns `false` (a service with several
    /// locations comes once per location).
    ///
    /// # Units
    /// Degrees in; `km` is the great-circle distance in kilometres.
    pub(crate) fn nearest_walk(&self, lat: f64, lon: f64, mut f: impl FnMut(u32, f64) -> bool) {
        let origin = to_sphere(lat, lon);
        for point in self.rtree().nearest_neighbor_iter(origin) {
            if !f(point.data, chord_km(origin, *point.geom())) {
                break;
            }
        }
    }

    /// The services without a location, in order (found on first use).
    pub(crate) fn unlocated(&self) -> &[u32] {
        self.unlocated.get_or_init(|| {
            let services = self.starts.len() / 4 - 1;
            (0..services as u32)
                .filter(|&service| self.points(service).next().is_none())
                .collect()
        })
    }
}

/// Great-circle (haversine) distance.
///
/// # Units
/// Degrees in, kilometres out.
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    // geo's points are (x = lon, y = lat); Haversine returns metres.
    Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}

fn to_sphere(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The great-circle distance between two points on the unit sphere, from
/// their chord.
///
/// # Units
/// Kilometres out.
fn chord_km(a: [f64; 3], b: [f64; 3]) -> f64 {
    let chord = a
        .iter()
        .zip(b)
        .map(|(a, b)| (a - b) * (a - b))
        .sum::<f64>()
        .sqrt();
    2.0 * EARTH_RADIUS_KM * (chord / 2.0).min(1.0).asin()
}

/// The unit-sphere chord spanning an arc of `km`.
fn chord_for_km(km: f64) -> f64 {
    let angle = (km / EARTH_RADIUS_KM).min(std::f64::consts::PI);
    2.0 * (angle / 2.0).sin()
}

/// Distance decay of the score: 1 up to [`DECAY_OFFSET_KM`], then halving every
/// [`DECAY_HALF_LIFE_KM`] (an exponential decay with offset, as search engines'
/// function scores have).
///
/// # Units
/// Kilometres in; a factor in (0, 1] out.
pub fn decay(distance_km: f64) -> f32 {
    let beyond = (distance_km - DECAY_OFFSET_KM).max(0.0);
    (0.5f64).powf(beyond / DECAY_HALF_LIFE_KM) as f32
}

/// Distances up to this count as "here" in the decay.
///
/// # Units
/// Kilometres.
pub const DECAY_OFFSET_KM: f64 = 0.5;

/// Every this many kilometres beyond the offset halves the distance factor.
///
/// # Units
/// Kilometres.
pub const DECAY_HALF_LIFE_KM: f64 = 10.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toronto_to_sudbury() {
        let km = distance_km(43.6532, -79.3832, 46.4917, -80.9930);
        assert!((km - 339.0).abs() < 5.0, "{km}");
    }

    #[test]
    fn decay_halves_per_half_life() {
        assert_eq!(decay(0.2), 1.0);
        assert!((decay(DECAY_OFFSET_KM + DECAY_HALF_LIFE_KM) - 0.5).abs() < 1e-6);
        assert!(decay(5.0) > decay(6.0));
    }

    #[test]
    fn section_round_trip_and_radius() {
        let bytes = write(&[
            vec![(46.49, -80.99)],
            vec![],
            vec![(43.65, -79.38), (46.5, -81.0)],
        ]);
        let geo = Geo::open(OwnedBytes::new(bytes), 3).unwrap();
        assert_eq!(geo.points(1).count(), 0);
        assert_eq!(geo.points(2).count(), 2);
        let found = geo.services_within(46.49, -80.99, 10.0);
        assert_eq!(found.iter().map(|f| f.0).collect::<Vec<_>>(), vec![0, 2]);
        assert!(found[0].1 < 0.01, "{found:?}");
        assert!((found[1].1 - distance_km(46.49, -80.99, 46.5, -81.0)).abs() < 0.01);
        let (index, km) = geo.nearest(2, 46.49, -80.99).unwrap();
        assert_eq!(index, 1);
        assert!(km < 2.0);
    }
}
