//! Importing HSDS inputs: what a directory publisher notices — which
//! services come out, with what, and which problems are named.

use std::io::Write;
use std::path::{Path, PathBuf};

use servicematch::{
    AgeRange, Cost, Gender, Index, IndexBuilder, OpenInterval, Query, Service, Status,
};
use servicematch_hsds::{self as hsds, ErrorKind, Format, Import};

fn testdata(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(path)
}

fn read(path: &str) -> Import {
    hsds::read_path(&testdata(path)).unwrap()
}

fn service<'i>(import: &'i Import, id: &str) -> &'i Service {
    import
        .services
        .iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("no service {id}"))
}

fn codes(service: &Service) -> Vec<Option<&str>> {
    service
        .languages
        .iter()
        .map(|l| l.code.as_deref())
        .collect()
}

/// Asserts that a problem reads `said` after its file's folder.
fn says(import: &Import, said: &str) {
    let messages: Vec<String> = import
        .report
        .problems
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.rsplit_once('/').is_some_and(|(_, rest)| rest == said) || m == said),
        "no problem says {said:?}; problems:\n{}",
        messages.join("\n")
    );
}

fn hours(day: u8, opens: &str, closes: &str) -> OpenInterval {
    let minutes = |t: &str| {
        let (h, m) = t.split_once(':').unwrap();
        h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap()
    };
    OpenInterval {
        weekday: day,
        opens: minutes(opens),
        closes: minutes(closes),
    }
}

/// The age range the importer gives a service.
fn ages(min: Option<u8>, max: Option<u8>, from_text: bool) -> Option<AgeRange> {
    Some(AgeRange {
        min,
        max,
        from_text,
    })
}

fn reconciles(import: &Import) {
    let report = &import.report;
    assert_eq!(
        report.services_read,
        import.services.len() + report.services_rejected
    );
}

#[test]
fn hsds3_csv_reads_like_its_json_twin() {
    let csv = read("hsds3/csv");
    let json = read("hsds3/service_full.json");
    let (a, b) = (&csv.services[0], &json.services[0]);
    assert_eq!(csv.services.len(), 1);
    assert_eq!((&a.id, &a.name), (&b.id, &b.name));
    assert_eq!(
        a.organization.as_ref().map(|o| &o.name),
        b.organization.as_ref().map(|o| &o.name)
    );
    assert_eq!(codes(a), codes(b));
    assert_eq!(a.eligibility.ages, b.eligibility.ages);
    assert_eq!(a.eligibility.ages, ages(Some(12), None, false));
    assert_eq!(a.hours, b.hours);
    assert_eq!(
        a.hours,
        [hours(3, "10:00", "18:00"), hours(4, "10:00", "18:00")]
    );
    assert_eq!(a.cost, Cost::Fee);
    assert_eq!(a.phones[0].number, "+44 1234 234567");
    assert_eq!(a.required_documents.len(), 1);
    assert!(
        a.accessibility.wheelchair,
        "\"Wheelchair access is possible on all levels\""
    );
    // The example's location sits at latitude 100: kept for its address,
    // without coordinates, and said.
    assert!(a.locations[0].lat.is_nan());
    assert_eq!(
        a.locations[0].address.as_deref(),
        Some("1-30 Main Street, MyVillage, MyCity, MyState")
    );
    says(&csv, "locations.csv row 1 field latitude: location 3a19ff88-4620-4d17-9830-ac1d859eb5d5 at (100, 101) is not a point on Earth; kept without coordinates");
    // Service areas are read; the example's is a paragraph of prose and an
    // extent that is not GeoJSON ("extent"): counted, not used.
    let areas = csv
        .report
        .tables
        .iter()
        .find(|t| t.file.ends_with("service_areas.csv"))
        .unwrap();
    assert_eq!((areas.read, areas.used, areas.imported), (1, 0, true));
}

