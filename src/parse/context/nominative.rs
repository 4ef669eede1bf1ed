//! Russian names in the nominative. A page often names a guest first in another case —
//! "Встреча с Президентом Кестрии Дарьей Малиновой" (instrumental) — and only later as the
//! speaker labels and captions write it, "Д.Малинова", "Дарья Малинова". A careful reader
//! calls the person by the nominative: a speaker label is always in it, so the full name
//! whose surname matches the labels' is the one to show, and the role read beside the
//! oblique name is put back in the nominative too.

use super::surname_key;
use crate::model::{Participant, Transcript};
use crate::text::fold;

/// Gives each participant whose name is in an oblique case the nominative full name among
/// their aliases, the one whose surname their speaker labels share.
pub(super) fn nominative_names(t: &mut Transcript) {
    let label_surnames: Vec<Vec<String>> = t
        .participants
        .iter()
        .map(|p| {
            p.appearances
                .speeches
                .iter()
                .filter_map(|id| t.speech(*id))
                .filter_map(|s| surname(&s.label))
                .collect()
        })
        .collect();
    let labels: Vec<Option<String>> = t
        .participants
        .iter()
        .map(|p| {
            p.appearances
                .speeches
                .iter()
                .filter_map(|id| t.speech(*id))
                .map(|s| s.label.clone())
                .next()
        })
        .collect();
    for ((p, surnames), label) in t.participants.iter_mut().zip(label_surnames).zip(labels) {
        if let Some(first) = surnames.first() {
            use_nominative(p, first);
            if let Some(label) = label {
                rebuild_nominative(p, &label);
            }
        }
    }
}

/// When no alias gives the nominative but an initialled label does ("М.Горчаков" beside
/// "Матвеем Горчаковым"), writes the name from the label's surname and the given name put
/// back in the nominative, provided it starts with the label's initial.
fn rebuild_nominative(p: &mut Participant, label: &str) {
    let Some(name) = p.name.clone() else {
        return;
    };
    let words: Vec<&str> = name.split_whitespace().collect();
    let (Some((initials, label_surname)), [given, surname]) =
        (label.rsplit_once('.'), words.as_slice())
    else {
        return;
    };
    let label_surname = label_surname.trim();
    if !is_cyrillic(&name)
        || fold(surname) == fold(label_surname)
        || !same_stems(surname, label_surname)
    {
        return;
    }
    let Some(given) = nominative_given_name(given, feminine_instrumental(surname)) else {
        return;
    };
    let initial = initials.trim().chars().next().map(|c| fold(&c.to_string()));
    if initial != given.chars().next().map(|c| fold(&c.to_string())) {
        return;
    }
    let nominative = format!("{given} {label_surname}");
    p.aliases.retain(|a| *a != nominative);
    if !p.aliases.contains(&name) {
        p.aliases.push(name);
    }
    p.name = Some(nominative);
    if let Some(role) = p.role.take() {
        p.role = Some(nominative_role(&role));
    }
}

/// A given name in the instrumental put back in the nominative: "Матвеем" → "Матвей",
/// "Иваном" → "Иван", "Игорем" → "Игорь"; for a woman (`feminine`, which her surname's
/// ending tells) "Мариной" → "Марина", "Дарьей" → "Дарья", "Таней" → "Таня". `None` for a
/// word that has none of these endings.
fn nominative_given_name(word: &str, feminine: bool) -> Option<String> {
    /// Names whose stem changes: a vowel drops out of the oblique cases.
    const IRREGULAR: &[(&str, &str)] = &[("Павлом", "Павел"), ("Петром", "Пётр"), ("Львом", "Лев")];
    if let Some((_, nominative)) = IRREGULAR.iter().find(|(oblique, _)| *oblique == word) {
        return Some((*nominative).to_owned());
    }
    let vowel = |c: char| "аеёиоуыэюя".contains(c);
    let stem_and = |ending: &str| word.strip_suffix(ending).filter(|s| s.chars().count() >= 2);
    if feminine {
        return stem_and("ой").map(|stem| format!("{stem}а")).or_else(|| {
            stem_and("ей")
                .or_else(|| stem_and("ёй"))
                .map(|stem| format!("{stem}я"))
        });
    }
    if let Some(stem) = stem_and("ем").or_else(|| stem_and("ём")) {
        let last = stem.chars().last()?;
        return Some(if vowel(last) {
            format!("{stem}й")
        } else {
            format!("{stem}ь")
        });
    }
    stem_and("ом").map(str::to_owned)
}

/// Whether a surname in the instrumental is a woman's ("Малиновой", "Вельской").
fn feminine_instrumental(surname: &str) -> bool {
    surname.ends_with("ой") || surname.ends_with("ей")
}

