//! Residency by place: a program for the residents of a municipality
//! ("Thunder Bay") is for callers whose postal code, or nearest forward
//! sortation area, lies in it; a caller known to live elsewhere is not
//! offered it, and without a place their eligibility is unknown. A place
//! the build cannot resolve is reported and restricts no one.

use servicematch::{
    BuildSummary, Eligibility, EligibilityRules, GazetteerEntry, Hit, Index, IndexBuilder,
    Location, Query, Service,
};

fn program(id: &str, lat: f64, lon: f64, residency: &[&str]) -> Service {
    Service {
        id: id.into(),
        name: format!("Home Repair Grant {id}"),
        description: Some("grants for urgent home repairs".into()),
        locations: vec![Location {
            lat,
            lon,
            ..Default::default()
        }],
        eligibility: EligibilityRules {
            residency: residency.iter().map(|&r| r.to_owned()).collect(),
            ..EligibilityRules::default()
        },
        ..Default::default()
    }
}

fn build() -> (Index, BuildSummary) {
    let mut builder = IndexBuilder::new("residency");
    builder.add_services([
        program("a-thunder-bay", 48.38, -89.25, &["Thunder Bay"]),
        // Quebec's residents, or Greater Sudbury's.
        program(
            "b-sudbury-or-quebec",
            46.49,
            -80.99,
            &["QC", "City of Greater Sudbury"],
        ),
        // A place no gazetteer knows.
        program("c-atlantis", 48.39, -89.24, &["Atlantis"]),
        program("d-anyone", 48.40, -89.26, &[]),
    ]);
    let (bytes, summary) = builder.build_bytes().unwrap();
    (Index::from_bytes(bytes).unwrap(), summary)
}

/// The hits of `query` for home repair grants, explained, for a client
/// whose profile says nothing else that rules a program out.
fn hits(query: Query) -> Vec<Hit> {
    let (index, _) = build();
    let query = query
        .text("home repair")
        .client_gender("female")
        .explain(true);
    index.search(&query).unwrap().hits
}

fn find<'h>(hits: &'h [Hit], id: &str) -> Option<&'h Hit> {
    hits.iter().find(|h| h.id == id)
}

fn reason(hit: &Hit) -> &str {
    &hit.explanation.as_ref().unwrap().reason
}

#[test]
fn a_thunder_bay_caller_is_offered_the_thunder_bay_program() {
    let hits = hits(Query::new().near_place("P7B 1A1"));
    let program = find(&hits, "a-thunder-bay").expect("offered");
    assert_eq!(program.eligibility, Some(Eligibility::Eligible));
    assert!(
        reason(program).contains("for residents of Thunder Bay"),
        "{}",
        reason(program)
    );
    assert!(find(&hits, "b-sudbury-or-quebec").is_none());
}

#[test]
fn a_caller_at_a_point_in_thunder_bay_counts_by_the_nearest_postal_area() {
    let hits = hits(Query::new().near_point(48.43, -89.23));
    let program = find(&hits, "a-thunder-bay").expect("offered");
    assert_eq!(program.eligibility, Some(Eligibility::Eligible));
}

#[test]
fn a_sudbury_caller_is_not_offered_it_with_or_without_a_profile() {
    let hits = hits(Query::new().near_place("P3E 2C6"));
    assert!(find(&hits, "a-thunder-bay").is_none());
    let sudbury = find(&hits, "b-sudbury-or-quebec").expect("offered");
    assert_eq!(sudbury.eligibility, Some(Eligibility::Eligible));
    assert!(
        reason(sudbury).contains("for QC residents or residents of City of Greater Sudbury"),
        "{}",
        reason(sudbury)
    );
    let (index, _) = build();
    let plain = index
        .search(&Query::new().text("home repair").near_place("Sudbury"))
        .unwrap();
    assert!(plain.hits.iter().all(|h| h.id != "a-thunder-bay"));
}

#[test]
fn provinces_and_places_combine_a_resident_of_either_is_served() {
    let montreal = hits(Query::new().near_place("H2X 1Y4"));
    assert!(find(&montreal, "b-sudbury-or-quebec").is_some());
    assert!(find(&montreal, "a-thunder-bay").is_none());
    let toronto = hits(Query::new().near_place("M5V 2T6"));
    assert!(find(&toronto, "b-sudbury-or-quebec").is_none());
}

