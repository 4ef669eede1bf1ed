//! The top of a copied page: navigation links, share buttons, the site's name, counters, a
//! breadcrumb, a lone photo credit, and a date, time and place each on a line of its own.

use super::words::{CREDIT_MARKERS, NAVIGATION, SHARE_WORDS};
use super::{Item, MAX_CHROME_BYTES, PageMeta, Rule, first_text, join_into};
use crate::parse::parse_dateline;
use crate::text::fold;

/// How many lines from the top count as the page's header.
const HEADER_LINES: usize = 12;

/// Takes out navigation links ("Skip to main content") among the first lines.
pub(super) fn navigation(items: &mut [Item]) {
    for i in first_text(items, HEADER_LINES) {
        if items[i].line.text.len() > MAX_CHROME_BYTES {
            continue;
        }
        let folded = fold(items[i].line.text.trim());
        if NAVIGATION.contains(&folded.trim_end_matches(['.', '»', '›']).trim()) {
            items[i].removed = Some(Rule::Navigation);
        }
    }
}

/// Takes out rows of share buttons anywhere: a line made only of two or more share words
/// ("Facebook Twitter Telegram +", "Partager : Facebook, X, E-mail").
pub(super) fn share_rows(items: &mut [Item]) {
    for item in items.iter_mut().filter(|i| i.is_text()) {
        if is_share_row(&item.line.text) {
            item.removed = Some(Rule::ShareButtons);
        }
    }
}

/// Whether `line` holds only share-button words, at least two of them.
pub(crate) fn is_share_row(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    let folded = fold(line).replace("copy link", "copy-link");
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '|' | '·' | '/' | ':'))
        .filter(|w| !w.is_empty())
        .collect();
    let is_share = |w: &&str| *w == "copy-link" || SHARE_WORDS.contains(w);
    words.len() >= 2
        && words.iter().filter(|w| **w != "+").count() >= 2
        && words.iter().all(|w| is_share(w) || w.starts_with("share"))
}

/// Takes out the short lines above a share row that stands among the first lines: the
/// site's name and menu, which come before the article.
pub(super) fn site_header(items: &mut [Item]) {
    let top = HEADER_LINES.min(items.len());
    let Some(row) = items[..top]
        .iter()
        .position(|i| i.removed == Some(Rule::ShareButtons))
    else {
        return;
    };
    for item in items[..row].iter_mut().filter(|i| i.is_text()) {
        let text = item.line.text.trim();
        if text.split_whitespace().count() <= 4
            && !text.ends_with(['.', '!', '?', ':'])
            && parse_dateline(text).is_none()
        {
            item.removed = Some(Rule::SiteHeader);
        }
    }
}

/// Takes out a number alone on its line among the first lines (views, comments, likes):
/// the title and the text never start so.
pub(super) fn bare_counters(items: &mut [Item]) {
    for i in first_text(items, HEADER_LINES) {
        let text = items[i].line.text.trim();
        let digits = text.chars().filter(char::is_ascii_digit).count();
        let bare = digits > 0
            && text.chars().count() <= 12
            && text.chars().all(|c| {
                c.is_ascii_digit() || c.is_whitespace() || matches!(c, ',' | '.' | 'K' | 'k')
            });
        if bare {
            items[i].removed = Some(Rule::BareCounter);
        }
    }
}

/// Takes out a breadcrumb: a first line of one word ("Events", "События") right above a
/// longer title line (no blank line between, the title no sentence and no speaker label),
/// or a trail of short parts ("Home › Events › Transcripts").
pub(super) fn breadcrumb(items: &mut [Item]) {
    let top = first_text(items, 2);
    let [first, second] = top[..] else {
        return;
    };
    let text = items[first].line.text.trim();
    let next = items[second].line.text.trim();
    let adjacent = items[first + 1..second]
        .iter()
        .all(|i| i.removed.is_some() || i.merged);
    let one_word = text.split_whitespace().count() == 1
        && text.chars().all(char::is_alphabetic)
        && adjacent
        && next.split_whitespace().count() > 1
        && !next.contains(": ")
        && !next.ends_with(['.', ':', ',', ';'])
        && parse_dateline(next).is_none();
    let trail = ['›', '»', '>', '/']
        .iter()
        .any(|sep| text.split(*sep).count() >= 3 && text.split(*sep).all(is_crumb));
    if one_word || trail {
        items[first].removed = Some(Rule::Breadcrumb);
    }
}

/// A part of a breadcrumb trail: one to four words, no sentence punctuation.
fn is_crumb(part: &str) -> bool {
    let words = part.split_whitespace().count();
    (1..=4).contains(&words) && !part.contains(['.', ':', '!', '?'])
}

