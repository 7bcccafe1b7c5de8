//! `servicematch search`: a ranked list for people, or the results JSON.

use std::path::PathBuf;

use servicematch::rank::format_distance;
use servicematch::{Client, Index, Near, Query};

use crate::Result;

use crate::output::say;

/// Arguments of `servicematch search`.
#[derive(clap::Args)]
pub struct Args {
    /// What the person needs, in English or French.
    text: Option<String>,
    /// The index file (default: the bundled demo directory).
    #[arg(long)]
    index: Option<PathBuf>,
    /// Where the person is: "LAT,LON", a postal code or a place name.
    #[arg(long)]
    near: Option<String>,
    /// Only services within this many kilometres of --near.
    #[arg(long, allow_hyphen_values = true)]
    radius_km: Option<f64>,
    /// The person's age in years.
    #[arg(long, allow_hyphen_values = true)]
    age: Option<i64>,
    /// The person's gender: female, male or other.
    #[arg(long)]
    gender: Option<String>,
    /// The household's yearly income in dollars, for services with an income limit.
    #[arg(long, allow_hyphen_values = true)]
    income: Option<f64>,
    /// People in the household, for income limits that depend on it.
    #[arg(long)]
    household_size: Option<u32>,
    /// A group the person belongs to (senior, youth, newcomer, refugee,
    /// indigenous, veteran, disability, pregnant, caregiver, student, lgbtq,
    /// parent, homeless); repeatable. Services made for them rank first.
    #[arg(long = "status")]
    statuses: Vec<String>,
    /// Preferred language (ISO 639 code or name); repeatable.
    #[arg(long = "lang")]
    languages: Vec<String>,
    /// Only services offering one of the --lang languages.
    #[arg(long)]
    require_lang: bool,
    /// Only services under this category (taxonomy code or name); repeatable.
    #[arg(long)]
    category: Vec<String>,
    /// Only free services.
    #[arg(long)]
    free: bool,
    /// Only services with a wheelchair-accessible location.
    #[arg(long)]
    wheelchair: bool,
    /// Only services open now (and those whose hours are unknown, ranked
    /// below; see --hours-known).
    #[arg(long, conflicts_with = "open_at")]
    open_now: bool,
    /// Only services open at this time, RFC 3339 with its offset
    /// ("2026-11-29T03:00:00-05:00"), and those whose hours are unknown.
    #[arg(long, value_name = "TIME")]
    open_at: Option<String>,
    /// With --open-now or --open-at: leave out services whose hours are unknown.
    #[arg(long)]
    hours_known: bool,
    /// Leave out services whose declared service area excludes --near.
    #[arg(long)]
    serves_here: bool,
    /// How many results.
    #[arg(long, default_value_t = 10)]
    limit: usize,
    /// How many of the best results to skip.
    #[arg(long, default_value_t = 0)]
    offset: usize,
    /// Show why each service ranks where it does.
    #[arg(long)]
    explain: bool,
    /// After the list, how many matches each category, language, cost,
    /// eligibility verdict and distance band has (facets).
    #[arg(long)]
    facets: bool,
    /// Print the results JSON (the shape every servicematch surface shares).
    #[arg(long)]
    json: bool,
    /// Print the results as a FHIR R4 searchset Bundle of HealthcareService
    /// resources (each with its Organization and Locations contained), for EMRs.
    #[arg(long, conflicts_with = "json")]
    fhir: bool,
    /// Read the whole query as JSON from this argument instead of the query
    /// flags (which it refuses beside it; --explain, --json and --fhir still apply).
    #[arg(long, conflicts_with_all = [
        "text", "near", "radius_km", "age", "gender", "income", "household_size", "statuses",
        "languages", "require_lang",
        "category", "free", "wheelchair", "open_now", "open_at", "hours_known", "serves_here",
        "limit", "offset",
    ])]
    query_json: Option<String>,
}

