//! Attendee lists: the shapes of their lines (entries with trailing commas, a last entry
//! after "and"/"et"/"и", an intro ending with a colon, an outro such as "also took part in
//! the meeting."), and lists in running prose ("… also took part: A, B and C.").

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::parse::people::fold_first_char;
use crate::text::{fold, folds_to_ascii_lowercase};

/// Folded fragments of the verbs and phrases that say people took part.
const PARTICIPATION: &[&str] = &[
    "particip",
    "took part",
    "take part",
    "taking part",
    "attended",
    "attending",
    "were present",
    "also present",
    "ont assiste",
    "a assiste",
    "pris part",
    "etaient presents",
    "участ",
    "присутств",
];

/// The plain ASCII fragments of [`PARTICIPATION`], in any case: ASCII text folds to its
/// lowercase (tabs and backquotes aside), so it needs no folded copy.
static PARTICIPATION_ASCII: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(PARTICIPATION.iter().filter(|p| p.is_ascii()))
        .ok()
});

/// Words that open the last entry of a list.
const CONJUNCTIONS: &[&str] = &["et ", "and ", "и ", "as well as ", "ainsi que ", "а также "];

/// Longest line taken as one list entry.
pub const MAX_ENTRY_BYTES: usize = 600;

/// Whether the text says that people took part.
pub fn mentions_participation(text: &str) -> bool {
    if let Some(fragments) = ascii_fragments(text) {
        return fragments.is_match(text);
    }
    let folded = fold(text);
    PARTICIPATION.iter().any(|p| folded.contains(p))
}

/// The searcher for the ASCII fragments of [`PARTICIPATION`] when `text` folds to its
/// ASCII lowercase.
fn ascii_fragments(text: &str) -> Option<&'static AhoCorasick> {
    folds_to_ascii_lowercase(text)
        .then(|| PARTICIPATION_ASCII.as_ref())
        .flatten()
}

/// Whether `line` opens with "and"/"et"/"и" (the last entry of a list).
pub fn starts_with_conjunction(line: &str) -> bool {
    strip_conjunction(line).len() < line.len()
}

/// `line` without a leading "and"/"et"/"и".
pub fn strip_conjunction(line: &str) -> &str {
    for conj in CONJUNCTIONS {
        if let Some(head) = line.get(..conj.len())
            && head.eq_ignore_ascii_case(conj)
        {
            return line.get(conj.len()..).unwrap_or(line).trim_start();
        }
    }
    line
}

/// The closing line of a list: "ont également participé au sommet.", "also took part in
/// the meeting.", "также приняли участие в заседании.".
pub fn is_outro(line: &str) -> bool {
    if line.len() > 300 || line.ends_with(',') {
        return false;
    }
    let lower_start = starts_lowercase(line);
    const ALSO: [&str; 4] = ["also ", "ont ", "также ", "были "];
    if let Some(fragments) = ascii_fragments(line) {
        let also_start = ALSO.iter().any(|w| {
            line.get(..w.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(w))
        });
        return (lower_start || also_start) && fragments.is_match(line);
    }
    // Most lines are sentences that open with a capital: the first character's fold tells
    // that they open with none of these words, without folding the line.
    let may_start_also = line
        .chars()
        .next()
        .and_then(fold_first_char)
        .is_none_or(|c| ALSO.iter().any(|w| w.starts_with(c)));
    if !lower_start && !may_start_also {
        return false;
    }
    let folded = fold(line);
    let also_start = ALSO.iter().any(|w| folded.starts_with(w));
    (lower_start || also_start) && PARTICIPATION.iter().any(|p| folded.contains(p))
}

/// Whether the first letter of `line` is a lowercase one.
fn starts_lowercase(line: &str) -> bool {
    line.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
}

/// An entry as the list shows it: without the leading conjunction and the trailing comma,
/// semicolon or full stop.
pub fn clean_entry(line: &str) -> String {
    strip_conjunction(line.trim())
        .trim_end_matches([',', ';', '.', ' '])
        .to_owned()
}

