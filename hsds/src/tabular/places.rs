//! Organizations, locations, and what hangs on a location: its address and
//! accessibility.

use super::*;

impl Join<'_> {
    pub(super) fn organization(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(id) = row.line("id") else {
            return self.reject(table, row, "id", "organization has no id".into());
        };
        let Some(name) = row.line("name") else {
            return self.reject(table, row, "name", format!("organization {id} has no name"));
        };
        if self.organizations.contains_key(&id) {
            return self.reject(
                table,
                row,
                "id",
                format!("organization id {id} appears twice; the first is kept"),
            );
        }
        let url = row.line_any(&["url", "website"]);
        self.organizations
            .insert(id.clone(), Organization { id, name, url });
        Outcome::Unused
    }

    pub(super) fn program(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(id) = row.line("id") else {
            return self.reject(table, row, "id", "program has no id".into());
        };
        let Some(name) = row.line("name") else {
            return self.reject(table, row, "name", format!("program {id} has no name"));
        };
        if self.programs.contains_key(&id) {
            return self.reject(
                table,
                row,
                "id",
                format!("program id {id} appears twice; the first is kept"),
            );
        }
        self.programs.insert(id, name);
        Outcome::Used
    }

    pub(super) fn location(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(id) = row.line("id") else {
            return self.reject(table, row, "id", "location has no id".into());
        };
        if self.sites.contains_key(&id) {
            return self.reject(
                table,
                row,
                "id",
                format!("location id {id} appears twice; the first is kept"),
            );
        }
        let coordinate = |this: &mut Self, column: &str| -> Option<f64> {
            let text = row.raw(column)?;
            match text.parse::<f64>() {
                Ok(value) if value.is_finite() => Some(value),
                _ => {
                    this.warn(
                        &table.file,
                        row.number,
                        Some(column),
                        format!("{column} \"{text}\" is not a number"),
                    );
                    None
                }
            }
        };
        let lat = coordinate(self, "latitude");
        let lon = coordinate(self, "longitude");
        let (lat, lon) = match (lat, lon) {
            (Some(lat), Some(lon)) if is_point(lat, lon) => (lat, lon),
            (Some(lat), Some(lon)) => {
                self.warn(
                    &table.file,
                    row.number,
                    Some("latitude"),
                    format!("location {id} at ({lat}, {lon}) is not a point on Earth; kept without coordinates"),
                );
                (f64::NAN, f64::NAN)
            }
            _ => (f64::NAN, f64::NAN),
        };
        let mut site = Site {
            location: Location {
                id: id.clone(),
                name: row.line("name"),
                lat,
                lon,
                ..Location::default()
            },
            organization_id: row.line("organization_id"),
            ..Site::default()
        };
        // Ohana keeps languages and accessibility on the location.
        if let Some(text) = row.raw("languages") {
            site.languages = self.languages_from_text(table, row, "languages", text);
        }
        if let Some(note) = row.prose("accessibility") {
            site.accessibility.wheelchair |= access::wheelchair(&note);
            site.accessibility.notes.push(note);
        }
        self.sites.insert(id, site);
        Outcome::Unused
    }

    pub(super) fn address(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(location_id) = row.line("location_id") else {
            return self.reject(
                table,
                row,
                "location_id",
                "address names no location".into(),
            );
        };
        let Some(site) = self.sites.get_mut(&location_id) else {
            return self.reject(
                table,
                row,
                "location_id",
                format!("location {location_id} is not in locations"),
            );
        };
        let kind = row
            .line_any(&["address_type", "type"])
            .map(|t| t.to_lowercase());
        let physical = kind.as_deref().is_none_or(|k| k == "physical");
        if site.has_physical_address || (site.has_address && !physical) {
            return Outcome::Unused;
        }
        let location = &mut site.location;
        location.address = address::one_line(address::PARTS.iter().map(|c| row.line(c)));
        location.city = row.line("city");
        location.region = row.line_any(&["state_province", "region"]);
        location.postal_code = row.line("postal_code");
        site.has_address = true;
        site.has_physical_address = physical;
        Outcome::Used
    }

    pub(super) fn accessibility(&mut self, table: &Table, row: &Row) -> Outcome {
        let Some(location_id) = row.line("location_id") else {
            return self.reject(
                table,
                row,
                "location_id",
                "accessibility names no location".into(),
            );
        };
        let note = row.line_any(&["accessibility", "description"]);
        let details = row.line("details");
        let text = match (note, details) {
            (Some(note), Some(details)) => format!("{note}: {details}"),
            (Some(text), None) | (None, Some(text)) => text,
            (None, None) => return Outcome::Unused,
        };
        let Some(site) = self.sites.get_mut(&location_id) else {
            return self.reject(
                table,
                row,
                "location_id",
                format!("location {location_id} is not in locations"),
            );
        };
        site.accessibility.wheelchair |= access::wheelchair(&text);
        site.accessibility.notes.push(text);
        Outcome::Used
    }
}

fn is_point(lat: f64, lon: f64) -> bool {
    (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) && !(lat == 0.0 && lon == 0.0)
}
