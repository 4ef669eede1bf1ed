//! The participant sidebar: everyone in the document, who speaks first, then the people
//! who are only listed or pictured, then generic speakers such as "Question".

use egui::{Align, Layout, RichText, ScrollArea, Sense, TextEdit, Ui, Vec2};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::corrections::menus;
use crate::app::corrections::window::PENCIL;
use crate::app::highlight::Highlight;
use crate::app::interaction::{self, interact};
use crate::app::selection::Item;
use crate::app::virtual_rows::{Offsets, scroll_into_view};
use crate::format::noun;
use crate::model::{Participant, ParticipantId};
use crate::text::fold;

const PERSON_HEIGHT: f32 = 58.0;
const HEADING_HEIGHT: f32 = 28.0;
const GAP: f32 = 2.0;

/// One row of the sidebar list.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
enum Row {
    Heading(&'static str),
    Person(ParticipantId),
    /// A speaker of the parallel version with no counterpart in this one (its id there).
    OtherVersion(ParticipantId),
}

/// The sidebar's own state: the filter text and the rows it leaves.
#[derive(Debug, Default)]
pub struct ParticipantSidebar {
    query: String,
    /// (document generation, query, parallel version) the rows were built for.
    built_for: Option<(u64, String, Option<u64>)>,
    rows: Vec<Row>,
    offsets: Offsets,
    last_view: Option<std::ops::Range<f32>>,
}

impl ParticipantSidebar {
    /// ↑ / ↓ (while nobody types): the person above or below the chosen one, in the
    /// sidebar's order; the first (or last) person when nobody is chosen.
    fn arrow_step(&self, ctx: &egui::Context, cx: &PanelContext<'_>) -> Option<ParticipantId> {
        if ctx.text_edit_focused() || egui::Popup::is_any_open(ctx) {
            return None;
        }
        let up = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp));
        let down = ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown));
        if up == down {
            return None;
        }
        let people: Vec<ParticipantId> = self
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Person(id) => Some(*id),
                Row::Heading(_) | Row::OtherVersion(_) => None,
            })
            .collect();
        let current = cx
            .selection
            .primary()
            .and_then(Item::participant)
            .or_else(|| cx.selection.people().last().copied())
            .and_then(|id| people.iter().position(|p| *p == id));
        let next = match (current, down) {
            (Some(i), true) => i + 1,
            (Some(i), false) => i.checked_sub(1)?,
            (None, true) => 0,
            (None, false) => people.len().checked_sub(1)?,
        };
        people.get(next).copied()
    }

    /// Draws the sidebar.
    pub fn ui(&mut self, ui: &mut Ui, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            ui.heading("People");
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                let any = !cx.selection.items().is_empty() || !cx.selection.people().is_empty();
                if ui
                    .add_enabled(any, egui::Button::new("All"))
                    .on_hover_text("Show everyone and the whole document (Esc)")
                    .clicked()
                {
                    commands.push(Command::ClearSelection);
                }
            });
        });
        crate::app::windows::stats_window::talk_share_bar(ui, cx, commands);
        ui.horizontal(|ui| {
            let label = ui.label("Filter");
            ui.add(
                TextEdit::singleline(&mut self.query)
                    .hint_text("name, role or spelling")
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id);
        });
        ui.add_space(4.0);

        let key = (
            cx.doc_generation,
            self.query.clone(),
            cx.parallel.map(|p| p.generation),
        );
        if self.built_for.as_ref() != Some(&key) {
            self.rebuild(cx);
            self.built_for = Some(key);
        }

        if let Some(next) = self.arrow_step(ui.ctx(), cx) {
            commands.push(Command::Select(Item::Participant(next)));
        }

        if self.rows.is_empty() {
            ui.weak(if self.query.trim().is_empty() {
                "No participants found in this document."
            } else {
                "Nobody matches the filter."
            });
            return;
        }

        let mut area = ScrollArea::vertical()
            .id_salt("participants")
            .auto_shrink([false, false]);
        if cx.selection.scroll_request()
            && let Some(target) = self.target_row(cx)
            && let Some(view) = self.last_view.clone()
            && let Some(y) = scroll_into_view(&self.offsets, target, view, 8.0)
        {
            area = area.vertical_scroll_offset(y);
            // egui clamps a jump past the end on the next frame: let that frame come now.
            ui.ctx().request_repaint();
        }
        area.show_viewport(ui, |ui, viewport| {
            ui.set_height(self.offsets.total());
            self.last_view = Some(viewport.min.y..viewport.max.y);
            let origin = ui.max_rect().min;
            for i in self.offsets.visible(viewport.min.y, viewport.max.y) {
                let Some(row) = self.rows.get(i).copied() else {
                    continue;
                };
                let top = origin.y + self.offsets.top(i);
                let height = self.offsets.top(i + 1) - self.offsets.top(i) - GAP;
                let rect = egui::Rect::from_min_size(
                    egui::pos2(origin.x, top),
                    Vec2::new(ui.max_rect().width(), height),
                );
                match row {
                    Row::Heading(text) => {
                        let mut child = ui.new_child(
                            egui::UiBuilder::new()
                                .max_rect(rect.shrink2(Vec2::new(8.0, 0.0)))
                                .layout(Layout::bottom_up(Align::Min)),
                        );
                        child.label(RichText::new(text).small().strong());
                    }
                    Row::Person(id) => {
                        if let Some(p) = cx.doc.transcript.participant(id) {
                            person_row(ui, rect, cx, p, commands);
                        }
                    }
                    Row::OtherVersion(id) => other_version_row(ui, rect, cx, id),
                }
            }
        });
    }

    fn rebuild(&mut self, cx: &PanelContext<'_>) {
        let t = &cx.doc.transcript;
        let ix = &cx.doc.index;
        let query = fold(self.query.trim());
        let matches = |id: &ParticipantId| {
            query.is_empty()
                || t.participant(*id).is_some_and(|p| {
                    fold(p.display_name()).contains(&query)
                        || p.role.as_deref().is_some_and(|r| fold(r).contains(&query))
                        || p.aliases.iter().any(|a| fold(a).contains(&query))
                        || cx
                            .parallel
                            .and_then(|par| par.counterpart_name(p.id))
                            .is_some_and(|other| fold(other).contains(&query))
                })
        };
        self.rows.clear();
        let groups: [(Option<&'static str>, &[ParticipantId]); 3] = [
            (None, &ix.speakers),
            (Some("Listed or pictured"), &ix.listed),
            (Some("Generic speakers"), &ix.generic),
        ];
        for (heading, ids) in groups {
            let people: Vec<ParticipantId> = ids.iter().copied().filter(matches).collect();
            if people.is_empty() {
                continue;
            }
            if let Some(h) = heading {
                self.rows.push(Row::Heading(h));
            }
            self.rows.extend(people.into_iter().map(Row::Person));
        }
        // Each person once: those who speak only in the parallel version come last.
        if let Some(par) = cx.parallel {
            let others: Vec<ParticipantId> = par
                .only_in_b()
                .into_iter()
                .filter(|&id| {
                    query.is_empty()
                        || par
                            .transcript
                            .participant(id)
                            .is_some_and(|p| fold(p.display_name()).contains(&query))
                })
                .collect();
            if !others.is_empty() {
                self.rows.push(Row::Heading("Only in the other version"));
                self.rows.extend(others.into_iter().map(Row::OtherVersion));
            }
        }
        self.offsets = Offsets::from_heights(
            self.rows.iter().map(|r| match r {
                Row::Heading(_) => HEADING_HEIGHT,
                Row::Person(_) | Row::OtherVersion(_) => PERSON_HEIGHT,
            }),
            GAP,
        );
    }

    /// The row to bring into view after a selection change: the chosen person, the
    /// speaker of a chosen speech, the first person in a chosen photo.
    fn target_row(&self, cx: &PanelContext<'_>) -> Option<usize> {
        let t = &cx.doc.transcript;
        let person = match cx.selection.primary()? {
            Item::Participant(p) => p,
            Item::Speech(s) | Item::Paragraph { speech: s, .. } => t.speech(s)?.speaker,
            Item::Photo(ph) => *t.photo(ph)?.participants.first()?,
            Item::Block(_) => return None,
        };
        self.rows.iter().position(|r| *r == Row::Person(person))
    }
}

