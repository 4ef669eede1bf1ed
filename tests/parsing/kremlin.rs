//! The Kremlin shape in French, English and Russian (fictional fixtures) and the bundled
//! sample: metadata, photos, speeches per speaker, lists and people.

use std::path::Path;

use stenogram::Transcript;
use stenogram::model::{BlockKind, ParticipantId, TextRef};
use stenogram::parse_text;
use stenogram::text::fold;

fn load(relative: &str) -> Transcript {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    parse_text(&text)
}

/// (label, paragraph count) of every speech, in order.
fn speech_shape(t: &Transcript) -> Vec<(&str, usize)> {
    t.speeches
        .iter()
        .map(|s| (s.label.as_str(), s.paragraphs.len()))
        .collect()
}

fn attendee_lists(t: &Transcript) -> Vec<(Option<&str>, Vec<&str>, Option<&str>)> {
    t.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Attendees {
                intro,
                items,
                outro,
            } => Some((
                intro.as_deref(),
                items.iter().map(|i| i.text.as_str()).collect(),
                outro.as_deref(),
            )),
            _ => None,
        })
        .collect()
}

fn headings(t: &Transcript) -> Vec<&str> {
    t.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Heading { text } => Some(text.as_str()),
            _ => None,
        })
        .collect()
}

fn elision_speeches(t: &Transcript) -> Vec<Option<usize>> {
    t.blocks
        .iter()
        .filter_map(|b| match b.kind {
            BlockKind::Elision { speech } => Some(speech.map(|s| s.index())),
            _ => None,
        })
        .collect()
}

fn tags(t: &Transcript) -> Vec<(&str, Vec<&str>)> {
    t.tags
        .iter()
        .map(|s| {
            (
                s.heading.as_str(),
                s.values.iter().map(String::as_str).collect(),
            )
        })
        .collect()
}

/// Photos as (number, of, has credit).
fn photo_numbers(t: &Transcript) -> Vec<(u32, Option<u32>, bool)> {
    t.photos
        .iter()
        .map(|p| (p.number, p.of, p.credit.is_some()))
        .collect()
}

/// The participant whose name folds to `name`.
fn named(t: &Transcript, name: &str) -> ParticipantId {
    let key = fold(name);
    t.participants
        .iter()
        .find(|p| p.name.as_deref().is_some_and(|n| fold(n) == key))
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("no participant named {name}: {:#?}", t.participants))
}

/// The participant of entry `item` of attendee list `list`.
fn list_person(t: &Transcript, list: usize, item: usize) -> Option<ParticipantId> {
    t.blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Attendees { items, .. } => Some(items),
            _ => None,
        })
        .nth(list)
        .and_then(|items| items.get(item))
        .and_then(|i| i.participant)
}

fn photo_people(t: &Transcript, number: u32) -> Vec<ParticipantId> {
    t.photos
        .iter()
        .find(|p| p.number == number)
        .map(|p| p.participants.clone())
        .unwrap_or_default()
}

/// Ids are valid and every participant's appearances point back correctly.
fn assert_consistent(t: &Transcript) {
    for (i, p) in t.participants.iter().enumerate() {
        assert_eq!(p.id.index(), i, "participant ids are positions");
        for s in &p.appearances.speeches {
            assert_eq!(t.speech(*s).map(|s| s.speaker), Some(p.id));
        }
        for ph in &p.appearances.photos {
            assert!(
                t.photo(*ph)
                    .is_some_and(|ph| ph.participants.contains(&p.id))
            );
        }
        for b in &p.appearances.lists {
            assert!(matches!(
                t.blocks.get(*b).map(|b| &b.kind),
                Some(BlockKind::Attendees { .. })
            ));
        }
    }
    for s in &t.speeches {
        assert!(
            t.participant(s.speaker).is_some(),
            "speaker id out of range"
        );
    }
    for p in &t.photos {
        for id in &p.participants {
            assert!(
                t.participant(*id).is_some(),
                "photo participant out of range"
            );
        }
    }
}

fn no_participant_named(t: &Transcript, names: &[&str]) {
    for p in &t.participants {
        for name in names {
            let key = fold(name);
            assert!(
                !p.aliases.iter().any(|a| fold(a).contains(&key))
                    && !p.name.as_deref().is_some_and(|n| fold(n).contains(&key)),
                "photographer {name} became participant {p:?}"
            );
        }
    }
}

