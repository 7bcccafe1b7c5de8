//! Inputs the fuzz targets (`fuzz/`, `scripts/fuzz.sh`) found, each named
//! after the bug it pins: every one is now an error or a reported row.
//!
//! The test binary's global allocator is here: it remembers each thread's
//! largest single request, so a test can show that a damaged file's claims
//! are not believed (per thread, so the tests running beside it do not
//! count).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::io::Write;

use servicematch_hsds::{read_path, v3_json};

/// Remembers the largest block this thread asked for, by `alloc` or
/// `realloc`.
struct LargestRequest;

thread_local! {
    // A const-initialised `Cell` without a destructor: reading it never
    // allocates, so the allocator may use it.
    static LARGEST: Cell<usize> = const { Cell::new(0) };
}

fn asked(size: usize) {
    LARGEST.with(|largest| largest.set(largest.get().max(size)));
}

// SAFETY: every method forwards to `System` with the caller's own arguments,
// so `System`'s guarantees are ours; the counter is a thread-local `Cell`
// that never allocates.
unsafe impl GlobalAlloc for LargestRequest {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        asked(layout.size());
        // SAFETY: the caller upholds `alloc`'s contract (non-zero size).
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller passes a block `System` returned, with its layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        asked(new_size);
        // SAFETY: the caller passes a block `System` returned, its layout and
        // a valid new size.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: LargestRequest = LargestRequest;

/// The problems reported for a one-service HSDS 3 JSON file.
fn problems(json: &str) -> Vec<String> {
    let import = v3_json::read("fuzz.json", json.as_bytes()).unwrap();
    import
        .report
        .problems
        .iter()
        .map(ToString::to_string)
        .collect()
}

#[test]
fn a_time_of_four_bytes_that_are_not_digits_is_reported_not_a_panic() {
    // "1€" is four bytes: read as "830am"-style digits, it was split inside the "€".
    for opens in ["1€", "0\u{fffd}", "€€", "9é0"] {
        let json = format!(
            r#"{{"id": "s1", "name": "Meals", "schedules": [{{"freq": "WEEKLY", "byday": "MO", "opens_at": "{opens}", "closes_at": "17:00"}}]}}"#
        );
        let problems = problems(&json);
        assert!(
            problems
                .iter()
                .any(|p| p.contains(&format!("opens_at \"{opens}\" is not a time of day"))),
            "{opens}: {problems:?}"
        );
    }
}

#[test]
fn a_zip_entry_that_claims_gigabytes_reserves_no_gigabytes() {
    // The fuzzer changed one byte of a central directory entry's
    // uncompressed size, so that a 83-byte table claimed 3.7 GB; the reader
    // reserved 2 GiB for it before reading a byte.
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in [
        ("export/organizations.csv", "id,name\no1,Eastside\n"),
        (
            "export/services.csv",
            "id,organization_id,name\ns1,o1,Meals\n",
        ),
    ] {
        writer.start_file(name, options).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
    }
    let mut bytes = writer.finish().unwrap().into_inner();
    let mut claimed = 0;
    for at in 0..bytes.len().saturating_sub(4) {
        // A central directory header; its uncompressed size is at +24.
        if bytes[at..at + 4] == *b"PK\x01\x02" {
            bytes[at + 24..at + 28].copy_from_slice(&0xE100_0053_u32.to_le_bytes());
            claimed += 1;
        }
    }
    assert_eq!(claimed, 2, "both entries' sizes patched");
    let mut file = tempfile::Builder::new().suffix(".zip").tempfile().unwrap();
    file.write_all(&bytes).unwrap();

    LARGEST.with(|largest| largest.set(0));
    // An error (the sizes do not match what unpacks) or an import: either,
    // but after reading what is there, not reserving what is claimed.
    let outcome = read_path(file.path());
    let largest = LARGEST.with(Cell::get);
    assert!(
        largest < 256 << 20,
        "largest allocation {largest} B for a {} B archive ({:?})",
        bytes.len(),
        outcome.map(|import| import.services.len())
    );
}
