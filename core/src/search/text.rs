//! Searches with text.
//!
//! A service's score is at most its BM25 ([`rank::bound`]), and half of it
//! without every word: the `k`-th best score so far is a bound below which
//! the postings' walk may skip services. A text of several terms is walked
//! term at a time, a window of services at a time ([`Walk`]: each service
//! known with its exact BM25 and its words, the weak terms looked up only
//! for services that can still enter); a text of one term goes through
//! tantivy's block-max WAND. Only the services above the bound are
//! filtered and placed.
//!
//! Near a place the distance factor makes that bound loose (a far service
//! with a high BM25 still cannot enter), so the search goes out in rings:
//! the services within 10 km, then 20, 40…, scored against the text, until
//! the best BM25 times the decay at the ring's edge cannot beat the `k`-th
//! best score. With a radius smaller than the text's matches, the services
//! in the radius are scored against the text in one go.

use std::cell::OnceCell;

use tantivy::query::{Bm25Weight, EnableScoring, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, SegmentReader};

use crate::error::{Error, Result};
use crate::format::geo::Origin;
use crate::query::MAX_RADIUS_KM;
use crate::rank::{self, DECAY_HALF_LIFE_KM};
use crate::text::query::{QueryTerm, Requirement, TextQuery};

use super::plan::Plan;
use super::top::{Services, TopK};
use super::walk::Walk;

/// Scoring a service from the radius against the text costs about this many
/// times a service found from the text: above it, the text goes first.
const RADIUS_FIRST_BELOW: u64 = 2;

/// Looking a service up in one term's postings (a seek) costs about this
/// many times stepping to the next posting.
const SEEK_COST: u64 = 4;

/// How many location points nearest the query's place are looked up in
/// the text's postings for the nearest match before every posting is
/// walked: far fewer than [`Plan::walk_budget`]'s least, so a match among
/// them is the one the full walk would find.
const NEAREST_FIRST_POINTS: usize = 64;

/// The radius of the first ring around a place.
///
/// # Units
/// Kilometres.
const FIRST_RING_KM: f64 = DECAY_HALF_LIFE_KM;

/// The services matching `query`, scored, into `top`.
pub(crate) fn search(plan: &Plan<'_>, top: &mut TopK, query: &TextQuery) -> Result<()> {
    let text = Text::new(plan, query)?;
    match (plan.origin, plan.radius_km) {
        (Some((lat, lon)), Some(radius_km)) => {
            let geo = &plan.index.geo;
            let point = Origin::new(lat, lon);
            let mut met = geo.met_within(point, radius_km);
            plan.keep_candidates(&mut met);
            let mut met = Services::from_words(met);
            // Services serving the caller's place count wherever their offices are.
            let serving = plan.serving_with_km();
            for &(service, _) in &serving {
                met.insert(service);
            }
            let one_by_one = text.prefers_services(met.len());
            text.adapt_scale(plan, one_by_one && text.seeks_cost_more(met.len()))?;
            if one_by_one {
                // Few enough to score one by one: each with its distance.
                let mut radius: Vec<(u32, Option<f64>)> = geo
                    .read_out(point, radius_km, met.words())
                    .into_iter()
                    .filter(|&(service, _)| !plan.serves(service))
                    .map(|(service, km)| (service, Some(km)))
                    .chain(serving)
                    .collect();
                radius.sort_unstable_by_key(|&(service, _)| service);
                text.score_services(plan, top, radius.len(), radius.into_iter())
            } else {
                // From the postings: only the few services that may enter
                // the top need their distances.
                text.score_postings(plan, top, |service| met.contains(service))
            }
        }
        (Some(origin), None) => {
            // The rings count the services beyond them from the set of
            // matches, and a scan scores exactly those that pass.
            text.adapt_scale(plan, true)?;
            match plan.scanned() {
                Some(_) => scanned(plan, top, &text),
                None => rings(plan, top, &text, origin),
            }
        }
        (None, _) => text.score_postings(plan, top, |_| true),
    }
}

