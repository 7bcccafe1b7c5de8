//! Deriving the bundled place table from GeoNames.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::Write;
use std::path::Path;

use crate::columns;
use crate::error::Error;

/// A rural forward sortation area counts for this many average urban ones.
/// Rural postal codes each cover a whole village, so counting them would
/// under-count rural Ontario (about 14% of Ontarians); services, though,
/// cluster in towns, so a rural FSA weighs as much as an urban one.
const RURAL_FSA_FACTOR: f64 = 1.0;

/// Writes the place table (`fsa,place,province,latitude,longitude,weight`)
/// from GeoNames' Canadian FSA centroids (`fsa_csv`: columns
/// `fsa,place_name,province,latitude,longitude`) and full Ontario postal
/// codes (`postal_codes_csv`: `postal_code,place_name,province,latitude,longitude`).
///
/// - Ontario: one row per (FSA, community) in the postal-code list, at the
///   mean of its postal codes. In urban FSAs the weight is the number of
///   postal codes (a proxy for households); each rural FSA weighs as much
///   as an average urban FSA, shared among its communities by postal-code
///   count.
/// - Elsewhere: one row per FSA at its centroid, named after its town (the
///   name in parentheses for a rural FSA, otherwise the place name without
///   compass words: "Saskatoon Northwest" → "Saskatoon"), weighing one
///   average urban FSA, then scaled so that each province's
///   share of the total weight is its share of Canada's population (2021
///   census) relative to Ontario. Reserved codes are left out.
///
/// Returns the number of rows written. Rows are sorted by FSA, then name.
///
/// # Errors
///
/// [`ErrorKind::Io`](crate::ErrorKind::Io) if a file cannot be read or
/// `out` written; [`ErrorKind::InvalidData`](crate::ErrorKind::InvalidData)
/// for a missing column or a bad row, naming the file and row.
pub fn derive(fsa_csv: &Path, postal_codes_csv: &Path, out: impl Write) -> Result<usize, Error> {
    // Ontario communities from the postal codes.
    let mut communities: BTreeMap<(String, String), (f64, f64, u32)> = BTreeMap::new();
    for_each_row(
        postal_codes_csv,
        [
            "postal_code",
            "place_name",
            "province",
            "latitude",
            "longitude",
        ],
        |at, fields| {
            let code = fields[0];
            if code.len() < 3 || !code.is_ascii() {
                return Err(format!("{at}: postal_code \"{code}\" is malformed"));
            }
            let (lat, lon) = coordinates(at, fields[3], fields[4])?;
            let entry = communities
                .entry((code[..3].to_ascii_uppercase(), fields[1].to_string()))
                .or_insert((0.0, 0.0, 0));
            entry.0 += lat;
            entry.1 += lon;
            entry.2 += 1;
            Ok(())
        },
    )?;
    let mut per_fsa: BTreeMap<&str, u32> = BTreeMap::new();
    for ((fsa, _), (_, _, n)) in &communities {
        *per_fsa.entry(fsa).or_default() += n;
    }
    let urban: Vec<u32> = per_fsa
        .iter()
        .filter(|(fsa, _)| !is_rural(fsa))
        .map(|(_, &n)| n)
        .collect();
    if urban.is_empty() {
        return Err(Error::invalid_data(format!(
            "{}: no urban postal code",
            postal_codes_csv.display()
        )));
    }
    let urban_mean = f64::from(urban.iter().sum::<u32>()) / urban.len() as f64;
    let rural_weight = urban_mean * RURAL_FSA_FACTOR;

    let mut rows: Vec<(String, String, String, f64, f64, u32)> = Vec::new();
    for ((fsa, name), (lat, lon, n)) in &communities {
        let weight = if is_rural(fsa) {
            (rural_weight * f64::from(*n) / f64::from(per_fsa[fsa.as_str()])).round() as u32
        } else {
            *n
        };
        let count = f64::from(*n);
        rows.push((
            fsa.clone(),
            name.clone(),
            "ON".to_string(),
            lat / count,
            lon / count,
            weight.max(1),
        ));
    }

    // The rest of Canada from the FSA centroids.
    for_each_row(
        fsa_csv,
        ["fsa", "place_name", "province", "latitude", "longitude"],
        |at, fields| {
            let (fsa, place, province) = (fields[0], fields[1], fields[2]);
            let code = province_code(province)
                .ok_or_else(|| format!("{at}: unknown province \"{province}\""))?;
            if code == "ON" || place.starts_with("Reserved") {
                return Ok(());
            }
            if fsa.len() != 3 || !fsa.is_ascii() {
                return Err(format!("{at}: fsa \"{fsa}\" is malformed"));
            }
            let (lat, lon) = coordinates(at, fields[3], fields[4])?;
            let weight = if is_rural(fsa) {
                rural_weight
            } else {
                urban_mean
            };
            rows.push((
                fsa.to_string(),
                town_name(fsa, place),
                code.to_string(),
                lat,
                lon,
                weight.round() as u32,
            ));
            Ok(())
        },
    )?;
    // Scale each other province so that its share of the weight is its
    // share of the population, relative to Ontario.
    let ontario: f64 = rows
        .iter()
        .filter(|r| r.2 == "ON")
        .map(|r| f64::from(r.5))
        .sum();
    let mut raw: BTreeMap<String, f64> = BTreeMap::new();
    for row in rows.iter().filter(|r| r.2 != "ON") {
        *raw.entry(row.2.clone()).or_default() += f64::from(row.5);
    }
    for row in rows.iter_mut().filter(|r| r.2 != "ON") {
        let people = POPULATION_2021
            .iter()
            .find(|(code, _)| *code == row.2)
            .map_or(0.0, |(_, people)| *people);
        let target = ontario * people / ONTARIO_POPULATION_2021;
        row.5 = ((f64::from(row.5) * target / raw[&row.2]).round() as u32).max(1);
    }
    rows.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));

    let mut writer = csv::Writer::from_writer(out);
    let io = |e: csv::Error| Error::csv("place table", e);
    writer.write_record(super::COLUMNS).map_err(io)?;
    for (fsa, name, province, lat, lon, weight) in &rows {
        writer
            .write_record([
                fsa.as_str(),
                name.as_str(),
                province.as_str(),
                &format!("{lat:.4}"),
                &format!("{lon:.4}"),
                &weight.to_string(),
            ])
            .map_err(io)?;
    }
    writer
        .flush()
        .map_err(|e| Error::io("cannot write the place table", e))?;
    Ok(rows.len())
}

