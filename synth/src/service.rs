//! Generating synthetic services, one at a time, from a seed.
//!
//! Services come in runs that belong to one fictional organization (one to
//! six services each), placed at the organization's main site or at nearby
//! communities. Every random choice comes from one ChaCha8 stream in a fixed
//! order, so a seed gives the same services on every platform, and the first
//! `n` services of a longer run are the `n` services of a shorter one.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::error::Error;
use crate::hours;
use crate::hsds::{
    Accessibility, Address, Attribute, CostOption, Language, Location, Organization, Phone,
    RequiredDocument, Schedule, Service, ServiceAtLocation, TaxonomyTerm,
};
use crate::places::{self, Places, Region};
use crate::taxonomy::Taxonomy;
use crate::template::render;
use crate::vocabulary::{
    self, Apply, Area, Cost, Gender, Kind, Lang, Text, ENGLISH, FRENCH, KINDS, SYNTHETIC_MARKER,
};

/// What to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// How many services.
    pub services: u64,
    /// The seed: the same seed and options give the same bytes.
    pub seed: u64,
    /// Where to put them.
    pub region: Region,
}

impl Default for Options {
    /// 60,000 Ontario services from seed 42: the "provincial" benchmark scale.
    fn default() -> Options {
        Options {
            services: 60_000,
            seed: 42,
            region: Region::Ontario,
        }
    }
}

/// An iterator over synthetic services.
///
/// # Example
///
/// ```
/// use servicematch_synth::{Generator, Options, Region};
///
/// let options = Options { services: 3, seed: 7, region: Region::Ontario };
/// let services: Vec<_> = Generator::new(options)?.collect();
/// assert_eq!(services.len(), 3);
/// assert_eq!(services[0].id, "synth-0000001");
/// assert!(services[0].description.ends_with("(Synthetic example record.)"));
/// # Ok::<(), servicematch_synth::Error>(())
/// ```
#[derive(Debug)]
pub struct Generator {
    rng: ChaCha8Rng,
    places: Places,
    /// The taxonomy terms of each kind, in the order of its codes.
    terms: Vec<Vec<TaxonomyTerm>>,
    kind_cumulative: Vec<u32>,
    region: Region,
    produced: u64,
    total: u64,
    orgs: u64,
    org: Option<Org>,
}

/// The organization whose services are being generated.
#[derive(Debug)]
struct Org {
    organization: Organization,
    /// First half of the name ("Cedar Grove"), used to prefix service names.
    short: String,
    slug: String,
    place: usize,
    french: bool,
    main: Location,
    phone: String,
    left: u32,
}

impl Generator {
    /// A generator of `options.services` services.
    ///
    /// # Errors
    ///
    /// Only if the bundled place table or taxonomy were malformed, or named
    /// a taxonomy code that does not exist; the crate's tests rule both out.
    pub fn new(options: Options) -> Result<Generator, Error> {
        let places = Places::bundled(options.region)?;
        let taxonomy = Taxonomy::open_eligibility()?;
        let terms = KINDS
            .iter()
            .map(|kind| kind.codes.iter().map(|code| taxonomy.term(code)).collect())
            .collect::<Result<Vec<Vec<_>>, _>>()?;
        let mut total = 0;
        let kind_cumulative = KINDS
            .iter()
            .map(|k| {
                total += k.weight;
                total
            })
            .collect();
        Ok(Generator {
            rng: ChaCha8Rng::seed_from_u64(options.seed),
            places,
            terms,
            kind_cumulative,
            region: options.region,
            produced: 0,
            total: options.services,
            orgs: 0,
            org: None,
        })
    }

