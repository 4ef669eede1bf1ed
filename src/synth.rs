//! Synthetic transcripts in the Kremlin shape, for benchmarks and scale tests.
//!
//! Deterministic (a fixed-seed generator, no randomness from the OS) so that figures
//! recorded in `docs/PERFORMANCE.md` can be reproduced.

use std::fmt::Write as _;

/// Shape of a generated transcript.
#[derive(Clone, Copy, Debug)]
pub struct SynthSpec {
    /// Number of speeches.
    pub speeches: usize,
    /// Paragraphs per speech.
    pub paragraphs_per_speech: usize,
    /// A photo caption after every this many paragraphs (0: none).
    pub photo_every: usize,
    /// Distinct speakers taking turns.
    pub speakers: usize,
    /// Seed of the generator: different seeds give different events.
    pub seed: u64,
}

impl SynthSpec {
    /// About `bytes` of text with the usual proportions (paragraphs of ~400 bytes).
    pub fn of_size(bytes: usize, seed: u64) -> Self {
        let paragraphs = (bytes / 420).max(1);
        let paragraphs_per_speech = 10;
        Self {
            speeches: paragraphs.div_ceil(paragraphs_per_speech),
            paragraphs_per_speech,
            photo_every: 25,
            speakers: 12,
            seed,
        }
    }
}

const FIRST: &[&str] = &[
    "Anton", "Marta", "Ilya", "Sofia", "Pavel", "Irena", "Bogdan", "Lena", "Oskar", "Nadia",
    "Timur", "Vera", "Karim", "Olga", "Ruslan", "Dana",
];
const LAST: &[&str] = &[
    "Varlamov",
    "Ostrovska",
    "Dremin",
    "Kalnina",
    "Surkis",
    "Belova",
    "Tarasenko",
    "Holm",
    "Ivashin",
    "Zorina",
    "Mukanov",
    "Lindqvist",
    "Petrescu",
    "Aliyeva",
    "Korsak",
    "Fenwick",
];
const ROLES: &[&str] = &[
    "President of Arvenia",
    "Prime Minister of Sulmara",
    "Foreign Minister of Dovenia",
    "Secretary General of the Northern Accord",
    "Chairman of the Baltic Council",
    "President of Ostrava Republic",
    "Minister of Energy of Kelmark",
    "Governor of the Central Bank of Arvenia",
];
const WORDS: &[&str] = &[
    "cooperation",
    "partners",
    "we",
    "have",
    "agreed",
    "to",
    "continue",
    "the",
    "work",
    "on",
    "energy",
    "security",
    "trade",
    "and",
    "transport",
    "corridors",
    "this",
    "year",
    "our",
    "countries",
    "developed",
    "joint",
    "projects",
    "in",
    "industry",
    "science",
    "education",
    "colleagues",
    "I",
    "would",
    "like",
    "note",
    "that",
    "important",
    "decisions",
    "were",
    "taken",
    "by",
    "all",
    "members",
    "of",
    "organisation",
    "region",
    "stability",
    "growth",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() as usize) % items.len()]
    }
}

/// Generates a transcript text of the given shape (English, Kremlin shape).
pub fn generate(spec: &SynthSpec) -> String {
    let mut rng = Lcg(spec.seed ^ 0x5DEE_CE66_D1CE_4E5B);
    let speakers: Vec<(String, &str)> = (0..spec.speakers.max(1))
        .map(|i| {
            let name = format!(
                "{} {}",
                FIRST[(i + spec.seed as usize) % FIRST.len()],
                LAST[(i * 7 + spec.seed as usize) % LAST.len()]
            );
            (name, ROLES[i % ROLES.len()])
        })
        .collect();
    let mut out = String::with_capacity(spec.speeches * spec.paragraphs_per_speech * 430 + 1024);
    let day = 1 + spec.seed % 28;
    let _ = writeln!(
        out,
        "{} – Summit of the Northern Accord No. {} – March {day}, 2024, 11:30, Tallinn\n",
        1000 + spec.seed % 9000,
        spec.seed
    );
    let _ = writeln!(
        out,
        "The heads of state of the Northern Accord met in Tallinn for their annual summit.\n"
    );
    let _ = writeln!(out, "March {day}, 2024, 11:30, Tallinn");
    for (i, (name, role)) in speakers.iter().enumerate() {
        let sep = if i + 1 == speakers.len() { "" } else { "," };
        let _ = writeln!(out, "{role} {name}{sep}");
    }
    let _ = writeln!(out, "also took part in the summit.\n");
    let mut photo = 0usize;
    let mut paragraphs = 0usize;
    for s in 0..spec.speeches {
        let (name, role) = &speakers[s % speakers.len()];
        if s < speakers.len() {
            let _ = write!(out, "{role} {name}: ");
        } else {
            let _ = write!(out, "{name}: ");
        }
        for p in 0..spec.paragraphs_per_speech {
            if p > 0 {
                out.push('\n');
            }
            let words = 55 + (rng.next() % 20) as usize;
            for w in 0..words {
                let word = rng.pick(WORDS);
                if w == 0 {
                    let mut chars = word.chars();
                    if let Some(first) = chars.next() {
                        out.extend(first.to_uppercase());
                        out.push_str(chars.as_str());
                    }
                } else {
                    out.push(' ');
                    out.push_str(word);
                }
            }
            out.push_str(".\n");
            paragraphs += 1;
            if spec.photo_every > 0 && paragraphs.is_multiple_of(spec.photo_every) {
                photo += 1;
                let _ = writeln!(
                    out,
                    "\n{photo} {role} {name} at the summit session. Photo: Mara Lind, Accord Press\n"
                );
            }
        }
    }
    out.push_str("<…>\nGeography\nTallinn\n\nhttps://example.org/events/summit\n");
    out
}

