//! HSDS 3.x JSON: `service_full` objects.
//!
//! Fields read (everything else is ignored): `id`, `name`, `alternate_name`,
//! `description`, `url`, `email`, `status`, `organization` {`id`, `name`,
//! `url`}, `service_at_locations[].location` {`id`, `name`, `latitude`,
//! `longitude`, `addresses[]`, `accessibility[]`}, `phones[]`, `languages[]`,
//! `minimum_age`, `maximum_age`, `eligibility_description`, `schedules[]`
//! (weekly `byday` + `opens_at`/`closes_at`), `cost_options[]`,
//! `fees_description`, `required_documents[]`, `application_process`,
//! `program` {`name`}, `attributes[].taxonomy_term` (categories; a term of taxonomy "gender" with
//! code "female"/"male"/"other" restricts the service by gender),
//! `assured_date` / `last_modified`.
//!
//! Values come as publishers write them: numbers as strings, strings as
//! numbers, missing or null fields. A field that cannot be used is reported
//! and left out; a service without id or name is rejected and reported.

use std::collections::HashMap;

use serde_json::Value;

use super::schedule::{Hours, Rule};
use super::taxonomy::{Taxonomy, Term};
use super::{access, address, ages, clean, cost, Import};
use crate::error::{Error, Result};
use servicematch::{
    Accessibility, Cost, EligibilityRules, Gender, Language, Location, Organization, Phone,
    Service, Status,
};
use servicematch::{Problem, Report};

/// Reads HSDS 3.x JSON bytes; `file` names the source in errors and reports.
///
/// A top-level list is read one service at a time, so memory holds the
/// services, not the whole JSON tree. Categories are resolved once every
/// record is read: a term's parent may come with another service.
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `file`
/// when the bytes are empty, not JSON, or not HSDS services.
pub fn read(file: &str, bytes: &[u8]) -> Result<Import> {
    let not_json = |e| super::not_json(file, "valid JSON", e);
    // Bytes that are not UTF-8 inside a string cost that field, not the
    // file: they are replaced, and each record holding one is reported.
    let decoded;
    let (bytes, replaced) = match std::str::from_utf8(bytes) {
        Ok(_) => (bytes, false),
        Err(_) => {
            decoded = String::from_utf8_lossy(bytes).into_owned();
            (decoded.as_bytes(), true)
        }
    };
    let mut records = Records {
        file,
        replaced,
        read: Vec::new(),
        ids: HashMap::new(),
        report: Report::default(),
    };
    match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        None => return Err(Error::invalid_input(format!("{file}: the file is empty"))),
        Some(b'[') => {
            let mut deserializer = serde_json::Deserializer::from_slice(bytes);
            serde::Deserializer::deserialize_seq(&mut deserializer, &mut records)
                .map_err(not_json)?;
            deserializer.end().map_err(not_json)?;
        }
        Some(_) => {
            let value: Value = serde_json::from_slice(bytes).map_err(not_json)?;
            for record in envelope(file, value)? {
                records.add(record);
            }
        }
    }
    Ok(records.finish())
}

/// The services of a JSON document that is not a list: a paginated list
/// (`{"contents": [...]}`) or one service.
fn envelope(file: &str, value: Value) -> Result<Vec<Value>> {
    match value {
        Value::Object(mut object) => match object.remove("contents") {
            Some(Value::Array(items)) => Ok(items),
            Some(_) => Err(Error::invalid_input(format!(
                "{file}: \"contents\" is not a list of services"
            ))),
            None if object.contains_key("id") && object.contains_key("name") => {
                Ok(vec![Value::Object(object)])
            }
            None => Err(Error::invalid_input(format!(
                "{file}: expected a list of HSDS services, a paginated list with \"contents\", or one service"
            ))),
        },
        _ => Err(Error::invalid_input(format!(
            "{file}: expected a list of HSDS services, found a {}",
            kind(&value)
        ))),
    }
}

/// Services read so far, each with its row and the taxonomy terms it names.
struct Records<'f> {
    file: &'f str,
    /// Whether bytes that were not UTF-8 were replaced in the file.
    replaced: bool,
    read: Vec<(usize, Service, Vec<Term>)>,
    /// The row of each service id read.
    ids: HashMap<String, usize>,
    report: Report,
}

