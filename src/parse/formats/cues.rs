//! Timed cues (of WebVTT, SRT or speech recognition) → speaker turns.
//!
//! A cue's speaker is its voice tag (`<v Ana Petrova>`) or a label at the start of a line
//! ("Ana Petrova: …", "- ANA: …"); a line without one goes on with the speaker before it.
//! Consecutive cues of one speaker are one turn; a pause of [`PARAGRAPH_PAUSE`] or more
//! between two of them starts a new paragraph, and a cue that is only a sound ("[Music]",
//! "(Laughter)") is a paragraph of its own. Speech-recognition labels ("SPEAKER_00") become
//! participants named "Speaker 1" and so on, which read as placeholders to rename.

use super::builder::{Builder, collapse};
use crate::model::{ParticipantId, Span, Time, Transcript};

/// A pause between two cues of one speaker at least this long starts a new paragraph.
pub const PARAGRAPH_PAUSE: Time = Time(2000);

/// Longest speaker label at the start of a line, in characters.
const MAX_LABEL_CHARS: usize = 40;

/// Most words in a speaker label at the start of a line.
const MAX_LABEL_WORDS: usize = 4;

/// Lowercase words a name may hold ("Jean de la Fontaine", "Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &[
    "de", "da", "di", "du", "la", "le", "van", "von", "der", "den", "del", "bin", "al", "y",
];

/// One cue: when it shows and what it says (lines joined with `\n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// When it starts.
    pub start: Time,
    /// When it ends.
    pub end: Time,
    /// Its text, tags still in.
    pub text: String,
    /// The speaker the source names apart from the text (a speech-recognition segment's
    /// `speaker`), if any.
    pub speaker: Option<String>,
    /// Whether the text is plain words, without markup or speaker labels to look for
    /// (speech recognition writes none, and "Well: …" must not become a speaker).
    pub plain: bool,
}

/// The transcript of `cues` in order, titled `title`.
pub(crate) fn transcript(cues: &[Cue], title: &str, language: &str) -> Transcript {
    let mut b = Builder::new(title, language);
    let mut after_sound = false;
    for cue in cues {
        let span = Span::new(cue.start, cue.end);
        for (label, text) in pieces(cue) {
            let who = match &label {
                Some(label) => Some(speaker(&mut b, label)),
                None => b.speaker(),
            };
            let who = who.unwrap_or_else(|| {
                let id = b.person("", Some("Speaker"), None);
                b.set_generic(id);
                id
            });
            let sound = is_sound(&text);
            if b.speaker() != Some(who) {
                b.speech(who, label.as_deref().unwrap_or("Speaker"));
                b.paragraph(&text, span);
            } else {
                let paused = b
                    .last_end()
                    .is_some_and(|end| cue.start.0.saturating_sub(end.0) >= PARAGRAPH_PAUSE.0);
                if paused || sound || after_sound {
                    b.paragraph(&text, span);
                } else {
                    b.continue_paragraph(&text, span);
                }
            }
            after_sound = sound;
        }
    }
    b.finish()
}

/// The participant a label names, added the first time; a speech-recognition placeholder
/// ("SPEAKER_00") becomes "Speaker 1", with the placeholder kept as an alias.
fn speaker(b: &mut Builder, label: &str) -> ParticipantId {
    let label = collapse(label);
    match placeholder_number(&label) {
        Some(n) => {
            // "SPEAKER_1" and "SPEAKER_01" are one speaker.
            let id = b.person(
                &format!("SPEAKER_{n}"),
                Some(&format!("Speaker {}", n + 1)),
                None,
            );
            b.alias(id, &label);
            id
        }
        None => b.person(&label, Some(&label), None),
    }
}

