//! The "How this was read" panel: each source line with what the parser took it for (see
//! [`crate::reading`]). Worked out on a background thread the first time it is opened for a
//! document, then drawn virtualised, so a huge file costs a screenful per frame.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{Color32, RichText, ScrollArea, Sense, Ui, WidgetInfo};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::document::SourceText;
use crate::app::selection::Item;
use crate::reading::{LineReading, LineRole, LineTarget, explain_with};

/// A source text and what each of its lines became.
type Readings = (Arc<str>, Vec<LineReading>);

/// The panel's own state.
#[derive(Default)]
pub struct ReadingPanel {
    open: bool,
    /// Document generation the lines belong to.
    built_for: Option<u64>,
    lines: Option<Arc<Vec<LineReading>>>,
    /// The source text the lines point into (read again from the file for this panel).
    text: Option<Arc<str>>,
    /// Why the source text cannot be shown (the file changed or went away).
    problem: Option<String>,
    pending: Option<Receiver<Result<Readings, String>>>,
    /// Show only the lines worth a look: labels, captions, notes, left-out lines.
    notable_only: bool,
    /// Indexes into `lines` shown with the current filter.
    shown: Vec<usize>,
    shown_for: Option<(u64, bool)>,
}

impl ReadingPanel {
    /// Whether the panel is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Shows or hides the panel.
    pub fn toggle(&mut self) {
        self.open = !self.open;
    }

    /// The readings, once worked out for the open document.
    pub fn lines(&self) -> Option<&[LineReading]> {
        self.lines.as_deref().map(Vec::as_slice)
    }

    /// Draws the panel (a bottom panel under the reader) when open.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        let Some(source) = cx.doc.source_text.clone() else {
            ui.heading("How this was read");
            ui.label(
                "This document was opened from Stenogram JSON: there is no source text to \
                 show, only what was saved.",
            );
            return;
        };
        self.refresh(ui.ctx(), cx, source);
        ui.horizontal(|ui| {
            ui.heading("How this was read");
            if let Some(lines) = &self.lines {
                ui.weak(format!("{} lines", lines.len()));
            }
            ui.checkbox(&mut self.notable_only, "Only labels, captions and notes")
                .on_hover_text("Hide plain paragraphs and blank lines");
        });
        if let Some(problem) = &self.problem {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
            return;
        }
        let (Some(lines), Some(text)) = (self.lines.clone(), self.text.clone()) else {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.weak("Reading the source again…");
            });
            return;
        };
        let key = (cx.doc_generation, self.notable_only);
        if self.shown_for != Some(key) {
            self.shown = (0..lines.len())
                .filter(|i| !self.notable_only || lines.get(*i).is_some_and(is_notable))
                .collect();
            self.shown_for = Some(key);
        }
        let row_height = ui.text_style_height(&egui::TextStyle::Body) + 6.0;
        let mut area = ScrollArea::vertical()
            .id_salt("reading_lines")
            .auto_shrink([false, false]);
        // The selection moved (in any panel): show its first line here too.
        if cx.selection.scroll_request()
            && let Some(item) = cx.selection.primary()
            && let Some(pos) = self.shown.iter().position(|i| {
                lines
                    .get(*i)
                    .and_then(|l| l.target)
                    .is_some_and(|t| item_of(t) == item)
            })
        {
            let step = row_height + ui.spacing().item_spacing.y;
            area = area.vertical_scroll_offset((pos as f32 * step - 2.0 * step).max(0.0));
        }
        area.show_rows(ui, row_height, self.shown.len(), |ui, range| {
            for &i in self.shown.get(range).unwrap_or_default() {
                if let Some(line) = lines.get(i) {
                    line_row(ui, cx, &text, line, row_height, commands);
                }
            }
        });
    }

    /// Starts the work for a new document, and picks up its result.
    fn refresh(&mut self, ctx: &egui::Context, cx: &PanelContext<'_>, source: SourceText) {
        if self.built_for != Some(cx.doc_generation) {
            self.built_for = Some(cx.doc_generation);
            self.lines = None;
            self.text = None;
            self.problem = None;
            self.shown_for = None;
            let (tx, rx) = channel();
            let transcript = cx.doc.transcript.clone();
            let verdicts = cx.doc.line_verdicts.clone();
            let ctx = ctx.clone();
            std::thread::spawn(move || {
                let lines = source.text().map(|text| {
                    let lines = explain_with(&text, &transcript, &verdicts);
                    (text, lines)
                });
                // The receiver is gone if another document was opened meanwhile.
                let _ = tx.send(lines);
                ctx.request_repaint();
            });
            self.pending = Some(rx);
        }
        if let Some(rx) = &self.pending {
            match rx.try_recv() {
                Ok(Ok((text, lines))) => {
                    self.lines = Some(Arc::new(lines));
                    self.text = Some(text);
                    self.pending = None;
                }
                Ok(Err(problem)) => {
                    self.problem = Some(problem);
                    self.pending = None;
                }
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => self.pending = None,
            }
        }
    }
}

