//! Applying a correction list: the line verdicts go to the parser, then each edit on
//! people, speeches and photos is applied in turn, or reported stale with its reason.

use std::collections::BTreeSet;

use super::people::{find_person, name_problem};
use super::{Edit, LineRef, PhotoRef, SpeechRef};
use crate::model::{ParticipantId, PhotoId, SpeechId, Transcript};
use crate::parse::LineVerdicts;
use crate::text::{clean_spaces, fold};

/// How many characters of a paragraph or caption a reference keeps.
const EXCERPT_CHARS: usize = 60;

/// What the corrections apply to.
#[derive(Copy, Clone, Debug)]
pub enum Base<'a> {
    /// The decoded text of the transcript: line edits redo its parse.
    Text(&'a str),
    /// A transcript without source lines (Stenogram JSON): line edits are stale.
    Parsed(&'a Transcript),
}

/// An edit that was not applied, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stale {
    /// Its index in the list.
    pub index: usize,
    /// Why, as a sentence for the user.
    pub reason: String,
}

/// What the corrections touched, for the pencil marks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// People renamed, merged, split, given or taken a speech or a photo.
    pub participants: BTreeSet<ParticipantId>,
    /// Speeches given to another person.
    pub speeches: BTreeSet<SpeechId>,
    /// Photos whose people changed.
    pub photos: BTreeSet<PhotoId>,
}

impl Marks {
    /// Ids after participant `gone` was merged into `keep` (see
    /// [`Transcript::merge_participants`]).
    fn merged(&mut self, keep: ParticipantId, gone: ParticipantId) {
        let shift = |id: ParticipantId| {
            if id == gone { keep } else { id }
        };
        let down = |id: ParticipantId| {
            if id.index() > gone.index() {
                ParticipantId::from(id.index() - 1)
            } else {
                id
            }
        };
        self.participants = self
            .participants
            .iter()
            .map(|id| down(shift(*id)))
            .chain([down(keep)])
            .collect();
    }
}

/// A transcript with its corrections applied.
#[derive(Clone, Debug, Default)]
pub struct Applied {
    /// The corrected transcript.
    pub transcript: Transcript,
    /// What the corrections touched.
    pub marks: Marks,
    /// The edits that were not applied, in list order.
    pub stale: Vec<Stale>,
    /// The line verdicts the parse was redone with (for "How this was read").
    pub verdicts: LineVerdicts,
}

/// Applies `edits` to `base`. Never panics; an edit that no longer fits the document is
/// left out and listed in [`Applied::stale`].
pub fn apply(base: Base<'_>, edits: &[Edit]) -> Applied {
    let mut stale = Vec::new();
    let (mut t, verdicts) = match base {
        Base::Text(text) => {
            let verdicts = line_verdicts(text, edits, &mut stale);
            let t = if verdicts.is_empty() {
                crate::parse::parse_text(text)
            } else {
                crate::parse::parse_text_with(text, &verdicts)
            };
            (t, verdicts)
        }
        Base::Parsed(t) => {
            for (index, edit) in edits.iter().enumerate() {
                if matches!(edit, Edit::Label { .. } | Edit::NotText { .. }) {
                    stale.push(Stale {
                        index,
                        reason: "there are no source lines to apply it to (the document was \
                                 read from Stenogram JSON, or its file cannot be read again)"
                            .to_owned(),
                    });
                }
            }
            (t.clone(), LineVerdicts::default())
        }
    };
    let mut marks = Marks::default();
    for (index, edit) in edits.iter().enumerate() {
        if let Err(reason) = apply_one(&mut t, &mut marks, edit) {
            stale.push(Stale { index, reason });
        }
    }
    stale.sort_by_key(|s| s.index);
    Applied {
        transcript: t,
        marks,
        stale,
        verdicts,
    }
}

