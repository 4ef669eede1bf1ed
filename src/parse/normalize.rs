//! Source text → clean lines: odd spaces made plain, and for typed transcripts (hearings,
//! court records) margin line numbers, page headers and footers removed and hard-wrapped
//! lines joined back into paragraphs. Every line keeps its original line number.
//!
//! Each step decides once for the whole document, from counts taken in one pass, so a
//! web transcript (one paragraph per line, photo captions numbered "3 …") comes out line
//! for line as it went in, and the whole pre-pass stays linear in the size of the text.

use std::collections::HashMap;
use std::sync::LazyLock;

use super::turns::{TurnDetector, TurnVerdict};
use crate::text::{clean_spaces, contains_ascii_ci};

/// One cleaned line with the 1-based number of the source line where it starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceLine {
    /// 1-based line number in the decoded text.
    pub number: usize,
    /// The text, space-cleaned (see [`crate::text::clean_spaces`]); empty for a blank line.
    pub text: String,
}

/// Splits and cleans `text` (already decoded, `\n` line endings). Typed-transcript shapes are
/// undone: margin line numbers stripped, page headers, footers and form feeds dropped, and
/// hard-wrapped lines joined (a joined line keeps the number of its first source line).
pub fn prepare_lines(text: &str) -> Vec<SourceLine> {
    let mut lines = split_lines(text);
    let margin = strip_margin_numbers(&mut lines);
    let form_feeds = lines.iter().any(|l| l.form_feed);
    let typed = margin || form_feeds || wrap_width(&lines).is_some();
    remove_page_furniture(&mut lines, typed, margin);
    drop_page_breaks(&mut lines);
    match wrap_width(&lines) {
        Some(width) => join_wrapped(lines, width),
        None => lines
            .into_iter()
            .filter(|l| l.state.is_kept())
            .map(|l| SourceLine {
                number: l.number,
                text: l.text,
            })
            .collect(),
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum State {
    Text,
    Blank,
    /// Page furniture, a form feed or a page break: left out of the result.
    Removed,
    /// An unnumbered blank line between margin-numbered lines (double spacing): left out,
    /// and no paragraph break.
    Spacing,
}

impl State {
    fn is_kept(self) -> bool {
        matches!(self, State::Text | State::Blank)
    }
}

struct Line {
    number: usize,
    text: String,
    state: State,
    form_feed: bool,
    /// It carried a margin number (stripped).
    numbered: bool,
}

fn split_lines(text: &str) -> Vec<Line> {
    text.split('\n')
        .enumerate()
        .map(|(i, raw)| {
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let special = memchr::memchr2(b'\x0C', b'\r', raw.as_bytes()).is_some();
            let form_feed = special && raw.contains('\x0C');
            let text = if special {
                clean_spaces(&raw.replace(['\x0C', '\r'], " "))
            } else {
                clean_line(raw)
            };
            let state = match (text.is_empty(), form_feed) {
                (false, _) => State::Text,
                (true, true) => State::Removed,
                (true, false) => State::Blank,
            };
            Line {
                number: i + 1,
                text,
                state,
                form_feed,
                numbered: false,
            }
        })
        .collect()
}

/// [`clean_spaces`], with shortcuts for the common lines: already clean, or plain ASCII whose
/// only fault is extra spaces (typed transcripts indent every line).
fn clean_line(raw: &str) -> String {
    if is_clean(raw) {
        return raw.to_owned();
    }
    if !raw.is_ascii() {
        return clean_spaces(raw);
    }
    // The line holds no carriage return or form feed (see `split_lines`), so ASCII
    // whitespace here is spaces and tabs: the words, one space between them. Copying word
    // by word beats pushing byte by byte on indented typed lines.
    let mut out = String::with_capacity(raw.len());
    for word in raw.split_ascii_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A searcher for two spaces in a row, built once.
static DOUBLE_SPACE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Whether [`clean_spaces`] would leave `line` as it is: no space at either end, no double
/// space, no tab, no odd or zero-width space, no soft hyphen. Most lines are like that, and
/// this byte scan is much cheaper than rebuilding them.
fn is_clean(line: &str) -> bool {
    let bytes = line.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Vectorised searches for the few bytes that can start a fault; most lines have none.
    if DOUBLE_SPACE.find(bytes).is_some() || memchr::memchr(b'\t', bytes).is_some() {
        return false;
    }
    let mut lead_bytes =
        memchr::memchr3_iter(0xC2, 0xE2, 0xE3, bytes).chain(memchr::memchr_iter(0xEF, bytes));
    !lead_bytes.any(|i| is_fault_at(bytes, i))
}

/// Whether the character starting at byte `i` (a lead byte 0xC2, 0xE2, 0xE3 or 0xEF) is
/// one [`clean_spaces`] would change: an odd or zero-width space, a soft hyphen, a BOM.
fn is_fault_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match next(0) {
        // U+00A0 no-break space, U+00AD soft hyphen
        0xC2 => matches!(next(1), 0xA0 | 0xAD),
        // U+2000–U+200D spaces and zero-widths, U+202F, U+205F
        0xE2 => {
            (next(1) == 0x80 && matches!(next(2), 0x80..=0x8D | 0xAF))
                || (next(1) == 0x81 && next(2) == 0x9F)
        }
        // U+3000 ideographic space
        0xE3 => next(1) == 0x80 && next(2) == 0x80,
        // U+FEFF byte-order mark
        0xEF => next(1) == 0xBB && next(2) == 0xBF,
        _ => false,
    }
}

/// A margin number: one or two digits, then a space or the end of the line.
fn margin_number(text: &str) -> Option<(u32, &str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return None;
    }
    let (num, rest) = text.split_at_checked(digits)?;
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some((num.parse().ok()?, rest.trim_start()))
}

/// Whether `text` contains "photo" or "foto" (ASCII, any case), in one scan for the "oto"
/// both share rather than one search per word: this runs on every numbered line.
fn names_photo_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'o', b'O', bytes).any(|at| {
        let oto = bytes
            .get(at..at + 3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"oto"));
        let before = |n: usize| at.checked_sub(n).and_then(|i| bytes.get(i..at));
        oto && (before(1).is_some_and(|w| w.eq_ignore_ascii_case(b"f"))
            || before(2).is_some_and(|w| w.eq_ignore_ascii_case(b"ph")))
    })
}

