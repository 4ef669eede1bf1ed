//! Questions and moderators: the Questions window (View ▸ Questions) that lists each
//! question with who asked and who answered, and the folding of moderator turns
//! (View ▸ Fold moderator turns). The pairing itself is [`crate::qa`]'s, done once when the
//! document opened; this module only draws and keeps the folding choice.

use egui::accesskit::Role;
use egui::{RichText, Sense, Ui, Vec2};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::document::Document;
use crate::app::highlight::Highlight;
use crate::app::interaction::{self, interact};
use crate::app::selection::{Item, Selection};
use crate::format::noun;
use crate::model::SpeechId;
use crate::qa::{QaPair, TurnKind};

const ROW_HEIGHT: f32 = 50.0;
/// How much of a question the list shows (the row cuts it to two lines anyway).
const PREVIEW_CHARS: usize = 220;

/// The Questions window's state.
#[derive(Debug, Default)]
pub struct QuestionsWindow {
    open: bool,
}

impl QuestionsWindow {
    /// Shows the window (View ▸ Questions).
    pub fn show(&mut self) {
        self.open = true;
    }

    /// Whether the window is shown.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Draws the window when it is shown.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        // Beside the reader, over the photo column, so the question it jumps to stays in view.
        let area = ctx.content_rect();
        egui::Window::new("Questions")
            .open(&mut open)
            .pivot(egui::Align2::RIGHT_TOP)
            .default_pos(egui::pos2(area.right() - 16.0, area.top() + 96.0))
            .default_size([520.0, 460.0])
            .resizable(true)
            .show(ctx, |ui| contents(ui, cx, commands));
        self.open = open;
    }
}

fn contents(ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
    let qa = &cx.doc.qa;
    if qa.pairs.is_empty() {
        ui.label("No questions found in this document.");
        ui.weak(
            "Questions are turns such as \"Question:\", \"Q\", \"Journalist:\", a named \
             reporter, or an interviewer's turns.",
        );
        return;
    }
    let answered = qa.pairs.iter().filter(|p| !p.answers.is_empty()).count();
    let n = qa.pairs.len();
    ui.label(
        RichText::new(format!(
            "{n} {} · {answered} answered",
            noun(n, "question", "questions")
        ))
        .strong(),
    );
    ui.weak("Click a question to read it in context.");
    ui.add_space(4.0);
    egui::ScrollArea::vertical()
        .id_salt("question_rows")
        .auto_shrink([false, true])
        .show_rows(ui, ROW_HEIGHT, n, |ui, range| {
            ui.spacing_mut().item_spacing.y = 0.0;
            for i in range {
                if let Some(pair) = qa.pairs.get(i) {
                    question_row(ui, cx, i, pair, commands);
                }
            }
        });
}

