//! A term query that reads the inverted index and nothing else.
//!
//! tantivy's `TermQuery::weight` falls back to a fast-field range query for
//! a field that is not indexed, and its `TermWeight::explain` prints the
//! term with `Debug`. Every field searched here is indexed and nothing asks
//! tantivy to explain, yet a `Box<dyn Query>` holding a `TermQuery` (or a
//! `Box<dyn Weight>` holding its weight) keeps both in the program through
//! their vtables, and with them `Term`'s `Debug`, which prints facets with a
//! regular expression. Range queries, fast-field readers and the `regex`
//! crates were a third of the WebAssembly module gzipped (225 KB). These
//! wrappers call the same scoring code without those paths; a test of the
//! npm package (`bindings-wasm/tests/consumer.test.mjs`) holds the module
//! to its size budget.

use std::fmt;

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, TermQuery, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term};

/// [`TermQuery`] on an indexed field.
#[derive(Clone)]
pub(crate) struct IndexedTerm(TermQuery);

impl IndexedTerm {
    /// The services with `term`, read with `record`.
    pub(crate) fn new(term: Term, record: IndexRecordOption) -> IndexedTerm {
        IndexedTerm(TermQuery::new(term, record))
    }
}

impl fmt::Debug for IndexedTerm {
    /// The field only: a term's bytes are printed through `Term`'s `Debug`,
    /// which this type exists to leave out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "IndexedTerm(field {})", self.0.term().field().field_id())
    }
}

impl Query for IndexedTerm {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(IndexedTermWeight(
            self.0.specialized_weight(scoring)?,
        )))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.0.query_terms(visitor);
    }
}

/// tantivy's term weight (a type it does not export), each method its own
/// but `explain`.
struct IndexedTermWeight<W>(W);

impl<W: Weight> Weight for IndexedTermWeight<W> {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        self.0.scorer(reader, boost)
    }

    /// The term's score for `doc`, without printing the term.
    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.0.scorer(reader, 1.0)?;
        if scorer.doc() > doc || scorer.seek(doc) != doc {
            return Err(TantivyError::InvalidArgument(format!(
                "document {doc} does not have the term"
            )));
        }
        Ok(Explanation::new("term", scorer.score()))
    }

    fn count(&self, reader: &SegmentReader) -> tantivy::Result<u32> {
        self.0.count(reader)
    }

    fn for_each(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score),
    ) -> tantivy::Result<()> {
        self.0.for_each(reader, callback)
    }

    fn for_each_no_score(
        &self,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(&[DocId]),
    ) -> tantivy::Result<()> {
        self.0.for_each_no_score(reader, callback)
    }

    fn for_each_pruning(
        &self,
        threshold: Score,
        reader: &SegmentReader,
        callback: &mut dyn FnMut(DocId, Score) -> Score,
    ) -> tantivy::Result<()> {
        self.0.for_each_pruning(threshold, reader, callback)
    }
}

#[cfg(test)]
mod tests {
    use tantivy::TERMINATED;

    use super::*;
    use crate::{Index, IndexBuilder, Service};

    fn index() -> Index {
        let mut builder = IndexBuilder::new("indexed-term");
        for (i, text) in [
            "food bank",
            "food bank food pantry",
            "dental clinic",
            "community food centre with a long description of its meals",
        ]
        .iter()
        .enumerate()
        {
            builder.add_service(Service {
                id: format!("s{i}"),
                name: text.to_string(),
                ..Default::default()
            });
        }
        Index::from_bytes(builder.build_bytes().unwrap().0).unwrap()
    }

    /// What a weight gives for every service: its score, or `None`.
    fn scores(weight: &dyn Weight, segment: &SegmentReader) -> Vec<Option<Score>> {
        let mut found = vec![None; segment.max_doc() as usize];
        weight
            .for_each(segment, &mut |doc, score| found[doc as usize] = Some(score))
            .unwrap();
        found
    }

    #[test]
    fn scores_counts_and_explains_as_tantivys_term_query() {
        let index = index();
        let segment = index.searcher.segment_reader(0);
        let scoring = EnableScoring::enabled_from_searcher(&index.searcher);
        let term = Term::from_field_text(index.fields.text, "food");
        let ours = IndexedTerm::new(term.clone(), IndexRecordOption::WithFreqs)
            .weight(scoring)
            .unwrap();
        let theirs = TermQuery::new(term, IndexRecordOption::WithFreqs)
            .weight(scoring)
            .unwrap();
        let expected = scores(theirs.as_ref(), segment);
        assert_eq!(expected.iter().flatten().count(), 3, "{expected:?}");
        assert_eq!(scores(ours.as_ref(), segment), expected);
        assert_eq!(ours.count(segment).unwrap(), 3);
        let mut pruned = Vec::new();
        ours.for_each_pruning(0.0, segment, &mut |doc, score| {
            pruned.push((doc, score));
            0.0
        })
        .unwrap();
        let all: Vec<(DocId, Score)> = expected
            .iter()
            .enumerate()
            .filter_map(|(doc, score)| score.map(|score| (doc as DocId, score)))
            .collect();
        assert_eq!(pruned, all);
        let mut scorer = ours.scorer(segment, 1.0).unwrap();
        let mut seen = Vec::new();
        while scorer.doc() != TERMINATED {
            seen.push((scorer.doc(), scorer.score()));
            scorer.advance();
        }
        assert_eq!(seen, all);
        for (doc, score) in expected.iter().enumerate() {
            let explained = ours.explain(segment, doc as DocId);
            match score {
                Some(score) => assert_eq!(explained.unwrap().value(), *score),
                None => assert!(explained.is_err(), "service {doc}"),
            }
        }
    }
}