/// Strips margin line numbers when most lines carry them in sequence (1, 2, 3 …, restarting
/// at 1 on each page). Numbered photo captions ("3 Caption. Photo: …") are few among the
/// lines of a web transcript and name a photo credit, so they never qualify.
fn strip_margin_numbers(lines: &mut [Line]) -> bool {
    let mut text_lines = 0usize;
    let mut numbered = 0usize;
    let mut in_sequence = 0usize;
    let mut photo_like = 0usize;
    let mut previous: Option<u32> = None;
    for line in lines.iter().filter(|l| l.state == State::Text) {
        text_lines += 1;
        let Some((n, rest)) = margin_number(&line.text) else {
            continue;
        };
        numbered += 1;
        if let Some(p) = previous
            && (n == p + 1 || n == 1)
        {
            in_sequence += 1;
        }
        previous = Some(n);
        if names_photo_ascii(rest)
            || (!rest.is_ascii() && ["фото", "Фото", "ФОТО"].iter().any(|w| rest.contains(w)))
        {
            photo_like += 1;
        }
    }
    let steps = numbered.saturating_sub(1);
    let qualifies = numbered >= 5
        && numbered * 10 >= text_lines * 6
        && in_sequence * 4 >= steps * 3
        && photo_like * 10 < numbered * 3;
    if !qualifies {
        return false;
    }
    // Typed transcripts number every line, blank ones included: an unnumbered blank line is
    // spacing (a double-spaced print), not a paragraph break.
    for line in lines.iter_mut().filter(|l| l.state == State::Blank) {
        line.state = State::Spacing;
    }
    for line in lines.iter_mut().filter(|l| l.state == State::Text) {
        if let Some((_, rest)) = margin_number(&line.text) {
            let cut = line.text.len().saturating_sub(rest.len());
            line.text.drain(..cut);
            line.numbered = true;
            if line.text.is_empty() {
                line.state = State::Blank;
            }
        }
    }
    true
}

/// Longest line considered as a page header or footer, in characters.
const MAX_FURNITURE_CHARS: usize = 100;

