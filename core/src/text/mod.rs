//! Text relevance: the tantivy index inside the file, its schema and
//! analyzers, and the translation of query text into a tantivy query.

pub(crate) mod analyzer;
pub(crate) mod directory;
pub(crate) mod integrity;
pub(crate) mod query;
pub(crate) mod schema;
pub(crate) mod stem;
pub(crate) mod synonyms;
pub(crate) mod typo;
