//! The large photo viewer: a modal over the window with the photo, its number, caption,
//! credit and the people it pictures.
//!
//! The viewer shows the selected photo. ← / → do not move anything themselves: they push
//! the same `Select` command a click in the timeline pushes, so the reader, the sidebar
//! and the timeline follow exactly as they would for a click. Escape (or a click outside)
//! closes it; Z or "Fit" fits the photo to the window, 1 or "100%" shows it pixel for
//! pixel, and dragging pans.

use egui::accesskit::Role;
use egui::{Align, Key, Layout, Modifiers, Rect, Sense, Ui, Vec2};

use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::photos::thumbnails::{PhotoState, message_box};
use crate::app::selection::Item;
use crate::model::PhotoId;
use crate::photos::Priority;

/// Screen-sized requests are rounded up to this many pixels, so resizing the window a
/// little does not decode the photo again.
const SIZE_STEP: f32 = 512.0;

/// How the photo is scaled.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub enum Zoom {
    /// The whole photo, as large as the window allows.
    #[default]
    Fit,
    /// One image pixel per screen pixel, panned by dragging.
    Actual,
}

/// The viewer's own state.
#[derive(Debug, Default)]
pub struct PhotoViewer {
    open: bool,
    /// The photo shown last: kept while the selection moves to something else (a person
    /// chosen from the chips), so ← / → carry on from it.
    photo: Option<PhotoId>,
    zoom: Zoom,
    pan: Vec2,
    /// The document generation it was opened for; another document closes it.
    doc_generation: u64,
}

impl PhotoViewer {
    /// Opens the viewer on `photo`.
    pub fn open(&mut self, photo: PhotoId, doc_generation: u64) {
        self.open = true;
        self.photo = Some(photo);
        self.zoom = Zoom::Fit;
        self.pan = Vec2::ZERO;
        self.doc_generation = doc_generation;
    }

    /// Closes the viewer.
    pub fn close(&mut self) {
        self.open = false;
    }

    /// Whether the viewer is showing.
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// The photo shown (or shown last).
    pub fn photo(&self) -> Option<PhotoId> {
        self.photo
    }

    /// The current zoom.
    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// Draws the viewer when open; keys and buttons push commands.
    pub fn ui(&mut self, ctx: &egui::Context, cx: &PanelContext<'_>, commands: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        if cx.doc_generation != self.doc_generation {
            self.open = false;
            return;
        }
        // The selected photo, else the one shown last.
        let shown = match cx.selection.primary() {
            Some(Item::Photo(id)) => Some(id),
            _ => self.photo,
        };
        let Some(photo) = shown.and_then(|id| cx.doc.transcript.photo(id)) else {
            self.open = false;
            return;
        };
        if self.photo != Some(photo.id) {
            self.photo = Some(photo.id);
            self.pan = Vec2::ZERO;
        }
        let ix = &cx.doc.index;
        let pos = ix.timeline_pos.get(photo.id.index()).copied();
        let previous = pos
            .and_then(|p| p.checked_sub(1))
            .and_then(|p| ix.timeline.get(p))
            .copied();
        let next = pos.and_then(|p| ix.timeline.get(p + 1)).copied();

        self.keys(ctx, previous, next, commands);

