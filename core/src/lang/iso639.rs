//! The ISO 639 table the search path carries: every ISO 639-1 language
//! (184: the languages most people name) with its names, and every ISO 639-3
//! code as one bit. ≈ 9 KB, where the full tables with every name are ≈ 250 KB.
//!
//! `iso639_tables.rs` is generated from `isolang` (the `import` feature's
//! table); a test checks it against isolang and rewrites it with
//! `SERVICEMATCH_REGENERATE=1 cargo test -p servicematch iso639`.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::fold;

mod tables {
    include!("iso639_tables.rs");
}

/// An ISO 639-1 language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Iso639 {
    /// ISO 639-1 code ("fr").
    pub(crate) code: &'static str,
    /// ISO 639-3 code ("fra").
    pub(crate) code3: &'static str,
    /// English name ("French").
    pub(crate) name: &'static str,
    /// The name in the language itself ("français").
    pub(crate) autonym: Option<&'static str>,
}

fn entry(row: &'static (&'static str, &'static str, &'static str, &'static str)) -> Iso639 {
    let (code, code3, name, autonym) = *row;
    Iso639 {
        code,
        code3,
        name,
        autonym: (!autonym.is_empty()).then_some(autonym),
    }
}

/// The ISO 639-1 language of a 639-1 code ("fr") or of its 639-3 code
/// ("fra"), given lowercase.
pub(crate) fn by_code(code: &str) -> Option<Iso639> {
    let row = match code.len() {
        2 => tables::ISO_639_1.iter().find(|row| row.0 == code),
        3 => tables::ISO_639_1.iter().find(|row| row.1 == code),
        _ => None,
    }?;
    Some(entry(row))
}

/// The ISO 639-1 language whose English name or autonym is `folded`
/// ([`fold`]ed: "francais").
pub(crate) fn by_name(folded: &str) -> Option<Iso639> {
    static NAMES: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for (at, row) in tables::ISO_639_1.iter().enumerate() {
            names.entry(fold(row.2)).or_insert(at);
        }
        for (at, row) in tables::ISO_639_1.iter().enumerate() {
            if !row.3.is_empty() {
                names.entry(fold(row.3)).or_insert(at);
            }
        }
        names
    });
    names.get(folded).map(|&at| entry(&tables::ISO_639_1[at]))
}

/// Whether `code` (three lowercase ASCII letters) is an ISO 639-3 code.
pub(crate) fn is_639_3(code: &str) -> bool {
    bit(code).is_some_and(|bit| tables::ISO_639_3[bit / 8] & (1 << (bit % 8)) != 0)
}

/// The bit of a three-letter code: its letters as a number in base 26.
fn bit(code: &str) -> Option<usize> {
    let bytes = code.as_bytes();
    if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0, |bit, &letter| bit * 26 + usize::from(letter - b'a')),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_names() {
        let french = by_code("fr").unwrap();
        assert_eq!((french.code3, french.name), ("fra", "French"));
        assert_eq!(by_code("fra"), Some(french));
        assert_eq!(by_name("francais"), Some(french));
        assert_eq!(by_name("french"), Some(french));
        assert_eq!(by_code("zz"), None);
        assert!(is_639_3("ase") && is_639_3("fra") && is_639_3("yue"));
        assert!(!is_639_3("zzz") && !is_639_3("fr") && !is_639_3("ASE"));
    }

    /// The committed tables are isolang's, so that searching (these tables)
    /// and importing (isolang) agree.
    #[test]
    fn tables_are_isolangs() {
        let mut rows = Vec::new();
        let mut bits = vec![0u8; (26 * 26 * 26usize).div_ceil(8)];
        for language in isolang::Language::match_names(|_| true) {
            let code3 = language.to_639_3();
            let at = bit(code3).expect("ISO 639-3 codes are three lowercase letters");
            bits[at / 8] |= 1 << (at % 8);
            if let Some(code) = language.to_639_1() {
                rows.push((
                    code,
                    code3,
                    language.to_name(),
                    language.to_autonym().unwrap_or(""),
                ));
            }
        }
        rows.sort();
        let same = rows.as_slice() == tables::ISO_639_1 && bits.as_slice() == tables::ISO_639_3;
        if !same && std::env::var_os("SERVICEMATCH_REGENERATE").is_some() {
            let mut out = String::from(
                "// Generated from isolang by the test `tables_are_isolangs` in iso639.rs: do not edit.\n\n\
                 /// Every ISO 639-1 language: 639-1 code, 639-3 code, English name, autonym (or \"\").\n\
                 pub(super) const ISO_639_1: &[(&str, &str, &str, &str)] = &[\n",
            );
            for row in &rows {
                out.push_str(&format!("    {row:?},\n"));
            }
            out.push_str(
                "];\n\n/// Every ISO 639-3 code: bit `26² a + 26 b + c` of code `abc` (letters from 0).\n",
            );
            out.push_str(&format!(
                "pub(super) const ISO_639_3: &[u8; {}] = &[\n",
                bits.len()
            ));
            for line in bits.chunks(16) {
                let line: Vec<String> = line.iter().map(|b| format!("0x{b:02x}")).collect();
                out.push_str(&format!("    {},\n", line.join(", ")));
            }
            out.push_str("];\n");
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/lang/iso639_tables.rs");
            std::fs::write(path, out).unwrap();
            panic!("rewrote {path}: run the tests again");
        }
        assert!(
            same,
            "iso639_tables.rs differs from isolang: SERVICEMATCH_REGENERATE=1 cargo test -p servicematch iso639"
        );
    }
}
