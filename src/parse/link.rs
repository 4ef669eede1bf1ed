//! People into place: the person sources found by the block builder are resolved once,
//! their ids put on speeches, photos and list entries, and every participant's appearances
//! filled in. Every id written is a valid index, whatever the resolver returns.

use foldhash::{HashMap, HashMapExt};

use super::build::{Source, Target};
use super::parallel;
use super::people::{self, MentionFinder, PersonSource, Resolution, Resolving};
use crate::model::{
    Appearances, BlockKind, Mention, Participant, ParticipantId, TextRef, Transcript,
};
use crate::text::fold;

/// Resolves the people of batches of sources as they come, in order (see [`build::build`]);
/// gives the batches back, with the people their sources name.
///
/// [`build::build`]: super::build::build
pub(crate) fn resolve_batches(
    batches: impl IntoIterator<Item = Vec<Source>>,
) -> (Vec<Vec<Source>>, Resolution) {
    let mut resolving = Resolving::default();
    let mut all: Vec<Vec<Source>> = Vec::new();
    for batch in batches {
        let person_sources: Vec<PersonSource> = batch
            .iter()
            .map(|s| PersonSource {
                kind: s.kind,
                text: &s.text,
            })
            .collect();
        resolving.add(&person_sources);
        all.push(batch);
    }
    (all, resolving.finish())
}

/// Links the people `resolution` found in `sources` (batches, in order) into `t`.
pub(crate) fn link_people(t: &mut Transcript, sources: &[Vec<Source>], resolution: Resolution) {
    let mut participants = resolution.participants;
    for (index, p) in participants.iter_mut().enumerate() {
        p.id = ParticipantId::from(index);
        p.appearances = Appearances::default();
    }
    let resolved = participants.len();
    let mut by_label: HashMap<String, ParticipantId> = HashMap::new();

    for (k, source) in sources.iter().flatten().enumerate() {
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
    let mut texts: Vec<(&str, TextRef)> = Vec::new();
    for speech in &t.speeches {
        for (paragraph, text) in speech.paragraphs.iter().enumerate() {
            let at = TextRef::Speech {
                speech: speech.id,
                paragraph,
            };
            texts.push((text, at));
        }
    }
    for (block, b) in t.blocks.iter().enumerate() {
        if let BlockKind::Lead { text }
        | BlockKind::Paragraph { text }
        | BlockKind::Heading { text } = &b.kind
        {
            texts.push((text, TextRef::Block { block }));
        }
    }
    let known = participants.len();
    let bytes = texts.iter().map(|(text, _)| text.len()).sum();
    // Every word of every speech is read: on a long transcript this is the largest stage.
    let found = parallel::map_in_order(&chunks(&texts, parallel::threads_for(bytes)), |chunk| {
        let mut out = Vec::new();
        for (text, at) in *chunk {
            collect_mentions(&finder, known, text, *at, &mut out);
        }
        out
    });
    let mentions = found.into_iter().flatten();
    for (id, mention) in mentions {
        if let Some(p) = participants.get_mut(id.index()) {
            p.appearances.mentions.push(mention);
        }
    }
}

/// `texts` cut into `threads` runs of consecutive entries with about as much text each
/// (fewer when there are fewer entries), cut between paragraphs.
fn chunks<'t, 's>(
    texts: &'t [(&'s str, TextRef)],
    threads: usize,
) -> Vec<&'t [(&'s str, TextRef)]> {
    let total: usize = texts.iter().map(|(text, _)| text.len()).sum();
    let share = total.div_ceil(threads.max(1));
    let mut chunks = Vec::with_capacity(threads);
    let (mut start, mut bytes) = (0, 0);
    for (i, (text, _)) in texts.iter().enumerate() {
        bytes += text.len();
        if bytes >= share && chunks.len() + 1 < threads {
            chunks.push(texts.get(start..=i).unwrap_or_default());
            (start, bytes) = (i + 1, 0);
        }
    }
    chunks.push(texts.get(start..).unwrap_or_default());
    chunks
}

/// The valid mentions in `text` (known participant, non-empty range on char boundaries).
fn collect_mentions(
    finder: &MentionFinder,
    known: usize,
    text: &str,
    at: TextRef,
    out: &mut Vec<(ParticipantId, Mention)>,
) {
    for (id, range) in finder.find(text) {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(lengths: &[usize]) -> Vec<(String, TextRef)> {
        lengths
            .iter()
            .enumerate()
            .map(|(block, &len)| ("x".repeat(len), TextRef::Block { block }))
            .collect()
    }

    #[test]
    fn chunks_cover_every_text_once_in_order() {
        for lengths in [
            vec![],
            vec![5],
            vec![1, 1, 1],
            vec![100, 1, 1, 1, 100],
            vec![3; 17],
        ] {
            let owned = refs(&lengths);
            let texts: Vec<(&str, TextRef)> = owned.iter().map(|(t, r)| (t.as_str(), *r)).collect();
            for threads in 1..6 {
                let parts = chunks(&texts, threads);
                assert!(parts.len() <= threads.max(1));
                let joined: Vec<_> = parts.concat();
                assert_eq!(joined, texts, "{lengths:?} on {threads} threads");
            }
        }
    }

    #[test]
    fn chunks_share_the_text_evenly() {
        let owned = refs(&[10; 100]);
        let texts: Vec<(&str, TextRef)> = owned.iter().map(|(t, r)| (t.as_str(), *r)).collect();
        let sizes: Vec<usize> = chunks(&texts, 4).iter().map(|c| c.len()).collect();
        assert_eq!(sizes, vec![25, 25, 25, 25]);
    }
}
