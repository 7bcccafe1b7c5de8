//! Opening hours in time: instants, civil dates and times, time zones as
//! the index stores them, and whether (and until when) a service is open.
//!
//! A query's time is an instant ([`Instant`], seconds since the Unix epoch,
//! UTC): the caller's clock (`open_now`) or an RFC 3339 time with its offset
//! (`open_at`, [`parse_rfc3339`]). Services' hours are in their local civil
//! time: each service has a time zone, stored in the index as the zone's UTC
//! offsets and their transitions ([`ZoneRules`], computed at build time from
//! the IANA time zone database that `jiff` bundles), so that searching needs
//! no time zone database — natively, in C and in WebAssembly alike.
//!
//! A service's week ([`Week`]) holds weekly intervals (an interval past
//! midnight is stored as two), monthly ones ("the second Monday", "the
//! last Friday") and exceptions: date ranges with hours of their own (a
//! holiday closure has none).

use crate::model::{HoursException, MonthlyInterval, OpenInterval};

/// Seconds since 1970-01-01T00:00:00Z.
pub type Instant = i64;

/// Minutes in a day.
const DAY_MINUTES: u16 = 1440;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; Howard
/// Hinnant's `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month 1–12, day 1–31) of a day since 1970-01-01.
pub(crate) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// Reads a civil date "YYYY-MM-DD" as days since 1970-01-01.
pub(crate) fn parse_date(text: &str) -> Option<i64> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year: i64 = text.get(0..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    let day: u32 = text.get(8..10)?.parse().ok()?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    // "2026-12-25T00:00:00" and "2026-12-25 …" name the date too.
    if bytes.len() > 10 && !matches!(bytes[10], b'T' | b't' | b' ') {
        return None;
    }
    Some(days_from_civil(year, month, day))
}

/// Reads an RFC 3339 time with its offset ("2026-11-29T03:00:00-05:00",
/// "2026-11-29T08:00:00Z", seconds and fractions optional) as an instant.
pub fn parse_rfc3339(text: &str) -> Option<Instant> {
    let text = text.trim();
    let days = parse_date(text)?;
    let rest = text.get(11..)?;
    if !matches!(text.as_bytes()[10], b'T' | b't' | b' ') {
        return None;
    }
    let (clock, offset) = match rest.find(['Z', 'z', '+', '-']) {
        Some(at) => (&rest[..at], &rest[at..]),
        None => return None,
    };
    let mut parts = clock.split(':');
    let hour: i64 = two_digits(parts.next()?)?;
    let minute: i64 = two_digits(parts.next()?)?;
    let second: i64 = match parts.next() {
        None => 0,
        Some(s) => {
            let whole = s.split_once('.').map_or(s, |(whole, fraction)| {
                if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
                    ""
                } else {
                    whole
                }
            });
            two_digits(whole)?
        }
    };
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let offset_seconds = match offset {
        "Z" | "z" => 0,
        _ => {
            let sign = if offset.starts_with('-') { -1 } else { 1 };
            let (h, m) = offset[1..].split_once(':')?;
            let (h, m) = (two_digits(h)?, two_digits(m)?);
            if h > 23 || m > 59 {
                return None;
            }
            sign * (h * 3600 + m * 60)
        }
    };
    Some(days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset_seconds)
}

fn two_digits(text: &str) -> Option<i64> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// A time zone as the index stores it: its UTC offset before the first
/// transition, and each transition (the instant it takes effect, the
/// offset from then on), in order.
///
/// # Units
/// Seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ZoneRules {
    /// The IANA name ("America/Toronto").
    pub(crate) name: String,
    /// The offset before the first transition.
    pub(crate) initial: i32,
    /// (instant, offset from then on), ascending.
    pub(crate) transitions: Vec<(i64, i32)>,
}

impl ZoneRules {
    /// The UTC offset in force at `at`.
    ///
    /// # Units
    /// Seconds.
    pub(crate) fn offset_at(&self, at: Instant) -> i32 {
        match self.transitions.partition_point(|&(t, _)| t <= at) {
            0 => self.initial,
            n => self.transitions[n - 1].1,
        }
    }

