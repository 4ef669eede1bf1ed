//! A person across the library, from the database alone: the files they appear in, their
//! speeches (first words, words), photos and dates. No file is read.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, params};

use super::hits::people_pairs;
use super::store::{absolute, count, int};
use crate::library::person::{FIRST_WORDS_CHARS, first_words};
use crate::model::{ParticipantId, SpeechId};
use crate::text::fold;

/// One speech of the person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonSpeech {
    /// The speech in its file's transcript.
    pub speech: SpeechId,
    /// Its position among the file's speeches, from 0.
    pub ordinal: usize,
    /// Words spoken.
    pub words: usize,
    /// Its first words, "…" when cut.
    pub first_words: String,
}

/// The person in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonInFile {
    /// The file.
    pub path: PathBuf,
    /// The sitting of a corpus file, from 1 (0: the whole file).
    pub part: usize,
    /// Its title (the file name when untitled).
    pub title: String,
    /// Its date.
    pub date: Option<String>,
    /// Who the person is in that file.
    pub participant: ParticipantId,
    /// Their speeches there, in order (the first `max_per_file`).
    pub speeches: Vec<PersonSpeech>,
    /// How many speeches they gave there.
    pub total: usize,
    /// Words they spoke there.
    pub words: usize,
    /// Photos of the file picturing them.
    pub photos: usize,
    /// Questions they asked there.
    pub questions_asked: usize,
    /// Questions of others they answered there.
    pub questions_answered: usize,
}

/// A person across the library.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PersonAcross {
    /// Their files, by date (undated last), then path.
    pub files: Vec<PersonInFile>,
    /// Speeches across files.
    pub speeches: usize,
    /// Words across files.
    pub words: usize,
    /// Photos across files.
    pub photos: usize,
    /// Earliest date.
    pub first_date: Option<String>,
    /// Latest date.
    pub last_date: Option<String>,
}

/// The person who is `occurrences` (file and participant id in each), with at most
/// `max_per_file` speeches listed per file.
pub fn person_across(
    conn: &Connection,
    folder: &Path,
    occurrences: &[super::PersonAt],
    max_per_file: usize,
) -> rusqlite::Result<PersonAcross> {
    let pairs = people_pairs(conn, folder, occurrences)?;
    let mut file_row = conn.prepare_cached(
        "SELECT f.path, f.title, f.date, pp.speeches, pp.words, pp.photos, \
         pp.questions_asked, pp.questions_answered, f.part FROM files f \
         JOIN participants pp ON pp.file_id = f.id AND pp.participant = ?2 WHERE f.id = ?1",
    )?;
    let mut speech_rows = conn.prepare_cached(
        "SELECT speech, ordinal, words, first_passage FROM speeches \
         WHERE file_id = ?1 AND speaker = ?2 ORDER BY ordinal LIMIT ?3",
    )?;
    // The first paragraphs of a speech (a short one's first words run into the next).
    let mut opening = conn.prepare_cached(
        "SELECT text FROM passages WHERE id BETWEEN ?1 AND ?2 AND kind = 8 \
         AND a = ?3 ORDER BY id LIMIT 3",
    )?;
    let mut out = PersonAcross::default();
    for (file_id, participant) in pairs {
        let row = file_row.query_row(params![file_id, participant], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<String>>(2)?,
                [
                    r.get::<_, i64>(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                    r.get(7)?,
                ],
                count(r.get(8)?),
            ))
        });
        let Ok((rel, title, date, [speeches, words, photos, asked, answered], part)) = row else {
            continue;
        };
        let rows = speech_rows
            .query_map(params![file_id, participant, int(max_per_file)], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, Option<i64>>(3)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut listed = Vec::with_capacity(rows.len());
        for (speech, ordinal, words, first) in rows {
            let paragraphs: Vec<String> = match first {
                Some(first) => opening
                    .query_map(
                        params![
                            super::schema::passage_id(file_id, first),
                            super::schema::passages_of(file_id).end(),
                            speech
                        ],
                        |r| r.get(0),
                    )?
                    .collect::<rusqlite::Result<_>>()?,
                None => Vec::new(),
            };
            listed.push(PersonSpeech {
                speech: SpeechId::from(count(speech)),
                ordinal: count(ordinal),
                words: count(words),
                first_words: first_words(&paragraphs, FIRST_WORDS_CHARS),
            });
        }
        let path = absolute(folder, &rel);
        let title = if title.trim().is_empty() {
            path.file_name()
                .map_or_else(|| rel.clone(), |n| n.to_string_lossy().into_owned())
        } else {
            title
        };
        out.speeches += count(speeches);
        out.words += count(words);
        out.photos += count(photos);
        if let Some(d) = &date {
            if out.first_date.as_ref().is_none_or(|f| d < f) {
                out.first_date = Some(d.clone());
            }
            if out.last_date.as_ref().is_none_or(|l| d > l) {
                out.last_date = Some(d.clone());
            }
        }
        out.files.push(PersonInFile {
            path,
            part,
            title,
            date,
            participant: ParticipantId::from(count(participant)),
            speeches: listed,
            total: count(speeches),
            words: count(words),
            photos: count(photos),
            questions_asked: count(asked),
            questions_answered: count(answered),
        });
    }
    out.files.sort_by(|a, b| {
        (a.date.is_none(), &a.date, &a.path, a.part).cmp(&(
            b.date.is_none(),
            &b.date,
            &b.path,
            b.part,
        ))
    });
    Ok(out)
}

/// A person of the `people` table.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredPerson {
    /// Row id (renumbered whenever people are matched again).
    pub id: i64,
    /// Name, or role, or "?".
    pub display_name: String,
    /// Every spelling across files.
    pub aliases: Vec<String>,
    /// Files, speeches, words, photos.
    pub files: usize,
    /// Speeches across files.
    pub speeches: usize,
    /// Words across files.
    pub words: usize,
    /// Photos across files.
    pub photos: usize,
    /// Earliest and latest dates.
    pub dates: (Option<String>, Option<String>),
}

/// The people whose name, role or aliases hold `name` (folded), most speeches first.
pub fn find_people(conn: &Connection, name: &str) -> rusqlite::Result<Vec<StoredPerson>> {
    let mut stmt = conn.prepare(
        "SELECT id, coalesce(name, role, '?'), aliases, files, speeches, words, photos, \
         first_date, last_date FROM people WHERE instr(folded, ?1) > 0 \
         ORDER BY speeches DESC, id",
    )?;
    let rows = stmt.query_map([fold(name.trim())], |r| {
        let aliases: String = r.get(2)?;
        Ok(StoredPerson {
            id: r.get(0)?,
            display_name: r.get(1)?,
            aliases: aliases.split('\n').map(str::to_owned).collect(),
            files: count(r.get(3)?),
            speeches: count(r.get(4)?),
            words: count(r.get(5)?),
            photos: count(r.get(6)?),
            dates: (r.get(7)?, r.get(8)?),
        })
    })?;
    rows.collect()
}

/// Where the stored person `id` appears: file and participant id in each.
pub fn occurrences_of(
    conn: &Connection,
    folder: &Path,
    id: i64,
) -> rusqlite::Result<Vec<super::PersonAt>> {
    let mut stmt = conn.prepare(
        "SELECT f.path, o.participant, f.part FROM occurrences o \
         JOIN files f ON f.id = o.file_id WHERE o.person = ?1 ORDER BY f.path, f.part",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            absolute(folder, &r.get::<_, String>(0)?),
            count(r.get(2)?),
            ParticipantId::from(count(r.get(1)?)),
        ))
    })?;
    rows.collect()
}
