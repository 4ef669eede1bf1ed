//! Speaker-turn labels: "Role Name : text", "Name: text", "В.Путин: text", "Question:",
//! "MR. SMITH:", a bare "Q", "Jane Doe (Some Constituency) (Party):" … and the lines that
//! only look like one ("Let me repeat:").
//!
//! A label is the text before the first colon of a line. It is accepted when it reads as a
//! name (ending with a capitalised word, initials allowed), a role-only word ("Question",
//! "Реплика", "The Speaker"), or an all-caps briefing label ("MR. SMITH"), and rejected
//! when it reads as a sentence (a verb or pronoun, sentence punctuation, a lowercase end),
//! a heading or note, a time, a web address or a quoted position. Inside a speech an
//! unknown label must look like a person's name.

use foldhash::{HashMap, HashSet};
use std::cell::RefCell;
use std::rc::Rc;

use super::introduction::introduction;
use super::label_words::{generic_key, is_generic_name, outside_brackets, surname_of};
use super::turn_shape::{MAX_LABEL_BYTES, Shape, judge, split_brackets};
use crate::text::fold;

/// What a line says about a speaker turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TurnVerdict {
    /// The line opens a turn.
    Turn(Turn),
    /// The line has a colon where a label would end, but is not a label; the reason says why.
    Rejected(String),
    /// Nothing label-like.
    None,
}

/// A speaker label and the text that follows it on the same line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// The label as written, without the colon ("Président de la Russie Vladimir Poutine").
    pub label: String,
    /// A role-only label ("Question", "Remark", "Journaliste (question retraduite)").
    pub generic: bool,
    /// The text after the label (may be empty: the speech starts on the next line).
    pub rest: String,
}

/// A speaker label and the text after it, borrowed from the line: what the detector finds
/// before anything is copied (the joiner and most of the builder only need the verdict).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct TurnRef<'l> {
    /// The label as written, without the colon.
    pub label: &'l str,
    /// A role-only label.
    pub generic: bool,
    /// The text after the label.
    pub rest: &'l str,
}

impl TurnRef<'_> {
    /// The owned [`Turn`].
    pub(crate) fn to_turn(self) -> Turn {
        Turn {
            label: self.label.to_owned(),
            generic: self.generic,
            rest: self.rest.to_owned(),
        }
    }
}

/// Why a label was rejected, without a string allocated per rejection: most reasons are
/// fixed texts, and a memoised shape's reason is shared.
#[derive(Clone, Debug)]
pub(super) enum Reason {
    /// A fixed text.
    Text(&'static str),
    /// A text made for this label.
    Owned(String),
    /// A memoised shape's reason.
    Shared(Rc<str>),
}

impl Reason {
    fn into_string(self) -> String {
        match self {
            Reason::Text(text) => text.to_owned(),
            Reason::Owned(text) => text,
            Reason::Shared(text) => text.as_ref().to_owned(),
        }
    }
}

/// [`TurnVerdict`] borrowed from the line.
enum Found<'l> {
    Turn(TurnRef<'l>),
    Rejected(Reason),
    None,
}

impl Found<'_> {
    fn into_verdict(self) -> TurnVerdict {
        match self {
            Found::Turn(turn) => TurnVerdict::Turn(turn.to_turn()),
            Found::Rejected(reason) => TurnVerdict::Rejected(reason.into_string()),
            Found::None => TurnVerdict::None,
        }
    }
}

/// What the caller knows when it asks.
#[derive(Clone, Debug, Default)]
pub struct TurnContext<'a> {
    /// Labels already accepted in this document (folded with [`crate::text::fold`]).
    pub known_labels: &'a [String],
    /// Whether the line stands inside a speech (a label must then be stronger).
    pub in_speech: bool,
}

/// Decides whether `line` (already space-cleaned) opens a speaker turn.
///
/// Runs in time linear in the line (plus one comparison per known label) and never panics.
pub fn detect_turn(line: &str, ctx: &TurnContext) -> TurnVerdict {
    let ctx = Ctx {
        known: Known::List(ctx.known_labels),
        in_speech: ctx.in_speech,
        shapes: None,
    };
    detect(line, &ctx)
}

/// The turn `line` opens when the user says it is a speaker label, whatever the rules
/// think: the label is the text before the first colon (the whole line, final punctuation
/// aside, when it has none), and the rest follows it.
pub(crate) fn forced_turn(line: &str) -> TurnRef<'_> {
    let line = crate::text::trim(line);
    let (label, rest) = match split_label(line) {
        Some((label, rest)) if label.chars().any(char::is_alphanumeric) => (label, rest),
        _ => (line.trim_end_matches([':', '.', '\u{FF1A}']).trim_end(), ""),
    };
    let label = if label.is_empty() { line } else { label };
    TurnRef {
        label,
        generic: is_generic_name(label, &generic_key(label)),
        rest,
    }
}

