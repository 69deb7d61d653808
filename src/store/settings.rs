//! Settings kept with the data (so a backup carries them): plain key/value text.

use rusqlite::{OptionalExtension, params};

use super::InStore;
use super::{Store, StoreResult};

/// The key of the drill's daily limit.
pub const DAILY_LIMIT_KEY: &str = "drill.daily_limit";
/// How many due questions a day's drill offers when the candidate never chose.
pub const DEFAULT_DAILY_LIMIT: usize = 20;

impl Store {
    /// A setting's value, if it was ever set.
    pub fn setting(&self, key: &str) -> StoreResult<Option<String>> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .in_store(self)
    }

    /// Sets a setting, replacing its earlier value.
    pub fn set_setting(&self, key: &str, value: &str) -> StoreResult<()> {
        self.conn
            .execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
                params![key, value],
            )
            .in_store(self)?;
        Ok(())
    }

    /// Every setting, by key.
    pub fn settings(&self) -> StoreResult<Vec<(String, String)>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT key, value FROM settings ORDER BY key")
            .in_store(self)?;
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .in_store(self)?;
        rows.collect::<rusqlite::Result<_>>().in_store(self)
    }

    /// How many review questions a day's drill offers (default 20; a value that is not a
    /// number, e.g. from a hand-edited backup, counts as the default).
    pub fn daily_limit(&self) -> StoreResult<usize> {
        Ok(self
            .setting(DAILY_LIMIT_KEY)?
            .and_then(|v| v.trim().parse().ok())
            .unwrap_or(DEFAULT_DAILY_LIMIT))
    }

    pub fn set_daily_limit(&self, n: usize) -> StoreResult<()> {
        self.set_setting(DAILY_LIMIT_KEY, &n.to_string())
    }
}
