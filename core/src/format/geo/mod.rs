//! The geo section: where services are, every location point and a packed
//! R-tree over them.
//!
//! Section layout (little-endian), for `n` points:
//!
//! ```text
//! u64 services, u64 n, u32 node size (16), u32 reserved (0),
//! u32 × (services + 1)  first point of each service (points are grouped by service),
//! u32 × n               each point's entry in the tree, in service order,
//! padding to 8, then the packed R-tree (see [`rtree`]): n entries in tree
//! order (unit-sphere x, y, z as f64, service), then the node boxes
//! ```
//!
//! The R-tree holds each point on the unit sphere, so its straight-line
//! (chord) distance orders points exactly as great-circle distance does. It
//! is written when the index is built and read in place: opening checks
//! lengths only, and a query reads the nodes it needs and nothing else.

mod rtree;

use std::sync::OnceLock;

use tantivy::directory::OwnedBytes;

use crate::error::Result;
use crate::format::{align8, read_u32, Reader, Section};
use crate::geo::EARTH_RADIUS_KM;

use rtree::{Entry, PackedTree, NODE_SIZE};

/// Writes the geo section: `locations[s]` holds the (lat, lon) of service `s`.
///
/// # Panics
/// If there are more than `u32::MAX` points.
pub(crate) fn write(locations: &[Vec<(f64, f64)>]) -> Vec<u8> {
    // Degrees are rounded to f32 (as the section stored them up to format
    // 4); the tree keeps the unit-sphere points computed from those, so
    // distances are the same to the last bit as before.
    let points: Vec<(f64, f64)> = locations
        .iter()
        .flatten()
        .map(|&(lat, lon)| (f64::from(lat as f32), f64::from(lon as f32)))
        .collect();
    let count = u32::try_from(points.len()).expect("at most u32::MAX points");
    let order = rtree::order(&points);
    let mut position = vec![0u32; points.len()];
    for (at, &point) in order.iter().enumerate() {
        position[point as usize] = at as u32;
    }
    let mut services = Vec::with_capacity(points.len());
    for (service, list) in locations.iter().enumerate() {
        services.extend(std::iter::repeat_n(service as u32, list.len()));
    }
    let entries: Vec<Entry> = order
        .iter()
        .map(|&point| {
            let (lat, lon) = points[point as usize];
            Entry {
                xyz: to_sphere(lat, lon),
                service: services[point as usize],
            }
        })
        .collect();

    let mut out = Vec::new();
    out.extend_from_slice(&(locations.len() as u64).to_le_bytes());
    out.extend_from_slice(&u64::from(count).to_le_bytes());
    out.extend_from_slice(&(NODE_SIZE as u32).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    let mut start = 0u32;
    for service in locations {
        out.extend_from_slice(&start.to_le_bytes());
        start += service.len() as u32;
    }
    out.extend_from_slice(&start.to_le_bytes());
    for at in position {
        out.extend_from_slice(&at.to_le_bytes());
    }
    out.resize(align8(out.len()), 0);
    rtree::write(&entries, &mut out);
    out
}

/// The geo section, read in place.
pub(crate) struct Geo {
    starts: OwnedBytes,
    /// Each point's entry in the tree, in service order.
    positions: OwnedBytes,
    tree: PackedTree,
    unlocated: OnceLock<Vec<u32>>,
}

impl Geo {
    /// Reads the section's header and checks that its parts fit: no work
    /// proportional to the points.
    ///
    /// # Errors
    /// A corrupt index error if the section is truncated or its counts do
    /// not match the index.
    pub(crate) fn open(section: &OwnedBytes, services: usize) -> Result<Geo> {
        let mut reader = Reader::new(Section::Geo, section.as_slice());
        let count = reader.u64()? as usize;
        let points = reader.count(4)?;
        if count != services {
            return Err(crate::Error::corrupt(format!(
                "section geo holds {count} services, the index {services}"
            )));
        }
        if u32::try_from(points).is_err() {
            return Err(crate::Error::corrupt(format!(
                "section geo: {points} points are more than it can hold"
            )));
        }
        let node_size = reader.u32()?;
        if node_size as usize != NODE_SIZE {
            return Err(crate::Error::corrupt(format!(
                "section geo: R-tree node size {node_size}, expected {NODE_SIZE}"
            )));
        }
        reader.u32()?;
        let starts_at = reader.position();
        let starts_len = services
            .checked_add(1)
            .and_then(|n| n.checked_mul(4))
            .ok_or_else(|| crate::Error::corrupt("section geo: too many services"))?;
        reader.take(starts_len)?;
        let positions_at = reader.position();
        reader.take(points * 4)?;
        reader.align8()?;
        let (entries_len, nodes_len) = rtree::byte_lens(points);
        let entries_at = reader.position();
        reader.take(entries_len)?;
        let nodes_at = reader.position();
        reader.take(nodes_len)?;
        let geo = Geo {
            starts: section.slice(starts_at..starts_at + starts_len),
            positions: section.slice(positions_at..positions_at + points * 4),
            tree: PackedTree::new(
                section.slice(entries_at..entries_at + entries_len),
                section.slice(nodes_at..nodes_at + nodes_len),
                points,
                services,
            ),
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

    /// The points of service `service` on the unit sphere, in the order of
    /// its locations (`None` for a point that damage put out of reach).
    fn sphere_points(&self, service: u32) -> impl Iterator<Item = Option<[f64; 3]>> + '_ {
        let starts = self.starts.as_slice();
        let at = service as usize * 4;
        let (start, end) = if at + 8 <= starts.len() {
            (
                read_u32(starts, at) as usize,
                read_u32(starts, at + 4) as usize,
            )
        } else {
            (0, 0)
        };
        let positions = self.positions.as_slice();
        let end = end.max(start).min(positions.len() / 4);
        (start.min(end)..end).map(move |i| self.tree.point(read_u32(positions, i * 4) as usize))
    }

    /// The points of service `service`, as (lat, lon) in degrees: the f32
    /// values the index was built from, recovered from the unit sphere.
    // Hits show the locations of their records; nothing else needs these yet.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn points(&self, service: u32) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.sphere_points(service).flatten().map(|[x, y, z]| {
            let lat = z.atan2(x.hypot(y)).to_degrees();
            let lon = y.atan2(x).to_degrees();
            (f64::from(lat as f32), f64::from(lon as f32))
        })
    }

    pub(crate) fn point_count(&self) -> usize {
        self.tree.len()
    }

    /// [`Geo::nearest_from`] `(lat, lon)` in degrees.
    // Searches put their place on the sphere once.
    #[cfg(test)]
    pub(crate) fn nearest(&self, service: u32, lat: f64, lon: f64) -> Option<(usize, f64)> {
        self.nearest_from(service, Origin::new(lat, lon))
    }

    /// The nearest location of `service` to `origin`: its index among the
    /// service's points and its distance in kilometres (as the R-tree
    /// measures it, so that a radius means the same everywhere).
    pub(crate) fn nearest_from(&self, service: u32, origin: Origin) -> Option<(usize, f64)> {
        let origin = origin.0;
        self.sphere_points(service)
            .enumerate()
            .filter_map(|(i, point)| Some((i, chord_km(rtree::d2(origin, point?)))))
            .filter(|(_, km)| !km.is_nan())
            .min_by(|a, b| a.1.total_cmp(&b.1))
    }

    /// Calls `f(service, km)` for every location within `radius_km` of
    /// `(lat, lon)`, in no particular order (a service with several
    /// locations comes once per location).
    ///
    /// # Units
    /// Degrees in; kilometres for the radius and `km`.
    // Searches use `met_within` and `read_out`, which convert only the
    // nearest location of each service to kilometres.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn within(&self, lat: f64, lon: f64, radius_km: f64, mut f: impl FnMut(u32, f64)) {
        let origin = to_sphere(lat, lon);
        let chord = chord_for_km(radius_km);
        self.tree.within(origin, chord * chord, |service, d2| {
            f(service, chord_km(d2))
        });
    }

    /// The services with a location within `radius_km` of `(lat, lon)`,
    /// each once with the distance to its nearest location, in service order.
    ///
    /// # Units
    /// Degrees in; kilometres for the radius and the distances.
    // Searches first drop the services that cannot pass (`met_within`,
    // then `read_out`).
    #[cfg(test)]
    pub(crate) fn services_within(&self, lat: f64, lon: f64, radius_km: f64) -> Vec<(u32, f64)> {
        let origin = Origin::new(lat, lon);
        let met = self.met_within(origin, radius_km);
        self.read_out(origin, radius_km, &met)
    }

    /// The services with a location within `radius_km` of `origin`, as one
    /// bit per service (bit `s % 64` of word `s / 64`): what a search that
    /// needs no distances asks.
    ///
    /// # Units
    /// Kilometres.
    pub(crate) fn met_within(&self, origin: Origin, radius_km: f64) -> Vec<u64> {
        let chord = chord_for_km(radius_km);
        // Each service met is marked: a pass over a bit per service costs a
        // fraction of sorting the points (a service may have several in range).
        let mut met = vec![0u64; self.services().div_ceil(64)];
        self.tree.within(origin.0, chord * chord, |service, _| {
            if let Some(bits) = met.get_mut(service as usize / 64) {
                *bits |= 1 << (service % 64);
            }
        });
        met
    }

    /// The services of `met` ([`Geo::met_within`]) in service order, each
    /// with the distance to its nearest location.
    ///
    /// # Units
    /// Kilometres.
    pub(crate) fn read_out(&self, origin: Origin, radius_km: f64, met: &[u64]) -> Vec<(u32, f64)> {
        let origin = origin.0;
        let chord = chord_for_km(radius_km);
        let max_d2 = chord * chord;
        let mut found = Vec::new();
        for (word, &bits) in met.iter().enumerate() {
            let mut bits = bits;
            while bits != 0 {
                let service = (word * 64) as u32 + bits.trailing_zeros();
                bits &= bits - 1;
                // Squared chords order as kilometres do: convert the nearest
                // only. (Damage may leave a service's own points out of range.)
                if let Some(d2) = self.nearest_d2(service, origin).filter(|&d2| d2 <= max_d2) {
                    found.push((service, chord_km(d2)));
                }
            }
        }
        found
    }

    /// How many services the section holds.
    fn services(&self) -> usize {
        (self.starts.len() / 4).saturating_sub(1)
    }

    /// The squared chord from `origin` to the nearest point of `service`.
    fn nearest_d2(&self, service: u32, origin: [f64; 3]) -> Option<f64> {
        self.sphere_points(service)
            .flatten()
            .map(|point| rtree::d2(origin, point))
            .filter(|d2| !d2.is_nan())
            .min_by(f64::total_cmp)
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
        self.tree
            .nearest_walk(origin, &mut |service, d2| f(service, chord_km(d2)));
    }

    /// The services without a location, in order (found on first use).
    pub(crate) fn unlocated(&self) -> &[u32] {
        self.unlocated.get_or_init(|| {
            let starts = self.starts.as_slice();
            let services = starts.len() / 4 - 1;
            (0..services)
                .filter(|&service| {
                    read_u32(starts, service * 4 + 4) <= read_u32(starts, service * 4)
                })
                .map(|service| service as u32)
                .collect()
        })
    }
}

