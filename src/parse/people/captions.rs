//! People named in a photo caption ("Le président biélorusse Alexandre Loukachenko avant la
//! séance photo…"). A run of capitalised words names a person when it matches someone
//! already known, or when a role phrase stands before it in the same clause. Organisations,
//! places and events ("Conseil de sécurité collective", "OTSC", "Minsk") have neither.

use super::lexicon;
use super::names::{NameParts, Words, units_to_keep};
use super::resolve::{Lookup, Resolver, RoleRank};
use super::split::clean_role;

/// Words that open a new clause: a role phrase before them belongs to someone else.
#[rustfmt::skip]
const CLAUSE_WORDS: &[&str] = &[
    "avec", "avant", "apres", "lors", "pendant", "durant", "entre", "et", "with", "during",
    "before", "after", "at", "and", "between", "while", "и", "с", "со", "перед", "после", "во",
    "время", "между",
];

/// How far back (in words) a role phrase may stand before the name.
const ROLE_WINDOW: usize = 14;

/// How many units a name found in a caption may have.
const MAX_NAME_UNITS: usize = 4;

/// Finds the people a caption names; creates the ones a role phrase introduces.
pub(crate) fn scan(resolver: &mut Resolver, text: &str) -> Vec<usize> {
    let words = Words::new(text);
    let n = words.len();
    let mut found: Vec<usize> = Vec::new();
    // Token index after the last person found: a role phrase never reaches back past it.
    let mut floor = 0;
    let mut i = 0;
    while i < n {
        if !words.is_name(i) {
            i += 1;
            continue;
        }
        let end = words.run_starting_at(i);
        let role = role_phrase(&words, i, floor);
        if let Some((pid, name_start)) = known_in_run(resolver, &words, text, i, end)
            .or_else(|| new_in_run(resolver, &words, text, i, end, role))
        {
            let role = role.and_then(|r| clean_role(words.span(text, r.first..name_start)));
            if let Some(role) = role {
                resolver.set_role(pid, role, RoleRank::Caption);
            }
            if !found.contains(&pid) {
                found.push(pid);
            }
            floor = end;
        }
        i = end;
    }
    found
}

/// The longest tail of the run (up to four units) that names exactly one known person.
/// Returns the person and the token where the name starts.
fn known_in_run(
    resolver: &mut Resolver,
    words: &Words,
    text: &str,
    start: usize,
    end: usize,
) -> Option<(usize, usize)> {
    let units = words.units(start..end);
    for keep in (1..=units.len().min(MAX_NAME_UNITS)).rev() {
        let Some(first) = units.get(units.len() - keep) else {
            continue;
        };
        if first.particle_led {
            continue;
        }
        let name = words.span(text, first.start..end);
        let Some(parts) = NameParts::parse(name) else {
            continue;
        };
        if let Lookup::Found(pid) = resolver.find_named(&parts) {
            resolver.absorb(pid, name, parts, None, RoleRank::Caption, &[]);
            return Some((pid, first.start));
        }
    }
    None
}

/// A new person introduced by a role phrase ("Le ministre de la Défense Sergueï Choïgu",
/// "Chancellor Anna Berg"); never a run followed by its own complement ("Conseil de
/// sécurité", "Ministry of Defence").
fn new_in_run(
    resolver: &mut Resolver,
    words: &Words,
    text: &str,
    start: usize,
    end: usize,
    role: Option<RolePhrase>,
) -> Option<(usize, usize)> {
    // "Heads of State of the Northern Union": a plural speaks of a group, not of one person.
    let role = role?;
    if lexicon::is_plural_role_word(words.f(role.nearest)) {
        return None;
    }
    if !words.boundary_before(end) && lexicon::is_following_complement_marker(words.f(end)) {
        return None;
    }
    let units = words.units(start..end);
    let marker_before = start > 0
        && !words.boundary_before(start)
        && lexicon::is_complement_marker(words.f(start - 1));
    let keep = units_to_keep(words, &units, true, marker_before);
    if keep == 0 || keep > MAX_NAME_UNITS {
        return None;
    }
    // A lone word makes a person only right after the role word ("Chancellor Berg"), not
    // at the end of a complement ("Minister of the Interior Affairs").
    if keep == 1 && (marker_before || role.nearest + 1 != start) {
        return None;
    }
    let first = units.get(units.len() - keep)?;
    if first.particle_led || (first.start..end).all(|t| words.is_initial(t)) {
        return None;
    }
    let name = words.span(text, first.start..end);
    let parts = NameParts::parse(name)?;
    let pid = match resolver.find_named(&parts) {
        Lookup::Found(pid) => pid,
        Lookup::Ambiguous => return None,
        Lookup::Unknown => resolver.create(false),
    };
    resolver.absorb(pid, name, parts, None, RoleRank::Caption, &[]);
    Some((pid, first.start))
}

/// Where the role phrase before a name stands: its first and its last role word.
#[derive(Copy, Clone, Debug)]
struct RolePhrase {
    first: usize,
    nearest: usize,
}

/// The role phrase of the clause that ends at `run_start`: from its first role word,
/// looking back at most [`ROLE_WINDOW`] words, never past punctuation, a clause word or
/// `floor`.
fn role_phrase(words: &Words, run_start: usize, floor: usize) -> Option<RolePhrase> {
    let mut phrase: Option<RolePhrase> = None;
    let mut k = run_start;
    while k > floor && run_start - k < ROLE_WINDOW && !words.boundary_before(k) {
        let t = k - 1;
        let folded = words.f(t);
        if CLAUSE_WORDS.contains(&folded) {
            break;
        }
        if lexicon::is_role_word(folded) {
            phrase = Some(RolePhrase {
                first: t,
                nearest: phrase.map_or(t, |p| p.nearest),
            });
        }
        k = t;
    }
    phrase
}

