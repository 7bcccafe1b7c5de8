//! Query text → tantivy query.
//!
//! The text is analysed once as English and once as French; each reading is an
//! OR over its terms in every field (with the field's boost), and a service
//! scores the better of the two readings (a disjunction-max), so a French
//! query is not penalised for also being nonsense in English. A term that
//! occurs nowhere is taken as a typo and matched within one edit.
//!
//! Phrases people use for a need ("food bank", "aide alimentaire", "detox")
//! also find their synonyms ([`synonyms`]), at a lower weight.
//!
//! With several words there are two queries, one for services with every
//! word (a synonym of a typed phrase counts as the phrase) and one for
//! services with some; the search gives the latter a lower text factor, as a
//! person expects of "aide alimentaire" (food help, not any help).

use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::analyzer::{terms, TextLanguage};
use super::schema::{Fields, TextField};
use super::synonyms;

/// Terms this short are never fuzzy-matched: one edit changes them too much.
const MIN_FUZZY_LEN: usize = 5;

/// Weight of a synonym's terms next to the words the person typed.
const SYNONYM_WEIGHT: f32 = 0.7;

/// The queries for a text.
pub(crate) struct TextQuery {
    /// Services with every word (a synonym of a typed phrase counts as the
    /// phrase); `None` for a one-word text.
    pub(crate) all_words: Option<Box<dyn Query>>,
    /// Services with any word or synonym.
    pub(crate) any_word: Box<dyn Query>,
}

type Clauses = Vec<(Occur, Box<dyn Query>)>;

/// The tantivy queries for `text`, or `None` when it has no searchable term
/// (empty, or only stop words).
pub(crate) fn build(searcher: &Searcher, fields: &Fields, text: &str) -> Option<TextQuery> {
    let (plain, concepts) = synonyms::split(text);
    let mut any_readings: Vec<Box<dyn Query>> = Vec::new();
    let mut all_readings: Vec<Box<dyn Query>> = Vec::new();
    let mut most_terms = 0;
    for language in TextLanguage::ALL {
        let reading = Reading {
            searcher,
            fields,
            language,
        };
        let mut any: Clauses = Vec::new();
        let mut all: Clauses = Vec::new();
        let mut typed_terms = 0;
        for word in distinct_terms(language, &plain) {
            typed_terms += 1;
            let in_any_field = reading.word(&word, 1.0, true);
            any.extend(in_any_field.iter().map(|(o, q)| (*o, q.box_clone())));
            all.push((Occur::Must, Box::new(BooleanQuery::new(in_any_field))));
        }
        for concept in &concepts {
            let mut alternatives: Clauses = Vec::new();
            for &phrase in concept.phrases {
                let typed = phrase == concept.typed;
                let weight = if typed { 1.0 } else { SYNONYM_WEIGHT };
                let terms = distinct_terms(language, phrase);
                if typed {
                    typed_terms += terms.len();
                }
                let mut every_term: Clauses = Vec::new();
                for term in terms {
                    let in_any_field = reading.word(&term, weight, false);
                    any.extend(in_any_field.iter().map(|(o, q)| (*o, q.box_clone())));
                    every_term.push((Occur::Must, Box::new(BooleanQuery::new(in_any_field))));
                }
                if !every_term.is_empty() {
                    alternatives.push((Occur::Should, Box::new(BooleanQuery::new(every_term))));
                }
            }
            if !alternatives.is_empty() {
                all.push((Occur::Must, Box::new(BooleanQuery::new(alternatives))));
            }
        }
        most_terms = most_terms.max(typed_terms);
        if !any.is_empty() {
            any_readings.push(Box::new(BooleanQuery::new(any)));
            all_readings.push(Box::new(BooleanQuery::new(all)));
        }
    }
    let any_word = either(any_readings)?;
    let all_words = if most_terms > 1 {
        either(all_readings)
    } else {
        None
    };
    Some(TextQuery {
        all_words,
        any_word,
    })
}

/// The analysed terms of `text`, each once.
fn distinct_terms(language: TextLanguage, text: &str) -> Vec<String> {
    let mut words = terms(language, text);
    words.sort();
    words.dedup();
    words
}

/// One language's reading of the query.
struct Reading<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    language: TextLanguage,
}

impl Reading<'_> {
    /// `term` in any field, with the field boosts times `weight`. A term
    /// found nowhere is fuzzy-matched when it `may_be_typo`.
    fn word(&self, term: &str, weight: f32, may_be_typo: bool) -> Clauses {
        let handle = |field: TextField| self.fields.text(field, self.language);
        let known = TextField::ALL.iter().any(|&field| {
            let term = Term::from_field_text(handle(field), term);
            self.searcher.doc_freq(&term).is_ok_and(|freq| freq > 0)
        });
        let fuzzy = !known && may_be_typo && term.chars().count() >= MIN_FUZZY_LEN;
        TextField::ALL
            .iter()
            .map(|&field| {
                let term = Term::from_field_text(handle(field), term);
                let query: Box<dyn Query> = if fuzzy {
                    Box::new(FuzzyTermQuery::new(term, 1, true))
                } else {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                };
                let boosted: Box<dyn Query> =
                    Box::new(BoostQuery::new(query, field.boost() * weight));
                (Occur::Should, boosted)
            })
            .collect()
    }
}

/// The better of the English and French readings.
fn either(mut readings: Vec<Box<dyn Query>>) -> Option<Box<dyn Query>> {
    match readings.len() {
        0 => None,
        1 => readings.pop(),
        _ => Some(Box::new(DisjunctionMaxQuery::new(readings))),
    }
}

/// The query matching services under any of `categories` (codes or names,
/// any case), including narrower terms.
pub(crate) fn categories(fields: &Fields, categories: &[String]) -> Box<dyn Query> {
    let clauses = categories
        .iter()
        .map(|category| {
            let term = Term::from_field_text(fields.category, &category_key(category));
            let query: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// How a category code or name is indexed and looked up: trimmed, lowercase.
pub(crate) fn category_key(category: &str) -> String {
    category.trim().to_lowercase()
}
