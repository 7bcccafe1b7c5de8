//! Query text → what the search evaluates.
//!
//! Each word of the text stands for its English and its French stem (the
//! index holds both, see [`stem`](super::stem)), each with its share of the
//! word's weight, so that a word scores alike in either language. A typed
//! word that occurs nowhere is taken as a typo: it stands for the indexed
//! terms within one edit of its stems ([`typo`]), each scored by BM25 like a
//! typed term, so that the search prunes through a typo as through any word.
//!
//! The text is one flat OR of term queries over the text field (see
//! [`schema`](super::schema)), a term once however many words and phrases
//! name it: the shape the search can prune (by MaxScore over its terms, or
//! tantivy's block-max WAND for one term), so a search for the top 10 does
//! not score every matching service.
//!
//! A phrase of the layperson vocabulary ("somewhere to sleep") also finds
//! the services that name its need in any of the need's phrases ("emergency
//! shelter", "hébergement d'urgence"): one term per need, indexed where a
//! service's text says a phrase of it ([`vocabulary`](super::vocabulary)),
//! weighted below the caller's own words ([`rank::vocabulary_weight`]).
//!
//! With several words, a service that has every word (a synonym of a typed
//! phrase counts as the phrase) ranks above one that has only some: the
//! query also lists its [`Requirement`]s, which the search checks for the
//! services that could enter the top.

use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{Searcher, Term};

use std::sync::LazyLock;

use tantivy::DocSet;

use super::analyzer::word_stems;
use super::categories::{category_term, Associations};
use super::indexed_term::IndexedTerm;
use super::schema::Fields;
use super::typo;
use super::vocabulary::{need_term, Matcher};
use crate::rank;

/// How callers start and pad a request, in either language: words that say
/// nothing of the need ("i need", "my", "someone", "je cherche"), left out
/// of a query that says something else (the index keeps them).
const FILLER_WORDS: &str = "my mine me im i'm am need needs needed want wants looking \
    someone somebody anyone where get can could please help tonight today now \
    ai besoin cherche veux voudrais aurais quelqu'un ou";

/// [`FILLER_WORDS`] as the analyser's stems, analysed once.
static FILLER: LazyLock<Vec<[String; 2]>> = LazyLock::new(|| word_stems(FILLER_WORDS));

/// Terms this short are never taken for typos: one edit changes them too much.
const MIN_TYPO_LEN: usize = 5;

/// What a text asks of the index.
pub(crate) struct TextQuery {
    /// Services with any term: a flat OR of (boosted) term queries.
    pub(crate) any_word: Box<dyn Query>,
    /// The clauses of that OR, one per term: a service's BM25 is the sum of
    /// theirs.
    pub(crate) terms: Vec<Box<dyn Query>>,
    /// The same terms with their weights, in the same order.
    pub(crate) weighted: Vec<(Term, f32)>,
    /// What "every word" means: each requirement must be met.
    pub(crate) requirements: Vec<Requirement>,
    /// The sum of the terms' document frequencies: how many postings the
    /// OR walks, what the planner weighs against a radius.
    pub(crate) postings: u64,
    /// Whether the text has several words (so services with only some of
    /// them rank lower).
    pub(crate) several_words: bool,
    /// The vocabulary's needs the text names, for explanations.
    pub(crate) needs: Vec<NeedUse>,
    /// The categories the text's words predict, strongest first, for
    /// explanations.
    pub(crate) categories: Vec<CategoryUse>,
}

/// A category the caller's words predict: its term and its name.
#[derive(Debug, Clone)]
pub(crate) struct CategoryUse {
    /// The category's term in the text field.
    pub(crate) term: Term,
    /// What the directory calls it ("Emergency Shelter").
    pub(crate) name: String,
}

/// One typed word, or one need named by a phrase: met when every term of
/// any alternative is in the service (a typed word has an alternative per
/// stem; "food bank" has one per synonym phrase and language).
pub(crate) struct Requirement {
    pub(crate) alternatives: Vec<Vec<QueryTerm>>,
}

/// A term of the text field.
#[derive(Clone)]
pub(crate) struct QueryTerm {
    pub(crate) term: Term,
    /// How many services have it.
    estimated_matches: u64,
}

impl QueryTerm {
    /// The query matching this term.
    pub(crate) fn query(&self, record: IndexRecordOption) -> Box<dyn Query> {
        Box::new(IndexedTerm::new(self.term.clone(), record))
    }
}

/// A need of the vocabulary that the text names.
#[derive(Clone)]
pub(crate) struct NeedUse {
    /// The term services that name the need have.
    pub(crate) term: Term,
    /// The need's name ("emergency shelter").
    pub(crate) name: String,
    /// The vocabulary's phrase the text said ("somewhere to sleep").
    pub(crate) phrase: String,
    /// The text's words of that phrase, by their first stem: a service with
    /// all of them matched the caller's own words.
    pub(crate) words: Vec<Term>,
}

