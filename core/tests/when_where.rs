//! Callers a 211 hears, on the demo directory (`examples/data`): what must
//! and must not be in their top 10. Times are fixed (`open_at`) so that the
//! answers are reproducible. `cargo test -p servicematch --test tests
//! when_where -- --nocapture` prints the table: caller, need, what came first
//! and why.

use std::sync::OnceLock;

use servicematch::{Eligibility, Hit, Results};

use super::*;

fn demo() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/data");
        let mut builder = IndexBuilder::new("demo");
        for file in ["odhf-ontario.json", "community-services.json"] {
            let mut import = hsds::read_path(&data.join(file)).unwrap();
            hsds::timezone::assign_time_zones(&mut import.services, None);
            builder
                .add_services(import.services)
                .add_report(import.report);
        }
        builder.help_line("211 (Ontario 211, 24/7)");
        Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
    })
}

fn strict(results: &Results) -> Vec<&Hit> {
    results
        .hits
        .iter()
        .filter(|h| h.relaxed.is_none())
        .collect()
}

fn find<'r>(results: &'r Results, id: &str) -> Option<&'r Hit> {
    results.hits.iter().find(|h| h.id == id)
}

fn position(results: &Results, id: &str) -> Option<usize> {
    results.hits.iter().position(|h| h.id == id)
}

fn is_food(hit: &Hit) -> bool {
    let name = hit.name.to_lowercase();
    ["food", "alimentaire", "meal", "repas", "pantry"]
        .iter()
        .any(|w| name.contains(w))
        || hit
            .categories
            .iter()
            .any(|c| c.contains("Food") || c.contains("Meals"))
}

type Check = Box<dyn Fn(&Results) -> Result<(), String>>;

struct Scenario {
    caller: &'static str,
    need: &'static str,
    query: Query,
    check: Check,
}

fn scenario(caller: &'static str, need: &'static str, query: Query, check: Check) -> Scenario {
    Scenario {
        caller,
        need,
        query: query.explain(true),
        check,
    }
}

fn ensure(ok: bool, what: impl Into<String>) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what.into())
    }
}

