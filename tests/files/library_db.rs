//! The library's SQLite index as a user meets it: a folder indexed once, re-opened at
//! once, following edits, deletions and additions; surviving a killed run, a damaged or
//! foreign database file, and two processes at once; searched with words, phrases,
//! prefixes and filters.

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use stenogram::library::db::{
    self, LibraryDb, Query, SearchOptions, SyncEvent, SyncOptions, SyncSummary, database_path,
    sync_library,
};
use stenogram::library::{Entry, EntryState};

const BIN: &str = env!("CARGO_BIN_EXE_stenogram");

/// A Stenogram JSON transcript: one speech per (speaker, text).
fn doc(title: &str, date: &str, language: &str, speeches: &[(&str, &str)]) -> String {
    let mut names: Vec<&str> = Vec::new();
    for (who, _) in speeches {
        if !names.contains(who) {
            names.push(who);
        }
    }
    let participants: Vec<serde_json::Value> = names
        .iter()
        .enumerate()
        .map(|(i, n)| serde_json::json!({ "id": i, "name": n, "role": null, "aliases": [] }))
        .collect();
    let speeches: Vec<serde_json::Value> = speeches
        .iter()
        .enumerate()
        .map(|(i, (who, text))| {
            let speaker = names.iter().position(|n| n == who).unwrap_or(0);
            serde_json::json!({ "id": i, "speaker": speaker, "label": who, "paragraphs": [text] })
        })
        .collect();
    serde_json::json!({
        "title": title, "date": date, "language": language,
        "participants": participants, "speeches": speeches, "photos": [],
    })
    .to_string()
}

/// A small library: three files in two languages and three years.
fn folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let put = |name: &str, text: String| std::fs::write(dir.path().join(name), text).unwrap();
    put(
        "a.json",
        doc(
            "Talks in Tallinn",
            "2022-05-04",
            "en",
            &[
                (
                    "Andrei Velsky",
                    "The Baltic Council met in Tallinn about the harbour.",
                ),
                (
                    "Anna Orlova",
                    "Minister Choïgou sent his regards to the council.",
                ),
            ],
        ),
    );
    put(
        "b.json",
        doc(
            "Summit in Riga",
            "2023-09-01",
            "en",
            &[
                ("Anna Orlova", "The harbour works start in May."),
                (
                    "Andrei Velsky",
                    "Velski or Velsky, the name is spelled two ways.",
                ),
            ],
        ),
    );
    put(
        "c.json",
        doc(
            "Réunion à Paris",
            "2024-02-10",
            "fr",
            &[(
                "Anna Orlova",
                "Le port de Tallinn et la Straße du Nord : « council » dit-on.",
            )],
        ),
    );
    dir
}

fn sync(folder: &Path, data: &Path) -> (SyncSummary, Vec<SyncEvent>) {
    let mut events = Vec::new();
    let summary = sync_library(folder, data, &SyncOptions::default(), &mut |e| {
        events.push(e)
    })
    .unwrap_or_else(|e| panic!("sync: {e}"));
    (summary, events)
}

