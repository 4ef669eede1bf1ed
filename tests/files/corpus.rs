//! A TEI corpus as a library: a corpus file that holds its sittings, and a corpus root that
//! includes them from files of its own (one of them missing). Each sitting is an entry of
//! its own, in the index, in searches and on the command line; a corpus is never joined
//! into one document nor cut down to its first sitting.

use std::path::{Path, PathBuf};

use stenogram::library::Entry;
use stenogram::library::db::{LibraryDb, Query, SearchOptions, SyncOptions, sync_library};

use crate::run_cli::{arg, run, text};

fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The corpus that holds two sittings.
fn inline_corpus() -> PathBuf {
    fixture("formats/two_sittings_corpus.xml")
}

/// The corpus root that includes three day files, the last of them missing.
fn included_corpus() -> PathBuf {
    fixture("corpus/ParlaMint-VT.xml")
}

/// Syncs the library at `folder` into `data` and gives back its entries.
fn sync(folder: &Path, data: &Path) -> (stenogram::library::db::SyncSummary, Vec<Entry>) {
    let mut finished = Vec::new();
    let summary = sync_library(folder, data, &SyncOptions::default(), &mut |event| {
        if let stenogram::library::db::SyncEvent::Finished(entries) = event {
            finished = entries;
        }
    })
    .unwrap_or_else(|e| panic!("sync failed: {e}"));
    (summary, finished)
}

fn titles(entries: &[Entry]) -> Vec<(String, usize)> {
    entries
        .iter()
        .map(|e| (e.display_title(), e.part))
        .collect()
}

#[test]
fn a_corpus_file_with_its_sittings_inside_is_a_library_of_them() {
    let data = tempfile::tempdir().unwrap();
    let (summary, entries) = sync(&inline_corpus(), data.path());
    assert_eq!(
        titles(&entries),
        [
            ("Sitting of 11 March 2031".to_owned(), 1),
            ("Sitting of 12 March 2031".to_owned(), 2),
        ]
    );
    assert!(entries.iter().all(|e| e.path == inline_corpus()));
    assert_eq!(entries[1].date.as_deref(), Some("2031-03-12"));
    assert_eq!((summary.files, summary.failed), (1, 0));
    // Ilse Varga chairs both sittings: one person across the library.
    let db = LibraryDb::open(data.path(), &inline_corpus()).unwrap();
    let varga = db.find_people("Varga").unwrap();
    assert_eq!(varga.len(), 1);
    assert_eq!((varga[0].files, varga[0].speeches), (2, 2));
    // A hit names its sitting.
    let query = Query::parse("vote").unwrap();
    let hits = db.search(&query, &SearchOptions::default()).unwrap();
    let found: Vec<(usize, &str)> = hits
        .files
        .iter()
        .map(|f| (f.part, f.title.as_str()))
        .collect();
    assert_eq!(found, [(2, "Sitting of 12 March 2031")]);
}

#[test]
fn a_corpus_root_of_includes_is_a_library_of_its_day_files() {
    let data = tempfile::tempdir().unwrap();
    let (summary, entries) = sync(&included_corpus(), data.path());
    let days = fixture("corpus/days");
    let paths: Vec<PathBuf> = entries.iter().map(|e| e.path.clone()).collect();
    assert_eq!(
        paths,
        [
            days.join("ParlaMint-VT_2031-04-07.xml"),
            days.join("ParlaMint-VT_2031-04-08.xml"),
            days.join("ParlaMint-VT_2031-04-09.xml"),
        ]
    );
    assert!(entries.iter().all(|e| e.part == 0));
    assert_eq!(
        entries[0].display_title(),
        "Veltmark Assembly, sitting of 7 April 2031"
    );
    // The missing day is a failed entry that names its file, never a panic or a gap.
    let error = entries[2]
        .error()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        error.contains("ParlaMint-VT_2031-04-09.xml") && error.contains("no such file"),
        "{error}"
    );
    assert_eq!((summary.files, summary.failed), (3, 1));
    // Read back at once, the same entries.
    let (_, again) = sync(&included_corpus(), data.path());
    assert_eq!(titles(&again), titles(&entries));
}

