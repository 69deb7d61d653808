//! Sessions and their answers: saving as they happen, reading back for history and reports.

use std::collections::HashMap;
use std::path::Path;

use rusqlite::types::Type;
use rusqlite::{OptionalExtension, Row, Transaction, TransactionBehavior, params};

use super::InStore;
use super::{
    AnswerFields, AnswerId, AnswerRecord, NewAnswer, NewSession, SessionDetail, SessionFields,
    SessionId, SessionSummary, Store, StoreError, StoreResult,
};
use crate::session::Mode;

/// A session row with its question count and the average of the last attempt at each
/// question (a main answer is one with no `followup`). Both subqueries read only the
/// `answers_by_session` index, which carries `total` for this.
pub(super) const SUMMARY_SELECT: &str = "
SELECT s.id, s.started_at, s.finished_at, s.mode, s.preset, s.seed, s.banks, s.lang,
       (SELECT COUNT(DISTINCT a.question_id) FROM answers a
         WHERE a.session_id = s.id AND a.followup IS NULL),
       (SELECT AVG(a.total) FROM answers a
         WHERE a.session_id = s.id AND a.followup IS NULL
           AND a.id = (SELECT MAX(b.id) FROM answers b
                        WHERE b.session_id = a.session_id AND b.followup IS NULL
                          AND b.question_id = a.question_id)),
       EXISTS (SELECT 1 FROM grades g WHERE g.session_id = s.id)
FROM sessions s";

/// The columns of an answer that saving, reading back and the backup's insert and select all
/// carry, in the one order all four use (the ids and links before them differ by caller): the
/// `AnswerFields` first (`fields_at` reads them), then the marks and the scorecard.
pub(super) const ANSWER_COLUMNS: [&str; 15] = [
    "question_id",
    "followup",
    "bank_id",
    "category",
    "prompt",
    "answer_text",
    "seconds_used",
    "attempt",
    "mode",
    "created_at",
    "total",
    "content",
    "structure",
    "delivery",
    "scorecard_json",
];

/// The `AnswerFields` of a row whose `ANSWER_COLUMNS` start at column `first`.
pub(super) fn fields_at(r: &Row<'_>, first: usize) -> rusqlite::Result<AnswerFields> {
    Ok(AnswerFields {
        question_id: r.get(first)?,
        followup: opt_usize_col(r, first + 1)?,
        bank_id: r.get(first + 2)?,
        category: r.get(first + 3)?,
        prompt: r.get(first + 4)?,
        answer_text: r.get(first + 5)?,
        seconds_used: r.get(first + 6)?,
        attempt: r.get(first + 7)?,
        mode: mode_col(r, first + 8)?,
        created_at: r.get(first + 9)?,
    })
}

/// `ANSWER_COLUMNS` as an SQL list, each name after `prefix` (a table alias such as `a.`).
pub(super) fn answer_columns(prefix: &str) -> String {
    let named: Vec<String> = ANSWER_COLUMNS
        .iter()
        .map(|c| format!("{prefix}{c}"))
        .collect();
    named.join(", ")
}

/// Numbered placeholders `?first, …` for the `ANSWER_COLUMNS`, after `first - 1` others.
pub(super) fn answer_placeholders(first: usize) -> String {
    let marks: Vec<String> = (first..first + ANSWER_COLUMNS.len())
        .map(|i| format!("?{i}"))
        .collect();
    marks.join(", ")
}

