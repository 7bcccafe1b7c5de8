//! Arbitrary query JSON against the demo index: every input is a query or an
//! `InvalidQuery` error, and every query searches without a panic or a hang.
//! A query that decodes writes JSON that decodes again.

#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use servicematch::{Index, Query};

/// 2026-03-02 10:30 UTC (a Monday): open-now searches at a fixed moment.
const NOW: i64 = 1_772_447_400;

static INDEX: OnceLock<Index> = OnceLock::new();

fuzz_target!(
    init: {
        INDEX.get_or_init(servicematch_fuzz::demo_index);
    },
    |data: &[u8]| {
        let Ok(json) = std::str::from_utf8(data) else {
            return;
        };
        let Ok(query) = Query::from_json(json) else {
            return;
        };
        let written = query.to_json();
        if let Err(e) = Query::from_json(&written) {
            panic!("the query's own JSON does not decode: {e}: {written}");
        }
        let index = INDEX.get().expect("initialised");
        if let Ok(results) = index.search_at(&query, NOW) {
            let _ = results.to_json();
        }
    }
);
