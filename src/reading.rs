//! "How this was read": every line of the source with what the parser took it for, so a
//! user can see why something looks wrong. Derived after parsing from the cleaned lines and
//! the blocks (each block knows the source line it starts at), so the parser itself carries
//! no bookkeeping for it.

use std::collections::HashSet;
use std::ops::Range;

use crate::model::{BlockKind, PhotoId, SpeechId, Transcript};
use crate::parse::chrome::Page;
use crate::parse::normalize::{SourceLine, prepare_lines_with};
use crate::parse::turns::{TurnContext, TurnVerdict, detect_turn, forced_label};
use crate::parse::{LineVerdicts, read_lines};
use crate::text::fold;

/// What the parser took one source line for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LineRole {
    /// An empty line.
    Blank,
    /// The document title.
    Title,
    /// The date, time and place line.
    Dateline,
    /// The lead paragraph.
    Lead,
    /// A sub-heading.
    Heading,
    /// A narrative paragraph outside any speech.
    Paragraph,
    /// A speaker label that opens a speech.
    SpeakerLabel,
    /// A paragraph of a speech.
    SpeechParagraph,
    /// A photo caption (or its credit line).
    Caption,
    /// The line that introduces a list of attendees.
    ListIntro,
    /// One attendee of a list.
    ListItem,
    /// The line after a list.
    ListOutro,
    /// An elision "<…>".
    Elision,
    /// A separator "* * *".
    Separator,
    /// A tag section's heading ("Geography").
    TagHeading,
    /// A tag value.
    TagValue,
    /// The source address.
    Link,
    /// A hard-wrapped line joined to the line above it.
    Joined,
    /// Page furniture: a page header, footer or page number, left out.
    Dropped,
}

impl LineRole {
    /// A short name for the role, as the panel shows it.
    pub fn name(&self) -> &'static str {
        match self {
            LineRole::Blank => "blank",
            LineRole::Title => "title",
            LineRole::Dateline => "dateline",
            LineRole::Lead => "lead",
            LineRole::Heading => "heading",
            LineRole::Paragraph => "paragraph",
            LineRole::SpeakerLabel => "speaker label",
            LineRole::SpeechParagraph => "speech paragraph",
            LineRole::Caption => "photo caption",
            LineRole::ListIntro => "list intro",
            LineRole::ListItem => "list item",
            LineRole::ListOutro => "list end",
            LineRole::Elision => "elision",
            LineRole::Separator => "separator",
            LineRole::TagHeading => "tag section",
            LineRole::TagValue => "tag",
            LineRole::Link => "source link",
            LineRole::Joined => "joined above",
            LineRole::Dropped => "left out",
        }
    }
}

/// Where clicking a line goes in the reader.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum LineTarget {
    /// A block of the flow outside speeches (index into `Transcript::blocks`).
    Block(usize),
    /// A speech (its label line).
    Speech(SpeechId),
    /// One paragraph of a speech.
    Paragraph {
        /// The speech.
        speech: SpeechId,
        /// Index into its paragraphs.
        index: usize,
    },
    /// A photo caption.
    Photo(PhotoId),
}

/// One source line and how it was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineReading {
    /// 1-based line number in the decoded text.
    pub number: usize,
    /// Byte range of the line in the decoded text (without the line break).
    pub range: Range<usize>,
    /// What the parser took it for.
    pub role: LineRole,
    /// Why, when the answer may surprise: a colon that is not a speaker label, a speaker
    /// named, a line left out.
    pub note: Option<String>,
    /// Where it stands in the reader.
    pub target: Option<LineTarget>,
}

/// Explains how `text` was read into `transcript` (which must be `parse_text(text)`).
/// Linear in the text; never panics, whatever the text and the transcript.
pub fn explain(text: &str, transcript: &Transcript) -> Vec<LineReading> {
    explain_with(text, transcript, &LineVerdicts::default())
}