#[test]
fn hsds1_data_package_example() {
    let import = read("hsds1-datapackage");
    assert_eq!(import.services.len(), 13);
    reconciles(&import);
    let helpline = service(&import, "c89eb05c-62dd-4b64-b494-0cc347b6ea7f");
    assert_eq!(
        helpline.organization.as_ref().unwrap().name,
        "Sanctuary Example City"
    );
    assert_eq!(codes(helpline), [Some("en"), Some("es")]);
    assert_eq!(
        helpline.hours,
        [
            hours(0, "09:00", "17:00"),
            hours(1, "09:00", "17:00"),
            hours(2, "09:00", "17:00")
        ]
    );
    // Eligibility "adult": 18 and over, read from a word, so never ruling anyone out.
    assert_eq!(helpline.eligibility.ages, ages(Some(18), None, true));
    assert_eq!(
        helpline.locations[0].address.as_deref(),
        Some("Address 1, Address 2, New York City, NY")
    );
    assert_eq!(
        service(&import, "a27a0710-72d2-41a2-8947-9d0e0e69e257").status,
        Status::Inactive
    );
    let located = service(&import, "25870bcf-7528-4e05-8f0c-7e639075ce71");
    assert_eq!(
        (located.locations[0].lat, located.locations[0].lon),
        (39.428192, -119.897426)
    );
    // The organization's phone reaches its services that have none.
    let laundry = service(&import, "21a1192b-abb9-45e8-bc52-c81ca4087240");
    assert_eq!(laundry.phones[0].number, "(223) 4567 12534");
    let meals = service(&import, "62e95523-07b9-4d1b-9bcf-6cea6e2be5d8");
    assert_eq!(meals.phones[0].number, "(223) 346 12361");
}

#[test]
fn messy_hsds1_keeps_what_it_can_and_says_the_rest() {
    let import = read("messy/hsds1");
    let report = &import.report;
    assert_eq!(
        (
            report.services_read,
            import.services.len(),
            report.services_rejected
        ),
        (6, 4, 2)
    );
    says(
        &import,
        "services.csv row 3 field name: service s3 has no name (record rejected)",
    );
    says(&import, "services.csv row 4 field id: service id s1 appears twice (first at row 1); the first is kept (record rejected)");
    let services = report
        .tables
        .iter()
        .find(|t| t.file.ends_with("services.csv"))
        .unwrap();
    assert_eq!((services.read, services.used, services.rejected), (6, 4, 2));

    // A broken reference keeps the service, without what is missing.
    let orphan = service(&import, "s2");
    assert_eq!(orphan.organization, None);
    says(&import, "services.csv row 2 field organization_id: organization o9 of service s2 is not in organizations; service kept without its organization");
    // A location without coordinates keeps its address.
    assert_eq!(
        orphan.locations[0].address.as_deref(),
        Some("12 Back Lane, Unit 4, Halifax, NS")
    );
    assert!(orphan.locations[0].lat.is_nan());
    // Unreadable hours stay as the publisher wrote them.
    assert!(orphan.hours.is_empty());
    assert_eq!(orphan.hours_text.as_deref(), Some("8:00m-5:00pm, Mon"));
    says(&import, "regular_schedules.csv row 5 field opens_at: opens_at \"8:00m\" is not a time of day; kept as text");
    assert_eq!(orphan.languages[0].code, None);
    assert_eq!(orphan.languages[0].name, "Espa+¦ol");
    says(&import, "languages.csv row 7 field language: language \"Espa+¦ol\" is not a known language; kept as text");
    assert_eq!(orphan.cost, Cost::SlidingScale);

    let pantry = service(&import, "s1");
    assert_eq!(
        codes(pantry),
        [Some("en"), Some("es"), Some("de"), Some("fr")]
    );
    assert_eq!(
        pantry.hours,
        [hours(0, "09:00", "17:00"), hours(1, "09:00", "17:00")]
    );
    assert_eq!(pantry.hours_text, None, "the Saturday row says closed");
    assert_eq!(pantry.cost, Cost::Free, "fees \"None.\"");
    assert_eq!(
        pantry.description.as_deref(),
        Some("Groceries for the week.\n\nCall first & bring a bag.###MON###")
    );
    assert_eq!(pantry.locations[0].region.as_deref(), Some("NS"));
    let category = &pantry.categories[0];
    assert_eq!(
        (category.code.as_deref(), category.name.as_str()),
        (Some("BD-1800.2000"), "Food Pantries")
    );
    let broader: Vec<&str> = category.ancestors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(broader, ["Emergency Food", "Food"]);

    let lunch = service(&import, "s4");
    assert_eq!(codes(lunch), [Some("ht"), None, Some("ase")]);
    assert_eq!(
        lunch.languages[1].name,
        "other languages available upon request"
    );
    assert_eq!(
        lunch.hours,
        [hours(6, "00:00", "24:00")],
        "\"24 hours\" on Sunday"
    );
    assert_eq!(lunch.eligibility.ages, ages(Some(60), None, true));
    assert_eq!(lunch.cost, Cost::Fee);
    assert_eq!(
        (
            lunch.phones[0].number.as_str(),
            lunch.phones[0].extension.as_deref()
        ),
        ("902-555-0199", Some("12"))
    );
    assert_eq!(lunch.locations.len(), 1);
    says(&import, "services_at_location.csv row 4 field location_id: location l99 of service s4 is not in locations (record rejected)");
    assert_eq!(lunch.categories[0].code.as_deref(), Some("YZ-9999"));
    says(&import, "services_taxonomy.csv row 2 field taxonomy_id: taxonomy term YZ-9999 is not in the taxonomy table; kept as a code");

    let drop_in = service(&import, "s5");
    assert_eq!(drop_in.status, Status::TemporarilyClosed);
    assert_eq!(drop_in.eligibility.genders, [Gender::Female]);

    says(&import, "regular_schedules.csv row 6 field service_id: service s99 is not in services (record rejected)");
    says(&import, "eligibility.csv row 3 field service_id: eligibility row names no service (record rejected)");
    says(&import, "datapackage.json row 12 field resources: resource required_document names required_documents.csv, which the package does not hold");
}