        let screen = ctx.content_rect();
        let size = (screen.size() - Vec2::splat(48.0)).max(Vec2::new(320.0, 240.0));
        let response = egui::Modal::new(egui::Id::unique("photo_viewer"))
            .frame(egui::Frame::popup(&ctx.global_style()).inner_margin(12.0))
            .show(ctx, |ui| {
                ui.set_min_size(size);
                ui.set_max_size(size);
                self.top_bar(
                    ui,
                    photo.number,
                    pos,
                    ix.timeline.len(),
                    previous,
                    next,
                    commands,
                );
                ui.separator();
                ui.with_layout(Layout::bottom_up(Align::Min), |ui| {
                    people_chips(ui, cx, photo, commands);
                    if let Some(credit) = &photo.credit {
                        ui.weak(format!("Photo: {credit}"));
                    }
                    ui.add(egui::Label::new(egui::RichText::new(&photo.caption).size(15.0)).wrap());
                    ui.add_space(6.0);
                    let area = ui.available_size();
                    self.image_area(
                        ui,
                        cx,
                        photo.id,
                        photo.number,
                        &photo.caption,
                        area,
                        previous,
                        next,
                    );
                });
            });
        if response.should_close() {
            commands.push(Command::ClosePhotoViewer);
        }
    }

    fn keys(
        &mut self,
        ctx: &egui::Context,
        previous: Option<PhotoId>,
        next: Option<PhotoId>,
        commands: &mut Vec<Command>,
    ) {
        ctx.input_mut(|i| {
            if i.consume_key(Modifiers::NONE, Key::ArrowLeft)
                && let Some(id) = previous
            {
                commands.push(Command::Select(Item::Photo(id)));
            }
            if i.consume_key(Modifiers::NONE, Key::ArrowRight)
                && let Some(id) = next
            {
                commands.push(Command::Select(Item::Photo(id)));
            }
            if i.consume_key(Modifiers::NONE, Key::Z) {
                self.set_zoom(Zoom::Fit);
            }
            if i.consume_key(Modifiers::NONE, Key::Num1) {
                self.set_zoom(Zoom::Actual);
            }
        });
    }

    fn set_zoom(&mut self, zoom: Zoom) {
        self.zoom = zoom;
        self.pan = Vec2::ZERO;
    }

    #[allow(clippy::too_many_arguments)] // one bar, drawn once; a struct would only rename them
    fn top_bar(
        &mut self,
        ui: &mut Ui,
        number: u32,
        pos: Option<usize>,
        total: usize,
        previous: Option<PhotoId>,
        next: Option<PhotoId>,
        commands: &mut Vec<Command>,
    ) {
        ui.horizontal(|ui| {
            ui.heading(format!("Photo {number}"));
            if let Some(pos) = pos {
                ui.weak(format!("{} of {total}", pos + 1));
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if ui
                    .button("Close")
                    .on_hover_text("Close the viewer (Escape)")
                    .clicked()
                {
                    commands.push(Command::ClosePhotoViewer);
                }
                ui.separator();
                if ui
                    .selectable_label(self.zoom == Zoom::Actual, "100%")
                    .on_hover_text("One image pixel per screen pixel (1); drag to pan")
                    .clicked()
                {
                    self.set_zoom(Zoom::Actual);
                }
                if ui
                    .selectable_label(self.zoom == Zoom::Fit, "Fit")
                    .on_hover_text("Fit the photo to the window (Z)")
                    .clicked()
                {
                    self.set_zoom(Zoom::Fit);
                }
                ui.separator();
                let next_button = ui
                    .add_enabled(next.is_some(), egui::Button::new("Next"))
                    .on_hover_text("Next photo (→)");
                if next_button.clicked()
                    && let Some(id) = next
                {
                    commands.push(Command::Select(Item::Photo(id)));
                }
                let previous_button = ui
                    .add_enabled(previous.is_some(), egui::Button::new("Previous"))
                    .on_hover_text("Previous photo (←)");
                if previous_button.clicked()
                    && let Some(id) = previous
                {
                    commands.push(Command::Select(Item::Photo(id)));
                }
            });
        });
    }

    #[allow(clippy::too_many_arguments)] // see `top_bar`
    fn image_area(
        &mut self,
        ui: &mut Ui,
        cx: &PanelContext<'_>,
        photo: PhotoId,
        number: u32,
        caption: &str,
        area: Vec2,
        previous: Option<PhotoId>,
        next: Option<PhotoId>,
    ) {
        let area = area.max(Vec2::new(64.0, 64.0));
        let (rect, response) = ui.allocate_exact_size(area, Sense::click_and_drag());
        let label = format!("Photo {number}: {caption}");
        response.widget_info(|| egui::WidgetInfo::labeled(Role::Image, true, &label));
        if response.double_clicked() {
            let other = match self.zoom {
                Zoom::Fit => Zoom::Actual,
                Zoom::Actual => Zoom::Fit,
            };
            self.set_zoom(other);
        }

        let ctx = ui.ctx().clone();
        let ppp = ctx.pixels_per_point();
        let screen_px = |points: f32| ((points * ppp / SIZE_STEP).ceil() * SIZE_STEP) as u32;
        let fit_max = [screen_px(rect.width()), screen_px(rect.height())];
        let thumbs = cx.thumbnails;
        let fit = thumbs.image(photo, fit_max, Priority::Viewer);
        let full = match self.zoom {
            Zoom::Actual => Some(thumbs.image(photo, [u32::MAX, u32::MAX], Priority::Viewer)),
            Zoom::Fit => None,
        };
        // Have the neighbours ready for ← / →.
        for id in [next, previous].into_iter().flatten() {
            let _ = thumbs.image(id, fit_max, Priority::Background);
        }

        // The sharpest image that is ready.
        let best = match (&full, &fit) {
            (Some(full @ PhotoState::Ready { .. }), _) => full,
            (_, fit) => fit,
        };
        let painter = ui.painter_at(rect);
        match best {
            PhotoState::Ready {
                texture, original, ..
            } => {
                let original = Vec2::new(original[0] as f32, original[1] as f32);
                let shown = match self.zoom {
                    Zoom::Fit => {
                        let scale = (rect.width() / original.x).min(rect.height() / original.y);
                        original * scale
                    }
                    Zoom::Actual => original / ppp,
                };
                if self.zoom == Zoom::Actual && response.dragged() {
                    self.pan += response.drag_delta();
                }
                // Keep the photo over the area: no panning past its edges.
                let slack = ((shown - rect.size()) / 2.0).max(Vec2::ZERO);
                self.pan = self.pan.clamp(-slack, slack);
                if slack != Vec2::ZERO {
                    response.clone().on_hover_cursor(egui::CursorIcon::Grab);
                }
                let image_rect = Rect::from_center_size(rect.center() + self.pan, shown);
                let uv = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
                painter.image(*texture, image_rect, uv, egui::Color32::WHITE);
            }
            PhotoState::Loading => message_box(ui, rect, "loading…", false),
            PhotoState::NoImages => message_box(ui, rect, "no image for this photo", false),
            PhotoState::Failed(reason) => message_box(ui, rect, reason, true),
        }
    }
}

