//! What can go wrong with the store, each message naming the file and what to do about it.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The data folder cannot be created.
    #[error("cannot create the data folder {}: {source}; check its permissions or pass --data-dir", path.display())]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The store file exists but cannot be read.
    #[error("cannot read {}: {source}; check its permissions", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not a SQLite database, or it is corrupt. It is left exactly as it is.
    /// `wal` is its write-ahead log when one lies next to it: it belongs to the damaged file
    /// (and would be replayed into a new store), so it must be moved with it.
    #[error("{} is damaged or is not a mianba store ({detail}); move it aside{} and mianba will start a new store",
        path.display(), wal.as_ref().map(|w| format!(" together with {}", w.display())).unwrap_or_default())]
    Damaged {
        path: PathBuf,
        detail: String,
        wal: Option<PathBuf>,
    },
    /// The store was written by a newer mianba whose schema this one does not know.
    #[error("{} was written by a newer mianba (store schema {found}, this version knows up to {known}); update mianba", path.display())]
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// Any other SQLite failure (locked for longer than the busy timeout, disk full, …).
    #[error("cannot use the store {}: {source}; check the disk and that no other program holds it", path.display())]
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// A backup named by the user that is a FIFO, device or folder: `files::not_a_file`.
    #[error("{0}")]
    NotAFile(String),
    /// A backup target refused or not written (`files::write_with`); nothing was changed.
    #[error(transparent)]
    Write(#[from] crate::files::WriteError),
    /// A backup larger than any store mianba writes: refused before it is read.
    #[error("{} is {size} bytes, more than a mianba backup can be ({limit} bytes); check it is the right file", path.display())]
    BackupTooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A file that is not a mianba backup, or one whose content does not hold together.
    /// Nothing was imported.
    /// `detail` quotes the file's own text (names, uids, values serde echoes back), so it is
    /// cleaned of control characters before it is shown.
    #[error("{} is not a valid mianba backup ({}); nothing was imported — use a file written by `mianba export`",
        path.display(), crate::text::sanitize_line(detail))]
    BackupInvalid { path: PathBuf, detail: String },
    /// A backup written by a newer mianba. Nothing was imported.
    #[error("{} was written by a newer mianba (backup version {found}, this version reads up to {known}); nothing was imported — update mianba", path.display())]
    BackupTooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    /// A JSON column (a scorecard, a list of banks) that cannot be written or read back.
    /// `what` may name a grader or a question from an imported file: cleaned before it is shown.
    #[error("{} in {} cannot be stored or read back as JSON: {source}",
        crate::text::sanitize_line(what), path.display())]
    Json {
        path: PathBuf,
        what: String,
        source: serde_json::Error,
    },
}

impl StoreError {
    /// A damaged store at `path`, naming its write-ahead log if there is one.
    pub(crate) fn damaged(path: &Path, detail: String) -> StoreError {
        let mut wal = path.as_os_str().to_owned();
        wal.push("-wal");
        let wal = PathBuf::from(wal);
        StoreError::Damaged {
            path: path.to_path_buf(),
            detail,
            wal: wal.exists().then_some(wal),
        }
    }

    /// Wraps a SQLite error, recognising corruption so the user hears the safe fix.
    pub(crate) fn sqlite(path: &Path, source: rusqlite::Error) -> StoreError {
        use rusqlite::ErrorCode::{DatabaseCorrupt, NotADatabase};
        match source.sqlite_error_code() {
            Some(DatabaseCorrupt | NotADatabase) => StoreError::damaged(path, source.to_string()),
            _ => StoreError::Sqlite {
                path: path.to_path_buf(),
                source,
            },
        }
    }
}

/// Store errors reach the user as bad input (exit code 1), their message unchanged.
impl From<StoreError> for crate::error::Error {
    fn from(e: StoreError) -> Self {
        crate::error::Error::BadInput(e.to_string())
    }
}

pub type StoreResult<T> = std::result::Result<T, StoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_from_files_in_messages_is_cleaned() {
        let source = serde_json::from_str::<u8>("x").unwrap_err();
        let e = StoreError::Json {
            path: "store.db".into(),
            what: "the grade by \u{1b}]0;pwned\u{7}王老师 on q".into(),
            source,
        };
        let shown = e.to_string();
        assert!(shown.contains("王老师"), "{shown}");
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
    }
}
