//! The one error type of the crate.

use std::fmt;

/// The result type of every fallible operation in this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// An error that stopped an import: the input could not be read at all.
///
/// Bad rows are not errors: they are reported in the import's
/// [`Report`](servicematch::Report) and the import goes on. The type is
/// opaque: match on [`Error::kind`]. The message names the file, row, field
/// or value at fault; the cause, if any, comes from
/// [`std::error::Error::source`].
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
    /// Reading a file failed (missing file, permissions…).
    Io,
    /// The input is not HSDS this crate reads (empty, malformed JSON, a
    /// folder without `services.csv`, a corrupt or oversized zip archive…).
    InvalidInput,
}

impl Error {
    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub(crate) fn with_source(
        mut self,
        source: impl std::error::Error + Send + Sync + 'static,
    ) -> Error {
        self.source = Some(Box::new(source));
        self
    }

    pub(crate) fn io(path: &std::path::Path, what: &str, source: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: format!("{what} {}", path.display()),
            source: None,
        }
        .with_source(source)
    }

    pub(crate) fn invalid_input(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::InvalidInput,
            message: message.into(),
            source: None,
        }
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
