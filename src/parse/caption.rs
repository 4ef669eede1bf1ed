//! Photo captions: "N Caption. Photo : Credit", "N/M Caption", "N of M Caption", and an
//! unnumbered "Caption. Photo: Agency". This module reads one line; whether a numbered line
//! without a credit really is a caption (and not a sentence starting with a number) is
//! decided by the caller, who sees the neighbours.

/// The number printed in front of a caption.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Label {
    /// No number.
    None,
    /// "7 Caption" (`dotted`: "7. Caption").
    Plain {
        /// The number.
        number: u32,
        /// Written "7." rather than "7".
        dotted: bool,
    },
    /// "3/21 Caption".
    Slash {
        /// The number.
        number: u32,
        /// The series size.
        of: u32,
    },
    /// "3 of 21 Caption" (also "3 из 21", "3 sur 21").
    Of {
        /// The number.
        number: u32,
        /// The series size.
        of: u32,
    },
}

impl Label {
    /// The printed number, if any.
    pub fn number(self) -> Option<u32> {
        match self {
            Label::None => None,
            Label::Plain { number, .. }
            | Label::Slash { number, .. }
            | Label::Of { number, .. } => Some(number),
        }
    }

    /// The series size, if printed.
    pub fn of(self) -> Option<u32> {
        match self {
            Label::Slash { of, .. } | Label::Of { of, .. } => Some(of),
            _ => None,
        }
    }
}

/// A line read as a caption candidate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptionParts<'a> {
    /// The number in front.
    pub label: Label,
    /// The caption without label and credit.
    pub text: &'a str,
    /// The credit after the last "Photo :" marker.
    pub credit: Option<&'a str>,
}

impl CaptionParts<'_> {
    /// A caption whatever its neighbours: a label with a credit, an "N/M" label, or a
    /// credit that reads like one.
    pub fn is_certain(&self) -> bool {
        if self.text.is_empty() {
            return false;
        }
        match (self.label, self.credit) {
            (Label::None, Some(credit)) => is_short_credit(credit),
            (_, Some(_)) => true,
            (Label::Slash { number, of }, None) => number <= of && starts_upper(self.text),
            _ => false,
        }
    }
}

/// Longest credit accepted.
const MAX_CREDIT_CHARS: usize = 150;

/// Reads `line` as a caption candidate: `None` when it has neither a number label nor a
/// credit marker.
pub fn scan(line: &str) -> Option<CaptionParts<'_>> {
    let (label, body) = read_label(line);
    let (text, credit) = match split_credit(body) {
        Some((text, credit)) => (text, Some(credit)),
        None => (body, None),
    };
    if label == Label::None && credit.is_none() {
        return None;
    }
    Some(CaptionParts {
        label,
        text: crate::text::trim(text),
        credit,
    })
}

