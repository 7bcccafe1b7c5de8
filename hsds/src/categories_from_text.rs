//! Categories for directories without a taxonomy: each service gets the
//! Open Eligibility terms (the tree in `data/open_eligibility_flat.csv`,
//! shipped with its attribution) that its own words name, so that category
//! filters, facets and the categories the query's words predict work for
//! it too.
//!
//! A term is named when every word of its name (stemmed, English, without
//! "for", "and" and the like) is among the service's words: "Food Pantry"
//! for a service whose description says "our food pantry" or "pantries
//! with fresh food". A one-word term ("Food", "Counseling") must be in the
//! service's name or keywords, where a word says what the service is, not
//! in the description, where it may say anything. Each service keeps at
//! most [`MAX_TERMS`] terms, the most specific first, never a term beside
//! one of its own broader terms. The categories are marked as read from
//! text in their vocabulary ([`VOCABULARY`]).

use std::collections::HashSet;
use std::sync::OnceLock;

use frostem::{Algorithm, Stemmer};
use servicematch::Service;

use crate::taxonomy::{open_eligibility, Term};

/// The vocabulary of the categories given this way.
pub const VOCABULARY: &str = "Open Eligibility (read from the service's text)";

/// At most this many terms per service.
pub const MAX_TERMS: usize = 2;

/// Words of term names that say nothing on their own.
const STOP: [&str; 12] = [
    "for", "and", "of", "the", "a", "to", "on", "out", "as", "&", "help", "find",
];

/// Gives Open Eligibility categories, from their words, to the services
/// that have none; returns how many got at least one.
pub fn categories_from_text(services: &mut [Service]) -> usize {
    let tree = open_eligibility();
    let terms: Vec<(&Term, Vec<String>, usize)> = tree
        .terms()
        .filter_map(|term| {
            let words = content_words(&term.name);
            let depth = term.code.as_deref().map_or(0, |c| c.split('-').count());
            (!words.is_empty()).then_some((term, words, depth))
        })
        .collect();
    let mut coded = 0;
    for service in services.iter_mut().filter(|s| s.categories.is_empty()) {
        let strong: HashSet<String> = std::iter::once(service.name.as_str())
            .chain(service.keywords.iter().map(String::as_str))
            .flat_map(stems)
            .collect();
        let mut all = strong.clone();
        if let Some(description) = &service.description {
            all.extend(stems(description));
        }
        let mut named: Vec<&(&Term, Vec<String>, usize)> = terms
            .iter()
            .filter(|(_, words, _)| {
                let pool = if words.len() == 1 { &strong } else { &all };
                words.iter().all(|w| pool.contains(w))
            })
            .collect();
        // Most specific first: deeper in the tree, then more words, then by code.
        named.sort_by(|a, b| {
            b.2.cmp(&a.2)
                .then(b.1.len().cmp(&a.1.len()))
                .then(a.0.code.cmp(&b.0.code))
        });
        let mut chosen: Vec<servicematch::Category> = Vec::new();
        for (term, _, _) in named {
            if chosen.len() == MAX_TERMS {
                break;
            }
            let category = tree.category(term);
            // The tree has some names twice ("Emergency Shelter" under
            // Emergency and under Housing): the first is enough.
            let related = chosen.iter().any(|c| {
                c.code == category.code
                    || c.name == category.name
                    || c.ancestors.iter().any(|a| a.code == category.code)
                    || category.ancestors.iter().any(|a| a.code == c.code)
            });
            if !related {
                chosen.push(servicematch::Category {
                    vocabulary: Some(VOCABULARY.to_owned()),
                    ..category
                });
            }
        }
        if !chosen.is_empty() {
            coded += 1;
            service.categories = chosen;
        }
    }
    coded
}

/// The stemmed words of a term's name, without stop words.
fn content_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| stem(&w))
        .collect();
    words.dedup();
    words
}

/// The stemmed, lowercased words of a text.
fn stems(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| stem(&w.to_lowercase()))
}

fn stem(word: &str) -> String {
    static ENGLISH: OnceLock<Stemmer> = OnceLock::new();
    ENGLISH
        .get_or_init(|| Stemmer::new(Algorithm::English))
        .stem(word)
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn service(name: &str, description: &str) -> Service {
        Service {
            id: name.into(),
            name: name.into(),
            description: Some(description.into()),
            ..Service::default()
        }
    }

    fn names(service: &Service) -> Vec<&str> {
        service.categories.iter().map(|c| c.name.as_str()).collect()
    }

    #[test]
    fn a_service_gets_the_terms_its_words_name_most_specific_first() {
        let mut services = vec![
            service(
                "Westside Pantry",
                "Our food pantries give groceries to families.",
            ),
            service(
                "Night Shelter",
                "Emergency shelter beds for adults, open all night.",
            ),
            service("Tax Clinic", "Volunteers do your tax preparation for free."),
            service("Drop-in", "A place to sit; we talk about food and work."),
        ];
        assert_eq!(categories_from_text(&mut services), 3);
        assert_eq!(names(&services[0]), ["Food Pantry"]);
        assert_eq!(services[0].categories[0].ancestors[0].name, "Food");
        assert_eq!(names(&services[1]), ["Emergency Shelter"]);
        assert_eq!(names(&services[2]), ["Tax Preparation"]);
        // One word in the description alone names nothing.
        assert!(services[3].categories.is_empty());
        assert_eq!(
            services[0].categories[0].vocabulary.as_deref(),
            Some(VOCABULARY)
        );
    }

    #[test]
    fn services_with_categories_keep_theirs() {
        let mut coded = service("Food Pantry", "Food pantry.");
        coded.categories = vec![servicematch::Category {
            name: "Publisher's own".into(),
            ..Default::default()
        }];
        let mut services = vec![coded];
        assert_eq!(categories_from_text(&mut services), 0);
        assert_eq!(names(&services[0]), ["Publisher's own"]);
    }
}
