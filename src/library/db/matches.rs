//! Walking a search's full-text matches: every match counted per file, and the best
//! hits of each file kept, ranked by bm25 unless there are too many to rank in time.
//!
//! Two passes. The first reads only row ids (no ranking): it counts every match and
//! keeps each file's first hits. bm25 is costly even for a few rows of a common word (it
//! walks every match of each term in the whole library to weigh it, then looks up each
//! passage's length), so the second pass, which ranks, runs only when the first found at
//! most [`RANK_LIMIT`] matches.
//!
//! The date and language filters become the set of files they allow, checked once per
//! file in Rust, and the lowest and highest row ids of those files, which FTS5 takes as a
//! `rowid BETWEEN` constraint and so skips the matches outside (files are numbered in
//! the order first indexed, so a library in dated folders gives a date filter a narrow
//! range).

use std::collections::{HashMap, HashSet};
use std::path::Path;

use rusqlite::{Connection, params_from_iter};

use super::hits::{SearchOptions, people_pairs};
use super::query::Query;
use super::schema::{PASSAGE_ID_SHIFT, file_of_passage};

/// Above this many matching passages a search counts every one but ranks none: files are
/// listed by how many hits they hold, each with its first hits (see the module's doc).
pub const RANK_LIMIT: usize = 20_000;

/// Per file while matches are counted.
#[derive(Default)]
pub(super) struct Tally {
    /// Matches in the file.
    pub total: usize,
    /// The best bm25 rank of its matches (0 when unranked).
    pub best: f64,
    /// (rank, passage id), the best `hits_per_file` (the first ones when unranked).
    pub top: Vec<(f64, i64)>,
}

/// What the walk over the matches gave.
#[derive(Default)]
pub(super) struct Matches {
    /// Matching passages across the library.
    pub total: usize,
    /// Per file row id.
    pub tallies: HashMap<i64, Tally>,
    /// Whether the hits were ranked by bm25 (see [`RANK_LIMIT`]).
    pub ranked: bool,
}

/// Counts and keeps the matches of `query` that pass its filters and `options.people`.
pub(super) fn collect(
    conn: &Connection,
    folder: &Path,
    query: &Query,
    options: &SearchOptions,
) -> rusqlite::Result<Matches> {
    let Some(filter) = Filter::new(conn, folder, query, options)? else {
        return Ok(Matches::default());
    };
    let keep = options.hits_per_file;
    // First pass: row ids only, the file filter checked here rather than in SQL (SQLite's
    // `IN` per match cost more than the walk itself).
    let mut found = Matches::default();
    {
        let sql = format!(
            "SELECT f.rowid FROM passages_fts f WHERE passages_fts MATCH ?1{}",
            filter.sql(false)
        );
        let mut stmt = conn.prepare(&sql)?;
        // Without the file test the statement may use fewer of the arguments.
        let used = stmt.parameter_count().min(filter.args.len());
        let mut rows = stmt.query(params_from_iter(filter.args[..used].iter()))?;
        // Row ids come in order, a file's together: the file's tally and whether the
        // filter allows it are looked up once per file, not once per match.
        let mut current: Option<(i64, bool, Tally)> = None;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let file = file_of_passage(id);
            if current.as_ref().is_none_or(|c| c.0 != file) {
                if let Some((done, true, tally)) = current.take() {
                    merge(&mut found, done, tally, keep);
                }
                let allowed = filter.files.as_ref().is_none_or(|f| f.contains(&file));
                current = Some((file, allowed, Tally::default()));
            }
            let Some((_, true, t)) = current.as_mut() else {
                continue;
            };
            found.total += 1;
            t.total += 1;
            // These are the file's first hits.
            if t.top.len() < keep {
                t.top.push((0.0, id));
            }
        }
        if let Some((done, true, tally)) = current {
            merge(&mut found, done, tally, keep);
        }
    }
    if found.total == 0 || found.total > options.rank_limit {
        return Ok(found);
    }
    // Second pass: ranked, the file filter in SQL so that bm25 runs only on the matches
    // that pass it.
    let sql = format!(
        "SELECT f.rowid, bm25(passages_fts) FROM passages_fts f WHERE passages_fts MATCH ?1{}",
        filter.sql(true)
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query(params_from_iter(filter.args.iter()))?;
    let mut ranked = Matches {
        ranked: true,
        ..Matches::default()
    };
    while let Some(r) = rows.next()? {
        let (id, rank): (i64, f64) = (r.get(0)?, r.get(1)?);
        ranked.total += 1;
        let t = ranked.tallies.entry(file_of_passage(id)).or_insert(Tally {
            best: f64::INFINITY,
            ..Tally::default()
        });
        t.total += 1;
        t.best = t.best.min(rank);
        if t.top.len() < keep {
            t.top.push((rank, id));
        } else if let Some(worst) = t
            .top
            .iter_mut()
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .filter(|w| w.0 > rank)
        {
            *worst = (rank, id);
        }
    }
    Ok(ranked)
}

/// Adds a file's tally from the first pass (FTS5 gives row ids in order, so a file comes
/// once; merging keeps the counts right if it ever came twice).
fn merge(found: &mut Matches, file: i64, tally: Tally, keep: usize) {
    let t = found.tallies.entry(file).or_default();
    t.total += tally.total;
    t.top.extend(tally.top);
    t.top.sort_by_key(|&(_, id)| id);
    t.top.truncate(keep);
}

