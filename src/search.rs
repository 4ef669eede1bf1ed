//! Search: a case- and accent-insensitive phrase search over everything a transcript shows
//! (speeches, narrative text, headings, attendee lists, photo captions and credits, tags).
//!
//! Matching runs on a folded copy of the document built once ([`SearchIndex::build`]):
//! lowercase, accents dropped, "ё" read as "е", "ß" as "ss", "œ" as "oe", typographic
//! apostrophes and quotes made plain, every run of spaces (no-break ones included) read as
//! one space. A query is folded the same way, so "choigou" finds "Choïgou", "путин" finds
//! "Путин" and "saint petersbourg" finds "Saint  Pétersbourg". Unlike [`crate::text::fold`]
//! (made for matching names), "й" stays "й": in Russian it is a letter of its own, and
//! "мой" must not find "мои".
//!
//! Each hit is turned back into a byte range of the original text (so a highlight lands on
//! the right characters) by folding only the one field it falls in again, with a map from
//! folded bytes to original characters. No egui here.

use std::borrow::Cow;
use std::ops::Range;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::model::{BlockKind, ParticipantId, PhotoId, SpeechId, TextRef, Transcript};
use crate::text::is_odd_space;

/// At most this many hits are listed (all of them are still counted).
pub const MAX_HITS: usize = 10_000;
/// Characters of context on each side of a hit.
pub const CONTEXT_CHARS: usize = 60;
/// How the values of a tag section are joined for display (and for search).
pub const TAG_SEPARATOR: &str = " · ";

