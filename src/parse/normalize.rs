//! Source text → clean lines: the line pre-pass, three stages in reading order.
//!
//! 1. [`super::lines`]: the text cut into numbered lines, odd spaces made plain, margin
//!    line numbers of typed transcripts stripped.
//! 2. [`super::furniture`]: running page headers and footers, page counters and page
//!    breaks removed.
//! 3. [`super::wrap`]: hard-wrapped lines joined back into paragraphs, read by the layout
//!    they show (blank lines between paragraphs, paragraph indents, a fixed width).
//!
//! Each stage decides once for the whole document, from counts taken over all its lines,
//! so a web transcript (one paragraph per line, photo captions numbered "3 …") comes out
//! line for line as it went in, and the pre-pass stays linear in the size of the text.

pub(super) mod words;

use super::furniture::{drop_page_breaks, remove_page_furniture};
use super::lines::{CleanLines, clean_lines};
use super::wrap::{join_lines, wrap_width};

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
    prepare_lines_with(text, &super::LineVerdicts::default())
}

/// [`prepare_lines`], leaving out the lines the user said are not text, as page furniture
/// is (after the page breaks are read, so the blank lines around them stay).
pub fn prepare_lines_with(text: &str, verdicts: &super::LineVerdicts) -> Vec<SourceLine> {
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
    for line in &mut lines {
        if verdicts.is_not_text(line.number) {
            line.state = super::lines::State::Removed;
        }
    }
    // The layout is measured again: the furniture no longer counts among the lines.
    join_lines(lines, margin_numbered)
}

#[cfg(test)]
mod tests;