/// [`forced_turn`], owned: what "How this was read" shows for a line the user called a label.
pub fn forced_label(line: &str) -> Turn {
    forced_turn(line).to_turn()
}

/// Turn detection over one document, line after line: the labels accepted so far are
/// indexed (a look-up, not a scan, whatever their number), and what each distinct label
/// looks like on its own is worked out once, since a transcript repeats a few labels on
/// thousands of lines. Gives the same verdicts as [`detect_turn`] with the same labels.
#[derive(Debug, Default)]
pub(crate) struct TurnDetector {
    known: KnownLabels,
    /// Labels as written that were already remembered: a repeated label is not folded again.
    remembered: HashSet<String>,
    shapes: RefCell<Shapes>,
}

/// The shape of each label judged so far (a rejection's reason shared, not copied).
pub(super) type Shapes = HashMap<String, Result<Shape, Rc<str>>>;

impl TurnDetector {
    /// What `line` says about a speaker turn, given the labels remembered so far (the
    /// parser asks [`Self::turn`]; this gives the reasons too, for the tests).
    #[cfg(test)]
    pub(crate) fn detect(&self, line: &str, in_speech: bool) -> TurnVerdict {
        self.find(line, in_speech).into_verdict()
    }

    /// The turn `line` opens, borrowed from it; `None` when it opens none.
    pub(crate) fn turn<'l>(&self, line: &'l str, in_speech: bool) -> Option<TurnRef<'l>> {
        match self.find(line, in_speech) {
            Found::Turn(turn) => Some(turn),
            Found::Rejected(_) | Found::None => None,
        }
    }

    /// Whether `line` opens a turn.
    pub(crate) fn is_turn(&self, line: &str, in_speech: bool) -> bool {
        self.turn(line, in_speech).is_some()
    }

    fn find<'l>(&self, line: &'l str, in_speech: bool) -> Found<'l> {
        let ctx = Ctx {
            known: Known::Index(&self.known),
            in_speech,
            shapes: Some(&self.shapes),
        };
        find(line, &ctx)
    }

    /// Remembers an accepted label (as written); later lines may repeat it or its surname.
    pub(crate) fn remember(&mut self, label: &str) {
        if self.remembered.contains(label) {
            return;
        }
        self.remembered.insert(label.to_owned());
        self.known.insert(fold(label));
    }

    /// How many distinct labels (folded) are remembered.
    pub(crate) fn known_count(&self) -> usize {
        self.known.labels.len()
    }
}

/// Folded labels accepted so far, and the surnames they end with.
#[derive(Clone, Debug, Default)]
pub(super) struct KnownLabels {
    labels: HashSet<String>,
    surnames: HashSet<String>,
}

impl KnownLabels {
    fn insert(&mut self, folded: String) {
        if let Some(surname) = surname_of(outside_brackets(&folded))
            && !self.surnames.contains(surname)
        {
            self.surnames.insert(surname.to_owned());
        }
        self.labels.insert(folded);
    }
}

/// The accepted labels a decision may consult: a caller's list, or a detector's index.
#[derive(Clone, Copy, Debug)]
pub(super) enum Known<'a> {
    List(&'a [String]),
    Index(&'a KnownLabels),
}

impl Known<'_> {
    pub(super) fn is_empty(self) -> bool {
        match self {
            Known::List(list) => list.is_empty(),
            Known::Index(index) => index.labels.is_empty(),
        }
    }

    pub(super) fn contains(self, folded: &str) -> bool {
        match self {
            Known::List(list) => list.iter().any(|k| k == folded),
            Known::Index(index) => index.labels.contains(folded),
        }
    }

    /// Whether a known label ends with this surname (see [`surname_of`]).
    pub(super) fn has_surname(self, surname: &str) -> bool {
        match self {
            Known::List(list) => list
                .iter()
                .any(|k| surname_of(outside_brackets(k)) == Some(surname)),
            Known::Index(index) => index.surnames.contains(surname),
        }
    }
}

/// What one decision may consult.
pub(super) struct Ctx<'a> {
    /// The labels accepted so far.
    pub(super) known: Known<'a>,
    /// Whether the line stands inside a speech.
    pub(super) in_speech: bool,
    /// Shapes of the labels judged before, when the caller keeps them.
    pub(super) shapes: Option<&'a RefCell<Shapes>>,
}

fn detect(line: &str, ctx: &Ctx) -> TurnVerdict {
    find(line, ctx).into_verdict()
}

