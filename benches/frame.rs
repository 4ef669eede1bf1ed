//! Frame CPU time of the whole app at 1280×800, next to an empty egui frame, on the bundled
//! sample, on a 10,000-speech / 100,000-paragraph transcript and on a 5,000-file library.
//!
//! Each frame is what eframe does before handing the frame to the GPU: `Context::run_ui`
//! with a real screen rect and the app's `ui`, then tessellation. Times are the CPU time of
//! the benchmark thread (not wall time), so other processes on a busy machine do not count;
//! the two kinds of frame alternate (each timed frame follows one of the other kind) so the
//! ratio holds even when the machine's speed drifts. Three figures per input:
//!
//! - `empty`: an egui frame that draws nothing;
//! - `app`: the app at rest with the document open (the mouse over the sidebar);
//! - `click` and `after_click`: a participant is clicked (alternately two people): the
//!   frame in which the button is released and the selection changes, and the next frame,
//!   in which the view (the filter) is recomputed and drawn.
//!
//! The library input also prints, before criterion runs, the frames drawn while its 5,000
//! files are indexed (at 60 frames a second): count, median, 95th percentile and longest.
//!
//! ```text
//! cargo bench --features synth --bench frame
//! FRAME_INPUTS=100k cargo bench --features synth --bench frame -- click   # one input (sample, 100k, library)
//! ```

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use egui::accesskit::Role;
use egui::{Event, Pos2, RawInput, Rect, pos2, vec2};
use stenogram::app::StenogramApp;
use stenogram::synth::{SynthSpec, generate, library_file};

const SCREEN: egui::Vec2 = vec2(1280.0, 800.0);
/// Files in the library input.
const LIBRARY_FILES: u64 = 5_000;

/// The app in a headless egui context, driven frame by frame.
struct Headless {
    ctx: egui::Context,
    frame: eframe::Frame,
    app: StenogramApp,
    time: f64,
}

/// An egui context that draws nothing, advanced in step with the app.
struct Empty {
    ctx: egui::Context,
    time: f64,
}

fn input(time: f64, events: Vec<Event>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SCREEN)),
        time: Some(time),
        predicted_dt: 1.0 / 60.0,
        events,
        ..RawInput::default()
    }
}

impl Headless {
    /// The app opened on `path` (a file or a folder), as `stenogram PATH` opens it.
    fn open(path: &Path) -> Self {
        let ctx = egui::Context::default();
        let cc = eframe::CreationContext::_new_kittest(ctx.clone());
        let app = StenogramApp::new(&cc, Some(path.to_owned()));
        Self {
            ctx,
            frame: eframe::Frame::_new_kittest(),
            app,
            time: 0.0,
        }
    }

    /// One whole frame: the app's pass, then tessellation. Returns the output for callers
    /// that read the accessibility tree.
    fn frame(&mut self, events: Vec<Event>) -> egui::PlatformOutput {
        self.time += 1.0 / 60.0;
        let (app, frame) = (&mut self.app, &mut self.frame);
        let out = self.ctx.run_ui(input(self.time, events), |ui| {
            eframe::App::ui(app, ui, frame)
        });
        let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        black_box(primitives.len());
        out.platform_output
    }

    /// Frames until the file has loaded (and the library, if any, is indexed), then a few
    /// more so that first-frame layout work is done.
    /// Prints the CPU time of the frame in which the document first shows (a whole new
    /// screen to lay out), when this call sees it.
    fn settle(&mut self, name: &str) {
        let deadline = Instant::now() + Duration::from_secs(600);
        while (self.app.is_loading()
            || self.app.library_panel().is_indexing()
            || self.app.document().is_none())
            && Instant::now() < deadline
        {
            let had_document = self.app.document().is_some();
            let start = thread_cpu();
            self.frame(Vec::new());
            if !had_document && self.app.document().is_some() {
                let spent = (thread_cpu() - start).as_secs_f64() * 1e3;
                println!("{name}: the frame that first shows the document: {spent:.2} ms CPU");
            }
            std::thread::sleep(Duration::from_millis(16));
        }
        assert!(self.app.document().is_some(), "the document never opened");
        for _ in 0..10 {
            self.frame(Vec::new());
        }
    }

