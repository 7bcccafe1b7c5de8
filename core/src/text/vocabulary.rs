//! The layperson vocabulary: lines of phrases that name one need, in the
//! callers' words and the directories' ("somewhere to sleep", "emergency
//! shelter", "hébergement d'urgence"). The built-in one is the data file
//! `core/data/vocabulary.tsv` (its head documents the format); publishers
//! add lines at build time ([`IndexBuilder::add_vocabulary`](crate::IndexBuilder::add_vocabulary)),
//! and the index stores the whole vocabulary it was built with.
//!
//! A phrase matches as a phrase: its words in order, stop words aside,
//! each word by its English or French stem. At build time each service
//! gets one [`need_term`] per phrase of a need that its text says (in the
//! text field, weighted by the part it stands in, like a word); at query
//! time a phrase of the need in the text also looks that term up, at a
//! weight below the caller's own words ([`query`](super::query)). Phrases
//! are never split into words that could each match something else: that
//! is how "emergency housing" found food pantries with an "Emergency Food"
//! category.

use std::collections::HashMap;

use crate::error::{Error, ErrorKind, Result};

use super::analyzer::word_stems;

/// The built-in vocabulary, as shipped.
pub const BUILT_IN: &str = include_str!("../../data/vocabulary.tsv");

/// Needs, each named by phrases.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Vocabulary {
    /// Each need's phrases as written (its name first).
    needs: Vec<Vec<String>>,
}

impl Vocabulary {
    /// The built-in vocabulary.
    pub fn built_in() -> Vocabulary {
        Vocabulary::parse(BUILT_IN).expect("the built-in vocabulary parses")
    }

    /// A vocabulary from its text (the format of `core/data/vocabulary.tsv`).
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] naming the line of a need with fewer than
    /// two phrases.
    ///
    /// # Example
    /// ```
    /// use servicematch::Vocabulary;
    ///
    /// let v = Vocabulary::parse("# mine\nfood bank | food pantry | foodbank\n").unwrap();
    /// assert_eq!(v.len(), 1);
    /// assert!(Vocabulary::parse("food bank\n").is_err());
    /// ```
    pub fn parse(text: &str) -> Result<Vocabulary> {
        let mut needs = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let phrases: Vec<String> = line
                .split('|')
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect();
            if phrases.len() < 2 {
                return Err(Error::new(
                    ErrorKind::InvalidInput,
                    format!(
                        "vocabulary line {}: a need takes at least two phrases separated by \"|\"",
                        number + 1
                    ),
                ));
            }
            needs.push(phrases);
        }
        Ok(Vocabulary { needs })
    }

    /// Adds another vocabulary's needs after these.
    pub fn extend(&mut self, other: Vocabulary) {
        self.needs.extend(other.needs);
    }

    /// How many needs.
    pub fn len(&self) -> usize {
        self.needs.len()
    }

    /// Whether it has no need.
    pub fn is_empty(&self) -> bool {
        self.needs.is_empty()
    }

    /// The phrases ready to be found in analysed text: each phrase's words
    /// stemmed, which the index stores so that a search need not stem them
    /// again (760 phrases cost ~13 M instructions, ~4 ms, to stem).
    pub(crate) fn matcher(&self) -> Matcher {
        let mut phrases = Vec::new();
        for (need, written) in self.needs.iter().enumerate() {
            for phrase in written {
                let words = word_stems(phrase);
                if words.is_empty() {
                    continue;
                }
                phrases.push(Phrase {
                    need,
                    written: phrase.clone(),
                    words,
                });
            }
        }
        let names = self.needs.iter().map(|n| n[0].clone()).collect();
        Matcher::new(Analysed { names, phrases })
    }
}

/// A vocabulary analysed: what the vocabulary section stores.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub(crate) struct Analysed {
    /// Each need's name (its first phrase).
    names: Vec<String>,
    /// Every phrase of every need, its words stemmed.
    phrases: Vec<Phrase>,
}

impl Analysed {
    /// Checks what a damaged section could hold: needs that do not exist,
    /// phrases without words.
    pub(crate) fn check(&self) -> std::result::Result<(), String> {
        match self
            .phrases
            .iter()
            .find(|p| p.need >= self.names.len() || p.words.is_empty())
        {
            Some(phrase) => Err(format!(
                "phrase \"{}\" has no words or names need {} of {}",
                phrase.written,
                phrase.need,
                self.names.len()
            )),
            None => Ok(()),
        }
    }
}

/// One phrase of a need, analysed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
struct Phrase {
    need: usize,
    written: String,
    words: Vec<[String; 2]>,
}

/// A phrase found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// The needs it names (more than one when a publisher's need shares
    /// the phrase with another).
    pub(crate) needs: Vec<usize>,
    /// The phrase as the vocabulary writes it.
    pub(crate) phrase: String,
    /// The words of the text it covers (positions in the analysed words).
    pub(crate) words: std::ops::Range<usize>,
}

