//! A small pool of background threads working through a numbered list of jobs (one per
//! file), with progress readable at any time, results handed over as they come, and a
//! cancel flag checked between jobs.
//!
//! Plain threads rather than a rayon pool: what a task needs (claim the next file in order,
//! stop between files when cancelled, count each file done, survive a panic on one file,
//! never block the UI on drop, be waited for by the command line) is this file's few lines
//! either way, and each task starts its own low-priority workers, which a per-task rayon pool
//! would also do.

use std::panic::AssertUnwindSafe;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

/// Called by a worker after each job and once when the last worker stops, e.g. to ask the
/// UI for a repaint. Must be cheap: it runs on the worker threads.
pub type OnProgress = Arc<dyn Fn() + Send + Sync>;

/// How far a background task has come.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Jobs finished.
    pub done: usize,
    /// Jobs in all.
    pub total: usize,
    /// No worker is running any more (all done, or cancelled and stopped).
    pub finished: bool,
}

impl Progress {
    /// Done as a fraction from 0.0 to 1.0 (1.0 when there is nothing to do).
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            1.0
        } else {
            // Precision is irrelevant for a progress bar.
            #[allow(clippy::cast_precision_loss)]
            let f = self.done as f32 / self.total as f32;
            f.clamp(0.0, 1.0)
        }
    }
}

/// State shared by the handle and the workers.
struct Shared {
    total: usize,
    next: AtomicUsize,
    done: AtomicUsize,
    running: AtomicUsize,
    cancel: AtomicBool,
}

/// A background task over `total` numbered jobs. Results come back as `(job index, T)`.
///
/// Dropping the handle cancels the task without waiting: a worker halfway through a large
/// file finishes that file and stops, so closing a library never blocks the UI.
pub struct Jobs<T> {
    shared: Arc<Shared>,
    results: Receiver<(usize, T)>,
    workers: Vec<JoinHandle<()>>,
}

impl<T> std::fmt::Debug for Jobs<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Jobs")
            .field("progress", &self.progress())
            .finish_non_exhaustive()
    }
}

/// A good number of workers for this machine: one core is left to the UI, at least one
/// worker runs.
pub fn default_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().saturating_sub(1).max(1))
}

impl<T: Send + 'static> Jobs<T> {
    /// Starts `threads` workers (clamped to 1..=[`default_threads`] and to the number of
    /// jobs) running `job(i)` for every `i` in `0..total`, in increasing order of `i` as
    /// far as the workers allow. `job` returns `None` for a job with nothing to report.
    /// A job that panics is counted as done and reports nothing.
    pub(crate) fn start<F>(total: usize, threads: usize, job: F, on_progress: OnProgress) -> Self
    where
        F: Fn(usize) -> Option<T> + Send + Sync + 'static,
    {
        let threads = threads.clamp(1, default_threads()).min(total.max(1));
        let shared = Arc::new(Shared {
            total,
            next: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
            running: AtomicUsize::new(threads),
            cancel: AtomicBool::new(false),
        });
        let (sender, results) = channel();
        let job = Arc::new(job);
        let workers = (0..threads)
            .filter_map(|n| {
                let worker_shared = Arc::clone(&shared);
                let sender = sender.clone();
                let job = Arc::clone(&job);
                let on_progress = Arc::clone(&on_progress);
                let spawned = std::thread::Builder::new()
                    .name(format!("stenogram-library-{n}"))
                    .spawn(move || work(&worker_shared, &sender, &*job, &*on_progress));
                match spawned {
                    Ok(handle) => Some(handle),
                    Err(_) => {
                        // The thread never started: it must not be waited for.
                        shared.running.fetch_sub(1, Ordering::AcqRel);
                        None
                    }
                }
            })
            .collect::<Vec<_>>();
        if workers.is_empty() {
            // No thread could be started at all: run the jobs here rather than never.
            shared.running.store(1, Ordering::Release);
            work(&shared, &sender, &*job, &*on_progress);
        }
        Self {
            shared,
            results,
            workers,
        }
    }
}

impl<T> Jobs<T> {
    /// How far the task has come; never blocks.
    pub fn progress(&self) -> Progress {
        Progress {
            done: self.shared.done.load(Ordering::Acquire),
            total: self.shared.total,
            finished: self.is_finished(),
        }
    }

    /// Whether every worker has stopped (all jobs done, or cancelled).
    pub fn is_finished(&self) -> bool {
        self.shared.running.load(Ordering::Acquire) == 0
    }

    /// The results that arrived since the last call, in arrival order; never blocks.
    pub fn take_ready(&mut self) -> Vec<(usize, T)> {
        self.results.try_iter().collect()
    }

