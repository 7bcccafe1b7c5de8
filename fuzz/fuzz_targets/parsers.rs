//! The free-text parsers of the importer and the engine: schedules (days,
//! times, RRULE-style rows), ages from eligibility text, languages from
//! free text. The first byte picks the parser, the rest is its text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use servicematch_hsds::fuzzing;

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    match which % 6 {
        // A schedule row: its fields separated by '|' (freq|interval|byday|
        // weekday|opens_at|closes_at|valid_from|valid_to|closed|timezone),
        // rows separated by newlines.
        0 => fuzzing::schedule(&text),
        1 => fuzzing::ages(&text),
        2 => fuzzing::languages(&text),
        3 => {
            let _ = servicematch::lang::alias(&servicematch::lang::fold(&text));
        }
        4 => fuzzing::times(&text),
        _ => {
            let _ = servicematch::HoursException::from_dates(&text, &text, Vec::new());
            if let Some((from, until)) = text.split_once('|') {
                let _ = servicematch::HoursException::from_dates(from, until, Vec::new());
            }
        }
    }
});