/// A hash of the line with every run of digits read as one '#', so that "Page 3 of 40" and
/// "Page 4 of 40" share a key (FNV-1a: no allocation per line). `None` for long lines.
fn furniture_key(text: &str) -> Option<u64> {
    if text.len() > MAX_FURNITURE_CHARS * 4 || text.chars().count() > MAX_FURNITURE_CHARS {
        return None;
    }
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut in_digits = false;
    for &b in text.as_bytes() {
        let b = if b.is_ascii_digit() {
            if in_digits {
                continue;
            }
            in_digits = true;
            b'#'
        } else {
            in_digits = false;
            b
        };
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    Some(hash)
}

/// Longest page counter looked at, in bytes ("Official Transcript — Page 12 of 140").
const MAX_PAGE_COUNTER_BYTES: usize = 80;

/// "Page 3 of 40", "Стр. 3": a page counter whatever the document.
fn is_page_counter(text: &str) -> bool {
    text.len() <= MAX_PAGE_COUNTER_BYTES
        && text.bytes().any(|b| b.is_ascii_digit())
        && (contains_ascii_ci(text, "page")
            || contains_ascii_ci(text, "pg.")
            || contains_ascii_ci(text, "seite")
            || (!text.is_ascii()
                && ["стр.", "Стр.", "СТР.", "страница", "Страница"]
                    .iter()
                    .any(|w| text.contains(w))))
}

/// Drops page headers and footers: short lines at a page boundary that repeat at least three
/// times (exactly, or with a changing page number). Outside typed documents only page counters
/// qualify, so a web transcript's repeated "Thank you." or "<…>" stay.
fn remove_page_furniture(lines: &mut [Line], typed: bool, margin: bool) {
    // Furniture stands next to a page break (a blank line, a form feed) or, in a margin-numbered
    // transcript, outside the numbering. Looking only there keeps the count table small.
    let at_boundary: Vec<bool> = (0..lines.len())
        .map(|i| {
            let breaks = |j: Option<usize>| {
                j.and_then(|j| lines.get(j))
                    .is_none_or(|l| l.state != State::Text || l.form_feed)
            };
            lines.get(i).is_some_and(|l| {
                l.form_feed
                    || (margin && !l.numbered)
                    || breaks(i.checked_sub(1))
                    || breaks(Some(i + 1))
            })
        })
        .collect();
    let candidate = |i: usize, text: &str| -> Option<u64> {
        if text.len() > MAX_FURNITURE_CHARS * 4 {
            return None;
        }
        let typed_furniture = typed && at_boundary.get(i).copied().unwrap_or(false);
        if !(typed_furniture || is_page_counter(text)) {
            return None;
        }
        furniture_key(text)
    };
    // Each line's key, worked out once for the count and the removal.
    let keys: Vec<Option<u64>> = lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            if line.state == State::Text {
                candidate(i, &line.text)
            } else {
                None
            }
        })
        .collect();
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for key in keys.iter().flatten() {
        *counts.entry(*key).or_default() += 1;
    }
    if !counts.values().any(|&n| n >= 3) {
        return;
    }
    let first_text = lines.iter().position(|l| l.state == State::Text);
    let turns = TurnDetector::default();
    for (i, line) in lines.iter_mut().enumerate() {
        if line.state != State::Text {
            continue;
        }
        let Some(key) = keys.get(i).copied().flatten() else {
            continue;
        };
        if counts.get(&key).copied().unwrap_or(0) < 3 {
            continue;
        }
        let text = line.text.as_str();
        let has_number = text.bytes().any(|b| b.is_ascii_digit());
        if !has_number && !text.chars().any(char::is_alphabetic) {
            continue; // "* * *", "<…>"
        }
        if text.starts_with(['(', '[']) {
            continue; // "(Laughter.)", "[Pause]": stage directions, not furniture
        }
        if !is_page_counter(text) && text.ends_with(['.', ',', ';', '!', '?', ':', '…']) {
            continue; // a repeated sentence ("Thank you.") is speech
        }
        if !has_number && Some(i) == first_text {
            continue; // a running header that repeats the title: keep the title
        }
        if matches!(turns.detect(text, false), TurnVerdict::Turn(_)) {
            continue;
        }
        line.state = State::Removed;
    }
}

