//! One participant per person: labels, list entries and captions resolved against an
//! index of the people already seen (full name, surname, one-letter surname variants,
//! role, generic label), so that each source costs a few hash look-ups.

use foldhash::{HashMap, HashSet};

use super::captions;
use super::names::NameParts;
use super::similarity::{MAX_FUZZY_LEN, stem, surnames_match};
use super::split::{Parsed, parse_reference, trim_reference};
use super::{PersonSource, Resolution, SourceKind};
use crate::model::{Appearances, Participant, ParticipantId};
use crate::text::fold;

/// How much a role is worth keeping: a list entry says it best, then a label, then a caption.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum RoleRank {
    /// From a photo caption.
    Caption = 1,
    /// From a speaker label.
    Label = 2,
    /// From an attendee list.
    List = 3,
}

/// The result of looking a name up among the known people.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Lookup {
    /// Exactly one person fits.
    Found(usize),
    /// Several people fit equally well: do not guess.
    Ambiguous,
    /// Nobody fits.
    Unknown,
}

#[derive(Debug, Default)]
struct Person {
    name: Option<String>,
    parts: Option<NameParts>,
    name_rank: Option<RoleRank>,
    role: Option<String>,
    role_rank: Option<RoleRank>,
    aliases: Vec<String>,
    alias_set: HashSet<String>,
    /// Folded full names already in the resolver's indexes.
    indexed: HashSet<String>,
    /// Roles already in the role index.
    roles_seen: HashSet<String>,
    generic: bool,
}

/// The people seen so far and the indexes to find them again.
#[derive(Debug, Default)]
pub(crate) struct Resolver {
    persons: Vec<Person>,
    /// Folded full name → person.
    by_full: HashMap<String, usize>,
    /// Surname key (folded, Russian-stemmed) → people, with the initial each had when
    /// indexed (a cheap filter before comparing first names).
    by_surname: HashMap<String, Vec<(usize, Option<char>)>>,
    /// Surname and each of its one-letter deletions → the distinct surnames that give it:
    /// finds surnames one edit apart with a few look-ups instead of a scan.
    by_deletion: HashMap<String, Vec<String>>,
    /// Surnames whose deletions are in `by_deletion`.
    fuzzy_indexed: HashSet<String>,
    /// Folded role → people who were given that role anywhere.
    by_role: HashMap<String, Vec<usize>>,
    /// Folded role of a role-only label → its person.
    role_labels: HashMap<String, usize>,
    /// Folded role of a role-only list entry → its person.
    role_entries: HashMap<String, usize>,
    /// Folded generic label → its generic participant.
    generics: HashMap<String, usize>,
    /// Speaker label as written → its participant. Resolving a label again gives the same
    /// participant and changes nothing (its names, role and aliases are already absorbed,
    /// and its full name is indexed), so a transcript's thousands of repeated labels are
    /// each read once.
    labels_done: HashMap<String, usize>,
    /// List entry as written → its participant, for the same reason.
    items_done: HashMap<String, Option<usize>>,
}

/// Resolves every source in order.
pub(crate) fn resolve(sources: &[PersonSource]) -> Resolution {
    let mut resolving = Resolving::default();
    resolving.add(sources);
    resolving.finish()
}

/// A resolution under way: sources are given a batch at a time, in document order, so that
/// people can be resolved while the rest of the document is still being read.
#[derive(Default)]
pub(crate) struct Resolving {
    resolver: Resolver,
    plans: captions::PlanCache,
    ids: Vec<Vec<ParticipantId>>,
}

impl Resolving {
    /// Resolves the next sources.
    pub(crate) fn add(&mut self, sources: &[PersonSource]) {
        let resolver = &mut self.resolver;
        let plans = &mut self.plans;
        self.ids.extend(sources.iter().map(|source| {
            let found = match source.kind {
                SourceKind::SpeakerLabel => vec![resolver.label(source.text)],
                SourceKind::ListItem => resolver.list_item(source.text).into_iter().collect(),
                SourceKind::Caption => captions::scan_with(resolver, plans, source.text),
            };
            found.into_iter().map(ParticipantId::from).collect()
        }));
    }