fn find<'l>(line: &'l str, ctx: &Ctx) -> Found<'l> {
    let line = crate::text::trim(line);
    if line.is_empty() {
        return Found::None;
    }
    if let Some(turn) = bare_q(line).or_else(|| bare_a(line, ctx)) {
        return Found::Turn(turn);
    }
    let Some((label, rest)) = split_label(line) else {
        return introduced(line, ctx).map_or(Found::None, Found::Turn);
    };
    if label.is_empty() || !label.chars().any(char::is_alphanumeric) {
        return Found::None;
    }
    match judge(label, rest, ctx) {
        // "Question: Lena Hart, Orla Daily. …?": the asker names themselves.
        Ok(true) => Found::Turn(introduction(rest).map_or(
            TurnRef {
                label,
                generic: true,
                rest,
            },
            |intro| TurnRef {
                label: intro.name,
                generic: false,
                rest,
            },
        )),
        Ok(generic) => Found::Turn(TurnRef {
            label,
            generic,
            rest,
        }),
        Err(reason) => match introduced(line, ctx) {
            Some(turn) => Found::Turn(turn),
            None => Found::Rejected(reason),
        },
    }
}

/// A line inside a speech that opens with a questioner's "Name, Outlet." and asks a
/// question: a turn by that person, the introduction kept in the text.
fn introduced<'l>(line: &'l str, ctx: &Ctx) -> Option<TurnRef<'l>> {
    if !ctx.in_speech {
        return None;
    }
    introduction(line).map(|intro| TurnRef {
        label: intro.name,
        generic: false,
        rest: line,
    })
}

/// Whether a label (as written or folded) is role-only: "Question", "Реплика",
/// "Journaliste (question retraduite)", "Q", "Hon. Members".
pub fn is_generic_label(label: &str) -> bool {
    if label.trim() == "A" {
        return true;
    }
    match split_brackets(label) {
        Ok(parts) => is_generic_name(&parts.name, &generic_key(&parts.name)),
        Err(_) => false,
    }
}

/// A briefing's "Q", alone or followed by the question without a colon ("Q Thanks, Dana.").
fn bare_q(line: &str) -> Option<TurnRef<'_>> {
    let after = line.strip_prefix('Q')?;
    let after = after.strip_prefix('.').unwrap_or(after);
    if after.is_empty() {
        return Some(TurnRef {
            label: "Q",
            generic: true,
            rest: "",
        });
    }
    let rest = after.strip_prefix(' ')?.trim_start();
    let first = rest.chars().next()?;
    // "Q fever spread …" is prose; a question starts with a capital, a digit or a quote.
    if first.is_lowercase() || first == ':' {
        return None;
    }
    Some(TurnRef {
        label: "Q",
        generic: true,
        rest,
    })
}

/// A deposition's answer, "A." or a lone "A", once the document has had "Q" turns: prose
/// opens with "A " too often to take it anywhere else.
fn bare_a<'l>(line: &'l str, ctx: &Ctx) -> Option<TurnRef<'l>> {
    let after = line.strip_prefix('A')?;
    let rest = if after.is_empty() || after == "." {
        ""
    } else {
        let rest = after.strip_prefix(". ")?.trim_start();
        if rest.chars().next().is_none_or(char::is_lowercase) {
            return None;
        }
        rest
    };
    if !ctx.known.contains("q") {
        return None;
    }
    Some(TurnRef {
        label: "A",
        generic: true,
        rest,
    })
}

/// Splits at the first colon within [`MAX_LABEL_BYTES`]: (label, text after).
fn split_label(line: &str) -> Option<(&str, &str)> {
    // A colon may start at byte MAX_LABEL_BYTES at the latest; the fullwidth colon takes
    // three bytes. Searching bytes finds the same first colon as walking the characters.
    let bytes = line.as_bytes();
    let window = bytes.get(..MAX_LABEL_BYTES + 3).unwrap_or(bytes);
    // An ASCII colon, or the lead byte of the fullwidth one (EF BC 9A), whichever is first.
    let wide = "\u{FF1A}".as_bytes();
    let (i, len) = memchr::memchr2_iter(b':', 0xEF, window).find_map(|at| {
        if window.get(at) == Some(&b':') {
            Some((at, 1))
        } else {
            (window.get(at..at + wide.len()) == Some(wide)).then_some((at, wide.len()))
        }
    })?;
    if i > MAX_LABEL_BYTES {
        return None;
    }
    let label = line.get(..i)?.trim_end();
    let rest = line.get(i + len..)?.trim_start();
    Some((label, rest))
}

#[cfg(test)]
mod tests;
