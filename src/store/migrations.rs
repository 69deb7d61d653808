//! The store's schema, as an ordered list of migrations. `PRAGMA user_version` records how
//! many have been applied, so a newer mianba opens an older store and brings it up to date.
//! A released migration is never edited: change the schema by appending one.

use rusqlite::{Connection, TransactionBehavior};

/// Schema 1: sessions, answers (follow-ups point at their parent) and drafts.
const V1: &str = "
CREATE TABLE sessions (
    id          INTEGER PRIMARY KEY,
    started_at  INTEGER NOT NULL,
    finished_at INTEGER,
    mode        TEXT    NOT NULL,
    preset      TEXT,
    seed        INTEGER NOT NULL,  -- a u64 stored by its bits
    banks       TEXT    NOT NULL,  -- JSON array of bank ids
    lang        TEXT    NOT NULL
);
CREATE TABLE answers (
    id               INTEGER PRIMARY KEY,
    session_id       INTEGER NOT NULL REFERENCES sessions(id),
    parent_answer_id INTEGER REFERENCES answers(id),
    question_id      TEXT    NOT NULL,
    followup         INTEGER,
    bank_id          TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    prompt           TEXT    NOT NULL,
    answer_text      TEXT    NOT NULL,
    seconds_used     INTEGER NOT NULL,
    total            INTEGER NOT NULL,
    content          INTEGER NOT NULL,
    structure        INTEGER NOT NULL,
    delivery         INTEGER NOT NULL,
    scorecard_json   TEXT    NOT NULL,
    mode             TEXT    NOT NULL,
    created_at       INTEGER NOT NULL
);
CREATE TABLE drafts (
    key         TEXT PRIMARY KEY,
    session_id  INTEGER,
    question_id TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    updated_at  INTEGER NOT NULL
);
";

/// Schema 2: practice retries are numbered; drafts carry their follow-up and a revision
/// counter (two saves in the same second still order correctly); indexes for the history
/// (the answers index carries `total`, so a session's average never reads the answer rows).
const V2: &str = "
ALTER TABLE answers ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
ALTER TABLE drafts ADD COLUMN followup INTEGER;
ALTER TABLE drafts ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
CREATE INDEX answers_by_session ON answers(session_id, followup, question_id, total);
CREATE INDEX sessions_by_start ON sessions(started_at);
";

/// Every migration, in order; migration `i` brings a store from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2];

/// The schema version this mianba writes.
pub fn latest() -> i64 {
    MIGRATIONS.len() as i64
}

/// What `PRAGMA user_version` says.
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

/// Outcome of `migrate` when the store is newer than this program.
#[derive(Debug, PartialEq, Eq)]
pub enum Migrated {
    UpToDate,
    TooNew(i64),
}

/// Applies the missing migrations (up to `target`) in one transaction. The write lock is taken
/// before the version is re-read, so two programs opening an old store at once migrate it once.
pub fn migrate_to(conn: &mut Connection, target: i64) -> rusqlite::Result<Migrated> {
    let found = version(conn)?;
    if found > latest() {
        return Ok(Migrated::TooNew(found));
    }
    if found >= target {
        return Ok(Migrated::UpToDate);
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found = version(&tx)?;
    for (from, sql) in MIGRATIONS.iter().enumerate() {
        let from = from as i64;
        if from >= found && from < target {
            tx.execute_batch(sql)?;
        }
    }
    if found < target {
        tx.pragma_update(None, "user_version", target)?;
    }
    tx.commit()?;
    Ok(Migrated::UpToDate)
}
