//! The other formats from the file system: subtitles in and out through the command line,
//! a file in a legacy or UTF-16 encoding, and huge files generated on the spot.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use stenogram::model::Time;

const BIN: &str = env!("CARGO_BIN_EXE_stenogram");

/// The fixture of a council meeting in WebVTT.
const MEETING: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/formats/council_meeting.vtt"
);

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {BIN}: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
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

/// (speaker, paragraphs, paragraph times) of every speech.
fn turns(t: &stenogram::Transcript) -> Vec<(String, Vec<String>, Vec<stenogram::model::Span>)> {
    t.speeches
        .iter()
        .map(|s| {
            let who = t
                .participant(s.speaker)
                .map_or("?", |p| p.display_name())
                .to_owned();
            (who, s.paragraphs.clone(), s.times.paragraph_times.clone())
        })
        .collect()
}

#[test]
fn vtt_in_vtt_out_keeps_speakers_text_and_times() {
    let first = run(&["export", "--format", "vtt", MEETING]);
    assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
    let vtt = text(&first.stdout);
    assert!(
        vtt.starts_with("WEBVTT\n\n00:00:01.000 --> 00:00:07.000\n<v Chair Ilse Varga>"),
        "{vtt}"
    );

    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let again = write_temp(dir.path(), "again.vtt", vtt.as_bytes());
    let second = run(&["export", "--format", "vtt", path_arg(&again)]);
    assert_eq!(
        text(&second.stdout),
        vtt,
        "a second round trip changes nothing"
    );

    let original = stenogram::load_file(Path::new(MEETING)).unwrap_or_else(|e| panic!("{e}"));
    let read_back = stenogram::load_file(&again).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(turns(&read_back), turns(&original));
}

#[test]
fn srt_out_numbers_cues_and_names_speakers() {
    let output = run(&[
        "export",
        "--format",
        "srt",
        "--speaker",
        "Tomas Brandt",
        MEETING,
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let srt = text(&output.stdout);
    assert!(
        srt.starts_with(
            "1\n00:00:16.000 --> 00:00:24.000\n"
                .replace('.', ",")
                .as_str()
        ),
        "{srt}"
    );
    assert!(
        srt.contains("Tomas Brandt: Thank you, Chair. The pier is two years late & over budget."),
        "{srt}"
    );
    assert!(!srt.contains("Ilse Varga"), "{srt}");
}

#[test]
fn subtitles_of_an_untimed_transcript_fail_with_one_line() {
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.txt");
    let output = run(&["export", "--format", "vtt", sample]);
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let err = text(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("has no times"), "{err}");
}

#[test]
fn json_export_carries_the_times_and_reads_back() {
    let output = run(&["export", "--format", "json", MEETING]);
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    let json = text(&output.stdout);
    assert!(json.contains("\"start\": 1.0"), "{json}");
    assert!(json.contains("\"paragraph_times\""), "{json}");
    let t = stenogram::export::from_json(&json).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        t.speeches.first().and_then(|s| s.times.start),
        Some(Time(1000))
    );
}

#[test]
fn a_malformed_subtitle_file_fails_with_its_place() {
    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/malformed_timing.vtt"
    );
    let output = run(&["export", file]);
    assert_eq!(output.status.code(), Some(1));
    let err = text(&output.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("invalid WebVTT at line 6, column 1"), "{err}");
}

#[test]
fn utf16_and_windows_1252_subtitles_read_as_text() {
    let vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Renée Dubois>Ça va, Jürgen ?\n";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(vtt.encode_utf16().flat_map(u16::to_le_bytes));
    let t = stenogram::load_bytes("utf16.vtt", &utf16).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.participants[0].display_name(), "Renée Dubois");
    assert_eq!(t.speeches[0].paragraphs, ["Ça va, Jürgen ?"]);

    let file = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/formats/accents_windows1252.vtt"
    );
    let t = stenogram::load_file(Path::new(file)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(t.participants[1].display_name(), "Jürgen Weiß");
}

#[test]
fn a_huge_subtitle_file_opens() {
    let mut vtt = String::from("WEBVTT\n");
    let cues = 60_000u64;
    for i in 0..cues {
        let who = if i % 50 < 25 {
            "Ilse Varga"
        } else {
            "Tomas Brandt"
        };
        let (s, e) = (Time(i * 3000), Time(i * 3000 + 2500));
        vtt.push_str(&format!(
            "\n{} --> {}\n<v {who}>Line {i} of the long session, with a few more words.\n",
            s.with_millis('.'),
            e.with_millis('.')
        ));
    }
    let started = std::time::Instant::now();
    let t = stenogram::load_bytes("huge.vtt", vtt.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    eprintln!(
        "{} MB of WebVTT in {:?}",
        vtt.len() / 1_000_000,
        started.elapsed()
    );
    assert_eq!(t.speeches.len(), 2400);
    assert_eq!(t.speeches[0].paragraphs.len(), 1);
}

#[test]
fn a_parlamint_day_of_several_megabytes_opens_quickly() {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<TEI xmlns=\"http://www.tei-c.org/ns/1.0\" xml:lang=\"en\"><teiHeader><fileDesc><titleStmt><title type=\"main\">Long day</title></titleStmt></fileDesc></teiHeader><text><body><div type=\"debateSection\">\n",
    );
    let speeches = 8_000;
    for i in 0..speeches {
        let who = ["#VargaIlse", "#BrandtTomas", "#LindMara"][i % 3];
        xml.push_str(&format!(
            "<note type=\"speaker\">Speaker {i}:</note>\n<u xml:id=\"u{i}\" who=\"{who}\" ana=\"#regular\">\n"
        ));
        for s in 0..4 {
            xml.push_str(&format!(
                "  <seg xml:id=\"u{i}.s{s}\">Sentence {s} of speech {i}, about the harbour, the ferry and the pier, \
                 which the Assembly has debated since morning.</seg>\n"
            ));
        }
        xml.push_str("</u>\n<kinesic type=\"applause\"><desc>Applause</desc></kinesic>\n");
    }
    xml.push_str("</div></body></text></TEI>\n");
    assert!(xml.len() > 4_000_000, "{}", xml.len());
    let started = std::time::Instant::now();
    let t = stenogram::load_bytes("day.xml", xml.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let elapsed = started.elapsed();
    eprintln!("{} MB of TEI in {elapsed:?}", xml.len() / 1_000_000);
    assert_eq!(t.speeches.len(), speeches);
    assert_eq!(t.participants.len(), 3);
    // Generous for an unoptimised test build on a shared machine; a release build takes a
    // fraction of this.
    assert!(elapsed.as_secs() < 20, "{elapsed:?}");
}

#[test]
fn hostile_inputs_are_errors_not_panics() {
    let deep = format!("<TEI>{}", "<div>".repeat(100_000));
    assert!(stenogram::load_bytes("deep.xml", deep.as_bytes()).is_err());
    let cut = "WEBVTT\n\n00:00:01.000 --> 99:99:99.999\nx";
    assert!(stenogram::load_bytes("cut.vtt", cut.as_bytes()).is_err());
    let numbers = "{\"segments\": [{\"start\": 1e400, \"end\": \"x\", \"text\": 3}]}";
    assert!(stenogram::load_bytes("odd.json", numbers.as_bytes()).is_err());
    let huge_time = "[{\"start\": 1e300, \"end\": 1e301, \"text\": \"Hi\"}]";
    assert!(stenogram::load_bytes("big.json", huge_time.as_bytes()).is_ok());
}