/// Ontario's population, 2021 Census of Population (Statistics Canada).
const ONTARIO_POPULATION_2021: f64 = 14_223_942.0;

/// The other provinces' and territories' populations, 2021 Census.
const POPULATION_2021: &[(&str, f64)] = &[
    ("QC", 8_501_833.0),
    ("BC", 5_000_879.0),
    ("AB", 4_262_635.0),
    ("MB", 1_342_153.0),
    ("SK", 1_132_505.0),
    ("NS", 969_383.0),
    ("NB", 775_610.0),
    ("NL", 510_550.0),
    ("PE", 154_331.0),
    ("NT", 41_070.0),
    ("YT", 40_232.0),
    ("NU", 36_858.0),
];

fn is_rural(fsa: &str) -> bool {
    fsa.as_bytes().get(1) == Some(&b'0')
}

/// Calls `row` with the fields of each record's `names` columns (in that
/// order) and its location ("file row N"); `row`'s error message becomes
/// an [`Error`].
fn for_each_row<const N: usize>(
    path: &Path,
    names: [&str; N],
    mut row: impl FnMut(&str, &[&str]) -> Result<(), String>,
) -> Result<(), Error> {
    let name = path.display().to_string();
    let file = File::open(path).map_err(|e| Error::io(format!("cannot open {name}"), e))?;
    let mut reader = csv::Reader::from_reader(file);
    let at = columns::locate(&name, &mut reader, names)?;
    for record in reader.records() {
        let record = record.map_err(|e| Error::csv(&name, e))?;
        let location = format!("{name} row {}", record.position().map_or(0, |p| p.line()));
        let fields: Vec<&str> = at
            .iter()
            .map(|&i| record.get(i).unwrap_or("").trim())
            .collect();
        row(&location, &fields).map_err(Error::invalid_data)?;
    }
    Ok(())
}

fn coordinates(at: &str, lat: &str, lon: &str) -> Result<(f64, f64), String> {
    let lat_v: f64 = lat
        .parse()
        .map_err(|_| format!("{at}: latitude \"{lat}\" is not a number"))?;
    let lon_v: f64 = lon
        .parse()
        .map_err(|_| format!("{at}: longitude \"{lon}\" is not a number"))?;
    if !(-90.0..=90.0).contains(&lat_v) || !(-180.0..=180.0).contains(&lon_v) {
        return Err(format!("{at}: coordinates {lat},{lon} are out of range"));
    }
    Ok((lat_v, lon_v))
}

