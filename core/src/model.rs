//! The data model: one [`Service`] per HSDS service, with everything a
//! specialist needs to refer someone to it.
//!
//! Importers ([`crate::hsds`]) normalise publishers' data into these types;
//! the index stores them as display records and derives its filter columns
//! from them.

use serde::{Deserialize, Serialize};

/// A health or social service, with its organization and all its locations.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Service {
    /// The publisher's own HSDS service id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Other names people know the service by.
    pub alternate_names: Vec<String>,
    /// What the service does, in the publisher's words.
    pub description: Option<String>,
    /// The organization that runs the service.
    pub organization: Option<Organization>,
    /// Every place where the service is delivered.
    pub locations: Vec<Location>,
    /// Phone numbers.
    pub phones: Vec<Phone>,
    /// Web page.
    pub url: Option<String>,
    /// Contact email.
    pub email: Option<String>,
    /// Languages the service is offered in.
    pub languages: Vec<Language>,
    /// Who the service is for.
    pub eligibility: EligibilityRules,
    /// Taxonomy terms the service is classified under.
    pub categories: Vec<Category>,
    /// Extra search keywords.
    pub keywords: Vec<String>,
    /// What the service costs.
    pub cost: Cost,
    /// The publisher's own words about fees.
    pub fees_description: Option<String>,
    /// Accessibility of the service's locations.
    pub accessibility: Accessibility,
    /// Weekly opening hours, in the local time of the service.
    pub hours: Vec<OpenInterval>,
    /// Opening hours as text, where they could not be structured.
    pub hours_text: Option<String>,
    /// How to apply or get referred.
    pub application_process: Option<String>,
    /// Documents to bring.
    pub required_documents: Vec<String>,
    /// Operational status.
    pub status: Status,
    /// When the record was last verified by the publisher (ISO 8601 date).
    pub last_verified: Option<String>,
    /// The IANA time zone of the service's hours ("America/Winnipeg"); hours
    /// without one are "hours unknown" to open-now searches.
    pub time_zone: Option<String>,
    /// Monthly opening hours ("the second Monday"), in local time.
    pub monthly_hours: Vec<MonthlyInterval>,
    /// Date ranges with hours of their own (holidays, closures, special hours).
    pub hours_exceptions: Vec<HoursException>,
    /// Where the service serves people, wherever its offices are (an
    /// outreach team, a telephone line, a district program); empty when the
    /// data does not say.
    pub service_areas: Vec<ServiceArea>,
    /// The program the service belongs to, by name (HSDS `program`):
    /// "Ontario Works", "Healthy Smiles Ontario".
    pub program: Option<String>,
}

impl Service {
    /// How to reach the service, in one short line for a hit's explanation:
    /// the first sentence of its application process, the documents to
    /// bring and wheelchair access ("Call to register · bring: Health card ·
    /// wheelchair accessible"); `None` when the data says none of these.
    /// The full record ([`crate::Index::service_by_id`], the handout) has
    /// the rest.
    pub fn access_line(&self) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if let Some(apply) = self
            .application_process
            .as_deref()
            .map(first_sentence)
            .filter(|s| !s.is_empty())
        {
            parts.push(shortened(apply, ACCESS_APPLY_CHARS));
        }
        let documents: Vec<&str> = self
            .required_documents
            .iter()
            .map(|d| d.trim().trim_end_matches('.'))
            .filter(|d| !d.is_empty())
            .collect();
        if !documents.is_empty() {
            let shown = documents.len().min(ACCESS_DOCUMENTS);
            let mut bring = format!("bring: {}", documents[..shown].join(", "));
            if documents.len() > shown {
                bring.push_str(&format!(" and {} more", documents.len() - shown));
            }
            parts.push(shortened(&bring, ACCESS_APPLY_CHARS));
        }
        if self.accessibility.wheelchair {
            parts.push("wheelchair accessible".to_owned());
        }
        (!parts.is_empty()).then(|| parts.join(" · "))
    }
}

/// At most this many characters of the application process (or the
/// documents) in an access line: a line, not a paragraph.
const ACCESS_APPLY_CHARS: usize = 90;
/// At most this many documents named in an access line.
const ACCESS_DOCUMENTS: usize = 3;

/// The text up to its first full stop, without it (the whole text when it has none).
fn first_sentence(text: &str) -> &str {
    let text = text.trim();
    let end = text
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .map_or(text.len(), |(i, _)| i);
    text[..end].trim()
}

