//! Typos: the indexed terms within one edit of a word that occurs nowhere.
//!
//! The term dictionary (an FST) is searched with a Levenshtein automaton, as
//! tantivy's `FuzzyTermQuery` searches it; but the terms found come back to
//! be queried as terms, each scored by BM25 and skipped through by
//! block-max WAND like a typed word. A `FuzzyTermQuery` gives every match
//! the same score, in an order no pruning can use.

use std::sync::OnceLock;

use levenshtein_automata::{Distance, LevenshteinAutomatonBuilder, DFA, SINK_STATE};
use tantivy::schema::Field;
use tantivy::Searcher;
use tantivy_fst::Automaton;

/// At most this many terms stand for one typo: the most common ones.
const MAX_TERMS: usize = 8;

/// Builds the automata; costly to make, so made once.
fn builder() -> &'static LevenshteinAutomatonBuilder {
    static BUILDER: OnceLock<LevenshteinAutomatonBuilder> = OnceLock::new();
    // One edit; swapping two letters ("recieve") counts as one.
    BUILDER.get_or_init(|| LevenshteinAutomatonBuilder::new(1, true))
}

/// The terms within one edit of a word, as an automaton over a term's bytes.
struct WithinOneEdit(DFA);

impl Automaton for WithinOneEdit {
    type State = u32;

    fn start(&self) -> u32 {
        self.0.initial_state()
    }

    fn is_match(&self, state: &u32) -> bool {
        matches!(self.0.distance(*state), Distance::Exact(_))
    }

    fn can_match(&self, state: &u32) -> bool {
        *state != SINK_STATE
    }

    fn accept(&self, state: &u32, byte: u8) -> u32 {
        self.0.transition(*state, byte)
    }
}

/// The indexed terms of `field` within one edit of any of `words` (a
/// word's stems), with how many services have each: the most common first,
/// at most [`MAX_TERMS`].
pub(crate) fn near(searcher: &Searcher, field: Field, words: &[&str]) -> Vec<(String, u64)> {
    let mut found = Vec::new();
    for word in words {
        near_one(searcher, field, word, &mut found);
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    found.dedup();
    found.truncate(MAX_TERMS);
    found
}

fn near_one(searcher: &Searcher, field: Field, word: &str, found: &mut Vec<(String, u64)>) {
    let automaton = WithinOneEdit(builder().build_dfa(word));
    for segment in searcher.segment_readers() {
        // An unreadable dictionary finds nothing here, as a term that cannot
        // be looked up counts as found nowhere; opening the index checks the
        // text section, and a search over it reports what it cannot read.
        let Ok(inverted) = segment.inverted_index(field) else {
            continue;
        };
        let Ok(mut terms) = inverted.terms().search(&automaton).into_stream() else {
            continue;
        };
        while terms.advance() {
            if let Ok(text) = std::str::from_utf8(terms.key()) {
                found.push((text.to_owned(), u64::from(terms.value().doc_freq)));
            }
        }
    }
}
