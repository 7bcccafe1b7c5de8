//! `servicematch build`: HSDS files in, one index file out.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};
use servicematch::{IndexBuilder, Report, Vocabulary};
use servicematch_hsds::{self as hsds, Format};

use crate::Result;

use crate::output::say;

/// Arguments of `servicematch build`.
#[derive(clap::Args)]
pub struct Args {
    /// HSDS inputs: HSDS 3 JSON files, HSDS 3 CSV folders, HSDS 1.x-2.0 data
    /// packages (a folder or its datapackage.json), Ohana CSV folders, or zip
    /// archives of any of these folders.
    #[arg(required = true)]
    inputs: Vec<PathBuf>,
    /// Read every input in this format instead of detecting it:
    /// hsds3-json, hsds3-csv, datapackage or ohana-csv.
    #[arg(long, value_parser = parse_format)]
    format: Option<Format>,
    /// Write every problem (file, row, field, reason), the counts and the
    /// per-table summary to this JSON file, also when the build fails.
    #[arg(long, value_name = "FILE.json")]
    report: Option<PathBuf>,
    /// Fail, writing no index, when more than N records are rejected
    /// (0: any rejected record fails the build). By default every reject is
    /// reported and the build goes on.
    #[arg(long, value_name = "N")]
    max_rejects: Option<usize>,
    /// How many problems the summary prints (all of them go to --report).
    #[arg(long, value_name = "N", default_value_t = 10)]
    show_problems: usize,
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
    /// The publisher's layperson vocabulary, added to the built-in one
    /// (repeatable): UTF-8 text, one need per line, its phrases separated by
    /// "|" ("welfare | ontario works | aide sociale"), "#" for comments; the
    /// format of core/data/vocabulary.tsv.
    #[arg(long, value_name = "FILE")]
    synonyms: Vec<PathBuf>,
    /// IANA time zone of services whose data names none ("America/Toronto");
    /// by default each takes the zone of its location's coordinates.
    #[arg(long, value_name = "ZONE")]
    timezone: Option<String>,
    /// The directory's own help line, given with every search's results so
    /// that no caller is left without somewhere to turn ("211", "1-877-330-3213").
    #[arg(long, value_name = "TEXT")]
    help_line: Option<String>,
}

