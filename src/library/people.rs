//! People across the library: one [`LibraryPerson`] per person however many files name
//! them, by the parser's own rules for one person under several spellings.
//!
//! Each file's participants are already one per person inside that file; across files the
//! names are matched with the parser's resolver ([`crate::parse::people::resolve`]): the
//! same full name, a long and a short form ("Andrei Velsky" / "Velsky" / "A. Velsky"), a
//! surname one letter apart ("Velsky" / "Velski"), first names in two transliterations
//! ("Andreï" / "Andrei"). Names are fed fullest first, so a short form joins a person only
//! when exactly one known person fits it ("Velsky" stays apart when there are an Andrei
//! and an Anna Velsky). Roles never merge people across files (two files' "Prime
//! Minister" may be years apart), so a participant known only by a role is a person of
//! its own; generic speakers ("Question") are grouped by label and never joined to a
//! named person.

use std::borrow::Borrow;
use std::collections::HashMap;

use super::entry::Entry;
use crate::model::ParticipantId;
use crate::parse::people::{PersonSource, SourceKind, resolve};
use crate::text::fold;

/// One participant of one file.
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Occurrence {
    /// Index into the library's entries.
    pub entry: usize,
    /// The participant's id in that file's transcript.
    pub participant: ParticipantId,
}

/// One person across the library.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LibraryPerson {
    /// The name most files give among the fullest forms; `None` for a role-only person
    /// or a generic speaker.
    pub name: Option<String>,
    /// The role most files give (the first seen among equals).
    pub role: Option<String>,
    /// Every spelling and label across files, each once, in library order.
    pub aliases: Vec<String>,
    /// A generic speaker label ("Question"): one entry per label, never a named person.
    pub generic: bool,
    /// Where the person appears, sorted by entry.
    pub occurrences: Vec<Occurrence>,
    /// Speeches across files.
    pub speeches: usize,
    /// Words spoken across files.
    pub words: usize,
    /// Photos picturing them across files.
    pub photos: usize,
    /// Folded name, role and aliases on separate lines, for search.
    pub(crate) folded: String,
}

impl LibraryPerson {
    /// The name, or the role when there is no name, or "?".
    pub fn display_name(&self) -> &str {
        self.name.as_deref().or(self.role.as_deref()).unwrap_or("?")
    }

    /// Number of distinct files the person appears in.
    pub fn files(&self) -> usize {
        let mut count = 0;
        let mut last = None;
        for o in &self.occurrences {
            if last != Some(o.entry) {
                count += 1;
                last = Some(o.entry);
            }
        }
        count
    }
}

/// How complete a written name is: more words, then a first name written in full
/// ("Andrei Velsky" before "A. Velsky" before "Velsky").
fn completeness(name: &str) -> (usize, bool) {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let first_in_full = words.len() >= 2 && words.first().is_some_and(|w| w.chars().count() > 1);
    (words.len(), first_in_full)
}

/// Groups the participants of all ready entries into people across files.
///
/// The result is sorted by display name (folded), then by first occurrence, and does not
/// depend on the number of threads that indexed the entries.
pub fn merge_people<E: Borrow<Entry>>(entries: &[E]) -> Vec<LibraryPerson> {
    // (completeness, occurrence, name) of every named, non-generic participant.
    let mut named: Vec<((usize, bool), Occurrence, &str)> = Vec::new();
    let mut generic: HashMap<String, Vec<Occurrence>> = HashMap::new();
    let mut generic_order: Vec<String> = Vec::new();
    let mut role_only: Vec<Vec<Occurrence>> = Vec::new();
    for (e, entry) in entries.iter().enumerate() {
        let entry = entry.borrow();
        if !entry.is_ready() {
            continue;
        }
        for p in &entry.people {
            let at = Occurrence {
                entry: e,
                participant: p.id,
            };
            match (&p.name, p.generic) {
                (Some(name), false) if !name.trim().is_empty() => {
                    named.push((completeness(name), at, name.as_str()));
                }
                (_, true) => {
                    let key = fold(p.display_name().trim());
                    if !generic.contains_key(&key) {
                        generic_order.push(key.clone());
                    }
                    generic.entry(key).or_default().push(at);
                }
                _ => role_only.push(vec![at]),
            }
        }
    }
    // Fullest names first: a short form then finds every full form it could be, and
    // stays apart when there is more than one.
    named.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let sources: Vec<PersonSource<'_>> = named
        .iter()
        .map(|&(_, _, name)| PersonSource {
            kind: SourceKind::SpeakerLabel,
            text: name,
        })
        .collect();
    let resolution = resolve(&sources, "und");
    let mut groups: Vec<Vec<Occurrence>> = vec![Vec::new(); resolution.participants.len()];
    let mut group_names: Vec<Vec<&str>> = vec![Vec::new(); resolution.participants.len()];
    for (i, &(_, at, name)) in named.iter().enumerate() {
        let id = resolution
            .ids
            .get(i)
            .and_then(|ids| ids.first())
            .map(|id| id.index());
        if let Some(names) = id.and_then(|id| group_names.get_mut(id)) {
            names.push(name);
        }
        match id.and_then(|id| groups.get_mut(id)) {
            Some(group) => group.push(at),
            // A label always resolves to one participant; should it not, the person
            // stands alone rather than vanish.
            None => role_only.push(vec![at]),
        }
    }
    join_across_scripts(&mut groups, &group_names);
    join_by_spellings(&mut groups, entries);
    let mut people: Vec<LibraryPerson> = groups
        .into_iter()
        .chain(role_only)
        .filter(|g| !g.is_empty())
        .map(|g| person_of(entries, g, false))
        .collect();
    people.extend(
        generic_order
            .into_iter()
            .filter_map(|key| generic.remove(&key))
            .map(|g| person_of(entries, g, true)),
    );
    people.sort_by_cached_key(|p| {
        (
            p.generic,
            fold(p.display_name()),
            p.occurrences.first().copied(),
        )
    });
    people
}

