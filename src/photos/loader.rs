//! A small pool of worker threads that decode images off the UI thread.
//!
//! Jobs wait in one queue ordered by [`Priority`] (the viewer first, then thumbnails on
//! screen, then the rest) and by age. Each result comes back over a channel, and the
//! waker given at start (the UI passes `ctx.request_repaint`) is called after each one,
//! so the UI repaints only when there is something new. [`Loader::cancel_all`] starts a
//! new generation: queued jobs are dropped and results of jobs already running are
//! thrown away when they arrive, so a closed document never receives stale images.

use std::collections::{BTreeMap, HashMap};
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use crate::model::PhotoId;

use super::PhotoSource;
use super::decode::{DecodeError, DecodeLimits, Decoded, decode};

/// Called after each result is sent (for egui: `move || ctx.request_repaint()`).
pub type Waker = Box<dyn Fn() + Send + Sync>;

/// How soon a job should run. Smaller runs first.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Priority {
    /// The photo open in the viewer.
    Viewer,
    /// A thumbnail on screen now.
    Visible,
    /// Anything else (thumbnails just off screen, the next photo of the viewer).
    Background,
}

/// One image at one size: what a job produces and a texture cache stores.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ImageKey {
    /// The photo.
    pub photo: PhotoId,
    /// The box (width, height) in pixels the image is scaled down to fit.
    pub max: [u32; 2],
}

/// A finished job.
#[derive(Debug)]
pub struct Loaded {
    /// What was asked for.
    pub key: ImageKey,
    /// The pixels, or why there are none.
    pub result: Result<Decoded, DecodeError>,
}

struct Queued {
    priority: Priority,
    seq: u64,
    source: PhotoSource,
}

#[derive(Default)]
struct Queue {
    /// (priority, age) → key: the order jobs run in.
    order: BTreeMap<(Priority, u64), ImageKey>,
    /// key → job, to raise a queued job's priority instead of queueing it twice.
    jobs: HashMap<ImageKey, Queued>,
    next_seq: u64,
    shutdown: bool,
}

impl Queue {
    fn pop(&mut self) -> Option<(ImageKey, PhotoSource)> {
        let (_, key) = self.order.pop_first()?;
        let job = self.jobs.remove(&key)?;
        Some((key, job.source))
    }
}

struct Shared {
    queue: Mutex<Queue>,
    wake_workers: Condvar,
    generation: AtomicU64,
    limits: DecodeLimits,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        // A worker that panicked while holding the lock left the queue consistent
        // (every change is a single insert or remove), so carry on.
        self.queue.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The worker pool. Dropping it stops the workers once their current job is done.
pub struct Loader {
    shared: Arc<Shared>,
    results: Receiver<(u64, Loaded)>,
    sender: Sender<(u64, Loaded)>,
    waker: Arc<dyn Fn() + Send + Sync>,
    workers: usize,
}

impl Loader {
    /// A pool of `workers` threads (at least 1) with the default decode limits.
    pub fn new(workers: usize, waker: Waker) -> Self {
        Self::with_limits(workers, waker, DecodeLimits::default())
    }

    /// A good pool size for this machine: 2 or 3 threads, leaving a core to the UI
    /// where there are enough.
    pub fn default_workers() -> usize {
        std::thread::available_parallelism()
            .map_or(2, |n| n.get().saturating_sub(1))
            .clamp(2, 3)
    }

    /// A pool of `workers` threads (at least 1) decoding under `limits`.
    pub fn with_limits(workers: usize, waker: Waker, limits: DecodeLimits) -> Self {
        let mut loader = Self::idle(waker, limits);
        loader.start_workers(workers.max(1));
        loader
    }

    /// A pool with no threads yet.
    fn idle(waker: Waker, limits: DecodeLimits) -> Self {
        let shared = Arc::new(Shared {
            queue: Mutex::new(Queue::default()),
            wake_workers: Condvar::new(),
            generation: AtomicU64::new(0),
            limits,
        });
        let (sender, results) = channel();
        Self {
            shared,
            results,
            sender,
            waker: Arc::from(waker),
            workers: 0,
        }
    }

