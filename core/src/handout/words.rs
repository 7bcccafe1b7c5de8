//! The handout's words in English and French: labels, hours, dates, costs.

use crate::model::{Cost, OpenInterval, Status};

use super::Lang;

/// Every fixed string of a handout, in one language.
pub(super) struct Words {
    pub title: &'static str,
    pub intro: &'static str,
    pub help_line: &'static str,
    /// The sentence around a directory's own help line: before it, after it.
    pub call: (&'static str, &'static str),
    pub address: &'static str,
    pub phone: &'static str,
    pub web: &'static str,
    pub email: &'static str,
    pub hours: &'static str,
    pub apply: &'static str,
    pub bring: &'static str,
    pub cost: &'static str,
    pub languages: &'static str,
    pub accessibility: &'static str,
    pub wheelchair: &'static str,
    pub who: &'static str,
    pub verified: &'static str,
    pub not_verified: &'static str,
    pub directory: &'static str,
    pub built: &'static str,
    pub none: &'static str,
    pub extension: &'static str,
    /// What follows a label: ": " in English, " : " in French.
    pub colon: &'static str,
}

const ENGLISH: Words = Words {
    title: "Your referral",
    intro: "Services that can help you, and how to reach them.",
    help_line: "Need more help, or a service has changed? Call or text 211: free, confidential, 24 hours a day, in many languages.",
    call: ("Need more help, or a service has changed? Call ", "."),
    address: "Address",
    phone: "Phone",
    web: "Website",
    email: "Email",
    hours: "Hours",
    apply: "How to get the service",
    bring: "What to bring",
    cost: "Cost",
    languages: "Languages",
    accessibility: "Accessibility",
    wheelchair: "Wheelchair accessible",
    who: "Who it is for",
    verified: "Information verified on",
    not_verified: "The directory does not say when this information was last verified.",
    directory: "Directory",
    built: "updated",
    none: "No services were chosen.",
    extension: "ext.",
    colon: ": ",
};

const FRENCH: Words = Words {
    title: "Votre référence",
    intro: "Des services qui peuvent vous aider, et comment les joindre.",
    help_line: "Besoin d'aide de plus, ou un service a changé? Composez le 211 ou textez au 211 : gratuit, confidentiel, 24 heures sur 24, en plusieurs langues.",
    call: ("Besoin d'aide de plus, ou un service a changé? Composez le ", "."),
    address: "Adresse",
    phone: "Téléphone",
    web: "Site Web",
    email: "Courriel",
    hours: "Heures",
    apply: "Comment obtenir le service",
    bring: "Quoi apporter",
    cost: "Coût",
    languages: "Langues",
    accessibility: "Accessibilité",
    wheelchair: "Accessible en fauteuil roulant",
    who: "À qui s'adresse le service",
    verified: "Renseignements vérifiés le",
    not_verified: "Le répertoire n'indique pas quand ces renseignements ont été vérifiés.",
    directory: "Répertoire",
    built: "mis à jour le",
    none: "Aucun service n'a été choisi.",
    extension: "poste",
    colon: " : ",
};

