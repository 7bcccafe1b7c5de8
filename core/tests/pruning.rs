//! The search skips services that cannot enter the top (pruned text
//! postings, rings around a place, radius-first scoring). Skipping must never
//! change the answer: the first hits of a small limit are the first hits of a
//! large one, score for score, on a directory where most services look alike
//! (the case that makes pruning hard) and many scores tie.

use servicematch::{
    AgeRange, Eligibility, Index, IndexBuilder, Language, Location, Query, Service,
};

/// Deterministic draws from `seed` (xorshift): each call a number below `n`.
fn draws(seed: u64) -> impl FnMut(usize) -> usize {
    let mut state = seed;
    move |n| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    }
}

/// A deterministic directory: `count` services around four Ontario cities,
/// with names and descriptions drawn from a small vocabulary in English and
/// French, several languages, age ranges, some services without a location.
fn directory(count: usize) -> Index {
    let mut next = draws(0x2545_f491_4f6c_dd1d);
    let needs = [
        "Food Bank",
        "Emergency Shelter",
        "Mental Health Counselling",
        "Banque alimentaire",
        "Hébergement d'urgence",
        "Employment Help",
        "Youth Drop-in",
        "Home Care",
        "Legal Clinic",
        "Seniors Day Program",
    ];
    let words = [
        "food",
        "meals",
        "shelter",
        "housing",
        "counselling",
        "health",
        "youth",
        "seniors",
        "aide",
        "alimentaire",
        "emploi",
        "jobs",
        "legal",
        "care",
        "home",
        "community",
        "support",
        "services",
        "free",
        "help",
    ];
    let cities = [
        (46.49, -80.99),
        (43.65, -79.38),
        (45.42, -75.69),
        (43.26, -79.87),
    ];
    let languages = ["en", "fr", "es", "zh", "ar"];
    let mut builder = IndexBuilder::new("pruning");
    for i in 0..count {
        let need = needs[next(needs.len())];
        let description: Vec<&str> = (0..3 + next(12))
            .map(|_| words[next(words.len())])
            .collect();
        let (lat, lon) = cities[next(cities.len())];
        let spread = |r: usize| (r as f64 / 1000.0 - 0.5) * 1.2;
        let language = languages[next(languages.len())];
        builder.add_service(Service {
            id: format!("s{i:05}"),
            name: need.into(),
            description: Some(description.join(" ")),
            languages: (next(4) > 0)
                .then(|| Language {
                    code: Some(language.into()),
                    name: language.into(),
                })
                .into_iter()
                .collect(),
            eligibility: servicematch::EligibilityRules {
                ages: (next(3) == 0).then(|| AgeRange {
                    min: Some([0, 12, 18, 60][next(4)]),
                    max: None,
                    from_text: false,
                }),
                ..Default::default()
            },
            locations: if next(20) == 0 {
                Vec::new()
            } else {
                vec![Location {
                    lat: lat + spread(next(1000)),
                    lon: lon + spread(next(1000)),
                    ..Default::default()
                }]
            },
            ..Default::default()
        });
    }
    Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
}

fn queries() -> Vec<Query> {
    let sudbury = |q: Query| q.near_point(46.5, -81.0);
    vec![
        Query::new().text("food"),
        Query::new().text("help"),
        Query::new().text("mental health counselling"),
        Query::new().text("aide alimentaire").language("fr"),
        Query::new().text("food bank youth").client_age(15),
        Query::new().text("hébergement d'urgence"),
        Query::new().text("conselling"),
        sudbury(Query::new().text("food")),
        sudbury(Query::new().text("shelter")).language("es"),
        sudbury(Query::new().text("food help youth"))
            .language("zh")
            .client_age(16),
        sudbury(Query::new().text("services")).client_age(70),
        sudbury(Query::new().text("legal help")).radius_km(5.0),
        sudbury(Query::new().text("community support")).radius_km(60.0),
        sudbury(Query::new().text("home care seniors")).radius_km(2000.0),
        Query::new()
            .text("health")
            .near_point(43.65, -79.38)
            .language("zh")
            .require_language(true),
        Query::new().near_point(45.4, -75.7),
        Query::new()
            .near_point(45.4, -75.7)
            .radius_km(20.0)
            .client_age(30),
        // A caller far from every service (a fly-in community): the
        // decay's scale adapts to the nearest match, and the bounds with it.
        Query::new().text("food").near_point(56.0, -87.6),
        Query::new()
            .text("legal help")
            .near_point(56.0, -87.6)
            .language("fr"),
        Query::new()
            .text("shelter")
            .near_point(56.0, -87.6)
            .radius_km(900.0),
        Query::new().near_point(56.0, -87.6),
        Query::new().near_point(56.0, -87.6).client_age(70),
        // Open at a time: every service here has unknown hours (factor 0.6).
        sudbury(Query::new().text("food")).open_at("2026-11-25T10:30:00-05:00"),
    ]
}

/// What a user sees of the hits: ids, scores, verdicts.
fn seen(results: &servicematch::Results) -> Vec<(String, f32, Option<Eligibility>)> {
    results
        .hits
        .iter()
        .map(|h| (h.id.clone(), h.score, h.eligibility))
        .collect()
}

