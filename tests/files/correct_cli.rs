//! `stenogram correct FILE …` and `stenogram export [--raw]` as a user runs them, with the
//! data folder in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use stenogram::export::from_json;
use stenogram::model::Transcript;

const BIN: &str = env!("CARGO_BIN_EXE_stenogram");

/// The talks every correction test starts from, shared with the other correction tests.
const TEXT: &str = include_str!("../fixtures/corrections/talks.txt");

/// A transcript file and a data folder of its own.
struct Setup {
    dir: tempfile::TempDir,
    file: PathBuf,
}

impl Setup {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let file = dir.path().join("talks.txt");
        std::fs::write(&file, TEXT).unwrap_or_else(|e| panic!("write: {e}"));
        Self { dir, file }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    fn file(&self) -> &str {
        self.file
            .to_str()
            .unwrap_or_else(|| panic!("non-UTF-8 temp path"))
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .args(args)
            .env("STENOGRAM_DATA_DIR", self.data())
            .output()
            .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
    }

    /// `stenogram correct FILE ARGS…`, which must succeed; returns stdout.
    fn correct(&self, args: &[&str]) -> String {
        let mut all = vec!["correct", self.file()];
        all.extend_from_slice(args);
        let output = self.run(&all);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        stdout(&output)
    }

    /// `stenogram correct FILE ARGS…`, which must fail with one line naming the file.
    fn refused(&self, args: &[&str], reason: &str) {
        let mut all = vec!["correct", self.file()];
        all.extend_from_slice(args);
        let output = self.run(&all);
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {err}");
        assert!(output.stdout.is_empty(), "{}", stdout(&output));
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(
            err.starts_with(&format!("error: {}: ", self.file())),
            "{err}"
        );
        assert!(err.contains(reason), "{err}");
    }

