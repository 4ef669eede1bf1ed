//! Stage directions: what the record says happened rather than what was said —
//! "(Laughter.)", "[Inaudible]", "(Аплодисменты.)", "(Applaudissements.)", or a whole
//! bracketed paragraph such as "(Whereupon, at 11:02 a.m., the case was submitted.)".
//! They stay in the text as the source has them; every view finds them here, so the reader
//! sets them apart, Markdown puts them in italics, and word counts leave them out.

use crate::text::fold;

/// Most words inside an inline stage direction.
const MAX_INLINE_WORDS: usize = 12;
/// Most words of one that starts with a lowercase letter ("(laughter)", "(inaudible)").
const MAX_LOWERCASE_WORDS: usize = 3;

/// First words of a bracketed note that describe the room, folded (English, French,
/// Russian, German, Spanish).
const STAGE_WORDS: &[&str] = &[
    "laughter",
    "laughs",
    "applause",
    "inaudible",
    "crosstalk",
    "cross-talk",
    "interruption",
    "interruptions",
    "pause",
    "silence",
    "recess",
    "indiscernible",
    "unintelligible",
    "off-mic",
    "off-microphone",
    "whereupon",
    "noise",
    "audio",
    "video",
    "music",
    "rires",
    "applaudissements",
    "brouhaha",
    "exclamations",
    "inaudible.",
    "bruit",
    "смех",
    "аплодисменты",
    "оживление",
    "шум",
    "неразборчиво",
    "пауза",
    "beifall",
    "heiterkeit",
    "lachen",
    "zwischenruf",
    "risas",
    "aplausos",
];

/// Byte ranges `(start, end)` of the stage directions in `text`, brackets included, in
/// order and without overlap.
pub fn stage_directions(text: &str) -> Vec<(usize, usize)> {
    let trimmed = text.trim();
    if let Some(whole) = whole_note(text, trimmed) {
        return vec![whole];
    }
    bracket_groups(text)
        .into_iter()
        .filter(|&(s, e)| text.get(s + 1..e - 1).is_some_and(is_stage_note))
        .collect()
}

/// The words of `text` that were said: all but those of its stage directions.
pub fn count_spoken_words(text: &str) -> usize {
    let all = crate::word_count::count_words(text);
    let noted: usize = stage_directions(text)
        .iter()
        .filter_map(|&(s, e)| text.get(s..e))
        .map(crate::word_count::count_words)
        .sum();
    all.saturating_sub(noted)
}

/// A paragraph that is one bracket group from end to end.
fn whole_note(text: &str, trimmed: &str) -> Option<(usize, usize)> {
    if !trimmed.starts_with(['(', '[']) {
        return None;
    }
    let start = text.len() - text.trim_start().len();
    let groups = bracket_groups(trimmed);
    match groups.as_slice() {
        [(0, end)] if *end == trimmed.len() && trimmed.len() > 2 => {
            Some((start, start + trimmed.len()))
        }
        _ => None,
    }
}

/// Whether the inside of a bracket group describes the room: a short note whose first word
/// is a stage word.
fn is_stage_note(inner: &str) -> bool {
    let mut words = inner.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let capitalised = first.chars().next().is_some_and(char::is_uppercase);
    let words = inner.split_whitespace().count();
    // "(laughter)" is a note; "(laughter is rare here)" is an aside of the speaker's.
    let short_enough = if capitalised {
        MAX_INLINE_WORDS
    } else {
        MAX_LOWERCASE_WORDS
    };
    let first = fold(first.trim_end_matches(['.', ',', ';', '!', ')', ']']));
    STAGE_WORDS.contains(&first.as_str()) && words <= short_enough
}

/// Top-level round or square bracket groups of `text`, as byte ranges brackets included;
/// an unbalanced bracket ends the search. Brackets are ASCII, so the bytes are read, not
/// the characters (every paragraph of every indexed file goes through here).
fn bracket_groups(text: &str) -> Vec<(usize, usize)> {
    let mut groups = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        match b {
            b'(' | b'[' => {
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            b')' | b']' => {
                if depth == 0 {
                    break;
                }
                depth -= 1;
                if depth == 0 {
                    groups.push((start, i + 1));
                }
            }
            _ => {}
        }
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notes(text: &str) -> Vec<&str> {
        stage_directions(text)
            .into_iter()
            .map(|(s, e)| &text[s..e])
            .collect()
    }

    #[test]
    fn notes_inside_a_paragraph() {
        assert_eq!(
            notes("Second, the budget. (Laughter.) I know. [Inaudible] Yes. (Аплодисменты.)"),
            ["(Laughter.)", "[Inaudible]", "(Аплодисменты.)"]
        );
        assert_eq!(notes("Merci. (Applaudissements.)"), ["(Applaudissements.)"]);
    }

    #[test]
    fn a_bracketed_paragraph_is_a_note() {
        let text = "(Whereupon, at 11:02 a.m., the case was submitted.)";
        assert_eq!(notes(text), [text]);
        assert_eq!(notes(" (10:04 a.m.)"), ["(10:04 a.m.)"]);
    }

    #[test]
    fn brackets_that_are_part_of_what_is_said() {
        assert!(notes("The Union (and Kestria) agreed.").is_empty());
        assert!(notes("(Kestria) and (Orlavia) agreed.").is_empty());
        assert!(notes("A smile (laughter is rare here) and more words than a note has in it at all, really.").is_empty());
        assert!(notes("Unbalanced (Laughter.").is_empty());
        assert!(notes("()").is_empty());
    }

    #[test]
    fn spoken_words_leave_the_notes_out() {
        assert_eq!(count_spoken_words("I know. (Laughter.) I know."), 4);
        assert_eq!(count_spoken_words("(Applause.)"), 0);
        assert_eq!(count_spoken_words("No notes here."), 3);
    }
}
