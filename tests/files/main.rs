//! Stenogram and the file system: the command line, the library of a folder, and photos
//! found beside a transcript and decoded. One test binary, one module per subject.

mod align;
mod cli;
mod corpus;
mod correct_cli;
mod formats;
mod library;
mod library_cli;
mod library_db;
mod photos_decode;
mod photos_discover;
mod run_cli;
