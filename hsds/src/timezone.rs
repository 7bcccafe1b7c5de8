//! Time zones of services whose data names none: from the `--timezone` a
//! publisher gives, else from a location's coordinates, else the zone most
//! of the directory's services have.
//!
//! [`zone_at`] is a coarse map of North America (Canada by province and
//! territory, the United States by longitude bands, with Arizona, Alaska
//! and Hawaii), good away from zone borders: Ontario west of 90° W is
//! `America/Winnipeg` (Kenora, Fort Frances), the rest `America/Toronto`;
//! Florida east of 85° W is `America/New_York`. Near a border, or
//! elsewhere, give the zone with `--timezone` or in the data (an IANA name
//! in a schedule's `timezone`).

use servicematch::Service;

/// The IANA zone of a point in North America, approximately; `None`
/// outside it.
///
/// # Units
/// Degrees (WGS 84).
pub fn zone_at(lat: f64, lon: f64) -> Option<&'static str> {
    if !(lat.is_finite() && lon.is_finite() && (14.0..=84.0).contains(&lat)) {
        return None;
    }
    if (18.0..23.5).contains(&lat) && (-161.0..-154.0).contains(&lon) {
        return Some("Pacific/Honolulu");
    }
    if !(-170.0..=-52.0).contains(&lon) {
        return None;
    }
    if lon < -141.0 {
        return Some("America/Anchorage");
    }
    if in_canada(lat, lon) {
        return Some(canada(lat, lon));
    }
    if lat < 24.0 {
        return None;
    }
    Some(united_states(lat, lon))
}

/// Roughly whether a point in North America lies in Canada: north of the
/// 49th parallel, or north of the Great Lakes and the St. Lawrence. Where
/// it errs, both sides mostly keep the same clock.
fn in_canada(lat: f64, lon: f64) -> bool {
    if lat >= 49.0 {
        return true;
    }
    match lon {
        lon if lon < -95.2 => false,
        lon if lon < -89.5 => lat > 48.3,
        lon if lon < -84.5 => lat > 46.6,
        lon if lon < -82.4 => lat > 45.5 || (41.9..43.1).contains(&lat) && lon > -83.1,
        lon if lon < -79.0 => lat > 42.2,
        lon if lon < -74.7 => lat > 44.0,
        lon if lon < -67.8 => lat > 45.0,
        _ => lat > 45.0 || lon > -67.0,
    }
}

fn canada(lat: f64, lon: f64) -> &'static str {
    if lat >= 60.0 {
        return match lon {
            lon if lon < -124.0 => "America/Whitehorse",
            lon if lon < -102.0 => "America/Edmonton",
            lon if lon < -85.0 => "America/Winnipeg",
            _ => "America/Toronto",
        };
    }
    match lon {
        lon if lon < -120.0 => "America/Vancouver",
        lon if lon < -110.0 => "America/Edmonton",
        lon if lon < -102.0 => "America/Regina",
        lon if lon < -90.0 => "America/Winnipeg",
        lon if lon > -59.8 && lat > 46.5 && lat < 52.0 => "America/St_Johns",
        lon if lon > -64.5 && lat > 51.5 => "America/Goose_Bay",
        lon if lon > -69.1 && lat < 48.1 => "America/Halifax",
        lon if lon > -64.5 && lat < 48.1 => "America/Halifax",
        _ => "America/Toronto",
    }
}

fn united_states(lat: f64, lon: f64) -> &'static str {
    if (31.3..37.0).contains(&lat) && (-114.8..-109.05).contains(&lon) {
        return "America/Phoenix";
    }
    let eastern_from = if lat < 31.0 {
        -85.0
    } else if lat < 37.0 {
        -85.5
    } else {
        -86.5
    };
    match lon {
        lon if lon >= eastern_from => "America/New_York",
        lon if lon >= -101.5 => "America/Chicago",
        lon if lon >= -114.5 => "America/Denver",
        _ => "America/Los_Angeles",
    }
}

