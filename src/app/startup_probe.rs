//! `stenogram --measure-startup [FILE|FOLDER]`: the figures `docs/PERFORMANCE.md` records
//! for the release binary in a real window. It prints one report to stderr and closes the
//! window:
//!
//! - time from process start to the first frame, to the first frame that shows the
//!   document, and (for a folder) to the end of indexing;
//! - the longest frame (the app's own drawing, wall time) while the file loads or the
//!   library indexes;
//! - peak memory (RSS) and the CPU time and frames spent while the window sits idle for
//!   [`IDLE_WINDOW`] with nothing happening.
//!
//! It is opt-in: without the flag the app carries no probe.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// How long the app settles before the idle measurement starts (thumbnails, fonts).
const SETTLE: Duration = Duration::from_secs(3);
/// How long the idle measurement lasts.
pub const IDLE_WINDOW: Duration = Duration::from_secs(10);

/// Times the start-up and the idle window; see the module doc.
pub struct StartupProbe {
    started: Instant,
    frame_started: Option<Instant>,
    first_frame: Option<Duration>,
    shown: Option<Duration>,
    ready: Option<Duration>,
    longest_busy_frame: Duration,
    busy_frames: u64,
    frames: Arc<AtomicU64>,
}

impl StartupProbe {
    /// A probe counting from `started` (taken first thing in `main`).
    pub fn new(started: Instant) -> Self {
        Self {
            started,
            frame_started: None,
            first_frame: None,
            shown: None,
            ready: None,
            longest_busy_frame: Duration::ZERO,
            busy_frames: 0,
            frames: Arc::new(AtomicU64::new(0)),
        }
    }

    /// Call first thing in a frame.
    pub fn begin_frame(&mut self) {
        self.frame_started = Some(Instant::now());
        self.frames.fetch_add(1, Ordering::Relaxed);
    }

    /// Call last thing in a frame: `shown` when a document is on screen, `busy` while a
    /// file loads or the library indexes.
    pub fn end_frame(&mut self, ctx: &egui::Context, shown: bool, busy: bool) {
        let now = self.started.elapsed();
        self.first_frame.get_or_insert(now);
        if let Some(start) = self.frame_started.take()
            && busy
        {
            self.longest_busy_frame = self.longest_busy_frame.max(start.elapsed());
            self.busy_frames += 1;
        }
        if shown {
            self.shown.get_or_insert(now);
        }
        if shown && !busy && self.ready.is_none() {
            self.ready = Some(now);
            self.report_after_idle(ctx);
        }
    }

    /// Waits for the app to settle, measures an idle window on a thread of its own (so the
    /// measuring itself asks for no frame), prints the report and closes the window.
    fn report_after_idle(&self, ctx: &egui::Context) {
        let head = format!(
            "first frame: {} ms\ndocument shown: {} ms\nready (loaded, library indexed): {} ms\n\
             longest frame while busy: {:.1} ms over {} frames",
            ms(self.first_frame),
            ms(self.shown),
            ms(self.ready),
            self.longest_busy_frame.as_secs_f64() * 1e3,
            self.busy_frames,
        );
        let frames = Arc::clone(&self.frames);
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            std::thread::sleep(SETTLE);
            let (cpu_before, frames_before) = (process_cpu(), frames.load(Ordering::Relaxed));
            std::thread::sleep(IDLE_WINDOW);
            let (cpu_after, frames_after) = (process_cpu(), frames.load(Ordering::Relaxed));
            let idle_cpu = match (cpu_before, cpu_after) {
                (Some(a), Some(b)) => format!("{:.3} s", b.saturating_sub(a).as_secs_f64()),
                _ => "not measured on this system".to_owned(),
            };
            let peak = peak_rss_kib().map_or_else(
                || "not measured on this system".to_owned(),
                |kib| format!("{:.1} MB", kib as f64 / 1024.0),
            );
            eprintln!(
                "{head}\nidle for {} s: {} frames, {idle_cpu} CPU\npeak memory (RSS): {peak}",
                IDLE_WINDOW.as_secs(),
                frames_after.saturating_sub(frames_before),
            );
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx.request_repaint();
        });
    }
}

fn ms(d: Option<Duration>) -> String {
    d.map_or_else(|| "never".to_owned(), |d| d.as_millis().to_string())
}

/// User and system CPU time of the whole process (every thread) so far.
#[cfg(target_os = "linux")]
fn process_cpu() -> Option<Duration> {
    let usage = rusage()?;
    let time = |t: libc::timeval| {
        Duration::from_secs(u64::try_from(t.tv_sec).unwrap_or(0))
            + Duration::from_micros(u64::try_from(t.tv_usec).unwrap_or(0))
    };
    Some(time(usage.ru_utime) + time(usage.ru_stime))
}

/// The process's peak resident memory, in KiB.
#[cfg(target_os = "linux")]
fn peak_rss_kib() -> Option<u64> {
    u64::try_from(rusage()?.ru_maxrss).ok()
}

#[cfg(target_os = "linux")]
fn rusage() -> Option<libc::rusage> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `getrusage` fills the struct it is given; it is only read when it succeeds.
    let ok = unsafe { libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) } == 0;
    // SAFETY: zero-initialised, then filled by the successful call above.
    ok.then(|| unsafe { usage.assume_init() })
}

#[cfg(not(target_os = "linux"))]
fn process_cpu() -> Option<Duration> {
    None
}

#[cfg(not(target_os = "linux"))]
fn peak_rss_kib() -> Option<u64> {
    None
}
