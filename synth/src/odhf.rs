//! Converting Statistics Canada's Open Database of Healthcare Facilities
//! (ODHF, in Synthea's provider CSV layout) to HSDS 3.x services.
//!
//! Each Ontario row (`state` = `ON`) of the four files becomes one service
//! with real name, address, city, postal code and coordinates; its file
//! (hospitals, long-term care, nursing and residential care, ambulatory
//! care) gives its Open Eligibility category and description. The `phone`,
//! `quality` and `emergency` columns are filler added by Synthea and are
//! not used; neither is the placeholder street "1 Main Street".
//!
//! ODHF "Contains information licensed under the Open Government Licence – Canada".

use std::fs::File;
use std::path::Path;

use crate::columns;
use crate::error::Error;
use crate::hsds::{Address, Attribute, Location, Organization, Service, ServiceAtLocation};
use crate::taxonomy::Taxonomy;

/// One ODHF file: its name, the id prefix, the facility type in words and
/// its Open Eligibility codes.
struct Source {
    file: &'static str,
    stem: &'static str,
    label: &'static str,
    codes: &'static [&'static str],
}

const SOURCES: &[Source] = &[
    Source {
        file: "hospitals_ca.csv",
        stem: "hospitals",
        label: "Hospital",
        codes: &["106-06"],
    },
    Source {
        file: "longterm_ca.csv",
        stem: "longterm",
        label: "Long-term care home",
        codes: &["108-06-03", "103-05-02-03"],
    },
    Source {
        file: "nursing_ca.csv",
        stem: "nursing",
        label: "Nursing and residential care facility",
        codes: &["108-06"],
    },
    Source {
        file: "primary_care_facilities_ca.csv",
        stem: "primary_care_facilities",
        label: "Ambulatory health care facility (primary care)",
        codes: &["106-06-09"],
    },
];

/// The files [`convert`] reads from its input folder.
pub const ODHF_FILES: [&str; 4] = [
    "hospitals_ca.csv",
    "longterm_ca.csv",
    "nursing_ca.csv",
    "primary_care_facilities_ca.csv",
];

/// Ontario's extent, with a margin: rows placed outside it are left out.
const ONTARIO: (f64, f64, f64, f64) = (41.5, 57.0, -95.5, -74.2);

/// The services read from ODHF, and the Ontario rows left out with why.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// One service per usable Ontario row, in file order.
    pub services: Vec<Service>,
    /// "file row N: reason" for each Ontario row that was left out.
    pub skipped: Vec<String>,
}

/// Reads the four ODHF files in `input_dir` and converts their Ontario rows.
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) naming the file if one is
/// missing or unreadable; [`ErrorKind::InvalidData`](crate::ErrorKind::InvalidData)
/// naming file, row and field for a missing column, malformed CSV, or a
/// latitude or longitude that is not a number. Rows that parse but cannot be
/// used (no name, a point outside Ontario) are reported in
/// [`Conversion::skipped`], not as errors.
pub fn convert(input_dir: &Path) -> Result<Conversion, Error> {
    let taxonomy = Taxonomy::open_eligibility()?;
    let mut conversion = Conversion {
        services: Vec::new(),
        skipped: Vec::new(),
    };
    for source in SOURCES {
        let path = input_dir.join(source.file);
        let file = File::open(&path)
            .map_err(|e| Error::io(format!("cannot open {}", path.display()), e))?;
        convert_file(source, file, &taxonomy, &mut conversion)?;
    }
    Ok(conversion)
}