/// Near a place without a radius: ring after ring, while a farther service
/// could still enter the top.
fn rings(plan: &Plan<'_>, top: &mut TopK, text: &Text<'_>, (lat, lon): (f64, f64)) -> Result<()> {
    let index = plan.index;
    let point = Origin::new(lat, lon);
    let best = text.best_bm25()?;
    let mut done = Services::new(index.len());
    // Services serving the caller's place are "here": scored first.
    let serving = plan.serving_with_km();
    text.score_services(plan, top, serving.len(), serving.iter().copied())?;
    for &(service, _) in &serving {
        done.insert(service);
    }
    let mut done_count = serving.len();
    let mut radius_km = FIRST_RING_KM;
    let mut inner_km = 0.0;
    let mut everything_done = true;
    loop {
        // A ring twice as wide holds about four times as many services: when
        // that many would cost more than walking the text, walk it now
        // rather than gather a ring only to drop it.
        if done_count > 0 && !text.prefers_services(done_count.saturating_mul(4)) {
            return text.score_postings(plan, top, |service| !done.contains(service));
        }
        // A service that offers none of the preferred languages scores at
        // most this: once it cannot enter, the ring scores speakers only.
        let others_bound = rank::bound_without_preferred_language(best, inner_km, plan.scale());
        let speakers_only =
            plan.prefers_languages() && top.threshold().is_some_and(|t| t > others_bound);
        // The services met within the ring's radius, less the inner rings',
        // each read out with its distance.
        let mut met = index.geo.met_within(point, radius_km);
        plan.keep_candidates(&mut met);
        for (word, done) in met.iter_mut().zip(done.words()) {
            *word &= !done;
        }
        let mut ring = index.geo.read_out(point, radius_km, &met);
        if speakers_only {
            let before = ring.len();
            ring.retain(|&(service, _)| plan.offers_preferred(service));
            everything_done &= ring.len() == before;
        }
        if !text.prefers_services(done_count + ring.len()) {
            // Scoring the rings would cost more than walking the text.
            return text.score_postings(plan, top, |service| !done.contains(service));
        }
        text.score_services(plan, top, ring.len(), located(&ring))?;
        for &(service, _) in &ring {
            done.insert(service);
        }
        done_count += ring.len();
        let farther_may_enter = top
            .threshold()
            .is_none_or(|t| t <= rank::bound(Some(best), 1.0, Some(Some(radius_km)), plan.scale()));
        if radius_km >= MAX_RADIUS_KM || !farther_may_enter {
            break;
        }
        inner_km = radius_km;
        radius_km = (radius_km * 2.0).min(MAX_RADIUS_KM);
    }
    let unlocated_may_enter = top
        .threshold()
        .is_none_or(|t| t <= rank::bound(Some(best), 1.0, Some(None), plan.scale()));
    if unlocated_may_enter {
        let unlocated = index.geo.unlocated();
        let services = unlocated
            .iter()
            .filter(|&&s| !done.contains(s))
            .map(|&s| (s, None));
        text.score_services(plan, top, unlocated.len(), services)?;
        for &service in unlocated {
            done.insert(service);
        }
    }
    if radius_km < MAX_RADIUS_KM || !unlocated_may_enter || !everything_done {
        text.count_rest(plan, top, &done)?;
    }
    Ok(())
}

/// Near a place without a radius when few services pass the filters (the
/// plan found them all by a scan): exactly those, with the services serving
/// the caller's place and those without a location.
fn scanned(plan: &Plan<'_>, top: &mut TopK, text: &Text<'_>) -> Result<()> {
    let matching = text.matching(plan)?;
    let mut services: Vec<(u32, Option<f64>)> = plan
        .scanned()
        .unwrap_or_default()
        .iter()
        .map(|&(service, km)| (service, Some(km)))
        .chain(plan.serving_with_km())
        .chain(
            plan.index
                .geo
                .unlocated()
                .iter()
                .filter(|&&service| matching.contains(service))
                .map(|&service| (service, None)),
        )
        .collect();
    services.sort_unstable_by_key(|&(service, _)| service);
    services.dedup_by_key(|&mut (service, _)| service);
    text.score_services(plan, top, services.len(), services.into_iter())
}

