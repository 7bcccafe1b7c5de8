//! `servicematch build`: HSDS files in, one index file out.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use servicematch::{hsds, IndexBuilder, Result};

/// Arguments of `servicematch build`.
#[derive(clap::Args)]
pub struct Args {
    /// HSDS input files (HSDS 3 JSON).
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// The index file to write (replaced atomically).
    #[arg(long, short)]
    output: PathBuf,
    /// Extra gazetteer CSV (postal_code/fsa, latitude, longitude[, place_name, province]).
    #[arg(long)]
    gazetteer: Vec<PathBuf>,
    /// Dataset name stored in the index.
    #[arg(long)]
    name: Option<String>,
    /// Attribution or licence line stored in the index (repeatable).
    #[arg(long)]
    attribution: Vec<String>,
}

/// How many problems the summary prints.
const SHOWN_PROBLEMS: usize = 10;

pub fn run(args: Args) -> Result<()> {
    let started = Instant::now();
    let progress = ProgressBar::new(args.inputs.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{spinner} {msg} [{bar:30}] {pos}/{len}")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    progress.enable_steady_tick(Duration::from_millis(120));
    let name = args.name.clone().unwrap_or_else(|| {
        args.output
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "directory".into())
    });
    let mut builder = IndexBuilder::new(name);
    for input in &args.inputs {
        progress.set_message(format!("reading {}", input.display()));
        let import = hsds::read_path(input)?;
        builder.add_services(import.services);
        builder.add_report(import.report);
        progress.inc(1);
    }
    for gazetteer in &args.gazetteer {
        progress.set_message(format!("reading gazetteer {}", gazetteer.display()));
        builder.add_gazetteer(gazetteer)?;
    }
    for line in &args.attribution {
        builder.add_attribution(line.clone());
    }
    progress.set_message("indexing");
    let summary = builder.write(&args.output)?;
    progress.finish_and_clear();
    let report = &summary.report;
    println!(
        "wrote {} ({:.1} MB) in {:.1} s",
        args.output.display(),
        summary.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    println!(
        "services: {} read, {} indexed, {} rejected; locations: {}",
        report.services_read, summary.services, report.services_rejected, summary.locations
    );
    if !report.problems.is_empty() {
        println!("problems: {}", report.problems.len());
        for problem in report.problems.iter().take(SHOWN_PROBLEMS) {
            println!("  {problem}");
        }
        if report.problems.len() > SHOWN_PROBLEMS {
            println!("  … and {} more", report.problems.len() - SHOWN_PROBLEMS);
        }
    }
    Ok(())
}
