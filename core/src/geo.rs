//! Distances on the Earth's surface, for people and for ranking.
//!
//! Points are latitude and longitude in degrees (WGS 84); `geo`'s own points
//! are (x = lon, y = lat). Where services are stored and how they are found
//! near a point is the geo section's work (`format::geo`).

use geo::{Distance, Haversine, Point};

/// Mean Earth radius used for distances.
///
/// # Units
/// Kilometres.
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle (haversine) distance.
///
/// # Units
/// Degrees in, kilometres out.
///
/// # Example
/// ```
/// let km = servicematch::geo::distance_km(43.6532, -79.3832, 46.4917, -80.9930);
/// assert!((km - 339.0).abs() < 5.0, "Toronto to Sudbury: {km}");
/// ```
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    // Haversine returns metres.
    Haversine.distance(Point::new(lon1, lat1), Point::new(lon2, lat2)) / 1000.0
}
