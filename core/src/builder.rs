//! [`IndexBuilder`]: services in, one `.smx` file out.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tantivy::directory::{Directory, RamDirectory};
use tantivy::tokenizer::{PreTokenizedString, Token, TokenizerManager};
use tantivy::TantivyDocument;

use crate::eligibility::LowIncomeLine;
use crate::error::{Error, ErrorKind, Result};
use crate::format::filters::province_bit;
use crate::format::gazetteer::{GazetteerBuilder, GazetteerEntry, GEONAMES_ATTRIBUTION};
use crate::format::meta::{ImportCounts, Meta};
use crate::format::residency::PlacesWritten;
use crate::format::{write_file, Section, FORMAT_VERSION};
use crate::hours::ZoneRules;
use crate::lang::LanguageName;
use crate::model::Service;
use crate::report::{Problem, Report};
use crate::text::analyzer;
use crate::text::analyzer::word_stems;
use crate::text::categories::{self, category_term, Associations};
use crate::text::query::category_key;
use crate::text::schema::{self, TextPart};
use crate::text::vocabulary::{need_term, Vocabulary};

/// What a build did.
#[derive(Debug, Clone)]
pub struct BuildSummary {
    /// Services indexed.
    pub services: usize,
    /// Locations indexed.
    pub locations: usize,
    /// Size of the file in bytes.
    pub bytes: usize,
    /// Everything the import and the build could not use.
    pub report: Report,
}

/// Builds an index file from services.
///
/// # Example
/// ```
/// use servicematch::{Index, IndexBuilder, Location, Query, Service};
///
/// let mut builder = IndexBuilder::new("example");
/// builder.add_service(Service {
///     id: "s1".into(),
///     name: "Sudbury Food Bank".into(),
///     locations: vec![Location { lat: 46.49, lon: -80.99, ..Default::default() }],
///     ..Default::default()
/// });
/// let (bytes, _summary) = builder.build_bytes()?;
/// let index = Index::from_bytes(bytes)?;
/// let results = index.search(&Query::new().text("food bank").near_place("Sudbury"))?;
/// assert_eq!(results.hits[0].id, "s1");
/// # Ok::<(), servicematch::Error>(())
/// ```
pub struct IndexBuilder {
    name: String,
    services: Vec<Service>,
    report: Report,
    gazetteer: GazetteerBuilder,
    attribution: Vec<String>,
    default_gazetteer: bool,
    vocabulary: Vocabulary,
    help_line: Option<String>,
    low_income_line: LowIncomeLine,
    /// Services already reported as having no located location, so that
    /// validating again reports nothing twice.
    unlocated: HashSet<String>,
}

impl IndexBuilder {
    /// A builder for a dataset called `name`, with the default gazetteer
    /// (GeoNames' Canadian forward sortation areas).
    pub fn new(name: impl Into<String>) -> IndexBuilder {
        IndexBuilder {
            name: name.into(),
            services: Vec::new(),
            report: Report::default(),
            gazetteer: GazetteerBuilder::default(),
            attribution: Vec::new(),
            default_gazetteer: true,
            vocabulary: Vocabulary::built_in(),
            help_line: None,
            low_income_line: LowIncomeLine::lim_at(),
            unlocated: HashSet::new(),
        }
    }

    /// Adds a publisher's needs to the built-in layperson vocabulary
    /// (`servicematch build --synonyms FILE`): a query that says one of a
    /// need's phrases also finds the services that say another.
    ///
    /// # Example
    /// ```
    /// use servicematch::{Index, IndexBuilder, Query, Service, Vocabulary};
    ///
    /// let mut builder = IndexBuilder::new("example");
    /// builder.add_service(Service { id: "a".into(), name: "Kettle Club".into(), ..Default::default() });
    /// builder.add_vocabulary(Vocabulary::parse("kettle club | tea for seniors")?);
    /// let index = Index::from_bytes(builder.build_bytes()?.0)?;
    /// let results = index.search(&Query::new().text("tea for seniors"))?;
    /// assert_eq!(results.hits[0].id, "a");
    /// # Ok::<(), servicematch::Error>(())
    /// ```
    pub fn add_vocabulary(&mut self, vocabulary: Vocabulary) -> &mut IndexBuilder {
        self.vocabulary.extend(vocabulary);
        self
    }

