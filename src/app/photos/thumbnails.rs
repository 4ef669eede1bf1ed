//! Photo textures: one `TextureHandle` per (photo, size), made from the worker pool's
//! results (see `crate::photos::loader`) and freed when the document closes or changes.
//!
//! Panels only read through `&Thumbnails` (via [`crate::app::PanelContext`]): asking for an
//! image that is not there yet queues it, and the cache remembers that it asked. Once per
//! frame, before the panels draw, [`Thumbnails::begin_frame`] takes the finished images
//! off the channel without blocking (within a small time budget, so a burst of large
//! images never makes one long frame) and turns them into textures.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use egui::{Align2, Color32, FontId, Rect, Sense, TextureHandle, TextureId, Ui, Vec2};
use serde::{Deserialize, Serialize};

use crate::app::document::{Document, Source};
use crate::model::{Photo, PhotoId};
use crate::photos::{
    DecodeError, ImageKey, Loaded, Loader, PhotoFiles, PhotoImage, PhotoSource, Priority, discover,
    discover_in_folder,
};

/// Images with more pixels than this (the viewer's) are turned into egui's pixel format on
/// a helper thread: converting a 4000×3000 photo takes tens of milliseconds.
const CONVERT_OFF_THREAD_PIXELS: usize = 512 * 512;
/// Longest time one frame spends turning decoded images into textures.
const UPLOAD_BUDGET: Duration = Duration::from_millis(4);
/// Most texture memory kept; the least recently shown images go first beyond it.
const TEXTURE_BUDGET_BYTES: usize = 192 * 1024 * 1024;
/// How many folder attachments are remembered.
const ATTACHED_LIMIT: usize = 100;
/// Thumbnails of at most this many photos are decoded ahead of being scrolled to.
const PREFETCH_LIMIT: usize = 300;
/// Set this environment variable to have the time photos take to load, the longest frame
/// meanwhile and the peak memory printed to stderr (how the README's figures were taken).
pub const FRAME_TIMES_ENV: &str = "STENOGRAM_PHOTO_TIMES";

/// The bundled sample's images, compiled in for when the sample has no folder on disk.
const SAMPLE_IMAGES: [(&str, &[u8]); 14] = [
    ("01.jpg", include_bytes!("../../../assets/sample/01.jpg")),
    ("02.jpg", include_bytes!("../../../assets/sample/02.jpg")),
    ("03.jpg", include_bytes!("../../../assets/sample/03.jpg")),
    ("04.jpg", include_bytes!("../../../assets/sample/04.jpg")),
    ("05.jpg", include_bytes!("../../../assets/sample/05.jpg")),
    ("06.jpg", include_bytes!("../../../assets/sample/06.jpg")),
    ("07.jpg", include_bytes!("../../../assets/sample/07.jpg")),
    ("08.jpg", include_bytes!("../../../assets/sample/08.jpg")),
    ("09.jpg", include_bytes!("../../../assets/sample/09.jpg")),
    ("10.jpg", include_bytes!("../../../assets/sample/10.jpg")),
    ("11.jpg", include_bytes!("../../../assets/sample/11.jpg")),
    ("12.jpg", include_bytes!("../../../assets/sample/12.jpg")),
    ("13.jpg", include_bytes!("../../../assets/sample/13.jpg")),
    ("14.jpg", include_bytes!("../../../assets/sample/14.jpg")),
];

/// Folders of images the user dropped onto the window, per transcript file; persisted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttachedFolders {
    /// (transcript key, folder), most recent last.
    entries: Vec<(String, PathBuf)>,
}

impl AttachedFolders {
    /// The folder attached to the document with this key.
    pub fn get(&self, key: &str) -> Option<&Path> {
        self.entries
            .iter()
            .rev()
            .find(|(k, _)| k == key)
            .map(|(_, folder)| folder.as_path())
    }

