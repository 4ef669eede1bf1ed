//! What a label says on its own (a name, a role, a sentence, a heading …) and what the
//! text after it and the labels known so far add: the rules that accept or reject the
//! text before a colon as a speaker label.

use std::rc::Rc;

use super::label_words::{
    Case, bare, case_of, check_punctuation, generic_key, is_dash, is_generic_name, is_known,
    is_role_key, is_sentence_mark, is_verb_elision, may_open_role_label, name_like_end,
    starts_with_quote,
};
use super::turns::{Ctx, Reason};
use crate::parse::people::is_role_word;
use crate::parse::words::labels::lex;
use crate::text::{contains_ascii_ci, fold};

/// Longest label looked at, in bytes: a colon further along is inside prose.
pub(super) const MAX_LABEL_BYTES: usize = 400;
/// Most words a label may have outside brackets ("Secrétaire général de l'Organisation du
/// Traité de sécurité collective Imangali Tasmagambetov" has ten).
const MAX_LABEL_WORDS: usize = 12;
/// Most words of an all-caps briefing or hearing label ("THE DEPUTY PRESS SECRETARY").
const MAX_CAPS_WORDS: usize = 7;
/// Most words inside one bracket group ("(Minister of Transport, Lib.)").
const MAX_BRACKET_WORDS: usize = 10;
/// A run of this many lowercase content words reads as a sentence, not a role.
const MAX_LOWER_RUN: usize = 5;

/// Most distinct labels whose shape is kept (bounds the memory on hostile input; labels
/// past it are judged afresh each time, which is only slower).
const MAX_SHAPES: usize = 4096;

/// The label without its bracket groups, and the groups.
pub(super) struct LabelParts {
    /// Text outside brackets, spaces collapsed ("Jane Doe").
    pub(super) name: String,
    /// Text inside each top-level bracket group ("Some Constituency", "Party").
    pub(super) groups: Vec<String>,
}

pub(super) fn split_brackets(label: &str) -> Result<LabelParts, String> {
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
pub(super) enum Shape {
    /// A role-only label (`true`: generic, "Question") or a role label ("The Speaker"):
    /// accepted whatever follows.
    Accepted(bool),
    /// A label that reads as a name; the checks that depend on the context remain.
    Name(NameShape),
}

#[derive(Clone, Debug)]
pub(super) struct NameShape {
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
pub(super) fn judge(label: &str, rest: &str, ctx: &Ctx) -> Result<bool, Reason> {
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

/// Most words of a label made of a long role and a name ("Chair of the Board of the
/// Foundation for the Study of Rivers Ana Petrova").
const MAX_LONG_ROLE_WORDS: usize = 24;

/// A long role in title case followed by a name: it opens with a role word, every
/// lowercase word joins the role's parts ("of", "the", "de la"), no word ends a sentence,
/// and the label ends in two capitalised words. Prose that long always has lowercase words
/// of its own.
fn is_long_role_then_name(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().filter(|w| !is_dash(w)).collect();
    if words.len() > MAX_LONG_ROLE_WORDS || label.contains(['(', '[']) {
        return false;
    }
    let opens_with_role = words.first().is_some_and(|w| is_role_word(&fold(w)));
    let has_connector = words.iter().any(|w| case_of(w) == Case::Lower);
    // The role's last noun and the name: at least three capitalised words after the last
    // lowercase one ("… of Rivers Ana Petrova"); "… of the Northern Rivers" has no name.
    let tail = words
        .iter()
        .rev()
        .take_while(|w| case_of(w) == Case::Upper)
        .count();
    if !opens_with_role || !has_connector || tail < 3 {
        return false;
    }
    let joins_role = |w: &&str| match case_of(w) {
        Case::Lower => lex().connectors.contains(bare(w).as_str()),
        Case::Upper => !w.ends_with(['.', ';']),
        Case::None => false,
    };
    words.iter().all(joins_role) && name_like_end(&words)
}

/// A single capital letter and a full stop: an initial ("I." of "I. Ilyin").
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
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
            && !is_long_role_then_name(label)
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
    if words.len() > MAX_LABEL_WORDS && !is_long_role_then_name(&parts.name) {
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
            // An initial ("I. Ilyin") is not the pronoun.
            _ if i == 0 && is_initial(word) && words.len() > 1 => false,
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
