//! How a matching service is scored, and how the score is explained.
//!
//! A hit's score is a product of factors, each in (0, 1] except text:
//!
//! - text: BM25F over the service's text (parts weighted, see
//!   `text::schema`; each word by its English and French stems), times
//!   [`SOME_WORDS`] when the service has only some of
//!   several words (1 without text);
//! - distance: [`decay`](crate::geo::decay) of the distance to the nearest location;
//! - language: 1 when the service offers a preferred language,
//!   [`LANGUAGE_UNLISTED`] when it lists no language, [`LANGUAGE_OTHER`] when
//!   it lists only others;
//! - eligibility: 1 when the client's profile fits, [`ELIGIBILITY_UNKNOWN`]
//!   when the data does not say. Ineligible services are not scored at all.
//!
//! Ties break on the service id (services are stored in id order).

use crate::model::Gender;
use crate::results::Eligibility;

/// Text factor of a service with only some of the words of a several-word
/// text: "aide alimentaire" is food help; "aide" alone is any help.
pub const SOME_WORDS: f32 = 0.5;

/// Language factor of a service that lists no language.
pub const LANGUAGE_UNLISTED: f32 = 0.4;
/// Language factor of a service that lists languages, none of them preferred.
pub const LANGUAGE_OTHER: f32 = 0.3;
/// Eligibility factor when the data cannot tell.
pub const ELIGIBILITY_UNKNOWN: f32 = 0.8;
/// Distance factor of a service without any location, when the query is near a place.
pub const DISTANCE_UNKNOWN: f32 = 0.25;

/// Whether a client fits a service's structured eligibility.
///
/// `ages` is the service's (min, max, read-from-text) range; `serves_gender`
/// is `None` when the service does not restrict by gender. A range read from
/// free text never rules anyone out by itself: a mismatch is `Unknown`.
pub(crate) fn eligibility(
    age: Option<u8>,
    gender: Option<Gender>,
    ages: Option<(Option<u8>, Option<u8>, bool)>,
    serves_gender: impl Fn(Gender) -> Option<bool>,
) -> Eligibility {
    let mut verdict = Eligibility::Eligible;
    if let Some(age) = age {
        match ages {
            None => verdict = Eligibility::Unknown,
            Some((min, max, from_text)) => {
                let fits = min.is_none_or(|m| age >= m) && max.is_none_or(|m| age <= m);
                if !fits {
                    if from_text {
                        verdict = Eligibility::Unknown;
                    } else {
                        return Eligibility::Ineligible;
                    }
                }
            }
        }
    }
    if let Some(gender) = gender {
        if serves_gender(gender) == Some(false) {
            return Eligibility::Ineligible;
        }
    }
    verdict
}

/// The eligibility factor of the score.
pub(crate) fn eligibility_factor(verdict: Option<Eligibility>) -> f32 {
    match verdict {
        Some(Eligibility::Unknown) => ELIGIBILITY_UNKNOWN,
        _ => 1.0,
    }
}

/// The language factor of the score: `(lists any language, offers a preferred one)`.
pub(crate) fn language_factor(languages: Option<(bool, bool)>) -> f32 {
    match languages {
        None | Some((_, true)) => 1.0,
        Some((false, false)) => LANGUAGE_UNLISTED,
        Some((true, false)) => LANGUAGE_OTHER,
    }
}

/// A distance for people: "350 m", "1.2 km", "35 km".
pub fn format_distance(km: f64) -> String {
    if km < 1.0 {
        format!("{} m", ((km * 1000.0) / 10.0).round() as u64 * 10)
    } else if km < 10.0 {
        format!("{km:.1} km")
    } else {
        format!("{km:.0} km")
    }
}

/// An age range for people: "ages 65+", "ages 16–24", "under 18".
pub fn format_ages(min: Option<u8>, max: Option<u8>) -> Option<String> {
    match (min, max) {
        (Some(0) | None, Some(max)) => Some(format!("ages 0–{max}")),
        (Some(min), None) => Some(format!("ages {min}+")),
        (Some(min), Some(max)) => Some(format!("ages {min}–{max}")),
        (None, None) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn structured_ages_decide() {
        let seniors = Some((Some(65), None, false));
        assert_eq!(
            eligibility(Some(72), None, seniors, |_| None),
            Eligibility::Eligible
        );
        assert_eq!(
            eligibility(Some(30), None, seniors, |_| None),
            Eligibility::Ineligible
        );
        assert_eq!(
            eligibility(Some(30), None, None, |_| None),
            Eligibility::Unknown
        );
    }

    #[test]
    fn text_ages_never_exclude() {
        let from_text = Some((Some(65), None, true));
        assert_eq!(
            eligibility(Some(30), None, from_text, |_| None),
            Eligibility::Unknown
        );
    }

    #[test]
    fn gender_restrictions() {
        let women_only = |g: Gender| Some(g == Gender::Female);
        assert_eq!(
            eligibility(None, Some(Gender::Male), None, women_only),
            Eligibility::Ineligible
        );
        assert_eq!(
            eligibility(None, Some(Gender::Female), None, women_only),
            Eligibility::Eligible
        );
    }

    #[test]
    fn people_formats() {
        assert_eq!(format_distance(0.347), "350 m");
        assert_eq!(format_distance(1.23), "1.2 km");
        assert_eq!(format_distance(35.4), "35 km");
        assert_eq!(format_ages(Some(65), None).unwrap(), "ages 65+");
        assert_eq!(format_ages(Some(16), Some(24)).unwrap(), "ages 16–24");
    }
}
