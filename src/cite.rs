//! Citations: a paragraph, a part of one, or a photo caption, with who said it, at which
//! event, when, where, and the paragraph number, in a plain and a Markdown form.
//!
//! Paragraph numbers ("¶ 12") count every paragraph of running text in document order,
//! from 1: the lead, the narrative paragraphs and each paragraph of each speech. Titles,
//! datelines, headings, attendee lists, photo captions and tags are not counted. The
//! number does not depend on any filter, so a citation can be checked against the full
//! document (the reader shows it when the pointer rests on a paragraph).

use std::collections::HashMap;

use crate::model::{BlockKind, PhotoId, TextRef, Transcript};
use crate::text::clean_spaces;

/// Dates as people read them: shared with the plain-text export, which owns them.
pub use crate::export::date::{MONTHS, format_date};

/// The number of every counted paragraph, built once per document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParagraphNumbers {
    /// Per speech, per paragraph: its number, 0 when the flow never shows it.
    speech: Vec<Vec<u32>>,
    /// Per narrative block (lead or paragraph): its number.
    block: HashMap<usize, u32>,
    /// How many paragraphs are counted.
    total: u32,
}

impl ParagraphNumbers {
    /// Numbers the paragraphs of `t` in document order (one pass over the flow).
    pub fn build(t: &Transcript) -> Self {
        let mut numbers = Self {
            speech: t
                .speeches
                .iter()
                .map(|s| vec![0; s.paragraphs.len()])
                .collect(),
            ..Self::default()
        };
        let mut next: u32 = 0;
        for (b, block) in t.blocks.iter().enumerate() {
            match &block.kind {
                BlockKind::Lead { .. } | BlockKind::Paragraph { .. } => {
                    next = next.saturating_add(1);
                    numbers.block.insert(b, next);
                }
                BlockKind::Speech {
                    speech,
                    first,
                    count,
                } => {
                    let Some(slots) = numbers.speech.get_mut(speech.index()) else {
                        continue;
                    };
                    let end = first.saturating_add(*count).min(slots.len());
                    for slot in slots.get_mut((*first).min(end)..end).unwrap_or_default() {
                        // A paragraph shown twice (a malformed file) keeps its first number.
                        if *slot == 0 {
                            next = next.saturating_add(1);
                            *slot = next;
                        }
                    }
                }
                _ => {}
            }
        }
        numbers.total = next;
        numbers
    }

    /// The number of the paragraph at `at`, if it is counted.
    pub fn of(&self, at: TextRef) -> Option<u32> {
        let n = match at {
            TextRef::Speech { speech, paragraph } => self
                .speech
                .get(speech.index())
                .and_then(|s| s.get(paragraph))
                .copied(),
            TextRef::Block { block } => self.block.get(&block).copied(),
        };
        n.filter(|n| *n > 0)
    }

    /// How many paragraphs are counted.
    pub fn total(&self) -> u32 {
        self.total
    }
}

/// What a citation quotes.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Cited {
    /// A paragraph of a speech, or a narrative paragraph (lead, paragraph).
    Paragraph(TextRef),
    /// A photo caption.
    Photo(PhotoId),
}

/// Everything a citation says; fields the document does not give are `None`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Citation {
    /// The quoted text, spaces tidied.
    pub quote: String,
    /// Who said it: the name, or the role of a role-only speaker.
    pub speaker: Option<String>,
    /// The speaker's role, when they also have a name.
    pub role: Option<String>,
    /// The event title.
    pub title: Option<String>,
    /// The date, as "14 March 2024".
    pub date: Option<String>,
    /// Where the event took place.
    pub place: Option<String>,
    /// "¶ 12" or "Photo 7".
    pub locator: Option<String>,
    /// A photo's credit.
    pub credit: Option<String>,
    /// When it was said, "00:12:04" from the start of the recording, for a timed source.
    pub time: Option<String>,
    /// The source page.
    pub url: Option<String>,
}

