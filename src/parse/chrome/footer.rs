//! The site's closing block ("Publication status", "Published in sections: …",
//! "Publication date: …", "Direct link: …", "Text version") and "See also" boxes. The tag
//! sections around them (Geography, Topics, Persons) stay: the builder reads them as tags
//! once the footer's own lines are gone.

use super::MAX_CHROME_BYTES;
use super::words::{DIRECT_LINK_FIELDS, FOOTER_FIELDS, FOOTER_LABELS, SEE_ALSO};
use super::{Item, PageMeta, Rule};
use crate::text::fold;

/// How far from the end of the page the footer's first line may stand, in lines.
const FOOTER_LINES: usize = 40;

/// Most lines in a "See also" box after its label: a title and a date.
const SEE_ALSO_LINES: usize = 3;

/// Takes out the footer's own lines near the end of the page and keeps the direct link as
/// the page's address (with `https://` when the page wrote none).
pub(super) fn site_footer(items: &mut [Item], meta: &mut PageMeta) {
    let texts: Vec<usize> = (0..items.len()).filter(|&i| items[i].is_text()).collect();
    let tail = texts.len().saturating_sub(FOOTER_LINES);
    for &i in &texts[tail..] {
        let text = items[i].line.text.trim();
        let Some(field) = footer_line(text) else {
            continue;
        };
        items[i].removed = Some(Rule::SiteFooter);
        if let Some(value) = field
            && DIRECT_LINK_FIELDS.contains(&value.0.as_str())
            && meta.source_url.is_none()
            && value.1.contains('.')
        {
            meta.source_url = Some(with_scheme(&value.1));
        }
    }
}

/// What a footer line is: `Some(None)` for a label alone, `Some(Some((field, value)))` for
/// a field with its value, `None` for any other line.
#[allow(clippy::option_option)]
fn footer_line(text: &str) -> Option<Option<(String, String)>> {
    if text.len() > MAX_CHROME_BYTES {
        return None;
    }
    let folded = fold(text);
    let bare = folded.trim_end_matches([':', ' ']);
    if FOOTER_LABELS.contains(&bare) {
        return Some(None);
    }
    let (field, value) = text.split_once(':')?;
    let field = fold(field.trim());
    FOOTER_FIELDS
        .contains(&field.as_str())
        .then(|| Some((field, value.trim().to_owned())))
}

/// Takes out "END 2:07 P.M. EST" (or "END" alone) among the last lines: when a briefing
/// ended, not words of its last speaker.
pub(super) fn end_time(items: &mut [Item]) {
    let last: Vec<usize> = (0..items.len()).filter(|&i| items[i].is_text()).collect();
    for &i in last.iter().rev().take(3) {
        let text = items[i].line.text.trim();
        let Some(rest) = text.strip_prefix("END") else {
            continue;
        };
        let rest = rest.trim();
        let is_time = rest.is_empty()
            || (rest.len() <= 20
                && rest.starts_with(|c: char| c.is_ascii_digit())
                && rest
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || " :.".contains(c)));
        if is_time {
            items[i].removed = Some(Rule::EndTime);
        }
    }
}

/// `address` with `https://` in front when it has no scheme.
pub(crate) fn with_scheme(address: &str) -> String {
    let address = address.trim();
    if address.contains("://") {
        address.to_owned()
    } else {
        format!("https://{address}")
    }
}

/// Takes out "See also" boxes: the label alone on its line and the one to three short lines
/// after it (the linked page's title and date), up to a blank line or a longer line. The
/// text around the box goes on as if the box were not there.
pub(super) fn see_also(items: &mut [Item]) {
    let mut i = 0;
    while i < items.len() {
        let is_label = items[i].is_text()
            && items[i].line.text.len() <= MAX_CHROME_BYTES
            && SEE_ALSO.contains(&fold(items[i].line.text.trim()).trim_end_matches(':'));
        if !is_label {
            i += 1;
            continue;
        }
        items[i].removed = Some(Rule::SeeAlso);
        let mut taken = 0;
        let mut k = i + 1;
        while k < items.len() && taken < SEE_ALSO_LINES {
            let text = items[k].line.text.trim();
            if text.is_empty() {
                if taken > 0 {
                    break;
                }
                k += 1;
                continue;
            }
            if !is_box_line(text) {
                break;
            }
            items[k].removed = Some(Rule::SeeAlso);
            taken += 1;
            k += 1;
        }
        i = k;
    }
}

/// A line of a "See also" box: a title or a date, short, not a speaker label.
fn is_box_line(text: &str) -> bool {
    text.split_whitespace().count() <= 14 && !text.contains(": ") && !text.ends_with(':')
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kept, page, removed};
    use super::*;

    #[test]
    fn the_footer_goes_and_its_direct_link_is_the_source() {
        let p = page(
            "Talks\nVelsky: Thank you.\n<…>\nGeography\nKestria\nPublication status\nPublished in sections: News\nPublication date: May 2, 2031, 18:40\nDirect link: en.example.org/d/1\nText version\n",
        );
        assert_eq!(
            kept(&p),
            ["Talks", "Velsky: Thank you.", "<…>", "Geography", "Kestria"]
        );
        assert_eq!(
            p.meta.source_url.as_deref(),
            Some("https://en.example.org/d/1")
        );
        assert!(removed(&p).iter().all(|(_, r)| *r == Rule::SiteFooter));
        assert_eq!(p.removed.len(), 5);
    }

    #[test]
    fn french_and_russian_footers() {
        let p = page(
            "Texte.\nStatut de publication\nLien direct : fr.example.org/d/2\nVersion texte\n",
        );
        assert_eq!(kept(&p), ["Texte."]);
        assert_eq!(
            p.meta.source_url.as_deref(),
            Some("https://fr.example.org/d/2")
        );
        let p =
            page("Текст.\nСтатус публикации\nОпубликован в разделах: Новости\nТекстовая версия\n");
        assert_eq!(kept(&p), ["Текст."]);
    }

    #[test]
    fn a_see_also_box_in_a_speech_is_taken_out() {
        let p = page(
            "Velsky: We built the line.\n\nSee also\nMeeting with the governor\nAugust 2, 2031\n\nBrusov: It is in service.\n",
        );
        assert_eq!(
            kept(&p),
            ["Velsky: We built the line.", "Brusov: It is in service."]
        );
        assert_eq!(removed(&p).len(), 3);
    }

    #[test]
    fn the_end_time_of_a_briefing_goes() {
        let p = page("MS. QUELL: Thank you.\n\nEND 2:07 P.M. EST\n");
        assert_eq!(kept(&p), ["MS. QUELL: Thank you."]);
        let p = page("The END of the war.\n");
        assert!(p.removed.is_empty());
    }

    #[test]
    fn a_sentence_about_publication_dates_is_text() {
        let p = page("The publication date of the report is not known.\n");
        assert!(p.removed.is_empty());
    }
}
