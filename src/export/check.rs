//! Consistency of a transcript read from JSON: every id points at something that exists,
//! every range fits its text. A file that fails here is refused with a message that says
//! which part is wrong, so that no panel ever follows a dangling id.

use crate::model::{Block, BlockKind, ParticipantId, PhotoId, SpeechId, TextRef, Transcript};

/// Checks that the parts of `transcript` fit together. The message names the JSON path of
/// the first part that does not (`speeches[2].speaker is 9, but there are 4 participants`).
pub fn check_ids(transcript: &Transcript) -> Result<(), String> {
    let counts = Counts::of(transcript);
    for (i, participant) in transcript.participants.iter().enumerate() {
        same_position("participants", i, participant.id.index())?;
        let at = format!("participants[{i}].appearances");
        for speech in &participant.appearances.speeches {
            counts.speech(&format!("{at}.speeches"), *speech)?;
        }
        for photo in &participant.appearances.photos {
            counts.photo(&format!("{at}.photos"), *photo)?;
        }
        for block in &participant.appearances.lists {
            counts.block(&format!("{at}.lists"), *block)?;
        }
        for (j, mention) in participant.appearances.mentions.iter().enumerate() {
            let at = format!("{at}.mentions[{j}]");
            check_range(transcript, &at, mention.at, mention.start, mention.end)?;
        }
    }
    for (i, speech) in transcript.speeches.iter().enumerate() {
        same_position("speeches", i, speech.id.index())?;
        counts.participant(&format!("speeches[{i}].speaker"), speech.speaker)?;
        let (timed, paragraphs) = (speech.times.paragraph_times.len(), speech.paragraphs.len());
        if timed > paragraphs {
            return Err(format!(
                "speeches[{i}].paragraph_times has {timed} entries, but the speech has \
                 {paragraphs} paragraphs"
            ));
        }
    }
    for (i, photo) in transcript.photos.iter().enumerate() {
        same_position("photos", i, photo.id.index())?;
        for id in &photo.participants {
            counts.participant(&format!("photos[{i}].participants"), *id)?;
        }
    }
    for (i, block) in transcript.blocks.iter().enumerate() {
        check_block(transcript, &counts, i, block)?;
    }
    Ok(())
}

/// How many of each thing there are.
struct Counts {
    participants: usize,
    speeches: usize,
    photos: usize,
    blocks: usize,
    tags: usize,
}

impl Counts {
    fn of(t: &Transcript) -> Self {
        Self {
            participants: t.participants.len(),
            speeches: t.speeches.len(),
            photos: t.photos.len(),
            blocks: t.blocks.len(),
            tags: t.tags.len(),
        }
    }

    fn participant(&self, at: &str, id: ParticipantId) -> Result<(), String> {
        in_range(at, id.index(), self.participants, "participants")
    }

    fn speech(&self, at: &str, id: SpeechId) -> Result<(), String> {
        in_range(at, id.index(), self.speeches, "speeches")
    }

    fn photo(&self, at: &str, id: PhotoId) -> Result<(), String> {
        in_range(at, id.index(), self.photos, "photos")
    }

    fn block(&self, at: &str, index: usize) -> Result<(), String> {
        in_range(at, index, self.blocks, "blocks")
    }
}

fn in_range(at: &str, index: usize, len: usize, what: &str) -> Result<(), String> {
    if index < len {
        Ok(())
    } else {
        Err(format!("{at} is {index}, but there are only {len} {what}"))
    }
}

/// Ids are positions: the parser assigns them so, and every panel looks them up so.
fn same_position(list: &str, position: usize, id: usize) -> Result<(), String> {
    if position == id {
        Ok(())
    } else {
        Err(format!(
            "{list}[{position}].id is {id}; ids must equal the position in the list"
        ))
    }
}

fn check_block(t: &Transcript, counts: &Counts, i: usize, block: &Block) -> Result<(), String> {
    let at = format!("blocks[{i}]");
    match &block.kind {
        BlockKind::Photo { photo } => counts.photo(&format!("{at}.photo"), *photo),
        BlockKind::Speech {
            speech,
            first,
            count,
        } => {
            counts.speech(&format!("{at}.speech"), *speech)?;
            let paragraphs = t.speech(*speech).map_or(0, |s| s.paragraphs.len());
            match first.checked_add(*count) {
                Some(end) if end <= paragraphs => Ok(()),
                _ => Err(format!(
                    "{at} covers paragraphs {first}..{first}+{count} of speech {}, which has {paragraphs}",
                    speech.index()
                )),
            }
        }
        BlockKind::Elision {
            speech: Some(speech),
        } => counts.speech(&format!("{at}.speech"), *speech),
        BlockKind::Tags { section } => in_range(
            &format!("{at}.section"),
            *section,
            counts.tags,
            "tag sections",
        ),
        BlockKind::Attendees { items, .. } => {
            for (j, item) in items.iter().enumerate() {
                if let Some(id) = item.participant {
                    counts.participant(&format!("{at}.items[{j}].participant"), id)?;
                }
            }
            Ok(())
        }
        BlockKind::Title { .. }
        | BlockKind::Dateline { .. }
        | BlockKind::Lead { .. }
        | BlockKind::Heading { .. }
        | BlockKind::Paragraph { .. }
        | BlockKind::Elision { speech: None }
        | BlockKind::Separator
        | BlockKind::Link { .. } => Ok(()),
    }
}

