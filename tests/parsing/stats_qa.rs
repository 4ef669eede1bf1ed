//! Statistics and question/answer pairing on the fixtures: press conference, briefing,
//! interviews, and the Kremlin-shape documents that must not grow questions.

use std::path::Path;

use stenogram::model::{SpeechId, Transcript};
use stenogram::qa::{Format, Qa, TurnKind};
use stenogram::stats::Stats;

fn open(name: &str) -> (Transcript, Qa, Stats) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
    let t = stenogram::load_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let qa = Qa::analyse(&t);
    let stats = Stats::build(&t, &qa);
    (t, qa, stats)
}

/// "label: kind" per turn.
fn kinds(t: &Transcript, qa: &Qa) -> Vec<String> {
    t.speeches
        .iter()
        .map(|s| format!("{}: {:?}", s.label, qa.kind(s.id)))
        .collect()
}

fn named(t: &Transcript, name: &str) -> stenogram::model::ParticipantId {
    t.participants
        .iter()
        .find(|p| p.display_name() == name)
        .map(|p| p.id)
        .unwrap_or_else(|| panic!("no participant {name}"))
}

#[test]
fn conference_fr_pairs_four_questions_and_folds_the_moderator() {
    let (t, qa, stats) = open("tests/fixtures/conference_fr.txt");
    assert_eq!(qa.format, Format::Questions);
    assert_eq!(
        kinds(&t, &qa),
        [
            "Modérateur: Moderator",
            "Marc Delorme: Other",
            "Question: Question",
            "Marc Delorme: Answer",
            "Journaliste (question retraduite): Question",
            "Inès Varga: Answer",
            "Réplique: Question",
            "Inès Varga: Answer",
            "Question: Question",
            "Marc Delorme: Answer",
            "Modérateur: Moderator",
        ]
    );
    let questions: Vec<SpeechId> = qa.pairs.iter().map(|p| p.question).collect();
    assert_eq!(
        questions,
        [SpeechId(2), SpeechId(4), SpeechId(6), SpeechId(8)]
    );
    let varga = named(&t, "Inès Varga");
    let delorme = named(&t, "Marc Delorme");
    assert_eq!(qa.pairs[1].answered_by, [varga]);
    let v = stats.person(varga).expect("Varga has figures");
    assert_eq!((v.speeches, v.words, v.answered, v.asked), (2, 27, 2, 0));
    let d = stats.person(delorme).expect("Delorme has figures");
    assert_eq!(d.answered, 2);
    let q = stats.person(named(&t, "Question")).expect("figures");
    assert_eq!(q.asked, 2);
    assert_eq!(stats.by_words.first(), Some(&delorme));
    let total: usize = stats.people.iter().map(|p| p.words).sum();
    assert_eq!(total, stats.total_words);
    let shares: f64 = stats.people.iter().map(|p| p.share).sum();
    assert!((shares - 1.0).abs() < 1e-9, "{shares}");
}

#[test]
fn briefing_en_the_press_secretary_hands_over_and_answers() {
    let (t, qa, stats) = open("tests/fixtures/briefing_en.txt");
    assert_eq!(
        kinds(&t, &qa),
        [
            "THE PRESS SECRETARY: Other",
            "MR. KOWALSKI: Other",
            "Q: Question",
            "MR. KOWALSKI: Answer",
            "Q: Question",
            "MR. KOWALSKI: Answer",
            "THE PRESS SECRETARY: Moderator",
            "Q: Question",
            "THE PRESS SECRETARY: Answer",
            "MS. OYELARAN: Answer",
            "Q: Question",
            "THE PRESS SECRETARY: Answer",
            "Q: Other",
        ]
    );
    let answered = |name: &str| stats.person(named(&t, name)).map(|p| p.answered);
    // The title "… by Press Secretary Dana Whitfield and … Tom Kowalski" names them both.
    assert_eq!(answered("Tom Kowalski"), Some(2));
    assert_eq!(answered("Dana Whitfield"), Some(2));
    assert_eq!(answered("Oyelaran"), Some(1));
    assert_eq!(qa.pairs.len(), 4);
}

