//! The `stenogram` command: open the viewer, or export a transcript to stdout.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
        /// Transcript to read: text, Stenogram JSON, WebVTT, SRT, speech-recognition JSON,
        /// ParlaMint TEI or Akoma Ntoso.
        file: PathBuf,
    },
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
            file,
        }) => export(format, &speakers, !no_captions, &file),
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
    let text = view::export(&transcript, &options);
    write_stdout(&text)
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
        Ok(text) => write_stdout(&text),
        Err(why) => fail(&format!(
            "{}: {why}; only subtitles, speech-recognition output and other timed files \
             have them",
            file.display()
        )),
    }
}

/// Writes `text` to stdout: exit 0, or 1 with the reason.
fn write_stdout(text: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        // `stenogram export … | head` closes the pipe early: not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("stdout: {e}")),
    }
}

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
