//! A readable Markdown document: a heading per speech, photo captions in place.
//!
//! Text from the transcript is escaped only where Markdown would misread it: at the start
//! of a line ("1. ", "# ", "- ", "> " …) and before what looks like an HTML tag. Everything
//! else stays as written, so the file reads well as plain text too.

use std::fmt::Write as _;

use crate::model::{Attendee, BlockKind, Speech, Transcript};

/// Renders the transcript as Markdown.
pub fn to_markdown(transcript: &Transcript) -> String {
    to_markdown_with_note(transcript, None)
}

/// Renders the transcript as Markdown, with `note` in italics under the metadata line
/// (an excerpt says what it keeps).
pub fn to_markdown_with_note(transcript: &Transcript, note: Option<&str>) -> String {
    let mut out = String::new();
    let title = if transcript.title.trim().is_empty() {
        "Untitled transcript"
    } else {
        transcript.title.as_str()
    };
    out.push_str("# ");
    out.push_str(&escape_inline(title));
    out.push_str("\n\n");
    if let Some(meta) = metadata_line(transcript) {
        out.push_str(&meta);
        out.push_str("\n\n");
    }
    if let Some(note) = note.filter(|n| !n.trim().is_empty()) {
        let _ = write!(out, "*{}*\n\n", escape_inline(note.trim()));
    }
    for block in &transcript.blocks {
        render_block(transcript, &block.kind, &mut out);
    }
    // One newline at the end, whatever the last block was.
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// "*2023-11-23 · 15:40 · Minsk* · <https://…>".
fn metadata_line(t: &Transcript) -> Option<String> {
    let facts: Vec<&str> = [t.date.as_deref(), t.time.as_deref(), t.place.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    let mut parts = Vec::new();
    if !facts.is_empty() {
        parts.push(format!("*{}*", escape_inline(&facts.join(" · "))));
    }
    if let Some(url) = t.source_url.as_deref().filter(|u| !u.trim().is_empty()) {
        parts.push(link(url));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

fn render_block(t: &Transcript, kind: &BlockKind, out: &mut String) {
    match kind {
        // The title is the document heading already.
        BlockKind::Title { .. } => {}
        // The metadata line stands for the dateline once its date was understood.
        BlockKind::Dateline { text } => {
            if t.date.is_none() {
                paragraph(out, &format!("*{}*", escape_inline(text)));
            }
        }
        BlockKind::Lead { text } | BlockKind::Paragraph { text } => {
            paragraph(out, &escape_text(&notes_in_italics(text)));
        }
        BlockKind::Heading { text } => {
            paragraph(out, &format!("## {}", escape_inline(text)));
        }
        BlockKind::Attendees {
            intro,
            items,
            outro,
        } => render_attendees(intro.as_deref(), items, outro.as_deref(), out),
        BlockKind::Photo { photo } => {
            if let Some(photo) = t.photo(*photo) {
                let mut line = format!("> 📷 {} · {}", photo.number, escape_inline(&photo.caption));
                if let Some(credit) = photo.credit.as_deref().filter(|c| !c.trim().is_empty()) {
                    let _ = write!(line, " — *{}*", escape_inline(credit));
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
            // A speech interrupted by a photo is several runs; only the first gets a heading.
            if *first == 0 {
                paragraph(
                    out,
                    &format!("### {}", escape_inline(&speaker_heading(t, speech))),
                );
            }
            let end = first.saturating_add(*count).min(speech.paragraphs.len());
            for text in speech.paragraphs.get(*first..end).unwrap_or_default() {
                paragraph(out, &escape_text(&notes_in_italics(text)));
            }
        }
        BlockKind::Elision { .. } => paragraph(out, "<…>"),
        BlockKind::Separator => paragraph(out, "* * *"),
        BlockKind::Tags { section } => {
            if let Some(section) = t.tags.get(*section) {
                let values: Vec<String> = section.values.iter().map(|v| escape_inline(v)).collect();
                paragraph(
                    out,
                    &format!(
                        "**{}:** {}",
                        escape_inline(&section.heading),
                        values.join(", ")
                    ),
                );
            }
        }
        BlockKind::Link { url } => paragraph(out, &link(url)),
    }
}

fn render_attendees(
    intro: Option<&str>,
    items: &[Attendee],
    outro: Option<&str>,
    out: &mut String,
) {
    if let Some(intro) = intro {
        paragraph(out, &escape_text(intro));
    }
    if !items.is_empty() {
        for item in items {
            out.push_str("- ");
            out.push_str(&escape_text(&item.text));
            out.push('\n');
        }
        out.push('\n');
    }
    if let Some(outro) = outro {
        paragraph(out, &escape_text(outro));
    }
}

/// "Name, role"; a role-only or generic speaker ("Question (retranslated)") by its label.
pub(crate) fn speaker_heading(t: &Transcript, speech: &Speech) -> String {
    let label = speech.label.trim();
    match t.participant(speech.speaker) {
        Some(p) if p.generic && !label.is_empty() => label.to_owned(),
        Some(p) => match (p.name.as_deref(), p.role.as_deref()) {
            (Some(name), Some(role)) => format!("{name}, {role}"),
            (Some(name), None) => name.to_owned(),
            (None, Some(role)) => role.to_owned(),
            (None, None) if !label.is_empty() => label.to_owned(),
            (None, None) => "Unknown speaker".to_owned(),
        },
        None if !label.is_empty() => label.to_owned(),
        None => "Unknown speaker".to_owned(),
    }
}

/// A link shown as its address; angle brackets make it a link and keep it intact.
fn link(url: &str) -> String {
    let url = url.trim();
    if url.contains(['<', '>', ' ', '\n']) {
        escape_inline(url)
    } else {
        format!("<{url}>")
    }
}

/// The text with its stage directions ("(Laughter.)") in italics, as the reader sets them
/// apart.
fn notes_in_italics(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut from = 0;
    for (start, end) in crate::stage::stage_directions(text) {
        let (Some(before), Some(note)) = (text.get(from..start), text.get(start..end)) else {
            continue;
        };
        out.push_str(before);
        out.push('*');
        out.push_str(note);
        out.push('*');
        from = end;
    }
    out.push_str(text.get(from..).unwrap_or_default());
    out
}

/// Appends a paragraph and the blank line that ends it.
fn paragraph(out: &mut String, text: &str) {
    out.push_str(text);
    out.push_str("\n\n");
}

/// Escapes a block of text: each line's start and inline HTML-like tags.
pub(crate) fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&escape_line_start(&escape_inline(line)));
    }
    out
}

/// A backslash before what would make the line a heading, quote, list, rule, table or
/// code fence.
fn escape_line_start(line: &str) -> String {
    let body = line.trim_start();
    let indent = line.len() - body.len();
    let (lead, body) = line.split_at(indent);
    // Indented four spaces or more, Markdown would make it code: drop the indent.
    let lead = if indent >= 4 { "" } else { lead };
    let first = body.chars().next();
    let needs_escape = match first {
        Some('#' | '>' | '|' | '=' | '`' | '~') => true,
        Some('-' | '+' | '*') => {
            body.chars().nth(1).is_none_or(char::is_whitespace) || is_rule(body)
        }
        _ => false,
    };
    if needs_escape {
        return format!("{lead}\\{body}");
    }
    // "1. " or "1) " would start an ordered list.
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = body.get(digits..).unwrap_or_default();
        let mut chars = rest.chars();
        if let (Some(mark @ ('.' | ')')), next) = (chars.next(), chars.next())
            && next.is_none_or(char::is_whitespace)
        {
            let number = body.get(..digits).unwrap_or_default();
            let after = rest.get(1..).unwrap_or_default();
            return format!("{lead}{number}\\{mark}{after}");
        }
    }
    format!("{lead}{body}")
}

/// "***", "- - -" and the like: a thematic break.
fn is_rule(body: &str) -> bool {
    let marks: Vec<char> = body.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && marks.iter().all(|c| Some(c) == marks.first())
}

/// A backslash before "<" when it would open an HTML tag or autolink, so text shows as
/// written ("<…>" and "a < b" need none).
pub(crate) fn escape_inline(text: &str) -> String {
    if !text.contains('<') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + 4);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '<'
            && chars
                .peek()
                .is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?'))
        {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stage_directions_are_in_italics() {
        assert_eq!(
            notes_in_italics("I know. (Laughter.) I know."),
            "I know. *(Laughter.)* I know."
        );
        assert_eq!(notes_in_italics("(Applause.)"), "*(Applause.)*");
        assert_eq!(
            notes_in_italics("The Union (and Kestria)."),
            "The Union (and Kestria)."
        );
    }
    use crate::model::{Block, Participant, ParticipantId, Photo, PhotoId, SpeechId, TagSection};

    fn person(id: u32, name: Option<&str>, role: Option<&str>) -> Participant {
        Participant {
            id: ParticipantId(id),
            name: name.map(str::to_owned),
            role: role.map(str::to_owned),
            aliases: vec![],
            generic: false,
            appearances: Default::default(),
        }
    }

    fn block(kind: BlockKind) -> Block {
        Block { line: 0, kind }
    }

    fn sample() -> Transcript {
        Transcript {
            title: "Summit of the Northern Council".into(),
            date: Some("2024-03-05".into()),
            time: Some("11:20".into()),
            place: Some("Tallinn".into()),
            language: "en".into(),
            source_url: Some("https://example.org/events/1".into()),
            tags: vec![TagSection {
                heading: "Topics".into(),
                values: vec!["Trade".into(), "Energy".into()],
            }],
            participants: vec![
                person(0, Some("Maria Sorensen"), Some("Prime Minister")),
                person(1, None, Some("Deputy Chief of Staff")),
            ],
            speeches: vec![Speech {
                times: crate::model::Timing::default(),
                id: SpeechId(0),
                speaker: ParticipantId(0),
                label: "Prime Minister Maria Sorensen".into(),
                paragraphs: vec![
                    "Colleagues, welcome.".into(),
                    "1. Trade comes first.".into(),
                    "# not a heading".into(),
                ],
            }],
            photos: vec![Photo {
                id: PhotoId(0),
                number: 4,
                of: Some(9),
                caption: "Before the meeting.".into(),
                credit: Some("Jon Berg, Nordic Press".into()),
                participants: vec![ParticipantId(0)],
                image: None,
            }],
            blocks: vec![
                block(BlockKind::Title {
                    text: "Summit of the Northern Council".into(),
                }),
                block(BlockKind::Dateline {
                    text: "March 5, 2024, 11:20, Tallinn".into(),
                }),
                block(BlockKind::Lead {
                    text: "The council met.".into(),
                }),
                block(BlockKind::Attendees {
                    intro: Some("Also present:".into()),
                    items: vec![
                        Attendee {
                            text: "Prime Minister Maria Sorensen".into(),
                            participant: Some(ParticipantId(0)),
                        },
                        Attendee {
                            text: "the Deputy Chief of Staff".into(),
                            participant: Some(ParticipantId(1)),
                        },
                    ],
                    outro: None,
                }),
                block(BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 0,
                    count: 1,
                }),
                block(BlockKind::Photo { photo: PhotoId(0) }),
                block(BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 1,
                    count: 2,
                }),
                block(BlockKind::Elision { speech: None }),
                block(BlockKind::Separator),
                block(BlockKind::Tags { section: 0 }),
                block(BlockKind::Link {
                    url: "https://example.org/events/1".into(),
                }),
            ],
        }
    }

    #[test]
    fn renders_the_document_in_order() {
        let md = to_markdown(&sample());
        let expected = "# Summit of the Northern Council\n\n\
            *2024-03-05 · 11:20 · Tallinn* · <https://example.org/events/1>\n\n\
            The council met.\n\n\
            Also present:\n\n\
            - Prime Minister Maria Sorensen\n\
            - the Deputy Chief of Staff\n\n\
            ### Maria Sorensen, Prime Minister\n\n\
            Colleagues, welcome.\n\n\
            > 📷 4 · Before the meeting. — *Jon Berg, Nordic Press*\n\n\
            1\\. Trade comes first.\n\n\
            \\# not a heading\n\n\
            <…>\n\n\
            * * *\n\n\
            **Topics:** Trade, Energy\n\n\
            <https://example.org/events/1>\n";
        assert_eq!(md, expected);
    }

    #[test]
    fn one_heading_per_speech_not_per_run() {
        let md = to_markdown(&sample());
        assert_eq!(md.matches("### ").count(), 1);
    }

    #[test]
    fn dateline_shows_when_the_date_was_not_understood() {
        let mut t = sample();
        t.date = None;
        assert!(to_markdown(&t).contains("*March 5, 2024, 11:20, Tallinn*"));
    }

    #[test]
    fn line_starts_and_tags_are_escaped() {
        assert_eq!(escape_line_start("- dash"), "\\- dash");
        assert_eq!(escape_line_start("-dash"), "-dash");
        assert_eq!(escape_line_start("2023) was"), "2023\\) was");
        assert_eq!(escape_line_start("2023 was"), "2023 was");
        assert_eq!(escape_line_start("      code?"), "code?");
        assert_eq!(escape_inline("<script> a < b <…>"), "\\<script> a < b <…>");
    }

    #[test]
    fn dangling_ids_render_nothing_instead_of_panicking() {
        let mut t = sample();
        t.speeches.clear();
        t.photos.clear();
        t.tags.clear();
        let md = to_markdown(&t);
        assert!(!md.contains("###") && !md.contains("📷"));
    }
}
