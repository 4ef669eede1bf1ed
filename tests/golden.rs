//! Golden snapshots: every fixture's outline (metadata, one line per block, participants,
//! the lines left out as furniture and why),
//! reviewed as a diff whenever a parser rule changes. `INSTA_UPDATE=always cargo test
//! --test golden` writes new snapshots in place; `git diff tests/golden` is the review.

use std::path::{Path, PathBuf};

use stenogram::export::to_outline;
use stenogram::load::open_bytes;
use stenogram::reading::{LineRole, explain};

/// The fixture folders whose every text file is a golden test: the shapes of real pages.
const FOLDERS: [&str; 4] = [
    "tests/fixtures",
    "tests/fixtures/encodings",
    "tests/fixtures/parallel",
    "tests/fixtures/shapes",
];

/// The folder of the other formats (subtitles, speech recognition, TEI, Akoma Ntoso),
/// whose every file is a golden test whatever its extension: the format is told from the
/// content.
const FORMATS_FOLDER: &str = "tests/fixtures/formats";

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for folder in FOLDERS.into_iter().chain([FORMATS_FOLDER]) {
        let dir = root.join(folder);
        let entries = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list the fixtures in {}: {e}", dir.display()));
        for entry in entries {
            let path = entry.expect("a fixture folder entry").path();
            let any_extension = folder == FORMATS_FOLDER && path.is_file();
            if any_extension || path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The snapshot's name: the fixture's path under `tests/fixtures`, with `__` for `/`.
fn snapshot_name(path: &Path) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let relative = path.strip_prefix(&root).unwrap_or(path);
    relative
        .with_extension("")
        .to_string_lossy()
        .replace(['/', '\\'], "__")
}

/// The source lines left out of the text, each with the reason "How this was read" gives.
fn furniture(text: &str, t: &stenogram::Transcript) -> String {
    let mut out = String::from("-- furniture\n");
    for line in explain(text, t) {
        if line.role == LineRole::Dropped {
            let source = text.get(line.range.clone()).unwrap_or("").trim();
            let reason = line.note.as_deref().unwrap_or("left out");
            out.push_str(&format!(
                "{:>4} FURNITURE ({reason}) {source}\n",
                line.number
            ));
        }
    }
    out
}

#[test]
fn every_fixture_reads_as_its_reviewed_outline() {
    let files = fixtures();
    assert!(
        files.len() >= 15,
        "expected the fixtures of every shape, found {}",
        files.len()
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("golden");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for path in &files {
            let bytes = std::fs::read(path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            let name = snapshot_name(path);
            let outline = match open_bytes(&name, &bytes) {
                Ok(loaded) => {
                    let mut outline = to_outline(&loaded.transcript);
                    if let Some(text) = &loaded.text {
                        outline.push_str(&furniture(text, &loaded.transcript));
                    }
                    outline
                }
                Err(e) => format!("error: {e}\n"),
            };
            insta::assert_snapshot!(name, outline);
        }
    });
}

/// The pairs of versions in `tests/fixtures/parallel`: files named `EVENT_LANG.txt`, each
/// version of an event paired with its English one.
fn parallel_pairs() -> Vec<(PathBuf, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/parallel");
    let mut pairs = Vec::new();
    for path in fixtures().into_iter().filter(|p| p.starts_with(&dir)) {
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned());
        let Some((event, lang)) = stem.as_deref().and_then(|s| s.rsplit_once('_')) else {
            continue;
        };
        let english = dir.join(format!("{event}_en.txt"));
        if lang != "en" && english.exists() {
            pairs.push((path.clone(), english));
        }
    }
    pairs
}

#[test]
fn every_parallel_pair_aligns_as_reviewed() {
    use stenogram::align::{align, report};
    let pairs = parallel_pairs();
    assert!(
        pairs.len() >= 2,
        "expected two pairs of versions, found {pairs:?}"
    );
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("golden");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for (a, b) in &pairs {
            let read = |p: &Path| {
                let bytes =
                    std::fs::read(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
                open_bytes(&p.display().to_string(), &bytes)
                    .unwrap_or_else(|e| panic!("{e}"))
                    .transcript
            };
            let (ta, tb) = (read(a), read(b));
            let name = |p: &Path| {
                p.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            };
            let (na, nb) = (name(a), name(b));
            let text = report::to_text(
                &report::Version {
                    path: &na,
                    transcript: &ta,
                },
                &report::Version {
                    path: &nb,
                    transcript: &tb,
                },
                &align(&ta, &tb),
            );
            let snapshot = format!("align__{}", na.trim_end_matches(".txt"));
            insta::assert_snapshot!(snapshot, text);
        }
    });
}
