//! Where a question's `figure` text comes from: the bank's folder on disk, or the table of
//! bundled files. Either way the path stays inside the bank's folder and the file stays small.

use std::fs;
use std::path::{Path, PathBuf};

use super::bundled;
use crate::files::{Kind, ReadCapped, read_capped};
use crate::message::Message;
use crate::msg;

/// Figures are short texts (material, ASCII art) shown beside a prompt; anything larger is a
/// mistake, and reading it must not stall loading.
pub const MAX_FIGURE_BYTES: u64 = 64 * 1024;

/// Why a figure cannot be used. `message` (and `Display`, in English) completes a sentence
/// that starts "figure `PATH` …".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FigureError {
    EmptyPath,
    Absolute,
    ParentDir,
    Escapes,
    Missing,
    TooLarge {
        size: u64,
    },
    /// The system's reason (English), or what the path is instead of a file.
    Unreadable(Message),
    NotText,
}

impl FigureError {
    pub fn message(&self) -> Message {
        match self {
            FigureError::EmptyPath => msg!(fig_empty_path),
            FigureError::Absolute => msg!(fig_absolute),
            FigureError::ParentDir => msg!(fig_parent_dir),
            FigureError::Escapes => msg!(fig_escapes),
            FigureError::Missing => msg!(fig_missing),
            FigureError::TooLarge { size } => {
                msg!(fig_too_large, size = *size, max = MAX_FIGURE_BYTES)
            }
            FigureError::Unreadable(why) => msg!(fig_unreadable, why = why.clone()),
            FigureError::NotText => msg!(fig_not_text),
        }
    }
}

impl std::fmt::Display for FigureError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for FigureError {}

/// What a path is instead of a regular file, for `FigureError::Unreadable`.
fn not_regular(kind: Kind) -> FigureError {
    FigureError::Unreadable(msg!(fig_not_regular, kind = kind.message()))
}

/// Reads figure files for one bank. `rel` is the `figure` value as written in the bank.
pub trait FigureSource {
    fn read(&self, rel: &str) -> Result<String, FigureError>;
}

/// Rejects paths that leave the bank's folder by their spelling alone: empty, absolute
/// (`/x`, `\x`, `C:x`) or with a `..` component. Both separators count, so a bank written on
/// Windows is judged the same everywhere.
pub fn check_relative(rel: &str) -> Result<(), FigureError> {
    if rel.trim().is_empty() {
        return Err(FigureError::EmptyPath);
    }
    let has_drive = rel.as_bytes().get(1) == Some(&b':');
    if rel.starts_with(['/', '\\']) || has_drive || Path::new(rel).is_absolute() {
        return Err(FigureError::Absolute);
    }
    if rel.split(['/', '\\']).any(|c| c == "..") {
        return Err(FigureError::ParentDir);
    }
    Ok(())
}

/// Figures of a bank on disk: paths are relative to the folder holding the bank file.
pub struct FolderFigures {
    root: PathBuf,
}

impl FolderFigures {
    pub fn new(root: impl Into<PathBuf>) -> FolderFigures {
        FolderFigures { root: root.into() }
    }

    /// The folder of a bank file (`.` for a bare file name).
    pub fn of_bank_file(bank: &Path) -> FolderFigures {
        match bank.parent() {
            Some(p) if !p.as_os_str().is_empty() => FolderFigures::new(p),
            _ => FolderFigures::new("."),
        }
    }
}

impl FigureSource for FolderFigures {
    fn read(&self, rel: &str) -> Result<String, FigureError> {
        check_relative(rel)?;
        let unreadable =
            |e: std::io::Error| FigureError::Unreadable(Message::verbatim(e.kind().to_string()));
        let root = fs::canonicalize(&self.root).map_err(unreadable)?;
        // Canonical paths resolve every symbolic link, so a link pointing out is caught here.
        let path = match fs::canonicalize(self.root.join(rel)) {
            Ok(p) => p,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err(FigureError::Missing),
            Err(e) => return Err(unreadable(e)),
        };
        if !path.starts_with(&root) {
            return Err(FigureError::Escapes);
        }
        let meta = fs::metadata(&path).map_err(unreadable)?;
        if !meta.is_file() {
            return Err(FigureError::Unreadable(msg!(fig_not_a_file)));
        }
        let bytes = read_capped(&path, MAX_FIGURE_BYTES).map_err(|e| match e {
            ReadCapped::Io(e) => unreadable(e),
            ReadCapped::TooLarge(size) => FigureError::TooLarge { size },
            ReadCapped::NotAFile(kind) => not_regular(kind),
        })?;
        String::from_utf8(bytes).map_err(|_| FigureError::NotText)
    }
}

