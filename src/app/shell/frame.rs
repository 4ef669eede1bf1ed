//! One frame of the app: bring the derived state up to date, draw every panel and window
//! (each in its own function), then apply the commands they pushed.

use super::StenogramApp;
use crate::app::PanelContext;
use crate::app::command::Command;
use crate::app::document::Source;
use crate::app::panels::header::{self, MenuState};
use crate::app::search;
use crate::app::view::View;
use crate::app::windows::shortcuts;

impl eframe::App for StenogramApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if let Some(probe) = &mut self.rt.probe {
            probe.begin_frame();
        }
        self.receive_loads(&ctx);
        self.receive_parallel(&ctx);

        let mut commands = Vec::new();
        self.global_input(&ctx, &mut commands);
        self.rt.library.poll(&ctx, &mut commands);
        self.receive_folder_dialog(&mut commands);
        self.receive_corrections_dialog();
        self.update_view();
        self.apply_jump(&ctx, &mut commands);
        self.send_title(&ctx);
        self.rt.thumbnails.begin_frame(
            &ctx,
            self.rt.doc.as_ref(),
            self.rt.doc_generation,
            &self.photo_folders,
            frame.info().cpu_usage,
        );
        self.sync_annotations();

        self.menu_bar(ui, &mut commands);
        self.header(ui, &mut commands);
        self.library_side_panel(ui, &mut commands);
        if self.rt.doc.is_some() {
            self.document_panels(ui, &mut commands);
        } else {
            self.empty_window(ui);
        }
        shortcuts::window(&ctx, self.rt.shortcuts_open, &mut commands);
        self.rt.toast.ui(&ctx);
        drop_overlay(&ctx);

        self.end_frame(&ctx, commands);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, self);
    }
}

impl StenogramApp {
    /// The folder dialog's answer, once it came: open the folder, or say how else to.
    fn receive_folder_dialog(&mut self, commands: &mut Vec<Command>) {
        let Some(rx) = &self.rt.folder_dialog else {
            return;
        };
        let Ok(answer) = rx.try_recv() else {
            return;
        };
        self.rt.folder_dialog = None;
        match answer {
            Some(folder) => commands.push(Command::OpenFolder(folder)),
            None => {
                self.rt.notice = Some(
                    "No folder was chosen. You can also drop a folder of transcripts onto \
                     this window, or open one from the command line: stenogram FOLDER"
                        .to_owned(),
                );
            }
        }
    }

    /// Rebuilds the view when the document, the selection or the folding changed, and
    /// brings the search hits up to date with it.
    fn update_view(&mut self) {
        let Some(doc) = &self.rt.doc else {
            return;
        };
        let key = (
            self.rt.doc_generation,
            self.rt.selection.generation(),
            self.rt.folding.generation(),
        );
        if self.rt.view_for != Some(key) {
            self.rt.view = View::build(doc, &self.rt.selection);
            let folded = self
                .rt
                .folding
                .folded(doc, self.rt.doc_generation, &self.rt.selection);
            self.rt.view.fold(doc, folded);
            self.rt.view_for = Some(key);
        }
        self.rt
            .search
            .update(doc, self.rt.doc_generation, &self.rt.view);
    }

