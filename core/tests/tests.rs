//! Integration tests: build indexes from fixtures, search them as a user would.

use std::path::{Path, PathBuf};

use servicematch::{Eligibility, ErrorKind, Index, IndexBuilder, Query, Results};
use servicematch_hsds as hsds;

fn testdata(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("testdata")
        .join(name)
}

/// The bytes of an index built from `testdata/ranking.json`.
fn ranking_bytes() -> Vec<u8> {
    let import = hsds::read_path(&testdata("ranking.json")).unwrap();
    let mut builder = IndexBuilder::new("ranking");
    builder
        .add_services(import.services)
        .add_report(import.report);
    builder.build_bytes().unwrap().0
}

fn ranking_index() -> Index {
    Index::from_bytes(ranking_bytes()).unwrap()
}

/// The hits that meet the whole query (not those offered with a soft
/// constraint relaxed, see `no_wrong_door`).
fn ids(results: &Results) -> Vec<&str> {
    results
        .hits
        .iter()
        .filter(|h| h.relaxed.is_none())
        .map(|h| h.id.as_str())
        .collect()
}

// Ranking behaviour a person at a 211 line would notice.
mod ranking {
    use super::*;

    #[test]
    fn french_speakers_first_when_asked() {
        let index = ranking_index();
        let query = Query::new()
            .text("aide alimentaire")
            .near_place("P3E 2C6")
            .language("fr");
        let results = index.search(&query).unwrap();
        assert_eq!(results.hits[0].id, "s02", "{:?}", ids(&results));
        let food = index
            .search(
                &Query::new()
                    .text("food")
                    .near_place("P3E 2C6")
                    .language("fr"),
            )
            .unwrap();
        assert!(
            food.hits[0].languages.contains(&"fr".to_string()),
            "{:?}",
            ids(&food)
        );
    }

    #[test]
    fn require_language_keeps_only_speakers() {
        let index = ranking_index();
        let query = Query::new()
            .language("French")
            .require_language(true)
            .limit(50);
        let results = index.search(&query).unwrap();
        assert_eq!(ids(&results), ["s02", "s04", "s07"]);
    }

    #[test]
    fn languages_by_code_english_name_or_autonym() {
        let index = ranking_index();
        let speakers = |language: &str| {
            let query = Query::new()
                .language(language)
                .require_language(true)
                .limit(50);
            let results = index.search(&query).unwrap();
            ids(&results).join(" ")
        };
        for french in [
            "fr",
            "fra",
            "fre",
            "French",
            "Français",
            "francais",
            " FRENCH ",
        ] {
            assert_eq!(speakers(french), "s02 s04 s07", "{french}");
        }
        // A language no service offers is known all the same: no error, no match.
        for absent in [
            "so", "Somali", "zul", "Zulu", "isiZulu", "cmn", "ase", "ASL",
        ] {
            assert_eq!(speakers(absent), "", "{absent}");
        }
        // Text that names no language is an error.
        for unknown in ["Klingonese", "zz", "zzz", "é"] {
            let error = index.search(&Query::new().language(unknown)).unwrap_err();
            assert_eq!(error.kind(), ErrorKind::InvalidQuery, "{unknown}");
            assert!(
                error.to_string().contains("not a known language"),
                "{error}"
            );
        }
        // The names come from the index's own language table.
        let french = index
            .meta()
            .language_names
            .iter()
            .find(|l| l.code == "fr")
            .unwrap();
        assert_eq!(
            (french.name.as_str(), french.autonym.as_deref()),
            ("French", Some("français"))
        );
    }

    #[test]
    fn ineligible_ages_are_excluded_and_unknown_kept() {
        let index = ranking_index();
        let adult = index
            .search(&Query::new().text("food").client_age(30).limit(50))
            .unwrap();
        assert!(
            !ids(&adult).contains(&"s04"),
            "seniors only: {:?}",
            ids(&adult)
        );
        assert!(
            !ids(&adult).contains(&"s05"),
            "youth only: {:?}",
            ids(&adult)
        );
        assert!(
            ids(&adult).contains(&"s01"),
            "no age data is unknown, not excluded"
        );
        let senior = index
            .search(&Query::new().text("meals seniors").client_age(72))
            .unwrap();
        assert_eq!(senior.hits[0].id, "s04");
        assert_eq!(senior.hits[0].eligibility, Some(Eligibility::Eligible));
        let food = index
            .search(&Query::new().text("food").client_age(72).limit(50))
            .unwrap();
        let unknown = food.hits.iter().find(|h| h.id == "s01").unwrap();
        assert_eq!(unknown.eligibility, Some(Eligibility::Unknown));
    }

    #[test]
    fn gender_restricted_services_are_excluded_for_others() {
        let index = ranking_index();
        let shelter = Query::new().text("shelter");
        let male = index
            .search(&shelter.clone().client_gender("male"))
            .unwrap();
        assert!(!ids(&male).contains(&"s06"));
        let female = index.search(&shelter.client_gender("woman")).unwrap();
        assert_eq!(female.hits[0].id, "s06");
    }

