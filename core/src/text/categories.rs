//! The specialists' coding, put to use: which words predict which
//! categories, learned at build time from the directory's own coded
//! services, so that a query's likely categories lift the services coded
//! with them even where their text never says the caller's word.
//!
//! Every category of a service and every broader term ("BH-1800.8500",
//! "BH-1800", "BH") is a key; each service is indexed with one
//! [`category_term`] per key it has (a narrower term carries its broader
//! ones, so a query that predicts "BH-1800" lifts every shelter under it).
//! A word predicts a key when the services with the word are coded with it
//! far more often than services at large: a smoothed P(key | word) with a
//! floor on the co-occurrences and on the lift over P(key). A query word's
//! predictions look those terms up, weighted by how strongly the word
//! predicts them ([`rank::category_weight`](crate::rank::category_weight)).
//! The table is stored in the index (section `categories`).

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::model::Service;
use crate::text::query::category_key;

/// A word predicts a key only when this many services have both.
const MIN_TOGETHER: u32 = 3;
/// … and the services with the word are this much more often coded with
/// the key than services at large.
const MIN_LIFT: f32 = 3.0;
/// … and at least this share of them are.
const MIN_SHARE: f32 = 0.25;
/// Added to a word's count: a word seen in few services predicts less.
const SMOOTHING: f32 = 2.0;
/// At most this many keys per word, the strongest.
const MAX_PER_WORD: usize = 4;

/// The words that predict categories, each with its keys and strengths.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Associations {
    /// By word (its English stem), sorted: (key number, P(key | word)).
    words: Vec<(String, Vec<(u32, f32)>)>,
    /// The name of each key some word predicts, by key number, sorted: what
    /// an explanation calls it ("Emergency Shelter").
    names: Vec<(u32, String)>,
}

impl Associations {
    /// The keys `stem` predicts, with their strengths.
    pub(crate) fn of(&self, stem: &str) -> &[(u32, f32)] {
        self.words
            .binary_search_by(|(w, _)| w.as_str().cmp(stem))
            .map_or(&[], |at| &self.words[at].1)
    }

    /// The name of key number `key`, if some word predicts it.
    pub(crate) fn name(&self, key: u32) -> Option<&str> {
        self.names
            .binary_search_by_key(&key, |(k, _)| *k)
            .ok()
            .map(|at| self.names[at].1.as_str())
    }
}

/// The category keys of a service: its terms' codes (or names, for terms
/// without a code) and their broader terms', lowercased, each once, with
/// the term's name.
pub(crate) fn keys(service: &Service) -> Vec<(String, &str)> {
    let mut keys: Vec<(String, &str)> = Vec::new();
    for category in &service.categories {
        let own = (category.code.as_deref(), category.name.as_str());
        let broader = category
            .ancestors
            .iter()
            .map(|a| (a.code.as_deref(), a.name.as_str()));
        for (code, name) in std::iter::once(own).chain(broader) {
            let key = category_key(code.unwrap_or(name));
            if !key.is_empty() && !keys.iter().any(|(k, _)| *k == key) {
                keys.push((key, name));
            }
        }
    }
    keys
}

/// The text-field term of category key number `key`: no analysed word has a `#`.
pub(crate) fn category_term(key: u32) -> String {
    format!("#{key}")
}

/// Learns the associations from services, given each service's distinct
/// words (numbers into `word_names`, English stems) and its keys' numbers
/// (into `key_names`).
pub(crate) fn learn(
    words: &[Vec<u32>],
    word_names: &[String],
    keys: &[Vec<u32>],
    key_names: &[String],
) -> Associations {
    let coded: Vec<usize> = (0..keys.len()).filter(|&s| !keys[s].is_empty()).collect();
    if coded.is_empty() {
        return Associations::default();
    }
    let total = coded.len() as f32;
    let key_total = keys.iter().flatten().max().map_or(0, |&k| k as usize + 1);
    let mut key_count = vec![0u32; key_total];
    let mut word_count = vec![0u32; word_names.len()];
    let mut together: HashMap<u64, u32> = HashMap::new();
    for &s in &coded {
        for &key in &keys[s] {
            key_count[key as usize] += 1;
        }
        for &word in &words[s] {
            word_count[word as usize] += 1;
            for &key in &keys[s] {
                *together
                    .entry(u64::from(word) << 32 | u64::from(key))
                    .or_default() += 1;
            }
        }
    }
    let mut by_word: BTreeMap<&str, Vec<(u32, f32)>> = BTreeMap::new();
    for (pair, n) in together {
        let (word, key) = ((pair >> 32) as usize, pair as u32);
        if n < MIN_TOGETHER {
            continue;
        }
        let share = n as f32 / (word_count[word] as f32 + SMOOTHING);
        let base = key_count[key as usize] as f32 / total;
        if share >= MIN_SHARE && share >= MIN_LIFT * base {
            by_word
                .entry(&word_names[word])
                .or_default()
                .push((key, share));
        }
    }
    let words: Vec<(String, Vec<(u32, f32)>)> = by_word
        .into_iter()
        .map(|(word, mut keys)| {
            keys.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            keys.truncate(MAX_PER_WORD);
            (word.to_owned(), keys)
        })
        .collect();
    let mut names: Vec<(u32, String)> = words
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|&(key, _)| key))
        .filter_map(|key| Some((key, key_names.get(key as usize)?.clone())))
        .collect();
    names.sort();
    names.dedup_by_key(|(key, _)| *key);
    Associations { words, names }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: [&str; 4] = ["teeth", "care", "food", "other"];

    fn set(words: &[&str]) -> Vec<u32> {
        words
            .iter()
            .map(|w| NAMES.iter().position(|n| n == w).unwrap() as u32)
            .collect()
    }

    #[test]
    fn a_word_predicts_the_category_its_services_share() {
        // Five dental services say "teeth"; two others say "care".
        let mut words = vec![set(&["teeth", "care"]); 5];
        let mut keys = vec![vec![0u32]; 5];
        words.extend([set(&["care"]), set(&["care", "food"]), set(&["food"])]);
        keys.extend([vec![1], vec![2], vec![2]]);
        words.extend(vec![set(&["food"]); 4]);
        keys.extend(vec![vec![2]; 4]);
        // Most services are something else.
        words.extend(vec![set(&["other"]); 20]);
        keys.extend(vec![vec![3]; 20]);
        let names: Vec<String> = NAMES.iter().map(|n| n.to_string()).collect();
        let key_names: Vec<String> = ["Dental", "Care", "Food"].map(String::from).to_vec();
        let learned = learn(&words, &names, &keys, &key_names);
        assert_eq!(learned.name(0), Some("Dental"));
        assert_eq!(learned.of("teeth").len(), 1);
        assert_eq!(learned.of("teeth")[0].0, 0);
        assert_eq!(learned.of("food")[0].0, 2);
        assert!(learned.of("nothing").is_empty());
        // "other" is everywhere in its category, which is most of them: no lift.
        assert!(learned.of("other").is_empty());
    }
}
