//! Roles from the narrative: "The Minister of Foreign Affairs of Orlavia, Pavel Sorokin,
//! answered questions", "answered questions from the club's director, Ivan Ilyin". A
//! speaker labelled by name alone gets the role the text gives them in apposition, and a
//! questioner who opens with "Name, Outlet." gets that outlet.

use crate::model::{BlockKind, Transcript};
use crate::parse::classify::introduction::introduction;
use crate::parse::people::{is_role_word, split_role_name};
use crate::text::fold;

/// Articles that open a role in apposition.
const ARTICLES: &[&str] = &[
    "the ", "The ", "le ", "Le ", "la ", "La ", "l’", "L’", "l'", "L'",
];

/// Longest role phrase taken, in words.
const MAX_ROLE_WORDS: usize = 10;

/// Gives each named participant without a role the role the lead or a narrative
/// paragraph puts before their full name: "<article> <role>, <Name>".
pub(super) fn roles_in_apposition(t: &mut Transcript) {
    let texts: Vec<String> = t
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Lead { text } | BlockKind::Paragraph { text } => Some(text.clone()),
            _ => None,
        })
        .collect();
    for p in &mut t.participants {
        if p.role.is_some() || p.generic {
            continue;
        }
        let Some(name) = p.name.clone().filter(|n| n.split_whitespace().count() >= 2) else {
            continue;
        };
        if let Some(role) = texts.iter().find_map(|text| role_before(text, &name)) {
            p.role = Some(role);
        }
    }
}

/// Gives each named participant without a role the outlet they name when they introduce
/// themselves at the start of a turn ("Lena Hart, Orla Daily. Mr President, …?").
pub(super) fn affiliations_from_introductions(t: &mut Transcript) {
    for speech in &t.speeches {
        let Some(intro) = speech.paragraphs.first().and_then(|p| introduction(p)) else {
            continue;
        };
        let Some(p) = t.participants.get_mut(speech.speaker.index()) else {
            continue;
        };
        let same_name = p
            .name
            .as_deref()
            .is_some_and(|n| fold(n) == fold(intro.name));
        if same_name && p.role.is_none() {
            p.role = Some(intro.outlet.to_owned());
        }
    }
}

/// The role in "<article> <role>, <name>" in `text`, when the people splitter reads
/// "<role> <name>" as that role and that name.
fn role_before(text: &str, name: &str) -> Option<String> {
    let at = text.find(&format!(", {name}"))?;
    let before = &text[..at];
    // From the last article before the comma (the role's start).
    let start = ARTICLES
        .iter()
        .filter_map(|a| before.rfind(a).map(|i| i + a.len()))
        .max()?;
    let role = before[start..].trim();
    let words = role.split_whitespace().count();
    if words == 0 || words > MAX_ROLE_WORDS || role.contains(['.', ';', ':', ',']) {
        return None;
    }
    let has_role_word = fold(role)
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(is_role_word);
    if !has_role_word {
        return None;
    }
    let split = split_role_name(&format!("{role} {name}"));
    let same_name = split.name.as_deref().is_some_and(|n| fold(n) == fold(name));
    let role_read = split.role.filter(|r| fold(r) == fold(role))?;
    same_name.then_some(role_read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_role_in_apposition() {
        assert_eq!(
            role_before(
                "The Minister of Foreign Affairs of Orlavia, Pavel Sorokin, answered questions.",
                "Pavel Sorokin"
            )
            .as_deref(),
            Some("Minister of Foreign Affairs of Orlavia")
        );
        assert_eq!(
            role_before(
                "He answered questions from the club's director, Ivan Ilyin.",
                "Ivan Ilyin"
            )
            .as_deref(),
            Some("club's director")
        );
        assert_eq!(
            role_before("In the end, Ivan Ilyin spoke.", "Ivan Ilyin"),
            None
        );
    }
}