#[test]
fn the_top_of_a_small_limit_is_the_top_of_a_large_one() {
    let index = directory(3000);
    for query in queries() {
        let wide = index.search(&query.clone().limit(1000)).unwrap();
        for (offset, limit) in [(0, 1), (0, 10), (5, 10), (40, 20)] {
            let narrow = index
                .search(&query.clone().offset(offset).limit(limit))
                .unwrap();
            let expected: Vec<_> = seen(&wide).into_iter().skip(offset).take(limit).collect();
            assert_eq!(
                seen(&narrow),
                expected,
                "{query:?} offset {offset} limit {limit}"
            );
            if wide.total_exact && narrow.total_exact {
                assert_eq!(narrow.total, wide.total, "{query:?}");
            }
            let strict = narrow.hits.iter().filter(|h| h.relaxed.is_none()).count();
            assert!(narrow.total >= strict + offset.min(narrow.total));
        }
    }
}

#[test]
fn a_wide_radius_skips_only_services_that_cannot_enter() {
    // Thousands of services in the radius, each looked up in the text's
    // postings: past a thousand matches, those too far to enter are skipped
    // (by the text's best possible score) without being looked up.
    let index = directory(12_000);
    let query = Query::new()
        .text("food help youth services community support")
        .near_point(46.5, -81.0)
        .radius_km(100.0);
    let wide = index.search(&query.clone().limit(1000)).unwrap();
    assert!(wide.total >= 1000 && !wide.total_exact, "{}", wide.total);
    for limit in [1, 10, 50] {
        let narrow = index.search(&query.clone().limit(limit)).unwrap();
        let expected: Vec<_> = seen(&wide).into_iter().take(limit).collect();
        assert_eq!(seen(&narrow), expected, "limit {limit}");
    }
}

#[test]
fn a_total_is_exact_below_a_thousand_matches_and_a_lower_bound_above() {
    let index = directory(3000);
    let near = Query::new().near_point(46.5, -81.0).radius_km(5.0);
    let narrow = index.search(&near.text("legal clinic")).unwrap();
    assert!(
        narrow.total_exact && narrow.total < 1000,
        "{}",
        narrow.total
    );
    let wide = index
        .search(&Query::new().text("free help services"))
        .unwrap();
    assert!(!wide.total_exact, "{}", wide.total);
    assert!(wide.total >= 1000, "{}", wide.total);
    // Near a place the rings stop early, yet every match is counted.
    let speakers = Query::new()
        .text("legal clinic")
        .language("zh")
        .require_language(true);
    let anywhere = index.search(&speakers).unwrap();
    let near = index.search(&speakers.near_point(46.5, -81.0)).unwrap();
    assert!(anywhere.total_exact && near.total_exact);
    assert_eq!(near.total, anywhere.total);
    let everything = index.search(&Query::new().near_point(45.4, -75.7)).unwrap();
    assert!(everything.total >= 1000 || everything.total_exact);
}

#[test]
fn a_typo_ranks_as_the_word_it_stands_for() {
    // "communty" is one edit from "community" only: the same services, in
    // the same order, with the same scores (not one flat score for every
    // near match).
    let index = directory(3000);
    let seen = |text: &str| seen(&index.search(&Query::new().text(text).limit(50)).unwrap());
    let typed = seen("community");
    assert!(typed.len() == 50 && typed[0].1 > typed[49].1, "{typed:?}");
    assert_eq!(seen("communty"), typed);
}

#[test]
fn a_category_near_a_place_finds_every_service_of_it_in_the_radius() {
    // The radius reads out only the asked category's services: the others
    // cannot pass, and none of the category's may be lost on the way.
    let (lat, lon) = (45.42, -75.69);
    let mut next = draws(0x9e37_79b9_7f4a_7c15);
    let mut builder = IndexBuilder::new("categories near");
    let mut expected = Vec::new();
    for i in 0..2000 {
        let category = ["Food", "Housing", "Legal"][next(3)];
        let spread = |r: usize| (r as f64 / 1000.0 - 0.5) * 0.8;
        let point = (lat + spread(next(1000)), lon + spread(next(1000)));
        let km = servicematch::geo::distance_km(lat, lon, point.0, point.1);
        let id = format!("c{i:04}");
        if category == "Food" && km <= 20.0 {
            expected.push(id.clone());
        }
        builder.add_service(Service {
            id,
            name: format!("{category} help"),
            description: Some("community support".into()),
            categories: vec![servicematch::Category {
                name: category.into(),
                ..Default::default()
            }],
            locations: vec![Location {
                lat: point.0,
                lon: point.1,
                ..Default::default()
            }],
            ..Default::default()
        });
    }
    let index = Index::from_bytes(builder.build_bytes().unwrap().0).unwrap();
    expected.sort();
    assert!(expected.len() > 100, "{}", expected.len());
    for query in [
        Query::new().category("Food"),
        Query::new().category("Food").text("community support"),
    ] {
        let results = index
            .search(&query.near_point(lat, lon).radius_km(20.0).limit(1000))
            .unwrap();
        // Past them, "no wrong door" adds the nearest beyond the radius.
        let mut found: Vec<String> = results
            .hits
            .iter()
            .filter(|h| h.relaxed.is_none())
            .map(|h| h.id.clone())
            .collect();
        found.sort();
        assert_eq!(found, expected);
        assert_eq!(results.total, expected.len());
        assert!(results.total_exact);
    }
}
