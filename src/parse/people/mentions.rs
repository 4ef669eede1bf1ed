//! Mentions of participants inside speech text: full names, surnames ("Mr. Loukachenko",
//! "le Président Japarov", "Путина"), and role phrases that only one participant fits
//! ("comme vient de le dire le Président du Kazakhstan").
//!
//! The patterns are indexed by their first word, so the text is read once, word by word,
//! whatever the number of participants.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::ops::Range;

use foldhash::HashMap;

use super::lexicon;
use super::names::NameParts;
use super::similarity::stem;
use super::split::parse_reference;
use super::tokens::{Token, Tokens, fold_first_char, fold_word, tokenize};
use crate::model::{Participant, ParticipantId};
use crate::text::folds_to_ascii_lowercase;

/// Longer names and roles are not looked for in text: they are not how people are
/// mentioned, and trying them at every word would cost too much.
const MAX_NAME_WORDS: usize = 6;
const MAX_ROLE_WORDS: usize = 12;

#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Role,
    Name,
}

#[derive(Clone, Debug)]
struct Pattern {
    /// Stems of the folded words.
    words: Vec<String>,
    pid: ParticipantId,
    kind: Kind,
}

/// A lookup of every way the participants can be mentioned, built once and used on any
/// number of texts.
#[derive(Clone, Debug, Default)]
pub struct MentionFinder {
    patterns: Vec<Pattern>,
    /// Stem of a pattern's first word → patterns.
    by_first: HashMap<String, Vec<usize>>,
    /// For plain ASCII first words: bit `len` of entry `first byte` is set when some
    /// pattern's first word has that first byte and length, so most words are passed
    /// over without being folded or hashed.
    ascii_starts: Vec<u64>,
    /// First characters of the patterns' first words (folded), sorted: a cheap test for
    /// words in other scripts.
    start_chars: Vec<char>,
    /// Which plain ASCII texts can hold a mention at all.
    ascii_gate: AsciiGate,
}

/// The first-word keys that plain ASCII text can match. Such text folds to itself in
/// lowercase (a backquote aside), and stemming leaves it alone, so a word of it matches a
/// key only where the key stands in the text, in any case: one vectorised search finds
/// every place a mention can start, and the words far from them are never cut out.
#[derive(Clone, Debug, Default)]
enum AsciiGate {
    /// Every text is read word by word (the searcher could not be built).
    #[default]
    Open,
    /// No key is plain ASCII: no ASCII text holds a mention.
    Shut,
    /// The ASCII keys, in any case; `overlapping` when some key holds a character that is
    /// not a letter or digit (see [`AsciiGate::new`]).
    Keys {
        keys: aho_corasick::AhoCorasick,
        overlapping: bool,
    },
}

impl AsciiGate {
    fn new<'k>(keys: impl Iterator<Item = &'k str>) -> Self {
        let keys: Vec<&str> = keys.filter(|k| k.is_ascii() && !k.is_empty()).collect();
        if keys.is_empty() {
            return AsciiGate::Shut;
        }
        // A word starts after a byte that is not a letter or digit. A key with none but
        // (at most) its last byte ("holm", "gen.") holds no word start, so no match can
        // hide a start inside it, and the longest key at a place ends a word there when
        // any does: the faster search without overlaps finds every start. A key such as
        // "o'brien" can hold one.
        let overlapping = !keys.iter().all(|k| {
            let body = k.len().saturating_sub(1);
            k.bytes().take(body).all(|b| b.is_ascii_alphanumeric())
        });
        // Without overlaps the search runs on the text in lowercase, for the keys as they
        // are (lowercase): a case-sensitive search can skip ahead with a vectorised
        // prefilter, which one that ignores case cannot.
        let built = if overlapping {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(keys)
        } else {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .build(keys.iter().map(|k| k.to_ascii_lowercase()))
        };
        built.map_or(AsciiGate::Open, |keys| AsciiGate::Keys {
            keys,
            overlapping,
        })
    }

    /// Where in `text` a word may start a mention, in order, written to `starts`; false
    /// when every word must be read (text that does not fold to its ASCII lowercase).
    /// `lower` is working memory for the text in lowercase.
    fn starts_into(&self, text: &str, starts: &mut Vec<usize>, lower: &mut Vec<u8>) -> bool {
        starts.clear();
        if matches!(self, AsciiGate::Open) || !folds_to_ascii_lowercase(text) {
            return false;
        }
        let AsciiGate::Keys { keys, overlapping } = self else {
            return true; // shut: no key to find
        };
        let bytes = text.as_bytes();
        let alnum = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
        // A word starts after a byte that is not a letter or digit, and ends before one
        // (or with its own dot or apostrophe: "Mr.", "d'").
        let at_edges = |hit: aho_corasick::Match| {
            let (start, end) = (hit.start(), hit.end());
            ((start == 0 || !alnum(start - 1)) && (!alnum(end) || !alnum(end - 1))).then_some(start)
        };
        if !overlapping {
            // In order and once each already; the same places in the text in lowercase,
            // which is ASCII.
            lower.clear();
            lower.extend_from_slice(bytes);
            lower.make_ascii_lowercase();
            starts.extend(keys.find_iter(lower.as_slice()).filter_map(at_edges));
            return true;
        }
        starts.extend(keys.find_overlapping_iter(text).filter_map(at_edges));
        starts.sort_unstable();
        starts.dedup();
        true
    }
}

