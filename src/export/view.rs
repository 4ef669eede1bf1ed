//! Exporting what the reader shows: the speeches of some people (or all), with or
//! without the photo captions, as Markdown, plain text or Stenogram JSON.
//!
//! A filtered export keeps what a filtered reader shows: the chosen people's speeches, the
//! photos and elisions that stand inside them, and the document's title, dateline, tags
//! and source link. The result is a transcript of its own: ids are renumbered so that the
//! JSON reads back like any other Stenogram file.

mod filtered;

pub use filtered::filtered;

use crate::format::noun;
use crate::model::{BlockKind, Participant, ParticipantId, SpeechId, Transcript};
use crate::text::fold;

/// The output format.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Format {
    /// A readable Markdown document.
    #[default]
    Markdown,
    /// Plain text.
    Text,
    /// Stenogram JSON.
    Json,
}

impl Format {
    /// Every format, in menu order, with its label.
    pub const ALL: [(Format, &'static str); 3] = [
        (Format::Markdown, "Markdown"),
        (Format::Text, "Plain text"),
        (Format::Json, "JSON"),
    ];

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Text => "txt",
            Format::Json => "json",
        }
    }
}

/// What to export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportOptions {
    /// Keep only these people's speeches; empty keeps everything.
    pub speakers: Vec<ParticipantId>,
    /// Keep the photo captions.
    pub captions: bool,
    /// The output format.
    pub format: Format,
}

impl Default for ExportOptions {
    fn default() -> Self {
        Self {
            speakers: Vec::new(),
            captions: true,
            format: Format::Markdown,
        }
    }
}

