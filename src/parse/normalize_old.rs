//! Source text → clean lines: odd spaces made plain, and for typed transcripts (hearings,
//! court records) margin line numbers, page headers and footers removed and hard-wrapped
//! lines joined back into paragraphs. Every line keeps its original line number.
//!
//! Each step decides once for the whole document, from counts taken in one pass, so a
//! web transcript (one paragraph per line, photo captions numbered "3 …") comes out line
//! for line as it went in, and the whole pre-pass stays linear in the size of the text.

use std::ops::Range;
use std::sync::LazyLock;

use foldhash::{HashMap, HashMapExt};

mod join_parts;

use super::parallel;
use super::turns::TurnDetector;
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
    let (buffers, placed) = prepare(text).into_parts();
    buffers
        .lines(placed)
        .iter()
        .map(|l| SourceLine {
            number: l.number,
            text: l.text.to_owned(),
        })
        .collect()
}

/// A cleaned line, borrowed from a [`Prepared`] text.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct LineRef<'a> {
    /// 1-based line number in the decoded text.
    pub number: usize,
    /// The text, space-cleaned; empty for a blank line.
    pub text: &'a str,
}

/// The cleaned lines of a text (what [`prepare_lines`] gives), without a string per line:
/// each line is a slice of the source text, of the lines that needed rebuilding, or of the
/// joined paragraphs, so a typed transcript costs a few buffers, not an allocation per line.
pub(crate) struct Prepared<'a> {
    buffers: Buffers<'a>,
    lines: Places,
}

/// Where each line of a [`Prepared`] text lies: the lines of `head`, then those of `tail`
/// (the second half of a long typed text, joined on a thread of its own; see
/// [`join_parts`]), each list made in its own memory.
pub(crate) struct Places {
    head: Vec<Placed>,
    tail: Vec<Placed>,
}

/// The texts a [`Prepared`] text's lines lie in.
pub(crate) struct Buffers<'a> {
    source: &'a str,
    /// Rebuilt lines: one buffer per run of lines cleaned on one thread, and one for margin
    /// numbers put back (see [`restore_margin_numbers`]).
    rebuilt: Vec<String>,
    joined: String,
    /// Paragraphs joined on a second thread (see [`join_parts`]).
    joined_later: String,
}

/// A line of the result: its number and where its text lies.
#[derive(Clone, Debug)]
pub(crate) struct Placed {
    number: usize,
    place: Place,
}

impl<'a> Prepared<'a> {
    /// The buffers, and where each line lies in them (see [`Buffers::lines`]).
    pub(crate) fn into_parts(self) -> (Buffers<'a>, Places) {
        (self.buffers, self.lines)
    }
}

impl Buffers<'_> {
    /// The lines, in order, at the places `placed` gives, each list made in the memory of
    /// its places (a long text has millions of lines), the two side by side.
    pub(crate) fn lines(&self, placed: Places) -> Lines<'_> {
        let texts = Texts {
            source: self.source,
            rebuilt: &self.rebuilt,
            joined: &self.joined,
            joined_later: &self.joined_later,
        };
        let made = |part: Vec<Placed>| -> Vec<LineRef<'_>> {
            part.into_iter()
                .map(|l| LineRef {
                    number: l.number,
                    text: texts.get(l.place),
                })
                .collect()
        };
        let Places { head, tail } = placed;
        let (tail, head) = parallel::join(!tail.is_empty(), || made(tail), || made(head));
        Lines { head, tail }
    }

    /// What the buffers own, without the borrow of the source (to be freed aside).
    pub(crate) fn into_owned(self) -> impl Send + 'static {
        (self.rebuilt, self.joined, self.joined_later)
    }
}

/// The cleaned lines of a [`Prepared`] text, in two lists made side by side (see
/// [`Buffers::lines`]): the lines are those of `head`, then those of `tail`.
pub(crate) struct Lines<'a> {
    head: Vec<LineRef<'a>>,
    tail: Vec<LineRef<'a>>,
}

impl<'a> Lines<'a> {
    pub(crate) fn len(&self) -> usize {
        self.head.len() + self.tail.len()
    }

    /// Line `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<LineRef<'a>> {
        match i.checked_sub(self.head.len()) {
            None => self.head.get(i).copied(),
            Some(k) => self.tail.get(k).copied(),
        }
    }

    /// The lines from `i` on, in order.
    pub(crate) fn iter_from(&self, i: usize) -> impl Iterator<Item = LineRef<'a>> + '_ {
        let head = self.head.get(i..).unwrap_or_default();
        let tail = i.saturating_sub(self.head.len());
        head.iter()
            .chain(self.tail.get(tail..).unwrap_or_default())
            .copied()
    }

    /// All the lines, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = LineRef<'a>> + '_ {
        self.iter_from(0)
    }
}

/// [`prepare_lines`], borrowing: lines are cleaned while borrowed from the source or from
/// buffers of rebuilt lines, and hard-wrapped lines are joined into one more buffer.
pub(crate) fn prepare(text: &str) -> Prepared<'_> {
    let (mut lines, rebuilt, margin) = clean_lines(text);
    let texts = Texts::cleaned(text, &rebuilt);
    let form_feeds = lines.iter().any(|l| l.form_feed);
    // Worked out before page furniture goes only when the shape is not already known.
    let width_before = (!margin && !form_feeds).then(|| wrap_width(&lines, texts));
    let typed = margin || form_feeds || width_before.flatten().is_some();
    let removed = remove_page_furniture(&mut lines, texts, typed, margin);
    let broken = drop_page_breaks(&mut lines);
    let mut joined = String::new();
    let mut joined_later = String::new();
    // A web transcript usually loses nothing here, and then its lines are as they were.
    let width = match width_before {
        Some(width) if !removed && !broken => width,
        _ => wrap_width(&lines, texts),
    };
    let (mut placed, mut placed_later) = match width {
        Some(width) => {
            // Joined paragraphs are never longer than the source lines they come from.
            joined.reserve(text.len());
            if parallel::threads_for(text.len()) > 1 {
                join_parts::join(lines, texts, width, &mut joined, &mut joined_later)
            } else {
                (join_wrapped(lines, texts, width, &mut joined), Vec::new())
            }
        }
        // Collected in the memory of the lines themselves.
        None => (
            lines
                .into_iter()
                .enumerate()
                .filter(|(_, l)| l.state.is_kept())
                .map(|(i, l)| l.placed(i))
                .collect(),
            Vec::new(),
        ),
    };
    // The records were larger, and joined lines are fewer: the rest of their memory goes
    // back now rather than staying through the build.
    placed.shrink_to_fit();
    placed_later.shrink_to_fit();
    Prepared {
        buffers: Buffers {
            source: text,
            rebuilt,
            joined,
            joined_later,
        },
        lines: Places {
            head: placed,
            tail: placed_later,
        },
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, bytemuck::Zeroable)]
#[repr(u8)]
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

