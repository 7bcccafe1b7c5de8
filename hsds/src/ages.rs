//! Ages served: from structured minimum/maximum columns, from HSDS 1.x
//! eligibility categories, and, conservatively, from eligibility text.
//!
//! Structured columns are trusted ([`AgeRange::from_text`] false). Text is
//! read only where it states an age plainly ("ages 18-24", "65 and older",
//! "seniors 60+", "under 18", "birth to 5"); a text that states two
//! different ranges is left alone, and every range read from text is marked
//! [`AgeRange::from_text`], so it never rules a client out by itself.

use std::sync::OnceLock;

use regex::Regex;

use servicematch::AgeRange;

/// The oldest age a range bound may name; above it the bound is "no limit".
const NO_LIMIT_FROM: u8 = 100;

/// A number of years, as a minimum or maximum age column holds it.
///
/// # Errors
/// The reason, naming the value, when it is not a whole number of years.
pub(crate) fn years(value: f64) -> Result<u8, String> {
    if value.fract() == 0.0 && (0.0..=130.0).contains(&value) {
        Ok(value as u8)
    } else {
        Err(format!("{value} is not an age in years"))
    }
}

/// A range from structured bounds. 0 as a minimum and 100 or more as a
/// maximum are how exports spell "no limit"; no bound at all is `None`.
///
/// # Errors
/// The reason when the minimum is above the maximum.
pub(crate) fn range(min: Option<u8>, max: Option<u8>) -> Result<Option<AgeRange>, String> {
    if let (Some(min), Some(max)) = (min, max) {
        if min > max {
            return Err(format!(
                "minimum_age {min} is above maximum_age {max}; ages left out"
            ));
        }
    }
    Ok(bounded(min, max, false))
}

fn bounded(min: Option<u8>, max: Option<u8>, from_text: bool) -> Option<AgeRange> {
    let min = min.filter(|&m| m > 0);
    let max = max.filter(|&m| m < NO_LIMIT_FROM);
    (min.is_some() || max.is_some()).then_some(AgeRange {
        min,
        max,
        from_text,
    })
}

/// The range an HSDS 1.x eligibility category implies ("adult", "child",
/// "teen", "senior"), marked as read from text: the categories are words,
/// not ages.
pub(crate) fn from_category(category: &str) -> Option<AgeRange> {
    let (min, max) = match category.trim().to_lowercase().trim_end_matches('s') {
        "adult" => (Some(18), None),
        "child" | "children" | "kid" => (None, Some(17)),
        "teen" | "adolescent" => (Some(13), Some(19)),
        "senior" | "older adult" | "elder" => (Some(60), None),
        _ => return None,
    };
    bounded(min, max, true)
}

/// The one age range a text states, if it states exactly one.
pub(crate) fn from_text(text: &str) -> Option<AgeRange> {
    let text = text
        .to_lowercase()
        .replace(['\u{2013}', '\u{2014}', '\u{2012}'], "-")
        .replace(" through ", " to ")
        .replace(" thru ", " to ");
    let mut found: Option<(Option<u8>, Option<u8>)> = None;
    for (pattern, shape) in patterns() {
        for captures in pattern.captures_iter(&text) {
            // Alternatives have their own groups: the numbers are the groups that matched.
            let numbers: Vec<u8> = captures
                .iter()
                .skip(1)
                .flatten()
                .filter_map(|m| m.as_str().parse().ok())
                .collect();
            let bounds = match (shape, numbers.as_slice()) {
                (Shape::Range, &[a, b, ..]) if a < b => (Some(a), Some(b)),
                (Shape::AtLeast, &[n, ..]) => (Some(n), None),
                (Shape::AtMost, &[n, ..]) => (None, Some(n)),
                (Shape::Below, &[n, ..]) if n > 0 => (None, Some(n - 1)),
                _ => continue,
            };
            if bounds.0.is_some_and(|n| n > 120) || bounds.1.is_some_and(|n| n > 120) {
                continue;
            }
            match found {
                None => found = Some(bounds),
                Some(earlier) if earlier == bounds => {}
                // Two different ranges: the text is not plain enough.
                Some(_) => return None,
            }
        }
    }
    let (min, max) = found?;
    bounded(min, max, true)
}

/// Widens `a` to cover `b` too (a service for adults and for children
/// serves both).
pub(crate) fn union(a: Option<AgeRange>, b: Option<AgeRange>) -> Option<AgeRange> {
    match (a, b) {
        (None, other) | (other, None) => other,
        (Some(a), Some(b)) => bounded(
            a.min.zip(b.min).map(|(x, y)| x.min(y)),
            a.max.zip(b.max).map(|(x, y)| x.max(y)),
            a.from_text || b.from_text,
        ),
    }
}

