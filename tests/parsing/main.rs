//! Text in, transcript out: the parser on literal snippets, fixtures and the real seed,
//! hostile input, the JSON round trip, and the statistics read from parsed documents. One
//! test binary, one module per subject.

mod bad_input;
mod formats;
mod kremlin;
mod roundtrip;
mod seed;
mod stats_qa;
