//! The history list with its filters, and the rows progress is computed from. Every query
//! reads indexes only (see schema 3 in `migrations`), so 10,000 sessions stay fast.

use rusqlite::types::Value;
use rusqlite::{Row, params_from_iter};
use serde::{Deserialize, Serialize};

use super::InStore;
use super::marks::{MarkKind, MarkTally};
use super::sessions::{SUMMARY_SELECT, mode_col, summary_row, usize_col, usize_to_sql};
use super::{AnswerId, SessionId, SessionSummary, Store, StoreResult};
use crate::session::Mode;

/// Which sessions (history) or answers (progress) to look at. `None` = all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryFilter {
    /// History: sessions with at least one answer from this bank; progress: answers from it.
    pub bank: Option<String>,
    /// History: sessions with at least one answer in this category; progress: answers in it.
    pub category: Option<String>,
    pub mode: Option<Mode>,
}

/// One main answer as progress needs it (no text, no scorecard).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressRow {
    pub session_id: SessionId,
    pub started_at: i64,
    pub mode: Mode,
    /// The session's preset (its answer limit may differ from the bank's).
    pub preset: Option<String>,
    pub answer_id: AnswerId,
    /// Full id `bank/question`.
    pub question_id: String,
    pub bank_id: String,
    pub category: String,
    pub attempt: u32,
    pub seconds_used: u32,
    pub total: u8,
    pub content: u8,
    pub structure: u8,
    pub delivery: u8,
}

impl HistoryFilter {
    /// SQL conditions (joined with AND, each starting with " AND ") and their values.
    /// `by_session`: the bank and category match any answer of the session `s`; otherwise
    /// they match the answer `a` itself.
    fn conditions(&self, by_session: bool) -> (String, Vec<Value>) {
        let mut sql = String::new();
        let mut values = Vec::new();
        if let Some(mode) = self.mode {
            sql.push_str(" AND s.mode = ?");
            values.push(Value::Text(mode.as_str().to_string()));
        }
        for (column, value) in [("bank_id", &self.bank), ("category", &self.category)] {
            let Some(value) = value else { continue };
            if by_session {
                sql.push_str(&format!(
                    " AND s.id IN (SELECT session_id FROM answers WHERE {column} = ?)"
                ));
            } else {
                sql.push_str(&format!(" AND a.{column} = ?"));
            }
            values.push(Value::Text(value.clone()));
        }
        (sql, values)
    }
}

impl Store {
    /// Sessions matching `filter`, newest first.
    pub fn history(&self, filter: &HistoryFilter) -> StoreResult<Vec<SessionSummary>> {
        self.history_page(filter, 0, usize::MAX)
    }

