//! Citations in the viewer: the paragraph numbers and note marks the reader shows, the
//! right-click menu of paragraphs and photos, the "Cite part" window, and the watcher that
//! remembers the words the user selected in the reader.
//!
//! The citation text itself comes from [`crate::cite`]; nothing here formats one.
//!
//! Selected words: egui 0.37 has no call that returns the text selected in a label, but it
//! reports each finished selection as [`egui::OutputCommand::TextSelectionSettled`]. The
//! [`SelectionWatcher`] plugin keeps the last one (until the next plain click), and a
//! right-click on a paragraph that contains those words cites them instead of the whole
//! paragraph. "Cite part…" does the same with a quote the user trims by hand.

use std::collections::HashMap;

use egui::{Button, RichText, Ui};

use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::selection::Item;
use crate::cite::{Cited, ParagraphNumbers, cite, quote_fits, snap_to_words};
use crate::model::{BlockKind, TextRef};

/// Per-document marks the reader draws: paragraph numbers and which items have notes.
#[derive(Clone, Debug, Default)]
pub struct Annotations {
    numbers: ParagraphNumbers,
    /// Items with notes, and their text (several notes one per line).
    noted: HashMap<Item, String>,
    numbers_for: Option<u64>,
    notes_for: Option<(u64, u64)>,
}

impl Annotations {
    /// Rebuilds what changed: the numbers when another document is shown, the note marks
    /// when the notes changed.
    pub fn sync(
        &mut self,
        doc: &Document,
        doc_generation: u64,
        notes: &crate::app::windows::notes_window::NotesState,
    ) {
        if self.numbers_for != Some(doc_generation) {
            self.numbers = ParagraphNumbers::build(&doc.transcript);
            self.numbers_for = Some(doc_generation);
        }
        let key = (doc_generation, notes.revision());
        if self.notes_for != Some(key) {
            self.noted.clear();
            for (item, text) in notes.noted_items() {
                let entry = self.noted.entry(item).or_default();
                if !entry.is_empty() {
                    entry.push('\n');
                }
                entry.push_str(text);
            }
            self.notes_for = Some(key);
        }
    }

    /// The paragraph numbers of the open document.
    pub fn numbers(&self) -> &ParagraphNumbers {
        &self.numbers
    }

    /// "¶ 12" for a counted paragraph.
    pub fn number(&self, at: TextRef) -> Option<u32> {
        self.numbers.of(at)
    }

    /// Whether `item` has a note.
    pub fn has_note(&self, item: Item) -> bool {
        self.noted.contains_key(&item)
    }

    /// The text of the notes on `item`.
    pub fn note_text(&self, item: Item) -> Option<&str> {
        self.noted.get(&item).map(String::as_str)
    }
}

/// The citation of `item` (quoting `quote` when given), plain or Markdown.
pub fn citation_text(
    doc: &Document,
    annotations: &Annotations,
    item: Item,
    quote: Option<&str>,
    markdown: bool,
) -> Option<String> {
    let c = cite(
        &doc.transcript,
        annotations.numbers(),
        doc.cited(item)?,
        quote,
    )?;
    Some(if markdown { c.markdown() } else { c.plain() })
}

/// The text the reader shows when the pointer rests on a paragraph: its number (the one
/// citations give), how to cite it, and its notes.
pub fn hover_text(annotations: &Annotations, at: TextRef, item: Item) -> String {
    let mut text = match annotations.number(at) {
        Some(n) => format!("¶ {n} — right-click to cite it or add a note"),
        None => "Right-click to cite it or add a note".to_owned(),
    };
    if let Some(note) = annotations.note_text(item) {
        text.push_str("\n\nNote: ");
        text.push_str(note);
    }
    text
}

/// What the reader adds to a paragraph it drew: the number and notes on hover, the
/// right-click menu, and an accessible description ("¶ 12, has a note"). Paragraphs that
/// cannot be cited (an attendee list's sentences) are left as they are.
pub fn paragraph_extras(
    ui: &Ui,
    cx: &crate::app::PanelContext<'_>,
    response: egui::Response,
    text: &str,
    at: TextRef,
    item: Item,
    commands: &mut Vec<Command>,
) -> egui::Response {
    if cx.doc.cited(item).is_none() {
        return response;
    }
    let a = cx.annotations;
    let mut description: Vec<String> = Vec::new();
    description.extend(a.number(at).map(|n| format!("¶ {n}")));
    if a.has_note(item) {
        description.push("has a note".to_owned());
    }
    if !description.is_empty() {
        let description = description.join(", ");
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_description(description));
    }
    remember_quote(ui, &response, text);
    paragraph_menu(&response, item, commands);
    let hover = hover_text(a, at, item);
    response.on_hover_text(hover)
}

