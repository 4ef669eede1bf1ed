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
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::LazyLock;

use crate::text::{contains_ascii_ci, fold};

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
enum Reason {
    Text(&'static str),
    Owned(String),
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
    /// Kept by a detector that starts in the middle of a document (see [`Misses`]).
    misses: Option<RefCell<Misses>>,
}

/// What a detector started in the middle of a document did not know: the labels it
/// learned, in order, and every line whose verdict asked for a label it did not know then.
/// Labels only add up, so a verdict that found its label known stands whatever came
/// before; the others are judged again once the labels of the part before are known
/// (see [`TurnDetector::agrees_after`]).
#[derive(Debug, Default)]
pub(crate) struct Misses {
    learned: Vec<String>,
    lines: Vec<Miss>,
    /// More lines than [`MAX_MISSES`] asked: they were not kept, and nothing is agreed.
    overflowed: bool,
}

/// Most lines a [`Misses`] keeps (a real transcript has a handful; this bounds the memory
/// a hostile one can make it take).
const MAX_MISSES: usize = 1024;

impl Misses {
    /// How many labels the detector remembered (as written, so at least as many as it
    /// knows folded).
    pub(crate) fn learned_count(&self) -> usize {
        self.learned.len()
    }
}

#[derive(Debug)]
struct Miss {
    line: String,
    in_speech: bool,
    /// How many of [`Misses::learned`] were known when the line was judged.
    learned: usize,
    /// The label, role-only flag and text after it, for a turn.
    verdict: Option<(String, bool, String)>,
}

/// The shape of each label judged so far (a rejection's reason shared, not copied).
type Shapes = HashMap<String, Result<Shape, Rc<str>>>;

/// Most distinct labels whose shape is kept (bounds the memory on hostile input; labels
/// past it are judged afresh each time, which is only slower).
const MAX_SHAPES: usize = 4096;

impl TurnDetector {
    /// A detector for a document read from the middle on: it notes what it did not know.
    pub(crate) fn from_middle() -> TurnDetector {
        TurnDetector {
            misses: Some(RefCell::default()),
            ..TurnDetector::default()
        }
    }

    /// What a [`Self::from_middle`] detector did not know (empty for any other).
    pub(crate) fn into_misses(self) -> Misses {
        self.misses.map(RefCell::into_inner).unwrap_or_default()
    }

    /// Whether every verdict noted in `misses` (of a detector that read on from where this
    /// one stops) is the same with this detector's labels known as well.
    pub(crate) fn agrees_after(&self, misses: &Misses) -> bool {
        if misses.overflowed {
            return false;
        }
        let mut known = self.known.clone();
        let mut learned = misses.learned.iter();
        let mut count = 0;
        misses.lines.iter().all(|miss| {
            for label in learned.by_ref().take(miss.learned.saturating_sub(count)) {
                known.insert(label.clone());
            }
            count = miss.learned;
            let ctx = Ctx {
                known: Known::Index(&known, None),
                in_speech: miss.in_speech,
                shapes: None,
            };
            let again = match find(&miss.line, &ctx) {
                Found::Turn(t) => Some((t.label, t.generic, t.rest)),
                Found::Rejected(_) | Found::None => None,
            };
            again
                == miss
                    .verdict
                    .as_ref()
                    .map(|(l, g, r)| (l.as_str(), *g, r.as_str()))
        })
    }

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
        let missed = Cell::new(false);
        let ctx = Ctx {
            known: Known::Index(&self.known, self.misses.is_some().then_some(&missed)),
            in_speech,
            shapes: Some(&self.shapes),
        };
        let found = find(line, &ctx);
        if missed.get()
            && let Some(misses) = &self.misses
        {
            let mut misses = misses.borrow_mut();
            if misses.lines.len() >= MAX_MISSES {
                misses.overflowed = true;
                return found;
            }
            let verdict = match &found {
                Found::Turn(t) => Some((t.label.to_owned(), t.generic, t.rest.to_owned())),
                Found::Rejected(_) | Found::None => None,
            };
            let learned = misses.learned.len();
            misses.lines.push(Miss {
                line: line.to_owned(),
                in_speech,
                learned,
                verdict,
            });
        }
        found
    }

    /// Remembers an accepted label (as written); later lines may repeat it or its surname.
    pub(crate) fn remember(&mut self, label: &str) {
        if self.remembered.contains(label) {
            return;
        }
        self.remembered.insert(label.to_owned());
        let folded = fold(label);
        if let Some(misses) = &self.misses {
            misses.borrow_mut().learned.push(folded.clone());
        }
        self.known.insert(folded);
    }

    /// How many distinct labels (folded) are remembered.
    pub(crate) fn known_count(&self) -> usize {
        self.known.labels.len()
    }
}

/// Folded labels accepted so far, and the surnames they end with.
#[derive(Clone, Debug, Default)]
struct KnownLabels {
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

/// The accepted labels a decision may consult: a caller's list, or a detector's index
/// (with a flag set when a label asked for is not known, see [`Misses`]).
#[derive(Clone, Copy, Debug)]
enum Known<'a> {
    List(&'a [String]),
    Index(&'a KnownLabels, Option<&'a Cell<bool>>),
}

impl Known<'_> {
    /// `known`, noting when it is false.
    fn noted(self, known: bool) -> bool {
        if let (false, Known::Index(_, Some(missed))) = (known, self) {
            missed.set(true);
        }
        known
    }

    fn is_empty(self) -> bool {
        match self {
            Known::List(list) => list.is_empty(),
            Known::Index(index, _) => !self.noted(!index.labels.is_empty()),
        }
    }

    fn contains(self, folded: &str) -> bool {
        match self {
            Known::List(list) => list.iter().any(|k| k == folded),
            Known::Index(index, _) => self.noted(index.labels.contains(folded)),
        }
    }

    /// Whether a known label ends with this surname (see [`surname_of`]).
    fn has_surname(self, surname: &str) -> bool {
        match self {
            Known::List(list) => list
                .iter()
                .any(|k| surname_of(outside_brackets(k)) == Some(surname)),
            Known::Index(index, _) => self.noted(index.surnames.contains(surname)),
        }
    }
}

/// What one decision may consult.
struct Ctx<'a> {
    known: Known<'a>,
    in_speech: bool,
    /// Shapes of the labels judged before, when the caller keeps them.
    shapes: Option<&'a RefCell<Shapes>>,
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
        return Found::None;
    };
    if label.is_empty() || !label.chars().any(char::is_alphanumeric) {
        return Found::None;
    }
    match judge(label, rest, ctx) {
        Ok(generic) => Found::Turn(TurnRef {
            label,
            generic,
            rest,
        }),
        Err(reason) => Found::Rejected(reason),
    }
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

