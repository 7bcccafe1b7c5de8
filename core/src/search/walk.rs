//! The text's postings walked term at a time, a window of services at a
//! time, knowing for each service its BM25 and whether it has every word.
//!
//! Block-max WAND ([`text`](super::text)) bounds a service by its BM25
//! alone, but a service with only some of the words scores at most half of
//! it ([`rank::SOME_WORDS`](crate::rank::SOME_WORDS)). With the need and the
//! predicted categories a short text is an OR of about ten terms, and WAND
//! spent most of its time on services that hold most terms but not every
//! word, which could never enter (`benches/results/PROFILE.md`). This walk
//! takes a window of [`WINDOW`] services at a time and, as Lucene's
//! `MaxScoreBulkScorer` does, splits the terms by their best possible score:
//! the *essential* ones, without which no service can reach the threshold,
//! are walked posting by posting; the others are looked up only for the
//! services the essential ones found that can still enter (or walked, when
//! that is cheaper). Each service that can enter is handed on with its exact
//! BM25 (its terms' scores summed in the OR's order, as
//! [`bm25_of`](super::text) sums them, so that a score is the same on every
//! path) and whether it meets every [`Requirement`].

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::BlockSegmentPostings;
use tantivy::query::Bm25Weight;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, Searcher, SegmentReader, Term};

use crate::error::{Error, Result};
use crate::rank::ROUNDING;
use crate::text::query::Requirement;

/// Services per window: a window's term scores stay in the processor's
/// caches.
const WINDOW: usize = 1024;

/// At most this many terms: one bit each.
const MAX_TERMS: usize = 64;

/// Looking a service up in a term's postings costs about this many times
/// stepping over one of its postings.
const SEEK_COST: u64 = 4;

/// A text ready to walk.
pub(crate) struct Walk {
    terms: Vec<TermPostings>,
    fieldnorms: FieldNormReader,
    /// Per requirement, the term bits of each alternative that the OR holds
    /// (an alternative with a term no service has can never be met).
    requirements: Vec<Vec<u64>>,
    /// The terms by their best possible score, lowest first.
    by_max: Vec<usize>,
    /// The services of the segment.
    max_doc: u64,
}

/// One term's postings, a block at a time, and its weight.
struct TermPostings {
    postings: BlockSegmentPostings,
    /// Where the walk stands in the current block.
    at: usize,
    bm25: Bm25Weight,
    /// Its best possible score.
    max: f32,
}

/// A window's state, kept between windows so that nothing is allocated
/// per window.
struct Window {
    start: DocId,
    /// Per term, per slot, the term's score (read only where the slot's
    /// bit for the term is set).
    scores: Vec<f32>,
    /// Per slot, the terms found.
    bits: Vec<u64>,
    /// Per slot, the sum of the scores found so far (any order: a bound).
    partial: Vec<f32>,
    /// The slots that may still enter, a bit each.
    live: Vec<u64>,
}

impl Walk {
    /// The walk over `terms` (the OR's terms with their weights, in its
    /// order), or `None` when they are too many for one bit each or a
    /// requirement names a term outside them.
    pub(crate) fn new(
        searcher: &Searcher,
        segment: &SegmentReader,
        field: Field,
        terms: &[(Term, f32)],
        requirements: &[Requirement],
    ) -> Result<Option<Walk>> {
        if terms.len() > MAX_TERMS {
            return Ok(None);
        }
        let inverted = segment.inverted_index(field)?;
        let mut walked = Vec::with_capacity(terms.len());
        for (term, weight) in terms {
            // As tantivy's term query weighs a term (boosted by its clause).
            let bm25 =
                Bm25Weight::for_terms(searcher, std::slice::from_ref(term))?.boost_by(*weight);
            let postings = inverted
                .read_block_postings(term, IndexRecordOption::WithFreqs)
                .map_err(|e| {
                    Error::corrupt("section text: a term's postings cannot be read").with_source(e)
                })?
                .unwrap_or_else(BlockSegmentPostings::empty);
            walked.push(TermPostings {
                postings,
                at: 0,
                max: bm25.max_score(),
                bm25,
            });
        }
        let bit = |wanted: &Term| -> Option<u64> {
            terms
                .iter()
                .position(|(term, _)| term == wanted)
                .map(|i| 1u64 << i)
        };
        // A requirement's term is in the OR unless no service has it (the
        // query leaves those out); were it otherwise, the term bits could
        // not tell "every word", and the caller takes the other path.
        let mut every_term_known = true;
        let requirements = requirements
            .iter()
            .map(|requirement| {
                requirement
                    .alternatives
                    .iter()
                    .filter_map(|alternative| {
                        let mut bits = 0u64;
                        for term in alternative {
                            match bit(&term.term) {
                                Some(one) => bits |= one,
                                None => {
                                    every_term_known &=
                                        searcher.doc_freq(&term.term).unwrap_or(1) == 0;
                                    return None;
                                }
                            }
                        }
                        Some(bits)
                    })
                    .collect()
            })
            .collect();
        if !every_term_known {
            return Ok(None);
        }
        let mut by_max: Vec<usize> = (0..walked.len()).collect();
        by_max.sort_by(|&a, &b| walked[a].max.total_cmp(&walked[b].max).then(a.cmp(&b)));
        Ok(Some(Walk {
            terms: walked,
            fieldnorms: segment.get_fieldnorms_reader(field)?,
            requirements,
            by_max,
            max_doc: u64::from(segment.max_doc()),
        }))
    }

