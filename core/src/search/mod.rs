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

use crate::error::Result;
use crate::index::Index;
use crate::query::Query;
use crate::results::{Hit, Results};

use plan::Plan;
use top::TopK;

pub(crate) fn search(index: &Index, query: &Query) -> Result<Results> {
    query.validate()?;
    let mut plan = Plan::new(index, query)?;
    let mut top = TopK::new(query.offset + query.limit);
    let text_query = match query.text.as_deref() {
        Some(text) => crate::text::query::build(
            &index.searcher,
            &index.fields,
            index.vocabulary()?,
            index.categories()?,
            text,
        ),
        None => None,
    };
    if let Some(text_query) = text_query {
        plan.several_words = text_query.several_words;
        plan.needs.clone_from(&text_query.needs);
        text::search(&plan, &mut top, &text_query)?;
    } else if let Some(origin) = plan.origin {
        near::search(&plan, &mut top, origin);
    } else {
        near::scan(&plan, &mut top);
    }
    let (total, total_exact) = (top.total, top.exact);
    let facets = facets::count(&plan, &top.counted, total_exact);
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
        facets: Some(facets),
    })
}
