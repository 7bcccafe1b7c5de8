//! Opening hours: schedule rows of every HSDS generation → weekly
//! [`OpenInterval`]s, and what cannot be structured kept as text.
//!
//! Two row shapes are read:
//! - HSDS 3 (and 2.0) RRULE-style: `freq` (`WEEKLY`, `DAILY` or empty),
//!   `interval`, `byday` (`MO,TU`), `opens_at`, `closes_at`;
//! - HSDS 1.x `regular_schedules`: `weekday` (`1`–`7` with 1 = Monday as
//!   ISO 8601 and the HSDS 1.1.1 docs say, `0` = Sunday, `Monday`, `Mon`,
//!   `Mon-Fri`), `opens_at`, `closes_at`.
//!
//! Times as exports write them: `09:00`, `9:00:00`, `9:00am`, `5:00 PM`,
//! `9am`, `830am`, `9:00a`, `noon`, `midnight`, `09:00-05:00` (an HSDS 1 UTC
//! offset, dropped: hours are local). `24 hours` opens the whole day;
//! `closed` opens nothing. Hours past midnight spill into the next day.
//!
//! `freq=MONTHLY` with ordinal days (`byday=2MO`, `-1FR`) gives monthly
//! hours. A row with `valid_from` and `valid_to` (HSDS 3 exceptional hours)
//! and a 1.x `holiday_schedules` row (`start_date`, `end_date`, `closed`)
//! replace the regular hours over their dates ([`HoursException`]); a row
//! with only one of the two dates is read as regular hours, and so are
//! dated rows when a service has no undated ones. A `timezone`
//! that names an IANA zone is the service's zone; a UTC offset (HSDS 3's
//! number) is not one (it says nothing of daylight saving time): the zone
//! then comes from the location (see [`crate::timezone`]).

use servicematch::{HoursException, MonthlyInterval, OpenInterval};

const DAY_CODES: [&str; 7] = ["mo", "tu", "we", "th", "fr", "sa", "su"];
const DAY_NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Weekly hours of one service, gathered from its schedule rows.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Hours {
    intervals: Vec<OpenInterval>,
    monthly: Vec<MonthlyInterval>,
    exceptions: Vec<HoursException>,
    time_zone: Option<String>,
    texts: Vec<String>,
}

/// Hours gathered from schedule rows, ready for a [`servicematch::Service`].
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Schedule {
    pub weekly: Vec<OpenInterval>,
    pub monthly: Vec<MonthlyInterval>,
    pub exceptions: Vec<HoursException>,
    pub time_zone: Option<String>,
    pub text: Option<String>,
}

impl Schedule {
    /// Sets the service's hours fields.
    pub(crate) fn apply(self, service: &mut servicematch::Service) {
        service.hours = self.weekly;
        service.monthly_hours = self.monthly;
        service.hours_exceptions = self.exceptions;
        service.hours_text = self.text;
        if self.time_zone.is_some() {
            service.time_zone = self.time_zone;
        }
    }
}

/// One schedule row, as text fields; empty fields are `None`.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Rule<'a> {
    /// RRULE frequency (HSDS 3).
    pub freq: Option<&'a str>,
    /// RRULE interval (HSDS 3): every how many weeks.
    pub interval: Option<&'a str>,
    /// RRULE days (HSDS 3).
    pub byday: Option<&'a str>,
    /// Day of the week (HSDS 1.x).
    pub weekday: Option<&'a str>,
    /// Opening time.
    pub opens_at: Option<&'a str>,
    /// Closing time.
    pub closes_at: Option<&'a str>,
    /// First day the row applies (HSDS 3 `valid_from`, 1.x holiday `start_date`).
    pub valid_from: Option<&'a str>,
    /// Last day the row applies (HSDS 3 `valid_to`, 1.x holiday `end_date`).
    pub valid_to: Option<&'a str>,
    /// Closed over the dates (1.x holiday `closed`: "true", "1", "yes").
    pub closed: Option<&'a str>,
    /// Time zone: an IANA name, or an HSDS 3 UTC offset (not used).
    pub timezone: Option<&'a str>,
}

/// Why a schedule row could not be structured: the field and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unreadable {
    pub field: &'static str,
    pub reason: String,
}

impl Rule<'_> {
    /// Whether the row carries no days and no times (a text-only schedule).
    pub(crate) fn is_empty(&self) -> bool {
        [
            self.freq,
            self.byday,
            self.weekday,
            self.opens_at,
            self.closes_at,
        ]
        .iter()
        .all(Option::is_none)
            && (self.valid_from.is_none() || self.valid_to.is_none())
    }
}

