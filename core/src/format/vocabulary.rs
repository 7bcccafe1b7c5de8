//! The vocabulary section: the layperson vocabulary the index was built
//! with (the built-in one and the publisher's additions), as the UTF-8 text
//! of `core/data/vocabulary.tsv`'s format. Searches read it to find the
//! needs a query names; the text section holds, per service, a term for each
//! need its text names ([`need_term`](crate::text::vocabulary::need_term)).
//! Parsed on the first text search, not at open.

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::text::vocabulary::Vocabulary;

/// The section's bytes.
pub(crate) fn write(vocabulary: &Vocabulary) -> Vec<u8> {
    vocabulary.to_text().into_bytes()
}

/// The vocabulary in the section.
///
/// # Errors
/// [`ErrorKind::CorruptIndex`](crate::ErrorKind::CorruptIndex) when the
/// section is not a vocabulary.
pub(crate) fn read(bytes: &OwnedBytes) -> Result<Vocabulary> {
    let text = std::str::from_utf8(bytes.as_slice())
        .map_err(|_| Error::corrupt("section vocabulary is not UTF-8 text"))?;
    Vocabulary::parse(text).map_err(|e| Error::corrupt(format!("section vocabulary: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_vocabulary_reads_back() {
        let vocabulary = Vocabulary::built_in();
        let bytes = OwnedBytes::new(write(&vocabulary));
        assert_eq!(read(&bytes).unwrap(), vocabulary);
        assert!(read(&OwnedBytes::new(b"one phrase only\n".to_vec())).is_err());
    }
}