fn mentioned_at(t: &Transcript, who: ParticipantId, at: TextRef) -> bool {
    t.participant(who)
        .is_some_and(|p| p.appearances.mentions.iter().any(|m| m.at == at))
}

// ---------------------------------------------------------------- French

#[test]
fn french_metadata_and_photos() {
    let t = load("tests/fixtures/kremlin_fr.txt");
    assert_eq!(
        t.title,
        "Conseil des chefs de gouvernement de l’Union des ports de la Baltique"
    );
    assert_eq!(t.date.as_deref(), Some("2024-06-04"));
    assert_eq!(t.time.as_deref(), Some("10:15"));
    assert_eq!(t.place.as_deref(), Some("Kaliningrad"));
    assert_eq!(t.language, "fr");
    assert_eq!(
        t.source_url.as_deref(),
        Some("http://www.example.org/evenements/president/nouvelles/6120")
    );
    let photos = photo_numbers(&t);
    assert_eq!(photos.len(), 12);
    for (k, (number, of, credit)) in photos.iter().enumerate() {
        assert_eq!(*number as usize, k + 1);
        assert_eq!(*of, if k == 2 { Some(12) } else { None });
        assert!(credit);
    }
    let first = &t.photos[0];
    assert_eq!(
        first.caption,
        "Avant la réunion du Conseil des chefs de gouvernement."
    );
    assert_eq!(
        first.credit.as_deref(),
        Some("Marina Lebedeva, Agence Baltique")
    );
    assert_eq!(
        tags(&t),
        [
            ("Géographie", vec!["Orlavie", "Sevranie"]),
            ("Thèmes", vec!["Transports", "Commerce"])
        ]
    );
    // The dateline line is a dateline, not a photo.
    assert!(t.blocks.iter().any(|b| matches!(&b.kind,
        BlockKind::Dateline { text } if text == "4 juin 2024 à 10h15 à Kaliningrad")));
}

#[test]
fn french_speeches_and_lists() {
    let t = load("tests/fixtures/kremlin_fr.txt");
    assert_eq!(
        speech_shape(&t),
        [
            ("Président de l’Orlavie Andreï Velski", 11),
            ("Premier ministre de la Sevranie Nurlan Bekov", 4),
            ("Journaliste (question retraduite)", 1),
            ("Andreï Velski", 2),
        ]
    );
    let opening = &t.speeches[0].paragraphs;
    assert_eq!(opening[0], "Chers collègues, amis,");
    assert_eq!(opening[3], "la réunion des directeurs des ports,");
    assert_eq!(opening[6], "Je le dis clairement :");
    assert_eq!(elision_speeches(&t), [Some(1)]);
    let lists = attendee_lists(&t);
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0].0, None);
    assert_eq!(lists[0].1.len(), 4);
    assert_eq!(
        lists[0].1[3],
        "Le secrétaire général de l’Union des ports de la Baltique Rouslan Temirov"
    );
    assert_eq!(lists[0].2, Some("ont également participé à la réunion."));
    assert_eq!(
        lists[1].0,
        Some("Les responsables orlaviens suivants ont participé à la séance :")
    );
    assert_eq!(
        lists[1].1,
        [
            "le ministre des Transports Pavel Sorokine",
            "la conseillère présidentielle Irina Volochina",
            "le chef adjoint du protocole présidentiel",
            "le ministre de l’Énergie Oleg Kravets",
            "l’ambassadeur d’Orlavie en Sevranie Viktor Lanskoï",
        ]
    );
    assert!(
        matches!(&t.blocks.iter().find(|b| matches!(b.kind, BlockKind::Lead { .. })).map(|b| &b.kind),
        Some(BlockKind::Lead { text }) if text.starts_with("Andreï Velski a présidé"))
    );
}

