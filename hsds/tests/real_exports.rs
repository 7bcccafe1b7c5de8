//! The real 211 exports in `../shared/data/real` (relative to the workspace
//! root): evaluation data, read in place and never copied into the project.
//! Without that folder these tests are ignored, and the test runner counts them so.

use std::collections::BTreeMap;
use std::path::PathBuf;

use servicematch::Report;
use servicematch_hsds::{self as hsds, Format};

/// Where `build.rs` found the real exports.
#[cfg(real_exports)]
const REAL: &str = env!("SERVICEMATCH_REAL_DATA");
/// Not found: the tests that read them are ignored.
#[cfg(not(real_exports))]
const REAL: &str = "";

/// `shared/data/real/<name>` as `build.rs` found it (the tests that call
/// this are ignored when it found none).
fn real(name: &str) -> PathBuf {
    let path = PathBuf::from(REAL).join(name);
    assert!(path.is_dir(), "{} is missing", path.display());
    path
}

/// Problems grouped by reason with the ids and numbers taken out.
fn reasons(report: &Report) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for problem in &report.problems {
        let file = problem.file.rsplit('/').next().unwrap_or(&problem.file);
        let reason: String = problem
            .reason
            .split('"')
            .enumerate()
            .map(|(i, part)| if i % 2 == 1 { "\"…\"" } else { part })
            .collect::<String>()
            .split_whitespace()
            .map(|w| {
                if w.chars().any(|c| c.is_ascii_digit()) {
                    "N"
                } else {
                    w
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        let key = format!(
            "{file} {}: {reason}{}",
            problem.field.as_deref().unwrap_or("-"),
            if problem.rejected { " [rejected]" } else { "" }
        );
        *counts.entry(key).or_default() += 1;
    }
    counts
}

fn summary(import: &hsds::Import) {
    let services = &import.services;
    let report = &import.report;
    eprintln!(
        "services read {}, kept {}, rejected {}",
        report.services_read,
        services.len(),
        report.services_rejected
    );
    for table in &report.tables {
        eprintln!(
            "  {:<40} read {:>6} used {:>6} rejected {:>6}{}",
            table.file.rsplit('/').next().unwrap_or(""),
            table.read,
            table.used,
            table.rejected,
            if table.imported {
                ""
            } else {
                " (not imported)"
            }
        );
    }
    let languages: Vec<_> = services.iter().flat_map(|s| &s.languages).collect();
    let coded = languages.iter().filter(|l| l.code.is_some()).count();
    let notes = languages
        .iter()
        .filter(|l| l.code.is_none() && hsds::lang::is_note(&l.name))
        .count();
    eprintln!("languages: {} entries, {coded} with an ISO 639 code, {notes} notes, {} unknown kept as text", languages.len(), languages.len() - coded - notes);
    eprintln!(
        "services with parsed hours {}, with hours text {}, with ages {} ({} from text), with cost {}, with categories {}, with coordinates {}, with an organization {}",
        services.iter().filter(|s| !s.hours.is_empty()).count(),
        services.iter().filter(|s| s.hours_text.is_some()).count(),
        services.iter().filter(|s| s.eligibility.ages.is_some()).count(),
        services.iter().filter(|s| s.eligibility.ages.is_some_and(|a| a.from_text)).count(),
        services.iter().filter(|s| s.cost != servicematch::Cost::Unknown).count(),
        services.iter().filter(|s| !s.categories.is_empty()).count(),
        services.iter().filter(|s| s.locations.iter().any(|l| l.lat.is_finite())).count(),
        services.iter().filter(|s| s.organization.is_some()).count(),
    );
    for (reason, n) in reasons(report) {
        eprintln!("  {n:>6} × {reason}");
    }
}

/// The export `name`, detected as `format` and read, its summary on
/// stderr; checks that it has `services_read` services, each kept or rejected.
fn read_real(name: &str, format: Format, services_read: usize) -> hsds::Import {
    let path = real(name);
    assert_eq!(hsds::detect(&path).unwrap(), format);
    let import = hsds::read_path(&path).unwrap();
    summary(&import);
    let report = &import.report;
    assert_eq!(report.services_read, services_read);
    assert_eq!(
        report.services_read,
        import.services.len() + report.services_rejected
    );
    import
}

#[test]
#[cfg_attr(
    not(real_exports),
    ignore = "needs the real exports in ../shared/data/real"
)]
fn miami_211_hsds1_data_package() {
    let import = read_real("miami-211-hsds1", Format::DataPackage, 4089);
    let report = &import.report;
    let services = &import.services;
    // The export's known faults, each said: eligibility rows name no service,
    // 447 services name a missing organization (and are kept).
    let said = |reason: &str| {
        report
            .problems
            .iter()
            .filter(|p| p.reason.contains(reason))
            .count()
    };
    assert_eq!(said("eligibility row names no service"), 2244);
    assert_eq!(
        said("is not in organizations; service kept without its organization"),
        447
    );
    assert_eq!(
        services.iter().filter(|s| s.organization.is_none()).count(),
        447
    );
    // Every service keeps its address (30 address rows are blank); about
    // half have coordinates.
    let addressed = services
        .iter()
        .filter(|s| s.locations.iter().any(|l| l.address.is_some()));
    assert!(addressed.count() >= 4089 - 30);
    assert_eq!(
        services
            .iter()
            .filter(|s| s.locations.iter().any(|l| l.lat.is_finite()))
            .count(),
        2260
    );
    // "9:00am"-style regular schedules become hours for nearly every service that has them.
    assert!(services.iter().filter(|s| !s.hours.is_empty()).count() > 2500);
    // Free-text languages: nearly all recognised.
    let languages: Vec<_> = services.iter().flat_map(|s| &s.languages).collect();
    let coded = languages.iter().filter(|l| l.code.is_some()).count();
    assert!(
        coded * 100 > languages.len() * 95,
        "{coded} of {}",
        languages.len()
    );
}

#[test]
#[cfg_attr(
    not(real_exports),
    ignore = "needs the real exports in ../shared/data/real"
)]
fn baltimore_211_ohana_csv() {
    let import = read_real("baltimore-211-ohana", Format::OhanaCsv, 1876);
    let services = &import.services;
    // Ages only from plain eligibility text ("Ages 18 and older."), marked so.
    let aged: Vec<_> = services.iter().filter_map(|s| s.eligibility.ages).collect();
    assert!(aged.len() > 400 && aged.iter().all(|a| a.from_text));
    // "None." fees (padded with spaces) read as free.
    assert!(
        services
            .iter()
            .filter(|s| s.cost == servicematch::Cost::Free)
            .count()
            > 1000
    );
    assert!(services.iter().filter(|s| !s.categories.is_empty()).count() > 1800);
}

#[test]
#[ignore = "prints samples for a person to read"]
fn samples() {
    for name in ["baltimore-211-ohana", "miami-211-hsds1"] {
        let path = real(name);
        let import = hsds::read_path(&path).unwrap();
        for p in import.report.problems.iter().filter(|p| {
            p.reason.contains("not a known language") || p.reason.contains("not a time")
        }) {
            eprintln!("{}", p.reason);
        }
        for s in import
            .services
            .iter()
            .filter(|s| s.eligibility.ages.is_some())
            .take(40)
        {
            eprintln!(
                "{:?} <= {:?}",
                s.eligibility.ages.map(|a| (a.min, a.max)),
                s.eligibility
                    .description
                    .as_deref()
                    .unwrap_or("")
                    .chars()
                    .take(150)
                    .collect::<String>()
            );
        }
    }
}
