//! Services as FHIR R4 resources, for EMRs: a `HealthcareService` per
//! service, with its `Organization` and `Location`s, in a `Bundle`.
//!
//! The shape follows what HL7's directory guides (Plan-Net, the National
//! Directory) and the Gravity Project's SDOH Clinical Care guide use: the
//! `HealthcareService` is what a referral `Task` points to. Each
//! `HealthcareService` carries its organization and locations as
//! `contained` resources (`providedBy` → `#org`, `location` → `#loc-1`…),
//! so that one entry stands alone: an EMR can store it and attach it to a
//! referral without resolving anything.
//!
//! What maps where:
//!
//! | service | FHIR R4 `HealthcareService` |
//! |---|---|
//! | id | `identifier` (system [`SERVICE_ID_SYSTEM`], the id as is) and `id` (the id, or a FHIR-safe form of it) |
//! | status | `active` (true only when active) |
//! | name, description | `name`, `comment` |
//! | categories | `type` (code and name of each term), `category` (their broadest terms) |
//! | phones, url, email | `telecom` (`phone`, `fax`, `sms`, `url`, `email`) |
//! | eligibility (ages, genders, the publisher's text) | `eligibility[0].comment` |
//! | eligibility rules (groups, income limit, residency) | one more `eligibility` each: `code.text` ("for seniors"), `comment` |
//! | languages | `communication` (BCP 47 codes: ISO 639-1, else 639-3) |
//! | cost | `serviceProvisionCode` (`free`, `disc`, `cost`) |
//! | phones' kinds | `referralMethod` (`phone`, `fax`) |
//! | wheelchair access, notes | `characteristic` |
//! | weekly hours | `availableTime`; hours as text: `availabilityExceptions` |
//! | how to apply, documents, fees | `extraDetails` (markdown) |
//! | organization | contained `Organization` |
//! | locations | contained `Location`s (address, position) |
//! | service areas | `coverageArea`: contained `Location`s of mode `kind`, physical type `area`, named, their postal prefixes in `description`, their polygons as GeoJSON in the `location-boundary-geojson` extension |
//! | program | `program` (its name as text) |
//! | "by appointment" in how to apply or the hours | `appointmentRequired` true (read from text: left out otherwise, as FHIR means "not known") |
//!
//! # Example
//! ```
//! use servicematch::{fhir, Service};
//!
//! let service = Service { id: "s1".into(), name: "Food Bank".into(), ..Default::default() };
//! let bundle = fhir::collection(std::slice::from_ref(&service));
//! assert_eq!(bundle["entry"][0]["resource"]["resourceType"], "HealthcareService");
//! ```

use serde_json::{json, Map, Value};

use crate::error::Result;
use base64::Engine as _;

use crate::model::{Cost, Location, OpenInterval, Service, ServiceArea, Status};
use crate::{Index, Results};

/// The `identifier.system` of a service's id: the publisher's own HSDS
/// service id, kept exactly.
pub const SERVICE_ID_SYSTEM: &str = "urn:servicematch:hsds:service";
/// The `identifier.system` of an organization's id (the publisher's HSDS id).
pub const ORGANIZATION_ID_SYSTEM: &str = "urn:servicematch:hsds:organization";
/// The `identifier.system` of a location's id (the publisher's HSDS id).
pub const LOCATION_ID_SYSTEM: &str = "urn:servicematch:hsds:location";

const BCP47: &str = "urn:ietf:bcp:47";
const PROVISION: &str = "http://terminology.hl7.org/CodeSystem/service-provision-conditions";
const REFERRAL: &str = "http://terminology.hl7.org/CodeSystem/service-referral-method";
const PHYSICAL_TYPE: &str = "http://terminology.hl7.org/CodeSystem/location-physical-type";
/// FHIR's core extension for a `Location`'s boundary as GeoJSON.
const BOUNDARY_GEOJSON: &str = "http://hl7.org/fhir/StructureDefinition/location-boundary-geojson";

