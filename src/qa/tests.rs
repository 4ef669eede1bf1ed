//! Questions and answers paired in small transcripts of each shape.

use super::*;

fn qa(text: &str) -> (Transcript, Qa) {
    let t = crate::parse_text(text);
    let qa = Qa::analyse(&t);
    (t, qa)
}

/// "label: kind" per turn, for compact asserts.
fn kinds(t: &Transcript, qa: &Qa) -> Vec<String> {
    t.speeches
        .iter()
        .map(|s| format!("{}: {:?}", s.label, qa.kind(s.id)))
        .collect()
}

#[test]
fn press_conference_pairs_questions_with_answers() {
    let (t, qa) = qa("Press conference\n\n\
        Moderator: Good morning. The minister will take your questions.\n\n\
        Ann Weber: Thank you. Let me start with the budget.\n\n\
        Question: How much will it cost?\n\n\
        Ann Weber: Two billion.\n\n\
        Moderator: Next question, please.\n\n\
        Question: And when does it start?\n\n\
        Ann Weber: In May.\n\n\
        Carl Brand: And it ends in June.\n\n\
        Moderator: Thank you all.\n");
    assert_eq!(
        kinds(&t, &qa),
        [
            "Moderator: Moderator",
            "Ann Weber: Other",
            "Question: Question",
            "Ann Weber: Answer",
            "Moderator: Moderator",
            "Question: Question",
            "Ann Weber: Answer",
            "Carl Brand: Answer",
            "Moderator: Moderator",
        ]
    );
    assert_eq!(qa.format, Format::Questions);
    assert_eq!(qa.pairs.len(), 2);
    assert_eq!(qa.pairs[1].answers, [SpeechId(6), SpeechId(7)]);
    assert_eq!(qa.pairs[1].answered_by.len(), 2, "both speakers answered");
    let counts = qa.counts(t.participants.len());
    let ann = t.speeches[1].speaker;
    assert_eq!(counts[ann.index()], (0, 2));
    assert_eq!(counts[t.speeches[2].speaker.index()], (2, 0));
}

#[test]
fn a_question_without_an_answer_and_a_closing_thanks() {
    let (t, qa) = qa("Briefing\n\n\
        Q: Is the bridge safe?\n\n\
        Q: Thanks.\n");
    assert_eq!(kinds(&t, &qa), ["Q: Question", "Q: Other"]);
    assert!(qa.pairs[0].answers.is_empty());
}

#[test]
fn a_moderator_word_before_the_answer_keeps_the_question_open() {
    let (t, qa) = qa("Conférence de presse\n\n\
        Journaliste : Quel est le coût ?\n\n\
        Modératrice : Monsieur le ministre ?\n\n\
        Paul Martin : Deux milliards.\n");
    assert_eq!(
        kinds(&t, &qa),
        [
            "Journaliste: Question",
            "Modératrice: Moderator",
            "Paul Martin: Answer"
        ]
    );
}

#[test]
fn a_named_reporter_asks_and_a_spokesperson_hands_over_and_answers() {
    let (t, qa) = qa("Briefing\n\n\
        Press Secretary Lena Ortiz: Good afternoon. Go ahead, Jane.\n\n\
        Jane Roe (Reuters): Will the president travel?\n\n\
        Press Secretary Lena Ortiz: Yes, on Monday.\n\n\
        Press Secretary Lena Ortiz: Next.\n\n\
        Е.Иванова (Первый канал): Когда?\n\n\
        Press Secretary Lena Ortiz: Soon.\n");
    let k: Vec<TurnKind> = t.speeches.iter().map(|s| qa.kind(s.id)).collect();
    assert_eq!(
        k,
        [
            TurnKind::Moderator,
            TurnKind::Question,
            TurnKind::Answer,
            TurnKind::Moderator,
            TurnKind::Question,
            TurnKind::Answer,
        ],
        "{:?}",
        kinds(&t, &qa)
    );
}

#[test]
fn a_speaker_who_hands_over_the_floor_is_a_moderator() {
    let (t, qa) = qa("Пресс-конференция\n\n\
        Д.Песков: Коллеги, начинаем. Пожалуйста, Первый канал.\n\n\
        Вопрос: Что будет с ценами?\n\n\
        В.Путин: Цены будут стабильными, и мы сделаем всё, чтобы так и было.\n\n\
        Д.Песков: Следующий вопрос.\n\n\
        Вопрос: А с зарплатами?\n\n\
        В.Путин: Они вырастут.\n");
    let peskov = t.speeches[0].speaker;
    assert_eq!(qa.part(peskov), Part::Spokesperson);
    assert_eq!(qa.kind(SpeechId(0)), TurnKind::Moderator);
    assert_eq!(qa.kind(SpeechId(3)), TurnKind::Moderator);
    assert_eq!(qa.pairs.len(), 2);
    assert_eq!(qa.part(t.speeches[2].speaker), Part::Speaker);
}

