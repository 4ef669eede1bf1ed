//! How close two folded words are: bounded edit distance for transliteration and typing
//! variants ("choigou" / "choigu", "sergei" / "sergey"), and a soft Russian stem so that
//! case endings do not hide a name ("Путина", "Путиным" → "путин").

use super::lexicon::{RU_ENDING_LETTERS, is_cyrillic_word};

/// Words longer than this are compared exactly only: no name is that long, and edit
/// distance costs the product of the lengths.
pub(crate) const MAX_FUZZY_LEN: usize = 40;

/// Levenshtein distance between `a` and `b` (in characters), or `None` when it exceeds
/// `max`. Callers keep to words of at most [`MAX_FUZZY_LEN`] characters: the distance
/// costs the product of the lengths.
pub(crate) fn edit_distance_within(a: &str, b: &str, max: usize) -> Option<usize> {
    // Words whose lengths differ by more than `max` are at least that far apart.
    if a.chars().count().abs_diff(b.chars().count()) > max {
        return None;
    }
    let distance = strsim::levenshtein(a, b);
    (distance <= max).then_some(distance)
}

/// A soft stem for matching: Cyrillic words lose up to three trailing case-ending letters
/// (keeping at least four); other words are returned as they are.
pub(crate) fn stem(folded: &str) -> &str {
    if !is_cyrillic_word(folded) {
        return folded;
    }
    let mut end = folded.len();
    let mut kept = folded.chars().count();
    for (stripped, (idx, c)) in folded.char_indices().rev().enumerate() {
        if stripped >= 3 || kept <= 4 || !RU_ENDING_LETTERS.contains(&c) {
            break;
        }
        end = idx;
        kept -= 1;
    }
    folded.get(..end).unwrap_or(folded)
}

/// Whether two folded words are the same surname: equal, equal stems (Russian case
/// endings), or for surnames of five letters or more, one letter dropped, doubled or changed.
pub(crate) fn surnames_match(a: &str, b: &str) -> bool {
    if a == b || stem(a) == stem(b) {
        return true;
    }
    a.chars().count() >= 5 && b.chars().count() >= 5 && edit_distance_within(a, b, 1).is_some()
}

/// Whether two folded first names are variants of one name ("sergueï"/"sergey",
/// "alexandre"/"alexander", "александр"/"александра"): same initial required.
pub(crate) fn first_names_match(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    if a.chars().next() != b.chars().next() {
        return false;
    }
    if stem(a) == stem(b) {
        return true;
    }
    let (len_a, len_b) = (a.chars().count(), b.chars().count());
    let shortest = len_a.min(len_b);
    let max = if shortest <= 4 { 1 } else { 2 };
    shortest >= 3 && len_a.max(len_b) <= MAX_FUZZY_LEN && edit_distance_within(a, b, max).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_is_bounded() {
        assert_eq!(edit_distance_within("choigou", "choigu", 1), Some(1));
        assert_eq!(edit_distance_within("serguei", "sergey", 2), Some(2));
        assert_eq!(edit_distance_within("loukachenko", "pankine", 2), None);
    }

    #[test]
    fn russian_stems_ignore_case_endings() {
        assert_eq!(stem("путина"), "путин");
        assert_eq!(stem("путиным"), "путин");
        assert_eq!(stem("путин"), "путин");
        assert_eq!(stem("токаева"), "токаев");
        assert_eq!(stem("poutine"), "poutine");
    }

    #[test]
    fn surname_and_first_name_variants() {
        assert!(surnames_match("choigou", "choigu"));
        assert!(surnames_match("лукашенко", "лукашенко"));
        assert!(!surnames_match("poutine", "pankine"));
        assert!(!surnames_match("li", "lu"));
        assert!(first_names_match("serguei", "sergei"));
        assert!(first_names_match("sergei", "sergey"));
        assert!(first_names_match("alexandre", "alexander"));
        assert!(!first_names_match("alexandre", "vladimir"));
        assert!(!first_names_match("ivan", "igor"));
    }
}
