//! An open document: the transcript plus lookup tables built once when it is opened,
//! so that no panel walks the whole model while drawing a frame.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::app::selection::Item;
use crate::cite::Cited;
use crate::model::{BlockKind, ParticipantId, PhotoId, SpeechId, TextRef, Transcript};

/// One line of the reader's flat row list. The reader is virtualised over these rows, so
/// each must be small enough to lay out on its own (a paragraph, a list entry, a marker).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The block of `Transcript::blocks` the row belongs to.
    pub block: usize,
    /// What the row shows.
    pub kind: RowKind,
}

/// What a reader row shows.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum RowKind {
    /// The event title.
    Title,
    /// The dateline.
    Dateline,
    /// The lead paragraph.
    Lead,
    /// A sub-heading.
    Heading,
    /// A narrative paragraph.
    Paragraph,
    /// The sentence that introduces an attendee list.
    AttendeesIntro,
    /// One entry of an attendee list (index into its items).
    Attendee(usize),
    /// The sentence that closes an attendee list.
    AttendeesOutro,
    /// The speaker header, shown once at the start of a speech.
    SpeechHeader(SpeechId),
    /// One paragraph of a speech.
    SpeechParagraph {
        /// The speech.
        speech: SpeechId,
        /// Index into `Speech::paragraphs`.
        index: usize,
    },
    /// A photo marker, exactly where the photo stands.
    Photo(PhotoId),
    /// "<…>": a passage left out.
    Elision,
    /// "* * *".
    Separator,
    /// A tag section (index into `Transcript::tags`).
    Tags(usize),
    /// The source link.
    Link,
}

/// Where the document came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// A file the user opened (or the sample found on disk).
    File(PathBuf),
    /// The sample compiled into the binary.
    Bundled,
}

/// The text a document was parsed from, for the "How this was read" panel.
#[derive(Clone, Debug)]
pub enum SourceText {
    /// Kept in memory (the sample built into the binary).
    Kept(Arc<str>),
    /// Read again from the file when the panel asks: the panel is seldom opened, and
    /// keeping a second copy of a large transcript's text would cost as much memory as the
    /// transcript itself. The length and hash tell whether the file still holds the text
    /// that was parsed.
    InFile {
        /// The file.
        path: PathBuf,
        /// Length of the decoded text, in bytes.
        len: usize,
        /// Hash of the decoded text.
        hash: u64,
    },
}

impl SourceText {
    /// Remembers where `text`, just read from `path`, came from.
    pub fn in_file(path: PathBuf, text: &str) -> Self {
        Self::InFile {
            path,
            len: text.len(),
            hash: text_hash(text),
        }
    }

    /// The text. For a file this reads and decodes it again (call it off the UI thread);
    /// the error says why it cannot be shown, naming the file.
    pub fn text(&self) -> Result<Arc<str>, String> {
        match self {
            Self::Kept(text) => Ok(Arc::clone(text)),
            Self::InFile { path, len, hash } => {
                let shown = path.display();
                let fail = |kind| crate::Error::new(shown.to_string(), kind).to_string();
                let bytes =
                    crate::load::read_limited(path, crate::load::MAX_FILE_BYTES).map_err(fail)?;
                let text = crate::decode::decode_owned(bytes).map_err(fail)?;
                if text.len() != *len || text_hash(&text) != *hash {
                    return Err(format!(
                        "{shown} has changed since it was opened: open it again to see how \
                         it was read"
                    ));
                }
                Ok(text.into())
            }
        }
    }
}

