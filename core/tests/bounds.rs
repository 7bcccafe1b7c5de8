//! Allocation bombs: index files whose lengths claim gigabytes, whose
//! records decompress to hundreds of megabytes, whose text section is
//! damaged. Each is an error after bounded work, and this binary proves the
//! memory bound: its global allocator counts the bytes the process holds,
//! and each test asserts the peak while opening, searching and verifying
//! stays far below what the file claims (never a duration).
//!
//! A binary of its own (not a module of `tests.rs`): the counting allocator
//! is global to the process, and the tests here run one at a time so that
//! no other test's allocations land in a measurement.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};

use servicematch::{ErrorKind, Index, IndexBuilder, Query, Service, MAX_RECORD_LEN};

/// Counts the bytes allocated and not yet freed, and their peak.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Ordering::Relaxed) + by;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every method forwards to `System` with the caller's own arguments,
// so `System`'s guarantees are ours; the counters are plain atomics that
// never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller upholds `alloc`'s contract (non-zero size).
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as `alloc`.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            grew(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller passes a block this allocator (so `System`)
        // returned, with its layout.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller passes a block `System` returned, its layout and
        // a non-zero size that does not overflow when aligned.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
            }
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// One test at a time: the counters are the whole process's.
fn serial() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|e| e.into_inner())
}

/// Runs `f` and returns its result with the most bytes it held at once
/// beyond what was live when it started.
fn peak<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let start = LIVE.load(Ordering::Relaxed);
    PEAK.store(start, Ordering::Relaxed);
    let result = f();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(start);
    (result, peak)
}

/// The bound every test holds a damaged file to: what opening, searching
/// and verifying a small index may hold at once. Each file below claims
/// at least 64 times more.
const BOUND: usize = 4 << 20;

/// Asserts that `peak` bytes are within [`BOUND`], printing them (`cargo
/// test --test bounds -- --nocapture` shows each case's peak).
fn assert_bounded(what: &str, peak: usize) {
    eprintln!("{what}: peak {peak} bytes");
    assert!(peak < BOUND, "{what}: {peak} bytes, more than {BOUND}");
}

/// An index of three services.
fn small_index() -> Vec<u8> {
    let mut builder = IndexBuilder::new("bounds");
    builder.without_default_gazetteer();
    for (id, name) in [
        ("a", "Community Food Bank"),
        ("b", "Food Pantry"),
        ("c", "Shelter"),
    ] {
        builder.add_service(Service {
            id: id.into(),
            name: name.into(),
            description: Some(format!("{name}: emergency food hampers and meals")),
            ..Default::default()
        });
    }
    builder.build_bytes().unwrap().0
}

// The container: header and section table, as `core/src/format/mod.rs` lays
// them out (32-byte header, 40-byte entries: name[16], offset, length, CRC).
const HEADER_LEN: usize = 32;
const ENTRY_LEN: usize = 40;

fn u32_at(file: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(file[at..at + 4].try_into().unwrap())
}

fn u64_at(file: &[u8], at: usize) -> u64 {
    u64::from_le_bytes(file[at..at + 8].try_into().unwrap())
}

/// The sections of a file: (name, bytes), in table order.
fn sections(file: &[u8]) -> Vec<(String, Vec<u8>)> {
    (0..u32_at(file, 12) as usize)
        .map(|i| {
            let entry = &file[HEADER_LEN + i * ENTRY_LEN..][..ENTRY_LEN];
            let name = String::from_utf8(
                entry[..16]
                    .iter()
                    .copied()
                    .take_while(|&b| b != 0)
                    .collect(),
            )
            .unwrap();
            let (offset, len) = (u64_at(entry, 16) as usize, u64_at(entry, 24) as usize);
            (name, file[offset..offset + len].to_vec())
        })
        .collect()
}

