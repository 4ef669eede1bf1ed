//! The library's SQLite index on a small generated library (60 files from
//! `synth::library_file`): the first index, a re-open with nothing changed, and searches
//! of several kinds. The figures for 5,000 and 50,000 files come from
//! `examples/library_measure.rs` (see docs/PERFORMANCE.md).
//!
//! ```text
//! cargo bench --no-default-features --features synth --bench library
//! ```

use std::hint::black_box;
use std::path::Path;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use stenogram::library::db::{self, LibraryDb, Query, SearchOptions, SyncOptions};

/// Files in the generated library.
const FILES: u64 = 60;

/// The queries searched, one of each kind.
const QUERIES: &[&str] = &[
    "velsky",
    "\"northern accord\"",
    "varlam*",
    "energy speaker:velsky",
    "cooperation from:2020 to:2022",
];

fn write_library(dir: &Path) {
    for i in 0..FILES {
        let file = stenogram::synth::library_file(i);
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            let _ = std::fs::create_dir_all(parent);
        }
        let _ = std::fs::write(path, file.text);
    }
}

fn sync(folder: &Path, data: &Path) {
    let summary = db::sync_library(folder, data, &SyncOptions::default(), &mut |_| {});
    black_box(summary.ok());
}

fn library(c: &mut Criterion) {
    let Ok(lib) = tempfile::tempdir() else {
        return;
    };
    write_library(lib.path());
    let mut group = c.benchmark_group("library_db");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("first_index_60_files", |b| {
        b.iter(|| {
            if let Ok(data) = tempfile::tempdir() {
                sync(lib.path(), data.path());
            }
        });
    });
    let Ok(data) = tempfile::tempdir() else {
        return;
    };
    sync(lib.path(), data.path());
    group.bench_function("reopen_unchanged", |b| {
        b.iter(|| sync(lib.path(), data.path()));
    });
    let Ok(library) = LibraryDb::open(data.path(), lib.path()) else {
        return;
    };
    for q in QUERIES {
        let Ok(query) = Query::parse(q) else {
            continue;
        };
        group.bench_function(format!("search {q}"), |b| {
            b.iter(|| black_box(library.search(&query, &SearchOptions::default()).ok()));
        });
    }
    group.finish();
}

criterion_group!(benches, library);
criterion_main!(benches);