/// A hash of the text (the same within one run of the app, which is all it is used for).
fn text_hash(text: &str) -> u64 {
    use std::hash::{Hash as _, Hasher as _};
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// An open transcript and its lookup tables.
#[derive(Clone, Debug)]
pub struct Document {
    /// Where it came from.
    pub source: Source,
    /// Which sitting of a TEI corpus file this is, from 1; 0 for a whole file.
    pub part: usize,
    /// Whether this is the bundled sample (not added to recent files).
    pub is_sample: bool,
    /// The model, read only.
    pub transcript: Transcript,
    /// Tables derived from the model.
    pub index: DocIndex,
    /// Per tag section, per value: the participant it names (a Persons tag), if any.
    pub tag_people: Vec<Vec<Option<ParticipantId>>>,
    /// The decoded text the transcript was parsed from, or where to read it again (`None`
    /// for Stenogram JSON and documents built in code): the "How this was read" panel
    /// shows it line by line.
    pub source_text: Option<SourceText>,
    /// The images found next to the file when it was opened (on the loading thread, so
    /// that listing a folder of thousands of files never holds up a frame).
    pub photo_files: Option<crate::photos::PhotoFiles>,
    /// The key its notes are stored under ([`crate::notes::content_key`]): it hashes the
    /// whole text, so it is worked out with the rest, on the loading thread.
    pub notes_key: String,
    /// Questions and answers, read once when the document opens.
    pub qa: crate::qa::Qa,
    /// Statistics per participant, counted once when the document opens.
    pub stats: crate::stats::Stats,
    /// What the user's corrections touched (a pencil marks them).
    pub corrected: crate::corrections::Marks,
    /// The user's verdicts on source lines the parse was redone with.
    pub line_verdicts: crate::parse::LineVerdicts,
}

impl Document {
    /// Builds the lookup tables for `transcript`.
    pub fn new(transcript: Transcript, source: Source, is_sample: bool) -> Self {
        // One pass after another: files are opened on the loading thread, off the UI thread
        // (only the small bundled sample is built on it), and each pass is linear in the text.
        let notes_key = crate::notes::content_key(&transcript);
        let index = DocIndex::build(&transcript);
        let qa = crate::qa::Qa::analyse(&transcript);
        let stats = crate::stats::Stats::build(&transcript, &qa);
        let tag_people = transcript
            .tags
            .iter()
            .map(|section| {
                section
                    .values
                    .iter()
                    .map(|v| transcript.person_named(v))
                    .collect()
            })
            .collect();
        Self {
            source,
            part: 0,
            is_sample,
            transcript,
            index,
            tag_people,
            source_text: None,
            photo_files: None,
            notes_key,
            qa,
            stats,
            corrected: crate::corrections::Marks::default(),
            line_verdicts: crate::parse::LineVerdicts::default(),
        }
    }

    /// What a citation of `item` quotes, if it can be cited: a speech paragraph, the lead or
    /// a narrative paragraph, or a photo.
    pub fn cited(&self, item: Item) -> Option<Cited> {
        match item {
            Item::Paragraph { speech, index } => {
                let s = self.transcript.speech(speech)?;
                (index < s.paragraphs.len()).then_some(Cited::Paragraph(TextRef::Speech {
                    speech,
                    paragraph: index,
                }))
            }
            Item::Block(block) => match self.transcript.blocks.get(block)?.kind {
                BlockKind::Lead { .. } | BlockKind::Paragraph { .. } => {
                    Some(Cited::Paragraph(TextRef::Block { block }))
                }
                _ => None,
            },
            Item::Photo(photo) => self.transcript.photo(photo).map(|_| Cited::Photo(photo)),
            Item::Participant(_) | Item::Speech(_) => None,
        }
    }

    /// The same document, remembering the text it was parsed from.
    pub fn with_source_text(mut self, text: Option<SourceText>) -> Self {
        self.source_text = text;
        self
    }

    /// The title for the window and the header ("Untitled" when the document has none).
    pub fn title(&self) -> &str {
        let title = self.transcript.title.trim();
        if title.is_empty() { "Untitled" } else { title }
    }
}

/// A mention of a participant inside a paragraph.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct MentionSpan {
    /// Byte range start in the paragraph.
    pub start: usize,
    /// Byte range end (exclusive).
    pub end: usize,
    /// Who is mentioned.
    pub participant: ParticipantId,
}