/// Longest label looked at, in bytes: a colon further along is inside prose.
const MAX_LABEL_BYTES: usize = 400;
/// Most words a label may have outside brackets ("Secrétaire général de l'Organisation du
/// Traité de sécurité collective Imangali Tasmagambetov" has ten).
const MAX_LABEL_WORDS: usize = 12;
/// Most words of an all-caps briefing or hearing label ("THE DEPUTY PRESS SECRETARY").
const MAX_CAPS_WORDS: usize = 7;
/// Most words inside one bracket group ("(Minister of Transport, Lib.)").
const MAX_BRACKET_WORDS: usize = 10;
/// Most words of a role-only label ("Member of the audience (retranslated)" has four outside
/// the brackets).
const MAX_ROLE_LABEL_WORDS: usize = 6;
/// A run of this many lowercase content words reads as a sentence, not a role.
const MAX_LOWER_RUN: usize = 5;

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

/// The label without its bracket groups, and the groups.
struct LabelParts {
    /// Text outside brackets, spaces collapsed ("Jane Doe").
    name: String,
    /// Text inside each top-level bracket group ("Some Constituency", "Party").
    groups: Vec<String>,
}

fn split_brackets(label: &str) -> Result<LabelParts, String> {
    let mut name = String::with_capacity(label.len());
    let mut groups = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for c in label.chars() {
        match c {
            '(' | '[' => {
                if depth > 0 {
                    current.push(c);
                }
                depth += 1;
            }
            ')' | ']' => {
                if depth == 0 {
                    return Err("unbalanced brackets in the label".to_owned());
                }
                depth -= 1;
                if depth == 0 {
                    groups.push(std::mem::take(&mut current));
                    name.push(' ');
                } else {
                    current.push(c);
                }
            }
            c if depth > 0 => current.push(c),
            c => name.push(c),
        }
    }
    if depth != 0 {
        return Err("unbalanced brackets in the label".to_owned());
    }
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok(LabelParts { name, groups })
}

/// What a label says on its own, before the text after it and the document are looked at.
#[derive(Clone, Debug)]
enum Shape {
    /// A role-only label (`true`: generic, "Question") or a role label ("The Speaker"):
    /// accepted whatever follows.
    Accepted(bool),
    /// A label that reads as a name; the checks that depend on the context remain.
    Name(NameShape),
}

#[derive(Clone, Debug)]
struct NameShape {
    /// The label without its bracket groups, spaces collapsed.
    name: String,
    has_groups: bool,
    all_caps: bool,
    /// Words outside brackets, dashes left out.
    words: usize,
    has_comma: bool,
    name_like_end: bool,
}

/// The decision for a label and the text after it: `Ok(generic)` or `Err(reason)`.
fn judge(label: &str, rest: &str, ctx: &Ctx) -> Result<bool, Reason> {
    let last = label.chars().next_back().unwrap_or(' ');
    if last.is_ascii_digit() && rest.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return Err(Reason::Text("a time or a score, not a label"));
    }
    if rest.starts_with("//") {
        return Err(Reason::Text(WEB_ADDRESS));
    }
    let Some(shapes) = ctx.shapes else {
        if names_web_address(label) {
            return Err(Reason::Text(WEB_ADDRESS));
        }
        return in_context(label, &shape_of(label).map_err(Reason::Owned)?, rest, ctx);
    };
    if let Some(shape) = shapes.borrow().get(label) {
        return match shape {
            Ok(shape) => in_context(label, shape, rest, ctx),
            Err(reason) => Err(Reason::Shared(Rc::clone(reason))),
        };
    }
    // A web address in the label depends on the label alone: it is memoised with the shape
    // (the test on the text after the colon is made above, before the memo is read).
    let shape = if names_web_address(label) {
        Err(Rc::from(WEB_ADDRESS))
    } else {
        shape_of(label).map_err(Rc::from)
    };
    let verdict = match &shape {
        Ok(shape) => in_context(label, shape, rest, ctx),
        Err(reason) => Err(Reason::Shared(Rc::clone(reason))),
    };
    let mut shapes = shapes.borrow_mut();
    if shapes.len() < MAX_SHAPES {
        shapes.insert(label.to_owned(), shape);
    }
    verdict
}

const WEB_ADDRESS: &str = "a web address, not a label";

/// Whether a label holds a web or mail address.
fn names_web_address(label: &str) -> bool {
    contains_ascii_ci(label, "http")
        || contains_ascii_ci(label, "www.")
        || contains_ascii_ci(label, "mailto")
}

/// The checks that depend on the label alone.
fn shape_of(label: &str) -> Result<Shape, String> {
    let first = label.chars().next().unwrap_or(' ');
    if first.is_numeric() {
        return Err("starts with a number: a caption, date or list item".to_owned());
    }
    if first.is_lowercase() {
        return Err("starts with a lowercase word".to_owned());
    }
    // Cheap length checks first: most colons in a speech come after a long stretch of prose.
    let has_brackets = label.contains(['(', '[']);
    let word_limit = if has_brackets {
        MAX_LABEL_WORDS + 2 * MAX_BRACKET_WORDS
    } else {
        MAX_LABEL_WORDS
    };
    if label.len() > MAX_LABEL_BYTES
        || label
            .split_whitespace()
            .filter(|w| !is_dash(w))
            .nth(word_limit)
            .is_some()
    {
        return Err("too long for a label".to_owned());
    }
    let parts = split_brackets(label)?;
    for group in &parts.groups {
        if group.split_whitespace().count() > MAX_BRACKET_WORDS {
            return Err("the bracket after the name is too long for a label".to_owned());
        }
        if group.chars().any(is_sentence_mark) {
            return Err("sentence punctuation inside the label".to_owned());
        }
    }
    if parts.name.is_empty() {
        return Err("no name before the colon".to_owned());
    }
    if parts.name == "A" {
        // "Q: … / A: …" interviews.
        return Ok(Shape::Accepted(true));
    }
    // Folding is the costly step: only labels whose first word can open a role-only label.
    if may_open_role_label(&parts.name) {
        let key = generic_key(&parts.name);
        if is_generic_name(&parts.name, &key) {
            return Ok(Shape::Accepted(true));
        }
        if is_role_key(&key) {
            return Ok(Shape::Accepted(false));
        }
    }

    let words: Vec<&str> = parts
        .name
        .split_whitespace()
        .filter(|w| !is_dash(w))
        .collect();
    let Some(&first_word) = words.first() else {
        return Err("no name before the colon".to_owned());
    };
    if words.len() > MAX_LABEL_WORDS {
        return Err("too long for a label".to_owned());
    }
    if lex().heading.contains(bare(first_word).as_str()) {
        return Err("a heading or a note, not a speaker".to_owned());
    }
    let letters = parts.name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 {
        return Err("too short for a label".to_owned());
    }
    let all_caps = parts
        .name
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase);

    let mut has_comma = false;
    let mut lower_run = 0usize;
    for (i, word) in words.iter().enumerate() {
        check_punctuation(word)?;
        has_comma |= word.contains(',');
        let b = bare(word);
        let second_lower = words.get(1).is_some_and(|w| case_of(w) == Case::Lower);
        let is_stop = match case_of(word) {
            Case::Lower => {
                lex().stop.contains(b.as_str())
                    || lex().always.contains(b.as_str())
                    || is_verb_elision(&b)
            }
            _ if lex().always.contains(b.as_str()) => true,
            // A capitalised sentence opener ("Let me repeat", "We agree with …"), not a name
            // such as "Will Smith".
            _ if i == 0 => {
                (lex().stop.contains(b.as_str()) && (second_lower || words.len() == 1))
                    || is_verb_elision(&b)
            }
            // A title in title case ("The Long Way Round"); short words and words that are
            // also names ("Will", "May", "Ma", "So") stay allowed.
            _ => {
                b.chars().count() >= 3
                    && lex().stop.contains(b.as_str())
                    && !lex().name_like.contains(b.as_str())
            }
        };
        if is_stop {
            return Err(format!(
                "reads as a sentence (\"{}\")",
                word.trim_end_matches(',')
            ));
        }
        match case_of(word) {
            Case::Lower if !lex().connectors.contains(b.as_str()) => {
                lower_run += 1;
                if lower_run >= MAX_LOWER_RUN {
                    return Err("reads as a sentence, not a name".to_owned());
                }
            }
            Case::Upper => lower_run = 0,
            _ => {}
        }
    }
    if case_of(first_word) == Case::Lower {
        return Err("starts with a lowercase word".to_owned());
    }
    if words.iter().all(|w| w.ends_with('.')) {
        return Err("a title without a name".to_owned());
    }
    let last_word = words.last().copied().unwrap_or(first_word);
    match case_of(last_word) {
        Case::Lower => return Err("ends with a lowercase word, not a name".to_owned()),
        Case::None => return Err("ends with a number, not a name".to_owned()),
        Case::Upper => {}
    }
    let name_like_end = name_like_end(&words);
    let words = words.len();
    Ok(Shape::Name(NameShape {
        has_groups: !parts.groups.is_empty(),
        name: parts.name,
        all_caps,
        words,
        has_comma,
        name_like_end,
    }))
}

