//! Writing and reading the rows of files: one file's record in, one file out, the
//! entries of a whole library back (without parsing), and the people across files.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, params};

use super::extract::{FileRecord, place_numbers};
use super::schema::passage_id;
use crate::error::{Error, ErrorKind};
use crate::library::entry::{Entry, EntryPerson, EntryState};
use crate::library::people::merge_people;
use crate::model::ParticipantId;
use crate::text::fold;

/// A count or id as SQLite stores it.
pub(crate) fn int(v: usize) -> i64 {
    i64::try_from(v).unwrap_or(i64::MAX)
}

/// A stored count or id back (negative or huge values read as 0).
pub(crate) fn count(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

/// The path of `path` relative to the library `folder`, "/"-separated: empty for a
/// library that is one file, and "../day.xml" beside it for the files a corpus file
/// includes (the library of a corpus file is the corpus).
pub fn relative(folder: &Path, path: &Path) -> String {
    let joined = |rel: &Path| {
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/")
    };
    if let Ok(rel) = path.strip_prefix(folder) {
        return joined(rel);
    }
    match folder.parent().map(|parent| path.strip_prefix(parent)) {
        Some(Ok(rel)) => format!("{SIBLING}{}", joined(rel)),
        _ => path.to_string_lossy().into_owned(),
    }
}

/// What a stored path starts with when it is beside the library's file, not in it.
const SIBLING: &str = "../";

/// The path a stored relative path names under `folder`.
pub fn absolute(folder: &Path, rel: &str) -> PathBuf {
    if rel.is_empty() {
        return folder.to_path_buf();
    }
    let (mut out, rel) = match rel.strip_prefix(SIBLING) {
        Some(rest) => (
            folder.parent().map_or_else(PathBuf::new, Path::to_path_buf),
            rest,
        ),
        None => (folder.to_path_buf(), rel),
    };
    for part in rel.split('/') {
        out.push(part);
    }
    out
}

/// Removes a file and everything about it (its full-text rows first: the index keeps no
/// link it could follow by itself).
pub fn delete_file(conn: &Connection, id: i64) -> rusqlite::Result<()> {
    // A file's passages are a range of row ids (no foreign key: it would need an index).
    let range = super::schema::passages_of(id);
    let bounds = rusqlite::params![range.start(), range.end()];
    conn.execute(
        "DELETE FROM passages_fts WHERE rowid BETWEEN ?1 AND ?2",
        bounds,
    )?;
    conn.execute("DELETE FROM passages WHERE id BETWEEN ?1 AND ?2", bounds)?;
    conn.execute("DELETE FROM occurrences WHERE file_id = ?1", [id])?;
    conn.execute("DELETE FROM files WHERE id = ?1", [id])?;
    Ok(())
}

/// Removes every row of the file at relative path `rel` (all its sittings), for a file
/// about to be written again: a corpus that lost a sitting keeps no row of it.
pub fn delete_path(conn: &Connection, rel: &str) -> rusqlite::Result<()> {
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM files WHERE path = ?1")?
        .query_map([rel], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in ids {
        delete_file(conn, id)?;
    }
    Ok(())
}

/// Writes one file's record (or one sitting's) under its relative path `rel`, replacing
/// whatever the database held for that path and part (so a file written twice, by a
/// resumed run or by another process, is never there twice). Call inside a transaction.
pub fn write_record(conn: &Connection, rel: &str, record: &FileRecord) -> rusqlite::Result<i64> {
    let part = int(record.entry.part);
    let old: Option<i64> = conn
        .query_row(
            "SELECT id FROM files WHERE path = ?1 AND part = ?2",
            params![rel, part],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(id) = old {
        delete_file(conn, id)?;
    }
    let e = &record.entry;
    let (error, error_kind) = match &e.state {
        EntryState::Failed(err) => (Some(err.reason()), serde_json::to_string(&err.kind).ok()),
        _ => (None, None),
    };
    // The hash is stored as the signed 64-bit integer SQLite has.
    let hash = i64::from_ne_bytes(record.hash.to_ne_bytes());
    conn.prepare_cached(
        "INSERT INTO files (path, part, size, mtime, hash, title, date, time, place, \
         language, speeches, photos, words, error, error_kind, content_key, corrections) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        rel,
        part,
        i64::try_from(record.stamp.size).unwrap_or(i64::MAX),
        record.stamp.mtime,
        hash,
        e.title,
        e.date,
        e.time,
        e.place,
        e.language,
        int(e.speeches),
        int(e.photos),
        int(e.words),
        error,
        error_kind,
        record.key,
        i64::from_ne_bytes(record.corrections.to_ne_bytes()),
    ])?;
    let id = conn.last_insert_rowid();
    {
        let mut insert = conn.prepare_cached(
            "INSERT INTO participants (file_id, participant, name, role, aliases, generic, \
             speeches, words, photos, questions_asked, questions_answered, folded) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        for p in &e.people {
            let (asked, answered) = record.qa.get(p.id.index()).copied().unwrap_or_default();
            let folded = p
                .name
                .iter()
                .chain(&p.role)
                .chain(&p.aliases)
                .map(|t| fold(t).replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\n");
            insert.execute(params![
                id,
                int(p.id.index()),
                p.name,
                p.role,
                p.aliases.join("\n"),
                p.generic,
                int(p.speeches),
                int(p.words),
                int(p.photos),
                int(asked),
                int(answered),
                folded,
            ])?;
        }
    }
    {
        let mut passage = conn.prepare_cached(
            "INSERT INTO passages (id, file_id, ordinal, kind, a, b, speaker, text) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        let mut fts =
            conn.prepare_cached("INSERT INTO passages_fts (rowid, text) VALUES (?1, ?2)")?;
        for (ordinal, p) in record.passages.iter().enumerate() {
            let (kind, a, b) = place_numbers(p.place);
            let rowid = passage_id(id, int(ordinal));
            passage.execute(params![
                rowid,
                id,
                int(ordinal),
                kind,
                a,
                b,
                p.speaker.map(|s| int(s.index())),
                p.text,
            ])?;
            fts.execute(params![rowid, p.folded])?;
        }
    }
    {
        let mut speech = conn.prepare_cached(
            "INSERT INTO speeches (file_id, speech, speaker, ordinal, words, first_passage, \
             paragraphs) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        )?;
        for s in &record.speeches {
            speech.execute(params![
                id,
                int(s.speech),
                int(s.speaker),
                int(s.ordinal),
                int(s.words),
                s.first_passage.map(int),
                int(s.paragraphs),
            ])?;
        }
    }
    {
        let mut photo = conn.prepare_cached(
            "INSERT INTO photos (file_id, photo, number, caption, credit, people) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        )?;
        for p in &record.photos {
            photo.execute(params![
                id,
                int(p.photo),
                int(p.number),
                p.caption,
                p.credit,
                p.people
            ])?;
        }
    }
    Ok(id)
}

/// A stored file's identity and stamp, for the check against the folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Known {
    /// Row ids: one, or one per sitting of a corpus file.
    pub ids: Vec<i64>,
    /// Size in bytes.
    pub size: u64,
    /// Modification time (nanoseconds since 1970).
    pub mtime: i64,
    /// Content hash.
    pub hash: u64,
    /// Per row: the transcript's content key (empty for a file that failed) and the
    /// stamp of the corrections it was indexed with (0 for none).
    pub corrections: Vec<(String, u64)>,
}

/// Every stored file by relative path (the sittings of a corpus file under its one path).
pub fn known_files(conn: &Connection) -> rusqlite::Result<HashMap<String, Known>> {
    let mut stmt = conn.prepare(
        "SELECT id, path, size, mtime, hash, content_key, corrections FROM files ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: HashMap<String, Known> = HashMap::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let hash: i64 = r.get(4)?;
        let corrections: i64 = r.get(6)?;
        let known = out.entry(r.get::<_, String>(1)?).or_insert_with(|| Known {
            ids: Vec::new(),
            size: u64::try_from(r.get::<_, i64>(2).unwrap_or(0)).unwrap_or(0),
            mtime: r.get(3).unwrap_or(0),
            hash: u64::from_ne_bytes(hash.to_ne_bytes()),
            corrections: Vec::new(),
        });
        known.ids.push(id);
        known
            .corrections
            .push((r.get(5)?, u64::from_ne_bytes(corrections.to_ne_bytes())));
    }
    Ok(out)
}

/// Every stored file as an [`Entry`] (no file is read), sorted by path, each with its row id.
pub fn load_entries(conn: &Connection, folder: &Path) -> rusqlite::Result<Vec<(i64, Entry)>> {
    let mut people: HashMap<i64, Vec<EntryPerson>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT file_id, participant, name, role, aliases, generic, speeches, words, \
             photos FROM participants ORDER BY file_id, participant",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let aliases: String = r.get(4)?;
            people.entry(r.get(0)?).or_default().push(EntryPerson {
                id: ParticipantId::from(count(r.get(1)?)),
                name: r.get(2)?,
                role: r.get(3)?,
                aliases: aliases
                    .split('\n')
                    .filter(|a| !a.is_empty())
                    .map(str::to_owned)
                    .collect(),
                generic: r.get(5)?,
                speeches: count(r.get(6)?),
                words: count(r.get(7)?),
                photos: count(r.get(8)?),
            });
        }
    }
    let mut stmt = conn.prepare(
        "SELECT id, path, size, title, date, time, place, language, speeches, photos, words, \
         error, error_kind, part FROM files ORDER BY path, part",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = Vec::new();
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let rel: String = r.get(1)?;
        let path = absolute(folder, &rel);
        let error: Option<String> = r.get(11)?;
        let kind: Option<String> = r.get(12)?;
        let mut entry = Entry::pending(path.clone());
        entry.state = match error {
            None => EntryState::Ready,
            Some(reason) => {
                let kind = kind
                    .and_then(|k| serde_json::from_str::<ErrorKind>(&k).ok())
                    .unwrap_or(ErrorKind::Io(reason));
                EntryState::Failed(Error::new(path.display().to_string(), kind))
            }
        };
        entry.bytes = u64::try_from(r.get::<_, i64>(2)?).unwrap_or(0);
        entry.title = r.get(3)?;
        entry.date = r.get(4)?;
        entry.time = r.get(5)?;
        entry.place = r.get(6)?;
        entry.language = r.get(7)?;
        entry.speeches = count(r.get(8)?);
        entry.photos = count(r.get(9)?);
        entry.words = count(r.get(10)?);
        entry.people = people.remove(&id).unwrap_or_default();
        entry.part = count(r.get(13)?);
        entry.rekey();
        out.push((id, entry));
    }
    // Paths sort by their stored text; the folder's own order is by path components.
    out.sort_by(|a, b| (&a.1.path, a.1.part).cmp(&(&b.1.path, b.1.part)));
    Ok(out)
}

/// Matches people across the stored files again and replaces the `people` and
/// `occurrences` tables. Call inside a transaction.
pub fn write_people(conn: &Connection, entries: &[(i64, Entry)]) -> rusqlite::Result<usize> {
    conn.execute("DELETE FROM occurrences", [])?;
    conn.execute("DELETE FROM people", [])?;
    let plain: Vec<&Entry> = entries.iter().map(|(_, e)| e).collect();
    let people = merge_people(&plain);
    let mut person = conn.prepare_cached(
        "INSERT INTO people (id, name, role, aliases, generic, files, speeches, words, photos, \
         first_date, last_date, folded) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    let mut occurrence = conn.prepare_cached(
        "INSERT OR IGNORE INTO occurrences (person, file_id, participant) VALUES (?1, ?2, ?3)",
    )?;
    for (n, p) in people.iter().enumerate() {
        let dates: Vec<&str> = p
            .occurrences
            .iter()
            .filter_map(|o| entries.get(o.entry)?.1.date.as_deref())
            .collect();
        person.execute(params![
            int(n + 1),
            p.name,
            p.role,
            p.aliases.join("\n"),
            p.generic,
            int(p.files()),
            int(p.speeches),
            int(p.words),
            int(p.photos),
            dates.iter().min(),
            dates.iter().max(),
            p.folded,
        ])?;
        for o in &p.occurrences {
            if let Some((file_id, _)) = entries.get(o.entry) {
                occurrence.execute(params![int(n + 1), file_id, int(o.participant.index())])?;
            }
        }
    }
    Ok(people.len())
}