#[derive(Clone, Copy)]
enum Shape {
    Range,
    AtLeast,
    AtMost,
    Below,
}

fn patterns() -> &'static [(Regex, Shape)] {
    static PATTERNS: OnceLock<Vec<(Regex, Shape)>> = OnceLock::new();
    const YEARS: &str = r"(?:years?|yrs?\.?|y/?o)";
    PATTERNS.get_or_init(|| {
        let compile = |pattern: String, shape| {
            (Regex::new(&pattern).expect("age patterns are valid"), shape)
        };
        vec![
            // "ages 18-24", "aged 5 to 12", "between the ages of 18 and 24"
            compile(
                r"\b(?:ages?|aged|between the ages of)\s*(\d{1,3})\s*(?:-|to|and)\s*(\d{1,3})\b".into(),
                Shape::Range,
            ),
            // "5-17 years old", "18 to 24 years", "between 16 and 24 years old"
            compile(format!(r"\b(?:between\s*)?(\d{{1,3}})\s*(?:-|to|and)\s*(\d{{1,3}})\s*(?:-\s*)?{YEARS}"), Shape::Range),
            // French: "de 16 à 24 ans", "âgés de 0 à 6 ans"
            compile(r"\b(\d{1,3})\s*(?:à|-)\s*(\d{1,3})\s*ans\b".into(), Shape::Range),
            // French: "18 ans et plus", "65 ans ou plus"
            compile(r"\b(\d{1,3})\s*ans\s*(?:et|ou)\s*plus\b".into(), Shape::AtLeast),
            // French: "jusqu'à 12 ans", "de la naissance à 6 ans"
            compile(r"(?:\bjusqu['’]à\s*(?:l['’]âge de\s*)?|\bnaissance\s*à\s*)(\d{1,3})\s*ans\b".into(), Shape::AtMost),
            // French: "moins de 18 ans"
            compile(r"\bmoins de\s*(\d{1,3})\s*ans\b".into(), Shape::Below),
            // "ages 18+", "seniors 60+", "women 16+", "adults 18 and older", "age 18 and up"
            compile(
                r"\b(?:ages?|aged|seniors?|adults?|women|men|youth|teens?|girls|boys|people|persons|individuals)\s*(\d{1,3})\s*(?:\+|and (?:older|over|up|above)|or (?:older|over|above))".into(),
                Shape::AtLeast,
            ),
            // "65 and older", "60 years or older", "18 years of age and older"
            compile(
                format!(r"\b(\d{{1,3}})\s*(?:{YEARS}\s*)?(?:of age\s*)?(?:and|or) older\b"),
                Shape::AtLeast,
            ),
            // "18 years and over", "21 years of age or above"
            compile(
                format!(r"\b(\d{{1,3}})\s*{YEARS}\s*(?:of age\s*)?(?:and|or) (?:over|up|above)\b"),
                Shape::AtLeast,
            ),
            // "over 18 years old", "older than 21 years", "over the age of 55",
            // "must be over 18", "at least 16 years"
            compile(
                format!(r"\b(?:over|older than)\s*(?:the age of\s*(\d{{1,3}})|(?:age\s*)?(\d{{1,3}})\s*{YEARS})|\bmust be (?:over|at least)\s*(?:age\s*)?(\d{{1,3}})\b(?:[^%\d]|$)|\bat least (\d{{1,3}})\s*{YEARS}"),
                Shape::AtLeast,
            ),
            // "12 and under", "5 years or younger", "children 12 and under"
            compile(
                format!(r"\b(\d{{1,3}})\s*(?:{YEARS}\s*)?(?:of age\s*)?(?:and|or) younger\b|\b(\d{{1,3}})\s*{YEARS}\s*(?:of age\s*)?(?:and|or) (?:under|below)\b|\b(?:children|youth|kids|ages?)\s*(\d{{1,3}})\s*(?:and|or) (?:under|below)\b"),
                Shape::AtMost,
            ),
            // "birth to 5", "up to age 21", "up to 21 years" (not "up to 6 months")
            compile(
                format!(r"\bbirth\s*(?:-|to)\s*(\d{{1,3}})\s*(?:{YEARS}|[^m\d\s]|$)|\bup to age\s*(\d{{1,3}})\b|\bup to (\d{{1,3}})\s*{YEARS}"),
                Shape::AtMost,
            ),
            // "under 18", "under the age of 21", "younger than 6 years"
            compile(
                format!(r"\b(?:under|younger than|below)\s*(?:the age of\s*|age\s*)(\d{{1,3}})\b|\b(?:children|youth|kids|teens|persons|people|those|individuals)\s+(?:under|younger than)\s*(\d{{1,3}})\b\s*(?:{YEARS})?(?:[^%\d]|$)|\b(?:under|younger than)\s*(\d{{1,3}})\s*{YEARS}"),
                Shape::Below,
            ),
        ]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(min: Option<u8>, max: Option<u8>) -> Option<AgeRange> {
        Some(AgeRange {
            min,
            max,
            from_text: true,
        })
    }

    #[test]
    fn plain_ages_in_eligibility_text() {
        for (words, want) in [
            ("Ages 18-24.", text(Some(18), Some(24))),
            ("Youth ages 14 to 21", text(Some(14), Some(21))),
            ("Between the ages of 18 and 64", text(Some(18), Some(64))),
            ("Children 5-12 years old", text(Some(5), Some(12))),
            ("65 and older", text(Some(65), None)),
            ("Seniors 60+", text(Some(60), None)),
            ("Ages 18 and older.", text(Some(18), None)),
            ("Persons 60 years of age or older", text(Some(60), None)),
            ("Adults over the age of 55", text(Some(55), None)),
            ("Children 12 and under", text(None, Some(12))),
            ("Youth under 18", text(None, Some(17))),
            ("Under the age of 21", text(None, Some(20))),
            ("Birth to 5", text(None, Some(5))),
            (
                "Young people between 16 and 24 years old.",
                text(Some(16), Some(24)),
            ),
            (
                "Self-identified women 16+, including trans women.",
                text(Some(16), None),
            ),
            ("Adultes de 18 ans et plus.", text(Some(18), None)),
            ("Jeunes âgés de 16 à 24 ans.", text(Some(16), Some(24))),
            (
                "Enfants jusqu'à 12 ans accompagnés d'un parent.",
                text(None, Some(12)),
            ),
            ("Enfants de la naissance à 6 ans.", text(None, Some(6))),
            ("Jeunes de moins de 18 ans", text(None, Some(17))),
            ("Persons age13 and older.", text(Some(13), None)),
            ("Families with children (0-21 years)", text(None, Some(21))),
            (
                "Girls 5 to 17 years old in Miami-Dade.",
                text(Some(5), Some(17)),
            ),
        ] {
            assert_eq!(from_text(words), want, "{words}");
        }
    }

    #[test]
    fn unclear_text_gives_no_ages() {
        for words in [
            "Open to anyone.",
            "Serves all ages.",
            "Families under 200% of the federal poverty level",
            "Serves 100+ families a week",
            "Must live in zip codes 21201-21231",
            // Two different ranges: not plain enough.
            "All girls, 5-17 years old. Adult members over 18 years old.",
            "$50 fee; $25 for juveniles",
            // Months, not years.
            "Must be pregnant or postpartum with a child up to 6 months of age.",
            "Infants from birth to 18 months",
        ] {
            assert_eq!(from_text(words), None, "{words}");
        }
    }

    #[test]
    fn structured_bounds() {
        assert_eq!(
            range(Some(12), Some(100)),
            Ok(Some(AgeRange {
                min: Some(12),
                max: None,
                from_text: false
            }))
        );
        assert_eq!(range(Some(0), None), Ok(None));
        assert!(range(Some(65), Some(18))
            .unwrap_err()
            .contains("65 is above maximum_age 18"));
        assert_eq!(years(12.0), Ok(12));
        assert!(years(12.5).is_err());
    }

    #[test]
    fn categories_and_union() {
        let adults = from_category("adult");
        let children = from_category("Children");
        assert_eq!(adults, text(Some(18), None));
        // Adults and children: every age.
        assert_eq!(union(adults, children), None);
        assert_eq!(union(from_category("teen"), children), text(None, Some(19)));
        assert_eq!(from_category("family"), None);
    }

    #[test]
    fn text_agrees_with_the_structured_ages_of_the_demo_directory() {
        // The bundled demo directory states ages both ways, in English and French.
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../examples/data/community-services.json"
        );
        let services: Vec<serde_json::Value> =
            serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        let (mut agree, mut silent) = (0, 0);
        for service in &services {
            let Some(words) = service["eligibility_description"].as_str() else {
                continue;
            };
            let bound = |key: &str| service[key].as_u64().map(|n| n as u8);
            let Ok(Some(structured)) = range(bound("minimum_age"), bound("maximum_age")) else {
                continue;
            };
            match from_text(words) {
                Some(read) => {
                    assert_eq!(
                        (read.min, read.max),
                        (structured.min, structured.max),
                        "{words}"
                    );
                    agree += 1;
                }
                None => silent += 1,
            }
        }
        assert!(
            agree > 9 * (agree + silent) / 10,
            "{agree} read, {silent} not read"
        );
    }
}