    /// Leaves out the built-in GeoNames forward sortation areas.
    pub fn without_default_gazetteer(&mut self) -> &mut IndexBuilder {
        self.default_gazetteer = false;
        self
    }

    /// Adds gazetteer entries (postal codes and place names with their
    /// points) beside the default ones; returns how many were added. An
    /// entry with both a postal code and a place name also tells which
    /// codes a service area or residency named after that place covers.
    /// `servicematch_hsds::gazetteer` reads them from CSV files such as
    /// GeoNames' postal code tables.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] naming the entry whose point is not on
    /// Earth, or that has neither a postal code nor a place name.
    pub fn add_gazetteer(
        &mut self,
        entries: impl IntoIterator<Item = GazetteerEntry>,
    ) -> Result<usize> {
        let mut count = 0;
        for entry in entries {
            self.gazetteer.add_entry(&entry)?;
            count += 1;
        }
        Ok(count)
    }

    /// Sets the directory's own help line ("211", "1-877-330-3213"): every
    /// search's results carry it, so that no caller is left without
    /// somewhere to turn.
    pub fn help_line(&mut self, line: impl Into<String>) -> &mut IndexBuilder {
        self.help_line = Some(line.into());
        self
    }

    /// Sets the low-income line that income limits given as a share of it
    /// are read against (default: Statistics Canada's LIM-AT,
    /// [`LowIncomeLine::lim_at`]). A publisher outside Canada, or one whose
    /// programs use another line, gives its own.
    pub fn low_income_line(&mut self, line: LowIncomeLine) -> &mut IndexBuilder {
        self.low_income_line = line;
        self
    }

    /// Adds a line of attribution or licence text to the index's metadata.
    pub fn add_attribution(&mut self, line: impl Into<String>) -> &mut IndexBuilder {
        self.attribution.push(line.into());
        self
    }

    /// Adds the counts and problems of an import to the build's report.
    pub fn add_report(&mut self, report: Report) -> &mut IndexBuilder {
        self.report.merge(report);
        self
    }

    /// Adds one service. A service without an id or name is rejected and reported.
    pub fn add_service(&mut self, service: Service) -> &mut IndexBuilder {
        self.services.push(service);
        self
    }

    /// Adds services.
    pub fn add_services(
        &mut self,
        services: impl IntoIterator<Item = Service>,
    ) -> &mut IndexBuilder {
        self.services.extend(services);
        self
    }

    /// Builds the index and writes it to `path` atomically: a temporary file
    /// beside it (`.NAME.XXXXXX.tmp`), flushed to disk, then renamed over
    /// `path`, so a failed, killed or interrupted build leaves any earlier
    /// file byte for byte as it was and never a partial file at `path`. A
    /// temporary file left by a killed build is removed by the next build of
    /// the same `path`.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] naming the path when it cannot be written.
    pub fn write(self, path: &Path) -> Result<BuildSummary> {
        let (bytes, summary) = self.build_bytes()?;
        crate::replace::replace_file(path, &bytes)?;
        Ok(summary)
    }

    /// Checks the services added so far as the build will: rejects those
    /// without id or name and the second of two with one id, and keeps
    /// locations without usable coordinates for their address only. Returns
    /// everything the build will not use, so that a caller can stop before
    /// writing ([`Report::check_rejects`]); building adds nothing to it.
    ///
    /// # Example
    /// ```
    /// use servicematch::{IndexBuilder, Service};
    ///
    /// let mut builder = IndexBuilder::new("example");
    /// builder.add_service(Service { id: "a".into(), name: "Food Bank".into(), ..Default::default() });
    /// builder.add_service(Service { id: "a".into(), name: "Food Bank again".into(), ..Default::default() });
    /// let report = builder.validate();
    /// assert_eq!(report.rejected(), 1);
    /// assert!(report.check_rejects(0).is_err());
    /// assert!(report.check_rejects(1).is_ok());
    /// ```
    pub fn validate(&mut self) -> &Report {
        self.services = self.validated_services();
        &self.report
    }

