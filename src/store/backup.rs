//! Backup: the whole store as one JSON file (`mianba export FILE` / `mianba import FILE`).
//!
//! The file holds every row of sessions, answers, drafts, schedule, settings and tutors' grades;
//! `answer_marks`
//! is derived from the scorecards and rebuilt on import. Rows refer to each other by `uid`, not
//! by row id, so a backup merges into a store that already has data:
//! - a session or answer whose uid is already there is kept as it is (importing the same file
//!   twice adds nothing); new answers of a known session join it;
//! - a row keeps its id when that id is free and in range (1 to `MAX_ROW_ID`, so a round
//!   trip into an empty store gives the same rows, ids included), else it gets a new one and
//!   references follow — the uid is the identity, the id only a local number;
//! - a draft replaces the one under the same key only when newer; a schedule card replaces the
//!   question's card only when reviewed later; a grade replaces the same grader's grade of the
//!   same question only when given later; a setting already set here is kept.
//!
//! The file is untrusted: size limit, format and version checked first, every type and
//! reference checked before anything is written, and the import is one transaction — it
//! happens whole or not at all.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params};
use serde::{Deserialize, Serialize};

use super::InStore;
use super::schedule::{self, ScheduleEntry};
use super::sessions::{answer_columns, answer_placeholders, seed_to_sql};
use super::{
    AnswerFields, Draft, SessionFields, SessionId, Store, StoreError, StoreResult, migrations,
};
use crate::files::{Kept, ReadCapped, WriteRules, check_target, read_capped, write_with};
use crate::scoring::Scorecard;

/// The `format` field of every backup.
pub const BACKUP_FORMAT: &str = "mianba-backup";
/// The backup layout this mianba writes and the newest it reads.
pub const BACKUP_VERSION: u32 = 1;
/// The largest row id an import keeps: ids are numbers people type (`mianba report 12`), and
/// a huge one would make SQLite number every later row after it. Ids outside 1..=this are
/// re-assigned.
pub const MAX_ROW_ID: i64 = 999_999_999;
/// Times are Unix seconds from 1970 to 2100; anything else is no time mianba wrote.
const LAST_TIME: i64 = 4_102_444_800;
/// Larger files are refused unread (10,000 sessions export to well under a tenth of this).
pub const MAX_BACKUP_BYTES: u64 = 1 << 30;
/// Every table of the store and its columns, as the backup knows them: each is carried by the
/// file, or derived again on import (`answer_marks`, `mark_counts`). A migration that adds a
/// table or a column must add it here and to the backup (a test compares this with the schema).
pub const COVERED: &[(&str, &[&str])] = &[
    (
        "answer_marks",
        &["answer_id", "kind", "idx", "name", "hit", "required"],
    ),
    (
        "answers",
        &[
            "id",
            "session_id",
            "parent_answer_id",
            "question_id",
            "followup",
            "bank_id",
            "category",
            "prompt",
            "answer_text",
            "seconds_used",
            "total",
            "content",
            "structure",
            "delivery",
            "scorecard_json",
            "mode",
            "created_at",
            "attempt",
            "uid",
        ],
    ),
    (
        "drafts",
        &[
            "key",
            "session_id",
            "question_id",
            "text",
            "updated_at",
            "followup",
            "rev",
            "seconds_used",
        ],
    ),
    (
        "grades",
        &[
            "session_id",
            "question_id",
            "grader",
            "scores_json",
            "overall",
            "comment",
            "graded_at",
            "digest",
        ],
    ),
    (
        "mark_counts",
        &["kind", "name", "asked", "missed", "missed_required"],
    ),
    (
        "schedule",
        &[
            "question_id",
            "due",
            "stability",
            "difficulty",
            "elapsed_days",
            "scheduled_days",
            "reps",
            "lapses",
            "state",
            "last_review",
            "last_total",
        ],
    ),
    (
        "sessions",
        &[
            "id",
            "started_at",
            "finished_at",
            "mode",
            "preset",
            "seed",
            "banks",
            "lang",
            "uid",
            "set_id",
            "set_checksum",
        ],
    ),
    ("settings", &["key", "value"]),
];

/// Longest uid accepted (mianba writes 32 hex digits).
const MAX_UID: usize = 64;