/// The queries for `text`, or `None` when it has no searchable word
/// (empty, or only stop words). Words that no service has give queries that
/// match nothing.
pub(crate) fn build(
    searcher: &Searcher,
    fields: &Fields,
    vocabulary: &Matcher,
    associations: &Associations,
    text: &str,
) -> Option<TextQuery> {
    let words = word_stems(text);
    let found = vocabulary.find(&words);
    let lookup = Lookup {
        searcher,
        field: fields.text,
    };
    let mut any = AnyTerm::default();
    let mut requirements = Vec::new();
    let mut needs = Vec::new();
    let mut typed_words = 0;
    let mut plain: Vec<[String; 2]> = words
        .iter()
        .enumerate()
        .filter(|(at, _)| !found.iter().any(|f| f.words.contains(at)))
        .map(|(_, stems)| stems.clone())
        .collect();
    plain.sort();
    plain.dedup();
    // Callers' filler ("i need", "my", "someone"), unless nothing else is said.
    let said = |stems: &[String; 2]| !FILLER.iter().any(|f| f == stems);
    if plain.iter().any(said) || !found.is_empty() {
        plain.retain(said);
    }
    for stems in &plain {
        typed_words += 1;
        // Any stem, or for a typo any term within one edit, meets the word.
        let alternatives = lookup.typed(stems);
        for (term, weight) in &alternatives {
            any.add(term, *weight);
        }
        requirements.push(Requirement {
            alternatives: alternatives
                .into_iter()
                .map(|(term, _)| vec![term])
                .collect(),
        });
    }
    for found in &found {
        let mut typed: Vec<[String; 2]> = words[found.words.clone()].to_vec();
        typed.sort();
        typed.dedup();
        typed_words += typed.len();
        for stems in &typed {
            for (stem, share) in shares(stems) {
                any.add(&lookup.term(stem), share);
            }
        }
        // The need, said in any of its phrases: below the caller's own words.
        let mut alternatives: Vec<Vec<QueryTerm>> = Vec::new();
        for &need in &found.needs {
            let term = lookup.term(&need_term(need));
            any.add(&term, rank::vocabulary_weight(typed.len()));
            alternatives.push(vec![term.clone()]);
            needs.push(NeedUse {
                term: term.term,
                name: vocabulary.name(need).to_owned(),
                phrase: found.phrase.clone(),
                words: typed
                    .iter()
                    .map(|stems| Term::from_field_text(fields.text, &stems[0]))
                    .collect(),
            });
        }
        for language in 0..2 {
            let every_term: Vec<QueryTerm> = typed
                .iter()
                .map(|stems| lookup.term(&stems[language]))
                .collect();
            let known = alternatives.iter().any(|terms| {
                terms.len() == every_term.len()
                    && terms.iter().zip(&every_term).all(|(a, b)| a.term == b.term)
            });
            if !known {
                alternatives.push(every_term);
            }
        }
        requirements.push(Requirement { alternatives });
    }
    // The categories the words predict lift the services coded with them,
    // each by the strongest prediction.
    let mut predicted: Vec<(u32, f32)> = Vec::new();
    let said_words = plain
        .iter()
        .chain(found.iter().flat_map(|f| &words[f.words.clone()]));
    for stems in said_words {
        for &(key, strength) in associations.of(&stems[0]) {
            match predicted.iter_mut().find(|(k, _)| *k == key) {
                Some((_, best)) => *best = best.max(strength),
                None => predicted.push((key, strength)),
            }
        }
    }
    predicted.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut categories = Vec::new();
    for (key, strength) in predicted {
        let term = lookup.term(&category_term(key));
        any.add(&term, rank::category_weight(strength));
        if let Some(name) = associations.name(key) {
            categories.push(CategoryUse {
                term: term.term,
                name: name.to_owned(),
            });
        }
    }
    let (terms, weighted, postings) = match any.clauses() {
        Some(found) => found,
        // Words that no service has, not even within a typo: nothing
        // matches them (a search for "zzyzx" near Sudbury is not a search
        // for everything near Sudbury).
        None if typed_words > 0 => (Vec::new(), Vec::new(), 0),
        None => return None,
    };
    let any_word = Box::new(BooleanQuery::new(
        terms
            .iter()
            .map(|t| (Occur::Should, t.box_clone()))
            .collect(),
    ));
    Some(TextQuery {
        any_word,
        terms,
        weighted,
        requirements,
        postings,
        several_words: typed_words > 1,
        needs,
        categories,
    })
}

/// Whether service `doc` has `term` in the text field.
pub(crate) fn has_term(searcher: &Searcher, term: &Term, doc: u32) -> bool {
    let segment = searcher.segment_reader(0);
    let Ok(inverted) = segment.inverted_index(term.field()) else {
        return false;
    };
    match inverted.read_postings(term, IndexRecordOption::Basic) {
        // A fresh postings list stands on its first service: seek only forward.
        Ok(Some(mut postings)) => postings.doc() <= doc && postings.seek(doc) == doc,
        _ => false,
    }
}

