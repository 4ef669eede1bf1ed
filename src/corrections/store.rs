//! Where correction lists live: `<data folder>/corrections/<key>.json`, one file per
//! transcript, keyed like notes by [`crate::notes::content_key`] of the transcript as
//! parsed without corrections. Files are written atomically; a file that cannot be read is
//! set aside under another name, never overwritten. The same JSON is the export format.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Edit;

/// Says what the file is to whoever opens it.
const FORMAT: &str = "stenogram-corrections";
/// The file format version.
const VERSION: u32 = 1;

/// The data folder Stenogram keeps notes and corrections in: `$STENOGRAM_DATA_DIR` when
/// set, else the platform's data folder for Stenogram (the one the app's own settings go
/// to: `$XDG_DATA_HOME/stenogram` or `~/.local/share/stenogram` on Linux,
/// `~/Library/Application Support/stenogram` on macOS, `%APPDATA%\stenogram\data` on
/// Windows). `None` when no folder can be found.
pub fn data_dir() -> Option<PathBuf> {
    use std::env::var_os;
    if let Some(dir) = var_os("STENOGRAM_DATA_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir));
    }
    if cfg!(target_os = "windows") {
        return var_os("APPDATA").map(|d| PathBuf::from(d).join("stenogram").join("data"));
    }
    let home = std::env::home_dir();
    if cfg!(target_os = "macos") {
        return home.map(|h| {
            h.join("Library")
                .join("Application Support")
                .join("stenogram")
        });
    }
    var_os("XDG_DATA_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| home.map(|h| h.join(".local").join("share")))
        .map(|d| d.join("stenogram"))
}

/// A transcript's corrections, with a cursor for undo and redo: the first `cursor` edits
/// are in effect, the ones after it were undone and can be redone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CorrectionList {
    edits: Vec<Edit>,
    cursor: usize,
}

impl CorrectionList {
    /// A list with `edits` all in effect.
    pub fn new(edits: Vec<Edit>) -> Self {
        let cursor = edits.len();
        Self { edits, cursor }
    }

    /// The edits in effect, in order.
    pub fn active(&self) -> &[Edit] {
        self.edits.get(..self.cursor).unwrap_or(&self.edits)
    }

    /// Whether no edit is in effect and none can be redone.
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }

    /// Adds an edit after the ones in effect (the undone ones can no longer be redone).
    pub fn push(&mut self, edit: Edit) {
        self.edits.truncate(self.cursor);
        self.edits.push(edit);
        self.cursor = self.edits.len();
    }

    /// Takes back the last edit in effect; returns it, or `None` when there is none.
    pub fn undo(&mut self) -> Option<&Edit> {
        self.cursor = self.cursor.checked_sub(1)?;
        self.edits.get(self.cursor)
    }

    /// Puts back the last edit undone; returns it, or `None` when there is none.
    pub fn redo(&mut self) -> Option<&Edit> {
        let edit = self.edits.get(self.cursor)?;
        self.cursor += 1;
        Some(edit)
    }

    /// Whether an edit can be undone.
    pub fn can_undo(&self) -> bool {
        self.cursor > 0
    }

    /// Whether an edit can be redone.
    pub fn can_redo(&self) -> bool {
        self.cursor < self.edits.len()
    }

    /// Removes edit `index` of the ones in effect (the Corrections window's ✕).
    pub fn remove(&mut self, index: usize) -> Option<Edit> {
        if index >= self.cursor {
            return None;
        }
        self.cursor -= 1;
        Some(self.edits.remove(index))
    }

    /// Adds `edits` after the ones in effect, as if made one by one.
    pub fn extend(&mut self, edits: impl IntoIterator<Item = Edit>) {
        for edit in edits {
            self.push(edit);
        }
    }

    /// The list as JSON (the file format, and the export format): the edits in effect and
    /// the undone ones, with the cursor between them.
    pub fn to_json(&self, title: &str) -> String {
        let file = CorrectionsFile {
            format: FORMAT.to_owned(),
            version: VERSION,
            title: title.to_owned(),
            cursor: Some(self.cursor),
            edits: self.edits.clone(),
        };
        let mut json = serde_json::to_string_pretty(&file).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Reads a list written by [`Self::to_json`]; the error says why it cannot be read.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let file: CorrectionsFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if file.format != FORMAT {
            return Err(format!(
                "it is not a corrections file (format “{}”)",
                file.format
            ));
        }
        if file.version > VERSION {
            return Err(format!(
                "it was written by a newer Stenogram (version {})",
                file.version
            ));
        }
        let cursor = file
            .cursor
            .unwrap_or(file.edits.len())
            .min(file.edits.len());
        Ok(Self {
            edits: file.edits,
            cursor,
        })
    }
}

