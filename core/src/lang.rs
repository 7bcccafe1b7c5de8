//! Language names and codes → ISO 639 codes.
//!
//! A code is ISO 639-1 where the language has one ("fr"), else ISO 639-3
//! ("ase" for American Sign Language). Names are read in English ("French"),
//! in the language itself ("Français", "Español"), with or without accents.

use isolang::Language;

/// Names and abbreviations that the ISO tables do not spell the same way.
const ALIASES: &[(&str, &str)] = &[
    ("asl", "ase"),
    ("american sign language", "ase"),
    ("sign language", "sgn"),
    ("lsq", "fcs"),
    ("francais", "fr"),
    ("farsi", "fa"),
    ("persian", "fa"),
    ("mandarin", "zh"),
    ("chinese", "zh"),
    ("cantonese", "yue"),
    ("tagalog", "tl"),
    ("filipino", "tl"),
    ("punjabi", "pa"),
    ("panjabi", "pa"),
    ("creole", "ht"),
    ("haitian creole", "ht"),
    ("kreyol", "ht"),
    ("spanish", "es"),
    ("espanol", "es"),
    ("fre", "fr"),
    ("ger", "de"),
    ("chi", "zh"),
    ("per", "fa"),
    ("cree", "cr"),
    ("ojibwe", "oj"),
    ("ojibway", "oj"),
    ("oji-cree", "ojs"),
    ("inuktitut", "iu"),
];

/// The ISO 639 code of a language given by code or name, or `None` when the
/// text names no language this crate knows.
///
/// # Example
/// ```
/// use servicematch::lang::code;
/// assert_eq!(code("Français").as_deref(), Some("fr"));
/// assert_eq!(code("fra").as_deref(), Some("fr"));
/// assert_eq!(code("ASL").as_deref(), Some("ase"));
/// assert_eq!(code("no such language"), None);
/// ```
pub fn code(text: &str) -> Option<String> {
    let folded = fold(text.trim());
    if folded.is_empty() {
        return None;
    }
    if let Some((_, code)) = ALIASES.iter().find(|(name, _)| *name == folded) {
        return Some((*code).to_owned());
    }
    let language = match folded.len() {
        2 => Language::from_639_1(&folded),
        3 => Language::from_639_3(&folded),
        _ => None,
    }
    .or_else(|| Language::from_name_lowercase(&folded))
    .or_else(|| Language::from_autonym(text.trim()))
    .or_else(|| {
        let wanted = folded.clone();
        let mut matches = Language::match_autonyms(move |autonym| fold(autonym) == wanted);
        matches.next()
    })?;
    Some(language_code(language))
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

/// Lowercase, accents removed, inner whitespace collapsed: "Saint-Jérôme " →
/// "saint-jerome". How names are compared.
pub(crate) fn fold(text: &str) -> String {
    let lower: String = text
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'à' | 'â' | 'á' | 'ä' | 'ã' => 'a',
            'ç' => 'c',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' | 'í' => 'i',
            'ô' | 'ö' | 'ó' | 'õ' => 'o',
            'ù' | 'û' | 'ü' | 'ú' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
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
        assert_eq!(code("other languages available upon request"), None);
    }

    #[test]
    fn names_from_codes() {
        assert_eq!(name("fr"), "French");
        assert_eq!(name("zz"), "zz");
    }
}