fn parse_format(text: &str) -> std::result::Result<Format, String> {
    text.parse().map_err(|e: hsds::Error| e.to_string())
}

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
    let mut services = Vec::new();
    for input in &args.inputs {
        progress.set_message(format!("reading {}", input.display()));
        let import = match args.format {
            Some(format) => hsds::read_path_as(input, format)?,
            None => hsds::read_path(input)?,
        };
        services.extend(import.services);
        builder.add_report(import.report);
        progress.inc(1);
    }
    hsds::timezone::assign_time_zones(&mut services, args.timezone.as_deref());
    // A directory without a taxonomy: categories from its services' own words.
    let read_from_text = if services.iter().all(|s| s.categories.is_empty()) {
        hsds::categories_from_text(&mut services)
    } else {
        0
    };
    if read_from_text > 0 {
        builder.add_attribution(
            "Categories read from the services' text: the Open Eligibility taxonomy \
             (openeligibility.org, Open Referral), CC BY-SA 3.0",
        );
    }
    let service_count = services.len();
    builder.add_services(services);
    if let Some(line) = &args.help_line {
        builder.help_line(line.clone());
    }
    progress.set_message("checking");
    let checked = builder.validate().clone();
    if let Some(max) = args.max_rejects {
        if let Err(error) = checked.check_rejects(max) {
            progress.finish_and_clear();
            if let Some(path) = &args.report {
                checked.write_json(path)?;
            }
            print_problems(&checked, args.show_problems);
            return Err(error.into());
        }
    }
    for gazetteer in &args.gazetteer {
        progress.set_message(format!("reading gazetteer {}", gazetteer.display()));
        builder.add_gazetteer(hsds::gazetteer::read_path(gazetteer)?)?;
    }
    for line in &args.attribution {
        builder.add_attribution(line.clone());
    }
    for path in &args.synonyms {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read synonyms {}: {e}", path.display()))?;
        let vocabulary =
            Vocabulary::parse(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        builder.add_vocabulary(vocabulary);
    }
    progress.set_message("indexing");
    let summary = builder.write(&args.output)?;
    progress.finish_and_clear();
    let report = &summary.report;
    say!(
        "wrote {} ({:.1} MB) in {:.1} s",
        args.output.display(),
        summary.bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    if read_from_text > 0 {
        say!(
            "no taxonomy in the input: {read_from_text} of {service_count} services given Open Eligibility categories read from their text"
        );
    }
    say!(
        "services: {} read, {} indexed, {} rejected; locations: {} with coordinates",
        report.services_read,
        summary.services,
        report.services_rejected,
        summary.locations
    );
    print_problems(report, args.show_problems);
    if let Some(path) = &args.report {
        report.write_json(path)?;
        say!("report: {}", path.display());
    }
    Ok(())
}

/// The per-table summary and the first `shown` problems.
fn print_problems(report: &Report, shown: usize) {
    if !report.tables.is_empty() {
        let width = report
            .tables
            .iter()
            .map(|t| short(&t.file).len())
            .max()
            .unwrap_or(0);
        say!(
            "tables:{:width$}     read     used rejected",
            "",
            width = width.saturating_sub(5)
        );
        for table in &report.tables {
            // Rows read but neither used nor rejected were fine, but nothing
            // referred to them: an organization without services, a
            // location no service is at.
            let unused = table.read.saturating_sub(table.used + table.rejected);
            let note = match (table.imported, unused) {
                (false, _) => "  (not imported: servicematch does not read this table)".to_owned(),
                (true, 0) => String::new(),
                (true, n) => format!("  ({n} not used: empty, or no service refers to them)"),
            };
            say!(
                "  {:<width$} {:>8} {:>8} {:>8}{note}",
                short(&table.file),
                table.read,
                table.used,
                table.rejected,
            );
        }
    }
    if report.problems.is_empty() {
        return;
    }
    say!(
        "problems: {} ({} records rejected)",
        report.problems.len(),
        report.rejected()
    );
    // What kinds of problems, most common first: a real export's thousands
    // of problems are a handful of faults repeated. Each kind says what it
    // means in the words of its first problem, ids and values left out.
    // (file, field, rejected, gist) and how many problems are of that kind.
    type Kind<'a> = (&'a str, &'a str, bool, String);
    let mut kinds: Vec<(Kind<'_>, usize)> = Vec::new();
    for problem in &report.problems {
        let key = (
            short(&problem.file),
            problem.field.as_deref().unwrap_or("-"),
            problem.rejected,
            gist(&problem.reason),
        );
        match kinds.iter_mut().find(|(k, _)| *k == key) {
            Some((_, count)) => *count += 1,
            None => kinds.push((key, 1)),
        }
    }
    kinds.sort_by_key(|&(_, count)| std::cmp::Reverse(count));
    say!("  by kind:");
    for ((file, field, rejected, gist), count) in kinds.iter().take(shown) {
        let rejected = if *rejected { " (records rejected)" } else { "" };
        say!("    {count:>7}  {file} {field}{rejected}: {gist}");
    }
    if kinds.len() > shown {
        say!("    … and {} more kinds", kinds.len() - shown);
    }
    say!("  first {}:", shown.min(report.problems.len()));
    for problem in report.problems.iter().take(shown) {
        say!("    {problem}");
    }
    if report.problems.len() > shown {
        say!("    … and {} more", report.problems.len() - shown);
    }
}

/// A problem's reason with its ids and values taken out, so that the same
/// fault on many rows reads as one kind: `service 42: no location has
/// coordinates` → `service …: no location has coordinates`.
fn gist(reason: &str) -> String {
    let unquoted: String = reason
        .split('"')
        .enumerate()
        .map(|(i, part)| if i % 2 == 1 { "…" } else { part })
        .collect();
    let words: Vec<String> = unquoted
        .split(' ')
        .map(|word| {
            if !word.chars().any(|c| c.is_ascii_digit()) {
                return word.to_owned();
            }
            // The id goes; the punctuation after it stays.
            let id = word.trim_end_matches([':', ';', ',', ')', '.']);
            format!("…{}", &word[id.len()..])
        })
        .collect();
    words.join(" ")
}

/// A table's file name without its folder.
fn short(file: &str) -> &str {
    file.rsplit(['/', '\\']).next().unwrap_or(file)
}