    fn next_org(&mut self) -> Org {
        self.orgs += 1;
        let rng = &mut self.rng;
        let showcase = match self.region {
            Region::Showcase => usize::try_from(self.orgs - 1)
                .ok()
                .and_then(|k| places::SHOWCASE_TOWNS.get(k))
                .and_then(|town| self.places.find(town)),
            _ => None,
        };
        let place_index = showcase.unwrap_or_else(|| self.places.sample(rng));
        let place = self.places.get(place_index);
        let share = vocabulary::francophone_share(&place.name, &place.fsa, &place.province);
        // A showcase town that speaks French gets a francophone organization.
        let french = (showcase.is_some() && share >= 0.5)
            || rng.random_bool(if place.province == "QC" {
                share * 0.95
            } else {
                share * 0.6
            });
        let (short, name) = if french {
            let first = pick(vocabulary::ORG_NAMES_FR, rng);
            let kind = pick(vocabulary::ORG_KINDS_FR, rng);
            let name = if rng.random_bool(0.25) {
                format!("{kind} {first} de {}", place.name)
            } else {
                format!("{kind} {first}")
            };
            (first.to_string(), name)
        } else {
            let first = pick(vocabulary::ORG_NAMES_EN, rng);
            let kind = pick(vocabulary::ORG_KINDS_EN, rng);
            let name = if rng.random_bool(0.2) {
                format!("{first} {kind} of {}", place.name)
            } else {
                format!("{first} {kind}")
            };
            (first.to_string(), name)
        };
        let slug = slug(&name);
        let description = if french {
            format!(
                "{name} est un organisme [sans but lucratif|communautaire|de bienfaisance] fictif au service de {} et des environs. (Organisme fictif.)",
                place.name
            )
        } else {
            format!(
                "{name} is a fictional [non-profit|community-based|charitable] organization serving {} and area. (Fictional organization.)",
                place.name
            )
        };
        let description = render(&description, &[], rng);
        let id = format!("synth-org-{:06}", self.orgs);
        let phone = phone_number(&place.fsa, &place.province, rng);
        let main = self.location(format!("{id}-loc"), place_index, &name, french, None);
        let rng = &mut self.rng;
        let left = weighted(&[(1, 35), (2, 25), (3, 15), (4, 10), (5, 8), (6, 7)], rng);
        Org {
            organization: Organization {
                id,
                name,
                description: Some(description),
                website: Some(format!("https://{slug}.example.org")),
                email: None,
            },
            short,
            slug,
            place: place_index,
            french,
            main,
            phone,
            left,
        }
    }

    /// A location in the community `place_index`: a street address with a
    /// postal code of its FSA, a point near its centre and accessibility.
    /// `site` names a branch ("Sudbury office"); `None` is the main site.
    fn location(
        &mut self,
        id: String,
        place_index: usize,
        org_name: &str,
        french: bool,
        site: Option<&str>,
    ) -> Location {
        let rng = &mut self.rng;
        let place = self.places.get(place_index);
        let radius = if place.is_rural() { 2.5 } else { 1.5 };
        let (latitude, longitude) = places::jitter(place.latitude, place.longitude, radius, rng);
        let street = if french {
            pick(vocabulary::STREETS_FR, rng).to_string()
        } else {
            format!(
                "{}{}",
                pick(vocabulary::STREETS_EN, rng),
                pick(vocabulary::STREET_SUFFIXES, rng)
            )
        };
        let number = if rng.random_bool(0.7) {
            rng.random_range(1..400u32)
        } else {
            rng.random_range(400..3000u32)
        };
        let unit = if rng.random_bool(0.2) {
            format!(
                ", {} {}",
                if french { "bureau" } else { "Suite" },
                rng.random_range(100..400u32)
            )
        } else {
            String::new()
        };
        let address_1 = if french {
            format!("{number}, {street}{unit}")
        } else {
            format!("{number} {street}{unit}")
        };
        let postal_code = places::postal_code(&place.fsa, rng);
        let accessibility = accessibility(&id, french, rng);
        let name = match site {
            Some(site) => format!("{org_name} – {site}"),
            None => org_name.to_string(),
        };
        Location {
            addresses: vec![Address {
                id: format!("{id}-addr"),
                address_1: Some(address_1),
                city: place.name.clone(),
                state_province: place.province.clone(),
                postal_code,
                country: "CA".to_string(),
                address_type: "physical".to_string(),
            }],
            id,
            location_type: "physical".to_string(),
            name: Some(name),
            latitude,
            longitude,
            accessibility,
        }
    }

    fn service(&mut self) -> Service {
        let mut org = match self.org.take() {
            Some(org) if org.left > 0 => org,
            _ => self.next_org(),
        };
        org.left -= 1;
        self.produced += 1;
        let service = self.service_of(&org);
        self.org = Some(org);
        service
    }

