//! `servicematch inspect` and `servicematch verify`.

use std::path::Path;

use servicematch::Index;

use crate::Result;

use crate::output::say;

pub fn inspect(file: &Path, json: bool) -> Result<()> {
    let index = Index::open(file)?;
    let info = index.info();
    if json {
        // The import counts also at the top, beside services and locations:
        // services_read = services + services_rejected.
        let mut value = serde_json::to_value(&info).expect("info serialises");
        value["import"] = serde_json::to_value(&info.meta.import).expect("counts serialise");
        say!(
            "{}",
            serde_json::to_string_pretty(&value).expect("info serialises")
        );
        return Ok(());
    }
    let meta = &info.meta;
    say!("{}", file.display());
    say!("  dataset:        {}", meta.name);
    say!("  format version: {}", info.format_version);
    let built_at = i64::try_from(meta.built_at)
        .ok()
        .and_then(|seconds| jiff::Timestamp::from_second(seconds).ok())
        .map_or_else(
            || format!("{} (Unix time)", meta.built_at),
            |t| t.strftime("%Y-%m-%d %H:%M:%S UTC").to_string(),
        );
    say!("  built by:       {} on {built_at}", meta.built_by);
    say!(
        "  size:           {} bytes ({} per service)",
        info.bytes,
        info.bytes / info.services.max(1) as u64
    );
    say!("  services:       {}", info.services);
    say!("  locations:      {}", info.locations);
    say!("  postal codes:   {}", meta.postal_codes);
    say!(
        "  import:         {} read, {} rejected",
        meta.import.services_read,
        meta.import.services_rejected
    );
    say!("  languages:      {}", meta.languages.join(" "));
    say!("  sections:");
    for section in &info.sections {
        say!(
            "    {:<10} {:>12} bytes at {:>10}  crc32 {}",
            section.name,
            section.bytes,
            section.offset,
            section.crc32
        );
    }
    if !meta.attribution.is_empty() {
        say!("  attribution:");
        for line in &meta.attribution {
            say!("    {line}");
        }
    }
    Ok(())
}

pub fn verify(file: &Path) -> Result<()> {
    let index = Index::open(file)?;
    if let Err(error) = index.verify() {
        say!("{}: FAILED", file.display());
        return Err(error.into());
    }
    say!(
        "{}: ok ({} sections, every checksum holds)",
        file.display(),
        index.info().sections.len()
    );
    Ok(())
}
