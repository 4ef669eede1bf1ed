//! Unit tests of the line stage: cleaning, margin numbers.

use super::*;
use crate::parse::normalize::prepare_lines;

fn texts(lines: &[Line]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

#[test]
fn spaces_and_line_endings_are_cleaned() {
    let clean = clean_lines("  Vladimir\u{00A0}Putin :\u{202F}Hello \r\n\r\nBye");
    assert_eq!(texts(&clean.lines), ["Vladimir Putin : Hello", "", "Bye"]);
    let numbers: Vec<usize> = clean.lines.iter().map(|l| l.number).collect();
    assert_eq!(numbers, [1, 2, 3]);
    assert!(!clean.margin_numbered);
}

#[test]
fn each_line_is_cleaned_as_clean_spaces_would() {
    let text = "  Title\u{00A0} of  the day \r\n\tFirst\tline\u{200B}.\r\n\
\u{FEFF}Second line.\n\n   \nThird   line\u{3000}here\x0Cand there\nLast.  ";
    let want: Vec<String> = text
        .split('\n')
        .map(|l| clean_spaces(&l.replace(['\x0C', '\r'], " ")))
        .collect();
    let got: Vec<String> = prepare_lines(text).into_iter().map(|l| l.text).collect();
    assert_eq!(got, want);
}

#[test]
fn odd_spaces_anywhere_are_cleaned_as_clean_spaces_would() {
    let odd = [
        ' ', '\t', '\r', '\x0C', '\x0B', '\u{00A0}', '\u{00AD}', '\u{2000}', '\u{2005}',
        '\u{200A}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{202F}', '\u{205F}', '\u{3000}',
        '\u{FEFF}', '\u{2019}', '\u{00AB}', '\u{2014}', '\u{2026}', 'é', 'Ж', 'a',
    ];
    for a in odd {
        for b in odd {
            for case in [
                format!("{a}x{b}y"),
                format!("x{a}{b}y"),
                format!("  x{a}y{b} "),
            ] {
                let want = clean_spaces(&case.replace(['\x0C', '\r'], " "));
                assert_eq!(clean_line(1, &case).text, want, "{case:?}");
            }
        }
    }
}

#[test]
fn a_line_that_only_breaks_the_page_is_removed() {
    assert_eq!(clean_line(1, "\x0C").state, State::Removed);
    assert_eq!(clean_line(1, " \x0C \r").state, State::Removed);
    let line = clean_line(1, "\x0CPage 2");
    assert_eq!((line.state, line.form_feed), (State::Text, true));
    assert_eq!(clean_line(1, " \r").state, State::Blank);
}

#[test]
fn numbered_captions_keep_their_numbers() {
    let text = "1 Before the talks. Photo: Ana Kirov\n\n2 During the talks. Photo: Ana Kirov\n\n\
3 After the talks. Photo: Ana Kirov\n\n4 The delegations. Photo: Ana Kirov\n\n\
5 The signing. Photo: Ana Kirov\nThe talks lasted two hours.";
    let clean = clean_lines(text);
    assert!(!clean.margin_numbered);
    assert_eq!(texts(&clean.lines), text.split('\n').collect::<Vec<_>>());
}

#[test]
fn margin_numbers_are_stripped() {
    let text = "1 MR. SMITH: Good morning.\n2 THE WITNESS: Good morning.\n3 MR. SMITH: State your name.\n\
4 THE WITNESS: Jane Roe.\n5 MR. SMITH: Thank you.\n6\n7 THE COURT: Recess.";
    let clean = clean_lines(text);
    assert!(clean.margin_numbered);
    assert_eq!(
        texts(&clean.lines),
        [
            "MR. SMITH: Good morning.",
            "THE WITNESS: Good morning.",
            "MR. SMITH: State your name.",
            "THE WITNESS: Jane Roe.",
            "MR. SMITH: Thank you.",
            "",
            "THE COURT: Recess."
        ]
    );
    // The numbered empty line is a paragraph break.
    assert_eq!(clean.lines.get(5).map(|l| l.state), Some(State::Blank));
    assert!(clean.lines.iter().all(|l| l.numbered));
}

#[test]
fn unnumbered_blank_lines_between_margin_numbers_are_spacing() {
    let text = " 1  MR. SMITH: Good morning.\n\n 2  THE WITNESS: Good morning.\n\n\
 3  MR. SMITH: Your name?\n\n 4  THE WITNESS: Jane Roe.\n\n 5  MR. SMITH: Thanks.";
    let clean = clean_lines(text);
    assert!(clean.margin_numbered);
    let states: Vec<State> = clean.lines.iter().map(|l| l.state).collect();
    assert_eq!(states.get(1), Some(&State::Spacing));
    assert_eq!(states.iter().filter(|&&s| s == State::Spacing).count(), 4);
}

#[test]
fn leading_numbers_stay_where_margins_are_not_numbered() {
    // Too few numbered lines for a margin-numbered document: every line is cleaned as
    // it stands, leading zeros and all.
    let text = "Report of the day\n\n  07   ministers came.\n12  The talks  ended.\n\
1   \n5  \u{00A0}spaces\n3   Photo: A Press\nLater that day the talks went on.\n\
A second paragraph came after that.\nThen a third.\n99\tTabbed  line\n";
    let want: Vec<String> = text.split('\n').map(clean_spaces).collect();
    let got: Vec<String> = prepare_lines(text).into_iter().map(|l| l.text).collect();
    assert_eq!(got, want);
}

#[test]
fn margin_numbers_are_one_or_two_digits_before_a_space() {
    let of = |text: &str| Margin::of(text).map(|m| (m.number, m.cut, m.photo));
    assert_eq!(of("12 The witness"), Some((12, 3, false)));
    assert_eq!(of("7"), Some((7, 1, false)));
    assert_eq!(of("07 x"), Some((7, 3, false)));
    assert_eq!(of("3 Caption. Photo: A Press"), Some((3, 2, true)));
    assert_eq!(of("123 words"), None);
    assert_eq!(of("12. The witness"), None);
    assert_eq!(of("The witness"), None);
    let far = format!("12 {}x", "\u{2028}".repeat(MAX_MARGIN_BYTES));
    assert_eq!(of(&far), None);
}

#[test]
fn photos_are_named_in_any_case_and_in_russian() {
    for text in [
        "Photo",
        "FOTO",
        "a photograph",
        "phOto",
        "x foto y",
        "Фото: ТАСС",
    ] {
        assert!(names_photo(text), "{text:?}");
    }
    for text in ["foo", "oto", "hoto", "p hoto", "Fot", "", "Пхото", "фот"] {
        assert!(!names_photo(text), "{text:?}");
    }
}

#[test]
fn numbers_out_of_sequence_are_no_margin() {
    let text = "10 a\n3 b\n25 c\n7 d\n40 e\n12 f\n";
    assert!(!clean_lines(text).margin_numbered);
    let text = "1 a\n2 b\n3 c\n1 d\n2 e\n3 f\n";
    assert!(clean_lines(text).margin_numbered);
}

#[test]
fn indents_are_measured_after_the_margin_number() {
    let text = " 1            JUDGE ALVES: Good\n 2  morning.\n 3\tTabbed.\n 4  Done.\n5  Five.\n";
    let lines = clean_lines(text).lines;
    let indents: Vec<usize> = lines.iter().map(|l| l.indent).collect();
    assert_eq!(indents, [14, 4, 8, 4, 3, 0]);
    let plain = clean_lines("  two\n\tone tab\nnone\n").lines;
    let indents: Vec<usize> = plain.iter().map(|l| l.indent).collect();
    assert_eq!(indents, [2, 8, 0, 0]);
}