impl Lang {
    pub(super) fn words(self) -> &'static Words {
        match self {
            Lang::En => &ENGLISH,
            Lang::Fr => &FRENCH,
        }
    }

    /// What a service's cost means for the person.
    pub(super) fn cost(self, cost: Cost) -> Option<&'static str> {
        match (self, cost) {
            (_, Cost::Unknown) => None,
            (Lang::En, Cost::Free) => Some("Free"),
            (Lang::En, Cost::SlidingScale) => Some("Fees depend on income"),
            (Lang::En, Cost::Fee) => Some("Fees apply"),
            (Lang::Fr, Cost::Free) => Some("Gratuit"),
            (Lang::Fr, Cost::SlidingScale) => Some("Frais selon le revenu"),
            (Lang::Fr, Cost::Fee) => Some("Des frais s'appliquent"),
        }
    }

    /// A warning for a service that is not operating, if it is not.
    pub(super) fn status(self, status: Status) -> Option<&'static str> {
        match (self, status) {
            (_, Status::Active) => None,
            (Lang::En, Status::TemporarilyClosed) => {
                Some("Temporarily closed: call before you go.")
            }
            (Lang::En, _) => Some("Not operating: call 211 for another service."),
            (Lang::Fr, Status::TemporarilyClosed) => {
                Some("Fermé temporairement : téléphonez avant de vous déplacer.")
            }
            (Lang::Fr, _) => Some("Service interrompu : composez le 211 pour un autre service."),
        }
    }

    /// An age range in words: "65 and over", "18 to 24".
    pub(super) fn ages(self, min: Option<u8>, max: Option<u8>) -> Option<String> {
        Some(match (self, min, max) {
            (_, None, None) => return None,
            (Lang::En, Some(min), Some(max)) => format!("Ages {min} to {max}"),
            (Lang::En, Some(min), None) => format!("Ages {min} and over"),
            (Lang::En, None, Some(max)) => format!("Ages {max} and under"),
            (Lang::Fr, Some(min), Some(max)) => format!("De {min} à {max} ans"),
            (Lang::Fr, Some(min), None) => format!("{min} ans et plus"),
            (Lang::Fr, None, Some(max)) => format!("{max} ans et moins"),
        })
    }

    /// An ISO 8601 date ("2024-05-10") as people read it: "May 10, 2024",
    /// "10 mai 2024". Anything else is given as it is.
    pub(super) fn date(self, iso: &str) -> String {
        const EN: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let iso = iso.trim();
        let parts: Vec<&str> = iso.get(..10).unwrap_or(iso).split('-').collect();
        let parsed = match parts[..] {
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => y
                .parse::<u32>()
                .ok()
                .zip(m.parse::<usize>().ok().filter(|m| (1..=12).contains(m)))
                .zip(d.parse::<u32>().ok().filter(|d| (1..=31).contains(d))),
            _ => None,
        };
        match (self, parsed) {
            (_, None) => iso.to_owned(),
            (Lang::En, Some(((y, m), d))) => format!("{} {d}, {y}", EN[m - 1]),
            (Lang::Fr, Some(((y, m), 1))) => format!("1er {} {y}", FR[m - 1]),
            (Lang::Fr, Some(((y, m), d))) => format!("{d} {} {y}", FR[m - 1]),
        }
    }

    /// Weekly hours, one line per run of days with the same hours:
    /// "Mon–Fri: 9:00 a.m. to 5:00 p.m.", "lun. au ven. : 9 h à 16 h 30".
    pub(super) fn hours(self, intervals: &[OpenInterval]) -> Vec<String> {
        let mut days: [Vec<(u16, u16)>; 7] = Default::default();
        for i in intervals
            .iter()
            .filter(|i| i.weekday < 7 && i.opens < i.closes)
        {
            days[usize::from(i.weekday)].push((i.opens, i.closes));
        }
        for day in &mut days {
            day.sort_unstable();
            day.dedup();
        }
        let mut lines = Vec::new();
        let mut start = 0;
        while start < 7 {
            let mut end = start;
            while end + 1 < 7 && days[end + 1] == days[start] {
                end += 1;
            }
            if !days[start].is_empty() {
                let spans: Vec<String> = days[start]
                    .iter()
                    .map(|&(opens, closes)| self.span(opens, closes))
                    .collect();
                lines.push(format!(
                    "{}{}",
                    self.day_range(start, end),
                    spans.join(", ")
                ));
            }
            start = end + 1;
        }
        lines
    }

    fn day_range(self, start: usize, end: usize) -> String {
        const EN: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
        const FR: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
        match (self, start == end) {
            (Lang::En, true) => format!("{}: ", EN[start]),
            (Lang::En, false) => format!("{}–{}: ", EN[start], EN[end]),
            (Lang::Fr, true) => format!("{} : ", FR[start]),
            (Lang::Fr, false) => format!("{} au {} : ", FR[start], FR[end]),
        }
    }

    fn span(self, opens: u16, closes: u16) -> String {
        if opens == 0 && closes >= 1440 {
            return match self {
                Lang::En => "24 hours".to_owned(),
                Lang::Fr => "24 heures sur 24".to_owned(),
            };
        }
        match self {
            Lang::En => format!("{} to {}", clock_en(opens), clock_en(closes)),
            Lang::Fr => format!("{} à {}", clock_fr(opens), clock_fr(closes)),
        }
    }
}

/// "9:00 a.m.", "12:30 p.m.", "midnight".
fn clock_en(minutes: u16) -> String {
    let (h, m) = (minutes / 60 % 24, minutes % 60);
    if minutes.is_multiple_of(1440) {
        return "midnight".to_owned();
    }
    let half = if h < 12 { "a.m." } else { "p.m." };
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    format!("{h12}:{m:02} {half}")
}

/// "9 h", "16 h 30", "minuit".
fn clock_fr(minutes: u16) -> String {
    let (h, m) = (minutes / 60 % 24, minutes % 60);
    match (minutes.is_multiple_of(1440), m) {
        (true, _) => "minuit".to_owned(),
        (false, 0) => format!("{h} h"),
        (false, m) => format!("{h} h {m:02}"),
    }
}

/// A date from seconds since the Unix epoch, as ISO 8601 ("2026-12-06"):
/// Howard Hinnant's civil-from-days.
pub(super) fn iso_date(seconds: u64) -> String {
    let days = (seconds / 86_400) as i64 + 719_468;
    let era = days.div_euclid(146_097);
    let doe = days.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(days: std::ops::Range<u8>, opens: u16, closes: u16) -> Vec<OpenInterval> {
        days.map(|weekday| OpenInterval {
            weekday,
            opens,
            closes,
        })
        .collect()
    }

    #[test]
    fn hours_read_as_people_say_them() {
        let mut hours = week(0..5, 9 * 60, 16 * 60 + 30);
        hours.extend(week(6..7, 0, 1440));
        assert_eq!(
            Lang::En.hours(&hours),
            ["Mon–Fri: 9:00 a.m. to 4:30 p.m.", "Sun: 24 hours"]
        );
        assert_eq!(
            Lang::Fr.hours(&hours),
            ["lun. au ven. : 9 h à 16 h 30", "dim. : 24 heures sur 24"]
        );
        assert_eq!(clock_en(12 * 60), "12:00 p.m.");
        assert_eq!(clock_en(1440), "midnight");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(Lang::En.date("2024-05-10"), "May 10, 2024");
        assert_eq!(Lang::Fr.date("2024-05-10"), "10 mai 2024");
        assert_eq!(Lang::Fr.date("2024-08-01T12:00:00Z"), "1er août 2024");
        assert_eq!(Lang::En.date("spring 2024"), "spring 2024");
        assert_eq!(iso_date(0), "1970-01-01");
        assert_eq!(iso_date(1_796_515_200), "2026-12-06");
    }
}
