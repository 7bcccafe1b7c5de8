//! The HSDS 3.x `service_full` shape, as far as this crate fills it, and a
//! streaming writer for a JSON array of services.
//!
//! Field names and nesting follow Open Referral's Human Services Data
//! Specification 3.x (`service_full.json`): a service carries its
//! organization, its `service_at_locations` (each with a full `location`),
//! phones, languages, schedules, cost options, required documents and
//! taxonomy `attributes`. Optional fields that are absent are left out of the
//! JSON; empty lists too.

use std::fs::File;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// One HSDS service with everything nested in it. `Default` leaves every
/// field empty, for struct updates.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Service {
    /// Stable identifier ("synth-0000123", "odhf-hospitals-4122").
    pub id: String,
    /// Display name.
    pub name: String,
    /// Another name the service is known by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternate_name: Option<String>,
    /// What the service does.
    pub description: String,
    /// Web page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Contact email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Operational status: "active", "inactive", "defunct" or "temporarily closed".
    pub status: String,
    /// Who the service is for, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eligibility_description: Option<String>,
    /// Youngest age served in years, only for age-restricted services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_age: Option<u8>,
    /// Oldest age served in years, only for age-restricted services.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maximum_age: Option<u8>,
    /// How to apply or get referred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_process: Option<String>,
    /// Fees, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fees_description: Option<String>,
    /// When the record was last checked (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assured_date: Option<String>,
    /// The organization that runs the service.
    pub organization: Organization,
    /// Where the service is delivered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub service_at_locations: Vec<ServiceAtLocation>,
    /// Phone numbers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phones: Vec<Phone>,
    /// Languages the service is offered in.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<Language>,
    /// Weekly opening hours.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedules: Vec<Schedule>,
    /// What it costs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cost_options: Vec<CostOption>,
    /// Documents to bring.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required_documents: Vec<RequiredDocument>,
    /// Taxonomy terms (categories, gender restriction).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<Attribute>,
}

/// The organization behind a service.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    /// Stable identifier.
    pub id: String,
    /// Display name.
    pub name: String,
    /// What the organization is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Web site (HSDS 3 calls it `website`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Contact email.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// The link between a service and one place where it is delivered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ServiceAtLocation {
    /// Stable identifier.
    pub id: String,
    /// The place.
    pub location: Location,
}

/// A physical place.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// Stable identifier; the same place has the same id and content in every service.
    pub id: String,
    /// "physical", "postal" or "virtual".
    pub location_type: String,
    /// Name of the site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Latitude in degrees (WGS 84).
    pub latitude: f64,
    /// Longitude in degrees (WGS 84).
    pub longitude: f64,
    /// Street addresses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub addresses: Vec<Address>,
    /// Accessibility of the site.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub accessibility: Vec<Accessibility>,
}

/// A street address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Address {
    /// Stable identifier.
    pub id: String,
    /// Street line ("123 King Street West"); absent where the source only had a placeholder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_1: Option<String>,
    /// City or town.
    pub city: String,
    /// Province or territory code ("ON").
    pub state_province: String,
    /// Postal code ("P3E 2C4").
    pub postal_code: String,
    /// ISO 3166-1 alpha-2 country code ("CA").
    pub country: String,
    /// "physical" or "postal".
    pub address_type: String,
}

/// One accessibility feature of a location.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Accessibility {
    /// Stable identifier.
    pub id: String,
    /// The feature, in words ("Wheelchair accessible").
    pub description: String,
}

/// A phone number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phone {
    /// Stable identifier.
    pub id: String,
    /// The number ("705-555-0142").
    pub number: String,
    /// "voice", "text", "fax", "cell", "video", "pager" or "textphone".
    #[serde(rename = "type")]
    pub kind: String,
    /// What the line is for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// A language a service is offered in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// Stable identifier.
    pub id: String,
    /// English name of the language.
    pub name: String,
    /// ISO 639-1 code.
    pub code: String,
}

