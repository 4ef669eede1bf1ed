//! Decoded text → numbered, space-cleaned lines, margin line numbers stripped: the first
//! stage of the line pre-pass (see [`super::normalize`]).
//!
//! Every line keeps its 1-based number in the text. Odd spaces are made plain (see
//! [`clean_spaces`]); a form feed or a stray carriage return reads as a space, and a line
//! that held a form feed is marked, since it breaks a page (see [`super::furniture`]).
//!
//! Typed transcripts (hearings, court records) print a number in the margin of every line,
//! restarting on each page. Whether a document is margin-numbered is decided once, from
//! counts over all its lines, so that a web transcript's numbered photo captions
//! ("3 Caption. Photo: …") and sentences that start with a number keep their numbers.

use super::normalize::words::{PHOTO_WORDS_ASCII, PHOTO_WORDS_OTHER};
use crate::text::{clean_spaces, contains_ascii_ci};

#[cfg(test)]
mod tests;

/// What a line is to the later stages.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum State {
    /// A line with text.
    Text,
    /// An empty line: a paragraph break.
    Blank,
    /// Page furniture, a form feed or a page break: left out of the result.
    Removed,
    /// An unnumbered blank line between margin-numbered lines (double spacing): left out,
    /// and no paragraph break.
    Spacing,
}

impl State {
    /// Whether the line is in the result (as text or as a paragraph break).
    pub(crate) fn is_kept(self) -> bool {
        matches!(self, State::Text | State::Blank)
    }
}

/// A cleaned source line, with what the furniture and wrap stages read besides its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Line {
    /// 1-based line number in the decoded text.
    pub(crate) number: usize,
    /// The text, space-cleaned and without its margin number; empty for a blank line.
    pub(crate) text: String,
    /// What the line is; later stages mark lines removed.
    pub(crate) state: State,
    /// The source line held a form feed: a page starts here.
    pub(crate) form_feed: bool,
    /// A margin number was stripped from it.
    pub(crate) numbered: bool,
    /// The column its text starts at in the source line (a tab stops at the next multiple
    /// of eight), after the margin number once that is stripped: typed transcripts mark a
    /// new paragraph by indenting its first line (see [`super::wrap`]).
    pub(crate) indent: usize,
}

/// The lines of a text, and whether their margin numbers were stripped.
#[derive(Debug)]
pub(crate) struct CleanLines {
    /// Every source line, in order.
    pub(crate) lines: Vec<Line>,
    /// The document is margin-numbered (see [`strip_margin_numbers`]).
    pub(crate) margin_numbered: bool,
}

/// Cuts `text` (decoded, `\n` line endings) into cleaned lines and strips margin numbers
/// when the document has them.
pub(crate) fn clean_lines(text: &str) -> CleanLines {
    // The text after the last line feed is a line too, even when empty.
    let mut lines: Vec<Line> = text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| clean_line(i + 1, raw))
        .collect();
    let margin_numbered = strip_margin_numbers(&mut lines);
    if margin_numbered {
        // The text now starts after the margin number: measured again from the source.
        for (line, raw) in lines.iter_mut().zip(text.split('\n')) {
            if line.numbered {
                line.indent = indent_after_margin(raw);
            }
        }
    }
    CleanLines {
        lines,
        margin_numbered,
    }
}

/// Source line `number`, whose text is `raw`, cleaned: form feeds and carriage returns
/// read as spaces, then [`clean_spaces`]. A line that held only a form feed is removed:
/// it is a page break, not a paragraph break.
fn clean_line(number: usize, raw: &str) -> Line {
    let form_feed = raw.contains('\x0C');
    let text = clean_text(raw);
    let state = match (text.is_empty(), form_feed) {
        (false, _) => State::Text,
        (true, true) => State::Removed,
        (true, false) => State::Blank,
    };
    Line {
        number,
        text,
        state,
        form_feed,
        numbered: false,
        indent: leading_columns(raw, 0).0,
    }
}

/// Columns of whitespace at the start of `raw`, counted from column `start` (a tab stops
/// at the next multiple of eight), and the bytes they take.
fn leading_columns(raw: &str, start: usize) -> (usize, usize) {
    let mut column = start;
    for (at, c) in raw.char_indices() {
        match c {
            '\t' => column = (column / 8 + 1) * 8,
            c if c.is_whitespace() => column += 1,
            _ => return (column, at),
        }
    }
    (column, raw.len())
}

/// The column the text of a margin-numbered source line starts at, after its number and
/// the whitespace around it.
fn indent_after_margin(raw: &str) -> usize {
    let (column, at) = leading_columns(raw, 0);
    let rest = raw.get(at..).unwrap_or("");
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    leading_columns(rest.get(digits..).unwrap_or(""), column + digits).0
}

