//! The one error type of the crate.

use std::fmt;

/// The result type of every fallible operation in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error from building, opening or searching an index.
///
/// The type is opaque: match on [`Error::kind`] to tell errors apart. The
/// message ([`Display`](fmt::Display)) names the file, field, row or value at
/// fault; the underlying cause, if any, comes from [`std::error::Error::source`].
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// What went wrong, broadly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed (missing file, permissions, disk full…).
    Io,
    /// The input directory data (HSDS) is malformed or unusable.
    InvalidInput,
    /// The file is not a servicematch index (wrong magic number).
    NotAnIndex,
    /// The index is in a format version this servicematch does not read: a
    /// newer one (upgrade servicematch) or an older one (rebuild the index).
    UnsupportedVersion,
    /// The index file is truncated or its contents do not match its checksums.
    CorruptIndex,
    /// The query is invalid: an impossible value, or a field not supported yet.
    InvalidQuery,
    /// A place or postal code in the query is not in the index's gazetteer.
    UnknownPlace,
    /// The build produced more rejected records than the caller allowed.
    TooManyRejects,
}

impl Error {
    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub(crate) fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.source = Some(Box::new(source));
        self
    }

    pub(crate) fn io(path: &std::path::Path, what: &str, source: std::io::Error) -> Error {
        Error::new(ErrorKind::Io, format!("{what} {}", path.display())).with_source(source)
    }

    pub(crate) fn corrupt(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::CorruptIndex, message)
    }

    pub(crate) fn invalid_query(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidQuery, message)
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::InvalidInput, message)
    }

    /// Prefixes the message with the path of the file it concerns.
    #[cfg(feature = "mmap")]
    pub(crate) fn in_file(mut self, path: &std::path::Path) -> Error {
        self.message = format!("{}: {}", path.display(), self.message);
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|e| e as &(dyn std::error::Error + 'static))
    }
}

impl From<tantivy::TantivyError> for Error {
    fn from(e: tantivy::TantivyError) -> Error {
        Error::corrupt("the text section could not be read").with_source(e)
    }
}