/// Where to resume reading words, after `from`, to reach the word at `start` in the state
/// a reading from the beginning would have there: at the start of the last run of
/// non-spaces before `start`'s own that holds a letter or digit, so that the word before
/// the one at `start` (a title: "Mr. Smith") is read, and the punctuation between them.
/// `from` itself when there is no such run after it.
fn resume_at(bytes: &[u8], from: usize, start: usize) -> usize {
    let space = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_whitespace);
    let mut at = start;
    // Back to the start of the word's own run.
    while at > from && !space(at - 1) {
        at -= 1;
    }
    loop {
        while at > from && space(at - 1) {
            at -= 1;
        }
        let end = at;
        while at > from && !space(at - 1) {
            at -= 1;
        }
        if at <= from {
            return from;
        }
        if bytes
            .get(at..end)
            .is_some_and(|run| run.iter().any(u8::is_ascii_alphanumeric))
        {
            return at;
        }
    }
}

impl MentionFinder {
    /// Indexes the names, surnames and unambiguous roles of `participants` (generic
    /// speakers such as "Question" are left out).
    pub fn new(participants: &[Participant]) -> Self {
        // Phrase → (participants, kind); a phrase two people share names neither.
        let mut phrases: HashMap<Vec<String>, (Vec<ParticipantId>, Kind)> = HashMap::default();
        let mut add = |words: Vec<String>, pid: ParticipantId, kind: Kind| {
            if words.is_empty() {
                return;
            }
            let entry = phrases.entry(words).or_insert((Vec::new(), kind));
            if !entry.0.contains(&pid) {
                entry.0.push(pid);
            }
            entry.1 = entry.1.max(kind);
        };
        for p in participants.iter().filter(|p| !p.generic) {
            let mut names: Vec<String> = p.name.iter().cloned().collect();
            let mut roles: Vec<String> = p.role.iter().cloned().collect();
            for alias in &p.aliases {
                let parsed = parse_reference(alias);
                names.extend(parsed.name);
                roles.extend(parsed.role);
            }
            for name in &names {
                let words = phrase_words(name);
                if (2..=MAX_NAME_WORDS).contains(&words.len()) {
                    add(words, p.id, Kind::Name);
                }
                if let Some(parts) = NameParts::parse(name) {
                    add(vec![parts.surname_key().to_owned()], p.id, Kind::Name);
                }
            }
            for role in &roles {
                let mut words = phrase_words(role);
                let fillers = words
                    .iter()
                    .take_while(|w| lexicon::is_leading_filler(w))
                    .count();
                words.drain(..fillers);
                // One word ("président") fits too many people to point at one.
                if (2..=MAX_ROLE_WORDS).contains(&words.len()) {
                    add(words, p.id, Kind::Role);
                }
            }
        }
        let mut finder = MentionFinder {
            ascii_starts: vec![0; 128],
            ..MentionFinder::default()
        };
        for (words, (pids, kind)) in phrases {
            if let [pid] = pids.as_slice() {
                finder.note_start(words.first().map_or("", String::as_str));
                let index = finder.patterns.len();
                finder
                    .by_first
                    .entry(words.first().cloned().unwrap_or_default())
                    .or_default()
                    .push(index);
                finder.patterns.push(Pattern {
                    words,
                    pid: *pid,
                    kind,
                });
            }
        }
        finder.ascii_gate = AsciiGate::new(finder.by_first.keys().map(String::as_str));
        // Longest patterns first, so the first that fits is the best.
        let patterns = &finder.patterns;
        for list in finder.by_first.values_mut() {
            list.sort_by_key(|&i| {
                patterns
                    .get(i)
                    .map(|p| (std::cmp::Reverse(p.words.len()), std::cmp::Reverse(p.kind)))
            });
        }
        finder
    }

