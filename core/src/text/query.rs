//! Query text → tantivy query.
//!
//! The text is analysed once as English and once as French; each reading is an
//! OR over its terms in every field (with the field's boost), and a service
//! scores the better of the two readings (a disjunction-max), so a French
//! query is not penalised for also being nonsense in English. A term that
//! occurs nowhere is taken as a typo and matched within one edit.

use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{Searcher, Term};

use super::analyzer::{terms, TextLanguage};
use super::schema::{Fields, TextField};

/// Terms this short are never fuzzy-matched: one edit changes them too much.
const MIN_FUZZY_LEN: usize = 5;

/// The tantivy query for `text`, or `None` when it has no searchable term
/// (empty, or only stop words).
pub(crate) fn build(searcher: &Searcher, fields: &Fields, text: &str) -> Option<Box<dyn Query>> {
    let mut readings: Vec<Box<dyn Query>> = Vec::new();
    for language in TextLanguage::ALL {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for word in terms(language, text) {
            let known = TextField::ALL.iter().any(|&field| {
                let term = Term::from_field_text(fields.text(field, language), &word);
                searcher.doc_freq(&term).is_ok_and(|freq| freq > 0)
            });
            for field in TextField::ALL {
                let term = Term::from_field_text(fields.text(field, language), &word);
                let query: Box<dyn Query> = if known || word.chars().count() < MIN_FUZZY_LEN {
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs))
                } else {
                    Box::new(FuzzyTermQuery::new(term, 1, true))
                };
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(query, field.boost())),
                ));
            }
        }
        if !clauses.is_empty() {
            readings.push(Box::new(BooleanQuery::new(clauses)));
        }
    }
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
