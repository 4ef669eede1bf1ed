//! Word tokens with byte ranges, for labels, captions and speech text.
//!
//! A token is a run of letters and digits, with inner hyphens and apostrophes
//! ("Kassym-Jomart", "O'Brien"). French elisions are split off ("d'État" → "d'", "État"),
//! English possessives dropped ("Smith's" → "Smith"), and the dot of an initial or a short
//! abbreviation kept ("В.", "Mr.", "V.V.Putin" → "V.", "V.", "Putin").

use super::lexicon;

/// One word of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Byte offset of the word in the tokenized text.
    pub start: usize,
    /// Byte offset just past the word.
    pub end: usize,
    /// Punctuation (comma, dot, colon, bracket, quote, dash…) stands between this word
    /// and the one before, or this is the first word.
    pub boundary_before: bool,
}

impl Token<'_> {
    /// Starts with an uppercase letter.
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// An initial: one letter and a dot ("В.", "J.").
    pub fn is_initial(&self) -> bool {
        let mut chars = self.text.chars();
        matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some(c), Some('.'), None) if c.is_alphabetic()
        )
    }

    /// An acronym: two or more letters, all uppercase ("OTSC", "USA").
    pub fn is_acronym(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            if c.is_alphabetic() {
                letters += 1;
            }
        }
        letters >= 2
    }
}

/// Short abbreviations whose dot belongs to the word.
const DOTTED_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
    "prof", "hon", "rev", "messrs", "mme", "mlle", "vs",
];

/// French elided words that end in an apostrophe.
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Splits `text` into word tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut boundary = true;
    let mut iter = text.char_indices().peekable();
    while let Some(&(pos, c)) = iter.peek() {
        if !c.is_alphanumeric() {
            if !c.is_whitespace() {
                boundary = true;
            }
            iter.next();
            continue;
        }
        let start = pos;
        let mut end = pos;
        // Letters and digits, with joiners only between two of them.
        while let Some(&(p, ch)) = iter.peek() {
            if ch.is_alphanumeric() {
                end = p + ch.len_utf8();
                iter.next();
            } else if is_joiner(ch) {
                let after = text.get(p + ch.len_utf8()..).and_then(|s| s.chars().next());
                if after.is_some_and(char::is_alphanumeric) {
                    end = p + ch.len_utf8();
                    iter.next();
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        let word = text.get(start..end).unwrap_or("");
        // The dot of an initial or a short abbreviation is part of the word.
        if let Some(&(p, '.')) = iter.peek() {
            let single_letter = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
            let lower = word.to_lowercase();
            if single_letter || DOTTED_ABBREVIATIONS.contains(&lower.as_str()) {
                end = p + 1;
                iter.next();
            }
        }
        push_word(text, start, end, boundary, &mut out);
        boundary = false;
    }
    out
}

/// Pushes one word, splitting a French elision off its front and dropping an English
/// possessive "'s".
fn push_word<'a>(text: &'a str, start: usize, end: usize, boundary: bool, out: &mut Vec<Token<'a>>) {
    let word = text.get(start..end).unwrap_or("");
    if let Some((idx, ap)) = word.char_indices().find(|&(_, c)| is_apostrophe(c)) {
        let before = word.get(..idx).unwrap_or("");
        let after_start = idx + ap.len_utf8();
        let after = word.get(after_start..).unwrap_or("");
        let before_folded = crate::text::fold(before);
        if !after.is_empty() && ELISIONS.contains(&before_folded.as_str()) {
            out.push(Token {
                text: word.get(..after_start).unwrap_or(""),
                start,
                end: start + after_start,
                boundary_before: boundary,
            });
            push_word(text, start + after_start, end, false, out);
            return;
        }
        if after == "s" || after == "S" {
            out.push(Token {
                text: before,
                start,
                end: start + idx,
                boundary_before: boundary,
            });
            return;
        }
    }
    out.push(Token {
        text: word,
        start,
        end,
        boundary_before: boundary,
    });
}

/// A token's folded form ("Président" → "president", "d’" → "d'").
pub(crate) fn folded(token: &Token) -> String {
    crate::text::fold(token.text)
}

/// Whether the token can be part of a person's name: capitalised, not an article,
/// preposition, particle, honorific, role word or acronym.
pub(crate) fn is_name_word(token: &Token, folded: &str) -> bool {
    token.text.chars().next().is_some_and(char::is_alphabetic)
        && token.is_capitalised()
        && (token.is_initial() || !token.is_acronym())
        && !lexicon::is_stop_word(folded)
        && !lexicon::is_particle(folded)
        && !lexicon::is_honorific(folded)
        && !lexicon::is_role_word(folded)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text).collect()
    }

    #[test]
    fn splits_elisions_and_keeps_hyphens() {
        assert_eq!(
            words("chef d’état-major de l'OTSC"),
            ["chef", "d’", "état-major", "de", "l'", "OTSC"]
        );
        assert_eq!(words("Kassym-Jomart Tokayev"), ["Kassym-Jomart", "Tokayev"]);
        assert_eq!(words("Smith's view"), ["Smith", "view"]);
        assert_eq!(words("O'Brien"), ["O'Brien"]);
    }

    #[test]
    fn keeps_dots_of_initials() {
        assert_eq!(words("В.Путин"), ["В.", "Путин"]);
        assert_eq!(words("V.V.Putin"), ["V.", "V.", "Putin"]);
        assert_eq!(words("MR. SMITH."), ["MR.", "SMITH"]);
    }

    #[test]
    fn marks_punctuation_boundaries() {
        let tokens = tokenize("Avant, le président");
        assert!(tokens[0].boundary_before);
        assert!(tokens[1].boundary_before);
        assert!(!tokens[2].boundary_before);
        assert_eq!(&"Avant, le président"[tokens[2].start..tokens[2].end], "président");
    }
}