/// Services with their known distances.
fn located(services: &[(u32, f64)]) -> impl Iterator<Item = (u32, Option<f64>)> + '_ {
    services.iter().map(|&(service, km)| (service, Some(km)))
}

/// The text, ready to evaluate on the index's one segment.
struct Text<'a> {
    searcher: &'a tantivy::Searcher,
    /// The text field.
    field: tantivy::schema::Field,
    segment: &'a SegmentReader,
    query: &'a TextQuery,
    /// The weight of the text's OR, once asked for (block-max WAND's).
    weight: OnceCell<Box<dyn Weight>>,
    /// The weight of each of its terms, once asked for: a service's BM25 is
    /// summed from them in one fixed order, so that it is the same to the
    /// last bit whichever path found it (block-max WAND sums in the order
    /// its postings happen to stand). Most searches need neither weight:
    /// the walk weighs its terms itself.
    term_weights: OnceCell<Vec<Box<dyn Weight>>>,
    /// The services with some term, once asked for.
    matching: OnceCell<Services>,
    /// The best BM25 of any service, once asked for.
    best: OnceCell<f32>,
}

impl<'a> Text<'a> {
    fn new(plan: &'a Plan<'_>, query: &'a TextQuery) -> Result<Text<'a>> {
        let searcher = &plan.index.searcher;
        Ok(Text {
            searcher,
            field: plan.index.fields.text,
            segment: searcher.segment_reader(0),
            query,
            weight: OnceCell::new(),
            term_weights: OnceCell::new(),
            matching: OnceCell::new(),
            best: OnceCell::new(),
        })
    }

    /// Whether scoring `count` given services costs less than walking the
    /// text's postings with pruning.
    fn prefers_services(&self, count: usize) -> bool {
        (count as u64).saturating_mul(RADIUS_FIRST_BELOW) < self.query.postings
    }

    /// The services with some term of the text, found once (each term's
    /// postings walked in blocks without scores, a bit set per service).
    fn matching(&self, plan: &Plan<'_>) -> Result<&Services> {
        if let Some(set) = self.matching.get() {
            return Ok(set);
        }
        let mut set = Services::new(plan.index.len());
        let inverted = self.segment.inverted_index(self.field)?;
        for (term, _) in &self.query.weighted {
            // Block by block, without frequencies: a term scorer's per-doc
            // steps cost several times the decoding.
            let Some(mut postings) = inverted
                .read_block_postings(term, IndexRecordOption::Basic)
                .map_err(|e| {
                    Error::corrupt("section text: a term's postings cannot be read").with_source(e)
                })?
            else {
                continue;
            };
            while !postings.docs().is_empty() {
                for &doc in postings.docs() {
                    if doc < plan.index.len() as u32 {
                        set.insert(doc);
                    }
                }
                postings.advance();
            }
        }
        Ok(self.matching.get_or_init(|| set))
    }

    /// Adapts the distance decay to the nearest service that passes the
    /// filters and has some of the words ([`Plan::adapt_scale`]). Unless
    /// the search will want the set of matches anyway (`matching_wanted`),
    /// the few services nearest the place are looked up first: the nearest
    /// match is most often among them.
    fn adapt_scale(&self, plan: &Plan<'_>, matching_wanted: bool) -> Result<()> {
        if !matching_wanted {
            let nearest = plan.nearest_passing(NEAREST_FIRST_POINTS);
            if let Some(km) = self.nearest_matching(&nearest)? {
                plan.set_scale(Some(km));
                return Ok(());
            }
        }
        plan.adapt_scale(Some(self.matching(plan)?));
        Ok(())
    }

    /// Whether looking `count` services up in every term's postings costs
    /// more than walking the postings once into the set of matches.
    fn seeks_cost_more(&self, count: usize) -> bool {
        let seeks = count.saturating_mul(self.query.weighted.len());
        (seeks as u64).saturating_mul(SEEK_COST) > self.query.postings
    }

    /// The distance to the nearest of `candidates` (nearest first, each
    /// with its distance) that has some term of the text; `None` when none has.
    ///
    /// # Units
    /// Kilometres.
    fn nearest_matching(&self, candidates: &[(u32, f64)]) -> Result<Option<f64>> {
        if candidates.is_empty() {
            return Ok(None);
        }
        let mut by_service = candidates.to_vec();
        by_service.sort_unstable_by_key(|&(service, _)| service);
        let mut terms = self.term_scorers()?;
        let mut nearest = None::<f64>;
        for (service, km) in by_service {
            if terms
                .iter_mut()
                .any(|term| seek(term.as_mut(), service) == service)
            {
                nearest = Some(nearest.map_or(km, |n| n.min(km)));
            }
        }
        Ok(nearest)
    }

    /// The best BM25 of any service (found once).
    fn best_bm25(&self) -> Result<f32> {
        if let Some(best) = self.best.get() {
            return Ok(*best);
        }
        let mut best = 0.0f32;
        // Several terms: the MaxScore walk finds the best with a fraction
        // of block-max WAND's work (as it finds the top).
        let walk = match self.query.weighted.len() > 1 {
            true => Walk::new(
                self.searcher,
                self.segment,
                self.field,
                &self.query.weighted,
                &self.query.requirements,
            )?,
            false => None,
        };
        match walk {
            Some(mut walk) => walk.for_each(best, |_, bm25, _| {
                best = best.max(bm25);
                best
            }),
            None => self
                .weight()?
                .for_each_pruning(best, self.segment, &mut |_, bm25| {
                    best = best.max(bm25);
                    best
                })?,
        }
        Ok(*self.best.get_or_init(|| best))
    }

    /// The best BM25 of any service, once found (near a place without a
    /// radius).
    fn best_known(&self) -> Option<f32> {
        self.best.get().copied()
    }

    /// At least the BM25 of any service: its terms' best scores together,
    /// read from their statistics without walking a posting.
    fn bm25_ceiling(&self) -> Result<f32> {
        let searcher = self.searcher;
        let mut ceiling = 0.0f32;
        for (term, weight) in &self.query.weighted {
            let bm25 = Bm25Weight::for_terms(searcher, std::slice::from_ref(term))?;
            ceiling += bm25.boost_by(*weight).max_score();
        }
        Ok(ceiling)
    }

    /// Counts the matching services that `done` does not hold, up to
    /// [`COUNT_EXACTLY_UP_TO`](super::top::COUNT_EXACTLY_UP_TO) (past it `total` is a lower bound).
    fn count_rest(&self, plan: &Plan<'_>, top: &mut TopK, done: &Services) -> Result<()> {
        let matching = self.matching(plan)?;
        top.count(matching.difference(done), |service| {
            plan.filter(service).is_some()
        });
        Ok(())
    }

    /// The weight of the text's OR ([`Text::weight`](Text)).
    fn weight(&self) -> Result<&dyn Weight> {
        if let Some(weight) = self.weight.get() {
            return Ok(weight.as_ref());
        }
        let scoring = EnableScoring::enabled_from_searcher(self.searcher);
        let weight = self.query.any_word.weight(scoring)?;
        Ok(self.weight.get_or_init(|| weight).as_ref())
    }

    /// The weight of each of the text's terms, in the OR's order.
    fn term_weights(&self) -> Result<&[Box<dyn Weight>]> {
        if let Some(weights) = self.term_weights.get() {
            return Ok(weights);
        }
        let scoring = EnableScoring::enabled_from_searcher(self.searcher);
        let weights = self
            .query
            .terms
            .iter()
            .map(|term| term.weight(scoring))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(self.term_weights.get_or_init(|| weights))
    }

    /// Fresh scorers of the text's terms.
    fn term_scorers(&self) -> Result<Vec<Box<dyn Scorer>>> {
        let scorers = self
            .term_weights()?
            .iter()
            .map(|weight| weight.scorer(self.segment, 1.0))
            .collect::<tantivy::Result<Vec<_>>>()?;
        Ok(scorers)
    }

    /// What looks services up one at a time: the walk's postings when it
    /// can hold the text (a bit per term tells every word, no postings read
    /// twice), else tantivy's term scorers and the requirements' postings.
    fn lookup(&self, plan: &Plan<'_>) -> Result<Lookup> {
        let walk = Walk::new(
            self.searcher,
            self.segment,
            self.field,
            &self.query.weighted,
            &self.query.requirements,
        )?;
        Ok(match walk {
            Some(walk) => Lookup::Walk(walk),
            None => Lookup::Scorers {
                terms: self.term_scorers()?,
                every_word: self.every_word(plan)?,
            },
        })
    }

    /// What tells services with every word (`None` for a one-word text).
    fn every_word(&self, plan: &Plan<'_>) -> Result<Option<EveryWord>> {
        match plan.several_words {
            true => Ok(Some(EveryWord::new(
                plan,
                self.segment,
                &self.query.requirements,
            )?)),
            false => Ok(None),
        }
    }

    /// From the text's postings, the services that `keep` accepts.
    fn score_postings(
        &self,
        plan: &Plan<'_>,
        top: &mut TopK,
        keep: impl Fn(u32) -> bool,
    ) -> Result<()> {
        if self.query.weighted.len() > 1 {
            if let Some(walk) = Walk::new(
                self.searcher,
                self.segment,
                self.field,
                &self.query.weighted,
                &self.query.requirements,
            )? {
                self.walk_postings(plan, top, walk, keep);
                return Ok(());
            }
        }
        let mut every_word = self.every_word(plan)?;
        let mut terms = self.term_scorers()?;
        let skip_below = top.skip_below();
        self.weight()?
            .for_each_pruning(skip_below, self.segment, &mut |doc, wand_bm25| {
                if !keep(doc) {
                    return top.skip_below();
                }
                let Some(filtered) = plan.filter(doc) else {
                    return top.skip_below();
                };
                top.count_one(doc, None);
                let factors = filtered.factors();
                if !top.may_enter(
                    rank::bound(Some(wand_bm25), factors, None, plan.scale()),
                    doc,
                ) {
                    return top.skip_below();
                }
                let Some(bm25) = bm25_of(&mut terms, doc) else {
                    return top.skip_below();
                };
                let (text, all_words) = text_factor(every_word.as_mut(), doc, bm25);
                if !top.may_enter(text * factors, doc) {
                    return top.skip_below();
                }
                if let Some(candidate) = plan.score(doc, filtered, Some(text), all_words, None) {
                    top.push(candidate);
                }
                top.skip_below()
            })?;
        Ok(())
    }

    /// From the text's postings walked term at a time ([`Walk`]), the
    /// services that `keep` accepts: each known with its BM25 and whether it
    /// has every word before anything else is read, so a service with only
    /// some words is skipped on half its BM25.
    fn walk_postings(
        &self,
        plan: &Plan<'_>,
        top: &mut TopK,
        mut walk: Walk,
        keep: impl Fn(u32) -> bool,
    ) {
        let skip_below = top.skip_below();
        walk.for_each(skip_below, |doc, bm25, every_word| {
            let all_words = every_word || !plan.several_words;
            let text = rank::text_factor(bm25, all_words);
            // Every other factor is at most 1.
            if text <= top.skip_below() || !keep(doc) {
                return top.skip_below();
            }
            let Some(filtered) = plan.filter(doc) else {
                return top.skip_below();
            };
            top.count_one(doc, None);
            let factors = filtered.factors();
            if !top.may_enter(text * factors, doc) {
                return top.skip_below();
            }
            if let Some(candidate) = plan.score(doc, filtered, Some(text), all_words, None) {
                top.push(candidate);
            }
            top.skip_below()
        });
    }

    /// Scores the given services (in service order, with their distances
    /// when known), each looked up in every term's postings: the cost
    /// follows the services, not the text.
    fn score_services(
        &self,
        plan: &Plan<'_>,
        top: &mut TopK,
        count: usize,
        services: impl Iterator<Item = (u32, Option<f64>)>,
    ) -> Result<()> {
        let mut lookup = self.lookup(plan)?;
        let mut best_bm25 = self.best_known();
        // Seeking every term for every service costs more than walking the
        // postings once when the services are many.
        let matching = match self.seeks_cost_more(count) {
            true => Some(self.matching(plan)?),
            false => None,
        };
        for (doc, km) in services {
            if matching.is_some_and(|set| !set.contains(doc)) {
                continue;
            }
            // Once matches are no longer counted one by one, a service that
            // could not enter with the best BM25 (or, when that is not
            // known, its terms' best scores together) is not looked up at
            // all, nor filtered when its distance alone keeps it out.
            let skip_below = top.skip_below();
            // A service serving the caller's place is "here".
            let distance = plan
                .origin
                .map(|_| if plan.serves(doc) { Some(0.0) } else { km });
            let best = match skip_below > f32::NEG_INFINITY {
                true => Some(match best_bm25 {
                    Some(best) => best,
                    None => *best_bm25.insert(self.bm25_ceiling()?),
                }),
                false => None,
            };
            if let Some(best) = best {
                if rank::bound(Some(best), 1.0, distance, plan.scale()) < skip_below {
                    continue;
                }
            }
            let Some(filtered) = plan.filter(doc) else {
                continue;
            };
            let factors = filtered.factors();
            if let Some(best) = best {
                if rank::bound(Some(best), factors, distance, plan.scale()) < skip_below {
                    continue;
                }
            }
            let Some((bm25, all_words)) = lookup.bm25_of(doc, plan.several_words) else {
                continue;
            };
            top.count_one(doc, km);
            if !top.may_enter(bm25 * factors, doc) {
                continue;
            }
            let text = rank::text_factor(bm25, all_words);
            if !top.may_enter(text * factors, doc) {
                continue;
            }
            if let Some(candidate) = plan.score(doc, filtered, Some(text), all_words, km) {
                top.push(candidate);
            }
        }
        Ok(())
    }
}

/// Looks services up in the text's postings, one at a time in increasing
/// order ([`Text::lookup`]).
enum Lookup {
    Walk(Walk),
    Scorers {
        terms: Vec<Box<dyn Scorer>>,
        every_word: Option<EveryWord>,
    },
}

impl Lookup {
    /// A service's BM25 (its terms' scores summed in the OR's order) and
    /// whether it has every word (always, unless `several_words`); `None`
    /// when it has no term.
    fn bm25_of(&mut self, doc: DocId, several_words: bool) -> Option<(f32, bool)> {
        match self {
            Lookup::Walk(walk) => walk
                .bm25_of(doc)
                .map(|(bm25, every_word)| (bm25, every_word || !several_words)),
            Lookup::Scorers { terms, every_word } => {
                let bm25 = bm25_of(terms, doc)?;
                let every_word = every_word.as_mut().is_none_or(|words| words.met_by(doc));
                Some((bm25, every_word || !several_words))
            }
        }
    }
}

/// A service's BM25: the sum over the terms it has (as the text's OR sums
/// them); `None` when it has none.
fn bm25_of(terms: &mut [Box<dyn Scorer>], doc: DocId) -> Option<f32> {
    let mut sum = None::<f32>;
    for term in terms {
        if seek(term.as_mut(), doc) == doc {
            sum = Some(sum.unwrap_or(0.0) + term.score());
        }
    }
    sum
}

/// The text factor of a service with `bm25`, and whether it has
/// every word (always, for a one-word text).
fn text_factor(every_word: Option<&mut EveryWord>, doc: DocId, bm25: f32) -> (f32, bool) {
    let all_words = every_word.is_none_or(|every_word| every_word.met_by(doc));
    (rank::text_factor(bm25, all_words), all_words)
}

/// Moves `docs` to `target` or past it (never back); where it stands.
fn seek(docs: &mut dyn DocSet, target: DocId) -> DocId {
    if docs.doc() < target {
        docs.seek(target)
    } else {
        docs.doc()
    }
}

/// Tells whether a service meets every [`Requirement`] of the text, for
/// services asked in increasing order (each check moves postings forward).
struct EveryWord {
    /// Per requirement, its alternatives; per alternative, its terms'
    /// postings.
    requirements: Vec<Vec<Vec<Box<dyn DocSet>>>>,
}

impl EveryWord {
    fn new(
        plan: &Plan<'_>,
        segment: &SegmentReader,
        requirements: &[Requirement],
    ) -> Result<EveryWord> {
        let no_scores = EnableScoring::disabled_from_searcher(&plan.index.searcher);
        let postings = |term: &QueryTerm| -> Result<Box<dyn DocSet>> {
            let query = term.query(IndexRecordOption::Basic);
            Ok(query.weight(no_scores)?.scorer(segment, 1.0)?)
        };
        let requirements = requirements
            .iter()
            .map(|requirement| {
                requirement
                    .alternatives
                    .iter()
                    .map(|terms| terms.iter().map(postings).collect::<Result<Vec<_>>>())
                    .collect::<Result<Vec<_>>>()
            })
            .collect::<Result<Vec<_>>>()?;
        Ok(EveryWord { requirements })
    }

