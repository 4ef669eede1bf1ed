//! Personal names: runs of name words, their units ("Mohamed bin Zayed" is two units:
//! "Mohamed" and "bin Zayed"), how much of a run is the name, and the parts used to
//! compare two names (first name or initial, surname).

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon;
use super::similarity::{first_names_match, stem};
use super::tokens::{Token, fold_word, is_name_word, tokenize};

/// Tokens of a text with their folded forms, side by side.
pub(crate) struct Words<'a> {
    /// The tokens.
    pub tokens: Vec<Token<'a>>,
    /// `fold` of each token (borrowed when the token is already folded: no allocation
    /// for the lowercase words that make up most of a text).
    pub folded: Vec<Cow<'a, str>>,
}

impl<'a> Words<'a> {
    /// Tokenizes and folds `text`.
    pub fn new(text: &'a str) -> Self {
        let tokens = tokenize(text);
        let folded = tokens.iter().map(|t| fold_word(t.text)).collect();
        Words { tokens, folded }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Folded token `i` ("" past the end).
    pub fn f(&self, i: usize) -> &str {
        self.folded.get(i).map_or("", |f| f.as_ref())
    }

    /// Whether punctuation stands right before token `i` (true past the end).
    pub fn boundary_before(&self, i: usize) -> bool {
        self.tokens.get(i).is_none_or(|t| t.boundary_before)
    }

    /// Whether token `i` can be part of a name.
    pub fn is_name(&self, i: usize) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| is_name_word(t, self.f(i)))
    }

    /// Whether token `i` is an honorific ("Mr.").
    pub fn is_honorific(&self, i: usize) -> bool {
        lexicon::is_honorific(self.f(i))
    }

    /// Whether token `i` is a name particle.
    pub fn is_particle(&self, i: usize) -> bool {
        lexicon::is_particle(self.f(i))
    }

    /// Whether token `i` is an initial ("В.").
    pub fn is_initial(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(Token::is_initial)
    }

    /// Whether a unit is initials and a surname that stand as a whole name: two initials
    /// ("В.В. Путин") or one written against the surname ("К.Токаев"), unlike an English
    /// middle initial ("George W. Bush").
    pub fn is_initialled(&self, unit: &Unit) -> bool {
        let initials = (unit.start..unit.core)
            .filter(|&i| self.is_initial(i))
            .count();
        let attached = (unit.start..unit.core).any(|i| {
            self.is_initial(i)
                && matches!(
                    (self.tokens.get(i), self.tokens.get(i + 1)),
                    (Some(a), Some(b)) if a.end == b.start
                )
        });
        initials >= 2 || attached
    }

    /// The source text from the start of token `from` to the end of token `to - 1`.
    pub fn span<'t>(&self, text: &'t str, range: Range<usize>) -> &'t str {
        match (self.tokens.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last_index)) if last_index >= range.start => self
                .tokens
                .get(last_index)
                .and_then(|last| text.get(first.start..last.end))
                .unwrap_or(""),
            _ => "",
        }
    }

    /// The longest run of name words ending at `end` (exclusive) and starting no earlier
    /// than `lo`, with particles kept only between two name words and no punctuation inside.
    pub fn run_ending_at(&self, lo: usize, end: usize, is_name: impl Fn(usize) -> bool) -> usize {
        let mut j = end;
        while j > lo {
            if j < end && self.boundary_before(j) {
                break;
            }
            let i = j - 1;
            if is_name(i) {
                j = i;
                continue;
            }
            // Particles count only when a name word stands on both sides.
            if j < end && self.is_particle(i) {
                let mut k = i;
                while k > lo && !self.boundary_before(k) && self.is_particle(k - 1) {
                    k -= 1;
                }
                if k > lo && !self.boundary_before(k) && is_name(k - 1) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// The longest run of name words starting at `start` (which must be a name word).
    pub fn run_starting_at(&self, start: usize) -> usize {
        let mut j = start + 1;
        while j < self.len() && !self.boundary_before(j) {
            if self.is_name(j) {
                j += 1;
                continue;
            }
            if self.is_particle(j) {
                let mut k = j;
                while k < self.len() && !self.boundary_before(k) && self.is_particle(k) {
                    k += 1;
                }
                if k < self.len() && !self.boundary_before(k) && self.is_name(k) {
                    j = k;
                    continue;
                }
            }
            break;
        }
        j
    }

    /// Splits a run of name tokens into units: leading particles and initials attach to
    /// the next word ("bin Zayed", "В. Путин"); stray ones at the end attach to the last.
    pub fn units(&self, run: Range<usize>) -> Vec<Unit> {
        let mut out: Vec<Unit> = Vec::new();
        let mut pending: Option<usize> = None;
        for i in run.clone() {
            if self.is_particle(i) || self.is_initial(i) {
                pending.get_or_insert(i);
                continue;
            }
            let start = pending.take().unwrap_or(i);
            out.push(Unit {
                start,
                end: i + 1,
                core: i,
                particle_led: self.is_particle(start) && !self.is_initial(start),
            });
        }
        if pending.is_some() {
            if let Some(last) = out.last_mut() {
                last.end = run.end;
            } else if let Some(start) = pending {
                // Only initials: one unit with no word of its own.
                out.push(Unit {
                    start,
                    end: run.end,
                    core: run.end.saturating_sub(1),
                    particle_led: false,
                });
            }
        }
        out
    }
}

/// One word of a name with the particles or initials in front of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The word itself.
    pub core: usize,
    /// Starts with a particle ("bin Zayed").
    pub particle_led: bool,
}

/// A run this long with nothing before it can still be a whole name
/// ("Mohamed bin Zayed Al Nahyan", "Martin Luther King").
const MAX_BARE_NAME_UNITS: usize = 5;

/// How many units at the end of a run form the name. A run that is the whole text is all
/// name; after a role, a name is usually two units (three with a patronymic, more when it
/// would start with a particle); after a preposition or article ("du Kazakhstan …") the
/// first unit is the role's complement, and at least two units must remain for a name.
pub(crate) fn units_to_keep(
    words: &Words,
    units: &[Unit],
    something_before: bool,
    marker_before: bool,
) -> usize {
    let total = units.len();
    // A run of many capitalised words is a title and a name, not a name.
    if !something_before && total <= MAX_BARE_NAME_UNITS {
        return total;
    }
    // "Казахстан К.Токаев", "… В.В. Путин": initials make a name of their own.
    if units.last().is_some_and(|u| words.is_initialled(u)) {
        return 1;
    }
    let patronymic = units
        .iter()
        .rev()
        .take(3)
        .any(|u| lexicon::is_patronymic(words.f(u.core)));
    let mut keep = if patronymic { 3 } else { 2 }.min(total);
    while keep < total && units.get(total - keep).is_some_and(|u| u.particle_led) {
        keep += 1;
    }
    if marker_before {
        keep = keep.min(total.saturating_sub(1));
        // "member for Port Vell", "President of the United States": one word left after a
        // complement is more likely the end of a place than a surname.
        if keep < 2 {
            keep = 0;
        }
    }
    keep
}

/// The parts of a name used to compare it with another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameParts {
    /// Folded words and initials, space-separated ("в. путин").
    pub full: String,
    /// Folded first name, when written in full.
    pub first: Option<String>,
    /// First letter of the first name or the first initial.
    pub initial: Option<char>,
    /// Folded surname.
    pub surname: String,
    /// Number of units.
    pub units: usize,
}

