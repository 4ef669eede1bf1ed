//! The top of the window: the menu bar, the document header (title, date, time, place,
//! language, source link), the loading spinner and the error banner.

use egui::{Align, Button, Layout, RichText, Ui};

use super::command::Command;
use super::document::Document;
use super::selection::Selection;
use super::settings::{Settings, ThemeChoice};

/// File ▸ View ▸ Go.
pub fn menu_bar(
    ui: &mut Ui,
    settings: &Settings,
    selection: &Selection,
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            let open = ui.ctx().format_shortcut(&super::OPEN_SHORTCUT);
            if ui.add(Button::new("Open…").shortcut_text(open)).clicked() {
                commands.push(Command::OpenDialog);
            }
            ui.menu_button("Open recent", |ui| {
                if settings.recent.is_empty() {
                    ui.weak("No recent files");
                }
                for path in &settings.recent {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        commands.push(Command::Open(path.clone()));
                    }
                }
                ui.separator();
                if ui
                    .add_enabled(
                        !settings.recent.is_empty(),
                        Button::new("Clear recent files"),
                    )
                    .clicked()
                {
                    commands.push(Command::ClearRecent);
                }
            });
            if ui.button("Open the sample").clicked() {
                commands.push(Command::OpenSample);
            }
            ui.separator();
            if ui.button("Quit").clicked() {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("View", |ui| {
            ui.label(RichText::new("Theme").small().weak());
            for (choice, label) in ThemeChoice::ALL {
                if ui.radio(settings.theme == choice, label).clicked() {
                    commands.push(Command::SetTheme(choice));
                }
            }
        });
        ui.menu_button("Go", |ui| {
            if ui
                .add_enabled(
                    selection.can_go_back(),
                    Button::new("Back").shortcut_text("Alt+Left"),
                )
                .clicked()
            {
                commands.push(Command::Back);
            }
            if ui
                .add_enabled(
                    selection.can_go_forward(),
                    Button::new("Forward").shortcut_text("Alt+Right"),
                )
                .clicked()
            {
                commands.push(Command::Forward);
            }
            if ui
                .add(Button::new("Clear selection").shortcut_text("Esc"))
                .clicked()
            {
                commands.push(Command::ClearSelection);
            }
        });
    });
}

/// Title, date, time, place, language and source link of the open document; a spinner
/// while a file is being opened.
pub fn document_header(ui: &mut Ui, doc: Option<&Document>, busy: Option<&str>) {
    ui.horizontal(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if let Some(what) = busy {
                ui.spinner();
                ui.weak(format!("Opening {what}…"));
            }
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                let Some(doc) = doc else {
                    ui.heading("Stenogram");
                    return;
                };
                ui.vertical(|ui| {
                    ui.add(
                        egui::Label::new(RichText::new(doc.title()).size(19.0).strong()).truncate(),
                    );
                    ui.horizontal_wrapped(|ui| {
                        let t = &doc.transcript;
                        let mut facts: Vec<String> = Vec::new();
                        if let Some(date) = &t.date {
                            facts.push(format_date(date));
                        }
                        if let Some(time) = &t.time {
                            facts.push(time.clone());
                        }
                        if let Some(place) = &t.place {
                            facts.push(place.clone());
                        }
                        if let Some(lang) = language_name(&t.language) {
                            facts.push(lang.to_owned());
                        }
                        if !facts.is_empty() {
                            ui.label(RichText::new(facts.join("  ·  ")).weak());
                        }
                        if let Some(url) = &t.source_url {
                            if !facts.is_empty() {
                                ui.weak("·");
                            }
                            ui.hyperlink_to("Source page", url).on_hover_text(url);
                        }
                    });
                });
            });
        });
    });
}

/// The error banner: names the file and the reason, with a button to dismiss it.
pub fn error_banner(ui: &mut Ui, error: &str, commands: &mut Vec<Command>) {
    let color = ui.visuals().error_fg_color;
    egui::Frame::new()
        .fill(color.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(1.0, color))
        .corner_radius(4.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                    if ui.button("Dismiss").clicked() {
                        commands.push(Command::DismissError);
                    }
                    ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                        ui.label(RichText::new("⚠").color(color));
                        ui.add(
                            egui::Label::new(
                                RichText::new(format!("Could not open {error}")).color(color),
                            )
                            .wrap(),
                        );
                    });
                });
            });
        });
}

/// "2024-03-14" → "14 March 2024"; anything else as it is.
pub fn format_date(iso: &str) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let mut parts = iso.splitn(3, '-');
    let parsed = (|| {
        let y: u32 = parts.next()?.parse().ok()?;
        let m: usize = parts.next()?.parse().ok()?;
        let d: u32 = parts.next()?.parse().ok()?;
        let month = MONTHS.get(m.checked_sub(1)?)?;
        Some(format!("{d} {month} {y}"))
    })();
    parsed.unwrap_or_else(|| iso.to_owned())
}

/// The name of a language code, in that language; `None` for "und" and empty codes.
pub fn language_name(code: &str) -> Option<&str> {
    Some(match code {
        "" | "und" => return None,
        "en" => "English",
        "fr" => "Français",
        "ru" => "Русский",
        "de" => "Deutsch",
        "es" => "Español",
        "it" => "Italiano",
        "uk" => "Українська",
        "be" => "Беларуская",
        "kk" => "Қазақша",
        other => other,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally_and_odd_ones_pass_through() {
        assert_eq!(format_date("2024-03-14"), "14 March 2024");
        assert_eq!(format_date("2024-13-01"), "2024-13-01");
        assert_eq!(format_date("soon"), "soon");
    }

    #[test]
    fn language_codes_become_names() {
        assert_eq!(language_name("fr"), Some("Français"));
        assert_eq!(language_name("und"), None);
        assert_eq!(language_name("xx"), Some("xx"));
    }
}
