//! "Serves my area": a service whose declared area holds the caller ranks
//! as reachable wherever its office is; one whose area excludes the caller
//! is marked, and left out with `serves_here`.

use servicematch::{
    AreaPolygon, GazetteerEntry, Index, IndexBuilder, Location, Query, Service, ServiceArea,
};

fn square(x0: f64, y0: f64, x1: f64, y1: f64) -> Vec<(f64, f64)> {
    vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)]
}

fn service(id: &str, name: &str, lat: f64, lon: f64, areas: Vec<ServiceArea>) -> Service {
    Service {
        id: id.into(),
        name: name.into(),
        description: Some("home care for seniors".into()),
        locations: vec![Location {
            lat,
            lon,
            ..Default::default()
        }],
        service_areas: areas,
        ..Default::default()
    }
}

fn index() -> Index {
    let mut builder = IndexBuilder::new("areas");
    builder.add_services([
        // A district program for the Thunder Bay district, office in Geraldton (~250 km).
        service(
            "a-district",
            "District Seniors Home Care",
            49.72,
            -86.95,
            vec![ServiceArea {
                name: Some("Thunder Bay District".into()),
                polygons: vec![AreaPolygon {
                    exterior: square(-91.0, 48.0, -85.0, 51.5),
                    holes: Vec::new(),
                }],
                postal_prefixes: Vec::new(),
            }],
        ),
        // In Thunder Bay itself, but only for Kenora district (prefix P9N).
        service(
            "b-kenora-only",
            "Kenora Seniors Home Care",
            48.40,
            -89.26,
            vec![ServiceArea {
                name: None,
                polygons: Vec::new(),
                postal_prefixes: vec!["P9N".into()],
            }],
        ),
        // Nearby, no area declared.
        service(
            "c-local",
            "Local Seniors Home Care",
            48.45,
            -89.30,
            Vec::new(),
        ),
        // A province-wide telephone line, by name, office in Toronto.
        service(
            "d-province",
            "Ontario Seniors Home Care Line",
            43.65,
            -79.38,
            vec![ServiceArea {
                name: Some("Ontario".into()),
                ..Default::default()
            }],
        ),
    ]);
    Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
}

#[test]
fn a_district_program_serves_callers_far_from_its_office() {
    let index = index();
    let query = Query::new()
        .text("seniors home care")
        .near_place("P7B")
        .explain(true)
        .limit(10);
    let results = index.search(&query).unwrap();
    let ids: Vec<&str> = results.hits.iter().map(|h| h.id.as_str()).collect();
    let at = |id: &str| ids.iter().position(|&i| i == id).unwrap();
    assert!(at("a-district") < at("b-kenora-only"), "{ids:?}");
    let district = &results.hits[at("a-district")];
    assert_eq!(district.serves_here, Some(true));
    assert!(district.distance_km.unwrap() > 150.0);
    let reason = &district.explanation.as_ref().unwrap().reason;
    assert!(
        reason.contains("serves all of Thunder Bay District"),
        "{reason}"
    );
    let outside = &results.hits[at("b-kenora-only")];
    assert_eq!(outside.serves_here, Some(false));
    assert!(outside
        .explanation
        .as_ref()
        .unwrap()
        .reason
        .contains("outside its service area"));
    let province = &results.hits[at("d-province")];
    assert_eq!(province.serves_here, Some(true));
    assert_eq!(results.hits[at("c-local")].serves_here, None);
    // With serves_here, the service whose area excludes the caller is out.
    let here = index.search(&query.clone().serves_here(true)).unwrap();
    let strict: Vec<&str> = here
        .hits
        .iter()
        .filter(|h| h.relaxed.is_none())
        .map(|h| h.id.as_str())
        .collect();
    assert!(!strict.contains(&"b-kenora-only"), "{strict:?}");
    assert_eq!(strict.len(), 3);
    // Too few to fill the page: it is offered after them, marked.
    let last = here.hits.last().unwrap();
    assert_eq!(
        (last.id.as_str(), last.relaxed.as_deref()),
        ("b-kenora-only", Some("outside its service area"))
    );
    // A radius does not drop services that serve the caller's place.
    let radius = index.search(&query.clone().radius_km(10.0)).unwrap();
    let ids: Vec<&str> = radius.hits.iter().map(|h| h.id.as_str()).collect();
    assert!(
        ids.contains(&"a-district") && ids.contains(&"d-province"),
        "{ids:?}"
    );
    // Skipping never changes the answer: the top of limit 1 is the top of 10.
    for q in [
        query.clone(),
        query.clone().text("care"),
        Query::new().near_place("P7B"),
    ] {
        let wide = index.search(&q.clone().limit(10)).unwrap();
        let narrow = index.search(&q.clone().limit(1)).unwrap();
        assert_eq!(narrow.hits[0].id, wide.hits[0].id, "{q:?}");
    }
}

#[test]
fn a_caller_by_point_is_placed_in_the_nearest_postal_area() {
    let index = index();
    // A point in Kenora: the Kenora-only service serves it (P9N), the
    // district polygon does not reach it.
    let results = index
        .search(
            &Query::new()
                .text("seniors home care")
                .near_point(49.77, -94.49),
        )
        .unwrap();
    let kenora = results
        .hits
        .iter()
        .find(|h| h.id == "b-kenora-only")
        .unwrap();
    assert_eq!(kenora.serves_here, Some(true));
    let district = results.hits.iter().find(|h| h.id == "a-district").unwrap();
    assert_eq!(district.serves_here, Some(false));
}

#[test]
fn an_area_named_after_a_place_of_the_publishers_gazetteer_serves_its_postal_codes() {
    // A US directory: "Miami" is no place of the built-in gazetteer; the
    // publisher's gazetteer gives its ZIP codes.
    let zip = |code: &str, place: &str, lat: f64, lon: f64| GazetteerEntry {
        postal_code: Some(code.into()),
        place_name: Some(place.into()),
        province: Some("FL".into()),
        lat,
        lon,
    };
    let mut builder = IndexBuilder::new("publisher-gazetteer");
    builder
        .add_gazetteer([
            zip("33101", "Miami", 25.78, -80.20),
            zip("33301", "Fort Lauderdale", 26.12, -80.14),
        ])
        .unwrap();
    let named = |name: &str| ServiceArea {
        name: Some(name.into()),
        polygons: Vec::new(),
        postal_prefixes: Vec::new(),
    };
    builder.add_services([service(
        "miami-line",
        "Miami Seniors Home Care Line",
        25.77,
        -80.19,
        vec![named("Miami")],
    )]);
    let index = Index::from_bytes(builder.build_bytes().unwrap().0).unwrap();
    let serves = |place: &str| {
        let query = Query::new().text("seniors home care").near_place(place);
        let results = index.search(&query).unwrap();
        results
            .hits
            .iter()
            .find(|h| h.id == "miami-line")
            .unwrap()
            .serves_here
    };
    assert_eq!(serves("33101"), Some(true));
    assert_eq!(serves("33301"), Some(false));
}