/// The citation of `cited`, quoting `part` of it when given (a selection or a trimmed
/// quote; empty means the whole text). `None` when `cited` points at nothing citable.
pub fn cite(
    t: &Transcript,
    numbers: &ParagraphNumbers,
    cited: Cited,
    part: Option<&str>,
) -> Option<Citation> {
    let mut c = Citation {
        title: nonblank(&t.title),
        date: t
            .date
            .as_deref()
            .and_then(nonblank)
            .map(|d| format_date(&d)),
        place: t.place.as_deref().and_then(nonblank),
        url: t.source_url.as_deref().and_then(nonblank),
        ..Citation::default()
    };
    let whole = match cited {
        Cited::Paragraph(at) => {
            c.locator = numbers.of(at).map(|n| format!("¶ {n}"));
            match at {
                TextRef::Speech { speech, paragraph } => {
                    let s = t.speech(speech)?;
                    match t.participant(s.speaker) {
                        Some(p) => match (nonblank_opt(&p.name), nonblank_opt(&p.role)) {
                            (Some(name), role) => {
                                c.speaker = Some(name);
                                c.role = role;
                            }
                            (None, Some(role)) => c.speaker = Some(role),
                            (None, None) => c.speaker = nonblank(&s.label),
                        },
                        None => c.speaker = nonblank(&s.label),
                    }
                    let start = s.times.paragraph(paragraph).and_then(|p| p.start);
                    c.time = start.or(s.times.start).map(crate::model::Time::clock);
                    s.paragraphs.get(paragraph)?.as_str()
                }
                TextRef::Block { block } => match &t.blocks.get(block)?.kind {
                    BlockKind::Lead { text } | BlockKind::Paragraph { text } => text.as_str(),
                    _ => return None,
                },
            }
        }
        Cited::Photo(id) => {
            let photo = t.photo(id)?;
            c.locator = Some(format!("Photo {}", photo.number));
            c.credit = photo.credit.as_deref().and_then(nonblank);
            photo.caption.as_str()
        }
    };
    let part = part.map(clean_spaces).filter(|p| !p.is_empty());
    c.quote = part.unwrap_or_else(|| clean_spaces(whole));
    Some(c)
}

/// Whether `quote` is taken from `text` as written: each piece between ellipses ("…",
/// "[…]", "...") appears in `text`, in order. Spaces are compared tidied.
pub fn quote_fits(text: &str, quote: &str) -> bool {
    let text = clean_spaces(text);
    let quote = clean_spaces(quote);
    let mut rest = text.as_str();
    let mut any = false;
    for piece in split_ellipses(&quote) {
        let piece = piece.trim();
        if piece.is_empty() {
            continue;
        }
        any = true;
        match rest.find(piece) {
            Some(at) => rest = rest.get(at + piece.len()..).unwrap_or_default(),
            None => return false,
        }
    }
    any
}

/// The words of `text` that `selection` covers, widened to whole words at both ends (a
/// mouse selection often starts or stops inside a word), spaces tidied; `None` when the
/// selection is not part of `text`.
pub fn snap_to_words(text: &str, selection: &str) -> Option<String> {
    let selection = selection.trim();
    if selection.is_empty() {
        return None;
    }
    let start = text.find(selection)?;
    let end = start + selection.len();
    let is_word = |c: char| c.is_alphanumeric() || matches!(c, '\'' | '’' | '-');
    let before = text.get(..start)?;
    let after = text.get(end..)?;
    let mut from = start;
    if selection.chars().next().is_some_and(is_word) {
        for (i, c) in before.char_indices().rev() {
            if !is_word(c) {
                break;
            }
            from = i;
        }
    }
    let mut to = end;
    if selection.chars().next_back().is_some_and(is_word) {
        for (i, c) in after.char_indices() {
            if !is_word(c) {
                break;
            }
            to = end + i + c.len_utf8();
        }
    }
    text.get(from..to).map(clean_spaces)
}

/// Splits at "[…]", "[...]", "…" and "...".
fn split_ellipses(quote: &str) -> Vec<&str> {
    let mut pieces = Vec::new();
    let mut rest = quote;
    loop {
        let next = ["[…]", "[...]", "…", "..."]
            .iter()
            .filter_map(|mark| rest.find(mark).map(|at| (at, mark.len())))
            .min();
        match next {
            Some((at, len)) => {
                pieces.push(rest.get(..at).unwrap_or_default());
                rest = rest.get(at + len..).unwrap_or_default();
            }
            None => {
                pieces.push(rest);
                return pieces;
            }
        }
    }
}

