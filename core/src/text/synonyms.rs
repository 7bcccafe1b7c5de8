//! Layperson synonyms: the words people say for a kind of service, in English
//! and French. "aide alimentaire", "food bank" and "food pantry" are one need;
//! a service described with any of them has all the words of any other.

use std::sync::LazyLock;

use crate::lang::fold;

/// Groups of phrases that name the same need.
const GROUPS: &[&[&str]] = &[
    &[
        "food bank",
        "food pantry",
        "food hamper",
        "food help",
        "emergency food",
        "banque alimentaire",
        "aide alimentaire",
        "depannage alimentaire",
        "comptoir alimentaire",
    ],
    &[
        "detox",
        "withdrawal management",
        "gestion du sevrage",
        "desintoxication",
        "sevrage",
    ],
    &[
        "shelter",
        "emergency housing",
        "refuge",
        "hebergement d'urgence",
        "maison d'hebergement",
    ],
    &[
        "mental health",
        "sante mentale",
        "counselling",
        "counseling",
    ],
    &[
        "home care",
        "home support",
        "soins a domicile",
        "soutien a domicile",
    ],
    &[
        "newcomer",
        "newcomers",
        "settlement",
        "immigrant",
        "nouveaux arrivants",
        "nouvel arrivant",
        "etablissement",
    ],
    &[
        "legal aid",
        "legal clinic",
        "aide juridique",
        "clinique juridique",
    ],
    &["employment", "job search", "emploi", "recherche d'emploi"],
    &[
        "senior",
        "seniors",
        "older adults",
        "aines",
        "personnes agees",
    ],
    &["youth", "young people", "jeunes", "jeunesse"],
    &[
        "crisis line",
        "distress line",
        "ligne de crise",
        "ligne d'ecoute",
    ],
    &[
        "walk-in clinic",
        "health clinic",
        "clinique sans rendez-vous",
        "clinique de sante",
    ],
    &[
        "long-term care",
        "nursing home",
        "soins de longue duree",
        "foyer de soins",
    ],
    &["addiction", "substance use", "toxicomanie", "dependance"],
];

/// A synonym group found in a query, and the phrase the person typed.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Concept {
    /// Every phrase of the group.
    pub(crate) phrases: &'static [&'static str],
    /// The phrase as found in the query.
    pub(crate) typed: &'static str,
}

/// A phrase and its words.
type Phrase = (&'static str, Vec<String>);

/// Each group's phrases with their words, longest phrase first (so "food
/// bank" wins over "food"): split once, not on every query.
static PHRASES: LazyLock<Vec<Vec<Phrase>>> = LazyLock::new(|| {
    GROUPS
        .iter()
        .map(|group| {
            let mut phrases: Vec<Phrase> = group
                .iter()
                .map(|&phrase| (phrase, words(phrase)))
                .collect();
            phrases.sort_by_key(|(phrase, _)| std::cmp::Reverse(phrase.len()));
            phrases
        })
        .collect()
});

/// Splits `text` into the synonym groups it names and the words left over.
pub(crate) fn split(text: &str) -> (String, Vec<Concept>) {
    let mut words = words(text);
    let mut concepts = Vec::new();
    for (group, phrases) in GROUPS.iter().zip(PHRASES.iter()) {
        for (phrase, wanted) in phrases {
            if let Some(at) = words
                .windows(wanted.len())
                .position(|w| w == wanted.as_slice())
            {
                words.drain(at..at + wanted.len());
                concepts.push(Concept {
                    phrases: group,
                    typed: phrase,
                });
                break;
            }
        }
    }
    (words.join(" "), concepts)
}

fn words(text: &str) -> Vec<String> {
    fold(text)
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_are_found_in_any_case_and_accents() {
        let (rest, concepts) = split("Aide Alimentaire près de chez moi");
        assert_eq!(rest, "pres de chez moi");
        assert_eq!(concepts.len(), 1);
        assert_eq!(concepts[0].typed, "aide alimentaire");
        assert!(concepts[0].phrases.contains(&"food bank"));
    }

    #[test]
    fn other_words_are_left_alone() {
        let (rest, concepts) = split("dental care");
        assert_eq!(rest, "dental care");
        assert!(concepts.is_empty());
    }
}
