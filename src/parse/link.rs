//! People into place: the person sources found by the block builder are resolved once,
//! their ids put on speeches, photos and list entries, and every participant's appearances
//! filled in. Every id written is a valid index, whatever the resolver returns.

use std::ops::Range;

use foldhash::{HashMap, HashMapExt};

use super::build::{Source, Target};
use super::people::{self, MentionFinder, MentionScratch, PersonSource, Resolution};
use crate::model::{
    Appearances, BlockKind, Mention, Participant, ParticipantId, TextRef, Transcript,
};
use crate::text::fold;

/// Resolves the people `sources` name (see [`people::resolve`]).
pub(crate) fn resolve(sources: &[Source], language: &str) -> Resolution {
    let person_sources: Vec<PersonSource> = sources
        .iter()
        .map(|s| PersonSource {
            kind: s.kind,
            text: &s.text,
        })
        .collect();
    people::resolve(&person_sources, language)
}

/// Links the people `resolution` found in `sources` into `t`.
pub(crate) fn link_people(t: &mut Transcript, sources: &[Source], resolution: Resolution) {
    let mut participants = resolution.participants;
    for (index, p) in participants.iter_mut().enumerate() {
        p.id = ParticipantId::from(index);
        p.appearances = Appearances::default();
    }
    let resolved = participants.len();
    let mut by_label: HashMap<String, ParticipantId> = HashMap::new();

    for (k, source) in sources.iter().enumerate() {
        let mut ids: Vec<ParticipantId> = Vec::new();
        for id in resolution.ids.get(k).into_iter().flatten() {
            if id.index() < resolved && !ids.contains(id) {
                ids.push(*id);
            }
        }
        match source.target {
            Target::Speech { speech, generic } => {
                let id = match ids.first() {
                    Some(id) => *id,
                    None => {
                        fallback_speaker(&mut participants, &mut by_label, &source.text, generic)
                    }
                };
                if let Some(s) = t.speeches.get_mut(speech.index()) {
                    s.speaker = id;
                }
            }
            Target::Photo(photo) => {
                if let Some(p) = t.photos.get_mut(photo.index()) {
                    for id in ids {
                        if !p.participants.contains(&id) {
                            p.participants.push(id);
                        }
                    }
                }
            }
            Target::Attendee { block, item } => {
                if let Some(BlockKind::Attendees { items, .. }) =
                    t.blocks.get_mut(block).map(|b| &mut b.kind)
                    && let Some(entry) = items.get_mut(item)
                {
                    entry.participant = ids.first().copied();
                }
            }
        }
    }

    fill_appearances(t, &mut participants);
    t.participants = participants;
}

/// A speaker the resolver did not place: the participant already standing for this label,
/// or a new one, so that every speech has a valid speaker.
fn fallback_speaker(
    participants: &mut Vec<Participant>,
    by_label: &mut HashMap<String, ParticipantId>,
    label: &str,
    generic: bool,
) -> ParticipantId {
    let key = fold(label);
    if let Some(id) = by_label.get(&key) {
        return *id;
    }
    let existing = participants.iter().find(|p| {
        p.aliases.iter().any(|a| fold(a) == key)
            || p.name.as_deref().is_some_and(|n| fold(n) == key)
    });
    let id = match existing {
        Some(p) => p.id,
        None => {
            let id = ParticipantId::from(participants.len());
            let (name, role) = if generic {
                (None, Some(label.to_owned()))
            } else {
                let split = people::split_role_name(label);
                match (split.name, split.role) {
                    (None, None) => (Some(label.to_owned()), None),
                    (name, role) => (name, role),
                }
            };
            participants.push(Participant {
                id,
                name,
                role,
                aliases: vec![label.to_owned()],
                generic,
                appearances: Appearances::default(),
            });
            id
        }
    };
    by_label.insert(key, id);
    id
}

/// Fills speeches, photos, lists and mentions of every participant.
fn fill_appearances(t: &Transcript, participants: &mut [Participant]) {
    for speech in &t.speeches {
        if let Some(p) = participants.get_mut(speech.speaker.index()) {
            p.appearances.speeches.push(speech.id);
        }
    }
    for photo in &t.photos {
        for id in &photo.participants {
            if let Some(p) = participants.get_mut(id.index()) {
                p.appearances.photos.push(photo.id);
            }
        }
    }
    for (index, block) in t.blocks.iter().enumerate() {
        if let BlockKind::Attendees { items, .. } = &block.kind {
            for id in items.iter().filter_map(|item| item.participant) {
                if let Some(p) = participants.get_mut(id.index())
                    && p.appearances.lists.last() != Some(&index)
                {
                    p.appearances.lists.push(index);
                }
            }
        }
    }

    // One lookup for the whole document: built once, used on every paragraph.
    let finder = MentionFinder::new(participants);
    let known = participants.len();
    // Mentions in speeches come first, then those in narrative paragraphs, each in
    // document order.
    let (mut in_speeches, mut in_narrative) = (Vec::new(), Vec::new());
    // Working memory reused from paragraph to paragraph.
    let mut search = Search::default();
    for (index, block) in t.blocks.iter().enumerate() {
        match &block.kind {
            BlockKind::Speech {
                speech,
                first,
                count,
            } => {
                let Some(s) = t.speeches.get(speech.index()) else {
                    continue;
                };
                let paragraphs = s.paragraphs.iter().enumerate().skip(*first).take(*count);
                for (paragraph, text) in paragraphs {
                    let at = TextRef::Speech {
                        speech: s.id,
                        paragraph,
                    };
                    search.collect(&finder, known, text, at, &mut in_speeches);
                }
            }
            BlockKind::Lead { text }
            | BlockKind::Paragraph { text }
            | BlockKind::Heading { text } => {
                let at = TextRef::Block { block: index };
                search.collect(&finder, known, text, at, &mut in_narrative);
            }
            _ => {}
        }
    }
    for (id, mention) in in_speeches.into_iter().chain(in_narrative) {
        if let Some(p) = participants.get_mut(id.index()) {
            p.appearances.mentions.push(mention);
        }
    }
}

/// What the mention search reuses from one text of the transcript to the next (`'t`: the
/// transcript's lifetime).
#[derive(Default)]
struct Search<'t> {
    scratch: MentionScratch<'t>,
    found: Vec<(ParticipantId, Range<usize>)>,
}

impl<'t> Search<'t> {
    /// Appends the valid mentions in `text` (known participant, non-empty range on char
    /// boundaries) to `out`.
    fn collect(
        &mut self,
        finder: &MentionFinder,
        known: usize,
        text: &'t str,
        at: TextRef,
        out: &mut Vec<(ParticipantId, Mention)>,
    ) {
        finder.find_into(text, &mut self.scratch, &mut self.found);
        for (id, range) in self.found.drain(..) {
            if id.index() < known && range.start < range.end && text.get(range.clone()).is_some() {
                out.push((
                    id,
                    Mention {
                        at,
                        start: range.start,
                        end: range.end,
                    },
                ));
            }
        }
    }
}
