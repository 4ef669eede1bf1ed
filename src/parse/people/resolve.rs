//! One participant per person: labels, list entries and captions resolved against an
//! index of the people already seen (full name, surname, one-letter surname variants,
//! role, generic label), so that each source costs a few hash look-ups.

use foldhash::{HashMap, HashSet};

use super::names::NameParts;
use super::similarity::{MAX_FUZZY_LEN, stem, surnames_match};
use super::split::{Parsed, parse_reference, trim_reference};
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

impl Resolver {
    /// A speaker label: always exactly one participant.
    pub(crate) fn label(&mut self, text: &str) -> usize {
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
    pub(crate) fn list_item(&mut self, text: &str) -> Option<usize> {
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

    pub(crate) fn finish(self) -> Vec<Participant> {
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
mod tests;