/// `text` cut at a word boundary to at most `max` characters, with "…".
fn shortened(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// An area a service serves: polygons (HSDS 3 GeoJSON extents), postal
/// code prefixes ("P0V", "P7"), or a name ("Thunder Bay District",
/// "Ontario") that the build resolves to prefixes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceArea {
    /// The area's name, for people ("all of Sudbury District").
    pub name: Option<String>,
    /// Polygons, each an exterior ring and holes of (lon, lat) points in
    /// degrees (GeoJSON order).
    pub polygons: Vec<AreaPolygon>,
    /// Postal code prefixes: forward sortation areas ("P0V"), districts
    /// ("P7") or provinces' letters ("P"); US ZIP code prefixes ("331").
    pub postal_prefixes: Vec<String>,
}

/// A polygon with holes, points as (lon, lat) in degrees.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct AreaPolygon {
    /// The outer ring.
    pub exterior: Vec<(f64, f64)>,
    /// Rings cut out of it.
    pub holes: Vec<Vec<(f64, f64)>>,
}

/// The organization behind a service.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Organization {
    /// The publisher's organization id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Web site.
    pub url: Option<String>,
}

/// A place where a service is delivered.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Location {
    /// The publisher's location id.
    pub id: String,
    /// Name of the site, if it has one.
    pub name: Option<String>,
    /// Latitude in degrees (WGS 84); NaN when the publisher gave no
    /// coordinates (the location is shown, but not found by distance).
    /// JSON writes NaN as `null`, and `null` reads back as NaN.
    #[serde(deserialize_with = "nan_if_null")]
    pub lat: f64,
    /// Longitude in degrees (WGS 84); NaN when the publisher gave no coordinates.
    #[serde(deserialize_with = "nan_if_null")]
    pub lon: f64,
    /// Street address on one line ("123 Main St, Sudbury, ON").
    pub address: Option<String>,
    /// Town or city.
    pub city: Option<String>,
    /// Province, state or region ("ON").
    pub region: Option<String>,
    /// Postal code as the publisher wrote it.
    pub postal_code: Option<String>,
}

/// Reads a coordinate; in text formats (JSON), where NaN is written as
/// `null`, `null` reads as NaN. Binary formats (the index records) hold NaN.
fn nan_if_null<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    if deserializer.is_human_readable() {
        Ok(Option::<f64>::deserialize(deserializer)?.unwrap_or(f64::NAN))
    } else {
        f64::deserialize(deserializer)
    }
}

/// A phone number.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Phone {
    /// The number as it should be dialled or shown.
    pub number: String,
    /// Extension, if any.
    pub extension: Option<String>,
    /// What kind of line: voice, fax, text, hotline…
    pub kind: Option<String>,
}

/// A language a service is offered in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Language {
    /// ISO 639-1 code where one exists ("fr"), else ISO 639-3 ("ase"), else none.
    pub code: Option<String>,
    /// The name as the publisher gave it ("Français").
    pub name: String,
}

/// Who a service is for, as far as the publisher's data says.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct EligibilityRules {
    /// Inclusive age range in years, when the service is age-restricted.
    pub ages: Option<AgeRange>,
    /// Genders served, when the service is restricted to some; empty means all.
    pub genders: Vec<Gender>,
    /// The publisher's own eligibility text.
    pub description: Option<String>,
    /// The groups the service is for ("for newcomers", "for veterans"),
    /// each marked when it was read from the eligibility text. A service
    /// for a group ranks first for people in it; a group never excludes
    /// anyone by itself (a profile lists what a person is, not all they are).
    pub groups: Vec<GroupRule>,
    /// A household income limit, when the service has one.
    pub income_limit: Option<IncomeLimit>,
    /// Where people must live to be served: provinces or territories by
    /// code or name ("ON", "Ontario"), municipalities or regions by name
    /// ("Thunder Bay", "City of Greater Sudbury"); the residents of any one
    /// are served. The build resolves a place to the forward sortation
    /// areas the built-in gazetteer names after it; a name it cannot
    /// resolve is reported, kept here and restricts no one. Empty means
    /// anywhere.
    pub residency: Vec<String>,
}

/// A group a service is for, and where the publisher's data said so.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRule {
    /// The group.
    pub group: Group,
    /// Read from free eligibility text rather than structured data.
    #[serde(default)]
    pub from_text: bool,
}

