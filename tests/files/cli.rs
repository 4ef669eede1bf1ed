//! The `stenogram` binary as a user runs it: `stenogram export [--format …] FILE`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use stenogram::export::from_json;

const BIN: &str = env!("CARGO_BIN_EXE_stenogram");

/// A small Stenogram JSON document, as a user might write by hand (no blocks).
const HAND_WRITTEN_JSON: &str = r#"{
  "title": "Press briefing on the harbour works",
  "date": "2024-04-02", "time": "10:30", "place": "Gdynia", "language": "en",
  "source_url": "https://example.org/briefings/17",
  "participants": [
    { "id": 0, "name": "Ann Lee", "role": "spokesperson", "aliases": ["MS. LEE"] },
    { "id": 1, "name": null, "role": "Question", "aliases": ["Q"], "generic": true }
  ],
  "speeches": [
    { "id": 0, "speaker": 0, "label": "MS. LEE", "paragraphs": ["Good morning.", "The works start in May."] },
    { "id": 1, "speaker": 1, "label": "Q", "paragraphs": ["How long will they take?"] }
  ],
  "photos": [
    { "id": 0, "number": 1, "caption": "The harbour at dawn.", "credit": "Piotr Nowak", "participants": [] }
  ]
}"#;

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn write_temp(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
    path
}

fn path_arg(path: &Path) -> &str {
    path.to_str()
        .unwrap_or_else(|| panic!("non-UTF-8 temp path"))
}

/// Asserts a failed run: exit 1, nothing on stdout, one line on stderr naming the file.
fn assert_failed(output: &Output, file: &str, reason: &str) {
    let err = stderr(output);
    assert_eq!(output.status.code(), Some(1), "stderr: {err}");
    assert!(output.stdout.is_empty(), "stdout: {}", stdout(output));
    assert_eq!(err.lines().count(), 1, "one line expected: {err:?}");
    assert!(err.ends_with('\n'));
    assert!(err.starts_with(&format!("error: {file}: ")), "{err}");
    assert!(err.contains(reason), "{err}");
}

#[test]
fn export_json_of_hand_written_json_keeps_everything() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write_temp(dir.path(), "briefing.json", HAND_WRITTEN_JSON.as_bytes());
    let output = run(&["export", "--format", "json", path_arg(&path)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let t = from_json(&stdout(&output)).unwrap_or_else(|e| panic!("output is not valid: {e:?}"));
    assert_eq!(t.title, "Press briefing on the harbour works");
    assert_eq!(t.date.as_deref(), Some("2024-04-02"));
    assert_eq!(t.participants.len(), 2);
    assert_eq!(t.speeches.len(), 2);
    assert_eq!(
        t.photos.first().and_then(|p| p.credit.as_deref()),
        Some("Piotr Nowak")
    );
    assert!(
        !t.blocks.is_empty(),
        "a flow is made for JSON without blocks"
    );
}

#[test]
fn export_defaults_to_json() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write_temp(dir.path(), "briefing.json", HAND_WRITTEN_JSON.as_bytes());
    let output = run(&["export", path_arg(&path)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(from_json(&stdout(&output)).is_ok());
}

#[test]
fn export_markdown_has_a_heading_per_speech_and_captions() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write_temp(dir.path(), "briefing.json", HAND_WRITTEN_JSON.as_bytes());
    let output = run(&["export", "--format", "markdown", path_arg(&path)]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = stdout(&output);
    assert!(
        md.starts_with("# Press briefing on the harbour works\n"),
        "{md}"
    );
    assert!(md.contains("*2024-04-02 · 10:30 · Gdynia*"), "{md}");
    assert!(md.contains("### Ann Lee, spokesperson\n\nGood morning.\n\nThe works start in May."));
    assert!(md.contains("### Q\n\nHow long will they take?"), "{md}");
    assert!(
        md.contains("> 📷 1 · The harbour at dawn. — *Piotr Nowak*"),
        "{md}"
    );
}

#[test]
fn export_of_the_bundled_sample_round_trips() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.txt");
    let output = run(&["export", sample]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let t = from_json(&stdout(&output)).unwrap_or_else(|e| panic!("output is not valid: {e:?}"));
    assert!(!t.title.is_empty());
    assert!(!t.speeches.is_empty());
    let md = run(&["export", "--format", "markdown", sample]);
    assert_eq!(md.status.code(), Some(0), "{}", stderr(&md));
    assert!(stdout(&md).contains("### "));
}

#[test]
fn export_reads_legacy_encodings() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/encodings/ru_windows1251.txt"
    );
    let output = run(&["export", "--format", "markdown", file]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("Добрый день, уважаемые коллеги!"));
}

