//! Free-text language fields of publishers' exports ("Spanish and German.",
//! "Creole (limited)", "other languages available upon request").

use super::{code, fold, name};

/// Language names looked for inside longer text ("Creole with translators
/// as needed"): common names only, so that ordinary words never read as
/// languages. Whole fields are looked up in every ISO 639 name.
const MENTIONS: &[&str] = &[
    "albanian",
    "american sign language",
    "amharic",
    "arabic",
    "armenian",
    "asl",
    "bengali",
    "bosnian",
    "bulgarian",
    "burmese",
    "cantonese",
    "chinese",
    "creole",
    "croatian",
    "czech",
    "dari",
    "dutch",
    "english",
    "espanol",
    "farsi",
    "filipino",
    "francais",
    "french",
    "german",
    "greek",
    "gujarati",
    "haitian creole",
    "haitian-creole",
    "hebrew",
    "hindi",
    "hmong",
    "hungarian",
    "italian",
    "japanese",
    "khmer",
    "korean",
    "kreyol",
    "mandarin",
    "nepali",
    "ojibwe",
    "pashto",
    "persian",
    "polish",
    "portuguese",
    "punjabi",
    "romanian",
    "russian",
    "serbian",
    "sign language",
    "somali",
    "spanish",
    "swahili",
    "tagalog",
    "tamil",
    "thai",
    "tigrinya",
    "turkish",
    "ukrainian",
    "urdu",
    "vietnamese",
    "yiddish",
];

/// Words that qualify a language without changing it ("limited Spanish").
const QUALIFIERS: &[&str] = &[
    "limited",
    "some",
    "basic",
    "only",
    "fluent",
    "conversational",
    "also",
];

/// Words that mark a code-less entry as a note about interpretation rather
/// than an unknown language name.
const NOTE_WORDS: &[&str] = &[
    "available",
    "request",
    "interpret",
    "translat",
    "language line",
    "languages",
    "upon",
    "accommodat",
    "arrangement",
    "bilingual",
    "bi-lingual",
    "tele",
    "staff",
    "volunteer",
    "as needed",
    "possible",
    "other",
    "call",
    "see notes",
    "vary",
    "varies",
    "none",
    "numerous",
    "brochure",
    "information",
    "braille",
    "contact",
    "profile",
    "sites",
    "evening",
    "week",
];

/// The languages a free-text language field names, in order: one
/// [`servicematch::Language`] per language, its `name` the publisher's words for it
/// ("Spanish (limited)"), its `code` the ISO 639 code. Text that names no
/// language ("other languages available upon request") is kept as an entry
/// without a code: see [`is_note`].
///
/// # Example
/// ```
/// use servicematch_hsds::lang::from_text;
/// let codes = |text| from_text(text).into_iter().map(|l| l.code).collect::<Vec<_>>();
/// assert_eq!(codes("Spanish and German."), [Some("es".to_owned()), Some("de".to_owned())]);
/// assert_eq!(codes("Francais"), [Some("fr".to_owned())]);
/// assert_eq!(codes("creole"), [Some("ht".to_owned())]);
/// assert_eq!(codes("ASL"), [Some("ase".to_owned())]);
/// let note = &from_text("other languages available upon request")[0];
/// assert_eq!((note.code.as_deref(), note.name.as_str()), (None, "other languages available upon request"));
/// ```
pub fn from_text(text: &str) -> Vec<servicematch::Language> {
    let mut languages: Vec<servicematch::Language> = Vec::new();
    let mut push = |language: servicematch::Language| {
        let duplicate = languages.iter().any(|l| match (&l.code, &language.code) {
            (Some(a), Some(b)) => a == b,
            (None, None) => l.name.eq_ignore_ascii_case(&language.name),
            _ => false,
        });
        if !duplicate {
            languages.push(language);
        }
    };
    let text = crate::clean::prose(text).unwrap_or_default();
    for segment in segments(&text) {
        if segment.ends_with(':') {
            // A heading ("Tax Prep:") for the languages on the next lines.
            continue;
        }
        let segment = trim(segment);
        if segment.is_empty() || names_no_language(segment) {
            continue;
        }
        if mentions(segment).is_empty() {
            push(servicematch::Language {
                code: None,
                name: segment.to_owned(),
            });
            continue;
        }
        for piece in split_outside_parentheses(segment)
            .into_iter()
            .flat_map(split_words)
        {
            let piece = trim(piece);
            if piece.is_empty() {
                continue;
            }
            let found = mentions(piece);
            match found.as_slice() {
                [] => push(servicematch::Language {
                    code: None,
                    name: piece.to_owned(),
                }),
                [code] => push(servicematch::Language {
                    code: Some(code.clone()),
                    name: piece.to_owned(),
                }),
                _ => {
                    for code in found {
                        push(servicematch::Language {
                            name: name(&code),
                            code: Some(code),
                        });
                    }
                }
            }
        }
    }
    languages
}

/// Whether a language entry without a code is a note about interpretation
/// ("Language line available", "Others upon request") rather than a
/// language name this crate does not know.
pub fn is_note(text: &str) -> bool {
    let folded = fold(text);
    NOTE_WORDS.iter().any(|word| folded.contains(word))
}

