//! Name particles written joined to the name by a hyphen ("al-Rashid", "el-Amin",
//! "ibn-Saud"): the word is a capitalised name even though its first letter is lowercase.

/// Lowercase particles that stand before a hyphen inside an Arabic (and similar) surname.
const HYPHEN_PARTICLES: &[&str] = &[
    "al", "el", "ad", "ed", "ud", "ul", "as", "ash", "at", "an", "ar", "az", "ibn", "bin", "ben",
    "bint", "abd",
];

/// The name after a hyphenated particle ("al-Rashid" → "Rashid"), or the word itself.
pub(crate) fn past_hyphen_particle(word: &str) -> &str {
    let Some((particle, rest)) = word.split_once(['-', '\u{2010}', '\u{2011}']) else {
        return word;
    };
    if HYPHEN_PARTICLES.contains(&particle) && rest.chars().next().is_some_and(char::is_uppercase) {
        rest
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::past_hyphen_particle;

    #[test]
    fn looks_past_a_particle_joined_by_a_hyphen() {
        assert_eq!(past_hyphen_particle("al-Rashid"), "Rashid");
        assert_eq!(past_hyphen_particle("el‑Amin"), "Amin");
        assert_eq!(past_hyphen_particle("Rashid"), "Rashid");
        // Not a particle, or not a name after it: the word stays as it is.
        assert_eq!(past_hyphen_particle("well-known"), "well-known");
        assert_eq!(past_hyphen_particle("al-based"), "al-based");
        assert_eq!(past_hyphen_particle("e-Mail"), "e-Mail");
    }
}