/// The checks of a label's shape against the text after it and the labels known so far.
fn in_context(label: &str, shape: &Shape, rest: &str, ctx: &Ctx) -> Result<bool, Reason> {
    let s = match shape {
        Shape::Accepted(generic) => return Ok(*generic),
        Shape::Name(s) => s,
    };
    // A label accepted earlier, or one that repeats an earlier label's surname, passes the
    // checks below. Folding is the costly step, so it is only looked up when one fails.
    let known = || is_known(label, &s.name, s.has_groups, ctx.known);
    if starts_with_quote(rest) && !known() {
        return Err(Reason::Text("a quoted position, not a turn"));
    }
    if s.all_caps {
        if s.words > MAX_CAPS_WORDS {
            return Err(Reason::Text("too long for a label"));
        }
        if ctx.in_speech && s.words < 2 && !known() {
            return Err(Reason::Text("a single word inside a speech"));
        }
        return Ok(false);
    }
    if ctx.in_speech {
        let problem = if s.has_comma {
            Some("a comma in the label inside a speech")
        } else if !s.name_like_end {
            Some(if s.words == 1 {
                "a single word inside a speech"
            } else {
                "no person's name before the colon"
            })
        } else if rest.chars().next().is_some_and(char::is_lowercase) {
            Some("the text after the colon continues a sentence")
        } else {
            None
        };
        if let Some(problem) = problem
            && !known()
        {
            return Err(Reason::Text(problem));
        }
    }
    Ok(false)
}

/// Characters that end or quote a sentence; never part of a label.
fn is_sentence_mark(c: char) -> bool {
    matches!(c, '!' | '?' | ';' | '…' | '"' | '«' | '»' | '“' | '”' | '„')
}

/// Whether the first word of `name` (folded) can open a generic or role-only label.
fn may_open_role_label(name: &str) -> bool {
    // Role-only labels are short ("Question from the audience", "The Deputy Speaker").
    if name.split_whitespace().nth(MAX_ROLE_LABEL_WORDS).is_some() {
        return false;
    }
    let Some(first) = name.split_whitespace().next() else {
        return false;
    };
    let first = if first.is_ascii() {
        first.to_ascii_lowercase()
    } else {
        fold(first)
    };
    first.starts_with("l'") || lex().role_openers.contains(first.as_str())
}

fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['"', '«', '“', '„', '‘', '\''])
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "–" | "—" | "‒" | "―")
}

/// Full stops are allowed after initials and title abbreviations only: "В.Путин", "V.V. Putin",
/// "Mr.", "Hon.", "Дж.Байден".
fn check_punctuation(word: &str) -> Result<(), String> {
    if word.chars().any(is_sentence_mark) {
        return Err("sentence punctuation inside the label".to_owned());
    }
    let core = word.trim_end_matches(',');
    if core.contains(',') {
        return Err("a comma inside a word of the label".to_owned());
    }
    let mut pieces = core.split('.').peekable();
    while let Some(piece) = pieces.next() {
        if pieces.peek().is_none() {
            break; // the part after the last full stop (or the whole word)
        }
        if !is_initial_or_title(piece) {
            return Err("a full stop inside the label reads as a sentence".to_owned());
        }
    }
    Ok(())
}

fn is_initial_or_title(piece: &str) -> bool {
    let mut chars = piece.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let n = piece.chars().count();
    if first.is_uppercase() && n <= 2 && piece.chars().all(char::is_alphabetic) {
        return true;
    }
    let lower = piece.to_lowercase();
    lex().titles.contains(lower.as_str())
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Case {
    Upper,
    Lower,
    /// No letter at all ("2024", "&").
    None,
}

/// The case of a word's first letter, looking past an elided article ("l'Organisation").
fn case_of(word: &str) -> Case {
    let word = strip_elision(word);
    match word.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_uppercase() => Case::Upper,
        Some(c) if c.is_lowercase() => Case::Lower,
        Some(_) => Case::Upper, // scripts without case count as names
        None => Case::None,
    }
}

fn strip_elision(word: &str) -> &str {
    let mut chars = word.chars();
    if matches!(chars.next(), Some('l' | 'L' | 'd' | 'D'))
        && matches!(chars.next(), Some('\'' | '’'))
        && chars.clone().next().is_some_and(char::is_alphabetic)
    {
        return chars.as_str();
    }
    word
}

/// A word lowercased, apostrophes made plain, trailing commas and full stops dropped.
fn bare(word: &str) -> String {
    let word = word.trim_end_matches([',', '.']);
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let lower = word.to_lowercase();
    if lower.contains(['’', 'ʼ']) {
        lower.replace(['’', 'ʼ'], "'")
    } else {
        lower
    }
}

