//! Akoma Ntoso debates: `akomaNtoso/debate`, with people in the `references` of its `meta`
//! (`TLCPerson showAs`), roles there too (`TLCRole`), and the record in `debateBody`.
//!
//! - `speech`, `question` and `answer` with `by="#id"` are speeches; `from` is the label
//!   as printed and each `p` a paragraph. Whoever speaks in a `question` and has no role
//!   gets the role "questioner", so the questions and answers are paired as a press
//!   conference's are.
//! - `debateSection` and the like group; their `heading` is a heading.
//! - `narrative`, `scene`, `summary` and `other` record what happened: stage directions.
//! - Times: `recordedTime time="…T10:05:00"` marks when the next speech starts (inside a
//!   speech before its words, that speech); `startTime` and `endTime` on a speech or a
//!   `debateSection` give its start and end. A speech without an end runs until the next
//!   one starts.
//!
//! ```xml
//! <akomaNtoso><debate name="sitting"><meta><references source="#x">
//!   <TLCPerson eId="ana" href="/person/ana" showAs="Ana Petrova"/></references></meta>
//!   <debateBody><debateSection><heading>Questions</heading>
//!     <question by="#ana"><from>Ms Petrova</from><p>When will the bridge open?</p></question>
//! ```

use std::collections::HashMap;

use super::builder::Builder;
use super::timing::time_of_day;
use super::xml::Element;
use crate::model::{Span, Transcript};

/// The role of whoever asks in a `question` element, when the file gives them none.
pub const QUESTIONER_ROLE: &str = "questioner";

/// Elements whose text records what happened rather than what was said.
const STAGE_ELEMENTS: &[&str] = &["narrative", "scene", "summary", "other"];

/// Elements that are one speech.
const SPEECH_ELEMENTS: &[&str] = &["speech", "question", "answer"];

/// ISO 639-2 codes Akoma Ntoso files use, with the ISO 639-1 code the model keeps.
const LANGUAGES: &[(&str, &str)] = &[
    ("eng", "en"),
    ("fra", "fr"),
    ("fre", "fr"),
    ("rus", "ru"),
    ("deu", "de"),
    ("ger", "de"),
    ("spa", "es"),
    ("ita", "it"),
    ("por", "pt"),
    ("nld", "nl"),
    ("dut", "nl"),
    ("swe", "sv"),
    ("pol", "pl"),
];

/// The transcript of an `akomaNtoso` document; `hint` titles one without a title.
pub(crate) fn read_akoma(root: &Element, hint: &str) -> Transcript {
    let doc = root
        .elements()
        .find(|e| e.name == "debate" || e.name == "debateReport")
        .unwrap_or(root);
    let meta = doc.child("meta");
    let showing = |kind: &str| -> HashMap<String, String> {
        meta.into_iter()
            .flat_map(|m| m.find_all(kind))
            .filter_map(|e| {
                Some((
                    e.attr("eId").or_else(|| e.attr("id"))?.to_owned(),
                    e.attr("showAs")?.to_owned(),
                ))
            })
            .collect()
    };
    let (people, roles) = (showing("TLCPerson"), showing("TLCRole"));
    let work = meta.and_then(|m| m.find("FRBRWork"));
    let title = doc
        .find("docTitle")
        .map(Element::text)
        .filter(|t| !t.is_empty())
        .or_else(|| {
            work.and_then(|w| w.child("FRBRname"))
                .and_then(|n| n.attr("value"))
                .map(str::to_owned)
        })
        .or_else(|| doc.attr("name").map(str::to_owned))
        .unwrap_or_else(|| hint.to_owned());
    let language = meta
        .and_then(|m| m.find("FRBRlanguage"))
        .and_then(|l| l.attr("language"))
        .map(|code| {
            LANGUAGES
                .iter()
                .find(|(three, _)| *three == code)
                .map_or(code, |(_, two)| two)
                .to_owned()
        })
        .unwrap_or_else(|| "und".to_owned());
    let mut b = Builder::new(&title, &language);
    b.meta().date = doc
        .find("docDate")
        .and_then(|d| d.attr("date"))
        .or_else(|| {
            work.and_then(|w| w.child("FRBRdate"))
                .and_then(|d| d.attr("date"))
        })
        .and_then(super::tei::iso_date);
    b.meta().place = doc
        .find("location")
        .map(Element::text)
        .filter(|t| !t.is_empty());
    if let Some(body) = doc.child("debateBody") {
        let mut reader = Reader {
            b,
            people: &people,
            roles: &roles,
        };
        reader.walk(body);
        b = reader.b;
    }
    b.finish()
}

