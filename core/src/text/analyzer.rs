//! English and French analyzers: lowercase, accent folding, stop words,
//! Snowball stemming. Accent folding makes "santé", "sante" and "Santé" one term.

use std::cell::RefCell;

use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RemoveLongFilter, SimpleTokenizer, StopWordFilter,
    TextAnalyzer, TokenizerManager,
};

use crate::text::stem::Stemmer;

/// The languages text is analysed in; every text field is indexed once per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextLanguage {
    English,
    French,
}

impl TextLanguage {
    pub(crate) const ALL: [TextLanguage; 2] = [TextLanguage::English, TextLanguage::French];

    /// The analyzer's name in tantivy's tokenizer manager.
    pub(crate) fn analyzer_name(self) -> &'static str {
        match self {
            TextLanguage::English => "sm_en",
            TextLanguage::French => "sm_fr",
        }
    }

    pub(crate) fn suffix(self) -> &'static str {
        match self {
            TextLanguage::English => "en",
            TextLanguage::French => "fr",
        }
    }

    fn stemmer(self) -> Stemmer {
        match self {
            TextLanguage::English => Stemmer::english(),
            TextLanguage::French => Stemmer::french(),
        }
    }

    pub(crate) fn analyzer(self) -> TextAnalyzer {
        // Stop words are folded like the text they filter ("été" → "ete").
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(40))
            .filter(LowerCaser)
            .filter(AsciiFoldingFilter)
            .filter(StopWordFilter::remove(stop_words(self)))
            .filter(self.stemmer())
            .build()
    }
}

/// The stop words of `language`, accent-folded.
fn stop_words(language: TextLanguage) -> Vec<String> {
    let words: &[&str] = match language {
        TextLanguage::English => &[
            "a", "an", "and", "are", "as", "at", "be", "but", "by", "for", "if", "in", "into",
            "is", "it", "no", "not", "of", "on", "or", "such", "that", "the", "their", "then",
            "there", "these", "they", "this", "to", "was", "will", "with",
        ],
        TextLanguage::French => &[
            "au", "aux", "avec", "ce", "ces", "d", "dans", "de", "des", "du", "elle", "en", "et",
            "eux", "il", "je", "l", "la", "le", "les", "leur", "lui", "ma", "mais", "me", "meme",
            "mes", "moi", "mon", "ne", "nos", "notre", "nous", "on", "ou", "par", "pas", "pour",
            "qu", "que", "qui", "s", "sa", "se", "ses", "son", "sur", "ta", "te", "tes", "toi",
            "ton", "tu", "un", "une", "vos", "votre", "vous", "c", "j", "m", "n", "t", "y",
        ],
    };
    words.iter().map(|w| w.to_string()).collect()
}

/// Registers both analyzers.
pub(crate) fn register(manager: &TokenizerManager) {
    for language in TextLanguage::ALL {
        manager.register(language.analyzer_name(), language.analyzer());
    }
}

thread_local! {
    /// Each thread's analyzers, built once: building one (stop-word sets,
    /// stemmer) costs more than analysing a query.
    static ANALYZERS: [RefCell<TextAnalyzer>; 2] =
        TextLanguage::ALL.map(|language| RefCell::new(language.analyzer()));
}

/// The terms `text` analyses to in `language`, in order.
pub(crate) fn terms(language: TextLanguage, text: &str) -> Vec<String> {
    let at = TextLanguage::ALL
        .iter()
        .position(|&l| l == language)
        .expect("every language is in ALL");
    ANALYZERS.with(|analyzers| {
        let mut analyzer = analyzers[at].borrow_mut();
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_fold_and_stem_alike() {
        let fr = TextLanguage::French;
        assert_eq!(terms(fr, "santé"), terms(fr, "sante"));
        assert_eq!(terms(fr, "Santé mentale"), terms(fr, "sante mentale"));
        assert_eq!(
            terms(fr, "l'aide alimentaire"),
            terms(fr, "aide alimentaires")
        );
    }

    #[test]
    fn english_stems_plurals() {
        let en = TextLanguage::English;
        assert_eq!(terms(en, "food banks"), terms(en, "Food bank"));
        assert!(terms(en, "the and of").is_empty());
    }
}
