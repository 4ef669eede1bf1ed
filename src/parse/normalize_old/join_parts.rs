//! Hard-wrapped lines joined in two parts at once, as the blocks are built (see
//! `build::split`). The second part starts at a line of text after a blank line past the
//! middle: no paragraph is open there, whatever came before. It is joined with no speaker
//! label known, noting each verdict that asked for one; the first part is joined meanwhile.
//! When knowing the first part's labels changes none of those verdicts, the second part is
//! exactly what joining on would have given, and is put after the first. Otherwise the first
//! part joins on, and the second is dropped.

use super::{Buf, Joiner, Line, MAX_KNOWN_LABELS, Placed, State, Texts, join_wrapped};
use crate::parse::parallel;
use crate::parse::turns::{Misses, TurnDetector};

/// Lines looked at past the middle for a place to start the second part.
const CUT_SEARCH: usize = 4096;

/// The second part, joined on its own.
pub(super) struct Later {
    placed: Vec<Placed>,
    joined: String,
    misses: Misses,
}

/// [`join_wrapped`] in two parts when there is a place to cut; the second part's paragraphs
/// are written to `out_later`.
pub(super) fn join(
    lines: Vec<Line>,
    texts: Texts<'_>,
    width: usize,
    out: &mut String,
    out_later: &mut String,
) -> (Vec<Placed>, Vec<Placed>) {
    let Some(cut) = find_cut(&lines) else {
        return (join_wrapped(lines, texts, width, out), Vec::new());
    };
    let (placed, later, _) = join_at(&lines, cut, texts, width, out, out_later);
    (placed, later)
}

/// The joined lines with the second part from line `cut` on: the places of the lines of
/// the first part and of the second, when it was kept (none otherwise), and whether it was.
fn join_at(
    lines: &[Line],
    cut: usize,
    texts: Texts<'_>,
    width: usize,
    out: &mut String,
    out_later: &mut String,
) -> (Vec<Placed>, Vec<Placed>, bool) {
    let mut joiner = Joiner::new(texts, width, Buf::Joined, TurnDetector::default());
    // Room for every line: capacity never written costs no memory.
    let mut result = Vec::with_capacity(lines.len());
    let (later, ()) = parallel::join(
        true,
        || join_later(lines, cut, texts, width),
        || {
            for (i, line) in lines.iter().enumerate().take(cut) {
                result.extend(joiner.step(i, line, out));
            }
        },
    );
    if joiner.takes(&later) {
        joiner.finish(out, &mut result);
        *out_later = later.joined;
        // Left in a list of its own: the builder's lines are made from each list in its
        // own memory (see `Buffers::lines`).
        return (result, later.placed, true);
    }
    for (i, line) in lines.iter().enumerate().skip(cut) {
        result.extend(joiner.step(i, line, out));
    }
    joiner.finish(out, &mut result);
    (result, Vec::new(), false)
}

/// The first line of text after a blank line from a little past the middle on (the second
/// part's memory is all new to the process).
fn find_cut(lines: &[Line]) -> Option<usize> {
    let middle = (lines.len() / 7 * 4).max(1);
    (middle..lines.len()).take(CUT_SEARCH).find(|&cut| {
        lines.get(cut).is_some_and(|l| l.state == State::Text)
            && lines.get(cut - 1).is_some_and(|l| l.state == State::Blank)
    })
}

/// Joins the lines from `cut` on, knowing no label.
fn join_later(lines: &[Line], cut: usize, texts: Texts<'_>, width: usize) -> Later {
    let mut joiner = Joiner::new(texts, width, Buf::JoinedLater, TurnDetector::from_middle());
    let mut joined = String::new();
    let mut placed = Vec::with_capacity(lines.len().saturating_sub(cut));
    for (i, line) in lines.iter().enumerate().skip(cut) {
        placed.extend(joiner.step(i, line, &mut joined));
    }
    let turns = joiner.finish(&joined, &mut placed);
    Later {
        placed,
        joined,
        misses: turns.into_misses(),
    }
}

