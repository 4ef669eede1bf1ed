//! Mentions found in literal texts, and the ASCII gate checked against a word-by-word read.

use super::*;
use crate::model::Appearances;

fn person(id: usize, name: Option<&str>, role: Option<&str>, aliases: &[&str]) -> Participant {
    Participant {
        id: ParticipantId::from(id),
        name: name.map(str::to_owned),
        role: role.map(str::to_owned),
        aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
        generic: false,
        appearances: Appearances::default(),
    }
}

fn found<'t>(people: &[Participant], text: &'t str) -> Vec<(usize, &'t str)> {
    MentionFinder::new(people)
        .find(text)
        .into_iter()
        .map(|(pid, r)| (pid.index(), &text[r]))
        .collect()
}

fn french_cast() -> Vec<Participant> {
    vec![
        person(
            0,
            Some("Alexandre Loukachenko"),
            Some("président de la Biélorussie"),
            &["Président de la République de Biélorussie Alexandre Loukachenko"],
        ),
        person(
            1,
            Some("Kassym-Jomart Tokayev"),
            Some("président du Kazakhstan"),
            &[],
        ),
        person(
            2,
            Some("Sadyr Japarov"),
            Some("président du Kirghizistan"),
            &[],
        ),
        person(
            3,
            Some("Vladimir Poutine"),
            Some("Président de la Russie"),
            &[],
        ),
        person(4, None, Some("chef d’état-major adjoint"), &[]),
        person(5, Some("Alexandre Pankine"), Some("vice-ministre"), &[]),
    ]
}

#[test]
fn french_names_titles_and_roles() {
    let people = french_cast();
    let text = "Mr. Loukachenko, collègues. Le Président Japarov vient d’en parler. \
                Comme vient de le dire le Président du Kazakhstan, nous sommes d’accord. \
                Vladimir Poutine a parlé avec M. Pankine.";
    assert_eq!(
        found(&people, text),
        [
            (0, "Mr. Loukachenko"),
            (2, "Président Japarov"),
            (1, "Président du Kazakhstan"),
            (3, "Vladimir Poutine"),
            (5, "M. Pankine"),
        ]
    );
}

#[test]
fn role_and_name_together_are_one_mention() {
    let people = french_cast();
    let text = "le président du Kazakhstan Kassym-Jomart Tokayev et Alexandre";
    assert_eq!(
        found(&people, text),
        [(1, "président du Kazakhstan Kassym-Jomart Tokayev")]
    );
}

#[test]
fn lowercase_words_and_shared_roles_are_not_mentions() {
    let mut people = french_cast();
    people.push(person(
        6,
        Some("Jean Roux"),
        Some("président du Kazakhstan"),
        &[],
    ));
    // "président du Kazakhstan" now fits two people; a lone first name fits nobody.
    assert_eq!(
        found(
            &people,
            "le président du Kazakhstan et Alexandre, la poutine"
        ),
        []
    );
}

#[test]
fn generic_speakers_are_never_mentioned() {
    let mut q = person(0, None, Some("Question"), &["Question"]);
    q.generic = true;
    assert_eq!(found(&[q], "Question: what about the Question?"), []);
}

#[test]
fn russian_case_endings() {
    let people = vec![
        person(
            0,
            Some("Владимир Путин"),
            Some("Президент России"),
            &["В.Путин"],
        ),
        person(
            1,
            Some("Александр Лукашенко"),
            Some("Президент Республики Беларусь"),
            &[],
        ),
    ];
    let text = "Я согласен с Владимиром Путиным и с коллегой Лукашенко. Слова Президента России.";
    assert_eq!(
        found(&people, text),
        [
            (0, "Владимиром Путиным"),
            (1, "Лукашенко"),
            (0, "Президента России")
        ]
    );
}

#[test]
fn english_roles_and_honorifics() {
    let people = vec![
        person(
            0,
            Some("Kassym-Jomart Tokayev"),
            Some("President of Kazakhstan"),
            &[],
        ),
        person(1, Some("John Smith"), None, &["MR. SMITH"]),
    ];
    let text = "As the President of Kazakhstan said, and as Mr. Smith's office wrote, \
                John Smith agrees.";
    assert_eq!(
        found(&people, text),
        [
            (0, "President of Kazakhstan"),
            (1, "Mr. Smith"),
            (1, "John Smith")
        ]
    );
}

#[test]
fn elisions_and_monsieur() {
    let people = french_cast();
    let text = "l’avis d’Alexandre Loukachenko et de Monsieur Japarov";
    assert_eq!(
        found(&people, text),
        [(0, "Alexandre Loukachenko"), (2, "Monsieur Japarov")]
    );
}

#[test]
fn find_mentions_follows_the_cast() {
    let mut people = french_cast();
    let text = "Mr. Loukachenko et M. Varga";
    assert_eq!(
        super::super::find_mentions(&people, text),
        [(ParticipantId::from(0), 0..15)]
    );
    people.push(person(6, Some("Inès Varga"), None, &[]));
    assert_eq!(
        super::super::find_mentions(&people, text),
        [
            (ParticipantId::from(0), 0..15),
            (ParticipantId::from(6), 19..27)
        ]
    );
}

/// [`MentionFinder::find`] reading every word, as it did before the ASCII gate.
fn found_word_by_word(people: &[Participant], text: &str) -> Vec<(ParticipantId, Range<usize>)> {
    let mut finder = MentionFinder::new(people);
    finder.ascii_gate = AsciiGate::Open;
    finder.find(text)
}

