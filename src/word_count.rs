//! Counting words the way every count in Stenogram does (statistics, Q&A, the library): a
//! word is a run of non-space characters with at least one letter or digit, so "—", "?"
//! and "…" standing alone are not words, and "l’accord" or "пресс-секретарь" is one.
//!
//! A module of its own so that statistics and the Q&A analysis, which use each other's
//! results, both depend on it rather than on each other.

use crate::text::byte_class;

/// Counts the words of `text` (see the module doc).
pub fn count_words(text: &str) -> usize {
    // One pass: a word ends at white space and counts when a letter or digit was seen since
    // the last one. Bytes are read directly where that is safe, because this runs over
    // every speech of the document when it opens.
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut alnum = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            // Without branches on the byte's class: a word boundary every few bytes is
            // more than a branch predictor can guess.
            let class = byte_class::of(b);
            let space = class == byte_class::SPACE;
            count += usize::from(alnum & space);
            alnum = (alnum | (class == byte_class::WORD)) & !space;
            i += 1;
            continue;
        }
        // Two-byte characters from U+00C0 on (Latin accents, Greek, Cyrillic, Hebrew,
        // Arabic) are never white space: inside a word that already counts, skip them.
        if alnum && (0xC3..0xE0).contains(&b) {
            i += 2;
            continue;
        }
        match text.get(i..).and_then(|rest| rest.chars().next()) {
            Some(c) => {
                if c.is_whitespace() {
                    count += usize::from(alnum);
                    alnum = false;
                } else if !alnum && c.is_alphanumeric() {
                    alnum = true;
                }
                i += c.len_utf8();
            }
            None => i += 1,
        }
    }
    count + usize::from(alnum)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_runs_with_a_letter_or_digit() {
        assert_eq!(count_words("Bonjour à tous ."), 3);
        assert_eq!(count_words("Quoi\u{00A0}? — l’accord, 2031 !"), 3);
        assert_eq!(count_words("Пресс-секретарь   сказал…"), 2);
        assert_eq!(count_words("  \t\n "), 0);
        assert_eq!(count_words("… — ?"), 0);
    }

    /// What `count_words` must agree with: split on white space, keep tokens with a
    /// letter or digit.
    fn reference(text: &str) -> usize {
        text.split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    }

    #[test]
    fn the_fast_word_count_agrees_with_the_plain_one() {
        for text in [
            "Ёлкин и\u{00A0}Йошкар-Ола — «да»",
            "a\u{0085}b\u{2028}c\u{3000}d\u{000B}e",
            "\u{00BF}Qué? ¡Sí! 東京 で 会議",
            "— … ? ! ¿ ¡",
            "l’accord، مرحبا بكم",
        ] {
            assert_eq!(count_words(text), reference(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_text_counts_like_the_plain_count(text in "(\\PC|\\s)*") {
            proptest::prop_assert_eq!(count_words(&text), reference(&text));
        }
    }
}
