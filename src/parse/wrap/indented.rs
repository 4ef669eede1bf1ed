//! Paragraphs marked by indentation, as typed court and hearing transcripts mark them:
//! the running text starts at one column, and the first line of each paragraph (or turn)
//! is indented deeper. There the indent is the paragraph break: a deeper indent starts a
//! paragraph even after a line that stops in mid-sentence, and a line at the running
//! column goes on with the paragraph even after a full stop and before a capital, on the
//! same page or on the next. A list with hanging indents (an entry at the running column,
//! its next lines a little deeper) is read too: a line back at the running column after a
//! hanging line starts a new entry.
//!
//! Only margin-numbered lines are read so: the margin fixes the columns of the numbered
//! text, and a line outside it (a page header, a word index) has no place in its layout.

use crate::parse::lines::{Line, State};

#[cfg(test)]
mod tests;

/// Widest indent counted, in columns: deeper lines are counted as this.
const MAX_INDENT: usize = 200;

/// Smallest and largest step from the running column to a paragraph indent, in columns:
/// a hanging indent is one or two, a centred heading much deeper.
const MIN_STEP: usize = 3;
const MAX_STEP: usize = 24;

/// Fewest lines at the paragraph indent for the document to be read by its indents, and
/// the least share of the text lines they must be (one in this many).
const MIN_INDENTED_LINES: usize = 3;
const MAX_LINES_PER_INDENTED: usize = 25;

/// How a document indents its paragraphs (see the module doc).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct ParagraphIndent {
    /// The column most lines of text start at.
    running: usize,
    /// The column most deeper lines start at: the first line of a paragraph.
    paragraph: usize,
}

impl ParagraphIndent {
    /// The document's paragraph indent, when its margin-numbered lines show one: most of
    /// them start at one column, and at least three (and one in twenty-five) start at one
    /// deeper column, 3 to 24 columns deeper.
    pub(crate) fn of(lines: &[Line]) -> Option<ParagraphIndent> {
        let mut histogram = vec![0usize; MAX_INDENT + 1];
        let mut total = 0usize;
        for line in lines
            .iter()
            .filter(|l| l.state == State::Text && l.numbered)
        {
            if let Some(slot) = histogram.get_mut(line.indent.min(MAX_INDENT)) {
                *slot += 1;
            }
            total += 1;
        }
        let (running, running_count) = mode(&histogram, 0..=MAX_INDENT)?;
        let deeper = running + MIN_STEP..=(running + MAX_STEP).min(MAX_INDENT);
        let (paragraph, count) = mode(&histogram, deeper)?;
        (count >= MIN_INDENTED_LINES
            && count * MAX_LINES_PER_INDENTED >= total
            && running_count >= count)
            .then_some(ParagraphIndent { running, paragraph })
    }

    /// Whether a line at column `indent` starts a paragraph: it is nearer the paragraph
    /// indent than the running column.
    pub(crate) fn starts_paragraph(self, indent: usize) -> bool {
        indent.saturating_mul(2) >= self.running + self.paragraph
    }

    /// Whether a line at column `indent`, after a paragraph whose last line started at
    /// `last_indent`, goes on with that paragraph: it is not indented as a paragraph's
    /// first line, and does not step back to the running column from a hanging line.
    pub(crate) fn continues(self, last_indent: usize, indent: usize) -> bool {
        let hanging = last_indent > self.running && !self.starts_paragraph(last_indent);
        let steps_back = hanging && indent < last_indent;
        !(self.starts_paragraph(indent) || steps_back)
    }
}

/// The most common value in `range` of `histogram`, with its count; the first of equals,
/// and `None` when all are zero.
fn mode(histogram: &[usize], range: std::ops::RangeInclusive<usize>) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for column in range {
        let count = histogram.get(column).copied().unwrap_or(0);
        if count > 0 && best.is_none_or(|(_, most)| count > most) {
            best = Some((column, count));
        }
    }
    best
}
