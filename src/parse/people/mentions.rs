//! Mentions of participants inside speech text: full names, surnames ("Mr. Loukachenko",
//! "le Président Japarov", "Путина"), and role phrases that only one participant fits
//! ("comme vient de le dire le Président du Kazakhstan").
//!
//! The patterns are indexed by their first word, so the text is read once, word by word,
//! whatever the number of participants.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, VecDeque};
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

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
    by_first: HashMap<String, Vec<usize>, BuildHasherDefault<WordHasher>>,
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
    fn starts_into(&self, text: &str, starts: &mut Vec<usize>) -> bool {
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
            LOWERCASE.with_borrow_mut(|lower| {
                lower.clear();
                lower.extend_from_slice(bytes);
                lower.make_ascii_lowercase();
                starts.extend(keys.find_iter(lower.as_slice()).filter_map(at_edges));
                // A huge paragraph's copy is not kept for the life of the thread.
                if lower.capacity() > MAX_KEPT_LOWERCASE {
                    *lower = Vec::new();
                }
            });
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

/// A fast hash for short words (the keys come from the document's own participants, so
/// resistance to crafted collisions is not needed).
#[derive(Default, Clone, Copy)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word.get_mut(..chunk.len())
                .unwrap_or_default()
                .copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl MentionFinder {
    /// Indexes the names, surnames and unambiguous roles of `participants` (generic
    /// speakers such as "Question" are left out).
    pub fn new(participants: &[Participant]) -> Self {
        // Phrase → (participants, kind); a phrase two people share names neither.
        let mut phrases: HashMap<Vec<String>, (Vec<ParticipantId>, Kind)> = HashMap::new();
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
        let gated = self.ascii_gate.starts_into(text, &mut scratch.starts);
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

/// What a finder was built from: the fields of each participant it reads.
#[derive(Debug, PartialEq, Eq)]
struct CastKey {
    id: ParticipantId,
    generic: bool,
    name: Option<String>,
    role: Option<String>,
    aliases: Vec<String>,
}

impl CastKey {
    fn of(p: &Participant) -> Self {
        CastKey {
            id: p.id,
            generic: p.generic,
            name: p.name.clone(),
            role: p.role.clone(),
            aliases: p.aliases.clone(),
        }
    }

    fn matches(&self, p: &Participant) -> bool {
        self.id == p.id
            && self.generic == p.generic
            && self.name == p.name
            && self.role == p.role
            && self.aliases == p.aliases
    }
}

/// Largest lowercase copy kept between texts, in bytes.
const MAX_KEPT_LOWERCASE: usize = 1 << 20;

thread_local! {
    /// The text the ASCII gate searches, in lowercase (kept, so as not to allocate it per
    /// paragraph).
    static LOWERCASE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };

    /// The finder last built on this thread and the cast it was built for: callers that
    /// ask paragraph by paragraph with the same participants do not rebuild it each time.
    static LAST_FINDER: RefCell<Option<(Vec<CastKey>, MentionFinder)>> = const { RefCell::new(None) };
}

/// [`MentionFinder::find`] with a finder for `participants`, reused while they are the same.
pub(crate) fn find_with_cached_finder(
    participants: &[Participant],
    text: &str,
) -> Vec<(ParticipantId, Range<usize>)> {
    LAST_FINDER.with(|cell| {
        let mut cached = cell.borrow_mut();
        let fresh = cached.as_ref().is_some_and(|(key, _)| {
            key.len() == participants.len()
                && key.iter().zip(participants).all(|(k, p)| k.matches(p))
        });
        if !fresh {
            let key = participants.iter().map(CastKey::of).collect();
            *cached = Some((key, MentionFinder::new(participants)));
        }
        cached
            .as_ref()
            .map(|(_, finder)| finder.find(text))
            .unwrap_or_default()
    })
}

/// The working memory of [`MentionFinder::find_into`], kept from one text to the next
/// (texts that all live for `'t`).
#[derive(Default)]
pub(crate) struct Scratch<'t> {
    /// Where the gate says mentions can start.
    starts: Vec<usize>,
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
mod tests {
    use super::*;
    use crate::model::Appearances;

    fn person(id: usize, name: Option<&str>, role: Option<&str>, aliases: &[&str]) -> Participant {
        Participant {
            id: ParticipantId::from(id),
            name: name.map(str::to_owned),
            role: role.map(str::to_owned),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            generic: false,
            appearances: Appearances::default(),
        }
    }

    fn found<'t>(people: &[Participant], text: &'t str) -> Vec<(usize, &'t str)> {
        MentionFinder::new(people)
            .find(text)
            .into_iter()
            .map(|(pid, r)| (pid.index(), &text[r]))
            .collect()
    }

    fn french_cast() -> Vec<Participant> {
        vec![
            person(
                0,
                Some("Alexandre Loukachenko"),
                Some("président de la Biélorussie"),
                &["Président de la République de Biélorussie Alexandre Loukachenko"],
            ),
            person(
                1,
                Some("Kassym-Jomart Tokayev"),
                Some("président du Kazakhstan"),
                &[],
            ),
            person(
                2,
                Some("Sadyr Japarov"),
                Some("président du Kirghizistan"),
                &[],
            ),
            person(
                3,
                Some("Vladimir Poutine"),
                Some("Président de la Russie"),
                &[],
            ),
            person(4, None, Some("chef d’état-major adjoint"), &[]),
            person(5, Some("Alexandre Pankine"), Some("vice-ministre"), &[]),
        ]
    }

    #[test]
    fn french_names_titles_and_roles() {
        let people = french_cast();
        let text = "Mr. Loukachenko, collègues. Le Président Japarov vient d’en parler. \
                    Comme vient de le dire le Président du Kazakhstan, nous sommes d’accord. \
                    Vladimir Poutine a parlé avec M. Pankine.";
        assert_eq!(
            found(&people, text),
            [
                (0, "Mr. Loukachenko"),
                (2, "Président Japarov"),
                (1, "Président du Kazakhstan"),
                (3, "Vladimir Poutine"),
                (5, "M. Pankine"),
            ]
        );
    }

    #[test]
    fn role_and_name_together_are_one_mention() {
        let people = french_cast();
        let text = "le président du Kazakhstan Kassym-Jomart Tokayev et Alexandre";
        assert_eq!(
            found(&people, text),
            [(1, "président du Kazakhstan Kassym-Jomart Tokayev")]
        );
    }

    #[test]
    fn lowercase_words_and_shared_roles_are_not_mentions() {
        let mut people = french_cast();
        people.push(person(
            6,
            Some("Jean Roux"),
            Some("président du Kazakhstan"),
            &[],
        ));
        // "président du Kazakhstan" now fits two people; a lone first name fits nobody.
        assert_eq!(
            found(
                &people,
                "le président du Kazakhstan et Alexandre, la poutine"
            ),
            []
        );
    }

    #[test]
    fn generic_speakers_are_never_mentioned() {
        let mut q = person(0, None, Some("Question"), &["Question"]);
        q.generic = true;
        assert_eq!(found(&[q], "Question: what about the Question?"), []);
    }

    #[test]
    fn russian_case_endings() {
        let people = vec![
            person(
                0,
                Some("Владимир Путин"),
                Some("Президент России"),
                &["В.Путин"],
            ),
            person(
                1,
                Some("Александр Лукашенко"),
                Some("Президент Республики Беларусь"),
                &[],
            ),
        ];
        let text =
            "Я согласен с Владимиром Путиным и с коллегой Лукашенко. Слова Президента России.";
        assert_eq!(
            found(&people, text),
            [
                (0, "Владимиром Путиным"),
                (1, "Лукашенко"),
                (0, "Президента России")
            ]
        );
    }

    #[test]
    fn english_roles_and_honorifics() {
        let people = vec![
            person(
                0,
                Some("Kassym-Jomart Tokayev"),
                Some("President of Kazakhstan"),
                &[],
            ),
            person(1, Some("John Smith"), None, &["MR. SMITH"]),
        ];
        let text = "As the President of Kazakhstan said, and as Mr. Smith's office wrote, \
                    John Smith agrees.";
        assert_eq!(
            found(&people, text),
            [
                (0, "President of Kazakhstan"),
                (1, "Mr. Smith"),
                (1, "John Smith")
            ]
        );
    }

    #[test]
    fn elisions_and_monsieur() {
        let people = french_cast();
        let text = "l’avis d’Alexandre Loukachenko et de Monsieur Japarov";
        assert_eq!(
            found(&people, text),
            [(0, "Alexandre Loukachenko"), (2, "Monsieur Japarov")]
        );
    }

    #[test]
    fn cached_finder_follows_the_cast() {
        let mut people = french_cast();
        let text = "Mr. Loukachenko et M. Varga";
        assert_eq!(
            find_with_cached_finder(&people, text),
            [(ParticipantId::from(0), 0..15)]
        );
        people.push(person(6, Some("Inès Varga"), None, &[]));
        assert_eq!(
            find_with_cached_finder(&people, text),
            [
                (ParticipantId::from(0), 0..15),
                (ParticipantId::from(6), 19..27)
            ]
        );
    }

    /// [`MentionFinder::find`] reading every word, as it did before the ASCII gate.
    fn found_word_by_word(
        people: &[Participant],
        text: &str,
    ) -> Vec<(ParticipantId, Range<usize>)> {
        let mut finder = MentionFinder::new(people);
        finder.ascii_gate = AsciiGate::Open;
        finder.find(text)
    }

    fn english_cast() -> Vec<Participant> {
        vec![
            person(
                0,
                Some("Ada Brandt"),
                Some("Chairman of the Subcommittee"),
                &["CHAIRMAN BRANDT"],
            ),
            person(1, Some("Lucia Valdez"), None, &["MS. VALDEZ"]),
            person(
                2,
                Some("Kassym-Jomart Tokayev"),
                Some("President of Kazakhstan"),
                &[],
            ),
            person(3, Some("Sean O'Brien"), None, &[]),
            person(4, Some("Tom Pell"), Some("Senator from the Isles"), &[]),
            person(5, Some("J. Holm"), None, &[]),
            person(6, None, Some("Gen. Secretary of the Party"), &[]),
            person(7, Some("Tomas Brandtner"), None, &[]),
        ]
    }

    /// The cast without the names that hold a hyphen or an apostrophe: every key is
    /// letters and digits but for a final dot, and the gate's search has no overlaps.
    fn alphanumeric_cast() -> Vec<Participant> {
        english_cast()
            .into_iter()
            .filter(|p| p.name.as_deref().is_none_or(|n| !n.contains(['-', '\''])))
            .collect()
    }

    #[test]
    fn the_gate_overlaps_only_for_keys_with_other_characters() {
        let overlapping = |people: &[Participant]| match MentionFinder::new(people).ascii_gate {
            AsciiGate::Keys { overlapping, .. } => Some(overlapping),
            AsciiGate::Open | AsciiGate::Shut => None,
        };
        assert_eq!(overlapping(&english_cast()), Some(true));
        assert_eq!(overlapping(&alphanumeric_cast()), Some(false));
    }

    #[test]
    fn the_ascii_gate_reads_only_near_the_keys() {
        let people = english_cast();
        let text = "The whale and the shale were compelled. Later Ms. Valdez, then \
                    (Mr.Pell) and O'Brien, with an aide, met the President of Kazakhstan; Brandt's view, \
                    O'Brien's too.";
        let expected = found_word_by_word(&people, text);
        assert_eq!(MentionFinder::new(&people).find(text), expected);
        let names: Vec<&str> = expected.iter().map(|(_, r)| &text[r.clone()]).collect();
        assert_eq!(
            names,
            [
                "Ms. Valdez",
                "Mr.Pell",
                "O'Brien",
                "President of Kazakhstan",
                "Brandt",
                "O'Brien"
            ]
        );
        // No key in the text: nothing is read.
        assert!(
            MentionFinder::new(&people)
                .find("compelled whales on the shale")
                .is_empty()
        );
    }

    #[test]
    fn one_scratch_reused_over_many_texts_finds_what_fresh_searches_find() {
        let people = english_cast();
        let finder = MentionFinder::new(&people);
        // Texts that end inside a longer pattern ("President of"), an empty one, one with no
        // key and one in another script, one after the other.
        let texts = [
            "Chairman Brandt spoke to the President of",
            "Kazakhstan, and then to Ms. Valdez.",
            "O'Brien's aide met Tom Pell, Senator from the",
            "",
            "Isles: the President of Kazakhstan and J. Holm agreed.",
            "compelled whales on the shale",
            "Брандт и Вальдес",
            "Lucia Valdez answered Senator from the Isles Tom Pell",
        ];
        let mut scratch = Scratch::default();
        let mut found = vec![(ParticipantId::from(99), 0..1)];
        for text in texts {
            finder.find_into(text, &mut scratch, &mut found);
            assert_eq!(found, finder.find(text), "{text}");
        }
    }

    proptest::proptest! {
        /// The gate finds what reading every word finds, whatever the words around the keys:
        /// titles, punctuation, joiners, possessives, elisions, dots and other cases.
        #[test]
        fn the_ascii_gate_changes_no_mention(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Brandt", "BRANDT", "brandt", "Brandt's", "xBrandt", "Brandtx", "Ada",
                    "Valdez", "Valdez.", "Ms.", "Mr.", "MR.", "Dr.", "Chairman", "chairman",
                    "of", "the", "Subcommittee", "President", "Kazakhstan", "Kassym-Jomart",
                    "Tokayev", "Jomart", "Sean", "O'Brien", "O'Brien's", "d'Pell", "Pell",
                    "Pell-Smith", "compelled", "J.", "J.Holm", "Holm", "Gen.", "Gen.Secretary", "Secretary", "Party",
                    "Gen.Secretary of the Party", "Gen. Secretary of the Party",
                    "President of Kazakhstan", "Chairman of the Subcommittee",
                    "Senator from the Isles", "Lucia Valdez", "Ada Brandt", "Senator", "from", "Isles", "and", ",", ".",
                    "Tom", "Tomas", "Tomasz", "TOMAS", "Brandtner", "Brandtners", "Tomas Brandtner",
                    ";", "(", ")", "-", "--", "'", "`", "\"", "1", "2024", "", " ", "\n", "\t",
                ]),
                0..40,
            ),
            glue in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  ", ", ", "."]), 40),
        ) {
            let mut text = String::new();
            for (word, glue) in words.iter().zip(glue.iter().cycle()) {
                text.push_str(word);
                text.push_str(glue);
            }
            for people in [english_cast(), alphanumeric_cast()] {
                proptest::prop_assert_eq!(
                    MentionFinder::new(&people).find(&text),
                    found_word_by_word(&people, &text)
                );
            }
        }
    }

    #[test]
    fn long_text_is_read_once() {
        let people = french_cast();
        let paragraph = "Le Président Japarov et Mr. Loukachenko ont parlé du Conseil. ";
        let text = paragraph.repeat(20_000);
        let started = std::time::Instant::now();
        let mentions = MentionFinder::new(&people).find(&text);
        assert!(started.elapsed().as_secs_f64() < 5.0);
        assert_eq!(mentions.len(), 40_000);
        assert!(mentions.windows(2).all(|w| w[0].1.end <= w[1].1.start));
    }
}
