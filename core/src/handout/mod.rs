//! The referral handout: what a person takes home about the services they
//! were referred to, in English or French, as plain text or as a
//! self-contained HTML page that prints well.
//!
//! One block per service says how to reach it, as a 211 specialist would:
//! the address, phone, hours, how to get the service, what to bring, the
//! cost and fees, languages, accessibility, who it is for, and the date the
//! directory last verified it. The directory's help line closes the page.
//!
//! # Example
//! ```
//! use servicematch::handout::{Handout, Lang};
//! use servicematch::Service;
//!
//! let meals = Service { id: "s1".into(), name: "Popote roulante".into(), ..Default::default() };
//! let handout = Handout::new(Lang::Fr).service(meals);
//! assert!(handout.text().contains("Popote roulante"));
//! assert!(handout.html().starts_with("<!doctype html>"));
//! ```

mod html;
mod text;
mod words;

use crate::format::meta::Meta;
use crate::model::{Location, Service};

/// The language of a handout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// French.
    Fr,
}

impl Lang {
    /// Reads a language: "en", "english", "fr", "french", "français"
    /// (any case, a region such as "fr-CA" allowed); `None` for others.
    pub fn parse(text: &str) -> Option<Lang> {
        let text = text.trim().to_lowercase();
        let base = text.split(['-', '_']).next().unwrap_or("");
        match base {
            "en" | "eng" | "english" | "anglais" => Some(Lang::En),
            "fr" | "fra" | "fre" | "french" | "français" | "francais" => Some(Lang::Fr),
            _ => None,
        }
    }

    /// The ISO 639-1 code: "en" or "fr".
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
        }
    }
}

/// A referral handout being put together: services, in the order given,
/// and what the page says around them.
#[derive(Debug, Clone, Default)]
pub struct Handout {
    lang: Lang,
    services: Vec<Service>,
    help_line: Option<String>,
    /// The directory's own help line ("211", "1-877-330-3213"), from its index.
    directory_line: Option<String>,
    directory: Option<String>,
    updated: Option<String>,
}

impl Handout {
    /// An empty handout in `lang`.
    pub fn new(lang: Lang) -> Handout {
        Handout {
            lang,
            ..Handout::default()
        }
    }

    /// Adds a service (a full record, as [`Index::service_by_id`](crate::Index::service_by_id) gives).
    pub fn service(mut self, service: Service) -> Handout {
        self.services.push(service);
        self
    }

    /// The help line sentence at the foot of the page, in the handout's
    /// language. The default names the directory's own help line when its
    /// index has one ([`Handout::directory`]: "… Call 1-877-330-3213."),
    /// else 211 ("Call or text 211: free, confidential, 24 hours a day…").
    pub fn help_line(mut self, text: impl Into<String>) -> Handout {
        self.help_line = Some(text.into()).filter(|t| !t.trim().is_empty());
        self
    }