    fn service_of(&mut self, org: &Org) -> Service {
        let id = format!("synth-{:07}", self.produced);
        let ticket = self
            .rng
            .random_range(0..*self.kind_cumulative.last().unwrap_or(&1));
        let kind_index = self.kind_cumulative.partition_point(|&c| c <= ticket);
        let kind: &'static Kind = &KINDS[kind_index];

        // Where.
        let home = if self.rng.random_bool(0.75) {
            org.place
        } else {
            self.places.sample_nearby(org.place, &mut self.rng)
        };
        let confidential = kind.key == "womens_shelter";
        let mut locations = Vec::new();
        if confidential {
            locations.push(self.confidential_location(&id, home, org.french));
        } else if home == org.place {
            locations.push(org.main.clone());
        } else {
            let city = self.places.get(home).name.clone();
            let site = site_name(&city, org.french);
            locations.push(self.location(
                format!("{id}-loc-1"),
                home,
                &org.organization.name,
                org.french,
                Some(&site),
            ));
        }
        if !confidential && self.rng.random_bool(0.1) {
            let extra = self.rng.random_range(1..=3u32);
            for k in 0..extra {
                let near = self.places.sample_nearby(home, &mut self.rng);
                let city = self.places.get(near).name.clone();
                let site = site_name(&city, org.french);
                locations.push(self.location(
                    format!("{id}-loc-{}", k + 2),
                    near,
                    &org.organization.name,
                    org.french,
                    Some(&site),
                ));
            }
        }
        let place = self.places.get(home);
        let (city, fsa, province) = (
            place.name.clone(),
            place.fsa.clone(),
            place.province.clone(),
        );
        let rng = &mut self.rng;

        // In which languages.
        let french = org.french && rng.random_bool(0.9);
        let share = vocabulary::francophone_share(&city, &fsa, &province);
        let mut languages: Vec<Lang> = Vec::new();
        if french {
            languages.push(FRENCH);
            if rng.random_bool(if province == "QC" { 0.4 } else { 0.7 }) {
                languages.push(ENGLISH);
            }
        } else {
            languages.push(ENGLISH);
            if rng.random_bool((share * 0.8).min(0.95)) {
                languages.push(FRENCH);
            }
        }
        let (area, other) = Area::of(&city, &fsa, &province);
        if rng.random_bool(other) {
            let pool = vocabulary::community_languages(area);
            let count = weighted(&[(1, 5), (2, 3), (3, 2)], rng);
            for _ in 0..count {
                let lang = weighted(pool, rng);
                if !languages.contains(&lang) {
                    languages.push(lang);
                }
            }
        }
        let bilingual = languages.contains(&ENGLISH) && languages.contains(&FRENCH);

        // What it says.
        let (income_en, income_fr) = vocabulary::income_programs(&province);
        let (early_en, early_fr) = vocabulary::early_years_centre(&province);
        let vars_en = [
            ("city", city.as_str()),
            ("org", org.organization.name.as_str()),
            ("income", income_en),
            ("early_years", early_en),
        ];
        let vars_fr = [
            ("city", city.as_str()),
            ("org", org.organization.name.as_str()),
            ("income", income_fr),
            ("early_years", early_fr),
        ];
        let vars: &[(&str, &str)] = if french { &vars_fr } else { &vars_en };
        let say = |text: Text, rng: &mut ChaCha8Rng| {
            let list = if french { text.fr } else { text.en };
            render(pick(list, rng), vars, rng)
        };

        let base_name = say(kind.names, rng);
        let name = if !base_name.contains(city.as_str()) && rng.random_bool(0.3) {
            if french {
                format!("{base_name} {}", org.short)
            } else {
                format!("{} {base_name}", org.short)
            }
        } else {
            base_name
        };
        let alternate_name = if bilingual && rng.random_bool(0.6) {
            let (list, vars) = if french {
                (kind.names.en, &vars_en)
            } else {
                (kind.names.fr, &vars_fr)
            };
            Some(render(pick(list, rng), vars, rng))
        } else {
            None
        };

        let mut description = say(kind.leads, rng);
        let details = if french {
            kind.details.fr
        } else {
            kind.details.en
        };
        let first = rng.random_range(0..details.len() as u32) as usize;
        description.push(' ');
        description.push_str(&render(details[first], vars, rng));
        if details.len() > 1 && rng.random_bool(0.5) {
            let second = (first + 1 + rng.random_range(0..details.len() as u32 - 1) as usize)
                % details.len();
            description.push(' ');
            description.push_str(&render(details[second], vars, rng));
        }
        if rng.random_bool(0.5) {
            description.push(' ');
            description.push_str(&say(vocabulary::GENERAL, rng));
        }
        description.push(' ');
        description.push_str(SYNTHETIC_MARKER);

        // Who for.
        let audience = weighted(kind.audiences, rng);
        let (minimum_age, maximum_age) = audience.ages();
        let eligibility = say(audience.eligibility(), rng);
        let apply: Apply = pick(kind.apply, rng);
        let application_process = say(apply.text(), rng);

        // When.
        let hours = weighted(kind.hours, rng);
        let schedules = hours::rules(hours, rng)
            .into_iter()
            .enumerate()
            .map(|(k, rule)| Schedule {
                id: format!("{id}-sch-{}", k + 1),
                freq: "WEEKLY".to_string(),
                byday: rule.0.to_string(),
                opens_at: rule.1.to_string(),
                closes_at: rule.2.to_string(),
                description: Some(hours::describe(rule, french)),
            })
            .collect();

        // What it costs.
        let (cost_option, fees_description) = cost(&id, weighted(kind.costs, rng), french, rng);

        // What to bring.
        let mut required_documents = Vec::new();
        for document in kind.documents {
            if rng.random_bool(0.35) {
                required_documents.push(RequiredDocument {
                    id: format!("{id}-doc-{}", required_documents.len() + 1),
                    document: document.name(&province, french).to_string(),
                });
            }
        }

        // Categories.
        let mut attributes = Vec::new();
        for (k, term) in self.terms[kind_index].iter().enumerate() {
            if k == 0 || rng.random_bool(0.6) {
                attributes.push(Attribute {
                    id: format!("{id}-attr-{}", attributes.len() + 1),
                    taxonomy_term: term.clone(),
                    value: None,
                });
            }
        }
        if let Some(gender) = audience.gender() {
            let (code, name) = match gender {
                Gender::Female => ("female", "Women"),
                Gender::Male => ("male", "Men"),
            };
            attributes.push(Attribute {
                id: format!("{id}-attr-{}", attributes.len() + 1),
                taxonomy_term: TaxonomyTerm {
                    id: format!("gender-{code}"),
                    code: code.to_string(),
                    name: name.to_string(),
                    parent_id: None,
                    taxonomy: "gender".to_string(),
                },
                value: None,
            });
        }
        // Who for, as structured data: the groups an audience is, income
        // limits and residency. Chosen from the service's number, not the
        // random stream, so that every other field stays as it was.
        let number = self.produced;
        let mut eligibility = eligibility;
        let mut rules: Vec<(&str, String)> = Vec::new();
        if let Some(group) = audience.group() {
            rules.push(("group", group.to_string()));
        }
        if audience == vocabulary::Audience::LowIncome {
            // Most low-income programs use a share of the low-income measure;
            // some an absolute yearly limit. Provincial programs serve residents.
            match number % 4 {
                0 => rules.push((
                    "income-limit",
                    ["32000", "45000", "60000"][(number / 4 % 3) as usize].into(),
                )),
                _ => rules.push((
                    "income-limit-lim",
                    ["1", "1.25", "1.5"][(number % 3) as usize].into(),
                )),
            }
            rules.push(("residency", "ON".into()));
        }
        // Some housing and shelter services are for veterans: every ninth,
        // and those within 100 km of Ontario's bases (Kingston, Petawawa,
        // Trenton, Borden).
        let here = self.places.get(home);
        let near_a_base = [
            (44.23, -76.49),
            (45.90, -77.28),
            (44.10, -77.58),
            (44.27, -79.91),
        ]
        .iter()
        .any(|&(lat, lon): &(f64, f64)| {
            let dlat = here.latitude - lat;
            let dlon = (here.longitude - lon) * lat.to_radians().cos();
            (dlat * dlat + dlon * dlon).sqrt() * 111.0 < 100.0
        });
        let housing = matches!(
            kind.key,
            "housing_help" | "emergency_shelter" | "mens_shelter" | "rent_bank"
        );
        if housing && (number.is_multiple_of(9) || near_a_base) {
            rules.push(("group", "veteran".into()));
            eligibility.push_str(if french {
                " Programme réservé aux anciens combattants des Forces armées canadiennes."
            } else {
                " For veterans of the Canadian Armed Forces."
            });
        }
        for (code, value) in rules {
            attributes.push(Attribute {
                id: format!("{id}-attr-{}", attributes.len() + 1),
                taxonomy_term: TaxonomyTerm {
                    id: format!("eligibility-{code}"),
                    code: code.to_string(),
                    name: code.replace('-', " "),
                    parent_id: None,
                    taxonomy: "servicematch-eligibility".to_string(),
                },
                value: Some(value),
            });
        }

        // How to reach it.
        let mut phones = vec![Phone {
            id: format!("{id}-ph-1"),
            number: if rng.random_bool(0.5) {
                org.phone.clone()
            } else {
                phone_number(&fsa, &province, rng)
            },
            kind: "voice".to_string(),
            description: None,
        }];
        if kind.key == "crisis_line" && rng.random_bool(0.5) {
            phones.push(Phone {
                id: format!("{id}-ph-2"),
                number: phone_number(&fsa, &province, rng),
                kind: "text".to_string(),
                description: Some(
                    if french {
                        "Soutien par texto"
                    } else {
                        "Text support"
                    }
                    .to_string(),
                ),
            });
        }
        let path = kind.key.replace('_', "-");
        let url = rng
            .random_bool(0.8)
            .then(|| format!("https://{}.example.org/{path}", org.slug));
        let email = rng
            .random_bool(0.6)
            .then(|| format!("{path}@{}.example.org", org.slug));
        let assured_date = format!(
            "{}-{:02}-{:02}",
            rng.random_range(2023..=2025u32),
            rng.random_range(1..=12u32),
            rng.random_range(1..=28u32)
        );

        let service_at_locations = locations
            .into_iter()
            .enumerate()
            .map(|(k, location)| ServiceAtLocation {
                id: format!("{id}-sal-{}", k + 1),
                location,
            })
            .collect();
        let languages = languages
            .into_iter()
            .map(|(code, name)| Language {
                id: format!("{id}-lang-{code}"),
                name: name.to_string(),
                code: code.to_string(),
            })
            .collect();
        Service {
            name,
            alternate_name,
            description,
            url,
            email,
            status: "active".to_string(),
            eligibility_description: Some(eligibility),
            minimum_age,
            maximum_age,
            application_process: Some(application_process),
            fees_description: Some(fees_description),
            assured_date: Some(assured_date),
            organization: org.organization.clone(),
            service_at_locations,
            phones,
            languages,
            schedules,
            cost_options: vec![cost_option],
            required_documents,
            attributes,
            id,
        }
    }

