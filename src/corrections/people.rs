//! People named in corrections: a name, alias or role as text, matched the way
//! `stenogram export --speaker` matches (case and accents aside), and the text that names
//! a given person unambiguously.

use crate::export::view::{NameError, exact_matches, spellings};
use crate::model::{Participant, ParticipantId, Transcript};
use crate::text::fold;

/// The one participant `name` stands for: whose name, alias or role equals it (case and
/// accents aside), else the one whose name or alias contains it (among several, the one
/// who speaks). Unlike the export filter, people who never speak count too.
pub fn find_person(t: &Transcript, name: &str) -> Result<ParticipantId, NameError> {
    let wanted = fold(name.trim());
    if wanted.is_empty() {
        return Err(NameError::NoMatch);
    }
    let exact = exact_matches(t, &wanted);
    // A name or alias that matches wins over a role that matches ("Minister" the person's
    // name against two ministers' role).
    let by_name: Vec<&Participant> = exact
        .iter()
        .copied()
        .filter(|p| spellings(p).contains(&wanted))
        .collect();
    let found = match (by_name.as_slice(), exact.as_slice()) {
        ([one], _) | ([], [one]) => return Ok(one.id),
        ([_, ..], _) => by_name,
        ([], [_, ..]) => exact,
        ([], []) => {
            let partial: Vec<&Participant> = t
                .participants
                .iter()
                .filter(|p| spellings(p).iter().any(|s| s.contains(&wanted)))
                .collect();
            let speaking: Vec<&Participant> = partial
                .iter()
                .copied()
                .filter(|p| t.speeches.iter().any(|s| s.speaker == p.id))
                .collect();
            match (partial.as_slice(), speaking.as_slice()) {
                ([one], _) | (_, [one]) => return Ok(one.id),
                ([], _) => return Err(NameError::NoMatch),
                _ => partial,
            }
        }
    };
    Err(NameError::Ambiguous(
        found.iter().map(|p| p.display_name().to_owned()).collect(),
    ))
}

/// A text that names `id` and nobody else in `t`: the display name, else one of the
/// aliases, else the role. `None` when every spelling is shared with somebody else.
pub fn person_ref(t: &Transcript, id: ParticipantId) -> Option<String> {
    let p = t.participant(id)?;
    let candidates = p
        .name
        .iter()
        .chain(p.aliases.iter())
        .chain(p.role.iter())
        .map(String::as_str);
    candidates
        .filter(|text| !text.trim().is_empty())
        .find(|text| find_person(t, text) == Ok(id))
        .map(str::to_owned)
}

/// The sentence for a name that chose nobody, or several people.
pub fn name_problem(name: &str, why: &NameError) -> String {
    match why {
        NameError::NoMatch | NameError::Silent(_) => {
            format!("no participant matches “{name}”")
        }
        NameError::Ambiguous(people) => format!(
            "“{name}” matches several participants ({}); give more of the name",
            people.join(", ")
        ),
    }
}
