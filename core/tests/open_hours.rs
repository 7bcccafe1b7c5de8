//! Open now / open at: each service's hours read in its own time zone.

use servicematch::{
    HoursException, Index, IndexBuilder, Location, MonthlyInterval, OpenInterval, Query, Service,
};

fn weekly(days: &[u8], opens: u16, closes: u16) -> Vec<OpenInterval> {
    days.iter()
        .map(|&weekday| OpenInterval {
            weekday,
            opens,
            closes,
        })
        .collect()
}

fn service(id: &str, name: &str, zone: Option<&str>, lat: f64, lon: f64) -> Service {
    Service {
        id: id.into(),
        name: name.into(),
        description: Some("dental clinic".into()),
        time_zone: zone.map(Into::into),
        locations: vec![Location {
            lat,
            lon,
            ..Default::default()
        }],
        ..Default::default()
    }
}

/// Two clinics open 9:00–17:00 on weekdays, one in Toronto's zone and one
/// in Kenora (Winnipeg's); an overnight shelter; a monthly clinic; one
/// closed on Christmas; one with no hours.
fn index() -> Index {
    let mut builder = IndexBuilder::new("hours");
    let mut toronto = service(
        "a-toronto",
        "Toronto Dental",
        Some("America/Toronto"),
        43.65,
        -79.38,
    );
    toronto.hours = weekly(&[0, 1, 2, 3, 4], 540, 1020);
    let mut kenora = service(
        "b-kenora",
        "Kenora Dental",
        Some("America/Winnipeg"),
        49.77,
        -94.49,
    );
    kenora.hours = weekly(&[0, 1, 2, 3, 4], 540, 1020);
    let mut shelter = service(
        "c-shelter",
        "Night Dental Shelter",
        Some("America/Toronto"),
        45.42,
        -75.70,
    );
    // Saturday 22:00 to Sunday 6:00, as the importer stores it.
    shelter.hours = [weekly(&[5], 1320, 1440), weekly(&[6], 0, 360)].concat();
    let mut monthly = service(
        "d-monthly",
        "Monthly Dental Day",
        Some("America/Toronto"),
        46.49,
        -80.99,
    );
    monthly.monthly_hours = vec![MonthlyInterval {
        week: 2,
        weekday: 0,
        opens: 600,
        closes: 720,
    }];
    let mut holiday = service(
        "e-holiday",
        "Holiday Dental",
        Some("America/Toronto"),
        43.7,
        -79.4,
    );
    holiday.hours = weekly(&[0, 1, 2, 3, 4], 540, 1020);
    holiday.hours_exceptions =
        vec![HoursException::from_dates("2026-12-25", "2026-12-25", Vec::new()).unwrap()];
    let unknown = service("f-unknown", "Unknown Hours Dental", None, 43.6, -79.5);
    builder.add_services([toronto, kenora, shelter, monthly, holiday, unknown]);
    Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
}

fn ids(index: &Index, query: Query) -> Vec<(String, Option<bool>)> {
    let results = index.search(&query.text("dental").limit(50)).unwrap();
    results
        .hits
        .into_iter()
        .filter(|h| h.relaxed.is_none())
        .map(|h| (h.id, h.open_now))
        .collect()
}

#[test]
fn when_few_are_open_those_opening_later_today_are_offered_marked() {
    let index = index();
    // Monday 2026-11-23 7:00 in Toronto: nothing is open; the clinics open at 9:00.
    let results = index
        .search(
            &Query::new()
                .text("dental")
                .open_at("2026-11-23T07:00:00-05:00")
                .hours_known(true)
                .explain(true),
        )
        .unwrap();
    assert_eq!(results.total, 0);
    let toronto = results.hits.iter().find(|h| h.id == "a-toronto").unwrap();
    assert_eq!(toronto.relaxed.as_deref(), Some("opens later today"));
    assert_eq!(toronto.open_now, Some(false));
    let reason = &toronto.explanation.as_ref().unwrap().reason;
    assert!(reason.starts_with("closed now · opens 9:00"), "{reason}");
    // Those whose hours are unknown come after, marked as such.
    let unknown = results.hits.iter().find(|h| h.id == "f-unknown").unwrap();
    assert_eq!(unknown.relaxed.as_deref(), Some("hours unknown"));
    // The monthly clinic does not open that day: not offered as opening later.
    assert!(results.hits.iter().all(|h| h.id != "d-monthly"));
}

