//! Any bytes, opened as a file: loading must not panic, and whatever loads must export to
//! JSON and read back unchanged, and export to Markdown.
//!
//! Run with `cargo +nightly fuzz run parse_bytes` from the repository root.

#![no_main]

use libfuzzer_sys::fuzz_target;
use stenogram::export::{from_json, to_json, to_markdown};

fuzz_target!(|data: &[u8]| {
    if let Ok(transcript) = stenogram::load_bytes("fuzz", data) {
        let json = to_json(&transcript);
        assert_eq!(
            from_json(&json).as_ref(),
            Ok(&transcript),
            "JSON round trip"
        );
        let _ = to_markdown(&transcript);
    }
});
