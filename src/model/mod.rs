//! The transcript model: what the parser finds and what every panel reads.
//!
//! Everything here is plain data (serde, no egui). Ids are typed and stable for the
//! life of a document, so panels can exchange them instead of indexes into temporary lists.

mod block;
mod edit;
mod ids;
mod participant;
mod time;
mod transcript;

pub use block::{Attendee, Block, BlockKind};
pub use ids::{ParticipantId, PhotoId, SpeechId};
pub use participant::{Appearances, Mention, Participant, TextRef};
pub use time::{Span, Time, Timing};
pub use transcript::{Photo, Speech, TagSection, Transcript};