/// Search results as a FHIR R4 `searchset` `Bundle`: one entry per hit, best
/// first (no `entry` at all without hits: FHIR has no empty arrays), each a `HealthcareService` (see the [module docs](self)) with
/// `search.mode` `match` and the hit's `search.score`. `total` is the number
/// of matches when the search counted them all (`results.total_exact`).
///
/// The full record of each hit is read from `index` by its id.
///
/// # Errors
/// [`ErrorKind::CorruptIndex`](crate::ErrorKind::CorruptIndex) if a record
/// cannot be read; [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput)
/// if a hit's id is not in `index` (the results come from another index).
pub fn searchset(index: &Index, results: &Results) -> Result<Value> {
    let mut entries = Vec::with_capacity(results.hits.len());
    for hit in &results.hits {
        let service = index.service_by_id(&hit.id)?.ok_or_else(|| {
            crate::Error::invalid_input(format!(
                "hit {:?} is not in the index: the results come from another index",
                hit.id
            ))
        })?;
        entries.push(json!({
            "resource": healthcare_service(&service),
            "search": { "mode": "match", "score": score(hit.score) },
        }));
    }
    let mut bundle = Map::new();
    bundle.insert("resourceType".into(), "Bundle".into());
    bundle.insert("type".into(), "searchset".into());
    if results.total_exact {
        bundle.insert("total".into(), results.total.into());
    }
    // FHIR forbids empty arrays: no matches, no `entry`.
    if !entries.is_empty() {
        bundle.insert("entry".into(), entries.into());
    }
    Ok(Value::Object(bundle))
}

