//! `stenogram correct FILE …`: corrections made, listed and undone from the command line,
//! in the same store the app reads. Each action reads the stored list, applies it to the
//! file, resolves what the user named against the corrected transcript, checks that the
//! new edit applies, and only then saves.

use std::path::Path;

use clap::Subcommand;

use super::store::CorrectionStore;
use super::{
    Applied, Base, CorrectionList, Edit, apply, data_dir, find_person, line_ref, name_problem,
    person_ref, photo_ref, speech_ref,
};
use crate::load::Loaded;
use crate::model::{PhotoId, SpeechId, Transcript};

/// What `stenogram correct FILE` does.
#[derive(Subcommand, Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Give a person another name and/or role.
    Rename {
        /// Who (name, alias or role; case and accents do not matter).
        person: String,
        /// The new name.
        #[arg(long)]
        name: Option<String>,
        /// The new role ("" for none).
        #[arg(long)]
        role: Option<String>,
    },
    /// Two entries are one person: B's spellings, speeches and photos go to A.
    Merge {
        /// Who stays.
        a: String,
        /// Who is merged into A.
        b: String,
    },
    /// One of a person's spellings is somebody else: a new person takes it, with the
    /// speeches given under it.
    Split {
        /// Who holds the spelling now.
        person: String,
        /// The spelling, as written in a speaker label or alias.
        alias: String,
    },
    /// A speech was given by somebody else.
    Reassign {
        /// The speech's number, from 1, in document order.
        speech: usize,
        /// Who gave it.
        person: String,
        /// PERSON is somebody new, not yet in the transcript.
        #[arg(long)]
        new: bool,
    },
    /// A source line is a speaker label.
    Label {
        /// Its line number in the file, from 1.
        line: usize,
    },
    /// A source line is not a speaker label.
    NotLabel {
        /// Its line number in the file, from 1.
        line: usize,
    },
    /// A source line, or the lines FROM to TO, are not text (page headers, footers…).
    NotText {
        /// The first line, from 1.
        from: usize,
        /// The last line (FROM when absent).
        to: Option<usize>,
    },
    /// A person is pictured in a photo (or, with --remove, is not).
    Photo {
        /// The photo's number, from 1, in document order.
        photo: usize,
        /// Who.
        person: String,
        /// Take the person off the photo instead.
        #[arg(long)]
        remove: bool,
    },
    /// Take back the last correction.
    Undo,
    /// Put back the last correction taken back.
    Redo,
    /// List the corrections, saying which no longer apply and why.
    List,
}

/// Runs `action` on `file` (on its sitting `sitting`, for a TEI corpus); returns what to
/// print on stdout, or the one-line error (which names the file).
pub fn run(file: &Path, sitting: Option<usize>, action: Action) -> Result<String, String> {
    let shown = file.display().to_string();
    let dir = data_dir().ok_or_else(|| {
        format!("{shown}: no data folder to keep corrections in; set STENOGRAM_DATA_DIR")
    })?;
    let loaded = crate::load::open_chosen(file, sitting, "correct")?;
    let store = CorrectionStore::new(&dir);
    let key = crate::notes::content_key(&loaded.transcript);
    let stored = store.load(&key);
    if let Some(problem) = &stored.problem {
        // A damaged file is set aside, and the action goes on with an empty list.
        eprintln!("warning: {}", problem.replace(['\n', '\r'], " "));
    }
    let mut list = stored.list;
    let title = loaded.transcript.title.clone();
    let save = |list: &CorrectionList| store.save(&key, &title, list);
    match action {
        Action::List => Ok(listing(&loaded, &list)),
        Action::Undo => {
            let Some(edit) = list.undo().map(ToString::to_string) else {
                return Err(format!("{shown}: no correction to undo"));
            };
            save(&list)?;
            Ok(format!("undone: {edit}\n"))
        }
        Action::Redo => {
            let Some(edit) = list.redo().map(ToString::to_string) else {
                return Err(format!("{shown}: no correction to redo"));
            };
            save(&list)?;
            Ok(format!("redone: {edit}\n"))
        }
        action => {
            let now = applied(&loaded, list.active());
            let edit = make_edit(&loaded, &now.transcript, action)
                .map_err(|why| format!("{shown}: {why}"))?;
            list.push(edit.clone());
            let after = applied(&loaded, list.active());
            let index = list.active().len() - 1;
            if let Some(stale) = after.stale.iter().find(|s| s.index == index) {
                return Err(format!("{shown}: {}", stale.reason));
            }
            save(&list)?;
            Ok(format!("corrected: {edit}\n"))
        }
    }
}

/// The transcript of `loaded` with its stored corrections applied (the parse as it is when
/// there are none), and a warning for the user when some could not be read or applied.
pub fn corrected(loaded: Loaded, file: &Path) -> (Transcript, Option<String>) {
    let Some(dir) = data_dir() else {
        return (loaded.transcript, None);
    };
    corrected_from(loaded, file, &CorrectionStore::new(&dir))
}

