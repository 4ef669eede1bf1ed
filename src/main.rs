//! The `stenogram` command: open the viewer, export a transcript to stdout, or index and
//! search a library folder (the database the viewer uses too).

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod library_cli;

/// Stenogram: participants, speeches and photo captions of an event transcript, side by side.
#[derive(Parser, Debug)]
#[command(
    name = "stenogram",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    /// Transcript to open in the viewer (text or Stenogram JSON), or a folder of them to
    /// open as a library; the bundled sample if none.
    #[arg(value_name = "FILE|FOLDER")]
    file: Option<PathBuf>,
    /// Print the time to the first frame and to the document, the peak memory and the CPU
    /// used while idle to stderr, then close the window (see docs/PERFORMANCE.md).
    #[arg(long)]
    measure_startup: bool,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the parsed transcript to stdout, whole or only some people's speeches.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Keep only this person's speeches (name, alias or role; case and accents do not
        /// matter). Repeat for several people.
        #[arg(long = "speaker", value_name = "NAME")]
        speakers: Vec<String>,
        /// Leave out the photo captions.
        #[arg(long)]
        no_captions: bool,
        /// Transcript to read (text or Stenogram JSON).
        file: PathBuf,
    },
    /// Create or update the index of a library folder (the viewer uses the same one);
    /// progress on stderr, a one-line summary on stdout.
    Index {
        /// Folder of transcripts.
        folder: PathBuf,
        /// Files written per transaction (a stopped run loses at most this many).
        #[arg(long, default_value_t = 200, hide = true)]
        batch_files: usize,
    },
    /// Search an indexed library folder: all words must match; "quoted phrases", prefixes
    /// (velsk*), and speaker:NAME, from:DATE, to:DATE, lang:CODE in the query.
    Search {
        /// Output format.
        #[arg(long, value_enum, default_value_t = HitFormat::Text)]
        format: HitFormat,
        /// Only speeches of this person (name, alias or role; case and accents do not
        /// matter).
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only files dated on or after this (2024, 2024-03 or 2024-03-01).
        #[arg(long, value_name = "DATE")]
        from: Option<String>,
        /// Only files dated on or before this.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Files listed at most (all hits are counted).
        #[arg(long, default_value_t = 100)]
        limit: usize,
        /// Hits listed per file at most.
        #[arg(long, default_value_t = 5)]
        per_file: usize,
        /// Indexed library folder.
        folder: PathBuf,
        /// What to look for.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum HitFormat {
    /// Hits grouped by file, words in [brackets].
    Text,
    /// A JSON list of hits (path, title, date, speaker, paragraph, place, snippet).
    Json,
    /// One CSV row per hit.
    Csv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Stenogram JSON (see the README).
    Json,
    /// A readable Markdown document.
    Markdown,
    /// Plain text.
    Text,
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export {
            format,
            speakers,
            no_captions,
            file,
        }) => export(format, &speakers, !no_captions, &file),
        Some(Command::Index {
            folder,
            batch_files,
        }) => library_cli::index(&folder, batch_files),
        Some(Command::Search {
            format,
            speaker,
            from,
            to,
            limit,
            per_file,
            folder,
            query,
        }) => library_cli::search(
            &folder,
            &query.join(" "),
            &library_cli::Filters {
                speaker,
                from,
                to,
                limit,
                per_file,
            },
            format,
        ),
        None => open_viewer(cli.file, cli.measure_startup.then_some(started)),
    }
}

/// `stenogram export`: exit 0 with the document on stdout, or 1 with one line on stderr.
fn export(format: Format, names: &[String], captions: bool, file: &std::path::Path) -> ExitCode {
    use stenogram::export::view::{self, ExportOptions, NameError};
    let transcript = match stenogram::load_file(file) {
        Ok(transcript) => transcript,
        Err(error) => return fail(&error.to_string()),
    };
    let mut speakers = Vec::new();
    for name in names {
        let found = match view::find_speakers(&transcript, name) {
            Ok(found) => found,
            Err(why) => {
                let file = file.display();
                return fail(&match why {
                    NameError::NoMatch => format!("{file}: no participant matches \"{name}\""),
                    NameError::Ambiguous(people) => format!(
                        "{file}: \"{name}\" matches several participants ({}); give more of \
                         the name",
                        people.join(", ")
                    ),
                    NameError::Silent(who) => {
                        format!("{file}: {who} gives no speech in this transcript")
                    }
                });
            }
        };
        for id in found {
            if !speakers.contains(&id) {
                speakers.push(id);
            }
        }
    }
    let options = ExportOptions {
        speakers,
        captions,
        format: match format {
            Format::Json => view::Format::Json,
            Format::Markdown => view::Format::Markdown,
            Format::Text => view::Format::Text,
        },
    };
    let text = view::export(&transcript, &options);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `stenogram export … | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("stdout: {e}")),
    }
}

/// Exit 1 with `message` as one line on stderr.
fn fail(message: &str) -> ExitCode {
    // One line, whatever the message holds.
    let line = message.replace(['\n', '\r'], " ");
    eprintln!("error: {line}");
    ExitCode::FAILURE
}

#[cfg(feature = "gui")]
fn open_viewer(file: Option<PathBuf>, measure_from: Option<std::time::Instant>) -> ExitCode {
    let probe = measure_from.map(stenogram::app::startup_probe::StartupProbe::new);
    match stenogram::app::run(file, probe) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot open the viewer window: {e}")),
    }
}

#[cfg(not(feature = "gui"))]
fn open_viewer(_file: Option<PathBuf>, _measure_from: Option<std::time::Instant>) -> ExitCode {
    eprintln!(
        "error: this stenogram was built without the viewer; build it with the `gui` feature \
         (on by default), or use `stenogram export FILE`"
    );
    ExitCode::from(2)
}