/// Whether a field says no language at all: "All.", "Any", "N/A", "None".
/// ("all" is also the ISO 639-3 code of Allar, which no directory means.)
pub(super) fn names_no_language(text: &str) -> bool {
    matches!(
        fold(text).as_str(),
        "all" | "all languages" | "any" | "any language" | "none" | "n/a" | "na" | "-"
    )
}

/// Lines, semicolon-separated parts and sentences.
fn segments(text: &str) -> impl Iterator<Item = &str> {
    text.split(['\n', ';', '|'])
        .flat_map(|line| line.split(". "))
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

/// Splits on `,` `/` `&` `+`, except inside parentheses ("Spanish (as
/// needed, by phone)").
fn split_outside_parentheses(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (at, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' | '/' | '&' | '+' if depth == 0 => {
                parts.push(&text[start..at]);
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Splits on the words that join languages ("English and Spanish").
fn split_words(text: &str) -> Vec<&str> {
    let mut parts = vec![text];
    for joiner in [" and ", " or ", " y ", " et ", " AND ", " And "] {
        parts = parts.into_iter().flat_map(|p| p.split(joiner)).collect();
    }
    parts
}

fn trim(text: &str) -> &str {
    let mut text =
        text.trim_matches(|c: char| c.is_whitespace() || ".,:;-*\u{2022}\"'".contains(c));
    for joiner in ["and ", "or ", "And ", "Or "] {
        text = text.strip_prefix(joiner).unwrap_or(text);
    }
    text.trim()
}

/// The codes of the languages `text` names: the whole text if it is one
/// language (qualifiers and parentheses aside), else the common language
/// names inside it.
fn mentions(text: &str) -> Vec<String> {
    let without_parens = match (text.find('('), text.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{}", &text[..open], &text[close + 1..])
        }
        _ => text.to_owned(),
    };
    let folded = fold(&without_parens);
    let mut words: Vec<&str> = folded.split(' ').collect();
    while words.len() > 1 && QUALIFIERS.contains(&words[0]) {
        words.remove(0);
    }
    while words.len() > 1 && QUALIFIERS.contains(&words[words.len() - 1]) {
        words.pop();
    }
    if let Some(code) = code(&words.join(" ")) {
        return vec![code];
    }
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .collect();
    let mut found: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let mut step = 1;
        for n in (1..=3).rev() {
            if i + n > words.len() {
                continue;
            }
            let candidate = words[i..i + n].join(" ");
            if MENTIONS.contains(&candidate.as_str()) {
                if let Some(code) = code(&candidate) {
                    if !found.contains(&code) {
                        found.push(code);
                    }
                    step = n;
                    break;
                }
            }
        }
        i += step;
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn free_text_of_real_exports() {
        let read = |text: &str| -> Vec<(Option<String>, String)> {
            from_text(text)
                .into_iter()
                .map(|l| (l.code, l.name))
                .collect()
        };
        let lang = |code: &str, name: &str| (Some(code.to_owned()), name.to_owned());
        let note = |name: &str| (None, name.to_owned());
        assert_eq!(
            read("Spanish and German."),
            [lang("es", "Spanish"), lang("de", "German")]
        );
        assert_eq!(
            read("English, French, Spanish"),
            [
                lang("en", "English"),
                lang("fr", "French"),
                lang("es", "Spanish")
            ]
        );
        assert_eq!(read("Spanish (limited)"), [lang("es", "Spanish (limited)")]);
        assert_eq!(read("limited Spanish"), [lang("es", "limited Spanish")]);
        assert_eq!(read("Haitian-Creole"), [lang("ht", "Haitian-Creole")]);
        assert_eq!(read("Français"), [lang("fr", "Français")]);
        assert_eq!(read("All."), [], "no language, not Allar (ISO 639-3 all)");
        assert_eq!(read("N/A"), []);
        assert_eq!(read("ASL."), [lang("ase", "ASL")]);
        assert_eq!(
            read("Creole with translators as needed"),
            [lang("ht", "Creole with translators as needed")]
        );
        assert_eq!(
            read(r"Creole\n\nTax Prep:\nEnglish"),
            [lang("ht", "Creole"), lang("en", "English")]
        );
        assert_eq!(
            read("Haitian Creole. Interpretation is also available for other languages."),
            [
                lang("ht", "Haitian Creole"),
                note("Interpretation is also available for other languages")
            ]
        );
        assert_eq!(
            read("Accommodations possible."),
            [note("Accommodations possible")]
        );
        assert_eq!(
            read("Spanish (as needed, by phone)"),
            [lang("es", "Spanish (as needed, by phone)")]
        );
        assert_eq!(read("Greek"), [lang("el", "Greek")]);
        assert_eq!(
            read("English and Spanish is available."),
            [lang("en", "English"), lang("es", "Spanish is available")]
        );
        assert_eq!(read(""), []);
    }

    #[test]
    fn notes_and_unknown_names() {
        assert!(is_note("other languages available upon request"));
        assert!(is_note("Language Line"));
        // Miami's export has "Español" mis-decoded: unknown, kept as text.
        assert!(!is_note("Espa+¦ol"));
        assert_eq!(from_text("Espa+¦ol")[0].code, None);
        assert_eq!(from_text("Espa+¦ol")[0].name, "Espa+¦ol");
    }
}