/// Figures of a bundled bank: looked up in the embedded table, relative to the bank's folder
/// inside `question_banks/`.
pub struct BundledFigures {
    /// The bank's folder relative to `question_banks/`, '/'-separated; empty at the top.
    dir: String,
}

impl BundledFigures {
    /// For the bundled bank at `bank_rel` (e.g. `complaint.toml` or `extra/en.toml`).
    pub fn of_bank(bank_rel: &str) -> BundledFigures {
        let dir = bank_rel.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        BundledFigures {
            dir: dir.to_string(),
        }
    }
}

impl FigureSource for BundledFigures {
    fn read(&self, rel: &str) -> Result<String, FigureError> {
        check_relative(rel)?;
        let parts = self
            .dir
            .split('/')
            .chain(rel.split(['/', '\\']))
            .filter(|c| !c.is_empty() && *c != ".");
        let key = parts.collect::<Vec<_>>().join("/");
        let text = bundled::read(&key).ok_or(FigureError::Missing)?;
        if text.len() as u64 > MAX_FIGURE_BYTES {
            return Err(FigureError::TooLarge {
                size: text.len() as u64,
            });
        }
        Ok(text.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_that_leaves_the_folder_is_rejected() {
        assert_eq!(check_relative("figures/a.txt"), Ok(()));
        assert_eq!(check_relative("./a.txt"), Ok(()));
        assert_eq!(check_relative(""), Err(FigureError::EmptyPath));
        assert_eq!(check_relative("/etc/passwd"), Err(FigureError::Absolute));
        assert_eq!(check_relative("\\x.txt"), Err(FigureError::Absolute));
        assert_eq!(check_relative("C:x.txt"), Err(FigureError::Absolute));
        assert_eq!(check_relative("../x.txt"), Err(FigureError::ParentDir));
        assert_eq!(check_relative("a/..\\..\\x"), Err(FigureError::ParentDir));
    }

    #[test]
    fn folder_reads_inside_and_refuses_large_missing_and_linked_out() {
        let outer = tempfile::tempdir().unwrap();
        let bank_dir = outer.path().join("bank");
        fs::create_dir_all(bank_dir.join("figures")).unwrap();
        fs::write(bank_dir.join("figures/a.txt"), "图").unwrap();
        fs::write(bank_dir.join("big.txt"), vec![b'x'; 70_000]).unwrap();
        fs::write(outer.path().join("secret.txt"), "s").unwrap();
        let figures = FolderFigures::new(&bank_dir);
        assert_eq!(figures.read("figures/a.txt").unwrap(), "图");
        assert_eq!(figures.read("figures/nope.txt"), Err(FigureError::Missing));
        assert_eq!(
            figures.read("big.txt"),
            Err(FigureError::TooLarge { size: 70_000 })
        );
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(outer.path().join("secret.txt"), bank_dir.join("l.txt"))
                .unwrap();
            assert_eq!(figures.read("l.txt"), Err(FigureError::Escapes));
        }
    }

    #[test]
    fn bundled_paths_are_relative_to_the_bank_folder() {
        // Whatever the bundled content is, each embedded figure is found from a top-level bank
        // and not from a bank one folder down (whose figures/ would be elsewhere).
        for (path, text) in bundled::files() {
            if let Some(rel) = path.strip_prefix("figures/") {
                let top = BundledFigures::of_bank("x.toml");
                assert_eq!(top.read(&format!("figures/{rel}")).unwrap(), *text);
                let deeper = BundledFigures::of_bank("sub/x.toml");
                assert_eq!(
                    deeper.read(&format!("figures/{rel}")),
                    Err(FigureError::Missing)
                );
            }
        }
    }
}
