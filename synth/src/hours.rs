//! Weekly opening hours: the rules of each pattern, and their description
//! in English or French.

use rand::Rng;

use crate::vocabulary::Hours;

/// One weekly rule: days (RFC 5545 `BYDAY`), opening and closing time.
pub(crate) type Rule = (&'static str, &'static str, &'static str);

const WEEKDAYS: &str = "MO,TU,WE,TH,FR";
const EVERY_DAY: &str = "MO,TU,WE,TH,FR,SA,SU";

/// Draws the weekly rules of a pattern.
pub(crate) fn rules(hours: Hours, rng: &mut impl Rng) -> Vec<Rule> {
    let mut pick =
        |options: &[&[Rule]]| options[rng.random_range(0..options.len() as u32) as usize].to_vec();
    match hours {
        Hours::Business => pick(&[
            &[(WEEKDAYS, "09:00", "17:00")],
            &[(WEEKDAYS, "08:30", "16:30")],
            &[(WEEKDAYS, "09:00", "16:30")],
            &[(WEEKDAYS, "10:00", "16:00")],
            &[(WEEKDAYS, "08:00", "16:00")],
            &[("MO,TU,WE,TH", "09:00", "17:00"), ("FR", "09:00", "12:00")],
        ]),
        Hours::Extended => pick(&[
            &[("MO,TU,WE,TH", "09:00", "20:00"), ("FR", "09:00", "17:00")],
            &[
                ("MO,TU,WE,TH", "09:00", "20:00"),
                ("FR", "09:00", "17:00"),
                ("SA", "10:00", "14:00"),
            ],
            &[(WEEKDAYS, "08:30", "19:00"), ("SA", "09:00", "13:00")],
            &[("MO,WE,FR", "09:00", "17:00"), ("TU,TH", "12:00", "20:00")],
        ]),
        Hours::Evenings => pick(&[
            &[("TU,TH", "18:00", "21:00")],
            &[("MO,WE", "18:30", "20:30")],
            &[("WE", "19:00", "21:00")],
            &[("TH", "18:00", "20:00")],
        ]),
        Hours::Weekend => pick(&[
            &[("SA,SU", "10:00", "16:00")],
            &[("SA", "09:00", "13:00")],
            &[("TU,TH", "10:00", "15:00"), ("SA", "10:00", "14:00")],
        ]),
        Hours::FoodBank => pick(&[
            &[("TU,TH", "10:00", "14:00")],
            &[("TU,TH", "10:00", "14:00"), ("SA", "09:00", "12:00")],
            &[("MO,WE,FR", "09:30", "12:30")],
            &[("WE", "13:00", "16:00"), ("WE", "17:00", "19:00")],
            &[("TU,WE,TH", "10:00", "13:00"), ("TH", "17:00", "19:00")],
        ]),
        Hours::Meals => pick(&[
            &[(WEEKDAYS, "11:30", "13:00")],
            &[(EVERY_DAY, "17:00", "18:30")],
            &[(WEEKDAYS, "07:30", "09:00"), (WEEKDAYS, "11:30", "13:00")],
            &[("SA,SU", "12:00", "13:30")],
            &[("TU,FR", "17:00", "18:30")],
        ]),
        Hours::DropIn => pick(&[
            &[("MO,WE,FR", "13:00", "17:00")],
            &[("TU,TH", "15:00", "20:00")],
            &[(WEEKDAYS, "14:00", "19:00")],
            &[(WEEKDAYS, "09:30", "12:00"), ("SA", "10:00", "12:00")],
        ]),
        Hours::AlwaysOpen => vec![(EVERY_DAY, "00:00", "23:59")],
    }
}

const DAYS: [(&str, &str, &str); 7] = [
    ("MO", "Monday", "lundi"),
    ("TU", "Tuesday", "mardi"),
    ("WE", "Wednesday", "mercredi"),
    ("TH", "Thursday", "jeudi"),
    ("FR", "Friday", "vendredi"),
    ("SA", "Saturday", "samedi"),
    ("SU", "Sunday", "dimanche"),
];

/// The rule in words: "Monday to Friday, 9:00 a.m. to 5:00 p.m." or
/// "Du lundi au vendredi, de 9 h à 17 h."
pub(crate) fn describe(rule: Rule, french: bool) -> String {
    let (byday, opens, closes) = rule;
    if byday == EVERY_DAY && opens == "00:00" && closes == "23:59" {
        return if french {
            "Ouvert 24 heures sur 24, 7 jours sur 7.".to_string()
        } else {
            "Open 24 hours a day, 7 days a week.".to_string()
        };
    }
    let index: Vec<usize> = byday
        .split(',')
        .filter_map(|d| DAYS.iter().position(|(code, _, _)| *code == d))
        .collect();
    let name = |i: usize| if french { DAYS[i].2 } else { DAYS[i].1 };
    let consecutive = index.windows(2).all(|w| w[1] == w[0] + 1);
    let days = match index.as_slice() {
        [] => String::new(),
        [one] => {
            if french {
                format!("Le {}", name(*one))
            } else {
                name(*one).to_string()
            }
        }
        [first, .., last] if consecutive && index.len() > 2 => {
            if french {
                format!("Du {} au {}", name(*first), name(*last))
            } else {
                format!("{} to {}", name(*first), name(*last))
            }
        }
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(|&i| name(i)).collect();
            let and = if french { "et" } else { "and" };
            let list = format!("{} {and} {}", head.join(", "), name(*last));
            if french {
                format!("Les {list}")
            } else {
                list
            }
        }
    };
    if french {
        format!("{days}, de {} à {}.", time_fr(opens), time_fr(closes))
    } else {
        // "p.m." already ends the sentence.
        format!("{days}, {} to {}", time_en(opens), time_en(closes))
    }
}

