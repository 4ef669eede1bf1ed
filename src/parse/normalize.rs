//! Source text → clean lines: the line pre-pass, three stages in reading order.
//!
//! 1. [`super::lines`]: the text cut into numbered lines, odd spaces made plain, margin
//!    line numbers of typed transcripts stripped.
//! 2. [`super::furniture`]: running page headers and footers, page counters and page
//!    breaks removed.
//! 3. [`super::wrap`]: hard-wrapped lines joined back into paragraphs.
//!
//! Each stage decides once for the whole document, from counts taken over all its lines,
//! so a web transcript (one paragraph per line, photo captions numbered "3 …") comes out
//! line for line as it went in, and the pre-pass stays linear in the size of the text.

pub(super) mod words;

use super::furniture::{drop_page_breaks, remove_page_furniture};
use super::lines::{CleanLines, clean_lines};
use super::wrap::{join_wrapped, kept_lines, wrap_width};

/// One cleaned line with the 1-based number of the source line where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// 1-based line number in the decoded text.
    pub number: usize,
    /// The text, space-cleaned (see [`crate::text::clean_spaces`]); empty for a blank line.
    pub text: String,
}

/// Splits and cleans `text` (already decoded, `\n` line endings). Typed-transcript shapes are
/// undone: margin line numbers stripped, page headers, footers and form feeds dropped, and
/// hard-wrapped lines joined (a joined line keeps the number of its first source line).
pub fn prepare_lines(text: &str) -> Vec<SourceLine> {
    let CleanLines {
        mut lines,
        margin_numbered,
    } = clean_lines(text);
    // A typed transcript shows itself by its margin numbers, its form feeds or its wrap;
    // only there can any repeated short line be a running header.
    let typed =
        margin_numbered || lines.iter().any(|l| l.form_feed) || wrap_width(&lines).is_some();
    remove_page_furniture(&mut lines, typed, margin_numbered);
    drop_page_breaks(&mut lines);
    // Measured again: the furniture no longer counts among the lines.
    match wrap_width(&lines) {
        Some(width) => join_wrapped(lines, width),
        None => kept_lines(lines),
    }
}

/// The prepared lines as the block builder reads them: by index, each borrowed.
pub(crate) struct Lines<'a> {
    lines: &'a [SourceLine],
}

/// A prepared line, borrowed (see [`Lines`]).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineRef<'a> {
    /// 1-based line number in the decoded text.
    pub number: usize,
    /// The text, space-cleaned; empty for a blank line.
    pub text: &'a str,
}

impl<'a> Lines<'a> {
    /// A view of `lines`, as [`prepare_lines`] gave them.
    pub(crate) fn new(lines: &'a [SourceLine]) -> Self {
        Lines { lines }
    }

    pub(crate) fn len(&self) -> usize {
        self.lines.len()
    }

    /// Line `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<LineRef<'a>> {
        self.lines.get(i).map(line_ref)
    }

    /// The lines from `i` on, in order.
    pub(crate) fn iter_from(&self, i: usize) -> impl Iterator<Item = LineRef<'a>> + '_ {
        self.lines.get(i..).unwrap_or_default().iter().map(line_ref)
    }

    /// All the lines, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = LineRef<'a>> + '_ {
        self.iter_from(0)
    }
}

fn line_ref(line: &SourceLine) -> LineRef<'_> {
    LineRef {
        number: line.number,
        text: &line.text,
    }
}

#[cfg(test)]
mod tests;
