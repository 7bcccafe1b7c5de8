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
    /// Each thread's analyzer, built once: building one (stop-word set,
    /// stemmers) costs more than analysing a query.
    static QUERY_ANALYZER: RefCell<TextAnalyzer> = RefCell::new(analyzer());
}

/// The words of `text` in order, each as its English and French stems
/// (stop words left out): the text analysed as the index is, its tokens
/// grouped by position (a word's English stem comes first, its French one
/// follows at the same position only where they differ).
pub(crate) fn word_stems(text: &str) -> Vec<[String; 2]> {
    QUERY_ANALYZER.with(|analyzer| {
        let mut analyzer = analyzer.borrow_mut();
        let mut stream = analyzer.token_stream(text);
        let mut words: Vec<(usize, [String; 2])> = Vec::new();
        while let Some(token) = stream.next() {
            match words.last_mut() {
                Some((position, stems)) if *position == token.position => {
                    stems[1].clone_from(&token.text);
                }
                _ => words.push((token.position, [token.text.clone(), token.text.clone()])),
            }
        }
        words.into_iter().map(|(_, stems)| stems).collect()
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
