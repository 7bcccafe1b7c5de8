//! `servicematch`: build, search, show, handout, inspect and verify service directory indexes.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod build;
mod demo;
mod handout;
mod inspect;
mod output;
mod search;
mod show;

/// Every subcommand's result: an error from the engine or the importer,
/// printed with its causes.
pub type Result<T, E = Box<dyn std::error::Error + Send + Sync>> = std::result::Result<T, E>;

/// Ranked matching of people to community health and social services, offline.
#[derive(Parser)]
#[command(name = "servicematch", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build one index file from HSDS directory data.
    Build(build::Args),
    /// Search an index (the bundled demo directory without --index).
    Search(search::Args),
    /// Show one service's full record, by its id (in the bundled demo directory without --index).
    Show(show::Args),
    /// Print a referral handout for services, by id: how to reach each one,
    /// in English or French, as text or HTML to print.
    Handout(handout::Args),
    /// Show an index file's sections, counts, format version and metadata.
    Inspect {
        /// The index file.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Check every checksum of an index file; exit 0 only if all hold.
    Verify {
        /// The index file.
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build::run(args),
        Command::Search(args) => search::run(args),
        Command::Show(args) => show::run(args),
        Command::Handout(args) => handout::run(args),
        Command::Inspect { file, json } => inspect::inspect(&file, json),
        Command::Verify { file } => inspect::verify(&file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            let mut source = error.source();
            while let Some(cause) = source {
                eprintln!("  caused by: {cause}");
                source = cause.source();
            }
            ExitCode::FAILURE
        }
    }
}
