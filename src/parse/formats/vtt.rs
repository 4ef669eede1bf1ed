//! WebVTT: a `WEBVTT` line, then blocks separated by blank lines. A cue block has an
//! optional identifier line, a timing line and the cue text; `NOTE`, `STYLE` and `REGION`
//! blocks are skipped.
//!
//! ```text
//! WEBVTT
//!
//! 00:00:01.000 --> 00:00:04.000
//! <v Ana Petrova>Good morning, everyone.
//! ```

use super::cues::Cue;
use super::timing::{is_timing, parse_timing};
use crate::error::ErrorKind;

/// The format's name in errors.
const FORMAT: &str = "WebVTT";

/// Whether `text` is WebVTT: its first line starts with `WEBVTT`.
pub(crate) fn is_vtt(text: &str) -> bool {
    text.trim_start_matches('\u{feff}')
        .strip_prefix("WEBVTT")
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\n']))
}

/// The cues of a WebVTT file, in order.
pub(crate) fn read_cues(text: &str) -> Result<Vec<Cue>, ErrorKind> {
    let mut cues = Vec::new();
    let mut blocks = super::srt::blocks(text);
    // The header block: `WEBVTT` and any header lines under it.
    blocks.next();
    for block in blocks {
        let Some(&(number, first)) = block.first() else {
            continue;
        };
        let keyword = first.split_whitespace().next().unwrap_or("");
        if matches!(keyword, "NOTE" | "STYLE" | "REGION") && !is_timing(first) {
            continue;
        }
        let timing_at = usize::from(!is_timing(first));
        let Some(&(timing_line, timing)) = block.get(timing_at) else {
            return Err(ErrorKind::Malformed {
                format: FORMAT.to_owned(),
                line: number,
                column: 1,
                message: "a cue identifier without a timing line under it".to_owned(),
            });
        };
        if timing_at == 1 && !is_timing(timing) {
            return Err(ErrorKind::Malformed {
                format: FORMAT.to_owned(),
                line: number,
                column: 1,
                message: "neither this line nor the next is a cue timing such as \
                          00:00:01.000 --> 00:00:04.000"
                    .to_owned(),
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
