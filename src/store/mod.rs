//! The SQLite store (`mianba.db` in the data folder): sessions, answers with their
//! scorecards, drafts, the drill schedule and settings.
//!
//! Nothing is ever lost: WAL journaling and a busy timeout let two programs save at once;
//! each answer is its own committed write; drafts are upserted. A file that is not a healthy
//! store is reported and left untouched — never overwritten, never deleted.

mod backup;
mod drafts;
mod error;
mod grades;
mod history;
mod marks;
pub mod migrations;
mod records;
pub mod recovery;
mod schedule;
mod sessions;
mod settings;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::Connection;

pub use backup::{
    AnswerRow, BACKUP_FORMAT, BACKUP_VERSION, Backup, COVERED, DraftRow, GradeRow, ImportSummary,
    MAX_BACKUP_BYTES, SessionRow, SettingRow, read_backup,
};
pub use error::{StoreError, StoreResult};
pub use history::{HistoryFilter, ProgressRow};
pub use marks::{MarkKind, MarkTally};
pub use records::{
    AnswerFields, AnswerId, AnswerRecord, Draft, NewAnswer, NewSession, SessionDetail,
    SessionFields, SessionId, SessionSummary,
};
pub use schedule::{ScheduleEntry, WeakQuestion};
pub use settings::{DAILY_LIMIT_KEY, DEFAULT_DAILY_LIMIT};

/// The store's file name inside the data folder.
pub const FILE_NAME: &str = "mianba.db";

/// How long a write waits for another program's write to finish before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// The first bytes of every SQLite database file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// An open store. Cheap to query; every method commits before it returns.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

/// The page cache `check_integrity` reads through, in KiB (SQLite's negative-size form).
const CHECK_CACHE_KIB: i64 = -64;

impl Store {
    /// Opens (or creates) `mianba.db` in `data_dir`, creating the folder if missing, and
    /// brings an older schema up to date.
    ///
    /// A file that is not SQLite or is corrupt gives `StoreError::Damaged` and is left
    /// byte-for-byte as it was; a store from a newer mianba gives `StoreError::TooNew`.
    pub fn open(data_dir: &Path) -> StoreResult<Store> {
        std::fs::create_dir_all(data_dir).map_err(|source| StoreError::CreateDir {
            path: data_dir.to_path_buf(),
            source,
        })?;
        let path = data_dir.join(FILE_NAME);
        // Look at the header before SQLite does anything with the file.
        check_header(&path)?;
        let conn = Connection::open(&path).map_err(|e| StoreError::sqlite(&path, e))?;
        Store::init(conn, path)
    }

    /// A store that lives in memory only (tests, `--no-save` style runs).
    pub fn open_in_memory() -> StoreResult<Store> {
        let path = PathBuf::from(":memory:");
        let conn = Connection::open_in_memory().map_err(|e| StoreError::sqlite(&path, e))?;
        Store::init(conn, path)
    }

    /// The files of the store in `data_dir` — the database and its two SQLite logs — which
    /// no command may write over.
    pub fn files_in(data_dir: &Path) -> [PathBuf; 3] {
        with_logs(&data_dir.join(FILE_NAME))
    }

    /// `files_in` for this store (none for an in-memory one).
    pub fn own_files(&self) -> Vec<PathBuf> {
        if self.path == Path::new(":memory:") {
            return Vec::new();
        }
        with_logs(&self.path).to_vec()
    }