impl NameParts {
    /// Reads a name ("Kassym-Jomart Tokayev", "В.Путин", "Путин Владимир Владимирович").
    pub fn parse(name: &str) -> Option<NameParts> {
        let words = Words::new(name);
        if words.len() == 0 {
            return None;
        }
        let units = words.units(0..words.len());
        let cores: Vec<&str> = units
            .iter()
            .filter(|u| !words.is_initial(u.core))
            .map(|u| words.f(u.core))
            .collect();
        let last = *cores.last()?;
        // "Путин Владимир Владимирович": surname first when a patronymic closes the name.
        let (surname, first) = if cores.len() >= 3 && lexicon::is_patronymic(last) {
            (cores.first().copied()?, cores.get(1).copied())
        } else {
            let first = (cores.len() >= 2).then(|| cores.first().copied()).flatten();
            (last, first)
        };
        let first_initial = (0..words.len())
            .find(|&i| words.is_initial(i))
            .and_then(|i| words.f(i).chars().next());
        let initial = first.and_then(|f| f.chars().next()).or(first_initial);
        let full = words.folded.join(" ");
        Some(NameParts {
            full,
            first: first.map(str::to_owned),
            initial,
            surname: surname.to_owned(),
            units: units.len(),
        })
    }

    /// The key under which the surname is indexed (soft Russian stem).
    pub fn surname_key(&self) -> &str {
        stem(&self.surname)
    }

    /// How complete the name is: more units, then a first name in full.
    pub fn completeness(&self) -> (usize, bool) {
        (self.units, self.first.is_some())
    }

    /// Whether the first names (or initials) of two names allow them to be one person.
    pub fn first_compatible(&self, other: &NameParts) -> bool {
        match (&self.first, &other.first) {
            (Some(a), Some(b)) => first_names_match(a, b),
            _ => match (self.initial, other.initial) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_names() {
        let p = NameParts::parse("Kassym-Jomart Tokayev").unwrap();
        assert_eq!(p.first.as_deref(), Some("kassym-jomart"));
        assert_eq!(p.surname, "tokayev");
        let p = NameParts::parse("В.Путин").unwrap();
        assert_eq!((p.first, p.initial), (None, Some('в')));
        assert_eq!(p.surname, "путин");
        let p = NameParts::parse("Путин Владимир Владимирович").unwrap();
        assert_eq!(
            (p.surname.as_str(), p.first.as_deref()),
            ("путин", Some("владимир"))
        );
        let p = NameParts::parse("Mohamed bin Zayed").unwrap();
        assert_eq!((p.surname.as_str(), p.units), ("zayed", 2));
    }

    #[test]
    fn first_name_compatibility() {
        let a = NameParts::parse("Sergueï Choïgou").unwrap();
        let b = NameParts::parse("Sergey Choigu").unwrap();
        let c = NameParts::parse("Choïgu").unwrap();
        let d = NameParts::parse("A. Choïgu").unwrap();
        assert!(a.first_compatible(&b));
        assert!(a.first_compatible(&c));
        assert!(!a.first_compatible(&d));
    }
}
