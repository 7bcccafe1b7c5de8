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
//! The rows of each table are read in `terms.rs` (taxonomy), `places.rs`
//! (organizations, locations, addresses, accessibility), `services.rs`
//! (services and their links to locations) and `details.rs` (phones,
//! schedules, languages, eligibility, cost options, documents); this file
//! holds the tables' layout and joins the rows into services.
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
use servicematch::{
    Accessibility, AgeRange, Category, Cost, Gender, Language, Location, Organization, Phone,
    Service, Status,
};
use servicematch::{Problem, Report, TableCount};

mod details;
mod places;
mod services;
mod terms;

/// The tables of a tabular export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Kind {
    /// HSDS 3 `taxonomies`: vocabularies by id.
    Vocabularies,
    /// `taxonomy_terms` (HSDS 3) or `taxonomy` (HSDS 1, Ohana).
    Terms,
    /// `organizations`.
    Organizations,
    /// `programs`: the programs services belong to, by id.
    Programs,
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
    /// `holiday_schedules` (HSDS 1): closures and special hours by date.
    Holidays,
    /// `service_areas`: where services serve.
    ServiceAreas,
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
    pub(crate) const ALL: [Kind; 18] = [
        Kind::Vocabularies,
        Kind::Terms,
        Kind::Organizations,
        Kind::Programs,
        Kind::Locations,
        Kind::Addresses,
        Kind::Accessibility,
        Kind::Services,
        Kind::Links,
        Kind::Phones,
        Kind::Schedules,
        Kind::Holidays,
        Kind::ServiceAreas,
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
            Kind::Programs => &["programs.csv"],
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
            Kind::Holidays => &["holiday_schedules.csv", "holiday_schedule.csv"],
            Kind::ServiceAreas => &["service_areas.csv", "service_area.csv"],
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
    program_id: Option<String>,
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
    /// Program names by id.
    programs: HashMap<String, String>,
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
            programs: HashMap::new(),
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
            for (column, reason) in row.findings() {
                self.warn(
                    &table.file,
                    row.number,
                    Some(&column),
                    format!("{column} {reason}"),
                );
            }
            let outcome = match kind {
                Kind::Vocabularies => self.vocabulary(&row),
                Kind::Terms => self.term(&row),
                Kind::Organizations => self.organization(table, &row),
                Kind::Programs => self.program(table, &row),
                Kind::Locations => self.location(table, &row),
                Kind::Addresses => self.address(table, &row),
                Kind::Accessibility => self.accessibility(table, &row),
                Kind::Services => self.service(table, &row),
                Kind::Links => self.link(table, &row),
                Kind::Phones => self.phone(table, &row),
                Kind::Schedules | Kind::Holidays => self.schedule(table, &row),
                Kind::ServiceAreas => self.service_area(table, &row),
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

    /// The service a row names in `column`, reporting a row (`what`) that
    /// names none or a broken reference.
    fn service_of(
        &mut self,
        table: &Table,
        row: &Row,
        column: &str,
        what: &str,
    ) -> Result<usize, Outcome> {
        let Some(id) = row.line(column) else {
            let reason = format!("{what} names no service");
            return Err(self.reject(table, row, "service_id", reason));
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

    /// A row without a target: already rejected when it names one of
    /// `columns` (the reference is broken), else reported as naming none.
    fn no_target(&mut self, table: &Table, row: &Row, columns: &[&str], reason: &str) -> Outcome {
        if columns.iter().any(|c| row.raw(c).is_some()) {
            Outcome::Rejected
        } else {
            self.reject(table, row, "service_id", reason.to_owned())
        }
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
            if let Some(id) = &draft.program_id {
                match self.programs.get(id) {
                    Some(name) => draft.service.program = Some(name.clone()),
                    None if self.layout.files.contains_key(&Kind::Programs) => {
                        let reason = format!(
                            "program {id} of service {} is not in programs; service kept without its program",
                            draft.service.id
                        );
                        self.warn(&draft.file, draft.row, Some("program_id"), reason);
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
            hours.finish().apply(&mut draft.service);
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
        for service in &mut services {
            crate::eligibility::complete(service);
        }
        Import {
            services,
            report: self.report,
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

/// A generated id ("ac148810-d857-441c-9679-408f346de14b"), not a code.
pub(crate) fn is_uuid(text: &str) -> bool {
    text.len() == 36
        && text.chars().enumerate().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}
