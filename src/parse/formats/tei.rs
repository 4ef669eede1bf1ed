//! ParlaMint TEI: a `TEI` root whose header gives the title, date, place and language, and
//! whose body holds the debate.
//!
//! - `u who="#PetrovaAna"` is a speech, each `seg` in it a paragraph; `ana="#chair"` makes
//!   the speaker the chair.
//! - `note`, `gap`, `vocal`, `kinesic` and `incident` are stage directions, shown in
//!   parentheses; a `note type="speaker"` is the label printed before the next speech.
//! - `head` is a heading; `div` only groups.
//! - People come from `listPerson` (forename and surname of `persName`) where the file has
//!   it, else from the `who` id split into words ("#PetrovaAna" → "Ana Petrova").
//! - Times: a `timeline` of `when` points (`absolute="…T10:05:00"`, or `interval` after
//!   the point named by `since`) timed by `start`/`end` (or `synch`) on `u` (the speech)
//!   and `seg` (the paragraph); a `note type="time"` ("(10.05)") marks when the next speech
//!   starts, and stays in the text as the stage direction it is.
//! - A `teiCorpus` holds several `TEI` documents, read one by one.
//!
//! ```xml
//! <TEI xml:lang="en"><teiHeader>…<title type="main">Council sitting</title>…</teiHeader>
//!   <text><body><div><u who="#PetrovaAna" ana="#chair"><seg>I open the sitting.</seg></u>
//! ```

use std::collections::HashMap;

use super::builder::{Builder, collapse, stage_direction};
use super::timing::time_of_day;
use super::xml::{Element, Node};
use crate::model::{Span, Time, Transcript};

/// Elements that record what happened rather than what was said.
const STAGE_ELEMENTS: &[&str] = &["note", "gap", "vocal", "kinesic", "incident"];

/// Endings that mark a word of a person id as a surname, for ids whose order the file does
/// not give ("#PetrovaAna" and "#AnaPetrova" both read "Ana Petrova").
const SURNAME_ENDINGS: &[&str] = &[
    "ova", "eva", "ov", "ev", "ski", "ska", "sky", "ský", "ská", "ić", "enko", "uk", "sen", "son",
    "escu", "poulos", "idis", "elli",
];

/// People by id (without '#'), from the `listPerson` of a header.
pub(crate) type People = HashMap<String, String>;

/// The transcripts of a `teiCorpus`, one per `TEI` in it, sharing the corpus's people;
/// `hint` titles those without a title.
pub(crate) fn read_corpus(root: &Element, hint: &str) -> Vec<Transcript> {
    let people = people(root);
    root.elements()
        .filter(|e| e.name == "TEI")
        .map(|tei| read_tei(tei, hint, &people))
        .collect()
}

/// The files a `teiCorpus` root names with `xi:include href="…"` (as written, relative to
/// the corpus file), in order, each once: ParlaMint keeps each sitting in a file of its own.
pub(crate) fn corpus_includes(root: &Element) -> Vec<String> {
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    let mut hrefs: Vec<String> = Vec::new();
    let named = root
        .elements()
        .filter(|e| e.name == "include")
        .filter_map(|e| e.attr("href"))
        .map(str::trim)
        .filter(|href| !href.is_empty());
    for href in named {
        if seen.insert(href) {
            hrefs.push(href.to_owned());
        }
    }
    hrefs
}

/// The transcript of a `TEI` document; `shared` holds people from a corpus header.
pub(crate) fn read_tei(tei: &Element, hint: &str, shared: &People) -> Transcript {
    let header = tei.child("teiHeader");
    let language = language(tei);
    let title = header
        .and_then(|h| title(h, &language))
        .unwrap_or_else(|| hint.to_owned());
    let mut b = Builder::new(&title, &language);
    read_setting(tei, &mut b);
    read_body(tei, &mut b, shared);
    b.finish()
}