/// The file as written.
#[derive(Debug, Serialize, Deserialize)]
struct CorrectionsFile {
    format: String,
    version: u32,
    /// The transcript's title, for people browsing the folder.
    #[serde(default)]
    title: String,
    /// How many edits are in effect (the rest were undone); all when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    cursor: Option<usize>,
    edits: Vec<Edit>,
}

/// The corrections folder: `<data folder>/corrections/<key>.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CorrectionStore {
    dir: PathBuf,
}

/// A list read from the store, and what went wrong on the way, if anything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loaded {
    /// The list (empty when there was no file, or it could not be read).
    pub list: CorrectionList,
    /// A sentence for the user when the file could not be read.
    pub problem: Option<String>,
}

impl CorrectionStore {
    /// Corrections kept under `data_dir`.
    pub fn new(data_dir: &Path) -> Self {
        Self {
            dir: data_dir.join("corrections"),
        }
    }

    /// The file that holds the corrections of the transcript with this key.
    pub fn file(&self, key: &str) -> PathBuf {
        // Keys are hex digits; anything else is cleaned so it cannot leave the folder.
        let clean: String = key.chars().filter(char::is_ascii_alphanumeric).collect();
        self.dir.join(format!("{clean}.json"))
    }

    /// Reads the corrections of `key` (none when there is no file). A file that cannot be
    /// read is renamed aside, and `problem` says so and where it went.
    pub fn load(&self, key: &str) -> Loaded {
        let path = self.file(key);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Loaded::default(),
            Err(e) => {
                return Loaded {
                    list: CorrectionList::default(),
                    problem: Some(format!(
                        "The corrections in {} cannot be read: {e}",
                        path.display()
                    )),
                };
            }
        };
        match CorrectionList::from_json(&text) {
            Ok(list) => Loaded {
                list,
                problem: None,
            },
            Err(why) => Loaded {
                list: CorrectionList::default(),
                problem: Some(set_aside(&path, &why)),
            },
        }
    }

    /// Writes `list` for `key` atomically (removes the file when the list is empty). An
    /// unreadable file in the way is set aside first, never overwritten.
    pub fn save(&self, key: &str, title: &str, list: &CorrectionList) -> Result<(), String> {
        let path = self.file(key);
        let fail = |e: std::io::Error| {
            format!("Corrections could not be saved to {}: {e}", path.display())
        };
        if let Ok(old) = std::fs::read_to_string(&path)
            && CorrectionList::from_json(&old).is_err()
        {
            let moved = set_aside(&path, "it is not a corrections file Stenogram can read");
            if path.exists() {
                return Err(moved);
            }
        }
        if list.is_empty() {
            return match std::fs::remove_file(&path) {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(fail(e)),
                _ => Ok(()),
            };
        }
        std::fs::create_dir_all(&self.dir).map_err(fail)?;
        crate::atomic_file::write_atomic(&path, list.to_json(title).as_bytes()).map_err(fail)
    }
}

/// Renames an unreadable file to "`<key>.unreadable-<time>.json`"; says what happened.
fn set_aside(path: &Path, why: &str) -> String {
    let stem = path
        .file_stem()
        .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
    let aside = path.with_file_name(format!("{stem}.unreadable-{}.json", crate::notes::now()));
    match std::fs::rename(path, &aside) {
        Ok(()) => format!(
            "The corrections file {} could not be read ({why}); it was kept as {} and new \
             corrections go to a new file.",
            path.display(),
            aside.display()
        ),
        Err(e) => format!(
            "The corrections file {} could not be read ({why}) nor set aside ({e}); it is \
             left as it is and corrections are not saved.",
            path.display()
        ),
    }
}
