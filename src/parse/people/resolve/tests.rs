//! People resolved from literal labels, list entries and captions.

use super::super::{PersonSource, Resolution, SourceKind, resolve};
use super::*;

fn src(kind: SourceKind, text: &str) -> PersonSource<'_> {
    PersonSource { kind, text }
}

fn label(text: &str) -> PersonSource<'_> {
    src(SourceKind::SpeakerLabel, text)
}

fn item(text: &str) -> PersonSource<'_> {
    src(SourceKind::ListItem, text)
}

fn caption(text: &str) -> PersonSource<'_> {
    src(SourceKind::Caption, text)
}

fn ids(r: &Resolution, i: usize) -> Vec<usize> {
    r.ids[i].iter().map(|id| id.index()).collect()
}

fn names(r: &Resolution) -> Vec<&str> {
    r.participants
        .iter()
        .map(Participant::display_name)
        .collect()
}

#[test]
fn long_and_short_labels_are_one_person() {
    let r = resolve(
        &[
            label("Président de la Russie Vladimir Poutine"),
            label("Président du Kazakhstan Kassym-Jomart Tokaïev"),
            label("Vladimir Poutine"),
            label("Poutine"),
            label("Tokaïev"),
        ],
        "fr",
    );
    assert_eq!(r.participants.len(), 2);
    assert_eq!(ids(&r, 2), [0]);
    assert_eq!(ids(&r, 3), [0]);
    assert_eq!(ids(&r, 4), [1]);
    let putin = &r.participants[0];
    assert_eq!(putin.name.as_deref(), Some("Vladimir Poutine"));
    assert_eq!(putin.role.as_deref(), Some("Président de la Russie"));
    assert_eq!(
        putin.aliases,
        [
            "Président de la Russie Vladimir Poutine",
            "Vladimir Poutine",
            "Poutine"
        ]
    );
}

#[test]
fn russian_initial_labels_join_full_names() {
    let r = resolve(
        &[
            item("Президент Республики Беларусь Александр Лукашенко"),
            label("Президент России Владимир Путин"),
            label("А.Лукашенко (как переведено)"),
            label("В.Путин"),
            label("В.Лукашенко"),
        ],
        "ru",
    );
    assert_eq!(ids(&r, 2), [0]);
    assert_eq!(ids(&r, 3), [1]);
    // Same surname, another initial: someone else.
    assert_eq!(ids(&r, 4), [2]);
    assert_eq!(
        r.participants[0].name.as_deref(),
        Some("Александр Лукашенко")
    );
    assert_eq!(
        r.participants[0].role.as_deref(),
        Some("Президент Республики Беларусь")
    );
}

#[test]
fn spelling_variants_merge() {
    let r = resolve(
        &[
            item("le ministre de la Défense Sergueï Choïgou,"),
            caption("Le ministre de la Défense Sergueï Choïgu avant la réunion élargie"),
            label("Sergey Choigou"),
            label("Mr. Choïgou"),
            item("le vice-ministre Alexandre Pankine"),
            item("l'ambassadeur Alexander Pankinne"),
        ],
        "fr",
    );
    assert_eq!(r.participants.len(), 2, "{:?}", names(&r));
    assert_eq!(ids(&r, 1), [0]);
    assert_eq!(ids(&r, 2), [0]);
    assert_eq!(ids(&r, 3), [0]);
    assert_eq!(ids(&r, 5), [1]);
    assert_eq!(r.participants[0].name.as_deref(), Some("Sergueï Choïgou"));
    assert!(
        r.participants[0]
            .aliases
            .contains(&"Sergueï Choïgu".to_owned())
    );
}

#[test]
fn never_merge_shared_first_names_or_roles() {
    let r = resolve(
        &[
            item("Le président de la Biélorussie Alexandre Loukachenko,"),
            item("le vice-ministre des Affaires étrangères Alexandre Pankine"),
            item("le vice-ministre des Affaires étrangères Ivan Morozov"),
            item("Anna Kovalenko"),
            item("Petro Kovalenko"),
            label("Kovalenko"),
        ],
        "fr",
    );
    assert_eq!(
        names(&r)[..5],
        [
            "Alexandre Loukachenko",
            "Alexandre Pankine",
            "Ivan Morozov",
            "Anna Kovalenko",
            "Petro Kovalenko"
        ]
    );
    // A bare surname two people share is nobody's: its own entry.
    assert_eq!(ids(&r, 5), [5]);
}