fn english_cast() -> Vec<Participant> {
    vec![
        person(
            0,
            Some("Ada Brandt"),
            Some("Chairman of the Subcommittee"),
            &["CHAIRMAN BRANDT"],
        ),
        person(1, Some("Lucia Valdez"), None, &["MS. VALDEZ"]),
        person(
            2,
            Some("Kassym-Jomart Tokayev"),
            Some("President of Kazakhstan"),
            &[],
        ),
        person(3, Some("Sean O'Brien"), None, &[]),
        person(4, Some("Tom Pell"), Some("Senator from the Isles"), &[]),
        person(5, Some("J. Holm"), None, &[]),
        person(6, None, Some("Gen. Secretary of the Party"), &[]),
        person(7, Some("Tomas Brandtner"), None, &[]),
    ]
}

/// The cast without the names that hold a hyphen or an apostrophe: every key is
/// letters and digits but for a final dot, and the gate's search has no overlaps.
fn alphanumeric_cast() -> Vec<Participant> {
    english_cast()
        .into_iter()
        .filter(|p| p.name.as_deref().is_none_or(|n| !n.contains(['-', '\''])))
        .collect()
}

#[test]
fn the_gate_overlaps_only_for_keys_with_other_characters() {
    let overlapping = |people: &[Participant]| match MentionFinder::new(people).ascii_gate {
        AsciiGate::Keys { overlapping, .. } => Some(overlapping),
        AsciiGate::Open | AsciiGate::Shut => None,
    };
    assert_eq!(overlapping(&english_cast()), Some(true));
    assert_eq!(overlapping(&alphanumeric_cast()), Some(false));
}

#[test]
fn the_ascii_gate_reads_only_near_the_keys() {
    let people = english_cast();
    let text = "The whale and the shale were compelled. Later Ms. Valdez, then \
                (Mr.Pell) and O'Brien, with an aide, met the President of Kazakhstan; Brandt's view, \
                O'Brien's too.";
    let expected = found_word_by_word(&people, text);
    assert_eq!(MentionFinder::new(&people).find(text), expected);
    let names: Vec<&str> = expected.iter().map(|(_, r)| &text[r.clone()]).collect();
    assert_eq!(
        names,
        [
            "Ms. Valdez",
            "Mr.Pell",
            "O'Brien",
            "President of Kazakhstan",
            "Brandt",
            "O'Brien"
        ]
    );
    // No key in the text: nothing is read.
    assert!(
        MentionFinder::new(&people)
            .find("compelled whales on the shale")
            .is_empty()
    );
}

#[test]
fn one_scratch_reused_over_many_texts_finds_what_fresh_searches_find() {
    let people = english_cast();
    let finder = MentionFinder::new(&people);
    // Texts that end inside a longer pattern ("President of"), an empty one, one with no
    // key and one in another script, one after the other.
    let texts = [
        "Chairman Brandt spoke to the President of",
        "Kazakhstan, and then to Ms. Valdez.",
        "O'Brien's aide met Tom Pell, Senator from the",
        "",
        "Isles: the President of Kazakhstan and J. Holm agreed.",
        "compelled whales on the shale",
        "Брандт и Вальдес",
        "Lucia Valdez answered Senator from the Isles Tom Pell",
    ];
    let mut scratch = Scratch::default();
    let mut found = vec![(ParticipantId::from(99), 0..1)];
    for text in texts {
        finder.find_into(text, &mut scratch, &mut found);
        assert_eq!(found, finder.find(text), "{text}");
    }
}

proptest::proptest! {
    /// The gate finds what reading every word finds, whatever the words around the keys:
    /// titles, punctuation, joiners, possessives, elisions, dots and other cases.
    #[test]
    fn the_ascii_gate_changes_no_mention(
        words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Brandt", "BRANDT", "brandt", "Brandt's", "xBrandt", "Brandtx", "Ada",
                "Valdez", "Valdez.", "Ms.", "Mr.", "MR.", "Dr.", "Chairman", "chairman",
                "of", "the", "Subcommittee", "President", "Kazakhstan", "Kassym-Jomart",
                "Tokayev", "Jomart", "Sean", "O'Brien", "O'Brien's", "d'Pell", "Pell",
                "Pell-Smith", "compelled", "J.", "J.Holm", "Holm", "Gen.", "Gen.Secretary", "Secretary", "Party",
                "Gen.Secretary of the Party", "Gen. Secretary of the Party",
                "President of Kazakhstan", "Chairman of the Subcommittee",
                "Senator from the Isles", "Lucia Valdez", "Ada Brandt", "Senator", "from", "Isles", "and", ",", ".",
                "Tom", "Tomas", "Tomasz", "TOMAS", "Brandtner", "Brandtners", "Tomas Brandtner",
                ";", "(", ")", "-", "--", "'", "`", "\"", "1", "2024", "", " ", "\n", "\t",
            ]),
            0..40,
        ),
        glue in proptest::collection::vec(proptest::sample::select(vec![" ", "", "  ", ", ", "."]), 40),
    ) {
        let mut text = String::new();
        for (word, glue) in words.iter().zip(glue.iter().cycle()) {
            text.push_str(word);
            text.push_str(glue);
        }
        for people in [english_cast(), alphanumeric_cast()] {
            proptest::prop_assert_eq!(
                MentionFinder::new(&people).find(&text),
                found_word_by_word(&people, &text)
            );
        }
    }
}

#[test]
fn long_text_is_read_once() {
    let people = french_cast();
    let paragraph = "Le Président Japarov et Mr. Loukachenko ont parlé du Conseil. ";
    let text = paragraph.repeat(20_000);
    let started = std::time::Instant::now();
    let mentions = MentionFinder::new(&people).find(&text);
    assert!(started.elapsed().as_secs_f64() < 5.0);
    assert_eq!(mentions.len(), 40_000);
    assert!(mentions.windows(2).all(|w| w[0].1.end <= w[1].1.start));
}
