//! How a matching service is scored: every factor of the score, their
//! product, and the upper bounds that the search loops trust to skip
//! services. A change of a weight is one edit here; the loops in `search`
//! only ask this module.
//!
//! A hit's score is a product of factors, each in (0, 1] except text:
//!
//! - text: BM25F over the service's text (parts weighted, see
//!   `text::schema`; each word by its English and French stems), times
//!   [`SOME_WORDS`] when the service has only some of
//!   several words (1 without text);
//! - distance: [`decay`] of the distance to the nearest location, on a
//!   scale that adapts to what is reachable from the caller
//!   ([`distance_scale`]: a caller far from every matching service still
//!   gets the best matches first), [`DISTANCE_UNKNOWN`] for a service
//!   without a location;
//! - language: 1 when the service offers a preferred language,
//!   [`LANGUAGE_UNLISTED`] when it lists no language, [`LANGUAGE_OTHER`] when
//!   it lists only others;
//! - eligibility: 1 when the client's profile fits, [`ELIGIBILITY_UNKNOWN`]
//!   when the data does not say. Ineligible services are not scored at all;
//! - open hours ([`open_factor`]), when the query asks for a time: 1 when
//!   the service is open then, [`HOURS_UNKNOWN`] when its hours are
//!   unknown. Services closed then are not scored at all.
//! - fit, with a client profile: 1 for a service made for the person (its
//!   groups, age band or gender meet the profile), [`FIT_GENERAL`] for a
//!   service for everyone, [`FIT_OTHERS`] for one made for others.
//!
//! Ties break on the service id (services are stored in id order).
//!
//! # Bounds
//! Every factor but text is at most 1 and the distance factor falls with
//! distance, so a service's score is at most its text factor, which is at
//! most its BM25 ([`bound`]). Pruning (the postings' MaxScore walk and
//! block-max WAND, the rings around a place, the nearest-first walk) relies
//! on these bounds and on nothing else.

use crate::eligibility::Fit;
use crate::results::Eligibility;

/// Text factor of a service with only some of the words of a several-word
/// text: "aide alimentaire" is food help; "aide" alone is any help.
pub const SOME_WORDS: f32 = 0.5;

/// Weight of a need of the layperson vocabulary, per word of the caller's
/// phrase that names it, next to a word the caller typed (1): a service
/// that names the need in other words ("emergency shelter" for "somewhere
/// to sleep") ranks below one that says the caller's own words. Fitted on
/// the relevance harness's tuning part (`benches/results/RELEVANCE.md`).
pub const VOCABULARY_WEIGHT: f32 = 0.9;

/// The weight of the term of a need named by a phrase of `words` words
/// (stop words aside): [`VOCABULARY_WEIGHT`] per word, as if each word of
/// the phrase had a synonym.
pub(crate) fn vocabulary_weight(words: usize) -> f32 {
    VOCABULARY_WEIGHT * words.max(1) as f32
}

/// Weight of a category the query's words predict (learned from the
/// directory's coded services, see `text::categories`), at full strength,
/// next to a word the caller typed (1). Fitted on the relevance harness's
/// tuning part.
pub const CATEGORY_WEIGHT: f32 = 0.5;

/// The weight of a predicted category's term, for a prediction of
/// `strength` (a smoothed P(category | word), in (0, 1]).
pub(crate) fn category_weight(strength: f32) -> f32 {
    CATEGORY_WEIGHT * strength
}

/// Language factor of a service that lists no language.
pub const LANGUAGE_UNLISTED: f32 = 0.4;
/// Language factor of a service that lists languages, none of them preferred.
pub const LANGUAGE_OTHER: f32 = 0.3;
/// Eligibility factor when the data cannot tell.
pub const ELIGIBILITY_UNKNOWN: f32 = 0.8;
/// Distance factor of a service whose declared area holds the caller's
/// place but whose offices are far: reachable (a telephone line, an
/// outreach team), ranked as an office one half-life away would be, so
/// that province-wide lines do not crowd out the offices nearby.
pub const SERVES_HERE: f32 = 0.5;