    /// The transcript as `stenogram export` gives it.
    fn export(&self, raw: bool) -> Transcript {
        let mut args = vec!["export"];
        if raw {
            args.push("--raw");
        }
        args.push(self.file());
        let output = self.run(&args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        from_json(&stdout(&output)).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn corrections_folder(&self) -> PathBuf {
        self.data().join("corrections")
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn speakers(t: &Transcript) -> Vec<String> {
    t.speeches
        .iter()
        .map(|s| {
            t.participant(s.speaker)
                .map_or("?", |p| p.display_name())
                .to_owned()
        })
        .collect()
}

fn names(t: &Transcript) -> Vec<String> {
    t.participants
        .iter()
        .map(|p| p.display_name().to_owned())
        .collect()
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

#[test]
fn rename_shows_in_export_and_raw_leaves_it_out() {
    let s = Setup::new();
    let out = s.correct(&[
        "rename",
        "velsky",
        "--name",
        "Andrej Velský",
        "--role",
        "Host",
    ]);
    assert_eq!(
        out,
        "corrected: rename “Andrei Velsky” to “Andrej Velský”, role “Host”\n"
    );
    let t = s.export(false);
    assert_eq!(names(&t)[0], "Andrej Velský");
    assert_eq!(t.participants[0].role.as_deref(), Some("Host"));
    assert_eq!(names(&s.export(true))[0], "Andrei Velsky");
    // Markdown and text exports read the same corrected transcript.
    let output = s.run(&["export", "--format", "text", s.file()]);
    assert!(stdout(&output).contains("Andrej Velský, Host"));
}

#[test]
fn merge_and_split() {
    let s = Setup::new();
    s.correct(&["split", "Kravets", "Oleg Kravetz"]);
    let t = s.export(false);
    assert_eq!(speakers(&t)[4], "Oleg Kravetz");
    assert_eq!(t.participants.len(), 4);
    s.correct(&["merge", "Malinova", "Oleg Kravetz"]);
    let t = s.export(false);
    assert_eq!(speakers(&t)[4], "Daria Malinova");
    assert_eq!(t.participants.len(), 3);
}

#[test]
fn reassign_to_someone_known_or_new() {
    let s = Setup::new();
    s.correct(&["reassign", "6", "Velsky"]);
    assert_eq!(speakers(&s.export(false))[5], "Andrei Velsky");
    s.correct(&["reassign", "7", "Ivan Petrov", "--new"]);
    assert_eq!(speakers(&s.export(false))[6], "Ivan Petrov");
}

#[test]
fn line_verdicts_redo_the_parse() {
    let s = Setup::new();
    s.correct(&["label", "19"]);
    s.correct(&["not-label", "9"]);
    s.correct(&["not-text", "17"]);
    let t = s.export(false);
    let labels: Vec<&str> = t.speeches.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(labels.len(), 7);
    assert_eq!(labels[5], "Note");
    assert_eq!(t.speeches[4].paragraphs, ["We agree."]);
    assert!(!labels.contains(&"Velsky") || labels.last() == Some(&"Velsky"));
    assert_eq!(s.export(true).speeches.len(), 7);
    assert_eq!(s.export(true).speeches[5].paragraphs.len(), 3);
    // A run of lines.
    let s = Setup::new();
    s.correct(&["not-text", "17", "19"]);
    assert_eq!(s.export(false).speeches[5].paragraphs, ["We agree."]);
}

#[test]
fn photo_people_added_and_removed() {
    let s = Setup::new();
    s.correct(&["photo", "1", "Velsky"]);
    s.correct(&["photo", "2", "Malinova", "--remove"]);
    let t = s.export(false);
    assert_eq!(t.photos[0].participants.len(), 1);
    assert!(t.photos[1].participants.is_empty());
}

#[test]
fn list_undo_redo() {
    let s = Setup::new();
    assert_eq!(s.correct(&["list"]), "no corrections\n");
    s.correct(&["merge", "Velsky", "Malinova"]);
    s.correct(&["not-text", "17"]);
    assert_eq!(
        s.correct(&["list"]),
        "1. merge “Daria Malinova” into “Andrei Velsky”\n2. line 17 is not text: “Page 2 of 9”\n"
    );
    assert_eq!(
        s.correct(&["undo"]),
        "undone: line 17 is not text: “Page 2 of 9”\n"
    );
    assert!(
        s.correct(&["list"])
            .ends_with("(1 undone; `redo` puts them back)\n")
    );
    assert_eq!(s.export(false).speeches[5].paragraphs.len(), 3);
    s.correct(&["redo"]);
    assert_eq!(s.export(false).speeches[5].paragraphs.len(), 2);
    s.correct(&["undo"]);
    s.correct(&["undo"]);
    s.refused(&["undo"], "no correction to undo");
    assert_eq!(s.export(false), s.export(true));
}

#[test]
fn names_lines_and_numbers_that_choose_nothing_are_refused() {
    let s = Setup::new();
    s.refused(
        &["rename", "Nobody", "--name", "X"],
        "no participant matches “Nobody”",
    );
    s.refused(
        &["merge", "President", "Kravets"],
        "“President” matches several participants",
    );
    s.refused(&["rename", "Velsky"], "--name");
    s.refused(&["merge", "Velsky", "Andrei Velsky"], "already one person");
    s.refused(&["split", "Kravets", "Oleg Kravets"], "is the name of");
    s.refused(&["reassign", "99", "Velsky"], "there is no speech 99");
    s.refused(&["label", "400"], "there is no line 400");
    s.refused(&["label", "2"], "line 2 is blank");
    s.refused(&["not-text", "19", "17"], "ends before it starts");
    s.refused(&["photo", "3", "Velsky"], "there is no photo 3");
    s.refused(&["redo"], "no correction to redo");
    // Nothing refused was saved.
    assert_eq!(s.correct(&["list"]), "no corrections\n");
}

#[test]
fn a_json_document_takes_people_edits_but_no_line_edits() {
    let s = Setup::new();
    let json = s.run(&["export", s.file()]);
    let path = s.dir.path().join("talks.json");
    std::fs::write(&path, &json.stdout).unwrap_or_else(|e| panic!("write: {e}"));
    let file = path.to_str().unwrap_or_default();
    let output = s.run(&["correct", file, "label", "5"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("no source lines"),
        "{}",
        stderr(&output)
    );
    let output = s.run(&["correct", file, "rename", "Velsky", "--name", "A. Velsky"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn a_changed_file_makes_line_edits_stale() {
    let s = Setup::new();
    s.correct(&["not-text", "17"]);
    std::fs::write(&s.file, TEXT.replace("Page 2 of 9", "Page 2 of 10"))
        .unwrap_or_else(|e| panic!("write: {e}"));
    // Another text is another transcript: its corrections start empty.
    assert_eq!(s.correct(&["list"]), "no corrections\n");
    // The same text with its lines moved down (the same transcript, read the same way)
    // reports the line edit stale, and the export says so.
    std::fs::write(&s.file, TEXT).unwrap_or_else(|e| panic!("write: {e}"));
    s.correct(&["label", "19"]);
    std::fs::write(&s.file, format!("\n{TEXT}")).unwrap_or_else(|e| panic!("write: {e}"));
    assert!(
        s.correct(&["list"]).contains(
            "1. line 17 is not text: “Page 2 of 9” — does not apply: line 17 now reads “”"
        ),
        "{}",
        s.correct(&["list"])
    );
    let output = s.run(&["export", s.file()]);
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("2 of the stored corrections no longer apply"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_damaged_corrections_file_is_set_aside_with_a_warning() {
    let s = Setup::new();
    s.correct(&["not-text", "17"]);
    let folder = s.corrections_folder();
    let files = files_in(&folder);
    assert_eq!(files.len(), 1, "{files:?}");
    std::fs::write(folder.join(&files[0]), "{ damaged").unwrap_or_else(|e| panic!("{e}"));
    let output = s.run(&["correct", s.file(), "list"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stderr(&output).starts_with("warning: The corrections file"));
    assert_eq!(stdout(&output), "no corrections\n");
    let files = files_in(&folder);
    assert_eq!(files.len(), 1, "{files:?}");
    assert!(files[0].contains(".unreadable-"), "{files:?}");
}