    fn start_workers(&mut self, count: usize) {
        for _ in 0..count {
            let shared = Arc::clone(&self.shared);
            let sender = self.sender.clone();
            let waker = Arc::clone(&self.waker);
            let spawned = std::thread::Builder::new()
                .name(format!("stenogram-photos-{}", self.workers))
                .spawn(move || work(&shared, &sender, waker.as_ref()));
            // A thread the system refuses is simply one worker fewer.
            if spawned.is_ok() {
                self.workers += 1;
            }
        }
    }

    /// How many worker threads run.
    pub fn workers(&self) -> usize {
        self.workers
    }

    /// Queues a decode of `source` for `key`. If that key is already queued, its priority
    /// is raised (never lowered). The caller remembers what it asked for: a key that is
    /// being decoded or done is not known here and would be decoded again.
    pub fn request(&self, key: ImageKey, source: PhotoSource, priority: Priority) {
        let mut queue = self.shared.lock();
        if queue.shutdown {
            return;
        }
        if let Some(queued) = queue.jobs.get(&key) {
            if queued.priority <= priority {
                return;
            }
            let old = (queued.priority, queued.seq);
            queue.order.remove(&old);
        }
        let seq = queue.next_seq;
        queue.next_seq += 1;
        queue.order.insert((priority, seq), key);
        queue.jobs.insert(
            key,
            Queued {
                priority,
                seq,
                source,
            },
        );
        drop(queue);
        self.shared.wake_workers.notify_one();
    }

    /// Raises the priority of a queued job; does nothing if it is not queued.
    pub fn prioritize(&self, key: ImageKey, priority: Priority) {
        let mut queue = self.shared.lock();
        let Some(queued) = queue.jobs.get_mut(&key) else {
            return;
        };
        if queued.priority <= priority {
            return;
        }
        let old = (queued.priority, queued.seq);
        queued.priority = priority;
        let seq = queued.seq;
        queue.order.remove(&old);
        queue.order.insert((priority, seq), key);
    }

    /// Drops every queued job and ignores the results of jobs already running: for when
    /// the document closes or changes.
    pub fn cancel_all(&self) {
        let mut queue = self.shared.lock();
        queue.order.clear();
        queue.jobs.clear();
        self.shared.generation.fetch_add(1, Ordering::SeqCst);
    }

    /// Jobs waiting (not counting those being decoded).
    pub fn queued(&self) -> usize {
        self.shared.lock().jobs.len()
    }

    /// The next finished job, if any, without blocking. Results of cancelled jobs are
    /// skipped.
    pub fn try_recv(&self) -> Option<Loaded> {
        let current = self.shared.generation.load(Ordering::SeqCst);
        loop {
            let (generation, loaded) = self.results.try_recv().ok()?;
            if generation == current {
                return Some(loaded);
            }
        }
    }
}

impl Drop for Loader {
    fn drop(&mut self) {
        let mut queue = self.shared.lock();
        queue.shutdown = true;
        queue.order.clear();
        queue.jobs.clear();
        drop(queue);
        self.shared.wake_workers.notify_all();
        // Workers are not joined: one may be halfway through a large image, and closing
        // the window should not wait for it. They exit on their own.
    }
}

/// How much lower than normal the workers run (Linux "nice" steps).
const WORKER_NICENESS: i32 = 10;

/// Lowers the calling thread's scheduling priority, so that on a machine with few cores
/// the UI thread wins whenever it has a frame to draw: decoding takes what is left.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `setpriority` takes plain integers and touches no memory of ours. On
        // Linux, PRIO_PROCESS with id 0 applies to the calling thread only. A failure
        // (refused by the system) leaves the thread at normal priority, which is harmless.
        let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, WORKER_NICENESS) };
    }
    #[cfg(not(target_os = "linux"))]
    let _ = WORKER_NICENESS;
}

