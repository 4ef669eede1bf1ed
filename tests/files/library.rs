//! The library: a folder of transcripts scanned, indexed on background threads, people
//! matched across files, sorted, filtered and searched.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use stenogram::library::db;
use stenogram::library::{
    Entry, EntryState, Library, LibraryPerson, SortKey, index_all, index_files, no_progress,
    person_stats, scan, search,
};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name)
}

fn put(root: &Path, relative: &str, bytes: &[u8]) -> PathBuf {
    let path = root.join(relative);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn copy_fixture(root: &Path, name: &str, relative: &str) -> PathBuf {
    put(root, relative, &std::fs::read(fixture(name)).unwrap())
}

/// A library folder: three Kremlin-shape fixtures in nested folders, two fictional files
/// naming two people called Anna, a binary file, an empty file, and things to skip.
fn library_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    copy_fixture(root, "kremlin_fr.txt", "fr/2024/kaliningrad.txt");
    copy_fixture(root, "kremlin_en.txt", "en/varengrad.txt");
    copy_fixture(root, "kremlin_ru.txt", "ru/deep/er/still/minsk.txt");
    put(
        root,
        "other/orlova.md",
        "Meeting with Minister of Culture Anna Orlova\n\n\
         Minister of Culture Anna Orlova: The museum opens in May.\n\
         We are ready.\n\nQuestion: And the theatre?\n\nOrlova: In June.\n"
            .as_bytes(),
    );
    put(
        root,
        "other/petrova.txt",
        "Talks with Governor Anna Petrova\n\n\
         Governor Anna Petrova: The bridge is finished.\n\n\
         Question: When does it open?\n\nPetrova: Tomorrow.\n"
            .as_bytes(),
    );
    put(
        root,
        "broken/binary.txt",
        b"\x00\x01\x02\xff\xfe\x00garbage\x00",
    );
    put(root, "broken/empty.txt", b"");
    put(root, ".hidden/secret.txt", b"Hidden: not listed.\n");
    put(root, "other/photo.jpg", b"\xff\xd8\xff");
    #[cfg(unix)]
    std::os::unix::fs::symlink(root, root.join("other").join("loop")).unwrap();
    dir
}

fn relative(root: &Path, paths: &[PathBuf]) -> Vec<String> {
    paths
        .iter()
        .map(|p| {
            p.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

fn entry_at<'a>(library: &'a Library, name: &str) -> (usize, &'a Entry) {
    library
        .entries()
        .iter()
        .enumerate()
        .find(|(_, e)| e.path.ends_with(name))
        .map(|(i, e)| (i, &**e))
        .unwrap_or_else(|| panic!("no entry {name}"))
}

fn indexed(dir: &tempfile::TempDir) -> Library {
    let found = scan(dir.path()).unwrap();
    Library::from_entries(index_all(found.files, 2))
}

fn people_named<'a>(library: &'a Library, alias: &str) -> Vec<&'a LibraryPerson> {
    library
        .people()
        .iter()
        .filter(|p| p.aliases.iter().any(|a| a == alias))
        .collect()
}

#[test]
fn scan_lists_nested_transcripts_sorted_and_skips_hidden_others_and_loops() {
    let dir = library_folder();
    let found = scan(dir.path()).unwrap();
    assert_eq!(
        relative(dir.path(), &found.files),
        vec![
            "broken/binary.txt",
            "broken/empty.txt",
            "en/varengrad.txt",
            "fr/2024/kaliningrad.txt",
            "other/orlova.md",
            "other/petrova.txt",
            "ru/deep/er/still/minsk.txt",
        ]
    );
    assert!(found.problems.is_empty(), "{:?}", found.problems);
}

