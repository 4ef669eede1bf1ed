//! Paragraphs separated by blank lines: then a single line break is a soft wrap, even
//! before a capital letter.
//!
//! Some transcripts put a blank line between paragraphs and break the lines inside a
//! paragraph wherever the writer's editor did ("…thirty years since the" / "Northern
//! Rivers Union was founded."). A reader joins every line of such a block into one
//! paragraph, except the lines that plainly stand on their own (see [`super::own_line`])
//! and the speaker turns. A web transcript, where each line is a paragraph of its own and
//! blank lines fall between groups of them, ends its lines with a full stop, a comma or a
//! name, never with a lowercase word in mid-sentence: it does not qualify.

use super::own_line::{is_list_item, stands_apart};
use super::{Paragraph, ends_sentence, hyphen_break, remember};
use crate::parse::lines::{Line, State};
use crate::parse::normalize::SourceLine;
use crate::parse::normalize::words::CLOSING_MARKS;
use crate::parse::turns::TurnDetector;

#[cfg(test)]
mod tests;

/// Fewest blocks of two lines or more between blank lines for the blank lines to be
/// read as the paragraph separator.
const MIN_MULTI_LINE_BLOCKS: usize = 3;

/// Fewest line breaks in mid-sentence (after a lowercase word) inside blocks for the
/// blank lines to be read as the paragraph separator.
const MIN_OPEN_BREAKS: usize = 3;

/// Whether blank lines separate the paragraphs of `lines`: at least three blocks between
/// blank lines hold several lines, and inside blocks a line more often stops in
/// mid-sentence, on a lowercase word (the next line going on with the sentence), than it
/// ends a sentence before a line that opens with a capital (a paragraph of its own), and
/// does so at least three times. Lines that stand on their own and speaker turns are not
/// counted either way.
pub(crate) fn blank_lines_separate_paragraphs(lines: &[Line]) -> bool {
    if multi_line_blocks(lines) < MIN_MULTI_LINE_BLOCKS {
        return false;
    }
    let turns = TurnDetector::default();
    let counted = |before: &str, text: &str| {
        !stands_apart(before) && !stands_apart(text) && !turns.is_turn(text, true)
    };
    let open = block_breaks(lines)
        .filter(|&(before, text)| {
            (hyphen_break(before, text) || ends_with_lowercase_word(before))
                && counted(before, text)
        })
        .count();
    if open < MIN_OPEN_BREAKS {
        // Most documents stop here: the lines of a web transcript end with punctuation.
        return false;
    }
    let closed = block_breaks(lines)
        .filter(|&(before, text)| {
            ends_sentence(before) && !starts_lowercase(text) && counted(before, text)
        })
        .take(open + 1)
        .count();
    open >= closed
}

/// The blocks between blank lines that hold two lines or more.
fn multi_line_blocks(lines: &[Line]) -> usize {
    let (mut blocks, mut block_len) = (0usize, 0usize);
    for line in lines.iter().filter(|l| l.state.is_kept()) {
        if line.state == State::Blank {
            blocks += usize::from(block_len >= 2);
            block_len = 0;
        } else {
            block_len += 1;
        }
    }
    blocks + usize::from(block_len >= 2)
}

/// Each line break inside a block: the text before it and the text after it.
fn block_breaks(lines: &[Line]) -> impl Iterator<Item = (&str, &str)> {
    let mut prev: Option<&str> = None;
    lines
        .iter()
        .filter(|l| l.state.is_kept())
        .filter_map(move |line| {
            if line.state == State::Blank {
                prev = None;
                return None;
            }
            let text = line.text.as_str();
            prev.replace(text).map(|before| (before, text))
        })
}

/// Joins each block between blank lines into paragraphs (see the module doc); a
/// paragraph keeps the number of its first line. Blank lines stay, as paragraph breaks;
/// removed and spacing lines go.
pub(crate) fn join_blocks(lines: Vec<Line>) -> Vec<SourceLine> {
    let mut joiner = BlockJoiner::default();
    let mut block = Vec::new();
    for line in lines {
        match line.state {
            State::Removed | State::Spacing => {}
            State::Text => block.push(line),
            State::Blank => {
                joiner.join(std::mem::take(&mut block));
                joiner.result.push(SourceLine {
                    number: line.number,
                    text: line.text,
                });
            }
        }
    }
    joiner.join(block);
    joiner.result
}

