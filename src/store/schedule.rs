//! The drill schedule: one FSRS card per question (full id), moved each time a first attempt
//! at the question is saved (`save_answer` does it in the same transaction), and read back
//! as "due now" and "weakest". The scheduling rule itself is `crate::spacing`.

use rusqlite::{Connection, OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::InStore;
use super::sessions::{usize_col, usize_to_sql};
use super::{Store, StoreResult};
pub use crate::spacing::ScheduleEntry;

/// A question answered before, with its latest and average main-answer totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeakQuestion {
    /// Full id `bank/question`.
    pub question_id: String,
    pub bank_id: String,
    pub category: String,
    /// Total of the most recent main answer (any attempt).
    pub latest_total: u8,
    pub average_total: f64,
    /// Main answers given to it, retries included.
    pub answers: usize,
    pub last_answered: i64,
}

pub(super) const ENTRY_SELECT: &str =
    "SELECT question_id, due, stability, difficulty, elapsed_days,
    scheduled_days, reps, lapses, state, last_review, last_total FROM schedule";

impl Store {
    /// The card of one question, if it was ever answered.
    pub fn schedule_entry(&self, question_id: &str) -> StoreResult<Option<ScheduleEntry>> {
        entry(&self.conn, question_id).in_store(self)
    }

    /// Every card, by question id.
    pub fn schedule(&self) -> StoreResult<Vec<ScheduleEntry>> {
        self.entries(&format!("{ENTRY_SELECT} ORDER BY question_id"), [])
    }

    /// Cards due at `now` (due ≤ now), most overdue first, at most `limit` of them.
    pub fn due(&self, now: i64, limit: usize) -> StoreResult<Vec<ScheduleEntry>> {
        let sql = format!("{ENTRY_SELECT} WHERE due <= ?1 ORDER BY due, question_id LIMIT ?2");
        self.entries(&sql, params![now, usize_to_sql(limit)])
    }

    /// How many cards are due at `now`, ignoring the daily limit (see
    /// `crate::review::drill::due_today` for the number to show on the home screen).
    pub fn due_count(&self, now: i64) -> StoreResult<usize> {
        self.count("SELECT COUNT(*) FROM schedule WHERE due <= ?1", now)
    }

    /// Questions reviewed again (not answered for the first time) at or after `since`: what
    /// counts against the daily limit.
    pub fn reviewed_since(&self, since: i64) -> StoreResult<usize> {
        self.count(
            "SELECT COUNT(*) FROM schedule WHERE last_review >= ?1 AND reps > 1",
            since,
        )
    }

    /// The `n` questions with the lowest latest total (ties: lowest average, then id).
    pub fn weakest(&self, n: usize) -> StoreResult<Vec<WeakQuestion>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.question_id, a.bank_id, a.category, a.total, x.average, x.n,
                        a.created_at
                 FROM (SELECT question_id, MAX(id) AS last, AVG(total) AS average,
                              COUNT(*) AS n
                       FROM answers WHERE followup IS NULL GROUP BY question_id) x
                 JOIN answers a ON a.id = x.last
                 ORDER BY a.total, x.average, a.question_id LIMIT ?1",
            )
            .in_store(self)?;
        let rows = stmt
            .query_map([usize_to_sql(n)], |r| {
                Ok(WeakQuestion {
                    question_id: r.get(0)?,
                    bank_id: r.get(1)?,
                    category: r.get(2)?,
                    latest_total: r.get(3)?,
                    average_total: r.get(4)?,
                    answers: usize_col(r, 5)?,
                    last_answered: r.get(6)?,
                })
            })
            .in_store(self)?;
        rows.collect::<rusqlite::Result<_>>().in_store(self)
    }

    fn entries(&self, sql: &str, p: impl rusqlite::Params) -> StoreResult<Vec<ScheduleEntry>> {
        let mut stmt = self.conn.prepare_cached(sql).in_store(self)?;
        let rows = stmt.query_map(p, entry_row).in_store(self)?;
        rows.collect::<rusqlite::Result<_>>().in_store(self)
    }

    fn count(&self, sql: &str, at: i64) -> StoreResult<usize> {
        self.conn
            .query_row(sql, [at], |r| usize_col(r, 0))
            .in_store(self)
    }
}

/// Moves the card of `question_id` for an answer scored `total` at `at` (a first review
/// creates it).
pub(super) fn record(
    conn: &Connection,
    question_id: &str,
    total: u8,
    at: i64,
) -> rusqlite::Result<()> {
    let prev = entry(conn, question_id)?;
    let next = crate::spacing::next_review(prev.as_ref(), question_id, total, at);
    put(conn, &next)
}

/// Writes a card, replacing the question's earlier one.
pub(super) fn put(conn: &Connection, e: &ScheduleEntry) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT OR REPLACE INTO schedule (question_id, due, stability, difficulty, elapsed_days,
            scheduled_days, reps, lapses, state, last_review, last_total)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        e.question_id,
        e.due,
        e.stability,
        e.difficulty,
        e.elapsed_days,
        e.scheduled_days,
        e.reps,
        e.lapses,
        e.state,
        e.last_review,
        e.last_total
    ])?;
    Ok(())
}

pub(super) fn entry(
    conn: &Connection,
    question_id: &str,
) -> rusqlite::Result<Option<ScheduleEntry>> {
    conn.prepare_cached(&format!("{ENTRY_SELECT} WHERE question_id = ?1"))?
        .query_row([question_id], entry_row)
        .optional()
}

pub(super) fn entry_row(r: &Row<'_>) -> rusqlite::Result<ScheduleEntry> {
    Ok(ScheduleEntry {
        question_id: r.get(0)?,
        due: r.get(1)?,
        stability: r.get(2)?,
        difficulty: r.get(3)?,
        elapsed_days: r.get(4)?,
        scheduled_days: r.get(5)?,
        reps: r.get(6)?,
        lapses: r.get(7)?,
        state: r.get(8)?,
        last_review: r.get(9)?,
        last_total: r.get(10)?,
    })
}
