//! Two versions of one event (Russian and English, French and English…) aligned turn by
//! turn: speeches paired by speaker, order and length, allowing a turn found in one version
//! only and a turn given as two; paragraphs of paired turns paired by length (Gale–Church);
//! photos by number; people by name across scripts. A pure function of the two
//! transcripts, for the two-column reader and `stenogram align`.

mod paragraphs;
mod people;
pub mod report;
mod speeches;

#[cfg(test)]
mod tests;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use crate::model::{ParticipantId, PhotoId, SpeechId, Transcript};

pub use paragraphs::{ParagraphPair, pair_paragraphs};
pub use people::Kinship;
pub use speeches::{Turn, TurnPair, pair_turns};

/// One of the two versions.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The first version given.
    A,
    /// The second.
    B,
}

/// A paragraph of a speech: the speech and the paragraph's index in it.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, Serialize)]
pub struct ParagraphRef {
    /// The speech.
    pub speech: SpeechId,
    /// Index into its paragraphs.
    pub paragraph: usize,
}

/// Paragraphs that say the same thing in the two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ParagraphRow {
    /// The first version's paragraphs (none when it has nothing here).
    pub a: Vec<ParagraphRef>,
    /// The second version's.
    pub b: Vec<ParagraphRef>,
    /// The side that is much shorter than the other says (a condensed passage), if any.
    pub shorter: Option<Side>,
}

/// One row of the aligned reading: the speeches of each version that say the same thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    /// The first version's speeches here (none: a turn found only in the second).
    pub a: Vec<SpeechId>,
    /// The second version's.
    pub b: Vec<SpeechId>,
    /// Their paragraphs, paired.
    pub paragraphs: Vec<ParagraphRow>,
}

impl Row {
    /// The side that has this row's turn alone, if only one does.
    pub fn only(&self) -> Option<Side> {
        match (self.a.is_empty(), self.b.is_empty()) {
            (false, true) => Some(Side::A),
            (true, false) => Some(Side::B),
            _ => None,
        }
    }
}

/// Two photos with the same number.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PhotoRow {
    /// The printed number.
    pub number: u32,
    /// The first version's photo with that number.
    pub a: Option<PhotoId>,
    /// The second's.
    pub b: Option<PhotoId>,
}

/// Counts for a summary line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Rows with turns on both sides.
    pub paired: usize,
    /// Turns found only in the first version.
    pub only_a: usize,
    /// Turns found only in the second.
    pub only_b: usize,
    /// Rows where one version gives as two turns what the other gives as one.
    pub split: usize,
    /// Paragraph rows where one side is much shorter.
    pub shorter: usize,
}

/// Two versions aligned.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Alignment {
    /// The reading, row by row, covering every speech of both versions in order.
    pub rows: Vec<Row>,
    /// Participants who are one person in the two versions.
    pub people: Vec<(ParticipantId, ParticipantId)>,
    /// Photos paired by number, in number order.
    pub photos: Vec<PhotoRow>,
    /// What the rows add up to.
    pub summary: Summary,
}

impl Alignment {
    /// Paragraph row `g` of row `r`, where there is one.
    pub fn paragraph_row(&self, r: usize, g: usize) -> Option<&ParagraphRow> {
        self.rows.get(r).and_then(|row| row.paragraphs.get(g))
    }

    /// The counterpart of a participant of `side` in the other version.
    pub fn counterpart(&self, side: Side, who: ParticipantId) -> Option<ParticipantId> {
        self.people.iter().find_map(|&(a, b)| match side {
            Side::A if a == who => Some(b),
            Side::B if b == who => Some(a),
            _ => None,
        })
    }

    /// The row that holds a speech of `side`.
    pub fn row_of_speech(&self, side: Side, speech: SpeechId) -> Option<usize> {
        self.rows.iter().position(|r| match side {
            Side::A => r.a.contains(&speech),
            Side::B => r.b.contains(&speech),
        })
    }
}

/// A paragraph much shorter than its counterpart (once the versions' overall length
/// ratio is taken out) is marked: below this share of the expected length.
const SHARE_OF_EXPECTED: f64 = 0.5;

/// Aligns two versions of one event.
pub fn align(a: &Transcript, b: &Transcript) -> Alignment {
    let (keys_a, keys_b) = (people::Keys::of(a), people::Keys::of(b));
    let kin = |ia: ParticipantId, ib: ParticipantId| people::kinship(&keys_a, ia, &keys_b, ib);
    let turns = |t: &Transcript| -> Vec<Turn> {
        t.speeches
            .iter()
            .map(|s| Turn {
                speaker: s.speaker.index(),
                chars: s.paragraphs.iter().map(|p| p.chars().count()).sum(),
            })
            .collect()
    };
    let pairs = pair_turns(&turns(a), &turns(b), |i, j| {
        match (a.speeches.get(i), b.speeches.get(j)) {
            (Some(x), Some(y)) => kin(x.speaker, y.speaker),
            _ => Kinship::Unknown,
        }
    });
    let ratio = length_ratio(a, b);
    let rows: Vec<Row> = pairs.iter().map(|p| row(a, b, p, ratio)).collect();
    let people = pair_people(a, b, &rows, &kin);
    let summary = summarise(&rows);
    Alignment {
        rows,
        people,
        photos: pair_photos(a, b),
        summary,
    }
}

/// Characters of the second version per character of the first, over all speeches.
fn length_ratio(a: &Transcript, b: &Transcript) -> f64 {
    let chars = |t: &Transcript| -> usize {
        t.speeches
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| p.chars().count())
            .sum()
    };
    let (ca, cb) = (chars(a), chars(b));
    #[allow(clippy::cast_precision_loss)]
    if ca == 0 || cb == 0 {
        1.0
    } else {
        cb as f64 / ca as f64
    }
}