#[test]
fn generic_labels_stay_generic() {
    let r = resolve(
        &[
            label("Question"),
            label("Vladimir Poutine"),
            label("Question"),
            label("Question (retranslated)"),
            label("Вопрос"),
            label("Journaliste (question retraduite)"),
            label("Journaliste"),
        ],
        "fr",
    );
    assert_eq!(ids(&r, 0), [0]);
    assert_eq!(ids(&r, 2), [0]);
    assert_eq!(ids(&r, 3), [0]);
    assert_eq!(ids(&r, 4), [2]);
    assert_eq!(ids(&r, 5), [3]);
    assert_eq!(ids(&r, 6), [3]);
    assert!(r.participants[0].generic);
    assert!(!r.participants[1].generic);
    assert_eq!(r.participants[0].role.as_deref(), Some("Question"));
    assert_eq!(r.participants[0].name, None);
}

#[test]
fn role_only_entries_and_labels() {
    let r = resolve(
        &[
            item("le chef d’état-major adjoint du bureau exécutif présidentiel,"),
            item("le secrétaire de presse présidentiel Dmitri Pechkov,"),
            item("le chef d’état-major adjoint du bureau exécutif présidentiel"),
            label("PRESIDENT BIDEN"),
            label("THE PRESIDENT"),
            label("The Speaker"),
            label("The Speaker"),
            item("$$ ,"),
        ],
        "en",
    );
    assert_eq!(ids(&r, 0), [0]);
    assert_eq!(ids(&r, 2), [0]);
    assert_eq!(r.participants[0].name, None);
    assert_eq!(
        r.participants[0].role.as_deref(),
        Some("chef d’état-major adjoint du bureau exécutif présidentiel")
    );
    assert_eq!(ids(&r, 4), ids(&r, 3));
    assert_eq!(r.participants[2].name.as_deref(), Some("Biden"));
    assert_eq!(ids(&r, 5), [3]);
    assert_eq!(ids(&r, 6), [3]);
    assert!(ids(&r, 7).is_empty());
}

#[test]
fn briefing_and_parliament_labels() {
    let r = resolve(
        &[
            label("MR. SMITH"),
            label("Q"),
            label("MR. SMITH"),
            label("Jane Doe (Some Constituency) (Party)"),
            label("Jane Doe"),
            label("John Smith"),
        ],
        "en",
    );
    assert_eq!(ids(&r, 2), [0]);
    assert_eq!(ids(&r, 4), [2]);
    assert_eq!(ids(&r, 5), [0]);
    assert_eq!(r.participants[0].name.as_deref(), Some("John Smith"));
    assert_eq!(
        r.participants[2].role.as_deref(),
        Some("Some Constituency, Party")
    );
    assert!(r.participants[1].generic);
}

#[test]
fn list_role_beats_caption_role() {
    let r = resolve(
        &[
            caption(
                "Le président biélorusse Alexandre Loukachenko avant la séance photo commune des chefs d’État de l’OTSC",
            ),
            item("Le président de la Biélorussie Alexandre Loukachenko,"),
            label("Président de la République de Biélorussie Alexandre Loukachenko"),
            label("Mr. Loukachenko"),
        ],
        "fr",
    );
    assert_eq!(r.participants.len(), 1, "{:?}", names(&r));
    assert_eq!(ids(&r, 0), [0]);
    assert_eq!(
        r.participants[0].role.as_deref(),
        Some("président de la Biélorussie")
    );
}

#[test]
fn hearing_labels_in_capitals() {
    let r = resolve(
        &[
            label("CHAIRMAN JONES"),
            label("SENATOR O'BRIEN"),
            label("THE CHAIRMAN"),
            label("THE WITNESS"),
            label("Mr. Chairman"),
            label("THE WITNESS"),
        ],
        "en",
    );
    assert_eq!(names(&r), ["Jones", "O'Brien", "Witness"]);
    assert_eq!(ids(&r, 2), [0]);
    assert_eq!(ids(&r, 4), [0]);
    assert_eq!(ids(&r, 5), [2]);
    assert_eq!(r.participants[0].role.as_deref(), Some("Chairman"));
    assert_eq!(
        r.participants[0].aliases,
        ["CHAIRMAN JONES", "Jones", "THE CHAIRMAN", "Mr. Chairman"]
    );
}