    #[test]
    fn nearer_ranks_higher_at_equal_text_relevance() {
        let index = ranking_index();
        let results = index
            .search(
                &Query::new()
                    .text("Sudbury Food Bank")
                    .near_point(46.49, -80.99)
                    .limit(50),
            )
            .unwrap();
        let near = ids(&results).iter().position(|&id| id == "s01").unwrap();
        let far = ids(&results).iter().position(|&id| id == "s03").unwrap();
        assert!(near < far, "{:?}", ids(&results));
        assert!(results.hits[near].distance_km.unwrap() < 1.0);
        assert!(results.hits[far].distance_km.unwrap() > 30.0);
    }

    #[test]
    fn ties_break_on_service_id_and_repeat_exactly() {
        let index = ranking_index();
        let query = Query::new().text("community food bank").limit(50);
        let first = index.search(&query).unwrap();
        let a = ids(&first).iter().position(|&id| id == "s10").unwrap();
        let b = ids(&first).iter().position(|&id| id == "s11").unwrap();
        assert_eq!(first.hits[a].score, first.hits[b].score);
        assert_eq!(b, a + 1);
        assert_eq!(index.search(&query).unwrap(), first);
    }

    #[test]
    fn postal_codes_in_any_spacing_and_case_agree() {
        let index = ranking_index();
        let a = index
            .search(&Query::new().text("food").near_place("M5V 2T6"))
            .unwrap();
        let b = index
            .search(&Query::new().text("food").near_place("m5v2t6"))
            .unwrap();
        assert_eq!(a, b);
        assert_eq!(a.hits[0].id, "s08");
    }

    #[test]
    fn place_names_work_as_near() {
        let index = ranking_index();
        let results = index
            .search(&Query::new().text("food bank").near_place("Toronto"))
            .unwrap();
        assert_eq!(results.hits[0].id, "s08");
    }

    #[test]
    fn radius_filters() {
        let index = ranking_index();
        let results = index
            .search(&Query::new().near_place("M5V 2T6").radius_km(10.0).limit(50))
            .unwrap();
        assert_eq!(ids(&results), ["s08"]);
        assert_eq!(results.total, 1);
    }

    #[test]
    fn accents_fold() {
        let index = ranking_index();
        for text in ["sante", "Santé mentale", "SANTE MENTALE"] {
            let results = index.search(&Query::new().text(text)).unwrap();
            assert_eq!(results.hits[0].id, "s07", "{text}");
        }
    }

    #[test]
    fn services_with_every_word_rank_above_services_with_some() {
        let service = |id: &str, name: &str, description: &str| servicematch::Service {
            id: id.into(),
            name: name.into(),
            description: Some(description.into()),
            ..Default::default()
        };
        let mut builder = IndexBuilder::new("words");
        builder.add_service(service(
            "a",
            "Help Centre",
            "Help with housing. Help with forms.",
        ));
        builder.add_service(service("b", "Community Centre", "Food help and meals."));
        // As in a real directory, "help" is common and "food" is not.
        for i in 0..8 {
            builder.add_service(service(&format!("c{i}"), "Help Desk", "General help desk."));
        }
        let index = Index::from_bytes(builder.build_bytes().unwrap().0).unwrap();
        let results = index
            .search(&Query::new().text("food help").explain(true))
            .unwrap();
        assert_eq!(ids(&results)[..2], ["b", "a"], "{:#?}", results.hits);
        let (b, a) = (&results.hits[0], &results.hits[1]);
        let a_explained = a.explanation.as_ref().unwrap();
        assert_eq!(a_explained.reason, "some of your words");
        assert_eq!(b.explanation.as_ref().unwrap().reason, "matches your words");
        // a's text factor is its BM25 for "help", halved for the missing word.
        let help = index
            .search(&Query::new().text("help").explain(true))
            .unwrap();
        let a_alone = help.hits.iter().find(|h| h.id == "a").unwrap();
        let a_bm25 = a_alone.explanation.as_ref().unwrap().text.unwrap();
        let expected = a_bm25 * servicematch::rank::SOME_WORDS;
        assert!((a_explained.text.unwrap() - expected).abs() < 1e-4);
    }