/// A whole `teiCorpus` as one transcript: the corpus title, then each document under a
/// heading of its own title, for a viewer that shows one document at a time.
pub(crate) fn read_corpus_joined(root: &Element, hint: &str) -> Transcript {
    let people = people(root);
    let documents: Vec<&Element> = root.elements().filter(|e| e.name == "TEI").collect();
    let language = documents
        .first()
        .map_or_else(|| language(root), |d| language(d));
    let title = root
        .child("teiHeader")
        .and_then(|h| title(h, &language))
        .unwrap_or_else(|| hint.to_owned());
    let mut b = Builder::new(&title, &language);
    for (i, tei) in documents.iter().enumerate() {
        if i == 0 {
            read_setting(tei, &mut b);
        }
        if let Some(heading) = tei
            .child("teiHeader")
            .and_then(|h| self::title(h, &language))
        {
            b.heading(&heading);
        }
        read_body(tei, &mut b, &people);
    }
    b.finish()
}

/// The date and place of the header's `setting`.
fn read_setting(tei: &Element, b: &mut Builder) {
    let Some(setting) = tei.child("teiHeader").and_then(|h| h.find("setting")) else {
        return;
    };
    let meta = b.meta();
    meta.date = setting
        .find("date")
        .and_then(|d| d.attr("when"))
        .and_then(iso_date);
    let places: Vec<String> = setting
        .elements()
        .filter(|e| e.name == "name")
        .map(Element::text)
        .filter(|t| !t.is_empty())
        .collect();
    meta.place = (!places.is_empty()).then(|| places.join(", "));
}

/// The debate in the document's body, into `b`.
fn read_body(tei: &Element, b: &mut Builder, shared: &People) {
    let mut people = shared.clone();
    people.extend(self::people(tei));
    let timeline = timeline(tei);
    if let Some(body) = tei.child("text").and_then(|t| t.find("body")) {
        let mut reader = Reader {
            b,
            people: &people,
            timeline: &timeline,
            label: None,
        };
        reader.walk(body);
    }
}

/// Walks the body in order.
struct Reader<'a> {
    b: &'a mut Builder,
    people: &'a People,
    /// The points of the document's `timeline`, by id.
    timeline: &'a HashMap<String, Time>,
    /// The printed label (`note type="speaker"`) waiting for the next speech.
    label: Option<String>,
}

impl Reader<'_> {
    fn walk(&mut self, parent: &Element) {
        for e in parent.elements() {
            match e.name.as_str() {
                "head" => self.b.heading(&e.text()),
                "u" => self.utterance(e),
                "note" if e.attr("type") == Some("speaker") => {
                    let label = e.text();
                    let label = label.trim_end_matches([':', ' ']);
                    self.label = Some(label.to_owned()).filter(|t| !t.is_empty());
                }
                name if STAGE_ELEMENTS.contains(&name) => {
                    self.b.note(&stage_text(e));
                    self.time_note(e);
                }
                "p" | "ab" => {
                    self.b.end_speech();
                    self.b.paragraph(&inline_text(e), Span::default());
                }
                "teiHeader" | "pb" | "lb" | "timeline" | "fw" => {}
                _ => self.walk(e),
            }
        }
    }

    fn utterance(&mut self, u: &Element) {
        let who = u.attr("who").unwrap_or("").trim_start_matches('#').trim();
        let label = self.label.take();
        let name = match self.people.get(who) {
            Some(name) => Some(name.clone()),
            None if who.is_empty() => None,
            None => Some(name_from_id(who, label.as_deref())),
        };
        let roles = u.attr("ana").unwrap_or("");
        let role = roles
            .split_whitespace()
            .map(|r| r.trim_start_matches('#'))
            .find(|r| matches!(*r, "chair" | "guest"));
        let key = if who.is_empty() { "?" } else { who };
        let id = self
            .b
            .person(key, name.as_deref().or(Some("Unknown speaker")), role);
        if who.is_empty() {
            self.b.set_generic(id);
        }
        let label = label.unwrap_or_else(|| name.clone().unwrap_or_default());
        self.b.alias(id, &label);
        self.b.speech(id, &label);
        self.b.speech_span(self.span(u));
        let has_segments = u.elements().any(|e| e.name == "seg");
        if !has_segments {
            self.b.paragraph(&inline_text(u), Span::default());
        } else {
            for e in u.elements() {
                match e.name.as_str() {
                    "seg" | "p" => self.b.paragraph(&inline_text(e), self.span(e)),
                    name if STAGE_ELEMENTS.contains(&name) => {
                        self.b.paragraph(&stage_text(e), Span::default());
                        self.time_note(e);
                    }
                    _ => {}
                }
            }
        }
        self.b.end_speech();
    }

    /// The span an element's `start`/`end` (or `synch`) give through the timeline.
    fn span(&self, e: &Element) -> Span {
        let point = |name: &str| {
            let id = e.attr(name)?.split_whitespace().next()?;
            self.timeline.get(id.trim_start_matches('#')).copied()
        };
        Span {
            start: point("start").or_else(|| point("synch")),
            end: point("end"),
        }
    }

    /// A `note type="time"`: the next speech starts at the time it gives.
    fn time_note(&mut self, e: &Element) {
        if e.name == "note"
            && e.attr("type") == Some("time")
            && let Some(time) = time_of_day(&e.text())
        {
            self.b.time_mark(time);
        }
    }
}

