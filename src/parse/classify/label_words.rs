//! The word tests a label's rules are made of: a word's case, its bare form, initials and
//! title abbreviations, a name-like end, a surname, a role-only word.

use super::turns::Known;
use crate::parse::words::labels::{ROLE_PREFIXES, lex};
use crate::parse::words::particles::past_hyphen_particle;
use crate::text::fold;

/// Most words of a role-only label ("Member of the audience (retranslated)" has four outside
/// the brackets).
const MAX_ROLE_LABEL_WORDS: usize = 6;

/// Characters that end or quote a sentence; never part of a label.
pub(super) fn is_sentence_mark(c: char) -> bool {
    matches!(c, '!' | '?' | ';' | '…' | '"' | '«' | '»' | '“' | '”' | '„')
}

/// Whether the first word of `name` (folded) can open a generic or role-only label.
pub(super) fn may_open_role_label(name: &str) -> bool {
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

pub(super) fn starts_with_quote(text: &str) -> bool {
    text.starts_with(['"', '«', '“', '„', '‘', '\''])
}

pub(super) fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "–" | "—" | "‒" | "―")
}

/// Full stops are allowed after initials and title abbreviations only: "В.Путин", "V.V. Putin",
/// "Mr.", "Hon.", "Дж.Байден".
pub(super) fn check_punctuation(word: &str) -> Result<(), String> {
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

pub(super) fn is_initial_or_title(piece: &str) -> bool {
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
pub(super) enum Case {
    Upper,
    Lower,
    /// No letter at all ("2024", "&").
    None,
}

/// The case of a word's first letter, looking past an elided article ("l'Organisation") and
/// a name particle joined by a hyphen ("al-Rashid").
pub(super) fn case_of(word: &str) -> Case {
    let word = past_hyphen_particle(strip_elision(word));
    match word.chars().find(|c| c.is_alphabetic()) {
        Some(c) if c.is_uppercase() => Case::Upper,
        Some(c) if c.is_lowercase() => Case::Lower,
        Some(_) => Case::Upper, // scripts without case count as names
        None => Case::None,
    }
}

pub(super) fn strip_elision(word: &str) -> &str {
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
pub(super) fn bare(word: &str) -> String {
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
pub(super) fn is_verb_elision(bare_word: &str) -> bool {
    ["j'", "c'", "n'", "qu'", "s'", "m'", "t'"]
        .iter()
        .any(|p| bare_word.starts_with(p))
}

pub(super) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The folded label without a trailing number ("question 2" → "question").
pub(super) fn generic_key(name: &str) -> String {
    let folded = collapse(&fold(name));
    match folded.rsplit_once(' ') {
        Some((head, tail)) if tail.chars().all(|c| c.is_ascii_digit()) => head.to_owned(),
        _ => folded,
    }
}

/// A role-only word, alone or with a lowercase qualifier ("Question from the floor",
/// "Вопрос из зала"); "Journaliste Jean Dupont" names a person. `key` is [`generic_key`].
pub(super) fn is_generic_name(name: &str, key: &str) -> bool {
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

/// "The Speaker", "Mr. Speaker", "Le Président", "Ведущий": one person known by role only.
/// `key` is [`generic_key`].
pub(super) fn is_role_key(key: &str) -> bool {
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
pub(super) fn is_known(label: &str, name: &str, has_groups: bool, known: Known) -> bool {
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
pub(super) fn outside_brackets(folded: &str) -> &str {
    folded.split(['(', '[']).next().unwrap_or("")
}

pub(super) fn surname_of(folded: &str) -> Option<&str> {
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
pub(super) fn name_like_end(words: &[&str]) -> bool {
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