    /// The results that arrived since the last call, waiting up to `timeout` for the first
    /// one when none is there yet: for a consumer with nothing else to do (the library's
    /// database writer). Empty after the timeout, or when every worker has stopped.
    pub(crate) fn take_waiting(&mut self, timeout: std::time::Duration) -> Vec<(usize, T)> {
        match self.results.recv_timeout(timeout) {
            Ok(first) => std::iter::once(first)
                .chain(self.results.try_iter())
                .collect(),
            Err(_) => Vec::new(),
        }
    }

    /// Asks the workers to stop after the job each is on; returns at once.
    pub fn cancel(&self) {
        self.shared.cancel.store(true, Ordering::Release);
    }

    /// Whether [`Jobs::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.shared.cancel.load(Ordering::Acquire)
    }

    /// Blocks until the workers stop, then returns the results not taken yet, sorted by
    /// job index. For command-line tools, benchmarks and tests; a UI polls instead.
    pub fn wait(mut self) -> Vec<(usize, T)> {
        for handle in std::mem::take(&mut self.workers) {
            let _ = handle.join();
        }
        let mut out = self.take_ready();
        out.sort_by_key(|(i, _)| *i);
        out
    }
}

impl<T> Drop for Jobs<T> {
    fn drop(&mut self) {
        self.shared.cancel.store(true, Ordering::Release);
        // Workers are not joined: they stop on their own after their current job.
    }
}

/// A worker's loop: take the next job number, run it, hand the result over.
fn work<T>(
    shared: &Shared,
    sender: &Sender<(usize, T)>,
    job: &(dyn Fn(usize) -> Option<T> + Send + Sync),
    on_progress: &(dyn Fn() + Send + Sync),
) {
    lower_priority();
    loop {
        if shared.cancel.load(Ordering::Acquire) {
            break;
        }
        let index = shared.next.fetch_add(1, Ordering::AcqRel);
        if index >= shared.total {
            break;
        }
        // A bug that panics on one file must not stop the library: the file counts as
        // done (its entry stays pending), the worker goes on.
        let result = std::panic::catch_unwind(AssertUnwindSafe(|| job(index))).unwrap_or(None);
        if let Some(result) = result {
            // The receiver is gone only when the handle was dropped: nobody wants it.
            let _ = sender.send((index, result));
        }
        shared.done.fetch_add(1, Ordering::AcqRel);
        on_progress();
    }
    shared.running.fetch_sub(1, Ordering::AcqRel);
    on_progress();
}

/// How much lower than normal the workers run (Linux "nice" steps).
const WORKER_NICENESS: i32 = 10;

/// Lowers the calling thread's scheduling priority, so that on a machine with few cores
/// the UI thread wins whenever it has a frame to draw.
fn lower_priority() {
    #[cfg(target_os = "linux")]
    {
        // SAFETY: `setpriority` takes plain integers and touches no memory of ours. On
        // Linux, PRIO_PROCESS with id 0 applies to the calling thread only. A refusal
        // leaves the thread at normal priority, which is harmless.
        let _ = unsafe { libc::setpriority(libc::PRIO_PROCESS, 0, WORKER_NICENESS) };
    }
    #[cfg(not(target_os = "linux"))]
    let _ = WORKER_NICENESS;
}

/// A progress callback that does nothing.
pub fn no_progress() -> OnProgress {
    Arc::new(|| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_job_runs_once_and_progress_reaches_total() {
        let jobs = Jobs::start(50, 3, |i| Some(i * 2), no_progress());
        let results = jobs.wait();
        assert_eq!(results.len(), 50);
        assert!(results.iter().all(|&(i, r)| r == i * 2));
    }

    #[test]
    fn a_panicking_job_does_not_stop_the_others() {
        let jobs = Jobs::start(
            10,
            1,
            |i| {
                assert_ne!(i, 3, "boom");
                Some(i)
            },
            no_progress(),
        );
        let shared = Arc::clone(&jobs.shared);
        let results = jobs.wait();
        assert_eq!(results.len(), 9);
        assert_eq!(shared.done.load(Ordering::Acquire), 10);
        assert_eq!(shared.running.load(Ordering::Acquire), 0);
    }

    #[test]
    fn nothing_to_do_is_finished_at_once() {
        let jobs: Jobs<usize> = Jobs::start(0, 4, |_| None, no_progress());
        let progress = jobs.progress();
        assert_eq!((progress.done, progress.total), (0, 0));
        assert!((progress.fraction() - 1.0).abs() < f32::EPSILON);
        assert!(jobs.wait().is_empty());
    }
}
