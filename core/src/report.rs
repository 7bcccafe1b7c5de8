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
    /// Rows read, used and rejected per input table, in reading order.
    #[serde(default)]
    pub tables: Vec<TableCount>,
}

/// What became of the rows of one input table (a CSV file, or the records
/// of a JSON file).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TableCount {
    /// The input file.
    pub file: String,
    /// Data rows read (a CSV header is not a row).
    pub read: usize,
    /// Rows that went into an indexed service.
    pub used: usize,
    /// Rows that could not be used, each reported in [`Report::problems`].
    /// `read - used - rejected` rows were fine but nothing used them (an
    /// organization without services, a table servicematch does not read).
    pub rejected: usize,
    /// Whether servicematch reads this table at all.
    pub imported: bool,
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
    /// Records rejected: services, and rows of other tables that could not
    /// be used at all.
    pub fn rejected(&self) -> usize {
        self.problems.iter().filter(|p| p.rejected).count()
    }

    /// Writes the report as JSON (counts, per-table summary, every problem).
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) naming the path.
    pub fn write_json(&self, path: &std::path::Path) -> crate::Result<()> {
        let json = serde_json::to_vec_pretty(self).expect("a report always serialises");
        std::fs::write(path, json).map_err(|e| crate::Error::io(path, "cannot write report", e))
    }

    /// Fails when more than `max` records were rejected (0: any reject
    /// fails), for publishers' pipelines that must not ship a partial
    /// directory.
    ///
    /// # Errors
    /// [`ErrorKind::TooManyRejects`](crate::ErrorKind::TooManyRejects),
    /// naming the count, the limit and the first rejected record.
    pub fn check_rejects(&self, max: usize) -> crate::Result<()> {
        let rejected = self.rejected();
        if rejected <= max {
            return Ok(());
        }
        let first = self
            .problems
            .iter()
            .find(|p| p.rejected)
            .map(|p| format!(" (first: {p})"))
            .unwrap_or_default();
        Err(crate::Error::new(
            crate::ErrorKind::TooManyRejects,
            format!("{rejected} records rejected, more than the {max} allowed{first}"),
        ))
    }

    /// Adds the counts and problems of `other`.
    pub fn merge(&mut self, other: Report) {
        self.services_read += other.services_read;
        self.services_rejected += other.services_rejected;
        self.problems.extend(other.problems);
        self.tables.extend(other.tables);
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
