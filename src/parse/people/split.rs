//! Splitting one reference ("Le président du Kazakhstan Kassym-Jomart Tokayev",
//! "MR. SMITH", "А.Лукашенко (как переведено)") into role, name and honorific.

use super::lexicon;
use super::names::{Words, units_to_keep};

/// What one reference says about a person.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// The role as written, without leading articles ("président du Kazakhstan").
    pub role: Option<String>,
    /// The name as written ("Kassym-Jomart Tokayev", "В.Путин"); title-cased when the
    /// label was in capitals.
    pub name: Option<String>,
    /// "Mr.", "Mme", "г-н".
    pub honorific: Option<String>,
    /// A generic speaker label ("Question", "Вопрос").
    pub generic: bool,
}

/// Splits a reference into role, name and honorific.
pub(crate) fn parse_reference(text: &str) -> Parsed {
    let text = trim_reference(text);
    let (outside, notes) = take_parentheticals(text);
    if lexicon::is_generic_label(&outside) {
        return Parsed {
            role: Some(outside),
            generic: true,
            ..Parsed::default()
        };
    }
    let outside = if is_all_caps(&outside) {
        title_case(&outside)
    } else {
        outside
    };
    let mut parsed = split_plain(&outside);
    if parsed.name.is_none() {
        // "The Prime Minister (Rishi Sunak)": the name stands in brackets.
        if let Some((index, found)) = notes
            .iter()
            .enumerate()
            .find_map(|(i, n)| name_in_note(n).map(|p| (i, p)))
        {
            parsed.name = found.name;
            parsed.honorific = parsed.honorific.or(found.honorific);
            let rest: Vec<&str> = notes
                .iter()
                .enumerate()
                .filter(|&(i, _)| i != index)
                .map(|(_, n)| n.as_str())
                .collect();
            if parsed.role.is_none() && !rest.is_empty() {
                parsed.role = Some(rest.join(", "));
            }
            return parsed;
        }
    }
    // "Jane Doe (Some Constituency) (Party)": the brackets say what the person stands for.
    if parsed.role.is_none() && !notes.is_empty() {
        parsed.role = Some(notes.join(", "));
    }
    parsed
}

/// Trims spaces and the punctuation that closes a list entry or label.
pub(crate) fn trim_reference(text: &str) -> &str {
    text.trim()
        .trim_end_matches([',', '.', ';', ':', ' '])
        .trim_start_matches(['-', '–', '—', '•', '*', ' '])
}

/// Removes "(…)" and "[…]" groups; returns the rest (space-cleaned) and the groups'
/// contents that are not translation notes.
fn take_parentheticals(text: &str) -> (String, Vec<String>) {
    let mut outside = String::with_capacity(text.len());
    let mut notes = Vec::new();
    let mut depth = 0usize;
    let mut current = String::new();
    for c in text.chars() {
        match c {
            '(' | '[' => {
                if depth == 0 {
                    outside.push(' ');
                } else {
                    current.push(c);
                }
                depth += 1;
            }
            ')' | ']' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    push_note(&mut notes, &current);
                    current.clear();
                } else {
                    current.push(c);
                }
            }
            _ if depth > 0 => current.push(c),
            _ => outside.push(c),
        }
    }
    if depth > 0 {
        push_note(&mut notes, &current);
    }
    let outside = crate::text::clean_spaces(&outside);
    let outside = trim_reference(&outside).to_owned();
    (outside, notes)
}

fn push_note(notes: &mut Vec<String>, note: &str) {
    let note = crate::text::clean_spaces(note);
    let note = trim_reference(&note);
    if !note.is_empty() && !lexicon::is_translation_note(&crate::text::fold(note)) {
        notes.push(note.to_owned());
    }
}

/// A bracket that holds a name and nothing else: two to four units ("Rishi Sunak"), or a
/// surname after an honorific ("Mr. Brandt").
fn name_in_note(text: &str) -> Option<Parsed> {
    let words = Words::new(text);
    let n = words.len();
    let start = usize::from(words.is_honorific(0));
    if start >= n || !words.is_name(start) || words.run_starting_at(start) != n {
        return None;
    }
    let units = words.units(start..n).len();
    let enough = if start == 1 { 1..=4 } else { 2..=4 };
    enough.contains(&units).then(|| Parsed {
        name: Some(words.span(text, start..n).to_owned()),
        honorific: (start == 1).then(|| words.span(text, 0..1).to_owned()),
        ..Parsed::default()
    })
}

/// Whether the text has two letters or more and no lowercase letter ("MR. SMITH").
fn is_all_caps(text: &str) -> bool {
    let mut letters = 0;
    for c in text.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            letters += 1;
        }
    }
    letters >= 2
}

