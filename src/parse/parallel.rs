//! Spreading the costliest stages of a long parse over the cores: the language guess,
//! the block build and the mention search. Results are joined in order, so the transcript
//! is the same whatever the number of threads; a short text stays on the calling thread.

/// Below this much text per thread, a thread costs more than it saves.
pub(crate) const MIN_BYTES_PER_THREAD: usize = 1 << 20;

#[cfg(test)]
thread_local! {
    /// Tests set this to parse short texts on several threads.
    pub(crate) static FORCE_THREADS: std::cell::Cell<Option<usize>> = const { std::cell::Cell::new(None) };
}

/// How many threads `bytes` of text are worth: one per core, at most one per
/// [`MIN_BYTES_PER_THREAD`], at most eight.
pub(crate) fn threads_for(bytes: usize) -> usize {
    #[cfg(test)]
    if let Some(threads) = FORCE_THREADS.with(std::cell::Cell::get) {
        return threads;
    }
    std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, 8)
        .min(bytes / MIN_BYTES_PER_THREAD + 1)
}

/// `work` on every part, each on its own thread (the first on the calling thread), with
/// the results in the order of the parts.
pub(crate) fn map_in_order<P: Sync, T: Send>(parts: &[P], work: impl Fn(&P) -> T + Sync) -> Vec<T> {
    let work = &work;
    let Some((first, rest)) = parts.split_first() else {
        return Vec::new();
    };
    if rest.is_empty() {
        return vec![work(first)];
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = rest
            .iter()
            .map(|part| scope.spawn(move || work(part)))
            .collect();
        let mut out = Vec::with_capacity(parts.len());
        out.push(work(first));
        for handle in handles {
            match handle.join() {
                Ok(result) => out.push(result),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        out
    })
}

/// `a()` and `b()` at the same time when `together`, one after the other otherwise.
pub(crate) fn join<A: Send, B>(
    together: bool,
    a: impl FnOnce() -> A + Send,
    b: impl FnOnce() -> B,
) -> (A, B) {
    if !together {
        let a = a();
        return (a, b());
    }
    std::thread::scope(|scope| {
        let handle = scope.spawn(a);
        let b = b();
        match handle.join() {
            Ok(a) => (a, b),
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Drops `value` on a thread of its own when `aside`: freeing millions of small records
/// takes tens of milliseconds that the caller need not wait for.
pub(crate) fn drop_aside<T: Send + 'static>(aside: bool, value: T) {
    if aside {
        // Should no thread be had, the value is dropped here instead.
        let _ = std::thread::Builder::new()
            .name("stenogram-free".to_owned())
            .spawn(move || drop(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_order() {
        let parts: Vec<usize> = (0..7).collect();
        assert_eq!(
            map_in_order(&parts, |p| p * 10),
            vec![0, 10, 20, 30, 40, 50, 60]
        );
        assert!(map_in_order(&[] as &[usize], |p| *p).is_empty());
    }

    #[test]
    fn join_gives_both_results_either_way() {
        for together in [false, true] {
            assert_eq!(join(together, || 1, || "b"), (1, "b"));
        }
    }
}
