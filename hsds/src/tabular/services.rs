//! Service rows, and the links that put a service at its locations.

use super::*;

impl Join<'_> {
    pub(super) fn service(&mut self, table: &Table, row: &Row) -> Outcome {
        self.report.services_read += 1;
        let reject = |this: &mut Self, field: &str, reason: String| {
            this.report.reject(Problem {
                file: table.file.clone(),
                row: Some(row.number),
                field: Some(field.to_owned()),
                reason,
                rejected: true,
            });
            Outcome::Rejected
        };
        let Some(id) = row.line("id") else {
            return reject(self, "id", "service has no id".into());
        };
        let Some(name) = row.line("name") else {
            return reject(self, "name", format!("service {id} has no name"));
        };
        if let Some(&first) = self.by_id.get(&id) {
            let first = self.drafts[first].row;
            return reject(
                self,
                "id",
                format!("service id {id} appears twice (first at row {first}); the first is kept"),
            );
        }
        let status = match row.raw("status") {
            None => Status::Active,
            Some(text) => Status::parse(text).unwrap_or_else(|| {
                self.warn(
                    &table.file,
                    row.number,
                    Some("status"),
                    format!("status \"{text}\" is not active, inactive, defunct or temporarily closed; taken as active"),
                );
                Status::Active
            }),
        };
        let mut service = Service {
            id: id.clone(),
            name,
            alternate_names: row.line("alternate_name").into_iter().collect(),
            description: row.prose("description"),
            url: row.line_any(&["url", "website"]),
            email: row.line("email"),
            status,
            application_process: row.prose("application_process"),
            fees_description: row.prose_any(&["fees_description", "fees"]),
            last_verified: row.line("assured_date").or_else(|| {
                row.line("last_modified")
                    .map(|d| d.chars().take(10).collect())
            }),
            keywords: row
                .raw("keywords")
                .map(|k| k.split(',').filter_map(crate::clean::line).collect())
                .unwrap_or_default(),
            required_documents: row.prose("required_documents").into_iter().collect(),
            ..Service::default()
        };
        service.eligibility.description =
            row.prose_any(&["eligibility_description", "eligibility"]);
        let min = self.age_column(table, row, "minimum_age");
        let max = self.age_column(table, row, "maximum_age");
        let structured = match ages::range(min, max) {
            Ok(range) => range,
            Err(reason) => {
                self.warn(&table.file, row.number, Some("minimum_age"), reason);
                None
            }
        };
        service.eligibility.ages = structured.or_else(|| {
            service
                .eligibility
                .description
                .as_deref()
                .and_then(ages::from_text)
        });
        if let Some(text) = row.raw("languages") {
            service.languages = self.languages_from_text(table, row, "languages", text);
        }
        let mut draft = Draft {
            service,
            file: table.file.clone(),
            row: row.number,
            organization_id: row.line("organization_id"),
            program_id: row.line("program_id"),
            locations: Vec::new(),
            hours: Hours::default(),
            link_hours: Hours::default(),
            option_cost: Cost::Unknown,
            category_ages: Vec::new(),
        };
        // Ohana: a service sits at one location, named on its row.
        if let Some(location_id) = row.line("location_id") {
            if self.sites.contains_key(&location_id) {
                draft.locations.push(location_id.clone());
                self.at_location
                    .entry(location_id)
                    .or_default()
                    .push(self.drafts.len());
            } else {
                self.warn(
                    &table.file,
                    row.number,
                    Some("location_id"),
                    format!("location {location_id} is not in locations; service kept without it"),
                );
            }
        }
        let at = self.drafts.len();
        self.by_id.insert(id, at);
        self.drafts.push(draft);
        // HSDS 1: a deprecated comma-separated list of taxonomy ids.
        if let Some(ids) = row.raw("taxonomy_ids") {
            for id in ids.split(',').filter_map(crate::clean::line) {
                self.categorise(at, &id, &table.file, row.number, "taxonomy_ids");
            }
        }
        Outcome::Used
    }

    pub(super) fn age_column(&mut self, table: &Table, row: &Row, column: &str) -> Option<u8> {
        let text = row.raw(column)?;
        let years = text
            .parse::<f64>()
            .map_err(|_| format!("{column} \"{text}\" is not a number"))
            .and_then(|n| {
                ages::years(n).map_err(|_| format!("{column} \"{text}\" is not an age in years"))
            });
        match years {
            Ok(years) => Some(years),
            Err(reason) => {
                self.warn(&table.file, row.number, Some(column), reason);
                None
            }
        }
    }

    pub(super) fn languages_from_text(
        &mut self,
        table: &Table,
        row: &Row,
        column: &str,
        text: &str,
    ) -> Vec<Language> {
        let languages = crate::lang::from_text(text);
        for language in &languages {
            if language.code.is_none() && !crate::lang::is_note(&language.name) {
                self.warn(
                    &table.file,
                    row.number,
                    Some(column),
                    format!(
                        "language \"{}\" is not a known language; kept as text",
                        language.name
                    ),
                );
            }
        }
        languages
    }

    pub(super) fn link(&mut self, table: &Table, row: &Row) -> Outcome {
        let service = match self.service_of(table, row, "service_id", "service_at_location") {
            Ok(i) => i,
            Err(outcome) => return outcome,
        };
        let Some(location_id) = row.line("location_id") else {
            return self.reject(
                table,
                row,
                "location_id",
                "service_at_location names no location".into(),
            );
        };
        if !self.sites.contains_key(&location_id) {
            let id = &self.drafts[service].service.id;
            let reason = format!("location {location_id} of service {id} is not in locations");
            return self.reject(table, row, "location_id", reason);
        }
        if let Some(id) = row.line("id") {
            self.links.insert(id, service);
        }
        let draft = &mut self.drafts[service];
        if !draft.locations.contains(&location_id) {
            draft.locations.push(location_id.clone());
            self.at_location
                .entry(location_id)
                .or_default()
                .push(service);
        }
        Outcome::Used
    }
}