#[test]
fn every_file_is_listed_with_its_title_and_date_or_its_error() {
    let dir = library_folder();
    let library = indexed(&dir);
    assert_eq!(library.counts(), (5, 2, 0));

    let (_, fr) = entry_at(&library, "kaliningrad.txt");
    assert!(
        fr.title.starts_with("Conseil des chefs de gouvernement"),
        "{}",
        fr.title
    );
    assert_eq!(fr.date.as_deref(), Some("2024-06-04"));
    assert_eq!(fr.place.as_deref(), Some("Kaliningrad"));
    assert_eq!(fr.language, "fr");
    assert_eq!(fr.photos, 12);

    let (_, en) = entry_at(&library, "varengrad.txt");
    assert_eq!(en.date.as_deref(), Some("2024-09-18"));
    assert_eq!(en.language, "en");
    assert_eq!(en.photos, 11);
    assert!(en.speeches >= 6, "{}", en.speeches);

    let (_, ru) = entry_at(&library, "minsk.txt");
    assert_eq!(ru.language, "ru");

    let (_, binary) = entry_at(&library, "binary.txt");
    let message = binary.error().map(ToString::to_string).unwrap_or_default();
    assert!(message.contains("binary.txt"), "{message}");
    assert!(message.contains("binary data"), "{message}");
    assert_eq!(binary.display_title(), "binary.txt");

    let (_, empty) = entry_at(&library, "empty.txt");
    let message = empty.error().map(ToString::to_string).unwrap_or_default();
    assert!(message.ends_with("the file is empty"), "{message}");
}

#[test]
fn one_person_spelled_three_ways_in_three_files_is_one_library_person() {
    let dir = library_folder();
    let library = indexed(&dir);
    let (fr_ix, fr) = entry_at(&library, "kaliningrad.txt");
    let (en_ix, en) = entry_at(&library, "varengrad.txt");
    let (ru_ix, ru) = entry_at(&library, "minsk.txt");

    let velsky = people_named(&library, "Andrei Velsky");
    assert_eq!(velsky.len(), 1, "{velsky:#?}");
    let velsky = velsky[0];
    assert!(velsky.aliases.iter().any(|a| a == "Andreï Velski"));
    // Across scripts too: the Russian page's "Андрей Вельский".
    assert!(velsky.aliases.iter().any(|a| a == "Андрей Вельский"));
    let files: Vec<usize> = velsky.occurrences.iter().map(|o| o.entry).collect();
    let mut expected = vec![fr_ix, en_ix, ru_ix];
    expected.sort_unstable();
    assert_eq!(files, expected);
    assert_eq!(velsky.files(), 3);

    // Totals are the sums of the two files' own counts.
    let own = |e: &Entry| {
        e.people
            .iter()
            .filter(|p| {
                p.name
                    .as_deref()
                    .is_some_and(|n| n.contains("Vels") || n.contains("Вельск"))
            })
            .map(|p| p.speeches)
            .sum::<usize>()
    };
    assert_eq!(velsky.speeches, own(fr) + own(en) + own(ru));
    assert!(velsky.speeches >= 4);

    // The UI asks which library person a participant of a file is.
    let in_en = velsky
        .occurrences
        .iter()
        .find(|o| o.entry == en_ix)
        .unwrap();
    let index = library.person_of(en_ix, in_en.participant).unwrap();
    assert_eq!(library.person(index), Some(velsky));

    // "Pavel Sorokine" (fr) and "Pavel Sorokin" (en): one letter dropped, one person.
    assert_eq!(people_named(&library, "Pavel Sorokin").len(), 1);
    assert_eq!(
        people_named(&library, "Pavel Sorokin"),
        people_named(&library, "Pavel Sorokine")
    );
}

#[test]
fn people_sharing_a_first_name_or_generic_labels_stay_apart() {
    let dir = library_folder();
    let library = indexed(&dir);
    let orlova = people_named(&library, "Anna Orlova");
    let petrova = people_named(&library, "Anna Petrova");
    assert_eq!((orlova.len(), petrova.len()), (1, 1));
    assert_ne!(orlova[0], petrova[0]);
    assert_eq!(orlova[0].speeches, 2);
    assert_eq!(petrova[0].speeches, 2);

    // "Question" turns from several files: one generic entry, never a named person.
    let questions: Vec<&LibraryPerson> = library
        .people()
        .iter()
        .filter(|p| p.display_name() == "Question")
        .collect();
    assert_eq!(questions.len(), 1, "{questions:#?}");
    assert!(questions[0].generic && questions[0].name.is_none());
    assert!(questions[0].files() >= 3);
    assert!(
        library
            .people()
            .iter()
            .filter(|p| !p.generic)
            .all(|p| !p.aliases.iter().any(|a| a == "Question"))
    );
}