fn convert_file(
    source: &Source,
    input: impl std::io::Read,
    taxonomy: &Taxonomy,
    conversion: &mut Conversion,
) -> Result<(), Error> {
    let file = source.file;
    let mut reader = csv::Reader::from_reader(input);
    let names = [
        "id", "name", "address", "city", "state", "zip", "LAT", "LON",
    ];
    let [id_at, name_at, address_at, city_at, state_at, zip_at, lat_at, lon_at] =
        columns::locate(file, &mut reader, names)?;
    let attributes = source
        .codes
        .iter()
        .enumerate()
        .map(|(k, code)| {
            Ok(Attribute {
                id: format!("attr-{}", k + 1),
                taxonomy_term: taxonomy.term(code)?,
                value: None,
            })
        })
        .collect::<Result<Vec<_>, Error>>()?;

    for record in reader.records() {
        let record = record.map_err(|e| Error::csv(file, e))?;
        let row = record.position().map_or(0, |p| p.line());
        let repaired: Vec<String> = record.iter().map(repair_mojibake).collect();
        let field = |at: usize| repaired.get(at).map_or("", |f| f.trim());
        if field(state_at) != "ON" {
            continue;
        }
        let number = |at: usize, what: &str| -> Result<f64, Error> {
            field(at).parse::<f64>().map_err(|_| {
                Error::invalid_data(format!(
                    "{file} row {row}: {what} \"{}\" is not a number",
                    field(at)
                ))
            })
        };
        let (latitude, longitude) = (number(lat_at, "LAT")?, number(lon_at, "LON")?);
        let (name, city, raw_id) = (field(name_at), field(city_at), field(id_at));
        if name.is_empty() || raw_id.is_empty() {
            conversion
                .skipped
                .push(format!("{file} row {row}: no name or id"));
            continue;
        }
        if !(ONTARIO.0..=ONTARIO.1).contains(&latitude)
            || !(ONTARIO.2..=ONTARIO.3).contains(&longitude)
        {
            conversion.skipped.push(format!(
                "{file} row {row}: \"{name}\" ({city}) is placed at {latitude},{longitude}, outside Ontario"
            ));
            continue;
        }
        let id = format!("odhf-{}-{raw_id}", source.stem);
        let address = field(address_at);
        let address_1 = (!address.is_empty() && !address.eq_ignore_ascii_case("1 main street"))
            .then(|| street(address));
        let location = Location {
            id: format!("{id}-loc"),
            location_type: "physical".to_string(),
            name: Some(name.to_string()),
            latitude: round6(latitude),
            longitude: round6(longitude),
            addresses: vec![Address {
                id: format!("{id}-addr"),
                address_1,
                city: city.to_string(),
                state_province: "ON".to_string(),
                postal_code: field(zip_at).to_ascii_uppercase(),
                country: "CA".to_string(),
                address_type: "physical".to_string(),
            }],
            accessibility: Vec::new(),
        };
        conversion.services.push(Service {
            name: name.to_string(),
            description: format!(
                "{} in {city}, Ontario. Contact the facility for services, hours and eligibility.",
                source.label
            ),
            status: "active".to_string(),
            organization: Organization {
                id: format!("{id}-org"),
                name: name.to_string(),
                ..Organization::default()
            },
            service_at_locations: vec![ServiceAtLocation {
                id: format!("{id}-sal"),
                location,
            }],
            attributes: attributes
                .iter()
                .map(|a| Attribute {
                    id: format!("{id}-{}", a.id),
                    taxonomy_term: a.taxonomy_term.clone(),
                    value: None,
                })
                .collect(),
            id,
            ..Service::default()
        });
    }
    Ok(())
}