/// A mention's byte range must lie inside its text, on character boundaries, so that
/// slicing it for highlighting can never panic.
fn check_range(
    t: &Transcript,
    at: &str,
    text: TextRef,
    start: usize,
    end: usize,
) -> Result<(), String> {
    let target: Option<&str> = match text {
        TextRef::Speech { speech, paragraph } => {
            let speech_text = t.speech(speech).ok_or_else(|| {
                format!(
                    "{at}.at.speech is {}, but there are only {} speeches",
                    speech.index(),
                    t.speeches.len()
                )
            })?;
            let paragraph_text = speech_text.paragraphs.get(paragraph).ok_or_else(|| {
                format!(
                    "{at}.at.paragraph is {paragraph}, but speech {} has {} paragraphs",
                    speech.index(),
                    speech_text.paragraphs.len()
                )
            })?;
            Some(paragraph_text)
        }
        TextRef::Block { block } => {
            let found = t.blocks.get(block).ok_or_else(|| {
                format!(
                    "{at}.at.block is {block}, but there are only {} blocks",
                    t.blocks.len()
                )
            })?;
            block_text(found)
        }
    };
    let fits = start <= end
        && target
            .is_none_or(|s| end <= s.len() && s.is_char_boundary(start) && s.is_char_boundary(end));
    if fits {
        Ok(())
    } else {
        Err(format!(
            "{at} has the byte range {start}..{end}, which does not fit its text"
        ))
    }
}

/// The single text of a narrative block, if it has one.
fn block_text(block: &Block) -> Option<&str> {
    match &block.kind {
        BlockKind::Title { text }
        | BlockKind::Dateline { text }
        | BlockKind::Lead { text }
        | BlockKind::Heading { text }
        | BlockKind::Paragraph { text } => Some(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Appearances, Mention, Participant, Speech};

    fn sample() -> Transcript {
        Transcript {
            title: "T".into(),
            language: "en".into(),
            participants: vec![Participant {
                id: ParticipantId(0),
                name: Some("Ann Lee".into()),
                role: None,
                aliases: vec![],
                generic: false,
                appearances: Appearances {
                    speeches: vec![SpeechId(0)],
                    mentions: vec![Mention {
                        at: TextRef::Speech {
                            speech: SpeechId(0),
                            paragraph: 0,
                        },
                        start: 0,
                        end: 4,
                    }],
                    ..Appearances::default()
                },
            }],
            speeches: vec![Speech {
                times: crate::model::Timing::default(),
                id: SpeechId(0),
                speaker: ParticipantId(0),
                label: "Ann Lee".into(),
                paragraphs: vec!["Élan vital.".into()],
            }],
            blocks: vec![Block {
                line: 1,
                kind: BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 0,
                    count: 1,
                },
            }],
            ..Transcript::default()
        }
    }

    #[test]
    fn a_consistent_transcript_passes() {
        assert_eq!(check_ids(&sample()), Ok(()));
    }

    #[test]
    fn a_dangling_speaker_is_named() {
        let mut t = sample();
        if let Some(s) = t.speeches.first_mut() {
            s.speaker = ParticipantId(7);
        }
        assert_eq!(
            check_ids(&t),
            Err("speeches[0].speaker is 7, but there are only 1 participants".to_owned())
        );
    }

    #[test]
    fn a_run_past_the_paragraphs_is_refused() {
        let mut t = sample();
        if let Some(b) = t.blocks.first_mut() {
            b.kind = BlockKind::Speech {
                speech: SpeechId(0),
                first: usize::MAX,
                count: 2,
            };
        }
        assert_eq!(
            check_ids(&t),
            Err(
                "blocks[0] covers paragraphs 18446744073709551615..18446744073709551615+2 of \
                 speech 0, which has 1"
                    .to_owned()
            )
        );
    }

    #[test]
    fn a_mention_inside_a_character_is_refused() {
        let mut t = sample();
        if let Some(m) = t
            .participants
            .first_mut()
            .and_then(|p| p.appearances.mentions.first_mut())
        {
            m.end = 1; // inside "É"
        }
        assert_eq!(
            check_ids(&t),
            Err(
                "participants[0].appearances.mentions[0] has the byte range 0..1, which does not \
                 fit its text"
                    .to_owned()
            )
        );
    }
}