/// One weekly opening-hours rule (RRULE-style).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    /// Stable identifier.
    pub id: String,
    /// Always "WEEKLY" here.
    pub freq: String,
    /// Days, RFC 5545 style ("MO,TU,WE,TH,FR").
    pub byday: String,
    /// Opening time, local ("09:00").
    pub opens_at: String,
    /// Closing time, local ("17:00"; "23:59" for open around the clock).
    pub closes_at: String,
    /// The rule in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// One way the service is paid for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CostOption {
    /// Stable identifier.
    pub id: String,
    /// "Free", "Sliding scale" or "Fee".
    pub option: String,
    /// Amount in `currency` (0 when free; the lowest amount for a sliding scale).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<f64>,
    /// ISO 4217 currency code ("CAD").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// What the amount pays for ("per meal").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount_description: Option<String>,
}

/// A document to bring.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequiredDocument {
    /// Stable identifier.
    pub id: String,
    /// The document ("Ontario health card").
    pub document: String,
}

/// A taxonomy term attached to a service.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// Stable identifier.
    pub id: String,
    /// The term.
    pub taxonomy_term: TaxonomyTerm,
    /// The attribute's value, for terms that take one (an income limit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// A term of a taxonomy ("Open Eligibility", or "gender").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TaxonomyTerm {
    /// Identifier; for Open Eligibility, the term's code.
    pub id: String,
    /// The term's code ("102-04"; "female").
    pub code: String,
    /// The term's name ("Food Pantry"; "Women").
    pub name: String,
    /// The broader term's id, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    /// The vocabulary's name.
    pub taxonomy: String,
}

/// Writes `services` as one JSON array, one service per line, and returns
/// how many were written. Services are serialised one at a time, so memory
/// stays flat however many there are.
///
/// # Errors
///
/// Any error from `out` or from serialising.
pub fn write_services<W, I>(services: I, out: W) -> std::io::Result<u64>
where
    W: Write,
    I: IntoIterator<Item = Service>,
{
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    out.write_all(b"[")?;
    let mut count = 0u64;
    for service in services {
        out.write_all(if count == 0 { b"\n" } else { b",\n" })?;
        serde_json::to_writer(&mut out, &service)?;
        count += 1;
    }
    out.write_all(b"\n]\n")?;
    out.flush()?;
    Ok(count)
}

/// Writes `services` to the file at `path` as [`write_services`] does,
/// through a temporary file in the same folder that is renamed into place,
/// so that readers never see half a directory.
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) naming `path` if the file cannot
/// be created, written or renamed.
pub fn write_services_to_file<I>(services: I, path: &Path) -> Result<u64, Error>
where
    I: IntoIterator<Item = Service>,
{
    let name = path
        .file_name()
        .ok_or_else(|| Error::invalid_option(format!("{} is not a file name", path.display())))?;
    let mut temporary = name.to_os_string();
    temporary.push(".partial");
    let temporary = path.with_file_name(temporary);
    let written = File::create(&temporary)
        .and_then(|file| write_services(services, file))
        .and_then(|count| std::fs::rename(&temporary, path).map(|()| count));
    written.map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        Error::io(format!("cannot write {}", path.display()), e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny(id: &str) -> Service {
        Service {
            id: id.to_string(),
            name: "Food Bank".to_string(),
            description: "Groceries. (Synthetic example record.)".to_string(),
            status: "active".to_string(),
            organization: Organization {
                id: "org-1".to_string(),
                name: "Cedar Grove Community Services".to_string(),
                ..Organization::default()
            },
            ..Service::default()
        }
    }

    #[test]
    fn writes_a_json_array_that_reads_back() {
        let mut out = Vec::new();
        let n = write_services([tiny("a"), tiny("b")], &mut out).unwrap();
        assert_eq!(n, 2);
        let back: Vec<Service> = serde_json::from_slice(&out).unwrap();
        assert_eq!(back, vec![tiny("a"), tiny("b")]);
        assert!(!String::from_utf8(out).unwrap().contains("\"phones\""));
    }

    #[test]
    fn files_are_written_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("directory.json");
        assert_eq!(write_services_to_file([tiny("a")], &path).unwrap(), 1);
        let back: Vec<Service> = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(back.len(), 1);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);

        let missing = dir.path().join("no-such-folder").join("directory.json");
        let err = write_services_to_file([tiny("a")], &missing).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Io);
        assert!(err.to_string().contains("no-such-folder"), "{err}");
    }

    #[test]
    fn an_empty_directory_is_an_empty_array() {
        let mut out = Vec::new();
        write_services(std::iter::empty(), &mut out).unwrap();
        let back: Vec<Service> = serde_json::from_slice(&out).unwrap();
        assert!(back.is_empty());
    }
}