/// Whether a line ends like an unfinished list entry or a heading (no final punctuation).
/// A closing quote or bracket counts as what stands before it: "… (Norway)" and "“Rivers”"
/// are open, "… he said “no.”" and "(Laughter.)" end a sentence.
pub fn ends_open(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| ")]»\"”’'".contains(c));
    if core.len() == line.len() {
        return line.chars().next_back().is_some_and(char::is_alphanumeric);
    }
    !core.ends_with(['.', '!', '?', '…', ';', ','])
}

/// Openings of a sentence that lists people without a colon: "Taking part in the meeting
/// were A, B and C." (the verb "were" ends the intro).
const LIST_OPENERS: &[&str] = &[
    "taking part",
    "also taking part",
    "participating",
    "also participating",
    "attending",
    "also attending",
    "present",
    "also present",
    "in attendance",
];

/// A list in running prose: "Also taking part: A, B and C.", "Taking part in the meeting
/// were A, B and C.", "The meeting was attended by A, B and C." → the intro (up to and with
/// the colon, or the verb) and the entries.
pub fn prose_list(line: &str) -> Option<(String, Vec<String>)> {
    if line.len() > 4000 {
        return None;
    }
    let Some(colon) = line.find(':') else {
        return prose_list_without_colon(line);
    };
    let intro = line.get(..colon)?;
    let items = line.get(colon + 1..)?.trim();
    if items.is_empty() || !mentions_participation(intro) {
        return None;
    }
    let entries = split_prose_items(items);
    (!entries.is_empty()).then(|| (format!("{}:", intro.trim_end()), entries))
}