/// A page break (removed lines with the blank lines around them) is dropped whole, so that a
/// paragraph cut by a page break can be joined back.
fn drop_page_breaks(lines: &mut [Line]) {
    let mut start = 0;
    while start < lines.len() {
        if lines.get(start).is_some_and(|l| l.state == State::Text) {
            start += 1;
            continue;
        }
        let mut end = start;
        let mut removed = false;
        while let Some(line) = lines.get(end) {
            match line.state {
                State::Text => break,
                State::Removed => removed = true,
                State::Blank | State::Spacing => {}
            }
            end += 1;
        }
        if removed && let Some(run) = lines.get_mut(start..end) {
            for line in run {
                line.state = State::Removed;
            }
        }
        start = end;
    }
}

/// Narrowest and widest wrap widths, in characters: typed pages hold 40 to 200 characters a
/// line; a short web page of short lines is not a wrapped page.
const MIN_WRAP_WIDTH: usize = 40;
const MAX_WRAP_WIDTH: usize = 200;

/// Lines longer than this many characters are counted together in the length histogram.
const LENGTH_CAP: usize = 400;

/// The wrap width when the document is hard-wrapped: most lines are long and end near one
/// width (the 95th percentile of line lengths, 40–200 characters), and many of them (at least
/// three, and a fifth) end mid-sentence with the text going on in the next line.
fn wrap_width(lines: &[Line]) -> Option<usize> {
    // Each text line's length in characters, counted once for both passes below.
    let lengths: Vec<usize> = lines
        .iter()
        .map(|l| {
            if l.state == State::Text {
                l.text.chars().count()
            } else {
                0
            }
        })
        .collect();
    let mut histogram = vec![0usize; LENGTH_CAP + 1];
    let mut total = 0usize;
    for (line, &len) in lines.iter().zip(&lengths) {
        if line.state != State::Text {
            continue;
        }
        if let Some(slot) = histogram.get_mut(len.min(LENGTH_CAP)) {
            *slot += 1;
        }
        total += 1;
    }
    if total < 6 {
        return None;
    }
    let wanted = (total * 95).div_ceil(100);
    let mut seen = 0usize;
    let mut width = LENGTH_CAP;
    for (len, count) in histogram.iter().enumerate() {
        seen += count;
        if seen >= wanted {
            width = len;
            break;
        }
    }
    if !(MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width) {
        return None;
    }
    let mut long = 0usize;
    let mut open = 0usize;
    let mut iter = lines
        .iter()
        .zip(&lengths)
        .filter(|(l, _)| l.state.is_kept())
        .peekable();
    while let Some((line, &len)) = iter.next() {
        if line.state != State::Text || len * 10 < width * 6 {
            continue;
        }
        long += 1;
        let next_is_text = iter.peek().is_some_and(|(n, _)| n.state == State::Text);
        if next_is_text && ends_open(&line.text) {
            open += 1;
        }
    }
    (long >= 5 && long * 2 >= total && open >= 3 && open * 5 >= long).then_some(width)
}

/// The line stops mid-sentence: it ends with a letter, a digit or a hyphen.
fn ends_open(text: &str) -> bool {
    text.chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '-')
}

/// The line ends a sentence.
fn ends_sentence(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['"', '”', '»', '\'', '’', ')']);
    trimmed.ends_with(['.', '!', '?', '…', ':', ';'])
}

/// At least two letters, all capitals: a heading or a hearing caption.
fn is_all_caps(text: &str) -> bool {
    let mut letters = 0usize;
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        if c.is_lowercase() {
            return false;
        }
        letters += 1;
    }
    letters >= 2
}

/// "3 Caption…", "3/21 Caption…", "3 of 21 Caption…".
fn starts_caption(text: &str) -> bool {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return false;
    }
    let mut rest = text.get(digits..).unwrap_or("");
    let series = rest
        .strip_prefix('/')
        .or_else(|| rest.strip_prefix(" of "))
        .or_else(|| rest.strip_prefix(" из "));
    if let Some(after) = series {
        let d = after.bytes().take_while(u8::is_ascii_digit).count();
        if d == 0 {
            return false;
        }
        rest = after.get(d..).unwrap_or("");
    }
    rest.strip_prefix(' ')
        .and_then(|r| r.chars().next())
        .is_some_and(char::is_uppercase)
}

