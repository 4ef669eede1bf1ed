//! The other speaker-turn formats (press briefing, parliamentary record, typed hearing
//! transcript, interviews, a French press conference): the right turns per speaker, role-only
//! turns kept apart from named people, and no false turns on lines that merely hold a colon.
//!
//! Each fixture is checked twice: through the line pre-pass and the turn detector alone
//! (`*_lines_*` tests), and through the whole parser (`parse_text`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use stenogram::Transcript;
use stenogram::parse::normalize::prepare_lines;
use stenogram::parse::turns::{TurnContext, TurnVerdict, detect_turn};
use stenogram::parse_text;
use stenogram::text::{clean_spaces, fold};

fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("fixtures")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Expected turns in order: the label as written and the number of paragraphs.
type Expected = &'static [(&'static str, usize)];

const BRIEFING: Expected = &[
    ("THE PRESS SECRETARY", 5),
    ("MR. KOWALSKI", 5),
    ("Q", 1),
    ("MR. KOWALSKI", 1),
    ("Q", 1),
    ("MR. KOWALSKI", 1),
    ("THE PRESS SECRETARY", 1),
    ("Q", 1),
    ("THE PRESS SECRETARY", 1),
    ("MS. OYELARAN", 1),
    ("Q", 1),
    ("THE PRESS SECRETARY", 2),
    ("Q", 1),
];

const PARLIAMENT: Expected = &[
    ("Jane Doe (Northfield—Lake Erin) (Green)", 2),
    ("Hon. Robert Finch (Minister of Transport, Lib.)", 1),
    ("Hon. Members", 1),
    ("Jane Doe", 1),
    ("Some hon. members", 1),
    ("The Speaker", 1),
    ("Jane Doe", 1),
    ("Hon. Robert Finch (Minister of Transport, Lib.)", 2),
    ("Samuel Okonjo (Port Vell) (Conservative)", 1),
    ("Hon. Members", 1),
    ("The Speaker", 1),
];

const HEARING: Expected = &[
    ("CHAIRMAN BRANDT", 3),
    ("MS. VALDEZ", 2),
    ("SENATOR OKAFOR", 1),
    ("MS. VALDEZ", 1),
    ("SENATOR OKAFOR", 1),
    ("MS. VALDEZ", 1),
    ("SENATOR PELL", 1),
    ("MS. VALDEZ", 1),
    ("CHAIRMAN BRANDT", 1),
    ("MR. HALE", 2),
    ("CHAIRMAN BRANDT", 1),
];

const INTERVIEW_EN: Expected = &[
    ("Peter Hale", 1),
    ("Mara Lindqvist", 1),
    ("Peter Hale", 1),
    ("Mara Lindqvist", 4),
    ("Peter Hale", 1),
    ("Mara Lindqvist", 3),
    ("Peter Hale", 1),
    ("Mara Lindqvist", 1),
    ("Audience member", 1),
    ("Mara Lindqvist", 1),
    ("Peter Hale", 1),
];

const CONFERENCE_FR: Expected = &[
    ("Modérateur", 1),
    ("Marc Delorme", 7),
    ("Question", 1),
    ("Marc Delorme", 1),
    ("Journaliste (question retraduite)", 1),
    ("Inès Varga", 2),
    ("Réplique", 1),
    ("Inès Varga", 1),
    ("Question", 1),
    ("Marc Delorme", 1),
    ("Modérateur", 1),
];

const INTERVIEW_RU: Expected = &[
    ("Ведущий", 1),
    ("Анна Смирнова", 1),
    ("Ведущий", 1),
    ("Анна Смирнова", 4),
    ("Вопрос", 1),
    ("Анна Смирнова", 1),
    ("Реплика", 1),
    ("А.Смирнова", 1),
    ("Ведущий", 1),
];

/// Role-only labels among the expected ones.
const GENERIC: &[&str] = &[
    "Q",
    "Hon. Members",
    "Some hon. members",
    "Audience member",
    "Question",
    "Journaliste (question retraduite)",
    "Réplique",
    "Вопрос",
    "Реплика",
];

