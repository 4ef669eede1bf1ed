//! Small formatting helpers for text shown to people: counts with their noun ("1 hit",
//! "1,204 hits"), digit grouping, and text shortened to fit a line. One copy for the viewer
//! and the exporters, so a count reads the same wherever it appears.

/// 12345 → "12,345".
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A count with its noun, the count grouped: "1 hit", "1,204 hits".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

/// The noun alone that goes with `n`: `one` for 1, `many` otherwise (for sentences that
/// write the count themselves).
pub fn noun<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// The first `chars` characters of `text`, with "…" when cut.
pub fn shorten(text: &str, chars: usize) -> String {
    let mut out: String = text.chars().take(chars).collect();
    if text.chars().nth(chars).is_some() {
        out = out.trim_end().to_owned();
        out.push('…');
    }
    out
}

/// The last `max` characters of `text`, with "…" in front when cut (at a space, when there
/// is one near the cut).
pub fn shorten_front(text: &str, max: usize) -> String {
    match text.char_indices().rev().nth(max) {
        Some((cut, c)) => {
            let rest = text.get(cut + c.len_utf8()..).unwrap_or("");
            let rest = match rest.find(' ') {
                Some(sp) if sp < 16 => rest.get(sp..).unwrap_or(rest),
                _ => rest,
            };
            format!("…{}", rest.trim_start_matches('…').trim_start())
        }
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1234), "1,234");
        assert_eq!(thousands(10_000_000), "10,000,000");
    }

    #[test]
    fn counts_take_their_noun() {
        assert_eq!(plural(1, "hit", "hits"), "1 hit");
        assert_eq!(plural(0, "hit", "hits"), "0 hits");
        assert_eq!(plural(1204, "hit", "hits"), "1,204 hits");
        assert_eq!(noun(1, "speech", "speeches"), "speech");
        assert_eq!(noun(2, "speech", "speeches"), "speeches");
    }

    #[test]
    fn shorten_cuts_on_characters() {
        assert_eq!(shorten("Élan vital", 4), "Élan…");
        assert_eq!(shorten("Élan", 4), "Élan");
    }

    #[test]
    fn shorten_front_keeps_the_end() {
        assert_eq!(shorten_front("abc", 5), "abc");
        assert_eq!(shorten_front("…one two three", 5), "…three");
        // Cut on a word, not inside one.
        assert_eq!(
            shorten_front("the meeting open. I suggest", 14),
            "…I suggest"
        );
    }
}