/// The small mark at the right edge of an item with a note.
pub fn note_mark(ui: &Ui, cx: &crate::app::PanelContext<'_>, rect: egui::Rect, item: Item) {
    if !cx.annotations.has_note(item) {
        return;
    }
    let color = ui.visuals().warn_fg_color;
    let x = rect.right() - 7.0;
    let top = rect.top() + 4.0;
    // A bookmark ribbon: a bar with a notch cut into its foot (convex pieces: egui fills
    // only convex shapes).
    let (l, r, foot) = (x - 3.5, x + 3.5, top + 8.0);
    let p = egui::pos2;
    let painter = ui.painter();
    let none = egui::Stroke::NONE;
    painter.rect_filled(egui::Rect::from_min_max(p(l, top), p(r, foot)), 0.0, color);
    painter.add(egui::Shape::convex_polygon(
        vec![p(l, foot), p(x, foot), p(l, foot + 3.5)],
        color,
        none,
    ));
    painter.add(egui::Shape::convex_polygon(
        vec![p(x, foot), p(r, foot), p(r, foot + 3.5)],
        color,
        none,
    ));
}

/// Remembers, when a paragraph is right-clicked, the words selected in it (if the
/// selection lies inside `text`), for its menu to quote.
pub fn remember_quote(ui: &Ui, response: &egui::Response, text: &str) {
    if !response.secondary_clicked() {
        return;
    }
    // Whole words only: a mouse selection often starts or stops inside one.
    let quote = SelectionWatcher::current(ui.ctx()).and_then(|q| snap_to_words(text, &q));
    ui.ctx()
        .data_mut(|d| d.insert_temp(response.id.with("quote"), quote));
}

/// The quote [`remember_quote`] kept for this paragraph's menu.
fn remembered_quote(ui: &Ui, response_id: egui::Id) -> Option<String> {
    ui.ctx()
        .data(|d| d.get_temp::<Option<String>>(response_id.with("quote")))
        .flatten()
}

/// The right-click menu of a paragraph (`response` is the paragraph's).
pub fn paragraph_menu(response: &egui::Response, item: Item, commands: &mut Vec<Command>) {
    response.context_menu(|ui| {
        let quote = remembered_quote(ui, response.id);
        if let Some(q) = &quote {
            ui.label(
                RichText::new(format!("Quoting “{}”", crate::format::shorten(q, 48)))
                    .small()
                    .weak(),
            );
        }
        cite_entries(ui, item, quote, commands);
        if ui
            .button("Cite part…")
            .on_hover_text("Trim the quote by hand, then copy its citation")
            .clicked()
        {
            commands.push(Command::CitePart(item));
        }
        ui.separator();
        if ui.button("Add note…").clicked() {
            commands.push(Command::AddNote(item));
        }
    });
}

/// The right-click menu of a photo (a reader marker or a timeline card).
pub fn photo_menu(response: &egui::Response, item: Item, commands: &mut Vec<Command>) {
    response.context_menu(|ui| {
        cite_entries(ui, item, None, commands);
        ui.separator();
        if ui.button("Add note…").clicked() {
            commands.push(Command::AddNote(item));
        }
    });
}

fn cite_entries(ui: &mut Ui, item: Item, quote: Option<String>, commands: &mut Vec<Command>) {
    for (label, markdown) in [
        ("Copy citation", false),
        ("Copy citation as Markdown", true),
    ] {
        if ui.add(Button::new(label)).clicked() {
            commands.push(Command::CopyCitation {
                item,
                quote: quote.clone(),
                markdown,
            });
        }
    }
}

/// Keeps the text of the last finished selection in a label or paragraph, until the next
/// plain click starts another (or none).
#[derive(Debug, Default)]
pub struct SelectionWatcher {
    last: Option<String>,
}

impl SelectionWatcher {
    /// Starts watching (once per context; later calls do nothing).
    pub fn install(ctx: &egui::Context) {
        ctx.add_plugin(Self::default());
    }

    /// The words selected last, if the selection still stands.
    pub fn current(ctx: &egui::Context) -> Option<String> {
        ctx.plugin_opt::<Self>()
            .and_then(|p| p.lock().last.clone())
            .filter(|s| !s.trim().is_empty())
    }
}

impl egui::Plugin for SelectionWatcher {
    fn debug_name(&self) -> &'static str {
        "stenogram::SelectionWatcher"
    }

    fn on_begin_pass(&mut self, ui: &mut Ui) {
        // A primary press starts a new selection or clicks elsewhere: the old words no
        // longer stand. A right-click keeps them, for the menu it opens.
        if ui.input(|i| i.pointer.primary_pressed()) {
            self.last = None;
        }
    }

    fn on_end_pass(&mut self, ui: &mut Ui) {
        // egui reports a selection on the frame after the button is released; make sure
        // that frame comes even if nothing else moves.
        if ui.input(|i| i.pointer.any_released()) {
            ui.ctx().request_repaint();
        }
    }

    fn output_hook(&mut self, _ctx: &egui::Context, output: &mut egui::FullOutput) {
        for command in &output.platform_output.commands {
            if let egui::OutputCommand::TextSelectionSettled(text) = command {
                self.last = Some(text.clone());
            }
        }
    }
}

