//! Tutors' side of the store: the assignment set a session was taken from, and the hand grades
//! a tutor sent back (`mianba set import-grades`), kept against the candidate's own session.

use rusqlite::{OptionalExtension, params};

use super::InStore;
use super::{SessionId, Store, StoreError, StoreResult};
use crate::tutor::grading::Grade;

impl Store {
    /// Records that a session answers this set (called when `practice --set` starts one).
    pub fn set_session_set(&self, id: SessionId, set_id: &str, checksum: &str) -> StoreResult<()> {
        self.conn
            .execute(
                "UPDATE sessions SET set_id = ?2, set_checksum = ?3 WHERE id = ?1",
                params![id.0, set_id, checksum],
            )
            .in_store(self)?;
        Ok(())
    }

    /// The set id and checksum a session was taken from, if any.
    pub fn session_set(&self, id: SessionId) -> StoreResult<Option<(String, String)>> {
        self.conn
            .query_row(
                "SELECT set_id, set_checksum FROM sessions WHERE id = ?1 AND set_id IS NOT NULL",
                [id.0],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get::<_, Option<String>>(1)?.unwrap_or_default(),
                    ))
                },
            )
            .optional()
            .in_store(self)
    }

    /// The latest session taken from the set with this id.
    pub fn latest_session_of_set(&self, set_id: &str) -> StoreResult<Option<SessionId>> {
        self.conn
            .query_row(
                // A sitting left before its first answer (or a crash's) is not "the latest".
                "SELECT s.id FROM sessions s WHERE s.set_id = ?1
                    AND EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id)
                 ORDER BY s.started_at DESC, s.id DESC LIMIT 1",
                [set_id],
                |r| r.get(0).map(SessionId),
            )
            .optional()
            .in_store(self)
    }

    /// How many times each set has been taken: its sessions with at least one answer (a
    /// sitting opened and left before answering is not an attempt), by set id.
    pub fn set_attempts(&self) -> StoreResult<std::collections::HashMap<String, u32>> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT s.set_id, COUNT(*) FROM sessions s WHERE s.set_id IS NOT NULL
                    AND EXISTS (SELECT 1 FROM answers a WHERE a.session_id = s.id)
                 GROUP BY s.set_id",
            )
            .in_store(self)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, u32>(1)?)))
            .in_store(self)?;
        rows.collect::<rusqlite::Result<_>>().in_store(self)
    }

    /// A session's stable id (survives backups and merges).
    pub fn session_uid(&self, id: SessionId) -> StoreResult<Option<String>> {
        self.conn
            .query_row("SELECT uid FROM sessions WHERE id = ?1", [id.0], |r| {
                r.get(0)
            })
            .optional()
            .map(Option::flatten)
            .in_store(self)
    }

    /// The session with this stable id.
    pub fn session_by_uid(&self, uid: &str) -> StoreResult<Option<SessionId>> {
        self.conn
            .query_row("SELECT id FROM sessions WHERE uid = ?1", [uid], |r| {
                r.get(0).map(SessionId)
            })
            .optional()
            .in_store(self)
    }

    /// Saves a tutor's grades against a session; a grade by the same grader on the same
    /// question replaces the earlier one. Returns how many were saved.
    pub fn save_grades(&self, id: SessionId, grades: &[Grade]) -> StoreResult<usize> {
        let tx = self.conn.unchecked_transaction().in_store(self)?;
        for g in grades {
            let scores = serde_json::to_string(&g.scores).map_err(|source| StoreError::Json {
                path: self.path.clone(),
                what: format!("the grade by {} on {}", g.grader, g.question),
                source,
            })?;
            tx.execute(
                "INSERT OR REPLACE INTO grades (session_id, question_id, grader, scores_json,
                    overall, comment, graded_at, digest)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    id.0,
                    g.question,
                    g.grader,
                    scores,
                    g.overall,
                    g.comment,
                    g.graded_at,
                    g.digest
                ],
            )
            .in_store(self)?;
        }
        tx.commit().in_store(self)?;
        Ok(grades.len())
    }

    /// The tutors' grades of a session, by question then grader.
    pub fn grades_for_session(&self, id: SessionId) -> StoreResult<Vec<Grade>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT question_id, grader, scores_json, overall, comment, graded_at, digest
                 FROM grades WHERE session_id = ?1 ORDER BY question_id, grader",
            )
            .in_store(self)?;
        let rows = stmt
            .query_map([id.0], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, u8>(3)?,
                    r.get::<_, String>(4)?,
                    r.get::<_, i64>(5)?,
                    r.get::<_, String>(6)?,
                ))
            })
            .in_store(self)?;
        let mut out = Vec::new();
        for row in rows {
            let (question, grader, scores, overall, comment, graded_at, digest) =
                row.in_store(self)?;
            let scores = serde_json::from_str(&scores).map_err(|source| StoreError::Json {
                path: self.path.clone(),
                what: format!("the grade by {grader} on {question}"),
                source,
            })?;
            out.push(Grade {
                grader,
                question,
                scores,
                overall,
                comment,
                graded_at,
                digest,
            });
        }
        Ok(out)
    }
}