#[test]
fn a_folder_indexes_each_inline_sitting_and_no_entry_for_a_root_of_includes() {
    let folder = tempfile::tempdir().unwrap();
    let put = |from: &Path, to: &str| {
        let target = folder.path().join(to);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(from, target).unwrap();
    };
    put(&inline_corpus(), "march.xml");
    put(&included_corpus(), "april/ParlaMint-VT.xml");
    for day in ["ParlaMint-VT_2031-04-07.xml", "ParlaMint-VT_2031-04-08.xml"] {
        put(
            &fixture("corpus/days").join(day),
            &format!("april/days/{day}"),
        );
    }
    let data = tempfile::tempdir().unwrap();
    let (_, entries) = sync(folder.path(), data.path());
    let listed: Vec<(String, usize)> = entries
        .iter()
        .map(|e| {
            let rel = e.path.strip_prefix(folder.path()).unwrap_or(&e.path);
            (rel.to_string_lossy().replace('\\', "/"), e.part)
        })
        .collect();
    assert_eq!(
        listed,
        [
            ("april/days/ParlaMint-VT_2031-04-07.xml".to_owned(), 0),
            ("april/days/ParlaMint-VT_2031-04-08.xml".to_owned(), 0),
            ("march.xml".to_owned(), 1),
            ("march.xml".to_owned(), 2),
        ]
    );
    assert!(entries.iter().all(Entry::is_ready));
    // Synced again, nothing is new: the root of includes is not taken for a new file.
    let (summary, again) = sync(folder.path(), data.path());
    assert_eq!((summary.new, summary.changed, summary.deleted), (0, 0, 0));
    assert_eq!(again.len(), 4);
}

#[test]
fn a_corpus_that_changes_is_indexed_again_sitting_by_sitting() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus.xml");
    let text = std::fs::read_to_string(inline_corpus()).unwrap();
    std::fs::write(&corpus, &text).unwrap();
    let data = tempfile::tempdir().unwrap();
    let (_, first) = sync(&corpus, data.path());
    assert_eq!(first.len(), 2);
    // The second sitting goes, the first gets a new title.
    let second = text.find("  <TEI xml:lang=\"en\">\n    <teiHeader><fileDesc><titleStmt><title type=\"main\">Sitting of 12");
    let cut = second.expect("the fixture's second sitting");
    let shorter = format!("{}</teiCorpus>\n", &text[..cut]).replace(
        "Sitting of 11 March 2031",
        "Sitting of 11 March 2031, revised",
    );
    std::fs::write(&corpus, shorter).unwrap();
    let (summary, after) = sync(&corpus, data.path());
    assert_eq!(summary.changed, 1);
    assert_eq!(
        titles(&after),
        [("Sitting of 11 March 2031, revised".to_owned(), 1)]
    );
    let db = LibraryDb::open(data.path(), &corpus).unwrap();
    let hits = db
        .search(&Query::parse("vote").unwrap(), &SearchOptions::default())
        .unwrap();
    assert!(hits.files.is_empty(), "the dropped sitting is not searched");
}

#[test]
fn a_sitting_opens_by_its_number_and_an_absent_one_says_how_many_there_are() {
    let first = stenogram::load::open_sitting(&inline_corpus(), 1).unwrap();
    assert_eq!(first.transcript.title, "Sitting of 11 March 2031");
    let day = stenogram::load::open_sitting(&included_corpus(), 2).unwrap();
    assert_eq!(
        day.transcript.title,
        "Veltmark Assembly, sitting of 8 April 2031"
    );
    let error = stenogram::load::open_sitting(&inline_corpus(), 3)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        error.ends_with("there is no sitting 3: this corpus has 2 sittings"),
        "{error}"
    );
    assert!(stenogram::load::is_corpus_file(&included_corpus()));
    assert!(!stenogram::load::is_corpus_file(&fixture(
        "formats/harbour_sitting_parlamint.xml"
    )));
}

