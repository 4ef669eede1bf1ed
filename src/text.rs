//! Small text helpers shared by the parser, people matching and search.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

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
        fold_unicode(run, &mut out);
        rest = after;
    }
    out
}

/// [`fold`] of text without ASCII characters, appended to `out`.
fn fold_unicode(text: &str, out: &mut String) {
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

    #[test]
    fn fold_ascii_shortcut_agrees_with_full_decomposition() {
        // The whole text through NFD, as fold worked before ASCII runs were taken apart.
        let reference = |text: &str| {
            let mut out = String::new();
            fold_unicode(text, &mut out);
            out
        };
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