impl Records<'_> {
    fn add(&mut self, mut record: Value) {
        self.report.services_read += 1;
        let row = self.report.services_read;
        let mut context = Context {
            file: self.file,
            row,
            report: &mut self.report,
        };
        for finding in crate::screen::record(&mut record, self.replaced) {
            context.warn(&finding.field, finding.reason);
        }
        let Some((service, terms)) = service(&record, &mut context) else {
            return;
        };
        if let Some(first) = self.ids.get(&service.id) {
            let reason = format!(
                "service id {} appears twice (first at row {first}); the first is kept",
                service.id
            );
            context.reject("id", reason);
            return;
        }
        self.ids.insert(service.id.clone(), row);
        self.read.push((row, service, terms));
    }

    /// Categories from every term read, with the parents any record gave.
    fn finish(mut self) -> Import {
        let mut taxonomy = Taxonomy::default();
        for term in self.read.iter().flat_map(|(_, _, terms)| terms) {
            taxonomy.add(term.clone());
        }
        for (row, _, terms) in &self.read {
            for term in terms {
                let Some(parent) = term.parent.as_deref().filter(|p| !p.is_empty()) else {
                    continue;
                };
                if taxonomy.get(parent).is_none()
                    && super::taxonomy::open_eligibility().get(parent).is_none()
                {
                    let mut context = Context {
                        file: self.file,
                        row: *row,
                        report: &mut self.report,
                    };
                    context.warn(
                        "attributes",
                        format!(
                            "taxonomy term \"{}\" names parent_id \"{parent}\", which no term has; its broader terms are unknown",
                            term.name
                        ),
                    );
                }
            }
        }
        // In input order again: by row, each row's problems as they came.
        self.report.problems.sort_by_key(|p| p.row);
        let services = self
            .read
            .into_iter()
            .map(|(_, mut service, terms)| {
                service.categories = terms
                    .iter()
                    .map(|term| super::taxonomy::category(term, &taxonomy))
                    .collect();
                super::eligibility::complete(&mut service);
                service
            })
            .collect();
        Import {
            services,
            report: self.report,
        }
    }
}

impl<'de> serde::de::Visitor<'de> for &mut Records<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a list of HSDS services")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<(), A::Error> {
        while let Some(record) = seq.next_element::<Value>()? {
            self.add(record);
        }
        Ok(())
    }
}

struct Context<'a> {
    file: &'a str,
    row: usize,
    report: &'a mut Report,
}

impl Context<'_> {
    fn problem(&self, field: Option<&str>, reason: String) -> Problem {
        Problem {
            file: self.file.to_owned(),
            row: Some(self.row),
            field: field.map(str::to_owned),
            reason,
            rejected: false,
        }
    }

    fn reject(&mut self, field: &str, reason: String) {
        let problem = self.problem(Some(field), reason);
        self.report.reject(problem);
    }

    fn warn(&mut self, field: &str, reason: String) {
        let problem = self.problem(Some(field), reason);
        self.report.warn(problem);
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "list",
        Value::Object(_) => "object",
    }
}

/// A one-line string field ([`clean::line`]); numbers turned into strings,
/// empty is none.
fn text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => clean::line(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A prose field ([`clean::prose`]): paragraphs kept.
fn prose(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => clean::prose(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A field as written, for parsers that do their own cleaning.
fn raw<'v>(value: &'v Value, key: &str) -> Option<&'v str> {
    value
        .get(key)?
        .as_str()
        .map(str::trim)
        .filter(|s| !s.is_empty())
}

fn list<'v>(value: &'v Value, key: &str) -> &'v [Value] {
    match value.get(key) {
        Some(Value::Array(items)) => items,
        _ => &[],
    }
}

/// A number field that may be written as a string.
fn number(value: &Value, key: &str, context: &mut Context) -> Option<f64> {
    match value.get(key)? {
        Value::Number(n) => n.as_f64(),
        Value::String(s) if s.trim().is_empty() => None,
        Value::String(s) => match s.trim().parse::<f64>() {
            Ok(n) => Some(n),
            Err(_) => {
                context.warn(key, format!("{key} \"{s}\" is not a number"));
                None
            }
        },
        Value::Null => None,
        other => {
            context.warn(key, format!("{key} is a {}, not a number", kind(other)));
            None
        }
    }
}