    /// Whether a service with the terms `bits` meets every requirement.
    fn every_word(&self, bits: u64) -> bool {
        self.requirements
            .iter()
            .all(|alternatives| alternatives.iter().any(|&needed| needed & !bits == 0))
    }

    /// One service's BM25 (its terms' scores summed in the OR's order) and
    /// whether it has every word, each term looked up in its postings;
    /// `None` when it has no term. Ask for services in increasing order.
    pub(crate) fn bm25_of(&mut self, doc: DocId) -> Option<(f32, bool)> {
        let mut bm25 = None::<f32>;
        let mut found = 0u64;
        for (term, postings) in self.terms.iter_mut().enumerate() {
            postings.seek(doc);
            if postings.doc() == Some(doc) {
                let freq = postings.postings.freqs()[postings.at];
                let score = postings.bm25.score(self.fieldnorms.fieldnorm_id(doc), freq);
                bm25 = Some(bm25.unwrap_or(0.0) + score);
                found |= 1 << term;
            }
        }
        bm25.map(|bm25| (bm25, self.every_word(found)))
    }

    /// Calls `visit(service, bm25, every_word)`, in service order, for every
    /// service with some term whose BM25 could beat the threshold, at first
    /// `threshold` and then what `visit` last returned (as tantivy's
    /// `for_each_pruning` does).
    pub(crate) fn for_each(
        &mut self,
        mut threshold: f32,
        mut visit: impl FnMut(DocId, f32, bool) -> f32,
    ) {
        let n = self.terms.len();
        let mut window = Window {
            start: 0,
            scores: vec![0.0; n * WINDOW],
            bits: vec![0; WINDOW],
            partial: vec![0.0; WINDOW],
            live: vec![0; WINDOW / 64],
        };
        loop {
            // The terms that cannot reach the threshold together, even all
            // at their best, are not essential: a service with only those
            // cannot enter.
            let mut others_max = 0.0f32;
            let mut essential_from = 0;
            for (rank, &term) in self.by_max.iter().enumerate() {
                if (others_max + self.terms[term].max) * ROUNDING > threshold {
                    break;
                }
                others_max += self.terms[term].max;
                essential_from = rank + 1;
            }
            let (others, essential) = self.by_max.split_at(essential_from);
            // The window starts at the first service an essential term has.
            let Some(start) = essential
                .iter()
                .filter_map(|&term| self.terms[term].doc())
                .min()
            else {
                return;
            };
            window.start = start;
            let end = start.saturating_add(WINDOW as DocId);
            for &term in essential {
                self.terms[term].walk(term, &self.fieldnorms, end, &mut window, true);
            }
            // The others, strongest first, for the services still in the
            // running; after each, those that cannot reach the threshold
            // with what is left are dropped.
            let mut left_max = others_max;
            for (k, &term) in others.iter().rev().enumerate() {
                // Services dropped are fewer to look up: worth a pass
                // when the term may be looked up rather than walked.
                let postings = u64::from(self.terms[term].postings.doc_freq()) * WINDOW as u64
                    / self.max_doc.max(1);
                let mut live = window.live_count();
                if k == 0 || live * SEEK_COST < 2 * postings {
                    window.drop_below(threshold, left_max);
                    live = window.live_count();
                }
                if live == 0 {
                    break;
                }
                if live * SEEK_COST < postings {
                    self.terms[term].seek_live(term, &self.fieldnorms, &mut window);
                } else {
                    self.terms[term].walk(term, &self.fieldnorms, end, &mut window, false);
                }
                left_max -= self.terms[term].max;
            }
            window.drop_below(threshold, 0.0);
            // What is left, in service order, with exact sums.
            for word in 0..window.live.len() {
                while window.live[word] != 0 {
                    let slot = word * 64 + window.live[word].trailing_zeros() as usize;
                    window.live[word] &= window.live[word] - 1;
                    let bits = window.bits[slot];
                    let mut bm25 = 0.0f32;
                    let mut found = bits;
                    while found != 0 {
                        let term = found.trailing_zeros() as usize;
                        found &= found - 1;
                        bm25 += window.scores[term * WINDOW + slot];
                    }
                    window.bits[slot] = 0;
                    window.partial[slot] = 0.0;
                    if bm25 > threshold {
                        threshold = visit(start + slot as DocId, bm25, self.every_word(bits));
                    }
                }
            }
        }
    }
}

