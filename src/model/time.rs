//! Times in a recording: when a speech or a paragraph starts and ends. Subtitles,
//! speech-recognition output and some parliamentary records carry them; text has none.
//!
//! A time is kept in whole milliseconds (so the model stays `Eq` and a round trip through
//! subtitles is exact) and written in Stenogram JSON as seconds, the unit every
//! speech-recognition tool uses.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The latest time accepted from a file, in seconds (over a year): a bigger number is a
/// mistake, and it must not overflow the arithmetic on times.
const MAX_SECONDS: f64 = 40_000_000.0;

/// A moment in the recording, in milliseconds from its start.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Time(pub u64);

impl Time {
    /// The time `seconds` after the start, rounded to the millisecond; `None` for a
    /// negative, infinite or absurdly large number.
    pub fn from_seconds(seconds: f64) -> Option<Self> {
        if !seconds.is_finite() || !(0.0..=MAX_SECONDS).contains(&seconds) {
            return None;
        }
        // In range and finite: the rounded value fits a u64.
        Some(Self((seconds * 1000.0).round() as u64))
    }

    /// The time in seconds.
    pub fn seconds(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// "00:12:04": hours, minutes and seconds, as the reader shows it.
    pub fn clock(self) -> String {
        let s = self.0 / 1000;
        format!("{:02}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    }

    /// "00:12:04.500" with `separator` before the milliseconds ('.' for WebVTT, ',' for SRT).
    pub fn with_millis(self, separator: char) -> String {
        format!("{}{separator}{:03}", self.clock(), self.0 % 1000)
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_f64(self.seconds())
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let seconds = f64::deserialize(deserializer)?;
        Time::from_seconds(seconds).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a time is a number of seconds from 0 to {MAX_SECONDS}, not {seconds}"
            ))
        })
    }
}

/// When something starts and ends; either may be unknown.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// When it starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Time>,
    /// When it ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Time>,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: Time, end: Time) -> Self {
        Self {
            start: Some(start),
            end: Some(end),
        }
    }

    /// Whether neither end is known.
    pub fn is_empty(&self) -> bool {
        self.start.is_none() && self.end.is_none()
    }

    /// The length, when both ends are known and in order.
    pub fn duration(&self) -> Option<Time> {
        match (self.start, self.end) {
            (Some(s), Some(e)) if e >= s => Some(Time(e.0 - s.0)),
            _ => None,
        }
    }

    /// This span widened to take in `other`.
    pub fn cover(self, other: Span) -> Span {
        Span {
            start: min_known(self.start, other.start),
            end: self.end.max(other.end),
        }
    }
}

/// The earlier of two times, either of which may be unknown.
fn min_known(a: Option<Time>, b: Option<Time>) -> Option<Time> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The times of a speech: written in Stenogram JSON as its `start` and `end`, and a
/// `paragraph_times` list beside `paragraphs` when the source times each paragraph.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// When the speech starts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Time>,
    /// When the speech ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Time>,
    /// One span per paragraph, in order, when the source has them; empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraph_times: Vec<Span>,
}

impl Timing {
    /// The speech's span.
    pub fn span(&self) -> Span {
        Span {
            start: self.start,
            end: self.end,
        }
    }

    /// The span of paragraph `i`, when known.
    pub fn paragraph(&self, i: usize) -> Option<Span> {
        self.paragraph_times
            .get(i)
            .copied()
            .filter(|s| !s.is_empty())
    }

    /// Whether any time is known.
    pub fn is_known(&self) -> bool {
        !self.span().is_empty() || self.paragraph_times.iter().any(|s| !s.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_read_and_print_as_seconds_and_clocks() {
        let t = Time::from_seconds(724.5).unwrap_or_default();
        assert_eq!(t, Time(724_500));
        assert_eq!(t.clock(), "00:12:04");
        assert_eq!(t.with_millis('.'), "00:12:04.500");
        assert_eq!(t.with_millis(','), "00:12:04,500");
        assert_eq!(Time::from_seconds(-1.0), None);
        assert_eq!(Time::from_seconds(f64::NAN), None);
        assert_eq!(Time::from_seconds(1e300), None);
    }

    #[test]
    fn timing_in_json_is_optional_and_in_seconds() {
        let timing = Timing {
            start: Some(Time(1500)),
            end: Some(Time(4000)),
            paragraph_times: vec![Span::new(Time(1500), Time(4000))],
        };
        let json = serde_json::to_string(&timing).unwrap_or_default();
        assert_eq!(
            json,
            r#"{"start":1.5,"end":4.0,"paragraph_times":[{"start":1.5,"end":4.0}]}"#
        );
        assert_eq!(serde_json::from_str::<Timing>(&json).ok(), Some(timing));
        assert_eq!(
            serde_json::to_string(&Timing::default()).ok().as_deref(),
            Some("{}")
        );
        assert!(serde_json::from_str::<Timing>(r#"{"start": -3}"#).is_err());
    }

    #[test]
    fn spans_cover_and_measure() {
        let a = Span::new(Time(1000), Time(2000));
        let b = Span::new(Time(500), Time(3000));
        assert_eq!(a.cover(b), b);
        assert_eq!(Span::default().cover(a), a);
        assert_eq!(b.duration(), Some(Time(2500)));
        assert_eq!(Span::default().duration(), None);
    }
}
