//! The panels that are always on screen: the header with the menu bar on top, the
//! participant sidebar on the left, the speech reader in the middle and the photo timeline
//! on the right, with a time axis over it for a timed document. Each draws from a [`crate::app::PanelContext`] and pushes commands.

pub mod header;
pub mod participant_sidebar;
pub mod photo_timeline;
pub mod speech_reader;
pub mod time_axis;
