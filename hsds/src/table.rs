//! One CSV table of a tabular export: its columns by name, and its rows.
//!
//! Read as exports are written: a UTF-8 byte-order mark, a `;` or tab
//! delimiter (guessed from the header when it holds no comma), ragged rows,
//! padded or differently cased column names, bytes that are not UTF-8
//! (replaced, and the row flagged). Blank rows are skipped.
//!
//! Rows are numbered from 1 for the first data row: the header is not a row,
//! so row `n` is line `n + 1` of a file without line breaks inside fields.

use std::collections::HashMap;

use super::clean;
use super::source::Source;
use crate::error::{Error, Result};

/// A CSV table, parsed.
#[derive(Debug)]
pub(crate) struct Table {
    /// The file, as problems name it.
    pub file: String,
    columns: HashMap<String, usize>,
    rows: Vec<csv::StringRecord>,
    lossy: Vec<bool>,
    /// Per row, the fields cut to [`MAX_FIELD_BYTES`](crate::MAX_FIELD_BYTES):
    /// (column index, length as written).
    cut: Vec<Vec<(usize, usize)>>,
}

/// One data row.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Row<'t> {
    /// 1-based data row number (the header is not counted).
    pub number: usize,
    /// Whether some bytes were not UTF-8 and were replaced.
    pub lossy: bool,
    record: &'t csv::StringRecord,
    columns: &'t HashMap<String, usize>,
    cut: &'t [(usize, usize)],
}

impl Table {
    /// Reads the table at `relative` in `source`.
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when it cannot be read;
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming the
    /// file and row when the CSV cannot be parsed.
    pub(crate) fn read(source: &Source, relative: &str, delimiter: Option<u8>) -> Result<Table> {
        let bytes = source.read(relative)?;
        Table::parse(source.display(relative), &bytes, delimiter)
    }

    /// Parses CSV bytes; `file` names the table in messages.
    pub(crate) fn parse(file: String, bytes: &[u8], delimiter: Option<u8>) -> Result<Table> {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let delimiter = delimiter.unwrap_or_else(|| guess_delimiter(bytes));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(true)
            .from_reader(bytes);
        let headers = reader
            .byte_headers()
            .map_err(|e| csv_error(&file, 0, e))?
            .clone();
        let mut columns = HashMap::new();
        for (i, name) in headers.iter().enumerate() {
            let name = String::from_utf8_lossy(name).trim().to_ascii_lowercase();
            if !name.is_empty() {
                columns.entry(name).or_insert(i);
            }
        }
        let mut rows = Vec::new();
        let mut lossy = Vec::new();
        let mut cut = Vec::new();
        let mut record = csv::ByteRecord::new();
        loop {
            match reader.read_byte_record(&mut record) {
                Ok(false) => break,
                Ok(true) => {}
                Err(e) => return Err(csv_error(&file, rows.len() + 1, e)),
            }
            if record
                .iter()
                .all(|field| field.iter().all(u8::is_ascii_whitespace))
            {
                continue;
            }
            let (text, replaced) = match csv::StringRecord::from_byte_record(record.clone()) {
                Ok(text) => (text, false),
                Err(_) => (
                    record
                        .iter()
                        .map(|f| String::from_utf8_lossy(f).into_owned())
                        .collect(),
                    true,
                ),
            };
            let (text, long) = cut_long_fields(text);
            rows.push(text);
            lossy.push(replaced);
            cut.push(long);
        }
        Ok(Table {
            file,
            columns,
            rows,
            lossy,
            cut,
        })
    }

    /// Whether the table has a column called `name`.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.columns.contains_key(name)
    }

    /// The column names, in file order.
    pub(crate) fn column_names(&self) -> Vec<&str> {
        let mut names: Vec<(&usize, &String)> = self.columns.iter().map(|(k, v)| (v, k)).collect();
        names.sort();
        names.into_iter().map(|(_, name)| name.as_str()).collect()
    }

    /// Data rows.
    pub(crate) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The data rows, numbered from 1.
    pub(crate) fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        self.rows
            .iter()
            .zip(&self.lossy)
            .zip(&self.cut)
            .enumerate()
            .map(|(i, ((record, &lossy), cut))| Row {
                number: i + 1,
                lossy,
                record,
                columns: &self.columns,
                cut,
            })
    }

    /// An error for a table that lacks a column it cannot do without.
    pub(crate) fn missing_column(&self, column: &str) -> Error {
        Error::invalid_input(format!(
            "{}: no \"{column}\" column (columns: {})",
            self.file,
            self.column_names().join(", ")
        ))
    }
}

impl<'t> Row<'t> {
    /// What is wrong with the row's fields, as (column, reason): fields cut
    /// to [`MAX_FIELD_BYTES`](crate::MAX_FIELD_BYTES) and fields holding HTML
    /// markup (kept as text).
    pub(crate) fn findings(&self) -> Vec<(String, String)> {
        let name = |i: usize| {
            self.columns
                .iter()
                .find(|&(_, &c)| c == i)
                .map_or_else(|| format!("column {}", i + 1), |(n, _)| n.clone())
        };
        let mut findings = Vec::new();
        for &(i, length) in self.cut {
            let kept = self.record.get(i).map_or(0, str::len);
            findings.push((
                name(i),
                format!("is {length} bytes long; only the first {kept} are kept"),
            ));
        }
        for (i, field) in self.record.iter().enumerate() {
            if let Some(tag) = super::screen::html_tag(field) {
                findings.push((name(i), format!("holds HTML markup ({tag}), kept as text")));
            }
        }
        findings
    }

