//! A query resolved against one index ([`Plan`]), and what it does to one
//! service: filter it, score it, turn it into a hit with its explanation.

use tantivy::query::EnableScoring;

use crate::eligibility::{self, Judgement, Profile};
use crate::error::{Error, Result};
use crate::format::hits::HitSummary;
use crate::index::Index;
use crate::model::{Cost, Gender, Group};
use crate::query::{Near, Query};
use crate::rank::{
    distance_factor, eligibility_factor, fit_factor, format_distance, language_factor, Factors,
};
use crate::results::{Eligibility, Explanation, Hit, HitLocation};
use crate::text;
use crate::text::query::{has_term, NeedUse};

use super::top::Services;

/// A query resolved against one index: places looked up, languages mapped to
/// the index's language bits, categories to a set of services.
pub(crate) struct Plan<'a> {
    pub(crate) index: &'a Index,
    pub(crate) origin: Option<(f64, f64)>,
    pub(crate) radius_km: Option<f64>,
    /// The client's profile (`None` without one).
    profile: Option<Profile>,
    /// The client's province (a bit of the residency column), from where they are.
    province: Option<usize>,
    languages: Option<Vec<u64>>,
    preferred: Vec<String>,
    require_language: bool,
    free_only: bool,
    wheelchair: bool,
    categories: Option<Services>,
    /// Whether the text has several words (so partial matches are marked).
    pub(crate) several_words: bool,
    /// The vocabulary's needs the text names (for explanations).
    pub(crate) needs: Vec<NeedUse>,
}

/// What the column filters tell of a service that passes them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Filtered {
    /// Whether it lists any language and offers a preferred one (`None`
    /// without preferred languages).
    languages: Option<(bool, bool)>,
    /// The client's eligibility and fit (`None` without a client profile).
    judgement: Option<Judgement>,
}

impl Filtered {
    /// The client's eligibility and fit (`None` without a client profile).
    pub(crate) fn judgement(&self) -> Option<Judgement> {
        self.judgement
    }

    /// The client's eligibility (`None` without a client profile).
    pub(crate) fn verdict(&self) -> Option<Eligibility> {
        self.judgement.map(|j| j.verdict)
    }

    /// The product of the language, eligibility and fit factors: at most 1.
    pub(crate) fn factors(&self) -> f32 {
        language_factor(self.languages)
            * eligibility_factor(self.verdict())
            * fit_factor(self.judgement.map(|j| j.fit))
    }
}

/// A scored candidate, with what its explanation needs.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Candidate {
    pub(crate) service: u32,
    /// Whether the service has every word of a several-word text (else its
    /// text factor carries [`SOME_WORDS`](crate::rank::SOME_WORDS)).
    pub(crate) all_words: bool,
    pub(crate) score: f32,
    /// Kilometres to the nearest location.
    distance: Option<f64>,
    eligibility: Option<Eligibility>,
    factors: Factors,
}

