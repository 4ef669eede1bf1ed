//! The transcript a structured reader fills in, in document order: people found by a key
//! of the source's own (an id, a label), speeches with their paragraphs and times,
//! headings and stage directions. Every reader ends here, so they all give the same model
//! with the same flow of blocks, and every panel works on what they read.

use std::collections::HashMap;

use crate::model::{
    Appearances, Block, BlockKind, Participant, ParticipantId, Span, Speech, SpeechId, Timing,
    Transcript,
};

/// A transcript being read.
#[derive(Debug, Default)]
pub(crate) struct Builder {
    /// What is read so far.
    t: Transcript,
    /// Participant by the source's key for them.
    people: HashMap<String, ParticipantId>,
    /// The speech that paragraphs go to, if one is open.
    open: Option<SpeechId>,
    /// A time the record gives before a speech (a recorded time, a time note): when the
    /// next speech starts.
    next_start: Option<crate::model::Time>,
}

impl Builder {
    /// An empty transcript with this title and language ("und" when unknown).
    pub(crate) fn new(title: &str, language: &str) -> Self {
        let mut b = Self::default();
        b.t.title = collapse(title);
        b.t.language = if language.is_empty() {
            "und".to_owned()
        } else {
            language.to_owned()
        };
        b
    }

    /// The transcript's metadata (date, place, title), to set as the header gives it.
    pub(crate) fn meta(&mut self) -> &mut Transcript {
        &mut self.t
    }

    /// The participant the source calls `key`, added with `name` and `role` the first time
    /// it is seen; a role given later fills in a missing one.
    pub(crate) fn person(
        &mut self,
        key: &str,
        name: Option<&str>,
        role: Option<&str>,
    ) -> ParticipantId {
        let role = role.map(collapse).filter(|r| !r.is_empty());
        if let Some(&id) = self.people.get(key) {
            if let Some(p) = self.t.participants.get_mut(id.index())
                && p.role.is_none()
            {
                p.role = role;
            }
            return id;
        }
        let id = ParticipantId::from(self.t.participants.len());
        self.t.participants.push(Participant {
            id,
            name: name.map(collapse).filter(|n| !n.is_empty()),
            role,
            aliases: Vec::new(),
            generic: false,
            appearances: Appearances::default(),
        });
        self.people.insert(key.to_owned(), id);
        id
    }

    /// Marks `who` as a role-only voice ("Speaker" of untagged subtitles), never a person.
    pub(crate) fn set_generic(&mut self, who: ParticipantId) {
        if let Some(p) = self.t.participants.get_mut(who.index()) {
            p.generic = true;
        }
    }

    /// Records another spelling or label of `who`, once, unless it is their name.
    pub(crate) fn alias(&mut self, who: ParticipantId, alias: &str) {
        let alias = collapse(alias);
        let Some(p) = self.t.participants.get_mut(who.index()) else {
            return;
        };
        if alias.is_empty()
            || p.name.as_deref() == Some(alias.as_str())
            || p.aliases.contains(&alias)
        {
            return;
        }
        p.aliases.push(alias);
    }

    /// Opens a new speech by `who` under the label the source prints.
    pub(crate) fn speech(&mut self, who: ParticipantId, label: &str) -> SpeechId {
        let id = SpeechId::from(self.t.speeches.len());
        self.t.speeches.push(Speech {
            id,
            speaker: who,
            label: collapse(label),
            paragraphs: Vec::new(),
            times: Timing {
                start: self.next_start.take(),
                ..Timing::default()
            },
        });
        self.open = Some(id);
        id
    }

    /// A time the record gives between speeches: the next speech starts then, unless it
    /// says otherwise. Inside a speech that has no words yet, it is that speech's start.
    pub(crate) fn time_mark(&mut self, time: crate::model::Time) {
        let open = self.open.and_then(|id| self.t.speeches.get_mut(id.index()));
        match open {
            Some(s) if s.paragraphs.is_empty() && s.times.start.is_none() => {
                s.times.start = Some(time);
            }
            _ => self.next_start = Some(time),
        }
    }

