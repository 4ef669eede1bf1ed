//! Lines → blocks, in one pass: the reading rules of a careful human reader. A turn opens a
//! speech that runs until the next turn, a separator, the tag sections, the link or the
//! end; photos and elisions interrupt it and it goes on after them. Outside speeches the
//! narrative holds the title, datelines, the lead, paragraphs, headings and attendee lists.

use super::attendees;
use super::caption::{self, CaptionParts, Label};
use super::dateline::{self, Dateline};
use super::normalize::SourceLine;
use super::people::SourceKind;
use super::tags;
use super::turns::{TurnDetector, TurnRef, forced_turn};
use super::verdicts::LineVerdicts;
use crate::model::{
    Attendee, Block, BlockKind, ParticipantId, Photo, PhotoId, Speech, SpeechId, TagSection,
    Transcript,
};
use crate::parse::words::procedure::is_procedural_note;

/// Most entries read into one attendee list (keeps a hostile input linear).
const MAX_ENTRIES: usize = 500;

/// Lines looked at after a numbered line for the next number of a photo series.
const NEIGHBOUR_LINES: usize = 8;

/// What a person source belongs to, so the resolved ids can be put in place.
#[derive(Copy, Clone, Debug)]
pub(crate) enum Target {
    /// The speaker of a speech.
    Speech {
        /// The speech.
        speech: SpeechId,
        /// A role-only label ("Question").
        generic: bool,
    },
    /// The people pictured in a photo.
    Photo(PhotoId),
    /// One entry of an attendee list.
    Attendee {
        /// Index of the list block.
        block: usize,
        /// Index of the entry in the list.
        item: usize,
    },
}

/// A text that names people, in document order.
#[derive(Clone, Debug)]
pub(crate) struct Source {
    /// What kind of text.
    pub kind: SourceKind,
    /// The text.
    pub text: String,
    /// Where its people go.
    pub target: Target,
}

/// The transcript without its people, and the texts that name them.
pub(crate) struct Built {
    /// Blocks, speeches (speakers not yet set), photos, tags and metadata.
    pub transcript: Transcript,
    /// Speaker labels, captions and list entries in document order.
    pub sources: Vec<Source>,
}

/// The open run of paragraphs of the current speech.
struct Run {
    first: usize,
    line: usize,
}

/// Builds the blocks of `lines`, and gathers the texts that name people for the resolver;
/// the user's `verdicts` on speaker labels win over the turn detector's.
pub(crate) fn build(lines: &[SourceLine], language: &str, verdicts: &LineVerdicts) -> Built {
    let tail_fits = tail_fits(lines);
    let mut builder = Builder::new(lines, &tail_fits, language, verdicts);
    let mut i = builder.title();
    while i < lines.len() {
        // A step reads at least its own line (a list reads on past it).
        i = builder.step(i).max(i + 1);
    }
    builder.finish()
}

/// `tail_fits[k]`: every line from `k` on can stand in the tag zone.
fn tail_fits(lines: &[SourceLine]) -> Vec<bool> {
    let mut tail_fits = vec![true; lines.len() + 1];
    for k in (0..lines.len()).rev() {
        let next = tail_fits.get(k + 1).copied().unwrap_or(true);
        if let (Some(slot), Some(line)) = (tail_fits.get_mut(k), lines.get(k)) {
            *slot = next && tags::fits_tag_zone(&line.text);
        }
    }
    tail_fits
}

/// The reader's state between two lines: the speech and tag section it is in, the last
/// photo number, the labels accepted so far.
struct Builder<'a> {
    lines: &'a [SourceLine],
    t: Transcript,
    sources: Vec<Source>,
    /// The turn detector, with the speaker labels accepted so far.
    turns: TurnDetector,
    /// The speech whose paragraphs the next lines are.
    speech: Option<SpeechId>,
    run: Option<Run>,
    /// The current speech's paragraphs, moved into it when it ends: a list that grows by
    /// doubling is left with spare room, and a long transcript has many one-line speeches.
    paragraphs: Vec<String>,
    /// Whether the current speech already has a block in the flow.
    speech_has_block: bool,
    /// Printed number of the last photo.
    last_photo: Option<u32>,
    lead_done: bool,
    /// `tail_fits[k]`: every line from `k` on can stand in the tag zone.
    tail_fits: &'a [bool],
    /// The tag section being read, once the tag zone has begun.
    tag_section: Option<usize>,
    /// The user's verdicts on speaker labels.
    verdicts: &'a LineVerdicts,
}

