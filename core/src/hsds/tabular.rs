//! Joining the CSV tables of a tabular export into [`Service`]s: the part
//! HSDS 3.x CSV, HSDS 1.x–2.0 data packages and Ohana CSV share.
//!
//! Tables are found by [`Layout`] (each format says which file holds which
//! table) and read in dependency order: taxonomies, terms, organizations,
//! locations and what hangs on them, services, then everything that names a
//! service. Columns are looked up by name, under the names every generation
//! gives them (`fees_description` or `fees`, `byday` or `weekday`, `name` +
//! `code` or `language`…), so a table that mixes generations still reads.
//!
//! Nothing is dropped silently. A row whose reference is broken (a service
//! naming a missing organization, a schedule naming a missing service) is
//! reported with file, row and reason; the service keeps everything else it
//! has. Only a service without id or name, or a second service with the same
//! id, is rejected.

use std::collections::{HashMap, HashSet};

use super::schedule::{Hours, Rule};
use super::source::Source;
use super::table::{Row, Table};
use super::taxonomy::{Taxonomy, Term};
use super::{access, address, ages, cost, Import};
use crate::error::Result;
use crate::model::{
    Accessibility, AgeRange, Category, Cost, Gender, Language, Location, Organization, Phone,
    Service, Status,
};
use crate::report::{Problem, Report, TableCount};

/// The tables of a tabular export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// HSDS 3 `taxonomies`: vocabularies by id.
    Vocabularies,
    /// `taxonomy_terms` (HSDS 3) or `taxonomy` (HSDS 1, Ohana).
    Terms,
    /// `organizations`.
    Organizations,
    /// `locations`.
    Locations,
    /// `addresses` (HSDS 3, Ohana) or `physical_addresses` (HSDS 1).
    Addresses,
    /// `accessibility` (HSDS 3) or `accessibility_for_disabilities` (HSDS 1).
    Accessibility,
    /// `services`.
    Services,
    /// `service_at_location` (HSDS 3) or `services_at_location` (HSDS 1).
    Links,
    /// `phones`.
    Phones,
    /// `schedules` (HSDS 3) or `regular_schedules` (HSDS 1, Ohana).
    Schedules,
    /// `languages`.
    Languages,
    /// `eligibility` (HSDS 1).
    Eligibility,
    /// `attributes` (HSDS 3) or `services_taxonomy` (HSDS 1).
    TermLinks,
    /// `cost_options` (HSDS 3).
    CostOptions,
    /// `required_documents`.
    Documents,
}

impl Kind {
    /// Every table, in reading order.
    pub(crate) const ALL: [Kind; 15] = [
        Kind::Vocabularies,
        Kind::Terms,
        Kind::Organizations,
        Kind::Locations,
        Kind::Addresses,
        Kind::Accessibility,
        Kind::Services,
        Kind::Links,
        Kind::Phones,
        Kind::Schedules,
        Kind::Languages,
        Kind::Eligibility,
        Kind::TermLinks,
        Kind::CostOptions,
        Kind::Documents,
    ];

    /// The file names the table goes by, preferred first.
    pub(crate) fn file_names(self) -> &'static [&'static str] {
        match self {
            Kind::Vocabularies => &["taxonomies.csv"],
            Kind::Terms => &["taxonomy_terms.csv", "taxonomy.csv", "taxonomies_terms.csv"],
            Kind::Organizations => &["organizations.csv"],
            Kind::Locations => &["locations.csv"],
            Kind::Addresses => &["addresses.csv", "physical_addresses.csv"],
            Kind::Accessibility => &["accessibility.csv", "accessibility_for_disabilities.csv"],
            Kind::Services => &["services.csv"],
            Kind::Links => &[
                "service_at_location.csv",
                "services_at_location.csv",
                "service_at_locations.csv",
            ],
            Kind::Phones => &["phones.csv"],
            Kind::Schedules => &["schedules.csv", "regular_schedules.csv"],
            Kind::Languages => &["languages.csv"],
            Kind::Eligibility => &["eligibility.csv"],
            Kind::TermLinks => &[
                "attributes.csv",
                "services_taxonomy.csv",
                "service_taxonomy.csv",
            ],
            Kind::CostOptions => &["cost_options.csv"],
            Kind::Documents => &["required_documents.csv"],
        }
    }
}