/// Takes out a photo credit alone on a line among the first lines ("Photo : Lena Markova",
/// "Фото: пресс-служба"): the credit of the page's lead image, not its lead paragraph.
pub(super) fn lead_image_credit(items: &mut [Item]) {
    for i in first_text(items, HEADER_LINES / 2) {
        if lone_credit(&items[i].line.text).is_some() {
            items[i].removed = Some(Rule::LeadImageCredit);
        }
    }
}

/// The credit of a line that is only "Photo: credit" (any of [`CREDIT_MARKERS`], a French
/// space before the colon allowed).
fn lone_credit(line: &str) -> Option<&str> {
    let (marker, credit) = line.split_once(':')?;
    let marker = fold(marker.trim());
    let credit = credit.trim();
    let words = credit.split_whitespace().count();
    (CREDIT_MARKERS.contains(&marker.as_str()) && (1..=8).contains(&words)).then_some(credit)
}

/// Joins a date alone on its line with a time alone on the next line and a short place
/// after that ("September 18, 2031" / "16:20" / "Varengrad"), near the top, into one
/// dateline, when the joined line reads as one. The lines must follow one another with no
/// blank line between. Without a time, a place joins only when it is one or two words
/// ([`stands_alone`]): a longer line under a date is the title or the text.
pub(super) fn dateline_parts(items: &mut [Item]) {
    let top = first_text(items, HEADER_LINES + 1);
    for (k, &i) in top.iter().enumerate() {
        let Some(date) = parse_dateline(&items[i].line.text) else {
            continue;
        };
        if date.time.is_some() && date.place.is_some() {
            return;
        }
        let mut joined = items[i].line.text.trim().to_owned();
        let mut into = Vec::new();
        let mut last = i;
        for &next in top.get(k + 1..k + 3).unwrap_or_default() {
            if next != last + 1 {
                break;
            }
            let candidate = format!("{joined}, {}", items[next].line.text.trim());
            let (Some(before), Some(read)) = (parse_dateline(&joined), parse_dateline(&candidate))
            else {
                break;
            };
            let adds_time = before.time.is_none() && read.time.is_some();
            let adds_place = before.place.is_none()
                && read.place.is_some()
                && (before.time.is_some() || stands_alone(items, next));
            if !adds_time && !adds_place {
                break;
            }
            joined = candidate;
            into.push(next);
            last = next;
        }
        for next in into {
            join_into(items, i, next, ", ");
        }
        return;
    }
}

/// A line of one or two words ("Varengrad", "New York") before a blank line or a longer
/// line: a place, where a longer line would be a title.
fn stands_alone(items: &[Item], i: usize) -> bool {
    let words = items[i].line.text.split_whitespace().count();
    (1..=2).contains(&words)
        && items.get(i + 1).is_none_or(|next| {
            let text = next.line.text.trim();
            text.is_empty() || text.split_whitespace().count() > 2
        })
}

/// Takes out a time alone on its line among the first lines ("1:31 P.M. EST", "10:04"):
/// when the event began, for the page's metadata.
pub(super) fn start_time(items: &mut [Item], meta: &mut PageMeta) {
    for i in first_text(items, HEADER_LINES) {
        let text = items[i].line.text.trim().trim_matches(['(', ')']);
        // The dateline reader knows every way of writing a time; give it a date to lean on.
        let Some(read) = parse_dateline(&format!("1 January 2000, {text}")) else {
            continue;
        };
        if let (Some(time), None) = (read.time, read.place) {
            meta.time = Some(time);
            items[i].removed = Some(Rule::StartTime);
            return;
        }
    }
}

/// A parliamentary record's running heading, "3 Feb 2031 : Column 412": the first is the
/// record's date (the column reference dropped), every later one a page heading.
pub(super) fn column_headings(items: &mut [Item]) {
    let mut seen = false;
    for item in items.iter_mut().filter(|i| i.is_text()) {
        let Some(date) = column_heading_date(&item.line.text) else {
            continue;
        };
        if seen {
            item.removed = Some(Rule::RunningHeader);
        } else {
            item.line.text = date.to_owned();
            seen = true;
        }
    }
}

