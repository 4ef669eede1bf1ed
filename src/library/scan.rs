//! Finding the transcripts in a folder: recursive, deterministic, safe against symlink
//! loops and absurd nesting, with hidden folders and files left out.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::error::{Error, ErrorKind, Result};

/// Folders nested deeper than this below the chosen folder are not entered.
pub const MAX_DEPTH: usize = 32;

/// File name endings (compared without case) that Stenogram reads as transcripts: text
/// and Markdown, JSON (its own export and speech-recognition output), subtitles, and XML
/// (ParlaMint TEI, Akoma Ntoso). What a file holds is told from its content.
pub const TRANSCRIPT_EXTENSIONS: &[&str] = &["txt", "text", "md", "json", "vtt", "srt", "xml"];

/// What a folder scan found.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Scan {
    /// Transcript files, sorted by path.
    pub files: Vec<PathBuf>,
    /// Sub-folders that could not be read or were nested too deep, each with the reason:
    /// shown to the user rather than silently skipped.
    pub problems: Vec<Error>,
}

/// Whether a file name has one of the [`TRANSCRIPT_EXTENSIONS`].
pub fn is_transcript_name(path: &Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        TRANSCRIPT_EXTENSIONS
            .iter()
            .any(|t| e.eq_ignore_ascii_case(t))
    })
}

/// Lists the transcripts under `folder`, recursively, sorted by path.
///
/// Hidden folders and files (name starting with ".") are skipped. Symbolic links are
/// followed, but each folder is entered once (by its canonical path), so a link back up the
/// tree cannot loop. A path that is a file is returned as the only entry, whatever its name,
/// unless it is a TEI corpus root that includes its sittings from other files: then those
/// files are the entries, in the corpus's order, missing ones too (they fail when read).
/// Fails only when `folder` itself cannot be read.
pub fn scan(folder: &Path) -> Result<Scan> {
    let name = folder.display().to_string();
    let metadata = std::fs::metadata(folder)
        .map_err(|e| Error::new(&name, ErrorKind::from_io(&e, "no such file or folder")))?;
    let mut out = Scan::default();
    if metadata.is_file() {
        // A corpus root that only includes its sittings is the list of those files.
        match crate::load::corpus_includes(folder) {
            Some(included) => out.files = included,
            None => out.files.push(folder.to_path_buf()),
        }
        return Ok(out);
    }
    if !metadata.is_dir() {
        return Err(Error::new(
            name,
            ErrorKind::Io("neither a folder nor a file".to_owned()),
        ));
    }
    // The root is read first, alone, so that its failure is the scan's failure.
    std::fs::read_dir(folder)
        .map_err(|e| Error::new(&name, ErrorKind::from_io(&e, "no such file or folder")))?;
    let mut visited: HashSet<PathBuf> = HashSet::new();
    if let Ok(canonical) = folder.canonicalize() {
        visited.insert(canonical);
    }
    let walk = WalkDir::new(folder)
        .follow_links(true)
        // Files in the deepest folder entered are listed; folders there are reported.
        .max_depth(MAX_DEPTH + 1)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| {
            if entry.depth() == 0 {
                return true;
            }
            if is_hidden(entry.path()) {
                return false;
            }
            if entry.file_type().is_dir() && entry.depth() <= MAX_DEPTH {
                // Entered once, whichever link leads there: no loops, no duplicates.
                let path = entry.path();
                let key = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
                return visited.insert(key);
            }
            true
        });
    for item in walk {
        match item {
            Ok(entry) if entry.depth() == 0 => {}
            Ok(entry) if entry.file_type().is_dir() => {
                if entry.depth() > MAX_DEPTH {
                    out.problems.push(Error::new(
                        entry.path().display().to_string(),
                        ErrorKind::Io(format!("folders nested more than {MAX_DEPTH} deep")),
                    ));
                }
            }
            Ok(entry) => {
                if is_transcript_name(entry.path()) {
                    out.files.push(entry.into_path());
                }
            }
            Err(error) => problem(&error, &mut out),
        }
    }
    out.files.sort();
    out.problems.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(out)
}

/// Whether a path's name starts with "." (hidden on Unix, and by convention elsewhere).
fn is_hidden(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
}

