//! An alignment written out for `stenogram align`: a readable table, or JSON for tools.

use serde::Serialize;

use super::{Alignment, Row, Side};
use crate::format::{plural, shorten};
use crate::model::{SpeechId, Transcript};

/// One version as the report names it.
pub struct Version<'a> {
    /// The file as the user gave it.
    pub path: &'a str,
    /// The transcript read from it.
    pub transcript: &'a Transcript,
}

/// One side of a row in the JSON report.
#[derive(Serialize)]
struct SideJson {
    /// The speaker, as that version names them.
    speaker: String,
    /// The speeches, numbered from 1 as everywhere on the command line.
    speeches: Vec<SpeechJson>,
}

/// One speech of a row: its number and the paragraphs it gives (first and last, from 1).
#[derive(Serialize)]
struct SpeechJson {
    number: usize,
    paragraphs: [usize; 2],
}

#[derive(Serialize)]
struct RowJson {
    a: Option<SideJson>,
    b: Option<SideJson>,
    /// "only_a", "only_b", "split", "shorter_a", "shorter_b": what is worth a look.
    marks: Vec<&'static str>,
}

#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    title: &'a str,
    language: &'a str,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    a: FileJson<'a>,
    b: FileJson<'a>,
    rows: Vec<RowJson>,
    summary: &'a super::Summary,
}

/// The JSON report: both files, every row and the summary.
pub fn to_json(a: &Version<'_>, b: &Version<'_>, al: &Alignment) -> String {
    let report = ReportJson {
        a: file_json(a),
        b: file_json(b),
        rows: al
            .rows
            .iter()
            .map(|r| RowJson {
                a: side_json(a.transcript, &r.a),
                b: side_json(b.transcript, &r.b),
                marks: marks(r),
            })
            .collect(),
        summary: &al.summary,
    };
    let mut out = serde_json::to_string_pretty(&report).unwrap_or_default();
    out.push('\n');
    out
}

/// The readable report: a line per row, the two sides in columns, then the summary.
pub fn to_text(a: &Version<'_>, b: &Version<'_>, al: &Alignment) -> String {
    const COLUMN: usize = 44;
    let mut out = String::new();
    for (letter, v) in [("A", a), ("B", b)] {
        out.push_str(&format!(
            "{letter}: {} — {} ({})\n",
            v.path,
            shorten(&v.transcript.title, 60),
            v.transcript.language
        ));
    }
    out.push('\n');
    for (k, r) in al.rows.iter().enumerate() {
        let left = side_text(a.transcript, &r.a);
        let right = side_text(b.transcript, &r.b);
        let pad = COLUMN.saturating_sub(left.chars().count());
        let marks = marks(r).join(", ");
        out.push_str(&format!(
            "{:>4}  {left}{:pad$}  {right}{}\n",
            k + 1,
            "",
            if marks.is_empty() {
                String::new()
            } else {
                format!("   [{marks}]")
            },
        ));
    }
    let s = &al.summary;
    out.push_str(&format!(
        "\n{} paired ({} split), {} only in A, {} only in B; {}.\n",
        plural(s.paired, "turn", "turns"),
        s.split,
        s.only_a,
        s.only_b,
        plural(
            s.shorter,
            "paragraph much shorter on one side",
            "paragraphs much shorter on one side"
        ),
    ));
    out
}

fn file_json<'a>(v: &Version<'a>) -> FileJson<'a> {
    FileJson {
        path: v.path,
        title: &v.transcript.title,
        language: &v.transcript.language,
    }
}

/// What is worth a look in a row.
fn marks(r: &Row) -> Vec<&'static str> {
    let mut marks = Vec::new();
    match r.only() {
        Some(Side::A) => marks.push("only_a"),
        Some(Side::B) => marks.push("only_b"),
        None if r.a.len() != r.b.len() => marks.push("split"),
        None => {}
    }
    for side in [Side::A, Side::B] {
        if r.paragraphs.iter().any(|p| p.shorter == Some(side)) {
            marks.push(if side == Side::A {
                "shorter_a"
            } else {
                "shorter_b"
            });
        }
    }
    marks
}

fn side_json(t: &Transcript, ids: &[SpeechId]) -> Option<SideJson> {
    let first = t.speech(*ids.first()?)?;
    Some(SideJson {
        speaker: t
            .participant(first.speaker)
            .map(|p| p.display_name().to_owned())
            .unwrap_or_default(),
        speeches: ids
            .iter()
            .filter_map(|&id| t.speech(id))
            .map(|s| SpeechJson {
                number: s.id.index() + 1,
                paragraphs: [1, s.paragraphs.len().max(1)],
            })
            .collect(),
    })
}

/// "§3 Andrei Velsky ¶1–4" (and "+ §4 ¶1–2" for a second speech), or "—".
fn side_text(t: &Transcript, ids: &[SpeechId]) -> String {
    let Some(side) = side_json(t, ids) else {
        return "—".to_owned();
    };
    let mut out = String::new();
    for (k, s) in side.speeches.iter().enumerate() {
        let range = match s.paragraphs {
            [1, 1] => "¶1".to_owned(),
            [x, y] => format!("¶{x}–{y}"),
        };
        if k == 0 {
            out.push_str(&format!(
                "§{} {} {range}",
                s.number,
                shorten(&side.speaker, 24)
            ));
        } else {
            out.push_str(&format!(" + §{} {range}", s.number));
        }
    }
    out
}
