//! Rows that add to a service, to a service at a location or to a location:
//! phones, schedules, languages, eligibility, cost options, required documents.

use super::*;

impl Join<'_> {
    pub(super) fn phone(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(number) = row.line("number") else {
            return self.reject(table, row, "number", "phone has no number".into());
        };
        let phone = Phone {
            number,
            extension: row.line("extension"),
            kind: row.line_any(&["type", "number_type"]),
        };
        match self.target(table, row, true) {
            Some(Target::Service(i)) | Some(Target::Link(i)) => {
                self.drafts[i].service.phones.push(phone)
            }
            Some(Target::Location(id)) => self
                .sites
                .get_mut(&id)
                .expect("target exists")
                .phones
                .push(phone),
            Some(Target::Organization(id)) => {
                self.organization_phones.entry(id).or_default().push(phone)
            }
            None => {
                let columns = &[
                    "service_id",
                    "service_at_location_id",
                    "location_id",
                    "organization_id",
                ];
                return self.no_target(
                    table,
                    row,
                    columns,
                    "phone names no service, location or organization",
                );
            }
        }
        Outcome::Used
    }

    pub(super) fn schedule(&mut self, table: &Table, row: &Row) -> Outcome {
        let rule = Rule {
            freq: row.raw("freq"),
            interval: row.raw("interval"),
            byday: row.raw("byday"),
            weekday: row.raw("weekday"),
            opens_at: row.raw("opens_at"),
            closes_at: row.raw("closes_at"),
        };
        let text = row.prose_any(&["description", "original_text"]);
        let mut hours = Hours::default();
        if rule.is_empty() {
            match text {
                Some(text) => hours.add_text(text),
                None => {
                    return self.reject(
                        table,
                        row,
                        "opens_at",
                        "schedule has no days, times or description".into(),
                    )
                }
            }
        } else if let Err(unreadable) = hours.add_rule(&rule) {
            let kept = text.unwrap_or_else(|| rule_text(&rule));
            self.warn(
                &table.file,
                row.number,
                Some(unreadable.field),
                format!("{}; kept as text", unreadable.reason),
            );
            hours.add_text(kept);
        }
        match self.target(table, row, false) {
            Some(Target::Service(i)) => self.drafts[i].hours.extend(&hours),
            Some(Target::Link(i)) => self.drafts[i].link_hours.extend(&hours),
            Some(Target::Location(id)) => self
                .sites
                .get_mut(&id)
                .expect("target exists")
                .hours
                .extend(&hours),
            Some(Target::Organization(_)) => unreachable!("organizations are not schedule targets"),
            None => {
                let columns = &["service_id", "service_at_location_id", "location_id"];
                return self.no_target(
                    table,
                    row,
                    columns,
                    "schedule names no service or location",
                );
            }
        }
        Outcome::Used
    }

    pub(super) fn language(&mut self, table: &Table, row: &Row) -> Outcome {
        let name = row.raw_any(&["name", "language"]);
        let given = row.line("code");
        let languages = match (given.as_deref().and_then(crate::lang::code), name) {
            (Some(code), _) => vec![Language {
                name: name
                    .and_then(crate::clean::line)
                    .unwrap_or_else(|| code.clone()),
                code: Some(code),
            }],
            (None, Some(text)) => self.languages_from_text(table, row, "language", text),
            (None, None) => match given {
                Some(code) => {
                    self.warn(
                        &table.file,
                        row.number,
                        Some("code"),
                        format!("language code \"{code}\" is not ISO 639; kept as text"),
                    );
                    vec![Language {
                        code: None,
                        name: code,
                    }]
                }
                None => {
                    return self.reject(
                        table,
                        row,
                        "language",
                        "language row names no language".into(),
                    )
                }
            },
        };
        let target = self.target(table, row, false);
        let list = match target {
            Some(Target::Service(i)) | Some(Target::Link(i)) => {
                &mut self.drafts[i].service.languages
            }
            Some(Target::Location(id)) => {
                &mut self.sites.get_mut(&id).expect("target exists").languages
            }
            Some(Target::Organization(_)) => unreachable!("organizations are not language targets"),
            None => {
                let columns = &["service_id", "location_id"];
                return self.no_target(
                    table,
                    row,
                    columns,
                    "language row names no service or location",
                );
            }
        };
        for language in languages {
            add_language(list, language);
        }
        Outcome::Used
    }

    pub(super) fn eligibility(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(text) = row.prose_any(&["eligibility", "description"]) else {
            return Outcome::Unused;
        };
        let i = match self.service_of(table, row, "service_id", "eligibility row") {
            Ok(i) => i,
            Err(outcome) => return outcome,
        };
        let draft = &mut self.drafts[i];
        if let Some(gender) = Gender::parse(&text) {
            draft.service.eligibility.genders.push(gender);
        } else if let Some(group) = crate::eligibility::group_of_term(&text) {
            // An HSDS 1 eligibility row that names a group ("Veterans") is
            // structured: the publisher filed the service under it.
            crate::eligibility::add_group(&mut draft.service.eligibility.groups, group, false);
        } else if let Some(range) = ages::from_category(&text).or_else(|| ages::from_text(&text)) {
            draft.category_ages.push(range);
        }
        let description = &mut draft.service.eligibility.description;
        match description {
            Some(existing) if existing.contains(&text) => {}
            Some(existing) => {
                existing.push_str("; ");
                existing.push_str(&text);
            }
            None => *description = Some(text),
        }
        Outcome::Used
    }

    pub(super) fn cost_option(&mut self, table: &Table, row: &Row) -> Outcome {
        let i = match self.service_of(table, row, "service_id", "cost option") {
            Ok(i) => i,
            Err(outcome) => return outcome,
        };
        let amount = match row.raw("amount") {
            None => None,
            Some(text) => match text.trim_start_matches('$').parse::<f64>() {
                Ok(amount) => Some(amount),
                Err(_) => {
                    self.warn(
                        &table.file,
                        row.number,
                        Some("amount"),
                        format!("amount \"{text}\" is not a number"),
                    );
                    None
                }
            },
        };
        let option = row.line("option");
        let draft = &mut self.drafts[i];
        draft.option_cost = cost::cheapest(
            draft.option_cost,
            cost::from_option(option.as_deref(), amount),
        );
        Outcome::Used
    }

    pub(super) fn document(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(document) = row.prose("document") else {
            return Outcome::Unused;
        };
        let i = match self.service_of(table, row, "service_id", "required document") {
            Ok(i) => i,
            Err(outcome) => return outcome,
        };
        self.drafts[i].service.required_documents.push(document);
        Outcome::Used
    }
}

/// A schedule row's days and times as text, for rows without a description.
fn rule_text(rule: &Rule) -> String {
    let days = rule.byday.or(rule.weekday).unwrap_or("");
    let times = match (rule.opens_at, rule.closes_at) {
        (Some(o), Some(c)) => format!("{o}-{c}"),
        (Some(t), None) | (None, Some(t)) => t.to_owned(),
        (None, None) => String::new(),
    };
    let freq = rule
        .freq
        .filter(|f| !f.eq_ignore_ascii_case("weekly"))
        .unwrap_or("");
    [freq, days, &times]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}