    fn note_start(&mut self, key: &str) {
        if let Some(c) = key.chars().next()
            && let Err(at) = self.start_chars.binary_search(&c)
        {
            self.start_chars.insert(at, c);
        }
        if let Some(&first) = key.as_bytes().first()
            && key.is_ascii()
            && key.len() < 64
            && let Some(bits) = self.ascii_starts.get_mut(usize::from(first))
        {
            *bits |= 1 << key.len();
        }
    }

    /// Whether a word could start a pattern. An ASCII word is looked up exactly (its key
    /// is the word in lowercase), in a stack buffer and after a test on its first byte and
    /// length; other words only by the first character of their key. The first-byte test
    /// is inlined into the word scan: it turns away most words.
    #[inline]
    fn may_start(&self, token: &Token, ascii: bool) -> bool {
        let word = token.text;
        if !ascii {
            return self.may_start_other(word);
        }
        let Some(&first) = word.as_bytes().first() else {
            return false;
        };
        let starts = word.len() < 64
            && self
                .ascii_starts
                .get(usize::from(first.to_ascii_lowercase()))
                .is_some_and(|bits| bits & (1 << word.len()) != 0);
        starts && self.starts_ascii(word)
    }

    /// [`Self::may_start`] for a word that is not plain ASCII.
    fn may_start_other(&self, word: &str) -> bool {
        word.chars()
            .next()
            .and_then(fold_first_char)
            .is_some_and(|c| self.start_chars.binary_search(&c).is_ok())
    }

    /// Whether the ASCII `word` (shorter than 64 bytes) is the first word of a pattern.
    fn starts_ascii(&self, word: &str) -> bool {
        let mut buffer = [0u8; 64];
        let Some(lower) = buffer.get_mut(..word.len()) else {
            return false;
        };
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // What `fold` does to a backquote.
        for b in lower.iter_mut().filter(|b| **b == b'`') {
            *b = b'\'';
        }
        std::str::from_utf8(lower).is_ok_and(|key| self.by_first.contains_key(key))
    }

    /// Finds the mentions in `text`: byte ranges on character boundaries, sorted,
    /// not overlapping; a role phrase right before the name it belongs to is one mention.
    pub fn find(&self, text: &str) -> Vec<(ParticipantId, Range<usize>)> {
        let mut out = Vec::new();
        self.find_into(text, &mut Scratch::default(), &mut out);
        out
    }

    /// [`Self::find`], written to `out` (cleared first), with the working memory of
    /// `scratch`: a caller that reads many texts reuses both instead of allocating them
    /// for each.
    pub(crate) fn find_into<'t>(
        &self,
        text: &'t str,
        scratch: &mut Scratch<'t>,
        out: &mut Vec<(ParticipantId, Range<usize>)>,
    ) {
        out.clear();
        if self.patterns.is_empty() {
            return;
        }
        let gated = self
            .ascii_gate
            .starts_into(text, &mut scratch.starts, &mut scratch.lower);
        let starts = gated.then_some(scratch.starts.as_slice());
        let mut next_start = 0;
        // The text is read as a stream: only the words a pattern is being tried on are kept.
        let mut slots = std::mem::take(&mut scratch.slots);
        slots.clear();
        let mut window = Window {
            tokens: Tokens::new(text),
            slots,
        };
        // The word before the window's first, unless a mention took it.
        let mut prev: Option<Token> = None;
        loop {
            if window.slots.is_empty()
                && let Some(starts) = &starts
                && let Some(from) = window.tokens.resume_point()
            {
                // Past the last place a mention can start, there is none.
                while starts.get(next_start).is_some_and(|&s| s < from) {
                    next_start += 1;
                }
                let Some(&start) = starts.get(next_start) else {
                    break;
                };
                let resume = resume_at(text.as_bytes(), from, start);
                if resume > from {
                    window.tokens.resume_from(resume);
                }
            }
            if window.slots.is_empty() {
                // Most words start nothing: pass them over without queueing them.
                let Some(token) = window
                    .tokens
                    .next_kept(|token, ascii| self.may_start(token, ascii), &mut prev)
                else {
                    break;
                };
                window.slots.push_back(Slot { token, key: None });
            }
            let Some((pattern, len)) = self.match_front(&mut window) else {
                prev = window.slots.pop_front().map(|slot| slot.token);
                continue;
            };
            let (Some(first), Some(last)) = (window.token(0), window.token(len - 1)) else {
                break;
            };
            let mut start = first.start;
            // "Mr. Loukachenko", "le Président Japarov": the title goes with the name.
            if pattern.kind == Kind::Name
                && !first.boundary_before
                && let Some(prev) = prev
                && is_title(&prev)
            {
                start = prev.start;
            }
            push_merged(out, text, pattern.pid, start..last.end);
            window.slots.drain(..len.min(window.slots.len()));
            prev = None;
        }
        scratch.slots = window.slots;
    }

    /// The longest pattern that fits the text at the window's first word, with its length.
    fn match_front(&self, window: &mut Window) -> Option<(&Pattern, usize)> {
        let first = window.token(0)?;
        if !self.may_start(&first, first.text.is_ascii()) {
            return None;
        }
        let candidates = self.by_first.get(window.key(0)?)?;
        for &index in candidates {
            let Some(pattern) = self.patterns.get(index) else {
                continue;
            };
            // Names are written with a capital; roles may not be.
            if pattern.kind == Kind::Name && !first.is_capitalised() {
                continue;
            }
            let len = pattern.words.len();
            if !window.fill(len) {
                continue;
            }
            let fits = pattern.words.iter().enumerate().skip(1).all(|(at, word)| {
                window.token(at).is_some_and(|t| !t.boundary_before)
                    && window.key(at) == Some(word.as_str())
            });
            if fits {
                return Some((pattern, len));
            }
        }
        None
    }
}

