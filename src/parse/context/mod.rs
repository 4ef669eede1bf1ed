//! Names and roles from context: what a careful reader learns about the people from the
//! rest of the page once speakers, lists and captions are resolved.
//!
//! - A title "Statement by <Role> <Name>" over text with no speaker labels is one speech by
//!   that person; "Press Briefing by <Role> <Full Name>" gives the full name and role of
//!   the speaker labelled by surname ("MS. QUELL").
//! - A court record's APPEARANCES give counsel's full names and roles, matched to the
//!   labels by surname ("GENERAL ROE" is Jane R. Roe, Deputy Solicitor General).
//! - A role in apposition in the narrative ("The Minister of Foreign Affairs, Pavel
//!   Sorokin, answered …") is the role of a speaker labelled by name alone.
//! - A Russian name first met in another case ("с Президентом … Дарьей Малиновой") is
//!   shown in the nominative its speaker labels use ("Д.Малинова": "Дарья Малинова").
//! - A speaker labelled by initials ("А.Вельский") is called by the one full name the page
//!   writes for them ("Андрей Вельский провёл встречу …").
//! - A questioner who opens a turn with "Name, Outlet." works for that outlet.
//! - A UN record's roster ("President: Mr. Lund …… (Norway)") gives each member's country,
//!   and "The President" is the member in the chair.
//! - On a head of state's page, a caption "With …" / "Avec …" / "С …" pictures the page's
//!   principal (the person whose event it is) as well as the people it names.
//!
//! Each rule is a function over the finished transcript, run in order by [`apply`]; they
//! only add names, roles, speeches and photo links, and keep every id valid.

mod court;
mod initials;
mod nominative;
mod principal;
mod roles;
mod roster;
mod title;

pub(crate) use roster::{RosterEntry, roster_line};

use crate::model::{ParticipantId, Transcript};
use crate::text::fold;

/// Runs the context rules over a parsed transcript; `roster` is a UN record's roster of
/// members, as the page's chrome read it.
pub(crate) fn apply(t: &mut Transcript, roster: &[RosterEntry]) {
    nominative::nominative_names(t);
    initials::full_names_for_initials(t);
    title::statement_by(t);
    title::briefing_by(t);
    court::appearances(t);
    roster::roster(t, roster);
    roles::roles_in_apposition(t);
    roles::affiliations_from_introductions(t);
    principal::principal_in_captions(t);
}

/// The last word of a name, folded ("Jane R. Roe" → "roe").
pub(crate) fn surname_key(name: &str) -> Option<String> {
    name.split_whitespace()
        .last()
        .map(|w| fold(w.trim_matches(|c: char| !c.is_alphanumeric())))
        .filter(|w| !w.is_empty())
}

/// The one named, non-generic participant whose name is `surname` alone, or ends with it.
pub(crate) fn by_surname(t: &Transcript, surname: &str) -> Option<ParticipantId> {
    let hits: Vec<ParticipantId> = t
        .participants
        .iter()
        .filter(|p| !p.generic)
        .filter(|p| {
            p.name
                .as_deref()
                .and_then(surname_key)
                .is_some_and(|s| s == surname)
        })
        .map(|p| p.id)
        .collect();
    match hits.as_slice() {
        [one] => Some(*one),
        _ => None,
    }
}

/// Gives `who` the full `name` (keeping the short one as an alias) and `role` where it
/// has none.
pub(crate) fn complete(t: &mut Transcript, who: ParticipantId, name: &str, role: Option<&str>) {
    let Some(p) = t.participants.get_mut(who.index()) else {
        return;
    };
    if let Some(short) = p.name.take()
        && short != name
        && !p.aliases.contains(&short)
    {
        p.aliases.push(short);
    }
    p.name = Some(name.to_owned());
    // A role only gains words: "General" becomes "Deputy Solicitor General, …".
    let widens = |old: &str, new: &str| fold(new).contains(&fold(old));
    if let Some(role) = role
        && p.role.as_deref().is_none_or(|old| widens(old, role))
    {
        p.role = Some(role.to_owned());
    }
}