/// Groups of people services are made for, and that a client may say they
/// belong to (`client.statuses`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Older adults (a client 65 or older is one without saying so).
    Senior,
    /// Young people (a client 12 to 24 is one without saying so).
    Youth,
    /// Newcomers to Canada: immigrants and refugees.
    Newcomer,
    /// Refugees and refugee claimants (also newcomers).
    Refugee,
    /// First Nations, Inuit and Métis people.
    Indigenous,
    /// Veterans of the armed forces.
    Veteran,
    /// People with a disability.
    Disability,
    /// Pregnant people.
    Pregnant,
    /// Caregivers of a family member.
    Caregiver,
    /// Students.
    Student,
    /// LGBTQ2S+ people.
    Lgbtq,
    /// Parents and guardians.
    Parent,
    /// People without housing.
    Homeless,
}

impl Group {
    /// Every group, in the order of their bits in the index.
    pub const ALL: [Group; 13] = [
        Group::Senior,
        Group::Youth,
        Group::Newcomer,
        Group::Refugee,
        Group::Indigenous,
        Group::Veteran,
        Group::Disability,
        Group::Pregnant,
        Group::Caregiver,
        Group::Student,
        Group::Lgbtq,
        Group::Parent,
        Group::Homeless,
    ];

    /// Reads a group from the words people and directories use ("senior",
    /// "seniors", "older adults", "aînés", "immigrant", "First Nations"…).
    pub fn parse(text: &str) -> Option<Group> {
        let folded = crate::lang::fold(text.trim());
        Group::by_word(&folded).or_else(|| folded.strip_suffix('s').and_then(Group::by_word))
    }

    /// A group by its name in the singular, folded ([`crate::lang::fold`]).
    fn by_word(word: &str) -> Option<Group> {
        Some(match word {
            "senior" | "older adult" | "elder" | "elderly" | "aine" | "personne agee" => {
                Group::Senior
            }
            "youth" | "young people" | "young person" | "teen" | "teenager" | "adolescent"
            | "jeune" => Group::Youth,
            "newcomer" | "immigrant" | "nouvel arrivant" | "nouveaux arrivant" => Group::Newcomer,
            "refugee" | "refugie" | "refugee claimant" | "asylum seeker" => Group::Refugee,
            "indigenous" | "indigenous people" | "first nation" | "inuit" | "inuk" | "metis"
            | "autochtone" | "aboriginal" => Group::Indigenous,
            "veteran" | "ancien combattant" | "anciens combattant" => Group::Veteran,
            "disability"
            | "disabilities"
            | "disabled"
            | "person with a disability"
            | "people with disabilities"
            | "handicap"
            | "personne handicapee" => Group::Disability,
            "pregnant" | "pregnancy" | "expectant parent" | "enceinte" => Group::Pregnant,
            "caregiver" | "carer" | "aidant" | "proche aidant" => Group::Caregiver,
            "student" | "etudiant" => Group::Student,
            "lgbtq" | "lgbtq2" | "lgbtq2+" | "lgbtq2s" | "lgbtq2s+" | "lgbtq+" | "2slgbtq+"
            | "2slgbtqi+" | "lgbt" | "queer" => Group::Lgbtq,
            "parent" | "single parent" | "guardian" | "family" | "famille" => Group::Parent,
            "homeless" | "homeless people" | "unhoused" | "sans-abri" | "itinerant" => {
                Group::Homeless
            }
            _ => return None,
        })
    }

    /// The lowercase name used in JSON ("senior", "newcomer", "lgbtq").
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Senior => "senior",
            Group::Youth => "youth",
            Group::Newcomer => "newcomer",
            Group::Refugee => "refugee",
            Group::Indigenous => "indigenous",
            Group::Veteran => "veteran",
            Group::Disability => "disability",
            Group::Pregnant => "pregnant",
            Group::Caregiver => "caregiver",
            Group::Student => "student",
            Group::Lgbtq => "lgbtq",
            Group::Parent => "parent",
            Group::Homeless => "homeless",
        }
    }

    /// How an explanation names the people a service is for ("newcomers").
    pub fn people(self) -> &'static str {
        match self {
            Group::Senior => "seniors",
            Group::Youth => "youth",
            Group::Newcomer => "newcomers",
            Group::Refugee => "refugees",
            Group::Indigenous => "Indigenous people",
            Group::Veteran => "veterans",
            Group::Disability => "people with a disability",
            Group::Pregnant => "pregnant people",
            Group::Caregiver => "caregivers",
            Group::Student => "students",
            Group::Lgbtq => "LGBTQ2S+ people",
            Group::Parent => "parents",
            Group::Homeless => "people without housing",
        }
    }
}

