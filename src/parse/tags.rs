//! The end of a Kremlin-style page: tag sections ("Géographie", "Topics", "Персоны", …)
//! with their values, and the source link. Also the small one-line shapes: elisions and
//! separators.

use crate::text::{fold, trim};

/// Known tag-section headings, folded (lowercase, no accents).
const HEADINGS: &[&str] = &[
    "geographie",
    "themes",
    "sujets",
    "personnes",
    "personnalites",
    "geography",
    "topics",
    "persons",
    "subjects",
    "география",
    "темы",
    "персоны",
    "лица",
];

/// The heading text when `line` is a known tag-section heading (a trailing colon allowed).
pub fn heading(line: &str) -> Option<&str> {
    let name = trim(line).trim_end_matches(':').trim_end();
    if name.is_empty() || name.len() > 40 {
        return None;
    }
    // ASCII folds to its lowercase (the headings hold no backquote or tab), so an ASCII
    // name needs no folded copy.
    let known = if name.is_ascii() {
        HEADINGS.iter().any(|h| h.eq_ignore_ascii_case(name))
    } else {
        HEADINGS.contains(&fold(name).as_str())
    };
    known.then_some(name)
}

/// Whether `line` can stand in the tag zone at the end of a page: blank, a heading, the
/// link, or a short value (a name, a country, a topic), not a sentence.
pub fn fits_tag_zone(line: &str) -> bool {
    line.is_empty()
        || is_url(line)
        || (line.len() <= 400
            && line.chars().count() <= 200
            && !line.ends_with(['.', '!', '?', ':', ';', ','])
            && !line.contains(": "))
}

/// The values on one line of a tag section ("Sevrania, Kestria" → two values).
pub fn values(line: &str) -> impl Iterator<Item = String> + '_ {
    line.split([',', ';'])
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_owned)
}

/// Whether `line` is nothing but an http(s) URL.
pub fn is_url(line: &str) -> bool {
    let line = trim(line);
    let rest = line
        .strip_prefix("https://")
        .or_else(|| line.strip_prefix("http://"));
    rest.is_some_and(|r| !r.is_empty() && !r.contains(char::is_whitespace))
}

/// Whether `line` is an elision mark alone: "<…>", "<...>", "‹…>", "[…]", "(…)".
pub fn is_elision(line: &str) -> bool {
    let line = trim(line);
    let mut chars = line.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    if !"<‹[(«".contains(open) || !">›])»".contains(close) {
        return false;
    }
    let inner = chars.as_str().trim();
    inner == "…" || (inner.len() >= 2 && inner.chars().all(|c| c == '.' || c == '…'))
}

/// Whether `line` is a separator: "* * *", "***".
pub fn is_separator(line: &str) -> bool {
    // Both characters are ASCII: a byte scan says the same, and stops at the first other.
    line.bytes().all(|b| b == b'*' || b == b' ')
        && memchr::memchr_iter(b'*', line.as_bytes()).count() >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_three_languages() {
        assert_eq!(heading("Géographie"), Some("Géographie"));
        assert_eq!(heading("Topics:"), Some("Topics"));
        assert_eq!(heading("Персоны"), Some("Персоны"));
        assert_eq!(heading("Topics of the day"), None);
    }

    #[test]
    fn values_split_on_commas() {
        let v: Vec<_> = values("Sevrania, Kestria,  Talmar").collect();
        assert_eq!(v, ["Sevrania", "Kestria", "Talmar"]);
    }

    #[test]
    fn urls_elisions_separators() {
        assert!(is_url("http://en.example.org/events/72800"));
        assert!(!is_url("see http://example.org"));
        assert!(!is_url("https://"));
        for e in ["<…>", "<...>", "‹…>", "[…]", "(…)", "<…›"] {
            assert!(is_elision(e), "{e}");
        }
        assert!(!is_elision("<b>"));
        assert!(!is_elision("(a)"));
        assert!(is_separator("* * *"));
        assert!(is_separator("***"));
        assert!(!is_separator("* a *"));
    }
}
