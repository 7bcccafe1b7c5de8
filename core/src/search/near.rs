//! Searches without text: near a place from the R-tree, else a scan of the
//! filter columns.

use crate::rank;

use super::plan::Plan;
use super::top::{Services, TopK};

/// The services near `origin`: those in the radius, or without one the
/// nearest first.
pub(crate) fn search(plan: &Plan<'_>, top: &mut TopK, (lat, lon): (f64, f64)) {
    match plan.radius_km {
        Some(radius) => {
            for (service, km) in plan.index.geo.services_within(lat, lon, radius) {
                if let Some(candidate) = plan.score_without_text(service, Some(km)) {
                    top.count_one(service, Some(km));
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
    let mut walked_all = true;
    index.geo.nearest_walk(lat, lon, |service, km| {
        // A hair nearer than the walk's (chord-derived) distance, so that
        // rounding never stops the walk before a service that ties.
        if top
            .threshold()
            .is_some_and(|t| rank::bound(None, 1.0, Some(Some((km - 1e-6).max(0.0)))) < t)
        {
            walked_all = false;
            return false;
        }
        // The walk meets each service first at its nearest location.
        if seen.insert(service) {
            if let Some(candidate) = plan.score_without_text(service, Some(km)) {
                top.count_one(service, Some(km));
                top.push(candidate);
            }
        }
        true
    });
    if top
        .threshold()
        .is_none_or(|t| t <= rank::bound(None, 1.0, Some(None)))
    {
        for &service in index.geo.unlocated() {
            if let Some(candidate) = plan.score_without_text(service, None) {
                top.count_one(service, None);
                top.push(candidate);
            }
        }
    } else {
        walked_all = false;
    }
    if !walked_all {
        // Recount from the filter columns: the walk stopped early.
        top.recount();
        top.count(0..index.len() as u32, |service| {
            plan.filter(service).is_some()
        });
    }
}

/// Every service, filtered by the columns (no text, no place).
pub(crate) fn scan(plan: &Plan<'_>, top: &mut TopK) {
    for service in 0..plan.index.len() as u32 {
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
        let mut builder = IndexBuilder::new("spiral");
        for i in 0..count {
            let angle = i as f64 * 2.399;
            let reach = (i as f64).sqrt() * 0.05;
            let language = ["en", "fr", "zh"][i % 3];
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
    fn near_without_radius_still_finds_services_without_a_location() {
        // Services 5..400 are far away: a service without a location (factor
        // 0.25) ranks above them, as in a full scan.
        let index = spiral(400, &[3]);
        let results = index
            .search(&Query::new().near_point(10.0, 10.0).limit(3))
            .unwrap();
        assert_eq!(results.hits[0].id, "s0003");
        assert_eq!(results.total, 400);
        let near = index
            .search(&Query::new().near_point(46.49, -80.99).limit(3))
            .unwrap();
        assert!(near.hits.iter().all(|h| h.id != "s0003"));
    }
}
