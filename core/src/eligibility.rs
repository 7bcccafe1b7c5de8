//! Whether a client fits a service: the three-valued verdict (eligible,
//! unknown, ineligible), how well the service is made for them (its fit),
//! and the words an explanation gives for both.
//!
//! Only structured data that contradicts the profile rules a service out:
//! an age outside its range, a gender it does not serve, an income over its
//! limit, provinces or places (municipalities, regions) whose residents
//! alone it serves when the client lives in none of them. Data read from
//! free text never excludes anyone (a mismatch is `Unknown`), and neither
//! does a group: a profile lists what a person is, not everything they
//! are. The factors these give the score are in [`crate::rank`].

use serde::{Deserialize, Serialize};

use crate::format::filters::{group_bit, Row, PROVINCES};
use crate::model::{Gender, Group};
use crate::rank::format_ages;
use crate::results::Eligibility;

/// A published low-income line: the yearly household income under which a
/// household of each size is in low income. Income limits given as a share
/// of "the low-income line" are read against it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LowIncomeLine {
    /// What the line is ("LIM-AT").
    pub name: String,
    /// Where the figures come from.
    pub source: String,
    /// The year of the incomes it measures.
    pub year: u16,
    /// Yearly dollars for households of 1, 2, 3… people.
    pub thresholds: Vec<f64>,
}

impl Default for LowIncomeLine {
    fn default() -> LowIncomeLine {
        LowIncomeLine::lim_at()
    }
}

impl LowIncomeLine {
    /// Statistics Canada's Low-income measure, after tax (LIM-AT), for
    /// private households of Canada, 2020 incomes: $26,503 for one person
    /// (Census of Population 2021, Dictionary, Table 2.4), times the square
    /// root of the household's size, as the measure is defined.
    pub fn lim_at() -> LowIncomeLine {
        const ONE_PERSON: f64 = 26_503.0;
        LowIncomeLine {
            name: "LIM-AT".into(),
            source: "Statistics Canada, Census of Population 2021, Dictionary, Table 2.4: \
                     Low-income measure thresholds (LIM-AT) for private households of Canada"
                .into(),
            year: 2020,
            thresholds: (1..=7u32)
                .map(|people| (ONE_PERSON * f64::from(people).sqrt()).round())
                .collect(),
        }
    }

    /// The line for a household of `people`. Past the table, the last
    /// figure scaled by the square root of the sizes' ratio (the LIM's own
    /// equivalence scale); a household of 0 counts as 1.
    ///
    /// # Example
    /// ```
    /// use servicematch::LowIncomeLine;
    /// let line = LowIncomeLine::lim_at();
    /// assert_eq!(line.for_household(1), 26_503.0);
    /// assert_eq!(line.for_household(4), 53_006.0);
    /// assert!(line.for_household(9) > line.for_household(7));
    /// ```
    pub fn for_household(&self, people: u32) -> f64 {
        let people = people.max(1) as usize;
        match self.thresholds.get(people - 1) {
            Some(&line) => line,
            None => {
                let known = self.thresholds.len().max(1);
                let last = self.thresholds.last().copied().unwrap_or(0.0);
                (last * (people as f64 / known as f64).sqrt()).round()
            }
        }
    }
}

/// A client's profile, resolved for one index.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    pub(crate) age: Option<u8>,
    pub(crate) gender: Option<Gender>,
    /// Yearly household income, dollars.
    pub(crate) income: Option<f64>,
    pub(crate) household_size: Option<u32>,
    /// The groups the client said they belong to, as bits of [`Group::ALL`],
    /// with those their age implies (65+: senior; 12–24: youth).
    pub(crate) groups: u16,
    /// The client's province as its bit of [`PROVINCES`] (see
    /// [`province_bit`]), from where they are; 0 when not known.
    pub(crate) province: u16,
}

impl Profile {
    /// Whether the profile says anything eligibility can use.
    pub(crate) fn is_empty(&self) -> bool {
        self.age.is_none()
            && self.gender.is_none()
            && self.income.is_none()
            && self.household_size.is_none()
            && self.groups == 0
    }

