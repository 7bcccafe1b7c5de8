//! What the demo directory carries for the callers a 211 hears: hours in
//! each community's time zone, holiday closures, monthly and overnight
//! hours, service areas (drawn, by postal prefix, by name), and a few
//! services written for the scenario tests (`core/tests/scenarios.rs`),
//! two of them for the residents of one municipality.
//!
//! Everything here is synthetic and marked as the rest of the generator's
//! records are. The enrichment draws nothing from the generator's random
//! stream (it hashes each service's id), so the benchmark directories the
//! generator writes are unchanged: only the demo directory is enriched.

use crate::hsds::{
    Accessibility, Address, Attribute, Language, Location, Organization, Phone, Schedule, Service,
    ServiceArea, ServiceAtLocation, TaxonomyTerm,
};
use crate::vocabulary::SYNTHETIC_MARKER;

/// How many services [`scenario_services`] adds.
pub const SCENARIO_SERVICES: u64 = 11;

/// A stable hash of a service id (FNV-1a).
fn hash(id: &str) -> u64 {
    id.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// The IANA zone of an Ontario point: west of 90° W (Kenora, Rainy River
/// districts) keeps Central time, the rest Eastern.
fn zone(longitude: f64) -> &'static str {
    if longitude < -90.0 {
        "America/Winnipeg"
    } else {
        "America/Toronto"
    }
}

fn row(id: String, freq: &str, byday: &str, opens: &str, closes: &str, text: &str) -> Schedule {
    Schedule {
        id,
        freq: freq.into(),
        byday: byday.into(),
        opens_at: opens.into(),
        closes_at: closes.into(),
        description: Some(text.into()),
        valid_from: None,
        valid_to: None,
        timezone: None,
    }
}

fn closed(id: String, from: &str, to: &str, text: &str) -> Schedule {
    Schedule {
        id,
        freq: "WEEKLY".into(),
        byday: String::new(),
        opens_at: String::new(),
        closes_at: String::new(),
        description: Some(text.into()),
        valid_from: Some(from.into()),
        valid_to: Some(to.into()),
        timezone: None,
    }
}

/// A box around a point as a GeoJSON polygon.
///
/// # Units
/// Degrees.
fn box_extent(lat: f64, lon: f64, half_lat: f64, half_lon: f64) -> String {
    let (s, n, w, e) = (
        lat - half_lat,
        lat + half_lat,
        lon - half_lon,
        lon + half_lon,
    );
    let r = |v: f64| (v * 1000.0).round() / 1000.0;
    format!(
        r#"{{"type":"Polygon","coordinates":[[[{w},{s}],[{e},{s}],[{e},{n}],[{w},{n}],[{w},{s}]]]}}"#,
        w = r(w),
        e = r(e),
        s = r(s),
        n = r(n)
    )
}

/// Gives a generated service what the demo's callers need: its hours'
/// time zone; for some, holiday closures, a monthly opening, overnight
/// hours; for outreach, telephone and home services, the area they serve.
pub fn enrich(mut service: Service) -> Service {
    let h = hash(&service.id);
    let first = service.service_at_locations.first().map(|l| {
        (
            l.location.latitude,
            l.location.longitude,
            l.location
                .addresses
                .first()
                .map(|a| (a.city.clone(), a.postal_code.clone())),
        )
    });
    let Some((lat, lon, address)) = first else {
        return service;
    };
    let name = service.name.to_lowercase();
    let always_open = service.schedules.iter().any(|r| r.closes_at == "23:59");
    let id = service.id.clone();
    if !service.schedules.is_empty() {
        let shelter = ["shelter", "refuge", "hébergement"]
            .iter()
            .any(|w| name.contains(w));
        if shelter
            && always_open
            && h % 3 == 1
            && !name.contains("women")
            && !name.contains("femmes")
        {
            service.schedules = vec![row(
                format!("{id}-sch-night"),
                "WEEKLY",
                "MO,TU,WE,TH,FR,SA,SU",
                "19:00",
                "08:00",
                "Every night, 19:00 to 8:00 the next morning",
            )];
        }
        if !always_open && h.is_multiple_of(3) {
            service.schedules.push(closed(
                format!("{id}-sch-xmas"),
                "2026-12-25",
                "2026-12-26",
                "Closed December 25 and 26",
            ));
            service.schedules.push(closed(
                format!("{id}-sch-newyear"),
                "2027-01-01",
                "2027-01-01",
                "Closed January 1",
            ));
        }
        let food = ["food bank", "banque alimentaire", "pantry", "food cupboard"]
            .iter()
            .any(|w| name.contains(w));
        if food && h % 4 == 1 {
            service.schedules.push(row(
                format!("{id}-sch-monthly"),
                "MONTHLY",
                "2SA",
                "10:00",
                "13:00",
                "Second Saturday of the month, 10:00 to 13:00",
            ));
        }
        for schedule in &mut service.schedules {
            schedule.timezone = Some(zone(lon).into());
        }
    }
    let telephone = [
        "crisis line",
        "distress",
        "helpline",
        "ligne d'écoute",
        "ligne de crise",
    ]
    .iter()
    .any(|w| name.contains(w));
    let outreach = [
        "mobile crisis",
        "home care",
        "meals on wheels",
        "medical transportation",
        "soins à domicile",
        "popote roulante",
        "transport médical",
    ]
    .iter()
    .any(|w| name.contains(w));
    if telephone {
        service.service_areas.push(ServiceArea {
            id: format!("{id}-area"),
            name: "Ontario".into(),
            extent: None,
            extent_type: None,
        });
    } else if outreach {
        let (city, postal) = address.unwrap_or_default();
        let fsa: String = postal.chars().take(3).collect();
        let rural = fsa.as_bytes().get(1) == Some(&b'0');
        service.service_areas.push(if rural && h.is_multiple_of(2) {
            ServiceArea {
                id: format!("{id}-area"),
                name: fsa,
                extent: None,
                extent_type: None,
            }
        } else {
            ServiceArea {
                id: format!("{id}-area"),
                name: format!("{city} and area"),
                extent: Some(box_extent(lat, lon, 0.5, 0.75)),
                extent_type: Some("geojson".into()),
            }
        });
    }
    service
}