/// A word's distinct stems, each with its share of the word's weight: a
/// service with the word has each of them (both stems stand at its
/// position), so together they weigh as one term.
fn shares(stems: &[String; 2]) -> Vec<(&str, f32)> {
    let mut distinct: Vec<&str> = Vec::with_capacity(2);
    for stem in stems {
        if !distinct.contains(&stem.as_str()) {
            distinct.push(stem);
        }
    }
    let share = 1.0 / distinct.len() as f32;
    distinct.into_iter().map(|stem| (stem, share)).collect()
}

/// The terms of the OR, each once with the sum of its weights:
/// the same score as one clause per mention, fewer postings to walk.
#[derive(Default)]
struct AnyTerm {
    terms: Vec<(QueryTerm, f32)>,
}

impl AnyTerm {
    fn add(&mut self, term: &QueryTerm, weight: f32) {
        if term.estimated_matches == 0 {
            return;
        }
        match self.terms.iter_mut().find(|(t, _)| t.term == term.term) {
            Some((_, total)) => *total += weight,
            None => self.terms.push((term.clone(), weight)),
        }
    }

    /// The OR's clauses, its weighted terms, and how many services they may
    /// match; `None` without terms.
    fn clauses(self) -> Option<Clauses> {
        if self.terms.is_empty() {
            return None;
        }
        let estimated_matches = self.terms.iter().map(|(t, _)| t.estimated_matches).sum();
        let clauses = self
            .terms
            .iter()
            .map(|(term, weight)| {
                let query = term.query(IndexRecordOption::WithFreqs);
                Box::new(BoostQuery::new(query, *weight)) as Box<dyn Query>
            })
            .collect();
        let weighted = self
            .terms
            .into_iter()
            .map(|(term, weight)| (term.term, weight))
            .collect();
        Some((clauses, weighted, estimated_matches))
    }
}

/// An OR's clauses, the same terms with their weights, and how many
/// services they may match.
type Clauses = (Vec<Box<dyn Query>>, Vec<(Term, f32)>, u64);

/// Looks terms up in the text field.
struct Lookup<'a> {
    searcher: &'a Searcher,
    field: Field,
}

impl Lookup<'_> {
    /// `word` as a term.
    fn term(&self, word: &str) -> QueryTerm {
        let term = Term::from_field_text(self.field, word);
        let estimated_matches = self.searcher.doc_freq(&term).unwrap_or(0);
        QueryTerm {
            term,
            estimated_matches,
        }
    }

    /// A typed word as its stems (sharing weight 1), or, when no service
    /// has any and a stem is long enough to be a typo, as the terms within
    /// one edit of its stems (none when nothing is that close), weighted so
    /// that each scores with the rarity of the most common one: BM25 would
    /// otherwise rank a rare near-miss above the word most people mean
    /// (Elasticsearch blends a fuzzy query's terms' frequencies for the same
    /// reason).
    fn typed(&self, stems: &[String; 2]) -> Vec<(QueryTerm, f32)> {
        let shares = shares(stems);
        let terms: Vec<(QueryTerm, f32)> = shares
            .iter()
            .map(|&(stem, share)| (self.term(stem), share))
            .collect();
        let found = terms.iter().any(|(term, _)| term.estimated_matches > 0);
        let typo_stems: Vec<&str> = shares
            .iter()
            .map(|&(stem, _)| stem)
            .filter(|stem| stem.chars().count() >= MIN_TYPO_LEN)
            .collect();
        if found || typo_stems.is_empty() {
            return terms;
        }
        let near = typo::near(self.searcher, self.field, &typo_stems);
        let services = self.searcher.num_docs();
        let most_common = near.iter().map(|(_, matches)| *matches).max().unwrap_or(0);
        // The word's stems are often both within one edit of the intended
        // word's: they share the word's weight, as its stems would.
        let share = 1.0 / shares.len() as f32;
        near.into_iter()
            .map(|(text, estimated_matches)| {
                let weight = share * idf(most_common, services) / idf(estimated_matches, services);
                let term = QueryTerm {
                    term: Term::from_field_text(self.field, &text),
                    estimated_matches,
                };
                (term, weight)
            })
            .collect()
    }
}

/// BM25's inverse document frequency, as tantivy computes it.
fn idf(matches: u64, services: u64) -> f32 {
    let (n, all) = (matches as f32, services as f32);
    (1.0 + (all - n + 0.5) / (n + 0.5)).ln()
}

/// The query matching services under any of `categories` (codes or names,
/// any case), including narrower terms.
pub(crate) fn categories(fields: &Fields, categories: &[String]) -> Box<dyn Query> {
    let clauses = categories
        .iter()
        .map(|category| {
            let term = Term::from_field_text(fields.category, &category_key(category));
            let query: Box<dyn Query> = Box::new(IndexedTerm::new(term, IndexRecordOption::Basic));
            (Occur::Should, query)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// How a category code or name is indexed and looked up: trimmed, lowercase.
pub(crate) fn category_key(category: &str) -> String {
    category.trim().to_lowercase()
}
