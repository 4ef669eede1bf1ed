//! What persists between runs besides egui's own memory (panel sizes): the theme and the
//! recent files.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// How many recent files File ▸ Open recent keeps.
pub const RECENT_LIMIT: usize = 10;

/// The colour theme.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order, with its label.
    pub const ALL: [(ThemeChoice, &'static str); 3] = [
        (ThemeChoice::System, "Follow system"),
        (ThemeChoice::Light, "Light"),
        (ThemeChoice::Dark, "Dark"),
    ];

    /// egui's name for it.
    pub fn preference(self) -> egui::ThemePreference {
        match self {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// Persisted settings.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The colour theme.
    pub theme: ThemeChoice,
    /// Recently opened files, most recent first.
    pub recent: Vec<PathBuf>,
}

impl Settings {
    /// Puts `path` first in the recent files, without duplicates.
    pub fn remember(&mut self, path: &Path) {
        self.recent.retain(|p| p != path);
        self.recent.insert(0, path.to_path_buf());
        self.recent.truncate(RECENT_LIMIT);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_are_most_recent_first_without_duplicates() {
        let mut s = Settings::default();
        for name in ["a", "b", "a"] {
            s.remember(Path::new(name));
        }
        assert_eq!(s.recent, vec![PathBuf::from("a"), PathBuf::from("b")]);
        for i in 0..20 {
            s.remember(Path::new(&format!("f{i}")));
        }
        assert_eq!(s.recent.len(), RECENT_LIMIT);
    }
}