/// "j'ai", "c'est", "n'est", "qu'il": a French verb form.
fn is_verb_elision(bare_word: &str) -> bool {
    ["j'", "c'", "n'", "qu'", "s'", "m'", "t'"]
        .iter()
        .any(|p| bare_word.starts_with(p))
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folded label without a trailing number ("question 2" → "question").
fn generic_key(name: &str) -> String {
    let folded = collapse(&fold(name));
    match folded.rsplit_once(' ') {
        Some((head, tail)) if tail.chars().all(|c| c.is_ascii_digit()) => head.to_owned(),
        _ => folded,
    }
}

/// A role-only word, alone or with a lowercase qualifier ("Question from the floor",
/// "Вопрос из зала"); "Journaliste Jean Dupont" names a person. `key` is [`generic_key`].
fn is_generic_name(name: &str, key: &str) -> bool {
    if lex().generic.contains(key) {
        return true;
    }
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let first = fold(first);
    if first.chars().count() < 2 || !lex().generic.contains(first.as_str()) {
        return false;
    }
    // The qualifier opens with a preposition ("from the floor", "de la salle", "из зала"),
    // so "Questions remain:" stays a sentence.
    let Some(second) = words.next() else {
        return false;
    };
    lex().qualifiers.contains(bare(second).as_str())
        && words.all(|w| case_of(w) == Case::Lower && !lex().stop.contains(bare(w).as_str()))
}

/// Prepositions that open a generic label's qualifier.
const QUALIFIER_OPENERS: &[&str] = &[
    "from", "of", "in", "at", "du", "de", "des", "depuis", "dans", "из", "от", "с", "со",
];

/// "The Speaker", "Mr. Speaker", "Le Président", "Ведущий": one person known by role only.
/// `key` is [`generic_key`].
fn is_role_key(key: &str) -> bool {
    let mut key = key;
    for prefix in ROLE_PREFIXES {
        if let Some(rest) = key.strip_prefix(prefix) {
            key = rest.trim_start();
            break;
        }
    }
    lex().role.contains(key)
}

/// Whether the label was accepted before (as written, or without its brackets), or repeats
/// the surname of a label accepted before. `name` is the label without its bracket groups.
fn is_known(label: &str, name: &str, has_groups: bool, known: Known) -> bool {
    if known.is_empty() {
        return false;
    }
    let folded_name = collapse(&fold(name));
    let folded_label = if has_groups {
        collapse(&fold(label))
    } else {
        folded_name.clone()
    };
    if known.contains(&folded_label) || known.contains(&folded_name) {
        return true;
    }
    // The label's surname (its last word, past any initials) is the surname of a label
    // already accepted: "Vladimir Putin" or "В.Путин" after "President of Russia Vladimir
    // Putin".
    surname_of(&folded_name).is_some_and(|surname| known.has_surname(surname))
}

/// A folded label without its bracket groups' text ("jane doe (party)" → "jane doe ").
fn outside_brackets(folded: &str) -> &str {
    folded.split(['(', '[']).next().unwrap_or("")
}

fn surname_of(folded: &str) -> Option<&str> {
    let last = folded.split_whitespace().next_back()?;
    let last = last
        .rsplit('.')
        .next()
        .unwrap_or(last)
        .trim_end_matches(',');
    (last.chars().filter(|c| c.is_alphabetic()).count() >= 2).then_some(last)
}

/// Whether the label ends like a person's name: two capitalised words ("Kassym-Jomart
/// Tokayev", "President Tokayev", with particles "von der" between), initials and a surname
/// ("В.Путин"), or a title and a surname ("Mr. Smith").
fn name_like_end(words: &[&str]) -> bool {
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    if case_of(last) != Case::Upper {
        return false;
    }
    if last.contains('.') && !last.ends_with('.') {
        return true; // "В.Путин", "V.V.Putin"
    }
    let Some(prev) = before
        .iter()
        .rev()
        .find(|w| !lex().particles.contains(bare(w).as_str()))
    else {
        return false;
    };
    if prev.ends_with('.') {
        return true; // "Mr. Smith", "V. Putin"
    }
    case_of(prev) == Case::Upper && !lex().connectors.contains(bare(prev).as_str())
}

/// The word lists below as hash sets, built once: labels are checked word by word on every
/// line that holds a colon, so look-ups must not scan the lists.
struct Lexicon {
    stop: HashSet<&'static str>,
    heading: HashSet<&'static str>,
    generic: HashSet<&'static str>,
    role: HashSet<&'static str>,
    connectors: HashSet<&'static str>,
    always: HashSet<&'static str>,
    particles: HashSet<&'static str>,
    titles: HashSet<&'static str>,
    name_like: HashSet<&'static str>,
    qualifiers: HashSet<&'static str>,
    /// First words of the generic and role-only labels and of their prefixes.
    role_openers: HashSet<&'static str>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let set = |list: &[&'static str]| list.iter().copied().collect::<HashSet<_>>();
    Lexicon {
        stop: set(STOP_WORDS),
        heading: set(HEADING_WORDS),
        generic: set(GENERIC_LABELS),
        role: set(ROLE_LABELS),
        connectors: set(CONNECTORS),
        always: set(ALWAYS_STOP),
        particles: set(NAME_PARTICLES),
        titles: set(TITLE_ABBREVIATIONS),
        name_like: set(NAME_LIKE_STOPS),
        qualifiers: set(QUALIFIER_OPENERS),
        role_openers: GENERIC_LABELS
            .iter()
            .chain(ROLE_LABELS)
            .chain(ROLE_PREFIXES)
            .filter_map(|label| label.split_whitespace().next())
            .collect(),
    }
});

fn lex() -> &'static Lexicon {
    &LEXICON
}

/// Role-only labels that stand for whoever spoke (folded).
const GENERIC_LABELS: &[&str] = &[
    "q",
    "question",
    "questions",
    "question from the audience",
    "question from the floor",
    "follow-up question",
    "вопрос",
    "вопросы",
    "вопрос из зала",
    "remark",
    "remarks",
    "comment",
    "commentaire",
    "реплика",
    "реплики",
    "replique",
    "repliques",
    "journaliste",
    "journalist",
    "журналист",
    "журналистка",
    "reporter",
    "correspondent",
    "correspondant",
    "correspondante",
    "корреспондент",
    "audience member",
    "member of the audience",
    "audience",
    "from the audience",
    "из зала",
    "participant",
    "participante",
    "участник",
    "участница",
    "answer",
    "reply",
    "response",
    "ответ",
    "reponse",
    "voice",
    "voices",
    "voix",
    "голос",
    "голоса",
    "голос из зала",
    "hon. members",
    "hon. member",
    "hon members",
    "some hon. members",
    "some hon members",
    "an hon. member",
    "several hon. members",
    "members",
    "unidentified speaker",
    "unknown speaker",
    "unidentified",
    "interjection",
    "intervenant",
    "intervenante",
    "комментарий",
    "speaker from the floor",
];