    /// Names the directory and the date its index was built, from the
    /// index's metadata, in the page's footer; and the directory's own help
    /// line (`servicematch build --help-line`), said in a sentence, unless
    /// [`Handout::help_line`] gives one.
    pub fn directory(mut self, meta: &Meta) -> Handout {
        self.directory = Some(meta.name.clone()).filter(|n| !n.trim().is_empty());
        self.updated = (meta.built_at > 0).then(|| words::iso_date(meta.built_at));
        self.directory_line = meta
            .help_line
            .as_deref()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned);
        self
    }

    /// The handout as plain text (UTF-8, lines of at most about 78
    /// characters where words allow).
    pub fn text(&self) -> String {
        text::render(self)
    }

    /// The handout as one self-contained HTML page (no scripts, no outside
    /// resources) with print styles: each service on one page where it fits.
    pub fn html(&self) -> String {
        html::render(self)
    }

    /// What the page says: the blocks and the lines around them.
    fn page(&self) -> Page {
        let words = self.lang.words();
        let footer = match (&self.directory, &self.updated) {
            (Some(name), Some(date)) => Some(format!(
                "{}{}{name}, {} {}.",
                words.directory,
                words.colon,
                words.built,
                self.lang.date(date)
            )),
            (Some(name), None) => Some(format!("{}{}{name}.", words.directory, words.colon)),
            _ => None,
        };
        Page {
            lang: self.lang,
            colon: words.colon,
            title: words.title,
            intro: if self.services.is_empty() {
                words.none
            } else {
                words.intro
            },
            blocks: self.services.iter().map(|s| self.block(s)).collect(),
            help_line: match (&self.help_line, &self.directory_line) {
                (Some(sentence), _) => sentence.clone(),
                // 211 itself has its own, fuller sentence.
                (None, Some(line))
                    if line.chars().filter(char::is_ascii_digit).eq("211".chars()) =>
                {
                    words.help_line.to_owned()
                }
                (None, Some(line)) => format!("{}{line}{}", words.call.0, words.call.1),
                (None, None) => words.help_line.to_owned(),
            },
            footer,
        }
    }

    fn block(&self, service: &Service) -> Block {
        let (lang, words) = (self.lang, self.lang.words());
        let mut fields = Vec::new();
        let mut field = |label: &'static str, values: Vec<Value>| {
            let mut values: Vec<Value> = values
                .into_iter()
                .filter(|v| !v.text().is_empty())
                .collect();
            // The same words twice ("wheelchair accessible" as a flag and as a note) once.
            let mut seen: Vec<String> = Vec::new();
            values.retain(|v| {
                let key = v.text().to_lowercase();
                let new = !seen.contains(&key);
                seen.push(key);
                new
            });
            if !values.is_empty() {
                fields.push(Field { label, values });
            }
        };
        field(
            words.address,
            service
                .locations
                .iter()
                .map(|l| Value::Text(address(l)))
                .collect(),
        );
        field(
            words.phone,
            service
                .phones
                .iter()
                .map(|phone| {
                    let mut shown = phone.number.trim().to_owned();
                    if let Some(extension) = nonempty(&phone.extension) {
                        shown.push_str(&format!(" {} {extension}", words.extension));
                    }
                    if let Some(kind) =
                        nonempty(&phone.kind).filter(|k| !k.eq_ignore_ascii_case("voice"))
                    {
                        shown.push_str(&format!(" ({kind})"));
                    }
                    Value::Phone {
                        number: phone.number.trim().to_owned(),
                        shown,
                    }
                })
                .collect(),
        );
        field(
            words.web,
            nonempty(&service.url)
                .map(|u| Value::Url(u.to_owned()))
                .into_iter()
                .collect(),
        );
        field(
            words.email,
            nonempty(&service.email)
                .map(|e| Value::Email(e.to_owned()))
                .into_iter()
                .collect(),
        );
        let mut hours: Vec<Value> = lang
            .hours(&service.hours)
            .into_iter()
            .map(Value::Text)
            .collect();
        if let Some(text) = nonempty(&service.hours_text) {
            hours.push(Value::Text(text.to_owned()));
        }
        field(words.hours, hours);
        field(words.apply, text_value(&service.application_process));
        field(
            words.bring,
            service
                .required_documents
                .iter()
                .map(|d| Value::Text(d.trim().to_owned()))
                .collect(),
        );
        let mut cost: Vec<Value> = lang
            .cost(service.cost)
            .map(|c| Value::Text(c.to_owned()))
            .into_iter()
            .collect();
        cost.extend(text_value(&service.fees_description));
        field(words.cost, cost);
        let languages: Vec<&str> = service
            .languages
            .iter()
            .map(|l| l.name.trim())
            .filter(|n| !n.is_empty())
            .collect();
        field(words.languages, vec![Value::Text(languages.join(", "))]);
        let mut access = Vec::new();
        if service.accessibility.wheelchair {
            access.push(Value::Text(words.wheelchair.to_owned()));
        }
        access.extend(
            service
                .accessibility
                .notes
                .iter()
                .map(|n| Value::Text(n.trim().to_owned())),
        );
        field(words.accessibility, access);
        let rules = &service.eligibility;
        let mut who = Vec::new();
        if let Some(ages) = rules.ages.and_then(|a| lang.ages(a.min, a.max)) {
            who.push(Value::Text(ages));
        }
        who.extend(text_value(&rules.description));
        field(words.who, who);
        Block {
            name: service.name.trim().to_owned(),
            organization: service
                .organization
                .as_ref()
                .map(|o| o.name.trim().to_owned())
                .filter(|o| !o.is_empty() && *o != service.name.trim()),
            status: lang.status(service.status),
            description: nonempty(&service.description).map(str::to_owned),
            fields,
            verified: match nonempty(&service.last_verified) {
                Some(date) => format!("{} {}.", words.verified, lang.date(date)),
                None => words.not_verified.to_owned(),
            },
        }
    }
}

/// A handout's content, before it is written as text or HTML.
struct Page {
    lang: Lang,
    colon: &'static str,
    title: &'static str,
    intro: &'static str,
    blocks: Vec<Block>,
    help_line: String,
    footer: Option<String>,
}