fn hour_minute(time: &str) -> (u32, u32) {
    let (h, m) = time.split_once(':').unwrap_or((time, "0"));
    (h.parse().unwrap_or(0), m.parse().unwrap_or(0))
}

fn time_en(time: &str) -> String {
    let (h, m) = hour_minute(time);
    let suffix = if h < 12 { "a.m." } else { "p.m." };
    let h12 = match h % 12 {
        0 => 12,
        h => h,
    };
    format!("{h12}:{m:02} {suffix}")
}

fn time_fr(time: &str) -> String {
    match hour_minute(time) {
        (h, 0) => format!("{h} h"),
        (h, m) => format!("{h} h {m:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_described_in_both_languages() {
        let weekdays = (WEEKDAYS, "09:00", "17:00");
        assert_eq!(
            describe(weekdays, false),
            "Monday to Friday, 9:00 a.m. to 5:00 p.m."
        );
        assert_eq!(
            describe(weekdays, true),
            "Du lundi au vendredi, de 9 h à 17 h."
        );
        let two = ("TU,TH", "11:30", "13:00");
        assert_eq!(
            describe(two, false),
            "Tuesday and Thursday, 11:30 a.m. to 1:00 p.m."
        );
        assert_eq!(
            describe(two, true),
            "Les mardi et jeudi, de 11 h 30 à 13 h."
        );
        let three = ("MO,WE,FR", "13:00", "17:00");
        assert_eq!(
            describe(three, false),
            "Monday, Wednesday and Friday, 1:00 p.m. to 5:00 p.m."
        );
        assert_eq!(
            describe(("SA", "09:00", "12:00"), true),
            "Le samedi, de 9 h à 12 h."
        );
        assert_eq!(
            describe((EVERY_DAY, "00:00", "23:59"), false),
            "Open 24 hours a day, 7 days a week."
        );
    }

    #[test]
    fn every_pattern_gives_valid_rules() {
        use rand::SeedableRng;
        let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(9);
        for hours in [
            Hours::Business,
            Hours::Extended,
            Hours::Evenings,
            Hours::Weekend,
            Hours::FoodBank,
            Hours::Meals,
            Hours::DropIn,
            Hours::AlwaysOpen,
        ] {
            for _ in 0..20 {
                for (days, opens, closes) in rules(hours, &mut rng) {
                    assert!(days
                        .split(',')
                        .all(|d| DAYS.iter().any(|(c, _, _)| *c == d)));
                    assert!(opens < closes, "{opens} {closes}");
                    assert_eq!((opens.len(), closes.len()), (5, 5));
                }
            }
        }
    }
}
