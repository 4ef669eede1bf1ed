use super::store::CorrectionStore;
use super::*;
use crate::export::check::check_ids;
use crate::model::{ParticipantId, PhotoId, SpeechId, Transcript};

/// A small transcript with something for each edit: a misspelled second Kravets, a page
/// counter inside a speech, a note that reads as a paragraph, a photo without people
/// (shared with the command-line and app tests of corrections).
const TEXT: &str = include_str!("../../tests/fixtures/corrections/talks.txt");

fn applied(edits: &[Edit]) -> Applied {
    let a = apply(Base::Text(TEXT), edits);
    assert_eq!(check_ids(&a.transcript), Ok(()));
    a
}

fn person(t: &Transcript, name: &str) -> ParticipantId {
    find_person(t, name).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn speakers(t: &Transcript) -> Vec<String> {
    t.speeches
        .iter()
        .map(|s| {
            t.participant(s.speaker)
                .map_or("?", |p| p.display_name())
                .to_owned()
        })
        .collect()
}

fn line(n: usize) -> LineRef {
    line_ref(TEXT, n).unwrap_or_else(|| panic!("line {n}"))
}

#[test]
fn no_corrections_is_the_plain_parse() {
    let a = applied(&[]);
    assert_eq!(a.transcript, crate::parse_text(TEXT));
    assert!(a.stale.is_empty());
    assert_eq!(a.marks, Marks::default());
}

#[test]
fn rename_changes_name_and_role_and_keeps_the_old_name_findable() {
    let a = applied(&[Edit::Rename {
        person: "velsky".to_owned(),
        name: Some("Andrej Velský".to_owned()),
        role: Some("Head of State".to_owned()),
    }]);
    let t = &a.transcript;
    let id = person(t, "Andrej Velský");
    let p = &t.participants[id.index()];
    assert_eq!(p.role.as_deref(), Some("Head of State"));
    assert_eq!(person(t, "Andrei Velsky"), id);
    assert!(a.marks.participants.contains(&id));
    // An empty role clears it.
    let a = applied(&[Edit::Rename {
        person: "Velsky".to_owned(),
        name: None,
        role: Some(String::new()),
    }]);
    let id = person(&a.transcript, "Velsky");
    assert_eq!(a.transcript.participants[id.index()].role, None);
}

#[test]
fn merge_gives_the_second_persons_speeches_to_the_first() {
    let a = applied(&[Edit::Merge {
        keep: "Malinova".to_owned(),
        gone: "Kravets".to_owned(),
    }]);
    let t = &a.transcript;
    assert_eq!(t.participants.len(), 2);
    assert_eq!(
        speakers(t),
        [
            "Andrei Velsky",
            "Daria Malinova",
            "Andrei Velsky",
            "Daria Malinova",
            "Daria Malinova",
            "Daria Malinova",
            "Andrei Velsky"
        ]
    );
    assert_eq!(a.marks.participants, [person(t, "Malinova")].into());
    let same = applied(&[Edit::Merge {
        keep: "Velsky".to_owned(),
        gone: "Andrei Velsky".to_owned(),
    }]);
    assert_eq!(same.stale.len(), 1);
}

#[test]
fn split_moves_an_alias_and_its_speeches_to_a_new_person() {
    let a = applied(&[Edit::Split {
        person: "Kravets".to_owned(),
        alias: "oleg kravetz".to_owned(),
    }]);
    let t = &a.transcript;
    let new = person(t, "Oleg Kravetz");
    assert_ne!(new, person(t, "Minister of Energy Oleg Kravets"));
    assert_eq!(t.speeches[4].speaker, new);
    assert_eq!(
        t.participants[new.index()].appearances.speeches,
        [SpeechId(4)]
    );
    assert!(a.marks.speeches.contains(&SpeechId(4)));
    // The name itself cannot be split off, nor a spelling the person never had.
    for alias in ["Oleg Kravets", "Nobody"] {
        let a = applied(&[Edit::Split {
            person: "Kravets".to_owned(),
            alias: alias.to_owned(),
        }]);
        assert_eq!(a.stale.len(), 1, "{alias}");
    }
}

#[test]
fn reassign_gives_one_speech_to_someone_else_or_to_a_new_person() {
    let t = crate::parse_text(TEXT);
    let speech = speech_ref(&t, SpeechId(5)).unwrap_or_else(|| panic!("speech 6"));
    let a = applied(&[Edit::Reassign {
        speech: speech.clone(),
        to: "Velsky".to_owned(),
        new: false,
    }]);
    assert_eq!(speakers(&a.transcript)[5], "Andrei Velsky");
    assert!(a.marks.speeches.contains(&SpeechId(5)));
    let malinova = person(&a.transcript, "Malinova");
    assert!(
        !a.transcript.participants[malinova.index()]
            .appearances
            .speeches
            .contains(&SpeechId(5))
    );
    let a = applied(&[Edit::Reassign {
        speech,
        to: "Ivan Petrov".to_owned(),
        new: true,
    }]);
    assert_eq!(speakers(&a.transcript)[5], "Ivan Petrov");
}

#[test]
fn a_line_verdict_redoes_the_parse() {
    // "Note: …" becomes a speech; "Velsky: Let us begin" stops being one.
    let a = applied(&[
        Edit::Label {
            line: line(19),
            label: true,
        },
        Edit::Label {
            line: line(9),
            label: false,
        },
    ]);
    let t = &a.transcript;
    assert!(a.stale.is_empty(), "{:?}", a.stale);
    let labels: Vec<&str> = t.speeches.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "President of Orlavia Andrei Velsky",
            "President of Kestria Daria Malinova",
            "Minister of Energy Oleg Kravets",
            "Oleg Kravetz",
            "Malinova",
            "Note",
            "Velsky"
        ]
    );
    assert_eq!(
        t.speeches[1].paragraphs.last().map(String::as_str),
        Some("Velsky: Let us begin with energy.")
    );
    assert_eq!(t.speeches[5].paragraphs, ["the talks went on late."]);
    assert_eq!(a.verdicts.label(19), Some(true));
}