impl Window {
    /// How many slots may still enter.
    fn live_count(&self) -> u64 {
        self.live
            .iter()
            .map(|word| u64::from(word.count_ones()))
            .sum()
    }

    /// Drops the live slots that cannot beat `threshold` even with `left`
    /// more (their state cleared for the next window).
    fn drop_below(&mut self, threshold: f32, left: f32) {
        for word in 0..self.live.len() {
            let mut slots = self.live[word];
            while slots != 0 {
                let slot = word * 64 + slots.trailing_zeros() as usize;
                slots &= slots - 1;
                if (self.partial[slot] + left) * ROUNDING <= threshold {
                    self.live[word] &= !(1u64 << (slot % 64));
                    self.bits[slot] = 0;
                    self.partial[slot] = 0.0;
                }
            }
        }
    }
}

impl TermPostings {
    /// The next service to walk, `None` once every posting is walked.
    fn doc(&self) -> Option<DocId> {
        self.postings.docs().get(self.at).copied()
    }

    /// Moves to the first posting at `target` or after it.
    fn seek(&mut self, target: DocId) {
        if self.doc().is_some_and(|doc| doc < target) {
            self.at = self.postings.seek(target);
        }
    }

    /// Adds this term (the `term`-th of the OR) to the window's services
    /// that have it, up to `end`: every such service when `opens` (an
    /// essential term, whose services enter the running), else only those
    /// still in the running.
    fn walk(
        &mut self,
        term: usize,
        fieldnorms: &FieldNormReader,
        end: DocId,
        window: &mut Window,
        opens: bool,
    ) {
        self.seek(window.start);
        let Window {
            start,
            scores,
            bits,
            partial,
            live,
        } = window;
        let start = *start;
        let scores = &mut scores[term * WINDOW..(term + 1) * WINDOW];
        let term_bit = 1u64 << term;
        loop {
            let docs = self.postings.docs();
            if docs.is_empty() {
                return;
            }
            // The block's postings before `end`, from where the walk
            // stands: one search per block, not a test per posting.
            let from = self.at.min(docs.len());
            let upto = from + docs[from..].partition_point(|&doc| doc < end);
            let freqs = &self.postings.freqs()[from..upto];
            for (&doc, &freq) in docs[from..upto].iter().zip(freqs) {
                let slot = (doc - start) as usize;
                let (word, bit) = (slot / 64, 1u64 << (slot % 64));
                if opens || live[word] & bit != 0 {
                    let score = self.bm25.score(fieldnorms.fieldnorm_id(doc), freq);
                    scores[slot] = score;
                    bits[slot] |= term_bit;
                    partial[slot] += score;
                    live[word] |= bit;
                }
            }
            if upto < docs.len() {
                self.at = upto;
                return;
            }
            self.postings.advance();
            self.at = 0;
        }
    }