/// Joins a person written in Cyrillic with one written in Latin letters when their full
/// names match across scripts ([`crate::names`]: "Андрей Вельский" and "Andrei Velsky"),
/// and each is the other's only such match: the resolver compares spellings within one
/// script only. The joined group is left in the first one's place, the other emptied.
fn join_across_scripts(groups: &mut [Vec<Occurrence>], names: &[Vec<&str>]) {
    use crate::names::NameKey;
    let cyrillic = |n: &str| n.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c));
    // Full names only ("В.Путин" could be anyone with that initial): two words or more,
    // the first written out.
    let keys: Vec<(Option<bool>, Vec<NameKey>)> = names
        .iter()
        .map(|ns| {
            let full: Vec<&&str> = ns.iter().filter(|n| completeness(n) >= (2, true)).collect();
            let script = full.first().map(|n| cyrillic(n));
            let keys = full
                .iter()
                .filter(|n| Some(cyrillic(n)) == script)
                .filter_map(|n| NameKey::of(n))
                .filter(|k| !k.initial && k.given.is_some())
                .collect();
            (script, keys)
        })
        .collect();
    let matches = |i: usize, j: usize| {
        let ((si, ki), (sj, kj)) = (&keys[i], &keys[j]);
        si.is_some()
            && sj.is_some()
            && si != sj
            && ki.iter().any(|a| kj.iter().any(|b| a.matches(b)))
    };
    let candidates = |i: usize| (0..keys.len()).filter(move |&j| j != i && matches(i, j));
    for i in 0..keys.len() {
        if keys[i].0 != Some(true) {
            continue;
        }
        let mut found = candidates(i);
        let (Some(j), None) = (found.next(), found.next()) else {
            continue;
        };
        let mut back = candidates(j);
        if back.next() != Some(i) || back.next().is_some() {
            continue;
        }
        let moved = std::mem::take(&mut groups[j]);
        groups[i].extend(moved);
    }
}

