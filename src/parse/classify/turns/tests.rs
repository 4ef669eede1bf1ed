//! Turn detection on literal lines of every shape the parser meets.

use super::*;
use crate::text::fold;

fn turn(line: &str) -> Turn {
    turn_ctx(line, &TurnContext::default())
}

fn turn_ctx(line: &str, ctx: &TurnContext) -> Turn {
    match detect_turn(line, ctx) {
        TurnVerdict::Turn(t) => t,
        other => panic!("{line:?} should open a turn, got {other:?}"),
    }
}

fn in_speech(known: &[String]) -> TurnContext<'_> {
    TurnContext {
        known_labels: known,
        in_speech: true,
    }
}

fn rejected(line: &str, ctx: &TurnContext) -> String {
    match detect_turn(line, ctx) {
        TurnVerdict::Rejected(reason) => reason,
        other => panic!("{line:?} should be rejected, got {other:?}"),
    }
}

fn not_a_turn(line: &str, ctx: &TurnContext) {
    assert!(
        !matches!(detect_turn(line, ctx), TurnVerdict::Turn(_)),
        "{line:?} must not open a turn"
    );
}

#[test]
fn french_labels() {
    let t = turn("Président de la Russie Vladimir Poutine : Chers collègues,");
    assert_eq!(t.label, "Président de la Russie Vladimir Poutine");
    assert_eq!(t.rest, "Chers collègues,");
    assert!(!t.generic);
    let t = turn(
        "Secrétaire général de l’Organisation du Traité de sécurité collective Imangali Tasmagambetov : Merci.",
    );
    assert!(!t.generic);
    assert_eq!(turn("V.Poutine : Merci.").label, "V.Poutine");
    let t = turn("Journaliste (question retraduite) : Monsieur le Président…");
    assert_eq!(t.label, "Journaliste (question retraduite)");
    assert!(t.generic);
    assert!(turn("Question : Bonjour.").generic);
    assert!(turn("Réplique : Oui.").generic);
    assert!(!turn("Modérateur : Bonjour à tous.").generic);
}

#[test]
fn english_labels() {
    let t = turn("President of Russia Vladimir Putin: Good afternoon, colleagues.");
    assert_eq!(t.label, "President of Russia Vladimir Putin");
    assert_eq!(t.rest, "Good afternoon, colleagues.");
    assert!(!turn("Vladimir Putin: Thank you.").generic);
    assert!(turn("Question: Mr President,").generic);
    assert_eq!(
        turn("Question (retranslated): Hello.").label,
        "Question (retranslated)"
    );
    assert!(turn("Question (retranslated): Hello.").generic);
    assert!(turn("Remark: Yes.").generic);
    assert!(turn("Reply: No.").generic);
    assert!(turn("Answer: Maybe.").generic);
    assert!(turn("Audience member: Louder, please!").generic);
    let t = turn("John Smith: I started in 1998.");
    assert_eq!(
        (t.label.as_str(), t.rest.as_str()),
        ("John Smith", "I started in 1998.")
    );
    assert!(!turn("Will Smith: Hello.").generic);
    assert_eq!(
        turn("Ursula von der Leyen: Thank you.").label,
        "Ursula von der Leyen"
    );
}

#[test]
fn briefing_labels() {
    assert_eq!(turn("MR. SMITH: Thanks, Dana.").label, "MR. SMITH");
    assert_eq!(turn("MS. JONES: Sure.").label, "MS. JONES");
    assert_eq!(
        turn("THE PRESIDENT: Please, sit down.").label,
        "THE PRESIDENT"
    );
    assert_eq!(
        turn("SECRETARY BLINKEN: Good morning.").label,
        "SECRETARY BLINKEN"
    );
    assert_eq!(
        turn("THE PRESS SECRETARY: Hi, everybody.").label,
        "THE PRESS SECRETARY"
    );
    let q = turn("Q");
    assert_eq!(
        (q.label.as_str(), q.rest.as_str(), q.generic),
        ("Q", "", true)
    );
    let q = turn("Q Thanks, Dana. Two questions on the port deal.");
    assert_eq!(q.label, "Q");
    assert_eq!(q.rest, "Thanks, Dana. Two questions on the port deal.");
    assert!(q.generic);
    let q = turn("Q: And on tariffs?");
    assert_eq!(
        (q.label.as_str(), q.rest.as_str(), q.generic),
        ("Q", "And on tariffs?", true)
    );
    // Q turns stay turns in the middle of an answer.
    assert!(turn_ctx("Q Follow-up?", &in_speech(&[])).generic);
    not_a_turn("Q fever cases rose last year.", &TurnContext::default());
}