/// [`explain`] for a transcript parsed with the user's verdicts on some lines
/// (`parse_text_with(text, verdicts)`): those lines say the reading is the user's.
pub fn explain_with(
    text: &str,
    transcript: &Transcript,
    verdicts: &LineVerdicts,
) -> Vec<LineReading> {
    let ranges = line_ranges(text);
    let cleaned = prepare_lines_with(text, verdicts);
    let starts: Vec<usize> = cleaned.iter().map(|l| l.number).collect();
    let page = read_lines(cleaned);
    let prepared = &page.lines;
    let mut out: Vec<LineReading> = ranges
        .iter()
        .enumerate()
        .map(|(i, range)| LineReading {
            number: i + 1,
            range: range.clone(),
            role: LineRole::Blank,
            note: None,
            target: None,
        })
        .collect();
    mark_left_out(text, prepared, &mut out);
    mark_chrome(&page, &starts, &mut out);
    for number in verdicts.not_text_lines() {
        if let Some(r) = out.get_mut(number.wrapping_sub(1)) {
            r.role = LineRole::Dropped;
            r.note = Some("not text (a correction)".to_owned());
        }
    }

    // The prepared lines each block covers: from its own line to the next block's.
    let at = |number: usize| prepared.partition_point(|l| l.number < number);
    let starts: Vec<usize> = transcript.blocks.iter().map(|b| at(b.line)).collect();
    let mut known_labels: Vec<String> = Vec::new();
    let mut known: HashSet<String> = HashSet::new();
    for (b, block) in transcript.blocks.iter().enumerate() {
        let Some(&start) = starts.get(b) else {
            continue;
        };
        let end = starts
            .get(b + 1..)
            .and_then(|rest| rest.iter().copied().find(|s| *s > start))
            .unwrap_or(prepared.len())
            .max(start);
        let lines: Vec<&SourceLine> = prepared
            .get(start..end)
            .unwrap_or_default()
            .iter()
            .filter(|l| !l.text.is_empty())
            .collect();
        match &block.kind {
            BlockKind::Speech {
                speech,
                first,
                count,
            } => {
                let mut index = *first;
                let mut lines = lines.into_iter();
                if *first == 0
                    && let Some(label_line) = lines.next()
                {
                    set(
                        &mut out,
                        label_line,
                        LineRole::SpeakerLabel,
                        Some(LineTarget::Speech(*speech)),
                    );
                    let ctx = TurnContext {
                        known_labels: &known_labels,
                        in_speech: false,
                    };
                    let forced = verdicts.label(label_line.number) == Some(true);
                    let verdict = if forced {
                        TurnVerdict::Turn(forced_label(&label_line.text))
                    } else {
                        detect_turn(&label_line.text, &ctx)
                    };
                    if let TurnVerdict::Turn(turn) = verdict {
                        let speaker = transcript
                            .speech(*speech)
                            .and_then(|s| transcript.participant(s.speaker))
                            .map_or("?", |p| p.display_name());
                        if let Some(r) = out.get_mut(label_line.number.wrapping_sub(1)) {
                            let by = if forced { " (a correction)" } else { "" };
                            r.note = Some(format!("{speaker}, labelled “{}”{by}", turn.label));
                        }
                        if !turn.rest.trim().is_empty() {
                            index += 1;
                        }
                        if known.insert(fold(&turn.label)) {
                            known_labels.push(fold(&turn.label));
                        }
                    }
                }
                for line in lines.take(count.saturating_sub(index - first)) {
                    let target = LineTarget::Paragraph {
                        speech: *speech,
                        index,
                    };
                    set(&mut out, line, LineRole::SpeechParagraph, Some(target));
                    explain_colon(&mut out, line, &known_labels, true);
                    index += 1;
                }
            }
            BlockKind::Attendees { intro, outro, .. } => {
                let n = lines.len();
                for (k, line) in lines.into_iter().enumerate() {
                    let role = if k == 0 && intro.is_some() {
                        LineRole::ListIntro
                    } else if k + 1 == n && outro.is_some() && n > 1 {
                        LineRole::ListOutro
                    } else {
                        LineRole::ListItem
                    };
                    set(&mut out, line, role, Some(LineTarget::Block(b)));
                }
            }
            BlockKind::Photo { photo } => {
                for line in lines {
                    set(
                        &mut out,
                        line,
                        LineRole::Caption,
                        Some(LineTarget::Photo(*photo)),
                    );
                }
            }
            BlockKind::Tags { .. } => {
                for (k, line) in lines.into_iter().enumerate() {
                    let role = if k == 0 {
                        LineRole::TagHeading
                    } else {
                        LineRole::TagValue
                    };
                    set(&mut out, line, role, Some(LineTarget::Block(b)));
                }
            }
            kind => {
                let role = match kind {
                    BlockKind::Title { .. } => LineRole::Title,
                    BlockKind::Dateline { .. } => LineRole::Dateline,
                    BlockKind::Lead { .. } => LineRole::Lead,
                    BlockKind::Heading { .. } => LineRole::Heading,
                    BlockKind::Elision { .. } => LineRole::Elision,
                    BlockKind::Separator => LineRole::Separator,
                    BlockKind::Link { .. } => LineRole::Link,
                    _ => LineRole::Paragraph,
                };
                let paragraph = matches!(role, LineRole::Paragraph | LineRole::Lead);
                for line in lines.into_iter().take(1) {
                    set(&mut out, line, role.clone(), Some(LineTarget::Block(b)));
                    if paragraph {
                        explain_colon(&mut out, line, &known_labels, false);
                    }
                }
            }
        }
    }
    for (number, label) in verdicts.label_lines() {
        if let (false, Some(r)) = (label, out.get_mut(number.wrapping_sub(1))) {
            r.note = Some("not a speaker label (a correction)".to_owned());
        }
    }
    out
}