#[test]
fn each_service_in_its_own_zone() {
    let index = index();
    // Wednesday 2026-10-21 16:30 in Toronto is 15:30 in Kenora: both open.
    // At 17:30 Toronto time the Toronto clinic has closed, Kenora's not.
    // (From 2026-11-01 Manitoba, and so Kenora, keeps UTC-5 all year in
    // the bundled tzdata 2026f: the two then agree.)
    let at = |time: &str| ids(&index, Query::new().open_at(time).hours_known(true));
    let both = at("2026-10-21T16:30:00-04:00");
    assert!(both.contains(&("a-toronto".into(), Some(true))), "{both:?}");
    assert!(both.contains(&("b-kenora".into(), Some(true))), "{both:?}");
    let later: Vec<String> = at("2026-10-21T17:30:00-04:00")
        .into_iter()
        .map(|h| h.0)
        .collect();
    assert_eq!(later, ["b-kenora"]);
    let winter: Vec<String> = at("2026-11-25T17:30:00-05:00")
        .into_iter()
        .map(|h| h.0)
        .collect();
    assert!(winter.is_empty(), "{winter:?}");
}

#[test]
fn hours_unknown_rank_below_open_and_are_dropped_only_when_asked() {
    let index = index();
    let hits = ids(&index, Query::new().open_at("2026-11-25T10:00:00-05:00"));
    let position = |id: &str| hits.iter().position(|h| h.0 == id);
    assert_eq!(hits.last().unwrap(), &("f-unknown".to_owned(), None));
    assert!(position("a-toronto").unwrap() < position("f-unknown").unwrap());
    // The overnight shelter and the monthly clinic are closed then.
    assert_eq!(position("c-shelter"), None);
    assert_eq!(position("d-monthly"), None);
    let known = ids(
        &index,
        Query::new()
            .open_at("2026-11-25T10:00:00-05:00")
            .hours_known(true),
    );
    assert!(known.iter().all(|h| h.1 == Some(true)));
}

#[test]
fn overnight_monthly_and_holidays() {
    let index = index();
    let open = |time: &str| -> Vec<String> {
        ids(&index, Query::new().open_at(time).hours_known(true))
            .into_iter()
            .map(|h| h.0)
            .collect()
    };
    // Saturday 23:30 and Sunday 3:00 in Ottawa: the shelter.
    assert_eq!(open("2026-11-28T23:30:00-05:00"), ["c-shelter"]);
    assert_eq!(open("2026-11-29T03:00:00-05:00"), ["c-shelter"]);
    assert!(open("2026-11-29T07:00:00-05:00").is_empty());
    // The second Monday of December 2026 is the 14th.
    assert!(open("2026-12-14T11:00:00-05:00").contains(&"d-monthly".to_owned()));
    assert!(!open("2026-12-07T11:00:00-05:00").contains(&"d-monthly".to_owned()));
    // Christmas (a Friday): the holiday clinic is closed, the others open.
    let christmas = open("2026-12-25T11:00:00-05:00");
    assert!(!christmas.contains(&"e-holiday".to_owned()));
    assert!(christmas.contains(&"a-toronto".to_owned()));
}

#[test]
fn explained_with_when_it_closes_or_opens() {
    let index = index();
    let results = index
        .search(
            &Query::new()
                .text("night dental shelter")
                .open_at("2026-11-28T23:30:00-05:00")
                .hours_known(true)
                .explain(true),
        )
        .unwrap();
    let reason = &results.hits[0].explanation.as_ref().unwrap().reason;
    assert!(
        reason.starts_with("open now · closes 6:00 tomorrow"),
        "{reason}"
    );
}

#[test]
fn hits_say_whether_open_without_an_open_filter() {
    let index = index();
    let results = index
        .search_at(&Query::new().text("toronto dental"), 1_795_532_400) // 2026-11-24T13:00Z
        .unwrap();
    let toronto = results.hits.iter().find(|h| h.id == "a-toronto").unwrap();
    assert_eq!(toronto.open_now, Some(true));
    let unknown = results.hits.iter().find(|h| h.id == "f-unknown");
    assert!(unknown.is_none_or(|h| h.open_now.is_none()));
}
