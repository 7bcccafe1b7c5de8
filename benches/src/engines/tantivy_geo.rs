//! tantivy alone, as a tantivy user would set it up, with a brute-force geo
//! post-filter: what our index format and planner add on top of tantivy.
//!
//! Setup: a tantivy index in a folder (mmap), one text field per searchable
//! field with the `en_stem` tokenizer (frequencies, no positions), the query
//! parsed by `QueryParser` (OR of terms, our field boosts), category and
//! required-language filters as constant-score `Must` clauses, and
//! `TopDocs::tweak_score` reading fast fields (every location as a packed
//! u64, languages as a bitset, ages) to compute the nearest distance, the
//! radius filter and the same decay, language and eligibility factors for
//! every match. The full record is a stored JSON field, read for the hits.
//! Built with one indexing thread and merged into one segment.

use std::path::Path;

use servicematch::Service;
use tantivy::collector::TopDocs;
use tantivy::query::{
    AllQuery, BooleanQuery, ConstScoreQuery, Occur, Query, QueryParser, TermQuery,
};
use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, Value, FAST, STORED, STRING,
};
use tantivy::{
    DocId, Index, IndexReader, ReloadPolicy, Score, SegmentReader, TantivyDocument, Term,
};

use super::{Engine, Found};
use crate::corpus::{language_table, Doc};
use crate::mix::{eligibility_factor, BenchQuery};
use crate::Result;

/// The text fields with their boosts (ours).
const TEXT_FIELDS: [(&str, f32); 5] = [
    ("name", 3.0),
    ("organization", 1.5),
    ("description", 1.0),
    ("categories", 2.0),
    ("keywords", 2.0),
];

/// No age stated.
const NO_AGE: u64 = 999;
const FLAG_FROM_TEXT: u64 = 1;
const FLAG_ACTIVE: u64 = 2;

/// tantivy over a folder, memory-mapped.
pub struct TantivyGeo {
    index: Index,
    reader: IndexReader,
    languages: Vec<String>,
    text: Vec<(Field, f32)>,
    category: Field,
    lang: Field,
    record: Field,
}

fn schema() -> Schema {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("en_stem")
        .set_index_option(IndexRecordOption::WithFreqs);
    for (name, _) in TEXT_FIELDS {
        builder.add_text_field(
            name,
            TextOptions::default().set_indexing_options(indexing.clone()),
        );
    }
    builder.add_text_field("category", STRING);
    builder.add_text_field("lang", STRING);
    builder.add_u64_field("points", FAST);
    builder.add_u64_field("langs", FAST);
    builder.add_u64_field("min_age", FAST);
    builder.add_u64_field("max_age", FAST);
    builder.add_u64_field("flags", FAST);
    builder.add_bytes_field("record", STORED);
    builder.build()
}

/// A point packed in one u64: f32 latitude bits high, f32 longitude bits low.
fn pack(lat: f64, lon: f64) -> u64 {
    ((lat as f32).to_bits() as u64) << 32 | (lon as f32).to_bits() as u64
}

fn unpack(packed: u64) -> [f64; 2] {
    [
        f32::from_bits((packed >> 32) as u32) as f64,
        f32::from_bits(packed as u32) as f64,
    ]
}

impl Engine for TantivyGeo {
    fn build(services: Vec<Service>, dir: &Path) -> Result<()> {
        let schema = schema();
        let field = |name: &str| schema.get_field(name).expect("field in schema");
        let docs: Vec<Doc> = services.iter().map(Doc::from_service).collect();
        let languages = language_table(&docs);
        std::fs::write(
            dir.join("languages.json"),
            serde_json::to_string(&languages)?,
        )?;
        let index = Index::create_in_dir(dir, schema.clone())?;
        let mut writer = index.writer_with_num_threads::<TantivyDocument>(1, 256_000_000)?;
        for (doc, service) in docs.iter().zip(&services) {
            let mut out = TantivyDocument::default();
            for (name, value) in [
                ("name", &doc.name),
                ("organization", &doc.organization),
                ("description", &doc.description),
                ("categories", &doc.categories),
                ("keywords", &doc.keywords),
            ] {
                out.add_text(field(name), value);
            }
            for key in &doc.category_keys {
                out.add_text(field("category"), key);
            }
            let mut bits = 0u64;
            for code in &doc.languages {
                out.add_text(field("lang"), code);
                if let Some(bit) = languages.iter().position(|l| l == code).filter(|&b| b < 64) {
                    bits |= 1 << bit;
                }
            }
            out.add_u64(field("langs"), bits);
            for &[lat, lon] in &doc.points {
                out.add_u64(field("points"), pack(lat, lon));
            }
            out.add_u64(field("min_age"), doc.min_age.map_or(NO_AGE, u64::from));
            out.add_u64(field("max_age"), doc.max_age.map_or(NO_AGE, u64::from));
            let flags = if doc.age_from_text { FLAG_FROM_TEXT } else { 0 }
                | if doc.active { FLAG_ACTIVE } else { 0 };
            out.add_u64(field("flags"), flags);
            out.add_bytes(field("record"), &serde_json::to_vec(service)?);
            writer.add_document(out)?;
        }
        writer.commit()?;
        let segments = index.searchable_segment_ids()?;
        if segments.len() > 1 {
            writer.merge(&segments).wait()?;
        }
        writer.wait_merging_threads()?;
        Ok(())
    }

