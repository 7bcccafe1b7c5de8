//! [`Index`]: an opened `.smx` file, shareable across threads.

#[cfg(feature = "mmap")]
use std::path::Path;
use std::sync::OnceLock;

use serde::Serialize;
use tantivy::directory::OwnedBytes;
use tantivy::{ReloadPolicy, Searcher};

// `ErrorKind` names the errors in the docs; only `open` (mmap) uses it in code.
#[cfg_attr(not(feature = "mmap"), allow(unused_imports))]
use crate::error::{Error, ErrorKind, Result};
use crate::format::areas::Areas;
use crate::format::filters::Filters;
use crate::format::gazetteer::{Gazetteer, Place};
use crate::format::geo::Geo;
use crate::format::hits::Summaries;
use crate::format::hours::HoursSection;
use crate::format::meta::{self, Meta};
use crate::format::records::Records;
use crate::format::residency::Residency;
use crate::format::text::PackedDirectory;
use crate::format::{Section, SectionInfo, Sections};
use crate::model::Service;
use crate::text::categories::Associations;
use crate::text::vocabulary::Matcher;
use crate::text::{analyzer, schema::Fields};
use crate::{Query, Results};

/// An opened index: memory-mapped from a file or held in memory.
///
/// Opening reads the header, the section table and the small metadata; it
/// does not decode the index. `Index` is `Send + Sync`: share one (for
/// example in an `Arc`) across threads; searches do not block one another.
pub struct Index {
    pub(crate) sections: Sections,
    pub(crate) meta: Meta,
    pub(crate) searcher: Searcher,
    pub(crate) fields: Fields,
    pub(crate) records: Records,
    pub(crate) hits: Summaries,
    pub(crate) geo: Geo,
    pub(crate) filters: Filters,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) hours: HoursSection,
    pub(crate) areas: Areas,
    pub(crate) residency: Residency,
    /// Whether the text section matches its checksum, checked at the first
    /// search rather than at open (which must stay fast): tantivy trusts its
    /// files and may panic on damaged ones. `Err` holds the message.
    text_checked: OnceLock<Result<(), String>>,
    /// The vocabulary's phrases, read from its section at the first text
    /// search (not at open, which must stay fast).
    vocabulary: OnceLock<Result<Matcher, String>>,
    /// Which words predict which categories, read at the first text search.
    categories: OnceLock<Result<Associations, String>>,
}

/// A summary of an index, for `servicematch inspect` and the bindings' `info`.
#[derive(Debug, Clone, Serialize)]
pub struct IndexInfo {
    /// Format version of the file.
    pub format_version: u32,
    /// File size in bytes.
    pub bytes: u64,
    /// Services in the index.
    pub services: usize,
    /// Service locations.
    pub locations: usize,
    /// The metadata written at build time.
    pub meta: Meta,
    /// The sections of the file.
    pub sections: Vec<SectionSummary>,
}

/// One section of the file.
#[derive(Debug, Clone, Serialize)]
pub struct SectionSummary {
    /// Section name.
    pub name: String,
    /// Byte offset in the file.
    pub offset: u64,
    /// Length in bytes.
    pub bytes: u64,
    /// CRC-32 of the section, as recorded in the header.
    pub crc32: String,
}

impl From<&SectionInfo> for SectionSummary {
    fn from(info: &SectionInfo) -> SectionSummary {
        SectionSummary {
            name: info.name.clone(),
            offset: info.offset,
            bytes: info.len,
            crc32: format!("{:08x}", info.crc32),
        }
    }
}