/// One service on the page.
struct Block {
    name: String,
    organization: Option<String>,
    status: Option<&'static str>,
    description: Option<String>,
    fields: Vec<Field>,
    verified: String,
}

/// A labelled field of a block, with one or more values.
struct Field {
    label: &'static str,
    values: Vec<Value>,
}

/// A value, and what it links to in HTML.
enum Value {
    Text(String),
    Phone { number: String, shown: String },
    Url(String),
    Email(String),
}

impl Value {
    fn text(&self) -> &str {
        match self {
            Value::Text(text) | Value::Url(text) | Value::Email(text) => text,
            Value::Phone { shown, .. } => shown,
        }
    }
}

fn nonempty(value: &Option<String>) -> Option<&str> {
    value.as_deref().map(str::trim).filter(|v| !v.is_empty())
}

fn text_value(value: &Option<String>) -> Vec<Value> {
    nonempty(value)
        .map(|v| Value::Text(v.to_owned()))
        .into_iter()
        .collect()
}

/// "Site name: 12 Elm St, Sudbury, ON P3E 2C6".
fn address(location: &Location) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(address) = nonempty(&location.address) {
        parts.push(address);
    }
    for part in [&location.city, &location.region]
        .into_iter()
        .filter_map(nonempty)
    {
        if !parts.iter().any(|p| p.contains(part)) {
            parts.push(part);
        }
    }
    let mut text = parts.join(", ");
    if let Some(postal) = nonempty(&location.postal_code) {
        if !text.contains(postal) {
            text = format!("{text} {postal}").trim().to_owned();
        }
    }
    match nonempty(&location.name) {
        Some(name) if text.is_empty() => name.to_owned(),
        Some(name) if !text.starts_with(name) => format!("{name}: {text}"),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    pub(super) fn meals() -> Service {
        Service {
            id: "s1".into(),
            name: "Meals on Wheels".into(),
            description: Some("Hot meals delivered at home.".into()),
            organization: Some(Organization {
                id: "o1".into(),
                name: "Seniors Centre".into(),
                url: None,
            }),
            locations: vec![Location {
                id: "l1".into(),
                name: Some("Seniors Centre".into()),
                lat: 46.49,
                lon: -80.99,
                address: Some("12 Elm St".into()),
                city: Some("Sudbury".into()),
                region: Some("ON".into()),
                postal_code: Some("P3E 2C6".into()),
            }],
            phones: vec![Phone {
                number: "705-555-0100".into(),
                extension: Some("2".into()),
                kind: Some("voice".into()),
            }],
            url: Some("https://meals.example.org".into()),
            languages: vec![
                Language {
                    code: Some("en".into()),
                    name: "English".into(),
                },
                Language {
                    code: Some("fr".into()),
                    name: "French".into(),
                },
            ],
            eligibility: EligibilityRules {
                ages: Some(AgeRange {
                    min: Some(65),
                    max: None,
                    from_text: false,
                }),
                genders: vec![],
                description: Some("Seniors living at home.".into()),
                ..Default::default()
            },
            cost: Cost::SlidingScale,
            fees_description: Some("$5 a meal <or less>.".into()),
            accessibility: Accessibility {
                wheelchair: true,
                notes: vec![],
            },
            hours: (0..5)
                .map(|weekday| OpenInterval {
                    weekday,
                    opens: 9 * 60,
                    closes: 17 * 60,
                })
                .collect(),
            application_process: Some("Call to register.".into()),
            required_documents: vec!["Health card".into()],
            last_verified: Some("2024-05-10".into()),
            ..Default::default()
        }
    }

    #[test]
    fn languages_parse_from_codes_and_names() {
        assert_eq!(Lang::parse("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::parse("Français"), Some(Lang::Fr));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("es"), None);
    }

    #[test]
    fn an_address_reads_on_one_line() {
        assert_eq!(
            address(&meals().locations[0]),
            "Seniors Centre: 12 Elm St, Sudbury, ON P3E 2C6"
        );
    }

    #[test]
    fn a_block_says_how_to_reach_the_service() {
        let page = Handout::new(Lang::En).service(meals()).page();
        let labels: Vec<&str> = page.blocks[0].fields.iter().map(|f| f.label).collect();
        assert_eq!(
            labels,
            [
                "Address",
                "Phone",
                "Website",
                "Hours",
                "How to get the service",
                "What to bring",
                "Cost",
                "Languages",
                "Accessibility",
                "Who it is for"
            ]
        );
        assert_eq!(
            page.blocks[0].verified,
            "Information verified on May 10, 2024."
        );
    }
}
