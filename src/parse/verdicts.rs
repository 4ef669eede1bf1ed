//! What the user said about source lines, which the parser takes over its own reading: a
//! line is (or is not) a speaker label, a line is not text at all (page furniture the
//! furniture rules missed). Corrections hand these to [`super::parse_text_with`]; with none
//! the parse is exactly [`super::parse_text`].

use std::collections::{BTreeMap, BTreeSet};

/// Forced readings of source lines, by 1-based line number in the decoded text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LineVerdicts {
    /// Line → whether it opens a speaker turn.
    labels: BTreeMap<usize, bool>,
    /// Lines left out of the document.
    not_text: BTreeSet<usize>,
}

impl LineVerdicts {
    /// No verdicts: the parser reads every line by its own rules.
    pub fn is_empty(&self) -> bool {
        self.labels.is_empty() && self.not_text.is_empty()
    }

    /// Says whether line `line` is a speaker label (a later verdict on the same line wins).
    pub fn set_label(&mut self, line: usize, label: bool) {
        self.labels.insert(line, label);
    }

    /// Says that line `line` is not text.
    pub fn set_not_text(&mut self, line: usize) {
        self.not_text.insert(line);
    }

    /// The forced verdict on line `line`, if any: `Some(true)` it opens a turn,
    /// `Some(false)` it does not.
    pub fn label(&self, line: usize) -> Option<bool> {
        if self.labels.is_empty() {
            return None;
        }
        self.labels.get(&line).copied()
    }

    /// Whether line `line` was said not to be text.
    pub fn is_not_text(&self, line: usize) -> bool {
        !self.not_text.is_empty() && self.not_text.contains(&line)
    }

    /// The lines said not to be text, in order.
    pub fn not_text_lines(&self) -> impl Iterator<Item = usize> + '_ {
        self.not_text.iter().copied()
    }

    /// The lines with a label verdict, in order.
    pub fn label_lines(&self) -> impl Iterator<Item = (usize, bool)> + '_ {
        self.labels.iter().map(|(line, label)| (*line, *label))
    }
}