fn province_code(name: &str) -> Option<&'static str> {
    Some(match name {
        "Newfoundland and Labrador" => "NL",
        "Nova Scotia" => "NS",
        "Prince Edward Island" => "PE",
        "New Brunswick" => "NB",
        "Quebec" => "QC",
        "Ontario" => "ON",
        "Manitoba" => "MB",
        "Saskatchewan" => "SK",
        "Alberta" => "AB",
        "British Columbia" => "BC",
        "Northwest Territory" | "Northwest Territories" => "NT",
        "Nunavut Territory" | "Nunavut" => "NU",
        "Yukon" => "YT",
        _ => return None,
    })
}

/// The town an FSA's GeoNames name stands for.
fn town_name(fsa: &str, place: &str) -> String {
    let (outside, inside) = match (place.find('('), place.rfind(')')) {
        (Some(open), Some(close)) if open < close => {
            (place[..open].trim(), Some(place[open + 1..close].trim()))
        }
        _ => (place.trim(), None),
    };
    let name = match inside {
        Some(town) if is_rural(fsa) || outside.is_empty() => town,
        _ => outside,
    };
    let name = name.split(',').next().unwrap_or(name).trim();
    let mut words: Vec<&str> = name.split_whitespace().collect();
    const COMPASS: &[&str] = &[
        "North",
        "South",
        "East",
        "West",
        "Central",
        "Northeast",
        "Northwest",
        "Southeast",
        "Southwest",
        "Inner",
        "Outer",
        "NE",
        "NW",
        "SE",
        "SW",
    ];
    while words.len() > 1 && words.last().is_some_and(|w| COMPASS.contains(w)) {
        words.pop();
    }
    if words.len() > 1 && words[0] == "Downtown" {
        words.remove(0);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn town_names_drop_compass_words_and_keep_the_rural_town() {
        assert_eq!(town_name("S7R", "Saskatoon Northwest"), "Saskatoon");
        assert_eq!(town_name("H3A", "Downtown Montreal North"), "Montreal");
        assert_eq!(town_name("B2X", "Dartmouth North Central"), "Dartmouth");
        assert_eq!(town_name("T1Y", "Calgary (Rundle / Whitehorn)"), "Calgary");
        assert_eq!(
            town_name("J0A", "Centre-du-Québec-Sud (Warwick)"),
            "Warwick"
        );
        assert_eq!(town_name("E1H", "Lakeville, Shediac Bridge"), "Lakeville");
        assert_eq!(
            town_name("V7M", "North Vancouver Southwest Central"),
            "North Vancouver"
        );
    }

    #[test]
    fn derives_weights_and_reports_bad_rows() {
        let dir = tempfile::tempdir().unwrap();
        let fsa = dir.path().join("fsa.csv");
        let postal = dir.path().join("postal.csv");
        std::fs::write(
            &fsa,
            "fsa,place_name,province,latitude,longitude,accuracy\n\
             P3E,Sudbury,Ontario,46.4,-81.0,6\n\
             H3A,Downtown Montreal North,Quebec,45.5,-73.57,6\n\
             H0H,Reserved (Santa Claus),Quebec,90.0,0.0,\n",
        )
        .unwrap();
        std::fs::write(
            &postal,
            "postal_code,place_name,province,latitude,longitude\n\
             P3E 1A1,Sudbury,Ontario,46.40,-81.00\n\
             P3E 1A2,Sudbury,Ontario,46.42,-81.02\n\
             P0M 1A0,Chelmsford,Ontario,46.58,-81.20\n",
        )
        .unwrap();
        let mut out = Vec::new();
        assert_eq!(derive(&fsa, &postal, &mut out).unwrap(), 3);
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "fsa,place,province,latitude,longitude,weight\n\
             H3A,Montreal,QC,45.5000,-73.5700,2\n\
             P0M,Chelmsford,ON,46.5800,-81.2000,2\n\
             P3E,Sudbury,ON,46.4100,-81.0100,2\n"
        );

        std::fs::write(
            &postal,
            "postal_code,place_name,province,latitude,longitude\nP3E 1A1,Sudbury,Ontario,north,-81\n",
        )
        .unwrap();
        let err = derive(&fsa, &postal, Vec::new()).unwrap_err();
        assert!(
            err.to_string()
                .ends_with("postal.csv row 2: latitude \"north\" is not a number"),
            "{err}"
        );

        let err = derive(&fsa, &dir.path().join("missing.csv"), Vec::new()).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Io);
    }
}