impl Store {
    /// Records the start of a session; its answers are saved against the returned id.
    pub fn create_session(&self, s: &NewSession) -> StoreResult<SessionId> {
        let banks = serde_json::to_string(&s.banks).map_err(|source| StoreError::Json {
            path: self.path.clone(),
            what: "the list of banks".into(),
            source,
        })?;
        self.conn
            .execute(
                "INSERT INTO sessions (started_at, mode, preset, seed, banks, lang)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    s.started_at,
                    s.mode.as_str(),
                    s.preset,
                    seed_to_sql(s.seed),
                    banks,
                    s.lang
                ],
            )
            .in_store(self)?;
        Ok(SessionId(self.conn.last_insert_rowid()))
    }

    /// Saves one answer with its scorecard; committed before this returns.
    ///
    /// In the same transaction, a main answer's points and sections are recorded for
    /// progress, and a main answer's first attempt moves the question's drill card
    /// (`crate::review::drill`): callers need not do anything more for the drill.
    pub fn save_answer(&self, a: &NewAnswer<'_>) -> StoreResult<AnswerId> {
        let card = serde_json::to_string(a.scorecard).map_err(|source| StoreError::Json {
            path: self.path.clone(),
            what: format!("the scorecard of {}", a.question_id),
            source,
        })?;
        // IMMEDIATE: take the write lock first, so a second program waits (busy timeout)
        // instead of failing when this read-then-write transaction upgrades its lock.
        let tx = Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
            .in_store(self)?;
        let sql = format!(
            "INSERT INTO answers (session_id, parent_answer_id, {}) VALUES (?1, ?2, {})",
            answer_columns(""),
            answer_placeholders(3)
        );
        tx.prepare_cached(&sql)
            .in_store(self)?
            .execute(params![
                a.session_id.0,
                a.parent.map(|p| p.0),
                a.question_id,
                a.followup.map(usize_to_sql),
                a.bank_id,
                a.category,
                a.prompt,
                a.answer_text,
                a.seconds_used,
                a.attempt,
                a.mode.as_str(),
                a.created_at,
                a.scorecard.total,
                a.scorecard.content,
                a.scorecard.structure,
                a.scorecard.delivery,
                card,
            ])
            .in_store(self)?;
        let id = tx.last_insert_rowid();
        if a.followup.is_none() {
            super::marks::insert(&tx, id, a.scorecard).in_store(self)?;
            if a.attempt <= 1 {
                super::schedule::record(&tx, a.question_id, a.scorecard.total, a.created_at)
                    .in_store(self)?;
            }
        }
        tx.commit().in_store(self)?;
        Ok(AnswerId(id))
    }

    /// Marks a session finished. Returns whether such a session exists.
    pub fn finish_session(&self, id: SessionId, at: i64) -> StoreResult<bool> {
        let n = self
            .conn
            .execute(
                "UPDATE sessions SET finished_at = ?1 WHERE id = ?2",
                params![at, id.0],
            )
            .in_store(self)?;
        Ok(n > 0)
    }

    /// Deletes a session that holds nothing — no answer, no draft, no grade — as one left
    /// before its first answer. Returns whether it was deleted.
    pub fn drop_session_if_empty(&self, id: SessionId) -> StoreResult<bool> {
        let n = self
            .conn
            .execute(
                "DELETE FROM sessions WHERE id = ?1
                   AND NOT EXISTS (SELECT 1 FROM answers WHERE session_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM drafts WHERE session_id = ?1)
                   AND NOT EXISTS (SELECT 1 FROM grades WHERE session_id = ?1)",
                [id.0],
            )
            .in_store(self)?;
        Ok(n > 0)
    }

    /// Every session, newest first (`history` with no filter).
    pub fn sessions(&self) -> StoreResult<Vec<SessionSummary>> {
        self.history(&super::HistoryFilter::default())
    }

    /// The newest session with at least one answer: `report latest`. A session left (or
    /// crashed out of) before its first answer holds nothing to report.
    pub fn latest_answered_session(&self) -> StoreResult<Option<SessionId>> {
        self.conn
            .query_row(
                "SELECT s.id FROM sessions s
                 WHERE EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id)
                 ORDER BY s.started_at DESC, s.id DESC LIMIT 1",
                [],
                |r| r.get(0).map(SessionId),
            )
            .optional()
            .in_store(self)
    }

    /// One session with all its answers in the order given, follow-ups under their parent.
    pub fn session(&self, id: SessionId) -> StoreResult<Option<SessionDetail>> {
        let sql = format!("{SUMMARY_SELECT} WHERE s.id = ?1");
        let summary = self
            .conn
            .query_row(&sql, [id.0], |r| Ok(summary_row(r, &self.path)))
            .optional()
            .in_store(self)?;
        let Some(summary) = summary.transpose()? else {
            return Ok(None);
        };
        let sql = format!(
            "SELECT id, parent_answer_id, {} FROM answers WHERE session_id = ?1 ORDER BY id",
            answer_columns("")
        );
        let mut stmt = self.conn.prepare_cached(&sql).in_store(self)?;
        let flat = stmt
            .query_map([id.0], |r| Ok(answer_row(r, &self.path)))
            .in_store(self)?
            .map(|r| r.in_store(self)?)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(Some(SessionDetail {
            summary,
            answers: nest_followups(flat),
            grades: self.grades_for_session(id)?,
        }))
    }
}

/// Puts each follow-up under the answer it followed, keeping the order of both. A follow-up
/// whose parent is missing stays at the top level rather than disappear.
fn nest_followups(flat: Vec<AnswerRecord>) -> Vec<AnswerRecord> {
    let mut top: Vec<AnswerRecord> = Vec::new();
    let mut index_of: HashMap<AnswerId, usize> = HashMap::new();
    for a in flat {
        match a.parent.and_then(|p| index_of.get(&p).copied()) {
            Some(i) => top[i].followups.push(a),
            None => {
                index_of.insert(a.id, top.len());
                top.push(a);
            }
        }
    }
    top
}

