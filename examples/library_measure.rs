//! Measures a library's SQLite index the way docs/PERFORMANCE.md reports it: re-open time
//! (entries back, then everything checked), search p50/p95 over a set of queries, the
//! same words looked for with `grep -ril` over the folder in the same run, and the
//! database's size against the text's. Index the folder first with `stenogram index`
//! (timed with `/usr/bin/time -v` for the peak memory).
//!
//! ```text
//! cargo run --release --no-default-features --features synth --example library_measure -- DIR
//! ```

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use stenogram::library::db::{self, LibraryDb, Query, SearchOptions, SyncEvent, SyncOptions};

/// Queries of every kind; each is also given to grep as its plain words.
const QUERIES: &[(&str, &str)] = &[
    ("velsky", "velsky"),
    ("varlamow", "varlamow"),
    ("\"northern accord\"", "northern accord"),
    ("varlam*", "varlam"),
    ("kelmark harbour", "kelmark"),
    ("energy speaker:velsky", "energy"),
    ("cooperation from:2020 to:2022", "cooperation"),
    ("sulmara lang:en", "sulmara"),
    ("\"baltic council\" 2019", "baltic council"),
    ("ferry*", "ferry"),
];

fn main() -> ExitCode {
    let Some(folder) = std::env::args().nth(1) else {
        eprintln!("usage: library_measure DIR");
        return ExitCode::FAILURE;
    };
    let folder = Path::new(&folder);
    let Some(data) = db::default_data_dir() else {
        eprintln!("error: set STENOGRAM_DATA_DIR");
        return ExitCode::FAILURE;
    };
    // Re-open: entries back from the database, then the whole folder checked.
    let started = Instant::now();
    let mut usable = None;
    let summary = db::sync_library(folder, &data, &SyncOptions::default(), &mut |e| {
        if let SyncEvent::Opened { entries, .. } = &e {
            usable = Some((started.elapsed(), entries.len()));
        }
    });
    let checked = started.elapsed();
    match (summary, usable) {
        (Ok(s), Some((at, n))) => println!(
            "re-open: {n} entries usable after {:.0} ms, checked after {:.0} ms ({})",
            at.as_secs_f64() * 1e3,
            checked.as_secs_f64() * 1e3,
            s.line()
        ),
        (Err(e), _) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
        _ => {}
    }
    let Ok(library) = LibraryDb::open(&data, folder) else {
        eprintln!("error: no index");
        return ExitCode::FAILURE;
    };
    let mut times = Vec::new();
    let mut grep_times = Vec::new();
    for round in 0..3 {
        for (q, words) in QUERIES {
            let Ok(query) = Query::parse(q) else { continue };
            let t = Instant::now();
            let hits = library.search(&query, &SearchOptions::default());
            let ms = t.elapsed().as_secs_f64() * 1e3;
            times.push(ms);
            if round == 0 {
                let total = hits.map(|h| (h.total, h.total_files)).unwrap_or_default();
                let t = Instant::now();
                let _ = std::process::Command::new("grep")
                    .args(["-ril", words])
                    .arg(folder)
                    .output();
                let grep_ms = t.elapsed().as_secs_f64() * 1e3;
                grep_times.push(grep_ms);
                println!(
                    "{q:40} {ms:8.1} ms  {:>7} hits in {:>5} files   grep -ril {grep_ms:8.0} ms",
                    total.0, total.1
                );
            }
        }
    }
    let (p50, p95) = percentiles(&mut times);
    let (g50, g95) = percentiles(&mut grep_times);
    println!(
        "search p50 {p50:.1} ms, p95 {p95:.1} ms over {} runs",
        times.len()
    );
    println!(
        "grep -ril p50 {g50:.0} ms, p95 {g95:.0} ms; ratio at p50 {:.0}×",
        g50 / p50.max(0.001)
    );
    let db_size = std::fs::metadata(db::database_path(&data, folder)).map_or(0, |m| m.len());
    let text: u64 = stenogram::library::scan(folder)
        .map(|s| {
            s.files
                .iter()
                .filter_map(|f| std::fs::metadata(f).ok())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0);
    println!(
        "database {:.0} MB for {:.0} MB of text: {:.2}×",
        db_size as f64 / 1e6,
        text as f64 / 1e6,
        db_size as f64 / text.max(1) as f64
    );
    ExitCode::SUCCESS
}

/// (p50, p95) of `v`, sorted in place.
fn percentiles(v: &mut [f64]) -> (f64, f64) {
    v.sort_by(f64::total_cmp);
    let at = |p: f64| {
        let i = ((v.len() as f64 - 1.0) * p).round() as usize;
        v.get(i).copied().unwrap_or(0.0)
    };
    (at(0.5), at(0.95))
}