    #[test]
    fn layperson_words_find_the_services_words() {
        let service = |id: &str, name: &str| servicematch::Service {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        let mut builder = IndexBuilder::new("synonyms");
        builder.add_service(service("w", "Community Withdrawal Management"));
        builder.add_service(service("b", "Banque alimentaire de Sudbury"));
        builder.add_service(service("x", "Dental Clinic"));
        let index = Index::from_bytes(builder.build_bytes().unwrap().0).unwrap();
        let detox = index.search(&Query::new().text("detox")).unwrap();
        assert_eq!(ids(&detox), ["w"]);
        let food = index
            .search(&Query::new().text("food bank").explain(true))
            .unwrap();
        assert_eq!(ids(&food), ["b"]);
        let reason = &food.hits[0].explanation.as_ref().unwrap().reason;
        assert_eq!(
            reason, "matches your words",
            "a synonym counts as the phrase"
        );
    }

    #[test]
    fn callers_words_find_the_directorys_words_and_say_so() {
        let service = |id: &str, name: &str| servicematch::Service {
            id: id.into(),
            name: name.into(),
            ..Default::default()
        };
        let mut builder = IndexBuilder::new("vocabulary");
        builder.add_service(service("s", "Emergency Shelter"));
        builder.add_service(service("p", "Emergency Food Pantry and Housing Help"));
        builder.add_service(service("o", "Somewhere to Sleep Outreach"));
        builder.add_service(service("k", "Kettle Club"));
        builder.add_vocabulary(
            servicematch::Vocabulary::parse("kettle club | tea for seniors").unwrap(),
        );
        let index = Index::from_bytes(builder.build_bytes().unwrap().0).unwrap();
        let sleep = index
            .search(&Query::new().text("somewhere to sleep").explain(true))
            .unwrap();
        // The caller's own words first, then the need in the directory's words.
        assert_eq!(ids(&sleep), ["o", "s"]);
        assert_eq!(
            sleep.hits[1].explanation.as_ref().unwrap().reason,
            "matched 'emergency shelter' for 'somewhere to sleep'"
        );
        // A publisher's need, added at build time.
        let tea = index.search(&Query::new().text("tea for seniors")).unwrap();
        assert_eq!(ids(&tea), ["k"]);
    }

    #[test]
    fn typos_are_tolerated() {
        let index = ranking_index();
        let results = index.search(&Query::new().text("shelterr")).unwrap();
        assert_eq!(results.hits[0].id, "s06");
    }

    #[test]
    fn a_category_includes_its_narrower_terms() {
        let index = ranking_index();
        // The fixture files food programs under 102-01; "Food" (102) is its parent.
        let results = index
            .search(&Query::new().category("Food").limit(50))
            .unwrap();
        assert!(ids(&results).contains(&"s01"));
        assert!(!ids(&results).contains(&"s07"));
        let by_code = index
            .search(&Query::new().category("102").limit(50))
            .unwrap();
        assert_eq!(ids(&results), ids(&by_code));
    }

    #[test]
    fn defunct_services_are_not_referred() {
        let index = ranking_index();
        let results = index
            .search(&Query::new().text("closed food bank").limit(50))
            .unwrap();
        assert!(!ids(&results).contains(&"s09"));
    }

    #[test]
    fn filters_for_free_and_wheelchair() {
        let index = ranking_index();
        let free = index
            .search(&Query::new().free_only(true).limit(50))
            .unwrap();
        assert_eq!(ids(&free), ["s01", "s02", "s03"]);
        let wheelchair = index.search(&Query::new().wheelchair(true)).unwrap();
        assert_eq!(ids(&wheelchair), ["s12"]);
    }

    #[test]
    fn paging_with_limit_and_offset() {
        let index = ranking_index();
        let all = index.search(&Query::new().text("food").limit(50)).unwrap();
        let page = index
            .search(&Query::new().text("food").limit(2).offset(1))
            .unwrap();
        assert_eq!(ids(&page), ids(&all)[1..3]);
        assert_eq!(page.total, all.total);
    }

    #[test]
    fn explanations_say_why() {
        let index = ranking_index();
        let query = Query::new()
            .text("meals")
            .near_place("P3E 2C6")
            .language("fr")
            .client_age(72)
            .explain(true);
        let results = index.search(&query).unwrap();
        let hit = &results.hits[0];
        assert_eq!(hit.id, "s04");
        let explanation = hit.explanation.as_ref().unwrap();
        assert!(
            explanation.reason.contains("speaks French"),
            "{}",
            explanation.reason
        );
        assert!(
            explanation.reason.contains("for seniors 65+"),
            "{}",
            explanation.reason
        );
        assert!(explanation.reason.contains(" km") || explanation.reason.contains(" m"));
        // How to reach it: the first sentence of the application process and what to bring.
        assert_eq!(
            explanation.access.as_deref(),
            Some("Call to register · bring: Health card")
        );
        // A service whose data says neither has no access line.
        let food = index
            .search(&Query::new().text("food").explain(true))
            .unwrap();
        let bank = food.hits.iter().find(|h| h.id == "s01").unwrap();
        assert_eq!(bank.explanation.as_ref().unwrap().access, None);
        let product = explanation.text.unwrap()
            * explanation.distance.unwrap()
            * explanation.language
            * explanation.eligibility;
        assert!((product - hit.score).abs() < 1e-4);
    }
}

// Records: the whole service behind a hit, for a result card.
mod records {
    use super::*;

    #[test]
    fn every_service_is_found_by_its_id_and_no_other() {
        let index = ranking_index();
        for ordinal in 0..index.len() {
            let service = index.service(ordinal).unwrap();
            assert_eq!(index.service_by_id(&service.id).unwrap(), Some(service));
        }
        assert_eq!(index.service_by_id("no-such-id").unwrap(), None);
        assert_eq!(index.service_by_id("").unwrap(), None);
    }