    /// A shelter's location: the town and postal district only, with the
    /// point at the community's centre (about a kilometre), as shelters for
    /// women fleeing violence do not publish their address.
    fn confidential_location(&mut self, id: &str, place_index: usize, french: bool) -> Location {
        let place = self.places.get(place_index);
        let round2 = |v: f64| (v * 100.0).round() / 100.0;
        let postal_code = places::postal_code(&place.fsa, &mut self.rng);
        Location {
            id: format!("{id}-loc-1"),
            location_type: "physical".to_string(),
            name: Some(
                if french {
                    "Adresse confidentielle"
                } else {
                    "Confidential location"
                }
                .to_string(),
            ),
            latitude: round2(place.latitude),
            longitude: round2(place.longitude),
            addresses: vec![Address {
                id: format!("{id}-loc-1-addr"),
                address_1: None,
                city: place.name.clone(),
                state_province: place.province.clone(),
                postal_code,
                country: "CA".to_string(),
                address_type: "physical".to_string(),
            }],
            accessibility: Vec::new(),
        }
    }
}

impl Iterator for Generator {
    type Item = Service;

    fn next(&mut self) -> Option<Service> {
        (self.produced < self.total).then(|| self.service())
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = usize::try_from(self.total - self.produced).unwrap_or(usize::MAX);
        (left, Some(left))
    }
}