    /// The local time of `at` in this zone.
    pub(crate) fn local(&self, at: Instant) -> Local {
        Local::of(at + i64::from(self.offset_at(at)))
    }
}

impl ZoneRules {
    /// The rules of an IANA zone ("America/Winnipeg") from 1970 to 2100,
    /// from the time zone database bundled with `jiff`; `None` for a name
    /// it does not know.
    #[cfg(feature = "tzdb")]
    pub(crate) fn from_database(name: &str) -> Option<ZoneRules> {
        use jiff::tz::TimeZone;
        use jiff::Timestamp;
        let zone = TimeZone::get(name).ok()?;
        let start = Timestamp::UNIX_EPOCH;
        let end = Timestamp::from_second(4_102_444_800).ok()?; // 2100-01-01
        let initial = zone.to_offset(start).seconds();
        let transitions = zone
            .following(start)
            .take_while(|t| t.timestamp() < end)
            .map(|t| (t.timestamp().as_second(), t.offset().seconds()))
            .collect();
        Some(ZoneRules {
            name: zone.iana_name().unwrap_or(name).to_owned(),
            initial,
            transitions,
        })
    }
}

/// A local civil date and time, with what schedules ask of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Local {
    /// Days since 1970-01-01.
    pub(crate) day: i64,
    /// Minutes after midnight.
    pub(crate) minute: u16,
}

/// What schedules ask of a civil date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Day {
    /// Days since 1970-01-01.
    pub(crate) day: i64,
    /// 0 = Monday … 6 = Sunday.
    pub(crate) weekday: u8,
    /// Which of its weekday in the month: 1 for days 1–7 … 5 for 29–31.
    pub(crate) nth: i8,
    /// Whether it is the last such weekday of the month.
    pub(crate) last: bool,
}

impl Day {
    pub(crate) fn of(day: i64) -> Day {
        let (year, month, date) = civil_from_days(day);
        Day {
            day,
            // 1970-01-01 was a Thursday (3).
            weekday: (day + 3).rem_euclid(7) as u8,
            nth: ((date - 1) / 7 + 1) as i8,
            last: date + 7 > days_in_month(year, month),
        }
    }
}

impl Local {
    /// The local time of a count of local seconds since 1970-01-01T00:00.
    pub(crate) fn of(local_seconds: i64) -> Local {
        Local {
            day: local_seconds.div_euclid(86_400),
            minute: (local_seconds.rem_euclid(86_400) / 60) as u16,
        }
    }
}

/// The hours of one service, borrowed from the model or the index.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Week<'a> {
    pub(crate) weekly: &'a [OpenInterval],
    pub(crate) monthly: &'a [MonthlyInterval],
    pub(crate) exceptions: &'a [HoursException],
}

/// Opening and closing minutes after midnight.
type Span = (u16, u16);