/// Lookup tables built once per document.
#[derive(Clone, Debug, Default)]
pub struct DocIndex {
    /// The reader's rows for the whole document, in order.
    pub rows: Vec<Row>,
    /// Per speech: (n, m) for "speech n of m" of its speaker.
    pub speech_number: Vec<(usize, usize)>,
    /// Per speech: the row of its header.
    pub speech_row: Vec<Option<usize>>,
    /// Per speech and paragraph: its row.
    pub paragraph_rows: Vec<Vec<Option<usize>>>,
    /// Per photo: the row of its marker.
    pub photo_row: Vec<Option<usize>>,
    /// Per photo: the speech it stands inside (a speech run before and after it).
    pub photo_speech: Vec<Option<SpeechId>>,
    /// Per speech: the rows a filter on its speaker shows (its header, paragraphs, and the
    /// photos and elisions inside it), in order, so that filtering walks the chosen
    /// people's rows instead of every row of the document.
    pub speech_rows: Vec<Vec<usize>>,
    /// Per block: its first row.
    pub block_row: Vec<Option<usize>>,
    /// Per row: the last photo at or before it in the text.
    pub photo_before_row: Vec<Option<PhotoId>>,
    /// Photos in number order (the timeline's order).
    pub timeline: Vec<PhotoId>,
    /// Per photo: its position in [`Self::timeline`].
    pub timeline_pos: Vec<usize>,
    /// Per participant: their speeches, in order.
    pub person_speeches: Vec<Vec<SpeechId>>,
    /// Per participant: the photos that picture them, in order.
    pub person_photos: Vec<Vec<PhotoId>>,
    /// Per participant: their first row in the reader (speech, list entry, photo or mention).
    pub person_first_row: Vec<Option<usize>>,
    /// Mentions per paragraph, sorted by start.
    pub mentions: HashMap<TextRef, Vec<MentionSpan>>,
    /// Per block: the people it lists or mentions (for hover and related highlights).
    pub block_people: HashMap<usize, Vec<ParticipantId>>,
    /// Sidebar groups, each in order of first appearance: people who speak.
    pub speakers: Vec<ParticipantId>,
    /// People who are listed or pictured but never speak.
    pub listed: Vec<ParticipantId>,
    /// Generic speakers ("Question", "Remark").
    pub generic: Vec<ParticipantId>,
}

impl DocIndex {
    /// Builds every table in a few linear passes over the model.
    pub fn build(t: &Transcript) -> Self {
        let mut ix = DocIndex {
            speech_number: vec![(0, 0); t.speeches.len()],
            speech_row: vec![None; t.speeches.len()],
            paragraph_rows: t
                .speeches
                .iter()
                .map(|s| vec![None; s.paragraphs.len()])
                .collect(),
            photo_row: vec![None; t.photos.len()],
            photo_speech: vec![None; t.photos.len()],
            block_row: vec![None; t.blocks.len()],
            person_speeches: vec![Vec::new(); t.participants.len()],
            person_photos: vec![Vec::new(); t.participants.len()],
            person_first_row: vec![None; t.participants.len()],
            ..DocIndex::default()
        };
        ix.build_people(t);
        ix.build_rows(t);
        ix.build_photo_speech(t);
        ix.build_speech_rows(t);
        ix.build_timeline(t);
        ix.build_mentions(t);
        ix.build_first_rows(t);
        ix
    }

    fn build_speech_rows(&mut self, t: &Transcript) {
        self.speech_rows = vec![Vec::new(); t.speeches.len()];
        for (r, row) in self.rows.iter().enumerate() {
            let owner = match row.kind {
                RowKind::SpeechHeader(s) | RowKind::SpeechParagraph { speech: s, .. } => Some(s),
                RowKind::Photo(p) => self.photo_speech.get(p.index()).copied().flatten(),
                RowKind::Elision => match t.blocks.get(row.block).map(|b| &b.kind) {
                    Some(BlockKind::Elision { speech }) => *speech,
                    _ => None,
                },
                _ => None,
            };
            if let Some(rows) = owner.and_then(|s| self.speech_rows.get_mut(s.index())) {
                rows.push(r);
            }
        }
    }

    fn build_people(&mut self, t: &Transcript) {
        for speech in &t.speeches {
            if let Some(list) = self.person_speeches.get_mut(speech.speaker.index()) {
                list.push(speech.id);
            }
        }
        for list in &self.person_speeches {
            for (n, id) in list.iter().enumerate() {
                if let Some(slot) = self.speech_number.get_mut(id.index()) {
                    *slot = (n + 1, list.len());
                }
            }
        }
        for photo in &t.photos {
            for person in &photo.participants {
                if let Some(list) = self.person_photos.get_mut(person.index())
                    && list.last() != Some(&photo.id)
                {
                    list.push(photo.id);
                }
            }
        }
        for p in &t.participants {
            let speaks = self
                .person_speeches
                .get(p.id.index())
                .is_some_and(|s| !s.is_empty());
            if p.generic {
                self.generic.push(p.id);
            } else if speaks {
                self.speakers.push(p.id);
            } else {
                self.listed.push(p.id);
            }
        }
    }

