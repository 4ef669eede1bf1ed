//! The right-click entries that ask for corrections: a person in the sidebar, a speech's
//! header, a line of "How this was read", a person in the photo viewer; and dragging one
//! person onto another to merge them.

use egui::{Response, Ui};

use super::{LineVerdict, Request};
use crate::app::command::Command;
use crate::model::{Participant, ParticipantId, SpeechId, Transcript};

/// People to offer in a menu, by name, `but` left out.
fn others(t: &Transcript, but: ParticipantId) -> Vec<&Participant> {
    let mut people: Vec<&Participant> = t.participants.iter().filter(|p| p.id != but).collect();
    people.sort_by_key(|p| crate::text::fold(p.display_name()));
    people
}

/// A menu entry per person but `but`; returns the one clicked.
fn people_entries(ui: &mut Ui, t: &Transcript, but: ParticipantId) -> Option<ParticipantId> {
    let mut chosen = None;
    egui::ScrollArea::vertical()
        .max_height(320.0)
        .show(ui, |ui| {
            for p in others(t, but) {
                if ui.button(p.display_name()).clicked() {
                    chosen = Some(p.id);
                }
            }
        });
    chosen
}

/// The sidebar's right-click menu of person `p`: Rename…, Merge into ▸, Split alias ▸.
pub fn person_menu(
    response: &Response,
    t: &Transcript,
    p: &Participant,
    commands: &mut Vec<Command>,
) {
    response.context_menu(|ui| {
        if ui.button("Rename…").clicked() {
            commands.push(Command::BeginRename(p.id));
        }
        ui.menu_button("Merge into", |ui| {
            if let Some(keep) = people_entries(ui, t, p.id) {
                commands.push(Command::Correct(Request::Merge { keep, gone: p.id }));
            }
        });
        let aliases: Vec<&String> = p
            .aliases
            .iter()
            .filter(|a| p.name.as_ref() != Some(*a))
            .collect();
        ui.add_enabled_ui(!aliases.is_empty(), |ui| {
            ui.menu_button("Split alias", |ui| {
                for alias in aliases {
                    if ui.button(alias).clicked() {
                        commands.push(Command::Correct(Request::Split {
                            person: p.id,
                            alias: alias.clone(),
                        }));
                    }
                }
            });
        });
    });
}

/// Makes the sidebar row of `person` a drag source and a drop target: dropping one person
/// onto another merges the dropped one into the other.
pub fn merge_by_drag(response: &Response, person: ParticipantId, commands: &mut Vec<Command>) {
    response.dnd_set_drag_payload(person);
    if let Some(gone) = response.dnd_release_payload::<ParticipantId>()
        && *gone != person
    {
        commands.push(Command::Correct(Request::Merge {
            keep: person,
            gone: *gone,
        }));
    }
}

/// Whether a person is being dragged over `response` (to draw it as a drop target).
pub fn merge_hovered(response: &Response, person: ParticipantId) -> bool {
    response
        .dnd_hover_payload::<ParticipantId>()
        .is_some_and(|gone| *gone != person)
}

/// The speech header's right-click menu: Speaker is ▸ A new person…, or every other person.
pub fn speaker_menu(
    response: &Response,
    t: &Transcript,
    speech: SpeechId,
    commands: &mut Vec<Command>,
) {
    let Some(current) = t.speech(speech).map(|s| s.speaker) else {
        return;
    };
    response.context_menu(|ui| {
        ui.menu_button("Speaker is…", |ui| {
            if ui.button("A new person…").clicked() {
                commands.push(Command::BeginNewSpeaker(speech));
            }
            ui.separator();
            if let Some(to) = people_entries(ui, t, current) {
                commands.push(Command::Correct(Request::Reassign { speech, to }));
            }
        });
    });
}

/// A "How this was read" line's right-click menu.
pub fn line_menu(response: &Response, line: usize, commands: &mut Vec<Command>) {
    response.context_menu(|ui| {
        for (label, verdict) in [
            ("This is a speaker label", LineVerdict::Label),
            ("This is not a speaker label", LineVerdict::NotLabel),
            ("Not text", LineVerdict::NotText),
        ] {
            if ui.button(label).clicked() {
                commands.push(Command::Correct(Request::Line { line, verdict }));
            }
        }
    });
}