/// A piece of text in the document that search looks through. Pieces a reader shows as one
/// line of its own (an attendee, a caption) are places of their own, so a hit names them.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Place {
    /// The event title (a block).
    Title {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// The dateline.
    Dateline {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// The lead paragraph.
    Lead {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// A sub-heading.
    Heading {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// A narrative paragraph outside speeches.
    Paragraph {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// The sentence that introduces an attendee list.
    AttendeesIntro {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// One entry of an attendee list.
    Attendee {
        /// Index into `Transcript::blocks`.
        block: usize,
        /// Index into the list's items.
        index: usize,
    },
    /// The sentence that closes an attendee list.
    AttendeesOutro {
        /// Index into `Transcript::blocks`.
        block: usize,
    },
    /// A paragraph of a speech.
    Speech {
        /// The speech.
        speech: SpeechId,
        /// Index into `Speech::paragraphs`.
        paragraph: usize,
    },
    /// A photo caption (without the credit).
    Caption {
        /// The photo.
        photo: PhotoId,
    },
    /// A photo credit.
    Credit {
        /// The photo.
        photo: PhotoId,
    },
    /// The heading of a tag section ("Topics").
    TagHeading {
        /// Index into `Transcript::blocks`.
        block: usize,
        /// Index into `Transcript::tags`.
        section: usize,
    },
    /// The values of a tag section, joined with [`TAG_SEPARATOR`].
    Tags {
        /// Index into `Transcript::blocks`.
        block: usize,
        /// Index into `Transcript::tags`.
        section: usize,
    },
}

impl Place {
    /// The text reference mentions use for this place, when it has one.
    pub fn text_ref(self) -> Option<TextRef> {
        match self {
            Place::Speech { speech, paragraph } => Some(TextRef::Speech { speech, paragraph }),
            Place::Lead { block }
            | Place::Paragraph { block }
            | Place::Heading { block }
            | Place::AttendeesIntro { block }
            | Place::AttendeesOutro { block } => Some(TextRef::Block { block }),
            _ => None,
        }
    }

    /// The block of `Transcript::blocks` this place belongs to, for places outside speeches
    /// and captions.
    pub fn block(self) -> Option<usize> {
        match self {
            Place::Title { block }
            | Place::Dateline { block }
            | Place::Lead { block }
            | Place::Heading { block }
            | Place::Paragraph { block }
            | Place::AttendeesIntro { block }
            | Place::Attendee { block, .. }
            | Place::AttendeesOutro { block }
            | Place::TagHeading { block, .. }
            | Place::Tags { block, .. } => Some(block),
            Place::Speech { .. } | Place::Caption { .. } | Place::Credit { .. } => None,
        }
    }

    /// The photo whose caption or credit this is.
    pub fn photo(self) -> Option<PhotoId> {
        match self {
            Place::Caption { photo } | Place::Credit { photo } => Some(photo),
            _ => None,
        }
    }
}

/// The text of `place` as the reader shows it (`None` when the place is not in `t`).
pub fn place_text(t: &Transcript, place: Place) -> Option<Cow<'_, str>> {
    let block = |b: usize| t.blocks.get(b).map(|b| &b.kind);
    let text = match place {
        Place::Title { block: b } => match block(b)? {
            BlockKind::Title { text } => text,
            _ => return None,
        },
        Place::Dateline { block: b } => match block(b)? {
            BlockKind::Dateline { text } => text,
            _ => return None,
        },
        Place::Lead { block: b } => match block(b)? {
            BlockKind::Lead { text } => text,
            _ => return None,
        },
        Place::Heading { block: b } => match block(b)? {
            BlockKind::Heading { text } => text,
            _ => return None,
        },
        Place::Paragraph { block: b } => match block(b)? {
            BlockKind::Paragraph { text } => text,
            _ => return None,
        },
        Place::AttendeesIntro { block: b } => match block(b)? {
            BlockKind::Attendees { intro, .. } => intro.as_ref()?,
            _ => return None,
        },
        Place::Attendee { block: b, index } => match block(b)? {
            BlockKind::Attendees { items, .. } => &items.get(index)?.text,
            _ => return None,
        },
        Place::AttendeesOutro { block: b } => match block(b)? {
            BlockKind::Attendees { outro, .. } => outro.as_ref()?,
            _ => return None,
        },
        Place::Speech { speech, paragraph } => t.speech(speech)?.paragraphs.get(paragraph)?,
        Place::Caption { photo } => &t.photo(photo)?.caption,
        Place::Credit { photo } => t.photo(photo)?.credit.as_ref()?,
        Place::TagHeading { section, .. } => &t.tags.get(section)?.heading,
        Place::Tags { section, .. } => {
            return Some(Cow::Owned(tags_text(&t.tags.get(section)?.values)));
        }
    };
    Some(Cow::Borrowed(text))
}

/// The values of a tag section as one line, the way the reader shows them.
pub fn tags_text(values: &[String]) -> String {
    values.join(TAG_SEPARATOR)
}

/// A short name for where a hit is: the speaker's name for a speech, "Caption 7" for a
/// photo caption, "Attendees", "Tags · Topics" and so on.
pub fn place_label(t: &Transcript, place: Place) -> String {
    let number = |photo: PhotoId| t.photo(photo).map_or(0, |p| p.number);
    match place {
        Place::Title { .. } => "Title".to_owned(),
        Place::Dateline { .. } => "Dateline".to_owned(),
        Place::Lead { .. } => "Lead".to_owned(),
        Place::Heading { .. } => "Heading".to_owned(),
        Place::Paragraph { .. } => "Narrative".to_owned(),
        Place::AttendeesIntro { .. } | Place::Attendee { .. } | Place::AttendeesOutro { .. } => {
            "Attendees".to_owned()
        }
        Place::Speech { speech, .. } => t
            .speech(speech)
            .map(|s| {
                t.participant(s.speaker)
                    .map_or(s.label.as_str(), |p| p.display_name())
                    .to_owned()
            })
            .filter(|name| !name.trim().is_empty())
            .unwrap_or_else(|| "Speech".to_owned()),
        Place::Caption { photo } => format!("Caption {}", number(photo)),
        Place::Credit { photo } => format!("Photo {} credit", number(photo)),
        Place::TagHeading { section, .. } | Place::Tags { section, .. } => {
            match t.tags.get(section).map(|s| s.heading.trim()) {
                Some(heading) if !heading.is_empty() => format!("Tags · {heading}"),
                _ => "Tags".to_owned(),
            }
        }
    }
}

/// One occurrence of the query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Where it is.
    pub place: Place,
    /// Byte range of the match in [`place_text`] of `place`: always on character
    /// boundaries, with any accents that follow the last letter included.
    pub start: usize,
    /// End of the byte range (exclusive).
    pub end: usize,
    /// Who speaks, when the hit is in a speech.
    pub speaker: Option<ParticipantId>,
    /// The match with some text around it, for a list of hits.
    pub context: Context,
}

/// A match in its context, ready to show on one line (runs of spaces and line breaks
/// squashed to one space; "…" where the text was cut).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Context {
    /// Text before the match.
    pub before: String,
    /// The match as written.
    pub matched: String,
    /// Text after the match.
    pub after: String,
}

/// The outcome of a search.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    /// The folded query (empty when the query was only spaces or accents).
    pub query: String,
    /// The first [`MAX_HITS`] hits, in document order.
    pub hits: Vec<Hit>,
    /// How many matches there are in all (more than `hits.len()` when capped).
    pub total: usize,
    /// Photos whose caption or credit matches, by id, sorted.
    pub photos: Vec<PhotoId>,
}

impl Results {
    /// Whether some matches were counted but not listed.
    pub fn is_capped(&self) -> bool {
        self.total > self.hits.len()
    }
}

/// One searchable piece of text inside the index.
#[derive(Clone, Debug)]
struct Field {
    /// Where its folded text starts in `SearchIndex::folded`.
    start: usize,
    place: Place,
    speaker: Option<ParticipantId>,
}

/// The folded text of a whole document, built once when it is opened (or first searched),
/// so a keystroke costs one substring scan.
#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    /// Every field's folded text, each followed by a line break (folding never yields one,
    /// so no match runs from one field into the next).
    folded: String,
    /// Fields in document order.
    fields: Vec<Field>,
}

