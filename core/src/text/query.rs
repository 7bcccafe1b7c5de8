//! Query text → tantivy query.
//!
//! The text is analysed once as English and once as French; each reading is an
//! OR over its terms in every field (with the field's boost), and a service
//! scores the better of the two readings (a disjunction-max), so a French
//! query is not penalised for also being nonsense in English. A term that
//! occurs nowhere is taken as a typo and matched within one edit.
//!
//! With several words there are two queries: services with every word (in
//! either reading) rank above services with only some, whatever their BM25,
//! as a person expects of "aide alimentaire" (food help, not any help).

use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::analyzer::{terms, TextLanguage};
use super::schema::{Fields, TextField};

/// Terms this short are never fuzzy-matched: one edit changes them too much.
const MIN_FUZZY_LEN: usize = 5;

/// The queries for a text.
pub(crate) struct TextQuery {
    /// Services with every word; `None` for a one-word text.
    pub(crate) all_words: Option<Box<dyn Query>>,
    /// Services with any word.
    pub(crate) any_word: Box<dyn Query>,
}

/// The tantivy queries for `text`, or `None` when it has no searchable term
/// (empty, or only stop words).
pub(crate) fn build(searcher: &Searcher, fields: &Fields, text: &str) -> Option<TextQuery> {
    let mut any_readings: Vec<Box<dyn Query>> = Vec::new();
    let mut all_readings: Vec<Box<dyn Query>> = Vec::new();
    let mut most_words = 0;
    for language in TextLanguage::ALL {
        let mut words = terms(language, text);
        words.sort();
        words.dedup();
        most_words = most_words.max(words.len());
        let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut all: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in words {
            let known = TextField::ALL.iter().any(|&field| {
                let term = Term::from_field_text(fields.text(field, language), &word);
                searcher.doc_freq(&term).is_ok_and(|freq| freq > 0)
            });
            let mut in_any_field: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for field in TextField::ALL {
                let term = Term::from_field_text(fields.text(field, language), &word);
                let query: Box<dyn Query> = if known || word.chars().count() < MIN_FUZZY_LEN {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                } else {
                    Box::new(FuzzyTermQuery::new(term, 1, true))
                };
                let boosted: Box<dyn Query> = Box::new(BoostQuery::new(query, field.boost()));
                in_any_field.push((Occur::Should, boosted.box_clone()));
                any.push((Occur::Should, boosted));
            }
            all.push((Occur::Must, Box::new(BooleanQuery::new(in_any_field))));
        }
        if !any.is_empty() {
            any_readings.push(Box::new(BooleanQuery::new(any)));
            all_readings.push(Box::new(BooleanQuery::new(all)));
        }
    }
    let any_word = either(any_readings)?;
    let all_words = if most_words > 1 {
        either(all_readings)
    } else {
        None
    };
    Some(TextQuery {
        all_words,
        any_word,
    })
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