#[test]
fn deposition_answers_follow_questions() {
    let q = turn("Q. Where were you on the night of May 3?");
    assert_eq!((q.label.as_str(), q.generic), ("Q", true));
    let known = vec!["q".to_owned()];
    let ctx = in_speech(&known);
    let a = turn_ctx("A. At home, with my sister.", &ctx);
    assert_eq!(
        (a.label.as_str(), a.rest.as_str(), a.generic),
        ("A", "At home, with my sister.", true)
    );
    assert_eq!(turn_ctx("A", &ctx).rest, "");
    not_a_turn("A. Smith wrote the report.", &in_speech(&[]));
    not_a_turn("A White House official said so.", &ctx);
    not_a_turn("A. lower case", &ctx);
}

#[test]
fn parliament_and_hearing_labels() {
    let t = turn("Jane Doe (Some Constituency) (Party): Mr. Speaker, the bill fails farmers.");
    assert_eq!(t.label, "Jane Doe (Some Constituency) (Party)");
    assert_eq!(t.rest, "Mr. Speaker, the bill fails farmers.");
    assert!(!t.generic);
    assert!(!turn("The Speaker: Order.").generic);
    assert!(!turn("Mr. Speaker: Order, order.").generic);
    assert!(turn("Hon. Members: Hear, hear!").generic);
    assert!(turn("Some hon. members: Oh, oh!").generic);
    let ctx = in_speech(&[]);
    assert!(!turn_ctx("The Speaker: Order.", &ctx).generic);
    assert!(turn_ctx("Hon. Members: Hear, hear!", &ctx).generic);
    assert!(
        !turn_ctx(
            "Hon. Robert Finch (Minister of Transport, Lib.): Thank you.",
            &ctx
        )
        .generic
    );
    for line in [
        "SENATOR DOE: Thank you, Mr. Chairman.",
        "MR. SMITH: Yes, Senator.",
        "CHAIRMAN X: The committee will come to order.",
        "THE WITNESS: I do.",
        "THE COURT: Be seated.",
    ] {
        assert!(!turn_ctx(line, &ctx).generic, "{line}");
    }
}

#[test]
fn russian_labels() {
    assert_eq!(turn("В.Путин: Добрый день!").label, "В.Путин");
    let t = turn("А.Лукашенко (как переведено): Уважаемые коллеги!");
    assert_eq!(t.label, "А.Лукашенко (как переведено)");
    assert!(!t.generic);
    assert!(turn("Вопрос: Владимир Владимирович,").generic);
    assert!(turn("Реплика: Да.").generic);
    assert!(turn("Вопрос (как переведено): Спасибо.").generic);
    assert_eq!(turn("Д.Песков: Коллеги, прошу.").label, "Д.Песков");
    assert_eq!(turn("Дж.Байден: Спасибо.").label, "Дж.Байден");
    assert_eq!(
        turn("Президент России Владимир Путин: Уважаемые коллеги!").label,
        "Президент России Владимир Путин"
    );
    let t = turn("Министр иностранных дел Сергей Лавров: Спасибо.");
    assert!(!t.generic);
    let t = turn_ctx("В.Путин: Спасибо.", &in_speech(&[]));
    assert_eq!(t.label, "В.Путин");
}

#[test]
fn sentences_ending_with_a_colon_are_rejected() {
    let out = TurnContext::default();
    let ctx = in_speech(&[]);
    for line in [
        "Let me repeat:",
        "Я скажу так:",
        "The answer is simple:",
        "Les responsables russes suivants ont participé à la réunion :",
        "The following officials took part:",
        "Ladies and Gentlemen:",
        "Dear colleagues:",
        "Mesdames et Messieurs :",
        "Вот что я хочу сказать:",
        "I would say this to President Tokayev:",
        "We agree with President Tokayev:",
        "This is what I told Mr. Smith:",
        "My editor put it this way:",
        "Voici ce que je dirais :",
        "The main points are three:",
        "Questions remain:",
        "Answer is simple:",
        "Thank you. Now, Mr. Smith:",
        "Really? Then:",
    ] {
        let reason = rejected(line, &out);
        assert!(!reason.is_empty(), "{line}");
        rejected(line, &ctx);
    }
    assert!(rejected("The answer is simple:", &out).contains("sentence"));
}

#[test]
fn title_case_titles_are_rejected() {
    let out = TurnContext::default();
    assert!(rejected("The Long Way Round: A Conversation with Mara Lind", &out).contains("Way"));
    assert_eq!(turn("Theresa May: Thank you.").label, "Theresa May");
}