/// Whether the first letter of `s` is uppercase (or `s` starts with a quote or digit
/// before an uppercase letter).
pub fn starts_upper(s: &str) -> bool {
    s.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// A credit that is one short phrase ("Dmitri Azarov, Kommersant", "Presidential Press
/// Service"), not the rest of a sentence.
fn is_short_credit(credit: &str) -> bool {
    credit.chars().count() <= 80
        && credit.split_whitespace().count() <= 8
        && !credit.contains(". ")
        && !credit.contains(':')
}

/// The number label at the start of `line` and the text after it.
fn read_label(line: &str) -> (Label, &str) {
    let none = (Label::None, line);
    let Some((number, rest)) = super::dateline::take_number(line, 4) else {
        return none;
    };
    if let Some(after) = rest.strip_prefix('/') {
        return match super::dateline::take_number(after, 4) {
            Some((of, body)) if body.starts_with(' ') => (Label::Slash { number, of }, body),
            _ => none,
        };
    }
    if let Some(body) = rest.strip_prefix(". ") {
        return (
            Label::Plain {
                number,
                dotted: true,
            },
            body,
        );
    }
    let Some(after) = rest.strip_prefix(' ') else {
        return none;
    };
    for word in ["of ", "из ", "sur ", "de "] {
        if let Some(series) = after.strip_prefix(word)
            && let Some((of, body)) = super::dateline::take_number(series, 4)
            && body.starts_with(' ')
        {
            return (Label::Of { number, of }, body);
        }
    }
    (
        Label::Plain {
            number,
            dotted: false,
        },
        after,
    )
}

/// Splits at the last credit marker ("Photo :", "Photo:", "Photos:", "Photo by",
/// "Фото:", "Фото :"): the caption before it and the non-empty credit after it.
fn split_credit(body: &str) -> Option<(&str, &str)> {
    let mut best: Option<(usize, usize)> = None; // (marker start, credit start)
    // Every marker starts with "P" or "Ф" (bytes D0 A4), and no two start at one place: one
    // byte scan from the end finds the last that qualifies.
    for pos in memchr::memrchr2_iter(b'P', 0xD0, body.as_bytes()) {
        let Some(tail) = body.get(pos..) else {
            continue;
        };
        let Some(marker) = ["Photo", "PHOTO", "Фото", "ФОТО"]
            .into_iter()
            .find(|m| tail.starts_with(m))
        else {
            continue;
        };
        let before_ok = body
            .get(..pos)
            .and_then(|b| b.chars().next_back())
            .is_none_or(|c| c.is_whitespace() || ".,;(|/–—-«\"".contains(c));
        if !before_ok {
            continue;
        }
        let Some(after) = body.get(pos + marker.len()..) else {
            continue;
        };
        let after = after.strip_prefix(['s', 'S']).unwrap_or(after);
        let trimmed = after.trim_start();
        let credit = if let Some(rest) = trimmed.strip_prefix(':') {
            rest
        } else if let Some(rest) = trimmed
            .strip_prefix("by ")
            .or_else(|| trimmed.strip_prefix("By "))
        {
            rest
        } else {
            continue;
        };
        let start = body.len() - credit.len();
        best = Some((pos, start));
        break;
    }
    let (pos, start) = best?;
    let mut text = body.get(..pos)?.trim_end();
    let mut credit = body.get(start..)?.trim();
    // "(Photo: X)" keeps neither bracket.
    if let Some(t) = text.strip_suffix('(') {
        text = t.trim_end();
        credit = credit.strip_suffix(')').unwrap_or(credit).trim_end();
    }
    let text = text.trim_end_matches(['|', '/', '–', '—']).trim_end();
    if credit.is_empty() || credit.chars().count() > MAX_CREDIT_CHARS {
        return None;
    }
    Some((text, credit))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_caption_with_credit() {
        let c = scan("7 Session du Conseil en format restreint. Photo : Valéry Sharifulin, TASS");
        assert_eq!(
            c,
            Some(CaptionParts {
                label: Label::Plain {
                    number: 7,
                    dotted: false
                },
                text: "Session du Conseil en format restreint.",
                credit: Some("Valéry Sharifulin, TASS"),
            })
        );
        assert!(c.is_some_and(|c| c.is_certain()));
    }

    #[test]
    fn series_labels() {
        let c = scan("3/21 Avec le président. Photo : Konstantin Zavrajine");
        assert_eq!(c.map(|c| c.label), Some(Label::Slash { number: 3, of: 21 }));
        let c = scan("4 of 12 The leaders after the talks");
        assert_eq!(
            c.as_ref().map(|c| c.label),
            Some(Label::Of { number: 4, of: 12 })
        );
        assert_eq!(c.map(|c| c.text), Some("The leaders after the talks"));
        let c = scan("2 из 9 Перед началом встречи. Фото: Анна Белова, РИА");
        assert_eq!(c.as_ref().and_then(|c| c.credit), Some("Анна Белова, РИА"));
        assert_eq!(c.map(|c| c.label.of()), Some(Some(9)));
    }

    #[test]
    fn splits_at_the_last_marker() {
        let c = scan("Photo session of the leaders. Photo by Lena Markova");
        assert_eq!(
            c.as_ref().map(|c| c.text),
            Some("Photo session of the leaders.")
        );
        assert_eq!(c.as_ref().and_then(|c| c.credit), Some("Lena Markova"));
        assert!(c.is_some_and(|c| c.is_certain()));
        let c = scan("Перед встречей. Фото : пресс-служба");
        assert_eq!(c.and_then(|c| c.credit), Some("пресс-служба"));
    }

    #[test]
    fn sentences_are_only_candidates() {
        let c = scan("12 percent more trade than last year.");
        assert!(c.is_some_and(|c| !c.is_certain()));
        assert_eq!(scan("Plain sentence without number."), None);
        assert!(scan("1/2 of the budget").is_some_and(|c| !c.is_certain()));
        assert!(scan("24/7 Support").is_some_and(|c| !c.is_certain()));
        assert_eq!(scan("15:40"), None);
        assert!(scan("Photographs: none").is_none());
    }
}