/// A query's filters, ready for both passes.
struct Filter {
    /// The statement's arguments: the FTS5 expression, then the filters' values.
    args: Vec<String>,
    /// The files the date and language filters allow (none: every file).
    files: Option<HashSet<i64>>,
    /// The SQL test of those files, for the ranked pass.
    files_sql: Option<String>,
    /// The speaker and people tests, for both passes.
    speaker_sql: String,
    /// Lowest and highest passage row id that can match.
    rowids: Option<(i64, i64)>,
}

impl Filter {
    /// The filters of `query` and `options`; `None` when they allow no file at all.
    fn new(
        conn: &Connection,
        folder: &Path,
        query: &Query,
        options: &SearchOptions,
    ) -> rusqlite::Result<Option<Self>> {
        let mut args: Vec<String> = vec![query.fts_expression()];
        let file_of = format!("(f.rowid >> {PASSAGE_ID_SHIFT})");
        let mut tests = Vec::new();
        for (value, test) in [
            (&query.from, "date >= "),
            (&query.to, "date <= "),
            (&query.language, "language = "),
        ] {
            if let Some(value) = value {
                args.push(value.clone());
                tests.push(format!("{test}?{}", args.len()));
            }
        }
        let mut files = None;
        let mut files_sql = None;
        let mut bounds: Option<(i64, i64)> = None;
        if !tests.is_empty() {
            // The tests number their arguments from 2, as in the full-text statement; the
            // first argument is bound here too though unused.
            let which = format!("SELECT id FROM files WHERE {}", tests.join(" AND "));
            let mut stmt = conn.prepare(&which)?;
            let ids = stmt
                .query_map(params_from_iter(args.iter()), |r| r.get::<_, i64>(0))?
                .collect::<rusqlite::Result<HashSet<i64>>>()?;
            let (Some(&lo), Some(&hi)) = (ids.iter().min(), ids.iter().max()) else {
                return Ok(None);
            };
            bounds = Some((lo, hi));
            files = Some(ids);
            files_sql = Some(format!(" AND {file_of} IN ({which})"));
        }
        let mut speaker_sql = String::new();
        let speaker_of = "(SELECT speaker FROM passages WHERE id = f.rowid)";
        if let Some(speaker) = &query.speaker {
            // Whose speeches these are, first: none means no hit, and their files bound
            // the row ids.
            let mut stmt = conn.prepare_cached(
                "SELECT min(file_id), max(file_id) FROM participants WHERE instr(folded, ?1) > 0",
            )?;
            let (lo, hi) = stmt.query_row([speaker], |r| {
                Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<i64>>(1)?))
            })?;
            let (Some(lo), Some(hi)) = (lo, hi) else {
                return Ok(None);
            };
            bounds = Some(bounds.map_or((lo, hi), |(a, b)| (a.max(lo), b.min(hi))));
            args.push(speaker.clone());
            let who = format!(
                "SELECT file_id, participant FROM participants WHERE instr(folded, ?{}) > 0",
                args.len()
            );
            speaker_sql.push_str(&format!(
                " AND {file_of} IN (SELECT file_id FROM ({who})) \
                 AND ({file_of}, {speaker_of}) IN ({who})"
            ));
        }
        if !options.people.is_empty() {
            let pairs = people_pairs(conn, folder, &options.people)?;
            let (Some(lo), Some(hi)) = (
                pairs.iter().map(|p| p.0).min(),
                pairs.iter().map(|p| p.0).max(),
            ) else {
                return Ok(None);
            };
            bounds = Some(bounds.map_or((lo, hi), |(a, b)| (a.max(lo), b.min(hi))));
            // Integers only, so they can be written into the statement.
            let files: Vec<String> = pairs.iter().map(|(f, _)| f.to_string()).collect();
            let values: Vec<String> = pairs.iter().map(|(f, p)| format!("({f},{p})")).collect();
            speaker_sql.push_str(&format!(
                " AND {file_of} IN ({}) AND ({file_of}, {speaker_of}) IN (VALUES {})",
                files.join(","),
                values.join(",")
            ));
        }
        let rowids = match bounds {
            Some((lo, hi)) if lo > hi => return Ok(None),
            // The first and last passage ids of those files; the shift keeps a file's
            // passages together (see `schema::passage_id`).
            Some((lo, hi)) => Some((
                lo.saturating_mul(1 << PASSAGE_ID_SHIFT),
                hi.saturating_add(1)
                    .saturating_mul(1 << PASSAGE_ID_SHIFT)
                    .saturating_sub(1),
            )),
            None => None,
        };
        Ok(Some(Self {
            args,
            files,
            files_sql,
            speaker_sql,
            rowids,
        }))
    }

    /// The filters' SQL after the `MATCH`: the row id range (integers, written into the
    /// statement so FTS5 sees constants), the speaker tests, and with `with_files` the
    /// date and language test.
    fn sql(&self, with_files: bool) -> String {
        let mut sql = String::new();
        if let Some((lo, hi)) = self.rowids {
            sql.push_str(&format!(" AND f.rowid BETWEEN {lo} AND {hi}"));
        }
        if with_files && let Some(files) = &self.files_sql {
            sql.push_str(files);
        }
        sql.push_str(&self.speaker_sql);
        sql
    }
}
