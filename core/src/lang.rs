//! Language names and codes → ISO 639 codes.
//!
//! A code is ISO 639-1 where the language has one ("fr"), else ISO 639-3
//! ("ase" for American Sign Language). Names are read in English ("French"),
//! in the language itself ("Français", "Español"), with or without accents.
//!
//! [`from_text`] reads the free text directories put in a language field
//! ("Spanish and German.", "Creole (limited)", "other languages available
//! upon request").

use std::collections::HashMap;
use std::sync::OnceLock;

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
    ("haitian-creole", "ht"),
    ("creole haitian", "ht"),
    ("kreyol ayisyen", "ht"),
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
    ("somali", "so"),
    ("amharic", "am"),
    ("tigrinya", "ti"),
    ("swahili", "sw"),
    ("dari", "prs"),
    ("pashto", "ps"),
    ("hmong", "hmn"),
    ("karen", "kar"),
    ("burmese", "my"),
    ("khmer", "km"),
    ("cambodian", "km"),
    ("lao", "lo"),
    ("laotian", "lo"),
    ("nepali", "ne"),
    ("bengali", "bn"),
    ("bangla", "bn"),
    ("gujarati", "gu"),
    ("tamil", "ta"),
    ("telugu", "te"),
    ("urdu", "ur"),
    ("hindi", "hi"),
    ("korean", "ko"),
    ("vietnamese", "vi"),
    ("portugese", "pt"),
    ("brazilian portuguese", "pt"),
    ("yiddish", "yi"),
    ("hebrew", "he"),
    ("greek", "el"),
    ("ingles", "en"),
    ("a.s.l", "ase"),
    ("a.s.l.", "ase"),
    ("taiwanese", "nan"),
    ("gujurati", "gu"),
    ("phillipino", "tl"),
    ("philipino", "tl"),
    ("kiswahili", "sw"),
    ("russian sign language", "rsl"),
];

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
/// [`crate::Language`] per language, its `name` the publisher's words for it
/// ("Spanish (limited)"), its `code` the ISO 639 code. Text that names no
/// language ("other languages available upon request") is kept as an entry
/// without a code: see [`is_note`].
///
/// # Example
/// ```
/// use servicematch::lang::from_text;
/// let codes = |text| from_text(text).into_iter().map(|l| l.code).collect::<Vec<_>>();
/// assert_eq!(codes("Spanish and German."), [Some("es".to_owned()), Some("de".to_owned())]);
/// assert_eq!(codes("Francais"), [Some("fr".to_owned())]);
/// assert_eq!(codes("creole"), [Some("ht".to_owned())]);
/// assert_eq!(codes("ASL"), [Some("ase".to_owned())]);
/// let note = &from_text("other languages available upon request")[0];
/// assert_eq!((note.code.as_deref(), note.name.as_str()), (None, "other languages available upon request"));
/// ```
pub fn from_text(text: &str) -> Vec<crate::Language> {
    let mut languages: Vec<crate::Language> = Vec::new();
    let mut push = |language: crate::Language| {
        let duplicate = languages.iter().any(|l| match (&l.code, &language.code) {
            (Some(a), Some(b)) => a == b,
            (None, None) => l.name.eq_ignore_ascii_case(&language.name),
            _ => false,
        });
        if !duplicate {
            languages.push(language);
        }
    };
    let text = crate::hsds::clean::prose(text).unwrap_or_default();
    for segment in segments(&text) {
        if segment.ends_with(':') {
            // A heading ("Tax Prep:") for the languages on the next lines.
            continue;
        }
        let segment = trim(segment);
        if segment.is_empty() {
            continue;
        }
        if mentions(segment).is_empty() {
            push(crate::Language {
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
                [] => push(crate::Language {
                    code: None,
                    name: piece.to_owned(),
                }),
                [code] => push(crate::Language {
                    code: Some(code.clone()),
                    name: piece.to_owned(),
                }),
                _ => {
                    for code in found {
                        push(crate::Language {
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
    let spaced = folded.replace('-', " ");
    if let Some((_, code)) = ALIASES
        .iter()
        .find(|(name, _)| *name == folded || *name == spaced)
    {
        return Some((*code).to_owned());
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
        assert_eq!(code("é"), None, "not the Kam-Sui language E");
        assert_eq!(code("other languages available upon request"), None);
    }

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

    #[test]
    fn names_from_codes() {
        assert_eq!(name("fr"), "French");
        assert_eq!(name("zz"), "zz");
    }
}