#[test]
fn messy_hsds3_csv() {
    let import = read("messy/hsds3-csv");
    reconciles(&import);
    let counselling = service(&import, "s1");
    assert_eq!(
        counselling.hours,
        [
            hours(0, "09:00", "17:00"),
            hours(2, "09:00", "17:00"),
            hours(4, "22:00", "24:00"),
            hours(5, "00:00", "02:00"),
        ],
        "weekly rows, the Friday one past midnight"
    );
    // The monthly row (byday 1SA) is structured, in its row's zone.
    assert_eq!(
        counselling.monthly_hours,
        [servicematch::MonthlyInterval {
            week: 1,
            weekday: 5,
            opens: 600,
            closes: 840
        }]
    );
    assert_eq!(counselling.time_zone.as_deref(), Some("America/Toronto"));
    assert_eq!(counselling.hours_text, None);
    assert_eq!(
        counselling.eligibility.ages,
        ages(Some(18), Some(64), false)
    );
    assert_eq!(counselling.eligibility.genders, [Gender::Female]);
    assert_eq!(counselling.cost, Cost::Free, "the cheapest option is free");
    assert_eq!(codes(counselling), [Some("en"), Some("fr")]);
    assert_eq!(
        counselling.locations[0].address.as_deref(),
        Some("110 Laurier Ave W, Ottawa, ON"),
        "the physical address, not the postal one"
    );
    let category = &counselling.categories[0];
    assert_eq!(
        (category.name.as_str(), category.vocabulary.as_deref()),
        ("Mental Health Care", Some("Open Eligibility"))
    );
    assert_eq!(category.ancestors[0].name, "Health");

    let jobs = service(&import, "s2");
    says(
        &import,
        "services.csv row 2 field minimum_age: minimum_age \"sixty\" is not a number",
    );
    assert_eq!(jobs.eligibility.ages, ages(Some(18), Some(24), true));
    // No hours of its own: the location's daily hours.
    assert_eq!(jobs.hours.len(), 7);
    assert_eq!(jobs.hours[0], hours(0, "08:00", "20:00"));
    assert_eq!(jobs.cost, Cost::Free, "\"Free of charge\"");
    says(
        &import,
        "attributes.csv row 4 field link_id: service s9 is not in services (record rejected)",
    );
}

