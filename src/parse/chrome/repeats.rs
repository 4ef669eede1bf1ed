//! A caption line repeated through the body: a site that prints the same inline image's
//! caption under each copy of the image, between paragraphs of the text.

use foldhash::{HashMap, HashMapExt};

use super::{Item, Rule};

/// Fewest times a line must appear to be taken for a repeated caption.
const MIN_REPEATS: usize = 3;

/// Fewest words in a repeated caption: "Thank you." may well be said three times.
const MIN_WORDS: usize = 5;

/// Takes out a line of at least [`MIN_WORDS`] words that stands, word for word, three
/// times or more among the lines left, when it is no speaker label and no question.
pub(super) fn repeated_captions(items: &mut [Item]) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for item in items.iter().filter(|i| i.is_text()) {
        *counts.entry(item.line.text.trim()).or_default() += 1;
    }
    let repeated: Vec<String> = counts
        .into_iter()
        .filter(|(text, n)| *n >= MIN_REPEATS && reads_as_caption(text))
        .map(|(text, _)| text.to_owned())
        .collect();
    if repeated.is_empty() {
        return;
    }
    for item in items.iter_mut().filter(|i| i.is_text()) {
        if repeated.iter().any(|r| r == item.line.text.trim()) {
            item.removed = Some(Rule::RepeatedCaption);
        }
    }
}

/// Long enough, not a label ("Name: …"), not a question or an exclamation.
fn reads_as_caption(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (MIN_WORDS..=40).contains(&words) && !text.contains(": ") && !text.ends_with(['?', '!', ':'])
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kept, page};

    #[test]
    fn a_caption_printed_under_each_image_goes() {
        let p = page(
            "Title\nThe minister in the newsroom today.\nHart: When?\nThe minister in the newsroom today.\nSorokin: Soon.\nThe minister in the newsroom today.\n",
        );
        assert_eq!(kept(&p), ["Title", "Hart: When?", "Sorokin: Soon."]);
    }

    #[test]
    fn short_repeated_replies_stay() {
        let p = page("Q: One?\nThank you.\nQ: Two?\nThank you.\nQ: Three?\nThank you.\n");
        assert!(p.removed.is_empty());
    }
}