    /// The participants, and the ids each source named.
    pub(crate) fn finish(self) -> Resolution {
        Resolution {
            participants: self.resolver.finish(),
            ids: self.ids,
        }
    }
}

impl Resolver {
    /// A speaker label: always exactly one participant.
    fn label(&mut self, text: &str) -> usize {
        if let Some(&pid) = self.labels_done.get(text) {
            return pid;
        }
        let pid = self.resolve_label(text);
        self.labels_done.insert(text.to_owned(), pid);
        pid
    }

    fn resolve_label(&mut self, text: &str) -> usize {
        let written = trim_reference(text);
        let parsed = parse_reference(text);
        if parsed.generic {
            return self.generic(parsed.role.as_deref().unwrap_or(written), written);
        }
        match parsed {
            Parsed {
                name: Some(name),
                role,
                ..
            } => match NameParts::parse(&name) {
                Some(parts) => {
                    let pid = match self.find_named(&parts) {
                        Lookup::Found(pid) => pid,
                        Lookup::Ambiguous | Lookup::Unknown => self.create(false),
                    };
                    self.absorb(pid, &name, &parts, role, RoleRank::Label, &[written]);
                    pid
                }
                None => self.generic(written, written),
            },
            Parsed {
                role: Some(role), ..
            } => self.role_only_label(role, written),
            _ => self.generic(written, written),
        }
    }

    /// An attendee-list entry: one participant, or none for an entry with no letters.
    fn list_item(&mut self, text: &str) -> Option<usize> {
        if let Some(&pid) = self.items_done.get(text) {
            return pid;
        }
        let pid = self.resolve_list_item(text);
        self.items_done.insert(text.to_owned(), pid);
        pid
    }

    fn resolve_list_item(&mut self, text: &str) -> Option<usize> {
        let written = trim_reference(text);
        if !written.chars().any(char::is_alphabetic) {
            return None;
        }
        let parsed = parse_reference(text);
        if let Some(name) = parsed.name
            && let Some(parts) = NameParts::parse(&name)
        {
            let pid = match self.find_named(&parts) {
                Lookup::Found(pid) => pid,
                Lookup::Ambiguous | Lookup::Unknown => self.create(false),
            };
            self.absorb(pid, &name, &parts, parsed.role, RoleRank::List, &[written]);
            return Some(pid);
        }
        let role = parsed.role.unwrap_or_else(|| written.to_owned());
        let key = fold(&role);
        let pid = match self.role_entries.get(&key) {
            Some(&pid) => pid,
            None => {
                let pid = self.create(false);
                self.role_entries.insert(key, pid);
                pid
            }
        };
        self.set_role(pid, role, RoleRank::List);
        self.add_alias(pid, written);
        Some(pid)
    }

    /// A role-only label ("THE PRESIDENT", "The Speaker"): the one participant with that
    /// role if there is exactly one, else a participant of its own.
    fn role_only_label(&mut self, role: String, written: &str) -> usize {
        let key = fold(&role);
        let pid = if let Some(&pid) = self.role_labels.get(&key) {
            pid
        } else {
            let pid = match self.by_role.get(&key).map(Vec::as_slice) {
                Some(&[only]) => only,
                _ => self.create(false),
            };
            self.role_labels.insert(key, pid);
            pid
        };
        self.set_role(pid, role, RoleRank::Label);
        self.add_alias(pid, written);
        pid
    }

    /// A generic label ("Question"): one participant per distinct folded label.
    fn generic(&mut self, label: &str, written: &str) -> usize {
        let key = fold(label);
        let pid = match self.generics.get(&key) {
            Some(&pid) => pid,
            None => {
                let pid = self.create(true);
                if let Some(person) = self.persons.get_mut(pid) {
                    person.role = (!label.is_empty()).then(|| label.to_owned());
                }
                self.generics.insert(key, pid);
                pid
            }
        };
        self.add_alias(pid, written);
        pid
    }

