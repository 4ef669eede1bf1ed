//! Alignment on fictional pairs of versions, and its properties on generated ones.

use proptest::prelude::*;

use super::*;
use crate::model::{Appearances, Participant, Speech};

fn parsed(text: &str) -> Transcript {
    crate::parse_text(text)
}

/// Speakers of a row on one side, by display name.
fn speakers(t: &Transcript, ids: &[SpeechId]) -> Vec<String> {
    ids.iter()
        .filter_map(|&id| t.speech(id))
        .filter_map(|s| t.participant(s.speaker))
        .map(|p| p.display_name().to_owned())
        .collect()
}

#[test]
fn a_turn_left_out_of_one_version_is_a_gap_and_a_split_turn_one_row() {
    let ru = parsed(include_str!("../../tests/fixtures/parallel/meeting_ru.txt"));
    let en = parsed(include_str!("../../tests/fixtures/parallel/meeting_en.txt"));
    let al = align(&ru, &en);
    let only_ru: Vec<_> = al
        .rows
        .iter()
        .filter(|r| r.only() == Some(Side::A))
        .flat_map(|r| speakers(&ru, &r.a))
        .collect();
    assert!(
        matches!(only_ru.as_slice(), [one] if one.contains("Орлова")),
        "{only_ru:?}"
    );
    assert_eq!(al.summary.only_a, 1, "{:#?}", al.summary);
    assert_eq!(al.summary.only_b, 0);
    assert_eq!(al.summary.split, 1, "the English turn cut in two");
    assert!(al.summary.shorter >= 1, "the condensed answer on schools");
    // Velsky and Gorchakov are each one person across the scripts.
    assert_eq!(al.people.len(), 2, "{:?}", al.people);
}

#[test]
fn french_and_english_spellings_pair_every_turn() {
    let fr = parsed(include_str!("../../tests/fixtures/parallel/summit_fr.txt"));
    let en = parsed(include_str!("../../tests/fixtures/parallel/summit_en.txt"));
    let al = align(&fr, &en);
    assert_eq!(al.summary.paired, 4, "{:#?}", al.rows);
    assert_eq!((al.summary.only_a, al.summary.only_b), (0, 0));
    assert_eq!(al.people.len(), 2);
    assert_eq!(al.photos.len(), 2);
    assert!(al.photos.iter().all(|p| p.a.is_some() && p.b.is_some()));
}

/// People whose names match one another across the two generated sides.
const NAMES: [&str; 4] = ["Anna Petrova", "Ivan Orlov", "Lena Hart", "Omar Said"];

/// A transcript of turns `(speaker, paragraph lengths)`.
fn transcript(turns: &[(usize, Vec<usize>)]) -> Transcript {
    let participants = NAMES
        .iter()
        .enumerate()
        .map(|(k, n)| Participant {
            id: ParticipantId::from(k),
            name: Some((*n).to_owned()),
            role: None,
            aliases: vec![(*n).to_owned()],
            generic: false,
            appearances: Appearances::default(),
        })
        .collect();
    let speeches = turns
        .iter()
        .enumerate()
        .map(|(k, (who, lengths))| Speech {
            id: SpeechId::from(k),
            speaker: ParticipantId::from(*who),
            label: String::new(),
            paragraphs: lengths.iter().map(|&n| "word ".repeat(n / 5 + 1)).collect(),
            times: crate::model::Timing::default(),
        })
        .collect();
    Transcript {
        participants,
        speeches,
        ..Transcript::default()
    }
}

/// Turns whose neighbours never share a speaker, as in a real exchange.
fn exchange() -> impl Strategy<Value = Vec<(usize, Vec<usize>)>> {
    prop::collection::vec(
        (0..NAMES.len(), prop::collection::vec(10..800usize, 1..4)),
        1..25,
    )
    .prop_map(|mut turns| {
        for k in 1..turns.len() {
            if turns[k].0 == turns[k - 1].0 {
                turns[k].0 = (turns[k].0 + 1) % NAMES.len();
            }
        }
        turns
    })
}

proptest! {
    #[test]
    fn a_version_aligned_with_itself_pairs_each_turn_with_itself(turns in exchange()) {
        let t = transcript(&turns);
        let al = align(&t, &t);
        prop_assert_eq!(al.rows.len(), turns.len());
        for (k, r) in al.rows.iter().enumerate() {
            prop_assert_eq!(&r.a, &vec![SpeechId::from(k)]);
            prop_assert_eq!(&r.b, &vec![SpeechId::from(k)]);
            prop_assert!(r.paragraphs.iter().all(|p| p.a.len() == 1 && p.a == p.b));
        }
    }

    #[test]
    fn a_turn_removed_from_one_side_leaves_a_gap_not_a_shift(
        turns in exchange().prop_filter("two turns at least", |t| t.len() > 1),
        pick in any::<prop::sample::Index>(),
    ) {
        let removed = pick.index(turns.len());
        let mut fewer = turns.clone();
        fewer.remove(removed);
        let al = align(&transcript(&turns), &transcript(&fewer));
        // The second side's turn k is the first side's turn k, or k + 1 past the removed one.
        let original = |b: SpeechId| if b.index() >= removed { b.index() + 1 } else { b.index() };
        for r in &al.rows {
            let a: Vec<usize> = r.a.iter().map(|s| s.index()).filter(|&i| i != removed).collect();
            let b: Vec<usize> = r.b.iter().map(|&s| original(s)).collect();
            prop_assert_eq!(a, b, "rows: {:?}", al.rows.iter().map(|r| (&r.a, &r.b)).collect::<Vec<_>>());
        }
        prop_assert_eq!(al.summary.only_a, 1);
    }
}