/// Most lines of one heading in capitals.
const MAX_CAPS_HEADING_LINES: usize = 3;
/// Most words on one line of a heading in capitals.
const MAX_CAPS_HEADING_WORDS: usize = 12;

/// A line in capitals that can be part of a heading: two letters or more, no lowercase
/// letter, no colon, no final punctuation, at most [`MAX_CAPS_HEADING_WORDS`] words.
fn is_caps_heading_line(text: &str) -> bool {
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && !text.chars().any(char::is_lowercase)
        && !text.contains(':')
        && attendees::ends_open(text)
        && text.split_whitespace().count() <= MAX_CAPS_HEADING_WORDS
}

impl<'a> Builder<'a> {
    /// A builder for `lines`.
    fn new(
        lines: &'a [SourceLine],
        tail_fits: &'a [bool],
        language: &str,
        verdicts: &'a LineVerdicts,
    ) -> Builder<'a> {
        let t = Transcript {
            language: language.to_owned(),
            ..Transcript::default()
        };
        Builder {
            lines,
            t,
            sources: Vec::new(),
            turns: TurnDetector::default(),
            speech: None,
            run: None,
            paragraphs: Vec::new(),
            speech_has_block: false,
            last_photo: None,
            lead_done: false,
            tail_fits,
            tag_section: None,
            verdicts,
        }
    }

    /// Ends the last speech and gives the transcript and the sources.
    fn finish(mut self) -> Built {
        self.end_speech();
        Built {
            transcript: self.t,
            sources: self.sources,
        }
    }

    fn text(&self, i: usize) -> &'a str {
        self.lines.get(i).map_or("", |l| l.text.as_str())
    }

    fn number(&self, i: usize) -> usize {
        self.lines.get(i).map_or(0, |l| l.number)
    }

    /// The user's verdict on line `i` being a speaker label: only on the first cleaned line
    /// of its source line (a line cut before a flowed label keeps its number).
    fn verdict(&self, i: usize) -> Option<bool> {
        let num = self.number(i);
        let first = i == 0 || self.number(i - 1) != num;
        if first {
            self.verdicts.label(num)
        } else {
            None
        }
    }

    fn push(&mut self, line: usize, kind: BlockKind) {
        self.t.blocks.push(Block { line, kind });
    }

    /// Reads the title line (the first non-blank one, unless it is something else) and
    /// returns the index of the line after it.
    fn title(&mut self) -> usize {
        let lines = self.lines;
        let Some(first) = lines.iter().position(|l| !l.text.is_empty()) else {
            return lines.len();
        };
        let Some(line) = lines.get(first) else {
            return lines.len();
        };
        let text = line.text.as_str();
        if !self.reads_as_title(text) || self.verdict(first) == Some(true) {
            return self.title_under_dateline(first).unwrap_or(first);
        }
        let (title, dateline) = dateline::split_title(text);
        if let Some(dateline) = dateline {
            self.set_dateline(&dateline);
        }
        self.t.title.clone_from(&title);
        self.push(line.number, BlockKind::Title { text: title });
        first + 1
    }

    /// Whether `text` can be the title: no address, mark, dateline, caption or label.
    fn reads_as_title(&self, text: &str) -> bool {
        !(text.len() > 2000
            || tags::is_url(text)
            || tags::is_elision(text)
            || tags::is_separator(text)
            || dateline::parse_dateline(text).is_some()
            || caption::scan(text).is_some_and(|c| c.is_certain())
            || self.turns.is_turn(text, false))
    }

    /// A page that opens with its date ("Wednesday 9 March 2031") and puts the title on
    /// the next line: reads both, and returns the index of the line after the title.
    fn title_under_dateline(&mut self, first: usize) -> Option<usize> {
        let lines = self.lines;
        let date_line = lines.get(first)?;
        let dateline = dateline::parse_dateline(&date_line.text)?;
        let next = (first + 1..lines.len()).find(|&i| !lines[i].text.is_empty())?;
        let title = lines[next].text.as_str();
        let sentence =
            title.ends_with(['.', ':', ';', ',']) || title.split_whitespace().count() > 25;
        if sentence || !self.reads_as_title(title) {
            return None;
        }
        self.set_dateline(&dateline);
        self.push(
            date_line.number,
            BlockKind::Dateline {
                text: date_line.text.clone(),
            },
        );
        self.t.title = title.to_owned();
        self.push(
            lines[next].number,
            BlockKind::Title {
                text: title.to_owned(),
            },
        );
        Some(next + 1)
    }

    fn set_dateline(&mut self, d: &Dateline) {
        if self.t.date.is_none() {
            self.t.date = Some(d.date.clone());
        }
        if self.t.time.is_none() {
            self.t.time.clone_from(&d.time);
        }
        if self.t.place.is_none() {
            self.t.place.clone_from(&d.place);
        }
    }

    /// Handles line `i`; returns the index of the next line to read.
    fn step(&mut self, i: usize) -> usize {
        let lines = self.lines;
        let Some(line) = lines.get(i) else {
            return i + 1;
        };
        let text = line.text.as_str();
        let num = line.number;
        if text.is_empty() {
            return i + 1;
        }
        let verdict = self.verdict(i);
        if verdict == Some(true) {
            self.start_speech(forced_turn(text), num);
            return i + 1;
        }
        if tags::is_url(text) {
            self.end_speech();
            let url = text.trim().to_owned();
            self.t.source_url = Some(url.clone());
            self.push(num, BlockKind::Link { url });
            return i + 1;
        }
        if let Some(section) = self.tag_section {
            match tags::heading(text) {
                Some(heading) => self.new_tag_section(heading, num),
                None => {
                    if let Some(tag) = self.t.tags.get_mut(section) {
                        tag.values.extend(tags::values(text));
                    }
                }
            }
            return i + 1;
        }
        if tags::is_elision(text) {
            self.close_run();
            let speech = self.speech;
            self.push(num, BlockKind::Elision { speech });
            return i + 1;
        }
        if tags::is_separator(text) {
            self.end_speech();
            self.push(num, BlockKind::Separator);
            return i + 1;
        }
        if let Some(heading) = tags::heading(text)
            && self.tail_fits.get(i + 1).copied().unwrap_or(true)
        {
            self.end_speech();
            self.new_tag_section(heading, num);
            return i + 1;
        }
        if self.speech.is_none()
            && let Some(dateline) = dateline::parse_dateline(text)
        {
            self.set_dateline(&dateline);
            self.push(
                num,
                BlockKind::Dateline {
                    text: text.to_owned(),
                },
            );
            return i + 1;
        }
        if let Some(parts) = caption::scan(text)
            && self.accept_caption(i, &parts)
        {
            self.add_photo(&parts, num);
            return i + 1;
        }
        if verdict.is_none()
            && let Some(turn) = self.turns.turn(text, self.speech.is_some())
            && !self.is_list_intro(turn.label)
        {
            self.start_speech(turn, num);
            return i + 1;
        }
        if let Some(next) = self.caps_heading(i) {
            return next;
        }
        // "The meeting rose at 10.40 a.m.": the record's note, no speaker's words.
        if self.speech.is_some() && is_procedural_note(text) {
            self.end_speech();
        }
        if self.speech.is_some() {
            // A sub-heading between two parts of a transcript ("Answers to media
            // questions") closes the speech before it.
            if self.is_heading(i) && self.next_is_turn(i) {
                self.end_speech();
                self.push(
                    num,
                    BlockKind::Heading {
                        text: text.to_owned(),
                    },
                );
            } else {
                self.add_paragraph(text, num);
            }
            return i + 1;
        }
        self.narrative(i)
    }

    fn new_tag_section(&mut self, heading: &str, line: usize) {
        let section = self.t.tags.len();
        self.t.tags.push(TagSection {
            heading: heading.to_owned(),
            values: Vec::new(),
        });
        self.push(line, BlockKind::Tags { section });
        self.tag_section = Some(section);
    }

    /// A "label" that is really a sentence introducing an attendee list ("The following
    /// officials took part in the meeting:").
    fn is_list_intro(&self, label: &str) -> bool {
        self.speech.is_none()
            && label.split_whitespace().count() >= 3
            && attendees::mentions_participation(label)
    }

    /// Whether a caption candidate at line `i` is a photo: certain shapes always; a bare
    /// number only inside a run of consecutive numbers, and inside a speech only when it
    /// stands apart from the paragraphs.
    fn accept_caption(&self, i: usize, parts: &CaptionParts) -> bool {
        if parts.is_certain() {
            return true;
        }
        if parts.text.is_empty() || !caption::starts_upper(parts.text) {
            return false;
        }
        let in_speech = self.speech.is_some();
        match parts.label {
            Label::None => false,
            Label::Slash { number, of } | Label::Of { number, of } => {
                number <= of && (!in_speech || self.has_neighbours(i, number))
            }
            Label::Plain { number, dotted } => {
                !dotted && self.has_neighbours(i, number) && (!in_speech || self.stands_apart(i))
            }
        }
    }

    /// Whether number `n` continues the photo series: the last photo was `n - 1`, or one of
    /// the next few lines is numbered `n + 1`.
    fn has_neighbours(&self, i: usize, n: u32) -> bool {
        if n.checked_sub(1)
            .is_some_and(|prev| self.last_photo == Some(prev))
        {
            return true;
        }
        let next = n.saturating_add(1);
        self.lines
            .iter()
            .skip(i + 1)
            .take(NEIGHBOUR_LINES)
            .filter(|l| !l.text.is_empty())
            .take(3)
            .any(|l| {
                caption::scan(&l.text)
                    .is_some_and(|c| c.label.number() == Some(next) && !c.text.is_empty())
            })
    }

    /// Whether line `i` has a blank line before or after it.
    fn stands_apart(&self, i: usize) -> bool {
        let before = i.checked_sub(1).is_none_or(|k| self.text(k).is_empty());
        before || self.text(i + 1).is_empty()
    }

    fn add_photo(&mut self, parts: &CaptionParts, line: usize) {
        self.close_run();
        let id = PhotoId::from(self.t.photos.len());
        let number = parts
            .label
            .number()
            .unwrap_or_else(|| self.last_photo.map_or(1, |n| n.saturating_add(1)));
        let caption = parts.text.to_owned();
        if !caption.is_empty() {
            self.sources.push(Source {
                kind: SourceKind::Caption,
                text: caption.clone(),
                target: Target::Photo(id),
            });
        }
        self.t.photos.push(Photo {
            id,
            number,
            of: parts.label.of(),
            caption,
            credit: parts.credit.map(str::to_owned),
            participants: Vec::new(),
            image: None,
        });
        self.push(line, BlockKind::Photo { photo: id });
        self.last_photo = Some(number);
    }

    /// Opens the speech of `turn` (borrowed: its text after the label is copied once, as
    /// the speech's first paragraph).
    fn start_speech(&mut self, turn: TurnRef<'_>, line: usize) {
        self.end_speech();
        let id = SpeechId::from(self.t.speeches.len());
        self.turns.remember(turn.label);
        self.sources.push(Source {
            kind: SourceKind::SpeakerLabel,
            text: turn.label.to_owned(),
            target: Target::Speech {
                speech: id,
                generic: turn.generic,
            },
        });
        self.t.speeches.push(Speech {
            times: crate::model::Timing::default(),
            id,
            speaker: ParticipantId(0),
            label: turn.label.to_owned(),
            paragraphs: Vec::new(),
        });
        self.speech = Some(id);
        self.run = Some(Run { first: 0, line });
        self.speech_has_block = false;
        let rest = turn.rest.trim();
        if !rest.is_empty() {
            self.add_paragraph(rest, line);
        }
    }

    fn add_paragraph(&mut self, text: &str, line: usize) {
        if self.speech.is_none() {
            return;
        }
        if self.run.is_none() {
            self.run = Some(Run {
                first: self.paragraphs.len(),
                line,
            });
        }
        self.paragraphs.push(text.to_owned());
    }

    /// Closes the open run of paragraphs (a photo or an elision interrupts the speech).
    fn close_run(&mut self) {
        let (Some(run), Some(id)) = (self.run.take(), self.speech) else {
            return;
        };
        let count = self.paragraphs.len().saturating_sub(run.first);
        // A speech without paragraphs still gets its place in the flow.
        if count > 0 || !self.speech_has_block {
            self.push(
                run.line,
                BlockKind::Speech {
                    speech: id,
                    first: run.first,
                    count,
                },
            );
            self.speech_has_block = true;
        }
    }

    fn end_speech(&mut self) {
        self.close_run();
        if let Some(speech) = self
            .speech
            .take()
            .and_then(|id| self.t.speeches.get_mut(id.index()))
        {
            // Collected at its exact length.
            speech.paragraphs = self.paragraphs.drain(..).collect();
        }
        self.paragraphs.clear();
    }

    /// A line outside speeches: an attendee list, a heading, the lead or a paragraph.
    fn narrative(&mut self, i: usize) -> usize {
        if let Some(next) = self.try_list(i) {
            return next;
        }
        let text = self.text(i).to_owned();
        let num = self.number(i);
        let kind = if self.is_heading(i) {
            BlockKind::Heading { text }
        } else if !self.lead_done && self.t.speeches.is_empty() {
            self.lead_done = true;
            BlockKind::Lead { text }
        } else {
            BlockKind::Paragraph { text }
        };
        self.push(num, kind);
        i + 1
    }

    /// A short line without final punctuation, standing between blank lines.
    fn is_heading(&self, i: usize) -> bool {
        let text = self.text(i);
        let before = i.checked_sub(1).is_none_or(|k| self.text(k).is_empty());
        before
            && self.text(i + 1).is_empty()
            && text.len() <= 400
            && text.chars().count() <= 80
            && text.split_whitespace().count() <= 10
            && attendees::ends_open(text)
            && caption::starts_upper(text)
            && !text.contains(": ")
    }

    /// A heading in capitals on one to [`MAX_CAPS_HEADING_LINES`] lines right before a turn
    /// ("ORAL ARGUMENT OF NORA PIKE" / "ON BEHALF OF THE PETITIONERS", "STATEMENT OF …"):
    /// one heading block, which ends the speech before it. Returns the index after it.
    fn caps_heading(&mut self, i: usize) -> Option<usize> {
        let run = self
            .lines
            .iter()
            .skip(i)
            .take(MAX_CAPS_HEADING_LINES + 1)
            .take_while(|l| is_caps_heading_line(&l.text))
            .count();
        if run == 0 || run > MAX_CAPS_HEADING_LINES || !self.next_is_turn(i + run - 1) {
            return None;
        }
        let text = (i..i + run)
            .map(|k| self.text(k))
            .collect::<Vec<_>>()
            .join(" ");
        self.end_speech();
        let num = self.number(i);
        self.push(num, BlockKind::Heading { text });
        Some(i + run)
    }

    /// Whether the next non-blank line after `i` opens a turn.
    fn next_is_turn(&self, i: usize) -> bool {
        self.lines
            .iter()
            .skip(i + 1)
            .take(NEIGHBOUR_LINES)
            .find(|l| !l.text.is_empty())
            .is_some_and(|l| self.turns.is_turn(&l.text, false))
    }

    /// Whether line `j` can be part of an attendee list (it is not a caption, a turn, a
    /// dateline, a link or a mark).
    fn is_entry_line(&self, j: usize) -> bool {
        let text = self.text(j);
        !text.is_empty()
            && text.len() <= attendees::MAX_ENTRY_BYTES
            && !tags::is_url(text)
            && !tags::is_elision(text)
            && !tags::is_separator(text)
            && tags::heading(text).is_none()
            && !caption::scan(text).is_some_and(|c| c.is_certain())
            && dateline::parse_dateline(text).is_none()
            && !self.turns.is_turn(text, false)
    }

    /// Reads an attendee list starting at line `i` (an intro ending with a colon, or the
    /// first entry ending with a comma, or a list in running prose); returns the index of
    /// the line after it.
    fn try_list(&mut self, i: usize) -> Option<usize> {
        let lines = self.lines;
        let first = lines.get(i)?.text.as_str();
        let line = self.number(i);
        if let Some((intro, items)) = attendees::prose_list(first) {
            self.push_attendees(line, Some(intro), items, None);
            return Some(i + 1);
        }
        let has_intro = first.ends_with(':');
        let first_entry = first.ends_with(',') && first.len() <= attendees::MAX_ENTRY_BYTES;
        if !has_intro && !first_entry {
            return None;
        }
        let intro_says_took_part = has_intro && attendees::mentions_participation(first);
        let start = if has_intro { i + 1 } else { i };

        // "… took part:" followed by one line of prose "A, B and C."
        if intro_says_took_part
            && let Some(next) = lines.get(start)
            && !next.text.ends_with(',')
            && next.text.contains(", ")
            && self.is_entry_line(start)
        {
            let items = attendees::split_prose_items(&next.text);
            if items.len() >= 2 {
                self.push_attendees(line, Some(first.to_owned()), items, None);
                return Some(start + 1);
            }
        }

        let mut entries: Vec<&str> = Vec::new();
        let mut commas = 0;
        let mut outro = None;
        let mut j = start;
        while let Some(next) = lines.get(j) {
            let l = next.text.as_str();
            if entries.len() >= MAX_ENTRIES || !self.is_entry_line(j) {
                break;
            }
            if !entries.is_empty() && attendees::is_outro(l) {
                outro = Some(l);
                j += 1;
                break;
            }
            if l.ends_with(',') {
                entries.push(l);
                commas += 1;
                j += 1;
                continue;
            }
            if !entries.is_empty() && attendees::starts_with_conjunction(l) {
                entries.push(l);
                j += 1;
                if let Some(after) = lines.get(j)
                    && attendees::is_outro(&after.text)
                    && self.is_entry_line(j)
                {
                    outro = Some(after.text.as_str());
                    j += 1;
                }
                break;
            }
            let first_after_intro = entries.is_empty() && has_intro;
            if attendees::ends_open(l) && (!entries.is_empty() || first_after_intro) {
                entries.push(l);
                j += 1;
                continue;
            }
            let after_comma = entries.last().is_some_and(|e| e.ends_with(','));
            if l.ends_with('.') && !l.contains(". ") && (after_comma || first_after_intro) {
                entries.push(l);
                j += 1;
            }
            break;
        }
        let valid = !entries.is_empty()
            && (commas >= 2 || (commas >= 1 && outro.is_some()) || intro_says_took_part);
        if !valid {
            return None;
        }
        let items = entries.into_iter().map(attendees::clean_entry).collect();
        let intro = has_intro.then(|| first.to_owned());
        self.push_attendees(line, intro, items, outro.map(str::to_owned));
        Some(j)
    }

    fn push_attendees(
        &mut self,
        line: usize,
        intro: Option<String>,
        items: Vec<String>,
        outro: Option<String>,
    ) {
        let block = self.t.blocks.len();
        let mut attendees = Vec::with_capacity(items.len());
        for text in items.into_iter().filter(|t| !t.is_empty()) {
            self.sources.push(Source {
                kind: SourceKind::ListItem,
                text: text.clone(),
                target: Target::Attendee {
                    block,
                    item: attendees.len(),
                },
            });
            attendees.push(Attendee {
                text,
                participant: None,
            });
        }
        self.push(
            line,
            BlockKind::Attendees {
                intro,
                items: attendees,
                outro,
            },
        );
    }
}
