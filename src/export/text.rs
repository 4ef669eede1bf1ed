//! Plain text: the document as it reads, with underlined headings, for mail, notes and
//! tools that want no markup. Nothing is escaped.

use std::fmt::Write as _;

use crate::model::{BlockKind, Transcript};

/// Renders the transcript as plain text.
pub fn to_text(transcript: &Transcript) -> String {
    to_text_with_note(transcript, None)
}

/// Renders the transcript as plain text, with `note` under the metadata (an excerpt says
/// what it keeps).
pub fn to_text_with_note(t: &Transcript, note: Option<&str>) -> String {
    let mut out = String::new();
    let title = match t.title.trim() {
        "" => "Untitled transcript",
        title => title,
    };
    underlined(&mut out, title, '=');
    let mut facts: Vec<String> = Vec::new();
    facts.extend(t.date.as_deref().map(super::date::format_date));
    facts.extend(t.time.clone());
    facts.extend(t.place.clone());
    facts.retain(|f| !f.trim().is_empty());
    if !facts.is_empty() {
        out.push_str(&facts.join(" · "));
        out.push('\n');
    }
    if let Some(url) = t.source_url.as_deref().filter(|u| !u.trim().is_empty()) {
        out.push_str(url.trim());
        out.push('\n');
    }
    out.push('\n');
    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        paragraph(&mut out, note.trim());
    }
    for block in &t.blocks {
        render_block(t, &block.kind, &mut out);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

fn render_block(t: &Transcript, kind: &BlockKind, out: &mut String) {
    match kind {
        BlockKind::Title { .. } => {}
        BlockKind::Dateline { text } => {
            if t.date.is_none() {
                paragraph(out, text);
            }
        }
        BlockKind::Lead { text } | BlockKind::Paragraph { text } => paragraph(out, text),
        BlockKind::Heading { text } => {
            underlined(out, text, '-');
            out.push('\n');
        }
        BlockKind::Attendees {
            intro,
            items,
            outro,
        } => {
            if let Some(intro) = intro {
                paragraph(out, intro);
            }
            if !items.is_empty() {
                for item in items {
                    let _ = writeln!(out, "- {}", item.text);
                }
                out.push('\n');
            }
            if let Some(outro) = outro {
                paragraph(out, outro);
            }
        }
        BlockKind::Photo { photo } => {
            if let Some(photo) = t.photo(*photo) {
                let mut line = format!("[Photo {}] {}", photo.number, photo.caption.trim());
                if let Some(credit) = photo.credit.as_deref().filter(|c| !c.trim().is_empty()) {
                    let _ = write!(line, " (Photo: {})", credit.trim());
                }
                paragraph(out, &line);
            }
        }
        BlockKind::Speech {
            speech,
            first,
            count,
        } => {
            let Some(speech) = t.speech(*speech) else {
                return;
            };
            if *first == 0 {
                underlined(out, &super::markdown::speaker_heading(t, speech), '-');
                out.push('\n');
            }
            let end = first.saturating_add(*count).min(speech.paragraphs.len());
            for text in speech.paragraphs.get(*first..end).unwrap_or_default() {
                paragraph(out, text);
            }
        }
        BlockKind::Elision { .. } => paragraph(out, "[…]"),
        BlockKind::Separator => paragraph(out, "* * *"),
        BlockKind::Tags { section } => {
            if let Some(section) = t.tags.get(*section) {
                paragraph(
                    out,
                    &format!("{}: {}", section.heading, section.values.join(", ")),
                );
            }
        }
        BlockKind::Link { url } => paragraph(out, &format!("Source: {}", url.trim())),
    }
}

/// A line and, under it, a rule of the same width.
fn underlined(out: &mut String, text: &str, rule: char) {
    let text = text.trim();
    out.push_str(text);
    out.push('\n');
    out.extend(std::iter::repeat_n(rule, text.chars().count().max(3)));
    out.push('\n');
}

fn paragraph(out: &mut String, text: &str) {
    out.push_str(text.trim());
    out.push_str("\n\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Block, Participant, ParticipantId, Photo, PhotoId, Speech, SpeechId, TagSection,
    };

    fn sample() -> Transcript {
        let block = |kind| Block { line: 0, kind };
        Transcript {
            title: "Harbour briefing".into(),
            date: Some("2024-04-02".into()),
            place: Some("Gdynia".into()),
            language: "en".into(),
            source_url: Some("https://example.org/b/17".into()),
            tags: vec![TagSection {
                heading: "Topics".into(),
                values: vec!["Ports".into(), "Rail".into()],
            }],
            participants: vec![Participant {
                id: ParticipantId(0),
                name: Some("Ann Lee".into()),
                role: Some("spokesperson".into()),
                aliases: vec![],
                generic: false,
                appearances: Default::default(),
            }],
            speeches: vec![Speech {
                times: crate::model::Timing::default(),
                id: SpeechId(0),
                speaker: ParticipantId(0),
                label: "MS. LEE".into(),
                paragraphs: vec!["Good morning.".into(), "# Works start in May.".into()],
            }],
            photos: vec![Photo {
                id: PhotoId(0),
                number: 2,
                of: None,
                caption: "The quay.".into(),
                credit: Some("Piotr Nowak".into()),
                participants: vec![],
                image: None,
            }],
            blocks: vec![
                block(BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 0,
                    count: 1,
                }),
                block(BlockKind::Photo { photo: PhotoId(0) }),
                block(BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 1,
                    count: 1,
                }),
                block(BlockKind::Elision { speech: None }),
                block(BlockKind::Tags { section: 0 }),
            ],
            ..Transcript::default()
        }
    }

    #[test]
    fn reads_as_plain_text_with_underlined_headings() {
        let text = to_text_with_note(&sample(), Some("Excerpt."));
        let expected = "Harbour briefing\n================\n\
            2 April 2024 · Gdynia\n\
            https://example.org/b/17\n\n\
            Excerpt.\n\n\
            Ann Lee, spokesperson\n---------------------\n\n\
            Good morning.\n\n\
            [Photo 2] The quay. (Photo: Piotr Nowak)\n\n\
            # Works start in May.\n\n\
            […]\n\n\
            Topics: Ports, Rail\n";
        assert_eq!(text, expected);
    }

    #[test]
    fn an_empty_transcript_still_has_a_title() {
        assert_eq!(
            to_text(&Transcript::default()),
            "Untitled transcript\n===================\n"
        );
    }
}
