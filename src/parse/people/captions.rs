//! People named in a photo caption ("Le président biélorusse Alexandre Loukachenko avant la
//! séance photo…"). A run of capitalised words names a person when it matches someone
//! already known, or when a role phrase stands before it in the same clause. Organisations,
//! places and events ("Conseil de sécurité collective", "OTSC", "Minsk") have neither.

use foldhash::HashMap;
use std::ops::Range;
use std::rc::Rc;

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

/// Most distinct captions whose plans are kept (a document repeats its captions; the
/// bound keeps memory flat on a document where none repeats).
const MAX_PLANS: usize = 4096;

/// Plans of the captions read so far, by caption text.
#[derive(Default)]
pub(crate) struct PlanCache {
    plans: HashMap<String, Rc<CaptionPlan>>,
}

impl PlanCache {
    /// The plan of `text`, made once per distinct caption.
    fn get(&mut self, text: &str) -> Rc<CaptionPlan> {
        if let Some(plan) = self.plans.get(text) {
            return Rc::clone(plan);
        }
        let plan = Rc::new(CaptionPlan::new(text));
        if self.plans.len() < MAX_PLANS {
            self.plans.insert(text.to_owned(), Rc::clone(&plan));
        }
        plan
    }
}

/// What a caption says on its own, before anyone is looked up: its runs of name words,
/// the role words before each, and the names to try in each with their parts. Tokenizing,
/// folding, the word lists and name parsing are the costly part of reading a caption, and
/// none of them depends on who is known, so a repeated caption reuses its plan and only
/// the look-ups run again.
pub(crate) struct CaptionPlan {
    /// Byte range of each token.
    tokens: Vec<Range<usize>>,
    runs: Vec<RunPlan>,
}

/// One run of name words.
struct RunPlan {
    /// Token index just past the run.
    end: usize,
    /// Role words before the run, nearest first, as far back as the clause goes when no
    /// earlier person cuts it short.
    role_words: Vec<usize>,
    /// Tails of the run to look up among known people, longest first.
    known: Vec<Candidate>,
    /// The name a role phrase introduces, when there is one (see [`new_in_run`]).
    new: Option<Candidate>,
}

/// A name to look up.
struct Candidate {
    /// Byte range of the name in the caption.
    span: Range<usize>,
    parts: NameParts,
    /// Token where the name starts.
    first_token: usize,
}

impl CaptionPlan {
    fn new(text: &str) -> Self {
        let words = Words::new(text);
        let n = words.len();
        let mut runs = Vec::new();
        let mut i = 0;
        while i < n {
            if !words.is_name(i) {
                i += 1;
                continue;
            }
            let end = words.run_starting_at(i);
            let role_words = role_words(&words, i);
            let new = role_words
                .first()
                .and_then(|&nearest| new_in_run(&words, text, i, end, nearest));
            runs.push(RunPlan {
                end,
                role_words,
                known: known_in_run(&words, text, i, end),
                new,
            });
            i = end;
        }
        CaptionPlan {
            tokens: words.tokens.iter().map(|t| t.start..t.end).collect(),
            runs,
        }
    }

    /// The source text from the start of token `from` to the end of token `to - 1`
    /// (as [`Words::span`]).
    fn span<'t>(&self, text: &'t str, range: Range<usize>) -> &'t str {
        match (self.tokens.get(range.start), range.end.checked_sub(1)) {
            (Some(first), Some(last_index)) if last_index >= range.start => self
                .tokens
                .get(last_index)
                .and_then(|last| text.get(first.start..last.end))
                .unwrap_or(""),
            _ => "",
        }
    }
}

/// Finds the people a caption names and creates the ones a role phrase introduces, with
/// the caption's plan taken from (or added to) `plans`.
pub(crate) fn scan_with(resolver: &mut Resolver, plans: &mut PlanCache, text: &str) -> Vec<usize> {
    let plan = plans.get(text);
    let mut found: Vec<usize> = Vec::new();
    // Token index after the last person found: a role phrase never reaches back past it.
    let mut floor = 0;
    for run in &plan.runs {
        // The role phrase runs from its first role word to its nearest (the run's
        // candidate for a new person assumed that one), none of them before `floor`.
        let role_start = match run.role_words.first() {
            Some(&nearest) if nearest >= floor => {
                run.role_words.iter().take_while(|&&t| t >= floor).last()
            }
            _ => None,
        };
        let hit = lookup_known(resolver, &run.known, text).or_else(|| {
            role_start
                .and(run.new.as_ref())
                .and_then(|new| lookup_new(resolver, new, text))
        });
        if let Some((pid, name_start)) = hit {
            let role = role_start.and_then(|&first| clean_role(plan.span(text, first..name_start)));
            if let Some(role) = role {
                resolver.set_role(pid, role, RoleRank::Caption);
            }
            if !found.contains(&pid) {
                found.push(pid);
            }
            floor = run.end;
        }
    }
    found
}