impl Index {
    /// Opens the index file at `path` by memory-mapping it: opening reads
    /// the header and small tables, and searches read the pages they need.
    ///
    /// # The file under the reader
    /// The mapping is shared with the file, as SQLite's and tantivy's are:
    /// the file must not be modified or truncated while the index is open.
    /// Bytes rewritten in place give wrong results, errors or a panic (the
    /// text section's checksum is checked once, at the first search; tantivy
    /// trusts its bytes after that), and break the promise a `&[u8]` makes
    /// (that its bytes do not change); a file **truncated** by another
    /// process makes the next read past its new end raise `SIGBUS`, which
    /// ends the whole process (an EMR, say) unless it handles that signal. Replace index files by writing a new file and
    /// renaming it over the old one, as
    /// [`IndexBuilder::write`](crate::IndexBuilder::write) and `servicematch
    /// build` do: an open index keeps reading the old file, intact. Where
    /// another program may rewrite the file in place, read it into memory
    /// instead ([`Index::from_bytes`] with `std::fs::read`; C:
    /// `sm_index_open_bytes`), which nothing outside the process can change.
    ///
    /// # Errors
    /// [`ErrorKind::Io`] when the file cannot be read, [`ErrorKind::NotAnIndex`]
    /// for another kind of file, [`ErrorKind::UnsupportedVersion`] for a newer
    /// or older format version, [`ErrorKind::CorruptIndex`] for a truncated or damaged file. The
    /// message starts with the path.
    #[cfg(feature = "mmap")]
    pub fn open(path: impl AsRef<Path>) -> Result<Index> {
        let path = path.as_ref();
        let bytes = crate::format::mmap::map(path)?;
        Index::from_owned_bytes(&bytes).map_err(|e| match e.kind() {
            ErrorKind::Io => e,
            _ => e.in_file(path),
        })
    }

    /// Opens an index held in memory (a downloaded file, an embedded asset).
    ///
    /// # Errors
    /// As [`Index::open`], without `Io`.
    pub fn from_bytes(bytes: impl Into<Vec<u8>>) -> Result<Index> {
        let bytes = OwnedBytes::new(bytes.into());
        Index::from_owned_bytes(&bytes)
    }

    /// Opens an index in a static buffer (`include_bytes!`), without copying it.
    ///
    /// # Errors
    /// As [`Index::from_bytes`].
    pub fn from_static(bytes: &'static [u8]) -> Result<Index> {
        let bytes = OwnedBytes::new(bytes);
        Index::from_owned_bytes(&bytes)
    }

    /// Opens the index in `bytes`, which the caller keeps and drops.
    ///
    /// Every reader of the format takes its bytes by reference, and the
    /// last owner of a buffer is always a local of the function that made
    /// it: tantivy's `OwnedBytes` holds a `&'static [u8]` into its own
    /// buffer, and freeing that buffer inside a function that took the
    /// `OwnedBytes` by value (an error path dropping it) frees memory a
    /// protected argument still points to, which Miri reports as undefined
    /// behaviour (rust-lang/miri#3456). See UNSAFE.md.
    fn from_owned_bytes(bytes: &OwnedBytes) -> Result<Index> {
        let sections = Sections::parse(bytes)?;
        sections.verify(Section::Meta)?;
        let meta = meta::read(&sections.get(Section::Meta)?)?;
        let services = meta.services;
        let (searcher, fields) = open_text(&sections)?;
        if searcher.segment_readers().len() != 1 || searcher.num_docs() != services as u64 {
            return Err(Error::corrupt(format!(
                "section text holds {} documents in {} segments, the index {services} services",
                searcher.num_docs(),
                searcher.segment_readers().len()
            )));
        }
        let records = Records::open(&sections.get(Section::Records)?)?;
        if records.len() != services {
            return Err(Error::corrupt(format!(
                "section records holds {} records, the index {services} services",
                records.len()
            )));
        }
        let hits = Summaries::open(&sections.get(Section::Hits)?)?;
        if hits.len() != services {
            return Err(Error::corrupt(format!(
                "section hits holds {} summaries, the index {services} services",
                hits.len()
            )));
        }
        let geo = Geo::open(&sections.get(Section::Geo)?, services)?;
        let filters = Filters::open(&sections.get(Section::Filters)?, services)?;
        if filters.words() != meta.languages.len().div_ceil(64).max(1) {
            return Err(Error::corrupt(
                "section filters does not match the language table",
            ));
        }
        let gazetteer = Gazetteer::open(&sections.get(Section::Gazetteer)?)?;
        let hours = HoursSection::open(&sections.get(Section::Hours)?, services)?;
        let areas = Areas::open(&sections.get(Section::Areas)?, services)?;
        let residency = Residency::open(&sections.get(Section::Residency)?, services)?;
        Ok(Index {
            sections,
            meta,
            searcher,
            fields,
            records,
            hits,
            geo,
            filters,
            gazetteer,
            hours,
            areas,
            residency,
            text_checked: OnceLock::new(),
            vocabulary: OnceLock::new(),
            categories: OnceLock::new(),
        })
    }