#[test]
fn no_library_person_joins_two_people_of_one_file() {
    let dir = library_folder();
    let library = indexed(&dir);
    for person in library.people() {
        for pair in person.occurrences.windows(2) {
            assert_ne!(pair[0].entry, pair[1].entry, "{person:#?}");
        }
    }
}

#[test]
fn the_list_sorts_and_filters() {
    let dir = library_folder();
    let library = indexed(&dir);
    let titles = |view: Vec<usize>| -> Vec<String> {
        view.into_iter()
            .map(|i| {
                library.entries()[i]
                    .path
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect()
    };
    // Dated files first, oldest first; ties and undated files by path.
    let by_date = titles(library.view(SortKey::Date, false, ""));
    assert_eq!(
        by_date,
        vec![
            "kaliningrad.txt",
            "varengrad.txt",
            "minsk.txt",
            "binary.txt",
            "empty.txt",
            "orlova.md",
            "petrova.txt"
        ]
    );
    let newest_first = titles(library.view(SortKey::Date, true, ""));
    assert_eq!(
        newest_first[..4],
        [
            "minsk.txt",
            "varengrad.txt",
            "kaliningrad.txt",
            "binary.txt"
        ]
    );

    // Place without case or accents; path words; every word must match.
    assert_eq!(
        titles(library.view(SortKey::Title, false, "KALININGRAD")),
        vec!["kaliningrad.txt"]
    );
    assert_eq!(
        titles(library.view(SortKey::Title, false, "broken")),
        vec!["binary.txt", "empty.txt"]
    );
    assert_eq!(
        titles(library.view(SortKey::Title, false, "conférence")).len(),
        0
    );
    assert_eq!(
        titles(library.view(SortKey::Title, false, "conseil kaliningrad")),
        vec!["kaliningrad.txt"]
    );
    assert_eq!(library.view(SortKey::Path, false, "").len(), 7);
}

#[test]
fn search_finds_titles_and_people_and_the_full_text() {
    let dir = library_folder();
    let library = indexed(&dir);
    let results = search(&library, "velski");
    let names: Vec<&str> = results
        .people
        .iter()
        .map(|&i| library.people()[i].display_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].contains("Vels"));
    let results = search(&library, "governor");
    assert_eq!(results.entries.len(), 1);
    assert!(search(&library, "  ").entries.is_empty());

    // The full text, through the library's database.
    let data = tempfile::tempdir().unwrap();
    let (db, _) = indexed_db(&dir, data.path());
    let options = db::SearchOptions {
        hits_per_file: 3,
        ..db::SearchOptions::default()
    };
    let hits = db
        .search(&db::Query::parse("bridge").unwrap(), &options)
        .unwrap();
    let files: Vec<PathBuf> = hits.files.iter().map(|f| f.path.clone()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(files.iter().any(|p| p.ends_with("varengrad.txt")));
    assert!(files.iter().any(|p| p.ends_with("petrova.txt")));
    let en = hits
        .files
        .iter()
        .find(|f| f.path.ends_with("varengrad.txt"))
        .unwrap();
    assert!(
        en.total > 3 && en.hits.len() == 3,
        "{} {}",
        en.total,
        en.hits.len()
    );
}

/// The folder synced into a database under `data`, opened for reading.
fn indexed_db(dir: &tempfile::TempDir, data: &Path) -> (db::LibraryDb, db::SyncSummary) {
    let summary =
        db::sync_library(dir.path(), data, &db::SyncOptions::default(), &mut |_| {}).unwrap();
    (db::LibraryDb::open(data, dir.path()).unwrap(), summary)
}

#[test]
fn a_person_s_speeches_are_gathered_from_every_file_they_speak_in() {
    let dir = library_folder();
    let library = indexed(&dir);
    let (fr_ix, _) = entry_at(&library, "kaliningrad.txt");
    let (en_ix, _) = entry_at(&library, "varengrad.txt");
    let (ru_ix, _) = entry_at(&library, "minsk.txt");
    let velsky = library
        .people()
        .iter()
        .position(|p| p.aliases.iter().any(|a| a == "Andrei Velsky"))
        .unwrap();
    let person = &library.people()[velsky];

    let stats = person_stats(&library, velsky).unwrap();
    assert_eq!(stats.files, 3);
    assert_eq!(stats.speeches, person.speeches);
    assert_eq!(stats.first_date.as_deref(), Some("2024-06-04"));
    assert_eq!(stats.last_date.as_deref(), Some("2025-02-12"));

    let data = tempfile::tempdir().unwrap();
    let (db, _) = indexed_db(&dir, data.path());
    let occurrences: Vec<_> = person
        .occurrences
        .iter()
        .map(|o| (library.entries()[o.entry].path.clone(), 0, o.participant))
        .collect();
    let across = db.person(&occurrences, 100).unwrap();
    let mut paths: Vec<PathBuf> = across.files.iter().map(|f| f.path.clone()).collect();
    paths.sort();
    let mut expected = vec![
        library.entries()[fr_ix].path.clone(),
        library.entries()[en_ix].path.clone(),
        library.entries()[ru_ix].path.clone(),
    ];
    expected.sort();
    assert_eq!(paths, expected);
    let listed: usize = across.files.iter().map(|f| f.speeches.len()).sum();
    assert_eq!(listed, person.speeches);
    assert_eq!(across.speeches, person.speeches);
    for file in &across.files {
        // Each listed speech is theirs in the file as read again, with its words counted.
        let t = stenogram::load_file(&file.path).unwrap();
        assert_eq!(file.total, file.speeches.len());
        for brief in &file.speeches {
            let speech = t.speech(brief.speech).unwrap();
            assert_eq!(speech.speaker, file.participant);
            let words: usize = speech
                .paragraphs
                .iter()
                .map(|p| stenogram::stats::count_words(p))
                .sum();
            assert_eq!(brief.words, words);
            assert!(!brief.first_words.is_empty());
            let start: String = speech.paragraphs[0].chars().take(10).collect();
            assert!(brief.first_words.starts_with(start.trim()), "{brief:?}");
        }
    }
    // The English press conference: Velsky answers a question about the bridge.
    let en = across
        .files
        .iter()
        .find(|f| f.path.ends_with("varengrad.txt"))
        .unwrap();
    assert!(en.questions_answered >= 1, "{en:?}");
    assert!(
        en.speeches
            .iter()
            .any(|s| s.first_words.contains("both parliaments ratify")),
        "{:?}",
        en.speeches
    );

    // The cap lists fewer, but every speech is still counted.
    let capped = db.person(&occurrences, 1).unwrap();
    assert!(capped.files.iter().all(|f| f.speeches.len() == 1));
    let total: usize = capped.files.iter().map(|f| f.total).sum();
    assert_eq!(total, person.speeches);
}

/// Indexing many generated files (the `synth` feature): progress, delivery, cancelling.
#[cfg(feature = "synth")]
mod at_scale {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::{Duration, Instant};

    use super::*;

    /// A folder of `n` synthetic transcripts.
    fn synthetic(n: u64) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..n {
            let file = stenogram::synth::library_file(i);
            put(dir.path(), &file.path, file.text.as_bytes());
        }
        dir
    }

    #[test]
    fn indexing_reports_progress_and_delivers_entries_as_they_come() {
        let dir = synthetic(24);
        let paths = scan(dir.path()).unwrap().files;
        assert_eq!(paths.len(), 24);
        let calls = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&calls);
        let mut jobs = index_files(
            paths.clone(),
            2,
            Arc::new(move || {
                counter.fetch_add(1, Ordering::Relaxed);
            }),
        );
        let mut library = Library::pending(paths);
        let mut received = 0;
        let deadline = Instant::now() + Duration::from_secs(120);
        loop {
            let finished = jobs.is_finished();
            for (i, entry) in jobs.take_ready() {
                assert!(library.set(i, entry));
                received += 1;
            }
            let progress = jobs.progress();
            assert!(progress.done <= progress.total);
            if finished {
                break;
            }
            assert!(Instant::now() < deadline, "indexing hangs");
            std::thread::sleep(Duration::from_millis(5));
        }
        let progress = jobs.progress();
        assert_eq!(
            (progress.done, progress.total, progress.finished),
            (24, 24, true)
        );
        assert_eq!(received, 24);
        assert!(calls.load(Ordering::Relaxed) >= 24);
        assert_eq!(library.counts(), (24, 0, 0));
        assert!(library.people_stale());
        // People are matched on a background thread, then installed.
        let matched = library.match_people(no_progress()).wait();
        let people = matched.into_iter().next().map(|(_, p)| p).unwrap();
        assert!(library.install_people(people));
        assert!(!library.people_stale());

        // Files that spell "Varlamov" as "Varlamow" join the same people.
        assert!(library.people().iter().all(|p| {
            !p.aliases.iter().any(|a| a.ends_with("Varlamow"))
                || p.aliases.iter().any(|a| a.ends_with("Varlamov"))
        }));
        // The same fictional people recur across files.
        assert!(library.people().iter().any(|p| p.files() >= 3));
    }

    #[test]
    fn cancelling_stops_indexing_early() {
        let dir = synthetic(60);
        let paths = scan(dir.path()).unwrap().files;
        let jobs = index_files(paths, 1, no_progress());
        let deadline = Instant::now() + Duration::from_secs(60);
        while jobs.progress().done == 0 {
            assert!(Instant::now() < deadline, "indexing never started");
            std::thread::sleep(Duration::from_millis(1));
        }
        jobs.cancel();
        assert!(jobs.is_cancelled());
        let done_at_cancel = jobs.progress().done;
        let results = jobs.wait();
        assert!(
            results.len() <= done_at_cancel + 1,
            "{} {done_at_cancel}",
            results.len()
        );
        assert!(results.len() < 60);
    }
}

