//! The person a title names: "Statement by Minister of Foreign Affairs Pavel Sorokin on …",
//! "Press Briefing by Press Secretary Mara Quell".

use super::{by_surname, complete, surname_key};
use crate::model::{Block, BlockKind, Speech, SpeechId, TextRef, Transcript};
use crate::parse::people::split_role_name;
use crate::text::fold;

/// Title openings whose text is one person's words when no speaker is labelled.
const ONE_VOICE: &[&str] = &[
    "statement by",
    "address by",
    "remarks by",
    "speech by",
    "declaration by",
    "message by",
    "message from",
    "declaration de",
    "allocution de",
    "discours de",
    "message de",
];

/// Words that end the name in "… by <Role> <Name> on the agreement".
const AFTER_NAME: &[&str] = &[
    "on",
    "at",
    "to",
    "before",
    "in",
    "about",
    "for",
    "following",
    "during",
    "with",
    "sur",
    "a",
    "au",
    "aux",
    "lors",
    "devant",
    "pour",
];

/// French openings whose "de" introduces the speaker ("Déclaration de …").
const FRENCH_OPENERS: &[&str] = &[
    "declaration de ",
    "allocution de ",
    "discours de ",
    "message de ",
    "point de presse de ",
    "conference de presse de ",
];

/// Role and name of each person after "by" in the title ("… by Press Secretary Dana
/// Whitfield and Adviser Tom Kowalski" names two), or after a French opening's "de".
fn named_in_title(title: &str) -> Vec<(Option<String>, String)> {
    let folded = fold(title);
    let at = folded.find(" by ").map(|i| i + 4).or_else(|| {
        FRENCH_OPENERS
            .iter()
            .find(|o| folded.starts_with(*o))
            .map(|o| o.len())
    });
    // Folding keeps ASCII byte offsets; a title with other letters before the cut is not
    // worth the risk of a wrong one.
    let Some(after) = at.and_then(|at| title.get(at..).filter(|_| title[..at].is_ascii())) else {
        return Vec::new();
    };
    let mut words = Vec::new();
    for word in after.split_whitespace() {
        let bare = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
        if AFTER_NAME.contains(&bare.as_str()) {
            break;
        }
        let ends = word.ends_with([';', ':']);
        words.push(word.trim_end_matches([';', ':']));
        if ends {
            break;
        }
    }
    let named = words.join(" ");
    named
        .split(" and ")
        .flat_map(|part| part.split(", "))
        .filter_map(|part| {
            let split = split_role_name(part);
            split.name.map(|name| (split.role, name))
        })
        .collect()
}

/// A title "Statement by <Role> <Name> …" over a text with no speaker labels: the text
/// after the title and dateline is one speech by that person.
pub(super) fn statement_by(t: &mut Transcript) {
    if !t.speeches.is_empty() {
        return;
    }
    let folded = fold(&t.title);
    if !ONE_VOICE.iter().any(|o| folded.starts_with(o)) {
        return;
    }
    let mut named = named_in_title(&t.title);
    if named.len() != 1 {
        return;
    }
    let Some((role, name)) = named.pop() else {
        return;
    };
    let speaker = match t.person_named(&name) {
        Some(id) => id,
        None => t.add_participant(Some(name.clone()), role),
    };
    let speech = SpeechId::from(t.speeches.len());
    let mut paragraphs: Vec<String> = Vec::new();
    // Where each old block went: a new block, or a paragraph of the speech.
    let mut moved: Vec<TextRef> = Vec::with_capacity(t.blocks.len());
    let mut blocks: Vec<Block> = Vec::with_capacity(t.blocks.len());
    for block in std::mem::take(&mut t.blocks) {
        let text = match &block.kind {
            BlockKind::Lead { text } | BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        };
        let Some(text) = text else {
            moved.push(TextRef::Block {
                block: blocks.len(),
            });
            blocks.push(block);
            continue;
        };
        let paragraph = paragraphs.len();
        paragraphs.push(text);
        moved.push(TextRef::Speech { speech, paragraph });
        match blocks.last_mut() {
            Some(Block {
                kind: BlockKind::Speech {
                    speech: s, count, ..
                },
                ..
            }) if *s == speech => *count += 1,
            _ => blocks.push(Block {
                line: block.line,
                kind: BlockKind::Speech {
                    speech,
                    first: paragraph,
                    count: 1,
                },
            }),
        }
    }
    t.blocks = blocks;
    if paragraphs.is_empty() {
        return;
    }
    t.speeches.push(Speech {
        times: crate::model::Timing::default(),
        id: speech,
        speaker,
        label: String::new(),
        paragraphs,
    });
    for p in &mut t.participants {
        p.appearances.lists = p
            .appearances
            .lists
            .iter()
            .filter_map(|&b| match moved.get(b) {
                Some(TextRef::Block { block }) => Some(*block),
                _ => None,
            })
            .collect();
        for mention in &mut p.appearances.mentions {
            if let TextRef::Block { block } = mention.at
                && let Some(to) = moved.get(block)
            {
                mention.at = *to;
            }
        }
    }
    if let Some(p) = t.participants.get_mut(speaker.index()) {
        p.appearances.speeches.push(speech);
    }
}