// ---------------------------------------------------------------------------------------
// Line pre-pass and turn detector alone.

/// Segments prepared lines into turns the simple way a structure parser does: a turn runs
/// until the next turn; each non-blank line (and a label's own text) is one paragraph.
fn turns_from_lines(text: &str) -> Vec<(String, usize)> {
    let mut known: Vec<String> = Vec::new();
    let mut turns: Vec<(String, usize)> = Vec::new();
    for line in prepare_lines(text) {
        if line.text.is_empty() {
            continue;
        }
        let ctx = TurnContext {
            known_labels: &known,
            in_speech: !turns.is_empty(),
        };
        match detect_turn(&line.text, &ctx) {
            TurnVerdict::Turn(turn) => {
                known.push(fold(&turn.label));
                let paragraphs = usize::from(!turn.rest.is_empty());
                turns.push((turn.label, paragraphs));
            }
            _ => {
                if let Some(last) = turns.last_mut() {
                    last.1 += 1;
                }
            }
        }
    }
    turns
}

fn assert_line_turns(name: &str, expected: Expected) {
    let got = turns_from_lines(&fixture(name));
    let want: Vec<(String, usize)> = expected
        .iter()
        .map(|(l, n)| ((*l).to_owned(), *n))
        .collect();
    assert_eq!(
        got, want,
        "{name}: turns (label, paragraphs) from the line pre-pass"
    );
}

#[test]
fn briefing_lines_give_the_right_turns() {
    assert_line_turns("briefing_en.txt", BRIEFING);
}

#[test]
fn parliament_lines_give_the_right_turns() {
    assert_line_turns("parliament_en.txt", PARLIAMENT);
}

#[test]
fn hearing_lines_give_the_right_turns() {
    assert_line_turns("hearing_en.txt", HEARING);
}

#[test]
fn interview_lines_give_the_right_turns() {
    assert_line_turns("interview_en.txt", INTERVIEW_EN);
    assert_line_turns("interview_ru.txt", INTERVIEW_RU);
}

#[test]
fn french_conference_lines_give_the_right_turns() {
    assert_line_turns("conference_fr.txt", CONFERENCE_FR);
}

#[test]
fn generic_labels_are_flagged_and_named_ones_are_not() {
    for (name, expected) in [
        ("briefing_en.txt", BRIEFING),
        ("parliament_en.txt", PARLIAMENT),
        ("interview_en.txt", INTERVIEW_EN),
        ("conference_fr.txt", CONFERENCE_FR),
        ("interview_ru.txt", INTERVIEW_RU),
    ] {
        let mut known = Vec::new();
        for line in prepare_lines(&fixture(name)) {
            let ctx = TurnContext {
                known_labels: &known,
                in_speech: !known.is_empty(),
            };
            if let TurnVerdict::Turn(turn) = detect_turn(&line.text, &ctx) {
                assert_eq!(
                    turn.generic,
                    GENERIC.contains(&turn.label.as_str()),
                    "{name}: {:?}",
                    turn.label
                );
                known.push(fold(&turn.label));
            }
        }
        assert!(!expected.is_empty());
    }
}

