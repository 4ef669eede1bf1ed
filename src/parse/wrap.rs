//! Hard-wrapped lines joined back into paragraphs: the last stage of the line pre-pass
//! (see [`super::normalize`]).
//!
//! A typed transcript breaks its paragraphs at a fixed width; the reader wants them whole.
//! A document is hard-wrapped when most of its lines are long, end near one width and
//! often stop mid-sentence; then a line continues the paragraph before it unless it
//! plainly starts something new (a speaker turn, a heading in capitals, a numbered
//! caption, an ornament) or the line before ended a sentence well short of the width.
//! A web transcript (one paragraph per line) is not hard-wrapped, and its lines stay as
//! they are.
//!
//! Two layouts say more than the line ends do. When blank lines separate the paragraphs,
//! every line of a block goes on with the paragraph, even before a capital (see
//! [`blank_separated`]). When a typed transcript indents the first line of each paragraph,
//! the indent alone starts a paragraph (see [`indented`]). And a page break never ends a
//! paragraph: a sentence cut by it is joined back.

use super::lines::{Line, State};
use super::normalize::SourceLine;
use super::normalize::words::{
    CAPTION_SERIES_JOINS, CLOSING_MARKS, CONTINUATION_OPENERS, SENTENCE_ENDS,
};
use super::turns::TurnDetector;
use blank_separated::{blank_lines_separate_paragraphs, join_blocks};
use indented::ParagraphIndent;

mod blank_separated;
mod indented;
mod own_line;
#[cfg(test)]
mod tests;

/// Narrowest and widest wrap widths, in characters: typed pages hold 40 to 200 characters a
/// line; a short web page of short lines is not a wrapped page.
const MIN_WRAP_WIDTH: usize = 40;
const MAX_WRAP_WIDTH: usize = 200;

/// Lines longer than this many characters are counted together in the length histogram.
const LENGTH_CAP: usize = 400;

/// Fewest lines with text a document needs for its wrap width to be measured.
const MIN_TEXT_LINES: usize = 6;

/// Most labels remembered while joining (enough for any real cast; bounds the work).
const MAX_KNOWN_LABELS: usize = 64;

/// The lines of the document joined into paragraphs by the layout they show: blocks
/// between blank lines (not in a margin-numbered transcript, where blank lines are
/// spacing), hard-wrapped lines, or the lines as they are.
pub(crate) fn join_lines(lines: Vec<Line>, margin_numbered: bool) -> Vec<SourceLine> {
    if !margin_numbered && blank_lines_separate_paragraphs(&lines) {
        return join_blocks(lines);
    }
    match wrap_width(&lines) {
        Some(width) => {
            let indent = ParagraphIndent::of(&lines);
            join_wrapped(lines, width, indent)
        }
        None => kept_lines(lines),
    }
}

/// The wrap width when the document is hard-wrapped: most lines are long and end near one
/// width (the 95th percentile of line lengths, 40–200 characters), and many of them (at
/// least three, and a fifth) end mid-sentence with the text going on in the next line.
pub(crate) fn wrap_width(lines: &[Line]) -> Option<usize> {
    // Only the lines in the result: the line after a long one is the next of these.
    let kept: Vec<(&Line, usize)> = lines
        .iter()
        .filter(|l| l.state.is_kept())
        .map(|l| (l, l.text.chars().count()))
        .collect();
    let text_lengths = kept
        .iter()
        .filter(|(l, _)| l.state == State::Text)
        .map(|&(_, len)| len);
    let width = percentile_95(text_lengths)?;
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return None;
    }
    let total = kept.iter().filter(|(l, _)| l.state == State::Text).count();
    let (mut long, mut open) = (0usize, 0usize);
    for (k, &(line, len)) in kept.iter().enumerate() {
        if line.state != State::Text || len * 10 < width * 6 {
            continue;
        }
        long += 1;
        let next_is_text = kept
            .get(k + 1)
            .is_some_and(|(next, _)| next.state == State::Text);
        if next_is_text && ends_open(&line.text) {
            open += 1;
        }
    }
    (long >= 5 && long * 2 >= total && open >= 3 && open * 5 >= long).then_some(width)
}