    /// Finds the one known person a name can be: same full name, or a matching surname
    /// (exact, Russian case ending, or one letter apart) with compatible first names.
    pub(crate) fn find_named(&self, parts: &NameParts) -> Lookup {
        if let Some(&pid) = self.by_full.get(&parts.full) {
            return Lookup::Found(pid);
        }
        // (person, score): 3 = same surname and first name, 2 = same surname,
        // 1 = surname one letter apart.
        let mut scored: Vec<(usize, u8)> = Vec::new();
        let own_key = parts.surname_key();
        self.score_surname(parts, own_key, true, &mut scored);
        // Surnames one letter apart only count when no one fits with this very surname.
        if scored.is_empty() {
            let mut seen: Vec<&str> = Vec::new();
            // Most names looked up here are nobody's: their keys are tried without
            // allocating one string per key.
            each_deletion_key(&parts.surname, |key| {
                for surname in self.by_deletion.get(key).into_iter().flatten() {
                    let other_key = stem(surname);
                    if other_key != own_key
                        && !seen.contains(&other_key)
                        && surnames_match(surname, &parts.surname)
                    {
                        seen.push(other_key);
                        self.score_surname(parts, other_key, false, &mut scored);
                    }
                }
            });
        }
        let Some(best) = scored.iter().map(|&(_, s)| s).max() else {
            return Lookup::Unknown;
        };
        let mut top = scored.iter().filter(|&&(_, s)| s == best);
        match (top.next(), top.next()) {
            (Some(&(pid, _)), None) => Lookup::Found(pid),
            _ => Lookup::Ambiguous,
        }
    }

    /// Scores the people indexed under surname `key` whose first names fit `parts`.
    fn score_surname(
        &self,
        parts: &NameParts,
        key: &str,
        exact_surname: bool,
        scored: &mut Vec<(usize, u8)>,
    ) {
        for &(pid, initial) in self.by_surname.get(key).into_iter().flatten() {
            // The initial recorded with the entry rules most people out without a look.
            if matches!((initial, parts.initial), (Some(a), Some(b)) if a != b) {
                continue;
            }
            let Some(known) = self.persons.get(pid).and_then(|p| p.parts.as_ref()) else {
                continue;
            };
            if !known.first_compatible(parts) {
                continue;
            }
            let score = match (exact_surname, &known.first, &parts.first) {
                (true, Some(a), Some(b)) if a == b => 3,
                (true, _, _) => 2,
                (false, _, _) => 1,
            };
            match scored.iter_mut().find(|(p, _)| *p == pid) {
                Some(entry) => entry.1 = entry.1.max(score),
                None => scored.push((pid, score)),
            }
        }
    }

    /// Adds a new, empty participant.
    pub(crate) fn create(&mut self, generic: bool) -> usize {
        self.persons.push(Person {
            generic,
            ..Person::default()
        });
        self.persons.len() - 1
    }

    /// Records that `pid` is named `name` (keeping the most complete name), has `role`,
    /// and appears as `aliases`.
    pub(crate) fn absorb(
        &mut self,
        pid: usize,
        name: &str,
        parts: &NameParts,
        role: Option<String>,
        rank: RoleRank,
        aliases: &[&str],
    ) {
        for alias in aliases {
            self.add_alias(pid, alias);
        }
        self.add_alias(pid, name);
        if let Some(role) = role {
            self.set_role(pid, role, rank);
        }
        self.index_name(pid, parts);
        let Some(person) = self.persons.get_mut(pid) else {
            return;
        };
        // Fuller names win; among equally full ones, the better source, then the first seen.
        let better = match (&person.parts, person.name_rank) {
            (Some(old), Some(old_rank)) => {
                (parts.completeness(), rank) > (old.completeness(), old_rank)
            }
            _ => true,
        };
        if better {
            person.name = Some(name.to_owned());
            person.parts = Some(parts.clone());
            person.name_rank = Some(rank);
        }
    }

