//! A short confirmation at the bottom of the window ("Citation copied", "Saved to
//! view.md") that goes away by itself: the user sees that something happened without a
//! banner to dismiss after every copy.

/// How long a toast stays, in seconds.
const SHOW_SECONDS: f64 = 2.5;

/// The toast being shown, if any.
#[derive(Clone, Debug, Default)]
pub struct Toast {
    text: Option<String>,
    /// `egui` time at which it was asked for (set when first drawn).
    since: Option<f64>,
}

impl Toast {
    /// Shows `text` from the next frame on.
    pub fn show(&mut self, text: impl Into<String>) {
        self.text = Some(text.into());
        self.since = None;
    }

    /// The text shown right now.
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// Draws the toast, and forgets it once its time is up. Only a delayed repaint is
    /// asked for, so an idle window stays idle until then.
    pub fn ui(&mut self, ctx: &egui::Context) {
        let Some(text) = &self.text else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let since = *self.since.get_or_insert(now);
        let left = since + SHOW_SECONDS - now;
        if left <= 0.0 {
            self.text = None;
            self.since = None;
            return;
        }
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(left));
        egui::Area::new(egui::Id::unique("stenogram_toast"))
            .order(egui::Order::Tooltip)
            .anchor(egui::Align2::CENTER_BOTTOM, egui::vec2(0.0, -24.0))
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(520.0);
                    ui.add(egui::Label::new(text.as_str()).wrap());
                });
            });
    }
}