impl Citation {
    /// `“quote” — Speaker, role, Title, 14 March 2024, Place, ¶ 12, 00:12:04. https://…`
    /// (the time only for a timed source)
    pub fn plain(&self) -> String {
        let mut facts: Vec<String> = Vec::new();
        facts.extend(self.speaker.clone());
        facts.extend(self.role.clone());
        facts.extend(self.title.clone());
        facts.extend(self.date.clone());
        facts.extend(self.place.clone());
        if let Some(locator) = &self.locator {
            facts.push(match &self.credit {
                Some(credit) => format!("{locator} ({credit})"),
                None => locator.clone(),
            });
        }
        facts.extend(self.time.clone());
        let mut out = format!("“{}”", one_line(&self.quote));
        if !facts.is_empty() {
            out.push_str(" — ");
            out.push_str(&facts.join(", "));
        }
        if !out.ends_with(['.', '!', '?', '…']) {
            out.push('.');
        }
        if let Some(url) = &self.url {
            out.push(' ');
            out.push_str(url);
        }
        out
    }

    /// A Markdown block quote with the attribution on its last line:
    /// `> quote` / `>` / `> — **Speaker**, role · *Title* · 14 March 2024 · Place · ¶ 12 · 00:12:04 · [source](url)`
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        let quote = crate::export::markdown::escape_text(&one_line(&self.quote));
        for line in quote.lines() {
            out.push_str("> ");
            out.push_str(line);
            out.push('\n');
        }
        let mut facts: Vec<String> = Vec::new();
        match (&self.speaker, &self.role) {
            (Some(speaker), Some(role)) => {
                facts.push(format!(
                    "**{}**, {}",
                    emphasis_safe(speaker),
                    plain_safe(role)
                ));
            }
            (Some(speaker), None) => facts.push(format!("**{}**", emphasis_safe(speaker))),
            (None, _) => {}
        }
        if let Some(title) = &self.title {
            facts.push(format!("*{}*", emphasis_safe(title)));
        }
        facts.extend(self.date.as_deref().map(plain_safe));
        facts.extend(self.place.as_deref().map(plain_safe));
        if let Some(locator) = &self.locator {
            facts.push(match &self.credit {
                Some(credit) => format!("{locator} ({})", plain_safe(credit)),
                None => locator.clone(),
            });
        }
        facts.extend(self.time.clone());
        if let Some(url) = &self.url {
            facts.push(format!("[source]({})", link_target(url)));
        }
        if !facts.is_empty() {
            out.push_str(">\n> — ");
            out.push_str(&facts.join(" · "));
            out.push('\n');
        }
        // Pasted into a document, the block stands on its own: no trailing newline.
        let end = out.trim_end().len();
        out.truncate(end);
        out
    }
}

/// `Some(trimmed)` unless blank.
fn nonblank(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_owned())
}

fn nonblank_opt(s: &Option<String>) -> Option<String> {
    s.as_deref().and_then(nonblank)
}

/// A quote on one line: a selection across lines reads as running text.
fn one_line(s: &str) -> String {
    clean_spaces(&s.replace(['\n', '\r'], " "))
}