/// [`corrected`], with the corrections kept in `store`.
pub fn corrected_from(
    loaded: Loaded,
    file: &Path,
    store: &CorrectionStore,
) -> (Transcript, Option<String>) {
    let key = crate::notes::content_key(&loaded.transcript);
    let stored = store.load(&key);
    if stored.list.active().is_empty() {
        return (loaded.transcript, stored.problem);
    }
    let a = applied(&loaded, stored.list.active());
    let warning = stored.problem.or_else(|| {
        (!a.stale.is_empty()).then(|| {
            format!(
                "{}: {} of the stored corrections no longer apply (see `stenogram correct {} \
                 list`)",
                file.display(),
                a.stale.len(),
                file.display()
            )
        })
    });
    (a.transcript, warning)
}

fn applied(loaded: &Loaded, edits: &[Edit]) -> Applied {
    match &loaded.text {
        Some(text) => apply(Base::Text(text), edits),
        None => apply(Base::Parsed(&loaded.transcript), edits),
    }
}

/// The edit an action asks for, with people, speeches, photos and lines resolved in `t`
/// (the transcript as corrected so far).
fn make_edit(loaded: &Loaded, t: &Transcript, action: Action) -> Result<Edit, String> {
    let person = |name: &str| -> Result<String, String> {
        let id = find_person(t, name).map_err(|why| name_problem(name, &why))?;
        // The name that finds this person and nobody else, as it reads in the document.
        Ok(person_ref(t, id).unwrap_or_else(|| name.to_owned()))
    };
    let line = |n: usize| {
        let text = loaded
            .text
            .as_deref()
            .ok_or("it is Stenogram JSON: it has no source lines to correct")?;
        let r = line_ref(text, n).ok_or_else(|| {
            format!(
                "there is no line {n} (the text has {} lines)",
                text.split('\n').count()
            )
        })?;
        if r.text.is_empty() {
            return Err(format!("line {n} is blank"));
        }
        Ok::<_, String>(r)
    };
    Ok(match action {
        Action::Rename {
            person: who,
            name,
            role,
        } => {
            if name.is_none() && role.is_none() {
                return Err("say the new --name, the new --role, or both".to_owned());
            }
            Edit::Rename {
                person: person(&who)?,
                name,
                role,
            }
        }
        Action::Merge { a, b } => Edit::Merge {
            keep: person(&a)?,
            gone: person(&b)?,
        },
        Action::Split { person: who, alias } => Edit::Split {
            person: person(&who)?,
            alias,
        },
        Action::Reassign {
            speech,
            person: who,
            new,
        } => {
            let count = t.speeches.len();
            let r = speech
                .checked_sub(1)
                .and_then(|i| speech_ref(t, SpeechId::from(i)))
                .ok_or_else(|| format!("there is no speech {speech} (there are {count})"))?;
            Edit::Reassign {
                speech: r,
                to: if new { who } else { person(&who)? },
                new,
            }
        }
        Action::Label { line: n } => Edit::Label {
            line: line(n)?,
            label: true,
        },
        Action::NotLabel { line: n } => Edit::Label {
            line: line(n)?,
            label: false,
        },
        Action::NotText { from, to } => {
            if to.is_some_and(|to| to < from) {
                return Err(format!(
                    "the run of lines ends before it starts ({from} to {})",
                    to.unwrap_or(0)
                ));
            }
            Edit::NotText {
                from: line(from)?,
                to: to.filter(|to| *to != from).map(line).transpose()?,
            }
        }
        Action::Photo {
            photo,
            person: who,
            remove,
        } => {
            let count = t.photos.len();
            let r = photo
                .checked_sub(1)
                .and_then(|i| photo_ref(t, PhotoId::from(i)))
                .ok_or_else(|| format!("there is no photo {photo} (there are {count})"))?;
            Edit::PhotoPerson {
                photo: r,
                person: person(&who)?,
                add: !remove,
            }
        }
        Action::Undo | Action::Redo | Action::List => {
            return Err("not an edit".to_owned());
        }
    })
}

/// `list`: the corrections in effect, numbered, each stale one with its reason, then how
/// many were undone.
fn listing(loaded: &Loaded, list: &CorrectionList) -> String {
    let a = applied(loaded, list.active());
    let mut out = String::new();
    if list.active().is_empty() {
        out.push_str("no corrections\n");
    }
    for (i, edit) in list.active().iter().enumerate() {
        out.push_str(&format!("{}. {edit}", i + 1));
        if let Some(stale) = a.stale.iter().find(|s| s.index == i) {
            out.push_str(&format!(" — does not apply: {}", stale.reason));
        }
        out.push('\n');
    }
    let mut redo = list.clone();
    let mut undone = 0;
    while redo.redo().is_some() {
        undone += 1;
    }
    if undone > 0 {
        out.push_str(&format!("({undone} undone; `redo` puts them back)\n"));
    }
    out
}