fn opened_entries(events: &[SyncEvent]) -> Vec<Entry> {
    events
        .iter()
        .find_map(|e| match e {
            SyncEvent::Opened { entries, .. } => Some(entries.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn finished_entries(events: &[SyncEvent]) -> Vec<Entry> {
    events
        .iter()
        .find_map(|e| match e {
            SyncEvent::Finished(entries) => Some(entries.clone()),
            _ => None,
        })
        .unwrap_or_default()
}

fn search(folder: &Path, data: &Path, q: &str) -> db::HitList {
    let library = LibraryDb::open(data, folder).unwrap_or_else(|e| panic!("open: {e}"));
    let query = Query::parse(q).unwrap_or_else(|e| panic!("query: {e}"));
    library
        .search(&query, &SearchOptions::default())
        .unwrap_or_else(|e| panic!("search: {e}"))
}

fn titles(hits: &db::HitList) -> Vec<String> {
    let mut t: Vec<String> = hits.files.iter().map(|f| f.title.clone()).collect();
    t.sort();
    t
}

fn count(db_file: &Path, sql: &str) -> i64 {
    let conn = rusqlite::Connection::open(db_file).unwrap();
    conn.query_row(sql, [], |r| r.get(0)).unwrap()
}

#[test]
fn the_index_follows_edits_deletions_and_additions_and_reopens_without_parsing() {
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    let (first, events) = sync(lib.path(), data.path());
    assert_eq!((first.files, first.new, first.failed), (3, 3, 0));
    assert!(opened_entries(&events).is_empty());
    let indexed = finished_entries(&events);
    assert_eq!(indexed.len(), 3);

    // Re-open with no change: the entries come back at once, nothing is parsed.
    let (again, events) = sync(lib.path(), data.path());
    assert_eq!((again.new, again.changed, again.deleted), (0, 0, 0));
    assert_eq!(opened_entries(&events), indexed);
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, SyncEvent::Indexing { .. }))
    );

    // Change one, delete one, add one.
    std::fs::write(
        lib.path().join("a.json"),
        doc(
            "Talks in Tallinn",
            "2022-05-04",
            "en",
            &[("Andrei Velsky", "Only lighthouses now.")],
        ),
    )
    .unwrap();
    std::fs::remove_file(lib.path().join("b.json")).unwrap();
    std::fs::create_dir(lib.path().join("new")).unwrap();
    std::fs::write(
        lib.path().join("new/d.json"),
        doc(
            "Forum in Oslo",
            "2024-06-01",
            "en",
            &[("Anna Orlova", "Harbour again.")],
        ),
    )
    .unwrap();
    let (after, events) = sync(lib.path(), data.path());
    assert_eq!(
        (after.files, after.new, after.changed, after.deleted),
        (3, 1, 1, 1)
    );
    let paths: Vec<PathBuf> = finished_entries(&events)
        .into_iter()
        .map(|e| e.path)
        .collect();
    assert_eq!(
        paths,
        vec![
            lib.path().join("a.json"),
            lib.path().join("c.json"),
            lib.path().join("new").join("d.json"),
        ]
    );
    assert_eq!(
        titles(&search(lib.path(), data.path(), "lighthouses")),
        ["Talks in Tallinn"]
    );
    assert_eq!(
        titles(&search(lib.path(), data.path(), "harbour")),
        ["Forum in Oslo"]
    );
    assert!(search(lib.path(), data.path(), "spelled").files.is_empty());
    let db_file = database_path(data.path(), lib.path());
    assert_eq!(count(&db_file, "SELECT count(*) FROM files"), 3);
    assert_eq!(
        count(&db_file, "SELECT count(*) FROM passages"),
        count(&db_file, "SELECT count(*) FROM passages_fts")
    );
}

#[test]
fn a_touched_file_is_hashed_not_parsed_again() {
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    sync(lib.path(), data.path());
    let file = std::fs::File::options()
        .write(true)
        .open(lib.path().join("c.json"))
        .unwrap();
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(60);
    file.set_modified(later).unwrap();
    drop(file);
    let (summary, _) = sync(lib.path(), data.path());
    assert_eq!((summary.changed, summary.touched), (0, 1));
    let (summary, _) = sync(lib.path(), data.path());
    assert_eq!(summary.touched, 0, "the new time was stored");
}

#[test]
fn search_needs_every_word_and_knows_phrases_prefixes_filters_and_folding() {
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    sync(lib.path(), data.path());
    let t = |q: &str| titles(&search(lib.path(), data.path(), q));
    assert_eq!(t("choigou"), ["Talks in Tallinn"]);
    assert_eq!(t("CHOÏGOU regards"), ["Talks in Tallinn"]);
    assert!(t("choigou lighthouse").is_empty(), "every word must match");
    assert_eq!(t("strasse"), ["Réunion à Paris"]);
    assert_eq!(t("\"baltic council\""), ["Talks in Tallinn"]);
    assert!(t("\"council baltic\"").is_empty());
    assert_eq!(t("velsk*"), ["Summit in Riga"]);
    assert_eq!(t("harbour"), ["Summit in Riga", "Talks in Tallinn"]);
    assert_eq!(t("harbour speaker:orlova"), ["Summit in Riga"]);
    assert_eq!(t("harbour speaker:VELSKY"), ["Talks in Tallinn"]);
    assert_eq!(t("tallinn from:2023"), ["Réunion à Paris"]);
    assert_eq!(t("harbour to:2022"), ["Talks in Tallinn"]);
    assert_eq!(t("council lang:fr"), ["Réunion à Paris"]);

    let hits = search(lib.path(), data.path(), "choigou");
    let (file, hit) = hits.hits().next().unwrap();
    assert_eq!(hits.total, 1);
    assert_eq!(file.date.as_deref(), Some("2022-05-04"));
    assert_eq!(hit.speaker.as_deref(), Some("Anna Orlova"));
    assert_eq!(
        hit.snippet.marked("[", "]"),
        "Minister [Choïgou] sent his regards to the council."
    );
    assert_eq!(
        hit.place,
        stenogram::search::Place::Speech {
            speech: stenogram::model::SpeechId(1),
            paragraph: 0
        }
    );
}

#[test]
fn too_many_matches_to_rank_are_all_counted_and_listed_by_their_number() {
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    sync(lib.path(), data.path());
    let library = LibraryDb::open(data.path(), lib.path()).unwrap();
    let run = |q: &str, rank_limit: usize| {
        let options = SearchOptions {
            rank_limit,
            ..SearchOptions::default()
        };
        library.search(&Query::parse(q).unwrap(), &options).unwrap()
    };
    // The same files, counts and hits whether ranked or not, for every kind of query.
    for q in [
        "harbour",
        "velsk*",
        "\"baltic council\"",
        "harbour speaker:velsky",
        "harbour to:2022",
        "council lang:fr",
        "tallinn from:2023",
        "harbour speaker:nobody",
        "harbour from:2030",
    ] {
        let (ranked, counted) = (run(q, usize::MAX), run(q, 0));
        assert!(ranked.ranked || ranked.total == 0, "{q}");
        assert!(!counted.ranked, "{q}");
        assert_eq!(
            (ranked.total, ranked.total_files),
            (counted.total, counted.total_files),
            "{q}"
        );
        assert_eq!(titles(&ranked), titles(&counted), "{q}");
        for f in &counted.files {
            assert!(
                f.hits.windows(2).all(|w| w[0].paragraph < w[1].paragraph),
                "{q}"
            );
        }
    }
    assert_eq!(run("harbour speaker:nobody", 0).total, 0);
    // Unranked, the file with the most hits comes first.
    let counted = run("council", 0);
    let totals: Vec<usize> = counted.files.iter().map(|f| f.total).collect();
    assert!(totals.windows(2).all(|w| w[0] >= w[1]), "{totals:?}");
}

#[test]
fn a_person_across_the_library_comes_from_the_database() {
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    sync(lib.path(), data.path());
    let library = LibraryDb::open(data.path(), lib.path()).unwrap();
    let found = library.find_people("orlova").unwrap();
    assert_eq!(found.len(), 1);
    let orlova = found.first().unwrap();
    assert_eq!((orlova.files, orlova.speeches), (3, 3));
    let occurrences = library.occurrences_of(orlova.id).unwrap();
    let person = library.person(&occurrences, 10).unwrap();
    assert_eq!(person.speeches, 3);
    assert_eq!(person.first_date.as_deref(), Some("2022-05-04"));
    assert_eq!(person.last_date.as_deref(), Some("2024-02-10"));
    let first = person.files.first().unwrap();
    assert_eq!(first.title, "Talks in Tallinn");
    assert_eq!(
        first.speeches.first().map(|s| s.first_words.as_str()),
        Some("Minister Choïgou sent his regards to the council.")
    );
}

#[test]
fn a_damaged_database_is_set_aside_and_rebuilt() {
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    let db_file = database_path(data.path(), lib.path());
    std::fs::create_dir_all(db_file.parent().unwrap()).unwrap();
    std::fs::write(
        &db_file,
        b"this is not a database, but it is somebody's file\n".repeat(100),
    )
    .unwrap();
    let (summary, events) = sync(lib.path(), data.path());
    let message = summary
        .set_aside
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(
        message.contains("damaged") && message.contains("set aside"),
        "{message}"
    );
    assert!(events.iter().any(|e| matches!(
        e,
        SyncEvent::Opened {
            set_aside: Some(_),
            ..
        }
    )));
    assert_eq!(summary.new, 3);
    let aside: Vec<PathBuf> = std::fs::read_dir(db_file.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".set-aside-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    let kept = std::fs::read(aside.first().unwrap()).unwrap();
    assert!(kept.starts_with(b"this is not a database"));
}

#[test]
fn a_database_of_another_schema_version_is_set_aside_and_rebuilt() {
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    sync(lib.path(), data.path());
    let db_file = database_path(data.path(), lib.path());
    {
        let conn = rusqlite::Connection::open(&db_file).unwrap();
        conn.pragma_update(None, "user_version", db::SCHEMA_VERSION + 1)
            .unwrap();
    }
    let (summary, _) = sync(lib.path(), data.path());
    let message = summary
        .set_aside
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(message.contains("another version"), "{message}");
    assert_eq!(summary.new, 3);
    assert_eq!(
        count(&db_file, "PRAGMA user_version"),
        i64::from(db::SCHEMA_VERSION)
    );
}

#[test]
fn a_read_only_library_folder_is_indexed() {
    use std::os::unix::fs::PermissionsExt as _;
    let lib = folder();
    let data = tempfile::tempdir().unwrap();
    std::fs::set_permissions(lib.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let (summary, _) = sync(lib.path(), data.path());
    std::fs::set_permissions(lib.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!((summary.files, summary.new, summary.failed), (3, 3, 0));
}

#[test]
fn failed_files_are_stored_with_their_error() {
    let lib = folder();
    std::fs::write(lib.path().join("empty.txt"), b"").unwrap();
    let data = tempfile::tempdir().unwrap();
    let (summary, _) = sync(lib.path(), data.path());
    assert_eq!(summary.failed, 1);
    let (_, events) = sync(lib.path(), data.path());
    let failed: Vec<String> = opened_entries(&events)
        .iter()
        .filter_map(|e| match &e.state {
            EntryState::Failed(error) => Some(error.reason()),
            _ => None,
        })
        .collect();
    assert_eq!(failed, ["the file is empty"]);
}

/// A folder of `copies` × the text fixtures, in sub-folders.
fn many_files(copies: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let names: Vec<PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    for n in 0..copies {
        let sub = dir.path().join(format!("copy{n:03}"));
        std::fs::create_dir(&sub).unwrap();
        for name in &names {
            std::fs::copy(name, sub.join(name.file_name().unwrap())).unwrap();
        }
    }
    dir
}

fn index_command(folder: &Path, data: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.arg("index").arg(folder).env(db::DATA_DIR_VAR, data);
    c
}

#[test]
fn a_killed_index_run_loses_at_most_one_batch_and_the_next_run_resumes_without_doubles() {
    let lib = many_files(30);
    let total = stenogram::library::scan(lib.path()).unwrap().files.len();
    let data = tempfile::tempdir().unwrap();
    let mut child = index_command(lib.path(), data.path())
        .args(["--batch-files", "5"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let mut lines = BufReader::new(stderr).lines();
    let committed = lines
        .by_ref()
        .map_while(Result::ok)
        .find(|l| l.contains("(committed)"));
    assert!(committed.is_some(), "no batch was committed");
    child.kill().unwrap();
    child.wait().unwrap();
    let db_file = database_path(data.path(), lib.path());
    let stored = usize::try_from(count(&db_file, "SELECT count(*) FROM files")).unwrap();
    assert!(
        stored >= 5 && stored < total,
        "{stored} of {total} stored when killed"
    );

    let (summary, _) = sync(lib.path(), data.path());
    assert_eq!(summary.new, total - stored);
    assert_eq!(summary.changed + summary.deleted, 0);
    // The same library indexed in one go holds exactly as many rows.
    let fresh = tempfile::tempdir().unwrap();
    sync(lib.path(), fresh.path());
    let fresh_db = database_path(fresh.path(), lib.path());
    for table in [
        "files",
        "participants",
        "passages",
        "passages_fts",
        "speeches",
        "photos",
        "people",
    ] {
        let sql = format!("SELECT count(*) FROM {table}");
        assert_eq!(count(&db_file, &sql), count(&fresh_db, &sql), "{table}");
    }
}

#[test]
fn two_processes_indexing_one_library_at_once_both_succeed() {
    let lib = many_files(6);
    let total = stenogram::library::scan(lib.path()).unwrap().files.len();
    let data = tempfile::tempdir().unwrap();
    let spawn = || {
        index_command(lib.path(), data.path())
            .args(["--batch-files", "3"])
            .stderr(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn(), spawn());
    for child in [a, b] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let line = String::from_utf8_lossy(&out.stdout).into_owned();
        assert!(line.starts_with(&format!("{total} files: ")), "{line}");
    }
    let db_file = database_path(data.path(), lib.path());
    assert_eq!(
        count(&db_file, "SELECT count(*) FROM files"),
        i64::try_from(total).unwrap()
    );
    assert_eq!(
        count(&db_file, "SELECT count(*) FROM passages"),
        count(&db_file, "SELECT count(*) FROM passages_fts")
    );
    assert_eq!(
        count(
            &db_file,
            "SELECT count(DISTINCT file_id || '/' || ordinal) FROM passages"
        ),
        count(&db_file, "SELECT count(*) FROM passages")
    );
    let (summary, _) = sync(lib.path(), data.path());
    assert_eq!((summary.new, summary.changed, summary.deleted), (0, 0, 0));
}
