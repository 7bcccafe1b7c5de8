//! A query resolved against one index ([`Plan`]), and what it does to one
//! service: filter it, score it, turn it into a hit with its explanation.

use tantivy::query::EnableScoring;

use crate::eligibility::{self, Judgement, PlaceResidency, Profile};
use crate::error::{Error, Result};
use crate::format::areas::{Caller, Coverage};
use crate::format::geo::Origin;
use crate::format::hits::HitSummary;
use crate::hours::{Instant, Local};
use crate::index::Index;
use crate::model::{Cost, Gender, Group};
use crate::query::{Near, Query};
use crate::rank::{
    area_factor, distance_factor, eligibility_factor, fit_factor, format_distance, language_factor,
    open_factor, DistanceScale, Factors, LanguageMatch,
};
use crate::results::{Eligibility, Explanation, Hit, HitLocation};
use crate::text;
use crate::text::query::{has_term, CategoryUse, NeedUse};

use super::top::Services;

/// A query resolved against one index: places looked up, languages mapped to
/// the index's language bits, categories to a set of services.
pub(crate) struct Plan<'a> {
    pub(crate) index: &'a Index,
    pub(crate) origin: Option<(f64, f64)>,
    /// `origin` on the unit sphere, for the distances to many services.
    point: Option<Origin>,
    pub(crate) radius_km: Option<f64>,
    /// The client's profile (`None` without one).
    profile: Option<Profile>,
    /// The client's province as its bit of the residency column (0: not
    /// known), from where they are.
    province: u16,
    /// Whether some service's residency names places (most directories
    /// name none: the filters then read nothing for them).
    places_named: bool,
    /// The caller's postal key, for the services whose residency names
    /// places (`None` when where the caller lives is not known).
    postal: Option<String>,
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
    /// The categories the text's words predict, strongest first (for
    /// explanations).
    pub(crate) predicted: Vec<CategoryUse>,
    /// The time services must be open at (`open_now`, `open_at`), if any.
    open_at: Option<Instant>,
    /// Leave out services whose hours are unknown (with `open_at`).
    hours_known: bool,
    /// The local time in each of the index's zones at the query's time
    /// (`open_at`, else the caller's clock); empty without a clock.
    locals: Vec<Local>,
    /// The distance decay's scale, adapted to the nearest match
    /// ([`crate::rank::distance_scale`]) before any service is scored.
    scale: std::cell::Cell<DistanceScale>,
    /// When few services pass the filters (see [`Plan::adapt_scale`]): the
    /// located ones that pass and match, with their nearest distances.
    scanned: std::cell::OnceCell<Vec<(u32, f64)>>,
    /// The services whose declared area holds the caller's place.
    pub(crate) serving: Option<Services>,
    /// The services whose declared area excludes it.
    outside: Option<Services>,
    /// Leave out the services in `outside`.
    serves_here: bool,
    /// Keep services closed at the query's time that open later that day
    /// (a relaxed search, "no wrong door").
    pub(crate) relax_open: bool,
}

