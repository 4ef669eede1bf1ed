//! Snippets of a hit's original text with the query's words marked: the passage is folded
//! again with a map back to the original characters (the index holds folded text only),
//! its tokens compared with the query's, and a window cut around the first mark.

use std::ops::Range;

use super::query::Term;
use crate::search::fold_with;

/// Characters of context kept on each side of the first mark.
pub const SNIPPET_CONTEXT: usize = 70;

/// A piece of original text with the byte ranges (into `text`) of the query's words.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snippet {
    /// The text shown: a window of the passage, "…" where it was cut, spaces squashed.
    pub text: String,
    /// Byte ranges of the marked words in `text`, in order, never overlapping.
    pub marks: Vec<Range<usize>>,
    /// Byte range of the first mark in the whole passage (to open the file on it).
    pub first: Option<Range<usize>>,
}

impl Snippet {
    /// The snippet with each mark between `open` and `close` ("[Velsky]").
    pub fn marked(&self, open: &str, close: &str) -> String {
        let mut out = String::with_capacity(self.text.len() + 8);
        let mut at = 0;
        for m in &self.marks {
            out.push_str(self.text.get(at..m.start).unwrap_or(""));
            out.push_str(open);
            out.push_str(self.text.get(m.clone()).unwrap_or(""));
            out.push_str(close);
            at = m.end;
        }
        out.push_str(self.text.get(at..).unwrap_or(""));
        out
    }
}

/// One token of the folded passage: where its folded text is in the shared buffer, and
/// its original byte range.
struct Token {
    folded: Range<usize>,
    original: Range<usize>,
}

/// The folded text of `text` (tokens only, one buffer, not a string per token) and its
/// tokens, each mapped back to the original.
fn tokens_of(text: &str) -> (String, Vec<Token>) {
    let mut buf = String::with_capacity(text.len());
    let mut out: Vec<Token> = Vec::new();
    let mut current: Option<Token> = None;
    fold_with(text, |c, start, end| {
        if c.is_alphanumeric() {
            match &mut current {
                Some(t) => {
                    buf.push(c);
                    t.folded.end = buf.len();
                    t.original.end = t.original.end.max(end);
                }
                None => {
                    let from = buf.len();
                    buf.push(c);
                    current = Some(Token {
                        folded: from..buf.len(),
                        original: start..end,
                    });
                }
            }
        } else if let Some(t) = current.take() {
            out.push(t);
        }
    });
    out.extend(current);
    (buf, out)
}

/// The original byte ranges of the terms' matches in `text`: phrases as tokens in a row,
/// a prefix's last token by its beginning.
pub fn mark_ranges(text: &str, terms: &[Term]) -> Vec<Range<usize>> {
    let (buf, tokens) = tokens_of(text);
    let folded = |t: &Token| buf.get(t.folded.clone()).unwrap_or("");
    let mut marks: Vec<Range<usize>> = Vec::new();
    for term in terms {
        let want = term.tokens();
        let Some(last) = want.len().checked_sub(1) else {
            continue;
        };
        let prefix = matches!(term, Term::Prefix(_));
        for start in 0..tokens.len() {
            let hit = want.iter().enumerate().all(|(k, w)| {
                tokens.get(start + k).is_some_and(|t| {
                    if prefix && k == last {
                        folded(t).starts_with(w.as_str())
                    } else {
                        folded(t) == w
                    }
                })
            });
            if hit && let (Some(a), Some(b)) = (tokens.get(start), tokens.get(start + last)) {
                marks.push(a.original.start..b.original.end);
            }
        }
    }
    marks.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(marks.len());
    for m in marks {
        match merged.last_mut() {
            Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
            _ => merged.push(m),
        }
    }
    merged
}