/// The `SessionFields` of a row whose `started_at, finished_at, mode, preset, seed, banks,
/// lang` start at column `first`; `banks`, a JSON column, is decoded by the caller.
pub(super) fn session_fields_at(
    r: &Row<'_>,
    first: usize,
    banks: Vec<String>,
) -> rusqlite::Result<SessionFields> {
    Ok(SessionFields {
        started_at: r.get(first)?,
        finished_at: r.get(first + 1)?,
        mode: mode_col(r, first + 2)?,
        preset: r.get(first + 3)?,
        seed: seed_from_sql(r.get(first + 4)?),
        banks,
        lang: r.get(first + 6)?,
    })
}

/// Reads a session row; the JSON column is decoded here so a bad value names its session.
pub(super) fn summary_row(r: &Row<'_>, path: &Path) -> StoreResult<SessionSummary> {
    let id = SessionId(r.get(0).map_err(|e| StoreError::sqlite(path, e))?);
    let banks = json_col(r, 6, path, || format!("the list of banks of session {id}"))?;
    let row = || -> rusqlite::Result<SessionSummary> {
        Ok(SessionSummary {
            id,
            fields: session_fields_at(r, 1, banks)?,
            questions: usize_col(r, 8)?,
            average_total: r.get(9)?,
            graded: r.get(10)?,
        })
    };
    row().map_err(|e| StoreError::sqlite(path, e))
}

/// Reads an answer row; the scorecard is decoded here so a bad one names its answer.
fn answer_row(r: &Row<'_>, path: &Path) -> StoreResult<AnswerRecord> {
    let id = AnswerId(r.get(0).map_err(|e| StoreError::sqlite(path, e))?);
    let scorecard = json_col(r, 16, path, || format!("the scorecard of answer {id}"))?;
    let row = || -> rusqlite::Result<AnswerRecord> {
        Ok(AnswerRecord {
            id,
            parent: r.get::<_, Option<i64>>(1)?.map(AnswerId),
            fields: fields_at(r, 2)?,
            total: r.get(12)?,
            content: r.get(13)?,
            structure: r.get(14)?,
            delivery: r.get(15)?,
            scorecard,
            followups: Vec::new(),
        })
    };
    row().map_err(|e| StoreError::sqlite(path, e))
}

/// A JSON text column decoded; `what` names the value in the error.
fn json_col<T: serde::de::DeserializeOwned>(
    r: &Row<'_>,
    idx: usize,
    path: &Path,
    what: impl FnOnce() -> String,
) -> StoreResult<T> {
    let text: String = r.get(idx).map_err(|e| StoreError::sqlite(path, e))?;
    serde_json::from_str(&text).map_err(|source| StoreError::Json {
        path: path.to_path_buf(),
        what: what(),
        source,
    })
}

/// A mode column; an unknown name (from a newer mianba) is an error, not a silent default.
pub(super) fn mode_col(r: &Row<'_>, idx: usize) -> rusqlite::Result<Mode> {
    let name: String = r.get(idx)?;
    Mode::parse(&name).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            Type::Text,
            format!("unknown mode {name:?}").into(),
        )
    })
}

/// A nullable index column.
pub(super) fn opt_usize_col(r: &Row<'_>, idx: usize) -> rusqlite::Result<Option<usize>> {
    match r.get::<_, Option<i64>>(idx)? {
        Some(_) => usize_col(r, idx).map(Some),
        None => Ok(None),
    }
}

/// A non-negative count or index column.
pub(super) fn usize_col(r: &Row<'_>, idx: usize) -> rusqlite::Result<usize> {
    let n: i64 = r.get(idx)?;
    usize::try_from(n)
        .map_err(|e| rusqlite::Error::FromSqlConversionFailure(idx, Type::Integer, e.into()))
}

/// SQLite integers are signed: a u64 seed is stored by its bits and read back the same way.
pub(super) fn seed_to_sql(seed: u64) -> i64 {
    i64::from_ne_bytes(seed.to_ne_bytes())
}

pub(super) fn seed_from_sql(stored: i64) -> u64 {
    u64::from_ne_bytes(stored.to_ne_bytes())
}

/// Indexes stored as SQLite integers (they never come near i64::MAX).
pub(super) fn usize_to_sql(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}
