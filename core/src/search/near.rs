//! Searches without text: near a place from the R-tree, else a scan of the
//! filter columns.

use crate::format::geo::Origin;
use crate::rank;

use super::plan::Plan;
use super::top::{Services, TopK};

/// The services near `origin`: those in the radius, or without one the
/// nearest first.
pub(crate) fn search(plan: &Plan<'_>, top: &mut TopK, (lat, lon): (f64, f64)) {
    plan.adapt_scale(None);
    match plan.radius_km {
        Some(radius) => {
            // Services serving the caller's place count wherever their offices are.
            let serving = plan.serving_with_km();
            let geo = &plan.index.geo;
            let origin = Origin::new(lat, lon);
            let mut met = geo.met_within(origin, radius);
            plan.keep_candidates(&mut met);
            let within = geo
                .read_out(origin, radius, &met)
                .into_iter()
                .filter(|&(service, _)| !plan.serves(service))
                .map(|(service, km)| (service, Some(km)));
            for (service, km) in serving.into_iter().chain(within) {
                if let Some(candidate) = plan.score_without_text(service, km) {
                    top.count_one(service, km);
                    top.push(candidate);
                }
            }
        }
        None => nearest_first(plan, top, lat, lon),
    }
}

/// "What is near me" without a radius: walks the R-tree nearest first.
///
/// Without text a service scores at most its distance factor
/// ([`rank::bound`]), so once the next location's bound is below the k-th
/// best score no farther service can enter the top k and the walk stops.
/// Services without a location are looked at only if their bound can enter.
fn nearest_first(plan: &Plan<'_>, top: &mut TopK, lat: f64, lon: f64) {
    let index = plan.index;
    let mut seen = Services::new(index.len());
    // Services serving the caller's place are "here": scored first.
    for (service, km) in plan.serving_with_km() {
        seen.insert(service);
        if let Some(candidate) = plan.score_without_text(service, km) {
            top.count_one(service, km);
            top.push(candidate);
        }
    }
    let mut walked_all = true;
    if let Some(scanned) = plan.scanned() {
        // Few services pass: all of them are already found.
        score_listed(plan, top, &mut seen, scanned.iter().copied());
    } else {
        walk(plan, top, &mut seen, lat, lon, &mut walked_all);
    }
    if top
        .threshold()
        .is_none_or(|t| t <= rank::bound(None, 1.0, Some(None), plan.scale()))
    {
        for &service in index.geo.unlocated() {
            if plan.serves(service) {
                continue;
            }
            if let Some(candidate) = plan.score_without_text(service, None) {
                top.count_one(service, None);
                top.push(candidate);
            }
        }
    } else {
        walked_all = false;
    }
    if !walked_all {
        // Recount from the filter columns: the walk stopped early. Only
        // the asked categories' services can pass.
        top.recount();
        top.count(plan.candidates(None), |service| {
            plan.filter(service).is_some()
        });
    }
}

/// Scores the located services not `seen` yet, each at the given distance.
fn score_listed(
    plan: &Plan<'_>,
    top: &mut TopK,
    seen: &mut Services,
    services: impl Iterator<Item = (u32, f64)>,
) {
    for (service, km) in services {
        if seen.insert(service) {
            if let Some(candidate) = plan.score_without_text(service, Some(km)) {
                top.count_one(service, Some(km));
                top.push(candidate);
            }
        }
    }
}

/// Walks the R-tree nearest first, scoring each service at its nearest
/// location, until no farther service can enter; `walked_all` is cleared
/// when the walk stops early.
fn walk(
    plan: &Plan<'_>,
    top: &mut TopK,
    seen: &mut Services,
    lat: f64,
    lon: f64,
    walked_all: &mut bool,
) {
    let index = plan.index;
    let (budget, mut walked) = (plan.walk_budget(None), 0);
    index.geo.nearest_walk(lat, lon, |service, km| {
        // A hair nearer than the walk's (chord-derived) distance, so that
        // rounding never stops the walk before a service that ties.
        if top.threshold().is_some_and(|t| {
            rank::bound(None, 1.0, Some(Some((km - 1e-6).max(0.0))), plan.scale()) < t
        }) {
            *walked_all = false;
            return false;
        }
        // The walk meets each service first at its nearest location.
        if seen.insert(service) {
            if let Some(candidate) = plan.score_without_text(service, Some(km)) {
                top.count_one(service, Some(km));
                top.push(candidate);
            }
        }
        walked += 1;
        walked < budget || top.threshold().is_some()
    });
    if walked >= budget && top.threshold().is_none() {
        // Few services pass the filters, so the top is not full yet and the
        // walk would go through every location: score the rest from the
        // columns instead, each at its nearest location (services without
        // one come after the walk, as always).
        let rest = plan
            .candidates(None)
            .filter(|&service| !seen.contains(service) && plan.filter(service).is_some())
            .filter_map(|service| Some((service, plan.km_to(service)?)));
        let rest: Vec<(u32, f64)> = rest.collect();
        score_listed(plan, top, seen, rest.into_iter());
    }
}

