//! A word's English and French stems, and the tantivy token filter that
//! indexes both.
//!
//! tantivy's own `Stemmer` (its `stemmer` feature) compiles in all 18
//! Snowball algorithms of `frostem`; servicematch analyses text in two
//! languages, so it depends on `frostem` with just those two and stems here.
//! Same algorithms, same crate: the terms are the ones tantivy's filter makes.
//!
//! Each word is indexed as its English stem and, where it differs, its
//! French stem at the same position, so one field and one posting list per
//! term serve queries in either language.

use std::collections::{HashMap, HashSet};

use frostem::Algorithm;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Stems lowercased, accent-folded words in English and French, leaving out
/// stop words.
#[derive(Clone)]
pub(crate) struct BilingualStemmer {
    english: frostem::Stemmer,
    french: frostem::Stemmer,
    /// Both languages' stop words: a word that says nothing in one language
    /// ("the", "les") would otherwise be indexed, in every service, by its
    /// stem in the other.
    stop_words: HashSet<&'static str>,
}

impl BilingualStemmer {
    pub(crate) fn new() -> BilingualStemmer {
        BilingualStemmer {
            english: frostem::Stemmer::new(Algorithm::English),
            french: frostem::Stemmer::new(Algorithm::French),
            stop_words: ENGLISH_STOP_WORDS
                .iter()
                .chain(FRENCH_STOP_WORDS)
                .copied()
                .collect(),
        }
    }

    /// The stems of `word` in English and in French: `None` for a stop
    /// word or a single letter (French elisions such as the "l" of "l'aide"
    /// are no English words either).
    pub(crate) fn stems(&self, word: &str) -> Option<[String; 2]> {
        if word.chars().nth(1).is_none() || self.stop_words.contains(word) {
            return None;
        }
        Some([&self.english, &self.french].map(|stemmer| stemmer.stem(word).into_owned()))
    }
}

/// Stop words, accent-folded like the text they filter ("été" → "ete");
/// single letters go without being listed.
const ENGLISH_STOP_WORDS: &[&str] = &[
    "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into", "is", "it", "no",
    "not", "of", "on", "or", "such", "that", "the", "their", "then", "there", "these", "they",
    "this", "to", "was", "will", "with",
];
const FRENCH_STOP_WORDS: &[&str] = &[
    "au", "aux", "avec", "ce", "ces", "dans", "de", "des", "du", "elle", "en", "et", "eux", "il",
    "je", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "meme", "mes", "moi", "mon", "ne",
    "nos", "notre", "nous", "on", "ou", "par", "pas", "pour", "qu", "que", "qui", "sa", "se",
    "ses", "son", "sur", "ta", "te", "tes", "toi", "ton", "tu", "un", "une", "vos", "votre",
    "vous",
];

impl TokenFilter for BilingualStemmer {
    type Tokenizer<T: Tokenizer> = BilingualFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> BilingualFilter<T> {
        BilingualFilter {
            stemmer: self,
            known: HashMap::new(),
            inner: tokenizer,
        }
    }
}

/// The most words a filter remembers the stems of.
const MAX_KNOWN_WORDS: usize = 100_000;

#[derive(Clone)]
pub(crate) struct BilingualFilter<T> {
    stemmer: BilingualStemmer,
    /// Words already stemmed, up to [`MAX_KNOWN_WORDS`]: a directory's
    /// texts repeat their words, and stemming each word twice (English,
    /// French) was a fifth of an index build.
    known: HashMap<String, Option<[String; 2]>>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for BilingualFilter<T> {
    type TokenStream<'a> = BilingualTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        BilingualTokenStream {
            tail: self.inner.token_stream(text),
            stemmer: &self.stemmer,
            known: &mut self.known,
            token: Token::default(),
            pending: Vec::new(),
        }
    }
}

pub(crate) struct BilingualTokenStream<'a, T> {
    tail: T,
    stemmer: &'a BilingualStemmer,
    known: &'a mut HashMap<String, Option<[String; 2]>>,
    token: Token,
    /// The current word's stems still to hand out, last first.
    pending: Vec<String>,
}

impl<T> BilingualTokenStream<'_, T> {
    /// The stems of `word` ([`BilingualStemmer::stems`]), remembered.
    fn stems(&mut self, word: &str) -> Option<[String; 2]> {
        if let Some(stems) = self.known.get(word) {
            return stems.clone();
        }
        let stems = self.stemmer.stems(word);
        if self.known.len() < MAX_KNOWN_WORDS {
            self.known.insert(word.to_owned(), stems.clone());
        }
        stems
    }
}

impl<T: TokenStream> TokenStream for BilingualTokenStream<'_, T> {
    fn advance(&mut self) -> bool {
        while self.pending.is_empty() {
            if !self.tail.advance() {
                return false;
            }
            let text = std::mem::take(&mut self.tail.token_mut().text);
            let stems = self.stems(&text);
            self.tail.token_mut().text = text;
            if let Some([english, french]) = stems {
                if french != english {
                    self.pending.push(french);
                }
                self.pending.push(english);
                self.token.clone_from(self.tail.token());
            }
        }
        if let Some(stem) = self.pending.pop() {
            self.token.text = stem;
        }
        true
    }

    fn token(&self) -> &Token {
        &self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.token
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{SimpleTokenizer, TextAnalyzer};

    use super::*;

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(BilingualStemmer::new())
            .build()
    }

    fn tokens_with(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, usize)> {
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push((stream.token().text.clone(), stream.token().position));
        }
        out
    }

    fn tokens(text: &str) -> Vec<(String, usize)> {
        tokens_with(&mut analyzer(), text)
    }

    #[test]
    fn stop_words_of_either_language_go() {
        let stemmer = BilingualStemmer::new();
        let stems = |word| stemmer.stems(word);
        assert_eq!(
            stems("alimentaires"),
            Some(["alimentair".to_owned(), "alimentair".to_owned()])
        );
        assert_eq!(stems("food"), Some(["food".to_owned(), "food".to_owned()]));
        assert_eq!(stems("the"), None);
        assert_eq!(stems("pour"), None);
        assert_eq!(stems("l"), None);
    }

    #[test]
    fn both_stems_of_a_word_stand_at_its_position() {
        assert_eq!(
            tokens("housing on food"),
            [
                ("hous".to_owned(), 0),
                ("housing".to_owned(), 0),
                ("food".to_owned(), 2)
            ]
        );
    }

    #[test]
    fn words_seen_before_stem_as_the_first_time() {
        // The second text's words come from the filter's memory.
        let mut analyzer = analyzer();
        let text = "the housing of housing, pour le logement";
        let first = tokens_with(&mut analyzer, text);
        assert_eq!(first, tokens_with(&mut analyzer, text));
        assert_eq!(first, tokens(text));
        assert_eq!(first[0], ("hous".to_owned(), 1));
    }
}
