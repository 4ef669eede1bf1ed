//! One person across the library: their statistics from the entries ([`person_stats`], no
//! file read). Their speeches come from the library's database
//! ([`super::db::person_across`]).

use super::Library;

/// Characters of a speech's beginning kept for a list of speeches.
pub const FIRST_WORDS_CHARS: usize = 110;

/// A person's figures across the library, from the index alone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonStats {
    /// Files the person appears in.
    pub files: usize,
    /// Speeches across files.
    pub speeches: usize,
    /// Words spoken across files.
    pub words: usize,
    /// Photos picturing them across files.
    pub photos: usize,
    /// The earliest date of their files ("YYYY-MM-DD"), when any file is dated.
    pub first_date: Option<String>,
    /// The latest date of their files.
    pub last_date: Option<String>,
}

/// The statistics of library person `person` (an index into [`Library::people`]).
pub fn person_stats(library: &Library, person: usize) -> Option<PersonStats> {
    let p = library.person(person)?;
    let dates = p
        .occurrences
        .iter()
        .filter_map(|o| library.entry(o.entry)?.date.clone());
    let (first_date, last_date) = dates.fold((None, None), |(lo, hi), d| {
        let lo = match lo {
            Some(lo) if lo <= d => Some(lo),
            _ => Some(d.clone()),
        };
        let hi = match hi {
            Some(hi) if hi >= d => Some(hi),
            _ => Some(d),
        };
        (lo, hi)
    });
    Some(PersonStats {
        files: p.files(),
        speeches: p.speeches,
        words: p.words,
        photos: p.photos,
        first_date,
        last_date,
    })
}

/// The first `max` characters of the paragraphs read as one line (every run of spaces and
/// line breaks one space), with "…" when cut. Reads no further than it keeps.
pub(crate) fn first_words(paragraphs: &[String], max: usize) -> String {
    let mut out = String::new();
    let mut chars = 0;
    let mut space = false;
    for c in paragraphs.iter().flat_map(|p| p.chars().chain(Some(' '))) {
        if c.is_whitespace() || crate::text::is_odd_space(c) {
            space = !out.is_empty();
            continue;
        }
        if chars >= max {
            let kept = out.trim_end().len();
            out.truncate(kept);
            out.push('…');
            return out;
        }
        if space {
            out.push(' ');
            chars += 1;
            space = false;
        }
        out.push(c);
        chars += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Entry;
    use std::path::PathBuf;

    #[test]
    fn first_words_squash_spaces_and_cut_with_an_ellipsis() {
        let paras = vec![
            "  Good   morning,\ncolleagues.".to_owned(),
            "Next.".to_owned(),
        ];
        assert_eq!(first_words(&paras, 100), "Good morning, colleagues. Next.");
        assert_eq!(first_words(&paras, 12), "Good morning…");
        assert_eq!(first_words(&[], 10), "");
        assert_eq!(first_words(&["Ёлка зелёная".to_owned()], 4), "Ёлка…");
    }

    #[test]
    fn stats_span_files_and_dates() {
        let dated = |path: &str, date: Option<&str>| {
            let mut t = crate::parse_text("Talks\n\nMinister Anna Orlova: Hello there.\n");
            t.date = date.map(str::to_owned);
            Entry::from_transcript(PathBuf::from(path), 0, &t)
        };
        let library = Library::from_entries(vec![
            dated("b.txt", Some("2024-05-02")),
            dated("a.txt", None),
            dated("c.txt", Some("2023-01-09")),
        ]);
        let stats = person_stats(&library, 0);
        assert_eq!(
            stats,
            Some(PersonStats {
                files: 3,
                speeches: 3,
                words: 6,
                photos: 0,
                first_date: Some("2023-01-09".to_owned()),
                last_date: Some("2024-05-02".to_owned()),
            })
        );
        assert_eq!(person_stats(&library, 9), None);
    }
}
