//! The tantivy schema: one searchable text field, plus a raw `category`
//! field for category filters.
//!
//! A service's parts (name, organisation, categories, keywords, description)
//! all go into the text field, each part repeated by its weight: BM25F, as
//! Elasticsearch's `combined_fields` query scores, where a word in the name
//! counts as three occurrences. Each word is indexed by its English and its
//! French stem ([`stem`](super::stem)). One field keeps a query to one
//! posting list per term, which is what lets block-max WAND skip most of the
//! matches of a broad word.

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STRING};

use super::analyzer::ANALYZER;

/// The searchable parts of a service and their weight in the text score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextPart {
    Name,
    Organization,
    Categories,
    Keywords,
    Description,
}

impl TextPart {
    pub(crate) const ALL: [TextPart; 5] = [
        TextPart::Name,
        TextPart::Organization,
        TextPart::Categories,
        TextPart::Keywords,
        TextPart::Description,
    ];

    /// How many times the part is indexed: a word in the name says more
    /// about a service than the same word in its description. Fitted on the
    /// relevance harness's tuning part (`benches/results/RELEVANCE.md`):
    /// the specialists' categories weigh as the name, the organisation's
    /// name (often a parent agency's, unrelated to the service) as the
    /// description.
    pub(crate) fn weight(self) -> usize {
        match self {
            TextPart::Name => 3,
            TextPart::Organization => 1,
            TextPart::Categories => 3,
            TextPart::Keywords => 2,
            TextPart::Description => 1,
        }
    }
}

/// The schema's fields, looked up once.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    /// Every searchable part, in English and French stems.
    pub(crate) text: Field,
    /// Lowercased category codes and names, including every broader term.
    pub(crate) category: Field,
}

impl Fields {
    /// Finds the fields in a schema, checking that it is the one this build writes.
    pub(crate) fn from_schema(schema: &Schema) -> Option<Fields> {
        Some(Fields {
            text: schema.get_field("text").ok()?,
            category: schema.get_field("category").ok()?,
        })
    }
}

/// The schema this build writes.
pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(ANALYZER)
        .set_index_option(IndexRecordOption::WithFreqs);
    let options = TextOptions::default().set_indexing_options(indexing);
    builder.add_text_field("text", options);
    builder.add_text_field("category", STRING);
    let schema = builder.build();
    let fields = Fields::from_schema(&schema).expect("the schema has every field");
    (schema, fields)
}