/// A title "… by <Role> <First Last>" over labelled speeches: the speaker labelled by
/// that surname alone ("MS. QUELL"), or by that role alone ("THE PRESS SECRETARY"), is
/// that person, with that role.
pub(super) fn briefing_by(t: &mut Transcript) {
    if t.speeches.is_empty() {
        return;
    }
    for (role, name) in named_in_title(&t.title) {
        if name.split_whitespace().count() < 2 {
            continue;
        }
        let by_name = surname_key(&name).and_then(|s| by_surname(t, &s));
        let Some(who) = by_name.or_else(|| role.as_deref().and_then(|r| by_role(t, r))) else {
            continue;
        };
        if t.speeches.iter().any(|s| s.speaker == who) {
            complete(t, who, &name, role.as_deref());
        }
    }
}

/// The one unnamed, non-generic participant whose role is `role` ("the" aside).
fn by_role(t: &Transcript, role: &str) -> Option<crate::model::ParticipantId> {
    let key = |r: &str| {
        let folded = fold(r);
        folded.strip_prefix("the ").unwrap_or(&folded).to_owned()
    };
    let wanted = key(role);
    let hits: Vec<_> = t
        .participants
        .iter()
        .filter(|p| p.name.is_none() && !p.generic)
        .filter(|p| p.role.as_deref().is_some_and(|r| key(r) == wanted))
        .map(|p| p.id)
        .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::export::check::check_ids;
    use crate::model::BlockKind;

    #[test]
    fn a_statement_is_one_speech_by_the_person_in_the_title() {
        let t = crate::parse_text(
            "Statement by Minister of Foreign Affairs Pavel Sorokin on the Bridge\n14 May 2031\n\nToday we signed the agreement.\nI thank our colleagues.\n",
        );
        assert_eq!(t.speeches.len(), 1);
        let p = &t.participants[t.speeches[0].speaker.index()];
        assert_eq!(p.name.as_deref(), Some("Pavel Sorokin"));
        assert_eq!(p.role.as_deref(), Some("Minister of Foreign Affairs"));
        assert_eq!(t.speeches[0].paragraphs.len(), 2);
        assert!(
            t.blocks
                .iter()
                .any(|b| matches!(b.kind, BlockKind::Speech { count: 2, .. }))
        );
        assert_eq!(check_ids(&t), Ok(()));
    }

    #[test]
    fn a_briefing_title_gives_the_full_name() {
        let t = crate::parse_text(
            "Press Briefing by Press Secretary Mara Quell\n\nMS. QUELL: Good afternoon.\nQ Thanks.\nMS. QUELL: Go ahead.\n",
        );
        let p = &t.participants[t.speeches[0].speaker.index()];
        assert_eq!(p.name.as_deref(), Some("Mara Quell"));
        assert_eq!(p.role.as_deref(), Some("Press Secretary"));
        assert_eq!(check_ids(&t), Ok(()));
    }

    #[test]
    fn a_title_may_name_several_speakers() {
        let t = crate::parse_text(
            "Briefing by Press Secretary Dana Whitfield and Adviser Tom Kowalski\n\nMS. WHITFIELD: Good afternoon.\nMR. KOWALSKI: Thanks, Dana.\n",
        );
        let names: Vec<Option<&str>> = t.participants.iter().map(|p| p.name.as_deref()).collect();
        assert_eq!(names, [Some("Dana Whitfield"), Some("Tom Kowalski")]);
        assert_eq!(t.participants[1].role.as_deref(), Some("Adviser"));
        let t = crate::parse_text(
            "Briefing by Press Secretary Dana Whitfield\n\nTHE PRESS SECRETARY: Good afternoon.\nQ Thanks.\n",
        );
        assert_eq!(t.participants[0].name.as_deref(), Some("Dana Whitfield"));
    }

    #[test]
    fn other_titles_change_nothing() {
        let t = crate::parse_text("Talks in Varengrad\n\nThe talks began.\n");
        assert!(t.speeches.is_empty());
        let t = crate::parse_text("Statement by the Ministry\n\nThe ministry said.\n");
        assert!(t.speeches.is_empty());
        let t = crate::parse_text(
            "Entretien avec le Premier ministre de Kestrie Tomas Hradek\n\nTomas Hradek : Merci.\n",
        );
        assert_eq!(t.participants[0].name.as_deref(), Some("Tomas Hradek"));
    }
}
