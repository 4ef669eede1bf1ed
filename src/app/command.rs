//! What panels ask the app to do. Panels never call each other or change the shared state:
//! they push commands while drawing, and the shell applies them once at the end of the frame.

use std::path::PathBuf;

use crate::app::selection::Item;
use crate::app::settings::{ReadingWidth, ThemeChoice};

/// A request from a panel or a shortcut.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Select this item alone (click).
    Select(Item),
    /// Add or remove this item (Ctrl-click, Cmd-click on macOS).
    ToggleSelect(Item),
    /// The pointer is over this item.
    Hover(Item),
    /// Clear the selection and the filter ("All", Escape).
    ClearSelection,
    /// Drop the people filter, keep the rest ("Show all").
    ClearFilter,
    /// Previous selection.
    Back,
    /// Next selection.
    Forward,
    /// Ask for a file with the system dialog.
    OpenDialog,
    /// Open this file.
    Open(PathBuf),
    /// Open one sitting of a TEI corpus file (a library entry of a corpus).
    OpenSitting {
        /// The corpus file.
        path: PathBuf,
        /// The sitting, from 1.
        part: usize,
    },
    /// Open this file (unless it is the one shown), then go to a place in it (a library
    /// search hit, a person's speech).
    OpenAt {
        /// The file.
        path: PathBuf,
        /// The sitting of a corpus file, from 1 (0: the whole file).
        part: usize,
        /// Where to go once it is shown.
        jump: Jump,
    },
    /// Open the bundled sample again.
    OpenSample,
    /// Hide the error banner.
    DismissError,
    /// Change the colour theme.
    SetTheme(ThemeChoice),
    /// Forget the recent files.
    ClearRecent,
    /// Select this photo and show it large in the photo viewer.
    OpenPhotoViewer(crate::model::PhotoId),
    /// Close the photo viewer.
    ClosePhotoViewer,
    /// Use the images in this folder as the open transcript's photos (remembered for it).
    AttachPhotoFolder(PathBuf),
    /// Go to the next speech the reader shows (j).
    NextSpeech,
    /// Go to the previous speech (k).
    PreviousSpeech,
    /// Select the next photo of the timeline (→).
    NextPhoto,
    /// Select the previous photo (←).
    PreviousPhoto,
    /// Reading text size: this many steps larger (negative: smaller); 0 resets it.
    TextSize(i32),
    /// How wide the reading column may grow.
    SetReadingWidth(ReadingWidth),
    /// Ask for a folder with the system dialog and open it as the library.
    OpenFolderDialog,
    /// Open this folder as the library: every transcript in it, read in the background.
    OpenFolder(PathBuf),
    /// Close the library panel.
    CloseLibrary,
    /// Show or hide the keyboard shortcuts window.
    ToggleShortcuts,
    /// Show or hide the "How this was read" panel.
    ToggleReadingPanel,
    /// Open the search bar and put the keyboard in it (Ctrl+F, Edit ▸ Find…).
    OpenSearch,
    /// Close the search bar; its marks go with it.
    CloseSearch,
    /// Search for this text.
    SetSearchQuery(String),
    /// Go to the next search hit (Enter), or the previous one (Shift+Enter).
    StepSearch {
        /// Next rather than previous.
        forward: bool,
    },
    /// Go to this search hit (index into the search results).
    GoToHit(usize),
    /// Show or hide the list of search hits.
    ToggleSearchList,
    /// Show the Statistics window (View ▸ Statistics).
    ShowStatistics,
    /// Show the Questions window (View ▸ Questions).
    ShowQuestions,
    /// Fold moderator turns in the reader, or show them again.
    SetFoldModerators(bool),
    /// Show a folded moderator turn, or fold it again.
    ToggleFold(crate::model::SpeechId),
    /// Copy the citation of a paragraph or photo to the clipboard, quoting `quote` (a
    /// part of it) when given; plain text or Markdown.
    CopyCitation {
        /// The paragraph or photo.
        item: Item,
        /// The words quoted, when not the whole text.
        quote: Option<String>,
        /// Markdown rather than plain text.
        markdown: bool,
    },
    /// Open the "Cite part" window on this paragraph.
    CitePart(Item),
    /// Open the note editor on this paragraph or photo.
    AddNote(Item),
    /// Show or hide the notes list (View ▸ Notes).
    ToggleNotes,
    /// Open the "Export view" window (File ▸ Export view…).
    OpenExport,
    /// Ask for a second version of the open document with the system dialog (File ▸
    /// Open parallel version…).
    OpenParallelDialog,
    /// Read this file beside the open document, aligned turn by turn.
    OpenParallel(PathBuf),
    /// Read the open document alone again.
    CloseParallel,
    /// Correct what the parser got wrong (see [`crate::app::corrections`]).
    Correct(crate::app::corrections::Request),
    /// Open the Rename dialog on this person.
    BeginRename(crate::model::ParticipantId),
    /// Ask who, new to the transcript, gave this speech (Speaker is ▸ A new person…).
    BeginNewSpeaker(crate::model::SpeechId),
    /// Take back the last correction (Ctrl+Z).
    UndoCorrection,
    /// Put back the last correction taken back (Ctrl+Shift+Z).
    RedoCorrection,
    /// Remove this correction (index among those in effect).
    RemoveCorrection(usize),
    /// Show or hide the Corrections window (View ▸ Corrections).
    ToggleCorrections,
    /// Write the corrections to a file (File ▸ Export corrections…).
    ExportCorrections,
    /// Add the corrections of a file (File ▸ Import corrections…).
    ImportCorrections,
}

/// Where to go in a file opened from the library, once it is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Jump {
    /// Open the search bar on `query` and make a hit the current one: the hit at `at`
    /// (its place and start byte) when the file still has it, else the `index`-th hit.
    Hit {
        /// The query, as typed in the library.
        query: String,
        /// Where the hit is and where it starts in that place's text.
        at: Option<(crate::search::Place, usize)>,
        /// Its position among the file's hits.
        index: usize,
    },
    /// Choose this participant (the reader shows their speeches) and go to this speech.
    Speech {
        /// The person in that file.
        participant: crate::model::ParticipantId,
        /// The speech.
        speech: crate::model::SpeechId,
    },
}
