//! `stenogram index` and `stenogram search`: the library's database from the command
//! line. Part of the binary (declared in `main.rs`), not of the library crate.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use stenogram::format::thousands;
use stenogram::library::db::{
    self, LibraryDb, Query, SearchOptions, SyncEvent, SyncOptions, hits_csv, hits_json,
};

use crate::{HitFormat, fail};

/// The data folder the viewer uses, or an error line.
fn data_dir() -> Result<PathBuf, ExitCode> {
    db::default_data_dir().ok_or_else(|| {
        fail(&format!(
            "no data folder for the library index: set {}",
            db::DATA_DIR_VAR
        ))
    })
}

/// `stenogram index FOLDER` (FOLDER may be a TEI corpus file: its sittings are indexed).
pub fn index(folder: &Path, batch_files: usize) -> ExitCode {
    let data = match data_dir() {
        Ok(d) => d,
        Err(code) => return code,
    };
    let options = SyncOptions {
        batch_files,
        ..SyncOptions::default()
    };
    let mut err = std::io::stderr().lock();
    let mut on_event = |event: SyncEvent| {
        // Progress is best effort: a closed stderr must not stop indexing.
        let _ = match event {
            SyncEvent::Opened {
                entries, set_aside, ..
            } => {
                if let Some(message) = set_aside {
                    let _ = writeln!(err, "warning: {}", message.to_string().replace('\n', " "));
                }
                writeln!(err, "{} files in the index", thousands(entries.len()))
            }
            SyncEvent::Checking { done: 0, total } => {
                writeln!(err, "Checking {} files…", thousands(total))
            }
            SyncEvent::Indexing { done: 0, total, .. } => {
                writeln!(err, "Indexing {} new or changed files…", thousands(total))
            }
            SyncEvent::Indexing { done, total, .. } => writeln!(
                err,
                "Indexed {} of {} files (committed)",
                thousands(done),
                thousands(total)
            ),
            SyncEvent::Removed(gone) => {
                writeln!(err, "Dropped {} deleted files", thousands(gone.len()))
            }
            _ => Ok(()),
        };
    };
    match db::sync_library(folder, &data, &options, &mut on_event) {
        Ok(summary) => {
            for problem in &summary.problems {
                eprintln!("warning: {}", problem.replace('\n', " "));
            }
            println!("{}", summary.line());
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

/// The filters and limits of `stenogram search`.
pub struct Filters {
    /// `--speaker`.
    pub speaker: Option<String>,
    /// `--from`.
    pub from: Option<String>,
    /// `--to`.
    pub to: Option<String>,
    /// `--limit`: files listed.
    pub limit: usize,
    /// `--per-file`: hits listed per file.
    pub per_file: usize,
}

/// `stenogram search FOLDER QUERY…` (FOLDER may be a TEI corpus file).
pub fn search(folder: &Path, text: &str, filters: &Filters, format: HitFormat) -> ExitCode {
    let data = match data_dir() {
        Ok(d) => d,
        Err(code) => return code,
    };
    // A TEI corpus file is a library of its sittings, as a folder is of its files.
    if !folder.is_dir() && !stenogram::load::is_corpus_file(folder) {
        return fail(&format!("{}: no such folder", folder.display()));
    }
    let query = Query::parse(text)
        .and_then(|q| q.with_dates(filters.from.as_deref(), filters.to.as_deref()))
        .map(|q| q.with_speaker(filters.speaker.as_deref()));
    let query = match query {
        Ok(q) if !q.is_empty() => q,
        Ok(_) => return fail(&format!("\"{text}\": no word to look for")),
        Err(e) => return fail(&e.to_string()),
    };
    let db = match LibraryDb::open(&data, folder) {
        Ok(db) => db,
        Err(e) => return fail(&e.to_string()),
    };
    let options = SearchOptions {
        max_files: filters.limit,
        hits_per_file: filters.per_file,
        ..SearchOptions::default()
    };
    let hits = match db.search(&query, &options) {
        Ok(h) => h,
        Err(e) => return fail(&e.to_string()),
    };
    let out = match format {
        HitFormat::Json => hits_json(&hits),
        HitFormat::Csv => hits_csv(&hits),
        HitFormat::Text => {
            let mut out = String::new();
            for file in &hits.files {
                let date = file
                    .date
                    .as_deref()
                    .map(|d| format!(" ({d})"))
                    .unwrap_or_default();
                // A sitting of a corpus is named by its number after the corpus file.
                let sitting = match file.part {
                    0 => String::new(),
                    n => format!(", sitting {n}"),
                };
                out.push_str(&format!(
                    "{}{date} — {}{sitting} · {} hit{}\n",
                    file.title,
                    file.path.display(),
                    thousands(file.total),
                    if file.total == 1 { "" } else { "s" }
                ));
                for hit in &file.hits {
                    out.push_str(&format!(
                        "  ¶{} {}: {}\n",
                        hit.paragraph,
                        hit.label,
                        hit.snippet.marked("[", "]")
                    ));
                }
            }
            out.push_str(&format!(
                "{} hit{} in {} file{}\n",
                thousands(hits.total),
                if hits.total == 1 { "" } else { "s" },
                thousands(hits.total_files),
                if hits.total_files == 1 { "" } else { "s" }
            ));
            out
        }
    };
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("stdout: {e}")),
    }
}
