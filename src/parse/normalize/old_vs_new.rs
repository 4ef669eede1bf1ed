//! TEMPORARY: the new pre-pass against the old one, line for line.

use proptest::strategy::Strategy as _;

use super::{SourceLine, prepare_lines};
use crate::parse::normalize_old;

fn old(text: &str) -> Vec<SourceLine> {
    normalize_old::prepare_lines(text)
        .into_iter()
        .map(|l| SourceLine {
            number: l.number,
            text: l.text,
        })
        .collect()
}

fn same(text: &str, what: &str) {
    let (a, b) = (old(text), prepare_lines(text));
    if a != b {
        let at = a.iter().zip(&b).position(|(x, y)| x != y);
        panic!(
            "{what}: differs at {at:?}: old {:?} new {:?} (lens {} {})",
            at.and_then(|i| a.get(i)),
            at.and_then(|i| b.get(i)),
            a.len(),
            b.len()
        );
    }
}

fn variants(text: &str) -> Vec<String> {
    vec![
        text.to_owned(),
        text.replace('\n', "\r\n"),
        text.replace("\n\n", "\n\x0C\n"),
        text.replace("\n\n", "\x0C\n"),
        text.replace("\n\n", "\n\x0C"),
    ]
}

fn corpus() -> Vec<(String, String)> {
    let mut texts = Vec::new();
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    for dir in [root.to_owned(), format!("{root}/encodings")] {
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.is_file())
            .collect();
        paths.sort();
        for path in paths {
            let bytes = std::fs::read(&path).unwrap();
            let text = crate::decode::decode(&bytes).unwrap();
            texts.push((path.display().to_string(), text));
        }
    }
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/sample.txt");
    texts.push((sample.to_owned(), std::fs::read_to_string(sample).unwrap()));
    if let Ok(dir) = std::fs::read_dir("/work/shared/seeds") {
        for e in dir {
            let path = e.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            let text = crate::decode::decode(&bytes).unwrap();
            texts.push((path.display().to_string(), text));
        }
    }
    for seed in [1, 2, 7] {
        let spec = crate::synth::SynthSpec::of_size(300_000, seed);
        texts.push((format!("synth {seed}"), crate::synth::generate(&spec)));
    }
    for i in [0, 3, 9] {
        let f = crate::synth::library_file(i);
        texts.push((f.path.clone(), f.text));
    }
    let hearing = include_str!("../../../tests/fixtures/hearing_en.txt");
    texts.push(("hearing x20".into(), hearing.repeat(20)));
    texts.push(("hearing 2MB".into(), hearing.repeat(2_000_000 / hearing.len() + 1)));
    let spec = crate::synth::SynthSpec::of_size(2_000_000, 1);
    texts.push(("synth 2MB".into(), crate::synth::generate(&spec)));
    texts.push(("all fixtures".into(), crate::parse::FIXTURES.concat()));
    let mut out = Vec::new();
    for (name, text) in texts {
        for (k, v) in variants(&text).into_iter().enumerate() {
            out.push((format!("{name} variant {k}"), v));
        }
    }
    out
}

#[test]
fn old_and_new_agree_on_the_corpus() {
    for (name, text) in corpus() {
        same(&text, &name);
    }
}

#[test]
fn old_and_new_agree_on_edge_cases() {
    let cases = [
        "",
        "\n",
        "\n\n\n",
        "\x0C\x0C\n\x0C",
        "99\n99\n99\n99\n99\n99\n99",
        "1\n2\n3\n4\n5\n6\n7\n8",
        "é-\né-\né-\né-\né-\né-\né-",
        "\u{FEFF}\r\r\n\r",
        "  07   ministers came.\n12  The talks  ended.\n1   \n5  \u{00A0}spaces\n3   Photo: A Press",
    ];
    for case in cases {
        for v in variants(case) {
            same(&v, &format!("{v:?}"));
        }
    }
    let long_margin = format!("12 {}x", "\u{2028}".repeat(30_000));
    let mut text = String::new();
    for i in 1..=8 {
        text.push_str(&format!("{i} line number {i} of the page\n"));
    }
    text.push_str(&long_margin);
    same(&text, "long margin");
}

fn line_strategy() -> impl proptest::strategy::Strategy<Value = String> {
    let mut pool: Vec<String> = crate::parse::FIXTURES
        .iter()
        .flat_map(|f| f.lines())
        .map(str::to_owned)
        .collect();
    pool.extend(
        [
            "Page 3 of 40",
            "- 4 -",
            "OFFICIAL TRANSCRIPT",
            "\x0C",
            "\x0CPage 2",
            "1",
            "12",
            "3 of 9 The hall.",
            "inter-",
            "national roads.",
            "Harbour-",
            "Board counsel.",
            "Q",
            "A",
            "Q Why now, and why",
            "A. Because.",
            "(Laughter.)",
            "* * *",
            "<…>",
            "  1  MR. SMITH: Good morning, and the committee will hear the witnesses on",
            "  2  the matter of the ferries that were late all spring,",
            "  3",
            "Стр. 3",
            "1 Caption. Фото: пресс-служба",
        ]
        .map(str::to_owned),
    );
    proptest::prop_oneof![
        6 => proptest::sample::select(pool),
        1 => "\\PC{0,40}",
        1 => "[0-9]{1,2}  ?[a-zA-Z ]{0,60}",
        1 => "[ \t\u{00A0}\u{200B}\r\x0Ca-z-]{0,20}",
        1 => proptest::strategy::Just(String::new()),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(3000))]
    #[test]
    fn old_and_new_agree_on_shuffled_lines(
        lines in proptest::collection::vec(line_strategy(), 0..120),
    ) {
        let text = lines.join("\n");
        proptest::prop_assert_eq!(old(&text), prepare_lines(&text));
    }
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(2000))]
    /// A typed hearing with some lines replaced, dropped or doubled: still margin-numbered,
    /// paged and wrapped most of the time.
    #[test]
    fn old_and_new_agree_on_perturbed_hearings(
        edits in proptest::collection::vec((0usize..400, 0u8..4, line_strategy()), 0..25),
        page_breaks in proptest::bool::ANY,
    ) {
        let hearing = include_str!("../../../tests/fixtures/hearing_en.txt");
        let hearing = if page_breaks { hearing.replace("\n\n", "\n\x0C\n") } else { hearing.to_owned() };
        let mut lines: Vec<String> = hearing.split('\n').map(str::to_owned).collect();
        for (at, op, line) in edits {
            let at = at % (lines.len() + 1);
            match op {
                0 => lines.insert(at, line),
                1 if at < lines.len() => { lines.remove(at); }
                2 if at < lines.len() => lines[at] = line,
                _ if at < lines.len() => { let l = lines[at].clone(); lines.insert(at, l); }
                _ => {}
            }
        }
        let text = lines.join("\n");
        proptest::prop_assert_eq!(old(&text), prepare_lines(&text));
    }
}
