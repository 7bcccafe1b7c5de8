//! HSDS 3.x JSON: `service_full` objects.
//!
//! Fields read (everything else is ignored): `id`, `name`, `alternate_name`,
//! `description`, `url`, `email`, `status`, `organization` {`id`, `name`,
//! `url`}, `service_at_locations[].location` {`id`, `name`, `latitude`,
//! `longitude`, `addresses[]`, `accessibility[]`}, `phones[]`, `languages[]`,
//! `minimum_age`, `maximum_age`, `eligibility_description`, `schedules[]`
//! (weekly `byday` + `opens_at`/`closes_at`), `cost_options[]`,
//! `fees_description`, `required_documents[]`, `application_process`,
//! `attributes[].taxonomy_term` (categories; a term of taxonomy "gender" with
//! code "female"/"male"/"other" restricts the service by gender),
//! `assured_date` / `last_modified`.
//!
//! Values come as publishers write them: numbers as strings, strings as
//! numbers, missing or null fields. A field that cannot be used is reported
//! and left out; a service without id or name is rejected and reported.

use serde_json::Value;

use super::taxonomy::{open_eligibility, Taxonomy, Term};
use super::Import;
use crate::error::{Error, Result};
use crate::model::{
    Accessibility, AgeRange, Category, Cost, Eligibility, Gender, Language, Location, OpenInterval,
    Organization, Phone, Service, Status,
};
use crate::report::{Problem, Report};

/// Reads HSDS 3.x JSON bytes; `file` names the source in errors and reports.
///
/// # Errors
/// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) naming `file`
/// when the bytes are empty, not JSON, or not HSDS services.
pub fn read(file: &str, bytes: &[u8]) -> Result<Import> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Error::invalid_input(format!("{file}: the file is empty")));
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|e| {
        Error::invalid_input(format!(
            "{file}: not valid JSON (line {}, column {})",
            e.line(),
            e.column()
        ))
        .with_source(e)
    })?;
    let records: Vec<Value> = match value {
        Value::Array(items) => items,
        Value::Object(mut object) => match object.remove("contents") {
            Some(Value::Array(items)) => items,
            Some(_) => {
                return Err(Error::invalid_input(format!(
                    "{file}: \"contents\" is not a list of services"
                )))
            }
            None if object.contains_key("id") && object.contains_key("name") => {
                vec![Value::Object(object)]
            }
            None => {
                return Err(Error::invalid_input(format!(
                    "{file}: expected a list of HSDS services, a paginated list with \"contents\", or one service"
                )))
            }
        },
        _ => {
            return Err(Error::invalid_input(format!(
                "{file}: expected a list of HSDS services, found a {}",
                kind(&value)
            )))
        }
    };
    let mut taxonomy = Taxonomy::default();
    for record in &records {
        for term in record_terms(record) {
            taxonomy.add(term);
        }
    }
    let mut import = Import {
        services: Vec::with_capacity(records.len()),
        report: Report::default(),
    };
    for (i, record) in records.iter().enumerate() {
        import.report.services_read += 1;
        let mut context = Context {
            file,
            row: i + 1,
            report: &mut import.report,
        };
        if let Some(service) = service(record, &taxonomy, &mut context) {
            import.services.push(service);
        }
    }
    Ok(import)
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