    /// Sets the start and end the source gives the open speech (either may be unknown,
    /// and an unknown one keeps what was there).
    pub(crate) fn speech_span(&mut self, span: Span) {
        let Some(s) = self.open.and_then(|id| self.t.speeches.get_mut(id.index())) else {
            return;
        };
        if span.start.is_some() {
            s.times.start = span.start;
        }
        if span.end.is_some() {
            s.times.end = span.end;
        }
    }

    /// Sets the end of the last speech when it has none (a section's end time).
    pub(crate) fn end_last_speech(&mut self, end: crate::model::Time) {
        if let Some(s) = self.t.speeches.last_mut()
            && s.times.end.is_none()
        {
            s.times.end = Some(end);
        }
    }

    /// Who speaks in the open speech, if one is open.
    pub(crate) fn speaker(&self) -> Option<ParticipantId> {
        let id = self.open?;
        self.t.speech(id).map(|s| s.speaker)
    }

    /// When the open speech's last paragraph ends, if known.
    pub(crate) fn last_end(&self) -> Option<crate::model::Time> {
        let s = self.t.speech(self.open?)?;
        s.times.paragraph_times.last().and_then(|span| span.end)
    }

    /// Closes the open speech: what follows is not part of it.
    pub(crate) fn end_speech(&mut self) {
        self.open = None;
    }

    /// Adds a paragraph to the open speech (whitespace runs become one space; empty text is
    /// dropped). Outside a speech it becomes a narrative paragraph.
    pub(crate) fn paragraph(&mut self, text: &str, span: Span) {
        let text = collapse(text);
        if text.is_empty() {
            return;
        }
        let Some(id) = self.open else {
            self.push(BlockKind::Paragraph { text });
            return;
        };
        let Some(speech) = self.t.speeches.get_mut(id.index()) else {
            return;
        };
        let index = speech.paragraphs.len();
        speech.paragraphs.push(text);
        if !span.is_empty() || !speech.times.paragraph_times.is_empty() {
            speech
                .times
                .paragraph_times
                .resize(index, crate::model::Span::default());
            speech.times.paragraph_times.push(span);
        }
        match self.t.blocks.last_mut() {
            Some(Block {
                kind: BlockKind::Speech { speech, count, .. },
                ..
            }) if *speech == id => *count += 1,
            _ => self.push(BlockKind::Speech {
                speech: id,
                first: index,
                count: 1,
            }),
        }
    }

    /// Joins `text` to the open speech's last paragraph with a space, and widens its span;
    /// a new paragraph when the speech has none yet.
    pub(crate) fn continue_paragraph(&mut self, text: &str, span: Span) {
        let text = collapse(text);
        let last = self
            .open
            .and_then(|id| self.t.speeches.get_mut(id.index()))
            .filter(|s| !s.paragraphs.is_empty());
        let Some(speech) = last else {
            self.paragraph(&text, span);
            return;
        };
        if text.is_empty() {
            return;
        }
        let index = speech.paragraphs.len() - 1;
        if let Some(p) = speech.paragraphs.get_mut(index) {
            p.push(' ');
            p.push_str(&text);
        }
        if !span.is_empty() {
            let times = &mut speech.times.paragraph_times;
            times.resize(index + 1, Span::default());
            if let Some(old) = times.get_mut(index) {
                *old = old.cover(span);
            }
        }
    }

    /// A heading: closes the open speech.
    pub(crate) fn heading(&mut self, text: &str) {
        let text = collapse(text);
        if text.is_empty() {
            return;
        }
        self.open = None;
        self.push(BlockKind::Heading { text });
    }