fn set(out: &mut [LineReading], line: &SourceLine, role: LineRole, target: Option<LineTarget>) {
    if let Some(r) = out.get_mut(line.number.wrapping_sub(1)) {
        r.role = role;
        r.target = target;
    }
}

/// A paragraph line with a colon where a label would end: say why it is not a label.
fn explain_colon(
    out: &mut [LineReading],
    line: &SourceLine,
    known_labels: &[String],
    in_speech: bool,
) {
    // Only the head of the line can hold a label: skip the scan for lines without a colon.
    if !line.text.contains(':') {
        return;
    }
    let ctx = TurnContext {
        known_labels,
        in_speech,
    };
    let note = match detect_turn(&line.text, &ctx) {
        TurnVerdict::Rejected(reason) => format!("not a speaker label: {reason}"),
        _ => return,
    };
    if let Some(r) = out.get_mut(line.number.wrapping_sub(1)) {
        r.note = Some(note);
    }
}

/// Source lines that start no cleaned line: joined to the line above (a hard wrap), or
/// left out (page headers, footers, page numbers).
fn mark_left_out(text: &str, prepared: &[SourceLine], out: &mut [LineReading]) {
    let mut next = prepared.iter().peekable();
    let mut current: Option<&SourceLine> = None;
    for r in out.iter_mut() {
        while let Some(p) = next.peek() {
            if p.number <= r.number {
                current = next.next();
            } else {
                break;
            }
        }
        let starts_here = current.is_some_and(|c| c.number == r.number);
        if starts_here {
            continue;
        }
        let raw = text.get(r.range.clone()).unwrap_or("").trim();
        if raw.is_empty() {
            continue;
        }
        let words = raw.split_whitespace().last().unwrap_or("");
        let joined = current.is_some_and(|c| !c.text.is_empty() && c.text.contains(words));
        if joined {
            r.role = LineRole::Joined;
        } else {
            r.role = LineRole::Dropped;
            r.note = Some("page header, footer or number".to_owned());
        }
    }
}

/// Source lines the page-chrome rules took out or joined, with the rule that did it.
/// `starts` are the numbers of the cleaned lines the rules read: a line they took out
/// covers the source lines up to the next one (a hard wrap joined into it).
fn mark_chrome(page: &Page, starts: &[usize], out: &mut [LineReading]) {
    for removed in &page.removed {
        let next = starts
            .get(starts.partition_point(|&s| s <= removed.number))
            .copied()
            .unwrap_or(out.len() + 1);
        for number in removed.number..next {
            if let Some(r) = out.get_mut(number.wrapping_sub(1))
                && (number == removed.number || r.role != LineRole::Blank)
            {
                r.role = LineRole::Dropped;
                r.note = Some(removed.rule.describe().to_owned());
            }
        }
    }
    for &number in &page.joined {
        if let Some(r) = out.get_mut(number.wrapping_sub(1)) {
            r.role = LineRole::Joined;
            r.note = None;
        }
    }
}

