//! Page chrome: what a web page or a saved document carries around the transcript — front
//! matter, navigation, share buttons, breadcrumbs, the site's footer, "See also" boxes,
//! document numbers, a court record's word index — taken out of the text before blocks are
//! built, with the rule that took each line out (shown in "How this was read"). What the
//! chrome says about the page (title, date, tags, the direct link) is kept as metadata.
//!
//! Two rules rewrite instead of removing: a gallery counter alone on its line ("3 of 9") is
//! joined to the caption below it, and a date, a time and a place on lines of their own
//! under the title are joined into one dateline. The joined lines keep the first line's
//! number, so every later stage and "How this was read" still point at the source.
//!
//! Each rule is a small function over the page's items, run in a fixed order by
//! [`read_page`]: rules that look at the top of the page run after the front matter is
//! gone, and the repeated-caption rule runs last, on what the others left.

mod court;
mod footer;
mod front_matter;
mod gallery;
mod header;
mod repeats;
pub(crate) mod words;

use crate::model::TagSection;
use crate::parse::context::RosterEntry;
use crate::parse::normalize::SourceLine;

/// Longest line a chrome rule looks at for words (navigation, footer labels, "See also"):
/// page chrome is short, and folding a long paragraph for nothing would cost.
pub(crate) const MAX_CHROME_BYTES: usize = 400;

/// Why a line is not part of the text.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Rule {
    /// YAML front matter between `---` lines at the top of a file.
    FrontMatter,
    /// "Skip to main content" and other navigation links.
    Navigation,
    /// A row of share buttons ("Facebook Twitter Telegram +").
    ShareButtons,
    /// The site's name and menu above a share row at the top of the page.
    SiteHeader,
    /// A number alone on its line near the top (a view or comment counter).
    BareCounter,
    /// A one-word section name above the title ("Events").
    Breadcrumb,
    /// A lone photo credit near the top: the lead image's credit.
    LeadImageCredit,
    /// The site's closing block: publication status, sections, date, direct link.
    SiteFooter,
    /// A "See also" box: its label and the linked page's title and date.
    SeeAlso,
    /// A caption line that repeats through the body (an inline image's caption).
    RepeatedCaption,
    /// A running heading repeated down the pages ("3 Feb 2031 : Column 413").
    RunningHeader,
    /// A document symbol or print job number of a UN record ("S/PV.9912", "31-14512").
    DocumentNumber,
    /// The word index after the end of a court transcript.
    CourtIndex,
    /// The parties' column at the top of a court transcript.
    CaseCaption,
    /// A time alone near the top: when the event began.
    StartTime,
    /// A transcript's table of contents.
    Contents,
    /// A roster of members (read as participants).
    Roster,
    /// "END 2:07 P.M. EST": when the event ended.
    EndTime,
}

impl Rule {
    /// What the rule took out, as "How this was read" says it.
    pub fn describe(self) -> &'static str {
        match self {
            Rule::FrontMatter => "front matter: page metadata",
            Rule::Navigation => "site navigation",
            Rule::ShareButtons => "share buttons",
            Rule::SiteHeader => "site header above the share buttons",
            Rule::BareCounter => "a bare counter near the top",
            Rule::Breadcrumb => "breadcrumb above the title",
            Rule::LeadImageCredit => "the lead image's photo credit",
            Rule::SiteFooter => "site footer: publication details",
            Rule::SeeAlso => "a “See also” box",
            Rule::RepeatedCaption => "an image caption repeated through the text",
            Rule::RunningHeader => "running heading: date and column",
            Rule::DocumentNumber => "a document or print number",
            Rule::CourtIndex => "the word index after the record",
            Rule::CaseCaption => "case caption: the parties",
            Rule::StartTime => "the start time",
            Rule::Contents => "table of contents",
            Rule::Roster => "roster of members, read as participants",
            Rule::EndTime => "the end time",
        }
    }
}

/// A source line the chrome rules took out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// 1-based line number in the decoded text.
    pub number: usize,
    /// The rule that took it out.
    pub rule: Rule,
}

/// What the chrome says about the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageMeta {
    /// The title, from front matter.
    pub title: Option<String>,
    /// ISO date, from front matter.
    pub date: Option<String>,
    /// "HH:MM", from a time alone near the top.
    pub time: Option<String>,
    /// The page's address: front matter's source, or the footer's direct link.
    pub source_url: Option<String>,
    /// Tags from front matter.
    pub tags: Vec<TagSection>,
    /// A UN record's roster of members.
    pub(crate) roster: Vec<RosterEntry>,
}

