//! Spreading the line pre-pass of a long text over the cores (and, in the viewer, a
//! document's indexes). Results are joined in order, so the lines are the same whatever
//! the number of threads; a short text stays on the calling thread.

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

/// Where to cut `text` into `parts` runs of whole lines of about equal length: the byte
/// offsets just after a line feed, starting with 0 and ending with the text's length.
pub(crate) fn line_cuts(text: &str, parts: usize) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut cuts = vec![0];
    for k in 1..parts.max(1) {
        let aim = (text.len() / parts.max(1) * k).max(cuts.last().copied().unwrap_or(0));
        let cut = memchr::memchr(b'\n', bytes.get(aim..).unwrap_or_default())
            .map_or(text.len(), |at| aim + at + 1);
        if cut < text.len() && cuts.last().is_some_and(|&last| cut > last) {
            cuts.push(cut);
        }
    }
    cuts.push(text.len());
    cuts
}

/// `0..len` cut into `parts` runs of about equal length (fewer when `len` is short).
pub(crate) fn index_runs(len: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let step = len.div_ceil(parts.max(1)).max(1);
    (0..len)
        .step_by(step)
        .map(|start| start..(start + step).min(len))
        .collect()
}

/// `work` on every item, the items cut into `parts` runs of about equal length, each run
/// on its own thread (the first on the calling thread).
pub(crate) fn for_each_mut<T: Send>(items: &mut [T], parts: usize, work: impl Fn(&mut T) + Sync) {
    let work = &work;
    let mut runs = items.chunks_mut(items.len().div_ceil(parts.max(1)).max(1));
    let Some(first) = runs.next() else {
        return;
    };
    // A run's panic is raised again when the scope ends.
    std::thread::scope(|scope| {
        for run in runs {
            scope.spawn(move || run.iter_mut().for_each(work));
        }
        first.iter_mut().for_each(work);
    });
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
    fn for_each_mut_works_every_item_once() {
        for len in 0..20 {
            for parts in 0..6 {
                let mut items = vec![1usize; len];
                for_each_mut(&mut items, parts, |item| *item *= 7);
                assert_eq!(items, vec![7; len], "{len} in {parts}");
            }
        }
    }

    #[test]
    fn join_gives_both_results_either_way() {
        for together in [false, true] {
            assert_eq!(join(together, || 1, || "b"), (1, "b"));
        }
    }

    #[test]
    fn index_runs_cover_every_index_once() {
        for len in 0..20 {
            for parts in 0..6 {
                let runs = index_runs(len, parts);
                let all: Vec<usize> = runs.iter().cloned().flatten().collect();
                assert_eq!(all, (0..len).collect::<Vec<_>>(), "{len} in {parts}");
                assert!(runs.len() <= parts.max(1));
            }
        }
    }

    #[test]
    fn line_cuts_fall_after_line_feeds_and_cover_the_text() {
        let text = "one\ntwo lines\nthree\n\nfour\nfive five five\nsix";
        for parts in 1..10 {
            let cuts = line_cuts(text, parts);
            assert_eq!(cuts.first(), Some(&0));
            assert_eq!(cuts.last(), Some(&text.len()));
            assert!(cuts.windows(2).all(|w| w[0] < w[1]), "{cuts:?}");
            assert!(cuts.len() <= parts + 1);
            for &cut in &cuts[1..cuts.len() - 1] {
                assert_eq!(text.as_bytes()[cut - 1], b'\n', "{cuts:?}");
            }
        }
        assert_eq!(line_cuts("", 3), vec![0, 0]);
        assert_eq!(line_cuts("no line feed at all", 4), vec![0, 19]);
    }
}
