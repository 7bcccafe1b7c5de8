//! The bundled demo directory: real Ontario health facilities plus
//! synthetic community services.

use std::path::Path;

use crate::error::Error;
use crate::hsds::write_services_to_file;
use crate::odhf;
use crate::places::Region;
use crate::service::{Generator, Options};

/// How many synthetic services the demo directory holds.
pub const DEMO_SERVICES: u64 = 1_500;
/// The seed of the demo directory's synthetic services.
pub const DEMO_SEED: u64 = 2025;
/// The demo's synthetic services file, in the output folder.
pub const COMMUNITY_SERVICES_FILE: &str = "community-services.json";
/// The demo's real health facilities file, in the output folder.
pub const ODHF_FILE: &str = "odhf-ontario.json";

/// The options of the demo's synthetic services: 1,500 services, seed 2025,
/// in [`Region::Showcase`] (Ontario, francophone communities weighted up).
pub fn demo_options() -> Options {
    Options {
        services: DEMO_SERVICES,
        seed: DEMO_SEED,
        region: Region::Showcase,
    }
}

/// What [`write_demo`] wrote.
#[derive(Debug, Clone)]
pub struct DemoReport {
    /// Synthetic services written to [`COMMUNITY_SERVICES_FILE`].
    pub community_services: u64,
    /// Real facilities written to [`ODHF_FILE`], if an ODHF folder was given.
    pub odhf_services: Option<u64>,
    /// ODHF rows left out, with why.
    pub odhf_skipped: Vec<String>,
}

/// Writes the demo directory into `output_dir`: [`COMMUNITY_SERVICES_FILE`]
/// always, and [`ODHF_FILE`] converted from the ODHF files in `odhf_dir` when given.
///
/// # Errors
///
/// Any error of [`odhf::convert`], or [`ErrorKind::Io`](crate::ErrorKind::Io)
/// naming the file that could not be written.
pub fn write_demo(output_dir: &Path, odhf_dir: Option<&Path>) -> Result<DemoReport, Error> {
    let (odhf_services, odhf_skipped) = match odhf_dir {
        Some(dir) => {
            let conversion = odhf::convert(dir)?;
            let count = write_services_to_file(conversion.services, &output_dir.join(ODHF_FILE))?;
            (Some(count), conversion.skipped)
        }
        None => (None, Vec::new()),
    };
    // The generated services, enriched for the demo's callers (hours'
    // time zones, holidays, monthly and overnight hours, service areas),
    // then the services written for the scenario tests.
    let services = Generator::new(demo_options())?
        .map(crate::scenarios::enrich)
        .chain(crate::scenarios::scenario_services());
    let community_services =
        write_services_to_file(services, &output_dir.join(COMMUNITY_SERVICES_FILE))?;
    Ok(DemoReport {
        community_services,
        odhf_services,
        odhf_skipped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hsds::Service;

    #[test]
    fn the_demo_is_written_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let report = write_demo(dir.path(), None).unwrap();
        let written = DEMO_SERVICES + crate::scenarios::SCENARIO_SERVICES;
        assert_eq!(report.community_services, written);
        assert_eq!(report.odhf_services, None);
        let text = std::fs::read(dir.path().join(COMMUNITY_SERVICES_FILE)).unwrap();
        let services: Vec<Service> = serde_json::from_slice(&text).unwrap();
        assert_eq!(services.len() as u64, written);
        assert!(services
            .iter()
            .all(|s| s.description.ends_with("(Synthetic example record.)")));
    }

    #[test]
    fn the_demo_speaks_french_where_french_is_spoken() {
        let services: Vec<Service> = Generator::new(demo_options()).unwrap().collect();
        let city = |s: &Service| s.service_at_locations[0].location.addresses[0].city.clone();
        for town in crate::places::SHOWCASE_TOWNS {
            assert!(services.iter().any(|s| city(s) == *town), "{town}");
        }
        for town in ["Sudbury", "Hawkesbury", "Hearst", "Kapuskasing", "Timmins"] {
            let french = services
                .iter()
                .filter(|s| city(s) == town && s.languages[0].code == "fr")
                .count();
            assert!(french >= 1, "{town}");
        }
    }

    #[test]
    fn a_missing_odhf_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_demo(dir.path(), Some(&dir.path().join("nope"))).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Io);
        assert!(err.to_string().contains("hospitals_ca.csv"), "{err}");
    }
}