/// The distance factor of a service whose declared area holds the caller:
/// its office's decay, at least [`SERVES_HERE`].
///
/// # Units
/// Kilometres in.
pub(crate) fn serving_factor(km: Option<f64>, scale: DistanceScale) -> f32 {
    km.map_or(SERVES_HERE, |km| scale.decay(km).max(SERVES_HERE))
}

/// Area factor of a service whose declared service area does not hold the
/// caller (its offices may be near, but it may not take them).
pub const OUTSIDE_AREA: f32 = 0.5;

/// The service-area factor: 1 when the service declares no area or serves
/// the caller's place, [`OUTSIDE_AREA`] when its declared area excludes it.
/// A service that serves the caller's place also counts as "here" for the
/// distance decay (see `search`): such services are scored before any
/// pruning by distance.
pub(crate) fn area_factor(outside: bool) -> f32 {
    match outside {
        true => OUTSIDE_AREA,
        false => 1.0,
    }
}

/// Open-hours factor of a service whose hours are unknown, when the query
/// asks for services open at a time: below every open one at equal text.
pub const HOURS_UNKNOWN: f32 = 0.6;
/// Fit factor of a service for everyone, when the client gave a profile: a
/// service made for them (a youth shelter for a 17-year-old) ranks above it.
pub const FIT_GENERAL: f32 = 0.85;
/// Fit factor of a service made for others (a women's shelter, a seniors'
/// program) that nothing in the profile excluded: not put first for it.
pub const FIT_OTHERS: f32 = 0.7;
/// Distance factor of a service without any location, when the query is near a place.
pub const DISTANCE_UNKNOWN: f32 = 0.25;

/// Distance decay of the score: 1 up to [`DECAY_OFFSET_KM`], then halving every
/// [`DECAY_HALF_LIFE_KM`] (an exponential decay with offset, as search engines'
/// function scores have): [`DistanceScale::URBAN`]'s decay.
///
/// # Units
/// Kilometres in; a factor in (0, 1] out.
pub fn decay(distance_km: f64) -> f32 {
    DistanceScale::URBAN.decay(distance_km)
}

/// The scale of one query's distance decay: 1 up to `offset_km`, then
/// halving every `half_life_km`.
///
/// # Units
/// Kilometres.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DistanceScale {
    /// Distances up to this count as "here".
    pub offset_km: f64,
    /// Every this many kilometres beyond the offset halves the factor.
    pub half_life_km: f64,
}

impl DistanceScale {
    /// The scale where services are near: [`DECAY_OFFSET_KM`], [`DECAY_HALF_LIFE_KM`].
    pub const URBAN: DistanceScale = DistanceScale {
        offset_km: DECAY_OFFSET_KM,
        half_life_km: DECAY_HALF_LIFE_KM,
    };

    /// The factor at `distance_km`: non-increasing in it, in (0, 1].
    ///
    /// # Units
    /// Kilometres in.
    pub fn decay(&self, distance_km: f64) -> f32 {
        let beyond = (distance_km - self.offset_km).max(0.0);
        ((0.5f64).powf(beyond / self.half_life_km) as f32).max(f32::MIN_POSITIVE)
    }
}

/// The decay's scale for a caller whose nearest matching service (one that
/// passes the query's filters and has some of its words) is `nearest_km`
/// away: distance is relative to what is reachable. The nearest match and
/// anything as near count as "here" (the offset), and the factor halves
/// every [`DECAY_HALF_LIFE_KM`] or every `nearest_km`, whichever is more. A
/// caller in a city (nearest within [`DECAY_OFFSET_KM`]) gets
/// [`DistanceScale::URBAN`]; a caller in a fly-in community 400 km from
/// the nearest food bank gets one where a food bank 500 km away still
/// scores 0.84, so the best matches lead, not the nearest office of any kind.
///
/// # Units
/// Kilometres in.
pub fn distance_scale(nearest_km: Option<f64>) -> DistanceScale {
    match nearest_km {
        Some(km) if km > DECAY_OFFSET_KM && km.is_finite() => DistanceScale {
            offset_km: km,
            half_life_km: km.max(DECAY_HALF_LIFE_KM),
        },
        _ => DistanceScale::URBAN,
    }
}