#[test]
fn hearing_pre_pass_removes_margins_and_page_furniture_and_joins_wraps() {
    let lines = prepare_lines(&fixture("hearing_en.txt"));
    for line in &lines {
        assert!(!line.text.starts_with("Page "), "footer left: {line:?}");
        assert!(
            !line.text.contains("Coastal Ferries, March"),
            "header left: {line:?}"
        );
        assert!(!line.text.contains('\x0C'), "form feed left: {line:?}");
        let margin = line.text.split(' ').next().unwrap_or("");
        assert!(
            !(margin.len() <= 2
                && !margin.is_empty()
                && margin.bytes().all(|b| b.is_ascii_digit())),
            "margin number left: {line:?}"
        );
    }
    // A paragraph cut by a page break comes back whole, numbered from its first source line.
    let valdez = lines
        .iter()
        .find(|l| l.text.starts_with("MS. VALDEZ: Thank you"))
        .expect("the witness's first turn");
    assert_eq!(
        valdez.text,
        "MS. VALDEZ: Thank you, Mr. Chairman. The reason for the delay is simple: the shipyard \
         was full. Two naval orders took priority over ours, and the contract gave us no way to object."
    );
    assert_eq!(valdez.number, 26);
    // The title block stays line for line.
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| l.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        texts.get(..4),
        Some(
            &[
                "UNITED PROVINCES OF ARLAND",
                "SENATE SUBCOMMITTEE ON COASTAL FERRIES",
                "HEARING ON DELAYS IN THE NORTHERN FERRY CONTRACTS",
                "Tuesday, March 4, 2031",
            ][..]
        )
    );
    assert!(texts.contains(
        &"The subcommittee met, pursuant to notice, at 10:02 a.m., in Room 212 of the Harbour \
          Building, Senator Ada Brandt, chairman of the subcommittee, presiding."
    ));
}

