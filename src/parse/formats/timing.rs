//! The cue timing line subtitles share: `00:01:02.500 --> 00:01:04.000` (WebVTT) or
//! `00:01:02,500 --> 00:01:04,000` (SRT), hours optional, settings after it ignored.

use crate::error::ErrorKind;
use crate::model::Time;

/// Whether `line` holds a cue timing arrow.
pub(crate) fn is_timing(line: &str) -> bool {
    line.contains("-->")
}

/// The start and end of a timing line; `format` and `line_number` place the error.
pub(crate) fn parse_timing(
    format: &str,
    line: &str,
    line_number: usize,
) -> Result<(Time, Time), ErrorKind> {
    let fail = |byte: usize, message: &str| ErrorKind::Malformed {
        format: format.to_owned(),
        line: line_number,
        column: line.get(..byte).map_or(0, |s| s.chars().count()) + 1,
        message: message.to_owned(),
    };
    let Some(arrow) = line.find("-->") else {
        return Err(fail(
            0,
            "expected a cue timing such as 00:00:01.000 --> 00:00:04.000",
        ));
    };
    let left = line.get(..arrow).unwrap_or_default();
    let right = line.get(arrow + 3..).unwrap_or_default();
    let start_at = left.len() - left.trim_start().len();
    let start = parse_time(left.trim()).ok_or_else(|| {
        fail(
            start_at,
            &format!("\"{}\" is not a time such as 00:00:01.000", left.trim()),
        )
    })?;
    let end_text = right.split_whitespace().next().unwrap_or("");
    let end_at = arrow + 3 + (right.len() - right.trim_start().len());
    let end = parse_time(end_text).ok_or_else(|| {
        fail(
            end_at,
            &format!("\"{end_text}\" is not a time such as 00:00:04.000"),
        )
    })?;
    if end < start {
        return Err(fail(end_at, "the cue ends before it starts"));
    }
    Ok((start, end))
}

/// `hh:mm:ss.ttt`, `mm:ss.ttt` or `hh:mm:ss,ttt`; the fraction may have 1 to 3 digits.
fn parse_time(text: &str) -> Option<Time> {
    let (clock, fraction) = match text.find(['.', ',']) {
        Some(at) => (text.get(..at)?, text.get(at + 1..)?),
        None => (text, ""),
    };
    let parts: Vec<&str> = clock.split(':').collect();
    let number = |s: &str| -> Option<u64> {
        (!s.is_empty() && s.len() <= 6 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (h, m, s) = match parts.as_slice() {
        [h, m, s] => (number(h)?, number(m)?, number(s)?),
        [m, s] => (0, number(m)?, number(s)?),
        _ => return None,
    };
    if m > 59 || s > 59 || fraction.len() > 3 {
        return None;
    }
    let millis = if fraction.is_empty() {
        0
    } else {
        number(fraction)? * 10u64.pow(3 - u32::try_from(fraction.len()).ok()?)
    };
    Some(Time(((h * 60 + m) * 60 + s) * 1000 + millis))
}

/// A time of day written in a record, as the time from midnight: the time part of an ISO
/// date-time ("2031-03-04T10:05:00", "…T10:05:00+01:00"), a clock ("10:05", "10:05:30.5")
/// or a parliamentary time note ("10.05", "(10.05)", "10.05 h"). `None` for anything else.
pub(crate) fn time_of_day(text: &str) -> Option<Time> {
    let text = text
        .trim()
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim();
    let clock = match text.find('T') {
        Some(at) => text.get(at + 1..)?,
        None => text,
    };
    // A zone or a trailing unit is not part of the clock.
    let end = clock
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.' || c == ','))
        .unwrap_or(clock.len());
    let clock = clock.get(..end)?.trim_end_matches(['.', ',']);
    let (h, rest) = clock.split_once([':', '.'])?;
    let (m, rest) = match rest.split_once(':') {
        Some((m, s)) => (m, Some(s)),
        None => (rest, None),
    };
    let digits = |s: &str, max: usize| -> Option<u64> {
        (!s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (h, m) = (digits(h, 2)?, digits(m, 2)?);
    if h > 24 || m > 59 {
        return None;
    }
    let millis = match rest {
        Some(s) => {
            let (whole, fraction) = s.split_once(['.', ',']).unwrap_or((s, ""));
            let whole = digits(whole, 2)?;
            let fraction = fraction.get(..fraction.len().min(3)).unwrap_or("");
            let frac = if fraction.is_empty() {
                0
            } else {
                digits(fraction, 3)? * 10u64.pow(3 - u32::try_from(fraction.len()).ok()?)
            };
            (whole <= 60).then_some(whole * 1000 + frac)?
        }
        None => 0,
    };
    Some(Time((h * 60 + m) * 60_000 + millis))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_day_read_from_records() {
        let ten_past_five = Some(Time(10 * 3_600_000 + 5 * 60_000));
        assert_eq!(time_of_day("2031-03-04T10:05:00"), ten_past_five);
        assert_eq!(time_of_day("2031-03-04T10:05:00+01:00"), ten_past_five);
        assert_eq!(time_of_day("10:05"), ten_past_five);
        assert_eq!(time_of_day("(10.05)"), ten_past_five);
        assert_eq!(time_of_day("10.05 h"), ten_past_five);
        assert_eq!(time_of_day("10:05:30.25"), Some(Time(36_330_250)));
        assert_eq!(time_of_day("The sitting resumes"), None);
        assert_eq!(time_of_day("2031-03-04"), None);
        assert_eq!(time_of_day("31.12"), None);
    }

    #[test]
    fn timings_of_both_formats_read() {
        assert_eq!(
            parse_timing("WebVTT", "00:01:02.500 --> 00:01:04.000 align:start", 3),
            Ok((Time(62_500), Time(64_000)))
        );
        assert_eq!(
            parse_timing("SRT", "01:00:00,5 --> 01:00:01,250", 2),
            Ok((Time(3_600_500), Time(3_601_250)))
        );
        assert_eq!(
            parse_timing("WebVTT", "01:02.000 --> 01:03.000", 1),
            Ok((Time(62_000), Time(63_000)))
        );
    }

    #[test]
    fn a_bad_time_is_placed_by_line_and_column() {
        let error = parse_timing("WebVTT", "00:00:01.000 --> 00:0x:04.000", 7);
        assert!(
            matches!(
                &error,
                Err(ErrorKind::Malformed {
                    line: 7,
                    column: 18,
                    ..
                })
            ),
            "{error:?}"
        );
        let error = parse_timing("SRT", "00:00:05,000 --> 00:00:04,000", 2);
        assert!(
            matches!(&error, Err(ErrorKind::Malformed { message, .. }) if message.contains("ends before"))
        );
        assert!(parse_timing("SRT", "00:61:00,000 --> 00:62:00,000", 2).is_err());
    }
}
