//! Typed ids. Each is the position of the item in its list in [`crate::model::Transcript`],
//! assigned once by the parser (in order of first appearance) and never reused.

use serde::{Deserialize, Serialize};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The position in the transcript's list.
            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl From<usize> for $name {
            fn from(index: usize) -> Self {
                Self(u32::try_from(index).unwrap_or(u32::MAX))
            }
        }
    };
}

typed_id!(
    /// A person (or a generic speaker such as "Question") in `Transcript::participants`.
    ParticipantId
);
typed_id!(
    /// A speech in `Transcript::speeches`.
    SpeechId
);
typed_id!(
    /// A photo in `Transcript::photos` (its position, not its printed number).
    PhotoId
);