/// Undoes the source's mis-encoding of French letters: some rows were read
/// as Windows-1251, turning "Bruyère" into "BruyИre" and "Français" into
/// "Franзais". Cyrillic А–я (U+0410–U+044F) sit where Windows-1251 puts the
/// bytes 0xC0–0xFF, which Latin-1 reads as À–ÿ (U+00C0–U+00FF); no Ontario
/// facility name is written in Cyrillic, so mapping them back is safe.
fn repair_mojibake(text: &str) -> String {
    text.chars()
        .map(|c| match c as u32 {
            code @ 0x410..=0x44F => char::from_u32(code - 0x410 + 0xC0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

fn round6(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

/// Title-cases a lowercase ODHF street line: "580 harwood ave s" →
/// "580 Harwood Ave S", "39 2 st se" → "39 2 St SE", "2025 rue lajoie" →
/// "2025 rue Lajoie". Words with digits are kept as they are ("2nd").
fn street(address: &str) -> String {
    const COMPASS: &[&str] = &["n", "s", "e", "w", "ne", "nw", "se", "sw"];
    const FRENCH_LOWER: &[&str] = &["rue", "chemin", "boul", "de", "du", "des", "la", "le"];
    let mut words = Vec::new();
    for (i, word) in address.split_whitespace().enumerate() {
        let lower = word.to_lowercase();
        let out = if word.chars().any(|c| c.is_ascii_digit()) {
            word.to_string()
        } else if i > 0 && COMPASS.contains(&lower.as_str()) {
            lower.to_uppercase()
        } else if i > 0 && FRENCH_LOWER.contains(&lower.as_str()) {
            lower
        } else {
            capitalise(&lower)
        };
        words.push(out);
    }
    words.join(" ")
}

/// Upper-cases the first letter of each part of a word ("o'connor" → "O'Connor",
/// "sainte-anne" → "Sainte-Anne").
fn capitalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = c == '-' || (c == '\'' && out.chars().count() <= 2);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    const HEAD: &str =
        ",id,name,address,city,state,zip,county,phone,type,ownership,emergency,quality,LAT,LON\n";

    fn write_dir(rows: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for file in ODHF_FILES {
            let body = rows
                .iter()
                .filter(|(f, _)| *f == file)
                .map(|(_, r)| format!("{r}\n"))
                .collect::<String>();
            std::fs::write(dir.path().join(file), format!("{HEAD}{body}")).unwrap();
        }
        dir
    }

    #[test]
    fn ontario_rows_become_services_and_filler_is_dropped() {
        let dir = write_dir(&[
            ("hospitals_ca.csv", "4122,4122,Lakeridge Health Ajax Pickering Hospital,580 harwood ave s,Ajax,ON,L1S 2J4,,1-800-622-6232,Hospitals,Public Health Agency of Canada,Yes,5,43.838028,-79.0177"),
            ("hospitals_ca.csv", "9,9,Airdrie Community Health Centre,1 Main Street,Airdrie,AB,T4B 3K7,,1-800-622-6232,Hospitals,CIHI,Yes,5,51.2917,-114.0144"),
            ("longterm_ca.csv", "4778,4778,Pine Meadow Nursing Home,1 Main Street,Addington Highlands,ON,K0H 2G0,,1-800-622-6232,Nursing and residential care facilities,Province of Ontario,No,5,44.7375315,-77.1556304"),
            ("nursing_ca.csv", "4949,4949,Residence Lefebvre,15 rue paquette,Moncton,ON,P0L 1V0,,1-800-622-6232,Nursing and residential care facilities,Province of Ontario,No,5,46.104989,-64.78447129999999"),
        ]);
        let conversion = convert(dir.path()).unwrap();
        assert_eq!(conversion.services.len(), 2);
        assert_eq!(conversion.skipped.len(), 1);
        assert!(conversion.skipped[0].starts_with("nursing_ca.csv row 2: \"Residence Lefebvre\""));

        let hospital = &conversion.services[0];
        assert_eq!(hospital.id, "odhf-hospitals-4122");
        assert_eq!(hospital.name, "Lakeridge Health Ajax Pickering Hospital");
        let location = &hospital.service_at_locations[0].location;
        assert_eq!(
            (location.latitude, location.longitude),
            (43.838028, -79.0177)
        );
        let address = &location.addresses[0];
        assert_eq!(address.address_1.as_deref(), Some("580 Harwood Ave S"));
        assert_eq!(
            (address.city.as_str(), address.postal_code.as_str()),
            ("Ajax", "L1S 2J4")
        );
        assert_eq!(hospital.attributes[0].taxonomy_term.name, "Medical Care");
        assert!(hospital.phones.is_empty());
        let json = serde_json::to_string(&conversion.services).unwrap();
        assert!(!json.contains("622-6232") && !json.contains("quality"));

        let home = &conversion.services[1];
        assert_eq!(home.id, "odhf-longterm-4778");
        assert_eq!(
            home.service_at_locations[0].location.addresses[0].address_1,
            None
        );
        assert!(home
            .description
            .starts_with("Long-term care home in Addington Highlands"));
    }

    #[test]
    fn a_missing_file_is_named() {
        let dir = write_dir(&[]);
        std::fs::remove_file(dir.path().join("nursing_ca.csv")).unwrap();
        let err = convert(dir.path()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.to_string().ends_with("nursing_ca.csv"), "{err}");
    }

    #[test]
    fn a_bad_row_is_named_with_file_and_row() {
        let dir = write_dir(&[(
            "primary_care_facilities_ca.csv",
            "1,1,Clinic,2 king st,Sudbury,ON,P3E 1A1,,x,Ambulatory health care services,x,No,5,forty-six,-81.0",
        )]);
        let err = convert(dir.path()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidData);
        assert_eq!(
            err.to_string(),
            "primary_care_facilities_ca.csv row 2: LAT \"forty-six\" is not a number"
        );

        let dir = tempfile::tempdir().unwrap();
        for file in ODHF_FILES {
            std::fs::write(dir.path().join(file), "id,name\n1,x\n").unwrap();
        }
        let err = convert(dir.path()).unwrap_err();
        assert_eq!(err.to_string(), "hospitals_ca.csv: no column \"address\"");
    }

    #[test]
    fn mis_encoded_french_letters_are_repaired() {
        assert_eq!(
            repair_mojibake("HôPITAL éLISABETH BRUYИRE"),
            "HôPITAL éLISABETH BRUYÈRE"
        );
        assert_eq!(
            repair_mojibake("Riviиre des Franзais"),
            "Rivière des Français"
        );
    }

    #[test]
    fn streets_are_title_cased() {
        assert_eq!(street("580 harwood ave s"), "580 Harwood Ave S");
        assert_eq!(street("39 2 st se"), "39 2 St SE");
        assert_eq!(street("2025 rue lajoie"), "2025 rue Lajoie");
        assert_eq!(
            street("70 kawehnoke apartments road"),
            "70 Kawehnoke Apartments Road"
        );
        assert_eq!(street("12 o'connor dr"), "12 O'Connor Dr");
        assert_eq!(street("5 sainte-anne st"), "5 Sainte-Anne St");
    }
}