#[test]
fn export_of_a_corpus_asks_for_a_sitting_and_exports_the_one_chosen() {
    let data = tempfile::tempdir().unwrap();
    let corpus = inline_corpus();
    let out = run(data.path(), &["export", "--format", "text", arg(&corpus)]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(out.stdout.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("two_sittings_corpus.xml: a TEI corpus of 2 sittings; export one with --sitting N (1 to 2)"),
        "{err}"
    );
    let out = run(
        data.path(),
        &["export", "--format", "text", "--sitting", "2", arg(&corpus)],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let exported = text(&out.stdout);
    assert!(
        exported.contains("We vote on the harbour bill."),
        "{exported}"
    );
    assert!(!exported.contains("I move the harbour bill."), "{exported}");
    let out = run(
        data.path(),
        &["export", "--sitting", "5", arg(&included_corpus())],
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("there is no sitting 5: this corpus has 3 sittings"),
        "{err}"
    );
}

#[test]
fn index_and_search_take_a_corpus_file_as_a_library() {
    let data = tempfile::tempdir().unwrap();
    let corpus = inline_corpus();
    let out = run(data.path(), &["index", arg(&corpus)]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("1 files: 1 new, 0 changed, 0 deleted, 0 failed"),
        "{}",
        text(&out.stdout)
    );
    let out = run(data.path(), &["search", arg(&corpus), "harbour"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let hits = text(&out.stdout);
    assert!(hits.contains("Sitting of 11 March 2031"), "{hits}");
    assert!(
        hits.contains("two_sittings_corpus.xml, sitting 2"),
        "{hits}"
    );
    assert!(hits.ends_with("2 hits in 2 files\n"), "{hits}");
    let out = run(
        data.path(),
        &["search", "--format", "json", arg(&corpus), "vote"],
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["sitting"], 2, "{json}");
}

#[test]
fn a_sitting_is_corrected_on_its_own_and_the_corpus_library_follows() {
    let data = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("assembly.xml");
    std::fs::copy(inline_corpus(), &corpus).unwrap();
    // Which sitting is a choice the user makes, as for export.
    let out = run(data.path(), &["correct", arg(&corpus), "list"]);
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        err.contains("a TEI corpus of 2 sittings; correct one with --sitting N (1 to 2)"),
        "{err}"
    );
    assert!(run(data.path(), &["index", arg(&corpus)]).status.success());
    let out = run(
        data.path(),
        &[
            "correct",
            arg(&corpus),
            "--sitting",
            "1",
            "rename",
            "Tomas Brandt",
            "--name",
            "Tomas Brandt-Olsen",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let exported = |n: &str| {
        let out = run(
            data.path(),
            &["export", "--format", "text", "--sitting", n, arg(&corpus)],
        );
        text(&out.stdout)
    };
    assert!(
        exported("1").contains("Tomas Brandt-Olsen"),
        "{}",
        exported("1")
    );
    let raw = run(
        data.path(),
        &[
            "export",
            "--raw",
            "--format",
            "text",
            "--sitting",
            "1",
            arg(&corpus),
        ],
    );
    assert!(!text(&raw.stdout).contains("Brandt-Olsen"));
    // The index reads the corrected sitting again, and only it.
    let again = run(data.path(), &["index", arg(&corpus)]);
    assert!(
        text(&again.stdout).contains("1 corrected"),
        "{}",
        text(&again.stdout)
    );
    let library = LibraryDb::open(data.path(), &corpus).unwrap();
    let found = library.find_people("brandt-olsen").unwrap();
    assert_eq!(found.iter().map(|p| p.speeches).sum::<usize>(), 1);
}