    /// Builds the index in memory.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidInput`] when no usable service remains.
    pub fn build_bytes(mut self) -> Result<(Vec<u8>, BuildSummary)> {
        let services = self.validated_services();
        if services.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidInput,
                format!(
                    "no usable service to index ({} read, {} rejected)",
                    self.report.services_read, self.report.services_rejected
                ),
            ));
        }
        if self.default_gazetteer {
            self.gazetteer.add_defaults();
            self.attribution.push(GEONAMES_ATTRIBUTION.to_owned());
        }
        for service in &services {
            for location in service.locations.iter().filter(|l| l.lat.is_finite()) {
                if let Some(code) = &location.postal_code {
                    self.gazetteer
                        .add_postal_if_absent(code, location.lat, location.lon);
                }
                if let Some(city) = &location.city {
                    let region = location.region.as_deref().unwrap_or("");
                    self.gazetteer.add_place(
                        city,
                        &region.to_uppercase(),
                        location.lat,
                        location.lon,
                    );
                }
            }
        }
        let languages = language_table(&services);
        let locations: Vec<Vec<(f64, f64)>> = services
            .iter()
            .map(|s| {
                // Located ones come first (see `validated_services`), so a
                // service's n-th point is its n-th location.
                s.locations
                    .iter()
                    .filter(|l| l.lat.is_finite())
                    .map(|l| (l.lat, l.lon))
                    .collect()
            })
            .collect();
        let location_count = locations.iter().map(Vec::len).sum();
        let zones = self.zone_rules(&services);
        let mut services = services;
        self.resolve_named_areas(&mut services);
        let residency = self.resolve_residency(&services);
        let top_categories = top_categories(&services);
        let meta = Meta {
            format_version: FORMAT_VERSION,
            name: self.name.clone(),
            built_by: format!("servicematch {}", env!("CARGO_PKG_VERSION")),
            built_at: std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_secs())
                .unwrap_or(0),
            services: services.len(),
            locations: location_count,
            postal_codes: self.gazetteer.postal_count(),
            languages: languages.clone(),
            language_names: languages
                .iter()
                .map(|c| LanguageName::of(c, publisher_name(&services, c)))
                .collect(),
            low_income_line: self.low_income_line.clone(),
            top_categories: top_categories.clone(),
            attribution: self.attribution.clone(),
            import: ImportCounts {
                services_read: self.report.services_read,
                services_rejected: self.report.services_rejected,
            },
            help_line: self.help_line.clone(),
        };
        let (text, associations) = build_text(&services, &self.vocabulary)?;
        let sections = vec![
            (Section::Meta, crate::format::meta::write(&meta)),
            (Section::Text, text),
            (Section::Records, crate::format::records::write(&services)?),
            (Section::Hits, crate::format::hits::write(&services)?),
            (Section::Geo, crate::format::geo::write(&locations)),
            (
                Section::Filters,
                crate::format::filters::write(&services, &languages, |service| {
                    let name = top_category(service)?;
                    top_categories.iter().position(|c| c == name)
                }),
            ),
            (Section::Gazetteer, self.gazetteer.write()),
            (
                Section::Vocabulary,
                crate::format::vocabulary::write(&self.vocabulary),
            ),
            (
                Section::Categories,
                crate::format::categories::write(&associations),
            ),
            (
                Section::Hours,
                crate::format::hours::write(&services, &zones),
            ),
            (Section::Areas, crate::format::areas::write(&services)),
            (
                Section::Residency,
                crate::format::residency::write(&residency),
            ),
        ];
        let bytes = write_file(&sections);
        let summary = BuildSummary {
            services: services.len(),
            locations: location_count,
            bytes: bytes.len(),
            report: self.report,
        };
        Ok((bytes, summary))
    }

    /// The rules of every time zone that services with hours name, in name
    /// order; each name the database does not know is reported once, and
    /// so is each service with hours but no zone (its hours stay unknown
    /// to open-now searches).
    fn zone_rules(&mut self, services: &[Service]) -> Vec<ZoneRules> {
        let mut names: Vec<&str> = Vec::new();
        let mut without_zone = 0usize;
        let mut example = None;
        for service in services {
            let has_hours = !(service.hours.is_empty()
                && service.monthly_hours.is_empty()
                && service.hours_exceptions.is_empty());
            match service.time_zone.as_deref() {
                Some(name) if has_hours => names.push(name),
                None if has_hours => {
                    without_zone += 1;
                    example.get_or_insert(service.id.as_str());
                }
                _ => {}
            }
        }
        names.sort_unstable();
        names.dedup();
        let mut warn = |reason: String| self.report.warn(service_problem("time_zone", reason));
        if without_zone > 0 {
            warn(format!(
                "{without_zone} services with hours have no time zone (service {} first): their hours are unknown to open-now searches; give one with --timezone",
                example.unwrap_or_default()
            ));
        }
        names
            .into_iter()
            .filter_map(|name| {
                #[cfg(feature = "tzdb")]
                let rules = ZoneRules::from_database(name).map(|mut rules| {
                    // Services name the zone as they wrote it.
                    rules.name = name.to_owned();
                    rules
                });
                #[cfg(not(feature = "tzdb"))]
                let rules = None;
                if rules.is_none() {
                    warn(match cfg!(feature = "tzdb") {
                        true => format!(
                            "time zone \"{name}\" is not an IANA time zone: hours of its services are unknown to open-now searches"
                        ),
                        false => format!(
                            "time zone \"{name}\" cannot be read: servicematch was built without its time zone database (feature tzdb)"
                        ),
                    });
                }
                rules
            })
            .collect()
    }

    /// Gives postal prefixes to named service areas that have neither
    /// polygons nor prefixes: a province or territory ("Ontario", "ON") is
    /// its postal codes' first letters; another name is the forward
    /// sortation areas the built-in gazetteer names after it ("Thunder Bay"
    /// → P7A…P7K) and the postal codes the publisher's gazetteer gives for
    /// a place of that name. A name that resolves to nothing is reported
    /// and does not restrict the service.
    fn resolve_named_areas(&mut self, services: &mut [Service]) {
        for service in services {
            for area in &mut service.service_areas {
                if !area.polygons.is_empty() || !area.postal_prefixes.is_empty() {
                    continue;
                }
                let Some(name) = area.name.clone() else {
                    continue;
                };
                area.postal_prefixes = self.gazetteer.prefixes_named(&name);
                if area.postal_prefixes.is_empty() {
                    self.report.warn(service_problem(
                        "service_areas",
                        format!(
                            "service {}: service area \"{name}\" is not a province or a place the gazetteer knows; kept as text",
                            service.id
                        ),
                    ));
                }
            }
        }
    }

    /// Resolves the places of each service's residency (every value that
    /// is not a province or territory: a municipality or region, "Thunder
    /// Bay") to the forward sortation areas the built-in gazetteer names
    /// after it (P7A…P7K) and the postal codes the publisher's gazetteer
    /// gives for a place of that name. A name that resolves to nothing is
    /// reported and restricts no one; the record keeps it as text.
    fn resolve_residency(&mut self, services: &[Service]) -> Vec<PlacesWritten> {
        let mut resolved = Vec::with_capacity(services.len());
        for service in services {
            let mut places = PlacesWritten::default();
            for value in &service.eligibility.residency {
                let name = value.trim();
                if name.is_empty() || province_bit(name).is_some() {
                    continue;
                }
                let prefixes = self.gazetteer.prefixes_of_place(name);
                if prefixes.is_empty() {
                    self.report.warn(service_problem(
                        "residency",
                        format!(
                            "service {}: residency \"{name}\" is not a province or a place the gazetteer knows; kept as text, it restricts no one",
                            service.id
                        ),
                    ));
                    continue;
                }
                places.names.push(name.to_owned());
                places.prefixes.extend(prefixes);
            }
            resolved.push(places);
        }
        resolved
    }

    /// Sorts services by id (so ties in ranking break on id) and rejects the
    /// unusable ones into the report.
    fn validated_services(&mut self) -> Vec<Service> {
        let mut services = std::mem::take(&mut self.services);
        services.sort_by(|a, b| a.id.cmp(&b.id));
        let mut kept: Vec<Service> = Vec::with_capacity(services.len());
        for mut service in services {
            let reject = |reason: String| Problem {
                file: "(services)".into(),
                row: None,
                field: None,
                reason,
                rejected: true,
            };
            if service.id.trim().is_empty() {
                self.report
                    .reject(reject(format!("service \"{}\" has no id", service.name)));
                continue;
            }
            if service.name.trim().is_empty() {
                self.report
                    .reject(reject(format!("service {} has no name", service.id)));
                continue;
            }
            if kept.last().is_some_and(|last| last.id == service.id) {
                self.report.reject(reject(format!(
                    "service id {} appears twice; the first is kept",
                    service.id
                )));
                continue;
            }
            if let Some(reason) = crate::format::records::too_large(&service) {
                self.report
                    .reject(reject(format!("service {}: {reason}", service.id)));
                continue;
            }
            // A location without usable coordinates is kept for its address
            // (NaN coordinates), after the located ones, out of the geo index.
            for location in &mut service.locations {
                let usable = location.lat.is_finite()
                    && location.lon.is_finite()
                    && (-90.0..=90.0).contains(&location.lat)
                    && (-180.0..=180.0).contains(&location.lon)
                    && !(location.lat == 0.0 && location.lon == 0.0);
                if !usable {
                    location.lat = f64::NAN;
                    location.lon = f64::NAN;
                }
            }
            service.locations.sort_by_key(|l| l.lat.is_nan());
            let unlocated =
                !service.locations.is_empty() && service.locations.iter().all(|l| l.lat.is_nan());
            if unlocated && self.unlocated.insert(service.id.clone()) {
                self.report.warn(service_problem(
                    "locations",
                    format!(
                        "service {}: no location has coordinates; shown with its address, not found by distance",
                        service.id
                    ),
                ));
            }
            kept.push(service);
        }
        kept
    }
}