    /// The database file (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn init(mut conn: Connection, path: PathBuf) -> StoreResult<Store> {
        let err = |e| StoreError::sqlite(&path, e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(err)?;
        // Reading the schema first makes a corrupt file fail here, before any write.
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
            r.get::<_, i64>(0)
        })
        .map_err(err)?;
        set_wal(&conn).map_err(err)?;
        // WAL with synchronous=NORMAL survives a killed process; only a power cut can lose
        // the last commits.
        conn.pragma_update(None, "synchronous", "NORMAL")
            .map_err(err)?;
        conn.pragma_update(None, "foreign_keys", "ON")
            .map_err(err)?;
        match migrations::migrate_to(&mut conn, migrations::latest()).map_err(err)? {
            migrations::Migrated::UpToDate => Ok(Store { conn, path }),
            migrations::Migrated::TooNew(found) => Err(StoreError::TooNew {
                path,
                found,
                known: migrations::latest(),
            }),
        }
    }

    /// Reads every page (SQLite's `quick_check`): damage in the middle of the file, which
    /// opening does not notice, is found before anyone types an answer into this store.
    pub fn check_integrity(&self) -> StoreResult<()> {
        // Through SQLite's page cache (2 MiB by default) the check would leave a large store's
        // last 2 MiB of pages in memory for the whole run, before the first frame; it reads
        // them through a small cache instead, then the cache gets its size back (issue 15).
        let size: i64 = self
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .in_store(self)?;
        self.conn
            .pragma_update(None, "cache_size", CHECK_CACHE_KIB)
            .in_store(self)?;
        let verdict: rusqlite::Result<String> =
            self.conn
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0));
        self.conn
            .pragma_update(None, "cache_size", size)
            .in_store(self)?;
        let verdict = verdict.in_store(self)?;
        if verdict == "ok" {
            Ok(())
        } else {
            Err(StoreError::damaged(&self.path, verdict))
        }
    }

    fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::sqlite(&self.path, e)
    }
}

/// A SQLite result whose error names the store's file: `.in_store(self)?` in every query.
trait InStore<T> {
    fn in_store(self, store: &Store) -> StoreResult<T>;
}

impl<T> InStore<T> for rusqlite::Result<T> {
    fn in_store(self, store: &Store) -> StoreResult<T> {
        self.map_err(|e| store.err(e))
    }
}

/// A database file and its SQLite logs.
fn with_logs(db: &Path) -> [PathBuf; 3] {
    let beside = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [db.to_path_buf(), beside("-wal"), beside("-shm")]
}

/// Switches the store to WAL journaling. SQLite does not wait (busy timeout) for the lock this
/// needs, so two programs creating the store at the same moment would see "database is
/// locked": retry for as long as any other write would wait.
fn set_wal(conn: &Connection) -> rusqlite::Result<()> {
    let deadline = std::time::Instant::now() + BUSY_TIMEOUT;
    loop {
        match conn.pragma_update(None, "journal_mode", "WAL") {
            Err(e)
                if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseBusy)
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(Duration::from_millis(5));
            }
            done => return done,
        }
    }
}

/// An existing, non-empty file must start like a SQLite database; an empty or missing file
/// becomes a new store.
fn check_header(path: &Path) -> StoreResult<()> {
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut head = Vec::with_capacity(SQLITE_MAGIC.len());
    (&mut file)
        .take(SQLITE_MAGIC.len() as u64)
        .read_to_end(&mut head)
        .map_err(|source| StoreError::Read {
            path: path.to_path_buf(),
            source,
        })?;
    if head.is_empty() || head.as_slice() == SQLITE_MAGIC {
        Ok(())
    } else {
        Err(StoreError::damaged(
            path,
            "it is not a SQLite database".into(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes of SQLite's page cache the store's connection holds now.
    fn cache_used(store: &Store) -> i32 {
        let (mut now, mut high) = (0, 0);
        // SAFETY: the handle is the store's open connection, used on this thread only; the
        // out-pointers are locals that outlive the call.
        unsafe {
            rusqlite::ffi::sqlite3_db_status(
                store.conn.handle(),
                rusqlite::ffi::SQLITE_DBSTATUS_CACHE_USED,
                &mut now,
                &mut high,
                0,
            )
        };
        now
    }

    #[test]
    fn the_integrity_check_keeps_no_large_store_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path()).unwrap();
        let long = "长".repeat(400);
        for i in 0..3000 {
            store.set_setting(&format!("zz-{i}"), &long).unwrap();
        }
        drop(store);
        let store = Store::open(dir.path()).unwrap();
        store.check_integrity().unwrap();
        let kept = cache_used(&store);
        assert!(
            kept < 512 * 1024,
            "{kept} bytes of pages kept after the check"
        );
        let size: i64 = store
            .conn
            .query_row("PRAGMA cache_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(size, -2000, "the cache gets SQLite's default size back");
    }
}