    /// Attaches `folder` to the document with this key (replacing an earlier one).
    pub fn attach(&mut self, key: String, folder: PathBuf) {
        self.entries.retain(|(k, _)| *k != key);
        self.entries.push((key, folder));
        if self.entries.len() > ATTACHED_LIMIT {
            let extra = self.entries.len() - ATTACHED_LIMIT;
            self.entries.drain(..extra);
        }
    }

    /// The key a document's attachment is remembered under: its file path.
    pub fn key(doc: &Document) -> String {
        match &doc.source {
            Source::File(path) => path.display().to_string(),
            Source::Bundled => "<bundled sample>".to_owned(),
        }
    }
}

/// What to show for one photo at one size.
#[derive(Clone, Debug, PartialEq)]
pub enum PhotoState {
    /// The document has no image at all: the card keeps its plain placeholder.
    NoImages,
    /// Queued or being decoded.
    Loading,
    /// Ready to paint.
    Ready {
        /// The texture.
        texture: TextureId,
        /// Its size in pixels.
        size: Vec2,
        /// The size of the image in its file, in pixels.
        original: [u32; 2],
    },
    /// Cannot be shown; the text says why ("image missing", "unreadable: …").
    Failed(String),
}

enum Slot {
    Pending(Priority),
    Ready {
        texture: TextureHandle,
        original: [u32; 2],
        bytes: usize,
        last_used: u64,
    },
    Failed(String),
}

/// The texture cache and the worker pool behind it.
#[derive(Default)]
pub struct Thumbnails {
    loader: Option<Loader>,
    /// (document generation, attached folder) the files were found for.
    found_for: Option<(u64, Option<PathBuf>)>,
    files: PhotoFiles,
    /// Whether any photo has an image (`files.any()`, kept: it walks every photo).
    has_files: bool,
    slots: RefCell<HashMap<ImageKey, Slot>>,
    frame: Cell<u64>,
    max_texture_side: Cell<u32>,
    /// Whether the thumbnails off screen were queued for this document.
    prefetched: Cell<bool>,
    timer: Option<LoadTimer>,
    /// Large images converted off the UI thread come back here.
    converted: Option<(Sender<Converted>, Receiver<Converted>)>,
    /// Bumped by [`Thumbnails::forget`], so a conversion for a closed document is dropped.
    generation: u64,
}

/// A large image made ready for a texture on a helper thread: (generation, key, pixels,
/// size in the file).
type Converted = (u64, ImageKey, egui::ColorImage, [u32; 2]);

/// Measures one burst of loading: from the first image asked for until none is pending.
#[derive(Debug, Default)]
struct LoadTimer {
    started: Option<Instant>,
    /// eframe's CPU time of each frame while loading (UI and software or GPU rendering), ms.
    frames: Vec<f32>,
    /// Time spent turning decoded images into textures, per frame, ms.
    uploads: Vec<f32>,
    /// Frame CPU time while nothing loads (the baseline to compare with), ms.
    idle: Vec<f32>,
}

impl std::fmt::Debug for Thumbnails {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Thumbnails")
            .field("files", &self.files)
            .field("pending", &self.pending())
            .finish_non_exhaustive()
    }
}