/// Byte ranges of the lines of `text` (split on `\n`, a trailing `\r` left out).
fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        let mut stop = end;
        if text.as_bytes().get(stop.wrapping_sub(1)) == Some(&b'\r') && stop > start {
            stop -= 1;
        }
        ranges.push(start..stop);
        start = end + 1;
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_text;

    fn read(text: &str) -> Vec<(LineRole, Option<String>)> {
        let t = parse_text(text);
        explain(text, &t)
            .into_iter()
            .map(|r| (r.role, r.note))
            .collect()
    }

    #[test]
    fn a_kremlin_shape_page_is_read_line_by_line() {
        let text = "Meeting of the Council of Rivers\n\
                    5 June 2024, 10:00, Lakeport\n\
                    \n\
                    The heads of state met in Lakeport to discuss shipping.\n\
                    1 of 2 The delegations at the table. Photo: Jan Koval\n\
                    President of Orlavia Andrei Velsky: Colleagues, welcome.\n\
                    Let me repeat: the river belongs to all of us.\n\
                    We will keep it clean.\n\
                    2 of 2 A handshake on the terrace. Photo: Jan Koval\n\
                    <…>\n\
                    https://www.example.org/events/1\n";
        let roles = read(text);
        let names: Vec<&str> = roles.iter().map(|(r, _)| r.name()).collect();
        assert_eq!(
            names,
            [
                "title",
                "dateline",
                "blank",
                "lead",
                "photo caption",
                "speaker label",
                "speech paragraph",
                "speech paragraph",
                "photo caption",
                "elision",
                "source link",
                "blank"
            ]
        );
        assert_eq!(
            roles[5].1.as_deref(),
            Some("Andrei Velsky, labelled “President of Orlavia Andrei Velsky”")
        );
        let why = roles[6].1.as_deref().unwrap_or("");
        assert!(why.starts_with("not a speaker label"), "{why}");
    }

    #[test]
    fn page_chrome_is_left_out_with_the_rule_that_took_it() {
        let text = "Events\nMeeting with the governor\nVelsky: Welcome.\nPublication status\nDirect link: example.org/d/1\n";
        let t = crate::parse_text(text);
        let lines = explain(text, &t);
        let dropped: Vec<(usize, &str)> = lines
            .iter()
            .filter(|l| l.role == LineRole::Dropped)
            .map(|l| (l.number, l.note.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            dropped,
            [
                (1, "breadcrumb above the title"),
                (4, "site footer: publication details"),
                (5, "site footer: publication details")
            ]
        );
        assert_eq!(t.source_url.as_deref(), Some("https://example.org/d/1"));
    }

    #[test]
    fn clicking_a_paragraph_line_targets_that_paragraph() {
        let text = "Title line\n\nAnna Petrova: First.\nSecond.\nBoris Orlov: Third.\n";
        let t = parse_text(text);
        let lines = explain(text, &t);
        let targets: Vec<Option<LineTarget>> = lines.iter().map(|l| l.target).collect();
        let s0 = t.speeches.first().map(|s| s.id);
        let s1 = t.speeches.get(1).map(|s| s.id);
        assert_eq!(targets[2], s0.map(LineTarget::Speech));
        assert_eq!(
            targets[3],
            s0.map(|speech| LineTarget::Paragraph { speech, index: 1 })
        );
        assert_eq!(targets[4], s1.map(LineTarget::Speech));
    }

    #[test]
    fn any_text_gives_one_reading_per_line() {
        for text in ["", "\n", "a\r\nb", "x: y\n\n\n", "\u{feff}Ω\n:\n"] {
            let t = parse_text(text);
            let lines = explain(text, &t);
            assert_eq!(lines.len(), text.split('\n').count(), "{text:?}");
            for l in &lines {
                assert!(text.get(l.range.clone()).is_some());
            }
        }
    }

    proptest::proptest! {
        /// Any text, including label-like and wrapped lines, gives one valid reading per
        /// line and never panics.
        #[test]
        fn explain_holds_for_any_text(
            lines in proptest::collection::vec(
                "(Q|[A-Z][a-z]{0,8}( [A-Z][a-z]{0,8})?:)? ?[a-zé <…>*:0-9/]{0,40}",
                0..30,
            ),
            crlf in proptest::bool::ANY,
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let t = parse_text(&text);
            let read = explain(&text, &t);
            proptest::prop_assert_eq!(read.len(), text.split('\n').count());
            for l in &read {
                proptest::prop_assert!(text.get(l.range.clone()).is_some());
            }
        }
    }
}