struct Spec {
    n: u32,
    name: &'static str,
    description: &'static str,
    org: &'static str,
    place: (&'static str, &'static str, f64, f64),
    street: &'static str,
    term: (&'static str, &'static str, &'static str),
    ages: (Option<u8>, Option<u8>),
    languages: &'static [(&'static str, &'static str)],
    wheelchair: bool,
    schedules: Vec<(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    )>,
    areas: Vec<(&'static str, Option<String>)>,
    /// Whose residents alone it serves (a `servicematch-eligibility`
    /// `residency` attribute): a municipality by name.
    residency: Option<&'static str>,
}

fn build(spec: Spec) -> Service {
    let id = format!("synth-scenario-{:02}", spec.n);
    let (city, postal, lat, lon) = spec.place;
    let slug: String = spec
        .org
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let location = Location {
        id: format!("{id}-loc"),
        location_type: "physical".into(),
        name: Some(spec.org.into()),
        latitude: lat,
        longitude: lon,
        addresses: vec![Address {
            id: format!("{id}-addr"),
            address_1: Some(spec.street.into()),
            city: city.into(),
            state_province: "ON".into(),
            postal_code: postal.into(),
            country: "CA".into(),
            address_type: "physical".into(),
        }],
        accessibility: spec
            .wheelchair
            .then(|| Accessibility {
                id: format!("{id}-access"),
                description: "Wheelchair accessible".into(),
            })
            .into_iter()
            .collect(),
    };
    let (code, term, parent) = spec.term;
    Service {
        id: id.clone(),
        name: spec.name.into(),
        description: format!("{} {SYNTHETIC_MARKER}", spec.description),
        url: Some(format!("https://{slug}.example.org")),
        status: "active".into(),
        minimum_age: spec.ages.0,
        maximum_age: spec.ages.1,
        organization: Organization {
            id: format!("{id}-org"),
            name: spec.org.into(),
            description: Some(format!(
                "{} is a fictional organization. (Fictional organization.)",
                spec.org
            )),
            website: Some(format!("https://{slug}.example.org")),
            email: None,
        },
        service_at_locations: vec![ServiceAtLocation {
            id: format!("{id}-sal"),
            location,
        }],
        phones: vec![Phone {
            id: format!("{id}-phone"),
            number: format!("705-555-01{:02}", 50 + spec.n),
            kind: "voice".into(),
            description: None,
        }],
        languages: spec
            .languages
            .iter()
            .map(|&(code, name)| Language {
                id: format!("{id}-lang-{code}"),
                name: name.into(),
                code: code.into(),
            })
            .collect(),
        schedules: spec
            .schedules
            .into_iter()
            .enumerate()
            .map(|(k, (freq, byday, opens, closes, text))| {
                let mut r = row(
                    format!("{id}-sch-{}", k + 1),
                    freq,
                    byday,
                    opens,
                    closes,
                    text,
                );
                r.timezone = Some(zone(lon).into());
                r
            })
            .collect(),
        attributes: std::iter::once(Attribute {
            id: format!("{id}-attr"),
            taxonomy_term: TaxonomyTerm {
                id: code.into(),
                code: code.into(),
                name: term.into(),
                parent_id: Some(parent.into()),
                taxonomy: "Open Eligibility".into(),
            },
            value: None,
        })
        .chain(spec.residency.map(|place| Attribute {
            id: format!("{id}-attr-residency"),
            taxonomy_term: TaxonomyTerm {
                id: "eligibility-residency".into(),
                code: "residency".into(),
                name: "residency".into(),
                parent_id: None,
                taxonomy: "servicematch-eligibility".into(),
            },
            value: Some(place.into()),
        }))
        .collect(),
        service_areas: spec
            .areas
            .into_iter()
            .enumerate()
            .map(|(k, (name, extent))| ServiceArea {
                id: format!("{id}-area-{}", k + 1),
                name: name.into(),
                extent_type: extent.as_ref().map(|_| "geojson".into()),
                extent,
            })
            .collect(),
        ..Service::default()
    }
}

const EN: &[(&str, &str)] = &[("en", "English")];
const EN_FR: &[(&str, &str)] = &[("en", "English"), ("fr", "French")];
const EVERY_DAY: &str = "MO,TU,WE,TH,FR,SA,SU";
const WEEKDAYS: &str = "MO,TU,WE,TH,FR";

/// Services written for the scenario tests, each a need a 211 hears where
/// the random directory might not have one.
pub fn scenario_services() -> Vec<Service> {
    let thunder_bay_district = r#"{"type":"Polygon","coordinates":[[[-92.0,47.9],[-84.8,47.9],[-84.8,52.0],[-92.0,52.0],[-92.0,47.9]]]}"#;
    vec![
        build(Spec {
            n: 1,
            name: "Youth Night Shelter",
            description: "Emergency beds for young people aged 16 to 24 in the west end of Ottawa, open every night with a hot meal and a safe place to sleep.",
            org: "Rideau Youth Refuge",
            place: ("Kanata", "K2K 1X7", 45.3350, -75.9080),
            street: "214 March Road",
            term: ("103-01", "Emergency Shelter", "103"),
            ages: (Some(16), Some(24)),
            languages: EN_FR,
            wheelchair: true,
            schedules: vec![("WEEKLY", EVERY_DAY, "20:00", "08:00", "Every night, 20:00 to 8:00")],
            areas: Vec::new(),
            residency: None,
        }),
        build(Spec {
            n: 2,
            name: "Lake of the Woods Dental Clinic",
            description: "Dental check-ups, cleanings, fillings and emergency dental care, with a sliding scale for people with low income.",
            org: "Lake of the Woods Community Health",
            place: ("Kenora", "P9N 1T4", 49.7670, -94.4894),
            street: "30 Main Street South",
            term: ("106-02", "Dental Care", "106"),
            ages: (None, None),
            languages: EN,
            wheelchair: true,
            schedules: vec![("WEEKLY", WEEKDAYS, "08:00", "16:30", "Weekdays, 8:00 to 16:30")],
            areas: Vec::new(),
            residency: None,
        }),
        build(Spec {
            n: 3,
            name: "Port Arthur Dental Clinic",
            description: "Dental check-ups, cleanings, fillings and emergency dental care.",
            org: "Port Arthur Health Collective",
            place: ("Thunder Bay", "P7B 1A1", 48.4381, -89.2250),
            street: "101 Red River Road",
            term: ("106-02", "Dental Care", "106"),
            ages: (None, None),
            languages: EN,
            wheelchair: true,
            schedules: vec![("WEEKLY", WEEKDAYS, "08:00", "16:30", "Weekdays, 8:00 to 16:30")],
            areas: Vec::new(),
            residency: None,
        }),
        build(Spec {
            n: 4,
            name: "District Seniors Home Support Program",
            description: "Home support for seniors across the Thunder Bay District: personal care, housekeeping and check-in visits, arranged by telephone.",
            org: "Superior North Seniors Network",
            place: ("Geraldton", "P0T 1M0", 49.7167, -86.9500),
            street: "400 Main Street",
            term: ("106-06-07-09", "In-Home Support", "106-06-07"),
            ages: (Some(65), None),
            languages: EN_FR,
            wheelchair: false,
            schedules: vec![("WEEKLY", WEEKDAYS, "08:30", "16:30", "Weekdays, 8:30 to 16:30")],
            areas: vec![("Thunder Bay District", Some(thunder_bay_district.into()))],
            residency: None,
        }),
        build(Spec {
            n: 5,
            name: "Tenant Rights Legal Clinic",
            description: "Free legal advice for tenants facing eviction, rent increases or repairs that are not done.",
            org: "Seaway Legal Services",
            place: ("Cornwall", "K6H 4R2", 45.0213, -74.7303),
            street: "12 Pitt Street",
            term: ("111-01", "Advocacy & Legal Aid", "111"),
            ages: (None, None),
            languages: EN,
            wheelchair: true,
            schedules: vec![("WEEKLY", "TU,TH", "09:00", "16:00", "Tuesdays and Thursdays, 9:00 to 16:00")],
            areas: Vec::new(),
            residency: None,
        }),
        build(Spec {
            n: 6,
            name: "Ontario Seniors Helpline",
            description: "A telephone line for seniors and their families: information, referrals and someone to talk to, day and night.",
            org: "Ontario Seniors Helpline Network",
            place: ("Toronto", "M5V 2T6", 43.6426, -79.3871),
            street: "1 Front Street West",
            term: ("106-06-07-09", "In-Home Support", "106-06-07"),
            ages: (Some(55), None),
            languages: EN_FR,
            wheelchair: false,
            schedules: vec![("WEEKLY", EVERY_DAY, "00:00", "23:59", "Open 24 hours")],
            areas: vec![("Ontario", None)],
            residency: None,
        }),
        build(Spec {
            n: 7,
            name: "Second Monday Foot Care Clinic",
            description: "Foot care by a nurse for seniors and people with diabetes, on the second Monday of each month.",
            org: "Minnow Lake Seniors Centre",
            place: ("Sudbury", "P3A 4S4", 46.4950, -80.9560),
            street: "1000 Bancroft Drive",
            term: ("106-06-07-09", "In-Home Support", "106-06-07"),
            ages: (Some(50), None),
            languages: EN_FR,
            wheelchair: true,
            schedules: vec![("MONTHLY", "2MO", "10:00", "14:00", "Second Monday of the month, 10:00 to 14:00")],
            areas: Vec::new(),
            residency: None,
        }),
        build(Spec {
            n: 8,
            name: "Kenora Mobile Outreach Team",
            description: "Outreach workers who come to people in Kenora and the surrounding area: food, clothing, harm reduction and help finding housing.",
            org: "Lake of the Woods Community Health",
            place: ("Kenora", "P9N 1T4", 49.7670, -94.4894),
            street: "30 Main Street South",
            term: ("101-02-03", "Help Pay for Housing", "101-02"),
            ages: (None, None),
            languages: EN,
            wheelchair: false,
            schedules: vec![("WEEKLY", EVERY_DAY, "10:00", "22:00", "Every day, 10:00 to 22:00")],
            areas: vec![("P9N, P0X, P0V", None)],
            residency: None,
        }),
        build(Spec {
            n: 9,
            name: "Sioux Lookout Food Bank",
            description: "Groceries and fresh food for people and families in need; food hampers flown to fly-in communities on request.",
            org: "Sioux Lookout Community Food Network",
            place: ("Sioux Lookout", "P8T 1B4", 50.0997, -91.9177),
            street: "25 Front Street",
            term: ("102-04", "Food Pantry", "102"),
            ages: (None, None),
            languages: EN,
            wheelchair: true,
            schedules: vec![("WEEKLY", "TU,TH", "10:00", "15:00", "Tuesdays and Thursdays, 10:00 to 15:00")],
            areas: Vec::new(),
            residency: None,
        }),
        build(Spec {
            n: 10,
            name: "Thunder Bay Home Repair Grant",
            description: "Grants for urgent home repairs (a failed furnace, a leaking roof, a ramp at the door) for homeowners with low income who live in the city of Thunder Bay.",
            org: "Lakehead Home Repair Network",
            place: ("Thunder Bay", "P7B 4A3", 48.4290, -89.2310),
            street: "310 Red River Road",
            term: ("103-03-05", "Maintenance & Repairs", "103-03"),
            ages: (None, None),
            languages: EN,
            wheelchair: true,
            schedules: vec![("WEEKLY", WEEKDAYS, "09:00", "16:00", "Weekdays, 9:00 to 16:00")],
            areas: Vec::new(),
            residency: Some("Thunder Bay"),
        }),
        build(Spec {
            n: 11,
            name: "Greater Sudbury Winter Heating Help",
            description: "Help paying heating and hydro bills in winter, and a furnace check, for households that live in the City of Greater Sudbury.",
            org: "Nickel Basin Energy Assistance",
            place: ("Sudbury", "P3E 1H5", 46.4880, -80.9960),
            street: "85 Elm Street",
            term: ("101-02-06", "Help Pay for Utilities", "101-02"),
            ages: (None, None),
            languages: EN_FR,
            wheelchair: true,
            schedules: vec![("WEEKLY", WEEKDAYS, "08:30", "16:30", "Weekdays, 8:30 to 16:30")],
            areas: Vec::new(),
            residency: Some("City of Greater Sudbury"),
        }),
    ]
}