/// The verdicts of the line edits whose lines still read as they did; the others are
/// stale. A label verdict on a line the parser joins to the one above (a hard wrap) is
/// stale too: it could not take effect.
fn line_verdicts(text: &str, edits: &[Edit], stale: &mut Vec<Stale>) -> LineVerdicts {
    let lines: Vec<&str> = text.split('\n').collect();
    let check = |r: &LineRef| -> Result<(), String> {
        match r.line.checked_sub(1).and_then(|i| lines.get(i)) {
            None => Err(format!(
                "the text has {} lines, not {}",
                lines.len(),
                r.line
            )),
            Some(raw) if clean_spaces(raw) != r.text => {
                Err(format!("line {} now reads “{}”", r.line, clean_spaces(raw)))
            }
            Some(_) => Ok(()),
        }
    };
    let mut verdicts = LineVerdicts::default();
    let mut labels = Vec::new();
    for (index, edit) in edits.iter().enumerate() {
        let checked = match edit {
            Edit::Label { line, label } => check(line).map(|()| {
                verdicts.set_label(line.line, *label);
                labels.push((index, line.line));
            }),
            Edit::NotText { from, to } => {
                let last = to.as_ref().unwrap_or(from);
                check(from).and_then(|()| check(last)).map(|()| {
                    for line in from.line..=last.line.max(from.line) {
                        verdicts.set_not_text(line);
                    }
                })
            }
            _ => Ok(()),
        };
        if let Err(reason) = checked {
            stale.push(Stale { index, reason });
        }
    }
    if !labels.is_empty() {
        let cleaned = crate::parse::normalize::prepare_lines_with(text, &verdicts);
        let starts: BTreeSet<usize> = cleaned.iter().map(|l| l.number).collect();
        for (index, line) in labels {
            if !starts.contains(&line) {
                stale.push(Stale {
                    index,
                    reason: format!(
                        "line {line} is read as part of the line above it, or left out"
                    ),
                });
            }
        }
    }
    verdicts
}

/// Applies one edit on people, speeches or photos (line edits are already in the parse).
fn apply_one(t: &mut Transcript, marks: &mut Marks, edit: &Edit) -> Result<(), String> {
    let person =
        |t: &Transcript, name: &str| find_person(t, name).map_err(|why| name_problem(name, &why));
    match edit {
        Edit::Label { .. } | Edit::NotText { .. } => Ok(()),
        Edit::Rename {
            person: who,
            name,
            role,
        } => {
            let id = person(t, who)?;
            let p = t
                .participants
                .get_mut(id.index())
                .ok_or_else(|| format!("no participant matches “{who}”"))?;
            if let Some(name) = name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                if let Some(old) = p.name.take()
                    && !p.aliases.contains(&old)
                {
                    p.aliases.push(old);
                }
                p.name = Some(name.to_owned());
            }
            if let Some(role) = role {
                let role = role.trim();
                p.role = (!role.is_empty()).then(|| role.to_owned());
            }
            marks.participants.insert(id);
            Ok(())
        }
        Edit::Merge { keep, gone } => {
            let (k, g) = (person(t, keep)?, person(t, gone)?);
            if k == g {
                return Err(format!("“{keep}” and “{gone}” are already one person"));
            }
            if !t.merge_participants(k, g) {
                return Err(format!("“{gone}” cannot be merged into “{keep}”"));
            }
            marks.merged(k, g);
            Ok(())
        }
        Edit::Split { person: who, alias } => split(t, marks, person(t, who)?, who, alias),
        Edit::Reassign { speech, to, new } => {
            let s = locate_speech(t, speech)?;
            let id = if *new {
                if to.trim().is_empty() {
                    return Err("a new person needs a name".to_owned());
                }
                t.add_participant(Some(to.trim().to_owned()), None)
            } else {
                person(t, to)?
            };
            give_speech(t, s, id);
            marks.speeches.insert(s);
            marks.participants.insert(id);
            Ok(())
        }
        Edit::PhotoPerson {
            photo,
            person: who,
            add,
        } => {
            let ph = locate_photo(t, photo)?;
            let id = person(t, who)?;
            if *add {
                t.add_photo_participant(ph, id);
            } else {
                if let Some(p) = t.photos.get_mut(ph.index()) {
                    p.participants.retain(|x| *x != id);
                }
                if let Some(p) = t.participants.get_mut(id.index()) {
                    p.appearances.photos.retain(|x| *x != ph);
                }
            }
            marks.photos.insert(ph);
            marks.participants.insert(id);
            Ok(())
        }
    }
}

