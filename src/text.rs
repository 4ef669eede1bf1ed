//! Small text helpers shared by the parser, people matching and search.

use std::sync::LazyLock;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Folds text for matching: lowercase, accents removed, "ё" read as "е", typographic
/// apostrophes and odd spaces made plain. "Choïgou" and "choigou" fold alike.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    // ASCII runs are folded byte by byte: an ASCII character is its own decomposition and
    // a starter that no combining mark moves across, so cutting the text at ASCII
    // characters and decomposing only the runs between them gives the same result.
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().take_while(u8::is_ascii).count();
        let (head, tail) = rest.split_at_checked(ascii).unwrap_or((rest, ""));
        for b in head.bytes() {
            out.push(char::from(match b {
                b'`' => b'\'',
                b'\t' => b' ',
                b => b.to_ascii_lowercase(),
            }));
        }
        let other = tail.bytes().take_while(|b| !b.is_ascii()).count();
        let (run, after) = tail.split_at_checked(other).unwrap_or((tail, ""));
        for c in run.chars() {
            fold_char_into(c, &mut out);
        }
        rest = after;
    }
    out
}

/// Whether [`fold`] gives `text` in ASCII lowercase and nothing else: plain ASCII without
/// a tab or a backquote. Such text can be searched for folded words, in any ASCII case,
/// without a folded copy.
pub fn folds_to_ascii_lowercase(text: &str) -> bool {
    text.is_ascii() && memchr::memchr2(b'\t', b'`', text.as_bytes()).is_none()
}

/// [`str::trim`], with a shortcut for the usual cleaned line, which starts and ends with a
/// visible ASCII character: the line classifiers trim every line they are asked about.
#[inline]
pub fn trim(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(|&b| b > b' ' && b.is_ascii());
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// First code point past the characters whose folds are kept in a table.
const FOLD_TABLE_END: u32 = 0x0500;

/// [`fold`] of each character below [`FOLD_TABLE_END`] (Latin, Greek, Cyrillic), worked
/// out once. Folding can go character by character: a character's decomposition does not
/// depend on its neighbours, and the combining marks that canonical reordering would move
/// are all dropped.
static FOLD_TABLE: LazyLock<Vec<String>> = LazyLock::new(|| {
    (0..FOLD_TABLE_END)
        .map(|code| {
            let mut out = String::new();
            if let Some(c) = char::from_u32(code) {
                fold_decomposed(c, &mut out);
            }
            out
        })
        .collect()
});

/// [`fold`] of the character `c`, from the table when it is there.
pub(crate) fn fold_char_into(c: char, out: &mut String) {
    match folded_from_table(c) {
        Some(folded) => out.push_str(folded),
        None => fold_decomposed(c, out),
    }
}

/// [`fold`] of the character `c` when it is in the table (Latin, Greek, Cyrillic).
pub(crate) fn folded_from_table(c: char) -> Option<&'static str> {
    FOLD_TABLE.get(c as usize).map(String::as_str)
}

/// [`fold`] of the character `c`, by decomposing it.
fn fold_decomposed(c: char, out: &mut String) {
    decompose_canonical(c, |d| {
        if is_combining_mark(d) {
            return;
        }
        match d {
            'ё' | 'Ё' => out.push('е'),
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
            d if is_odd_space(d) => out.push(' '),
            d => out.extend(d.to_lowercase()),
        }
    });
}

/// What a byte is to the word scanners that read long texts byte by byte (the mention
/// search, word counts): ASCII white space as `char::is_whitespace` has it, punctuation,
/// letters and digits; any non-ASCII byte is [`byte_class::OTHER`], for a full decoder.
pub(crate) mod byte_class {
    pub(crate) const SPACE: u8 = 0;
    pub(crate) const PUNCT: u8 = 1;
    pub(crate) const WORD: u8 = 2;
    pub(crate) const OTHER: u8 = 3;

    /// The class of each byte.
    static TABLE: [u8; 256] = {
        let mut table = [OTHER; 256];
        let mut b = 0;
        while b < 128 {
            let byte = b as u8;
            table[b] = if byte.is_ascii_alphanumeric() {
                WORD
            } else if byte == b' ' || (byte >= b'\t' && byte <= b'\r') {
                // Tab to carriage return (the vertical tab too, which
                // `u8::is_ascii_whitespace` leaves out), and space.
                SPACE
            } else {
                PUNCT
            };
            b += 1;
        }
        table
    };

    /// The class of `byte`.
    pub(crate) fn of(byte: u8) -> u8 {
        TABLE[usize::from(byte)]
    }
}

