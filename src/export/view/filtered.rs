//! The part of a transcript a filtered reader shows, as a transcript of its own: first
//! what stays (speeches, blocks, photos, people), then the new ids of what stays, then
//! each table rebuilt with those ids.

use super::photo_speeches;
use crate::model::{
    Appearances, Attendee, Block, BlockKind, Mention, Participant, ParticipantId, Photo, PhotoId,
    Speech, SpeechId, TextRef, Transcript,
};

/// The part of `t` a reader filtered to `speakers` shows (everything when empty), with
/// or without the photos, as a transcript of its own with renumbered ids.
pub fn filtered(t: &Transcript, speakers: &[ParticipantId], captions: bool) -> Transcript {
    let keep = Keep::decide(t, speakers, captions);
    let ids = NewIds::of(&keep);
    Transcript {
        title: t.title.clone(),
        date: t.date.clone(),
        time: t.time.clone(),
        place: t.place.clone(),
        language: t.language.clone(),
        source_url: t.source_url.clone(),
        tags: t.tags.clone(),
        participants: participants(t, &keep, &ids),
        speeches: speeches(t, &ids),
        photos: photos(t, &ids),
        blocks: blocks(t, &keep, &ids),
    }
}

/// What stays, per speech, block, photo and person (by position).
struct Keep {
    speech: Vec<bool>,
    block: Vec<bool>,
    photo: Vec<bool>,
    person: Vec<bool>,
}

impl Keep {
    /// Speeches first, the blocks that show them, the photos of the blocks kept, then
    /// the people something kept names.
    fn decide(t: &Transcript, speakers: &[ParticipantId], captions: bool) -> Self {
        let all = speakers.is_empty();
        let speech: Vec<bool> = t
            .speeches
            .iter()
            .map(|s| all || speakers.contains(&s.speaker))
            .collect();
        let block = kept_blocks(t, &speech, all, captions);
        let mut photo = vec![all && captions; t.photos.len()];
        for (b, block_at) in t.blocks.iter().enumerate() {
            if let BlockKind::Photo { photo: id } = block_at.kind
                && block.get(b).copied().unwrap_or(false)
                && let Some(slot) = photo.get_mut(id.index())
            {
                *slot = true;
            }
        }
        let mut keep = Self {
            speech,
            block,
            photo,
            person: Vec::new(),
        };
        keep.person = keep.named_people(t);
        keep
    }

    fn speech(&self, s: usize) -> bool {
        self.speech.get(s).copied().unwrap_or(false)
    }

    fn block(&self, b: usize) -> bool {
        self.block.get(b).copied().unwrap_or(false)
    }

    /// Whether the text at `at` stays (its speech, or its block).
    fn text(&self, at: TextRef) -> bool {
        match at {
            TextRef::Speech { speech, .. } => self.speech(speech.index()),
            TextRef::Block { block } => self.block(block),
        }
    }

    /// People stay when something kept names them: a speech they gave, a photo they are
    /// in, a list they are on, or a paragraph that mentions them.
    fn named_people(&self, t: &Transcript) -> Vec<bool> {
        let mut keep = vec![false; t.participants.len()];
        let mut mark = |p: ParticipantId| {
            if let Some(slot) = keep.get_mut(p.index()) {
                *slot = true;
            }
        };
        for (s, speech) in t.speeches.iter().enumerate() {
            if self.speech(s) {
                mark(speech.speaker);
            }
        }
        for (ph, photo) in t.photos.iter().enumerate() {
            if self.photo.get(ph).copied().unwrap_or(false) {
                photo.participants.iter().copied().for_each(&mut mark);
            }
        }
        for (b, block) in t.blocks.iter().enumerate() {
            if let BlockKind::Attendees { items, .. } = &block.kind
                && self.block(b)
            {
                items
                    .iter()
                    .filter_map(|a| a.participant)
                    .for_each(&mut mark);
            }
        }
        for p in &t.participants {
            if p.appearances.mentions.iter().any(|m| self.text(m.at)) {
                mark(p.id);
            }
        }
        keep
    }
}

/// Which blocks stay: the document's furniture always; narrative, lists and separators
/// only unfiltered; speeches and their elisions with their speech; photos when captions
/// are on and (filtered) when they stand inside a kept speech.
fn kept_blocks(t: &Transcript, keep_speech: &[bool], all: bool, captions: bool) -> Vec<bool> {
    let kept = |s: SpeechId| keep_speech.get(s.index()).copied().unwrap_or(false);
    let inside = photo_speeches(t);
    t.blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Title { .. }
            | BlockKind::Dateline { .. }
            | BlockKind::Tags { .. }
            | BlockKind::Link { .. } => true,
            BlockKind::Lead { .. }
            | BlockKind::Paragraph { .. }
            | BlockKind::Heading { .. }
            | BlockKind::Attendees { .. }
            | BlockKind::Separator
            | BlockKind::Elision { speech: None } => all,
            BlockKind::Speech { speech, .. }
            | BlockKind::Elision {
                speech: Some(speech),
            } => kept(*speech),
            BlockKind::Photo { photo } => {
                captions
                    && (all
                        || inside
                            .get(photo.index())
                            .copied()
                            .flatten()
                            .is_some_and(kept))
            }
        })
        .collect()
}

