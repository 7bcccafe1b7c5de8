//! Taxonomy tables: vocabularies, terms with their parents (HSDS 3
//! `taxonomy_terms`, HSDS 1 and Ohana `taxonomy`), and the links that file a
//! service under a term (`attributes`, `services_taxonomy`, `taxonomy_ids`).

use super::*;

impl Join<'_> {
    pub(super) fn vocabulary(&mut self, row: &Row) -> Outcome {
        match (row.line("id"), row.line("name")) {
            (Some(id), Some(name)) => {
                self.vocabularies.insert(id, name);
                Outcome::Used
            }
            _ => Outcome::Unused,
        }
    }

    pub(super) fn term(&mut self, row: &Row) -> Outcome {
        let Some(name) = row.line("name") else {
            return Outcome::Unused;
        };
        let Some(id) = row.line_any(self.layout.term_id_columns) else {
            return Outcome::Unused;
        };
        // HSDS 1.x has no code column: a term's id is its code (an AIRS code
        // such as "BD-1800.2000") unless it is a generated UUID.
        let code = row
            .line_any(self.layout.term_code_columns)
            .or_else(|| (!is_uuid(&id)).then(|| id.clone()));
        let vocabulary = row
            .line_any(self.layout.term_vocabulary_columns)
            .or_else(|| {
                row.line("taxonomy_id")
                    .and_then(|t| self.vocabularies.get(&t).cloned())
            });
        let parent = row.line("parent_id");
        self.taxonomy.add(Term {
            id,
            code,
            name,
            parent,
            vocabulary,
        });
        Outcome::Used
    }

    /// Parents named by id and name but absent from the table ("P",
    /// "Individual and Family Life" in Miami's AIRS terms) become terms.
    pub(super) fn add_missing_parents(&mut self, table: &Table) {
        let mut missing: Vec<Term> = Vec::new();
        for row in table.rows() {
            let (Some(parent), Some(parent_name)) =
                (row.line("parent_id"), row.line("parent_name"))
            else {
                continue;
            };
            if self.taxonomy.get(&parent).is_none() && !missing.iter().any(|t| t.id == parent) {
                missing.push(Term {
                    code: (!is_uuid(&parent)).then(|| parent.clone()),
                    id: parent,
                    name: parent_name,
                    parent: None,
                    vocabulary: row.line_any(self.layout.term_vocabulary_columns),
                });
            }
        }
        for term in missing {
            self.taxonomy.add(term);
        }
    }

    pub(super) fn term_link(&mut self, table: &Table, row: &Row) -> Outcome {
        let entity = row.line("link_entity").map(|e| e.to_lowercase());
        if entity.as_deref().is_some_and(|e| {
            matches!(
                e,
                "location" | "organization" | "service_at_location" | "phone"
            )
        }) {
            return Outcome::Unused;
        }
        let service_column = if row.raw("service_id").is_some() {
            "service_id"
        } else {
            "link_id"
        };
        let i = match self.service_of(table, row, service_column, "taxonomy link") {
            Ok(i) => i,
            Err(outcome) => return outcome,
        };
        let Some(term_id) = row.line_any(&["taxonomy_term_id", "taxonomy_id"]) else {
            return self.reject(
                table,
                row,
                "taxonomy_id",
                "taxonomy link names no term".into(),
            );
        };
        if self.taxonomy.get(&term_id).is_none() && is_uuid(&term_id) {
            return self.reject(
                table,
                row,
                "taxonomy_id",
                format!("taxonomy term {term_id} is not in the taxonomy table"),
            );
        }
        self.categorise(i, &term_id, &table.file, row.number, "taxonomy_id");
        Outcome::Used
    }

    /// Files service `i` under the term with this id; a term missing from
    /// the taxonomy table is kept as a code and reported.
    pub(super) fn categorise(&mut self, i: usize, id: &str, file: &str, row: usize, field: &str) {
        let term = match self.taxonomy.get(id) {
            Some(term) => term.clone(),
            None => {
                let reason =
                    format!("taxonomy term {id} is not in the taxonomy table; kept as a code");
                self.warn(file, row, Some(field), reason);
                Term {
                    id: id.to_owned(),
                    code: Some(id.to_owned()),
                    name: id.to_owned(),
                    parent: None,
                    vocabulary: None,
                }
            }
        };
        if term
            .vocabulary
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("gender"))
        {
            match term
                .code
                .as_deref()
                .and_then(Gender::parse)
                .or_else(|| Gender::parse(&term.name))
            {
                Some(gender) => self.drafts[i].service.eligibility.genders.push(gender),
                None => {
                    let reason = format!("gender \"{}\" is not female, male or other", term.name);
                    self.warn(file, row, Some(field), reason);
                }
            }
            return;
        }
        let category = crate::taxonomy::category(&term, &self.taxonomy);
        let categories = &mut self.drafts[i].service.categories;
        if !categories.contains(&category) {
            categories.push(category);
        }
    }
}
