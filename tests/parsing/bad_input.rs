//! Whatever a user opens, Stenogram either reads it or says, naming the file, what is
//! wrong with it. Nothing panics, nothing hangs.

use std::path::Path;
use std::time::{Duration, Instant};

use stenogram::decode::decode;
use stenogram::export::to_json;
use stenogram::{ErrorKind, Transcript, load_bytes, load_file};

/// A fictional event in the Russian Kremlin shape.
const RUSSIAN: &str = "Совещание с главами северных городов
12 марта 2024 года, 11:00, Архангельск

1 Перед совещанием. Фото: Ирина Волкова

В.Орлов: Добрый день, уважаемые коллеги! Сегодня обсудим отопление и школы.

П.Соколов: Спасибо. Зима в этом году была долгой.
";

/// The same event in the French shape.
const FRENCH: &str = "Réunion avec les maires des villes du Nord
12 mars 2024 à 11h00 à Arkhangelsk

1 Avant la réunion. Photo : Irène Valois, Agence Nordique

Président de la Fédération Viktor Orlov : Bonjour, chers collègues. Parlons des écoles et de l’hiver.

Maire d’Arkhangelsk Pavel Sokolov : Merci. L’hiver a été très long, déjà à l’été on s’y préparait.
";

/// The error message for `bytes` opened as `name`; fails the test if they load.
fn error_for(name: &str, bytes: &[u8]) -> String {
    match load_bytes(name, bytes) {
        Ok(t) => panic!("{name} loaded, but should not have: {t:?}"),
        Err(error) => error.to_string(),
    }
}

/// Loads `bytes`, failing the test with the error if they do not.
fn loaded(name: &str, bytes: &[u8]) -> Transcript {
    match load_bytes(name, bytes) {
        Ok(t) => t,
        Err(error) => panic!("{name} should load: {error}"),
    }
}

/// All the text of a transcript, to check that words came through the decoding intact.
fn all_text(t: &Transcript) -> String {
    to_json(t)
}

fn assert_names(message: &str, name: &str, problem: &str) {
    assert!(
        message.starts_with(&format!("{name}: ")),
        "message should start with the file name: {message}"
    );
    assert!(
        message.contains(problem),
        "message should say {problem:?}: {message}"
    );
}

fn utf16(text: &str, little_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if little_endian {
            &[0xFF, 0xFE]
        } else {
            &[0xFE, 0xFF]
        });
    }
    for unit in text.encode_utf16() {
        out.extend_from_slice(&if little_endian {
            unit.to_le_bytes()
        } else {
            unit.to_be_bytes()
        });
    }
    out
}

/// Deterministic noise (an LCG), so a failure can be reproduced.
fn noise(len: usize, seed: u64) -> Vec<u8> {
    let mut state = seed;
    (0..len)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as u8
        })
        .collect()
}

#[test]
fn empty_file_is_refused() {
    let message = error_for("empty.txt", b"");
    assert_eq!(message, "empty.txt: the file is empty");
}

#[test]
fn whitespace_only_file_is_empty() {
    let message = error_for("blank.txt", " \n\t\r\n  \u{a0}\u{2009}\n".as_bytes());
    assert_names(&message, "blank.txt", "empty");
}

#[test]
fn png_header_is_binary() {
    let png: &[u8] = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06\x00\x00\x00\x5c\x72\xa8\x66";
    let message = error_for("photo.png", png);
    assert_names(&message, "photo.png", "not a text file");
}

#[test]
fn random_bytes_are_binary() {
    for seed in 1..20 {
        let bytes = noise(4096, seed);
        let message = error_for("noise.bin", &bytes);
        assert_names(&message, "noise.bin", "not a text file");
    }
}

#[test]
fn random_bytes_without_nuls_are_still_binary() {
    let bytes: Vec<u8> = noise(4096, 7).into_iter().filter(|b| *b != 0).collect();
    let message = error_for("noise.bin", &bytes);
    assert_names(&message, "noise.bin", "binary");
}

#[test]
fn text_with_a_nul_byte_is_binary() {
    let mut bytes = FRENCH.as_bytes().to_vec();
    bytes.insert(40, 0);
    assert_names(&error_for("nul.txt", &bytes), "nul.txt", "binary");
}

#[test]
fn utf16_with_bom_reads_both_byte_orders() {
    for little in [true, false] {
        let bytes = utf16(FRENCH, little, true);
        assert_eq!(decode(&bytes).as_deref(), Ok(FRENCH));
        let t = loaded("utf16.txt", &bytes);
        assert!(all_text(&t).contains("Bonjour, chers collègues"));
    }
}

#[test]
fn utf16_without_bom_is_recognised() {
    let english = "Briefing\n\nMR. SMITH: Good morning, everyone.\n\nQ Any news on the talks?\n";
    for little in [true, false] {
        assert_eq!(
            decode(&utf16(english, little, false)).as_deref(),
            Ok(english)
        );
    }
}

#[test]
fn utf8_bom_is_not_part_of_the_text() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(FRENCH.as_bytes());
    assert_eq!(decode(&bytes).as_deref(), Ok(FRENCH));
    let t = loaded("bom.txt", &bytes);
    assert!(!all_text(&t).contains('\u{FEFF}'));
    assert!(
        t.title.starts_with('R') || t.title.is_empty(),
        "{:?}",
        t.title
    );
}

#[test]
fn windows_1251_russian_is_detected() {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test needs non-UTF-8 bytes"
    );
    assert_eq!(decode(&bytes).as_deref(), Ok(RUSSIAN));
    let t = loaded("ru-1251.txt", &bytes);
    assert!(all_text(&t).contains("Добрый день, уважаемые коллеги"));
}