impl SearchIndex {
    /// Folds every searchable text of `t`, in the order the reader shows them.
    pub fn build(t: &Transcript) -> Self {
        let mut ix = SearchIndex::default();
        visit_fields(t, |place, speaker, text| ix.add(place, speaker, text));
        ix
    }

    fn add(&mut self, place: Place, speaker: Option<ParticipantId>, text: &str) {
        self.fields.push(Field {
            start: self.folded.len(),
            place,
            speaker,
        });
        let folded = &mut self.folded;
        fold_with(text, |c, _, _| folded.push(c));
        self.folded.push('\n');
    }

    /// Size of the folded text in bytes.
    pub fn folded_len(&self) -> usize {
        self.folded.len()
    }

    /// Every occurrence of `query` (folded, whitespace-normalised) in document order,
    /// the first [`MAX_HITS`] of them listed. `t` must be the transcript the index was
    /// built from; hits in a field whose text has changed since are left out.
    pub fn search(&self, t: &Transcript, query: &str) -> Results {
        let needle = fold_query(query);
        let mut results = Results {
            query: needle.clone(),
            ..Results::default()
        };
        if needle.is_empty() {
            return results;
        }
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let mut field_ix = 0;
        let mut cursor: Option<(usize, Option<FieldCursor<'_, '_>>)> = None;
        for pos in finder.find_iter(self.folded.as_bytes()) {
            // Matches come in order, so the field cursor only moves forward.
            while self
                .fields
                .get(field_ix + 1)
                .is_some_and(|f| f.start <= pos)
            {
                field_ix += 1;
            }
            let Some(field) = self.fields.get(field_ix) else {
                break;
            };
            results.total += 1;
            if let Some(photo) = field.place.photo()
                && results.photos.last() != Some(&photo)
            {
                results.photos.push(photo);
            }
            if results.hits.len() >= MAX_HITS {
                continue;
            }
            if cursor.as_ref().map(|(ix, _)| *ix) != Some(field_ix) {
                let end = self
                    .fields
                    .get(field_ix + 1)
                    .map_or(self.folded.len(), |f| f.start)
                    .saturating_sub(1);
                let folded = self.folded.get(field.start..end).unwrap_or("");
                cursor = Some((field_ix, FieldCursor::new(t, field.place, folded)));
            }
            let Some((_, Some(walk))) = &mut cursor else {
                continue;
            };
            if let Some((start, end)) = walk.original(pos - field.start, needle.len()) {
                results.hits.push(Hit {
                    place: field.place,
                    start,
                    end,
                    speaker: field.speaker,
                    context: context(&walk.text, start, end),
                });
            }
        }
        results.photos.sort_unstable();
        results.photos.dedup();
        results
    }
}