    /// The groups of `statuses` and those `age` implies, as bits.
    pub(crate) fn groups_of(statuses: &[Group], age: Option<u8>) -> u16 {
        let mut groups = statuses
            .iter()
            .fold(0u16, |bits, &g| bits | 1 << group_bit(g));
        if age.is_some_and(|age| age >= 65) {
            groups |= 1 << group_bit(Group::Senior);
        }
        if age.is_some_and(|age| (12..=24).contains(&age)) {
            groups |= 1 << group_bit(Group::Youth);
        }
        // A refugee is a newcomer.
        if groups & 1 << group_bit(Group::Refugee) != 0 {
            groups |= 1 << group_bit(Group::Newcomer);
        }
        groups
    }
}

/// A province (index into [`PROVINCES`]) as its bit; 0 for none.
pub(crate) fn province_bit(province: Option<usize>) -> u16 {
    province
        .and_then(|p| 1u16.checked_shl(p as u32))
        .unwrap_or(0)
}

/// The province of a postal code or forward sortation area, by its first
/// letter (X is both Nunavut and the Northwest Territories: unknown).
pub(crate) fn province_of_postal(key: &str) -> Option<usize> {
    let code = match key.chars().next()? {
        'A' => "NL",
        'B' => "NS",
        'C' => "PE",
        'E' => "NB",
        'G' | 'H' | 'J' => "QC",
        'K' | 'L' | 'M' | 'N' | 'P' => "ON",
        'R' => "MB",
        'S' => "SK",
        'T' => "AB",
        'V' => "BC",
        'Y' => "YT",
        _ => return None,
    };
    PROVINCES.iter().position(|p| *p == code)
}

/// The province named at the end of a place ("Sudbury, ON").
pub(crate) fn province_of_place(name: &str) -> Option<usize> {
    let (_, code) = name.rsplit_once(", ")?;
    PROVINCES
        .iter()
        .position(|p| p.eq_ignore_ascii_case(code.trim()))
}

/// How well a service is made for the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    /// The service declares a target (a group, an age band, a gender) that
    /// the profile meets.
    ForThem,
    /// The service is for everyone.
    General,
    /// The service declares targets and the profile meets none of them.
    NotForThem,
}

/// What a service's residency by place (municipalities and regions, by
/// their postal prefixes: the residency section) says of the client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceResidency {
    /// The service names no place.
    Anywhere,
    /// The client lives in one of its places.
    Resident,
    /// The client lives in none of its places.
    NotResident,
    /// Where the client lives is not known.
    Unknown,
}

/// What a service's residency says of the client: `None` when it names
/// neither province nor place; eligible when the client lives in any of
/// its provinces (bits of [`PROVINCES`]) or places, ineligible when they
/// are known to live in none, else unknown.
///
/// The client's province comes as a bit (0: not known), not as an
/// `Option`: an optimiser may read an `Option`'s payload before its tag, and
/// valgrind then reports a use of uninitialised memory on every search.
pub(crate) fn residency(
    provinces: u16,
    client: u16,
    places: PlaceResidency,
) -> Option<Eligibility> {
    // Per rule: whether the client lives there (`None`: not known).
    let by_province = match (provinces, client) {
        (0, _) => None,
        (_, 0) => Some(None),
        _ => Some(Some(provinces & client != 0)),
    };
    let by_place = match places {
        PlaceResidency::Anywhere => None,
        PlaceResidency::Resident => Some(Some(true)),
        PlaceResidency::NotResident => Some(Some(false)),
        PlaceResidency::Unknown => Some(None),
    };
    let rules = [by_province, by_place];
    if rules.iter().all(Option::is_none) {
        return None;
    }
    let lives = rules.iter().flatten();
    Some(if lives.clone().any(|&l| l == Some(true)) {
        Eligibility::Eligible
    } else if lives.clone().all(|&l| l == Some(false)) {
        Eligibility::Ineligible
    } else {
        Eligibility::Unknown
    })
}

/// What eligibility makes of one service for one profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Judgement {
    pub(crate) verdict: Eligibility,
    pub(crate) fit: Fit,
}