#[test]
fn koi8_r_russian_is_detected() {
    let (bytes, _, unmappable) = encoding_rs::KOI8_R.encode(RUSSIAN);
    assert!(!unmappable);
    assert_eq!(decode(&bytes).as_deref(), Ok(RUSSIAN));
}

#[test]
fn windows_1252_french_is_detected() {
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(FRENCH);
    assert!(!unmappable);
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the test needs non-UTF-8 bytes"
    );
    assert_eq!(decode(&bytes).as_deref(), Ok(FRENCH));
    let t = loaded("fr-1252.txt", &bytes);
    assert!(all_text(&t).contains("Bonjour, chers collègues"));
}

#[test]
fn crlf_and_cr_line_endings_read_like_lf() {
    let crlf = FRENCH.replace('\n', "\r\n");
    let cr = FRENCH.replace('\n', "\r");
    let expected = loaded("lf.txt", FRENCH.as_bytes());
    for bytes in [crlf.as_bytes(), cr.as_bytes()] {
        assert_eq!(decode(bytes).as_deref(), Ok(FRENCH));
        // Same structure, same line numbers: the file's endings make no difference.
        assert_eq!(loaded("endings.txt", bytes), expected);
    }
}

#[test]
fn truncated_utf8_still_loads() {
    let bytes = RUSSIAN.as_bytes();
    // Cut inside the last Cyrillic letter of "долгой".
    let cut = RUSSIAN.rfind("ой").map_or(bytes.len(), |at| at + 1);
    let truncated = bytes.get(..cut).unwrap_or(bytes);
    let text = decode(truncated);
    assert!(
        text.as_deref().is_ok_and(|t| t.ends_with("долг\u{FFFD}")),
        "{text:?}"
    );
    let t = loaded("cut.txt", truncated);
    assert!(all_text(&t).contains("Зима в этом году"));
}

#[test]
fn huge_line_without_newline_finishes_quickly() {
    let line = "Le président a dit que la séance continuait, ".repeat(10 * 1024 * 1024 / 48);
    assert!(line.len() >= 10_000_000);
    let started = Instant::now();
    let result = load_bytes("huge.txt", line.as_bytes());
    let elapsed = started.elapsed();
    assert!(result.is_ok(), "{:?}", result.err());
    // Debug build, shared machine: generous, yet far from a quadratic blow-up.
    assert!(elapsed < Duration::from_secs(20), "took {elapsed:?}");
}

#[test]
fn malformed_json_gives_line_and_column() {
    let json = "{\n  \"title\": \"Briefing\",\n  \"language\" \"en\"\n}\n";
    let message = error_for("broken.json", json.as_bytes());
    assert_names(
        &message,
        "broken.json",
        "invalid Stenogram JSON at line 3, column 14",
    );
    assert!(message.contains("expected `:`"), "{message}");
}

#[test]
fn json_of_the_wrong_shape_says_what_is_missing() {
    let message = error_for("shape.json", br#"{"title": "Briefing"}"#);
    assert_names(&message, "shape.json", "missing field `language`");
}

#[test]
fn json_with_an_out_of_range_id_is_refused() {
    let json = r#"{
  "title": "Briefing", "date": null, "time": null, "place": null, "language": "en",
  "source_url": null,
  "participants": [ { "id": 0, "name": "Ann Lee", "role": null, "aliases": [] } ],
  "speeches": [ { "id": 0, "speaker": 5, "paragraphs": ["Good morning."] } ],
  "photos": []
}"#;
    let message = error_for("ids.json", json.as_bytes());
    assert_names(
        &message,
        "ids.json",
        "speeches[0].speaker is 5, but there are only 1 participants",
    );
}

#[test]
fn json_with_a_block_past_the_end_is_refused() {
    let json = r#"{
  "title": "Briefing", "language": "en",
  "photos": [],
  "blocks": [ { "line": 1, "kind": "photo", "photo": 3 } ]
}"#;
    let message = error_for("blocks.json", json.as_bytes());
    assert_names(&message, "blocks.json", "blocks[0].photo is 3");
}

#[test]
fn nonexistent_path_names_the_file() {
    let path = Path::new("tests/fixtures/no-such-transcript.txt");
    let message = load_file(path)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert_eq!(
        message,
        "tests/fixtures/no-such-transcript.txt: cannot be read: no such file"
    );
}

#[test]
fn a_folder_is_not_a_file() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let message = load_file(dir.path())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        message.ends_with(": cannot be read: it is a folder, not a file"),
        "{message}"
    );
}

#[test]
fn too_large_file_is_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let path = dir.path().join("giant.txt");
    let file = std::fs::File::create(&path).unwrap_or_else(|e| panic!("create: {e}"));
    // A sparse file: its size says too large, without writing half a gigabyte.
    file.set_len(stenogram::load::MAX_FILE_BYTES + 1)
        .unwrap_or_else(|e| panic!("set_len: {e}"));
    let started = Instant::now();
    let error = load_file(&path).err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        matches!(
            error.as_ref().map(|e| &e.kind),
            Some(ErrorKind::TooLarge { .. })
        ),
        "{error:?}"
    );
    let message = error.map(|e| e.to_string()).unwrap_or_default();
    assert!(
        message.contains("giant.txt: the file is too large"),
        "{message}"
    );
}

#[test]
fn invisible_characters_only_is_an_error_not_a_transcript() {
    let message = error_for(
        "invisible.txt",
        "\u{200B}\u{200B}\n\u{FEFF}\u{00AD}\n".as_bytes(),
    );
    assert!(message.starts_with("invisible.txt: "), "{message}");
}