fn term(value: &Value) -> Option<Term> {
    let name = text(value, "name")?;
    let code = text(value, "code");
    Some(Term {
        id: text(value, "id")
            .or_else(|| code.clone())
            .unwrap_or_else(|| name.clone()),
        code,
        name,
        parent: text(value, "parent_id"),
        vocabulary: text(value, "taxonomy")
            .or_else(|| value.get("taxonomy_detail").and_then(|d| text(d, "name"))),
    })
}

fn service(record: &Value, context: &mut Context) -> Option<(Service, Vec<Term>)> {
    if !record.is_object() {
        context.reject(
            "",
            format!("a service must be an object, found a {}", kind(record)),
        );
        return None;
    }
    let Some(id) = text(record, "id") else {
        let reason = match record.get("id") {
            Some(value @ (Value::Array(_) | Value::Object(_) | Value::Bool(_))) => {
                format!("service id is a {}, not text", kind(value))
            }
            _ => "service has no id".into(),
        };
        context.reject("id", reason);
        return None;
    };
    let Some(name) = text(record, "name") else {
        let reason = match record.get("name") {
            Some(value @ (Value::Array(_) | Value::Object(_) | Value::Bool(_))) => {
                format!("service {id}: name is a {}, not text", kind(value))
            }
            _ => format!("service {id} has no name"),
        };
        context.reject("name", reason);
        return None;
    };
    check_types(record, context);
    let mut service = Service {
        id,
        name,
        alternate_names: text(record, "alternate_name").into_iter().collect(),
        description: prose(record, "description"),
        url: text(record, "url"),
        email: text(record, "email"),
        status: status(record, context),
        application_process: prose(record, "application_process"),
        fees_description: prose(record, "fees_description"),
        program: record.get("program").and_then(|p| text(p, "name")),
        last_verified: text(record, "assured_date")
            .or_else(|| text(record, "last_modified").map(|d| d.chars().take(10).collect())),
        ..Service::default()
    };
    service.organization = record.get("organization").and_then(|o| {
        Some(Organization {
            id: text(o, "id").unwrap_or_default(),
            name: text(o, "name")?,
            url: text(o, "url").or_else(|| text(o, "website")),
        })
    });
    let mut accessibility = Accessibility::default();
    for (i, link) in list(record, "service_at_locations").iter().enumerate() {
        let Some(location) = link.get("location").filter(|l| l.is_object()) else {
            let named = text(link, "location_id")
                .map(|id| format!(" (location_id \"{id}\")"))
                .unwrap_or_default();
            context.warn(
                "service_at_locations",
                format!("service_at_locations[{i}] has no location object{named}; it is not used"),
            );
            continue;
        };
        service.locations.push(self::location(location, i, context));
        for note in list(location_of(link), "accessibility") {
            if let Some(description) = text(note, "description").or_else(|| text(note, "details")) {
                accessibility.wheelchair |= access::wheelchair(&description);
                if !accessibility.notes.contains(&description) {
                    accessibility.notes.push(description);
                }
            }
        }
    }
    service.accessibility = accessibility;
    service.phones = list(record, "phones")
        .iter()
        .filter_map(|p| {
            Some(Phone {
                number: text(p, "number")?,
                extension: text(p, "extension"),
                kind: text(p, "type"),
            })
        })
        .collect();
    for language in list(record, "languages") {
        for language in self::language(language, context) {
            let duplicate = service
                .languages
                .iter()
                .any(|l| l.code.is_some() && l.code == language.code);
            if !duplicate {
                service.languages.push(language);
            }
        }
    }
    service.eligibility = eligibility(record, context);
    let mut terms = Vec::new();
    for attribute in list(record, "attributes") {
        let Some(term) = attribute.get("taxonomy_term").and_then(term) else {
            continue;
        };
        if term
            .vocabulary
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case("gender"))
        {
            let gender = term
                .code
                .as_deref()
                .and_then(Gender::parse)
                .or_else(|| Gender::parse(&term.name));
            match gender {
                Some(gender) => service.eligibility.genders.push(gender),
                None => context.warn(
                    "attributes",
                    format!("gender \"{}\" is not female, male or other", term.name),
                ),
            }
            continue;
        }
        if term
            .vocabulary
            .as_deref()
            .is_some_and(|v| v.eq_ignore_ascii_case(super::eligibility::ELIGIBILITY_TAXONOMY))
        {
            let name = term.code.as_deref().unwrap_or(&term.name);
            let value = text(attribute, "value").unwrap_or_default();
            if let Err(reason) = super::eligibility::apply_attribute(&mut service, name, &value) {
                context.warn("attributes", reason);
            }
            continue;
        }
        terms.push(term);
    }
    service.eligibility.genders.sort();
    service.eligibility.genders.dedup();
    service.keywords = match record.get("keywords") {
        Some(Value::String(s)) => s.split(',').filter_map(clean::line).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str())
            .filter_map(clean::line)
            .collect(),
        _ => Vec::new(),
    };
    service.cost = self::cost(record, context);
    schedules(record, context).apply(&mut service);
    for entry in list(record, "service_areas") {
        let name = raw(entry, "name").or_else(|| raw(entry, "service_area"));
        match crate::areas::area(name, entry.get("extent"), raw(entry, "extent_type")) {
            Ok(Some(area)) => service.service_areas.push(area),
            Ok(None) => {}
            Err(reason) => {
                context.warn("service_areas", format!("{reason}; the area is not used"));
                if let Ok(Some(area)) = crate::areas::area(name, None, None) {
                    service.service_areas.push(area);
                }
            }
        }
    }
    service.required_documents = list(record, "required_documents")
        .iter()
        .filter_map(|d| prose(d, "document"))
        .collect();
    Some((service, terms))
}