/// A line under construction from one or more source lines.
struct Joined {
    number: usize,
    text: String,
    /// The last source line's text length, in characters.
    last_len: usize,
    last_caps: bool,
    last_open: bool,
    last_sentence_end: bool,
}

impl Joined {
    fn new(line: Line) -> Self {
        let mut joined = Joined {
            number: line.number,
            text: String::new(),
            last_len: 0,
            last_caps: false,
            last_open: false,
            last_sentence_end: false,
        };
        joined.set_last(&line.text);
        joined.text = line.text;
        joined
    }

    fn set_last(&mut self, text: &str) {
        self.last_len = text.chars().count();
        self.last_caps = is_all_caps(text);
        self.last_open = ends_open(text);
        self.last_sentence_end = ends_sentence(text);
    }

    fn push(&mut self, next: &str) {
        self.set_last(next);
        let hyphen_break = hyphen_break(&self.text, next);
        if hyphen_break {
            if next.chars().next().is_some_and(char::is_lowercase) {
                self.text.pop(); // "inter-" + "national"
            }
        } else {
            self.text.push(' ');
        }
        self.text.push_str(next);
    }

    fn finish(self) -> SourceLine {
        SourceLine {
            number: self.number,
            text: self.text,
        }
    }
}

/// "inter-" at the end of a line and a word at the start of the next.
fn hyphen_break(text: &str, next: &str) -> bool {
    let mut back = text.chars().rev();
    back.next() == Some('-')
        && back.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic)
}

fn join_wrapped(lines: Vec<Line>, width: usize) -> Vec<SourceLine> {
    let mut out = Vec::with_capacity(lines.len());
    let mut turns = TurnDetector::default();
    let mut pending: Option<Joined> = None;
    for line in lines {
        match line.state {
            State::Removed | State::Spacing => continue,
            State::Blank => {
                if let Some(p) = pending.take() {
                    out.push(p.finish());
                }
                out.push(SourceLine {
                    number: line.number,
                    text: String::new(),
                });
                continue;
            }
            State::Text => {}
        }
        if let Some(p) = pending.as_mut() {
            match continues(p, &line.text, width, &turns) {
                Continuation::Join => {
                    p.push(&line.text);
                    continue;
                }
                Continuation::Turn(label) => remember(&mut turns, &label),
                Continuation::Break => {}
            }
            if let Some(p) = pending.take() {
                out.push(p.finish());
            }
        } else if let TurnVerdict::Turn(turn) = turns.detect(&line.text, false) {
            remember(&mut turns, &turn.label);
        }
        pending = Some(Joined::new(line));
    }
    if let Some(p) = pending {
        out.push(p.finish());
    }
    out
}

enum Continuation {
    Join,
    /// The line opens a turn with this label.
    Turn(String),
    Break,
}

/// Most labels remembered while joining (enough for any real cast; bounds the work).
const MAX_KNOWN_LABELS: usize = 64;

/// Remembers the label of a turn, for [`continues`] to recognise it again.
fn remember(turns: &mut TurnDetector, label: &str) {
    if turns.known_count() < MAX_KNOWN_LABELS {
        turns.remember(label);
    }
}