/// The buffer a cleaned line's text lies in.
#[derive(Copy, Clone, Debug, PartialEq, Eq, bytemuck::Zeroable)]
#[repr(u16)]
enum Buf {
    /// The source text: the line was clean, or only padded with spaces.
    Source,
    /// A buffer of rebuilt lines (see [`Buffers::rebuilt`]).
    Rebuilt(u16),
    /// The buffer of joined paragraphs (see [`join_wrapped`]).
    Joined,
    /// The buffer of paragraphs joined on a second thread (see [`join_parts`]).
    JoinedLater,
}

/// Where a cleaned line's text lies: a byte range of one of the buffers.
#[derive(Copy, Clone, Debug, PartialEq, Eq, bytemuck::Zeroable)]
struct Place {
    buf: Buf,
    start: usize,
    end: usize,
}

impl Place {
    fn new(buf: Buf, range: Range<usize>) -> Place {
        Place {
            buf,
            start: range.start,
            end: range.end,
        }
    }

    /// The same place without its first `bytes` bytes.
    fn skip(self, bytes: usize) -> Place {
        Place {
            start: (self.start + bytes).min(self.end),
            ..self
        }
    }
}

/// The buffers of a [`Prepared`] text, to read a line's text from its place.
#[derive(Copy, Clone)]
struct Texts<'a> {
    source: &'a str,
    rebuilt: &'a [String],
    joined: &'a str,
    joined_later: &'a str,
}

/// The lines of `text` cleaned, margin numbers stripped or put back: the lines, the buffers
/// of rebuilt lines, and whether the text is margin-numbered.
fn clean_lines(text: &str) -> (Vec<Line>, Vec<String>, bool) {
    let (mut lines, mut rebuilt) = split_lines(text);
    let margin = strip_margin_numbers(&mut lines, parallel::threads_for(text.len()));
    if !margin {
        restore_margin_numbers(&mut lines, text, &mut rebuilt);
    }
    (lines, rebuilt, margin)
}

impl<'a> Texts<'a> {
    /// The texts of cleaned lines, before any is joined.
    fn cleaned(source: &'a str, rebuilt: &'a [String]) -> Self {
        Texts {
            source,
            rebuilt,
            joined: "",
            joined_later: "",
        }
    }

    fn get(self, place: Place) -> &'a str {
        let buf = match place.buf {
            Buf::Source => self.source,
            Buf::Rebuilt(k) => self.rebuilt.get(usize::from(k)).map_or("", String::as_str),
            Buf::Joined => self.joined,
            Buf::JoinedLater => self.joined_later,
        };
        buf.get(place.start..place.end).unwrap_or("")
    }
}

/// A line's margin number ("12  Senator, …"), read while the line is cleaned. Small, since
/// every line of a long transcript carries one; all zero (no byte cut) when the line has
/// none, so that the line records can be made zeroed.
#[derive(Copy, Clone, Debug, PartialEq, Eq, bytemuck::Zeroable)]
struct Margin {
    /// One or two digits.
    number: u8,
    /// What follows names a photo ("3 Caption. Photo: …"): a numbered caption, not a margin.
    photo: bool,
    /// Bytes of the number and the spaces after it (at least one: a margin number's digit).
    cut: u16,
    /// The same in characters.
    cut_chars: u16,
}

impl Margin {
    fn of(text: &str) -> Option<Margin> {
        let (number, rest) = margin_number(text)?;
        let cut = text.len().saturating_sub(rest.len());
        Some(Margin {
            number: u8::try_from(number).ok()?,
            photo: names_photo(rest),
            cut: u16::try_from(cut).ok()?,
            cut_chars: u16::try_from(text.get(..cut)?.chars().count()).ok()?,
        })
    }
}

/// A source line while the pre-pass works on it: 40 bytes and no borrow, since a long
/// transcript has millions, written in place by the threads that clean them into one
/// zeroed list (the line number is its index plus one).
#[derive(bytemuck::Zeroable)]
struct Line {
    /// Where its text lies.
    place: Place,
    /// The text in characters, counted once (the wrap-width tests and the joiner read it).
    chars: u32,
    state: State,
    form_feed: bool,
    /// It carried a margin number (stripped).
    numbered: bool,
    /// Its margin number, when it starts with one (before stripping): see [`Line::margin`].
    margin: Margin,
    /// The margin number is not in `place`, which holds only the text after it (see
    /// [`margin_apart`]).
    apart: bool,
}

impl Line {
    /// The line cleaned to `cleaned`, which lies at `place`.
    fn new(place: Place, cleaned: &str, form_feed: bool) -> Line {
        let state = match (cleaned.is_empty(), form_feed) {
            (false, _) => State::Text,
            (true, true) => State::Removed,
            (true, false) => State::Blank,
        };
        Line {
            place,
            chars: u32::try_from(cleaned.chars().count()).unwrap_or(u32::MAX),
            state,
            form_feed,
            numbered: false,
            margin: Margin::of(cleaned).unwrap_or_else(bytemuck::Zeroable::zeroed),
            apart: false,
        }
    }

    /// The line's place in the result; `index`: its index among the source lines.
    fn placed(&self, index: usize) -> Placed {
        Placed {
            number: index + 1,
            place: self.place,
        }
    }

    fn chars(&self) -> usize {
        self.chars as usize
    }

    /// Its margin number, when it starts with one (before stripping).
    fn margin(&self) -> Option<Margin> {
        (self.margin.cut > 0).then_some(self.margin)
    }
}

