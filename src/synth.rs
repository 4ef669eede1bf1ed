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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_is_close_to_requested() {
        let text = generate(&SynthSpec::of_size(1_000_000, 1));
        assert!((800_000..1_300_000).contains(&text.len()), "{}", text.len());
    }

    #[test]
    fn same_seed_same_text() {
        let spec = SynthSpec::of_size(50_000, 7);
        assert_eq!(generate(&spec), generate(&spec));
    }
}
