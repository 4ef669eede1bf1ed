//! The windows opened from the menus or a right-click: statistics, questions, notes,
//! citations, export, the shortcut list and "How this was read". Each keeps its own open
//! state and draws only while open.

pub mod citations;
pub mod export_dialog;
pub mod notes_window;
pub mod questions_window;
pub mod reading_panel;
pub mod shortcuts;
pub mod stats_window;
