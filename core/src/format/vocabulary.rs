//! The vocabulary section: the layperson vocabulary the index was built
//! with (the built-in one and the publisher's additions), analysed: each
//! need's name, and each phrase as written with its words' English and
//! French stems, encoded with postcard. Searches read it to find the needs a
//! query names without stemming its ~760 phrases again (~4 ms); the text
//! section holds, per service, a term for each need its text names
//! ([`need_term`](crate::text::vocabulary::need_term)). Read on the first
//! text search, not at open.

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::text::vocabulary::{Analysed, Matcher, Vocabulary};

/// The section's bytes.
pub(crate) fn write(vocabulary: &Vocabulary) -> Vec<u8> {
    postcard::to_allocvec(&vocabulary.matcher().analysed())
        .expect("an analysed vocabulary always serialises")
}

/// The vocabulary in the section, ready to match.
///
/// # Errors
/// [`ErrorKind::CorruptIndex`](crate::ErrorKind::CorruptIndex) when the
/// section is not an analysed vocabulary.
pub(crate) fn read(bytes: &OwnedBytes) -> Result<Matcher> {
    let analysed: Analysed = postcard::from_bytes(bytes.as_slice())
        .map_err(|e| Error::corrupt("section vocabulary cannot be decoded").with_source(e))?;
    analysed
        .check()
        .map_err(|e| Error::corrupt(format!("section vocabulary: {e}")))?;
    Ok(Matcher::new(analysed))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_vocabulary_reads_back_without_stemming_again() {
        let vocabulary = Vocabulary::built_in();
        let bytes = OwnedBytes::new(write(&vocabulary));
        let read = read(&bytes).unwrap();
        assert_eq!(read.analysed(), vocabulary.matcher().analysed());
        let words = crate::text::analyzer::word_stems("somewhere to sleep tonight");
        assert_eq!(read.find(&words), vocabulary.matcher().find(&words));
        assert!(!read.find(&words).is_empty());
    }

    #[test]
    fn a_damaged_section_is_an_error() {
        assert!(read(&OwnedBytes::new(b"one phrase only\n".to_vec())).is_err());
        let mut bytes = write(&Vocabulary::built_in());
        bytes.truncate(bytes.len() / 2);
        assert!(read(&OwnedBytes::new(bytes)).is_err());
    }
}