impl Week<'_> {
    /// Whether the week says anything (else the hours are unknown).
    pub(crate) fn is_known(&self) -> bool {
        !(self.weekly.is_empty() && self.monthly.is_empty() && self.exceptions.is_empty())
    }

    /// The spans open on `day`, in the order they open.
    fn spans(&self, day: Day) -> Vec<Span> {
        let mut spans: Vec<Span> = Vec::new();
        let exception = self
            .exceptions
            .iter()
            .filter(|e| e.from <= day.day && day.day <= e.until)
            // The shortest range that holds the day wins (a closure on
            // Christmas inside special December hours).
            .min_by_key(|e| e.until - e.from);
        match exception {
            Some(exception) => spans.extend(
                exception
                    .hours
                    .iter()
                    .filter(|h| h.weekday == day.weekday)
                    .map(|h| (h.opens, h.closes)),
            ),
            None => {
                spans.extend(
                    self.weekly
                        .iter()
                        .filter(|h| h.weekday == day.weekday)
                        .map(|h| (h.opens, h.closes)),
                );
                spans.extend(
                    self.monthly
                        .iter()
                        .filter(|h| {
                            h.weekday == day.weekday
                                && (h.week == day.nth || (h.week == -1 && day.last))
                        })
                        .map(|h| (h.opens, h.closes)),
                );
            }
        }
        spans.sort_unstable();
        spans
    }

    /// Whether the service is open at `at`: `None` when its hours are unknown.
    pub(crate) fn open_at(&self, at: Local) -> Option<bool> {
        if !self.is_known() {
            return None;
        }
        let day = Day::of(at.day);
        Some(
            self.spans(day)
                .iter()
                .any(|&(opens, closes)| opens <= at.minute && at.minute < closes),
        )
    }

    /// When the state at `at` next changes: `Some(Change::Closes(…))` while
    /// open, `Some(Change::Opens(…))` while closed; `None` when the hours
    /// are unknown, or it stays open (or closed) for the next five weeks.
    pub(crate) fn next_change(&self, at: Local) -> Option<Change> {
        const HORIZON: i64 = 35;
        let open = self.open_at(at)?;
        for ahead in 0..=HORIZON {
            let day = at.day + ahead;
            let spans = self.spans(Day::of(day));
            let from = if ahead == 0 { at.minute } else { 0 };
            if open {
                // Follow the spans that cover the minute, joined end to start.
                let mut minute = from;
                while let Some(closes) = spans
                    .iter()
                    .filter(|&&(opens, closes)| opens <= minute && minute < closes)
                    .map(|&(_, closes)| closes)
                    .max()
                {
                    minute = closes;
                }
                if minute == 0 && ahead > 0 {
                    // Open up to midnight, not after.
                    return Some(Change::Closes {
                        day: day - 1,
                        minute: DAY_MINUTES,
                    });
                }
                if minute < DAY_MINUTES {
                    return Some(Change::Closes { day, minute });
                }
            } else if let Some(opens) = spans
                .iter()
                .map(|&(opens, _)| opens)
                .filter(|&opens| opens > from || (ahead > 0 && opens >= from))
                .min()
            {
                return Some(Change::Opens { day, minute: opens });
            }
        }
        None
    }
}

/// The next change of a service's open state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Change {
    /// It closes on this local day (days since 1970-01-01) at this minute.
    Closes { day: i64, minute: u16 },
    /// It opens on this local day at this minute.
    Opens { day: i64, minute: u16 },
}

impl Change {
    /// "closes 17:00", "opens 9:00 tomorrow", "opens 9:00 Monday".
    pub(crate) fn describe(self, today: i64) -> String {
        let (verb, day, minute) = match self {
            Change::Closes { day, minute } => ("closes", day, minute),
            Change::Opens { day, minute } => ("opens", day, minute),
        };
        let clock = match minute {
            DAY_MINUTES => "midnight".to_owned(),
            _ => format!("{}:{:02}", minute / 60, minute % 60),
        };
        const NAMES: [&str; 7] = [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ];
        match day - today {
            0 => format!("{verb} {clock}"),
            1 => format!("{verb} {clock} tomorrow"),
            2..=6 => format!("{verb} {clock} {}", NAMES[Day::of(day).weekday as usize]),
            _ => {
                let (_, month, date) = civil_from_days(day);
                const MONTHS: [&str; 12] = [
                    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                    "Dec",
                ];
                format!("{verb} {clock} {} {date}", MONTHS[month as usize - 1])
            }
        }
    }
}

