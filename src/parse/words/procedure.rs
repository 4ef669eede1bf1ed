//! The record's own notes on the sitting: "The meeting rose at 10.40 a.m.", "La séance
//! est levée à 12 h 10", "Заседание закрывается в 13.00". They belong to no speaker.

/// Openings of a procedural note, lowercased.
const PROCEDURAL_OPENINGS: &[&str] = &[
    "the meeting rose at",
    "the meeting was called to order at",
    "the meeting was suspended at",
    "the meeting resumed at",
    "the meeting was resumed at",
    "the meeting was adjourned at",
    "the sitting was suspended at",
    "the sitting was resumed at",
    "the sitting was closed at",
    "the sitting was opened at",
    "the house adjourned at",
    "la séance est levée à",
    "la séance est ouverte à",
    "la séance est suspendue à",
    "la séance est reprise à",
    "заседание закрывается в",
    "заседание открывается в",
    "заседание прерывается в",
    "заседание возобновляется в",
];

/// Whether a line is the record's note on the sitting, not a speaker's words.
pub(crate) fn is_procedural_note(line: &str) -> bool {
    let head: String = line.chars().take(40).collect::<String>().to_lowercase();
    PROCEDURAL_OPENINGS.iter().any(|o| head.starts_with(o))
}

#[cfg(test)]
mod tests {
    use super::is_procedural_note;

    #[test]
    fn notes_on_the_sitting() {
        assert!(is_procedural_note("The meeting rose at 10.40 a.m."));
        assert!(is_procedural_note("La séance est levée à 12 h 10."));
        assert!(is_procedural_note("Заседание закрывается в 13 ч. 00 м."));
        assert!(!is_procedural_note(
            "The meeting rose to its feet and applauded."
        ));
        assert!(!is_procedural_note(
            "We hope the meeting rose at least some hopes."
        ));
    }
}