/// Spaces that are not U+0020 but should read as one: no-break, narrow no-break, thin,
/// figure, ideographic and the like.
pub fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\t'
    )
}

/// Replaces odd spaces with plain spaces, drops zero-width characters and soft hyphens,
/// and collapses runs of spaces; trims the ends.
pub fn clean_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut last_space = true;
    for c in line.chars() {
        if matches!(
            c,
            '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{FEFF}' | '\u{00AD}'
        ) {
            continue;
        }
        if c == ' ' || is_odd_space(c) {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Whether `haystack` contains `needle`, ASCII letters compared without case ("Page" finds
/// "PAGE 3"). Candidates are found with a vectorised search for the needle's first byte,
/// so a line without it costs one pass and no allocation.
pub fn contains_ascii_ci(haystack: &str, needle: &str) -> bool {
    let (hay, needle) = (haystack.as_bytes(), needle.as_bytes());
    let Some((&first, tail)) = needle.split_first() else {
        return false;
    };
    memchr::memchr2_iter(first.to_ascii_lowercase(), first.to_ascii_uppercase(), hay).any(|at| {
        hay.get(at + 1..at + needle.len())
            .is_some_and(|rest| rest.eq_ignore_ascii_case(tail))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_accents_and_case() {
        assert_eq!(fold("Choïgou"), "choigou");
        assert_eq!(fold("Путин"), "путин");
        assert_eq!(fold("Ёлкин"), "елкин");
        assert_eq!(fold("l\u{2019}OTSC"), "l'otsc");
    }

    /// The whole text through NFD, as fold worked before it went run by run and character
    /// by character.
    fn fold_by_nfd(text: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        for c in text.nfd() {
            if is_combining_mark(c) {
                continue;
            }
            match c {
                'ё' | 'Ё' => out.push('е'),
                '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' | '\u{00B4}' => out.push('\''),
                c if is_odd_space(c) => out.push(' '),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn folding_by_character_agrees_with_decomposing_the_whole(text in "\\PC{0,40}") {
            proptest::prop_assert_eq!(fold(&text), fold_by_nfd(&text));
        }

        #[test]
        fn the_trim_shortcut_agrees_with_trim(
            text in "[a-z. \t\u{0B}\u{0C}\u{85}\u{A0}\u{2028}\u{3000}é]{0,12}"
        ) {
            proptest::prop_assert_eq!(trim(&text), text.trim());
        }

        #[test]
        fn folding_latin_cyrillic_and_marks_agrees_too(
            text in "[a-zA-Z\u{00C0}-\u{024F}\u{0300}-\u{036F}\u{0400}-\u{04FF}\u{1E00}-\u{1EFF}\u{2000}-\u{206F} `\t]{0,40}"
        ) {
            proptest::prop_assert_eq!(fold(&text), fold_by_nfd(&text));
        }
    }

    #[test]
    fn fold_ascii_shortcut_agrees_with_full_decomposition() {
        let reference = fold_by_nfd;
        for text in [
            "Choïgou `Tab\there` E\u{301}cole",
            "Ёлкин и Йошкар-Ола, l\u{2019}OTSC",
            "a\u{0301}\u{0323}b \u{212A}elvin İstanbul",
            "\u{0301}leading mark, ASCII then é\u{00A0}",
        ] {
            assert_eq!(fold(text), reference(text), "{text:?}");
        }
    }

    #[test]
    fn contains_ascii_ci_ignores_ascii_case_only() {
        assert!(contains_ascii_ci("Official Transcript - PAGE 3", "page"));
        assert!(contains_ascii_ci("pg. 4", "PG."));
        assert!(contains_ascii_ci("xxpagE", "page"));
        assert!(!contains_ascii_ci("pag", "page"));
        assert!(!contains_ascii_ci("", "page"));
        assert!(!contains_ascii_ci("page", ""));
        assert!(contains_ascii_ci("é Photo: Ana", "photo"));
        // Every position is tried, not only the first candidate.
        assert!(contains_ascii_ci("p pa pag page", "page"));
        // The same answer as comparing every window.
        for (hay, needle) in [
            ("Seite 2", "seite"),
            ("SEITE", "seite"),
            ("s eite", "seite"),
        ] {
            let windows = hay
                .as_bytes()
                .windows(needle.len())
                .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()));
            assert_eq!(contains_ascii_ci(hay, needle), windows, "{hay:?}");
        }
    }

    #[test]
    fn clean_spaces_normalises_odd_spaces() {
        assert_eq!(clean_spaces(" à\u{00A0} Minsk\u{202F}: "), "à Minsk :");
        assert_eq!(clean_spaces("a\u{200B}b"), "ab");
    }
}
