//! Drafts: the answer being typed, upserted every few seconds and on every exit path, so the
//! next start can offer it back after a crash.

use rusqlite::{OptionalExtension, Row, params};

use super::InStore;
use super::sessions::{opt_usize_col, usize_to_sql};
use super::{Draft, SessionId, Store, StoreResult};

impl Store {
    /// Saves a draft, replacing any earlier one with the same key.
    pub fn save_draft(&self, d: &Draft) -> StoreResult<()> {
        // `rev` grows with every save, so "latest" is exact even within one second.
        self.conn
            .execute(
                "INSERT INTO drafts (key, session_id, question_id, followup, text, updated_at, rev)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6,
                         (SELECT COALESCE(MAX(rev), 0) + 1 FROM drafts))
                 ON CONFLICT (key) DO UPDATE SET
                    session_id = excluded.session_id, question_id = excluded.question_id,
                    followup = excluded.followup, text = excluded.text,
                    updated_at = excluded.updated_at, rev = excluded.rev",
                params![
                    d.key,
                    d.session_id.map(|s| s.0),
                    d.question_id,
                    d.followup.map(usize_to_sql),
                    d.text,
                    d.updated_at
                ],
            )
            .in_store(self)?;
        Ok(())
    }

    /// Records the seconds already spent on the answer of the draft under `key` (no such
    /// draft: nothing changes).
    pub fn set_draft_seconds(&self, key: &str, seconds: u32) -> StoreResult<()> {
        self.conn
            .execute(
                "UPDATE drafts SET seconds_used = ?2 WHERE key = ?1",
                params![key, seconds],
            )
            .in_store(self)?;
        Ok(())
    }

    /// The seconds recorded with the draft under `key`: 0 when none were or it is gone.
    pub fn draft_seconds(&self, key: &str) -> StoreResult<u32> {
        self.conn
            .query_row(
                "SELECT seconds_used FROM drafts WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .optional()
            .map(Option::unwrap_or_default)
            .in_store(self)
    }

    /// The most recently saved draft: the one to offer for restore after a crash.
    pub fn latest_draft(&self) -> StoreResult<Option<Draft>> {
        self.conn
            .query_row(
                "SELECT key, session_id, question_id, followup, text, updated_at FROM drafts
                 ORDER BY updated_at DESC, rev DESC LIMIT 1",
                [],
                draft_row,
            )
            .optional()
            .in_store(self)
    }

    /// Forgets a draft (its answer was submitted, or the candidate declined to restore it).
    pub fn clear_draft(&self, key: &str) -> StoreResult<()> {
        self.conn
            .execute("DELETE FROM drafts WHERE key = ?1", [key])
            .in_store(self)?;
        Ok(())
    }
}

fn draft_row(r: &Row<'_>) -> rusqlite::Result<Draft> {
    Ok(Draft {
        key: r.get(0)?,
        session_id: r.get::<_, Option<i64>>(1)?.map(SessionId),
        question_id: r.get(2)?,
        followup: opt_usize_col(r, 3)?,
        text: r.get(4)?,
        updated_at: r.get(5)?,
    })
}
