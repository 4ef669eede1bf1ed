//! Photo galleries as official sites print them when copied: the counter alone on its line
//! ("3 of 9", "3/9", "3 из 9", "3 sur 9"), the caption on the next line, often no credit.

use super::{Item, join_into};
use crate::parse::caption::{self, Label};

/// Joins a gallery counter alone on its line to the caption line after it ("1 of 4" /
/// "With the governor." → "1 of 4 With the governor."), so the caption reads as one photo
/// wherever it stands, also inside a speech.
pub(super) fn counters_alone(items: &mut [Item]) {
    for i in 0..items.len() {
        if !items[i].is_text() || !is_counter_alone(&items[i].line.text) {
            continue;
        }
        let Some(next) = (i + 1..items.len()).find(|&k| items[k].is_text()) else {
            continue;
        };
        let caption = items[next].line.text.trim();
        if is_counter_alone(caption) || caption.contains(": ") && caption.len() < 40 {
            continue;
        }
        join_into(items, i, next, " ");
    }
}

/// Whether `line` is only a gallery counter with its series size: "3 of 9", "3/9".
fn is_counter_alone(line: &str) -> bool {
    let line = line.trim();
    if line.len() > 16 {
        return false;
    }
    // A counter with a one-letter caption reads the same label: the label is the line.
    let probe = format!("{line} X");
    caption::scan(&probe).is_some_and(|parts| {
        parts.text == "X"
            && parts.credit.is_none()
            && matches!(parts.label, Label::Of { number, of } | Label::Slash { number, of } if number <= of)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kept, page};

    #[test]
    fn a_counter_alone_takes_the_caption_below() {
        let p = page(
            "1 of 2\nWith the governor.\n2 из 2\nВ ходе встречи.\n3 sur 3\nPendant l’entretien.\n",
        );
        assert_eq!(
            kept(&p),
            [
                "1 of 2 With the governor.",
                "2 из 2 В ходе встречи.",
                "3 sur 3 Pendant l’entretien."
            ]
        );
        assert_eq!(p.joined, [2, 4, 6]);
    }

    #[test]
    fn counters_without_a_series_size_or_in_sentences_stay() {
        let p = page("1 of\nText.\n12 of the 20 ministers came.\n");
        assert!(p.joined.is_empty());
    }
}