    /// The vocabulary's phrases, ready to find in a query.
    ///
    /// # Errors
    /// [`ErrorKind::CorruptIndex`] when the vocabulary section is damaged.
    pub(crate) fn vocabulary(&self) -> Result<&Matcher> {
        let matcher = self.vocabulary.get_or_init(|| {
            self.sections
                .verify(Section::Vocabulary)
                .and_then(|()| self.sections.get(Section::Vocabulary))
                .and_then(|bytes| crate::format::vocabulary::read(&bytes))
                .map_err(|e| e.to_string())
        });
        matcher.as_ref().map_err(|e| Error::corrupt(e.clone()))
    }

    /// Which words predict which categories.
    ///
    /// # Errors
    /// [`ErrorKind::CorruptIndex`] when the categories section is damaged.
    pub(crate) fn categories(&self) -> Result<&Associations> {
        let associations = self.categories.get_or_init(|| {
            self.sections
                .verify(Section::Categories)
                .and_then(|()| self.sections.get(Section::Categories))
                .and_then(|bytes| crate::format::categories::read(&bytes))
                .map_err(|e| e.to_string())
        });
        associations.as_ref().map_err(|e| Error::corrupt(e.clone()))
    }

    /// Checks every section's checksum, reading the whole file.
    ///
    /// # Errors
    /// [`ErrorKind::CorruptIndex`] naming the first section that does not match.
    pub fn verify(&self) -> Result<()> {
        for section in Section::ALL {
            self.sections.verify(section)?;
        }
        self.sections.verify_padding()
    }

    /// The metadata written at build time.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// The code of a language a query names ("fr", "fra", "French",
    /// "Français"), read against this index's language table: see
    /// [`crate::lang::query_code`].
    pub(crate) fn language_code(&self, language: &str) -> Option<String> {
        crate::lang::query_code(&self.meta.language_names, language)
    }

    /// The English name of a language code ("French"), for explanations.
    pub(crate) fn language_name(&self, code: &str) -> String {
        crate::lang::display_name(&self.meta.language_names, code)
    }

    /// Number of services.
    pub fn len(&self) -> usize {
        self.meta.services
    }

    /// Whether the index holds no service (never true for a built index).
    pub fn is_empty(&self) -> bool {
        self.meta.services == 0
    }

    /// A summary: counts, metadata, sections.
    pub fn info(&self) -> IndexInfo {
        IndexInfo {
            format_version: self.sections.format_version,
            bytes: self.sections.file_len,
            services: self.meta.services,
            locations: self.geo.point_count(),
            meta: self.meta.clone(),
            sections: self
                .sections
                .table
                .iter()
                .map(SectionSummary::from)
                .collect(),
        }
    }

    /// The full record of the service at position `ordinal` (0-based, in id order).
    ///
    /// # Errors
    /// [`ErrorKind::CorruptIndex`] if the record cannot be decoded or does not exist.
    pub fn service(&self, ordinal: usize) -> Result<Service> {
        let ordinal = u32::try_from(ordinal)
            .map_err(|_| Error::corrupt(format!("record {ordinal} does not exist")))?;
        self.records.get(ordinal)
    }