/// The whole store. Field names are the file format (documented in the README).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    /// Always `BACKUP_FORMAT`.
    pub format: String,
    pub version: u32,
    /// The store schema (`PRAGMA user_version`) it was exported from.
    pub schema: i64,
    pub sessions: Vec<SessionRow>,
    pub answers: Vec<AnswerRow>,
    pub drafts: Vec<DraftRow>,
    pub schedule: Vec<ScheduleEntry>,
    pub settings: Vec<SettingRow>,
    pub grades: Vec<GradeRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRow {
    pub id: i64,
    pub uid: String,
    #[serde(flatten)]
    pub fields: SessionFields,
    /// The assignment set it was taken from, and that set's checksum.
    pub set_id: Option<String>,
    pub set_checksum: Option<String>,
}

impl std::ops::Deref for SessionRow {
    type Target = SessionFields;
    fn deref(&self) -> &SessionFields {
        &self.fields
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRow {
    pub id: i64,
    pub uid: String,
    pub session_uid: String,
    /// The main answer a follow-up followed.
    pub parent_uid: Option<String>,
    #[serde(flatten)]
    pub fields: AnswerFields,
    pub total: u8,
    pub content: u8,
    pub structure: u8,
    pub delivery: u8,
    /// The scorecard exactly as stored: a JSON document in a string, so not a byte changes.
    pub scorecard_json: String,
}

impl std::ops::Deref for AnswerRow {
    type Target = AnswerFields;
    fn deref(&self) -> &AnswerFields {
        &self.fields
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftRow {
    pub key: String,
    /// The row id it had (kept when its session is not in the file).
    pub session_id: Option<i64>,
    /// Its session's uid, when that session exists.
    pub session_uid: Option<String>,
    pub question_id: String,
    pub followup: Option<u32>,
    pub text: String,
    pub updated_at: i64,
    pub rev: i64,
    /// Seconds already spent on the answer being drafted.
    pub seconds_used: u32,
}

/// A tutor's grade of one answered question (see `crate::tutor::grading`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeRow {
    pub session_uid: String,
    pub question_id: String,
    pub grader: String,
    /// The scores per dimension exactly as stored (a JSON document in a string).
    pub scores_json: String,
    pub overall: u8,
    pub comment: String,
    pub graded_at: i64,
    pub digest: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingRow {
    pub key: String,
    pub value: String,
}

/// What an import did: rows added, and rows already there (kept as they were).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ImportSummary {
    pub sessions_added: usize,
    pub sessions_present: usize,
    pub answers_added: usize,
    pub answers_present: usize,
    /// Drafts written (new, or newer than the one under the same key).
    pub drafts_written: usize,
    /// Schedule cards written (new, or reviewed later than the one here).
    pub schedule_written: usize,
    pub settings_added: usize,
    /// Grades written (new, or given later than the one here).
    pub grades_written: usize,
}

impl Store {
    /// Every row, read in one transaction so the backup is consistent.
    pub fn backup(&self) -> StoreResult<Backup> {
        let tx = self.conn.unchecked_transaction().in_store(self)?;
        let backup = read_all(&tx).in_store(self)?;
        tx.commit().in_store(self)?;
        backup.map_err(|(what, source)| StoreError::Json {
            path: self.path.clone(),
            what,
            source,
        })
    }

    /// Writes the backup to `file` through `files::write_with` (a temporary file beside it,
    /// so a failure never leaves half a backup). An existing file is replaced only when
    /// `replace` (`--force`); the store itself and its logs never are.
    pub fn export(&self, file: &Path, replace: bool) -> StoreResult<Backup> {
        let own = self.own_files();
        let kept: Vec<Kept<'_>> = own
            .iter()
            .map(|p| (p.as_path(), crate::files::KeptAs::Store))
            .collect();
        let rules = WriteRules {
            replace,
            keep: &kept,
        };
        // Refused before the store is read: a wrong target costs nothing.
        check_target(file, &rules)?;
        let backup = self.backup()?;
        write_with(file, &rules, |out| {
            serde_json::to_writer(&mut *out, &backup)?;
            out.write_all(b"\n")
        })?;
        Ok(backup)
    }

    /// Reads and checks a backup file, then merges it in one transaction (see the module
    /// comment for the rules). Nothing is written unless the whole file is valid.
    pub fn import(&self, file: &Path) -> StoreResult<ImportSummary> {
        let backup = read_backup(file)?;
        self.import_backup(&backup).map_err(|e| match e {
            Imported::Invalid(detail) => StoreError::BackupInvalid {
                path: file.to_path_buf(),
                detail,
            },
            Imported::Sqlite(e) => self.err(e),
        })
    }

    fn import_backup(&self, b: &Backup) -> Result<ImportSummary, Imported> {
        check(b).map_err(Imported::Invalid)?;
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)?;
        let summary = merge(&tx, b)?;
        tx.commit()?;
        Ok(summary)
    }
}

/// Why an import stopped (before or inside its transaction, which is then rolled back).
enum Imported {
    Invalid(String),
    Sqlite(rusqlite::Error),
}

impl From<rusqlite::Error> for Imported {
    fn from(e: rusqlite::Error) -> Self {
        Imported::Sqlite(e)
    }
}

/// Reads a backup file: size, then format and version, then the full layout.
pub fn read_backup(file: &Path) -> StoreResult<Backup> {
    let read_err = |source| StoreError::Read {
        path: file.to_path_buf(),
        source,
    };
    let bytes = read_capped(file, MAX_BACKUP_BYTES).map_err(|e| match e {
        ReadCapped::Io(e) => read_err(e),
        ReadCapped::NotAFile(kind) => StoreError::NotAFile {
            path: file.to_path_buf(),
            kind,
        },
        ReadCapped::TooLarge(size) => StoreError::BackupTooLarge {
            path: file.to_path_buf(),
            size,
            limit: MAX_BACKUP_BYTES,
        },
    })?;
    let invalid = |detail: String| StoreError::BackupInvalid {
        path: file.to_path_buf(),
        detail,
    };
    // The header first, so a newer or foreign file gets the right message, not a type error.
    #[derive(Deserialize)]
    struct Header {
        format: Option<String>,
        version: Option<u32>,
    }
    let header: Header = serde_json::from_slice(&bytes)
        .map_err(|e| invalid(format!("it is not a JSON object: {e}")))?;
    if header.format.as_deref() != Some(BACKUP_FORMAT) {
        return Err(invalid(format!(
            "its \"format\" is not \"{BACKUP_FORMAT}\""
        )));
    }
    match header.version {
        Some(v) if v > BACKUP_VERSION => {
            return Err(StoreError::BackupTooNew {
                path: file.to_path_buf(),
                found: v,
                known: BACKUP_VERSION,
            });
        }
        Some(_) => {}
        None => return Err(invalid("it has no \"version\"".into())),
    }
    serde_json::from_slice(&bytes).map_err(|e| invalid(e.to_string()))
}

/// Every check that can be made without the store: versions, uids, references, scores and
/// scorecards. The first problem found, as a phrase.
fn check(b: &Backup) -> Result<(), String> {
    if b.format != BACKUP_FORMAT {
        return Err(format!("its \"format\" is not \"{BACKUP_FORMAT}\""));
    }
    if b.version > BACKUP_VERSION {
        return Err(format!(
            "backup version {} is newer than this mianba",
            b.version
        ));
    }
    if b.schema > migrations::latest() {
        return Err(format!(
            "it comes from store schema {}, newer than this mianba's {}; update mianba",
            b.schema,
            migrations::latest()
        ));
    }
    let sessions = unique(b.sessions.iter().map(|s| s.uid.as_str()), "session uid")?;
    unique(b.sessions.iter().map(|s| s.id), "session id")?;
    let answers = unique(b.answers.iter().map(|a| a.uid.as_str()), "answer uid")?;
    unique(b.answers.iter().map(|a| a.id), "answer id")?;
    for uid in sessions.iter().chain(&answers) {
        if uid.is_empty() || uid.len() > MAX_UID {
            return Err(format!(
                "uid {uid:?} is empty or longer than {MAX_UID} characters"
            ));
        }
    }
    let by_uid: HashMap<&str, &AnswerRow> = b.answers.iter().map(|a| (a.uid.as_str(), a)).collect();
    for a in &b.answers {
        let at = || format!("answer {}", a.uid);
        if !sessions.contains(a.session_uid.as_str()) {
            return Err(format!(
                "{} belongs to session {}, which is not in the file",
                at(),
                a.session_uid
            ));
        }
        if let Some(p) = &a.parent_uid {
            match by_uid.get(p.as_str()) {
                None => {
                    return Err(format!(
                        "{} follows answer {p}, which is not in the file",
                        at()
                    ));
                }
                Some(parent)
                    if parent.parent_uid.is_some() || parent.session_uid != a.session_uid =>
                {
                    return Err(format!(
                        "{} follows answer {p}, which is not a main answer of its session",
                        at()
                    ));
                }
                Some(_) => {}
            }
        }
        if [a.total, a.content, a.structure, a.delivery]
            .iter()
            .any(|&s| s > 100)
        {
            return Err(format!("{} has a score above 100", at()));
        }
        serde_json::from_str::<Scorecard>(&a.scorecard_json)
            .map_err(|e| format!("the scorecard of {} cannot be read: {e}", at()))?;
    }
    times(b)?;
    unique(b.drafts.iter().map(|d| d.key.as_str()), "draft key")?;
    unique(
        b.schedule.iter().map(|s| s.question_id.as_str()),
        "schedule question",
    )?;
    if let Some(s) = b.schedule.iter().find(|s| s.state > 3) {
        return Err(format!(
            "the schedule of {} has an unknown state {}",
            s.question_id, s.state
        ));
    }
    unique(b.settings.iter().map(|s| s.key.as_str()), "setting")?;
    unique(
        b.grades.iter().map(|g| {
            (
                g.session_uid.as_str(),
                g.question_id.as_str(),
                g.grader.as_str(),
            )
        }),
        "grade",
    )?;
    for g in &b.grades {
        if !sessions.contains(g.session_uid.as_str()) {
            return Err(format!(
                "a grade by {} belongs to session {}, which is not in the file",
                g.grader, g.session_uid
            ));
        }
        serde_json::from_str::<serde_json::Value>(&g.scores_json)
            .map_err(|e| format!("the grade by {} cannot be read: {e}", g.grader))?;
    }
    Ok(())
}

/// Every time in the file is between 1970 and 2100.
fn times(b: &Backup) -> Result<(), String> {
    let check = |what: &dyn Fn() -> String, t: i64| {
        if (0..=LAST_TIME).contains(&t) {
            Ok(())
        } else {
            Err(format!(
                "{} is {t}, not a time between 1970 and 2100",
                what()
            ))
        }
    };
    for s in &b.sessions {
        check(&|| format!("the start of session {}", s.uid), s.started_at)?;
        if let Some(t) = s.finished_at {
            check(&|| format!("the end of session {}", s.uid), t)?;
        }
    }
    for a in &b.answers {
        check(&|| format!("the time of answer {}", a.uid), a.created_at)?;
    }
    for d in &b.drafts {
        check(&|| format!("the time of draft {}", d.key), d.updated_at)?;
    }
    for s in &b.schedule {
        check(&|| format!("the due date of {}", s.question_id), s.due)?;
        check(
            &|| format!("the last review of {}", s.question_id),
            s.last_review,
        )?;
    }
    for g in &b.grades {
        check(
            &|| format!("the time of the grade by {}", g.grader),
            g.graded_at,
        )?;
    }
    Ok(())
}

/// The values as a set, or the first one that appears twice.
fn unique<T: std::hash::Hash + Eq + std::fmt::Debug>(
    values: impl Iterator<Item = T>,
    what: &str,
) -> Result<HashSet<T>, String> {
    let mut seen = HashSet::new();
    for v in values {
        if seen.contains(&v) {
            return Err(format!("{what} {v:?} appears twice"));
        }
        seen.insert(v);
    }
    Ok(seen)
}

/// Merges a checked backup; runs inside the import's transaction.
fn merge(conn: &Connection, b: &Backup) -> Result<ImportSummary, Imported> {
    let mut sum = ImportSummary::default();
    let mut session_ids: HashMap<&str, i64> = HashMap::new();
    for s in &b.sessions {
        if let Some(id) = id_of(conn, "sessions", &s.uid)? {
            session_ids.insert(&s.uid, id);
            sum.sessions_present += 1;
            continue;
        }
        let banks = serde_json::to_string(&s.banks)
            .map_err(|e| Imported::Invalid(format!("the banks of session {}: {e}", s.uid)))?;
        conn.execute(
            "INSERT INTO sessions (id, uid, started_at, finished_at, mode, preset, seed, banks, lang,
                set_id, set_checksum)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
            params![
                free_id(conn, "sessions", s.id)?,
                s.uid,
                s.started_at,
                s.finished_at,
                s.mode.as_str(),
                s.preset,
                seed_to_sql(s.seed),
                banks,
                s.lang,
                s.set_id,
                s.set_checksum
            ],
        )?;
        session_ids.insert(&s.uid, conn.last_insert_rowid());
        sum.sessions_added += 1;
    }

    let mut answer_ids: HashMap<&str, i64> = HashMap::new();
    let mut parents: Vec<(i64, &str)> = Vec::new();
    for a in &b.answers {
        if let Some(id) = id_of(conn, "answers", &a.uid)? {
            answer_ids.insert(&a.uid, id);
            sum.answers_present += 1;
            continue;
        }
        let session = session_ids.get(a.session_uid.as_str()).copied();
        // Parents are linked once every answer has its id (a parent may come later in a
        // hand-made file).
        conn.execute(
            &format!(
                "INSERT INTO answers (id, uid, session_id, parent_answer_id, {})
                 VALUES (?1, ?2, ?3, NULL, {})",
                answer_columns(""),
                answer_placeholders(4)
            ),
            params![
                free_id(conn, "answers", a.id)?,
                a.uid,
                session,
                a.question_id,
                a.followup.map(super::sessions::usize_to_sql),
                a.bank_id,
                a.category,
                a.prompt,
                a.answer_text,
                a.seconds_used,
                a.attempt,
                a.mode.as_str(),
                a.created_at,
                a.total,
                a.content,
                a.structure,
                a.delivery,
                a.scorecard_json
            ],
        )?;
        let id = conn.last_insert_rowid();
        answer_ids.insert(&a.uid, id);
        match &a.parent_uid {
            Some(p) => parents.push((id, p)),
            None => {
                let card: Scorecard = serde_json::from_str(&a.scorecard_json)
                    .map_err(|e| Imported::Invalid(format!("answer {}: {e}", a.uid)))?;
                super::marks::insert(conn, id, &card)?;
            }
        }
        sum.answers_added += 1;
    }
    for (id, parent) in parents {
        conn.execute(
            "UPDATE answers SET parent_answer_id = ?1 WHERE id = ?2",
            params![answer_ids.get(parent), id],
        )?;
    }

    for d in &b.drafts {
        let session = match &d.session_uid {
            Some(uid) => session_ids.get(uid.as_str()).copied(),
            None => d.session_id,
        };
        let followup = d.followup.map(|f| f as usize);
        // A conventional key names its session's row id, which may have changed.
        let conventional = Draft::key_for(d.session_id.map(SessionId), &d.question_id, followup);
        let key = if d.key == conventional {
            Draft::key_for(session.map(SessionId), &d.question_id, followup)
        } else {
            d.key.clone()
        };
        let here: Option<(i64, i64)> = conn
            .query_row(
                "SELECT updated_at, rev FROM drafts WHERE key = ?1",
                [&key],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        if here.is_none_or(|h| (d.updated_at, d.rev) > h) {
            conn.execute(
                "INSERT OR REPLACE INTO drafts (key, session_id, question_id, followup, text,
                    updated_at, rev, seconds_used) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    key,
                    session,
                    d.question_id,
                    d.followup,
                    d.text,
                    d.updated_at,
                    d.rev,
                    d.seconds_used
                ],
            )?;
            sum.drafts_written += 1;
        }
    }