    /// Adds this term (the `term`-th of the OR) to the window's services in
    /// the running that have it, looking each one up.
    fn seek_live(&mut self, term: usize, fieldnorms: &FieldNormReader, window: &mut Window) {
        for word in 0..window.live.len() {
            let mut slots = window.live[word];
            while slots != 0 {
                let slot = word * 64 + slots.trailing_zeros() as usize;
                slots &= slots - 1;
                let doc = window.start + slot as DocId;
                self.seek(doc);
                if self.doc() == Some(doc) {
                    let freq = self.postings.freqs()[self.at];
                    let score = self.bm25.score(fieldnorms.fieldnorm_id(doc), freq);
                    window.scores[term * WINDOW + slot] = score;
                    window.bits[slot] |= 1u64 << term;
                    window.partial[slot] += score;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use tantivy::query::{EnableScoring, Scorer};
    use tantivy::schema::IndexRecordOption;
    use tantivy::{DocSet, TERMINATED};

    use super::*;
    use crate::{Index, IndexBuilder, Service};

    /// Services whose names and descriptions mix a few needs' words, so that
    /// most hold some words of a text and many hold all of them.
    fn directory(count: usize) -> Index {
        let words = [
            "mental",
            "health",
            "counselling",
            "food",
            "bank",
            "emergency",
            "shelter",
            "youth",
            "care",
            "home",
            "dental",
            "clinic",
            "aide",
            "alimentaire",
            "santé",
            "services",
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut builder = IndexBuilder::new("walk");
        for i in 0..count {
            let mut text = |len: usize| {
                (0..len)
                    .map(|_| words[next(words.len())])
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let name = text(2);
            let description = text(8);
            builder.add_service(Service {
                id: format!("s{i:05}"),
                name,
                description: Some(description),
                ..Default::default()
            });
        }
        Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
    }

    /// What tantivy's own term scorers say of every service: its BM25,
    /// summed in the OR's order, and the terms it has.
    fn reference(index: &Index, terms: &[(Term, f32)]) -> Vec<Option<(f32, u64)>> {
        let scoring = EnableScoring::enabled_from_searcher(&index.searcher);
        let segment = index.searcher.segment_reader(0);
        let mut scorers: Vec<Box<dyn Scorer>> = terms
            .iter()
            .map(|(term, weight)| {
                let query = tantivy::query::BoostQuery::new(
                    Box::new(tantivy::query::TermQuery::new(
                        term.clone(),
                        IndexRecordOption::WithFreqs,
                    )),
                    *weight,
                );
                tantivy::query::Query::weight(&query, scoring)
                    .unwrap()
                    .scorer(segment, 1.0)
                    .unwrap()
            })
            .collect();
        (0..segment.max_doc())
            .map(|doc| {
                let mut found = None::<(f32, u64)>;
                for (i, scorer) in scorers.iter_mut().enumerate() {
                    if scorer.doc() < doc {
                        scorer.seek(doc);
                    }
                    if scorer.doc() == doc && doc != TERMINATED {
                        let (sum, bits) = found.unwrap_or((0.0, 0));
                        found = Some((sum + scorer.score(), bits | 1 << i));
                    }
                }
                found
            })
            .collect()
    }

    #[test]
    fn every_service_gets_the_term_scorers_bm25_to_the_bit() {
        let index = directory(5000);
        for text in [
            "mental health counselling",
            "food bank",
            "emergency shelter for youth",
            "aide alimentaire",
            "home care dental clinic",
            "conselling",
        ] {
            let query = crate::search::text_query(&index, text).unwrap().unwrap();
            let expected = reference(&index, &query.weighted);
            let segment = index.searcher.segment_reader(0);
            let mut walk = Walk::new(
                &index.searcher,
                segment,
                index.fields.text,
                &query.weighted,
                &query.requirements,
            )
            .unwrap()
            .unwrap();
            // Without a threshold every service with some term is seen.
            let mut seen = vec![None; expected.len()];
            walk.for_each(f32::NEG_INFINITY, |doc, bm25, every_word| {
                seen[doc as usize] = Some((bm25, every_word));
                f32::NEG_INFINITY
            });
            let mut matched = 0;
            for (doc, (want, got)) in expected.iter().zip(&seen).enumerate() {
                match (want, got) {
                    (None, None) => {}
                    (Some((bm25, bits)), Some((walked, every_word))) => {
                        matched += 1;
                        assert_eq!(bm25.to_bits(), walked.to_bits(), "{text}: service {doc}");
                        let all = walk.every_word(*bits);
                        assert_eq!(all, *every_word, "{text}: service {doc}");
                    }
                    _ => panic!("{text}: service {doc}: {want:?} against {got:?}"),
                }
            }
            assert!(matched > 100, "{text}: {matched}");
        }
    }

    #[test]
    fn a_threshold_skips_only_services_that_cannot_beat_it() {
        let index = directory(5000);
        let query = crate::search::text_query(&index, "mental health counselling")
            .unwrap()
            .unwrap();
        let expected = reference(&index, &query.weighted);
        let mut scores: Vec<f32> = expected.iter().flatten().map(|(bm25, _)| *bm25).collect();
        scores.sort_by(|a, b| b.total_cmp(a));
        // The best 25 services, found with a threshold that rises as a
        // top-25 fills, as the search's top does.
        let mut top: Vec<f32> = Vec::new();
        let mut walk = Walk::new(
            &index.searcher,
            index.searcher.segment_reader(0),
            index.fields.text,
            &query.weighted,
            &query.requirements,
        )
        .unwrap()
        .unwrap();
        walk.for_each(f32::NEG_INFINITY, |_, bm25, _| {
            top.push(bm25);
            top.sort_by(|a, b| b.total_cmp(a));
            top.truncate(25);
            match top.len() {
                25 => top[24] * (1.0 - 1e-5),
                _ => f32::NEG_INFINITY,
            }
        });
        assert_eq!(top, scores[..25].to_vec());
    }
}