#[test]
fn an_empty_folder_is_an_empty_library() {
    let dir = tempfile::tempdir().unwrap();
    let found = scan(dir.path()).unwrap();
    assert!(found.files.is_empty());
    let jobs = index_files(found.files, 4, no_progress());
    assert!(jobs.wait().is_empty());
}

#[test]
fn a_missing_file_is_an_entry_with_its_error() {
    let entries = index_all(vec![PathBuf::from("no-such-dir/gone.txt")], 1);
    assert_eq!(entries.len(), 1);
    assert!(matches!(entries[0].state, EntryState::Failed(_)));
    assert_eq!(
        entries[0].error().map(ToString::to_string).as_deref(),
        Some("no-such-dir/gone.txt: cannot be read: no such file")
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A view is exactly the entries the filter keeps, in key order.
    #[test]
    fn views_are_sorted_filtered_permutations(
        rows in prop::collection::vec(
            ("[a-cA-CéÉ ]{0,6}", prop::option::of("20[0-2][0-9]-0[1-9]-1[0-9]"), prop::option::of("[a-cé]{1,4}")),
            0..30,
        ),
        filter in "[a-cé]{0,2}",
        descending in any::<bool>(),
    ) {
        let entries: Vec<Entry> = rows
            .iter()
            .enumerate()
            .map(|(i, (title, date, place))| {
                let t = stenogram::Transcript {
                    title: title.clone(),
                    date: date.clone(),
                    place: place.clone(),
                    language: "en".to_owned(),
                    ..stenogram::Transcript::default()
                };
                Entry::from_transcript(PathBuf::from(format!("f{i:03}.txt")), 0, &t)
            })
            .collect();
        let library = Library::from_entries(entries);
        let fold = stenogram::text::fold;
        let needle = fold(filter.trim());
        for key in SortKey::ALL {
            let view = library.view(key, descending, &filter);
            let kept: Vec<usize> = (0..rows.len())
                .filter(|&i| {
                    let e = &library.entries()[i];
                    needle.is_empty()
                        || fold(&e.display_title()).contains(&needle)
                        || fold(e.place.as_deref().unwrap_or("")).contains(&needle)
                        || fold(&e.path.to_string_lossy()).contains(&needle)
                })
                .collect();
            let mut sorted = view.clone();
            sorted.sort_unstable();
            prop_assert_eq!(&sorted, &kept);
            if key == SortKey::Date {
                // Dated entries come first and in order.
                let dates: Vec<Option<&str>> =
                    view.iter().map(|&i| library.entries()[i].date.as_deref()).collect();
                let first_none = dates.iter().position(Option::is_none).unwrap_or(dates.len());
                prop_assert!(dates[first_none..].iter().all(Option::is_none));
                for pair in dates[..first_none].windows(2) {
                    let ordered = if descending { pair[0] >= pair[1] } else { pair[0] <= pair[1] };
                    prop_assert!(ordered, "{:?}", dates);
                }
            }
        }
    }
}