/// "SECRETARY O'BRIEN-SMITH" → "Secretary O'Brien-Smith".
pub(crate) fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    for c in text.chars() {
        if c.is_alphabetic() {
            if after_letter {
                out.extend(c.to_lowercase());
            } else {
                out.push(c);
            }
            after_letter = true;
        } else {
            out.push(c);
            after_letter = false;
        }
    }
    out
}

/// Splits a reference without brackets.
fn split_plain(text: &str) -> Parsed {
    let words = Words::new(text);
    let n = words.len();
    let mut lo = 0;
    while lo < n && lexicon::is_leading_filler(words.f(lo)) {
        lo += 1;
    }
    if lo == n {
        return Parsed {
            role: (!text.is_empty()).then(|| text.to_owned()),
            ..Parsed::default()
        };
    }
    // A role word that closes the label right after a name word is a surname ("… King").
    let is_name = |i: usize| {
        words.is_name(i)
            || (i + 1 == n
                && i > lo
                && lexicon::is_role_word_also_surname(words.f(i))
                && words.tokens.get(i).is_some_and(|t| t.is_capitalised())
                && words.is_name(i - 1))
    };
    let run_start = words.run_ending_at(lo, n, is_name);
    let mut name_range = None;
    if run_start < n {
        let units = words.units(run_start..n);
        let something_before = run_start > lo;
        let marker_before = something_before
            && !words.boundary_before(run_start)
            && lexicon::is_complement_marker(words.f(run_start - 1));
        let keep = units_to_keep(&words, &units, something_before, marker_before);
        if keep > 0
            && let Some(first) = units.get(units.len() - keep)
        {
            name_range = Some(first.start..n);
        }
    }
    // "Jane Doe, Secretary of State": a name before the first comma, the role after it.
    if name_range.is_none()
        && words.is_name(lo)
        && let Some(comma) = (lo + 1..n).find(|&i| words.boundary_before(i))
        && words.run_starting_at(lo) == comma
    {
        let role = words.span(text, comma..n);
        return Parsed {
            role: clean_role(role),
            name: Some(words.span(text, lo..comma).to_owned()),
            ..Parsed::default()
        };
    }
    let Some(mut name_range) = name_range else {
        return role_only(text, &words, lo, n);
    };
    // Only initials ("Q.", "A. B.") make no name.
    if name_range.clone().all(|i| words.is_initial(i)) {
        return role_only(text, &words, lo, n);
    }
    let mut role_end = name_range.start;
    let mut honorific = None;
    // French "M. Dupont", "M. Jean-Marc Ayrault": a Latin "M." before a name word is
    // "Monsieur", not an initial.
    if name_range.len() >= 2
        && words
            .tokens
            .get(name_range.start)
            .is_some_and(|t| t.text == "M.")
        && !words.is_initial(name_range.start + 1)
    {
        honorific = Some("M.".to_owned());
        role_end = name_range.start;
        name_range.start += 1;
    } else if role_end > lo && lexicon::is_honorific(words.f(role_end - 1)) {
        role_end -= 1;
        honorific = Some(words.span(text, role_end..role_end + 1).to_owned());
    }
    let role = (role_end > lo)
        .then(|| clean_role(words.span(text, lo..role_end)))
        .flatten();
    Parsed {
        role,
        name: Some(words.span(text, name_range).to_owned()),
        honorific,
        generic: false,
    }
}

/// A reference with no name: the role, with a leading honorific set apart ("Mr Speaker").
fn role_only(text: &str, words: &Words, lo: usize, n: usize) -> Parsed {
    let mut start = lo;
    let mut honorific = None;
    if lexicon::is_honorific(words.f(lo)) && lo + 1 < n {
        honorific = Some(words.span(text, lo..lo + 1).to_owned());
        start += 1;
    }
    Parsed {
        role: clean_role(words.span(text, start..n)),
        name: None,
        honorific,
        generic: false,
    }
}