/// Every service (of the asked categories), filtered by the columns (no
/// text, no place).
pub(crate) fn scan(plan: &Plan<'_>, top: &mut TopK) {
    for service in plan.candidates(None) {
        if let Some(candidate) = plan.score_without_text(service, None) {
            top.count_one(service, None);
            top.push(candidate);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::{AgeRange, Index, IndexBuilder, Language, Location, Query, Service};

    /// Services on a spiral around Sudbury, with a mix of languages and ages.
    fn spiral(count: usize, without_location: &[usize]) -> Index {
        spiral_speaking(count, without_location, |i| ["en", "fr", "zh"][i % 3])
    }

    /// The spiral, with the language of service `i` from `language`.
    fn spiral_speaking(
        count: usize,
        without_location: &[usize],
        language: impl Fn(usize) -> &'static str,
    ) -> Index {
        let mut builder = IndexBuilder::new("spiral");
        for i in 0..count {
            let angle = i as f64 * 2.399;
            let reach = (i as f64).sqrt() * 0.05;
            let language = language(i);
            builder.add_service(Service {
                id: format!("s{i:04}"),
                name: format!("Service {i}"),
                languages: vec![Language {
                    code: Some(language.into()),
                    name: language.into(),
                }],
                eligibility: crate::model::EligibilityRules {
                    ages: (i % 4 == 0).then_some(AgeRange {
                        min: Some(60),
                        max: None,
                        from_text: false,
                    }),
                    ..Default::default()
                },
                locations: if without_location.contains(&i) {
                    Vec::new()
                } else {
                    vec![Location {
                        lat: 46.49 + reach * angle.sin(),
                        lon: -80.99 + reach * angle.cos(),
                        ..Default::default()
                    }]
                },
                ..Default::default()
            });
        }
        Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
    }

    fn ranked(index: &Index, query: &Query) -> (usize, Vec<(String, f32)>) {
        let results = index.search(query).unwrap();
        (
            results.total,
            results.hits.into_iter().map(|h| (h.id, h.score)).collect(),
        )
    }

    #[test]
    fn near_without_radius_walks_to_the_same_hits_as_a_full_scan() {
        let index = spiral(400, &[]);
        for limit in [1, 10, 50] {
            let near = Query::new()
                .near_point(46.5, -81.0)
                .language("fr")
                .client_age(30)
                .limit(limit);
            let everywhere = near.clone().radius_km(crate::MAX_RADIUS_KM);
            assert_eq!(
                ranked(&index, &near),
                ranked(&index, &everywhere),
                "limit {limit}"
            );
        }
    }

    #[test]
    fn few_services_passing_far_out_rank_as_in_a_full_scan() {
        // Only the outermost services speak Spanish: the walk gives up and
        // the planner scans the columns; the hits and scores must be those
        // of a radius holding everything, and the one without a location
        // must still be found.
        let index = spiral_speaking(1200, &[1199], |i| match i >= 1190 {
            true => "es",
            false => ["en", "fr"][i % 2],
        });
        let strict = |query: &Query| {
            let results = index.search(query).unwrap();
            let hits: Vec<(String, f32)> = results
                .hits
                .into_iter()
                .filter(|h| h.relaxed.is_none())
                .map(|h| (h.id, h.score))
                .collect();
            (results.total, hits)
        };
        for text in [None, Some("service")] {
            for limit in [3, 10, 20] {
                let mut near = Query::new()
                    .near_point(46.5, -81.0)
                    .language("es")
                    .require_language(true)
                    .limit(limit);
                if let Some(text) = text {
                    near = near.text(text);
                }
                let everywhere = near.clone().radius_km(crate::MAX_RADIUS_KM);
                let (total, hits) = strict(&near);
                assert_eq!(total, 10, "{text:?} limit {limit}");
                let located: Vec<_> = hits.iter().filter(|h| h.0 != "s1199").cloned().collect();
                let (_, expected) = strict(&everywhere);
                let n = located.len().min(expected.len());
                assert_eq!(located[..n], expected[..n], "{text:?} limit {limit}");
                assert!(n >= limit.min(9) - 1, "{text:?} limit {limit}: {hits:?}");
                if limit >= 10 {
                    assert!(hits.iter().any(|h| h.0 == "s1199"), "{text:?}: {hits:?}");
                }
            }
        }
    }

    #[test]
    fn near_without_radius_still_finds_services_without_a_location() {
        // Far from every service, the decay's scale adapts to the nearest
        // (so they keep their order by distance, well above 0.25), and the
        // service without a location still takes its place, as in a full scan.
        let index = spiral(400, &[3]);
        let far = Query::new().near_point(10.0, 10.0).limit(400);
        let results = index.search(&far).unwrap();
        assert_eq!(results.total, 400);
        assert!(results.hits.iter().any(|h| h.id == "s0003"));
        assert_ne!(results.hits[0].id, "s0003");
        assert!(results.hits[0].score > 0.9);
        let near = index
            .search(&Query::new().near_point(46.49, -80.99).limit(3))
            .unwrap();
        assert!(near.hits.iter().all(|h| h.id != "s0003"));
    }
}