/// Moves spelling `alias` out of participant `id` into a new person, with the speeches
/// labelled with it.
fn split(
    t: &mut Transcript,
    marks: &mut Marks,
    id: ParticipantId,
    who: &str,
    alias: &str,
) -> Result<(), String> {
    let wanted = fold(alias.trim());
    let p = t
        .participant(id)
        .ok_or_else(|| format!("no participant matches “{who}”"))?;
    if p.name.as_deref().is_some_and(|n| fold(n.trim()) == wanted) {
        return Err(format!(
            "“{alias}” is the name of “{who}”: rename them, or split another spelling"
        ));
    }
    let Some(spelling) = p.aliases.iter().find(|a| fold(a.trim()) == wanted).cloned() else {
        return Err(format!("“{who}” is never written “{alias}”"));
    };
    let generic = p.generic;
    if let Some(p) = t.participants.get_mut(id.index()) {
        p.aliases.retain(|a| *a != spelling);
    }
    let new = t.add_participant(Some(spelling.clone()), None);
    if let Some(p) = t.participants.get_mut(new.index()) {
        p.aliases.push(spelling);
        p.generic = generic;
    }
    let moved: Vec<SpeechId> = t
        .speeches
        .iter()
        .filter(|s| s.speaker == id && fold(s.label.trim()) == wanted)
        .map(|s| s.id)
        .collect();
    for s in moved {
        give_speech(t, s, new);
        marks.speeches.insert(s);
    }
    marks.participants.insert(id);
    marks.participants.insert(new);
    Ok(())
}

/// Makes `to` the speaker of speech `s`, keeping both people's appearances in step.
fn give_speech(t: &mut Transcript, s: SpeechId, to: ParticipantId) {
    let Some(speech) = t.speeches.get_mut(s.index()) else {
        return;
    };
    let from = std::mem::replace(&mut speech.speaker, to);
    if let Some(p) = t.participants.get_mut(from.index()) {
        p.appearances.speeches.retain(|x| *x != s);
    }
    if let Some(p) = t.participants.get_mut(to.index()) {
        let list = &mut p.appearances.speeches;
        if let Err(at) = list.binary_search(&s) {
            list.insert(at, s);
        }
    }
}

/// The speech `r` names: at its number when the label and first words still match, else
/// the first speech that matches them.
fn locate_speech(t: &Transcript, r: &SpeechRef) -> Result<SpeechId, String> {
    let fits = |s: &crate::model::Speech| {
        s.label == r.label
            && (r.excerpt.is_empty() || excerpt_of(s.paragraphs.first()) == r.excerpt)
    };
    r.number
        .checked_sub(1)
        .and_then(|i| t.speeches.get(i))
        .filter(|s| fits(s))
        .or_else(|| t.speeches.iter().find(|s| fits(s)))
        .map(|s| s.id)
        .ok_or_else(|| {
            format!(
                "no speech labelled “{}” starts “{}” any more",
                r.label, r.excerpt
            )
        })
}

/// The photo `r` names: at its number when the caption still starts the same, else the
/// first photo whose caption does.
fn locate_photo(t: &Transcript, r: &PhotoRef) -> Result<PhotoId, String> {
    let fits = |p: &crate::model::Photo| excerpt_of(Some(&p.caption)) == r.excerpt;
    r.number
        .checked_sub(1)
        .and_then(|i| t.photos.get(i))
        .filter(|p| fits(p))
        .or_else(|| t.photos.iter().find(|p| fits(p)))
        .map(|p| p.id)
        .ok_or_else(|| format!("no photo caption starts “{}” any more", r.excerpt))
}

/// The first characters of a paragraph or caption, spaces tidied.
fn excerpt_of(text: Option<&String>) -> String {
    text.map(|t| clean_spaces(t).chars().take(EXCERPT_CHARS).collect())
        .unwrap_or_default()
}

/// A reference to source line `line` (1-based) of `text`; `None` past the end.
pub fn line_ref(text: &str, line: usize) -> Option<LineRef> {
    let raw = text.split('\n').nth(line.checked_sub(1)?)?;
    Some(LineRef {
        line,
        text: clean_spaces(raw),
    })
}

/// A reference to speech `id` of `t`.
pub fn speech_ref(t: &Transcript, id: SpeechId) -> Option<SpeechRef> {
    let s = t.speech(id)?;
    Some(SpeechRef {
        number: id.index() + 1,
        label: s.label.clone(),
        excerpt: excerpt_of(s.paragraphs.first()),
    })
}

/// A reference to photo `id` of `t`.
pub fn photo_ref(t: &Transcript, id: PhotoId) -> Option<PhotoRef> {
    let p = t.photo(id)?;
    Some(PhotoRef {
        number: id.index() + 1,
        excerpt: excerpt_of(Some(&p.caption)),
    })
}