    /// Where the sidebar shows the first two speakers' buttons (read from the
    /// accessibility tree, as a screen reader would find them).
    fn two_speaker_buttons(&mut self) -> [Pos2; 2] {
        let names: Vec<String> = {
            let doc = self.app.document().expect("a document is open");
            let mut speakers: Vec<_> = doc.transcript.speeches.iter().map(|s| s.speaker).collect();
            speakers.dedup();
            let mut names = Vec::new();
            for id in speakers {
                if let Some(p) = doc.transcript.participant(id) {
                    let name = p.display_name().to_owned();
                    if !names.contains(&name) {
                        names.push(name);
                    }
                }
            }
            names
        };
        self.ctx.enable_accesskit();
        let out = self.frame(Vec::new());
        self.ctx.disable_accesskit();
        let update = out.accesskit_update.expect("an accessibility tree");
        let mut found = Vec::new();
        for name in &names {
            let button = update.nodes.iter().find(|(_, node)| {
                node.role() == Role::Button && node.label().is_some_and(|l| l == name.as_str())
            });
            if let Some(bounds) = button.and_then(|(_, node)| node.bounds()) {
                found.push(pos2(
                    ((bounds.x0 + bounds.x1) / 2.0) as f32,
                    ((bounds.y0 + bounds.y1) / 2.0) as f32,
                ));
            }
            if found.len() == 2 {
                break;
            }
        }
        match found.as_slice() {
            [a, b] => [*a, *b],
            _ => panic!("two speakers' buttons are not on screen: {names:?}"),
        }
    }

    fn press(&mut self, at: Pos2) {
        self.frame(vec![
            Event::PointerMoved(at),
            Event::PointerButton {
                pos: at,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: egui::Modifiers::NONE,
            },
        ]);
    }

    fn release(&mut self, at: Pos2) {
        self.frame(vec![Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed: false,
            modifiers: egui::Modifiers::NONE,
        }]);
    }
}

impl Empty {
    fn new() -> Self {
        Self {
            ctx: egui::Context::default(),
            time: 0.0,
        }
    }

    fn frame(&mut self) {
        self.time += 1.0 / 60.0;
        let out = self.ctx.run_ui(input(self.time, Vec::new()), |_ui| {});
        let primitives = self.ctx.tessellate(out.shapes, out.pixels_per_point);
        black_box(primitives.len());
    }
}

/// CPU time of this thread: what a frame costs, whatever else the machine runs.
#[cfg(target_os = "linux")]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `clock_gettime` only writes the timespec it is given.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

/// Elsewhere, wall time (noisier on a busy machine).
#[cfg(not(target_os = "linux"))]
fn thread_cpu() -> Duration {
    use std::sync::OnceLock;
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

/// `empty`, `app` and `click` for one input, alternating with empty frames.
fn measure(c: &mut Criterion, name: &str, app: &mut Headless) {
    let [a, b] = app.two_speaker_buttons();
    let mut empty = Empty::new();
    let mut group = c.benchmark_group(format!("frame_{name}"));
    group.sample_size(30);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("empty", |bench| {
        bench.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                app.frame(Vec::new());
                let start = thread_cpu();
                empty.frame();
                spent += thread_cpu() - start;
            }
            spent
        })
    });
    group.bench_function("app", |bench| {
        bench.iter_custom(|iters| {
            let mut spent = Duration::ZERO;
            for _ in 0..iters {
                empty.frame();
                let start = thread_cpu();
                app.frame(Vec::new());
                spent += thread_cpu() - start;
            }
            spent
        })
    });
    // A click takes two frames: the one in which the button is released (the selection
    // changes) and the next one, which rebuilds the view (the filter) and draws it. Each
    // is timed on its own; a user sees both.
    for (label, timed) in [("click", 0), ("after_click", 1)] {
        let mut next = a;
        group.bench_function(label, |bench| {
            bench.iter_custom(|iters| {
                let mut spent = Duration::ZERO;
                for _ in 0..iters {
                    empty.frame();
                    app.press(next);
                    let start = thread_cpu();
                    app.release(next);
                    let between = thread_cpu();
                    app.frame(Vec::new());
                    let end = thread_cpu();
                    spent += if timed == 0 {
                        between - start
                    } else {
                        end - between
                    };
                    next = if next == a { b } else { a };
                }
                spent
            })
        });
    }
    group.finish();
    assert!(
        app.app.selection().primary().is_some(),
        "the clicks selected nobody: the benchmark measured nothing"
    );
}