/// Words in front of a role-only label for one person ("The Speaker", "Mr. Speaker").
const ROLE_PREFIXES: &[&str] = &[
    "the ", "le ", "la ", "l'", "mr. ", "mr ", "madam ", "madame ", "mrs. ", "ms. ", "m. ", "mme ",
    "mister ",
];

/// One person known by role only (folded, after [`ROLE_PREFIXES`]).
const ROLE_LABELS: &[&str] = &[
    "speaker",
    "deputy speaker",
    "acting speaker",
    "assistant deputy speaker",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "acting chair",
    "co-chair",
    "vice chair",
    "vice-chair",
    "ranking member",
    "president",
    "vice president",
    "presiding officer",
    "clerk",
    "witness",
    "court",
    "moderator",
    "host",
    "interpreter",
    "interviewer",
    "presenter",
    "anchor",
    "press secretary",
    "deputy press secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "moderateur",
    "moderatrice",
    "presentateur",
    "presentatrice",
    "animateur",
    "animatrice",
    "interprete",
    "presidente",
    "ведущий",
    "ведущая",
    "модератор",
    "председательствующий",
    "председатель",
    "переводчик",
    "спикер",
];

/// Lowercase words that may sit inside a role or name ("Minister of Foreign Affairs",
/// "Président de la République", "Уполномоченный по правам человека").
const CONNECTORS: &[&str] = &[
    "of", "the", "for", "and", "on", "in", "at", "to", "de", "du", "des", "d'", "la", "le", "les",
    "l'", "et", "à", "au", "aux", "en", "pour", "sur", "auprès", "von", "van", "der", "den", "da",
    "di", "bin", "ibn", "al", "el", "по", "и", "в", "во", "на", "при", "для", "с", "со", "от",
    "из", "к", "о", "об",
];

/// Lowercase particles inside a personal name ("Ursula von der Leyen").
const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el",
    "ter", "ten", "dos", "das", "del", "della",
];

/// Title abbreviations that end with a full stop inside a label.
const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "hon", "rt", "st", "jr", "sr", "prof", "gen", "sen", "rep", "gov",
    "lt", "col", "capt", "sgt", "adm", "amb", "rev", "messrs", "mme", "mlle", "mgr", "pr", "me",
    "gén", "сен", "ген", "проф", "акад",
];

/// First words of headings, notes and list intros: never a speaker.
const HEADING_WORDS: &[&str] = &[
    // English
    "note",
    "notes",
    "nb",
    "n.b",
    "ps",
    "p.s",
    "photo",
    "photos",
    "video",
    "audio",
    "source",
    "sources",
    "update",
    "updated",
    "warning",
    "caution",
    "attention",
    "important",
    "subject",
    "re",
    "date",
    "time",
    "place",
    "location",
    "venue",
    "by",
    "examination",
    "cross-examination",
    "redirect",
    "recross",
    "index",
    "exhibit",
    "exhibits",
    "witnesses",
    "appearances",
    "present",
    "absent",
    "attendees",
    "attending",
    "participants",
    "participating",
    "agenda",
    "item",
    "items",
    "topics",
    "topic",
    "persons",
    "geography",
    "tags",
    "contents",
    "summary",
    "see",
    "link",
    "links",
    "email",
    "e-mail",
    "tel",
    "phone",
    "fax",
    "website",
    "url",
    "interview",
    "meeting",
    "conference",
    "summit",
    "talks",
    "visit",
    "address",
    "statement",
    "speech",
    "transcript",
    "news",
    "breaking",
    "part",
    "chapter",
    "section",
    "article",
    "appendix",
    "annex",
    "table",
    "figure",
    "fig",
    "day",
    "resolved",
    "ordered",
    "motion",
    "amendment",
    "example",
    "examples",
    "result",
    "results",
    "conclusion",
    "correction",
    "editor's",
    "reported",
    "whereupon",
    // French
    "remarque",
    "nota",
    "sommaire",
    "résumé",
    "thèmes",
    "thème",
    "personnes",
    "géographie",
    "lieu",
    "heure",
    "présents",
    "présent",
    "voir",
    "lien",
    "entretien",
    "réunion",
    "rencontre",
    "sommet",
    "visite",
    "déclaration",
    "discours",
    "conférence",
    "annexe",
    "chapitre",
    "partie",
    "exemple",
    "avertissement",
    "légende",
    "mots-clés",
    // Russian
    "примечание",
    "прим",
    "фото",
    "видео",
    "источник",
    "место",
    "время",
    "дата",
    "важно",
    "внимание",
    "итоги",
    "содержание",
    "см",
    "присутствовали",
    "участвовали",
    "участники",
    "повестка",
    "темы",
    "тема",
    "персоны",
    "география",
    "ссылка",
    "интервью",
    "встреча",
    "заседание",
    "совещание",
    "саммит",
    "визит",
    "заявление",
    "выступление",
    "обращение",
    "беседа",
    "статья",
    "глава",
    "часть",
    "приложение",
    "пример",
    "вывод",
    "выводы",
    "обновлено",
];

/// Words that are never part of a name or a role, whatever their case.
const ALWAYS_STOP: &[&str] = &[
    "i",
    "i'm",
    "i'd",
    "i'll",
    "i've",
    "dear",
    "ladies",
    "gentlemen",
    "colleagues",
    "friends",
    "thank",
    "thanks",
    "hello",
    "chers",
    "chères",
    "cher",
    "chère",
    "mesdames",
    "messieurs",
    "collègues",
    "amis",
    "merci",
    "bonjour",
    "уважаемые",
    "уважаемый",
    "уважаемая",
    "дорогие",
    "дорогой",
    "коллеги",
    "друзья",
    "господа",
    "спасибо",
    "здравствуйте",
];

/// Stop words that are also names or parts of names ("Will Smith", "Theresa May").
const NAME_LIKE_STOPS: &[&str] = &[
    "will", "may", "just", "mark", "hope", "said", "don", "grant",
];

