//! Property tests: loading never panics, whatever the bytes; JSON export then import gives
//! back the same transcript; Markdown export never panics.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use stenogram::export::{from_json, to_json, to_markdown};
use stenogram::{Transcript, load_bytes, load_file, parse_text};

/// Pieces that transcripts are made of, including the ones the parser must think twice
/// about, so random text gets close to the parser's decisions.
fn fragment() -> impl Strategy<Value = String> {
    let fixed = prop::sample::select(vec![
        "\n",
        "\n\n",
        "\r\n",
        ": ",
        " : ",
        ":",
        "\u{a0}",
        "\u{202f}",
        "\t",
        " ",
        ",",
        ".",
        "Photo : ",
        "Photo: ",
        "Фото: ",
        "<…>",
        "‹…>",
        "<...>",
        "* * *",
        "Question:",
        "Question (retranslated):",
        "Journaliste (question retraduite) :",
        "Q ",
        "MR. SMITH:",
        "Jane Doe (Some Constituency) (Party):",
        "В.Орлов:",
        "А.Соколов (как переведено):",
        "Président de la Fédération Viktor Orlov : ",
        "President Viktor Orlov: ",
        "Let me repeat:",
        "23 novembre 2023 à 15h40 à Minsk",
        "November 23, 2023, 15:40, Minsk",
        "23 ноября 2023 года, 15:40, Минск",
        "Géographie",
        "Topics",
        "Persons",
        "https://example.org/events/1",
        " of ",
        "/",
        "et ",
        "and ",
        "took part: ",
        "ont également participé au sommet.",
        "Добрый день, коллеги.",
        "PAGE 12",
        "{",
        "}",
        "\"",
    ]);
    prop_oneof![
        4 => fixed.prop_map(str::to_owned),
        1 => "[0-9]{1,3}",
        1 => "[0-9]{1,2}/[0-9]{1,2}",
        2 => "[A-Z][a-zéèïô]{1,9}",
        1 => "[А-Я][а-яё]{1,9}",
        1 => "[A-Z]{2,8}",
        1 => any::<char>().prop_map(String::from),
    ]
}

/// Transcript-like text: up to a few hundred fragments.
fn transcript_like() -> impl Strategy<Value = String> {
    prop::collection::vec(fragment(), 0..300).prop_map(|parts| parts.concat())
}

/// Every text or JSON file the parser is tested on, plus the bundled sample.
fn fixture_files() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "txt" || e == "json") {
                out.push(path);
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("assets/sample.txt")];
    walk(&root.join("tests/fixtures"), &mut files);
    files.sort();
    files
}

fn assert_json_identity(t: &Transcript, what: &str) {
    let json = to_json(t);
    match from_json(&json) {
        Ok(back) => assert!(
            back == *t,
            "{what}: JSON import differs from what was exported"
        ),
        Err(e) => panic!("{what}: exported JSON does not import: {e:?}"),
    }
}

#[test]
fn every_fixture_round_trips_through_json() {
    let files = fixture_files();
    assert!(files.len() > 1, "fixtures expected, found {files:?}");
    for path in files {
        let what = path.display().to_string();
        // Fixtures of bad input live under tests/ too; only the ones that load must round-trip.
        if let Ok(t) = load_file(&path) {
            assert_json_identity(&t, &what);
            assert!(to_markdown(&t).starts_with("# "), "{what}");
        }
    }
}

#[test]
fn the_sample_loads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.txt");
    let t = load_file(&path).unwrap_or_else(|e| panic!("the sample loads: {e}"));
    assert_eq!(
        (t.title.as_str(), t.language.as_str()),
        ("Summit of the Northern Rivers Union", "en")
    );
    assert_eq!(
        (t.date.as_deref(), t.time.as_deref(), t.place.as_deref()),
        (Some("2024-03-14"), Some("11:30"), Some("Varengrad"))
    );
    assert_eq!(
        (t.speeches.len(), t.photos.len(), t.participants.len()),
        (6, 14, 10)
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn loading_arbitrary_bytes_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..4096)) {
        match load_bytes("random.bin", &bytes) {
            Ok(t) => prop_assert!(to_markdown(&t).starts_with("# ")),
            Err(e) => prop_assert!(e.to_string().starts_with("random.bin: ")),
        }
    }

    #[test]
    fn loading_transcript_like_text_never_panics(text in transcript_like()) {
        let _ = load_bytes("like.txt", text.as_bytes());
        let (utf16, _, _) = encoding_rs::UTF_16LE.encode(&text);
        let _ = load_bytes("like16.txt", &utf16);
        let (cp1251, _, _) = encoding_rs::WINDOWS_1251.encode(&text);
        let _ = load_bytes("like1251.txt", &cp1251);
    }

    #[test]
    fn json_export_then_import_is_identity(text in transcript_like()) {
        let t = parse_text(&text);
        let json = to_json(&t);
        let back = from_json(&json);
        prop_assert!(back.as_ref() == Ok(&t), "import differs or fails: {:?}", back.err());
    }

    #[test]
    fn markdown_export_never_panics(text in transcript_like()) {
        let t = parse_text(&text);
        let md = to_markdown(&t);
        prop_assert!(md.starts_with("# "));
        prop_assert!(md.ends_with('\n'));
    }

    #[test]
    fn edited_json_is_read_or_refused_never_a_panic(
        text in transcript_like(),
        at in any::<prop::sample::Index>(),
        number in prop_oneof![Just(0u64), Just(1), Just(7), Just(u64::from(u32::MAX)), any::<u64>()],
    ) {
        // Change one number in exported JSON: a hostile or hand-edited file.
        let json = to_json(&parse_text(&text));
        let digits: Vec<usize> = json
            .char_indices()
            .filter(|(i, c)| c.is_ascii_digit() && !json[..*i].ends_with(|p: char| p.is_ascii_digit()))
            .map(|(i, _)| i)
            .collect();
        if !digits.is_empty() {
            let start = digits[at.index(digits.len())];
            let end = json[start..].find(|c: char| !c.is_ascii_digit()).map_or(json.len(), |n| start + n);
            let edited = format!("{}{}{}", &json[..start], number, &json[end..]);
            if let Ok(t) = load_bytes("edited.json", edited.as_bytes()) {
                let _ = to_markdown(&t);
            }
        }
    }
}
