//! Publishers' language fields → ISO 639 codes, against every ISO 639 name
//! and code (the `isolang` tables, ≈ 250 KB: the reason this lives in the
//! importer and not in the engine that WebAssembly and C link).
//!
//! A code is ISO 639-1 where the language has one ("fr"), else ISO 639-3
//! ("ase" for American Sign Language). Names are read in English ("French"),
//! in the language itself ("Français", "Español"), with or without accents,
//! and through the engine's aliases ([`servicematch::lang::alias`]), so that
//! a query and an import read a name alike.

use std::collections::HashMap;
use std::sync::OnceLock;

use isolang::Language;
use servicematch::lang::{alias, fold};

mod free_text;

pub use free_text::{from_text, is_note};

/// The ISO 639 code of a language given by code or name, or `None` when the
/// text names no language this crate knows.
///
/// # Example
/// ```
/// use servicematch_hsds::lang::code;
/// assert_eq!(code("Français").as_deref(), Some("fr"));
/// assert_eq!(code("fra").as_deref(), Some("fr"));
/// assert_eq!(code("ASL").as_deref(), Some("ase"));
/// assert_eq!(code("no such language"), None);
/// ```
pub fn code(text: &str) -> Option<String> {
    let folded = fold(text.trim());
    if folded.is_empty() || free_text::names_no_language(&folded) {
        return None;
    }
    if let Some(code) = alias(&folded) {
        return Some(code.to_owned());
    }
    let language = match folded.len() {
        2 => Language::from_639_1(&folded),
        3 => Language::from_639_3(&folded),
        _ => None,
    }
    // Names of one or two letters ("E", "Ga") are ISO names too, but in a
    // directory they are initials or stray letters.
    .or_else(|| {
        (folded.chars().count() >= 3)
            .then(|| names().get(&folded).copied())
            .flatten()
    })?;
    Some(language_code(language))
}

/// Every ISO 639 language by its folded English name, then by its folded
/// autonym ("francais", "espanol"), built once: isolang's own lookups scan
/// the whole table on every call.
fn names() -> &'static HashMap<String, Language> {
    static NAMES: OnceLock<HashMap<String, Language>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for language in Language::match_names(|_| true) {
            names.entry(fold(language.to_name())).or_insert(language);
        }
        for language in Language::match_autonyms(|_| true) {
            if let Some(autonym) = language.to_autonym() {
                names.entry(fold(autonym)).or_insert(language);
            }
        }
        names
    })
}

/// The English name of a language code ("fr" → "French"), or the code itself.
pub fn name(code: &str) -> String {
    let language = match code.len() {
        2 => Language::from_639_1(code),
        3 => Language::from_639_3(code),
        _ => None,
    };
    match language {
        Some(language) => language.to_name().to_owned(),
        None => code.to_owned(),
    }
}

fn language_code(language: Language) -> String {
    language
        .to_639_1()
        .unwrap_or_else(|| language.to_639_3())
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_codes() {
        for (text, want) in [
            ("en", "en"),
            ("English", "en"),
            ("french", "fr"),
            ("Francais", "fr"),
            ("FRA", "fr"),
            ("Español", "es"),
            ("Arabic", "ar"),
            ("Cantonese", "yue"),
            ("asl", "ase"),
        ] {
            assert_eq!(code(text).as_deref(), Some(want), "{text}");
        }
        assert_eq!(code(""), None);
        assert_eq!(code("All"), None, "a directory's \"All\" is not Allar");
        assert_eq!(code("é"), None, "not the Kam-Sui language E");
        assert_eq!(code("other languages available upon request"), None);
    }

    #[test]
    fn names_from_codes() {
        assert_eq!(name("fr"), "French");
        assert_eq!(name("zz"), "zz");
    }
}