#[test]
fn an_interviewer_is_found_by_the_questions_they_ask() {
    let (t, qa) = qa("An Interview with Ola Berg\n\n\
        Tim Cole: Ola, welcome.\n\n\
        Ola Berg: Thank you, it is a pleasure to be here today with you.\n\n\
        Tim Cole: Why boats?\n\n\
        Ola Berg: My father built them, and his father before him, on the same shore.\n\n\
        Tim Cole: Tell me about the first one.\n\n\
        Ola Berg: It sank, of course, on its very first day in the harbour.\n\n\
        Tim Cole: And the next?\n\n\
        Ola Berg: It floated.\n\n\
        Tim Cole: Ola Berg, thank you.\n");
    assert_eq!(qa.format, Format::Interview);
    assert_eq!(
        kinds(&t, &qa),
        [
            "Tim Cole: Moderator",
            "Ola Berg: Other",
            "Tim Cole: Question",
            "Ola Berg: Answer",
            "Tim Cole: Question",
            "Ola Berg: Answer",
            "Tim Cole: Question",
            "Ola Berg: Answer",
            "Tim Cole: Moderator",
        ]
    );
}

#[test]
fn a_meeting_has_no_questions_even_when_someone_asks() {
    let (t, qa) = qa("Meeting with the Governor\n\n\
        Ivan Petrov: How is the harvest?\n\n\
        Oleg Sidorov: Good, better than last year.\n\n\
        Ivan Petrov: And the roads?\n\n\
        Oleg Sidorov: We are building them.\n\n\
        Remark: Thank you.\n");
    assert_eq!(qa.format, Format::None);
    assert!(qa.pairs.is_empty());
    assert!(
        qa.kinds.iter().all(|k| *k == TurnKind::Other),
        "{:?}",
        kinds(&t, &qa)
    );
}

#[test]
fn a_remark_that_asks_is_a_follow_up_question() {
    let (t, qa) = qa("Conférence de presse\n\n\
        Question : Et le budget ?\n\n\
        Inès Varga : Il est prévu.\n\n\
        Réplique : Et le calendrier ?\n\n\
        Inès Varga : Il dépend des régions.\n\n\
        Réplique : Merci.\n\n\
        Inès Varga : Je vous en prie.\n");
    assert_eq!(qa.pairs.len(), 2);
    assert_eq!(qa.kind(SpeechId(4)), TurnKind::Other);
    // The answer after a plain remark still belongs to the open question.
    assert_eq!(
        qa.pair_of(SpeechId(5)).map(|p| p.question),
        Some(SpeechId(2))
    );
    let _ = t;
}

#[test]
fn generic_answer_labels_answer() {
    let (t, qa) = qa("Q&A\n\nQ: Where?\n\nA: Here.\n\nQ: When?\n\nA: Now.\n");
    assert_eq!(
        kinds(&t, &qa),
        ["Q: Question", "A: Answer", "Q: Question", "A: Answer"]
    );
}

#[test]
fn role_words_match_whole_words_only() {
    assert!(has_phrase(
        "press secretary of the president",
        "press secretary",
        false
    ));
    assert!(!has_phrase("chairs", "chair", false));
    assert!(has_phrase("ведущая программы", "ведущ", true));
    assert!(!has_phrase("предведущий", "ведущ", true));
    assert!(!has_any(
        "minister of transport",
        MODERATOR_WORDS,
        MODERATOR_STEMS
    ));
}

#[test]
fn question_marks() {
    assert!(has_question_mark("Pourquoi ?"));
    assert!(has_question_mark("¿Por qué"));
    assert!(has_question_mark("Τι κάνεις;"));
    assert!(!has_question_mark("a; b"));
}

#[test]
fn an_empty_or_odd_transcript_is_harmless() {
    let qa = Qa::analyse(&Transcript::default());
    assert_eq!(qa.format, Format::None);
    let mut t = crate::parse_text("Q: Why?\n\nAnn Lee: Because.\n");
    // A speech whose speaker id points nowhere.
    if let Some(s) = t.speeches.get_mut(1) {
        s.speaker = ParticipantId(999);
    }
    let qa = Qa::analyse(&t);
    assert_eq!(qa.counts(t.participants.len()).len(), t.participants.len());
}