#[test]
fn messy_ohana_csv() {
    assert_eq!(
        hsds::detect(&testdata("messy/ohana")).unwrap(),
        Format::OhanaCsv
    );
    let import = read("messy/ohana");
    assert_eq!(import.services.len(), 3);
    let pantry = service(&import, "200");
    assert_eq!(
        pantry.organization.as_ref().unwrap().name,
        "Eastside Community Action"
    );
    assert_eq!(codes(pantry), [Some("es"), Some("de")]);
    assert_eq!(pantry.eligibility.ages, ages(Some(18), None, true));
    assert_eq!(
        (pantry.cost, pantry.fees_description.as_deref()),
        (Cost::Free, Some("None."))
    );
    assert_eq!(pantry.keywords, ["food", "pantry"]);
    assert!(pantry.accessibility.wheelchair);
    assert_eq!(pantry.phones.len(), 1);
    let van = service(&import, "201");
    assert_eq!(codes(van), [Some("ase")]);
    assert_eq!(van.cost, Cost::SlidingScale);
    assert!(van.locations[0].lat.is_nan());
    assert_eq!(
        van.phones[0].number, "(410) 555-0100",
        "the organization's line"
    );
    let lost = service(&import, "202");
    assert!(lost.locations.is_empty());
    says(&import, "services.csv row 3 field location_id: location 7 is not in locations; service kept without it");
    assert_eq!(lost.languages[0].name, "Accommodations possible");
}

/// Zips `folder` into a temporary archive, under `prefix/`.
fn zip_folder(folder: &Path, prefix: &str) -> tempfile::NamedTempFile {
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut entries: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = format!("{prefix}/{}", path.file_name().unwrap().to_string_lossy());
        writer.start_file(name, options).unwrap();
        writer.write_all(&std::fs::read(&path).unwrap()).unwrap();
    }
    let mut temp = tempfile::Builder::new().suffix(".zip").tempfile().unwrap();
    temp.write_all(&writer.finish().unwrap().into_inner())
        .unwrap();
    temp
}

#[test]
fn a_zip_archive_reads_like_its_folder() {
    let folder = testdata("hsds1-datapackage");
    let archive = zip_folder(&folder, "export/data");
    assert_eq!(hsds::detect(archive.path()).unwrap(), Format::DataPackage);
    let zipped = hsds::read_path(archive.path()).unwrap();
    let unzipped = hsds::read_path(&folder).unwrap();
    // NaN coordinates are not equal to themselves: compare as JSON.
    let json = |import: &Import| serde_json::to_string(&import.services).unwrap();
    assert_eq!(json(&zipped), json(&unzipped));
    let named = zipped
        .report
        .tables
        .iter()
        .any(|t| t.file.ends_with(".zip/export/data/services.csv"));
    assert!(
        named,
        "problems and tables name the file inside the archive"
    );
}

#[test]
fn formats_are_detected_and_can_be_named() {
    for (path, format) in [
        ("hsds3/service_full.json", Format::Hsds3Json),
        ("hsds3/csv", Format::Hsds3Csv),
        ("hsds1-datapackage", Format::DataPackage),
        ("hsds1-datapackage/datapackage.json", Format::DataPackage),
        ("hsds3/csv/services.csv", Format::Hsds3Csv),
    ] {
        assert_eq!(hsds::detect(&testdata(path)).unwrap(), format, "{path}");
    }
    // --format overrides detection: the tables read the same either way.
    let forced = hsds::read_path_as(&testdata("hsds3/csv"), Format::DataPackage).unwrap();
    assert_eq!(forced.services[0].name, "Community Counselling");
    let err = hsds::read_path_as(&testdata("hsds3/csv"), Format::Hsds3Json).unwrap_err();
    assert!(
        err.to_string()
            .contains("csv: a folder without .json files, not HSDS 3 JSON"),
        "{err}"
    );
}

