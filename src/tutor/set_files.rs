//! The set files a candidate has: the folders they are kept in, and each file loaded or the
//! reason it cannot be (the app lists both).

use std::path::{Path, PathBuf};

use crate::bank::{BankSet, Problem};
use crate::msg;
use crate::tutor::Set;

/// One set file as it is listed for the candidate.
#[derive(Debug, Clone, PartialEq)]
pub enum SetEntry {
    Ready(Box<Set>),
    /// A file that does not load: its name (a sanitised line) and its first problem (shown with
    /// `Problem::in_file` in the UI language), listed instead of stopping the app
    /// (`mianba set validate` lists every problem).
    Broken {
        file: String,
        problem: Box<Problem>,
    },
}

/// The folders sets are listed from: `sets/` in the data folder, then the user's
/// `sets/` in the config folder.
pub fn set_dirs(data_dir: &Path) -> Vec<PathBuf> {
    let mut dirs = vec![data_dir.join("sets")];
    dirs.extend(crate::paths::user_sets_dir());
    dirs
}

/// The sets to list: `given` (`--set`) first, then every `*.toml` in `dirs` by name, each file
/// once. A missing folder lists nothing.
pub fn list_sets(dirs: &[PathBuf], given: Option<&Path>, banks: &BankSet) -> Vec<SetEntry> {
    let mut files: Vec<PathBuf> = given.map(Path::to_path_buf).into_iter().collect();
    for dir in dirs {
        let Ok(read) = std::fs::read_dir(dir) else {
            continue;
        };
        let mut found: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            // Not only regular files: a FIFO or a broken link named *.toml is listed with the
            // reason it cannot be read, never passed over without a word.
            .filter(|p| !p.is_dir() && p.extension().is_some_and(|x| x == "toml"))
            .collect();
        found.sort();
        files.extend(found);
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|p| seen.insert(std::fs::canonicalize(p).unwrap_or_else(|_| p.clone())));
    files.iter().map(|p| load_entry(p, banks)).collect()
}

fn load_entry(path: &Path, banks: &BankSet) -> SetEntry {
    match crate::tutor::set::load_set(path, banks) {
        Ok(set) => SetEntry::Ready(Box::new(set)),
        Err(problems) => {
            let file = path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into(),
            );
            // `load_set` fails with at least one problem; the fallback only keeps types honest.
            let first = problems.into_iter().next();
            let problem = first.unwrap_or_else(|| Problem::at_start(&file, msg!(pr_no_such_path)));
            SetEntry::Broken {
                file: crate::text::sanitize_line(&file),
                problem: Box::new(problem),
            }
        }
    }
}
