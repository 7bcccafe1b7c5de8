//! Who a service is for, beyond ages and genders: the groups it is made for
//! (seniors, newcomers, veterans…), a household income limit, and where
//! people must live. Read the same way for every format, once a service is
//! whole:
//!
//! - structured: taxonomy terms and attributes that name a group ("Veterans",
//!   "Older Adults", a "Target populations" term), HSDS 1 `eligibility` rows
//!   that are a group's name, and attributes of the taxonomy
//!   `servicematch-eligibility` (terms `income-limit`, `income-limit-lim`,
//!   `residency`, `group`, each with a `value`), the structured form the
//!   demo directory uses; a `residency` value lists provinces by code and
//!   places by name ("ON", "Thunder Bay; Kenora");
//! - marked as read from text (never excluding anyone): groups and income
//!   limits named in the eligibility description ("for newcomers",
//!   "household income under $45,000", "below 150% of the low-income measure").

use servicematch::{Group, GroupRule, IncomeLimit, Service};

/// The taxonomy of structured eligibility attributes.
pub const ELIGIBILITY_TAXONOMY: &str = "servicematch-eligibility";

/// Adds the groups named by the service's categories and read from its
/// eligibility text, and an income limit read from the text when no
/// structured one was given.
pub(crate) fn complete(service: &mut Service) {
    let rules = &mut service.eligibility;
    for category in &service.categories {
        let names = std::iter::once(category.name.as_str())
            .chain(category.ancestors.iter().map(|t| t.name.as_str()));
        for name in names {
            if let Some(group) = group_of_term(name) {
                add_group(&mut rules.groups, group, false);
            }
        }
    }
    if let Some(text) = rules.description.clone() {
        for group in groups_in_text(&text) {
            add_group(&mut rules.groups, group, true);
        }
        if rules.income_limit.is_none() {
            rules.income_limit = income_limit_in_text(&text);
        }
    }
}

/// Adds `group` unless it is there; structured data wins over text.
pub(crate) fn add_group(groups: &mut Vec<GroupRule>, group: Group, from_text: bool) {
    match groups.iter_mut().find(|rule| rule.group == group) {
        Some(rule) => rule.from_text &= from_text,
        None => groups.push(GroupRule { group, from_text }),
    }
}

/// The group a taxonomy term names: the whole name ("Veterans", "Older
/// Adults", "Refugees") or a population term ("Target Populations >
/// Seniors" arrives as its own name).
pub(crate) fn group_of_term(name: &str) -> Option<Group> {
    Group::parse(name).or_else(|| {
        let lower = name.to_lowercase();
        lower
            .strip_suffix(" only")
            .or_else(|| lower.strip_prefix("services for "))
            .and_then(Group::parse)
    })
}

/// Words and phrases that name a group inside eligibility text.
const GROUP_WORDS: &[(&str, Group)] = &[
    ("senior", Group::Senior),
    ("older adult", Group::Senior),
    ("aîné", Group::Senior),
    ("youth", Group::Youth),
    ("jeunes", Group::Youth),
    ("newcomer", Group::Newcomer),
    ("immigrant", Group::Newcomer),
    ("nouveaux arrivants", Group::Newcomer),
    ("refugee", Group::Refugee),
    ("réfugié", Group::Refugee),
    ("indigenous", Group::Indigenous),
    ("first nations", Group::Indigenous),
    ("autochtone", Group::Indigenous),
    ("veteran", Group::Veteran),
    ("anciens combattants", Group::Veteran),
    ("disabilit", Group::Disability),
    ("handicap", Group::Disability),
    ("pregnan", Group::Pregnant),
    ("enceinte", Group::Pregnant),
    ("caregiver", Group::Caregiver),
    ("proches aidants", Group::Caregiver),
    ("student", Group::Student),
    ("étudiant", Group::Student),
    ("lgbtq", Group::Lgbtq),
    ("2slgbtq", Group::Lgbtq),
    ("homeless", Group::Homeless),
    ("sans-abri", Group::Homeless),
];

/// The groups an eligibility text names ("Open to newcomers and refugees").
pub(crate) fn groups_in_text(text: &str) -> Vec<Group> {
    let lower = text.to_lowercase();
    let mut groups = Vec::new();
    for &(word, group) in GROUP_WORDS {
        if lower.contains(word) && !groups.contains(&group) {
            groups.push(group);
        }
    }
    groups
}