    /// Hits come from a small summary of each service, not from its record:
    /// they must show what the record says.
    #[test]
    fn hits_show_what_their_records_say() {
        let index = ranking_index();
        let mut shown = 0;
        for query in [
            Query::new().limit(100),
            Query::new().near_place("P3E 2C6").limit(100),
            Query::new().text("food").near_place("Toronto").limit(100),
            Query::new().text("meals").language("fr").client_age(72),
        ] {
            let near = query.near.is_some();
            for hit in index.search(&query.explain(true)).unwrap().hits {
                let service = index.service_by_id(&hit.id).unwrap().unwrap();
                assert_eq!(hit.name, service.name);
                assert_eq!(
                    hit.organization.as_ref(),
                    service.organization.as_ref().map(|o| &o.name)
                );
                let languages: Vec<&str> = service
                    .languages
                    .iter()
                    .map(|l| l.code.as_deref().unwrap_or(&l.name))
                    .collect();
                assert_eq!(hit.languages, languages);
                let categories: Vec<&str> =
                    service.categories.iter().map(|c| c.name.as_str()).collect();
                assert_eq!(hit.categories, categories);
                let phones: Vec<&str> = service.phones.iter().map(|p| p.number.as_str()).collect();
                assert_eq!(hit.phones, phones);
                assert_eq!(hit.url, service.url);
                // The nearest location with `near`, else the first.
                let place = |l: &servicematch::Location| {
                    format!("{} {} {:?} {:?}", l.lat, l.lon, l.address, l.postal_code)
                };
                let location = hit
                    .location
                    .as_ref()
                    .map(|l| format!("{} {} {:?} {:?}", l.lat, l.lon, l.address, l.postal_code));
                match location {
                    None => assert!(service.locations.is_empty()),
                    Some(location) if near => {
                        assert!(service.locations.iter().any(|l| place(l) == location))
                    }
                    Some(location) => assert_eq!(location, place(&service.locations[0])),
                }
                shown += 1;
            }
        }
        assert!(shown > 20, "{shown} hits");
    }
}

// One file, every byte source: the same answers from a memory map and from memory.
mod sources {
    use super::*;

    #[test]
    fn mmap_and_bytes_give_identical_results() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ranking.smx");
        std::fs::write(&path, ranking_bytes()).unwrap();
        let mapped = Index::open(&path).unwrap();
        let in_memory = Index::from_bytes(std::fs::read(&path).unwrap()).unwrap();
        mapped.verify().unwrap();
        for query in [
            Query::new()
                .text("food")
                .near_place("P3E 2C6")
                .language("fr"),
            Query::new()
                .near_point(43.6, -79.4)
                .radius_km(500.0)
                .limit(20),
            Query::new().category("Food").client_age(70),
        ] {
            assert_eq!(
                mapped.search(&query).unwrap(),
                in_memory.search(&query).unwrap()
            );
        }
    }

    /// The file under the reader (see `Index::open`): an index read into
    /// memory does not see its file rewritten in place with other bytes and
    /// then truncated (which would raise SIGBUS under a memory map); it
    /// keeps searching with identical results.
    #[test]
    fn an_index_from_bytes_keeps_searching_when_its_file_is_rewritten_and_truncated() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ranking.smx");
        let bytes = ranking_bytes();
        std::fs::write(&path, &bytes).unwrap();
        let index = Index::from_bytes(std::fs::read(&path).unwrap()).unwrap();
        let queries = [
            Query::new()
                .text("food")
                .near_place("P3E 2C6")
                .language("fr")
                .explain(true),
            Query::new()
                .near_point(43.6, -79.4)
                .radius_km(500.0)
                .limit(20),
            Query::new().category("Food").client_age(70).limit(50),
        ];
        let before: Vec<String> = queries
            .iter()
            .map(|q| serde_json::to_string(&index.search(q).unwrap()).unwrap())
            .collect();
        // The same inode, rewritten in place (no rename), then cut short.
        let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        let other: Vec<u8> = bytes.iter().rev().map(|b| b ^ 0xA5).collect();
        file.write_all(&other).unwrap();
        file.sync_all().unwrap();
        file.set_len(100).unwrap();
        drop(file);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 100);
        for _ in 0..3 {
            for (query, before) in queries.iter().zip(&before) {
                let after = serde_json::to_string(&index.search(query).unwrap()).unwrap();
                assert_eq!(&after, before);
            }
        }
        index.verify().unwrap();
        assert!(
            Index::open(&path).is_err(),
            "the file itself is no index now"
        );
    }

    /// The safe way to update a mapped index (what `IndexBuilder::write`
    /// does): a new file renamed over the old one; the open index keeps
    /// reading the old file's pages.
    #[test]
    fn a_mapped_index_keeps_searching_when_a_new_file_is_renamed_over_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ranking.smx");
        std::fs::write(&path, ranking_bytes()).unwrap();
        let mapped = Index::open(&path).unwrap();
        let query = Query::new().text("food").near_place("P3E 2C6");
        let before = mapped.search(&query).unwrap();
        let mut builder = IndexBuilder::new("other");
        builder.add_service(servicematch::Service {
            id: "x".into(),
            name: "Other".into(),
            ..Default::default()
        });
        builder.write(&path).unwrap();
        assert_eq!(Index::open(&path).unwrap().len(), 1);
        assert_eq!(mapped.search(&query).unwrap(), before);
        mapped.verify().unwrap();
    }

    #[test]
    fn one_index_serves_many_threads() {
        let index = std::sync::Arc::new(ranking_index());
        let query = Query::new().text("food").near_place("Sudbury");
        let expected = index.search(&query).unwrap();
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let (index, query) = (index.clone(), query.clone());
                std::thread::spawn(move || {
                    (0..50)
                        .map(|_| index.search(&query).unwrap())
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            assert!(handle.join().unwrap().iter().all(|r| *r == expected));
        }
    }

    #[test]
    fn a_failed_build_leaves_the_earlier_file_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("index.smx");
        std::fs::write(&path, ranking_bytes()).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = IndexBuilder::new("empty").write(&path).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }
}