#[test]
fn french_people() {
    let t = load("tests/fixtures/kremlin_fr.txt");
    assert_consistent(&t);
    let velski = named(&t, "Andreï Velski");
    assert_eq!(t.speeches[0].speaker, velski);
    assert_eq!(
        t.speeches[3].speaker, velski,
        "short later label is the same person"
    );
    assert!(
        t.participant(t.speeches[2].speaker)
            .is_some_and(|p| p.generic && p.name.is_none())
    );
    let named_people = t.participants.iter().filter(|p| !p.generic).count();
    assert_eq!(named_people, 10, "{:#?}", t.participants);
    let role_only: Vec<_> = t
        .participants
        .iter()
        .filter(|p| p.name.is_none() && !p.generic)
        .collect();
    assert_eq!(role_only.len(), 1);
    assert_eq!(
        role_only[0].role.as_deref(),
        Some("chef adjoint du protocole présidentiel")
    );
    let bekov = named(&t, "Nurlan Bekov");
    assert_eq!(
        t.participant(bekov)
            .and_then(|p| p.role.as_deref())
            .map(fold),
        Some(fold("Premier ministre de la Sevranie"))
    );
    // "Kravetz" in a caption is the "Kravets" of the list.
    let kravets = named(&t, "Oleg Kravets");
    assert_eq!(list_person(&t, 1, 3), Some(kravets));
    assert!(photo_people(&t, 10).contains(&kravets));
    assert!(photo_people(&t, 10).contains(&named(&t, "Pavel Sorokine")));
    assert_eq!(photo_people(&t, 2), [velski]);
    // "Avec le Premier ministre … Bekov": the page's principal stands beside him.
    assert_eq!(photo_people(&t, 3), [bekov, velski]);
    no_participant_named(&t, &["Lebedeva", "Orlov"]);
    // "Comme vient de le dire le Président de l’Orlavie" names Velski.
    assert!(mentioned_at(
        &t,
        velski,
        TextRef::Speech {
            speech: t.speeches[1].id,
            paragraph: 2
        }
    ));
}

// ---------------------------------------------------------------- English

#[test]
fn english_metadata_and_photos() {
    let t = load("tests/fixtures/kremlin_en.txt");
    assert_eq!(
        t.title,
        "Press statements and answers to media questions following Orlavian-Kestrian talks"
    );
    assert_eq!(t.date.as_deref(), Some("2024-09-18"));
    assert_eq!(t.time.as_deref(), Some("16:20"));
    assert_eq!(t.place.as_deref(), Some("Varengrad"));
    assert_eq!(t.language, "en");
    assert_eq!(
        t.source_url.as_deref(),
        Some("https://www.example.org/events/president/transcripts/7415")
    );
    let photos = photo_numbers(&t);
    assert_eq!(photos.len(), 11);
    for (k, (number, of, credit)) in photos.iter().enumerate() {
        assert_eq!((*number as usize, *of, *credit), (k + 1, Some(11), true));
    }
    assert_eq!(
        t.photos[0].credit.as_deref(),
        Some("Yuri Danko, NRU Pool"),
        "Photo by"
    );
    assert_eq!(
        t.photos[0].caption,
        "Before the Orlavian-Kestrian talks in restricted format."
    );
    assert_eq!(
        headings(&t),
        ["Press statements", "Answers to media questions"]
    );
    assert_eq!(
        tags(&t),
        [
            ("Geography", vec!["Orlavia", "Kestria"]),
            ("Topics", vec!["Foreign policy"]),
            ("Persons", vec!["Malinova Daria", "Velsky Andrei"]),
        ]
    );
}

#[test]
fn english_speeches_without_false_turns() {
    let t = load("tests/fixtures/kremlin_en.txt");
    assert_eq!(
        speech_shape(&t),
        [
            ("President of Orlavia Andrei Velsky", 7),
            ("President of Kestria Daria Malinova", 7),
            ("Question", 1),
            ("Velsky", 2),
            ("Question (retranslated)", 1),
            ("Malinova", 2),
            ("Remark", 1),
        ]
    );
    assert_eq!(t.speeches[0].paragraphs[3], "Let me repeat:");
    assert_eq!(
        t.speeches[1].paragraphs[4],
        "Country X: “We will not join this project.”"
    );
    assert_eq!(t.speeches[3].paragraphs[0], "The answer is simple:");
    assert_eq!(elision_speeches(&t), [Some(1)]);
    let lists = attendee_lists(&t);
    assert_eq!(
        lists,
        [(
            Some("The following also took part in the talks:"),
            vec![
                "Minister of Foreign Affairs Pavel Sorokin",
                "Presidential Aide Irina Voloshina",
                "Minister of Energy Oleg Kravets"
            ],
            None
        )]
    );
}