/// The export of `t` as `options` ask, as text ready to be written to a file.
pub fn export(t: &Transcript, options: &ExportOptions) -> String {
    let whole = options.speakers.is_empty() && options.captions;
    let subset;
    let doc = if whole {
        t
    } else {
        subset = filtered(t, &options.speakers, options.captions);
        &subset
    };
    let note = excerpt_note(t, &options.speakers);
    let mut out = match options.format {
        Format::Markdown => super::markdown::to_markdown_with_note(doc, note.as_deref()),
        Format::Text => super::text::to_text_with_note(doc, note.as_deref()),
        Format::Json => super::json::to_json(doc),
    };
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// The speeches `speakers` give (all when empty).
pub fn speech_count(t: &Transcript, speakers: &[ParticipantId]) -> usize {
    if speakers.is_empty() {
        t.speeches.len()
    } else {
        t.speeches
            .iter()
            .filter(|s| speakers.contains(&s.speaker))
            .count()
    }
}

/// What an export of `speakers` holds, for the user: "All 6 speeches", or "1 of 6
/// speeches — filtered to Nurlan Bekov".
pub fn summary(t: &Transcript, speakers: &[ParticipantId]) -> String {
    let total = t.speeches.len();
    let speeches = |n: usize| noun(n, "speech", "speeches");
    if speakers.is_empty() {
        return match total {
            1 => "The one speech".to_owned(),
            n => format!("All {n} {}", speeches(n)),
        };
    }
    format!(
        "{} of {total} {} — filtered to {}",
        speech_count(t, speakers),
        speeches(total),
        names(t, speakers)
    )
}

/// The line a filtered export carries under its title, so that nobody mistakes an
/// excerpt for the whole event.
fn excerpt_note(t: &Transcript, speakers: &[ParticipantId]) -> Option<String> {
    if speakers.is_empty() {
        return None;
    }
    Some(format!(
        "Excerpt: the speeches of {} ({} of {} speeches).",
        names(t, speakers),
        speech_count(t, speakers),
        t.speeches.len()
    ))
}

fn names(t: &Transcript, people: &[ParticipantId]) -> String {
    let names: Vec<&str> = people
        .iter()
        .filter_map(|p| t.participant(*p))
        .map(Participant::display_name)
        .collect();
    match names.as_slice() {
        [] => "nobody".to_owned(),
        [one] => (*one).to_owned(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// Why a name given on the command line chooses nobody.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameError {
    /// No participant has this name, alias or role.
    NoMatch,
    /// Several people partly match; their names, to pick from.
    Ambiguous(Vec<String>),
    /// The people it names never speak.
    Silent(String),
}

/// A participant's name and aliases, folded: what a typed name is compared with.
pub(crate) fn spellings(p: &Participant) -> Vec<String> {
    p.name
        .iter()
        .chain(p.aliases.iter())
        .map(|s| fold(s.trim()))
        .collect()
}

/// The participants whose name, alias or role equals `wanted` (already folded).
pub(crate) fn exact_matches<'t>(t: &'t Transcript, wanted: &str) -> Vec<&'t Participant> {
    t.participants
        .iter()
        .filter(|p| {
            spellings(p).iter().any(|s| s == wanted)
                || p.role.as_deref().is_some_and(|r| fold(r.trim()) == wanted)
        })
        .collect()
}

/// The speakers `name` stands for: participants whose name, alias or role equals it
/// (case and accents aside), else the one participant whose name or alias contains it.
/// Only people who speak are returned.
pub fn find_speakers(t: &Transcript, name: &str) -> Result<Vec<ParticipantId>, NameError> {
    let wanted = fold(name.trim());
    if wanted.is_empty() {
        return Err(NameError::NoMatch);
    }
    let exact = exact_matches(t, &wanted);
    let found = if exact.is_empty() {
        let partial: Vec<&Participant> = t
            .participants
            .iter()
            .filter(|p| spellings(p).iter().any(|s| s.contains(&wanted)))
            .collect();
        if partial.len() > 1 {
            let speaking: Vec<&Participant> = partial
                .iter()
                .copied()
                .filter(|p| speaks(t, p.id))
                .collect();
            if speaking.len() != 1 {
                let shown = if speaking.is_empty() {
                    &partial
                } else {
                    &speaking
                };
                return Err(NameError::Ambiguous(
                    shown.iter().map(|p| p.display_name().to_owned()).collect(),
                ));
            }
            speaking
        } else {
            partial
        }
    } else {
        exact
    };
    let Some(first) = found.first() else {
        return Err(NameError::NoMatch);
    };
    let speakers: Vec<ParticipantId> = found
        .iter()
        .map(|p| p.id)
        .filter(|id| speaks(t, *id))
        .collect();
    if speakers.is_empty() {
        return Err(NameError::Silent(first.display_name().to_owned()));
    }
    Ok(speakers)
}

fn speaks(t: &Transcript, p: ParticipantId) -> bool {
    t.speeches.iter().any(|s| s.speaker == p)
}

/// Per photo: the speech it stands inside, when the nearest text before and after it
/// belongs to that one speech (a speech interrupted by a photo). The reader's filter
/// shows such photos with the speech; so does a filtered export.
pub fn photo_speeches(t: &Transcript) -> Vec<Option<SpeechId>> {
    let speech_of = |kind: &BlockKind| match kind {
        BlockKind::Speech { speech, .. } => Some(Some(*speech)),
        BlockKind::Elision { speech } => Some(*speech),
        BlockKind::Photo { .. } => None,
        _ => Some(None),
    };
    let mut before = Vec::with_capacity(t.blocks.len());
    let mut current = None;
    for block in &t.blocks {
        before.push(current);
        if let Some(s) = speech_of(&block.kind) {
            current = s;
        }
    }
    let mut out = vec![None; t.photos.len()];
    current = None;
    for (block, before) in t.blocks.iter().zip(before).rev() {
        if let BlockKind::Photo { photo } = block.kind
            && let (Some(a), Some(b)) = (before, current)
            && a == b
            && let Some(slot) = out.get_mut(photo.index())
        {
            *slot = Some(a);
        }
        if let Some(s) = speech_of(&block.kind) {
            current = s;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::check::check_ids;
    use crate::model::{
        Appearances, Attendee, Block, Mention, Photo, PhotoId, Speech, TagSection, TextRef,
    };

    fn person(id: u32, name: Option<&str>, role: Option<&str>) -> Participant {
        Participant {
            id: ParticipantId(id),
            name: name.map(str::to_owned),
            role: role.map(str::to_owned),
            aliases: vec![],
            generic: false,
            appearances: Appearances::default(),
        }
    }

    fn speech(id: u32, speaker: u32, paragraphs: &[&str]) -> Speech {
        Speech {
            times: crate::model::Timing::default(),
            id: SpeechId(id),
            speaker: ParticipantId(speaker),
            label: String::new(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        }
    }

    fn photo(id: u32, number: u32, caption: &str, people: &[u32]) -> Photo {
        Photo {
            id: PhotoId(id),
            number,
            of: None,
            caption: caption.into(),
            credit: None,
            participants: people.iter().map(|p| ParticipantId(*p)).collect(),
            image: None,
        }
    }

    fn run(speech: u32, first: usize, count: usize) -> BlockKind {
        BlockKind::Speech {
            speech: SpeechId(speech),
            first,
            count,
        }
    }

    /// Anna speaks twice (a photo inside her first speech), Boris once in between and
    /// mentions Anna; Carl is only listed and pictured.
    fn sample() -> Transcript {
        let mut anna = person(0, Some("Anna Réva"), Some("Minister of Rivers"));
        anna.aliases = vec!["A. Réva".into()];
        anna.appearances = Appearances {
            speeches: vec![SpeechId(0), SpeechId(2)],
            photos: vec![PhotoId(0), PhotoId(1)],
            lists: vec![2],
            mentions: vec![Mention {
                at: TextRef::Speech {
                    speech: SpeechId(1),
                    paragraph: 0,
                },
                start: 8,
                end: 12,
            }],
        };
        let mut boris = person(1, Some("Boris Lind"), Some("Mayor of Talmar"));
        boris.appearances.speeches = vec![SpeechId(1)];
        let mut carl = person(2, Some("Carl Ott"), None);
        carl.appearances.lists = vec![2];
        carl.appearances.photos = vec![PhotoId(2)];
        let blocks = [
            BlockKind::Title {
                text: "River talks".into(),
            },
            BlockKind::Lead {
                text: "The talks began.".into(),
            },
            BlockKind::Attendees {
                intro: Some("Present:".into()),
                items: vec![
                    Attendee {
                        text: "Anna Réva".into(),
                        participant: Some(ParticipantId(0)),
                    },
                    Attendee {
                        text: "Carl Ott".into(),
                        participant: Some(ParticipantId(2)),
                    },
                ],
                outro: None,
            },
            BlockKind::Photo { photo: PhotoId(2) },
            run(0, 0, 1),
            BlockKind::Photo { photo: PhotoId(0) },
            run(0, 1, 1),
            run(1, 0, 1),
            BlockKind::Photo { photo: PhotoId(1) },
            run(2, 0, 1),
            BlockKind::Elision {
                speech: Some(SpeechId(2)),
            },
            BlockKind::Tags { section: 0 },
            BlockKind::Link {
                url: "https://example.org/t".into(),
            },
        ];
        Transcript {
            title: "River talks".into(),
            date: Some("2024-05-06".into()),
            time: None,
            place: Some("Talmar".into()),
            language: "en".into(),
            source_url: Some("https://example.org/t".into()),
            tags: vec![TagSection {
                heading: "Topics".into(),
                values: vec!["Rivers".into()],
            }],
            participants: vec![anna, boris, carl],
            speeches: vec![
                speech(0, 0, &["Welcome, all.", "The locks are open."]),
                speech(1, 1, &["Thanks, Anna, and hello."]),
                speech(2, 0, &["We close at six."]),
            ],
            photos: vec![
                photo(0, 2, "Anna at the lock.", &[0]),
                photo(1, 3, "Anna and Boris.", &[0, 1]),
                photo(2, 1, "Carl arrives.", &[2]),
            ],
            blocks: blocks
                .into_iter()
                .enumerate()
                .map(|(i, kind)| Block { line: i + 1, kind })
                .collect(),
        }
    }

    fn options(speakers: &[u32], captions: bool, format: Format) -> ExportOptions {
        ExportOptions {
            speakers: speakers.iter().map(|p| ParticipantId(*p)).collect(),
            captions,
            format,
        }
    }

    #[test]
    fn a_filter_keeps_the_speeches_and_the_photos_inside_them() {
        let t = filtered(&sample(), &[ParticipantId(0)], true);
        assert_eq!(check_ids(&t), Ok(()));
        let texts: Vec<&str> = t
            .speeches
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(String::as_str))
            .collect();
        assert_eq!(
            texts,
            ["Welcome, all.", "The locks are open.", "We close at six."]
        );
        // Photo 2 stands inside her first speech; photo 3 stands between two speakers.
        let numbers: Vec<u32> = t.photos.iter().map(|p| p.number).collect();
        assert_eq!(numbers, [2]);
        // Only she is left; her speeches and photo are renumbered, the lists are gone.
        assert_eq!(t.participants.len(), 1);
        let anna = &t.participants[0].appearances;
        assert_eq!(anna.speeches, [SpeechId(0), SpeechId(1)]);
        assert_eq!(anna.photos, [PhotoId(0)]);
        assert!(anna.lists.is_empty() && anna.mentions.is_empty());
        assert!(
            t.blocks
                .iter()
                .all(|b| !matches!(b.kind, BlockKind::Lead { .. } | BlockKind::Attendees { .. }))
        );
        assert!(
            t.blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Elision { speech: Some(_) }))
        );
    }

    #[test]
    fn the_mentioned_stay_with_the_text_that_mentions_them() {
        let t = filtered(&sample(), &[ParticipantId(1)], false);
        assert_eq!(check_ids(&t), Ok(()));
        assert!(t.photos.is_empty());
        let names: Vec<&str> = t.participants.iter().map(|p| p.display_name()).collect();
        assert_eq!(names, ["Anna Réva", "Boris Lind"]);
        let anna = &t.participants[0].appearances;
        assert!(anna.speeches.is_empty());
        assert_eq!(
            anna.mentions.first().map(|m| m.at),
            Some(TextRef::Speech {
                speech: SpeechId(0),
                paragraph: 0
            })
        );
    }

    #[test]
    fn no_filter_and_no_captions_drops_only_the_photos() {
        let full = sample();
        let t = filtered(&full, &[], false);
        assert_eq!(check_ids(&t), Ok(()));
        assert_eq!(t.speeches, full.speeches);
        assert!(t.photos.is_empty());
        assert_eq!(t.blocks.len(), full.blocks.len() - 3);
        assert_eq!(t.participants.len(), 3, "Carl is still listed");
        assert!(t.participants[2].appearances.photos.is_empty());
        assert_eq!(t.participants[2].appearances.lists, [2]);
    }

    #[test]
    fn each_format_exports_the_filtered_view() {
        let t = sample();
        let md = export(&t, &options(&[0], true, Format::Markdown));
        assert!(md.starts_with("# River talks\n\n*2024-05-06 · Talmar* · <https://example.org/t>\n\n*Excerpt: the speeches of Anna Réva (2 of 3 speeches).*\n\n"), "{md}");
        assert_eq!(
            md.matches("### Anna Réva, Minister of Rivers").count(),
            2,
            "{md}"
        );
        assert!(md.contains("> 📷 2 · Anna at the lock."), "{md}");
        assert!(
            !md.contains("Boris") && !md.contains("The talks began"),
            "{md}"
        );

        let text = export(&t, &options(&[0], false, Format::Text));
        assert!(text.contains("Excerpt: the speeches of Anna Réva (2 of 3 speeches)."));
        assert!(text.contains("Welcome, all.") && !text.contains("Thanks, Anna"));
        assert!(!text.contains("[Photo"), "{text}");

        let json = export(&t, &options(&[0], true, Format::Json));
        let back = crate::load_bytes("view.json", json.as_bytes())
            .unwrap_or_else(|e| panic!("the filtered JSON does not read back: {e}"));
        assert_eq!(back.speeches.len(), 2);
        assert_eq!(back.photos.len(), 1);
        assert_eq!(back, filtered(&t, &[ParticipantId(0)], true));
    }

    #[test]
    fn the_whole_view_is_the_plain_export() {
        let t = sample();
        let all = ExportOptions::default();
        assert_eq!(export(&t, &all), crate::export::to_markdown(&t));
        let json = export(
            &t,
            &ExportOptions {
                format: Format::Json,
                ..all
            },
        );
        assert_eq!(crate::export::from_json(&json), Ok(t));
    }

    #[test]
    fn the_summary_says_what_is_exported() {
        let t = sample();
        assert_eq!(summary(&t, &[]), "All 3 speeches");
        assert_eq!(
            summary(&t, &[ParticipantId(1)]),
            "1 of 3 speeches — filtered to Boris Lind"
        );
        assert_eq!(
            summary(&t, &[ParticipantId(0), ParticipantId(1)]),
            "3 of 3 speeches — filtered to Anna Réva and Boris Lind"
        );
    }

    #[test]
    fn names_match_without_case_or_accents() {
        let t = sample();
        let ids = |r: Result<Vec<ParticipantId>, NameError>| r.map(|v| v.len());
        assert_eq!(find_speakers(&t, "anna reva"), Ok(vec![ParticipantId(0)]));
        assert_eq!(find_speakers(&t, "A. RÉVA"), Ok(vec![ParticipantId(0)]));
        assert_eq!(
            find_speakers(&t, "mayor of talmar"),
            Ok(vec![ParticipantId(1)])
        );
        assert_eq!(find_speakers(&t, "lind"), Ok(vec![ParticipantId(1)]));
        assert_eq!(ids(find_speakers(&t, "Zed")), Err(NameError::NoMatch));
        assert_eq!(ids(find_speakers(&t, "  ")), Err(NameError::NoMatch));
        assert_eq!(
            find_speakers(&t, "Carl Ott"),
            Err(NameError::Silent("Carl Ott".into()))
        );
        // "r" is in every name; only those who speak are offered.
        assert_eq!(
            find_speakers(&t, "r"),
            Err(NameError::Ambiguous(vec![
                "Anna Réva".into(),
                "Boris Lind".into()
            ]))
        );
    }

    #[test]
    fn dangling_ids_do_not_panic() {
        let mut t = sample();
        t.speeches.truncate(1);
        t.photos.clear();
        t.participants.truncate(1);
        let out = filtered(&t, &[ParticipantId(0)], true);
        assert_eq!(out.speeches.len(), 1);
        for format in [Format::Markdown, Format::Text, Format::Json] {
            assert!(!export(&t, &options(&[0], true, format)).is_empty());
        }
    }
}
