//! A UN verbatim record's roster: "President: Mr. Lund …… (Norway)", "Members: Arland ……
//! Mr. Osei". Each member is a participant with their country; "The President" who speaks
//! is the member in the chair.

use super::{by_surname, surname_key};
use crate::model::Transcript;
use crate::parse::people::split_role_name;
use crate::text::fold;

/// One member on the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct RosterEntry {
    /// "Mr. Lund" as written.
    pub name: String,
    /// "Norway".
    pub country: String,
    /// Whether the roster puts them in the chair ("President:").
    pub chair: bool,
}

/// Reads a roster line: a name and a country on either side of a dot leader, maybe after
/// "President:" or "Members:". `None` for any other line.
pub(crate) fn roster_line(line: &str) -> Option<RosterEntry> {
    let at = line.find("....").or_else(|| line.find("……"))?;
    let left = line[..at].trim();
    let right = line[at..].trim_start_matches(['.', '…', ' ']).trim();
    let (label, left) = match left.split_once(':') {
        Some((label, rest)) => (Some(fold(label.trim())), rest.trim()),
        None => (None, left),
    };
    let chair = label
        .as_deref()
        .is_some_and(|l| l == "president" || l == "chair");
    let (name, country) = match right.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        Some(country) => (left, country),
        None => (right, left),
    };
    let words = |s: &str| s.split_whitespace().count();
    if name.is_empty() || country.is_empty() || words(name) > 6 || words(country) > 8 {
        return None;
    }
    Some(RosterEntry {
        name: name.to_owned(),
        country: country.to_owned(),
        chair,
    })
}

/// Gives each member on the roster a participant with their country, and the chair the
/// speeches labelled "The President".
pub(super) fn roster(t: &mut Transcript, entries: &[RosterEntry]) {
    for entry in entries {
        let split = split_role_name(&entry.name);
        let Some(name) = split.name else {
            continue;
        };
        let Some(surname) = surname_key(&name) else {
            continue;
        };
        let role = if entry.chair {
            format!("President ({})", entry.country)
        } else {
            entry.country.clone()
        };
        let who = match by_surname(t, &surname) {
            Some(who) => {
                if let Some(p) = t.participants.get_mut(who.index())
                    && p.role
                        .as_deref()
                        .is_none_or(|r| fold(r) == fold(&entry.country))
                {
                    p.role = Some(role.clone());
                }
                who
            }
            None => t.add_participant(Some(name.clone()), Some(role.clone())),
        };
        if entry.chair {
            let chair_label = t.participants.iter().find(|p| {
                p.name.is_none() && p.role.as_deref().is_some_and(|r| fold(r) == "president")
            });
            if let Some(label) = chair_label.map(|p| p.id) {
                t.merge_participants(who, label);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roster_lines_either_way_round() {
        assert_eq!(
            roster_line("President: Mr. Lund ........ (Norway)"),
            Some(RosterEntry {
                name: "Mr. Lund".to_owned(),
                country: "Norway".to_owned(),
                chair: true
            })
        );
        assert_eq!(
            roster_line("Members: Arland ........ Mr. Osei"),
            Some(RosterEntry {
                name: "Mr. Osei".to_owned(),
                country: "Arland".to_owned(),
                chair: false
            })
        );
        assert_eq!(roster_line("The meeting rose at 10.40 a.m."), None);
    }

    #[test]
    fn the_chair_speaks_as_the_president() {
        let t = crate::parse_text(
            "Security Council\nPresident: Mr. Lund ........ (Norway)\nMembers: Arland ........ Mr. Osei\nKestria ........ Ms. Varga\n\nThe President: I welcome the members.\nMs. Varga (Kestria): Thank you.\nThe President: I give the floor to Arland.\n",
        );
        let chair = t.person_named("Lund").expect("the chair is a participant");
        let p = &t.participants[chair.index()];
        assert_eq!(p.role.as_deref(), Some("President (Norway)"));
        assert_eq!(p.appearances.speeches.len(), 2);
        let osei = t.person_named("Osei").expect("a listed member");
        assert_eq!(t.participants[osei.index()].role.as_deref(), Some("Arland"));
        assert_eq!(crate::export::check::check_ids(&t), Ok(()));
    }
}