#[test]
fn unreadable_inputs_are_errors_that_name_the_file() {
    let empty = tempfile::tempdir().unwrap();
    let err = hsds::read_path(empty.path()).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        err.to_string(),
        format!(
            "{}: no services.csv (no CSV or JSON files); an HSDS folder or archive needs one",
            empty.path().display()
        )
    );

    std::fs::write(
        empty.path().join("services.csv"),
        "id,description\n1,No name column\n",
    )
    .unwrap();
    let err = hsds::read_path(empty.path()).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("/services.csv: no \"name\" column (columns: id, description)"),
        "{err}"
    );

    let zip = tempfile::Builder::new().suffix(".zip").tempfile().unwrap();
    std::fs::write(zip.path(), b"PK\x03\x04 not really").unwrap();
    let err = hsds::read_path(zip.path()).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}: not a readable zip archive", zip.path().display())
    );

    let err = hsds::read_path(Path::new("/no/such/export")).unwrap_err();
    assert_eq!(
        (err.kind(), err.to_string().as_str()),
        (ErrorKind::Io, "cannot read /no/such/export")
    );

    std::fs::write(empty.path().join("services.csv"), "id,name\n1,A\n").unwrap();
    std::fs::write(empty.path().join("datapackage.json"), "{\"resources\": [").unwrap();
    let err = hsds::read_path(empty.path()).unwrap_err();
    assert!(
        err.to_string()
            .ends_with("/datapackage.json: not valid JSON (line 1, column 15)"),
        "{err}"
    );
}

#[test]
fn an_index_built_from_a_data_package_finds_and_counts() {
    let import = read("messy/hsds1");
    let mut builder = IndexBuilder::new("messy");
    builder
        .add_services(import.services)
        .add_report(import.report);
    let (bytes, summary) = builder.build_bytes().unwrap();
    assert_eq!(summary.services, 4);
    let index = Index::from_bytes(bytes).unwrap();
    let meta = index.meta();
    assert_eq!(
        (
            meta.import.services_read,
            meta.import.services_rejected,
            meta.services
        ),
        (6, 2, 4)
    );
    let results = index.search(&Query::new().text("food pantry")).unwrap();
    assert_eq!(results.hits[0].id, "s1");
    // A service whose only location has no coordinates is still found, with its address.
    let results = index
        .search(&Query::new().text("orphan counselling"))
        .unwrap();
    let hit = results.hits.iter().find(|h| h.id == "s2").unwrap();
    let location = hit.location.as_ref().unwrap();
    assert_eq!(
        location.address.as_deref(),
        Some("12 Back Lane, Unit 4, Halifax, NS")
    );
    assert!(location.lat.is_nan());
}

#[test]
fn nonsense_in_every_column_is_reported_never_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "services.csv",
        "id,organization_id,name,description,status,minimum_age,maximum_age,fees_description,eligibility_description\n\
         s1,o1,Ünïcödé ☃ Service,\"&amp;&#xFFFFFFFF;&bogus; \\\\n\\\\\",zombie,-5,300,$,ages 999-1000\n\
         s2,,\"Quoted \"\"name\"\"\",,,1e400,NaN,,under 0\n",
    );
    write("organizations.csv", "id,name\no1,\n");
    write(
        "locations.csv",
        "id,latitude,longitude\nl1,NaN,inf\nl2,1e400,-1e400\nl3,90.0000001,0\n",
    );
    write(
        "service_at_location.csv",
        "id,service_id,location_id\nx,s1,l1\ny,s1,l2\nz,s2,l3\n",
    );
    write(
        "schedules.csv",
        "id,service_id,freq,interval,byday,opens_at,closes_at,weekday\n\
         a,s1,YEARLY,abc,\",,,\",99:99,-1:00,\n\
         b,s1,,,-1MO,9,17,\n\
         c,s1,,,,12:00am,12:00am,8\n\
         d,s2,WEEKLY,1,\"MO,TU,WE,TH,FR,SA,SU,MO\",00:00,23:59,\n",
    );
    write(
        "languages.csv",
        "id,service_id,name,code\n1,s1,\"(,,/&+)\",\n2,s1,é,zz\n3,s2,\"Spanish (((\",\n",
    );
    write(
        "cost_options.csv",
        "id,service_id,option,amount\n1,s1,,-3\n2,s2,free,abc\n",
    );
    write(
        "taxonomy_terms.csv",
        "id,name,parent_id\nt1,Loop,t2\nt2,Back,t1\n",
    );
    write("attributes.csv", "id,link_id,taxonomy_term_id\n1,s1,t1\n");
    let import = hsds::read_path(dir.path()).unwrap();
    reconciles(&import);
    assert_eq!(import.services.len(), 2);
    let unicode = service(&import, "s1");
    assert_eq!(unicode.name, "Ünïcödé ☃ Service");
    assert_eq!(unicode.eligibility.ages, None);
    assert!(unicode.locations.iter().all(|l| l.lat.is_nan()));
    // A cycle in the taxonomy ends; the term keeps its name.
    assert_eq!(unicode.categories[0].name, "Loop");
    let quoted = service(&import, "s2");
    assert_eq!(quoted.name, "Quoted \"name\"");
    assert_eq!(
        quoted.hours.len(),
        7,
        "the whole day, every day: {:?}",
        quoted.hours
    );
    assert!(quoted
        .hours
        .iter()
        .all(|h| (h.opens, h.closes) == (0, 1440)));
    for said in [
        "services.csv row 1 field minimum_age: minimum_age \"-5\" is not an age in years",
        "services.csv row 2 field minimum_age: minimum_age \"1e400\" is not an age in years",
        "locations.csv row 2 field latitude: latitude \"1e400\" is not a number",
        "schedules.csv row 3 field weekday: weekday \"8\" is not a day of the week; kept as text",
        "languages.csv row 2 field language: language \"é\" is not a known language; kept as text",
        "cost_options.csv row 2 field amount: amount \"abc\" is not a number",
    ] {
        says(&import, said);
    }
}

