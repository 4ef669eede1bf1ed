//! What persists between runs besides egui's own memory (panel sizes): the theme, the
//! reading text size and width, and the recent files.

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

/// The reader's text size in points: default, smallest, largest, and one step.
pub const TEXT_SIZE_DEFAULT: f32 = 15.0;
const TEXT_SIZE_MIN: f32 = 10.0;
const TEXT_SIZE_MAX: f32 = 32.0;
const TEXT_SIZE_STEP: f32 = 1.0;

/// How wide the reading column may grow.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReadingWidth {
    /// About 60 characters a line.
    Narrow,
    /// About 72 characters a line: what book typography recommends.
    #[default]
    Medium,
    /// About 96 characters a line.
    Wide,
    /// The whole panel.
    Full,
}

impl ReadingWidth {
    /// Every choice, in menu order, with its label.
    pub const ALL: [(ReadingWidth, &'static str); 4] = [
        (ReadingWidth::Narrow, "Narrow"),
        (ReadingWidth::Medium, "Medium"),
        (ReadingWidth::Wide, "Wide"),
        (ReadingWidth::Full, "Full width"),
    ];

    /// Characters per line, `None` for the whole panel.
    pub fn chars(self) -> Option<f32> {
        match self {
            ReadingWidth::Narrow => Some(60.0),
            ReadingWidth::Medium => Some(72.0),
            ReadingWidth::Wide => Some(96.0),
            ReadingWidth::Full => None,
        }
    }
}

/// Persisted settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The colour theme.
    pub theme: ThemeChoice,
    /// The reader's text size, in points.
    pub text_size: f32,
    /// The reading column's width.
    pub reading_width: ReadingWidth,
    /// Recently opened files, most recent first.
    pub recent: Vec<PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::default(),
            text_size: TEXT_SIZE_DEFAULT,
            reading_width: ReadingWidth::default(),
            recent: Vec::new(),
        }
    }
}

impl Settings {
    /// The text size, kept in range even if the settings file says otherwise.
    pub fn text_size(&self) -> f32 {
        if self.text_size.is_finite() {
            self.text_size.clamp(TEXT_SIZE_MIN, TEXT_SIZE_MAX)
        } else {
            TEXT_SIZE_DEFAULT
        }
    }

    /// Makes the reader's text one step larger (`steps` > 0) or smaller, within range.
    pub fn step_text_size(&mut self, steps: i32) {
        let next = self.text_size() + TEXT_SIZE_STEP * steps as f32;
        self.text_size = next.clamp(TEXT_SIZE_MIN, TEXT_SIZE_MAX);
    }

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

    #[test]
    fn text_size_steps_stay_in_range_and_survive_a_bad_settings_file() {
        let mut s = Settings::default();
        s.step_text_size(2);
        assert_eq!(s.text_size(), TEXT_SIZE_DEFAULT + 2.0);
        s.step_text_size(-100);
        assert_eq!(s.text_size(), TEXT_SIZE_MIN);
        s.text_size = f32::NAN;
        assert_eq!(s.text_size(), TEXT_SIZE_DEFAULT);
        let old: Settings = serde_json::from_str(r#"{"theme":"Dark"}"#).unwrap_or_default();
        assert_eq!(old.theme, ThemeChoice::Dark);
        assert_eq!(old.text_size(), TEXT_SIZE_DEFAULT);
        assert_eq!(old.reading_width, ReadingWidth::Medium);
    }
}
