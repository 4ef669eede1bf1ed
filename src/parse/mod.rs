//! Text → transcript. The flow is: decoded text → cleaned lines (odd spaces, margins,
//! hard wraps) → classified lines → blocks → people resolved → model.

mod attendees;
mod build;
mod caption;
pub mod dateline;
mod furniture;
pub mod lang;
mod lines;
mod link;
pub mod normalize;
pub(crate) mod parallel;
pub mod people;
mod tags;
// Nothing reads `Misses::learned_count` any more; it goes with the two-part block build.
#[expect(dead_code, reason = "Misses::learned_count has no reader left")]
pub mod turns;
mod wrap;

/// The test fixtures of every shape, for tests that run the parser's stages on all of them.
#[cfg(test)]
pub(crate) const FIXTURES: [&str; 9] = [
    include_str!("../../tests/fixtures/kremlin_fr.txt"),
    include_str!("../../tests/fixtures/kremlin_en.txt"),
    include_str!("../../tests/fixtures/kremlin_ru.txt"),
    include_str!("../../tests/fixtures/conference_fr.txt"),
    include_str!("../../tests/fixtures/hearing_en.txt"),
    include_str!("../../tests/fixtures/briefing_en.txt"),
    include_str!("../../tests/fixtures/parliament_en.txt"),
    include_str!("../../tests/fixtures/interview_en.txt"),
    include_str!("../../tests/fixtures/interview_ru.txt"),
];

use crate::model::Transcript;

pub use dateline::{Dateline, parse_dateline};
pub use lang::detect_language;

