//! The database's tables, as a user sees them in any SQLite tool (README.md, "The library
//! index", documents them). The database is a cache of the folder's files, never the only
//! copy of anything: a file of another schema version is set aside and rebuilt.

/// `PRAGMA user_version` of the schema this build reads and writes.
pub const SCHEMA_VERSION: i32 = 3;

/// A passage's row id is its file's row id shifted left by this many bits plus its
/// ordinal, so a full-text match names its file without a look-up in `passages` (a file
/// is at most 512 MB, far fewer than 2^32 passages).
pub const PASSAGE_ID_SHIFT: u32 = 32;

/// The row id of passage `ordinal` of file `file_id`.
pub fn passage_id(file_id: i64, ordinal: i64) -> i64 {
    (file_id << PASSAGE_ID_SHIFT) | ordinal
}

/// The row ids of every passage of file `file_id`: a file's passages are this range, so
/// they are found and deleted by row id, with no index of their own.
pub fn passages_of(file_id: i64) -> std::ops::RangeInclusive<i64> {
    passage_id(file_id, 0)..=passage_id(file_id, (1 << PASSAGE_ID_SHIFT) - 1)
}

/// The file row id a passage row id holds.
pub fn file_of_passage(passage: i64) -> i64 {
    passage >> PASSAGE_ID_SHIFT
}

/// The `kind` numbers of `passages`, with the names the `passage_kinds` table gives them.
pub const PASSAGE_KINDS: &[(i64, &str)] = &[
    (0, "title"),
    (1, "dateline"),
    (2, "lead"),
    (3, "heading"),
    (4, "paragraph"),
    (5, "attendees intro"),
    (6, "attendee"),
    (7, "attendees outro"),
    (8, "speech"),
    (9, "caption"),
    (10, "credit"),
    (11, "tag heading"),
    (12, "tags"),
];

/// Creates every table of an empty database (run inside a transaction).
pub const CREATE: &str = "
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    part INTEGER NOT NULL DEFAULT 0,
    size INTEGER NOT NULL,
    mtime INTEGER NOT NULL,
    hash INTEGER NOT NULL,
    content_key TEXT NOT NULL,
    corrections INTEGER NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    time TEXT,
    place TEXT,
    language TEXT NOT NULL,
    speeches INTEGER NOT NULL,
    photos INTEGER NOT NULL,
    words INTEGER NOT NULL,
    error TEXT,
    error_kind TEXT,
    UNIQUE (path, part)
);

CREATE TABLE participants (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    participant INTEGER NOT NULL,
    name TEXT,
    role TEXT,
    aliases TEXT NOT NULL,
    generic INTEGER NOT NULL,
    speeches INTEGER NOT NULL,
    words INTEGER NOT NULL,
    photos INTEGER NOT NULL,
    questions_asked INTEGER NOT NULL,
    questions_answered INTEGER NOT NULL,
    folded TEXT NOT NULL,
    PRIMARY KEY (file_id, participant)
) WITHOUT ROWID;

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT,
    role TEXT,
    aliases TEXT NOT NULL,
    generic INTEGER NOT NULL,
    files INTEGER NOT NULL,
    speeches INTEGER NOT NULL,
    words INTEGER NOT NULL,
    photos INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    folded TEXT NOT NULL
);

CREATE TABLE occurrences (
    person INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    participant INTEGER NOT NULL,
    PRIMARY KEY (person, file_id, participant)
) WITHOUT ROWID;
CREATE INDEX occurrences_by_file ON occurrences(file_id, participant);

CREATE TABLE passage_kinds (
    kind INTEGER PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE passages (
    id INTEGER PRIMARY KEY,
    file_id INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    kind INTEGER NOT NULL REFERENCES passage_kinds(kind),
    a INTEGER NOT NULL,
    b INTEGER NOT NULL,
    speaker INTEGER,
    text TEXT NOT NULL
);

CREATE TABLE speeches (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    speech INTEGER NOT NULL,
    speaker INTEGER NOT NULL,
    ordinal INTEGER NOT NULL,
    words INTEGER NOT NULL,
    first_passage INTEGER,
    paragraphs INTEGER NOT NULL,
    PRIMARY KEY (file_id, speech)
) WITHOUT ROWID;

CREATE TABLE photos (
    file_id INTEGER NOT NULL REFERENCES files(id) ON DELETE CASCADE,
    photo INTEGER NOT NULL,
    number INTEGER NOT NULL,
    caption TEXT NOT NULL,
    credit TEXT,
    people TEXT NOT NULL,
    PRIMARY KEY (file_id, photo)
) WITHOUT ROWID;

CREATE VIRTUAL TABLE passages_fts USING fts5(
    text,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 0'
);
";
