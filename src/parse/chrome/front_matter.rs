//! YAML front matter: a block between two `---` lines at the very top of a file, as static
//! site generators and note-taking tools save pages. Its keys give the title, the date, the
//! source address and tags; none of it is text.

use super::words::{DATE_KEYS, TAG_KEYS, TITLE_KEYS, URL_KEYS};
use super::{Item, PageMeta, Rule};
use crate::model::TagSection;
use crate::text::fold;

/// Longest front matter read, in lines (a longer block is not front matter).
const MAX_LINES: usize = 60;

/// Takes out a front matter block at the top and reads its keys into `meta`: `title`,
/// `date` (ISO, or any date the dateline parser reads), `source`/`url`, and `tags` (an
/// inline `[a, b]` list or `- item` lines).
///
/// ```text
/// ---
/// title: "Press Briefing by Press Secretary Mara Quell"
/// date: 2031-05-14
/// tags: [briefing, ferries]
/// ---
/// ```
pub(super) fn front_matter(items: &mut [Item], meta: &mut PageMeta) {
    let Some(open) = items.iter().position(|i| !i.line.text.trim().is_empty()) else {
        return;
    };
    if items[open].line.text.trim() != "---" {
        return;
    }
    let Some(close) = items
        .iter()
        .enumerate()
        .skip(open + 1)
        .take(MAX_LINES)
        .find(|(_, i)| i.line.text.trim() == "---")
        .map(|(k, _)| k)
    else {
        return;
    };
    let body: Vec<&str> = items[open + 1..close]
        .iter()
        .map(|i| i.line.text.as_str())
        .collect();
    if !body.iter().all(|l| is_yaml_line(l)) {
        return;
    }
    read_keys(&body, meta);
    for item in &mut items[open..=close] {
        item.removed = Some(Rule::FrontMatter);
    }
}

/// A blank line, a `key: value` line or a `- item` line.
fn is_yaml_line(line: &str) -> bool {
    let line = line.trim();
    if line.is_empty() || line.starts_with("- ") || line.starts_with('#') {
        return true;
    }
    line.split_once(':').is_some_and(|(key, _)| {
        !key.is_empty()
            && key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    })
}

fn read_keys(body: &[&str], meta: &mut PageMeta) {
    let mut tags: Vec<String> = Vec::new();
    let mut in_tags = false;
    for line in body {
        let trimmed = line.trim();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if in_tags {
                tags.push(unquote(item).to_owned());
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else {
            continue;
        };
        let key = fold(key.trim());
        let value = unquote(value.trim());
        in_tags = TAG_KEYS.contains(&key.as_str());
        if in_tags {
            tags.extend(inline_list(value));
        } else if value.is_empty() {
            continue;
        } else if TITLE_KEYS.contains(&key.as_str()) {
            meta.title = Some(value.to_owned());
        } else if DATE_KEYS.contains(&key.as_str()) {
            meta.date = iso_date(value);
        } else if URL_KEYS.contains(&key.as_str()) && value.contains('.') {
            meta.source_url = Some(super::footer::with_scheme(value));
        }
    }
    if !tags.is_empty() {
        meta.tags.push(TagSection {
            heading: "Tags".to_owned(),
            values: tags,
        });
    }
}

/// The items of `[a, b]` or of `a, b`.
fn inline_list(value: &str) -> Vec<String> {
    let inner = value
        .strip_prefix('[')
        .and_then(|v| v.strip_suffix(']'))
        .unwrap_or(value);
    inner
        .split(',')
        .map(|v| unquote(v.trim()).to_owned())
        .filter(|v| !v.is_empty())
        .collect()
}

/// The value without its YAML quotes.
fn unquote(value: &str) -> &str {
    for quote in ['"', '\''] {
        if let Some(inner) = value
            .strip_prefix(quote)
            .and_then(|v| v.strip_suffix(quote))
        {
            return inner;
        }
    }
    value
}

/// "2031-05-14" (a timestamp after it allowed), or any date a dateline gives.
fn iso_date(value: &str) -> Option<String> {
    let head = value.get(..10).unwrap_or(value);
    if let Some(d) = crate::parse::parse_dateline(head) {
        return Some(d.date);
    }
    crate::parse::parse_dateline(value).map(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kept, page, removed};

    #[test]
    fn front_matter_gives_title_date_source_and_tags() {
        let p = page(
            "---\ntitle: \"Briefing by Mara Quell\"\ndate: 2031-05-14T10:00:00Z\nsource: example.org/b/1\ntags: [ferries, budget]\n---\n\nMS. QUELL: Good afternoon.\n",
        );
        assert_eq!(p.meta.title.as_deref(), Some("Briefing by Mara Quell"));
        assert_eq!(p.meta.date.as_deref(), Some("2031-05-14"));
        assert_eq!(
            p.meta.source_url.as_deref(),
            Some("https://example.org/b/1")
        );
        assert_eq!(p.meta.tags[0].values, ["ferries", "budget"]);
        assert_eq!(kept(&p), ["MS. QUELL: Good afternoon."]);
        assert_eq!(removed(&p).len(), 6);
    }

    #[test]
    fn tags_as_a_list_of_items() {
        let p = page("---\ntags:\n  - ferries\n  - budget\n---\nText.\n");
        assert_eq!(p.meta.tags[0].values, ["ferries", "budget"]);
    }

    #[test]
    fn a_rule_of_dashes_in_the_text_is_not_front_matter() {
        let p = page("Title\n---\nSome text here.\n---\n");
        assert!(p.removed.is_empty());
        let p = page("---\nThis is a sentence, not a key.\n---\n");
        assert!(p.removed.is_empty());
    }
}