    fn met_by(&mut self, doc: DocId) -> bool {
        self.requirements.iter_mut().all(|alternatives| {
            alternatives
                .iter_mut()
                .any(|terms| terms.iter_mut().all(|term| seek(term.as_mut(), doc) == doc))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Location;
    use crate::query::Query;
    use crate::rank::DistanceScale;
    use crate::{Index, IndexBuilder, Service};

    /// 400 services on a meridian north of (45, -75), one every 0.01°
    /// (about 1.1 km); every tenth from `first_dental` on has "dental" in
    /// its text, the others "food".
    fn meridian(first_dental: usize) -> Index {
        let mut builder = IndexBuilder::new("meridian");
        for i in 0..400 {
            let dental = i >= first_dental && i % 10 == 0;
            builder.add_service(Service {
                id: format!("s{i:03}"),
                name: if dental { "Dental clinic" } else { "Food bank" }.into(),
                locations: vec![Location {
                    lat: 45.0 + i as f64 * 0.01,
                    lon: -75.0,
                    ..Default::default()
                }],
                ..Default::default()
            });
        }
        Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
    }

    /// The distance scale found from the nearest services first, and from
    /// the set of every match.
    fn scales(index: &Index, query: &Query) -> (DistanceScale, DistanceScale) {
        let text = query.text.as_deref().unwrap();
        let text_query = crate::search::text_query(index, text).unwrap().unwrap();
        let scale = |matching_wanted: bool| {
            let plan = Plan::new(index, query, None).unwrap();
            let text = Text::new(&plan, &text_query).unwrap();
            text.adapt_scale(&plan, matching_wanted).unwrap();
            plan.scale()
        };
        (scale(false), scale(true))
    }

    #[test]
    fn the_nearest_match_is_the_same_found_among_the_nearest_or_from_every_match() {
        // A clinic 33 km away, among the 64 nearest points; then one 333
        // km away, beyond them, found from the set of every match.
        for (first_dental, near_km) in [(30, 33.36), (300, 333.6)] {
            let index = meridian(first_dental);
            let query = Query::default().text("dental").near_point(45.0, -75.0);
            let (nearest_first, every_match) = scales(&index, &query);
            assert_eq!(nearest_first, every_match, "first clinic {first_dental}");
            let expected = crate::rank::distance_scale(Some(near_km));
            assert!(
                (nearest_first.offset_km - expected.offset_km).abs() < 0.01 * expected.offset_km,
                "{nearest_first:?} against {expected:?}"
            );
        }
    }
}