fn pick<T: Copy>(list: &[T], rng: &mut impl Rng) -> T {
    list[rng.random_range(0..list.len() as u32) as usize]
}

fn weighted<T: Copy>(items: &[(T, u32)], rng: &mut impl Rng) -> T {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut ticket = rng.random_range(0..total);
    for (item, weight) in items {
        if ticket < *weight {
            return *item;
        }
        ticket -= weight;
    }
    items[items.len() - 1].0
}

fn site_name(city: &str, french: bool) -> String {
    if french {
        format!("Bureau de {city}")
    } else {
        format!("{city} office")
    }
}

/// The accessibility of a site: usually wheelchair accessible, sometimes
/// with stairs, sometimes not said.
fn accessibility(location_id: &str, french: bool, rng: &mut impl Rng) -> Vec<Accessibility> {
    let roll = rng.random_range(0..100u32);
    let mut features: Vec<&str> = Vec::new();
    if roll < 65 {
        features.push(if french {
            "Accessible en fauteuil roulant"
        } else {
            "Wheelchair accessible"
        });
        let extras: &[&str] = if french {
            &[
                "Toilettes accessibles",
                "Porte automatique",
                "Ascenseur",
                "Stationnement accessible",
            ]
        } else {
            &[
                "Accessible washroom",
                "Automatic door opener",
                "Elevator",
                "Accessible parking",
            ]
        };
        for extra in extras {
            if rng.random_bool(0.3) {
                features.push(extra);
            }
        }
    } else if roll < 80 {
        features.push(if french {
            "Entrée avec marches; pas d'ascenseur"
        } else {
            "Entrance has steps; no elevator"
        });
    }
    features
        .into_iter()
        .enumerate()
        .map(|(k, description)| Accessibility {
            id: format!("{location_id}-acc-{}", k + 1),
            description: description.to_string(),
        })
        .collect()
}