#[test]
fn without_a_place_eligibility_by_residency_is_unknown() {
    let hits = hits(Query::new());
    let verdict = |id| find(&hits, id).expect(id).eligibility;
    assert_eq!(verdict("a-thunder-bay"), Some(Eligibility::Unknown));
    assert_eq!(verdict("b-sudbury-or-quebec"), Some(Eligibility::Unknown));
    assert_eq!(verdict("d-anyone"), Some(Eligibility::Eligible));
}

#[test]
fn a_place_the_build_cannot_resolve_is_reported_and_restricts_no_one() {
    let (index, summary) = build();
    let warned: Vec<&str> = summary
        .report
        .problems
        .iter()
        .filter(|p| p.field.as_deref() == Some("residency"))
        .map(|p| p.reason.as_str())
        .collect();
    assert_eq!(
        warned,
        ["service c-atlantis: residency \"Atlantis\" is not a province or a place the gazetteer knows; kept as text, it restricts no one"]
    );
    for place in ["P3E 2C6", "P7B 1A1", "M5V 2T6"] {
        let hits = hits(Query::new().near_place(place));
        let atlantis = find(&hits, "c-atlantis").expect(place);
        assert_eq!(atlantis.eligibility, Some(Eligibility::Eligible), "{place}");
        assert!(
            !reason(atlantis).contains("residents"),
            "{}",
            reason(atlantis)
        );
    }
    // Nothing is lost: the record keeps it.
    let record = index.service_by_id("c-atlantis").unwrap().unwrap();
    assert_eq!(record.eligibility.residency, ["Atlantis"]);
}

#[test]
fn a_program_for_ottawa_residents_serves_kanata_and_orleans_but_not_rockland() {
    // Ottawa absorbed Kanata, Nepean, Gloucester… in 2001; GeoNames still
    // names their postal areas after them. Rockland is its own town.
    let mut builder = IndexBuilder::new("amalgamated");
    builder.add_services([program("ottawa-only", 45.42, -75.70, &["City of Ottawa"])]);
    let index = Index::from_bytes(builder.build_bytes().unwrap().0).unwrap();
    let verdict = |place: &str| {
        let query = Query::new()
            .text("home repair")
            .near_place(place)
            .client_gender("female")
            .explain(true);
        let results = index.search(&query).unwrap();
        results
            .hits
            .into_iter()
            .find(|h| h.id == "ottawa-only" && h.relaxed.is_none())
            .map(|h| h.eligibility)
    };
    for place in ["K1P 1J1", "K2K 2X3", "K4A 1A1", "K2J 4T1"] {
        assert_eq!(verdict(place), Some(Some(Eligibility::Eligible)), "{place}");
    }
    assert_eq!(verdict("K4K 1A1"), None, "Rockland");
}

#[test]
fn a_place_of_the_publishers_gazetteer_resolves_by_its_postal_codes() {
    // A US directory: the built-in gazetteer knows no US city, the
    // publisher's (GeoNames' US postal codes, say) does.
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
            zip("33125", "Miami", 25.78, -80.24),
            zip("33301", "Fort Lauderdale", 26.12, -80.14),
        ])
        .unwrap();
    builder.add_services([program("miami-only", 25.77, -80.19, &["City of Miami"])]);
    let (bytes, summary) = builder.build_bytes().unwrap();
    assert!(
        summary
            .report
            .problems
            .iter()
            .all(|p| p.field.as_deref() != Some("residency")),
        "resolved, so not reported: {:?}",
        summary.report.problems
    );
    let index = Index::from_bytes(bytes).unwrap();
    let hit = |place: &str| {
        let query = Query::new()
            .text("home repair")
            .near_place(place)
            .client_gender("female")
            .explain(true);
        let results = index.search(&query).unwrap();
        results
            .hits
            .into_iter()
            .find(|h| h.id == "miami-only" && h.relaxed.is_none())
    };
    for place in ["33101", "33125"] {
        let hit = hit(place).expect(place);
        assert_eq!(hit.eligibility, Some(Eligibility::Eligible), "{place}");
        assert!(
            reason(&hit).contains("for residents of City of Miami"),
            "{}",
            reason(&hit)
        );
    }
    assert!(
        hit("33301").is_none(),
        "a Fort Lauderdale caller is not offered it"
    );
}
