//! Language names and codes → ISO 639 codes.
//!
//! A code is ISO 639-1 where the language has one ("fr"), else ISO 639-3
//! ("ase" for American Sign Language). Names are read in English ("French"),
//! in the language itself ("Français", "Español"), with or without accents.
//!
//! Searching reads the languages of a query against the index's own
//! language table ([`LanguageName`]s written at build time), the aliases
//! below and a small built-in table of ISO 639-1 languages and ISO 639-3
//! codes, so that the engine (WebAssembly, C) carries no ISO name tables.
//! Reading publishers' language fields against every ISO 639 name is the
//! importer's work (crate `servicematch-hsds`), which shares [`alias`] and
//! [`fold`] with this module so that both read names alike.

use serde::{Deserialize, Serialize};

mod iso639;

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

/// The code of an alias ("asl", "farsi", "haitian-creole"), given
/// [`fold`]ed: names and abbreviations the ISO tables spell otherwise.
pub fn alias(folded: &str) -> Option<&'static str> {
    let spaced = folded.replace('-', " ");
    ALIASES
        .iter()
        .find(|(name, _)| *name == folded || *name == spaced)
        .map(|(_, code)| *code)
}

/// One language of an index, with the names a query may give it: the
/// index's language table (`Meta::language_names`), written at build time so
/// that searching needs no ISO name tables.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageName {
    /// ISO 639 code, as in `Meta::languages`.
    pub code: String,
    /// English name ("French"; the code itself when it has none).
    pub name: String,
    /// The name in the language itself ("Français"), where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autonym: Option<String>,
}

impl LanguageName {
    /// The names of the language `code`, for an index's language table:
    /// from the built-in ISO 639-1 table, else `publisher_name` (how the
    /// directory itself names it), else the code.
    pub(crate) fn of(code: &str, publisher_name: Option<&str>) -> LanguageName {
        match iso639::by_code(code) {
            Some(language) => LanguageName {
                code: code.to_owned(),
                name: language.name.to_owned(),
                autonym: language.autonym.map(str::to_owned),
            },
            None => LanguageName {
                code: code.to_owned(),
                name: publisher_name.unwrap_or(code).to_owned(),
                autonym: None,
            },
        }
    }
}

/// The code of a language a query names, by code or by name, or `None` when
/// it names no language known here. Read, in order: the aliases, an ISO
/// 639-1 or 639-3 code (every code, whether the index has it or not), a name
/// in the index's language `table` (English or autonym), the name of an ISO
/// 639-1 language. A language the index does not have is known all the same
/// and matches no service; only text that is none of these is unknown.
pub(crate) fn query_code(table: &[LanguageName], text: &str) -> Option<String> {
    let folded = fold(text.trim());
    if folded.is_empty() {
        return None;
    }
    if let Some(code) = alias(&folded) {
        return Some(code.to_owned());
    }
    let by_code = match folded.len() {
        2 => iso639::by_code(&folded).map(|l| l.code.to_owned()),
        3 => iso639::by_code(&folded)
            .map(|l| l.code.to_owned())
            .or_else(|| iso639::is_639_3(&folded).then(|| folded.clone())),
        _ => None,
    };
    if by_code.is_some() {
        return by_code;
    }
    // Names of one or two letters ("E", "Ga") are ISO names too, but they
    // are initials or stray letters far more often.
    if folded.chars().count() < 3 {
        return None;
    }
    let spaced = folded.replace('-', " ");
    let named = |name: &str| {
        let name = fold(name);
        name == folded || name == spaced
    };
    table
        .iter()
        .find(|l| named(&l.name) || l.autonym.as_deref().is_some_and(named))
        .map(|l| l.code.clone())
        .or_else(|| iso639::by_name(&folded).map(|l| l.code.to_owned()))
}

/// The English name of `code` for a person to read ("French"): from the
/// index's language `table`, else the ISO 639-1 table, else the code itself.
pub(crate) fn display_name(table: &[LanguageName], code: &str) -> String {
    table
        .iter()
        .find(|l| l.code == code)
        .map(|l| l.name.clone())
        .or_else(|| iso639::by_code(code).map(|l| l.name.to_owned()))
        .unwrap_or_else(|| code.to_owned())
}

/// Lowercase, accents removed, inner whitespace collapsed: "Saint-Jérôme " →
/// "saint-jerome". How names are compared.
pub fn fold(text: &str) -> String {
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
    fn query_languages_without_iso_name_tables() {
        let table = [LanguageName {
            code: "oj".into(),
            name: "Ojibwa".into(),
            autonym: Some("ᐊᓂᔑᓈᐯᒧᐎᓐ".into()),
        }];
        let code = |text| query_code(&table, text);
        assert_eq!(code("Ojibwa").as_deref(), Some("oj"), "the index's name");
        assert_eq!(code("ᐊᓂᔑᓈᐯᒧᐎᓐ").as_deref(), Some("oj"), "its autonym");
        assert_eq!(code("Ojibwe").as_deref(), Some("oj"), "an alias");
        assert_eq!(
            code("Deutsch").as_deref(),
            Some("de"),
            "an ISO 639-1 autonym"
        );
        assert_eq!(code("deu").as_deref(), Some("de"));
        assert_eq!(code("ojs").as_deref(), Some("ojs"), "any ISO 639-3 code");
        assert_eq!(code("zzz"), None);
        assert_eq!(code("Ga").as_deref(), Some("ga"), "Irish, by code");
        assert_eq!(code("E"), None, "too short for a name");
        assert_eq!(display_name(&table, "oj"), "Ojibwa");
        assert_eq!(display_name(&[], "de"), "German");
        assert_eq!(display_name(&[], "ojs"), "ojs");
    }
}