/// Judges a service (its filter row, and what its residency by place says
/// of the client) for a profile.
pub(crate) fn judge(
    profile: &Profile,
    row: &Row<'_>,
    places: PlaceResidency,
    line: &LowIncomeLine,
) -> Judgement {
    let mut verdict = Eligibility::Eligible;
    let unknown = |verdict: &mut Eligibility| {
        if *verdict == Eligibility::Eligible {
            *verdict = Eligibility::Unknown;
        }
    };
    let ineligible = Judgement {
        verdict: Eligibility::Ineligible,
        fit: Fit::NotForThem,
    };
    if let Some(age) = profile.age {
        match row.ages() {
            None => unknown(&mut verdict),
            Some((min, max, from_text)) => {
                let fits = min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m);
                if !fits {
                    if from_text {
                        unknown(&mut verdict);
                    } else {
                        return ineligible;
                    }
                }
            }
        }
    }
    if let Some(gender) = profile.gender {
        if row.serves_gender(gender) == Some(false) {
            return ineligible;
        }
    }
    if let (Some(income), Some(limit)) = (profile.income, row.income_limit()) {
        match income_limit_for(limit, profile.household_size, line) {
            Some(max) if income <= max => {}
            Some(_) if limit.from_text => unknown(&mut verdict),
            Some(_) => return ineligible,
            // A limit by household size, and the size is not given.
            None => unknown(&mut verdict),
        }
    }
    match residency(row.residency(), profile.province, places) {
        Some(Eligibility::Ineligible) => return ineligible,
        Some(Eligibility::Unknown) => unknown(&mut verdict),
        Some(Eligibility::Eligible) | None => {}
    }
    Judgement {
        verdict,
        fit: fit(profile, row),
    }
}

/// The limit in dollars for the client's household: the lower of the
/// absolute limit and the share of the line; `None` when the limit depends
/// on a household size that is not given.
fn income_limit_for(
    limit: crate::model::IncomeLimit,
    household: Option<u32>,
    line: &LowIncomeLine,
) -> Option<f64> {
    let by_size = match (limit.low_income_share, household) {
        (Some(share), Some(people)) => Some(Some(share * line.for_household(people))),
        (Some(_), None) => Some(None),
        (None, _) => None,
    };
    match (limit.max_yearly, by_size) {
        (Some(max), None) => Some(max),
        (Some(max), Some(Some(by_size))) => Some(max.min(by_size)),
        (None, Some(by_size)) => by_size,
        (_, Some(None)) => None,
        (None, None) => None,
    }
}

/// An age range narrow enough to be a target: children and youth, or older adults.
fn targeted_ages(min: Option<u8>, max: Option<u8>) -> bool {
    max.is_some_and(|max| max <= 30) || min.is_some_and(|min| min >= 50)
}

fn fit(profile: &Profile, row: &Row<'_>) -> Fit {
    let (structured, from_text) = row.groups();
    let groups = structured | from_text;
    let ages = row.ages().filter(|&(min, max, _)| targeted_ages(min, max));
    let genders = Gender::ALL.iter().any(|&g| row.serves_gender(g).is_some());
    if groups == 0 && ages.is_none() && !genders {
        return Fit::General;
    }
    let by_group = groups & profile.groups != 0;
    let by_age = match (ages, profile.age) {
        (Some((min, max, _)), Some(age)) => {
            min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m)
        }
        _ => false,
    };
    let by_gender = profile
        .gender
        .is_some_and(|g| row.serves_gender(g) == Some(true));
    match by_group || by_age || by_gender {
        true => Fit::ForThem,
        false => Fit::NotForThem,
    }
}