/// Swaps `p`'s name for the alias with the label's surname, when the name has another.
fn use_nominative(p: &mut Participant, label_surname: &str) {
    let Some(name) = p.name.clone() else {
        return;
    };
    if !is_cyrillic(&name) || surname(&name).as_deref() == Some(label_surname) {
        return;
    }
    let Some(nominative) = p
        .aliases
        .iter()
        .find(|a| {
            a.split_whitespace().count() == name.split_whitespace().count()
                && surname(a).as_deref() == Some(label_surname)
                && same_stems(a, &name)
        })
        .cloned()
    else {
        return;
    };
    p.aliases.retain(|a| *a != nominative);
    if !p.aliases.contains(&name) {
        p.aliases.push(name);
    }
    p.name = Some(nominative);
    if let Some(role) = p.role.take() {
        p.role = Some(nominative_role(&role));
    }
}

/// The last word of a name or label, folded, initials cut off ("Д.Малинова" → "малинова").
fn surname(label: &str) -> Option<String> {
    surname_key(label.rsplit('.').next().unwrap_or(label))
}

/// Whether the two names are word for word the same but for their endings.
fn same_stems(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .zip(b.split_whitespace())
        .all(|(x, y)| {
            let (x, y) = (fold(x), fold(y));
            let common = x.chars().zip(y.chars()).take_while(|(c, d)| c == d).count();
            common + 2 >= x.chars().count().min(y.chars().count()) && common >= 3
        })
}

fn is_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// Instrumental endings of a role's leading words and their nominative: "Президентом" →
/// "Президент", "Председателем" → "Председатель", "Генеральным секретарём" → "Генеральный
/// секретарь". Words from the first that takes none of them on (a genitive complement,
/// "Кестрии") stay as they are.
fn nominative_role(role: &str) -> String {
    const ENDINGS: &[(&str, &str)] = &[
        ("ым", "ый"),
        ("им", "ий"),
        ("ом", ""),
        ("ём", "ь"),
        ("ем", "ь"),
    ];
    let mut done = false;
    role.split_whitespace()
        .map(|word| {
            if done {
                return word.to_owned();
            }
            let changed = ENDINGS.iter().find_map(|(from, to)| {
                word.strip_suffix(from)
                    .filter(|stem| stem.chars().count() >= 3)
                    .map(|stem| format!("{stem}{to}"))
            });
            match changed {
                Some(nominative) => nominative,
                None => {
                    done = true;
                    word.to_owned()
                }
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_back_in_the_nominative() {
        assert_eq!(nominative_role("Президентом Кестрии"), "Президент Кестрии");
        assert_eq!(
            nominative_role("Председателем Правительства Орлавии"),
            "Председатель Правительства Орлавии"
        );
        assert_eq!(
            nominative_role("Генеральным секретарём Союза"),
            "Генеральный секретарь Союза"
        );
        assert_eq!(
            nominative_role("Премьер-министром Кестрии"),
            "Премьер-министр Кестрии"
        );
    }

    #[test]
    fn given_names_back_in_the_nominative() {
        for (oblique, feminine, nominative) in [
            ("Матвеем", false, "Матвей"),
            ("Андреем", false, "Андрей"),
            ("Иваном", false, "Иван"),
            ("Игорем", false, "Игорь"),
            ("Павлом", false, "Павел"),
            ("Мариной", true, "Марина"),
            ("Дарьей", true, "Дарья"),
            ("Марией", true, "Мария"),
            ("Таней", true, "Таня"),
        ] {
            assert_eq!(
                nominative_given_name(oblique, feminine).as_deref(),
                Some(nominative)
            );
        }
        assert_eq!(nominative_given_name("Матвей", false), None);
    }

    #[test]
    fn an_initialled_label_gives_the_surname_and_the_initial_checks_the_given_name() {
        let mut p = Participant {
            name: Some("Матвеем Горчаковым".to_owned()),
            role: Some("губернатором Северной области".to_owned()),
            aliases: vec!["М.Горчаков".to_owned()],
            id: crate::model::ParticipantId(0),
            generic: false,
            appearances: crate::model::Appearances::default(),
        };
        let mut other = p.clone();
        rebuild_nominative(&mut p, "М.Горчаков");
        assert_eq!(p.name.as_deref(), Some("Матвей Горчаков"));
        assert_eq!(p.role.as_deref(), Some("губернатор Северной области"));
        // Another initial: the given name cannot be this one's.
        rebuild_nominative(&mut other, "А.Горчаков");
        assert_eq!(other.name.as_deref(), Some("Матвеем Горчаковым"));
    }

    #[test]
    fn the_alias_with_the_labels_surname_becomes_the_name() {
        let mut p = Participant {
            name: Some("Дарьей Малиновой".to_owned()),
            role: Some("Президентом Кестрии".to_owned()),
            aliases: vec!["Дарья Малинова".to_owned(), "Д.Малинова".to_owned()],
            id: crate::model::ParticipantId(0),
            generic: false,
            appearances: crate::model::Appearances::default(),
        };
        use_nominative(&mut p, "малинова");
        assert_eq!(p.name.as_deref(), Some("Дарья Малинова"));
        assert_eq!(p.role.as_deref(), Some("Президент Кестрии"));
        assert!(p.aliases.contains(&"Дарьей Малиновой".to_owned()));
        // Already in the nominative, or no alias to take: nothing changes.
        let before = p.clone();
        use_nominative(&mut p, "малинова");
        assert_eq!(p, before);
    }
}