/// Most passes over a timeline to resolve points given after other points: a longer
/// chain of `since` is left unresolved rather than followed forever.
const TIMELINE_PASSES: usize = 8;

/// The points of every `timeline` in the document, by id: `absolute` ones at their time
/// of day, the others `interval` after their `since` point (in the timeline's `unit`,
/// seconds unless it says "ms"; `since` defaults to the timeline's `origin`).
fn timeline(tei: &Element) -> HashMap<String, Time> {
    let mut points: HashMap<String, Time> = HashMap::new();
    let mut pending: Vec<(&str, &str, f64)> = Vec::new();
    for line in tei.find_all("timeline") {
        let scale = if line.attr("unit") == Some("ms") {
            0.001
        } else {
            1.0
        };
        let origin = line.attr("origin");
        for when in line.elements().filter(|e| e.name == "when") {
            let Some(id) = when.attr("id") else {
                continue;
            };
            if let Some(time) = when.attr("absolute").and_then(time_of_day) {
                points.insert(id.to_owned(), time);
            } else if let (Some(since), Some(interval)) = (
                when.attr("since").or(origin),
                when.attr("interval")
                    .and_then(|i| i.trim().parse::<f64>().ok()),
            ) {
                pending.push((id, since.trim().trim_start_matches('#'), interval * scale));
            }
        }
    }
    for _ in 0..TIMELINE_PASSES {
        let before = pending.len();
        pending.retain(|(id, since, seconds)| {
            let Some(base) = points.get(*since).copied() else {
                return true;
            };
            let at = Time::from_seconds(base.seconds() + seconds);
            if let Some(at) = at {
                points.insert((*id).to_owned(), at);
            }
            false
        });
        if pending.len() == before {
            break;
        }
    }
    points
}

/// The words of an element, stage directions inside it in parentheses, tokens that join
/// the next (`join="right"`) without a space.
fn inline_text(e: &Element) -> String {
    let mut out = String::new();
    push_inline(e, &mut out);
    collapse(&out)
}

fn push_inline(e: &Element, out: &mut String) {
    let mut glue = false;
    for child in &e.children {
        match child {
            Node::Text(t) if glue && t.trim().is_empty() => {}
            Node::Text(t) => out.push_str(t),
            Node::Element(c) if STAGE_ELEMENTS.contains(&c.name.as_str()) => {
                out.push(' ');
                out.push_str(&stage_text(c));
                out.push(' ');
            }
            Node::Element(c) => push_inline(c, out),
        }
        glue = matches!(child, Node::Element(c) if c.attr("join") == Some("right"));
    }
}

/// What a stage direction says, in parentheses: its `desc`, its text, or its `type` or
/// `reason` ("inaudible").
fn stage_text(e: &Element) -> String {
    let said = e
        .child("desc")
        .map(Element::text)
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| e.text());
    let said = if said.is_empty() {
        e.attr("reason")
            .or_else(|| e.attr("type"))
            .unwrap_or("")
            .to_owned()
    } else {
        said
    };
    stage_direction(&said)
}