/// The start of a question's text, on one line.
fn preview(cx: &PanelContext<'_>, s: SpeechId) -> String {
    let Some(speech) = cx.doc.transcript.speech(s) else {
        return String::new();
    };
    let mut out = String::new();
    for p in &speech.paragraphs {
        for word in p.split_whitespace() {
            if out.len() + word.len() > PREVIEW_CHARS {
                out.push('…');
                return out;
            }
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// "answered by Marc Delorme, Inès Varga", or "no answer".
fn answered_by(cx: &PanelContext<'_>, pair: &QaPair) -> String {
    let t = &cx.doc.transcript;
    let names: Vec<&str> = pair
        .answered_by
        .iter()
        .filter_map(|p| t.participant(*p))
        .map(|p| p.display_name())
        .collect();
    if names.is_empty() {
        "no answer".to_owned()
    } else {
        format!("answered by {}", names.join(", "))
    }
}

fn question_row(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    i: usize,
    pair: &QaPair,
    commands: &mut Vec<Command>,
) {
    let t = &cx.doc.transcript;
    let asker = t.participant(pair.asker).map_or("?", |p| p.display_name());
    let text = preview(cx, pair.question);
    let answer = answered_by(cx, pair);
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(Vec2::new(width, ROW_HEIGHT), Sense::click());
    let item = Item::Speech(pair.question);
    let level = cx.highlight(item);
    let label = format!("Question {}, {asker}: {text} — {answer}", i + 1);
    response.widget_info(|| {
        egui::WidgetInfo::selected(Role::Button, true, level == Highlight::Selected, &label)
    });
    interact(ui, &response, item, commands);
    if !ui.is_rect_visible(rect) {
        return;
    }
    let shown = interaction::shown(&response, level);
    let painter = ui.painter();
    painter.rect_filled(rect.shrink(1.0), 4.0, interaction::fill(ui, shown));
    interaction::focus_ring(ui, &response);
    let inner = rect.shrink2(Vec2::new(8.0, 4.0));
    let body = egui::TextStyle::Body.resolve(ui.style());
    let small = egui::TextStyle::Small.resolve(ui.style());
    let strong = ui.visuals().strong_text_color();
    let color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let head = format!("{}. {asker}", i + 1);
    let head_g = interaction::galley(ui, &head, body.clone(), strong, inner.width() * 0.4, 1);
    let head_w = head_g.size().x;
    painter.galley(inner.min, head_g, strong);
    let text_g = interaction::galley(ui, &text, body, color, inner.width() - head_w - 10.0, 1);
    painter.galley(inner.min + Vec2::new(head_w + 10.0, 0.0), text_g, color);
    let answer_g = interaction::galley(ui, &answer, small, weak, inner.width(), 1);
    painter.galley(inner.min + Vec2::new(0.0, 24.0), answer_g, weak);
}

/// Which moderator turns the reader folds: on or off, and the turns opened again by hand.
#[derive(Debug, Default)]
pub struct Folding {
    on: bool,
    /// Turns opened by hand, for the document of `opened_for`.
    opened: Vec<SpeechId>,
    opened_for: u64,
    generation: u64,
}

impl Folding {
    /// Whether moderator turns are folded.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Folds (or shows) every moderator turn; turns opened by hand fold again.
    pub fn set(&mut self, on: bool) {
        self.on = on;
        self.opened.clear();
        self.bump();
    }

    /// Opens a folded turn of the document `doc_generation`, or folds it again.
    pub fn toggle(&mut self, s: SpeechId, doc_generation: u64) {
        if self.opened_for != doc_generation {
            self.opened.clear();
            self.opened_for = doc_generation;
        }
        if let Some(i) = self.opened.iter().position(|x| *x == s) {
            self.opened.remove(i);
        } else {
            self.opened.push(s);
        }
        self.bump();
    }

    fn bump(&mut self) {
        self.generation = self.generation.wrapping_add(1);
    }

    /// Changes whenever what is folded may change (the view is rebuilt on it).
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// The speeches to fold in `doc`, in order: every moderator turn, except those opened by
    /// hand and the one whose paragraph is selected (a jump to it must show it).
    pub fn folded(
        &self,
        doc: &Document,
        doc_generation: u64,
        selection: &Selection,
    ) -> Vec<SpeechId> {
        if !self.on {
            return Vec::new();
        }
        let opened: &[SpeechId] = if self.opened_for == doc_generation {
            &self.opened
        } else {
            &[]
        };
        let selected = match selection.primary() {
            Some(Item::Paragraph { speech, .. }) => Some(speech),
            _ => None,
        };
        doc.transcript
            .speeches
            .iter()
            .map(|s| s.id)
            .filter(|s| doc.qa.kind(*s) == TurnKind::Moderator)
            .filter(|s| !opened.contains(s) && Some(*s) != selected)
            .collect()
    }
}

/// The one-line header that stands for a folded moderator turn: "⏵ Modérateur — folded".
/// A click shows the turn again.
pub fn folded_header(ui: &mut Ui, cx: &PanelContext<'_>, s: SpeechId, commands: &mut Vec<Command>) {
    let t = &cx.doc.transcript;
    let Some(speech) = t.speech(s) else {
        return;
    };
    let name = t
        .participant(speech.speaker)
        .map_or(speech.label.as_str(), |p| p.display_name());
    let words = cx
        .doc
        .stats
        .speech_words
        .get(s.index())
        .copied()
        .unwrap_or(0);
    let (n, m) = cx
        .doc
        .index
        .speech_number
        .get(s.index())
        .copied()
        .unwrap_or((1, 1));
    let text = format!(
        "⏵ {name} — folded · {words} {}",
        noun(words, "word", "words")
    );
    let label = format!("{name} — folded, speech {n} of {m}, {words} words; click to show");
    ui.add_space(4.0);
    let small = egui::TextStyle::Body.resolve(ui.style());
    let weak = ui.visuals().weak_text_color();
    let width = ui.available_width();
    let g = interaction::galley(ui, &text, small, weak, width - 12.0, 1);
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, g.size().y + 8.0), Sense::click());
    response.widget_info(|| egui::WidgetInfo::labeled(Role::Button, true, &label));
    if response.hovered() || response.has_focus() {
        commands.push(Command::Hover(Item::Speech(s)));
    }
    if response.clicked() {
        commands.push(Command::ToggleFold(s));
    }
    let response = response.on_hover_text(
        "A moderator's turn, folded (View ▸ Fold moderator turns). Click to show it.",
    );
    if ui.is_rect_visible(rect) {
        let level = cx.highlight(Item::Speech(s));
        let shown = interaction::shown(&response, level);
        let painter = ui.painter();
        painter.rect_filled(
            rect,
            4.0,
            match shown {
                Highlight::Normal | Highlight::Dimmed => ui.visuals().faint_bg_color,
                other => interaction::fill(ui, other),
            },
        );
        interaction::focus_ring(ui, &response);
        painter.galley(rect.min + Vec2::new(6.0, 4.0), g, weak);
    }
}
