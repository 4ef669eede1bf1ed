//! Speaker labels in text flowed from a PDF: the line breaks of the record are gone, and a
//! turn such as "Mr. Lund (Norway):" or "The President:" starts in the middle of a line,
//! right after the sentence that ended the turn before. Such a line is cut before the
//! label, so the turn detector sees the label where it always does, at a line's start.
//!
//! Only strong labels are taken there, since prose has colons too: an honorific, a name and
//! a bracketed country or party ("Ms. Varga (Kestria):"), or a short role label opened by
//! an article ("The President:", "Le Président :"), accepted by the turn detector.

use super::classify::turns::{TurnContext, TurnVerdict, detect_turn};
use super::normalize::SourceLine;
use super::people::is_honorific;
use crate::text::fold;

/// Longest label looked for after a sentence, in bytes.
const MAX_FLOWED_LABEL_BYTES: usize = 120;
/// Most words of a role label opened by an article ("The Acting President").
const MAX_ROLE_LABEL_WORDS: usize = 4;
/// Articles that open a role label.
const ARTICLES: &[&str] = &["The", "Le", "La", "L'", "L’"];

/// Cuts each line before every strong speaker label that starts after a sentence in its
/// middle; the pieces keep the line's number.
pub(crate) fn split_flowed_labels(lines: Vec<SourceLine>) -> Vec<SourceLine> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let cuts = label_starts(&line.text);
        if cuts.is_empty() {
            out.push(line);
            continue;
        }
        let mut from = 0;
        for cut in cuts.into_iter().chain([line.text.len()]) {
            if let Some(piece) = line.text.get(from..cut) {
                out.push(SourceLine {
                    number: line.number,
                    text: piece.trim_end().to_owned(),
                });
            }
            from = cut;
        }
    }
    out
}

/// Byte offsets in `text` where a strong label starts after a sentence's end.
fn label_starts(text: &str) -> Vec<usize> {
    // Cheap test first: most lines have no colon past their start.
    if !text.get(1..).is_some_and(|t| t.contains(':')) {
        return Vec::new();
    }
    let ctx = TurnContext {
        known_labels: &[],
        in_speech: true,
    };
    text.match_indices(['.', '?', '!'])
        .filter_map(|(i, mark)| {
            let start = i + mark.len() + 1;
            (text.get(i + mark.len()..start) == Some(" ")).then_some(start)
        })
        .filter(|&start| {
            let rest = text.get(start..).unwrap_or("");
            let Some(colon) = rest
                .get(..MAX_FLOWED_LABEL_BYTES.min(rest.len()))
                .and_then(|w| w.find(':'))
            else {
                return false;
            };
            let label = rest.get(..colon).unwrap_or("").trim_end();
            is_strong_label(label)
                && matches!(detect_turn(rest, &ctx), TurnVerdict::Turn(t) if !t.generic)
        })
        .collect()
}

/// "Mr. Lund (Norway)" or "The President": a label no sentence is likely to end with.
fn is_strong_label(label: &str) -> bool {
    let words: Vec<&str> = label.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    // French "M." is an initial elsewhere; before a name and a country it is "Monsieur".
    let honorific = is_honorific(&fold(first)) || matches!(*first, "M." | "MM.");
    let honorific_name_country = honorific
        && label.ends_with(')')
        && words
            .get(1)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let article_role = ARTICLES.contains(first)
        && words.len() <= MAX_ROLE_LABEL_WORDS
        && !label.contains(['(', ',']);
    honorific_name_country || article_role
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<String> {
        split_flowed_labels(vec![SourceLine {
            number: 7,
            text: text.to_owned(),
        }])
        .into_iter()
        .map(|l| l.text)
        .collect()
    }

    #[test]
    fn a_label_after_a_sentence_starts_a_line() {
        assert_eq!(
            split(
                "The President: I welcome the Minister. Mr. Sorokin (Orlavia): I thank you. The President: Thank you."
            ),
            [
                "The President: I welcome the Minister.",
                "Mr. Sorokin (Orlavia): I thank you.",
                "The President: Thank you."
            ]
        );
    }

    #[test]
    fn prose_with_colons_stays_whole() {
        for text in [
            "We agreed on one thing. The answer: more bridges.",
            "He said it twice. Ivan Petrov: a friend of the river.",
            "It was late. Mr. Lund said: enough.",
            "Results (Orlavia): ten votes to two.",
            "The plan is simple. The Plan of the Year Award for Rivers Is Ours: no.",
        ] {
            assert_eq!(split(text), [text], "{text}");
        }
    }

    #[test]
    fn pieces_keep_the_line_number() {
        let lines = split_flowed_labels(vec![SourceLine {
            number: 3,
            text: "Thank you. Ms. Varga (Kestria): We agree.".to_owned(),
        }]);
        assert_eq!(lines.iter().map(|l| l.number).collect::<Vec<_>>(), [3, 3]);
    }
}