#[test]
fn interview_en_the_interviewer_asks_and_the_audience_too() {
    let (t, qa, _) = open("tests/fixtures/interview_en.txt");
    assert_eq!(qa.format, Format::Interview);
    assert_eq!(
        kinds(&t, &qa),
        [
            "Peter Hale: Moderator",
            "Mara Lindqvist: Other",
            "Peter Hale: Question",
            "Mara Lindqvist: Answer",
            "Peter Hale: Question",
            "Mara Lindqvist: Answer",
            "Peter Hale: Question",
            "Mara Lindqvist: Answer",
            "Audience member: Question",
            "Mara Lindqvist: Answer",
            "Peter Hale: Moderator",
        ]
    );
}

#[test]
fn interview_ru_the_host_asks_and_a_remark_does_not() {
    let (t, qa, stats) = open("tests/fixtures/interview_ru.txt");
    assert_eq!(qa.format, Format::Interview);
    assert_eq!(
        kinds(&t, &qa),
        [
            "Ведущий: Moderator",
            "Анна Смирнова: Other",
            "Ведущий: Question",
            "Анна Смирнова: Answer",
            "Вопрос: Question",
            "Анна Смирнова: Answer",
            "Реплика: Other",
            "А.Смирнова: Answer",
            "Ведущий: Moderator",
        ]
    );
    // "А.Смирнова" is the same person: her answer after the remark joins the open question.
    let smirnova = stats.person(named(&t, "Анна Смирнова")).expect("figures");
    assert_eq!((smirnova.speeches, smirnova.answered), (4, 2));
}

#[test]
fn kremlin_shapes_get_only_their_real_questions() {
    for (name, questions) in [
        ("assets/sample.txt", 0),
        ("tests/fixtures/kremlin_ru.txt", 0),
        ("tests/fixtures/kremlin_fr.txt", 1),
        ("tests/fixtures/kremlin_en.txt", 2),
        ("tests/fixtures/hearing_en.txt", 0),
        ("tests/fixtures/parliament_en.txt", 0),
    ] {
        let (t, qa, _) = open(name);
        assert_eq!(qa.pairs.len(), questions, "{name}: {:?}", kinds(&t, &qa));
        assert!(
            !qa.kinds.contains(&TurnKind::Moderator),
            "{name}: {:?}",
            kinds(&t, &qa)
        );
        // Every question asks with a question mark in these documents.
        for pair in &qa.pairs {
            let text = t
                .speech(pair.question)
                .map(|s| s.paragraphs.join(" "))
                .unwrap_or_default();
            assert!(text.contains('?'), "{name}: {text}");
        }
    }
}

#[test]
fn first_appearances_follow_the_document() {
    let (t, _, stats) = open("assets/sample.txt");
    let velsky = stats
        .person(named(&t, "Andrei Velsky"))
        .and_then(|p| p.first)
        .map(|f| f.describe(&t));
    // His photo stands before anything he says.
    assert_eq!(velsky.as_deref(), Some("photo 2"));
    let bekov = stats
        .person(named(&t, "Nurlan Bekov"))
        .and_then(|p| p.first)
        .map(|f| f.describe(&t));
    assert_eq!(bekov.as_deref(), Some("photo 3"));
    // Sorokin never speaks: he first appears in an attendee list or a photo.
    let sorokin = stats.person(named(&t, "Pavel Sorokin")).expect("figures");
    assert_eq!(sorokin.words, 0);
    let first = sorokin.first.map(|f| f.describe(&t)).unwrap_or_default();
    assert!(
        first == "attendee list" || first.starts_with("photo "),
        "{first}"
    );
}

#[test]
fn counting_a_big_transcript_stays_linear() {
    // 20 000 question-and-answer rounds: analysis and counting must not be quadratic.
    let mut text = String::from("Press conference\n\n");
    for i in 0..20_000 {
        text.push_str(&format!(
            "Question: Number {i}, why?\n\nAnn Lee: Because {i}.\n\n"
        ));
    }
    let t = stenogram::parse_text(&text);
    let start = std::time::Instant::now();
    let qa = Qa::analyse(&t);
    let stats = Stats::build(&t, &qa);
    assert_eq!(qa.pairs.len(), 20_000);
    assert_eq!(stats.total_words, 20_000 * 5);
    assert!(start.elapsed().as_secs_f64() < 5.0, "{:?}", start.elapsed());
}