/// "open now · closes 17:00", "closed now · opens 9:00 tomorrow", "open
/// 24 hours", "hours unknown": the open state of a week at `at`, for people.
pub(crate) fn describe(week: &Week<'_>, at: Local) -> String {
    match week.open_at(at) {
        None => "hours unknown".into(),
        Some(open) => {
            let state = if open { "open now" } else { "closed now" };
            match week.next_change(at) {
                Some(change) => format!("{state} · {}", change.describe(at.day)),
                None if open => "open 24 hours".into(),
                None => state.into(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn weekly(weekday: u8, opens: u16, closes: u16) -> OpenInterval {
        OpenInterval {
            weekday,
            opens,
            closes,
        }
    }

    /// Toronto's offsets around 2026 (from the IANA database): EST until
    /// 2026-03-08 07:00 UTC, EDT until 2026-11-01 06:00 UTC.
    fn toronto() -> ZoneRules {
        ZoneRules {
            name: "America/Toronto".into(),
            initial: -5 * 3600,
            transitions: vec![
                (parse_rfc3339("2025-03-09T07:00:00Z").unwrap(), -4 * 3600),
                (parse_rfc3339("2025-11-02T06:00:00Z").unwrap(), -5 * 3600),
                (parse_rfc3339("2026-03-08T07:00:00Z").unwrap(), -4 * 3600),
                (parse_rfc3339("2026-11-01T06:00:00Z").unwrap(), -5 * 3600),
            ],
        }
    }

    /// Winnipeg's (Kenora's): CDT until 2025-11-02 07:00 UTC, CST until
    /// 2026-03-08 08:00 UTC, then CDT; from 2026-11-01 07:00 UTC Manitoba
    /// keeps UTC-5 all year (tzdata 2026f, which jiff bundles).
    fn winnipeg() -> ZoneRules {
        ZoneRules {
            name: "America/Winnipeg".into(),
            initial: -5 * 3600,
            transitions: vec![
                (parse_rfc3339("2025-11-02T07:00:00Z").unwrap(), -6 * 3600),
                (parse_rfc3339("2026-03-08T08:00:00Z").unwrap(), -5 * 3600),
                (parse_rfc3339("2026-11-01T07:00:00Z").unwrap(), -5 * 3600),
            ],
        }
    }

    fn at(zone: &ZoneRules, text: &str) -> Local {
        zone.local(parse_rfc3339(text).unwrap())
    }

    #[cfg(feature = "tzdb")]
    #[test]
    fn zone_rules_from_the_database_match_the_known_offsets() {
        for (zone, hand) in [
            ("America/Toronto", toronto()),
            ("America/Winnipeg", winnipeg()),
        ] {
            let rules = ZoneRules::from_database(zone).unwrap();
            for probe in [
                "2025-11-02T05:30:00Z",
                "2025-11-02T06:30:00Z",
                "2025-11-02T07:30:00Z",
                "2026-01-15T12:00:00Z",
                "2026-03-08T06:59:00Z",
                "2026-03-08T07:00:00Z",
                "2026-03-08T08:00:00Z",
                "2026-07-01T12:00:00Z",
                "2026-11-01T05:59:00Z",
                "2026-11-01T06:00:00Z",
                "2026-11-01T07:00:00Z",
                "2026-12-31T12:00:00Z",
            ] {
                let at = parse_rfc3339(probe).unwrap();
                assert_eq!(rules.offset_at(at), hand.offset_at(at), "{zone} {probe}");
            }
        }
        assert!(ZoneRules::from_database("America/Nowhere").is_none());
        let kolkata = ZoneRules::from_database("Asia/Kolkata").unwrap();
        assert_eq!(
            kolkata.offset_at(parse_rfc3339("2026-06-01T00:00:00Z").unwrap()),
            19_800
        );
    }

    #[test]
    fn civil_dates_round_trip() {
        for days in [-800_000, -1, 0, 1, 59, 60, 19_000, 20_500, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(
            parse_date("2026-11-25"),
            Some(days_from_civil(2026, 11, 25))
        );
        // 2026-11-25 is a Wednesday.
        assert_eq!(Day::of(days_from_civil(2026, 11, 25)).weekday, 2);
        assert_eq!(parse_date("2026-02-29"), None);
        assert_eq!(parse_date("2028-02-29"), Some(days_from_civil(2028, 2, 29)));
    }

    #[test]
    fn rfc3339_with_offsets() {
        let utc = parse_rfc3339("2026-11-29T08:00:00Z").unwrap();
        assert_eq!(parse_rfc3339("2026-11-29T03:00:00-05:00"), Some(utc));
        assert_eq!(parse_rfc3339("2026-11-29T03:00-05:00"), Some(utc));
        assert_eq!(parse_rfc3339("2026-11-29T13:30:00.250+05:30"), Some(utc));
        for bad in [
            "2026-11-29",
            "2026-11-29T03:00:00",
            "tomorrow",
            "2026-13-01T00:00:00Z",
            "2026-11-29T25:00:00Z",
            "2026-11-29T03:00:00+5",
            "",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn dst_spring_forward_in_both_ontario_zones() {
        // Open 9:00–17:00 on Sundays. 2026-03-08 is a Sunday, the day
        // clocks go forward: 9:30 local is 13:30 UTC in Toronto (EDT).
        let hours = [weekly(6, 540, 1020)];
        let week = Week {
            weekly: &hours,
            ..Week::default()
        };
        let toronto = toronto();
        assert_eq!(
            week.open_at(at(&toronto, "2026-03-08T13:30:00Z")),
            Some(true)
        );
        // With the winter offset it would be 8:30: closed. 12:30 UTC is 8:30 EDT.
        assert_eq!(
            week.open_at(at(&toronto, "2026-03-08T12:30:00Z")),
            Some(false)
        );
        // Winnipeg, an hour behind: 9:30 CDT is 14:30 UTC.
        let winnipeg = winnipeg();
        assert_eq!(
            week.open_at(at(&winnipeg, "2026-03-08T14:30:00Z")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&winnipeg, "2026-03-08T13:30:00Z")),
            Some(false)
        );
        // The night before, EST: 9:30 local was 14:30 UTC.
        assert_eq!(
            at(&toronto, "2026-03-01T14:30:00Z"),
            Local::of(days_from_civil(2026, 3, 1) * 86_400 + 570 * 60)
        );
    }

    #[test]
    fn dst_fall_back_in_both_ontario_zones() {
        // 2026-11-01 (Sunday) clocks go back: 1:30 happens twice.
        let hours = [weekly(6, 0, 120)];
        let week = Week {
            weekly: &hours,
            ..Week::default()
        };
        let toronto = toronto();
        // 05:30 UTC is 1:30 EDT; 06:30 UTC is 1:30 EST: open both times.
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-01T05:30:00Z")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-01T06:30:00Z")),
            Some(true)
        );
        // 07:30 UTC is 2:30 EST: closed.
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-01T07:30:00Z")),
            Some(false)
        );
        // Winnipeg fell back on 2025-11-02 (a Sunday): 1:30 CDT is 06:30
        // UTC, 1:30 CST 07:30 UTC; 08:30 UTC is 2:30 CST.
        let winnipeg = winnipeg();
        assert_eq!(
            week.open_at(at(&winnipeg, "2025-11-02T06:30:00Z")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&winnipeg, "2025-11-02T07:30:00Z")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&winnipeg, "2025-11-02T08:30:00Z")),
            Some(false)
        );
        assert_eq!(
            winnipeg
                .local(parse_rfc3339("2025-11-02T08:30:00Z").unwrap())
                .minute,
            150
        );
        // On 2026-11-01 it keeps UTC-5: 07:30 UTC is 2:30 there, closed.
        assert_eq!(
            week.open_at(at(&winnipeg, "2026-11-01T06:30:00Z")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&winnipeg, "2026-11-01T07:30:00Z")),
            Some(false)
        );
    }

    #[test]
    fn overnight_hours_across_midnight_and_the_week_end() {
        // Saturday 22:00 to Sunday 06:00, stored as two intervals.
        let hours = [weekly(5, 1320, 1440), weekly(6, 0, 360)];
        let week = Week {
            weekly: &hours,
            ..Week::default()
        };
        let toronto = toronto();
        // 2026-11-28 is a Saturday.
        let saturday_late = at(&toronto, "2026-11-28T23:30:00-05:00");
        assert_eq!(week.open_at(saturday_late), Some(true));
        assert_eq!(
            describe(&week, saturday_late),
            "open now · closes 6:00 tomorrow"
        );
        let sunday_early = at(&toronto, "2026-11-29T03:00:00-05:00");
        assert_eq!(week.open_at(sunday_early), Some(true));
        assert_eq!(describe(&week, sunday_early), "open now · closes 6:00");
        let sunday_noon = at(&toronto, "2026-11-29T12:00:00-05:00");
        assert_eq!(
            describe(&week, sunday_noon),
            "closed now · opens 22:00 Saturday"
        );
    }

    #[test]
    fn always_open_and_unknown() {
        let hours: Vec<OpenInterval> = (0..7).map(|d| weekly(d, 0, 1440)).collect();
        let week = Week {
            weekly: &hours,
            ..Week::default()
        };
        let now = at(&toronto(), "2026-11-29T03:00:00-05:00");
        assert_eq!(describe(&week, now), "open 24 hours");
        assert_eq!(describe(&Week::default(), now), "hours unknown");
        assert_eq!(Week::default().open_at(now), None);
    }

    #[test]
    fn monthly_ordinals() {
        // Second Monday and last Friday, 10:00–12:00.
        let monthly = [
            MonthlyInterval {
                week: 2,
                weekday: 0,
                opens: 600,
                closes: 720,
            },
            MonthlyInterval {
                week: -1,
                weekday: 4,
                opens: 600,
                closes: 720,
            },
        ];
        let week = Week {
            monthly: &monthly,
            ..Week::default()
        };
        let toronto = toronto();
        // November 2026: Mondays 2, 9, 16…; Fridays …, 20, 27.
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-09T11:00:00-05:00")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-02T11:00:00-05:00")),
            Some(false)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-16T11:00:00-05:00")),
            Some(false)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-27T11:00:00-05:00")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-11-20T11:00:00-05:00")),
            Some(false)
        );
        assert_eq!(
            describe(&week, at(&toronto, "2026-11-10T09:00:00-05:00")),
            "closed now · opens 10:00 Nov 27"
        );
    }

    #[test]
    fn holidays_and_special_hours() {
        let hours: Vec<OpenInterval> = (0..5).map(|d| weekly(d, 540, 1020)).collect();
        let christmas = days_from_civil(2026, 12, 25);
        let exceptions = [
            // Closed on Christmas (a Friday).
            HoursException {
                from: christmas,
                until: christmas,
                hours: Vec::new(),
            },
            // Short hours in the holiday weeks.
            HoursException {
                from: days_from_civil(2026, 12, 21),
                until: days_from_civil(2027, 1, 1),
                hours: (0..5).map(|d| weekly(d, 600, 840)).collect(),
            },
        ];
        let week = Week {
            weekly: &hours,
            exceptions: &exceptions,
            ..Week::default()
        };
        let toronto = toronto();
        assert_eq!(
            week.open_at(at(&toronto, "2026-12-25T11:00:00-05:00")),
            Some(false)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-12-24T11:00:00-05:00")),
            Some(true)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-12-24T15:00:00-05:00")),
            Some(false)
        );
        assert_eq!(
            week.open_at(at(&toronto, "2026-12-18T15:00:00-05:00")),
            Some(true)
        );
        assert_eq!(
            describe(&week, at(&toronto, "2026-12-24T15:00:00-05:00")),
            "closed now · opens 10:00 Monday"
        );
    }

    #[test]
    fn describes_the_next_change() {
        let hours = [weekly(0, 540, 1020), weekly(1, 540, 1020)];
        let week = Week {
            weekly: &hours,
            ..Week::default()
        };
        let toronto = toronto();
        // 2026-11-23 is a Monday.
        assert_eq!(
            describe(&week, at(&toronto, "2026-11-23T10:00:00-05:00")),
            "open now · closes 17:00"
        );
        assert_eq!(
            describe(&week, at(&toronto, "2026-11-23T18:00:00-05:00")),
            "closed now · opens 9:00 tomorrow"
        );
        assert_eq!(
            describe(&week, at(&toronto, "2026-11-23T07:00:00-05:00")),
            "closed now · opens 9:00"
        );
    }
}
