//! Unit tests of paragraph indents.

use super::*;
use crate::parse::lines::clean_lines;
use crate::parse::normalize::prepare_lines;

/// A margin-numbered page: turns and paragraphs indented ten columns past the running
/// text, an appearance with a hanging indent.
const PAGE: &str = concat!(
    " 1            JUDGE ALVES: We will hear the appeal now.\n",
    " 2  Counsel, you may begin.\n",
    " 3            MS. RENN: Thank you. The tolls were raised\n",
    " 4  in March. The ferry company\n",
    " 5            The board agreed, and the rise stood.\n",
    " 6  APPEARANCES:\n",
    " 7  IDA RENN, ESQ., Port Elm; on behalf of the\n",
    " 8    Appellant.\n",
    " 9  OLE MARSK, ESQ., Port Elm; on behalf of the\n",
    "10    Respondent.\n",
);

fn texts(text: &str) -> Vec<String> {
    prepare_lines(text).into_iter().map(|l| l.text).collect()
}

#[test]
fn the_running_and_paragraph_columns_are_read_from_numbered_lines() {
    let indent = ParagraphIndent::of(&clean_lines(PAGE).lines);
    assert_eq!(
        indent,
        Some(ParagraphIndent {
            running: 4,
            paragraph: 14
        })
    );
}

#[test]
fn lines_without_a_deeper_column_show_no_paragraph_indent() {
    let flat = " 1  One line\n 2  and the next\n 3  and more\n 4  and more\n 5  and the end.\n";
    assert_eq!(ParagraphIndent::of(&clean_lines(flat).lines), None);
    // Unnumbered lines do not count, however they are indented.
    let web = "Title\n          indented\n          indented\n          indented\nplain\n";
    assert_eq!(ParagraphIndent::of(&clean_lines(web).lines), None);
}

#[test]
fn a_deeper_indent_starts_a_paragraph_and_the_running_column_goes_on() {
    let indent = ParagraphIndent {
        running: 4,
        paragraph: 14,
    };
    assert!(indent.starts_paragraph(14));
    assert!(indent.starts_paragraph(9));
    assert!(!indent.starts_paragraph(8));
    assert!(indent.continues(14, 4));
    assert!(indent.continues(4, 4));
    assert!(indent.continues(4, 6), "a hanging line goes on");
    assert!(
        !indent.continues(6, 4),
        "back from a hanging line: a new entry"
    );
    assert!(!indent.continues(4, 14));
}

#[test]
fn an_indented_transcript_is_joined_by_its_indents() {
    assert_eq!(
        texts(PAGE),
        [
            "JUDGE ALVES: We will hear the appeal now. Counsel, you may begin.",
            "MS. RENN: Thank you. The tolls were raised in March. The ferry company",
            "The board agreed, and the rise stood.",
            "APPEARANCES:",
            "IDA RENN, ESQ., Port Elm; on behalf of the Appellant.",
            "OLE MARSK, ESQ., Port Elm; on behalf of the Respondent.",
        ]
    );
}