#[test]
fn not_text_leaves_the_lines_out() {
    let a = applied(&[Edit::NotText {
        from: line(17),
        to: None,
    }]);
    let malinova = &a.transcript.speeches[5];
    assert_eq!(
        malinova.paragraphs,
        ["We agree.", "Note: the talks went on late."]
    );
    let run = applied(&[Edit::NotText {
        from: line(17),
        to: Some(line(19)),
    }]);
    assert_eq!(run.transcript.speeches[5].paragraphs, ["We agree."]);
}

#[test]
fn photo_people_are_added_and_removed() {
    let t = crate::parse_text(TEXT);
    let first = photo_ref(&t, PhotoId(0)).unwrap_or_else(|| panic!("photo 1"));
    let second = photo_ref(&t, PhotoId(1)).unwrap_or_else(|| panic!("photo 2"));
    let a = applied(&[
        Edit::PhotoPerson {
            photo: first,
            person: "Velsky".to_owned(),
            add: true,
        },
        Edit::PhotoPerson {
            photo: second,
            person: "Malinova".to_owned(),
            add: false,
        },
    ]);
    let t = &a.transcript;
    let velsky = person(t, "Velsky");
    assert_eq!(t.photos[0].participants, [velsky]);
    assert!(t.photos[1].participants.is_empty());
    let malinova = person(t, "Malinova");
    assert!(
        t.participants[malinova.index()]
            .appearances
            .photos
            .is_empty()
    );
    assert_eq!(a.marks.photos, [PhotoId(0), PhotoId(1)].into());
}

#[test]
fn edits_on_a_changed_text_are_stale_with_a_reason() {
    let edits = [
        Edit::NotText {
            from: line(17),
            to: None,
        },
        Edit::Rename {
            person: "Kravetz".to_owned(),
            name: Some("Oleg Kravets".to_owned()),
            role: None,
        },
        Edit::Label {
            line: LineRef {
                line: 400,
                text: "Nothing".to_owned(),
            },
            label: true,
        },
    ];
    let changed = TEXT
        .replace("Page 2 of 9", "Page 3 of 9")
        .replace("Kravetz", "Kravets");
    let a = apply(Base::Text(&changed), &edits);
    let reasons: Vec<(usize, &str)> = a
        .stale
        .iter()
        .map(|s| (s.index, s.reason.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (0, "line 17 now reads “Page 3 of 9”"),
            (1, "no participant matches “Kravetz”"),
            (2, "the text has 24 lines, not 400"),
        ]
    );
    // The unchanged text takes them all but the last.
    assert_eq!(applied(&edits).stale.len(), 1);
    // A transcript without source lines cannot take line edits.
    let t = crate::parse_text(TEXT);
    assert_eq!(apply(Base::Parsed(&t), &edits).stale.len(), 2);
}

