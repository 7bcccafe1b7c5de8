//! The Open Eligibility taxonomy: the real category terms services are
//! classified under.
//!
//! The flat CSV (`taxonomy_id,name,parent_id,parent_name`, from Code for
//! America's ohana-api) is bundled in `data/open_eligibility_flat.csv`;
//! its `taxonomy_id` is the term's code.

use std::collections::BTreeMap;
use std::io::Read;

use crate::columns;
use crate::error::Error;
use crate::hsds::TaxonomyTerm;

/// The bundled Open Eligibility taxonomy, 290 terms (CC BY-SA 3.0).
pub const OPEN_ELIGIBILITY_CSV: &str = include_str!("../data/open_eligibility_flat.csv");

/// The vocabulary name written in every term's `taxonomy` field.
pub const OPEN_ELIGIBILITY: &str = "Open Eligibility";

/// A taxonomy: terms by code.
#[derive(Debug, Clone)]
pub struct Taxonomy {
    terms: BTreeMap<String, Term>,
}

#[derive(Debug, Clone)]
struct Term {
    name: String,
    parent: Option<String>,
}

impl Taxonomy {
    /// The bundled Open Eligibility taxonomy.
    ///
    /// # Errors
    ///
    /// Only if the bundled file were malformed, which the crate's tests rule out.
    pub fn open_eligibility() -> Result<Taxonomy, Error> {
        Taxonomy::from_csv("open_eligibility_flat.csv", OPEN_ELIGIBILITY_CSV.as_bytes())
    }

    /// Reads a flat taxonomy CSV with columns `taxonomy_id`, `name` and
    /// `parent_id`; `file` names the source in error messages.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidData`](crate::ErrorKind::InvalidData) for a
    /// missing column, an empty code or name, a duplicate code, or a parent
    /// code that is not in the file; [`ErrorKind::Io`](crate::ErrorKind::Io)
    /// if `input` cannot be read.
    pub fn from_csv(file: &str, input: impl Read) -> Result<Taxonomy, Error> {
        let mut reader = csv::Reader::from_reader(input);
        let [code_at, name_at, parent_at] =
            columns::locate(file, &mut reader, ["taxonomy_id", "name", "parent_id"])?;
        let mut terms = BTreeMap::new();
        for record in reader.records() {
            let record = record.map_err(|e| Error::csv(file, e))?;
            let row = record.position().map_or(0, |p| p.line());
            let field = |at: usize| record.get(at).unwrap_or("").trim();
            let (code, name, parent) = (field(code_at), field(name_at), field(parent_at));
            if code.is_empty() || name.is_empty() {
                return Err(Error::invalid_data(format!(
                    "{file} row {row}: empty taxonomy_id or name"
                )));
            }
            let term = Term {
                name: name.to_string(),
                parent: (!parent.is_empty()).then(|| parent.to_string()),
            };
            if terms.insert(code.to_string(), term).is_some() {
                return Err(Error::invalid_data(format!(
                    "{file} row {row}: taxonomy_id \"{code}\" appears twice"
                )));
            }
        }
        for (code, term) in &terms {
            if let Some(parent) = &term.parent {
                if !terms.contains_key(parent) {
                    return Err(Error::invalid_data(format!(
                        "{file}: term \"{code}\" names parent_id \"{parent}\", which is not in the file"
                    )));
                }
            }
        }
        Ok(Taxonomy { terms })
    }

    /// How many terms there are.
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    /// Whether there are no terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Whether `code` is a term of this taxonomy.
    pub fn contains(&self, code: &str) -> bool {
        self.terms.contains_key(code)
    }

    /// The name of the term `code`.
    pub fn name(&self, code: &str) -> Option<&str> {
        self.terms.get(code).map(|t| t.name.as_str())
    }

    /// The HSDS taxonomy term for `code`, with its parent's id (the parent's code).
    ///
    /// # Errors
    ///
    /// [`ErrorKind::InvalidData`](crate::ErrorKind::InvalidData) if `code`
    /// is not a term of this taxonomy.
    pub fn term(&self, code: &str) -> Result<TaxonomyTerm, Error> {
        let term = self.terms.get(code).ok_or_else(|| {
            Error::invalid_data(format!("\"{code}\" is not an Open Eligibility code"))
        })?;
        Ok(TaxonomyTerm {
            id: code.to_string(),
            code: code.to_string(),
            name: term.name.clone(),
            parent_id: term.parent.clone(),
            taxonomy: OPEN_ELIGIBILITY.to_string(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn the_bundled_taxonomy_has_every_term() {
        let taxonomy = Taxonomy::open_eligibility().unwrap();
        assert_eq!(taxonomy.len(), 290);
        let term = taxonomy.term("102-04").unwrap();
        assert_eq!(term.name, "Food Pantry");
        assert_eq!(term.parent_id.as_deref(), Some("102"));
        assert_eq!(term.taxonomy, "Open Eligibility");
        assert_eq!(taxonomy.term("102").unwrap().parent_id, None);
    }

    #[test]
    fn an_unknown_code_is_an_error() {
        let taxonomy = Taxonomy::open_eligibility().unwrap();
        let err = taxonomy.term("999-99").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidData);
        assert!(err.to_string().contains("999-99"), "{err}");
    }

    #[test]
    fn bad_rows_are_reported_with_file_and_row() {
        let csv = "taxonomy_id,name,parent_id\n101,Emergency,\n,Nameless,101\n";
        let err = Taxonomy::from_csv("tax.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), "tax.csv row 3: empty taxonomy_id or name");

        let csv = "taxonomy_id,name\n101,Emergency\n";
        let err = Taxonomy::from_csv("tax.csv", csv.as_bytes()).unwrap_err();
        assert_eq!(err.to_string(), "tax.csv: no column \"parent_id\"");

        let csv = "taxonomy_id,name,parent_id\n101-01,Disaster Response,101\n";
        let err = Taxonomy::from_csv("tax.csv", csv.as_bytes()).unwrap_err();
        assert!(err.to_string().contains("parent_id \"101\""), "{err}");
    }
}
