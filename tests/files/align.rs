//! `stenogram align A B`: the rows of two versions, as a table or JSON, and its errors.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_stenogram");

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/parallel")
        .join(name)
}

fn align(args: &[&Path], format: Option<&str>) -> Output {
    let mut command = Command::new(BIN);
    command.arg("align").args(args);
    if let Some(format) = format {
        command.args(["--format", format]);
    }
    command
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

#[test]
fn the_json_lists_every_row_with_each_sides_speeches_and_a_summary() {
    let out = align(
        &[&fixture("meeting_ru.txt"), &fixture("meeting_en.txt")],
        Some("json"),
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON on stdout");
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 8);
    // The ministry's remark: on the Russian side only.
    let only_a: Vec<&serde_json::Value> = rows.iter().filter(|r| r["b"].is_null()).collect();
    assert_eq!(only_a.len(), 1);
    assert_eq!(only_a[0]["marks"][0], "only_a");
    assert_eq!(only_a[0]["a"]["speeches"][0]["number"], 5);
    // The governor's first answer is given as two turns in English.
    assert_eq!(rows[1]["b"]["speeches"].as_array().map(Vec::len), Some(2));
    assert_eq!(rows[1]["b"]["speaker"], "Matvei Gorchakov");
    assert_eq!(rows[1]["a"]["speaker"], "Матвей Горчаков");
    assert_eq!(json["summary"]["paired"], 7);
    assert_eq!(json["summary"]["only_a"], 1);
    assert_eq!(json["b"]["language"], "en");
}

#[test]
fn the_table_ends_with_the_summary() {
    let out = align(
        &[&fixture("summit_fr.txt"), &fixture("summit_en.txt")],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("§2 Mikhaïl Choulguine"), "{text}");
    assert!(text.contains("§2 Mikhail Shulgin"), "{text}");
    assert!(
        text.trim_end().ends_with("4 turns paired (0 split), 0 only in A, 0 only in B; 0 paragraphs much shorter on one side."),
        "{text}"
    );
}

#[test]
fn a_missing_or_unreadable_version_is_one_line_naming_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let binary = dir.path().join("scan.txt");
    std::fs::write(&binary, b"\x00\x01binary\x00").expect("write");
    let missing = dir.path().join("gone.txt");
    for (bad, name) in [(&binary, "scan.txt"), (&missing, "gone.txt")] {
        let out = align(&[&fixture("summit_fr.txt"), bad], None);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{err}");
        assert!(out.stdout.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(name), "{err}");
    }
}