/// Files what the walk could not read: a link back up the tree is skipped silently (the
/// folder is listed already), a dangling link to a transcript name is kept so that indexing
/// reports it instead of it vanishing, and a folder that cannot be read is a problem shown
/// to the user.
fn problem(error: &walkdir::Error, out: &mut Scan) {
    if error.loop_ancestor().is_some() {
        return;
    }
    let Some(path) = error.path() else {
        return;
    };
    if is_hidden(path) {
        return;
    }
    let dangling = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
        && std::fs::metadata(path).is_err();
    if dangling {
        if is_transcript_name(path) {
            out.files.push(path.to_path_buf());
        }
        return;
    }
    let message = error.io_error().map_or_else(
        || ErrorKind::Io(error.to_string()),
        |e| ErrorKind::from_io(e, "no such file or folder"),
    );
    out.problems
        .push(Error::new(path.display().to_string(), message));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transcript_names_by_extension_without_case() {
        assert!(is_transcript_name(Path::new("a/b.TXT")));
        assert!(is_transcript_name(Path::new("notes.md")));
        assert!(is_transcript_name(Path::new("x.json")));
        assert!(is_transcript_name(Path::new("hearing.VTT")));
        assert!(is_transcript_name(Path::new("asr/day1.srt")));
        assert!(is_transcript_name(Path::new("parlamint/2021-03-04.xml")));
        assert!(!is_transcript_name(Path::new("photo.jpg")));
        assert!(!is_transcript_name(Path::new("README")));
    }

    #[test]
    fn missing_folder_is_an_error_naming_it() {
        let message = scan(Path::new("no-such-folder-here"))
            .err()
            .map(|e| e.to_string());
        assert_eq!(
            message.as_deref(),
            Some("no-such-folder-here: cannot be read: no such file or folder")
        );
    }

    fn relative(root: &Path, files: &[PathBuf]) -> Vec<String> {
        files
            .iter()
            .map(|p| {
                p.strip_prefix(root)
                    .map_or_else(|_| p.display().to_string(), |r| r.display().to_string())
            })
            .collect()
    }

    fn touch(path: &Path) {
        if let Some(dir) = path.parent() {
            assert!(std::fs::create_dir_all(dir).is_ok());
        }
        assert!(std::fs::write(path, b"Title\n").is_ok());
    }

    #[test]
    fn folders_deeper_than_the_limit_are_reported_not_entered() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let mut deepest = dir.path().to_path_buf();
        for level in 1..=MAX_DEPTH {
            deepest.push(format!("d{level}"));
        }
        touch(&deepest.join("kept.txt"));
        touch(&deepest.join("too-deep").join("lost.txt"));
        let found = scan(dir.path()).unwrap_or_default();
        assert_eq!(found.files, [deepest.join("kept.txt")]);
        let problems: Vec<String> = found.problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [format!(
                "{}: cannot be read: folders nested more than {MAX_DEPTH} deep",
                deepest.join("too-deep").display()
            )]
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_are_followed_once_and_dangling_transcripts_kept() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let root = dir.path();
        touch(&root.join("a/one.txt"));
        touch(&root.join(".hidden/two.txt"));
        // A second way into "a", a way back up, a dangling transcript, a hidden dangling one.
        assert!(std::os::unix::fs::symlink(root.join("a"), root.join("b")).is_ok());
        assert!(std::os::unix::fs::symlink(root, root.join("a/up")).is_ok());
        assert!(std::os::unix::fs::symlink(root.join("gone.txt"), root.join("c.txt")).is_ok());
        assert!(std::os::unix::fs::symlink(root.join("gone.txt"), root.join(".d.txt")).is_ok());
        let found = scan(root).unwrap_or_default();
        assert_eq!(relative(root, &found.files), ["a/one.txt", "c.txt"]);
        assert!(found.problems.is_empty(), "{:?}", found.problems);
    }

    #[test]
    fn a_file_is_its_own_scan() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("tempdir: {e}"));
        let file = dir.path().join("notes.odt");
        touch(&file);
        assert_eq!(scan(&file).unwrap_or_default().files, [file]);
    }
}