/// The explanation's words for a service's eligibility and fit: "for youth
/// 16–24", "for newcomers", "income under the limit for 4 people", "for ON
/// residents", "for residents of Thunder Bay" (`places`: the names of the
/// places its residency names).
pub(crate) fn reasons(
    profile: &Profile,
    row: &Row<'_>,
    places: &[&str],
    line: &LowIncomeLine,
) -> Vec<String> {
    let mut parts = Vec::new();
    let (structured, from_text) = row.groups();
    let groups = structured | from_text;
    // The groups the client is in, else those the publisher declared (not
    // every group its text happens to mention: "seniors and their caregivers").
    let matched = groups & profile.groups;
    let shown = if matched != 0 { matched } else { structured };
    let ages = row.ages();
    for (bit, group) in Group::ALL.iter().enumerate() {
        if shown & 1 << bit == 0 {
            continue;
        }
        // An age band says more than the group's name: "for youth 16–24".
        let band = ages
            .filter(|_| matches!(group, Group::Youth | Group::Senior))
            .and_then(|(min, max, _)| format_ages(min, max))
            .map(|ages| ages.trim_start_matches("ages ").to_owned());
        let text = if from_text & 1 << bit != 0 && structured & 1 << bit == 0 {
            " (from its eligibility text)"
        } else {
            ""
        };
        match band {
            Some(band) => parts.push(format!("for {} {band}{text}", group.people())),
            None => parts.push(format!("for {}{text}", group.people())),
        }
    }
    if shown == 0 {
        if let Some((min, max, _)) = ages.filter(|&(min, max, _)| targeted_ages(min, max)) {
            if let Some(text) = format_ages(min, max) {
                let who = if max.is_some_and(|m| m <= 30) {
                    if max.is_some_and(|m| m < 12) {
                        "children"
                    } else {
                        "youth"
                    }
                } else {
                    "seniors"
                };
                parts.push(format!("for {who} {}", text.trim_start_matches("ages ")));
            }
        } else if let Some(text) = ages.and_then(|(min, max, _)| format_ages(min, max)) {
            parts.push(text);
        }
    }
    if let Some(limit) = row.income_limit() {
        match (
            profile.income,
            income_limit_for(limit, profile.household_size, line),
        ) {
            (Some(income), Some(max)) if income <= max => {
                parts.push(match (limit.low_income_share, profile.household_size) {
                    (Some(_), Some(1)) => "income under the limit for 1 person".into(),
                    (Some(_), Some(people)) => {
                        format!("income under the limit for {people} people")
                    }
                    _ => "income under the limit".into(),
                });
            }
            (Some(_), Some(_)) => {
                parts.push("income over the limit (from its eligibility text)".into())
            }
            (Some(_), None) => parts.push("income limit depends on household size".into()),
            (None, _) => parts.push("income limit".into()),
        }
    }
    let residency = row.residency();
    let provinces: Vec<&str> = PROVINCES
        .iter()
        .enumerate()
        .filter(|(bit, _)| residency & 1 << bit != 0)
        .map(|(_, code)| *code)
        .collect();
    match (provinces.is_empty(), places.is_empty()) {
        (true, true) => {}
        (false, true) => parts.push(format!("for {} residents", provinces.join("/"))),
        (true, false) => parts.push(format!("for residents of {}", places.join(" or "))),
        (false, false) => parts.push(format!(
            "for {} residents or residents of {}",
            provinces.join("/"),
            places.join(" or ")
        )),
    }
    parts
}

#[cfg(test)]
mod tests {
    use tantivy::directory::OwnedBytes;

    use super::*;
    use crate::format::filters::Filters;
    use crate::model::{AgeRange, EligibilityRules, GroupRule, IncomeLimit, Service};

    /// The filter rows of `rules`, one service each.
    fn rows(rules: Vec<EligibilityRules>) -> Filters {
        let services: Vec<Service> = rules
            .into_iter()
            .map(|eligibility| Service {
                eligibility,
                ..Service::default()
            })
            .collect();
        let section = crate::format::filters::write(&services, &[], |_| None);
        Filters::open(&OwnedBytes::new(section), services.len()).unwrap()
    }

    fn limit(max: Option<f64>, share: Option<f64>, from_text: bool) -> EligibilityRules {
        EligibilityRules {
            income_limit: Some(IncomeLimit {
                max_yearly: max,
                low_income_share: share,
                from_text,
            }),
            ..EligibilityRules::default()
        }
    }

    fn client(income: f64, household: Option<u32>) -> Profile {
        Profile {
            income: Some(income),
            household_size: household,
            ..Profile::default()
        }
    }

