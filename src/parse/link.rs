//! People into place: the person sources found by the block builder are resolved once,
//! their ids put on speeches, photos and list entries, and every participant's appearances
//! filled in. Every id written is a valid index, whatever the resolver returns.

use std::ops::Range;

use foldhash::{HashMap, HashMapExt};

use super::build::{Source, Target};
use super::parallel;
use super::people::{self, MentionFinder, PersonSource, Resolution, Resolving};
use crate::model::{
    Appearances, Block, BlockKind, Mention, Participant, ParticipantId, TextRef, Transcript,
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
/// `threads`: how many threads the mention search may take.
pub(crate) fn link_people(
    t: &mut Transcript,
    sources: &[Vec<Source>],
    resolution: Resolution,
    threads: usize,
) {
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

    fill_appearances(t, &mut participants, threads);
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
fn fill_appearances(t: &Transcript, participants: &mut [Participant], threads: usize) {
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
    // Every word of every speech is read: on a long transcript this is the largest stage.
    // Each thread reads a run of blocks (a speech's paragraphs through its runs), and gives
    // the mentions in speeches apart from those in narrative paragraphs, which come after.
    let found = parallel::map_in_order(&block_runs(&t.blocks, threads), |run| {
        let (mut in_speeches, mut in_narrative) = (Vec::new(), Vec::new());
        // Working memory reused from paragraph to paragraph.
        let mut search = Search::default();
        for (index, block) in t
            .blocks
            .get(run.clone())
            .unwrap_or_default()
            .iter()
            .enumerate()
        {
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
                    let at = TextRef::Block {
                        block: run.start + index,
                    };
                    search.collect(&finder, known, text, at, &mut in_narrative);
                }
                _ => {}
            }
        }
        (in_speeches, in_narrative)
    });
    let (in_speeches, in_narrative): (Vec<_>, Vec<_>) = found.into_iter().unzip();
    let mentions = in_speeches.into_iter().chain(in_narrative).flatten();
    for (id, mention) in mentions {
        if let Some(p) = participants.get_mut(id.index()) {
            p.appearances.mentions.push(mention);
        }
    }
}

/// `blocks` cut into `threads` runs of consecutive blocks (fewer when there are fewer
/// blocks) that start about as far apart in the source, so that each holds about as much
/// text. Every speech's paragraphs lie in its runs of blocks, in order.
fn block_runs(blocks: &[Block], threads: usize) -> Vec<Range<usize>> {
    let threads = threads.max(1);
    let last_line = blocks.last().map_or(0, |b| b.line);
    let mut runs = Vec::with_capacity(threads);
    let mut start = 0;
    for k in 1..threads {
        let cut_line = last_line / threads * k;
        let rest = blocks.get(start..).unwrap_or_default();
        let cut = start + rest.partition_point(|b| b.line < cut_line);
        if cut > start {
            runs.push(start..cut);
            start = cut;
        }
    }
    runs.push(start..blocks.len());
    runs
}

/// What the mention search on one thread reuses from one text of the transcript to the
/// next (`'t`: the transcript's lifetime).
#[derive(Default)]
struct Search<'t> {
    scratch: people::MentionScratch<'t>,
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

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks_at(lines: &[usize]) -> Vec<Block> {
        lines
            .iter()
            .map(|&line| Block {
                line,
                kind: BlockKind::Separator,
            })
            .collect()
    }

    #[test]
    fn block_runs_cover_every_block_once_in_order() {
        for lines in [
            vec![],
            vec![5],
            vec![1, 1, 1],
            vec![1, 2, 3, 400, 401],
            (1..18).collect(),
            vec![0, 0, 7, 3, 9],
        ] {
            let blocks = blocks_at(&lines);
            for threads in 0..6 {
                let runs = block_runs(&blocks, threads);
                assert!(runs.len() <= threads.max(1));
                let all: Vec<usize> = runs.into_iter().flatten().collect();
                assert_eq!(
                    all,
                    (0..blocks.len()).collect::<Vec<_>>(),
                    "{lines:?} on {threads}"
                );
            }
        }
    }

    #[test]
    fn block_runs_share_the_source_evenly() {
        let blocks = blocks_at(&(1..=100).collect::<Vec<_>>());
        let sizes: Vec<usize> = block_runs(&blocks, 4).iter().map(|r| r.len()).collect();
        assert_eq!(sizes, vec![24, 25, 25, 26]);
    }
}
