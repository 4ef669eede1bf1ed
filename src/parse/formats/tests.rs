use super::*;
use crate::model::Time;

#[test]
fn formats_are_told_apart_by_content() {
    assert_eq!(
        detect("WEBVTT\n\n00:01.000 --> 00:02.000\nHi"),
        Format::WebVtt
    );
    assert_eq!(detect("\u{feff}WEBVTT - a title\n"), Format::WebVtt);
    assert_eq!(
        detect("1\n00:00:01,000 --> 00:00:02,000\nHi\n"),
        Format::Srt
    );
    assert_eq!(
        detect("{\"segments\": [], \"language\": \"en\"}"),
        Format::SpeechRecognitionJson
    );
    assert_eq!(
        detect("[{\"start\": 0, \"end\": 1, \"text\": \"Hi\"}]"),
        Format::SpeechRecognitionJson
    );
    assert_eq!(
        detect("{\"title\": \"x\", \"speeches\": []}"),
        Format::StenogramJson
    );
    assert_eq!(detect("{}"), Format::StenogramJson);
    assert_eq!(detect("<?xml version=\"1.0\"?><TEI>"), Format::Tei);
    assert_eq!(detect("<teiCorpus>"), Format::TeiCorpus);
    assert_eq!(detect("<akomaNtoso>"), Format::AkomaNtoso);
    assert_eq!(detect("<html><body>"), Format::Text);
    assert_eq!(detect("[Applause] Thank you."), Format::Text);
    assert_eq!(detect("12 – Talks – 2 May 2024"), Format::Text);
    assert_eq!(detect("1\nThe first point."), Format::Text);
}

#[test]
fn whisper_segments_merge_by_speaker() {
    let json = r#"{"language": "en", "segments": [
        {"start": 0.0, "end": 2.5, "text": " Good morning.", "speaker": "SPEAKER_00"},
        {"start": 2.6, "end": 4.0, "text": " Shall we start?", "speaker": "SPEAKER_00"},
        {"start": 4.2, "end": 6.0, "text": " Yes.", "speaker": "SPEAKER_01"},
        {"start": 6.0, "end": -1, "text": " Broken end.", "speaker": 1}
    ]}"#;
    let t = read(Format::SpeechRecognitionJson, json, "call").and_then(Result::ok);
    let t = t.unwrap_or_default();
    assert_eq!(t.language, "en");
    assert_eq!(t.title, "call");
    assert_eq!(t.speeches.len(), 2);
    assert_eq!(t.speeches[0].paragraphs, ["Good morning. Shall we start?"]);
    assert_eq!(t.speeches[0].times.end, Some(Time(4000)));
    assert_eq!(t.speeches[1].paragraphs, ["Yes. Broken end."]);
    assert_eq!(t.participants[1].display_name(), "Speaker 2");
}

#[test]
fn malformed_files_are_errors_with_places_never_panics() {
    let cases = [
        (
            Format::SpeechRecognitionJson,
            "{\"segments\": [\n  {\"start\": oops}]}",
            "line 2",
        ),
        (
            Format::WebVtt,
            "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHi\n",
            "line 3, column 18",
        ),
        (Format::WebVtt, "WEBVTT\n\nintro\n", "line 3, column 1"),
        (
            Format::WebVtt,
            "WEBVTT\n\n1\n00:01 -> 00:02\nHi\n",
            "line 3, column 1",
        ),
        (
            Format::Srt,
            "1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\nno timing\n",
            "line 6",
        ),
        (
            Format::Tei,
            "<TEI>\n <text><body><u who=\"#A\"><seg>Hi</u>\n</TEI>",
            "line 2",
        ),
        (Format::AkomaNtoso, "<akomaNtoso><debate>", "line 1"),
    ];
    for (format, text, place) in cases {
        let error = read(format, text, "x").and_then(Result::err);
        let message = error
            .map(|kind| crate::error::Error::new("f", kind).to_string())
            .unwrap_or_default();
        assert!(message.contains(place), "{format:?}: {message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
    let empty = read(Format::WebVtt, "WEBVTT\n", "x").and_then(Result::err);
    assert!(
        matches!(empty, Some(ErrorKind::NotATranscript(_))),
        "{empty:?}"
    );
}

#[test]
fn akoma_ntoso_questions_are_paired_with_answers() {
    let xml = r##"<akomaNtoso><debate name="questions"><meta>
      <identification><FRBRWork><FRBRdate date="2031-06-02" name="sitting"/></FRBRWork>
      <FRBRExpression><FRBRlanguage language="eng"/></FRBRExpression></identification>
      <references><TLCPerson eId="ana" showAs="Ana Petrova"/><TLCPerson eId="lev" showAs="Lev Marin"/>
      <TLCRole eId="minister" showAs="Minister of Transport"/></references></meta>
      <preface><docTitle>Oral questions</docTitle></preface>
      <debateBody><debateSection><heading>Bridges</heading>
        <question by="#ana"><from>Ms Petrova</from><p>When will the bridge open?</p></question>
        <answer by="#lev" as="#minister"><from>The Minister</from><p>In <i>June</i>.</p></answer>
        <narrative>The sitting was suspended.</narrative>
      </debateSection></debateBody></debate></akomaNtoso>"##;
    let t = read(Format::AkomaNtoso, xml, "x")
        .and_then(Result::ok)
        .unwrap_or_default();
    assert_eq!(t.title, "Oral questions");
    assert_eq!(t.date.as_deref(), Some("2031-06-02"));
    assert_eq!(t.language, "en");
    assert_eq!(
        t.participants[1].role.as_deref(),
        Some("Minister of Transport")
    );
    assert_eq!(t.speeches[1].paragraphs, ["In June."]);
    let qa = crate::qa::Qa::analyse(&t);
    assert_eq!(qa.pairs.len(), 1);
    assert_eq!(qa.pairs[0].answers.len(), 1);
}