/// Text that goes inside `*…*` or `**…**`: characters that would end or start emphasis,
/// a link or code are escaped.
fn emphasis_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in plain_safe(s).chars() {
        if matches!(c, '*' | '_') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Inline text with no chance of turning into a link, code or HTML.
fn plain_safe(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(c, '[' | ']' | '`' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    crate::export::markdown::escape_inline(&out)
}

/// A link target; angle brackets keep spaces and parentheses from ending it early.
fn link_target(url: &str) -> String {
    let url = url.trim();
    if url.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", url.replace(['<', '>'], ""))
    } else {
        url.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Participant, ParticipantId, Photo, Speech, SpeechId};

    fn person(id: u32, name: Option<&str>, role: Option<&str>) -> Participant {
        Participant {
            id: ParticipantId(id),
            name: name.map(str::to_owned),
            role: role.map(str::to_owned),
            aliases: vec![],
            generic: false,
            appearances: Default::default(),
        }
    }

    fn block(kind: BlockKind) -> Block {
        Block { line: 0, kind }
    }

    /// A lead, a speech of two runs around a photo, a question by a role-only speaker.
    fn sample() -> Transcript {
        Transcript {
            title: "Talks on the river treaty".into(),
            date: Some("2024-03-14".into()),
            place: Some("Varengrad".into()),
            language: "en".into(),
            source_url: Some("https://example.org/events/9".into()),
            participants: vec![
                person(0, Some("Mira Holt"), Some("Minister of Transport")),
                person(1, None, Some("Journalist")),
            ],
            speeches: vec![
                Speech {
                    times: crate::model::Timing::default(),
                    id: SpeechId(0),
                    speaker: ParticipantId(0),
                    label: "Mira Holt".into(),
                    paragraphs: vec![
                        "Good afternoon.".into(),
                        "The locks  reopen in May, and the  ferries in June.".into(),
                        "Thank you".into(),
                    ],
                },
                Speech {
                    times: crate::model::Timing::default(),
                    id: SpeechId(1),
                    speaker: ParticipantId(1),
                    label: "Question".into(),
                    paragraphs: vec!["When will the bridge open?".into()],
                },
            ],
            photos: vec![Photo {
                id: PhotoId(0),
                number: 7,
                of: None,
                caption: "The minister at the lock.".into(),
                credit: Some("Lena Markova, Orlavia Press".into()),
                participants: vec![ParticipantId(0)],
                image: None,
            }],
            blocks: vec![
                block(BlockKind::Title {
                    text: "Talks on the river treaty".into(),
                }),
                block(BlockKind::Lead {
                    text: "The minister met the press.".into(),
                }),
                block(BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 0,
                    count: 2,
                }),
                block(BlockKind::Photo { photo: PhotoId(0) }),
                block(BlockKind::Speech {
                    speech: SpeechId(0),
                    first: 2,
                    count: 1,
                }),
                block(BlockKind::Speech {
                    speech: SpeechId(1),
                    first: 0,
                    count: 1,
                }),
            ],
            ..Transcript::default()
        }
    }

    fn at(speech: u32, paragraph: usize) -> Cited {
        Cited::Paragraph(TextRef::Speech {
            speech: SpeechId(speech),
            paragraph,
        })
    }

    #[test]
    fn paragraphs_are_numbered_in_document_order_across_runs() {
        let t = sample();
        let n = ParagraphNumbers::build(&t);
        assert_eq!(n.of(TextRef::Block { block: 1 }), Some(1));
        let of = |s, p| {
            n.of(TextRef::Speech {
                speech: SpeechId(s),
                paragraph: p,
            })
        };
        assert_eq!(
            (of(0, 0), of(0, 1), of(0, 2), of(1, 0)),
            (Some(2), Some(3), Some(4), Some(5))
        );
        assert_eq!(of(0, 9), None);
        assert_eq!(
            n.of(TextRef::Block { block: 0 }),
            None,
            "titles are not counted"
        );
        assert_eq!(n.total(), 5);
    }

    #[test]
    fn a_full_citation_in_both_forms() {
        let t = sample();
        let n = ParagraphNumbers::build(&t);
        let c = cite(&t, &n, at(0, 1), None).unwrap_or_default();
        assert_eq!(
            c.plain(),
            "“The locks reopen in May, and the ferries in June.” — Mira Holt, Minister of \
             Transport, Talks on the river treaty, 14 March 2024, Varengrad, ¶ 3. \
             https://example.org/events/9"
        );
        assert_eq!(
            c.markdown(),
            "> The locks reopen in May, and the ferries in June.\n>\n> — **Mira Holt**, \
             Minister of Transport · *Talks on the river treaty* · 14 March 2024 · Varengrad \
             · ¶ 3 · [source](https://example.org/events/9)"
        );
    }

    #[test]
    fn missing_fields_are_left_out_and_a_role_only_speaker_cites_the_role() {
        let mut t = sample();
        t.date = None;
        t.place = Some("  ".into());
        t.source_url = None;
        let n = ParagraphNumbers::build(&t);
        let c = cite(&t, &n, at(1, 0), None).unwrap_or_default();
        assert_eq!(
            c.plain(),
            "“When will the bridge open?” — Journalist, Talks on the river treaty, ¶ 5."
        );
        assert_eq!(
            c.markdown(),
            "> When will the bridge open?\n>\n> — **Journalist** · *Talks on the river treaty* · ¶ 5"
        );
        t.title = String::new();
        let c = cite(&t, &ParagraphNumbers::default(), at(0, 2), None).unwrap_or_default();
        assert_eq!(c.plain(), "“Thank you” — Mira Holt, Minister of Transport.");
    }

    #[test]
    fn a_part_of_a_paragraph_and_a_narrative_paragraph() {
        let t = sample();
        let n = ParagraphNumbers::build(&t);
        let c = cite(&t, &n, at(0, 1), Some(" the ferries\nin June ")).unwrap_or_default();
        assert!(
            c.plain().starts_with("“the ferries in June” — Mira Holt"),
            "{}",
            c.plain()
        );
        let lead = Cited::Paragraph(TextRef::Block { block: 1 });
        let c = cite(&t, &n, lead, None).unwrap_or_default();
        assert_eq!(
            c.plain(),
            "“The minister met the press.” — Talks on the river treaty, 14 March 2024, \
             Varengrad, ¶ 1. https://example.org/events/9"
        );
        // A title is not a citable paragraph; dangling ids cite nothing.
        assert_eq!(
            cite(&t, &n, Cited::Paragraph(TextRef::Block { block: 0 }), None),
            None
        );
        assert_eq!(cite(&t, &n, at(5, 0), None), None);
        assert_eq!(cite(&t, &n, Cited::Photo(PhotoId(3)), None), None);
    }

    #[test]
    fn a_photo_caption_cites_its_number_and_credit() {
        let t = sample();
        let c = cite(
            &t,
            &ParagraphNumbers::build(&t),
            Cited::Photo(PhotoId(0)),
            None,
        )
        .unwrap_or_default();
        assert_eq!(
            c.plain(),
            "“The minister at the lock.” — Talks on the river treaty, 14 March 2024, \
             Varengrad, Photo 7 (Lena Markova, Orlavia Press). https://example.org/events/9"
        );
        assert!(c.markdown().ends_with(
            "Photo 7 (Lena Markova, Orlavia Press) · [source](https://example.org/events/9)"
        ));
    }

    #[test]
    fn markdown_escapes_what_would_change_its_meaning() {
        let mut t = sample();
        t.title = "The *real* [draft]".into();
        t.source_url = Some("https://example.org/a b".into());
        if let Some(s) = t.speeches.get_mut(0) {
            s.paragraphs = vec!["# 1. <b>bold</b> claim".into()];
        }
        let t2 = Transcript {
            blocks: vec![block(BlockKind::Speech {
                speech: SpeechId(0),
                first: 0,
                count: 1,
            })],
            ..t
        };
        let md = cite(&t2, &ParagraphNumbers::build(&t2), at(0, 0), None)
            .unwrap_or_default()
            .markdown();
        assert!(md.starts_with("> \\# 1. \\<b>bold\\</b> claim\n"), "{md}");
        assert!(md.contains("*The \\*real\\* \\[draft\\]*"), "{md}");
        assert!(md.ends_with("[source](<https://example.org/a b>)"), "{md}");
    }

    #[test]
    fn quotes_must_come_from_the_text() {
        let text = "The locks reopen in May, and the ferries in June.";
        assert!(quote_fits(text, "reopen in May"));
        assert!(quote_fits(text, "The locks … in June."));
        assert!(quote_fits(text, "The  locks [...] ferries"));
        assert!(
            !quote_fits(text, "ferries … locks"),
            "pieces keep their order"
        );
        assert!(!quote_fits(text, "reopen in April"));
        assert!(!quote_fits(text, " … "));
    }

    #[test]
    fn a_selection_widens_to_whole_words() {
        let text = "Thank you for the warm welcome, and for l’accueil.";
        assert_eq!(
            snap_to_words(text, "k you for the warm welc").as_deref(),
            Some("Thank you for the warm welcome")
        );
        assert_eq!(snap_to_words(text, " warm ").as_deref(), Some("warm"));
        assert_eq!(
            snap_to_words(text, "welcome, and for l").as_deref(),
            Some("welcome, and for l’accueil")
        );
        assert_eq!(
            snap_to_words(text, "ccueil.").as_deref(),
            Some("l’accueil.")
        );
        assert_eq!(snap_to_words(text, "cold"), None);
        assert_eq!(snap_to_words(text, "  "), None);
    }

    #[test]
    fn dates_read_naturally() {
        assert_eq!(format_date("2024-03-14"), "14 March 2024");
        assert_eq!(format_date("2024-13-01"), "2024-13-01");
        assert_eq!(format_date("spring"), "spring");
    }

    #[test]
    fn a_timed_paragraph_is_cited_with_its_time() {
        let vtt =
            "WEBVTT\n\n00:12:04.000 --> 00:12:06.000\n<v Ana Petrova>The bridge opens in June.\n";
        let t = crate::load_bytes("council.vtt", vtt.as_bytes()).unwrap_or_default();
        let n = ParagraphNumbers::build(&t);
        let c = cite(&t, &n, at(0, 0), None).unwrap_or_default();
        assert_eq!(c.time.as_deref(), Some("00:12:04"));
        assert_eq!(
            c.plain(),
            "“The bridge opens in June.” — Ana Petrova, council, ¶ 1, 00:12:04."
        );
        assert!(
            c.markdown().ends_with("· ¶ 1 · 00:12:04"),
            "{}",
            c.markdown()
        );
    }
}