/// The cost option and the fees in words.
fn cost(id: &str, cost: Cost, french: bool, rng: &mut impl Rng) -> (CostOption, String) {
    let option = |option: &str, amount: f64, per: Option<String>| CostOption {
        id: format!("{id}-cost"),
        option: option.to_string(),
        amount: Some(amount),
        currency: Some("CAD".to_string()),
        amount_description: per,
    };
    match cost {
        Cost::Free => {
            let text = if french {
                pick(&["Gratuit.", "Service gratuit.", "Aucuns frais."], rng)
            } else {
                pick(
                    &[
                        "Free.",
                        "No cost.",
                        "Free of charge.",
                        "Free; donations welcome.",
                    ],
                    rng,
                )
            };
            (option("Free", 0.0, None), text.to_string())
        }
        Cost::Sliding(amounts, unit) => {
            let from = pick(amounts, rng);
            let text = if french {
                format!(
                    "Échelle mobile selon le revenu du ménage, à partir de {} {}.",
                    money(from, true),
                    unit.fr()
                )
            } else {
                format!(
                    "Sliding scale based on household income, from {} {}.",
                    money(from, false),
                    unit.en()
                )
            };
            let per = if french { unit.fr() } else { unit.en() };
            (option("Sliding scale", from, Some(per.to_string())), text)
        }
        Cost::Fee(amounts, unit) => {
            let amount = pick(amounts, rng);
            let subsidy = rng.random_bool(0.4);
            let text = match (french, subsidy) {
                (true, true) => format!(
                    "{} {}; une aide financière est offerte.",
                    money(amount, true),
                    unit.fr()
                ),
                (true, false) => format!("{} {}.", money(amount, true), unit.fr()),
                (false, true) => format!(
                    "{} {}; subsidies are available.",
                    money(amount, false),
                    unit.en()
                ),
                (false, false) => format!("{} {}.", money(amount, false), unit.en()),
            };
            let per = if french { unit.fr() } else { unit.en() };
            (option("Fee", amount, Some(per.to_string())), text)
        }
    }
}

/// "$7.50" / "7,50 $"; whole amounts without cents.
fn money(amount: f64, french: bool) -> String {
    let cents = (amount * 100.0).round() as u64;
    let text = if cents.is_multiple_of(100) {
        format!("{}", cents / 100)
    } else if french {
        format!("{},{:02}", cents / 100, cents % 100)
    } else {
        format!("{}.{:02}", cents / 100, cents % 100)
    };
    if french {
        format!("{text} $")
    } else {
        format!("${text}")
    }
}

/// A fictional phone number in the community's area code: 555-0100 to
/// 555-0199 are reserved for fiction in North America.
fn phone_number(fsa: &str, province: &str, rng: &mut impl Rng) -> String {
    let area = area_code(fsa, province, rng);
    format!("{area}-555-01{:02}", rng.random_range(0..100u32))
}

fn area_code(fsa: &str, province: &str, rng: &mut impl Rng) -> &'static str {
    let codes: &[&str] = match (province, fsa.as_bytes()) {
        ("ON", [b'M', ..]) => &["416", "647", "437"],
        ("ON", [b'L', ..]) => &["905", "289", "365"],
        ("ON", [b'K', b'9', ..]) => &["705", "249"],
        ("ON", [b'K', ..]) => &["613", "343"],
        ("ON", [b'N', ..]) => &["519", "226", "548"],
        ("ON", [b'P', b'7' | b'8' | b'9', ..])
        | ("ON", [b'P', b'0', b'T' | b'V' | b'W' | b'X', ..]) => &["807"],
        ("ON", _) => &["705", "249"],
        ("QC", [b'H', ..]) => &["514", "438"],
        ("QC", [b'G', ..]) => &["418", "581"],
        ("QC", [b'J', b'8' | b'9', ..]) => &["819", "873"],
        ("QC", _) => &["450", "579"],
        ("BC", [b'V', b'5' | b'6' | b'3' | b'4' | b'7', ..]) => &["604", "778"],
        ("BC", _) => &["250", "778"],
        ("AB", [b'T', b'1' | b'2' | b'3' | b'0', ..]) => &["403", "587"],
        ("AB", _) => &["780", "587"],
        ("SK", _) => &["306", "639"],
        ("MB", _) => &["204", "431"],
        ("NB", _) => &["506"],
        ("NS" | "PE", _) => &["902", "782"],
        ("NL", _) => &["709"],
        _ => &["867"],
    };
    pick(codes, rng)
}