impl Thumbnails {
    /// Once per frame before the panels draw: finds the images of a newly shown document
    /// (dropping everything of the previous one), then turns finished decodes into
    /// textures.
    ///
    /// `frame_cpu` is eframe's CPU time of the previous frame, recorded only when the
    /// [`FRAME_TIMES_ENV`] variable is set.
    pub fn begin_frame(
        &mut self,
        ctx: &egui::Context,
        doc: Option<&Document>,
        doc_generation: u64,
        attached: &AttachedFolders,
        frame_cpu: Option<f32>,
    ) {
        self.frame.set(self.frame.get().wrapping_add(1));
        if self.frame.get() == 1 && std::env::var_os(FRAME_TIMES_ENV).is_some() {
            self.timer = Some(LoadTimer::default());
        }
        self.time_frame(frame_cpu);
        let side = ctx.input(|i| i.max_texture_side);
        self.max_texture_side
            .set(u32::try_from(side).unwrap_or(u32::MAX).max(64));
        let folder = doc.and_then(|d| {
            attached
                .get(&AttachedFolders::key(d))
                .map(Path::to_path_buf)
        });
        let wanted = doc.map(|_| (doc_generation, folder.clone()));
        if wanted != self.found_for {
            self.forget();
            self.files = match doc {
                Some(doc) => find_files(doc, folder.as_deref()),
                None => PhotoFiles::default(),
            };
            self.has_files = self.files.any();
            self.found_for = wanted;
        }
        if self.loader.is_none() && self.has_files {
            self.loader = Some(new_loader(ctx));
        }
        let upload = Instant::now();
        self.receive(ctx);
        if let Some(timer) = &mut self.timer
            && timer.started.is_some()
        {
            timer.uploads.push(upload.elapsed().as_secs_f32() * 1000.0);
        }
        self.evict();
    }

    /// Drops every texture and queued job (the document closed or changed).
    pub fn forget(&mut self) {
        if let Some(loader) = &self.loader {
            loader.cancel_all();
        }
        self.slots.get_mut().clear();
        self.files = PhotoFiles::default();
        self.has_files = false;
        self.found_for = None;
        self.prefetched.set(false);
        self.generation = self.generation.wrapping_add(1);
    }

    fn time_frame(&mut self, frame_cpu: Option<f32>) {
        let pending = match &self.timer {
            Some(_) => self.pending(),
            None => return,
        };
        let Some(timer) = &mut self.timer else {
            return;
        };
        match (pending, timer.started) {
            (0, None) => {
                timer.idle.push(frame_cpu.unwrap_or(0.0) * 1000.0);
                if timer.idle.len() == 40 {
                    eprintln!(
                        "photos: frame CPU ms while idle {}",
                        summary(&mut timer.idle)
                    );
                    timer.idle.clear();
                }
            }
            (0, Some(started)) => {
                let peak = peak_memory_mib().map_or_else(|| "?".to_owned(), |m| m.to_string());
                let first: Vec<String> = timer
                    .frames
                    .iter()
                    .take(4)
                    .map(|ms| format!("{ms:.1}"))
                    .collect();
                // The first frame is the one that shows the document (text layout and
                // all): reported apart from those that only load photos.
                let later = timer.frames.iter().skip(1).copied().fold(0.0f32, f32::max);
                eprintln!(
                    "photos: {} images ready in {:.2} s; peak memory {peak} MiB; \
                     frame CPU ms while loading {} (first frames {}; after the first, \
                     max {later:.1}); \
                     texture upload ms per frame {}",
                    self.slots.borrow().len(),
                    started.elapsed().as_secs_f32(),
                    summary(&mut timer.frames),
                    first.join(", "),
                    summary(&mut timer.uploads),
                );
                timer.started = None;
                timer.frames.clear();
                timer.uploads.clear();
            }
            (_, started) => {
                timer.started = Some(started.unwrap_or_else(Instant::now));
                timer.frames.push(frame_cpu.unwrap_or(0.0) * 1000.0);
            }
        }
    }

    /// Where each photo's image comes from.
    pub fn files(&self) -> &PhotoFiles {
        &self.files
    }

    /// Images asked for and not yet decoded. Tests wait for 0.
    pub fn pending(&self) -> usize {
        self.slots
            .borrow()
            .values()
            .filter(|slot| matches!(slot, Slot::Pending(_)))
            .count()
    }