impl Hours {
    /// Adds the intervals of one schedule row.
    ///
    /// # Errors
    /// The field and reason when the row's days or times cannot be read; the
    /// caller keeps the row's text and reports it.
    pub(crate) fn add_rule(&mut self, rule: &Rule) -> Result<(), Unreadable> {
        if let Some(zone) = rule.timezone.map(str::trim) {
            if zone.contains('/') && self.time_zone.is_none() {
                self.time_zone = Some(zone.to_owned());
            }
        }
        let dated = match (rule.valid_from, rule.valid_to) {
            (Some(from), Some(until)) => Some(
                HoursException::from_dates(from, until, Vec::new()).ok_or_else(|| Unreadable {
                    field: "valid_from",
                    reason: format!(
                        "valid dates \"{from}\" to \"{until}\" are not a range of dates"
                    ),
                })?,
            ),
            _ => None,
        };
        let closed = rule.closed.is_some_and(|c| {
            matches!(
                c.trim().to_ascii_lowercase().as_str(),
                "true" | "1" | "yes" | "y" | "t"
            )
        });
        if let Some(mut exception) = dated {
            let has_times = rule.opens_at.is_some() || rule.closes_at.is_some();
            if !closed && has_times {
                let days = if rule.byday.is_none() && rule.weekday.is_none() {
                    (0..7).collect()
                } else {
                    days(rule)?
                };
                let mut hours = Hours::default();
                hours.add_times(&days, times(rule.opens_at, rule.closes_at)?);
                exception.hours = hours.intervals;
            }
            // Rows for the same dates add up (weekday rows of special hours).
            match self
                .exceptions
                .iter_mut()
                .find(|e| e.from == exception.from && e.until == exception.until)
            {
                Some(same) => same.hours.extend(exception.hours),
                None => self.exceptions.push(exception),
            }
            return Ok(());
        }
        if is_monthly(rule) {
            let byday = rule.byday.unwrap_or_default();
            let ordinals = ordinal_days(byday).ok_or_else(|| Unreadable {
                field: "byday",
                reason: format!(
                    "byday \"{byday}\" is not a list of days of the month such as 2MO or -1FR"
                ),
            })?;
            let span = match times(rule.opens_at, rule.closes_at)? {
                Times::Closed => return Ok(()),
                Times::AllDay => (0, 1440),
                // Monthly hours past midnight end at midnight.
                Times::Open(opens, closes) if closes <= opens => (opens, 1440),
                Times::Open(opens, closes) => (opens, closes),
            };
            for (week, weekday) in ordinals {
                self.monthly.push(MonthlyInterval {
                    week,
                    weekday,
                    opens: span.0,
                    closes: span.1,
                });
            }
            return Ok(());
        }
        let days = days(rule)?;
        let times = times(rule.opens_at, rule.closes_at)?;
        self.add_times(&days, times);
        Ok(())
    }

    fn add_times(&mut self, days: &[u8], times: Times) {
        match times {
            Times::Closed => {}
            Times::AllDay => {
                for &day in days {
                    self.add(day, 0, 1440);
                }
            }
            Times::Open(opens, closes) => {
                for &day in days {
                    self.add(day, opens, closes);
                }
            }
        }
    }

    /// Adds an interval; a closing time at or before the opening time runs
    /// past midnight into the next day.
    pub(crate) fn add(&mut self, weekday: u8, opens: u16, closes: u16) {
        let closes = if closes <= opens {
            closes + 1440
        } else {
            closes
        };
        self.intervals.push(OpenInterval {
            weekday,
            opens,
            closes: closes.min(1440),
        });
        if closes > 1440 {
            self.intervals.push(OpenInterval {
                weekday: (weekday + 1) % 7,
                opens: 0,
                closes: closes - 1440,
            });
        }
    }

    /// Keeps hours as text (once, however many rows repeat it).
    pub(crate) fn add_text(&mut self, text: String) {
        if !self.texts.contains(&text) {
            self.texts.push(text);
        }
    }

    /// Whether nothing was added.
    pub(crate) fn is_empty(&self) -> bool {
        self.intervals.is_empty()
            && self.monthly.is_empty()
            && self.exceptions.is_empty()
            && self.texts.is_empty()
    }