/// A lowercase ASCII slug for a domain name: "Les Érables" → "les-erables".
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let c = match c {
            'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
            'î' | 'ï' | 'Î' => 'i',
            'ô' | 'ö' | 'Ô' => 'o',
            'ù' | 'û' | 'ü' | 'Û' => 'u',
            'ç' | 'Ç' => 'c',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') && c != '\'' && c != '’' {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn generate(services: u64, seed: u64, region: Region) -> Vec<Service> {
        Generator::new(Options {
            services,
            seed,
            region,
        })
        .unwrap()
        .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_services_and_another_seed_does_not() {
        let a = generate(300, 42, Region::Ontario);
        let b = generate(300, 42, Region::Ontario);
        let c = generate(300, 43, Region::Ontario);
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn a_longer_run_starts_with_the_shorter_one() {
        let short = generate(100, 5, Region::Ontario);
        let long = generate(250, 5, Region::Ontario);
        assert_eq!(short[..], long[..100]);
    }

    #[test]
    fn counts_and_ids() {
        let services = generate(1_000, 1, Region::Ontario);
        assert_eq!(services.len(), 1_000);
        assert_eq!(services[0].id, "synth-0000001");
        assert_eq!(services[999].id, "synth-0001000");
        let ids: BTreeSet<&str> = services.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids.len(), 1_000);
        assert_eq!(generate(0, 1, Region::Ontario).len(), 0);
    }

    #[test]
    fn every_service_has_a_located_address_in_its_region() {
        for (region, bounds) in [
            (Region::Ontario, (41.6, 57.0, -95.2, -74.3)),
            (Region::Canada, (41.6, 83.2, -141.1, -52.6)),
        ] {
            for service in generate(2_000, 11, region) {
                assert!(!service.service_at_locations.is_empty(), "{}", service.id);
                for sal in &service.service_at_locations {
                    let l = &sal.location;
                    assert!(
                        (bounds.0..=bounds.1).contains(&l.latitude)
                            && (bounds.2..=bounds.3).contains(&l.longitude),
                        "{} at {},{}",
                        service.id,
                        l.latitude,
                        l.longitude
                    );
                    let address = &l.addresses[0];
                    assert!(address.postal_code.len() == 7 && address.country == "CA");
                    if region == Region::Ontario {
                        assert_eq!(address.state_province, "ON");
                    }
                }
            }
        }
    }

    #[test]
    fn locations_with_the_same_id_are_identical() {
        let mut seen: BTreeMap<String, Location> = BTreeMap::new();
        let mut shared = 0;
        for service in generate(3_000, 2, Region::Ontario) {
            for sal in service.service_at_locations {
                if let Some(before) = seen.get(&sal.location.id) {
                    assert_eq!(before, &sal.location);
                    shared += 1;
                } else {
                    seen.insert(sal.location.id.clone(), sal.location);
                }
            }
        }
        assert!(shared > 500, "{shared}");
    }

    #[test]
    fn categories_are_real_open_eligibility_terms() {
        let taxonomy = Taxonomy::open_eligibility().unwrap();
        for service in generate(2_000, 3, Region::Ontario) {
            let oe: Vec<&TaxonomyTerm> = service
                .attributes
                .iter()
                .map(|a| &a.taxonomy_term)
                .filter(|t| t.taxonomy == "Open Eligibility")
                .collect();
            assert!(!oe.is_empty(), "{}", service.id);
            for term in oe {
                assert_eq!(taxonomy.term(&term.code).unwrap(), *term);
            }
        }
    }

    #[test]
    fn the_directory_shows_every_feature() {
        let services = generate(5_000, 42, Region::Ontario);
        let count = |f: &dyn Fn(&Service) -> bool| services.iter().filter(|s| f(s)).count();
        let has_lang = |s: &Service, code: &str| s.languages.iter().any(|l| l.code == code);
        let city = |s: &Service| s.service_at_locations[0].location.addresses[0].city.clone();

        let seniors = count(&|s| s.minimum_age == Some(65));
        let youth = count(&|s| s.minimum_age == Some(16) && s.maximum_age == Some(24));
        let children = count(&|s| s.minimum_age == Some(0) && s.maximum_age == Some(12));
        let women = count(&|s| {
            s.attributes
                .iter()
                .any(|a| a.taxonomy_term.taxonomy == "gender" && a.taxonomy_term.code == "female")
        });
        let always_open = count(&|s| {
            s.schedules
                .iter()
                .any(|r| r.byday.ends_with("SU") && r.opens_at == "00:00")
        });
        let evenings = count(&|s| {
            s.schedules
                .iter()
                .any(|r| r.closes_at.as_str() >= "20:00" && r.opens_at != "00:00")
        });
        let paid = count(&|s| s.cost_options.iter().any(|c| c.option == "Fee"));
        let sliding = count(&|s| s.cost_options.iter().any(|c| c.option == "Sliding scale"));
        let free = count(&|s| s.cost_options.iter().any(|c| c.option == "Free"));
        let wheelchair = count(&|s| {
            s.service_at_locations[0]
                .location
                .accessibility
                .iter()
                .any(|a| a.description == "Wheelchair accessible")
        });
        let multi = count(&|s| s.service_at_locations.len() >= 2);
        let other_languages =
            count(&|s| s.languages.iter().any(|l| l.code != "en" && l.code != "fr"));
        let french_in_sudbury = count(&|s| city(s) == "Sudbury" && has_lang(s, "fr"));
        let french_text = count(&|s| s.languages[0].code == "fr");
        for (what, n, at_least) in [
            ("seniors 65+", seniors, 100),
            ("youth 16-24", youth, 100),
            ("children 0-12", children, 30),
            ("women only", women, 50),
            ("24/7", always_open, 200),
            ("evenings", evenings, 200),
            ("fee", paid, 100),
            ("sliding scale", sliding, 100),
            ("free", free, 3_000),
            ("wheelchair", wheelchair, 2_500),
            ("several locations", multi, 300),
            ("other languages", other_languages, 500),
            ("French in Sudbury", french_in_sudbury, 20),
            ("French text", french_text, 100),
        ] {
            assert!(n >= at_least, "{what}: {n} < {at_least}");
        }
        assert!(multi < 800, "several locations: {multi}");
    }

    #[test]
    fn french_services_are_written_in_french() {
        for service in generate(3_000, 8, Region::Ontario) {
            let french = service.languages[0].code == "fr";
            assert!(service.description.ends_with(SYNTHETIC_MARKER));
            if french {
                assert!(
                    service
                        .fees_description
                        .as_deref()
                        .is_some_and(|f| f.contains("atuit")
                            || f.contains('$')
                            || f.contains("frais")),
                    "{:?}",
                    service.fees_description
                );
                assert!(
                    !service.description.contains(" the "),
                    "{}",
                    service.description
                );
            } else {
                assert!(
                    !service.description.contains(" les "),
                    "{}",
                    service.description
                );
            }
            let sentences = service.description.matches(". ").count() + 1;
            assert!((2..=6).contains(&sentences), "{}", service.description);
        }
    }

    #[test]
    fn quebec_is_mostly_french_at_continental_scale() {
        let services = generate(20_000, 4, Region::Canada);
        let quebec: Vec<&Service> = services
            .iter()
            .filter(|s| s.service_at_locations[0].location.addresses[0].state_province == "QC")
            .collect();
        assert!(quebec.len() > 2_000, "{}", quebec.len());
        let french = quebec
            .iter()
            .filter(|s| s.languages[0].code == "fr")
            .count();
        assert!(
            french * 10 > quebec.len() * 7,
            "{french} of {}",
            quebec.len()
        );
    }

    #[test]
    fn helpers() {
        assert_eq!(
            slug("Centre communautaire Les Érables de Hearst"),
            "centre-communautaire-les-erables-de-hearst"
        );
        assert_eq!(slug("Seniors' Association"), "seniors-association");
        assert_eq!(money(7.5, false), "$7.50");
        assert_eq!(money(7.5, true), "7,50 $");
        assert_eq!(money(10.0, false), "$10");
        let mut rng = ChaCha8Rng::seed_from_u64(0);
        assert!(
            phone_number("P3E", "ON", &mut rng).starts_with("705-555-01")
                || phone_number("P3E", "ON", &mut rng).starts_with("249-555-01")
        );
        assert!(phone_number("P7B", "ON", &mut rng).starts_with("807-555-01"));
    }
}