/// Calls `visit(place, speaker, text)` for every searchable text of `t` (speeches,
/// narrative, headings, lists, captions, credits, tags), in the order the reader shows
/// them. The one walk the document search and the library's full-text index share, so
/// both find the same places.
pub(crate) fn visit_fields(
    t: &Transcript,
    mut visit: impl FnMut(Place, Option<ParticipantId>, &str),
) {
    let mut covered = vec![false; t.photos.len()];
    let photo = |visit: &mut dyn FnMut(Place, Option<ParticipantId>, &str), id: PhotoId| {
        if let Some(photo) = t.photo(id) {
            visit(Place::Caption { photo: id }, None, &photo.caption);
            if let Some(credit) = &photo.credit {
                visit(Place::Credit { photo: id }, None, credit);
            }
        }
    };
    for (b, block) in t.blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Title { text } => visit(Place::Title { block: b }, None, text),
            BlockKind::Dateline { text } => visit(Place::Dateline { block: b }, None, text),
            BlockKind::Lead { text } => visit(Place::Lead { block: b }, None, text),
            BlockKind::Heading { text } => visit(Place::Heading { block: b }, None, text),
            BlockKind::Paragraph { text } => visit(Place::Paragraph { block: b }, None, text),
            BlockKind::Attendees {
                intro,
                items,
                outro,
            } => {
                if let Some(text) = intro {
                    visit(Place::AttendeesIntro { block: b }, None, text);
                }
                for (index, item) in items.iter().enumerate() {
                    visit(Place::Attendee { block: b, index }, None, &item.text);
                }
                if let Some(text) = outro {
                    visit(Place::AttendeesOutro { block: b }, None, text);
                }
            }
            BlockKind::Photo { photo: id } => {
                if let Some(slot) = covered.get_mut(id.index())
                    && !*slot
                {
                    *slot = true;
                    photo(&mut visit, *id);
                }
            }
            BlockKind::Speech {
                speech,
                first,
                count,
            } => {
                let Some(s) = t.speech(*speech) else { continue };
                let end = first.saturating_add(*count).min(s.paragraphs.len());
                for paragraph in (*first).min(end)..end {
                    if let Some(text) = s.paragraphs.get(paragraph) {
                        let place = Place::Speech {
                            speech: *speech,
                            paragraph,
                        };
                        visit(place, Some(s.speaker), text);
                    }
                }
            }
            BlockKind::Tags { section } => {
                if let Some(tags) = t.tags.get(*section) {
                    let section = *section;
                    visit(Place::TagHeading { block: b, section }, None, &tags.heading);
                    let values = tags_text(&tags.values);
                    visit(Place::Tags { block: b, section }, None, &values);
                }
            }
            BlockKind::Elision { .. } | BlockKind::Separator | BlockKind::Link { .. } => {}
        }
    }
    // Photos no block places (a JSON file without a document flow) still have cards.
    for p in &t.photos {
        if !covered.get(p.id.index()).copied().unwrap_or(true) {
            photo(&mut visit, p.id);
        }
    }
}

/// Searches `t` for `query` (builds a throw-away index: keep a [`SearchIndex`] instead when
/// searching the same document again).
pub fn search(t: &Transcript, query: &str) -> Results {
    SearchIndex::build(t).search(t, query)
}

/// The folded form of a query: what the index holds for the same text, without spaces at
/// either end.
pub fn fold_query(query: &str) -> String {
    let mut out = String::with_capacity(query.len());
    fold_with(query, |c, _, _| out.push(c));
    let trimmed = out.trim_matches(' ');
    if trimmed.len() == out.len() {
        out
    } else {
        trimmed.to_owned()
    }
}

/// One field folded again, forward only, to turn the folded offsets of its hits (which
/// come in order) back into original byte ranges. Constant memory, so a paragraph of
/// many megabytes costs no map of its own.
struct FieldCursor<'t, 'i> {
    text: Cow<'t, str>,
    /// What the index holds for this field: folding again must give the same.
    expected: &'i str,
    /// Next original byte to fold.
    pos: usize,
    /// The folded characters of the original character at `cur`, and the next one to give.
    buf: Vec<char>,
    buf_i: usize,
    cur: (usize, usize),
    /// Folded byte offset of the next character given.
    folded_at: usize,
    last_space: bool,
}