/// Which file holds which table, and the quirks of a format.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    /// Relative path of each table present.
    pub files: HashMap<Kind, String>,
    /// The field delimiter, when the format declares one.
    pub delimiter: Option<u8>,
    /// Columns of the terms table that hold a term's id, preferred first:
    /// the id that parents and links name.
    pub term_id_columns: &'static [&'static str],
    /// Columns of the terms table that hold a term's code, preferred first.
    pub term_code_columns: &'static [&'static str],
    /// Columns of the terms table that name its vocabulary, preferred first.
    pub term_vocabulary_columns: &'static [&'static str],
}

impl Layout {
    /// Finds every table by its usual file names.
    pub(crate) fn by_file_names(source: &Source) -> Layout {
        let mut files = HashMap::new();
        for kind in Kind::ALL {
            if let Some(found) = kind.file_names().iter().find_map(|name| source.find(name)) {
                files.insert(kind, found.to_owned());
            }
        }
        Layout {
            files,
            delimiter: None,
            term_id_columns: &["id", "code"],
            term_code_columns: &["code"],
            term_vocabulary_columns: &["taxonomy", "vocabulary"],
        }
    }
}

/// A location under construction, with what hangs on it.
#[derive(Debug, Default)]
struct Site {
    location: Location,
    organization_id: Option<String>,
    accessibility: Accessibility,
    languages: Vec<Language>,
    hours: Hours,
    phones: Vec<Phone>,
    has_address: bool,
    has_physical_address: bool,
}

/// A service under construction.
#[derive(Debug)]
struct Draft {
    service: Service,
    file: String,
    row: usize,
    organization_id: Option<String>,
    locations: Vec<String>,
    hours: Hours,
    link_hours: Hours,
    option_cost: Cost,
    category_ages: Vec<AgeRange>,
}

/// Tables joined so far.
pub(crate) struct Join<'s> {
    source: &'s Source,
    layout: Layout,
    report: Report,
    counts: HashMap<String, usize>,
    vocabularies: HashMap<String, String>,
    taxonomy: Taxonomy,
    organizations: HashMap<String, Organization>,
    organization_phones: HashMap<String, Vec<Phone>>,
    sites: HashMap<String, Site>,
    drafts: Vec<Draft>,
    by_id: HashMap<String, usize>,
    links: HashMap<String, usize>,
    at_location: HashMap<String, Vec<usize>>,
}

/// What became of one row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Used,
    Rejected,
    Unused,
}