/// A warning about one service's data (not a row of an input file: the
/// builder sees services, not files).
fn service_problem(field: &str, reason: String) -> Problem {
    Problem {
        file: "(services)".into(),
        row: None,
        field: Some(field.into()),
        reason,
        rejected: false,
    }
}

/// Every language code offered by some service, most common first.
fn language_table(services: &[Service]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for service in services {
        for code in service.languages.iter().filter_map(|l| l.code.as_deref()) {
            *counts.entry(code).or_default() += 1;
        }
    }
    let mut table: Vec<(&str, usize)> = counts.into_iter().collect();
    table.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    table.into_iter().map(|(code, _)| code.to_owned()).collect()
}

/// A service's top-level category: the broadest term above its first
/// category (or that category itself).
fn top_category(service: &Service) -> Option<&str> {
    let first = service.categories.first()?;
    Some(
        first
            .ancestors
            .last()
            .map_or(first.name.as_str(), |t| t.name.as_str()),
    )
}

/// The top-level categories of the services, most common first (ties by name).
fn top_categories(services: &[Service]) -> Vec<String> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for service in services {
        if let Some(name) = top_category(service) {
            *counts.entry(name).or_default() += 1;
        }
    }
    let mut table: Vec<(&str, usize)> = counts.into_iter().collect();
    table.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    table.into_iter().map(|(name, _)| name.to_owned()).collect()
}

