//! The one error type of the crate.

use std::fmt;

/// An error from reading input data or writing a directory.
///
/// The message names the file, row and field at fault; the underlying cause,
/// if any, comes from [`std::error::Error::source`].
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    message: String,
    source: Option<Box<dyn std::error::Error + Send + Sync + 'static>>,
}

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file or folder could not be read or written.
    Io,
    /// Input data is malformed: a missing column, a bad number, an unknown code.
    InvalidData,
    /// An option is out of range (for example asking for zero services where some are needed).
    InvalidOption,
}

impl Error {
    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub(crate) fn io(what: impl fmt::Display, source: std::io::Error) -> Error {
        Error {
            kind: ErrorKind::Io,
            message: what.to_string(),
            source: Some(Box::new(source)),
        }
    }

    pub(crate) fn invalid_data(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::InvalidData,
            message: message.into(),
            source: None,
        }
    }

    pub(crate) fn invalid_option(message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::InvalidOption,
            message: message.into(),
            source: None,
        }
    }

    /// A CSV reading error, located in `file` (by name) at the reader's row.
    pub(crate) fn csv(file: &str, source: csv::Error) -> Error {
        let location = match source.position() {
            Some(position) => format!("{file} row {}", position.line()),
            None => file.to_string(),
        };
        match source.kind() {
            csv::ErrorKind::Io(_) => Error {
                kind: ErrorKind::Io,
                message: format!("cannot read {location}"),
                source: Some(Box::new(source)),
            },
            _ => Error {
                kind: ErrorKind::InvalidData,
                message: format!("{location}: malformed CSV"),
                source: Some(Box::new(source)),
            },
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
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_names_the_place_and_cause_is_the_source() {
        let err = Error::io(
            "cannot read odhf/hospitals_ca.csv",
            std::io::Error::from(std::io::ErrorKind::NotFound),
        );
        assert_eq!(err.kind(), ErrorKind::Io);
        assert_eq!(err.to_string(), "cannot read odhf/hospitals_ca.csv");
        assert!(std::error::Error::source(&err).is_some());
    }
}
