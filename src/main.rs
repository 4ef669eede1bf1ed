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
    /// Transcript to open in the viewer, or a folder of them (or a TEI corpus file) to open
    /// as a library; the bundled sample if none.
    #[arg(value_name = "FILE|FOLDER")]
    file: Option<PathBuf>,
    /// Print the time to the first frame and to the document, the peak memory and the CPU
    /// used while idle to stderr, then close the window (see docs/PERFORMANCE.md).
    #[arg(long)]
    measure_startup: bool,
    /// Another version of the same event (another language), read beside FILE in two
    /// aligned columns.
    #[arg(long, value_name = "OTHER")]
    parallel: Option<PathBuf>,
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
        /// Leave out the stored corrections: the transcript as the parser read it.
        #[arg(long)]
        raw: bool,
        /// For a TEI corpus: the sitting to export, from 1 (a corpus holds several, and
        /// they are never joined).
        #[arg(long, value_name = "N")]
        sitting: Option<usize>,
        /// Transcript to read: text, Stenogram JSON, WebVTT, SRT, speech-recognition JSON,
        /// ParlaMint TEI or Akoma Ntoso.
        file: PathBuf,
    },
    /// Correct what the parser got wrong (kept beside the transcript, never in it):
    /// rename, merge or split people, reassign a speech, say a line is or is not a
    /// speaker label or is not text; list and undo corrections.
    Correct {
        /// For a TEI corpus: the sitting to correct, from 1 (each has its own corrections).
        #[arg(long, value_name = "N", global = true)]
        sitting: Option<usize>,
        /// Transcript to correct.
        file: PathBuf,
        #[command(subcommand)]
        action: stenogram::corrections::command::Action,
    },
    /// Pair the turns of two versions of one event (two languages, say) and print the rows:
    /// each side's speeches, or nothing where a turn is in one version only.
    Align {
        /// Output format.
        #[arg(long, value_enum, default_value_t = AlignFormat::Text)]
        format: AlignFormat,
        /// The first version.
        a: PathBuf,
        /// The second version.
        b: PathBuf,
    },
    /// Create or update the index of a library folder (the viewer uses the same one);
    /// progress on stderr, a one-line summary on stdout.
    Index {
        /// Folder of transcripts, or a TEI corpus file (its sittings are the entries).
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
        /// Indexed library folder (or TEI corpus file).
        folder: PathBuf,
        /// What to look for.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum AlignFormat {
    /// A table: a line per row, the two versions side by side.
    Text,
    /// JSON: both files, every row and the summary.
    Json,
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
    /// WebVTT subtitles, one cue per timed paragraph (transcripts with times only).
    Vtt,
    /// SRT subtitles, one cue per timed paragraph (transcripts with times only).
    Srt,
}

fn main() -> ExitCode {
    let started = std::time::Instant::now();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export {
            format,
            speakers,
            no_captions,
            raw,
            sitting,
            file,
        }) => export(
            format,
            &speakers,
            &Choice {
                captions: !no_captions,
                raw,
                sitting,
            },
            &file,
        ),
        Some(Command::Correct {
            sitting,
            file,
            action,
        }) => match stenogram::corrections::command::run(&file, sitting, action) {
            Ok(text) => print(&text),
            Err(why) => fail(&why),
        },
        Some(Command::Align { format, a, b }) => align(format, &a, &b),
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
        None => open_viewer(
            cli.file,
            cli.parallel,
            cli.measure_startup.then_some(started),
        ),
    }
}

/// What of a file `export` writes, besides the people.
struct Choice {
    /// Photo captions kept.
    captions: bool,
    /// Stored corrections left out.
    raw: bool,
    /// The sitting of a TEI corpus, from 1.
    sitting: Option<usize>,
}