    #[test]
    fn an_income_exactly_at_the_limit_is_eligible() {
        let line = LowIncomeLine::lim_at();
        let filters = rows(vec![
            limit(Some(45_000.0), None, false),
            limit(None, Some(1.0), false),
        ]);
        let verdict = |profile: &Profile, service| {
            judge(
                profile,
                &filters.row(service),
                PlaceResidency::Anywhere,
                &line,
            )
            .verdict
        };
        assert_eq!(verdict(&client(45_000.0, None), 0), Eligibility::Eligible);
        assert_eq!(
            verdict(&client(45_000.01, None), 0),
            Eligibility::Ineligible
        );
        // 4 people: the line is 26,503 × 2 = 53,006.
        assert_eq!(
            verdict(&client(53_006.0, Some(4)), 1),
            Eligibility::Eligible
        );
        assert_eq!(
            verdict(&client(53_007.0, Some(4)), 1),
            Eligibility::Ineligible
        );
        // A limit by household size without the size: unknown, not excluded.
        assert_eq!(verdict(&client(53_007.0, None), 1), Eligibility::Unknown);
        let why = reasons(&client(50_000.0, Some(4)), &filters.row(1), &[], &line);
        assert_eq!(why, ["income under the limit for 4 people"]);
    }

    #[test]
    fn household_sizes_beyond_the_table_follow_the_square_root_scale() {
        let line = LowIncomeLine::lim_at();
        assert_eq!(line.thresholds.len(), 7);
        assert_eq!(line.for_household(7), (26_503.0 * 7f64.sqrt()).round());
        let nine = line.for_household(9);
        assert!((nine - 26_503.0 * 3.0).abs() < 2.0, "{nine}");
        assert_eq!(line.for_household(0), line.for_household(1));
    }

    #[test]
    fn income_read_from_text_never_excludes() {
        let line = LowIncomeLine::lim_at();
        let filters = rows(vec![limit(Some(30_000.0), None, true)]);
        let judgement = judge(
            &client(90_000.0, Some(1)),
            &filters.row(0),
            PlaceResidency::Anywhere,
            &line,
        );
        assert_eq!(judgement.verdict, Eligibility::Unknown);
    }

    #[test]
    fn groups_make_fit_and_never_exclude() {
        let line = LowIncomeLine::lim_at();
        let group = |group, from_text| EligibilityRules {
            groups: vec![GroupRule { group, from_text }],
            ..EligibilityRules::default()
        };
        let filters = rows(vec![
            group(Group::Newcomer, false),
            group(Group::Veteran, true),
            EligibilityRules::default(),
            EligibilityRules {
                ages: Some(AgeRange {
                    min: Some(16),
                    max: Some(24),
                    from_text: false,
                }),
                ..EligibilityRules::default()
            },
        ]);
        let newcomer = Profile {
            groups: Profile::groups_of(&[Group::Refugee], Some(30)),
            age: Some(30),
            ..Profile::default()
        };
        let judged = |profile: &Profile, service| {
            judge(
                profile,
                &filters.row(service),
                PlaceResidency::Anywhere,
                &line,
            )
        };
        // A refugee is a newcomer: the newcomers' service is for them.
        assert_eq!(judged(&newcomer, 0).fit, Fit::ForThem);
        assert_eq!(
            judged(&newcomer, 0).verdict,
            Eligibility::Unknown,
            "no age range"
        );
        // The veterans' service (read from text) is for others, yet not excluded.
        assert_eq!(judged(&newcomer, 1).fit, Fit::NotForThem);
        assert_ne!(judged(&newcomer, 1).verdict, Eligibility::Ineligible);
        assert_eq!(judged(&newcomer, 2).fit, Fit::General);
        // A 17-year-old is youth: the 16–24 service is for them.
        let teen = Profile {
            age: Some(17),
            groups: Profile::groups_of(&[], Some(17)),
            ..Profile::default()
        };
        assert_eq!(judged(&teen, 3).fit, Fit::ForThem);
        assert_eq!(
            reasons(&teen, &filters.row(3), &[], &line),
            ["for youth 16–24"]
        );
        assert_eq!(
            reasons(&newcomer, &filters.row(0), &[], &line),
            ["for newcomers"]
        );
        // A group only its text mentions is named for the people in it alone.
        assert!(reasons(&newcomer, &filters.row(1), &[], &line).is_empty());
        let veteran = Profile {
            groups: Profile::groups_of(&[Group::Veteran], None),
            ..Profile::default()
        };
        assert_eq!(
            reasons(&veteran, &filters.row(1), &[], &line),
            ["for veterans (from its eligibility text)"]
        );
    }

