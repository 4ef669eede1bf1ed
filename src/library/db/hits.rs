//! Full-text search of a library through its FTS5 index: every match counted, ranked by
//! bm25 (unless there are too many, see [`super::RANK_LIMIT`]), grouped by file (the best-ranked file first), each listed hit with its speaker,
//! paragraph, place in the transcript (to open the file on it) and a snippet of the
//! original text.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};

use super::extract::place_of;
use super::matches::collect;
use super::query::Query;
use super::snippet::{Snippet, snippet};
use super::store::{absolute, count, int, relative};
use crate::model::ParticipantId;
use crate::search::Place;

/// How many files and hits a search lists (all are counted).
#[derive(Clone, Debug)]
pub struct SearchOptions {
    /// Files listed, best first.
    pub max_files: usize,
    /// Hits listed per file, in document order (the best-ranked ones).
    pub hits_per_file: usize,
    /// When not empty, only speeches of these participants (a person chosen across the
    /// library: file and participant id).
    pub people: Vec<super::PersonAt>,
    /// Above this many matches, files are listed by their number of hits instead of
    /// ranked (see [`RANK_LIMIT`](super::RANK_LIMIT), the default).
    pub rank_limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        Self {
            max_files: 500,
            hits_per_file: 5,
            people: Vec::new(),
            rank_limit: super::RANK_LIMIT,
        }
    }
}

/// One listed hit.
#[derive(Clone, Debug, PartialEq)]
pub struct LibraryHit {
    /// The passage's row id.
    pub passage: i64,
    /// Its position among the file's searchable passages, from 1.
    pub paragraph: usize,
    /// Where it is in the transcript (what the viewer opens the file on).
    pub place: Place,
    /// The speaker's participant id, in a speech.
    pub participant: Option<ParticipantId>,
    /// Where it is in words: the speaker's name, "Caption 7", "Narrative"…
    pub label: String,
    /// The speaker's name (or role), in a speech.
    pub speaker: Option<String>,
    /// The original text around the match, words marked.
    pub snippet: Snippet,
    /// bm25 rank (lower is better).
    pub rank: f64,
}

/// The hits in one file.
#[derive(Clone, Debug, PartialEq)]
pub struct HitFile {
    /// The file.
    pub path: PathBuf,
    /// The sitting of a corpus file, from 1 (0: the whole file).
    pub part: usize,
    /// Its title (the file name when untitled).
    pub title: String,
    /// Its date.
    pub date: Option<String>,
    /// Matching passages in the file.
    pub total: usize,
    /// The best rank of its hits.
    pub best: f64,
    /// The listed hits, in document order.
    pub hits: Vec<LibraryHit>,
}

/// What a search found.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HitList {
    /// Matching passages across the library.
    pub total: usize,
    /// Files with at least one match.
    pub total_files: usize,
    /// The listed files, best first.
    pub files: Vec<HitFile>,
    /// The query as parsed (its terms mark the snippets).
    pub query: Query,
    /// Whether files and hits are ranked by bm25. A search with more than
    /// [`RANK_LIMIT`](super::RANK_LIMIT) matches still counts them all but lists the
    /// files with the most hits first, each with its first hits (ranks then 0).
    pub ranked: bool,
}

impl HitList {
    /// Every listed hit with its file, files in rank order.
    pub fn hits(&self) -> impl Iterator<Item = (&HitFile, &LibraryHit)> {
        self.files
            .iter()
            .flat_map(|f| f.hits.iter().map(move |h| (f, h)))
    }
}