/// `stenogram export`: exit 0 with the document on stdout, or 1 with one line on stderr.
fn export(format: Format, names: &[String], choice: &Choice, file: &std::path::Path) -> ExitCode {
    use stenogram::export::view::{self, ExportOptions, NameError};
    let captions = choice.captions;
    let loaded = match stenogram::load::open_chosen(file, choice.sitting, "export") {
        Ok(loaded) => loaded,
        Err(error) => return fail(&error),
    };
    // Corrections are kept by the transcript's content, so a sitting has its own.
    let transcript = if choice.raw {
        loaded.transcript
    } else {
        let (transcript, warning) = stenogram::corrections::command::corrected(loaded, file);
        if let Some(warning) = warning {
            eprintln!("warning: {}", warning.replace(['\n', '\r'], " "));
        }
        transcript
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
    let view_format = match format {
        Format::Json => view::Format::Json,
        Format::Markdown => view::Format::Markdown,
        Format::Text => view::Format::Text,
        Format::Vtt | Format::Srt => {
            return subtitles(format, &transcript, &speakers, captions, file);
        }
    };
    let options = ExportOptions {
        speakers,
        captions,
        format: view_format,
    };
    print(&view::export(&transcript, &options))
}

/// `stenogram export --format vtt|srt`: the timed speeches (of some people, or all) as
/// subtitles, or a one-line error for a transcript without times.
fn subtitles(
    format: Format,
    transcript: &stenogram::Transcript,
    speakers: &[stenogram::model::ParticipantId],
    captions: bool,
    file: &std::path::Path,
) -> ExitCode {
    use stenogram::export::subtitles::{to_srt, to_vtt};
    let subset;
    let doc = if speakers.is_empty() {
        transcript
    } else {
        subset = stenogram::export::view::filtered(transcript, speakers, captions);
        &subset
    };
    let written = if format == Format::Srt {
        to_srt(doc)
    } else {
        to_vtt(doc)
    };
    match written {
        Ok(text) => print(&text),
        Err(why) => fail(&format!(
            "{}: {why}; only subtitles, speech-recognition output and other timed files \
             have them",
            file.display()
        )),
    }
}

/// Writes `text` to stdout: exit 0, or 1 when stdout cannot be written.
fn print(text: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `stenogram export … | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("stdout: {e}")),
    }
}

/// `stenogram align`: exit 0 with the rows on stdout, or 1 with one line on stderr.
fn align(format: AlignFormat, a: &std::path::Path, b: &std::path::Path) -> ExitCode {
    use stenogram::align::report::{self, Version};
    // Each version as its stored corrections leave it, as `export` reads it.
    let read = |path: &std::path::Path| {
        stenogram::load::open_file(path).map(|loaded| {
            let (transcript, warning) = stenogram::corrections::command::corrected(loaded, path);
            if let Some(warning) = warning {
                eprintln!("warning: {}", warning.replace(['\n', '\r'], " "));
            }
            transcript
        })
    };
    let (ta, tb) = match (read(a), read(b)) {
        (Ok(ta), Ok(tb)) => (ta, tb),
        (Err(error), _) | (_, Err(error)) => return fail(&error.to_string()),
    };
    let alignment = stenogram::align::align(&ta, &tb);
    let (pa, pb) = (a.display().to_string(), b.display().to_string());
    let (va, vb) = (
        Version {
            path: &pa,
            transcript: &ta,
        },
        Version {
            path: &pb,
            transcript: &tb,
        },
    );
    let text = match format {
        AlignFormat::Text => report::to_text(&va, &vb, &alignment),
        AlignFormat::Json => report::to_json(&va, &vb, &alignment),
    };
    print(&text)
}

/// Exit 1 with `message` as one line on stderr.
fn fail(message: &str) -> ExitCode {
    // One line, whatever the message holds.
    let line = message.replace(['\n', '\r'], " ");
    eprintln!("error: {line}");
    ExitCode::FAILURE
}

#[cfg(feature = "gui")]
fn open_viewer(
    file: Option<PathBuf>,
    parallel: Option<PathBuf>,
    measure_from: Option<std::time::Instant>,
) -> ExitCode {
    let probe = measure_from.map(stenogram::app::startup_probe::StartupProbe::new);
    match stenogram::app::run(file, parallel, probe) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot open the viewer window: {e}")),
    }
}

#[cfg(not(feature = "gui"))]
fn open_viewer(
    _file: Option<PathBuf>,
    _parallel: Option<PathBuf>,
    _measure_from: Option<std::time::Instant>,
) -> ExitCode {
    eprintln!(
        "error: this stenogram was built without the viewer; build it with the `gui` feature \
         (on by default), or use `stenogram export FILE`"
    );
    ExitCode::from(2)
}
