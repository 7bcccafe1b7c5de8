//! The search: resolve the query ([`plan`]), pick a path to the candidates,
//! filter and score each one, keep the best ([`top`]), then build the hits.
//!
//! The planner picks the cheaper path:
//! - with text ([`text`]), from tantivy's postings, pruned so that services
//!   that cannot enter the top are skipped; with a radius smaller than the
//!   text's matches, from the R-tree's services in the radius instead, each
//!   scored against the text;
//! - without text ([`near`]), from the R-tree: the services in the radius, or
//!   a nearest-first walk that stops once no farther service can enter;
//! - with neither, every service, filtered by the columns.

mod facets;
mod near;
mod plan;
mod text;
mod top;
mod walk;

use crate::error::Result;
use crate::index::Index;
use crate::query::Query;
use crate::results::{Hit, Results};
use crate::text::query::TextQuery;

use plan::Plan;
use top::TopK;

pub(crate) fn search(index: &Index, query: &Query, now: Option<i64>) -> Result<Results> {
    let mut results = search_once(index, query, now, Pass::Strict)?;
    let window_end = query.offset + query.limit;
    if results.total_exact && results.total < window_end && window_end <= crate::query::MAX_LIMIT {
        // The page is not full: the strict matches of every page up to this
        // one, then the relaxed ones, and this page's part of that list.
        if query.offset == 0 {
            no_wrong_door(index, query, now, &mut results)?;
        } else {
            let mut window = query.clone();
            window.offset = 0;
            window.limit = query.offset + query.limit;
            let mut all = search_once(index, &window, now, Pass::Strict)?;
            no_wrong_door(index, &window, now, &mut all)?;
            results.hits = all.hits.into_iter().skip(query.offset).collect();
        }
    }
    Ok(results)
}

/// When fewer services fit than the page holds, adds those that fit once
/// one of the query's soft constraints is relaxed, each marked with what
/// was relaxed: the nearest beyond the radius, those in other languages,
/// those that open later the same day, those whose hours are unknown,
/// those whose area excludes the caller. `total` still counts the strict
/// matches only.
fn no_wrong_door(
    index: &Index,
    query: &Query,
    now: Option<i64>,
    results: &mut Results,
) -> Result<()> {
    // Nearest to what was asked first: the same services later the same
    // day, in another language, with unknown hours, outside their declared
    // area; then the nearest beyond the radius.
    let mut relaxations: Vec<(Query, bool, String)> = Vec::new();
    if query.open_now || query.open_at.is_some() {
        relaxations.push((query.clone(), true, "opens later today".into()));
    }
    if query.require_language {
        let mut q = query.clone();
        q.require_language = false;
        relaxations.push((q, false, "language preferred, not required".into()));
    }
    if query.hours_known {
        let mut q = query.clone();
        q.hours_known = false;
        relaxations.push((q, false, "hours unknown".into()));
    }
    if query.serves_here {
        let mut q = query.clone();
        q.serves_here = false;
        relaxations.push((q, false, "outside its service area".into()));
    }
    if let Some(radius) = query.radius_km {
        let mut q = query.clone();
        q.radius_km = None;
        let radius = match radius.fract() == 0.0 {
            true => format!("{radius:.0} km"),
            false => crate::rank::format_distance(radius),
        };
        relaxations.push((q, false, format!("beyond {radius}")));
    }
    for (mut relaxed, relax_open, label) in relaxations {
        if results.hits.len() >= query.limit {
            break;
        }
        // Enough to fill the page after skipping those already listed.
        relaxed.limit = (query.limit + results.hits.len()).min(crate::query::MAX_LIMIT);
        let extra = search_once(index, &relaxed, now, Pass::Relaxed { relax_open })?;
        for mut hit in extra.hits {
            if results.hits.len() >= query.limit {
                break;
            }
            if results.hits.iter().any(|h| h.id == hit.id) {
                continue;
            }
            hit.relaxed = Some(label.clone());
            results.hits.push(hit);
        }
    }
    Ok(())
}

/// Which search of a query this is: the strict one, whose total and facets
/// the caller sees, or one with a constraint relaxed for "no wrong door",
/// of which only the hits are kept.
#[derive(Clone, Copy)]
enum Pass {
    Strict,
    /// `relax_open`: services that open later the same day pass.
    Relaxed {
        relax_open: bool,
    },
}

/// The queries for `text` in `index` (`None` without a searchable word).
fn text_query(index: &Index, text: &str) -> Result<Option<TextQuery>> {
    Ok(crate::text::query::build(
        &index.searcher,
        &index.fields,
        index.vocabulary()?,
        index.categories()?,
        text,
    ))
}

fn search_once(index: &Index, query: &Query, now: Option<i64>, pass: Pass) -> Result<Results> {
    query.validate()?;
    let mut plan = Plan::new(index, query, now)?;
    plan.relax_open = matches!(pass, Pass::Relaxed { relax_open: true });
    let mut top = TopK::new(query.offset + query.limit);
    let text_query = match query.text.as_deref() {
        Some(text) => text_query(index, text)?,
        None => None,
    };
    if let Some(text_query) = text_query {
        plan.several_words = text_query.several_words;
        plan.needs.clone_from(&text_query.needs);
        plan.predicted.clone_from(&text_query.categories);
        text::search(&plan, &mut top, &text_query)?;
    } else if let Some(origin) = plan.origin {
        near::search(&plan, &mut top, origin);
    } else {
        near::scan(&plan, &mut top);
    }
    // Past the exact count the total is a lower bound: the same one
    // whichever path counted ("1000+", never "1006+" here and "1000+" there).
    let (total, total_exact) = match top.exact {
        true => (top.total, true),
        false => (top::COUNT_EXACTLY_UP_TO, false),
    };
    // A relaxed search's facets would be dropped: not counted (with a time
    // asked, counting them reads every counted service's hours).
    let facets = match pass {
        Pass::Strict => Some(facets::count(&plan, &top.counted, total_exact)),
        Pass::Relaxed { .. } => None,
    };
    let mut buffer = Vec::new();
    let hits = top
        .into_sorted()
        .into_iter()
        .skip(query.offset)
        .map(|candidate| plan.hit(candidate, query.explain, &mut buffer))
        .collect::<Result<Vec<Hit>>>()?;
    Ok(Results {
        total,
        total_exact,
        hits,
        facets,
        help_line: index.meta.help_line.clone(),
    })
}