    fn open(dir: &Path) -> Result<TantivyGeo> {
        let index = Index::open_in_dir(dir)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let languages: Vec<String> =
            serde_json::from_slice(&std::fs::read(dir.join("languages.json"))?)?;
        let schema = index.schema();
        let field = |name: &str| schema.get_field(name);
        Ok(TantivyGeo {
            text: TEXT_FIELDS
                .iter()
                .map(|&(name, boost)| Ok((field(name)?, boost)))
                .collect::<tantivy::Result<_>>()?,
            category: field("category")?,
            lang: field("lang")?,
            record: field("record")?,
            languages,
            reader,
            index,
        })
    }

    fn search(&self, query: &BenchQuery) -> Result<Vec<Found>> {
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let has_text = query.text.as_deref().is_some_and(|t| !t.trim().is_empty());
        if let Some(text) = query.text.as_deref().filter(|_| has_text) {
            let mut parser =
                QueryParser::for_index(&self.index, self.text.iter().map(|f| f.0).collect());
            for &(field, boost) in &self.text {
                parser.set_field_boost(field, boost);
            }
            let (parsed, _) = parser.parse_query_lenient(text);
            clauses.push((Occur::Must, parsed));
        }
        let any_of = |field: Field, values: &[String]| -> Box<dyn Query> {
            let should = values
                .iter()
                .map(|v| {
                    let term: Box<dyn Query> = Box::new(TermQuery::new(
                        Term::from_field_text(field, v),
                        IndexRecordOption::Basic,
                    ));
                    (Occur::Should, term)
                })
                .collect();
            Box::new(ConstScoreQuery::new(
                Box::new(BooleanQuery::new(should)),
                0.0,
            ))
        };
        if !query.categories.is_empty() {
            clauses.push((Occur::Must, any_of(self.category, &query.categories)));
        }
        if query.require_language {
            clauses.push((Occur::Must, any_of(self.lang, &query.languages)));
        }
        let tantivy_query: Box<dyn Query> = if clauses.is_empty() {
            Box::new(AllQuery)
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        let wanted = query
            .languages
            .iter()
            .filter_map(|code| self.languages.iter().position(|l| l == code))
            .filter(|&bit| bit < 64)
            .fold(0u64, |mask, bit| mask | 1 << bit);
        let has_preference = !query.languages.is_empty();
        let (point, radius, age) = (query.point, query.radius_km, query.age);
        let collector =
            TopDocs::with_limit(query.limit).tweak_score(move |segment: &SegmentReader| {
                let fast = segment.fast_fields();
                let points = fast.u64("points").expect("points is a fast field");
                let langs = fast
                    .u64("langs")
                    .expect("langs is a fast field")
                    .first_or_default_col(0);
                let min_age = fast
                    .u64("min_age")
                    .expect("min_age is a fast field")
                    .first_or_default_col(NO_AGE);
                let max_age = fast
                    .u64("max_age")
                    .expect("max_age is a fast field")
                    .first_or_default_col(NO_AGE);
                let flags = fast
                    .u64("flags")
                    .expect("flags is a fast field")
                    .first_or_default_col(0);
                move |doc: DocId, score: Score| -> Score {
                    let flags = flags.get_val(doc);
                    if flags & FLAG_ACTIVE == 0 {
                        return Score::NEG_INFINITY;
                    }
                    let mut score = if has_text { score } else { 1.0 };
                    if let Some(origin) = point {
                        let nearest = points
                            .values_for_doc(doc)
                            .map(|p| super::distance_km(origin, unpack(p)))
                            .min_by(f64::total_cmp);
                        match (nearest, radius) {
                            (Some(km), Some(r)) if km > r => return Score::NEG_INFINITY,
                            (None, Some(_)) => return Score::NEG_INFINITY,
                            (Some(km), _) => score *= servicematch::rank::decay(km),
                            (None, None) => score *= servicematch::rank::DISTANCE_UNKNOWN,
                        }
                    }
                    if has_preference {
                        let offered = langs.get_val(doc);
                        score *= if offered & wanted != 0 {
                            1.0
                        } else if offered == 0 {
                            servicematch::rank::LANGUAGE_UNLISTED
                        } else {
                            servicematch::rank::LANGUAGE_OTHER
                        };
                    }
                    let age_of = |v: u64| (v != NO_AGE).then_some(v as u8);
                    match eligibility_factor(
                        age,
                        age_of(min_age.get_val(doc)),
                        age_of(max_age.get_val(doc)),
                        flags & FLAG_FROM_TEXT != 0,
                    ) {
                        Some(factor) => score * factor,
                        None => Score::NEG_INFINITY,
                    }
                }
            });
        let searcher = self.reader.searcher();
        let top = searcher.search(&*tantivy_query, &collector)?;
        top.into_iter()
            .filter(|(score, _)| score.is_finite())
            .map(|(_, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                let bytes = doc
                    .get_first(self.record)
                    .and_then(|v| v.as_bytes())
                    .ok_or("a document without its record")?;
                let service: Service = serde_json::from_slice(bytes)?;
                Ok(Found {
                    id: service.id,
                    name: service.name,
                })
            })
            .collect()
    }
}
