//! A court record's APPEARANCES: "JANE R. ROE, ESQ., Deputy Solicitor General, Department of
//! Justice, Arland; on behalf of the Respondent." gives counsel's full name and role, and
//! the label "GENERAL ROE" or "MS. PIKE" is matched to it by surname.

use super::{by_surname, complete, surname_key};
use crate::model::{BlockKind, Transcript};
use crate::parse::people::split_role_name;
use crate::text::fold;

/// Words that make a part of an entry a title ("Deputy Solicitor General").
const TITLE_WORDS: &[&str] = &[
    "general",
    "solicitor",
    "attorney",
    "counsel",
    "assistant",
    "deputy",
    "professor",
    "chief",
    "special",
    "advocate",
    "prosecutor",
    "defender",
];

/// One counsel's entry.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Appearance {
    name: String,
    role: String,
}

/// Reads every "…; on behalf of the …" entry of the record and completes the speaker
/// labelled by the same surname.
pub(super) fn appearances(t: &mut Transcript) {
    let texts: Vec<String> = t
        .blocks
        .iter()
        .filter_map(|b| match &b.kind {
            BlockKind::Lead { text }
            | BlockKind::Paragraph { text }
            | BlockKind::Heading { text } => Some(text.clone()),
            _ => None,
        })
        .chain(t.speeches.iter().flat_map(|s| s.paragraphs.iter().cloned()))
        .collect();
    let mut found: Vec<Appearance> = texts.iter().flat_map(|text| entries(text)).collect();
    found.dedup();
    for appearance in found {
        let Some(surname) = surname_key(&appearance.name) else {
            continue;
        };
        if let Some(who) = by_surname(t, &surname) {
            complete(t, who, &appearance.name, Some(&appearance.role));
        }
    }
}

/// The entries in `text`: each ends with "on behalf of <party>."; its name is the part
/// before the first comma, in capitals.
fn entries(text: &str) -> Vec<Appearance> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find("on behalf of") {
        let end = rest[at..].find('.').map_or(rest.len(), |e| at + e + 1);
        let entry = rest[..end].trim();
        let entry = entry
            .rsplit_once("APPEARANCES:")
            .map_or(entry, |(_, after)| after.trim());
        if let Some(appearance) = entry_of(entry) {
            out.push(appearance);
        }
        rest = &rest[end..];
    }
    out
}

fn entry_of(entry: &str) -> Option<Appearance> {
    let (head, party) = entry.split_once("on behalf of")?;
    let party = party.trim().trim_end_matches('.').trim();
    let party = party.strip_prefix("the ").unwrap_or(party);
    let mut parts = head
        .trim()
        .trim_end_matches([';', ','])
        .split(',')
        .map(str::trim);
    let written = parts.next()?;
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || letters.iter().any(|c| c.is_lowercase()) {
        return None;
    }
    let name = split_role_name(written).name?;
    let title = parts
        .filter(|p| !fold(p).starts_with("esq"))
        .map(|p| p.split(';').next().unwrap_or(p).trim())
        .find(|p| fold(p).split_whitespace().any(|w| TITLE_WORDS.contains(&w)));
    let role = match title {
        Some(title) => format!("{title}, for the {party}"),
        None => format!("counsel for the {party}"),
    };
    Some(Appearance { name, role })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_give_names_and_roles() {
        let found = entries(
            "APPEARANCES: NORA PIKE, ESQ., Harbour City; on behalf of the Petitioners. JANE R. ROE, ESQ., Deputy Solicitor General, Department of Justice, Arland; on behalf of the Respondent.",
        );
        assert_eq!(
            found,
            [
                Appearance {
                    name: "Nora Pike".to_owned(),
                    role: "counsel for the Petitioners".to_owned()
                },
                Appearance {
                    name: "Jane R. Roe".to_owned(),
                    role: "Deputy Solicitor General, for the Respondent".to_owned()
                }
            ]
        );
        assert!(entries("They spoke on behalf of the committee.").is_empty());
    }
}
