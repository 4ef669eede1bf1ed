//! The real seed transcript (French, Kremlin shape), kept outside the repository in
//! `../shared/seeds/` (beside the clone, where CI puts it). A missing seed fails every test
//! here, naming the path it looked for: a skipped test would pass without checking anything.

use std::path::{Path, PathBuf};

use stenogram::Transcript;
use stenogram::model::BlockKind;
use stenogram::parse_text;
use stenogram::text::fold;

const SEED: &str = "000_c2dcfd915c6958f1.txt";

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/seeds")
        .join(SEED)
}

/// The seed, parsed; panics naming the path when it is missing or unreadable.
fn seed() -> Transcript {
    let path = seed_path();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "cannot read the seed transcript {} ({e}): the seeds folder belongs beside the clone",
            path.display()
        )
    });
    parse_text(&text)
}

#[test]
fn seed_metadata() {
    let t = seed();
    assert_eq!(t.title, "Sommet de l’OTSC");
    assert_eq!(t.date.as_deref(), Some("2023-11-23"));
    assert_eq!(t.time.as_deref(), Some("15:40"));
    assert_eq!(t.place.as_deref(), Some("Minsk"));
    assert_eq!(t.language, "fr");
    assert_eq!(
        t.source_url.as_deref(),
        Some("http://en.kremlin.ru/events/president/news/72800")
    );
    assert_eq!(t.tags.len(), 1);
    assert_eq!(t.tags[0].heading, "Géographie");
    assert!(t.tags[0].values.is_empty());
}

#[test]
fn seed_photos() {
    let t = seed();
    assert_eq!(t.photos.len(), 21);
    for (k, photo) in t.photos.iter().enumerate() {
        assert_eq!(photo.number as usize, k + 1);
        assert!(
            !photo.caption.is_empty(),
            "photo {} has a caption",
            photo.number
        );
        assert!(
            photo.credit.as_deref().is_some_and(|c| !c.is_empty()),
            "photo {} has a credit",
            photo.number
        );
        assert!(
            !photo.caption.contains("Photo :"),
            "credit split off: {}",
            photo.caption
        );
    }
    assert_eq!(t.photos[2].of, Some(21));
    assert_eq!(
        t.photos[0].credit.as_deref(),
        Some("Dmitri Azarov, Kommersant")
    );
    assert_eq!(t.photos[2].credit.as_deref(), Some("Konstantin Zavrajine"));
    // The dateline line starts with a number but is no photo.
    assert!(t.blocks.iter().any(
        |b| matches!(&b.kind, BlockKind::Dateline { text } if text.starts_with("23 novembre 2023"))
    ));
}

#[test]
fn seed_speeches() {
    let t = seed();
    let shape: Vec<(&str, usize)> = t
        .speeches
        .iter()
        .map(|s| (s.label.as_str(), s.paragraphs.len()))
        .collect();
    // Counted by hand: the chair's opening (label line and 18 more, the comma-ended lines
    // of his enumeration included) and the Russian president's reply (label line and 11).
    assert_eq!(
        shape,
        [
            (
                "Président de la République de Biélorussie Alexandre Loukachenko",
                19
            ),
            ("Président de la Russie Vladimir Poutine", 12),
        ]
    );
    assert_eq!(t.speeches[0].paragraphs[0], "Collègues, amis,");
    assert_eq!(
        t.speeches[1].paragraphs[0],
        "Mr. Loukachenko, collègues et amis,"
    );
    // The elision after the last photos belongs to the second speech.
    assert!(t.blocks.iter().any(|b| matches!(b.kind,
        BlockKind::Elision { speech: Some(s) } if s.index() == 1)));
}

#[test]
fn seed_people() {
    let t = seed();
    assert_eq!(t.participants.len(), 13, "{:#?}", t.participants);
    let role_only: Vec<_> = t.participants.iter().filter(|p| p.name.is_none()).collect();
    assert_eq!(
        role_only.len(),
        1,
        "one participant with a role and no name"
    );
    assert!(role_only[0].role.is_some());

    let tokayev = t
        .participants
        .iter()
        .find(|p| p.name.as_deref() == Some("Kassym-Jomart Tokayev"))
        .unwrap_or_else(|| panic!("Tokayev: {:#?}", t.participants));
    assert_eq!(tokayev.role.as_deref(), Some("président du Kazakhstan"));

    for photographer in ["Azarov", "Gouneev", "Zavrajine", "Sharifulin"] {
        let key = fold(photographer);
        assert!(
            !t.participants.iter().any(|p| p
                .aliases
                .iter()
                .chain(p.name.iter())
                .any(|a| fold(a).contains(&key))),
            "photographer {photographer} is no participant"
        );
    }

    // Photos name people under the ids the speeches use.
    let loukachenko = t.speeches[0].speaker;
    let poutine = t.speeches[1].speaker;
    for number in [2, 8, 19] {
        let photo = t.photos.iter().find(|p| p.number == number);
        assert_eq!(
            photo.map(|p| p.participants.clone()),
            Some(vec![loukachenko]),
            "photo {number}"
        );
    }
    // "Avec le président biélorusse …": the page's principal stands beside him.
    for number in [3, 4] {
        let photo = t.photos.iter().find(|p| p.number == number);
        assert_eq!(
            photo.map(|p| p.participants.clone()),
            Some(vec![loukachenko, poutine]),
            "photo {number}"
        );
    }
    let tokayev_photos: Vec<u32> = t
        .photos
        .iter()
        .filter(|p| p.participants.contains(&tokayev.id))
        .map(|p| p.number)
        .collect();
    assert_eq!(tokayev_photos, [10, 20]);
    // "Choïgu" in a caption is the "Choïgou" of the list.
    let choigou = t
        .participants
        .iter()
        .find(|p| {
            p.name
                .as_deref()
                .is_some_and(|n| fold(n).contains("choigou"))
        })
        .map(|p| p.id);
    assert!(choigou.is_some());
    assert_eq!(
        t.photos
            .iter()
            .find(|p| p.number == 15)
            .map(|p| p.participants.clone()),
        choigou.map(|id| vec![id])
    );
    for p in &t.participants {
        for s in &p.appearances.speeches {
            assert_eq!(t.speech(*s).map(|s| s.speaker), Some(p.id));
        }
    }
    // Putin speaks and is listed by the id of his speech.
    let putin = t.speeches[1].speaker;
    assert_eq!(
        t.participant(putin).and_then(|p| p.name.as_deref()),
        Some("Vladimir Poutine")
    );
}