/// Distances up to this count as "here" in the decay.
///
/// # Units
/// Kilometres.
pub const DECAY_OFFSET_KM: f64 = 0.5;

/// Every this many kilometres beyond the offset halves the distance factor.
///
/// # Units
/// Kilometres.
pub const DECAY_HALF_LIFE_KM: f64 = 10.0;

/// The distance factor: the decay on `scale` of the kilometres to the
/// nearest location, or [`DISTANCE_UNKNOWN`] for a service without a location.
///
/// # Units
/// Kilometres in.
pub(crate) fn distance_factor(km: Option<f64>, scale: DistanceScale) -> f32 {
    km.map_or(DISTANCE_UNKNOWN, |km| scale.decay(km))
}

/// The text factor of a service with `bm25`: the BM25 itself, or
/// [`SOME_WORDS`] of it when the service has only some of several words.
pub(crate) fn text_factor(bm25: f32, all_words: bool) -> f32 {
    match all_words {
        true => bm25,
        false => bm25 * SOME_WORDS,
    }
}

/// The factors of one service's score, each `None` when the query does
/// not weigh it (no text, no place).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Factors {
    pub(crate) text: Option<f32>,
    pub(crate) distance: Option<f32>,
    pub(crate) language: f32,
    pub(crate) eligibility: f32,
    /// The open-hours factor ([`open_factor`]).
    pub(crate) open: f32,
    /// The service-area factor ([`area_factor`]).
    pub(crate) area: f32,
    pub(crate) fit: f32,
}

impl Factors {
    /// The score: the product of the factors.
    pub(crate) fn score(&self) -> f32 {
        self.text.unwrap_or(1.0)
            * self.distance.unwrap_or(1.0)
            * self.language
            * self.eligibility
            * self.open
            * self.area
            * self.fit
    }
}

/// The open-hours factor: `None` when the query asks no time, else the
/// service's state then (`Some(None)`: hours unknown). At most 1, so every
/// bound below holds with it among the `others` factors.
pub(crate) fn open_factor(open: Option<Option<bool>>) -> f32 {
    match open {
        Some(None) => HOURS_UNKNOWN,
        Some(Some(false)) => CLOSED_NOW,
        _ => 1.0,
    }
}

/// Open-hours factor of a service closed at the query's time but opening
/// later that day, offered when too few are open ("no wrong door").
pub const CLOSED_NOW: f32 = 0.3;

/// Headroom for the last bits of a BM25 summed in another order (a bound
/// from block-max WAND or a partial sum of the walk against the exact sum).
pub(crate) const ROUNDING: f32 = 1.0 + 1e-5;

/// The most a service can score with a BM25 of at most `bm25` (`None`
/// without text), language, eligibility and fit factors of at most `others`, and
/// its nearest location at least `km` away (`Some(None)`: no location;
/// `None`: the query has no place), on the query's distance `scale`.
///
/// # Units
/// Kilometres in.
pub(crate) fn bound(
    bm25: Option<f32>,
    others: f32,
    km: Option<Option<f64>>,
    scale: DistanceScale,
) -> f32 {
    let text = bm25.map_or(1.0, |bm25| bm25 * ROUNDING);
    text * others * km.map_or(1.0, |km| distance_factor(km, scale))
}

/// The most that a service offering none of the preferred languages can
/// score with a BM25 of at most `bm25` and at least `km` away.
///
/// # Units
/// Kilometres in.
pub(crate) fn bound_without_preferred_language(bm25: f32, km: f64, scale: DistanceScale) -> f32 {
    bound(
        Some(bm25),
        LANGUAGE_UNLISTED.max(LANGUAGE_OTHER),
        Some(Some(km)),
        scale,
    )
}

/// The eligibility factor of the score.
pub(crate) fn eligibility_factor(verdict: Option<Eligibility>) -> f32 {
    match verdict {
        Some(Eligibility::Unknown) => ELIGIBILITY_UNKNOWN,
        _ => 1.0,
    }
}