    #[test]
    fn residency_by_province() {
        let line = LowIncomeLine::lim_at();
        let filters = rows(vec![EligibilityRules {
            residency: vec!["ON".into()],
            ..EligibilityRules::default()
        }]);
        let at = |province: Option<usize>| Profile {
            province: province_bit(province),
            age: Some(40),
            ..Profile::default()
        };
        let ontario = province_of_postal("P3E2C6");
        let quebec = province_of_postal("H2X1Y4");
        assert_eq!(
            judge(
                &at(ontario),
                &filters.row(0),
                PlaceResidency::Anywhere,
                &line
            )
            .verdict,
            Eligibility::Unknown,
            "no age range"
        );
        assert_eq!(
            judge(
                &at(quebec),
                &filters.row(0),
                PlaceResidency::Anywhere,
                &line
            )
            .verdict,
            Eligibility::Ineligible
        );
        assert_eq!(province_of_place("Sudbury, ON"), ontario);
        assert_eq!(
            reasons(&at(ontario), &filters.row(0), &[], &line),
            ["for ON residents"]
        );
    }

    #[test]
    fn provinces_by_name_are_residency_bits_and_places_are_not() {
        let filters = rows(vec![EligibilityRules {
            residency: vec!["Ontario".into(), "qc".into(), "Thunder Bay".into()],
            ..EligibilityRules::default()
        }]);
        let bit = |code| 1 << PROVINCES.iter().position(|p| *p == code).unwrap();
        assert_eq!(filters.row(0).residency(), bit("ON") | bit("QC"));
    }

    #[test]
    fn residency_by_place_inside_outside_and_unknown() {
        let line = LowIncomeLine::lim_at();
        // Thunder Bay only (a place: no province bit), and Quebec or Thunder Bay.
        let filters = rows(vec![
            EligibilityRules {
                residency: vec!["Thunder Bay".into()],
                ..EligibilityRules::default()
            },
            EligibilityRules {
                residency: vec!["QC".into(), "Thunder Bay".into()],
                ..EligibilityRules::default()
            },
        ]);
        let at = |postal: &str| Profile {
            province: province_bit(province_of_postal(postal)),
            ..Profile::default()
        };
        let verdict = |profile: &Profile, service, places| {
            judge(profile, &filters.row(service), places, &line).verdict
        };
        use PlaceResidency::{NotResident, Resident, Unknown};
        let (thunder_bay, sudbury, montreal) = (at("P7B"), at("P3E"), at("H2X"));
        assert_eq!(verdict(&thunder_bay, 0, Resident), Eligibility::Eligible);
        assert_eq!(verdict(&sudbury, 0, NotResident), Eligibility::Ineligible);
        assert_eq!(
            verdict(&Profile::default(), 0, Unknown),
            Eligibility::Unknown,
            "no place known"
        );
        // A resident of any of its provinces or places.
        assert_eq!(verdict(&thunder_bay, 1, Resident), Eligibility::Eligible);
        assert_eq!(verdict(&montreal, 1, NotResident), Eligibility::Eligible);
        assert_eq!(verdict(&sudbury, 1, NotResident), Eligibility::Ineligible);
        assert_eq!(verdict(&sudbury, 1, Unknown), Eligibility::Unknown);
        assert_eq!(
            verdict(&Profile::default(), 1, NotResident),
            Eligibility::Unknown,
            "the province is not known"
        );
        assert_eq!(
            reasons(&thunder_bay, &filters.row(0), &["Thunder Bay"], &line),
            ["for residents of Thunder Bay"]
        );
        assert_eq!(
            reasons(
                &thunder_bay,
                &filters.row(1),
                &["Thunder Bay", "Kenora"],
                &line
            ),
            ["for QC residents or residents of Thunder Bay or Kenora"]
        );
        // Neither a province nor a place: no rule.
        assert_eq!(residency(0, 0, PlaceResidency::Anywhere), None);
    }
}