    /// What is known of `photo` at any size, without asking for anything: `None` when it
    /// was never asked for. Where several sizes exist, a ready one is preferred.
    pub fn peek(&self, photo: PhotoId) -> Option<PhotoState> {
        if let Some(known) = self.without_decoding(photo) {
            return Some(known);
        }
        let slots = self.slots.borrow();
        let mut found = None;
        for slot in slots
            .iter()
            .filter(|(key, _)| key.photo == photo)
            .map(|(_, slot)| slot)
        {
            let state = match slot {
                Slot::Pending(_) => PhotoState::Loading,
                Slot::Failed(reason) => PhotoState::Failed(reason.clone()),
                Slot::Ready {
                    texture, original, ..
                } => {
                    return Some(PhotoState::Ready {
                        texture: texture.id(),
                        size: texture.size_vec2(),
                        original: *original,
                    });
                }
            };
            found = Some(state);
        }
        found
    }

    /// The thumbnail of `photo` for a card of `size` points: about twice the card's size
    /// in pixels, so it stays sharp on high-density screens.
    pub fn thumbnail(&self, ctx: &egui::Context, photo: PhotoId, size: Vec2) -> PhotoState {
        let scale = ctx.pixels_per_point().max(2.0);
        let px = |points: f32| (((points * scale) / 16.0).ceil() * 16.0).clamp(16.0, 1024.0) as u32;
        let max = [px(size.x), px(size.y)];
        if !self.prefetched.replace(true) {
            // Queue every card's thumbnail behind the visible ones, so that scrolling the
            // timeline finds them ready.
            for other in (0..self.files.by_photo.len()).take(PREFETCH_LIMIT) {
                let _ = self.image(PhotoId::from(other), max, Priority::Background);
            }
        }
        self.image(photo, max, Priority::Visible)
    }

    /// The image of `photo` scaled to fit `max` pixels (clamped to what the GPU takes),
    /// queued at `priority` if not there yet.
    pub fn image(&self, photo: PhotoId, max: [u32; 2], priority: Priority) -> PhotoState {
        let side = self.max_texture_side.get().max(64);
        let max = [max[0].clamp(1, side), max[1].clamp(1, side)];
        if let Some(known) = self.without_decoding(photo) {
            return known;
        }
        let PhotoImage::Source(source) = self.files.get(photo) else {
            return PhotoState::NoImages;
        };
        let key = ImageKey { photo, max };
        let mut slots = self.slots.borrow_mut();
        match slots.get_mut(&key) {
            Some(Slot::Ready {
                texture,
                original,
                last_used,
                ..
            }) => {
                *last_used = self.frame.get();
                PhotoState::Ready {
                    texture: texture.id(),
                    size: texture.size_vec2(),
                    original: *original,
                }
            }
            Some(Slot::Failed(reason)) => PhotoState::Failed(reason.clone()),
            Some(Slot::Pending(asked)) => {
                if priority < *asked {
                    *asked = priority;
                    if let Some(loader) = &self.loader {
                        loader.prioritize(key, priority);
                    }
                }
                PhotoState::Loading
            }
            None => {
                let Some(loader) = &self.loader else {
                    // Not reached: `begin_frame` starts the pool once there are images.
                    return PhotoState::Loading;
                };
                loader.request(key, source.clone(), priority);
                slots.insert(key, Slot::Pending(priority));
                PhotoState::Loading
            }
        }
    }

    /// The state of a photo that has nothing to decode.
    fn without_decoding(&self, photo: PhotoId) -> Option<PhotoState> {
        match self.files.get(photo) {
            PhotoImage::NotFound if !self.has_files => Some(PhotoState::NoImages),
            PhotoImage::NotFound => Some(PhotoState::Failed(DecodeError::Missing.to_string())),
            PhotoImage::OutsideFolder => Some(PhotoState::Failed(
                PhotoImage::OUTSIDE_FOLDER_MESSAGE.to_owned(),
            )),
            PhotoImage::Source(_) => None,
        }
    }