/// Trims a role and drops a stray dot before a lowercase word
/// ("plénipotentiaire. de la Fédération" → "plénipotentiaire de la Fédération").
pub(crate) fn clean_role(role: &str) -> Option<String> {
    let role = trim_reference(role);
    if role.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(role.len());
    for (i, c) in role.char_indices() {
        if c == '.' {
            // After a long lowercase word only: "hon. members" keeps its abbreviation dot.
            let word_before = role
                .get(..i)
                .and_then(|s| s.rsplit(|ch: char| !ch.is_alphabetic()).next())
                .unwrap_or("");
            let prev_lower =
                word_before.chars().count() > 4 && word_before.chars().all(char::is_lowercase);
            let mut rest = role.get(i + 1..).unwrap_or("").chars();
            let next_lower =
                rest.next() == Some(' ') && rest.next().is_some_and(char::is_lowercase);
            if prev_lower && next_lower {
                continue;
            }
        }
        out.push(c);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Option<String>, Option<String>) {
        let p = parse_reference(text);
        (p.role, p.name)
    }

    fn rn(role: Option<&str>, name: Option<&str>) -> (Option<String>, Option<String>) {
        (role.map(str::to_owned), name.map(str::to_owned))
    }

    #[test]
    fn french_roles_with_complements() {
        assert_eq!(
            split("Le président du Kazakhstan Kassym-Jomart Tokayev,"),
            rn(
                Some("président du Kazakhstan"),
                Some("Kassym-Jomart Tokayev")
            )
        );
        assert_eq!(
            split("Président de la Russie Vladimir Poutine"),
            rn(Some("Président de la Russie"), Some("Vladimir Poutine"))
        );
        assert_eq!(
            split("le ministre de la Défense Sergueï Choïgou,"),
            rn(Some("ministre de la Défense"), Some("Sergueï Choïgou"))
        );
        assert_eq!(
            split("Président de la République de Biélorussie Alexandre Loukachenko"),
            rn(
                Some("Président de la République de Biélorussie"),
                Some("Alexandre Loukachenko")
            )
        );
        assert_eq!(
            split(
                "le secrétaire général de l’Organisation du Traité de sécurité collective Imangali Tasmagambetov"
            ),
            rn(
                Some("secrétaire général de l’Organisation du Traité de sécurité collective"),
                Some("Imangali Tasmagambetov")
            )
        );
        assert_eq!(
            split("l’assistant présidentiel Iouri Ouchakov,"),
            rn(Some("assistant présidentiel"), Some("Iouri Ouchakov"))
        );
    }

    #[test]
    fn french_role_only_and_stray_dot() {
        assert_eq!(
            split("le chef d’état-major adjoint du bureau exécutif présidentiel,"),
            rn(
                Some("chef d’état-major adjoint du bureau exécutif présidentiel"),
                None
            )
        );
        assert_eq!(
            split(
                "et l’ambassadeur extraordinaire et plénipotentiaire. de la Fédération de Russie en Moldavie Pavel Griaznov."
            ),
            rn(
                Some(
                    "ambassadeur extraordinaire et plénipotentiaire de la Fédération de Russie en Moldavie"
                ),
                Some("Pavel Griaznov")
            )
        );
    }

    #[test]
    fn english_titles_and_particles() {
        assert_eq!(
            split("President of the United Arab Emirates Mohamed bin Zayed"),
            rn(
                Some("President of the United Arab Emirates"),
                Some("Mohamed bin Zayed")
            )
        );
        assert_eq!(
            split("Prime Minister Anna Berg"),
            rn(Some("Prime Minister"), Some("Anna Berg"))
        );
        assert_eq!(
            split("Secretary of State Blinken"),
            rn(Some("Secretary of State"), Some("Blinken"))
        );
        assert_eq!(
            split("Deputy Chief of Staff Jane Roe"),
            rn(Some("Deputy Chief of Staff"), Some("Jane Roe"))
        );
        assert_eq!(
            split("Martin Luther King"),
            rn(None, Some("Martin Luther King"))
        );
        assert_eq!(
            split("Charles de Gaulle"),
            rn(None, Some("Charles de Gaulle"))
        );
        assert_eq!(
            split("Jane Doe, Secretary of Health"),
            rn(Some("Secretary of Health"), Some("Jane Doe"))
        );
    }

    #[test]
    fn english_capitals_and_honorifics() {
        let p = parse_reference("MR. SMITH");
        assert_eq!(
            (p.name.as_deref(), p.honorific.as_deref()),
            (Some("Smith"), Some("Mr."))
        );
        assert_eq!(p.role, None);
        assert_eq!(
            split("SECRETARY BLINKEN"),
            rn(Some("Secretary"), Some("Blinken"))
        );
        assert_eq!(split("THE PRESIDENT"), rn(Some("President"), None));
        assert_eq!(split("The Speaker"), rn(Some("Speaker"), None));
        let p = parse_reference("Mr Speaker");
        assert_eq!((p.role.as_deref(), p.name), (Some("Speaker"), None));
        let p = parse_reference("M. Dupont");
        assert_eq!(
            (p.name.as_deref(), p.honorific.as_deref()),
            (Some("Dupont"), Some("M."))
        );
    }

    #[test]
    fn institutions_end_role_only_entries() {
        assert_eq!(
            split("Deputy Head of the Presidential Executive Office"),
            rn(
                Some("Deputy Head of the Presidential Executive Office"),
                None
            )
        );
        assert_eq!(
            split("Minister of Foreign Affairs"),
            rn(Some("Minister of Foreign Affairs"), None)
        );
        assert_eq!(
            split("заместитель руководителя аппарата Правительства"),
            rn(
                Some("заместитель руководителя аппарата Правительства"),
                None
            )
        );
        assert_eq!(
            split("Председатель Правительства Орлавии Андрей Вельский"),
            rn(
                Some("Председатель Правительства Орлавии"),
                Some("Андрей Вельский")
            )
        );
    }

    #[test]
    fn abbreviation_dots_stay() {
        assert_eq!(
            split("Hon. Robert Finch (Minister of Transport, Lib.)"),
            rn(Some("Minister of Transport, Lib"), Some("Robert Finch"))
        );
        assert_eq!(
            split("the hon. member for Port Vell"),
            rn(Some("member for Port Vell"), None)
        );
        assert!(parse_reference("Some hon. members").generic);
        assert!(parse_reference("Hon. Members").generic);
    }

    #[test]
    fn titles_numerals_and_initials() {
        let p = parse_reference("Emir of Qatar Sheikh Tamim bin Hamad Al Thani");
        assert_eq!(p.role.as_deref(), Some("Emir of Qatar"));
        assert_eq!(p.name.as_deref(), Some("Tamim bin Hamad Al Thani"));
        assert_eq!(p.honorific.as_deref(), Some("Sheikh"));
        assert_eq!(
            split("Sa Majesté le roi Charles III"),
            rn(Some("Sa Majesté le roi"), Some("Charles III"))
        );
        assert_eq!(
            split("Президент Республики Казахстан К.Токаев"),
            rn(Some("Президент Республики Казахстан"), Some("К.Токаев"))
        );
        assert_eq!(
            split("President George W. Bush"),
            rn(Some("President"), Some("George W. Bush"))
        );
        let p = parse_reference("et M. Jean-Marc Ayrault");
        assert_eq!(
            (p.name.as_deref(), p.honorific.as_deref()),
            (Some("Jean-Marc Ayrault"), Some("M."))
        );
        let p = parse_reference("THE CHAIRMAN (Mr. Brandt)");
        assert_eq!(
            (p.role.as_deref(), p.name.as_deref()),
            (Some("Chairman"), Some("Brandt"))
        );
    }

    #[test]
    fn parliamentary_brackets() {
        assert_eq!(
            split("Jane Doe (Some Constituency) (Party)"),
            rn(Some("Some Constituency, Party"), Some("Jane Doe"))
        );
        assert_eq!(
            split("The Prime Minister (Rishi Kapoor)"),
            rn(Some("Prime Minister"), Some("Rishi Kapoor"))
        );
    }

    #[test]
    fn russian_labels() {
        assert_eq!(split("В.Путин"), rn(None, Some("В.Путин")));
        assert_eq!(
            split("А.Лукашенко (как переведено)"),
            rn(None, Some("А.Лукашенко"))
        );
        assert_eq!(
            split("Президент Казахстана Касым-Жомарт Токаев"),
            rn(Some("Президент Казахстана"), Some("Касым-Жомарт Токаев"))
        );
        assert_eq!(
            split("Президент Республики Беларусь Александр Лукашенко"),
            rn(
                Some("Президент Республики Беларусь"),
                Some("Александр Лукашенко")
            )
        );
        assert_eq!(
            split("Президент России Владимир Владимирович Путин"),
            rn(
                Some("Президент России"),
                Some("Владимир Владимирович Путин")
            )
        );
        assert_eq!(
            split("Помощник Президента Юрий Ушаков"),
            rn(Some("Помощник Президента"), Some("Юрий Ушаков"))
        );
        assert_eq!(
            split("Министр обороны Сергей Шойгу"),
            rn(Some("Министр обороны"), Some("Сергей Шойгу"))
        );
    }

    #[test]
    fn generic_labels_have_no_name() {
        let p = parse_reference("Question (retranslated)");
        assert!(p.generic);
        assert_eq!((p.role.as_deref(), p.name), (Some("Question"), None));
        let p = parse_reference("Journaliste (question retraduite)");
        assert!(p.generic);
        assert!(parse_reference("Вопрос").generic);
        assert!(!parse_reference("Vladimir Poutine").generic);
    }
}