#[test]
fn export_of_an_empty_file_fails_with_one_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write_temp(dir.path(), "empty.txt", b"");
    let output = run(&["export", path_arg(&path)]);
    assert_failed(&output, path_arg(&path), "the file is empty");
}

#[test]
fn export_of_a_binary_file_fails_with_one_line() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write_temp(dir.path(), "image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let output = run(&["export", "--format", "markdown", path_arg(&path)]);
    assert_failed(&output, path_arg(&path), "not a text file");
}

#[test]
fn export_of_malformed_json_fails_with_position() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write_temp(
        dir.path(),
        "bad.json",
        b"{\n  \"title\": \"x\",\n  oops\n}\n",
    );
    let output = run(&["export", path_arg(&path)]);
    assert_failed(&output, path_arg(&path), "line 3, column 3");
}

#[test]
fn export_of_a_missing_file_fails() {
    let output = run(&["export", "no-such-file.txt"]);
    assert_failed(&output, "no-such-file.txt", "no such file");
}

#[test]
fn an_unknown_format_is_a_usage_error() {
    let output = run(&["export", "--format", "pdf", "x.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("pdf"));
}

#[test]
fn help_lists_the_export_command() {
    let output = run(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("export"));
}

#[cfg(not(feature = "gui"))]
#[test]
fn without_the_viewer_opening_a_file_says_how_to_get_it() {
    let output = run(&["some.txt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("gui"), "{}", stderr(&output));
}

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.txt");

#[test]
fn export_of_one_speaker_keeps_only_their_speeches() {
    // Lower case and no accents still find "Nurlan Bekov"; the JSON reads back.
    let output = run(&["export", "--speaker", "nurlan BEKOV", SAMPLE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let t = from_json(&stdout(&output)).unwrap_or_else(|e| panic!("output is not valid: {e:?}"));
    assert_eq!(t.speeches.len(), 1);
    let speaker = t
        .speeches
        .first()
        .and_then(|s| t.participant(s.speaker))
        .map(|p| p.display_name().to_owned());
    assert_eq!(speaker.as_deref(), Some("Nurlan Bekov"));
    // Photo 9 stands inside his speech and comes along.
    let numbers: Vec<u32> = t.photos.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [9]);
}

#[test]
fn export_of_several_speakers_as_markdown_says_it_is_an_excerpt() {
    let output = run(&[
        "export",
        "--format",
        "markdown",
        "--speaker",
        "Bekov",
        "--speaker",
        "daria malinova",
        SAMPLE,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = stdout(&output);
    assert!(
        md.contains(
            "*Excerpt: the speeches of Nurlan Bekov and Daria Malinova (3 of 6 speeches).*"
        ),
        "{md}"
    );
    assert_eq!(md.matches("\n### ").count(), 3, "{md}");
    assert!(!md.contains("### Andrei Velsky"), "{md}");
}

#[test]
fn export_as_plain_text_without_captions() {
    let output = run(&["export", "--format", "text", "--no-captions", SAMPLE]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.starts_with("Summit of the Northern Rivers Union\n===="),
        "{text}"
    );
    assert!(
        text.contains("\n14 March 2024 · 11:30 · Varengrad\n"),
        "{text}"
    );
    assert!(
        text.contains("Andrei Velsky, President of Orlavia\n----"),
        "{text}"
    );
    assert!(!text.contains("[Photo"), "{text}");
    assert!(
        !text.contains('#') && !text.contains("**"),
        "no markup: {text}"
    );

    let with = run(&["export", "--format", "text", SAMPLE]);
    assert!(stdout(&with).contains("[Photo 9] President of Sevrania Nurlan Bekov"));
}

#[test]
fn export_of_a_role_only_speaker_by_role() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = write_temp(dir.path(), "briefing.json", HAND_WRITTEN_JSON.as_bytes());
    let output = run(&[
        "export",
        "--format",
        "markdown",
        "--speaker",
        "QUESTION",
        path_arg(&path),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let md = stdout(&output);
    assert!(md.contains("### Q\n\nHow long will they take?"), "{md}");
    assert!(!md.contains("Good morning."), "{md}");
}

#[test]
fn export_of_an_unknown_speaker_fails_with_one_line() {
    let output = run(&["export", "--speaker", "Zed Nobody", SAMPLE]);
    assert_failed(&output, SAMPLE, "no participant matches \"Zed Nobody\"");
}

#[test]
fn export_of_a_speaker_who_never_speaks_says_so() {
    let output = run(&["export", "--speaker", "Ruslan Temirov", SAMPLE]);
    assert_failed(&output, SAMPLE, "Ruslan Temirov gives no speech");
}