/// The working memory of [`MentionFinder::find_into`], kept from one text to the next
/// (texts that all live for `'t`).
#[derive(Default)]
pub(crate) struct Scratch<'t> {
    /// Where the gate says mentions can start.
    starts: Vec<usize>,
    /// The text in lowercase, for the gate's search.
    lower: Vec<u8>,
    /// The window's words (emptied between texts).
    slots: VecDeque<Slot<'t>>,
}

/// The words of a text being scanned, with their matching keys computed on demand.
struct Window<'a> {
    tokens: Tokens<'a>,
    slots: VecDeque<Slot<'a>>,
}

struct Slot<'a> {
    token: Token<'a>,
    /// Folded and Russian-stemmed, once asked for.
    key: Option<Cow<'a, str>>,
}

impl<'a> Window<'a> {
    /// Reads words until the window holds `len` of them; false at the end of the text.
    fn fill(&mut self, len: usize) -> bool {
        while self.slots.len() < len {
            match self.tokens.next() {
                Some(token) => self.slots.push_back(Slot { token, key: None }),
                None => return false,
            }
        }
        true
    }

    fn token(&self, at: usize) -> Option<Token<'a>> {
        self.slots.get(at).map(|slot| slot.token)
    }

    fn key(&mut self, at: usize) -> Option<&str> {
        let slot = self.slots.get_mut(at)?;
        if slot.key.is_none() {
            slot.key = Some(match fold_word(slot.token.text) {
                Cow::Borrowed(word) => Cow::Borrowed(stem(word)),
                Cow::Owned(mut word) => {
                    let len = stem(&word).len();
                    word.truncate(len);
                    Cow::Owned(word)
                }
            });
        }
        slot.key.as_deref()
    }
}

/// The matching words of a phrase.
fn phrase_words(phrase: &str) -> Vec<String> {
    tokenize(phrase)
        .iter()
        .map(|t| stem(&fold_word(t.text)).to_owned())
        .collect()
}

/// An honorific or a capitalised title right before a name ("Mr.", "M.", "Président").
fn is_title(token: &Token) -> bool {
    let folded = fold_word(token.text);
    token.text == "M."
        || lexicon::is_honorific(&folded)
        || (token.is_capitalised() && lexicon::is_role_word(&folded))
}

/// Adds a mention, joining it to the previous one when both name the same participant
/// and only spaces stand between ("le Président du Kazakhstan Kassym-Jomart Tokayev").
fn push_merged(
    out: &mut Vec<(ParticipantId, Range<usize>)>,
    text: &str,
    pid: ParticipantId,
    range: Range<usize>,
) {
    if let Some((last_pid, last)) = out.last_mut()
        && *last_pid == pid
        && text
            .get(last.end..range.start)
            .is_some_and(|gap| gap.chars().all(char::is_whitespace))
    {
        last.end = range.end;
        return;
    }
    out.push((pid, range));
}

#[cfg(test)]
mod tests;
