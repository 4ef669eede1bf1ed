//! Word lists the parser's rules read, kept apart from the rules as data.

pub(crate) mod labels;
pub(crate) mod particles;
pub(crate) mod procedure;