/// The date of "3 Feb 2031 : Column 412" (also "Col. 412", "cc. 412-413").
fn column_heading_date(line: &str) -> Option<&str> {
    let (date, column) = line.rsplit_once(':')?;
    let column = column.trim();
    let number = ["Column ", "Col. ", "cc. ", "c. "]
        .iter()
        .find_map(|mark| column.strip_prefix(mark))?;
    let digits = number.chars().all(|c| c.is_ascii_digit() || c == '-');
    let date = date.trim();
    (digits && !number.is_empty() && parse_dateline(date).is_some()).then_some(date)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kept, page, removed};
    use super::*;

    #[test]
    fn navigation_share_rows_site_name_and_counters_go() {
        let p = page(
            "Skip to main content\nOrla Daily\nFacebook Twitter Telegram +\n14\nMinister answers readers\nThe minister answered.\nFacebook Twitter Telegram +\n",
        );
        assert_eq!(
            kept(&p),
            ["Minister answers readers", "The minister answered."]
        );
        assert_eq!(
            removed(&p),
            [
                (1, Rule::Navigation),
                (2, Rule::SiteHeader),
                (3, Rule::ShareButtons),
                (4, Rule::BareCounter),
                (7, Rule::ShareButtons)
            ]
        );
    }

    #[test]
    fn share_rows_need_two_share_words_and_nothing_else() {
        assert!(is_share_row("Facebook Twitter Telegram +"));
        assert!(is_share_row("Partager : Facebook, X, E-mail"));
        assert!(!is_share_row("Facebook"));
        assert!(!is_share_row("Share this with Twitter users"));
    }

    #[test]
    fn a_one_word_line_above_the_title_is_a_breadcrumb() {
        let p = page("Events\nMeeting with the governor\nText.\n");
        assert_eq!(removed(&p), [(1, Rule::Breadcrumb)]);
        let p = page("Home › Events › Transcripts\nMeeting with the governor\n");
        assert_eq!(removed(&p), [(1, Rule::Breadcrumb)]);
        // A one-word title above a one-word line, a blank line or a speaker is left alone.
        for text in [
            "Summit\nOrlavia\n",
            "Talks\n\nThe talks began today\n",
            "Summit\nVelsky: Welcome\n",
        ] {
            assert!(page(text).removed.is_empty(), "{text}");
        }
    }

    #[test]
    fn a_lone_credit_near_the_top_is_the_lead_images() {
        let p = page("Talks\n\nPhoto\u{a0}: Lena Markova\nThe talks began.\n");
        assert_eq!(removed(&p), [(3, Rule::LeadImageCredit)]);
        let p =
            page("Talks\nPhoto: the day in pictures, with many more words than a credit has.\n");
        assert!(p.removed.is_empty());
    }

    #[test]
    fn a_time_alone_near_the_top_is_the_start_time() {
        let p =
            page("Press Briefing\n\nBrady Room\n\n1:31 P.M. EST\n\nMS. QUELL: Good afternoon.\n");
        assert_eq!(p.meta.time.as_deref(), Some("13:31"));
        assert_eq!(removed(&p), [(5, Rule::StartTime)]);
        let p = page("Title\n\n12 ministers came.\n");
        assert!(p.meta.time.is_none());
    }

    #[test]
    fn a_column_heading_gives_the_date_once() {
        let p = page(
            "3 Feb 2031 : Column 412\nOrla Bridge Bill\nText.\n3 Feb 2031 : Column 413\nMore.\n",
        );
        assert_eq!(
            kept(&p),
            ["3 Feb 2031", "Orla Bridge Bill", "Text.", "More."]
        );
        assert_eq!(removed(&p), [(4, Rule::RunningHeader)]);
    }

    #[test]
    fn date_time_and_place_on_lines_of_their_own_become_one_dateline() {
        let p = page("Meeting\n\nSeptember 18, 2031\n16:20\nVarengrad\nThe meeting began.\n");
        assert_eq!(
            kept(&p),
            [
                "Meeting",
                "September 18, 2031, 16:20, Varengrad",
                "The meeting began."
            ]
        );
        assert_eq!(p.joined, [4, 5]);
        let p = page("Встреча\n\n3 апреля 2031 года\n14:00\nВаренград\nТекст.\n");
        assert_eq!(kept(&p)[1], "3 апреля 2031 года, 14:00, Варенград");
        // A sentence or a title after the date is not a place, nor a line after a blank.
        let p = page("Meeting\n\nMay 2, 2031\nThe meeting began at noon.\n");
        assert_eq!(kept(&p)[1], "May 2, 2031");
        let p = page("May 2, 2031\nMinister answers readers\nText.\n");
        assert_eq!(kept(&p)[0], "May 2, 2031");
        let p = page("Meeting\nMay 2, 2031\n\nVarengrad\n\nText.\n");
        assert_eq!(kept(&p)[1], "May 2, 2031");
        let p = page("Meeting\nMay 2, 2031\nVarengrad\n\nText.\n");
        assert_eq!(kept(&p)[1], "May 2, 2031, Varengrad");
    }
}
