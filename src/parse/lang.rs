//! Language detection: an ISO 639-1 code from the script and the commonest short words.
//!
//! Kept over a general detector (whatlang, measured on every fixture, the seed, the sample
//! and short snippets): both name every document right, and whatlang names more snippets,
//! but it names some confidently wrong ("Thank you very much" as German, a Russian line as
//! Bulgarian) where this guess says "und", which the parser reads safely, and it is several
//! times slower on the same 256 KB sample.

/// How much of the text is looked at: plenty to decide, and cheap on huge inputs.
const SAMPLE_BYTES: usize = 256 * 1024;

/// Fewer counted words than this and the language stays undetermined.
const MIN_WORDS: usize = 5;

/// Stop words per language. Short, frequent and, as far as possible, unique to the language.
const STOP_WORDS: &[(&str, &[&str])] = &[
    (
        "fr",
        &[
            "le", "la", "les", "des", "du", "et", "est", "une", "dans", "nous", "avec", "pour",
            "que", "qui", "sur", "au", "aux", "cette", "à", "sont", "pas", "ont", "été", "ce",
            "ses", "leur", "notre", "nos",
        ],
    ),
    (
        "en",
        &[
            "the", "and", "of", "to", "is", "that", "for", "with", "we", "our", "this", "are",
            "was", "be", "by", "have", "it", "from", "will", "has", "which", "were", "been", "in",
        ],
    ),
    (
        "de",
        &[
            "der", "die", "und", "das", "ist", "nicht", "mit", "den", "ein", "eine", "zu", "von",
            "sich", "auf", "für", "wir", "dem",
        ],
    ),
    (
        "es",
        &[
            "el", "los", "las", "del", "y", "por", "con", "una", "es", "para", "su", "se", "lo",
            "como", "pero",
        ],
    ),
];

/// Detects the language of `text`: "ru" (or "uk") when mostly Cyrillic, otherwise the
/// language whose stop words clearly dominate, or "und" when unclear.
pub fn detect_language(text: &str) -> &'static str {
    let sample = prefix(text, SAMPLE_BYTES);
    let (mut cyrillic, mut latin, mut ukrainian, mut russian) = (0usize, 0usize, 0usize, 0usize);
    for c in sample.chars() {
        match c {
            'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => {
                cyrillic += 1;
                ukrainian += 1;
            }
            'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => {
                cyrillic += 1;
                russian += 1;
            }
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            c if c.is_alphabetic() && (c.is_ascii() || ('\u{00C0}'..='\u{024F}').contains(&c)) => {
                latin += 1;
            }
            _ => {}
        }
    }
    if cyrillic >= 10 && cyrillic > latin {
        // Ukrainian has its own letters and lacks some Russian ones.
        return if ukrainian * 50 > cyrillic && russian == 0 {
            "uk"
        } else {
            "ru"
        };
    }

    let mut counts = [0usize; STOP_WORDS.len()];
    for word in sample.split(|c: char| !c.is_alphabetic()) {
        if word.is_empty() || word.len() > 12 {
            continue;
        }
        let lower = word.to_lowercase();
        for (count, (_, words)) in counts.iter_mut().zip(STOP_WORDS) {
            if words.contains(&lower.as_str()) {
                *count += 1;
            }
        }
    }
    let mut best = 0;
    for (k, count) in counts.iter().enumerate() {
        if *count > counts[best] {
            best = k;
        }
    }
    let top = counts[best];
    let second = counts
        .iter()
        .enumerate()
        .filter(|(k, _)| *k != best)
        .map(|(_, c)| *c)
        .max()
        .unwrap_or(0);
    if top >= MIN_WORDS && top >= second * 2 {
        STOP_WORDS.get(best).map_or("und", |(code, _)| code)
    } else {
        "und"
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a char boundary.
fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(..end).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_french_english_russian() {
        assert_eq!(
            detect_language(
                "Le président a participé à une réunion avec les chefs des États et il a parlé de la sécurité."
            ),
            "fr"
        );
        assert_eq!(
            detect_language(
                "The President took part in a meeting with the heads of state and spoke about the security of the region."
            ),
            "en"
        );
        assert_eq!(
            detect_language(
                "Президент принял участие в заседании Совета коллективной безопасности."
            ),
            "ru"
        );
    }

    #[test]
    fn unclear_text_is_und() {
        assert_eq!(detect_language(""), "und");
        assert_eq!(detect_language("12345 !!! ???"), "und");
        assert_eq!(detect_language("Minsk Astana"), "und");
    }

    #[test]
    fn prefix_never_splits_a_char() {
        let text = "é".repeat(10);
        assert_eq!(prefix(&text, 5), "éé");
    }
}
