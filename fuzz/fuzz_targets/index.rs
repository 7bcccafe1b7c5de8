//! An arbitrary byte buffer opened as an index, then searched, verified and
//! read: every outcome is a value or an error, never a panic, a hang or an
//! allocation the file's size does not justify.
//!
//! Seeds: indexes built by `scripts/fuzz.sh`, so that mutations start past
//! the header. Fuzzing builds skip the checksum comparisons (`cfg(fuzzing)`
//! in the format's container) so that mutated sections are read, not
//! rejected at the checksum; all but the text section's: tantivy trusts its
//! files, and servicematch trusts them only once their checksum holds.

#![no_main]

use libfuzzer_sys::fuzz_target;
use servicematch::{Index, Query};

/// 2026-03-02 10:30 UTC (a Monday): open-now searches at a fixed moment.
const NOW: i64 = 1_772_447_400;

fuzz_target!(|data: &[u8]| {
    let Ok(index) = Index::from_bytes(data) else {
        return;
    };
    let _ = index.info();
    let queries = [
        Query::new().text("food bank"),
        Query::new()
            .text("aide alimentaire")
            .near_place("K1N 5T5")
            .client_age(72)
            .language("fr")
            .open_now(true)
            .explain(true),
        Query::new()
            .near_point(45.42, -75.69)
            .radius_km(25.0)
            .wheelchair(true)
            .free_only(true)
            .serves_here(true)
            .limit(50),
        Query::new().category("food").hours_known(true).offset(3),
    ];
    for query in &queries {
        if let Ok(results) = index.search_at(query, NOW) {
            let _ = results.to_json();
            for hit in results.hits.iter().take(3) {
                let _ = index.service_by_id(&hit.id);
            }
        }
    }
    for ordinal in 0..index.len().min(3) {
        let _ = index.service(ordinal);
    }
    let _ = index.service(index.len());
    let _ = index.locate("K1N");
    let _ = index.locate("Ottawa");
    let _ = index.verify();
});
