//! `servicematch-synth`: writes synthetic HSDS 3.x directories, converts
//! ODHF health facilities and writes the bundled demo directory.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand, ValueEnum};
use servicematch_synth::{self as synth, Options, Region};

/// Deterministic synthetic community-service directories in HSDS 3.x JSON.
///
/// Without a subcommand, writes --services synthetic services:
///
///   servicematch-synth --services 60000 --seed 42 --output ontario-60k.json
///   servicematch-synth --services 1000000 --seed 42 --region canada --output canada-1m.json
#[derive(Debug, Parser)]
#[command(version, args_conflicts_with_subcommands = true, verbatim_doc_comment)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// How many services to generate.
    #[arg(long, default_value_t = 60_000)]
    services: u64,
    /// The seed: the same seed, size and region give byte-identical output.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Where to place services.
    #[arg(long, value_enum, default_value_t = RegionArg::Ontario)]
    region: RegionArg,
    /// The JSON file to write ("-" for standard output).
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Write the bundled demo directory: community-services.json (the same as
    /// --services 1500 --seed 2025 --region showcase) and, when --odhf-dir
    /// is given, odhf-ontario.json (the same as the odhf subcommand).
    Demo {
        /// The folder to write into (examples/data in the repository).
        #[arg(long)]
        output_dir: PathBuf,
        /// The folder of the four ODHF CSV files, to also write odhf-ontario.json.
        #[arg(long)]
        odhf_dir: Option<PathBuf>,
    },
    /// Convert the Ontario rows of Statistics Canada's Open Database of
    /// Healthcare Facilities (hospitals_ca.csv, longterm_ca.csv,
    /// nursing_ca.csv, primary_care_facilities_ca.csv) to HSDS 3.x JSON.
    Odhf {
        /// The folder holding the four CSV files.
        #[arg(long)]
        input_dir: PathBuf,
        /// The JSON file to write.
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Damage a share of the records of an HSDS 3 JSON export in seeded
    /// random ways (wrong types, broken references, bytes that are not
    /// UTF-8, duplicated ids, HTML, one-megabyte fields, no id or name), to
    /// test an importer: every damaged record must be reported.
    Damage {
        /// The export to damage (as this program writes it).
        #[arg(long)]
        input: PathBuf,
        /// The share of records to damage, 0 to 1.
        #[arg(long, default_value_t = 0.1)]
        rate: f64,
        /// The seed of every choice.
        #[arg(long, default_value_t = 16)]
        seed: u64,
        /// The damaged export to write.
        #[arg(long, short)]
        output: PathBuf,
        /// Where to write what was damaged: JSON, one object per record
        /// (row, id, kind, field).
        #[arg(long)]
        list: Option<PathBuf>,
    },
    /// Derive the bundled place table (synth/data/places.csv) from GeoNames.
    Places {
        /// GeoNames FSA centroids (geonames-ca-fsa.csv).
        #[arg(long)]
        fsa: PathBuf,
        /// GeoNames full Ontario postal codes (geonames-on-postal-codes.csv).
        #[arg(long)]
        postal_codes: PathBuf,
        /// The CSV file to write.
        #[arg(long, short)]
        output: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum RegionArg {
    /// Ontario only (the provincial scale).
    Ontario,
    /// All of Canada (the continental scale).
    Canada,
    /// Ontario with its francophone communities weighted up and every
    /// showcase town present (the demo directory's region).
    Showcase,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprint!("servicematch-synth: {err}");
            let mut source = err.source();
            while let Some(cause) = source {
                eprint!(": {cause}");
                source = cause.source();
            }
            eprintln!();
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let started = Instant::now();
    match cli.command {
        None => {
            let options = Options {
                services: cli.services,
                seed: cli.seed,
                region: match cli.region {
                    RegionArg::Ontario => Region::Ontario,
                    RegionArg::Canada => Region::Canada,
                    RegionArg::Showcase => Region::Showcase,
                },
            };
            let Some(output) = cli.output else {
                eprintln!("servicematch-synth: --output FILE is required (\"-\" for standard output); see --help");
                std::process::exit(2);
            };
            let count = if output.as_os_str() == "-" {
                synth::generate(options, std::io::stdout().lock())?
            } else {
                synth::generate_file(options, &output)?
            };
            eprintln!(
                "wrote {count} services (seed {}, {:?}) to {} in {:.1} s",
                options.seed,
                options.region,
                output.display(),
                started.elapsed().as_secs_f64()
            );
        }
        Some(Command::Demo {
            output_dir,
            odhf_dir,
        }) => {
            let report = synth::write_demo(&output_dir, odhf_dir.as_deref())?;
            for skipped in &report.odhf_skipped {
                eprintln!("left out: {skipped}");
            }
            if let Some(count) = report.odhf_services {
                eprintln!(
                    "wrote {count} ODHF facilities to {}",
                    output_dir.join(synth::ODHF_FILE).display()
                );
            }
            eprintln!(
                "wrote {} synthetic services to {}",
                report.community_services,
                output_dir.join(synth::COMMUNITY_SERVICES_FILE).display()
            );
        }
        Some(Command::Odhf { input_dir, output }) => {
            let conversion = synth::odhf::convert(&input_dir)?;
            for skipped in &conversion.skipped {
                eprintln!("left out: {skipped}");
            }
            let count = synth::hsds::write_services_to_file(conversion.services, &output)?;
            eprintln!("wrote {count} ODHF facilities to {}", output.display());
        }
        Some(Command::Damage {
            input,
            rate,
            seed,
            output,
            list,
        }) => {
            let export = std::fs::read(&input)
                .map_err(|e| format!("cannot read {}: {e}", input.display()))?;
            let damaged =
                synth::damage::damage(&export, synth::damage::DamageOptions { rate, seed })?;
            std::fs::write(&output, &damaged.bytes)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            if let Some(list) = list {
                let damages: Vec<serde_json::Value> = damaged
                    .damages
                    .iter()
                    .map(|d| {
                        serde_json::json!({
                            "row": d.row, "id": d.id, "kind": format!("{:?}", d.kind), "field": d.field,
                        })
                    })
                    .collect();
                std::fs::write(&list, serde_json::to_vec_pretty(&damages)?)
                    .map_err(|e| format!("cannot write {}: {e}", list.display()))?;
            }
            eprintln!(
                "damaged {} of the records of {} (seed {seed}); wrote {}",
                damaged.damages.len(),
                input.display(),
                output.display()
            );
        }
        Some(Command::Places {
            fsa,
            postal_codes,
            output,
        }) => {
            let mut buffer = Vec::new();
            let rows = synth::places::derive(&fsa, &postal_codes, &mut buffer)?;
            std::fs::write(&output, buffer)
                .map_err(|e| format!("cannot write {}: {e}", output.display()))?;
            eprintln!("wrote {rows} places to {}", output.display());
        }
    }
    Ok(())
}
