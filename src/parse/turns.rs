//! Speaker-turn labels: "Role Name : text", "Name: text", "В.Путин: text", "Question:",
//! "MR. SMITH:", a bare "Q", "Jane Doe (Some Constituency) (Party):" … and the lines that
//! only look like one ("Let me repeat:").

/// What a line says about a speaker turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TurnVerdict {
    /// The line opens a turn.
    Turn(Turn),
    /// The line has a colon where a label would end, but is not a label; the reason says why.
    Rejected(String),
    /// Nothing label-like.
    None,
}

/// A speaker label and the text that follows it on the same line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// The label as written, without the colon ("Président de la Russie Vladimir Poutine").
    pub label: String,
    /// A role-only label ("Question", "Remark", "Journaliste (question retraduite)").
    pub generic: bool,
    /// The text after the label (may be empty: the speech starts on the next line).
    pub rest: String,
}

/// What the caller knows when it asks.
#[derive(Clone, Debug, Default)]
pub struct TurnContext<'a> {
    /// Labels already accepted in this document (folded with [`crate::text::fold`]).
    pub known_labels: &'a [String],
    /// Whether the line stands inside a speech (a label must then be stronger).
    pub in_speech: bool,
}

/// Decides whether `line` (already space-cleaned) opens a speaker turn.
pub fn detect_turn(line: &str, ctx: &TurnContext) -> TurnVerdict {
    let _ = (line, ctx);
    TurnVerdict::None
}