/// A file image of `sections`, every checksum right: what the builder writes.
fn file_of(sections: &[(String, Vec<u8>)]) -> Vec<u8> {
    let align8 = |n: usize| n.div_ceil(8) * 8;
    let mut table = Vec::new();
    let mut offset = align8(HEADER_LEN + ENTRY_LEN * sections.len());
    for (name, bytes) in sections {
        let mut padded = [0u8; 16];
        padded[..name.len()].copy_from_slice(name.as_bytes());
        table.extend_from_slice(&padded);
        table.extend_from_slice(&(offset as u64).to_le_bytes());
        table.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
        table.extend_from_slice(&crc32fast::hash(bytes).to_le_bytes());
        table.extend_from_slice(&[0; 4]);
        offset = align8(offset + bytes.len());
    }
    let mut file = b"SMXINDEX".to_vec();
    file.extend_from_slice(&servicematch::FORMAT_VERSION.to_le_bytes());
    file.extend_from_slice(&(sections.len() as u32).to_le_bytes());
    file.extend_from_slice(&(offset as u64).to_le_bytes());
    file.extend_from_slice(&crc32fast::hash(&table).to_le_bytes());
    file.extend_from_slice(&[0; 4]);
    file.extend_from_slice(&table);
    for (_, bytes) in sections {
        file.resize(align8(file.len()), 0);
        file.extend_from_slice(bytes);
    }
    file.resize(offset, 0);
    file
}

/// `file` with section `name` replaced by `bytes`, checksums right.
fn with_section(file: &[u8], name: &str, bytes: Vec<u8>) -> Vec<u8> {
    let mut all = sections(file);
    all.iter_mut().find(|(n, _)| n == name).unwrap().1 = bytes;
    file_of(&all)
}

/// `file` with section `name`'s table entry changed by `edit` (at the
/// entry's bytes) and the table's checksum made right again.
fn with_entry(file: &[u8], name: &str, edit: impl FnOnce(&mut [u8])) -> Vec<u8> {
    let mut file = file.to_vec();
    let count = u32_at(&file, 12) as usize;
    let i = sections(&file).iter().position(|(n, _)| n == name).unwrap();
    edit(&mut file[HEADER_LEN + i * ENTRY_LEN..][..ENTRY_LEN]);
    let crc = crc32fast::hash(&file[HEADER_LEN..HEADER_LEN + count * ENTRY_LEN]);
    file[24..28].copy_from_slice(&crc.to_le_bytes());
    file
}

/// An LZ4 block (the format `lz4_flex::block` reads) that decompresses to
/// `len` zero bytes (`len` ≥ 30) from about `len / 255` bytes: one literal
/// zero, one match repeating it, five final literals.
fn lz4_zeros(len: usize) -> Vec<u8> {
    let matched = len - 1 - 5;
    let mut block = vec![0x1F, 0x00, 0x01, 0x00];
    let mut extra = matched - 4 - 15;
    while extra >= 255 {
        block.push(255);
        extra -= 255;
    }
    block.push(extra as u8);
    block.extend_from_slice(&[0x50, 0, 0, 0, 0, 0]);
    block
}

/// Opens, verifies and searches `file` as a user would, returning the first
/// error and the peak of bytes held on the way.
fn open_verify_search(file: Vec<u8>) -> (servicematch::Error, usize) {
    let (result, peak) = peak(move || {
        let index = Index::from_bytes(file)?;
        let verified = index.verify();
        let searched = index
            .search(&Query::new().limit(1000))
            .and_then(|_| index.search(&Query::new().text("food").limit(1000)));
        let fetched = (0..index.len()).try_for_each(|i| index.service(i).map(drop));
        verified.and(searched).and(fetched)
    });
    (result.unwrap_err(), peak)
}

#[test]
fn the_crafted_lz4_block_decompresses_to_its_length() {
    // What the bombs below rely on: the block is valid LZ4 of that length.
    for len in [30, 300, 70_000] {
        let mut out = vec![1u8; len];
        let written = lz4_flex::block::decompress_into(&lz4_zeros(len), &mut out).unwrap();
        assert_eq!(written, len);
        assert!(out.iter().all(|&b| b == 0));
    }
}

#[test]
fn an_intact_small_index_opens_searches_and_verifies_within_the_bound() {
    let _serial = serial();
    let file = small_index();
    let ((), peak) = peak(move || {
        let index = Index::from_bytes(file).unwrap();
        index.verify().unwrap();
        assert_eq!(
            index.search(&Query::new().text("food")).unwrap().hits.len(),
            3
        );
        index.service(0).unwrap();
    });
    assert_bounded("intact index", peak);
}

