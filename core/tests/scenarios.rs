//! Callers a 211 hears, on the demo directory (`examples/data`, whose
//! synthetic services carry groups, income limits and residency by province
//! or municipality): what must and must not be in their top 10. "Who and
//! what": eligibility by income, residency and gender, services made for
//! the person first, facets.

use std::sync::OnceLock;

use servicematch::{Eligibility, Hit};

use super::*;

/// The demo directory's index, built once for every scenario.
fn demo() -> &'static Index {
    static DEMO: OnceLock<Index> = OnceLock::new();
    DEMO.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
        let import = hsds::read_path(&data).unwrap();
        let mut builder = IndexBuilder::new("demo");
        builder
            .add_services(import.services)
            .add_report(import.report);
        Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
    })
}

/// The top 10 for `query`, explained.
fn top10(query: Query) -> Vec<Hit> {
    demo().search(&query.limit(10).explain(true)).unwrap().hits
}

fn reason(hit: &Hit) -> &str {
    &hit.explanation.as_ref().unwrap().reason
}

fn with_client(query: Query, json: &str) -> Query {
    let mut query = query;
    query.client = Some(serde_json::from_str(json).unwrap());
    query
}

fn says(hits: &[Hit], words: &str) -> usize {
    hits.iter().filter(|h| reason(h).contains(words)).count()
}

#[test]
fn newcomer_family_of_four_on_low_income_needing_food_in_mississauga() {
    let query = Query::new().text("food").near_place("L5B 1M2");
    let hits = top10(with_client(
        query.clone(),
        r#"{"income": 40000, "household_size": 4, "statuses": ["newcomer"]}"#,
    ));
    assert!(says(&hits[..5], "income under the limit for 4 people") >= 1);
    assert!(hits
        .iter()
        .all(|h| h.eligibility != Some(Eligibility::Ineligible)));
}

#[test]
fn the_same_family_well_above_every_limit_sees_no_income_tested_program() {
    let query = Query::new().text("food").near_place("L5B 1M2");
    let hits = top10(with_client(
        query,
        r#"{"income": 250000, "household_size": 4}"#,
    ));
    assert_eq!(says(&hits, "income under the limit"), 0);
    assert_eq!(
        says(&hits, "income limit"),
        0,
        "structured limits exclude them"
    );
}

#[test]
fn a_single_parent_below_a_subsidys_income_limit_is_eligible() {
    let query = Query::new()
        .text("child care subsidy")
        .near_place("M5V 2T6");
    let hits = top10(with_client(
        query,
        r#"{"income": 20000, "household_size": 2}"#,
    ));
    let subsidy = hits
        .iter()
        .position(|h| reason(h).contains("income under the limit for 2 people"))
        .expect("an income-tested subsidy");
    assert!(subsidy < 3, "{subsidy}");
}

#[test]
fn a_single_parent_above_it_is_not_offered_it() {
    let below = top10(with_client(
        Query::new()
            .text("child care subsidy")
            .near_place("M5V 2T6"),
        r#"{"income": 20000, "household_size": 2}"#,
    ));
    let tested: Vec<&str> = below
        .iter()
        .filter(|h| reason(h).contains("income under the limit"))
        .map(|h| h.id.as_str())
        .collect();
    let above = top10(with_client(
        Query::new()
            .text("child care subsidy")
            .near_place("M5V 2T6"),
        r#"{"income": 150000, "household_size": 2}"#,
    ));
    for id in tested {
        assert!(
            above.iter().all(|h| h.id != id),
            "{id} offered above its limit"
        );
    }
}

#[test]
fn income_without_household_size_leaves_a_size_based_limit_unknown() {
    let hits = top10(with_client(
        Query::new()
            .text("child care subsidy")
            .near_place("M5V 2T6"),
        r#"{"income": 20000}"#,
    ));
    assert!(says(&hits, "income limit depends on household size") >= 1);
}

#[test]
fn a_man_looking_for_shelter_is_not_offered_womens_shelters() {
    let hits = top10(with_client(
        Query::new().text("shelter").near_place("K1P 1J1"),
        r#"{"gender": "male", "age": 40}"#,
    ));
    assert_eq!(says(&hits, "women only"), 0);
}

