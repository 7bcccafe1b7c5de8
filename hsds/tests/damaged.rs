//! Bad HSDS at scale: a synthetic export with 10% of its records damaged
//! in seeded random ways (servicematch-synth's `damage`). The import and
//! the build finish; every damaged record is in the report with file, row,
//! field and reason (rejected when it has no id or name or repeats an id,
//! kept otherwise); no undamaged record has a problem or is lost; services
//! read = indexed + rejected.
//!
//! `SM_DAMAGED_SERVICES=60000` runs it at Ontario scale (default 4,000).

use std::collections::HashSet;

use servicematch::{Index, IndexBuilder, MAX_LIMIT};
use servicematch_hsds as hsds;
use servicematch_synth::damage::{damage, DamageKind, DamageOptions};
use servicematch_synth::{Options, Region};

#[test]
fn a_damaged_export_is_imported_with_every_bad_record_reported() {
    let services: u64 = std::env::var("SM_DAMAGED_SERVICES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(4_000);
    let mut export = Vec::new();
    servicematch_synth::generate(
        Options {
            services,
            seed: 2026,
            region: Region::Ontario,
        },
        &mut export,
    )
    .unwrap();
    let damaged = damage(
        &export,
        DamageOptions {
            rate: 0.1,
            seed: 16,
        },
    )
    .unwrap();
    drop(export);
    let file = "damaged.json";
    let import = hsds::v3_json::read(file, &damaged.bytes).expect("the import finishes");
    let report = &import.report;

    assert_eq!(report.services_read, services as usize);
    assert_eq!(
        report.services_read,
        import.services.len() + report.services_rejected,
        "read = kept + rejected"
    );
    let rejects = damaged.damages.iter().filter(|d| d.kind.rejects()).count();
    assert_eq!(report.services_rejected, rejects);

    // Every damaged record: reported at its row, with its field and a reason.
    for damage in &damaged.damages {
        let at_row: Vec<_> = report
            .problems
            .iter()
            .filter(|p| p.row == Some(damage.row))
            .collect();
        let found = at_row.iter().find(|p| {
            p.file == file
                && !p.reason.is_empty()
                && p.rejected == damage.kind.rejects()
                && p.field.as_deref().unwrap_or("").starts_with(&damage.field)
        });
        assert!(found.is_some(), "{damage:?} is not reported: {at_row:?}");
    }
    // No false alarm: every problem is at a damaged row.
    let damaged_rows: HashSet<usize> = damaged.damages.iter().map(|d| d.row).collect();
    for problem in &report.problems {
        assert!(
            problem.row.is_some_and(|row| damaged_rows.contains(&row)),
            "a problem at a whole record: {problem}"
        );
    }

    // Nothing good is lost: every record kept is indexed, with its id.
    let mut builder = IndexBuilder::new("damaged");
    let kept: Vec<String> = import.services.iter().map(|s| s.id.clone()).collect();
    builder.add_report(import.report);
    builder.add_services(import.services);
    let (bytes, summary) = builder.build_bytes().expect("the build finishes");
    assert_eq!(summary.services, kept.len());
    assert_eq!(
        summary.report.services_read,
        summary.services + summary.report.services_rejected
    );
    let index = Index::from_bytes(bytes).unwrap();
    let lost: Vec<&String> = kept
        .iter()
        .filter(|id| index.service_by_id(id).unwrap().is_none())
        .collect();
    assert!(lost.is_empty(), "kept but not indexed: {lost:?}");

    // Damaged text is searchable text, cut to size.
    for damage in &damaged.damages {
        let Some(service) = index.service_by_id(&damage.id).unwrap() else {
            continue;
        };
        if damage.kind == DamageKind::HugeField {
            let description = service.description.unwrap_or_default();
            assert!(description.len() <= hsds::MAX_FIELD_BYTES, "{damage:?}");
        }
    }
    let results = index
        .search(&servicematch::Query::new().text("onerror").limit(MAX_LIMIT))
        .unwrap();
    let html = damaged
        .damages
        .iter()
        .filter(|d| d.kind == DamageKind::Html)
        .count();
    assert!(html == 0 || results.total > 0, "markup is kept as text");

    let mut kinds: Vec<(String, usize)> = DamageKind::ALL
        .iter()
        .map(|k| {
            let count = damaged.damages.iter().filter(|d| d.kind == *k).count();
            (format!("{k:?}"), count)
        })
        .collect();
    kinds.retain(|(_, n)| *n > 0);
    eprintln!(
        "{services} services, {} damaged ({kinds:?}), {} MB: {} indexed, {} rejected, {} problems",
        damaged.damages.len(),
        damaged.bytes.len() / 1_000_000,
        summary.services,
        summary.report.services_rejected,
        summary.report.problems.len()
    );
}