/// "Taking part in the meeting were A, B and C." or "… was attended by A, B and C.": the
/// intro ends with "were" after a participation opening, or with "attended by". Every entry
/// must hold a capital (a name), and there must be two at least.
fn prose_list_without_colon(line: &str) -> Option<(String, Vec<String>)> {
    if !line.is_ascii() {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let end = if let Some(at) = lower.find(" attended by ") {
        at + " attended by".len()
    } else if LIST_OPENERS.iter().any(|o| lower.starts_with(o)) {
        lower.find(" were ").map(|at| at + " were".len())?
    } else {
        return None;
    };
    let intro = line.get(..end)?.trim();
    let entries = split_prose_items(line.get(end..)?);
    let names = entries.iter().all(|e| e.chars().any(char::is_uppercase));
    (entries.len() >= 2 && names).then(|| (intro.to_owned(), entries))
}

/// Splits "A, B and C." into entries.
pub fn split_prose_items(items: &str) -> Vec<String> {
    let items = items.trim().trim_end_matches(['.', ';']);
    // A sentence after the list is not an entry.
    if items.contains(". ") {
        return Vec::new();
    }
    let mut parts: Vec<&str> = items.split([',', ';']).map(str::trim).collect();
    if let Some(last) = parts.pop() {
        let mut split = None;
        for conj in [" and ", " et ", " и ", " as well as ", " ainsi que "] {
            if let Some(pos) = last.rfind(conj) {
                split = Some((pos, conj.len()));
                break;
            }
        }
        match split.and_then(|(pos, len)| Some((last.get(..pos)?, last.get(pos + len..)?))) {
            Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
                parts.push(a.trim());
                parts.push(b.trim());
            }
            _ => parts.push(last),
        }
    }
    parts
        .into_iter()
        .map(clean_entry)
        .filter(|p| !p.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_closing_quote_or_bracket_counts_as_what_stands_before_it() {
        assert!(ends_open("Ms. Varga (Kestria)"));
        assert!(ends_open("The “Rivers”"));
        assert!(ends_open("Answers to questions"));
        assert!(!ends_open("He said it was “the end.”"));
        assert!(!ends_open("(Laughter.)"));
        assert!(!ends_open("Is that so?)"));
        assert!(!ends_open("The end."));
    }

    #[test]
    fn prose_lists_without_a_colon() {
        assert_eq!(
            prose_list(
                "Taking part in the session were Chair Ana Petrova, hydrologist Omar al-Rashid and economist Pieter van Dijk."
            ),
            Some((
                "Taking part in the session were".to_owned(),
                vec![
                    "Chair Ana Petrova".to_owned(),
                    "hydrologist Omar al-Rashid".to_owned(),
                    "economist Pieter van Dijk".to_owned()
                ]
            ))
        );
        assert_eq!(
            prose_list("The press conference was attended by Chair Marta Lindqvist and Secretary Ines Duarte.")
                .map(|(intro, items)| (intro, items.len())),
            Some(("The press conference was attended by".to_owned(), 2))
        );
        assert_eq!(
            prose_list("The participants were pleased with the talks and the dinner."),
            None
        );
        assert_eq!(prose_list("Taking part were many people."), None);
    }

    #[test]
    fn outros_and_conjunctions() {
        assert!(is_outro("ont également participé au sommet."));
        assert!(is_outro("also took part in the meeting."));
        assert!(is_outro("также приняли участие в заседании."));
        assert!(!is_outro("Les participants ont discuté des aspects clés."));
        assert!(starts_with_conjunction("et l’ambassadeur Boris Gryzlov."));
        assert!(starts_with_conjunction("and Ambassador Viktor Lanskoy."));
        assert!(!starts_with_conjunction("Andrei Velsky,"));
        assert_eq!(
            clean_entry("and Ambassador Viktor Lanskoy."),
            "Ambassador Viktor Lanskoy"
        );
        assert_eq!(
            clean_entry("le ministre Sergueï Choïgou,"),
            "le ministre Sergueï Choïgou"
        );
    }

    /// The checks as they were, folding every line.
    fn mentions_participation_by_folding(text: &str) -> bool {
        let folded = fold(text);
        PARTICIPATION.iter().any(|p| folded.contains(p))
    }

    fn is_outro_by_folding(line: &str) -> bool {
        if line.len() > 300 || line.ends_with(',') {
            return false;
        }
        let lower_start = starts_lowercase(line);
        let folded = fold(line);
        let also_start = ["also ", "ont ", "также ", "были "]
            .iter()
            .any(|w| folded.starts_with(w));
        (lower_start || also_start) && mentions_participation_by_folding(line)
    }

    #[test]
    fn shortcuts_agree_with_folding_on_literal_lines() {
        for line in [
            "Also TOOK PART in the talks.",
            "ALSO present: the governor.",
            "also\ttook part.",
            "`also took part.",
            "Ont assisté à la réunion.",
            "ÀLSO attended the summit.",
            "Также приняли участие в заседании.",
            "Были присутствовали.",
            "The ministers attended.",
            "were present.",
        ] {
            assert_eq!(is_outro(line), is_outro_by_folding(line), "{line:?}");
            assert_eq!(
                mentions_participation(line),
                mentions_participation_by_folding(line),
                "{line:?}"
            );
        }
        assert!(is_outro("Also took part in the talks."));
        assert!(!is_outro("The ministers took part."));
    }

    proptest::proptest! {
        #[test]
        fn shortcuts_agree_with_folding(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "also", "Also", "ALSO", "ont", "Ont", "также", "Также", "были", "took", "TOOK",
                "part", "Part", "attended", "particip", "ation", "assisté", "assiste", "pris",
                "étaient", "présents", "участие", "присутствовали", "the", "minister", "À",
                "`", "\t", ",", ".", ":", "", "Ölso",
            ]), 0..8),
            glue in proptest::sample::select(vec![" ", "", "  ", "\t"]),
        ) {
            let line = words.join(glue);
            proptest::prop_assert_eq!(is_outro(&line), is_outro_by_folding(&line));
            proptest::prop_assert_eq!(
                mentions_participation(&line),
                mentions_participation_by_folding(&line)
            );
        }
    }

    #[test]
    fn prose_lists_split_into_entries() {
        let (intro, items) =
            prose_list("Also taking part: Minister Pavel Sorokin, Aide Irina Voloshina and Governor Ivan Petrov.")
                .unwrap_or_default();
        assert_eq!(intro, "Also taking part:");
        assert_eq!(
            items,
            [
                "Minister Pavel Sorokin",
                "Aide Irina Voloshina",
                "Governor Ivan Petrov"
            ]
        );
        let (_, items) = prose_list("Также участвовали: Иван Петров, Анна Белова, и Олег Сидоров.")
            .unwrap_or_default();
        assert_eq!(items, ["Иван Петров", "Анна Белова", "Олег Сидоров"]);
        assert_eq!(prose_list("Let me be clear: we will win."), None);
    }
}