/// Searches the library of `folder` whose database `conn` is.
pub fn search_library(
    conn: &Connection,
    folder: &Path,
    query: &Query,
    options: &SearchOptions,
) -> rusqlite::Result<HitList> {
    let mut out = HitList {
        query: query.clone(),
        ..HitList::default()
    };
    if query.is_empty() {
        return Ok(out);
    }
    let found = collect(conn, folder, query, options)?;
    out.total = found.total;
    out.ranked = found.ranked;
    let tallies = found.tallies;
    out.total_files = tallies.len();
    let mut files: Vec<(i64, _)> = tallies.into_iter().collect();
    if out.ranked {
        files.sort_by(|a, b| a.1.best.total_cmp(&b.1.best).then(a.0.cmp(&b.0)));
    } else {
        // Too many to rank: the files with the most hits first.
        files.sort_by(|a, b| b.1.total.cmp(&a.1.total).then(a.0.cmp(&b.0)));
    }
    files.truncate(options.max_files);
    let mut file_row =
        conn.prepare_cached("SELECT path, title, date, part FROM files WHERE id = ?1")?;
    let mut hit_row = conn.prepare_cached(
        "SELECT p.ordinal, p.kind, p.a, p.b, p.speaker, p.text, pp.name, pp.role, ph.number \
         FROM passages p \
         LEFT JOIN participants pp ON pp.file_id = p.file_id AND pp.participant = p.speaker \
         LEFT JOIN photos ph ON ph.file_id = p.file_id AND ph.photo = p.a AND p.kind IN (9, 10) \
         WHERE p.id = ?1",
    )?;
    for (file_id, tally) in files {
        let Some((rel, title, date, part)) = file_row
            .query_row([file_id], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?,
                    count(r.get(3)?),
                ))
            })
            .optional()?
        else {
            continue;
        };
        let path = absolute(folder, &rel);
        let title = if title.trim().is_empty() {
            path.file_name()
                .map_or_else(|| rel.clone(), |n| n.to_string_lossy().into_owned())
        } else {
            title
        };
        let mut hits = Vec::with_capacity(tally.top.len());
        for (rank, passage) in tally.top {
            let row = hit_row
                .query_row([passage], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        (
                            r.get::<_, i64>(1)?,
                            r.get::<_, i64>(2)?,
                            r.get::<_, i64>(3)?,
                        ),
                        r.get::<_, Option<i64>>(4)?,
                        r.get::<_, String>(5)?,
                        r.get::<_, Option<String>>(6)?,
                        r.get::<_, Option<String>>(7)?,
                        r.get::<_, Option<i64>>(8)?,
                    ))
                })
                .optional()?;
            let Some((ordinal, (kind, a, b), speaker, text, name, role, number)) = row else {
                continue;
            };
            let Some(place) = place_of(kind, a, b) else {
                continue;
            };
            let speaker_name = name.or(role).filter(|n| !n.trim().is_empty());
            let label = label_of(place, speaker_name.as_deref(), number);
            hits.push(LibraryHit {
                passage,
                paragraph: count(ordinal) + 1,
                place,
                participant: speaker.map(|s| ParticipantId::from(count(s))),
                label,
                speaker: speaker_name,
                snippet: snippet(&text, &query.terms),
                rank,
            });
        }
        hits.sort_by_key(|h| h.paragraph);
        out.files.push(HitFile {
            path,
            part,
            title,
            date,
            total: tally.total,
            best: tally.best,
            hits,
        });
    }
    Ok(out)
}

/// The (file row id, participant) pairs of `people`, for files the database holds.
pub(crate) fn people_pairs(
    conn: &Connection,
    folder: &Path,
    people: &[super::PersonAt],
) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut id_of = conn.prepare_cached("SELECT id FROM files WHERE path = ?1 AND part = ?2")?;
    let mut out = Vec::with_capacity(people.len());
    for (path, part, participant) in people {
        let rel = relative(folder, path);
        let found = id_of
            .query_row(rusqlite::params![rel, int(*part)], |r| r.get::<_, i64>(0))
            .optional()?;
        if let Some(id) = found {
            out.push((id, int(participant.index())));
        }
    }
    Ok(out)
}

/// Where a hit is, in words (as [`crate::search::place_label`] says it for an open file).
fn label_of(place: Place, speaker: Option<&str>, photo_number: Option<i64>) -> String {
    let number = photo_number.unwrap_or(0);
    match place {
        Place::Title { .. } => "Title".to_owned(),
        Place::Dateline { .. } => "Dateline".to_owned(),
        Place::Lead { .. } => "Lead".to_owned(),
        Place::Heading { .. } => "Heading".to_owned(),
        Place::Paragraph { .. } => "Narrative".to_owned(),
        Place::AttendeesIntro { .. } | Place::Attendee { .. } | Place::AttendeesOutro { .. } => {
            "Attendees".to_owned()
        }
        Place::Speech { .. } => speaker.unwrap_or("Speech").to_owned(),
        Place::Caption { .. } => format!("Caption {number}"),
        Place::Credit { .. } => format!("Photo {number} credit"),
        Place::TagHeading { .. } | Place::Tags { .. } => "Tags".to_owned(),
    }
}