/// The row of one pair of turn ranges, with its paragraphs paired.
fn row(a: &Transcript, b: &Transcript, pair: &TurnPair, ratio: f64) -> Row {
    let ids = |r: &Range<usize>| -> Vec<SpeechId> { r.clone().map(SpeechId::from).collect() };
    let (sa, sb) = (ids(&pair.a), ids(&pair.b));
    let (pa, pb) = (paragraphs_of(a, &sa), paragraphs_of(b, &sb));
    let lengths = |ps: &[(ParagraphRef, usize)]| -> Vec<usize> { ps.iter().map(|p| p.1).collect() };
    let paragraphs = pair_paragraphs(&lengths(&pa), &lengths(&pb))
        .into_iter()
        .map(|pp| {
            let take =
                |ps: &[(ParagraphRef, usize)], r: Range<usize>| -> (Vec<ParagraphRef>, usize) {
                    let got = ps.get(r).unwrap_or(&[]);
                    (
                        got.iter().map(|p| p.0).collect(),
                        got.iter().map(|p| p.1).sum(),
                    )
                };
            let ((ra, la), (rb, lb)) = (take(&pa, pp.a), take(&pb, pp.b));
            let shorter = shorter_side(la, lb, ratio, !ra.is_empty() && !rb.is_empty());
            ParagraphRow {
                a: ra,
                b: rb,
                shorter,
            }
        })
        .collect();
    Row {
        a: sa,
        b: sb,
        paragraphs,
    }
}

/// Every paragraph of some speeches, with its length in characters.
fn paragraphs_of(t: &Transcript, speeches: &[SpeechId]) -> Vec<(ParagraphRef, usize)> {
    speeches
        .iter()
        .filter_map(|&id| t.speech(id))
        .flat_map(|s| {
            s.paragraphs.iter().enumerate().map(move |(k, p)| {
                (
                    ParagraphRef {
                        speech: s.id,
                        paragraph: k,
                    },
                    p.chars().count(),
                )
            })
        })
        .collect()
}

/// The side of a paragraph row much shorter than the other (see [`SHARE_OF_EXPECTED`]).
#[allow(clippy::cast_precision_loss)]
fn shorter_side(la: usize, lb: usize, ratio: f64, both: bool) -> Option<Side> {
    // Short paragraphs ("Thank you.") vary too much to say anything.
    if !both || la.max(lb) < 120 {
        return None;
    }
    // The first side's length in the second's characters.
    let (la, lb) = (la as f64 * ratio, lb as f64);
    if lb < la * SHARE_OF_EXPECTED {
        Some(Side::B)
    } else if la < lb * SHARE_OF_EXPECTED {
        Some(Side::A)
    } else {
        None
    }
}

/// People who are one person: names that match (the best match of each, when there is
/// only one), then speakers whose names cannot be compared but who speak in the same rows
/// more often than not.
fn pair_people(
    a: &Transcript,
    b: &Transcript,
    rows: &[Row],
    kin: &impl Fn(ParticipantId, ParticipantId) -> Kinship,
) -> Vec<(ParticipantId, ParticipantId)> {
    let mut pairs: Vec<(ParticipantId, ParticipantId)> = Vec::new();
    let mut taken_b: Vec<bool> = vec![false; b.participants.len()];
    for pa in &a.participants {
        let same: Vec<ParticipantId> = b
            .participants
            .iter()
            .filter(|pb| kin(pa.id, pb.id) == Kinship::Same)
            .map(|pb| pb.id)
            .collect();
        if let [only] = same.as_slice()
            && let Some(slot) = taken_b.get_mut(only.index())
            && !*slot
        {
            *slot = true;
            pairs.push((pa.id, *only));
        }
    }
    let mut votes: HashMap<(ParticipantId, ParticipantId), usize> = HashMap::new();
    for r in rows {
        if let (Some(&x), Some(&y)) = (r.a.first(), r.b.first())
            && let (Some(sx), Some(sy)) = (a.speech(x), b.speech(y))
            && kin(sx.speaker, sy.speaker) == Kinship::Unknown
        {
            *votes.entry((sx.speaker, sy.speaker)).or_default() += 1;
        }
    }
    let mut voted: Vec<_> = votes.into_iter().collect();
    voted.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    for ((x, y), _) in voted {
        let free_a = !pairs.iter().any(|p| p.0 == x);
        if free_a && taken_b.get(y.index()).is_some_and(|t| !t) {
            taken_b[y.index()] = true;
            pairs.push((x, y));
        }
    }
    pairs.sort();
    pairs
}

/// Photos paired by their printed number.
fn pair_photos(a: &Transcript, b: &Transcript) -> Vec<PhotoRow> {
    let mut numbers: Vec<u32> = a.photos.iter().chain(&b.photos).map(|p| p.number).collect();
    numbers.sort_unstable();
    numbers.dedup();
    let find = |t: &Transcript, n: u32| t.photos.iter().find(|p| p.number == n).map(|p| p.id);
    numbers
        .into_iter()
        .map(|number| PhotoRow {
            number,
            a: find(a, number),
            b: find(b, number),
        })
        .collect()
}

/// Counts the rows.
fn summarise(rows: &[Row]) -> Summary {
    let mut s = Summary::default();
    for r in rows {
        match r.only() {
            Some(Side::A) => s.only_a += 1,
            Some(Side::B) => s.only_b += 1,
            None => {
                s.paired += 1;
                if r.a.len() != r.b.len() {
                    s.split += 1;
                }
            }
        }
        s.shorter += r.paragraphs.iter().filter(|p| p.shorter.is_some()).count();
    }
    s
}