/// Gives a time zone to every service that has hours and none from its
/// data: `default` when given (the publisher's `--timezone`), else the
/// zone of its first located location ([`zone_at`]), else the zone most
/// of the directory's services have. Returns how many services got one.
pub fn assign_time_zones(services: &mut [Service], default: Option<&str>) -> usize {
    let has_hours = |s: &Service| {
        !(s.hours.is_empty() && s.monthly_hours.is_empty() && s.hours_exceptions.is_empty())
    };
    let mut assigned = 0;
    for service in services.iter_mut() {
        if service.time_zone.is_some() || !has_hours(service) {
            continue;
        }
        let zone = default.map(str::to_owned).or_else(|| {
            service
                .locations
                .iter()
                .find_map(|l| zone_at(l.lat, l.lon))
                .map(str::to_owned)
        });
        if zone.is_some() {
            service.time_zone = zone;
            assigned += 1;
        }
    }
    let mut counts: std::collections::BTreeMap<&str, usize> = Default::default();
    for zone in services.iter().filter_map(|s| s.time_zone.as_deref()) {
        *counts.entry(zone).or_default() += 1;
    }
    let common = counts
        .into_iter()
        .max_by_key(|&(zone, count)| (count, std::cmp::Reverse(zone)))
        .map(|(zone, _)| zone.to_owned());
    if let Some(common) = common {
        for service in services.iter_mut() {
            if service.time_zone.is_none() && has_hours(service) {
                service.time_zone = Some(common.clone());
                assigned += 1;
            }
        }
    }
    assigned
}

#[cfg(test)]
mod tests {
    use super::*;
    use servicematch::{Location, OpenInterval};

    #[test]
    fn places_that_matter() {
        for (place, lat, lon, zone) in [
            ("Toronto", 43.65, -79.38, "America/Toronto"),
            ("Ottawa", 45.42, -75.70, "America/Toronto"),
            ("Sudbury", 46.49, -80.99, "America/Toronto"),
            ("Thunder Bay", 48.38, -89.25, "America/Toronto"),
            ("Kenora", 49.77, -94.49, "America/Winnipeg"),
            ("Fort Frances", 48.61, -93.40, "America/Winnipeg"),
            ("Sioux Lookout", 50.10, -91.92, "America/Winnipeg"),
            ("Moosonee", 51.27, -80.64, "America/Toronto"),
            ("Winnipeg", 49.90, -97.14, "America/Winnipeg"),
            ("Regina", 50.45, -104.61, "America/Regina"),
            ("Calgary", 51.05, -114.07, "America/Edmonton"),
            ("Vancouver", 49.28, -123.12, "America/Vancouver"),
            ("Halifax", 44.65, -63.57, "America/Halifax"),
            ("St. John's", 47.56, -52.71, "America/St_Johns"),
            ("Montreal", 45.50, -73.57, "America/Toronto"),
            ("Miami", 25.76, -80.19, "America/New_York"),
            ("Tallahassee", 30.44, -84.28, "America/New_York"),
            ("Pensacola", 30.42, -87.22, "America/Chicago"),
            ("Chicago", 41.88, -87.63, "America/Chicago"),
            ("Baltimore", 39.29, -76.61, "America/New_York"),
            ("Denver", 39.74, -104.99, "America/Denver"),
            ("Phoenix", 33.45, -112.07, "America/Phoenix"),
            ("Seattle", 47.61, -122.33, "America/Los_Angeles"),
            ("Anchorage", 61.22, -149.90, "America/Anchorage"),
            ("Honolulu", 21.31, -157.86, "Pacific/Honolulu"),
            ("Iqaluit", 63.75, -68.52, "America/Toronto"),
        ] {
            assert_eq!(zone_at(lat, lon), Some(zone), "{place}");
        }
        assert_eq!(zone_at(48.85, 2.35), None);
        assert_eq!(zone_at(f64::NAN, f64::NAN), None);
    }

    #[test]
    fn data_then_option_then_coordinates_then_the_directory() {
        let hours = vec![OpenInterval {
            weekday: 0,
            opens: 540,
            closes: 1020,
        }];
        let at = |lat: f64, lon: f64| Location {
            lat,
            lon,
            ..Default::default()
        };
        let mut services = vec![
            Service {
                id: "data".into(),
                time_zone: Some("America/Regina".into()),
                hours: hours.clone(),
                ..Default::default()
            },
            Service {
                id: "kenora".into(),
                hours: hours.clone(),
                locations: vec![at(49.77, -94.49)],
                ..Default::default()
            },
            Service {
                id: "nowhere".into(),
                hours: hours.clone(),
                ..Default::default()
            },
            Service {
                id: "no hours".into(),
                ..Default::default()
            },
        ];
        let mut with_option = services.clone();
        assign_time_zones(&mut services, None);
        let zones: Vec<Option<&str>> = services.iter().map(|s| s.time_zone.as_deref()).collect();
        assert_eq!(
            zones,
            [
                Some("America/Regina"),
                Some("America/Winnipeg"),
                // A tie between Regina and Winnipeg: the first by name.
                Some("America/Regina"),
                None
            ]
        );
        assign_time_zones(&mut with_option, Some("America/Toronto"));
        assert_eq!(with_option[0].time_zone.as_deref(), Some("America/Regina"));
        assert_eq!(with_option[1].time_zone.as_deref(), Some("America/Toronto"));
    }
}