/// Frames drawn while the library indexes, at 60 a second: CPU and wall time of each.
fn frames_while_indexing(folder: &Path) -> Headless {
    let mut app = Headless::open(folder);
    let mut cpu = Vec::new();
    let mut wall = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(900);
    let started = Instant::now();
    // The frame in which the first file's document appears lays out a whole new screen
    // (and rasterises its glyphs): reported apart from the others.
    let mut opened_at = None;
    let mut others = Duration::ZERO;
    while (app.app.library_panel().is_indexing() || app.app.is_loading())
        && Instant::now() < deadline
    {
        let had_document = app.app.document().is_some();
        let (t0, w0) = (thread_cpu(), Instant::now());
        app.frame(Vec::new());
        let spent = thread_cpu() - t0;
        if !had_document && app.app.document().is_some() {
            opened_at = Some(spent);
        } else {
            others = others.max(spent);
        }
        cpu.push(spent);
        wall.push(w0.elapsed());
        std::thread::sleep(Duration::from_millis(16).saturating_sub(w0.elapsed()));
    }
    let took = started.elapsed();
    let summary = |v: &mut Vec<Duration>| {
        v.sort();
        let at = |q: f64| v.get(((v.len() as f64 - 1.0) * q) as usize).copied();
        let ms = |d: Option<Duration>| d.map_or(0.0, |d| d.as_secs_f64() * 1e3);
        format!(
            "median {:.2} ms, 95th percentile {:.2} ms, longest {:.2} ms",
            ms(at(0.5)),
            ms(at(0.95)),
            ms(v.last().copied())
        )
    };
    println!(
        "library of {LIBRARY_FILES} files indexed in {:.1} s while drawing {} frames\n  \
         frame CPU: {}\n  frame wall: {}\n  the frame that showed the first file: {:.2} ms CPU; \
         the longest of the others: {:.2} ms CPU",
        took.as_secs_f64(),
        cpu.len(),
        summary(&mut cpu),
        summary(&mut wall),
        opened_at.map_or(0.0, |d| d.as_secs_f64() * 1e3),
        others.as_secs_f64() * 1e3,
    );
    app.settle("library_5000");
    app
}

/// Whether `FRAME_INPUTS` (comma-separated; all when unset) asks for `input`: setting up
/// the large inputs takes a while, which profiling one of them need not wait for.
fn wanted(input: &str) -> bool {
    std::env::var("FRAME_INPUTS").map_or(true, |v| v.split(',').any(|w| w.trim() == input))
}

fn frames(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    if wanted("sample") {
        sample(c);
    }
    if wanted("100k") {
        large_transcript(c, dir.path());
    }
    if wanted("library") {
        library(c, dir.path());
    }
}

fn sample(c: &mut Criterion) {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample.txt");
    let mut app = Headless::open(&sample);
    app.settle("sample");
    measure(c, "sample", &mut app);
}

fn large_transcript(c: &mut Criterion, dir: &Path) {
    let big = dir.join("100k-paragraphs.txt");
    let spec = SynthSpec {
        speeches: 10_000,
        paragraphs_per_speech: 10,
        photo_every: 25,
        speakers: 12,
        seed: 1,
    };
    std::fs::write(&big, generate(&spec)).expect("the large transcript is written");
    let mut app = Headless::open(&big);
    app.settle("100k_paragraphs");
    let paragraphs: usize = app.app.document().map_or(0, |d| {
        d.transcript
            .speeches
            .iter()
            .map(|s| s.paragraphs.len())
            .sum()
    });
    println!("large transcript: {paragraphs} paragraphs in speeches");
    measure(c, "100k_paragraphs", &mut app);
}

fn library(c: &mut Criterion, dir: &Path) {
    let library = dir.join("library");
    for index in 0..LIBRARY_FILES {
        let file = library_file(index);
        let path = library.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("a library folder");
        }
        std::fs::write(&path, file.text).expect("a library file is written");
    }
    let mut app = frames_while_indexing(&library);
    measure(c, "library_5000", &mut app);
}

criterion_group!(benches, frames);
criterion_main!(benches);
