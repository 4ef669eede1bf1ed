//! `stenogram index FOLDER` and `stenogram search FOLDER QUERY` as a user runs them: a
//! summary line, hits as text, JSON and CSV, and one-line errors with exit code 1.

use std::path::Path;
use std::process::Output;

use crate::run_cli::{arg, run, text};

/// A library of two fixtures.
fn library() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for name in ["kremlin_en.txt", "kremlin_fr.txt"] {
        std::fs::copy(fixtures.join(name), dir.path().join(name)).unwrap();
    }
    dir
}

fn assert_one_line_error(output: &Output, names: &str) {
    let err = text(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {err}");
    assert!(output.stdout.is_empty(), "stdout: {}", text(&output.stdout));
    assert_eq!(err.lines().count(), 1, "{err:?}");
    assert!(err.starts_with("error: ") && err.contains(names), "{err}");
}

#[test]
fn index_prints_a_summary_and_a_second_run_finds_nothing_new() {
    let lib = library();
    let data = tempfile::tempdir().unwrap();
    let first = run(data.path(), &["index", arg(lib.path())]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let line = text(&first.stdout);
    assert!(
        line.starts_with("2 files: 2 new, 0 changed, 0 deleted, 0 failed ("),
        "{line}"
    );
    assert!(text(&first.stderr).contains("Indexing 2 new or changed files…"));
    let second = run(data.path(), &["index", arg(lib.path())]);
    assert!(text(&second.stdout).starts_with("2 files: 0 new, 0 changed, 0 deleted, 0 failed"));
}

#[test]
fn search_prints_hits_as_text_json_and_csv() {
    let lib = library();
    let data = tempfile::tempdir().unwrap();
    assert!(
        run(data.path(), &["index", arg(lib.path())])
            .status
            .success()
    );

    let out = run(
        data.path(),
        &["search", arg(lib.path()), "velsk*", "--per-file", "1"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let shown = text(&out.stdout);
    assert!(shown.contains("[Velsky]"), "{shown}");
    assert!(
        shown
            .lines()
            .last()
            .is_some_and(|l| l.ends_with("in 2 files")),
        "{shown}"
    );

    let out = run(
        data.path(),
        &[
            "search",
            arg(lib.path()),
            "velsky",
            "--format",
            "json",
            "--from",
            "2024-09",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = hits.as_array().cloned().unwrap_or_default();
    assert!(!hits.is_empty());
    for hit in &hits {
        for key in ["path", "title", "date", "speaker", "paragraph", "snippet"] {
            assert!(hit.get(key).is_some(), "{key} missing in {hit}");
        }
        assert!(
            hit["path"]
                .as_str()
                .is_some_and(|p| p.ends_with("kremlin_en.txt")),
            "{hit}"
        );
        assert!(
            hit["snippet"]
                .as_str()
                .is_some_and(|s| s.contains("[Velsky]")),
            "{hit}"
        );
    }

    let out = run(
        data.path(),
        &[
            "search",
            arg(lib.path()),
            "velsky",
            "--format",
            "csv",
            "--speaker",
            "malinova",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("path,title,date,speaker,paragraph,place,snippet")
    );
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty(), "{csv}");
    assert!(rows.iter().all(|r| r.contains("Daria Malinova")), "{csv}");
}

#[test]
fn search_errors_are_one_line_naming_the_folder() {
    let data = tempfile::tempdir().unwrap();
    let lib = library();
    let out = run(data.path(), &["search", arg(lib.path()), "velsky"]);
    assert_one_line_error(&out, "has not been indexed yet");
    let out = run(data.path(), &["search", "no-such-folder", "velsky"]);
    assert_one_line_error(&out, "no-such-folder: no such folder");
    assert!(
        run(data.path(), &["index", arg(lib.path())])
            .status
            .success()
    );
    let out = run(
        data.path(),
        &["search", arg(lib.path()), "velsky", "--from", "soon"],
    );
    assert_one_line_error(&out, "\"soon\" is not a date");
    let out = run(data.path(), &["index", "no-such-folder"]);
    assert_one_line_error(&out, "no-such-folder");
}

#[test]
fn a_correction_made_on_one_file_reaches_the_index_and_its_people() {
    let lib = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let put = |name: &str, text: &str| std::fs::write(lib.path().join(name), text).unwrap();
    put(
        "talks.txt",
        "Harbour talks\n\nAlexander Orlov: Welcome.\n\nSasha Orlov: The harbour opens in May.\n",
    );
    put("meeting.txt", "Meeting\n\nSasha Orlov: Good morning.\n");
    put("summit.txt", "Summit\n\nAlexander Orlov: Good day.\n");
    let talks = lib.path().join("talks.txt");
    let by_alexander = |data: &Path| {
        let out = run(
            data,
            &[
                "search",
                arg(lib.path()),
                "harbour",
                "--speaker",
                "Alexander Orlov",
                "--format",
                "json",
            ],
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let hits: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        hits.as_array().map_or(0, Vec::len)
    };
    let orlov_files = |data: &Path| {
        let library = stenogram::library::db::LibraryDb::open(data, lib.path()).unwrap();
        let mut files: Vec<usize> = library
            .find_people("orlov")
            .unwrap()
            .iter()
            .map(|p| p.files)
            .collect();
        files.sort_unstable();
        files
    };

    assert!(
        run(data.path(), &["index", arg(lib.path())])
            .status
            .success()
    );
    assert_eq!(by_alexander(data.path()), 0);
    assert_eq!(orlov_files(data.path()), vec![2, 2], "two people before");

    let corrected = run(
        data.path(),
        &[
            "correct",
            arg(&talks),
            "merge",
            "Alexander Orlov",
            "Sasha Orlov",
        ],
    );
    assert_eq!(
        corrected.status.code(),
        Some(0),
        "{}",
        text(&corrected.stderr)
    );
    let again = run(data.path(), &["index", arg(lib.path())]);
    let line = text(&again.stdout);
    assert!(
        line.starts_with("3 files: 0 new, 0 changed, 1 corrected, 0 deleted"),
        "{line}"
    );
    assert_eq!(
        by_alexander(data.path()),
        1,
        "the merged speech is Alexander's"
    );
    assert_eq!(
        orlov_files(data.path()),
        vec![3],
        "one person in three files"
    );

    // Undone, the index follows back.
    assert!(
        run(data.path(), &["correct", arg(&talks), "undo"])
            .status
            .success()
    );
    let back = run(data.path(), &["index", arg(lib.path())]);
    assert!(
        text(&back.stdout).contains("1 corrected"),
        "{}",
        text(&back.stdout)
    );
    assert_eq!(by_alexander(data.path()), 0);
    assert_eq!(orlov_files(data.path()), vec![2, 2]);
    let idle = run(data.path(), &["index", arg(lib.path())]);
    assert!(
        !text(&idle.stdout).contains("corrected"),
        "{}",
        text(&idle.stdout)
    );
}
