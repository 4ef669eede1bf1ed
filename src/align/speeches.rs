//! Turns of two versions paired in order: by speaker (names matched across scripts), and by
//! length, allowing a turn found in only one version and one turn given as two.

use std::ops::Range;

use super::people::Kinship;

/// What pairing needs to know of one turn.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    /// Who speaks (the participant's index in its own version).
    pub speaker: usize,
    /// Characters spoken (characters, not bytes: Cyrillic takes two bytes a letter).
    pub chars: usize,
}

/// One row of paired turns: a range of turn indexes on each side (one side may be empty).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TurnPair {
    /// Indexes into the first version's speeches.
    pub a: Range<usize>,
    /// Indexes into the second version's speeches.
    pub b: Range<usize>,
}

/// Turns taken from each side by one step: paired, only in one, or one given as two
/// (a turn cut by a photo or a heading in one version only).
const MOVES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

/// A turn found in one version only.
const GAP: f32 = 2.0;
/// Two turns of one speaker given as one in the other version.
const SPLIT: f32 = 1.0;
/// Two speakers whose names cannot be compared (generic, or role only).
const UNKNOWN_SPEAKERS: f32 = 1.0;
/// Two speakers with different names: a pairing only strong lengths can justify, for names
/// the match does not know (a Ukrainian and a Russian form of one given name).
const DIFFERENT_SPEAKERS: f32 = 3.5;
/// Characters added to both lengths before comparing them, so that two one-line turns of
/// different lengths still look alike.
const LENGTH_SLACK: f32 = 50.0;

/// Above this many cells the table of choices would take too much memory (one byte a cell):
/// the turns are then paired in order.
const MAX_CELLS: usize = 64 * 1024 * 1024;

/// Pairs the turns of two versions. `kin(i, j)` says how the speakers of turn `i` of the
/// first and turn `j` of the second relate. The rows cover every turn of both, in order.
pub fn pair_turns(a: &[Turn], b: &[Turn], kin: impl Fn(usize, usize) -> Kinship) -> Vec<TurnPair> {
    let (n, m) = (a.len(), b.len());
    if (n + 1).saturating_mul(m + 1) > MAX_CELLS {
        return in_order(n, m);
    }
    #[allow(clippy::cast_precision_loss)]
    let ratio = {
        let ta: usize = a.iter().map(|t| t.chars).sum();
        let tb: usize = b.iter().map(|t| t.chars).sum();
        if ta == 0 || tb == 0 {
            1.0
        } else {
            tb as f32 / ta as f32
        }
    };
    let width = m + 1;
    // The costs of the last three rows (a two-turn step looks two rows back), and every
    // choice made, to trace the best path back.
    let mut rows = vec![vec![f32::INFINITY; width]; 3];
    let mut back = vec![u8::MAX; (n + 1) * width];
    for i in 0..=n {
        let (done, current) = rows.split_at_mut(2);
        let current = &mut current[0];
        current.fill(f32::INFINITY);
        for j in 0..=m {
            if i == 0 && j == 0 {
                current[0] = 0.0;
                continue;
            }
            for (k, &(da, db)) in MOVES.iter().enumerate() {
                if da > i || db > j {
                    continue;
                }
                let before = match da {
                    0 => current[j - db],
                    1 => done[1][j - db],
                    _ => done[0][j - db],
                };
                if !before.is_finite() {
                    continue;
                }
                let Some(step) = step_cost(a, b, i - da..i, j - db..j, ratio, &kin) else {
                    continue;
                };
                if before + step < current[j] {
                    current[j] = before + step;
                    back[i * width + j] = u8::try_from(k).unwrap_or(u8::MAX);
                }
            }
        }
        rows.rotate_left(1);
    }
    trace(&back, n, m)
}

/// The cost of one step, `None` when the step is not allowed (two turns of different
/// speakers taken as one).
fn step_cost(
    a: &[Turn],
    b: &[Turn],
    ra: Range<usize>,
    rb: Range<usize>,
    ratio: f32,
    kin: &impl Fn(usize, usize) -> Kinship,
) -> Option<f32> {
    let (ta, tb) = (&a[ra.clone()], &b[rb.clone()]);
    match (ta, tb) {
        ([], _) | (_, []) => Some(GAP),
        ([x], [y]) => {
            Some(speaker_cost(kin(ra.start, rb.start)) + length_cost(x.chars, y.chars, ratio))
        }
        ([x, x2], [y]) if x.speaker == x2.speaker => Some(
            SPLIT
                + speaker_cost(kin(ra.start, rb.start))
                + length_cost(x.chars + x2.chars, y.chars, ratio),
        ),
        ([x], [y, y2]) if y.speaker == y2.speaker => Some(
            SPLIT
                + speaker_cost(kin(ra.start, rb.start))
                + length_cost(x.chars, y.chars + y2.chars, ratio),
        ),
        _ => None,
    }
}

fn speaker_cost(kin: Kinship) -> f32 {
    match kin {
        Kinship::Same => 0.0,
        Kinship::Unknown => UNKNOWN_SPEAKERS,
        Kinship::Different => DIFFERENT_SPEAKERS,
    }
}

/// How far apart two lengths are, once the second is scaled back by the versions' ratio:
/// the log of their quotient (twice as long costs 0.69).
#[allow(clippy::cast_precision_loss)]
fn length_cost(la: usize, lb: usize, ratio: f32) -> f32 {
    ((lb as f32 + LENGTH_SLACK) / (la as f32 * ratio + LENGTH_SLACK))
        .ln()
        .abs()
}

/// The rows of the best path, from the table of choices.
fn trace(back: &[u8], n: usize, m: usize) -> Vec<TurnPair> {
    let width = m + 1;
    let mut rows = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(&(da, db)) = back
            .get(i * width + j)
            .and_then(|&k| MOVES.get(usize::from(k)))
        else {
            break;
        };
        rows.push(TurnPair {
            a: i - da..i,
            b: j - db..j,
        });
        i -= da;
        j -= db;
    }
    rows.reverse();
    rows
}

/// Turns paired one to one in order, the longer side's rest alone.
fn in_order(n: usize, m: usize) -> Vec<TurnPair> {
    (0..n.max(m))
        .map(|k| TurnPair {
            a: if k < n { k..k + 1 } else { n..n },
            b: if k < m { k..k + 1 } else { m..m },
        })
        .collect()
}