impl<'a> Plan<'a> {
    pub(crate) fn new(index: &'a Index, query: &Query) -> Result<Plan<'a>> {
        // Where the client is, and so which province they live in (for
        // services with residency rules): from a postal code's first letter,
        // else from the place found ("Sudbury, ON").
        let mut province = None;
        let origin = match &query.near {
            None => None,
            Some(Near::Point { lat, lon }) => Some((*lat, *lon)),
            Some(Near::Place(place)) => {
                let found = index.locate(place)?;
                province = crate::format::gazetteer::postal_key(place)
                    .and_then(|key| eligibility::province_of_postal(&key))
                    .or_else(|| eligibility::province_of_place(&found.name));
                Some((found.lat, found.lon))
            }
        };
        let mut preferred = Vec::new();
        for language in &query.languages {
            let code = index.language_code(language).ok_or_else(|| {
                Error::invalid_query(format!("languages: \"{language}\" is not a known language"))
            })?;
            preferred.push(code);
        }
        let languages = (!preferred.is_empty()).then(|| {
            let table = &index.meta.languages;
            let mut mask = vec![0u64; index.filters.words()];
            for code in &preferred {
                if let Some(bit) = table.iter().position(|l| l == code) {
                    mask[bit / 64] |= 1 << (bit % 64);
                }
            }
            mask
        });
        let categories = if query.categories.is_empty() {
            None
        } else {
            let category_query = text::query::categories(&index.fields, &query.categories);
            let weight =
                category_query.weight(EnableScoring::disabled_from_searcher(&index.searcher))?;
            let mut set = Services::new(index.len());
            weight.for_each_no_score(index.searcher.segment_reader(0), &mut |docs| {
                for &doc in docs {
                    set.insert(doc);
                }
            })?;
            Some(set)
        };
        let profile = query.client.as_ref().map(|client| {
            // Validated: age 0 to MAX_AGE, known gender and statuses.
            let age = client.age.and_then(|age| u8::try_from(age).ok());
            let statuses: Vec<Group> = client
                .statuses
                .iter()
                .filter_map(|s| Group::parse(s))
                .collect();
            Profile {
                age,
                gender: client.gender.as_deref().and_then(Gender::parse),
                income: client.income,
                household_size: client.household_size,
                groups: Profile::groups_of(&statuses, age),
                province,
            }
        });
        Ok(Plan {
            index,
            origin,
            radius_km: query.radius_km,
            profile: profile.filter(|p| !p.is_empty()),
            province,
            languages,
            preferred,
            require_language: query.require_language,
            free_only: query.free_only,
            wheelchair: query.wheelchair,
            categories,
            several_words: false,
            needs: Vec::new(),
        })
    }

    /// Scores a service that passed the filters, with its text factor
    /// (`None` without text) and, when the caller knows it, the distance to
    /// its nearest location; `None` when it lies outside the radius.
    pub(crate) fn score(
        &self,
        service: u32,
        filtered: Filtered,
        text: Option<f32>,
        all_words: bool,
        known_km: Option<f64>,
    ) -> Option<Candidate> {
        let (distance, distance_factor) = match self.origin {
            None => (None, None),
            Some((lat, lon)) => {
                let km = known_km.or_else(|| {
                    let (_, km) = self.index.geo.nearest(service, lat, lon)?;
                    Some(km)
                });
                match km {
                    Some(km) if self.radius_km.is_some_and(|r| km > r) => return None,
                    None if self.radius_km.is_some() => return None,
                    km => (km, Some(distance_factor(km))),
                }
            }
        };
        let factors = Factors {
            text,
            distance: distance_factor,
            language: language_factor(filtered.languages),
            eligibility: eligibility_factor(filtered.verdict()),
            fit: fit_factor(filtered.judgement.map(|j| j.fit)),
        };
        Some(Candidate {
            service,
            all_words,
            score: factors.score(),
            distance,
            eligibility: filtered.verdict(),
            factors,
        })
    }

    /// Filters and scores a service without text.
    pub(crate) fn score_without_text(
        &self,
        service: u32,
        known_km: Option<f64>,
    ) -> Option<Candidate> {
        self.score(service, self.filter(service)?, None, false, known_km)
    }

    /// Whether the query prefers some languages (so a service that offers
    /// none of them scores less).
    pub(crate) fn prefers_languages(&self) -> bool {
        self.languages.is_some()
    }

    /// Whether the service offers a preferred language (always, without
    /// preferred languages).
    pub(crate) fn offers_preferred(&self, service: u32) -> bool {
        let row = self.index.filters.row(service);
        self.languages
            .as_deref()
            .is_none_or(|mask| row.languages(mask).1)
    }

    /// The column filters (all but distance): `None` when the service is
    /// filtered out.
    pub(crate) fn filter(&self, service: u32) -> Option<Filtered> {
        let row = self.index.filters.row(service);
        if !row.active()
            || (self.wheelchair && !row.wheelchair())
            || (self.free_only && !row.free())
        {
            return None;
        }
        if let Some(set) = &self.categories {
            if !set.contains(service) {
                return None;
            }
        }
        let languages = self.languages.as_deref().map(|mask| row.languages(mask));
        if self.require_language && !languages.is_some_and(|(_, hit)| hit) {
            return None;
        }
        // Where the client lives rules out services for other provinces'
        // residents, with or without a profile.
        let residency = row.residency();
        if let (Some(province), true) = (self.province, residency != 0) {
            if residency & 1 << province == 0 {
                return None;
            }
        }
        let judgement = self
            .profile
            .as_ref()
            .map(|profile| eligibility::judge(profile, &row, &self.index.meta.low_income_line));
        if judgement.is_some_and(|j| j.verdict == Eligibility::Ineligible) {
            return None;
        }
        Some(Filtered {
            languages,
            judgement,
        })
    }

    /// The hit of a candidate, from its service's summary (decompressed into
    /// `buffer`, reused from one hit to the next).
    pub(crate) fn hit(
        &self,
        candidate: Candidate,
        explain: bool,
        buffer: &mut Vec<u8>,
    ) -> Result<Hit> {
        let service = self.index.hits.get(candidate.service, buffer)?;
        let location_at = match (self.origin, candidate.distance) {
            (Some((lat, lon)), Some(_)) => self
                .index
                .geo
                .nearest(candidate.service, lat, lon)
                .map_or(0, |(at, _)| at),
            _ => 0,
        };
        let location = service.locations.get(location_at).map(|l| HitLocation {
            lat: l.lat,
            lon: l.lon,
            address: l.address.map(str::to_owned),
            postal_code: l.postal_code.map(str::to_owned),
        });
        let explanation = explain.then(|| Explanation {
            reason: self.reason(&service, &candidate),
            text: candidate.factors.text,
            distance: candidate.factors.distance,
            language: candidate.factors.language,
            eligibility: candidate.factors.eligibility,
            fit: candidate.factors.fit,
        });
        Ok(Hit {
            id: service.id.to_owned(),
            organization: service.organization.map(str::to_owned),
            score: candidate.score,
            distance_km: candidate.distance,
            eligibility: candidate.eligibility,
            languages: service
                .languages
                .iter()
                .map(|l| l.text().to_owned())
                .collect(),
            open_now: None,
            location,
            categories: service.categories.iter().map(|&c| c.to_owned()).collect(),
            phones: service.phones.iter().map(|&p| p.to_owned()).collect(),
            url: service.url.map(str::to_owned),
            name: service.name.to_owned(),
            explanation,
        })
    }

    /// One line for a person: "speaks French · 1.2 km · free · ages 65+".
    fn reason(&self, service: &HitSummary<'_>, candidate: &Candidate) -> String {
        let mut parts: Vec<String> = Vec::new();
        if !self.preferred.is_empty() {
            let spoken = self.preferred.iter().find(|code| {
                service
                    .languages
                    .iter()
                    .any(|l| l.code() == Some(code.as_str()))
            });
            match spoken {
                Some(code) => parts.push(format!("speaks {}", self.index.language_name(code))),
                None if service.languages.is_empty() => parts.push("languages not listed".into()),
                None => {
                    let names: Vec<String> = self
                        .preferred
                        .iter()
                        .map(|c| self.index.language_name(c))
                        .collect();
                    parts.push(format!("no {} listed", names.join("/")))
                }
            }
        }
        match (candidate.distance, self.origin) {
            (Some(km), _) => parts.push(format_distance(km)),
            (None, Some(_)) => parts.push("no location".into()),
            _ => {}
        }
        match service.cost {
            Cost::Free => parts.push("free".into()),
            Cost::SlidingScale => parts.push("sliding scale".into()),
            Cost::Fee => parts.push("fee".into()),
            Cost::Unknown => {}
        }
        let no_profile = Profile::default();
        let profile = self.profile.as_ref().unwrap_or(&no_profile);
        let row = self.index.filters.row(candidate.service);
        parts.extend(eligibility::reasons(
            profile,
            &row,
            &self.index.meta.low_income_line,
        ));
        match service.genders.as_slice() {
            [Gender::Female] => parts.push("women only".into()),
            [Gender::Male] => parts.push("men only".into()),
            _ => {}
        }
        if candidate.eligibility == Some(Eligibility::Unknown) {
            parts.push("eligibility not stated".into());
        }
        // Needs met in other words than the caller's.
        let searcher = &self.index.searcher;
        for need in self.needs.iter().filter(|n| n.name != n.phrase) {
            let said = need
                .words
                .iter()
                .all(|w| has_term(searcher, w, candidate.service));
            if !said && has_term(searcher, &need.term, candidate.service) {
                parts.push(format!("matched '{}' for '{}'", need.name, need.phrase));
            }
        }
        if candidate.factors.text.is_some() && self.several_words && !candidate.all_words {
            parts.push("some of your words".into());
        } else if candidate.factors.text.is_some() && parts.is_empty() {
            parts.push("matches your words".into());
        }
        parts.join(" · ")
    }
}
