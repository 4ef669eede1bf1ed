//! Writes a synthetic library folder for benchmarks and scale tests: N transcripts in
//! year/month sub-folders, sizes mixed, the same fictional people across files (see
//! `stenogram::synth::library_file`). Every 25th file is written as Stenogram JSON.
//!
//! ```text
//! cargo run --release --no-default-features --features synth --example synth_library -- DIR 5000
//! ```
//!
//! The output is deterministic; an existing folder is added to (files are overwritten).
//! With `--index` after N, the folder is then scanned and indexed and the times printed
//! (scan, index on the default number of threads, people matched across files).

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use stenogram::synth::library_file;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), count) = (args.next(), args.next()) else {
        eprintln!("usage: synth_library DIR [N]   (N defaults to 1000)");
        return ExitCode::FAILURE;
    };
    let Some(count) = count.map_or(Some(1000), |c| c.parse::<u64>().ok()) else {
        eprintln!("error: N must be a whole number");
        return ExitCode::FAILURE;
    };
    let index_after = args.next().as_deref() == Some("--index");
    let dir = Path::new(&dir);
    let mut bytes = 0u64;
    for index in 0..count {
        let file = library_file(index);
        let mut path = dir.join(&file.path);
        let contents = if index % 25 == 24 {
            path.set_extension("json");
            stenogram::export::json::to_json(&stenogram::parse_text(&file.text))
        } else {
            file.text
        };
        if let Err(e) = write(&path, contents.as_bytes()) {
            eprintln!("error: {}: {e}", path.display());
            return ExitCode::FAILURE;
        }
        bytes += contents.len() as u64;
    }
    println!(
        "wrote {count} transcripts ({} MB) under {}",
        bytes / 1_000_000,
        dir.display()
    );
    if index_after {
        return index(dir);
    }
    ExitCode::SUCCESS
}

/// Scans and indexes `dir`, printing how long each step took.
fn index(dir: &Path) -> ExitCode {
    use stenogram::library::{Library, default_threads, index_all, scan};
    let start = Instant::now();
    let found = match scan(dir) {
        Ok(found) => found,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let scanned = start.elapsed();
    let files = found.files.len();
    let threads = default_threads();
    let start = Instant::now();
    let entries = index_all(found.files, threads);
    let indexed = start.elapsed();
    let start = Instant::now();
    let library = Library::from_entries(entries);
    let matched = start.elapsed();
    let (ready, failed, _) = library.counts();
    println!(
        "scan {files} files: {scanned:.2?}; index on {threads} threads: {indexed:.2?} \
         ({ready} ready, {failed} failed); people across files: {matched:.2?} ({} people)",
        library.people().len()
    );
    ExitCode::SUCCESS
}

/// Writes `bytes` to `path`, creating its folder.
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, bytes)
}