    fn index_name(&mut self, pid: usize, parts: &NameParts) {
        // A name already indexed for this person (a repeated label) adds nothing.
        match self.persons.get_mut(pid) {
            Some(person) if !person.indexed.contains(&parts.full) => {
                person.indexed.insert(parts.full.clone());
            }
            _ => return,
        }
        self.by_full.entry(parts.full.clone()).or_insert(pid);
        let entries = self
            .by_surname
            .entry(parts.surname_key().to_owned())
            .or_default();
        match entries.iter_mut().find(|(p, _)| *p == pid) {
            Some(entry) => entry.1 = entry.1.or(parts.initial),
            None => entries.push((pid, parts.initial)),
        }
        if self.fuzzy_indexed.insert(parts.surname.clone()) {
            let by_deletion = &mut self.by_deletion;
            each_deletion_key(&parts.surname, |key| {
                by_deletion
                    .entry(key.to_owned())
                    .or_default()
                    .push(parts.surname.clone());
            });
        }
    }

    /// Keeps the role from the best kind of source (the first one among equals).
    pub(crate) fn set_role(&mut self, pid: usize, role: String, rank: RoleRank) {
        let Some(person) = self.persons.get_mut(pid) else {
            return;
        };
        if person.generic {
            return;
        }
        if !person.roles_seen.contains(&role) {
            person.roles_seen.insert(role.clone());
            push_unique(self.by_role.entry(fold(&role)).or_default(), pid);
        }
        if person.role_rank.is_none_or(|old| rank > old) {
            person.role = Some(role);
            person.role_rank = Some(rank);
        }
    }

    /// Adds a written form to the participant's aliases, once.
    pub(crate) fn add_alias(&mut self, pid: usize, alias: &str) {
        let alias = alias.trim();
        if alias.is_empty() {
            return;
        }
        if let Some(person) = self.persons.get_mut(pid)
            && !person.alias_set.contains(alias)
        {
            person.alias_set.insert(alias.to_owned());
            person.aliases.push(alias.to_owned());
        }
    }

    fn finish(self) -> Vec<Participant> {
        self.persons
            .into_iter()
            .enumerate()
            .map(|(i, p)| Participant {
                id: ParticipantId::from(i),
                name: p.name,
                role: p.role,
                aliases: p.aliases,
                generic: p.generic,
                appearances: Appearances::default(),
            })
            .collect()
    }
}

fn push_unique(list: &mut Vec<usize>, pid: usize) {
    if !list.contains(&pid) {
        list.push(pid);
    }
}