/// The number of a speech-recognition speaker placeholder: "SPEAKER_00", "SPEAKER_1",
/// "spk_2".
fn placeholder_number(label: &str) -> Option<u32> {
    let lower = label.to_ascii_lowercase();
    let digits = lower
        .strip_prefix("speaker_")
        .or_else(|| lower.strip_prefix("spk_"))?;
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// A cue's text cut where a new speaker begins, each piece with the speaker it names
/// (`None`: whoever spoke before), tags and entities resolved.
fn pieces(cue: &Cue) -> Vec<(Option<String>, String)> {
    let mut out: Vec<(Option<String>, String)> = Vec::new();
    let mut first = true;
    if cue.plain {
        let voice = cue.speaker.clone().filter(|s| !s.trim().is_empty());
        return vec![(voice, collapse(&cue.text))];
    }
    for line in cue.text.lines() {
        let (mut voice, rest) = voice_tag(line);
        if first && voice.is_none() {
            voice = cue.speaker.clone().filter(|s| !s.trim().is_empty());
        }
        first = false;
        let clean = plain_text(rest);
        let mut clean = clean.trim();
        let dashed = clean.starts_with("- ") || clean.starts_with("– ");
        if dashed {
            clean = clean.trim_start_matches(['-', '–']).trim_start();
        }
        if voice.is_none()
            && let Some((label, said)) = leading_label(clean)
        {
            voice = Some(label.to_owned());
            clean = said;
        }
        if clean.is_empty() && voice.is_none() {
            continue;
        }
        match out.last_mut() {
            Some((_, text)) if voice.is_none() && !dashed => {
                if !text.is_empty() {
                    text.push(' ');
                }
                text.push_str(clean);
            }
            _ => out.push((voice, clean.to_owned())),
        }
    }
    out.retain(|(_, text)| !text.is_empty());
    out
}

/// The name in a WebVTT voice tag at the start of `line` (`<v Ana>`, `<v.loud Ana>`), and
/// the rest of the line.
fn voice_tag(line: &str) -> (Option<String>, &str) {
    let trimmed = line.trim_start();
    let Some(after) = trimmed.strip_prefix("<v") else {
        return (None, line);
    };
    if !after.starts_with([' ', '.', '\t']) {
        return (None, line);
    }
    let Some(close) = after.find('>') else {
        return (None, line);
    };
    let inside = after.get(..close).unwrap_or_default();
    // Classes come first, joined by dots, then a space and the name.
    let name = inside
        .trim_start_matches(|c: char| c != ' ' && c != '\t')
        .trim();
    let rest = after.get(close + 1..).unwrap_or_default();
    let name = decode_entities(name);
    if name.is_empty() {
        (None, rest)
    } else {
        (Some(name), rest)
    }
}

/// "Name: what was said" at the start of a line: the label and the rest, when the part
/// before the colon reads as a name (capitalised words, no digits, short).
fn leading_label(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let label = line.get(..colon)?.trim();
    let said = line.get(colon + 1..)?.trim_start();
    if label.is_empty() || label.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.len() > MAX_LABEL_WORDS {
        return None;
    }
    let name_like = label
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | '.' | '_'));
    let capitalised = words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase) || NAME_PARTICLES.contains(w));
    let starts_upper = label.chars().next().is_some_and(char::is_uppercase);
    (name_like && capitalised && starts_upper).then_some((label, said))
}

/// Whether a piece is only a sound or a note: "[Music]", "(Laughter)", "♪".
fn is_sound(text: &str) -> bool {
    let t = text.trim();
    (t.starts_with('[')
        && t.ends_with(']')
        && !t.get(1..t.len() - 1).unwrap_or("").contains(['[', ']']))
        || (t.starts_with('(')
            && t.ends_with(')')
            && !t.get(1..t.len() - 1).unwrap_or("").contains(['(', ')']))
        || t.chars().all(|c| matches!(c, '♪' | '♫' | ' '))
}

/// Cue text without its markup: tags (`<i>`, `<c.red>`, `<00:00:01.000>`, `<font …>`),
/// SubStation overrides (`{\an8}`) and entities (`&amp;`, `&nbsp;`).
pub(crate) fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['<', '{']) {
        out.push_str(rest.get(..open).unwrap_or_default());
        let after = rest.get(open..).unwrap_or_default();
        let close = if after.starts_with('<') { '>' } else { '}' };
        let is_markup = after.starts_with('<') || after.starts_with("{\\");
        match after.find(close) {
            Some(end) if is_markup => rest = after.get(end + 1..).unwrap_or_default(),
            _ => {
                out.push_str(after.get(..1).unwrap_or_default());
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    decode_entities(&out)
}

/// Resolves the character references subtitles use; an unknown one stays as written.
fn decode_entities(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(rest.get(..at).unwrap_or_default());
        let after = rest.get(at..).unwrap_or_default();
        let end = after.find(';').filter(|&e| e <= 10);
        let name = end.and_then(|e| after.get(1..e)).unwrap_or("");
        let decoded = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            "lrm" => Some('\u{200e}'),
            "rlm" => Some('\u{200f}'),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = after.get(e + 1..).unwrap_or_default();
            }
            _ => {
                out.push('&');
                rest = after.get(1..).unwrap_or_default();
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
