//! `servicematch show`: one service's full record, by its publisher's id.

use std::path::PathBuf;

use servicematch::{AgeRange, Cost, Index, Location, OpenInterval, Service, Status};

use crate::Result;

use crate::output::say;

/// Arguments of `servicematch show`.
#[derive(clap::Args)]
pub struct Args {
    /// The service's id, as the publisher gives it (the `id` of a search result).
    id: String,
    /// The index file (default: the bundled demo directory).
    #[arg(long)]
    index: Option<PathBuf>,
    /// Print the record as JSON (the record every servicematch surface gives by id).
    #[arg(long)]
    json: bool,
    /// Print the service as FHIR R4: a collection Bundle holding its
    /// HealthcareService (Organization and Locations contained).
    #[arg(long, conflicts_with = "json")]
    fhir: bool,
}

pub fn run(args: Args) -> Result<()> {
    let index = match &args.index {
        Some(path) => Index::open(path)?,
        None => crate::demo::open()?,
    };
    let service = by_id(&index, &args.id, args.index.as_deref())?;
    if args.fhir {
        let bundle = servicematch::fhir::collection(std::slice::from_ref(&service));
        say!(
            "{}",
            serde_json::to_string_pretty(&bundle).expect("a bundle serialises")
        );
    } else if args.json {
        say!(
            "{}",
            serde_json::to_string_pretty(&service).expect("a service serialises")
        );
    } else {
        for line in describe(&service) {
            say!("{line}");
        }
    }
    Ok(())
}

/// The service whose id is `id`, or an error naming the id and the index
/// (`None`: the demo directory).
pub fn by_id(index: &Index, id: &str, path: Option<&std::path::Path>) -> Result<Service> {
    match index.service_by_id(id)? {
        Some(service) => Ok(service),
        // Not an engine error: the index is fine and holds no such service.
        None => {
            let source = path.map_or_else(
                || "the demo directory".to_owned(),
                |path| path.display().to_string(),
            );
            Err(format!("no service with id {id:?} in {source}").into())
        }
    }
}

/// The record for people: the name, then one labelled line per field the
/// directory gives (none for a field it leaves empty).
fn describe(service: &Service) -> Vec<String> {
    let mut lines = vec![service.name.clone()];
    let mut field = |label: &str, value: String| {
        if !value.is_empty() {
            lines.push(format!("  {:<15} {value}", format!("{label}:")));
        }
    };
    field("id", service.id.clone());
    if service.status != Status::Active {
        field("status", status(service.status).to_owned());
    }
    field("also known as", service.alternate_names.join("; "));
    if let Some(organization) = &service.organization {
        let mut text = organization.name.clone();
        if let Some(url) = &organization.url {
            text.push_str(&format!(" ({url})"));
        }
        field("organization", text);
    }
    field(
        "description",
        service.description.clone().unwrap_or_default(),
    );
    for location in &service.locations {
        field("location", location_line(location));
    }
    for phone in &service.phones {
        let mut text = phone.number.clone();
        if let Some(extension) = &phone.extension {
            text.push_str(&format!(" ext. {extension}"));
        }
        if let Some(kind) = &phone.kind {
            text.push_str(&format!(" ({kind})"));
        }
        field("phone", text);
    }
    field("web", service.url.clone().unwrap_or_default());
    field("email", service.email.clone().unwrap_or_default());
    let languages: Vec<String> = service
        .languages
        .iter()
        .map(|l| match &l.code {
            Some(code) if *code != l.name => format!("{} ({code})", l.name),
            _ => l.name.clone(),
        })
        .collect();
    field("languages", languages.join(", "));
    let rules = &service.eligibility;
    field("ages", rules.ages.map(ages).unwrap_or_default());
    let genders: Vec<&str> = rules.genders.iter().map(|g| g.as_str()).collect();
    field("genders", genders.join(", "));
    field("eligibility", rules.description.clone().unwrap_or_default());
    let categories: Vec<&str> = service.categories.iter().map(|c| c.name.as_str()).collect();
    field("categories", categories.join(", "));
    field("keywords", service.keywords.join(", "));
    field("cost", cost(service.cost).to_owned());
    field("fees", service.fees_description.clone().unwrap_or_default());
    if service.accessibility.wheelchair {
        field("accessibility", "wheelchair accessible".to_owned());
    }
    for note in &service.accessibility.notes {
        field("accessibility", note.clone());
    }
    field("hours", hours(&service.hours));
    field(
        "hours (text)",
        service.hours_text.clone().unwrap_or_default(),
    );
    field(
        "how to apply",
        service.application_process.clone().unwrap_or_default(),
    );
    field("documents", service.required_documents.join("; "));
    field(
        "last verified",
        service.last_verified.clone().unwrap_or_default(),
    );
    lines
}

