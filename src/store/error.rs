//! What can go wrong with the store, each message naming the file and what to do about it.

use std::path::{Path, PathBuf};

use crate::i18n::{Lang, fill};
use crate::text::sanitize_line;

/// Shown by `message` in the UI language (`Display` is the English one).
#[derive(Debug)]
pub enum StoreError {
    /// The data folder cannot be created.
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The store file exists but cannot be read.
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    /// The file is not a SQLite database, or it is corrupt. It is left exactly as it is.
    /// `wal` is its write-ahead log when one lies next to it: it belongs to the damaged file
    /// (and would be replayed into a new store), so it must be moved with it.
    Damaged {
        path: PathBuf,
        detail: String,
        wal: Option<PathBuf>,
    },
    /// The store was written by a newer mianba whose schema this one does not know.
    TooNew {
        path: PathBuf,
        found: i64,
        known: i64,
    },
    /// Any other SQLite failure (locked for longer than the busy timeout, disk full, …).
    Sqlite {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// A backup named by the user that is a FIFO, device or folder: `files::not_a_file`.
    NotAFile {
        path: PathBuf,
        kind: crate::files::Kind,
    },
    /// A backup target refused or not written (`files::write_with`); nothing was changed.
    Write(crate::files::WriteError),
    /// A backup larger than any store mianba writes: refused before it is read.
    BackupTooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// A file that is not a mianba backup, or one whose content does not hold together.
    /// Nothing was imported.
    /// `detail` quotes the file's own text (names, uids, values serde echoes back), so it is
    /// cleaned of control characters before it is shown.
    BackupInvalid { path: PathBuf, detail: String },
    /// A backup written by a newer mianba. Nothing was imported.
    BackupTooNew {
        path: PathBuf,
        found: u32,
        known: u32,
    },
    /// A JSON column (a scorecard, a list of banks) that cannot be written or read back.
    /// `what` may name a grader or a question from an imported file: cleaned before it is shown.
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

impl StoreError {
    /// The message in the UI language, naming the file and what to do.
    pub fn message(&self, lang: Lang) -> String {
        let ui = lang.ui();
        let p = |path: &Path| path.display().to_string();
        match self {
            StoreError::CreateDir { path, source } => {
                fill(ui.err_store_dir, &[("path", &p(path)), ("why", source)])
            }
            StoreError::Read { path, source } => {
                crate::files::io_message(lang, path, source, false)
            }
            StoreError::Damaged { path, detail, wal } => {
                let wal = wal.as_ref().map_or_else(String::new, |w| {
                    fill(ui.err_store_damaged_wal, &[("wal", &p(w))])
                });
                fill(
                    ui.err_store_damaged,
                    &[("path", &p(path)), ("why", detail), ("wal", &wal)],
                )
            }
            StoreError::TooNew { path, found, known } => fill(
                ui.err_store_too_new,
                &[("path", &p(path)), ("found", found), ("known", known)],
            ),
            StoreError::Sqlite { path, source } => {
                fill(ui.err_store_sqlite, &[("path", &p(path)), ("why", source)])
            }
            StoreError::NotAFile { path, kind } => crate::files::not_a_file(path, *kind, lang),
            StoreError::Write(e) => e.message(lang),
            StoreError::BackupTooLarge { path, size, limit } => fill(
                ui.err_backup_large,
                &[("path", &p(path)), ("size", size), ("limit", limit)],
            ),
            // `detail` quotes the file's own text: cleaned before it is shown.
            StoreError::BackupInvalid { path, detail } => fill(
                ui.err_backup_invalid,
                &[("path", &p(path)), ("why", &sanitize_line(detail))],
            ),
            StoreError::BackupTooNew { path, found, known } => fill(
                ui.err_backup_too_new,
                &[("path", &p(path)), ("found", found), ("known", known)],
            ),
            // `what` may name a grader or a question from an imported file.
            StoreError::Json { path, what, source } => fill(
                ui.err_store_json,
                &[
                    ("what", &sanitize_line(what)),
                    ("path", &p(path)),
                    ("why", source),
                ],
            ),
        }
    }
}

impl std::fmt::Display for StoreError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::CreateDir { source, .. } | StoreError::Read { source, .. } => Some(source),
            StoreError::Write(e) => Some(e),
            StoreError::Sqlite { source, .. } => Some(source),
            StoreError::Json { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<crate::files::WriteError> for StoreError {
    fn from(e: crate::files::WriteError) -> Self {
        StoreError::Write(e)
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