impl<'t, 'i> FieldCursor<'t, 'i> {
    /// Starts on the text of `place`; `None` when the place is gone.
    fn new(t: &'t Transcript, place: Place, expected: &'i str) -> Option<Self> {
        Some(Self {
            text: place_text(t, place)?,
            expected,
            pos: 0,
            buf: Vec::new(),
            buf_i: 0,
            cur: (0, 0),
            folded_at: 0,
            last_space: false,
        })
    }

    /// The next folded character: (its folded offset and length, the original range).
    /// `None` at the end, or when the text no longer folds to what the index holds.
    fn next_char(&mut self) -> Option<(usize, usize, usize, usize)> {
        while self.buf_i >= self.buf.len() {
            let c = self.text.get(self.pos..)?.chars().next()?;
            let start = self.pos;
            self.pos += c.len_utf8();
            self.cur = (start, self.pos);
            self.buf.clear();
            self.buf_i = 0;
            let (buf, last_space) = (&mut self.buf, &mut self.last_space);
            fold_char(c, &mut |f| {
                if f == ' ' {
                    if *last_space {
                        return;
                    }
                    *last_space = true;
                } else {
                    *last_space = false;
                }
                buf.push(f);
            });
        }
        let c = *self.buf.get(self.buf_i)?;
        self.buf_i += 1;
        let at = self.folded_at;
        let mut bytes = [0u8; 4];
        let s = c.encode_utf8(&mut bytes);
        self.folded_at += s.len();
        // A stale index: give up on this field rather than point elsewhere.
        (self.expected.get(at..at + s.len()) == Some(s)).then_some((
            at,
            s.len(),
            self.cur.0,
            self.cur.1,
        ))
    }

    /// The original byte range of the folded range `start..start + len`. Calls must come
    /// with increasing, non-overlapping ranges.
    fn original(&mut self, start: usize, len: usize) -> Option<(usize, usize)> {
        let end = start + len;
        let mut from = None;
        let to = loop {
            let (at, n, s, e) = self.next_char()?;
            if from.is_none() && at + n > start {
                from = Some(s);
            }
            if from.is_some() && at + n >= end {
                break e;
            }
        };
        let from = from?;
        // Accents written as separate marks belong to the letter before them.
        let marks: usize = self
            .text
            .get(to..)?
            .chars()
            .take_while(|c| is_combining_mark(*c))
            .map(char::len_utf8)
            .sum();
        let to = to + marks;
        (from < to).then_some((from, to))
    }
}

/// Folds `text` one character at a time, calling `emit(folded, start, end)` for every
/// folded character with the byte range of the original character it comes from. Runs of
/// spaces become one space (mapped to the first of them).
pub(crate) fn fold_with(text: &str, mut emit: impl FnMut(char, usize, usize)) {
    let mut last_space = false;
    for (i, c) in text.char_indices() {
        let end = i + c.len_utf8();
        fold_char(c, &mut |f| {
            if f == ' ' {
                if last_space {
                    return;
                }
                last_space = true;
            } else {
                last_space = false;
            }
            emit(f, i, end);
        });
    }
}