/// The fit factor of the score: 1 for a service made for the client
/// (`None`: no profile, so no fit).
pub(crate) fn fit_factor(fit: Option<Fit>) -> f32 {
    match fit {
        None | Some(Fit::ForThem) => 1.0,
        Some(Fit::General) => FIT_GENERAL,
        Some(Fit::NotForThem) => FIT_OTHERS,
    }
}

/// What a service's languages say of the caller's preferred ones.
///
/// One byte, every value whole: an `Option<(bool, bool)>` leaves its second
/// byte undefined when `None`, and optimised code that tests that byte
/// first (the answer is the same either way) is what valgrind reports as a
/// jump on an uninitialised value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LanguageMatch {
    /// The query prefers no language.
    NoneAsked,
    /// It offers a preferred language.
    Offered,
    /// It lists languages, none of them preferred.
    Other,
    /// It lists no language.
    Unlisted,
}

impl LanguageMatch {
    /// From whether a service lists any language and offers a preferred one.
    pub(crate) fn of(lists_any: bool, offers_preferred: bool) -> LanguageMatch {
        match (lists_any, offers_preferred) {
            (_, true) => LanguageMatch::Offered,
            (true, false) => LanguageMatch::Other,
            (false, false) => LanguageMatch::Unlisted,
        }
    }
}

/// The language factor of the score.
pub(crate) fn language_factor(languages: LanguageMatch) -> f32 {
    match languages {
        LanguageMatch::NoneAsked | LanguageMatch::Offered => 1.0,
        LanguageMatch::Unlisted => LANGUAGE_UNLISTED,
        LanguageMatch::Other => LANGUAGE_OTHER,
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
    fn decay_halves_per_half_life() {
        assert_eq!(decay(0.2), 1.0);
        assert!((decay(DECAY_OFFSET_KM + DECAY_HALF_LIFE_KM) - 0.5).abs() < 1e-6);
        assert!(decay(5.0) > decay(6.0));
    }

    #[test]
    fn the_scale_adapts_to_the_nearest_match() {
        assert_eq!(distance_scale(None), DistanceScale::URBAN);
        assert_eq!(distance_scale(Some(0.2)), DistanceScale::URBAN);
        let remote = distance_scale(Some(400.0));
        assert_eq!(remote.decay(400.0), 1.0);
        assert!((remote.decay(800.0) - 0.5).abs() < 1e-6);
        assert!(remote.decay(500.0) > 0.8);
        // Never zero: far services keep their order by text.
        assert!(DistanceScale::URBAN.decay(5000.0) > 0.0);
    }

    #[test]
    fn bounds_hold_for_every_factor() {
        for scale in [DistanceScale::URBAN, distance_scale(Some(120.0))] {
            for km in [
                None,
                Some(None),
                Some(Some(0.0)),
                Some(Some(3.0)),
                Some(Some(250.0)),
            ] {
                for (language, eligibility) in [
                    (1.0, 1.0),
                    (LANGUAGE_UNLISTED, ELIGIBILITY_UNKNOWN),
                    (LANGUAGE_OTHER, 1.0),
                ] {
                    for all_words in [true, false] {
                        let factors = Factors {
                            text: Some(text_factor(2.5, all_words)),
                            distance: km.map(|km| distance_factor(km, scale)),
                            language,
                            eligibility,
                            open: open_factor(Some(None)),
                            area: area_factor(true),
                            fit: FIT_GENERAL,
                        };
                        let others =
                            language * eligibility * factors.open * factors.area * FIT_GENERAL;
                        assert!(factors.score() <= bound(Some(2.5), others, km, scale));
                        assert!(factors.score() <= bound(Some(2.5), 1.0, None, scale));
                        if let Some(Some(km)) = km {
                            if language < 1.0 {
                                assert!(
                                    factors.score()
                                        <= bound_without_preferred_language(2.5, km, scale)
                                );
                            }
                        }
                    }
                }
            }
        }
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