/// A place distances are measured from, put on the unit sphere once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Origin([f64; 3]);

impl Origin {
    /// The place at `(lat, lon)`, in degrees.
    pub(crate) fn new(lat: f64, lon: f64) -> Origin {
        Origin(to_sphere(lat, lon))
    }
}

fn to_sphere(lat: f64, lon: f64) -> [f64; 3] {
    let (lat, lon) = (lat.to_radians(), lon.to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// The great-circle distance spanned by a squared unit-sphere chord (see
/// [`rtree::d2`]).
///
/// # Units
/// Kilometres out.
fn chord_km(d2: f64) -> f64 {
    2.0 * EARTH_RADIUS_KM * (d2.sqrt() / 2.0).min(1.0).asin()
}

/// The unit-sphere chord spanning an arc of `km`.
fn chord_for_km(km: f64) -> f64 {
    let angle = (km / EARTH_RADIUS_KM).min(std::f64::consts::PI);
    2.0 * (angle / 2.0).sin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geo::distance_km;

    #[test]
    fn section_round_trip_and_radius() {
        let bytes = write(&[
            vec![(46.49, -80.99)],
            vec![],
            vec![(43.65, -79.38), (46.5, -81.0)],
        ]);
        let geo = Geo::open(&OwnedBytes::new(bytes), 3).unwrap();
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

    /// A small deterministic generator (xorshift64*), so that the tests need
    /// no dependency and fail the same way every time.
    struct Numbers(u64);

    impl Numbers {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
        }

        fn between(&mut self, min: f64, max: f64) -> f64 {
            min + (max - min) * self.next()
        }
    }

    /// Services around a few towns, a few far away (near the antimeridian
    /// and a pole), some with several locations and some with none.
    fn services(count: usize) -> Vec<Vec<(f64, f64)>> {
        let towns = [
            (43.65, -79.38),
            (43.26, -79.87),
            (45.42, -75.69),
            (46.49, -80.99),
            (48.38, -89.25),
        ];
        let mut numbers = Numbers(0x5eed_1234_abcd_0042);
        (0..count)
            .map(|i| {
                let locations = match i % 7 {
                    0 => 0,
                    1 | 2 => 2 + i % 3,
                    _ => 1,
                };
                (0..locations)
                    .map(|_| match i % 97 {
                        3 => {
                            let lon = 179.9 + numbers.between(0.0, 0.099);
                            let lon = if numbers.next() < 0.5 { lon } else { -lon };
                            (numbers.between(-60.0, 60.0), lon)
                        }
                        5 => (numbers.between(89.0, 90.0), numbers.between(-180.0, 180.0)),
                        _ => {
                            let (lat, lon) = towns[(numbers.next() * towns.len() as f64) as usize];
                            let reach = numbers.next().powi(2) * 1.5;
                            (
                                lat + numbers.between(-reach, reach),
                                lon + numbers.between(-reach, reach),
                            )
                        }
                    })
                    .collect()
            })
            .collect()
    }

    fn stored(lat: f64, lon: f64) -> [f64; 3] {
        to_sphere(f64::from(lat as f32), f64::from(lon as f32))
    }

    /// Every location's squared chord from `origin`, by brute force.
    fn scan(locations: &[Vec<(f64, f64)>], origin: [f64; 3]) -> Vec<(u32, usize, f64)> {
        let mut all = Vec::new();
        for (service, points) in locations.iter().enumerate() {
            for (i, &(lat, lon)) in points.iter().enumerate() {
                all.push((service as u32, i, rtree::d2(origin, stored(lat, lon))));
            }
        }
        all
    }

    const PLACES: [(f64, f64); 6] = [
        (43.65, -79.38),
        (43.30, -79.80),
        (45.00, -77.00),
        (10.0, 10.0),
        (0.0, 179.99),
        (89.9, 0.0),
    ];

    #[test]
    fn radius_queries_match_a_brute_force_scan() {
        let locations = services(3000);
        let geo = Geo::open(&OwnedBytes::new(write(&locations)), locations.len()).unwrap();
        for (lat, lon) in PLACES {
            let origin = to_sphere(lat, lon);
            for radius in [0.5, 5.0, 10.0, 20.0, 40.0, 150.0, 1000.0, 20_000.0] {
                let chord = chord_for_km(radius);
                let mut expected: Vec<(u32, f64)> = Vec::new();
                for (service, _, d2) in scan(&locations, origin) {
                    if d2 <= chord * chord {
                        let km = chord_km(d2);
                        match expected.last_mut() {
                            Some(last) if last.0 == service => last.1 = last.1.min(km),
                            _ => expected.push((service, km)),
                        }
                    }
                }
                let found = geo.services_within(lat, lon, radius);
                assert_eq!(found, expected, "{radius} km of ({lat}, {lon})");
                for &(service, km) in &found {
                    // Each service once, at its nearest location's distance.
                    assert_eq!(geo.nearest(service, lat, lon).unwrap().1, km);
                }

                let mut per_location = Vec::new();
                geo.within(lat, lon, radius, |service, km| {
                    per_location.push((service, km))
                });
                per_location.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
                let mut expected: Vec<(u32, f64)> = scan(&locations, origin)
                    .into_iter()
                    .filter(|&(_, _, d2)| d2 <= chord * chord)
                    .map(|(service, _, d2)| (service, chord_km(d2)))
                    .collect();
                expected.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
                assert_eq!(per_location, expected, "{radius} km of ({lat}, {lon})");
            }
        }
        // The distances are great-circle ones.
        let (lat, lon) = locations[1][0];
        let found = geo.services_within(43.65, -79.38, 20_000.0);
        let km = found.iter().find(|f| f.0 == 1).unwrap().1;
        let nearest = locations[1]
            .iter()
            .map(|&(a, b)| distance_km(43.65, -79.38, f64::from(a as f32), f64::from(b as f32)))
            .fold(f64::INFINITY, f64::min);
        assert!((km - nearest).abs() < 1e-6, "{km} {nearest} ({lat}, {lon})");
    }

    #[test]
    fn nearest_walk_goes_nearest_first_through_every_location() {
        let locations = services(1500);
        let geo = Geo::open(&OwnedBytes::new(write(&locations)), locations.len()).unwrap();
        for (lat, lon) in PLACES {
            let origin = to_sphere(lat, lon);
            let mut walked = Vec::new();
            geo.nearest_walk(lat, lon, |service, km| {
                walked.push((service, km));
                true
            });
            assert!(
                walked.windows(2).all(|w| w[0].1 <= w[1].1),
                "({lat}, {lon})"
            );
            let mut expected: Vec<(u32, f64)> = scan(&locations, origin)
                .into_iter()
                .map(|(service, _, d2)| (service, chord_km(d2)))
                .collect();
            expected.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            walked.sort_by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0)));
            assert_eq!(walked, expected, "({lat}, {lon})");

            // Stopping: the walk ends at the first `false`.
            let mut calls = 0;
            geo.nearest_walk(lat, lon, |_, _| {
                calls += 1;
                calls < 25
            });
            assert_eq!(calls, 25);
        }
    }

    #[test]
    fn nearest_points_and_unlocated_per_service() {
        let locations = services(700);
        let geo = Geo::open(&OwnedBytes::new(write(&locations)), locations.len()).unwrap();
        assert_eq!(
            geo.point_count(),
            locations.iter().map(Vec::len).sum::<usize>()
        );
        let unlocated: Vec<u32> = (0..locations.len() as u32)
            .filter(|&s| locations[s as usize].is_empty())
            .collect();
        assert!(!unlocated.is_empty());
        assert_eq!(geo.unlocated(), unlocated);
        for (service, points) in locations.iter().enumerate() {
            let expected: Vec<(f64, f64)> = points
                .iter()
                .map(|&(lat, lon)| (f64::from(lat as f32), f64::from(lon as f32)))
                .collect();
            assert_eq!(geo.points(service as u32).collect::<Vec<_>>(), expected);
            for (lat, lon) in PLACES {
                let origin = to_sphere(lat, lon);
                let expected = points
                    .iter()
                    .map(|&(a, b)| chord_km(rtree::d2(origin, stored(a, b))))
                    .enumerate()
                    .min_by(|a, b| a.1.total_cmp(&b.1));
                assert_eq!(geo.nearest(service as u32, lat, lon), expected);
            }
        }
    }

    #[test]
    fn empty_and_single_point_sections() {
        let geo = Geo::open(&OwnedBytes::new(write(&[vec![], vec![]])), 2).unwrap();
        assert!(geo.services_within(43.0, -79.0, 20_000.0).is_empty());
        geo.nearest_walk(43.0, -79.0, |_, _| panic!("no points"));
        assert_eq!(geo.unlocated(), [0, 1]);
        let geo = Geo::open(&OwnedBytes::new(write(&[vec![(43.0, -79.0)]])), 1).unwrap();
        assert_eq!(geo.services_within(43.0, -79.0, 1.0), [(0, 0.0)]);
        assert!(Geo::open(&OwnedBytes::new(write(&[vec![]])), 2).is_err());
    }

    /// Damage to the section gives an error at open or wrong answers, never a
    /// panic or a walk that does not end.
    #[test]
    fn damaged_or_truncated_section_never_panics() {
        let locations = services(60);
        let bytes = write(&locations);
        let points = geo_points(&locations);
        let query = |geo: &Geo| {
            for (lat, lon) in PLACES {
                let found = geo.services_within(lat, lon, 500.0);
                assert!(found.iter().all(|&(s, _)| (s as usize) < locations.len()));
                let mut calls = 0;
                geo.nearest_walk(lat, lon, |service, _| {
                    assert!((service as usize) < locations.len());
                    calls += 1;
                    true
                });
                assert!(calls <= points, "{calls} calls for {points} points");
                for service in 0..locations.len() as u32 {
                    let _ = geo.nearest(service, lat, lon);
                    let _ = geo.points(service).count();
                }
            }
            let _ = geo.unlocated();
        };
        for len in 0..bytes.len() {
            if let Ok(geo) = Geo::open(&OwnedBytes::new(bytes[..len].to_vec()), locations.len()) {
                query(&geo);
            }
        }
        let mut opened = 0;
        for at in 0..bytes.len() {
            for flip in [0x01, 0x80, 0xff] {
                let mut damaged = bytes.clone();
                damaged[at] ^= flip;
                if let Ok(geo) = Geo::open(&OwnedBytes::new(damaged), locations.len()) {
                    opened += 1;
                    query(&geo);
                }
            }
        }
        assert!(
            opened > bytes.len(),
            "damage is caught at open only: the test tests little"
        );
    }

    fn geo_points(locations: &[Vec<(f64, f64)>]) -> usize {
        locations.iter().map(Vec::len).sum()
    }
}