#[test]
fn notes_times_urls_and_captions_are_rejected() {
    let out = TurnContext::default();
    assert!(rejected("Note: the figures are provisional.", &out).contains("note"));
    assert!(rejected("The meeting began at 15:40 sharp.", &out).contains("time"));
    assert!(rejected("15:40", &out).contains("time"));
    assert!(rejected("http://en.example.org/events/1", &out).contains("web address"));
    assert!(rejected("Source: https://example.org/a", &out).contains("note"));
    rejected(
        "3 With President Smith before the talks. Photo: Jane Roe, Agency",
        &out,
    );
    rejected("Before the talks. Photo: Jane Roe", &out);
    rejected("Photo : Dmitri Azarov, Kommersant", &out);
    rejected("November 23, 2023, 15:40, Minsk", &out);
    rejected("Participants:", &out);
    rejected("Присутствовали:", &out);
    rejected("APPEARANCES:", &out);
    rejected("EXAMINATION BY MR. SMITH:", &out);
    rejected("BY MS. JONES:", &out);
    assert_eq!(
        detect_turn("No colon in this line at all.", &out),
        TurnVerdict::None
    );
    assert_eq!(detect_turn("", &out), TurnVerdict::None);
    assert_eq!(detect_turn("<…>", &out), TurnVerdict::None);
}

#[test]
fn quoted_positions_inside_a_speech_are_rejected() {
    let ctx = in_speech(&[]);
    assert!(rejected("Country X: “We will not sign.”", &ctx).contains("quoted"));
    assert!(rejected("Kazakhstan: \"We agree\"", &ctx).contains("quoted"));
    assert!(rejected("Kazakhstan: \"We agree\"", &TurnContext::default()).contains("quoted"));
    assert!(rejected("Kazakhstan: we agree.", &ctx).contains("single word"));
    assert!(rejected("France: Yes.", &ctx).contains("single word"));
    // Outside a speech a bare surname is an interview label.
    assert_eq!(turn("Smith: Yes.").label, "Smith");
}

#[test]
fn known_labels_and_surnames_relax_the_speech_rule() {
    let known = vec![
        fold("President of Kazakhstan Kassym-Jomart Tokayev"),
        fold("А.Лукашенко (как переведено)"),
    ];
    let ctx = in_speech(&known);
    assert_eq!(turn_ctx("Tokayev: Thank you.", &ctx).label, "Tokayev");
    assert_eq!(
        turn_ctx("Kassym-Jomart Tokayev: Thank you.", &ctx).label,
        "Kassym-Jomart Tokayev"
    );
    assert_eq!(turn_ctx("Лукашенко: Спасибо.", &ctx).label, "Лукашенко");
    assert_eq!(
        turn_ctx("А.Лукашенко (как переведено): Спасибо.", &ctx).label,
        "А.Лукашенко (как переведено)"
    );
    // A known surname does not make a sentence a label.
    rejected("I told Tokayev:", &ctx);
    // Unknown single words stay rejected.
    rejected("Nazarbayev: Thank you.", &ctx);
}

#[test]
fn labels_with_punctuation_are_rejected() {
    let out = TurnContext::default();
    for line in [
        "Yes! Putin:",
        "Why not? Smith:",
        "We met; Smith:",
        "He said «No» Smith:",
        "It was late. John Smith:",
        "(Applause.) Smith (Party:",
    ] {
        rejected(line, &out);
    }
    assert_eq!(turn("V.V. Putin: Yes.").label, "V.V. Putin");
    assert_eq!(turn("Dr. Mara Lind: Yes.").label, "Dr. Mara Lind");
    assert_eq!(turn("Ms. Jane Roe: Yes.").label, "Ms. Jane Roe");
}

#[test]
fn long_labels_are_rejected() {
    let out = TurnContext::default();
    let long = "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu: x";
    assert!(rejected(long, &out).contains("too long"));
    let prose = format!("{}: tail", "Word ".repeat(200));
    assert_eq!(detect_turn(&prose, &out), TurnVerdict::None);
}

#[test]
fn hostile_input_never_panics() {
    let out = TurnContext::default();
    for line in [
        ":",
        "::::",
        "Q",
        "Q.",
        "Q :",
        "((((:",
        ")))):",
        "é:",
        "Ж:",
        "\u{FF1A}x",
        "a\u{FF1A}b",
        "Ω. Ω. Ω.:",
        "Mr.:",
        "...: x",
        "(x):",
        "[Dr.] ((Smith)): x",
        "Ⅻ: x",
        "𝔄𝔅: x",
    ] {
        let _ = detect_turn(line, &out);
        let _ = detect_turn(line, &in_speech(&[]));
    }
    let _ = detect_turn(&"é".repeat(10_000), &out);
    let _ = detect_turn(&format!("{}:", "(".repeat(10_000)), &out);
}

