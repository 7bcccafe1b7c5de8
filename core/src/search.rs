//! The search: pick a path to the candidates, filter and score each one,
//! keep the best, then build the hits.
//!
//! The planner picks the cheaper path:
//! - with text, candidates come from tantivy's postings (BM25), filtered and
//!   re-scored per document;
//! - without text but with a radius, from the R-tree's points in the radius;
//! - otherwise every service is a candidate, filtered by the columns.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use tantivy::query::EnableScoring;

use crate::error::{Error, Result};
use crate::geo::decay;
use crate::index::Index;
use crate::model::{Cost, Gender, Service};
use crate::query::{Near, Query};
use crate::rank::{
    eligibility, eligibility_factor, format_ages, format_distance, language_factor,
    DISTANCE_UNKNOWN, SOME_WORDS,
};
use crate::results::{Eligibility, Explanation, Hit, HitLocation, Results};
use crate::text;

/// A query resolved against one index: places looked up, languages mapped to
/// the index's language bits, categories to a set of services.
struct Plan<'a> {
    index: &'a Index,
    origin: Option<(f64, f64)>,
    radius_km: Option<f64>,
    age: Option<u8>,
    gender: Option<Gender>,
    has_client: bool,
    languages: Option<Vec<u64>>,
    preferred: Vec<String>,
    require_language: bool,
    free_only: bool,
    wheelchair: bool,
    categories: Option<Vec<u64>>,
    /// Whether the text has several words (so partial matches are marked).
    several_words: bool,
}

/// A scored candidate, with what its explanation needs.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    service: u32,
    /// Whether the service has every word of a several-word text (else its
    /// text factor carries [`SOME_WORDS`]).
    all_words: bool,
    score: f32,
    text: Option<f32>,
    distance: Option<(usize, f64)>,
    distance_factor: Option<f32>,
    language_factor: f32,
    eligibility: Option<Eligibility>,
    eligibility_factor: f32,
}

/// Heap order: better score first, then lower service position (id order).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Rank(OrderedScore, Reverse<u32>);

#[derive(Debug, Clone, Copy, PartialEq)]
struct OrderedScore(f32);
impl Eq for OrderedScore {}
impl PartialOrd for OrderedScore {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for OrderedScore {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

/// The best `k` candidates seen, and how many matched in all.
struct TopK {
    k: usize,
    total: usize,
    heap: BinaryHeap<Reverse<(Rank, usize)>>,
    slots: Vec<Candidate>,
}

impl TopK {
    fn new(k: usize) -> TopK {
        TopK {
            k,
            total: 0,
            heap: BinaryHeap::with_capacity(k + 1),
            slots: Vec::with_capacity(k + 1),
        }
    }

    fn push(&mut self, candidate: Candidate) {
        self.total += 1;
        let rank = Rank(OrderedScore(candidate.score), Reverse(candidate.service));
        if self.heap.len() < self.k {
            self.slots.push(candidate);
            self.heap.push(Reverse((rank, self.slots.len() - 1)));
        } else if let Some(Reverse((worst, slot))) = self.heap.peek().copied() {
            if rank > worst {
                self.heap.pop();
                self.slots[slot] = candidate;
                self.heap.push(Reverse((rank, slot)));
            }
        }
    }

    /// The score a candidate must reach to enter, once `k` are kept.
    fn threshold(&self) -> Option<f32> {
        if self.heap.len() < self.k {
            return None;
        }
        self.heap.peek().map(|Reverse((worst, _))| worst.0 .0)
    }

