//! Where the tables of a tabular HSDS export are: a folder, or a zip
//! archive of one.
//!
//! Files are found by name, case-insensitively, at the top or up to two
//! folders down (exports often put the CSVs in `data/`); the shallowest
//! match wins. A zip archive is read into memory once (deflate and stored
//! entries), up to [`MAX_ZIP_BYTES`] uncompressed.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// The most uncompressed data read from one zip archive.
///
/// # Units
/// Bytes (2 GiB).
pub const MAX_ZIP_BYTES: u64 = 2 << 30;

/// The most memory reserved for one zip entry before its bytes are read.
///
/// # Units
/// Bytes (64 MiB).
const RESERVE_AT_MOST: u64 = 64 << 20;

/// How deep into subfolders files are looked for.
const MAX_DEPTH: usize = 3;

/// A folder or a zip archive of tables.
#[derive(Debug)]
pub(crate) struct Source {
    /// The input as given, for messages.
    root: PathBuf,
    /// Relative paths ('/'-separated) of every file, sorted.
    files: Vec<String>,
    /// Zip contents by relative path; `None` for a folder.
    zip: Option<BTreeMap<String, Vec<u8>>>,
}

impl Source {
    /// A folder, or a zip archive (recognised by its content, not its name).
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) when the input cannot be read;
    /// [`ErrorKind::InvalidInput`](crate::ErrorKind::InvalidInput) when a zip
    /// archive is corrupt, encrypted, too large or uses another compression.
    pub(crate) fn open(path: &Path) -> Result<Source> {
        if path.is_dir() {
            let mut files = Vec::new();
            list(path, "", 0, &mut files)?;
            files.sort();
            return Ok(Source {
                root: path.to_owned(),
                files,
                zip: None,
            });
        }
        let file = std::fs::File::open(path).map_err(|e| Error::io(path, "cannot read", e))?;
        let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| {
            Error::invalid_input(format!("{}: not a readable zip archive", path.display()))
                .with_source(e)
        })?;
        let mut entries = BTreeMap::new();
        let mut total = 0u64;
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).map_err(|e| {
                Error::invalid_input(format!(
                    "{}: entry {} cannot be read",
                    path.display(),
                    i + 1
                ))
                .with_source(e)
            })?;
            let name = entry.name().replace('\\', "/");
            let hidden = name
                .split('/')
                .any(|part| part.starts_with('.') || part == "__MACOSX");
            if entry.is_dir() || hidden || !is_table_file(&name) {
                continue;
            }
            // The declared size is the archive's word, not a fact: a damaged
            // one claims gigabytes. Reserve it only up to a bound; beyond,
            // the buffer grows as bytes really arrive.
            let reserve = entry.size().min(RESERVE_AT_MOST);
            let mut bytes = Vec::with_capacity(usize::try_from(reserve).unwrap_or(0));
            (&mut entry)
                .take(MAX_ZIP_BYTES - total + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| {
                    Error::invalid_input(format!("{}: {name} cannot be unpacked", path.display()))
                        .with_source(e)
                })?;
            total += bytes.len() as u64;
            if total > MAX_ZIP_BYTES {
                return Err(Error::invalid_input(format!(
                    "{}: the archive unpacks to more than {} GiB",
                    path.display(),
                    MAX_ZIP_BYTES >> 30
                )));
            }
            entries.insert(name, bytes);
        }
        Ok(Source {
            root: path.to_owned(),
            files: entries.keys().cloned().collect(),
            zip: Some(entries),
        })
    }

    /// The relative path of the file called `name` (case-insensitive), the
    /// shallowest first.
    pub(crate) fn find(&self, name: &str) -> Option<&str> {
        self.files
            .iter()
            .filter(|f| base_name(f).eq_ignore_ascii_case(name))
            .min_by_key(|f| (f.matches('/').count(), f.len()))
            .map(String::as_str)
    }

    /// The relative path of `path` (relative to the input, '/'-separated,
    /// case-insensitive), if the input holds it.
    pub(crate) fn get(&self, path: &str) -> Option<&str> {
        let wanted = path.trim_start_matches("./").replace('\\', "/");
        self.files
            .iter()
            .find(|f| f.eq_ignore_ascii_case(&wanted))
            .map(String::as_str)
    }

    /// Every CSV file, by relative path.
    pub(crate) fn csv_files(&self) -> impl Iterator<Item = &str> {
        self.files
            .iter()
            .filter(|f| f.to_ascii_lowercase().ends_with(".csv"))
            .map(String::as_str)
    }

    /// Names of the files at hand, for messages.
    pub(crate) fn listing(&self) -> String {
        if self.files.is_empty() {
            return "no CSV or JSON files".into();
        }
        let mut names: Vec<&str> = self.files.iter().map(String::as_str).take(12).collect();
        if self.files.len() > names.len() {
            names.push("…");
        }
        format!("files: {}", names.join(", "))
    }

    /// The bytes of a file found with [`Source::find`] or [`Source::get`].
    ///
    /// # Errors
    /// [`ErrorKind::Io`](crate::ErrorKind::Io) naming the file.
    pub(crate) fn read(&self, relative: &str) -> Result<std::borrow::Cow<'_, [u8]>> {
        match &self.zip {
            Some(entries) => entries
                .get(relative)
                .map(|b| std::borrow::Cow::Borrowed(b.as_slice()))
                .ok_or_else(|| {
                    Error::invalid_input(format!("{} holds no {relative}", self.root.display()))
                }),
            None => {
                let path = self.root.join(relative);
                std::fs::read(&path)
                    .map(std::borrow::Cow::Owned)
                    .map_err(|e| Error::io(&path, "cannot read", e))
            }
        }
    }

    /// How a file is named in problems and errors: the path of a file in a
    /// folder, `archive.zip/services.csv` for a file in an archive.
    pub(crate) fn display(&self, relative: &str) -> String {
        format!("{}/{relative}", self.root.display())
    }

    /// The input as given.
    pub(crate) fn root(&self) -> &Path {
        &self.root
    }
}