#[test]
fn english_kremlin_shape() {
    let r = resolve(
        &[
            caption(
                "With President of Belarus Alexander Lukashenko before the meeting of the Collective Security Council",
            ),
            item("Prime Minister Mikhail Ostrov,"),
            item("Deputy Prime Minister – Chief of Government Staff Dmitry Larin,"),
            item("and Presidential Aide Yury Ushakov."),
            label("President of Russia Vladimir Putin"),
            label("President of Belarus Alexander Lukashenko"),
            label("Vladimir Putin"),
            label("Question (retranslated)"),
            label("Alexander Lukashenko (retranslated)"),
            caption(
                "Prime Minister Mikhail Ostrov and Presidential Aide Yury Ushakov at the Kremlin",
            ),
            caption("The Collective Security Council in Minsk"),
        ],
        "en",
    );
    assert_eq!(
        names(&r),
        [
            "Alexander Lukashenko",
            "Mikhail Ostrov",
            "Dmitry Larin",
            "Yury Ushakov",
            "Vladimir Putin",
            "Question"
        ]
    );
    assert_eq!(ids(&r, 5), [0]);
    assert_eq!(ids(&r, 8), [0]);
    assert_eq!(ids(&r, 9), [1, 3]);
    assert!(ids(&r, 10).is_empty());
    assert_eq!(
        r.participants[2].role.as_deref(),
        Some("Deputy Prime Minister – Chief of Government Staff")
    );
    assert_eq!(r.participants[3].role.as_deref(), Some("Presidential Aide"));
    assert_eq!(
        r.participants[0].role.as_deref(),
        Some("President of Belarus")
    );
}

#[test]
fn a_repeated_label_keeps_its_person() {
    // "Kovalenko" names Anna while she is the only one; once it has, it stays hers
    // even after a second Kovalenko appears (the label is then a known full name).
    let r = resolve(
        &[
            item("Anna Kovalenko"),
            label("Kovalenko"),
            item("Petro Kovalenko"),
            label("Kovalenko"),
            item("Anna Kovalenko"),
            label("Question"),
            label("Question"),
        ],
        "en",
    );
    assert_eq!(ids(&r, 1), [0]);
    assert_eq!(ids(&r, 3), [0]);
    assert_eq!(ids(&r, 4), [0]);
    assert_eq!(ids(&r, 6), ids(&r, 5));
    assert_eq!(r.participants[0].aliases, ["Anna Kovalenko", "Kovalenko"]);
}

/// A surname per number whose syllables differ in both letters, so that two of them
/// are never one edit apart.
fn surname(n: usize) -> String {
    const SYLLABLES: [&str; 10] = ["ba", "ce", "di", "fo", "gu", "hy", "jr", "ks", "lt", "mn"];
    let digits = format!("{n:04}");
    let mut out = "Zu".to_owned();
    for d in digits.bytes() {
        out.push_str(SYLLABLES[usize::from(d - b'0')]);
    }
    out
}

#[test]
fn ten_thousand_sources_resolve_quickly() {
    let texts: Vec<String> = (0..10_000)
        .map(|i| {
            let s = surname(i / 4);
            match i % 4 {
                0 => format!("Le ministre numéro {i} Ivan {s}"),
                1 => s,
                2 => "Question".to_owned(),
                _ => format!("Avec le ministre Ivan {s} avant la réunion"),
            }
        })
        .collect();
    let sources: Vec<PersonSource> = texts
        .iter()
        .enumerate()
        .map(|(i, t)| match i % 4 {
            0 => item(t),
            3 => caption(t),
            _ => label(t),
        })
        .collect();
    let started = std::time::Instant::now();
    let r = resolve(&sources, "fr");
    assert!(started.elapsed().as_secs_f64() < 5.0);
    assert_eq!(r.participants.len(), 2_501);
    assert_eq!(ids(&r, 1), ids(&r, 0));
    assert_eq!(ids(&r, 3), ids(&r, 0));
}