pub fn run(args: Args) -> Result<()> {
    let index = match &args.index {
        Some(path) => Index::open(path)?,
        None => crate::demo::open()?,
    };
    let mut query = match &args.query_json {
        Some(json) => Query::from_json(json)?,
        None => query_from_flags(&args),
    };
    // People reading the list get the reason line; JSON shows it only when asked.
    let wants_reason = !(args.json || args.fhir) || args.explain;
    query.explain = query.explain || wants_reason;
    let results = index.search(&query)?;
    if args.fhir {
        let bundle = servicematch::fhir::searchset(&index, &results)?;
        say!(
            "{}",
            serde_json::to_string_pretty(&bundle).expect("a bundle serialises")
        );
        return Ok(());
    }
    if args.json {
        say!(
            "{}",
            serde_json::to_string_pretty(&results).expect("results serialise")
        );
        return Ok(());
    }
    if results.total == 0 {
        say!("no services match");
        print_help_line(&results);
        return Ok(());
    }
    let total = format!(
        "{}{}",
        results.total,
        if results.total_exact { "" } else { "+" }
    );
    if results.hits.is_empty() {
        say!(
            "{total} services match; none on this page (--offset {} is past them)",
            query.offset
        );
        print_help_line(&results);
        return Ok(());
    }
    say!(
        "{total} services match; showing {}–{}",
        query.offset + 1,
        query.offset + results.hits.len()
    );
    for (i, hit) in results.hits.iter().enumerate() {
        let mut line = format!("{:>3}. {}", query.offset + i + 1, hit.name);
        if let Some(relaxed) = &hit.relaxed {
            line = format!("{line}  [also: {relaxed}]");
        }
        if let Some(organization) = hit.organization.as_ref().filter(|o| **o != hit.name) {
            line.push_str(&format!(" — {organization}"));
        }
        say!("{line}");
        let mut details = Vec::new();
        if let Some(km) = hit.distance_km {
            details.push(format_distance(km));
        }
        if let Some(address) = hit.location.as_ref().and_then(|l| l.address.clone()) {
            details.push(address);
        }
        if let Some(phone) = hit.phones.first() {
            details.push(phone.clone());
        }
        if !details.is_empty() {
            say!("     {}", details.join(" · "));
        }
        if let Some(explanation) = &hit.explanation {
            if !explanation.reason.is_empty() {
                say!("     why: {}", explanation.reason);
            }
            if let Some(access) = &explanation.access {
                say!("     how: {access}");
            }
            if args.explain {
                say!(
                    "     score {:.3} = text {} × distance {} × language {:.2} × eligibility {:.2} × fit {:.2} × open {:.2}",
                    hit.score,
                    explanation.text.map_or("–".into(), |t| format!("{t:.3}")),
                    explanation
                        .distance
                        .map_or("–".into(), |d| format!("{d:.3}")),
                    explanation.language,
                    explanation.eligibility,
                    explanation.fit,
                    explanation.open
                );
            }
        }
    }
    if let Some(facets) = results.facets.as_ref().filter(|_| args.facets) {
        print_facets(facets);
    }
    print_help_line(&results);
    Ok(())
}

/// The directory's help line, after every answer.
fn print_help_line(results: &servicematch::Results) {
    if let Some(line) = &results.help_line {
        say!("help line: {line}");
    }
}

/// One line per facet: "category: Food 120 · Health 80 · …".
fn print_facets(facets: &servicematch::Facets) {
    let bound = if facets.exact { "" } else { " (at least)" };
    say!("matches by{bound}:");
    for (name, counts) in [
        ("category", &facets.categories),
        ("language", &facets.languages),
        ("cost", &facets.cost),
        ("open", &facets.open),
        ("eligibility", &facets.eligibility),
        ("distance", &facets.distance),
    ] {
        if counts.is_empty() {
            continue;
        }
        let shown: Vec<String> = counts
            .iter()
            .take(8)
            .map(|c| format!("{} {}", c.value, c.count))
            .collect();
        let more = if counts.len() > 8 { " · …" } else { "" };
        say!("  {name:<12} {}{more}", shown.join(" · "));
    }
}

// `..Query::default()` stays although every field is set today: a field
// added later takes its default here rather than breaking the build.
#[allow(clippy::needless_update)]
fn query_from_flags(args: &Args) -> Query {
    let near = args.near.as_deref().map(|near| match parse_point(near) {
        Some((lat, lon)) => Near::Point { lat, lon },
        None => Near::Place(near.to_owned()),
    });
    let client = Client {
        age: args.age,
        gender: args.gender.clone(),
        income: args.income,
        household_size: args.household_size,
        statuses: args.statuses.clone(),
    };
    let client = (client != Client::default()).then_some(client);
    Query {
        text: args.text.clone(),
        near,
        radius_km: args.radius_km,
        client,
        languages: args.languages.clone(),
        require_language: args.require_lang,
        categories: args.category.clone(),
        free_only: args.free,
        wheelchair: args.wheelchair,
        open_now: args.open_now,
        open_at: args.open_at.clone(),
        hours_known: args.hours_known,
        serves_here: args.serves_here,
        limit: args.limit,
        offset: args.offset,
        explain: args.explain,
        ..Query::default()
    }
}

/// "46.49,-80.99" → a point; anything else is a postal code or place name.
fn parse_point(text: &str) -> Option<(f64, f64)> {
    let (lat, lon) = text.split_once(',')?;
    Some((lat.trim().parse().ok()?, lon.trim().parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn near_flag_reads_points_and_places() {
        assert_eq!(parse_point("46.49, -80.99"), Some((46.49, -80.99)));
        assert_eq!(parse_point("P3E 2C6"), None);
        assert_eq!(parse_point("Sudbury, ON"), None);
    }
}