/// What each field of a service holds, where the reader looks for it.
#[derive(Clone, Copy)]
enum Shape {
    /// A string (or a number, taken as its digits).
    Text,
    /// A list.
    List,
    /// An object.
    Object,
}

/// The fields read whose values are checked for their shape; the reader
/// itself says what is wrong with numbers (`minimum_age`, coordinates).
const SHAPES: &[(&str, Shape)] = &[
    ("alternate_name", Shape::Text),
    ("description", Shape::Text),
    ("url", Shape::Text),
    ("email", Shape::Text),
    ("status", Shape::Text),
    ("application_process", Shape::Text),
    ("fees_description", Shape::Text),
    ("eligibility_description", Shape::Text),
    ("assured_date", Shape::Text),
    ("last_modified", Shape::Text),
    ("organization", Shape::Object),
    ("service_at_locations", Shape::List),
    ("phones", Shape::List),
    ("languages", Shape::List),
    ("schedules", Shape::List),
    ("cost_options", Shape::List),
    ("required_documents", Shape::List),
    ("attributes", Shape::List),
    ("service_areas", Shape::List),
];

/// Reports each field whose value is of the wrong shape (a list where text
/// belongs, text where a list belongs…): the field is not used.
fn check_types(record: &Value, context: &mut Context) {
    for &(key, shape) in SHAPES {
        let Some(value) = record.get(key) else {
            continue;
        };
        let (fits, wanted) = match shape {
            Shape::Text => (matches!(value, Value::String(_) | Value::Number(_)), "text"),
            Shape::List => (matches!(value, Value::Array(_)), "a list"),
            Shape::Object => (matches!(value, Value::Object(_)), "an object"),
        };
        if !fits && !value.is_null() {
            context.warn(
                key,
                format!("{key} is a {}, not {wanted}; it is not used", kind(value)),
            );
        }
    }
}

fn location_of(link: &Value) -> &Value {
    link.get("location").unwrap_or(&Value::Null)
}