/// The lines left for the builder, what was taken out, and the page's metadata.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// The text's lines, in order, chrome removed and joins made.
    pub lines: Vec<SourceLine>,
    /// The lines taken out, in source order.
    pub removed: Vec<Removed>,
    /// Source lines joined into the line above them (a gallery caption, a dateline part).
    pub joined: Vec<usize>,
    /// Metadata the chrome gave.
    pub meta: PageMeta,
}

/// One line while the rules run: kept, or taken out by a rule.
#[derive(Clone, Debug)]
pub(crate) struct Item {
    pub line: SourceLine,
    pub removed: Option<Rule>,
    /// Lines joined into this one (their numbers).
    pub joined: Vec<usize>,
    /// Joined into the item above: no longer a line of its own.
    pub merged: bool,
}

impl Item {
    /// Whether the item is still a non-blank line of the text.
    pub(crate) fn is_text(&self) -> bool {
        self.removed.is_none() && !self.merged && !self.line.text.trim().is_empty()
    }
}

/// Runs the chrome rules over cleaned lines (what [`crate::parse::normalize::prepare_lines`]
/// gives).
pub fn read_page(lines: Vec<SourceLine>) -> Page {
    let mut items: Vec<Item> = lines
        .into_iter()
        .map(|line| Item {
            line,
            removed: None,
            joined: Vec::new(),
            merged: false,
        })
        .collect();
    let mut meta = PageMeta::default();
    front_matter::front_matter(&mut items, &mut meta);
    header::navigation(&mut items);
    header::share_rows(&mut items);
    header::site_header(&mut items);
    header::bare_counters(&mut items);
    header::breadcrumb(&mut items);
    header::column_headings(&mut items);
    header::lead_image_credit(&mut items);
    header::dateline_parts(&mut items);
    header::start_time(&mut items, &mut meta);
    footer::site_footer(&mut items, &mut meta);
    footer::see_also(&mut items);
    court::case_caption(&mut items);
    court::contents(&mut items);
    court::roster(&mut items, &mut meta);
    court::document_numbers(&mut items);
    footer::end_time(&mut items);
    court::word_index(&mut items);
    gallery::counters_alone(&mut items);
    repeats::repeated_captions(&mut items);
    finish(items, meta)
}

fn finish(items: Vec<Item>, meta: PageMeta) -> Page {
    let mut page = Page {
        meta,
        ..Page::default()
    };
    for item in items {
        page.joined.extend(item.joined.iter().copied());
        if let Some(rule) = item.removed {
            page.removed.push(Removed {
                number: item.line.number,
                rule,
            });
        } else if !item.merged {
            page.lines.push(item.line);
        }
    }
    page.joined.sort_unstable();
    page
}

/// Indexes of the first `count` items that are still text, in order.
pub(crate) fn first_text(items: &[Item], count: usize) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.is_text())
        .map(|(i, _)| i)
        .take(count)
        .collect()
}

/// Joins item `from` into item `into` (its text after a separator), marking it merged.
pub(crate) fn join_into(items: &mut [Item], into: usize, from: usize, separator: &str) {
    let Some(moved) = items.get(from).map(|item| item.line.clone()) else {
        return;
    };
    if let Some(item) = items.get_mut(from) {
        item.merged = true;
    }
    if let Some(target) = items.get_mut(into) {
        target.line.text.push_str(separator);
        target.line.text.push_str(moved.text.trim());
        target.joined.push(moved.number);
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// The page read from `text`, one source line per line.
    pub(crate) fn page(text: &str) -> Page {
        read_page(crate::parse::normalize::prepare_lines(text))
    }

    /// The texts of the lines left.
    pub(crate) fn kept(page: &Page) -> Vec<&str> {
        page.lines
            .iter()
            .map(|l| l.text.as_str())
            .filter(|t| !t.is_empty())
            .collect()
    }

    /// The rules that took lines out, with the line numbers.
    pub(crate) fn removed(page: &Page) -> Vec<(usize, Rule)> {
        page.removed.iter().map(|r| (r.number, r.rule)).collect()
    }

    #[test]
    fn a_plain_text_goes_through_unchanged() {
        let text = "Talks\n\nAndrei Velsky: Welcome.\nWe begin.\n";
        let p = page(text);
        assert_eq!(kept(&p), ["Talks", "Andrei Velsky: Welcome.", "We begin."]);
        assert!(p.removed.is_empty());
        assert_eq!(p.meta, PageMeta::default());
    }

    #[test]
    fn hostile_lines_do_not_panic() {
        for text in [
            "---",
            "---\n---",
            "1 of",
            "1 of 2\n",
            "Direct link:",
            "See also",
            "",
        ] {
            let _ = page(text);
        }
    }
}