#[test]
fn a_section_table_entry_that_claims_a_terabyte_is_refused_at_open() {
    let _serial = serial();
    let file = with_entry(&small_index(), "records", |entry| {
        entry[24..32].copy_from_slice(&(1u64 << 40).to_le_bytes());
    });
    let (err, peak) = open_verify_search(file);
    assert_eq!(err.kind(), ErrorKind::CorruptIndex);
    assert!(
        err.to_string()
            .contains("section records (1099511627776 bytes at"),
        "{err}"
    );
    assert_bounded("table entry of 1 TB", peak);
}

#[test]
fn a_header_that_claims_a_terabyte_or_four_billion_sections_is_refused_at_open() {
    let _serial = serial();
    let mut long = small_index();
    long[16..24].copy_from_slice(&(1u64 << 40).to_le_bytes());
    let (err, peak) = open_verify_search(long);
    assert!(
        err.to_string()
            .contains("the header says 1099511627776 bytes"),
        "{err}"
    );
    assert_bounded("header of 1 TB", peak);

    let mut many = small_index();
    many[12..16].copy_from_slice(&u32::MAX.to_le_bytes());
    let (err, peak) = open_verify_search(many);
    assert!(
        err.to_string()
            .contains("section table of 4294967295 entries"),
        "{err}"
    );
    assert_bounded("4 billion sections", peak);
}

#[test]
fn section_counts_that_claim_billions_of_items_are_refused_at_open() {
    let _serial = serial();
    let file = small_index();
    for name in [
        "records",
        "hits",
        "geo",
        "filters",
        "text",
        "hours",
        "areas",
        "residency",
    ] {
        let mut bytes = sections(&file)
            .into_iter()
            .find(|(n, _)| n == name)
            .unwrap()
            .1;
        // Each of these sections starts with a count (u64, hours: u32 zones).
        bytes[..8].copy_from_slice(&(u64::MAX / 3).to_le_bytes());
        let (err, peak) = open_verify_search(with_section(&file, name, bytes));
        assert_eq!(err.kind(), ErrorKind::CorruptIndex, "{name}: {err}");
        assert!(err.to_string().contains(name), "{name}: {err}");
        assert_bounded(name, peak);
    }
}

/// The records section of `small_index`, with every block but the first
/// empty and the first `block` (its u32 length, then LZ4).
fn records_with_first_block(file: &[u8], block: &[u8]) -> Vec<u8> {
    let services = Index::from_bytes(file.to_vec()).unwrap().len();
    let blocks = services.div_ceil(2);
    let mut section = (services as u64).to_le_bytes().to_vec();
    section.extend_from_slice(&2u32.to_le_bytes()); // records per block
    section.extend_from_slice(&0u32.to_le_bytes()); // no dictionary
    section.extend_from_slice(&0u64.to_le_bytes());
    for _ in 0..blocks {
        section.extend_from_slice(&(block.len() as u64).to_le_bytes());
    }
    section.extend_from_slice(block);
    section
}

#[test]
fn a_record_block_that_claims_four_gigabytes_is_refused_before_allocating() {
    let _serial = serial();
    let file = small_index();
    let mut block = u32::MAX.to_le_bytes().to_vec();
    block.extend_from_slice(&lz4_zeros(300));
    let file = with_section(&file, "records", records_with_first_block(&file, &block));
    let (err, peak) = peak(|| Index::from_bytes(file).unwrap().service(0).unwrap_err());
    assert_eq!(err.kind(), ErrorKind::CorruptIndex);
    assert!(
        err.to_string()
            .contains("impossible length (4294967295 bytes"),
        "{err}"
    );
    assert_bounded("record block claiming 4 GiB", peak);
}