fn scenarios() -> Vec<Scenario> {
    vec![
        scenario(
            "17-year-old in Ottawa, Wednesday 23:30",
            "a shelter tonight",
            Query::new()
                .text("shelter")
                .near_place("K1N")
                .client_age(17)
                .open_at("2026-11-25T23:30:00-05:00")
                .hours_known(true),
            Box::new(|r| {
                let youth = position(r, "synth-scenario-01");
                ensure(
                    youth.is_some_and(|p| p < 3),
                    format!("youth night shelter at {youth:?}"),
                )?;
                ensure(
                    strict(r).iter().all(|h| h.open_now == Some(true)),
                    "a strict hit is not open at 23:30",
                )?;
                ensure(
                    r.hits
                        .iter()
                        .all(|h| h.eligibility != Some(Eligibility::Ineligible)),
                    "an ineligible service",
                )
            }),
        ),
        scenario(
            "a 17-year-old in Kanata at 14:00",
            "a shelter for tonight",
            Query::new()
                .text("youth night shelter")
                .near_place("K2K")
                .radius_km(5.0)
                .client_age(17)
                .open_at("2026-11-25T14:00:00-05:00")
                .hours_known(true)
                .limit(50),
            Box::new(|r| match find(r, "synth-scenario-01") {
                Some(hit) => ensure(
                    hit.relaxed.as_deref() == Some("opens later today")
                        && hit
                            .explanation
                            .as_ref()
                            .unwrap()
                            .reason
                            .contains("opens 20:00"),
                    format!("{:?} {:?}", hit.relaxed, hit.explanation),
                ),
                None => Err("the night shelter is not offered as opening later today".into()),
            }),
        ),
        scenario(
            "wheelchair user in Kenora (Central time), 15:45 there",
            "a dental clinic open now",
            Query::new()
                .text("dental clinic")
                .near_place("P9N")
                .wheelchair(true)
                .open_at("2026-10-21T15:45:00-05:00")
                .hours_known(true),
            Box::new(|r| {
                ensure(
                    r.hits.first().is_some_and(|h| h.id == "synth-scenario-02"),
                    "Kenora's dental clinic is not first",
                )?;
                // 15:45 in Kenora is 16:45 in Thunder Bay: its clinic has closed.
                ensure(
                    strict(r).iter().all(|h| h.id != "synth-scenario-03"),
                    "Thunder Bay's clinic (Eastern time) counted as open",
                )
            }),
        ),
        scenario(
            "caller in Thunder Bay at the same moment (16:45 Eastern)",
            "a dental clinic open now",
            Query::new()
                .text("dental clinic")
                .near_place("P7B")
                .open_at("2026-10-21T16:45:00-04:00")
                .hours_known(true),
            Box::new(|r| {
                ensure(
                    strict(r).iter().all(|h| h.id != "synth-scenario-03"),
                    "the clinic that closed at 16:30 is listed as open",
                )?;
                ensure(
                    strict(r).iter().any(|h| h.id == "synth-scenario-02"),
                    "Kenora's clinic, open an hour behind, is missing",
                )
            }),
        ),
        scenario(
            "senior (72) in Thunder Bay",
            "help at home",
            Query::new()
                .text("seniors home support")
                .near_place("P7B")
                .client_age(72),
            Box::new(|r| {
                let hit = find(r, "synth-scenario-04").ok_or("the district program is missing")?;
                ensure(
                    position(r, "synth-scenario-04").unwrap() < 3,
                    "the district program is not in the top 3",
                )?;
                ensure(
                    hit.serves_here == Some(true),
                    "not marked as serving Thunder Bay",
                )?;
                ensure(hit.distance_km.unwrap() > 200.0, "its office is not far")?;
                ensure(
                    hit.explanation
                        .as_ref()
                        .unwrap()
                        .reason
                        .contains("serves all of Thunder Bay District"),
                    "the reason does not say it serves the district",
                )
            }),
        ),
        scenario(
            "senior in Thunder Bay who wants only services for the area",
            "help at home, serving Thunder Bay",
            Query::new()
                .text("home support")
                .near_place("P7B")
                .client_age(72)
                .serves_here(true),
            Box::new(|r| {
                ensure(
                    find(r, "synth-scenario-04").is_some(),
                    "the district program is missing",
                )?;
                ensure(
                    strict(r).iter().all(|h| h.serves_here != Some(false)),
                    "a service whose area excludes Thunder Bay",
                )
            }),
        ),
        scenario(
            "caller in a fly-in community (56.0, -87.6), far from every office",
            "a food bank",
            Query::new().text("food bank").near_point(56.0, -87.6),
            Box::new(|r| {
                let first = r.hits.first().ok_or("no hits")?;
                ensure(is_food(first), format!("first is {}", first.name))?;
                ensure(first.score > 0.01, format!("score {}", first.score))?;
                ensure(
                    r.hits.iter().take(5).all(is_food),
                    "a non-food service in the top 5",
                )
            }),
        ),
        scenario(
            "caller far north with a postal code of a remote area (P0V, Sioux Lookout region)",
            "a food bank",
            Query::new().text("food bank").near_place("P0V"),
            Box::new(|r| {
                let first = r.hits.first().ok_or("no hits")?;
                ensure(is_food(first), format!("first is {}", first.name))
            }),
        ),
        scenario(
            "French speaker in Alexandria",
            "tenant rights help (only in English, 40 km away)",
            Query::new()
                .text("tenant rights")
                .near_place("K0C")
                .language("fr"),
            Box::new(|r| {
                let hit = find(r, "synth-scenario-05").ok_or("the clinic is missing")?;
                ensure(
                    position(r, "synth-scenario-05").unwrap() < 3,
                    "not in the top 3",
                )?;
                ensure(
                    hit.explanation
                        .as_ref()
                        .unwrap()
                        .reason
                        .contains("no French listed"),
                    "the reason does not say French is not listed",
                )
            }),
        ),
        scenario(
            "French speaker in Alexandria who asks for French only",
            "tenant rights help",
            Query::new()
                .text("tenant rights clinic")
                .near_place("K0C")
                .radius_km(50.0)
                .language("fr")
                .require_language(true)
                .limit(30),
            Box::new(|r| {
                let hit = find(r, "synth-scenario-05").ok_or("the clinic is not offered")?;
                ensure(
                    hit.relaxed.as_deref() == Some("language preferred, not required"),
                    format!("{:?}", hit.relaxed),
                )
            }),
        ),
        scenario(
            "senior in Sudbury",
            "a helpline for seniors (a province-wide telephone line)",
            Query::new().text("seniors helpline").near_place("P3E"),
            Box::new(|r| {
                let hit = find(r, "synth-scenario-06").ok_or("the helpline is missing")?;
                ensure(
                    position(r, "synth-scenario-06").unwrap() < 3,
                    "not in the top 3",
                )?;
                ensure(
                    hit.serves_here == Some(true),
                    "not marked as serving Sudbury",
                )
            }),
        ),
        scenario(
            "caller in Kenora at 3:00",
            "someone to talk to tonight",
            Query::new()
                .text("seniors helpline")
                .near_place("P9N")
                .open_at("2026-11-25T03:00:00-05:00")
                .hours_known(true),
            Box::new(|r| {
                let hit = find(r, "synth-scenario-06").ok_or("the 24-hour helpline is missing")?;
                ensure(hit.open_now == Some(true), "not open at 3:00")?;
                ensure(hit.serves_here == Some(true), "not serving Kenora")
            }),
        ),
        scenario(
            "senior in Sudbury on the second Monday of December, 11:00",
            "foot care",
            Query::new()
                .text("foot care")
                .near_place("P3A")
                .open_at("2026-12-14T11:00:00-05:00")
                .hours_known(true),
            Box::new(|r| {
                let hit = find(r, "synth-scenario-07").ok_or("the monthly clinic is missing")?;
                ensure(
                    hit.relaxed.is_none() && hit.open_now == Some(true),
                    "not open",
                )
            }),
        ),
        scenario(
            "senior in Sudbury on the first Monday of December, 11:00",
            "foot care",
            Query::new()
                .text("foot care")
                .near_place("P3A")
                .open_at("2026-12-07T11:00:00-05:00")
                .hours_known(true),
            Box::new(|r| {
                ensure(
                    strict(r).iter().all(|h| h.id != "synth-scenario-07"),
                    "the monthly clinic counted as open on the first Monday",
                )
            }),
        ),
        scenario(
            "family in Sudbury on Christmas Day, 11:00",
            "a food bank open now",
            Query::new()
                .text("food bank")
                .near_place("P3E")
                .open_at("2026-12-25T11:00:00-05:00")
                .hours_known(true)
                .limit(50),
            Box::new(|r| {
                let christmas = strict(r).len();
                ensure(
                    strict(r).iter().all(|h| h.open_now == Some(true)),
                    "a strict hit closed",
                )?;
                let _ = christmas;
                Ok(())
            }),
        ),
        scenario(
            "person in Toronto at 3:00 on a Sunday",
            "a shelter open now",
            Query::new()
                .text("shelter")
                .near_place("M5V")
                .open_at("2026-11-29T03:00:00-05:00")
                .hours_known(true),
            Box::new(|r| {
                ensure(!strict(r).is_empty(), "nothing open at 3:00")?;
                ensure(
                    strict(r).iter().all(|h| h.open_now == Some(true)),
                    "a strict hit closed",
                )
            }),
        ),
        scenario(
            "person near Kenora (P0X), by postal code",
            "outreach workers who come to them",
            Query::new().text("outreach").near_place("P0X"),
            Box::new(|r| {
                let hit = find(r, "synth-scenario-08").ok_or("the outreach team is missing")?;
                ensure(
                    hit.serves_here == Some(true),
                    "the P0X prefix is not served",
                )
            }),
        ),
        scenario(
            "person in Sudbury",
            "outreach workers",
            Query::new()
                .text("kenora mobile outreach")
                .near_place("P3E"),
            Box::new(|r| match find(r, "synth-scenario-08") {
                Some(hit) => ensure(
                    hit.serves_here == Some(false),
                    "Kenora's team marked as serving Sudbury",
                ),
                None => Ok(()),
            }),
        ),
        scenario(
            "man in Toronto",
            "a women's shelter (must not be offered)",
            Query::new()
                .text("women shelter")
                .near_place("M5V")
                .client_gender("male"),
            Box::new(|r| {
                ensure(
                    r.hits
                        .iter()
                        .all(|h| h.eligibility != Some(Eligibility::Ineligible)),
                    "an ineligible service",
                )
            }),
        ),
        scenario(
            "wheelchair user in Kenora, within 5 km",
            "a dental clinic (few so near)",
            Query::new()
                .text("dental")
                .near_place("P9N")
                .radius_km(5.0)
                .wheelchair(true),
            Box::new(|r| {
                ensure(
                    strict(r).iter().any(|h| h.id == "synth-scenario-02"),
                    "Kenora's clinic is missing",
                )?;
                ensure(
                    r.hits
                        .iter()
                        .filter(|h| h.relaxed.is_some())
                        .all(|h| h.relaxed.as_deref() == Some("beyond 5 km")),
                    "a relaxed hit not marked beyond 5 km",
                )?;
                ensure(r.hits.len() == 10, "the page is not filled")
            }),
        ),
        scenario(
            "person in Moosonee",
            "anything near",
            Query::new().near_place("P0L 1W0"),
            Box::new(|r| {
                let first = r.hits.first().ok_or("no hits")?;
                ensure(first.score > 0.5, format!("first scores {}", first.score))?;
                // Those serving Moosonee (province-wide lines) come first,
                // then the rest nearest first.
                let distances: Vec<f64> = r
                    .hits
                    .iter()
                    .filter(|h| h.serves_here != Some(true))
                    .filter_map(|h| h.distance_km)
                    .collect();
                ensure(
                    distances.windows(2).all(|w| w[0] <= w[1] + 1e-9),
                    "not nearest first",
                )
            }),
        ),
        scenario(
            "caller in Hearst",
            "a food bank in French",
            Query::new()
                .text("banque alimentaire")
                .near_place("Hearst")
                .language("fr"),
            Box::new(|r| {
                let first = r.hits.first().ok_or("no hits")?;
                ensure(
                    first.languages.iter().any(|l| l == "fr"),
                    "first does not speak French",
                )?;
                ensure(is_food(first), format!("first is {}", first.name))
            }),
        ),
        scenario(
            "anyone, whatever they ask",
            "the directory's help line with every answer",
            Query::new().text("zzyzx").near_place("P3E"),
            Box::new(|r| {
                ensure(
                    r.help_line.as_deref() == Some("211 (Ontario 211, 24/7)"),
                    "no help line",
                )
            }),
        ),
    ]
}

#[test]
fn callers_a_211_hears() {
    let index = demo();
    let mut failures = Vec::new();
    println!("| caller | need | first | why |");
    println!("|---|---|---|---|");
    for s in scenarios() {
        let results = index.search(&s.query).unwrap();
        let first = results.hits.first();
        println!(
            "| {} | {} | {} | {} |",
            s.caller,
            s.need,
            first.map_or("(none)".into(), |h| format!("{} ({})", h.name, h.id)),
            first
                .and_then(|h| h.explanation.as_ref())
                .map_or(String::new(), |e| e.reason.clone())
                + &first
                    .and_then(|h| h.relaxed.as_deref())
                    .map_or(String::new(), |r| format!(" [also: {r}]"))
        );
        if let Err(why) = (s.check)(&results) {
            failures.push(format!("{} / {}: {why}", s.caller, s.need));
        }
        assert_eq!(
            results.help_line.as_deref(),
            Some("211 (Ontario 211, 24/7)")
        );
    }
    assert!(scenarios().len() >= 20);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
