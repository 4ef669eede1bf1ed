//! Search over one transcript: folding, matching, places and hits.

use super::*;
use crate::model::{
    Appearances, Attendee, Block, Participant, Photo, Speech, TagSection, Transcript,
};

fn block(kind: BlockKind) -> Block {
    Block { line: 0, kind }
}

/// A transcript with one speech of these paragraphs, a caption, a list and tags.
fn doc(paragraphs: &[&str]) -> Transcript {
    Transcript {
        title: "Réunion".to_owned(),
        language: "fr".to_owned(),
        participants: vec![Participant {
            id: ParticipantId(0),
            name: Some("Andreï Velski".to_owned()),
            role: None,
            aliases: Vec::new(),
            generic: false,
            appearances: Appearances::default(),
        }],
        speeches: vec![Speech {
            times: crate::model::Timing::default(),
            id: SpeechId(0),
            speaker: ParticipantId(0),
            label: "Andreï Velski".to_owned(),
            paragraphs: paragraphs.iter().map(|p| (*p).to_owned()).collect(),
        }],
        photos: vec![Photo {
            id: PhotoId(0),
            number: 7,
            of: None,
            caption: "Le ministre Choïgou pendant la séance".to_owned(),
            credit: Some("Pavel Orlov, Presse".to_owned()),
            participants: Vec::new(),
            image: None,
        }],
        tags: vec![TagSection {
            heading: "Géographie".to_owned(),
            values: vec!["Kaliningrad".to_owned(), "Orlavie".to_owned()],
        }],
        blocks: vec![
            block(BlockKind::Title {
                text: "Réunion du Conseil".to_owned(),
            }),
            block(BlockKind::Attendees {
                intro: None,
                items: vec![Attendee {
                    text: "le ministre de l’Énergie Oleg Kravets".to_owned(),
                    participant: None,
                }],
                outro: Some("ont participé à la réunion.".to_owned()),
            }),
            block(BlockKind::Photo { photo: PhotoId(0) }),
            block(BlockKind::Speech {
                speech: SpeechId(0),
                first: 0,
                count: paragraphs.len(),
            }),
            block(BlockKind::Tags { section: 0 }),
        ],
        ..Transcript::default()
    }
}

/// The hits inside the speech (the other places hold letters too).
fn in_speech(r: &Results) -> Vec<&Hit> {
    r.hits
        .iter()
        .filter(|h| matches!(h.place, Place::Speech { .. }))
        .collect()
}

fn matched(t: &Transcript, hit: &Hit) -> String {
    place_text(t, hit.place)
        .and_then(|text| text.get(hit.start..hit.end).map(str::to_owned))
        .unwrap_or_default()
}

#[test]
fn accents_and_case_do_not_matter_in_french() {
    let t = doc(&["Le ministre Choïgou a parlé. CHOÏGOU encore."]);
    let r = search(&t, "choigou");
    assert_eq!(r.total, 3, "{r:?}");
    // Caption first (document order), then the two in the speech.
    assert_eq!(r.hits[0].place, Place::Caption { photo: PhotoId(0) });
    assert_eq!(matched(&t, &r.hits[1]), "Choïgou");
    assert_eq!(matched(&t, &r.hits[2]), "CHOÏGOU");
    assert_eq!(r.hits[1].speaker, Some(ParticipantId(0)));
    assert_eq!(r.photos, vec![PhotoId(0)]);
    // And the other way round: an accented query finds plain text.
    assert_eq!(search(&t, "RÉUNION").total, 2);
    assert_eq!(search(&t, "l'energie").total, 1);
}

#[test]
fn russian_is_case_insensitive_and_yo_is_ye_but_short_i_stays() {
    let t = doc(&["Путин и Ёлкин встретились. Мой дом, а не мои."]);
    let r = search(&t, "путин");
    assert_eq!(r.total, 1);
    assert_eq!(matched(&t, &r.hits[0]), "Путин");
    assert_eq!(matched(&t, &search(&t, "елкин").hits[0]), "Ёлкин");
    assert_eq!(search(&t, "ЁЛКИН").total, 1);
    assert_eq!(search(&t, "мой").total, 1);
    assert_eq!(search(&t, "мои").total, 1);
}

#[test]
fn phrases_match_across_odd_and_repeated_spaces() {
    let t = doc(&["à Saint\u{00A0}\u{00A0}Pétersbourg et\nà Moscou"]);
    let r = search(&t, "  saint   petersbourg ");
    assert_eq!(r.total, 1);
    assert_eq!(matched(&t, &r.hits[0]), "Saint\u{00A0}\u{00A0}Pétersbourg");
    assert_eq!(search(&t, "et a moscou").total, 1);
    assert_eq!(search(&t, "   ").total, 0);
}

#[test]
fn expansions_and_marks_map_back_to_whole_characters() {
    let t = doc(&["Straße, cœur, E\u{0301}cole"]);
    let first = |q: &str| {
        let r = search(&t, q);
        in_speech(&r).first().map(|h| matched(&t, h))
    };
    assert_eq!(first("strasse").as_deref(), Some("Straße"));
    // A query for half of "ß" highlights the whole letter.
    assert_eq!(first("as").as_deref(), Some("aß"));
    assert_eq!(first("coeur").as_deref(), Some("cœur"));
    // The combining accent after "E" belongs to the hit.
    let r = search(&t, "e");
    let es: Vec<String> = in_speech(&r).iter().map(|h| matched(&t, h)).collect();
    assert_eq!(es, vec!["e", "œ", "E\u{0301}", "e"]);
    assert_eq!(first("école").as_deref(), Some("E\u{0301}cole"));
}