/// The "Cite part" window: the paragraph in a text field, for the user to cut down to
/// the words they quote ("…" marks a cut inside), then copy.
#[derive(Debug, Default)]
pub struct CitePartWindow {
    item: Option<Item>,
    quote: String,
    doc_generation: u64,
}

impl CitePartWindow {
    /// Opens the window on `item`, with its whole text to trim.
    pub fn open(&mut self, doc: &Document, doc_generation: u64, item: Item) {
        let text = match doc.cited(item) {
            Some(Cited::Paragraph(at)) => paragraph_text(doc, at),
            _ => None,
        };
        if let Some(text) = text {
            self.item = Some(item);
            self.quote = crate::text::clean_spaces(text);
            self.doc_generation = doc_generation;
        }
    }

    /// Whether the window is open.
    pub fn is_open(&self) -> bool {
        self.item.is_some()
    }

    /// Draws the window while it is open.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        doc: &Document,
        doc_generation: u64,
        annotations: &Annotations,
        commands: &mut Vec<Command>,
    ) {
        let Some(item) = self.item else {
            return;
        };
        let text = match doc.cited(item) {
            Some(Cited::Paragraph(at)) if self.doc_generation == doc_generation => {
                paragraph_text(doc, at).map(|t| (at, t))
            }
            _ => None,
        };
        let Some((at, text)) = text else {
            // Another document: the paragraph is gone.
            self.item = None;
            return;
        };
        let mut open = true;
        let mut done = false;
        egui::Window::new("Cite part of a paragraph")
            .open(&mut open)
            .collapsible(false)
            .resizable(true)
            .default_width(460.0)
            .pivot(egui::Align2::CENTER_CENTER)
            .default_pos(ctx.content_rect().center())
            .show(ctx, |ui| {
                let place = match annotations.number(at) {
                    Some(n) => format!("¶ {n}"),
                    None => "this paragraph".to_owned(),
                };
                ui.label(format!(
                    "Delete what you do not quote from {place}; write … where you cut inside it."
                ));
                ui.add_space(4.0);
                let edit = egui::TextEdit::multiline(&mut self.quote)
                    .desired_rows(4)
                    .desired_width(f32::INFINITY);
                let label = ui.label(RichText::new("Quote").strong());
                ui.add(edit).labelled_by(label.id);
                let fits = quote_fits(text, &self.quote);
                if !fits {
                    ui.label(
                        RichText::new(format!("These words are not in {place} as written."))
                            .color(ui.visuals().warn_fg_color),
                    );
                }
                ui.add_space(4.0);
                ui.horizontal(|ui| {
                    for (label, markdown) in [
                        ("Copy citation", false),
                        ("Copy citation as Markdown", true),
                    ] {
                        if ui.add_enabled(fits, Button::new(label)).clicked() {
                            commands.push(Command::CopyCitation {
                                item,
                                quote: Some(self.quote.clone()),
                                markdown,
                            });
                            done = true;
                        }
                    }
                    if ui.button("Whole paragraph").clicked() {
                        self.quote = crate::text::clean_spaces(text);
                    }
                });
            });
        if !open || done {
            self.item = None;
        }
    }
}

/// The text of a citable paragraph.
fn paragraph_text(doc: &Document, at: TextRef) -> Option<&str> {
    match at {
        TextRef::Speech { speech, paragraph } => doc
            .transcript
            .speech(speech)?
            .paragraphs
            .get(paragraph)
            .map(String::as_str),
        TextRef::Block { block } => match &doc.transcript.blocks.get(block)?.kind {
            BlockKind::Lead { text } | BlockKind::Paragraph { text } => Some(text),
            _ => None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::document::Source;
    use crate::app::fixture::small_transcript;
    use crate::model::SpeechId;

    #[test]
    fn only_paragraphs_and_photos_are_citable() {
        let doc = Document::new(small_transcript(), Source::Bundled, true);
        let p = Item::Paragraph {
            speech: SpeechId(0),
            index: 0,
        };
        assert!(doc.cited(p).is_some());
        assert!(
            doc.cited(Item::Paragraph {
                speech: SpeechId(0),
                index: 99
            })
            .is_none()
        );
        assert!(doc.cited(Item::Speech(SpeechId(0))).is_none());
        let a = Annotations {
            numbers: ParagraphNumbers::build(&doc.transcript),
            ..Annotations::default()
        };
        let text = citation_text(&doc, &a, p, None, false).unwrap_or_default();
        assert!(text.starts_with('“'), "{text}");
        assert!(text.contains("¶ "), "{text}");
    }
}
