//! Snowball stemming as a tantivy token filter, for English and French only.
//!
//! tantivy's own `Stemmer` (its `stemmer` feature) compiles in all 18
//! Snowball algorithms of `frostem`; servicematch analyses text in two
//! languages, so it depends on `frostem` with just those two and stems here.
//! Same algorithms, same crate: the terms are the ones tantivy's filter makes.

use std::borrow::Cow;
use std::mem;

use frostem::Algorithm;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Stems each token with one Snowball algorithm. Tokens are expected to be
/// lowercased beforehand.
#[derive(Clone, Copy)]
pub(crate) struct Stemmer(Algorithm);

impl Stemmer {
    pub(crate) fn english() -> Stemmer {
        Stemmer(Algorithm::English)
    }

    pub(crate) fn french() -> Stemmer {
        Stemmer(Algorithm::French)
    }
}

impl TokenFilter for Stemmer {
    type Tokenizer<T: Tokenizer> = StemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StemmerFilter<T> {
        StemmerFilter {
            algorithm: self.0,
            inner: tokenizer,
        }
    }
}

#[derive(Clone)]
pub(crate) struct StemmerFilter<T> {
    algorithm: Algorithm,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StemmerFilter<T> {
    type TokenStream<'a> = StemmerTokenStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StemmerTokenStream {
            tail: self.inner.token_stream(text),
            stemmer: frostem::Stemmer::new(self.algorithm),
            buffer: String::new(),
        }
    }
}

pub(crate) struct StemmerTokenStream<T> {
    tail: T,
    stemmer: frostem::Stemmer,
    buffer: String,
}

impl<T: TokenStream> TokenStream for StemmerTokenStream<T> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        match self.stemmer.stem(&token.text) {
            Cow::Owned(stemmed) => token.text = stemmed,
            Cow::Borrowed(stemmed) => {
                // Unchanged or a prefix: reuse the buffer, no allocation.
                self.buffer.clear();
                self.buffer.push_str(stemmed);
                mem::swap(&mut token.text, &mut self.buffer);
            }
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use tantivy::tokenizer::{RawTokenizer, TextAnalyzer};

    use super::*;

    fn stem(stemmer: Stemmer, word: &str) -> String {
        let mut analyzer = TextAnalyzer::builder(RawTokenizer::default())
            .filter(stemmer)
            .build();
        let mut stream = analyzer.token_stream(word);
        assert!(stream.advance());
        stream.token().text.clone()
    }

    #[test]
    fn english_and_french() {
        assert_eq!(stem(Stemmer::english(), "connections"), "connect");
        assert_eq!(stem(Stemmer::english(), "food"), "food");
        assert_eq!(stem(Stemmer::french(), "alimentaires"), "alimentair");
    }
}