/// Cuts `text` into lines (a `\r` before the `\n` dropped) and cleans each one's spaces:
/// a line that is clean, or clean once its padding spaces are trimmed, stays a range of
/// `text`; any other is rebuilt in a buffer. A long text is cut into runs of whole lines
/// cleaned on separate threads, each with its own buffer; gives the lines and the buffers.
fn split_lines(text: &str) -> (Vec<Line>, Vec<String>) {
    let cuts = parallel::line_cuts(text, parallel::threads_for(text.len()));
    let runs: Vec<Range<usize>> = cuts.windows(2).map(|w| w[0]..w[1]).collect();
    // Counted first (a vectorised pass), so that each run's records are written once, in
    // their place in the one list: no thread's lines are copied after another's.
    let counts = parallel::map_in_order(&runs, |run| {
        let within = text.as_bytes().get(run.clone()).unwrap_or_default();
        // The text after the last line feed is a line too, even when empty.
        memchr::memchr_iter(b'\n', within).count() + usize::from(run.end == text.len())
    });
    // Zeroed memory is had from the system untouched: each thread takes the page faults
    // of its own part.
    let mut lines: Vec<Line> = bytemuck::zeroed_vec(counts.iter().sum());
    let mut parts = Vec::with_capacity(runs.len());
    let mut rest = lines.as_mut_slice();
    for ((k, run), &count) in (0u16..).zip(runs).zip(&counts) {
        let (part, after) = rest.split_at_mut(count.min(rest.len()));
        parts.push((k, run, part, String::new()));
        rest = after;
    }
    let threads = parts.len();
    parallel::for_each_mut(&mut parts, threads, |(k, run, part, own)| {
        split_run(text, run.clone(), part, (*k, own));
    });
    let rebuilt = parts.into_iter().map(|(_, _, _, own)| own).collect();
    (lines, rebuilt)
}

/// [`split_lines`] for the lines of `text[run]` (which starts a line and, unless it runs
/// to the end of the text, ends just after a line feed), written to `lines` (one record
/// per line), rebuilding into the numbered buffer `rebuilt`.
fn split_run(text: &str, run: Range<usize>, lines: &mut [Line], rebuilt: (u16, &mut String)) {
    let (k, rebuilt) = rebuilt;
    let bytes = text.as_bytes();
    let mut specials = NextOf::new(bytes, b'\x0C', b'\r', run.start);
    let mut tabs = NextOf::new(bytes, b'\t', b'\t', run.start);
    let within = bytes.get(run.clone()).unwrap_or_default();
    let mut start = run.start;
    let ends = memchr::memchr_iter(b'\n', within).map(|at| run.start + at);
    let last = run.end == text.len();
    for (line, end) in lines.iter_mut().zip(ends.chain(last.then_some(run.end))) {
        let marks = Marks {
            special: specials.within(start..end),
            tab: tabs.within(start..end),
        };
        *line = clean_line_at(text, start..end, marks, (k, &mut *rebuilt));
        start = end + 1;
    }
}

/// Where the next of two bytes stands, for asking line after line whether a line holds one:
/// the text is searched forward once in all, not once per line.
struct NextOf<'a> {
    bytes: &'a [u8],
    needles: (u8, u8),
    /// Searched up to here: `hit` is the first match at or after `from`.
    from: usize,
    /// The match found, or the text length when there is none.
    hit: usize,
}

impl<'a> NextOf<'a> {
    /// Searches `bytes` for `a` or `b` from `from` on.
    fn new(bytes: &'a [u8], a: u8, b: u8, from: usize) -> Self {
        NextOf {
            bytes,
            needles: (a, b),
            from,
            hit: from,
        }
        .searched(from)
    }

    fn searched(mut self, from: usize) -> Self {
        self.seek(from);
        self
    }

    fn seek(&mut self, from: usize) {
        let (a, b) = self.needles;
        let rest = self.bytes.get(from..).unwrap_or_default();
        self.from = from;
        self.hit = memchr::memchr2(a, b, rest).map_or(self.bytes.len(), |at| from + at);
    }

    /// Whether `bytes[range]` holds one of the bytes; ranges must come in increasing order.
    fn within(&mut self, range: Range<usize>) -> bool {
        if self.hit < range.start && self.hit < self.bytes.len() {
            self.seek(range.start);
        } else if range.start < self.from {
            self.seek(range.start); // out of order: search afresh
        }
        self.hit < range.end
    }
}

/// What the forward scans found in one source line.
#[derive(Copy, Clone)]
struct Marks {
    /// A form feed or a carriage return.
    special: bool,
    /// A tab.
    tab: bool,
}

/// Cleans the source line `text[range]` (see [`clean_spaces`]), rebuilding it into the
/// numbered buffer `rebuilt` when it is not clean as it stands.
fn clean_line_at(
    text: &str,
    range: Range<usize>,
    marks: Marks,
    rebuilt: (u16, &mut String),
) -> Line {
    let (k, rebuilt) = rebuilt;
    let raw = text.get(range.clone()).unwrap_or("");
    let raw = raw.strip_suffix('\r').unwrap_or(raw);
    // A carriage return was only stripped from the end; look again if one was seen.
    let special = marks.special && memchr::memchr2(b'\x0C', b'\r', raw.as_bytes()).is_some();
    if special {
        let form_feed = raw.contains('\x0C');
        let cleaned = clean_spaces(&raw.replace(['\x0C', '\r'], " "));
        let at = rebuild(rebuilt, |out| out.push_str(&cleaned));
        return Line::new(Place::new(Buf::Rebuilt(k), at), &cleaned, form_feed);
    }
    if let Some(line) = margin_apart(raw, range.start, marks.tab) {
        return line;
    }
    match clean_part(raw, marks.tab) {
        Some(part) => {
            let from = range.start + part.start;
            let place = Place::new(Buf::Source, from..from + part.len());
            Line::new(place, raw.get(part).unwrap_or(""), false)
        }
        None => {
            let at = rebuild(rebuilt, |out| clean_into(raw, marks.tab, out));
            let cleaned = rebuilt.get(at.clone()).unwrap_or("");
            Line::new(Place::new(Buf::Rebuilt(k), at), cleaned, false)
        }
    }
}