fn is_notable(line: &LineReading) -> bool {
    line.note.is_some()
        || !matches!(
            line.role,
            LineRole::Blank | LineRole::Paragraph | LineRole::SpeechParagraph | LineRole::Joined
        )
}

/// The reader item a line stands for.
fn item_of(target: LineTarget) -> Item {
    match target {
        LineTarget::Block(b) => Item::Block(b),
        LineTarget::Speech(s) => Item::Speech(s),
        LineTarget::Paragraph { speech, index } => Item::Paragraph { speech, index },
        LineTarget::Photo(p) => Item::Photo(p),
    }
}

fn role_color(ui: &Ui, role: &LineRole) -> Color32 {
    let dark = ui.visuals().dark_mode;
    let pick = |light: (u8, u8, u8), night: (u8, u8, u8)| {
        let (r, g, b) = if dark { night } else { light };
        Color32::from_rgb(r, g, b)
    };
    match role {
        LineRole::SpeakerLabel => pick((20, 90, 170), (120, 180, 255)),
        LineRole::Caption => pick((150, 80, 0), (240, 170, 90)),
        LineRole::Title | LineRole::Dateline | LineRole::Heading => {
            pick((110, 40, 150), (200, 150, 240))
        }
        LineRole::ListIntro | LineRole::ListItem | LineRole::ListOutro => {
            pick((20, 120, 80), (110, 210, 160))
        }
        LineRole::Dropped | LineRole::Joined => ui.visuals().weak_text_color(),
        _ => ui.visuals().text_color(),
    }
}

fn line_row(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    text: &str,
    line: &LineReading,
    height: f32,
    commands: &mut Vec<Command>,
) {
    let item = line.target.map(item_of);
    let selected = item.is_some_and(|i| cx.selection.primary() == Some(i));
    let source = text.get(line.range.clone()).unwrap_or("");
    let (rect, _) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), height), Sense::hover());
    let id = ui.scope_id().with(("line", line.number));
    let response = ui.interact(rect, id, Sense::click());
    let label = format!("Line {}: {}", line.number, line.role.name());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &label));
    if selected {
        ui.painter().rect_filled(
            rect,
            2.0,
            ui.visuals().selection.bg_fill.gamma_multiply(0.5),
        );
    } else if response.hovered() && item.is_some() {
        ui.painter()
            .rect_filled(rect, 2.0, ui.visuals().widgets.hovered.weak_bg_fill);
    }
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(egui::vec2(4.0, 0.0)))
            .layout(egui::Layout::left_to_right(egui::Align::Center)),
    );
    let number = RichText::new(format!("{:>6}", line.number))
        .monospace()
        .weak();
    child.add_sized([56.0, height], egui::Label::new(number).selectable(false));
    child.add_sized(
        [120.0, height],
        egui::Label::new(
            RichText::new(line.role.name())
                .small()
                .color(role_color(&child, &line.role)),
        )
        .selectable(false),
    );
    if let Some(note) = &line.note {
        child.add(egui::Label::new(RichText::new(note).italics().small()).selectable(false));
        child.weak("·");
    }
    child.add(egui::Label::new(source).truncate().selectable(false));
    crate::app::corrections::menus::line_menu(&response, line.number, commands);
    if response.clicked()
        && let Some(item) = item
    {
        commands.push(Command::Select(item));
    }
    if response.hovered()
        && let Some(item) = item
    {
        commands.push(Command::Hover(item));
    }
}