/// The first candidate that names exactly one known person.
fn lookup_known(
    resolver: &mut Resolver,
    candidates: &[Candidate],
    text: &str,
) -> Option<(usize, usize)> {
    for c in candidates {
        if let Lookup::Found(pid) = resolver.find_named(&c.parts) {
            let name = text.get(c.span.clone()).unwrap_or("");
            resolver.absorb(pid, name, &c.parts, None, RoleRank::Caption, &[]);
            return Some((pid, c.first_token));
        }
    }
    None
}

/// The person a role phrase introduces: known, or new.
fn lookup_new(resolver: &mut Resolver, c: &Candidate, text: &str) -> Option<(usize, usize)> {
    let pid = match resolver.find_named(&c.parts) {
        Lookup::Found(pid) => pid,
        Lookup::Ambiguous => return None,
        Lookup::Unknown => resolver.create(false),
    };
    let name = text.get(c.span.clone()).unwrap_or("");
    resolver.absorb(pid, name, &c.parts, None, RoleRank::Caption, &[]);
    Some((pid, c.first_token))
}

/// The tails of the run (up to four units) to look up among known people, longest first,
/// with the token where each starts.
fn known_in_run(words: &Words, text: &str, start: usize, end: usize) -> Vec<Candidate> {
    let units = words.units(start..end);
    let mut out = Vec::new();
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
        out.push(Candidate {
            span: span_range(text, name),
            parts,
            first_token: first.start,
        });
    }
    out
}

/// A new person introduced by a role phrase whose nearest role word is token `nearest`
/// ("Le ministre de la Défense Sergueï Choïgu", "Chancellor Anna Berg"); never a run
/// followed by its own complement ("Conseil de sécurité", "Ministry of Defence").
fn new_in_run(
    words: &Words,
    text: &str,
    start: usize,
    end: usize,
    nearest: usize,
) -> Option<Candidate> {
    // "Heads of State of the Northern Union": a plural speaks of a group, not of one person.
    if lexicon::is_plural_role_word(words.f(nearest)) {
        return None;
    }
    if !words.boundary_before(end) && lexicon::is_following_complement_marker(words.f(end)) {
        return None;
    }
    // "губернатором Северной области": a capitalised word before a lowercase territory or
    // body is the adjective of a place, and the name comes after it.
    if !words.boundary_before(end) && lexicon::is_institution_word(words.f(end)) {
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
    if keep == 1 && (marker_before || nearest + 1 != start) {
        return None;
    }
    let first = units.get(units.len() - keep)?;
    if first.particle_led || (first.start..end).all(|t| words.is_initial(t)) {
        return None;
    }
    let name = words.span(text, first.start..end);
    let parts = NameParts::parse(name)?;
    Some(Candidate {
        span: span_range(text, name),
        parts,
        first_token: first.start,
    })
}

/// The byte range of `part`, a slice of `text`, in `text`.
fn span_range(text: &str, part: &str) -> Range<usize> {
    let start = (part.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    start..start + part.len()
}

/// The role words of the clause that ends at `run_start`, nearest first: looking back at
/// most [`ROLE_WINDOW`] words, never past punctuation or a clause word. A person found
/// earlier in the caption cuts the phrase short (see [`scan_with`]).
fn role_words(words: &Words, run_start: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut k = run_start;
    while k > 0 && run_start - k < ROLE_WINDOW && !words.boundary_before(k) {
        let t = k - 1;
        let folded = words.f(t);
        if CLAUSE_WORDS.contains(&folded) {
            break;
        }
        if lexicon::is_role_word(folded) {
            out.push(t);
        }
        k = t;
    }
    out
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