    /// The kept candidates, best first.
    fn into_sorted(self) -> Vec<Candidate> {
        let mut ranked: Vec<(Rank, usize)> = self.heap.into_iter().map(|Reverse(r)| r).collect();
        ranked.sort_by_key(|&(rank, _)| Reverse(rank));
        ranked
            .into_iter()
            .map(|(_, slot)| self.slots[slot])
            .collect()
    }
}

pub(crate) fn search(index: &Index, query: &Query) -> Result<Results> {
    query.validate()?;
    let mut plan = Plan::new(index, query)?;
    let mut top = TopK::new(query.offset + query.limit);
    let text_query = query
        .text
        .as_deref()
        .and_then(|t| text::query::build(&index.searcher, &index.fields, t));
    if let Some(text_query) = text_query {
        plan.several_words = text_query.all_words.is_some();
        let scoring = EnableScoring::enabled_from_searcher(&index.searcher);
        let segment = index.searcher.segment_reader(0);
        let mut with_all_words = vec![0u64; index.len().div_ceil(64)];
        if let Some(all_words) = &text_query.all_words {
            all_words
                .weight(scoring)?
                .for_each(segment, &mut |doc, bm25| {
                    with_all_words[doc as usize / 64] |= 1 << (doc % 64);
                    if let Some(candidate) = plan.score(doc, Some(bm25)) {
                        top.push(Candidate {
                            all_words: true,
                            ..candidate
                        });
                    }
                })?;
        }
        let any_word = text_query.any_word.weight(scoring)?;
        any_word.for_each(segment, &mut |doc, bm25| {
            if with_all_words[doc as usize / 64] & (1 << (doc % 64)) != 0 {
                return;
            }
            let partial = if text_query.all_words.is_some() {
                SOME_WORDS
            } else {
                1.0
            };
            if let Some(candidate) = plan.score(doc, Some(bm25 * partial)) {
                top.push(candidate);
            }
        })?;
    } else if let (Some((lat, lon)), Some(radius)) = (plan.origin, plan.radius_km) {
        let mut seen = vec![0u64; index.len().div_ceil(64)];
        index.geo.within(lat, lon, radius, |service| {
            let (word, bit) = (service as usize / 64, 1u64 << (service % 64));
            if seen[word] & bit == 0 {
                seen[word] |= bit;
                if let Some(candidate) = plan.score(service, None) {
                    top.push(candidate);
                }
            }
        });
    } else if let Some((lat, lon)) = plan.origin {
        near_without_radius(index, &plan, &mut top, lat, lon);
    } else {
        for service in 0..index.len() as u32 {
            if let Some(candidate) = plan.score(service, None) {
                top.push(candidate);
            }
        }
    }
    let total = top.total;
    let hits = top
        .into_sorted()
        .into_iter()
        .skip(query.offset)
        .map(|candidate| plan.hit(candidate, query.explain))
        .collect::<Result<Vec<Hit>>>()?;
    Ok(Results {
        total,
        hits,
        facets: None,
    })
}

/// What the column filters tell of a service that passes them: whether it
/// lists any language and offers a preferred one, and its eligibility verdict.
type Filtered = (Option<(bool, bool)>, Option<Eligibility>);

/// "What is near me" without text or radius: walks the R-tree nearest first.
///
/// Without text a service scores at most its distance factor (the language
/// and eligibility factors are at most 1), so once the next location's decay
/// is below the k-th best score no farther service can enter the top k and the
/// walk stops. Services without a location score at most
/// [`DISTANCE_UNKNOWN`]: they are looked at only if that can enter. `total`
/// still counts every matching service, from the filter columns alone.
fn near_without_radius(index: &Index, plan: &Plan<'_>, top: &mut TopK, lat: f64, lon: f64) {
    let mut seen = vec![0u64; index.len().div_ceil(64)];
    index.geo.nearest_walk(lat, lon, |service, km| {
        // A hair nearer than the walk's (chord-derived) distance, so that
        // rounding never stops the walk before a service that ties.
        if top
            .threshold()
            .is_some_and(|t| decay((km - 1e-6).max(0.0)) < t)
        {
            return false;
        }
        let (word, bit) = (service as usize / 64, 1u64 << (service % 64));
        if seen[word] & bit == 0 {
            seen[word] |= bit;
            if let Some(candidate) = plan.score(service, None) {
                top.push(candidate);
            }
        }
        true
    });
    if top.threshold().is_none_or(|t| t <= DISTANCE_UNKNOWN) {
        for service in 0..index.len() as u32 {
            if index.geo.has_no_points(service) {
                if let Some(candidate) = plan.score(service, None) {
                    top.push(candidate);
                }
            }
        }
    }
    top.total = (0..index.len() as u32)
        .filter(|&service| plan.filter(service).is_some())
        .count();
}

impl<'a> Plan<'a> {
    fn new(index: &'a Index, query: &Query) -> Result<Plan<'a>> {
        let origin = match &query.near {
            None => None,
            Some(Near::Point { lat, lon }) => Some((*lat, *lon)),
            Some(Near::Place(place)) => {
                let place = index.locate(place)?;
                Some((place.lat, place.lon))
            }
        };
        let mut preferred = Vec::new();
        for language in &query.languages {
            let code = crate::lang::code(language).ok_or_else(|| {
                Error::invalid_query(format!("languages: \"{language}\" is not a known language"))
            })?;
            preferred.push(code);
        }
        let languages = (!preferred.is_empty()).then(|| {
            let table = &index.meta.languages;
            let mut mask = vec![0u64; index.filters.words()];
            for code in &preferred {
                if let Some(bit) = table.iter().position(|l| l == code) {
                    mask[bit / 64] |= 1 << (bit % 64);
                }
            }
            mask
        });
        let categories = if query.categories.is_empty() {
            None
        } else {
            let category_query = text::query::categories(&index.fields, &query.categories);
            let weight =
                category_query.weight(EnableScoring::disabled_from_searcher(&index.searcher))?;
            let mut set = vec![0u64; index.len().div_ceil(64)];
            weight.for_each_no_score(index.searcher.segment_reader(0), &mut |docs| {
                for &doc in docs {
                    set[doc as usize / 64] |= 1 << (doc % 64);
                }
            })?;
            Some(set)
        };
        let client = query.client.as_ref();
        Ok(Plan {
            index,
            origin,
            radius_km: query.radius_km,
            age: client.and_then(|c| c.age),
            gender: client
                .and_then(|c| c.gender.as_deref())
                .and_then(Gender::parse),
            has_client: client.is_some_and(|c| c.age.is_some() || c.gender.is_some()),
            languages,
            preferred,
            require_language: query.require_language,
            free_only: query.free_only,
            wheelchair: query.wheelchair,
            categories,
            several_words: false,
        })
    }

    /// Filters and scores one service; `None` when it does not match.
    fn score(&self, service: u32, text: Option<f32>) -> Option<Candidate> {
        let (languages, verdict) = self.filter(service)?;
        let (distance, distance_factor) = match self.origin {
            None => (None, None),
            Some((lat, lon)) => match self.index.geo.nearest(service, lat, lon) {
                Some((at, km)) => {
                    if self.radius_km.is_some_and(|r| km > r) {
                        return None;
                    }
                    (Some((at, km)), Some(decay(km)))
                }
                None if self.radius_km.is_some() => return None,
                None => (None, Some(DISTANCE_UNKNOWN)),
            },
        };
        let language_factor = language_factor(languages);
        let eligibility_factor = eligibility_factor(verdict);
        let score = text.unwrap_or(1.0)
            * distance_factor.unwrap_or(1.0)
            * language_factor
            * eligibility_factor;
        Some(Candidate {
            service,
            all_words: false,
            score,
            text,
            distance,
            distance_factor,
            language_factor,
            eligibility: verdict,
            eligibility_factor,
        })
    }

    /// The column filters (all but distance): `None` when the service is
    /// filtered out, else its language match and eligibility verdict.
    fn filter(&self, service: u32) -> Option<Filtered> {
        let row = self.index.filters.row(service);
        if !row.active()
            || (self.wheelchair && !row.wheelchair())
            || (self.free_only && !row.free())
        {
            return None;
        }
        if let Some(set) = &self.categories {
            if set[service as usize / 64] & (1 << (service % 64)) == 0 {
                return None;
            }
        }
        let languages = self.languages.as_deref().map(|mask| row.languages(mask));
        if self.require_language && !languages.is_some_and(|(_, hit)| hit) {
            return None;
        }
        let verdict = self
            .has_client
            .then(|| eligibility(self.age, self.gender, row.ages(), |g| row.serves_gender(g)));
        if verdict == Some(Eligibility::Ineligible) {
            return None;
        }
        Some((languages, verdict))
    }

    fn hit(&self, candidate: Candidate, explain: bool) -> Result<Hit> {
        let service = self.index.records.get(candidate.service)?;
        let location_at = candidate.distance.map(|(at, _)| at).unwrap_or(0);
        let location = service.locations.get(location_at).map(|l| HitLocation {
            lat: l.lat,
            lon: l.lon,
            address: l.address.clone(),
            postal_code: l.postal_code.clone(),
        });
        let explanation = explain.then(|| Explanation {
            reason: self.reason(&service, &candidate),
            text: candidate.text,
            distance: candidate.distance_factor,
            language: candidate.language_factor,
            eligibility: candidate.eligibility_factor,
        });
        Ok(Hit {
            id: service.id.clone(),
            organization: service.organization.as_ref().map(|o| o.name.clone()),
            score: candidate.score,
            distance_km: candidate.distance.map(|(_, km)| km),
            eligibility: candidate.eligibility,
            languages: service
                .languages
                .iter()
                .map(|l| l.code.clone().unwrap_or_else(|| l.name.clone()))
                .collect(),
            open_now: None,
            location,
            categories: service.categories.iter().map(|c| c.name.clone()).collect(),
            phones: service.phones.iter().map(|p| p.number.clone()).collect(),
            url: service.url.clone(),
            name: service.name,
            explanation,
        })
    }

    /// One line for a person: "speaks French · 1.2 km · free · ages 65+".
    fn reason(&self, service: &Service, candidate: &Candidate) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.preferred.is_empty() {
            let spoken = self.preferred.iter().find(|code| {
                service
                    .languages
                    .iter()
                    .any(|l| l.code.as_deref() == Some(code.as_str()))
            });
            match spoken {
                Some(code) => parts.push(format!("speaks {}", crate::lang::name(code))),
                None if service.languages.is_empty() => parts.push("languages not listed".into()),
                None => {
                    let names: Vec<String> = self
                        .preferred
                        .iter()
                        .map(|c| crate::lang::name(c))
                        .collect();
                    parts.push(format!("no {} listed", names.join("/")))
                }
            }
        }
        match (candidate.distance, self.origin) {
            (Some((_, km)), _) => parts.push(format_distance(km)),
            (None, Some(_)) => parts.push("no location".into()),
            _ => {}
        }
        match service.cost {
            Cost::Free => parts.push("free".into()),
            Cost::SlidingScale => parts.push("sliding scale".into()),
            Cost::Fee => parts.push("fee".into()),
            Cost::Unknown => {}
        }
        if let Some(ages) = service.eligibility.ages {
            if let Some(text) = format_ages(ages.min, ages.max) {
                parts.push(text);
            }
        }
        match service.eligibility.genders.as_slice() {
            [Gender::Female] => parts.push("women only".into()),
            [Gender::Male] => parts.push("men only".into()),
            _ => {}
        }
        if candidate.eligibility == Some(Eligibility::Unknown) {
            parts.push("eligibility not stated".into());
        }
        if candidate.text.is_some() && self.several_words && !candidate.all_words {
            parts.push("some of your words".into());
        } else if candidate.text.is_some() && parts.is_empty() {
            parts.push("matches your words".into());
        }
        parts.join(" · ")
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
                eligibility: crate::model::Eligibility {
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
