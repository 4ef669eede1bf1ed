use super::*;
use crate::model::Span;

fn cue(start: u64, end: u64, text: &str) -> Cue {
    Cue {
        start: Time(start),
        end: Time(end),
        text: text.to_owned(),
        speaker: None,
        plain: false,
    }
}

#[test]
fn voice_tags_and_labels_name_the_speaker_and_turns_merge() {
    let cues = [
        cue(0, 2000, "<v Ana Petrova>Good morning."),
        cue(2100, 4000, "<v Ana Petrova>Let us <i>begin</i>."),
        cue(4200, 6000, "Boris Orlov: Thank you &amp; welcome."),
        cue(6000, 7000, "I have two points."),
        cue(9500, 11000, "First, the bridge."),
        cue(11000, 12000, "- ANA: Go on.\n- BORIS: Second, the road."),
    ];
    let t = transcript(&cues, "Sitting", "en");
    let speeches: Vec<(&str, Vec<&str>)> = t
        .speeches
        .iter()
        .map(|s| {
            let who = t.participants[s.speaker.index()].display_name();
            (who, s.paragraphs.iter().map(String::as_str).collect())
        })
        .collect();
    assert_eq!(
        speeches,
        [
            ("Ana Petrova", vec!["Good morning. Let us begin."]),
            (
                "Boris Orlov",
                vec![
                    "Thank you & welcome. I have two points.",
                    "First, the bridge."
                ]
            ),
            ("ANA", vec!["Go on."]),
            ("BORIS", vec!["Second, the road."]),
        ]
    );
    let boris = &t.speeches[1].times;
    assert_eq!(
        (boris.start, boris.end),
        (Some(Time(4200)), Some(Time(11000)))
    );
    assert_eq!(
        boris.paragraph_times,
        [
            Span::new(Time(4200), Time(7000)),
            Span::new(Time(9500), Time(11000))
        ]
    );
    assert_eq!(crate::export::check::check_ids(&t), Ok(()));
}

#[test]
fn placeholders_become_numbered_speakers_and_unnamed_cues_a_generic_one() {
    let mut a = cue(0, 1000, " Hello there.");
    a.speaker = Some("SPEAKER_00".to_owned());
    a.plain = true;
    let mut b = cue(1000, 2000, "Note: not a label.");
    b.plain = true;
    b.speaker = Some("SPEAKER_01".to_owned());
    let t = transcript(&[a, b], "Call", "en");
    assert_eq!(t.participants[0].name.as_deref(), Some("Speaker 1"));
    assert_eq!(t.participants[0].aliases, ["SPEAKER_00"]);
    assert_eq!(t.speeches[1].paragraphs, ["Note: not a label."]);

    let t = transcript(
        &[cue(0, 1000, "[Music]"), cue(1000, 2000, "and so it begins")],
        "",
        "und",
    );
    assert!(t.participants[0].generic);
    assert_eq!(t.speeches[0].paragraphs, ["[Music]", "and so it begins"]);
}

#[test]
fn markup_is_stripped_and_odd_colons_are_not_labels() {
    assert_eq!(
        plain_text("<c.yellow>Hi</c> <00:00:01.000>there {\\an8}&lt;3"),
        "Hi there <3"
    );
    assert_eq!(plain_text("a < b and {curly}"), "a < b and {curly}");
    assert_eq!(
        leading_label("Ana Petrova: yes"),
        Some(("Ana Petrova", "yes"))
    );
    assert_eq!(
        leading_label("Jean de la Croix: oui"),
        Some(("Jean de la Croix", "oui"))
    );
    assert_eq!(leading_label("At 10:30 we met"), None);
    assert_eq!(leading_label("the reason: this"), None);
    assert_eq!(leading_label("Here is one very long thing: x"), None);
    assert_eq!(placeholder_number("SPEAKER_07"), Some(7));
    assert_eq!(placeholder_number("SPEAKER_"), None);
}