/// The languages of one `languages` entry: its ISO `code` if valid, else
/// its `name` read as free text ([`crate::lang::from_text`]).
fn language(value: &Value, context: &mut Context) -> Vec<Language> {
    let name = raw(value, "name");
    let given = text(value, "code");
    if let Some(code) = given.as_deref().and_then(crate::lang::code) {
        let name = name.and_then(clean::line).unwrap_or_else(|| code.clone());
        return vec![Language {
            code: Some(code),
            name,
        }];
    }
    let languages = match (name, given) {
        (Some(name), _) => crate::lang::from_text(name),
        (None, Some(code)) => vec![Language {
            code: None,
            name: code,
        }],
        (None, None) => Vec::new(),
    };
    for language in &languages {
        if language.code.is_none() && !crate::lang::is_note(&language.name) {
            context.warn(
                "languages",
                format!(
                    "language \"{}\" is not a known language; kept as text",
                    language.name
                ),
            );
        }
    }
    languages
}

fn status(record: &Value, context: &mut Context) -> Status {
    let Some(text) = text(record, "status") else {
        return Status::Active;
    };
    Status::parse(&text).unwrap_or_else(|| {
        context.warn("status", format!("status \"{text}\" is not active, inactive, defunct or temporarily closed; taken as active"));
        Status::Active
    })
}

/// A location; without usable coordinates it is kept with NaN coordinates
/// (shown, not found by distance).
fn location(value: &Value, position: usize, context: &mut Context) -> Location {
    let lat = number(value, "latitude", context);
    let lon = number(value, "longitude", context);
    let (lat, lon) = match (lat, lon) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            (lat, lon)
        }
        (Some(lat), Some(lon)) => {
            context.warn(
                "service_at_locations",
                format!("location {} at ({lat}, {lon}) is not a point on Earth; kept without coordinates", position + 1),
            );
            (f64::NAN, f64::NAN)
        }
        _ => (f64::NAN, f64::NAN),
    };
    let addresses = list(value, "addresses");
    let address = addresses
        .iter()
        .find(|a| text(a, "address_type").is_none_or(|t| t == "physical"))
        .or(addresses.first());
    let mut location = Location {
        id: text(value, "id").unwrap_or_default(),
        name: text(value, "name"),
        lat,
        lon,
        ..Location::default()
    };
    if let Some(address) = address {
        location.address = address::one_line(address::PARTS.iter().map(|k| text(address, k)));
        location.city = text(address, "city");
        location.region = text(address, "state_province").or_else(|| text(address, "region"));
        location.postal_code = text(address, "postal_code");
    }
    location
}

fn eligibility(record: &Value, context: &mut Context) -> EligibilityRules {
    let age = |key: &str, context: &mut Context| -> Option<u8> {
        let n = number(record, key, context)?;
        ages::years(n)
            .map_err(|reason| context.warn(key, format!("{key} {reason}")))
            .ok()
    };
    let min = age("minimum_age", context);
    let max = age("maximum_age", context);
    let description = prose(record, "eligibility_description");
    let structured = ages::range(min, max).unwrap_or_else(|reason| {
        context.warn("minimum_age", reason);
        None
    });
    EligibilityRules {
        ages: structured.or_else(|| description.as_deref().and_then(ages::from_text)),
        genders: Vec::new(),
        description,
        ..EligibilityRules::default()
    }
}

/// The cheapest of the cost options, else what the fees text says.
fn cost(record: &Value, context: &mut Context) -> Cost {
    let mut cost = Cost::Unknown;
    for option in list(record, "cost_options") {
        let amount = number(option, "amount", context);
        cost = cost::cheapest(
            cost,
            cost::from_option(text(option, "option").as_deref(), amount),
        );
    }
    if cost == Cost::Unknown {
        if let Some(fees) = prose(record, "fees_description") {
            cost = cost::from_fees(&fees);
        }
    }
    cost
}