/// A typed line ("  12   The witness said …") whose only fault is the spaces around a
/// one- or two-digit margin number, with the text after it clean: the line is the source
/// range of that text, its number held apart, so a margin-numbered transcript is not copied
/// line by line. `raw` starts at byte `from` of the text. Should the document turn out not
/// to be margin-numbered, [`restore_margin_numbers`] writes such lines out whole.
fn margin_apart(raw: &str, from: usize, tab: bool) -> Option<Line> {
    let number_and_rest = raw.trim_start_matches(' ');
    let digits = number_and_rest
        .bytes()
        .take_while(u8::is_ascii_digit)
        .count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let (number, after) = number_and_rest.split_at_checked(digits)?;
    let rest = after.trim_start_matches(' ');
    // One space: the line is clean as it stands, or has other faults.
    if after.len() - rest.len() < 2 || rest.starts_with(char::is_whitespace) {
        return None;
    }
    let part = clean_part(rest, tab).filter(|part| !part.is_empty())?;
    let cleaned = rest.get(part.clone())?;
    let start = from + (raw.len() - rest.len()) + part.start;
    let cut = u16::try_from(digits + 1).ok()?;
    Some(Line {
        place: Place::new(Buf::Source, start..start + cleaned.len()),
        chars: u32::try_from(digits + 1 + cleaned.chars().count()).unwrap_or(u32::MAX),
        state: State::Text,
        form_feed: false,
        numbered: false,
        margin: Margin {
            number: number.parse().ok()?,
            photo: names_photo(cleaned),
            cut,
            cut_chars: cut,
        },
        apart: true,
    })
}

/// In a document that is not margin-numbered, writes the lines whose number was held apart
/// (see [`margin_apart`]) out whole, number first, into a buffer of their own.
fn restore_margin_numbers(lines: &mut [Line], source: &str, rebuilt: &mut Vec<String>) {
    let Ok(k) = u16::try_from(rebuilt.len()) else {
        return;
    };
    let mut out = String::new();
    for line in lines.iter_mut().filter(|l| l.apart) {
        let text = source.get(line.place.start..line.place.end).unwrap_or("");
        // The number as written ("07"), just before the spaces before the text.
        let before = source
            .get(..line.place.start)
            .unwrap_or("")
            .trim_end_matches(' ');
        let digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        let number = before.get(before.len() - digits..).unwrap_or("");
        let at = rebuild(&mut out, |out| {
            out.push_str(number);
            out.push(' ');
            out.push_str(text);
        });
        line.place = Place::new(Buf::Rebuilt(k), at);
        line.apart = false;
    }
    if !out.is_empty() {
        rebuilt.push(out);
    }
}

/// Appends what `write` writes to `rebuilt` and gives where it went.
fn rebuild(rebuilt: &mut String, write: impl FnOnce(&mut String)) -> Range<usize> {
    let from = rebuilt.len();
    write(rebuilt);
    from..rebuilt.len()
}

/// The part of `raw` that is its [`clean_spaces`] form, as a byte range of `raw`, when
/// there is one: the line is clean, or clean once the spaces at its ends are trimmed.
/// `tab`: whether the line may hold a tab (false only when it is known to hold none).
fn clean_part(raw: &str, tab: bool) -> Option<Range<usize>> {
    let trimmed = raw.trim_matches(' ');
    let from = raw.len() - raw.trim_start_matches(' ').len();
    let clean = if raw.is_ascii() {
        !tab && DOUBLE_SPACE.find(trimmed.as_bytes()).is_none()
    } else {
        is_clean(trimmed)
    };
    clean.then(|| from..from + trimmed.len())
}

/// Appends [`clean_spaces`] of `raw` (a line without carriage return or form feed) to
/// `out`, with a shortcut for plain ASCII whose only fault is extra spaces (typed
/// transcripts indent every line and put two spaces after the margin number). `tab`:
/// whether the line may hold a tab.
fn clean_into(raw: &str, tab: bool, out: &mut String) {
    if !raw.is_ascii() {
        out.push_str(&clean_spaces(raw));
        return;
    }
    let trimmed = raw.trim_matches(' ');
    if tab {
        // ASCII whitespace here is spaces and tabs: the words, one space between them.
        let mut first = true;
        for word in trimmed.split_ascii_whitespace() {
            if !first {
                out.push(' ');
            }
            first = false;
            out.push_str(word);
        }
        return;
    }
    // Only spaces: copy the runs between double spaces, one space for each gap.
    let mut rest = trimmed;
    while let Some(at) = DOUBLE_SPACE.find(rest.as_bytes()) {
        let (head, tail) = rest.split_at_checked(at).unwrap_or((rest, ""));
        out.push_str(head);
        out.push(' ');
        rest = tail.trim_start_matches(' ');
    }
    out.push_str(rest);
}

