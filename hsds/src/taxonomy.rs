//! Taxonomy hierarchies: the built-in Open Eligibility tree, and publishers'
//! own terms with their parents.

use std::collections::HashMap;
use std::sync::OnceLock;

use servicematch::{Category, CategoryTerm};

const OPEN_ELIGIBILITY_CSV: &str = include_str!("../data/open_eligibility_flat.csv");

/// A term of a taxonomy, with the id of its parent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term's id in its source (an HSDS id or a code).
    pub id: String,
    /// The term's code, if any.
    pub code: Option<String>,
    /// The term's name.
    pub name: String,
    /// The parent term's id, if any.
    pub parent: Option<String>,
    /// The vocabulary, if known.
    pub vocabulary: Option<String>,
}

/// Terms by id, for walking up to the root.
#[derive(Debug, Default, Clone)]
pub struct Taxonomy {
    terms: HashMap<String, Term>,
}

impl Taxonomy {
    /// Adds a term (a later term with the same id replaces the earlier one).
    pub fn add(&mut self, term: Term) {
        self.terms.insert(term.id.clone(), term);
    }

    /// The term with this id, if any.
    pub fn get(&self, id: &str) -> Option<&Term> {
        self.terms.get(id)
    }

    /// Every term, in no particular order.
    pub fn terms(&self) -> impl Iterator<Item = &Term> {
        self.terms.values()
    }

    /// A category for `term`, with its broader terms found through `parent`
    /// links in this taxonomy and then in Open Eligibility.
    pub fn category(&self, term: &Term) -> Category {
        let mut ancestors = Vec::new();
        let mut parent = term.parent.clone();
        let mut guard = 0;
        while let Some(id) = parent.filter(|id| !id.is_empty()) {
            guard += 1;
            let Some(found) = self.get(&id).or_else(|| open_eligibility().get(&id)) else {
                break;
            };
            // A cycle in the publisher's data must not loop forever.
            if guard > 32 {
                break;
            }
            ancestors.push(CategoryTerm {
                code: found.code.clone(),
                name: found.name.clone(),
            });
            parent = found.parent.clone();
        }
        Category {
            code: term.code.clone(),
            name: term.name.clone(),
            vocabulary: term.vocabulary.clone(),
            ancestors,
        }
    }
}

/// A category for `term`: its broader terms from `taxonomy`, or, for an
/// Open Eligibility term whose parents the publisher's data lacks, from the
/// built-in Open Eligibility tree.
pub(crate) fn category(term: &Term, taxonomy: &Taxonomy) -> Category {
    let is_open_eligibility = term
        .vocabulary
        .as_deref()
        .is_some_and(|v| v.to_lowercase().contains("open eligibility"));
    if term.parent.is_none() && is_open_eligibility {
        if let Some(known) = term.code.as_deref().and_then(|c| open_eligibility().get(c)) {
            let mut category = open_eligibility().category(known);
            // The publisher's words for the term itself are kept.
            category.name = term.name.clone();
            category.vocabulary = term.vocabulary.clone();
            return category;
        }
    }
    taxonomy.category(term)
}

/// The Open Eligibility taxonomy (290 terms), keyed by code ("101-02-01").
pub fn open_eligibility() -> &'static Taxonomy {
    static TREE: OnceLock<Taxonomy> = OnceLock::new();
    TREE.get_or_init(|| {
        let mut taxonomy = Taxonomy::default();
        let mut reader = csv::Reader::from_reader(OPEN_ELIGIBILITY_CSV.as_bytes());
        for record in reader.records().flatten() {
            let field = |i: usize| record.get(i).unwrap_or("").trim().to_owned();
            let code = field(0);
            taxonomy.add(Term {
                id: code.clone(),
                code: Some(code),
                name: field(1),
                parent: Some(field(2)).filter(|p| !p.is_empty()),
                vocabulary: Some("Open Eligibility".into()),
            });
        }
        taxonomy
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_eligibility_terms_know_their_parents() {
        let tree = open_eligibility();
        let term = tree.get("101-02-01").unwrap();
        assert_eq!(term.name, "Help Pay for Food");
        let category = tree.category(term);
        let names: Vec<&str> = category.ancestors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Emergency Cash", "Emergency"]);
    }
}
