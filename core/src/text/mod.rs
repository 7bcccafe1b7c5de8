//! Text relevance: the schema and analyzers of the tantivy index inside the
//! file, and the translation of query text into a tantivy query. The text
//! section that stores tantivy's files is `format::text`.

pub(crate) mod analyzer;
pub(crate) mod categories;
pub(crate) mod indexed_term;
pub(crate) mod query;
pub(crate) mod schema;
pub(crate) mod stem;
pub(crate) mod typo;
pub mod vocabulary;