/// What the last line of a paragraph being joined is to the line after it.
#[derive(Copy, Clone, PartialEq, Eq)]
enum Last {
    /// A line of running text: the next line joins it.
    Prose,
    /// A list item: only a line that goes on in lowercase joins it (a wrapped item).
    ListItem,
    /// A line that stands on its own: nothing joins it.
    Apart,
}

/// The blocks joined so far, and the speaker labels met in them.
#[derive(Default)]
struct BlockJoiner {
    result: Vec<SourceLine>,
    turns: TurnDetector,
    /// A block with text has been joined: the document's header is behind.
    past_top: bool,
}

impl BlockJoiner {
    /// Joins one block (the text lines between two blank lines) into the result.
    fn join(&mut self, block: Vec<Line>) {
        if block.is_empty() {
            return;
        }
        // A block where no line ends with punctuation (a title, a place, a list of names)
        // holds no paragraph: its lines stay as they are.
        let prose = block
            .iter()
            .any(|l| !stands_apart(&l.text) && ends_with_punctuation(&l.text));
        // The top of the document: a title, a date, a place, each on its own line, until
        // the first line that reads as a sentence.
        let mut in_header = !self.past_top;
        self.past_top = true;
        let mut pending: Option<Paragraph> = None;
        let mut last = Last::Apart;
        for (k, line) in block.into_iter().enumerate() {
            let text = line.text.as_str();
            in_header =
                in_header && !ends_with_punctuation(text) && !ends_with_lowercase_word(text);
            let turn = self.opens_turn(text, k == 0);
            let kind = if is_list_item(text) {
                Last::ListItem
            } else if in_header || stands_apart(text) {
                Last::Apart
            } else {
                Last::Prose
            };
            let joins = prose
                && !turn
                && kind != Last::Apart
                && match last {
                    Last::Prose => kind == Last::Prose,
                    Last::ListItem => kind == Last::Prose && starts_lowercase(text),
                    Last::Apart => false,
                };
            match pending.as_mut() {
                Some(paragraph) if joins => paragraph.push(text),
                _ => {
                    self.result.extend(pending.take().map(Paragraph::finish));
                    pending = Some(Paragraph::new(line));
                }
            }
            // A joined list item goes on as a list item.
            if !(joins && last == Last::ListItem) {
                last = kind;
            }
        }
        self.result.extend(pending.map(Paragraph::finish));
    }

    /// Whether `text` opens a speaker turn, remembering its label. The first line of a
    /// block is read as a turn opens a paragraph; a later line must open with a capital
    /// and read as a turn inside a speech ("MR. SMITH:", "Q"), as most wrapped lines do
    /// not.
    fn opens_turn(&mut self, text: &str, first_in_block: bool) -> bool {
        if !first_in_block && starts_lowercase(text) {
            return false;
        }
        let Some(turn) = self.turns.turn(text, !first_in_block) else {
            return false;
        };
        remember(&mut self.turns, turn.label);
        true
    }
}

/// The line stops on a lowercase word ("…since the"): mid-sentence, for a list of names
/// or a title ends on a capitalised word.
fn ends_with_lowercase_word(text: &str) -> bool {
    text.chars().next_back().is_some_and(char::is_alphabetic)
        && text
            .rsplit(' ')
            .next()
            .and_then(|word| word.chars().next())
            .is_some_and(char::is_lowercase)
}

/// The line ends with a sentence's end or a comma, maybe inside closing quotes or
/// brackets: the way a paragraph ends, and a title does not.
fn ends_with_punctuation(text: &str) -> bool {
    ends_sentence(text) || text.trim_end_matches(CLOSING_MARKS).ends_with(',')
}

/// The line opens with a lowercase letter.
fn starts_lowercase(text: &str) -> bool {
    text.chars().next().is_some_and(char::is_lowercase)
}
