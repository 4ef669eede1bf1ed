//! Full names for people known by their initials. Russian pages label speakers "А.Вельский"
//! and name them in full once, in the lead ("Андрей Вельский провёл встречу …"); English
//! records write "I. Ilyin:" beside "Ivan Ilyin". A careful reader calls the person by the
//! full name the page gives, when the surname and the initial agree with it and only one
//! such full name is written.

use super::complete;
use crate::model::{Participant, Transcript};
use crate::text::fold;

/// Gives each participant named by initials and surname the one full name among the
/// texts that mention them.
pub(super) fn full_names_for_initials(t: &mut Transcript) {
    let found: Vec<(crate::model::ParticipantId, String)> = t
        .participants
        .iter()
        .filter_map(|p| full_name_in_mentions(t, p).map(|name| (p.id, name)))
        .collect();
    for (id, name) in found {
        complete(t, id, &name, None);
    }
}

/// The full name `p`'s mentions write, when there is exactly one and `p` has only initials.
fn full_name_in_mentions(t: &Transcript, p: &Participant) -> Option<String> {
    let (initial, surname) = initial_and_surname(p.name.as_deref()?)?;
    let mut full: Option<String> = None;
    for m in &p.appearances.mentions {
        let Some(text) = t
            .text_at(m.at)
            .and_then(|all| with_given_name(all, m.start, m.end))
        else {
            continue;
        };
        let words: Vec<&str> = text.split_whitespace().collect();
        let [given, .., last] = words.as_slice() else {
            continue;
        };
        let agrees = !text.contains('.')
            && fold(last) == surname
            && fold(given).starts_with(initial)
            && given.chars().count() > 1;
        if !agrees {
            continue;
        }
        match &full {
            Some(known) if known != text => return None,
            _ => full = Some(text.to_owned()),
        }
    }
    full
}

/// The mention `start..end` of `text`, with the capitalised word just before it when the
/// mention is the surname alone ("Андрей [Вельский]").
fn with_given_name(text: &str, start: usize, end: usize) -> Option<&str> {
    let mention = text.get(start..end)?.trim();
    if mention.contains(' ') {
        return Some(mention);
    }
    let before = text.get(..start)?.trim_end();
    let given = before.rsplit(char::is_whitespace).next()?;
    let given_start = before.len() - given.len();
    if given.chars().next().is_some_and(char::is_uppercase)
        && given.chars().all(char::is_alphabetic)
    {
        text.get(given_start..end).map(str::trim)
    } else {
        Some(mention)
    }
}

/// "А.Вельский" or "I. Ilyin" → the initial and the surname, folded; `None` for a name
/// that is not an initial and a surname.
fn initial_and_surname(name: &str) -> Option<(char, String)> {
    let (initials, surname) = name.rsplit_once('.')?;
    let initial = fold(initials.trim()).chars().next()?;
    let only_initials = initials
        .split('.')
        .all(|i| i.trim().chars().count() <= 2 && i.trim().chars().all(char::is_alphabetic));
    let surname = fold(surname.trim());
    (only_initials
        && initial.is_alphabetic()
        && surname.chars().count() > 1
        && !surname.contains(' '))
    .then_some((initial, surname))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_surname_are_read() {
        assert_eq!(
            initial_and_surname("А.Вельский"),
            Some(('а', "вельскии".to_owned()))
        );
        assert_eq!(
            initial_and_surname("I. Ilyin"),
            Some(('i', "ilyin".to_owned()))
        );
        assert_eq!(initial_and_surname("Ivan Ilyin"), None);
        assert_eq!(initial_and_surname("Dr. Anna Berg"), None);
    }

    #[test]
    fn the_lead_gives_the_full_name() {
        let t = crate::parse_text(
            "Встреча с коллегами\n\nАндрей Вельский провёл встречу.\n\nА.Вельский: Добрый день.\n\nО.Ким: Здравствуйте.\n",
        );
        let names: Vec<&str> = t
            .participants
            .iter()
            .map(Participant::display_name)
            .collect();
        assert!(names.contains(&"Андрей Вельский"), "{names:?}");
        assert!(names.contains(&"О.Ким"), "{names:?}");
    }
}
