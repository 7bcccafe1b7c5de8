//! servicematch itself, through its public Rust API: one `.smx` file,
//! memory-mapped.

use std::path::{Path, PathBuf};

use servicematch::{Index, IndexBuilder, Service};

use super::{Engine, Found};
use crate::mix::BenchQuery;
use crate::Result;

/// servicematch over a memory-mapped index file.
pub struct Ours {
    index: Index,
}

impl Ours {
    /// The opened index.
    pub fn index(&self) -> &Index {
        &self.index
    }
}

/// The index file in a build folder.
pub fn index_path(dir: &Path) -> PathBuf {
    dir.join("index.smx")
}

impl Engine for Ours {
    fn build(services: Vec<Service>, dir: &Path) -> Result<()> {
        let mut builder = IndexBuilder::new("benchmark");
        builder.add_services(services);
        builder.write(&index_path(dir))?;
        Ok(())
    }

    fn open(dir: &Path) -> Result<Ours> {
        Ok(Ours {
            index: Index::open(index_path(dir))?,
        })
    }

    fn search(&self, query: &BenchQuery) -> Result<Vec<Found>> {
        let results = self.index.search(&query.query)?;
        Ok(results
            .hits
            .into_iter()
            .map(|hit| Found {
                id: hit.id,
                name: hit.name,
            })
            .collect())
    }
}
