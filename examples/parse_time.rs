//! Times `parse_text` alone on a transcript file (decoding and the JSON writer are left out),
//! for the parse-only figures in `docs/PERFORMANCE.md`.
//!
//! ```text
//! cargo run --release --no-default-features --example parse_time -- big.txt [runs]
//! ```
//!
//! Prints the decode time, then the wall and thread CPU time of each parse run, and a
//! checksum of the result (counts of blocks, speeches, photos and participants) so that two
//! builds can be compared at a glance.

use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: parse_time FILE [runs]");
        return ExitCode::FAILURE;
    };
    let runs = args
        .next()
        .and_then(|a| a.parse::<usize>().ok())
        .unwrap_or(3);
    let bytes = match std::fs::read(&path) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let start = Instant::now();
    let text = match stenogram::decode::decode_owned(bytes) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {path}: {e:?}");
            return ExitCode::FAILURE;
        }
    };
    println!("decode {:.3} s", start.elapsed().as_secs_f64());
    for _ in 0..runs.max(1) {
        let cpu = cpu_seconds();
        let start = Instant::now();
        let t = stenogram::parse_text(&text);
        let wall = start.elapsed().as_secs_f64();
        let cpu = cpu_seconds() - cpu;
        println!(
            "parse {wall:.3} s wall, {cpu:.3} s cpu: {} blocks, {} speeches, {} photos, {} participants",
            t.blocks.len(),
            t.speeches.len(),
            t.photos.len(),
            t.participants.len()
        );
    }
    ExitCode::SUCCESS
}

/// User + system CPU time of this process so far, from `/proc/self/stat` (0 where absent).
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name, which is in parentheses and may hold spaces.
    let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
        return 0.0;
    };
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: f64 = fields
        .get(11..13)
        .map(|f| f.iter().filter_map(|v| v.parse::<f64>().ok()).sum())
        .unwrap_or(0.0);
    ticks / 100.0
}
