//! Other versions of one event in a library: the same event published in another language
//! (the Kremlin's Russian, English and French pages of one meeting). Offered when a file is
//! open, to read beside it.

use std::sync::Arc;

use super::entry::Entry;
use crate::names::word_key;

/// The entries that look like the same event as entry `of` in another language: the same
/// date, and the same time when both give one; without a time on either side, a place
/// word that sounds alike ("Варенград", "Varengrad"). In path order.
pub fn other_versions(entries: &[Arc<Entry>], of: usize) -> Vec<usize> {
    let Some(this) = entries.get(of).filter(|e| e.is_ready()) else {
        return Vec::new();
    };
    let Some(date) = this.date.as_deref() else {
        return Vec::new();
    };
    let mut found: Vec<usize> = entries
        .iter()
        .enumerate()
        .filter(|&(i, e)| {
            i != of
                && e.is_ready()
                && e.date.as_deref() == Some(date)
                && !e.language.is_empty()
                && e.language != this.language
                && match (&this.time, &e.time) {
                    (Some(a), Some(b)) => a == b,
                    _ => same_place(this.place.as_deref(), e.place.as_deref()),
                }
        })
        .map(|(i, _)| i)
        .collect();
    found.sort_by_key(|&i| entries.get(i).map(|e| e.path.clone()));
    found
}

/// Whether two places share a word that sounds alike across scripts (four letters or
/// more, one letter apart at most: "Ново-Огарёво" and "Novo-Ogarevo").
fn same_place(a: Option<&str>, b: Option<&str>) -> bool {
    let keys = |place: &str| -> Vec<String> {
        place
            .split(|c: char| !c.is_alphabetic())
            .map(word_key)
            .filter(|k| k.len() >= 4)
            .collect()
    };
    match (a, b) {
        (Some(a), Some(b)) => {
            let (ka, kb) = (keys(a), keys(b));
            ka.iter()
                .any(|x| kb.iter().any(|y| strsim::levenshtein(x, y) <= 1))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn entry(
        path: &str,
        language: &str,
        date: &str,
        time: Option<&str>,
        place: &str,
    ) -> Arc<Entry> {
        let t = crate::Transcript {
            title: path.to_owned(),
            date: Some(date.to_owned()),
            time: time.map(str::to_owned),
            place: Some(place.to_owned()),
            language: language.to_owned(),
            ..crate::Transcript::default()
        };
        Arc::new(Entry::from_transcript(PathBuf::from(path), 0, &t))
    }

    #[test]
    fn the_same_event_in_other_languages_is_offered() {
        let entries = vec![
            entry("ru/1.txt", "ru", "2031-03-14", Some("15:30"), "Варенград"),
            entry("en/1.txt", "en", "2031-03-14", Some("15:30"), "Varengrad"),
            entry("fr/1.txt", "fr", "2031-03-14", None, "Varengrad"),
            entry("en/2.txt", "en", "2031-03-14", Some("18:00"), "Varengrad"),
            entry("ru/2.txt", "ru", "2031-03-14", Some("15:30"), "Варенград"),
            entry("de/1.txt", "de", "2031-03-15", Some("15:30"), "Varengrad"),
        ];
        assert_eq!(other_versions(&entries, 0), vec![1, 2]);
        assert_eq!(other_versions(&entries, 1), vec![2, 0, 4], "by path");
        assert!(other_versions(&entries, 5).is_empty());
    }

    #[test]
    fn places_match_across_scripts_only_when_they_sound_alike() {
        assert!(same_place(Some("Ново-Огарёво"), Some("Novo-Ogarevo")));
        assert!(same_place(Some("Varengrad"), Some("Варенград")));
        assert!(!same_place(Some("Москва"), Some("Varengrad")));
        assert!(!same_place(None, Some("Varengrad")));
    }
}