    fn build_rows(&mut self, t: &Transcript) {
        let mut header_done = vec![false; t.speeches.len()];
        for (b, block) in t.blocks.iter().enumerate() {
            let start = self.rows.len();
            let mut push = |kind: RowKind| self.rows.push(Row { block: b, kind });
            match &block.kind {
                BlockKind::Title { .. } => push(RowKind::Title),
                BlockKind::Dateline { .. } => push(RowKind::Dateline),
                BlockKind::Lead { .. } => push(RowKind::Lead),
                BlockKind::Heading { .. } => push(RowKind::Heading),
                BlockKind::Paragraph { .. } => push(RowKind::Paragraph),
                BlockKind::Attendees {
                    intro,
                    items,
                    outro,
                } => {
                    if intro.is_some() {
                        push(RowKind::AttendeesIntro);
                    }
                    for i in 0..items.len() {
                        push(RowKind::Attendee(i));
                    }
                    if outro.is_some() {
                        push(RowKind::AttendeesOutro);
                    }
                }
                BlockKind::Photo { photo } => {
                    if t.photo(*photo).is_some() {
                        push(RowKind::Photo(*photo));
                    }
                }
                BlockKind::Speech {
                    speech,
                    first,
                    count,
                } => {
                    let Some(s) = t.speech(*speech) else { continue };
                    if let Some(done) = header_done.get_mut(speech.index())
                        && !*done
                    {
                        *done = true;
                        push(RowKind::SpeechHeader(*speech));
                    }
                    let end = first.saturating_add(*count).min(s.paragraphs.len());
                    for index in (*first).min(end)..end {
                        push(RowKind::SpeechParagraph {
                            speech: *speech,
                            index,
                        });
                    }
                }
                BlockKind::Elision { .. } => push(RowKind::Elision),
                BlockKind::Separator => push(RowKind::Separator),
                BlockKind::Tags { section } => {
                    if *section < t.tags.len() {
                        push(RowKind::Tags(*section));
                    }
                }
                BlockKind::Link { .. } => push(RowKind::Link),
            }
            if self.rows.len() > start
                && let Some(slot) = self.block_row.get_mut(b)
            {
                *slot = Some(start);
            }
        }

        // Reverse tables and "the last photo before this row" in one pass.
        let mut last_photo = None;
        self.photo_before_row.reserve(self.rows.len());
        for (r, row) in self.rows.iter().enumerate() {
            match row.kind {
                RowKind::SpeechHeader(s) => set(&mut self.speech_row, s.index(), r),
                RowKind::SpeechParagraph { speech, index } => {
                    if let Some(list) = self.paragraph_rows.get_mut(speech.index()) {
                        set(list, index, r);
                    }
                }
                RowKind::Photo(p) => {
                    set(&mut self.photo_row, p.index(), r);
                    last_photo = Some(p);
                }
                _ => {}
            }
            self.photo_before_row.push(last_photo);
        }
    }

    /// A photo stands inside a speech when the nearest text before and after it belongs to
    /// that speech (the speech was interrupted by the photo). A filtered reader shows these.
    fn build_photo_speech(&mut self, t: &Transcript) {
        let speech_of = |kind: &BlockKind| match kind {
            BlockKind::Speech { speech, .. } => Some(Some(*speech)),
            BlockKind::Elision { speech } => Some(*speech),
            BlockKind::Photo { .. } => None,
            _ => Some(None),
        };
        // Nearest non-photo block's speech before each block, then after.
        let n = t.blocks.len();
        let mut before = vec![None; n];
        let mut current = None;
        for (i, block) in t.blocks.iter().enumerate() {
            before[i] = current;
            if let Some(s) = speech_of(&block.kind) {
                current = s;
            }
        }
        current = None;
        for i in (0..n).rev() {
            let Some(block) = t.blocks.get(i) else {
                continue;
            };
            if let BlockKind::Photo { photo } = block.kind
                && let (Some(a), Some(b)) = (before[i], current)
                && a == b
                && let Some(slot) = self.photo_speech.get_mut(photo.index())
            {
                *slot = Some(a);
            }
            if let Some(s) = speech_of(&block.kind) {
                current = s;
            }
        }
    }