#[test]
fn english_people() {
    let t = load("tests/fixtures/kremlin_en.txt");
    assert_consistent(&t);
    let velsky = named(&t, "Andrei Velsky");
    let malinova = named(&t, "Daria Malinova");
    assert_eq!(t.speeches[0].speaker, velsky);
    assert_eq!(
        t.speeches[3].speaker, velsky,
        "\"Velsky:\" is the President of Orlavia"
    );
    assert_eq!(t.speeches[1].speaker, malinova);
    assert_eq!(t.speeches[5].speaker, malinova);
    for k in [2, 4, 6] {
        let p = t.participant(t.speeches[k].speaker);
        assert!(p.is_some_and(|p| p.generic && p.name.is_none()), "{p:?}");
    }
    assert_eq!(
        t.participants.iter().filter(|p| !p.generic).count(),
        6,
        "{:#?}",
        t.participants
    );
    let kravets = named(&t, "Oleg Kravets");
    assert_eq!(list_person(&t, 0, 2), Some(kravets));
    assert_eq!(photo_people(&t, 8), [kravets]);
    assert_eq!(photo_people(&t, 2), [velsky, malinova]);
    assert_eq!(photo_people(&t, 11), [velsky, malinova]);
    let hradek = named(&t, "Tomas Hradek");
    assert_eq!(photo_people(&t, 4), [hradek]);
    no_participant_named(&t, &["Yuri Danko", "Lena Markova"]);
    // "I thank the President of Orlavia" in Malinova's speech names Velsky.
    assert!(mentioned_at(
        &t,
        velsky,
        TextRef::Speech {
            speech: t.speeches[1].id,
            paragraph: 1
        }
    ));
}

// ---------------------------------------------------------------- Russian

#[test]
fn russian_metadata_and_photos() {
    let t = load("tests/fixtures/kremlin_ru.txt");
    assert_eq!(
        t.title,
        "Заседание Совета глав правительств Союза северных рек"
    );
    assert_eq!(t.date.as_deref(), Some("2025-02-12"));
    assert_eq!(t.time.as_deref(), Some("12:00"));
    assert_eq!(t.place.as_deref(), Some("Варенград"));
    assert_eq!(t.language, "ru");
    assert_eq!(
        t.source_url.as_deref(),
        Some("http://www.example.org/events/government/news/5063")
    );
    let photos = photo_numbers(&t);
    assert_eq!(photos.len(), 10);
    for (k, (number, of, credit)) in photos.iter().enumerate() {
        assert_eq!(*number as usize, k + 1);
        assert_eq!(*of, if k == 2 { Some(10) } else { None });
        assert!(credit);
    }
    assert_eq!(
        t.photos[9].credit.as_deref(),
        Some("Юрий Данько, пул Союза"),
        "Фото :"
    );
    assert_eq!(t.photos[9].caption, "Церемония подписания документов.");
    assert_eq!(
        tags(&t),
        [
            ("География", vec!["Орлавия", "Севрания", "Кестрия"]),
            ("Темы", vec!["Транспорт"]),
            ("Персоны", vec!["Вельский Андрей"]),
        ]
    );
}

#[test]
fn russian_speeches_and_lists() {
    let t = load("tests/fixtures/kremlin_ru.txt");
    assert_eq!(
        speech_shape(&t),
        [
            ("А.Вельский", 10),
            ("Н.Беков (как переведено)", 4),
            ("Д.Малинова", 2),
            ("А.Вельский", 1),
        ]
    );
    assert_eq!(t.speeches[0].paragraphs[6], "Я скажу так:");
    assert_eq!(
        t.speeches[0].paragraphs[3],
        "совещание руководителей речных портов,"
    );
    assert_eq!(elision_speeches(&t), [Some(1)]);
    let lists = attendee_lists(&t);
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0].1.len(), 4);
    assert_eq!(
        lists[0].1[3],
        "Генеральный секретарь Союза северных рек Руслан Темиров"
    );
    assert_eq!(lists[0].2, Some("также приняли участие в заседании."));
    assert_eq!(
        lists[1].0,
        Some("В заседании в расширенном составе также приняли участие:")
    );
    assert_eq!(lists[1].1.len(), 5);
    assert_eq!(
        lists[1].1[2],
        "заместитель руководителя аппарата Правительства"
    );
}