#[test]
fn a_17_year_old_in_ottawa_needing_shelter_is_offered_the_youth_shelter_not_adult_ones() {
    let hits = top10(with_client(
        Query::new().text("shelter").near_place("K1P 1J1"),
        r#"{"age": 17}"#,
    ));
    assert!(hits.iter().any(|h| h.name.contains("Youth Shelter")));
    assert_eq!(
        says(&hits, "ages 18+"),
        0,
        "adult-only shelters exclude a 17-year-old"
    );
    let youth = hits
        .iter()
        .find(|h| h.name.contains("Youth Shelter"))
        .unwrap();
    assert!(
        reason(youth).contains("for youth 16–24"),
        "{}",
        reason(youth)
    );
}

#[test]
fn the_youth_shelter_fits_a_17_year_old_better_than_the_womens_shelter() {
    let hits = top10(with_client(
        Query::new().text("shelter").near_place("K1P 1J1"),
        r#"{"age": 17}"#,
    ));
    let fit = |words: &str| {
        hits.iter()
            .find(|h| h.name.contains(words))
            .map(|h| h.explanation.as_ref().unwrap().fit)
    };
    let youth = fit("Youth Shelter").unwrap();
    if let Some(women) = fit("femmes").or_else(|| fit("Women")) {
        assert!(youth > women, "youth {youth} women {women}");
    }
    assert_eq!(youth, 1.0);
}

#[test]
fn a_veteran_in_barrie_needing_shelter_gets_veterans_shelters_first() {
    let hits = top10(with_client(
        Query::new().text("shelter").near_place("L4M 1A1"),
        r#"{"statuses": ["veteran"], "age": 45, "gender": "male"}"#,
    ));
    assert!(
        reason(&hits[0]).contains("for veterans"),
        "{}",
        reason(&hits[0])
    );
    assert!(
        reason(&hits[1]).contains("for veterans"),
        "{}",
        reason(&hits[1])
    );
}

#[test]
fn a_19_year_old_looking_for_work_gets_youth_employment_first() {
    let hits = top10(with_client(
        Query::new().text("job").near_place("M4C 1A1"),
        r#"{"age": 19}"#,
    ));
    for hit in &hits[..3] {
        assert!(reason(hit).contains("for youth 16–24"), "{}", reason(hit));
    }
}

#[test]
fn a_40_year_old_looking_for_work_is_not_offered_youth_only_programs() {
    let hits = top10(with_client(
        Query::new().text("job").near_place("M4C 1A1"),
        r#"{"age": 40}"#,
    ));
    assert_eq!(says(&hits, "for youth 16–24"), 0);
}

#[test]
fn a_french_speaking_72_year_old_in_sudbury_needing_home_care() {
    let hits = top10(with_client(
        Query::new()
            .text("home care")
            .near_place("P3E 2C6")
            .language("fr"),
        r#"{"age": 72}"#,
    ));
    assert!(
        reason(&hits[0]).contains("speaks French"),
        "{}",
        reason(&hits[0])
    );
    assert_eq!(says(&hits, "for youth"), 0);
}

#[test]
fn a_gatineau_resident_is_not_offered_ontario_residents_programs() {
    let hits = top10(Query::new().text("rent bank").near_place("J8X 1A1"));
    assert_eq!(says(&hits, "ON residents"), 0);
    let ottawa = top10(Query::new().text("rent bank").near_place("K1P 1J1"));
    assert!(says(&ottawa, "for ON residents") >= 1);
}

#[test]
fn a_thunder_bay_homeowner_needing_home_repairs_gets_the_citys_grant_first() {
    let hits = top10(with_client(
        Query::new().text("home repair").near_place("P7B 1A1"),
        r#"{"income": 30000, "household_size": 2}"#,
    ));
    assert_eq!(hits[0].id, "synth-scenario-10", "{}", hits[0].name);
    assert_eq!(hits[0].eligibility, Some(Eligibility::Eligible));
    assert!(
        reason(&hits[0]).contains("for residents of Thunder Bay"),
        "{}",
        reason(&hits[0])
    );
}