/// An income limit named in eligibility text: a dollar amount after
/// "income" ("household income under $45,000"), or a percentage of the
/// low-income measure ("up to 150% of the LIM", "below the low-income
/// measure"). Marked as read from text.
pub(crate) fn income_limit_in_text(text: &str) -> Option<IncomeLimit> {
    let lower = text.to_lowercase();
    let at = lower.find("income")?;
    let after = &lower[at..];
    let window: String = after.chars().take(80).collect();
    let mentions_line = [
        "low-income measure",
        "low income measure",
        "lim",
        "seuil de faible revenu",
    ]
    .iter()
    .any(|w| window.contains(w));
    if mentions_line {
        let share = window
            .split('%')
            .next()
            .filter(|before| before.len() < window.len())
            .and_then(|before| {
                before
                    .split(|c: char| !c.is_ascii_digit())
                    .rfind(|w| !w.is_empty())
            })
            .and_then(|digits| digits.parse::<f64>().ok())
            .map_or(1.0, |percent| percent / 100.0);
        return Some(IncomeLimit {
            max_yearly: None,
            low_income_share: Some(share),
            from_text: true,
        });
    }
    let dollars = window.split('$').nth(1)?;
    let digits: String = dollars
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == ' ')
        .filter(char::is_ascii_digit)
        .collect();
    let amount: f64 = digits.parse().ok()?;
    (amount >= 1000.0).then_some(IncomeLimit {
        max_yearly: Some(amount),
        low_income_share: None,
        from_text: true,
    })
}

/// A structured eligibility attribute (taxonomy [`ELIGIBILITY_TAXONOMY`]):
/// applies it to `service`, or says why it cannot.
pub(crate) fn apply_attribute(
    service: &mut Service,
    term: &str,
    value: &str,
) -> Result<(), String> {
    let rules = &mut service.eligibility;
    let value = value.trim();
    let number = || {
        value
            .replace([',', '$', ' '], "")
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite() && *n > 0.0)
            .ok_or_else(|| format!("{term} \"{value}\" is not a positive number"))
    };
    match term.trim().to_lowercase().as_str() {
        "income-limit" => {
            let limit = rules.income_limit.get_or_insert_with(IncomeLimit::default);
            limit.max_yearly = Some(number()?);
            limit.from_text = false;
        }
        "income-limit-lim" => {
            let limit = rules.income_limit.get_or_insert_with(IncomeLimit::default);
            limit.low_income_share = Some(number()?);
            limit.from_text = false;
        }
        "residency" => {
            // Provinces by code ("ON", "ON QC") and places by name ("Thunder
            // Bay"), separated by commas or semicolons.
            for part in value.split([',', ';']).map(str::trim) {
                let words: Vec<&str> = part.split_whitespace().collect();
                let codes = words
                    .iter()
                    .all(|w| w.len() == 2 && w.chars().all(|c| c.is_ascii_alphabetic()));
                match codes {
                    true => rules
                        .residency
                        .extend(words.iter().map(|code| code.to_uppercase())),
                    false => rules.residency.push(words.join(" ")),
                }
            }
        }
        "group" => {
            let group = Group::parse(value)
                .ok_or_else(|| format!("group \"{value}\" is not a group servicematch knows"))?;
            add_group(&mut rules.groups, group, false);
        }
        other => {
            return Err(format!(
                "eligibility attribute \"{other}\" is not one servicematch reads"
            ))
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_from_terms_and_text() {
        assert_eq!(group_of_term("Veterans"), Some(Group::Veteran));
        assert_eq!(group_of_term("Older Adults"), Some(Group::Senior));
        assert_eq!(group_of_term("Food Pantries"), None);
        assert_eq!(
            groups_in_text("Open to newcomers and refugees; seniors welcome"),
            [Group::Senior, Group::Newcomer, Group::Refugee]
        );
    }

    #[test]
    fn income_limits_from_text_never_structured() {
        let limit = income_limit_in_text("Household income under $45,000 a year").unwrap();
        assert_eq!(limit.max_yearly, Some(45_000.0));
        assert!(limit.from_text);
        let limit =
            income_limit_in_text("Income up to 150% of the low-income measure (LIM)").unwrap();
        assert_eq!(limit.low_income_share, Some(1.5));
        assert_eq!(income_limit_in_text("No income test"), None);
    }

    #[test]
    fn structured_attributes() {
        let mut service = Service::default();
        apply_attribute(&mut service, "income-limit-lim", "1.25").unwrap();
        apply_attribute(&mut service, "residency", "ON").unwrap();
        apply_attribute(&mut service, "group", "newcomers").unwrap();
        let rules = &service.eligibility;
        assert_eq!(rules.income_limit.unwrap().low_income_share, Some(1.25));
        assert!(!rules.income_limit.unwrap().from_text);
        assert_eq!(rules.residency, ["ON"]);
        assert_eq!(
            rules.groups,
            [GroupRule {
                group: Group::Newcomer,
                from_text: false
            }]
        );
        let err = apply_attribute(&mut service, "income-limit", "lots").unwrap_err();
        assert_eq!(err, "income-limit \"lots\" is not a positive number");
    }

    #[test]
    fn residency_names_provinces_by_code_and_places_by_name() {
        let mut service = Service::default();
        apply_attribute(&mut service, "residency", "on qc").unwrap();
        apply_attribute(
            &mut service,
            "residency",
            "Thunder  Bay; City of Greater Sudbury,",
        )
        .unwrap();
        apply_attribute(&mut service, "residency", "ON, Ottawa").unwrap();
        assert_eq!(
            service.eligibility.residency,
            [
                "ON",
                "QC",
                "Thunder Bay",
                "City of Greater Sudbury",
                "ON",
                "Ottawa"
            ]
        );
    }
}