    /// A stage direction outside any speech, shown in parentheses as the reader shows
    /// notes; closes the open speech.
    pub(crate) fn note(&mut self, text: &str) {
        let text = stage_direction(text);
        if text.is_empty() {
            return;
        }
        self.open = None;
        self.push(BlockKind::Paragraph { text });
    }

    fn push(&mut self, kind: BlockKind) {
        self.t.blocks.push(Block { line: 0, kind });
    }

    /// The transcript: the title first in the flow, each speech's times taken from its
    /// paragraphs (a speech with a start and no end ends when the next one starts), and
    /// each participant's speeches listed.
    pub(crate) fn finish(self) -> Transcript {
        let mut t = self.t;
        if !t.title.is_empty() {
            t.blocks.insert(
                0,
                Block {
                    line: 0,
                    kind: BlockKind::Title {
                        text: t.title.clone(),
                    },
                },
            );
        }
        for speech in &mut t.speeches {
            let times = &mut speech.times;
            if times.paragraph_times.iter().all(Span::is_empty) {
                times.paragraph_times.clear();
            }
            let covered = times
                .paragraph_times
                .iter()
                .fold(times.span(), |all, p| all.cover(*p));
            times.start = covered.start;
            times.end = covered.end;
            if let Some(p) = t.participants.get_mut(speech.speaker.index()) {
                p.appearances.speeches.push(speech.id);
            }
        }
        // Records that only mark when speeches start: each runs until the next begins.
        let starts: Vec<Option<crate::model::Time>> =
            t.speeches.iter().map(|s| s.times.start).collect();
        for (i, speech) in t.speeches.iter_mut().enumerate() {
            let Some(start) = speech.times.start else {
                continue;
            };
            if speech.times.end.is_none() {
                let next = starts.get(i + 1).copied().flatten();
                speech.times.end = next.filter(|n| *n >= start);
            }
        }
        t
    }
}

/// `text` with runs of whitespace made one space, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A stage direction as the reader shows one: in parentheses, unless the source has
/// brackets already. Empty text stays empty.
pub(crate) fn stage_direction(text: &str) -> String {
    let text = collapse(text);
    let bracketed = (text.starts_with('(') && text.ends_with(')'))
        || (text.starts_with('[') && text.ends_with(']'));
    if text.is_empty() || bracketed {
        text
    } else {
        format!("({text})")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Time;

    #[test]
    fn speeches_runs_notes_and_times_make_one_flow() {
        let mut b = Builder::new(" Council  sitting ", "en");
        let ana = b.person("ana", Some("Ana Petrova"), None);
        let again = b.person("ana", None, Some("chair"));
        assert_eq!(ana, again);
        b.speech(ana, "Chair");
        b.paragraph("Good  morning.", Span::new(Time(1000), Time(2000)));
        b.continue_paragraph("Let us begin.", Span::new(Time(2000), Time(3500)));
        b.note("Applause");
        b.paragraph("Outside.", Span::default());
        b.speech(ana, "Chair");
        b.paragraph("Untimed.", Span::default());
        let t = b.finish();
        assert_eq!(t.title, "Council sitting");
        assert_eq!(t.participants[0].role.as_deref(), Some("chair"));
        assert_eq!(t.speeches[0].paragraphs, ["Good morning. Let us begin."]);
        assert_eq!(t.speeches[0].times.start, Some(Time(1000)));
        assert_eq!(t.speeches[0].times.end, Some(Time(3500)));
        assert!(t.speeches[1].times.paragraph_times.is_empty());
        assert_eq!(t.blocks.len(), 5);
        assert!(matches!(&t.blocks[2].kind, BlockKind::Paragraph { text } if text == "(Applause)"));
        assert_eq!(crate::export::check::check_ids(&t), Ok(()));
    }

    #[test]
    fn brackets_already_there_are_kept() {
        assert_eq!(stage_direction("[Laughter]"), "[Laughter]");
        assert_eq!(stage_direction(" (Applause.) "), "(Applause.)");
        assert_eq!(stage_direction("  "), "");
    }
}
