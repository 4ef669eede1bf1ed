//! A small XML tree for the structured readers (TEI, Akoma Ntoso): elements by local name
//! (namespace prefixes dropped), attributes by the name as written, and text with entity
//! and character references resolved. Built in one pass over the file without recursion,
//! so a deeply nested or cut-off file is an error with its line and column, never a crash.

use quick_xml::events::{BytesStart, Event};
use quick_xml::reader::Reader;

use crate::error::ErrorKind;

/// The format's name in errors.
const FORMAT: &str = "XML";

/// Deepest nesting of elements accepted: real records nest a dozen levels, and the walks
/// over the tree recurse.
pub(crate) const MAX_DEPTH: usize = 256;

/// An element: its local name, attributes and children in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Element {
    /// Local name: `u` for both `<u>` and `<tei:u>`.
    pub name: String,
    /// Attributes as written (`xml:id`, `who`), values unescaped.
    pub attrs: Vec<(String, String)>,
    /// Children in document order.
    pub children: Vec<Node>,
}

/// A child of an element.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    /// An element.
    Element(Element),
    /// Text, references resolved.
    Text(String),
}

impl Element {
    /// The value of attribute `name`, matched as written or by its local part
    /// (`id` finds `xml:id`).
    pub(crate) fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .or_else(|| {
                self.attrs
                    .iter()
                    .find(|(k, _)| k.rsplit(':').next() == Some(name))
            })
            .map(|(_, v)| v.as_str())
    }

    /// The child elements, in order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }

    /// The first child element named `name`.
    pub(crate) fn child(&self, name: &str) -> Option<&Element> {
        self.elements().find(|e| e.name == name)
    }

    /// The first element named `name` at any depth below this one (depth-first).
    pub(crate) fn find(&self, name: &str) -> Option<&Element> {
        let mut stack: Vec<&Element> = self.elements().collect();
        stack.reverse();
        while let Some(e) = stack.pop() {
            if e.name == name {
                return Some(e);
            }
            let before = stack.len();
            stack.extend(e.elements());
            stack.get_mut(before..).unwrap_or_default().reverse();
        }
        None
    }

    /// Every element named `name` at any depth below this one, in document order.
    pub(crate) fn find_all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> {
        let mut stack: Vec<&Element> = self.elements().collect();
        stack.reverse();
        std::iter::from_fn(move || {
            while let Some(e) = stack.pop() {
                let before = stack.len();
                stack.extend(e.elements());
                stack.get_mut(before..).unwrap_or_default().reverse();
                if e.name == name {
                    return Some(e);
                }
            }
            None
        })
    }

    /// All the text inside, in order, whitespace runs made one space.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        let mut stack: Vec<&Node> = self.children.iter().rev().collect();
        while let Some(node) = stack.pop() {
            match node {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => stack.extend(e.children.iter().rev()),
            }
        }
        super::builder::collapse(&out)
    }
}

/// The root element of `text`.
pub(crate) fn parse(text: &str) -> Result<Element, ErrorKind> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
                return Err(ErrorKind::malformed_at(
                    FORMAT,
                    text,
                    offset,
                    &e.to_string(),
                ));
            }
        };
        match event {
            Event::Start(start) => {
                if stack.len() >= MAX_DEPTH {
                    let message = format!("elements nest more than {MAX_DEPTH} deep");
                    return Err(ErrorKind::malformed_at(FORMAT, text, at, &message));
                }
                stack.push(element(&start, text, at)?);
            }
            Event::End(_) => {
                let Some(done) = stack.pop() else {
                    return Err(ErrorKind::malformed_at(
                        FORMAT,
                        text,
                        at,
                        "a closing tag with no element open",
                    ));
                };
                match stack.last_mut() {
                    Some(parent) => parent.children.push(Node::Element(done)),
                    None if root.is_none() => root = Some(done),
                    None => {}
                }
            }
            Event::Text(t) => push_text(&mut stack, &String::from_utf8_lossy(&t)),
            Event::CData(t) => push_text(&mut stack, &String::from_utf8_lossy(&t)),
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                let resolved = match r.resolve_char_ref() {
                    Ok(Some(c)) => c.to_string(),
                    _ => predefined(&name).map_or_else(|| format!("&{name};"), str::to_owned),
                };
                push_text(&mut stack, &resolved);
            }
            Event::Eof => break,
            Event::Empty(_)
            | Event::Comment(_)
            | Event::Decl(_)
            | Event::PI(_)
            | Event::DocType(_) => {}
        }
    }
    if let Some(open) = stack.last() {
        let message = format!("the file ends before <{}> is closed", open.name);
        return Err(ErrorKind::malformed_at(FORMAT, text, text.len(), &message));
    }
    root.ok_or_else(|| ErrorKind::malformed_at(FORMAT, text, text.len(), "no element found"))
}