    fn receive(&mut self, ctx: &egui::Context) {
        let Some(loader) = &self.loader else {
            return;
        };
        let (to_convert, converted) = self.converted.get_or_insert_with(channel);
        let started = Instant::now();
        let frame = self.frame.get();
        let slots = self.slots.get_mut();
        while let Some(Loaded { key, result }) = loader.try_recv() {
            // Only what is still wanted: a slot evicted meanwhile is not refilled.
            if let Some(slot @ Slot::Pending(_)) = slots.get_mut(&key) {
                match result.and_then(|decoded| checked(ctx, decoded)) {
                    Err(error) => *slot = Slot::Failed(error.to_string()),
                    Ok(decoded) if decoded.rgba.len() / 4 > CONVERT_OFF_THREAD_PIXELS => {
                        let original = decoded.original;
                        let sent =
                            convert_off_thread(ctx, self.generation, key, decoded, to_convert);
                        if let Err(decoded) = sent {
                            *slot = texture(ctx, key, color_image(&decoded), original, frame);
                        }
                    }
                    Ok(decoded) => {
                        let original = decoded.original;
                        *slot = texture(ctx, key, color_image(&decoded), original, frame);
                    }
                }
            }
            if started.elapsed() > UPLOAD_BUDGET {
                // More may be waiting: carry on next frame.
                ctx.request_repaint();
                break;
            }
        }
        while let Ok((generation, key, image, original)) = converted.try_recv() {
            if generation == self.generation
                && let Some(slot @ Slot::Pending(_)) = slots.get_mut(&key)
            {
                *slot = texture(ctx, key, image, original, frame);
            }
        }
    }

    /// Frees the least recently shown textures beyond the memory budget (never one shown
    /// in this frame).
    fn evict(&mut self) {
        let slots = self.slots.get_mut();
        let total: usize = slots
            .values()
            .map(|slot| match slot {
                Slot::Ready { bytes, .. } => *bytes,
                _ => 0,
            })
            .sum();
        if total <= TEXTURE_BUDGET_BYTES {
            return;
        }
        let now = self.frame.get();
        let mut old: Vec<(u64, usize, ImageKey)> = slots
            .iter()
            .filter_map(|(key, slot)| match slot {
                Slot::Ready {
                    last_used, bytes, ..
                } if *last_used + 1 < now => Some((*last_used, *bytes, *key)),
                _ => None,
            })
            .collect();
        old.sort();
        let mut total = total;
        for (_, bytes, key) in old {
            if total <= TEXTURE_BUDGET_BYTES {
                break;
            }
            slots.remove(&key);
            total = total.saturating_sub(bytes);
        }
    }
}

/// "n=…, median …, p95 …, max …" of a list of milliseconds.
fn summary(values: &mut [f32]) -> String {
    values.sort_by(f32::total_cmp);
    let at = |q: f32| {
        let i = ((values.len() as f32 - 1.0) * q).round() as usize;
        values.get(i).copied().unwrap_or(0.0)
    };
    format!(
        "n={} median {:.1} p95 {:.1} max {:.1}",
        values.len(),
        at(0.5),
        at(0.95),
        at(1.0)
    )
}

/// The process's peak resident memory (Linux), in MiB.
fn peak_memory_mib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024)
}

fn new_loader(ctx: &egui::Context) -> Loader {
    let ctx = ctx.clone();
    Loader::new(
        Loader::default_workers(),
        Box::new(move || ctx.request_repaint()),
    )
}

/// Checks that a decoded image can become a texture.
fn checked(
    ctx: &egui::Context,
    decoded: crate::photos::Decoded,
) -> Result<crate::photos::Decoded, DecodeError> {
    let (w, h) = (decoded.width as usize, decoded.height as usize);
    let side = ctx.input(|i| i.max_texture_side);
    if w == 0 || h == 0 || w > side || h > side || decoded.rgba.len() != w * h * 4 {
        return Err(DecodeError::TooLarge);
    }
    Ok(decoded)
}

/// egui's pixels for an image that passed [`checked`].
fn color_image(decoded: &crate::photos::Decoded) -> egui::ColorImage {
    let size = [decoded.width as usize, decoded.height as usize];
    egui::ColorImage::from_rgba_unmultiplied(size, &decoded.rgba)
}