/// A snippet of `text` around the first match of `terms` (the beginning when none).
pub fn snippet(text: &str, terms: &[Term]) -> Snippet {
    let marks = mark_ranges(text, terms);
    let first = marks.first().cloned();
    let focus = first.clone().unwrap_or(0..0);
    let start = back_chars(text, focus.start, SNIPPET_CONTEXT);
    let end = forward_chars(text, focus.end, SNIPPET_CONTEXT * 2);
    let mut out = Snippet {
        first,
        ..Snippet::default()
    };
    if start > 0 {
        out.text.push('…');
    }
    // Copy the window with runs of whitespace squashed, moving the marks along.
    let mut pending = marks
        .iter()
        .filter(|m| m.start >= start && m.end <= end)
        .peekable();
    let mut open: Option<usize> = None;
    let mut last_space = false;
    let window = text.get(start..end).unwrap_or("");
    for (i, c) in window.char_indices() {
        let at = start + i;
        if open.is_none()
            && let Some(m) = pending.peek()
            && m.start == at
        {
            open = Some(out.text.len());
        }
        if c.is_whitespace() {
            if !last_space {
                out.text.push(' ');
            }
            last_space = true;
        } else {
            out.text.push(c);
            last_space = false;
        }
        if let (Some(from), Some(m)) = (open, pending.peek())
            && at + c.len_utf8() >= m.end
        {
            out.marks.push(from..out.text.len());
            open = None;
            pending.next();
        }
    }
    if end < text.len() {
        let kept = out.text.trim_end().len();
        out.text.truncate(kept);
        out.text.push('…');
    }
    out
}

/// The byte offset `n` characters before `at` (0 at most), moved to a word start when one
/// is near.
fn back_chars(text: &str, at: usize, n: usize) -> usize {
    let before = text.get(..at).unwrap_or("");
    match before.char_indices().rev().nth(n) {
        None => 0,
        Some((cut, _)) => {
            let part = before.get(cut..).unwrap_or("");
            match part.find(char::is_whitespace) {
                Some(sp) if sp < 20 => cut + sp + 1,
                _ => cut,
            }
        }
    }
}

/// The byte offset `n` characters after `at` (the end at most), moved back to a space
/// when one is near.
fn forward_chars(text: &str, at: usize, n: usize) -> usize {
    let after = text.get(at..).unwrap_or("");
    match after.char_indices().nth(n) {
        None => text.len(),
        Some((cut, _)) => {
            let part = after.get(..cut).unwrap_or("");
            match part.rfind(char::is_whitespace) {
                Some(sp) if cut - sp < 20 => at + sp,
                _ => at + cut,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::db::query::Query;

    fn terms(q: &str) -> Vec<Term> {
        Query::parse(q).map(|q| q.terms).unwrap_or_default()
    }

    #[test]
    fn folded_words_are_marked_in_the_original() {
        let s = snippet("Le ministre Choïgou a parlé.", &terms("choigou"));
        assert_eq!(s.marked("[", "]"), "Le ministre [Choïgou] a parlé.");
        assert_eq!(s.first, Some(12..20));
        let s = snippet("Die Straße nach Ёлкино", &terms("strasse елкино"));
        assert_eq!(s.marked("[", "]"), "Die [Straße] nach [Ёлкино]");
    }

    #[test]
    fn phrases_and_prefixes() {
        let s = snippet(
            "The Baltic  Council met; Baltic states and Velsky, Velski.",
            &terms("\"baltic council\" velsk*"),
        );
        assert_eq!(
            s.marked("[", "]"),
            "The [Baltic Council] met; Baltic states and [Velsky], [Velski]."
        );
    }

    #[test]
    fn long_text_is_cut_around_the_first_mark() {
        let text = format!("{} needle {}", "word ".repeat(100), "more ".repeat(100));
        let s = snippet(&text, &terms("needle"));
        assert!(
            s.text.starts_with('…') && s.text.ends_with('…'),
            "{}",
            s.text
        );
        assert!(s.marked("[", "]").contains("[needle]"));
        assert!(s.text.chars().count() < 3 * SNIPPET_CONTEXT + 10);
    }
}