#[test]
fn a_record_block_that_truly_decompresses_to_256_megabytes_is_refused() {
    // 1 MB of valid LZ4 that expands to 256 MiB, within LZ4's 255-fold
    // expansion: before the block bound, fetching record 0 allocated and
    // filled all of it.
    let _serial = serial();
    let file = small_index();
    let len = 256 << 20;
    let mut block = (len as u32).to_le_bytes().to_vec();
    block.extend_from_slice(&lz4_zeros(len));
    let file = with_section(&file, "records", records_with_first_block(&file, &block));
    let (err, peak) = peak(|| {
        let index = Index::from_bytes(file).unwrap();
        index.verify().unwrap(); // every checksum is right: the bytes are as built
        index.service(0).unwrap_err()
    });
    assert_bounded("record block of 256 MiB", peak);
    assert_eq!(err.kind(), ErrorKind::CorruptIndex);
    assert_eq!(
        err.to_string(),
        format!(
            "section records: record 0 (block 0) has an impossible length ({len} bytes, \
             more than the {} a block may hold)",
            2 * (MAX_RECORD_LEN + 4)
        )
    );
}

#[test]
fn a_hit_summary_that_truly_decompresses_to_256_megabytes_is_refused() {
    let _serial = serial();
    let file = small_index();
    let index = Index::from_bytes(file.clone()).unwrap();
    let services = index.len();
    let ids: Vec<String> = (0..services)
        .map(|i| index.service(i).unwrap().id)
        .collect();
    drop(index);
    // Every summary: its id, then a varint length of 256 MiB and 1 MB of LZ4.
    let len: usize = 256 << 20;
    let mut varint = Vec::new();
    let mut v = len;
    while v >= 0x80 {
        varint.push(v as u8 | 0x80);
        v >>= 7;
    }
    varint.push(v as u8);
    let bomb = lz4_zeros(len);
    let mut data = Vec::new();
    let mut offsets = Vec::new();
    for id in &ids {
        offsets.push(data.len() as u32);
        data.push(id.len() as u8);
        data.extend_from_slice(id.as_bytes());
        data.extend_from_slice(&varint);
        data.extend_from_slice(&bomb);
    }
    offsets.push(data.len() as u32);
    let mut section = (services as u64).to_le_bytes().to_vec();
    section.extend_from_slice(&[0; 8]); // no dictionary, reserved
    for offset in offsets {
        section.extend_from_slice(&offset.to_le_bytes());
    }
    section.resize(section.len().div_ceil(8) * 8, 0);
    section.extend_from_slice(&data);
    let (err, peak) = open_verify_search(with_section(&file, "hits", section));
    assert_bounded("hit summaries of 256 MiB", peak);
    assert_eq!(err.kind(), ErrorKind::CorruptIndex);
    assert!(
        err.to_string().starts_with("section hits: record ")
            && err
                .to_string()
                .contains(&format!("impossible length ({len} bytes")),
        "{err}"
    );
}

#[test]
fn a_damaged_text_section_is_an_error_from_search_within_the_bound() {
    // Damage past what opening checks (the postings, the term dictionary):
    // the first search checks the section's checksum before tantivy reads it.
    let _serial = serial();
    let file = small_index();
    let all = sections(&file);
    let (at, len) = {
        let i = all.iter().position(|(n, _)| n == "text").unwrap();
        let entry = &file[HEADER_LEN + i * ENTRY_LEN..][..ENTRY_LEN];
        (u64_at(entry, 16) as usize, u64_at(entry, 24) as usize)
    };
    let mut damaged_somewhere = 0;
    for k in 1..16 {
        let mut file = file.clone();
        // Overwrite a run of bytes with 0xFF (varints that never end, lengths
        // that claim the maximum) at spread positions of the section.
        let from = at + len * k / 16;
        for byte in &mut file[from..(from + 64).min(at + len)] {
            *byte = 0xFF;
        }
        let (result, peak) = peak(move || {
            let index = Index::from_bytes(file)?;
            index.search(&Query::new().text("food bank shelter"))
        });
        assert_bounded(&format!("text damaged at {from}"), peak);
        if let Err(err) = result {
            damaged_somewhere += 1;
            assert_eq!(err.kind(), ErrorKind::CorruptIndex, "{err}");
        }
    }
    assert_eq!(damaged_somewhere, 15, "every damage is met");
}
