//! The block compression shared by the records and hits sections: LZ4
//! blocks (`lz4_flex::block`) against a dictionary sampled from the section's
//! own contents, so that the phrases every record repeats cost a two-byte
//! back-reference even in the first record of a block.
//!
//! Decompressing never trusts a stored length beyond what LZ4 can produce
//! from the bytes at hand ([`MAX_EXPANSION`]) nor beyond what the builder
//! writes ([`MAX_BLOCK_LEN`]), so damaged or hostile bytes cannot make a
//! reader allocate gigabytes: a 4 MB block of LZ4 can truly expand to 1 GB.

use crate::error::Error;

/// The LZ4 window: a dictionary longer than this could not be referenced.
pub(crate) const DICTIONARY_LEN: usize = 64 * 1024;

/// LZ4 expands at most about 255-fold (a match length is extended by one
/// byte per 255), so a block that claims more is corrupt; checking this
/// bounds what a damaged length can make us allocate.
pub(crate) const MAX_EXPANSION: usize = 255;

/// The largest record (a [`Service`](crate::Service) encoded with postcard)
/// and the largest hit summary an index holds: 16 MiB. The builder rejects,
/// and reports, a service whose record or summary is larger.
pub const MAX_RECORD_LEN: usize = 16 << 20;

/// The largest block a reader decompresses: a block of records
/// ([`records::BLOCK_RECORDS`](super::records::BLOCK_RECORDS) records of at
/// most [`MAX_RECORD_LEN`], with their 4-byte end offsets). A block that
/// claims more is corrupt, and is refused before anything is allocated.
pub(crate) const MAX_BLOCK_LEN: usize = super::records::BLOCK_RECORDS * (MAX_RECORD_LEN + 4);

/// A dictionary for a section's blocks: a sample of whole records (or
/// summaries), evenly spread over the directory, up to the LZ4 window, and at
/// most a sixteenth of their size so that a small directory does not pay for
/// a dictionary larger than what it saves.
pub(crate) fn dictionary(encoded: &[Vec<u8>]) -> Vec<u8> {
    let total: usize = encoded.iter().map(Vec::len).sum();
    let target = DICTIONARY_LEN.min(total / 16);
    let mut dictionary = Vec::with_capacity(target);
    if target == 0 {
        return dictionary;
    }
    // Every `step`-th record, so that the sample just fills the target.
    let step = (total / target).max(1);
    for record in encoded.iter().step_by(step) {
        let room = target - dictionary.len();
        dictionary.extend_from_slice(&record[..record.len().min(room)]);
        if dictionary.len() == target {
            break;
        }
    }
    dictionary
}

/// Compresses `raw` against `dictionary` and appends the LZ4 block to `out`.
pub(crate) fn append(raw: &[u8], dictionary: &[u8], out: &mut Vec<u8>) {
    let start = out.len();
    out.resize(
        start + lz4_flex::block::get_maximum_output_size(raw.len()),
        0,
    );
    let len = lz4_flex::block::compress_into_with_dict(raw, &mut out[start..], dictionary)
        .expect("the output has the maximum compressed size");
    out.truncate(start + len);
}

/// Why a block could not be decompressed, for the section to name in its
/// own error ([`Decompress::context`]).
#[derive(Debug)]
pub(crate) struct Decompress {
    what: String,
    source: Option<lz4_flex::block::DecompressError>,
}

impl Decompress {
    /// The section's error: `corrupt` names the section and record, this
    /// says what is wrong with the block.
    pub(crate) fn context(self, corrupt: impl Fn(String) -> Error) -> Error {
        let error = corrupt(self.what);
        match self.source {
            Some(source) => error.with_source(source),
            None => error,
        }
    }
}

/// Decompresses the LZ4 block `compressed`, which must hold exactly `len`
/// bytes, into `out` (cleared first, reused from one call to the next).
///
/// # Errors
/// When `len` is more than the block could hold or more than
/// [`MAX_BLOCK_LEN`], the block is damaged, or it holds another length.
pub(crate) fn decompress(
    compressed: &[u8],
    len: usize,
    dictionary: &[u8],
    out: &mut Vec<u8>,
) -> Result<(), Decompress> {
    if len > MAX_BLOCK_LEN {
        return Err(Decompress {
            what: format!("has an impossible length ({len} bytes, more than the {MAX_BLOCK_LEN} a block may hold)"),
            source: None,
        });
    }
    if len > compressed.len().saturating_mul(MAX_EXPANSION) {
        return Err(Decompress {
            what: format!(
                "has an impossible length ({len} bytes from {})",
                compressed.len()
            ),
            source: None,
        });
    }
    out.clear();
    out.resize(len, 0);
    let written =
        lz4_flex::block::decompress_into_with_dict(compressed, out, dictionary).map_err(|e| {
            Decompress {
                what: "cannot be decompressed".into(),
                source: Some(e),
            }
        })?;
    if written != len {
        return Err(Decompress {
            what: format!("decompresses to {written} bytes, not {len}"),
            source: None,
        });
    }
    Ok(())
}