/// A worker's loop: take the most urgent job, decode, send, wake the UI.
fn work(shared: &Shared, sender: &Sender<(u64, Loaded)>, waker: &(dyn Fn() + Send + Sync)) {
    lower_priority();
    loop {
        let (generation, key, source) = {
            let mut queue = shared.lock();
            loop {
                if queue.shutdown {
                    return;
                }
                if let Some((key, source)) = queue.pop() {
                    // Read under the lock, so a job popped before `cancel_all` carries
                    // the old generation.
                    break (shared.generation.load(Ordering::SeqCst), key, source);
                }
                queue = shared
                    .wake_workers
                    .wait(queue)
                    .unwrap_or_else(PoisonError::into_inner);
            }
        };
        // A decoder bug on a hostile file must not take the worker down with it.
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| {
            decode(&source, key.max, &shared.limits)
        }))
        .unwrap_or_else(|_| Err(DecodeError::Unreadable("the decoder failed".to_owned())));
        if sender.send((generation, Loaded { key, result })).is_err() {
            return;
        }
        waker();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;
    use std::time::{Duration, Instant};

    fn png_bytes(width: u32, height: u32) -> Arc<[u8]> {
        let image = image::RgbImage::from_pixel(width, height, image::Rgb([200, 10, 10]));
        let mut out = std::io::Cursor::new(Vec::new());
        assert!(image.write_to(&mut out, image::ImageFormat::Png).is_ok());
        Arc::from(out.into_inner())
    }

    fn key(photo: usize) -> ImageKey {
        ImageKey {
            photo: PhotoId::from(photo),
            max: [64, 64],
        }
    }

    fn wait_for(loader: &Loader, count: usize) -> Vec<Loaded> {
        let deadline = Instant::now() + Duration::from_secs(20);
        let mut out = Vec::new();
        while out.len() < count && Instant::now() < deadline {
            match loader.try_recv() {
                Some(loaded) => out.push(loaded),
                None => std::thread::sleep(Duration::from_millis(2)),
            }
        }
        out
    }

    #[test]
    fn results_arrive_and_wake_the_ui() {
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let loader = Loader::new(
            2,
            Box::new(move || {
                counter.fetch_add(1, Ordering::SeqCst);
            }),
        );
        let bytes = png_bytes(200, 100);
        for photo in 0..5 {
            loader.request(
                key(photo),
                PhotoSource::Bytes(Arc::clone(&bytes)),
                Priority::Visible,
            );
        }
        let results = wait_for(&loader, 5);
        assert_eq!(results.len(), 5);
        for loaded in &results {
            let decoded = loaded.result.as_ref().map(|d| (d.width, d.height));
            assert_eq!(decoded, Ok((64, 32)));
        }
        assert_eq!(wakes.load(Ordering::SeqCst), 5);
    }

    #[test]
    fn urgent_jobs_run_first() {
        let mut loader = Loader::idle(Box::new(|| {}), DecodeLimits::default());
        let bytes = png_bytes(8, 8);
        let source = || PhotoSource::Bytes(Arc::clone(&bytes));
        loader.request(key(0), source(), Priority::Background);
        loader.request(key(1), source(), Priority::Visible);
        loader.request(key(2), source(), Priority::Background);
        loader.request(key(3), source(), Priority::Viewer);
        // Raised, never lowered; asking twice does not queue twice.
        loader.request(key(2), source(), Priority::Visible);
        loader.prioritize(key(1), Priority::Background);
        loader.request(key(1), source(), Priority::Visible);
        assert_eq!(loader.queued(), 4);
        loader.start_workers(1);
        let order: Vec<usize> = wait_for(&loader, 4)
            .iter()
            .map(|l| l.key.photo.index())
            .collect();
        assert_eq!(order, vec![3, 1, 2, 0]);
    }

    #[test]
    fn cancelled_results_are_dropped() {
        let loader = Loader::new(2, Box::new(|| {}));
        let bytes = png_bytes(300, 300);
        for photo in 0..6 {
            loader.request(
                key(photo),
                PhotoSource::Bytes(Arc::clone(&bytes)),
                Priority::Visible,
            );
        }
        loader.cancel_all();
        assert_eq!(loader.queued(), 0);
        // Anything still running belongs to the old generation and never shows up.
        std::thread::sleep(Duration::from_millis(300));
        assert!(loader.try_recv().is_none());
        // The pool still works afterwards.
        loader.request(key(9), PhotoSource::Bytes(bytes), Priority::Visible);
        let results = wait_for(&loader, 1);
        assert_eq!(results.first().map(|l| l.key), Some(key(9)));
    }

    #[test]
    fn missing_file_reports_missing() {
        let loader = Loader::new(1, Box::new(|| {}));
        let path = std::env::temp_dir().join("stenogram-no-such-photo-8d1f.jpg");
        loader.request(key(0), PhotoSource::File(path), Priority::Visible);
        let results = wait_for(&loader, 1);
        assert_eq!(
            results.first().map(|l| l.result.as_ref().err().cloned()),
            Some(Some(DecodeError::Missing))
        );
    }
}
