//! SubRip (SRT): numbered cues separated by blank lines, each a number, a timing line with
//! commas before the milliseconds, and the cue text.
//!
//! ```text
//! 1
//! 00:00:01,000 --> 00:00:04,000
//! Ana Petrova: Good morning, everyone.
//! ```

use super::cues::Cue;
use super::timing::{is_timing, parse_timing};
use crate::error::ErrorKind;

/// The format's name in errors.
const FORMAT: &str = "SRT";

/// How many lines at the start of a file the check looks at.
const SNIFF_LINES: usize = 4;

/// Whether `text` is SRT: its first non-blank line is a cue number and the line under it
/// a timing line (or the first line is a timing line itself).
pub(crate) fn is_srt(text: &str) -> bool {
    let mut lines = text
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take(SNIFF_LINES);
    let (Some(first), second) = (lines.next(), lines.next()) else {
        return false;
    };
    let numbered =
        !first.is_empty() && first.len() <= 9 && first.bytes().all(|b| b.is_ascii_digit());
    let timed = |l: &str| is_timing(l) && parse_timing(FORMAT, l, 1).is_ok();
    (numbered && second.is_some_and(timed)) || timed(first)
}

/// The cues of an SRT file, in order.
pub(crate) fn read_cues(text: &str) -> Result<Vec<Cue>, ErrorKind> {
    let mut cues = Vec::new();
    for block in blocks(text) {
        let Some(&(number, first)) = block.first() else {
            continue;
        };
        let timing_at = usize::from(!is_timing(first));
        let Some(&(timing_line, timing)) = block.get(timing_at) else {
            return Err(ErrorKind::Malformed {
                format: FORMAT.to_owned(),
                line: number,
                column: 1,
                message: "a cue number without a timing line under it".to_owned(),
            });
        };
        if timing_at == 1 && !is_timing(timing) {
            return Err(ErrorKind::Malformed {
                format: FORMAT.to_owned(),
                line: timing_line,
                column: 1,
                message: "expected a cue timing such as 00:00:01,000 --> 00:00:04,000".to_owned(),
            });
        }
        let (start, end) = parse_timing(FORMAT, timing, timing_line)?;
        let text: Vec<&str> = block
            .get(timing_at + 1..)
            .unwrap_or_default()
            .iter()
            .map(|&(_, l)| l)
            .collect();
        cues.push(Cue {
            start,
            end,
            text: text.join("\n"),
            speaker: None,
            plain: false,
        });
    }
    Ok(cues)
}

/// The blocks of a subtitle file: runs of non-blank lines, each line with its 1-based
/// number.
pub(crate) fn blocks(text: &str) -> impl Iterator<Item = Vec<(usize, &str)>> {
    let mut lines = text.lines().enumerate().peekable();
    std::iter::from_fn(move || {
        while lines.next_if(|(_, l)| l.trim().is_empty()).is_some() {}
        let mut block = Vec::new();
        while let Some((i, line)) = lines.next_if(|(_, l)| !l.trim().is_empty()) {
            block.push((i + 1, line.trim_end()));
        }
        (!block.is_empty()).then_some(block)
    })
}