impl<'s> Join<'s> {
    /// Reads every table of `layout` from `source`.
    ///
    /// # Errors
    /// When a table cannot be read or parsed, or `services` lacks an `id`
    /// or `name` column; see [`Table::read`].
    pub(crate) fn read(source: &'s Source, layout: Layout) -> Result<Join<'s>> {
        let mut join = Join {
            source,
            layout,
            report: Report::default(),
            counts: HashMap::new(),
            vocabularies: HashMap::new(),
            taxonomy: Taxonomy::default(),
            organizations: HashMap::new(),
            organization_phones: HashMap::new(),
            sites: HashMap::new(),
            drafts: Vec::new(),
            by_id: HashMap::new(),
            links: HashMap::new(),
            at_location: HashMap::new(),
        };
        for kind in Kind::ALL {
            let Some(relative) = join.layout.files.get(&kind).cloned() else {
                continue;
            };
            let table = Table::read(source, &relative, join.layout.delimiter)?;
            if kind == Kind::Services {
                for column in ["id", "name"] {
                    if !table.has(column) {
                        return Err(table.missing_column(column));
                    }
                }
            }
            join.table(kind, &table);
        }
        Ok(join)
    }

    /// Adds a category to a service, by the service's id; `false` when no
    /// service has that id.
    pub(crate) fn add_category(&mut self, service_id: &str, category: Category) -> bool {
        let Some(&i) = self.by_id.get(service_id) else {
            return false;
        };
        let categories = &mut self.drafts[i].service.categories;
        if !categories.contains(&category) {
            categories.push(category);
        }
        true
    }

    /// Files a service, by id, under a taxonomy term, by id; a term missing
    /// from the taxonomy table is kept as a code and reported. `false` when
    /// no service has that id.
    pub(crate) fn categorise_by_id(&mut self, service_id: &str, term_id: &str) -> bool {
        let Some(&i) = self.by_id.get(service_id) else {
            return false;
        };
        let (file, row) = (self.drafts[i].file.clone(), self.drafts[i].row);
        self.categorise(i, term_id, &file, row, "categories");
        true
    }

    /// Whether a service with this id was read.
    pub(crate) fn has_service(&self, service_id: &str) -> bool {
        self.by_id.contains_key(service_id)
    }

    /// The report so far, for format-specific extras to add to.
    pub(crate) fn report_mut(&mut self) -> &mut Report {
        &mut self.report
    }

    /// Counts the rows of a table this crate does not read.
    pub(crate) fn count_unread(&mut self, relative: &str) -> Result<()> {
        let table = Table::read(self.source, relative, self.layout.delimiter)?;
        self.report.tables.push(TableCount {
            file: table.file.clone(),
            read: table.len(),
            used: 0,
            rejected: 0,
            imported: false,
        });
        Ok(())
    }

    /// Counts and reports a table read by a format's own code.
    pub(crate) fn count_table(&mut self, count: TableCount) {
        self.report.tables.push(count);
    }

    fn table(&mut self, kind: Kind, table: &Table) {
        let at = self.report.tables.len();
        self.report.tables.push(TableCount {
            file: table.file.clone(),
            read: table.len(),
            imported: true,
            ..TableCount::default()
        });
        self.counts.insert(table.file.clone(), at);
        for row in table.rows() {
            if row.lossy {
                self.warn(
                    &table.file,
                    row.number,
                    None,
                    "some bytes are not UTF-8 and were replaced".into(),
                );
            }
            let outcome = match kind {
                Kind::Vocabularies => self.vocabulary(&row),
                Kind::Terms => self.term(&row),
                Kind::Organizations => self.organization(table, &row),
                Kind::Locations => self.location(table, &row),
                Kind::Addresses => self.address(table, &row),
                Kind::Accessibility => self.accessibility(table, &row),
                Kind::Services => self.service(table, &row),
                Kind::Links => self.link(table, &row),
                Kind::Phones => self.phone(table, &row),
                Kind::Schedules => self.schedule(table, &row),
                Kind::Languages => self.language(table, &row),
                Kind::Eligibility => self.eligibility(table, &row),
                Kind::TermLinks => self.term_link(table, &row),
                Kind::CostOptions => self.cost_option(table, &row),
                Kind::Documents => self.document(table, &row),
            };
            let count = &mut self.report.tables[at];
            match outcome {
                Outcome::Used => count.used += 1,
                Outcome::Rejected => count.rejected += 1,
                Outcome::Unused => {}
            }
        }
        if kind == Kind::Terms {
            self.add_missing_parents(table);
        }
    }

    fn problem(
        &mut self,
        file: &str,
        row: usize,
        field: Option<&str>,
        reason: String,
        rejected: bool,
    ) {
        self.report.problems.push(Problem {
            file: file.to_owned(),
            row: Some(row),
            field: field.map(str::to_owned),
            reason,
            rejected,
        });
    }

    fn warn(&mut self, file: &str, row: usize, field: Option<&str>, reason: String) {
        self.problem(file, row, field, reason, false);
    }

    /// Reports a row that cannot be used.
    fn reject(&mut self, table: &Table, row: &Row, field: &str, reason: String) -> Outcome {
        self.problem(&table.file, row.number, Some(field), reason, true);
        Outcome::Rejected
    }

    // ---- reference tables -------------------------------------------------

    fn vocabulary(&mut self, row: &Row) -> Outcome {
        match (row.line("id"), row.line("name")) {
            (Some(id), Some(name)) => {
                self.vocabularies.insert(id, name);
                Outcome::Used
            }
            _ => Outcome::Unused,
        }
    }

    fn term(&mut self, row: &Row) -> Outcome {
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
    fn add_missing_parents(&mut self, table: &Table) {
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

    fn organization(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(id) = row.line("id") else {
            return self.reject(table, row, "id", "organization has no id".into());
        };
        let Some(name) = row.line("name") else {
            return self.reject(table, row, "name", format!("organization {id} has no name"));
        };
        if self.organizations.contains_key(&id) {
            return self.reject(
                table,
                row,
                "id",
                format!("organization id {id} appears twice; the first is kept"),
            );
        }
        let url = row.line_any(&["url", "website"]);
        self.organizations
            .insert(id.clone(), Organization { id, name, url });
        Outcome::Unused
    }

    fn location(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(id) = row.line("id") else {
            return self.reject(table, row, "id", "location has no id".into());
        };
        if self.sites.contains_key(&id) {
            return self.reject(
                table,
                row,
                "id",
                format!("location id {id} appears twice; the first is kept"),
            );
        }
        let coordinate = |this: &mut Self, column: &str| -> Option<f64> {
            let text = row.raw(column)?;
            match text.parse::<f64>() {
                Ok(value) if value.is_finite() => Some(value),
                _ => {
                    this.warn(
                        &table.file,
                        row.number,
                        Some(column),
                        format!("{column} \"{text}\" is not a number"),
                    );
                    None
                }
            }
        };
        let lat = coordinate(self, "latitude");
        let lon = coordinate(self, "longitude");
        let (lat, lon) = match (lat, lon) {
            (Some(lat), Some(lon)) if is_point(lat, lon) => (lat, lon),
            (Some(lat), Some(lon)) => {
                self.warn(
                    &table.file,
                    row.number,
                    Some("latitude"),
                    format!("location {id} at ({lat}, {lon}) is not a point on Earth; kept without coordinates"),
                );
                (f64::NAN, f64::NAN)
            }
            _ => (f64::NAN, f64::NAN),
        };
        let mut site = Site {
            location: Location {
                id: id.clone(),
                name: row.line("name"),
                lat,
                lon,
                ..Location::default()
            },
            organization_id: row.line("organization_id"),
            ..Site::default()
        };
        // Ohana keeps languages and accessibility on the location.
        if let Some(text) = row.raw("languages") {
            site.languages = self.languages_from_text(table, row, "languages", text);
        }
        if let Some(note) = row.prose("accessibility") {
            site.accessibility.wheelchair |= access::wheelchair(&note);
            site.accessibility.notes.push(note);
        }
        self.sites.insert(id, site);
        Outcome::Unused
    }

    fn address(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(location_id) = row.line("location_id") else {
            return self.reject(
                table,
                row,
                "location_id",
                "address names no location".into(),
            );
        };
        let Some(site) = self.sites.get_mut(&location_id) else {
            return self.reject(
                table,
                row,
                "location_id",
                format!("location {location_id} is not in locations"),
            );
        };
        let kind = row
            .line_any(&["address_type", "type"])
            .map(|t| t.to_lowercase());
        let physical = kind.as_deref().is_none_or(|k| k == "physical");
        if site.has_physical_address || (site.has_address && !physical) {
            return Outcome::Unused;
        }
        let location = &mut site.location;
        location.address = address::one_line(
            [
                "address_1",
                "address_2",
                "address_3",
                "address_4",
                "city",
                "state_province",
            ]
            .iter()
            .map(|c| row.line(c)),
        );
        location.city = row.line("city");
        location.region = row.line_any(&["state_province", "region"]);
        location.postal_code = row.line("postal_code");
        site.has_address = true;
        site.has_physical_address = physical;
        Outcome::Used
    }

    fn accessibility(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(location_id) = row.line("location_id") else {
            return self.reject(
                table,
                row,
                "location_id",
                "accessibility names no location".into(),
            );
        };
        let note = row.line_any(&["accessibility", "description"]);
        let details = row.line("details");
        let text = match (note, details) {
            (Some(note), Some(details)) => format!("{note}: {details}"),
            (Some(text), None) | (None, Some(text)) => text,
            (None, None) => return Outcome::Unused,
        };
        let Some(site) = self.sites.get_mut(&location_id) else {
            return self.reject(
                table,
                row,
                "location_id",
                format!("location {location_id} is not in locations"),
            );
        };
        site.accessibility.wheelchair |= access::wheelchair(&text);
        site.accessibility.notes.push(text);
        Outcome::Used
    }

    // ---- services ---------------------------------------------------------

    fn service(&mut self, table: &Table, row: &Row) -> Outcome {
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
                .map(|k| k.split(',').filter_map(super::clean::line).collect())
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
            for id in ids.split(',').filter_map(super::clean::line) {
                self.categorise(at, &id, &table.file, row.number, "taxonomy_ids");
            }
        }
        Outcome::Used
    }

    fn age_column(&mut self, table: &Table, row: &Row, column: &str) -> Option<u8> {
        let text = row.raw(column)?;
        let years = text
            .parse::<f64>()
            .map_err(|_| format!("{column} \"{text}\" is not a number"))
            .and_then(|n| ages::years(n).map_err(|reason| format!("{column} {reason}")));
        match years {
            Ok(years) => Some(years),
            Err(reason) => {
                self.warn(&table.file, row.number, Some(column), reason);
                None
            }
        }
    }

    fn languages_from_text(
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

    /// The service a row names by `service_id`, reporting a broken reference.
    fn service_of(&mut self, table: &Table, row: &Row, column: &str) -> Result<usize, Outcome> {
        let Some(id) = row.line(column) else {
            return Err(Outcome::Unused);
        };
        match self.by_id.get(&id) {
            Some(&i) => Ok(i),
            None => Err(self.reject(
                table,
                row,
                column,
                format!("service {id} is not in services"),
            )),
        }
    }

    fn link(&mut self, table: &Table, row: &Row) -> Outcome {
        let service = match self.service_of(table, row, "service_id") {
            Ok(i) => i,
            Err(Outcome::Unused) => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "service_at_location names no service".into(),
                )
            }
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

    /// Where a row that may name a service, a service at a location, a
    /// location or an organization belongs: the first of them that exists.
    /// Broken references on the way are reported.
    fn target(&mut self, table: &Table, row: &Row, organizations: bool) -> Option<Target> {
        let mut broken = Vec::new();
        let mut found = None;
        if let Some(id) = row.line("service_id") {
            match self.by_id.get(&id) {
                Some(&i) => found = Some(Target::Service(i)),
                None => broken.push(("service_id", format!("service {id} is not in services"))),
            }
        }
        if found.is_none() {
            if let Some(id) = row.line("service_at_location_id") {
                match self.links.get(&id) {
                    Some(&i) => found = Some(Target::Link(i)),
                    None => broken.push((
                        "service_at_location_id",
                        format!("service_at_location {id} is not in service_at_location"),
                    )),
                }
            }
        }
        if found.is_none() {
            if let Some(id) = row.line("location_id") {
                if self.sites.contains_key(&id) {
                    found = Some(Target::Location(id));
                } else {
                    broken.push(("location_id", format!("location {id} is not in locations")));
                }
            }
        }
        if found.is_none() && organizations {
            if let Some(id) = row.line("organization_id") {
                if self.organizations.contains_key(&id) {
                    found = Some(Target::Organization(id));
                } else {
                    broken.push((
                        "organization_id",
                        format!("organization {id} is not in organizations"),
                    ));
                }
            }
        }
        let rejected = found.is_none();
        for (field, reason) in broken {
            let reason = if rejected {
                reason
            } else {
                format!(
                    "{reason}; row kept for the {}",
                    found.as_ref().map_or("", Target::name)
                )
            };
            self.problem(&table.file, row.number, Some(field), reason, rejected);
        }
        found
    }

    fn phone(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(number) = row.line("number") else {
            return self.reject(table, row, "number", "phone has no number".into());
        };
        let phone = Phone {
            number,
            extension: row.line("extension"),
            kind: row.line_any(&["type", "number_type"]),
        };
        match self.target(table, row, true) {
            Some(Target::Service(i)) | Some(Target::Link(i)) => {
                self.drafts[i].service.phones.push(phone)
            }
            Some(Target::Location(id)) => self
                .sites
                .get_mut(&id)
                .expect("target exists")
                .phones
                .push(phone),
            Some(Target::Organization(id)) => {
                self.organization_phones.entry(id).or_default().push(phone)
            }
            None if has_any(
                row,
                &[
                    "service_id",
                    "service_at_location_id",
                    "location_id",
                    "organization_id",
                ],
            ) =>
            {
                return Outcome::Rejected
            }
            None => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "phone names no service, location or organization".into(),
                )
            }
        }
        Outcome::Used
    }

    fn schedule(&mut self, table: &Table, row: &Row) -> Outcome {
        let rule = Rule {
            freq: row.raw("freq"),
            interval: row.raw("interval"),
            byday: row.raw("byday"),
            weekday: row.raw("weekday"),
            opens_at: row.raw("opens_at"),
            closes_at: row.raw("closes_at"),
        };
        let text = row.prose_any(&["description", "original_text"]);
        let mut hours = Hours::default();
        if rule.is_empty() {
            match text {
                Some(text) => hours.add_text(text),
                None => {
                    return self.reject(
                        table,
                        row,
                        "opens_at",
                        "schedule has no days, times or description".into(),
                    )
                }
            }
        } else if let Err(unreadable) = hours.add_rule(&rule) {
            let kept = text.unwrap_or_else(|| rule_text(&rule));
            self.warn(
                &table.file,
                row.number,
                Some(unreadable.field),
                format!("{}; kept as text", unreadable.reason),
            );
            hours.add_text(kept);
        }
        match self.target(table, row, false) {
            Some(Target::Service(i)) => self.drafts[i].hours.extend(&hours),
            Some(Target::Link(i)) => self.drafts[i].link_hours.extend(&hours),
            Some(Target::Location(id)) => self
                .sites
                .get_mut(&id)
                .expect("target exists")
                .hours
                .extend(&hours),
            Some(Target::Organization(_)) => unreachable!("organizations are not schedule targets"),
            None if has_any(
                row,
                &["service_id", "service_at_location_id", "location_id"],
            ) =>
            {
                return Outcome::Rejected
            }
            None => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "schedule names no service or location".into(),
                )
            }
        }
        Outcome::Used
    }

    fn language(&mut self, table: &Table, row: &Row) -> Outcome {
        let name = row.raw_any(&["name", "language"]);
        let given = row.line("code");
        let languages = match (given.as_deref().and_then(crate::lang::code), name) {
            (Some(code), _) => vec![Language {
                name: name
                    .and_then(super::clean::line)
                    .unwrap_or_else(|| code.clone()),
                code: Some(code),
            }],
            (None, Some(text)) => self.languages_from_text(table, row, "language", text),
            (None, None) => match given {
                Some(code) => {
                    self.warn(
                        &table.file,
                        row.number,
                        Some("code"),
                        format!("language code \"{code}\" is not ISO 639; kept as text"),
                    );
                    vec![Language {
                        code: None,
                        name: code,
                    }]
                }
                None => {
                    return self.reject(
                        table,
                        row,
                        "language",
                        "language row names no language".into(),
                    )
                }
            },
        };
        let target = self.target(table, row, false);
        let list = match target {
            Some(Target::Service(i)) | Some(Target::Link(i)) => {
                &mut self.drafts[i].service.languages
            }
            Some(Target::Location(id)) => {
                &mut self.sites.get_mut(&id).expect("target exists").languages
            }
            Some(Target::Organization(_)) => unreachable!("organizations are not language targets"),
            None if has_any(row, &["service_id", "location_id"]) => return Outcome::Rejected,
            None => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "language row names no service or location".into(),
                )
            }
        };
        for language in languages {
            add_language(list, language);
        }
        Outcome::Used
    }

    fn eligibility(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(text) = row.prose_any(&["eligibility", "description"]) else {
            return Outcome::Unused;
        };
        let i = match self.service_of(table, row, "service_id") {
            Ok(i) => i,
            Err(Outcome::Unused) => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "eligibility row names no service".into(),
                )
            }
            Err(outcome) => return outcome,
        };
        let draft = &mut self.drafts[i];
        if let Some(gender) = Gender::parse(&text) {
            draft.service.eligibility.genders.push(gender);
        } else if let Some(range) = ages::from_category(&text).or_else(|| ages::from_text(&text)) {
            draft.category_ages.push(range);
        }
        let description = &mut draft.service.eligibility.description;
        match description {
            Some(existing) if existing.contains(&text) => {}
            Some(existing) => {
                existing.push_str("; ");
                existing.push_str(&text);
            }
            None => *description = Some(text),
        }
        Outcome::Used
    }

    fn term_link(&mut self, table: &Table, row: &Row) -> Outcome {
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
        let i = match self.service_of(table, row, service_column) {
            Ok(i) => i,
            Err(Outcome::Unused) => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "taxonomy link names no service".into(),
                )
            }
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

    fn cost_option(&mut self, table: &Table, row: &Row) -> Outcome {
        let i = match self.service_of(table, row, "service_id") {
            Ok(i) => i,
            Err(Outcome::Unused) => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "cost option names no service".into(),
                )
            }
            Err(outcome) => return outcome,
        };
        let amount = match row.raw("amount") {
            None => None,
            Some(text) => match text.trim_start_matches('$').parse::<f64>() {
                Ok(amount) => Some(amount),
                Err(_) => {
                    self.warn(
                        &table.file,
                        row.number,
                        Some("amount"),
                        format!("amount \"{text}\" is not a number"),
                    );
                    None
                }
            },
        };
        let option = row.line("option");
        let draft = &mut self.drafts[i];
        draft.option_cost = cost::cheapest(
            draft.option_cost,
            cost::from_option(option.as_deref(), amount),
        );
        Outcome::Used
    }

    fn document(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(document) = row.prose("document") else {
            return Outcome::Unused;
        };
        let i = match self.service_of(table, row, "service_id") {
            Ok(i) => i,
            Err(Outcome::Unused) => {
                return self.reject(
                    table,
                    row,
                    "service_id",
                    "required document names no service".into(),
                )
            }
            Err(outcome) => return outcome,
        };
        self.drafts[i].service.required_documents.push(document);
        Outcome::Used
    }

    // ---- finishing --------------------------------------------------------

    /// The services, each with its organization, locations and what hangs
    /// on them, and the report.
    pub(crate) fn finish(mut self) -> Import {
        let drafts = std::mem::take(&mut self.drafts);
        let mut services = Vec::with_capacity(drafts.len());
        let mut used_organizations = HashSet::new();
        let mut used_locations = HashSet::new();
        for mut draft in drafts {
            let organization_id = draft.organization_id.clone().or_else(|| {
                draft
                    .locations
                    .iter()
                    .find_map(|l| self.sites.get(l)?.organization_id.clone())
            });
            if let Some(id) = organization_id {
                match self.organizations.get(&id) {
                    Some(organization) => {
                        draft.service.organization = Some(organization.clone());
                        used_organizations.insert(id);
                    }
                    None if self.layout.files.contains_key(&Kind::Organizations) => {
                        let reason = format!(
                            "organization {id} of service {} is not in organizations; service kept without its organization",
                            draft.service.id
                        );
                        self.warn(&draft.file, draft.row, Some("organization_id"), reason);
                    }
                    None => {}
                }
            }
            let mut site_hours = Hours::default();
            for id in &draft.locations {
                let Some(site) = self.sites.get(id) else {
                    continue;
                };
                used_locations.insert(id.clone());
                draft.service.locations.push(site.location.clone());
                let access = &mut draft.service.accessibility;
                access.wheelchair |= site.accessibility.wheelchair;
                for note in &site.accessibility.notes {
                    if !access.notes.contains(note) {
                        access.notes.push(note.clone());
                    }
                }
                for language in &site.languages {
                    add_language(&mut draft.service.languages, language.clone());
                }
                for phone in &site.phones {
                    if !draft.service.phones.contains(phone) {
                        draft.service.phones.push(phone.clone());
                    }
                }
                site_hours.extend(&site.hours);
            }
            if draft.service.phones.is_empty() {
                if let Some(phones) = draft
                    .service
                    .organization
                    .as_ref()
                    .and_then(|o| self.organization_phones.get(&o.id))
                {
                    draft.service.phones.extend(phones.iter().cloned());
                }
            }
            // The most specific hours win: the service's own, then those of
            // the service at a location, then the location's.
            let hours = [draft.hours, draft.link_hours, site_hours]
                .into_iter()
                .find(|h| !h.is_empty())
                .unwrap_or_default();
            (draft.service.hours, draft.service.hours_text) = hours.finish();
            // HSDS 1 eligibility rows ("adult", "child", "seniors 60+") only
            // where the service row says nothing.
            if draft.service.eligibility.ages.is_none() && !draft.category_ages.is_empty() {
                draft.service.eligibility.ages = draft
                    .category_ages
                    .iter()
                    .skip(1)
                    .try_fold(draft.category_ages[0], |all, next| {
                        ages::union(Some(all), Some(*next))
                    });
            }
            draft.service.eligibility.genders.sort();
            draft.service.eligibility.genders.dedup();
            draft.service.cost = match draft.option_cost {
                Cost::Unknown => draft
                    .service
                    .fees_description
                    .as_deref()
                    .map_or(Cost::Unknown, cost::from_fees),
                known => known,
            };
            services.push(draft.service);
        }
        for (file, used) in [
            (
                self.layout.files.get(&Kind::Organizations),
                used_organizations.len(),
            ),
            (
                self.layout.files.get(&Kind::Locations),
                used_locations.len(),
            ),
        ] {
            if let Some(at) = file.and_then(|f| self.counts.get(&self.source.display(f))) {
                self.report.tables[*at].used = used;
            }
        }
        Import {
            services,
            report: self.report,
        }
    }

    /// Files service `i` under the term with this id; a term missing from
    /// the taxonomy table is kept as a code and reported.
    fn categorise(&mut self, i: usize, id: &str, file: &str, row: usize, field: &str) {
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
        let category = super::taxonomy::category(&term, &self.taxonomy);
        let categories = &mut self.drafts[i].service.categories;
        if !categories.contains(&category) {
            categories.push(category);
        }
    }
}