/// The element a start tag opens, its attribute values unescaped.
fn element(start: &BytesStart<'_>, text: &str, at: usize) -> Result<Element, ErrorKind> {
    let name = String::from_utf8_lossy(start.local_name().as_ref()).into_owned();
    let mut attrs = Vec::new();
    for attr in start.attributes() {
        let attr = attr.map_err(|e| ErrorKind::malformed_at(FORMAT, text, at, &e.to_string()))?;
        let key = String::from_utf8_lossy(attr.key.as_ref()).into_owned();
        let value = match attr.normalized_value(quick_xml::XmlVersion::Implicit1_0) {
            Ok(v) => v.into_owned(),
            Err(_) => String::from_utf8_lossy(&attr.value).into_owned(),
        };
        attrs.push((key, value));
    }
    Ok(Element {
        name,
        attrs,
        children: Vec::new(),
    })
}

/// Appends text to the open element, joined to text just before it.
fn push_text(stack: &mut [Element], text: &str) {
    let Some(open) = stack.last_mut() else {
        return;
    };
    match open.children.last_mut() {
        Some(Node::Text(t)) => t.push_str(text),
        _ => open.children.push(Node::Text(text.to_owned())),
    }
}

/// The five entities XML predefines.
fn predefined(name: &str) -> Option<&'static str> {
    Some(match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => return None,
    })
}

/// The local name of the root element of `text`, read from the start of the file only
/// (past the declaration, comments and doctype), for detection.
pub(crate) fn root_name(text: &str) -> Option<&str> {
    let mut rest = text.trim_start_matches('\u{feff}').trim_start();
    loop {
        rest = rest.strip_prefix('<')?;
        if rest.starts_with('?') || rest.starts_with('!') {
            let close = if rest.starts_with("!--") { "-->" } else { ">" };
            let end = rest.find(close)?;
            rest = rest.get(end + close.len()..)?.trim_start();
            continue;
        }
        let end = rest.find(|c: char| c.is_whitespace() || c == '>' || c == '/')?;
        let name = rest.get(..end)?;
        return Some(name.rsplit(':').next().unwrap_or(name));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tree_with_prefixes_references_and_attributes() {
        let root = parse(
            "<?xml version=\"1.0\"?>\n<tei:TEI xml:id=\"x\"><u who=\"#A&amp;B\">Tom &amp; Jerry&#33; <note>(Laughter)</note><gap/></u></tei:TEI>",
        );
        let root = root.unwrap_or_default();
        assert_eq!(root.name, "TEI");
        assert_eq!(root.attr("id"), Some("x"));
        let u = root.child("u").cloned().unwrap_or_default();
        assert_eq!(u.attr("who"), Some("#A&B"));
        assert_eq!(u.text(), "Tom & Jerry! (Laughter)");
        assert_eq!(root.find_all("gap").count(), 1);
    }

    #[test]
    fn broken_xml_is_an_error_with_a_place() {
        let error = parse("<TEI>\n  <u>\n  </seg>\n</TEI>");
        assert!(
            matches!(&error, Err(ErrorKind::Malformed { line: 3, .. })),
            "{error:?}"
        );
        let error = parse("<TEI>\n<u>text");
        assert!(
            matches!(&error, Err(ErrorKind::Malformed { message, .. }) if message.contains("<u>")),
            "{error:?}"
        );
        let deep = "<a>".repeat(MAX_DEPTH + 10);
        assert!(matches!(parse(&deep), Err(ErrorKind::Malformed { .. })));
        assert!(parse("").is_err());
    }

    #[test]
    fn the_root_name_is_found_past_the_prolog() {
        let text = "\u{feff}<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE x>\n<akn:akomaNtoso>";
        assert_eq!(root_name(text), Some("akomaNtoso"));
        assert_eq!(root_name("plain text"), None);
    }
}
