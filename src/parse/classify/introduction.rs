//! A questioner who introduces themselves: "Lena Hart, Orla Daily. Mr President, will …?",
//! "Елена Харт, «Орла дейли». …?". At a press conference a question often opens with the
//! asker's name and outlet instead of a speaker label; a careful reader takes the name as
//! the speaker of that turn and the outlet as their affiliation.

use super::label_words::{Case, bare, case_of};
use crate::parse::people::is_role_word;
use crate::parse::words::labels::lex;
use crate::text::fold;

/// Most words of the name before the comma ("Lena Hart", "Jean-Marc de la Tour").
const MAX_NAME_WORDS: usize = 4;
/// Most words of the outlet after it ("The Northern Rivers Herald news agency").
const MAX_OUTLET_WORDS: usize = 7;

/// A self-introduction at the start of a turn's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Introduction<'l> {
    /// The asker's name, as written.
    pub(crate) name: &'l str,
    /// The outlet or organisation, quotes kept ("«Orla Daily»").
    pub(crate) outlet: &'l str,
}

/// "<Name>, <Outlet>. <question>" at the start of `text`: a name of two to four capitalised
/// words (particles allowed inside), a short outlet that starts with a capital or a quote,
/// a full stop, and a question mark further on. Greetings and thanks ("Dear Colleagues,
/// Friends.") are not names: their words are sentence or role words.
pub(crate) fn introduction(text: &str) -> Option<Introduction<'_>> {
    let (name, after) = text.split_once(", ")?;
    let (outlet, question) = after.split_once(". ")?;
    if !question.contains('?') || !is_person_name(name) || !is_outlet(outlet) {
        return None;
    }
    Some(Introduction { name, outlet })
}

/// Two to four words, capitalised (particles between), none a sentence, greeting or role
/// word, no punctuation but hyphens and apostrophes.
fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=MAX_NAME_WORDS).contains(&words.len()) {
        return false;
    }
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if case_of(first) != Case::Upper || case_of(last) != Case::Upper {
        return false;
    }
    words.iter().all(|w| {
        let b = bare(w);
        let letters_only = w
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        let allowed = match case_of(w) {
            Case::Upper => !lex().stop.contains(b.as_str()) && !lex().always.contains(b.as_str()),
            Case::Lower => lex().particles.contains(b.as_str()),
            Case::None => false,
        };
        letters_only && allowed && !is_role_word(&fold(w))
    })
}

/// One to seven words that start with a capital or an opening quote, without sentence
/// punctuation or a role word.
fn is_outlet(outlet: &str) -> bool {
    let words = outlet.split_whitespace().count();
    let opens = outlet
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || matches!(c, '«' | '"' | '“' | '„'));
    // "Andrei Velsky, President of Orlavia." names a role, not an outlet.
    let names_a_role = outlet
        .split_whitespace()
        .any(|w| is_role_word(&fold(w.trim_matches(|c: char| !c.is_alphanumeric()))));
    opens
        && !names_a_role
        && (1..=MAX_OUTLET_WORDS).contains(&words)
        && !outlet.contains(['?', '!', ':', ';', ','])
}

#[cfg(test)]
mod tests {
    use super::{Introduction, introduction};

    #[test]
    fn a_name_and_an_outlet_before_a_question() {
        assert_eq!(
            introduction("Lena Hart, Orla Daily. Mr President, will the bridge hold?"),
            Some(Introduction {
                name: "Lena Hart",
                outlet: "Orla Daily"
            })
        );
        assert_eq!(
            introduction("Елена Харт, «Орла дейли». Скажите, мост выдержит?").map(|i| i.outlet),
            Some("«Орла дейли»")
        );
        assert_eq!(
            introduction("Omar al-Rashid, Kestria Radio news service. Is it true?").map(|i| i.name),
            Some("Omar al-Rashid")
        );
    }

    #[test]
    fn greetings_statements_and_roles_are_not_introductions() {
        // No question: a statement that happens to have the shape.
        assert_eq!(
            introduction("Lena Hart, Orla Daily. The bridge will hold."),
            None
        );
        assert_eq!(
            introduction("Dear Colleagues, Friends. Shall we begin?"),
            None
        );
        assert_eq!(introduction("Thank you, Mr President. Will it hold?"), None);
        assert_eq!(introduction("Mr President, Minister. Will it hold?"), None);
        assert_eq!(introduction("Andrei Velsky, yes. Will it hold?"), None);
        assert_eq!(
            introduction("Andrei Velsky, President of Orlavia. Will it hold?"),
            None
        );
        assert_eq!(
            introduction("Good afternoon, everyone. Will it hold?"),
            None
        );
    }
}