/// A speaker of the parallel version who has no counterpart here: their name there and
/// their speeches there, not selectable (the panels speak of this document's people).
fn other_version_row(ui: &mut Ui, rect: egui::Rect, cx: &PanelContext<'_>, id: ParticipantId) {
    let Some(p) = cx.parallel.and_then(|par| par.transcript.participant(id)) else {
        return;
    };
    let speeches = p.appearances.speeches.len();
    let mut child = ui.new_child(
        egui::UiBuilder::new()
            .max_rect(rect.shrink2(Vec2::new(10.0, 6.0)))
            .layout(Layout::top_down(Align::Min)),
    );
    child.label(RichText::new(p.display_name()).weak());
    child.label(
        RichText::new(format!(
            "{} there",
            crate::format::plural(speeches, "speech", "speeches")
        ))
        .small()
        .weak(),
    );
}

/// Speech and photo counts, in words.
pub fn counts_text(speeches: usize, photos: usize) -> String {
    let s = noun(speeches, "speech", "speeches");
    let p = noun(photos, "photo", "photos");
    format!("{speeches} {s} · {photos} {p}")
}

fn person_row(
    ui: &mut Ui,
    rect: egui::Rect,
    cx: &PanelContext<'_>,
    p: &Participant,
    commands: &mut Vec<Command>,
) {
    let item = Item::Participant(p.id);
    let level = cx.highlight(item);
    let id = ui.scope_id().with(("participant", p.id));
    // Dragging one person onto another merges them (see the corrections' menus).
    let response = ui.interact(rect, id, Sense::click_and_drag());
    let selected = level == Highlight::Selected;
    let name = p.display_name().to_owned();
    menus::person_menu(&response, &cx.doc.transcript, p, commands);
    menus::merge_by_drag(&response, p.id, commands);
    let drop_target = menus::merge_hovered(&response, p.id);
    let corrected = cx.doc.corrected.participants.contains(&p.id);
    // With a parallel version open, each person is shown once, with both spellings.
    let other = cx.parallel.and_then(|par| par.counterpart_name(p.id));
    let mut shown_name = match other {
        Some(other) if fold(other) != fold(&name) => format!("{name} · {other}"),
        _ => name.clone(),
    };
    if corrected {
        shown_name = format!("{shown_name} {PENCIL}");
    }
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::accesskit::Role::Button, true, selected, &name)
    });
    interact(ui, &response, item, commands);
    let role = if p.name.is_some() {
        p.role.as_deref()
    } else {
        None
    };
    let role_text = role.unwrap_or(if p.generic { "generic speaker" } else { "" });
    let counts = counts_text(
        cx.doc.index.speech_count(p.id),
        cx.doc.index.photo_count(p.id),
    );
    // Screen readers get what the row shows under the name.
    let mut description = if role_text.is_empty() {
        counts.clone()
    } else {
        format!("{role_text}; {counts}")
    };
    if let Some(other) = other {
        description = format!("{description}; in the parallel version: {other}");
    }
    if corrected {
        description.push_str("; corrected");
    }
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_description(description));

    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let fill = interaction::fill(ui, interaction::shown(&response, level));
        painter.rect_filled(rect, 4.0, fill);
        let accent = interaction::accent(ui, level);
        if accent.width > 0.0 {
            painter.line_segment(
                [
                    rect.left_top() + Vec2::new(1.0, 4.0),
                    rect.left_bottom() + Vec2::new(1.0, -4.0),
                ],
                egui::Stroke::new(3.0, accent.color),
            );
        }
        interaction::focus_ring(ui, &response);
        if drop_target {
            let stroke = egui::Stroke::new(2.0, ui.visuals().selection.stroke.color);
            painter.rect_stroke(rect, 4.0, stroke, egui::StrokeKind::Inside);
        }

        let inner = rect.shrink2(Vec2::new(10.0, 6.0));
        let text = ui.visuals().text_color();
        let weak = ui.visuals().weak_text_color();
        let body = egui::TextStyle::Body.resolve(ui.style());
        let small = egui::TextStyle::Small.resolve(ui.style());
        let strong = ui.visuals().strong_text_color();
        let lines = [
            (
                shown_name.as_str(),
                body,
                if level == Highlight::Dimmed {
                    text
                } else {
                    strong
                },
            ),
            (role_text, small.clone(), weak),
            (counts.as_str(), small, weak),
        ];
        let mut y = inner.top();
        for (line, font, color) in lines {
            let g = interaction::galley(ui, line, font, color, inner.width(), 1);
            let h = g.size().y;
            painter.galley(egui::pos2(inner.left(), y), g, color);
            y += h + 1.0;
        }
    }

    let aliases: Vec<&str> = p
        .aliases
        .iter()
        .map(String::as_str)
        .filter(|a| *a != p.display_name())
        .collect();
    if !aliases.is_empty() || p.role.is_some() {
        response.on_hover_ui(|ui| {
            ui.strong(p.display_name());
            if let Some(role) = &p.role {
                ui.label(role);
            }
            if !aliases.is_empty() {
                ui.add_space(4.0);
                ui.weak("Also written as:");
                for a in aliases {
                    ui.label(format!("• {a}"));
                }
            }
        });
    }
}