#[test]
fn the_detector_agrees_with_detect_turn() {
    let lines = [
        "President of Russia Vladimir Putin: Colleagues,",
        "Vladimir Putin: Thank you.",
        "Putin: Again.",
        "В.Путин: Спасибо.",
        "Let me repeat:",
        "Country X: \u{201C}No.\u{201D}",
        "MR. SMITH: Good morning.",
        "SMITH: Yes.",
        "Q Thanks, Dana.",
        "A. It was.",
        "Jane Doe (Some Constituency) (Party): I rise.",
        "Jane Doe: Again.",
        "The answer is simple: no.",
        "At 10:30 we met.",
        "Question (retranslated): Why?",
        "Reporter, AP: hello",
    ];
    for in_speech in [false, true] {
        let mut detector = TurnDetector::default();
        let mut known: Vec<String> = Vec::new();
        // Twice, so that the second round reads every label's shape from the memo.
        for line in lines.iter().chain(lines.iter()) {
            let ctx = TurnContext {
                known_labels: &known,
                in_speech,
            };
            let verdict = detect_turn(line, &ctx);
            assert_eq!(detector.detect(line, in_speech), verdict, "{line:?}");
            if let TurnVerdict::Turn(turn) = verdict {
                detector.remember(&turn.label);
                let folded = fold(&turn.label);
                if !known.contains(&folded) {
                    known.push(folded);
                }
            }
        }
        assert_eq!(detector.known_count(), known.len());
    }
}

#[test]
fn many_distinct_labels_stay_linear() {
    // A surname of letters only for each number.
    let surname = |mut n: usize| {
        let mut out = "Zu".to_owned();
        for _ in 0..4 {
            out.push(char::from(b'a' + (n % 26) as u8));
            n /= 26;
        }
        out
    };
    // Each label is looked up among all the earlier ones: an index, not a scan.
    let mut detector = TurnDetector::default();
    let started = std::time::Instant::now();
    for i in 0..50_000 {
        let name = surname(i);
        let TurnVerdict::Turn(turn) = detector.detect(&format!("Ivan {name}: Text."), true) else {
            panic!("{name} should open a turn");
        };
        detector.remember(&turn.label);
        // A surname alone opens a turn inside a speech only once it is known.
        assert!(matches!(
            detector.detect(&format!("{name}: Again."), true),
            TurnVerdict::Turn(_)
        ));
    }
    assert_eq!(detector.known_count(), 50_000);
    assert!(started.elapsed().as_secs_f64() < 20.0);
}

#[test]
fn generic_label_helper() {
    assert!(is_generic_label("Question (retranslated)"));
    assert!(is_generic_label("Q"));
    assert!(is_generic_label("Журналист"));
    assert!(!is_generic_label("Vladimir Putin"));
    assert!(!is_generic_label("The Speaker"));
    assert!(is_generic_label("Question from the floor"));
    assert!(is_generic_label("Вопрос из зала"));
    assert!(!is_generic_label("Journaliste Jean Dupont"));
    assert!(!is_generic_label("Questions remain"));
}

#[test]
fn a_long_role_before_a_name() {
    let t = turn(
        "Chair of the Board of the Foundation for the Study of Rivers Ana Petrova: Thank you.",
    );
    assert_eq!(t.rest, "Thank you.");
    // The same length without a role, or without a name at the end, is not a label.
    not_a_turn(
        "Alpha Beta Gamma of Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu: x",
        &TurnContext::default(),
    );
    not_a_turn(
        "Chair of the Board of the Foundation for the Study of the Northern Rivers: x",
        &TurnContext::default(),
    );
}

#[test]
fn particles_and_initials_in_names() {
    assert_eq!(
        turn("Omar al-Rashid: Let me add one figure.").label,
        "Omar al-Rashid"
    );
    assert_eq!(
        turn("I. Ilyin: A question from the floor.").label,
        "I. Ilyin"
    );
    // The pronoun still opens a sentence.
    not_a_turn("I think so: yes.", &TurnContext::default());
}

#[test]
fn a_questioner_who_introduces_themselves() {
    let known = [fold("Ivan Ilyin")];
    let t = turn_ctx(
        "Lena Hart, Orla Daily. Mr President, will the bridge hold?",
        &in_speech(&known),
    );
    assert_eq!(t.label, "Lena Hart");
    assert!(t.rest.starts_with("Lena Hart, Orla Daily."));
    // Behind a generic label, the asker is the speaker.
    let t = turn("Question: Lena Hart, Orla Daily. Will the bridge hold?");
    assert_eq!((t.label.as_str(), t.generic), ("Lena Hart", false));
    assert_eq!(turn("Question: Will the bridge hold?").label, "Question");
}