// Bad input gets a clear error naming the file, field or value; never a panic.
mod bad_input {
    use super::*;

    #[test]
    fn missing_index_file() {
        let err = Index::open("/nonexistent/dir/x.smx").err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert!(err.to_string().contains("/nonexistent/dir/x.smx"), "{err}");
    }

    #[test]
    fn foreign_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        std::fs::write(&path, "hello, this is not an index").unwrap();
        let err = Index::open(&path).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::NotAnIndex);
        assert!(
            err.to_string().starts_with(&path.display().to_string()),
            "{err}"
        );
        assert_eq!(
            Index::from_bytes(Vec::new()).err().unwrap().kind(),
            ErrorKind::NotAnIndex
        );
    }

    #[test]
    fn truncated_file_at_every_length_class() {
        let bytes = ranking_bytes();
        for len in [9, 31, 32, 100, bytes.len() / 2, bytes.len() - 1] {
            let err = Index::from_bytes(bytes[..len].to_vec()).err().unwrap();
            assert_eq!(err.kind(), ErrorKind::CorruptIndex, "length {len}: {err}");
        }
    }

    #[test]
    fn newer_format_version() {
        let mut bytes = ranking_bytes();
        bytes[8..12].copy_from_slice(&99u32.to_le_bytes());
        let err = Index::from_bytes(bytes).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::UnsupportedVersion);
        assert!(err.to_string().contains("99"), "{err}");
    }

    #[test]
    fn older_format_version() {
        let mut bytes = ranking_bytes();
        let older = servicematch::FORMAT_VERSION - 1;
        bytes[8..12].copy_from_slice(&older.to_le_bytes());
        let err = Index::from_bytes(bytes).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::UnsupportedVersion);
        assert!(err.to_string().contains("rebuild the index"), "{err}");
    }

    /// A damaged text section used to open fine and then make tantivy panic
    /// in the middle of a search (SM_PANIC in C, a dead WASM instance).
    #[test]
    fn corrupted_text_section_is_an_error_from_search_not_a_panic() {
        let original = ranking_bytes();
        let text = Index::from_bytes(original.clone())
            .unwrap()
            .info()
            .sections
            .into_iter()
            .find(|s| s.name == "text")
            .unwrap();
        let (start, len) = (text.offset as usize, text.bytes as usize);
        let mut opened = 0;
        for at in (start..start + len).step_by((len / 50).max(1)) {
            let mut bytes = original.clone();
            bytes[at] ^= 0x5A;
            // Open reads tantivy's metadata and footers only; damage there
            // is an error at open (tantivy may panic on it: caught),
            // elsewhere at the first search.
            let index = match Index::from_bytes(bytes) {
                Ok(index) => index,
                Err(err) => {
                    assert_eq!(err.kind(), ErrorKind::CorruptIndex, "flip at {at}: {err}");
                    continue;
                }
            };
            opened += 1;
            for query in [
                Query::new().text("food bank"),
                Query::new().category("Food"),
            ] {
                let err = index.search(&query).unwrap_err();
                assert_eq!(err.kind(), ErrorKind::CorruptIndex, "flip at {at}");
                assert!(err.to_string().contains("section text"), "{err}");
            }
            // Records live in another section and stay readable.
            assert!(index.service(0).is_ok());
        }
        assert!(opened > 0, "no damaged copy opened: the test tests nothing");
    }

    #[test]
    fn corrupted_records_are_an_error_naming_the_record_never_a_panic() {
        let original = ranking_bytes();
        let records = Index::from_bytes(original.clone())
            .unwrap()
            .info()
            .sections
            .into_iter()
            .find(|s| s.name == "records")
            .unwrap();
        let (start, len) = (records.offset as usize, records.bytes as usize);
        let mut errors = 0;
        for at in start..start + len {
            let mut bytes = original.clone();
            bytes[at] ^= 0x5A;
            let Ok(index) = Index::from_bytes(bytes) else {
                continue;
            };
            for ordinal in 0..index.len() {
                if let Err(err) = index.service(ordinal) {
                    errors += 1;
                    assert_eq!(err.kind(), ErrorKind::CorruptIndex, "flip at {at}");
                    assert!(
                        err.to_string()
                            .starts_with(&format!("section records: record {ordinal} ")),
                        "flip at {at}: {err}"
                    );
                }
            }
        }
        assert!(errors > 0, "no flip was noticed: the test tests nothing");
    }

    #[test]
    fn corrupted_hit_summaries_are_an_error_naming_the_record_never_a_panic() {
        let original = ranking_bytes();
        let index = Index::from_bytes(original.clone()).unwrap();
        let hits = index
            .info()
            .sections
            .into_iter()
            .find(|s| s.name == "hits")
            .unwrap();
        let ids: Vec<String> = (0..index.len())
            .map(|ordinal| index.service(ordinal).unwrap().id)
            .collect();
        let every_service = Query::new().limit(servicematch::MAX_LIMIT).explain(true);
        let expected = index.search(&every_service).unwrap().hits.len();
        let (start, len) = (hits.offset as usize, hits.bytes as usize);
        let mut errors = 0;
        for at in start..start + len {
            let mut bytes = original.clone();
            bytes[at] ^= 0x5A;
            let Ok(index) = Index::from_bytes(bytes) else {
                continue;
            };
            let names_a_record = |message: String| {
                let record = message
                    .strip_prefix("section hits: record ")
                    .and_then(|rest| rest.split(' ').next())
                    .and_then(|n| n.parse::<usize>().ok());
                assert!(
                    record.is_some_and(|r| r < ids.len()),
                    "flip at {at}: {message}"
                );
            };
            // Searches build their hits from the summaries…
            match index.search(&every_service) {
                Ok(results) => assert_eq!(results.hits.len(), expected, "flip at {at}"),
                Err(err) => {
                    errors += 1;
                    assert_eq!(err.kind(), ErrorKind::CorruptIndex, "flip at {at}");
                    names_a_record(err.to_string());
                }
            }
            // …and finding a service by id searches their ids.
            for id in &ids {
                if let Err(err) = index.service_by_id(id) {
                    errors += 1;
                    assert_eq!(err.kind(), ErrorKind::CorruptIndex, "flip at {at}");
                    let message = err.to_string();
                    if !message.starts_with("section records: ") {
                        names_a_record(message);
                    }
                }
            }
        }
        assert!(errors > 0, "no flip was noticed: the test tests nothing");
    }

    /// The geo section's R-tree is read in place, straight from the file:
    /// damage to it must give an error or wrong places, never a panic (an
    /// out-of-range service, a walk that does not end).
    #[test]
    fn corrupted_geo_tree_is_an_error_or_wrong_places_never_a_panic() {
        let original = ranking_bytes();
        let index = Index::from_bytes(original.clone()).unwrap();
        let geo = index
            .info()
            .sections
            .into_iter()
            .find(|s| s.name == "geo")
            .unwrap();
        let queries = [
            Query::new()
                .near_place("P3E 2C6")
                .radius_km(25.0)
                .limit(100),
            Query::new().near_place("M5V 2T6").limit(100),
            Query::new().text("food").near_place("Toronto").limit(100),
            Query::new()
                .text("food")
                .near_point(46.49, -80.99)
                .radius_km(500.0),
        ];
        let expected: Vec<Results> = queries.iter().map(|q| index.search(q).unwrap()).collect();
        let (start, len) = (geo.offset as usize, geo.bytes as usize);
        let (mut opened, mut changed) = (0, 0);
        for at in start..start + len {
            for flip in [0x01, 0x5A, 0x80] {
                let mut bytes = original.clone();
                bytes[at] ^= flip;
                let index = match Index::from_bytes(bytes) {
                    Ok(index) => index,
                    Err(err) => {
                        assert_eq!(err.kind(), ErrorKind::CorruptIndex, "flip at {at}: {err}");
                        assert!(err.to_string().contains("section geo"), "{err}");
                        continue;
                    }
                };
                opened += 1;
                assert!(index.verify().is_err(), "flip at {at} not detected");
                for (query, expected) in queries.iter().zip(&expected) {
                    match index.search(query) {
                        Ok(results) => {
                            changed += usize::from(ids(&results) != ids(expected));
                        }
                        Err(err) => {
                            assert_eq!(err.kind(), ErrorKind::CorruptIndex, "flip at {at}: {err}")
                        }
                    }
                }
            }
        }
        assert!(opened > 0, "no damaged copy opened: the test tests nothing");
        assert!(
            changed > 0,
            "no damage changed a result: the queries miss the tree"
        );
    }

    #[test]
    fn corrupted_bytes_fail_verify_or_open_never_panic() {
        let original = ranking_bytes();
        // Past the header and the section table (each entry 40 bytes), every
        // byte is checked: the sections by their checksums, the padding
        // between them by being zeros.
        let sections = Index::from_bytes(original.clone())
            .unwrap()
            .info()
            .sections
            .len();
        let checked_from = 32 + sections * 40;
        // Flip one byte at many places; opening may succeed (it does not read
        // everything) but verify() must catch it, and nothing may panic.
        let step = (original.len() / 97).max(1);
        for at in (0..original.len()).step_by(step) {
            let mut bytes = original.clone();
            bytes[at] ^= 0x5A;
            let Ok(index) = Index::from_bytes(bytes) else {
                continue;
            };
            let verified = index.verify();
            if at >= checked_from {
                assert!(verified.is_err(), "flip at {at} not detected");
            }
        }
    }

    #[test]
    fn unknown_postal_code_or_place() {
        let index = ranking_index();
        let err = index
            .search(&Query::new().near_place("X9X 9X9"))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownPlace);
        assert!(err.to_string().contains("X9X 9X9"), "{err}");
        let err = index
            .search(&Query::new().near_place("Atlantis"))
            .unwrap_err();
        assert!(err.to_string().contains("Atlantis"));
    }

    #[test]
    fn impossible_values_in_queries() {
        let index = ranking_index();
        for (json, needle) in [
            (r#"{"near": "M5V", "radius_km": -3}"#, "radius_km -3"),
            (r#"{"near": "M5V", "radius_km": 0}"#, "radius_km 0"),
            (r#"{"client": {"age": 200}}"#, "client.age 200"),
            (r#"{"client": {"age": -1}}"#, "client.age"),
            (r#"{"limit": -1}"#, "limit"),
            (r#"{"limit": 0}"#, "limit 0"),
            (r#"{"near": {"lat": 95, "lon": 0}}"#, "near.lat 95"),
            (r#"{"languages": ["xx-nonsense"]}"#, "xx-nonsense"),
            (
                r#"{"open_at": "2026-11-29 03:00"}"#,
                "open_at \"2026-11-29 03:00\" is not",
            ),
        ] {
            let err = Query::from_json(json)
                .and_then(|q| index.search(&q))
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidQuery, "{json}");
            assert!(err.to_string().contains(needle), "{json}: {err}");
        }
    }

    /// The limits of LIMITS.md at their edges: the most a query may hold
    /// searches; one more is an error naming the limit.
    #[test]
    fn queries_at_their_limits_search_and_one_more_is_an_error() {
        use servicematch::{MAX_LIST_LEN, MAX_QUERY_JSON_LEN, MAX_TEXT_LEN, MAX_TEXT_WORDS};
        let index = ranking_index();
        let words = vec!["food"; MAX_TEXT_WORDS].join(" ");
        index.search(&Query::new().text(words.clone())).unwrap();
        let err = index
            .search(&Query::new().text(words + " bank"))
            .unwrap_err();
        assert_eq!(err.to_string(), "text has 33 words, at most 32");
        let long = "x".repeat(MAX_TEXT_LEN);
        index.search(&Query::new().text(long.clone())).unwrap();
        let err = index.search(&Query::new().text(long + "x")).unwrap_err();
        assert_eq!(err.to_string(), "text is 1001 bytes long, at most 1000");
        let mut query = Query::new();
        query.languages = vec!["fr".into(); MAX_LIST_LEN];
        index.search(&query).unwrap();
        query.languages.push("en".into());
        assert!(index.search(&query).is_err());
        let padded = format!("{{\"text\": \"food\"{}}}", " ".repeat(MAX_QUERY_JSON_LEN));
        let err = Query::from_json(&padded).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidQuery);
        assert_eq!(
            err.to_string(),
            format!("query: {} bytes of JSON, at most 65536", padded.len())
        );
    }

    /// A record larger than an index holds (`MAX_RECORD_LEN`) is rejected and
    /// reported by the builder, and the rest is built.
    #[test]
    fn a_service_larger_than_a_record_may_be_is_rejected_and_reported() {
        let mut builder = IndexBuilder::new("large");
        builder.add_service(servicematch::Service {
            id: "huge".into(),
            name: "Huge".into(),
            description: Some("x".repeat(servicematch::MAX_RECORD_LEN + 1)),
            ..Default::default()
        });
        builder.add_service(servicematch::Service {
            id: "small".into(),
            name: "Food bank".into(),
            ..Default::default()
        });
        let report = builder.validate();
        assert_eq!(report.rejected(), 1);
        let problem = report.problems.iter().find(|p| p.rejected).unwrap();
        assert!(
            problem
                .reason
                .starts_with("service huge: its record takes 16777")
                && problem
                    .reason
                    .ends_with("bytes, more than the 16777216 an index holds"),
            "{}",
            problem.reason
        );
        let index = Index::from_bytes(builder.build_bytes().unwrap().0).unwrap();
        assert_eq!(index.len(), 1);
    }

    #[test]
    fn empty_or_malformed_hsds() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("empty.json");
        std::fs::write(&empty, "").unwrap();
        let err = hsds::read_path(&empty).unwrap_err();
        assert_eq!(err.kind(), hsds::ErrorKind::InvalidInput);
        assert!(err.to_string().contains("empty.json"), "{err}");
        let malformed = dir.path().join("bad.json");
        std::fs::write(&malformed, "[{\"id\": \"a\",").unwrap();
        let err = hsds::read_path(&malformed).unwrap_err();
        assert!(
            err.to_string().contains("bad.json: not valid JSON"),
            "{err}"
        );
        let none = dir.path().join("none.json");
        std::fs::write(&none, "[]").unwrap();
        let import = hsds::read_path(&none).unwrap();
        let mut builder = IndexBuilder::new("none");
        builder.add_services(import.services);
        assert_eq!(
            builder.build_bytes().err().unwrap().kind(),
            ErrorKind::InvalidInput
        );
    }
}

// Open now and open at, each service in its own time zone.
mod open_hours;

// No wrong door: too few matches bring relaxed ones, marked, and the help line.
mod no_wrong_door {
    use super::*;

    #[test]
    fn a_radius_with_one_match_offers_the_nearest_beyond_it() {
        let index = ranking_index();
        let results = index
            .search(&Query::new().near_place("M5V 2T6").radius_km(10.0).limit(5))
            .unwrap();
        assert_eq!(results.total, 1);
        assert_eq!(results.hits.len(), 5);
        assert_eq!(results.hits[0].id, "s08");
        assert_eq!(results.hits[0].relaxed, None);
        for hit in &results.hits[1..] {
            assert_eq!(hit.relaxed.as_deref(), Some("beyond 10 km"), "{}", hit.id);
            assert!(hit.distance_km.unwrap() > 10.0);
        }
        // Nearest first, as without the radius.
        let beyond: Vec<f64> = results.hits[1..]
            .iter()
            .map(|h| h.distance_km.unwrap())
            .collect();
        assert!(beyond.windows(2).all(|w| w[0] <= w[1]), "{beyond:?}");
        // The next page goes on with the same list.
        let page2 = index
            .search(
                &Query::new()
                    .near_place("M5V 2T6")
                    .radius_km(10.0)
                    .limit(5)
                    .offset(5),
            )
            .unwrap();
        let all = index
            .search(&Query::new().near_place("M5V 2T6").radius_km(10.0).limit(10))
            .unwrap();
        assert_eq!(
            page2.hits.iter().map(|h| &h.id).collect::<Vec<_>>(),
            all.hits[5..].iter().map(|h| &h.id).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_required_language_no_one_speaks_offers_the_others_marked() {
        let index = ranking_index();
        let results = index
            .search(
                &Query::new()
                    .text("food")
                    .language("so")
                    .require_language(true),
            )
            .unwrap();
        assert_eq!(results.total, 0);
        assert!(!results.hits.is_empty());
        assert!(results
            .hits
            .iter()
            .all(|h| h.relaxed.as_deref() == Some("language preferred, not required")));
    }
}

// Serves my area: service areas as polygons, postal prefixes and names.
mod areas;

// Residency by place: programs for the residents of a municipality.
mod residency;

// Callers a 211 hears, on the demo directory: when and where (open now,
// serves my area, remote callers, no wrong door).
mod when_where;

// Skipping what cannot enter the top never changes the answer.
mod pruning;

// The benchmark query mix on the demo directory: the same top 10 and totals
// as the list saved in testdata/mix-top10.json. A change that moves them
// must say why and save the list anew (see `regenerate` below).
mod mix_kept;

// One index, 16 threads, the benchmark mix with every filter: the answers
// of one thread, byte for byte.
mod concurrency;

// The same bad query gets the same message on every surface: the cases in
// testdata/bad-queries.json, which the C and WebAssembly tests read too.
mod same_messages {
    use super::*;

    #[test]
    fn bad_queries_get_the_messages_every_surface_gives() {
        let index = ranking_index();
        let cases: Vec<serde_json::Value> =
            serde_json::from_str(&std::fs::read_to_string(testdata("bad-queries.json")).unwrap())
                .unwrap();
        assert!(cases.len() >= 10);
        for case in &cases {
            let json = match case.get("json") {
                Some(text) => text.as_str().unwrap().to_owned(),
                None => case["query"].to_string(),
            };
            let err = Query::from_json(&json)
                .and_then(|query| index.search(&query))
                .unwrap_err();
            assert_eq!(err.to_string(), case["error"].as_str().unwrap(), "{json}");
            assert!(
                matches!(
                    err.kind(),
                    ErrorKind::InvalidQuery | ErrorKind::UnknownPlace
                ),
                "{json}"
            );
        }
    }
}

// Callers a 211 hears on the demo directory: eligibility, fit, facets.
mod scenarios;
