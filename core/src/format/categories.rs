//! The categories section: which words predict which category keys, learned
//! from the directory's coded services at build time
//! ([`text::categories`](crate::text::categories)), postcard-encoded. The
//! text section holds, per service, a term for each of its keys. Decoded
//! on the first text search, not at open.

use tantivy::directory::OwnedBytes;

use crate::error::{Error, Result};
use crate::text::categories::Associations;

/// The section's bytes.
pub(crate) fn write(associations: &Associations) -> Vec<u8> {
    postcard::to_allocvec(associations).expect("associations serialise")
}

/// The associations in the section.
///
/// # Errors
/// [`ErrorKind::CorruptIndex`](crate::ErrorKind::CorruptIndex) when the
/// section does not decode.
pub(crate) fn read(bytes: &OwnedBytes) -> Result<Associations> {
    postcard::from_bytes(bytes.as_slice())
        .map_err(|e| Error::corrupt(format!("section categories does not decode: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn garbage_is_an_error() {
        let empty = Associations::default();
        let bytes = OwnedBytes::new(write(&empty));
        assert_eq!(read(&bytes).unwrap(), empty);
        assert!(read(&OwnedBytes::new(vec![0xff; 9])).is_err());
    }
}