/// Whether `next` continues the paragraph of `prev` in a hard-wrapped document.
fn continues(prev: &Joined, next: &str, width: usize, turns: &TurnDetector) -> Continuation {
    if prev.last_caps || is_all_caps(next) || starts_caption(next) {
        return Continuation::Break;
    }
    let Some(first) = next.chars().next() else {
        return Continuation::Break;
    };
    if !(first.is_alphanumeric() || matches!(first, '(' | '[' | '"' | '“' | '«' | '„' | '\'' | '‘'))
    {
        return Continuation::Break; // "<…>", "* * *", "- item"
    }
    // A turn opens with a capital ("MR. SMITH:", "Q", "В.Путин:"): most wrapped lines do not.
    if !first.is_lowercase()
        && let TurnVerdict::Turn(turn) = turns.detect(next, true)
    {
        return Continuation::Turn(turn.label);
    }
    if hyphen_break(&prev.text, next) {
        return Continuation::Join;
    }
    // The next line's first word did not fit on this one: the break was the wrap's.
    let first_word = next.split(' ').next().unwrap_or(next).chars().count();
    let forced = prev.last_len + 1 + first_word > width;
    let join = if prev.last_sentence_end {
        forced
    } else {
        forced || (first.is_lowercase() && (prev.last_open || prev.last_len * 10 >= width * 6))
    };
    if join {
        Continuation::Join
    } else {
        Continuation::Break
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[SourceLine]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    fn numbers(lines: &[SourceLine]) -> Vec<usize> {
        lines.iter().map(|l| l.number).collect()
    }

    const KREMLIN: &str = "Summit of the Alliance – March 3, 2031, 11:00, Port Elspeth\n\
\n\
1 Before the summit. Photo: Ana Kirov, Northwire\n\
\n\
Vladimir Putin took part in a meeting of the Alliance Council.\n\
March 3, 2031, 11:00, Port Elspeth\n\
2/14 With the President of Arland Tomas Veil. Photo: Piotr Lind\n\
\n\
The following Russian officials took part:\n\
Foreign Minister Sergei Lavrov,\n\
Presidential Aide Yury Ushakov,\n\
and Press Secretary Dmitry Peskov.\n\
President of Arland Tomas Veil: Colleagues, friends,\n\
Welcome to Port Elspeth. It is a great honour for our city to host a summit of this kind, and I hope our work will be useful for all the nations represented around this table today.\n\
Our agenda is long:\n\
the transport corridor,\n\
the common energy market\n\
and the joint exercises.\n\
Thank you.\n\
3 During the meeting. Photo: Ana Kirov, Northwire\n\
\n\
President of Russia Vladimir Putin: Mr Veil, colleagues,\n\
Let me repeat:\n\
We agree. We are ready to continue the work on the corridor, which will link the ports of the north with the markets of the south.\n\
Thank you.\n\
<…>\n\
Topics\n\
Foreign policy\n\
http://en.example.org/events/12345";

    #[test]
    fn web_transcript_comes_out_line_for_line() {
        let lines = prepare_lines(KREMLIN);
        let expected: Vec<&str> = KREMLIN.split('\n').collect();
        assert_eq!(texts(&lines), expected);
        assert_eq!(numbers(&lines), (1..=expected.len()).collect::<Vec<_>>());
    }

    #[test]
    fn spaces_and_line_endings_are_cleaned() {
        let lines = prepare_lines("  Vladimir\u{00A0}Putin :\u{202F}Hello \r\n\r\nBye");
        assert_eq!(texts(&lines), ["Vladimir Putin : Hello", "", "Bye"]);
        assert_eq!(numbers(&lines), [1, 2, 3]);
    }

    #[test]
    fn numbered_captions_keep_their_numbers() {
        let text = "1 Before the talks. Photo: Ana Kirov\n\n2 During the talks. Photo: Ana Kirov\n\n\
3 After the talks. Photo: Ana Kirov\n\n4 The delegations. Photo: Ana Kirov\n\n\
5 The signing. Photo: Ana Kirov\nThe talks lasted two hours.";
        let lines = prepare_lines(text);
        assert_eq!(texts(&lines), text.split('\n').collect::<Vec<_>>());
    }

    const HEARING: &str = "\
HEARING ON COASTAL FERRIES\n\
1 CHAIRMAN BRANDT: The subcommittee will come to order.\n\
2 Today we examine the ferry contracts that the\n\
3 department signed last spring, and the delays that\n\
4 followed them.\n\
5 SENATOR OKAFOR: Thank you, Mr. Chairman. I have read\n\
6 the contracts twice, and the penalties for late\n\
7 sailings are inter-\n\
8 national in scope, which surprised me.\n\
9 MS. VALDEZ: They were drafted by the Harbour-\n\
10 Board counsel, Senator.\n\
\x0C\n\
Page 2 of 3\n\
1 SENATOR OKAFOR: Did the board review them before\n\
2 they were signed by the department in April?\n\
3 MS. VALDEZ: It did, twice, and it raised no objection\n\
4 to the clauses on late sailings at either review.\n\
5 CHAIRMAN BRANDT: Thank you. We will now hear from\n\
6 the second panel of witnesses this afternoon.\n\
\x0C\n\
Page 3 of 3\n\
1 CHAIRMAN BRANDT: The hearing is adjourned until\n\
2 Thursday morning at ten o'clock in this room.\n\
\x0C\n\
Page 4 of 3\n";

    #[test]
    fn typed_hearing_is_unwrapped() {
        let lines = prepare_lines(HEARING);
        let non_blank: Vec<&SourceLine> = lines.iter().filter(|l| !l.text.is_empty()).collect();
        let got: Vec<(usize, &str)> = non_blank
            .iter()
            .map(|l| (l.number, l.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (1, "HEARING ON COASTAL FERRIES"),
                (
                    2,
                    "CHAIRMAN BRANDT: The subcommittee will come to order. Today we examine the \
ferry contracts that the department signed last spring, and the delays that followed them."
                ),
                (
                    6,
                    "SENATOR OKAFOR: Thank you, Mr. Chairman. I have read the contracts twice, and \
the penalties for late sailings are international in scope, which surprised me."
                ),
                (
                    10,
                    "MS. VALDEZ: They were drafted by the Harbour-Board counsel, Senator."
                ),
                (
                    14,
                    "SENATOR OKAFOR: Did the board review them before they were signed by the \
department in April?"
                ),
                (
                    16,
                    "MS. VALDEZ: It did, twice, and it raised no objection to the clauses on late \
sailings at either review."
                ),
                (
                    18,
                    "CHAIRMAN BRANDT: Thank you. We will now hear from the second panel of \
witnesses this afternoon."
                ),
                (
                    22,
                    "CHAIRMAN BRANDT: The hearing is adjourned until Thursday morning at ten \
o'clock in this room."
                ),
            ]
        );
    }

    #[test]
    fn margin_numbers_are_stripped_without_wrapping() {
        let text = "1 MR. SMITH: Good morning.\n2 THE WITNESS: Good morning.\n3 MR. SMITH: State your name.\n\
4 THE WITNESS: Jane Roe.\n5 MR. SMITH: Thank you.\n6\n7 THE COURT: Recess.";
        let lines = prepare_lines(text);
        assert_eq!(
            texts(&lines),
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
    }

    #[test]
    fn short_web_pages_are_not_taken_for_wrapped_text() {
        let text = "Talks\n\nQuestion: When?\n<...>\nSoon, I hope.\n* * *\nAfter the break.\n\
Topics\nTransport, Energy\nPersons\n\nhttps://example.org/1\n";
        assert_eq!(
            texts(&prepare_lines(text)),
            text.split('\n').collect::<Vec<_>>()
        );
    }

    #[test]
    fn double_spaced_margin_lines_are_unwrapped() {
        let text = "\
 1  SENATOR OKAFOR: Ms. Valdez, I have read the renegotiated\n\
\n\
 2  schedule. It contains a penalty clause for late delivery,\n\
\n\
 3  but the penalty is capped at two percent of the contract\n\
\n\
 4  value. Who agreed to that cap?\n\
\n\
 5\n\
\n\
 6  MS. VALDEZ: The cap was proposed by the yard and accepted\n\
\n\
 7  by our legal counsel after consultation with the ministry.\n";
        let lines = prepare_lines(text);
        assert_eq!(
            texts(&lines),
            [
                "SENATOR OKAFOR: Ms. Valdez, I have read the renegotiated schedule. It contains a \
penalty clause for late delivery, but the penalty is capped at two percent of the contract \
value. Who agreed to that cap?",
                "",
                "MS. VALDEZ: The cap was proposed by the yard and accepted by our legal counsel \
after consultation with the ministry."
            ]
        );
        assert_eq!(numbers(&lines), [1, 9, 11]);
    }

    #[test]
    fn repeated_headers_and_footers_are_dropped() {
        let mut text = String::new();
        for page in 1..=4 {
            text.push_str("OFFICIAL TRANSCRIPT\n\n");
            for i in 0..3 {
                text.push_str(&format!("MR. SMITH: Question {page}.{i} is answered.\n"));
            }
            text.push_str(&format!("\n- {page} -\n\x0C"));
        }
        let lines = prepare_lines(&text);
        let non_blank: Vec<&str> = texts(&lines)
            .into_iter()
            .filter(|t| !t.is_empty())
            .collect();
        assert_eq!(non_blank.len(), 1 + 12, "{non_blank:?}");
        assert_eq!(non_blank.first(), Some(&"OFFICIAL TRANSCRIPT"));
        assert!(!non_blank.iter().any(|t| t.starts_with("- ")));
    }

    #[test]
    fn page_counters_are_dropped_even_in_web_text() {
        let text =
            "Alpha said hello.\nPage 1 of 3\nBeta answered.\nPage 2 of 3\nGamma left.\nPage 3 of 3";
        assert_eq!(
            texts(&prepare_lines(text)),
            ["Alpha said hello.", "Beta answered.", "Gamma left."]
        );
    }

    #[test]
    fn repeated_short_speech_lines_stay() {
        let text = "Q Thank you.\n\nMR. SMITH: Thank you.\n\nQ\nThank you.\n\nMR. SMITH: Sure.\n\nQ\nThank you.\n\n<…>\n\n<…>\n\n<…>\nThank you.";
        assert_eq!(
            texts(&prepare_lines(text)),
            text.split('\n').collect::<Vec<_>>()
        );
    }

    #[test]
    fn hard_wrapped_prose_is_joined_but_not_across_blank_lines() {
        let text = "\
The committee met on a grey morning in the old harbour hall,\n\
where the ferry operators had gathered to hear the ruling on\n\
their contracts. Nobody expected the meeting to last long.\n\
\n\
The chairman opened with a short statement about the delays\n\
and the penalties. He then turned to the first witness, who\n\
had travelled from the islands to give evidence in person.\n\
\n\
Short closing line.";
        let lines = prepare_lines(text);
        assert_eq!(
            texts(&lines),
            [
                "The committee met on a grey morning in the old harbour hall, where the ferry \
operators had gathered to hear the ruling on their contracts. Nobody expected the meeting to last long.",
                "",
                "The chairman opened with a short statement about the delays and the penalties. \
He then turned to the first witness, who had travelled from the islands to give evidence in person.",
                "",
                "Short closing line."
            ]
        );
        assert_eq!(numbers(&lines), [1, 4, 5, 8, 9]);
    }

    #[test]
    fn the_fast_path_agrees_with_clean_spaces() {
        let odd = [
            ' ', '\t', '\u{00A0}', '\u{00AD}', '\u{2000}', '\u{2005}', '\u{200A}', '\u{200B}',
            '\u{200C}', '\u{200D}', '\u{202F}', '\u{205F}', '\u{3000}', '\u{FEFF}', '\u{2019}',
            '\u{00AB}', '\u{2014}', '\u{2026}', 'é', 'Ж', 'a',
        ];
        let mut cases = Vec::new();
        for a in odd {
            for b in odd {
                cases.push(format!("{a}x{b}y"));
                cases.push(format!("x{a}{b}y"));
                cases.push(format!("x{a}y{b}"));
            }
        }
        for case in &cases {
            if is_clean(case) {
                assert_eq!(&clean_spaces(case), case, "{case:?}");
            }
            assert_eq!(clean_line(case), clean_spaces(case), "{case:?}");
            let padded = format!("  {case}\t {case}  ");
            assert_eq!(clean_line(&padded), clean_spaces(&padded), "{padded:?}");
        }
        assert!(is_clean("Président de l’Orlavie : « Oui » — bien sûr…"));
        assert!(!is_clean("à\u{00A0}Minsk"));
    }

    #[test]
    fn photo_scan_agrees_with_two_searches() {
        for text in [
            "Photo",
            "FOTO",
            "a photograph",
            "phOto",
            "foo",
            "oto",
            "hoto",
            "p hoto",
            "Fot",
            "x foto y",
            "photophoto",
            "ooto",
            "Пхото photo",
            "",
            "PH",
            "fOTo",
        ] {
            let two = contains_ascii_ci(text, "photo") || contains_ascii_ci(text, "foto");
            assert_eq!(names_photo_ascii(text), two, "{text:?}");
        }
    }

    #[test]
    fn hostile_input_never_panics() {
        for text in [
            "",
            "\n\n\n",
            "\x0C\x0C\n\x0C",
            "99\n99\n99\n99\n99\n99\n99",
            "1\n2\n3\n4\n5\n6\n7\n8",
            "é-\né-\né-\né-\né-\né-\né-",
            "\u{FEFF}\r\r\n\r",
        ] {
            let _ = prepare_lines(text);
        }
        let long = "word ".repeat(100_000);
        assert_eq!(prepare_lines(&long).len(), 1);
    }
}