/// Joins the groups of the full names one participant holds: a file that gives one person
/// two full names ("Alexander Orlov", also written "Sasha Orlov"; or two spellings the user
/// merged with a correction) says they are one person, in every file. The rules above
/// compare names only; this is the file's own word. The joined group is left in the first
/// one's place, the others emptied.
fn join_by_spellings<E: Borrow<Entry>>(groups: &mut [Vec<Occurrence>], entries: &[E]) {
    let participant = |o: &Occurrence| {
        entries
            .get(o.entry)
            .and_then(|e| e.borrow().people.get(o.participant.index()))
    };
    let full = |n: &str| completeness(n) >= (2, true);
    // Which group each full name (folded) is the name of; the first when several.
    let mut group_of: HashMap<String, usize> = HashMap::new();
    for (g, group) in groups.iter().enumerate() {
        for name in group.iter().filter_map(|o| participant(o)?.name.as_deref()) {
            if full(name) {
                group_of.entry(fold(name)).or_insert(g);
            }
        }
    }
    // Union–find over groups.
    let mut parent: Vec<usize> = (0..groups.len()).collect();
    let root = |parent: &mut Vec<usize>, mut g: usize| {
        while parent[g] != g {
            parent[g] = parent[parent[g]];
            g = parent[g];
        }
        g
    };
    for (g, group) in groups.iter().enumerate() {
        for p in group.iter().filter_map(&participant) {
            for alias in p.aliases.iter().filter(|a| full(a)) {
                let Some(&h) = group_of.get(&fold(alias)) else {
                    continue;
                };
                let (a, b) = (root(&mut parent, g), root(&mut parent, h));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    for g in 0..groups.len() {
        let r = root(&mut parent, g);
        if r != g {
            let moved = std::mem::take(&mut groups[g]);
            groups[r].extend(moved);
        }
    }
}

/// Builds one person from their occurrences.
fn person_of<E: Borrow<Entry>>(
    entries: &[E],
    mut occurrences: Vec<Occurrence>,
    generic: bool,
) -> LibraryPerson {
    occurrences.sort_unstable();
    occurrences.dedup();
    let mut person = LibraryPerson {
        generic,
        ..LibraryPerson::default()
    };
    // Written form → (how many files, first seen), for names and roles.
    let mut names: Vec<(&str, (usize, bool), usize)> = Vec::new();
    let mut roles: Vec<(&str, usize)> = Vec::new();
    let mut seen_alias = std::collections::HashSet::new();
    for o in &occurrences {
        let Some(p) = entries
            .get(o.entry)
            .and_then(|e| e.borrow().people.get(o.participant.index()))
        else {
            continue;
        };
        person.speeches += p.speeches;
        person.words += p.words;
        person.photos += p.photos;
        if let Some(name) = p.name.as_deref() {
            match names.iter_mut().find(|(n, _, _)| *n == name) {
                Some(found) => found.2 += 1,
                None => names.push((name, completeness(name), 1)),
            }
        }
        if let Some(role) = p.role.as_deref() {
            match roles.iter_mut().find(|(r, _)| *r == role) {
                Some(found) => found.1 += 1,
                None => roles.push((role, 1)),
            }
        }
        for alias in p.name.iter().chain(&p.aliases) {
            if seen_alias.insert(alias.as_str()) {
                person.aliases.push(alias.clone());
            }
        }
    }
    // `max_by_key` keeps the last of equals: iterate reversed so the first seen wins.
    if !generic {
        person.name = names
            .iter()
            .rev()
            .max_by_key(|(_, full, count)| (*full, *count))
            .map(|(n, _, _)| (*n).to_owned());
    }
    person.role = roles
        .iter()
        .rev()
        .max_by_key(|(_, count)| *count)
        .map(|(r, _)| (*r).to_owned());
    let mut folded = String::new();
    for text in person
        .name
        .iter()
        .chain(&person.role)
        .chain(&person.aliases)
    {
        folded.push_str(&fold(text).replace('\n', " "));
        folded.push('\n');
    }
    person.folded = folded;
    person.occurrences = occurrences;
    person
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn entry(text: &str) -> Entry {
        Entry::from_transcript(PathBuf::from("t.txt"), 0, &crate::parse_text(text))
    }

    fn named<'a>(people: &'a [LibraryPerson], name: &str) -> Vec<&'a LibraryPerson> {
        people
            .iter()
            .filter(|p| p.aliases.iter().any(|a| a == name))
            .collect()
    }

    #[test]
    fn name_completeness() {
        assert_eq!(completeness("Andrei Velsky"), (2, true));
        assert_eq!(completeness("A. Velsky"), (2, false));
        assert_eq!(completeness("В.Путин"), (2, false));
        assert_eq!(completeness("Velsky"), (1, false));
    }

    #[test]
    fn spelling_variants_across_files_are_one_person() {
        let entries = vec![
            entry("Talks\n\nPresident of Orlavia Andrei Velsky: Hello.\n\nVelsky: Again.\n"),
            entry("Réunion\n\nPrésident de l’Orlavie Andreï Velski : Bonjour.\n"),
        ];
        let people = merge_people(&entries);
        let velsky = named(&people, "Andrei Velsky");
        assert_eq!(velsky.len(), 1);
        let occurrences: Vec<usize> = velsky
            .iter()
            .flat_map(|p| p.occurrences.iter().map(|o| o.entry))
            .collect();
        assert_eq!(occurrences, vec![0, 1]);
        assert_eq!(velsky.first().map(|p| p.speeches), Some(3));
    }

    #[test]
    fn a_surname_alone_stays_apart_when_two_people_bear_it() {
        let entries = vec![
            entry("One\n\nMinister Andrei Velsky: Hello.\n"),
            entry("Two\n\nMinister Anna Velsky: Hello.\n"),
            entry("Three\n\nMR. VELSKY: Hello.\n"),
        ];
        let people = merge_people(&entries);
        let named_people = people.iter().filter(|p| !p.generic).count();
        assert_eq!(named_people, 3, "{people:#?}");
    }

    #[test]
    fn a_surname_alone_joins_the_only_person_who_bears_it() {
        let entries = vec![
            entry("One\n\nMR. VELSKY: Hello.\n"),
            entry("Two\n\nMinister Andrei Velsky: Hello.\n"),
        ];
        let people = merge_people(&entries);
        assert_eq!(people.iter().filter(|p| !p.generic).count(), 1);
        assert_eq!(
            people.first().and_then(|p| p.name.as_deref()),
            Some("Andrei Velsky")
        );
    }

    #[test]
    fn generic_speakers_are_grouped_by_label_and_never_named() {
        let entries = vec![
            entry("One\n\nAndrei Velsky: Hello.\n\nQuestion: Why?\n\nVelsky: Because.\n"),
            entry("Two\n\nQuestion: When?\n\nAnna Velsky: Soon.\n"),
        ];
        let people = merge_people(&entries);
        let questions: Vec<&LibraryPerson> = people.iter().filter(|p| p.generic).collect();
        assert_eq!(questions.len(), 1);
        assert_eq!(questions.first().map(|p| p.occurrences.len()), Some(2));
        assert_eq!(questions.first().and_then(|p| p.name.clone()), None);
    }

    #[test]
    fn one_person_in_two_scripts_is_one_person() {
        let entries = vec![
            entry("Встреча\n\nПредседатель Правительства Андрей Вельский: Добрый день.\n"),
            entry("Meeting\n\nPrime Minister Andrei Velsky: Good afternoon.\n"),
            entry("Talks\n\nMinister Anna Velsky: Hello.\n"),
        ];
        let people = merge_people(&entries);
        let velsky = named(&people, "Andrei Velsky");
        assert_eq!(velsky.len(), 1, "{people:#?}");
        assert!(velsky[0].aliases.contains(&"Андрей Вельский".to_owned()));
        assert_eq!(velsky[0].files(), 2);
        assert_eq!(
            named(&people, "Anna Velsky").len(),
            1,
            "a namesake stays apart"
        );
    }

    #[test]
    fn two_full_names_of_one_participant_join_their_people_in_every_file() {
        let mut corrected =
            crate::parse_text("Talks\n\nAlexander Orlov: Hello.\n\nSasha Orlov: Hello again.\n");
        let base = crate::corrections::Base::Parsed(&corrected);
        let merge = crate::corrections::Edit::Merge {
            keep: "Alexander Orlov".to_owned(),
            gone: "Sasha Orlov".to_owned(),
        };
        corrected = crate::corrections::apply(base, &[merge]).transcript;
        let entries = vec![
            entry("One\n\nSasha Orlov: Hi.\n"),
            Entry::from_transcript(PathBuf::from("c.txt"), 0, &corrected),
            entry("Three\n\nAlexander Orlov: Good day.\n"),
            entry("Four\n\nMaria Orlov: Good day.\n"),
        ];
        let before = merge_people(&[&entries[0], &entries[2]]);
        assert_eq!(before.len(), 2, "the rules alone keep them apart");
        let people = merge_people(&entries);
        let orlov = named(&people, "Sasha Orlov");
        assert_eq!(orlov.len(), 1, "{people:#?}");
        assert_eq!(orlov[0].files(), 3);
        assert_eq!(orlov[0].name.as_deref(), Some("Alexander Orlov"));
        assert_eq!(
            named(&people, "Maria Orlov").len(),
            1,
            "a namesake stays apart"
        );
    }

    #[test]
    fn initials_alone_do_not_join_across_scripts() {
        let entries = vec![
            entry("Встреча\n\nА.Вельский: Добрый день.\n"),
            entry("One\n\nMinister Andrei Velsky: Hello.\n"),
        ];
        let people = merge_people(&entries);
        assert_eq!(
            named(&people, "Andrei Velsky").first().map(|p| p.files()),
            Some(1)
        );
    }
}