    /// The field as written, trimmed; `None` when the column is absent or
    /// the field blank.
    pub(crate) fn raw(&self, column: &str) -> Option<&'t str> {
        let i = *self.columns.get(column)?;
        let field = self.record.get(i)?.trim();
        (!field.is_empty()).then_some(field)
    }

    /// The first of `columns` that holds a value, as written.
    pub(crate) fn raw_any(&self, columns: &[&str]) -> Option<&'t str> {
        columns.iter().find_map(|c| self.raw(c))
    }

    /// One-line text, cleaned ([`clean::line`]).
    pub(crate) fn line(&self, column: &str) -> Option<String> {
        self.raw(column).and_then(clean::line)
    }

    /// The first of `columns` with a value, as one-line text.
    pub(crate) fn line_any(&self, columns: &[&str]) -> Option<String> {
        columns.iter().find_map(|c| self.line(c))
    }

    /// Prose, cleaned ([`clean::prose`]).
    pub(crate) fn prose(&self, column: &str) -> Option<String> {
        self.raw(column).and_then(clean::prose)
    }

    /// The first of `columns` with a value, as prose.
    pub(crate) fn prose_any(&self, columns: &[&str]) -> Option<String> {
        columns.iter().find_map(|c| self.prose(c))
    }
}

/// The record with each field over [`MAX_FIELD_BYTES`](crate::MAX_FIELD_BYTES)
/// cut there, and which were cut (column, length as written).
fn cut_long_fields(record: csv::StringRecord) -> (csv::StringRecord, Vec<(usize, usize)>) {
    if record.iter().all(|f| f.len() <= crate::MAX_FIELD_BYTES) {
        return (record, Vec::new());
    }
    let mut cut = Vec::new();
    let fields: Vec<String> = record
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let mut field = field.to_owned();
            if let Some(length) = super::screen::cut(&mut field) {
                cut.push((i, length));
            }
            field
        })
        .collect();
    (fields.into_iter().collect(), cut)
}

fn guess_delimiter(bytes: &[u8]) -> u8 {
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or(b"");
    let count = |d: u8| header.iter().filter(|&&b| b == d).count();
    if count(b',') == 0 {
        if count(b';') > 0 {
            return b';';
        }
        if count(b'\t') > 0 {
            return b'\t';
        }
    }
    b','
}

fn csv_error(file: &str, row: usize, e: csv::Error) -> Error {
    let at = if row == 0 {
        "the header".to_owned()
    } else {
        format!("row {row}")
    };
    Error::invalid_input(format!("{file} {at}: not readable as CSV")).with_source(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exports_as_they_come() {
        let bytes = b"\xEF\xBB\xBFId ; Name;Extra\n1;Food Bank\n\n;;\n2;Caf\xE9;x;y\n";
        let table = Table::parse("s.csv".into(), bytes, None).unwrap();
        assert!(table.has("id") && table.has("name"));
        let rows: Vec<Row> = table.rows().collect();
        assert_eq!(rows.len(), 2, "blank rows are skipped");
        assert_eq!(
            (rows[0].number, rows[0].raw("name"), rows[0].raw("extra")),
            (1, Some("Food Bank"), None)
        );
        assert_eq!(rows[1].number, 2);
        assert!(rows[1].lossy);
        assert_eq!(rows[1].raw("name"), Some("Caf\u{fffd}"));
    }

    #[test]
    fn long_fields_are_cut_and_markup_found() {
        let long = "x".repeat(crate::MAX_FIELD_BYTES + 10);
        let bytes = format!("id,name,description\n1,<b>Food</b>,{long}\n2,Shelter,a < b\n");
        let table = Table::parse("s.csv".into(), bytes.as_bytes(), None).unwrap();
        let rows: Vec<Row> = table.rows().collect();
        assert_eq!(
            rows[0].raw("description").unwrap().len(),
            crate::MAX_FIELD_BYTES
        );
        assert_eq!(
            rows[0].findings(),
            [
                (
                    "description".to_owned(),
                    format!(
                        "is {} bytes long; only the first {} are kept",
                        crate::MAX_FIELD_BYTES + 10,
                        crate::MAX_FIELD_BYTES
                    )
                ),
                (
                    "name".to_owned(),
                    "holds HTML markup (<b>), kept as text".to_owned()
                ),
            ]
        );
        assert_eq!(rows[1].findings(), []);
    }

    #[test]
    fn quoted_fields_with_line_breaks() {
        let bytes = b"id,description\n1,\"Hot meals.\n\nCall first.\"\n2,\"Say \"\"hi\"\"\"\n";
        let table = Table::parse("s.csv".into(), bytes, None).unwrap();
        let rows: Vec<Row> = table.rows().collect();
        assert_eq!(
            rows[0].prose("description").as_deref(),
            Some("Hot meals.\n\nCall first.")
        );
        assert_eq!(rows[1].raw("description"), Some("Say \"hi\""));
        assert_eq!(
            table.missing_column("name").to_string(),
            "s.csv: no \"name\" column (columns: id, description)"
        );
    }
}