/// Converts a large image on a short-lived thread, then wakes the UI to upload it. Gives
/// the image back when no thread can be started (the caller converts it itself).
fn convert_off_thread(
    ctx: &egui::Context,
    generation: u64,
    key: ImageKey,
    decoded: crate::photos::Decoded,
    to: &Sender<Converted>,
) -> Result<(), Arc<crate::photos::Decoded>> {
    let decoded = Arc::new(decoded);
    let (ctx, to, for_thread) = (ctx.clone(), to.clone(), Arc::clone(&decoded));
    let spawned = std::thread::Builder::new()
        .name("stenogram-photo-convert".to_owned())
        .spawn(move || {
            let image = color_image(&for_thread);
            if to
                .send((generation, key, image, for_thread.original))
                .is_ok()
            {
                ctx.request_repaint();
            }
        });
    match spawned {
        Ok(_) => Ok(()),
        Err(_) => Err(decoded),
    }
}

fn texture(
    ctx: &egui::Context,
    key: ImageKey,
    image: egui::ColorImage,
    original: [u32; 2],
    frame: u64,
) -> Slot {
    let bytes = image.pixels.len() * 4;
    let name = format!("photo-{}-{}x{}", key.photo.0, key.max[0], key.max[1]);
    Slot::Ready {
        texture: ctx.load_texture(name, image, egui::TextureOptions::LINEAR),
        original,
        bytes,
        last_used: frame,
    }
}

/// Finds the images of `doc`: in `attached` if the user attached a folder, else beside
/// its file, else (the sample built into the binary) its compiled-in images.
fn find_files(doc: &Document, attached: Option<&Path>) -> PhotoFiles {
    let transcript = &doc.transcript;
    match (&doc.source, attached) {
        (Source::File(path), Some(folder)) => discover_in_folder(folder, Some(path), transcript),
        (Source::Bundled, Some(folder)) => discover_in_folder(folder, None, transcript),
        (Source::File(path), None) => doc
            .photo_files
            .clone()
            .unwrap_or_else(|| discover(path, transcript)),
        (Source::Bundled, None) => PhotoFiles::from_named(
            transcript,
            SAMPLE_IMAGES
                .iter()
                .map(|(name, bytes)| {
                    let bytes: Arc<[u8]> = Arc::from(*bytes);
                    ((*name).to_owned(), PhotoSource::Bytes(bytes))
                })
                .collect(),
        ),
    }
}

/// A thumbnail filling `size` on a timeline card: the photo cropped to the card's shape,
/// or a grey box that says "loading…", "image missing", "unreadable: …".
pub fn thumbnail_ui(
    ui: &mut Ui,
    thumbnails: &Thumbnails,
    photo: &Photo,
    size: Vec2,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let state = thumbnails.thumbnail(ui.ctx(), photo.id, size);
    match &state {
        PhotoState::Ready { texture, size, .. } => {
            paint_cover(ui, rect, *texture, *size);
            response
        }
        PhotoState::NoImages => {
            message_box(ui, rect, &format!("📷 {}", photo.number), false);
            response
        }
        PhotoState::Loading => {
            // A still box, not a spinner: a spinner repaints every frame while it shows.
            message_box(ui, rect, "loading…", false);
            response
        }
        PhotoState::Failed(reason) => {
            message_box(ui, rect, reason, true);
            response.on_hover_text(reason)
        }
    }
}

/// Paints the texture over `rect`, cropped (not squeezed) to `rect`'s shape.
pub fn paint_cover(ui: &Ui, rect: Rect, texture: TextureId, size: Vec2) {
    let uv = cover_uv(size, rect.size());
    ui.painter()
        .add(egui::epaint::RectShape::filled(rect, 4.0, Color32::WHITE).with_texture(texture, uv));
}

