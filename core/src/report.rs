//! What an import or build could not use, and why: nothing is dropped silently.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Counts and problems of one import or build.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Services read from the input.
    pub services_read: usize,
    /// Services that could not be used at all (`services_read` =
    /// services indexed + `services_rejected`).
    pub services_rejected: usize,
    /// Every problem met, in input order: rejected records and kept records
    /// with a part that could not be used.
    pub problems: Vec<Problem>,
}

/// One problem with one input record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The input file.
    pub file: String,
    /// The record's position in the file (1-based row or array index), if known.
    pub row: Option<usize>,
    /// The field at fault, if any.
    pub field: Option<String>,
    /// What is wrong, in words.
    pub reason: String,
    /// Whether the whole record was rejected (else only the field was dropped).
    pub rejected: bool,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(row) = self.row {
            write!(f, " row {row}")?;
        }
        if let Some(field) = &self.field {
            write!(f, " field {field}")?;
        }
        write!(f, ": {}", self.reason)?;
        if self.rejected {
            write!(f, " (record rejected)")?;
        }
        Ok(())
    }
}

impl Report {
    /// Adds the counts and problems of `other`.
    pub fn merge(&mut self, other: Report) {
        self.services_read += other.services_read;
        self.services_rejected += other.services_rejected;
        self.problems.extend(other.problems);
    }

    /// Records a rejected service.
    pub fn reject(&mut self, problem: Problem) {
        self.services_rejected += 1;
        self.problems.push(Problem {
            rejected: true,
            ..problem
        });
    }

    /// Records a problem with part of a kept service.
    pub fn warn(&mut self, problem: Problem) {
        self.problems.push(Problem {
            rejected: false,
            ..problem
        });
    }
}