    /// Adds everything `other` holds.
    pub(crate) fn extend(&mut self, other: &Hours) {
        self.intervals.extend_from_slice(&other.intervals);
        self.monthly.extend_from_slice(&other.monthly);
        for exception in &other.exceptions {
            if !self.exceptions.contains(exception) {
                self.exceptions.push(exception.clone());
            }
        }
        if self.time_zone.is_none() {
            self.time_zone.clone_from(&other.time_zone);
        }
        for text in &other.texts {
            self.add_text(text.clone());
        }
    }

    /// Intervals sorted and deduplicated, and the text kept, joined by "; ".
    pub(crate) fn finish(mut self) -> Schedule {
        // Dated rows are exceptions to regular hours. Without regular
        // hours, dated rows with times are the hours (their validity is
        // dropped, as a stale schedule is for the publisher to fix: the
        // canonical HSDS 3 example dates its weekly row 2005-01-01), and
        // closures alone say nothing of when the service is open.
        if self.intervals.is_empty() && self.monthly.is_empty() {
            for exception in std::mem::take(&mut self.exceptions) {
                self.intervals.extend(exception.hours);
            }
        }
        self.intervals
            .sort_by_key(|h| (h.weekday, h.opens, h.closes));
        self.intervals.dedup();
        self.monthly
            .sort_by_key(|h| (h.week, h.weekday, h.opens, h.closes));
        self.monthly.dedup();
        for exception in &mut self.exceptions {
            exception
                .hours
                .sort_by_key(|h| (h.weekday, h.opens, h.closes));
            exception.hours.dedup();
        }
        self.exceptions.sort_by_key(|e| (e.from, e.until));
        let text = (!self.texts.is_empty()).then(|| self.texts.join("; "));
        Schedule {
            weekly: self.intervals,
            monthly: self.monthly,
            exceptions: self.exceptions,
            time_zone: self.time_zone,
            text,
        }
    }
}

/// Whether a row repeats monthly (`freq=MONTHLY`).
fn is_monthly(rule: &Rule) -> bool {
    rule.freq
        .is_some_and(|f| f.trim().eq_ignore_ascii_case("monthly"))
}

/// The (week, weekday) pairs of a monthly `byday` ("2MO,4MO", "-1FR");
/// `None` when a day has no ordinal or one out of range.
fn ordinal_days(byday: &str) -> Option<Vec<(i8, u8)>> {
    let mut days = Vec::new();
    for part in byday.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let split = part.find(|c: char| c.is_ascii_alphabetic())?;
        let (ordinal, day) = part.split_at(split);
        let week: i8 = ordinal.trim_start_matches('+').parse().ok()?;
        if !(week == -1 || (1..=5).contains(&week)) {
            return None;
        }
        let weekday = DAY_CODES
            .iter()
            .position(|code| code.eq_ignore_ascii_case(day))? as u8;
        days.push((week, weekday));
    }
    (!days.is_empty()).then_some(days)
}

fn days(rule: &Rule) -> Result<Vec<u8>, Unreadable> {
    let unreadable = |field, reason| Err(Unreadable { field, reason });
    if let Some(interval) = rule.interval {
        if !matches!(interval.trim(), "" | "1" | "1.0") {
            return unreadable(
                "interval",
                format!("interval \"{interval}\" is not every week"),
            );
        }
    }
    let freq = rule.freq.map(str::to_ascii_uppercase);
    match freq.as_deref() {
        None | Some("WEEKLY") | Some("DAILY") => {}
        Some(other) => {
            return unreadable("freq", format!("freq \"{other}\" is not a weekly schedule"))
        }
    }
    if let Some(byday) = rule.byday {
        return match weekdays(byday, true) {
            Some(days) => Ok(days),
            None => unreadable("byday", format!("byday \"{byday}\" is not a list of days")),
        };
    }
    if let Some(weekday) = rule.weekday {
        return match weekdays(weekday, false) {
            Some(days) => Ok(days),
            None => unreadable(
                "weekday",
                format!("weekday \"{weekday}\" is not a day of the week"),
            ),
        };
    }
    if freq.as_deref() == Some("DAILY") {
        return Ok((0..7).collect());
    }
    unreadable(
        if rule.freq.is_some() {
            "byday"
        } else {
            "weekday"
        },
        "no day of the week".into(),
    )
}