    for card in &b.schedule {
        let here = schedule::entry(conn, &card.question_id)?;
        if here.is_none_or(|h| card.last_review > h.last_review) {
            schedule::put(conn, card)?;
            sum.schedule_written += 1;
        }
    }

    for s in &b.settings {
        sum.settings_added += conn.execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES (?1, ?2)",
            params![s.key, s.value],
        )?;
    }

    for g in &b.grades {
        let session = session_ids.get(g.session_uid.as_str()).copied();
        let here: Option<i64> = conn
            .query_row(
                "SELECT graded_at FROM grades
                 WHERE session_id = ?1 AND question_id = ?2 AND grader = ?3",
                params![session, g.question_id, g.grader],
                |r| r.get(0),
            )
            .optional()?;
        if here.is_none_or(|at| g.graded_at > at) {
            conn.execute(
                "INSERT OR REPLACE INTO grades (session_id, question_id, grader, scores_json,
                    overall, comment, graded_at, digest)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    session,
                    g.question_id,
                    g.grader,
                    g.scores_json,
                    g.overall,
                    g.comment,
                    g.graded_at,
                    g.digest
                ],
            )?;
            sum.grades_written += 1;
        }
    }
    Ok(sum)
}

/// The local row id of the row with this uid.
fn id_of(conn: &Connection, table: &str, uid: &str) -> rusqlite::Result<Option<i64>> {
    conn.prepare_cached(&format!("SELECT id FROM {table} WHERE uid = ?1"))?
        .query_row([uid], |r| r.get(0))
        .optional()
}