#[test]
fn russian_people() {
    let t = load("tests/fixtures/kremlin_ru.txt");
    assert_consistent(&t);
    let velsky = t.speeches[0].speaker;
    assert_eq!(t.speeches[3].speaker, velsky);
    assert_eq!(
        named(&t, "Андрей Вельский"),
        velsky,
        "«А.Вельский» is Андрей Вельский"
    );
    assert_eq!(photo_people(&t, 2), [velsky]);
    let bekov = named(&t, "Нурлан Беков");
    assert_eq!(t.speeches[1].speaker, bekov);
    assert_eq!(photo_people(&t, 7), [bekov]);
    // "С Премьер-министром …": the page's principal stands beside him.
    assert_eq!(
        photo_people(&t, 3),
        [bekov, velsky],
        "instrumental case «Нурланом Бековым»"
    );
    let malinova = named(&t, "Дарья Малинова");
    assert_eq!(t.speeches[2].speaker, malinova);
    assert_eq!(photo_people(&t, 8), [malinova]);
    let kravets = named(&t, "Олег Кравец");
    assert_eq!(list_person(&t, 1, 3), Some(kravets));
    assert!(
        photo_people(&t, 9).contains(&kravets),
        "«Кравецц» is «Кравец»"
    );
    assert_eq!(
        t.participants.iter().filter(|p| !p.generic).count(),
        10,
        "{:#?}",
        t.participants
    );
    let role_only: Vec<_> = t.participants.iter().filter(|p| p.name.is_none()).collect();
    assert_eq!(role_only.len(), 1);
    no_participant_named(&t, &["Елена Маркова", "Юрий Данько"]);
}

// ---------------------------------------------------------------- the bundled sample

#[test]
fn sample_shows_every_feature() {
    let t = load("assets/sample.txt");
    assert_eq!(t.title, "Summit of the Northern Rivers Union");
    assert_eq!(t.date.as_deref(), Some("2024-03-14"));
    assert_eq!(t.time.as_deref(), Some("11:30"));
    assert_eq!(t.place.as_deref(), Some("Varengrad"));
    assert_eq!(t.language, "en");
    assert!(
        t.source_url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://www.example.org/"))
    );
    assert_eq!(photo_numbers(&t).len(), 14);
    assert!(
        t.photos
            .iter()
            .all(|p| p.credit.is_some() && !p.caption.is_empty())
    );
    assert_eq!(t.photos[2].of, Some(14));
    assert_eq!(
        speech_shape(&t),
        [
            ("President of Orlavia Andrei Velsky", 15),
            ("President of Sevrania Nurlan Bekov", 8),
            ("President of Kestria Daria Malinova", 8),
            ("President of Talmar Ilyas Karimov", 9),
            ("Andrei Velsky", 4),
            ("Daria Malinova", 2),
        ]
    );
    assert_eq!(t.speeches[0].paragraphs[7], "Let me be clear:");
    assert_eq!(elision_speeches(&t), [Some(1)]);
    assert_eq!(headings(&t), ["Opening of the meeting", "Closing remarks"]);
    let lists = attendee_lists(&t);
    assert_eq!(lists.len(), 2);
    assert_eq!(lists[0].2, Some("also took part in the meeting."));
    assert_eq!(lists[1].1.len(), 5);
    assert_eq!(t.tags.len(), 3);
    // Photos stand inside speeches: the first speech is split in two runs by photo 7.
    let runs = t
        .blocks
        .iter()
        .filter(|b| matches!(b.kind, BlockKind::Speech { speech, .. } if speech.index() == 0))
        .count();
    assert_eq!(runs, 2);
}

#[test]
fn sample_people() {
    let t = load("assets/sample.txt");
    assert_consistent(&t);
    let velsky = named(&t, "Andrei Velsky");
    assert_eq!(t.speeches[0].speaker, velsky);
    assert_eq!(t.speeches[4].speaker, velsky);
    let kravets = named(&t, "Oleg Kravets");
    assert_eq!(list_person(&t, 1, 3), Some(kravets));
    assert!(
        photo_people(&t, 11).contains(&kravets),
        "Kravetz is Kravets"
    );
    let role_only: Vec<_> = t.participants.iter().filter(|p| p.name.is_none()).collect();
    assert_eq!(role_only.len(), 1, "{:#?}", t.participants);
    assert_eq!(t.participants.len(), 10, "{:#?}", t.participants);
    no_participant_named(&t, &["Lena Markova", "Yuri Danko"]);
    let bekov = named(&t, "Nurlan Bekov");
    assert!(
        mentioned_at(
            &t,
            bekov,
            TextRef::Speech {
                speech: t.speeches[2].id,
                paragraph: 3
            }
        ),
        "\"As the President of Sevrania has just said\" names Bekov"
    );
}