/// A score as the shortest decimal that reads back as the same `f32`
/// (0.1, not 0.10000000149011612).
fn score(score: f32) -> Value {
    score
        .to_string()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// Services as a FHIR R4 `collection` `Bundle` of `HealthcareService`s: what
/// a service looked up by id gives (a bundle of one), in the same shape as a
/// [`searchset`]'s entries.
pub fn collection(services: &[Service]) -> Value {
    let entries: Vec<Value> = services
        .iter()
        .map(|service| json!({ "resource": healthcare_service(service) }))
        .collect();
    let mut bundle = json!({ "resourceType": "Bundle", "type": "collection" });
    if !entries.is_empty() {
        bundle["entry"] = entries.into();
    }
    bundle
}

/// One service as a FHIR R4 `HealthcareService`, its organization and
/// locations contained (see the [module docs](self)).
pub fn healthcare_service(service: &Service) -> Value {
    let mut out = Object::default();
    out.put("resourceType", "HealthcareService");
    out.put("id", resource_id(&service.id));
    let mut contained = Vec::new();
    if let Some(organization) = &service.organization {
        let mut org = Object::default();
        org.put("resourceType", "Organization");
        org.put("id", "org");
        if !organization.id.is_empty() {
            org.put(
                "identifier",
                json!([{ "system": ORGANIZATION_ID_SYSTEM, "value": organization.id }]),
            );
        }
        org.put("active", true);
        org.put_str("name", &organization.name);
        if let Some(url) = nonempty(&organization.url) {
            org.put("telecom", json!([{ "system": "url", "value": url }]));
        }
        contained.push(org.0.into());
    }
    let location_refs: Vec<Value> = service
        .locations
        .iter()
        .enumerate()
        .map(|(i, location)| {
            let id = format!("loc-{}", i + 1);
            contained.push(location_resource(
                location,
                &id,
                service.organization.is_some(),
            ));
            json!({ "reference": format!("#{id}"), "display": location_display(location) })
        })
        .collect();
    let coverage: Vec<Value> = service
        .service_areas
        .iter()
        .enumerate()
        .filter_map(|(i, area)| {
            let id = format!("area-{}", i + 1);
            let (resource, display) = area_resource(area, &id)?;
            contained.push(resource);
            let mut reference = Object::default();
            reference.put("reference", format!("#{id}"));
            reference.put_str("display", &display);
            Some(reference.0.into())
        })
        .collect();
    if !contained.is_empty() {
        out.put("contained", contained);
    }
    if !service.id.is_empty() {
        out.put(
            "identifier",
            json!([{ "use": "official", "system": SERVICE_ID_SYSTEM, "value": service.id }]),
        );
    }
    out.put("active", service.status == Status::Active);
    if let Some(organization) = &service.organization {
        let mut reference = Object::default();
        reference.put("reference", "#org");
        reference.put_str("display", &organization.name);
        out.put("providedBy", reference.0);
    }
    let mut broad: Vec<&str> = Vec::new();
    for category in &service.categories {
        let root = category
            .ancestors
            .last()
            .map_or(&category.name, |a| &a.name);
        if !root.is_empty() && !broad.contains(&root.as_str()) {
            broad.push(root);
        }
    }
    if !broad.is_empty() {
        let broad: Vec<Value> = broad
            .into_iter()
            .map(|name| json!({ "text": name }))
            .collect();
        out.put("category", broad);
    }
    let types: Vec<Value> = service
        .categories
        .iter()
        .filter(|c| !c.name.is_empty())
        .map(|category| {
            let mut concept = Object::default();
            if let Some(code) = nonempty(&category.code) {
                concept.put(
                    "coding",
                    json!([{ "code": code, "display": category.name }]),
                );
            }
            concept.put("text", category.name.as_str());
            concept.0.into()
        })
        .collect();
    if !types.is_empty() {
        out.put("type", types);
    }
    if !service.locations.is_empty() {
        out.put("location", location_refs);
    }
    out.put_str("name", &service.name);
    if let Some(description) = nonempty(&service.description) {
        out.put("comment", description);
    }
    if let Some(details) = extra_details(service) {
        out.put("extraDetails", details);
    }
    let telecom = telecom(service);
    if !telecom.is_empty() {
        out.put("telecom", telecom);
    }
    if let Some(code) = provision_code(service.cost) {
        out.put(
            "serviceProvisionCode",
            json!([{ "coding": [{ "system": PROVISION, "code": code.0, "display": code.1 }] }]),
        );
    }
    let mut eligibilities = Vec::new();
    if let Some(comment) = eligibility(service) {
        eligibilities.push(json!({ "comment": comment }));
    }
    eligibilities.extend(eligibility_rules(service));
    if !eligibilities.is_empty() {
        out.put("eligibility", eligibilities);
    }
    if let Some(program) = nonempty(&service.program) {
        out.put("program", json!([{ "text": program }]));
    }
    if !coverage.is_empty() {
        out.put("coverageArea", coverage);
    }
    if by_appointment(service) {
        out.put("appointmentRequired", true);
    }
    let communication: Vec<Value> = service
        .languages
        .iter()
        .filter(|l| l.code.is_some() || !l.name.is_empty())
        .map(|language| {
            let mut concept = Object::default();
            if let Some(code) = nonempty(&language.code) {
                let mut coding = Object::default();
                coding.put("system", BCP47);
                coding.put("code", code);
                coding.put_str("display", &language.name);
                concept.put("coding", vec![Value::from(coding.0)]);
            }
            concept.put_str("text", &language.name);
            concept.0.into()
        })
        .collect();
    if !communication.is_empty() {
        out.put("communication", communication);
    }
    let methods = referral_methods(service);
    if !methods.is_empty() {
        out.put("referralMethod", methods);
    }
    let mut characteristics = Vec::new();
    if service.accessibility.wheelchair {
        characteristics.push(json!({ "text": "wheelchair accessible" }));
    }
    for note in service.accessibility.notes.iter().filter(|n| !n.is_empty()) {
        characteristics.push(json!({ "text": note }));
    }
    if !characteristics.is_empty() {
        out.put("characteristic", characteristics);
    }
    let times = available_time(&service.hours);
    if !times.is_empty() {
        out.put("availableTime", times);
    }
    if let Some(text) = nonempty(&service.hours_text) {
        out.put("availabilityExceptions", text);
    }
    out.0.into()
}

/// A JSON object being filled (FHIR does not care about the order of keys).
#[derive(Default)]
struct Object(Map<String, Value>);

impl Object {
    fn put(&mut self, key: &str, value: impl Into<Value>) {
        self.0.insert(key.to_owned(), value.into());
    }

    /// Puts a string unless it is empty (FHIR forbids empty strings).
    fn put_str(&mut self, key: &str, value: &str) {
        if !value.trim().is_empty() {
            self.put(key, value);
        }
    }
}

fn nonempty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

/// A FHIR resource id for a publisher's id: the id itself when FHIR allows
/// it (`[A-Za-z0-9\-\.]{1,64}`), else its allowed characters (others as
/// `-`), cut to 55, then `-` and the CRC-32 of the id, so that distinct ids
/// stay distinct. The exact id is always in `identifier`.
pub fn resource_id(id: &str) -> String {
    let allowed = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '.';
    if !id.is_empty() && id.len() <= 64 && id.chars().all(allowed) {
        return id.to_owned();
    }
    let safe: String = id
        .chars()
        .map(|c| if allowed(c) { c } else { '-' })
        .take(55)
        .collect();
    format!("{safe}-{:08x}", crc32fast::hash(id.as_bytes()))
}

fn location_resource(location: &Location, id: &str, has_organization: bool) -> Value {
    let mut out = Object::default();
    out.put("resourceType", "Location");
    out.put("id", id);
    if !location.id.is_empty() {
        out.put(
            "identifier",
            json!([{ "system": LOCATION_ID_SYSTEM, "value": location.id }]),
        );
    }
    out.put("status", "active");
    if let Some(name) = nonempty(&location.name) {
        out.put("name", name);
    }
    let mut address = Object::default();
    let mut text: Vec<&str> = Vec::new();
    if let Some(line) = nonempty(&location.address) {
        address.put("line", vec![line]);
        text.push(line);
    }
    for (key, value) in [
        ("city", &location.city),
        ("state", &location.region),
        ("postalCode", &location.postal_code),
    ] {
        if let Some(value) = nonempty(value) {
            address.put(key, value);
            if !text.iter().any(|t| t.contains(value)) {
                text.push(value);
            }
        }
    }
    if !address.0.is_empty() {
        address.put("text", text.join(", "));
        out.put("address", address.0);
    }
    if location.lat.is_finite() && location.lon.is_finite() {
        out.put(
            "position",
            json!({ "longitude": location.lon, "latitude": location.lat }),
        );
    }
    if has_organization {
        out.put("managingOrganization", json!({ "reference": "#org" }));
    }
    out.0.into()
}

/// The name or address a location reference shows.
fn location_display(location: &Location) -> String {
    [&location.name, &location.address, &location.city]
        .into_iter()
        .find_map(nonempty)
        .unwrap_or("location")
        .to_owned()
}

fn telecom(service: &Service) -> Vec<Value> {
    let mut out = Vec::new();
    for phone in &service.phones {
        let number = phone.number.trim();
        if number.is_empty() {
            continue;
        }
        let kind = phone.kind.as_deref().unwrap_or("").to_lowercase();
        let system = match kind.as_str() {
            "fax" => "fax",
            "text" | "sms" => "sms",
            _ => "phone",
        };
        let value = match nonempty(&phone.extension) {
            Some(extension) => format!("{number} ext. {extension}"),
            None => number.to_owned(),
        };
        out.push(json!({ "system": system, "value": value }));
    }
    if let Some(url) = nonempty(&service.url) {
        out.push(json!({ "system": "url", "value": url }));
    }
    if let Some(email) = nonempty(&service.email) {
        out.push(json!({ "system": "email", "value": email }));
    }
    out
}

fn provision_code(cost: Cost) -> Option<(&'static str, &'static str)> {
    match cost {
        Cost::Unknown => None,
        Cost::Free => Some(("free", "Free")),
        Cost::SlidingScale => Some(("disc", "Discounts Available")),
        Cost::Fee => Some(("cost", "Fees apply")),
    }
}

fn referral_methods(service: &Service) -> Vec<Value> {
    let mut codes: Vec<(&str, &str)> = Vec::new();
    for phone in service
        .phones
        .iter()
        .filter(|p| !p.number.trim().is_empty())
    {
        let code = match phone
            .kind
            .as_deref()
            .unwrap_or("voice")
            .to_lowercase()
            .as_str()
        {
            "fax" => ("fax", "Fax"),
            "voice" | "hotline" | "tty" | "" => ("phone", "Phone"),
            _ => continue,
        };
        if !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
        .into_iter()
        .map(|(code, display)| {
            json!({ "coding": [{ "system": REFERRAL, "code": code, "display": display }] })
        })
        .collect()
}

/// Who the service is for, in words: ages, genders, the publisher's text.
fn eligibility(service: &Service) -> Option<String> {
    let rules = &service.eligibility;
    let mut parts = Vec::new();
    if let Some(ages) = rules.ages {
        match (ages.min, ages.max) {
            (Some(min), Some(max)) => parts.push(format!("Ages {min} to {max}.")),
            (Some(min), None) => parts.push(format!("Ages {min} and over.")),
            (None, Some(max)) => parts.push(format!("Ages up to {max}.")),
            (None, None) => {}
        }
    }
    if !rules.genders.is_empty() {
        let genders: Vec<&str> = rules.genders.iter().map(|g| g.as_str()).collect();
        parts.push(format!("Genders: {}.", genders.join(", ")));
    }
    if let Some(text) = nonempty(&rules.description) {
        parts.push(text.to_owned());
    }
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The structured eligibility rules, one `eligibility` entry each: the
/// groups the service is for, its income limit, its residency.
fn eligibility_rules(service: &Service) -> Vec<Value> {
    let rules = &service.eligibility;
    let read = |from_text: bool| {
        if from_text {
            "Read from the service's eligibility text."
        } else {
            "From the directory's structured data."
        }
    };
    let mut out = Vec::new();
    for rule in &rules.groups {
        out.push(json!({
            "code": { "text": format!("for {}", rule.group.people()) },
            "comment": read(rule.from_text),
        }));
    }
    if let Some(limit) = &rules.income_limit {
        let text = match (limit.max_yearly, limit.low_income_share) {
            (Some(max), _) => Some(format!(
                "household income up to ${} a year",
                thousands(max.round() as u64)
            )),
            (None, Some(share)) => Some(format!(
                "household income up to {:.0}% of the low-income line for its size",
                share * 100.0
            )),
            (None, None) => None,
        };
        if let Some(text) = text {
            out.push(json!({ "code": { "text": text }, "comment": read(limit.from_text) }));
        }
    }
    let residency: Vec<&str> = rules
        .residency
        .iter()
        .map(|r| r.trim())
        .filter(|r| !r.is_empty())
        .collect();
    if !residency.is_empty() {
        out.push(json!({
            "code": { "text": format!("residents of {}", residency.join(", ")) },
            "comment": read(false),
        }));
    }
    out
}

/// 32000 as "32,000".
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// Whether the service says it is by appointment (in how to apply or its
/// hours as text), in English or French.
fn by_appointment(service: &Service) -> bool {
    [&service.application_process, &service.hours_text]
        .into_iter()
        .filter_map(|text| text.as_deref())
        .any(|text| {
            let text = text.to_lowercase();
            [
                "by appointment",
                "appointment required",
                "appointment only",
                "appointments only",
                "sur rendez-vous",
                "rendez-vous requis",
                "rendez-vous seulement",
            ]
            .iter()
            .any(|phrase| text.contains(phrase))
        })
}

/// A service area as a contained `Location` (mode `kind`, physical type
/// `area`) and the text to show for it; `None` when it has nothing to say.
fn area_resource(area: &ServiceArea, id: &str) -> Option<(Value, String)> {
    let name = nonempty(&area.name);
    let prefixes: Vec<&str> = area
        .postal_prefixes
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect();
    if name.is_none() && prefixes.is_empty() && area.polygons.is_empty() {
        return None;
    }
    let mut out = Object::default();
    out.put("resourceType", "Location");
    out.put("id", id);
    out.put("status", "active");
    out.put("mode", "kind");
    out.put(
        "physicalType",
        json!({ "coding": [{ "system": PHYSICAL_TYPE, "code": "area", "display": "Area" }] }),
    );
    let display = match (name, prefixes.is_empty()) {
        (Some(name), _) => name.to_owned(),
        (None, false) => format!("postal codes {}", prefixes.join(", ")),
        (None, true) => "an area on the map".to_owned(),
    };
    out.put("name", display.as_str());
    if !prefixes.is_empty() {
        out.put(
            "description",
            format!("Postal codes starting with {}", prefixes.join(", ")),
        );
    }
    if !area.polygons.is_empty() {
        let ring = |points: &Vec<(f64, f64)>| -> Vec<[f64; 2]> {
            points.iter().map(|&(lon, lat)| [lon, lat]).collect()
        };
        let polygons: Vec<Vec<Vec<[f64; 2]>>> = area
            .polygons
            .iter()
            .map(|p| {
                std::iter::once(&p.exterior)
                    .chain(&p.holes)
                    .map(ring)
                    .collect()
            })
            .collect();
        let geometry = json!({ "type": "MultiPolygon", "coordinates": polygons });
        let data = base64::engine::general_purpose::STANDARD.encode(geometry.to_string());
        out.put(
            "extension",
            json!([{
                "url": BOUNDARY_GEOJSON,
                "valueAttachment": { "contentType": "application/geo+json", "data": data },
            }]),
        );
    }
    Some((out.0.into(), display))
}

/// How to apply, what to bring and fees, as markdown.
fn extra_details(service: &Service) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(text) = nonempty(&service.application_process) {
        parts.push(format!("**How to apply:** {text}"));
    }
    let documents: Vec<&str> = service
        .required_documents
        .iter()
        .map(|d| d.trim())
        .filter(|d| !d.is_empty())
        .collect();
    if !documents.is_empty() {
        parts.push(format!("**What to bring:** {}", documents.join("; ")));
    }
    if let Some(text) = nonempty(&service.fees_description) {
        parts.push(format!("**Fees:** {text}"));
    }
    (!parts.is_empty()).then(|| parts.join("\n\n"))
}

/// Weekly hours as `availableTime`: one entry per distinct (opens, closes)
/// pair, with the days that have it; a whole day is `allDay`.
fn available_time(hours: &[OpenInterval]) -> Vec<Value> {
    const DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let mut groups: Vec<((u16, u16), Vec<u8>)> = Vec::new();
    for interval in hours.iter().filter(|i| i.weekday < 7 && i.opens < i.closes) {
        let key = (interval.opens, interval.closes);
        match groups.iter_mut().find(|(k, _)| *k == key) {
            Some((_, days)) => {
                if !days.contains(&interval.weekday) {
                    days.push(interval.weekday)
                }
            }
            None => groups.push((key, vec![interval.weekday])),
        }
    }
    groups
        .into_iter()
        .map(|((opens, closes), mut days)| {
            days.sort_unstable();
            let days: Vec<&str> = days.iter().map(|&d| DAYS[usize::from(d)]).collect();
            if opens == 0 && closes >= 1440 {
                json!({ "daysOfWeek": days, "allDay": true })
            } else {
                json!({
                    "daysOfWeek": days,
                    "availableStartTime": time(opens),
                    "availableEndTime": time(closes),
                })
            }
        })
        .collect()
}

/// Minutes after midnight as a FHIR `time`; midnight at the end of the day
/// (1440) is 23:59:59, since FHIR has no 24:00.
fn time(minutes: u16) -> String {
    if minutes >= 1440 {
        return "23:59:59".to_owned();
    }
    format!("{:02}:{:02}:00", minutes / 60, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn service() -> Service {
        Service {
            id: "svc 1/ä".into(),
            name: "Meals on Wheels".into(),
            description: Some("Hot meals at home.".into()),
            organization: Some(Organization {
                id: "org-1".into(),
                name: "Seniors Centre".into(),
                url: Some("https://example.org".into()),
            }),
            locations: vec![Location {
                id: "loc-a".into(),
                name: None,
                lat: 46.49,
                lon: -80.99,
                address: Some("12 Elm St".into()),
                city: Some("Sudbury".into()),
                region: Some("ON".into()),
                postal_code: Some("P3E 2C6".into()),
            }],
            phones: vec![
                Phone {
                    number: "705-555-0100".into(),
                    extension: Some("2".into()),
                    kind: Some("voice".into()),
                },
                Phone {
                    number: "705-555-0101".into(),
                    extension: None,
                    kind: Some("fax".into()),
                },
            ],
            languages: vec![Language {
                code: Some("fr".into()),
                name: "French".into(),
            }],
            eligibility: EligibilityRules {
                ages: Some(AgeRange {
                    min: Some(65),
                    max: None,
                    from_text: false,
                }),
                genders: vec![],
                description: Some("Seniors living at home.".into()),
                ..Default::default()
            },
            categories: vec![Category {
                code: Some("101-02".into()),
                name: "Home Delivered Meals".into(),
                vocabulary: Some("Open Eligibility".into()),
                ancestors: vec![CategoryTerm {
                    code: Some("101".into()),
                    name: "Food".into(),
                }],
            }],
            cost: Cost::SlidingScale,
            hours: (0..5)
                .map(|weekday| OpenInterval {
                    weekday,
                    opens: 9 * 60,
                    closes: 17 * 60,
                })
                .chain([OpenInterval {
                    weekday: 6,
                    opens: 0,
                    closes: 1440,
                }])
                .collect(),
            application_process: Some("Call to register.".into()),
            required_documents: vec!["Health card".into()],
            ..Default::default()
        }
    }

    #[test]
    fn a_service_maps_to_healthcare_service_with_contained_organization_and_location() {
        let resource = healthcare_service(&service());
        assert_eq!(resource["resourceType"], "HealthcareService");
        assert_eq!(resource["identifier"][0]["value"], "svc 1/ä");
        assert_eq!(resource["providedBy"]["reference"], "#org");
        assert_eq!(resource["contained"][0]["resourceType"], "Organization");
        assert_eq!(resource["contained"][1]["resourceType"], "Location");
        assert_eq!(resource["contained"][1]["position"]["latitude"], 46.49);
        assert_eq!(resource["location"][0]["reference"], "#loc-1");
        assert_eq!(resource["type"][0]["coding"][0]["code"], "101-02");
        assert_eq!(resource["category"][0]["text"], "Food");
        assert_eq!(resource["communication"][0]["coding"][0]["code"], "fr");
        assert_eq!(
            resource["serviceProvisionCode"][0]["coding"][0]["code"],
            "disc"
        );
        assert_eq!(resource["telecom"][0]["value"], "705-555-0100 ext. 2");
        assert_eq!(resource["telecom"][1]["system"], "fax");
        let methods: Vec<&str> = resource["referralMethod"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["coding"][0]["code"].as_str().unwrap())
            .collect();
        assert_eq!(methods, ["phone", "fax"]);
        assert_eq!(
            resource["eligibility"][0]["comment"],
            "Ages 65 and over. Seniors living at home."
        );
        assert!(resource["extraDetails"]
            .as_str()
            .unwrap()
            .contains("**What to bring:** Health card"));
    }

    #[test]
    fn rules_areas_program_and_appointments_map_to_their_fhir_fields() {
        let mut service = service();
        service.eligibility.groups = vec![GroupRule {
            group: Group::Senior,
            from_text: false,
        }];
        service.eligibility.income_limit = Some(IncomeLimit {
            max_yearly: None,
            low_income_share: Some(1.5),
            from_text: true,
        });
        service.eligibility.residency = vec!["ON".into(), "Thunder Bay".into()];
        service.program = Some("Community Support Services".into());
        service.hours_text = Some("Visits by appointment.".into());
        service.service_areas = vec![
            ServiceArea {
                name: Some("Sudbury District".into()),
                polygons: vec![AreaPolygon {
                    exterior: vec![(-81.0, 46.0), (-80.0, 46.0), (-80.0, 47.0), (-81.0, 46.0)],
                    holes: vec![],
                }],
                postal_prefixes: vec![],
            },
            ServiceArea {
                name: None,
                polygons: vec![],
                postal_prefixes: vec!["P3E".into(), "P3A".into()],
            },
        ];
        let resource = healthcare_service(&service);
        let rules: Vec<&str> = resource["eligibility"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["code"]["text"].as_str())
            .collect();
        assert_eq!(
            rules,
            [
                "for seniors",
                "household income up to 150% of the low-income line for its size",
                "residents of ON, Thunder Bay"
            ]
        );
        assert_eq!(
            resource["eligibility"][2]["comment"],
            "Read from the service's eligibility text."
        );
        assert_eq!(resource["program"][0]["text"], "Community Support Services");
        assert_eq!(resource["appointmentRequired"], true);
        let areas = resource["coverageArea"].as_array().unwrap();
        assert_eq!(areas[0]["reference"], "#area-1");
        assert_eq!(areas[0]["display"], "Sudbury District");
        assert_eq!(areas[1]["display"], "postal codes P3E, P3A");
        let contained = resource["contained"].as_array().unwrap();
        let area = contained.iter().find(|r| r["id"] == "area-1").unwrap();
        assert_eq!(area["mode"], "kind");
        assert_eq!(area["physicalType"]["coding"][0]["code"], "area");
        let data = area["extension"][0]["valueAttachment"]["data"]
            .as_str()
            .unwrap();
        let geojson: Value = serde_json::from_slice(
            &base64::engine::general_purpose::STANDARD
                .decode(data)
                .unwrap(),
        )
        .unwrap();
        assert_eq!(geojson["type"], "MultiPolygon");
        assert_eq!(geojson["coordinates"][0][0][1], json!([-80.0, 46.0]));
        let prefixes = contained.iter().find(|r| r["id"] == "area-2").unwrap();
        assert_eq!(
            prefixes["description"],
            "Postal codes starting with P3E, P3A"
        );
        service.eligibility.income_limit = Some(IncomeLimit {
            max_yearly: Some(1_232_000.0),
            low_income_share: None,
            from_text: false,
        });
        assert_eq!(
            healthcare_service(&service)["eligibility"][2]["code"]["text"],
            "household income up to $1,232,000 a year"
        );
        // Without such data the fields are left out, not false or empty.
        let plain = healthcare_service(&super::tests::service());
        for field in ["program", "coverageArea", "appointmentRequired"] {
            assert!(plain.get(field).is_none(), "{field}");
        }
    }

    #[test]
    fn hours_group_days_and_whole_days_are_all_day() {
        let resource = healthcare_service(&service());
        let times = resource["availableTime"].as_array().unwrap();
        assert_eq!(
            times[0],
            json!({"daysOfWeek": ["mon", "tue", "wed", "thu", "fri"],
                   "availableStartTime": "09:00:00", "availableEndTime": "17:00:00"})
        );
        assert_eq!(times[1], json!({"daysOfWeek": ["sun"], "allDay": true}));
        assert_eq!(time(1440), "23:59:59");
    }

    #[test]
    fn resource_ids_are_fhir_safe_and_distinct() {
        assert_eq!(resource_id("synth-0001493"), "synth-0001493");
        let odd = resource_id("svc 1/ä");
        assert!(odd.starts_with("svc-1--"));
        assert!(odd
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'));
        assert_ne!(resource_id("a b"), resource_id("a/b"));
        assert!(resource_id(&"x".repeat(100)).len() <= 64);
    }

    #[test]
    fn empty_values_are_left_out() {
        let resource = healthcare_service(&Service {
            id: "bare".into(),
            name: "Bare".into(),
            ..Default::default()
        });
        let mut keys: Vec<&str> = resource
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["active", "id", "identifier", "name", "resourceType"],
            "no empty arrays or strings"
        );
    }

    #[test]
    fn a_collection_has_one_entry_per_service() {
        let bundle = collection(&[service(), service()]);
        assert_eq!(bundle["type"], "collection");
        assert_eq!(bundle["entry"].as_array().unwrap().len(), 2);
        assert!(collection(&[]).get("entry").is_none(), "no empty arrays");
    }
}
