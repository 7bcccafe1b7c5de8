//! The text analyzer: words lowercased and accent-folded, then stemmed in
//! English and French ([`stem`](super::stem)). Accent folding makes "santé",
//! "sante" and "Santé" one term.

use std::cell::RefCell;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer,
    TokenizerManager,
};

use super::stem::BilingualStemmer;

/// The analyzer's name in tantivy's tokenizer manager.
pub(crate) const ANALYZER: &str = "sm_text";

/// Words, lowercased and folded, before stemming.
fn words() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(BilingualStemmer::new())
        .build()
}

/// Registers the analyzer.
pub(crate) fn register(manager: &TokenizerManager) {
    manager.register(ANALYZER, analyzer());
}

thread_local! {
    /// Each thread's word analyzer and stemmer, built once: building them
    /// (stop-word sets, stemmers) costs more than analysing a query.
    static WORDS: RefCell<(TextAnalyzer, BilingualStemmer)> =
        RefCell::new((words(), BilingualStemmer::new()));
}

/// The words of `text` in order, each as its English and French stems
/// (stop words left out).
pub(crate) fn word_stems(text: &str) -> Vec<[String; 2]> {
    WORDS.with(|words| {
        let (analyzer, stemmer) = &mut *words.borrow_mut();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.extend(stemmer.stems(&token.text));
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_fold_and_stem_alike() {
        assert_eq!(word_stems("santé"), word_stems("sante"));
        assert_eq!(word_stems("Santé mentale"), word_stems("sante mentale"));
        assert_eq!(
            word_stems("l'aide alimentaire"),
            word_stems("aide alimentaires")
        );
    }

    #[test]
    fn plurals_stem_alike_and_stop_words_go() {
        assert_eq!(word_stems("food banks"), word_stems("Food bank"));
        assert!(word_stems("the and of les").is_empty());
    }
}