/// The vocabulary's phrases, by their first word's stems.
#[derive(Debug, Clone, Default)]
pub(crate) struct Matcher {
    phrases: Vec<Phrase>,
    by_first: HashMap<String, Vec<usize>>,
    names: Vec<String>,
}

impl Matcher {
    /// The matcher of an analysed vocabulary: its phrases by their first
    /// word's stems, the longest first, so that "food bank" wins over "food".
    pub(crate) fn new(analysed: Analysed) -> Matcher {
        let Analysed { names, phrases } = analysed;
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, phrase) in phrases.iter().enumerate() {
            for stem in phrase.words.first().into_iter().flatten() {
                let entry = by_first.entry(stem.clone()).or_default();
                if !entry.contains(&index) {
                    entry.push(index);
                }
            }
        }
        for candidates in by_first.values_mut() {
            candidates.sort_by_key(|&i| (std::cmp::Reverse(phrases[i].words.len()), i));
        }
        Matcher {
            phrases,
            by_first,
            names,
        }
    }

    /// What the vocabulary section stores.
    pub(crate) fn analysed(&self) -> Analysed {
        Analysed {
            names: self.names.clone(),
            phrases: self.phrases.clone(),
        }
    }

    /// A need's name (its first phrase).
    pub(crate) fn name(&self, need: usize) -> &str {
        self.names.get(need).map_or("", String::as_str)
    }

    /// The phrases in `words` (a text's analysed words, in order), left to
    /// right, the longest at each place, never overlapping.
    pub(crate) fn find(&self, words: &[[String; 2]]) -> Vec<Found> {
        let mut found = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let matching: Vec<&Phrase> = words[at]
                .iter()
                .filter_map(|stem| self.by_first.get(stem))
                .flatten()
                .map(|&i| &self.phrases[i])
                .filter(|p| matches(&p.words, &words[at..]))
                .collect();
            let Some(longest) = matching.iter().map(|p| p.words.len()).max() else {
                at += 1;
                continue;
            };
            let mut needs: Vec<usize> = Vec::new();
            let mut phrase = None;
            for p in matching.iter().filter(|p| p.words.len() == longest) {
                phrase.get_or_insert(p);
                if !needs.contains(&p.need) {
                    needs.push(p.need);
                }
            }
            let written = phrase.map_or(String::new(), |p| p.written.clone());
            found.push(Found {
                needs,
                phrase: written,
                words: at..at + longest,
            });
            at += longest;
        }
        found
    }
}

/// Whether `words` starts with `phrase`: each word by either of its stems.
fn matches(phrase: &[[String; 2]], words: &[[String; 2]]) -> bool {
    phrase.len() <= words.len()
        && phrase
            .iter()
            .zip(words)
            .all(|(p, w)| p[0] == w[0] || p[1] == w[1])
}

/// The text-field term that stands for a need: no analysed word has a `~`.
pub(crate) fn need_term(need: usize) -> String {
    format!("~{need}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_analysed_vocabulary_naming_a_missing_need_fails_its_check() {
        let mut analysed = Vocabulary::built_in().matcher().analysed();
        assert!(analysed.check().is_ok());
        analysed.phrases[0].need = analysed.names.len();
        assert!(analysed.check().unwrap_err().contains("names need"));
        let mut analysed = Vocabulary::built_in().matcher().analysed();
        analysed.phrases[0].words.clear();
        assert!(analysed.check().is_err());
    }

    fn needs_in(text: &str) -> Vec<String> {
        let matcher = Vocabulary::built_in().matcher();
        matcher
            .find(&word_stems(text))
            .into_iter()
            .flat_map(|f| f.needs)
            .map(|need| matcher.name(need).to_owned())
            .collect()
    }

    #[test]
    fn the_built_in_vocabulary_parses_and_is_bilingual() {
        let v = Vocabulary::built_in();
        assert!(v.len() > 50);
        assert_eq!(
            needs_in("somewhere to sleep tonight"),
            ["emergency shelter"]
        );
        assert_eq!(needs_in("hébergement d'urgence"), ["emergency shelter"]);
        assert_eq!(needs_in("Aide alimentaire"), ["food bank"]);
    }

    #[test]
    fn phrases_match_as_phrases_only() {
        // "emergency food" is food; "housing" alone names no need here.
        assert_eq!(needs_in("Emergency Food housing"), ["food bank"]);
        assert!(needs_in("sleep somewhere").is_empty());
    }

    #[test]
    fn the_longest_phrase_wins() {
        let matcher = Vocabulary::built_in().matcher();
        let found = matcher.find(&word_stems("meals on wheels"));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].phrase, "meals on wheels");
    }
}
