//! A small hand-built transcript for the app's unit tests (no parser involved).

use crate::model::{
    Appearances, Attendee, Block, BlockKind, Mention, Participant, ParticipantId, Photo, PhotoId,
    Speech, SpeechId, TagSection, TextRef, Transcript,
};

fn person(id: u32, name: Option<&str>, role: Option<&str>) -> Participant {
    Participant {
        id: ParticipantId(id),
        name: name.map(str::to_owned),
        role: role.map(str::to_owned),
        aliases: Vec::new(),
        generic: false,
        appearances: Appearances::default(),
    }
}

fn block(kind: BlockKind) -> Block {
    Block { line: 0, kind }
}

fn speech_run(speech: u32, first: usize, count: usize) -> Block {
    block(BlockKind::Speech {
        speech: SpeechId(speech),
        first,
        count,
    })
}

fn photo(id: u32, number: u32, people: &[u32]) -> Photo {
    Photo {
        id: PhotoId(id),
        number,
        of: None,
        caption: format!("Caption of photo {number}"),
        credit: Some("A. Photographer".to_owned()),
        participants: people.iter().map(|p| ParticipantId(*p)).collect(),
        image: None,
    }
}

/// Anna (speeches 0 and 2), Boris (speech 1, interrupted by an elision), a person who is
/// only listed, three photos (one inside Anna's first speech), tags and a link.
pub fn small_transcript() -> Transcript {
    let mut boris = person(1, Some("Boris Orlov"), Some("Minister"));
    boris.aliases = vec!["Minister Boris Orlov".to_owned(), "Orlov".to_owned()];
    let mut anna = person(0, Some("Anna Petrova"), Some("President"));
    anna.appearances.mentions.push(Mention {
        at: TextRef::Speech {
            speech: SpeechId(1),
            paragraph: 0,
        },
        start: 11,
        end: 23,
    });
    Transcript {
        title: "Test summit".to_owned(),
        date: Some("2024-03-14".to_owned()),
        time: Some("11:30".to_owned()),
        place: Some("Varengrad".to_owned()),
        language: "en".to_owned(),
        source_url: Some("https://example.org/a".to_owned()),
        tags: vec![TagSection {
            heading: "Topics".to_owned(),
            values: vec!["Rivers".to_owned()],
        }],
        participants: vec![anna, boris, person(2, Some("Lev Listed"), None)],
        speeches: vec![
            Speech {
                times: crate::model::Timing::default(),
                id: SpeechId(0),
                speaker: ParticipantId(0),
                label: "President Anna Petrova".to_owned(),
                paragraphs: vec!["Welcome, friends.".to_owned(), "Let us begin.".to_owned()],
            },
            Speech {
                times: crate::model::Timing::default(),
                id: SpeechId(1),
                speaker: ParticipantId(1),
                label: "Minister Boris Orlov".to_owned(),
                paragraphs: vec![
                    "Thank you, Anna Petrova, for the invitation.".to_owned(),
                    "Second point.".to_owned(),
                    "After the gap.".to_owned(),
                ],
            },
            Speech {
                times: crate::model::Timing::default(),
                id: SpeechId(2),
                speaker: ParticipantId(0),
                label: "Anna Petrova".to_owned(),
                paragraphs: vec!["Closing words.".to_owned()],
            },
        ],
        photos: vec![photo(0, 1, &[0]), photo(1, 3, &[1]), photo(2, 2, &[])],
        blocks: vec![
            block(BlockKind::Title {
                text: "Test summit".to_owned(),
            }),
            block(BlockKind::Attendees {
                intro: Some("Present:".to_owned()),
                items: vec![
                    Attendee {
                        text: "President Anna Petrova".to_owned(),
                        participant: Some(ParticipantId(0)),
                    },
                    Attendee {
                        text: "Lev Listed".to_owned(),
                        participant: Some(ParticipantId(2)),
                    },
                ],
                outro: None,
            }),
            block(BlockKind::Photo { photo: PhotoId(0) }),
            speech_run(0, 0, 1),
            block(BlockKind::Photo { photo: PhotoId(2) }),
            speech_run(0, 1, 1),
            block(BlockKind::Photo { photo: PhotoId(1) }),
            speech_run(1, 0, 2),
            block(BlockKind::Elision {
                speech: Some(SpeechId(1)),
            }),
            speech_run(1, 2, 1),
            speech_run(2, 0, 1),
            block(BlockKind::Tags { section: 0 }),
            block(BlockKind::Link {
                url: "https://example.org/a".to_owned(),
            }),
        ],
    }
}
