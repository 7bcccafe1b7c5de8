//! `servicematch handout`: a printable referral handout for chosen services.

use std::path::PathBuf;

use servicematch::handout::{Handout, Lang};
use servicematch::Index;

use crate::output::say;
use crate::Result;

/// Arguments of `servicematch handout`.
#[derive(clap::Args)]
pub struct Args {
    /// The services' ids, in the order the handout lists them (the `id` of
    /// search results).
    #[arg(required = true)]
    ids: Vec<String>,
    /// The index file (default: the bundled demo directory).
    #[arg(long)]
    index: Option<PathBuf>,
    /// The handout's language: en or fr.
    #[arg(long, default_value = "en", value_parser = parse_lang)]
    lang: Lang,
    /// Print a self-contained HTML page with print styles instead of text.
    #[arg(long)]
    html: bool,
    /// The help line sentence at the foot of the page (default: one naming 211).
    #[arg(long)]
    help_line: Option<String>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("{text:?} is not a handout language (en or fr)"))
}

pub fn run(args: Args) -> Result<()> {
    let index = match &args.index {
        Some(path) => Index::open(path)?,
        None => crate::demo::open()?,
    };
    let mut handout = Handout::new(args.lang).directory(index.meta());
    if let Some(help_line) = args.help_line {
        handout = handout.help_line(help_line);
    }
    for id in &args.ids {
        handout = handout.service(crate::show::by_id(&index, id, args.index.as_deref())?);
    }
    let page = if args.html {
        handout.html()
    } else {
        handout.text()
    };
    say!("{}", page.trim_end());
    Ok(())
}
