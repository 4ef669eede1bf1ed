//! Text → transcript. The flow is: decoded text → cleaned lines (odd spaces, margins,
//! hard wraps) → classified lines → blocks → people resolved → model.

mod attendees;
mod build;
mod caption;
pub mod chrome;
mod classify;
mod context;
pub mod dateline;
mod flowed;
pub mod formats;
mod furniture;
pub mod lang;
mod lines;
mod link;
pub mod normalize;
pub mod people;
mod tags;
pub mod verdicts;
mod words;
mod wrap;

pub use classify::turns;

use crate::model::Transcript;

pub use dateline::{Dateline, parse_dateline};
pub use lang::detect_language;
pub use verdicts::LineVerdicts;

/// Parses decoded transcript text. Never panics; text that holds nothing recognisable
/// gives a transcript whose blocks are plain paragraphs.
///
/// The stages run one after the other, in reading order: the language guess, the cleaned
/// lines (page furniture dropped, hard wraps joined), the blocks built from them with the
/// texts that name people, the people resolved from those texts, and the people linked to
/// speeches, photos, lists and mentions.
pub fn parse_text(text: &str) -> Transcript {
    parse_text_with(text, &LineVerdicts::default())
}

/// [`parse_text`] with the user's verdicts on some source lines taken over the parser's own
/// (see [`LineVerdicts`]): lines that are not text are dropped with the page furniture, and
/// a line said to be (or not to be) a speaker label opens (or does not open) a turn.
pub fn parse_text_with(text: &str, verdicts: &LineVerdicts) -> Transcript {
    let language = lang::detect_language(text);
    let page = read_lines(normalize::prepare_lines_with(text, verdicts));
    let built = build::build(&page.lines, language, verdicts);
    let resolution = link::resolve(&built.sources, language);
    let mut transcript = built.transcript;
    link::link_people(&mut transcript, &built.sources, resolution);
    context::apply(&mut transcript, &page.meta.roster);
    apply_page_meta(&mut transcript, page.meta);
    transcript
}

/// The page read from the cleaned lines: its chrome taken out as metadata, and lines that
/// flowed several turns together cut before each label. "How this was read" reads the
/// lines through here too, so both see the same lines.
pub fn read_lines(cleaned: Vec<normalize::SourceLine>) -> chrome::Page {
    let mut page = chrome::read_page(cleaned);
    page.lines = flowed::split_flowed_labels(std::mem::take(&mut page.lines));
    page
}

/// What the page's chrome says, where the text said nothing; front matter's title wins
/// over the first line, and its tags (which stand nowhere in the flow) come last.
fn apply_page_meta(t: &mut Transcript, meta: chrome::PageMeta) {
    if let Some(title) = meta.title {
        t.title = title;
    }
    if t.date.is_none() {
        t.date = meta.date;
    }
    if t.time.is_none() {
        t.time = meta.time;
    }
    if t.source_url.is_none() {
        t.source_url = meta.source_url;
    }
    t.tags.extend(meta.tags);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::BlockKind;

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
