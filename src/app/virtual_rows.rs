//! Arithmetic for virtualised lists: rows at known offsets, of which only those inside the
//! viewport are laid out.

use std::ops::Range;

/// Top offset of every row plus the total height at the end (`offsets.len() == rows + 1`).
#[derive(Clone, Debug, Default)]
pub struct Offsets {
    tops: Vec<f32>,
}

impl Offsets {
    /// Offsets for rows of the given heights, with `gap` between rows.
    pub fn from_heights(heights: impl IntoIterator<Item = f32>, gap: f32) -> Self {
        let mut tops = vec![0.0];
        let mut y = 0.0;
        for h in heights {
            y += h.max(0.0) + gap;
            tops.push(y);
        }
        Self { tops }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.tops.len().saturating_sub(1)
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Total height.
    pub fn total(&self) -> f32 {
        self.tops.last().copied().unwrap_or(0.0)
    }

    /// Top of row `i` (the total height past the end).
    pub fn top(&self, i: usize) -> f32 {
        self.tops.get(i).copied().unwrap_or_else(|| self.total())
    }

    /// The rows that overlap `min..max` (content coordinates).
    pub fn visible(&self, min: f32, max: f32) -> Range<usize> {
        let n = self.len();
        // First row whose bottom is below `min`.
        let first = self
            .tops
            .partition_point(|t| *t <= min)
            .saturating_sub(1)
            .min(n);
        let end = self.tops.partition_point(|t| *t < max).min(n);
        first..end.max(first)
    }

    /// The row at content offset `y`.
    pub fn row_at(&self, y: f32) -> Option<usize> {
        let range = self.visible(y, y + 1.0);
        (!range.is_empty()).then_some(range.start)
    }
}

/// The scroll offset that brings row `i` into a viewport showing `view` (content
/// coordinates), or `None` when it is already wholly visible. A row that must move is
/// placed `margin` below the top.
pub fn scroll_into_view(offsets: &Offsets, i: usize, view: Range<f32>, margin: f32) -> Option<f32> {
    let top = offsets.top(i);
    let bottom = offsets.top(i + 1);
    let fits = top >= view.start && bottom <= view.end;
    (!fits).then(|| (top - margin).max(0.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_rows_overlap_the_viewport() {
        let o = Offsets::from_heights([10.0, 10.0, 10.0, 10.0], 0.0);
        assert_eq!(o.total(), 40.0);
        assert_eq!(o.visible(0.0, 15.0), 0..2);
        assert_eq!(o.visible(10.0, 20.0), 1..2);
        assert_eq!(o.visible(35.0, 100.0), 3..4);
        assert_eq!(o.row_at(25.0), Some(2));
        assert!(Offsets::from_heights([], 0.0).visible(0.0, 10.0).is_empty());
    }

    #[test]
    fn scrolls_only_when_the_row_is_not_in_view() {
        let o = Offsets::from_heights([10.0; 10], 0.0);
        assert_eq!(scroll_into_view(&o, 2, 0.0..50.0, 4.0), None);
        assert_eq!(scroll_into_view(&o, 7, 0.0..50.0, 4.0), Some(66.0));
    }
}