#[test]
fn untyped_fixtures_pass_the_pre_pass_line_for_line() {
    // The Kremlin-shaped fixtures too: numbered captions, attendee lines ending with commas
    // and one paragraph per line must not look like margins or hard wraps.
    for name in [
        "briefing_en.txt",
        "parliament_en.txt",
        "interview_en.txt",
        "conference_fr.txt",
        "interview_ru.txt",
        "kremlin_en.txt",
        "kremlin_fr.txt",
        "kremlin_ru.txt",
    ] {
        let text = fixture(name);
        let lines = prepare_lines(&text);
        let got: Vec<(usize, &str)> = lines.iter().map(|l| (l.number, l.text.as_str())).collect();
        let cleaned: Vec<String> = text.split('\n').map(clean_spaces).collect();
        let want: Vec<(usize, &str)> = cleaned
            .iter()
            .enumerate()
            .map(|(i, t)| (i + 1, t.as_str()))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// The whole parser. These wait on the structure parser (src/parse/mod.rs).

fn speeches(t: &Transcript) -> Vec<(String, usize)> {
    t.speeches
        .iter()
        .map(|s| (s.label.clone(), s.paragraphs.len()))
        .collect()
}

fn assert_parsed_turns(name: &str, expected: Expected) -> Transcript {
    let t = parse_text(&fixture(name));
    let want: Vec<(String, usize)> = expected
        .iter()
        .map(|(l, n)| ((*l).to_owned(), *n))
        .collect();
    assert_eq!(speeches(&t), want, "{name}: speeches (label, paragraphs)");
    for s in &t.speeches {
        let p = t
            .participant(s.speaker)
            .unwrap_or_else(|| panic!("{name}: speech {:?} has no participant", s.label));
        let generic = GENERIC.contains(&s.label.as_str());
        assert_eq!(
            p.generic, generic,
            "{name}: participant of {:?}: {p:?}",
            s.label
        );
        if generic {
            assert!(
                p.name.is_none(),
                "{name}: generic {:?} got a name: {p:?}",
                s.label
            );
        }
    }
    t
}

/// Speaker id per named label; panics when one label maps to two speakers. Role-only labels
/// are left out: one generic participant per label or per turn are both fine.
fn speaker_of(t: &Transcript) -> BTreeMap<String, u32> {
    let mut map = BTreeMap::new();
    for s in t
        .speeches
        .iter()
        .filter(|s| !GENERIC.contains(&s.label.as_str()))
    {
        let id = s.speaker.0;
        let old = map.insert(s.label.clone(), id);
        assert!(
            old.is_none_or(|o| o == id),
            "{:?} spoken by two participants",
            s.label
        );
    }
    map
}

#[test]
fn briefing_parses_into_the_right_turns() {
    let t = assert_parsed_turns("briefing_en.txt", BRIEFING);
    let ids = speaker_of(&t);
    let kowalski = ids.get("MR. KOWALSKI");
    assert!(kowalski.is_some());
    for s in t.speeches.iter().filter(|s| s.label == "Q") {
        assert_ne!(
            Some(&s.speaker.0),
            kowalski,
            "a reporter's Q merged into a named person"
        );
    }
    assert_ne!(ids.get("THE PRESS SECRETARY"), kowalski);
    assert_ne!(ids.get("MS. OYELARAN"), kowalski);
    // Colon sentences stay inside the answer.
    let first_answer = t
        .speeches
        .get(1)
        .map(|s| s.paragraphs.clone())
        .unwrap_or_default();
    assert!(first_answer.iter().any(|p| p == "Let me repeat:"));
    assert!(first_answer.iter().any(|p| p.starts_with("Note: the maps")));
    // "Q" alone on its line: the question is the next line.
    let lone_q = t
        .speeches
        .get(10)
        .map(|s| s.paragraphs.clone())
        .unwrap_or_default();
    assert_eq!(
        lone_q,
        ["Can you confirm that the President will announce a new disaster fund on Thursday?"]
    );
}

#[test]
fn parliament_parses_into_the_right_turns() {
    let t = assert_parsed_turns("parliament_en.txt", PARLIAMENT);
    let ids = speaker_of(&t);
    assert_eq!(
        ids.get("Jane Doe"),
        ids.get("Jane Doe (Northfield—Lake Erin) (Green)"),
        "the member's later turns are hers"
    );
    let doe = ids.get("Jane Doe").copied();
    for s in t
        .speeches
        .iter()
        .filter(|s| GENERIC.contains(&s.label.as_str()))
    {
        assert_ne!(
            Some(s.speaker.0),
            doe,
            "{:?} merged into a named member",
            s.label
        );
    }
    assert_ne!(ids.get("The Speaker"), ids.get("Jane Doe"));
}

#[test]
fn hearing_parses_into_the_right_turns() {
    let t = assert_parsed_turns("hearing_en.txt", HEARING);
    for s in &t.speeches {
        for p in &s.paragraphs {
            assert!(!p.contains("Page "), "footer inside {:?}: {p}", s.label);
            assert!(
                !p.contains("Coastal Ferries, March"),
                "header inside {:?}: {p}",
                s.label
            );
        }
    }
    let valdez = t
        .speeches
        .get(1)
        .map(|s| s.paragraphs.clone())
        .unwrap_or_default();
    assert_eq!(
        valdez.first().map(String::as_str),
        Some(
            "Thank you, Mr. Chairman. The reason for the delay is simple: the shipyard was full. \
             Two naval orders took priority over ours, and the contract gave us no way to object."
        )
    );
}

#[test]
fn interviews_parse_into_the_right_turns() {
    let t = assert_parsed_turns("interview_en.txt", INTERVIEW_EN);
    let quoted = t
        .speeches
        .get(5)
        .map(|s| s.paragraphs.clone())
        .unwrap_or_default();
    assert!(
        quoted.iter().any(|p| p.starts_with("Sweden: “")),
        "{quoted:?}"
    );
    let t = assert_parsed_turns("interview_ru.txt", INTERVIEW_RU);
    let ids = speaker_of(&t);
    assert_eq!(ids.get("А.Смирнова"), ids.get("Анна Смирнова"));
}

#[test]
fn french_conference_parses_into_the_right_turns() {
    let t = assert_parsed_turns("conference_fr.txt", CONFERENCE_FR);
    let ids = speaker_of(&t);
    let delorme = ids.get("Marc Delorme").copied();
    assert!(delorme.is_some());
    for s in t
        .speeches
        .iter()
        .filter(|s| GENERIC.contains(&s.label.as_str()))
    {
        assert_ne!(
            Some(s.speaker.0),
            delorme,
            "{:?} merged into the minister",
            s.label
        );
    }
    let statement = t
        .speeches
        .get(1)
        .map(|s| s.paragraphs.clone())
        .unwrap_or_default();
    assert!(
        statement
            .iter()
            .any(|p| p == "Voici ce que je peux vous dire :")
    );
}