/// The 95th percentile of `lengths` (lengths past [`LENGTH_CAP`] counted as it), or `None`
/// for fewer than [`MIN_TEXT_LINES`] lengths.
fn percentile_95(lengths: impl Iterator<Item = usize>) -> Option<usize> {
    let mut histogram = vec![0usize; LENGTH_CAP + 1];
    for len in lengths {
        if let Some(slot) = histogram.get_mut(len.min(LENGTH_CAP)) {
            *slot += 1;
        }
    }
    let total: usize = histogram.iter().sum();
    if total < MIN_TEXT_LINES {
        return None;
    }
    let wanted = (total * 95).div_ceil(100);
    let mut seen = 0usize;
    for (len, count) in histogram.iter().enumerate() {
        seen += count;
        if seen >= wanted {
            return Some(len);
        }
    }
    Some(LENGTH_CAP)
}

/// The lines in the result, as they are: a document that is not hard-wrapped.
pub(crate) fn kept_lines(lines: Vec<Line>) -> Vec<SourceLine> {
    lines
        .into_iter()
        .filter(|l| l.state.is_kept())
        .map(|l| SourceLine {
            number: l.number,
            text: l.text,
        })
        .collect()
}

/// Joins hard-wrapped lines, wrapped at `width` characters, into paragraphs; a paragraph
/// keeps the number of its first line. Blank lines stay, as paragraph breaks; removed and
/// spacing lines go. `indent`: how the document indents its paragraphs, if it does.
pub(crate) fn join_wrapped(
    lines: Vec<Line>,
    width: usize,
    indent: Option<ParagraphIndent>,
) -> Vec<SourceLine> {
    let mut turns = TurnDetector::default();
    let mut result = Vec::new();
    let mut pending: Option<Paragraph> = None;
    // A page break (removed lines) lies between the paragraph's last line and the next.
    let mut page_break = false;
    for line in lines {
        match line.state {
            State::Removed => page_break = true,
            State::Spacing => {}
            State::Blank => {
                result.extend(pending.take().map(Paragraph::finish));
                result.push(SourceLine {
                    number: line.number,
                    text: line.text,
                });
            }
            State::Text => {
                let after_page_break = std::mem::take(&mut page_break);
                if let Some(paragraph) = pending.as_mut() {
                    let layout = Layout {
                        width,
                        indent,
                        after_page_break,
                    };
                    match continues(paragraph, &line, layout, &turns) {
                        Continuation::Join => {
                            paragraph.push(&line.text);
                            paragraph.last_indent = line.indent;
                            continue;
                        }
                        Continuation::Turn(label) => remember(&mut turns, label),
                        Continuation::Break => {}
                    }
                    result.extend(pending.take().map(Paragraph::finish));
                } else if let Some(turn) = turns.turn(&line.text, false) {
                    remember(&mut turns, turn.label);
                }
                pending = Some(Paragraph::new(line));
            }
        }
    }
    result.extend(pending.map(Paragraph::finish));
    result
}

/// Remembers the label of a turn, for [`continues`] to recognise it again (up to
/// [`MAX_KNOWN_LABELS`]).
fn remember(turns: &mut TurnDetector, label: &str) {
    if turns.known_count() < MAX_KNOWN_LABELS {
        turns.remember(label);
    }
}

/// A paragraph being joined from one or more source lines, with what [`continues`] reads
/// of its last line.
struct Paragraph {
    /// The number of its first source line.
    number: usize,
    /// The text joined so far.
    text: String,
    /// The last source line's length, in characters.
    last_len: usize,
    /// The last source line is in capitals (a heading, a caption): nothing joins it.
    last_caps: bool,
    /// The last source line stops mid-sentence (see [`ends_open`]).
    last_open: bool,
    /// The last source line ends a sentence (see [`ends_sentence`]).
    last_sentence_end: bool,
    /// The column the last source line starts at (see [`indented`]).
    last_indent: usize,
}

impl Paragraph {
    /// A paragraph that starts with `line`.
    fn new(line: Line) -> Paragraph {
        Paragraph {
            number: line.number,
            last_len: line.text.chars().count(),
            last_caps: is_all_caps(&line.text),
            last_open: ends_open(&line.text),
            last_sentence_end: ends_sentence(&line.text),
            last_indent: line.indent,
            text: line.text,
        }
    }

    /// Appends the next line: after a space, or straight on after a word broken at a
    /// hyphen ("inter-" + "national"; the hyphen stays before a capital, as in
    /// "Harbour-" + "Board").
    fn push(&mut self, next: &str) {
        if hyphen_break(&self.text, next) {
            if next.chars().next().is_some_and(char::is_lowercase) {
                self.text.pop();
            }
        } else {
            self.text.push(' ');
        }
        self.text.push_str(next);
        self.last_len = next.chars().count();
        // A line in capitals is never joined (see `continues`).
        self.last_caps = false;
        self.last_open = ends_open(next);
        self.last_sentence_end = ends_sentence(next);
    }