/// Days of a `byday` list (`MO,FR`), a weekday (`Monday`, `1`) or a range
/// (`Mon-Fri`). `rrule` allows RRULE ordinals (`1MO`), taken as the day.
pub(crate) fn weekdays(text: &str, rrule: bool) -> Option<Vec<u8>> {
    let mut days = Vec::new();
    for part in text
        .split([',', ';', '/', '&'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        if let Some((from, to)) = part.split_once('-').filter(|(f, _)| !f.is_empty()) {
            let (from, to) = (weekday(from, rrule)?, weekday(to, rrule)?);
            let mut day = from;
            loop {
                days.push(day);
                if day == to {
                    break;
                }
                day = (day + 1) % 7;
            }
        } else {
            days.push(weekday(part, rrule)?);
        }
    }
    days.sort_unstable();
    days.dedup();
    (!days.is_empty()).then_some(days)
}

/// 0 = Monday … 6 = Sunday.
fn weekday(text: &str, rrule: bool) -> Option<u8> {
    let folded = text.trim().trim_end_matches('.').to_ascii_lowercase();
    let word = if rrule {
        folded.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
    } else {
        folded.as_str()
    };
    if let Ok(n) = word.parse::<u8>() {
        return match n {
            0 | 7 => Some(6),
            1..=6 => Some(n - 1),
            _ => None,
        };
    }
    if word.len() < 2 {
        return None;
    }
    DAY_CODES
        .iter()
        .position(|code| *code == word)
        .or_else(|| {
            DAY_NAMES
                .iter()
                .position(|name| name.starts_with(word) && word.len() >= 3)
        })
        .map(|i| i as u8)
}

enum Times {
    Open(u16, u16),
    AllDay,
    Closed,
}

fn times(opens: Option<&str>, closes: Option<&str>) -> Result<Times, Unreadable> {
    let says = |text: Option<&str>, words: &[&str]| {
        text.is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            words.iter().any(|w| t.contains(w))
        })
    };
    if says(opens, &["closed"]) || says(closes, &["closed"]) {
        return Ok(Times::Closed);
    }
    if says(opens, &["24 hour", "24hour", "24 hrs", "24hrs", "24/7"])
        || says(closes, &["24 hour", "24hour", "24 hrs", "24hrs", "24/7"])
    {
        return Ok(Times::AllDay);
    }
    let read = |field: &'static str, value: Option<&str>, closing: bool| match value {
        None => Err(Unreadable {
            field,
            reason: format!("{field} is empty"),
        }),
        Some(text) => time(text, closing).ok_or_else(|| Unreadable {
            field,
            reason: format!("{field} \"{text}\" is not a time of day"),
        }),
    };
    let opens = read("opens_at", opens, false)?;
    let closes = read("closes_at", closes, true)?;
    match (opens, closes) {
        (0, 0) | (0, 1440) => Ok(Times::AllDay),
        (o, c) if o == c => Err(Unreadable {
            field: "closes_at",
            reason: format!("opens and closes at the same time ({})", clock(o)),
        }),
        (o, c) => Ok(Times::Open(o, c)),
    }
}

