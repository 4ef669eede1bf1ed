//! Word tokens with byte ranges, for labels, captions and speech text.
//!
//! A token is a run of letters and digits, with inner hyphens and apostrophes
//! ("Kassym-Jomart", "O'Brien"). French elisions are split off ("d'État" → "d'", "État"),
//! English possessives dropped ("Smith's" → "Smith"), and the dot of an initial or a short
//! abbreviation kept ("В.", "Mr.", "V.V.Putin" → "V.", "V.", "Putin").

use std::borrow::Cow;
use std::collections::VecDeque;

use super::lexicon;
use crate::parse::words::particles::past_hyphen_particle;
use crate::text::byte_class::{OTHER, PUNCT, SPACE, WORD, of as class};

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
        past_hyphen_particle(self.text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }

    /// An initial: one letter and a dot ("В.", "J.").
    pub fn is_initial(&self) -> bool {
        let mut chars = self.text.chars();
        matches!(
            (chars.next(), chars.next(), chars.next()),
            (Some(c), Some('.'), None) if c.is_alphabetic()
        )
    }

    /// An acronym: two or more letters, all uppercase ("OTSC", "USA"); not a Roman
    /// numeral ("III").
    pub fn is_acronym(&self) -> bool {
        if (2..=5).contains(&self.text.len())
            && self.text.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'))
        {
            return false;
        }
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
#[rustfmt::skip]
const DOTTED_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col",
    "prof", "hon", "rev", "messrs", "mme", "mlle", "vs",
];

/// French elided words that end in an apostrophe.
#[rustfmt::skip]
const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
];

fn is_joiner(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2011}' | '\'' | '\u{2019}' | '\u{02BC}'
    )
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

/// Where a possessive "'s" after the word's last apostrophe starts ("Brandt's",
/// "O'Brien's").
fn possessive_at(word: &str) -> Option<usize> {
    let (at, ap) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    matches!(word.get(at + ap.len_utf8()..), Some("s" | "S")).then_some(at)
}

/// Splits `text` into word tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    Tokens::new(text).collect()
}

/// The word tokens of a text, one at a time (long speeches need no token vector).
pub(crate) struct Tokens<'a> {
    text: &'a str,
    /// Byte offset where scanning resumes.
    pos: usize,
    /// Punctuation seen since the last word.
    boundary: bool,
    /// Pieces of a split word still to hand out ("d'" then "État").
    pending: VecDeque<Token<'a>>,
}

impl<'a> Tokens<'a> {
    /// Starts at the beginning of `text`.
    pub fn new(text: &'a str) -> Self {
        Tokens {
            text,
            pos: 0,
            boundary: true,
            pending: VecDeque::new(),
        }
    }

    /// The character at byte `at` and its length (ASCII without decoding).
    fn char_at(&self, at: usize) -> Option<(char, usize)> {
        let byte = *self.text.as_bytes().get(at)?;
        if byte < 0x80 {
            return Some((char::from(byte), 1));
        }
        let c = self.text.get(at..)?.chars().next()?;
        Some((c, c.len_utf8()))
    }