/// Old position → new id, for everything that stays.
struct NewIds {
    speech: Vec<Option<usize>>,
    photo: Vec<Option<usize>>,
    block: Vec<Option<usize>>,
    person: Vec<Option<usize>>,
}

impl NewIds {
    fn of(keep: &Keep) -> Self {
        Self {
            speech: renumber(&keep.speech),
            photo: renumber(&keep.photo),
            block: renumber(&keep.block),
            person: renumber(&keep.person),
        }
    }

    fn speech(&self, s: usize) -> Option<SpeechId> {
        map(&self.speech, s).map(SpeechId::from)
    }

    fn photo(&self, ph: usize) -> Option<PhotoId> {
        map(&self.photo, ph).map(PhotoId::from)
    }

    fn block(&self, b: usize) -> Option<usize> {
        map(&self.block, b)
    }

    fn person(&self, p: ParticipantId) -> Option<ParticipantId> {
        map(&self.person, p.index()).map(ParticipantId::from)
    }

    fn text(&self, at: TextRef) -> Option<TextRef> {
        match at {
            TextRef::Speech { speech, paragraph } => Some(TextRef::Speech {
                speech: self.speech(speech.index())?,
                paragraph,
            }),
            TextRef::Block { block } => Some(TextRef::Block {
                block: self.block(block)?,
            }),
        }
    }
}

/// The people kept, with their appearances narrowed to what stays.
fn participants(t: &Transcript, keep: &Keep, ids: &NewIds) -> Vec<Participant> {
    t.participants
        .iter()
        .filter(|p| keep.person.get(p.id.index()).copied().unwrap_or(false))
        .filter_map(|p| {
            let a = &p.appearances;
            Some(Participant {
                id: ids.person(p.id)?,
                appearances: Appearances {
                    speeches: a
                        .speeches
                        .iter()
                        .filter_map(|s| ids.speech(s.index()))
                        .collect(),
                    photos: a
                        .photos
                        .iter()
                        .filter_map(|ph| ids.photo(ph.index()))
                        .collect(),
                    lists: a.lists.iter().filter_map(|b| ids.block(*b)).collect(),
                    mentions: a
                        .mentions
                        .iter()
                        .filter_map(|m| {
                            Some(Mention {
                                at: ids.text(m.at)?,
                                ..m.clone()
                            })
                        })
                        .collect(),
                },
                ..p.clone()
            })
        })
        .collect()
}

/// The speeches kept, renumbered.
fn speeches(t: &Transcript, ids: &NewIds) -> Vec<Speech> {
    t.speeches
        .iter()
        .enumerate()
        .filter_map(|(s, speech)| {
            Some(Speech {
                id: ids.speech(s)?,
                speaker: ids.person(speech.speaker)?,
                ..speech.clone()
            })
        })
        .collect()
}

/// The photos kept, renumbered, with the people kept.
fn photos(t: &Transcript, ids: &NewIds) -> Vec<Photo> {
    t.photos
        .iter()
        .enumerate()
        .filter_map(|(ph, photo)| {
            Some(Photo {
                id: ids.photo(ph)?,
                participants: photo
                    .participants
                    .iter()
                    .filter_map(|p| ids.person(*p))
                    .collect(),
                ..photo.clone()
            })
        })
        .collect()
}

/// The blocks kept, pointing at the new ids.
fn blocks(t: &Transcript, keep: &Keep, ids: &NewIds) -> Vec<Block> {
    t.blocks
        .iter()
        .enumerate()
        .filter(|(b, _)| keep.block(*b))
        .filter_map(|(_, block)| {
            Some(Block {
                line: block.line,
                kind: block_kind(&block.kind, ids)?,
            })
        })
        .collect()
}

/// `kind` with its speech, photo and people ids replaced by the new ones.
fn block_kind(kind: &BlockKind, ids: &NewIds) -> Option<BlockKind> {
    Some(match kind {
        BlockKind::Speech {
            speech,
            first,
            count,
        } => BlockKind::Speech {
            speech: ids.speech(speech.index())?,
            first: *first,
            count: *count,
        },
        BlockKind::Elision {
            speech: Some(speech),
        } => BlockKind::Elision {
            speech: Some(ids.speech(speech.index())?),
        },
        BlockKind::Photo { photo } => BlockKind::Photo {
            photo: ids.photo(photo.index())?,
        },
        BlockKind::Attendees {
            intro,
            items,
            outro,
        } => BlockKind::Attendees {
            intro: intro.clone(),
            items: items
                .iter()
                .map(|a| Attendee {
                    text: a.text.clone(),
                    participant: a.participant.and_then(|p| ids.person(p)),
                })
                .collect(),
            outro: outro.clone(),
        },
        other => other.clone(),
    })
}

/// Per kept flag: the new position of each kept item.
fn renumber(keep: &[bool]) -> Vec<Option<usize>> {
    let mut next = 0;
    keep.iter()
        .map(|k| {
            k.then(|| {
                next += 1;
                next - 1
            })
        })
        .collect()
}

/// The new position of the item at `old`, if it stays.
fn map(table: &[Option<usize>], old: usize) -> Option<usize> {
    table.get(old).copied().flatten()
}