/// The part of an image of `image` size that covers a box of `target` size, centred.
pub fn cover_uv(image: Vec2, target: Vec2) -> Rect {
    let full = Rect::from_min_max(egui::pos2(0.0, 0.0), egui::pos2(1.0, 1.0));
    if image.x <= 0.0 || image.y <= 0.0 || target.x <= 0.0 || target.y <= 0.0 {
        return full;
    }
    let image_ratio = image.x / image.y;
    let target_ratio = target.x / target.y;
    if image_ratio > target_ratio {
        // Wider than the box: crop the sides.
        let keep = target_ratio / image_ratio;
        Rect::from_min_max(
            egui::pos2((1.0 - keep) / 2.0, 0.0),
            egui::pos2((1.0 + keep) / 2.0, 1.0),
        )
    } else {
        let keep = image_ratio / target_ratio;
        Rect::from_min_max(
            egui::pos2(0.0, (1.0 - keep) / 2.0),
            egui::pos2(1.0, (1.0 + keep) / 2.0),
        )
    }
}

/// A grey box with a short centred message (in the warning colour for a problem).
pub fn message_box(ui: &Ui, rect: Rect, text: &str, problem: bool) {
    let v = ui.visuals();
    ui.painter().rect_filled(rect, 4.0, v.extreme_bg_color);
    let stroke = if problem {
        egui::Stroke::new(1.0, v.warn_fg_color)
    } else {
        v.widgets.noninteractive.bg_stroke
    };
    ui.painter()
        .rect_stroke(rect, 4.0, stroke, egui::StrokeKind::Inside);
    let color = if problem {
        v.warn_fg_color
    } else {
        v.weak_text_color()
    };
    let font = if problem {
        FontId::proportional(11.0)
    } else {
        FontId::proportional(13.0)
    };
    let mut job = egui::text::LayoutJob::simple(text.to_owned(), font, color, rect.width() - 8.0);
    job.wrap.max_rows = ((rect.height() - 4.0) / 13.0).floor().max(1.0) as usize;
    job.halign = egui::Align::Center;
    let galley = ui.painter().layout_job(job);
    let pos = Align2::CENTER_CENTER
        .align_size_within_rect(galley.size(), rect)
        .min;
    // With `halign` centred, the galley's x is its centre line.
    let pos = egui::pos2(rect.center().x, pos.y);
    ui.painter().galley(pos, galley, color);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_crops_the_long_side() {
        let uv = cover_uv(Vec2::new(300.0, 100.0), Vec2::new(100.0, 100.0));
        assert!((uv.min.x - 1.0 / 3.0).abs() < 1e-5 && (uv.max.x - 2.0 / 3.0).abs() < 1e-5);
        assert_eq!((uv.min.y, uv.max.y), (0.0, 1.0));
        let uv = cover_uv(Vec2::new(100.0, 200.0), Vec2::new(100.0, 100.0));
        assert_eq!((uv.min.x, uv.max.x), (0.0, 1.0));
        assert!((uv.min.y - 0.25).abs() < 1e-5 && (uv.max.y - 0.75).abs() < 1e-5);
    }

    #[test]
    fn attached_folders_keep_the_latest_per_transcript() {
        let mut folders = AttachedFolders::default();
        folders.attach("a.txt".to_owned(), PathBuf::from("one"));
        folders.attach("b.txt".to_owned(), PathBuf::from("two"));
        folders.attach("a.txt".to_owned(), PathBuf::from("three"));
        assert_eq!(folders.get("a.txt"), Some(Path::new("three")));
        assert_eq!(folders.get("b.txt"), Some(Path::new("two")));
        assert_eq!(folders.get("c.txt"), None);
        for i in 0..(ATTACHED_LIMIT + 5) {
            folders.attach(format!("f{i}"), PathBuf::from("x"));
        }
        assert_eq!(folders.entries.len(), ATTACHED_LIMIT);
        assert_eq!(folders.get("a.txt"), None);
    }
}
