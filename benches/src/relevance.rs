//! Relevance on judged queries: the judged sets (`benches/relevance/*.tsv`),
//! their fixed split into a tuning and a test part, and the measures
//! (nDCG@10, P@10, MRR) the `relevance` binary reports.
//!
//! A judged set is a tab-separated file: one query per line, then the code
//! prefixes that judge it (space-separated); `#` starts a comment line. A
//! service is relevant to a query when one of its category codes (or a
//! broader term's) starts with one of the query's prefixes. The split is
//! fixed by position: the queries at even positions (0, 2, 4…) are the
//! tuning part, the others the test part.

use std::collections::HashSet;
use std::path::Path;

use servicematch::Service;

use crate::Result;

/// How many hits each measure looks at.
pub const CUTOFF: usize = 10;

/// One part of a judged set.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
pub enum Split {
    /// What weights are fitted on.
    Tuning,
    /// What the fitted weights are judged on.
    Test,
}

impl Split {
    /// "tuning" or "test".
    pub fn name(self) -> &'static str {
        match self {
            Split::Tuning => "tuning",
            Split::Test => "test",
        }
    }
}

/// A query with its judgement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JudgedQuery {
    /// The words a caller says.
    pub text: String,
    /// Category code prefixes that make a service relevant.
    pub prefixes: Vec<String>,
    /// The part it belongs to.
    pub split: Split,
}

/// Reads a judged set.
///
/// # Errors
/// When the file cannot be read or a line has no prefix.
pub fn load(path: &Path) -> Result<Vec<JudgedQuery>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    parse(&text).map_err(|e| format!("{}: {e}", path.display()).into())
}

/// Parses a judged set (see the module docs).
///
/// # Errors
/// When a line has no tab or no prefix.
pub fn parse(text: &str) -> std::result::Result<Vec<JudgedQuery>, String> {
    let mut queries = Vec::new();
    for (number, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (query, prefixes) = line
            .split_once('\t')
            .ok_or_else(|| format!("line {}: no tab between query and prefixes", number + 1))?;
        let prefixes: Vec<String> = prefixes.split_whitespace().map(str::to_owned).collect();
        if prefixes.is_empty() {
            return Err(format!("line {}: no prefix", number + 1));
        }
        let split = match queries.len() % 2 {
            0 => Split::Tuning,
            _ => Split::Test,
        };
        queries.push(JudgedQuery {
            text: query.trim().to_owned(),
            prefixes,
            split,
        });
    }
    Ok(queries)
}

/// Every category code of a service, with its broader terms'.
pub fn codes(service: &Service) -> impl Iterator<Item = &str> {
    service.categories.iter().flat_map(|c| {
        c.code
            .as_deref()
            .into_iter()
            .chain(c.ancestors.iter().filter_map(|a| a.code.as_deref()))
    })
}

/// The ids of the services relevant to `query`.
pub fn relevant(services: &[Service], query: &JudgedQuery) -> HashSet<String> {
    services
        .iter()
        .filter(|s| {
            codes(s).any(|code| query.prefixes.iter().any(|p| code.starts_with(p.as_str())))
        })
        .map(|s| s.id.clone())
        .collect()
}

/// The measures of one ranked list.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Measures {
    /// Normalised discounted cumulative gain of the first [`CUTOFF`] hits
    /// (binary gains).
    pub ndcg: f64,
    /// Share of relevant services among the first [`CUTOFF`] hits.
    pub precision: f64,
    /// One over the rank of the first relevant hit (0 when none in the first [`CUTOFF`]).
    pub mrr: f64,
}

impl Measures {
    /// The measures of `ranked` (ids, best first) against `relevant`.
    pub fn of(ranked: &[String], relevant: &HashSet<String>) -> Measures {
        let top = &ranked[..ranked.len().min(CUTOFF)];
        let gains: Vec<bool> = top.iter().map(|id| relevant.contains(id)).collect();
        let dcg: f64 = gains
            .iter()
            .enumerate()
            .filter(|(_, &g)| g)
            .map(|(i, _)| 1.0 / ((i + 2) as f64).log2())
            .sum();
        let ideal: f64 = (0..relevant.len().min(CUTOFF))
            .map(|i| 1.0 / ((i + 2) as f64).log2())
            .sum();
        let hits = gains.iter().filter(|&&g| g).count();
        Measures {
            ndcg: if ideal > 0.0 { dcg / ideal } else { 0.0 },
            precision: hits as f64 / CUTOFF as f64,
            mrr: gains
                .iter()
                .position(|&g| g)
                .map_or(0.0, |i| 1.0 / (i + 1) as f64),
        }
    }

    /// The mean of several.
    pub fn mean<'a>(all: impl IntoIterator<Item = &'a Measures>) -> Measures {
        let mut sum = Measures::default();
        let mut n = 0.0;
        for m in all {
            sum.ndcg += m.ndcg;
            sum.precision += m.precision;
            sum.mrr += m.mrr;
            n += 1.0;
        }
        if n > 0.0 {
            sum.ndcg /= n;
            sum.precision /= n;
            sum.mrr /= n;
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_alternates_and_comments_are_skipped() {
        let set = parse("# head\nfood\tBD-1800\nrent help\tBH-3800 BH-3900\nbus\tBT\n").unwrap();
        assert_eq!(set.len(), 3);
        assert_eq!(set[1].prefixes, ["BH-3800", "BH-3900"]);
        assert_eq!(
            set.iter().map(|q| q.split).collect::<Vec<_>>(),
            [Split::Tuning, Split::Test, Split::Tuning]
        );
        assert!(parse("no tab here").is_err());
    }

    #[test]
    fn measures_of_a_ranking() {
        let relevant: HashSet<String> = ["a", "b"].iter().map(|s| s.to_string()).collect();
        let ranked: Vec<String> = ["x", "a", "b"].iter().map(|s| s.to_string()).collect();
        let m = Measures::of(&ranked, &relevant);
        assert!((m.mrr - 0.5).abs() < 1e-9);
        assert!((m.precision - 0.2).abs() < 1e-9);
        let ideal = 1.0 + 1.0 / 3f64.log2();
        let dcg = 1.0 / 3f64.log2() + 1.0 / 4f64.log2();
        assert!((m.ndcg - dcg / ideal).abs() < 1e-9);
        let perfect: Vec<String> = ["a", "b"].iter().map(|s| s.to_string()).collect();
        assert!((Measures::of(&perfect, &relevant).ndcg - 1.0).abs() < 1e-9);
    }
}