#[test]
fn a_sudbury_homeowner_is_not_offered_the_thunder_bay_only_grant() {
    let repairs = |place: &str| {
        demo()
            .search(
                &Query::new()
                    .category("Maintenance & Repairs")
                    .near_place(place),
            )
            .unwrap()
    };
    // The grant is the directory's one home repair program.
    let thunder_bay = repairs("P7B 1A1");
    assert_eq!(ids(&thunder_bay), ["synth-scenario-10"]);
    let sudbury = repairs("P3E 2C6");
    assert_eq!(sudbury.total, 0);
    assert!(sudbury.hits.iter().all(|h| h.id != "synth-scenario-10"));
}

#[test]
fn a_homeowner_who_gives_no_place_hears_the_grant_is_for_thunder_bay() {
    let hits = top10(with_client(
        Query::new().text("home repair grant"),
        r#"{"income": 30000, "household_size": 2}"#,
    ));
    let grant = hits
        .iter()
        .find(|h| h.id == "synth-scenario-10")
        .expect("the grant");
    assert_eq!(grant.eligibility, Some(Eligibility::Unknown));
    assert!(
        reason(grant).contains("for residents of Thunder Bay · eligibility not stated"),
        "{}",
        reason(grant)
    );
}

#[test]
fn winter_heating_help_for_greater_sudbury_residents_only() {
    let utilities = |place: &str| {
        top10(
            Query::new()
                .category("Help Pay for Utilities")
                .near_place(place),
        )
    };
    let sudbury = utilities("P3E 2C6");
    assert_eq!(sudbury[0].id, "synth-scenario-11", "{}", sudbury[0].name);
    assert!(reason(&sudbury[0]).contains("for residents of City of Greater Sudbury"));
    // Elsewhere in Ontario, the province-wide funds and not Sudbury's.
    let thunder_bay = utilities("P7B 1A1");
    assert!(says(&thunder_bay, "for ON residents") >= 1);
    assert!(thunder_bay.iter().all(|h| h.id != "synth-scenario-11"));
}

#[test]
fn a_newcomer_looking_for_language_classes_in_toronto() {
    let hits = top10(with_client(
        Query::new().text("language classes").near_place("M5V 2T6"),
        r#"{"statuses": ["newcomer"]}"#,
    ));
    assert!(says(&hits[..3], "for newcomers") >= 1);
}

#[test]
fn a_refugee_counts_as_a_newcomer() {
    let hits = top10(with_client(
        Query::new().text("settlement").near_place("M5V 2T6"),
        r#"{"statuses": ["refugee"]}"#,
    ));
    assert!(says(&hits[..3], "for newcomers") >= 1);
}

#[test]
fn a_status_never_excludes_services_made_for_others() {
    let plain = demo()
        .search(&Query::new().text("settlement").near_place("M5V 2T6"))
        .unwrap();
    let veteran = demo()
        .search(&with_client(
            Query::new().text("settlement").near_place("M5V 2T6"),
            r#"{"statuses": ["veteran"]}"#,
        ))
        .unwrap();
    assert_eq!(plain.total, veteran.total);
}

#[test]
fn a_senior_at_a_lunch_program_gets_the_seniors_program_at_full_fit() {
    let hits = top10(with_client(
        Query::new().text("lunch").near_place("M4C 1A1"),
        r#"{"age": 75}"#,
    ));
    for hit in &hits {
        let fit = hit.explanation.as_ref().unwrap().fit;
        if reason(hit).contains("for seniors") {
            assert_eq!(fit, 1.0);
        } else {
            assert!(fit < 1.0, "{}: {fit}", hit.name);
        }
    }
}