/// One file of a synthetic library: where it goes (a relative path such as
/// "2021/04/event-00042.txt") and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LibraryFile {
    /// Path relative to the library folder, "/"-separated.
    pub path: String,
    /// The transcript text (English, Kremlin shape).
    pub text: String,
}

/// File `index` of a synthetic library (deterministic). Sizes are mixed: most files are
/// 20 to 60 KB, every tenth about 300 KB and every hundredth about 2 MB. Titles, dates
/// (2015 to 2024) and places vary; speakers are drawn from one small pool of fictional
/// names, so the same people recur across files, some people share a first name or a
/// surname, and every seventh file spells one surname with a letter changed
/// ("Varlamow"), as transliterations do.
pub fn library_file(index: u64) -> LibraryFile {
    const PLACES: &[&str] = &[
        "Tallinn",
        "Varengrad",
        "Kelmark",
        "Sulmara",
        "Ostrava",
        "Riga",
    ];
    const KINDS: &[&str] = &[
        "Summit of the Northern Accord",
        "Meeting with the Baltic Council",
        "Press conference",
        "Talks with the Prime Minister of Sulmara",
        "Session of the Energy Forum",
    ];
    let mut rng = Lcg(index.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xA5A5);
    let size = if index % 100 == 99 {
        2_000_000
    } else if index % 10 == 9 {
        300_000
    } else {
        20_000 + (rng.next() % 40_000) as usize
    };
    let mut spec = SynthSpec::of_size(size, index);
    spec.speakers = 3 + (rng.next() % 10) as usize;
    let year = 2015 + (rng.next() % 10);
    let month = (rng.next() % 12) as usize;
    let month_name = crate::export::date::MONTHS
        .get(month)
        .copied()
        .unwrap_or("March");
    let place = rng.pick(PLACES);
    let kind = rng.pick(KINDS);
    let day = 1 + index % 28;
    let mut text = generate(&spec)
        .replace(
            &format!("Summit of the Northern Accord No. {index}"),
            &format!("{kind} No. {index}"),
        )
        .replace(
            &format!("March {day}, 2024"),
            &format!("{month_name} {day}, {year}"),
        )
        .replace("Tallinn", place);
    if index % 7 == 3 {
        text = text.replace("Varlamov", "Varlamow");
    }
    LibraryFile {
        path: format!("{year}/{:02}/event-{index:05}.txt", month + 1),
        text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_close_to_requested() {
        let text = generate(&SynthSpec::of_size(1_000_000, 1));
        assert!((800_000..1_300_000).contains(&text.len()), "{}", text.len());
    }

    #[test]
    fn library_files_vary_in_date_and_place() {
        let a = library_file(1);
        let b = library_file(2);
        assert_ne!(a.path, b.path);
        assert!(a.path.ends_with("event-00001.txt"), "{}", a.path);
        let t = crate::parse_text(&a.text);
        let year = t.date.as_deref().and_then(|d| d.get(..4));
        assert!(year.is_some_and(|y| a.path.starts_with(y)), "{:?}", t.date);
        assert!(t.speeches.len() > 3);
    }

    #[test]
    fn same_seed_same_text() {
        let spec = SynthSpec::of_size(50_000, 7);
        assert_eq!(generate(&spec), generate(&spec));
    }
}
