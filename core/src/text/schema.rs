//! The tantivy schema: every searchable field in English and French, plus a
//! raw `category` field for category filters.

use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, STRING};

use super::analyzer::TextLanguage;

/// The searchable parts of a service and their weight in the text score.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TextField {
    Name,
    Organization,
    Categories,
    Keywords,
    Description,
}

impl TextField {
    pub(crate) const ALL: [TextField; 5] = [
        TextField::Name,
        TextField::Organization,
        TextField::Categories,
        TextField::Keywords,
        TextField::Description,
    ];

    /// Multiplier on the field's BM25 score: a word in the name says more
    /// about a service than the same word in its description.
    pub(crate) fn boost(self) -> f32 {
        match self {
            TextField::Name => 3.0,
            TextField::Organization => 1.5,
            TextField::Categories => 2.0,
            TextField::Keywords => 2.0,
            TextField::Description => 1.0,
        }
    }

    fn name(self) -> &'static str {
        match self {
            TextField::Name => "name",
            TextField::Organization => "organization",
            TextField::Categories => "categories",
            TextField::Keywords => "keywords",
            TextField::Description => "description",
        }
    }
}

/// The schema's fields, looked up once.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    text: Vec<(TextField, TextLanguage, Field)>,
    /// Lowercased category codes and names, including every broader term.
    pub(crate) category: Field,
}

impl Fields {
    pub(crate) fn text(&self, field: TextField, language: TextLanguage) -> Field {
        self.text
            .iter()
            .find(|(f, l, _)| *f == field && *l == language)
            .map(|(_, _, handle)| *handle)
            .expect("every text field exists in every language")
    }

    /// Finds the fields in a schema, checking that it is the one this build writes.
    pub(crate) fn from_schema(schema: &Schema) -> Option<Fields> {
        let mut text = Vec::new();
        for field in TextField::ALL {
            for language in TextLanguage::ALL {
                let name = format!("{}_{}", field.name(), language.suffix());
                text.push((field, language, schema.get_field(&name).ok()?));
            }
        }
        Some(Fields {
            text,
            category: schema.get_field("category").ok()?,
        })
    }
}

/// The schema this build writes.
pub(crate) fn build() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    for field in TextField::ALL {
        for language in TextLanguage::ALL {
            let indexing = TextFieldIndexing::default()
                .set_tokenizer(language.analyzer_name())
                .set_index_option(IndexRecordOption::WithFreqs);
            let options = TextOptions::default().set_indexing_options(indexing);
            builder.add_text_field(&format!("{}_{}", field.name(), language.suffix()), options);
        }
    }
    builder.add_text_field("category", STRING);
    let schema = builder.build();
    let fields = Fields::from_schema(&schema).expect("the schema has every field");
    (schema, fields)
}