fn clock(minutes: u16) -> String {
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// A time of day in minutes after midnight; `closing` reads "midnight" and
/// "23:59" as the end of the day (1440).
pub(crate) fn time(text: &str, closing: bool) -> Option<u16> {
    let mut t: String = text
        .trim()
        .to_ascii_lowercase()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.')
        .collect();
    match t.as_str() {
        "noon" | "12noon" | "midday" => return Some(720),
        "midnight" | "12midnight" => return Some(if closing { 1440 } else { 0 }),
        _ => {}
    }
    // An HSDS 1 UTC offset ("09:00-05:00", "09:00Z"): hours are local.
    if let Some(at) = t.rfind(['+', '-']) {
        let offset = &t[at + 1..];
        let is_offset = (2..=5).contains(&offset.len())
            && offset.chars().all(|c| c.is_ascii_digit() || c == ':');
        if at >= 4
            && is_offset
            && t[..at].contains(':')
            && t[..at].ends_with(|c: char| c.is_ascii_digit())
        {
            t.truncate(at);
        }
    }
    if t.ends_with('z') && t[..t.len() - 1].contains(':') {
        t.pop();
    }
    let (digits, meridiem) =
        if let Some(rest) = t.strip_suffix("am").or_else(|| t.strip_suffix('a')) {
            (rest, Some(false))
        } else if let Some(rest) = t.strip_suffix("pm").or_else(|| t.strip_suffix('p')) {
            (rest, Some(true))
        } else {
            (t.as_str(), None)
        };
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, rest)) => {
            let m = rest.split(':').next().unwrap_or("");
            if h.is_empty() || h.len() > 2 || m.is_empty() || m.len() > 2 {
                return None;
            }
            (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?)
        }
        None if !digits.is_empty() && digits.len() <= 2 => (digits.parse::<u16>().ok()?, 0),
        // "830am", "0900" (digits only: "1€" is four bytes, not a time)
        None if (digits.len() == 3 || digits.len() == 4)
            && digits.bytes().all(|b| b.is_ascii_digit()) =>
        {
            let (h, m) = digits.split_at(digits.len() - 2);
            (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?)
        }
        None => return None,
    };
    if minutes >= 60 {
        return None;
    }
    let hours = match meridiem {
        Some(pm) => {
            if !(1..=12).contains(&hours) {
                return None;
            }
            match (hours, pm) {
                (12, false) => 0,
                (12, true) => 12,
                (h, false) => h,
                (h, true) => h + 12,
            }
        }
        None => hours,
    };
    let total = hours * 60 + minutes;
    match total {
        1439 if closing => Some(1440),
        0..=1440 => Some(total),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn interval(weekday: u8, opens: u16, closes: u16) -> OpenInterval {
        OpenInterval {
            weekday,
            opens,
            closes,
        }
    }

    #[test]
    fn times_as_exports_write_them() {
        for (text, want) in [
            ("09:00", 540),
            ("9:00:00", 540),
            ("9:00am", 540),
            ("9:00 AM", 540),
            ("5:00 PM", 1020),
            ("5:00pm", 1020),
            ("9am", 540),
            ("830am", 510),
            ("0900", 540),
            ("9:00a", 540),
            ("9:0am", 540),
            ("7:30 am ", 450),
            ("12:00pm", 720),
            ("12:30am", 30),
            ("noon", 720),
            ("09:00-05:00", 540),
            ("17:30Z", 1050),
            ("8:00", 480),
        ] {
            assert_eq!(time(text, false), Some(want), "{text}");
        }
        for text in [
            "8:00m",
            "sixty",
            "25:00",
            "13pm",
            "9:75",
            "",
            "9:00am-5:00pm",
        ] {
            assert_eq!(time(text, false), None, "{text}");
        }
        assert_eq!(time("midnight", true), Some(1440));
        assert_eq!(time("23:59", true), Some(1440));
    }

    #[test]
    fn regular_schedules_of_hsds1() {
        let mut hours = Hours::default();
        for day in ["Monday", "Tuesday", "1"] {
            let rule = Rule {
                weekday: Some(day),
                opens_at: Some("9:00am"),
                closes_at: Some("5:00 PM"),
                ..Rule::default()
            };
            hours.add_rule(&rule).unwrap();
        }
        let rule = Rule {
            weekday: Some("Sunday"),
            opens_at: Some("24 hours"),
            ..Rule::default()
        };
        hours.add_rule(&rule).unwrap();
        let rule = Rule {
            weekday: Some("Saturday"),
            opens_at: Some("Closed"),
            closes_at: Some("Closed"),
            ..Rule::default()
        };
        hours.add_rule(&rule).unwrap();
        let Schedule {
            weekly: intervals,
            text,
            ..
        } = hours.finish();
        assert_eq!(
            intervals,
            [
                interval(0, 540, 1020),
                interval(1, 540, 1020),
                interval(6, 0, 1440)
            ]
        );
        assert_eq!(text, None);
    }

    #[test]
    fn rrule_rows_of_hsds3() {
        let mut hours = Hours::default();
        let rule = Rule {
            freq: Some("WEEKLY"),
            byday: Some("TH,FR"),
            opens_at: Some("10:00:00"),
            closes_at: Some("18:00:00"),
            ..Rule::default()
        };
        hours.add_rule(&rule).unwrap();
        let rule = Rule {
            freq: Some("DAILY"),
            opens_at: Some("22:00"),
            closes_at: Some("02:00"),
            ..Rule::default()
        };
        hours.add_rule(&rule).unwrap();
        let intervals = hours.finish().weekly;
        assert!(intervals.contains(&interval(3, 600, 1080)));
        assert!(intervals.contains(&interval(4, 600, 1080)));
        // Overnight: Sunday 22:00 runs into Monday 02:00.
        assert!(intervals.contains(&interval(6, 1320, 1440)));
        assert!(intervals.contains(&interval(0, 0, 120)));
    }

    #[test]
    fn what_cannot_be_structured_says_why() {
        let mut hours = Hours::default();
        let monthly = Rule {
            freq: Some("MONTHLY"),
            byday: Some("MO"),
            opens_at: Some("9:00"),
            closes_at: Some("12:00"),
            ..Rule::default()
        };
        assert_eq!(hours.add_rule(&monthly).unwrap_err().field, "byday");
        let yearly = Rule {
            freq: Some("YEARLY"),
            byday: Some("MO"),
            opens_at: Some("9:00"),
            closes_at: Some("12:00"),
            ..Rule::default()
        };
        assert_eq!(
            hours.add_rule(&yearly).unwrap_err().reason,
            "freq \"YEARLY\" is not a weekly schedule"
        );
        let typo = Rule {
            weekday: Some("Monday"),
            opens_at: Some("8:00m"),
            closes_at: Some("5:00pm"),
            ..Rule::default()
        };
        let err = hours.add_rule(&typo).unwrap_err();
        assert_eq!(
            (err.field, err.reason.as_str()),
            ("opens_at", "opens_at \"8:00m\" is not a time of day")
        );
        let no_time = Rule {
            weekday: Some("Monday"),
            ..Rule::default()
        };
        assert_eq!(
            hours.add_rule(&no_time).unwrap_err().reason,
            "opens_at is empty"
        );
        let fortnightly = Rule {
            freq: Some("WEEKLY"),
            interval: Some("2"),
            byday: Some("MO"),
            opens_at: Some("9:00"),
            closes_at: Some("12:00"),
            ..Rule::default()
        };
        assert_eq!(hours.add_rule(&fortnightly).unwrap_err().field, "interval");
        assert!(hours.is_empty());
    }

    #[test]
    fn day_ranges_and_abbreviations() {
        assert_eq!(weekdays("Mon-Fri", false), Some(vec![0, 1, 2, 3, 4]));
        assert_eq!(weekdays("Sat - Sun", false), Some(vec![5, 6]));
        assert_eq!(weekdays("Thurs", false), Some(vec![3]));
        assert_eq!(weekdays("MO,WE", true), Some(vec![0, 2]));
        assert_eq!(weekdays("Someday", false), None);
    }

    #[test]
    fn monthly_ordinals_and_dated_exceptions() {
        let mut hours = Hours::default();
        let monthly = Rule {
            freq: Some("MONTHLY"),
            byday: Some("2MO,-1FR"),
            opens_at: Some("10:00"),
            closes_at: Some("12:00"),
            timezone: Some("America/Winnipeg"),
            ..Rule::default()
        };
        hours.add_rule(&monthly).unwrap();
        let holiday = Rule {
            valid_from: Some("2026-12-25"),
            valid_to: Some("2026-12-26"),
            closed: Some("true"),
            ..Rule::default()
        };
        hours.add_rule(&holiday).unwrap();
        let special = Rule {
            byday: Some("MO,TU"),
            valid_from: Some("2026-12-21"),
            valid_to: Some("2027-01-01"),
            opens_at: Some("10:00"),
            closes_at: Some("14:00"),
            ..Rule::default()
        };
        hours.add_rule(&special).unwrap();
        let schedule = hours.finish();
        assert_eq!(schedule.time_zone.as_deref(), Some("America/Winnipeg"));
        assert_eq!(
            schedule.monthly,
            [
                MonthlyInterval {
                    week: -1,
                    weekday: 4,
                    opens: 600,
                    closes: 720
                },
                MonthlyInterval {
                    week: 2,
                    weekday: 0,
                    opens: 600,
                    closes: 720
                }
            ]
        );
        assert_eq!(schedule.exceptions.len(), 2);
        let christmas = schedule
            .exceptions
            .iter()
            .find(|e| e.until - e.from == 1)
            .unwrap();
        assert!(christmas.hours.is_empty());
        let holidays = schedule
            .exceptions
            .iter()
            .find(|e| e.until - e.from == 11)
            .unwrap();
        assert_eq!(
            holidays.hours,
            [interval(0, 600, 840), interval(1, 600, 840)]
        );
        let bad = Rule {
            valid_from: Some("2026-12-25"),
            valid_to: Some("Christmas"),
            closed: Some("true"),
            ..Rule::default()
        };
        assert_eq!(
            Hours::default().add_rule(&bad).unwrap_err().field,
            "valid_from"
        );
    }

    #[test]
    fn repeated_text_is_kept_once() {
        let mut hours = Hours::default();
        hours.add_text("By appointment".into());
        hours.add_text("By appointment".into());
        assert_eq!(hours.finish().text.as_deref(), Some("By appointment"));
    }
}
