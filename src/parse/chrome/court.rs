//! Records of courts and international bodies: the print numbers a UN verbatim record
//! repeats on every page ("S/PV.9912", "31-14512 (E)", "*3114512*"), and the word index a
//! court transcript ends with after "(Whereupon, … the case was submitted.)".

use super::{Item, PageMeta, Rule};
use crate::parse::context::roster_line;
use crate::text::fold;

/// How far from the top a court record's case caption may start, in lines.
const CAPTION_LINES: usize = 40;

/// Takes out document symbols and print job numbers on lines of their own: a UN symbol
/// ("S/PV.9912", "A/78/PV.12"), maybe with the running title and date after it, a job
/// number ("31-14512 (E)", "31-14512 3/4"), or a bar code ("*3114512*").
pub(super) fn document_numbers(items: &mut [Item]) {
    for item in items.iter_mut().filter(|i| i.is_text()) {
        let text = item.line.text.trim();
        if is_document_symbol_line(text) || is_job_number(text) || is_bar_code(text) {
            item.removed = Some(Rule::DocumentNumber);
        }
    }
}

/// "S/PV.9912", "A/78/PV.12", alone or before a running title and a date
/// ("S/PV.9912 Situation on the Orla river 10/06/2031"), or after "United Nations".
fn is_document_symbol_line(text: &str) -> bool {
    let text = text.strip_prefix("United Nations").unwrap_or(text).trim();
    let Some(symbol) = text.split_whitespace().next() else {
        return false;
    };
    let parts: Vec<&str> = symbol.split('/').collect();
    let symbol_like = parts.len() >= 2
        && parts[0].len() <= 3
        && parts[0].chars().all(|c| c.is_ascii_uppercase())
        && parts
            .last()
            .is_some_and(|p| p.contains('.') && p.chars().any(|c| c.is_ascii_digit()));
    if !symbol_like {
        return false;
    }
    // Alone, or followed by a running title that ends in a date.
    let rest = text[symbol.len()..].trim();
    rest.is_empty()
        || rest
            .split_whitespace()
            .last()
            .is_some_and(|w| w.chars().filter(|c| *c == '/').count() == 2)
}

/// "31-14512", "31-14512 (E)", "31-14512 3/4".
fn is_job_number(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let job = first.split_once('-').is_some_and(|(a, b)| {
        a.len() == 2
            && b.len() == 5
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    });
    job && words.all(|w| w.len() <= 5 && (w.starts_with('(') || w.contains('/')))
}

/// "*3114512*".
fn is_bar_code(text: &str) -> bool {
    text.len() >= 6
        && text.starts_with('*')
        && text.ends_with('*')
        && text[1..text.len() - 1].chars().all(|c| c.is_ascii_digit())
}

/// Takes a UN record's roster out of the text ("President: Mr. Lund …… (Norway)",
/// "Members: Arland …… Mr. Osei", one member a line) into the page's roster.
pub(super) fn roster(items: &mut [Item], meta: &mut PageMeta) {
    for item in items.iter_mut().filter(|i| i.is_text()) {
        if let Some(entry) = roster_line(&item.line.text) {
            meta.roster.push(entry);
            item.removed = Some(Rule::Roster);
        }
    }
}

/// Takes out a court record's case caption near the top: the parties in a column closed by
/// colons, "v.", "Petitioners,", "No. 31-418", between rules of dashes ending in "x". Its
/// lines end with a lone colon, which would read as speaker labels.
pub(super) fn case_caption(items: &mut [Item]) {
    let top = CAPTION_LINES.min(items.len());
    let rules: Vec<usize> = (0..top)
        .filter(|&i| items[i].is_text() && is_caption_rule(&items[i].line.text))
        .collect();
    let (first, last) = match rules.as_slice() {
        [first, .., last] => (*first, *last),
        _ => {
            // No rules: the run of lines that end in a lone colon.
            let column: Vec<usize> = (0..top)
                .filter(|&i| items[i].is_text() && ends_in_lone_colon(&items[i].line.text))
                .collect();
            match column.as_slice() {
                [first, .., last] if column.len() >= 3 => (*first, *last),
                _ => return parties_around_versus(items, top),
            }
        }
    };
    let column = (first..=last)
        .filter(|&i| ends_in_lone_colon(&items[i].line.text))
        .count();
    if column < 2 {
        return;
    }
    for item in &mut items[first..=last] {
        if item.is_text() {
            item.removed = Some(Rule::CaseCaption);
        }
    }
}

/// Party roles that close each side of a case caption ("Appellant,", "Respondent.").
const PARTY_ROLES: &[&str] = &[
    "appellant",
    "appellants",
    "respondent",
    "respondents",
    "petitioner",
    "petitioners",
    "plaintiff",
    "plaintiffs",
    "defendant",
    "defendants",
    "applicant",
    "applicants",
    "claimant",
    "claimants",
];

/// A caption without colons or rules: a party and its role ("MARLOW SHIPPING LTD.," /
/// "Appellant,"), a "v." line (maybe with the case number), and the other party and its
/// role. The four to six text lines from the first party to the second role go.
fn parties_around_versus(items: &mut [Item], top: usize) {
    let text_lines: Vec<usize> = (0..top).filter(|&i| items[i].is_text()).collect();
    let is_role = |i: usize| {
        let t = items[i].line.text.trim().trim_end_matches([',', '.', ';']);
        PARTY_ROLES.contains(&t.to_lowercase().as_str())
    };
    let is_versus = |i: usize| {
        let t = items[i].line.text.trim();
        t == "v." || t == "v" || t == "vs." || t.starts_with("v. ") || t.starts_with("vs. ")
    };
    for (k, &at) in text_lines.iter().enumerate() {
        if !is_versus(at) {
            continue;
        }
        // party, role, v., party, role — as text lines.
        let (Some(&before), Some(&first), Some(&after)) = (
            k.checked_sub(1).and_then(|b| text_lines.get(b)),
            k.checked_sub(2).and_then(|b| text_lines.get(b)),
            text_lines.get(k + 2),
        ) else {
            continue;
        };
        if is_role(before) && is_role(after) {
            for item in &mut items[first..=after] {
                if item.is_text() {
                    item.removed = Some(Rule::CaseCaption);
                }
            }
            return;
        }
    }
}

