//! The tantivy schema: one searchable text field per language, plus a raw
//! `category` field for category filters.
//!
//! A service's parts (name, organisation, categories, keywords, description)
//! all go into its language's text field, each part repeated by its weight:
//! BM25F, as Elasticsearch's `combined_fields` query scores, where a word in
//! the name counts as three occurrences. One field per language keeps a
//! query to one posting list per term, which is what lets block-max WAND
//! skip most of the matches of a broad word.

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STRING};

use super::analyzer::TextLanguage;

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
    /// about a service than the same word in its description.
    pub(crate) fn weight(self) -> usize {
        match self {
            TextPart::Name => 3,
            TextPart::Organization => 2,
            TextPart::Categories => 2,
            TextPart::Keywords => 2,
            TextPart::Description => 1,
        }
    }
}

/// The schema's fields, looked up once.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    /// The text field of each language, in [`TextLanguage::ALL`] order.
    text: Vec<Field>,
    /// Lowercased category codes and names, including every broader term.
    pub(crate) category: Field,
}

impl Fields {
    pub(crate) fn text(&self, language: TextLanguage) -> Field {
        let at = TextLanguage::ALL
            .iter()
            .position(|&l| l == language)
            .expect("every language is in ALL");
        self.text[at]
    }

    /// Finds the fields in a schema, checking that it is the one this build writes.
    pub(crate) fn from_schema(schema: &Schema) -> Option<Fields> {
        let text = TextLanguage::ALL
            .iter()
            .map(|language| schema.get_field(&field_name(*language)).ok())
            .collect::<Option<Vec<Field>>>()?;
        Some(Fields {
            text,
            category: schema.get_field("category").ok()?,
        })
    }
}

fn field_name(language: TextLanguage) -> String {
    format!("text_{}", language.suffix())
}

/// The schema this build writes.
pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    for language in TextLanguage::ALL {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(language.analyzer_name())
            .set_index_option(IndexRecordOption::WithFreqs);
        let options = TextOptions::default().set_indexing_options(indexing);
        builder.add_text_field(&field_name(language), options);
    }
    builder.add_text_field("category", STRING);
    let schema = builder.build();
    let fields = Fields::from_schema(&schema).expect("the schema has every field");
    (schema, fields)
}
