//! Outline: a compact, readable view of what the parser read — the metadata, one line per
//! block, then the participants. The golden tests snapshot it for every fixture, so a change
//! to a parser rule shows its effect on every shape as a diff a person can review.

use std::fmt::Write as _;

use crate::model::{Block, BlockKind, Participant, Span, Transcript};
use crate::stage::stage_directions;

/// Longest excerpt of a text shown on one line, in characters.
const EXCERPT_CHARS: usize = 72;

/// Renders the transcript's outline.
pub fn to_outline(t: &Transcript) -> String {
    let mut out = String::new();
    meta(t, &mut out);
    out.push_str("-- blocks\n");
    for block in &t.blocks {
        let _ = writeln!(out, "{:>4} {}", block.line, block_line(t, block));
    }
    out.push_str("-- participants\n");
    for p in &t.participants {
        participant_line(p, &mut out);
    }
    out
}

fn meta(t: &Transcript, out: &mut String) {
    let _ = writeln!(out, "title: {}", t.title);
    let facts = [
        ("date", t.date.as_deref()),
        ("time", t.time.as_deref()),
        ("place", t.place.as_deref()),
        ("url", t.source_url.as_deref()),
    ];
    for (name, value) in facts {
        if let Some(value) = value {
            let _ = writeln!(out, "{name}: {value}");
        }
    }
    let _ = writeln!(out, "language: {}", t.language);
    for section in &t.tags {
        let _ = writeln!(
            out,
            "tags {}: {}",
            section.heading,
            section.values.join(" | ")
        );
    }
}

fn block_line(t: &Transcript, block: &Block) -> String {
    match &block.kind {
        BlockKind::Title { text } => format!("TITLE {}", excerpt(text)),
        BlockKind::Dateline { text } => format!("DATELINE {}", excerpt(text)),
        BlockKind::Lead { text } => format!("LEAD {}", excerpt(text)),
        BlockKind::Heading { text } => format!("HEADING {}", excerpt(text)),
        BlockKind::Paragraph { text } if is_note(text) => format!("NOTE {}", excerpt(text)),
        BlockKind::Paragraph { text } => format!("PARAGRAPH {}", excerpt(text)),
        BlockKind::Attendees {
            intro,
            items,
            outro,
        } => {
            let mut line = String::from("LIST");
            if let Some(intro) = intro {
                let _ = write!(line, " [{}]", excerpt(intro));
            }
            for item in items {
                let who = item
                    .participant
                    .and_then(|id| t.participant(id))
                    .map_or("?", Participant::display_name);
                let _ = write!(line, "\n       - {} => {who}", excerpt(&item.text));
            }
            if let Some(outro) = outro {
                let _ = write!(line, "\n       [{}]", excerpt(outro));
            }
            line
        }
        BlockKind::Photo { photo } => match t.photo(*photo) {
            Some(p) => {
                let mut line = match p.of {
                    Some(of) => format!("PHOTO {}/{of} {}", p.number, excerpt(&p.caption)),
                    None => format!("PHOTO {} {}", p.number, excerpt(&p.caption)),
                };
                if let Some(credit) = &p.credit {
                    let _ = write!(line, " — {credit}");
                }
                let people = names(t, &p.participants);
                if !people.is_empty() {
                    let _ = write!(line, " {{{people}}}");
                }
                line
            }
            None => "PHOTO ?".to_owned(),
        },
        BlockKind::Speech {
            speech,
            first,
            count,
        } => match t.speech(*speech) {
            Some(s) => {
                let who = t
                    .participant(s.speaker)
                    .map_or_else(|| "?".to_owned(), speaker);
                let start = s.paragraphs.get(*first).map_or("", String::as_str);
                // Times only where the source has them, so untimed outlines read as before.
                let span = (*first..first.saturating_add(*count))
                    .filter_map(|i| s.times.paragraph(i))
                    .fold(Span::default(), Span::cover);
                let span = if span.is_empty() && *first == 0 {
                    s.times.span()
                } else {
                    span
                };
                let at = match (span.start, span.end) {
                    (Some(a), Some(b)) => {
                        format!(" @{}-{}", a.with_millis('.'), b.with_millis('.'))
                    }
                    (Some(a), None) => format!(" @{}", a.with_millis('.')),
                    _ => String::new(),
                };
                let mut line = format!(
                    "SPEECH {} {who} ¶ {count}{at}: {}",
                    speech.index() + 1,
                    excerpt(start)
                );
                let run = s
                    .paragraphs
                    .get(*first..first.saturating_add(*count).min(s.paragraphs.len()))
                    .unwrap_or_default();
                let notes: Vec<&str> = run
                    .iter()
                    .flat_map(|p| {
                        stage_directions(p)
                            .into_iter()
                            .filter_map(move |(a, b)| p.get(a..b))
                    })
                    .collect();
                if !notes.is_empty() {
                    let _ = write!(line, " ~ {}", excerpt(&notes.join(" ")));
                }
                line
            }
            None => "SPEECH ?".to_owned(),
        },
        BlockKind::Elision { speech } => match speech {
            Some(s) => format!("ELISION in speech {}", s.index() + 1),
            None => "ELISION".to_owned(),
        },
        BlockKind::Separator => "SEPARATOR".to_owned(),
        BlockKind::Tags { section } => match t.tags.get(*section) {
            Some(s) => format!("TAGS {} ({})", s.heading, s.values.len()),
            None => "TAGS ?".to_owned(),
        },
        BlockKind::Link { url } => format!("LINK {url}"),
    }
}