    fn build_timeline(&mut self, t: &Transcript) {
        self.timeline = t.photos.iter().map(|p| p.id).collect();
        self.timeline
            .sort_by_key(|id| (t.photo(*id).map_or(u32::MAX, |p| p.number), *id));
        self.timeline_pos = vec![0; t.photos.len()];
        for (pos, id) in self.timeline.iter().enumerate() {
            set_value(&mut self.timeline_pos, id.index(), pos);
        }
    }

    fn build_mentions(&mut self, t: &Transcript) {
        for p in &t.participants {
            for m in &p.appearances.mentions {
                if m.start >= m.end {
                    continue;
                }
                self.mentions.entry(m.at).or_default().push(MentionSpan {
                    start: m.start,
                    end: m.end,
                    participant: p.id,
                });
                if let TextRef::Block { block } = m.at {
                    add_person(&mut self.block_people, block, p.id);
                }
            }
        }
        for spans in self.mentions.values_mut() {
            spans.sort_by_key(|s| (s.start, s.end));
        }
        for (b, block) in t.blocks.iter().enumerate() {
            if let BlockKind::Attendees { items, .. } = &block.kind {
                for person in items.iter().filter_map(|a| a.participant) {
                    add_person(&mut self.block_people, b, person);
                }
            }
        }
    }

    fn build_first_rows(&mut self, t: &Transcript) {
        for (r, row) in self.rows.iter().enumerate() {
            let mut mark = |id: ParticipantId| {
                if let Some(slot) = self.person_first_row.get_mut(id.index())
                    && slot.is_none()
                {
                    *slot = Some(r);
                }
            };
            match row.kind {
                RowKind::SpeechHeader(s) => {
                    if let Some(speech) = t.speech(s) {
                        mark(speech.speaker);
                    }
                }
                RowKind::Photo(p) => {
                    if let Some(photo) = t.photo(p) {
                        photo.participants.iter().copied().for_each(&mut mark);
                    }
                }
                RowKind::Attendee(i) => {
                    if let Some(BlockKind::Attendees { items, .. }) =
                        t.blocks.get(row.block).map(|b| &b.kind)
                        && let Some(person) = items.get(i).and_then(|a| a.participant)
                    {
                        mark(person);
                    }
                }
                RowKind::Lead | RowKind::Paragraph | RowKind::Heading => {
                    if let Some(people) = self.block_people.get(&row.block) {
                        people.iter().copied().for_each(&mut mark);
                    }
                }
                RowKind::SpeechParagraph { speech, index } => {
                    let at = TextRef::Speech {
                        speech,
                        paragraph: index,
                    };
                    if let Some(spans) = self.mentions.get(&at) {
                        spans.iter().map(|s| s.participant).for_each(&mut mark);
                    }
                }
                _ => {}
            }
        }
    }

    /// The row that shows `item`, if the document has one.
    pub fn row_of(&self, item: Item) -> Option<usize> {
        match item {
            Item::Participant(p) => self.person_first_row.get(p.index()).copied().flatten(),
            Item::Speech(s) => self.speech_row.get(s.index()).copied().flatten(),
            Item::Paragraph { speech, index } => self
                .paragraph_rows
                .get(speech.index())
                .and_then(|rows| rows.get(index))
                .copied()
                .flatten(),
            Item::Block(b) => self.block_row.get(b).copied().flatten(),
            Item::Photo(p) => self.photo_row.get(p.index()).copied().flatten(),
        }
    }

    /// Number of speeches a participant gives.
    pub fn speech_count(&self, p: ParticipantId) -> usize {
        self.person_speeches.get(p.index()).map_or(0, Vec::len)
    }

    /// Number of photos that picture a participant.
    pub fn photo_count(&self, p: ParticipantId) -> usize {
        self.person_photos.get(p.index()).map_or(0, Vec::len)
    }
}

fn set(list: &mut [Option<usize>], index: usize, value: usize) {
    if let Some(slot) = list.get_mut(index)
        && slot.is_none()
    {
        *slot = Some(value);
    }
}

fn set_value(list: &mut [usize], index: usize, value: usize) {
    if let Some(slot) = list.get_mut(index) {
        *slot = value;
    }
}

fn add_person(map: &mut HashMap<usize, Vec<ParticipantId>>, block: usize, p: ParticipantId) {
    let list = map.entry(block).or_default();
    if !list.contains(&p) {
        list.push(p);
    }
}