/// Verbs, pronouns and sentence words: a label holding one lowercase reads as a sentence.
const STOP_WORDS: &[&str] = &[
    // English
    "i",
    "me",
    "my",
    "mine",
    "we",
    "we're",
    "we've",
    "us",
    "our",
    "ours",
    "you",
    "you're",
    "your",
    "he",
    "him",
    "his",
    "she",
    "her",
    "it",
    "it's",
    "its",
    "they",
    "they're",
    "them",
    "their",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "what",
    "which",
    "who",
    "whom",
    "whose",
    "why",
    "how",
    "when",
    "where",
    "if",
    "because",
    "but",
    "or",
    "not",
    "no",
    "yes",
    "so",
    "as",
    "than",
    "then",
    "now",
    "well",
    "very",
    "just",
    "also",
    "only",
    "all",
    "some",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "am",
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "done",
    "have",
    "has",
    "had",
    "having",
    "let",
    "let's",
    "lets",
    "said",
    "say",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "asked",
    "ask",
    "asks",
    "answered",
    "replied",
    "added",
    "noted",
    "wrote",
    "stated",
    "declared",
    "repeat",
    "agree",
    "think",
    "believe",
    "know",
    "mean",
    "want",
    "like",
    "following",
    "follows",
    "follow",
    "namely",
    "thus",
    "therefore",
    "hence",
    "instance",
    "e.g",
    "i.e",
    "please",
    "sorry",
    "okay",
    "ok",
    "again",
    "finally",
    "firstly",
    "secondly",
    "thirdly",
    "lastly",
    "however",
    "moreover",
    "besides",
    "according",
    "with",
    "about",
    "a",
    "an",
    "put",
    "way",
    "good",
    // French
    "est",
    "sont",
    "était",
    "étaient",
    "sera",
    "seront",
    "a",
    "ai",
    "as",
    "avons",
    "avez",
    "ont",
    "avait",
    "je",
    "tu",
    "il",
    "elle",
    "on",
    "nous",
    "vous",
    "ils",
    "elles",
    "moi",
    "mon",
    "ma",
    "mes",
    "notre",
    "nos",
    "votre",
    "vos",
    "leur",
    "leurs",
    "ce",
    "cet",
    "cette",
    "ces",
    "ceci",
    "cela",
    "ça",
    "voici",
    "voilà",
    "comme",
    "que",
    "qui",
    "quoi",
    "si",
    "mais",
    "ou",
    "donc",
    "car",
    "ainsi",
    "très",
    "aussi",
    "fait",
    "dit",
    "dire",
    "déclaré",
    "ajouté",
    "répondu",
    "suivant",
    "suivants",
    "suivante",
    "suivantes",
    "participé",
    "selon",
    "notamment",
    "savoir",
    "alors",
    "enfin",
    "ensuite",
    "bien",
    "pas",
    "ne",
    "y",
    // Russian
    "я",
    "мы",
    "вы",
    "ты",
    "он",
    "она",
    "оно",
    "они",
    "меня",
    "мне",
    "нас",
    "нам",
    "вас",
    "вам",
    "его",
    "её",
    "ее",
    "их",
    "это",
    "этот",
    "эта",
    "эти",
    "вот",
    "так",
    "как",
    "что",
    "чтобы",
    "если",
    "когда",
    "уже",
    "ещё",
    "еще",
    "тоже",
    "также",
    "есть",
    "был",
    "была",
    "были",
    "было",
    "будет",
    "буду",
    "будем",
    "скажу",
    "сказал",
    "сказала",
    "сказали",
    "говорю",
    "говорит",
    "говорил",
    "заявил",
    "заявила",
    "ответил",
    "отметил",
    "добавил",
    "следующее",
    "следующие",
    "следующий",
    "например",
    "итак",
    "нужно",
    "надо",
    "можно",
    "очень",
    "но",
    "или",
    "не",
    "да",
    "нет",
    "просто",
    "словам",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn turn(line: &str) -> Turn {
        turn_ctx(line, &TurnContext::default())
    }

    fn turn_ctx(line: &str, ctx: &TurnContext) -> Turn {
        match detect_turn(line, ctx) {
            TurnVerdict::Turn(t) => t,
            other => panic!("{line:?} should open a turn, got {other:?}"),
        }
    }

    fn in_speech(known: &[String]) -> TurnContext<'_> {
        TurnContext {
            known_labels: known,
            in_speech: true,
        }
    }

    fn rejected(line: &str, ctx: &TurnContext) -> String {
        match detect_turn(line, ctx) {
            TurnVerdict::Rejected(reason) => reason,
            other => panic!("{line:?} should be rejected, got {other:?}"),
        }
    }

    fn not_a_turn(line: &str, ctx: &TurnContext) {
        assert!(
            !matches!(detect_turn(line, ctx), TurnVerdict::Turn(_)),
            "{line:?} must not open a turn"
        );
    }

    #[test]
    fn french_labels() {
        let t = turn("Président de la Russie Vladimir Poutine : Chers collègues,");
        assert_eq!(t.label, "Président de la Russie Vladimir Poutine");
        assert_eq!(t.rest, "Chers collègues,");
        assert!(!t.generic);
        let t = turn(
            "Secrétaire général de l’Organisation du Traité de sécurité collective Imangali Tasmagambetov : Merci.",
        );
        assert!(!t.generic);
        assert_eq!(turn("V.Poutine : Merci.").label, "V.Poutine");
        let t = turn("Journaliste (question retraduite) : Monsieur le Président…");
        assert_eq!(t.label, "Journaliste (question retraduite)");
        assert!(t.generic);
        assert!(turn("Question : Bonjour.").generic);
        assert!(turn("Réplique : Oui.").generic);
        assert!(!turn("Modérateur : Bonjour à tous.").generic);
    }

    #[test]
    fn english_labels() {
        let t = turn("President of Russia Vladimir Putin: Good afternoon, colleagues.");
        assert_eq!(t.label, "President of Russia Vladimir Putin");
        assert_eq!(t.rest, "Good afternoon, colleagues.");
        assert!(!turn("Vladimir Putin: Thank you.").generic);
        assert!(turn("Question: Mr President,").generic);
        assert_eq!(
            turn("Question (retranslated): Hello.").label,
            "Question (retranslated)"
        );
        assert!(turn("Question (retranslated): Hello.").generic);
        assert!(turn("Remark: Yes.").generic);
        assert!(turn("Reply: No.").generic);
        assert!(turn("Answer: Maybe.").generic);
        assert!(turn("Audience member: Louder, please!").generic);
        let t = turn("John Smith: I started in 1998.");
        assert_eq!(
            (t.label.as_str(), t.rest.as_str()),
            ("John Smith", "I started in 1998.")
        );
        assert!(!turn("Will Smith: Hello.").generic);
        assert_eq!(
            turn("Ursula von der Leyen: Thank you.").label,
            "Ursula von der Leyen"
        );
    }

    #[test]
    fn briefing_labels() {
        assert_eq!(turn("MR. SMITH: Thanks, Dana.").label, "MR. SMITH");
        assert_eq!(turn("MS. JONES: Sure.").label, "MS. JONES");
        assert_eq!(
            turn("THE PRESIDENT: Please, sit down.").label,
            "THE PRESIDENT"
        );
        assert_eq!(
            turn("SECRETARY BLINKEN: Good morning.").label,
            "SECRETARY BLINKEN"
        );
        assert_eq!(
            turn("THE PRESS SECRETARY: Hi, everybody.").label,
            "THE PRESS SECRETARY"
        );
        let q = turn("Q");
        assert_eq!(
            (q.label.as_str(), q.rest.as_str(), q.generic),
            ("Q", "", true)
        );
        let q = turn("Q Thanks, Dana. Two questions on the port deal.");
        assert_eq!(q.label, "Q");
        assert_eq!(q.rest, "Thanks, Dana. Two questions on the port deal.");
        assert!(q.generic);
        let q = turn("Q: And on tariffs?");
        assert_eq!(
            (q.label.as_str(), q.rest.as_str(), q.generic),
            ("Q", "And on tariffs?", true)
        );
        // Q turns stay turns in the middle of an answer.
        assert!(turn_ctx("Q Follow-up?", &in_speech(&[])).generic);
        not_a_turn("Q fever cases rose last year.", &TurnContext::default());
    }

    #[test]
    fn deposition_answers_follow_questions() {
        let q = turn("Q. Where were you on the night of May 3?");
        assert_eq!((q.label.as_str(), q.generic), ("Q", true));
        let known = vec!["q".to_owned()];
        let ctx = in_speech(&known);
        let a = turn_ctx("A. At home, with my sister.", &ctx);
        assert_eq!(
            (a.label.as_str(), a.rest.as_str(), a.generic),
            ("A", "At home, with my sister.", true)
        );
        assert_eq!(turn_ctx("A", &ctx).rest, "");
        not_a_turn("A. Smith wrote the report.", &in_speech(&[]));
        not_a_turn("A White House official said so.", &ctx);
        not_a_turn("A. lower case", &ctx);
    }

    #[test]
    fn parliament_and_hearing_labels() {
        let t = turn("Jane Doe (Some Constituency) (Party): Mr. Speaker, the bill fails farmers.");
        assert_eq!(t.label, "Jane Doe (Some Constituency) (Party)");
        assert_eq!(t.rest, "Mr. Speaker, the bill fails farmers.");
        assert!(!t.generic);
        assert!(!turn("The Speaker: Order.").generic);
        assert!(!turn("Mr. Speaker: Order, order.").generic);
        assert!(turn("Hon. Members: Hear, hear!").generic);
        assert!(turn("Some hon. members: Oh, oh!").generic);
        let ctx = in_speech(&[]);
        assert!(!turn_ctx("The Speaker: Order.", &ctx).generic);
        assert!(turn_ctx("Hon. Members: Hear, hear!", &ctx).generic);
        assert!(
            !turn_ctx(
                "Hon. Robert Finch (Minister of Transport, Lib.): Thank you.",
                &ctx
            )
            .generic
        );
        for line in [
            "SENATOR DOE: Thank you, Mr. Chairman.",
            "MR. SMITH: Yes, Senator.",
            "CHAIRMAN X: The committee will come to order.",
            "THE WITNESS: I do.",
            "THE COURT: Be seated.",
        ] {
            assert!(!turn_ctx(line, &ctx).generic, "{line}");
        }
    }

    #[test]
    fn russian_labels() {
        assert_eq!(turn("В.Путин: Добрый день!").label, "В.Путин");
        let t = turn("А.Лукашенко (как переведено): Уважаемые коллеги!");
        assert_eq!(t.label, "А.Лукашенко (как переведено)");
        assert!(!t.generic);
        assert!(turn("Вопрос: Владимир Владимирович,").generic);
        assert!(turn("Реплика: Да.").generic);
        assert!(turn("Вопрос (как переведено): Спасибо.").generic);
        assert_eq!(turn("Д.Песков: Коллеги, прошу.").label, "Д.Песков");
        assert_eq!(turn("Дж.Байден: Спасибо.").label, "Дж.Байден");
        assert_eq!(
            turn("Президент России Владимир Путин: Уважаемые коллеги!").label,
            "Президент России Владимир Путин"
        );
        let t = turn("Министр иностранных дел Сергей Лавров: Спасибо.");
        assert!(!t.generic);
        let t = turn_ctx("В.Путин: Спасибо.", &in_speech(&[]));
        assert_eq!(t.label, "В.Путин");
    }

    #[test]
    fn sentences_ending_with_a_colon_are_rejected() {
        let out = TurnContext::default();
        let ctx = in_speech(&[]);
        for line in [
            "Let me repeat:",
            "Я скажу так:",
            "The answer is simple:",
            "Les responsables russes suivants ont participé à la réunion :",
            "The following officials took part:",
            "Ladies and Gentlemen:",
            "Dear colleagues:",
            "Mesdames et Messieurs :",
            "Вот что я хочу сказать:",
            "I would say this to President Tokayev:",
            "We agree with President Tokayev:",
            "This is what I told Mr. Smith:",
            "My editor put it this way:",
            "Voici ce que je dirais :",
            "The main points are three:",
            "Questions remain:",
            "Answer is simple:",
            "Thank you. Now, Mr. Smith:",
            "Really? Then:",
        ] {
            let reason = rejected(line, &out);
            assert!(!reason.is_empty(), "{line}");
            rejected(line, &ctx);
        }
        assert!(rejected("The answer is simple:", &out).contains("sentence"));
    }

    #[test]
    fn title_case_titles_are_rejected() {
        let out = TurnContext::default();
        assert!(
            rejected("The Long Way Round: A Conversation with Mara Lind", &out).contains("Way")
        );
        assert_eq!(turn("Theresa May: Thank you.").label, "Theresa May");
    }

    #[test]
    fn notes_times_urls_and_captions_are_rejected() {
        let out = TurnContext::default();
        assert!(rejected("Note: the figures are provisional.", &out).contains("note"));
        assert!(rejected("The meeting began at 15:40 sharp.", &out).contains("time"));
        assert!(rejected("15:40", &out).contains("time"));
        assert!(rejected("http://en.example.org/events/1", &out).contains("web address"));
        assert!(rejected("Source: https://example.org/a", &out).contains("note"));
        rejected(
            "3 With President Smith before the talks. Photo: Jane Roe, Agency",
            &out,
        );
        rejected("Before the talks. Photo: Jane Roe", &out);
        rejected("Photo : Dmitri Azarov, Kommersant", &out);
        rejected("November 23, 2023, 15:40, Minsk", &out);
        rejected("Participants:", &out);
        rejected("Присутствовали:", &out);
        rejected("APPEARANCES:", &out);
        rejected("EXAMINATION BY MR. SMITH:", &out);
        rejected("BY MS. JONES:", &out);
        assert_eq!(
            detect_turn("No colon in this line at all.", &out),
            TurnVerdict::None
        );
        assert_eq!(detect_turn("", &out), TurnVerdict::None);
        assert_eq!(detect_turn("<…>", &out), TurnVerdict::None);
    }

    #[test]
    fn quoted_positions_inside_a_speech_are_rejected() {
        let ctx = in_speech(&[]);
        assert!(rejected("Country X: “We will not sign.”", &ctx).contains("quoted"));
        assert!(rejected("Kazakhstan: \"We agree\"", &ctx).contains("quoted"));
        assert!(rejected("Kazakhstan: \"We agree\"", &TurnContext::default()).contains("quoted"));
        assert!(rejected("Kazakhstan: we agree.", &ctx).contains("single word"));
        assert!(rejected("France: Yes.", &ctx).contains("single word"));
        // Outside a speech a bare surname is an interview label.
        assert_eq!(turn("Smith: Yes.").label, "Smith");
    }

    #[test]
    fn known_labels_and_surnames_relax_the_speech_rule() {
        let known = vec![
            fold("President of Kazakhstan Kassym-Jomart Tokayev"),
            fold("А.Лукашенко (как переведено)"),
        ];
        let ctx = in_speech(&known);
        assert_eq!(turn_ctx("Tokayev: Thank you.", &ctx).label, "Tokayev");
        assert_eq!(
            turn_ctx("Kassym-Jomart Tokayev: Thank you.", &ctx).label,
            "Kassym-Jomart Tokayev"
        );
        assert_eq!(turn_ctx("Лукашенко: Спасибо.", &ctx).label, "Лукашенко");
        assert_eq!(
            turn_ctx("А.Лукашенко (как переведено): Спасибо.", &ctx).label,
            "А.Лукашенко (как переведено)"
        );
        // A known surname does not make a sentence a label.
        rejected("I told Tokayev:", &ctx);
        // Unknown single words stay rejected.
        rejected("Nazarbayev: Thank you.", &ctx);
    }

    #[test]
    fn labels_with_punctuation_are_rejected() {
        let out = TurnContext::default();
        for line in [
            "Yes! Putin:",
            "Why not? Smith:",
            "We met; Smith:",
            "He said «No» Smith:",
            "It was late. John Smith:",
            "(Applause.) Smith (Party:",
        ] {
            rejected(line, &out);
        }
        assert_eq!(turn("V.V. Putin: Yes.").label, "V.V. Putin");
        assert_eq!(turn("Dr. Mara Lind: Yes.").label, "Dr. Mara Lind");
        assert_eq!(turn("Ms. Jane Roe: Yes.").label, "Ms. Jane Roe");
    }

    #[test]
    fn long_labels_are_rejected() {
        let out = TurnContext::default();
        let long = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu: x";
        assert!(rejected(long, &out).contains("too long"));
        let prose = format!("{}: tail", "Word ".repeat(200));
        assert_eq!(detect_turn(&prose, &out), TurnVerdict::None);
    }

    #[test]
    fn hostile_input_never_panics() {
        let out = TurnContext::default();
        for line in [
            ":",
            "::::",
            "Q",
            "Q.",
            "Q :",
            "((((:",
            ")))):",
            "é:",
            "Ж:",
            "\u{FF1A}x",
            "a\u{FF1A}b",
            "Ω. Ω. Ω.:",
            "Mr.:",
            "...: x",
            "(x):",
            "[Dr.] ((Smith)): x",
            "Ⅻ: x",
            "𝔄𝔅: x",
        ] {
            let _ = detect_turn(line, &out);
            let _ = detect_turn(line, &in_speech(&[]));
        }
        let _ = detect_turn(&"é".repeat(10_000), &out);
        let _ = detect_turn(&format!("{}:", "(".repeat(10_000)), &out);
    }

    #[test]
    fn the_detector_agrees_with_detect_turn() {
        let lines = [
            "President of Russia Vladimir Putin: Colleagues,",
            "Vladimir Putin: Thank you.",
            "Putin: Again.",
            "В.Путин: Спасибо.",
            "Let me repeat:",
            "Country X: \u{201C}No.\u{201D}",
            "MR. SMITH: Good morning.",
            "SMITH: Yes.",
            "Q Thanks, Dana.",
            "A. It was.",
            "Jane Doe (Some Constituency) (Party): I rise.",
            "Jane Doe: Again.",
            "The answer is simple: no.",
            "At 10:30 we met.",
            "Question (retranslated): Why?",
            "Reporter, AP: hello",
        ];
        for in_speech in [false, true] {
            let mut detector = TurnDetector::default();
            let mut known: Vec<String> = Vec::new();
            // Twice, so that the second round reads every label's shape from the memo.
            for line in lines.iter().chain(lines.iter()) {
                let ctx = TurnContext {
                    known_labels: &known,
                    in_speech,
                };
                let verdict = detect_turn(line, &ctx);
                assert_eq!(detector.detect(line, in_speech), verdict, "{line:?}");
                if let TurnVerdict::Turn(turn) = verdict {
                    detector.remember(&turn.label);
                    let folded = fold(&turn.label);
                    if !known.contains(&folded) {
                        known.push(folded);
                    }
                }
            }
            assert_eq!(detector.known_count(), known.len());
        }
    }

    #[test]
    fn many_distinct_labels_stay_linear() {
        // A surname of letters only for each number.
        let surname = |mut n: usize| {
            let mut out = "Zu".to_owned();
            for _ in 0..4 {
                out.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            out
        };
        // Each label is looked up among all the earlier ones: an index, not a scan.
        let mut detector = TurnDetector::default();
        let started = std::time::Instant::now();
        for i in 0..50_000 {
            let name = surname(i);
            let TurnVerdict::Turn(turn) = detector.detect(&format!("Ivan {name}: Text."), true)
            else {
                panic!("{name} should open a turn");
            };
            detector.remember(&turn.label);
            // A surname alone opens a turn inside a speech only once it is known.
            assert!(matches!(
                detector.detect(&format!("{name}: Again."), true),
                TurnVerdict::Turn(_)
            ));
        }
        assert_eq!(detector.known_count(), 50_000);
        assert!(started.elapsed().as_secs_f64() < 20.0);
    }

    #[test]
    fn generic_label_helper() {
        assert!(is_generic_label("Question (retranslated)"));
        assert!(is_generic_label("Q"));
        assert!(is_generic_label("Журналист"));
        assert!(!is_generic_label("Vladimir Putin"));
        assert!(!is_generic_label("The Speaker"));
        assert!(is_generic_label("Question from the floor"));
        assert!(is_generic_label("Вопрос из зала"));
        assert!(!is_generic_label("Journaliste Jean Dupont"));
        assert!(!is_generic_label("Questions remain"));
    }

    #[test]
    fn a_detector_from_the_middle_agrees_only_on_what_it_kept() {
        let judged = |lines: usize| {
            let later = TurnDetector::from_middle();
            for _ in 0..lines {
                // A surname alone inside a speech asks whether a label with it is known.
                assert!(!later.is_turn("Mares: we go on.", true));
            }
            later.into_misses()
        };
        let before = TurnDetector::default();
        assert!(before.agrees_after(&judged(3)));
        let mut knows = TurnDetector::default();
        knows.remember("President Ivo Mares");
        assert!(
            !knows.agrees_after(&judged(3)),
            "a known surname makes a turn"
        );
        // Past the limit the lines are not kept, and nothing is agreed.
        assert!(!before.agrees_after(&judged(MAX_MISSES + 1)));
    }
}