/// The people the photo pictures, as buttons that select them, each with a ✕ that takes
/// them off the photo, and a menu to add someone (corrections of the caption's links).
fn people_chips(
    ui: &mut Ui,
    cx: &PanelContext<'_>,
    photo: &crate::model::Photo,
    commands: &mut Vec<Command>,
) {
    use crate::app::corrections::Request;
    ui.horizontal_wrapped(|ui| {
        let corrected = cx.doc.corrected.photos.contains(&photo.id);
        let pencil = crate::app::corrections::window::PENCIL;
        ui.weak(if corrected {
            format!("Pictured {pencil}:")
        } else {
            "Pictured:".to_owned()
        });
        for id in &photo.participants {
            let Some(person) = cx.doc.transcript.participant(*id) else {
                continue;
            };
            let item = Item::Participant(*id);
            let selected = cx.selection.is_selected(item);
            let chip = ui
                .selectable_label(selected, person.display_name())
                .on_hover_text("Select this person: the reader shows their speeches");
            if chip.clicked() {
                commands.push(Command::Select(item));
            }
            let name = person.display_name();
            let remove = ui.small_button("🗙");
            remove.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    format!("Not in this photo: {name}"),
                )
            });
            if remove.clicked() {
                commands.push(Command::Correct(Request::PhotoPerson {
                    photo: photo.id,
                    person: *id,
                    add: false,
                }));
            }
        }
        ui.menu_button("Add person", |ui| {
            egui::ScrollArea::vertical()
                .max_height(320.0)
                .show(ui, |ui| {
                    for p in &cx.doc.transcript.participants {
                        if !photo.participants.contains(&p.id)
                            && ui.button(p.display_name()).clicked()
                        {
                            commands.push(Command::Correct(Request::PhotoPerson {
                                photo: photo.id,
                                person: p.id,
                                add: true,
                            }));
                        }
                    }
                });
        });
    });
}