#[cfg(test)]
mod tests {
    use super::super::{PersonSource, Resolution, SourceKind, resolve};

    fn run(sources: &[(SourceKind, &str)]) -> Resolution {
        let sources: Vec<PersonSource> = sources
            .iter()
            .map(|&(kind, text)| PersonSource { kind, text })
            .collect();
        resolve(&sources, "fr")
    }

    fn ids(r: &Resolution, i: usize) -> Vec<usize> {
        r.ids[i].iter().map(|id| id.index()).collect()
    }

    use SourceKind::{Caption, ListItem, SpeakerLabel};

    #[test]
    fn captions_name_known_people_and_nobody_else() {
        let r = run(&[
            (
                ListItem,
                "Le président du Kazakhstan Kassym-Jomart Tokayev,",
            ),
            (
                ListItem,
                "le secrétaire du Conseil de sécurité Nikolaï Patrouchev,",
            ),
            (
                Caption,
                "Avant une séance du Conseil de sécurité collective de l’OTSC",
            ),
            (
                Caption,
                "Le président du Kazakhstan Kassym-Jomart Tokayev lors de la session du Conseil de sécurité collective",
            ),
            (
                Caption,
                "Photo de groupe des chefs des États membres de l’OTSC",
            ),
            (
                Caption,
                "Lors de la session du Conseil de sécurité collective de l’OTSC en format restreint",
            ),
            (
                Caption,
                "le secrétaire du Conseil de sécurité Nikolaï Patrouchev avant une réunion élargie",
            ),
            (Caption, "Session du Conseil de sécurité collective à Minsk"),
            (
                Caption,
                "Kassym-Jomart Tokayev et Nikolaï Patrouchev à Minsk",
            ),
        ]);
        assert_eq!(r.participants.len(), 2);
        assert!(ids(&r, 2).is_empty());
        assert_eq!(ids(&r, 3), [0]);
        assert!(ids(&r, 4).is_empty());
        assert!(ids(&r, 5).is_empty());
        assert_eq!(ids(&r, 6), [1]);
        assert!(ids(&r, 7).is_empty());
        assert_eq!(ids(&r, 8), [0, 1]);
    }

    #[test]
    fn a_role_phrase_introduces_a_new_person() {
        let r = run(&[
            (
                Caption,
                "Le président biélorusse Alexandre Loukachenko avant la séance photo commune des chefs d’État",
            ),
            (
                Caption,
                "Avec le président biélorusse Alexandre Loukachenko avant la session",
            ),
            (Caption, "Chancellor Anna Berg at the Federal Assembly"),
            (
                Caption,
                "Le ministre de la Défense Sergueï Choïgu avant une réunion élargie",
            ),
            (ListItem, "le ministre de la Défense Sergueï Choïgou,"),
            (Caption, "С Президентом Казахстана Касым-Жомартом Токаевым"),
            (ListItem, "Президент Казахстана Касым-Жомарт Токаев"),
        ]);
        let names: Vec<_> = r.participants.iter().map(|p| p.display_name()).collect();
        assert_eq!(
            names,
            [
                "Alexandre Loukachenko",
                "Anna Berg",
                "Sergueï Choïgou",
                "Касым-Жомарт Токаев"
            ]
        );
        assert_eq!(ids(&r, 1), [0]);
        assert_eq!(ids(&r, 4), [2]);
        assert_eq!(ids(&r, 6), [3]);
        assert_eq!(
            r.participants[0].role.as_deref(),
            Some("président biélorusse")
        );
        assert_eq!(r.participants[1].role.as_deref(), Some("Chancellor"));
        assert_eq!(
            r.participants[2].role.as_deref(),
            Some("ministre de la Défense")
        );
    }

    #[test]
    fn groups_and_institutions_are_nobody() {
        let r = run(&[
            (
                Caption,
                "Before the meeting of the Council of Heads of State of the Northern Lakes Union",
            ),
            (Caption, "Group photo of the heads of state"),
            (
                Caption,
                "Перед заседанием Совета глав правительств Союза северных озёр",
            ),
            (Caption, "Minister of Foreign Affairs before the talks"),
            (Caption, "Chancellor Berg at the Federal Assembly"),
        ]);
        assert!(ids(&r, 0).is_empty(), "{:?}", r.participants);
        assert!(ids(&r, 1).is_empty());
        assert!(ids(&r, 2).is_empty());
        assert!(ids(&r, 3).is_empty());
        assert_eq!(ids(&r, 4), [0]);
        assert_eq!(r.participants[0].name.as_deref(), Some("Berg"));
    }

    #[test]
    fn captions_never_merge_different_people() {
        let r = run(&[
            (
                ListItem,
                "Le président de la Biélorussie Alexandre Loukachenko",
            ),
            (
                ListItem,
                "le vice-ministre des Affaires étrangères Alexandre Pankine",
            ),
            (Caption, "Alexandre Pankine et Alexandre Loukachenko"),
            (
                SpeakerLabel,
                "Président de la République de Biélorussie Alexandre Loukachenko",
            ),
        ]);
        assert_eq!(ids(&r, 2), [1, 0]);
        assert_eq!(ids(&r, 3), [0]);
        assert_eq!(r.participants.len(), 2);
    }
}
