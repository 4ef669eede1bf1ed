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
    /// Transcript to open in the viewer (text or Stenogram JSON); the bundled sample if none.
    file: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the parsed transcript to stdout.
    Export {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Transcript to read (text or Stenogram JSON).
        file: PathBuf,
    },
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Stenogram JSON (see the README).
    Json,
    /// A readable Markdown document.
    Markdown,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Export { format, file }) => export(format, &file),
        None => open_viewer(cli.file),
    }
}

/// `stenogram export`: exit 0 with the document on stdout, or 1 with one line on stderr.
fn export(format: Format, file: &std::path::Path) -> ExitCode {
    let transcript = match stenogram::load_file(file) {
        Ok(transcript) => transcript,
        Err(error) => return fail(&error.to_string()),
    };
    let mut text = match format {
        Format::Json => stenogram::export::to_json(&transcript),
        Format::Markdown => stenogram::export::to_markdown(&transcript),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
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
fn open_viewer(file: Option<PathBuf>) -> ExitCode {
    match stenogram::app::run(file) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot open the viewer window: {e}")),
    }
}

#[cfg(not(feature = "gui"))]
fn open_viewer(_file: Option<PathBuf>) -> ExitCode {
    eprintln!(
        "error: this stenogram was built without the viewer; build it with the `gui` feature \
         (on by default), or use `stenogram export FILE`"
    );
    ExitCode::from(2)
}
