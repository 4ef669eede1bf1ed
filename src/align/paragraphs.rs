//! Paragraphs of paired turns paired by length, after Gale and Church (1993): a translation
//! is about as long as its source, give or take a spread that grows with the length, so
//! the likeliest grouping of paragraphs is the one whose lengths agree best. One paragraph
//! may pair with two (a translator split or joined it), or with none.

/// How one group of paragraphs pairs: counts taken from each side.
const MOVES: [(usize, usize); 5] = [(1, 1), (1, 0), (0, 1), (2, 1), (1, 2)];

/// How often each move is seen in translated text (Gale and Church's figures), in the
/// order of [`MOVES`].
const PRIORS: [f64; 5] = [0.89, 0.0099 / 2.0, 0.0099 / 2.0, 0.089 / 2.0, 0.089 / 2.0];

/// The spread of the length of a translation per character of source (Gale and Church).
const VARIANCE: f64 = 6.8;

/// One row of paired paragraphs: a range of paragraph indexes on each side (either may be
/// empty, never both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParagraphPair {
    /// Indexes into the first side's paragraphs.
    pub a: std::ops::Range<usize>,
    /// Indexes into the second side's paragraphs.
    pub b: std::ops::Range<usize>,
}

/// Pairs two lists of paragraph lengths (in characters), in order.
pub fn pair_paragraphs(a: &[usize], b: &[usize]) -> Vec<ParagraphPair> {
    let (n, m) = (a.len(), b.len());
    let total_a: usize = a.iter().sum();
    let total_b: usize = b.iter().sum();
    // The expected length of a translation per character of source, for this pair of turns.
    #[allow(clippy::cast_precision_loss)]
    let ratio = if total_a == 0 || total_b == 0 {
        1.0
    } else {
        total_b as f64 / total_a as f64
    };
    let width = m + 1;
    let mut cost = vec![f64::INFINITY; (n + 1) * width];
    let mut back = vec![usize::MAX; (n + 1) * width];
    cost[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let here = cost[i * width + j];
            if !here.is_finite() {
                continue;
            }
            for (k, &(da, db)) in MOVES.iter().enumerate() {
                let (ni, nj) = (i + da, j + db);
                if ni > n || nj > m {
                    continue;
                }
                let la: usize = a[i..ni].iter().sum();
                let lb: usize = b[j..nj].iter().sum();
                let c = here + move_cost(la, lb, ratio, PRIORS[k]);
                let at = ni * width + nj;
                if c < cost[at] {
                    cost[at] = c;
                    back[at] = k;
                }
            }
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let Some(&(da, db)) = MOVES.get(back[i * width + j]) else {
            break;
        };
        pairs.push(ParagraphPair {
            a: i - da..i,
            b: j - db..j,
        });
        i -= da;
        j -= db;
    }
    pairs.reverse();
    pairs
}

/// The cost (a negative log likelihood) of pairing `la` characters with `lb`.
fn move_cost(la: usize, lb: usize, ratio: f64, prior: f64) -> f64 {
    #[allow(clippy::cast_precision_loss)]
    let (la, lb) = (la as f64, lb as f64);
    let mean = (la + lb / ratio) / 2.0;
    let delta = if mean > 0.0 {
        (lb - la * ratio) / (mean * VARIANCE).sqrt()
    } else {
        0.0
    };
    minus_log_two_tails(delta.abs()) - prior.ln()
}

/// −ln P(|X| ≥ x) for a standard normal X, i.e. −ln erfc(x/√2), from Abramowitz and
/// Stegun 7.1.26 (erfc z ≈ t·poly(t)·e^(−z²)): taken in logs, it neither underflows nor
/// flattens for lengths far apart, so a worse pairing always costs more.
fn minus_log_two_tails(x: f64) -> f64 {
    let z = x / std::f64::consts::SQRT_2;
    let t = 1.0 / (1.0 + 0.327_591_1 * z);
    let poly = t
        * (0.254_829_592
            + t * (-0.284_496_736
                + t * (1.421_413_741 + t * (-1.453_152_027 + t * 1.061_405_429))));
    z * z - poly.ln()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_lists_pair_one_to_one() {
        let pairs = pair_paragraphs(&[100, 40, 300], &[100, 40, 300]);
        assert_eq!(pairs.len(), 3);
        assert!(
            pairs
                .iter()
                .enumerate()
                .all(|(k, p)| p.a == (k..k + 1) && p.b == (k..k + 1))
        );
    }

    #[test]
    fn a_paragraph_split_in_two_pairs_one_to_two() {
        let pairs = pair_paragraphs(&[200, 400, 150], &[210, 190, 220, 160]);
        assert_eq!(pairs.len(), 3, "{pairs:?}");
        assert_eq!(pairs[1], ParagraphPair { a: 1..2, b: 1..3 });
    }

    #[test]
    fn two_paragraphs_joined_pair_two_to_one() {
        let pairs = pair_paragraphs(&[130, 230, 280, 100], &[120, 500, 90]);
        assert_eq!(pairs[1], ParagraphPair { a: 1..3, b: 1..2 }, "{pairs:?}");
    }

    #[test]
    fn tails_are_right_and_never_flatten() {
        assert!(minus_log_two_tails(0.0).abs() < 1e-6);
        assert!((minus_log_two_tails(1.96) - (0.05f64).ln().abs()).abs() < 1e-3);
        assert!(minus_log_two_tails(40.0) < minus_log_two_tails(41.0));
    }
}