impl Joiner<'_> {
    /// Whether `later`, joined from the line after the blank line this joiner stopped at,
    /// reads as it would after this joiner's lines: no paragraph is open, the labels both
    /// parts remember stay under the joiner's limit, and knowing this joiner's labels
    /// changes none of the later part's verdicts.
    fn takes(&self, later: &Later) -> bool {
        self.pending.is_none()
            && self.turns.known_count() + later.misses.learned_count() < MAX_KNOWN_LABELS
            && self.turns.agrees_after(&later.misses)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        clean_lines, drop_page_breaks, remove_page_furniture, split_lines, wrap_width,
    };
    use super::*;

    /// The lines of `text` joined (at the wrap width, or 60 characters when it is not
    /// hard-wrapped), with the second part from `cut` on (none: in one part), as line
    /// numbers and texts; and whether the second part was kept.
    fn joined(text: &str, cut: Option<usize>) -> (Vec<(usize, String)>, bool) {
        let (mut lines, rebuilt, margin) = clean_lines(text);
        let texts = Texts::cleaned(text, &rebuilt);
        remove_page_furniture(&mut lines, texts, true, margin);
        drop_page_breaks(&mut lines);
        let width = wrap_width(&lines, texts).unwrap_or(60);
        let (mut out, mut out_later) = (String::new(), String::new());
        let (placed, later, kept) = match cut {
            Some(cut) => join_at(&lines, cut, texts, width, &mut out, &mut out_later),
            None => (
                join_wrapped(lines, texts, width, &mut out),
                Vec::new(),
                false,
            ),
        };
        let texts = Texts {
            joined: &out,
            joined_later: &out_later,
            ..texts
        };
        let lines = placed
            .iter()
            .chain(&later)
            .map(|p| (p.number, texts.get(p.place).to_owned()))
            .collect();
        (lines, kept)
    }

    fn line_count(text: &str) -> usize {
        split_lines(text).0.len()
    }

    fn fixtures() -> Vec<String> {
        let fixtures = crate::parse::FIXTURES;
        let mut texts: Vec<String> = fixtures.iter().map(|f| (*f).to_owned()).collect();
        // Labels met before a cut in another document.
        texts.push(fixtures.concat());
        let hearing = include_str!("../../../tests/fixtures/hearing_en.txt");
        texts.push(hearing.replace('\n', "\r\n"));
        texts
    }

    #[test]
    fn a_cut_anywhere_joins_the_same_lines() {
        let (mut kept, mut places) = (0, 0);
        for text in fixtures() {
            let (whole, _) = joined(&text, None);
            let (lines, _) = split_lines(&text);
            for cut in 0..=line_count(&text) {
                let (parts, was_kept) = joined(&text, Some(cut));
                assert!(
                    parts == whole,
                    "a cut at line {cut} changed the joined lines"
                );
                kept += usize::from(was_kept);
            }
            places += (1..lines.len())
                .filter(|&c| lines[c].state == State::Text && lines[c - 1].state == State::Blank)
                .count();
        }
        // Most cuts after a blank line are kept: the two parts were really put together.
        assert!(kept * 3 >= places * 2, "only {kept} cuts kept of {places}");
    }

    #[test]
    fn a_later_part_that_missed_a_label_is_joined_again() {
        // Inside a paragraph a surname alone opens a turn only once a label with it is
        // known: the second part, from "ANNA BERG:", does not know "IVO MARES".
        let line = "and the committee will hear the witnesses on the matter of the";
        let text = format!(
            "IVO MARES: We open the session on roads\n{line}\nbudget today.\n\n\
             ANNA BERG: Thank you.\n\n\
             ANNA BERG: I will be brief\n{line}\nMARES: Yes, go on.\n"
        );
        let (whole, _) = joined(&text, None);
        assert!(
            whole.iter().any(|(_, l)| l.starts_with("MARES:")),
            "{whole:?}"
        );
        let cut = split_lines(&text)
            .0
            .iter()
            .position(|l| l.state == State::Text && l.chars == 21)
            .expect("the line is there");
        let (parts, kept) = joined(&text, Some(cut));
        assert!(!kept, "a part that missed a known surname was kept");
        assert_eq!(parts, whole);
    }

    proptest::proptest! {
        /// Any document made of these lines, cut anywhere, joins as in one part.
        #[test]
        fn a_cut_changes_no_join(
            picks in proptest::collection::vec(proptest::sample::select(vec![
                "IVO MARES: We open the session on roads and", "MARES: Yes.",
                "ANNA BERG: Thanks.", "Anna Berg: Thanks, and then we", "Berg: Indeed.",
                "Q Why now, and why", "A. Because.", "Q", "A",
                "the committee will hear the witnesses on the matter of",
                "inter-", "national roads.", "Page 3", "- 4 -", "THE WITNESS:",
                "<…>", "* * *", "1 The delegations. Photo: Lev Orlov", "", "", "",
            ]), 0..40),
            cut in 0usize..60,
        ) {
            let text = picks.join("\n");
            let (whole, _) = joined(&text, None);
            let (parts, _) = joined(&text, Some(cut));
            proptest::prop_assert_eq!(parts, whole);
        }
    }
}