/// A household income limit: yearly, in dollars, either absolute or as a
/// share of the index's low-income line for the household's size
/// (Statistics Canada's LIM-AT by default). A person is eligible at or under it.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct IncomeLimit {
    /// The most a household may earn in a year, whatever its size.
    pub max_yearly: Option<f64>,
    /// The most a household may earn as a share of the low-income line for
    /// its size (1.0: at the line; 1.5: up to 150% of it).
    pub low_income_share: Option<f64>,
    /// Read from free eligibility text rather than structured data: such a
    /// limit never excludes anyone.
    pub from_text: bool,
}

/// An inclusive range of ages in years.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeRange {
    /// Youngest age served, inclusive.
    pub min: Option<u8>,
    /// Oldest age served, inclusive.
    pub max: Option<u8>,
    /// Whether the range was read from free text rather than structured fields.
    #[serde(default)]
    pub from_text: bool,
}

impl AgeRange {
    /// Whether `age` (years) lies in the range.
    pub fn contains(&self, age: u8) -> bool {
        self.min.is_none_or(|min| age >= min) && self.max.is_none_or(|max| age <= max)
    }
}

/// A gender, for services restricted by gender and for the client profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    /// Women and girls.
    Female,
    /// Men and boys.
    Male,
    /// Non-binary and other gender identities.
    Other,
}

impl Gender {
    /// Every gender.
    pub const ALL: [Gender; 3] = [Gender::Female, Gender::Male, Gender::Other];

    /// Reads a gender from common words ("female", "woman", "F", "men"…).
    pub fn parse(text: &str) -> Option<Gender> {
        match text.trim().to_lowercase().as_str() {
            "f" | "female" | "woman" | "women" | "girl" | "girls" | "femme" | "femmes" => {
                Some(Gender::Female)
            }
            "m" | "male" | "man" | "men" | "boy" | "boys" | "homme" | "hommes" => {
                Some(Gender::Male)
            }
            "x" | "other" | "non-binary" | "nonbinary" | "non binary" | "two-spirit" => {
                Some(Gender::Other)
            }
            _ => None,
        }
    }

    /// The lowercase name used in JSON ("female", "male", "other").
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Female => "female",
            Gender::Male => "male",
            Gender::Other => "other",
        }
    }
}

/// A taxonomy term a service is classified under, with its broader terms.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Category {
    /// The term's code in its vocabulary ("101-02-01", "BD-1800.2000"), if any.
    pub code: Option<String>,
    /// The term's name ("Help Pay for Food").
    pub name: String,
    /// The vocabulary ("Open Eligibility", "AIRS"), as the publisher named it.
    pub vocabulary: Option<String>,
    /// Broader terms, nearest first: a search for any of them finds this one.
    pub ancestors: Vec<CategoryTerm>,
}

/// A broader taxonomy term, by code and name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct CategoryTerm {
    /// The term's code, if any.
    pub code: Option<String>,
    /// The term's name.
    pub name: String,
}

/// What a service costs the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cost {
    /// The data does not say.
    #[default]
    Unknown,
    /// No cost to the person.
    Free,
    /// Fees depend on income.
    SlidingScale,
    /// A fee applies.
    Fee,
}

/// Accessibility of a service's locations.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Accessibility {
    /// Whether at least one location is wheelchair accessible.
    pub wheelchair: bool,
    /// The publisher's own accessibility notes.
    pub notes: Vec<String>,
}

/// A weekly open interval in the service's local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenInterval {
    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Opening time, minutes after midnight.
    pub opens: u16,
    /// Closing time, minutes after midnight (up to 1440; past midnight spills into the next day's interval).
    pub closes: u16,
}

/// A monthly open interval in the service's local time: on the `week`-th
/// `weekday` of each month (RRULE `BYDAY=2MO`; `-1MO` the last Monday).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct MonthlyInterval {
    /// Which of the month's such weekdays: 1 to 5, or -1 for the last.
    pub week: i8,
    /// Day of the week, 0 = Monday … 6 = Sunday.
    pub weekday: u8,
    /// Opening time, minutes after midnight.
    pub opens: u16,
    /// Closing time, minutes after midnight (at most 1440).
    pub closes: u16,
}

