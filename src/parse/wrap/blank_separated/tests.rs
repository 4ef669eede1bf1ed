//! Unit tests of blank-separated paragraphs.

use super::*;
use crate::parse::lines::clean_lines;
use crate::parse::normalize::prepare_lines;

fn texts(text: &str) -> Vec<String> {
    prepare_lines(text).into_iter().map(|l| l.text).collect()
}

fn separated(text: &str) -> bool {
    blank_lines_separate_paragraphs(&clean_lines(text).lines)
}

/// Three paragraphs between blank lines, their lines broken in mid-sentence and before
/// capitals.
const LETTER: &str = concat!(
    "The ferry to Holm Island ran late again\n",
    "this week. Its captain blamed the\n",
    "weather.\n",
    "Nobody in the harbour believed him.\n",
    "\n",
    "On Tuesday the council asked for the\n",
    "logbook. It showed calm seas.\n",
    "\n",
    "We will hear the captain on Friday. The\n",
    "meeting is open to all.\n",
);

#[test]
fn blank_separated_blocks_are_read_as_paragraphs() {
    assert!(separated(LETTER));
    assert_eq!(
        texts(LETTER),
        [
            "The ferry to Holm Island ran late again this week. Its captain blamed the \
             weather. Nobody in the harbour believed him.",
            "",
            "On Tuesday the council asked for the logbook. It showed calm seas.",
            "",
            "We will hear the captain on Friday. The meeting is open to all.",
            "",
        ]
    );
}

#[test]
fn a_paragraph_on_each_line_is_not_blank_separated() {
    let web = concat!(
        "Talks on the river ports\n",
        "\n",
        "The talks were long. Both sides spoke of trade.\n",
        "We agreed on the bridge.\n",
        "Thank you.\n",
        "\n",
        "The following took part:\n",
        "Minister of Ports Ada Brandt,\n",
        "Adviser Ole Marsk\n",
        "and Governor Ivo Mares.\n",
        "\n",
        "The ministers then met the press.\n",
        "They answered questions.\n",
    );
    assert!(!separated(web));
    assert_eq!(texts(web), web.split('\n').collect::<Vec<_>>());
}

#[test]
fn too_few_blocks_or_open_breaks_are_not_enough() {
    // Two blocks only.
    assert!(!separated(
        "the one and the\nother and the\nthird and the\nfourth.\n\nthe end and the\nend.\n"
    ));
    // Enough blocks, but one break in mid-sentence.
    assert!(!separated(
        "One. And the\nnext.\n\nTwo.\nThree.\n\nFour.\nFive.\n"
    ));
}

#[test]
fn lines_that_stand_apart_stay_apart_inside_a_block() {
    let text = format!(
        "{LETTER}\nIVO MARES: We thank the\ncouncil for its work.\nANNA BERG: And the\nharbour staff.\n\
         \nWe decided the following:\n- the logbook is kept\nin the office,\n- the captain reports weekly.\n\
         \nTHE NEXT MEETING\nIt is set for the\nfirst of May.\n(Applause.)\nThe hall then emptied.\n\
         \n3 of 9\nThe harbour at dawn, as the\nferry leaves.\n"
    );
    let lines = texts(&text);
    let after_letter = lines.get(5..).unwrap_or_default();
    assert_eq!(
        after_letter,
        [
            "",
            "IVO MARES: We thank the council for its work.",
            "ANNA BERG: And the harbour staff.",
            "",
            "We decided the following:",
            "- the logbook is kept in the office,",
            "- the captain reports weekly.",
            "",
            "THE NEXT MEETING",
            "It is set for the first of May.",
            "(Applause.)",
            "The hall then emptied.",
            "",
            "3 of 9",
            "The harbour at dawn, as the ferry leaves.",
            "",
        ]
    );
}

#[test]
fn the_header_at_the_top_keeps_its_lines() {
    let text = format!("River Ports Council\nApril 2, 2031\nVarengrad\n\n{LETTER}");
    let lines = texts(&text);
    assert_eq!(
        lines.get(..4).unwrap_or_default(),
        ["River Ports Council", "April 2, 2031", "Varengrad", ""]
    );
    // A header in the same block as the first paragraph.
    let text = format!("River Ports Council\nVarengrad\nThe ferry ran late\nagain.\n\n{LETTER}");
    let lines = texts(&text);
    assert_eq!(
        lines.get(..4).unwrap_or_default(),
        [
            "River Ports Council",
            "Varengrad",
            "The ferry ran late again.",
            ""
        ]
    );
}

#[test]
fn salutations_join_the_block_they_open() {
    let text = format!("Members of the Council,\nCitizens of Holm,\n\n{LETTER}");
    assert_eq!(
        texts(&text).first().map(String::as_str),
        Some("Members of the Council, Citizens of Holm,")
    );
}

#[test]
fn line_ends_are_told_apart() {
    for text in ["since the", "In those", "the roads", "ж и город"] {
        assert!(ends_with_lowercase_word(text), "{text:?}");
    }
    for text in [
        "Varengrad",
        "Ivo Mares",
        "2031",
        "the end.",
        "the inter-",
        "",
    ] {
        assert!(!ends_with_lowercase_word(text), "{text:?}");
    }
    for text in ["Yes.", "Citizens,", "(Agreed.)", "As follows:", "“Quoted,”"] {
        assert!(ends_with_punctuation(text), "{text:?}");
    }
    for text in ["Varengrad", "the roads", ""] {
        assert!(!ends_with_punctuation(text), "{text:?}");
    }
}