/// The folded form of one character (none, one or a few characters).
fn fold_char(c: char, put: &mut impl FnMut(char)) {
    if c.is_ascii() {
        put(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            '`' => '\'',
            c if c.is_ascii_whitespace() => ' ',
            c => c,
        });
        return;
    }
    match c {
        // Basic Cyrillic needs no table: "й" stays itself.
        'а'..='я' => put(c),
        'А'..='Я' => put(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
        'ё' | 'Ё' => put('е'),
        'ß' | 'ẞ' => {
            put('s');
            put('s');
        }
        'œ' | 'Œ' => {
            put('o');
            put('e');
        }
        'æ' | 'Æ' => {
            put('a');
            put('e');
        }
        'ø' | 'Ø' => put('o'),
        'đ' | 'Đ' => put('d'),
        'ł' | 'Ł' => put('l'),
        'ı' => put('i'),
        'ς' => put('σ'),
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{02BC}' | '\u{00B4}'
        | '\u{2032}' => put('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '«' | '»' | '\u{2033}' => put('"'),
        '\u{2010}' | '\u{2011}' | '\u{2212}' => put('-'),
        // Invisible: zero-width characters and soft hyphens.
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => {}
        c if c.is_whitespace() || is_odd_space(c) => put(' '),
        c => decompose_compatible(c, |d| {
            if is_combining_mark(d) {
                return;
            }
            if d.is_ascii() {
                fold_char(d, put);
                return;
            }
            for l in d.to_lowercase() {
                if !is_combining_mark(l) {
                    put(l);
                }
            }
        }),
    }
}

/// The match and up to [`CONTEXT_CHARS`] characters on each side, cut at a space when one
/// is near the cut.
fn context(text: &str, start: usize, end: usize) -> Context {
    /// How far (in bytes) a cut may move to land on a space.
    const SLACK: usize = 24;
    let before_all = text.get(..start).unwrap_or("");
    let after_all = text.get(end..).unwrap_or("");

    let before = match before_all.char_indices().rev().nth(CONTEXT_CHARS - 1) {
        Some((cut, _)) if cut > 0 => {
            let part = before_all.get(cut..).unwrap_or("");
            let part = match part.find(char::is_whitespace) {
                Some(sp) if sp < SLACK => part.get(sp..).unwrap_or(part),
                _ => part,
            };
            format!("…{}", squash(part).trim_start())
        }
        _ => squash(before_all).trim_start().to_owned(),
    };
    let after = match after_all.char_indices().nth(CONTEXT_CHARS) {
        Some((cut, _)) => {
            let part = after_all.get(..cut).unwrap_or("");
            let part = match part.rfind(char::is_whitespace) {
                Some(sp) if part.len() - sp < SLACK => part.get(..sp).unwrap_or(part),
                _ => part,
            };
            format!("{}…", squash(part).trim_end())
        }
        None => squash(after_all).trim_end().to_owned(),
    };
    Context {
        before,
        matched: squash(text.get(start..end).unwrap_or("")),
        after,
    }
}

/// Runs of whitespace (line breaks, no-break spaces) as one plain space.
fn squash(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    }
    out
}

/// A run of text and the topmost layer of marks that covers it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Byte range in the text.
    pub range: Range<usize>,
    /// Index of the last layer (in the order given) with a range covering this run.
    pub layer: Option<usize>,
}

/// Cuts `text` into runs for painting several layers of marks at once (mentions, search
/// hits, the current hit): each run gets the last layer that covers it. Ranges that are
/// empty, out of bounds or not on character boundaries are ignored (they may come from a
/// JSON file); ranges within a layer may overlap and come in any order.
pub fn segments(text: &str, layers: &[&[(usize, usize)]]) -> Vec<Segment> {
    let valid = |&(s, e): &(usize, usize)| {
        s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
    };
    let layers: Vec<Vec<(usize, usize)>> = layers
        .iter()
        .map(|ranges| {
            let mut v: Vec<(usize, usize)> = ranges.iter().copied().filter(valid).collect();
            v.sort_unstable();
            // Merge overlaps so a binary search finds the one range around a point.
            let mut merged: Vec<(usize, usize)> = Vec::with_capacity(v.len());
            for (s, e) in v {
                match merged.last_mut() {
                    Some(last) if s <= last.1 => last.1 = last.1.max(e),
                    _ => merged.push((s, e)),
                }
            }
            merged
        })
        .collect();
    let mut cuts: Vec<usize> = vec![0, text.len()];
    for layer in &layers {
        for &(s, e) in layer {
            cuts.push(s);
            cuts.push(e);
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Segment> = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (a, b) = match pair {
            [a, b] => (*a, *b),
            _ => continue,
        };
        let layer = layers.iter().rposition(|ranges| {
            let i = ranges.partition_point(|r| r.0 <= a);
            i.checked_sub(1)
                .and_then(|i| ranges.get(i))
                .is_some_and(|r| a < r.1)
        });
        match out.last_mut() {
            Some(last) if last.layer == layer && last.range.end == a => last.range.end = b,
            _ => out.push(Segment { range: a..b, layer }),
        }
    }
    out
}

#[cfg(test)]
mod tests;