    /// At most `limit` sessions matching `filter`, newest first, skipping the first `offset`:
    /// what one screen of the history list needs.
    pub fn history_page(
        &self,
        filter: &HistoryFilter,
        offset: usize,
        limit: usize,
    ) -> StoreResult<Vec<SessionSummary>> {
        let (cond, mut values) = filter.conditions(true);
        let sql = format!(
            "{SUMMARY_SELECT} WHERE 1{cond} ORDER BY s.started_at DESC, s.id DESC LIMIT ? OFFSET ?"
        );
        values.push(Value::Integer(usize_to_sql(limit)));
        values.push(Value::Integer(usize_to_sql(offset)));
        let mut stmt = self.conn.prepare_cached(&sql).in_store(self)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| Ok(summary_row(r, &self.path)))
            .in_store(self)?;
        rows.map(|r| r.in_store(self)?).collect()
    }

    /// How many sessions match `filter`.
    pub fn history_count(&self, filter: &HistoryFilter) -> StoreResult<usize> {
        let (cond, values) = filter.conditions(true);
        let sql = format!("SELECT COUNT(*) FROM sessions s WHERE 1{cond}");
        self.conn
            .query_row(&sql, params_from_iter(values), |r| usize_col(r, 0))
            .in_store(self)
    }

    /// The main answers matching `filter` that count for progress — in each session, the
    /// last attempt at each question (as in the history's average; follow-ups left out) —
    /// grouped by session (in no particular order of sessions or answers).
    pub fn progress_rows(&self, filter: &HistoryFilter) -> StoreResult<Vec<ProgressRow>> {
        let (cond, values) = filter.conditions(false);
        // In the order of `answers_for_progress`: no sort, and the attempts at one question
        // of one session come together, so the last one is picked on the way.
        let sql = format!(
            "SELECT a.session_id, s.started_at, s.mode, s.preset, a.id, a.question_id, a.bank_id,
                    a.category, a.attempt, a.seconds_used, a.total, a.content, a.structure,
                    a.delivery
             FROM answers a JOIN sessions s ON s.id = a.session_id
             WHERE a.followup IS NULL{cond}
             ORDER BY a.session_id, a.category, a.bank_id, a.question_id, a.attempt"
        );
        let mut stmt = self.conn.prepare_cached(&sql).in_store(self)?;
        let rows = stmt
            .query_map(params_from_iter(values), progress_row)
            .in_store(self)?;
        let mut out: Vec<ProgressRow> = Vec::new();
        for row in rows {
            let row = row.in_store(self)?;
            match out.last_mut() {
                Some(last)
                    if last.session_id == row.session_id && last.question_id == row.question_id =>
                {
                    if (row.attempt, row.answer_id) > (last.attempt, last.answer_id) {
                        *last = row;
                    }
                }
                _ => out.push(row),
            }
        }
        Ok(out)
    }

    /// Follow-up answers matching `filter`, the last attempt at each: `(session, question
    /// full id, follow-up index, seconds used)`, for the overtime count of `progress`.
    pub fn followup_times(
        &self,
        filter: &HistoryFilter,
    ) -> StoreResult<Vec<(SessionId, String, u32, u32)>> {
        let (cond, values) = filter.conditions(false);
        let sql = format!(
            "SELECT a.session_id, a.question_id, a.followup, a.seconds_used
             FROM answers a JOIN sessions s ON s.id = a.session_id
             WHERE a.followup IS NOT NULL{cond}
             ORDER BY a.session_id, a.question_id, a.followup, a.attempt, a.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql).in_store(self)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                Ok((SessionId(r.get(0)?), r.get(1)?, r.get(2)?, r.get(3)?))
            })
            .in_store(self)?;
        let mut out: Vec<(SessionId, String, u32, u32)> = Vec::new();
        for row in rows {
            let row = row.in_store(self)?;
            match out.last_mut() {
                // A later attempt at the same follow-up replaces the earlier.
                Some(last) if (last.0, &last.1, last.2) == (row.0, &row.1, row.2) => *last = row,
                _ => out.push(row),
            }
        }
        Ok(out)
    }

    /// For every point and section name, over the main answers matching `filter` (retries
    /// included): how often it was asked for and missed. Unordered. With no filter this reads
    /// the running counts (`mark_counts`); a filter groups the matching marks.
    pub fn mark_tallies(&self, filter: &HistoryFilter) -> StoreResult<Vec<MarkTally>> {
        let (cond, values) = filter.conditions(false);
        let sql = if cond.is_empty() {
            "SELECT kind, name, asked, missed, missed_required FROM mark_counts WHERE asked > 0"
                .to_string()
        } else {
            format!(
                "SELECT m.kind, m.name, COUNT(*), SUM(m.hit = 0), SUM(m.hit = 0 AND m.required)
                 FROM answer_marks m JOIN answers a ON a.id = m.answer_id
                 JOIN sessions s ON s.id = a.session_id WHERE 1{cond}
                 GROUP BY m.kind, m.name"
            )
        };
        let mut stmt = self.conn.prepare_cached(&sql).in_store(self)?;
        let rows = stmt
            .query_map(params_from_iter(values), |r| {
                let kind: String = r.get(0)?;
                Ok(
                    MarkKind::parse(&kind).map(|kind| -> rusqlite::Result<MarkTally> {
                        Ok(MarkTally {
                            kind,
                            name: r.get(1)?,
                            asked: r.get(2)?,
                            missed: r.get(3)?,
                            missed_required: r.get(4)?,
                        })
                    }),
                )
            })
            .in_store(self)?;
        let mut out = Vec::new();
        for row in rows {
            // A kind this version does not know (from a newer mianba) is not ours to count.
            if let Some(tally) = row.in_store(self)? {
                out.push(tally.in_store(self)?);
            }
        }
        Ok(out)
    }
}

fn progress_row(r: &Row<'_>) -> rusqlite::Result<ProgressRow> {
    Ok(ProgressRow {
        session_id: SessionId(r.get(0)?),
        started_at: r.get(1)?,
        mode: mode_col(r, 2)?,
        preset: r.get(3)?,
        answer_id: AnswerId(r.get(4)?),
        question_id: r.get(5)?,
        bank_id: r.get(6)?,
        category: r.get(7)?,
        attempt: r.get(8)?,
        seconds_used: r.get(9)?,
        total: r.get(10)?,
        content: r.get(11)?,
        structure: r.get(12)?,
        delivery: r.get(13)?,
    })
}