    /// Scans the next word (start and end byte offsets) from `self.pos`.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut at = self.pos;
        let start = loop {
            // Plain ASCII between words is passed over byte by byte, without decoding.
            if let Some(&b) = bytes.get(at)
                && b.is_ascii()
            {
                if b.is_ascii_alphanumeric() {
                    break at;
                }
                // What `char::is_whitespace` says of ASCII: tab to carriage return, space.
                if !(b == b' ' || (b'\t'..=b'\r').contains(&b)) {
                    self.boundary = true;
                }
                at += 1;
                continue;
            }
            let Some((c, len)) = self.char_at(at) else {
                // Remember the end, so that asking again costs nothing.
                self.pos = at;
                return None;
            };
            if c.is_alphanumeric() {
                break at;
            }
            if !c.is_whitespace() {
                self.boundary = true;
            }
            at += len;
        };
        let mut end = start;
        // Letters and digits, with joiners only between two of them.
        while let Some(&b) = bytes.get(end) {
            if b.is_ascii_alphanumeric() {
                end += 1;
                continue;
            }
            let Some((c, len)) = self.char_at(end) else {
                break;
            };
            let take = c.is_alphanumeric()
                || (is_joiner(c)
                    && self
                        .char_at(end + len)
                        .is_some_and(|(next, _)| next.is_alphanumeric()));
            if !take {
                break;
            }
            end += len;
        }
        // The dot of an initial or a short abbreviation is part of the word.
        if text.as_bytes().get(end) == Some(&b'.') {
            let word = text.get(start..end).unwrap_or("");
            let mut chars = word.chars();
            let single_letter =
                matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
            if single_letter
                || (word.len() <= 6
                    && DOTTED_ABBREVIATIONS
                        .iter()
                        .any(|a| a.eq_ignore_ascii_case(word)))
            {
                end += 1;
            }
        }
        self.pos = end;
        Some((start, end))
    }

    /// Queues one word, splitting French elisions off its front and dropping an English
    /// possessive "'s".
    fn queue_word(&mut self, mut start: usize, end: usize) {
        let mut boundary = std::mem::take(&mut self.boundary);
        loop {
            let word = self.text.get(start..end).unwrap_or("");
            let Some((idx, ap)) = word.char_indices().find(|&(_, c)| is_apostrophe(c)) else {
                break;
            };
            let before = word.get(..idx).unwrap_or("");
            let after_start = idx + ap.len_utf8();
            let after = word.get(after_start..).unwrap_or("");
            if !after.is_empty()
                && before.len() <= 6
                && ELISIONS.contains(&crate::text::fold(before).as_str())
            {
                self.pending.push_back(Token {
                    text: word.get(..after_start).unwrap_or(""),
                    start,
                    end: start + after_start,
                    boundary_before: boundary,
                });
                start += after_start;
                boundary = false;
                continue;
            }
            if let Some(at) = possessive_at(word) {
                self.pending.push_back(Token {
                    text: word.get(..at).unwrap_or(""),
                    start,
                    end: start + at,
                    boundary_before: boundary,
                });
                return;
            }
            break;
        }
        self.pending.push_back(Token {
            text: self.text.get(start..end).unwrap_or(""),
            start,
            end,
            boundary_before: boundary,
        });
    }
}

impl<'a> Tokens<'a> {
    /// Where reading goes on from, when it is between words (no piece of a split word is
    /// waiting).
    pub fn resume_point(&self) -> Option<usize> {
        self.pending.is_empty().then_some(self.pos)
    }

    /// Goes on reading from byte `at` (which must start a run of non-spaces), as from the
    /// start of a text: the word there is taken to follow punctuation.
    pub fn resume_from(&mut self, at: usize) {
        self.pos = at;
        self.boundary = true;
    }

    /// The next token that `keep` accepts; `skipped` is set to the last token passed over
    /// on the way (left as it was when none was). The same as calling `next` until `keep`
    /// says yes, but plain ASCII words (letters and digits, then a space or punctuation
    /// other than a hyphen, apostrophe or dot) are cut out of the bytes directly: speech
    /// text is mostly such words, and most of them start no name. `keep` is told whether
    /// the word is known to be ASCII, which saves it a scan.
    pub fn next_kept(
        &mut self,
        keep: impl Fn(&Token<'a>, bool) -> bool,
        skipped: &mut Option<Token<'a>>,
    ) -> Option<Token<'a>> {
        let text = self.text;
        let bytes = text.as_bytes();
        loop {
            if self.pending.is_empty() {
                // Scanning state in locals, written back once: most words are passed over.
                let mut at = self.pos;
                let mut boundary = self.boundary;
                let mut last_skipped = None;
                let found = loop {
                    // Separators: ASCII only on this path.
                    while let Some(&b) = bytes.get(at) {
                        match class(b) {
                            SPACE => {}
                            PUNCT => boundary = true,
                            _ => break,
                        }
                        at += 1;
                    }
                    if bytes.get(at).is_none_or(|&b| class(b) != WORD) {
                        break None;
                    }
                    let start = at;
                    at += 1;
                    while bytes.get(at).is_some_and(|&b| class(b) == WORD) {
                        at += 1;
                    }
                    let simple = bytes
                        .get(at)
                        .is_none_or(|&b| class(b) != OTHER && !matches!(b, b'-' | b'\'' | b'.'));
                    if !simple {
                        // The full scanner reads this word again from its start.
                        at = start;
                        break None;
                    }
                    let token = Token {
                        text: text.get(start..at).unwrap_or(""),
                        start,
                        end: at,
                        boundary_before: boundary,
                    };
                    boundary = false;
                    if keep(&token, true) {
                        break Some(token);
                    }
                    last_skipped = Some(token);
                };
                self.pos = at;
                self.boundary = boundary;
                if last_skipped.is_some() {
                    *skipped = last_skipped;
                }
                if found.is_some() {
                    return found;
                }
            }
            // Anything else goes through the full scanner.
            let token = self.next()?;
            if keep(&token, token.text.is_ascii()) {
                return Some(token);
            }
            *skipped = Some(token);
        }
    }
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        if let Some(token) = self.pending.pop_front() {
            return Some(token);
        }
        let (start, end) = self.next_word()?;
        let word = self.text.get(start..end).unwrap_or("");
        // Every apostrophe is "'" or starts with a non-ASCII byte.
        let maybe_apostrophe = word.bytes().any(|b| b == b'\'' || !b.is_ascii());
        if !maybe_apostrophe || !word.contains(is_apostrophe) {
            return Some(Token {
                text: word,
                start,
                end,
                boundary_before: std::mem::take(&mut self.boundary),
            });
        }
        self.queue_word(start, end);
        self.pending.pop_front()
    }
}

