//! Lines that stand on their own even inside a run of wrapped lines: a heading in
//! capitals, a numbered photo caption or a bare photo counter, a list item, a stage
//! direction, an ornament, a dateline. Nothing is joined to them, and they are joined to
//! nothing.

use super::{is_all_caps, starts_caption};
use crate::parse::dateline::parse_dateline;
use crate::parse::normalize::words::{
    CAPTION_SERIES_JOINS, CONTINUATION_OPENERS, STAGE_DIRECTION_OPENERS,
};

/// The bullets that open a list item, with the space after them.
const BULLETS: [&str; 6] = ["- ", "• ", "* ", "– ", "— ", "· "];

/// Longest list number read ("12." in "12. Roads"), in digits.
const MAX_LIST_DIGITS: usize = 3;

/// Whether `text` stands on its own line (see the module doc).
pub(super) fn stands_apart(text: &str) -> bool {
    is_all_caps(text)
        || starts_caption(text)
        || is_photo_counter(text)
        || is_list_item(text)
        || is_stage_direction(text)
        || starts_with_mark(text)
        || parse_dateline(text).is_some()
}

/// A photo counter alone on its line: "3 of 9", "3/9", "3 из 9".
pub(super) fn is_photo_counter(text: &str) -> bool {
    let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
    let first = digits(text);
    if !(1..=MAX_LIST_DIGITS).contains(&first) {
        return false;
    }
    let rest = text.get(first..).unwrap_or("");
    CAPTION_SERIES_JOINS.iter().any(|join| {
        rest.strip_prefix(join)
            .is_some_and(|total| !total.is_empty() && digits(total) == total.len())
    })
}

/// A list item: "- roads", "• rivers", "1. Roads", "2) Rivers", "b) Schools".
pub(super) fn is_list_item(text: &str) -> bool {
    if let Some(rest) = BULLETS.iter().find_map(|b| text.strip_prefix(b)) {
        // "* * *" is an ornament: an item says something.
        return rest.chars().next().is_some_and(char::is_alphanumeric);
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let marker = match digits {
        0 => text
            .chars()
            .next()
            .filter(char::is_ascii_lowercase)
            .map_or(0, char::len_utf8),
        1..=MAX_LIST_DIGITS => digits,
        _ => 0,
    };
    if marker == 0 {
        return false;
    }
    let rest = text.get(marker..).unwrap_or("");
    // A letter is an item only before ")": "a. " is too often a word's abbreviation.
    rest.starts_with(") ") || (digits > 0 && rest.starts_with(". "))
}

/// A stage direction on its own line: "(Laughter.)", "[Pause]".
pub(super) fn is_stage_direction(text: &str) -> bool {
    text.starts_with(STAGE_DIRECTION_OPENERS) && text.ends_with([')', ']'])
}

/// The line opens with a mark that no wrapped line opens with: "- item", "• item",
/// "* * *", "<…>".
fn starts_with_mark(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| !(c.is_alphanumeric() || CONTINUATION_OPENERS.contains(&c)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_that_stand_apart() {
        for text in [
            "THE NEXT MEETING",
            "3 The harbour at dawn. Photo: Ada Brandt",
            "3 of 9",
            "3/9",
            "1. The roads",
            "12) The rivers",
            "b) The schools",
            "- the logbook",
            "• the captain",
            "* * *",
            "(Applause.)",
            "[Pause]",
            "April 2, 2031",
        ] {
            assert!(stands_apart(text), "{text:?}");
        }
        for text in [
            "The harbour at dawn",
            "3 of them came",
            "2031 was a good year.",
            "a. b. c.",
            "(and then) we left",
            "“Quoted,” he said.",
            "1234. Long ago",
        ] {
            assert!(!stands_apart(text), "{text:?}");
        }
    }
}