/// Walks the debate body in order.
struct Reader<'a> {
    b: Builder,
    people: &'a HashMap<String, String>,
    roles: &'a HashMap<String, String>,
}

impl Reader<'_> {
    fn walk(&mut self, parent: &Element) {
        for e in parent.elements() {
            match e.name.as_str() {
                "heading" | "num" => self.b.heading(&e.text()),
                name if SPEECH_ELEMENTS.contains(&name) => self.speech(e),
                name if STAGE_ELEMENTS.contains(&name) => {
                    self.b.note(&e.text());
                    self.recorded_times(e);
                }
                "p" => {
                    self.b.end_speech();
                    self.b.paragraph(&e.text(), Span::default());
                    self.recorded_times(e);
                }
                "recordedTime" => self.recorded_times(e),
                _ => {
                    if let Some(start) = e.attr("startTime").and_then(time_of_day) {
                        self.b.time_mark(start);
                    }
                    self.walk(e);
                    if let Some(end) = e.attr("endTime").and_then(time_of_day) {
                        self.b.end_last_speech(end);
                    }
                }
            }
        }
    }

    /// The `recordedTime` marks of `e` (itself or inside it), in order.
    fn recorded_times(&mut self, e: &Element) {
        let marks = std::iter::once(e)
            .filter(|e| e.name == "recordedTime")
            .chain(e.find_all("recordedTime"));
        for mark in marks {
            if let Some(time) = mark.attr("time").and_then(time_of_day) {
                self.b.time_mark(time);
            }
        }
    }

    fn speech(&mut self, e: &Element) {
        let by = e.attr("by").unwrap_or("").trim_start_matches('#').trim();
        let from = e.child("from").map(Element::text).unwrap_or_default();
        let name = self
            .people
            .get(by)
            .cloned()
            .or_else(|| (!from.is_empty()).then(|| from.clone()));
        let role = e
            .attr("as")
            .map(|r| r.trim_start_matches('#'))
            .and_then(|r| self.roles.get(r).cloned().or_else(|| Some(r.to_owned())))
            .or_else(|| (e.name == "question").then(|| QUESTIONER_ROLE.to_owned()));
        let key = if by.is_empty() { from.as_str() } else { by };
        let id = self.b.person(key, name.as_deref(), role.as_deref());
        let label = if from.is_empty() {
            name.unwrap_or_default()
        } else {
            from
        };
        self.b.alias(id, &label);
        self.b.speech(id, &label);
        self.b.speech_span(Span {
            start: e.attr("startTime").and_then(time_of_day),
            end: e.attr("endTime").and_then(time_of_day),
        });
        for child in e.elements() {
            self.recorded_times(child);
            match child.name.as_str() {
                "from" | "recordedTime" => {}
                name if STAGE_ELEMENTS.contains(&name) => {
                    let text = super::builder::stage_direction(&child.text());
                    self.b.paragraph(&text, Span::default());
                }
                _ => self.b.paragraph(&child.text(), Span::default()),
            }
        }
        self.b.end_speech();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::formats::xml::parse;

    #[test]
    fn recorded_times_in_narrative_and_speeches_start_the_speeches_after_them() {
        let root = parse(
            r##"<akomaNtoso><debate><debateBody>
              <narrative><recordedTime time="2031-05-06T15:00:00">15.00</recordedTime> The sitting resumes.</narrative>
              <speech by="#a"><from>A</from><p>One.</p><p>Two. <recordedTime time="2031-05-06T15:04:00"/></p></speech>
              <speech by="#b"><from>B</from><p>Three.</p></speech>
              <speech by="#a" startTime="15:10" endTime="15:12:30"><from>A</from><p>Four.</p></speech>
            </debateBody></debate></akomaNtoso>"##,
        )
        .unwrap_or_default();
        let t = read_akoma(&root, "hint");
        let times: Vec<(Option<String>, Option<String>)> = t
            .speeches
            .iter()
            .map(|s| {
                (
                    s.times.start.map(|t| t.clock()),
                    s.times.end.map(|t| t.clock()),
                )
            })
            .collect();
        let at = |s: &str| Some(s.to_owned());
        assert_eq!(
            times,
            [
                (at("15:00:00"), at("15:04:00")),
                (at("15:04:00"), at("15:10:00")),
                (at("15:10:00"), at("15:12:30")),
            ]
        );
    }
}