/// The first character of [`crate::text::fold`] of a character (`None` when it folds away).
pub(crate) fn fold_first_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if let Some(folded) = crate::text::folded_from_table(c) {
        return folded.chars().next();
    }
    let mut folded = String::new();
    crate::text::fold_char_into(c, &mut folded);
    folded.chars().next()
}

/// [`crate::text::fold`] of one word; lowercase ASCII comes back borrowed.
pub(crate) fn fold_word(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        if word.bytes().any(|b| b.is_ascii_uppercase() || b == b'`') {
            // What `fold` does to ASCII: lowercase, and a backquote read as an apostrophe.
            let lower = word.to_ascii_lowercase();
            if lower.contains('`') {
                return Cow::Owned(lower.replace('`', "'"));
            }
            return Cow::Owned(lower);
        }
        return Cow::Borrowed(word);
    }
    Cow::Owned(crate::text::fold(word))
}

/// Whether the token can be part of a person's name: capitalised, not an article,
/// preposition, particle, honorific, role word, institution word or acronym.
pub(crate) fn is_name_word(token: &Token, folded: &str) -> bool {
    token.text.chars().next().is_some_and(char::is_alphabetic)
        && token.is_capitalised()
        && (token.is_initial() || !token.is_acronym())
        && !lexicon::is_stop_word(folded)
        && !lexicon::is_particle(folded)
        && !lexicon::is_honorific(folded)
        && !lexicon::is_role_word(folded)
        && !lexicon::is_institution_word(folded)
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
        // A possessive comes off a name that holds an apostrophe of its own, too.
        assert_eq!(words("O'Brien's aide"), ["O'Brien", "aide"]);
        assert_eq!(
            words("O’Brien’s d'Artagnan's"),
            ["O’Brien", "d'", "Artagnan"]
        );
    }

    #[test]
    fn keeps_dots_of_initials() {
        assert_eq!(words("В.Путин"), ["В.", "Путин"]);
        assert_eq!(words("V.V.Putin"), ["V.", "V.", "Putin"]);
        assert_eq!(words("MR. SMITH."), ["MR.", "SMITH"]);
    }

    #[test]
    fn fast_fold_agrees_with_fold() {
        for word in [
            "Choïgou",
            "PRÉSIDENT",
            "Путина",
            "Ёлкин",
            "d’État",
            "İstanbul",
            "Straße",
            "e\u{301}",
            "plain",
        ] {
            assert_eq!(fold_word(word), crate::text::fold(word), "{word}");
        }
    }

    #[test]
    fn skipping_words_agrees_with_reading_them() {
        let text = "Avant, le président d’État; Mr. Smith's view — O'Brien, V.V.Putin \
                    et l'OTSC. Kassym-Jomart  Tokayev\t(2024) «Путин» end";
        for keep_len in 1..9 {
            let keep = |t: &Token| t.text.len() == keep_len || t.text.starts_with('P');
            let keep_fast = |t: &Token, ascii: bool| {
                assert_eq!(ascii, t.text.is_ascii());
                keep(t)
            };
            let mut all = Tokens::new(text);
            let mut fast = Tokens::new(text);
            loop {
                let mut expected_skipped = None;
                let expected = all.by_ref().find(|t| {
                    let kept = keep(t);
                    if !kept {
                        expected_skipped = Some(*t);
                    }
                    kept
                });
                let mut skipped = None;
                let got = fast.next_kept(keep_fast, &mut skipped);
                assert_eq!(got, expected, "{keep_len}");
                assert_eq!(skipped, expected_skipped, "{keep_len}");
                if got.is_none() {
                    break;
                }
            }
        }
    }

    #[test]
    fn marks_punctuation_boundaries() {
        let tokens = tokenize("Avant, le président");
        assert!(tokens[0].boundary_before);
        assert!(tokens[1].boundary_before);
        assert!(!tokens[2].boundary_before);
        assert_eq!(
            &"Avant, le président"[tokens[2].start..tokens[2].end],
            "président"
        );
    }
}