enum Target {
    Service(usize),
    Link(usize),
    Location(String),
    Organization(String),
}

impl Target {
    fn name(&self) -> &'static str {
        match self {
            Target::Service(_) => "service",
            Target::Link(_) => "service at location",
            Target::Location(_) => "location",
            Target::Organization(_) => "organization",
        }
    }
}

fn has_any(row: &Row, columns: &[&str]) -> bool {
    columns.iter().any(|c| row.raw(c).is_some())
}

fn add_language(list: &mut Vec<Language>, language: Language) {
    let duplicate = list.iter().any(|l| match (&l.code, &language.code) {
        (Some(a), Some(b)) => a == b,
        (None, None) => l.name.eq_ignore_ascii_case(&language.name),
        _ => false,
    });
    if !duplicate {
        list.push(language);
    }
}

fn is_point(lat: f64, lon: f64) -> bool {
    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && !(lat == 0.0 && lon == 0.0)
}

/// A generated id ("ac148810-d857-441c-9679-408f346de14b"), not a code.
pub(crate) fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.chars().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// A schedule row's days and times as text, for rows without a description.
fn rule_text(rule: &Rule) -> String {
    let days = rule.byday.or(rule.weekday).unwrap_or("");
    let times = match (rule.opens_at, rule.closes_at) {
        (Some(o), Some(c)) => format!("{o}-{c}"),
        (Some(t), None) | (None, Some(t)) => t.to_owned(),
        (None, None) => String::new(),
    };
    let freq = rule
        .freq
        .filter(|f| !f.eq_ignore_ascii_case("weekly"))
        .unwrap_or("");
    [freq, days, &times]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}