/// Takes out a transcript's table of contents: from a "CONTENTS" line (also spaced out,
/// "C O N T E N T S") to the "PROCEEDINGS" line that opens the record, within the first
/// lines of the record.
pub(super) fn contents(items: &mut [Item]) {
    let top = (CAPTION_LINES * 2).min(items.len());
    let squeezed = |i: usize| -> String {
        items[i]
            .line
            .text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
    };
    let Some(start) = (0..top).find(|&i| items[i].is_text() && squeezed(i) == "CONTENTS") else {
        return;
    };
    let Some(end) = (start + 1..top).find(|&i| items[i].is_text() && squeezed(i) == "PROCEEDINGS")
    else {
        return;
    };
    for item in &mut items[start..=end] {
        if item.is_text() {
            item.removed = Some(Rule::Contents);
        }
    }
}

/// "---------------x": the rule above and below a case caption.
fn is_caption_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 10 && t.ends_with(['x', 'X']) && t[..t.len() - 1].chars().all(|c| c == '-')
}

/// "HARBOUR FERRY COMPANY, ET AL., :", "Petitioners, :" — a colon alone at the end.
fn ends_in_lone_colon(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with(" :") || t == ":"
}

/// Takes out everything after a court record's closing "(Whereupon, … submitted.)" when
/// what follows reads as a word index: most of its lines hold page:line references.
pub(super) fn word_index(items: &mut [Item]) {
    let Some(end) = items.iter().rposition(|i| {
        // The closing note is a sentence or two: a longer line is no such note.
        i.is_text() && i.line.text.len() <= 600 && {
            let folded = fold(&i.line.text);
            folded.contains("whereupon") && folded.contains("submitted")
        }
    }) else {
        return;
    };
    let after: Vec<usize> = (end + 1..items.len())
        .filter(|&k| items[k].is_text())
        .collect();
    let references = after
        .iter()
        .filter(|&&k| has_page_line_reference(&items[k].line.text))
        .count();
    if after.is_empty() || references * 2 < after.len() {
        return;
    }
    for k in after {
        items[k].removed = Some(Rule::CourtIndex);
    }
}

/// Whether `text` holds a "12:4"-style page and line reference.
fn has_page_line_reference(text: &str) -> bool {
    text.split_whitespace().any(|w| {
        w.split_once(':').is_some_and(|(page, line)| {
            !page.is_empty()
                && !line.is_empty()
                && page.len() <= 4
                && line.len() <= 2
                && page.chars().all(|c| c.is_ascii_digit())
                && line.chars().all(|c| c.is_ascii_digit())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::{kept, page};

    #[test]
    fn a_case_caption_is_no_speakers() {
        let p = page(
            "IN THE SUPREME COURT\n------------x\nHARBOUR FERRY COMPANY, :\n   Petitioners, :\n  v. : No. 31-418\nDEPARTMENT OF TRANSPORT, :\n   Respondent. :\n------------x\nArland, Tuesday\n",
        );
        assert_eq!(kept(&p), ["IN THE SUPREME COURT", "Arland, Tuesday"]);
    }

    #[test]
    fn the_table_of_contents_goes() {
        let p = page(
            "C O N T E N T S\nORAL ARGUMENT OF PAGE\nNORA PIKE, ESQ. 3\nP R O C E E D I N G S\nCHIEF JUSTICE HALE: We will hear argument.\n",
        );
        assert_eq!(kept(&p), ["CHIEF JUSTICE HALE: We will hear argument."]);
    }

    #[test]
    fn roster_lines_go_to_the_roster() {
        let p = page(
            "Security Council\nPresident: Mr. Lund ...... (Norway)\nMembers: Arland ...... Mr. Osei\nThe agenda was adopted.\n",
        );
        assert_eq!(kept(&p), ["Security Council", "The agenda was adopted."]);
        assert_eq!(p.meta.roster.len(), 2);
    }

    #[test]
    fn un_print_numbers_go() {
        let p = page(
            "United Nations S/PV.9912\nSecurity Council\n31-14512 (E)\n*3114512*\nThe President: I welcome the Minister.\nS/PV.9912 Situation on the Orla river 10/06/2031\n31-14512 3/4\n",
        );
        assert_eq!(
            kept(&p),
            ["Security Council", "The President: I welcome the Minister."]
        );
    }

    #[test]
    fn the_word_index_after_the_record_goes() {
        let p = page(
            "JUSTICE OSEI: Thank you.\n(Whereupon, at 11:02 a.m., the case was submitted.)\nability 7:2 contract 3:16\nargument 1:13 3:2\nA\n",
        );
        assert_eq!(
            kept(&p),
            [
                "JUSTICE OSEI: Thank you.",
                "(Whereupon, at 11:02 a.m., the case was submitted.)"
            ]
        );
    }

    #[test]
    fn text_after_the_record_that_is_no_index_stays() {
        let p = page("(Whereupon, the case was submitted.)\nCertificate of the reporter.\n");
        assert_eq!(p.removed.len(), 0);
    }
}
