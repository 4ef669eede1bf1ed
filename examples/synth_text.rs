//! Writes a synthetic transcript of about the given size to stdout, for timing the parser
//! on large inputs (see `docs/PERFORMANCE.md`).
//!
//! ```text
//! cargo run --release --no-default-features --features synth --example synth_text -- 50000000 1 > big.txt
//! ```
//!
//! Arguments: size in bytes (default 10 MB), seed (default 1). The output is deterministic.

use std::io::Write as _;
use std::process::ExitCode;

use stenogram::synth::{SynthSpec, generate};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let size = args
        .next()
        .and_then(|a| a.parse::<usize>().ok())
        .unwrap_or(10_000_000);
    let seed = args.next().and_then(|a| a.parse::<u64>().ok()).unwrap_or(1);
    let text = generate(&SynthSpec::of_size(size, seed));
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: stdout: {e}");
            ExitCode::FAILURE
        }
    }
}