#[test]
fn an_ambiguous_name_is_stale() {
    let a = applied(&[Edit::Merge {
        keep: "President".to_owned(),
        gone: "Kravets".to_owned(),
    }]);
    assert_eq!(a.stale.len(), 1);
    assert!(a.stale[0].reason.contains("several"), "{:?}", a.stale);
}

#[test]
fn a_person_ref_names_that_person_only() {
    let t = crate::parse_text(TEXT);
    for p in &t.participants {
        let name = person_ref(&t, p.id).unwrap_or_default();
        assert_eq!(find_person(&t, &name), Ok(p.id), "{name}");
    }
}

#[test]
fn undo_and_redo_move_the_cursor() {
    let rename = |name: &str| Edit::Rename {
        person: "Velsky".to_owned(),
        name: Some(name.to_owned()),
        role: None,
    };
    let mut list = CorrectionList::default();
    assert!(!list.can_undo());
    list.push(rename("A"));
    list.push(rename("B"));
    assert_eq!(list.undo(), Some(&rename("B")));
    assert_eq!(list.active(), [rename("A")]);
    assert!(list.can_redo());
    assert_eq!(list.redo(), Some(&rename("B")));
    assert_eq!(list.redo(), None);
    list.undo();
    // A new edit drops the undone one.
    list.push(rename("C"));
    assert_eq!(list.active(), [rename("A"), rename("C")]);
    assert!(!list.can_redo());
    assert_eq!(list.remove(0), Some(rename("A")));
    assert_eq!(list.active(), [rename("C")]);
    assert_eq!(list.remove(1), None);
    // The JSON keeps the cursor.
    list.undo();
    let back = CorrectionList::from_json(&list.to_json("T"));
    assert_eq!(back, Ok(list));
    assert!(
        CorrectionList::from_json("{\"format\": \"other\", \"version\": 1, \"edits\": []}")
            .is_err()
    );
}

#[test]
fn the_store_saves_loads_and_sets_a_damaged_file_aside() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
    let store = CorrectionStore::new(dir.path());
    assert_eq!(store.load("abc"), store::Loaded::default());
    let list = CorrectionList::new(vec![Edit::Merge {
        keep: "A".to_owned(),
        gone: "B".to_owned(),
    }]);
    assert_eq!(store.save("abc", "Talks", &list), Ok(()));
    assert_eq!(store.load("abc").list, list);
    let path = store.file("abc");
    assert!(std::fs::write(&path, "{ not json").is_ok());
    let loaded = store.load("abc");
    assert!(loaded.list.is_empty());
    let problem = loaded.problem.unwrap_or_default();
    assert!(problem.contains("was kept as"), "{problem}");
    let names: Vec<String> = std::fs::read_dir(dir.path().join("corrections"))
        .map(|d| {
            d.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names.len(), 1);
    assert!(names[0].starts_with("abc.unreadable-"), "{names:?}");
    // An empty list leaves no file.
    assert_eq!(store.save("abc", "Talks", &list), Ok(()));
    assert_eq!(
        store.save("abc", "Talks", &CorrectionList::default()),
        Ok(())
    );
    assert!(!path.exists());
}

#[test]
fn hostile_edits_do_not_panic() {
    let edits = [
        Edit::Label {
            line: LineRef {
                line: 0,
                text: String::new(),
            },
            label: true,
        },
        Edit::NotText {
            from: line(19),
            to: Some(line(3)),
        },
        Edit::Reassign {
            speech: SpeechRef {
                number: 0,
                label: String::new(),
                excerpt: String::new(),
            },
            to: String::new(),
            new: true,
        },
        Edit::PhotoPerson {
            photo: PhotoRef {
                number: usize::MAX,
                excerpt: "x".to_owned(),
            },
            person: "?".to_owned(),
            add: true,
        },
        Edit::Split {
            person: String::new(),
            alias: String::new(),
        },
    ];
    let a = applied(&edits);
    assert!(a.stale.len() >= 4, "{:?}", a.stale);
    for text in ["", "\n", ":", "a:\nb:"] {
        let _ = apply(Base::Text(text), &edits);
    }
}
