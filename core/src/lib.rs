//! servicematch: ranked matching of people to community health and social
//! services, offline, over one memory-mapped index file.
//!
//! A 211 specialist hears a need ("food bank"), a place ("P3E 2C6"), a person
//! (72 years old) and a language (French), and finds the services that fit.
//! This crate does that matching:
//!
//! 1. import an Open Referral HSDS directory ([`hsds`]) into [`Service`]s;
//! 2. build one `.smx` index file with [`IndexBuilder`];
//! 3. open it with [`Index::open`] (memory-mapped) or [`Index::from_bytes`];
//! 4. [`Index::search`] with a [`Query`] and get ranked, explained [`Results`].
//!
//! # Example
//! ```
//! use servicematch::{Index, IndexBuilder, Language, Location, Query, Service};
//!
//! let food_bank = |id: &str, name: &str, lang: &str| Service {
//!     id: id.into(),
//!     name: name.into(),
//!     languages: vec![Language { code: Some(lang.into()), name: lang.into() }],
//!     locations: vec![Location { lat: 46.49, lon: -80.99, ..Default::default() }],
//!     ..Default::default()
//! };
//! let mut builder = IndexBuilder::new("example");
//! builder.add_service(food_bank("a", "Food Bank", "en"));
//! builder.add_service(food_bank("b", "Banque alimentaire", "fr"));
//! let (bytes, _) = builder.build_bytes()?;
//! let index = Index::from_bytes(bytes)?;
//!
//! let query = Query::new().text("aide alimentaire").near_place("P3E 2C6").language("fr").explain(true);
//! let results = index.search(&query)?;
//! assert_eq!(results.hits[0].id, "b");
//! println!("{}", results.hits[0].explanation.as_ref().unwrap().reason);
//! # Ok::<(), servicematch::Error>(())
//! ```
//!
//! # Crate features
//! - `mmap` (default): [`Index::open`] memory-maps files (memmap2). Leave it
//!   out for `wasm32-unknown-unknown`, where [`Index::from_bytes`] serves.
//! - `import` (default): reading publishers' HSDS exports (`hsds`) and free
//!   text about languages (`lang::from_text`), with the full ISO 639 tables.
//!   Building and searching indexes work without it; the WebAssembly build
//!   leaves it out (it is most of the size it would add).
//!
//! # Performance
//! Opening reads the header and small tables only; the index is read in
//! place. See the README's performance section for measured latencies and
//! the benchmark that reproduces them.

#![deny(missing_docs)]
#![deny(unsafe_code)]

mod builder;
mod eligibility;
mod error;
pub mod fhir;
mod format;
pub mod geo;
pub mod handout;
mod hours;
mod index;
pub mod lang;
mod model;
mod query;
pub mod rank;
mod replace;
mod report;
mod results;
mod search;
mod text;

pub use builder::{BuildSummary, IndexBuilder};
pub use eligibility::LowIncomeLine;
pub use error::{Error, ErrorKind, Result};
pub use format::compress::MAX_RECORD_LEN;
pub use format::gazetteer::{GazetteerEntry, Place, GEONAMES_ATTRIBUTION};
pub use format::meta::{ImportCounts, Meta};
pub use format::{FORMAT_VERSION, MAGIC};
pub use index::{Index, IndexInfo, SectionSummary};
pub use model::*;
pub use query::{
    Client, Near, Query, MAX_AGE, MAX_HOUSEHOLD, MAX_LIMIT, MAX_LIST_LEN, MAX_OFFSET,
    MAX_PLACE_LEN, MAX_QUERY_JSON_LEN, MAX_RADIUS_KM, MAX_TEXT_LEN, MAX_TEXT_WORDS,
};
pub use report::{Problem, Report, TableCount};
pub use results::{Eligibility, Explanation, FacetCount, Facets, Hit, HitLocation, Results};
pub use text::vocabulary::Vocabulary;