    fn finish(self) -> SourceLine {
        SourceLine {
            number: self.number,
            text: self.text,
        }
    }
}

/// How a line of text stands to the paragraph before it.
enum Continuation<'n> {
    /// It continues the paragraph.
    Join,
    /// It opens a turn with this label.
    Turn(&'n str),
    /// It starts a paragraph of its own.
    Break,
}

/// What [`continues`] knows of the document and of the place of a line in it.
#[derive(Copy, Clone)]
struct Layout {
    /// The wrap width, in characters.
    width: usize,
    /// How the document indents its paragraphs, if it does.
    indent: Option<ParagraphIndent>,
    /// A page break stands before the line.
    after_page_break: bool,
}

/// Whether `next_line` continues the paragraph `prev` in a document laid out as
/// `layout` says.
fn continues<'n>(
    prev: &Paragraph,
    next_line: &'n Line,
    layout: Layout,
    turns: &TurnDetector,
) -> Continuation<'n> {
    let next = next_line.text.as_str();
    let width = layout.width;
    if prev.last_caps || is_all_caps(next) || starts_caption(next) {
        return Continuation::Break;
    }
    let Some(first) = next.chars().next() else {
        return Continuation::Break;
    };
    if !(first.is_alphanumeric() || CONTINUATION_OPENERS.contains(&first)) {
        return Continuation::Break; // "<…>", "* * *", "- item"
    }
    // A turn opens with a capital ("MR. SMITH:", "Q", "В.Путин:"): most wrapped lines do not.
    if !first.is_lowercase()
        && let Some(turn) = turns.turn(next, true)
    {
        return Continuation::Turn(turn.label);
    }
    if let Some(indent) = layout.indent.filter(|_| next_line.numbered) {
        return if indent.continues(prev.last_indent, next_line.indent) {
            Continuation::Join
        } else {
            Continuation::Break
        };
    }
    if hyphen_break(&prev.text, next)
        || wrap_forced_break(prev, next, width)
        || page_break_continues(prev, layout.after_page_break)
    {
        return Continuation::Join;
    }
    let reads_on = first.is_lowercase() && (prev.last_open || prev.last_len * 10 >= width * 6);
    if !prev.last_sentence_end && reads_on {
        Continuation::Join
    } else {
        Continuation::Break
    }
}

/// A page break never ends a paragraph: after one, a line goes on with a paragraph whose
/// last line did not end a sentence, even when it opens with a capital ("…initials that
/// could belong to" / page break / "Harbourmaster Brandvik").
fn page_break_continues(prev: &Paragraph, after_page_break: bool) -> bool {
    after_page_break && !prev.last_sentence_end
}

/// The first word of `next` would not have fitted at the end of the paragraph's last
/// line: the break was the wrap's, not the writer's.
fn wrap_forced_break(prev: &Paragraph, next: &str, width: usize) -> bool {
    let first_word = next.split(' ').next().unwrap_or(next).chars().count();
    prev.last_len + 1 + first_word > width
}

/// "inter-" at the end of a line and a word at the start of the next.
fn hyphen_break(text: &str, next: &str) -> bool {
    let mut back = text.chars().rev();
    back.next() == Some('-')
        && back.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic)
}

/// The line stops mid-sentence: it ends with a letter, a digit or a hyphen.
fn ends_open(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// The line ends a sentence, maybe inside closing quotes or brackets.
fn ends_sentence(text: &str) -> bool {
    text.trim_end_matches(CLOSING_MARKS)
        .ends_with(SENTENCE_ENDS)
}

/// At least two letters, all capitals: a heading or a hearing caption.
fn is_all_caps(text: &str) -> bool {
    let mut letters = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// A numbered photo caption: "3 Caption…", "3/21 Caption…", "3 of 21 Caption…".
fn starts_caption(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return false;
    }
    let mut rest = text.get(digits..).unwrap_or("");
    let series = CAPTION_SERIES_JOINS
        .iter()
        .find_map(|join| rest.strip_prefix(join));
    if let Some(after) = series {
        let total = after.bytes().take_while(u8::is_ascii_digit).count();
        if total == 0 {
            return false;
        }
        rest = after.get(total..).unwrap_or("");
    }
    rest.strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}