/// "Name (Role)", or the role alone.
fn speaker(p: &Participant) -> String {
    match (&p.name, &p.role) {
        (Some(name), Some(role)) => format!("{name} ({role})"),
        (Some(name), None) => name.clone(),
        (None, Some(role)) => format!("({role})"),
        (None, None) => "?".to_owned(),
    }
}

fn names(t: &Transcript, ids: &[crate::model::ParticipantId]) -> String {
    ids.iter()
        .filter_map(|id| t.participant(*id))
        .map(Participant::display_name)
        .collect::<Vec<_>>()
        .join(", ")
}

fn participant_line(p: &Participant, out: &mut String) {
    let a = &p.appearances;
    let mut line = format!("P{} {}", p.id.index() + 1, speaker(p));
    if p.generic {
        line.push_str(" [generic]");
    }
    let counts = [
        ("speeches", a.speeches.len()),
        ("photos", a.photos.len()),
        ("lists", a.lists.len()),
        ("mentions", a.mentions.len()),
    ];
    let counts: Vec<String> = counts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{what} {n}"))
        .collect();
    if !counts.is_empty() {
        let _ = write!(line, " · {}", counts.join(", "));
    }
    let aliases: Vec<&str> = p
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| Some(*a) != p.name.as_deref())
        .collect();
    if !aliases.is_empty() {
        let _ = write!(line, "\n       aka {}", aliases.join(" | "));
    }
    out.push_str(&line);
    out.push('\n');
}

/// The text on one line, cut to [`EXCERPT_CHARS`] characters with "…".
/// A paragraph that is a stage direction from end to end ("(10:04 a.m.)").
fn is_note(text: &str) -> bool {
    stage_directions(text)
        .first()
        .is_some_and(|&(a, b)| a == 0 && b >= text.trim_end().len())
}

fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(EXCERPT_CHARS) {
        Some((cut, _)) => format!("{}…", &flat[..cut]),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_transcript_reads_as_one_line_per_block() {
        let t = crate::parse_text(
            "Talks\n\n2 May 2024, 10:00, Varengrad\n\nAndrei Velsky: Welcome, colleagues.\nWe begin.\n",
        );
        let outline = to_outline(&t);
        assert!(
            outline.starts_with("title: Talks\ndate: 2024-05-02\n"),
            "{outline}"
        );
        assert!(
            outline.contains("SPEECH 1 Andrei Velsky ¶ 2: Welcome, colleagues."),
            "{outline}"
        );
        assert!(
            outline.contains("P1 Andrei Velsky · speeches 1"),
            "{outline}"
        );
    }

    #[test]
    fn long_texts_are_cut_with_an_ellipsis() {
        let long = "word ".repeat(40);
        let cut = excerpt(&long);
        assert_eq!(cut.chars().count(), EXCERPT_CHARS + 1);
        assert!(cut.ends_with('…'));
    }
}