/// Parses decoded transcript text. Never panics; text that holds nothing recognisable
/// gives a transcript whose blocks are plain paragraphs.
pub fn parse_text(text: &str) -> Transcript {
    // The language guess reads the raw text, so on a long one it runs beside the pre-pass.
    let threads = parallel::threads_for(text.len());
    let long = threads > 1;
    let (language, prepared) = parallel::join(
        long,
        || lang::detect_language(text),
        || normalize::prepare_lines(text),
    );
    let lines = normalize::Lines::new(&prepared);
    // On a long text the people are resolved on a second thread while the blocks are built:
    // the builder hands the sources on in batches, in document order.
    let (built, (sources, resolution)) = if long {
        std::thread::scope(|scope| {
            let (batches, received) = std::sync::mpsc::channel();
            let resolving = scope.spawn(move || link::resolve_batches(received));
            // The sender goes with the closure, so the resolver's batches end with the build.
            let built = build::build(&lines, language, true, move |sources| {
                // Should the resolver be gone, its panic is raised below.
                let batch = std::mem::replace(sources, Vec::with_capacity(build::SOURCE_BATCH));
                let _ = batches.send(batch);
            });
            match resolving.join() {
                Ok(resolved) => (built, resolved),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    } else {
        let mut built = build::build(&lines, language, false, |_| {});
        let sources = std::mem::take(&mut built.sources);
        (built, link::resolve_batches([sources]))
    };
    let mut transcript = built.transcript;
    link::link_people(&mut transcript, &sources, resolution, threads);
    parallel::drop_aside(long, (prepared, sources));
    transcript
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;
    use proptest::strategy::Strategy as _;

    /// `parse_text` of `text` with its parallel stages cut for `threads` threads.
    fn parse_on(text: &str, threads: usize) -> String {
        parallel::FORCE_THREADS.with(|force| force.set(Some(threads)));
        let json = crate::export::json::to_json(&parse_text(text));
        parallel::FORCE_THREADS.with(|force| force.set(None));
        json
    }

    #[test]
    fn threads_do_not_change_the_transcript() {
        let fixtures = [
            include_str!("../../tests/fixtures/kremlin_fr.txt"),
            include_str!("../../tests/fixtures/kremlin_ru.txt"),
            include_str!("../../tests/fixtures/hearing_en.txt"),
            include_str!("../../tests/fixtures/briefing_en.txt"),
        ];
        let mut texts: Vec<String> = fixtures.iter().map(|f| (*f).to_owned()).collect();
        // Line ends and page breaks that a cut between runs of lines must not split.
        texts.push(fixtures[2].replace('\n', "\r\n"));
        texts.push(fixtures[2].replace("\n\n", "\n\x0C\n"));
        texts.push(fixtures.concat());
        texts.push(String::new());
        texts.push("one line, no line feed".to_owned());
        for text in &texts {
            let alone = parse_on(text, 1);
            for threads in [2, 3, 7] {
                assert!(
                    parse_on(text, threads) == alone,
                    "{threads} threads changed a parse"
                );
            }
        }
    }

    proptest::proptest! {
        /// Whatever the lines (those of the fixtures, shuffled, and any others), the parse
        /// on several threads (lines cleaned in runs, joined and built in two halves,
        /// mentions searched in runs) is the parse on one.
        #[test]
        fn threads_change_no_parse(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    3 => proptest::sample::select(
                        FIXTURES.iter().flat_map(|f| f.lines()).collect::<Vec<_>>()
                    ).prop_map(str::to_owned),
                    1 => "\\PC{0,40}",
                    1 => proptest::strategy::Just(String::new()),
                ],
                0..80,
            ),
        ) {
            let text = lines.join("\n");
            proptest::prop_assert!(parse_on(&text, 2) == parse_on(&text, 1));
        }
    }

    fn kinds(t: &Transcript) -> Vec<&'static str> {
        t.blocks
            .iter()
            .map(|b| match b.kind {
                BlockKind::Title { .. } => "title",
                BlockKind::Dateline { .. } => "dateline",
                BlockKind::Lead { .. } => "lead",
                BlockKind::Heading { .. } => "heading",
                BlockKind::Paragraph { .. } => "paragraph",
                BlockKind::Attendees { .. } => "attendees",
                BlockKind::Photo { .. } => "photo",
                BlockKind::Speech { .. } => "speech",
                BlockKind::Elision { .. } => "elision",
                BlockKind::Separator => "separator",
                BlockKind::Tags { .. } => "tags",
                BlockKind::Link { .. } => "link",
            })
            .collect()
    }

    #[test]
    fn empty_and_blank_text() {
        let t = parse_text("");
        assert!(t.blocks.is_empty());
        assert_eq!(t.language, "und");
        assert!(parse_text("\n\n  \n").blocks.is_empty());
    }

    #[test]
    fn title_dateline_lead_photo() {
        let t = parse_text(
            "12 – Talks – 2 May 2024, 10:00, Varengrad\n\n1 The leaders. Photo: A Press\n\nThe talks took place today.\n2 May 2024, 10:00, Varengrad\n",
        );
        assert_eq!(t.title, "Talks");
        assert_eq!(t.date.as_deref(), Some("2024-05-02"));
        assert_eq!(kinds(&t), ["title", "photo", "lead", "dateline"]);
        assert_eq!(t.photos[0].credit.as_deref(), Some("A Press"));
    }

    #[test]
    fn comma_lines_in_a_speech_are_paragraphs_and_photos_split_runs() {
        let t = parse_text(
            "Summit\n\nPresident of Orlavia Andrei Velsky: Colleagues,\nwe held\nthe first meeting,\nthe second meeting,\nand the third.\n\n3 The hall. Photo: A Press\n\nLet me be clear:\nwe are done.\n",
        );
        assert_eq!(t.speeches.len(), 1);
        assert_eq!(t.speeches[0].paragraphs.len(), 7);
        assert_eq!(kinds(&t), ["title", "speech", "photo", "speech"]);
        assert!(
            !t.blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Attendees { .. }))
        );
    }

    #[test]
    fn sentences_starting_with_numbers_are_not_photos() {
        let t = parse_text(
            "Report\n\n12 ministers came to the meeting.\n2024 will be a hard year.\n3 Days of talks ended.\n",
        );
        assert!(t.photos.is_empty());
        assert_eq!(kinds(&t), ["title", "lead", "paragraph", "paragraph"]);
    }

    #[test]
    fn a_numbered_run_without_credits_is_photos() {
        let t = parse_text("Report\n\n1 The hall\n\n2 The leaders\n\n3 The signing\n");
        let numbers: Vec<u32> = t.photos.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [1, 2, 3]);
        assert!(t.photos.iter().all(|p| p.credit.is_none()));
    }

    #[test]
    fn unnumbered_caption_with_credit() {
        let t = parse_text("Report\n\nThe leaders before the talks. Фото: пресс-служба\n");
        assert_eq!(t.photos.len(), 1);
        assert_eq!(t.photos[0].number, 1);
        assert_eq!(t.photos[0].caption, "The leaders before the talks.");
    }

    #[test]
    fn attendee_list_with_intro_outro_and_prose() {
        let t = parse_text(
            "Report\n\nThe meeting began at noon.\nThe following officials took part:\nMinister Pavel Sorokin,\nAide Irina Voloshina\nand Ambassador Viktor Lanskoy.\n\nGovernor Ivan Petrov,\nMayor Anna Belova\nalso took part in the meeting.\n\nAlso taking part: Minister A, Minister B and Minister C.\n",
        );
        let lists: Vec<(Option<String>, usize, Option<String>)> = t
            .blocks
            .iter()
            .filter_map(|b| match &b.kind {
                BlockKind::Attendees {
                    intro,
                    items,
                    outro,
                } => Some((intro.clone(), items.len(), outro.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            lists,
            [
                (
                    Some("The following officials took part:".to_owned()),
                    3,
                    None
                ),
                (None, 2, Some("also took part in the meeting.".to_owned())),
                (Some("Also taking part:".to_owned()), 3, None),
            ]
        );
    }

    #[test]
    fn colon_line_outside_speech_is_text_and_headings_stand_alone() {
        let t = parse_text(
            "Report\n\nThe agenda was short:\nit had one item.\n\nClosing remarks\n\nThe end.\n",
        );
        assert_eq!(
            kinds(&t),
            ["title", "lead", "paragraph", "heading", "paragraph"]
        );
    }

    #[test]
    fn elision_separator_tags_link() {
        let t = parse_text(
            "Talks\n\nQuestion: When?\n<...>\nSoon, I hope.\n* * *\nAfter the break.\nTopics\nTransport, Energy\nPersons\n\nhttps://example.org/1\n",
        );
        assert_eq!(
            kinds(&t),
            [
                "title",
                "speech",
                "elision",
                "speech",
                "separator",
                "paragraph",
                "tags",
                "tags",
                "link"
            ]
        );
        assert!(t.blocks.iter().any(|b| matches!(b.kind,
            BlockKind::Elision { speech: Some(s) } if s.index() == 0)));
        assert_eq!(t.tags[0].values, ["Transport", "Energy"]);
        assert!(t.tags[1].values.is_empty());
        assert_eq!(t.source_url.as_deref(), Some("https://example.org/1"));
    }

    #[test]
    fn every_speech_has_a_valid_speaker() {
        let t = parse_text("Talks\n\nQuestion: When?\nA.Velsky: Soon.\nQuestion: Where?\n");
        assert_eq!(t.speeches.len(), 3);
        for s in &t.speeches {
            assert!(t.participant(s.speaker).is_some());
        }
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for text in [
            "1/",
            "1 of",
            "Photo:",
            "12 – ",
            "<…",
            "1\u{00A0}/2 é",
            "ё: :",
            "\u{FEFF}1. Photo : ",
            "https://",
            "* *",
            ":\n,\n,\n.",
            "Topics\n\u{0}",
        ] {
            let _ = parse_text(text);
        }
        let long = "a,\n".repeat(2000) + &"b\n".repeat(2000);
        let t = parse_text(&long);
        assert!(!t.blocks.is_empty());
    }
}