/// Hours that replace the regular ones over a range of dates: a holiday
/// closure (no hours), special hours for the holiday weeks, a schedule
/// row valid from one date to another.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct HoursException {
    /// First day, inclusive, in days since 1970-01-01 (JSON: "YYYY-MM-DD").
    #[serde(with = "civil_date")]
    pub from: i64,
    /// Last day, inclusive, in days since 1970-01-01 (JSON: "YYYY-MM-DD").
    #[serde(with = "civil_date")]
    pub until: i64,
    /// The weekly hours in force over the range; empty when closed.
    pub hours: Vec<OpenInterval>,
}

impl HoursException {
    /// An exception from civil dates ("2026-12-25"); `None` when one is
    /// not a date or `until` comes before `from`.
    pub fn from_dates(from: &str, until: &str, hours: Vec<OpenInterval>) -> Option<HoursException> {
        let from = crate::hours::parse_date(from)?;
        let until = crate::hours::parse_date(until)?;
        (from <= until).then_some(HoursException { from, until, hours })
    }
}

/// Days since 1970-01-01 as "YYYY-MM-DD" in text formats (JSON), as a
/// number in binary ones (the index records).
mod civil_date {
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(days: &i64, serializer: S) -> Result<S::Ok, S::Error> {
        if serializer.is_human_readable() {
            let (year, month, day) = crate::hours::civil_from_days(*days);
            serializer.serialize_str(&format!("{year:04}-{month:02}-{day:02}"))
        } else {
            serializer.serialize_i64(*days)
        }
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<i64, D::Error> {
        if deserializer.is_human_readable() {
            let text = String::deserialize(deserializer)?;
            crate::hours::parse_date(&text).ok_or_else(|| {
                serde::de::Error::custom(format!("\"{text}\" is not a date (YYYY-MM-DD)"))
            })
        } else {
            i64::deserialize(deserializer)
        }
    }
}

/// Operational status of a service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Operating.
    #[default]
    Active,
    /// Not operating for now.
    Inactive,
    /// Closed for good.
    Defunct,
    /// Temporarily closed.
    TemporarilyClosed,
}

impl Status {
    /// Reads an HSDS status ("active", "inactive", "defunct", "temporarily
    /// closed"), in any case, with `_` or space.
    pub fn parse(text: &str) -> Option<Status> {
        match text.trim().to_lowercase().replace('_', " ").as_str() {
            "active" => Some(Status::Active),
            "inactive" => Some(Status::Inactive),
            "defunct" => Some(Status::Defunct),
            "temporarily closed" => Some(Status::TemporarilyClosed),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_line_says_how_to_apply_what_to_bring_and_wheelchair_access() {
        let mut service = Service {
            application_process: Some("Call to register. Walk-ins on Fridays.".into()),
            required_documents: vec!["Health card".into(), " Proof of address. ".into()],
            ..Service::default()
        };
        service.accessibility.wheelchair = true;
        assert_eq!(
            service.access_line().as_deref(),
            Some("Call to register · bring: Health card, Proof of address · wheelchair accessible")
        );
        assert_eq!(Service::default().access_line(), None);
    }

    #[test]
    fn access_line_stays_one_line() {
        let service = Service {
            application_process: Some(
                "Referral from a family doctor, a nurse practitioner, a hospital discharge planner \
                 or a community agency is required before the first appointment"
                    .into(),
            ),
            required_documents: (1..=5).map(|i| format!("Document {i}")).collect(),
            ..Service::default()
        };
        let line = service.access_line().unwrap();
        assert_eq!(
            line,
            "Referral from a family doctor, a nurse practitioner, a hospital discharge planner or a… \
             · bring: Document 1, Document 2, Document 3 and 2 more"
        );
        // A full stop inside a word ("St.John", "1.5") does not end the sentence.
        let service = Service {
            application_process: Some("Ask at 12 St.John Road, 1.5 km north. Then call.".into()),
            ..Service::default()
        };
        assert_eq!(
            service.access_line().as_deref(),
            Some("Ask at 12 St.John Road, 1.5 km north")
        );
    }
}