    /// Tells the window its title when it changed.
    fn send_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if self.rt.title_sent.as_ref() != Some(&title) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.rt.title_sent = Some(title);
        }
    }

    /// Brings the notes and the marks the reader draws for them up to date.
    fn sync_annotations(&mut self) {
        if let Some(doc) = &self.rt.doc {
            self.rt.notes.sync(doc, self.rt.doc_generation);
            self.rt
                .annotations
                .sync(doc, self.rt.doc_generation, &self.rt.notes);
        }
    }

    /// The menu bar along the top.
    fn menu_bar(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let rt = &self.rt;
        egui::Panel::top("menu").show(ui, |ui| {
            let state = MenuState {
                settings: &self.settings,
                selection: &rt.selection,
                has_document: rt.doc.is_some(),
                shortcuts_open: rt.shortcuts_open,
                reading_open: rt.reading.is_open(),
                fold_moderators: rt.folding.is_on(),
                citable: rt.doc.as_ref().is_some_and(|doc| {
                    rt.selection
                        .primary()
                        .is_some_and(|item| doc.cited(item).is_some())
                }),
                notes_open: rt.notes.is_open(),
                has_parallel: rt.parallel.is_some(),
                versions: self.other_versions(),
                can_undo: rt.corrections.list().can_undo(),
                can_redo: rt.corrections.list().can_redo(),
                corrections_open: rt.corrections.is_open(),
            };
            header::menu_bar(ui, &state, commands);
        });
    }

    /// The document header under the menu bar, with the error or notice banner.
    fn header(&self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let rt = &self.rt;
        egui::Panel::top("header").show(ui, |ui| {
            ui.add_space(4.0);
            header::document_header(
                ui,
                rt.doc.as_ref(),
                rt.loader.busy(),
                &rt.selection,
                commands,
            );
            if let Some(error) = &rt.error {
                header::error_banner(ui, error, commands);
            } else if let Some(notice) = &rt.notice {
                notice_banner(ui, notice, commands);
            }
            ui.add_space(4.0);
        });
    }

    /// The library panel on the left, while a library is open.
    fn library_side_panel(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let rt = &mut self.rt;
        if !rt.library.is_open() {
            return;
        }
        egui::Panel::left("library")
            .resizable(true)
            .default_size(280.0)
            .size_range(200.0..=520.0)
            .show(ui, |ui| {
                let current = rt.doc.as_ref().and_then(|d| match &d.source {
                    Source::File(path) => Some((path.as_path(), d.part)),
                    Source::Bundled => None,
                });
                rt.library.ui(ui, current, commands);
            });
    }

    /// The open document's panels (sidebar, timeline, "How this was read", reader) and
    /// windows. The panels share one context; each draws into its own part of the window.
    fn document_panels(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        let ctx = ui.ctx().clone();
        let rt = &mut self.rt;
        let Some(doc) = &rt.doc else {
            return;
        };
        let cx = PanelContext {
            doc,
            view: &rt.view,
            selection: &rt.selection,
            doc_generation: rt.doc_generation,
            reader_top_row: rt.reader.top_row(),
            thumbnails: &rt.thumbnails,
            reading_chars: self.settings.reading_width.chars(),
            search: &rt.search,
            annotations: &rt.annotations,
            parallel: rt.parallel.as_ref(),
        };
        egui::Panel::left("participants")
            .resizable(true)
            .default_size(250.0)
            .size_range(170.0..=460.0)
            .show(ui, |ui| rt.sidebar.ui(ui, &cx, commands));
        egui::Panel::right("photos")
            .resizable(true)
            .default_size(340.0)
            .size_range(230.0..=620.0)
            .show(ui, |ui| rt.timeline.ui(ui, &cx, commands));
        if rt.reading.is_open() {
            egui::Panel::bottom("how_read")
                .resizable(true)
                .default_size(260.0)
                .size_range(120.0..=700.0)
                .show(ui, |ui| rt.reading.ui(ui, &cx, commands));
        }
        let top_before = rt.reader.top_row();
        egui::CentralPanel::default().show(ui, |ui| match &rt.parallel {
            Some(parallel) => rt.parallel_reader.ui(ui, &cx, parallel, commands),
            None => {
                search::bar::ui(ui, &cx, commands);
                rt.reader.ui(ui, &cx, commands);
            }
        });
        if rt.reader.top_row() != top_before {
            // The timeline was drawn before the reader moved: let it catch up.
            ctx.request_repaint();
        }
        rt.viewer.ui(&ctx, &cx, commands);
        rt.stats_window.ui(&ctx, &cx, commands);
        rt.questions_window.ui(&ctx, &cx, commands);
        let numbers = rt.annotations.numbers();
        rt.notes
            .ui(&ctx, doc, &rt.view, numbers, &mut rt.toast, commands);
        rt.export.ui(&ctx, doc, &rt.view, &mut rt.toast);
        rt.corrections.ui(&ctx, doc, commands);
        let generation = rt.doc_generation;
        rt.cite_part
            .ui(&ctx, doc, generation, &rt.annotations, commands);
    }

    /// With no document: a spinner while one opens, else how to open one.
    fn empty_window(&self, ui: &mut egui::Ui) {
        let busy = self.rt.loader.busy().is_some();
        egui::CentralPanel::default().show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.add_space(80.0);
                if busy {
                    ui.spinner();
                } else {
                    ui.heading("No transcript open");
                    ui.label(
                        "Open one with File, Open… (Ctrl+O), or drop a file onto this window.",
                    );
                }
            });
        });
    }

    /// Hover first, then end the frame (spending this frame's scroll request), then the
    /// selection changes, whose scroll request the next frame will spend.
    fn end_frame(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        for c in &commands {
            if let Command::Hover(item) = c {
                self.rt.selection.set_hovered(*item);
            }
        }
        if self.rt.selection.end_frame() {
            ctx.request_repaint();
        }
        self.apply(ctx, commands);
        if let Some(probe) = &mut self.rt.probe {
            let busy = self.rt.loader.busy().is_some() || self.rt.library.is_indexing();
            probe.end_frame(ctx, self.rt.doc.is_some(), busy);
        }
    }
}

/// A notice (not an error) under the header, with a button to dismiss it.
fn notice_banner(ui: &mut egui::Ui, notice: &str, commands: &mut Vec<Command>) {
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Dismiss").clicked() {
                        commands.push(Command::DismissError);
                    }
                    ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                        ui.add(egui::Label::new(notice).wrap());
                    });
                });
            });
        });
}

/// While files are dragged over the window, say what dropping will do.
fn drop_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop_overlay"),
    ));
    let rect = ctx.content_rect();
    painter.rect_filled(rect, 0.0, egui::Color32::from_black_alpha(160));
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop a transcript to open it (with Shift: beside this one), or a folder of photos",
        egui::FontId::proportional(24.0),
        egui::Color32::WHITE,
    );
}