/// `id` when it is in range and no row of `table` has it, else `None` (SQLite then picks a
/// new one, after the largest id here).
fn free_id(conn: &Connection, table: &str, id: i64) -> rusqlite::Result<Option<i64>> {
    if !(1..=MAX_ROW_ID).contains(&id) {
        return Ok(None);
    }
    let taken = conn
        .prepare_cached(&format!("SELECT 1 FROM {table} WHERE id = ?1"))?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some();
    Ok((!taken).then_some(id))
}

/// A JSON column that could not be read: what it was, and why.
type JsonFailure = (String, serde_json::Error);

fn read_all(conn: &Connection) -> rusqlite::Result<Result<Backup, JsonFailure>> {
    let raw = rows(
        conn,
        "SELECT id, uid, started_at, finished_at, mode, preset, seed, banks, lang, set_id,
                set_checksum
         FROM sessions ORDER BY id",
        |r| Ok((session_row(r)?, r.get::<_, String>(7)?)),
    )?;
    let mut sessions = Vec::with_capacity(raw.len());
    for (mut s, banks) in raw {
        match serde_json::from_str(&banks) {
            Ok(banks) => s.fields.banks = banks,
            Err(e) => return Ok(Err((format!("the list of banks of session {}", s.id), e))),
        }
        sessions.push(s);
    }
    let answers = rows(
        conn,
        &format!(
            "SELECT a.id, a.uid, s.uid, p.uid, {}
             FROM answers a JOIN sessions s ON s.id = a.session_id
             LEFT JOIN answers p ON p.id = a.parent_answer_id
             ORDER BY a.id",
            answer_columns("a.")
        ),
        answer_row,
    )?;
    let drafts = rows(
        conn,
        "SELECT d.key, d.session_id, s.uid, d.question_id, d.followup, d.text, d.updated_at,
                d.rev, d.seconds_used
         FROM drafts d LEFT JOIN sessions s ON s.id = d.session_id ORDER BY d.key",
        |r| {
            Ok(DraftRow {
                key: r.get(0)?,
                session_id: r.get(1)?,
                session_uid: r.get(2)?,
                question_id: r.get(3)?,
                followup: r.get(4)?,
                text: r.get(5)?,
                updated_at: r.get(6)?,
                rev: r.get(7)?,
                seconds_used: r.get(8)?,
            })
        },
    )?;
    let schedule = rows(
        conn,
        &format!("{} ORDER BY question_id", schedule::ENTRY_SELECT),
        schedule::entry_row,
    )?;
    let settings = rows(conn, "SELECT key, value FROM settings ORDER BY key", |r| {
        Ok(SettingRow {
            key: r.get(0)?,
            value: r.get(1)?,
        })
    })?;
    let grades = rows(
        conn,
        "SELECT s.uid, g.question_id, g.grader, g.scores_json, g.overall, g.comment,
                g.graded_at, g.digest
         FROM grades g JOIN sessions s ON s.id = g.session_id
         ORDER BY g.session_id, g.question_id, g.grader",
        |r| {
            Ok(GradeRow {
                session_uid: r.get(0)?,
                question_id: r.get(1)?,
                grader: r.get(2)?,
                scores_json: r.get(3)?,
                overall: r.get(4)?,
                comment: r.get(5)?,
                graded_at: r.get(6)?,
                digest: r.get(7)?,
            })
        },
    )?;
    Ok(Ok(Backup {
        format: BACKUP_FORMAT.to_string(),
        version: BACKUP_VERSION,
        schema: migrations::version(conn)?,
        sessions,
        answers,
        drafts,
        schedule,
        settings,
        grades,
    }))
}

/// A session row, its banks left empty (they are a JSON column, decoded by the caller).
fn session_row(r: &Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: r.get(0)?,
        uid: r.get(1)?,
        fields: super::sessions::session_fields_at(r, 2, Vec::new())?,
        set_id: r.get(9)?,
        set_checksum: r.get(10)?,
    })
}

fn answer_row(r: &Row<'_>) -> rusqlite::Result<AnswerRow> {
    Ok(AnswerRow {
        id: r.get(0)?,
        uid: r.get(1)?,
        session_uid: r.get(2)?,
        parent_uid: r.get(3)?,
        fields: super::sessions::fields_at(r, 4)?,
        total: r.get(14)?,
        content: r.get(15)?,
        structure: r.get(16)?,
        delivery: r.get(17)?,
        scorecard_json: r.get(18)?,
    })
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    f: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
) -> rusqlite::Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    stmt.query_map([], f)?.collect()
}