/// [`clean_spaces`] of `raw` with form feeds and carriage returns read as spaces.
fn clean_text(raw: &str) -> String {
    if raw.is_ascii() {
        // In ASCII the odd spaces are the tab, the form feed and the carriage return, and
        // nothing is dropped: the cleaned line is the words, one space apart. Most lines
        // are ASCII, and this is several times faster than going char by char.
        let mut out = String::with_capacity(raw.len());
        for word in raw.split_ascii_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        return out;
    }
    if raw.contains(['\x0C', '\r']) {
        clean_spaces(&raw.replace(['\x0C', '\r'], " "))
    } else {
        clean_spaces(raw)
    }
}

/// A line's margin number ("12 Senator, …"), read from its cleaned text.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
struct Margin {
    /// One or two digits.
    number: u32,
    /// What follows names a photo: a numbered caption, not a margin.
    photo: bool,
    /// Bytes of the number and the whitespace after it.
    cut: usize,
}

/// Longest margin (the number and the whitespace after it) read, in bytes: a number
/// followed by more whitespace than this starts no margin.
const MAX_MARGIN_BYTES: usize = u16::MAX as usize;

impl Margin {
    /// The margin number `text` starts with: one or two digits, then a space or the end of
    /// the line.
    fn of(text: &str) -> Option<Margin> {
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&digits) {
            return None;
        }
        let (number, after) = text.split_at_checked(digits)?;
        if !(after.is_empty() || after.starts_with(' ')) {
            return None;
        }
        let rest = after.trim_start();
        let cut = text.len() - rest.len();
        if cut > MAX_MARGIN_BYTES {
            return None;
        }
        Some(Margin {
            number: number.parse().ok()?,
            photo: names_photo(rest),
            cut,
        })
    }
}

/// Whether `text` names a photo ("Photo", "foto", "Фото"): what follows a number that is
/// a caption's, not a margin's.
fn names_photo(text: &str) -> bool {
    PHOTO_WORDS_ASCII
        .iter()
        .any(|word| contains_ascii_ci(text, word))
        || (!text.is_ascii() && PHOTO_WORDS_OTHER.iter().any(|word| text.contains(word)))
}

/// What [`strip_margin_numbers`] counts over the lines with text.
#[derive(Default, Debug, PartialEq, Eq)]
struct MarginCounts {
    text_lines: usize,
    numbered: usize,
    /// Numbered lines whose number follows the one before (or restarts at 1).
    in_sequence: usize,
    photo_like: usize,
}

impl MarginCounts {
    /// The counts over `margins`, the margin of each line with text.
    fn of(margins: &[Option<Margin>]) -> MarginCounts {
        let mut counts = MarginCounts::default();
        let mut last = None;
        for margin in margins {
            counts.text_lines += 1;
            let Some(margin) = margin else {
                continue;
            };
            counts.numbered += 1;
            if last.is_some_and(|previous| follows(previous, margin.number)) {
                counts.in_sequence += 1;
            }
            last = Some(margin.number);
            counts.photo_like += usize::from(margin.photo);
        }
        counts
    }

    /// Most lines with text carry a margin number (at least five, and six in ten), three
    /// in four follow the one before, and few name a photo.
    fn says_margin_numbered(&self) -> bool {
        let steps = self.numbered.saturating_sub(1);
        self.numbered >= 5
            && self.numbered * 10 >= self.text_lines * 6
            && self.in_sequence * 4 >= steps * 3
            && self.photo_like * 10 < self.numbered * 3
    }
}

/// Margin number `n` follows `previous`: the next one, or 1 on a new page.
fn follows(previous: u32, n: u32) -> bool {
    n == previous + 1 || n == 1
}

/// Strips margin line numbers when most lines carry them in sequence (1, 2, 3 …,
/// restarting at 1 on each page); gives whether it did. Numbered photo captions are few
/// among the lines of a web transcript and name a photo credit, so they never qualify.
fn strip_margin_numbers(lines: &mut [Line]) -> bool {
    let margins: Vec<Option<Margin>> = lines
        .iter()
        .filter(|l| l.state == State::Text)
        .map(|l| Margin::of(&l.text))
        .collect();
    if !MarginCounts::of(&margins).says_margin_numbered() {
        return false;
    }
    let mut margins = margins.into_iter();
    for line in lines.iter_mut() {
        match line.state {
            // Typed transcripts number every line, blank ones included: an unnumbered
            // blank line is spacing (a double-spaced print), not a paragraph break.
            State::Blank => line.state = State::Spacing,
            State::Text => {
                if let Some(margin) = margins.next().flatten() {
                    line.text.drain(..margin.cut.min(line.text.len()));
                    line.numbered = true;
                    if line.text.is_empty() {
                        // A numbered empty line ("5"): a paragraph break.
                        line.state = State::Blank;
                    }
                }
            }
            State::Removed | State::Spacing => {}
        }
    }
    true
}