/// A string field: strings are cleaned, numbers turned into strings, empty is none.
fn text(value: &Value, key: &str) -> Option<String> {
    match value.get(key)? {
        Value::String(s) => clean(s),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Trims, collapses runs of whitespace and literal "\n" sequences.
fn clean(text: &str) -> Option<String> {
    let text = text.replace("\\n", "\n");
    let cleaned = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let cleaned = cleaned.trim_matches('"').trim().to_owned();
    (!cleaned.is_empty()).then_some(cleaned)
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

fn record_terms(record: &Value) -> Vec<Term> {
    list(record, "attributes")
        .iter()
        .filter_map(|a| a.get("taxonomy_term"))
        .filter_map(term)
        .collect()
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

fn service(record: &Value, taxonomy: &Taxonomy, context: &mut Context) -> Option<Service> {
    if !record.is_object() {
        context.reject(
            "",
            format!("a service must be an object, found a {}", kind(record)),
        );
        return None;
    }
    let Some(id) = text(record, "id") else {
        context.reject("id", "service has no id".into());
        return None;
    };
    let Some(name) = text(record, "name") else {
        context.reject("name", format!("service {id} has no name"));
        return None;
    };
    let mut service = Service {
        id,
        name,
        alternate_names: text(record, "alternate_name").into_iter().collect(),
        description: text(record, "description"),
        url: text(record, "url"),
        email: text(record, "email"),
        status: status(record, context),
        application_process: text(record, "application_process"),
        fees_description: text(record, "fees_description"),
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
        let Some(location) = link.get("location") else {
            continue;
        };
        if let Some(location) = self::location(location, i, context) {
            service.locations.push(location);
        }
        for note in list(location_of(link), "accessibility") {
            if let Some(description) = text(note, "description").or_else(|| text(note, "details")) {
                let lower = description.to_lowercase();
                if lower.contains("wheelchair") || lower.contains("fauteuil roulant") {
                    accessibility.wheelchair = true;
                }
                accessibility.notes.push(description);
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
        let name = text(language, "name");
        let given = text(language, "code");
        let code = given
            .as_deref()
            .and_then(crate::lang::code)
            .or_else(|| name.as_deref().and_then(crate::lang::code));
        if code.is_none() {
            context.warn(
                "languages",
                format!(
                    "language \"{}\" is not a known language; kept as text",
                    name.clone().or(given.clone()).unwrap_or_default()
                ),
            );
        }
        if let Some(name) = name.or(given) {
            service.languages.push(Language { code, name });
        }
    }
    service.eligibility = eligibility(record, context);
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
        service.categories.push(category(&term, taxonomy));
    }
    service.eligibility.genders.sort();
    service.eligibility.genders.dedup();
    service.keywords = match record.get("keywords") {
        Some(Value::String(s)) => s.split(',').filter_map(clean).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str())
            .filter_map(clean)
            .collect(),
        _ => Vec::new(),
    };
    service.cost = cost(record);
    let (hours, hours_text) = schedules(record);
    service.hours = hours;
    service.hours_text = hours_text;
    service.required_documents = list(record, "required_documents")
        .iter()
        .filter_map(|d| text(d, "document"))
        .collect();
    Some(service)
}

fn location_of(link: &Value) -> &Value {
    link.get("location").unwrap_or(&Value::Null)
}

fn category(term: &Term, taxonomy: &Taxonomy) -> Category {
    // An Open Eligibility code finds its parents in the built-in tree even
    // when the publisher's data lacks them.
    let is_open_eligibility = term
        .vocabulary
        .as_deref()
        .is_some_and(|v| v.to_lowercase().contains("open eligibility"));
    if term.parent.is_none() && is_open_eligibility {
        if let Some(known) = term.code.as_deref().and_then(|c| open_eligibility().get(c)) {
            // The publisher's own name stays; the tree gives the broader terms.
            return Category {
                name: term.name.clone(),
                ..open_eligibility().category(known)
            };
        }
    }
    taxonomy.category(term)
}

fn status(record: &Value, context: &mut Context) -> Status {
    match text(record, "status").map(|s| s.to_lowercase()).as_deref() {
        None | Some("active") => Status::Active,
        Some("inactive") => Status::Inactive,
        Some("defunct") => Status::Defunct,
        Some("temporarily closed") | Some("temporarily_closed") => Status::TemporarilyClosed,
        Some(other) => {
            context.warn("status", format!("status \"{other}\" is not active, inactive, defunct or temporarily closed; taken as active"));
            Status::Active
        }
    }
}

fn location(value: &Value, position: usize, context: &mut Context) -> Option<Location> {
    let lat = number(value, "latitude", context);
    let lon = number(value, "longitude", context);
    let (Some(lat), Some(lon)) = (lat, lon) else {
        context.warn(
            "service_at_locations",
            format!(
                "location {} has no coordinates; left out of distance search",
                position + 1
            ),
        );
        return None;
    };
    if !(-90.0..=90.0).contains(&lat) || !(-180.0..=180.0).contains(&lon) {
        context.warn(
            "service_at_locations",
            format!(
                "location {} at ({lat}, {lon}) is not a point on Earth; left out",
                position + 1
            ),
        );
        return None;
    }
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
        let line: Vec<String> = ["address_1", "address_2", "city", "state_province"]
            .iter()
            .filter_map(|k| text(address, k))
            .collect();
        location.address = (!line.is_empty()).then(|| line.join(", "));
        location.city = text(address, "city");
        location.region = text(address, "state_province");
        location.postal_code = text(address, "postal_code");
    }
    Some(location)
}

fn eligibility(record: &Value, context: &mut Context) -> Eligibility {
    let age = |key: &str, context: &mut Context| -> Option<u8> {
        let n = number(record, key, context)?;
        if n.fract() == 0.0 && (0.0..=130.0).contains(&n) {
            Some(n as u8)
        } else {
            context.warn(key, format!("{key} {n} is not an age in years"));
            None
        }
    };
    let min = age("minimum_age", context);
    let max = age("maximum_age", context);
    let ages = match (min, max) {
        (None, None) => None,
        (Some(min), Some(max)) if min > max => {
            context.warn(
                "minimum_age",
                format!("minimum_age {min} is above maximum_age {max}; ages left out"),
            );
            None
        }
        // 0 and ≥ 100 are how many exports spell "no limit".
        (min, max) => {
            let min = min.filter(|&m| m > 0);
            let max = max.filter(|&m| m < 100);
            (min.is_some() || max.is_some()).then_some(AgeRange {
                min,
                max,
                from_text: false,
            })
        }
    };
    Eligibility {
        ages,
        genders: Vec::new(),
        description: text(record, "eligibility_description"),
    }
}

fn cost(record: &Value) -> Cost {
    let mut cost = Cost::Unknown;
    for option in list(record, "cost_options") {
        let words = text(option, "option").unwrap_or_default().to_lowercase();
        let amount = option.get("amount").and_then(Value::as_f64);
        let this = if words.contains("sliding") {
            Cost::SlidingScale
        } else if words.contains("free") || words.contains("no cost") || amount == Some(0.0) {
            Cost::Free
        } else if amount.is_some_and(|a| a > 0.0) || words.contains("fee") {
            Cost::Fee
        } else {
            Cost::Unknown
        };
        // The cheapest option a person can get is what matters to them.
        cost = match (cost, this) {
            (Cost::Unknown, c) | (c, Cost::Unknown) => c,
            (Cost::Free, _) | (_, Cost::Free) => Cost::Free,
            (Cost::SlidingScale, _) | (_, Cost::SlidingScale) => Cost::SlidingScale,
            _ => Cost::Fee,
        };
    }
    if cost == Cost::Unknown {
        let fees = text(record, "fees_description")
            .unwrap_or_default()
            .to_lowercase();
        if fees.contains("sliding scale") {
            cost = Cost::SlidingScale;
        } else if fees.starts_with("free") || fees.contains("no cost") || fees.contains("no fee") {
            cost = Cost::Free;
        }
    }
    cost
}

fn schedules(record: &Value) -> (Vec<OpenInterval>, Option<String>) {
    let mut hours = Vec::new();
    let mut texts = Vec::new();
    for schedule in list(record, "schedules") {
        let weekly = text(schedule, "freq").is_none_or(|f| f.eq_ignore_ascii_case("weekly"));
        let days: Vec<u8> = text(schedule, "byday")
            .unwrap_or_default()
            .split(',')
            .filter_map(|d| weekday(d.trim()))
            .collect();
        let opens = text(schedule, "opens_at").and_then(|t| minutes(&t));
        let closes = text(schedule, "closes_at").and_then(|t| minutes(&t));
        match (weekly, days.is_empty(), opens, closes) {
            (true, false, Some(opens), Some(closes)) => {
                let closes = if closes <= opens {
                    closes + 1440
                } else {
                    closes
                };
                for day in days {
                    hours.push(OpenInterval {
                        weekday: day,
                        opens,
                        closes: closes.min(1440),
                    });
                    if closes > 1440 {
                        hours.push(OpenInterval {
                            weekday: (day + 1) % 7,
                            opens: 0,
                            closes: closes - 1440,
                        });
                    }
                }
            }
            _ => texts.extend(text(schedule, "description")),
        }
    }
    hours.sort_by_key(|h| (h.weekday, h.opens));
    hours.dedup();
    (hours, (!texts.is_empty()).then(|| texts.join("; ")))
}

fn weekday(code: &str) -> Option<u8> {
    // RRULE BYDAY may carry an ordinal ("1MO"); weekly rows use the bare day.
    let code = code.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+');
    ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
        .iter()
        .position(|d| d.eq_ignore_ascii_case(code))
        .map(|i| i as u8)
}

/// "09:00", "9:00:00", "17:30" → minutes after midnight; "23:59" (how many
/// exports spell "until midnight") → 1440.
fn minutes(time: &str) -> Option<u16> {
    let mut parts = time.trim().split(':');
    let hours: u16 = parts.next()?.trim().parse().ok()?;
    let minutes: u16 = parts.next().unwrap_or("0").trim().parse().ok()?;
    let total = hours * 60 + minutes;
    (hours <= 24 && minutes < 60 && total <= 1440).then_some(if total == 1439 {
        1440
    } else {
        total
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &str = include_str!("../../testdata/hsds3/service_full.json");

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
        // The fixture's location sits at latitude 100: reported, not indexed.
        assert!(service.locations.is_empty());
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