#[test]
fn lists_tags_titles_and_credits_are_searched_and_labelled() {
    let t = doc(&["Rien."]);
    let places: Vec<Place> = search(&t, "kravets").hits.iter().map(|h| h.place).collect();
    assert_eq!(places, vec![Place::Attendee { block: 1, index: 0 }]);
    let hit = &search(&t, "orlavie").hits[0];
    assert_eq!(
        hit.place,
        Place::Tags {
            block: 4,
            section: 0
        }
    );
    assert_eq!(place_label(&t, hit.place), "Tags · Géographie");
    assert_eq!(matched(&t, hit), "Orlavie");
    let credit = &search(&t, "orlov").hits[0];
    assert_eq!(place_label(&t, credit.place), "Photo 7 credit");
    assert_eq!(
        place_label(&t, Place::Caption { photo: PhotoId(0) }),
        "Caption 7"
    );
    assert_eq!(
        place_label(
            &t,
            Place::Speech {
                speech: SpeechId(0),
                paragraph: 0
            }
        ),
        "Andreï Velski"
    );
    assert_eq!(
        search(&t, "conseil").hits[0].place,
        Place::Title { block: 0 }
    );
}

#[test]
fn context_is_cut_on_words_with_an_ellipsis() {
    let long = format!(
        "{} le mot Kaliningrad au milieu {}",
        "avant ".repeat(30),
        "après ".repeat(30)
    );
    let t = doc(&[&long]);
    let c = &search(&t, "kaliningrad").hits[0].context;
    assert!(c.before.starts_with('…'), "{c:?}");
    assert!(c.before.ends_with("le mot "), "{c:?}");
    assert_eq!(c.matched, "Kaliningrad");
    assert!(c.after.starts_with(" au milieu"), "{c:?}");
    assert!(c.after.ends_with('…'), "{c:?}");
    assert!(c.before.chars().count() <= CONTEXT_CHARS + 1);
    // A short paragraph is shown whole.
    let t = doc(&["Bonjour\nKaliningrad !"]);
    let c = &search(&t, "kaliningrad").hits[0].context;
    assert_eq!((c.before.as_str(), c.after.as_str()), ("Bonjour ", " !"));
}

#[test]
fn hits_are_capped_but_all_counted() {
    let text = "a ".repeat(MAX_HITS + 50);
    let t = doc(&[&text]);
    let r = search(&t, "A");
    assert_eq!(r.hits.len(), MAX_HITS);
    assert!(r.total >= MAX_HITS + 50);
    assert!(r.is_capped());
}

#[test]
fn a_stale_index_drops_hits_instead_of_pointing_elsewhere() {
    let t = doc(&["Kaliningrad"]);
    let ix = SearchIndex::build(&t);
    let mut changed = t.clone();
    if let Some(s) = changed.speeches.get_mut(0) {
        s.paragraphs = vec!["Autre".to_owned()];
    }
    let r = ix.search(&changed, "kaliningrad");
    assert!(in_speech(&r).is_empty(), "{r:?}");
    // The tags did not change: their hit stays.
    assert_eq!(r.hits.len(), 1);
}

#[test]
fn segments_layer_mentions_hits_and_the_current_hit() {
    let text = "Anna met Boris and Anna";
    let mentions = [(0, 4), (19, 23)];
    let hits = [(19, 23), (9, 14)];
    let current = [(9, 14)];
    let segs = segments(text, &[&mentions, &hits, &current]);
    let shape: Vec<(usize, usize, Option<usize>)> = segs
        .iter()
        .map(|s| (s.range.start, s.range.end, s.layer))
        .collect();
    assert_eq!(
        shape,
        vec![
            (0, 4, Some(0)),
            (4, 9, None),
            (9, 14, Some(2)),
            (14, 19, None),
            (19, 23, Some(1)),
        ]
    );
    // Broken ranges (inside "é", past the end) are ignored.
    let segs = segments("é", &[&[(1, 2), (0, 9)]]);
    assert_eq!(
        segs,
        vec![Segment {
            range: 0..2,
            layer: None
        }]
    );
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        /// Whatever the text and the query, hits are valid ranges of the original text
        /// whose folded form holds the query, and a query taken from the text is found.
        #[test]
        fn hit_ranges_are_char_boundaries_and_fold_to_the_query(
            text in "(\\PC|[ \u{00A0}\u{0301}ßœёЁйİ\n])*",
            query in "(\\PC|[ \u{0301}ßёй])*",
            from in 0usize..64,
            len in 0usize..8,
        ) {
            let t = doc(&[&text]);
            for q in [query.clone(), text.chars().skip(from).take(len).collect::<String>()] {
                let r = search(&t, &q);
                let needle = fold_query(&q);
                for hit in r.hits.iter().filter(|h| matches!(h.place, Place::Speech { .. })) {
                    prop_assert!(hit.start < hit.end && hit.end <= text.len());
                    prop_assert!(text.is_char_boundary(hit.start));
                    prop_assert!(text.is_char_boundary(hit.end));
                    let original = text.get(hit.start..hit.end).unwrap_or("");
                    let mut folded = String::new();
                    fold_with(original, |c, _, _| folded.push(c));
                    prop_assert!(folded.contains(&needle), "{folded:?} {needle:?}");
                }
                let mut whole = String::new();
                fold_with(&text, |c, _, _| whole.push(c));
                let in_speech = r
                    .hits
                    .iter()
                    .any(|h| matches!(h.place, Place::Speech { .. }));
                prop_assert_eq!(in_speech, !needle.is_empty() && whole.contains(&needle));
            }
        }
    }
}
