//! Page furniture removed: the second stage of the line pre-pass (see
//! [`super::normalize`]).
//!
//! A printed transcript repeats a running header or footer on every page ("OFFICIAL
//! TRANSCRIPT", "- 4 -") and counts its pages ("Page 3 of 40"). Such lines would read as
//! paragraphs, and would cut a paragraph that runs across a page in two. A line is
//! furniture when it is short, stands at a page boundary and repeats at least three times,
//! exactly or but for its numbers; outside typed documents only page counters qualify, so
//! a web transcript's repeated "Thank you." or "<…>" stay. Then each page break (the
//! removed lines with the blank lines around them) is dropped whole, so that the wrap
//! stage can join a paragraph cut by it.

use foldhash::{HashMap, HashMapExt};
use std::borrow::Cow;

use super::lines::{Line, State};
use super::normalize::words::{
    PAGE_WORDS_ASCII, PAGE_WORDS_OTHER, SPEECH_ENDS, STAGE_DIRECTION_OPENERS,
};
use super::turns::TurnDetector;
use crate::text::contains_ascii_ci;

#[cfg(test)]
mod tests;

/// Longest line considered as a page header or footer, in characters.
const MAX_FURNITURE_CHARS: usize = 100;

/// Fewest times a line must repeat to be page furniture.
const MIN_REPEATS: usize = 3;

/// Longest page counter looked at, in bytes ("Official Transcript — Page 12 of 140").
const MAX_PAGE_COUNTER_BYTES: usize = 80;

/// Removes page headers, footers and counters from `lines` (marked
/// [`State::Removed`]). `typed`: the document reads as a typed transcript (margin-numbered,
/// paged with form feeds or hard-wrapped), where any repeated short line at a page boundary
/// may be furniture; `margin_numbered`: its margin numbers were stripped, so that a line
/// without one stands outside the numbered text.
pub(crate) fn remove_page_furniture(lines: &mut [Line], typed: bool, margin_numbered: bool) {
    let candidates: Vec<(usize, Cow<'_, str>)> = lines
        .iter()
        .enumerate()
        .filter(|&(i, line)| {
            line.state == State::Text
                && ((typed && at_page_boundary(lines, i, margin_numbered))
                    || is_page_counter(&line.text))
        })
        .filter_map(|(i, line)| Some((i, furniture_shape(&line.text)?)))
        .collect();
    let mut repeats: HashMap<&str, usize> = HashMap::new();
    for (_, shape) in &candidates {
        *repeats.entry(shape).or_default() += 1;
    }
    let first_text = lines.iter().position(|l| l.state == State::Text);
    let turns = TurnDetector::default();
    // A running header repeats on every page: what its text says is worked out once.
    let mut verdicts: HashMap<&str, bool> = HashMap::new();
    let mut furniture = Vec::new();
    for (i, shape) in &candidates {
        let Some(text) = lines.get(*i).map(|l| l.text.as_str()) else {
            continue;
        };
        if repeats.get(shape.as_ref()).is_none_or(|&n| n < MIN_REPEATS)
            || (Some(*i) == first_text && !has_digit(text))
        {
            continue; // not repeated, or a running header that repeats the title
        }
        if *verdicts
            .entry(text)
            .or_insert_with(|| reads_as_furniture(text, &turns))
        {
            furniture.push(*i);
        }
    }
    for i in furniture {
        if let Some(line) = lines.get_mut(i) {
            line.state = State::Removed;
        }
    }
}

/// Whether line `i` stands at a page boundary: it holds a form feed, stands outside the
/// margin numbering, or has a page break, a blank line or the edge of the text before or
/// after it. Furniture stands only there, which keeps the lines counted few.
fn at_page_boundary(lines: &[Line], i: usize, margin_numbered: bool) -> bool {
    let breaks = |j: Option<usize>| {
        j.and_then(|j| lines.get(j))
            .is_none_or(|l| l.state != State::Text || l.form_feed)
    };
    lines.get(i).is_some_and(|l| {
        l.form_feed
            || (margin_numbered && !l.numbered)
            || breaks(i.checked_sub(1))
            || breaks(Some(i + 1))
    })
}

/// The line with every run of digits read as one '#', so that "Page 3 of 40" and
/// "Page 4 of 40" repeat the same shape; `None` for a line too long to be furniture.
fn furniture_shape(text: &str) -> Option<Cow<'_, str>> {
    if text.chars().count() > MAX_FURNITURE_CHARS {
        return None;
    }
    if !has_digit(text) {
        return Some(Cow::Borrowed(text));
    }
    let mut shape = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text.chars() {
        if !c.is_ascii_digit() {
            shape.push(c);
        } else if !in_digits {
            shape.push('#');
        }
        in_digits = c.is_ascii_digit();
    }
    Some(Cow::Owned(shape))
}

/// Whether `text` holds an ASCII digit.
fn has_digit(text: &str) -> bool {
    text.bytes().any(|b| b.is_ascii_digit())
}

/// "Page 3 of 40", "Стр. 3": a page counter whatever the document.
fn is_page_counter(text: &str) -> bool {
    text.len() <= MAX_PAGE_COUNTER_BYTES
        && has_digit(text)
        && (PAGE_WORDS_ASCII
            .iter()
            .any(|word| contains_ascii_ci(text, word))
            || (!text.is_ascii() && PAGE_WORDS_OTHER.iter().any(|word| text.contains(word))))
}

/// Whether a repeated short line at a page boundary can be page furniture, from its text
/// alone. Ornaments ("* * *", "<…>"), stage directions, repeated sentences and speaker
/// turns are not.
fn reads_as_furniture(text: &str, turns: &TurnDetector) -> bool {
    if !has_digit(text) && !text.chars().any(char::is_alphabetic) {
        return false; // "* * *", "<…>"
    }
    if text.starts_with(STAGE_DIRECTION_OPENERS) {
        return false; // "(Laughter.)", "[Pause]"
    }
    if !is_page_counter(text) && text.ends_with(SPEECH_ENDS) {
        return false; // a repeated sentence ("Thank you.") is speech
    }
    !turns.is_turn(text, false)
}

/// Drops each page break whole: a run of lines without text that holds a removed line
/// (furniture, a form feed) is removed with the blank lines in it, so that a paragraph cut
/// by a page break can be joined back.
pub(crate) fn drop_page_breaks(lines: &mut [Line]) {
    for run in lines.split_mut(|l| l.state == State::Text) {
        if run.iter().any(|l| l.state == State::Removed) {
            for line in run {
                line.state = State::Removed;
            }
        }
    }
}
