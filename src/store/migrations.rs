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

/// Schema 3 (self-review): stable `uid`s so a backup merges into another store without
/// duplicating; indexes for the history filters and a covering one for progress (the answer
/// rows are long, so reading them for aggregates would touch every page); `answer_marks`, the
/// points and sections of each main answer's scorecard as rows, so "missed most often" is a
/// `GROUP BY` rather than 40,000 JSON documents parsed; `schedule` (FSRS, one card per
/// question) and `settings`. `backfill_v3` fills the new tables from the answers already there.
const V3: &str = "
ALTER TABLE sessions ADD COLUMN uid TEXT;
ALTER TABLE answers ADD COLUMN uid TEXT;
UPDATE sessions SET uid = lower(hex(randomblob(16)));
UPDATE answers SET uid = lower(hex(randomblob(16)));
CREATE UNIQUE INDEX sessions_by_uid ON sessions(uid);
CREATE UNIQUE INDEX answers_by_uid ON answers(uid);
-- Every row gets a uid, whoever inserts it.
CREATE TRIGGER sessions_uid AFTER INSERT ON sessions WHEN NEW.uid IS NULL BEGIN
    UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE TRIGGER answers_uid AFTER INSERT ON answers WHEN NEW.uid IS NULL BEGIN
    UPDATE answers SET uid = lower(hex(randomblob(16))) WHERE id = NEW.id;
END;
CREATE INDEX answers_by_bank ON answers(bank_id, session_id);
CREATE INDEX answers_by_category ON answers(category, session_id);
CREATE INDEX answers_for_progress ON answers(followup, session_id, category, bank_id,
    question_id, attempt, seconds_used, total, content, structure, delivery);
CREATE TABLE answer_marks (
    answer_id INTEGER NOT NULL REFERENCES answers(id),
    kind      TEXT    NOT NULL,  -- 'point' or 'section'
    idx       INTEGER NOT NULL,  -- its place in the scorecard
    name      TEXT    NOT NULL,
    hit       INTEGER NOT NULL,  -- earned / found
    required  INTEGER NOT NULL,  -- a required point / a non-optional section
    PRIMARY KEY (answer_id, kind, idx)
) WITHOUT ROWID;
CREATE INDEX marks_by_name ON answer_marks(kind, name, hit, required);
CREATE TABLE schedule (
    question_id    TEXT PRIMARY KEY,  -- full id, bank/question
    due            INTEGER NOT NULL,
    stability      REAL    NOT NULL,
    difficulty     REAL    NOT NULL,
    elapsed_days   INTEGER NOT NULL,
    scheduled_days INTEGER NOT NULL,
    reps           INTEGER NOT NULL,
    lapses         INTEGER NOT NULL,
    state          INTEGER NOT NULL,  -- rs-fsrs State: 0 new, 1 learning, 2 review, 3 relearning
    last_review    INTEGER NOT NULL,
    last_total     INTEGER NOT NULL
);
CREATE INDEX schedule_by_due ON schedule(due);
CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
";

/// Schema 4 (tutors): which assignment set a session was taken from (id and checksum, so
/// `set export` finds the latest session of a set), and the hand grades a tutor sent back,
/// one per session, question and grader, so history can show them.
const V4: &str = "
ALTER TABLE sessions ADD COLUMN set_id TEXT;
ALTER TABLE sessions ADD COLUMN set_checksum TEXT;
CREATE INDEX sessions_by_set ON sessions(set_id, started_at);
CREATE TABLE grades (
    session_id  INTEGER NOT NULL REFERENCES sessions(id),
    question_id TEXT    NOT NULL,  -- full id, bank/question
    grader      TEXT    NOT NULL,
    scores_json TEXT    NOT NULL,  -- {dimension: points}
    overall     INTEGER NOT NULL,
    comment     TEXT    NOT NULL,
    graded_at   INTEGER NOT NULL,
    digest      TEXT    NOT NULL,
    PRIMARY KEY (session_id, question_id, grader)
);
";

/// Schema 5 (progress at 10,000 sessions): `mark_counts` keeps, per point and section name,
/// how often it was asked for and missed, so the unfiltered "missed most often" reads a few
/// hundred rows instead of grouping every mark. A trigger keeps it in step with
/// `answer_marks` whoever inserts (saving, importing); the existing marks are counted here.
const V5: &str = "
CREATE TABLE mark_counts (
    kind            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    asked           INTEGER NOT NULL,
    missed          INTEGER NOT NULL,
    missed_required INTEGER NOT NULL,
    PRIMARY KEY (kind, name)
) WITHOUT ROWID;
INSERT INTO mark_counts (kind, name, asked, missed, missed_required)
    SELECT kind, name, COUNT(*), SUM(hit = 0), SUM(hit = 0 AND required)
    FROM answer_marks GROUP BY kind, name;
CREATE TRIGGER mark_counted AFTER INSERT ON answer_marks BEGIN
    INSERT INTO mark_counts (kind, name, asked, missed, missed_required)
        VALUES (NEW.kind, NEW.name, 1, NEW.hit = 0, NEW.hit = 0 AND NEW.required)
        ON CONFLICT (kind, name) DO UPDATE SET
            asked = asked + 1,
            missed = missed + excluded.missed,
            missed_required = missed_required + excluded.missed_required;
END;
CREATE TRIGGER mark_uncounted AFTER DELETE ON answer_marks BEGIN
    UPDATE mark_counts SET asked = asked - 1, missed = missed - (OLD.hit = 0),
        missed_required = missed_required - (OLD.hit = 0 AND OLD.required)
    WHERE kind = OLD.kind AND name = OLD.name;
END;
";

/// Schema 6: a draft keeps the seconds already spent answering, so an answer restored after a
/// crash goes on timing from there instead of from zero.
const V6: &str = "
ALTER TABLE drafts ADD COLUMN seconds_used INTEGER NOT NULL DEFAULT 0;
";

/// Every migration, in order; migration `i` brings a store from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[V1, V2, V3, V4, V5, V6];

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
            backfill(&tx, from)?;
        }
    }
    if found < target {
        tx.pragma_update(None, "user_version", target)?;
    }
    tx.commit()?;
    Ok(Migrated::UpToDate)
}

/// The Rust half of a migration: fills tables that SQL alone cannot derive.
fn backfill(conn: &Connection, from: i64) -> rusqlite::Result<()> {
    match from {
        2 => backfill_v3(conn),
        _ => Ok(()),
    }
}

/// Schema 3: the marks of every main answer from its scorecard, and the schedule replayed from
/// every first attempt in the order they were given, as if it had existed all along.
fn backfill_v3(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt =
        conn.prepare("SELECT id, scorecard_json FROM answers WHERE followup IS NULL ORDER BY id")?;
    let cards = stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    for row in cards {
        let (id, json) = row?;
        // An unreadable scorecard is reported when its session is read; it just has no marks.
        if let Ok(card) = serde_json::from_str::<crate::scoring::Scorecard>(&json) {
            super::marks::insert(conn, id, &card)?;
        }
    }
    let mut stmt = conn.prepare(
        "SELECT question_id, total, created_at FROM answers
         WHERE followup IS NULL AND attempt = 1 ORDER BY created_at, id",
    )?;
    let reviews = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, u8>(1)?,
            r.get::<_, i64>(2)?,
        ))
    })?;
    for row in reviews {
        let (question, total, at) = row?;
        super::schedule::record(conn, &question, total, at)?;
    }
    Ok(())
}
