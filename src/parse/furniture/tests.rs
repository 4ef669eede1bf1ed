//! Unit tests of the furniture stage.

use super::*;
use crate::parse::lines::clean_lines;
use crate::parse::normalize::prepare_lines;

fn texts(text: &str) -> Vec<String> {
    prepare_lines(text).into_iter().map(|l| l.text).collect()
}

#[test]
fn shapes_are_equal_when_the_lines_are_but_for_their_numbers() {
    // Each run of digits read as one '#'.
    let shape = |text: &str| {
        let mut out = String::new();
        for c in text.chars() {
            if !(c.is_ascii_digit() && out.ends_with('\u{0}')) {
                out.push(if c.is_ascii_digit() { '\u{0}' } else { c });
            }
        }
        out.replace('\u{0}', "#")
    };
    let texts = [
        "Page 3 of 40",
        "Page 12 of 40",
        "Page 12 of 4",
        "Page # of #",
        "Page ## of #",
        "Page of",
        "Hearing on ferries",
        "Hearing on ferries ",
        "hearing on ferries",
        "Official transcript",
        "Official transcript 2031",
        "Official transcript #",
        "",
        "#",
        "7",
    ];
    for a in texts {
        for b in texts {
            assert_eq!(
                furniture_shape(a) == furniture_shape(b),
                shape(a) == shape(b),
                "{a:?} and {b:?}"
            );
        }
    }
    let long = "x".repeat(MAX_FURNITURE_CHARS + 1);
    assert_eq!(furniture_shape(&long), None);
}

#[test]
fn repeated_headers_and_footers_are_dropped() {
    let mut text = String::new();
    for page in 1..=4 {
        text.push_str("OFFICIAL TRANSCRIPT\n\n");
        for i in 0..3 {
            text.push_str(&format!("MR. SMITH: Question {page}.{i} is answered.\n"));
        }
        text.push_str(&format!("\n- {page} -\n\x0C"));
    }
    let all = texts(&text);
    let non_blank: Vec<&str> = all
        .iter()
        .map(String::as_str)
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(non_blank.len(), 1 + 12, "{non_blank:?}");
    // The first header is the title.
    assert_eq!(non_blank.first(), Some(&"OFFICIAL TRANSCRIPT"));
    assert!(!non_blank.iter().any(|t| t.starts_with("- ")));
}

#[test]
fn page_counters_are_dropped_even_in_web_text() {
    let text =
        "Alpha said hello.\nPage 1 of 3\nBeta answered.\nPage 2 of 3\nGamma left.\nPage 3 of 3";
    assert_eq!(
        texts(text),
        ["Alpha said hello.", "Beta answered.", "Gamma left."]
    );
}

#[test]
fn repeated_short_speech_lines_stay() {
    let text = "Q Thank you.\n\nMR. SMITH: Thank you.\n\nQ\nThank you.\n\nMR. SMITH: Sure.\n\nQ\nThank you.\n\n<…>\n\n<…>\n\n<…>\nThank you.";
    assert_eq!(texts(text), text.split('\n').collect::<Vec<_>>());
}

#[test]
fn page_counters_are_told_by_their_words_and_a_number() {
    for text in ["Page 3 of 40", "PG. 3", "Seite 3", "Стр. 3", "страница 12"] {
        assert!(is_page_counter(text), "{text:?}");
    }
    let long = format!("Page 3 {}", "x".repeat(MAX_PAGE_COUNTER_BYTES));
    for text in ["Page", "Paged x", "Chapter 3", &long] {
        assert!(!is_page_counter(text), "{text:?}");
    }
}

#[test]
fn ornaments_directions_sentences_and_turns_are_no_furniture() {
    let turns = TurnDetector::default();
    for text in [
        "OFFICIAL TRANSCRIPT",
        "- 4 -",
        "Page 3 of 40",
        "Page 3 of 40.",
    ] {
        assert!(reads_as_furniture(text, &turns), "{text:?}");
    }
    for text in [
        "* * *",
        "<…>",
        "(Laughter.)",
        "[Pause]",
        "Thank you.",
        "MR. SMITH: Yes",
    ] {
        assert!(!reads_as_furniture(text, &turns), "{text:?}");
    }
}

#[test]
fn a_page_break_goes_whole_with_the_blank_lines_around_it() {
    let mut clean = clean_lines("Alpha went\n\n\x0C\n\nto the harbour.\n\nBeta stayed.");
    drop_page_breaks(&mut clean.lines);
    let states: Vec<State> = clean.lines.iter().map(|l| l.state).collect();
    assert_eq!(
        states,
        [
            State::Text,
            State::Removed,
            State::Removed,
            State::Removed,
            State::Text,
            State::Blank,
            State::Text
        ]
    );
}