    /// The full record of the service whose publisher's id is `id`, if the
    /// index holds it: a binary search over the ids of the hit summaries
    /// (stored uncompressed, in id order), then one record decoded.
    ///
    /// # Errors
    /// [`ErrorKind::CorruptIndex`] if an id on the way or the record cannot
    /// be read.
    pub fn service_by_id(&self, id: &str) -> Result<Option<Service>> {
        let (mut lo, mut hi) = (0, self.hits.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            // `mid` < `hits.len()`: the service count, tantivy's `u32` document count.
            match self.hits.id(mid as u32)?.cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => {
                    let service = self.service(mid)?;
                    if service.id != id {
                        return Err(Error::corrupt(format!(
                            "section records: record {mid} is not service {id} of section hits"
                        )));
                    }
                    return Ok(Some(service));
                }
            }
        }
        Ok(None)
    }

    /// Looks up a postal code, forward sortation area or place name in the
    /// index's gazetteer.
    ///
    /// # Errors
    /// [`ErrorKind::UnknownPlace`] naming the text when it is not found.
    pub fn locate(&self, place: &str) -> Result<Place> {
        self.gazetteer.lookup(place)
    }

    /// Finds the services that best match `query`, best first.
    ///
    /// # Errors
    /// [`ErrorKind::InvalidQuery`] naming the field at fault,
    /// [`ErrorKind::UnknownPlace`] for a `near` not in the gazetteer,
    /// [`ErrorKind::CorruptIndex`] if a damaged part of the file is met.
    /// The first search reads the whole text section once to check its
    /// checksum, so that a damaged text index is this error rather than a
    /// panic inside tantivy; later searches reuse the verdict.
    ///
    /// `open_now` and hits' open state read the system clock; where there
    /// is none (WebAssembly without JavaScript's clock), `open_now` is
    /// refused and hits' `open_now` is `None`: see [`Index::search_at`].
    pub fn search(&self, query: &Query) -> Result<Results> {
        self.check_text()?;
        crate::search::search(self, query, system_clock())
    }

    /// As [`Index::search`], with the caller's clock: `now` is the time of
    /// `open_now` and of hits' open state, in seconds since the Unix epoch
    /// (UTC). A binding without a system clock (WebAssembly) passes its
    /// host's.
    ///
    /// # Errors
    /// As [`Index::search`].
    pub fn search_at(&self, query: &Query, now: i64) -> Result<Results> {
        self.check_text()?;
        crate::search::search(self, query, Some(now))
    }

    /// Verifies the text section's checksum, once per `Index`.
    fn check_text(&self) -> Result<()> {
        self.text_checked
            .get_or_init(|| {
                self.sections
                    .verify(Section::Text)
                    .map_err(|e| e.to_string())
            })
            .clone()
            .map_err(Error::corrupt)
    }
}

/// Opens tantivy over the text section.
///
/// tantivy trusts its files: a damaged one can make it panic while opening
/// (a composite file's footer length, for one). Where unwinding is
/// available (not in the `panic = "abort"` WASM build), such a panic is
/// caught and, if the section's checksum confirms the damage, reported as
/// the corrupt index it is; with an intact section it is a bug and resumes.
/// The panic message still reaches the panic hook (stderr by default).
fn open_text(sections: &Sections) -> Result<(Searcher, Fields)> {
    let open = || -> Result<(Searcher, Fields)> {
        let directory = PackedDirectory::open(&sections.get(Section::Text)?)?;
        let text = tantivy::Index::open(directory)?;
        crate::format::text::integrity::check_opened_files(&text)?;
        analyzer::register(text.tokenizers());
        let fields = Fields::from_schema(&text.schema())
            .ok_or_else(|| Error::corrupt("section text: the schema is not servicematch's"))?;
        let reader = text
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok((reader.searcher(), fields))
    };
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(open)).unwrap_or_else(|panic| {
        sections.verify(Section::Text)?;
        std::panic::resume_unwind(panic)
    })
}

/// The system clock in seconds since the Unix epoch; `None` where there is
/// none (wasm32-unknown-unknown, whose `SystemTime::now` panics).
fn system_clock() -> Option<i64> {
    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    {
        None
    }
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .ok()
            .map(|d| d.as_secs() as i64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_send_and_sync() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Index>();
    }
}
