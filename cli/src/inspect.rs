//! `servicematch inspect` and `servicematch verify`.

use std::path::Path;

use servicematch::{Index, Result};

pub fn inspect(file: &Path, json: bool) -> Result<()> {
    let index = Index::open(file)?;
    let info = index.info();
    if json {
        // The import counts also at the top, beside services and locations:
        // services_read = services + services_rejected.
        let mut value = serde_json::to_value(&info).expect("info serialises");
        value["import"] = serde_json::to_value(&info.meta.import).expect("counts serialise");
        println!(
            "{}",
            serde_json::to_string_pretty(&value).expect("info serialises")
        );
        return Ok(());
    }
    let meta = &info.meta;
    println!("{}", file.display());
    println!("  dataset:        {}", meta.name);
    println!("  format version: {}", info.format_version);
    println!(
        "  built by:       {} at {} (Unix time)",
        meta.built_by, meta.built_at
    );
    println!(
        "  size:           {} bytes ({} per service)",
        info.bytes,
        info.bytes / info.services.max(1) as u64
    );
    println!("  services:       {}", info.services);
    println!("  locations:      {}", info.locations);
    println!("  postal codes:   {}", meta.postal_codes);
    println!(
        "  import:         {} read, {} rejected",
        meta.import.services_read, meta.import.services_rejected
    );
    println!("  languages:      {}", meta.languages.join(" "));
    println!("  sections:");
    for section in &info.sections {
        println!(
            "    {:<9} {:>12} bytes at {:>10}  crc32 {}",
            section.name, section.bytes, section.offset, section.crc32
        );
    }
    if !meta.attribution.is_empty() {
        println!("  attribution:");
        for line in &meta.attribution {
            println!("    {line}");
        }
    }
    Ok(())
}

pub fn verify(file: &Path) -> Result<()> {
    let index = Index::open(file)?;
    if let Err(error) = index.verify() {
        println!("{}: FAILED", file.display());
        return Err(error);
    }
    println!(
        "{}: ok ({} sections, every checksum holds)",
        file.display(),
        index.info().sections.len()
    );
    Ok(())
}