/// People of every `listPerson` under `e`: id → "Forename Surname".
fn people(e: &Element) -> People {
    let mut people = People::new();
    for list in e.find_all("listPerson") {
        for person in list.elements().filter(|p| p.name == "person") {
            let Some(id) = person.attr("id") else {
                continue;
            };
            let Some(pers) = person.child("persName") else {
                continue;
            };
            let part = |name: &str| {
                pers.elements()
                    .filter(|p| p.name == name)
                    .map(Element::text)
                    .filter(|t| !t.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            let (fore, sur) = (part("forename"), part("surname"));
            let name = if fore.is_empty() && sur.is_empty() {
                pers.text()
            } else {
                collapse(&format!("{fore} {sur}"))
            };
            if !name.is_empty() {
                people.insert(id.to_owned(), name);
            }
        }
    }
    people
}

/// The title in the document's language, else the main title, else any; a trailing
/// corpus tag ("[ParlaMint]") is left out.
fn title(header: &Element, language: &str) -> Option<String> {
    let stmt = header.find("titleStmt")?;
    let titles: Vec<&Element> = stmt.elements().filter(|e| e.name == "title").collect();
    let main = |t: &&Element| matches!(t.attr("type"), Some("main") | None);
    let pick = titles
        .iter()
        .find(|t| main(t) && t.attr("lang").is_some_and(|l| l.starts_with(language)))
        .or_else(|| titles.iter().find(|t| main(t)))
        .or_else(|| titles.first())?;
    let text = pick.text();
    let text = match text.rfind(" [") {
        Some(at) if text.ends_with(']') => text.get(..at).unwrap_or(&text).to_owned(),
        _ => text,
    };
    Some(text).filter(|t| !t.is_empty())
}

/// The primary language subtag of the document (`xml:lang="en-GB"` → "en").
fn language(tei: &Element) -> String {
    let lang = tei
        .attr("lang")
        .or_else(|| tei.child("text").and_then(|t| t.attr("lang")))
        .unwrap_or("und");
    let primary = lang.split(['-', '_']).next().unwrap_or("und");
    if primary.is_empty() {
        "und".to_owned()
    } else {
        primary.to_ascii_lowercase()
    }
}

/// "YYYY-MM-DD" from the start of an ISO date or date-time.
pub(crate) fn iso_date(when: &str) -> Option<String> {
    let date = when.get(..10)?;
    let b = date.as_bytes();
    let shaped = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    shaped.then(|| date.to_owned())
}

/// A person id made a name: "PetrovaAna" → "Ana Petrova". The order of the words is the
/// printed label's when it has them, else the surname (by its ending) goes last, else the
/// first word is taken for the surname, as ParlaMint ids have it.
pub(crate) fn name_from_id(id: &str, label: Option<&str>) -> String {
    let words = id_words(id);
    if words.len() < 2 {
        return words.join(" ");
    }
    if let Some(label) = label {
        let folded = crate::text::fold(label);
        let at: Option<Vec<usize>> = words
            .iter()
            .map(|w| folded.find(&crate::text::fold(w)))
            .collect();
        if let Some(at) = at {
            let mut ordered: Vec<(usize, &String)> = at.into_iter().zip(&words).collect();
            ordered.sort_by_key(|(i, _)| *i);
            // A label written surname-first with a comma ("PETROVA, Ana") still reads
            // forename first.
            let comma_after_first = ordered.first().is_some_and(|(i, w)| {
                let after = i + crate::text::fold(w).len();
                folded
                    .get(after..)
                    .is_some_and(|r| r.trim_start().starts_with(','))
            });
            let mut ordered: Vec<&str> = ordered.iter().map(|(_, w)| w.as_str()).collect();
            if comma_after_first {
                ordered.rotate_left(1);
            }
            return ordered.join(" ");
        }
    }
    let surname = |w: &String| {
        let lower = w.to_lowercase();
        SURNAME_ENDINGS.iter().any(|e| lower.ends_with(e))
    };
    let (first, last) = (words.first(), words.last());
    let mut words = words.clone();
    let keep = last.is_some_and(surname) && !first.is_some_and(surname);
    if !keep {
        words.rotate_left(1);
    }
    words.join(" ")
}

/// The words of an id, cut before each capital ("PetrovaAna" → "Petrova", "Ana"); digits
/// and punctuation end a word and are left out.
fn id_words(id: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in id.chars() {
        if c.is_uppercase() && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        if c.is_alphabetic() {
            word.push(c);
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests;