#[test]
fn a_folder_of_hsds3_json_files_is_read_file_by_file() {
    let dir = tempfile::tempdir().unwrap();
    let fixture = std::fs::read(testdata("hsds3/service_full.json")).unwrap();
    std::fs::write(dir.path().join("a.json"), &fixture).unwrap();
    let ranking = Path::new(env!("CARGO_MANIFEST_DIR")).join("../core/testdata/ranking.json");
    std::fs::copy(ranking, dir.path().join("b.json")).unwrap();
    std::fs::write(dir.path().join("README.md"), "not read").unwrap();
    assert_eq!(hsds::detect(dir.path()).unwrap(), Format::Hsds3Json);
    let import = hsds::read_path(dir.path()).unwrap();
    assert_eq!(import.services.len(), 13, "1 + 12 services");
    assert_eq!(import.report.services_read, 13);
    let files: Vec<&str> = import
        .report
        .tables
        .iter()
        .map(|t| t.file.rsplit('/').next().unwrap())
        .collect();
    assert_eq!(files, ["a.json", "b.json"]);
    let empty = tempfile::tempdir().unwrap();
    let err = hsds::read_path(empty.path()).unwrap_err();
    assert!(err.to_string().contains("no services.csv"), "{err}");
}

#[test]
fn a_service_names_its_program_in_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "services.csv",
        "id,name,program_id\ns1,Dental Clinic,p1\ns2,Food Bank,\ns3,Legal Clinic,p9\n",
    );
    write(
        "programs.csv",
        "id,name\np1,Healthy Smiles Ontario\np1,Again\n",
    );
    let import = hsds::read_path(dir.path()).unwrap();
    reconciles(&import);
    assert_eq!(
        service(&import, "s1").program.as_deref(),
        Some("Healthy Smiles Ontario")
    );
    assert_eq!(service(&import, "s2").program, None);
    // A program that is not in programs.csv: the service is kept, without it, and said.
    assert_eq!(service(&import, "s3").program, None);
    says(&import, "services.csv row 3 field program_id: program p9 of service s3 is not in programs; service kept without its program");
    says(&import, "programs.csv row 2 field id: program id p1 appears twice; the first is kept (record rejected)");

    let json =
        br#"[{"id": "j1", "name": "Meals", "program": {"id": "p2", "name": "Community Support"}}]"#;
    let import = hsds::v3_json::read("services.json", json).unwrap();
    assert_eq!(
        service(&import, "j1").program.as_deref(),
        Some("Community Support")
    );
}