/// What the column filters tell of a service that passes them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Filtered {
    /// What its languages say of the preferred ones.
    languages: LanguageMatch,
    /// The client's eligibility and fit (`None` without a client profile).
    judgement: Option<Judgement>,
    /// Whether it is open at the query's time (`None` when the query asks
    /// no time; `Some(None)`: hours unknown).
    open: Option<Option<bool>>,
    /// Whether its declared area excludes the caller's place.
    outside: bool,
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

    /// The product of the language, eligibility, fit, open-hours and area
    /// factors: at most 1.
    pub(crate) fn factors(&self) -> f32 {
        language_factor(self.languages)
            * eligibility_factor(self.verdict())
            * fit_factor(self.judgement.map(|j| j.fit))
            * open_factor(self.open)
            * area_factor(self.outside)
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
    pub(crate) fn new(index: &'a Index, query: &Query, now: Option<Instant>) -> Result<Plan<'a>> {
        let open_at = match (&query.open_at, query.open_now) {
            (Some(text), _) => crate::hours::parse_rfc3339(text),
            (None, true) => Some(now.ok_or_else(|| {
                Error::invalid_query(
                    "open_now needs the caller's clock: this platform has none; give open_at",
                )
            })?),
            (None, false) => None,
        };
        let clock = open_at.or(now);
        let locals = match clock {
            Some(at) => (0..index.hours.zone_count())
                .map(|zone| index.hours.zone(zone).local(at))
                .collect(),
            None => Vec::new(),
        };
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
        // The caller's postal key (the query's postal code, else the nearest
        // forward sortation area), for services that serve some areas or
        // the residents of some places only.
        let by_postal =
            !index.areas.declaring().is_empty() || !index.residency.declaring().is_empty();
        let caller = match origin {
            Some((lat, lon)) if by_postal => {
                let postal = match &query.near {
                    Some(Near::Place(place)) => crate::format::gazetteer::postal_key(place),
                    _ => None,
                }
                .or_else(|| index.gazetteer.nearest_area(lat, lon));
                Some(Caller {
                    lat,
                    lon,
                    postal: postal.map(|p| crate::format::areas::prefix_key(&p)),
                })
            }
            _ => None,
        };
        let (serving, outside) = match &caller {
            Some(caller) if !index.areas.declaring().is_empty() => {
                let mut serving = Services::new(index.len());
                let mut outside = Services::new(index.len());
                for &service in index.areas.declaring() {
                    match index.areas.coverage(service, caller) {
                        Coverage::Serves => serving.insert(service),
                        Coverage::Outside => outside.insert(service),
                        Coverage::Undeclared => false,
                    };
                }
                (Some(serving), Some(outside))
            }
            _ => (None, None),
        };
        // Residency by place is read service by service as the filters meet
        // them: a search meets a few thousand services, not every one that
        // names places (which a pass here would read, two allocations each).
        let postal = caller.as_ref().and_then(|c| c.postal.clone());
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
            check_categories(index, &query.categories)?;
            Some(set)
        };
        let province = eligibility::province_bit(province);
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
            point: origin.map(|(lat, lon)| Origin::new(lat, lon)),
            radius_km: query.radius_km,
            profile: profile.filter(|p| !p.is_empty()),
            province,
            places_named: !index.residency.declaring().is_empty(),
            postal,
            languages,
            preferred,
            require_language: query.require_language,
            free_only: query.free_only,
            wheelchair: query.wheelchair,
            categories,
            several_words: false,
            needs: Vec::new(),
            predicted: Vec::new(),
            open_at,
            hours_known: query.hours_known,
            locals,
            scale: std::cell::Cell::new(DistanceScale::URBAN),
            scanned: std::cell::OnceCell::new(),
            serving,
            outside,
            serves_here: query.serves_here,
            relax_open: false,
        })
    }

    /// Whether `service`, closed at the query's time, opens later that day.
    fn opens_later_today(&self, service: u32) -> bool {
        let Ok(hours) = self.index.hours.get(service) else {
            return false;
        };
        let Some(&local) = hours.zone.and_then(|zone| self.locals.get(zone)) else {
            return false;
        };
        matches!(
            hours.week().next_change(local),
            Some(crate::hours::Change::Opens { day, .. }) if day == local.day
        )
    }

    /// What the service's residency by place says of the caller.
    fn place_residency(&self, service: u32) -> PlaceResidency {
        // Damaged bytes restrict no one.
        let places = match self.places_named {
            true => self.index.residency.places(service),
            false => None,
        };
        let Some(places) = places else {
            return PlaceResidency::Anywhere;
        };
        match &self.postal {
            Some(postal) if places.hold(postal) => PlaceResidency::Resident,
            Some(_) => PlaceResidency::NotResident,
            None => PlaceResidency::Unknown,
        }
    }

    /// Whether the service's declared area holds the caller's place.
    pub(crate) fn serves(&self, service: u32) -> bool {
        self.serving.as_ref().is_some_and(|s| s.contains(service))
    }

    /// The serving services (see [`Plan::serving_services`]) with the
    /// kilometres to their nearest office.
    pub(crate) fn serving_with_km(&self) -> Vec<(u32, Option<f64>)> {
        if self.origin.is_none() {
            return Vec::new();
        }
        self.serving_services()
            .into_iter()
            .map(|s| (s, self.km_to(s)))
            .collect()
    }

    /// The services whose declared area holds the caller's place, in order.
    pub(crate) fn serving_services(&self) -> Vec<u32> {
        match &self.serving {
            Some(_) => self
                .index
                .areas
                .declaring()
                .iter()
                .copied()
                .filter(|&s| self.serves(s))
                .collect(),
            None => Vec::new(),
        }
    }

    /// The distance from the query's place to the nearest location of
    /// `service`: `None` without a place or a location.
    ///
    /// # Units
    /// Kilometres.
    pub(crate) fn km_to(&self, service: u32) -> Option<f64> {
        let (_, km) = self.index.geo.nearest_from(service, self.point?)?;
        Some(km)
    }

    /// The distance decay's scale.
    pub(crate) fn scale(&self) -> DistanceScale {
        self.scale.get()
    }

    /// Adapts the distance decay to the nearest service that passes the
    /// filters and `matches` (the text): call before scoring any service.
    pub(crate) fn adapt_scale(&self, matching: Option<&Services>) {
        let Some((lat, lon)) = self.origin else {
            return;
        };
        let matches = |service| matching.is_none_or(|set| set.contains(service));
        // Offices only: a service serving the caller's place is "here"
        // whatever the scale, and a weak match of that kind must not shrink
        // the scale for the strong matches that are far.
        let mut nearest = None;
        let mut walked = 0;
        let budget = self.walk_budget(matching);
        self.index.geo.nearest_walk(lat, lon, |service, km| {
            if matches(service) && self.filter(service).is_some() {
                nearest = Some(km);
                return false;
            }
            walked += 1;
            walked < budget
        });
        if walked >= budget {
            // Few services pass the filters: finding them in the columns
            // costs less than walking on (the same distances either way).
            let scanned: Vec<(u32, f64)> = self
                .candidates(matching)
                .filter(|&service| matches(service) && self.filter(service).is_some())
                .filter_map(|service| Some((service, self.km_to(service)?)))
                .collect();
            nearest = scanned.iter().map(|&(_, km)| km).min_by(f64::total_cmp);
            let _ = self.scanned.set(scanned);
        }
        self.set_scale(nearest);
    }

    /// The services that pass the filters among the location points
    /// nearest the query's place, up to `points` of them: nearest first,
    /// each once, with its distance. Empty without a place.
    pub(crate) fn nearest_passing(&self, points: usize) -> Vec<(u32, f64)> {
        let mut found: Vec<(u32, f64)> = Vec::new();
        let Some((lat, lon)) = self.origin else {
            return found;
        };
        let mut walked = 0;
        self.index.geo.nearest_walk(lat, lon, |service, km| {
            if !found.iter().any(|&(s, _)| s == service) && self.filter(service).is_some() {
                found.push((service, km));
            }
            walked += 1;
            walked < points
        });
        found
    }

    /// Sets the distance decay's scale from the nearest service that passes
    /// the filters and matches, `km` away (see [`Plan::adapt_scale`]).
    pub(crate) fn set_scale(&self, km: Option<f64>) {
        self.scale.set(crate::rank::distance_scale(km));
    }

    /// The located services that pass the filters and match, with their
    /// nearest distances, when [`Plan::adapt_scale`] had to scan for them
    /// (few pass); `None` when its walk met one early.
    pub(crate) fn scanned(&self) -> Option<&[(u32, f64)]> {
        self.scanned.get().map(Vec::as_slice)
    }

    /// The services that may pass the filters, as far as a set already
    /// tells: those `matching` the text, else those in the query's
    /// categories, else all; each still to be filtered.
    pub(crate) fn candidates<'s>(
        &'s self,
        matching: Option<&'s Services>,
    ) -> Box<dyn Iterator<Item = u32> + 's> {
        match matching.or(self.categories.as_ref()) {
            Some(set) => Box::new(set.iter()),
            None => Box::new(0..self.index.len() as u32),
        }
    }

    /// Drops from `met` (a bit per service, as [`Services::words`]) the
    /// services outside the asked categories: they cannot pass the
    /// filters, so a radius need not read out their distances.
    pub(crate) fn keep_candidates(&self, met: &mut [u64]) {
        if let Some(set) = &self.categories {
            for (word, asked) in met.iter_mut().zip(set.words()) {
                *word &= asked;
            }
        }
    }

    /// How many location points a nearest-first walk visits before a scan
    /// of the [candidates](Plan::candidates)' filter columns costs less: a
    /// point met by the walk costs about eight times a candidate's filters
    /// (callgrind, 60k index: ~500 against ~60 instructions). A walk meets
    /// services that pass the filters early unless few do, and then the
    /// scan wins.
    pub(crate) fn walk_budget(&self, matching: Option<&Services>) -> usize {
        let candidates = match matching.or(self.categories.as_ref()) {
            Some(set) => set.len(),
            None => self.index.len(),
        };
        (candidates / 8).max(256)
    }

    /// Whether `service` is open at the query's time: `None` when its hours
    /// or its zone are unknown (or undecodable), or without a clock.
    pub(crate) fn open_state(&self, service: u32) -> Option<bool> {
        let zone = self.index.hours.zone_of(service).ok()??;
        let local = *self.locals.get(zone)?;
        let hours = self.index.hours.get(service).ok()?;
        hours.week().open_at(local)
    }

    /// Whether the query asks about a time (`open_at` or `open_now`).
    pub(crate) fn asks_time(&self) -> bool {
        self.open_at.is_some() && !self.locals.is_empty()
    }

    /// "open now · closes 17:00" for `service` at the query's time.
    fn describe_hours(&self, service: u32) -> String {
        let hours = self.index.hours.get(service).unwrap_or_default();
        match hours.zone.and_then(|zone| self.locals.get(zone)) {
            Some(&local) => crate::hours::describe(&hours.week(), local),
            None => "hours unknown".into(),
        }
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
            Some(_) => {
                let km = known_km.or_else(|| self.km_to(service));
                match km {
                    // Serving the caller's place, it is "here" wherever its offices are.
                    km if self.serves(service) => {
                        (km, Some(crate::rank::serving_factor(km, self.scale())))
                    }
                    Some(km) if self.radius_km.is_some_and(|r| km > r) => return None,
                    None if self.radius_km.is_some() => return None,
                    km => (km, Some(distance_factor(km, self.scale()))),
                }
            }
        };
        let factors = Factors {
            text,
            distance: distance_factor,
            language: language_factor(filtered.languages),
            eligibility: eligibility_factor(filtered.verdict()),
            fit: fit_factor(filtered.judgement.map(|j| j.fit)),
            open: open_factor(filtered.open),
            area: area_factor(filtered.outside),
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

    /// Whether services are judged against a client profile (so that a
    /// [`Filtered`] carries a verdict).
    pub(crate) fn judges(&self) -> bool {
        self.profile.is_some()
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
    ///
    /// Each check stands alone, so their order changes only the cost: bits
    /// first, then the hours (at a late hour most services are closed, and
    /// telling costs less than judging a profile), the profile last.
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
        let outside = self.outside.as_ref().is_some_and(|o| o.contains(service));
        if outside && self.serves_here {
            return None;
        }
        let languages = match self.languages.as_deref() {
            None => LanguageMatch::NoneAsked,
            Some(mask) => {
                let (lists_any, offers_preferred) = row.languages(mask);
                LanguageMatch::of(lists_any, offers_preferred)
            }
        };
        if self.require_language && languages != LanguageMatch::Offered {
            return None;
        }
        // Where the client lives rules out services for the residents of
        // other provinces or places only, with or without a profile.
        let places = self.place_residency(service);
        if eligibility::residency(row.residency(), self.province, places)
            == Some(Eligibility::Ineligible)
        {
            return None;
        }
        let open = match self.open_at {
            None => None,
            Some(_) => match self.open_state(service) {
                Some(false) if self.relax_open && self.opens_later_today(service) => {
                    Some(Some(false))
                }
                Some(false) => return None,
                None if self.hours_known => return None,
                state => Some(state),
            },
        };
        let judgement = self.profile.as_ref().map(|profile| {
            eligibility::judge(profile, &row, places, &self.index.meta.low_income_line)
        });
        if judgement.is_some_and(|j| j.verdict == Eligibility::Ineligible) {
            return None;
        }
        Some(Filtered {
            languages,
            judgement,
            open,
            outside,
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
        let location_at = match (self.point, candidate.distance) {
            (Some(point), Some(_)) => self
                .index
                .geo
                .nearest_from(candidate.service, point)
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
            open: candidate.factors.open,
            fit: candidate.factors.fit,
            access: service.access.as_deref().map(str::to_owned),
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
            open_now: self.open_state(candidate.service),
            serves_here: match (&self.serving, &self.outside) {
                (Some(serving), _) if serving.contains(candidate.service) => Some(true),
                (_, Some(outside)) if outside.contains(candidate.service) => Some(false),
                _ => None,
            },
            location,
            categories: service.categories.iter().map(|&c| c.to_owned()).collect(),
            phones: service.phones.iter().map(|&p| p.to_owned()).collect(),
            url: service.url.map(str::to_owned),
            name: service.name.to_owned(),
            explanation,
            relaxed: None,
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
        if self.open_at.is_some() {
            parts.push(self.describe_hours(candidate.service));
        }
        if self.serves(candidate.service) {
            parts.push(match self.index.areas.name(candidate.service) {
                Some(name) => format!("serves all of {name}"),
                None => "serves your area".into(),
            });
        } else if self
            .outside
            .as_ref()
            .is_some_and(|o| o.contains(candidate.service))
        {
            parts.push("outside its service area".into());
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
        let places = self
            .index
            .residency
            .places(candidate.service)
            .map(|p| p.names)
            .unwrap_or_default();
        parts.extend(eligibility::reasons(
            profile,
            &row,
            &places,
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
        // Lifted by the directory's coding where its text lacks the words.
        if !candidate.all_words {
            if let Some(category) = self
                .predicted
                .iter()
                .find(|c| has_term(searcher, &c.term, candidate.service))
            {
                parts.push(format!("listed under '{}'", category.name));
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

/// Every category the query names must be one of the index's (a code or a
/// name of some service's term or a broader one): a misspelt category is an
/// error naming the closest known ones, not an empty answer.
///
/// # Errors
/// [`ErrorKind::InvalidQuery`](crate::ErrorKind::InvalidQuery) naming the
/// category and up to three known ones closest to it.
fn check_categories(index: &Index, categories: &[String]) -> Result<()> {
    let segment = index.searcher.segment_reader(0);
    let terms = segment.inverted_index(index.fields.category)?;
    for category in categories {
        let key = text::query::category_key(category);
        let unreadable = |e: std::io::Error| {
            Error::corrupt("section text: the category terms cannot be read").with_source(e)
        };
        if terms
            .terms()
            .get(key.as_bytes())
            .map_err(unreadable)?
            .is_some()
        {
            continue;
        }
        let mut known: Vec<((usize, usize), String)> = Vec::new();
        let mut stream = terms.terms().stream().map_err(unreadable)?;
        while stream.advance() {
            let Ok(term) = std::str::from_utf8(stream.key()) else {
                continue;
            };
            // Codes ("102-04") are not suggested for names, nor names for codes.
            let code = |t: &str| t.chars().any(|c| c.is_ascii_digit());
            if code(term) != code(&key) {
                continue;
            }
            known.push((closeness(&key, term), term.to_owned()));
        }
        known.sort();
        let closest: Vec<String> = known
            .into_iter()
            .take(3)
            .map(|(_, term)| format!("\"{term}\""))
            .collect();
        return Err(Error::invalid_query(match closest.is_empty() {
            true => format!("categories: \"{category}\" is not a category of this index"),
            false => format!(
                "categories: \"{category}\" is not a category of this index; closest: {}",
                closest.join(", ")
            ),
        }));
    }
    Ok(())
}

/// How far a known category `term` is from what the caller typed (`key`),
/// closest first: the edit distance to the nearest run of as many of the
/// term's words as `key` has ("shelters" is one edit from the "shelter" of
/// "emergency shelter"), then to the whole term.
fn closeness(key: &str, term: &str) -> (usize, usize) {
    let key_words = key.split_whitespace().count().max(1);
    let words: Vec<&str> = term.split_whitespace().collect();
    let nearest_run = words
        .windows(key_words.min(words.len()).max(1))
        .map(|run| edit_distance(key, &run.join(" ")))
        .min()
        .unwrap_or(usize::MAX);
    (nearest_run, edit_distance(key, term))
}

/// Levenshtein distance between two strings, by characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = previous + usize::from(ca != cb);
            previous = row[j + 1];
            row[j + 1] = substitute.min(previous + 1).min(row[j] + 1);
        }
    }
    row[b.len()]
}