fn schedules(record: &Value, context: &mut Context) -> crate::schedule::Schedule {
    let mut hours = Hours::default();
    for schedule in list(record, "schedules") {
        let fields: Vec<Option<String>> = [
            "freq",
            "interval",
            "byday",
            "weekday",
            "opens_at",
            "closes_at",
            "valid_from",
            "valid_to",
            "timezone",
        ]
        .iter()
        .map(|key| text(schedule, key))
        .collect();
        let rule = Rule {
            freq: fields[0].as_deref(),
            interval: fields[1].as_deref(),
            byday: fields[2].as_deref(),
            weekday: fields[3].as_deref(),
            opens_at: fields[4].as_deref(),
            closes_at: fields[5].as_deref(),
            valid_from: fields[6].as_deref(),
            valid_to: fields[7].as_deref(),
            closed: None,
            timezone: fields[8].as_deref(),
        };
        let description = prose(schedule, "description");
        if rule.is_empty() {
            if let Some(description) = description {
                hours.add_text(description);
            }
        } else if let Err(unreadable) = hours.add_rule(&rule) {
            context.warn("schedules", format!("{}; kept as text", unreadable.reason));
            if let Some(description) = description {
                hours.add_text(description);
            }
        }
    }
    hours.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use servicematch::{AgeRange, OpenInterval};

    const FIXTURE: &str = include_str!("../testdata/hsds3/service_full.json");

    #[test]
    fn reads_the_canonical_service_full() {
        let import = read("service_full.json", FIXTURE.as_bytes()).unwrap();
        assert_eq!(import.services.len(), 1);
        let service = &import.services[0];
        assert_eq!(service.id, "ac148810-d857-441c-9679-408f346de14b");
        assert_eq!(service.name, "Community Counselling");
        assert_eq!(
            service.eligibility.ages,
            Some(AgeRange {
                min: Some(12),
                max: None,
                from_text: false
            })
        );
        assert_eq!(service.languages[0].code.as_deref(), Some("ur"));
        // The fixture's location sits at latitude 100: reported, and kept
        // with its address but without coordinates.
        assert!(service.locations[0].lat.is_nan());
        assert_eq!(
            service.locations[0].name.as_deref(),
            Some("MyCity Civic Center")
        );
        assert!(import
            .report
            .problems
            .iter()
            .any(|p| p.reason.contains("(100, 101) is not a point on Earth")));
        assert_eq!(service.hours.len(), 2, "{:?}", service.hours);
    }

    #[test]
    fn paginated_envelope() {
        let json = format!("{{\"total_items\": 1, \"contents\": [{FIXTURE}]}}");
        assert_eq!(
            read("list.json", json.as_bytes()).unwrap().services.len(),
            1
        );
    }

    #[test]
    fn bad_input_is_named() {
        let err = read("x.json", b"").unwrap_err();
        assert_eq!(err.to_string(), "x.json: the file is empty");
        let err = read("x.json", b"[{").unwrap_err();
        assert!(
            err.to_string()
                .starts_with("x.json: not valid JSON (line 1"),
            "{err}"
        );
        let err = read("x.json", b"42").unwrap_err();
        assert!(err.to_string().contains("found a number"), "{err}");
    }

    #[test]
    fn unusable_records_are_reported_not_dropped_silently() {
        let json = br#"[{"id": "a", "name": "A", "minimum_age": "sixty"}, {"name": "no id"}, 7]"#;
        let import = read("s.json", json).unwrap();
        assert_eq!(import.services.len(), 1);
        assert_eq!(import.report.services_read, 3);
        assert_eq!(import.report.services_rejected, 2);
        let messages: Vec<String> = import
            .report
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert!(
            messages.contains(
                &"s.json row 1 field minimum_age: minimum_age \"sixty\" is not a number"
                    .to_string()
            ),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("s.json row 2 field id: service has no id")),
            "{messages:?}"
        );
    }

    #[test]
    fn schedules_become_weekly_intervals() {
        let json = br#"[{"id": "a", "name": "A", "schedules": [
            {"freq": "WEEKLY", "byday": "MO,FR", "opens_at": "09:00", "closes_at": "17:00"},
            {"freq": "WEEKLY", "byday": "SA", "opens_at": "22:00", "closes_at": "02:00"},
            {"description": "By appointment"}]}]"#;
        let service = &read("s.json", json).unwrap().services[0];
        assert_eq!(
            service.hours[0],
            OpenInterval {
                weekday: 0,
                opens: 540,
                closes: 1020
            }
        );
        assert!(service.hours.contains(&OpenInterval {
            weekday: 6,
            opens: 0,
            closes: 120
        }));
        assert_eq!(service.hours_text.as_deref(), Some("By appointment"));
    }
}
