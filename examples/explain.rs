//! Prints "How this was read" for a text file: every line with what the parser took it for
//! and why. A developer's tool for working on the parser's rules.
//!
//! `cargo run --no-default-features --example explain -- FILE`

use stenogram::parse::parse_text;
use stenogram::reading::explain;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: explain FILE");
        std::process::exit(2);
    };
    let text = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let transcript = parse_text(&text);
    for line in explain(&text, &transcript) {
        let source = text.get(line.range.clone()).unwrap_or("");
        let short: String = source.chars().take(70).collect();
        let note = line.note.as_deref().unwrap_or("");
        println!(
            "{:>4} {:<16} {short}  [{note}]",
            line.number,
            line.role.name()
        );
    }
}