fn is_table_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".json")
}

fn base_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn list(root: &Path, prefix: &str, depth: usize, files: &mut Vec<String>) -> Result<()> {
    let folder = root.join(prefix);
    let entries = std::fs::read_dir(&folder).map_err(|e| Error::io(&folder, "cannot list", e))?;
    for entry in entries {
        let entry = entry.map_err(|e| Error::io(&folder, "cannot list", e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let relative = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        let kind = entry
            .file_type()
            .map_err(|e| Error::io(&entry.path(), "cannot read", e))?;
        if kind.is_dir() && depth + 1 < MAX_DEPTH {
            list(root, &relative, depth + 1, files)?;
        } else if kind.is_file() && is_table_file(&name) {
            files.push(relative);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(files: &[(&str, &str)]) -> tempfile::NamedTempFile {
        let mut temp = tempfile::NamedTempFile::new().unwrap();
        let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, text) in files {
            writer.start_file(*name, options).unwrap();
            writer.write_all(text.as_bytes()).unwrap();
        }
        let bytes = writer.finish().unwrap().into_inner();
        temp.write_all(&bytes).unwrap();
        temp
    }

    #[test]
    fn a_zip_with_the_tables_in_a_subfolder() {
        let temp = zip_of(&[
            ("export/data/Services.csv", "id,name\n1,A\n"),
            ("export/datapackage.json", "{}"),
            ("__MACOSX/export/._services.csv", "junk"),
            ("export/readme.txt", "hello"),
        ]);
        let source = Source::open(temp.path()).unwrap();
        let services = source.find("services.csv").unwrap();
        assert_eq!(services, "export/data/Services.csv");
        assert_eq!(&*source.read(services).unwrap(), b"id,name\n1,A\n");
        assert_eq!(source.find("readme.txt"), None);
        assert_eq!(
            source.get("export/datapackage.json"),
            Some("export/datapackage.json")
        );
    }

    #[test]
    fn not_a_zip_is_named() {
        let mut temp = tempfile::NamedTempFile::new().unwrap();
        temp.write_all(b"PK\x03\x04 but truncated").unwrap();
        let err = Source::open(temp.path()).unwrap_err();
        assert!(
            err.to_string().ends_with("not a readable zip archive"),
            "{err}"
        );
    }
}
