//! What panels ask the app to do. Panels never call each other or change the shared state:
//! they push commands while drawing, and the shell applies them once at the end of the frame.

use std::path::PathBuf;

use super::selection::Item;
use super::settings::ThemeChoice;

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
}