/// How the directory itself names the language `code` ("Cantonese" for
/// `yue`): the first name its services give that is not the code, for
/// languages the built-in ISO 639-1 table does not name.
fn publisher_name<'s>(services: &'s [Service], code: &str) -> Option<&'s str> {
    services
        .iter()
        .flat_map(|s| &s.languages)
        .find(|l| l.code.as_deref() == Some(code) && !l.name.eq_ignore_ascii_case(code))
        .map(|l| l.name.as_str())
}

/// Builds the tantivy index (one segment, documents in service order, so a
/// document id is a service's position) and packs its files.
fn build_text(services: &[Service], vocabulary: &Vocabulary) -> Result<(Vec<u8>, Associations)> {
    let (schema, fields) = schema::build();
    let matcher = vocabulary.matcher();
    // Category keys by number, and each service's words and keys, from
    // which the words that predict categories are learned.
    let mut key_numbers: HashMap<String, u32> = HashMap::new();
    let mut key_names: Vec<String> = Vec::new();
    let mut service_keys: Vec<Vec<u32>> = Vec::with_capacity(services.len());
    let mut service_words: Vec<Vec<u32>> = Vec::with_capacity(services.len());
    let mut service_needs: Vec<Vec<String>> = Vec::with_capacity(services.len());
    let mut word_numbers: HashMap<String, u32> = HashMap::new();
    for service in services {
        let keys = categories::keys(service)
            .into_iter()
            .map(|(key, name)| {
                let next = key_numbers.len() as u32;
                *key_numbers.entry(key).or_insert_with(|| {
                    key_names.push(name.to_owned());
                    next
                })
            })
            .collect();
        service_keys.push(keys);
        // One analysis of each value: its words for the associations, its
        // phrases for the needs.
        let mut words: Vec<u32> = Vec::new();
        let mut needs: Vec<String> = Vec::new();
        for part in TextPart::ALL {
            for value in text_values(service, part) {
                let stems = word_stems(value);
                for found in matcher.find(&stems) {
                    for need in found.needs {
                        needs.extend(std::iter::repeat_n(need_term(need), part.weight()));
                    }
                }
                for [english, _] in stems {
                    let next = word_numbers.len() as u32;
                    words.push(*word_numbers.entry(english).or_insert(next));
                }
            }
        }
        words.sort_unstable();
        words.dedup();
        service_words.push(words);
        service_needs.push(needs);
    }
    let mut word_names = vec![String::new(); word_numbers.len()];
    for (word, number) in word_numbers {
        word_names[number as usize] = word;
    }
    let associations = categories::learn(&service_words, &word_names, &service_keys, &key_names);
    drop(service_words);
    let tokenizers = TokenizerManager::default();
    analyzer::register(&tokenizers);
    let directory = RamDirectory::create();
    let mut writer = tantivy::IndexBuilder::new()
        .schema(schema)
        .tokenizers(tokenizers)
        .single_segment_index_writer(directory.clone(), 64_000_000)
        .map_err(text_error)?;
    for ((service, keys), mut needs) in services.iter().zip(&service_keys).zip(service_needs) {
        let mut doc = TantivyDocument::default();
        // Each need the service's text names, once per mention and part weight.
        for part in TextPart::ALL {
            for value in text_values(service, part) {
                for _ in 0..part.weight() {
                    doc.add_text(fields.text, value);
                }
            }
        }
        needs.extend(keys.iter().map(|&key| category_term(key)));
        if !needs.is_empty() {
            doc.add_pre_tokenized_text(fields.text, pre_tokenized(needs));
        }
        for key in category_keys(service) {
            doc.add_text(fields.category, key);
        }
        writer.add_document(doc).map_err(text_error)?;
    }
    let index = writer.finalize().map_err(text_error)?;
    let mut paths: Vec<PathBuf> = index.directory().list_managed_files().into_iter().collect();
    paths.push(PathBuf::from("meta.json"));
    paths.sort();
    paths.dedup();
    let mut files = Vec::new();
    for path in paths {
        let name = path.to_string_lossy().into_owned();
        if name.ends_with(".lock") || !directory.exists(&path).unwrap_or(false) {
            continue;
        }
        let unreadable =
            || Error::new(ErrorKind::Io, format!("cannot read text index file {name}"));
        let slice = directory
            .open_read(&path)
            .map_err(|e| unreadable().with_source(e))?;
        let bytes = slice
            .read_bytes()
            .map_err(|e| unreadable().with_source(e))?;
        files.push((name, bytes.as_slice().to_vec()));
    }
    Ok((crate::format::text::pack(&files), associations))
}