/// Gives `each` the word itself and each form with one letter deleted ("choigu" →
/// "hoigu", "coigu", …), in one reused buffer; two words one edit apart share at least one
/// of these. Short words (and absurdly long ones, which are no surnames) get none.
fn each_deletion_key(word: &str, mut each: impl FnMut(&str)) {
    let count = word.chars().count();
    if !(5..=MAX_FUZZY_LEN).contains(&count) {
        return;
    }
    each(word);
    let mut key = String::with_capacity(word.len());
    for (i, c) in word.char_indices() {
        key.clear();
        key.push_str(word.get(..i).unwrap_or(""));
        key.push_str(word.get(i + c.len_utf8()..).unwrap_or(""));
        each(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{PersonSource, SourceKind, resolve};
    use super::*;

    fn src(kind: SourceKind, text: &str) -> PersonSource<'_> {
        PersonSource { kind, text }
    }

    fn label(text: &str) -> PersonSource<'_> {
        src(SourceKind::SpeakerLabel, text)
    }

    fn item(text: &str) -> PersonSource<'_> {
        src(SourceKind::ListItem, text)
    }

    fn caption(text: &str) -> PersonSource<'_> {
        src(SourceKind::Caption, text)
    }

    fn ids(r: &Resolution, i: usize) -> Vec<usize> {
        r.ids[i].iter().map(|id| id.index()).collect()
    }

    fn names(r: &Resolution) -> Vec<&str> {
        r.participants
            .iter()
            .map(Participant::display_name)
            .collect()
    }

    #[test]
    fn long_and_short_labels_are_one_person() {
        let r = resolve(
            &[
                label("Président de la Russie Vladimir Poutine"),
                label("Président du Kazakhstan Kassym-Jomart Tokaïev"),
                label("Vladimir Poutine"),
                label("Poutine"),
                label("Tokaïev"),
            ],
            "fr",
        );
        assert_eq!(r.participants.len(), 2);
        assert_eq!(ids(&r, 2), [0]);
        assert_eq!(ids(&r, 3), [0]);
        assert_eq!(ids(&r, 4), [1]);
        let putin = &r.participants[0];
        assert_eq!(putin.name.as_deref(), Some("Vladimir Poutine"));
        assert_eq!(putin.role.as_deref(), Some("Président de la Russie"));
        assert_eq!(
            putin.aliases,
            [
                "Président de la Russie Vladimir Poutine",
                "Vladimir Poutine",
                "Poutine"
            ]
        );
    }

    #[test]
    fn russian_initial_labels_join_full_names() {
        let r = resolve(
            &[
                item("Президент Республики Беларусь Александр Лукашенко"),
                label("Президент России Владимир Путин"),
                label("А.Лукашенко (как переведено)"),
                label("В.Путин"),
                label("В.Лукашенко"),
            ],
            "ru",
        );
        assert_eq!(ids(&r, 2), [0]);
        assert_eq!(ids(&r, 3), [1]);
        // Same surname, another initial: someone else.
        assert_eq!(ids(&r, 4), [2]);
        assert_eq!(
            r.participants[0].name.as_deref(),
            Some("Александр Лукашенко")
        );
        assert_eq!(
            r.participants[0].role.as_deref(),
            Some("Президент Республики Беларусь")
        );
    }

    #[test]
    fn spelling_variants_merge() {
        let r = resolve(
            &[
                item("le ministre de la Défense Sergueï Choïgou,"),
                caption("Le ministre de la Défense Sergueï Choïgu avant la réunion élargie"),
                label("Sergey Choigou"),
                label("Mr. Choïgou"),
                item("le vice-ministre Alexandre Pankine"),
                item("l'ambassadeur Alexander Pankinne"),
            ],
            "fr",
        );
        assert_eq!(r.participants.len(), 2, "{:?}", names(&r));
        assert_eq!(ids(&r, 1), [0]);
        assert_eq!(ids(&r, 2), [0]);
        assert_eq!(ids(&r, 3), [0]);
        assert_eq!(ids(&r, 5), [1]);
        assert_eq!(r.participants[0].name.as_deref(), Some("Sergueï Choïgou"));
        assert!(
            r.participants[0]
                .aliases
                .contains(&"Sergueï Choïgu".to_owned())
        );
    }

    #[test]
    fn never_merge_shared_first_names_or_roles() {
        let r = resolve(
            &[
                item("Le président de la Biélorussie Alexandre Loukachenko,"),
                item("le vice-ministre des Affaires étrangères Alexandre Pankine"),
                item("le vice-ministre des Affaires étrangères Ivan Morozov"),
                item("Anna Kovalenko"),
                item("Petro Kovalenko"),
                label("Kovalenko"),
            ],
            "fr",
        );
        assert_eq!(
            names(&r)[..5],
            [
                "Alexandre Loukachenko",
                "Alexandre Pankine",
                "Ivan Morozov",
                "Anna Kovalenko",
                "Petro Kovalenko"
            ]
        );
        // A bare surname two people share is nobody's: its own entry.
        assert_eq!(ids(&r, 5), [5]);
    }

    #[test]
    fn generic_labels_stay_generic() {
        let r = resolve(
            &[
                label("Question"),
                label("Vladimir Poutine"),
                label("Question"),
                label("Question (retranslated)"),
                label("Вопрос"),
                label("Journaliste (question retraduite)"),
                label("Journaliste"),
            ],
            "fr",
        );
        assert_eq!(ids(&r, 0), [0]);
        assert_eq!(ids(&r, 2), [0]);
        assert_eq!(ids(&r, 3), [0]);
        assert_eq!(ids(&r, 4), [2]);
        assert_eq!(ids(&r, 5), [3]);
        assert_eq!(ids(&r, 6), [3]);
        assert!(r.participants[0].generic);
        assert!(!r.participants[1].generic);
        assert_eq!(r.participants[0].role.as_deref(), Some("Question"));
        assert_eq!(r.participants[0].name, None);
    }

    #[test]
    fn role_only_entries_and_labels() {
        let r = resolve(
            &[
                item("le chef d’état-major adjoint du bureau exécutif présidentiel,"),
                item("le secrétaire de presse présidentiel Dmitri Pechkov,"),
                item("le chef d’état-major adjoint du bureau exécutif présidentiel"),
                label("PRESIDENT BIDEN"),
                label("THE PRESIDENT"),
                label("The Speaker"),
                label("The Speaker"),
                item("$$ ,"),
            ],
            "en",
        );
        assert_eq!(ids(&r, 0), [0]);
        assert_eq!(ids(&r, 2), [0]);
        assert_eq!(r.participants[0].name, None);
        assert_eq!(
            r.participants[0].role.as_deref(),
            Some("chef d’état-major adjoint du bureau exécutif présidentiel")
        );
        assert_eq!(ids(&r, 4), ids(&r, 3));
        assert_eq!(r.participants[2].name.as_deref(), Some("Biden"));
        assert_eq!(ids(&r, 5), [3]);
        assert_eq!(ids(&r, 6), [3]);
        assert!(ids(&r, 7).is_empty());
    }

    #[test]
    fn briefing_and_parliament_labels() {
        let r = resolve(
            &[
                label("MR. SMITH"),
                label("Q"),
                label("MR. SMITH"),
                label("Jane Doe (Some Constituency) (Party)"),
                label("Jane Doe"),
                label("John Smith"),
            ],
            "en",
        );
        assert_eq!(ids(&r, 2), [0]);
        assert_eq!(ids(&r, 4), [2]);
        assert_eq!(ids(&r, 5), [0]);
        assert_eq!(r.participants[0].name.as_deref(), Some("John Smith"));
        assert_eq!(
            r.participants[2].role.as_deref(),
            Some("Some Constituency, Party")
        );
        assert!(r.participants[1].generic);
    }

    #[test]
    fn list_role_beats_caption_role() {
        let r = resolve(
            &[
                caption(
                    "Le président biélorusse Alexandre Loukachenko avant la séance photo commune des chefs d’État de l’OTSC",
                ),
                item("Le président de la Biélorussie Alexandre Loukachenko,"),
                label("Président de la République de Biélorussie Alexandre Loukachenko"),
                label("Mr. Loukachenko"),
            ],
            "fr",
        );
        assert_eq!(r.participants.len(), 1, "{:?}", names(&r));
        assert_eq!(ids(&r, 0), [0]);
        assert_eq!(
            r.participants[0].role.as_deref(),
            Some("président de la Biélorussie")
        );
    }

    #[test]
    fn hearing_labels_in_capitals() {
        let r = resolve(
            &[
                label("CHAIRMAN JONES"),
                label("SENATOR O'BRIEN"),
                label("THE CHAIRMAN"),
                label("THE WITNESS"),
                label("Mr. Chairman"),
                label("THE WITNESS"),
            ],
            "en",
        );
        assert_eq!(names(&r), ["Jones", "O'Brien", "Witness"]);
        assert_eq!(ids(&r, 2), [0]);
        assert_eq!(ids(&r, 4), [0]);
        assert_eq!(ids(&r, 5), [2]);
        assert_eq!(r.participants[0].role.as_deref(), Some("Chairman"));
        assert_eq!(
            r.participants[0].aliases,
            ["CHAIRMAN JONES", "Jones", "THE CHAIRMAN", "Mr. Chairman"]
        );
    }

    #[test]
    fn english_kremlin_shape() {
        let r = resolve(
            &[
                caption(
                    "With President of Belarus Alexander Lukashenko before the meeting of the Collective Security Council",
                ),
                item("Prime Minister Mikhail Ostrov,"),
                item("Deputy Prime Minister – Chief of Government Staff Dmitry Larin,"),
                item("and Presidential Aide Yury Ushakov."),
                label("President of Russia Vladimir Putin"),
                label("President of Belarus Alexander Lukashenko"),
                label("Vladimir Putin"),
                label("Question (retranslated)"),
                label("Alexander Lukashenko (retranslated)"),
                caption(
                    "Prime Minister Mikhail Ostrov and Presidential Aide Yury Ushakov at the Kremlin",
                ),
                caption("The Collective Security Council in Minsk"),
            ],
            "en",
        );
        assert_eq!(
            names(&r),
            [
                "Alexander Lukashenko",
                "Mikhail Ostrov",
                "Dmitry Larin",
                "Yury Ushakov",
                "Vladimir Putin",
                "Question"
            ]
        );
        assert_eq!(ids(&r, 5), [0]);
        assert_eq!(ids(&r, 8), [0]);
        assert_eq!(ids(&r, 9), [1, 3]);
        assert!(ids(&r, 10).is_empty());
        assert_eq!(
            r.participants[2].role.as_deref(),
            Some("Deputy Prime Minister – Chief of Government Staff")
        );
        assert_eq!(r.participants[3].role.as_deref(), Some("Presidential Aide"));
        assert_eq!(
            r.participants[0].role.as_deref(),
            Some("President of Belarus")
        );
    }

    #[test]
    fn a_repeated_label_keeps_its_person() {
        // "Kovalenko" names Anna while she is the only one; once it has, it stays hers
        // even after a second Kovalenko appears (the label is then a known full name).
        let r = resolve(
            &[
                item("Anna Kovalenko"),
                label("Kovalenko"),
                item("Petro Kovalenko"),
                label("Kovalenko"),
                item("Anna Kovalenko"),
                label("Question"),
                label("Question"),
            ],
            "en",
        );
        assert_eq!(ids(&r, 1), [0]);
        assert_eq!(ids(&r, 3), [0]);
        assert_eq!(ids(&r, 4), [0]);
        assert_eq!(ids(&r, 6), ids(&r, 5));
        assert_eq!(r.participants[0].aliases, ["Anna Kovalenko", "Kovalenko"]);
    }

    /// A surname per number whose syllables differ in both letters, so that two of them
    /// are never one edit apart.
    fn surname(n: usize) -> String {
        const SYLLABLES: [&str; 10] = ["ba", "ce", "di", "fo", "gu", "hy", "jr", "ks", "lt", "mn"];
        let digits = format!("{n:04}");
        let mut out = "Zu".to_owned();
        for d in digits.bytes() {
            out.push_str(SYLLABLES[usize::from(d - b'0')]);
        }
        out
    }

    #[test]
    fn ten_thousand_sources_resolve_quickly() {
        let texts: Vec<String> = (0..10_000)
            .map(|i| {
                let s = surname(i / 4);
                match i % 4 {
                    0 => format!("Le ministre numéro {i} Ivan {s}"),
                    1 => s,
                    2 => "Question".to_owned(),
                    _ => format!("Avec le ministre Ivan {s} avant la réunion"),
                }
            })
            .collect();
        let sources: Vec<PersonSource> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| match i % 4 {
                0 => item(t),
                3 => caption(t),
                _ => label(t),
            })
            .collect();
        let started = std::time::Instant::now();
        let r = resolve(&sources, "fr");
        assert!(started.elapsed().as_secs_f64() < 5.0);
        assert_eq!(r.participants.len(), 2_501);
        assert_eq!(ids(&r, 1), ids(&r, 0));
        assert_eq!(ids(&r, 3), ids(&r, 0));
    }
}