/// "Site: 12 Elm St, Sudbury, ON P3E 2C6 (46.49, -80.99)".
fn location_line(location: &Location) -> String {
    let mut parts: Vec<String> = Vec::new();
    match &location.address {
        Some(address) => parts.push(address.clone()),
        None => parts.extend(
            [&location.city, &location.region]
                .into_iter()
                .flatten()
                .cloned(),
        ),
    }
    let mut text = parts.join(", ");
    if let Some(postal_code) = &location.postal_code {
        text = [text, postal_code.clone()].join(" ").trim().to_owned();
    }
    if let Some(name) = &location.name {
        text = if text.is_empty() {
            name.clone()
        } else {
            format!("{name}: {text}")
        };
    }
    if location.lat.is_finite() && location.lon.is_finite() {
        text.push_str(&format!(" ({}, {})", location.lat, location.lon));
    }
    text
}

/// "65+", "18–24", "up to 17", and where the range was read from free text.
fn ages(range: AgeRange) -> String {
    let text = match (range.min, range.max) {
        (Some(min), Some(max)) => format!("{min}–{max}"),
        (Some(min), None) => format!("{min}+"),
        (None, Some(max)) => format!("up to {max}"),
        (None, None) => return String::new(),
    };
    if range.from_text {
        format!("{text} (read from the eligibility text)")
    } else {
        text
    }
}

fn cost(cost: Cost) -> &'static str {
    match cost {
        Cost::Unknown => "",
        Cost::Free => "free",
        Cost::SlidingScale => "sliding scale",
        Cost::Fee => "fee",
    }
}

fn status(status: Status) -> &'static str {
    match status {
        Status::Active => "active",
        Status::Inactive => "inactive",
        Status::Defunct => "defunct",
        Status::TemporarilyClosed => "temporarily closed",
    }
}

/// "Mon 09:00–17:00, Tue 09:00–17:00": the weekly open intervals in the
/// service's local time.
fn hours(intervals: &[OpenInterval]) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let clock = |minutes: u16| format!("{:02}:{:02}", minutes / 60, minutes % 60);
    intervals
        .iter()
        .map(|i| {
            let day = DAYS.get(usize::from(i.weekday)).copied().unwrap_or("?");
            format!("{day} {}–{}", clock(i.opens), clock(i.closes))
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_as_people_write_them() {
        let range = |min, max, from_text| AgeRange {
            min,
            max,
            from_text,
        };
        assert_eq!(ages(range(Some(65), None, false)), "65+");
        assert_eq!(ages(range(Some(18), Some(24), false)), "18–24");
        assert_eq!(ages(range(None, Some(17), false)), "up to 17");
        assert_eq!(
            ages(range(Some(18), None, true)),
            "18+ (read from the eligibility text)"
        );
    }

    #[test]
    fn hours_name_the_days() {
        let hours = hours(&[
            OpenInterval {
                weekday: 0,
                opens: 9 * 60,
                closes: 17 * 60,
            },
            OpenInterval {
                weekday: 6,
                opens: 0,
                closes: 1440,
            },
        ]);
        assert_eq!(hours, "Mon 09:00–17:00, Sun 00:00–24:00");
    }
}