fn text_error(e: tantivy::TantivyError) -> Error {
    Error::new(ErrorKind::Io, "cannot build the text index").with_source(e)
}

/// Terms as text already analysed, one position each.
fn pre_tokenized(terms: Vec<String>) -> PreTokenizedString {
    let tokens = terms
        .iter()
        .enumerate()
        .map(|(position, text)| Token {
            offset_from: 0,
            offset_to: 0,
            position,
            text: text.clone(),
            position_length: 1,
        })
        .collect();
    PreTokenizedString {
        text: terms.join(" "),
        tokens,
    }
}

/// The text of one part of a service.
fn text_values(service: &Service, part: TextPart) -> Vec<&str> {
    match part {
        TextPart::Name => std::iter::once(service.name.as_str())
            .chain(service.alternate_names.iter().map(String::as_str))
            .collect(),
        TextPart::Organization => service
            .organization
            .iter()
            .map(|o| o.name.as_str())
            .collect(),
        TextPart::Categories => service
            .categories
            .iter()
            .flat_map(|c| {
                std::iter::once(c.name.as_str()).chain(c.ancestors.iter().map(|a| a.name.as_str()))
            })
            .collect(),
        TextPart::Keywords => service.keywords.iter().map(String::as_str).collect(),
        TextPart::Description => service.description.iter().map(String::as_str).collect(),
    }
}

/// Category codes and names of a service and of every broader term.
fn category_keys(service: &Service) -> Vec<String> {
    let mut keys = Vec::new();
    for category in &service.categories {
        keys.push(category_key(&category.name));
        keys.extend(category.code.as_deref().map(category_key));
        for ancestor in &category.ancestors {
            keys.push(category_key(&ancestor.name));
            keys.extend(ancestor.code.as_deref().map(category_key));
        }
    }
    keys.retain(|k| !k.is_empty());
    keys.sort();
    keys.dedup();
    keys
}