/// [`clean_spaces`], with the shortcuts of the pre-pass (kept for the unit tests that hold
/// the shortcuts to the general cleaner).
#[cfg(test)]
fn clean_line(raw: &str) -> String {
    let tab = raw.contains('\t');
    match clean_part(raw, tab) {
        Some(part) => raw.get(part).unwrap_or("").to_owned(),
        None => {
            let mut out = String::new();
            clean_into(raw, tab, &mut out);
            out
        }
    }
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

/// Whether `text` names a photo ("Photo", "foto", "Фото"): what follows a number that
/// is a caption's, not a margin's.
fn names_photo(text: &str) -> bool {
    names_photo_ascii(text)
        || (!text.is_ascii() && ["фото", "Фото", "ФОТО"].iter().any(|w| text.contains(w)))
}

/// Whether `text` contains "photo" or "foto" (ASCII, any case), in one scan for the "oto"
/// both share rather than one search per word: this runs on every numbered line.
fn names_photo_ascii(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A letter with its case bit set is its lower case, and no other byte becomes one of
    // these letters so.
    let lower = |at: usize| bytes.get(at).map_or(0, |b| b | 0x20);
    let photo_at = |at: usize| {
        lower(at) == b'o'
            && lower(at + 1) == b't'
            && lower(at + 2) == b'o'
            && ((at >= 1 && lower(at - 1) == b'f')
                || (at >= 2 && lower(at - 2) == b'p' && lower(at - 1) == b'h'))
    };
    // Any three bytes in a row hold one whose index is 2 more than a multiple of 3: an
    // "oto" is found from every third byte, read once each (a typed line is short, and
    // a search restarted at each of its many "o"s costs more).
    let mut at = 2;
    while let Some(b) = bytes.get(at) {
        let found = match b | 0x20 {
            b'o' => photo_at(at) || photo_at(at - 2),
            b't' => photo_at(at - 1),
            _ => false,
        };
        if found {
            return true;
        }
        at += 3;
    }
    false
}

/// Strips margin line numbers when most lines carry them in sequence (1, 2, 3 …, restarting
/// at 1 on each page). Numbered photo captions ("3 Caption. Photo: …") are few among the
/// lines of a web transcript and name a photo credit, so they never qualify.
fn strip_margin_numbers(lines: &mut [Line], threads: usize) -> bool {
    // Counted on `threads` threads, each run of lines apart, then added up in order.
    let runs = parallel::index_runs(lines.len(), threads);
    let counts = {
        let lines: &[Line] = lines;
        parallel::map_in_order(&runs, |run| {
            MarginCounts::of(lines.get(run.clone()).unwrap_or_default())
        })
    };
    let mut total = MarginCounts::default();
    for counts in counts {
        total.add(counts);
    }
    let steps = total.numbered.saturating_sub(1);
    let qualifies = total.numbered >= 5
        && total.numbered * 10 >= total.text_lines * 6
        && total.in_sequence * 4 >= steps * 3
        && total.photo_like * 10 < total.numbered * 3;
    if !qualifies {
        return false;
    }
    parallel::for_each_mut(lines, threads, |line| match line.state {
        // Typed transcripts number every line, blank ones included: an unnumbered blank
        // line is spacing (a double-spaced print), not a paragraph break.
        State::Blank => line.state = State::Spacing,
        State::Text => {
            if let Some(margin) = line.margin() {
                line.chars = line.chars.saturating_sub(u32::from(margin.cut_chars));
                if !line.apart {
                    line.place = line.place.skip(usize::from(margin.cut));
                }
                line.apart = false;
                line.numbered = true;
                if line.place.start == line.place.end {
                    line.state = State::Blank;
                }
            }
        }
        State::Removed | State::Spacing => {}
    });
    true
}

/// What [`strip_margin_numbers`] counts in a run of lines.
#[derive(Default, Debug, PartialEq, Eq)]
struct MarginCounts {
    text_lines: usize,
    numbered: usize,
    /// Numbered lines whose number follows the one before (or restarts at 1).
    in_sequence: usize,
    photo_like: usize,
    /// The first and last margin numbers of the run, to count the step between runs.
    first: Option<u32>,
    last: Option<u32>,
}

impl MarginCounts {
    fn of(lines: &[Line]) -> MarginCounts {
        let mut counts = MarginCounts::default();
        for line in lines.iter().filter(|l| l.state == State::Text) {
            counts.text_lines += 1;
            let Some(margin) = line.margin() else {
                continue;
            };
            let n = u32::from(margin.number);
            counts.numbered += 1;
            if counts.last.is_some_and(|p| follows(p, n)) {
                counts.in_sequence += 1;
            }
            counts.first = counts.first.or(Some(n));
            counts.last = Some(n);
            if margin.photo {
                counts.photo_like += 1;
            }
        }
        counts
    }

    /// Adds the counts of the run that follows.
    fn add(&mut self, next: MarginCounts) {
        if let (Some(p), Some(n)) = (self.last, next.first)
            && follows(p, n)
        {
            self.in_sequence += 1;
        }
        self.text_lines += next.text_lines;
        self.numbered += next.numbered;
        self.in_sequence += next.in_sequence;
        self.photo_like += next.photo_like;
        self.first = self.first.or(next.first);
        self.last = next.last.or(self.last);
    }
}

/// Margin number `n` follows `previous`: the next one, or 1 on a new page.
fn follows(previous: u32, n: u32) -> bool {
    n == previous + 1 || n == 1
}

/// Longest line considered as a page header or footer, in characters.
const MAX_FURNITURE_CHARS: usize = 100;

/// A hash of the line with every run of digits read as one '#', so that "Page 3 of 40" and
/// "Page 4 of 40" share a key (FNV-1a: no allocation per line). `None` for long lines
/// (`chars`: the length of `text` in characters).
fn furniture_key(text: &str, chars: usize) -> Option<u64> {
    if chars > MAX_FURNITURE_CHARS {
        return None;
    }
    // Most lines hold no digit (nor a '#' that one could stand for): such a line is its
    // own digit-free form, and a fast whole-text hash says the same as the byte loop
    // would. This test has no early exit, so it runs on whole vectors of bytes.
    let digit_like = text
        .bytes()
        .fold(false, |any, b| any | b.is_ascii_digit() | (b == b'#'));
    if !digit_like {
        use std::hash::BuildHasher as _;
        return Some(foldhash::fast::FixedState::with_seed(0).hash_one(text));
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
        // No early exit: the test runs on whole vectors of bytes.
        && text.bytes().fold(false, |any, b| any | b.is_ascii_digit())
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
/// Gives whether it removed any line.
fn remove_page_furniture(lines: &mut [Line], texts: Texts<'_>, typed: bool, margin: bool) -> bool {
    // Furniture stands next to a page break (a blank line, a form feed) or, in a margin-numbered
    // transcript, outside the numbering. Looking only there keeps the count table small.
    let at_boundary = |lines: &[Line], i: usize| {
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
    };
    let candidate = |lines: &[Line], i: usize| -> Option<u64> {
        let line = lines.get(i).filter(|l| l.state == State::Text)?;
        let text = texts.get(line.place);
        if text.len() > MAX_FURNITURE_CHARS * 4 {
            return None;
        }
        if !((typed && at_boundary(lines, i)) || is_page_counter(text)) {
            return None;
        }
        furniture_key(text, line.chars())
    };
    // The candidates and their keys, worked out once for the count and the removal; few
    // lines are candidates, and a long text is looked through on every core.
    let parts = parallel::index_runs(lines.len(), parallel::threads_for(texts.source.len()));
    // Each run's candidates stay apart: the same runs are judged on their threads below.
    let keys: Vec<Vec<(usize, u64)>> = {
        let lines: &[Line] = lines;
        parallel::map_in_order(&parts, |run| {
            run.clone()
                .filter_map(|i| Some((i, candidate(lines, i)?)))
                .collect::<Vec<_>>()
        })
    };
    let mut counts: HashMap<u64, usize> = HashMap::new();
    for (_, key) in keys.iter().flatten() {
        *counts.entry(*key).or_default() += 1;
    }
    if !counts.values().any(|&lines| lines >= 3) {
        return false;
    }
    let first_text = lines.iter().position(|l| l.state == State::Text);
    let furniture: Vec<Vec<usize>> = {
        let lines: &[Line] = lines;
        parallel::map_in_order(&keys, |candidates| {
            // A running header repeats on every page: what its text says is worked out
            // once per key (the verdict reads only the text, so each thread keeps its own).
            let turns = TurnDetector::default();
            let mut verdicts: HashMap<u64, (&str, bool)> = HashMap::new();
            let mut out = Vec::new();
            for &(i, key) in candidates {
                if counts.get(&key).is_none_or(|&lines| lines < 3) {
                    continue;
                }
                let Some(line) = lines.get(i) else {
                    continue;
                };
                let text = texts.get(line.place);
                // Looked at only where it decides: most candidates repeat a verdict.
                let has_number = |text: &str| text.bytes().any(|b| b.is_ascii_digit());
                if Some(i) == first_text && !has_number(text) {
                    continue; // a running header that repeats the title: keep the title
                }
                let verdict = match verdicts.get(&key) {
                    Some(&(seen, verdict)) if seen == text => verdict,
                    _ => {
                        let verdict = reads_as_furniture(text, has_number(text), &turns);
                        verdicts.insert(key, (text, verdict));
                        verdict
                    }
                };
                if verdict {
                    out.push(i);
                }
            }
            out
        })
    };
    let mut removed = false;
    for i in furniture.into_iter().flatten() {
        if let Some(line) = lines.get_mut(i) {
            line.state = State::Removed;
            removed = true;
        }
    }
    removed
}

/// Whether a repeated short line at a page boundary can be page furniture, from its text
/// alone (`has_number`: it holds an ASCII digit). Stage directions, repeated sentences and
/// speaker turns are not.
fn reads_as_furniture(text: &str, has_number: bool, turns: &TurnDetector) -> bool {
    if !has_number && !text.chars().any(char::is_alphabetic) {
        return false; // "* * *", "<…>"
    }
    if text.starts_with(['(', '[']) {
        return false; // "(Laughter.)", "[Pause]": stage directions, not furniture
    }
    if !is_page_counter(text) && text.ends_with(['.', ',', ';', '!', '?', ':', '…']) {
        return false; // a repeated sentence ("Thank you.") is speech
    }
    !turns.is_turn(text, false)
}

/// A page break (removed lines with the blank lines around them) is dropped whole, so that a
/// paragraph cut by a page break can be joined back.
/// Gives whether it changed any line.
fn drop_page_breaks(lines: &mut [Line]) -> bool {
    let mut changed = false;
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
            for line in run.iter_mut().filter(|l| l.state != State::Removed) {
                line.state = State::Removed;
                changed = true;
            }
        }
        start = end;
    }
    changed
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
fn wrap_width(lines: &[Line], texts: Texts<'_>) -> Option<usize> {
    // Both passes run on every core, each on a run of lines, and add up.
    let runs = parallel::index_runs(lines.len(), parallel::threads_for(texts.source.len()));
    let run_of = |run: &Range<usize>| lines.get(run.clone()).unwrap_or_default();
    let mut histogram = vec![0usize; LENGTH_CAP + 1];
    for counts in parallel::map_in_order(&runs, |run| {
        let mut counts = vec![0usize; LENGTH_CAP + 1];
        for line in run_of(run).iter().filter(|l| l.state == State::Text) {
            if let Some(slot) = counts.get_mut(line.chars().min(LENGTH_CAP)) {
                *slot += 1;
            }
        }
        counts
    }) {
        for (slot, count) in histogram.iter_mut().zip(counts) {
            *slot += count;
        }
    }
    let total: usize = histogram.iter().sum();
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
    let (mut long, mut open) = (0usize, 0usize);
    for (run_long, run_open) in parallel::map_in_order(&runs, |run| {
        let (mut long, mut open) = (0usize, 0usize);
        for (i, line) in run.clone().zip(run_of(run)) {
            if line.state != State::Text || line.chars() * 10 < width * 6 {
                continue;
            }
            long += 1;
            // The next line kept may lie in the next run.
            let next_is_text = lines
                .get(i + 1..)
                .unwrap_or_default()
                .iter()
                .find(|n| n.state.is_kept())
                .is_some_and(|n| n.state == State::Text);
            if next_is_text && ends_open(texts.get(line.place)) {
                open += 1;
            }
        }
        (long, open)
    }) {
        long += run_long;
        open += run_open;
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
    if text.is_ascii() {
        // The same test on bytes: an ASCII letter is alphabetic, lowercase or not, as a char.
        let bytes = text.as_bytes();
        return !bytes.iter().any(u8::is_ascii_lowercase)
            && bytes
                .iter()
                .filter(|b| b.is_ascii_uppercase())
                .nth(1)
                .is_some();
    }
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

/// A paragraph under construction from one or more source lines. A paragraph of one line
/// keeps that line's place; from the second line on, the paragraph is written out at the
/// end of the buffer of joined paragraphs.
struct Joined<'a> {
    number: usize,
    /// The first source line's place and text.
    first: (Place, &'a str),
    /// Where the paragraph starts in the buffer, once it has a second line.
    start: Option<usize>,
    /// The last source line: a hyphen break is judged on its end, which is the end of the
    /// joined text (see [`hyphen_break`]).
    last: &'a str,
    /// The last source line's text length, in characters.
    last_len: usize,
    last_caps: bool,
    last_open: bool,
    last_sentence_end: bool,
}

impl<'a> Joined<'a> {
    /// A paragraph that starts with `line`, source line `number`, whose text is `text`.
    fn new(number: usize, line: &Line, text: &'a str) -> Self {
        let mut joined = Joined {
            number,
            first: (line.place, text),
            start: None,
            last: text,
            last_len: 0,
            last_caps: false,
            last_open: false,
            last_sentence_end: false,
        };
        joined.set_last(line, text, None);
        joined
    }

    /// `caps`: whether `text` is all capitals, when known.
    fn set_last(&mut self, line: &Line, text: &'a str, caps: Option<bool>) {
        self.last = text;
        self.last_len = line.chars();
        self.last_caps = caps.unwrap_or_else(|| is_all_caps(text));
        self.last_open = ends_open(text);
        self.last_sentence_end = ends_sentence(text);
    }

    /// Appends `next`, whose text is `text`, to the paragraph, written at the end of `out`.
    fn push(&mut self, next: &Line, text: &'a str, out: &mut String) {
        if self.start.is_none() {
            self.start = Some(out.len());
            out.push_str(self.first.1);
        }
        if hyphen_break(self.last, text) {
            if text.chars().next().is_some_and(char::is_lowercase) {
                out.pop(); // "inter-" + "national"
            }
        } else {
            out.push(' ');
        }
        out.push_str(text);
        // A line in capitals is never joined (see [`continues`]).
        self.set_last(next, text, Some(false));
    }

    /// The finished paragraph; `out` is the buffer [`Joined::push`] wrote to, `buf` which
    /// one it is.
    fn finish(self, out: &str, buf: Buf) -> Placed {
        Placed {
            number: self.number,
            place: match self.start {
                Some(start) => Place::new(buf, start..out.len()),
                None => self.first.0,
            },
        }
    }
}

/// "inter-" at the end of a line and a word at the start of the next. `text` is the joined
/// text so far or only its last source line: the answer is the same, since it reads the last
/// two characters and a one-character line is never "x-" after a join.
fn hyphen_break(text: &str, next: &str) -> bool {
    let mut back = text.chars().rev();
    back.next() == Some('-')
        && back.next().is_some_and(char::is_alphabetic)
        && next.chars().next().is_some_and(char::is_alphabetic)
}

/// Joins hard-wrapped lines into paragraphs, written to `out`; gives the resulting lines,
/// collected in the memory of `lines` (tens of megabytes on a long text).
fn join_wrapped<'a>(
    lines: Vec<Line>,
    texts: Texts<'a>,
    width: usize,
    out: &mut String,
) -> Vec<Placed> {
    let mut joiner = Joiner::new(texts, width, Buf::Joined, TurnDetector::default());
    let mut result: Vec<Placed> = lines
        .into_iter()
        .enumerate()
        .filter_map(|(i, line)| joiner.step(i, &line, out))
        .collect();
    joiner.finish(out, &mut result);
    result
}

/// The joiner's reading of the lines, one after the other.
struct Joiner<'a> {
    texts: Texts<'a>,
    width: usize,
    /// The buffer it writes to.
    buf: Buf,
    turns: TurnDetector,
    pending: Option<Joined<'a>>,
    /// A blank line that ends a paragraph is given out at the next line, after the
    /// paragraph: each line then gives at most one result, as collecting in place requires.
    deferred: Option<Placed>,
}

impl<'a> Joiner<'a> {
    fn new(texts: Texts<'a>, width: usize, buf: Buf, turns: TurnDetector) -> Self {
        Joiner {
            texts,
            width,
            buf,
            turns,
            pending: None,
            deferred: None,
        }
    }

    /// Reads line `i`; gives the line of the result it completes, if any.
    fn step(&mut self, i: usize, line: &Line, out: &mut String) -> Option<Placed> {
        // Set only by the line just before, which left no paragraph open.
        let held = self.deferred.take();
        let give = match line.state {
            State::Removed | State::Spacing => None,
            State::Blank => match self.pending.take() {
                Some(p) => {
                    self.deferred = Some(line.placed(i));
                    Some(p.finish(out, self.buf))
                }
                None if held.is_some() => {
                    self.deferred = Some(line.placed(i));
                    None
                }
                None => Some(line.placed(i)),
            },
            State::Text => {
                let text = self.texts.get(line.place);
                let mut finished = None;
                if let Some(p) = self.pending.as_mut() {
                    match continues(p, text, self.width, &self.turns) {
                        Continuation::Join => {
                            p.push(line, text, out);
                            return held;
                        }
                        Continuation::Turn(label) => remember(&mut self.turns, label),
                        Continuation::Break => {}
                    }
                    finished = self.pending.take().map(|p| p.finish(out, self.buf));
                } else if let Some(turn) = self.turns.turn(text, false) {
                    remember(&mut self.turns, turn.label);
                }
                self.pending = Some(Joined::new(i + 1, line, text));
                finished
            }
        };
        debug_assert!(held.is_none() || give.is_none(), "two results for one line");
        held.or(give)
    }

    /// Gives out what the last lines left; gives back the turn detector.
    fn finish(self, out: &str, result: &mut Vec<Placed>) -> TurnDetector {
        result.extend(self.deferred);
        result.extend(self.pending.map(|p| p.finish(out, self.buf)));
        self.turns
    }
}

enum Continuation<'n> {
    Join,
    /// The line opens a turn with this label.
    Turn(&'n str),
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
fn continues<'n>(
    prev: &Joined<'_>,
    next: &'n str,
    width: usize,
    turns: &TurnDetector,
) -> Continuation<'n> {
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
        && let Some(turn) = turns.turn(next, true)
    {
        return Continuation::Turn(turn.label);
    }
    if hyphen_break(prev.last, next) {
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
    fn lines_made_in_halves_read_as_one_list() {
        // A typed text, which the joiner joins in two halves.
        let text = include_str!("../../tests/fixtures/hearing_en.txt").repeat(3);
        let one = prepare_lines(&text);
        parallel::FORCE_THREADS.with(|force| force.set(Some(2)));
        let (buffers, placed) = prepare(&text).into_parts();
        let lines = buffers.lines(placed);
        parallel::FORCE_THREADS.with(|force| force.set(None));
        assert!(!lines.head.is_empty() && !lines.tail.is_empty());
        let as_source = |l: LineRef<'_>| SourceLine {
            number: l.number,
            text: l.text.to_owned(),
        };
        assert_eq!(lines.len(), one.len());
        for i in 0..=one.len() + 1 {
            assert_eq!(lines.get(i).map(as_source).as_ref(), one.get(i), "line {i}");
            let from: Vec<SourceLine> = lines.iter_from(i).map(as_source).collect();
            assert_eq!(from, one.get(i..).unwrap_or_default(), "from line {i}");
        }
    }

    #[test]
    fn furniture_keys_are_equal_when_the_lines_are_but_for_their_numbers() {
        // Each run of digits read as one '#'.
        let shape = |text: &str| {
            let mut out = String::new();
            for c in text.chars() {
                if !(c.is_ascii_digit() && out.ends_with('\u{0}')) {
                    out.push(if c.is_ascii_digit() { '\u{0}' } else { c });
                }
            }
            out.replace('\u{0}', "#")
        };
        let texts = [
            "Page 3 of 40",
            "Page 12 of 40",
            "Page 12 of 4",
            "Page # of #",
            "Page ## of #",
            "Page of",
            "Hearing on ferries",
            "Hearing on ferries ",
            "hearing on ferries",
            "Official transcript",
            "Official transcript 2031",
            "Official transcript #",
            "",
            "#",
            "7",
        ];
        for a in texts {
            for b in texts {
                let key = |t: &str| furniture_key(t, t.chars().count());
                assert_eq!(key(a) == key(b), shape(a) == shape(b), "{a:?} and {b:?}");
            }
        }
        let long = "x".repeat(MAX_FURNITURE_CHARS + 1);
        assert_eq!(furniture_key(&long, long.len()), None);
    }

    #[test]
    fn margin_counts_add_up_across_any_cut() {
        let hearing = include_str!("../../tests/fixtures/hearing_en.txt");
        // Numbers that restart, and a run that holds no number at all.
        let text = format!("{hearing}\n\nNo number here.\n\n{hearing}");
        let (lines, _) = split_lines(&text);
        let whole = MarginCounts::of(&lines);
        assert!(whole.numbered > 20 && whole.in_sequence > 20, "{whole:?}");
        for cut in 0..=lines.len() {
            for second in cut..=lines.len().min(cut + 3) {
                let mut added = MarginCounts::of(&lines[..cut]);
                added.add(MarginCounts::of(&lines[cut..second]));
                added.add(MarginCounts::of(&lines[second..]));
                assert_eq!(added, whole, "cut at {cut} and {second}");
            }
        }
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
            // At every offset, as the scan reads one byte in three.
            for pad in ["", "x", "xy", "xyz "] {
                let text = format!("{pad}{text}{pad}");
                let two = contains_ascii_ci(&text, "photo") || contains_ascii_ci(&text, "foto");
                assert_eq!(names_photo_ascii(&text), two, "{text:?}");
            }
        }
    }

    /// The joiner as it was before paragraphs were written from borrowed lines: a string
    /// per paragraph, a hyphen break judged on the whole joined text.
    fn join_on_strings(parts: &[&str]) -> String {
        let mut text = String::new();
        for (k, next) in parts.iter().enumerate() {
            if k > 0 {
                if hyphen_break(&text, next) {
                    if next.chars().next().is_some_and(char::is_lowercase) {
                        text.pop();
                    }
                } else {
                    text.push(' ');
                }
            }
            text.push_str(next);
        }
        text
    }

    fn test_line(text: &str) -> Line {
        Line::new(Place::new(Buf::Source, 0..text.len()), text, false)
    }

    #[test]
    fn joining_borrowed_lines_agrees_with_joining_strings() {
        let pieces = [
            "inter-",
            "national",
            "National",
            "-",
            "x-",
            "é-",
            "a",
            "B",
            "ab-",
            "--",
            "1-",
            "word",
            "-word",
            "Ж-",
            "жизнь",
            "x",
            "e-",
            "mail",
        ];
        let mut cases: Vec<Vec<&str>> = Vec::new();
        for a in pieces {
            for b in pieces {
                cases.push(vec![a, b]);
                for c in pieces {
                    cases.push(vec![a, b, c]);
                }
            }
        }
        for parts in cases {
            let lines: Vec<Line> = parts.iter().map(|t| test_line(t)).collect();
            let mut out = String::from("earlier paragraph");
            let mut iter = lines.iter().zip(&parts);
            let Some((first, text)) = iter.next() else {
                continue;
            };
            let mut joined = Joined::new(1, first, text);
            for (line, text) in iter {
                joined.push(line, text, &mut out);
            }
            let place = joined.finish(&out, Buf::Joined).place;
            assert_eq!(place.buf, Buf::Joined, "{parts:?} was not written out");
            assert_eq!(
                out.get(place.start..place.end),
                Some(join_on_strings(&parts).as_str()),
                "{parts:?}"
            );
        }
    }

    #[test]
    fn a_paragraph_of_one_line_keeps_its_place() {
        let line = test_line("Alone.");
        let out = String::from("other");
        assert_eq!(
            Joined::new(1, &line, "Alone.")
                .finish(&out, Buf::Joined)
                .place,
            Place::new(Buf::Source, 0..6)
        );
    }

    #[test]
    fn the_forward_scan_agrees_with_searching_each_line() {
        let text = "a\tb\n\n\x0Cc\r\nno marks here\n\tlead\ntrail\t\n\r\n\n\x0C";
        let bytes = text.as_bytes();
        let mut tabs = NextOf::new(bytes, b'\t', b'\t', 0);
        let mut specials = NextOf::new(bytes, b'\x0C', b'\r', 0);
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', bytes).chain([text.len()]) {
            let line = text.get(start..end).unwrap_or("");
            assert_eq!(tabs.within(start..end), line.contains('\t'), "{line:?}");
            assert_eq!(
                specials.within(start..end),
                line.contains(['\x0C', '\r']),
                "{line:?}"
            );
            start = end + 1;
        }
        // Asked out of order, it searches afresh rather than answer wrongly.
        assert!(tabs.within(0..3));
        assert!(!tabs.within(4..5));
    }

    #[test]
    fn borrowed_lines_agree_with_cleaning_each_line() {
        let text = "  Title\u{00A0} of  the day \r\n\tFirst\tline\u{200B}.\r\n\
\u{FEFF}Second line.\n\n   \nThird   line\u{3000}here\x0Cand there\nLast.  ";
        let want: Vec<String> = text
            .split('\n')
            .map(|l| clean_spaces(&l.replace(['\x0C', '\r'], " ")))
            .collect();
        assert_eq!(texts(&prepare_lines(text)), want);
    }

    #[test]
    fn numbers_held_apart_come_back_where_margins_are_not_numbered() {
        // Too few numbered lines for a margin-numbered document: every line is cleaned as
        // it stands, leading zeros and all, whichever way it was held while cleaning.
        let text = "Report of the day\n\n  07   ministers came.\n12  The talks  ended.\n\
1   \n5  \u{00A0}spaces\n3   Photo: A Press\nLater that day the talks went on.\n\
A second paragraph came after that.\nThen a third.\n99\tTabbed  line\n";
        let want: Vec<String> = text.split('\n').map(clean_spaces).collect();
        assert_eq!(texts(&prepare_lines(text)), want);
    }

    #[test]
    fn ascii_caps_test_agrees_with_the_char_test() {
        let by_chars = |text: &str| {
            let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
            !letters.iter().any(|c| c.is_lowercase()) && letters.len() >= 2
        };
        for text in [
            "",
            "A",
            "AB",
            "A B",
            "Ab",
            "MR. SMITH:",
            "1 2 3",
            "X1Y",
            "HEARING ON",
            "a",
        ] {
            assert_eq!(is_all_caps(text), by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn stripping_a_margin_number_keeps_the_place_in_step() {
        assert_eq!(
            Place::new(Buf::Source, 3..10).skip(2),
            Place::new(Buf::Source, 5..10)
        );
        assert_eq!(
            Place::new(Buf::Rebuilt(0), 3..4).skip(5),
            Place::new(Buf::Rebuilt(0), 4..4)
        );
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
