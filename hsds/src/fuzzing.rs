//! Entry points for the fuzz targets (`fuzz/`) into the free-text parsers,
//! which are private to the importers. Built only with the `fuzzing`
//! feature; not part of the public API.

use crate::schedule::{self, Hours, Rule};

/// Schedule rows, one a line, fields separated by `|` in the order of
/// [`Rule`]'s fields: freq, interval, byday, weekday, opens_at, closes_at,
/// valid_from, valid_to, closed, timezone. Empty fields are absent.
pub fn schedule(text: &str) {
    let mut hours = Hours::default();
    for line in text.lines() {
        let mut fields = line.split('|').map(|f| Some(f).filter(|f| !f.is_empty()));
        let mut next = || fields.next().flatten();
        let rule = Rule {
            freq: next(),
            interval: next(),
            byday: next(),
            weekday: next(),
            opens_at: next(),
            closes_at: next(),
            valid_from: next(),
            valid_to: next(),
            closed: next(),
            timezone: next(),
        };
        if rule.is_empty() || hours.add_rule(&rule).is_err() {
            hours.add_text(line.to_owned());
        }
    }
    let _ = hours.finish();
}

/// Days and times of day, as schedule columns hold them.
pub fn times(text: &str) {
    for rrule in [false, true] {
        let _ = schedule::weekdays(text, rrule);
    }
    for closing in [false, true] {
        let _ = schedule::time(text, closing);
    }
}

/// Ages from eligibility text, from an HSDS 1.x category, and from a
/// minimum or maximum age column.
pub fn ages(text: &str) {
    let _ = crate::ages::union(
        crate::ages::from_text(text),
        crate::ages::from_category(text),
    );
    if let Ok(value) = text.trim().parse::<f64>() {
        if let Ok(years) = crate::ages::years(value) {
            let _ = crate::ages::range(Some(years), Some(years.saturating_add(1)));
        }
    }
}

/// Languages from free text ("Spanish and German.", "Francais").
pub fn languages(text: &str) {
    let _ = crate::lang::from_text(text);
    let _ = crate::lang::is_note(text);
    if let Some(code) = crate::lang::code(text) {
        let _ = crate::lang::name(&code);
    }
}
