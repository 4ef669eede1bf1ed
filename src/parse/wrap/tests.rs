//! Unit tests of the wrap stage.

use super::*;
use crate::parse::lines::clean_lines;
use crate::parse::normalize::prepare_lines;

fn texts(lines: &[SourceLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

fn numbers(lines: &[SourceLine]) -> Vec<usize> {
    lines.iter().map(|l| l.number).collect()
}

#[test]
fn short_web_pages_are_not_taken_for_wrapped_text() {
    let text = "Talks\n\nQuestion: When?\n<...>\nSoon, I hope.\n* * *\nAfter the break.\n\
Topics\nTransport, Energy\nPersons\n\nhttps://example.org/1\n";
    assert_eq!(wrap_width(&clean_lines(text).lines), None);
    assert_eq!(
        texts(&prepare_lines(text)),
        text.split('\n').collect::<Vec<_>>()
    );
}

const PROSE: &str = "\
The committee met on a grey morning in the old harbour hall,\n\
where the ferry operators had gathered to hear the ruling on\n\
their contracts. Nobody expected the meeting to last long.\n\
\n\
The chairman opened with a short statement about the delays\n\
and the penalties. He then turned to the first witness, who\n\
had travelled from the islands to give evidence in person.\n\
\n\
Short closing line.";

#[test]
fn the_wrap_width_is_measured_on_long_open_lines() {
    assert_eq!(wrap_width(&clean_lines(PROSE).lines), Some(60));
}

#[test]
fn hard_wrapped_prose_is_joined_but_not_across_blank_lines() {
    let lines = prepare_lines(PROSE);
    assert_eq!(
        texts(&lines),
        [
            "The committee met on a grey morning in the old harbour hall, where the ferry \
operators had gathered to hear the ruling on their contracts. Nobody expected the meeting to last long.",
            "",
            "The chairman opened with a short statement about the delays and the penalties. \
He then turned to the first witness, who had travelled from the islands to give evidence in person.",
            "",
            "Short closing line."
        ]
    );
    assert_eq!(numbers(&lines), [1, 4, 5, 8, 9]);
}

#[test]
fn double_spaced_margin_lines_are_unwrapped() {
    let text = "\
 1  SENATOR OKAFOR: Ms. Valdez, I have read the renegotiated\n\
\n\
 2  schedule. It contains a penalty clause for late delivery,\n\
\n\
 3  but the penalty is capped at two percent of the contract\n\
\n\
 4  value. Who agreed to that cap?\n\
\n\
 5\n\
\n\
 6  MS. VALDEZ: The cap was proposed by the yard and accepted\n\
\n\
 7  by our legal counsel after consultation with the ministry.\n";
    let lines = prepare_lines(text);
    assert_eq!(
        texts(&lines),
        [
            "SENATOR OKAFOR: Ms. Valdez, I have read the renegotiated schedule. It contains a \
penalty clause for late delivery, but the penalty is capped at two percent of the contract \
value. Who agreed to that cap?",
            "",
            "MS. VALDEZ: The cap was proposed by the yard and accepted by our legal counsel \
after consultation with the ministry."
        ]
    );
    assert_eq!(numbers(&lines), [1, 9, 11]);
}

/// `parts` joined as one paragraph, each line pushed after the first.
fn joined(parts: &[&str]) -> String {
    let line = |text: &str| Line {
        number: 1,
        text: text.to_owned(),
        state: State::Text,
        form_feed: false,
        numbered: false,
        indent: 0,
    };
    let Some((first, rest)) = parts.split_first() else {
        return String::new();
    };
    let mut paragraph = Paragraph::new(line(first));
    for next in rest {
        paragraph.push(next);
    }
    paragraph.finish().text
}

#[test]
fn words_broken_at_a_hyphen_are_joined_whole() {
    assert_eq!(joined(&["inter-", "national"]), "international");
    assert_eq!(joined(&["Harbour-", "Board"]), "Harbour-Board");
    assert_eq!(
        joined(&["the inter-", "national", "roads"]),
        "the international roads"
    );
    assert_eq!(joined(&["Ж-", "жизнь"]), "Жжизнь");
    assert_eq!(joined(&["1-", "word"]), "1- word");
    assert_eq!(joined(&["-", "word"]), "- word");
    assert_eq!(joined(&["a", "-", "word"]), "a - word");
    assert_eq!(joined(&["e-", "mail", "x-", "ray"]), "email xray");
    assert_eq!(joined(&["ab-", "--"]), "ab- --");
}

#[test]
fn a_paragraph_of_one_line_is_that_line() {
    assert_eq!(joined(&["Alone."]), "Alone.");
}

#[test]
fn capitals_are_told_from_letters_alone() {
    for (text, caps) in [
        ("", false),
        ("A", false),
        ("AB", true),
        ("A B", true),
        ("Ab", false),
        ("MR. SMITH:", true),
        ("1 2 3", false),
        ("X1Y", true),
        ("СЛУШАНИЯ", true),
        ("Слушания", false),
    ] {
        assert_eq!(is_all_caps(text), caps, "{text:?}");
    }
}

#[test]
fn captions_start_with_a_number_or_a_series() {
    for text in [
        "3 The hall",
        "3/21 The hall",
        "3 of 21 The hall",
        "12 из 40 Зал",
    ] {
        assert!(starts_caption(text), "{text:?}");
    }
    for text in [
        "3 the hall",
        "1234 The hall",
        "3/ The hall",
        "The hall",
        "3The hall",
    ] {
        assert!(!starts_caption(text), "{text:?}");
    }
}

#[test]
fn sentences_end_inside_quotes_and_brackets() {
    for text in ["Yes.", "He said “no.”", "(Agreed.)", "Why?", "As follows:"] {
        assert!(ends_sentence(text), "{text:?}");
    }
    for text in ["and then", "the inter-", "“Quoted”", ""] {
        assert!(!ends_sentence(text), "{text:?}");
    }
}

#[test]
fn a_turn_after_a_wrapped_line_starts_a_paragraph() {
    let wide = "and the committee will hear the witnesses on the matter of the";
    let text = format!(
        "IVO MARES: We open the session on roads\n{wide}\nbudget today.\n\n\
         ANNA BERG: Thank you and I will be brief\n{wide}\nMARES: Yes, go on.\n"
    );
    let clean = clean_lines(&text);
    let lines = join_wrapped(clean.lines, 64, None);
    let starts: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.text.split(':').next())
        .filter(|s| !s.is_empty())
        .collect();
    assert_eq!(starts, ["IVO MARES", "ANNA BERG", "MARES"]);
}

#[test]
fn a_page_break_does_not_end_a_paragraph() {
    let page = |first: &str, last: &str| {
        let middle: String = (2..25)
            .map(|n| format!("{n:2}  the ferry crossed the strait with the morning post and\n"))
            .collect();
        format!(
            "{:2}  {first}\n{middle}25  {last}\n\nArland Reporting\n\n",
            1
        )
    };
    let text = format!(
        "{}{}{}",
        page(
            "MS. RENN: The crossing was late, and the post went to",
            "the council of"
        ),
        page("Holm Island, which had asked for it.", "Nobody complained."),
        page("The council met later.", "That was all.")
    );
    let lines = prepare_lines(&text);
    // The sentence cut at the first page break is one paragraph; the second page break,
    // after a full stop, ends one.
    assert!(
        lines
            .iter()
            .any(|l| l.text.contains("the council of Holm Island,"))
    );
    assert!(!lines.iter().any(|l| l.text.starts_with("Holm Island")));
    assert!(
        lines
            .iter()
            .any(|l| l.text.starts_with("The council met later."))
    );
}