#[test]
fn an_unknown_status_is_an_error_naming_it() {
    let err = Query::from_json(r#"{"client": {"statuses": ["astronaut"]}}"#).unwrap_err();
    assert!(err.to_string().contains("\"astronaut\""), "{err}");
}

#[test]
fn facets_count_every_match_within_the_radius() {
    let results = demo()
        .search(
            &Query::new()
                .text("food")
                .near_place("P3E 2C6")
                .radius_km(25.0),
        )
        .unwrap();
    let facets = results.facets.unwrap();
    assert!(results.total_exact && facets.exact);
    let sum = |counts: &[servicematch::FacetCount]| counts.iter().map(|c| c.count).sum::<usize>();
    assert_eq!(sum(&facets.cost), results.total, "one cost each");
    assert_eq!(sum(&facets.distance), results.total, "one band each");
    assert!(sum(&facets.categories) <= results.total);
    // A service whose area covers the caller is in the radius wherever its
    // office is; every band is one of the named ones.
    let bands = [
        "under 1 km",
        "1–5 km",
        "5–10 km",
        "10–25 km",
        "25–50 km",
        "50 km or more",
        "no location",
    ];
    assert!(facets
        .distance
        .iter()
        .all(|c| bands.contains(&c.value.as_str())));
    assert!(facets.eligibility.is_empty(), "no profile, no verdicts");
}

#[test]
fn facets_with_a_profile_count_verdicts_and_without_a_place_no_bands() {
    let results = demo()
        .search(&with_client(Query::new().text("dental"), r#"{"age": 30}"#))
        .unwrap();
    let facets = results.facets.unwrap();
    let verdicts: usize = facets.eligibility.iter().map(|c| c.count).sum();
    assert_eq!(verdicts, results.total.min(1000));
    assert!(facets.distance.is_empty());
    assert!(facets.languages.iter().any(|c| c.value == "en"));
}

#[test]
fn facets_past_the_cap_are_marked_as_lower_bounds() {
    let results = demo().search(&Query::new().near_place("M5V 2T6")).unwrap();
    let facets = results.facets.unwrap();
    assert_eq!(facets.exact, results.total_exact);
    assert!(
        !facets.exact,
        "every service near Toronto is more than the cap"
    );
}

#[test]
fn facets_count_open_and_unknown_hours_when_the_query_asks_a_time() {
    let index = demo();
    // Wednesday 2026-11-25 10:30 in Sudbury (UTC-5).
    let now = 1_795_620_600;
    let near = || {
        Query::new()
            .text("food")
            .near_place("P3E 2C6")
            .radius_km(25.0)
    };
    let open = index.search_at(&near().open_now(true), now).unwrap();
    let facets = open.facets.unwrap();
    let count = |state: &str| {
        facets
            .open
            .iter()
            .find(|c| c.value == state)
            .map_or(0, |c| c.count)
    };
    // "Open now" keeps the open ones and, below them, those whose hours
    // are unknown: the facet says how many of each.
    assert!(count("open") > 0, "{:?}", facets.open);
    assert_eq!(
        count("open") + count("closed") + count("hours unknown"),
        open.total,
        "{:?}",
        facets.open
    );
    // A query that asks no time does not pay for reading every service's hours.
    let timeless = index.search_at(&near(), now).unwrap();
    assert!(timeless.facets.unwrap().open.is_empty());
}

#[test]
fn a_hit_lifted_by_its_category_says_under_which() {
    // "school" predicts the newcomer services' category in the demo
    // directory: those whose text lacks the caller's other words say why
    // they are there.
    let results = demo()
        .search(&Query::new().text("my kid is failing school").explain(true))
        .unwrap();
    let lifted: Vec<&str> = results
        .hits
        .iter()
        .map(|h| h.explanation.as_ref().unwrap().reason.as_str())
        .filter(|r| r.contains("listed under '"))
        .collect();
    assert!(!lifted.is_empty(), "{:#?}", results.hits);
    assert!(
        lifted.iter().all(|r| r.contains("some of your words")),
        "{lifted:?}"
    );
    // A service that says every word is there for its words, not its coding.
    let food = demo()
        .search(&Query::new().text("food bank").explain(true))
        .unwrap();
    let first = food.hits[0].explanation.as_ref().unwrap();
    assert!(!first.reason.contains("listed under"), "{}", first.reason);
}

#[test]
fn words_no_service_has_match_nothing_not_everything_nearby() {
    let near = || Query::new().near_place("P3E 2C6");
    let nothing = demo().search(&near().text("zzyzx")).unwrap();
    assert_eq!(nothing.total, 0, "{:?}", nothing.hits.first());
    assert!(nothing.hits.is_empty());
    // A known word beside it still finds what it names (some of the words).
    let food = demo().search(&near().text("zzyzx food")).unwrap();
    assert!(food.total > 0);
    // Only stop words: no text to match, so the search is by place alone.
    let stop = demo().search(&near().text("the")).unwrap();
    let place = demo().search(&near()).unwrap();
    assert_eq!(stop.total, place.total);
}
