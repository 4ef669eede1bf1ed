//! A correction in one line of plain words, as `stenogram correct FILE list` and the
//! app's Corrections window show it.

use std::fmt;

use super::Edit;

impl fmt::Display for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edit::Rename { person, name, role } => {
                write!(f, "rename “{person}”")?;
                if let Some(name) = name {
                    write!(f, " to “{name}”")?;
                }
                match role.as_deref() {
                    Some("") => write!(f, ", no role"),
                    Some(role) => write!(f, ", role “{role}”"),
                    None => Ok(()),
                }
            }
            Edit::Merge { keep, gone } => write!(f, "merge “{gone}” into “{keep}”"),
            Edit::Split { person, alias } => {
                write!(f, "split “{alias}” out of “{person}”")
            }
            Edit::Reassign { speech, to, new } => {
                let new = if *new { " (a new person)" } else { "" };
                write!(
                    f,
                    "speech {} (“{}”) is by “{to}”{new}",
                    speech.number, speech.label
                )
            }
            Edit::Label { line, label: true } => {
                write!(f, "line {} is a speaker label: “{}”", line.line, line.text)
            }
            Edit::Label { line, label: false } => {
                write!(
                    f,
                    "line {} is not a speaker label: “{}”",
                    line.line, line.text
                )
            }
            Edit::NotText { from, to: None } => {
                write!(f, "line {} is not text: “{}”", from.line, from.text)
            }
            Edit::NotText { from, to: Some(to) } => {
                write!(f, "lines {}–{} are not text", from.line, to.line)
            }
            Edit::PhotoPerson { photo, person, add } => {
                let verb = if *add { "shows" } else { "does not show" };
                write!(f, "photo {} {verb} “{person}”", photo.number)
            }
        }
    }
}
